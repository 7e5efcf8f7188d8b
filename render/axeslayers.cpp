// The grid and the frame with its ticks and labels (plotlayers.h).
#include "render/plotlayers.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace plab::render {

namespace {

// Axis-parallel hairlines as filled rectangles on whole pixels: crisp, and several times cheaper
// than antialiased strokes on a raster device.
void vline(QPainter& painter, double x, double top, double bottom, double width, const QColor& c)
{
    const double left = std::floor(x - 0.5 * width + 0.5);
    painter.fillRect(QRectF(left, top, std::max(1.0, std::round(width)), bottom - top), c);
}

void hline(QPainter& painter, double y, double left, double right, double width, const QColor& c)
{
    const double top = std::floor(y - 0.5 * width + 0.5);
    painter.fillRect(QRectF(left, top, right - left, std::max(1.0, std::round(width))), c);
}

} // namespace

void GridLayer::paint(PlotFrame& frame)
{
    QPainter& painter = frame.painter;
    const Theme& theme = frame.theme;
    const QRectF& area = frame.area;
    const ViewTransform& tf = frame.transform;
    const io::ViewBox& v = tf.effectiveView();
    for (double x : frame.xTicks.values)
        vline(painter, tf.toPixel(x, 0.0).x(), area.top(), area.bottom(), theme.gridWidth,
              theme.grid);
    for (double y : frame.yTicks.values)
        hline(painter, tf.toPixel(0.0, y).y(), area.left(), area.right(), theme.gridWidth,
              theme.grid);
    if (v.xMin <= 0.0 && 0.0 <= v.xMax)
        vline(painter, tf.toPixel(0.0, 0.0).x(), area.top(), area.bottom(), theme.gridWidth,
              theme.zeroAxis);
    if (v.yMin <= 0.0 && 0.0 <= v.yMax)
        hline(painter, tf.toPixel(0.0, 0.0).y(), area.left(), area.right(), theme.gridWidth,
              theme.zeroAxis);
}

void AxesLayer::paint(PlotFrame& frame)
{
    QPainter& painter = frame.painter;
    const Theme& theme = frame.theme;
    const QRectF& area = frame.area;
    const QRectF& target = frame.target;
    const ViewTransform& tf = frame.transform;
    const QFont font = theme.font();
    const QFontMetricsF fm(font);

    hline(painter, area.top() + 0.5, area.left(), area.right(), 1.0, theme.frame);
    hline(painter, area.bottom() - 0.5, area.left(), area.right(), 1.0, theme.frame);
    vline(painter, area.left() + 0.5, area.top(), area.bottom(), 1.0, theme.frame);
    vline(painter, area.right() - 0.5, area.top(), area.bottom(), 1.0, theme.frame);
    painter.setFont(font);
    const double tick = 5.0;
    // x labels centred under their ticks, skipped where they would touch their neighbour.
    double lastRight = -1e300;
    for (double x : frame.xTicks.values) {
        const double px = tf.toPixel(x, 0.0).x();
        vline(painter, px, area.bottom(), area.bottom() + tick, 1.0, theme.frame);
        const QString label = formatTick(x, frame.xTicks);
        const double w = fm.horizontalAdvance(label);
        const QRectF box(px - 0.5 * w, area.bottom() + tick + 2.0, w, fm.height());
        if (box.left() < lastRight + 6.0 || box.right() > target.right())
            continue;
        lastRight = box.right();
        painter.setPen(theme.text);
        painter.drawText(box, Qt::AlignCenter, label);
        frame.covered.addBox(Coverage::Kind::Text, box);
    }
    for (double y : frame.yTicks.values) {
        const double py = tf.toPixel(0.0, y).y();
        hline(painter, py, area.left() - tick, area.left(), 1.0, theme.frame);
        const QString label = formatTick(y, frame.yTicks);
        const QRectF box(target.left(), py - 0.5 * fm.height(),
                         area.left() - tick - 4.0 - target.left(), fm.height());
        painter.setPen(theme.text);
        painter.drawText(box, Qt::AlignRight | Qt::AlignVCenter, label);
        const double w = std::min(box.width(), fm.horizontalAdvance(label));
        frame.covered.addBox(Coverage::Kind::Text,
                             QRectF(box.right() - w, box.top(), w, box.height()));
    }
    // Axis titles at the ends of the axes.
    painter.setFont(theme.font(1.1, true));
    painter.setPen(theme.text);
    const QRectF x1(area.right() + 4.0, area.bottom() + tick + 2.0,
                    target.right() - area.right() - 4.0, fm.height());
    const QRectF x2(area.left() - 40.0, target.top(), 80.0, area.top() - target.top());
    painter.drawText(x1, Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("x\u2081"));
    painter.drawText(x2, Qt::AlignCenter, QStringLiteral("x\u2082"));
    frame.covered.addBox(Coverage::Kind::Text, x1);
    frame.covered.addBox(Coverage::Kind::Text, x2);
}

} // namespace plab::render
