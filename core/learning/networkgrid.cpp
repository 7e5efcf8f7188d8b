// kernel::decideGrid (Network::decideGrid, Model::decideGrid): the decision function on a grid, for
// shading the canvas. Chunks of kLanes points of one row go through the whole network in
// fixed-length loops over the points, which the compiler vectorises (this file is built with
// -fno-trapping-math for fastTanh's clamp). On x86-64 the chunk function is also compiled for AVX2
// and chosen at load time: the same operations in the same order, four lanes instead of two, so the
// same bits on every machine.
#include "fastmath.h"
#include "network.h"
#include "networkkernel.h"

#include <Eigen/Core>

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>

// No clones under ThreadSanitizer: the clones' resolver runs while the dynamic loader relocates
// the program, before the TSan runtime is set up, and the instrumented resolver crashes there.
#if defined(__SANITIZE_THREAD__) && !defined(PLAB_GRID_CLONES)
#define PLAB_GRID_CLONES
#endif
#ifndef PLAB_GRID_CLONES
#if defined(__x86_64__) && defined(__has_attribute)
#if __has_attribute(target_clones)
#define PLAB_GRID_CLONES __attribute__((target_clones("avx2", "default")))
#endif
#endif
#endif
#ifndef PLAB_GRID_CLONES
#define PLAB_GRID_CLONES
#endif

namespace plab::learning {

namespace {

constexpr int kLanes = 64;
using Lanes = std::array<double, kLanes>;

/// The network as plain arrays: W row-major (W[j * inputs + i]), so a unit's weights are adjacent.
struct GridNet
{
    int count = 0;
    std::array<int, kMaxHiddenLayers + 1> units{};
    std::array<int, kMaxHiddenLayers + 1> inputs{};
    std::array<std::array<double, kMaxUnits * kMaxUnits>, kMaxHiddenLayers + 1> W{};
    std::array<std::array<double, kMaxUnits>, kMaxHiddenLayers + 1> b{};
    Activation activation = Activation::Tanh;
};

/// Per chunk: the features (one row per feature), two banks of activations, the scores.
struct GridBuffers
{
    alignas(64) std::array<Lanes, kFeatureCount> features;
    alignas(64) std::array<std::array<Lanes, kMaxUnits>, 2> bank;
};

/// n <- f(n + b) for every lane: the bias last, then the hidden activation (none at the output).
inline void finish(Activation a, bool hidden, double b, Lanes& n)
{
    if (!hidden) {
        for (double& x : n)
            x += b;
        return;
    }
    switch (a) {
    case Activation::Tanh:
        for (double& x : n)
            x = fastTanh(x + b);
        break;
    case Activation::Sigmoid:
        // sigma(x) = (1 + tanh(x / 2)) / 2: half the tanh approximation's error.
        for (double& x : n)
            x = 0.5 + 0.5 * fastTanh(0.5 * (x + b));
        break;
    case Activation::Relu:
        for (double& x : n) {
            const double v = x + b;
            x = v > 0.0 ? v : 0.0;
        }
        break;
    case Activation::Identity:
        for (double& x : n)
            x += b;
        break;
    case Activation::Step:
        for (double& x : n)
            x = x + b >= 0.0 ? 1.0 : 0.0;
        break;
    }
}

/// Runs buf.features through every layer; returns the bank holding the scores. Each net is
/// summed in the order of the exact forward pass (input 0, 1, ..., then the bias), a few inputs
/// per pass over the lanes so the partial sums stay in registers.
PLAB_GRID_CLONES
int forwardChunk(const GridNet& g, GridBuffers& buf)
{
    const std::array<Lanes, kMaxUnits>* prev = nullptr;
    int out = 0;
    for (int l = 0; l < g.count; ++l) {
        const auto L = std::size_t(l);
        const int inputs = g.inputs[L];
        const auto input = [&](int i) -> const Lanes& {
            return l == 0 ? buf.features[std::size_t(i)] : (*prev)[std::size_t(i)];
        };
        for (int j = 0; j < g.units[L]; ++j) {
            const double* w = g.W[L].data() + j * inputs;
            Lanes& n = buf.bank[std::size_t(out)][std::size_t(j)];
            int i = 0;
            if (inputs >= 2) {
                const Lanes& a0 = input(0);
                const Lanes& a1 = input(1);
                for (std::size_t c = 0; c < std::size_t(kLanes); ++c)
                    n[c] = w[0] * a0[c] + w[1] * a1[c];
                i = 2;
            } else {
                const Lanes& a0 = input(0);
                for (std::size_t c = 0; c < std::size_t(kLanes); ++c)
                    n[c] = w[0] * a0[c];
                i = 1;
            }
            for (; i + 4 <= inputs; i += 4) {
                const Lanes& a0 = input(i);
                const Lanes& a1 = input(i + 1);
                const Lanes& a2 = input(i + 2);
                const Lanes& a3 = input(i + 3);
                for (std::size_t c = 0; c < std::size_t(kLanes); ++c) {
                    double v = n[c];
                    v += w[i] * a0[c];
                    v += w[i + 1] * a1[c];
                    v += w[i + 2] * a2[c];
                    v += w[i + 3] * a3[c];
                    n[c] = v;
                }
            }
            for (; i < inputs; ++i) {
                const Lanes& a = input(i);
                for (std::size_t c = 0; c < std::size_t(kLanes); ++c)
                    n[c] += w[i] * a[c];
            }
            finish(g.activation, l + 1 < g.count, g.b[L][std::size_t(j)], n);
        }
        prev = &buf.bank[std::size_t(out)];
        out = 1 - out;
    }
    return 1 - out;
}

/// One feature's lanes from the points' x1 (and sin x1) and the row's x2.
inline void fillFeature(Feature f, const Lanes& x, const Lanes& sinX, double y, Lanes& row)
{
    switch (f) {
    case Feature::X1:
        row = x;
        break;
    case Feature::X2:
        row.fill(y);
        break;
    case Feature::X1Squared:
        for (std::size_t c = 0; c < std::size_t(kLanes); ++c)
            row[c] = x[c] * x[c];
        break;
    case Feature::X2Squared:
        row.fill(y * y);
        break;
    case Feature::X1X2:
        for (std::size_t c = 0; c < std::size_t(kLanes); ++c)
            row[c] = x[c] * y;
        break;
    case Feature::SinX1:
        row = sinX;
        break;
    case Feature::SinX2:
        row.fill(std::sin(y));
        break;
    }
}

/// sigma(|z|) = (1 + tanh(|z| / 2)) / 2 for every lane.
PLAB_GRID_CLONES
void twoClassConfidence(const Lanes& z, Lanes& conf)
{
    for (std::size_t c = 0; c < std::size_t(kLanes); ++c)
        conf[c] = 0.5 + 0.5 * fastTanh(0.5 * std::abs(z[c]));
}

} // namespace

void Network::decideGrid(std::span<const double> xs, std::span<const double> ys,
                         std::span<Decision> out) const
{
    if (out.size() != xs.size() * ys.size())
        throw std::invalid_argument("Network::decideGrid: out must have xs.size() * ys.size() "
                                    "entries");
    kernel::ConstParams P;
    P.count = int(m_layers.size());
    P.softmax = m_shape.classes > 2;
    for (std::size_t l = 0; l < m_layers.size(); ++l) {
        const Layer& L = m_layers[l];
        P.layer[l] = {L.W.data(), L.b.data(), L.units(), L.inputs()};
    }
    kernel::decideGrid(P, m_shape.features, m_shape.activation, m_shape.classes, 0, xs, ys, out);
}

namespace kernel {

void decideGrid(const ConstParams& P, FeatureSet features, Activation activation, int classes,
                int zeroClass, std::span<const double> xs, std::span<const double> ys,
                std::span<Decision> out)
{
    const std::size_t nx = xs.size();
    if (nx == 0 || ys.empty())
        return;

    GridNet g;
    g.count = P.count;
    g.activation = activation;
    for (std::size_t l = 0; l < std::size_t(P.count); ++l) {
        const ConstLayerRef& L = P.layer[l];
        g.units[l] = L.units;
        g.inputs[l] = L.inputs;
        for (int j = 0; j < L.units; ++j) {
            for (int i = 0; i < L.inputs; ++i)
                g.W[l][std::size_t(j * L.inputs + i)] = L.W[i * L.units + j];
            g.b[l][std::size_t(j)] = L.b[j];
        }
    }
    const bool softmax = classes > 2;

    // sin(x1) of every column, once (std::sin, as decide() computes it).
    std::vector<double> sinX;
    if (features.contains(Feature::SinX1)) {
        sinX.resize(nx);
        for (std::size_t c = 0; c < nx; ++c)
            sinX[c] = std::sin(xs[c]);
    }

    GridBuffers buf;
    Lanes x{};
    Lanes sx{};
    for (std::size_t r = 0; r < ys.size(); ++r) {
        const double y = ys[r];
        for (std::size_t c0 = 0; c0 < nx; c0 += kLanes) {
            const std::size_t w = std::min<std::size_t>(kLanes, nx - c0);
            // A short last chunk repeats its last point in the unused lanes.
            for (std::size_t c = 0; c < std::size_t(kLanes); ++c) {
                const std::size_t k = c0 + std::min(c, w - 1);
                x[c] = xs[k];
                sx[c] = sinX.empty() ? 0.0 : sinX[k];
            }
            // The features, each as FeatureSet::map computes it.
            std::size_t f = 0;
            for (int k = 0; k < kFeatureCount; ++k) {
                if (features.contains(Feature(k)))
                    fillFeature(Feature(k), x, sx, y, buf.features[f++]);
            }
            const auto& z = buf.bank[std::size_t(forwardChunk(g, buf))];

            Decision* o = out.data() + r * nx + c0;
            if (!softmax) {
                // The confidence sigma(|z|) = (1 + tanh(|z| / 2)) / 2, vectorised.
                Lanes conf;
                twoClassConfidence(z[0], conf);
                for (std::size_t c = 0; c < w; ++c) {
                    const double zc = z[0][c];
                    o[c] = {zc > 0.0 || (zc == 0.0 && zeroClass == 1) ? 1 : 0, conf[c]};
                }
                continue;
            }
            // Softmax: the argmax (ties to the lowest class) and 1 / sum_k e^{z_k - max}, with
            // Eigen's vectorised exp.
            Lanes best = z[0];
            std::array<int, kLanes> cls{};
            for (int k = 1; k < classes; ++k) {
                for (std::size_t c = 0; c < std::size_t(kLanes); ++c) {
                    if (z[std::size_t(k)][c] > best[c]) {
                        best[c] = z[std::size_t(k)][c];
                        cls[c] = k;
                    }
                }
            }
            using Row = Eigen::Map<const Eigen::Array<double, kLanes, 1>>;
            const Row bestRow(best.data());
            Eigen::Array<double, kLanes, 1> sum = (Row(z[0].data()) - bestRow).exp();
            for (int k = 1; k < classes; ++k)
                sum += (Row(z[std::size_t(k)].data()) - bestRow).exp();
            for (std::size_t c = 0; c < w; ++c)
                o[c] = {cls[c], 1.0 / sum[Eigen::Index(c)]};
        }
    }
}

} // namespace kernel

} // namespace plab::learning
