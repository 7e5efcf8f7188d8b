// perceptron-lab: the window, or a headless command. Thin on purpose: parse, dispatch, exit with
// a clear status (0 success, 2 bad input; see docs/cli.md).

#include "cliparser.h"
#include "exportcommand.h"
#include "gui.h"
#include "session/language.h"
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
    auto parsed = plab::cli::parseCommandLine(arguments);
    // The window and the export command make the application object they need and install the
    // translations themselves.
    if (const auto* command = std::get_if<plab::cli::CliCommand>(&parsed)) {
        if (command->kind == plab::cli::CliCommand::Kind::Gui)
            return runGui(argc, argv, command->fileToOpen);
        if (command->kind == plab::cli::CliCommand::Kind::Export)
            return plab::cli::exportMain(argc, argv, command->exportArgs);
    }

    // Headless: a QCoreApplication, so training works without any display. Translators need the
    // application object, so the command line is parsed again to word its help and its errors in
    // the system's language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG).
    QCoreApplication app(argc, argv);
    plab::session::installTranslations(plab::session::systemLanguage());
    parsed = plab::cli::parseCommandLine(arguments);
    if (const auto* error = std::get_if<plab::cli::CliError>(&parsed))
        return fail(error->message);
    const plab::cli::CliCommand& command = std::get<plab::cli::CliCommand>(parsed);
    if (command.kind != plab::cli::CliCommand::Kind::Train) {
        QTextStream(stdout) << command.text;
        return 0;
    }

    QFile standardOutput;
    if (!standardOutput.open(stdout, QIODevice::WriteOnly))
        return fail(QCoreApplication::translate("plab::cli::Main", "standard output: %1")
                        .arg(standardOutput.errorString()));
    const plab::cli::TrainOutcome outcome = plab::cli::runTrain(command.train, standardOutput);
    standardOutput.close();
    return outcome.error ? fail(*outcome.error) : 0;
}
