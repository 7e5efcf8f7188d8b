#pragma once

#include "dataset.h"
#include "features.h"

#include <Eigen/Core>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

/// \file
/// A small multi-layer network (a multi-layer perceptron) on the chosen features, with every
/// number it computes written out. Training is in networktrainer.h.
///
/// **Shape.** The inputs are the n_0 features of a FeatureSet (features.h). Then come H hidden
/// layers (0 <= H <= 3) of n_1, ..., n_H units (1 to 16 each), all with the same activation f,
/// and the output layer of n_L units, L = H + 1: one sigmoid unit for two classes, K softmax units
/// for K = 3 ... 8 classes. Layer l (1 <= l <= L) has a weight matrix W^(l) with one row per unit
/// and one column per input (n_l x n_{l-1}) and a bias vector b^(l) (n_l entries), so it has
/// (n_{l-1} + 1) n_l parameters: a 2-4-1 network has (2 + 1) x 4 + (4 + 1) x 1 = 17.
///
/// H = 0 is allowed: the output layer alone is logistic regression (two classes) or softmax
/// regression (K classes) on the features, the model every network is compared against, with the
/// same code, conventions and records (its description is "2-1", and the activation is unused).
///
/// **Forward pass.** With a^(0) = phi(x) the feature vector of the point x = (x1, x2):
/// \f[ \mathrm{net}^{(l)}_j = \sum_{i=1}^{n_{l-1}} W^{(l)}_{ji}\, a^{(l-1)}_i + b^{(l)}_j,
///     \qquad a^{(l)}_j = f(\mathrm{net}^{(l)}_j) \quad (1 \le l \le H), \f]
/// the sum taken in the order i = 1, 2, ..., n_{l-1}, starting from the first product, and the
/// bias added last (as rules.h computes w1 x1 + w2 x2 + b). The output layer's nets are the
/// scores z = net^(L); it has no activation f. The hidden activations:
/// \f[ \tanh(\mathrm{net}), \quad \mathrm{ReLU}(\mathrm{net}) = \max(0, \mathrm{net}), \quad
///     \sigma(\mathrm{net}) = \frac{1}{1 + e^{-\mathrm{net}}}, \quad \mathrm{net}, \quad
///     \mathrm{step}(\mathrm{net}) = [\mathrm{net} \ge 0] \f]
/// (tanh is std::tanh, sigma is sigmoid() of rules.h; step is 1 when net >= 0 and 0 otherwise,
/// the convention of lesson 4 and of ZeroConvention::Positive.)
///
/// **Output and loss** for a sample of class t. Two classes (one output unit, score z):
/// \f[ p = \sigma(z), \qquad
///     J = -\left[ t \log p + (1 - t) \log(1 - p) \right] = \mathrm{softplus}(-t^\pm z) \f]
/// with t± = 2t - 1, computed in the second, overflow-free form (softplus() of rules.h), so the
/// loss is finite for every finite z. K classes (scores z_1 .. z_K, m = max_k z_k):
/// \f[ p_k = \frac{e^{z_k - m}}{\sum_{j} e^{z_j - m}}, \qquad
///     J = -\log p_t = \log \sum_{j} e^{z_j - m} - (z_t - m), \f]
/// the log-sum-exp form: no exponential overflows, the largest term is exactly 1, and the loss is
/// finite for every finite z. The sums run over j = 1 ... K in order.
///
/// **Backward pass** (the deltas delta^(l) = dJ / dnet^(l)). At the output, for both forms,
/// \f[ \delta^{(L)} = p - t \quad\text{(two classes)}, \qquad
///     \delta^{(L)}_k = p_k - [k = t] \quad\text{(K classes)}, \f]
/// then for l = L - 1 down to 1
/// \f[ \delta^{(l)}_i = \Big( \sum_{j=1}^{n_{l+1}} W^{(l+1)}_{ji}\, \delta^{(l+1)}_j \Big)
///     \cdot f'(\mathrm{net}^{(l)}_i), \f]
/// the sum in the order j = 1, 2, ... starting from the first product, always with the weights
/// *before* any update of this sample, and
/// \f[ \tanh' = 1 - a^2, \quad \sigma' = a\,(1 - a), \quad
///     \mathrm{ReLU}'(\mathrm{net}) = [\mathrm{net} > 0]\ (\text{so } \mathrm{ReLU}'(0) = 0),
///     \quad \mathrm{identity}' = 1, \quad \mathrm{step}' = 0, \f]
/// with a = f(net) the activation already computed. The step's slope is 0 wherever it is defined
/// (and it is undefined at 0), which is why a network with step units is never trained by
/// gradient descent (networktrainer.h refuses it); trace() still writes its deltas out, all zero
/// below the output layer.
///
/// **Gradient** of the sample's loss:
/// \f[ \frac{\partial J}{\partial W^{(l)}_{ji}} = \delta^{(l)}_j\, a^{(l-1)}_i, \qquad
///     \frac{\partial J}{\partial b^{(l)}_j} = \delta^{(l)}_j, \f]
/// each product computed as written (delta times activation). The updates built from it (online,
/// mini-batch, full batch) are written out in networktrainer.h.
///
/// **Prediction.** The class is the argmax of the scores, ties going to the lowest class index;
/// for two classes that is class 1 exactly when z > 0 (at z = 0 both probabilities are 1/2 and
/// the tie goes to class 0). The confidence is the winning probability: sigma(|z|) for two
/// classes (computed as sigmoid(z) or sigmoid(-z), never as 1 - p), 1 / sum_j e^{z_j - m} for K.
/// A point counts as an error when the predicted class is not its label.
///
/// **Initial weights.** Glorot & Bengio (2010), "Xavier uniform": layer by layer from the first
/// hidden layer to the output layer, unit by unit (row j = 1 .. n_l), input by input (column
/// i = 1 .. n_{l-1}), one draw each,
/// \f[ W^{(l)}_{ji} = -r_l + 2 r_l\, u, \qquad r_l = \sqrt{\frac{6}{n_{l-1} + n_l}}, \f]
/// where u = Random::uniform01() of the stream Random(seed, RandomPurpose::NetworkWeights)
/// (random.h: 53 random bits, u in [0, 1), the same on every standard library) and r_l is the
/// correctly rounded sqrt of the correctly rounded quotient; so W is in [-r_l, r_l). Every bias
/// starts at 0. (With zero weights every hidden unit of a layer would compute the same thing and
/// receive the same update forever: random weights break that symmetry.)
///
/// **Exactness.** Everything above uses double arithmetic in the stated order, std::tanh and
/// std::exp, and no compiler contraction (the library is built with -ffp-contract=off), so the
/// same network and data give the same numbers bit for bit wherever the C library's tanh, exp,
/// log1p and sin agree. Only decideGrid(), for pictures, approximates (see there).

namespace plab::learning {

/// The hidden layers' activation function.
enum class Activation
{
    Tanh,
    Relu,
    Sigmoid,
    Identity,
    /// Hand-set networks only (lesson 4's OR/NAND/AND network): evaluating works, training by
    /// gradient descent is refused because the step's slope is zero.
    Step,
};

/// Stable ASCII names ("tanh", "relu", "sigmoid", "identity", "step"), for the CLI and files.
[[nodiscard]] std::string_view name(Activation);
[[nodiscard]] std::optional<Activation> activationFromName(std::string_view);

inline constexpr int kMaxHiddenLayers = 3;
inline constexpr int kMaxUnits = 16; ///< units per hidden layer
inline constexpr int kMinClasses = 2;
inline constexpr int kMaxClasses = 8;

/// One layer's parameters: W has one row per unit and one column per input; b one entry per unit.
struct Layer
{
    Eigen::MatrixXd W;
    Eigen::VectorXd b;

    [[nodiscard]] int units() const { return int(W.rows()); }
    [[nodiscard]] int inputs() const { return int(W.cols()); }
    /// (inputs + 1) x units.
    [[nodiscard]] int parameterCount() const { return int(W.size() + b.size()); }

    friend bool operator==(const Layer& a, const Layer& c)
    {
        return a.W.rows() == c.W.rows() && a.W.cols() == c.W.cols() && a.b.size() == c.b.size() &&
               a.W == c.W && a.b == c.b;
    }
};

/// What the network looks like, without its parameters.
struct NetworkShape
{
    FeatureSet features;     ///< the inputs (x1, x2 by default)
    std::vector<int> hidden; ///< units of each hidden layer, first to last (0 to 3 layers)
    Activation activation = Activation::Tanh;
    int classes = 2; ///< K, 2 ... 8

    /// 1 for two classes (sigmoid), K otherwise (softmax).
    [[nodiscard]] int outputUnits() const { return classes == 2 ? 1 : classes; }
    /// The number of layers with parameters, L = hidden layers + 1.
    [[nodiscard]] int layerCount() const { return int(hidden.size()) + 1; }
    /// n_0, n_1, ..., n_L: the feature count, the hidden layers' units, the output units.
    [[nodiscard]] std::vector<int> sizes() const;
    /// (n_{l-1} + 1) n_l for layer l = 1 ... L (index 0 is the first hidden layer).
    [[nodiscard]] int parameterCount(int layer) const;
    [[nodiscard]] int parameterCount() const;
    /// The sizes joined by '-' and the activation, e.g. "2-4-1, tanh"; without hidden layers just
    /// "2-1" (there is no activation).
    [[nodiscard]] std::string description() const;
    /// The parameter count written out, e.g. "(2 + 1) x 4 + (4 + 1) x 1 = 17".
    [[nodiscard]] std::string parameterFormula() const;

    friend bool operator==(const NetworkShape&, const NetworkShape&) = default;
};

/// Why a shape, a set of layers, a training setup or a data set was refused. The message is
/// English and complete (for logs, tests and the CLI); user interfaces translate from `problem`,
/// `layer` and `index`.
struct NetworkError
{
    enum class Problem
    {
        HiddenLayers,     ///< more than kMaxHiddenLayers hidden layers
        Units,            ///< a hidden layer with fewer than 1 or more than kMaxUnits units
        Classes,          ///< classes outside [kMinClasses, kMaxClasses]
        LayerCount,       ///< given layers: not one per hidden layer plus the output layer
        LayerShape,       ///< given layers: a W or b of the wrong size
        Parameter,        ///< given layers: a weight or bias that is NaN or infinite
        StepNotTrainable, ///< training a network with step units
        LearningRate,     ///< training: not a finite number in (0, 1e9]
        BatchSize,        ///< training: negative
        Data,             ///< training or evaluation: an empty, too large or non-finite data set
        Label,            ///< training or evaluation: a label that is not a class 0 ... K-1
        Bias,             ///< a model shape (model.h): a network without biases
    };
    Problem problem;
    int layer = -1;  ///< the layer concerned, 0 = first hidden layer (or -1)
    long index = -1; ///< the sample concerned (or -1)
    std::string message;

    friend bool operator==(const NetworkError&, const NetworkError&) = default;
};

/// Checks a shape; the first problem or nothing.
[[nodiscard]] std::optional<NetworkError> validate(const NetworkShape& shape);
/// Checks given layers against a valid shape: their number, every W's and b's size, and that
/// every parameter is finite (any finite value: a trained network can grow large).
[[nodiscard]] std::optional<NetworkError> validate(const NetworkShape& shape,
                                                   const std::vector<Layer>& layers);

/// The predicted class of a point and its probability (see "Prediction" above).
struct Decision
{
    int cls = 0;
    double confidence = 0.0;

    friend bool operator==(const Decision&, const Decision&) = default;
};

/// One layer's numbers for one sample (see SampleTrace).
struct LayerTrace
{
    Eigen::VectorXd net;        ///< net^(l)
    Eigen::VectorXd activation; ///< f(net^(l)) for a hidden layer, p for the output layer
    Eigen::VectorXd delta;      ///< delta^(l) = dJ / dnet^(l)
    Eigen::MatrixXd gradW;      ///< dJ / dW^(l) = delta a^(l-1)^T
    Eigen::VectorXd gradB;      ///< dJ / db^(l) = delta

    friend bool operator==(const LayerTrace&, const LayerTrace&) = default;
};

/// Everything a teacher writes out for one sample: the forward pass, the loss, the backward pass
/// and the gradient, computed with the network's current parameters (nothing is updated).
struct SampleTrace
{
    Eigen::Vector2d x = Eigen::Vector2d::Zero();
    int target = 0;                 ///< the sample's class
    Eigen::VectorXd input;          ///< a^(0), the feature vector
    std::vector<LayerTrace> layers; ///< one per layer, the output layer last
    /// The K class probabilities (for two classes (sigma(-z), sigma(z)); for K, the softmax).
    Eigen::VectorXd probabilities;
    Decision decision; ///< the predicted class and its probability
    double loss = 0.0; ///< J, see "Output and loss"

    friend bool operator==(const SampleTrace&, const SampleTrace&) = default;
};

/// A network with its parameters. Always valid: the constructor checks the shape and the layers
/// (std::invalid_argument with the NetworkError's message otherwise; call validate() first for
/// input from users or files). A value type; evaluation is const and thread-compatible.
class Network
{
public:
    /// A 2-1 network (logistic regression on x1, x2) with zero parameters.
    Network();
    /// The shape with the given parameters.
    Network(NetworkShape shape, std::vector<Layer> layers);
    /// The shape with Glorot-uniform weights from \p seed and zero biases (see "Initial weights").
    [[nodiscard]] static Network glorot(const NetworkShape& shape, std::uint64_t seed);
    /// The shape with every weight and bias 0 (valid, but every hidden unit of a layer then stays
    /// identical to its neighbours under gradient descent).
    [[nodiscard]] static Network zeros(const NetworkShape& shape);

    [[nodiscard]] const NetworkShape& shape() const { return m_shape; }
    [[nodiscard]] const std::vector<Layer>& layers() const { return m_layers; }
    [[nodiscard]] int parameterCount() const { return m_shape.parameterCount(); }
    [[nodiscard]] std::string description() const { return m_shape.description(); }

    /// Sets one weight W^(layer+1)_{unit,input} or one bias (hand-set networks). Indices out of
    /// range throw std::out_of_range; a NaN or infinite value is refused (Problem::Parameter) and
    /// nothing changes.
    [[nodiscard]] std::optional<NetworkError> setWeight(int layer, int unit, int input,
                                                        double value);
    [[nodiscard]] std::optional<NetworkError> setBias(int layer, int unit, double value);

    /// The output layer's nets z at x (1 or K entries), exact.
    [[nodiscard]] Eigen::VectorXd scores(const Eigen::Vector2d& x) const;
    /// The K class probabilities at x, exact.
    [[nodiscard]] Eigen::VectorXd probabilities(const Eigen::Vector2d& x) const;
    /// The predicted class and its probability at x, exact.
    [[nodiscard]] Decision decide(const Eigen::Vector2d& x) const;
    /// The sample's loss J (see "Output and loss"); \p target in [0, K).
    [[nodiscard]] double loss(const Eigen::Vector2d& x, int target) const;
    /// The forward and backward pass of one sample, every number written out.
    [[nodiscard]] SampleTrace trace(const Eigen::Vector2d& x, int target) const;

    /// The activations a^(layer+1) of every point, one column per point (n_{layer+1} x N),
    /// exact: the hidden layer's view of the data. 0 <= layer < hidden layers, else
    /// std::out_of_range.
    [[nodiscard]] Eigen::MatrixXd
    hiddenActivations(const Eigen::Ref<const Eigen::Matrix2Xd>& points, int layer = 0) const;

    /// The decision on a grid, for shading the plane: out[r * xs.size() + c] is the decision at
    /// (xs[c], ys[r]) (row-major, one row per y). std::invalid_argument unless out.size() ==
    /// xs.size() * ys.size().
    ///
    /// Much faster than decide() per point (vectorised along each row; see bench_network) and
    /// close to it, not equal. Every net is computed exactly as decide() computes it, from the
    /// same features, in the same order; tanh and sigmoid units use fastTanh() (fastmath.h;
    /// sigma(v) = (1 + tanh(v/2)) / 2), within kFastTanhError = 3e-7 of the exact activation.
    /// The two-class confidence sigma(|z|) also goes through fastTanh (within 1.5e-7 for a given
    /// z); the softmax uses Eigen's vectorised exp (within a few ulps of std::exp). So with ReLU,
    /// identity or step units the classes are exactly decide()'s; with tanh or sigmoid units the
    /// scores can differ by about 3e-7 times the sum of the magnitudes of the weights downstream
    /// of the first hidden layer, and the class only at points whose exact scores are that close
    /// to a tie. The same bits on every machine (on x86-64 an AVX2 build of the inner loop is
    /// chosen at load time where available; it performs the same operations).
    void decideGrid(std::span<const double> xs, std::span<const double> ys,
                    std::span<Decision> out) const;

    friend bool operator==(const Network&, const Network&) = default;

private:
    NetworkShape m_shape;
    std::vector<Layer> m_layers;
};

/// A network's answer on a whole data set.
struct NetworkEvaluation
{
    std::int64_t errors = 0;               ///< points whose predicted class is not their label
    std::vector<std::int64_t> classErrors; ///< errors among the points of each class (K entries)
    double loss = 0.0;                     ///< mean J over the points (summed in index order)
    double accuracy = 0.0;                 ///< 1 - errors / N

    friend bool operator==(const NetworkEvaluation&, const NetworkEvaluation&) = default;
};

/// Checks that \p data can be used with a network of \p classes classes: not empty, at most
/// kMaxPoints points, every coordinate finite and within +-kMaxCoordinate (settings.h), every
/// label in [0, classes). (It does not require every class to be present.)
[[nodiscard]] std::optional<NetworkError> validateData(const Dataset& data, int classes);

/// Errors, per-class errors and mean loss of the network on \p data, exact (the same forward
/// pass as decide() and loss()). std::invalid_argument for an empty set or a label outside
/// [0, K); check validateData() first for data from users or files.
[[nodiscard]] NetworkEvaluation evaluate(const Network& network, const Dataset& data);

} // namespace plab::learning
