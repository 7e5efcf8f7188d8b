#pragma once

// Internal to core/learning (not part of the public API): the evaluation passes of the linear
// models (a model's errors, per-class errors and loss on the whole training set), which the
// records need after most epochs.

#include "engine.h"
#include "linearmodel.h"

namespace plab::learning::detail {

/// Which loss the records report (rules.h): each rule's own criterion.
enum class LossKind
{
    None,         ///< errors only
    Criterion,    ///< two classes: the perceptron criterion max(0, -t± net)
    Squared,      ///< two classes: Adaline's (t± - net)^2 / 2
    CrossEntropy, ///< two classes: logistic softplus(-t± net)
    Kesler,       ///< K classes: max_k net_k - net_t
    OneVsRest,    ///< K classes: sum_k max(0, -t±_k net_k)
    OneHot,       ///< K classes: sum_k ([t = k] - net_k)^2 / 2
    Softmax,      ///< K classes: log sum_k e^(net_k - m) - (net_t - m)
};

/// The training set as the linear models see it.
struct LinearInputs
{
    const double* in = nullptr; ///< dims values (the features) per sample, sample after sample
    const int* labels = nullptr;
    int n = 0;
    int dims = 2;
    int units = 1; ///< 1 for two classes, K otherwise
    ZeroConvention zero = ZeroConvention::Positive;
};

/// The figures of the linear model with flat parameters \p p (model.h) on \p in. Errors follow
/// predict() of model.h (the zero convention, ties); the loss is the mean of \p loss's terms.
/// Two classes: eight running sums, point i adding to sum i mod 8 (the last N mod 8 points to
/// sum 0), added up in order at the end; K classes: one sum in index order.
[[nodiscard]] Evaluation evaluateLinear(const LinearInputs& in, LossKind loss, const double* p);

} // namespace plab::learning::detail
