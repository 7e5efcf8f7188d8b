#include "metrics.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace plab::learning {

std::size_t countErrors(const Dataset& data, const LinearModel& model, ZeroConvention zero)
{
    std::size_t errors = 0;
    for (std::size_t i = 0; i < data.size(); ++i) {
        const int t = data.label(i);
        errors += thresholdOutput(model.net(data.point(i)), zero, t) != t;
    }
    return errors;
}

std::vector<std::size_t> misclassified(const Dataset& data, const LinearModel& model,
                                       ZeroConvention zero)
{
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < data.size(); ++i) {
        const int t = data.label(i);
        if (thresholdOutput(model.net(data.point(i)), zero, t) != t)
            out.push_back(i);
    }
    return out;
}

namespace {

// Exact geometric predicates. Every test below is the sign of an expression
//     (a - b)(c - d) - (e - f)(g - h)
// of input coordinates. It is first computed in floating point with Shewchuk's error bound for
// this shape of expression (the one of orient2d); only when the rounded value is too close to
// zero to trust is it recomputed exactly, as a sum of error-free terms (TwoDiff, TwoProduct with
// fma, and Shewchuk's Grow-Expansion). Exact as long as no product underflows, i.e. for any
// coordinates validate(Dataset) accepts short of differences below about 1e-150.

struct Two
{
    double hi;
    double lo;
};

Two twoSum(double a, double b)
{
    const double x = a + b;
    const double bv = x - a;
    const double av = x - bv;
    return {x, (a - av) + (b - bv)};
}

Two twoDiff(double a, double b)
{
    const double x = a - b;
    const double bv = a - x;
    const double av = x + bv;
    return {x, (a - av) + (bv - b)};
}

Two twoProduct(double a, double b)
{
    const double x = a * b;
    return {x, std::fma(a, b, -x)};
}

int exactSign(double a, double b, double c, double d, double e, double f, double g, double h)
{
    const Two p = twoDiff(a, b);
    const Two q = twoDiff(c, d);
    const Two r = twoDiff(e, f);
    const Two s = twoDiff(g, h);
    double terms[16];
    int k = 0;
    for (double u : {p.hi, p.lo}) {
        for (double v : {q.hi, q.lo}) {
            const Two t = twoProduct(u, v);
            terms[k++] = t.lo;
            terms[k++] = t.hi;
        }
    }
    for (double u : {r.hi, r.lo}) {
        for (double v : {s.hi, s.lo}) {
            const Two t = twoProduct(u, v);
            terms[k++] = -t.lo;
            terms[k++] = -t.hi;
        }
    }
    // Grow-Expansion: add one term at a time to a non-overlapping expansion kept in increasing
    // order of magnitude; its sign is the sign of its largest non-zero component.
    double expansion[16];
    int length = 0;
    for (double term : terms) {
        double q0 = term;
        for (int i = 0; i < length; ++i) {
            const Two t = twoSum(q0, expansion[i]);
            expansion[i] = t.lo;
            q0 = t.hi;
        }
        expansion[length++] = q0;
    }
    for (int i = length - 1; i >= 0; --i) {
        if (expansion[i] > 0.0)
            return 1;
        if (expansion[i] < 0.0)
            return -1;
    }
    return 0;
}

int signOf(double a, double b, double c, double d, double e, double f, double g, double h)
{
    const double left = (a - b) * (c - d);
    const double right = (e - f) * (g - h);
    const double det = left - right;
    constexpr double eps = std::numeric_limits<double>::epsilon() / 2.0;
    const double bound = (3.0 + 16.0 * eps) * eps * (std::abs(left) + std::abs(right));
    if (det > bound)
        return 1;
    if (-det > bound)
        return -1;
    return exactSign(a, b, c, d, e, f, g, h);
}

using Point = Eigen::Vector2d;

/// +1 when c lies to the left of the directed line a -> b, -1 to the right, 0 on it.
int orientation(const Point& a, const Point& b, const Point& c)
{
    return signOf(b.x(), a.x(), c.y(), a.y(), b.y(), a.y(), c.x(), a.x());
}

/// The sign of (b - a) . (d - c).
int dotSign(const Point& a, const Point& b, const Point& c, const Point& d)
{
    return signOf(b.x(), a.x(), d.x(), c.x(), b.y(), a.y(), c.y(), d.y());
}

/// Andrew's monotone chain: the convex hull's vertices in counter-clockwise order without
/// collinear points; one point for identical inputs, two for collinear ones.
std::vector<Point> convexHull(std::vector<Point> p)
{
    const auto less = [](const Point& a, const Point& b) {
        return a.x() < b.x() || (a.x() == b.x() && a.y() < b.y());
    };
    std::sort(p.begin(), p.end(), less);
    p.erase(std::unique(p.begin(), p.end()), p.end());
    if (p.size() <= 2)
        return p;
    std::vector<Point> hull(2 * p.size());
    std::size_t k = 0;
    for (const Point& q : p) {
        while (k >= 2 && orientation(hull[k - 2], hull[k - 1], q) <= 0)
            --k;
        hull[k++] = q;
    }
    const std::size_t lower = k + 1;
    for (std::size_t i = p.size() - 1; i-- > 0;) {
        while (k >= lower && orientation(hull[k - 2], hull[k - 1], p[i]) <= 0)
            --k;
        hull[k++] = p[i];
    }
    hull.resize(k - 1);
    return hull;
}

/// True when one of the candidate separating axes that \p h contributes has all of \p other
/// strictly on the far side. Together with the axes of \p other this is the complete set for two
/// convex polygons: the edges of their Minkowski difference come from the edges of the two
/// hulls, plus, when that difference degenerates to a segment or a point, the segment's direction
/// or the difference of the two points.
bool separatedByAxisOf(const std::vector<Point>& h, const std::vector<Point>& other)
{
    const auto all = [&other](auto&& predicate) {
        return std::all_of(other.begin(), other.end(), predicate);
    };
    if (h.size() >= 3) {
        for (std::size_t i = 0; i < h.size(); ++i) {
            const Point& a = h[i];
            const Point& b = h[(i + 1) % h.size()];
            // Counter-clockwise hull: the outside of edge a -> b is its right.
            if (all([&](const Point& q) { return orientation(a, b, q) < 0; }))
                return true;
        }
        return false;
    }
    if (h.size() == 2) {
        const Point& a = h[0];
        const Point& b = h[1];
        return all([&](const Point& q) { return orientation(a, b, q) < 0; }) ||
               all([&](const Point& q) { return orientation(a, b, q) > 0; }) ||
               all([&](const Point& q) { return dotSign(a, b, b, q) > 0; }) ||
               all([&](const Point& q) { return dotSign(a, b, a, q) < 0; });
    }
    return h.size() == 1 && other.size() == 1 && h[0] != other[0];
}

bool strictlySeparable(const std::vector<Point>& first, const std::vector<Point>& second)
{
    if (first.empty() || second.empty())
        return true;
    const std::vector<Point> a = convexHull(first);
    const std::vector<Point> b = convexHull(second);
    return separatedByAxisOf(a, b) || separatedByAxisOf(b, a);
}

} // namespace

bool linearlySeparable(const Dataset& data, bool useBias)
{
    std::vector<Point> positive;
    std::vector<Point> negative;
    for (std::size_t i = 0; i < data.size(); ++i) {
        const Point x = data.point(i);
        if (data.label(i) == 1)
            positive.push_back(x);
        else
            negative.push_back(useBias ? x : Point(-x));
    }
    if (useBias)
        return strictlySeparable(positive, negative);
    // Without a bias the question is whether some w has w.s > 0 for every signed point
    // s = t± x, i.e. whether the signed points lie in an open half-plane through the origin.
    // That holds exactly when the origin is outside their convex hull (a compact set and a point
    // outside it are strictly separated by a line, and w.s > c > 0 gives w.s > 0), so the same
    // exact hull test answers it, and no angle is ever rounded.
    positive.insert(positive.end(), negative.begin(), negative.end());
    return strictlySeparable(positive, {Point::Zero()});
}

ConvergenceReadout convergenceReadout(const Dataset& data, const LinearModel& model, bool useBias)
{
    ConvergenceReadout out;
    LinearModel m = model;
    if (!useBias)
        m.b = 0.0;
    double minSigned = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < data.size(); ++i) {
        const Point x = data.point(i);
        const double norm = useBias ? std::hypot(x.x(), x.y(), 1.0) : std::hypot(x.x(), x.y());
        out.radius = std::max(out.radius, norm);
        const double tpm = data.label(i) == 1 ? 1.0 : -1.0;
        minSigned = std::min(minSigned, tpm * m.net(x));
    }
    if (data.empty() || !(minSigned > 0.0) || !std::isfinite(minSigned))
        return out;
    const double wNorm = std::hypot(m.w.x(), m.w.y());
    if (wNorm == 0.0)
        return out; // one class only, all on the side of b: there is no line to measure from
    const double augmentedNorm = useBias ? std::hypot(m.w.x(), m.w.y(), m.b) : wNorm;
    out.margin = minSigned / wNorm;
    out.augmentedMargin = minSigned / augmentedNorm;
    const double ratio = out.radius / *out.augmentedMargin;
    out.mistakeBound = ratio * ratio;
    return out;
}

} // namespace plab::learning
