// The layers of every model the classic layers do not draw (plotlayers.h): class regions, the
// boundary as a contour, the first layer's units with their labels and arrows, one-vs-rest's
// hatching. The geometry is modelgeometry.h's; ModelPictures computes it once per frame.
#include "io/numberformat.h"
#include "render/modelpicture.h"
#include "render/paintkit.h"
#include "render/plotlayers.h"
#include "render/pointlayer.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <limits>

namespace plab::render {

using namespace paintkit;

namespace {

/// The translation context of this file's texts (lupdate reads the name from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(plab::render::PlotRenderer)
};

/// The plot's size in cells of \p cellPixels device pixels (at least 2 x 2, at most 2048 a side).
QSize cellsFor(const PlotFrame& frame, double cellPixels)
{
    const auto cells = [&](double logical) {
        return std::clamp(int(std::ceil(logical * frame.devicePixelRatio / cellPixels)), 2, 2048);
    };
    return {cells(frame.area.width()), cells(frame.area.height())};
}

/// Which units of the first layer are drawn, and as what.
ModelPicture::UnitKind unitKindOf(const learning::Model& model, learning::Multiclass multiclass)
{
    if (model.kind() == learning::ModelKind::Network && !model.shape().hidden.empty())
        return ModelPicture::UnitKind::Hidden;
    if (isOneVsRest(model, multiclass))
        return ModelPicture::UnitKind::OneVsRest;
    return ModelPicture::UnitKind::None;
}

} // namespace

const ModelPicture& ModelPictures::of(const PlotFrame& frame)
{
    const PlotScene& scene = frame.scene;
    const QSize cells = cellsFor(frame, kCellPixels);
    Key key{scene.model,   scene.rule,     scene.multiclass, frame.transform.effectiveView(),
            cells.width(), cells.height(), frame.theme};
    if (m_key && *m_key == key)
        return m_picture;

    const learning::Model& model = scene.model;
    const Theme& theme = frame.theme;
    ModelPicture p;
    p.grid = sampleGrid(key.view, key.cols, key.rows);
    p.decisions = decideOn(model, p.grid);
    p.boundary = classContour(model, p.grid, p.decisions);
    p.unitKind = unitKindOf(model, scene.multiclass);
    if (p.unitKind == ModelPicture::UnitKind::OneVsRest) {
        p.hatched = unclaimedOrContested(model, p.grid);
        p.anyHatched = std::ranges::any_of(p.hatched, [](char h) { return h != 0; });
    }
    if (theme.shading) {
        RegionPalette palette;
        palette.classColors = theme.classColors;
        palette.background = theme.plotBackground;
        palette.alpha = theme.shadingAlpha;
        palette.hatch = withAlpha(theme.text, 150);
        // One hatch line every 8 logical pixels along each diagonal.
        palette.hatchPeriod = std::max(2, int(std::lround(8.0 * key.cols / frame.area.width())));
        p.regions = regionImage(
            p.grid, p.decisions, model.classes(), regionStyle(model, scene.rule), palette,
            p.anyHatched ? std::span<const char>(p.hatched) : std::span<const char>());
    }
    if (p.unitKind != ModelPicture::UnitKind::None) {
        const QSize unitCells = cellsFor(frame, kUnitCellPixels);
        std::optional<SampleGrid> unitGrid;
        for (int j = 0; j < firstLayerUnits(model); ++j) {
            ModelPicture::Unit unit;
            unit.line = firstLayerLine(model, j);
            if (!unit.line) {
                if (!unitGrid)
                    unitGrid = sampleGrid(key.view, unitCells.width(), unitCells.height());
                unit.curve = zeroContour(*unitGrid, firstLayerNets(model, *unitGrid, j));
            }
            p.units.push_back(std::move(unit));
        }
    }
    m_picture = std::move(p);
    m_key = std::move(key);
    return m_picture;
}

namespace {

/// Whether \p frame shows a model the classic layers do not draw.
bool showsOtherModel(const PlotFrame& frame)
{
    return frame.hasModel && !frame.classic;
}

/// Reports a polyline's segments to \p covered as chords of at most about 16 pixels (a contour
/// has thousands of tiny segments, and every label placed later is weighed against each one);
/// the chords are widened by the curve's largest distance from them.
class ChordReporter
{
public:
    ChordReporter(Coverage& covered, double halfWidth) : m_covered(covered), m_half(halfWidth) {}
    ~ChordReporter() { flush(); }
    ChordReporter(const ChordReporter&) = delete;
    ChordReporter& operator=(const ChordReporter&) = delete;

    void add(const QPointF& a, const QPointF& b)
    {
        if (!m_open || a != m_last) {
            flush();
            m_start = a;
            m_open = true;
            m_points.clear();
        }
        m_points.push_back(b);
        m_last = b;
        if (QLineF(m_start, b).length() > 16.0)
            flush();
    }

private:
    void flush()
    {
        if (!m_open || m_points.empty())
            return;
        const QLineF chord(m_start, m_last);
        double off = 0.0;
        const double length = chord.length();
        const QPointF d = chord.p2() - chord.p1();
        for (const QPointF& p : m_points) {
            const QPointF v = p - chord.p1();
            off = std::max(off, length > 0.0 ? std::abs(d.x() * v.y() - d.y() * v.x()) / length
                                             : QLineF(m_start, p).length());
        }
        m_covered.addSegment(Coverage::Kind::Line, chord, m_half + off);
        m_start = m_last;
        m_points.clear();
    }

    Coverage& m_covered;
    double m_half;
    bool m_open = false;
    QPointF m_start, m_last;
    std::vector<QPointF> m_points;
};

/// The largest distance of points[from + 1 .. to - 1] from the chord points[from] - points[to].
double chordError(const std::vector<QPointF>& points, std::size_t from, std::size_t to)
{
    const QPointF a = points[from];
    const QPointF d = points[to] - a;
    const double length = std::hypot(d.x(), d.y());
    double worst = 0.0;
    for (std::size_t i = from + 1; i < to; ++i) {
        const QPointF v = points[i] - a;
        worst = std::max(worst, length > 0.0 ? std::abs(d.x() * v.y() - d.y() * v.x()) / length
                                             : std::hypot(v.x(), v.y()));
    }
    return worst;
}

/// Appends the polyline \p chain to \p path, each run of points that stays within a quarter of
/// a pixel of its chord drawn as that chord: a contour has a segment per grid cell, and stroking
/// thousands of them with round joins would cost more than the rest of the frame.
void addSimplified(QPainterPath& path, const std::vector<QPointF>& chain)
{
    if (chain.size() < 2)
        return;
    path.moveTo(chain.front());
    std::size_t from = 0;
    while (from + 1 < chain.size()) {
        std::size_t to = from + 1;
        while (to + 1 < chain.size() && to - from < 64 && chordError(chain, from, to + 1) <= 0.25)
            ++to;
        path.lineTo(chain[to]);
        from = to;
    }
}

/// Pixel segments as one path of simplified polylines (joined where their ends coincide);
/// reported to \p covered as lines of \p halfWidth.
QPainterPath pixelPath(const std::vector<QLineF>& pixels, Coverage& covered, double halfWidth)
{
    QPainterPath path;
    for (const std::vector<QPointF>& chain : polylines(pixels)) {
        addSimplified(path, chain);
        ChordReporter report(covered, halfWidth);
        for (std::size_t i = 1; i < chain.size(); ++i)
            report.add(chain[i - 1], chain[i]);
    }
    return path;
}

/// Segments in world coordinates, in pixels.
std::vector<QLineF> toPixels(const std::vector<QLineF>& segments, const ViewTransform& tf)
{
    std::vector<QLineF> out;
    out.reserve(segments.size());
    for (const QLineF& s : segments)
        out.emplace_back(tf.toPixel(s.x1(), s.y1()), tf.toPixel(s.x2(), s.y2()));
    return out;
}

/// How many points lie near each box, from a summed-area table of the points' pixels: cheap
/// enough to rank every label candidate before Coverage weighs the best few exactly.
class PointDensity
{
public:
    PointDensity(const PlotFrame& frame, double reach) : m_area(frame.area), m_reach(reach)
    {
        m_cols = std::max(1, int(std::ceil(m_area.width() / kCell)));
        m_rows = std::max(1, int(std::ceil(m_area.height() / kCell)));
        m_sum.assign(std::size_t(m_cols + 1) * std::size_t(m_rows + 1), 0);
        if (!frame.hasData)
            return;
        const learning::Dataset& data = *frame.scene.data;
        const std::vector<double>& xy = data.coordinates();
        for (std::size_t i = 0; i < data.size(); ++i) {
            const QPointF p = frame.transform.toPixel(xy[2 * i], xy[2 * i + 1]);
            const int c = int(std::floor((p.x() - m_area.left()) / kCell));
            const int r = int(std::floor((p.y() - m_area.top()) / kCell));
            if (c >= 0 && c < m_cols && r >= 0 && r < m_rows)
                ++at(c + 1, r + 1);
        }
        for (int r = 1; r <= m_rows; ++r)
            for (int c = 1; c <= m_cols; ++c)
                at(c, r) += at(c - 1, r) + at(c, r - 1) - at(c - 1, r - 1);
    }

    /// The points whose centre is within the reach of \p box (rounded out to whole cells).
    [[nodiscard]] int near(const QRectF& box) const
    {
        const QRectF b = box.adjusted(-m_reach, -m_reach, m_reach, m_reach);
        const int c0 = std::clamp(int(std::floor((b.left() - m_area.left()) / kCell)), 0, m_cols);
        const int c1 = std::clamp(int(std::ceil((b.right() - m_area.left()) / kCell)), 0, m_cols);
        const int r0 = std::clamp(int(std::floor((b.top() - m_area.top()) / kCell)), 0, m_rows);
        const int r1 = std::clamp(int(std::ceil((b.bottom() - m_area.top()) / kCell)), 0, m_rows);
        return get(c1, r1) - get(c0, r1) - get(c1, r0) + get(c0, r0);
    }

private:
    static constexpr double kCell = 4.0;
    int& at(int c, int r)
    {
        return m_sum[std::size_t(r) * std::size_t(m_cols + 1) + std::size_t(c)];
    }
    [[nodiscard]] int get(int c, int r) const
    {
        return m_sum[std::size_t(r) * std::size_t(m_cols + 1) + std::size_t(c)];
    }

    QRectF m_area;
    double m_reach;
    int m_cols = 0;
    int m_rows = 0;
    std::vector<int> m_sum;
};

/// The pixels of a unit's zero set in view: its clipped line, or its curve's segments.
std::vector<QLineF> unitPixels(const ModelPicture::Unit& unit, const ViewTransform& tf)
{
    std::vector<QLineF> out;
    if (unit.line) {
        if (unit.line->hasNoBoundary())
            return out;
        const LineClip clip = clipBoundary(*unit.line, tf.effectiveView());
        if (clip.kind == LineClip::Kind::Inside)
            out.emplace_back(tf.toPixel(clip.segment.x1(), clip.segment.y1()),
                             tf.toPixel(clip.segment.x2(), clip.segment.y2()));
        return out;
    }
    return toPixels(unit.curve, tf);
}

/// The pen of unit \p j's zero set: thin and dashed, so it never passes for the boundary; a
/// hidden unit's in the muted text colour, a one-vs-rest unit's in its class's colour.
QPen unitPen(const ModelPicture& picture, const Theme& theme, int j)
{
    const bool hidden = picture.unitKind == ModelPicture::UnitKind::Hidden;
    const QColor colour =
        hidden
            ? theme.mutedText
            : theme.classColors[std::size_t(std::clamp(j, 0, int(theme.classColors.size()) - 1))];
    QPen pen(colour, hidden ? 1.5 : 2.0, Qt::CustomDashLine, Qt::FlatCap);
    pen.setDashPattern(hidden ? QList<qreal>{6.0, 3.0} : QList<qreal>{9.0, 3.0, 2.0, 3.0});
    return pen;
}

/// The label of unit \p j: "h1" ... for hidden units, "2 vs rest" for one-vs-rest.
QString unitLabel(const ModelPicture& picture, int j)
{
    if (picture.unitKind == ModelPicture::UnitKind::Hidden)
        return QStringLiteral("h%1").arg(j + 1);
    return Text::tr("%1 vs rest").arg(j);
}

} // namespace

RegionLayer::RegionLayer(std::shared_ptr<ModelPictures> pictures) : m_pictures(std::move(pictures))
{}

bool RegionLayer::shows(const PlotFrame& frame) const
{
    return showsOtherModel(frame) && frame.theme.shading;
}

void RegionLayer::paint(PlotFrame& frame)
{
    const ModelPicture& picture = m_pictures->of(frame);
    if (picture.regions.isNull())
        return;
    QPainter& painter = frame.painter;
    // Smoothed when scaled up: the heat map's lightness changes gradually, and the boundary's
    // contour covers the class change.
    painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
    painter.drawImage(frame.area, picture.regions);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
}

UnitLinesLayer::UnitLinesLayer(std::shared_ptr<ModelPictures> pictures)
    : m_pictures(std::move(pictures))
{}

bool UnitLinesLayer::shows(const PlotFrame& frame) const
{
    return showsOtherModel(frame) &&
           unitKindOf(frame.scene.model, frame.scene.multiclass) != ModelPicture::UnitKind::None;
}

void UnitLinesLayer::paint(PlotFrame& frame)
{
    const ModelPicture& picture = m_pictures->of(frame);
    QPainter& painter = frame.painter;
    painter.setBrush(Qt::NoBrush);
    for (int j = 0; j < int(picture.units.size()); ++j) {
        const QPen pen = unitPen(picture, frame.theme, j);
        const QPainterPath path =
            pixelPath(unitPixels(picture.units[std::size_t(j)], frame.transform), frame.covered,
                      0.5 * pen.widthF());
        painter.setPen(pen);
        painter.drawPath(path);
    }
}

ModelBoundaryLayer::ModelBoundaryLayer(std::shared_ptr<ModelPictures> pictures)
    : m_pictures(std::move(pictures))
{}

bool ModelBoundaryLayer::shows(const PlotFrame& frame) const
{
    return showsOtherModel(frame);
}

void ModelBoundaryLayer::paint(PlotFrame& frame)
{
    const ModelPicture& picture = m_pictures->of(frame);
    if (picture.boundary.empty())
        return;
    const Theme& theme = frame.theme;
    QPainter& painter = frame.painter;
    // One path: where segments meet or overlap, the halo is not painted twice.
    const QPainterPath path = pixelPath(toPixels(picture.boundary, frame.transform), frame.covered,
                                        0.5 * theme.boundaryWidth + 1.5);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(withAlpha(theme.plotBackground, 150), theme.boundaryWidth + 3.0,
                        Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    // The halo unsmoothed: it is a soft band under the smoothed line, and a wide smoothed stroke
    // of a long curve costs a millisecond a frame.
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.drawPath(path);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(
        QPen(theme.boundary, theme.boundaryWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.drawPath(path);
}

UnitLabelsLayer::UnitLabelsLayer(std::shared_ptr<ModelPictures> pictures)
    : m_pictures(std::move(pictures))
{}

bool UnitLabelsLayer::shows(const PlotFrame& frame) const
{
    if (!showsOtherModel(frame))
        return false;
    const ModelPicture::UnitKind kind = unitKindOf(frame.scene.model, frame.scene.multiclass);
    return (kind != ModelPicture::UnitKind::None && frame.scene.showAnnotations) ||
           (kind == ModelPicture::UnitKind::Hidden && frame.scene.showHiddenArrows);
}

void UnitLabelsLayer::paint(PlotFrame& frame)
{
    const ModelPicture& picture = m_pictures->of(frame);
    const PlotScene& scene = frame.scene;
    const Theme& theme = frame.theme;
    const ViewTransform& tf = frame.transform;
    QPainter& painter = frame.painter;
    const QFont font = theme.font(0.95, true);

    // The hidden units' weight vectors, on request: each normal to its unit's line, from the
    // line's point nearest the view's centre, all at one scale (1 when the longest spans 10-45 %
    // of the view's shorter side, else the 1-2-5 factor that brings it nearest 25 %).
    if (picture.unitKind == ModelPicture::UnitKind::Hidden && scene.showHiddenArrows) {
        double longest = 0.0;
        for (const ModelPicture::Unit& u : picture.units)
            if (u.line)
                longest = std::max(longest, u.line->w.stableNorm());
        const io::ViewBox& v = tf.effectiveView();
        const double viewSize = std::min(v.xMax - v.xMin, v.yMax - v.yMin);
        double s = 1.0;
        if (std::isfinite(longest) && longest > 0.0) {
            const double ratio = longest / viewSize;
            if (ratio < 0.10 || ratio > 0.45)
                s = nearestRung(0.25 * viewSize / longest);
        }
        const double width = std::max(1.5, 0.7 * theme.arrowWidth);
        bool drawn = false;
        for (const ModelPicture::Unit& u : picture.units) {
            if (!u.line || u.line->hasNoBoundary())
                continue;
            const LineClip clip = clipBoundary(*u.line, v);
            if (clip.kind != LineClip::Kind::Inside)
                continue;
            const QPointF from = tf.toPixel(clip.closest);
            const QPointF to = from + tf.vectorToPixel(s * u.line->w);
            drawArrow(painter, from, to, theme.weightArrow, width, theme.plotBackground);
            const double head = arrowHead(QLineF(from, to).length(), width);
            frame.covered.addSegment(Coverage::Kind::Arrow, QLineF(from, to), 0.45 * head + 1.5);
            drawn = true;
        }
        if (drawn && s != 1.0 && scene.showAnnotations) {
            const QString note = Text::tr("hidden units' weight vectors drawn at \u00d7%1")
                                     .arg(io::displayNumber(s, 6));
            const QFont noteFont = theme.font(0.9);
            const QSizeF size = QFontMetricsF(noteFont).boundingRect(note).size() + QSizeF(8, 4);
            const QRectF box = placeAnnotation(frame, size, cornersFirst(frame.area, size, 8.0));
            drawLabelInBox(painter, box, note, noteFont, theme.mutedText, theme.plotBackground);
            frame.covered.addBox(Coverage::Kind::Text, box);
        }
    }
    if (!scene.showAnnotations)
        return;

    // Each unit's label beside its zero set, where it hides least: beside a point of its line or
    // curve (the middle first), on either side. The points near a candidate are counted from a
    // summed-area table: 16 labels weighed with Coverage::cost() against 10^4 points would take
    // longer than the rest of the frame.
    const PointDensity density(frame, PointLayer::reach(theme));
    for (int j = 0; j < int(picture.units.size()); ++j) {
        const std::vector<QLineF> pixels = unitPixels(picture.units[std::size_t(j)], tf);
        if (pixels.empty())
            continue;
        const QString text = unitLabel(picture, j);
        // What a box would hide, weighed as Coverage::cost() weighs it, the points counted from
        // the density (never fewer than the box would hide); the first box that hides nothing
        // wins, else the least costly.
        QRectF box;
        double best = std::numeric_limits<double>::infinity();
        const auto consider = [&](const QRectF& b) {
            if (best == 0.0)
                return;
            const double cost = (frame.area.contains(b) ? 0.0 : 1000.0) + 100.0 * density.near(b) +
                                (frame.covered.overlaps(b, {Coverage::Kind::Arrow}) ? 40.0 : 0.0) +
                                (frame.covered.overlaps(b, {Coverage::Kind::Text}) ? 20.0 : 0.0) +
                                (frame.covered.overlaps(b, {Coverage::Kind::Line}) ? 5.0 : 0.0);
            if (cost < best) {
                best = cost;
                box = b;
            }
        };
        const auto around = [&](const QLineF& s, double f) {
            const QPointF at = s.pointAt(f);
            const QPointF normal = normalOf(s.p1(), s.p2());
            for (const double gap : {4.0, 12.0})
                for (const QPointF& side : {normal, -normal})
                    consider(labelBoxAway(at, side, text, font, gap));
        };
        if (pixels.size() == 1) {
            for (const double f : {0.5, 0.35, 0.65, 0.2, 0.8, 0.1, 0.9})
                around(pixels.front(), f);
        } else {
            const std::size_t step = std::max<std::size_t>(1, pixels.size() / 16);
            for (std::size_t i = pixels.size() / 2 % step; i < pixels.size(); i += step)
                around(pixels[i], 0.5);
        }
        const QColor colour = picture.unitKind == ModelPicture::UnitKind::Hidden
                                  ? theme.text
                                  : unitPen(picture, theme, j).color();
        drawLabelInBox(painter, box, text, font, colour, theme.plotBackground);
        frame.covered.addBox(Coverage::Kind::Text, box);
    }

    // What the hatching means, when some is in view.
    if (picture.anyHatched && theme.shading) {
        const QString note = Text::tr("hatched: no unit or several units claim these points");
        const QFont noteFont = theme.font(0.9);
        const QSizeF size = QFontMetricsF(noteFont).boundingRect(note).size() + QSizeF(8, 4);
        const QRectF box = placeAnnotation(frame, size, cornersFirst(frame.area, size, 8.0));
        drawLabelInBox(painter, box, note, noteFont, theme.text, theme.plotBackground);
        frame.covered.addBox(Coverage::Kind::Text, box);
    }
}

} // namespace plab::render
