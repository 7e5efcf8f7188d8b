#include "ui/mainwindow/autosaverecovery.h"

#include "editor/autosaver.h"
#include "editor/playback.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace plab::ui {

namespace {

/// The translation context of this file's texts (lupdate reads the name from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(plab::ui::AutosaveRecovery)
};

/// Replaces the window's document with \p work and shows its timeline epoch (the engine trains
/// up to it).
void restoreWork(editor::Document* document, editor::Playback* playback,
                 const editor::AutosavedWork& work)
{
    editor::restoreAutosavedWork(document, work);
    if (work.project.epoch)
        playback->showEpoch(*work.project.epoch);
}

} // namespace

RestorePolicy storedRestorePolicy()
{
    const QString value = QSettings().value(u"autosave/restore"_s).toString();
    if (value == u"always")
        return RestorePolicy::Always;
    if (value == u"never")
        return RestorePolicy::Never;
    return RestorePolicy::Ask;
}

bool askToRestore(QWidget* parent, const QDateTime& savedAt)
{
    QMessageBox box(QMessageBox::Question, Text::tr("Restore Work"),
                    Text::tr("Perceptron Lab did not close properly. Restore "
                             "the work autosaved at %1?")
                        .arg(QLocale().toString(savedAt, QLocale::ShortFormat)),
                    QMessageBox::NoButton, parent);
    QPushButton* restore = box.addButton(Text::tr("&Restore"), QMessageBox::AcceptRole);
    box.addButton(Text::tr("&Discard"), QMessageBox::DestructiveRole);
    box.setDefaultButton(restore);
    box.exec();
    return box.clickedButton() == restore;
}

DamagedChoice askAboutDamagedAutosave(QWidget* parent, const QString& damage)
{
    QMessageBox box(QMessageBox::Warning, Text::tr("Damaged Autosave"),
                    Text::tr("Perceptron Lab did not close properly, and the work it "
                             "autosaved cannot be read (a crash or a full disk may have cut "
                             "it short). Keep the file aside under a new name, so that you "
                             "can look at it or send it to someone who can repair it?"),
                    QMessageBox::NoButton, parent);
    box.setInformativeText(damage);
    QPushButton* keep = box.addButton(Text::tr("&Keep Aside"), QMessageBox::AcceptRole);
    QPushButton* show =
        box.addButton(Text::tr("Keep Aside and &Show Folder"), QMessageBox::AcceptRole);
    QPushButton* discard = box.addButton(Text::tr("&Discard"), QMessageBox::DestructiveRole);
    box.setDefaultButton(keep);
    box.setEscapeButton(keep);
    box.exec();
    if (box.clickedButton() == discard)
        return DamagedChoice::Discard;
    return box.clickedButton() == show ? DamagedChoice::KeepAsideAndShow : DamagedChoice::KeepAside;
}

bool offerRestore(editor::Autosaver& autosaver, editor::Document* document,
                  editor::Playback* playback, QWidget* parent, const RestoreQuestion& question,
                  const DamagedQuestion& damagedQuestion)
{
    if (const std::optional<QString> damage = autosaver.damagedAutosave()) {
        // The stored policy answers "restore?", which cannot be done here: keep the file.
        DamagedChoice choice = DamagedChoice::KeepAside;
        if (storedRestorePolicy() == RestorePolicy::Ask && damagedQuestion)
            choice = damagedQuestion(parent, *damage);
        if (choice == DamagedChoice::Discard) {
            autosaver.discard();
        } else if (autosaver.keepDamagedAside() && choice == DamagedChoice::KeepAsideAndShow) {
            QDesktopServices::openUrl(QUrl::fromLocalFile(autosaver.folder()));
        }
        return false;
    }
    const std::optional<editor::AutosavedWork> work = autosaver.recovery();
    if (!work)
        return false;
    bool restore = false;
    switch (storedRestorePolicy()) {
    case RestorePolicy::Always:
        restore = true;
        break;
    case RestorePolicy::Never:
        break;
    case RestorePolicy::Ask:
        restore = question && question(parent, work->savedAt);
        break;
    }
    if (!restore) {
        autosaver.discard();
        return false;
    }
    restoreWork(document, playback, *work);
    autosaver.acceptRecovery();
    return true;
}

} // namespace plab::ui
