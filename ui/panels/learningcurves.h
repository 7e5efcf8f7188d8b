#pragma once

#include "learning/history.h"
#include "render/chartpainter.h"
#include "render/theme.h"

#include <QList>
#include <QPointF>
#include <QWidget>

#include <optional>

class QTimer;

namespace plab::ui {

/// The learning-curve charts of a learning::History: errors per epoch (per class too for K > 2
/// classes; the loss, on its own axis, for the gradient rules and networks) and the weights w1,
/// w2, b per epoch (for other models the size of each layer's weights), each with a vertical
/// marker at the timeline's position. Painted by render::ChartPainter from the same ChartSeries an
/// export of the same history gets, so what is exported is what is shown.
///
/// The widget reads the history where it lives and keeps no copy of it: only the points of each
/// pixel column (ChartPainter::decimate()), recomputed at most about 15 times a second while the
/// history grows; moving the marker repaints from those.
class LearningCurves : public QWidget
{
    Q_OBJECT

public:
    using Curve = render::ChartCurve;
    using Kind = render::ChartPainter::Kind;

    explicit LearningCurves(QWidget* parent = nullptr);
    ~LearningCurves() override;

    /// Draws the epochs of \p history (not owned: it must outlive this widget, or be replaced
    /// first; nullptr draws nothing).
    void setHistory(const learning::History* history);
    /// The history grew, was truncated or started over: redraw at the next frame.
    void historyChanged();
    /// The epochs drawn (at the next redraw).
    [[nodiscard]] int epochCount() const { return m_series.epochCount(); }

    /// Shows the curves a run trained with \p settings has (render::ChartSeries::with()): the
    /// loss, named, for the gradient rules and networks; the bias unless trained without one.
    void setSettings(const learning::TrainingSettings& settings);
    /// Shows the loss curve (the gradient rules' objective) next to the errors.
    void setShowLoss(bool show);
    [[nodiscard]] bool showsLoss() const { return m_series.showLoss; }
    /// Hides the bias curve (training without a bias keeps b at 0).
    void setShowBias(bool show);

    /// The colours and fonts of the charts (the canvas's theme).
    void setTheme(const render::Theme& theme);
    [[nodiscard]] const render::Theme& theme() const { return m_theme; }

    /// Moves the vertical marker to \p epoch (fractional while the timeline is inside an epoch).
    void setMarker(double epoch);
    [[nodiscard]] double marker() const { return m_marker; }

    /// Draws pending changes now instead of at the next frame.
    void redrawNow();

    /// What the charts paint: the input ChartPainter gets.
    [[nodiscard]] const render::ChartSeries& series() const { return m_series; }
    /// Where chart \p kind is painted, in widget coordinates.
    [[nodiscard]] QRectF chartRect(Kind kind) const;
    /// The points painted for \p curve (after decimation), in epochs and values; empty when the
    /// curve is not shown. Draws pending changes first.
    [[nodiscard]] QList<QPointF> drawnPoints(Curve curve);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    /// Forgets the decimated curves and repaints: at once, or (with \p coalesce, for a growing
    /// history) at the next redraw tick.
    void invalidate(bool coalesce = false);
    /// The decimated chart \p kind for the current size, computed if it is not cached.
    const render::ChartPainter::Decimated& decimated(Kind kind);

    render::ChartSeries m_series;
    render::Theme m_theme = render::Theme::light();
    bool m_themeSet = false; ///< false: the theme follows the palette
    std::optional<render::ChartPainter::Decimated> m_errors;
    std::optional<render::ChartPainter::Decimated> m_weights;
    QTimer* m_redrawTimer = nullptr;
    double m_marker = 0.0;
};

} // namespace plab::ui
