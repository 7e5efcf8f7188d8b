#pragma once

#include "dataset.h"
#include "features.h"
#include "linearmodel.h"
#include "network.h"
#include "smallvector.h"

#include <Eigen/Core>

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

/// \file
/// One interface for every model: what the trainer trains, the history records, and the files,
/// the command line and the renderer read. A model maps a point x = (x1, x2) to class scores.
///
/// **Kinds.** A *linear* model is one layer of units on the features phi(x) (features.h): one
/// unit for two classes (the score is the net w.phi(x) + b, the boundary the set where it is 0),
/// K units for K = 3 ... 8 classes (one score per class). A *network* is a Network (network.h):
/// hidden layers, then the same output layer. Both are a list of layers, each a weight matrix W
/// (one row per unit, one column per input) and a bias vector b, and both compute their nets the
/// same way (network.h, "Forward pass": the sum in input order, the bias last). The classic model
/// of the first lessons, two classes on (x1, x2), is the linear model with W = (w1 w2), b = (b).
///
/// **Parameters.** Every model's parameters are one flat vector, layer by layer from the first:
/// W column-major (W(j, i) at offset + i * units + j, Eigen's layout), then b. For one unit that
/// is (w_1, ..., w_n, b), so the classic model's vector is (w1, w2, b). A linear model without a
/// bias keeps its b entries in the vector, always 0, and they are not counted as parameters.
///
/// **Decisions.** The class at x is the argmax of the scores, ties going to the lowest class
/// index, with one exception: a linear two-class model follows its ZeroConvention at a net of
/// exactly 0 (Positive: class 1; Negative and Mistake: class 0; under Mistake such a point is
/// still counted as an error whatever its class, see predict()). A network's two-class decision
/// is class 1 exactly when z > 0. Under ZeroConvention::Mistake a linear model with K > 2 classes
/// also counts a point as an error when another class ties with its own at the top score.
/// The confidence is the winning probability under the logistic (two classes, sigma(|z|)) or
/// softmax link of the scores. For networks and for logistic/softmax regression that is the
/// model's probability; for the perceptron family and Adaline the scores are not probabilities,
/// and the same number is only a measure of how far the point is from a tie.
///
/// **Why a value.** A Model is a plain value (kind, shape, flat parameters, zero convention)
/// rather than a class hierarchy with a virtual call per point: the trainer, the history and the
/// engine pass parameters as flat vectors, and a model is made from them when someone evaluates
/// it. Evaluation dispatches once per call on the kind and runs the same arithmetic kernels as
/// the network and its trainer (networkkernel.h), so a picture and a trace never disagree.

namespace plab::learning {

/// What a model is made of.
enum class ModelKind
{
    Linear,  ///< one layer of units on the features (perceptron family, Adaline, logistic)
    Network, ///< a multi-layer network (network.h)
};

/// Stable ASCII names ("linear", "mlp"), for the CLI and the files.
[[nodiscard]] std::string_view name(ModelKind);
[[nodiscard]] std::optional<ModelKind> modelKindFromName(std::string_view);

/// Errors of a model per class: classErrors[k] are the misclassified points of class k (entries
/// k >= classes stay 0).
using ClassErrors = std::array<std::int32_t, kMaxClasses>;

/// What a model looks like, without its parameters.
struct ModelShape
{
    ModelKind kind = ModelKind::Linear;
    FeatureSet features; ///< the inputs (x1, x2 by default)
    int classes = 2;     ///< K, 2 ... 8
    /// Network only: the units of each hidden layer (0 to 3 layers of 1 to 16). A linear model
    /// has none.
    std::vector<int> hidden;
    Activation activation = Activation::Tanh; ///< Network only: the hidden layers' activation
    /// Linear only: false keeps every bias at 0 (not a parameter). Networks always have biases.
    bool bias = true;

    /// The classic model: two classes on (x1, x2), linear (bias on or off).
    [[nodiscard]] bool isClassic() const
    {
        return kind == ModelKind::Linear && classes == 2 && features == FeatureSet();
    }
    /// Units of the output layer: 1 for two classes, K otherwise.
    [[nodiscard]] int outputUnits() const { return classes == 2 ? 1 : classes; }
    /// Layers with parameters: 1 for a linear model, hidden layers + 1 for a network.
    [[nodiscard]] int layerCount() const { return int(hidden.size()) + 1; }
    /// n_0 (the feature count), the hidden layers' units, the output units.
    [[nodiscard]] std::vector<int> sizes() const;
    /// The length of the flat parameter vector: (n_{l-1} + 1) n_l summed over the layers (the b
    /// entries of a linear model without a bias included).
    [[nodiscard]] int storedCount() const;
    /// The trainable parameters of layer \p layer (0 = the first layer): (n_{l-1} + 1) n_l, or
    /// n_{l-1} n_l for a linear model without a bias.
    [[nodiscard]] int parameterCount(int layer) const;
    [[nodiscard]] int parameterCount() const;
    /// One line: the sizes joined by '-', then "linear" or the activation ("2-1, linear",
    /// "2-4-1, tanh"; a network without hidden layers is just "2-1"), then ", no bias" for a linear
    /// model without one, then the features when they are not (x1, x2): "3-1, linear on x1, x2,
    /// x1*x2".
    [[nodiscard]] std::string description() const;
    /// The parameter count written out: "(3 + 1) x 1 = 4", "2 x 1 = 2" without a bias,
    /// "(2 + 1) x 4 + (4 + 1) x 1 = 17".
    [[nodiscard]] std::string parameterFormula() const;
    /// The same shape as a NetworkShape (a linear model is then the network without hidden
    /// layers, whose nets are the same).
    [[nodiscard]] NetworkShape networkShape() const;

    friend bool operator==(const ModelShape&, const ModelShape&) = default;
};

/// The first problem of a shape, or nothing: classes outside 2 ... 8, hidden layers of a linear
/// model, a network's hidden layers out of range (validate(NetworkShape)), or a network without
/// biases.
[[nodiscard]] std::optional<NetworkError> validate(const ModelShape& shape);

/// A model with its parameters. Always valid: the constructors check the shape, the parameter
/// count, that every parameter is finite and that a model without a bias has b = 0
/// (std::invalid_argument otherwise). A value type; evaluation is const and thread-compatible.
class Model
{
public:
    /// The classic model with w = 0, b = 0.
    Model();
    /// \p shape with the flat \p parameters (see "Parameters" above).
    Model(ModelShape shape, SmallVector parameters, ZeroConvention zero = ZeroConvention::Positive);
    /// \p shape with the given layers (checked as validate(NetworkShape, layers) checks them).
    Model(ModelShape shape, const std::vector<Layer>& layers,
          ZeroConvention zero = ZeroConvention::Positive);
    /// The classic model (w1, w2, b); without \p bias, b must be 0.
    [[nodiscard]] static Model classic(const LinearModel& model, bool bias = true,
                                       ZeroConvention zero = ZeroConvention::Positive);
    /// The network as a Model.
    [[nodiscard]] static Model of(const Network& network);

    [[nodiscard]] const ModelShape& shape() const { return m_shape; }
    [[nodiscard]] ModelKind kind() const { return m_shape.kind; }
    [[nodiscard]] int classes() const { return m_shape.classes; }
    [[nodiscard]] FeatureSet features() const { return m_shape.features; }
    [[nodiscard]] ZeroConvention zero() const { return m_zero; }
    /// The flat parameter vector.
    [[nodiscard]] const SmallVector& parameters() const { return m_parameters; }
    /// The layers, first to last: W (units x inputs) and b (units).
    [[nodiscard]] std::vector<Layer> layers() const;
    [[nodiscard]] int parameterCount(int layer) const { return m_shape.parameterCount(layer); }
    [[nodiscard]] int parameterCount() const { return m_shape.parameterCount(); }
    [[nodiscard]] std::string description() const { return m_shape.description(); }

    /// The output layer's nets at x: 1 score for two classes, K otherwise. Exact.
    [[nodiscard]] Eigen::VectorXd scores(const Eigen::Vector2d& x) const;
    /// The K class probabilities under the logistic or softmax link of the scores. Exact.
    [[nodiscard]] Eigen::VectorXd probabilities(const Eigen::Vector2d& x) const;
    /// The class at x and its confidence (see "Decisions"). Exact.
    [[nodiscard]] Decision decide(const Eigen::Vector2d& x) const;
    /// The class the model gives a point of class \p target, for counting errors: decide()'s
    /// class, except under ZeroConvention::Mistake, where a tie involving the target (a net of 0
    /// for two classes, the target sharing the top score for K) gives the lowest other class of
    /// the tie, so the point counts as an error.
    [[nodiscard]] int predict(const Eigen::Vector2d& x, int target) const;
    /// Points of \p data whose predict() is not their label, in total and per class. Labels must
    /// be in [0, classes()) (std::invalid_argument otherwise).
    [[nodiscard]] std::int64_t errors(const Dataset& data, ClassErrors* perClass = nullptr) const;
    /// The indices of those points, in data order (what a picture rings). Labels as errors().
    [[nodiscard]] std::vector<std::size_t> misclassified(const Dataset& data) const;
    /// decide() on a grid: out[r * xs.size() + c] is the decision at (xs[c], ys[r]). Linear models
    /// give exactly decide()'s classes; networks as Network::decideGrid (fast, stated accuracy).
    /// std::invalid_argument unless out.size() == xs.size() * ys.size().
    void decideGrid(std::span<const double> xs, std::span<const double> ys,
                    std::span<Decision> out) const;

    /// The network (kind() == Network; std::logic_error otherwise).
    [[nodiscard]] Network network() const;
    /// The classic model's (w1, w2, b) (shape().isClassic(); std::logic_error otherwise).
    [[nodiscard]] LinearModel classicModel() const;

    friend bool operator==(const Model&, const Model&) = default;

private:
    void check() const;

    ModelShape m_shape;
    SmallVector m_parameters;
    ZeroConvention m_zero = ZeroConvention::Positive;
};

} // namespace plab::learning
