#pragma once

// Internal to core/learning (not part of the public API): the arithmetic of network.h on raw
// arrays. Network (evaluation, traces) and NetworkTrainer (the epoch loops, the records) both run
// these functions, so a traced step and a fast epoch compute the same bits. Every loop runs in
// the order network.h writes down; the activation and the output kind are template parameters,
// so the hot loops have no switch, no allocation and no virtual call.

#include "network.h"
#include "rules.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <span>
#include <vector>

namespace plab::learning::kernel {

/// The widest vector a pass holds: a hidden layer (kMaxUnits), the classes, the features.
inline constexpr int kWidth = kMaxUnits;
static_assert(kWidth >= kMaxClasses && kWidth >= kFeatureCount);
inline constexpr int kMaxLayers = kMaxHiddenLayers + 1;

/// One layer's parameters where they live. W is column-major, the layout of Eigen::MatrixXd:
/// W(j, i) is W[i * units + j].
template <typename T>
struct LayerRefT
{
    T* W = nullptr;
    T* b = nullptr;
    int units = 0;
    int inputs = 0;
};
using LayerRef = LayerRefT<double>;
using ConstLayerRef = LayerRefT<const double>;

template <typename T>
struct ParamsT
{
    std::array<LayerRefT<T>, kMaxLayers> layer{};
    int count = 0;
    bool softmax = false; ///< K > 2: softmax over the output units, else one sigmoid unit
};
using Params = ParamsT<double>;
using ConstParams = ParamsT<const double>;

inline ConstParams asConst(const Params& p)
{
    ConstParams c;
    for (int l = 0; l < p.count; ++l)
        c.layer[l] = {p.layer[l].W, p.layer[l].b, p.layer[l].units, p.layer[l].inputs};
    c.count = p.count;
    c.softmax = p.softmax;
    return c;
}

/// Parameters (or gradient sums) of every layer in one flat array: layer l's W, column-major
/// (the layout of Eigen::MatrixXd: W(j, i) at offset + i * units + j), then its b. This is the
/// layout of every model's parameter vector (model.h), linear models included.
struct FlatLayout
{
    int count = 0;
    std::array<int, kMaxLayers> units{};
    std::array<int, kMaxLayers> inputs{};
    std::array<int, kMaxLayers> offset{};
    int size = 0;
    bool softmax = false;

    /// Layers of sizes[0] -> sizes[1] -> ... (at least two entries); \p softmax for K > 2 outputs.
    FlatLayout(const std::vector<int>& sizes, bool softmaxOutput) : softmax(softmaxOutput)
    {
        count = int(sizes.size()) - 1;
        for (std::size_t l = 0; l < std::size_t(count); ++l) {
            inputs[l] = sizes[l];
            units[l] = sizes[l + 1];
            offset[l] = size;
            size += (sizes[l] + 1) * sizes[l + 1];
        }
    }
    explicit FlatLayout(const NetworkShape& shape) : FlatLayout(shape.sizes(), shape.classes > 2) {}

    /// Where each layer's W and b live in \p base (size() doubles).
    template <typename T>
    [[nodiscard]] ParamsT<T> refs(T* base) const
    {
        ParamsT<T> p;
        p.count = count;
        p.softmax = softmax;
        for (std::size_t l = 0; l < std::size_t(count); ++l) {
            T* W = base + offset[l];
            p.layer[l] = {W, W + units[l] * inputs[l], units[l], inputs[l]};
        }
        return p;
    }

    void store(const std::vector<Layer>& layers, double* flat) const
    {
        for (std::size_t l = 0; l < std::size_t(count); ++l) {
            const Layer& L = layers[l];
            std::copy_n(L.W.data(), L.W.size(), flat + offset[l]);
            std::copy_n(L.b.data(), L.b.size(), flat + offset[l] + L.W.size());
        }
    }
    void store(const std::vector<Layer>& layers, std::vector<double>& flat) const
    {
        flat.resize(std::size_t(size));
        store(layers, flat.data());
    }

    [[nodiscard]] std::vector<Layer> load(const double* flat) const
    {
        std::vector<Layer> out;
        out.reserve(std::size_t(count));
        for (std::size_t l = 0; l < std::size_t(count); ++l) {
            const double* W = flat + offset[l];
            out.push_back({Eigen::Map<const Eigen::MatrixXd>(W, units[l], inputs[l]),
                           Eigen::Map<const Eigen::VectorXd>(W + units[l] * inputs[l], units[l])});
        }
        return out;
    }
    [[nodiscard]] std::vector<Layer> load(const std::vector<double>& flat) const
    {
        return load(flat.data());
    }
};

/// The numbers of one sample's pass. a[0] is the feature vector, a[l + 1] the activations of
/// layer l (for the output layer: the probabilities, one entry p for a sigmoid output), net[l]
/// and delta[l] the nets and deltas of layer l (layer 0 = first hidden layer).
struct Pass
{
    std::array<std::array<double, kWidth>, kMaxLayers + 1> a;
    std::array<std::array<double, kWidth>, kMaxLayers> net;
    std::array<std::array<double, kWidth>, kMaxLayers> delta;
};

template <Activation A>
inline double activate(double net)
{
    if constexpr (A == Activation::Tanh)
        return std::tanh(net);
    else if constexpr (A == Activation::Relu)
        return net > 0.0 ? net : 0.0;
    else if constexpr (A == Activation::Sigmoid)
        return sigmoid(net);
    else if constexpr (A == Activation::Identity)
        return net;
    else
        return net >= 0.0 ? 1.0 : 0.0;
}

/// f'(net) from net and a = f(net).
template <Activation A>
inline double slope(double net, double a)
{
    if constexpr (A == Activation::Tanh)
        return 1.0 - a * a;
    else if constexpr (A == Activation::Relu)
        return net > 0.0 ? 1.0 : 0.0;
    else if constexpr (A == Activation::Sigmoid)
        return a * (1.0 - a);
    else if constexpr (A == Activation::Identity)
        return (void)net, (void)a, 1.0;
    else
        return (void)net, (void)a, 0.0;
}

/// net = W in + b: per unit j, W(j,0) in[0] + W(j,1) in[1] + ... + b_j, in that order. The loops
/// run over the units innermost (down a column of W), which vectorises without reordering any
/// unit's own sum.
inline void layerNets(const ConstLayerRef& L, const double* in, double* net)
{
    const int u = L.units;
    if (u == 1) {
        // A single unit (the two-class output): the sum in a register, not through memory.
        double s = L.W[0] * in[0];
        for (int i = 1; i < L.inputs; ++i)
            s += L.W[i] * in[i];
        net[0] = s + L.b[0];
        return;
    }
    // A local accumulator cannot alias W, so the compiler vectorises without runtime checks.
    std::array<double, kWidth> acc;
    for (int j = 0; j < u; ++j)
        acc[j] = L.W[j] * in[0];
    for (int i = 1; i < L.inputs; ++i) {
        const double* col = L.W + i * u;
        const double x = in[i];
        for (int j = 0; j < u; ++j)
            acc[j] += col[j] * x;
    }
    for (int j = 0; j < u; ++j)
        net[j] = acc[j] + L.b[j];
}

/// The forward pass from p.a[0]: every layer's nets, the hidden activations, the output
/// probabilities in p.a[count].
template <Activation A>
inline void forward(const ConstParams& P, Pass& p)
{
    const int last = P.count - 1;
    for (int l = 0; l < last; ++l) {
        layerNets(P.layer[l], p.a[l].data(), p.net[l].data());
        for (int j = 0; j < P.layer[l].units; ++j)
            p.a[l + 1][j] = activate<A>(p.net[l][j]);
    }
    layerNets(P.layer[last], p.a[last].data(), p.net[last].data());
    const double* z = p.net[last].data();
    double* out = p.a[last + 1].data();
    if (!P.softmax) {
        out[0] = sigmoid(z[0]);
        return;
    }
    const int k = P.layer[last].units;
    double m = z[0];
    for (int c = 1; c < k; ++c)
        m = z[c] > m ? z[c] : m;
    double sum = 0.0;
    for (int c = 0; c < k; ++c) {
        out[c] = std::exp(z[c] - m);
        sum += out[c];
    }
    for (int c = 0; c < k; ++c)
        out[c] /= sum;
}

/// Only the output layer's nets (the scores), for decisions: no probabilities.
template <Activation A>
inline void scores(const ConstParams& P, Pass& p)
{
    const int last = P.count - 1;
    for (int l = 0; l < last; ++l) {
        layerNets(P.layer[l], p.a[l].data(), p.net[l].data());
        for (int j = 0; j < P.layer[l].units; ++j)
            p.a[l + 1][j] = activate<A>(p.net[l][j]);
    }
    layerNets(P.layer[last], p.a[last].data(), p.net[last].data());
}

/// The sample's loss J from the scores (see network.h; softplus and log-sum-exp forms).
inline double loss(const ConstParams& P, const Pass& p, int target)
{
    const int last = P.count - 1;
    const double* z = p.net[last].data();
    if (!P.softmax)
        return softplus(target == 1 ? -z[0] : z[0]);
    const int k = P.layer[last].units;
    double m = z[0];
    for (int c = 1; c < k; ++c)
        m = z[c] > m ? z[c] : m;
    double sum = 0.0;
    for (int c = 0; c < k; ++c)
        sum += std::exp(z[c] - m);
    return std::log(sum) - (z[target] - m);
}

/// The predicted class (argmax of the scores, ties to the lowest index; z > 0 for two classes).
inline int predictedClass(const ConstParams& P, const Pass& p)
{
    const int last = P.count - 1;
    const double* z = p.net[last].data();
    if (!P.softmax)
        return z[0] > 0.0 ? 1 : 0;
    int best = 0;
    for (int c = 1; c < P.layer[last].units; ++c) {
        if (z[c] > z[best])
            best = c;
    }
    return best;
}

/// The class and its probability, from the scores.
inline Decision decision(const ConstParams& P, const Pass& p)
{
    const int last = P.count - 1;
    const double* z = p.net[last].data();
    const int cls = predictedClass(P, p);
    if (!P.softmax)
        return {cls, cls == 1 ? sigmoid(z[0]) : sigmoid(-z[0])};
    // The winner's exponential is e^0 = 1 exactly, so its probability is 1 / sum.
    const double m = z[cls];
    double sum = 0.0;
    for (int c = 0; c < P.layer[last].units; ++c)
        sum += std::exp(z[c] - m);
    return {cls, 1.0 / sum};
}

/// The backward pass after forward(): the output deltas p - t, then every hidden layer's.
template <Activation A>
inline void backward(const ConstParams& P, Pass& p, int target)
{
    const int last = P.count - 1;
    const double* prob = p.a[last + 1].data();
    double* d = p.delta[last].data();
    if (!P.softmax) {
        d[0] = prob[0] - double(target);
    } else {
        for (int c = 0; c < P.layer[last].units; ++c)
            d[c] = prob[c] - (c == target ? 1.0 : 0.0);
    }
    for (int l = last - 1; l >= 0; --l) {
        const ConstLayerRef& next = P.layer[l + 1];
        const double* dn = p.delta[l + 1].data();
        if (next.units == 1) {
            // Below a single unit the sum has one term (and the loop runs along W's row).
            for (int i = 0; i < next.inputs; ++i)
                p.delta[l][i] = (next.W[i] * dn[0]) * slope<A>(p.net[l][i], p.a[l + 1][i]);
            continue;
        }
        for (int i = 0; i < next.inputs; ++i) {
            const double* col = next.W + i * next.units;
            double s = col[0] * dn[0];
            for (int j = 1; j < next.units; ++j)
                s += col[j] * dn[j];
            p.delta[l][i] = s * slope<A>(p.net[l][i], p.a[l + 1][i]);
        }
    }
}

/// The online update W <- W - eta (delta a^T), b <- b - eta delta, in place.
inline void update(const Params& P, const Pass& p, double eta)
{
    for (int l = 0; l < P.count; ++l) {
        const LayerRef& L = P.layer[l];
        const double* d = p.delta[l].data();
        const double* in = p.a[l].data();
        if (L.units == 1) {
            // One unit: W is a row, updated along it.
            for (int i = 0; i < L.inputs; ++i)
                L.W[i] -= eta * (d[0] * in[i]);
            L.b[0] -= eta * d[0];
            continue;
        }
        for (int i = 0; i < L.inputs; ++i) {
            double* col = L.W + i * L.units;
            const double x = in[i];
            for (int j = 0; j < L.units; ++j)
                col[j] -= eta * (d[j] * x);
        }
        for (int j = 0; j < L.units; ++j)
            L.b[j] -= eta * d[j];
    }
}

/// Adds the sample's gradient to the accumulators \p G (laid out as the parameters); \p first
/// starts a new batch (G = g rather than 0 + g, so a batch of one is exactly the online step).
inline void accumulate(const Params& G, const Pass& p, bool first)
{
    for (int l = 0; l < G.count; ++l) {
        const LayerRef& L = G.layer[l];
        const double* d = p.delta[l].data();
        const double* in = p.a[l].data();
        for (int i = 0; i < L.inputs; ++i) {
            double* col = L.W + i * L.units;
            const double x = in[i];
            if (first) {
                for (int j = 0; j < L.units; ++j)
                    col[j] = d[j] * x;
            } else {
                for (int j = 0; j < L.units; ++j)
                    col[j] += d[j] * x;
            }
        }
        if (first) {
            for (int j = 0; j < L.units; ++j)
                L.b[j] = d[j];
        } else {
            for (int j = 0; j < L.units; ++j)
                L.b[j] += d[j];
        }
    }
}

/// The batch update theta <- theta - eta (G / m) for every parameter, in place.
inline void applyBatch(const Params& P, const ConstParams& G, double eta, double m)
{
    for (int l = 0; l < P.count; ++l) {
        const int n = P.layer[l].units * P.layer[l].inputs;
        for (int k = 0; k < n; ++k)
            P.layer[l].W[k] -= eta * (G.layer[l].W[k] / m);
        for (int j = 0; j < P.layer[l].units; ++j)
            P.layer[l].b[j] -= eta * (G.layer[l].b[j] / m);
    }
}

/// The largest change of any parameter in update(P, p, eta): per layer eta (max_j |delta_j|
/// max_i |a_i|) for the weights and eta max_j |delta_j| for the biases. Exactly the largest
/// |eta (delta_j a_i)| and |eta delta_j| the update subtracts, since rounding is monotone and
/// symmetric: the product of the largest magnitudes rounds to the largest rounded product.
inline double onlineStep(const ConstParams& P, const Pass& p, double eta)
{
    double step = 0.0;
    for (int l = 0; l < P.count; ++l) {
        const double* d = p.delta[l].data();
        const double* in = p.a[l].data();
        double md = 0.0;
        for (int j = 0; j < P.layer[l].units; ++j)
            md = std::max(md, std::abs(d[j]));
        double ma = 0.0;
        for (int i = 0; i < P.layer[l].inputs; ++i)
            ma = std::max(ma, std::abs(in[i]));
        step = std::max(step, std::max(eta * (md * ma), eta * md));
    }
    return step;
}

/// The largest change of any parameter in applyBatch(P, G, eta, m): eta (max_k |G_k| / m).
inline double batchStep(const ConstParams& G, double eta, double m)
{
    double mg = 0.0;
    for (int l = 0; l < G.count; ++l) {
        const int n = G.layer[l].units * G.layer[l].inputs;
        for (int k = 0; k < n; ++k)
            mg = std::max(mg, std::abs(G.layer[l].W[k]));
        for (int j = 0; j < G.layer[l].units; ++j)
            mg = std::max(mg, std::abs(G.layer[l].b[j]));
    }
    return eta * (mg / m);
}

/// A network's errors, per-class errors and summed loss on a data set: every point in index
/// order, the same forward pass as decide() and loss() (defined in network.cpp).
struct DataEvaluation
{
    std::int64_t errors = 0;
    std::array<std::int64_t, kMaxClasses> classErrors{};
    double lossSum = 0.0;
};
DataEvaluation evaluate(const ConstParams& P, FeatureSet features, Activation activation,
                        int classes, const Dataset& data);

/// The SampleTrace of a pass after forward() and backward() (defined in network.cpp).
SampleTrace makeTrace(const ConstParams& P, const Pass& p, const Eigen::Vector2d& x, int target,
                      int featureCount);

/// The decision at every grid point (networkgrid.cpp; see Network::decideGrid for the contract).
/// \p zeroClass is the two-class answer at a score of exactly 0 (0 for networks; the zero
/// convention's class for a linear model). out.size() == xs.size() * ys.size() is the caller's
/// to check.
void decideGrid(const ConstParams& P, FeatureSet features, Activation activation, int classes,
                int zeroClass, std::span<const double> xs, std::span<const double> ys,
                std::span<Decision> out);

/// Calls fn.template operator()<A>() with the activation as a compile-time constant.
template <typename Fn>
inline decltype(auto) withActivation(Activation a, Fn&& fn)
{
    switch (a) {
    case Activation::Relu:
        return fn.template operator()<Activation::Relu>();
    case Activation::Sigmoid:
        return fn.template operator()<Activation::Sigmoid>();
    case Activation::Identity:
        return fn.template operator()<Activation::Identity>();
    case Activation::Step:
        return fn.template operator()<Activation::Step>();
    case Activation::Tanh:
        break;
    }
    return fn.template operator()<Activation::Tanh>();
}

} // namespace plab::learning::kernel
