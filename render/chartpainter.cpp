#include "render/chartpainter.h"

#include "render/viewtransform.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

#include <algorithm>
#include <cmath>
#include <span>

namespace plab::render {

namespace {

/// The translation context of this file's texts (lupdate reads the name from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(plab::render::ChartPainter)
};

/// The legend name and line style of \p curve (a style each, so the curves stay apart in
/// grey-scale print too).
std::pair<QString, Qt::PenStyle> lookOf(ChartCurve curve)
{
    switch (curve) {
    case ChartCurve::Errors:
        return {Text::tr("errors"), Qt::SolidLine};
    case ChartCurve::Loss:
        return {Text::tr("loss"), Qt::DashLine};
    case ChartCurve::W1:
        return {QStringLiteral("w\u2081"), Qt::SolidLine};
    case ChartCurve::W2:
        return {QStringLiteral("w\u2082"), Qt::DashLine};
    case ChartCurve::Bias:
        return {QStringLiteral("b"), Qt::DotLine};
    }
    return {QString(), Qt::SolidLine};
}

/// The width of a legend of \p curves: for each a 24-pixel line sample, 6 pixels and the name,
/// 16 pixels apart.
double legendWidth(const std::vector<ChartCurve>& curves, const QFontMetricsF& fm)
{
    double width = 0.0;
    for (const ChartCurve curve : curves)
        width += (width > 0.0 ? 16.0 : 0.0) + 30.0 + fm.horizontalAdvance(lookOf(curve).first);
    return width;
}

/// Whether the title of chart \p kind and the legend of \p curves fit side by side over a plot
/// \p width wide; if not, the legend goes on a line of its own under the title.
bool legendBesideTitle(double width, ChartPainter::Kind kind, const std::vector<ChartCurve>& curves,
                       const Theme& theme)
{
    const double title =
        QFontMetricsF(theme.font(1.15, true)).horizontalAdvance(ChartPainter::title(kind));
    return title + 16.0 + legendWidth(curves, QFontMetricsF(theme.font())) <= width;
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

ChartSeries ChartSeries::of(const learning::History& history,
                            const learning::TrainingSettings& settings)
{
    return {&history, !learning::isPerceptronFamily(settings.rule), settings.useBias};
}

std::vector<ChartCurve> ChartSeries::curves(bool errors) const
{
    if (errors)
        return showLoss ? std::vector{ChartCurve::Errors, ChartCurve::Loss}
                        : std::vector{ChartCurve::Errors};
    return showBias ? std::vector{ChartCurve::W1, ChartCurve::W2, ChartCurve::Bias}
                    : std::vector{ChartCurve::W1, ChartCurve::W2};
}

QString ChartPainter::title(Kind kind)
{
    return kind == Kind::Errors ? Text::tr("Errors per epoch") : Text::tr("Weights per epoch");
}

QRectF ChartPainter::plotArea(const QRectF& target, const ChartSeries& series, Kind kind,
                              const Theme& theme)
{
    const QFontMetricsF fm(theme.font());
    const QFontMetricsF title(theme.font(1.15, true));
    const double left = std::ceil(fm.horizontalAdvance(QStringLiteral("\u22120.000")) + 16.0);
    const bool rightAxis = kind == Kind::Errors && series.showLoss;
    const double right =
        rightAxis ? std::ceil(fm.horizontalAdvance(QStringLiteral("0.000e+00")) + 14.0) : 18.0;
    const double width = std::floor(target.width() - left - right);
    double top = std::ceil(title.height() + 18.0);
    if (!legendBesideTitle(width, kind, series.curves(kind == Kind::Errors), theme))
        top += std::ceil(fm.height() + 4.0);
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
    const int columns = std::max(1, int(chart.area.width()));
    const auto n = std::size_t(chart.epochs);
    const learning::History* h = series.history;
    // Appends the extremes of epochs first .. last - 1 of curve to out, with a loop per column of
    // the history (a redraw of a long run reads every epoch).
    const auto extremes = [h](ChartCurve curve, std::size_t first, std::size_t last,
                              QList<QPointF>& out) {
        switch (curve) {
        case ChartCurve::Errors:
            return appendColumnExtremes(
                first, last, [h](std::size_t e) { return h->errors(int(e)); }, out);
        case ChartCurve::Loss:
            return appendColumnExtremes(
                first, last, [h](std::size_t e) { return h->loss(int(e)); }, out);
        case ChartCurve::W1:
        case ChartCurve::W2:
        case ChartCurve::Bias:
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

void ChartPainter::paint(QPainter& painter, const Decimated& chart, double markerEpoch,
                         const Theme& theme)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    const QRectF& target = chart.target;
    const QRectF& area = chart.area;
    const Kind kind = chart.kind;
    painter.fillRect(target, theme.background);

    const QFont font = theme.font();
    const QFontMetricsF fm(font);
    const std::size_t n = std::size_t(chart.epochs);
    const auto onRight = [](const Line& line) { return line.curve == ChartCurve::Loss; };
    const bool rightAxis = std::any_of(chart.lines.begin(), chart.lines.end(), onRight);

    double x0 = 0.0;
    double x1 = std::max<double>(1.0, double(n) - 1.0);
    // The marker may sit inside the epoch after the last recorded one (stepping by samples).
    if (n > 0 && std::isfinite(markerEpoch))
        x1 = std::max(x1, std::ceil(markerEpoch));
    const int xTarget = std::clamp(
        int(area.width() / (fm.horizontalAdvance(QStringLiteral("00000")) + 40.0)), 2, 12);
    const Ticks xTicks = axisTicks(x0, x1, xTarget, true, false);
    const int yTarget = std::clamp(int(area.height() / (fm.height() * 3.0)), 2, 10);
    // Errors and loss from 0; the weights over their range and 0, so each sign reads off the grid.
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
    pad(y0, y1, kind == Kind::Errors);
    pad(r0, r1, true);
    const Ticks yTicks = axisTicks(y0, y1, yTarget, kind == Kind::Errors, true);
    const Ticks rTicks = axisTicks(r0, r1, yTarget, false, true);

    painter.fillRect(area, theme.plotBackground);
    const auto px = [&](double x) { return area.left() + (x - x0) / (x1 - x0) * area.width(); };
    const auto py = [&](double y) { return area.bottom() - (y - y0) / (y1 - y0) * area.height(); };
    const auto pr = [&](double y) { return area.bottom() - (y - r0) / (r1 - r0) * area.height(); };

    // Grid.
    painter.setPen(QPen(theme.grid, theme.gridWidth));
    for (double x : xTicks.values)
        painter.drawLine(QPointF(px(x), area.top()), QPointF(px(x), area.bottom()));
    for (double y : yTicks.values)
        painter.drawLine(QPointF(area.left(), py(y)), QPointF(area.right(), py(y)));
    if (y0 < 0.0 && y1 > 0.0) {
        painter.setPen(QPen(theme.zeroAxis, 1.3 * theme.gridWidth));
        painter.drawLine(QPointF(area.left(), py(0.0)), QPointF(area.right(), py(0.0)));
    }

    // The curves, clipped to the plot.
    painter.save();
    painter.setClipRect(area);
    const double width = std::max(2.0, 0.8 * theme.boundaryWidth);
    for (const Line& line : chart.lines) {
        painter.setPen(QPen(chartColour(line.curve), width, lookOf(line.curve).second, Qt::RoundCap,
                            Qt::RoundJoin));
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
    // The epoch shown.
    if (std::isfinite(markerEpoch) && n > 0) {
        const double x = px(std::clamp(markerEpoch, x0, x1));
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
    double lastRight = -1e300;
    for (double x : xTicks.values) {
        const double p = px(x);
        painter.setPen(QPen(theme.frame, 1.0));
        painter.drawLine(QPointF(p, area.bottom()), QPointF(p, area.bottom() + tick));
        const QString label = formatTick(x, xTicks);
        const double w = fm.horizontalAdvance(label);
        const QRectF box(p - 0.5 * w, area.bottom() + tick + 2.0, w, fm.height());
        if (box.left() < lastRight + 6.0)
            continue;
        lastRight = box.right();
        painter.setPen(theme.text);
        painter.drawText(box, Qt::AlignCenter, label);
    }
    for (double y : yTicks.values) {
        const double p = py(y);
        painter.setPen(QPen(theme.frame, 1.0));
        painter.drawLine(QPointF(area.left() - tick, p), QPointF(area.left(), p));
        painter.setPen(theme.text);
        painter.drawText(QRectF(target.left(), p - 0.5 * fm.height(),
                                area.left() - tick - 4.0 - target.left(), fm.height()),
                         Qt::AlignRight | Qt::AlignVCenter, formatTick(y, yTicks));
    }
    if (rightAxis) {
        for (double y : rTicks.values) {
            const double p = pr(y);
            painter.setPen(QPen(theme.frame, 1.0));
            painter.drawLine(QPointF(area.right(), p), QPointF(area.right() + tick, p));
            painter.setPen(chartColour(ChartCurve::Loss));
            painter.drawText(QRectF(area.right() + tick + 4.0, p - 0.5 * fm.height(),
                                    target.right() - area.right() - tick - 4.0, fm.height()),
                             Qt::AlignLeft | Qt::AlignVCenter, formatTick(y, rTicks));
        }
    }
    painter.setPen(theme.text);
    painter.drawText(QRectF(area.left(), area.bottom() + tick + 2.0 + fm.height(), area.width(),
                            fm.height() + 4.0),
                     Qt::AlignCenter, Text::tr("epoch"));

    // Title and legend along the top, or the legend under the title when both do not fit.
    const QFont titleFont = theme.font(1.15, true);
    const QFontMetricsF tfm(titleFont);
    std::vector<ChartCurve> shown;
    for (const Line& line : chart.lines)
        shown.push_back(line.curve);
    const bool oneLine = legendBesideTitle(area.width(), kind, shown, theme);
    const double titleTop = target.top() + 8.0;
    // Over a narrow chart the title may start left of the plot, above the tick labels.
    const double titleLeft = oneLine ? area.left() : target.left() + 8.0;
    const double titleWidth = std::max(0.0, target.right() - 4.0 - titleLeft);
    const QString title = tfm.elidedText(ChartPainter::title(kind), Qt::ElideRight, titleWidth);
    painter.setFont(titleFont);
    painter.setPen(theme.text);
    painter.drawText(QRectF(titleLeft, titleTop, tfm.horizontalAdvance(title) + 4.0, tfm.height()),
                     Qt::AlignLeft | Qt::AlignVCenter, title);
    painter.setFont(font);
    double x = area.right();
    const double cy =
        oneLine ? titleTop + 0.5 * tfm.height() : titleTop + tfm.height() + 4.0 + 0.5 * fm.height();
    for (auto it = chart.lines.rbegin(); it != chart.lines.rend(); ++it) {
        const auto [name, style] = lookOf(it->curve);
        const double textWidth = fm.horizontalAdvance(name);
        x -= textWidth;
        painter.setPen(theme.text);
        painter.drawText(QRectF(x, cy - 0.5 * fm.height(), textWidth + 2.0, fm.height()),
                         Qt::AlignLeft | Qt::AlignVCenter, name);
        x -= 30.0;
        painter.setPen(QPen(chartColour(it->curve), width, style, Qt::FlatCap));
        painter.drawLine(QPointF(x, cy), QPointF(x + 24.0, cy));
        x -= 16.0;
    }
    painter.restore();
}

} // namespace plab::render
