#include "settings.h"

#include "dataset.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace plab::learning {

std::optional<SettingsError> validate(const TrainingSettings& s)
{
    using F = SettingsError::Field;
    if (!std::isfinite(s.learningRate) || s.learningRate <= 0.0)
        return SettingsError{F::LearningRate, "the learning rate must be a finite number > 0"};
    if (s.learningRate > kMaxLearningRate)
        return SettingsError{F::LearningRate, "the learning rate must be at most 1e9"};
    if (s.maxEpochs <= 0 || s.maxEpochs > kMaxEpochsLimit)
        return SettingsError{F::MaxEpochs, "the epoch limit must be between 1 and 10000000"};
    if (s.init == InitKind::Given &&
        (!s.initial.isFinite() || s.initial.w.cwiseAbs().maxCoeff() > kMaxCoordinate ||
         std::abs(s.initial.b) > kMaxCoordinate))
        return SettingsError{F::Initial, "the initial weights must be finite and within +/-1e9"};
    if (!std::isfinite(s.randomScale) || s.randomScale <= 0.0 || s.randomScale > kMaxCoordinate)
        return SettingsError{F::RandomScale, "the random initial scale must be in (0, 1e9]"};
    if (!std::isfinite(s.tolerance) || s.tolerance < 0.0)
        return SettingsError{F::Tolerance, "the tolerance must be a finite number >= 0"};
    return std::nullopt;
}

namespace {

std::optional<ModelSettingsError> checkModel(const TrainingSettings& s, bool stepUnitsAllowed)
{
    using F = ModelSettingsError::Field;
    using P = NetworkError::Problem;
    if (s.classes < kMinClasses || s.classes > kMaxClasses)
        return ModelSettingsError{F::Classes, "the number of classes must be 2 to 8"};
    const ModelShape shape = modelShape(s);
    if (auto e = validate(shape)) {
        switch (e->problem) {
        case P::Bias:
            return ModelSettingsError{F::Bias, "a network always has biases"};
        case P::Classes:
            return ModelSettingsError{F::Classes, "the number of classes must be 2 to 8"};
        default:
            break;
        }
        return ModelSettingsError{F::Hidden, shape.kind == ModelKind::Linear
                                                 ? "a linear model has no hidden layers"
                                                 : "a network has 0 to 3 hidden layers of 1 to 16 "
                                                   "units"};
    }
    if (shape.kind == ModelKind::Network && !shape.hidden.empty() &&
        shape.activation == Activation::Step && !stepUnitsAllowed)
        return ModelSettingsError{F::Activation, "a network of step units cannot be trained by "
                                                 "gradient descent (the step's slope is zero)"};
    if (s.batchSize < 0)
        return ModelSettingsError{F::BatchSize,
                                  "the batch size must be 1 or more, or 0 for the whole "
                                  "data set"};
    const bool classic = shape.isClassic();
    if (s.init == InitKind::Given && (!classic || !s.initialLayers.empty())) {
        if (validate(shape.networkShape(), s.initialLayers))
            return ModelSettingsError{F::Layers,
                                      "the initial layers must have the model's shape and "
                                      "finite values"};
        for (const Layer& L : s.initialLayers) {
            if (L.W.cwiseAbs().maxCoeff() > kMaxCoordinate ||
                L.b.cwiseAbs().maxCoeff() > kMaxCoordinate)
                return ModelSettingsError{F::Layers, "the initial weights must be within +/-1e9"};
            if (shape.kind == ModelKind::Linear && !shape.bias && !L.b.isZero(0.0))
                return ModelSettingsError{F::Layers, "a model without a bias has b = 0"};
        }
    }
    return std::nullopt;
}

} // namespace

std::optional<ModelSettingsError> validateModel(const TrainingSettings& s)
{
    return checkModel(s, false);
}

std::optional<ModelSettingsError> validateModelToShow(const TrainingSettings& s)
{
    return checkModel(s, s.init == InitKind::Given);
}

std::optional<DataProblem> validate(const Dataset& data)
{
    if (data.empty())
        return DataProblem::Empty;
    if (data.size() > kMaxPoints)
        return DataProblem::TooLarge;
    if (firstInvalidPoint(data))
        return DataProblem::NonFinite;
    if (!data.hasSeveralClasses())
        return DataProblem::OneClass;
    return std::nullopt;
}

std::optional<std::size_t> firstInvalidLabel(const Dataset& data, int classes)
{
    const std::vector<int>& labels = data.labels();
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (labels[i] < 0 || labels[i] >= classes)
            return i;
    }
    return std::nullopt;
}

TrainingSettings settingsFor(const Dataset& data, TrainingSettings settings)
{
    const std::vector<int>& labels = data.labels();
    if (!labels.empty()) {
        const int largest =
            std::min(*std::max_element(labels.begin(), labels.end()), kMaxClasses - 1);
        settings.classes = std::max(settings.classes, largest + 1);
    }
    return settings;
}

ModelShape modelShape(const TrainingSettings& s)
{
    ModelShape shape;
    shape.kind = s.model;
    shape.features = s.features;
    shape.classes = s.classes;
    shape.hidden = s.hidden;
    shape.activation = s.activation;
    shape.bias = s.useBias;
    return shape;
}

int parameterCount(const TrainingSettings& s)
{
    return modelShape(s).parameterCount();
}

int networkBatch(const TrainingSettings& s, int n)
{
    if (s.gradientMode == GradientMode::Batch || s.batchSize == kFullBatch)
        return n;
    return std::min(s.batchSize, n);
}

bool isValidCoordinate(double v)
{
    return std::isfinite(v) && std::abs(v) <= kMaxCoordinate;
}

std::optional<std::size_t> firstInvalidPoint(const Dataset& data)
{
    const std::vector<double>& coords = data.coordinates();
    for (std::size_t i = 0; i < coords.size(); ++i) {
        if (!isValidCoordinate(coords[i]))
            return i / 2;
    }
    return std::nullopt;
}

namespace {

template <typename E, std::size_t N>
using NameTable = std::array<std::pair<E, std::string_view>, N>;

constexpr NameTable<Rule, 5> kRules{{{Rule::Perceptron, "perceptron"},
                                     {Rule::Pocket, "pocket"},
                                     {Rule::Averaged, "averaged"},
                                     {Rule::Adaline, "adaline"},
                                     {Rule::Logistic, "logistic"}}};
constexpr NameTable<ZeroConvention, 3> kZeros{{{ZeroConvention::Positive, "positive"},
                                               {ZeroConvention::Negative, "negative"},
                                               {ZeroConvention::Mistake, "mistake"}}};
constexpr NameTable<SampleOrder, 2> kOrders{
    {{SampleOrder::File, "file"}, {SampleOrder::Shuffle, "shuffle"}}};
constexpr NameTable<InitKind, 3> kInits{
    {{InitKind::Zeros, "zeros"}, {InitKind::Random, "random"}, {InitKind::Given, "given"}}};
constexpr NameTable<GradientMode, 2> kModes{
    {{GradientMode::Online, "online"}, {GradientMode::Batch, "batch"}}};
constexpr NameTable<Multiclass, 2> kMulticlass{
    {{Multiclass::Kesler, "kesler"}, {Multiclass::OneVsRest, "ovr"}}};
constexpr NameTable<PerceptronStop, 2> kStops{
    {{PerceptronStop::ZeroErrors, "zero-errors"},
     {PerceptronStop::MistakeFreePass, "mistake-free-pass"}}};

template <typename E, std::size_t N>
std::string_view nameIn(const NameTable<E, N>& table, E value)
{
    for (const auto& [e, n] : table) {
        if (e == value)
            return n;
    }
    return {};
}

template <typename E, std::size_t N>
std::optional<E> valueIn(const NameTable<E, N>& table, std::string_view name)
{
    for (const auto& [e, n] : table) {
        if (n == name)
            return e;
    }
    return std::nullopt;
}

} // namespace

std::string_view name(Rule v)
{
    return nameIn(kRules, v);
}
std::string_view name(ZeroConvention v)
{
    return nameIn(kZeros, v);
}
std::string_view name(SampleOrder v)
{
    return nameIn(kOrders, v);
}
std::string_view name(InitKind v)
{
    return nameIn(kInits, v);
}
std::string_view name(GradientMode v)
{
    return nameIn(kModes, v);
}
std::string_view name(Multiclass v)
{
    return nameIn(kMulticlass, v);
}
std::string_view name(PerceptronStop v)
{
    return nameIn(kStops, v);
}
std::optional<Rule> ruleFromName(std::string_view n)
{
    return valueIn(kRules, n);
}
std::optional<ZeroConvention> zeroConventionFromName(std::string_view n)
{
    return valueIn(kZeros, n);
}
std::optional<SampleOrder> sampleOrderFromName(std::string_view n)
{
    return valueIn(kOrders, n);
}
std::optional<InitKind> initKindFromName(std::string_view n)
{
    return valueIn(kInits, n);
}
std::optional<GradientMode> gradientModeFromName(std::string_view n)
{
    return valueIn(kModes, n);
}
std::optional<Multiclass> multiclassFromName(std::string_view n)
{
    return valueIn(kMulticlass, n);
}
std::optional<PerceptronStop> perceptronStopFromName(std::string_view n)
{
    return valueIn(kStops, n);
}

} // namespace plab::learning
