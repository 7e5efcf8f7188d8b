#pragma once

#include <span>

/// \file
/// Vectorised approximations for pictures, never for training or records (those use std::tanh
/// and std::exp, see network.h).

namespace plab::learning {

/// The largest difference between fastTanh() and std::tanh over all doubles. Measured in
/// tests/core/network_test.cpp over [-20, 20] in steps of 1e-6 (beyond that both are +-1 to
/// within 1e-16 and fastTanh is constant); the true maximum found there is 2.61e-7.
inline constexpr double kFastTanhError = 3e-7;

/// Replaces every value v by an approximation of tanh(v): the minimax rational function of
/// Eigen's fast float tanh (generic_fast_tanh_float in Eigen/src/Core/MathFunctionsImpl.h:
/// x P(x^2) / Q(x^2) with P of degree 6 and Q of degree 3 in x^2, after clamping x to
/// +-7.90531110763549805), evaluated in double with Eigen's packet arithmetic. It is odd, and
/// about ten times faster than std::tanh per value (no branches, one division). NaN stays NaN.
void fastTanh(std::span<double> values);

} // namespace plab::learning
