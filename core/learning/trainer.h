#pragma once

#include "dataset.h"
#include "records.h"
#include "settings.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace plab::learning {

/// The result of stepSample(): the visit, and the epoch snapshot when that visit closed an epoch.
struct SampleStep
{
    StepRecord step;
    std::optional<EpochSnapshot> epochEnd;
};

/// Trains one model (model.h: linear with any rule, or a network) on one data set, a sample or an
/// epoch at a time. Each call returns value records, so running to the end is a loop over them
/// and a visualizer can show every intermediate state. All randomness (random initial weights,
/// per-epoch shuffles) is derived from settings.seed: same data, same settings, same records,
/// bit for bit. rules.h writes every rule, stop test and status out.
///
/// The model is modelShape(settings): the classic two-class linear model on (x1, x2) by default,
/// a linear model on other features or for K classes, or a network (settings.model), which
/// trains through a NetworkTrainer (networktrainer.h) and gets each epoch's figures from the
/// same evaluation as evaluate(Network, Dataset).
///
/// Preconditions (checked, std::invalid_argument otherwise): validate(data, settings.classes)
/// and validate(settings) return nothing. Stepping a finished trainer throws std::logic_error.
///
/// Cost: an epoch without a callback is one tight pass over the data plus, when the epoch made
/// updates (or for the pocket, averaged and gradient rules and networks), one evaluation pass for
/// the snapshot's errors and loss; see tests/benchmarks/bench_learning.cpp and bench_network.cpp.
/// For a network that pass costs about as much as the training pass (both are mostly std::tanh),
/// so runEpochs() moves it to a second core: the same records, in about the time of the training
/// passes alone (bench_session.cpp; docs/models.md "Through the engine").
/// The epoch that finds a cycle runs its period once more on a copy, to measure the swing.
class Trainer
{
public:
    Trainer(Dataset data, TrainingSettings settings);
    ~Trainer();
    Trainer(Trainer&&) noexcept;
    Trainer& operator=(Trainer&&) noexcept;

    /// The snapshot of the initial weights (epoch 0).
    [[nodiscard]] EpochSnapshot initialSnapshot() const;

    /// Visits the next sample. If the visit completes an epoch, the epoch is closed and its
    /// snapshot returned too. Precondition: !finished().
    SampleStep stepSample();

    /// Runs to the end of the current epoch (the whole epoch at a boundary, the rest of it when
    /// stepSample() was used) and returns its snapshot. Precondition: !finished().
    EpochSnapshot stepEpoch();

    /// As stepEpoch(), and calls \p onStep for every visit (for traces; slower).
    EpochSnapshot stepEpoch(const std::function<void(const StepRecord&)>& onStep);

    /// Runs epochs as repeated stepEpoch() calls would and hands each snapshot to \p sink, in
    /// order: at most \p maxEpochs of them, until the run finishes, or until \p keepGoing (asked
    /// before each epoch starts, the first included; may be empty) says no. Returns how many were
    /// handed on. The snapshots and the state afterwards are, bit for bit, those of as many
    /// stepEpoch() calls.
    ///
    /// For a network (and a machine with two cores or more, and enough work per epoch) the
    /// evaluation each snapshot needs (the errors and the loss of the model the epoch ended
    /// with) runs on a second thread while the next epochs train, up to
    /// detail::EvaluationPipeline::kDepth of them ahead (two for long epochs, so that keepGoing's
    /// "no" is followed within about one evaluation): training never reads an evaluation, and
    /// the statuses read it only as "Diverged when the loss is not finite" (rules.h). So an epoch
    /// is trained and judged as if its loss were finite; when its evaluation says otherwise, its
    /// snapshot is made again from the state its visits left (Diverged, as stepEpoch() makes it)
    /// and the epochs trained after it are discarded. Everything is drained before the call
    /// returns: between calls (setLearningRate, restore, ...) the trainer is as sequential.
    /// Where the cores are busy with other jobs, so that the threads mostly wait for the
    /// scheduler, the call goes on evaluating on this thread (PipelineCounts::stalls).
    /// keepGoing may therefore be asked while the last few snapshots are still to be handed on.
    std::int64_t runEpochs(std::int64_t maxEpochs, const std::function<bool()>& keepGoing,
                           const std::function<void(EpochSnapshot&&)>& sink);

    /// How runEpochs() has run so far (for tests and benchmarks): the epochs trained while the
    /// evaluation of an earlier one ran on the second thread, the epochs trained ahead and then
    /// discarded because an evaluation ended the run, and the calls that went back to evaluating
    /// on the caller's thread because the two threads spent their time waiting for each other (a
    /// machine busy with other jobs; pipelining resumes a second later).
    struct PipelineCounts
    {
        std::int64_t pipelined = 0;
        std::int64_t discarded = 0;
        std::int64_t stalls = 0;
    };
    [[nodiscard]] PipelineCounts pipelineCounts() const;

    [[nodiscard]] TrainingStatus status() const;
    [[nodiscard]] bool finished() const { return status() != TrainingStatus::Running; }

    /// Takes effect from the next visit; the weights are kept. The rate is not part of
    /// TrainerState: restore() keeps the current one. std::invalid_argument when out of range.
    void setLearningRate(double learningRate);
    /// A higher limit lets a run that stopped at the limit continue; a limit at or below the
    /// epochs already run stops the run at the next epoch boundary (at once when at one).
    void setMaxEpochs(int maxEpochs);

    /// The complete resumable state, and going back to one taken from this trainer's records
    /// (StepRecord::state, EpochSnapshot::state) or from another trainer with the same data and
    /// settings: stepping on then gives the same records, bit for bit, as the original run.
    /// A Converged, Cycle or Diverged state restores as finished; EpochLimit and Running are judged
    /// against this trainer's epoch limit. std::invalid_argument for a state that cannot come
    /// from this data (position outside [0, N), non-finite weights, a bias without useBias).
    [[nodiscard]] TrainerState state() const;
    void restore(const TrainerState& state);

    [[nodiscard]] const Dataset& data() const;
    [[nodiscard]] const TrainingSettings& settings() const;

    /// The rule's current answer (pocket / averaged / working weights, see EpochSnapshot::model)
    /// for the classic model; zero for every other model (see answer()).
    [[nodiscard]] LinearModel model() const;

    /// The model trained (kind, features, classes, layers, bias).
    [[nodiscard]] const ModelShape& shape() const;
    /// The rule's current answer as a Model, for every model.
    [[nodiscard]] Model answer() const;
    /// A Model of this trainer's shape and zero convention with \p parameters (e.g. a snapshot's
    /// or a step record's); std::invalid_argument if they do not fit.
    [[nodiscard]] Model modelOf(const SmallVector& parameters) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// The rule's answer in a state of a run with \p settings: the pocket for Pocket, the averaged
/// parameters (working - sum / count, per parameter) for Averaged, the working parameters
/// otherwise.
[[nodiscard]] SmallVector answerParameters(const TrainingSettings& settings,
                                           const TrainerState& state);

/// Trains until finished() and returns every epoch snapshot produced, starting with epoch 0 when
/// the trainer had not run yet (a trainer mid-epoch first finishes that epoch).
[[nodiscard]] std::vector<EpochSnapshot> trainToEnd(Trainer& trainer);

} // namespace plab::learning
