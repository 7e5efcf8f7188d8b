#pragma once

#include "io/project.h"
#include "learning/linearmodel.h"
#include "learning/model.h"
#include "learning/settings.h"

#include <QColor>
#include <QImage>
#include <QLineF>

#include <optional>
#include <span>
#include <vector>

/// \file
/// The geometry of any model in the plane, for the layers that draw the models the classic
/// layers do not (plotlayers.h: RegionLayer, ModelBoundaryLayer, UnitLinesLayer): the model's
/// decisions on a grid of samples, the picture of its class regions, the contours where its class
/// or a unit's net changes sign, the hidden units' lines and the points one-vs-rest leaves
/// unclaimed or claimed twice. Pure functions of the model and the view, tested on their own.

namespace plab::render {

/// Samples at the centres of a cols x rows grid of equal cells over a view: column c at
/// xs[c] = xMin + (c + 1/2) (xMax - xMin) / cols, row r at ys[r] = yMax - (r + 1/2) (yMax - yMin)
/// / rows, so row 0 is the top row, as in an image of the view.
struct SampleGrid
{
    io::ViewBox view;
    int cols = 0;
    int rows = 0;
    std::vector<double> xs;
    std::vector<double> ys;

    [[nodiscard]] std::size_t size() const { return std::size_t(cols) * std::size_t(rows); }
    [[nodiscard]] Eigen::Vector2d at(int col, int row) const { return {xs[col], ys[row]}; }
};

/// The grid of \p cols x \p rows cells (each at least 1) over \p view.
[[nodiscard]] SampleGrid sampleGrid(const io::ViewBox& view, int cols, int rows);

/// The model's decision at every sample, row by row (Model::decideGrid: exact for linear models,
/// the fast grid with its stated accuracy for networks).
[[nodiscard]] std::vector<learning::Decision> decideOn(const learning::Model& model,
                                                       const SampleGrid& grid);

/// How the class regions show the confidence.
enum class RegionStyle
{
    /// Each class's tint at full strength: the perceptron family and Adaline, whose "confidence"
    /// is only the softmax of scores that are not probabilities (model.h, "Decisions"), and
    /// networks of step units, whose output is a decision.
    Flat,
    /// The tint's strength follows the model's probability of its class, from nothing at a tie
    /// (1/K) to full at certainty: networks and logistic (softmax) regression.
    Heat,
};

/// Heat for networks (but those with step hidden units) and the logistic rule, Flat otherwise.
[[nodiscard]] RegionStyle regionStyle(const learning::Model& model, learning::Rule rule);

/// The strength (0 to 1) of the tint of a sample decided as \p decision by a model of \p classes:
/// 1 under Flat; (confidence - 1/K) / (1 - 1/K) under Heat.
[[nodiscard]] double regionStrength(const learning::Decision& decision, int classes,
                                    RegionStyle style);

/// How the class regions are painted: each class's colour at opacity alpha x strength over the
/// plot's background (pre-blended, so the picture is opaque), and, where `hatched` is set, one
/// pixel in `hatchPeriod` along each diagonal in `hatch`.
struct RegionPalette
{
    std::span<const QColor> classColors;
    QColor background;
    int alpha = 40;
    QColor hatch;
    int hatchPeriod = 4;
};

/// The class regions as an opaque image of grid.cols x grid.rows pixels, pixel (c, r) the sample
/// (c, r). \p hatched is empty or one flag per sample.
[[nodiscard]] QImage regionImage(const SampleGrid& grid,
                                 std::span<const learning::Decision> decisions, int classes,
                                 RegionStyle style, const RegionPalette& palette,
                                 std::span<const char> hatched = {});

/// The zero level of \p values (one per sample, row by row) by marching squares: segments in
/// world coordinates, each crossing interpolated linearly along its cell edge. A saddle is
/// resolved by the cell's mean value. Segments of neighbouring cells share their end points
/// exactly.
[[nodiscard]] std::vector<QLineF> zeroContour(const SampleGrid& grid,
                                              std::span<const double> values);

/// Where the model's decided class changes: segments in world coordinates. Two classes: the zero
/// level of the score (the signed logit of the confidence, so interpolated). More: each edge whose
/// ends differ is cut where Model::decide() changes class (bisection to 1/16 of the edge); a
/// cell with three or four cuts joins them at its centre.
[[nodiscard]] std::vector<QLineF> classContour(const learning::Model& model, const SampleGrid& grid,
                                               std::span<const learning::Decision> decisions);

/// \p segments joined into polylines where their ends coincide exactly (as contour segments of
/// neighbouring cells do), each polyline as long as possible; a closed curve ends where it
/// began. Every segment is in exactly one polyline, in its own direction or reversed.
[[nodiscard]] std::vector<std::vector<QPointF>> polylines(const std::vector<QLineF>& segments);

/// The nets of unit \p unit of the model's first layer at every sample (a hidden unit of a
/// network, or an output unit of a linear model): W_j . phi(x) + b_j.
[[nodiscard]] std::vector<double> firstLayerNets(const learning::Model& model,
                                                 const SampleGrid& grid, int unit);

/// The units of the model's first layer: a network's first hidden layer, a linear model's output
/// units.
[[nodiscard]] int firstLayerUnits(const learning::Model& model);

/// Unit \p unit of the first layer as a line w . x + b = 0 in the plane, when the model's
/// features are exactly (x1, x2); nothing otherwise (the unit's zero set is then a curve:
/// zeroContour() of firstLayerNets()).
[[nodiscard]] std::optional<learning::LinearModel> firstLayerLine(const learning::Model& model,
                                                                  int unit);

/// Whether unit \p unit of a one-vs-rest model claims a point with net \p net: net > 0, and at
/// exactly 0 as the model's ZeroConvention says (Positive claims it).
[[nodiscard]] bool claims(double net, learning::ZeroConvention zero);

/// One flag per sample: set where no unit or more than one unit of the linear multi-class model
/// claims the point (claims()). All clear for other models.
[[nodiscard]] std::vector<char> unclaimedOrContested(const learning::Model& model,
                                                     const SampleGrid& grid);

/// Whether the model is drawn as one-vs-rest: a linear model of three or more classes trained so.
[[nodiscard]] bool isOneVsRest(const learning::Model& model, learning::Multiclass multiclass);

} // namespace plab::render
