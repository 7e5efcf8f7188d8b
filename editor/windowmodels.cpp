#include "editor/windowmodels.h"

#include <QCoreApplication>

#include <algorithm>

namespace plab::editor {

namespace {

/// The translation context of this file's texts (lupdate reads the name from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(plab::editor::WindowModels)
};

} // namespace

std::optional<QString> unshownModel(const learning::TrainingSettings& settings,
                                    const learning::Dataset& data)
{
    const auto& labels = data.labels();
    const int dataClasses =
        labels.empty() ? 2 : std::max(2, *std::max_element(labels.begin(), labels.end()) + 1);
    learning::ModelShape shape = learning::modelShape(settings);
    shape.classes = std::max(shape.classes, dataClasses);
    if (shape.isClassic())
        return std::nullopt;
    if (shape.kind == learning::ModelKind::Network) {
        return Text::tr("this project uses a %1 network, which the window cannot show yet; train "
                        "it with perceptron-lab train")
            .arg(QString::fromStdString(shape.description()));
    }
    if (shape.classes > 2 && shape.features == learning::FeatureSet()) {
        return Text::tr("this data set has %1 classes (labels 0 to %2), which the window cannot "
                        "show yet (it shows two); train it with perceptron-lab train")
            .arg(shape.classes)
            .arg(shape.classes - 1);
    }
    return Text::tr("this project uses a %1 model with %2 classes, which the window cannot show "
                    "yet; train it with perceptron-lab train")
        .arg(QString::fromStdString(shape.description()))
        .arg(shape.classes);
}

} // namespace plab::editor
