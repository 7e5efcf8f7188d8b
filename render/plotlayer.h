#pragma once

#include "render/plotscene.h"
#include "render/theme.h"
#include "render/viewtransform.h"

#include <QLineF>
#include <QPointF>
#include <QRectF>

#include <cstddef>
#include <initializer_list>
#include <vector>

class QPainter;

namespace plab::render {

/// What the layers painted so far cover, in the target's pixels: every layer reports its points,
/// lines, arrows and texts, so that a layer painted later (labels and notes) can be placed where
/// it hides nothing. Grid, shading and frame are not reported: covering them hides no data.
class Coverage
{
public:
    enum class Kind
    {
        Point, ///< a data point with its rings
        Line,  ///< a decision boundary, a faded earlier one, the dashed one before an update
        Arrow, ///< the weight and update vectors, the arrow towards a boundary off the view
        Text,  ///< labels, notes, the legend, message cards, tick labels
    };

    /// Every point of \p data as a disc of \p radius pixels about its pixel under \p transform.
    /// The points are not copied (a frame of 10^5 points would pay for it): \p data must stay
    /// alive while this Coverage is used, which is while PlotRenderer::paint() runs.
    void addPoints(const learning::Dataset& data, const ViewTransform& transform, double radius);
    void addDisc(Kind kind, const QPointF& centre, double radius);
    /// A segment drawn \p halfWidth pixels to each side (and around its ends).
    void addSegment(Kind kind, const QLineF& line, double halfWidth);
    void addBox(Kind kind, const QRectF& box);

    /// Whether anything of a kind in \p kinds overlaps \p box (every kind when empty).
    [[nodiscard]] bool overlaps(const QRectF& box, std::initializer_list<Kind> kinds = {}) const;
    /// How many shapes of \p kind were reported (a point set counts its points).
    [[nodiscard]] std::size_t count(Kind kind) const;
    /// What covering \p box would hide, weighed: each point 100, each arrow 40, each text 20,
    /// each line 5; 0 when it hides nothing. Annotations go where this is least.
    [[nodiscard]] double cost(const QRectF& box) const;

private:
    /// Calls \p visit(kind) for everything that overlaps \p b (points only \p withPoints) until
    /// it returns true; whether it did.
    template <typename Visit>
    bool visitOverlaps(const QRectF& b, bool withPoints, Visit visit) const;

    struct PointSet
    {
        const learning::Dataset* data;
        ViewTransform transform;
        double radius;
    };
    struct Disc
    {
        Kind kind;
        QPointF centre;
        double radius;
    };
    struct Segment
    {
        Kind kind;
        QLineF line;
        double halfWidth;
    };
    struct Box
    {
        Kind kind;
        QRectF box;
    };
    std::vector<PointSet> m_points;
    std::vector<Disc> m_discs;
    std::vector<Segment> m_segments;
    std::vector<Box> m_boxes;
};

/// One frame of the plot as the layers see it: where to paint, what, in which style, and what
/// the layers below have covered. PlotRenderer makes one per paint() and hands it to every layer
/// in turn; the values layers share (the transform, the clipped boundary, the ticks) are computed
/// once here.
struct PlotFrame
{
    /// The frame of \p scene painted into \p target with the plot in \p area.
    PlotFrame(QPainter& painter, const QRectF& target, const QRectF& area, const PlotScene& scene,
              const Theme& theme);

    QPainter& painter;
    const PlotScene& scene;
    const Theme& theme;
    QRectF target;           ///< the whole picture
    QRectF area;             ///< the plot area: target minus the margins for the tick labels
    ViewTransform transform; ///< world to pixels of the target
    /// SVG, PDF, printers, pictures or scene.vectorPoints: every shape as a vector, no sprites.
    bool vectorDevice = false;
    qreal devicePixelRatio = 1.0;
    bool hasData = false;  ///< points to draw
    bool hasModel = false; ///< a model to draw (any kind)
    /// ... and it is the classic one (two classes, linear on x1, x2), drawn by its own layers
    /// (shading, boundary, trail, weight vector); other models are drawn from their decision
    /// function.
    bool classic = false;
    learning::LinearModel linearModel; ///< the classic model's (w1, w2, b) (zero otherwise)
    bool hasLine = false;              ///< the classic model has w != 0, so a boundary line exists
    LineClip clip;                     ///< that boundary clipped to the view (NoLine without one)
    Ticks xTicks;                      ///< the grid's and the frame's ticks
    Ticks yTicks;
    Coverage covered; ///< what the layers painted so far cover
};

/// What putting an annotation in \p box would hide (Coverage::cost()), plus 1000 when the plot's
/// edge would cut it off.
[[nodiscard]] double placementCost(const PlotFrame& frame, const QRectF& box);
/// Where an annotation of \p size goes: the first of \p candidates (top left corners) with the
/// least Coverage::cost() in \p frame, so it hides no point, line, arrow or text when any
/// candidate does not. Deterministic: the same frame gives the same place.
[[nodiscard]] QRectF placeAnnotation(const PlotFrame& frame, const QSizeF& size,
                                     const std::vector<QPointF>& candidates);
/// A key (the legend, the arrows' key) laid out and placed by \p layoutAt(textScale), which
/// returns a layout with its placed `box`: at full size, or at 0.8 of it where every full-size
/// place hides something and the smaller one hides less.
template <typename LayoutAt>
[[nodiscard]] auto leastHidingKey(const PlotFrame& frame, const LayoutAt& layoutAt)
{
    auto full = layoutAt(1.0);
    if (placementCost(frame, full.box) > 0.0) {
        auto small = layoutAt(0.8);
        if (placementCost(frame, small.box) < placementCost(frame, full.box))
            return small;
    }
    return full;
}
/// A key's box: the plot's background, slightly see-through, in a thin rounded frame.
void drawKeyBox(QPainter& painter, const QRectF& box, const Theme& theme);
/// The candidates of placeAnnotation() for a box of \p size inside \p area, \p margin from its
/// border: the corners (top left, top right, bottom left, bottom right), then the middles of the
/// edges (top, bottom, left, right), then a grid over the rest.
[[nodiscard]] std::vector<QPointF> cornersFirst(const QRectF& area, const QSizeF& size,
                                                double margin);

/// One layer of the plot (shading, grid, boundaries, points, ...): paints into the frame and
/// reports what it covers into frame.covered. Layers are painted bottom to top on one painter
/// state (no save() each, which would add a group per layer to SVG and PDF files): a layer sets
/// the pen, brush, font and render hints it uses, and leaves the clip and the transformation as
/// it found them. A layer may keep caches between frames (the point layer does).
class PlotLayer
{
public:
    virtual ~PlotLayer() = default;

    /// Whether the renderer clips this layer to the plot area (the default), or lets it paint
    /// anywhere in the target (the frame with its tick labels).
    [[nodiscard]] virtual bool clippedToPlot() const { return true; }
    /// Whether the layer has anything to paint in \p frame. The renderer skips the others
    /// altogether, so an SVG or PDF holds no empty groups for them.
    [[nodiscard]] virtual bool shows(const PlotFrame& frame) const
    {
        Q_UNUSED(frame);
        return true;
    }
    virtual void paint(PlotFrame& frame) = 0;
};

} // namespace plab::render
