#pragma once

#include "engine/metatypes.h"
#include "learning/dataset.h"
#include "learning/history.h"
#include "learning/linearmodel.h"
#include "learning/model.h"
#include "learning/replay.h"
#include "learning/settings.h"

#include <QObject>

#include <cstddef>
#include <deque>
#include <memory>
#include <optional>

namespace plab::editor {

class Document;
class TrainingEngine;

/// The timeline's state: one training run of a Document, recorded in a learning::History, the
/// position shown on the timeline, and the engine kept in step with both. No widgets and no
/// texts: TrainingPresenter (ui/mainwindow) shows it, tests/editor/playback_test.cpp tests it
/// alone with a fake engine.
///
/// - Editing the points, or a setting other than the learning rate and the epoch limit, starts
///   the run over. A run that had progressed is not lost: it is set aside (runSetAside()) with
///   its data, settings and timeline position, and an edit back to exactly that data and those
///   settings (the edit's Undo, typically) brings it back as it was (runRestored()). The last
///   kSetAsideRuns runs (within kSetAsideBytes) are kept; loading a project forgets them with the
///   undo history.
/// - The learning rate and the limit change the running trainer without a reset
///   (learningRateChanged()). A new learning rate while the timeline shows the past replaces the
///   recorded future: the run after the position shown is set aside at once (futureSetAside())
///   and training continues from there with the new rate; undoing the change brings it back.
/// - The engine's batches are appended to the history as they arrive; while training (or after
///   Step Epoch) the position follows the newest record, after Step Sample the new visit.
/// - Moving the timeline (showPosition(), stepBack()) is a lookup in the history, and pauses a
///   running run. Stepping forward walks through recorded positions while there are any of the
///   kind asked for; otherwise, and for train(), a run scrubbed back to a past position forks
///   there: the history after it is dropped and the engine resumes from the recorded trainer
///   state (forked()).
///
/// What each state enables: hasProblem() (the data and settings can be trained) enables Reset;
/// canAdvance() enables Train and the steps (finishedStatus() says why not when the run ended);
/// canGoBack() enables Back.
class Playback : public QObject
{
    Q_OBJECT

public:
    /// Why a recorded run was discarded.
    enum class Edit
    {
        Data,    ///< the points changed
        Settings ///< a setting that defines the run changed
    };
    Q_ENUM(Edit)

    /// How many runs set aside by edits are kept, the newest, and how much memory they may take
    /// together (the newest is kept whatever its size).
    static constexpr std::size_t kSetAsideRuns = 16;
    static constexpr std::size_t kSetAsideBytes = std::size_t(512) << 20;

    /// Follows \p document (not owned; it must outlive the playback) and trains with \p engine
    /// (owned: it becomes our child); without one, with a ThreadedTrainingEngine.
    explicit Playback(Document* document, TrainingEngine* engine = nullptr,
                      QObject* parent = nullptr);
    ~Playback() override;

    [[nodiscard]] const learning::History& history() const { return m_history; }
    /// The timeline position shown.
    [[nodiscard]] std::size_t position() const { return m_position; }
    [[nodiscard]] bool isRunning() const;
    /// The data and settings can be trained (both classes present, everything in range).
    [[nodiscard]] bool hasProblem() const { return m_hasProblem; }
    /// Train and the step actions would do something: a problem, and either the run at the
    /// position shown is not finished or the position is in the past (training forks there).
    [[nodiscard]] bool canAdvance() const;
    /// How the run at the position shown ended, when that is why it cannot advance: Converged,
    /// EpochLimit (at the limit) or Diverged. Nothing while canAdvance() or without a problem.
    /// Scrubbing back or an edit that starts the run over makes it advance again.
    [[nodiscard]] std::optional<learning::TrainingStatus> finishedStatus() const;
    /// Back would do something.
    [[nodiscard]] bool canGoBack() const { return m_position > 0; }
    /// A new run was asked of the engine and its epoch 0 has not arrived yet: nothing recorded
    /// for the old problem is shown in the meantime (its sample indices may not exist any more).
    [[nodiscard]] bool isAwaitingRestart() const { return m_awaitingRestart; }
    /// The settings the engine runs with (the document's runSettings()).
    [[nodiscard]] const learning::TrainingSettings& appliedSettings() const { return m_applied; }

    /// The model shown at the current position, any kind: nothing while the new run has not
    /// started, and without a problem nothing but a hand-set model (handSetModel()).
    [[nodiscard]] std::optional<learning::Model> shownModel() const;
    /// The model \p settings set by hand that cannot be trained, to be shown as it is: a network
    /// of step units with given layers (lesson 4's OR/NAND/AND network). Nothing for any other
    /// settings.
    [[nodiscard]] static std::optional<learning::Model>
    handSetModel(const learning::TrainingSettings& settings);
    /// The newest epoch at or before the position shown (0 at the start): what a project saves
    /// and the autosave holds.
    [[nodiscard]] int shownEpoch() const { return m_history.latestEpochAt(m_position).epoch; }

    /// The speed of train(): epochs per second, 0 for as fast as possible.
    void setEpochsPerSecond(double epochsPerSecond);

public Q_SLOTS:
    void trainOrPause();
    void train();
    void pause();
    void stepSample();
    void stepEpoch();
    /// One position back (pauses a running run).
    void stepBack();
    /// Back to epoch 0 of the current problem.
    void reset();
    /// Shows \p position (a lookup; pauses a running run).
    void showPosition(std::size_t position);
    /// Shows the end of epoch \p epoch: a lookup when it is recorded; otherwise the engine first
    /// trains up to it as fast as possible (a project opened at the epoch it was saved at). Stops
    /// early, at the last epoch, when the run finishes before it. Any other command cancels it.
    void showEpoch(int epoch);

Q_SIGNALS:
    /// The history grew, was truncated or started over.
    void historyChanged();
    void positionChanged(std::size_t position);
    void runningChanged(bool running);
    /// hasProblem(), canAdvance() or canGoBack() may have changed.
    void availabilityChanged();
    /// \p edit set aside a run that had progressed to epoch \p epochs: training starts over from
    /// epoch 0, and an edit back (Undo) brings the run back.
    void runSetAside(plab::editor::Playback::Edit edit, int epochs);
    /// A run set aside earlier is back, with its timeline position (after an Undo or Redo).
    void runRestored();
    /// A new learning rate while the past was shown: the recorded run after \p position was set
    /// aside (undoing the change brings it back), training continues from \p position with
    /// \p learningRate.
    void futureSetAside(std::size_t position, double learningRate);
    /// The learning rate changed without a reset: it applies from the next sample on.
    void learningRateChanged(double learningRate);
    /// Training continues from \p position, which was in the past: the recorded run after it was
    /// dropped.
    void forked(std::size_t position);

private:
    void onDataChanged();
    void onSettingsChanged();
    void applyProblem(std::optional<Edit> edit);
    void onRestarted(const learning::EpochSnapshot& initial);
    void onEvents(const engine::TrainingEvents& events);
    void onRunningChanged(bool running);
    /// A recorded run with what it was recorded for: the data and settings that define it, and
    /// where the timeline stood.
    struct SetAsideRun
    {
        learning::Dataset data;
        learning::TrainingSettings settings;
        learning::History history;
        std::shared_ptr<const learning::Replayer> run;
        std::size_t position = 0;
    };
    enum class Keep
    {
        Copy, ///< the current run goes on (its future is truncated next)
        Move  ///< the current run is replaced next
    };
    /// Keeps the current run (when it has progressed), keyed by the data and settings the engine
    /// runs it with, in place of one kept for the same key.
    void setAside(Keep keep);
    /// The run set aside for the document's data and settings, taken out of the list.
    std::optional<SetAsideRun> takeSetAside();
    [[nodiscard]] bool hasSetAside() const;
    /// Makes \p run the current one again: the history, the position, the engine at its end.
    void restore(SetAsideRun run);
    /// Truncates the history after the position shown, where the engine continues.
    void truncateHere();

    /// True when the engine's trainer is at the shown position, so stepping needs no fork.
    [[nodiscard]] bool atLiveEnd() const;
    /// Makes the engine continue from the shown position (dropping the recorded future).
    void forkHere();
    void setPosition(std::size_t position);
    /// Starts or ends the run towards m_targetEpoch.
    void runToTarget();
    void finishTarget();
    void cancelTarget();

    Document* m_document;
    TrainingEngine* m_engine; ///< our child

    learning::History m_history;
    /// The data and settings of the run the engine was last given, for the history's replays.
    std::shared_ptr<const learning::Replayer> m_run;
    learning::TrainingSettings m_applied; ///< the settings the engine runs with
    std::size_t m_position = 0;
    bool m_hasProblem = false;
    bool m_awaitingRestart = false;     ///< the engine has not yet confirmed the latest problem
    bool m_follow = false;              ///< keep the position at the newest event
    bool m_focusNextStep = false;       ///< show the next sample visit that arrives
    std::optional<int> m_targetEpoch;   ///< showEpoch() is training towards this epoch
    double m_epochsPerSecond = 0.0;     ///< the user's speed (showEpoch() runs at full speed)
    std::deque<SetAsideRun> m_setAside; ///< oldest first
};

} // namespace plab::editor
