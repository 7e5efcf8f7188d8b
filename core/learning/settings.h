#pragma once

#include "linearmodel.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

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

/// Everything that determines a training run. Same settings and data: the same trace, bit for bit.
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
    /// The gradient rules stop when the loss changes by less than this between two epochs.
    double tolerance = 1e-9;

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

/// Checks every setting; returns the first problem or nothing.
[[nodiscard]] std::optional<SettingsError> validate(const TrainingSettings& settings);

/// What makes a data set unusable for training.
/// NonFinite also covers coordinates beyond +/-kMaxCoordinate.
enum class DataProblem
{
    Empty,
    OneClass,
    NonFinite,
    TooLarge
};
inline constexpr double kMaxCoordinate = 1e9;
inline constexpr std::size_t kMaxPoints = 2'000'000;
[[nodiscard]] std::optional<DataProblem> validate(const Dataset& data);

/// A coordinate a data set may hold: finite and within +/-kMaxCoordinate. The file formats refuse
/// anything else, so no editor may create it either.
[[nodiscard]] bool isValidCoordinate(double v);
/// The index of the first point with a coordinate that is not valid, if any.
[[nodiscard]] std::optional<std::size_t> firstInvalidPoint(const Dataset& data);

/// The number of trainable parameters: w1, w2 and, with a bias, b.
[[nodiscard]] constexpr int parameterCount(const TrainingSettings& s)
{
    return s.useBias ? 3 : 2;
}

/// True for the rules whose stop rule is "zero errors" (perceptron, pocket, averaged).
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
[[nodiscard]] std::optional<Rule> ruleFromName(std::string_view);
[[nodiscard]] std::optional<ZeroConvention> zeroConventionFromName(std::string_view);
[[nodiscard]] std::optional<SampleOrder> sampleOrderFromName(std::string_view);
[[nodiscard]] std::optional<InitKind> initKindFromName(std::string_view);
[[nodiscard]] std::optional<GradientMode> gradientModeFromName(std::string_view);

} // namespace plab::learning
