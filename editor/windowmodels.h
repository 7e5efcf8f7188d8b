#pragma once

#include "learning/dataset.h"
#include "learning/settings.h"

#include <QString>

#include <optional>

namespace plab::editor {

/// Why the window cannot show a project or data set yet, or nothing when it can. The window draws
/// and trains the classic model only (two classes on x1 and x2, linear: learning::ModelShape::
/// isClassic()); a file with more classes, other features or a network is trained with
/// `perceptron-lab train` until the window learns to show it. One translated sentence naming the
/// model ("this project uses a 2-4-1, tanh network, ...").
[[nodiscard]] std::optional<QString> unshownModel(const learning::TrainingSettings& settings,
                                                  const learning::Dataset& data);

} // namespace plab::editor
