#pragma once

// The reference the network's speed targets are set against (issue 12): a 2-H-1 tanh network
// (sigmoid output, cross-entropy, plain online SGD, exact std::tanh) as fixed-size arrays, one
// step per sample, nothing around it. Shared by bench_network (one epoch against
// NetworkTrainer) and bench_session (epochs per second against the whole engine).

#include "learning/network.h"

#include <cmath>
#include <cstddef>

namespace plab::bench {

/// The reference: a 2-H-1 tanh network as fixed-size arrays, one online SGD step per sample.
template <int H>
struct TightLoop
{
    double w[H][2];
    double b[H];
    double v[H];
    double c = 0.0;

    explicit TightLoop(const learning::Network& n)
    {
        for (int j = 0; j < H; ++j) {
            w[j][0] = n.layers()[0].W(j, 0);
            w[j][1] = n.layers()[0].W(j, 1);
            b[j] = n.layers()[0].b(j);
            v[j] = n.layers()[1].W(0, j);
        }
        c = n.layers()[1].b(0);
    }

    void epoch(const double* xy, const int* labels, std::ptrdiff_t n, double lr)
    {
        for (std::ptrdiff_t i = 0; i < n; ++i) {
            const double x1 = xy[2 * i];
            const double x2 = xy[2 * i + 1];
            double h[H];
            for (int j = 0; j < H; ++j)
                h[j] = std::tanh(w[j][0] * x1 + w[j][1] * x2 + b[j]);
            double z = v[0] * h[0];
            for (int j = 1; j < H; ++j)
                z += v[j] * h[j];
            z += c;
            const double p =
                z >= 0.0 ? 1.0 / (1.0 + std::exp(-z)) : std::exp(z) / (1.0 + std::exp(z));
            const double d = p - double(labels[i]);
            for (int j = 0; j < H; ++j) {
                const double dj = (v[j] * d) * (1.0 - h[j] * h[j]);
                v[j] -= lr * (d * h[j]);
                w[j][0] -= lr * (dj * x1);
                w[j][1] -= lr * (dj * x2);
                b[j] -= lr * dj;
            }
            c -= lr * d;
        }
    }

    [[nodiscard]] bool sameAs(const learning::Network& n) const
    {
        bool same = n.layers()[1].b(0) == c;
        for (int j = 0; j < H; ++j) {
            same = same && n.layers()[0].W(j, 0) == w[j][0] && n.layers()[0].W(j, 1) == w[j][1] &&
                   n.layers()[0].b(j) == b[j] && n.layers()[1].W(0, j) == v[j];
        }
        return same;
    }
};

} // namespace plab::bench
