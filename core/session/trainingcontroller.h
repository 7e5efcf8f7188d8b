#pragma once

#include "learning/dataset.h"
#include "learning/records.h"
#include "learning/settings.h"
#include "session/metatypes.h" // TrainingEvent, TrainingEvents

#include <QObject>
#include <QThread>

#include <cstdint>
#include <memory>

namespace plab::session {

class TrainingWorker;
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
    /// Precondition: learning::validate() accepts both. Emits restarted().
    void setProblem(learning::Dataset data, learning::TrainingSettings settings);
    /// Back to epoch 0 with the current problem. Emits restarted().
    void reset();

    /// Runs epochs until the run finishes or pause() is called, paced by setEpochsPerSecond().
    void train();
    void pause();
    void stepEpoch();
    void stepSample();

    /// Continues from a recorded state (a fork: the caller drops the history after it).
    void resumeFrom(const learning::TrainerState& state);

    /// Take effect from the next visit, without a reset.
    void setLearningRate(double learningRate);
    void setMaxEpochs(int maxEpochs);
    /// 0 means as fast as possible.
    void setEpochsPerSecond(double epochsPerSecond);

    [[nodiscard]] bool isRunning() const { return m_running; }

Q_SIGNALS:
    /// The run started over; \p initial is epoch 0.
    void restarted(const plab::learning::EpochSnapshot& initial);
    /// New records, in the order they were produced.
    void eventsReady(const plab::session::TrainingEvents& events);
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
    /// Queues \p command to run on the worker's thread.
    template <typename Command>
    void post(Command&& command);

    bool m_running = false;
    std::shared_ptr<Mailbox> m_mailbox;
    QThread m_thread;
    TrainingWorker* m_worker = nullptr; ///< lives on m_thread; deleted there when it finishes
    std::uint64_t m_generation = 0;     ///< mirrors Mailbox::generation (only we write it)
    std::uint64_t m_runId = 0;          ///< the latest train() call
};

} // namespace plab::session
