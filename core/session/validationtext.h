#pragma once

#include "learning/dataset.h"
#include "learning/settings.h"

#include <QString>

namespace plab::session {

/// Translated one-sentence explanations of learning::validate()'s answers, for every user
/// interface (file readers, the CLI, the window).
[[nodiscard]] QString describeSettingsProblem(const learning::SettingsError& error);
[[nodiscard]] QString describeDataProblem(learning::DataProblem problem,
                                          const learning::Dataset& data);

/// The camelCase name of a settings field as used in project files ("learningRate", ...).
[[nodiscard]] QString settingsFieldKey(learning::SettingsError::Field field);

} // namespace plab::session
