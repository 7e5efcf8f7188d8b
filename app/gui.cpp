#include "gui.h"

#include "demo.h"
#include "editor/autosaver.h"
#include "i18n/language.h"
#include "ui/dialogs/aboutdialog.h"
#include "ui/mainwindow/autosaverecovery.h"
#include "ui/mainwindow/mainwindow.h"

#include <QApplication>
#include <QCoreApplication>
#include <QTextStream>

#include <csignal>
#include <cstdio>

namespace {

/// The translation context of this file's texts (lupdate reads the name from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(plab::cli::Gui)
};

/// Whether a platform plugin can show a window: an X or Wayland display, or a platform the user
/// chose explicitly (offscreen, vnc, ...). Creating a QApplication without one aborts.
bool displayAvailable()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
           !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

int runDemo(int argc, char** argv, const QString& fileToOpen, const char* reason)
{
    QCoreApplication app(argc, argv);
    plab::i18n::installTranslations(plab::i18n::systemLanguage());
    QTextStream out(stdout);
    QTextStream err(stderr);
    out << Text::tr(reason) << '\n';
    return plab::cli::runHeadlessDemo(fileToOpen, QString::fromLatin1(plab::cli::kDemoFolder), out,
                                      err);
}

} // namespace

int runGui(int argc, char** argv, const QString& fileToOpen)
{
    if (!displayAvailable()) {
        return runDemo(argc, argv, fileToOpen,
                       QT_TRANSLATE_NOOP("plab::cli::Gui",
                                         "No display found: running the headless demo instead"));
    }
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
                                                                      window.presenter(), &window);
    // With no file named, the bundled AND example (built into the binary).
    if (!restored)
        window.openFile(fileToOpen.isEmpty() ? QStringLiteral(":/examples/and.csv") : fileToOpen);
    const int status = app.exec();
    // A clean exit: nothing to restore next time.
    autosaver.finish();
    return status;
}
