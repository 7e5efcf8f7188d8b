#pragma once

#include "linearmodel.h"
#include "model.h"
#include "network.h"
#include "smallvector.h"

#include <Eigen/Core>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace plab::learning {

/// Where a run stands. rules.h ("Statuses") says exactly when each is reported.
enum class TrainingStatus
{
    Running,    ///< more epochs may be run
    Converged,  ///< the stop rule holds: the weights have stopped moving (see rules.h)
    EpochLimit, ///< maxEpochs epochs ran without converging
    Diverged,   ///< an update produced NaN or infinity; the last finite weights were kept
    /// Gradient rules and networks in file order: the end-of-epoch parameters repeat (to the
    /// tolerance) while the samples still move them; TrainerState::cyclePeriod and cycleSwing
    /// say how (rules.h, "Statuses").
    Cycle,
};

/// Stable ASCII names ("running", "converged", "epoch-limit", "diverged", "cycle").
[[nodiscard]] std::string_view name(TrainingStatus);
[[nodiscard]] std::optional<TrainingStatus> trainingStatusFromName(std::string_view);

/// Everything needed to resume training exactly from a point between two sample visits, for every
/// model. The parameters are flat vectors in the layout of model.h (P values; the classic model's
/// are (w1, w2, b)), kept in SmallVectors, so the classic model's state stays small (about 400
/// bytes) and allocation-free. The per-epoch sample order is not stored: it is a pure function of
/// (seed, epoch).
struct TrainerState
{
    /// Where the run stood (Converged / Diverged / Cycle states stay finished when restored;
    /// EpochLimit is re-judged against the restoring trainer's limit).
    TrainingStatus status = TrainingStatus::Running;
    int epoch = 0;    ///< epochs completed
    int position = 0; ///< sample visits done in the current, unfinished epoch (0 at a boundary)
    /// The parameters the rule is updating (by default the classic model's w = 0, b = 0).
    SmallVector working{0.0, 0.0, 0.0};

    // Partial sums of the unfinished epoch.
    int updatesInEpoch = 0; ///< at most one per visit: bounded by kMaxPoints, fits an int
    /// The open batch's gradient sums, shaped like the parameters: the linear gradient rules'
    /// GradientMode::Batch sums of e x (always present for them), a network's G of an open
    /// mini-batch (empty when no batch is open). Empty for the perceptron family.
    SmallVector batchGradient;
    /// The largest change of any parameter by an update of the unfinished epoch (gradient rules
    /// and networks; the convergence test of rules.h).
    double largestStep = 0.0;

    // Pocket (Gallant's pocket algorithm with ratchet); empty / 0 for the other rules.
    SmallVector pocket;
    std::int64_t pocketCorrect = 0; ///< training points the pocket weights classify correctly
    std::int64_t pocketRun = 0;     ///< longest run of consecutive correct visits of the pocket
    std::int64_t run = 0;           ///< current run of consecutive correct visits

    // Averaged perceptron (Daume's bookkeeping: average = working - sum / count); empty otherwise.
    SmallVector averageSum;
    std::int64_t avgCount = 1;

    // Cycle detection (gradient rules and networks in file order, rules.h "Statuses"): Brent's
    // method compares each epoch's end with an anchor, moved to the current epoch whenever
    // anchorSpan epochs have passed since it was set, anchorSpan doubling each time.
    SmallVector anchor;  ///< the working parameters at the anchor (empty: none yet)
    int anchorEpoch = 0; ///< the epoch the anchor was taken at
    int anchorSpan = 1;  ///< epochs until the anchor moves
    /// Status Cycle: the number of epochs after which the end-of-epoch parameters were found to
    /// repeat (a multiple of the smallest such period), and the swing: the largest
    /// |theta_j - theta_end_j| over every parameter j and every visit of one period, theta_end
    /// the repeating end-of-epoch parameters.
    int cyclePeriod = 0;
    double cycleSwing = 0.0;
    /// Updates since the start (the perceptron's "mistakes so far"; a network's or batch rule's
    /// applied batch steps). Grows with data x epochs (up to kMaxPoints x kMaxEpochsLimit =
    /// 2 x 10^13), so 64 bits.
    std::int64_t totalUpdates = 0;

    /// Member-wise ==; note that doubles compare by value (0.0 == -0.0, NaN != NaN).
    friend bool operator==(const TrainerState&, const TrainerState&) = default;
};

/// One sample visit, with every number a teacher needs to write the update out.
///
/// The generic fields (scores, unitErrors, parametersBefore/After, change, and for networks
/// trace) describe every model. The fields net, error, deltaW, deltaB, before and after are those
/// of the classic model (two classes, x1 and x2, linear: ModelShape::isClassic()) and are zero for
/// every other model.
struct StepRecord
{
    int epoch = 1;         ///< 1-based epoch this visit belongs to
    int visit = 0;         ///< 0-based position within the epoch's order
    std::size_t index = 0; ///< the sample's index in the data set
    Eigen::Vector2d x = Eigen::Vector2d::Zero();
    int target = 0; ///< the sample's class
    /// w.x + b with the weights *before* this visit. net and error are what was computed, so at
    /// the visit that made a run diverge they may be infinite or NaN; the weights never are.
    double net = 0.0;
    /// The class predicted before the update (see ZeroConvention and rules.h); for a network the
    /// argmax of its scores.
    int output = 0;
    /// The factor the rule multiplies into its update: t - y in {-1, 0, 1} for the perceptron
    /// family (0/1 coding), t - net with t in {-1, +1} for Adaline, t - sigmoid(net) for logistic.
    double error = 0.0;
    double learningRate = 0.0;
    /// The rule applied an update at this visit: a mistake for the perceptron family (even when
    /// x = 0 makes the change zero; for one-vs-rest, a mistake of any unit), a non-zero error
    /// factor for the online gradient rules, a batch closed here for a network. Always false for
    /// the linear rules in GradientMode::Batch, where `change` is this visit's share (eta e x / N)
    /// of the step applied when the epoch closes. False at a visit whose update would have
    /// diverged.
    bool updated = false;
    Eigen::Vector2d deltaW = Eigen::Vector2d::Zero(); ///< change applied to w (zero if none)
    double deltaB = 0.0;
    LinearModel before; ///< working weights before the visit
    LinearModel after;  ///< working weights after the visit

    /// The output layer's nets before the visit: 1 for two classes, K otherwise.
    SmallVector scores;
    /// Linear models: the factor each unit's update multiplies x by, divided by eta: for the
    /// classic model (error); for K units see rules.h (Kesler: +1 for the target's unit and -1
    /// for the predicted one on a mistake; one-vs-rest: t_k - y_k; Adaline: [t = k] - net_k;
    /// softmax: [t = k] - p_k). Empty for networks (their deltas are in trace).
    SmallVector unitErrors;
    SmallVector parametersBefore; ///< working parameters before the visit (flat, model.h)
    SmallVector parametersAfter;  ///< working parameters after the visit
    /// The change applied to each parameter at this visit (zero where none), so that
    /// parametersAfter == parametersBefore + change exactly; for the linear batch rules the
    /// visit's share of the step to come (see updated).
    SmallVector change;
    /// Networks: the forward pass, loss, backward pass and this sample's gradient with the
    /// parameters before the visit (network.h); nothing for linear models.
    std::optional<SampleTrace> trace;
    /// Networks: the samples of this visit's batch so far, this one included (1 online).
    int batchFill = 1;

    /// The trainer after this visit (for resuming from here). For the visit that closes an epoch
    /// this is the state after the epoch was closed, the same as that EpochSnapshot's state.
    TrainerState state;

    friend bool operator==(const StepRecord&, const StepRecord&) = default;
};

/// The model after one completed epoch. Epoch 0 is the initial model before any training.
struct EpochSnapshot
{
    int epoch = 0;
    /// The rule's answer for the classic model (zero for every other model: see parameters):
    /// the pocket weights for Pocket, the averaged weights for Averaged, the working weights
    /// otherwise. errors, loss and accuracy describe this model.
    LinearModel model;
    int errors = 0;        ///< points the answer misclassifies (with the zero convention)
    double loss = 0.0;     ///< see rules.h for each rule's loss; +inf only when status is Diverged
    double accuracy = 0.0; ///< 1 - errors / N
    int updates = 0;       ///< weight updates during this epoch (0 for epoch 0)
    double learningRate = 0.0;
    TrainingStatus status = TrainingStatus::Running;
    TrainerState state; ///< the trainer at the end of this epoch

    /// The rule's answer for every model: its flat parameters (model.h), from which
    /// Trainer::modelOf() makes the Model to draw.
    SmallVector parameters;
    /// errors per class (classErrors[k] for the points of class k; entries >= K are 0).
    ClassErrors classErrors{};

    friend bool operator==(const EpochSnapshot&, const EpochSnapshot&) = default;
};

/// Bit-for-bit equality, the determinism promise: every double compared by its bits (so -0.0 and
/// 0.0 differ and a NaN equals the same NaN), every other member by value.
[[nodiscard]] bool identical(double a, double b);
[[nodiscard]] bool identical(const Eigen::Vector2d& a, const Eigen::Vector2d& b);
[[nodiscard]] bool identical(const LinearModel& a, const LinearModel& b);
[[nodiscard]] bool identical(const SmallVector& a, const SmallVector& b);
[[nodiscard]] bool identical(const TrainerState& a, const TrainerState& b);
[[nodiscard]] bool identical(const StepRecord& a, const StepRecord& b);
[[nodiscard]] bool identical(const EpochSnapshot& a, const EpochSnapshot& b);

} // namespace plab::learning
