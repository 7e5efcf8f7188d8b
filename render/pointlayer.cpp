#include "render/pointlayer.h"

#include "render/paintkit.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace plab::render {

using namespace paintkit;

namespace {

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

/// The device-pixel top-left corner that centres \p sprite on \p c: sprites are blitted 1:1,
/// never resampled.
QPoint spriteCorner(const QPointF& c, double half, qreal dpr)
{
    return {int(std::lround((c.x() - half) * dpr)), int(std::lround((c.y() - half) * dpr))};
}

/// The theme's entry for the class of \p label (labels are 0 ... kMaxClasses-1; anything else,
/// which no reader lets in, is drawn as class 0).
std::size_t classIndex(int label)
{
    return label > 0 && label < learning::kMaxClasses ? std::size_t(label) : 0;
}

/// The radius of the glow under the sample being processed (its ring is drawn over the points).
double highlightRadius(const Theme& theme)
{
    return 0.5 * theme.markerSize + 8.0;
}

} // namespace

double PointLayer::reach(const Theme& theme)
{
    double r = std::max(errorRingRadius(theme), selectionRingRadius(theme)) + 1.0;
    for (MarkerShape shape : theme.classShapes)
        r = std::max(r, markerReach(shape, theme.markerSize) + theme.markerEdgeWidth);
    return r;
}

bool PointLayer::shows(const PlotFrame& frame) const
{
    return frame.hasData;
}

void PointLayer::paint(PlotFrame& frame)
{
    QPainter& painter = frame.painter;
    const PlotScene& scene = frame.scene;
    const Theme& theme = frame.theme;
    const ViewTransform& tf = frame.transform;
    const qreal dpr = frame.devicePixelRatio;

    // A soft glow under the sample being processed.
    const bool hasStepSample = scene.step && scene.step->index < scene.data->size();
    const double highlight = highlightRadius(theme);
    if (hasStepSample) {
        const QPointF c = tf.toPixel(scene.data->point(scene.step->index));
        painter.setPen(Qt::NoPen);
        painter.setBrush(withAlpha(theme.highlight, 70));
        painter.drawEllipse(c, highlight + 5.0, highlight + 5.0);
        frame.covered.addDisc(Coverage::Kind::Point, c, highlight + 1.5);
    }

    // Points, then the rings that annotate them.
    if (frame.vectorDevice)
        drawPointsVector(painter, scene, theme, tf);
    else
        drawPointsRaster(painter, scene, theme, tf, dpr);
    frame.covered.addPoints(*scene.data, tf, reach(theme));

    if (!frame.vectorDevice)
        ensureSprites(theme, dpr);
    drawErrorRings(painter, scene, theme, tf, dpr, frame.vectorDevice);

    if (hasStepSample) {
        const QPointF c = tf.toPixel(scene.data->point(scene.step->index));
        painter.setPen(QPen(theme.highlight, 3.0));
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(c, highlight, highlight);
    }

    if (!scene.presentation && scene.hovered && *scene.hovered < scene.data->size()) {
        const QPointF c = tf.toPixel(scene.data->point(*scene.hovered));
        const double r = 0.5 * theme.markerSize + 5.0;
        painter.setPen(QPen(withAlpha(theme.text, 160), 1.5));
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(c, r, r);
    }
}

void PointLayer::setCachingEnabled(bool enabled)
{
    m_cachingEnabled = enabled;
    if (!enabled)
        invalidateCache();
}

void PointLayer::invalidateCache()
{
    m_layerValid = false;
    m_layer = QImage();
    m_layerKey = LayerKey{};
    m_tiles.clear();
    m_tileColumns = 0;
}

void PointLayer::ensureSprites(const Theme& theme, qreal dpr)
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
    for (std::size_t cls = 0; cls < m_sprites.size(); ++cls) {
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

void PointLayer::rebuildLayer(const PlotScene& scene, const ViewTransform& tf, qreal dpr,
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
            m_sprites[classIndex(labels[i])][withSelection && scene.selected[i] ? 1 : 0];
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

void PointLayer::blitLayer(QPainter& painter, const QRectF& area) const
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

void PointLayer::drawPointsRaster(QPainter& painter, const PlotScene& scene, const Theme& theme,
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
                m_sprites[classIndex(data.label(i))][withSelection && scene.selected[i] ? 1 : 0];
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

double PointLayer::errorDensity(const PlotScene& scene, const Theme& theme, const ViewTransform& tf)
{
    // Rings merge where several fall into one cell of a ring's size: count the cells the
    // visible misclassified points occupy.
    const QRectF area = tf.pixelRect();
    const double cell = 2.0 * errorRingRadius(theme) + 2.0;
    const int columns = std::max(1, int(std::ceil(area.width() / cell)));
    const int rows = std::max(1, int(std::ceil(area.height() / cell)));
    std::vector<char> occupied(std::size_t(columns) * std::size_t(rows), 0);
    std::size_t points = 0;
    std::size_t cells = 0;
    for (std::size_t i : scene.misclassified) {
        if (i >= scene.data->size())
            continue;
        const QPointF c = tf.toPixel(scene.data->point(i)) - area.topLeft();
        if (!(c.x() >= 0.0 && c.x() < area.width() && c.y() >= 0.0 && c.y() < area.height()))
            continue;
        ++points;
        char& seen = occupied[std::size_t(int(c.y() / cell)) * std::size_t(columns) +
                              std::size_t(int(c.x() / cell))];
        cells += seen ? 0 : 1;
        seen = 1;
    }
    return cells > 0 ? double(points) / double(cells) : 0.0;
}

void PointLayer::drawErrorRings(QPainter& painter, const PlotScene& scene, const Theme& theme,
                                const ViewTransform& tf, qreal dpr, bool vector) const
{
    const QRectF visible = tf.pixelRect().adjusted(-12, -12, 12, 12);
    const double r = errorRingRadius(theme);
    // Too dense for rings (two or more to a ring's cell): a dot on every misclassified point,
    // smaller the denser they are, which leaves the points and the density readable while every
    // one is still marked.
    const double density = errorDensity(scene, theme, tf);
    const bool dots = density >= 2.0;
    const double cell = 2.0 * r + 2.0;
    const double dot =
        std::clamp(0.3 * cell / std::sqrt(std::max(1.0, density)), 1.2, errorDotRadius(theme));
    Sprite dotSprite;
    if (dots && !vector) {
        dotSprite.image = paintSprite(
            2.0 * dot + 4.0, dpr, [&](QPainter& p, QPointF c) { drawErrorDot(p, c, theme, dot); });
        dotSprite.half = 0.5 * dotSprite.image.width() / dpr;
    }
    const Sprite& sprite = dots ? dotSprite : m_errorRing;
    painter.setPen(QPen(theme.errorOutline, 2.0));
    painter.setBrush(Qt::NoBrush);
    for (std::size_t i : scene.misclassified) {
        if (i >= scene.data->size())
            continue;
        const QPointF c = tf.toPixel(scene.data->point(i));
        if (!visible.contains(c))
            continue;
        // Thousands of rings can change every frame while training: sprites on raster devices.
        if (!vector)
            painter.drawImage(QPointF(spriteCorner(c, sprite.half, dpr)) / dpr, sprite.image);
        else if (dots)
            drawErrorDot(painter, c, theme, dot);
        else {
            painter.setPen(QPen(theme.errorOutline, 2.0));
            painter.setBrush(Qt::NoBrush);
            painter.drawEllipse(c, r, r);
        }
    }
}

void PointLayer::drawPointsVector(QPainter& painter, const PlotScene& scene, const Theme& theme,
                                  const ViewTransform& tf)
{
    const learning::Dataset& data = *scene.data;
    const bool withSelection = !scene.presentation && scene.selected.size() == data.size();
    const double reach = 2.0 * theme.markerSize;
    const QRectF visible = tf.pixelRect().adjusted(-reach, -reach, reach, reach);
    for (std::size_t i = 0; i < data.size(); ++i) {
        const QPointF c = tf.toPixel(data.point(i));
        if (!visible.contains(c))
            continue;
        const std::size_t cls = classIndex(data.label(i));
        drawMarker(painter, theme.classShapes[cls], c, theme, theme.classColors[cls]);
        if (withSelection && scene.selected[i] != 0)
            drawSelectionRing(painter, c, theme);
    }
}

} // namespace plab::render
