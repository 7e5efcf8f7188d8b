#pragma once

#include <Eigen/Core>

#include <cmath>

namespace plab::learning {

/// How a hard-threshold unit answers when its net input is exactly zero. Textbooks differ, so the
/// choice is explicit everywhere a prediction is made.
enum class ZeroConvention
{
    Positive, ///< net == 0 predicts class 1 (Hagan's hardlim: a = 1 if n >= 0).
    Negative, ///< net == 0 predicts class 0 (Rosenblatt's step with a strict threshold).
    Mistake,  ///< a point with net == 0 is always an error, as in Novikoff's convergence proof
              ///< (a mistake is y * (w.x + b) <= 0); the output reported is the wrong class.
};

/// The parameters of a linear two-class model: the decision function is
/// \f[ f(\mathbf{x}) = w_1 x_1 + w_2 x_2 + b \f]
/// and the decision boundary is the line f(x) = 0. Without a bias the rules keep b at 0.
///
/// More classes, feature maps or small multi-layer networks will need a richer parameter type;
/// everything that only *evaluates* a model goes through net(), so it can become a virtual call
/// (or a variant) without touching the callers' arithmetic.
struct LinearModel
{
    Eigen::Vector2d w = Eigen::Vector2d::Zero();
    double b = 0.0;

    [[nodiscard]] double net(const Eigen::Vector2d& x) const { return w.dot(x) + b; }
    [[nodiscard]] bool isFinite() const
    {
        return std::isfinite(w.x()) && std::isfinite(w.y()) && std::isfinite(b);
    }
    /// True when w == 0: there is no boundary line (every point gets the same net input b).
    [[nodiscard]] bool hasNoBoundary() const { return w.x() == 0.0 && w.y() == 0.0; }

    friend bool operator==(const LinearModel& a, const LinearModel& c)
    {
        return a.w == c.w && a.b == c.b;
    }
};

/// The class (0 or 1) a hard threshold predicts for \p net. For ZeroConvention::Mistake and
/// net == 0 the answer is the class that is *not* \p target, so the point counts as an error.
[[nodiscard]] inline int thresholdOutput(double net, ZeroConvention zero, int target)
{
    if (net > 0.0)
        return 1;
    if (net < 0.0)
        return 0;
    switch (zero) {
    case ZeroConvention::Positive:
        return 1;
    case ZeroConvention::Negative:
        return 0;
    case ZeroConvention::Mistake:
        break;
    }
    return 1 - target;
}

} // namespace plab::learning
