#include "network.h"

#include "networkkernel.h"
#include "random.h"
#include "settings.h"

#include <array>
#include <cmath>
#include <stdexcept>
#include <utility>

namespace plab::learning {

namespace {

constexpr std::array<std::pair<Activation, std::string_view>, 5> kActivations{{
    {Activation::Tanh, "tanh"},
    {Activation::Relu, "relu"},
    {Activation::Sigmoid, "sigmoid"},
    {Activation::Identity, "identity"},
    {Activation::Step, "step"},
}};

NetworkError error(NetworkError::Problem problem, std::string message, int layer = -1)
{
    return NetworkError{problem, layer, -1, std::move(message)};
}

std::string layerName(int layer, int layers)
{
    if (layer == layers - 1)
        return "the output layer";
    return "hidden layer " + std::to_string(layer + 1);
}

kernel::ConstParams paramsOf(const Network& n)
{
    kernel::ConstParams p;
    const auto& layers = n.layers();
    p.count = int(layers.size());
    p.softmax = n.shape().classes > 2;
    for (int l = 0; l < p.count; ++l) {
        const Layer& L = layers[std::size_t(l)];
        p.layer[l] = {L.W.data(), L.b.data(), L.units(), L.inputs()};
    }
    return p;
}

} // namespace

namespace kernel {

SampleTrace makeTrace(const ConstParams& P, const Pass& p, const Eigen::Vector2d& x, int target,
                      int featureCount)
{
    using Vec = Eigen::Map<const Eigen::VectorXd>;
    const auto last = std::size_t(P.count - 1);
    SampleTrace t;
    t.x = x;
    t.target = target;
    t.input = Vec(p.a[0].data(), featureCount);
    for (std::size_t l = 0; l <= last; ++l) {
        const ConstLayerRef& L = P.layer[l];
        LayerTrace lt;
        lt.net = Vec(p.net[l].data(), L.units);
        lt.activation = Vec(p.a[l + 1].data(), l < last || P.softmax ? L.units : 1);
        lt.delta = Vec(p.delta[l].data(), L.units);
        lt.gradW.resize(L.units, L.inputs);
        for (int j = 0; j < L.units; ++j) {
            for (int i = 0; i < L.inputs; ++i)
                lt.gradW(j, i) = p.delta[l][std::size_t(j)] * p.a[l][std::size_t(i)];
        }
        lt.gradB = lt.delta;
        t.layers.push_back(std::move(lt));
    }
    if (P.softmax) {
        t.probabilities = Vec(p.a[last + 1].data(), P.layer[last].units);
    } else {
        const double z = p.net[last][0];
        t.probabilities = Eigen::Vector2d(sigmoid(-z), sigmoid(z));
    }
    t.decision = decision(P, p);
    t.loss = loss(P, p, target);
    return t;
}

} // namespace kernel

std::string_view name(Activation a)
{
    for (const auto& [v, n] : kActivations) {
        if (v == a)
            return n;
    }
    return {};
}

std::optional<Activation> activationFromName(std::string_view n)
{
    for (const auto& [v, name] : kActivations) {
        if (name == n)
            return v;
    }
    return std::nullopt;
}

std::vector<int> NetworkShape::sizes() const
{
    std::vector<int> out;
    out.reserve(hidden.size() + 2);
    out.push_back(features.size());
    out.insert(out.end(), hidden.begin(), hidden.end());
    out.push_back(outputUnits());
    return out;
}

int NetworkShape::parameterCount(int layer) const
{
    const std::vector<int> n = sizes();
    return (n[std::size_t(layer)] + 1) * n[std::size_t(layer) + 1];
}

int NetworkShape::parameterCount() const
{
    int total = 0;
    for (int l = 0; l < layerCount(); ++l)
        total += parameterCount(l);
    return total;
}

std::string NetworkShape::description() const
{
    std::string out;
    for (int n : sizes()) {
        if (!out.empty())
            out += '-';
        out += std::to_string(n);
    }
    if (!hidden.empty()) {
        out += ", ";
        out += name(activation);
    }
    return out;
}

std::string NetworkShape::parameterFormula() const
{
    const std::vector<int> n = sizes();
    std::string out;
    for (std::size_t l = 0; l + 1 < n.size(); ++l) {
        if (l > 0)
            out += " + ";
        // Appended piece by piece (GCC 12 warns, wrongly, about "(" + std::string + ...).
        out += '(';
        out += std::to_string(n[l]);
        out += " + 1) x ";
        out += std::to_string(n[l + 1]);
    }
    out += " = ";
    out += std::to_string(parameterCount());
    return out;
}

std::optional<NetworkError> validate(const NetworkShape& shape)
{
    using P = NetworkError::Problem;
    if (int(shape.hidden.size()) > kMaxHiddenLayers)
        return error(P::HiddenLayers, "a network has at most 3 hidden layers, not " +
                                          std::to_string(shape.hidden.size()));
    for (std::size_t l = 0; l < shape.hidden.size(); ++l) {
        const int u = shape.hidden[l];
        if (u < 1 || u > kMaxUnits)
            return error(P::Units,
                         "hidden layer " + std::to_string(l + 1) +
                             " must have 1 to 16 units, not " + std::to_string(u),
                         int(l));
    }
    if (shape.classes < kMinClasses || shape.classes > kMaxClasses)
        return error(P::Classes,
                     "the number of classes must be 2 to 8, not " + std::to_string(shape.classes));
    return std::nullopt;
}

std::optional<NetworkError> validate(const NetworkShape& shape, const std::vector<Layer>& layers)
{
    using P = NetworkError::Problem;
    if (auto e = validate(shape))
        return e;
    const int count = shape.layerCount();
    if (int(layers.size()) != count)
        return error(P::LayerCount, "a " + shape.description() + " network has " +
                                        std::to_string(count) + " layers, not " +
                                        std::to_string(layers.size()));
    const std::vector<int> n = shape.sizes();
    for (int l = 0; l < count; ++l) {
        const Layer& L = layers[std::size_t(l)];
        const int rows = n[std::size_t(l) + 1];
        const int cols = n[std::size_t(l)];
        if (L.W.rows() != rows || L.W.cols() != cols || L.b.size() != rows)
            return error(P::LayerShape,
                         layerName(l, count) + " needs W of " + std::to_string(rows) + " x " +
                             std::to_string(cols) + " and b of " + std::to_string(rows) +
                             ", not W of " + std::to_string(L.W.rows()) + " x " +
                             std::to_string(L.W.cols()) + " and b of " + std::to_string(L.b.size()),
                         l);
        if (!L.W.allFinite() || !L.b.allFinite())
            return error(P::Parameter,
                         layerName(l, count) + " has a weight or bias that is not a finite number",
                         l);
    }
    return std::nullopt;
}

Network::Network()
    : Network(NetworkShape{},
              std::vector<Layer>{Layer{Eigen::MatrixXd::Zero(1, 2), Eigen::VectorXd::Zero(1)}})
{}

Network::Network(NetworkShape shape, std::vector<Layer> layers)
    : m_shape(std::move(shape)), m_layers(std::move(layers))
{
    if (auto e = validate(m_shape, m_layers))
        throw std::invalid_argument("Network: " + e->message);
}

Network Network::glorot(const NetworkShape& shape, std::uint64_t seed)
{
    if (auto e = validate(shape))
        throw std::invalid_argument("Network::glorot: " + e->message);
    Random rng(seed, RandomPurpose::NetworkWeights);
    const std::vector<int> n = shape.sizes();
    std::vector<Layer> layers;
    for (std::size_t l = 0; l + 1 < n.size(); ++l) {
        const int in = n[l];
        const int units = n[l + 1];
        const double r = std::sqrt(6.0 / double(in + units));
        Layer L{Eigen::MatrixXd(units, in), Eigen::VectorXd::Zero(units)};
        for (int j = 0; j < units; ++j) {
            for (int i = 0; i < in; ++i)
                L.W(j, i) = rng.uniform(-r, r);
        }
        layers.push_back(std::move(L));
    }
    return Network(shape, std::move(layers));
}

Network Network::zeros(const NetworkShape& shape)
{
    if (auto e = validate(shape))
        throw std::invalid_argument("Network::zeros: " + e->message);
    const std::vector<int> n = shape.sizes();
    std::vector<Layer> layers;
    for (std::size_t l = 0; l + 1 < n.size(); ++l)
        layers.push_back({Eigen::MatrixXd::Zero(n[l + 1], n[l]), Eigen::VectorXd::Zero(n[l + 1])});
    return Network(shape, std::move(layers));
}

std::optional<NetworkError> Network::setWeight(int layer, int unit, int input, double value)
{
    if (layer < 0 || layer >= int(m_layers.size()))
        throw std::out_of_range("Network::setWeight: no such layer");
    Layer& L = m_layers[std::size_t(layer)];
    if (unit < 0 || unit >= L.units() || input < 0 || input >= L.inputs())
        throw std::out_of_range("Network::setWeight: no such weight");
    if (!std::isfinite(value))
        return error(NetworkError::Problem::Parameter, "a weight must be a finite number", layer);
    L.W(unit, input) = value;
    return std::nullopt;
}

std::optional<NetworkError> Network::setBias(int layer, int unit, double value)
{
    if (layer < 0 || layer >= int(m_layers.size()))
        throw std::out_of_range("Network::setBias: no such layer");
    Layer& L = m_layers[std::size_t(layer)];
    if (unit < 0 || unit >= L.units())
        throw std::out_of_range("Network::setBias: no such unit");
    if (!std::isfinite(value))
        return error(NetworkError::Problem::Parameter, "a bias must be a finite number", layer);
    L.b(unit) = value;
    return std::nullopt;
}

Eigen::VectorXd Network::scores(const Eigen::Vector2d& x) const
{
    const kernel::ConstParams P = paramsOf(*this);
    kernel::Pass p;
    m_shape.features.map(x.x(), x.y(), p.a[0].data());
    kernel::withActivation(m_shape.activation, [&]<Activation A>() { kernel::scores<A>(P, p); });
    return Eigen::Map<const Eigen::VectorXd>(p.net[std::size_t(P.count - 1)].data(),
                                             P.layer[P.count - 1].units);
}

Eigen::VectorXd Network::probabilities(const Eigen::Vector2d& x) const
{
    const kernel::ConstParams P = paramsOf(*this);
    kernel::Pass p;
    m_shape.features.map(x.x(), x.y(), p.a[0].data());
    kernel::withActivation(m_shape.activation, [&]<Activation A>() { kernel::forward<A>(P, p); });
    if (P.softmax)
        return Eigen::Map<const Eigen::VectorXd>(p.a[std::size_t(P.count)].data(), m_shape.classes);
    const double z = p.net[std::size_t(P.count - 1)][0];
    return Eigen::Vector2d(sigmoid(-z), sigmoid(z));
}

Decision Network::decide(const Eigen::Vector2d& x) const
{
    const kernel::ConstParams P = paramsOf(*this);
    kernel::Pass p;
    m_shape.features.map(x.x(), x.y(), p.a[0].data());
    kernel::withActivation(m_shape.activation, [&]<Activation A>() { kernel::scores<A>(P, p); });
    return kernel::decision(P, p);
}

double Network::loss(const Eigen::Vector2d& x, int target) const
{
    if (target < 0 || target >= m_shape.classes)
        throw std::out_of_range("Network::loss: no such class");
    const kernel::ConstParams P = paramsOf(*this);
    kernel::Pass p;
    m_shape.features.map(x.x(), x.y(), p.a[0].data());
    kernel::withActivation(m_shape.activation, [&]<Activation A>() { kernel::scores<A>(P, p); });
    return kernel::loss(P, p, target);
}

SampleTrace Network::trace(const Eigen::Vector2d& x, int target) const
{
    if (target < 0 || target >= m_shape.classes)
        throw std::out_of_range("Network::trace: no such class");
    const kernel::ConstParams P = paramsOf(*this);
    kernel::Pass p;
    m_shape.features.map(x.x(), x.y(), p.a[0].data());
    kernel::withActivation(m_shape.activation, [&]<Activation A>() {
        kernel::forward<A>(P, p);
        kernel::backward<A>(P, p, target);
    });

    return kernel::makeTrace(P, p, x, target, m_shape.features.size());
}

Eigen::MatrixXd Network::hiddenActivations(const Eigen::Ref<const Eigen::Matrix2Xd>& points,
                                           int layer) const
{
    if (layer < 0 || layer >= int(m_shape.hidden.size()))
        throw std::out_of_range("Network::hiddenActivations: no such hidden layer");
    const kernel::ConstParams P = paramsOf(*this);
    const int units = m_shape.hidden[std::size_t(layer)];
    Eigen::MatrixXd out(units, points.cols());
    kernel::withActivation(m_shape.activation, [&]<Activation A>() {
        kernel::Pass p;
        for (Eigen::Index c = 0; c < points.cols(); ++c) {
            m_shape.features.map(points(0, c), points(1, c), p.a[0].data());
            for (int l = 0; l <= layer; ++l) {
                kernel::layerNets(P.layer[l], p.a[std::size_t(l)].data(),
                                  p.net[std::size_t(l)].data());
                for (int j = 0; j < P.layer[l].units; ++j)
                    p.a[std::size_t(l) + 1][std::size_t(j)] =
                        kernel::activate<A>(p.net[std::size_t(l)][std::size_t(j)]);
            }
            for (int j = 0; j < units; ++j)
                out(j, c) = p.a[std::size_t(layer) + 1][std::size_t(j)];
        }
    });
    return out;
}

std::optional<NetworkError> validateData(const Dataset& data, int classes)
{
    using P = NetworkError::Problem;
    if (data.empty())
        return error(P::Data, "the data set is empty");
    if (data.size() > kMaxPoints)
        return error(P::Data, "the data set has more than 2000000 points");
    const std::vector<double>& xy = data.coordinates();
    for (std::size_t k = 0; k < xy.size(); ++k) {
        if (!std::isfinite(xy[k]) || std::abs(xy[k]) > kMaxCoordinate) {
            NetworkError e = error(P::Data, "point " + std::to_string(k / 2) +
                                                " has a coordinate that is not a finite number "
                                                "within +/-1e9");
            e.index = long(k / 2);
            return e;
        }
    }
    for (std::size_t i = 0; i < data.size(); ++i) {
        const int t = data.label(i);
        if (t < 0 || t >= classes) {
            NetworkError e =
                error(P::Label, "point " + std::to_string(i) + " has label " + std::to_string(t) +
                                    ", not a class 0 to " + std::to_string(classes - 1));
            e.index = long(i);
            return e;
        }
    }
    return std::nullopt;
}

NetworkEvaluation evaluate(const Network& network, const Dataset& data)
{
    const int k = network.shape().classes;
    if (data.empty())
        throw std::invalid_argument("evaluate: the data set is empty");
    const kernel::DataEvaluation e = kernel::evaluate(paramsOf(network), network.shape().features,
                                                      network.shape().activation, k, data);
    NetworkEvaluation ev;
    ev.errors = e.errors;
    ev.classErrors.assign(e.classErrors.begin(), e.classErrors.begin() + k);
    const double n = double(data.size());
    ev.loss = e.lossSum / n;
    ev.accuracy = 1.0 - double(ev.errors) / n;
    return ev;
}

namespace kernel {

DataEvaluation evaluate(const ConstParams& P, FeatureSet features, Activation activation,
                        int classes, const Dataset& data)
{
    const double* xy = data.coordinates().data();
    const int* labels = data.labels().data();
    const auto n = std::ptrdiff_t(data.size());
    DataEvaluation ev;
    withActivation(activation, [&]<Activation A>() {
        Pass p;
        for (std::ptrdiff_t i = 0; i < n; ++i) {
            const int t = labels[i];
            if (t < 0 || t >= classes)
                throw std::invalid_argument("evaluate: a label is not a class of this network");
            features.map(xy[2 * i], xy[2 * i + 1], p.a[0].data());
            scores<A>(P, p);
            ev.lossSum += loss(P, p, t);
            if (predictedClass(P, p) != t) {
                ++ev.errors;
                ++ev.classErrors[std::size_t(t)];
            }
        }
    });
    return ev;
}

} // namespace kernel

} // namespace plab::learning
