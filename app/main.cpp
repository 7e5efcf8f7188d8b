// perceptron-lab: the headless commands, and the door to the window.
//
// This executable links no widget library, so `perceptron-lab train` and `perceptron-lab export`
// run where Qt Widgets is not even installed and start as fast as Qt Core and Qt Gui allow. The
// window is a program of its own (app/gui.cpp, installed as libexec/perceptron-lab/perceptron-lab,
// PLAB_WINDOW_PROGRAM relative to this one): when the command line asks for the window and a
// display is there, this process becomes that program with execv(), same process id, same
// arguments, same environment, and it parses the command line again. See docs/architecture.md.

#include "app/cli/program.h"
#include "i18n/language.h"
#include "io/outputfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <cerrno>
#include <filesystem>
#include <system_error>
#include <unistd.h>

namespace {

/// The translation context of this file's texts (lupdate reads the name from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(plab::cli::Main)
};

/// Replaces this process with the window's program; returns only when that fails, with the exit
/// status after saying why.
int startWindowProgram(int argc, char** argv, const QString& /*fileToOpen: parsed there again*/)
{
    std::error_code error;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
    const std::filesystem::path window =
        (self.parent_path() / PLAB_WINDOW_PROGRAM).lexically_normal();
    const int reason = error ? error.value() : (::execv(window.c_str(), argv), errno);
    QCoreApplication app(argc, argv);
    plab::i18n::installTranslations(plab::i18n::systemLanguage());
    return plab::cli::reportFailure(
        Text::tr("the window cannot be started: %1: %2")
            .arg(QDir::toNativeSeparators(QFile::decodeName(window.c_str())),
                 plab::io::systemReason(reason)));
}

} // namespace

int main(int argc, char** argv)
{
    return plab::cli::runProgram(argc, argv, startWindowProgram);
}
