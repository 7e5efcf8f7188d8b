#include "editor/autosaver.h"

#include "editor/document.h"
#include "editor/undocommands.h"
#include "io/projectfile.h"
#include "io/textfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QStandardPaths>
#include <QTimer>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace plab::editor {

namespace {

const QString kAutosaveName = u"autosave.perceptron-lab.json"_s;
const QString kInfoName = u"autosave-info.json"_s;
const QString kLockName = u"autosave.lock"_s;

/// A path as the user's system writes it, for messages.
QString shown(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

} // namespace

Autosaver::Autosaver(Document* document, QObject* parent)
    : QObject(parent), m_document(document), m_timer(new QTimer(this)), m_folder(defaultFolder())
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(m_delayMs);
    connect(m_timer, &QTimer::timeout, this, &Autosaver::saveNow);
    connect(m_document, &Document::dataChanged, this, &Autosaver::changed);
    connect(m_document, &Document::settingsChanged, this, &Autosaver::changed);
    connect(m_document, &Document::viewChanged, this, &Autosaver::changed);
    connect(m_document, &Document::modifiedChanged, this, &Autosaver::changed);
    connect(m_document, &Document::filePathChanged, this, &Autosaver::changed);
}

Autosaver::~Autosaver() = default;

QString Autosaver::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

void Autosaver::setFolder(const QString& folder)
{
    if (!m_active)
        m_folder = folder;
}

QString Autosaver::autosaveFile() const
{
    return QDir(m_folder).filePath(kAutosaveName);
}

QString Autosaver::infoFile() const
{
    return QDir(m_folder).filePath(kInfoName);
}

void Autosaver::setDelay(int milliseconds)
{
    m_delayMs = std::max(0, milliseconds);
    m_timer->setInterval(m_delayMs);
}

bool Autosaver::start()
{
    if (m_active)
        return true;
    if (m_folder.isEmpty()) {
        setProblem(Problem::NoFolder);
        return false;
    }
    if (!QDir().mkpath(m_folder)) {
        setProblem(Problem::FolderNotCreated, {shown(m_folder)});
        return false;
    }
    m_lock = std::make_unique<QLockFile>(QDir(m_folder).filePath(kLockName));
    // Never wait: a lock held by a running instance means this one does without autosave. A lock
    // whose process is gone (killed, crashed) is stale and taken over at once.
    if (!m_lock->tryLock(0)) {
        if (m_lock->error() == QLockFile::LockFailedError) {
            qint64 pid = 0;
            QString host;
            QString application;
            m_lock->getLockInfo(&pid, &host, &application);
            setProblem(Problem::LockedElsewhere, {QString::number(pid), shown(m_folder)});
        } else {
            setProblem(Problem::FolderNotWritable, {shown(m_folder)});
        }
        m_lock.reset();
        return false;
    }
    m_active = true;
    readLeftover();
    return true;
}

bool Autosaver::isActive() const
{
    return m_active;
}

void Autosaver::readLeftover()
{
    // exists() is false for a dangling symbolic link, which reads as "does not exist" anyway.
    if (!QFileInfo::exists(autosaveFile()) && !QFileInfo(autosaveFile()).isSymLink())
        return;
    auto read = io::readProject(autosaveFile());
    if (!read) {
        m_damage = read.error().toString();
        setProblem(Problem::Damaged, {shown(autosaveFile()), *m_damage});
        return;
    }
    AutosavedWork work;
    work.project = std::move(read.value());
    work.savedAt = QFileInfo(autosaveFile()).lastModified();
    // The companion file is advisory: without it the work counts as unsaved and untitled.
    QFile info(infoFile());
    if (info.open(QIODevice::ReadOnly)) {
        const QJsonObject object = QJsonDocument::fromJson(info.readAll()).object();
        work.filePath = object.value(u"filePath"_s).toString();
        work.modified = object.value(u"modified"_s).toBool(true);
    }
    m_leftover = std::move(work);
}

std::optional<AutosavedWork> Autosaver::recovery() const
{
    return m_leftover;
}

std::optional<QString> Autosaver::damagedAutosave() const
{
    return m_damage;
}

void Autosaver::acceptRecovery()
{
    m_leftover.reset();
    changed();
}

std::optional<QString> Autosaver::keepDamagedAside()
{
    if (!m_damage)
        return std::nullopt;
    const QString stamp = QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s);
    QString target;
    for (int n = 1;; ++n) {
        const QString suffix = n == 1 ? QString() : u"-%1"_s.arg(n);
        target = QDir(m_folder).filePath(u"autosave-damaged-"_s + stamp + suffix +
                                         u".perceptron-lab.json"_s);
        if (!QFileInfo::exists(target) && !QFileInfo(target).isSymLink())
            break;
    }
    // rename() never replaces an existing file.
    QFile file(autosaveFile());
    if (!file.rename(target)) {
        setProblem(Problem::DamagedNotMoved,
                   {shown(autosaveFile()), shown(target), file.errorString()});
        return std::nullopt;
    }
    QFile::remove(infoFile());
    m_damage.reset();
    clearProblem();
    Q_EMIT message(tr("The autosave that could not be read was kept as %1").arg(shown(target)));
    changed();
    return target;
}

QString Autosaver::problem() const
{
    switch (m_problem) {
    case Problem::None:
        return QString();
    case Problem::NoFolder:
        return tr("no data folder");
    case Problem::FolderNotCreated:
        return tr("the data folder cannot be created");
    case Problem::FolderNotWritable:
        return tr("the data folder is not writable");
    case Problem::LockedElsewhere:
        return tr("another Perceptron Lab is autosaving");
    case Problem::Damaged:
    case Problem::DamagedNotMoved:
        return tr("an earlier autosave cannot be read");
    case Problem::Unwritable:
        return tr("the work cannot be written");
    case Problem::WriteFailed:
        return tr("writing failed");
    }
    return QString();
}

QString Autosaver::problemDetails() const
{
    const QStringList& a = m_problemArgs;
    const auto arg = [&a](qsizetype i) { return i < a.size() ? a[i] : QString(); };
    const QString restart =
        tr("Save your work with File > Save; autosave starts again when Perceptron Lab is "
           "started once this is fixed.");
    switch (m_problem) {
    case Problem::None:
        return QString();
    case Problem::NoFolder:
        return tr("The system names no folder for application data.") + u' ' + restart;
    case Problem::FolderNotCreated:
        return tr("The folder %1 cannot be created.").arg(arg(0)) + u' ' + restart;
    case Problem::FolderNotWritable:
        return tr("The folder %1 is not writable: its lock file cannot be created.").arg(arg(0)) +
               u' ' + restart;
    case Problem::LockedElsewhere:
        return tr("Another Perceptron Lab (process %1) is autosaving into %2, and only one at a "
                  "time can. Save your work with File > Save; autosave starts again when "
                  "Perceptron Lab is started while no other copy runs.")
            .arg(arg(0), arg(1));
    case Problem::Damaged:
        return tr("The autosave %1 cannot be read: %2. It is kept until you decide what to do "
                  "with it.")
            .arg(arg(0), arg(1));
    case Problem::DamagedNotMoved:
        return tr("The autosave %1 cannot be read, nor kept aside as %2: %3. It stays where it "
                  "is, and nothing is autosaved until it is moved away.")
            .arg(arg(0), arg(1), arg(2));
    case Problem::Unwritable:
        return tr("The work cannot be autosaved: %1.").arg(arg(0));
    case Problem::WriteFailed:
        return tr("Autosave failed: %1. Save your work with File > Save; autosave tries again "
                  "every few seconds.")
            .arg(arg(0));
    }
    return QString();
}

void Autosaver::setProblem(Problem problem, const QStringList& args)
{
    if (problem == m_problem && args == m_problemArgs)
        return;
    m_problem = problem;
    m_problemArgs = args;
    Q_EMIT message(tr("Not autosaved: %1").arg(problemDetails()));
    Q_EMIT problemChanged();
}

void Autosaver::clearProblem()
{
    if (m_problem == Problem::None)
        return;
    m_problem = Problem::None;
    m_problemArgs.clear();
    Q_EMIT message(tr("Autosave works again: your changes are protected"));
    Q_EMIT problemChanged();
}

void Autosaver::setShownEpoch(ShownEpoch shownEpoch)
{
    m_shownEpoch = std::move(shownEpoch);
}

void Autosaver::timelineMoved()
{
    changed();
}

void Autosaver::changed()
{
    if (m_active && !m_timer->isActive())
        m_timer->start();
}

void Autosaver::saveNow()
{
    m_timer->stop();
    // The file a previous instance left stays until the user has decided about it.
    if (!m_active || m_leftover || m_damage)
        return;
    if (m_document->data().empty() && m_document->filePath().isEmpty() &&
        !m_document->isModified()) {
        removeFiles();
        clearProblem();
        return;
    }
    io::Project project = m_document->toProject();
    project.epoch = m_shownEpoch ? m_shownEpoch() : std::nullopt;
    // Only what reads back is worth writing (a project file has the same limits).
    if (const auto problem = io::projectWriteProblem(project)) {
        setProblem(Problem::Unwritable, {*problem});
        return;
    }
    QJsonObject info;
    info.insert(u"filePath"_s, m_document->filePath());
    info.insert(u"modified"_s, m_document->isModified());
    std::optional<io::SaveError> error = io::writeProject(project, autosaveFile());
    if (!error)
        error = io::saveAtomically(infoFile(), QJsonDocument(info).toJson());
    if (error) {
        setProblem(Problem::WriteFailed, {error->toString()});
        // Retry without waiting for a change: the disk may have room again, the folder may be
        // writable again.
        m_timer->start();
        return;
    }
    clearProblem();
    Q_EMIT saved();
}

void Autosaver::removeFiles()
{
    QFile::remove(autosaveFile());
    QFile::remove(infoFile());
}

void Autosaver::discard()
{
    m_timer->stop();
    if (!m_active)
        return;
    removeFiles();
    m_leftover.reset();
    if (m_damage) {
        m_damage.reset();
        clearProblem();
    }
}

void Autosaver::finish()
{
    m_timer->stop();
    if (m_active && !m_leftover && !m_damage)
        removeFiles();
    m_active = false;
    m_lock.reset();
}

void restoreAutosavedWork(Document* document, const AutosavedWork& work)
{
    io::Project base = work.project;
    if (work.modified)
        base.data = learning::Dataset{};
    document->loadProject(base, work.filePath);
    // The points come back as one undo step, so the document counts as modified, as it was:
    // closing asks about saving, and Save writes to the project file it belongs to.
    if (work.modified) {
        document->undoStack()->push(
            new ReplaceData(document, work.project.data, Autosaver::tr("Restore autosaved work")));
    }
}

} // namespace plab::editor
