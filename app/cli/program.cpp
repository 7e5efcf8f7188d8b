// The program perceptron-lab, as both of its executables run it: parse, dispatch, exit with a
// clear status (0 success, 2 bad input; see docs/cli.md).

#include "app/cli/program.h"

#include "app/cli/cliparser.h"
#include "app/cli/demo.h"
#include "app/cli/exportcommand.h"
#include "app/cli/traincommand.h"
#include "i18n/language.h"
#include "io/outputfile.h"
#include "io/textfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringList>
#include <QTextStream>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>
#include <variant>

namespace plab::cli {

namespace {

/// The translation context of this file's texts (lupdate reads the name from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(plab::cli::Main)
};

int fail(const QString& message)
{
    return reportFailure(message);
}

/// Gives a closed standard input, output or error a number again, /dev/null opened the wrong way
/// round: reading or writing it still fails ("Bad file descriptor") as on the closed stream, and
/// no file the program opens later can take its number and receive what is meant for it.
void occupyClosedStandardStreams()
{
    for (int fd = STDIN_FILENO; fd <= STDERR_FILENO; ++fd) {
        if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF)
            continue;
        const int opened =
            ::open("/dev/null", (fd == STDIN_FILENO ? O_WRONLY : O_RDONLY) | O_CLOEXEC);
        if (opened >= 0 && opened != fd) {
            ::dup2(opened, fd);
            ::close(opened);
        }
    }
}

/// \p status once what is still buffered for standard output (help, the demo's report) is
/// written: a failure there is a failure of the run.
int afterFlushingStandardOutput(int status)
{
    errno = 0;
    if (std::fflush(stdout) == 0 && !std::ferror(stdout))
        return status;
    const int error = errno != 0 ? errno : EIO;
    fail(Text::tr("standard output: cannot be written: %1").arg(plab::io::systemReason(error)));
    return 2;
}

/// Writes \p text to \p standardOutput, checked. 0, or 2 after saying why not.
int writeOut(QIODevice& standardOutput, const QString& text)
{
    plab::io::OutputFile out(standardOutput, Text::tr("standard output"));
    std::optional<plab::io::SaveError> error = out.write(text.toUtf8());
    if (!error)
        error = out.commit();
    return error ? fail(error->toString()) : 0;
}

/// Whether a platform plugin can show a window: an X or Wayland display, or a platform the user
/// chose explicitly (offscreen, vnc, ...). Creating a QApplication without one aborts.
bool displayAvailable()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
           !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

/// In the window's place when there is no display: says so, then runs the headless demo.
int runDemo(int argc, char** argv, const QString& fileToOpen)
{
    QCoreApplication app(argc, argv);
    i18n::installTranslations(i18n::systemLanguage());
    QTextStream out(stdout);
    QTextStream err(stderr);
    out << QCoreApplication::translate("plab::cli::Gui",
                                       "No display found: running the headless demo instead")
        << '\n';
    return runHeadlessDemo(fileToOpen, QString::fromLatin1(kDemoFolder), out, err);
}

int run(int argc, char** argv, WindowStarter startWindow)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    auto parsed = plab::cli::parseCommandLine(arguments);
    // The window and the export command make the application object they need and install the
    // translations themselves.
    if (const auto* command = std::get_if<plab::cli::CliCommand>(&parsed)) {
        if (command->kind == plab::cli::CliCommand::Kind::Gui) {
            return displayAvailable() ? startWindow(argc, argv, command->fileToOpen)
                                      : runDemo(argc, argv, command->fileToOpen);
        }
        if (command->kind == plab::cli::CliCommand::Kind::Export)
            return plab::cli::exportMain(argc, argv, command->exportArgs);
    }

    // Headless: a QCoreApplication, so training works without any display. Translators need the
    // application object, so the command line is parsed again to word its help and its errors in
    // the system's language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG).
    QCoreApplication app(argc, argv);
    plab::i18n::installTranslations(plab::i18n::systemLanguage());
    parsed = plab::cli::parseCommandLine(arguments);
    if (const auto* error = std::get_if<plab::cli::CliError>(&parsed))
        return fail(error->message);
    const plab::cli::CliCommand& command = std::get<plab::cli::CliCommand>(parsed);

    // Unbuffered: every write reaches the operating system at once, so its error is seen there.
    QFile standardOutput;
    if (!standardOutput.open(STDOUT_FILENO, QIODevice::WriteOnly | QIODevice::Unbuffered,
                             QFileDevice::DontCloseHandle))
        return fail(Text::tr("standard output: %1").arg(standardOutput.errorString()));
    if (command.kind != plab::cli::CliCommand::Kind::Train)
        return writeOut(standardOutput, command.text);
    const auto trained = plab::cli::runTrain(command.train, standardOutput);
    return trained ? 0 : fail(trained.error());
}

} // namespace

int reportFailure(const QString& message)
{
    QString line = message;
    line.replace(u'\n', u' ');
    // File names and values come from the user: escape sequences in them are shown, not obeyed.
    QTextStream(stderr) << QStringLiteral("perceptron-lab: ") << io::printable(line) << '\n';
    return 2;
}

int runProgram(int argc, char** argv, WindowStarter startWindow)
{
    occupyClosedStandardStreams();
    // Beyond a file-size limit (ulimit -f) write() then fails with "File too large", reported like
    // any write error, instead of the signal ending the program without a word.
    std::signal(SIGXFSZ, SIG_IGN);
    QCoreApplication::setApplicationName(QStringLiteral("perceptron-lab"));
    QCoreApplication::setApplicationVersion(plab::cli::applicationVersion());
    return afterFlushingStandardOutput(run(argc, argv, startWindow));
}

} // namespace plab::cli
