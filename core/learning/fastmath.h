#pragma once

#include <span>

/// \file
/// A fast tanh for pictures, never for training or records (those use std::tanh and std::exp,
/// see network.h).

namespace plab::learning {

/// The largest difference between fastTanh() and std::tanh over all doubles: measured in
/// tests/core/network_test.cpp over [-20, 20] in steps of 1e-6 (beyond that both are +-1 to
/// within 1e-16 and fastTanh is constant); the largest difference found there is 2.61e-7.
inline constexpr double kFastTanhError = 3e-7;

/// An approximation of tanh(x): the minimax rational function of Eigen's fast float tanh
/// (generic_fast_tanh_float in Eigen/src/Core/MathFunctionsImpl.h), x P(x^2) / Q(x^2) with P of
/// degree 6 and Q of degree 3 in x^2, after clamping x to +-7.90531110763549805, evaluated in
/// double. It is odd, has no branch and one division, so a loop over values vectorises (given
/// -fno-trapping-math, which lets the compiler turn the clamp into min/max instructions), and is
/// about ten times faster than std::tanh per value. A NaN gives a NaN or +-1.
[[nodiscard]] inline double fastTanh(double x)
{
    constexpr double c = 7.90531110763549805;
    x = x < -c ? -c : x;
    x = x > c ? c : x;
    const double x2 = x * x;
    double p = -2.76076847742355e-16;
    p = p * x2 + 2.00018790482477e-13;
    p = p * x2 + -8.60467152213735e-11;
    p = p * x2 + 5.12229709037114e-08;
    p = p * x2 + 1.48572235717979e-05;
    p = p * x2 + 6.37261928875436e-04;
    p = p * x2 + 4.89352455891786e-03;
    double q = 1.19825839466702e-06;
    q = q * x2 + 1.18534705686654e-04;
    q = q * x2 + 2.26843463243900e-03;
    q = q * x2 + 4.89352518554385e-03;
    return x * p / q;
}

/// fastTanh() of every value, in place.
inline void fastTanh(std::span<double> values)
{
    for (double& v : values)
        v = fastTanh(v);
}

} // namespace plab::learning
