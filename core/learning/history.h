#pragma once

#include "records.h"

#include <cstddef>
#include <optional>
#include <span>
#include <variant>
#include <vector>

namespace plab::learning {

/// One thing a trainer produced: a sample visit or a completed epoch.
using TrainingEvent = std::variant<StepRecord, EpochSnapshot>;

/// The record of one run that a timeline scrubs through, so that stepping backwards is a lookup,
/// not a retrain.
///
/// Every recorded event gets a *position* on the timeline, in the order it was appended:
/// position 0 is the initial (epoch 0) snapshot, position p >= 1 is the p-th appended event,
/// which is either a sample visit (a StepRecord, from single-stepping) or an epoch snapshot.
/// Positions are dense: 0 .. size() - 1.
///
/// Memory: about sizeof(EpochSnapshot) + 8 bytes per epoch (~310 bytes; 10^5 epochs take ~31 MB)
/// and sizeof(StepRecord) per sample visit. Nothing per data point is stored: lists such as the
/// misclassified points are recomputed from a snapshot's weights when they are shown.
class History
{
public:
    /// A history holding only \p initial, at position 0.
    explicit History(EpochSnapshot initial = {});

    /// Forgets everything and starts over from \p initial (a new run).
    void restart(EpochSnapshot initial);

    /// Records \p event at position size(). Epoch numbers must not decrease.
    void append(const TrainingEvent& event);
    void append(std::span<const TrainingEvent> events);

    /// The number of positions (at least 1: the initial snapshot).
    [[nodiscard]] std::size_t size() const { return m_epochs.size() + m_steps.size(); }
    /// The newest position, size() - 1.
    [[nodiscard]] std::size_t lastPosition() const { return size() - 1; }

    /// True when \p position holds a sample visit, false when it holds an epoch snapshot.
    /// Precondition (for every lookup below): position < size().
    [[nodiscard]] bool isStep(std::size_t position) const;
    /// The sample visit at \p position, or nullptr if an epoch snapshot is there. The pointer is
    /// valid until the history changes.
    [[nodiscard]] const StepRecord* stepAt(std::size_t position) const;
    /// The epoch snapshot at \p position, or nullptr if a sample visit is there.
    [[nodiscard]] const EpochSnapshot* epochAt(std::size_t position) const;
    /// The newest epoch snapshot at or before \p position (what the charts show there).
    [[nodiscard]] const EpochSnapshot& latestEpochAt(std::size_t position) const;

    /// The model to draw at \p position: the working weights after the visit for a sample visit,
    /// the snapshot's model (the rule's answer) for an epoch.
    [[nodiscard]] LinearModel modelAt(std::size_t position) const;
    /// The trainer's state right after \p position, for resuming training from there.
    [[nodiscard]] const TrainerState& stateAt(std::size_t position) const;

    /// Every epoch snapshot, oldest first (the initial one included).
    [[nodiscard]] const std::vector<EpochSnapshot>& epochs() const { return m_epochs; }
    /// The position of each entry of epochs(): where each epoch ends on the timeline.
    [[nodiscard]] const std::vector<std::size_t>& epochPositions() const
    {
        return m_epochPositions;
    }
    /// The position of the snapshot of epoch number \p epoch, if recorded.
    [[nodiscard]] std::optional<std::size_t> positionOfEpoch(int epoch) const;
    /// The newest epoch snapshot.
    [[nodiscard]] const EpochSnapshot& latestEpoch() const { return m_epochs.back(); }

    /// Drops every position after \p position (to fork the run from there: resume the trainer
    /// from stateAt(position) and append what it produces). Does nothing if \p position is the
    /// last one or beyond.
    void truncateAfter(std::size_t position);

private:
    /// The number of epoch snapshots at positions <= position.
    [[nodiscard]] std::size_t epochsUpTo(std::size_t position) const;

    std::vector<EpochSnapshot> m_epochs;       // never empty: [0] is the initial snapshot
    std::vector<std::size_t> m_epochPositions; // ascending, parallel to m_epochs
    std::vector<StepRecord> m_steps;           // sample visits in timeline order
};

} // namespace plab::learning
