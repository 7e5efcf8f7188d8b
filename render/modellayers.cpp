// The linear model's layers: shading, boundaries, weight vector (plotlayers.h).
#include "io/numberformat.h"
#include "learning/rules.h"
#include "render/paintkit.h"
#include "render/plotlayers.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QLinearGradient>
#include <QPainter>
#include <QPolygonF>

#include <algorithm>
#include <cmath>
#include <optional>

namespace plab::render {

using namespace paintkit;

namespace {

/// The translation context of this file's texts (lupdate reads the name from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(plab::render::PlotRenderer)
};

/// A boundary line (any model) clipped to the view, in pixels; empty when there is none.
std::optional<QLineF> boundaryPixels(const learning::LinearModel& model, const ViewTransform& tf)
{
    const LineClip clip = clipBoundary(model, tf.effectiveView());
    if (clip.kind != LineClip::Kind::Inside)
        return std::nullopt;
    return QLineF(tf.toPixel(clip.segment.x1(), clip.segment.y1()),
                  tf.toPixel(clip.segment.x2(), clip.segment.y2()));
}

/// The class the model predicts everywhere when w = 0, if that is decided.
std::optional<int> constantClass(const PlotScene& scene)
{
    const double b = scene.model.b;
    if (b > 0.0)
        return 1;
    if (b < 0.0)
        return 0;
    switch (scene.zero) {
    case learning::ZeroConvention::Positive:
        return 1;
    case learning::ZeroConvention::Negative:
        return 0;
    case learning::ZeroConvention::Mistake:
        break;
    }
    return std::nullopt;
}

/// Shades the whole plot area by the model.
void shade(PlotFrame& f)
{
    const PlotScene& scene = f.scene;
    const Theme& theme = f.theme;
    QPainter& painter = f.painter;
    const QRectF& area = f.area;
    const ViewTransform& tf = f.transform;
    // The tints are pre-blended onto the plot background, so the shading is opaque.
    auto tint = [&](std::size_t cls, double strength) {
        return blend(theme.plotBackground, theme.classColors[cls],
                     int(std::lround(theme.shadingAlpha * std::clamp(strength, 0.0, 1.0))));
    };
    if (scene.rule == learning::Rule::Logistic && !f.hasLine) {
        const double p1 = learning::sigmoid(scene.model.b);
        painter.fillRect(area, tint(p1 >= 0.5 ? 1 : 0, std::abs(2 * p1 - 1)));
        return;
    }
    if (scene.rule == learning::Rule::Logistic) {
        // p = sigmoid(net) and net is affine in pixels, so the shading is a linear gradient
        // along the pixel-space gradient of net: exact, and one fill.
        const QPointF g(scene.model.w.x() / tf.pixelsPerUnitX(),
                        -scene.model.w.y() / tf.pixelsPerUnitY());
        const double g2 = g.x() * g.x() + g.y() * g.y();
        const QPointF c = area.center();
        const double netC = scene.model.net(tf.toWorld(c));
        constexpr double span = 7.0; // net in [-7, 7]: p from 0.001 to 0.999
        const QPointF start = c + g * ((-span - netC) / g2);
        const QPointF end = c + g * ((span - netC) / g2);
        if (QLineF(start, end).length() >= 1.0) {
            QLinearGradient gradient(start, end);
            constexpr int steps = 28;
            for (int i = 0; i <= steps; ++i) {
                const double t = double(i) / steps;
                const double p1 = learning::sigmoid(-span + 2 * span * t);
                gradient.setColorAt(t, tint(p1 > 0.5 ? 1 : 0, std::abs(2 * p1 - 1)));
            }
            gradient.setSpread(QGradient::PadSpread);
            painter.fillRect(area, gradient);
            return;
        }
    }
    if (!f.hasLine) {
        const std::optional<int> cls = constantClass(scene);
        painter.fillRect(area, cls ? tint(std::size_t(*cls), 1.0) : theme.plotBackground);
        return;
    }
    painter.fillRect(area, tint(0, 1.0));
    QPolygonF poly;
    for (const Eigen::Vector2d& corner : halfPlaneInBox(scene.model, tf.effectiveView(), +1))
        poly << tf.toPixel(corner);
    painter.setPen(Qt::NoPen);
    painter.setBrush(tint(1, 1.0));
    // The boundary and its halo cover this edge, so antialiasing would only cost time (an
    // antialiased fill of half the plot is the most expensive call in a frame).
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.drawPolygon(poly);
    painter.setRenderHint(QPainter::Antialiasing, true);
}

QString formatScale(double s)
{
    return io::displayNumber(s, 6);
}

} // namespace

void ShadingLayer::paint(PlotFrame& frame)
{
    if (frame.hasModel && frame.theme.shading)
        shade(frame);
    else
        frame.painter.fillRect(frame.area, frame.theme.plotBackground);
}

bool BoundaryLayer::shows(const PlotFrame& frame) const
{
    const PlotScene& scene = frame.scene;
    return !scene.trail.empty() || (frame.hasModel && scene.step && scene.step->updated) ||
           frame.clip.kind == LineClip::Kind::Inside;
}

void BoundaryLayer::paint(PlotFrame& frame)
{
    QPainter& painter = frame.painter;
    const PlotScene& scene = frame.scene;
    const Theme& theme = frame.theme;
    const ViewTransform& tf = frame.transform;

    // Trail: older boundaries fainter.
    for (std::size_t i = 0; i < scene.trail.size(); ++i) {
        if (const std::optional<QLineF> line = boundaryPixels(scene.trail[i], tf)) {
            const double age = double(i + 1) / double(scene.trail.size() + 1);
            painter.setPen(
                QPen(withAlpha(theme.trail, int(25 + 110 * age)), 1.0, Qt::SolidLine, Qt::FlatCap));
            painter.drawLine(*line);
            frame.covered.addSegment(Coverage::Kind::Line, *line, 0.5);
        }
    }

    // The boundary before the update being shown.
    if (frame.hasModel && scene.step && scene.step->updated) {
        if (const std::optional<QLineF> ghost = boundaryPixels(scene.step->before, tf)) {
            const double width = std::max(1.5, 0.7 * theme.boundaryWidth);
            QPen pen(theme.ghost, width, Qt::CustomDashLine, Qt::FlatCap);
            pen.setDashPattern({5.0, 3.0});
            painter.setPen(pen);
            painter.drawLine(*ghost);
            frame.covered.addSegment(Coverage::Kind::Line, *ghost, 0.5 * width);
        }
    }

    // The boundary, over a halo in the plot's colour.
    if (frame.clip.kind == LineClip::Kind::Inside) {
        const LineClip& clip = frame.clip;
        const QLineF line(tf.toPixel(clip.segment.x1(), clip.segment.y1()),
                          tf.toPixel(clip.segment.x2(), clip.segment.y2()));
        painter.setPen(QPen(withAlpha(theme.plotBackground, 150), theme.boundaryWidth + 3.0,
                            Qt::SolidLine, Qt::FlatCap));
        painter.drawLine(line);
        painter.setPen(QPen(theme.boundary, theme.boundaryWidth, Qt::SolidLine, Qt::FlatCap));
        painter.drawLine(line);
        frame.covered.addSegment(Coverage::Kind::Line, line, 0.5 * theme.boundaryWidth + 1.5);
    }
}

double WeightVectorLayer::scale(const PlotScene& scene, const ViewTransform& transform)
{
    // stableNorm(): the weights of a diverged run (1e160) have an infinite squared norm.
    double length = scene.model.w.stableNorm();
    if (scene.step && scene.step->updated) {
        length = std::max(length, scene.step->before.w.stableNorm());
        length = std::max(length, (scene.step->before.w + scene.step->deltaW).stableNorm());
    }
    const io::ViewBox& v = transform.effectiveView();
    const double viewSize = std::min(v.xMax - v.xMin, v.yMax - v.yMin);
    if (!std::isfinite(length) || !(length > 0.0) || !(viewSize > 0.0))
        return 1.0;
    const double ratio = length / viewSize;
    if (ratio >= 0.10 && ratio <= 0.45)
        return 1.0;
    return nearestRung(0.25 * viewSize / length);
}

bool WeightVectorLayer::shows(const PlotFrame& frame) const
{
    return frame.hasModel && frame.scene.showWeightVector;
}

void WeightVectorLayer::paint(PlotFrame& frame)
{
    const PlotScene& scene = frame.scene;
    QPainter& painter = frame.painter;
    const Theme& theme = frame.theme;
    const ViewTransform& tf = frame.transform;
    const bool showUpdate = scene.step && scene.step->updated;
    const double s = scale(scene, tf);
    const QFont labelFont = theme.font(1.05, true);

    // From the old boundary while an update is shown (the boundary itself when the old one is
    // outside the view), otherwise from the boundary. The vectors are the same wherever they are
    // drawn from: w before the update is never taken for 0 because its line is not in view.
    std::optional<Eigen::Vector2d> anchor;
    const Eigen::Vector2d wOld = showUpdate ? scene.step->before.w : Eigen::Vector2d::Zero();
    if (showUpdate && !scene.step->before.hasNoBoundary()) {
        const LineClip ghostClip = clipBoundary(scene.step->before, tf.effectiveView());
        if (ghostClip.kind == LineClip::Kind::Inside)
            anchor = ghostClip.closest;
    }
    if (!anchor && frame.clip.kind == LineClip::Kind::Inside)
        anchor = frame.clip.closest;
    if (!anchor)
        return;

    Coverage& covered = frame.covered;
    const auto arrow = [&](const QPointF& from, const QPointF& to, const QColor& colour,
                           double width) {
        drawArrow(painter, from, to, colour, width, theme.plotBackground);
        // The head is the widest part: 0.45 head to each side, plus the halo.
        const double head = arrowHead(QLineF(from, to).length(), width);
        covered.addSegment(Coverage::Kind::Arrow, QLineF(from, to), 0.45 * head + 1.5);
    };
    const auto label = [&](const QPointF& at, const QPointF& away, const QString& text,
                           const QColor& colour, double gap) {
        covered.addBox(Coverage::Kind::Text, drawLabelAway(painter, at, away, text, labelFont,
                                                           colour, theme.plotBackground, gap));
    };

    const QPointF a = tf.toPixel(*anchor);
    const QPointF tipNew = tf.toPixel(*anchor + s * scene.model.w);
    if (showUpdate && wOld.squaredNorm() > 0.0) {
        const QPointF tipOld = tf.toPixel(*anchor + s * wOld);
        const QPointF tipSum = tf.toPixel(*anchor + s * (wOld + scene.step->deltaW));
        arrow(a, tipOld, theme.ghost, 0.8 * theme.arrowWidth);
        arrow(tipOld, tipSum, theme.updateArrow, theme.arrowWidth);
        arrow(a, tipNew, theme.weightArrow, theme.arrowWidth);
        // Each label beside the middle of its arrow, outside the triangle.
        const QPointF centroid = (a + tipOld + tipSum) / 3.0;
        label(0.5 * (a + tipOld), outwardNormal(a, tipOld, centroid), QStringLiteral("w"),
              theme.ghost, 7.0);
        label(0.5 * (tipOld + tipSum), outwardNormal(tipOld, tipSum, centroid),
              QStringLiteral("\u0394w"), theme.updateArrow, 7.0);
        label(0.5 * (a + tipNew), outwardNormal(a, tipNew, centroid), QStringLiteral("w + \u0394w"),
              theme.weightArrow, 7.0);
    } else if (!scene.model.hasNoBoundary()) {
        arrow(a, tipNew, theme.weightArrow, theme.arrowWidth);
        // The first update from w = 0: the new w is the update itself.
        label(tipNew, tipNew - a, showUpdate ? QStringLiteral("w = \u0394w") : QStringLiteral("w"),
              theme.weightArrow, 5.0);
    }
    // The anchor: a small dot on the line.
    painter.setPen(QPen(theme.plotBackground, 1.5));
    painter.setBrush(theme.weightArrow);
    painter.drawEllipse(a, 3.0, 3.0);
    covered.addDisc(Coverage::Kind::Arrow, a, 4.0);
    if (s != 1.0) {
        const QString note = Text::tr("vectors drawn \u00d7%1").arg(formatScale(s));
        const QFont small = theme.font(0.9);
        const QFontMetricsF sfm(small);
        covered.addBox(Coverage::Kind::Text,
                       drawHaloText(painter,
                                    QPointF(frame.area.right() - sfm.horizontalAdvance(note) - 10,
                                            frame.area.top() + 10 + sfm.ascent()),
                                    note, small, theme.mutedText, theme.plotBackground));
    }
}

} // namespace plab::render
