#include "ui/panels/learningcurves.h"

#include <QBoxLayout>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QTimer>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace plab::ui {

namespace {

/// decimateMinMax() for \p n values read through \p value(i): a template, so that reading a
/// History column inlines into the loop (a redraw reads every epoch of five curves).
template <typename Value>
QList<QPointF> decimate(std::size_t n, int buckets, const Value& value)
{
    QList<QPointF> out;
    if (n == 0)
        return out;
    buckets = std::max(buckets, 1);
    if (n <= 2 * std::size_t(buckets)) {
        out.reserve(qsizetype(n));
        for (std::size_t i = 0; i < n; ++i)
            out.append(QPointF(double(i), value(i)));
        return out;
    }
    out.reserve(2 * buckets + 2);
    auto keep = [&](std::size_t i, double v) {
        if (out.isEmpty() || out.last().x() < double(i))
            out.append(QPointF(double(i), v));
    };
    keep(0, value(0));
    for (std::size_t k = 0; k < std::size_t(buckets); ++k) {
        const std::size_t first = k * n / std::size_t(buckets);
        const std::size_t last = (k + 1) * n / std::size_t(buckets);
        if (first >= last)
            continue;
        // The first smallest and the last largest value, as std::minmax_element picks them.
        std::size_t iLo = first;
        std::size_t iHi = first;
        double lo = value(first);
        double hi = lo;
        for (std::size_t i = first + 1; i < last; ++i) {
            const double v = value(i);
            if (v < lo) {
                lo = v;
                iLo = i;
            }
            if (!(v < hi)) {
                hi = v;
                iHi = i;
            }
        }
        if (iLo < iHi) {
            keep(iLo, lo);
            keep(iHi, hi);
        } else {
            keep(iHi, hi);
            keep(iLo, lo);
        }
    }
    keep(n - 1, value(n - 1));
    return out;
}

} // namespace

QList<QPointF> decimateMinMax(std::span<const double> values, int buckets)
{
    return decimate(values.size(), buckets, [values](std::size_t i) { return values[i]; });
}

namespace {

// Okabe-Ito colours: distinguishable with every common colour-vision deficiency.
constexpr QRgb kErrorColour = 0xD55E00; // vermillion
constexpr QRgb kLossColour = 0xCC79A7;  // reddish purple
constexpr QRgb kW1Colour = 0x0072B2;    // blue
constexpr QRgb kW2Colour = 0xE69F00;    // orange
constexpr QRgb kBiasColour = 0x009E73;  // bluish green

/// A 1-2-5 step that puts about \p ticks ticks on \p span, never below \p minimum.
double niceStep(double span, int ticks, double minimum)
{
    const double raw = std::max(span / std::max(ticks, 1), minimum);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double m : {1.0, 2.0, 5.0, 10.0}) {
        if (raw <= m * magnitude)
            return std::max(m * magnitude, minimum);
    }
    return 10.0 * magnitude;
}

QLineSeries* makeSeries(const QString& name, QRgb colour, qreal width = 2.0)
{
    auto* series = new QLineSeries;
    series->setName(name);
    QPen pen{QColor(colour)};
    pen.setWidthF(width);
    series->setPen(pen);
    return series;
}

QChart* makeChart(const QString& title)
{
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->legend()->setAlignment(Qt::AlignTop);
    return chart;
}

void attach(QChart* chart, QLineSeries* series, QValueAxis* x, QValueAxis* y)
{
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
}

/// Ticks every \p step on [\p lo, \p hi]. Qt Charts lays the ticks out at every change, so the
/// order matters: widening the range while the old, smaller step is still set would create one
/// tick item per old step (tens of thousands for a long run) and stall the GUI thread.
void applyTicks(QValueAxis* axis, double lo, double hi, double step)
{
    if (step >= axis->tickInterval()) {
        axis->setTickInterval(step);
        axis->setRange(lo, hi);
    } else {
        axis->setRange(lo, hi);
        axis->setTickInterval(step);
    }
}

void setRangeOf(QValueAxis* axis, double lo, double hi, bool integers)
{
    if (!(hi > lo)) {
        const double pad = lo == 0.0 ? 1.0 : std::abs(lo) * 0.1;
        lo -= pad;
        hi += pad;
    }
    if (integers) {
        applyTicks(axis, lo, hi, niceStep(hi - lo, 5, 1.0));
        return;
    }
    const double step = niceStep(hi - lo, 5, 0.0);
    // As many decimals as the step needs: Qt Charts adds the step up from the minimum, so a tick
    // meant to be 0 can come out as -5.55e-17, which "%g" would print.
    const int decimals = std::max(0, int(-std::floor(std::log10(step) + 1e-9)));
    axis->setLabelFormat(u"%.%1f"_s.arg(decimals));
    applyTicks(axis, std::floor(lo / step) * step, std::ceil(hi / step) * step, step);
}

/// A value axis with ticks at multiples of a step (see applyTicks()), over [0, 1] to start.
QValueAxis* makeAxis()
{
    auto* axis = new QValueAxis;
    axis->setRange(0.0, 1.0);
    axis->setTickAnchor(0.0);
    axis->setTickInterval(1.0);
    axis->setTickType(QValueAxis::TicksDynamic);
    return axis;
}

} // namespace

LearningCurves::LearningCurves(QWidget* parent) : QWidget(parent)
{
    // Titles and series names: retranslateUi().
    auto* errorChart = makeChart(QString());
    m_errorX = makeAxis();
    m_errorX->setLabelFormat(QStringLiteral("%d"));
    m_errorY = makeAxis();
    m_errorY->setLabelFormat(QStringLiteral("%d"));
    m_lossY = makeAxis();
    errorChart->addAxis(m_errorX, Qt::AlignBottom);
    errorChart->addAxis(m_errorY, Qt::AlignLeft);
    errorChart->addAxis(m_lossY, Qt::AlignRight);
    m_errorSeries = makeSeries(QString(), kErrorColour);
    m_lossSeries = makeSeries(QString(), kLossColour);
    m_errorMarker = makeSeries(QString(), 0x808080, 1.5);
    attach(errorChart, m_errorSeries, m_errorX, m_errorY);
    attach(errorChart, m_lossSeries, m_errorX, m_lossY);
    attach(errorChart, m_errorMarker, m_errorX, m_errorY);

    auto* weightChart = makeChart(QString());
    m_weightX = makeAxis();
    m_weightX->setLabelFormat(QStringLiteral("%d"));
    m_weightY = makeAxis();
    weightChart->addAxis(m_weightX, Qt::AlignBottom);
    weightChart->addAxis(m_weightY, Qt::AlignLeft);
    m_w1Series = makeSeries(QString(), kW1Colour);
    m_w2Series = makeSeries(QString(), kW2Colour);
    m_bSeries = makeSeries(QString(), kBiasColour);
    m_weightMarker = makeSeries(QString(), 0x808080, 1.5);
    attach(weightChart, m_w1Series, m_weightX, m_weightY);
    attach(weightChart, m_w2Series, m_weightX, m_weightY);
    attach(weightChart, m_bSeries, m_weightX, m_weightY);
    attach(weightChart, m_weightMarker, m_weightX, m_weightY);

    for (auto* marker : {m_errorMarker, m_weightMarker}) {
        QPen pen = marker->pen();
        pen.setStyle(Qt::DashLine);
        marker->setPen(pen);
        const auto markers = marker->chart()->legend()->markers(marker);
        for (auto* legendMarker : markers)
            legendMarker->setVisible(false);
    }

    m_errorView = new QChartView(errorChart, this);
    m_weightView = new QChartView(weightChart, this);
    for (auto* view : {m_errorView, m_weightView}) {
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumSize(160, 120);
    }
    // Side by side when the widget is wide (a dock under the plot), stacked when it is tall (a
    // dock beside it); see resizeEvent().
    retranslateUi();
    auto* layout = new QBoxLayout(QBoxLayout::TopToBottom, this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_errorView);
    layout->addWidget(m_weightView);

    m_redrawTimer = new QTimer(this);
    m_redrawTimer->setSingleShot(true);
    // Charts need no more than ~15 redraws a second, and Qt Charts' layout of series and axes
    // costs milliseconds each time; redrawNow() is there for changes that must show at once.
    m_redrawTimer->setInterval(66);
    connect(m_redrawTimer, &QTimer::timeout, this, &LearningCurves::redraw);

    m_lossSeries->setVisible(false);
    m_lossY->setVisible(false);
    applyPalette();
    redraw();
}

LearningCurves::~LearningCurves() = default;

void LearningCurves::setHistory(const learning::History* history)
{
    m_history = history;
    scheduleRedraw();
}

void LearningCurves::historyChanged()
{
    scheduleRedraw();
}

void LearningCurves::setShowLoss(bool show)
{
    if (m_showLoss == show)
        return;
    m_showLoss = show;
    m_lossSeries->setVisible(show);
    m_lossY->setVisible(show);
    scheduleRedraw();
}

void LearningCurves::setShowBias(bool show)
{
    if (m_showBias == show)
        return;
    m_showBias = show;
    m_bSeries->setVisible(show);
    scheduleRedraw();
}

void LearningCurves::setMarker(double epoch)
{
    m_marker = epoch;
    if (m_marker > m_errorX->max())
        scheduleRedraw(); // the x axis must grow
    else if (!m_redrawTimer->isActive())
        updateMarkers();
}

void LearningCurves::redrawNow()
{
    if (m_redrawTimer->isActive()) {
        m_redrawTimer->stop();
        redraw();
    }
}

QList<QPointF> LearningCurves::drawnPoints(Curve curve)
{
    redrawNow();
    switch (curve) {
    case Curve::Errors:
        return m_errorSeries->points();
    case Curve::Loss:
        return m_lossSeries->points();
    case Curve::W1:
        return m_w1Series->points();
    case Curve::W2:
        return m_w2Series->points();
    case Curve::Bias:
        return m_bSeries->points();
    }
    return {};
}

void LearningCurves::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    auto* box = static_cast<QBoxLayout*>(layout());
    const auto direction = width() >= height() ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom;
    if (box->direction() != direction)
        box->setDirection(direction);
    // The bucket count follows the plot width.
    scheduleRedraw();
}

void LearningCurves::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        applyPalette();
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}

void LearningCurves::retranslateUi()
{
    m_errorView->chart()->setTitle(tr("Errors per epoch"));
    m_weightView->chart()->setTitle(tr("Weights per epoch"));
    m_errorX->setTitleText(tr("epoch"));
    m_weightX->setTitleText(tr("epoch"));
    m_errorSeries->setName(tr("errors"));
    m_lossSeries->setName(tr("loss"));
    m_w1Series->setName(tr("w₁"));
    m_w2Series->setName(tr("w₂"));
    m_bSeries->setName(tr("b"));
}

void LearningCurves::scheduleRedraw()
{
    // Many appends per frame cost one redraw.
    if (!m_redrawTimer->isActive())
        m_redrawTimer->start();
}

int LearningCurves::bucketCount(const QChart* chart) const
{
    const int width = int(chart->plotArea().width());
    return width > 16 ? width : std::max(this->width() / 2, 400);
}

void LearningCurves::redraw()
{
    const int errorBuckets = bucketCount(m_errorView->chart());
    const int weightBuckets = bucketCount(m_weightView->chart());
    const learning::History* h = m_history;
    const auto epochs = std::size_t(epochCount());
    const auto curve = [&](int buckets, auto value) {
        return decimate(epochs, buckets, [h, value](std::size_t e) { return value(*h, int(e)); });
    };
    const auto parameter = [](std::size_t j) {
        return [j](const learning::History& history, int e) { return history.parameter(e, j); };
    };
    const QList<QPointF> errors = curve(errorBuckets, [](const learning::History& history, int e) {
        return double(history.errors(e));
    });
    const QList<QPointF> loss =
        m_showLoss ? curve(errorBuckets,
                           [](const learning::History& history, int e) { return history.loss(e); })
                   : QList<QPointF>();
    const QList<QPointF> w1 = curve(weightBuckets, parameter(0));
    const QList<QPointF> w2 = curve(weightBuckets, parameter(1));
    const QList<QPointF> b = m_showBias ? curve(weightBuckets, parameter(2)) : QList<QPointF>();
    m_errorSeries->replace(errors);
    m_lossSeries->replace(loss);
    m_w1Series->replace(w1);
    m_w2Series->replace(w2);
    m_bSeries->replace(b);

    // The marker may sit inside the epoch after the last recorded one (stepping by samples).
    const double lastEpoch = std::max({double(epochs) - 1.0, std::ceil(m_marker), 1.0});
    setRangeOf(m_errorX, 0.0, lastEpoch, true);
    setRangeOf(m_weightX, 0.0, lastEpoch, true);

    // Every bucket keeps its minimum and maximum, so the decimated points have the extremes of
    // the whole curve.
    const auto maxOf = [](const QList<QPointF>& points) {
        double most = 0.0;
        bool any = false;
        for (const QPointF& p : points) {
            most = any ? std::max(most, p.y()) : p.y();
            any = true;
        }
        return most;
    };
    setRangeOf(m_errorY, 0.0, std::max(maxOf(errors), 1.0), true);
    if (m_showLoss)
        setRangeOf(m_lossY, 0.0, std::max(maxOf(loss), 1e-12), false);

    double lo = 0.0;
    double hi = 0.0;
    for (const QList<QPointF>* points : {&w1, &w2, &b}) {
        for (const QPointF& p : *points) {
            lo = std::min(lo, p.y());
            hi = std::max(hi, p.y());
        }
    }
    setRangeOf(m_weightY, lo, hi, false);
    updateMarkers();
}

void LearningCurves::updateMarkers()
{
    m_errorMarker->replace(
        {QPointF(m_marker, m_errorY->min()), QPointF(m_marker, m_errorY->max())});
    m_weightMarker->replace(
        {QPointF(m_marker, m_weightY->min()), QPointF(m_marker, m_weightY->max())});
}

void LearningCurves::applyPalette()
{
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::WindowText);
    QColor grid = text;
    grid.setAlphaF(0.15);
    for (auto* view : {m_errorView, m_weightView}) {
        QChart* chart = view->chart();
        chart->setBackgroundBrush(pal.base());
        chart->setTitleBrush(text);
        chart->legend()->setLabelColor(text);
        view->setBackgroundBrush(pal.window());
        const auto axes = chart->axes();
        for (auto* axis : axes) {
            axis->setLabelsColor(text);
            axis->setTitleBrush(text);
            axis->setLinePenColor(text);
            axis->setGridLineColor(grid);
        }
    }
}

} // namespace plab::ui
