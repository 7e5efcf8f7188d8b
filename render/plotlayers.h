#pragma once

#include "render/plotlayer.h"

#include <memory>

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

class ModelPictures;

/// Any model but the classic one (PlotFrame::classic): the plot area shaded by the decided class
/// (Model::decideGrid on a grid of 3 x 3 device pixels, modelgeometry.h). Networks and the
/// logistic rule as a heat map, the tint fading from full where the model is sure to nothing at a
/// tie; the perceptron family and Adaline in flat tints, their confidence not being a
/// probability. A one-vs-rest model's points that no unit or several units claim are hatched.
/// Nothing with the theme's shading off. Shares its ModelPictures with the layers below.
class RegionLayer : public PlotLayer
{
public:
    explicit RegionLayer(std::shared_ptr<ModelPictures> pictures);
    [[nodiscard]] bool shows(const PlotFrame& frame) const override;
    void paint(PlotFrame& frame) override;

private:
    std::shared_ptr<ModelPictures> m_pictures;
};

/// Any model but the classic one: the zero set of each unit of the first layer, thin and dashed:
/// a network's hidden units (lines w_j . x + b_j = 0 on (x1, x2), curves with feature maps), a
/// one-vs-rest model's units in their classes' colours. Under the boundary.
class UnitLinesLayer : public PlotLayer
{
public:
    explicit UnitLinesLayer(std::shared_ptr<ModelPictures> pictures);
    [[nodiscard]] bool shows(const PlotFrame& frame) const override;
    void paint(PlotFrame& frame) override;

private:
    std::shared_ptr<ModelPictures> m_pictures;
};

/// Any model but the classic one: the decision boundary, the contour where the decided class
/// changes, in the boundary's colour over a halo, under the points.
class ModelBoundaryLayer : public PlotLayer
{
public:
    explicit ModelBoundaryLayer(std::shared_ptr<ModelPictures> pictures);
    [[nodiscard]] bool shows(const PlotFrame& frame) const override;
    void paint(PlotFrame& frame) override;

private:
    std::shared_ptr<ModelPictures> m_pictures;
};

/// Over the points: the units' labels (h1 ... hk, "k vs rest") where they hide least, the hidden
/// units' weight vectors when the scene asks (PlotScene::showHiddenArrows), and the note saying
/// what the hatching means.
class UnitLabelsLayer : public PlotLayer
{
public:
    explicit UnitLabelsLayer(std::shared_ptr<ModelPictures> pictures);
    [[nodiscard]] bool shows(const PlotFrame& frame) const override;
    void paint(PlotFrame& frame) override;

private:
    std::shared_ptr<ModelPictures> m_pictures;
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
/// Each arrow's label stands beside it where it hides no point; where some label has no such
/// place (dense data), all of them go into a key of the arrows' colours in a free corner.
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
