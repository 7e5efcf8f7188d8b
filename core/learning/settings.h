#pragma once

#include "linearmodel.h"
#include "model.h"
#include "network.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace plab::learning {

class Dataset;

/// The learning rules. Each is documented, with its update written out, in rules.h.
enum class Rule
{
    Perceptron,
    Pocket,
    Averaged,
    Adaline,
    Logistic
};

/// The order in which an epoch visits the samples.
enum class SampleOrder
{
    File,    ///< 0, 1, ..., N-1 every epoch.
    Shuffle, ///< a fresh permutation every epoch, drawn from the seed and the epoch number.
};

/// Where the weights start.
enum class InitKind
{
    Zeros,  ///< w = 0, b = 0.
    Random, ///< w1, w2, b drawn uniformly from [-randomScale, randomScale] from the seed.
    Given,  ///< the caller's `initial` weights.
};

/// How the gradient rules (Adaline, logistic) apply their updates.
enum class GradientMode
{
    Online, ///< after every sample (stochastic gradient descent, Widrow-Hoff LMS).
    Batch,  ///< once per epoch with the mean gradient over all samples.
};

/// batchSize meaning "the whole data set" (full-batch gradient descent).
inline constexpr int kFullBatch = 0;

/// How a linear model of the perceptron family (perceptron, pocket, averaged) learns K > 2
/// classes; see rules.h. Two classes always use one unit, whatever this says.
enum class Multiclass
{
    Kesler,    ///< the multiclass (Kesler) perceptron: one weight vector per class, argmax
    OneVsRest, ///< K binary perceptrons, class k against the rest; argmax of their nets
};

/// When the perceptron family's runs stop (rules.h, "Stop rules"). Gradient rules and networks
/// have their own test (the tolerance).
enum class PerceptronStop
{
    /// As soon as the answer at an epoch's end classifies every training point (the rule of
    /// projects made before format version 3, kept as a named convention).
    ZeroErrors,
    /// After a full pass in which no visit made a mistake (Rosenblatt's algorithm and the classic
    /// worked examples; the default): the confirming pass is one more epoch, traced like any other.
    MistakeFreePass,
};

/// Everything that determines a training run. Same settings and data: the same trace, bit for bit.
/// The defaults train the classic model (two classes on x1, x2, linear) with the perceptron.
struct TrainingSettings
{
    Rule rule = Rule::Perceptron;
    double learningRate = 1.0;
    int maxEpochs = 100;
    bool useBias = true;
    ZeroConvention zero = ZeroConvention::Positive;
    SampleOrder order = SampleOrder::File;
    std::uint64_t seed = 1;
    InitKind init = InitKind::Zeros;
    LinearModel initial;      ///< used when init == InitKind::Given (b ignored without a bias)
    double randomScale = 1.0; ///< half-width of the uniform range for InitKind::Random
    GradientMode gradientMode = GradientMode::Online;
    /// The gradient rules and networks stop as converged when no update of an epoch changed a
    /// parameter by more than tolerance x the largest parameter magnitude, and (file order) as a
    /// cycle when the end-of-epoch parameters repeat to within the same bound (rules.h,
    /// "Statuses"); relative, and 0 disables both tests.
    double tolerance = 1e-9;

    // The model. The defaults are the classic one.
    ModelKind model = ModelKind::Linear;
    int classes = 2;     ///< K, 2 ... 8; labels are 0 ... K-1
    FeatureSet features; ///< the inputs of the model (x1, x2 by default)
    Multiclass multiclass = Multiclass::Kesler;
    std::vector<int> hidden;                  ///< ModelKind::Network: units per hidden layer
    Activation activation = Activation::Tanh; ///< ModelKind::Network: hidden activation
    /// ModelKind::Network: samples per update, 1 = online, kFullBatch (0) = the whole set (as is
    /// GradientMode::Batch, which takes precedence).
    int batchSize = 1;
    /// InitKind::Given for every model but the classic one (which takes `initial` while this is
    /// empty): the layers, shaped as modelShape() says.
    std::vector<Layer> initialLayers;
    PerceptronStop perceptronStop = PerceptronStop::MistakeFreePass;

    friend bool operator==(const TrainingSettings&, const TrainingSettings&) = default;
};

/// Limits that keep every run finite and every number drawable.
inline constexpr int kMaxEpochsLimit = 10'000'000;
inline constexpr double kMaxLearningRate = 1e9;

/// The first setting that is out of range, named so a UI or CLI can point at it.
struct SettingsError
{
    enum class Field
    {
        LearningRate,
        MaxEpochs,
        Initial,
        RandomScale,
        Tolerance
    };
    Field field;
    /// English, for logs and tests; user interfaces translate from `field`.
    std::string_view reason;
};

/// Checks every setting of the run (rate, limit, initial weights, tolerance); returns the first
/// problem or nothing. The model's own settings are validateModel()'s.
[[nodiscard]] std::optional<SettingsError> validate(const TrainingSettings& settings);

/// The first of the model's settings that is out of range, named like SettingsError.
struct ModelSettingsError
{
    enum class Field
    {
        Classes,    ///< classes outside 2 ... 8
        Hidden,     ///< hidden layers of a linear model, or out of range for a network
        Activation, ///< a network of step units (it cannot be trained by gradient descent)
        BatchSize,  ///< a negative batch size
        Layers,     ///< given initial layers of the wrong shape, too large or not finite
        Bias,       ///< a network without biases
    };
    Field field;
    /// English, for logs and tests; user interfaces translate from `field`.
    std::string_view reason;
};

/// Checks the model's settings (classes, features, hidden layers, activation, batch size, given
/// initial layers); the first problem or nothing. The Trainer requires both this and validate().
[[nodiscard]] std::optional<ModelSettingsError> validateModel(const TrainingSettings& settings);
/// validateModel() without the requirement that gradient descent can train the model: a network
/// of step units whose layers are given (InitKind::Given) is complete, so it can be shown, saved
/// and opened (lesson 4's OR/NAND/AND network), though never trained. Files accept what this
/// accepts; the Trainer requires validateModel().
[[nodiscard]] std::optional<ModelSettingsError>
validateModelToShow(const TrainingSettings& settings);

/// What makes a data set unusable for training.
/// NonFinite also covers coordinates beyond +/-kMaxCoordinate. Labels are checked apart, by
/// firstInvalidLabel() (the file formats only ever produce valid ones).
enum class DataProblem
{
    Empty,
    OneClass, ///< fewer than two different classes present
    NonFinite,
    TooLarge
};
inline constexpr double kMaxCoordinate = 1e9;
inline constexpr std::size_t kMaxPoints = 2'000'000;
/// The first of Empty, TooLarge, NonFinite and OneClass that applies, or nothing.
[[nodiscard]] std::optional<DataProblem> validate(const Dataset& data);
/// The index of the first point whose label is not a class 0 ... classes-1, if any.
[[nodiscard]] std::optional<std::size_t> firstInvalidLabel(const Dataset& data, int classes);
/// The settings a run on \p data trains with: \p settings with `classes` raised, when a label
/// needs it, to 1 + the largest label (so placing a point of class 2 makes a three-class problem,
/// and removing it makes it two again unless the settings ask for more). Labels above 7 are
/// left for firstInvalidLabel() to refuse.
[[nodiscard]] TrainingSettings settingsFor(const Dataset& data, TrainingSettings settings);

/// A coordinate a data set may hold: finite and within +/-kMaxCoordinate. The file formats refuse
/// anything else, so no editor may create it either.
[[nodiscard]] bool isValidCoordinate(double v);
/// The index of the first point with a coordinate that is not valid, if any.
[[nodiscard]] std::optional<std::size_t> firstInvalidPoint(const Dataset& data);

/// The model the settings describe (kind, features, classes, hidden layers, activation, bias).
[[nodiscard]] ModelShape modelShape(const TrainingSettings& s);

/// The number of trainable parameters of that model: for the classic one w1, w2 and, with a
/// bias, b.
[[nodiscard]] int parameterCount(const TrainingSettings& s);

/// The batch size B a network is trained with on \p n samples: n for GradientMode::Batch or
/// batchSize 0, else min(batchSize, n).
[[nodiscard]] int networkBatch(const TrainingSettings& s, int n);

/// True for the rules that stop by PerceptronStop (perceptron, pocket, averaged).
[[nodiscard]] constexpr bool isPerceptronFamily(Rule r)
{
    return r == Rule::Perceptron || r == Rule::Pocket || r == Rule::Averaged;
}

// Stable ASCII names, used by the CLI and the project files. fromName() returns nothing for an
// unknown name.
[[nodiscard]] std::string_view name(Rule);
[[nodiscard]] std::string_view name(ZeroConvention);
[[nodiscard]] std::string_view name(SampleOrder);
[[nodiscard]] std::string_view name(InitKind);
[[nodiscard]] std::string_view name(GradientMode);
[[nodiscard]] std::string_view name(Multiclass);     ///< "kesler", "ovr"
[[nodiscard]] std::string_view name(PerceptronStop); ///< "zero-errors", "mistake-free-pass"
[[nodiscard]] std::optional<Rule> ruleFromName(std::string_view);
[[nodiscard]] std::optional<ZeroConvention> zeroConventionFromName(std::string_view);
[[nodiscard]] std::optional<SampleOrder> sampleOrderFromName(std::string_view);
[[nodiscard]] std::optional<InitKind> initKindFromName(std::string_view);
[[nodiscard]] std::optional<GradientMode> gradientModeFromName(std::string_view);
[[nodiscard]] std::optional<Multiclass> multiclassFromName(std::string_view);
[[nodiscard]] std::optional<PerceptronStop> perceptronStopFromName(std::string_view);

} // namespace plab::learning
