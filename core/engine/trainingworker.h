#pragma once

#include "engine/trainingcontroller.h"
#include "learning/dataset.h"
#include "learning/records.h"
#include "learning/settings.h"
#include "learning/trainer.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace plab::engine {

class TrainingWorker;

/// A command from the controller: runs on the worker's thread, carrying its arguments by value.
using Command = std::function<void(TrainingWorker&)>;

/// GUI -> worker. Commands are queued here, in order, under the mutex, and the worker is woken
/// by one queued signal (a Doorbell) while none is pending. The values travel through this
/// mutex, not through Qt's event queue, so ThreadSanitizer sees every hand-over (Qt's own
/// locking is invisible to it unless Qt itself is built with the sanitizer).
struct Inbox
{
    std::mutex mutex;
    std::vector<Command> commands; ///< guarded by mutex
    bool wakeupPending = false;    ///< guarded by mutex

    /// Bumped by the controller, without the mutex and before queueing, for every command that
    /// must preempt a running slice (pause, steps, reset, setProblem, resumeFrom) and at
    /// shutdown. The worker checks it between epochs: a value it has not been told about means
    /// "stop and go back to the event loop".
    std::atomic<std::uint64_t> interrupts = 0;
};

/// Worker -> GUI. Everything is guarded by `mutex`. The worker appends what it produced; the
/// controller swaps it all out when notified. A notification is posted only while none is
/// pending, so the GUI thread never has two of them queued, however slow it is.
struct Mailbox
{
    std::mutex mutex;
    /// Bumped by the controller at setProblem / reset / resumeFrom. The worker's output is
    /// accepted only while the worker works for the current generation, so nothing produced
    /// before such a command reaches the GUI after it.
    std::uint64_t generation = 0;
    TrainingEvents events;
    /// The epoch-0 snapshot of a new run, delivered before `events`.
    std::optional<learning::EpochSnapshot> restart;
    /// The run with this id ended by itself (converged, epoch limit, diverged).
    std::optional<std::uint64_t> stoppedRun;
    bool notificationPending = false;
    /// The worker stopped running slices because `events` held TrainingWorker::kMaxBacklog;
    /// the controller tells it (TrainingWorker::backlogTaken) once it has taken them.
    bool workerWaiting = false;
};

/// A signal with no data, for waking the other thread. Both doorbells live on the controller's
/// thread and are connected before the worker's thread starts; whichever thread rings one, the
/// connection is queued to the receiver's thread. Keeping the signal's sender on the GUI thread
/// means every connection is made and torn down there, never raced by the worker.
class Doorbell : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

Q_SIGNALS:
    void rung();
};

/// The training engine's worker. Lives on the controller's thread and is driven only through
/// commands queued by TrainingController; every public function must run on the worker's thread.
///
/// Running as fast as possible, it works in time slices (at least one epoch, up to kSlice) and
/// re-posts itself between them, so queued commands get through; the interrupt counter in the
/// mailbox makes preempting commands answer within one epoch. Paced runs are driven by a timer.
/// The slices go through learning::Trainer::runEpochs, which evaluates a network's epochs on a
/// second thread of the trainer's own while the next ones train (the same records).
/// A run never gets more than about kMaxBacklog records ahead of the GUI thread: with more than
/// that in the mailbox it waits until the controller has taken them.
class TrainingWorker : public QObject
{
    Q_OBJECT

public:
    /// Longest stretch of epochs between two visits to the event loop.
    static constexpr std::int64_t kSliceNanoseconds = 8'000'000;
    /// Shortest interval between two notifications (about 60 a second).
    static constexpr std::int64_t kMinNotifyIntervalMs = 16;
    /// The most records the mailbox holds before a run waits for the GUI thread to take them.
    /// A record takes about 400 bytes (a TrainingEvent), so this bounds what a busy or slow GUI
    /// thread makes the engine hold at a few MB; at 60 deliveries a second it still lets a run
    /// on tiny data deliver about 5 * 10^5 epochs a second.
    static constexpr std::size_t kMaxBacklog = 8192;

    /// \p mailboxFilled is rung when the controller should empty the mailbox; it must outlive
    /// this worker's thread.
    TrainingWorker(std::shared_ptr<Inbox> inbox, std::shared_ptr<Mailbox> mailbox,
                   Doorbell* mailboxFilled, QObject* parent = nullptr);
    ~TrainingWorker() override;

    /// Runs every queued command, in order (connected to the controller's wake-up doorbell).
    void processCommands();

    // The commands. `generation` and `interrupt` are the values the controller set in the
    // mailbox and the inbox when it issued the command.
    void setProblem(learning::Dataset data, learning::TrainingSettings settings,
                    std::uint64_t generation, std::uint64_t interrupt);
    void reset(std::uint64_t generation, std::uint64_t interrupt);
    void resumeFrom(const learning::TrainerState& state, std::uint64_t generation,
                    std::uint64_t interrupt);
    void train(std::uint64_t runId);
    void pause(std::uint64_t interrupt);
    void stepEpoch(std::uint64_t interrupt);
    void stepSample(std::uint64_t interrupt);
    void setLearningRate(double learningRate);
    void setMaxEpochs(int maxEpochs);
    void setEpochsPerSecond(double epochsPerSecond);
    /// The controller took the mailbox after the worker had stopped at kMaxBacklog: go on.
    void backlogTaken();

private:
    enum class Flush
    {
        WhenDue, ///< respect the minimum notification interval
        Now,     ///< the run paused, finished or stepped: show it at once
    };

    void preempted(std::uint64_t interrupt);
    [[nodiscard]] bool interrupted() const;
    /// Starts over from epoch 0 with m_data / m_settings and announces the initial snapshot.
    void restartRun(std::uint64_t generation, std::uint64_t interrupt);
    void startRunning();
    void stopRunning();
    /// Runs epochs: as many as fit in one slice, or the ones a paced run is due.
    void runSlice();
    /// True (and the mailbox asks for backlogTaken()) when the mailbox holds kMaxBacklog records.
    [[nodiscard]] bool backlogFull();
    void postSlice();
    /// Hands m_outbox (and a stop report) to the mailbox and notifies the controller.
    void publish(Flush flush, bool runEnded = false);
    /// Posts the notification if one is due; arms m_flushTimer otherwise. Mailbox mutex held.
    [[nodiscard]] bool notificationDue(Flush flush);
    void flushTimeout();

    std::shared_ptr<Inbox> m_inbox;
    std::shared_ptr<Mailbox> m_mailbox;
    Doorbell* m_mailboxFilled = nullptr;
    std::optional<learning::Trainer> m_trainer;
    /// The current settings, with setLearningRate / setMaxEpochs applied, so reset() keeps them.
    learning::TrainingSettings m_settings;
    std::uint64_t m_generation = 0;
    std::uint64_t m_interruptsSeen = 0;
    std::uint64_t m_runId = 0;
    bool m_running = false;
    bool m_slicePosted = false;
    double m_epochsPerSecond = 0.0;

    /// Events produced since the last publish().
    TrainingEvents m_outbox;

    QTimer m_paceTimer;  ///< drives paced runs
    QTimer m_flushTimer; ///< delivers events held back by the minimum notification interval
    QElapsedTimer m_sinceNotify;
    QElapsedTimer m_paceClock; ///< time since the paced run (or its rate) started
    std::int64_t m_pacedEpochs = 0;
};

} // namespace plab::engine
