#pragma once

#include "learning/history.h"
#include "learning/settings.h"
#include "render/theme.h"

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <span>
#include <vector>

class QPainter;

namespace plab::render {

/// Appends to \p out what the pixel column of values \p first .. \p last - 1 (value(i) drawn at
/// x = i) shows: the first smallest and the last largest finite value, in index order, or the
/// first value when none is finite (a non-finite point breaks the line). A point at an x that
/// \p out already reached is left out. The step of decimateMinMax().
template <typename Value>
void appendColumnExtremes(std::size_t first, std::size_t last, const Value& value,
                          QList<QPointF>& out)
{
    const auto keep = [&out](std::size_t i, double v) {
        if (out.isEmpty() || out.last().x() < double(i))
            out.append(QPointF(double(i), v));
    };
    std::size_t iLo = last;
    std::size_t iHi = last;
    double lo = 0.0;
    double hi = 0.0;
    for (std::size_t i = first; i < last; ++i) {
        const double v = double(value(i));
        if (!std::isfinite(v))
            continue;
        if (iLo == last || v < lo) {
            lo = v;
            iLo = i;
        }
        if (iHi == last || !(v < hi)) {
            hi = v;
            iHi = i;
        }
    }
    if (iLo == last) {
        if (first < last)
            keep(first, double(value(first)));
    } else if (iLo < iHi) {
        keep(iLo, lo);
        keep(iHi, hi);
    } else {
        keep(iHi, hi);
        keep(iLo, lo);
    }
}

/// Whether \p n values need decimating for \p columns pixel columns (more than two a column).
[[nodiscard]] inline bool needsDecimation(std::size_t n, int columns)
{
    return n > 2 * std::size_t(std::max(columns, 1));
}

/// Reduces \p n values (value(i) drawn at x = i) to what \p columns pixel columns show: for each
/// of \p columns equal index ranges the first smallest and the last largest finite value, in
/// index order (appendColumnExtremes()), plus the first and the last value so the curve starts
/// and ends where the data does. Inputs of at most 2 * \p columns values come back whole. Only
/// the drawing is decimated, never the data: every extreme of the curve is among the points.
///
/// A template, so that reading a History column inlines into the loop.
template <typename Value>
[[nodiscard]] QList<QPointF> decimateMinMax(std::size_t n, int columns, const Value& value)
{
    QList<QPointF> out;
    if (!needsDecimation(n, columns)) {
        out.reserve(qsizetype(n));
        for (std::size_t i = 0; i < n; ++i)
            out.append(QPointF(double(i), double(value(i))));
        return out;
    }
    const auto buckets = std::size_t(columns);
    out.reserve(qsizetype(2 * buckets + 2));
    appendColumnExtremes(0, 1, value, out);
    for (std::size_t k = 0; k < buckets; ++k)
        appendColumnExtremes(k * n / buckets, (k + 1) * n / buckets, value, out);
    appendColumnExtremes(n - 1, n, value, out);
    return out;
}

/// decimateMinMax() of the values in \p values.
[[nodiscard]] QList<QPointF> decimateMinMax(std::span<const double> values, int columns);

/// The loss the errors chart draws on its second axis, named in the legend as the status line
/// names it (each rule minimises its own, rules.h).
enum class ChartLoss
{
    Loss,         ///< unnamed ("loss")
    SquaredError, ///< Adaline
    CrossEntropy, ///< logistic and softmax regression, networks
};

/// Where the weights of one layer are in the flat parameter row (model.h, "Parameters": W
/// column-major, then b): \p count entries from \p offset, b not included.
struct WeightBlock
{
    std::size_t offset = 0;
    std::size_t count = 0;

    friend bool operator==(const WeightBlock&, const WeightBlock&) = default;
};

/// The weights of each layer of \p shape, first layer first.
[[nodiscard]] std::vector<WeightBlock> weightBlocks(const learning::ModelShape& shape);

/// The size of the weights \p block of \p row: their root mean square, sqrt(sum W_ij^2 / count)
/// (the Frobenius norm divided by sqrt(count)), so layers of different widths compare on the
/// scale of one weight.
[[nodiscard]] double weightSize(std::span<const double> row, WeightBlock block);

/// What the learning-curve charts draw: the epochs of a run's history (read in place, never
/// copied) and which curves the run has. The window's curves and every export hand the same
/// value to ChartPainter.
///
/// The model comes from the history (learning::History::shape()): for K > 2 classes the errors
/// chart adds each class's errors (History::classErrors()) in the class colours; for every model
/// but the classic one the weights chart draws the size of each layer's weights (weightSize())
/// instead of w1, w2 and b.
struct ChartSeries
{
    const learning::History* history = nullptr; ///< not owned; nullptr: no epochs
    bool showLoss = false; ///< the gradient rules and networks: their loss next to the errors
    bool showBias = true;  ///< training without a bias keeps b at 0: no curve
    ChartLoss loss = ChartLoss::Loss; ///< the loss's name

    /// The series of \p history (which must outlive it) trained with \p settings.
    [[nodiscard]] static ChartSeries of(const learning::History& history,
                                        const learning::TrainingSettings& settings);
    /// This series with the curves \p settings train: the loss (named) for the gradient rules
    /// and networks, the bias unless training without one.
    [[nodiscard]] ChartSeries with(const learning::TrainingSettings& settings) const;

    [[nodiscard]] int epochCount() const { return history ? history->epochCount() : 0; }
    /// K, the run's classes (2 without a history).
    [[nodiscard]] int classes() const { return history ? history->classCount() : 2; }
    /// The layers whose weight sizes the weights chart draws: none for the classic model (it
    /// draws w1, w2 and b).
    [[nodiscard]] std::vector<WeightBlock> layers() const;
    /// The curves chart \p errors (or else the weights chart) draws, in legend order.
    [[nodiscard]] std::vector<ChartCurve> curves(bool errors) const;

    friend bool operator==(const ChartSeries&, const ChartSeries&) = default;
};

/// Paints the learning curves with QPainter alone, so they draw on screen (ui::LearningCurves),
/// export as vectors (SVG, PDF) and render without a window: errors per epoch (and per class for
/// K > 2) with the loss on a second axis for the gradient rules and networks; w1, w2 and b per
/// epoch, or for other models the size of each layer's weights; in the curves' colours
/// (curveColour()) and the theme's, with a vertical marker at the epoch shown.
///
/// Painting is two steps: decimate() reads the history once and keeps the minimum and maximum of
/// each pixel column (which looks the same), paint() draws that as often as needed, so moving the
/// marker does not read the history again.
class ChartPainter
{
public:
    enum class Kind
    {
        Errors,
        Weights,
    };

    /// One curve reduced to the plot's pixel columns, in data coordinates (epoch, value).
    struct Line
    {
        ChartCurve curve;
        QList<QPointF> points;
    };

    /// A chart ready to paint into target: its curves decimated to the plot area's width.
    struct Decimated
    {
        Kind kind = Kind::Errors;
        QRectF target;
        QRectF area; ///< the plot area inside target
        int epochs = 0;
        std::vector<Line> lines;
        ChartLoss loss = ChartLoss::Loss; ///< the loss's name, when a line draws it
        bool weightSizes = false;         ///< the weights chart draws layers' weight sizes
    };

    /// A tick label of an axis: the tick's value, its text and the box it is drawn in.
    struct TickLabel
    {
        double value = 0.0;
        QString text;
        QRectF box;
    };

    /// Where everything of a painted chart goes. The tick labels are chosen for the size: on the
    /// epoch axis as many as fit side by side without touching, in compact form ("40k", "2.5M",
    /// "3e+160"), never elided and never "−0"; the plot area leaves room for the widest label.
    struct Layout
    {
        QRectF area;     ///< the plot area: chart.area narrowed or widened for the labels
        double x0 = 0.0; ///< the epochs at the area's left and right edge
        double x1 = 1.0; ///<
        double y0 = 0.0; ///< the left axis' values at the area's bottom and top
        double y1 = 1.0; ///<
        double r0 = 0.0; ///< the right axis' (the loss)
        double r1 = 1.0; ///<
        /// The loss has its own scale on the right (labelled when the chart is wide enough:
        /// rTicks is empty otherwise).
        bool rightAxis = false;
        std::vector<double> xTicks, yTicks, rTicks; ///< grid lines and tick marks
        std::vector<TickLabel> xLabels, yLabels, rLabels;
    };

    /// The layout of \p chart with the marker at \p markerEpoch (as paint() draws it).
    [[nodiscard]] static Layout layout(const Decimated& chart, double markerEpoch,
                                       const Theme& theme);

    /// The labels of ticks \p values that are \p step apart, in the form every chart axis
    /// uses: fixed decimals as the step needs below 10^4, a k, M, G or T suffix up to 10^15
    /// ("40k", "2.5M"), exponent notation beyond that or for steps below 10^-3; typographic
    /// minus signs, zero always "0". Neighbouring labels always differ.
    [[nodiscard]] static QStringList tickLabels(std::span<const double> values, double step);

    /// Reads \p series once: chart \p kind for \p target, decimated to its plot area's width.
    [[nodiscard]] static Decimated decimate(const QRectF& target, const ChartSeries& series,
                                            Kind kind, const Theme& theme);
    /// Paints \p chart with the marker at \p markerEpoch (fractional inside an epoch; not drawn
    /// when not finite). Leaves the painter's state as it found it.
    static void paint(QPainter& painter, const Decimated& chart, double markerEpoch,
                      const Theme& theme);
    /// decimate() and paint() in one.
    static void paint(QPainter& painter, const QRectF& target, const ChartSeries& series, Kind kind,
                      double markerEpoch, const Theme& theme);

    /// The title painted over chart \p kind (the weights chart of the layers' weight sizes with
    /// \p weightSizes), in the current language.
    [[nodiscard]] static QString title(Kind kind, bool weightSizes = false);
    /// The legend's name of \p curve (the loss named as \p loss), in the current language.
    [[nodiscard]] static QString curveName(ChartCurve curve, ChartLoss loss = ChartLoss::Loss);
    /// The colour \p curve is drawn in among \p curves with \p theme: chartColour(), the class
    /// colours for the classes' errors, and with those the total errors and the loss in the text
    /// colour (the class colours take the palette's hues).
    [[nodiscard]] static QColor curveColour(ChartCurve curve, const std::vector<Line>& lines,
                                            const Theme& theme);

    /// The rectangle inside \p target the curves are decimated for; layout() moves its left and
    /// right edge to make room for the tick labels. The whole \p target when the titles, the
    /// legend and the tick labels leave no room (the curves are then drawn over them).
    [[nodiscard]] static QRectF plotArea(const QRectF& target, const ChartSeries& series, Kind kind,
                                         const Theme& theme);
};

} // namespace plab::render
