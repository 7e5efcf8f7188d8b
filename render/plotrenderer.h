#pragma once

#include "render/plotscene.h"
#include "render/theme.h"
#include "render/viewtransform.h"

#include <QImage>
#include <QRectF>

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

class QPainter;

namespace plab::render {

/// Paints a PlotScene onto any QPainter: the canvas's paintEvent and every export (QImage for PNG,
/// QSvgGenerator for SVG, QPdfWriter for PDF) call the same paint(), so what is exported is what
/// is shown.
///
/// Layers, bottom to top: background, half-plane shading (hard class; for the logistic rule the
/// probability sigma(w.x + b) as a smooth gradient), grid and zero axes, trail, ghost boundary,
/// points, misclassified rings, current boundary, weight vector w and update vector, highlight of
/// the current sample, selection chrome, frame with ticks and labels, legend, messages.
///
/// The weight vector is drawn from the point of the boundary closest to the centre of the view, at
/// a right angle to the boundary, pointing to the class-1 side: the anchor stays on screen whatever
/// the bias, where an arrow from the origin would often start off the view or far from the line.
/// Its length is |w| world units when that spans 10-45 % of the view's shorter side, otherwise |w|
/// times the 1-2-5 factor that brings it nearest to 25 %; a note in the corner gives the factor
/// when it is not 1. While a step with an update is shown, w before the update,
/// the update vector and w after it are drawn from the same point (vector addition, tip to tail).
///
/// On raster devices the points are drawn once into a cached image (marker sprites) that is
/// reused while only the model changes; the cache is keyed on the data pointer and revision, the
/// plot rectangle, the device pixel ratio, the theme and the selection. Vector devices (SVG, PDF,
/// printers, QPicture) and scenes with vectorPoints get true vector shapes.
class PlotRenderer
{
public:
    PlotRenderer();

    /// Paints \p scene into \p target. Leaves the painter's state as it found it.
    void paint(QPainter& painter, const QRectF& target, const PlotScene& scene, const Theme& theme);

    /// The rectangle inside \p target where the data is plotted (target minus the margins for tick
    /// labels). Map clicks with ViewTransform(scene.view, plotArea(...), scene.aspect).
    [[nodiscard]] static QRectF plotArea(const QRectF& target, const Theme& theme);
    /// The transform paint() uses for \p scene in \p target.
    [[nodiscard]] static ViewTransform transformFor(const QRectF& target, const PlotScene& scene,
                                                    const Theme& theme);

    /// The scale applied to w and the update vector (see the class documentation).
    [[nodiscard]] static double arrowScale(const PlotScene& scene, const ViewTransform& transform);

    /// Turns the cached point layer on or off (on by default). Off, every paint draws each point
    /// from sprites, which the benchmark uses to measure a cold frame.
    void setCachingEnabled(bool enabled);
    [[nodiscard]] bool cachingEnabled() const { return m_cachingEnabled; }
    /// Forgets the cached point layer.
    void invalidateCache();

private:
    /// A pre-rendered marker.
    struct Sprite
    {
        QImage image;      ///< premultiplied ARGB at the device pixel ratio
        double half = 0.0; ///< half the logical size: the marker's centre
    };
    struct LayerKey
    {
        const learning::Dataset* data = nullptr;
        std::uint64_t revision = 0;
        ViewTransform transform;
        qreal dpr = 1.0;
        Theme theme;
        std::vector<char> selected;
        bool operator==(const LayerKey&) const = default;
    };

    void ensureSprites(const Theme& theme, qreal dpr);
    void drawPointsRaster(QPainter& painter, const PlotScene& scene, const Theme& theme,
                          const ViewTransform& transform, qreal dpr);
    void drawPointsVector(QPainter& painter, const PlotScene& scene, const Theme& theme,
                          const ViewTransform& transform) const;
    void drawErrorRings(QPainter& painter, const PlotScene& scene, const Theme& theme,
                        const ViewTransform& transform, qreal dpr, bool vector) const;
    void rebuildLayer(const PlotScene& scene, const ViewTransform& transform, qreal dpr,
                      bool withSelection);
    void blitLayer(QPainter& painter, const QRectF& area) const;

    bool m_cachingEnabled = true;
    bool m_layerValid = false;
    LayerKey m_layerKey;
    QImage m_layer;
    /// Which 64 x 64 device-pixel tiles of the layer hold any point: only those are composited.
    std::vector<char> m_tiles;
    int m_tileColumns = 0;

    // Sprites: [class][selected] markers and the misclassified ring, at the device pixel ratio.
    Theme m_spriteTheme;
    qreal m_spriteDpr = 0.0;
    std::array<std::array<Sprite, 2>, 2> m_sprites;
    Sprite m_errorRing;
};

} // namespace plab::render
