#pragma once

#include "engine/metatypes.h"
#include "learning/history.h"
#include "learning/settings.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>

class QTimer;

namespace plab::engine {
class TrainingController;
}

namespace plab::editor {
class Document;
}

namespace plab::ui {

class LearningCurves;
class ParameterPanel;
class PlotCanvas;
class Timeline;

/// Follows one training run for the window: keeps the Document and the threaded engine
/// (engine::TrainingController) in step, records everything the engine produces in a
/// learning::History, and shows the history at the timeline's position on the canvas, the
/// parameter panel, the learning curves and the timeline.
///
/// - Editing the points, or a setting other than the learning rate and the epoch limit, restarts
///   the run (and says so with message()). The learning rate and the limit change the running
///   trainer without a reset.
/// - The engine's batches are appended to the history as they arrive; the views are refreshed at
///   most once per frame (a 16 ms timer), however many batches came in.
/// - Moving the timeline (or Back) is a lookup in the history. Stepping forward walks through
///   recorded positions while there are any of the kind asked for; otherwise, and for Train, a run
///   scrubbed back to a past position forks there: the history after it is dropped and the engine
///   resumes from the recorded trainer state.
class TrainingPresenter : public QObject
{
    Q_OBJECT

public:
    /// None of the pointers is owned; all must outlive the presenter.
    TrainingPresenter(editor::Document* document, PlotCanvas* canvas, ParameterPanel* parameters,
                      LearningCurves* curves, Timeline* timeline, QObject* parent = nullptr);
    ~TrainingPresenter() override;

    [[nodiscard]] const learning::History& history() const { return m_history; }
    /// The timeline position shown.
    [[nodiscard]] std::size_t position() const { return m_position; }
    [[nodiscard]] bool isRunning() const;
    /// The data and settings can be trained (both classes present, everything in range).
    [[nodiscard]] bool hasProblem() const { return m_hasProblem; }
    /// Train and the step actions would do something: a problem, and either the run at the
    /// position shown is not finished or the position is in the past (training forks there).
    [[nodiscard]] bool canAdvance() const;
    /// Back would do something.
    [[nodiscard]] bool canGoBack() const { return m_position > 0; }

    /// The model shown at the current position (nothing while there is no problem).
    [[nodiscard]] std::optional<learning::LinearModel> shownModel() const;
    /// Errors and accuracy of the shown model on the current data (as of the last refresh).
    [[nodiscard]] int shownErrors() const { return m_shownErrors; }
    [[nodiscard]] double shownAccuracy() const { return m_shownAccuracy; }

    /// The always-visible status line: epoch, errors, loss and how the run stands, e.g.
    /// "Epoch 4 · 0 errors · loss 0.000 — converged after 4 epochs".
    [[nodiscard]] QString statusText() const { return m_statusText; }

    /// The speed of train(): epochs per second, 0 for as fast as possible.
    void setEpochsPerSecond(double epochsPerSecond);

    /// Updates every view now instead of at the next frame.
    void refreshNow();

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
    void statusChanged(const QString& text);
    /// A short note for the status bar ("Data changed: training restarted").
    void message(const QString& text);
    /// The views were brought up to date (at most once per frame).
    void refreshed();

private:
    void onDataChanged();
    void onSettingsChanged();
    void applyProblem(const QString& reason);
    void onRestarted(const learning::EpochSnapshot& initial);
    void onEvents(const engine::TrainingEvents& events);
    void onRunningChanged(bool running);

    /// True when the engine's trainer is at the shown position, so stepping needs no fork.
    [[nodiscard]] bool atLiveEnd() const;
    /// Makes the engine continue from the shown position (dropping the recorded future).
    void forkHere();
    void setPosition(std::size_t position);
    /// Starts or ends the run towards m_targetEpoch.
    void runToTarget();
    void finishTarget();
    void cancelTarget();
    void requestFrame();
    void refresh();
    [[nodiscard]] QString composeStatus() const;
    /// Whether the data is linearly separable (cached per data revision and bias setting).
    [[nodiscard]] bool separable() const;

    editor::Document* m_document;
    PlotCanvas* m_canvas;
    ParameterPanel* m_parameters;
    QPointer<LearningCurves> m_curves; ///< draws m_history; may be destroyed before us
    Timeline* m_timeline;
    engine::TrainingController* m_controller = nullptr;
    QTimer* m_frameTimer = nullptr;

    learning::History m_history;
    /// The data and settings of the run the engine was last given, for the history's replays.
    std::shared_ptr<const learning::Replayer> m_run;
    learning::TrainingSettings m_applied; ///< the settings the engine runs with
    std::size_t m_position = 0;
    bool m_hasProblem = false;
    bool m_awaitingRestart = false;   ///< the engine has not yet confirmed the latest problem
    bool m_follow = false;            ///< keep the position at the newest event
    bool m_focusNextStep = false;     ///< show the next sample visit that arrives
    std::optional<int> m_targetEpoch; ///< showEpoch() is training towards this epoch
    double m_epochsPerSecond = 0.0;   ///< the user's speed (showEpoch() runs at full speed)

    std::deque<learning::LinearModel> m_trail; ///< boundaries of the last frames while running
    mutable std::optional<std::uint64_t> m_separableRevision;
    mutable bool m_separableWithBias = true;
    mutable bool m_separable = false;

    int m_shownErrors = 0;
    double m_shownAccuracy = 0.0;
    QString m_statusText;
};

} // namespace plab::ui
