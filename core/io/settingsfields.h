#pragma once

#include "learning/linearmodel.h"
#include "learning/settings.h"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>

namespace plab::io {

/// \file
/// The training settings described once, field by field: the key, the type, the limits and the
/// member of learning::TrainingSettings it lives in. The project file (projectfile.cpp) reads and
/// writes its "settings" object from this list, the window's settings store
/// (ui/mainwindow/windowsettings.cpp) and the command line (app/cli) take their names and values
/// from it. A new setting is one more entry in settingsFields() (and a reader/writer for a new
/// field type, if it has one).
///
/// The keys are those of project files (docs/file-formats.md); other contexts may store a field
/// under another name, but they say so next to their own code.

/// A choice among named values; the names are learning::name(value), in the order listed.
template <class E>
struct ChoiceField
{
    std::string_view key;
    E learning::TrainingSettings::*member;
    std::span<const E> values;
    /// The first project format version that has this key; older files do not, and mean
    /// \p before (the only value there was then).
    int since = 1;
    E before{};

    /// The value named \p name, or nothing.
    [[nodiscard]] std::optional<E> fromName(std::string_view name) const
    {
        for (const E value : values) {
            if (learning::name(value) == name)
                return value;
        }
        return std::nullopt;
    }

    /// The names joined by \p separator, the last two by \p last: "file or shuffle".
    [[nodiscard]] std::string names(std::string_view separator, std::string_view last) const
    {
        std::string text;
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (i > 0)
                text += i + 1 == values.size() ? last : separator;
            text += learning::name(values[i]);
        }
        return text;
    }
};

/// A number. learning::validate() checks its range and reports it as \p checkedAs.
struct NumberField
{
    std::string_view key;
    double learning::TrainingSettings::*member;
    learning::SettingsError::Field checkedAs;
};

/// A whole number from \p min to \p max.
struct WholeField
{
    std::string_view key;
    int learning::TrainingSettings::*member;
    int min;
    int max;
    learning::SettingsError::Field checkedAs;
};

/// true or false.
struct FlagField
{
    std::string_view key;
    bool learning::TrainingSettings::*member;
};

/// An unsigned 64-bit seed (written as a decimal string: many JSON tools keep 53 bits).
struct SeedField
{
    std::string_view key;
    std::uint64_t learning::TrainingSettings::*member;
};

/// The weights of a linear model: w1, w2 and b, each within ±learning::kMaxCoordinate.
struct WeightsField
{
    std::string_view key;
    learning::LinearModel learning::TrainingSettings::*member;
    learning::SettingsError::Field checkedAs;

    /// The keys of the three parts, in the order they are written.
    static constexpr std::array<std::string_view, 3> kParts{"w1", "w2", "b"};
    /// Part \p index (0: w1, 1: w2, 2: b) of \p model.
    static double& part(learning::LinearModel& model, std::size_t index)
    {
        return index == 0 ? model.w.x() : index == 1 ? model.w.y() : model.b;
    }
    static double part(const learning::LinearModel& model, std::size_t index)
    {
        return index == 0 ? model.w.x() : index == 1 ? model.w.y() : model.b;
    }
};

namespace settings_values {
using learning::GradientMode, learning::InitKind, learning::PerceptronStop, learning::Rule,
    learning::SampleOrder, learning::ZeroConvention;
inline constexpr std::array kRules{Rule::Perceptron, Rule::Pocket, Rule::Averaged, Rule::Adaline,
                                   Rule::Logistic};
inline constexpr std::array kZero{ZeroConvention::Positive, ZeroConvention::Negative,
                                  ZeroConvention::Mistake};
inline constexpr std::array kOrders{SampleOrder::File, SampleOrder::Shuffle};
inline constexpr std::array kInits{InitKind::Zeros, InitKind::Random, InitKind::Given};
inline constexpr std::array kGradientModes{GradientMode::Online, GradientMode::Batch};
inline constexpr std::array kStopRules{PerceptronStop::MistakeFreePass, PerceptronStop::ZeroErrors};
} // namespace settings_values

/// The fields of the settings of a project, in the order they are written: those of format version
/// 1, then "stopRule" (version 3; a version 1 or 2 file was made when zero-errors was the only
/// stop rule, and means it).
inline auto settingsFields()
{
    using namespace settings_values;
    using S = learning::TrainingSettings;
    using F = learning::SettingsError::Field;
    return std::tuple{
        ChoiceField<learning::Rule>{"rule", &S::rule, kRules},
        NumberField{"learningRate", &S::learningRate, F::LearningRate},
        WholeField{"maxEpochs", &S::maxEpochs, 1, learning::kMaxEpochsLimit, F::MaxEpochs},
        FlagField{"bias", &S::useBias},
        ChoiceField<learning::ZeroConvention>{"zero", &S::zero, kZero},
        ChoiceField<learning::SampleOrder>{"order", &S::order, kOrders},
        SeedField{"seed", &S::seed},
        ChoiceField<learning::InitKind>{"init", &S::init, kInits},
        WeightsField{"initial", &S::initial, F::Initial},
        NumberField{"randomScale", &S::randomScale, F::RandomScale},
        ChoiceField<learning::GradientMode>{"gradientMode", &S::gradientMode, kGradientModes},
        NumberField{"tolerance", &S::tolerance, F::Tolerance},
        ChoiceField<learning::PerceptronStop>{"stopRule", &S::perceptronStop, kStopRules, 3,
                                              learning::PerceptronStop::ZeroErrors},
    };
}

/// The field of settingsFields() that holds the values of enum \p E.
template <class E>
ChoiceField<E> choiceField()
{
    return std::get<ChoiceField<E>>(settingsFields());
}

/// How many fields settingsFields() has.
inline constexpr std::size_t kSettingsFieldCount = std::tuple_size_v<decltype(settingsFields())>;

/// Calls \p visit(field) for every field of settingsFields(), in order.
template <class Visit>
void forEachSettingsField(Visit&& visit)
{
    std::apply([&](const auto&... field) { (visit(field), ...); }, settingsFields());
}

/// Calls \p visit(field) for field number \p index of settingsFields() and returns its answer.
template <class Visit>
auto visitSettingsField(std::size_t index, Visit&& visit)
{
    using Answer = decltype(visit(std::get<0>(settingsFields())));
    Answer answer{};
    std::size_t i = 0;
    forEachSettingsField([&](const auto& field) {
        if (i++ == index)
            answer = visit(field);
    });
    return answer;
}

/// The index of the first field \p find(field) is true for, or nothing.
template <class Find>
std::optional<std::size_t> findSettingsField(Find&& find)
{
    std::optional<std::size_t> found;
    std::size_t i = 0;
    forEachSettingsField([&](const auto& field) {
        if (!found && find(field))
            found = i;
        ++i;
    });
    return found;
}

/// The key of the field that learning::validate() reports as \p field.
[[nodiscard]] std::string_view settingsKey(learning::SettingsError::Field field);

} // namespace plab::io
