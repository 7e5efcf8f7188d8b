#include "render/paintkit.h"

#include "io/numberformat.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPolygonF>
#include <QTransform>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace plab::render::paintkit {

QColor withAlpha(QColor c, int alpha)
{
    c.setAlpha(std::clamp(alpha, 0, 255));
    return c;
}

QColor blend(const QColor& under, const QColor& over, int alpha)
{
    const int a = std::clamp(alpha, 0, 255);
    auto mix = [a](int u, int o) { return (u * (255 - a) + o * a + 127) / 255; };
    return QColor(mix(under.red(), over.red()), mix(under.green(), over.green()),
                  mix(under.blue(), over.blue()));
}

namespace {

// The plus and the cross: arms of half-length kArm and thickness kBar (times the diameter),
// about the circle's area.
constexpr double kArm = 0.58;
constexpr double kBar = 0.38;
// The star: outer radius, and the inner one as a fraction of it (fatter than the classic 0.38 so
// a small star still reads as filled), about the circle's area.
constexpr double kStarOuter = 0.72;
constexpr double kStarInner = 0.46;

/// A triangle centred on its centroid, pointing up (\p up) or down; circumradius chosen to give
/// about the circle's area.
QPolygonF triangle(const QPointF& c, double d, bool up)
{
    const double r = 0.66 * d;
    const double s = up ? 1.0 : -1.0;
    return QPolygonF({QPointF(c.x(), c.y() - s * r),
                      QPointF(c.x() + 0.866 * r, c.y() + s * 0.5 * r),
                      QPointF(c.x() - 0.866 * r, c.y() + s * 0.5 * r)});
}

/// The plus sign's outline, turned by \p degrees about \p c.
QPolygonF plus(const QPointF& c, double d, double degrees)
{
    const double a = kArm * d;
    const double t = 0.5 * kBar * d;
    const QPolygonF arms({QPointF(-t, -a), QPointF(t, -a), QPointF(t, -t), QPointF(a, -t),
                          QPointF(a, t), QPointF(t, t), QPointF(t, a), QPointF(-t, a),
                          QPointF(-t, t), QPointF(-a, t), QPointF(-a, -t), QPointF(-t, -t)});
    QTransform turn;
    turn.translate(c.x(), c.y());
    turn.rotate(degrees);
    return turn.map(arms);
}

} // namespace

QPainterPath markerPath(MarkerShape shape, const QPointF& c, double d)
{
    QPainterPath path;
    switch (shape) {
    case MarkerShape::Circle:
        path.addEllipse(c, 0.5 * d, 0.5 * d);
        break;
    case MarkerShape::Triangle:
    case MarkerShape::TriangleDown:
        path.addPolygon(triangle(c, d, shape == MarkerShape::Triangle));
        path.closeSubpath();
        break;
    case MarkerShape::Square: {
        const double h = 0.44 * d;
        path.addRect(QRectF(c.x() - h, c.y() - h, 2 * h, 2 * h));
        break;
    }
    case MarkerShape::Diamond: {
        const double h = 0.62 * d;
        path.addPolygon(QPolygonF({QPointF(c.x(), c.y() - h), QPointF(c.x() + h, c.y()),
                                   QPointF(c.x(), c.y() + h), QPointF(c.x() - h, c.y())}));
        path.closeSubpath();
        break;
    }
    case MarkerShape::Plus:
    case MarkerShape::Cross:
        path.addPolygon(plus(c, d, shape == MarkerShape::Plus ? 0.0 : 45.0));
        path.closeSubpath();
        break;
    case MarkerShape::Star: {
        QPolygonF star;
        for (int k = 0; k < 10; ++k) {
            const double r = (k % 2 == 0 ? kStarOuter : kStarOuter * kStarInner) * d;
            const double angle = std::numbers::pi * (0.2 * k - 0.5); // the first point up
            star << QPointF(c.x() + r * std::cos(angle), c.y() + r * std::sin(angle));
        }
        path.addPolygon(star);
        path.closeSubpath();
        break;
    }
    }
    return path;
}

double markerReach(MarkerShape shape, double d)
{
    switch (shape) {
    case MarkerShape::Circle:
        return 0.5 * d;
    case MarkerShape::Triangle:
    case MarkerShape::TriangleDown:
        return 0.66 * d;
    case MarkerShape::Square:
        return 0.44 * std::sqrt(2.0) * d;
    case MarkerShape::Diamond:
        return 0.62 * d;
    case MarkerShape::Plus:
    case MarkerShape::Cross:
        return std::hypot(kArm, 0.5 * kBar) * d;
    case MarkerShape::Star:
        return kStarOuter * d;
    }
    return d;
}

namespace {

/// The WCAG relative luminance of \p c (0 black ... 1 white).
double luminance(const QColor& c)
{
    const auto linear = [](double v) {
        return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF());
}

} // namespace

QColor markerEdge(const Theme& theme, const QColor& fill)
{
    const double a = luminance(fill);
    const double b = luminance(theme.plotBackground);
    const double contrast = (std::max(a, b) + 0.05) / (std::min(a, b) + 0.05);
    if (contrast >= 1.5)
        return theme.markerEdge;
    // Halfway to black on a light plot, to white on a dark one.
    return blend(fill, b > 0.18 ? QColor(Qt::black) : QColor(Qt::white), 128);
}

void drawMarker(QPainter& p, MarkerShape shape, const QPointF& c, const Theme& theme,
                const QColor& fill)
{
    p.setPen(QPen(markerEdge(theme, fill), theme.markerEdgeWidth));
    p.setBrush(fill);
    p.drawPath(markerPath(shape, c, theme.markerSize));
}

double selectionRingRadius(const Theme& theme)
{
    // Outside the red ring of a misclassified point (2-pixel pens, 1.5 pixels apart): a selected
    // misclassified point shows both.
    return errorRingRadius(theme) + 3.5;
}

void drawSelectionRing(QPainter& p, const QPointF& c, const Theme& theme)
{
    p.setPen(QPen(theme.selection, 2.0));
    p.setBrush(Qt::NoBrush);
    const double r = selectionRingRadius(theme);
    p.drawEllipse(c, r, r);
}

double errorRingRadius(const Theme& theme)
{
    return 0.5 * theme.markerSize + 3.0;
}

double errorDotRadius(const Theme& theme)
{
    return std::max(1.5, 0.2 * theme.markerSize);
}

void drawErrorDot(QPainter& p, const QPointF& c, const Theme& theme, double r)
{
    // Small dots go without the edge, which would leave no red.
    p.setPen(r >= 2.0 ? QPen(theme.plotBackground, 1.0) : QPen(Qt::NoPen));
    p.setBrush(theme.errorOutline);
    p.drawEllipse(c, r, r);
}

double arrowHead(double length, double width)
{
    return std::min(4.0 * width + 4.0, 0.6 * length);
}

void drawArrow(QPainter& p, const QPointF& from, const QPointF& to, const QColor& color,
               double width, const QColor& halo)
{
    const QLineF line(from, to);
    const double length = line.length();
    if (length < 1.0)
        return;
    const double head = arrowHead(length, width);
    const QPointF dir = (to - from) / length;
    const QPointF normal(-dir.y(), dir.x());
    const QPointF base = to - dir * head;
    const QPolygonF tip({to, base + normal * (0.45 * head), base - normal * (0.45 * head)});
    // Stop the shaft inside the head so a wide pen does not poke through its tip.
    const QPointF shaftEnd = to - dir * (0.6 * head);
    if (halo.isValid()) {
        const QColor h = withAlpha(halo, 200);
        p.setPen(QPen(h, width + 3.0, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin));
        p.setBrush(Qt::NoBrush);
        p.drawLine(from, shaftEnd);
        p.setPen(QPen(h, 3.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(h);
        p.drawPolygon(tip);
    }
    p.setPen(QPen(color, width, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin));
    p.setBrush(Qt::NoBrush);
    p.drawLine(from, shaftEnd);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawPolygon(tip);
}

QRectF drawHaloText(QPainter& p, const QPointF& baseline, const QString& text, const QFont& font,
                    const QColor& color, const QColor& halo)
{
    QPainterPath path;
    path.addText(baseline, font, text);
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(withAlpha(halo, 220), 3.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.drawPath(path);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawPath(path);
    const QFontMetricsF fm(font);
    return {baseline.x() - 2.0, baseline.y() - fm.ascent() - 2.0, fm.horizontalAdvance(text) + 4.0,
            fm.ascent() + fm.descent() + 4.0};
}

QRectF drawLabelAway(QPainter& p, const QPointF& anchor, QPointF away, const QString& text,
                     const QFont& font, const QColor& color, const QColor& halo, double gap)
{
    // Where labelBoxAway() puts the text: its box less the 2-pixel margin, on the baseline.
    const QRectF box = labelBoxAway(anchor, away, text, font, gap);
    return drawHaloText(
        p, QPointF(box.left() + 2.0, box.bottom() - 2.0 - QFontMetricsF(font).descent()), text,
        font, color, halo);
}

QRectF labelBoxAway(const QPointF& anchor, QPointF away, const QString& text, const QFont& font,
                    double gap)
{
    const double n = std::hypot(away.x(), away.y());
    away = n > 0.0 ? away / n : QPointF(1.0, 0.0);
    const QFontMetricsF fm(font);
    const double w = fm.horizontalAdvance(text);
    const double h = fm.ascent() + fm.descent();
    const double extent = 0.5 * (w * std::abs(away.x()) + h * std::abs(away.y()));
    const QPointF centre = anchor + away * (gap + extent);
    return {centre.x() - 0.5 * w - 2.0, centre.y() - 0.5 * h - 2.0, w + 4.0, h + 4.0};
}

void drawLabelInBox(QPainter& p, const QRectF& box, const QString& text, const QFont& font,
                    const QColor& color, const QColor& halo)
{
    const QFontMetricsF fm(font);
    drawHaloText(p, QPointF(box.left() + 2.0, box.top() + 2.0 + fm.ascent()), text, font, color,
                 halo);
}

QSizeF messageSize(const Theme& theme, const QString& headline, const QString& detail,
                   double textScale)
{
    const QFontMetricsF big(theme.font(1.3 * textScale, true));
    const QFontMetricsF small(theme.font(textScale));
    if (detail.isEmpty())
        return {big.horizontalAdvance(headline) + 24.0, big.height() + 14.0};
    return {std::max(big.horizontalAdvance(headline), small.horizontalAdvance(detail)) + 32.0,
            big.height() + small.height() + 22.0};
}

void drawMessage(QPainter& p, const QRectF& box, const Theme& theme, const QString& headline,
                 const QString& detail, double textScale)
{
    const QFont bigFont = theme.font(1.3 * textScale, true);
    const QFont smallFont = theme.font(textScale);
    const QFontMetricsF big(bigFont);
    const QFontMetricsF small(smallFont);
    p.setPen(QPen(withAlpha(theme.frame, 220), 1.0));
    p.setBrush(withAlpha(theme.plotBackground, 238));
    p.drawRoundedRect(box, 8.0, 8.0);
    p.setPen(theme.text);
    p.setFont(bigFont);
    if (detail.isEmpty()) {
        p.drawText(box, Qt::AlignCenter, headline);
        return;
    }
    p.drawText(QRectF(box.left(), box.top() + 9.0, box.width(), big.height()), Qt::AlignCenter,
               headline);
    p.setPen(theme.mutedText);
    p.setFont(smallFont);
    p.drawText(QRectF(box.left(), box.top() + 11.0 + big.height(), box.width(), small.height()),
               Qt::AlignCenter, detail);
}

QString number(double v)
{
    return io::displayNumber(v);
}

QPointF normalOf(const QPointF& from, const QPointF& to)
{
    return {-(to.y() - from.y()), to.x() - from.x()};
}

QPointF outwardNormal(const QPointF& from, const QPointF& to, const QPointF& centre)
{
    const QPointF n = normalOf(from, to);
    const QPointF mid = 0.5 * (from + to);
    const QPointF d = mid - centre;
    return (n.x() * d.x() + n.y() * d.y()) >= 0.0 ? n : -n;
}

} // namespace plab::render::paintkit
