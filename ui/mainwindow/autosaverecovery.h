#pragma once

#include <QDateTime>
#include <QString>

#include <functional>

class QWidget;

namespace plab::editor {
class Autosaver;
class Document;
class Playback;
} // namespace plab::editor

namespace plab::ui {

// At start, the work an instance that did not close properly left behind (Autosaver): the
// questions to the user and the restore into the window.

/// How the window answers "restore the autosaved work?" at start (QSettings "autosave/restore"):
/// ask the user (the default), always restore without asking, or never (discard it).
enum class RestorePolicy
{
    Ask,
    Always,
    Never
};
[[nodiscard]] RestorePolicy storedRestorePolicy();

/// The question itself: "Perceptron Lab did not close properly. Restore the work autosaved at
/// <date time>?" with Restore and Discard. True for Restore.
using RestoreQuestion = std::function<bool(QWidget* parent, const QDateTime& savedAt)>;
[[nodiscard]] bool askToRestore(QWidget* parent, const QDateTime& savedAt);

/// What to do with an autosave that cannot be read. It may hold the only copy of unsaved work, so
/// nothing removes it unless the user says so.
enum class DamagedChoice
{
    KeepAside,        ///< rename it and go on (also the answer when the box is closed)
    KeepAsideAndShow, ///< the same, and open its folder in the file manager
    Discard,          ///< delete it
};
/// The question: "The work autosaved before Perceptron Lab closed cannot be read ... Keep it aside
/// under a new name?" with the reason (\p damage) and Keep Aside, Keep Aside and Show Folder,
/// Discard.
using DamagedQuestion = std::function<DamagedChoice(QWidget* parent, const QString& damage)>;
[[nodiscard]] DamagedChoice askAboutDamagedAutosave(QWidget* parent, const QString& damage);

/// At start: when \p autosaver found work left by an instance that did not close properly, asks
/// \p question (unless the stored policy decides) and restores the work or discards it. True when
/// work was restored (the caller then opens nothing else). When the autosave cannot be read, asks
/// \p damagedQuestion (with the stored policy "always" or "never": keeps it aside without
/// asking, so it is never lost).
bool offerRestore(editor::Autosaver& autosaver, editor::Document* document,
                  editor::Playback* playback, QWidget* parent,
                  const RestoreQuestion& question = askToRestore,
                  const DamagedQuestion& damagedQuestion = askAboutDamagedAutosave);

} // namespace plab::ui
