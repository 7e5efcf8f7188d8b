#pragma once

#include "dataset.h"
#include "records.h"
#include "settings.h"

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

/// Runs one learning rule over one data set, a sample or an epoch at a time. Each call returns
/// value records, so running to convergence is a loop over them and a visualizer can show every
/// intermediate state. All randomness (random initial weights, per-epoch shuffles) is derived from
/// settings.seed: same data, same settings, same records, bit for bit.
///
/// Preconditions (checked, std::invalid_argument otherwise): validate(data) and
/// validate(settings) return nothing, and every label is a class index 0 or 1. Stepping a
/// finished trainer throws std::logic_error.
///
/// Cost: an epoch without a callback is one tight pass over the data plus, when the epoch made
/// updates (or for the pocket, averaged and gradient rules), one evaluation pass for the
/// snapshot's errors and loss; see tests/benchmarks/bench_learning.cpp.
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
    /// A Converged or Diverged state restores as finished; EpochLimit and Running are judged
    /// against this trainer's epoch limit. std::invalid_argument for a state that cannot come
    /// from this data (position outside [0, N), non-finite weights, a bias without useBias).
    [[nodiscard]] TrainerState state() const;
    void restore(const TrainerState& state);

    [[nodiscard]] const Dataset& data() const;
    [[nodiscard]] const TrainingSettings& settings() const;

    /// The rule's current answer (pocket / averaged / working weights, see EpochSnapshot::model).
    [[nodiscard]] LinearModel model() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// Trains until finished() and returns every epoch snapshot produced, starting with epoch 0 when
/// the trainer had not run yet (a trainer mid-epoch first finishes that epoch).
[[nodiscard]] std::vector<EpochSnapshot> trainToEnd(Trainer& trainer);

} // namespace plab::learning
