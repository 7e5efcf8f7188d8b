#pragma once

#include "learning/dataset.h"
#include "learning/settings.h"

#include <Eigen/Core>
#include <QCoreApplication>
#include <QString>
#include <QUndoCommand>

#include <cstddef>
#include <vector>

namespace plab::editor {

class Document;

/// Ids for QUndoCommand::id(); commands with the same id may merge.
enum class CommandId
{
    MovePoints = 1,
};

/// Appends points to the end of the data set. Text: "Add point of class 2", "Add N points of
/// class 2" (points of one class), "Add N points".
class AddPoints : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(AddPoints)

public:
    AddPoints(Document* document, std::vector<learning::Sample> samples,
              QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Document* m_document;
    std::vector<learning::Sample> m_samples;
    std::size_t m_first = 0; ///< index of the first added point (set on redo)
};

/// Moves points. Every mouse move of one drag pushes a MovePoints with the same dragId; they merge
/// into one step whose undo restores the exact coordinates from before the drag. A drag that ends
/// where it started is obsolete and leaves the stack.
class MovePoints : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(MovePoints)

public:
    /// \p indices ascending; \p to one position per index. The old positions are read from the
    /// document now.
    MovePoints(Document* document, std::vector<std::size_t> indices,
               std::vector<Eigen::Vector2d> to, int dragId, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;
    [[nodiscard]] int id() const override { return int(CommandId::MovePoints); }
    bool mergeWith(const QUndoCommand* other) override;

private:
    Document* m_document;
    std::vector<std::size_t> m_indices;
    std::vector<Eigen::Vector2d> m_from;
    std::vector<Eigen::Vector2d> m_to;
    int m_dragId;
};

/// Removes points; undo puts them back at their old indices.
class RemovePoints : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(RemovePoints)

public:
    /// \p indices in any order, duplicates allowed.
    RemovePoints(Document* document, std::vector<std::size_t> indices,
                 QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Document* m_document;
    std::vector<std::size_t> m_indices;
    std::vector<learning::Sample> m_removed;
};

/// Sets the class of points. Text: "Change point to class 2", "Change N points to class 2".
/// Obsolete when every point already has that class.
class SetPointLabels : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(SetPointLabels)

public:
    /// Gives every point in \p indices the class \p label (0 ... 7).
    SetPointLabels(Document* document, std::vector<std::size_t> indices, int label,
                   QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Document* m_document;
    std::vector<std::size_t> m_indices;
    std::vector<int> m_old;
    int m_label;
};

/// Replaces the whole data set (generators, Clear, opening a CSV into the project). \p text is
/// the undo text, e.g. tr("Generate XOR"); obsolete when the data is unchanged.
class ReplaceData : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(ReplaceData)

public:
    ReplaceData(Document* document, learning::Dataset data, const QString& text,
                QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Document* m_document;
    learning::Dataset m_old;
    learning::Dataset m_new;
};

/// Changes the training settings (one field, as the control panel edits them). \p text names
/// the setting and its new value, e.g. tr("Change learning rate to 0.5"); obsolete when the
/// settings are unchanged. What the change does to the recorded run is the Playback's: undoing
/// it brings back a run the change set aside.
class SetSettings : public QUndoCommand
{
public:
    SetSettings(Document* document, learning::TrainingSettings settings, const QString& text,
                QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Document* m_document;
    learning::TrainingSettings m_old;
    learning::TrainingSettings m_new;
};

} // namespace plab::editor
