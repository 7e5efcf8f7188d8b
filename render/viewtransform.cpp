#include "render/viewtransform.h"

#include "io/numberformat.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace plab::render {

ViewTransform::ViewTransform(const io::ViewBox& view, const QRectF& pixels, Aspect aspect)
{
    if (!view.isValid() || !(pixels.width() > 0.0) || !(pixels.height() > 0.0)) {
        m_sx = m_pixels.width() / (m_view.xMax - m_view.xMin);
        m_sy = m_pixels.height() / (m_view.yMax - m_view.yMin);
        return;
    }
    m_view = view;
    m_pixels = pixels;
    const double w = view.xMax - view.xMin;
    const double h = view.yMax - view.yMin;
    m_sx = pixels.width() / w;
    m_sy = pixels.height() / h;
    if (aspect == Aspect::Stretch)
        return;
    // Keep the limiting axis exactly as requested and widen the other one about its centre.
    if (m_sx <= m_sy) {
        m_sy = m_sx;
        const double cy = 0.5 * (view.yMin + view.yMax);
        const double half = 0.5 * pixels.height() / m_sy;
        m_view.yMin = cy - half;
        m_view.yMax = cy + half;
    } else {
        m_sx = m_sy;
        const double cx = 0.5 * (view.xMin + view.xMax);
        const double half = 0.5 * pixels.width() / m_sx;
        m_view.xMin = cx - half;
        m_view.xMax = cx + half;
    }
}

QPointF ViewTransform::toPixel(double x1, double x2) const
{
    return {m_pixels.left() + (x1 - m_view.xMin) * m_sx,
            m_pixels.top() + (m_view.yMax - x2) * m_sy};
}

QPointF ViewTransform::toPixel(const Eigen::Vector2d& world) const
{
    return toPixel(world.x(), world.y());
}

Eigen::Vector2d ViewTransform::toWorld(const QPointF& pixel) const
{
    return {m_view.xMin + (pixel.x() - m_pixels.left()) / m_sx,
            m_view.yMax - (pixel.y() - m_pixels.top()) / m_sy};
}

QPointF ViewTransform::vectorToPixel(const Eigen::Vector2d& v) const
{
    return {v.x() * m_sx, -v.y() * m_sy};
}

Eigen::Vector2d ViewTransform::vectorToWorld(const QPointF& d) const
{
    return {d.x() / m_sx, -d.y() / m_sy};
}

io::ViewBox zoomed(const io::ViewBox& view, const Eigen::Vector2d& anchor, double factor)
{
    if (!std::isfinite(factor) || !(factor > 0.0) || !anchor.allFinite())
        return view;
    return {anchor.x() - (anchor.x() - view.xMin) / factor,
            anchor.x() + (view.xMax - anchor.x()) / factor,
            anchor.y() - (anchor.y() - view.yMin) / factor,
            anchor.y() + (view.yMax - anchor.y()) / factor};
}

io::ViewBox panned(const io::ViewBox& view, const Eigen::Vector2d& delta)
{
    return {view.xMin + delta.x(), view.xMax + delta.x(), view.yMin + delta.y(),
            view.yMax + delta.y()};
}

double nearestRung(double x)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(x)));
    const double m = x / magnitude;
    // Geometric midpoints between 1, 2, 5 and 10.
    const double rung =
        m < std::sqrt(2.0) ? 1.0 : (m < std::sqrt(10.0) ? 2.0 : (m < std::sqrt(50.0) ? 5.0 : 10.0));
    return rung * magnitude;
}

Ticks niceTicks(double lo, double hi, int target)
{
    Ticks ticks;
    if (!std::isfinite(lo) || !std::isfinite(hi) || !(lo < hi))
        return ticks;
    target = std::max(1, target);
    ticks.step = nearestRung((hi - lo) / target);
    if (!std::isfinite(ticks.step) || !(ticks.step > 0.0))
        return Ticks{}; // a span beyond the largest double
    ticks.decimals = std::max(0, -int(std::floor(std::log10(ticks.step) + 1e-9)));

    const double eps = 1e-9;
    const double first = std::ceil(lo / ticks.step - eps);
    const double last = std::floor(hi / ticks.step + eps);
    for (double k = first; k <= last; k += 1.0) {
        double v = k * ticks.step;
        if (std::abs(v) < ticks.step * eps)
            v = 0.0;
        ticks.values.push_back(v);
    }
    return ticks;
}

QString formatTick(double value, const Ticks& ticks)
{
    if (value != 0.0 && (std::abs(value) >= 1e6 || ticks.step < 1e-4)) {
        // Enough significant digits to tell neighbouring ticks apart.
        const double span = std::max(std::abs(value), ticks.step);
        const int digits =
            std::clamp(int(std::ceil(std::log10(span / ticks.step) - 1e-9)) + 1, 1, 15);
        return io::displayNumber(value, digits);
    }
    // Every other tick is a multiple of a step of at least 10^-decimals, so it has its decimals.
    return io::displayFixed(value, ticks.decimals);
}

LineClip clipBoundary(const learning::LinearModel& model, const io::ViewBox& box)
{
    LineClip clip;
    if (!model.isFinite() || model.hasNoBoundary())
        return clip;
    // The line is that of any positive multiple of (w, b): divided by the largest weight, so
    // that weights of a diverged run (|w| near 1e160, whose square is infinite) give the line
    // and not NaN.
    const double largest = std::max(std::abs(model.w.x()), std::abs(model.w.y()));
    const Eigen::Vector2d w = model.w / largest;
    const double bias = model.b / largest;
    const double norm2 = w.squaredNorm();
    const double norm = std::sqrt(norm2);
    const Eigen::Vector2d centre(0.5 * (box.xMin + box.xMax), 0.5 * (box.yMin + box.yMax));
    const double f = w.dot(centre) + bias;
    clip.distance = std::abs(f) / norm;
    clip.closest = centre - (f / norm2) * w;
    clip.towards = f > 0.0 ? Eigen::Vector2d(-w / norm) : Eigen::Vector2d(w / norm);

    // Vertical and horizontal lines exactly, without the rounding of the general case.
    if (w.y() == 0.0) {
        const double x = -bias / w.x();
        clip.closest.x() = x;
        if (x < box.xMin || x > box.xMax) {
            clip.kind = LineClip::Kind::Outside;
            return clip;
        }
        clip.kind = LineClip::Kind::Inside;
        clip.segment = QLineF(x, box.yMin, x, box.yMax);
        return clip;
    }
    if (w.x() == 0.0) {
        const double y = -bias / w.y();
        clip.closest.y() = y;
        if (y < box.yMin || y > box.yMax) {
            clip.kind = LineClip::Kind::Outside;
            return clip;
        }
        clip.kind = LineClip::Kind::Inside;
        clip.segment = QLineF(box.xMin, y, box.xMax, y);
        return clip;
    }

    // Liang-Barsky on the parametrised line p(t) = closest + t * d, d along the line.
    const Eigen::Vector2d d(-w.y() / norm, w.x() / norm);
    const double lo[2] = {box.xMin, box.yMin};
    const double hi[2] = {box.xMax, box.yMax};
    double t0 = -std::numeric_limits<double>::infinity();
    double t1 = std::numeric_limits<double>::infinity();
    for (int k = 0; k < 2; ++k) {
        double a = (lo[k] - clip.closest[k]) / d[k];
        double b = (hi[k] - clip.closest[k]) / d[k];
        if (a > b)
            std::swap(a, b);
        t0 = std::max(t0, a);
        t1 = std::min(t1, b);
    }
    if (t0 > t1) {
        clip.kind = LineClip::Kind::Outside;
        return clip;
    }
    const Eigen::Vector2d p0 = clip.closest + t0 * d;
    const Eigen::Vector2d p1 = clip.closest + t1 * d;
    clip.kind = LineClip::Kind::Inside;
    clip.segment = QLineF(p0.x(), p0.y(), p1.x(), p1.y());
    return clip;
}

std::vector<Eigen::Vector2d> halfPlaneInBox(const learning::LinearModel& model,
                                            const io::ViewBox& box, int side)
{
    const std::vector<Eigen::Vector2d> corners = {
        {box.xMin, box.yMin}, {box.xMax, box.yMin}, {box.xMax, box.yMax}, {box.xMin, box.yMax}};
    if (!model.isFinite())
        return {};
    if (model.hasNoBoundary())
        return side * model.b > 0.0 ? corners : std::vector<Eigen::Vector2d>{};
    // Sutherland-Hodgman against the single half-plane side * f(x) >= 0.
    std::vector<Eigen::Vector2d> out;
    for (std::size_t i = 0; i < corners.size(); ++i) {
        const Eigen::Vector2d& a = corners[i];
        const Eigen::Vector2d& b = corners[(i + 1) % corners.size()];
        const double fa = side * model.net(a);
        const double fb = side * model.net(b);
        if (fa >= 0.0)
            out.push_back(a);
        // Only a strict sign change crosses the line; a corner on the line is already in.
        if ((fa > 0.0 && fb < 0.0) || (fa < 0.0 && fb > 0.0))
            out.push_back(a + (fa / (fa - fb)) * (b - a));
    }
    if (out.size() < 3)
        return {};
    return out;
}

} // namespace plab::render
