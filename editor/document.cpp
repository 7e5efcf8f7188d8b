#include "editor/document.h"

#include "render/viewtransform.h"

#include <QFileInfo>
#include <QUndoStack>

#include <cassert>

namespace plab::editor {

Document::Document(QObject* parent) : QObject(parent), m_undoStack(new QUndoStack(this))
{
    connect(m_undoStack, &QUndoStack::cleanChanged, this, &Document::updateModified);
}

Document::~Document() = default;

bool Document::isModified() const
{
    return m_settingsModified || !m_undoStack->isClean();
}

void Document::setSettings(const learning::TrainingSettings& settings)
{
    if (settings == m_settings)
        return;
    m_settings = settings;
    m_settingsModified = true;
    Q_EMIT settingsChanged();
    updateModified();
}

void Document::replaceSettings(const learning::TrainingSettings& settings)
{
    if (settings == m_settings)
        return;
    m_settings = settings;
    Q_EMIT settingsChanged();
}

bool Document::setView(const io::ViewBox& view)
{
    const std::optional<io::ViewBox> allowed = io::clampedView(view);
    if (allowed && *allowed != m_view) {
        m_view = *allowed;
        Q_EMIT viewChanged();
    }
    return allowed == view;
}

learning::TrainingSettings Document::runSettings() const
{
    return learning::settingsFor(m_data, m_settings);
}

io::Project Document::toProject() const
{
    io::Project project;
    project.data = m_data;
    project.settings = runSettings();
    project.view = m_view;
    return project;
}

void Document::loadProject(const io::Project& project, const QString& path)
{
    m_loading = true;
    m_undoStack->clear();
    m_data = project.data;
    m_settings = project.settings;
    m_view = project.view.isValid() ? project.view : io::fitToData(project.data);
    m_settingsModified = false;
    ++m_dataRevision;
    Q_EMIT dataChanged();
    Q_EMIT settingsChanged();
    Q_EMIT viewChanged();
    m_dataSetPath.clear();
    setFilePath(path);
    updateModified();
    m_loading = false;
    Q_EMIT loaded();
}

QString Document::name() const
{
    return QFileInfo(m_filePath.isEmpty() ? m_dataSetPath : m_filePath).completeBaseName();
}

void Document::clear()
{
    loadProject(io::Project{}, QString());
}

void Document::setFilePath(const QString& path)
{
    if (!path.isEmpty())
        m_dataSetPath.clear();
    if (path == m_filePath)
        return;
    m_filePath = path;
    Q_EMIT filePathChanged(m_filePath);
}

void Document::setDataSetPath(const QString& path)
{
    if (path == m_dataSetPath)
        return;
    m_dataSetPath = path;
    Q_EMIT filePathChanged(m_filePath);
}

QString Document::dataSetName() const
{
    return m_dataSetPath.isEmpty() ? QString() : QFileInfo(m_dataSetPath).fileName();
}

void Document::markSaved()
{
    m_settingsModified = false;
    m_undoStack->setClean();
    updateModified();
}

void Document::insertPoints(const std::vector<std::size_t>& indices,
                            const std::vector<learning::Sample>& samples)
{
    assert(indices.size() == samples.size());
    // Dataset has no insert: merge the old points and the new ones into a fresh set, O(N).
    learning::Dataset merged;
    merged.reserve(m_data.size() + samples.size());
    std::size_t next = 0; // next old point
    std::size_t k = 0;    // next new point
    const std::size_t total = m_data.size() + samples.size();
    for (std::size_t i = 0; i < total; ++i) {
        if (k < indices.size() && indices[k] == i)
            merged.add(samples[k++]);
        else
            merged.add(m_data.sample(next++));
    }
    m_data = std::move(merged);
    dataEdited();
}

std::vector<learning::Sample> Document::removePoints(const std::vector<std::size_t>& indices)
{
    std::vector<learning::Sample> removed;
    removed.reserve(indices.size());
    learning::Dataset kept;
    kept.reserve(m_data.size() - std::min(m_data.size(), indices.size()));
    std::size_t k = 0;
    for (std::size_t i = 0; i < m_data.size(); ++i) {
        if (k < indices.size() && indices[k] == i) {
            removed.push_back(m_data.sample(i));
            ++k;
        } else {
            kept.add(m_data.sample(i));
        }
    }
    m_data = std::move(kept);
    dataEdited();
    return removed;
}

void Document::movePoints(const std::vector<std::size_t>& indices,
                          const std::vector<Eigen::Vector2d>& positions)
{
    assert(indices.size() == positions.size());
    std::vector<learning::Sample> samples = m_data.samples();
    for (std::size_t k = 0; k < indices.size(); ++k)
        samples[indices[k]].x = positions[k];
    m_data = learning::Dataset(samples);
    dataEdited();
}

void Document::setLabels(const std::vector<std::size_t>& indices, const std::vector<int>& labels)
{
    assert(indices.size() == labels.size());
    std::vector<learning::Sample> samples = m_data.samples();
    for (std::size_t k = 0; k < indices.size(); ++k)
        samples[indices[k]].label = labels[k];
    m_data = learning::Dataset(samples);
    dataEdited();
}

void Document::replaceData(const learning::Dataset& data)
{
    m_data = data;
    dataEdited();
}

void Document::dataEdited()
{
    ++m_dataRevision;
    Q_EMIT dataChanged();
}

void Document::updateModified()
{
    const bool modified = isModified();
    if (modified == m_lastModified)
        return;
    m_lastModified = modified;
    Q_EMIT modifiedChanged(modified);
}

} // namespace plab::editor
