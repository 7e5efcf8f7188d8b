// The evaluation passes of the linear models (linearevaluation.h).
#include "linearevaluation.h"

#include "linearrules.h"
#include "rules.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace plab::learning::detail {

namespace {

constexpr int kLanes = 8;

/// One point's term of \p L for s = t± net (and the target t±).
template <LossKind L>
inline double term(double s, double tpm, double net)
{
    if constexpr (L == LossKind::Criterion) {
        return std::max(0.0, -s);
    } else if constexpr (L == LossKind::Squared) {
        const double e = tpm - net;
        return 0.5 * e * e;
    } else if constexpr (L == LossKind::CrossEntropy) {
        return softplus(-s);
    } else {
        return 0.0;
    }
}

/// The two-class pass: eight independent running sums (summed in a fixed order, so the result is
/// still deterministic) break the floating-point add chain and let the compiler vectorise. With
/// s = t± net a point is an error when s < 0, or when s == 0 and the zero convention calls it the
/// wrong class; every loss is a function of s or of t± - net. D = 2 (the classic model's inputs)
/// is compiled for its own sake: this pass runs after most of its epochs.
template <LossKind L, int D>
Evaluation binary(const LinearInputs& in, const double* p)
{
    const int dims = D > 0 ? D : in.dims;
    const std::array<int, 2> zeroWrong{int(thresholdOutput(0.0, in.zero, 0) != 0),
                                       int(thresholdOutput(0.0, in.zero, 1) != 1)};
    const double* xs = in.in;
    const int* lab = in.labels;
    std::array<double, kFeatureCount> w{};
    for (int d = 0; d < dims; ++d)
        w[std::size_t(d)] = p[d];
    const double b = p[dims];
    // Per lane at most N / 8 + 7 points: 32 bits hold the counts (kMaxPoints < 2^31), and 32-bit
    // lanes vectorise twice as wide as 64-bit ones.
    std::array<std::int32_t, kLanes> errors{};
    std::array<std::int32_t, kLanes> errors1{}; // errors among the points of class 1
    std::array<double, kLanes> loss{};
    const auto visit = [&](int i, int lane) {
        const double* x = xs + std::size_t(i) * std::size_t(dims);
        double net;
        if constexpr (D == 2) {
            net = w[0] * x[0] + w[1] * x[1] + b;
        } else {
            double sum = w[0] * x[0];
            for (int d = 1; d < dims; ++d)
                sum += w[std::size_t(d)] * x[d];
            net = sum + b;
        }
        const int t = lab[i];
        const double tpm = double(2 * t - 1);
        const double s = tpm * net;
        const int wrong = int(s < 0.0) | (int(s == 0.0) & zeroWrong[std::size_t(t)]);
        errors[std::size_t(lane)] += wrong;
        errors1[std::size_t(lane)] += wrong & t;
        loss[std::size_t(lane)] += term<L>(s, tpm, net);
    };
    int i = 0;
    for (; i + kLanes <= in.n; i += kLanes) {
        for (int lane = 0; lane < kLanes; ++lane)
            visit(i + lane, lane);
    }
    for (; i < in.n; ++i)
        visit(i, 0);
    Evaluation out;
    double sum = 0.0;
    std::int64_t ones = 0;
    for (std::size_t lane = 0; lane < std::size_t(kLanes); ++lane) {
        out.errors += std::int64_t(errors[lane]);
        ones += errors1[lane];
        sum += loss[lane];
    }
    out.classErrors[0] = std::int32_t(out.errors - ones);
    out.classErrors[1] = std::int32_t(ones);
    out.loss = sum / double(in.n);
    return out;
}

template <LossKind L>
Evaluation binary(const LinearInputs& in, const double* p)
{
    return in.dims == 2 ? binary<L, 2>(in, p) : binary<L, kDynamic>(in, p);
}

template <LossKind L>
Evaluation units(const LinearInputs& in, const double* p)
{
    // K units: every point in index order, one sum.
    Weights<kDynamic, kDynamic> w;
    w.resize(in.units, in.dims);
    w.load(p);
    const int k = in.units;
    Evaluation out;
    double sum = 0.0;
    std::array<double, kMaxClasses> z{};
    for (int i = 0; i < in.n; ++i) {
        const double* x = in.in + std::size_t(i) * std::size_t(in.dims);
        const int t = in.labels[i];
        for (int u = 0; u < k; ++u)
            z[std::size_t(u)] = w.net(u, x);
        if (argmaxWithTarget(z.data(), k, t, in.zero) != t) {
            ++out.errors;
            ++out.classErrors[std::size_t(t)];
        }
        if constexpr (L == LossKind::Kesler) {
            double m = z[0];
            for (int u = 1; u < k; ++u)
                m = std::max(m, z[std::size_t(u)]);
            sum += m - z[std::size_t(t)];
        } else if constexpr (L == LossKind::OneVsRest) {
            double s = 0.0;
            for (int u = 0; u < k; ++u)
                s += std::max(0.0, -(u == t ? 1.0 : -1.0) * z[std::size_t(u)]);
            sum += s;
        } else if constexpr (L == LossKind::OneHot) {
            double s = 0.0;
            for (int u = 0; u < k; ++u) {
                const double e = (u == t ? 1.0 : 0.0) - z[std::size_t(u)];
                s += 0.5 * e * e;
            }
            sum += s;
        } else if constexpr (L == LossKind::Softmax) {
            double m = z[0];
            for (int u = 1; u < k; ++u)
                m = z[std::size_t(u)] > m ? z[std::size_t(u)] : m;
            double e = 0.0;
            for (int u = 0; u < k; ++u)
                e += std::exp(z[std::size_t(u)] - m);
            sum += std::log(e) - (z[std::size_t(t)] - m);
        }
    }
    out.loss = sum / double(in.n);
    return out;
}

} // namespace

Evaluation evaluateLinear(const LinearInputs& in, LossKind loss, const double* p)
{
    if (in.units == 1) {
        switch (loss) {
        case LossKind::Criterion:
            return binary<LossKind::Criterion>(in, p);
        case LossKind::Squared:
            return binary<LossKind::Squared>(in, p);
        case LossKind::CrossEntropy:
            return binary<LossKind::CrossEntropy>(in, p);
        default:
            return binary<LossKind::None>(in, p);
        }
    }
    switch (loss) {
    case LossKind::Kesler:
        return units<LossKind::Kesler>(in, p);
    case LossKind::OneVsRest:
        return units<LossKind::OneVsRest>(in, p);
    case LossKind::OneHot:
        return units<LossKind::OneHot>(in, p);
    case LossKind::Softmax:
        return units<LossKind::Softmax>(in, p);
    default:
        return units<LossKind::None>(in, p);
    }
}

} // namespace plab::learning::detail
