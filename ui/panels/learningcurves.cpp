#include "ui/panels/learningcurves.h"

#include <QEvent>
#include <QPainter>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace plab::ui {

namespace {

// The charts side by side when the widget is wide (a dock under the plot), stacked otherwise
// (a dock beside it), with this gap between them.
constexpr int kGap = 2;

} // namespace

LearningCurves::LearningCurves(QWidget* parent) : QWidget(parent)
{
    setMinimumSize(160, 120);
    setAttribute(Qt::WA_OpaquePaintEvent); // ChartPainter fills every pixel
    m_theme = render::Theme::forPalette(palette());
    m_redrawTimer = new QTimer(this);
    m_redrawTimer->setSingleShot(true);
    // A redraw reads every epoch of every curve: about 15 a second are enough while a run grows
    // the history; redrawNow() is there for changes that must show at once.
    m_redrawTimer->setInterval(66);
    connect(m_redrawTimer, &QTimer::timeout, this, [this] { invalidate(); });
}

LearningCurves::~LearningCurves() = default;

void LearningCurves::setHistory(const learning::History* history)
{
    m_series.history = history;
    invalidate(true);
}

void LearningCurves::historyChanged()
{
    invalidate(true);
}

void LearningCurves::setSettings(const learning::TrainingSettings& settings)
{
    const render::ChartSeries series = m_series.with(settings);
    if (series == m_series)
        return;
    m_series = series;
    invalidate(true);
}

void LearningCurves::setShowLoss(bool show)
{
    if (m_series.showLoss == show)
        return;
    m_series.showLoss = show;
    invalidate(true);
}

void LearningCurves::setShowBias(bool show)
{
    if (m_series.showBias == show)
        return;
    m_series.showBias = show;
    invalidate(true);
}

void LearningCurves::setTheme(const render::Theme& theme)
{
    m_themeSet = true;
    if (m_theme == theme)
        return;
    m_theme = theme;
    invalidate(); // fonts decide the plot area
}

void LearningCurves::setMarker(double epoch)
{
    if (m_marker == epoch)
        return;
    m_marker = epoch;
    update(); // the decimated curves stay: the marker is painted over them
}

void LearningCurves::redrawNow()
{
    if (m_redrawTimer->isActive()) {
        m_redrawTimer->stop();
        invalidate();
    }
}

QRectF LearningCurves::chartRect(Kind kind) const
{
    const QRectF all = rect();
    const bool first = kind == Kind::Errors;
    // Side by side or stacked, whichever leaves the curves more room: the larger of the two
    // arrangements' smallest plot area side, the width counted at the curves' 1.6 : 1 (a square
    // dock stacks them; a dock 340 pixels wide and 260 high keeps them side by side, where
    // stacked charts would keep 50 pixels of curve under their titles and tick labels).
    const double halfWidth = 0.5 * (all.width() - kGap);
    const double halfHeight = 0.5 * (all.height() - kGap);
    const auto room = [&](const QRectF& chart) {
        double smallest = 1e300;
        for (const auto k :
             {render::ChartPainter::Kind::Errors, render::ChartPainter::Kind::Weights}) {
            const QRectF plot = render::ChartPainter::plotArea(chart, m_series, k, m_theme);
            // plotArea() gives the whole chart when its titles, legend and tick labels leave no
            // room: no room at all, not the most.
            if (plot == chart)
                return 0.0;
            smallest = std::min({smallest, plot.width() / 1.6, plot.height()});
        }
        return smallest;
    };
    if (room(QRectF(0.0, 0.0, halfWidth, all.height())) >=
        room(QRectF(0.0, 0.0, all.width(), halfHeight))) {
        return QRectF(first ? 0.0 : all.width() - halfWidth, 0.0, halfWidth, all.height());
    }
    return QRectF(0.0, first ? 0.0 : all.height() - halfHeight, all.width(), halfHeight);
}

QList<QPointF> LearningCurves::drawnPoints(Curve curve)
{
    redrawNow();
    const bool errors =
        curve == Curve::Errors || curve == Curve::Loss || render::classOf(curve) >= 0;
    for (const auto& line : decimated(errors ? Kind::Errors : Kind::Weights).lines)
        if (line.curve == curve)
            return line.points;
    return {};
}

void LearningCurves::paintEvent(QPaintEvent* /*event*/)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().window());
    for (const Kind kind : {Kind::Errors, Kind::Weights})
        render::ChartPainter::paint(painter, decimated(kind), m_marker, m_theme);
}

void LearningCurves::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    invalidate(); // the plot areas and so the pixel columns follow the size
}

void LearningCurves::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    switch (event->type()) {
    case QEvent::PaletteChange:
    case QEvent::StyleChange:
        if (!m_themeSet && m_theme != render::Theme::forPalette(palette())) {
            m_theme = render::Theme::forPalette(palette());
            invalidate();
        }
        break;
    case QEvent::LanguageChange:
        update(); // ChartPainter translates its titles and legends as it paints
        break;
    default:
        break;
    }
}

void LearningCurves::invalidate(bool coalesce)
{
    if (coalesce) {
        // Many appends per frame cost one redraw.
        if (!m_redrawTimer->isActive())
            m_redrawTimer->start();
        return;
    }
    m_redrawTimer->stop();
    m_errors.reset();
    m_weights.reset();
    update();
}

const render::ChartPainter::Decimated& LearningCurves::decimated(Kind kind)
{
    std::optional<render::ChartPainter::Decimated>& cached =
        kind == Kind::Errors ? m_errors : m_weights;
    if (!cached)
        cached = render::ChartPainter::decimate(chartRect(kind), m_series, kind, m_theme);
    return *cached;
}

} // namespace plab::ui
