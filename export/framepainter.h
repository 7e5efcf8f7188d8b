#pragma once

#include "export/exportoptions.h"
#include "export/exportsource.h"
#include "render/chartpainter.h"
#include "render/plotrenderer.h"

#include <QRectF>
#include <QSize>
#include <QSizeF>

#include <span>

class QPainter;

namespace plab::exporting {

/// Paints the pages of an export in logical pixels onto any QPainter: one frame (the plot or a
/// chart, with the optional caption band on top) or a storyboard (captioned panels in a grid).
/// The plot is painted by PlotRenderer, the charts by ChartPainter: the window's own painters.
///
/// Not thread-safe (the renderer caches); give each thread its own FramePainter. \p source must
/// outlive it.
class FramePainter
{
public:
    FramePainter(const ExportSource& source, const ExportOptions& options);

    /// Paints \p frame filling \p target.
    void paintFrame(QPainter& painter, const QRectF& target, const ExportFrame& frame);
    /// Paints \p frames as a storyboard filling \p target.
    void paintStoryboard(QPainter& painter, const QRectF& target,
                         std::span<const ExportFrame> frames);
    /// What the layout asks for: paintStoryboard() for Storyboard, paintFrame() otherwise (for
    /// which \p frames must hold exactly one frame).
    void paintPage(QPainter& painter, const QRectF& target, std::span<const ExportFrame> frames);

    /// The content area under the caption band of a page of \p target (all of it without a
    /// caption). Tests map the plot's pixels with it.
    [[nodiscard]] QRectF contentRect(const QRectF& target) const;

    /// Columns x rows for \p count panels on a page of \p page logical pixels, each panel a
    /// caption \p captionHeight high over content about \p aspect (width / height) wide: the
    /// grid with the largest content, or \p columns columns when that is positive.
    [[nodiscard]] static QSize storyboardGrid(int count, const QSizeF& page, double aspect,
                                              double captionHeight = 0.0, int columns = 0);

    [[nodiscard]] const ExportOptions& options() const { return m_options; }

private:
    /// \p page: the size of the whole page, which sets the plot's scale.
    void paintContent(QPainter& painter, const QRectF& target, const ExportFrame& frame,
                      bool legend, const QSizeF& page);
    [[nodiscard]] double captionHeight() const;

    const ExportSource& m_source;
    ExportOptions m_options;
    render::ChartSeries m_series;
    render::PlotRenderer m_renderer;
};

} // namespace plab::exporting
