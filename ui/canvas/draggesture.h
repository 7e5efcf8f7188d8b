#pragma once

#include "io/project.h"
#include "learning/dataset.h"
#include "render/viewtransform.h"

#include <Eigen/Core>
#include <QPointF>
#include <QRectF>
#include <QtCore/qnamespace.h>

#include <cstddef>
#include <optional>
#include <vector>

namespace plab::ui {

/// One mouse drag on the plot, from the press to the release: what it does and the arithmetic of
/// each kind, apart from the widget that feeds it events (PlotCanvas), so it can be tested alone.
///
/// A press on empty space is Pending until the cursor moves beyond the drag distance; then it
/// draws a Rubber band that selects the points inside it. A press on a point Moves it (or the
/// selection it belongs to), every point kept inside +/-learning::kMaxCoordinate. A middle press,
/// or a left press with Space held, Pans the view.
class DragGesture
{
public:
    enum class Kind
    {
        None,
        Pending, ///< button down on empty space, not yet beyond the drag distance
        Move,    ///< moving points
        Rubber,  ///< rubber-band selection
        Pan,
    };

    [[nodiscard]] Kind kind() const { return m_kind; }
    /// The press that began the gesture (widget pixels); the button that must be released.
    [[nodiscard]] QPointF pressPixel() const { return m_pressPixel; }
    [[nodiscard]] Qt::MouseButton button() const { return m_button; }
    [[nodiscard]] Qt::KeyboardModifiers pressModifiers() const { return m_pressModifiers; }

    /// A press at \p pixel with \p button and \p modifiers: the gesture is Pending.
    void press(const QPointF& pixel, Qt::MouseButton button, Qt::KeyboardModifiers modifiers);
    /// Pans \p view, shown through \p transform at the press.
    void startPan(const io::ViewBox& view, const render::ViewTransform& transform);
    /// Moves the points \p indices of \p data, grabbed at \p pressWorld.
    void startMove(const learning::Dataset& data, std::vector<std::size_t> indices,
                   const Eigen::Vector2d& pressWorld);
    /// A band from the press; the selection it makes is added to \p base (Ctrl held) or not.
    void startRubber(std::vector<char> base);
    /// Back to None (the release, or Escape).
    void end();

    /// The dragged points; a number per point, the undo command merges the steps of one drag.
    [[nodiscard]] const std::vector<std::size_t>& movedIndices() const { return m_indices; }
    [[nodiscard]] int moveId() const { return m_moveId; }
    /// Whether the move went beyond the drag distance (a press and release on a point selects it).
    [[nodiscard]] bool moveStarted() const { return m_moveStarted; }
    void setMoveStarted() { m_moveStarted = true; }
    /// Where the dragged points go with the cursor at \p world: their positions at the press
    /// shifted by the cursor's displacement, limited so that no point crosses +/-kMaxCoordinate
    /// (the group keeps its shape); \p limited says when it had to.
    [[nodiscard]] std::vector<Eigen::Vector2d> movedTo(const Eigen::Vector2d& world,
                                                       bool& limited) const;

    /// The band from the press to \p pixel, and the selection of \p data it makes through
    /// \p transform (the base selection plus every point inside).
    std::vector<char> stretchRubber(const QPointF& pixel, const learning::Dataset& data,
                                    const render::ViewTransform& transform);
    /// The band shown while a Rubber gesture lasts.
    [[nodiscard]] const std::optional<QRectF>& rubberBand() const { return m_rubberBand; }

    /// The view with the cursor at \p pixel: the view at the press moved by the cursor's
    /// displacement (the scale does not change while panning).
    [[nodiscard]] io::ViewBox pannedView(const QPointF& pixel) const;

private:
    Kind m_kind = Kind::None;
    Qt::MouseButton m_button = Qt::NoButton;
    QPointF m_pressPixel;
    Qt::KeyboardModifiers m_pressModifiers;

    std::vector<std::size_t> m_indices;
    std::vector<Eigen::Vector2d> m_origins; ///< world positions at the press
    Eigen::Vector2d m_pressWorld = Eigen::Vector2d::Zero();
    int m_moveId = 0;
    bool m_moveStarted = false;

    std::optional<QRectF> m_rubberBand;
    std::vector<char> m_rubberBase;

    io::ViewBox m_panStartView;
    render::ViewTransform m_panTransform;
};

} // namespace plab::ui
