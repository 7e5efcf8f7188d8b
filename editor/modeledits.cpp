#include "editor/modeledits.h"

#include <cmath>
#include <stdexcept>

namespace plab::editor {

int parameterIndex(const learning::ModelShape& shape, int layer, int unit, int input)
{
    const std::vector<int> sizes = shape.sizes();
    if (layer < 0 || layer + 1 >= int(sizes.size()))
        throw std::out_of_range("parameterIndex: no such layer");
    const int inputs = sizes[std::size_t(layer)];
    const int units = sizes[std::size_t(layer) + 1];
    if (unit < 0 || unit >= units || input < -1 || input >= inputs)
        throw std::out_of_range("parameterIndex: no such unit or input");
    int offset = 0;
    for (int l = 0; l < layer; ++l)
        offset += (sizes[std::size_t(l)] + 1) * sizes[std::size_t(l) + 1];
    // W column-major, then b.
    return input < 0 ? offset + inputs * units + unit : offset + input * units + unit;
}

std::variant<learning::TrainingSettings, ParameterEditError>
withParameter(const learning::TrainingSettings& settings, const learning::Model& shown, int index,
              double value)
{
    if (!std::isfinite(value))
        return ParameterEditError::NotFinite;
    if (std::abs(value) > learning::kMaxCoordinate)
        return ParameterEditError::OutOfRange;
    const learning::ModelShape& shape = shown.shape();
    if (index < 0 || index >= int(shown.parameters().size()))
        return ParameterEditError::NoSuchParameter;
    if (!shape.bias) {
        // A linear model without a bias keeps its b entries, always 0, after each layer's W.
        const std::vector<int> sizes = shape.sizes();
        const int weights = sizes.front() * sizes.back();
        if (index >= weights)
            return ParameterEditError::NoBias;
    }

    learning::SmallVector parameters = shown.parameters();
    parameters[std::size_t(index)] = value;
    const learning::Model edited(shape, parameters, shown.zero());

    learning::TrainingSettings s = settings;
    s.model = shape.kind;
    s.features = shape.features;
    s.classes = shape.classes;
    s.hidden = shape.hidden;
    s.activation = shape.activation;
    if (shape.kind == learning::ModelKind::Linear)
        s.useBias = shape.bias;
    s.init = learning::InitKind::Given;
    if (shape.isClassic()) {
        s.initial = edited.classicModel();
        s.initialLayers.clear();
    } else {
        s.initialLayers = edited.layers();
    }
    return s;
}

} // namespace plab::editor
