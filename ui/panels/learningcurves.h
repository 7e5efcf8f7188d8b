#pragma once

#include "learning/history.h"

#include <QList>
#include <QPointF>
#include <QWidget>

#include <span>

class QChart;
class QChartView;
class QLineSeries;
class QValueAxis;
class QTimer;

namespace plab::ui {

/// Reduces \p values (value i drawn at x = i) to at most about 2 * \p buckets points that look the
/// same on screen: for each of \p buckets equal index ranges (one per pixel column) it keeps the
/// minimum and the maximum, in index order, plus the first and the last value so the curve starts
/// and ends where the data does. Short inputs (size <= 2 * buckets) come back unchanged. Only the
/// drawing is decimated, never the recorded history.
[[nodiscard]] QList<QPointF> decimateMinMax(std::span<const double> values, int buckets);

/// The learning-curve charts of a learning::History: errors per epoch (and the loss, on its own
/// axis, for the gradient rules) and the weights w1, w2, b per epoch, each with a vertical marker
/// at the timeline's position. This is the one place that uses Qt Charts (deprecated upstream
/// from Qt 6.10), so it can be replaced without touching anything else.
///
/// The widget reads the history's columns when it redraws and keeps no copy of them: only the
/// points handed to the chart, decimated to its pixel width. It redraws at most about 15 times a
/// second, so long runs stay fast.
class LearningCurves : public QWidget
{
    Q_OBJECT

public:
    /// The drawn curves, for exports and tests.
    enum class Curve
    {
        Errors,
        Loss,
        W1,
        W2,
        Bias
    };

    explicit LearningCurves(QWidget* parent = nullptr);
    ~LearningCurves() override;

    /// Draws the epochs of \p history (not owned: it must outlive this widget, or be replaced
    /// first; nullptr draws nothing).
    void setHistory(const learning::History* history);
    /// The history grew, was truncated or started over: redraw at the next frame.
    void historyChanged();
    /// The epochs drawn (at the next redraw).
    [[nodiscard]] int epochCount() const { return m_history ? m_history->epochCount() : 0; }

    /// Shows the loss curve (the gradient rules' objective) next to the errors.
    void setShowLoss(bool show);
    [[nodiscard]] bool showsLoss() const { return m_showLoss; }
    /// Hides the bias curve (training without a bias keeps b at 0).
    void setShowBias(bool show);

    /// Moves the vertical marker to \p epoch (fractional while the timeline is inside an epoch).
    void setMarker(double epoch);
    [[nodiscard]] double marker() const { return m_marker; }

    /// Draws pending changes now instead of at the next frame.
    void redrawNow();

    /// The points currently handed to the chart for \p curve (after decimation). Draws pending
    /// changes first.
    [[nodiscard]] QList<QPointF> drawnPoints(Curve curve);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void scheduleRedraw();
    void redraw();
    void updateMarkers();
    void applyPalette();
    /// The chart titles, axis titles and series names, in the current language.
    void retranslateUi();
    [[nodiscard]] int bucketCount(const QChart* chart) const;

    const learning::History* m_history = nullptr;

    QChartView* m_errorView = nullptr;
    QChartView* m_weightView = nullptr;
    QLineSeries* m_errorSeries = nullptr;
    QLineSeries* m_lossSeries = nullptr;
    QLineSeries* m_w1Series = nullptr;
    QLineSeries* m_w2Series = nullptr;
    QLineSeries* m_bSeries = nullptr;
    QLineSeries* m_errorMarker = nullptr;
    QLineSeries* m_weightMarker = nullptr;
    QValueAxis* m_errorX = nullptr;
    QValueAxis* m_errorY = nullptr;
    QValueAxis* m_lossY = nullptr;
    QValueAxis* m_weightX = nullptr;
    QValueAxis* m_weightY = nullptr;
    QTimer* m_redrawTimer = nullptr;

    double m_marker = 0.0;
    bool m_showLoss = false;
    bool m_showBias = true;
};

} // namespace plab::ui
