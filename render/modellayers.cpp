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
std::optional<int> constantClass(const PlotFrame& frame)
{
    const double b = frame.linearModel.b;
    if (b > 0.0)
        return 1;
    if (b < 0.0)
        return 0;
    switch (frame.scene.model.zero()) {
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
        const double p1 = learning::sigmoid(f.linearModel.b);
        painter.fillRect(area, tint(p1 >= 0.5 ? 1 : 0, std::abs(2 * p1 - 1)));
        return;
    }
    if (scene.rule == learning::Rule::Logistic) {
        // p = sigmoid(net) and net is affine in pixels, so the shading is a linear gradient
        // along the pixel-space gradient of net: exact, and one fill.
        const QPointF g(f.linearModel.w.x() / tf.pixelsPerUnitX(),
                        -f.linearModel.w.y() / tf.pixelsPerUnitY());
        const double g2 = g.x() * g.x() + g.y() * g.y();
        const QPointF c = area.center();
        const double netC = f.linearModel.net(tf.toWorld(c));
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
        const std::optional<int> cls = constantClass(f);
        painter.fillRect(area, cls ? tint(std::size_t(*cls), 1.0) : theme.plotBackground);
        return;
    }
    painter.fillRect(area, tint(0, 1.0));
    QPolygonF poly;
    for (const Eigen::Vector2d& corner : halfPlaneInBox(f.linearModel, tf.effectiveView(), +1))
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
    if (frame.classic && frame.theme.shading)
        shade(frame);
    else
        frame.painter.fillRect(frame.area, frame.theme.plotBackground);
}

bool BoundaryLayer::shows(const PlotFrame& frame) const
{
    const PlotScene& scene = frame.scene;
    return !scene.trail.empty() || (frame.classic && scene.step && scene.step->updated) ||
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
    if (frame.classic && scene.step && scene.step->updated) {
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
    if (!scene.hasModel || !scene.model.shape().isClassic())
        return 1.0;
    // stableNorm(): the weights of a diverged run (1e160) have an infinite squared norm.
    double length = scene.model.classicModel().w.stableNorm();
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
    return frame.classic && frame.scene.showWeightVector;
}

namespace {

/// The anchor of the arrows on the line from \p p0 to \p p1 (pixels), as the fraction t of the
/// way, nearest to \p preferred, where every tip (anchor + offset) lies in \p inner; none when no
/// point of the line has room for them.
std::optional<double> fittingAnchor(const QPointF& p0, const QPointF& p1, double preferred,
                                    const std::vector<QPointF>& offsets, const QRectF& inner)
{
    double lo = 0.0;
    double hi = 1.0;
    const QPointF d = p1 - p0;
    // p0 + t d + o within [min, max] along each axis, for each offset o: linear in t.
    const auto constrain = [&](double start, double slope, double min, double max) {
        if (std::abs(slope) < 1e-12)
            return start >= min - 1e-9 && start <= max + 1e-9;
        double a = (min - start) / slope;
        double b = (max - start) / slope;
        if (a > b)
            std::swap(a, b);
        lo = std::max(lo, a);
        hi = std::min(hi, b);
        return lo <= hi;
    };
    for (const QPointF& o : offsets) {
        if (!constrain(p0.x() + o.x(), d.x(), inner.left(), inner.right()) ||
            !constrain(p0.y() + o.y(), d.y(), inner.top(), inner.bottom()))
            return std::nullopt;
    }
    return std::clamp(preferred, lo, hi);
}

} // namespace

void WeightVectorLayer::paint(PlotFrame& frame)
{
    const PlotScene& scene = frame.scene;
    QPainter& painter = frame.painter;
    const Theme& theme = frame.theme;
    const ViewTransform& tf = frame.transform;
    const bool showUpdate = scene.step && scene.step->updated;
    double s = scale(scene, tf);
    const QFont labelFont = theme.font(1.05, true);

    // From the old boundary while an update is shown (the boundary itself when the old one is
    // outside the view), otherwise from the boundary. The vectors are the same wherever they are
    // drawn from: w before the update is never taken for 0 because its line is not in view.
    std::optional<LineClip> line;
    const Eigen::Vector2d wOld = showUpdate ? scene.step->before.w : Eigen::Vector2d::Zero();
    if (showUpdate && !scene.step->before.hasNoBoundary()) {
        const LineClip ghostClip = clipBoundary(scene.step->before, tf.effectiveView());
        if (ghostClip.kind == LineClip::Kind::Inside)
            line = ghostClip;
    }
    if (!line && frame.clip.kind == LineClip::Kind::Inside)
        line = frame.clip;
    if (!line)
        return;
    const bool threeArrows = showUpdate && wOld.squaredNorm() > 0.0;
    if (!threeArrows && frame.linearModel.hasNoBoundary())
        return;

    // The whole figure, labels included, must fit the plot: the anchor slides along its line
    // from the point nearest the view's centre, and where no point of the line leaves room the
    // vectors are drawn smaller (the note says by how much).
    const QPointF p0 = tf.toPixel(line->segment.x1(), line->segment.y1());
    const QPointF p1 = tf.toPixel(line->segment.x2(), line->segment.y2());
    const QPointF closest = tf.toPixel(line->closest);
    const double span = QLineF(p0, p1).length();
    const double preferred =
        span > 0.0 ? QPointF::dotProduct(closest - p0, p1 - p0) / (span * span) : 0.0;
    const QFontMetricsF lfm(labelFont);
    const double room = lfm.height() + 8.0;
    const QRectF inner = frame.area.adjusted(room, room, -room, -room);
    QPointF a = closest;
    for (int tries = 0; tries < 12; ++tries) {
        std::vector<QPointF> offsets{QPointF(0, 0), tf.vectorToPixel(s * frame.linearModel.w)};
        if (threeArrows) {
            offsets.push_back(tf.vectorToPixel(s * wOld));
            offsets.push_back(tf.vectorToPixel(s * (wOld + scene.step->deltaW)));
        }
        if (const std::optional<double> t = fittingAnchor(p0, p1, preferred, offsets, inner)) {
            a = p0 + *t * (p1 - p0);
            break;
        }
        if (tries == 11)
            break; // a plot too small for any arrow: as large as it comes
        s = nearestRung(0.5 * s);
    }

    Coverage& covered = frame.covered;
    const auto arrow = [&](const QPointF& from, const QPointF& to, const QColor& colour,
                           double width) {
        drawArrow(painter, from, to, colour, width, theme.plotBackground);
        // The head is the widest part: 0.45 head to each side, plus the halo.
        const double head = arrowHead(QLineF(from, to).length(), width);
        covered.addSegment(Coverage::Kind::Arrow, QLineF(from, to), 0.45 * head + 1.5);
    };
    // Each label beside its arrow where it hides no point: on the \p away side (the middle, then
    // a third and two thirds of the way, ...), then on the other side, then beyond the tip, close
    // to the arrow first and further out where points crowd it. (\p tipFirst: beyond the tip
    // first.) The places are chosen before any label is drawn: where some label has none, every
    // label goes into a key instead (below).
    struct Label
    {
        QString text;
        QColor colour;
        double width; ///< its arrow's
        QRectF box;
    };
    std::vector<Label> labels;
    const Coverage uncovered = covered;
    bool crowded = false;
    const auto label = [&](const QPointF& from, const QPointF& to, const QPointF& away,
                           const QString& text, const QColor& colour, double width, bool tipFirst) {
        if (!scene.showAnnotations)
            return;
        if (crowded) { // the key holds them all
            labels.push_back({text, colour, width, QRectF()});
            return;
        }
        std::vector<QRectF> boxes;
        const auto beyond = [&](double gap) {
            boxes.push_back(labelBoxAway(to, to - from, text, labelFont, gap));
        };
        // Just clear of the arrow's own reach as reported to the coverage (its head and halo).
        const double clear =
            0.45 * arrowHead(QLineF(from, to).length(), theme.arrowWidth) + 1.5 + 1.0;
        if (tipFirst)
            beyond(clear);
        for (const double gap : {clear, clear + 11.0, clear + 25.0, clear + 42.0, clear + 62.0}) {
            for (const QPointF& side : {away, -away})
                for (const double f : {0.5, 0.3, 0.7, 0.15, 0.85})
                    boxes.push_back(
                        labelBoxAway(from + f * (to - from), side, text, labelFont, gap));
            if (!tipFirst || gap > clear)
                beyond(gap);
        }
        // The places inside the plot that hide no point, found with an early exit at the first
        // point a box meets (on 10^4 dense points nearly every place meets one at once), then
        // weighed in full: the one that hides least else (arrows, texts, lines).
        std::vector<QPointF> free;
        const QRectF inside = frame.area.adjusted(-0.5, -0.5, 0.5, 0.5);
        for (const QRectF& b : boxes)
            if (inside.contains(b) && !covered.overlaps(b, {Coverage::Kind::Point}))
                free.push_back(b.topLeft());
        if (free.empty()) {
            crowded = true;
            labels.push_back({text, colour, width, QRectF()});
            return;
        }
        const QRectF box = placeAnnotation(frame, boxes.front().size(), free);
        covered.addBox(Coverage::Kind::Text, box);
        labels.push_back({text, colour, width, box});
    };

    const QPointF tipNew = a + tf.vectorToPixel(s * frame.linearModel.w);
    if (threeArrows) {
        const QPointF tipOld = a + tf.vectorToPixel(s * wOld);
        const QPointF tipSum = a + tf.vectorToPixel(s * (wOld + scene.step->deltaW));
        arrow(a, tipOld, theme.ghost, 0.8 * theme.arrowWidth);
        arrow(tipOld, tipSum, theme.updateArrow, theme.arrowWidth);
        arrow(a, tipNew, theme.weightArrow, theme.arrowWidth);
        // Each label beside its arrow, outside the triangle where there is room.
        const QPointF centroid = (a + tipOld + tipSum) / 3.0;
        label(a, tipOld, outwardNormal(a, tipOld, centroid), QStringLiteral("w"), theme.ghost,
              0.8 * theme.arrowWidth, false);
        label(tipOld, tipSum, outwardNormal(tipOld, tipSum, centroid), QStringLiteral("\u0394w"),
              theme.updateArrow, theme.arrowWidth, false);
        label(a, tipNew, outwardNormal(a, tipNew, centroid), QStringLiteral("w + \u0394w"),
              theme.weightArrow, theme.arrowWidth, false);
    } else {
        arrow(a, tipNew, theme.weightArrow, theme.arrowWidth);
        // The first update from w = 0: the new w is the update itself.
        label(a, tipNew, normalOf(a, tipNew),
              showUpdate ? QStringLiteral("w = \u0394w") : QStringLiteral("w"), theme.weightArrow,
              theme.arrowWidth, true);
    }
    if (!crowded) {
        for (const Label& l : labels)
            drawLabelInBox(painter, l.box, l.text, labelFont, l.colour, theme.plotBackground);
    } else {
        // Dense data: the labels would hide points wherever they stood by their arrows, so they
        // go together into a key, a short arrow of each colour with its name, in the corner (or
        // along the edge) where it hides least, in smaller type where it hides something.
        // Bottom corners first: the legend and the scale note are at the top.
        covered = uncovered;
        struct Key
        {
            QFont font;
            double pad = 0.0;
            double sample = 0.0; ///< the arrows' length
            double row = 0.0;
            QRectF box;
        };
        const auto keyFor = [&](double textScale) {
            Key k{theme.font(1.05 * textScale, true), 6.0 * textScale, 26.0 * textScale, 0.0, {}};
            const QFontMetricsF kfm(k.font);
            double textWidth = 0.0;
            for (const Label& l : labels)
                textWidth = std::max(textWidth, kfm.horizontalAdvance(l.text));
            k.row = kfm.height() + 4.0 * textScale;
            const QSizeF size(3.0 * k.pad + k.sample + textWidth,
                              2.0 * k.pad + k.row * double(labels.size()));
            std::vector<QPointF> places = cornersFirst(frame.area, size, 10.0);
            std::reverse(places.begin(), places.begin() + 4); // BR, BL, TR, TL
            k.box = placeAnnotation(frame, size, places);
            return k;
        };
        const Key key = leastHidingKey(frame, keyFor);
        const QRectF& box = key.box;
        drawKeyBox(painter, box, theme);
        const QFontMetricsF kfm(key.font);
        for (std::size_t i = 0; i < labels.size(); ++i) {
            const Label& l = labels[i];
            const double cy = box.top() + key.pad + key.row * (double(i) + 0.5);
            drawArrow(painter, QPointF(box.left() + key.pad, cy),
                      QPointF(box.left() + key.pad + key.sample, cy), l.colour, l.width);
            drawHaloText(painter,
                         QPointF(box.left() + 2.0 * key.pad + key.sample,
                                 cy - 0.5 * kfm.height() + kfm.ascent()),
                         l.text, key.font, l.colour, theme.plotBackground);
        }
        covered.addBox(Coverage::Kind::Text, box);
    }
    // The anchor: a small dot on the line.
    painter.setPen(QPen(theme.plotBackground, 1.5));
    painter.setBrush(theme.weightArrow);
    painter.drawEllipse(a, 3.0, 3.0);
    covered.addDisc(Coverage::Kind::Arrow, a, 4.0);
    if (s != 1.0 && scene.showAnnotations) {
        // In a corner where it hides nothing (it covered the point (1, 1) of AND before).
        const QString note = Text::tr("vectors drawn \u00d7%1").arg(formatScale(s));
        const QFont small = theme.font(0.9);
        const QFontMetricsF sfm(small);
        const QSizeF size(sfm.horizontalAdvance(note) + 4.0, sfm.ascent() + sfm.descent() + 4.0);
        std::vector<QPointF> corners = cornersFirst(frame.area, size, 8.0);
        std::swap(corners[0], corners[1]); // top right first, where it always was
        const QRectF box = placeAnnotation(frame, size, corners);
        covered.addBox(Coverage::Kind::Text,
                       drawHaloText(painter,
                                    QPointF(box.left() + 2.0, box.top() + 2.0 + sfm.ascent()), note,
                                    small, theme.mutedText, theme.plotBackground));
    }
}

} // namespace plab::render
