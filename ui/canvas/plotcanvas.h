#pragma once

#include "learning/linearmodel.h"
#include "learning/records.h"
#include "learning/settings.h"
#include "render/plotrenderer.h"
#include "render/plotscene.h"
#include "render/theme.h"
#include "render/viewtransform.h"
#include "ui/canvas/draggesture.h"

#include <Eigen/Core>
#include <QPointF>
#include <QPointer>
#include <QWidget>

#include <cstddef>
#include <optional>
#include <vector>

namespace plab::editor {
class Document;
}

namespace plab::ui {

/// The training-related part of a PlotScene, pushed in by whoever follows the training run (the
/// canvas itself knows nothing about training).
using TrainingView = render::ModelView;

/// The interactive plot. Shows a Document through PlotRenderer and edits it with undo commands.
///
/// Mouse and keys:
/// - left click on empty space adds a point of the active class; right click or Shift+click adds
///   the other class (otherClass()); the keys 1 ... 8 choose the active class: key k the label
///   k - 1 (classes keep their file labels 0 ... 7 everywhere);
/// - left-drag on a point moves it (with the rest of the selection if it is selected); one drag
///   is one undo step; points never leave +/-learning::kMaxCoordinate (a click beyond it adds
///   nothing, a drag stops at it, and message() says so);
/// - left-drag on empty space draws a rubber band that selects (Ctrl adds to the selection);
///   Ctrl+click toggles a point; Ctrl+A selects all; Escape clears the selection;
/// - Delete or Backspace removes the selection (or the hovered point); right click on a point
///   opens a context menu (remove, change class, select all);
/// - the wheel zooms around the cursor; middle-drag or Space+drag pans; + and - zoom around the
///   centre; Home or F fits the view to the data. The view stays inside the view rule
///   (io::ViewBox::isValid()); message() says when it stops at a limit.
///
/// Space pressed and released without dragging is reported with spaceTapped() (the canvas takes
/// Space while it has focus so that Space+drag can pan), so the window can keep Space as its
/// Train/Pause key.
class PlotCanvas : public QWidget
{
    Q_OBJECT

public:
    explicit PlotCanvas(QWidget* parent = nullptr);
    ~PlotCanvas() override;

    /// Not owned. The canvas follows its dataChanged()/viewChanged() signals.
    void setDocument(editor::Document* document);
    [[nodiscard]] editor::Document* document() const;

    void setTrainingView(const TrainingView& view);
    [[nodiscard]] const TrainingView& trainingView() const { return m_training; }
    /// Back to "no model shown".
    void clearTrainingView();
    /// Draw a network's hidden units' weight vectors (render::PlotScene::showHiddenArrows).
    void setShowHiddenArrows(bool show);

    /// The class a left click places: a label 0 ... 7.
    [[nodiscard]] int activeClass() const { return m_activeClass; }
    /// The class a right click or Shift+click places: 1 while class 0 is active, else 0 (with two
    /// classes, the other one).
    [[nodiscard]] int otherClass() const { return m_activeClass == 0 ? 1 : 0; }
    void setTheme(const render::Theme& theme);
    [[nodiscard]] const render::Theme& theme() const { return m_theme; }

    /// The world <-> pixel mapping of the current frame (widget coordinates).
    [[nodiscard]] render::ViewTransform transform() const;
    /// The scene the next paint draws. Exports copy it and set presentation = true.
    [[nodiscard]] render::PlotScene scene() const;

    [[nodiscard]] std::vector<std::size_t> selectedIndices() const;
    /// The point drawn under \p pixel (the topmost, i.e. the last one), if any.
    [[nodiscard]] std::optional<std::size_t> pointAt(const QPointF& pixel) const;

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

public Q_SLOTS:
    /// A label 0 ... 7 (others are ignored); emits activeClassChanged() when it changes.
    void setActiveClass(int cls);
    /// Frames all points (the default view when there are none).
    void fitToData();
    void zoomIn();
    void zoomOut();
    void selectAll();
    void clearSelection();
    /// Removes the selected points as one undo step; nothing when nothing is selected.
    void deleteSelection();
    /// Gives the selected points class \p cls as one undo step.
    void setSelectionClass(int cls);

Q_SIGNALS:
    /// The mouse is over the plot at \p world.
    void cursorMoved(QPointF world);
    /// The mouse left the canvas.
    void cursorLeft();
    void activeClassChanged(int cls);
    void selectionChanged();
    /// Space was pressed and released over the focused canvas without panning.
    void spaceTapped();
    /// One translated line for the status bar: why a click added no point (beyond the data's
    /// limit of +/-1e9), why a drag or the view stopped (at the limits of the view rule).
    void message(const QString& text);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;
    bool event(QEvent* event) override;

private:
    void addPointAt(const QPointF& pixel, int cls);
    void zoomAround(const QPointF& pixel, double factor);
    /// Sets the document's view, and says so through message() when it had to be clamped.
    void showView(const io::ViewBox& view);
    void setSelection(std::vector<char> selection);
    void onDataChanged();
    void showPointMenu(const QPoint& globalPos, std::size_t index);
    void setHovered(std::optional<std::size_t> index);

    QPointer<editor::Document> m_document;
    render::PlotRenderer m_renderer;
    render::Theme m_theme = render::Theme::light();
    TrainingView m_training;
    bool m_showHiddenArrows = false;
    int m_activeClass = 0;
    std::vector<char> m_selected;
    std::optional<std::size_t> m_hovered;

    DragGesture m_gesture; ///< the mouse drag under way, if any
    bool m_spaceHeld = false;
    bool m_spacePanned = false;
};

} // namespace plab::ui
