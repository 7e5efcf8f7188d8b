#include "inputchecks.h"

#include "app/cli/cliparser.h"
#include "io/datasetfile.h"
#include "io/projectfile.h"

#include <QStringList>

#include <bit>
#include <cstdint>
#include <variant>

namespace plab::fuzz {

namespace {

const QString kCsvName = QStringLiteral("fuzz.csv");
const QString kProjectName = QStringLiteral("fuzz.json");

bool sameBits(double a, double b)
{
    return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

bool sameBits(const learning::LinearModel& a, const learning::LinearModel& b)
{
    return sameBits(a.w.x(), b.w.x()) && sameBits(a.w.y(), b.w.y()) && sameBits(a.b, b.b);
}

/// Equal values and, for every coordinate, the same bits (so -0.0 stays -0.0).
bool sameBits(const learning::Dataset& a, const learning::Dataset& b)
{
    if (a.labels() != b.labels() || a.coordinates().size() != b.coordinates().size())
        return false;
    for (std::size_t i = 0; i < a.coordinates().size(); ++i) {
        if (!sameBits(a.coordinates()[i], b.coordinates()[i]))
            return false;
    }
    return true;
}

bool sameBits(const io::Project& a, const io::Project& b)
{
    const learning::TrainingSettings& s = a.settings;
    const learning::TrainingSettings& t = b.settings;
    return a == b && sameBits(a.data, b.data) && sameBits(s.learningRate, t.learningRate) &&
           sameBits(s.initial, t.initial) && sameBits(s.randomScale, t.randomScale) &&
           sameBits(s.tolerance, t.tolerance) && sameBits(a.view.xMin, b.view.xMin) &&
           sameBits(a.view.xMax, b.view.xMax) && sameBits(a.view.yMin, b.view.yMin) &&
           sameBits(a.view.yMax, b.view.yMax);
}

/// A rejection must say where and what: the given name, a line inside the input, a message.
std::optional<QString> checkError(const io::LoadError& error, QByteArrayView bytes,
                                  const QString& name)
{
    const qsizetype lineBreaks = bytes.count('\n') + bytes.count('\r');
    if (error.file != name)
        return QStringLiteral("the error names the file \"%1\"").arg(error.file);
    if (error.line < 0 || error.line > lineBreaks + 1)
        return QStringLiteral("the error names line %1 of an input with %2 line breaks")
            .arg(error.line)
            .arg(lineBreaks);
    if (error.message.isEmpty())
        return QStringLiteral("the error has no message");
    if (error.toString().contains(u'\n'))
        return QStringLiteral("the error is not one line: %1").arg(error.toString());
    return std::nullopt;
}

} // namespace

std::optional<QString> checkCsvInput(QByteArrayView bytes)
{
    const Result<learning::Dataset, io::LoadError> read = io::readDatasetCsvText(bytes, kCsvName);
    if (!read)
        return checkError(read.error(), bytes, kCsvName);
    if (const std::optional<QString> problem = io::datasetWriteProblem(read.value()))
        return QStringLiteral("an accepted data set cannot be written: %1").arg(*problem);
    const QByteArray written = io::datasetCsvText(read.value());
    const Result<learning::Dataset, io::LoadError> again =
        io::readDatasetCsvText(written, kCsvName);
    if (!again)
        return QStringLiteral("the written data set does not read back: %1")
            .arg(again.error().toString());
    if (!sameBits(again.value(), read.value()))
        return QStringLiteral("the written data set reads back different");
    return std::nullopt;
}

std::optional<QString> checkProjectInput(QByteArrayView bytes)
{
    const Result<io::Project, io::LoadError> read = io::readProjectText(bytes, kProjectName);
    if (!read)
        return checkError(read.error(), bytes, kProjectName);
    if (const std::optional<QString> problem = io::projectWriteProblem(read.value()))
        return QStringLiteral("an accepted project cannot be written: %1").arg(*problem);
    const QByteArray written = io::projectJsonText(read.value());
    const Result<io::Project, io::LoadError> again = io::readProjectText(written, kProjectName);
    if (!again)
        return QStringLiteral("the written project does not read back: %1")
            .arg(again.error().toString());
    if (!sameBits(again.value(), read.value()))
        return QStringLiteral("the written project reads back different");
    return std::nullopt;
}

std::optional<QString> checkCliInput(QByteArrayView bytes)
{
    QStringList arguments{QStringLiteral("perceptron-lab")};
    if (!bytes.isEmpty()) {
        for (const QByteArray& argument : QByteArray(bytes.data(), bytes.size()).split('\n'))
            arguments.append(QString::fromUtf8(argument));
    }
    const std::variant<cli::CliCommand, cli::CliError> parsed = cli::parseCommandLine(arguments);
    if (const auto* error = std::get_if<cli::CliError>(&parsed)) {
        if (error->message.isEmpty() || error->message.contains(u'\n'))
            return QStringLiteral("the error is not one line: \"%1\"").arg(error->message);
        return std::nullopt;
    }
    const cli::CliCommand& command = std::get<cli::CliCommand>(parsed);
    switch (command.kind) {
    case cli::CliCommand::Kind::Gui:
        return std::nullopt;
    case cli::CliCommand::Kind::Help:
    case cli::CliCommand::Kind::Version:
        if (command.text.isEmpty())
            return QStringLiteral("help or version without text");
        return std::nullopt;
    case cli::CliCommand::Kind::Export: {
        const cli::ExportArguments& e = command.exportArgs;
        if (e.training.dataFile.isEmpty() == e.training.projectFile.isEmpty())
            return QStringLiteral("export needs exactly one input file");
        if (learning::validate(e.training.appliedTo(learning::TrainingSettings{})))
            return QStringLiteral("export accepted settings that do not validate");
        if (e.out.isEmpty())
            return QStringLiteral("export accepted no output file");
        return std::nullopt;
    }
    case cli::CliCommand::Kind::Train:
        break;
    }
    const cli::TrainOptions& o = command.train;
    if (o.dataFile.isEmpty() == o.projectFile.isEmpty())
        return QStringLiteral("train needs exactly one input file");
    if (learning::validate(o.appliedTo(learning::TrainingSettings{})))
        return QStringLiteral("train accepted settings that do not validate");
    return std::nullopt;
}

} // namespace plab::fuzz
