#include "export/framepainter.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace plab::exporting {

namespace {

constexpr double kPadding = 14.0; ///< around the caption text, in logical pixels
constexpr double kMargin = kStoryboardMargin;
constexpr double kGap = kStoryboardGap;

double contentAspect(const ExportSource& source, ExportContent content)
{
    if (content != ExportContent::Plot)
        return 1.6;
    const double w = source.view.xMax - source.view.xMin;
    const double h = source.view.yMax - source.view.yMin;
    if (!(w > 0.0) || !(h > 0.0))
        return 1.0;
    return std::clamp(w / h, 0.25, 4.0);
}

} // namespace

FramePainter::FramePainter(const ExportSource& source, const ExportOptions& options)
    : m_source(source), m_options(options),
      m_series(render::ChartSeries::of(source.history, source.settings))
{}

double FramePainter::captionHeight() const
{
    if (!m_options.caption)
        return 0.0;
    const render::Theme& theme = m_options.theme;
    double h = 2.0 * kPadding + QFontMetricsF(theme.font(1.25)).height();
    if (!m_options.title.isEmpty())
        h += QFontMetricsF(theme.font(1.6, true)).height() + 4.0;
    return std::ceil(h);
}

QRectF FramePainter::contentRect(const QRectF& target) const
{
    const double h = std::min(captionHeight(), 0.5 * target.height());
    return target.adjusted(0.0, h, 0.0, 0.0);
}

void FramePainter::paintContent(QPainter& painter, const QRectF& target, const ExportFrame& frame,
                                bool legend, const QSizeF& page)
{
    switch (m_options.content) {
    case ExportContent::Plot: {
        render::PlotScene scene = sceneFor(m_source, frame, legend);
        scene.scale = render::PlotRenderer::scaleFor(page); // marks grow with the page
        m_renderer.paint(painter, target, scene, m_options.theme);
        return;
    }
    case ExportContent::ErrorChart:
        render::ChartPainter::paint(painter, target, m_series, render::ChartPainter::Kind::Errors,
                                    frame.chartEpoch, m_options.theme);
        return;
    case ExportContent::WeightChart:
        render::ChartPainter::paint(painter, target, m_series, render::ChartPainter::Kind::Weights,
                                    frame.chartEpoch, m_options.theme);
        return;
    }
}

void FramePainter::paintFrame(QPainter& painter, const QRectF& target, const ExportFrame& frame)
{
    const render::Theme& theme = m_options.theme;
    const QRectF content = contentRect(target);
    if (content.top() > target.top()) {
        painter.save();
        painter.setRenderHint(QPainter::TextAntialiasing, true);
        const QRectF band(target.left(), target.top(), target.width(),
                          content.top() - target.top());
        painter.fillRect(band, theme.background);
        const QRectF text = band.adjusted(kPadding + 4.0, kPadding, -kPadding, -kPadding);
        double y = text.top();
        if (!m_options.title.isEmpty()) {
            const QFont font = theme.font(1.6, true);
            const QFontMetricsF fm(font);
            painter.setFont(font);
            painter.setPen(theme.text);
            painter.drawText(QRectF(text.left(), y, text.width(), fm.height()),
                             Qt::AlignLeft | Qt::AlignVCenter,
                             fm.elidedText(m_options.title, Qt::ElideRight, text.width()));
            y += fm.height() + 4.0;
        }
        const QFont font = theme.font(1.25);
        const QFontMetricsF fm(font);
        painter.setFont(font);
        painter.setPen(m_options.title.isEmpty() ? theme.text : theme.mutedText);
        painter.drawText(QRectF(text.left(), y, text.width(), fm.height()),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         fm.elidedText(captionText(m_source, frame), Qt::ElideRight, text.width()));
        painter.restore();
    }
    paintContent(painter, content, frame, m_options.legend, target.size());
}

QSize FramePainter::storyboardGrid(int count, const QSizeF& page, double aspect,
                                   double captionHeight, int columns)
{
    count = std::max(1, count);
    if (columns > 0) {
        columns = std::min(columns, count);
        return {columns, (count + columns - 1) / columns};
    }
    QSize best(1, count);
    double bestArea = -1.0;
    for (int c = 1; c <= count; ++c) {
        const int r = (count + c - 1) / c;
        const double w = (page.width() - (c - 1) * kGap) / c;
        const double h = (page.height() - (r - 1) * kGap) / r - captionHeight;
        if (w <= 0.0 || h <= 0.0)
            continue;
        // The largest content of the wanted shape that fits the cell.
        const double area = w / h > aspect ? h * h * aspect : w * w / aspect;
        if (area > bestArea * 1.0001) {
            bestArea = area;
            best = QSize(c, r);
        }
    }
    return best;
}

void FramePainter::paintStoryboard(QPainter& painter, const QRectF& target,
                                   std::span<const ExportFrame> frames)
{
    const render::Theme& theme = m_options.theme;
    painter.save();
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    painter.fillRect(target, theme.background);
    QRectF page = target.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    if (m_options.caption && !m_options.title.isEmpty()) {
        const QFont font = theme.font(1.6, true);
        const QFontMetricsF fm(font);
        painter.setFont(font);
        painter.setPen(theme.text);
        painter.drawText(QRectF(page.left() + 4.0, page.top(), page.width() - 4.0, fm.height()),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         fm.elidedText(m_options.title, Qt::ElideRight, page.width()));
        page.setTop(page.top() + fm.height() + kGap);
    }

    const QFont headingFont = theme.font(1.15, true);
    const QFont detailFont = theme.font(0.95);
    const QFontMetricsF hfm(headingFont);
    const QFontMetricsF dfm(detailFont);
    const double captionH = storyboardCaptionHeight(theme);
    const int count = int(frames.size());
    const QSize grid =
        storyboardGrid(count, page.size(), contentAspect(m_source, m_options.content), captionH,
                       m_options.columns);
    const double cellW = (page.width() - (grid.width() - 1) * kGap) / grid.width();
    const double cellH = (page.height() - (grid.height() - 1) * kGap) / grid.height();
    painter.restore();

    for (int i = 0; i < count; ++i) {
        const int col = i % grid.width();
        const int row = i / grid.width();
        const QRectF cell(std::round(page.left() + col * (cellW + kGap)),
                          std::round(page.top() + row * (cellH + kGap)), std::floor(cellW),
                          std::floor(cellH));
        const ExportFrame& frame = frames[std::size_t(i)];
        painter.save();
        painter.setRenderHint(QPainter::TextAntialiasing, true);
        painter.setFont(headingFont);
        painter.setPen(theme.text);
        painter.drawText(
            QRectF(cell.left() + 4.0, cell.top(), cell.width() - 4.0, hfm.height()),
            Qt::AlignLeft | Qt::AlignVCenter,
            hfm.elidedText(frameHeading(m_source, frame), Qt::ElideRight, cell.width() - 4.0));
        painter.setFont(detailFont);
        painter.setPen(theme.mutedText);
        painter.drawText(
            QRectF(cell.left() + 4.0, cell.top() + hfm.height() + 2.0, cell.width() - 4.0,
                   dfm.height()),
            Qt::AlignLeft | Qt::AlignVCenter,
            dfm.elidedText(frameDetails(m_source, frame), Qt::ElideRight, cell.width() - 4.0));
        painter.restore();
        // The legend once, in the first panel: the classes are the same in all of them.
        paintContent(painter, cell.adjusted(0.0, captionH, 0.0, 0.0), frame,
                     m_options.legend && i == 0, target.size());
    }
}

void FramePainter::paintPage(QPainter& painter, const QRectF& target,
                             std::span<const ExportFrame> frames)
{
    if (m_options.layout == ExportLayout::Storyboard) {
        paintStoryboard(painter, target, frames);
        return;
    }
    if (!frames.empty())
        paintFrame(painter, target, frames.front());
}

} // namespace plab::exporting
