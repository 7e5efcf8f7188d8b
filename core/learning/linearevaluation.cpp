// The evaluation passes of the linear models (linearevaluation.h).
#include "linearevaluation.h"

#include "linearrules.h"
#include "rules.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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
template <LossKind L, int D, ZeroConvention Z>
Evaluation binary(const LinearInputs& in, const double* p)
{
    const int dims = D > 0 ? D : in.dims;
    // Whether a point on the line (s == 0) of class t is an error, as a constant per convention.
    constexpr int kZeroWrong0 = int(Z != ZeroConvention::Negative);
    constexpr int kZeroWrong1 = int(Z != ZeroConvention::Positive);
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
        const double tpm = t != 0 ? 1.0 : -1.0;
        const double s = tpm * net;
        const int zeroWrong = kZeroWrong0 == kZeroWrong1 ? kZeroWrong0 : kZeroWrong1 ? t : t ^ 1;
        const int wrong = int(s < 0.0) | (int(s == 0.0) & zeroWrong);
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

#if defined(__SSE2__)
/// The same pass for the classic model's inputs (D = 2) and the losses without a transcendental
/// function, two points at a time in one SSE2 register: the same products summed in the same
/// order (w1 x1 + w2 x2 + b), the same eight loss lanes (point i in lane i mod 8: vector j holds
/// lanes 2j and 2j + 1) added up in the same order, so the same bits as binary() above, in about
/// a third of the time. The error counts are integers, so their order does not matter: each is
/// two 64-bit counts that subtract the comparisons' masks (-1 for a point in error). Written with
/// intrinsics because GCC turned the same masks in its vector extension into scalar moves.
template <LossKind L, ZeroConvention Z>
Evaluation binaryPairs(const LinearInputs& in, const double* p)
{
    constexpr int kPairs = kLanes / 2;
    const __m128d w1 = _mm_set1_pd(p[0]);
    const __m128d w2 = _mm_set1_pd(p[1]);
    const __m128d b = _mm_set1_pd(p[2]);
    const __m128d zero = _mm_setzero_pd();
    const __m128d one = _mm_set1_pd(1.0);
    const __m128d half = _mm_set1_pd(0.5);
    const __m128d sign = _mm_set1_pd(-0.0);
    const double* xs = in.in;
    const int* lab = in.labels;
    __m128i errors = _mm_setzero_si128();
    __m128i errors1 = _mm_setzero_si128();
    __m128d loss[kPairs] = {zero, zero, zero, zero}; // not std::array: __m128d's attributes
    int i = 0;
    for (; i + kLanes <= in.n; i += kLanes) {
        for (int j = 0; j < kPairs; ++j) {
            const int k = i + 2 * j;
            const __m128d a = _mm_loadu_pd(xs + 2 * std::size_t(k));
            const __m128d c = _mm_loadu_pd(xs + 2 * std::size_t(k) + 2);
            const __m128d x1 = _mm_unpacklo_pd(a, c);
            const __m128d x2 = _mm_unpackhi_pd(a, c);
            const __m128d net = _mm_add_pd(_mm_add_pd(_mm_mul_pd(w1, x1), _mm_mul_pd(w2, x2)), b);
            const __m128d t =
                _mm_cvtepi32_pd(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(lab + k)));
            const __m128d ones = _mm_cmpeq_pd(t, one);
            const __m128d tpm = _mm_sub_pd(_mm_add_pd(t, t), one); // exactly -1 or +1
            const __m128d s = _mm_mul_pd(tpm, net);
            __m128d wrong;
            if constexpr (Z == ZeroConvention::Mistake) {
                wrong = _mm_cmple_pd(s, zero);
            } else {
                const __m128d onLine = _mm_cmpeq_pd(s, zero);
                const __m128d lineWrong = Z == ZeroConvention::Positive
                                              ? _mm_andnot_pd(ones, onLine)
                                              : _mm_and_pd(ones, onLine);
                wrong = _mm_or_pd(_mm_cmplt_pd(s, zero), lineWrong);
            }
            errors = _mm_sub_epi64(errors, _mm_castpd_si128(wrong));
            errors1 = _mm_sub_epi64(errors1, _mm_castpd_si128(_mm_and_pd(wrong, ones)));
            __m128d& sum = loss[j];
            if constexpr (L == LossKind::Criterion) {
                const __m128d m = _mm_xor_pd(s, sign);                       // -s
                sum = _mm_add_pd(sum, _mm_and_pd(m, _mm_cmpgt_pd(m, zero))); // +0 if -s <= 0
            } else if constexpr (L == LossKind::Squared) {
                const __m128d d = _mm_sub_pd(tpm, net);
                sum = _mm_add_pd(sum, _mm_mul_pd(_mm_mul_pd(half, d), d));
            }
        }
    }
    std::array<double, kLanes> lanes{};
    for (int j = 0; j < kPairs; ++j)
        _mm_storeu_pd(lanes.data() + 2 * j, loss[j]);
    std::array<std::int64_t, 2> e{};
    std::array<std::int64_t, 2> e1{};
    _mm_storeu_si128(reinterpret_cast<__m128i*>(e.data()), errors);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(e1.data()), errors1);
    std::int64_t count = e[0] + e[1];
    std::int64_t ones = e1[0] + e1[1];
    // The last N mod 8 points into lane 0, as binary() does.
    constexpr int kZeroWrong0 = int(Z != ZeroConvention::Negative);
    constexpr int kZeroWrong1 = int(Z != ZeroConvention::Positive);
    for (; i < in.n; ++i) {
        const double* x = xs + 2 * std::size_t(i);
        const double net = p[0] * x[0] + p[1] * x[1] + p[2];
        const int t = lab[i];
        const double tpm = t != 0 ? 1.0 : -1.0;
        const double s = tpm * net;
        const int zeroWrong = t != 0 ? kZeroWrong1 : kZeroWrong0;
        const int wrong = int(s < 0.0) | (int(s == 0.0) & zeroWrong);
        count += wrong;
        ones += wrong & t;
        lanes[0] += term<L>(s, tpm, net);
    }
    Evaluation out;
    double sum = 0.0;
    for (double v : lanes)
        sum += v;
    out.errors = count;
    out.classErrors[0] = std::int32_t(count - ones);
    out.classErrors[1] = std::int32_t(ones);
    out.loss = sum / double(in.n);
    return out;
}
#endif

template <LossKind L, int D, ZeroConvention Z>
Evaluation binaryFor(const LinearInputs& in, const double* p)
{
#if defined(__SSE2__)
    if constexpr (D == 2 && L != LossKind::CrossEntropy)
        return binaryPairs<L, Z>(in, p);
    else
#endif
        return binary<L, D, Z>(in, p);
}

template <LossKind L, int D>
Evaluation binary(const LinearInputs& in, const double* p)
{
    switch (in.zero) {
    case ZeroConvention::Negative:
        return binaryFor<L, D, ZeroConvention::Negative>(in, p);
    case ZeroConvention::Mistake:
        return binaryFor<L, D, ZeroConvention::Mistake>(in, p);
    case ZeroConvention::Positive:
        break;
    }
    return binaryFor<L, D, ZeroConvention::Positive>(in, p);
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
