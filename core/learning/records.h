#pragma once

#include "linearmodel.h"

#include <Eigen/Core>

#include <cstddef>
#include <cstdint>

namespace plab::learning {

/// Where a run stands.
enum class TrainingStatus
{
    Running,    ///< more epochs may be run
    Converged,  ///< the stop rule holds (zero errors, or the loss stopped changing)
    EpochLimit, ///< maxEpochs epochs ran without converging
    Diverged,   ///< an update produced NaN or infinity; the last finite weights were kept
};

/// Everything needed to resume training exactly from a point between two sample visits. Small
/// (about 150 bytes) so every snapshot can carry one, which makes "train from here" after
/// scrubbing back a restore instead of a retrain. The per-epoch sample order is not stored: it is
/// a pure function of (seed, epoch).
struct TrainerState
{
    /// Where the run stood (Converged / Diverged states stay finished when restored; EpochLimit is
    /// re-judged against the restoring trainer's limit).
    TrainingStatus status = TrainingStatus::Running;
    int epoch = 0;       ///< epochs completed
    int position = 0;    ///< sample visits done in the current, unfinished epoch (0 at a boundary)
    LinearModel working; ///< the weights the rule is updating

    // Partial sums of the unfinished epoch.
    int updatesInEpoch = 0; ///< at most one per visit: bounded by kMaxPoints, fits an int
    Eigen::Vector2d batchGradW = Eigen::Vector2d::Zero(); ///< GradientMode::Batch accumulators
    double batchGradB = 0.0;

    // Pocket (Gallant's pocket algorithm with ratchet).
    LinearModel pocket;
    std::int64_t pocketCorrect = 0; ///< training points the pocket weights classify correctly
    std::int64_t pocketRun = 0;     ///< longest run of consecutive correct visits of the pocket
    std::int64_t run = 0;           ///< current run of consecutive correct visits

    // Averaged perceptron (Daume's bookkeeping: average = working - sum / count).
    Eigen::Vector2d avgSumW = Eigen::Vector2d::Zero();
    double avgSumB = 0.0;
    std::int64_t avgCount = 1;

    double previousLoss = 0.0; ///< loss after the previous epoch (gradient rules' stop rule)
    bool hasPreviousLoss = false;
    /// Updates since the start (the perceptron's "mistakes so far"). Grows with data x epochs (up
    /// to kMaxPoints x kMaxEpochsLimit = 2 x 10^13), so 64 bits.
    std::int64_t totalUpdates = 0;

    /// Member-wise ==; note that doubles compare by value (0.0 == -0.0, NaN != NaN).
    friend bool operator==(const TrainerState&, const TrainerState&) = default;
};

/// One sample visit, with every number a teacher needs to write the update out.
struct StepRecord
{
    int epoch = 1;         ///< 1-based epoch this visit belongs to
    int visit = 0;         ///< 0-based position within the epoch's order
    std::size_t index = 0; ///< the sample's index in the data set
    Eigen::Vector2d x = Eigen::Vector2d::Zero();
    int target = 0; ///< class 0/1
    /// w.x + b with the weights *before* this visit. net and error are what was computed, so at
    /// the visit that made a run diverge they may be infinite or NaN; the weights never are.
    double net = 0.0;
    int output = 0; ///< predicted class 0/1 before the update (see ZeroConvention)
    /// The factor the rule multiplies into its update: t - y in {-1, 0, 1} for the perceptron
    /// family (0/1 coding), t - net with t in {-1, +1} for Adaline, t - sigmoid(net) for logistic.
    double error = 0.0;
    double learningRate = 0.0;
    /// The rule applied an update at this visit: a mistake for the perceptron family (even when
    /// x = 0 makes the change zero), a non-zero error factor for the online gradient rules. Always
    /// false in GradientMode::Batch, where deltaW / deltaB are this visit's share (eta e x / N) of
    /// the step applied when the epoch closes. False at a visit whose update would have diverged.
    bool updated = false;
    Eigen::Vector2d deltaW = Eigen::Vector2d::Zero(); ///< change applied to w (zero if none)
    double deltaB = 0.0;
    LinearModel before; ///< working weights before the visit
    LinearModel after;  ///< working weights after the visit
    /// The trainer after this visit (for resuming from here). For the visit that closes an epoch
    /// this is the state after the epoch was closed, the same as that EpochSnapshot's state.
    TrainerState state;

    friend bool operator==(const StepRecord&, const StepRecord&) = default;
};

/// The model after one completed epoch. Epoch 0 is the initial model before any training.
struct EpochSnapshot
{
    int epoch = 0;
    /// The rule's answer: the pocket weights for Pocket, the averaged weights for Averaged, the
    /// working weights otherwise. errors, loss and accuracy describe this model.
    LinearModel model;
    int errors = 0;        ///< points `model` misclassifies (with the zero convention)
    double loss = 0.0;     ///< see rules.h for each rule's loss; +inf only when status is Diverged
    double accuracy = 0.0; ///< 1 - errors / N
    int updates = 0;       ///< weight updates during this epoch (0 for epoch 0)
    double learningRate = 0.0;
    TrainingStatus status = TrainingStatus::Running;
    TrainerState state; ///< the trainer at the end of this epoch

    friend bool operator==(const EpochSnapshot&, const EpochSnapshot&) = default;
};

} // namespace plab::learning
