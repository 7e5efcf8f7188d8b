#include "render/plotlayer.h"

#include "render/paintkit.h"

#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPaintEngine>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace plab::render {

namespace {

bool isVectorDevice(QPainter& painter)
{
    const QPaintEngine* engine = painter.paintEngine();
    if (!engine)
        return true;
    switch (engine->type()) {
    case QPaintEngine::Raster:
    case QPaintEngine::OpenGL:
    case QPaintEngine::OpenGL2:
    case QPaintEngine::X11:
    case QPaintEngine::Windows:
    case QPaintEngine::CoreGraphics:
    case QPaintEngine::Direct2D:
        return false;
    default:
        return true;
    }
}

bool wanted(Coverage::Kind kind, std::initializer_list<Coverage::Kind> kinds)
{
    return kinds.size() == 0 || std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

bool discOverlaps(const QPointF& c, double r, const QRectF& box)
{
    const double dx = c.x() - std::clamp(c.x(), box.left(), box.right());
    const double dy = c.y() - std::clamp(c.y(), box.top(), box.bottom());
    return dx * dx + dy * dy <= r * r;
}

/// Whether the segment meets \p box grown by \p grow on every side (Liang-Barsky clipping).
bool segmentOverlaps(const QLineF& line, double grow, const QRectF& box)
{
    const QRectF b = box.adjusted(-grow, -grow, grow, grow);
    const double dx = line.dx();
    const double dy = line.dy();
    double t0 = 0.0;
    double t1 = 1.0;
    const auto clip = [&](double p, double q) {
        if (p == 0.0)
            return q >= 0.0;
        const double t = q / p;
        if (p < 0.0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        return t0 <= t1;
    };
    return clip(-dx, line.x1() - b.left()) && clip(dx, b.right() - line.x1()) &&
           clip(-dy, line.y1() - b.top()) && clip(dy, b.bottom() - line.y1());
}

} // namespace

PlotFrame::PlotFrame(QPainter& painter, const QRectF& target, const QRectF& area,
                     const PlotScene& scene, const Theme& theme)
    : painter(painter), scene(scene), theme(theme), target(target), area(area),
      transform(scene.view, area, scene.aspect)
{
    vectorDevice = scene.vectorPoints || isVectorDevice(painter);
    devicePixelRatio = painter.device() ? painter.device()->devicePixelRatio() : 1.0;
    hasData = scene.data && !scene.data->empty();
    hasModel = scene.hasModel;
    classic = hasModel && scene.model.shape().isClassic();
    if (classic)
        linearModel = scene.model.classicModel();
    hasLine = classic && !linearModel.hasNoBoundary();
    const io::ViewBox& v = transform.effectiveView();
    if (hasLine)
        clip = clipBoundary(linearModel, v);
    // About one tick per label width (x) and per 3.6 lines of text (y).
    const QFontMetricsF fm(theme.font());
    const int xTarget = std::clamp(
        int(area.width() / (fm.horizontalAdvance(QStringLiteral("\u22120.00")) + 48.0)), 2, 14);
    const int yTarget = std::clamp(int(area.height() / (fm.height() * 3.6)), 2, 12);
    xTicks = niceTicks(v.xMin, v.xMax, xTarget);
    yTicks = niceTicks(v.yMin, v.yMax, yTarget);
}

void Coverage::addPoints(const learning::Dataset& data, const ViewTransform& transform,
                         double radius)
{
    m_points.push_back({&data, transform, radius});
}

void Coverage::addDisc(Kind kind, const QPointF& centre, double radius)
{
    m_discs.push_back({kind, centre, radius});
}

void Coverage::addSegment(Kind kind, const QLineF& line, double halfWidth)
{
    m_segments.push_back({kind, line, halfWidth});
}

void Coverage::addBox(Kind kind, const QRectF& box)
{
    m_boxes.push_back({kind, box.normalized()});
}

template <typename Visit>
bool Coverage::visitOverlaps(const QRectF& b, bool withPoints, Visit visit) const
{
    for (const Box& other : m_boxes)
        if (other.box.intersects(b) && visit(other.kind))
            return true;
    for (const Disc& disc : m_discs)
        if (discOverlaps(disc.centre, disc.radius, b) && visit(disc.kind))
            return true;
    for (const Segment& segment : m_segments)
        if (segmentOverlaps(segment.line, segment.halfWidth, b) && visit(segment.kind))
            return true;
    if (!withPoints)
        return false;
    for (const PointSet& set : m_points) {
        // Only points whose centre is within the radius of the box can touch it.
        const QRectF near = b.adjusted(-set.radius, -set.radius, set.radius, set.radius);
        const std::vector<double>& xy = set.data->coordinates();
        for (std::size_t i = 0; i < set.data->size(); ++i) {
            const QPointF c = set.transform.toPixel(xy[2 * i], xy[2 * i + 1]);
            if (near.contains(c) && discOverlaps(c, set.radius, b) && visit(Kind::Point))
                return true;
        }
    }
    return false;
}

bool Coverage::overlaps(const QRectF& box, std::initializer_list<Kind> kinds) const
{
    return visitOverlaps(box.normalized(), wanted(Kind::Point, kinds),
                         [&](Kind kind) { return wanted(kind, kinds); });
}

double Coverage::cost(const QRectF& box) const
{
    const auto weight = [](Kind kind) {
        switch (kind) {
        case Kind::Point:
            return 100.0;
        case Kind::Arrow:
            return 40.0;
        case Kind::Text:
            return 20.0;
        case Kind::Line:
            return 5.0;
        }
        return 1.0;
    };
    double cost = 0.0;
    visitOverlaps(box.normalized(), true, [&](Kind kind) {
        cost += weight(kind);
        return false;
    });
    return cost;
}

void drawKeyBox(QPainter& painter, const QRectF& box, const Theme& theme)
{
    painter.setPen(QPen(paintkit::withAlpha(theme.frame, 200), 1.0));
    painter.setBrush(paintkit::withAlpha(theme.plotBackground, 225));
    painter.drawRoundedRect(box, 6.0, 6.0);
}

double placementCost(const PlotFrame& frame, const QRectF& box)
{
    // Cut off by the plot's edge is worse than hiding a point.
    const bool inside = frame.area.adjusted(-0.5, -0.5, 0.5, 0.5).contains(box);
    return frame.covered.cost(box) + (inside ? 0.0 : 1000.0);
}

QRectF placeAnnotation(const PlotFrame& frame, const QSizeF& size,
                       const std::vector<QPointF>& candidates)
{
    QRectF best(candidates.empty() ? frame.area.topLeft() : candidates.front(), size);
    double bestCost = placementCost(frame, best);
    for (const QPointF& corner : candidates) {
        if (bestCost == 0.0)
            break;
        const QRectF box(corner, size);
        const double cost = placementCost(frame, box);
        if (cost < bestCost) {
            best = box;
            bestCost = cost;
        }
    }
    return best;
}

std::vector<QPointF> cornersFirst(const QRectF& area, const QSizeF& size, double margin)
{
    const double left = area.left() + margin;
    const double right = std::max(left, area.right() - margin - size.width());
    const double top = area.top() + margin;
    const double bottom = std::max(top, area.bottom() - margin - size.height());
    const double midX = 0.5 * (left + right);
    const double midY = 0.5 * (top + bottom);
    std::vector<QPointF> out{{left, top}, {right, top},   {left, bottom}, {right, bottom},
                             {midX, top}, {midX, bottom}, {left, midY},   {right, midY}};
    constexpr int steps = 6;
    for (int j = 0; j <= steps; ++j)
        for (int i = 0; i <= steps; ++i)
            out.emplace_back(left + (right - left) * i / steps, top + (bottom - top) * j / steps);
    return out;
}

std::size_t Coverage::count(Kind kind) const
{
    std::size_t n = 0;
    for (const Box& box : m_boxes)
        n += box.kind == kind ? 1 : 0;
    for (const Disc& disc : m_discs)
        n += disc.kind == kind ? 1 : 0;
    for (const Segment& segment : m_segments)
        n += segment.kind == kind ? 1 : 0;
    if (kind == Kind::Point)
        for (const PointSet& set : m_points)
            n += set.data->size();
    return n;
}

} // namespace plab::render
