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

// The window's chart colours (Okabe-Ito, as in learningcurves.cpp), with a line style each so
// the curves stay apart in grey-scale print too.
constexpr QRgb kErrorColour = 0xD55E00; // vermillion
constexpr QRgb kLossColour = 0xCC79A7;  // reddish purple
constexpr QRgb kW1Colour = 0x0072B2;    // blue
constexpr QRgb kW2Colour = 0xE69F00;    // orange
constexpr QRgb kBiasColour = 0x009E73;  // bluish green

struct Curve
{
    QString name;
    std::span<const double> values;
    QColor colour;
    Qt::PenStyle style;
    bool rightAxis = false;
};

/// The finite minimum and maximum of \p values, if any value is finite.
std::optional<std::pair<double, double>> finiteRange(std::span<const double> values)
{
    std::optional<std::pair<double, double>> range;
    for (double v : values) {
        if (!std::isfinite(v))
            continue;
        if (!range)
            range = std::pair{v, v};
        range->first = std::min(range->first, v);
        range->second = std::max(range->second, v);
    }
    return range;
}

/// The polyline of \p values in pixels: value i at epoch i, reduced to the first and the
/// extremes of each pixel column when there are more values than columns. Non-finite values
/// break the line (returned as separate polylines).
std::vector<QPolygonF> curvePixels(std::span<const double> values, const QRectF& area, double x0,
                                   double x1, double y0, double y1)
{
    const auto px = [&](double x) { return area.left() + (x - x0) / (x1 - x0) * area.width(); };
    const auto py = [&](double y) { return area.bottom() - (y - y0) / (y1 - y0) * area.height(); };
    std::vector<QPolygonF> lines(1);
    const std::size_t n = values.size();
    const std::size_t columns = std::max<std::size_t>(1, std::size_t(area.width()));
    const auto add = [&](std::size_t i) {
        const double v = values[i];
        if (!std::isfinite(v)) {
            if (!lines.back().isEmpty())
                lines.emplace_back();
            return;
        }
        lines.back() << QPointF(px(double(i)), py(v));
    };
    if (n <= 2 * columns) {
        for (std::size_t i = 0; i < n; ++i)
            add(i);
    } else {
        for (std::size_t c = 0; c < columns; ++c) {
            const std::size_t first = c * n / columns;
            const std::size_t last = (c + 1) * n / columns;
            if (first >= last)
                continue;
            std::size_t lo = first;
            std::size_t hi = first;
            for (std::size_t i = first; i < last; ++i) {
                if (!std::isfinite(values[i]))
                    continue;
                if (!std::isfinite(values[lo]) || values[i] < values[lo])
                    lo = i;
                if (!std::isfinite(values[hi]) || values[i] > values[hi])
                    hi = i;
            }
            add(std::min(lo, hi));
            if (hi != lo)
                add(std::max(lo, hi));
        }
        add(n - 1);
    }
    if (lines.back().isEmpty())
        lines.pop_back();
    return lines;
}

std::vector<Curve> curvesOf(const ChartSeries& s, ChartPainter::Kind kind)
{
    std::vector<Curve> curves;
    if (kind == ChartPainter::Kind::Errors) {
        curves.push_back({Text::tr("errors"), s.errors, QColor(kErrorColour), Qt::SolidLine});
        if (s.showLoss)
            curves.push_back({Text::tr("loss"), s.loss, QColor(kLossColour), Qt::DashLine, true});
    } else {
        curves.push_back({QStringLiteral("w\u2081"), s.w1, QColor(kW1Colour), Qt::SolidLine});
        curves.push_back({QStringLiteral("w\u2082"), s.w2, QColor(kW2Colour), Qt::DashLine});
        if (s.showBias)
            curves.push_back({QStringLiteral("b"), s.b, QColor(kBiasColour), Qt::DotLine});
    }
    return curves;
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

ChartSeries ChartSeries::fromHistory(const learning::History& history,
                                     const learning::TrainingSettings& settings)
{
    ChartSeries s;
    const auto epochs = std::size_t(history.epochCount());
    s.errors.reserve(epochs);
    s.loss.reserve(epochs);
    s.w1.reserve(epochs);
    s.w2.reserve(epochs);
    s.b.reserve(epochs);
    for (int e = 0; e < history.epochCount(); ++e) {
        s.errors.push_back(history.errors(e));
        s.loss.push_back(history.loss(e));
        s.w1.push_back(history.parameter(e, 0));
        s.w2.push_back(history.parameter(e, 1));
        s.b.push_back(history.parameter(e, 2));
    }
    s.showLoss = !learning::isPerceptronFamily(settings.rule);
    s.showBias = settings.useBias;
    return s;
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
    const double top = std::ceil(title.height() + 18.0);
    const double bottom = std::ceil(2.0 * fm.height() + 12.0);
    const QRectF area(std::round(target.left() + left), std::round(target.top() + top),
                      std::floor(target.width() - left - right),
                      std::floor(target.height() - top - bottom));
    if (area.width() < 1.0 || area.height() < 1.0)
        return QRectF(target.topLeft(),
                      QSizeF(std::max(1.0, target.width()), std::max(1.0, target.height())));
    return area;
}

void ChartPainter::paint(QPainter& painter, const QRectF& target, const ChartSeries& series,
                         Kind kind, double markerEpoch, const Theme& theme)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    painter.fillRect(target, theme.background);

    const QRectF area = plotArea(target, series, kind, theme);
    const QFont font = theme.font();
    const QFontMetricsF fm(font);
    const std::vector<Curve> curves = curvesOf(series, kind);
    const std::size_t n = curves.empty() ? 0 : curves.front().values.size();

    double x0 = 0.0;
    double x1 = std::max<double>(1.0, double(n) - 1.0);
    const int xTarget = std::clamp(
        int(area.width() / (fm.horizontalAdvance(QStringLiteral("00000")) + 40.0)), 2, 12);
    const Ticks xTicks = axisTicks(x0, x1, xTarget, true, false);
    const int yTarget = std::clamp(int(area.height() / (fm.height() * 3.0)), 2, 10);
    // Errors and loss from 0; the weights over their range and 0, so each sign reads off the grid.
    double y0 = 0.0;
    double y1 = 0.0;
    double r0 = 0.0;
    double r1 = 0.0;
    for (const Curve& c : curves) {
        const auto range = finiteRange(c.values);
        if (!range)
            continue;
        double& lo = c.rightAxis ? r0 : y0;
        double& hi = c.rightAxis ? r1 : y1;
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
    for (const Curve& c : curves) {
        QPen pen(c.colour, width, c.style, Qt::RoundCap, Qt::RoundJoin);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        const double lo = c.rightAxis ? r0 : y0;
        const double hi = c.rightAxis ? r1 : y1;
        for (const QPolygonF& line : curvePixels(c.values, area, x0, x1, lo, hi)) {
            if (line.size() == 1)
                painter.drawPoint(line.front());
            else
                painter.drawPolyline(line);
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
    if (kind == Kind::Errors && series.showLoss) {
        for (double y : rTicks.values) {
            const double p = pr(y);
            painter.setPen(QPen(theme.frame, 1.0));
            painter.drawLine(QPointF(area.right(), p), QPointF(area.right() + tick, p));
            painter.setPen(QColor(kLossColour));
            painter.drawText(QRectF(area.right() + tick + 4.0, p - 0.5 * fm.height(),
                                    target.right() - area.right() - tick - 4.0, fm.height()),
                             Qt::AlignLeft | Qt::AlignVCenter, formatTick(y, rTicks));
        }
    }
    painter.setPen(theme.text);
    painter.drawText(QRectF(area.left(), area.bottom() + tick + 2.0 + fm.height(), area.width(),
                            fm.height() + 4.0),
                     Qt::AlignCenter, Text::tr("epoch"));

    // Title and legend along the top.
    const QFont titleFont = theme.font(1.15, true);
    const QFontMetricsF tfm(titleFont);
    const QString title =
        kind == Kind::Errors ? Text::tr("Errors per epoch") : Text::tr("Weights per epoch");
    painter.setFont(titleFont);
    painter.setPen(theme.text);
    const double titleTop = target.top() + 8.0;
    painter.drawText(
        QRectF(area.left(), titleTop, tfm.horizontalAdvance(title) + 4.0, tfm.height()),
        Qt::AlignLeft | Qt::AlignVCenter, title);
    painter.setFont(font);
    double x = area.right();
    const double cy = titleTop + 0.5 * tfm.height();
    for (auto it = curves.rbegin(); it != curves.rend(); ++it) {
        const double textWidth = fm.horizontalAdvance(it->name);
        x -= textWidth;
        painter.setPen(theme.text);
        painter.drawText(QRectF(x, cy - 0.5 * fm.height(), textWidth + 2.0, fm.height()),
                         Qt::AlignLeft | Qt::AlignVCenter, it->name);
        x -= 30.0;
        painter.setPen(QPen(it->colour, width, it->style, Qt::FlatCap));
        painter.drawLine(QPointF(x, cy), QPointF(x + 24.0, cy));
        x -= 16.0;
    }
    painter.restore();
}

} // namespace plab::render
