#pragma once

#include "learning/model.h"
#include "learning/settings.h"

#include <variant>

/// \file
/// Edits of a model's parameters by hand (the network panel): the settings that start the run
/// from the model shown with one parameter changed. Pure values, no Qt: the window turns the
/// result into one undoable settings change (SetSettings), as for every other setting.

namespace plab::editor {

/// A parameter's offset in the model's flat vector (model.h, "Parameters"): W(unit, input) of
/// layer \p layer (0 = the first), or with \p input = -1 the bias b(unit). std::out_of_range for
/// indices outside the shape.
[[nodiscard]] int parameterIndex(const learning::ModelShape& shape, int layer, int unit, int input);

/// Why a typed parameter was refused.
enum class ParameterEditError
{
    NotFinite,       ///< NaN or infinite
    OutOfRange,      ///< beyond +/-1e9 (learning::kMaxCoordinate), what the settings accept
    NoBias,          ///< the bias of a linear model without one (always 0, not a parameter)
    NoSuchParameter, ///< the index is outside the model's parameter vector
};

/// The settings whose run starts from \p shown with parameter \p index set to \p value: the model
/// settings (kind, features, classes, hidden layers, activation, bias) become \p shown's,
/// init = InitKind::Given, and the weights are \p shown's with that one value changed: in
/// `initial` for the classic model (initialLayers then empty), in `initialLayers` for every
/// other. Everything else (the rule, the rate, the seed, ...) is kept. The run then starts over
/// from those weights at epoch 0.
[[nodiscard]] std::variant<learning::TrainingSettings, ParameterEditError>
withParameter(const learning::TrainingSettings& settings, const learning::Model& shown, int index,
              double value);

} // namespace plab::editor
