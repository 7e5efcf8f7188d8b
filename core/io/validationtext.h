#pragma once

#include "learning/dataset.h"
#include "learning/settings.h"

#include <QString>

namespace plab::io {

/// Translated one-sentence explanations of learning::validate()'s answers, for every user
/// interface (file readers, the CLI, the window).
[[nodiscard]] QString describeSettingsProblem(const learning::SettingsError& error);
[[nodiscard]] QString describeDataProblem(learning::DataProblem problem,
                                          const learning::Dataset& data);
/// The model's settings problem (learning::validateModel()) in one translated sentence.
[[nodiscard]] QString describeModelProblem(const learning::ModelSettingsError& error);
/// "point 4 (x₁ = 5e+11, x₂ = 2) has a coordinate that is not a finite number within ±1e9":
/// point \p index (counted from 1 in the text) of \p data, which fails learning::isValidCoordinate.
[[nodiscard]] QString describeInvalidPoint(const learning::Dataset& data, std::size_t index);

/// The camelCase name of a settings field as used in project files ("learningRate", ...).
[[nodiscard]] QString settingsFieldKey(learning::SettingsError::Field field);

} // namespace plab::io
