#include "io/validationtext.h"

#include "io/settingsfields.h"

#include <QCoreApplication>

namespace plab::io {

namespace {

// The messages below write these limits out as "1e9".
static_assert(learning::kMaxLearningRate == 1e9 && learning::kMaxCoordinate == 1e9);

/// The translation context of this file's texts (lupdate reads the name from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(plab::io::Validation)
};

} // namespace

QString describeSettingsProblem(const learning::SettingsError& error)
{
    using F = learning::SettingsError::Field;
    switch (error.field) {
    case F::LearningRate:
        return Text::tr("the learning rate must be a number greater than 0 and at most 1e9");
    case F::MaxEpochs:
        return Text::tr("the epoch limit must be a whole number from 1 to %1")
            .arg(learning::kMaxEpochsLimit);
    case F::Initial:
        return Text::tr("the initial weights must be finite numbers within ±1e9");
    case F::RandomScale:
        return Text::tr("the random initial scale must be greater than 0 and at most 1e9");
    case F::Tolerance:
        return Text::tr("the tolerance must be a finite number of at least 0");
    }
    return QString::fromUtf8(error.reason.data(), qsizetype(error.reason.size()));
}

QString describeModelProblem(const learning::ModelSettingsError& error)
{
    using F = learning::ModelSettingsError::Field;
    switch (error.field) {
    case F::Classes:
        return Text::tr("the number of classes must be 2 to 8");
    case F::Hidden:
        return error.reason.starts_with("a linear")
                   ? Text::tr("a linear model has no hidden layers")
                   : Text::tr("a network has 0 to 3 hidden layers of 1 to 16 units");
    case F::Activation:
        return Text::tr("a network of step units cannot be trained by gradient descent: the "
                        "step's slope is zero, so every gradient is zero");
    case F::BatchSize:
        return Text::tr("the batch size must be 1 or more, or all");
    case F::Layers:
        return Text::tr("the initial layers must have the model's shape and finite values within "
                        "±1e9 (no bias values without a bias)");
    case F::Bias:
        return Text::tr("a network always has biases");
    }
    return QString::fromUtf8(error.reason.data(), qsizetype(error.reason.size()));
}

QString describeDataProblem(learning::DataProblem problem, const learning::Dataset& data)
{
    using P = learning::DataProblem;
    switch (problem) {
    case P::Empty:
        return Text::tr("the data set is empty: training needs points of both classes");
    case P::OneClass:
        return Text::tr("the data set has only one class (%n point(s) of class %1): training "
                        "needs points of both classes",
                        nullptr, int(data.size()))
            .arg(data.count(1) > 0 ? 1 : 0);
    case P::NonFinite:
        return describeInvalidPoint(data, learning::firstInvalidPoint(data).value_or(0));
    case P::TooLarge:
        return Text::tr("the data set has %1 points, more than the limit of %2")
            .arg(data.size())
            .arg(learning::kMaxPoints);
    }
    return QString();
}

QString describeInvalidPoint(const learning::Dataset& data, std::size_t index)
{
    if (index >= data.size())
        return QString();
    const Eigen::Vector2d x = data.point(index);
    return Text::tr("point %1 (x₁ = %2, x₂ = %3) has a coordinate that is not a finite number "
                    "within ±1e9")
        .arg(index + 1)
        .arg(QString::number(x.x(), 'g', 6), QString::number(x.y(), 'g', 6));
}

QString settingsFieldKey(learning::SettingsError::Field field)
{
    const std::string_view key = settingsKey(field);
    return QString::fromLatin1(key.data(), qsizetype(key.size()));
}

} // namespace plab::io
