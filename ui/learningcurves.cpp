#include "learningcurves.h"

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

QList<QPointF> decimateMinMax(std::span<const double> values, int buckets)
{
    const auto n = values.size();
    QList<QPointF> out;
    if (n == 0)
        return out;
    buckets = std::max(buckets, 1);
    if (n <= 2 * std::size_t(buckets)) {
        out.reserve(qsizetype(n));
        for (std::size_t i = 0; i < n; ++i)
            out.append(QPointF(double(i), values[i]));
        return out;
    }
    out.reserve(2 * buckets + 2);
    auto keep = [&](std::size_t i) {
        if (out.isEmpty() || out.last().x() < double(i))
            out.append(QPointF(double(i), values[i]));
    };
    keep(0);
    for (std::size_t k = 0; k < std::size_t(buckets); ++k) {
        const std::size_t first = k * n / std::size_t(buckets);
        const std::size_t last = (k + 1) * n / std::size_t(buckets);
        if (first >= last)
            continue;
        const auto begin = values.begin() + std::ptrdiff_t(first);
        const auto end = values.begin() + std::ptrdiff_t(last);
        const auto [lo, hi] = std::minmax_element(begin, end);
        const auto iLo = std::size_t(lo - values.begin());
        const auto iHi = std::size_t(hi - values.begin());
        keep(std::min(iLo, iHi));
        keep(std::max(iLo, iHi));
    }
    keep(n - 1);
    return out;
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

void LearningCurves::clear()
{
    truncate(0);
}

void LearningCurves::append(const learning::EpochSnapshot& snapshot)
{
    const auto epoch = std::size_t(std::max(snapshot.epoch, 0));
    if (epoch < m_errors.size())
        truncate(int(epoch));
    // A gap (epochs never delivered) would shift every later point; start over from the
    // snapshot instead of drawing a wrong x axis.
    if (epoch > m_errors.size())
        truncate(0);
    m_errors.push_back(double(snapshot.errors));
    m_loss.push_back(snapshot.loss);
    m_w1.push_back(snapshot.model.w.x());
    m_w2.push_back(snapshot.model.w.y());
    m_b.push_back(snapshot.model.b);
    scheduleRedraw();
}

void LearningCurves::truncate(int count)
{
    const auto n = std::size_t(std::max(count, 0));
    if (n >= m_errors.size())
        return;
    for (auto* v : {&m_errors, &m_loss, &m_w1, &m_w2, &m_b})
        v->resize(n);
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
    m_errorSeries->replace(decimateMinMax(m_errors, errorBuckets));
    m_lossSeries->replace(m_showLoss ? decimateMinMax(m_loss, errorBuckets) : QList<QPointF>());
    m_w1Series->replace(decimateMinMax(m_w1, weightBuckets));
    m_w2Series->replace(decimateMinMax(m_w2, weightBuckets));
    m_bSeries->replace(m_showBias ? decimateMinMax(m_b, weightBuckets) : QList<QPointF>());

    // The marker may sit inside the epoch after the last recorded one (stepping by samples).
    const double lastEpoch = std::max({double(m_errors.size()) - 1.0, std::ceil(m_marker), 1.0});
    setRangeOf(m_errorX, 0.0, lastEpoch, true);
    setRangeOf(m_weightX, 0.0, lastEpoch, true);

    const auto maxOf = [](const std::vector<double>& v) {
        return v.empty() ? 0.0 : *std::max_element(v.begin(), v.end());
    };
    setRangeOf(m_errorY, 0.0, std::max(maxOf(m_errors), 1.0), true);
    if (m_showLoss)
        setRangeOf(m_lossY, 0.0, std::max(maxOf(m_loss), 1e-12), false);

    double lo = 0.0;
    double hi = 0.0;
    for (const auto* v : {&m_w1, &m_w2, &m_b}) {
        if (v == &m_b && !m_showBias)
            continue;
        if (v->empty())
            continue;
        const auto [mn, mx] = std::minmax_element(v->begin(), v->end());
        lo = std::min(lo, *mn);
        hi = std::max(hi, *mx);
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
