#pragma once

// Internal to core/learning (not part of the public API): the per-visit arithmetic of every
// linear rule (rules.h writes the mathematics out), as *units*: each rule is a small struct the
// one visit loop of linearengine.cpp is instantiated with, so a new rule is a new struct, not a
// new branch of that loop. A rule computes, for one sample, the nets, the class it predicts, and
// the factor each unit's update multiplies x by; the loop applies the factors (online), adds them
// up (batch) or hands them to the answer policy (pocket, averaged).

#include "features.h"
#include "linearmodel.h"
#include "network.h"
#include "rules.h"

#include <array>
#include <cmath>
#include <cstring>

namespace plab::learning::detail {

/// A size known at compile time (> 0) or only at run time (kDynamic).
inline constexpr int kDynamic = 0;

/// thresholdOutput() with the convention fixed at compile time: one comparison per sample in the
/// classic model's loops instead of a switch.
template <ZeroConvention Z>
inline int hardOutput(double net, int target)
{
    if constexpr (Z == ZeroConvention::Positive)
        return int(net >= 0.0);
    else if constexpr (Z == ZeroConvention::Negative)
        return int(net > 0.0);
    else
        return int(net > 0.0) | (int(net == 0.0) & (target ^ 1));
}

/// The zero convention of a unit, fixed at compile time (the classic model's fast loops)...
template <ZeroConvention Z>
struct FixedZero
{
    [[nodiscard]] int output(double net, int target) const { return hardOutput<Z>(net, target); }
    [[nodiscard]] ZeroConvention convention() const { return Z; }
};

/// ... or at run time (every other linear model).
struct AnyZero
{
    ZeroConvention zero = ZeroConvention::Positive;
    [[nodiscard]] int output(double net, int target) const
    {
        return thresholdOutput(net, zero, target);
    }
    [[nodiscard]] ZeroConvention convention() const { return zero; }
};

/// The parameters of a layer of U units on D inputs (kDynamic: sizes known at run time, at most
/// kMaxClasses x kFeatureCount), in the flat layout of model.h: W column-major, w[i * U + k] the
/// weight of unit k on input i, then b. Held in local variables by the visit loop; for the classic
/// model (U = 1, D = 2) the compiler keeps them in registers.
template <int U, int D>
struct Weights
{
    static constexpr int kU = U > 0 ? U : kMaxClasses;
    static constexpr int kD = D > 0 ? D : kFeatureCount;
    std::array<double, std::size_t(kU* kD)> w{};
    std::array<double, std::size_t(kU)> b{};
    int runtimeUnits = U;
    int runtimeDims = D;

    [[nodiscard]] int units() const
    {
        if constexpr (U > 0)
            return U;
        else
            return runtimeUnits;
    }
    [[nodiscard]] int dims() const
    {
        if constexpr (D > 0)
            return D;
        else
            return runtimeDims;
    }
    void resize(int units, int dims)
    {
        runtimeUnits = units;
        runtimeDims = dims;
    }
    void load(const double* flat)
    {
        const int n = units() * dims();
        for (int k = 0; k < n; ++k)
            w[std::size_t(k)] = flat[k];
        for (int k = 0; k < units(); ++k)
            b[std::size_t(k)] = flat[n + k];
    }
    void store(double* flat) const
    {
        const int n = units() * dims();
        for (int k = 0; k < n; ++k)
            flat[k] = w[std::size_t(k)];
        for (int k = 0; k < units(); ++k)
            flat[n + k] = b[std::size_t(k)];
    }
    [[nodiscard]] double& at(int k, int i) { return w[std::size_t(i * units() + k)]; }
    [[nodiscard]] double at(int k, int i) const { return w[std::size_t(i * units() + k)]; }
    void set(int k, int i, double v) { at(k, i) = v; }
    [[nodiscard]] double& bias(int k) { return b[std::size_t(k)]; }
    [[nodiscard]] double bias(int k) const { return b[std::size_t(k)]; }
    void clear()
    {
        w.fill(0.0);
        b.fill(0.0);
    }

    /// Unit k's net w_k.x + b_k: the products summed in input order from the first, the bias last
    /// (w1 x1 + w2 x2 + b for the classic model).
    [[nodiscard]] double net(int k, const double* x) const
    {
        double s = at(k, 0) * x[0];
        for (int i = 1; i < dims(); ++i)
            s += at(k, i) * x[i];
        return s + b[std::size_t(k)];
    }
    /// w_k <- w_k + f x, b_k <- b_k + fb.
    void add(int k, double f, const double* x, double fb)
    {
        for (int i = 0; i < dims(); ++i)
            at(k, i) = at(k, i) + f * x[i];
        b[std::size_t(k)] = b[std::size_t(k)] + fb;
    }
    [[nodiscard]] bool finite() const
    {
        bool ok = true;
        for (int k = 0; k < units() * dims(); ++k)
            ok &= std::isfinite(w[std::size_t(k)]);
        for (int k = 0; k < units(); ++k)
            ok &= std::isfinite(b[std::size_t(k)]);
        return ok;
    }
};

/// The classic model's three parameters: (w1, w2) as a pair of doubles in one vector register
/// (GCC/Clang vector extension) and b. The pair's products w1 x1 and w2 x2 are the same IEEE
/// products as with scalars, summed in the same order, so the results are the same bits; x is
/// loaded with one instruction and nothing is shuffled but the second product.
template <>
struct Weights<1, 2>
{
    using Pair = double __attribute__((vector_size(16)));
    static constexpr int kU = 1;
    static constexpr int kD = 2;
    Pair w{0.0, 0.0};
    double b0 = 0.0;

    [[nodiscard]] static Pair pair(const double* x)
    {
        Pair v;
        std::memcpy(&v, x, sizeof v);
        return v;
    }
    [[nodiscard]] static constexpr int units() { return 1; }
    [[nodiscard]] static constexpr int dims() { return 2; }
    void resize(int, int) {}
    void load(const double* flat)
    {
        w = pair(flat);
        b0 = flat[2];
    }
    void store(double* flat) const
    {
        flat[0] = w[0];
        flat[1] = w[1];
        flat[2] = b0;
    }
    [[nodiscard]] double at(int, int i) const { return w[i]; }
    void set(int, int i, double v) { w[i] = v; }
    [[nodiscard]] double& bias(int) { return b0; }
    [[nodiscard]] double bias(int) const { return b0; }
    void clear()
    {
        w = Pair{0.0, 0.0};
        b0 = 0.0;
    }
    [[nodiscard]] double net(int, const double* x) const
    {
        const Pair p = w * pair(x);
        return p[0] + p[1] + b0;
    }
    void add(int, double f, const double* x, double fb)
    {
        w = w + f * pair(x);
        b0 = b0 + fb;
    }
    [[nodiscard]] bool finite() const
    {
        return std::isfinite(w[0]) && std::isfinite(w[1]) && std::isfinite(b0);
    }
};

/// What a rule says about one visit. z: the nets before the update; e: each unit's error factor
/// (the update's multiplier of x, divided by eta); f: the factor itself (eta e; 0 for a unit the
/// perceptron family leaves alone); output: the predicted class; mistake: the perceptron family's
/// update is due (for the gradient rules: unused).
template <int KU>
struct Outcome
{
    std::array<double, std::size_t(KU)> z{};
    std::array<double, std::size_t(KU)> e{};
    std::array<double, std::size_t(KU)> f{};
    int output = 0;
    bool mistake = false;
};

/// The argmax of z[0 .. k), ties to the lowest index; under ZeroConvention::Mistake a tie of the
/// target with another class at the top gives the lowest other class of the tie (an error).
inline int argmaxWithTarget(const double* z, int k, int target, ZeroConvention zero)
{
    int best = 0;
    for (int c = 1; c < k; ++c) {
        if (z[c] > z[best])
            best = c;
    }
    if (zero == ZeroConvention::Mistake && best == target) {
        for (int c = 0; c < k; ++c) {
            if (c != target && z[c] == z[best])
                return c;
        }
    }
    return best;
}

// --- The rules -------------------------------------------------------------------------------
// Each provides: kFamily (the perceptron family: updates on mistakes only), kUnits / kDims (the
// Weights sizes), visit(w, x, t, ctx, out) (the nets, the class, the error factors e; for the
// gradient rules also f = eta e), and for the perceptron family factors(t, ctx, out) (f, called
// on a mistake only).

/// Context every rule may read: the learning rate, the convention, the class count.
template <typename Zero>
struct RuleContext
{
    double lr = 1.0;
    Zero zero{};
    int classes = 2;
    /// eta t± indexed by t: the binary perceptron's factor eta (t - y) on an error.
    std::array<double, 2> step{};
};

/// The perceptron on one unit (two classes): y = threshold(net), on an error w += eta t± x.
template <int D, typename Zero>
struct BinaryPerceptron
{
    static constexpr bool kFamily = true;
    static constexpr int kUnits = 1;
    static constexpr int kDims = D;
    using Context = RuleContext<Zero>;

    template <typename W, typename O>
    static void visit(const W& w, const double* x, int t, const Context& c, O& o)
    {
        o.z[0] = w.net(0, x);
        const int y = c.zero.output(o.z[0], t);
        o.output = y;
        o.mistake = y != t;
        o.e[0] = double(t - y);
    }
    /// On a mistake (t - y = t±): f = eta t±, looked up from t alone, off the nets' critical path.
    template <typename O>
    static void factors(int t, const Context& c, O& o)
    {
        o.f[0] = c.step[std::size_t(t)];
    }
};

/// The multiclass (Kesler) perceptron: the prediction is the argmax of the nets; on an error
/// w_t += eta x, b_t += eta, w_pred -= eta x, b_pred -= eta.
template <typename Zero>
struct KeslerPerceptron
{
    static constexpr bool kFamily = true;
    static constexpr int kUnits = kDynamic;
    static constexpr int kDims = kDynamic;
    using Context = RuleContext<Zero>;

    template <typename W, typename O>
    static void visit(const W& w, const double* x, int t, const Context& c, O& o)
    {
        const int k = w.units();
        for (int u = 0; u < k; ++u) {
            o.z[std::size_t(u)] = w.net(u, x);
            o.e[std::size_t(u)] = 0.0;
            o.f[std::size_t(u)] = 0.0;
        }
        const int pred = argmaxWithTarget(o.z.data(), k, t, c.zero.convention());
        o.output = pred;
        o.mistake = pred != t;
        if (o.mistake) {
            o.e[std::size_t(t)] = 1.0;
            o.e[std::size_t(pred)] = -1.0;
        }
    }
    template <typename O>
    static void factors(int t, const Context& c, O& o)
    {
        o.f[std::size_t(t)] = c.lr;
        o.f[std::size_t(o.output)] = -c.lr;
    }
};

/// One-vs-rest: unit k is a binary perceptron for "class k" (t_k = [t = k]) with the zero
/// convention per unit; every unit in error takes its own step; the prediction is the argmax.
template <typename Zero>
struct OneVsRestPerceptron
{
    static constexpr bool kFamily = true;
    static constexpr int kUnits = kDynamic;
    static constexpr int kDims = kDynamic;
    using Context = RuleContext<Zero>;

    template <typename W, typename O>
    static void visit(const W& w, const double* x, int t, const Context& c, O& o)
    {
        const int k = w.units();
        bool any = false;
        for (int u = 0; u < k; ++u) {
            const double z = w.net(u, x);
            const int tu = u == t ? 1 : 0;
            const int yu = c.zero.output(z, tu);
            o.z[std::size_t(u)] = z;
            o.e[std::size_t(u)] = double(tu - yu);
            any |= yu != tu;
        }
        o.output = argmaxWithTarget(o.z.data(), k, t, c.zero.convention());
        o.mistake = any;
    }
    /// Every unit in error steps by eta t±_k; the others by nothing.
    template <typename O>
    static void factors(int t, const Context& c, O& o)
    {
        for (std::size_t u = 0; u < o.e.size(); ++u)
            o.f[u] = o.e[u] != 0.0 ? c.step[u == std::size_t(t) ? 1 : 0] : 0.0;
    }
};

/// Adaline (LMS) on one unit: e = t± - net.
template <int D, typename Zero>
struct BinaryAdaline
{
    static constexpr bool kFamily = false;
    static constexpr int kUnits = 1;
    static constexpr int kDims = D;
    using Context = RuleContext<Zero>;

    template <typename W, typename O>
    static void visit(const W& w, const double* x, int t, const Context& c, O& o)
    {
        o.z[0] = w.net(0, x);
        o.output = c.zero.output(o.z[0], t);
        o.e[0] = (t == 1 ? 1.0 : -1.0) - o.z[0];
        o.f[0] = c.lr * o.e[0];
    }
};

/// Logistic regression on one unit: e = t - sigmoid(net).
template <int D, typename Zero>
struct BinaryLogistic
{
    static constexpr bool kFamily = false;
    static constexpr int kUnits = 1;
    static constexpr int kDims = D;
    using Context = RuleContext<Zero>;

    template <typename W, typename O>
    static void visit(const W& w, const double* x, int t, const Context& c, O& o)
    {
        o.z[0] = w.net(0, x);
        o.output = c.zero.output(o.z[0], t);
        o.e[0] = double(t) - sigmoid(o.z[0]);
        o.f[0] = c.lr * o.e[0];
    }
};

/// Adaline on K units: least squares on one-hot targets, e_k = [t = k] - net_k.
template <typename Zero>
struct OneHotAdaline
{
    static constexpr bool kFamily = false;
    static constexpr int kUnits = kDynamic;
    static constexpr int kDims = kDynamic;
    using Context = RuleContext<Zero>;

    template <typename W, typename O>
    static void visit(const W& w, const double* x, int t, const Context& c, O& o)
    {
        const int k = w.units();
        for (int u = 0; u < k; ++u) {
            const double z = w.net(u, x);
            o.z[std::size_t(u)] = z;
            o.e[std::size_t(u)] = (u == t ? 1.0 : 0.0) - z;
            o.f[std::size_t(u)] = c.lr * o.e[std::size_t(u)];
        }
        o.output = argmaxWithTarget(o.z.data(), k, t, c.zero.convention());
    }
};

/// Softmax regression on K units: p = softmax(net) (max subtracted first), e_k = [t = k] - p_k.
template <typename Zero>
struct SoftmaxRegression
{
    static constexpr bool kFamily = false;
    static constexpr int kUnits = kDynamic;
    static constexpr int kDims = kDynamic;
    using Context = RuleContext<Zero>;

    template <typename W, typename O>
    static void visit(const W& w, const double* x, int t, const Context& c, O& o)
    {
        const int k = w.units();
        for (int u = 0; u < k; ++u)
            o.z[std::size_t(u)] = w.net(u, x);
        double m = o.z[0];
        for (int u = 1; u < k; ++u)
            m = o.z[std::size_t(u)] > m ? o.z[std::size_t(u)] : m;
        std::array<double, std::size_t(W::kU)> p{};
        double sum = 0.0;
        for (int u = 0; u < k; ++u) {
            p[std::size_t(u)] = std::exp(o.z[std::size_t(u)] - m);
            sum += p[std::size_t(u)];
        }
        for (int u = 0; u < k; ++u) {
            o.e[std::size_t(u)] = (u == t ? 1.0 : 0.0) - p[std::size_t(u)] / sum;
            o.f[std::size_t(u)] = c.lr * o.e[std::size_t(u)];
        }
        o.output = argmaxWithTarget(o.z.data(), k, t, c.zero.convention());
    }
};

} // namespace plab::learning::detail
