#include "model.h"

#include "networkkernel.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

namespace plab::learning {

namespace {

kernel::FlatLayout layoutOf(const ModelShape& shape)
{
    return kernel::FlatLayout(shape.sizes(), shape.classes > 2);
}

std::string featureSuffix(FeatureSet features)
{
    if (features == FeatureSet())
        return {};
    std::string out = " on ";
    for (int i = 0; i < features.size(); ++i) {
        if (i > 0)
            out += ", ";
        out += formula(features.at(i));
    }
    return out;
}

/// The linear answer at a tie under ZeroConvention::Mistake: the lowest class other than
/// \p target whose score equals the top score \p top, or \p target when there is none.
int mistakeAtTie(const double* z, int k, int target, double top)
{
    for (int c = 0; c < k; ++c) {
        if (c != target && z[c] == top)
            return c;
    }
    return target;
}

} // namespace

std::string_view name(ModelKind k)
{
    return k == ModelKind::Network ? "mlp" : "linear";
}

std::optional<ModelKind> modelKindFromName(std::string_view n)
{
    if (n == "linear")
        return ModelKind::Linear;
    if (n == "mlp")
        return ModelKind::Network;
    return std::nullopt;
}

std::vector<int> ModelShape::sizes() const
{
    return networkShape().sizes();
}

int ModelShape::storedCount() const
{
    const std::vector<int> n = sizes();
    int total = 0;
    for (std::size_t l = 0; l + 1 < n.size(); ++l)
        total += (n[l] + 1) * n[l + 1];
    return total;
}

int ModelShape::parameterCount(int layer) const
{
    const std::vector<int> n = sizes();
    const int in = n[std::size_t(layer)];
    const int units = n[std::size_t(layer) + 1];
    const bool withBias = kind == ModelKind::Network || bias;
    return (in + (withBias ? 1 : 0)) * units;
}

int ModelShape::parameterCount() const
{
    int total = 0;
    for (int l = 0; l < layerCount(); ++l)
        total += parameterCount(l);
    return total;
}

NetworkShape ModelShape::networkShape() const
{
    return NetworkShape{features, hidden, activation, classes};
}

std::string ModelShape::description() const
{
    std::string out;
    if (kind == ModelKind::Network) {
        NetworkShape s = networkShape();
        out = s.description();
    } else {
        for (int n : sizes()) {
            if (!out.empty())
                out += '-';
            out += std::to_string(n);
        }
        out += ", linear";
        if (!bias)
            out += ", no bias";
    }
    return out + featureSuffix(features);
}

std::string ModelShape::parameterFormula() const
{
    if (kind == ModelKind::Network || bias)
        return networkShape().parameterFormula();
    const std::vector<int> n = sizes();
    return std::to_string(n[0]) + " x " + std::to_string(n[1]) + " = " +
           std::to_string(parameterCount());
}

std::optional<NetworkError> validate(const ModelShape& shape)
{
    using P = NetworkError::Problem;
    if (shape.kind == ModelKind::Linear) {
        if (!shape.hidden.empty())
            return NetworkError{P::HiddenLayers, -1, -1,
                                "a linear model has no hidden layers (choose a network for "
                                "hidden layers)"};
        if (shape.classes < kMinClasses || shape.classes > kMaxClasses)
            return NetworkError{P::Classes, -1, -1,
                                "the number of classes must be 2 to 8, not " +
                                    std::to_string(shape.classes)};
        return std::nullopt;
    }
    if (!shape.bias)
        return NetworkError{P::Bias, -1, -1,
                            "a network always has biases (only a linear model can do without)"};
    return validate(shape.networkShape());
}

Model::Model() : m_parameters(3, 0.0)
{}

Model::Model(ModelShape shape, SmallVector parameters, ZeroConvention zero)
    : m_shape(std::move(shape)), m_parameters(std::move(parameters)), m_zero(zero)
{
    check();
}

Model::Model(ModelShape shape, const std::vector<Layer>& layers, ZeroConvention zero)
    : m_shape(std::move(shape)), m_zero(zero)
{
    if (auto e = validate(m_shape))
        throw std::invalid_argument("Model: " + e->message);
    if (auto e = validate(m_shape.networkShape(), layers))
        throw std::invalid_argument("Model: " + e->message);
    m_parameters.assign(std::size_t(m_shape.storedCount()), 0.0);
    layoutOf(m_shape).store(layers, m_parameters.data());
    check();
}

void Model::check() const
{
    if (auto e = validate(m_shape))
        throw std::invalid_argument("Model: " + e->message);
    if (int(m_parameters.size()) != m_shape.storedCount())
        throw std::invalid_argument("Model: a " + m_shape.description() + " model has " +
                                    std::to_string(m_shape.storedCount()) +
                                    " stored parameters, not " +
                                    std::to_string(m_parameters.size()));
    if (!std::all_of(m_parameters.begin(), m_parameters.end(),
                     [](double v) { return std::isfinite(v); }))
        throw std::invalid_argument("Model: a parameter is not a finite number");
    if (m_shape.kind == ModelKind::Linear && !m_shape.bias) {
        const kernel::FlatLayout layout = layoutOf(m_shape);
        const kernel::ConstParams P = layout.refs(m_parameters.data());
        for (int j = 0; j < P.layer[0].units; ++j) {
            if (P.layer[0].b[j] != 0.0)
                throw std::invalid_argument("Model: a model without a bias has b = 0");
        }
    }
}

Model Model::classic(const LinearModel& model, bool bias, ZeroConvention zero)
{
    ModelShape shape;
    shape.bias = bias;
    return Model(shape, SmallVector{model.w.x(), model.w.y(), model.b}, zero);
}

Model Model::of(const Network& network)
{
    ModelShape shape;
    shape.kind = ModelKind::Network;
    shape.features = network.shape().features;
    shape.classes = network.shape().classes;
    shape.hidden = network.shape().hidden;
    shape.activation = network.shape().activation;
    return Model(shape, network.layers());
}

std::vector<Layer> Model::layers() const
{
    return layoutOf(m_shape).load(m_parameters.data());
}

namespace {

/// The output nets of \p x in \p pass, computed as the network kernels compute them.
void forwardScores(const ModelShape& shape, const kernel::ConstParams& P, const Eigen::Vector2d& x,
                   kernel::Pass& pass)
{
    shape.features.map(x.x(), x.y(), pass.a[0].data());
    kernel::withActivation(shape.activation, [&]<Activation A>() { kernel::scores<A>(P, pass); });
}

} // namespace

Eigen::VectorXd Model::scores(const Eigen::Vector2d& x) const
{
    const kernel::FlatLayout layout = layoutOf(m_shape);
    const kernel::ConstParams P = layout.refs(m_parameters.data());
    kernel::Pass pass;
    forwardScores(m_shape, P, x, pass);
    return Eigen::Map<const Eigen::VectorXd>(pass.net[std::size_t(P.count - 1)].data(),
                                             m_shape.outputUnits());
}

Eigen::VectorXd Model::probabilities(const Eigen::Vector2d& x) const
{
    const Eigen::VectorXd z = scores(x);
    if (m_shape.classes == 2)
        return Eigen::Vector2d(sigmoid(-z[0]), sigmoid(z[0]));
    const double m = z.maxCoeff();
    Eigen::VectorXd p(z.size());
    double sum = 0.0;
    for (Eigen::Index c = 0; c < z.size(); ++c) {
        p[c] = std::exp(z[c] - m);
        sum += p[c];
    }
    for (Eigen::Index c = 0; c < z.size(); ++c)
        p[c] /= sum;
    return p;
}

Decision Model::decide(const Eigen::Vector2d& x) const
{
    const kernel::FlatLayout layout = layoutOf(m_shape);
    const kernel::ConstParams P = layout.refs(m_parameters.data());
    kernel::Pass pass;
    forwardScores(m_shape, P, x, pass);
    Decision d = kernel::decision(P, pass);
    const double z = pass.net[std::size_t(P.count - 1)][0];
    if (m_shape.kind == ModelKind::Linear && m_shape.classes == 2 && z == 0.0 &&
        m_zero == ZeroConvention::Positive)
        d.cls = 1; // the confidence at z = 0 is 1/2 either way
    return d;
}

int Model::predict(const Eigen::Vector2d& x, int target) const
{
    const kernel::FlatLayout layout = layoutOf(m_shape);
    const kernel::ConstParams P = layout.refs(m_parameters.data());
    kernel::Pass pass;
    forwardScores(m_shape, P, x, pass);
    const double* z = pass.net[std::size_t(P.count - 1)].data();
    if (m_shape.kind == ModelKind::Network)
        return kernel::predictedClass(P, pass);
    if (m_shape.classes == 2)
        return thresholdOutput(z[0], m_zero, target);
    const int best = kernel::predictedClass(P, pass);
    if (m_zero == ZeroConvention::Mistake && best == target)
        return mistakeAtTie(z, m_shape.classes, target, z[best]);
    return best;
}

std::int64_t Model::errors(const Dataset& data, ClassErrors* perClass) const
{
    ClassErrors counts{};
    std::int64_t total = 0;
    for (std::size_t i = 0; i < data.size(); ++i) {
        const int t = data.label(i);
        if (t < 0 || t >= m_shape.classes)
            throw std::invalid_argument("Model::errors: a label is not a class of this model");
        if (predict(data.point(i), t) != t) {
            ++total;
            ++counts[std::size_t(t)];
        }
    }
    if (perClass)
        *perClass = counts;
    return total;
}

std::vector<std::size_t> Model::misclassified(const Dataset& data) const
{
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < data.size(); ++i) {
        const int t = data.label(i);
        if (t < 0 || t >= m_shape.classes)
            throw std::invalid_argument("Model::misclassified: a label is not a class of this "
                                        "model");
        if (predict(data.point(i), t) != t)
            out.push_back(i);
    }
    return out;
}

void Model::decideGrid(std::span<const double> xs, std::span<const double> ys,
                       std::span<Decision> out) const
{
    if (out.size() != xs.size() * ys.size())
        throw std::invalid_argument("Model::decideGrid: out must have xs.size() * ys.size() "
                                    "entries");
    const kernel::FlatLayout layout = layoutOf(m_shape);
    const bool positiveAtZero =
        m_shape.kind == ModelKind::Linear && m_zero == ZeroConvention::Positive;
    kernel::decideGrid(layout.refs(m_parameters.data()), m_shape.features, m_shape.activation,
                       m_shape.classes, positiveAtZero ? 1 : 0, xs, ys, out);
}

Network Model::network() const
{
    if (m_shape.kind != ModelKind::Network)
        throw std::logic_error("Model::network: not a network");
    return Network(m_shape.networkShape(), layers());
}

LinearModel Model::classicModel() const
{
    if (!m_shape.isClassic())
        throw std::logic_error("Model::classicModel: not the classic two-class linear model");
    return LinearModel{{m_parameters[0], m_parameters[1]}, m_parameters[2]};
}

} // namespace plab::learning
