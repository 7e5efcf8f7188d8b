#pragma once

#include "settings.h"

#include <algorithm>
#include <cmath>

/// \file
/// The learning rules, with every convention written out. Notation: a sample is x = (x1, x2) with
/// class t in {0, 1}; t± = 2t - 1 in {-1, +1} is the same class in the other coding. The net
/// input is \f[ \mathrm{net} = w_1 x_1 + w_2 x_2 + b \f] computed with the weights *before* the
/// visit, and eta is the learning rate. Without a bias, b is 0 throughout and never updated (the
/// model has 2 trainable parameters instead of 3). The hard-threshold output is
/// y = thresholdOutput(net, zero, t) (linearmodel.h), so a point with net == 0 is class 1, class 0
/// or always an error, depending on the ZeroConvention.
///
/// An *epoch* visits every sample once, in file order or in a per-epoch permutation drawn from
/// (seed, epoch) (see random.h). Epochs are counted from 1; epoch 0 is the initial model.
///
/// **Perceptron** (Rosenblatt 1958, online). On an error (y != t):
/// \f[ w \leftarrow w + \eta\,(t - y)\,x, \qquad b \leftarrow b + \eta\,(t - y) \f]
/// with t, y in {0, 1}; t - y = t± on every error, so this is also w <- w + eta t± x.
/// Loss: the mean perceptron criterion of the epoch's answer model,
/// \f[ J = \frac{1}{N} \sum_i \max(0, -t^\pm_i\,\mathrm{net}_i). \f]
/// Stop: see "Stop rules" below.
///
/// **Pocket** (Gallant 1990, with ratchet). The working weights follow the perceptron rule. A
/// *run* counts consecutive correctly classified visits. When a run ends at a mistake and is longer
/// than the pocket's run, the working weights are evaluated on the whole set and, if they classify
/// more points correctly than the pocket weights (the ratchet), they go into the pocket together
/// with their run. At every epoch end the working weights are evaluated too and pocketed (with
/// the current run) if strictly better. The pocket starts as the initial weights. The answer, whose
/// errors and loss (perceptron criterion) the snapshots report, is the pocket: its error count
/// never goes up, which is what makes it useful on data that no line separates. Stop: the pocket
/// has zero errors.
///
/// **Averaged perceptron** (Freund & Schapire 1999; bookkeeping from Daume, "A Course in Machine
/// Learning", ch. 4). Perceptron updates on the working weights, plus running sums u, beta and a
/// counter c that starts at 1 and is incremented after *every* visit:
/// \f[ \text{on an error: } w \mathrel{+}= \eta t^\pm x,\; b \mathrel{+}= \eta t^\pm,\;
///     u \mathrel{+}= c\,\eta t^\pm x,\; \beta \mathrel{+}= c\,\eta t^\pm; \quad
///     \text{then } c \leftarrow c + 1. \f]
/// The answer is \f[ \bar w = w - u / c, \qquad \bar b = b - \beta / c, \f] which is exactly the
/// mean of the weights after each of the c - 1 visits so far and the initial weights. Loss: the
/// perceptron criterion of the averaged model. Stop: the averaged model makes zero errors. Note
/// that the average only approaches the final working weights: if those leave a point exactly on
/// the line (possible with ZeroConvention::Positive or Negative, e.g. AND from zero weights), the
/// average can stay on the wrong side of it and the run ends at the epoch limit.
/// ZeroConvention::Mistake, which never accepts a point on the line, avoids this.
///
/// **Adaline** (Widrow & Hoff 1960, LMS delta rule). The output used for learning is net itself
/// and the target is t± in {-1, +1}. Online, at every visit:
/// \f[ w \leftarrow w + \eta\,(t^\pm - \mathrm{net})\,x, \qquad
///     b \leftarrow b + \eta\,(t^\pm - \mathrm{net}). \f]
/// Batch: the visits only accumulate; at the epoch end
/// \f[ w \leftarrow w + \frac{\eta}{N} \sum_i (t^\pm_i - \mathrm{net}_i)\,x_i \f]
/// (and likewise b), the nets all taken with the epoch's starting weights.
/// Loss: \f[ J = \frac{1}{2N} \sum_i (t^\pm_i - \mathrm{net}_i)^2 \f] of the weights at the epoch
/// end. Stop: see "Statuses" below. Predictions and error counts use the hard threshold on net.
///
/// **Logistic regression** (gradient descent on the cross-entropy). p = sigmoid(net), t in {0, 1}.
/// Online, at every visit:
/// \f[ w \leftarrow w + \eta\,(t - p)\,x, \qquad b \leftarrow b + \eta\,(t - p); \f]
/// batch mode uses the mean over the epoch as for Adaline. Loss: the mean cross-entropy
/// \f[ J = -\frac{1}{N} \sum_i \left[ t_i \log p_i + (1 - t_i) \log (1 - p_i) \right]
///       = \frac{1}{N} \sum_i \mathrm{softplus}(-t^\pm_i\,\mathrm{net}_i), \f]
/// computed in the second, overflow-free form. Stop as Adaline. The predicted class is the hard
/// threshold on net, since p >= 1/2 exactly when net >= 0.
///
/// **Stop rules** (the perceptron family; TrainingSettings::perceptronStop). Both are judged at
/// an epoch's end, and both need the rule's answer (pocket, average, working weights) to
/// classify every training point:
/// - PerceptronStop::MistakeFreePass (the default; Rosenblatt's algorithm, the worked examples of
///   Hagan/Demuth/Beale and the classic course notes): stop only after a full pass in which no
///   visit made a mistake. That confirming pass is one more epoch, traced like any other; for the
///   perceptron it is exactly one epoch more than ZeroErrors whenever ZeroErrors stopped after an
///   epoch with updates, and every epoch before it is the same, bit for bit.
/// - PerceptronStop::ZeroErrors (the rule of projects made before format version 3, kept as a
///   named convention): stop as soon as the answer at an epoch's end classifies every point, even
///   if that epoch made updates.
///
/// **Statuses** (TrainingStatus), decided at every epoch's end in this order:
/// 1. *Diverged*: an update would have made a parameter NaN or infinite (it was not applied: the
///    run keeps the last finite weights), or the loss is not finite (the weights are finite but
///    too large to evaluate). Weights that grow without bound but slowly (e.g. Adaline with
///    eta = 1 on XOR in file order: (-4, -2, 2) more each epoch) reach the epoch limit first.
/// 2. *Converged*: the perceptron family's stop rule holds (above). The gradient rules and the
///    networks converge only when the weights have stopped moving: with tolerance > 0, when no
///    update of the epoch changed any parameter by more than tolerance x max_j |theta_j|
///    (theta the working parameters at the epoch's end). Online, every visit's step counts; in
///    batch mode (and for a network's batches) the step is eta times the mean gradient. The loss
///    or the error count reaching 0 does not stop them.
/// 3. *Cycle* (gradient rules and networks in file order, tolerance > 0): the end-of-epoch
///    parameters repeat, max_j |theta_j(e) - theta_j(e')| <= tolerance x max_j |theta_j(e)| for
///    an earlier epoch e' (found with Brent's method: e' is an anchor that moves to the current
///    epoch whenever as many epochs have passed as it has waited before, its wait doubling),
///    while the samples still move them (else 2. would hold). Online Adaline and logistic
///    regression with a constant rate do this on data they cannot fit exactly: each sample pulls
///    the weights its way and the epoch brings them back. TrainerState::cyclePeriod holds
///    e - e' and cycleSwing the swing: the largest |theta_j - theta_j(e)| over every parameter
///    after every visit of the next e - e' epochs (measured by running them on a copy). Shuffled
///    runs never report a cycle (each epoch is a different map); they run to the limit.
/// 4. *EpochLimit*: settings.maxEpochs epochs ran; raising the limit lets the run continue.
/// A tolerance of 0 disables 2. and 3. for the gradient rules and networks.

namespace plab::learning {

/// The logistic function, without overflow for any finite or infinite net.
[[nodiscard]] inline double sigmoid(double net)
{
    if (net >= 0.0)
        return 1.0 / (1.0 + std::exp(-net));
    const double e = std::exp(net);
    return e / (1.0 + e);
}

/// \f[ \mathrm{softplus}(z) = \log(1 + e^z) = \max(z, 0) + \log(1 + e^{-|z|}) \f]
/// in the form that neither overflows nor loses the small values to rounding.
[[nodiscard]] inline double softplus(double z)
{
    return std::max(z, 0.0) + std::log1p(std::exp(-std::abs(z)));
}

/// The contribution of one sample (net input \p net, class \p target in {0, 1}) to the rule's loss
/// *before* the mean is taken: max(0, -t± net) for the perceptron family, (t± - net)^2 / 2 for
/// Adaline, softplus(-t± net) for logistic regression.
[[nodiscard]] inline double pointLoss(Rule rule, double net, int target)
{
    const double tpm = target == 1 ? 1.0 : -1.0;
    switch (rule) {
    case Rule::Perceptron:
    case Rule::Pocket:
    case Rule::Averaged:
        return std::max(0.0, -tpm * net);
    case Rule::Adaline: {
        const double e = tpm - net;
        return 0.5 * e * e;
    }
    case Rule::Logistic:
        return softplus(-tpm * net);
    }
    return 0.0;
}

} // namespace plab::learning
