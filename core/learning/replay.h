#pragma once

#include "dataset.h"
#include "records.h"
#include "settings.h"

#include <cstddef>
#include <cstdint>
#include <functional>

namespace plab::learning {

/// Runs a stretch of a recorded run again, bit for bit, so that a History need not keep the
/// trainer's state at every epoch: training is deterministic (every random choice is a function
/// of the seed and the epoch number), so the state at any epoch follows from an earlier state of
/// the same run.
///
/// Holds what defines the run: its data and its settings, immutable, so one Replayer can be
/// shared by copies of a History on different threads. Of the settings, only the learning rate
/// and the epoch limit can change during a run (Trainer::setLearningRate / setMaxEpochs): the
/// rate is given for every epoch replayed, and the limit only decides a status, which the
/// records say (see run()).
///
/// A Replayer also says how far apart a History may keep full states: checkpointInterval()
/// epochs, so that reaching any epoch replays at most about \p visitBudget sample visits.
class Replayer
{
public:
    /// The default budget: a replay of 10^6 sample visits takes a few milliseconds.
    static constexpr std::int64_t kDefaultVisitBudget = 1'000'000;
    /// What an epoch costs to replay beyond its N visits (closing it, the snapshot), counted in
    /// visits: it decides the spacing when the data set is tiny.
    static constexpr std::int64_t kEpochOverheadVisits = 32;

    /// \p data and \p settings are those a Trainer recorded the run with (run() throws as the
    /// Trainer constructor does for others). std::invalid_argument for a budget below 1.
    explicit Replayer(Dataset data, TrainingSettings settings,
                      std::int64_t visitBudget = kDefaultVisitBudget);

    [[nodiscard]] std::size_t sampleCount() const { return m_data.size(); }
    /// The epochs between two checkpoints: max(1, visitBudget / (N + kEpochOverheadVisits)).
    [[nodiscard]] int checkpointInterval() const { return m_interval; }
    [[nodiscard]] const Dataset& data() const { return m_data; }
    /// The settings the run started with (its learning rate and epoch limit are not used).
    [[nodiscard]] const TrainingSettings& settings() const { return m_settings; }

    /// The trainer's state at the end of epoch \p epoch, reached from \p from, a state the run
    /// passed through (an epoch's or a sample visit's), by training each epoch e after it up to
    /// \p epoch with learning rate \p rateOf(e), the rate recorded with e's snapshot. (For an
    /// epoch trained by whole epochs that is the rate of all its visits. A stretch replayed must
    /// not include a visit made while single-stepping, whose rate may differ: start from the state
    /// of the epoch's last recorded visit or a later one.) Returns \p from itself when it is at
    /// the end of \p epoch already.
    ///
    /// No epoch limit applies, so the status returned is Running where the recorded run stopped
    /// at its limit at that epoch and was continued later: the caller sets the status it recorded.
    /// std::invalid_argument for a state that does not fit this run, std::logic_error when the
    /// run finishes (converges or diverges) before \p epoch, or \p epoch is before \p from.
    /// Cost: about (epoch - from.epoch) epochs of training, plus a copy of the data.
    [[nodiscard]] TrainerState run(const TrainerState& from, int epoch,
                                   const std::function<double(int)>& rateOf) const;

private:
    Dataset m_data;
    TrainingSettings m_settings;
    int m_interval = 1;
};

} // namespace plab::learning
