#pragma once

#include "io/project.h"
#include "learning/dataset.h"
#include "learning/linearmodel.h"
#include "learning/model.h"
#include "learning/records.h"
#include "learning/settings.h"
#include "render/viewtransform.h"

#include <QRectF>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace plab::render {

/// The model part of a picture: what the training run shows (the canvas gets it pushed in by
/// whoever follows the run; an export takes it from the recorded run).
struct ModelView
{
    /// The model, when one is shown: any kind (learning/model.h). Its zero convention and bias
    /// are the run's.
    learning::Model model;
    bool hasModel = false;
    learning::Rule rule = learning::Rule::Perceptron; ///< Logistic shades by probability

    /// Indices of points the shown model misclassifies (outlined in red).
    std::vector<std::size_t> misclassified;
    /// A sample visit being shown. For the classic model, when step->updated: the old boundary
    /// (step->before) is drawn as a dashed ghost, the update vector step->deltaW tip-to-tail on
    /// w, and the new boundary is `model` (normally step->after). Otherwise only the sample is
    /// highlighted. The sample step->index is highlighted for every model.
    std::optional<learning::StepRecord> step;
    /// Recent boundaries of the classic model, oldest first, drawn faded (the newest least
    /// faded). Empty for other models.
    std::vector<learning::LinearModel> trail;
};

/// Everything one frame of the plot shows, as data. The canvas builds one per paint; exports build
/// one with presentation = true. PlotRenderer::paint() reads nothing else.
struct PlotScene : ModelView
{
    /// The points (not owned; must stay valid while paint() runs). Null: no points.
    const learning::Dataset* data = nullptr;
    /// Changes whenever the points change (Document::dataRevision()). Together with `data` it
    /// keys the renderer's cached point layer; 0 disables that cache.
    std::uint64_t dataRevision = 0;

    io::ViewBox view;
    Aspect aspect = Aspect::Equal;

    /// Per-point selection flags (empty: nothing selected; otherwise one entry per point).
    std::vector<char> selected;
    /// The rubber band being dragged, in pixels of the paint target.
    std::optional<QRectF> rubberBand;
    /// The point under the mouse.
    std::optional<std::size_t> hovered;
    /// Exports: no hover, selection or rubber-band chrome.
    bool presentation = false;
    /// The class a left click places; shown in the legend.
    int activeClass = 0;

    /// Draw every point as a vector shape instead of from the cached raster layer. The renderer
    /// also does this by itself for SVG, PDF, printer and picture paint devices.
    bool vectorPoints = false;
    bool showLegend = true;
    bool showWeightVector = true;
    /// The texts over the plot: the legend, the arrows' labels, the scale note, the message cards
    /// (the arrow towards a boundary outside the view stays). Off: the plot alone, which the
    /// tests compare with to show that the texts hide no point.
    bool showAnnotations = true;

    /// How many times larger than on the window's canvas the marks are drawn: markers, rings,
    /// line widths, arrows and the gaps and margins around annotations. Texts keep the size the
    /// theme gives them (Theme::fontScale), which the export sets from the page size on its own.
    /// The window draws at 1; an export sets PlotRenderer::scaleFor() its page, so that a 4K
    /// image shows the marks of a 1280 x 720 canvas three times as large.
    double scale = 1.0;
};

} // namespace plab::render
