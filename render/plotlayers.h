#pragma once

#include "render/plotlayer.h"

/// The plot's layers besides the points (pointlayer.h), bottom to top as PlotRenderer stacks
/// them. Each is stateless; the texts they draw are in the context plab::render::PlotRenderer.
namespace plab::render {

/// The plot area, shaded by the linear model's predicted class (the logistic rule: by the
/// probability sigma(w.x + b), a smooth gradient), or plain.
class ShadingLayer : public PlotLayer
{
public:
    void paint(PlotFrame& frame) override;
};

/// Grid lines at the major ticks, then the axes x1 = 0 and x2 = 0.
class GridLayer : public PlotLayer
{
public:
    void paint(PlotFrame& frame) override;
};

/// The linear model's lines: recent boundaries (the trail, older ones fainter), the boundary
/// before the update being shown (dashed), and the boundary, under the points so that points on
/// the line stay visible.
class BoundaryLayer : public PlotLayer
{
public:
    [[nodiscard]] bool shows(const PlotFrame& frame) const override;
    void paint(PlotFrame& frame) override;
};

/// The weight vector w, normal to the boundary, from the boundary's point closest to the view's
/// centre; while an update is shown, w before it, the update vector and w after it from the old
/// boundary (vector addition, tip to tail); and the note giving the scale they are drawn at.
class WeightVectorLayer : public PlotLayer
{
public:
    [[nodiscard]] bool shows(const PlotFrame& frame) const override;
    void paint(PlotFrame& frame) override;

    /// The scale of the arrows: 1 when |w| spans 10-45 % of the view's shorter side, otherwise
    /// the 1-2-5 factor that brings it nearest to 25 % (see PlotRenderer).
    [[nodiscard]] static double scale(const PlotScene& scene, const ViewTransform& transform);
};

/// The rubber band being dragged (not in presentations).
class RubberBandLayer : public PlotLayer
{
public:
    [[nodiscard]] bool shows(const PlotFrame& frame) const override;
    void paint(PlotFrame& frame) override;
};

/// The frame around the plot, tick marks and labels, the axis titles x1 and x2: outside the
/// plot area, so not clipped to it.
class AxesLayer : public PlotLayer
{
public:
    [[nodiscard]] bool clippedToPlot() const override { return false; }
    void paint(PlotFrame& frame) override;
};

/// The class legend: marker, class name and count; the active class marked while editing.
class LegendLayer : public PlotLayer
{
public:
    [[nodiscard]] bool shows(const PlotFrame& frame) const override;
    void paint(PlotFrame& frame) override;
};

/// The honest degenerate cases: "no boundary yet: w = 0", or an arrow towards a boundary
/// outside the view with its distance.
class MessageLayer : public PlotLayer
{
public:
    [[nodiscard]] bool shows(const PlotFrame& frame) const override;
    void paint(PlotFrame& frame) override;
};

} // namespace plab::render
