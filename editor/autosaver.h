#pragma once

#include "io/project.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class QLockFile;
class QTimer;

namespace plab::editor {

class Document;

/// Work autosaved by an instance that did not close properly, as found at start.
struct AutosavedWork
{
    io::Project project;  ///< the points, settings, view and timeline epoch
    QString filePath;     ///< the project file the document belonged to; empty if untitled
    bool modified = true; ///< the document had changes not saved to filePath
    QDateTime savedAt;    ///< when the autosave was written (local time)
};

/// Keeps a copy of the open document in the application data folder so that a crash, a kill or
/// a power cut loses at most a few seconds of work.
///
/// - A few seconds (delay()) after the first change to the points, the settings, the view or the
///   timeline position (timelineMoved()), the document is written atomically (QSaveFile) to
///   autosaveFile(), with the project file it belongs to and whether it had unsaved changes in a
///   small companion file. Changes during the delay are caught by the same write, so a running
///   training writes at most once per delay.
/// - An empty, untitled document has nothing worth keeping: the autosave is removed instead.
/// - finish() (a clean exit) removes the autosave. At the next start, a leftover autosave means
///   the previous instance did not close properly: start() reads it, recovery() returns it. Until
///   the user has decided about it (discard(), acceptRecovery(), keepDamagedAside()) nothing
///   replaces or removes it; an autosave that cannot be read is kept as well (damagedAutosave()).
/// - Only one instance autosaves: start() takes a lock file (QLockFile) in the folder. A second
///   instance running at the same time neither autosaves nor offers the first one's live
///   autosave for restoring. A lock left by a killed instance is stale and taken over.
/// - Never silent: whenever changes are not being autosaved (no folder, a folder that cannot be
///   written, a lock held by another instance, a failed write, a damaged autosave waiting for a
///   decision) problem() says why and problemChanged() is emitted; it is cleared by the next
///   successful write. A failed write is retried every delay() without waiting for a change.
class Autosaver : public QObject
{
    Q_OBJECT

public:
    /// The default delay between a change and its autosave.
    static constexpr int kDefaultDelayMs = 3000;

    /// Watches \p document (not owned; it must outlive the autosaver).
    explicit Autosaver(Document* document, QObject* parent = nullptr);
    ~Autosaver() override;

    /// The folder of the autosave and its lock: QStandardPaths::AppDataLocation.
    [[nodiscard]] static QString defaultFolder();

    /// Where the autosave goes (defaultFolder() unless set before start()).
    [[nodiscard]] QString folder() const { return m_folder; }
    void setFolder(const QString& folder);
    [[nodiscard]] QString autosaveFile() const;

    [[nodiscard]] int delay() const { return m_delayMs; }
    void setDelay(int milliseconds);

    /// Creates the folder, takes the lock and reads what a previous instance left behind. False
    /// when the folder cannot be created or written or another instance holds the lock: this
    /// instance then never autosaves, and problem() says why.
    bool start();
    /// Whether start() succeeded and finish() has not been called yet.
    [[nodiscard]] bool isActive() const;

    /// The work a previous instance left behind, as start() read it, until the user decided.
    [[nodiscard]] std::optional<AutosavedWork> recovery() const;
    /// Why the autosave a previous instance left behind cannot be read (the file, its line and
    /// the problem: a crash or a full disk may have cut it short), until the user decided.
    [[nodiscard]] std::optional<QString> damagedAutosave() const;
    /// The work of recovery() is in the window now (restoreAutosavedWork()): autosaving the
    /// document may replace it.
    void acceptRecovery();
    /// Renames the damaged autosave to a free name in folder()
    /// ("autosave-damaged-<date>-<time>.perceptron-lab.json") and autosaves again. The new path,
    /// or nothing when it cannot be renamed (then problem() says why and the file stays).
    std::optional<QString> keepDamagedAside();

    /// Why changes are not being autosaved right now, a short translated phrase for the marker
    /// "Not autosaved: <problem>" (e.g. "the data folder is not writable"); empty while they are.
    [[nodiscard]] QString problem() const;
    /// The problem in full for a tooltip: the file or folder, the reason, and what to do.
    [[nodiscard]] QString problemDetails() const;

    /// The epoch the timeline shows, as a project saves it (nothing while nothing was recorded),
    /// asked at each write; without it autosaves carry no epoch. The window sets it and calls
    /// timelineMoved() when the timeline moves.
    using ShownEpoch = std::function<std::optional<int>()>;
    void setShownEpoch(ShownEpoch shownEpoch);
    /// The timeline moved: like a change to the document, it is autosaved after delay().
    void timelineMoved();

    /// Writes the autosave now (or removes it for an empty, untitled document).
    void saveNow();
    /// Removes the autosave (the user declined to restore it, or discarded a damaged one).
    void discard();
    /// A clean exit: stops watching, removes the autosave and releases the lock. An autosave
    /// still waiting for the user's decision stays.
    void finish();

Q_SIGNALS:
    /// An autosave was written to autosaveFile().
    void saved();
    /// One translated line for the status bar: a problem as it starts (naming the file or
    /// folder and the reason), autosave working again, a damaged autosave kept aside.
    void message(const QString& text);
    /// problem() changed: changes stopped or started again being autosaved.
    void problemChanged();

private:
    /// Kept as a kind and its arguments (paths, reasons) so that the texts follow a change of
    /// language.
    enum class Problem
    {
        None,
        NoFolder,
        FolderNotCreated,  ///< the folder
        FolderNotWritable, ///< the folder
        LockedElsewhere,   ///< the process id, the folder
        Damaged,           ///< the file, the reason
        DamagedNotMoved,   ///< the file, the new name, the reason
        Unwritable,        ///< the reason
        WriteFailed,       ///< "file: reason"
    };

    void changed();
    void readLeftover();
    void removeFiles();
    void setProblem(Problem problem, const QStringList& args = {});
    void clearProblem();
    [[nodiscard]] QString infoFile() const;

    Document* m_document;
    ShownEpoch m_shownEpoch;
    QTimer* m_timer = nullptr;
    std::unique_ptr<QLockFile> m_lock;
    QString m_folder;
    int m_delayMs = kDefaultDelayMs;
    bool m_active = false;
    std::optional<AutosavedWork> m_leftover;
    std::optional<QString> m_damage;
    Problem m_problem = Problem::None;
    QStringList m_problemArgs;
};

/// Replaces \p document with \p work: the points, settings and view and the project file it
/// belonged to, and, when the work had unsaved changes, a modified document whose undo stack holds
/// one step ("Restore autosaved work", back to no points). The timeline epoch
/// (work.project.epoch) is the caller's to show.
void restoreAutosavedWork(Document* document, const AutosavedWork& work);

} // namespace plab::editor
