// perceptron-lab: the window, or a headless command. Thin on purpose: parse, dispatch, exit with
// a clear status (0 success, 2 bad input; see docs/cli.md).

#include "cliparser.h"
#include "exportcommand.h"
#include "gui.h"
#include "traincommand.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringList>
#include <QTextStream>

#include <cstdio>
#include <variant>

namespace {

int fail(const QString& message)
{
    QString line = message;
    line.replace(u'\n', u' ');
    QTextStream(stderr) << QStringLiteral("perceptron-lab: ") << line << '\n';
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication::setApplicationName(QStringLiteral("perceptron-lab"));
    QCoreApplication::setApplicationVersion(plab::cli::applicationVersion());

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const auto parsed = plab::cli::parseCommandLine(arguments);
    if (const auto* error = std::get_if<plab::cli::CliError>(&parsed))
        return fail(error->message);

    const plab::cli::CliCommand& command = std::get<plab::cli::CliCommand>(parsed);
    switch (command.kind) {
    case plab::cli::CliCommand::Kind::Gui:
        return runGui(argc, argv, command.fileToOpen);
    case plab::cli::CliCommand::Kind::Help:
    case plab::cli::CliCommand::Kind::Version:
        QTextStream(stdout) << command.text;
        return 0;
    case plab::cli::CliCommand::Kind::Export:
        return plab::cli::exportMain(argc, argv, command.exportArgs);
    case plab::cli::CliCommand::Kind::Train:
        break;
    }

    // Headless: a QCoreApplication, so training works without any display.
    QCoreApplication app(argc, argv);
    QFile standardOutput;
    if (!standardOutput.open(stdout, QIODevice::WriteOnly))
        return fail(QStringLiteral("standard output: %1").arg(standardOutput.errorString()));
    const plab::cli::TrainOutcome outcome = plab::cli::runTrain(command.train, standardOutput);
    standardOutput.close();
    return outcome.error ? fail(*outcome.error) : 0;
}
