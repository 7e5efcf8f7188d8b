#include "render/chartpainter.h"

#include "io/numberformat.h"
#include "render/viewtransform.h"

#include <Eigen/Core>
#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

#include <algorithm>
#include <array>
#include <cmath>
#include <span>

namespace plab::render {

namespace {

/// The translation context of this file's texts (lupdate reads the name from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(plab::render::ChartPainter)
};

/// The line style of \p curve (a style each on a chart, so the curves stay apart in grey-scale
/// print too; the classes differ by colour).
Qt::PenStyle styleOf(ChartCurve curve)
{
    static constexpr std::array<Qt::PenStyle, kChartLayers> layers{Qt::SolidLine, Qt::DashLine,
                                                                   Qt::DotLine, Qt::DashDotLine};
    if (const int l = layerOf(curve); l >= 0)
        return layers[std::size_t(l)];
    switch (curve) {
    case ChartCurve::Loss:
    case ChartCurve::W2:
        return Qt::DashLine;
    case ChartCurve::Bias:
        return Qt::DotLine;
    default:
        return Qt::SolidLine;
    }
}

/// One entry of a legend: a line sample and a name, for a class only its number after a short
/// sample, the first class's preceded by the word "class" (eight classes stay on one row).
struct LegendEntry
{
    ChartCurve curve = ChartCurve::Errors;
    QString prefix; ///< drawn left of the sample
    QString name;
    double sample = 24.0; ///< the line sample's length
    double gap = 16.0;    ///< the space before the entry, after another

    [[nodiscard]] double width(const QFontMetricsF& fm) const
    {
        const double before = prefix.isEmpty() ? 0.0 : fm.horizontalAdvance(prefix) + 6.0;
        return before + sample + 6.0 + fm.horizontalAdvance(name);
    }
};

/// The legend: the curves' entries, right-aligned, in rows: one beside the title over the plot
/// when everything fits there, otherwise as many rows under the title as the chart's whole width
/// needs (in a small dock the plot is much narrower than the chart: its tick labels take room).
struct Legend
{
    bool besideTitle = true;
    std::vector<std::vector<LegendEntry>> rows;
};

/// The legend's rows under the title span the chart from the title's left edge (8 px in) to
/// kLegendRight px short of its right edge.
constexpr double kLegendRight = 4.0;
double legendRowWidth(const QRectF& target)
{
    return std::max(0.0, target.width() - 8.0 - kLegendRight);
}

/// The legend of \p curves over a plot \p plotWidth wide, in a chart whose rows under the title
/// \p title may be \p rowWidth wide.
Legend legendOf(double plotWidth, double rowWidth, const QString& title,
                const std::vector<ChartCurve>& curves, ChartLoss loss, const Theme& theme)
{
    const QFontMetricsF fm(theme.font());
    std::vector<LegendEntry> entries;
    for (const ChartCurve curve : curves) {
        LegendEntry e{curve, {}, ChartPainter::curveName(curve, loss)};
        if (const int k = classOf(curve); k >= 0) {
            e.name = QString::number(k);
            e.sample = 14.0;
            const bool first = k == 0 || entries.empty() || classOf(entries.back().curve) < 0;
            e.gap = first ? 16.0 : 8.0;
            if (first)
                e.prefix = Text::tr("class");
        }
        entries.push_back(e);
    }
    double all = 0.0;
    for (const LegendEntry& e : entries)
        all += (all > 0.0 ? e.gap : 0.0) + e.width(fm);
    Legend legend;
    const double titleWidth = QFontMetricsF(theme.font(1.15, true)).horizontalAdvance(title);
    if (entries.empty())
        return legend;
    if (titleWidth + 16.0 + all <= plotWidth) {
        legend.rows.push_back(entries);
        return legend;
    }
    legend.besideTitle = false;
    // The classes' entries as one group: "class 0 1 2" on a row of their own rather than split,
    // when the group fits a row.
    double group = 0.0;
    for (const LegendEntry& e : entries)
        if (classOf(e.curve) >= 0)
            group += (group > 0.0 ? e.gap : 0.0) + e.width(fm);
    double used = 0.0;
    for (const LegendEntry& e : entries) {
        const double w = e.width(fm);
        const bool groupStarts = !e.prefix.isEmpty() && group <= rowWidth;
        const double needed = groupStarts ? group : w;
        if (legend.rows.empty() || (used > 0.0 && used + e.gap + needed > rowWidth)) {
            legend.rows.emplace_back();
            used = 0.0;
        }
        legend.rows.back().push_back(e);
        used += (used > 0.0 ? e.gap : 0.0) + w;
    }
    return legend;
}

/// The finite minimum and maximum of the values of \p points, if any is finite.
std::optional<std::pair<double, double>> finiteRange(const QList<QPointF>& points)
{
    std::optional<std::pair<double, double>> range;
    for (const QPointF& p : points) {
        const double v = p.y();
        if (!std::isfinite(v))
            continue;
        if (!range)
            range = std::pair{v, v};
        range->first = std::min(range->first, v);
        range->second = std::max(range->second, v);
    }
    return range;
}

/// \p points mapped by \p map, as polylines broken at non-finite values.
template <typename Map>
std::vector<QPolygonF> polylines(const QList<QPointF>& points, const Map& map)
{
    std::vector<QPolygonF> lines(1);
    for (const QPointF& p : points) {
        if (!std::isfinite(p.y())) {
            if (!lines.back().isEmpty())
                lines.emplace_back();
            continue;
        }
        lines.back() << map(p);
    }
    if (lines.back().isEmpty())
        lines.pop_back();
    return lines;
}

/// Ticks on the 1-2-5 ladder for [lo, hi] (whole numbers only with \p integers); with \p widen
/// the range grows to the ticks just outside it, so the curves never touch the frame.
Ticks axisTicks(double& lo, double& hi, int target, bool integers, bool widen)
{
    if (!(hi > lo)) {
        const double pad = lo == 0.0 ? 1.0 : std::abs(lo) * 0.1;
        hi += pad;
        if (lo != 0.0)
            lo -= pad;
    }
    Ticks ticks = niceTicks(lo, hi, target);
    if (integers && ticks.step < 1.0) {
        ticks.step = 1.0;
        ticks.decimals = 0;
    }
    const double eps = 1e-9;
    if (widen) {
        lo = std::floor(lo / ticks.step + eps) * ticks.step;
        hi = std::ceil(hi / ticks.step - eps) * ticks.step;
    }
    ticks.values.clear();
    for (double k = std::ceil(lo / ticks.step - eps); k <= std::floor(hi / ticks.step + eps);
         k += 1.0)
        ticks.values.push_back(std::abs(k) < eps ? 0.0 : k * ticks.step);
    return ticks;
}

} // namespace

QList<QPointF> decimateMinMax(std::span<const double> values, int columns)
{
    return decimateMinMax(values.size(), columns, [values](std::size_t i) { return values[i]; });
}

std::vector<WeightBlock> weightBlocks(const learning::ModelShape& shape)
{
    const std::vector<int> sizes = shape.sizes();
    std::vector<WeightBlock> blocks;
    std::size_t offset = 0;
    for (std::size_t l = 1; l < sizes.size(); ++l) {
        const auto weights = std::size_t(sizes[l - 1]) * std::size_t(sizes[l]);
        blocks.push_back({offset, weights});
        offset += weights + std::size_t(sizes[l]); // then the layer's b
    }
    return blocks;
}

double weightSize(std::span<const double> row, WeightBlock block)
{
    if (block.count == 0)
        return 0.0;
    const Eigen::Map<const Eigen::VectorXd> w(row.data() + block.offset, Eigen::Index(block.count));
    return std::sqrt(w.squaredNorm() / double(block.count));
}

ChartSeries ChartSeries::of(const learning::History& history,
                            const learning::TrainingSettings& settings)
{
    return ChartSeries{&history}.with(settings);
}

ChartSeries ChartSeries::with(const learning::TrainingSettings& settings) const
{
    ChartSeries series = *this;
    const bool network = settings.model == learning::ModelKind::Network;
    series.showLoss = network || !learning::isPerceptronFamily(settings.rule);
    series.showBias = settings.useBias;
    series.loss = network || settings.rule == learning::Rule::Logistic ? ChartLoss::CrossEntropy
                  : settings.rule == learning::Rule::Adaline           ? ChartLoss::SquaredError
                                                                       : ChartLoss::Loss;
    return series;
}

std::vector<WeightBlock> ChartSeries::layers() const
{
    if (!history)
        return {};
    const learning::ModelShape shape = history->shape();
    if (shape.isClassic() || std::size_t(shape.storedCount()) != history->parameterCount())
        return {};
    std::vector<WeightBlock> blocks = weightBlocks(shape);
    blocks.resize(std::min(blocks.size(), std::size_t(kChartLayers)));
    return blocks;
}

std::vector<ChartCurve> ChartSeries::curves(bool errors) const
{
    std::vector<ChartCurve> curves;
    if (errors) {
        curves.push_back(ChartCurve::Errors);
        if (const int k = std::min(classes(), kChartClasses); k > 2)
            for (int c = 0; c < k; ++c)
                curves.push_back(classErrorsCurve(c));
        if (showLoss)
            curves.push_back(ChartCurve::Loss);
        return curves;
    }
    if (const std::size_t n = layers().size(); n > 0) {
        for (std::size_t l = 0; l < n; ++l)
            curves.push_back(layerWeightsCurve(int(l)));
        return curves;
    }
    curves = {ChartCurve::W1, ChartCurve::W2};
    if (showBias)
        curves.push_back(ChartCurve::Bias);
    return curves;
}

QString ChartPainter::title(Kind kind, bool weightSizes)
{
    if (kind == Kind::Errors)
        return Text::tr("Errors per epoch");
    return weightSizes ? Text::tr("Weight size (RMS)") : Text::tr("Weights per epoch");
}

QString ChartPainter::curveName(ChartCurve curve, ChartLoss loss)
{
    if (const int l = layerOf(curve); l >= 0)
        return Text::tr("layer %1").arg(l + 1);
    if (const int k = classOf(curve); k >= 0)
        return Text::tr("class %1").arg(k);
    switch (curve) {
    case ChartCurve::Errors:
        return Text::tr("errors");
    case ChartCurve::Loss:
        switch (loss) {
        case ChartLoss::SquaredError:
            return Text::tr("squared error");
        case ChartLoss::CrossEntropy:
            return Text::tr("cross-entropy");
        case ChartLoss::Loss:
            break;
        }
        return Text::tr("loss");
    case ChartCurve::W1:
        return QStringLiteral("w\u2081");
    case ChartCurve::W2:
        return QStringLiteral("w\u2082");
    case ChartCurve::Bias:
        return QStringLiteral("b");
    default:
        return QString();
    }
}

QColor ChartPainter::curveColour(ChartCurve curve, const std::vector<Line>& lines,
                                 const Theme& theme)
{
    if (const int k = classOf(curve); k >= 0)
        return theme.classColors[std::size_t(k) % theme.classColors.size()];
    const bool classes = std::any_of(lines.begin(), lines.end(),
                                     [](const Line& line) { return classOf(line.curve) >= 0; });
    if (classes && (curve == ChartCurve::Errors || curve == ChartCurve::Loss))
        return theme.text;
    return chartColour(curve);
}

QRectF ChartPainter::plotArea(const QRectF& target, const ChartSeries& series, Kind kind,
                              const Theme& theme)
{
    const QFontMetricsF fm(theme.font());
    const QFontMetricsF title(theme.font(1.15, true));
    // About the room layout() makes for the tick labels, which it knows only with the curves.
    const double left = std::ceil(fm.horizontalAdvance(QStringLiteral("000")) + 17.0);
    const bool rightAxis = kind == Kind::Errors && series.showLoss;
    const double right = rightAxis ? std::ceil(fm.horizontalAdvance(QStringLiteral("0.00")) + 17.0)
                                   : std::clamp(0.1 * target.width(), 6.0, 18.0);
    const double width = std::floor(target.width() - left - right);
    double top = std::ceil(title.height() + 18.0);
    const Legend legend =
        legendOf(width, legendRowWidth(target), ChartPainter::title(kind, !series.layers().empty()),
                 series.curves(kind == Kind::Errors), series.loss, theme);
    if (!legend.besideTitle)
        top += double(legend.rows.size()) * std::ceil(fm.height() + 4.0);
    const double bottom = std::ceil(2.0 * fm.height() + 12.0);
    const QRectF area(std::round(target.left() + left), std::round(target.top() + top), width,
                      std::floor(target.height() - top - bottom));
    if (area.width() < 1.0 || area.height() < 1.0)
        return QRectF(target.topLeft(),
                      QSizeF(std::max(1.0, target.width()), std::max(1.0, target.height())));
    return area;
}

ChartPainter::Decimated ChartPainter::decimate(const QRectF& target, const ChartSeries& series,
                                               Kind kind, const Theme& theme)
{
    Decimated chart;
    chart.kind = kind;
    chart.target = target;
    chart.area = plotArea(target, series, kind, theme);
    chart.epochs = series.epochCount();
    chart.loss = series.loss;
    const std::vector<WeightBlock> layers = series.layers();
    chart.weightSizes = kind == Kind::Weights && !layers.empty();
    const int columns = std::max(1, int(chart.area.width()));
    const auto n = std::size_t(chart.epochs);
    const learning::History* h = series.history;
    // Appends the extremes of epochs first .. last - 1 of curve to out, with a loop per column of
    // the history (a redraw of a long run reads every epoch).
    const auto extremes = [h, &layers](ChartCurve curve, std::size_t first, std::size_t last,
                                       QList<QPointF>& out) {
        if (const int l = layerOf(curve); l >= 0) {
            const WeightBlock block = layers[std::size_t(l)];
            return appendColumnExtremes(
                first, last,
                [h, block](std::size_t e) { return weightSize(h->parameterRow(int(e)), block); },
                out);
        }
        if (const int k = classOf(curve); k >= 0) {
            return appendColumnExtremes(
                first, last, [h, k](std::size_t e) { return h->classErrors(int(e), k); }, out);
        }
        switch (curve) {
        case ChartCurve::Errors:
            return appendColumnExtremes(
                first, last, [h](std::size_t e) { return h->errors(int(e)); }, out);
        case ChartCurve::Loss:
            return appendColumnExtremes(
                first, last, [h](std::size_t e) { return h->loss(int(e)); }, out);
        default:
            break;
        }
        const std::size_t j = curve == ChartCurve::W1 ? 0 : curve == ChartCurve::W2 ? 1 : 2;
        appendColumnExtremes(
            first, last, [h, j](std::size_t e) { return h->parameter(int(e), j); }, out);
    };
    for (const ChartCurve curve : series.curves(kind == Kind::Errors))
        chart.lines.push_back({curve, {}});
    if (!needsDecimation(n, columns)) {
        for (Line& line : chart.lines)
            for (std::size_t e = 0; e < n; ++e)
                extremes(line.curve, e, e + 1, line.points);
        return chart;
    }
    // decimateMinMax() for every curve at once, column by column: the weights share the
    // history's rows, so a column's rows are read from memory once for all of them (curve after
    // curve, a long run's redraw took three times as long, bound by memory).
    const auto buckets = std::size_t(columns);
    for (Line& line : chart.lines) {
        line.points.reserve(qsizetype(2 * buckets + 2));
        extremes(line.curve, 0, 1, line.points);
    }
    for (std::size_t k = 0; k < buckets; ++k)
        for (Line& line : chart.lines)
            extremes(line.curve, k * n / buckets, (k + 1) * n / buckets, line.points);
    for (Line& line : chart.lines)
        extremes(line.curve, n - 1, n, line.points);
    return chart;
}

void ChartPainter::paint(QPainter& painter, const QRectF& target, const ChartSeries& series,
                         Kind kind, double markerEpoch, const Theme& theme)
{
    paint(painter, decimate(target, series, kind, theme), markerEpoch, theme);
}

QStringList ChartPainter::tickLabels(std::span<const double> values, double step)
{
    double largest = 0.0;
    for (const double v : values)
        largest = std::max(largest, std::abs(v));
    QStringList labels;
    labels.reserve(qsizetype(values.size()));
    const bool exponent = largest >= 1e15 || (step < 1e-3 && largest > 0.0);
    if (exponent) {
        for (const double v : values) {
            if (v == 0.0) {
                labels << QStringLiteral("0");
                continue;
            }
            // Enough significant digits to tell neighbouring ticks apart.
            const double span = std::max(std::abs(v), step);
            const int digits =
                std::clamp(int(std::ceil(std::log10(span / step) - 1e-9)) + 1, 1, 15);
            labels << io::displayNumber(v, digits);
        }
        return labels;
    }
    if (largest < 1e4) {
        const int decimals = std::max(0, -int(std::floor(std::log10(step) + 1e-9)));
        for (const double v : values)
            labels << io::displayFixed(v, decimals);
        return labels;
    }
    // 40000 as "40k": a unit of 10^3k for the largest tick, the decimals the step needs in it.
    static constexpr std::array kSuffixes{u'k', u'M', u'G', u'T'};
    const int k = std::clamp(int(std::floor(std::log10(largest) / 3.0 + 1e-9)), 1, 4);
    const double unit = std::pow(1000.0, k);
    const int decimals = std::max(0, -int(std::floor(std::log10(step / unit) + 1e-9)));
    for (const double v : values) {
        if (v == 0.0) {
            labels << QStringLiteral("0");
            continue;
        }
        QString text = QString::number(v / unit, 'f', decimals);
        if (text.contains(u'.')) {
            while (text.endsWith(u'0'))
                text.chop(1);
            if (text.endsWith(u'.'))
                text.chop(1);
        }
        text.replace(u'-', QChar(0x2212));
        labels << text + kSuffixes[std::size_t(k - 1)];
    }
    return labels;
}

ChartPainter::Layout ChartPainter::layout(const Decimated& chart, double markerEpoch,
                                          const Theme& theme)
{
    Layout l;
    const QFontMetricsF fm(theme.font());
    const QRectF& target = chart.target;
    const auto n = std::size_t(chart.epochs);
    const auto onRight = [](const Line& line) { return line.curve == ChartCurve::Loss; };
    l.rightAxis = std::any_of(chart.lines.begin(), chart.lines.end(), onRight);

    // Errors, loss and weight sizes from 0; the weights over their range and 0, so each sign reads
    // off the grid.
    // Each pixel column kept its extremes, so the decimated points have those of the whole curve.
    double y0 = 0.0;
    double y1 = 0.0;
    double r0 = 0.0;
    double r1 = 0.0;
    for (const Line& line : chart.lines) {
        const auto range = finiteRange(line.points);
        if (!range)
            continue;
        double& lo = onRight(line) ? r0 : y0;
        double& hi = onRight(line) ? r1 : y1;
        lo = std::min(lo, range->first);
        hi = std::max(hi, range->second);
    }
    // Headroom, so a curve at its extreme (errors constant at their maximum, a weight at its
    // largest) is not hidden under the frame.
    const auto pad = [](double& lo, double& hi, bool fromZero) {
        const double span = hi > lo ? hi - lo : std::max(1.0, std::abs(hi));
        hi += 0.06 * span;
        if (!fromZero)
            lo -= 0.06 * span;
    };
    pad(y0, y1, chart.kind == Kind::Errors || chart.weightSizes);
    pad(r0, r1, true);
    const int yTarget = std::clamp(int(chart.area.height() / (fm.height() * 3.0)), 2, 10);
    // Fewer ticks where the 1-2-5 ladder puts them closer than a line of text (a short plot in a
    // small dock), so the labels never touch.
    const auto verticalTicks = [&](double& lo, double& hi, bool integers) {
        for (int target = yTarget;; --target) {
            double a = lo;
            double b = hi;
            Ticks ticks = axisTicks(a, b, target, integers, true);
            const double spacing = chart.area.height() * ticks.step / (b - a);
            if (spacing >= fm.height() + 2.0 || target <= 1) {
                lo = a;
                hi = b;
                return ticks;
            }
        }
    };
    const Ticks yTicks = verticalTicks(y0, y1, chart.kind == Kind::Errors);
    const Ticks rTicks = verticalTicks(r0, r1, false);
    l.y0 = y0;
    l.y1 = y1;
    l.r0 = r0;
    l.r1 = r1;
    l.yTicks = yTicks.values;
    l.rTicks = l.rightAxis ? rTicks.values : std::vector<double>{};
    const QStringList yTexts = tickLabels(l.yTicks, yTicks.step);
    QStringList rTexts = tickLabels(l.rTicks, rTicks.step);
    const auto widest = [&fm](const QStringList& texts) {
        double w = 0.0;
        for (const QString& t : texts)
            w = std::max(w, fm.horizontalAdvance(t));
        return std::ceil(w);
    };

    // The plot area leaves room for the widest value label on each side.
    const double tick = 5.0;
    const double gap = 4.0;
    const double left = widest(yTexts) + tick + 2.0 * gap;
    double right = std::clamp(0.1 * target.width(), 6.0, 18.0);
    if (l.rightAxis) {
        // A chart too narrow for values on both sides keeps the plot and labels only the left
        // axis (the loss curve is still drawn, to its own scale).
        const double both = widest(rTexts) + tick + 2.0 * gap;
        if (target.width() - left - both >= 0.4 * target.width())
            right = both;
        else
            l.rTicks.clear();
    }
    l.area = chart.area;
    l.area.setLeft(std::round(target.left() + left));
    l.area.setWidth(std::max(1.0, std::floor(target.right() - right - l.area.left())));
    const QRectF& area = l.area;
    const auto py = [&](double y) { return area.bottom() - (y - y0) / (y1 - y0) * area.height(); };
    const auto pr = [&](double y) { return area.bottom() - (y - r0) / (r1 - r0) * area.height(); };
    // From the top down, each label clear of the one above it: on a plot shorter than two lines
    // of text even two ticks are too close, and the top one (the largest value) is the one kept.
    const auto labelled = [&fm](std::vector<TickLabel>& out, const std::vector<double>& ticks,
                                const QStringList& texts, auto position, auto left) {
        for (std::size_t i = ticks.size(); i-- > 0;) {
            const double w = fm.horizontalAdvance(texts[qsizetype(i)]);
            const QRectF box(left(w), position(ticks[i]) - 0.5 * fm.height(), w, fm.height());
            if (out.empty() || box.top() > out.back().box.bottom())
                out.push_back({ticks[i], texts[qsizetype(i)], box});
        }
        std::reverse(out.begin(), out.end());
    };
    labelled(l.yLabels, l.yTicks, yTexts, py,
             [&](double w) { return area.left() - tick - gap - w; });
    labelled(l.rLabels, l.rTicks, rTexts, pr, [&](double) { return area.right() + tick + gap; });

    // The epochs: the smallest step of the 1-2-5 ladder whose labels fit side by side, so a
    // narrow chart gets fewer ticks, never labels that touch.
    l.x0 = 0.0;
    l.x1 = std::max<double>(1.0, double(n) - 1.0);
    // The marker may sit inside the epoch after the last recorded one (stepping by samples).
    if (n > 0 && std::isfinite(markerEpoch))
        l.x1 = std::max(l.x1, std::ceil(markerEpoch));
    const double span = l.x1 - l.x0;
    const double space = fm.horizontalAdvance(QStringLiteral("00"));
    QStringList xTexts;
    // No step gives labels closer than two digits apart: start there (10^7 epochs would
    // otherwise measure 10^7 labels).
    const double smallest = span * (space + fm.horizontalAdvance(u'0')) / area.width();
    for (int k = std::max(0, 3 * int(std::floor(std::log10(smallest))));; ++k) {
        static constexpr std::array kRungs{1.0, 2.0, 5.0};
        const auto rung = [](int i) { return kRungs[std::size_t(i % 3)] * std::pow(10.0, i / 3); };
        const double step = rung(k);
        std::vector<double> values;
        for (double v = 0.0; v <= l.x1 + 1e-9 * step; v += step)
            values.push_back(v);
        const QStringList texts = tickLabels(values, step);
        const bool fits = step / span * area.width() >= widest(texts) + space;
        // The next step would leave the 0 tick alone: a chart too narrow for two labels that
        // do not touch gets those that fit.
        const bool largest = rung(k + 1) > span;
        if (fits || largest) {
            l.xTicks = std::move(values);
            xTexts = texts;
            break;
        }
    }
    const auto px = [&](double x) { return area.left() + (x - l.x0) / span * area.width(); };
    double lastRight = -1e300;
    for (std::size_t i = 0; i < l.xTicks.size(); ++i) {
        const QString& text = xTexts[qsizetype(i)];
        const double w = fm.horizontalAdvance(text);
        // Centred under the tick, moved inside the chart at its edges.
        const double x = std::clamp(px(l.xTicks[i]) - 0.5 * w, target.left(), target.right() - w);
        const QRectF box(x, area.bottom() + tick + 2.0, w, fm.height());
        if (box.left() < lastRight + 0.5 * space)
            continue; // only a chart too narrow for two labels
        lastRight = box.right();
        l.xLabels.push_back({l.xTicks[i], text, box});
    }
    return l;
}

void ChartPainter::paint(QPainter& painter, const Decimated& chart, double markerEpoch,
                         const Theme& theme)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    const QRectF& target = chart.target;
    const Kind kind = chart.kind;
    painter.fillRect(target, theme.background);

    const Layout l = layout(chart, markerEpoch, theme);
    const QRectF& area = l.area;
    const QFont font = theme.font();
    const QFontMetricsF fm(font);
    const std::size_t n = std::size_t(chart.epochs);
    const auto onRight = [](const Line& line) { return line.curve == ChartCurve::Loss; };

    painter.fillRect(area, theme.plotBackground);
    const auto px = [&](double x) {
        return area.left() + (x - l.x0) / (l.x1 - l.x0) * area.width();
    };
    const auto py = [&](double y) {
        return area.bottom() - (y - l.y0) / (l.y1 - l.y0) * area.height();
    };
    const auto pr = [&](double y) {
        return area.bottom() - (y - l.r0) / (l.r1 - l.r0) * area.height();
    };

    // Grid.
    painter.setPen(QPen(theme.grid, theme.gridWidth));
    for (double x : l.xTicks)
        painter.drawLine(QPointF(px(x), area.top()), QPointF(px(x), area.bottom()));
    for (double y : l.yTicks)
        painter.drawLine(QPointF(area.left(), py(y)), QPointF(area.right(), py(y)));
    if (l.y0 < 0.0 && l.y1 > 0.0) {
        painter.setPen(QPen(theme.zeroAxis, 1.3 * theme.gridWidth));
        painter.drawLine(QPointF(area.left(), py(0.0)), QPointF(area.right(), py(0.0)));
    }

    // The curves, clipped to the plot.
    painter.save();
    painter.setClipRect(area);
    const double width = std::max(2.0, 0.8 * theme.boundaryWidth);
    // The classes' errors are the detail under the total: thinner, and drawn first.
    const auto widthOf = [width](ChartCurve curve) {
        return classOf(curve) >= 0 ? std::max(1.25, 0.6 * width) : width;
    };
    const auto colour = [&chart, &theme](ChartCurve curve) {
        return curveColour(curve, chart.lines, theme);
    };
    for (const bool classes : {true, false}) {
        for (const Line& line : chart.lines) {
            if ((classOf(line.curve) >= 0) != classes)
                continue;
            painter.setPen(QPen(colour(line.curve), widthOf(line.curve), styleOf(line.curve),
                                Qt::RoundCap, Qt::RoundJoin));
            painter.setBrush(Qt::NoBrush);
            const auto map = [&, right = onRight(line)](const QPointF& p) {
                return QPointF(px(p.x()), right ? pr(p.y()) : py(p.y()));
            };
            for (const QPolygonF& pixels : polylines(line.points, map)) {
                if (pixels.size() == 1)
                    painter.drawPoint(pixels.front());
                else
                    painter.drawPolyline(pixels);
            }
        }
    }
    // The epoch shown.
    if (std::isfinite(markerEpoch) && n > 0) {
        const double x = px(std::clamp(markerEpoch, l.x0, l.x1));
        painter.setPen(QPen(theme.highlight, std::max(2.0, theme.arrowWidth), Qt::SolidLine));
        painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
    }
    painter.restore();

    // Frame, ticks and labels.
    painter.setPen(QPen(theme.frame, 1.0));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(area.adjusted(0.5, 0.5, -0.5, -0.5));
    painter.setFont(font);
    const double tick = 5.0;
    for (double x : l.xTicks)
        painter.drawLine(QPointF(px(x), area.bottom()), QPointF(px(x), area.bottom() + tick));
    for (double y : l.yTicks)
        painter.drawLine(QPointF(area.left() - tick, py(y)), QPointF(area.left(), py(y)));
    for (double y : l.rTicks)
        painter.drawLine(QPointF(area.right(), pr(y)), QPointF(area.right() + tick, pr(y)));
    // Each box is as wide as its text: drawn without clipping, never elided.
    const auto label = [&painter](const TickLabel& t, Qt::Alignment align) {
        painter.drawText(t.box, align | Qt::AlignVCenter | Qt::TextDontClip, t.text);
    };
    painter.setPen(theme.text);
    for (const TickLabel& t : l.xLabels)
        label(t, Qt::AlignHCenter);
    for (const TickLabel& t : l.yLabels)
        label(t, Qt::AlignRight);
    painter.setPen(colour(ChartCurve::Loss));
    for (const TickLabel& t : l.rLabels)
        label(t, Qt::AlignLeft);
    painter.setPen(theme.text);
    painter.drawText(QRectF(area.left(), area.bottom() + tick + 2.0 + fm.height(), area.width(),
                            fm.height() + 4.0),
                     Qt::AlignCenter, Text::tr("epoch"));

    // Title and legend along the top, or the legend in rows under the title when both do not
    // fit.
    QFont titleFont = theme.font(1.15, true);
    std::vector<ChartCurve> shown;
    for (const Line& line : chart.lines)
        shown.push_back(line.curve);
    const QString fullTitle = ChartPainter::title(kind, chart.weightSizes);
    // As plotArea() decided, which made room for the rows.
    const Legend legend =
        legendOf(chart.area.width(), legendRowWidth(target), fullTitle, shown, chart.loss, theme);
    const bool oneLine = legend.besideTitle;
    const double titleTop = target.top() + 8.0;
    // Over a narrow chart the title may start left of the plot, above the tick labels.
    const double titleLeft = oneLine ? area.left() : target.left() + 8.0;
    const double titleWidth = std::max(0.0, target.right() - 4.0 - titleLeft);
    // A title too long for a narrow chart (Japanese ones are) is set smaller, down to the tick
    // labels' size, before it is elided.
    const double fullWidth = QFontMetricsF(titleFont).horizontalAdvance(fullTitle);
    if (fullWidth > titleWidth && fullWidth > 0.0) {
        const double fitted = std::floor(titleFont.pixelSize() * titleWidth / fullWidth);
        titleFont.setPixelSize(int(std::max(double(theme.font().pixelSize()), fitted)));
    }
    const QFontMetricsF tfm(titleFont);
    const QString title = tfm.elidedText(fullTitle, Qt::ElideRight, titleWidth);
    painter.setFont(titleFont);
    painter.setPen(theme.text);
    painter.drawText(QRectF(titleLeft, titleTop, tfm.horizontalAdvance(title) + 4.0, tfm.height()),
                     Qt::AlignLeft | Qt::AlignVCenter, title);
    painter.setFont(font);
    for (std::size_t row = 0; row < legend.rows.size(); ++row) {
        double x = oneLine ? area.right() : target.right() - kLegendRight;
        const double cy = oneLine ? titleTop + 0.5 * tfm.height()
                                  : titleTop + tfm.height() + 4.0 + 0.5 * fm.height() +
                                        double(row) * std::ceil(fm.height() + 4.0);
        const std::vector<LegendEntry>& entries = legend.rows[row];
        for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
            const double textWidth = fm.horizontalAdvance(it->name);
            x -= textWidth;
            painter.setPen(theme.text);
            painter.drawText(QRectF(x, cy - 0.5 * fm.height(), textWidth + 2.0, fm.height()),
                             Qt::AlignLeft | Qt::AlignVCenter, it->name);
            x -= 6.0 + it->sample;
            painter.setPen(
                QPen(colour(it->curve), widthOf(it->curve), styleOf(it->curve), Qt::FlatCap));
            painter.drawLine(QPointF(x, cy), QPointF(x + it->sample, cy));
            if (!it->prefix.isEmpty()) {
                const double prefixWidth = fm.horizontalAdvance(it->prefix);
                x -= 6.0 + prefixWidth;
                painter.setPen(theme.text);
                painter.drawText(QRectF(x, cy - 0.5 * fm.height(), prefixWidth + 2.0, fm.height()),
                                 Qt::AlignLeft | Qt::AlignVCenter, it->prefix);
            }
            x -= it->gap;
        }
    }
    painter.restore();
}

} // namespace plab::render
