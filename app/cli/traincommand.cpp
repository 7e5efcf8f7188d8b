#include "app/cli/traincommand.h"

#include "app/cli/options.h"
#include "io/datasetfile.h"
#include "io/layersfile.h"
#include "io/numberformat.h"
#include "io/outputfile.h"
#include "io/projectfile.h"
#include "io/validationtext.h"
#include "learning/trainer.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <memory>
#include <utility>

namespace plab::cli {

namespace {

/// The translation context of this file's texts (lupdate reads the name from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(plab::cli::TrainCommand)
};

void appendPair(QByteArray& out, double a, double b)
{
    out += '[';
    io::appendJsonNumber(out, a);
    out += ',';
    io::appendJsonNumber(out, b);
    out += ']';
}

void appendModel(QByteArray& out, const learning::LinearModel& model)
{
    out += "\"w\":";
    appendPair(out, model.w.x(), model.w.y());
    out += ",\"b\":";
    io::appendJsonNumber(out, model.b);
}

/// "[{"W":[[...],...],"b":[...]},...]": every layer, W row by row (one row per unit).
void appendLayers(QByteArray& out, const std::vector<learning::Layer>& layers)
{
    out += '[';
    for (std::size_t l = 0; l < layers.size(); ++l) {
        const learning::Layer& layer = layers[l];
        out += l == 0 ? "{\"W\":[" : ",{\"W\":[";
        for (Eigen::Index j = 0; j < layer.W.rows(); ++j) {
            out += j == 0 ? "[" : ",[";
            for (Eigen::Index i = 0; i < layer.W.cols(); ++i) {
                if (i > 0)
                    out += ',';
                io::appendJsonNumber(out, layer.W(j, i));
            }
            out += ']';
        }
        out += "],\"b\":[";
        for (Eigen::Index j = 0; j < layer.b.size(); ++j) {
            if (j > 0)
                out += ',';
            io::appendJsonNumber(out, layer.b(j));
        }
        out += "]}";
    }
    out += ']';
}

/// The layers of the model of \p settings with the flat \p parameters.
std::vector<learning::Layer> layersOf(const learning::TrainingSettings& settings,
                                      const learning::SmallVector& parameters)
{
    return learning::Model(learning::modelShape(settings), parameters, settings.zero).layers();
}

const char* statusName(learning::TrainingStatus status)
{
    switch (status) {
    case learning::TrainingStatus::Converged:
        return "converged";
    case learning::TrainingStatus::EpochLimit:
        return "epoch-limit";
    case learning::TrainingStatus::Diverged:
        return "diverged";
    case learning::TrainingStatus::Cycle:
        return "cycle";
    case learning::TrainingStatus::Running:
        break;
    }
    return "running";
}

/// One output: a file written under the rules of io::OutputFile (atomic for a regular file,
/// directly into a device or a pipe), or standard output. Writes are gathered into large blocks.
class Output
{
public:
    /// Opens \p path ("-" for \p standardOutput; empty: no output). Returns an error line.
    std::optional<QString> open(const QString& path, QIODevice& standardOutput)
    {
        if (path.isEmpty())
            return std::nullopt;
        m_file = path == u"-"
                     ? std::make_unique<io::OutputFile>(standardOutput, Text::tr("standard output"))
                     : std::make_unique<io::OutputFile>(path);
        return message(m_file->open());
    }

    [[nodiscard]] bool isOpen() const { return m_file != nullptr; }

    std::optional<QString> write(const QByteArray& bytes)
    {
        if (!m_file)
            return std::nullopt;
        m_buffer += bytes;
        return m_buffer.size() >= kBlockSize ? flush() : std::nullopt;
    }

    /// Writes what is gathered.
    std::optional<QString> flush()
    {
        if (!m_file || m_buffer.isEmpty())
            return std::nullopt;
        const auto error = m_file->write(m_buffer);
        m_buffer.clear();
        return message(error);
    }

    /// Flushes and, for a regular file, renames it into place.
    std::optional<QString> commit()
    {
        if (!m_file)
            return std::nullopt;
        if (auto error = flush())
            return error;
        return message(m_file->commit());
    }

private:
    static constexpr qsizetype kBlockSize = qsizetype(1) << 20;

    static std::optional<QString> message(const std::optional<io::SaveError>& error)
    {
        return error ? std::optional<QString>(error->toString()) : std::nullopt;
    }

    std::unique_ptr<io::OutputFile> m_file;
    QByteArray m_buffer;
};

/// Why the outputs of \p options may not be written: one is the input file, or both are one
/// file (compared by identity: links, hard links and /proc/self/cwd paths are seen through).
std::optional<QString> outputConflict(const TrainOptions& options)
{
    const bool fromProject = !options.projectFile.isEmpty();
    const QString input = fromProject ? options.projectFile : options.dataFile;
    const QString inputOption =
        fromProject ? QStringLiteral("--project") : QStringLiteral("--data");
    const auto isFile = [](const QString& path) { return !path.isEmpty() && path != u"-"; };
    for (const auto& [option, path] :
         {std::pair{QStringLiteral("--trace"), options.traceFile},
          std::pair{QStringLiteral("--summary"), options.summaryFile}}) {
        if (isFile(path) && isFile(input) && io::sameFile(path, input)) {
            return Text::tr("%1 %2 is the same file as %3 %4: an output never replaces an input")
                .arg(option, path, inputOption, input);
        }
    }
    for (const auto& [option, path] :
         {std::pair{QStringLiteral("--trace"), options.traceFile},
          std::pair{QStringLiteral("--summary"), options.summaryFile}}) {
        if (isFile(path) && isFile(options.initFile) && io::sameFile(path, options.initFile)) {
            return Text::tr("%1 %2 is the same file as --init %3: an output never replaces an "
                            "input")
                .arg(option, path, options.initFile);
        }
    }
    if (isFile(options.traceFile) && isFile(options.summaryFile) &&
        io::sameFile(options.traceFile, options.summaryFile)) {
        return Text::tr("--trace %1 and --summary %2 are the same file: each output needs a file "
                        "of its own")
            .arg(options.traceFile, options.summaryFile);
    }
    return std::nullopt;
}

/// The option that sets the model setting \p field.
QString modelOption(learning::ModelSettingsError::Field field)
{
    using F = learning::ModelSettingsError::Field;
    switch (field) {
    case F::Classes:
        return QStringLiteral("classes");
    case F::Hidden:
        return QStringLiteral("hidden");
    case F::Activation:
        return QStringLiteral("activation");
    case F::BatchSize:
        return QStringLiteral("batch");
    case F::Layers:
        return QStringLiteral("init");
    case F::Bias:
        return QStringLiteral("no-bias");
    }
    return QStringLiteral("model");
}

/// Sets the number of classes from the data's labels (0 ... K-1) unless --classes says more, and
/// checks the model the settings and options describe (for \p use); an error line
/// naming the option otherwise.
std::optional<QString> applyModelOptions(const TrainOptions& options, InputUse use,
                                         TrainingInput& input)
{
    learning::TrainingSettings& s = input.settings;
    const auto& labels = input.data.labels();
    const int dataClasses = std::max(2, *std::max_element(labels.begin(), labels.end()) + 1);
    if (options.classes && *options.classes < dataClasses) {
        return optionError(QStringLiteral("classes"),
                           Text::tr("%1 has labels up to %2, so it needs at least %3 classes")
                               .arg(input.name)
                               .arg(dataClasses - 1)
                               .arg(dataClasses))
            .message;
    }
    if (!options.classes)
        s.classes = std::max(s.classes, dataClasses);
    if (const auto problem =
            use == InputUse::Show ? learning::validateModelToShow(s) : learning::validateModel(s))
        return optionError(modelOption(problem->field), io::describeModelProblem(*problem)).message;
    if (options.activation && s.model == learning::ModelKind::Linear) {
        return optionError(QStringLiteral("activation"),
                           Text::tr("a linear model has no activation to choose (a network is "
                                    "--model mlp)"))
            .message;
    }
    // An option that would change nothing is refused: the user believes it did something.
    if (options.multiclass && (s.model != learning::ModelKind::Linear || s.classes < 3)) {
        return optionError(QStringLiteral("multiclass"),
                           Text::tr("only a linear model with 3 or more classes has a multiclass "
                                    "scheme; this run has %n class(es)%1",
                                    nullptr, s.classes)
                               .arg(s.model == learning::ModelKind::Linear
                                        ? Text::tr(", which one unit separates")
                                        : Text::tr(" and a network (--model mlp)")))
            .message;
    }
    if (options.perceptronStop &&
        (s.model != learning::ModelKind::Linear || !learning::isPerceptronFamily(s.rule))) {
        return optionError(QStringLiteral("stop-rule"),
                           Text::tr("only the perceptron, pocket and averaged rules have a stop "
                                    "rule; the gradient rules and networks stop by --tolerance"))
            .message;
    }
    if (options.batch && *options.batch != 1 && s.model == learning::ModelKind::Linear) {
        if (learning::isPerceptronFamily(s.rule))
            return optionError(QStringLiteral("batch"),
                               Text::tr("the perceptron, pocket and averaged rules update after "
                                        "every sample (--batch 1)"))
                .message;
        if (*options.batch != learning::kFullBatch)
            return optionError(QStringLiteral("batch"),
                               Text::tr("a linear model learns online (1) or from the whole data "
                                        "set (all); mini-batches are for networks (--model mlp)"))
                .message;
    }
    return std::nullopt;
}

} // namespace

QByteArray traceStepLine(const learning::StepRecord& step,
                         const learning::TrainingSettings& settings)
{
    const bool classic = learning::modelShape(settings).isClassic();
    QByteArray out;
    out.reserve(192);
    out += "{\"type\":\"step\",\"epoch\":";
    out += QByteArray::number(step.epoch);
    out += ",\"index\":";
    out += QByteArray::number(quint64(step.index));
    out += ",\"x\":";
    appendPair(out, step.x.x(), step.x.y());
    out += ",\"target\":";
    out += QByteArray::number(step.target);
    if (classic) {
        out += ",\"net\":";
        io::appendJsonNumber(out, step.net);
    } else {
        out += ",\"scores\":[";
        for (std::size_t k = 0; k < step.scores.size(); ++k) {
            if (k > 0)
                out += ',';
            io::appendJsonNumber(out, step.scores[k]);
        }
        out += ']';
    }
    out += ",\"output\":";
    out += QByteArray::number(step.output);
    out += ",\"updated\":";
    out += step.updated ? "true," : "false,";
    if (classic) {
        appendModel(out, step.after);
    } else {
        out += "\"layers\":";
        appendLayers(out, layersOf(settings, step.parametersAfter));
    }
    out += "}\n";
    return out;
}

QByteArray traceEpochLine(const learning::EpochSnapshot& epoch,
                          const learning::TrainingSettings& settings)
{
    QByteArray out;
    out.reserve(160);
    out += "{\"type\":\"epoch\",\"epoch\":";
    out += QByteArray::number(epoch.epoch);
    out += ",\"errors\":";
    out += QByteArray::number(epoch.errors);
    out += ",\"loss\":";
    io::appendJsonNumber(out, epoch.loss);
    out += ",\"accuracy\":";
    io::appendJsonNumber(out, epoch.accuracy);
    out += ',';
    if (learning::modelShape(settings).isClassic()) {
        appendModel(out, epoch.model);
    } else {
        out += "\"layers\":";
        appendLayers(out, layersOf(settings, epoch.parameters));
    }
    out += "}\n";
    return out;
}

QByteArray summaryJson(const learning::EpochSnapshot& last,
                       const learning::TrainingSettings& settings)
{
    const bool classic = learning::modelShape(settings).isClassic();
    QByteArray out;
    out += "{\"converged\":";
    out += last.status == learning::TrainingStatus::Converged ? "true" : "false";
    out += ",\"epochs\":";
    out += QByteArray::number(last.epoch);
    out += ',';
    if (classic) {
        appendModel(out, last.model);
        out += ',';
    }
    out += "\"errors\":";
    out += QByteArray::number(last.errors);
    out += ",\"classes\":";
    out += QByteArray::number(settings.classes);
    out += ",\"parameters\":";
    out += QByteArray::number(learning::parameterCount(settings));
    out += ",\"layers\":";
    appendLayers(out, layersOf(settings, last.parameters));
    out += ",\"status\":\"";
    out += statusName(last.status);
    out += '"';
    if (last.status == learning::TrainingStatus::Cycle) {
        // The period (epochs) and the swing (the largest distance of any parameter from its
        // end-of-epoch value during the period) that Brent's search found (rules.h, "Statuses").
        out += ",\"cycle\":{\"period\":";
        out += QByteArray::number(last.state.cyclePeriod);
        out += ",\"swing\":";
        io::appendJsonNumber(out, last.state.cycleSwing);
        out += '}';
    }
    out += "}\n";
    return out;
}

Result<TrainingInput, QString> readTrainingInput(const TrainOptions& options, InputUse use)
{
    const bool fromProject = !options.projectFile.isEmpty();
    const QString path = fromProject ? options.projectFile : options.dataFile;
    TrainingInput input;
    input.name = io::inputName(path, io::Streams::Accept);
    if (fromProject) {
        Result<io::Project, io::LoadError> project = io::readProject(path, io::Streams::Accept);
        if (!project)
            return unexpected(project.error().toString());
        input.data = std::move(project->data);
        input.settings = project->settings;
        input.view = project->view;
    } else {
        Result<learning::Dataset, io::LoadError> read =
            io::readDatasetCsv(path, io::Streams::Accept);
        if (!read)
            return unexpected(read.error().toString());
        input.data = std::move(read).value();
    }

    input.settings = options.appliedTo(input.settings);
    if (!options.initFile.isEmpty()) {
        Result<std::vector<learning::Layer>, io::LoadError> layers =
            io::readLayersFile(options.initFile, io::Streams::Accept);
        if (!layers)
            return unexpected(layers.error().toString());
        input.settings.initialLayers = std::move(layers).value();
    }
    if (const auto problem = learning::validate(input.settings)) {
        // Command-line values were checked by the parser, so the project's own value is at fault.
        return unexpected(QStringLiteral("%1: settings.%2: %3")
                              .arg(input.name, io::settingsFieldKey(problem->field),
                                   io::describeSettingsProblem(*problem)));
    }
    if (const auto problem = learning::validate(input.data)) {
        return unexpected(QStringLiteral("%1: %2").arg(
            input.name, io::describeDataProblem(*problem, input.data)));
    }
    if (auto error = applyModelOptions(options, use, input))
        return unexpected(*error);
    return input;
}

Result<learning::EpochSnapshot, QString> runTrain(const TrainOptions& options,
                                                  QIODevice& standardOutput)
{
    const auto failed = [](const QString& message) { return unexpected(message); };
    // Before anything is read: a pipe or standard input cannot be read twice.
    if (const auto conflict = outputConflict(options))
        return failed(*conflict);
    Result<TrainingInput, QString> input = readTrainingInput(options);
    if (!input)
        return failed(input.error());
    const learning::TrainingSettings settings = input->settings;

    Output trace;
    Output summary;
    if (auto error = trace.open(options.traceFile, standardOutput))
        return failed(*error);
    if (auto error = summary.open(options.summaryFile, standardOutput))
        return failed(*error);

    learning::Trainer trainer(std::move(input->data), settings);
    learning::EpochSnapshot last = trainer.initialSnapshot();
    std::optional<QString> writeError;
    const auto onStep = [&](const learning::StepRecord& step) {
        if (!writeError)
            writeError = trace.write(traceStepLine(step, settings));
    };
    if (trace.isOpen()) {
        while (!trainer.finished() && !writeError) {
            last = trainer.stepEpoch(onStep);
            if (!writeError)
                writeError = trace.write(traceEpochLine(last, settings));
        }
    } else {
        // Without a trace only the last record is needed; a network's epochs are then evaluated
        // on a second core while the next ones train (Trainer::runEpochs: the same records).
        trainer.runEpochs(std::numeric_limits<std::int64_t>::max(), {},
                          [&last](learning::EpochSnapshot&& snap) { last = std::move(snap); });
    }
    if (!writeError)
        writeError = summary.write(summaryJson(last, settings));
    // Both complete before either is renamed into place, so a failure leaves neither behind.
    if (!writeError)
        writeError = trace.flush();
    if (!writeError)
        writeError = summary.flush();
    if (!writeError)
        writeError = trace.commit();
    if (!writeError)
        writeError = summary.commit();
    if (writeError)
        return failed(*writeError);
    return last;
}

} // namespace plab::cli
