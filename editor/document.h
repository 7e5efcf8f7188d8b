#pragma once

#include "io/project.h"
#include "learning/dataset.h"
#include "learning/settings.h"

#include <Eigen/Core>
#include <QObject>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <vector>

class QUndoStack;

namespace plab::editor {

/// What the user made, on the GUI thread: the points, the training settings and the view. The
/// single source of truth the canvas, the panels and the training presenter read from.
///
/// Points change only through undo commands (undocommands.h), which call the editing primitives
/// below; every such change bumps dataRevision() and emits dataChanged(). The user's changes of
/// the settings are undo commands too (SetSettings, through replaceSettings()); setSettings()
/// sets them outside the undo history (the settings a window starts with, a new document) and
/// marks the document modified. The view is saved with a project but changing it
/// does not mark the document modified (zooming is looking, not editing); it always obeys the view
/// rule (io::ViewBox::isValid()), whatever asked for it.
///
/// isModified() is "the undo stack is not at its clean index, or settings changed since the last
/// markSaved()/loadProject()".
class Document : public QObject
{
    Q_OBJECT

public:
    explicit Document(QObject* parent = nullptr);
    ~Document() override;

    [[nodiscard]] const learning::Dataset& data() const { return m_data; }
    [[nodiscard]] const learning::TrainingSettings& settings() const { return m_settings; }
    /// The settings a run on the points trains with: settings() with as many classes as the
    /// labels need (learning::settingsFor(): a point of class 2 makes three). What training,
    /// exports and saved projects use.
    [[nodiscard]] learning::TrainingSettings runSettings() const;
    [[nodiscard]] io::ViewBox view() const { return m_view; }
    [[nodiscard]] QUndoStack* undoStack() const { return m_undoStack; }
    [[nodiscard]] QString filePath() const { return m_filePath; }
    /// What the document is called: its project file's base name ("lesson-2-and"), else that of
    /// the data set its points were opened from ("xor" for xor.csv), else empty. Exports are
    /// named after it.
    [[nodiscard]] QString name() const;
    /// The data set file the points were last opened from while the document has no project
    /// file (name() and the window's title come from it). Forgotten by loadProject() and when a
    /// project file path is set. Emits filePathChanged() (the document's name changed) when it
    /// differs.
    void setDataSetPath(const QString& path);
    [[nodiscard]] bool isModified() const;
    /// Increases with every change to the points (never repeats within one Document).
    [[nodiscard]] std::uint64_t dataRevision() const { return m_dataRevision; }

    /// Not undoable; marks the document modified when the settings differ.
    void setSettings(const learning::TrainingSettings& settings);
    /// The editing primitive of SetSettings: emits settingsChanged() when the settings differ,
    /// and leaves the modified state to the undo stack.
    void replaceSettings(const learning::TrainingSettings& settings);
    /// Sets the view, clamped to the view rule (io::clampedView()), and emits viewChanged()
    /// when it differs. A view with a NaN bound is ignored. False when \p view was not taken as
    /// it is (clamped or ignored), so a caller can say that the view stopped at its limits.
    bool setView(const io::ViewBox& view);

    /// Everything, for saving. `epoch` is left empty (the window fills it in).
    [[nodiscard]] io::Project toProject() const;
    /// Replaces everything, clears the undo stack, sets the file path and marks the document
    /// saved. Emits dataChanged(), settingsChanged(), viewChanged() and the path/modified
    /// signals.
    void loadProject(const io::Project& project, const QString& path);
    /// True while loadProject() (or clear()) replaces everything: what changes then is not an
    /// edit (nothing of it can be undone).
    [[nodiscard]] bool isLoading() const { return m_loading; }
    /// Back to an empty, unnamed document with default settings and view (File > New).
    void clear();

    void setFilePath(const QString& path);
    /// The file name of that data set ("xor.csv"), or empty.
    [[nodiscard]] QString dataSetName() const;
    /// The current state is what is on disk: clean undo stack index, settings not modified.
    void markSaved();

    // Editing primitives, used by the undo commands. Indices must be valid; lists are in
    // ascending index order where noted. Each emits dataChanged() once.

    /// Inserts \p samples so that samples[k] ends up at index indices[k] (indices ascending).
    void insertPoints(const std::vector<std::size_t>& indices,
                      const std::vector<learning::Sample>& samples);
    /// Removes the points at \p indices (ascending) and returns them in the same order.
    std::vector<learning::Sample> removePoints(const std::vector<std::size_t>& indices);
    /// Moves point indices[k] to positions[k].
    void movePoints(const std::vector<std::size_t>& indices,
                    const std::vector<Eigen::Vector2d>& positions);
    /// Sets the class of point indices[k] to labels[k] (0 or 1).
    void setLabels(const std::vector<std::size_t>& indices, const std::vector<int>& labels);
    /// Replaces every point.
    void replaceData(const learning::Dataset& data);

Q_SIGNALS:
    /// The points changed (any edit, undo, redo, load).
    void dataChanged();
    void settingsChanged();
    void viewChanged();
    void modifiedChanged(bool modified);
    void filePathChanged(const QString& path);
    /// loadProject() or clear() replaced everything (after the other signals).
    void loaded();

private:
    void dataEdited();
    void updateModified();

    learning::Dataset m_data;
    learning::TrainingSettings m_settings;
    io::ViewBox m_view;
    QUndoStack* m_undoStack = nullptr;
    QString m_filePath;
    QString m_dataSetPath;
    std::uint64_t m_dataRevision = 1;
    bool m_settingsModified = false;
    bool m_lastModified = false;
    bool m_loading = false;
};

} // namespace plab::editor
