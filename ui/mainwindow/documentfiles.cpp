#include "ui/mainwindow/documentfiles.h"

#include "editor/document.h"
#include "editor/playback.h"
#include "editor/undocommands.h"
#include "io/datasetfile.h"
#include "io/projectfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QUndoStack>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace plab::ui {

namespace {

bool isDataSetFile(const QString& path)
{
    return QFileInfo(path).suffix().compare(u"csv"_s, Qt::CaseInsensitive) == 0;
}

QString projectFilter()
{
    return DocumentFiles::tr("Perceptron Lab projects (*.json)");
}

QString dataSetFilter()
{
    return DocumentFiles::tr("Data sets (*.csv)");
}

/// The installed copies of the bundled examples (share/perceptron-lab/examples, beside the
/// program or in the system's data folders): read-only, never a place to save to.
bool isBundledExamples(const QString& dir)
{
    const QString examples = u"perceptron-lab/examples"_s;
    QStringList folders = QStandardPaths::locateAll(QStandardPaths::GenericDataLocation, examples,
                                                    QStandardPaths::LocateDirectory);
    folders << QCoreApplication::applicationDirPath() + u"/../share/"_s + examples;
    const QString canonical = QFileInfo(dir).canonicalFilePath();
    return std::any_of(folders.begin(), folders.end(), [&canonical](const QString& folder) {
        return QFileInfo(folder).canonicalFilePath() == canonical;
    });
}

} // namespace

// --- DialogPrompts ---------------------------------------------------------------------------

void DialogPrompts::showError(QWidget* parent, const QString& title, const QString& text)
{
    QMessageBox::warning(parent, title, text);
}

UserPrompts::SaveChoice DialogPrompts::askToSave(QWidget* parent, const QString& documentName)
{
    const auto answer = QMessageBox::question(
        parent, DocumentFiles::tr("Unsaved Changes"),
        DocumentFiles::tr("“%1” has unsaved changes. Save them first?").arg(documentName),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    switch (answer) {
    case QMessageBox::Save:
        return SaveChoice::Save;
    case QMessageBox::Discard:
        return SaveChoice::Discard;
    default:
        return SaveChoice::Cancel;
    }
}

QString DialogPrompts::openFileName(QWidget* parent, const QString& caption, const QString& dir,
                                    const QString& filter)
{
    return QFileDialog::getOpenFileName(parent, caption, dir, filter);
}

QString DialogPrompts::saveFileName(QWidget* parent, const QString& caption, const QString& dir,
                                    const QString& filter)
{
    return QFileDialog::getSaveFileName(parent, caption, dir, filter);
}

// --- DocumentFiles ---------------------------------------------------------------------------

DocumentFiles::DocumentFiles(QWidget* window, editor::Document* document,
                             editor::Playback* playback)
    : QObject(window), m_window(window), m_document(document), m_playback(playback),
      m_prompts(std::make_unique<DialogPrompts>())
{}

DocumentFiles::~DocumentFiles() = default;

void DocumentFiles::setPrompts(std::unique_ptr<UserPrompts> prompts)
{
    if (prompts)
        m_prompts = std::move(prompts);
}

io::ViewBox DocumentFiles::framing(const learning::Dataset& data)
{
    constexpr std::size_t kFew = 8;
    return io::fitToData(data, data.size() <= kFew ? 0.4 : 0.12);
}

void DocumentFiles::newDocument()
{
    if (!maybeSave())
        return;
    const learning::TrainingSettings settings = m_document->settings();
    m_document->clear();
    // A new document starts with the settings last used, as an unmodified document.
    m_document->setSettings(settings);
    m_document->markSaved();
}

void DocumentFiles::openDialog()
{
    // Opening a project asks about unsaved changes (openProject); a data set replaces the
    // points as one undo step and loses nothing. Asking here as well asked twice after Discard.
    const QString path =
        m_prompts->openFileName(m_window, tr("Open"), lastDirectory(),
                                tr("Projects and data sets (*.json *.csv)") + u";;"_s +
                                    projectFilter() + u";;"_s + dataSetFilter());
    if (!path.isEmpty())
        openFile(path);
}

void DocumentFiles::openDataSetDialog()
{
    const QString path =
        m_prompts->openFileName(m_window, tr("Open Data Set"), lastDirectory(), dataSetFilter());
    if (!path.isEmpty())
        openDataSet(path);
}

bool DocumentFiles::openFile(const QString& path)
{
    return isDataSetFile(path) ? openDataSet(path) : openProject(path);
}

bool DocumentFiles::openProject(const QString& path)
{
    if (!maybeSave())
        return false;
    auto result = io::readProject(path);
    if (!result) {
        m_prompts->showError(m_window, tr("Cannot Open Project"), result.error().toString());
        return false;
    }
    m_document->loadProject(result.value(), path);
    // Back to the epoch the project was saved at (a lookup once the engine has run there).
    if (result.value().epoch)
        m_playback->showEpoch(*result.value().epoch);
    addRecentFile(path);
    Q_EMIT message(tr("Opened %1").arg(QFileInfo(path).fileName()));
    return true;
}

bool DocumentFiles::openDataSet(const QString& path)
{
    auto result = io::readDatasetCsv(path);
    if (!result) {
        m_prompts->showError(m_window, tr("Cannot Open Data Set"), result.error().toString());
        return false;
    }
    const QString name = QFileInfo(path).fileName();
    const bool pristine = m_document->data().empty() && m_document->undoStack()->count() == 0 &&
                          !m_document->isModified() && m_document->filePath().isEmpty();
    if (pristine) {
        // Nothing to undo to: the data set starts a fresh, unmodified project.
        io::Project project = m_document->toProject();
        project.data = result.value();
        project.view = framing(project.data);
        m_document->loadProject(project, QString());
    } else {
        m_document->undoStack()->push(
            new editor::ReplaceData(m_document, result.value(), tr("Open %1").arg(name)));
        m_document->setView(framing(m_document->data()));
        // The document is no longer the project it was opened from: Save must ask for a name
        // rather than overwrite that project with these points.
        m_document->setFilePath(QString());
    }
    m_document->setDataSetPath(path);
    addRecentFile(path);
    Q_EMIT message(tr("Opened %1").arg(name));
    return true;
}

bool DocumentFiles::save()
{
    const QString path = m_document->filePath();
    if (path.isEmpty())
        return saveAsDialog();
    return saveProjectAs(path);
}

bool DocumentFiles::saveAsDialog()
{
    QString path =
        m_prompts->saveFileName(m_window, tr("Save Project"), saveDirectory(), projectFilter());
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += u".json"_s;
    return saveProjectAs(path);
}

bool DocumentFiles::saveProjectAs(const QString& path)
{
    io::Project project = m_document->toProject();
    project.epoch = m_playback->shownEpoch();
    // The error names the file and, for a point that cannot be written, the point.
    if (const auto error = io::writeProject(project, path)) {
        m_prompts->showError(m_window, tr("Cannot Save Project"), error->toString());
        return false;
    }
    m_document->setFilePath(path);
    m_document->markSaved();
    addRecentFile(path);
    rememberSaveDirectory(path);
    Q_EMIT message(tr("Saved %1").arg(QFileInfo(path).fileName()));
    return true;
}

void DocumentFiles::saveDataSetDialog()
{
    QString path =
        m_prompts->saveFileName(m_window, tr("Save Data Set"), saveDirectory(), dataSetFilter());
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += u".csv"_s;
    saveDataSetAs(path);
}

bool DocumentFiles::saveDataSetAs(const QString& path)
{
    if (const auto error = io::writeDatasetCsv(m_document->data(), path)) {
        m_prompts->showError(m_window, tr("Cannot Save Data Set"), error->toString());
        return false;
    }
    rememberSaveDirectory(path);
    Q_EMIT message(tr("Saved %1").arg(QFileInfo(path).fileName()));
    return true;
}

bool DocumentFiles::maybeSave()
{
    if (!m_document->isModified())
        return true;
    switch (m_prompts->askToSave(m_window, documentName())) {
    case UserPrompts::SaveChoice::Save:
        return save();
    case UserPrompts::SaveChoice::Discard:
        return true;
    case UserPrompts::SaveChoice::Cancel:
        break;
    }
    return false;
}

QString DocumentFiles::documentName() const
{
    if (!m_document->filePath().isEmpty())
        return QFileInfo(m_document->filePath()).fileName();
    if (!m_document->dataSetName().isEmpty())
        return tr("Untitled (points from %1)").arg(m_document->dataSetName());
    return tr("Untitled");
}

QStringList DocumentFiles::recentFiles()
{
    return QSettings().value(u"recentFiles"_s).toStringList();
}

void DocumentFiles::addRecentFile(const QString& path)
{
    if (path.startsWith(u':'))
        return; // a resource built into the program (the bundled examples)
    rememberDirectory(path);
    QStringList files = recentFiles();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    QSettings().setValue(u"recentFiles"_s, files);
}

void DocumentFiles::fillRecentMenu(QMenu* menu)
{
    menu->clear();
    const QStringList files = recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const QString& path = files.at(i);
        QAction* action = menu->addAction(u"&%1 %2"_s.arg(i + 1).arg(QFileInfo(path).fileName()),
                                          this, [this, path] { openFile(path); });
        action->setToolTip(path);
        action->setStatusTip(path);
    }
    if (files.isEmpty())
        menu->addAction(tr("No Recent Files"))->setEnabled(false);
    menu->addSeparator();
    menu->addAction(tr("&Clear Menu"), this, [] { QSettings().remove(u"recentFiles"_s); });
}

QString DocumentFiles::lastDirectory()
{
    return QSettings().value(u"files/lastDirectory"_s).toString();
}

QString DocumentFiles::saveDirectory()
{
    const QStringList candidates{lastDirectory(),
                                 QSettings().value(u"files/lastSaveDirectory"_s).toString()};
    for (const QString& dir : candidates) {
        const QFileInfo info(dir);
        if (!dir.isEmpty() && info.isDir() && info.isWritable() && !isBundledExamples(dir))
            return dir;
    }
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QFileInfo(documents).isDir() ? documents : QDir::homePath();
}

void DocumentFiles::rememberDirectory(const QString& path)
{
    QSettings().setValue(u"files/lastDirectory"_s, QFileInfo(path).absolutePath());
}

void DocumentFiles::rememberSaveDirectory(const QString& path)
{
    rememberDirectory(path);
    QSettings().setValue(u"files/lastSaveDirectory"_s, QFileInfo(path).absolutePath());
}

} // namespace plab::ui
