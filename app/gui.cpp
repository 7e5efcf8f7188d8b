// The window's executable: the program perceptron-lab (app/cli/program.h) with the window in its
// own process. It is installed as libexec/perceptron-lab/perceptron-lab, and the headless
// perceptron-lab becomes it (execv, app/main.cpp) when the command line asks for the window, so
// the headless commands never load a widget library.

#include "app/cli/program.h"
#include "editor/autosaver.h"
#include "i18n/language.h"
#include "ui/dialogs/aboutdialog.h"
#include "ui/mainwindow/autosaverecovery.h"
#include "ui/mainwindow/mainwindow.h"

#include <QApplication>
#include <QCoreApplication>

#include <csignal>

namespace {

int runWindow(int argc, char** argv, const QString& fileToOpen)
{
    // A save into a named pipe whose reader went away then fails with "Broken pipe", said in a
    // message, instead of the signal ending the program and the unsaved work with it.
    std::signal(SIGPIPE, SIG_IGN);
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("PerceptronLab"));
    // The language chosen under View > Language (stored in QSettings), else the system's.
    plab::i18n::installTranslations(
        plab::i18n::resolveLanguageChoice(plab::i18n::storedLanguageChoice()));
    // The icon of every window, and the id that ties windows to the installed .desktop file
    // (the Wayland app id; X11 desktops match it by name).
    QApplication::setWindowIcon(plab::ui::applicationIcon());
    QGuiApplication::setDesktopFileName(QString::fromLatin1(plab::ui::kDesktopFileName));
    plab::ui::MainWindow window;
    window.show();
    // Autosave (docs/robustness.md): work left by an instance that did not close properly is
    // offered first; a restored document replaces the file named on the command line.
    plab::editor::Autosaver autosaver(window.document());
    window.setAutosaver(&autosaver);
    const bool restored = autosaver.start() && plab::ui::offerRestore(autosaver, window.document(),
                                                                      window.playback(), &window);
    // With no file named, the bundled AND example (built into the binary).
    if (!restored)
        window.openFile(fileToOpen.isEmpty() ? QStringLiteral(":/examples/and.csv") : fileToOpen);
    const int status = app.exec();
    // A clean exit: nothing to restore next time.
    autosaver.finish();
    return status;
}

} // namespace

int main(int argc, char** argv)
{
    return plab::cli::runProgram(argc, argv, runWindow);
}
