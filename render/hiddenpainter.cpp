#include "render/hiddenpainter.h"

#include "render/paintkit.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QImage>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace plab::render {

using namespace paintkit;

namespace {

/// The translation context of the picture's texts.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(plab::render::HiddenPainter)
};

/// The fraction of an axis's span added on each side, so points at the ends are not cut.
constexpr double kMargin = 0.08;
/// The side of a cell of the class regions (K outputs), in logical pixels.
constexpr int kRegionCell = 3;

const QColor& classColour(const Theme& theme, int cls)
{
    return theme.classColors[std::size_t(cls) % theme.classColors.size()];
}

MarkerShape classShape(const Theme& theme, int cls)
{
    return theme.classShapes[std::size_t(cls) % theme.classShapes.size()];
}

/// "1.2 h1 − 0.5 h2 + 0.3": the net of \p line with the axes' names.
QString netText(const learning::LinearModel& line, const QString& a, const QString& b)
{
    const QString minus = QStringLiteral(" \u2212 ");
    const auto term = [&](double v, const QString& name, bool first) -> QString {
        if (first)
            return number(v) + (name.isEmpty() ? QString() : QStringLiteral(" ") + name);
        return (v < 0 ? minus : QStringLiteral(" + ")) + number(std::abs(v)) +
               (name.isEmpty() ? QString() : QStringLiteral(" ") + name);
    };
    QString text = term(line.w.x(), a, true);
    if (b != a)
        text += term(line.w.y(), b, false);
    text += term(line.b, QString(), false);
    return text;
}

/// SVG, PDF and pictures: anything but a raster engine.
bool isVectorPainter(QPainter& painter)
{
    const QPaintEngine* engine = painter.paintEngine();
    return !engine || engine->type() != QPaintEngine::Raster;
}

} // namespace

QString hiddenUnitName(int layer, int unit)
{
    static const QString superscripts[] = {QString(), QStringLiteral("\u00B2"),
                                           QStringLiteral("\u00B3")};
    const QString mark = layer >= 1 && layer <= 2 ? superscripts[layer]
                         : layer > 2              ? QStringLiteral("^%1").arg(layer + 1)
                                                  : QString();
    return QStringLiteral("h") + mark + QString::number(unit + 1);
}

std::pair<double, double> HiddenPlane::range(learning::Activation activation,
                                             const Eigen::VectorXd& values)
{
    double lo = 0.0;
    double hi = 1.0;
    switch (activation) {
    case learning::Activation::Tanh:
        lo = -1.0;
        break;
    case learning::Activation::Sigmoid:
    case learning::Activation::Step:
        break;
    case learning::Activation::Relu:
    case learning::Activation::Identity:
        if (values.size() > 0) {
            lo = values.minCoeff();
            hi = values.maxCoeff();
            if (activation == learning::Activation::Relu)
                lo = std::min(lo, 0.0);
            if (!(hi > lo)) {
                lo -= 1.0;
                hi += 1.0;
            }
        }
        break;
    }
    const double margin = kMargin * (hi - lo);
    return {lo - margin, hi + margin};
}

HiddenPlane HiddenPlane::of(const HiddenScene& scene)
{
    HiddenPlane plane;
    if (!scene.network)
        return plane;
    const learning::Network& network = *scene.network;
    const learning::NetworkShape& shape = network.shape();
    if (shape.hidden.empty()) {
        plane.absence = Absence::NoHiddenLayer;
        return plane;
    }
    plane.absence = Absence::None;
    plane.activation = shape.activation;
    plane.classes = shape.classes;
    plane.layer = std::clamp(scene.layer, 0, int(shape.hidden.size()) - 1);
    plane.units = shape.hidden[std::size_t(plane.layer)];
    plane.unitA = std::clamp(scene.unitA, 0, plane.units - 1);
    plane.unitB = std::clamp(scene.unitB, 0, plane.units - 1);

    const Eigen::MatrixXd activations = network.hiddenActivations(scene.data.points(), plane.layer);
    const Eigen::Index n = activations.cols();
    plane.points.resize(2, n);
    plane.points.row(0) = activations.row(plane.unitA);
    plane.points.row(1) = activations.row(plane.unitB);
    plane.labels = scene.data.labels();
    plane.wrong.resize(plane.labels.size());
    for (std::size_t i = 0; i < plane.labels.size(); ++i)
        plane.wrong[i] = network.decide(scene.data.point(i)).cls != plane.labels[i];

    const auto [xMin, xMax] = range(plane.activation, plane.points.row(0).transpose());
    const auto [yMin, yMax] = range(plane.activation, plane.points.row(1).transpose());
    plane.box = io::clampedView({xMin, xMax, yMin, yMax}).value_or(io::ViewBox{});

    for (int i = 0; i < plane.units; ++i) {
        if (i == plane.unitA || i == plane.unitB)
            continue;
        const double mean = n > 0 ? activations.row(i).sum() / double(n) : 0.0;
        plane.held.emplace_back(i, mean);
    }

    const int nextLayer = plane.layer + 1;
    const learning::Layer& next = network.layers()[std::size_t(nextLayer)];
    const bool output = nextLayer == shape.layerCount() - 1;
    plane.next = !output              ? Next::HiddenLines
                 : shape.classes == 2 ? Next::OutputLine
                                      : Next::OutputRegions;
    for (int j = 0; j < next.units(); ++j) {
        Line line;
        // The held units' part of the net, in input order, then the bias (network.h's order
        // puts the bias last; here it is a constant of the plane either way).
        double held = 0.0;
        for (const auto& [i, value] : plane.held)
            held += next.W(j, i) * value;
        line.model.b = next.b(j) + held;
        line.model.w.x() = next.W(j, plane.unitA);
        // One unit on both axes: the points lie on the diagonal, and the unit's weight acts along
        // the horizontal axis alone.
        line.model.w.y() = plane.unitB == plane.unitA ? 0.0 : next.W(j, plane.unitB);
        if (!output)
            line.name = hiddenUnitName(nextLayer, j);
        plane.lines.push_back(line);
    }
    return plane;
}

HiddenPainter::HiddenPainter(Theme theme) : m_theme(std::move(theme))
{}

QString HiddenPainter::title(const HiddenPlane& plane)
{
    const QString activation = QString::fromLatin1(learning::name(plane.activation));
    return Text::tr("Hidden layer %1 (%n unit(s), %2)", nullptr, plane.units)
        .arg(plane.layer + 1)
        .arg(activation);
}

QString HiddenPainter::absenceText(HiddenPlane::Absence absence)
{
    switch (absence) {
    case HiddenPlane::Absence::None:
        break;
    case HiddenPlane::Absence::NotNetwork:
        return Text::tr("Shows a network's hidden layer: the data as two of its units see it.");
    case HiddenPlane::Absence::NoHiddenLayer:
        return Text::tr("Shows a network's hidden layer: this network has none.");
    }
    return {};
}

QStringList HiddenPainter::notes(const HiddenPlane& plane)
{
    QStringList lines;
    if (plane.absence != HiddenPlane::Absence::None)
        return {absenceText(plane.absence)};
    const QString a = hiddenUnitName(plane.layer, plane.unitA);
    const QString b = hiddenUnitName(plane.layer, plane.unitB);
    switch (plane.next) {
    case HiddenPlane::Next::OutputLine:
        lines << Text::tr("Line: the output unit's z = %1 = 0; class 1 where z > 0.")
                     .arg(netText(plane.lines.front().model, a, b));
        if (plane.lines.front().model.hasNoBoundary())
            lines << Text::tr("Its weights on these two units are 0: there is no line.");
        else if (clipBoundary(plane.lines.front().model, plane.box).kind == LineClip::Kind::Outside)
            lines << Text::tr("The line lies outside this square: every point is on one side.");
        break;
    case HiddenPlane::Next::OutputRegions:
        lines << Text::tr("Shaded: the class the output layer's %1 units give each point of "
                          "the plane.")
                     .arg(plane.lines.size());
        break;
    case HiddenPlane::Next::HiddenLines: {
        QStringList names;
        for (const HiddenPlane::Line& line : plane.lines)
            names << line.name;
        lines << Text::tr("The next layer is hidden too: the lines are its units' nets = 0 "
                          "(%1); the output's decision is not a line in this plane.")
                     .arg(names.join(QStringLiteral(", ")));
        break;
    }
    }
    if (plane.units == 1) {
        lines << Text::tr("The layer has one unit: both axes show it.");
    } else if (plane.unitA == plane.unitB) {
        lines << Text::tr("Both axes show the same unit: the points lie on the diagonal.");
    }
    if (plane.held.empty()) {
        if (plane.units == 2 && plane.unitA != plane.unitB)
            lines << Text::tr("Exact: the layer has two units.");
    } else {
        QStringList held;
        for (const auto& [i, value] : plane.held)
            held << QStringLiteral("%1 = %2").arg(hiddenUnitName(plane.layer, i), number(value));
        lines << Text::tr("A slice: the units not shown are held at their mean over the data "
                          "(%1), while each point has its own values, so a point can lie on "
                          "the other side of a line.")
                     .arg(held.join(QStringLiteral(", ")));
    }
    return lines;
}

HiddenPainter::Layout HiddenPainter::layout(const QRectF& target, const HiddenPlane& plane) const
{
    Layout layout;
    const double gap = 8.0 * m_theme.fontScale;
    const QFontMetricsF titleMetrics(m_theme.font(1.1, true));
    const QFontMetricsF metrics(m_theme.font());
    const QFontMetricsF noteMetrics(m_theme.font(0.9));
    const QRectF inner = target.adjusted(gap, gap, -gap, -gap);
    layout.title = QRectF(inner.left(), inner.top(), inner.width(), titleMetrics.height());

    double notesHeight = 0.0;
    for (const QString& line : notes(plane)) {
        notesHeight += noteMetrics
                           .boundingRect(QRectF(0, 0, inner.width(), 1e6),
                                         Qt::TextWordWrap | Qt::AlignLeft, line)
                           .height();
    }
    layout.notes = QRectF(inner.left(), inner.bottom() - notesHeight, inner.width(), notesHeight);

    // Left: the vertical axis's title (turned) and its tick labels; below: the horizontal
    // axis's tick labels and title.
    const double tickWidth = metrics.horizontalAdvance(QStringLiteral("\u22120.00"));
    const double left = metrics.height() + gap + tickWidth + gap;
    const double bottom = 2.0 * metrics.height() + gap;
    const QRectF room(inner.left() + left, layout.title.bottom() + gap, inner.width() - left - gap,
                      layout.notes.top() - gap - bottom - layout.title.bottom() - gap);
    // A square plane: both axes of a tanh or sigmoid layer cover the same range.
    const double side = std::max(1.0, std::min(room.width(), room.height()));
    layout.plot = QRectF(room.left() + 0.5 * (room.width() - side), room.top(), side, side);
    // The notes right under the horizontal axis's title.
    layout.notes.moveTop(layout.plot.bottom() + bottom + gap);
    layout.transform = ViewTransform(plane.box, layout.plot, Aspect::Stretch);
    return layout;
}

std::pair<Ticks, Ticks> HiddenPainter::ticks(const Layout& layout, const HiddenPlane& plane) const
{
    const QFontMetricsF metrics(m_theme.font());
    const double gap = 8.0 * m_theme.fontScale;
    const io::ViewBox& box = plane.box;
    const auto fitting = [](double lo, double hi, double pixels, auto room) {
        for (int target = 5;; --target) {
            Ticks ticks = niceTicks(lo, hi, target);
            if (target <= 1 || pixels * ticks.step / (hi - lo) >= room(ticks))
                return ticks;
        }
    };
    const Ticks x = fitting(box.xMin, box.xMax, layout.plot.width(), [&](const Ticks& t) {
        double widest = 0.0;
        for (const double v : t.values)
            widest = std::max(widest, metrics.horizontalAdvance(formatTick(v, t)));
        return widest + gap;
    });
    const Ticks y = fitting(box.yMin, box.yMax, layout.plot.height(),
                            [&](const Ticks&) { return metrics.height() + 2.0; });
    return {x, y};
}

void HiddenPainter::paintAxes(QPainter& painter, const Layout& layout,
                              const HiddenPlane& plane) const
{
    const io::ViewBox& box = plane.box;
    const auto [xTicks, yTicks] = ticks(layout, plane);
    const QRectF& plot = layout.plot;
    painter.setPen(QPen(m_theme.grid, m_theme.gridWidth));
    for (double x : xTicks.values) {
        const double px = layout.transform.toPixel(x, 0.0).x();
        painter.drawLine(QPointF(px, plot.top()), QPointF(px, plot.bottom()));
    }
    for (double y : yTicks.values) {
        const double py = layout.transform.toPixel(0.0, y).y();
        painter.drawLine(QPointF(plot.left(), py), QPointF(plot.right(), py));
    }
    // The lines h = 0, where a tanh unit is undecided.
    painter.setPen(QPen(m_theme.zeroAxis, m_theme.gridWidth));
    if (box.xMin < 0.0 && box.xMax > 0.0) {
        const double px = layout.transform.toPixel(0.0, 0.0).x();
        painter.drawLine(QPointF(px, plot.top()), QPointF(px, plot.bottom()));
    }
    if (box.yMin < 0.0 && box.yMax > 0.0) {
        const double py = layout.transform.toPixel(0.0, 0.0).y();
        painter.drawLine(QPointF(plot.left(), py), QPointF(plot.right(), py));
    }

    const QFont font = m_theme.font();
    const QFontMetricsF metrics(font);
    const double gap = 8.0 * m_theme.fontScale;
    painter.setFont(font);
    painter.setPen(m_theme.text);
    for (double x : xTicks.values) {
        const QString label = formatTick(x, xTicks);
        const double px = layout.transform.toPixel(x, 0.0).x();
        const double w = metrics.horizontalAdvance(label);
        painter.drawText(QPointF(px - 0.5 * w, plot.bottom() + 0.5 * gap + metrics.ascent()),
                         label);
    }
    for (double y : yTicks.values) {
        const QString label = formatTick(y, yTicks);
        const double py = layout.transform.toPixel(0.0, y).y();
        const double w = metrics.horizontalAdvance(label);
        painter.drawText(
            QPointF(plot.left() - 0.5 * gap - w, py + 0.5 * (metrics.ascent() - metrics.descent())),
            label);
    }
    // The axis titles: the units' names.
    const QFont titleFont = m_theme.font(1.0, true);
    const QFontMetricsF titleMetrics(titleFont);
    painter.setFont(titleFont);
    const QString xTitle = hiddenUnitName(plane.layer, plane.unitA);
    const QString yTitle = hiddenUnitName(plane.layer, plane.unitB);
    painter.drawText(QPointF(plot.center().x() - 0.5 * titleMetrics.horizontalAdvance(xTitle),
                             plot.bottom() + gap + metrics.height() + titleMetrics.ascent()),
                     xTitle);
    painter.save();
    const double tickWidth = metrics.horizontalAdvance(QStringLiteral("\u22120.00"));
    painter.translate(plot.left() - gap - tickWidth - gap, plot.center().y());
    painter.rotate(-90.0);
    painter.drawText(QPointF(-0.5 * titleMetrics.horizontalAdvance(yTitle), 0.0), yTitle);
    painter.restore();
}

void HiddenPainter::paintNext(QPainter& painter, const Layout& layout,
                              const HiddenPlane& plane) const
{
    const QRectF& plot = layout.plot;
    const auto toPolygon = [&](const std::vector<Eigen::Vector2d>& corners) {
        QPolygonF polygon;
        for (const Eigen::Vector2d& c : corners)
            polygon << layout.transform.toPixel(c);
        return polygon;
    };
    const auto tint = [&](int cls) {
        return blend(m_theme.plotBackground, classColour(m_theme, cls), m_theme.shadingAlpha);
    };
    switch (plane.next) {
    case HiddenPlane::Next::OutputLine: {
        const learning::LinearModel& line = plane.lines.front().model;
        if (m_theme.shading && !line.hasNoBoundary()) {
            painter.setPen(Qt::NoPen);
            for (const int side : {-1, +1}) {
                painter.setBrush(tint(side > 0 ? 1 : 0));
                painter.drawPolygon(toPolygon(halfPlaneInBox(line, plane.box, side)));
            }
        }
        break;
    }
    case HiddenPlane::Next::OutputRegions: {
        if (!m_theme.shading)
            break;
        // The class of each cell's centre: argmax_k z_k, ties to the lowest class.
        const int columns = std::max(1, int(std::ceil(plot.width() / kRegionCell)));
        const int rows = std::max(1, int(std::ceil(plot.height() / kRegionCell)));
        QImage regions(columns, rows, QImage::Format_RGB32);
        std::vector<QRgb> tints;
        for (int k = 0; k < plane.classes; ++k)
            tints.push_back(tint(k).rgb());
        for (int r = 0; r < rows; ++r) {
            auto* scan = reinterpret_cast<QRgb*>(regions.scanLine(r));
            for (int c = 0; c < columns; ++c) {
                const QPointF pixel(plot.left() + (c + 0.5) * plot.width() / columns,
                                    plot.top() + (r + 0.5) * plot.height() / rows);
                const Eigen::Vector2d h = layout.transform.toWorld(pixel);
                int best = 0;
                double bestScore = plane.lines.front().model.net(h);
                for (int k = 1; k < int(plane.lines.size()); ++k) {
                    const double score = plane.lines[std::size_t(k)].model.net(h);
                    if (score > bestScore) {
                        best = k;
                        bestScore = score;
                    }
                }
                scan[c] = tints[std::size_t(best)];
            }
        }
        painter.drawImage(plot, regions);
        break;
    }
    case HiddenPlane::Next::HiddenLines:
        break;
    }
}

void HiddenPainter::paintPoints(QPainter& painter, const Layout& layout,
                                const HiddenPlane& plane) const
{
    const auto centre = [&](Eigen::Index i) {
        return layout.transform.toPixel(plane.points(0, i), plane.points(1, i));
    };
    // The misclassified points' rings first, the points over them.
    painter.setPen(QPen(m_theme.errorOutline, 2.0));
    painter.setBrush(Qt::NoBrush);
    const double ring = errorRingRadius(m_theme);
    for (Eigen::Index i = 0; i < plane.points.cols(); ++i) {
        if (plane.wrong[std::size_t(i)])
            painter.drawEllipse(centre(i), ring, ring);
    }
    // The points in the data's order, as the canvas draws them. Vector devices (SVG, PDF) get
    // true shapes; raster ones a marker drawn once per class and copied to every point (10^4
    // points would otherwise take about 200 ms a frame).
    if (isVectorPainter(painter)) {
        for (Eigen::Index i = 0; i < plane.points.cols(); ++i) {
            const int cls = plane.labels[std::size_t(i)];
            drawMarker(painter, classShape(m_theme, cls), centre(i), m_theme,
                       classColour(m_theme, cls));
        }
        return;
    }
    const qreal scale = std::clamp(painter.deviceTransform().m11(), 0.5, 8.0);
    std::array<QImage, learning::kMaxClasses> sprites;
    std::array<double, learning::kMaxClasses> halves{};
    for (Eigen::Index i = 0; i < plane.points.cols(); ++i) {
        const int cls = std::clamp(plane.labels[std::size_t(i)], 0, learning::kMaxClasses - 1);
        QImage& sprite = sprites[std::size_t(cls)];
        if (sprite.isNull()) {
            const MarkerShape shape = classShape(m_theme, cls);
            const double logical =
                2.0 * markerReach(shape, m_theme.markerSize) + 2.0 * m_theme.markerEdgeWidth + 2.0;
            const int px = int(std::ceil(logical * scale));
            sprite = QImage(px, px, QImage::Format_ARGB32_Premultiplied);
            sprite.setDevicePixelRatio(scale);
            sprite.fill(Qt::transparent);
            QPainter p(&sprite);
            p.setRenderHint(QPainter::Antialiasing);
            halves[std::size_t(cls)] = 0.5 * px / scale;
            drawMarker(p, shape, QPointF(halves[std::size_t(cls)], halves[std::size_t(cls)]),
                       m_theme, classColour(m_theme, cls));
        }
        const double half = halves[std::size_t(cls)];
        painter.drawImage(centre(i) - QPointF(half, half), sprite);
    }
}

void HiddenPainter::paint(QPainter& painter, const QRectF& target, const HiddenPlane& plane) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.fillRect(target, m_theme.background);
    if (plane.absence != HiddenPlane::Absence::None) {
        painter.setFont(m_theme.font());
        painter.setPen(m_theme.mutedText);
        painter.drawText(target.adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap,
                         absenceText(plane.absence));
        painter.restore();
        return;
    }
    const Layout layout = this->layout(target, plane);
    painter.setFont(m_theme.font(1.1, true));
    painter.setPen(m_theme.text);
    painter.drawText(layout.title, Qt::AlignLeft | Qt::AlignVCenter,
                     QFontMetricsF(painter.font())
                         .elidedText(title(plane), Qt::ElideRight, layout.title.width()));

    painter.fillRect(layout.plot, m_theme.plotBackground);
    painter.save();
    painter.setClipRect(layout.plot);
    paintNext(painter, layout, plane);
    painter.restore();
    paintAxes(painter, layout, plane);

    // The next layer's lines over the grid.
    painter.save();
    painter.setClipRect(layout.plot);
    const bool output = plane.next != HiddenPlane::Next::HiddenLines;
    for (const HiddenPlane::Line& line : plane.lines) {
        if (plane.next == HiddenPlane::Next::OutputRegions)
            break; // the regions' edges are the lines that matter, and they show
        const LineClip clip = clipBoundary(line.model, plane.box);
        if (clip.kind != LineClip::Kind::Inside)
            continue;
        const QLineF segment(layout.transform.toPixel(clip.segment.x1(), clip.segment.y1()),
                             layout.transform.toPixel(clip.segment.x2(), clip.segment.y2()));
        QPen pen(m_theme.boundary, output ? m_theme.boundaryWidth : 0.6 * m_theme.boundaryWidth);
        if (!output)
            pen.setStyle(Qt::DashLine);
        if (!plane.held.empty())
            pen.setStyle(output ? Qt::DashLine : Qt::DotLine);
        painter.setPen(pen);
        painter.drawLine(segment);
        if (!line.name.isEmpty()) {
            // The label near the end of the segment, inside the plane.
            const QPointF at = segment.pointAt(0.85);
            drawLabelAway(painter, at, normalOf(segment.p1(), segment.p2()), line.name,
                          m_theme.font(0.95, true), m_theme.boundary, m_theme.plotBackground);
        }
    }
    painter.restore();

    painter.setPen(QPen(m_theme.frame, 1.0));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(layout.plot);

    paintPoints(painter, layout, plane);

    painter.setFont(m_theme.font(0.9));
    painter.setPen(m_theme.mutedText);
    QRectF notesRect = layout.notes;
    const QFontMetricsF noteMetrics(painter.font());
    for (const QString& line : notes(plane)) {
        const QRectF used = noteMetrics.boundingRect(QRectF(0, 0, notesRect.width(), 1e6),
                                                     Qt::TextWordWrap | Qt::AlignLeft, line);
        painter.drawText(
            QRectF(notesRect.left(), notesRect.top(), notesRect.width(), used.height()),
            Qt::TextWordWrap | Qt::AlignLeft, line);
        notesRect.setTop(notesRect.top() + used.height());
    }
    painter.restore();
}

} // namespace plab::render
