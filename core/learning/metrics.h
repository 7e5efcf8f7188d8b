#pragma once

#include "dataset.h"
#include "linearmodel.h"
#include "settings.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace plab::learning {

/// Points \p model misclassifies under \p zero (hard threshold on net).
[[nodiscard]] std::size_t countErrors(const Dataset& data, const LinearModel& model,
                                      ZeroConvention zero);
/// Their indices, in data order (recomputed on demand rather than stored per epoch).
[[nodiscard]] std::vector<std::size_t> misclassified(const Dataset& data, const LinearModel& model,
                                                     ZeroConvention zero);

/// True when some line w.x + b = 0 (with a bias) or w.x = 0 (without) has every class-1 point
/// strictly on its positive side and every class-0 point strictly on its negative side.
/// Exact for finite coordinates: convex hulls and separating axes with a bias, the angular span of
/// the signed points without one.
[[nodiscard]] bool linearlySeparable(const Dataset& data, bool useBias);

/// The numbers behind the perceptron convergence theorem (Novikoff 1962), in the augmented space
/// x~ = (x1, x2, 1) when a bias is used (so the bias is learned like a weight), else in (x1, x2):
/// if a unit vector u has t_i u.x~_i >= gamma > 0 for all i (t in {-1, +1}) and R = max |x~_i|,
/// the perceptron started from zero makes at most (R / gamma)^2 mistakes, whatever the
/// learning rate.
struct ConvergenceReadout
{
    double radius = 0.0; ///< R
    /// Everything below is present only when \p model separates the data strictly.
    std::optional<double> margin;          ///< distance from the line to the nearest point
    std::optional<double> augmentedMargin; ///< gamma of the model's unit (w, b) in x~ space
    std::optional<double> mistakeBound;    ///< (R / gamma)^2 with that gamma
};
[[nodiscard]] ConvergenceReadout convergenceReadout(const Dataset& data, const LinearModel& model,
                                                    bool useBias);

} // namespace plab::learning
