#include "io/project.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace plab::io {

namespace {

constexpr double kMax = kMaxViewCoordinate;

bool validRange(double lo, double hi)
{
    if (!std::isfinite(lo) || !std::isfinite(hi) || std::abs(lo) > kMax || std::abs(hi) > kMax)
        return false;
    return hi - lo >= kMinRelativeViewSpan * std::max({1.0, std::abs(lo), std::abs(hi)});
}

/// One axis of clampedView(). Precondition: neither bound is NaN.
void clampRange(double& lo, double& hi)
{
    if (validRange(lo, hi))
        return;
    if (lo > hi)
        std::swap(lo, hi);
    const double span = hi - lo; // +inf for an infinite bound
    if (!(span < 2.0 * kMax)) {
        lo = -kMax;
        hi = kMax;
        return;
    }
    if (lo < -kMax) {
        lo = -kMax;
        hi = -kMax + span;
    } else if (hi > kMax) {
        hi = kMax;
        lo = kMax - span;
    }
    if (validRange(lo, hi))
        return;
    // Too narrow: twice the smallest span about the centre (|lo| and |hi| exceed |centre| by far
    // less than the factor 2 leaves), then back inside the range.
    const double centre = 0.5 * (lo + hi);
    const double half = kMinRelativeViewSpan * std::max(1.0, std::abs(centre));
    lo = std::clamp(centre - half, -kMax, kMax - 2.0 * half);
    hi = lo + 2.0 * half;
}

} // namespace

bool ViewBox::isValid() const
{
    return validRange(xMin, xMax) && validRange(yMin, yMax);
}

std::optional<ViewBox> clampedView(const ViewBox& box)
{
    if (std::isnan(box.xMin) || std::isnan(box.xMax) || std::isnan(box.yMin) ||
        std::isnan(box.yMax))
        return std::nullopt;
    ViewBox out = box;
    clampRange(out.xMin, out.xMax);
    clampRange(out.yMin, out.yMax);
    return out;
}

ViewBox fitToData(const learning::Dataset& data, double margin)
{
    constexpr double inf = std::numeric_limits<double>::infinity();
    double lo[2] = {inf, inf};
    double hi[2] = {-inf, -inf};
    for (std::size_t i = 0; i < data.size(); ++i) {
        const Eigen::Vector2d p = data.point(i);
        if (!p.allFinite())
            continue;
        for (int k = 0; k < 2; ++k) {
            lo[k] = std::min(lo[k], p[k]);
            hi[k] = std::max(hi[k], p[k]);
        }
    }
    if (!(lo[0] <= hi[0]))
        return {};
    double pad[2];
    for (int k = 0; k < 2; ++k) {
        const double extent = hi[k] - lo[k];
        const double scale = std::max({1.0, std::abs(lo[k]), std::abs(hi[k])});
        pad[k] = extent > kMinRelativeViewSpan * scale ? extent * margin : 0.5;
    }
    const ViewBox box{lo[0] - pad[0], hi[0] + pad[0], lo[1] - pad[1], hi[1] + pad[1]};
    return clampedView(box).value_or(ViewBox{});
}

} // namespace plab::io
