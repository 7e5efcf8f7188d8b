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
/// validate(settings) return nothing.
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

    /// Takes effect from the next visit; the weights are kept.
    void setLearningRate(double learningRate);
    /// A higher limit lets a run that stopped at the limit continue.
    void setMaxEpochs(int maxEpochs);

    /// The complete resumable state, and going back to one taken from this trainer's records.
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
