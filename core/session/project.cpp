#include "project.h"

#include <algorithm>
#include <cmath>

namespace plab::session {

namespace {

/// Room for points at +/-learning::kMaxCoordinate with generous margins around them.
constexpr double kMaxViewCoordinate = 1e12;
/// A span must hold many distinct doubles for ticks and mapping to work: doubles carry about 16
/// significant digits, so a span of 1e-9 of the coordinates' magnitude still leaves ~10^6 steps.
constexpr double kMinRelativeSpan = 1e-9;

bool validRange(double lo, double hi)
{
    if (!std::isfinite(lo) || !std::isfinite(hi) || std::abs(lo) > kMaxViewCoordinate ||
        std::abs(hi) > kMaxViewCoordinate)
        return false;
    return hi - lo >= kMinRelativeSpan * std::max({1.0, std::abs(lo), std::abs(hi)});
}

} // namespace

bool ViewBox::isValid() const
{
    return validRange(xMin, xMax) && validRange(yMin, yMax);
}

} // namespace plab::session
