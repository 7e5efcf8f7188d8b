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
    // Side by side or stacked, whichever gives charts closer to their 1.6 : 1 (a dock 220
    // pixels wide and 200 high stacks them, instead of two 110-pixel charts).
    const double aspect = std::max(1.0, all.width()) / std::max(1.0, all.height());
    const double sideBySide = std::abs(std::log(0.5 * aspect / 1.6));
    const double stacked = std::abs(std::log(2.0 * aspect / 1.6));
    if (sideBySide <= stacked) {
        const double w = 0.5 * (all.width() - kGap);
        return QRectF(first ? 0.0 : all.width() - w, 0.0, w, all.height());
    }
    const double h = 0.5 * (all.height() - kGap);
    return QRectF(0.0, first ? 0.0 : all.height() - h, all.width(), h);
}

QList<QPointF> LearningCurves::drawnPoints(Curve curve)
{
    redrawNow();
    const bool errors = curve == Curve::Errors || curve == Curve::Loss;
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
