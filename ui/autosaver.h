#pragma once

#include "session/project.h"

#include <QDateTime>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QLockFile;
class QTimer;

namespace plab::ui {

class Document;
class TrainingPresenter;

/// Work autosaved by an instance that did not close properly, as found at start.
struct AutosavedWork
{
    session::Project project; ///< the points, settings, view and timeline epoch
    QString filePath;         ///< the project file the document belonged to; empty if untitled
    bool modified = true;     ///< the document had changes not saved to filePath
    QDateTime savedAt;        ///< when the autosave was written (local time)
};

/// Keeps a copy of the open document in the application data folder so that a crash, a kill or
/// a power cut loses at most a few seconds of work.
///
/// - A few seconds (delay()) after the first change to the points, the settings, the view or the
///   timeline position, the document is written atomically (QSaveFile) to autosaveFile(), with
///   the project file it belongs to and whether it had unsaved changes in a small companion file.
///   Changes during the delay are caught by the same write, so a running training writes at most
///   once per delay.
/// - An empty, untitled document has nothing worth keeping: the autosave is removed instead.
/// - finish() (a clean exit) removes the autosave. At the next start, a leftover autosave means
///   the previous instance did not close properly: recovery() returns it.
/// - Only one instance autosaves: start() takes a lock file (QLockFile) in the folder. A second
///   instance running at the same time neither autosaves nor offers the first one's live
///   autosave for restoring. A lock left by a killed instance is stale and taken over.
class Autosaver : public QObject
{
    Q_OBJECT

public:
    /// The default delay between a change and its autosave.
    static constexpr int kDefaultDelayMs = 3000;

    /// Watches \p document and \p presenter (not owned; both must outlive the autosaver).
    Autosaver(Document* document, TrainingPresenter* presenter, QObject* parent = nullptr);
    ~Autosaver() override;

    /// The folder of the autosave and its lock: QStandardPaths::AppDataLocation.
    [[nodiscard]] static QString defaultFolder();

    /// Where the autosave goes (defaultFolder() unless set before start()).
    [[nodiscard]] QString folder() const { return m_folder; }
    void setFolder(const QString& folder);
    [[nodiscard]] QString autosaveFile() const;

    [[nodiscard]] int delay() const { return m_delayMs; }
    void setDelay(int milliseconds);

    /// Creates the folder and takes the lock. False when another instance holds it (or the folder
    /// cannot be created): this instance then never autosaves.
    bool start();
    /// Whether start() succeeded and finish() has not been called yet.
    [[nodiscard]] bool isActive() const;

    /// The autosave a previous instance left behind, when this instance holds the lock and the
    /// file can be read. A file that cannot be read is reported through failed() and removed.
    [[nodiscard]] std::optional<AutosavedWork> recovery();

    /// Writes the autosave now (or removes it for an empty, untitled document).
    void saveNow();
    /// Removes the autosave (the user declined to restore it, or the exit was clean).
    void discard();
    /// A clean exit: stops watching, removes the autosave and releases the lock.
    void finish();

Q_SIGNALS:
    /// An autosave was written to autosaveFile().
    void saved();
    /// An autosave could not be written or read; \p message (one translated line for the status
    /// bar) names the file and the reason.
    void failed(const QString& message);

private:
    void changed();
    [[nodiscard]] QString infoFile() const;

    Document* m_document;
    TrainingPresenter* m_presenter;
    QTimer* m_timer = nullptr;
    std::unique_ptr<QLockFile> m_lock;
    QString m_folder;
    int m_delayMs = kDefaultDelayMs;
    bool m_active = false;
};

/// Replaces the window's document with \p work: the points, settings and view, the project file
/// it belonged to, the timeline epoch (the engine trains up to it), and, when the work had
/// unsaved changes, a modified document whose undo stack holds one step ("Restore autosaved
/// work", back to no points).
void restoreAutosavedWork(Document* document, TrainingPresenter* presenter,
                          const AutosavedWork& work);

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

/// At start: when \p autosaver found work left by an instance that did not close properly, asks
/// \p question (unless the stored policy decides) and restores the work or discards it. True when
/// work was restored (the caller then opens nothing else).
bool offerRestore(Autosaver& autosaver, Document* document, TrainingPresenter* presenter,
                  QWidget* parent, const RestoreQuestion& question = askToRestore);

} // namespace plab::ui
