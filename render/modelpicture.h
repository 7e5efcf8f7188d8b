#pragma once

#include "render/modelgeometry.h"
#include "render/plotlayer.h"

#include <QImage>
#include <QLineF>

#include <optional>
#include <vector>

namespace plab::render {

/// What the layers of a non-classic model draw (plotlayers.h: RegionLayer, UnitLinesLayer,
/// ModelBoundaryLayer, UnitLabelsLayer), computed once per model, view and size and shared by
/// them: one grid of decisions gives the regions and the boundary's contour.
struct ModelPicture
{
    /// A unit of the model's first layer, drawn as its zero set.
    struct Unit
    {
        /// Its line, when the model's features are (x1, x2).
        std::optional<learning::LinearModel> line;
        /// Its zero set otherwise: contour segments, world coordinates.
        std::vector<QLineF> curve;
    };
    enum class UnitKind
    {
        None,   ///< no unit lines (Kesler, two-class linear models, networks without hidden layers)
        Hidden, ///< a network's first hidden layer: h1 ... hk
        OneVsRest, ///< a one-vs-rest model's units: class k against the rest
    };

    SampleGrid grid;
    std::vector<learning::Decision> decisions;
    QImage regions;               ///< the class regions (null with the theme's shading off)
    std::vector<QLineF> boundary; ///< where the decided class changes, world coordinates
    std::vector<char> hatched;    ///< one-vs-rest: samples no unit or several units claim
    bool anyHatched = false;
    UnitKind unitKind = UnitKind::None;
    std::vector<Unit> units;
};

/// The cache of the ModelPicture of the frame being painted: recomputed when the model, the rule,
/// the multi-class scheme, the view, the plot's size in device pixels or the theme change.
class ModelPictures
{
public:
    /// The picture for \p frame (frame.hasModel and not frame.classic).
    const ModelPicture& of(const PlotFrame& frame);

    /// The grid's cell, in device pixels: fine enough that the contour looks smooth at projector
    /// size (the contour is interpolated within cells, the regions smoothed when scaled).
    static constexpr double kCellPixels = 3.0;
    /// The unit curves' cell (feature maps), in device pixels.
    static constexpr double kUnitCellPixels = 3.0;

private:
    struct Key
    {
        learning::Model model;
        learning::Rule rule = learning::Rule::Perceptron;
        learning::Multiclass multiclass = learning::Multiclass::Kesler;
        io::ViewBox view;
        int cols = 0;
        int rows = 0;
        Theme theme;
        bool operator==(const Key&) const = default;
    };
    std::optional<Key> m_key;
    ModelPicture m_picture;
};

} // namespace plab::render
