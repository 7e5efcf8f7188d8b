#include "export/clippedsvg.h"

#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPainterPathStroker>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>
#include <optional>

namespace plab::exporting {

namespace {

/// Forwards every call to a QPainter on the generator, clipping shapes on the way.
class ClippingEngine : public QPaintEngine
{
public:
    explicit ClippingEngine(QSvgGenerator& generator)
        : QPaintEngine(PaintEngineFeatures(AllFeatures) &
                       ~PaintEngineFeatures(PatternBrush | PerspectiveTransform |
                                            ConicalGradientFill | PorterDuff)),
          m_generator(generator)
    {}

    bool begin(QPaintDevice* /*device*/) override { return m_inner.begin(&m_generator); }
    bool end() override { return m_inner.end(); }
    Type type() const override { return User; }

    void updateState(const QPaintEngineState& s) override
    {
        const DirtyFlags f = s.state();
        if (f & DirtyPen)
            m_inner.setPen(s.pen());
        if (f & DirtyBrush)
            m_inner.setBrush(s.brush());
        if (f & DirtyBrushOrigin)
            m_inner.setBrushOrigin(s.brushOrigin());
        if (f & DirtyFont)
            m_inner.setFont(s.font());
        if (f & DirtyBackground)
            m_inner.setBackground(s.backgroundBrush());
        if (f & DirtyBackgroundMode)
            m_inner.setBackgroundMode(s.backgroundMode());
        if (f & DirtyTransform)
            m_inner.setTransform(s.transform());
        if (f & DirtyHints) {
            m_inner.setRenderHints(m_inner.renderHints(), false);
            m_inner.setRenderHints(s.renderHints(), true);
        }
        if (f & DirtyCompositionMode)
            m_inner.setCompositionMode(s.compositionMode());
        if (f & DirtyOpacity)
            m_inner.setOpacity(s.opacity());
        if (f & DirtyClipEnabled)
            m_clipEnabled = s.isClipEnabled();
        // The clip in device coordinates, mapped with the transform it was set under.
        if (f & DirtyClipPath)
            clipWith(s.clipOperation(), s.transform().map(s.clipPath()));
        if (f & DirtyClipRegion) {
            QPainterPath path;
            path.addRegion(s.clipRegion());
            clipWith(s.clipOperation(), s.transform().map(path));
        }
    }

    void drawPath(const QPainterPath& path) override
    {
        if (!clipping())
            return m_inner.drawPath(path);
        switch (fit(path.controlPointRect(), slack())) {
        case Fit::Inside:
            return m_inner.drawPath(path);
        case Fit::Outside:
            return;
        case Fit::Crossing:
            break;
        }
        const QTransform t = m_inner.transform();
        // The shape cut in device coordinates, drawn with the identity transform.
        const QPainterPath device = t.map(path);
        m_inner.save();
        m_inner.resetTransform();
        if (m_inner.brush().style() != Qt::NoBrush) {
            m_inner.setPen(Qt::NoPen);
            m_inner.drawPath(device.intersected(*m_clip));
        }
        const QPen pen = m_inner.pen();
        if (pen.style() != Qt::NoPen && pen.brush().style() != Qt::NoBrush) {
            QPainterPathStroker stroker(pen);
            if (pen.isCosmetic() || pen.widthF() == 0.0)
                stroker.setWidth(1.0);
            // The stroke's outline in device coordinates (a scaled pen scales with the shape).
            const QPainterPath outline =
                pen.isCosmetic() ? stroker.createStroke(device) : t.map(stroker.createStroke(path));
            m_inner.setPen(Qt::NoPen);
            m_inner.setBrush(pen.brush());
            m_inner.drawPath(outline.intersected(*m_clip));
        }
        m_inner.restore();
    }

    void drawPolygon(const QPointF* points, int count, PolygonDrawMode mode) override
    {
        const QPolygonF polygon(QList<QPointF>(points, points + count));
        if (mode == PolylineMode) {
            drawPolyline(polygon);
            return;
        }
        if (clipping() && fit(polygon.boundingRect(), slack()) != Fit::Inside) {
            QPainterPath path;
            path.addPolygon(polygon);
            path.closeSubpath();
            path.setFillRule(mode == OddEvenMode ? Qt::OddEvenFill : Qt::WindingFill);
            drawPath(path);
            return;
        }
        switch (mode) {
        case ConvexMode:
            return m_inner.drawConvexPolygon(polygon);
        case OddEvenMode:
            return m_inner.drawPolygon(polygon, Qt::OddEvenFill);
        case WindingMode:
        case PolylineMode:
            return m_inner.drawPolygon(polygon, Qt::WindingFill);
        }
    }

    void drawRects(const QRectF* rects, int count) override
    {
        if (!clipping())
            return m_inner.drawRects(rects, count);
        for (int i = 0; i < count; ++i) {
            QPainterPath path;
            path.addRect(rects[i]);
            drawPath(path);
        }
    }

    void drawLines(const QLineF* lines, int count) override
    {
        if (!clipping())
            return m_inner.drawLines(lines, count);
        for (int i = 0; i < count; ++i)
            drawPolyline(QPolygonF{lines[i].p1(), lines[i].p2()});
    }

    void drawEllipse(const QRectF& rect) override
    {
        if (!clipping())
            return m_inner.drawEllipse(rect);
        QPainterPath path;
        path.addEllipse(rect);
        drawPath(path);
    }

    void drawPoints(const QPointF* points, int count) override
    {
        if (!clipping())
            return m_inner.drawPoints(points, count);
        for (int i = 0; i < count; ++i)
            if (m_clip->contains(m_inner.transform().map(points[i])))
                m_inner.drawPoint(points[i]);
    }

    void drawTextItem(const QPointF& p, const QTextItem& item) override
    {
        if (clipping() &&
            !m_clip->intersects(m_inner.transform().mapRect(QRectF(
                p.x(), p.y() - item.ascent(), item.width(), item.ascent() + item.descent()))))
            return;
        m_inner.drawTextItem(p, item);
    }

    void drawPixmap(const QRectF& r, const QPixmap& pixmap, const QRectF& sr) override
    {
        drawImage(r, pixmap.toImage(), sr, Qt::AutoColor);
    }

    void drawImage(const QRectF& r, const QImage& image, const QRectF& sr,
                   Qt::ImageConversionFlags flags) override
    {
        if (clipping() && m_inner.transform().type() <= QTransform::TxScale) {
            // The part of the image inside the clip's bounds.
            const QRectF device = m_inner.transform().mapRect(r);
            const QRectF kept = device.intersected(m_clip->boundingRect());
            if (kept.isEmpty())
                return;
            const QRectF local = m_inner.transform().inverted().mapRect(kept);
            const double sx = sr.width() / r.width();
            const double sy = sr.height() / r.height();
            const QRectF source(sr.x() + (local.x() - r.x()) * sx,
                                sr.y() + (local.y() - r.y()) * sy, local.width() * sx,
                                local.height() * sy);
            return m_inner.drawImage(local, image, source, flags);
        }
        m_inner.drawImage(r, image, sr, flags);
    }

    void drawTiledPixmap(const QRectF& r, const QPixmap& pixmap, const QPointF& s) override
    {
        m_inner.drawTiledPixmap(r, pixmap, s);
    }

private:
    enum class Fit
    {
        Inside,
        Outside,
        Crossing,
    };

    [[nodiscard]] bool clipping() const { return m_clipEnabled && m_clip.has_value(); }

    /// Where \p local (in the painter's coordinates) grown by \p grow device pixels lies
    /// against the clip. A hundredth of a pixel counts as inside (a line ending on the border).
    [[nodiscard]] Fit fit(const QRectF& local, double grow) const
    {
        const QRectF b = m_inner.transform().mapRect(local).adjusted(-grow, -grow, grow, grow);
        const QRectF clip = m_clip->boundingRect();
        constexpr double kTolerance = 0.01;
        if (m_clipIsRect && b.left() >= clip.left() - kTolerance &&
            b.right() <= clip.right() + kTolerance && b.top() >= clip.top() - kTolerance &&
            b.bottom() <= clip.bottom() + kTolerance)
            return Fit::Inside;
        if (!m_clipIsRect && m_clip->contains(b))
            return Fit::Inside;
        if (b.right() < clip.left() || b.left() > clip.right() || b.bottom() < clip.top() ||
            b.top() > clip.bottom() || !m_clip->intersects(b.adjusted(-0.5, -0.5, 0.5, 0.5)))
            return Fit::Outside;
        return Fit::Crossing;
    }

    /// A stroked line through \p points: kept a line when it lies inside the clip (its ends may
    /// lie on the clip's edge), otherwise cut as the outline of its stroke.
    void drawPolyline(const QPolygonF& points)
    {
        if (!clipping())
            return m_inner.drawPolyline(points);
        switch (fit(points.boundingRect(), 0.0)) {
        case Fit::Inside:
            return m_inner.drawPolyline(points);
        case Fit::Outside:
            return;
        case Fit::Crossing:
            break;
        }
        // Cut as the outline of its stroke, as a raster clip cuts it.
        QPainterPath path;
        path.addPolygon(points);
        m_inner.save();
        m_inner.setBrush(Qt::NoBrush);
        drawPath(path);
        m_inner.restore();
    }

    /// Half the pen's width in device pixels and a pixel, so a stroke inside the clip stays whole.
    [[nodiscard]] double slack() const
    {
        const QPen& pen = m_inner.pen();
        if (pen.style() == Qt::NoPen)
            return 1.0;
        const double scale =
            pen.isCosmetic() ? 1.0 : std::sqrt(std::abs(m_inner.transform().determinant()));
        return 0.5 * std::max(1.0, pen.widthF()) * scale * 1.5 + 1.0;
    }

    void clipWith(Qt::ClipOperation operation, const QPainterPath& path)
    {
        clipTo(operation, path);
        if (m_clip) {
            QPainterPath rect;
            rect.addRect(m_clip->boundingRect());
            m_clipIsRect = rect == m_clip->simplified() || rect == *m_clip;
        }
    }

    void clipTo(Qt::ClipOperation operation, const QPainterPath& path)
    {
        switch (operation) {
        case Qt::NoClip:
            m_clip.reset();
            return;
        case Qt::ReplaceClip:
            m_clip = path;
            m_clipEnabled = true;
            return;
        case Qt::IntersectClip:
            m_clip = m_clip ? m_clip->intersected(path) : path;
            m_clipEnabled = true;
            return;
        }
    }

    QSvgGenerator& m_generator;
    QPainter m_inner;
    bool m_clipEnabled = false;
    std::optional<QPainterPath> m_clip; ///< in device coordinates
    bool m_clipIsRect = false;          ///< m_clip is its bounding rectangle
};

} // namespace

ClippedSvgDevice::ClippedSvgDevice(QSvgGenerator& generator)
    : m_generator(generator), m_engine(std::make_unique<ClippingEngine>(generator))
{}

ClippedSvgDevice::~ClippedSvgDevice() = default;

QPaintEngine* ClippedSvgDevice::paintEngine() const
{
    return m_engine.get();
}

int ClippedSvgDevice::metric(PaintDeviceMetric metric) const
{
    switch (metric) {
    case PdmWidth:
        return m_generator.width();
    case PdmHeight:
        return m_generator.height();
    case PdmWidthMM:
        return m_generator.widthMM();
    case PdmHeightMM:
        return m_generator.heightMM();
    case PdmNumColors:
        return m_generator.colorCount();
    case PdmDepth:
        return m_generator.depth();
    case PdmDpiX:
        return m_generator.logicalDpiX();
    case PdmDpiY:
        return m_generator.logicalDpiY();
    case PdmPhysicalDpiX:
        return m_generator.physicalDpiX();
    case PdmPhysicalDpiY:
        return m_generator.physicalDpiY();
    case PdmDevicePixelRatio:
        return 1;
    case PdmDevicePixelRatioScaled:
        return int(devicePixelRatioFScale());
    }
    return 0;
}

} // namespace plab::exporting
