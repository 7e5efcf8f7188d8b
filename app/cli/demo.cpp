#include "app/cli/demo.h"

#include "app/cli/traincommand.h"
#include "io/numberformat.h"
#include "io/textfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace plab::cli {

namespace {

/// The translation context of this file's texts (lupdate reads the name from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(plab::cli::Demo)
};

QString number(double value)
{
    return QString::fromLatin1(io::formatDouble(value));
}

} // namespace

int runHeadlessDemo(const QString& file, const QString& folder, QTextStream& out, QTextStream& err)
{
    const QString input = file.isEmpty() ? QString::fromLatin1(kDemoExample) : file;
    const QDir dir(folder);
    if (!dir.mkpath(QStringLiteral("."))) {
        err << Text::tr("perceptron-lab: %1: the folder cannot be created").arg(folder) << '\n';
        return 2;
    }
    TrainOptions options;
    (input.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive) ? options.projectFile
                                                                  : options.dataFile) = input;
    options.traceFile = dir.filePath(QStringLiteral("trace.jsonl"));
    options.summaryFile = dir.filePath(QStringLiteral("summary.json"));

    out << Text::tr("Training on %1 ...").arg(io::printable(input)) << '\n';
    out.flush();
    QFile noStandardOutput; // both outputs are files: nothing goes to standard output
    const Result<learning::EpochSnapshot, QString> trained = runTrain(options, noStandardOutput);
    if (!trained) {
        err << QStringLiteral("perceptron-lab: ") << io::printable(trained.error()) << '\n';
        return 2;
    }
    const learning::EpochSnapshot& last = *trained;
    const QString model =
        QStringLiteral("w = (%1, %2), b = %3")
            .arg(number(last.model.w.x()), number(last.model.w.y()), number(last.model.b));
    const QString errors = Text::tr("%n error(s)", nullptr, last.errors);
    switch (last.status) {
    case learning::TrainingStatus::Converged:
        out << Text::tr("Converged after %n epoch(s): %1, %2.", nullptr, last.epoch)
                   .arg(model, errors)
            << '\n';
        break;
    case learning::TrainingStatus::Diverged:
        out << Text::tr("Diverged in epoch %1 (the numbers grew beyond what a double holds); last "
                        "finite weights: %2.")
                   .arg(last.epoch)
                   .arg(model)
            << '\n';
        break;
    case learning::TrainingStatus::Cycle:
        out << Text::tr("Stuck in a cycle after %n epoch(s): the weights repeat while each sample "
                        "still moves them by up to %1; at the end of the epoch: %2, %3.",
                        nullptr, last.epoch)
                   .arg(number(last.state.cycleSwing), model, errors)
            << '\n';
        break;
    case learning::TrainingStatus::EpochLimit:
    case learning::TrainingStatus::Running:
        out << Text::tr("Stopped at the limit of %n epoch(s) without converging: %1, %2.", nullptr,
                        last.epoch)
                   .arg(model, errors)
            << '\n';
        break;
    }
    out << Text::tr("Wrote the trace and the summary to %1 (trace.jsonl, summary.json).")
               .arg(QDir::toNativeSeparators(dir.absolutePath()))
        << '\n';
    return 0;
}

} // namespace plab::cli
