#include "render/plotrenderer.h"

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

namespace plab::render {

namespace {

/// The translation context of this file's texts (lupdate reads the name from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(plab::render::PlotRenderer)
};

QColor withAlpha(QColor c, int alpha)
{
    c.setAlpha(std::clamp(alpha, 0, 255));
    return c;
}

/// \p over at opacity \p alpha (0..255) composited onto the opaque \p under.
QColor blend(const QColor& under, const QColor& over, int alpha)
{
    const int a = std::clamp(alpha, 0, 255);
    auto mix = [a](int u, int o) { return (u * (255 - a) + o * a + 127) / 255; };
    return QColor(mix(under.red(), over.red()), mix(under.green(), over.green()),
                  mix(under.blue(), over.blue()));
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

/// Half the extent of a marker around its centre (the triangle reaches furthest, upwards).
double markerReach(MarkerShape shape, double d)
{
    switch (shape) {
    case MarkerShape::Circle:
        return 0.5 * d;
    case MarkerShape::Triangle:
        return 0.66 * d;
    case MarkerShape::Square:
        return 0.44 * std::sqrt(2.0) * d;
    case MarkerShape::Diamond:
        return 0.62 * d;
    }
    return d;
}

double errorRingRadius(const Theme& theme)
{
    return 0.5 * theme.markerSize + 3.0;
}

/// \p image with \p draw(painter, centre) painted on a transparent square of \p logicalSize.
template <typename Draw>
QImage paintSprite(double logicalSize, qreal dpr, Draw draw)
{
    const int px = int(std::ceil(logicalSize * dpr));
    QImage image(px, px, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    draw(p, QPointF(0.5 * px / dpr, 0.5 * px / dpr));
    return image;
}

/// An arrow with a filled head./// An arrow with a filled head. With a valid \p halo, a thin
/// outline in that colour first, so the arrow stays readable on top of dense points.
void drawArrow(QPainter& p, const QPointF& from, const QPointF& to, const QColor& color,
               double width, const QColor& halo = QColor())
{
    const QLineF line(from, to);
    const double length = line.length();
    if (length < 1.0)
        return;
    const double head = std::min(4.0 * width + 4.0, 0.6 * length);
    const QPointF dir = (to - from) / length;
    const QPointF normal(-dir.y(), dir.x());
    const QPointF base = to - dir * head;
    const QPolygonF tip({to, base + normal * (0.45 * head), base - normal * (0.45 * head)});
    // Stop the shaft inside the head so a wide pen does not poke through its tip.
    const QPointF shaftEnd = to - dir * (0.6 * head);
    if (halo.isValid()) {
        const QColor h = withAlpha(halo, 200);
        p.setPen(QPen(h, width + 3.0, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin));
        p.setBrush(Qt::NoBrush);
        p.drawLine(from, shaftEnd);
        p.setPen(QPen(h, 3.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(h);
        p.drawPolygon(tip);
    }
    p.setPen(QPen(color, width, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin));
    p.setBrush(Qt::NoBrush);
    p.drawLine(from, shaftEnd);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawPolygon(tip);
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

/// Draws \p text next to \p anchor, pushed \p gap pixels along the unit vector \p away (plus half
/// the text's extent in that direction), so the label never sits on the arrow it names.
void drawLabelAway(QPainter& p, const QPointF& anchor, QPointF away, const QString& text,
                   const QFont& font, const QColor& color, const QColor& halo, double gap = 7.0)
{
    const double n = std::hypot(away.x(), away.y());
    away = n > 0.0 ? away / n : QPointF(1.0, 0.0);
    const QFontMetricsF fm(font);
    const double w = fm.horizontalAdvance(text);
    const double h = fm.ascent() + fm.descent();
    const double extent = 0.5 * (w * std::abs(away.x()) + h * std::abs(away.y()));
    const QPointF centre = anchor + away * (gap + extent);
    drawHaloText(p, QPointF(centre.x() - 0.5 * w, centre.y() + 0.5 * h - fm.descent()), text, font,
                 color, halo);
}

QPointF normalOf(const QPointF& from, const QPointF& to)
{
    return {-(to.y() - from.y()), to.x() - from.x()};
}

/// The normal of the segment that points away from \p centre.
QPointF outwardNormal(const QPointF& from, const QPointF& to, const QPointF& centre)
{
    const QPointF n = normalOf(from, to);
    const QPointF mid = 0.5 * (from + to);
    const QPointF d = mid - centre;
    return (n.x() * d.x() + n.y() * d.y()) >= 0.0 ? n : -n;
}

/// A number for the plot: 3 significant digits, typographic minus.
QString number(double v)
{
    QString text = QString::number(v, 'g', 3);
    if (text.startsWith(u'-'))
        text.replace(0, 1, QChar(0x2212));
    return text;
}

QSizeF messageSize(const Theme& theme, const QString& headline, const QString& detail)
{
    const QFontMetricsF big(theme.font(1.3, true));
    const QFontMetricsF small(theme.font(1.0));
    return {std::max(big.horizontalAdvance(headline), small.horizontalAdvance(detail)) + 32.0,
            big.height() + small.height() + 22.0};
}

/// A rounded card with a bold headline and a muted detail line.
void drawMessage(QPainter& p, const QRectF& box, const Theme& theme, const QString& headline,
                 const QString& detail)
{
    const QFont bigFont = theme.font(1.3, true);
    const QFont smallFont = theme.font(1.0);
    const QFontMetricsF big(bigFont);
    const QFontMetricsF small(smallFont);
    p.setPen(QPen(withAlpha(theme.frame, 220), 1.0));
    p.setBrush(withAlpha(theme.plotBackground, 238));
    p.drawRoundedRect(box, 8.0, 8.0);
    p.setPen(theme.text);
    p.setFont(bigFont);
    p.drawText(QRectF(box.left(), box.top() + 9.0, box.width(), big.height()), Qt::AlignCenter,
               headline);
    p.setPen(theme.mutedText);
    p.setFont(smallFont);
    p.drawText(QRectF(box.left(), box.top() + 11.0 + big.height(), box.width(), small.height()),
               Qt::AlignCenter, detail);
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

/// The 1-2-5 ladder value nearest to \p x (x > 0) on a log scale.
double nearestRung(double x)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(x)));
    const double m = x / magnitude;
    // Geometric midpoints between 1, 2, 5 and 10.
    const double rung =
        m < std::sqrt(2.0) ? 1.0 : (m < std::sqrt(10.0) ? 2.0 : (m < std::sqrt(50.0) ? 5.0 : 10.0));
    return rung * magnitude;
}

QString formatScale(double s)
{
    return QString::number(s, 'g', 6);
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

} // namespace

PlotRenderer::PlotRenderer() = default;

QRectF PlotRenderer::plotArea(const QRectF& target, const Theme& theme)
{
    // Fixed margins (not fitted to the current labels) so the plot does not shift while panning.
    // Measured once per font: the canvas asks for every mouse event.
    struct Margins
    {
        QString family; // the key is plain data: no QFont outliving the application
        double size = 0.0;
        double left = 0.0, top = 0.0, right = 0.0, bottom = 0.0;
    };
    thread_local Margins cached;
    const double size = theme.fontSize * theme.fontScale;
    if (cached.family != theme.fontFamily || cached.size != size) {
        const QFontMetricsF fm(theme.font());
        cached.family = theme.fontFamily;
        cached.size = size;
        cached.left = std::ceil(fm.horizontalAdvance(QStringLiteral("\u22120000.0")) + 14.0);
        cached.bottom = std::ceil(fm.height() + 12.0);
        cached.top = std::ceil(fm.height() + 8.0);
        cached.right = std::ceil(fm.horizontalAdvance(QStringLiteral("x\u2081")) + 16.0);
    }
    const double left = cached.left;
    const double top = cached.top;
    const double right = cached.right;
    const double bottom = cached.bottom;
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
    const io::ViewBox& v = transform.effectiveView();
    const double viewSize = std::min(v.xMax - v.xMin, v.yMax - v.yMin);
    if (!std::isfinite(length) || !(length > 0.0) || !(viewSize > 0.0))
        return 1.0;
    const double ratio = length / viewSize;
    if (ratio >= 0.10 && ratio <= 0.45)
        return 1.0;
    return nearestRung(0.25 * viewSize / length);
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
    m_tiles.clear();
    m_tileColumns = 0;
}

void PlotRenderer::ensureSprites(const Theme& theme, qreal dpr)
{
    if (m_spriteDpr == dpr && m_spriteTheme == theme)
        return;
    auto finish = [dpr](QImage image) {
        Sprite sprite;
        sprite.half = 0.5 * image.width() / dpr;
        sprite.image = std::move(image);
        return sprite;
    };
    const double edge = 2.0 * theme.markerEdgeWidth + 2.0;
    for (std::size_t cls = 0; cls < 2; ++cls) {
        const MarkerShape shape = theme.classShapes[cls];
        const QColor fill = theme.classColors[cls];
        // Unselected sprites are as small as the shape allows: fewer pixels to composite.
        const double plain = 2.0 * markerReach(shape, theme.markerSize) + edge;
        m_sprites[cls][0] = finish(paintSprite(
            plain, dpr, [&](QPainter& p, QPointF c) { drawMarker(p, shape, c, theme, fill); }));
        const double ringed = std::max(plain, 2.0 * selectionRingRadius(theme) + 4.0);
        m_sprites[cls][1] = finish(paintSprite(ringed, dpr, [&](QPainter& p, QPointF c) {
            drawMarker(p, shape, c, theme, fill);
            drawSelectionRing(p, c, theme);
        }));
    }
    m_errorRing =
        finish(paintSprite(2.0 * errorRingRadius(theme) + 4.0, dpr, [&](QPainter& p, QPointF c) {
            p.setPen(QPen(theme.errorOutline, 2.0));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(c, errorRingRadius(theme), errorRingRadius(theme));
        }));
    m_spriteTheme = theme;
    m_spriteDpr = dpr;
}

namespace {

/// The device-pixel top-left corner that centres \p sprite on \p c: sprites are blitted 1:1,
/// never resampled.
QPoint spriteCorner(const QPointF& c, double half, qreal dpr)
{
    return {int(std::lround((c.x() - half) * dpr)), int(std::lround((c.y() - half) * dpr))};
}

} // namespace

void PlotRenderer::rebuildLayer(const PlotScene& scene, const ViewTransform& tf, qreal dpr,
                                bool withSelection)
{
    const learning::Dataset& data = *scene.data;
    const QRectF area = tf.pixelRect();
    const QSize size(int(std::ceil(area.width() * dpr)), int(std::ceil(area.height() * dpr)));
    if (m_layer.size() != size)
        m_layer = QImage(size, QImage::Format_ARGB32_Premultiplied);
    m_layer.setDevicePixelRatio(dpr);
    m_layer.fill(Qt::transparent);
    constexpr int tile = 64;
    m_tileColumns = (size.width() + tile - 1) / tile;
    const int tileRows = (size.height() + tile - 1) / tile;
    m_tiles.assign(std::size_t(m_tileColumns * tileRows), 0);

    const int width = size.width();
    const int height = size.height();
    const std::vector<double>& xy = data.coordinates();
    const std::vector<int>& labels = data.labels();
    QPainter p(&m_layer);
    for (std::size_t i = 0; i < data.size(); ++i) {
        const Sprite& sprite =
            m_sprites[labels[i] == 1 ? 1 : 0][withSelection && scene.selected[i] ? 1 : 0];
        const QPointF c = tf.toPixel(xy[2 * i], xy[2 * i + 1]) - area.topLeft();
        if (!std::isfinite(c.x()) || !std::isfinite(c.y()) || std::abs(c.x()) > 1e7 ||
            std::abs(c.y()) > 1e7)
            continue;
        const QPoint corner = spriteCorner(c, sprite.half, dpr);
        const int w = sprite.image.width();
        const int h = sprite.image.height();
        if (corner.x() >= width || corner.y() >= height || corner.x() + w <= 0 ||
            corner.y() + h <= 0)
            continue;
        // An unscaled, untransformed drawImage is Qt's SIMD blend (measured twice as fast as a
        // hand-written span loop here).
        p.drawImage(QPointF(corner) / dpr, sprite.image);
        const int tx0 = std::max(0, corner.x()) / tile;
        const int tx1 = std::min(width - 1, corner.x() + w - 1) / tile;
        const int ty0 = std::max(0, corner.y()) / tile;
        const int ty1 = std::min(height - 1, corner.y() + h - 1) / tile;
        for (int ty = ty0; ty <= ty1; ++ty)
            for (int tx = tx0; tx <= tx1; ++tx)
                m_tiles[std::size_t(ty * m_tileColumns + tx)] = 1;
    }
}

void PlotRenderer::blitLayer(QPainter& painter, const QRectF& area) const
{
    // Composite only the runs of tiles that hold points; a sparse plot then costs almost
    // nothing beyond its points.
    constexpr int tile = 64;
    const qreal dpr = m_layer.devicePixelRatio();
    const int rows = m_tileColumns > 0 ? int(m_tiles.size()) / m_tileColumns : 0;
    for (int ty = 0; ty < rows; ++ty) {
        int tx = 0;
        while (tx < m_tileColumns) {
            if (!m_tiles[std::size_t(ty * m_tileColumns + tx)]) {
                ++tx;
                continue;
            }
            const int begin = tx;
            while (tx < m_tileColumns && m_tiles[std::size_t(ty * m_tileColumns + tx)])
                ++tx;
            const QRect source = QRect(begin * tile, ty * tile, (tx - begin) * tile, tile)
                                     .intersected(m_layer.rect());
            painter.drawImage(area.topLeft() + QPointF(source.topLeft()) / dpr, m_layer, source);
        }
    }
}

void PlotRenderer::drawPointsRaster(QPainter& painter, const PlotScene& scene, const Theme& theme,
                                    const ViewTransform& tf, qreal dpr)
{
    const learning::Dataset& data = *scene.data;
    ensureSprites(theme, dpr);
    const bool withSelection = !scene.presentation && scene.selected.size() == data.size();

    if (!m_cachingEnabled || scene.dataRevision == 0) {
        const QRectF visible = tf.pixelRect().adjusted(-20, -20, 20, 20);
        for (std::size_t i = 0; i < data.size(); ++i) {
            const QPointF c = tf.toPixel(data.point(i));
            if (!visible.contains(c))
                continue;
            const Sprite& sprite =
                m_sprites[data.label(i) == 1 ? 1 : 0][withSelection && scene.selected[i] ? 1 : 0];
            painter.drawImage(QPointF(spriteCorner(c, sprite.half, dpr)) / dpr, sprite.image);
        }
        return;
    }
    LayerKey key{&data, scene.dataRevision,
                 tf,    dpr,
                 theme, withSelection ? scene.selected : std::vector<char>{}};
    if (!m_layerValid || !(key == m_layerKey)) {
        rebuildLayer(scene, tf, dpr, withSelection);
        m_layerKey = std::move(key);
        m_layerValid = true;
    }
    blitLayer(painter, tf.pixelRect());
}

void PlotRenderer::drawErrorRings(QPainter& painter, const PlotScene& scene, const Theme& theme,
                                  const ViewTransform& tf, qreal dpr, bool vector) const
{
    const QRectF visible = tf.pixelRect().adjusted(-12, -12, 12, 12);
    const double r = errorRingRadius(theme);
    painter.setPen(QPen(theme.errorOutline, 2.0));
    painter.setBrush(Qt::NoBrush);
    for (std::size_t i : scene.misclassified) {
        if (i >= scene.data->size())
            continue;
        const QPointF c = tf.toPixel(scene.data->point(i));
        if (!visible.contains(c))
            continue;
        // Thousands of rings can change every frame while training: sprites on raster devices.
        if (vector)
            painter.drawEllipse(c, r, r);
        else
            painter.drawImage(QPointF(spriteCorner(c, m_errorRing.half, dpr)) / dpr,
                              m_errorRing.image);
    }
}

void PlotRenderer::drawPointsVector(QPainter& painter, const PlotScene& scene, const Theme& theme,
                                    const ViewTransform& tf) const
{
    const learning::Dataset& data = *scene.data;
    const bool withSelection = !scene.presentation && scene.selected.size() == data.size();
    const double reach = 2.0 * theme.markerSize;
    const QRectF visible = tf.pixelRect().adjusted(-reach, -reach, reach, reach);
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
    const io::ViewBox& v = tf.effectiveView();
    const QFont font = theme.font();
    const QFontMetricsF fm(font);
    const bool vectorDevice = scene.vectorPoints || isVectorDevice(painter);
    const qreal dpr = painter.device() ? painter.device()->devicePixelRatio() : 1.0;
    const bool hasData = scene.data && !scene.data->empty();
    const bool hasModel = scene.hasModel && scene.model.isFinite();
    const bool hasLine = hasModel && !scene.model.hasNoBoundary();
    const LineClip clip = hasLine ? clipBoundary(scene.model, v) : LineClip{};

    // The margins, then the plot area: every pixel is filled once, opaque (fast on raster
    // devices, and no transparency groups in PDF/SVG).
    painter.fillRect(QRectF(target.left(), target.top(), target.width(), area.top() - target.top()),
                     theme.background);
    painter.fillRect(
        QRectF(target.left(), area.bottom(), target.width(), target.bottom() - area.bottom()),
        theme.background);
    painter.fillRect(QRectF(target.left(), area.top(), area.left() - target.left(), area.height()),
                     theme.background);
    painter.fillRect(QRectF(area.right(), area.top(), target.right() - area.right(), area.height()),
                     theme.background);

    painter.save();
    painter.setClipRect(area);

    // The plot area, shaded by predicted class (logistic: by probability). The tints are
    // pre-blended onto the plot background, so the shading is opaque.
    auto tint = [&](std::size_t cls, double strength) {
        return blend(theme.plotBackground, theme.classColors[cls],
                     int(std::lround(theme.shadingAlpha * std::clamp(strength, 0.0, 1.0))));
    };
    bool shaded = false;
    if (hasModel && theme.shading) {
        if (scene.rule == learning::Rule::Logistic && !hasLine) {
            const double p1 = sigmoid(scene.model.b);
            painter.fillRect(area, tint(p1 >= 0.5 ? 1 : 0, std::abs(2 * p1 - 1)));
            shaded = true;
        } else if (scene.rule == learning::Rule::Logistic) {
            // p = sigmoid(net) and net is affine in pixels, so the shading is a linear gradient
            // along the pixel-space gradient of net: exact, and one fill.
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
                    gradient.setColorAt(t, tint(p1 > 0.5 ? 1 : 0, std::abs(2 * p1 - 1)));
                }
                gradient.setSpread(QGradient::PadSpread);
                painter.fillRect(area, gradient);
                shaded = true;
            }
        }
        if (!shaded && !hasLine) {
            const std::optional<int> cls = constantClass(scene);
            painter.fillRect(area, cls ? tint(std::size_t(*cls), 1.0) : theme.plotBackground);
            shaded = true;
        } else if (!shaded) {
            painter.fillRect(area, tint(0, 1.0));
            QPolygonF poly;
            for (const Eigen::Vector2d& corner : halfPlaneInBox(scene.model, v, +1))
                poly << tf.toPixel(corner);
            painter.setPen(Qt::NoPen);
            painter.setBrush(tint(1, 1.0));
            // The boundary and its halo cover this edge, so antialiasing would only cost time
            // (an antialiased fill of half the plot is the most expensive call in a frame).
            painter.setRenderHint(QPainter::Antialiasing, false);
            painter.drawPolygon(poly);
            painter.setRenderHint(QPainter::Antialiasing, true);
            shaded = true;
        }
    }
    if (!shaded)
        painter.fillRect(area, theme.plotBackground);

    // Grid at the major ticks, then the axes x1 = 0 and x2 = 0.
    const int xTarget = std::clamp(
        int(area.width() / (fm.horizontalAdvance(QStringLiteral("\u22120.00")) + 48.0)), 2, 14);
    const int yTarget = std::clamp(int(area.height() / (fm.height() * 3.6)), 2, 12);
    const Ticks xTicks = niceTicks(v.xMin, v.xMax, xTarget);
    const Ticks yTicks = niceTicks(v.yMin, v.yMax, yTarget);
    // Axis-parallel hairlines as filled rectangles on whole pixels: crisp, and several times
    // cheaper than antialiased strokes on a raster device.
    auto vline = [&](double x, double top, double bottom, double width, const QColor& c) {
        const double left = std::floor(x - 0.5 * width + 0.5);
        painter.fillRect(QRectF(left, top, std::max(1.0, std::round(width)), bottom - top), c);
    };
    auto hline = [&](double y, double left, double right, double width, const QColor& c) {
        const double top = std::floor(y - 0.5 * width + 0.5);
        painter.fillRect(QRectF(left, top, right - left, std::max(1.0, std::round(width))), c);
    };
    for (double x : xTicks.values)
        vline(tf.toPixel(x, 0.0).x(), area.top(), area.bottom(), theme.gridWidth, theme.grid);
    for (double y : yTicks.values)
        hline(tf.toPixel(0.0, y).y(), area.left(), area.right(), theme.gridWidth, theme.grid);
    if (v.xMin <= 0.0 && 0.0 <= v.xMax)
        vline(tf.toPixel(0.0, 0.0).x(), area.top(), area.bottom(), theme.gridWidth, theme.zeroAxis);
    if (v.yMin <= 0.0 && 0.0 <= v.yMax)
        hline(tf.toPixel(0.0, 0.0).y(), area.left(), area.right(), theme.gridWidth, theme.zeroAxis);

    // Trail: older boundaries fainter.
    for (std::size_t i = 0; i < scene.trail.size(); ++i) {
        if (const std::optional<QLineF> line = boundaryPixels(scene.trail[i], tf)) {
            const double age = double(i + 1) / double(scene.trail.size() + 1);
            painter.setPen(
                QPen(withAlpha(theme.trail, int(25 + 110 * age)), 1.0, Qt::SolidLine, Qt::FlatCap));
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
                            Qt::SolidLine, Qt::FlatCap));
        painter.drawLine(*boundaryLine);
        painter.setPen(QPen(theme.boundary, theme.boundaryWidth, Qt::SolidLine, Qt::FlatCap));
        painter.drawLine(*boundaryLine);
    }

    // A soft glow under the sample being processed (its ring is drawn over the points).
    const bool hasStepSample = hasData && scene.step && scene.step->index < scene.data->size();
    const double highlightRadius = 0.5 * theme.markerSize + 8.0;
    if (hasStepSample) {
        const QPointF c = tf.toPixel(scene.data->point(scene.step->index));
        painter.setPen(Qt::NoPen);
        painter.setBrush(withAlpha(theme.highlight, 70));
        painter.drawEllipse(c, highlightRadius + 5.0, highlightRadius + 5.0);
    }

    // Points, then the rings that annotate them.
    if (hasData) {
        if (vectorDevice)
            drawPointsVector(painter, scene, theme, tf);
        else
            drawPointsRaster(painter, scene, theme, tf, dpr);

        if (!vectorDevice)
            ensureSprites(theme, dpr);
        drawErrorRings(painter, scene, theme, tf, dpr, vectorDevice);

        if (hasStepSample) {
            const QPointF c = tf.toPixel(scene.data->point(scene.step->index));
            painter.setPen(QPen(theme.highlight, 3.0));
            painter.setBrush(Qt::NoBrush);
            painter.drawEllipse(c, highlightRadius, highlightRadius);
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
                drawArrow(painter, a, tipOld, theme.ghost, 0.8 * theme.arrowWidth,
                          theme.plotBackground);
                drawArrow(painter, tipOld, tipSum, theme.updateArrow, theme.arrowWidth,
                          theme.plotBackground);
                drawArrow(painter, a, tipNew, theme.weightArrow, theme.arrowWidth,
                          theme.plotBackground);
                // Each label beside the middle of its arrow, outside the triangle.
                const QPointF centroid = (a + tipOld + tipSum) / 3.0;
                drawLabelAway(painter, 0.5 * (a + tipOld), outwardNormal(a, tipOld, centroid),
                              QStringLiteral("w"), labelFont, theme.ghost, theme.plotBackground);
                drawLabelAway(painter, 0.5 * (tipOld + tipSum),
                              outwardNormal(tipOld, tipSum, centroid), QStringLiteral("\u0394w"),
                              labelFont, theme.updateArrow, theme.plotBackground);
                drawLabelAway(painter, 0.5 * (a + tipNew), outwardNormal(a, tipNew, centroid),
                              QStringLiteral("w + \u0394w"), labelFont, theme.weightArrow,
                              theme.plotBackground);
            } else if (!scene.model.hasNoBoundary()) {
                drawArrow(painter, a, tipNew, theme.weightArrow, theme.arrowWidth,
                          theme.plotBackground);
                // The first update from w = 0: the new w is the update itself.
                const QString name =
                    showUpdate ? QStringLiteral("w = \u0394w") : QStringLiteral("w");
                drawLabelAway(painter, tipNew, tipNew - a, name, labelFont, theme.weightArrow,
                              theme.plotBackground, 5.0);
            }
            // The anchor: a small dot on the line.
            painter.setPen(QPen(theme.plotBackground, 1.5));
            painter.setBrush(theme.weightArrow);
            painter.drawEllipse(a, 3.0, 3.0);
            if (s != 1.0) {
                const QString note = Text::tr("vectors drawn \u00d7%1").arg(formatScale(s));
                const QFont small = theme.font(0.9);
                const QFontMetricsF sfm(small);
                drawHaloText(painter,
                             QPointF(area.right() - sfm.horizontalAdvance(note) - 10,
                                     area.top() + 10 + sfm.ascent()),
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
    hline(area.top() + 0.5, area.left(), area.right(), 1.0, theme.frame);
    hline(area.bottom() - 0.5, area.left(), area.right(), 1.0, theme.frame);
    vline(area.left() + 0.5, area.top(), area.bottom(), 1.0, theme.frame);
    vline(area.right() - 0.5, area.top(), area.bottom(), 1.0, theme.frame);
    painter.setFont(font);
    const double tick = 5.0;
    double lastRight = -1e300;
    for (double x : xTicks.values) {
        const double px = tf.toPixel(x, 0.0).x();
        vline(px, area.bottom(), area.bottom() + tick, 1.0, theme.frame);
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
        const double py = tf.toPixel(0.0, y).y();
        hline(py, area.left() - tick, area.left(), 1.0, theme.frame);
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
            texts[cls] = Text::tr("class %1  (%2)").arg(cls).arg(scene.data->count(cls));
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
        const QString detail =
            Text::tr("w\u00b7x + b = %1 for every point").arg(number(scene.model.b));
        const QSizeF size = messageSize(theme, Text::tr("no boundary yet: w = 0"), detail);
        drawMessage(painter,
                    QRectF(area.center() - QPointF(0.5 * size.width(), 0.5 * size.height()), size),
                    theme, Text::tr("no boundary yet: w = 0"), detail);
    } else if (clip.kind == LineClip::Kind::Outside) {
        // An arrow at the edge of the view pointing towards the line, and a note beside it.
        QPointF dir = tf.vectorToPixel(clip.towards);
        dir /= std::hypot(dir.x(), dir.y());
        const QRectF inner = area.adjusted(18.0, 18.0, -18.0, -18.0);
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
        const QPointF tail = tip - dir * std::min(72.0, 0.8 * t);
        drawArrow(painter, tail, tip, theme.boundary, theme.arrowWidth + 1.0, theme.plotBackground);
        const QString headline = Text::tr("boundary outside the view");
        const QString detail =
            Text::tr("%1 from the centre, this way").arg(number(std::max(0.0, clip.distance)));
        const QSizeF size = messageSize(theme, headline, detail);
        const double extent =
            0.5 * (size.width() * std::abs(dir.x()) + size.height() * std::abs(dir.y()));
        QPointF centre = tail - dir * (10.0 + extent);
        centre.setX(std::clamp(centre.x(), area.left() + 0.5 * size.width() + 8.0,
                               area.right() - 0.5 * size.width() - 8.0));
        centre.setY(std::clamp(centre.y(), area.top() + 0.5 * size.height() + 8.0,
                               area.bottom() - 0.5 * size.height() - 8.0));
        drawMessage(painter,
                    QRectF(centre - QPointF(0.5 * size.width(), 0.5 * size.height()), size), theme,
                    headline, detail);
    }
    painter.restore(); // clip
    painter.restore();
}

} // namespace plab::render
