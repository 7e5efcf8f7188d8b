#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace plab::test {

/// The tolerance of every floating-point comparison against hand-computed values: relative to
/// the expected value's magnitude, absolute below 1. A few ulps of a double (2.2e-16 each) are
/// far below it, while a wrong sign, step or rounding convention shows up far above it.
inline constexpr double kTolerance = 1e-12;

/// True when |actual - expected| <= tolerance * max(1, |expected|). Use with EXPECT_TRUE so a
/// failure prints both numbers.
inline ::testing::AssertionResult nearlyEqual(double actual, double expected,
                                              double tolerance = kTolerance)
{
    const double scale = std::max(1.0, std::abs(expected));
    if (std::abs(actual - expected) <= tolerance * scale)
        return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure()
           << "actual " << actual << " differs from expected " << expected << " by "
           << std::abs(actual - expected) << " (tolerance " << tolerance * scale << ")";
}

} // namespace plab::test
