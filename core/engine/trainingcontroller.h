#pragma once

#include "engine/metatypes.h" // TrainingEvent, TrainingEvents
#include "learning/dataset.h"
#include "learning/records.h"
#include "learning/settings.h"

#include <QObject>
#include <QThread>

#include <cstdint>
#include <functional>
#include <memory>

namespace plab::engine {

class Doorbell;
class TrainingWorker;
struct Inbox;
struct Mailbox;

/// Owns the training worker and its thread; lives on the GUI thread. Every command is a queued
/// call into the worker, so none of them blocks. Results come back as value types, coalesced:
/// every step record and every epoch snapshot is delivered, in order, but in batches, at most
/// about 60 deliveries a second, and never a second delivery while the GUI has not taken the
/// first. After setProblem() or reset() nothing produced before it is delivered.
class TrainingController : public QObject
{
    Q_OBJECT

public:
    explicit TrainingController(QObject* parent = nullptr);
    /// Stops the worker (within one epoch) and joins its thread.
    ~TrainingController() override;

    /// Replaces the data and settings (an immutable copy goes to the worker) and resets the run.
    /// Precondition: learning::validate() accepts both. Emits restarted(). (Should the trainer
    /// still reject them, the controller is left without a problem: no restarted(), and
    /// training and stepping do nothing until the next setProblem().)
    void setProblem(learning::Dataset data, learning::TrainingSettings settings);
    /// Back to epoch 0 with the current problem. Emits restarted().
    void reset();

    /// Runs epochs until the run finishes or pause() is called, paced by setEpochsPerSecond().
    /// isRunning() turns true at once; when the run ends by itself (converged, epoch limit,
    /// diverged: see the last snapshot's status) runningChanged(false) follows its last records.
    void train();
    /// Stops a run within one epoch. pause(), the steps, reset(), setProblem() and resumeFrom()
    /// all stop a running run first, and isRunning() turns false at once.
    void pause();
    /// Finishes the current epoch (the rest of it after stepSample() calls): exactly one
    /// EpochSnapshot. Nothing once the run has finished.
    void stepEpoch();
    /// Visits the next sample: exactly one StepRecord, followed by the EpochSnapshot when the
    /// visit closes an epoch. Nothing once the run has finished.
    void stepSample();

    /// Continues from a recorded state (a fork: the caller drops the history after it). Records
    /// produced before the call are not delivered; no restarted() (the run goes on from there).
    /// A state that does not fit the current problem is ignored.
    void resumeFrom(const learning::TrainerState& state);

    /// Take effect from the next epoch a running run starts (the next visit when stepping),
    /// without a reset, and are kept by reset(). Values learning::validate() rejects are ignored.
    void setLearningRate(double learningRate);
    /// A higher limit lets a run that stopped at the limit continue.
    void setMaxEpochs(int maxEpochs);
    /// 0 (the default) means as fast as possible; negative or non-finite values are ignored.
    void setEpochsPerSecond(double epochsPerSecond);

    [[nodiscard]] bool isRunning() const { return m_running; }

Q_SIGNALS:
    /// The run started over; \p initial is epoch 0.
    void restarted(const plab::learning::EpochSnapshot& initial);
    /// New records, in the order they were produced.
    void eventsReady(const plab::engine::TrainingEvents& events);
    /// Training started or stopped (paused, finished, or reset).
    void runningChanged(bool running);

private:
    /// Stops a running slice within one epoch: bumps the interrupt counter and returns the
    /// value the preempting command carries. Also ends the run as far as the GUI is concerned.
    std::uint64_t preempt();
    /// Starts a new generation: everything produced before it is dropped, undelivered.
    std::uint64_t newGeneration();
    void setRunning(bool running);
    /// Takes everything out of the mailbox and emits it (on the GUI thread).
    void deliver();
    /// Queues \p command to run on the worker's thread, with the worker as its argument.
    void post(std::function<void(TrainingWorker&)> command);

    bool m_running = false;
    std::shared_ptr<Inbox> m_inbox;
    std::shared_ptr<Mailbox> m_mailbox;
    Doorbell* m_wakeWorker = nullptr;    ///< our child: commands are waiting in the inbox
    Doorbell* m_mailboxFilled = nullptr; ///< our child: the worker filled the mailbox
    QThread m_thread;
    TrainingWorker* m_worker = nullptr; ///< lives on m_thread; deleted there as it finishes
    std::uint64_t m_generation = 0;     ///< mirrors Mailbox::generation (only we write it)
    std::uint64_t m_runId = 0;          ///< the latest train() call
};

} // namespace plab::engine
