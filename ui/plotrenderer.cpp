#include "plotrenderer.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QLinearGradient>
#include <QPaintDevice>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

#include <algorithm>
#include <cmath>

namespace plab::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("plab::ui::PlotRenderer", text);
}

QColor withAlpha(QColor c, int alpha)
{
    c.setAlpha(std::clamp(alpha, 0, 255));
    return c;
}

double sigmoid(double z)
{
    return 1.0 / (1.0 + std::exp(-z));
}

/// The marker outline of \p shape centred on \p c with nominal diameter \p d. The shapes are
/// sized to look equally heavy, so neither class dominates visually.
QPainterPath markerPath(MarkerShape shape, const QPointF& c, double d)
{
    QPainterPath path;
    switch (shape) {
    case MarkerShape::Circle:
        path.addEllipse(c, 0.5 * d, 0.5 * d);
        break;
    case MarkerShape::Triangle: {
        // Centred on the centroid; circumradius chosen to give about the circle's area.
        const double r = 0.66 * d;
        path.addPolygon(
            QPolygonF({QPointF(c.x(), c.y() - r), QPointF(c.x() + 0.866 * r, c.y() + 0.5 * r),
                       QPointF(c.x() - 0.866 * r, c.y() + 0.5 * r)}));
        path.closeSubpath();
        break;
    }
    case MarkerShape::Square: {
        const double h = 0.44 * d;
        path.addRect(QRectF(c.x() - h, c.y() - h, 2 * h, 2 * h));
        break;
    }
    case MarkerShape::Diamond: {
        const double h = 0.62 * d;
        path.addPolygon(QPolygonF({QPointF(c.x(), c.y() - h), QPointF(c.x() + h, c.y()),
                                   QPointF(c.x(), c.y() + h), QPointF(c.x() - h, c.y())}));
        path.closeSubpath();
        break;
    }
    }
    return path;
}

void drawMarker(QPainter& p, MarkerShape shape, const QPointF& c, const Theme& theme,
                const QColor& fill)
{
    p.setPen(QPen(theme.markerEdge, theme.markerEdgeWidth));
    p.setBrush(fill);
    p.drawPath(markerPath(shape, c, theme.markerSize));
}

double selectionRingRadius(const Theme& theme)
{
    return 0.5 * theme.markerSize + 3.5;
}

void drawSelectionRing(QPainter& p, const QPointF& c, const Theme& theme)
{
    p.setPen(QPen(theme.selection, 2.0));
    p.setBrush(Qt::NoBrush);
    const double r = selectionRingRadius(theme);
    p.drawEllipse(c, r, r);
}

/// Logical size of a marker sprite: the biggest shape plus its edge and the selection ring.
double spriteSize(const Theme& theme)
{
    return std::ceil(2.0 * selectionRingRadius(theme) + 2.0 * theme.markerEdgeWidth + 4.0);
}

QImage makeSprite(const Theme& theme, int cls, bool selected, qreal dpr)
{
    const double size = spriteSize(theme);
    const int px = int(std::ceil(size * dpr));
    QImage image(px, px, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const QPointF c(0.5 * px / dpr, 0.5 * px / dpr);
    drawMarker(p, theme.classShapes[std::size_t(cls)], c, theme,
               theme.classColors[std::size_t(cls)]);
    if (selected)
        drawSelectionRing(p, c, theme);
    return image;
}

void drawArrow(QPainter& p, const QPointF& from, const QPointF& to, const QColor& color,
               double width, Qt::PenStyle style = Qt::SolidLine)
{
    const QLineF line(from, to);
    const double length = line.length();
    if (length < 1.0)
        return;
    const double head = std::min(4.0 * width + 4.0, 0.6 * length);
    const QPointF dir = (to - from) / length;
    const QPointF normal(-dir.y(), dir.x());
    const QPointF base = to - dir * head;
    QPen pen(color, width, style, Qt::FlatCap, Qt::MiterJoin);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    // Stop the shaft inside the head so a wide pen does not poke through its tip.
    p.drawLine(from, to - dir * (0.6 * head));
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawPolygon(QPolygonF({to, base + normal * (0.45 * head), base - normal * (0.45 * head)}));
}

/// Text with a halo in \p halo, readable on top of shading, grid and points.
void drawHaloText(QPainter& p, const QPointF& baseline, const QString& text, const QFont& font,
                  const QColor& color, const QColor& halo)
{
    QPainterPath path;
    path.addText(baseline, font, text);
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(withAlpha(halo, 220), 3.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.drawPath(path);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawPath(path);
}

/// A boundary line (any model) clipped to the view, in pixels; empty when there is none.
std::optional<QLineF> boundaryPixels(const learning::LinearModel& model, const ViewTransform& tf)
{
    const LineClip clip = clipBoundary(model, tf.effectiveView());
    if (clip.kind != LineClip::Kind::Inside)
        return std::nullopt;
    return QLineF(tf.toPixel(clip.segment.x1(), clip.segment.y1()),
                  tf.toPixel(clip.segment.x2(), clip.segment.y2()));
}

/// The class the model predicts everywhere when w = 0, if that is decided.
std::optional<int> constantClass(const PlotScene& scene)
{
    const double b = scene.model.b;
    if (b > 0.0)
        return 1;
    if (b < 0.0)
        return 0;
    switch (scene.zero) {
    case learning::ZeroConvention::Positive:
        return 1;
    case learning::ZeroConvention::Negative:
        return 0;
    case learning::ZeroConvention::Mistake:
        break;
    }
    return std::nullopt;
}

/// A 1-2-5 ladder value no bigger than \p x (x > 0).
double ladderFloor(double x)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(x)));
    const double m = x / magnitude;
    const double rung = m >= 5.0 ? 5.0 : (m >= 2.0 ? 2.0 : 1.0);
    return rung * magnitude;
}

QString formatScale(double s)
{
    QString text = QString::number(s, 'g', 6);
    return text;
}

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

double snap(double v)
{
    return std::floor(v) + 0.5;
}

} // namespace

PlotRenderer::PlotRenderer() = default;

QRectF PlotRenderer::plotArea(const QRectF& target, const Theme& theme)
{
    const QFontMetricsF fm(theme.font());
    // Fixed margins (not fitted to the current labels) so the plot does not shift while panning.
    const double left = std::ceil(fm.horizontalAdvance(QStringLiteral("\u22120000.0")) + 14.0);
    const double bottom = std::ceil(fm.height() + 12.0);
    const double top = std::ceil(fm.height() + 8.0);
    const double right = std::ceil(fm.horizontalAdvance(QStringLiteral("x\u2081")) + 16.0);
    const QRectF area(std::round(target.left() + left), std::round(target.top() + top),
                      std::floor(target.width() - left - right),
                      std::floor(target.height() - top - bottom));
    if (area.width() < 1.0 || area.height() < 1.0)
        return QRectF(target.topLeft(),
                      QSizeF(std::max(1.0, target.width()), std::max(1.0, target.height())));
    return area;
}

ViewTransform PlotRenderer::transformFor(const QRectF& target, const PlotScene& scene,
                                         const Theme& theme)
{
    return ViewTransform(scene.view, plotArea(target, theme), scene.aspect);
}

double PlotRenderer::arrowScale(const PlotScene& scene, const ViewTransform& transform)
{
    double length = scene.model.w.norm();
    if (scene.step && scene.step->updated) {
        length = std::max(length, scene.step->before.w.norm());
        length = std::max(length, (scene.step->before.w + scene.step->deltaW).norm());
    }
    const session::ViewBox& v = transform.effectiveView();
    const double viewSize = std::min(v.xMax - v.xMin, v.yMax - v.yMin);
    if (!std::isfinite(length) || !(length > 0.0) || !(viewSize > 0.0))
        return 1.0;
    const double ratio = length / viewSize;
    if (ratio >= 0.10 && ratio <= 0.45)
        return 1.0;
    return ladderFloor(0.25 * viewSize / length);
}

void PlotRenderer::setCachingEnabled(bool enabled)
{
    m_cachingEnabled = enabled;
    if (!enabled)
        invalidateCache();
}

void PlotRenderer::invalidateCache()
{
    m_layerValid = false;
    m_layer = QImage();
    m_layerKey = LayerKey{};
}

void PlotRenderer::ensureSprites(const Theme& theme, qreal dpr)
{
    if (m_spriteDpr == dpr && m_spriteTheme == theme)
        return;
    for (int cls = 0; cls < 2; ++cls)
        for (int sel = 0; sel < 2; ++sel)
            m_sprites[std::size_t(cls)][std::size_t(sel)] = makeSprite(theme, cls, sel != 0, dpr);
    m_spriteTheme = theme;
    m_spriteDpr = dpr;
}

void PlotRenderer::drawPointsRaster(QPainter& painter, const PlotScene& scene, const Theme& theme,
                                    const ViewTransform& tf, qreal dpr)
{
    const learning::Dataset& data = *scene.data;
    ensureSprites(theme, dpr);
    const bool withSelection = !scene.presentation && scene.selected.size() == data.size();
    const double half = 0.5 * spriteSize(theme);
    const QRectF area = tf.pixelRect();
    const QRectF visible = area.adjusted(-half, -half, half, half);
    const std::vector<double>& xy = data.coordinates();
    const std::vector<int>& labels = data.labels();

    auto drawAll = [&](QPainter& p, const QPointF& offset) {
        for (std::size_t i = 0; i < data.size(); ++i) {
            const QPointF c = tf.toPixel(xy[2 * i], xy[2 * i + 1]);
            if (!visible.contains(c))
                continue;
            const int cls = labels[i] == 1 ? 1 : 0;
            const bool sel = withSelection && scene.selected[i] != 0;
            // Snap to device pixels: sprites are blitted 1:1, never resampled.
            const QPointF topLeft(std::round((c.x() - offset.x() - half) * dpr) / dpr,
                                  std::round((c.y() - offset.y() - half) * dpr) / dpr);
            p.drawImage(topLeft, m_sprites[std::size_t(cls)][sel ? 1 : 0]);
        }
    };

    if (!m_cachingEnabled || scene.dataRevision == 0) {
        drawAll(painter, QPointF());
        return;
    }
    LayerKey key{&data, scene.dataRevision,
                 tf,    dpr,
                 theme, withSelection ? scene.selected : std::vector<char>{}};
    if (!m_layerValid || !(key == m_layerKey)) {
        const QSize size(int(std::ceil(area.width() * dpr)), int(std::ceil(area.height() * dpr)));
        if (m_layer.size() != size)
            m_layer = QImage(size, QImage::Format_ARGB32_Premultiplied);
        m_layer.setDevicePixelRatio(dpr);
        m_layer.fill(Qt::transparent);
        QPainter p(&m_layer);
        drawAll(p, area.topLeft());
        p.end();
        m_layerKey = std::move(key);
        m_layerValid = true;
    }
    painter.drawImage(area.topLeft(), m_layer);
}

void PlotRenderer::drawPointsVector(QPainter& painter, const PlotScene& scene, const Theme& theme,
                                    const ViewTransform& tf) const
{
    const learning::Dataset& data = *scene.data;
    const bool withSelection = !scene.presentation && scene.selected.size() == data.size();
    const double half = 0.5 * spriteSize(theme);
    const QRectF visible = tf.pixelRect().adjusted(-half, -half, half, half);
    for (std::size_t i = 0; i < data.size(); ++i) {
        const QPointF c = tf.toPixel(data.point(i));
        if (!visible.contains(c))
            continue;
        const std::size_t cls = data.label(i) == 1 ? 1 : 0;
        drawMarker(painter, theme.classShapes[cls], c, theme, theme.classColors[cls]);
        if (withSelection && scene.selected[i] != 0)
            drawSelectionRing(painter, c, theme);
    }
}

void PlotRenderer::paint(QPainter& painter, const QRectF& target, const PlotScene& scene,
                         const Theme& theme)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);

    const QRectF area = plotArea(target, theme);
    const ViewTransform tf(scene.view, area, scene.aspect);
    const session::ViewBox& v = tf.effectiveView();
    const QFont font = theme.font();
    const QFontMetricsF fm(font);
    const bool vectorDevice = scene.vectorPoints || isVectorDevice(painter);
    const qreal dpr = painter.device() ? painter.device()->devicePixelRatio() : 1.0;
    const bool hasData = scene.data && !scene.data->empty();
    const bool hasModel = scene.hasModel && scene.model.isFinite();
    const bool hasLine = hasModel && !scene.model.hasNoBoundary();
    const LineClip clip = hasLine ? clipBoundary(scene.model, v) : LineClip{};

    painter.fillRect(target, theme.background);
    painter.fillRect(area, theme.plotBackground);

    painter.save();
    painter.setClipRect(area);

    // Shading of the half-planes by predicted class (logistic: by probability).
    if (hasModel && theme.shading) {
        const std::array<QColor, 2> tint = {withAlpha(theme.classColors[0], theme.shadingAlpha),
                                            withAlpha(theme.classColors[1], theme.shadingAlpha)};
        bool shaded = false;
        if (scene.rule == learning::Rule::Logistic) {
            if (!hasLine) {
                const double p1 = sigmoid(scene.model.b);
                const std::size_t cls = p1 >= 0.5 ? 1 : 0;
                painter.fillRect(area, withAlpha(theme.classColors[cls],
                                                 int(theme.shadingAlpha * std::abs(2 * p1 - 1))));
                shaded = true;
            } else {
                // p = sigmoid(net) and net is affine in pixels, so the shading is a linear
                // gradient along the pixel-space gradient of net: exact, and one fill.
                const QPointF g(scene.model.w.x() / tf.pixelsPerUnitX(),
                                -scene.model.w.y() / tf.pixelsPerUnitY());
                const double g2 = g.x() * g.x() + g.y() * g.y();
                const QPointF c = area.center();
                const double netC = scene.model.net(tf.toWorld(c));
                constexpr double span = 7.0; // net in [-7, 7]: p from 0.001 to 0.999
                const QPointF start = c + g * ((-span - netC) / g2);
                const QPointF end = c + g * ((span - netC) / g2);
                if (QLineF(start, end).length() >= 1.0) {
                    QLinearGradient gradient(start, end);
                    constexpr int steps = 28;
                    for (int i = 0; i <= steps; ++i) {
                        const double t = double(i) / steps;
                        const double p1 = sigmoid(-span + 2 * span * t);
                        const int alpha =
                            int(std::lround(theme.shadingAlpha * std::abs(2 * p1 - 1)));
                        if (i == steps / 2) {
                            gradient.setColorAt(t - 1e-6, withAlpha(theme.classColors[0], 0));
                            gradient.setColorAt(t + 1e-6, withAlpha(theme.classColors[1], 0));
                        } else {
                            gradient.setColorAt(
                                t, withAlpha(theme.classColors[p1 > 0.5 ? 1 : 0], alpha));
                        }
                    }
                    gradient.setSpread(QGradient::PadSpread);
                    painter.fillRect(area, gradient);
                    shaded = true;
                }
            }
        }
        if (!shaded) {
            if (!hasLine) {
                if (const std::optional<int> cls = constantClass(scene))
                    painter.fillRect(area, tint[std::size_t(*cls)]);
            } else {
                painter.setPen(Qt::NoPen);
                for (int side : {-1, 1}) {
                    QPolygonF poly;
                    for (const Eigen::Vector2d& corner : halfPlaneInBox(scene.model, v, side))
                        poly << tf.toPixel(corner);
                    painter.setBrush(tint[side > 0 ? 1 : 0]);
                    painter.drawPolygon(poly);
                }
            }
        }
    }

    // Grid at the major ticks, then the axes x1 = 0 and x2 = 0.
    const int xTarget = std::clamp(
        int(area.width() / (fm.horizontalAdvance(QStringLiteral("\u22120.00")) + 48.0)), 2, 14);
    const int yTarget = std::clamp(int(area.height() / (fm.height() * 3.6)), 2, 12);
    const Ticks xTicks = niceTicks(v.xMin, v.xMax, xTarget);
    const Ticks yTicks = niceTicks(v.yMin, v.yMax, yTarget);
    painter.setPen(QPen(theme.grid, theme.gridWidth));
    for (double x : xTicks.values) {
        const double px = snap(tf.toPixel(x, 0.0).x());
        painter.drawLine(QPointF(px, area.top()), QPointF(px, area.bottom()));
    }
    for (double y : yTicks.values) {
        const double py = snap(tf.toPixel(0.0, y).y());
        painter.drawLine(QPointF(area.left(), py), QPointF(area.right(), py));
    }
    painter.setPen(QPen(theme.zeroAxis, 1.3 * theme.gridWidth));
    if (v.xMin <= 0.0 && 0.0 <= v.xMax) {
        const double px = snap(tf.toPixel(0.0, 0.0).x());
        painter.drawLine(QPointF(px, area.top()), QPointF(px, area.bottom()));
    }
    if (v.yMin <= 0.0 && 0.0 <= v.yMax) {
        const double py = snap(tf.toPixel(0.0, 0.0).y());
        painter.drawLine(QPointF(area.left(), py), QPointF(area.right(), py));
    }

    // Trail: older boundaries fainter.
    for (std::size_t i = 0; i < scene.trail.size(); ++i) {
        if (const std::optional<QLineF> line = boundaryPixels(scene.trail[i], tf)) {
            const double age = double(i + 1) / double(scene.trail.size() + 1);
            painter.setPen(QPen(withAlpha(theme.trail, int(30 + 120 * age)), 1.5, Qt::SolidLine,
                                Qt::RoundCap));
            painter.drawLine(*line);
        }
    }

    // The boundary before the update being shown.
    const bool showUpdate = hasModel && scene.step && scene.step->updated;
    if (showUpdate) {
        if (const std::optional<QLineF> ghost = boundaryPixels(scene.step->before, tf)) {
            QPen pen(theme.ghost, std::max(1.5, 0.7 * theme.boundaryWidth), Qt::CustomDashLine,
                     Qt::FlatCap);
            pen.setDashPattern({5.0, 3.0});
            painter.setPen(pen);
            painter.drawLine(*ghost);
        }
    }

    // The boundary, under the points so that points on the line stay visible.
    std::optional<QLineF> boundaryLine;
    if (clip.kind == LineClip::Kind::Inside) {
        boundaryLine = QLineF(tf.toPixel(clip.segment.x1(), clip.segment.y1()),
                              tf.toPixel(clip.segment.x2(), clip.segment.y2()));
        painter.setPen(QPen(withAlpha(theme.plotBackground, 150), theme.boundaryWidth + 3.0,
                            Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(*boundaryLine);
        painter.setPen(QPen(theme.boundary, theme.boundaryWidth, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(*boundaryLine);
    }

    // Points, then the rings that annotate them.
    if (hasData) {
        if (vectorDevice)
            drawPointsVector(painter, scene, theme, tf);
        else
            drawPointsRaster(painter, scene, theme, tf, dpr);

        const double errorRadius = 0.5 * theme.markerSize + 3.0;
        painter.setPen(QPen(theme.errorOutline, 2.0));
        painter.setBrush(Qt::NoBrush);
        for (std::size_t i : scene.misclassified) {
            if (i >= scene.data->size())
                continue;
            const QPointF c = tf.toPixel(scene.data->point(i));
            if (area.adjusted(-10, -10, 10, 10).contains(c))
                painter.drawEllipse(c, errorRadius, errorRadius);
        }

        if (scene.step && scene.step->index < scene.data->size()) {
            const QPointF c = tf.toPixel(scene.data->point(scene.step->index));
            const double r = 0.5 * theme.markerSize + 8.0;
            painter.setPen(Qt::NoPen);
            painter.setBrush(withAlpha(theme.highlight, 60));
            painter.drawEllipse(c, r + 4.0, r + 4.0);
            painter.setPen(QPen(theme.highlight, 3.0));
            painter.setBrush(Qt::NoBrush);
            painter.drawEllipse(c, r, r);
        }

        if (!scene.presentation && scene.hovered && *scene.hovered < scene.data->size()) {
            const QPointF c = tf.toPixel(scene.data->point(*scene.hovered));
            const double r = 0.5 * theme.markerSize + 5.0;
            painter.setPen(QPen(withAlpha(theme.text, 160), 1.5));
            painter.setBrush(Qt::NoBrush);
            painter.drawEllipse(c, r, r);
        }
    }

    // The weight vector w, normal to the boundary, from the boundary's point closest to the
    // view's centre; during an update the vector sum w + dw from the old boundary.
    if (hasModel && scene.showWeightVector) {
        const double s = arrowScale(scene, tf);
        const QFont labelFont = theme.font(1.05, true);
        std::optional<Eigen::Vector2d> anchor;
        Eigen::Vector2d wOld = Eigen::Vector2d::Zero();
        if (showUpdate && !scene.step->before.hasNoBoundary()) {
            const LineClip ghostClip = clipBoundary(scene.step->before, v);
            if (ghostClip.kind == LineClip::Kind::Inside) {
                anchor = ghostClip.closest;
                wOld = scene.step->before.w;
            }
        }
        if (!anchor && clip.kind == LineClip::Kind::Inside)
            anchor = clip.closest;
        if (anchor) {
            const QPointF a = tf.toPixel(*anchor);
            const QPointF tipNew = tf.toPixel(*anchor + s * scene.model.w);
            const bool triangle = showUpdate && wOld.squaredNorm() > 0.0;
            if (triangle) {
                const QPointF tipOld = tf.toPixel(*anchor + s * wOld);
                const QPointF tipSum = tf.toPixel(*anchor + s * (wOld + scene.step->deltaW));
                drawArrow(painter, a, tipOld, theme.ghost, 0.8 * theme.arrowWidth);
                drawArrow(painter, tipOld, tipSum, theme.updateArrow, theme.arrowWidth);
                drawArrow(painter, a, tipNew, theme.weightArrow, theme.arrowWidth);
                const QPointF mid = 0.5 * (tipOld + tipSum);
                drawHaloText(painter, mid + QPointF(6, -6), QStringLiteral("\u0394w"), labelFont,
                             theme.updateArrow, theme.plotBackground);
                drawHaloText(painter, tipOld + QPointF(6, 14), QStringLiteral("w"), labelFont,
                             theme.ghost, theme.plotBackground);
                drawHaloText(painter, tipNew + QPointF(6, -6), QStringLiteral("w + \u0394w"),
                             labelFont, theme.weightArrow, theme.plotBackground);
            } else if (!scene.model.hasNoBoundary()) {
                drawArrow(painter, a, tipNew, theme.weightArrow, theme.arrowWidth);
                drawHaloText(painter, tipNew + QPointF(6, -6), QStringLiteral("w"), labelFont,
                             theme.weightArrow, theme.plotBackground);
            }
            // The anchor: a small dot on the line.
            painter.setPen(QPen(theme.plotBackground, 1.5));
            painter.setBrush(theme.weightArrow);
            painter.drawEllipse(a, 3.0, 3.0);
            if (s != 1.0) {
                const QString note = tr("vectors drawn \u00d7%1").arg(formatScale(s));
                const QFont small = theme.font(0.9);
                const QFontMetricsF sfm(small);
                drawHaloText(
                    painter,
                    QPointF(area.right() - sfm.horizontalAdvance(note) - 8, area.bottom() - 8),
                    note, small, theme.mutedText, theme.plotBackground);
            }
        }
    }

    // Rubber band.
    if (!scene.presentation && scene.rubberBand) {
        QPen pen(theme.selection, 1.0, Qt::DashLine);
        painter.setPen(pen);
        painter.setBrush(theme.rubberBandFill);
        painter.drawRect(scene.rubberBand->normalized());
    }

    painter.restore(); // clip

    // Frame, tick marks and labels.
    painter.setPen(QPen(theme.frame, 1.0));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(area.adjusted(0.5, 0.5, -0.5, -0.5));
    painter.setFont(font);
    const double tick = 5.0;
    double lastRight = -1e300;
    for (double x : xTicks.values) {
        const double px = snap(tf.toPixel(x, 0.0).x());
        painter.setPen(QPen(theme.frame, 1.0));
        painter.drawLine(QPointF(px, area.bottom()), QPointF(px, area.bottom() + tick));
        const QString label = formatTick(x, xTicks);
        const double w = fm.horizontalAdvance(label);
        const QRectF box(px - 0.5 * w, area.bottom() + tick + 2.0, w, fm.height());
        if (box.left() < lastRight + 6.0 || box.right() > target.right())
            continue;
        lastRight = box.right();
        painter.setPen(theme.text);
        painter.drawText(box, Qt::AlignCenter, label);
    }
    for (double y : yTicks.values) {
        const double py = snap(tf.toPixel(0.0, y).y());
        painter.setPen(QPen(theme.frame, 1.0));
        painter.drawLine(QPointF(area.left() - tick, py), QPointF(area.left(), py));
        const QString label = formatTick(y, yTicks);
        const QRectF box(target.left(), py - 0.5 * fm.height(),
                         area.left() - tick - 4.0 - target.left(), fm.height());
        painter.setPen(theme.text);
        painter.drawText(box, Qt::AlignRight | Qt::AlignVCenter, label);
    }
    // Axis titles at the ends of the axes.
    const QFont titleFont = theme.font(1.1, true);
    painter.setFont(titleFont);
    painter.setPen(theme.text);
    const QFontMetricsF tfm(titleFont);
    painter.drawText(QRectF(area.right() + 4.0, area.bottom() + tick + 2.0,
                            target.right() - area.right() - 4.0, fm.height()),
                     Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("x\u2081"));
    painter.drawText(QRectF(area.left() - 40.0, target.top(), 80.0, area.top() - target.top()),
                     Qt::AlignCenter, QStringLiteral("x\u2082"));
    Q_UNUSED(tfm);

    painter.save();
    painter.setClipRect(area);

    // Legend: marker, class name, count; the active class marked while editing.
    if (scene.showLegend && hasData) {
        const QFont legendFont = theme.font(1.0);
        const QFontMetricsF lfm(legendFont);
        const double row = std::max(lfm.height(), theme.markerSize) + 6.0;
        QString texts[2];
        double textWidth = 0.0;
        for (int cls = 0; cls < 2; ++cls) {
            texts[cls] = tr("class %1  (%2)").arg(cls).arg(scene.data->count(cls));
            textWidth = std::max(textWidth, lfm.horizontalAdvance(texts[cls]));
        }
        const double pad = 8.0;
        const QRectF box(area.left() + 10.0, area.top() + 10.0,
                         pad * 2 + theme.markerSize + 8.0 + textWidth, pad * 2 + 2 * row - 4.0);
        painter.setPen(QPen(withAlpha(theme.frame, 200), 1.0));
        painter.setBrush(withAlpha(theme.plotBackground, 225));
        painter.drawRoundedRect(box, 6.0, 6.0);
        painter.setFont(legendFont);
        for (int cls = 0; cls < 2; ++cls) {
            const double cy = box.top() + pad + row * cls + 0.5 * (row - 6.0);
            if (!scene.presentation && cls == scene.activeClass) {
                painter.setPen(Qt::NoPen);
                painter.setBrush(withAlpha(theme.selection, 40));
                painter.drawRoundedRect(
                    QRectF(box.left() + 3.0, cy - 0.5 * row + 1.0, box.width() - 6.0, row - 2.0),
                    4.0, 4.0);
            }
            const QPointF mc(box.left() + pad + 0.5 * theme.markerSize, cy);
            drawMarker(painter, theme.classShapes[std::size_t(cls)], mc, theme,
                       theme.classColors[std::size_t(cls)]);
            painter.setPen(theme.text);
            painter.drawText(
                QRectF(mc.x() + 0.5 * theme.markerSize + 8.0, cy - 0.5 * row, textWidth + 4.0, row),
                Qt::AlignLeft | Qt::AlignVCenter, texts[cls]);
        }
    }

    // The honest degenerate cases.
    if (hasModel && !hasLine) {
        const QFont big = theme.font(1.35, true);
        const QFont small = theme.font(1.0);
        const QString headline = tr("no boundary yet: w = 0");
        const QString detail =
            tr("w\u00b7x + b = %1 for every point").arg(QString::number(scene.model.b, 'g', 4));
        const QFontMetricsF bfm(big);
        const QFontMetricsF sfm(small);
        const double w = std::max(bfm.horizontalAdvance(headline), sfm.horizontalAdvance(detail));
        const QRectF box(area.center().x() - 0.5 * w - 16.0,
                         area.center().y() - 0.5 * (bfm.height() + sfm.height()) - 12.0, w + 32.0,
                         bfm.height() + sfm.height() + 24.0);
        painter.setPen(QPen(withAlpha(theme.frame, 220), 1.0));
        painter.setBrush(withAlpha(theme.plotBackground, 235));
        painter.drawRoundedRect(box, 8.0, 8.0);
        painter.setPen(theme.text);
        painter.setFont(big);
        painter.drawText(QRectF(box.left(), box.top() + 10.0, box.width(), bfm.height()),
                         Qt::AlignCenter, headline);
        painter.setPen(theme.mutedText);
        painter.setFont(small);
        painter.drawText(
            QRectF(box.left(), box.top() + 12.0 + bfm.height(), box.width(), sfm.height()),
            Qt::AlignCenter, detail);
    } else if (clip.kind == LineClip::Kind::Outside) {
        // An arrow at the edge of the view pointing towards the line.
        QPointF dir = tf.vectorToPixel(clip.towards);
        dir /= std::hypot(dir.x(), dir.y());
        const QRectF inner = area.adjusted(24.0, 24.0, -24.0, -24.0);
        const QPointF c = area.center();
        double t = 1e300;
        if (dir.x() > 1e-12)
            t = std::min(t, (inner.right() - c.x()) / dir.x());
        if (dir.x() < -1e-12)
            t = std::min(t, (inner.left() - c.x()) / dir.x());
        if (dir.y() > 1e-12)
            t = std::min(t, (inner.bottom() - c.y()) / dir.y());
        if (dir.y() < -1e-12)
            t = std::min(t, (inner.top() - c.y()) / dir.y());
        const QPointF tip = c + dir * t;
        const QPointF tail = tip - dir * 56.0;
        drawArrow(painter, tail, tip, theme.boundary, theme.arrowWidth + 0.5);
        const QString text = tr("boundary off view (%1 away)")
                                 .arg(QString::number(std::max(0.0, clip.distance), 'g', 3));
        const QFont f = theme.font(1.0, true);
        const QFontMetricsF ffm(f);
        const double w = ffm.horizontalAdvance(text);
        // Put the text beside the arrow's tail, inside the view.
        QPointF pos = tail - dir * 14.0 - QPointF(0.5 * w, -0.35 * ffm.height());
        pos.setX(std::clamp(pos.x(), area.left() + 8.0, area.right() - w - 8.0));
        pos.setY(std::clamp(pos.y(), area.top() + ffm.height() + 4.0, area.bottom() - 8.0));
        drawHaloText(painter, pos, text, f, theme.text, theme.plotBackground);
    }
    painter.restore(); // clip
    painter.restore();
}

} // namespace plab::ui
