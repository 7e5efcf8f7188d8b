#pragma once

#include "learning/history.h"
#include "learning/settings.h"
#include "render/theme.h"

#include <QRectF>

#include <vector>

class QPainter;

namespace plab::render {

/// The per-epoch numbers the learning-curve charts draw, taken from a run's history.
struct ChartSeries
{
    std::vector<double> errors;
    std::vector<double> loss;
    std::vector<double> w1;
    std::vector<double> w2;
    std::vector<double> b;
    bool showLoss = false; ///< the gradient rules: their loss next to the errors
    bool showBias = true;  ///< training without a bias keeps b at 0: no curve

    [[nodiscard]] static ChartSeries fromHistory(const learning::History& history,
                                                 const learning::TrainingSettings& settings);
};

/// Paints the learning curves with QPainter alone, so they export as vectors (SVG, PDF) and
/// render without a window or Qt Charts: the same curves the window's LearningCurves widget shows
/// (errors per epoch with the loss on a second axis for the gradient rules; w1, w2 and b per
/// epoch), in the theme's colours, with a vertical marker at the epoch shown.
///
/// Curves longer than the plot is wide are reduced to the minimum and maximum of each pixel
/// column, which looks the same.
class ChartPainter
{
public:
    enum class Kind
    {
        Errors,
        Weights,
    };

    /// Paints chart \p kind of \p series into \p target, with the marker at \p markerEpoch
    /// (fractional inside an epoch). Leaves the painter's state as it found it.
    static void paint(QPainter& painter, const QRectF& target, const ChartSeries& series, Kind kind,
                      double markerEpoch, const Theme& theme);

    /// The rectangle inside \p target where the curves are drawn.
    [[nodiscard]] static QRectF plotArea(const QRectF& target, const ChartSeries& series, Kind kind,
                                         const Theme& theme);
};

} // namespace plab::render
