#include "export/exportsource.h"

#include "export/tablewriter.h"
#include "io/numberformat.h"
#include "learning/metrics.h"
#include "learning/model.h"
#include "learning/network.h"
#include "learning/trainer.h"

#include <QCoreApplication>

#include <algorithm>
#include <memory>

namespace plab::exporting {

namespace {

/// The translation context of this file's texts (lupdate reads the name from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(plab::exporting::ExportSource)
};

QString pair(double a, double b)
{
    return QStringLiteral("(%1, %2)").arg(captionNumber(a), captionNumber(b));
}

QString errorCount(int errors)
{
    return Text::tr("%n error(s)", nullptr, errors);
}

} // namespace

QString captionNumber(double value)
{
    return io::displayNumber(value);
}

ExportSource trainedSource(learning::Dataset data, learning::TrainingSettings settings,
                           const io::ViewBox& view)
{
    ExportSource source;
    source.settings = settings;
    source.view = view;
    if (learning::validateModel(settings) && !learning::validateModelToShow(settings)) {
        // A hand-set network of step units (lesson 4's OR/NAND/AND): shown, never trained, so
        // the run is its epoch 0 alone, with the network's own errors and loss.
        const learning::Model model(learning::modelShape(settings), settings.initialLayers,
                                    settings.zero);
        const learning::NetworkEvaluation figures = learning::evaluate(model.network(), data);
        learning::EpochSnapshot initial;
        initial.errors = int(figures.errors);
        initial.loss = figures.loss;
        initial.accuracy = figures.accuracy;
        initial.learningRate = settings.learningRate;
        initial.parameters = model.parameters();
        for (std::size_t k = 0; k < figures.classErrors.size() && k < initial.classErrors.size();
             ++k)
            initial.classErrors[k] = std::int32_t(figures.classErrors[k]);
        source.history.restart(std::move(initial), nullptr);
        source.data = std::move(data);
        return source;
    }
    learning::Trainer trainer(data, settings);
    source.history.restart(trainer.initialSnapshot(),
                           std::make_shared<const learning::Replayer>(data, settings));
    while (!trainer.finished())
        source.history.append(learning::TrainingEvent(trainer.stepEpoch()));
    source.data = std::move(data);
    return source;
}

namespace {

ExportFrame epochFrameOf(const ExportSource& source, const learning::History& history, int epoch)
{
    const learning::EpochFigures snapshot =
        history.figuresOf(std::clamp(epoch, 0, history.epochCount() - 1));
    learning::SmallVector parameters(history.parameterCount());
    for (std::size_t j = 0; j < parameters.size(); ++j)
        parameters[j] = history.parameter(snapshot.epoch, j);
    ExportFrame frame;
    frame.epoch = snapshot.epoch;
    frame.model = modelOf(source, parameters);
    frame.errors = snapshot.errors;
    frame.chartEpoch = snapshot.epoch;
    return frame;
}

} // namespace

learning::Model modelOf(const ExportSource& source, const learning::SmallVector& parameters)
{
    return learning::Model(learning::modelShape(source.settings), parameters, source.settings.zero);
}

std::vector<std::size_t> misclassifiedBy(const ExportSource& source, const learning::Model& model)
{
    // The classic model has a fast path of its own (the same decisions).
    if (model.shape().isClassic())
        return learning::misclassified(source.data, model.classicModel(), model.zero());
    return model.misclassified(source.data);
}

ExportFrame epochFrame(const ExportSource& source, int epoch)
{
    return epochFrameOf(source, source.history, epoch);
}

ExportFrame stepFrame(const ExportSource& source, const learning::StepRecord& step)
{
    ExportFrame frame;
    frame.epoch = step.epoch;
    frame.step = step;
    frame.model = modelOf(source, step.parametersAfter);
    frame.errors = frame.model.shape().isClassic()
                       ? int(learning::countErrors(source.data, step.after, source.settings.zero))
                       : int(frame.model.errors(source.data));
    const double n = std::max<double>(1.0, double(source.data.size()));
    frame.chartEpoch = step.epoch - 1 + double(step.visit + 1) / n;
    return frame;
}

ExportFrame frameAt(const ExportSource& source, std::size_t position)
{
    return frameAt(source, source.history, position);
}

ExportFrame frameAt(const ExportSource& source, const learning::History& history,
                    std::size_t position)
{
    position = std::min(position, history.lastPosition());
    if (const learning::StepRecord* step = history.stepAt(position))
        return stepFrame(source, *step);
    return epochFrameOf(source, history, history.latestEpochAt(position).epoch);
}

std::vector<learning::StepRecord> replayEpoch(const ExportSource& source, int epoch)
{
    std::vector<learning::StepRecord> steps;
    if (epoch < 1 || epoch >= source.history.epochCount())
        return steps;
    const learning::TrainerState before =
        source.history.stateAt(*source.history.positionOfEpoch(epoch - 1));
    const learning::EpochFigures after = source.history.figuresOf(epoch);
    learning::TrainingSettings settings = source.settings;
    settings.maxEpochs = std::max(settings.maxEpochs, epoch);
    if (after.learningRate > 0.0)
        settings.learningRate = after.learningRate;
    learning::Trainer trainer(source.data, settings);
    trainer.restore(before);
    if (trainer.finished())
        return steps;
    steps.reserve(source.data.size());
    trainer.stepEpoch([&steps](const learning::StepRecord& step) { steps.push_back(step); });
    return steps;
}

Result<std::vector<ExportFrame>, QString> selectFrames(const ExportSource& source,
                                                       const std::vector<int>& epochs, bool steps)
{
    std::vector<ExportFrame> frames;
    const std::size_t perEpoch = steps ? std::max<std::size_t>(1, source.data.size()) : 1;
    std::size_t count = 0;
    for (int e : epochs)
        count += e == 0 ? 1 : perEpoch;
    if (count > kMaxFrames) {
        return unexpected(
            Text::tr("%1 frames would be made; an export makes at most %2 (choose fewer epochs)")
                .arg(count)
                .arg(kMaxFrames));
    }
    frames.reserve(count);
    for (int e : epochs) {
        if (!steps || e == 0) {
            frames.push_back(epochFrame(source, e));
            continue;
        }
        for (const learning::StepRecord& step : replayEpoch(source, e))
            frames.push_back(stepFrame(source, step));
    }
    return frames;
}

Result<std::vector<learning::StepRecord>, QString> selectSteps(const ExportSource& source,
                                                               const std::vector<int>& epochs)
{
    auto selected = firstSteps(source, epochs, kMaxTableRows);
    if (!selected)
        return unexpected(selected.error());
    return std::move(selected.value().steps);
}

Result<StepSelection, QString> firstSteps(const ExportSource& source,
                                          const std::vector<int>& epochs, std::size_t limit)
{
    const learning::ModelShape shape = learning::modelShape(source.settings);
    if (!TableWriter::isSupported(shape)) {
        return unexpected(Text::tr("a worked-example table is written for the two-class linear "
                                   "model on x1, x2 and for networks; this run is %1")
                              .arg(QString::fromStdString(shape.description())));
    }
    StepSelection selection;
    for (int e : epochs)
        selection.total += e == 0 ? 0 : source.data.size();
    // A network's table has a row per parameter and visit.
    const std::size_t rows = selection.total * tableRowsPerVisit(shape);
    if (rows > kMaxTableRows) {
        return unexpected(
            Text::tr("the table would have %1 rows; at most %2 are written (choose fewer epochs)")
                .arg(rows)
                .arg(kMaxTableRows));
    }
    std::vector<learning::StepRecord>& steps = selection.steps;
    steps.reserve(std::min(limit, selection.total));
    for (int e : epochs) {
        if (steps.size() >= limit)
            break;
        std::vector<learning::StepRecord> visits = replayEpoch(source, e);
        selection.replayed += visits.size();
        const std::size_t take = std::min(visits.size(), limit - steps.size());
        steps.insert(steps.end(), std::make_move_iterator(visits.begin()),
                     std::make_move_iterator(visits.begin() + std::ptrdiff_t(take)));
    }
    return selection;
}

render::PlotScene sceneFor(const ExportSource& source, const ExportFrame& frame, bool legend)
{
    render::PlotScene scene;
    scene.data = &source.data;
    scene.dataRevision = 0;
    scene.view = source.view;
    scene.model = frame.model;
    scene.hasModel = true;
    scene.rule = source.settings.rule;
    scene.multiclass = source.settings.multiclass;
    scene.misclassified = misclassifiedBy(source, frame.model);
    scene.step = frame.step;
    scene.presentation = true;
    scene.showLegend = legend;
    return scene;
}

QString frameHeading(const ExportSource& source, const ExportFrame& frame)
{
    if (frame.step) {
        return Text::tr("Epoch %1 · sample %2/%3")
            .arg(frame.step->epoch)
            .arg(frame.step->visit + 1)
            .arg(source.data.size());
    }
    return Text::tr("Epoch %1").arg(frame.epoch);
}

QString frameDetails(const ExportSource& source, const ExportFrame& frame)
{
    QStringList parts;
    if (frame.step) {
        parts << Text::tr("x = %1").arg(pair(frame.step->x.x(), frame.step->x.y()));
        parts << (frame.step->updated ? Text::tr("updated") : Text::tr("no update"));
    }
    if (frame.model.shape().isClassic()) {
        const learning::LinearModel model = frame.model.classicModel();
        parts << Text::tr("w = %1").arg(pair(model.w.x(), model.w.y()));
        if (source.settings.useBias)
            parts << Text::tr("b = %1").arg(captionNumber(model.b));
    } else {
        parts << Text::tr("%1 (%n parameters)", nullptr, frame.model.parameterCount())
                     .arg(QString::fromStdString(frame.model.description()));
    }
    parts << errorCount(frame.errors);
    return parts.join(QStringLiteral(" · "));
}

QString captionText(const ExportSource& source, const ExportFrame& frame)
{
    return frameHeading(source, frame) + QStringLiteral(" · ") + frameDetails(source, frame);
}

} // namespace plab::exporting
