#pragma once

#include "render/plotlayer.h"

#include <QImage>

#include <array>
#include <cstdint>
#include <vector>

namespace plab::render {

/// The data points (each class its colour and shape, theme.h) and the rings that annotate them: the
/// glow and ring of the sample being processed, the points, the red rings of misclassified points
/// (a red dot on each where rings would merge), the hover ring.
///
/// On raster devices the points are drawn once into a cached image (marker sprites) that is
/// reused while only the model changes; the cache is keyed on the data pointer and revision, the
/// plot rectangle, the device pixel ratio, the theme and the selection. Vector devices (SVG, PDF,
/// printers, QPicture) and scenes with vectorPoints get true vector shapes.
class PointLayer : public PlotLayer
{
public:
    [[nodiscard]] bool shows(const PlotFrame& frame) const override;
    void paint(PlotFrame& frame) override;

    /// Turns the cached point image on or off (on by default). Off, every paint draws each point
    /// from sprites, which the benchmark uses to measure a cold frame.
    void setCachingEnabled(bool enabled);
    [[nodiscard]] bool cachingEnabled() const { return m_cachingEnabled; }
    /// Forgets the cached point image.
    void invalidateCache();

    /// The radius around a point's centre that its marker and rings can cover.
    [[nodiscard]] static double reach(const Theme& theme);

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
    static void drawPointsVector(QPainter& painter, const PlotScene& scene, const Theme& theme,
                                 const ViewTransform& transform);
    /// How many misclassified points in view share a cell of a ring's size, on average: from 2
    /// on their rings would merge (then each gets a dot instead).
    [[nodiscard]] static double errorDensity(const PlotScene& scene, const Theme& theme,
                                             const ViewTransform& transform);
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
    std::array<std::array<Sprite, 2>, learning::kMaxClasses> m_sprites;
    Sprite m_errorRing;
};

} // namespace plab::render
