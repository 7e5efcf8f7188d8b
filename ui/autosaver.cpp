#include "autosaver.h"

#include "document.h"
#include "session/projectfile.h"
#include "session/textfile.h"
#include "trainingpresenter.h"
#include "undocommands.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QLockFile>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace plab::ui {

namespace {

const QString kAutosaveName = u"autosave.perceptron-lab.json"_s;
const QString kInfoName = u"autosave-info.json"_s;
const QString kLockName = u"autosave.lock"_s;

/// The timeline epoch shown, as a project saves it; nothing while nothing was recorded.
std::optional<int> shownEpoch(const TrainingPresenter* presenter)
{
    const learning::History& history = presenter->history();
    if (presenter->position() >= history.size())
        return std::nullopt;
    return history.latestEpochAt(presenter->position()).epoch;
}

} // namespace

Autosaver::Autosaver(Document* document, TrainingPresenter* presenter, QObject* parent)
    : QObject(parent), m_document(document), m_presenter(presenter), m_timer(new QTimer(this)),
      m_folder(defaultFolder())
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(m_delayMs);
    connect(m_timer, &QTimer::timeout, this, &Autosaver::saveNow);
    connect(m_document, &Document::dataChanged, this, &Autosaver::changed);
    connect(m_document, &Document::settingsChanged, this, &Autosaver::changed);
    connect(m_document, &Document::viewChanged, this, &Autosaver::changed);
    connect(m_document, &Document::modifiedChanged, this, &Autosaver::changed);
    connect(m_document, &Document::filePathChanged, this, &Autosaver::changed);
    connect(m_presenter, &TrainingPresenter::positionChanged, this, &Autosaver::changed);
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
    if (m_folder.isEmpty() || !QDir().mkpath(m_folder))
        return false;
    m_lock = std::make_unique<QLockFile>(QDir(m_folder).filePath(kLockName));
    // Never wait: a lock held by a running instance means this one does without autosave. A lock
    // whose process is gone (killed, crashed) is stale and taken over at once.
    if (!m_lock->tryLock(0)) {
        m_lock.reset();
        return false;
    }
    m_active = true;
    return true;
}

bool Autosaver::isActive() const
{
    return m_active;
}

std::optional<AutosavedWork> Autosaver::recovery()
{
    if (!m_active || !QFileInfo::exists(autosaveFile()))
        return std::nullopt;
    auto read = session::readProject(autosaveFile());
    if (!read) {
        Q_EMIT failed(tr("Autosave cannot be read: %1").arg(read.error().toString()));
        discard();
        return std::nullopt;
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
    return work;
}

void Autosaver::changed()
{
    if (m_active && !m_timer->isActive())
        m_timer->start();
}

void Autosaver::saveNow()
{
    m_timer->stop();
    if (!m_active)
        return;
    if (m_document->data().empty() && m_document->filePath().isEmpty() &&
        !m_document->isModified()) {
        discard();
        return;
    }
    session::Project project = m_document->toProject();
    project.epoch = shownEpoch(m_presenter);
    // Only what reads back is worth writing (a project file has the same limits).
    if (session::projectWriteProblem(project))
        return;
    QJsonObject info;
    info.insert(u"filePath"_s, m_document->filePath());
    info.insert(u"modified"_s, m_document->isModified());
    if (auto error = session::writeProject(project, autosaveFile())) {
        Q_EMIT failed(tr("Autosave failed: %1").arg(error->toString()));
        return;
    }
    if (auto error = session::saveAtomically(infoFile(), QJsonDocument(info).toJson())) {
        Q_EMIT failed(tr("Autosave failed: %1").arg(error->toString()));
        return;
    }
    Q_EMIT saved();
}

void Autosaver::discard()
{
    m_timer->stop();
    if (!m_active)
        return;
    QFile::remove(autosaveFile());
    QFile::remove(infoFile());
}

void Autosaver::finish()
{
    discard();
    m_active = false;
    m_lock.reset();
}

void restoreAutosavedWork(Document* document, TrainingPresenter* presenter,
                          const AutosavedWork& work)
{
    session::Project base = work.project;
    if (work.modified)
        base.data = learning::Dataset{};
    document->loadProject(base, work.filePath);
    // The points come back as one undo step, so the document counts as modified, as it was:
    // closing asks about saving, and Save writes to the project file it belongs to.
    if (work.modified) {
        document->undoStack()->push(
            new ReplaceData(document, work.project.data, Autosaver::tr("Restore autosaved work")));
    }
    if (work.project.epoch)
        presenter->showEpoch(*work.project.epoch);
}

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
    QMessageBox box(QMessageBox::Question, Autosaver::tr("Restore Work"),
                    Autosaver::tr("Perceptron Lab did not close properly. Restore "
                                  "the work autosaved at %1?")
                        .arg(QLocale().toString(savedAt, QLocale::ShortFormat)),
                    QMessageBox::NoButton, parent);
    QPushButton* restore = box.addButton(Autosaver::tr("&Restore"), QMessageBox::AcceptRole);
    box.addButton(Autosaver::tr("&Discard"), QMessageBox::DestructiveRole);
    box.setDefaultButton(restore);
    box.exec();
    return box.clickedButton() == restore;
}

bool offerRestore(Autosaver& autosaver, Document* document, TrainingPresenter* presenter,
                  QWidget* parent, const RestoreQuestion& question)
{
    const std::optional<AutosavedWork> work = autosaver.recovery();
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
    restoreAutosavedWork(document, presenter, *work);
    return true;
}

} // namespace plab::ui
