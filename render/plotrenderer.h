#pragma once

#include "render/plotlayer.h"
#include "render/plotscene.h"
#include "render/theme.h"
#include "render/viewtransform.h"

#include <QRectF>
#include <QSizeF>

#include <memory>
#include <vector>

class QPainter;

namespace plab::render {

class PointLayer;

/// Paints a PlotScene onto any QPainter: the canvas's paintEvent and every export (QImage for PNG,
/// QSvgGenerator for SVG, QPdfWriter for PDF) call the same paint(), so what is exported is what
/// is shown.
///
/// A picture is a stack of layers (PlotLayer), painted bottom to top into one shared PlotFrame
/// (painter, target, plot area, transform, theme, scene), each reporting what it covers:
///
/// | layer | paints |
/// |---|---|
/// | (the renderer) | the margins around the plot area |
/// | ShadingLayer | the plot area, shaded by predicted class (logistic: by probability) |
/// | GridLayer | grid lines at the ticks, the axes x1 = 0 and x2 = 0 |
/// | BoundaryLayer | trail, the boundary before the update shown (dashed), the boundary |
/// | PointLayer | glow of the current sample, points, misclassified rings, highlight, hover |
/// | WeightVectorLayer | w and the update vector, their labels, the scale note |
/// | RubberBandLayer | the selection being dragged |
/// | AxesLayer | frame, ticks and labels, axis titles (outside the plot area) |
/// | MessageLayer | "no boundary yet", or an arrow towards a boundary outside the view |
/// | LegendLayer | the classes with their counts |
///
/// Texts over the plot (the labels of the arrows, the scale note, the message, the legend) are
/// placed by placeAnnotation(): of a few candidate places (beside the arrow on either side,
/// beyond its tip; the corners and edges of the plot) the first that hides least of what the
/// layers below reported, points first, then arrows, texts and lines, and never cut off by the
/// plot's edge where a place inside it is free. A message that finds no free place takes a
/// smaller form (its headline alone) when that hides less.
///
/// The weight vector is drawn from the point of the boundary closest to the centre of the view, at
/// a right angle to the boundary, pointing to the class-1 side: the anchor stays on screen whatever
/// the bias, where an arrow from the origin would often start off the view or far from the line.
/// Its length is |w| world units when that spans 10-45 % of the view's shorter side, otherwise |w|
/// times the 1-2-5 factor that brings it nearest to 25 %; a note in the corner gives the factor
/// when it is not 1. While a step with an update is shown, w before the update,
/// the update vector and w after it are drawn from the same point (vector addition, tip to tail).
///
/// On raster devices the points come from a cached image (see PointLayer), so a renderer is
/// worth keeping from frame to frame; it is not thread-safe.
class PlotRenderer
{
public:
    PlotRenderer();
    ~PlotRenderer();
    PlotRenderer(PlotRenderer&&) noexcept;
    PlotRenderer& operator=(PlotRenderer&&) noexcept;

    /// Paints \p scene into \p target. Leaves the painter's state as it found it.
    void paint(QPainter& painter, const QRectF& target, const PlotScene& scene, const Theme& theme);

    /// The rectangle inside \p target where the data is plotted (target minus the margins for tick
    /// labels) at the scene's \p scale. Map clicks with transformFor().
    [[nodiscard]] static QRectF plotArea(const QRectF& target, const Theme& theme,
                                         double scale = 1.0);
    /// The transform paint() uses for \p scene in \p target.
    [[nodiscard]] static ViewTransform transformFor(const QRectF& target, const PlotScene& scene,
                                                    const Theme& theme);

    /// The PlotScene::scale for a page of \p logical pixels: how much larger it is than the
    /// reference canvas of 1280 x 720 (the smaller of the two ratios), from 1 to 4. The same for
    /// every format; a storyboard passes its whole page, so its panels grow with it.
    [[nodiscard]] static double scaleFor(const QSizeF& logical);

    /// The scale applied to w and the update vector (see the class documentation).
    [[nodiscard]] static double arrowScale(const PlotScene& scene, const ViewTransform& transform);

    /// Turns the cached point layer on or off (on by default). Off, every paint draws each point
    /// from sprites, which the benchmark uses to measure a cold frame.
    void setCachingEnabled(bool enabled);
    [[nodiscard]] bool cachingEnabled() const;
    /// Forgets the cached point layer.
    void invalidateCache();

    /// Puts \p layer on top of the others (annotations placed where the layers below leave room).
    void addLayer(std::unique_ptr<PlotLayer> layer);

private:
    std::vector<std::unique_ptr<PlotLayer>> m_layers;
    PointLayer* m_points = nullptr; ///< one of m_layers
};

} // namespace plab::render
