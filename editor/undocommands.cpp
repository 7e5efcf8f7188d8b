#include "editor/undocommands.h"

#include "editor/document.h"

#include <algorithm>
#include <utility>

namespace plab::editor {

AddPoints::AddPoints(Document* document, std::vector<learning::Sample> samples,
                     QUndoCommand* parent)
    : QUndoCommand(parent), m_document(document), m_samples(std::move(samples))
{
    // Named by the class when the points share one (a click adds one point of one class).
    const int n = int(m_samples.size());
    const bool oneClass = !m_samples.empty() &&
                          std::all_of(m_samples.begin(), m_samples.end(), [this](const auto& s) {
                              return s.label == m_samples.front().label;
                          });
    if (!oneClass)
        setText(tr("Add %n points", nullptr, n));
    else if (n == 1)
        setText(tr("Add point of class %1").arg(m_samples.front().label));
    else
        setText(tr("Add %n points of class %1", nullptr, n).arg(m_samples.front().label));
    setObsolete(m_samples.empty());
}

void AddPoints::redo()
{
    m_first = m_document->data().size();
    std::vector<std::size_t> indices(m_samples.size());
    for (std::size_t k = 0; k < indices.size(); ++k)
        indices[k] = m_first + k;
    m_document->insertPoints(indices, m_samples);
}

void AddPoints::undo()
{
    std::vector<std::size_t> indices(m_samples.size());
    for (std::size_t k = 0; k < indices.size(); ++k)
        indices[k] = m_first + k;
    m_document->removePoints(indices);
}

MovePoints::MovePoints(Document* document, std::vector<std::size_t> indices,
                       std::vector<Eigen::Vector2d> to, int dragId, QUndoCommand* parent)
    : QUndoCommand(parent), m_document(document), m_indices(std::move(indices)),
      m_to(std::move(to)), m_dragId(dragId)
{
    m_from.reserve(m_indices.size());
    for (std::size_t i : m_indices)
        m_from.push_back(m_document->data().point(i));
    setText(m_indices.size() == 1 ? tr("Move point")
                                  : tr("Move %n points", nullptr, int(m_indices.size())));
    setObsolete(m_from == m_to);
}

void MovePoints::redo()
{
    m_document->movePoints(m_indices, m_to);
}

void MovePoints::undo()
{
    m_document->movePoints(m_indices, m_from);
}

bool MovePoints::mergeWith(const QUndoCommand* other)
{
    const auto* move = static_cast<const MovePoints*>(other);
    if (move->m_dragId != m_dragId || move->m_indices != m_indices)
        return false;
    m_to = move->m_to;
    // A drag that returns to where it started changes nothing: QUndoStack drops it.
    setObsolete(m_from == m_to);
    return true;
}

RemovePoints::RemovePoints(Document* document, std::vector<std::size_t> indices,
                           QUndoCommand* parent)
    : QUndoCommand(parent), m_document(document), m_indices(std::move(indices))
{
    std::sort(m_indices.begin(), m_indices.end());
    m_indices.erase(std::unique(m_indices.begin(), m_indices.end()), m_indices.end());
    setText(m_indices.size() == 1 ? tr("Remove point")
                                  : tr("Remove %n points", nullptr, int(m_indices.size())));
    setObsolete(m_indices.empty());
}

void RemovePoints::redo()
{
    m_removed = m_document->removePoints(m_indices);
}

void RemovePoints::undo()
{
    m_document->insertPoints(m_indices, m_removed);
}

SetPointLabels::SetPointLabels(Document* document, std::vector<std::size_t> indices, int label,
                               QUndoCommand* parent)
    : QUndoCommand(parent), m_document(document), m_indices(std::move(indices)), m_label(label)
{
    std::sort(m_indices.begin(), m_indices.end());
    m_indices.erase(std::unique(m_indices.begin(), m_indices.end()), m_indices.end());
    m_old.reserve(m_indices.size());
    for (std::size_t i : m_indices)
        m_old.push_back(m_document->data().label(i));
    setText(m_indices.size() == 1
                ? tr("Change point to class %1").arg(label)
                : tr("Change %n points to class %1", nullptr, int(m_indices.size())).arg(label));
    setObsolete(std::all_of(m_old.begin(), m_old.end(), [label](int old) { return old == label; }));
}

void SetPointLabels::redo()
{
    m_document->setLabels(m_indices, std::vector<int>(m_indices.size(), m_label));
}

void SetPointLabels::undo()
{
    m_document->setLabels(m_indices, m_old);
}

ReplaceData::ReplaceData(Document* document, learning::Dataset data, const QString& text,
                         QUndoCommand* parent)
    : QUndoCommand(text, parent), m_document(document), m_old(document->data()),
      m_new(std::move(data))
{
    setObsolete(m_old == m_new);
}

void ReplaceData::redo()
{
    m_document->replaceData(m_new);
}

void ReplaceData::undo()
{
    m_document->replaceData(m_old);
}

SetSettings::SetSettings(Document* document, learning::TrainingSettings settings,
                         const QString& text, QUndoCommand* parent)
    : QUndoCommand(text, parent), m_document(document), m_old(document->settings()),
      m_new(std::move(settings))
{
    setObsolete(m_old == m_new);
}

void SetSettings::redo()
{
    m_document->replaceSettings(m_new);
}

void SetSettings::undo()
{
    m_document->replaceSettings(m_old);
}

} // namespace plab::editor
