#pragma once

#include "chunkedcolumn.h"
#include "records.h"
#include "replay.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <ranges>
#include <span>
#include <variant>
#include <vector>

namespace plab::learning {

/// One thing a trainer produced: a sample visit or a completed epoch.
using TrainingEvent = std::variant<StepRecord, EpochSnapshot>;

/// What a History tells about one epoch: the figures of its EpochSnapshot, without the trainer's
/// state (History::stateAt() has that).
struct EpochFigures
{
    int epoch = 0;
    LinearModel model; ///< the rule's answer (see EpochSnapshot::model)
    int errors = 0;
    double loss = 0.0;
    double accuracy = 0.0; ///< 1 - errors / N
    int updates = 0;       ///< weight updates during the epoch (0 for epoch 0)
    double learningRate = 0.0;
    TrainingStatus status = TrainingStatus::Running;

    /// The figures of \p snapshot.
    [[nodiscard]] static EpochFigures of(const EpochSnapshot& snapshot);

    friend bool operator==(const EpochFigures&, const EpochFigures&) = default;
};

/// The record of one run that a timeline scrubs through, so that stepping backwards is a lookup,
/// not a retrain.
///
/// Every recorded event gets a *position* on the timeline, in the order it was appended:
/// position 0 is the initial (epoch 0) snapshot, position p >= 1 is the p-th appended event,
/// which is either a sample visit (a StepRecord, from single-stepping) or an epoch snapshot.
/// Positions are dense: 0 .. size() - 1. Epochs are numbered 0, 1, 2, ... without gaps: the
/// snapshot appended is always that of the epoch after the newest, and a sample visit belongs to
/// the epoch after the newest.
///
/// Storage. The figures of every epoch live in columns: the P parameters of the model (a flat
/// row of P doubles per epoch, P fixed per run; P = 3 for w1, w2, b), the loss (a double), the
/// error count (32 bits) and the running total of updates (64 bits; an epoch's updates are the
/// difference). The accuracy is derived from the errors, and the learning rate and the status,
/// which rarely change, are kept as lists of changes. The trainer's full state (a TrainerState)
/// is kept only at checkpoints: epoch 0, every checkpointInterval() epochs (spaced by the data
/// size so that a replay costs at most about 10^6 sample visits, see Replayer), every epoch in
/// which sample visits were recorded, and the newest epoch. stateAt() an epoch in between replays
/// the run from the checkpoint before it with a Replayer of the run's data and settings
/// (deterministic, so the state is the one the run had, bit for bit). Sample visits keep their
/// whole StepRecord, state included.
///
/// Memory: 8 P + 4 K + 16 bytes per epoch for P parameters and K classes (48 bytes for the
/// classic model: 10^6 epochs take 48 MB, 10^7 take 480 MB), in chunks of
/// ChunkedColumn::kRowsPerChunk epochs; plus one TrainerState (about 170 bytes today; it grows with
/// P, about 5 P doubles) per checkpoint, which is 1 / interval of the epochs for a data set of N
/// points, with interval = max(1, 10^6 / (N + 32)); plus sizeof(StepRecord) per recorded visit.
/// Nothing per data point is stored: lists such as the misclassified points are recomputed from the
/// model when shown. restart() frees all of it. The parameter rows dominate as P grows: at P = 800
/// (a small network) an epoch takes 6.4 kB, so 10^4 epochs fit in 64 MB; longer runs of such models
/// will need the rows kept only every k-th epoch and replayed in between, as the states are.
///
/// The History holds the run's Replayer (shared, immutable), so a copy is self-contained and can
/// be used on another thread. Const member functions do not modify the History.
class History
{
public:
    /// A history holding only \p initial, at position 0; see restart().
    explicit History(EpochSnapshot initial = {}, std::shared_ptr<const Replayer> run = {});

    /// Forgets everything, gives the memory back, and starts over from \p initial (epoch 0 of a
    /// new run) recorded by a trainer with \p run's data and settings. Without \p run only
    /// \p initial can be held: append() throws std::logic_error.
    void restart(EpochSnapshot initial, std::shared_ptr<const Replayer> run);

    /// Records \p event at position size(). std::invalid_argument when it does not continue the
    /// newest epoch (see above) or its numbers do not add up (an epoch's updates must be the
    /// growth of the trainer's total).
    void append(const TrainingEvent& event);
    void append(std::span<const TrainingEvent> events);

    /// The number of positions (at least 1: the initial snapshot).
    [[nodiscard]] std::size_t size() const { return m_errors.size() + m_steps.size(); }
    /// The newest position, size() - 1.
    [[nodiscard]] std::size_t lastPosition() const { return size() - 1; }

    /// True when \p position holds a sample visit, false when it holds an epoch snapshot.
    /// Precondition (for every lookup below): position < size().
    [[nodiscard]] bool isStep(std::size_t position) const;
    /// The sample visit at \p position, or nullptr if an epoch snapshot is there. The pointer is
    /// valid until the history changes.
    [[nodiscard]] const StepRecord* stepAt(std::size_t position) const;
    /// The figures of the epoch snapshot at \p position, or nothing if a sample visit is there.
    [[nodiscard]] std::optional<EpochFigures> epochAt(std::size_t position) const;
    /// The figures of the newest epoch snapshot at or before \p position (what the charts show
    /// there).
    [[nodiscard]] EpochFigures latestEpochAt(std::size_t position) const;

    /// The model to draw at \p position: the working weights after the visit for a sample visit,
    /// the snapshot's model (the rule's answer) for an epoch.
    [[nodiscard]] LinearModel modelAt(std::size_t position) const;
    /// The same for every model: the flat parameters (model.h) of the visit's working weights
    /// after it, or of the epoch's answer. Empty before restart() gave a first epoch.
    [[nodiscard]] SmallVector parametersAt(std::size_t position) const;
    /// The trainer's state right after \p position, for resuming training from there. A lookup
    /// at a sample visit, a checkpoint and the last position; otherwise a replay of at most
    /// checkpointInterval() - 1 epochs (about 10^6 sample visits at most; see Replayer).
    [[nodiscard]] TrainerState stateAt(std::size_t position) const;
    /// TrainerState::totalUpdates at \p position (the perceptron's "mistakes so far"), without
    /// a replay.
    [[nodiscard]] std::int64_t totalUpdatesAt(std::size_t position) const;

    /// The number of epochs recorded (the initial one included): epochs 0 .. epochCount() - 1.
    [[nodiscard]] int epochCount() const { return int(m_errors.size()); }
    /// The figures of every epoch, oldest first (the initial one included): a random-access
    /// view with size(), operator[], front() and back(), computed from the columns on access.
    [[nodiscard]] auto epochs() const
    {
        return std::views::iota(0, epochCount()) |
               std::views::transform([this](int epoch) { return figuresOf(epoch); });
    }
    /// The figures of epoch \p epoch (0 <= epoch < epochCount()).
    [[nodiscard]] EpochFigures figuresOf(int epoch) const;
    /// The whole snapshot of epoch \p epoch, as the trainer produced it: its figures and the
    /// state at its end (which may take a replay, as stateAt() does).
    [[nodiscard]] EpochSnapshot snapshotOf(int epoch) const;
    /// The position of the snapshot of epoch number \p epoch, if recorded.
    [[nodiscard]] std::optional<std::size_t> positionOfEpoch(int epoch) const;
    /// The newest epoch's figures.
    [[nodiscard]] EpochFigures latestEpoch() const { return figuresOf(epochCount() - 1); }

    // The columns, for drawing curves of many epochs without building EpochFigures.
    // Preconditions: 0 <= epoch < epochCount(), j < parameterCount().
    /// P, the number of model parameters per epoch (3: w1, w2, b).
    [[nodiscard]] std::size_t parameterCount() const { return m_parameters.width(); }
    [[nodiscard]] double parameter(int epoch, std::size_t j) const
    {
        return m_parameters.row(std::size_t(epoch))[j];
    }
    /// The P parameters of epoch \p epoch (model.h's flat layout); valid until the history
    /// changes.
    [[nodiscard]] std::span<const double> parameterRow(int epoch) const
    {
        return {m_parameters.row(std::size_t(epoch)), m_parameters.width()};
    }
    [[nodiscard]] double loss(int epoch) const { return m_loss[std::size_t(epoch)]; }
    [[nodiscard]] int errors(int epoch) const { return int(m_errors[std::size_t(epoch)]); }
    /// K, the run's number of classes (2 without a run).
    [[nodiscard]] int classCount() const { return int(m_classErrors.width()) + 1; }
    /// The misclassified points of class \p k (0 <= k < classCount()) in epoch \p epoch:
    /// EpochSnapshot::classErrors[k].
    [[nodiscard]] int classErrors(int epoch, int k) const
    {
        const std::int32_t* row = m_classErrors.row(std::size_t(epoch));
        if (std::size_t(k) < m_classErrors.width())
            return int(row[k]);
        // The last class's are not stored: the total minus the others'.
        int others = 0;
        for (std::size_t i = 0; i < m_classErrors.width(); ++i)
            others += int(row[i]);
        return errors(epoch) - others;
    }
    /// The shape of the run's model (the classic model without a run): how the parameter rows
    /// are laid out (model.h, "Parameters").
    [[nodiscard]] ModelShape shape() const;

    /// Drops every position after \p position (to fork the run from there: resume the trainer
    /// from stateAt(position) and append what it produces). Does nothing if \p position is the
    /// last one or beyond. May replay (as stateAt() does), so that the newest epoch's state is
    /// at hand: asking stateAt(position) afterwards is a lookup.
    void truncateAfter(std::size_t position);

    /// The epochs between two checkpoints of this run (1 without a run).
    [[nodiscard]] int checkpointInterval() const { return m_interval; }
    /// The bytes this history holds (columns, checkpoints, step records), for measurements.
    [[nodiscard]] std::size_t memoryBytes() const;

private:
    template <typename T>
    struct Change
    {
        int epoch; ///< the value holds from this epoch on
        T value;
    };

    void recordEpoch(const EpochSnapshot& snapshot);
    /// The number of sample visits that belong to epochs <= \p epoch.
    [[nodiscard]] std::size_t stepsThrough(int epoch) const;
    [[nodiscard]] std::size_t positionOf(int epoch) const;
    /// The newest epoch whose snapshot is at or before \p position.
    [[nodiscard]] int epochAtOrBefore(std::size_t position) const;
    [[nodiscard]] double rateOf(int epoch) const;
    [[nodiscard]] TrainingStatus statusOf(int epoch) const;
    [[nodiscard]] TrainerState stateOfEpoch(int epoch) const;

    std::shared_ptr<const Replayer> m_run;
    int m_interval = 1;
    ChunkedColumn<double> m_parameters{3};
    ChunkedColumn<double> m_loss;
    ChunkedColumn<std::int32_t> m_errors;       // never empty: [0] is the initial epoch
    ChunkedColumn<std::int32_t> m_classErrors;  // K per epoch: EpochSnapshot::classErrors
    bool m_classic = true;                      // m_parameters are (w1, w2, b)
    ChunkedColumn<std::int64_t> m_totalUpdates; // TrainerState::totalUpdates after each epoch
    std::vector<Change<double>> m_rates;        // ascending epochs; [0] is epoch 0
    std::vector<Change<TrainingStatus>> m_statuses;
    /// States at epoch ends, ascending epochs: [0] is epoch 0, back() the newest epoch (kept
    /// only while it is the newest unless m_newestIsCheckpoint).
    std::vector<TrainerState> m_checkpoints;
    bool m_newestIsCheckpoint = true;
    std::vector<StepRecord> m_steps;   // sample visits in timeline order
    double m_withoutRunAccuracy = 0.0; // epoch 0's accuracy when there is no run (N unknown)
};

} // namespace plab::learning
