#include "traincommand.h"

#include "learning/trainer.h"
#include "session/datasetfile.h"
#include "session/numberformat.h"
#include "session/projectfile.h"
#include "session/validationtext.h"

#include <QCoreApplication>
#include <QSaveFile>

#include <memory>

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
    session::appendJsonNumber(out, a);
    out += ',';
    session::appendJsonNumber(out, b);
    out += ']';
}

void appendModel(QByteArray& out, const learning::LinearModel& model)
{
    out += "\"w\":";
    appendPair(out, model.w.x(), model.w.y());
    out += ",\"b\":";
    session::appendJsonNumber(out, model.b);
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
    case learning::TrainingStatus::Running:
        break;
    }
    return "running";
}

/// Where one output goes: a file written through QSaveFile (nothing appears unless commit()
/// succeeds), or standard output. Writes are gathered into large blocks.
class Output
{
public:
    /// Opens \p path ("-" for \p standardOutput; empty: no output). Returns an error line.
    std::optional<QString> open(const QString& path, QIODevice& standardOutput)
    {
        m_path = path;
        if (path.isEmpty())
            return std::nullopt;
        if (path == u"-") {
            m_device = &standardOutput;
            return std::nullopt;
        }
        m_file = std::make_unique<QSaveFile>(path);
        if (!m_file->open(QIODevice::WriteOnly))
            return failure();
        m_device = m_file.get();
        return std::nullopt;
    }

    [[nodiscard]] bool isOpen() const { return m_device != nullptr; }

    std::optional<QString> write(const QByteArray& bytes)
    {
        if (!m_device)
            return std::nullopt;
        m_buffer += bytes;
        return m_buffer.size() >= kBlockSize ? flush() : std::nullopt;
    }

    /// Flushes and, for a file, commits it (renames it into place).
    std::optional<QString> finish()
    {
        if (!m_device)
            return std::nullopt;
        if (auto error = flush())
            return error;
        if (m_file && !m_file->commit())
            return failure();
        if (!m_file && m_device->inherits("QFileDevice"))
            static_cast<QFileDevice*>(m_device)->flush();
        return std::nullopt;
    }

private:
    static constexpr qsizetype kBlockSize = qsizetype(1) << 20;

    std::optional<QString> flush()
    {
        if (m_device->write(m_buffer) != m_buffer.size())
            return failure();
        m_buffer.clear();
        return std::nullopt;
    }

    QString failure() const
    {
        const QString reason =
            m_device ? m_device->errorString() : (m_file ? m_file->errorString() : QString());
        const QString name = m_path == u"-" ? Text::tr("standard output") : m_path;
        return Text::tr("%1: cannot be written: %2").arg(name, reason);
    }

    QString m_path;
    std::unique_ptr<QSaveFile> m_file;
    QIODevice* m_device = nullptr;
    QByteArray m_buffer;
};

} // namespace

QByteArray traceStepLine(const learning::StepRecord& step)
{
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
    out += ",\"net\":";
    session::appendJsonNumber(out, step.net);
    out += ",\"output\":";
    out += QByteArray::number(step.output);
    out += ",\"updated\":";
    out += step.updated ? "true," : "false,";
    appendModel(out, step.after);
    out += "}\n";
    return out;
}

QByteArray traceEpochLine(const learning::EpochSnapshot& epoch)
{
    QByteArray out;
    out.reserve(160);
    out += "{\"type\":\"epoch\",\"epoch\":";
    out += QByteArray::number(epoch.epoch);
    out += ",\"errors\":";
    out += QByteArray::number(epoch.errors);
    out += ",\"loss\":";
    session::appendJsonNumber(out, epoch.loss);
    out += ",\"accuracy\":";
    session::appendJsonNumber(out, epoch.accuracy);
    out += ',';
    appendModel(out, epoch.model);
    out += "}\n";
    return out;
}

QByteArray summaryJson(const learning::EpochSnapshot& last,
                       const learning::TrainingSettings& settings)
{
    QByteArray out;
    out += "{\"converged\":";
    out += last.status == learning::TrainingStatus::Converged ? "true" : "false";
    out += ",\"epochs\":";
    out += QByteArray::number(last.epoch);
    out += ',';
    appendModel(out, last.model);
    out += ",\"errors\":";
    out += QByteArray::number(last.errors);
    out += ",\"parameters\":";
    out += QByteArray::number(learning::parameterCount(settings));
    out += ",\"status\":\"";
    out += statusName(last.status);
    out += "\"}\n";
    return out;
}

TrainOutcome runTrain(const TrainOptions& options, QIODevice& standardOutput)
{
    const auto failed = [](const QString& message) { return TrainOutcome{message, {}, {}}; };
    const bool fromProject = !options.projectFile.isEmpty();
    const QString input = fromProject ? options.projectFile : options.dataFile;
    learning::Dataset data;
    learning::TrainingSettings settings;
    if (fromProject) {
        session::Result<session::Project> project = session::readProject(input);
        if (!project)
            return failed(project.error().toString());
        data = std::move(project.value().data);
        settings = project.value().settings;
    } else {
        session::Result<learning::Dataset> read = session::readDatasetCsv(input);
        if (!read)
            return failed(read.error().toString());
        data = std::move(read).value();
    }

    settings = options.appliedTo(settings);
    if (const auto problem = learning::validate(settings)) {
        // Command-line values were checked by the parser, so the project's own value is at fault.
        return failed(QStringLiteral("%1: settings.%2: %3")
                          .arg(input, session::settingsFieldKey(problem->field),
                               session::describeSettingsProblem(*problem)));
    }
    if (const auto problem = learning::validate(data))
        return failed(
            QStringLiteral("%1: %2").arg(input, session::describeDataProblem(*problem, data)));

    Output trace;
    Output summary;
    if (auto error = trace.open(options.traceFile, standardOutput))
        return failed(*error);
    if (auto error = summary.open(options.summaryFile, standardOutput))
        return failed(*error);

    learning::Trainer trainer(std::move(data), settings);
    learning::EpochSnapshot last = trainer.initialSnapshot();
    std::optional<QString> writeError;
    const auto onStep = [&](const learning::StepRecord& step) {
        if (!writeError)
            writeError = trace.write(traceStepLine(step));
    };
    while (!trainer.finished() && !writeError) {
        last = trace.isOpen() ? trainer.stepEpoch(onStep) : trainer.stepEpoch();
        if (!writeError)
            writeError = trace.write(traceEpochLine(last));
    }
    if (!writeError)
        writeError = summary.write(summaryJson(last, settings));
    if (!writeError)
        writeError = trace.finish();
    if (!writeError)
        writeError = summary.finish();
    if (writeError)
        return failed(*writeError);
    return TrainOutcome{std::nullopt, last, settings};
}

} // namespace plab::cli
