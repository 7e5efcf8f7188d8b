#pragma once

#include "learning/records.h"

#include <QList>
#include <QPointF>
#include <QWidget>

#include <span>
#include <vector>

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

/// The learning-curve charts: errors per epoch (and the loss, on its own axis, for the gradient
/// rules) and the weights w1, w2, b per epoch, each with a vertical marker at the timeline's
/// position. This is the one place that uses Qt Charts (deprecated upstream from Qt 6.10), so it
/// can be replaced without touching anything else.
///
/// The widget keeps one double per curve and epoch (the charts' own data, not the history) and
/// redraws at most once per event-loop turn, decimated to the chart's pixel width, so 10^5 epochs
/// stay fast.
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

    /// Forgets every epoch.
    void clear();
    /// Appends the next epoch. Snapshots must arrive in epoch order starting at 0; a snapshot for
    /// an epoch already present replaces it and drops everything after it (a fork).
    void append(const learning::EpochSnapshot& snapshot);
    /// Keeps epochs [0, count).
    void truncate(int count);
    [[nodiscard]] int epochCount() const { return int(m_errors.size()); }

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

    std::vector<double> m_errors;
    std::vector<double> m_loss;
    std::vector<double> m_w1;
    std::vector<double> m_w2;
    std::vector<double> m_b;

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
