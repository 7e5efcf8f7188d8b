// What the plot says besides the data and the model: the legend, the messages for the
// degenerate cases, the rubber band (plotlayers.h).
#include "render/paintkit.h"
#include "render/plotlayers.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <vector>

namespace plab::render {

using namespace paintkit;

namespace {

/// The translation context of this file's texts (lupdate reads the name from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(plab::render::PlotRenderer)
};

/// The message card at the first of \p centres (then the corners and edges of the plot) where it
/// hides least, reported as covering its box. Where the whole card hides something or does not
/// fit (a small storyboard panel), the headline alone, then the headline in smaller type.
void message(PlotFrame& frame, const std::vector<QPointF>& centres, const QString& headline,
             const QString& detail)
{
    if (!frame.scene.showAnnotations)
        return;
    struct Form
    {
        QString detail;
        double textScale;
    };
    // The last form is the headline made as small as the plot's width needs (at most 0.8).
    const double headlineWidth = messageSize(frame.theme, headline, QString()).width();
    const double fitting =
        std::clamp((frame.area.width() - 16.0) / std::max(1.0, headlineWidth), 0.5, 0.8);
    const Form forms[] = {{detail, 1.0}, {QString(), 1.0}, {QString(), fitting}};
    QRectF best;
    const Form* bestForm = nullptr;
    double bestCost = 0.0;
    for (const Form& form : forms) {
        const QSizeF size = messageSize(frame.theme, headline, form.detail, form.textScale);
        const QPointF half(0.5 * size.width(), 0.5 * size.height());
        std::vector<QPointF> places;
        for (const QPointF& c : centres)
            places.push_back(c - half);
        for (const QPointF& corner : cornersFirst(frame.area, size, 8.0))
            places.push_back(corner);
        const QRectF box = placeAnnotation(frame, size, places);
        const double cost = placementCost(frame, box);
        if (bestForm == nullptr || cost < bestCost) {
            best = box;
            bestForm = &form;
            bestCost = cost;
        }
        if (bestCost == 0.0)
            break;
    }
    drawMessage(frame.painter, best, frame.theme, headline, bestForm->detail, bestForm->textScale);
    frame.covered.addBox(Coverage::Kind::Text, best);
}

} // namespace

bool RubberBandLayer::shows(const PlotFrame& frame) const
{
    return !frame.scene.presentation && frame.scene.rubberBand;
}

void RubberBandLayer::paint(PlotFrame& frame)
{
    const PlotScene& scene = frame.scene;
    QPen pen(frame.theme.selection, 1.0, Qt::DashLine);
    frame.painter.setPen(pen);
    frame.painter.setBrush(frame.theme.rubberBandFill);
    frame.painter.drawRect(scene.rubberBand->normalized());
}

bool LegendLayer::shows(const PlotFrame& frame) const
{
    return frame.scene.showLegend && frame.scene.showAnnotations && frame.hasData;
}

void LegendLayer::paint(PlotFrame& frame)
{
    const PlotScene& scene = frame.scene;
    QPainter& painter = frame.painter;
    const Theme& theme = frame.theme;
    // Classes 0 ... K-1, each with its count: at least the two of a perceptron, up to the largest
    // label in the data (a class between two present ones shows its count of 0), the model's
    // classes and, while editing, the class a click places.
    int classes = 2;
    for (const int label : scene.data->labels())
        classes = std::max(classes, std::min(label, learning::kMaxClasses - 1) + 1);
    if (!scene.presentation)
        classes =
            std::max(classes, std::clamp(scene.activeClass, 0, learning::kMaxClasses - 1) + 1);
    if (scene.hasModel)
        classes = std::max(classes, std::min(scene.model.classes(), learning::kMaxClasses));
    std::vector<QString> texts;
    for (int cls = 0; cls < classes; ++cls)
        texts.push_back(Text::tr("class %1  (%2)").arg(cls).arg(scene.data->count(cls)));
    // Compact from five classes on: two columns, read down.
    const int columns = classes > 4 ? 2 : 1;
    const int rows = (classes + columns - 1) / columns;
    // In the corner (or along the edge) where it hides least: no point, line, arrow or message if
    // it can; where every place hides something (a small storyboard panel), in smaller type.
    struct Layout
    {
        double textScale = 1.0;
        double row = 0.0;
        double textWidth = 0.0;
        double column = 0.0;
        QRectF box;
    };
    const auto layout = [&](double textScale) {
        Layout l;
        l.textScale = textScale;
        const QFontMetricsF lfm(theme.font(textScale));
        l.row = std::max(lfm.height(), theme.markerSize) + 6.0 * textScale;
        for (const QString& text : texts)
            l.textWidth = std::max(l.textWidth, lfm.horizontalAdvance(text));
        const double pad = 8.0 * textScale;
        l.column = theme.markerSize + 8.0 + l.textWidth;
        const QSizeF size(pad * 2 + columns * l.column + (columns - 1) * 2.0 * pad,
                          pad * 2 + rows * l.row - 4.0 * textScale);
        l.box = placeAnnotation(frame, size, cornersFirst(frame.area, size, 10.0));
        return l;
    };
    const Layout l = leastHidingKey(frame, layout);
    const double pad = 8.0 * l.textScale;
    const QRectF& box = l.box;
    drawKeyBox(painter, box, theme);
    painter.setFont(theme.font(l.textScale));
    const double row = l.row;
    for (int cls = 0; cls < classes; ++cls) {
        const double left = box.left() + (cls / rows) * (l.column + 2.0 * pad);
        const double cy = box.top() + pad + row * (cls % rows) + 0.5 * (row - 6.0 * l.textScale);
        if (!scene.presentation && cls == scene.activeClass) {
            const double width = columns == 1 ? box.width() - 6.0 : l.column + 2.0 * pad - 6.0;
            painter.setPen(Qt::NoPen);
            painter.setBrush(withAlpha(theme.selection, 40));
            painter.drawRoundedRect(QRectF(left + 3.0, cy - 0.5 * row + 1.0, width, row - 2.0), 4.0,
                                    4.0);
        }
        const QPointF mc(left + pad + 0.5 * theme.markerSize, cy);
        drawMarker(painter, theme.classShapes[std::size_t(cls)], mc, theme,
                   theme.classColors[std::size_t(cls)]);
        painter.setPen(theme.text);
        painter.drawText(
            QRectF(mc.x() + 0.5 * theme.markerSize + 8.0, cy - 0.5 * row, l.textWidth + 4.0, row),
            Qt::AlignLeft | Qt::AlignVCenter, texts[std::size_t(cls)]);
    }
    frame.covered.addBox(Coverage::Kind::Text, box);
}

bool MessageLayer::shows(const PlotFrame& frame) const
{
    return (frame.classic && !frame.hasLine) || frame.clip.kind == LineClip::Kind::Outside;
}

void MessageLayer::paint(PlotFrame& frame)
{
    const Theme& theme = frame.theme;
    const QRectF& area = frame.area;
    if (frame.classic && !frame.hasLine) {
        const QString headline = Text::tr("no boundary yet: w = 0");
        const QString detail =
            Text::tr("w\u00b7x + b = %1 for every point").arg(number(frame.linearModel.b));
        // Not in the middle, where the first point is likely clicked: above, then below.
        const QSizeF size = messageSize(theme, headline, detail);
        const double dy = 0.5 * size.height() + 12.0;
        message(frame,
                {QPointF(area.center().x(), area.top() + dy),
                 QPointF(area.center().x(), area.bottom() - dy), area.center()},
                headline, detail);
        return;
    }
    // An arrow at the edge of the view pointing towards the line, and a note beside it.
    const LineClip& clip = frame.clip;
    QPointF dir = frame.transform.vectorToPixel(clip.towards);
    dir /= std::hypot(dir.x(), dir.y());
    const QRectF inner = area.adjusted(18.0, 18.0, -18.0, -18.0);
    const QPointF c = area.center();
    double t = 1e300;
    if (dir.x() > 1e-12)
        t = std::min(t, (inner.right() - c.x()) / dir.x());
    if (dir.x() < -1e-12)
        t = std::min(t, (inner.left() - c.x()) / dir.x());
    if (dir.y() > 1e-12)
        t = std::min(t, (inner.bottom() - c.y()) / dir.y());
    if (dir.y() < -1e-12)
        t = std::min(t, (inner.top() - c.y()) / dir.y());
    QPointF tip = c + dir * t;
    QPointF tail = tip - dir * std::min(72.0, 0.8 * t);
    // Slid across its direction, along the edge, when that hides less (it covered w + Δw).
    const QPointF across(-dir.y(), dir.x());
    double best = 1e300;
    const QPointF tip0 = tip;
    const QPointF tail0 = tail;
    for (const double shift : {0.0, 60.0, -60.0, 120.0, -120.0, 180.0, -180.0}) {
        const QPointF moved = across * shift;
        if (!inner.contains(tip0 + moved) || !inner.contains(tail0 + moved))
            continue;
        const double cost = frame.covered.cost(
            QRectF(tail0 + moved, tip0 + moved).normalized().adjusted(-8.0, -8.0, 8.0, 8.0));
        if (cost < best) {
            best = cost;
            tip = tip0 + moved;
            tail = tail0 + moved;
        }
    }
    const double width = theme.arrowWidth + 1.0;
    drawArrow(frame.painter, tail, tip, theme.boundary, width, theme.plotBackground);
    frame.covered.addSegment(Coverage::Kind::Arrow, QLineF(tail, tip),
                             0.45 * arrowHead(QLineF(tail, tip).length(), width) + 1.5);
    const QString headline = Text::tr("boundary outside the view");
    const QString detail =
        Text::tr("%1 from the centre, this way").arg(number(std::max(0.0, clip.distance)));
    const QSizeF size = messageSize(theme, headline, detail);
    const double extent =
        0.5 * (size.width() * std::abs(dir.x()) + size.height() * std::abs(dir.y()));
    QPointF centre = tail - dir * (10.0 + extent);
    centre.setX(std::clamp(centre.x(), area.left() + 0.5 * size.width() + 8.0,
                           area.right() - 0.5 * size.width() - 8.0));
    centre.setY(std::clamp(centre.y(), area.top() + 0.5 * size.height() + 8.0,
                           area.bottom() - 0.5 * size.height() - 8.0));
    message(frame, {centre}, headline, detail);
}

} // namespace plab::render
