#include "trainingcontroller.h"

#include "trainingworker.h"

#include <QMetaObject>

#include <utility>

namespace plab::session {

TrainingController::TrainingController(QObject* parent)
    : QObject(parent), m_mailbox(std::make_shared<Mailbox>())
{
    registerMetaTypes();
    m_thread.setObjectName(QStringLiteral("TrainingWorker"));
    m_worker = new TrainingWorker(m_mailbox);
    m_worker->moveToThread(&m_thread);
    // The worker dies on its own thread, after its event loop ended (QThread processes deferred
    // deletes right after emitting finished), so its timers are stopped where they live.
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    // Across threads this is a queued connection: deliver() runs on our thread.
    connect(m_worker, &TrainingWorker::mailboxFilled, this, &TrainingController::deliver);
    m_thread.start();
}

TrainingController::~TrainingController()
{
    // An interrupt no command will ever match: a running slice stops after its current epoch
    // and does not re-post itself, so quit() takes effect at once.
    m_mailbox->interrupts.fetch_add(1, std::memory_order_relaxed);
    m_thread.quit();
    m_thread.wait();
    m_worker = nullptr;
}

template <typename Command>
void TrainingController::post(Command&& command)
{
    QMetaObject::invokeMethod(m_worker, std::forward<Command>(command), Qt::QueuedConnection);
}

std::uint64_t TrainingController::preempt()
{
    setRunning(false);
    return m_mailbox->interrupts.fetch_add(1, std::memory_order_relaxed) + 1;
}

std::uint64_t TrainingController::newGeneration()
{
    std::lock_guard lock(m_mailbox->mutex);
    m_generation = ++m_mailbox->generation;
    m_mailbox->events.clear();
    m_mailbox->restart.reset();
    m_mailbox->stoppedRun.reset();
    // notificationPending stays: a notification may be queued to us, and it must stay the only
    // one; deliver() clears the flag.
    return m_generation;
}

void TrainingController::setRunning(bool running)
{
    if (m_running == running)
        return;
    m_running = running;
    Q_EMIT runningChanged(running);
}

void TrainingController::setProblem(learning::Dataset data, learning::TrainingSettings settings)
{
    const std::uint64_t interrupt = preempt();
    const std::uint64_t generation = newGeneration();
    post([worker = m_worker, data = std::move(data), settings = std::move(settings), generation,
          interrupt]() mutable {
        worker->setProblem(std::move(data), std::move(settings), generation, interrupt);
    });
}

void TrainingController::reset()
{
    const std::uint64_t interrupt = preempt();
    const std::uint64_t generation = newGeneration();
    post([worker = m_worker, generation, interrupt] { worker->reset(generation, interrupt); });
}

void TrainingController::train()
{
    const std::uint64_t runId = ++m_runId;
    setRunning(true);
    post([worker = m_worker, runId] { worker->train(runId); });
}

void TrainingController::pause()
{
    const std::uint64_t interrupt = preempt();
    post([worker = m_worker, interrupt] { worker->pause(interrupt); });
}

void TrainingController::stepEpoch()
{
    const std::uint64_t interrupt = preempt();
    post([worker = m_worker, interrupt] { worker->stepEpoch(interrupt); });
}

void TrainingController::stepSample()
{
    const std::uint64_t interrupt = preempt();
    post([worker = m_worker, interrupt] { worker->stepSample(interrupt); });
}

void TrainingController::resumeFrom(const learning::TrainerState& state)
{
    const std::uint64_t interrupt = preempt();
    const std::uint64_t generation = newGeneration();
    post([worker = m_worker, state, generation, interrupt] {
        worker->resumeFrom(state, generation, interrupt);
    });
}

void TrainingController::setLearningRate(double learningRate)
{
    post([worker = m_worker, learningRate] { worker->setLearningRate(learningRate); });
}

void TrainingController::setMaxEpochs(int maxEpochs)
{
    post([worker = m_worker, maxEpochs] { worker->setMaxEpochs(maxEpochs); });
}

void TrainingController::setEpochsPerSecond(double epochsPerSecond)
{
    post([worker = m_worker, epochsPerSecond] { worker->setEpochsPerSecond(epochsPerSecond); });
}

void TrainingController::deliver()
{
    TrainingEvents events;
    std::optional<learning::EpochSnapshot> restart;
    std::optional<std::uint64_t> stoppedRun;
    {
        std::lock_guard lock(m_mailbox->mutex);
        events.swap(m_mailbox->events);
        restart = std::exchange(m_mailbox->restart, std::nullopt);
        stoppedRun = std::exchange(m_mailbox->stoppedRun, std::nullopt);
        m_mailbox->notificationPending = false;
    }
    // A receiver may call reset() & co. from inside these emissions; whatever is left of this
    // delivery then belongs to the replaced run and is dropped.
    const std::uint64_t generation = m_generation;
    if (restart)
        Q_EMIT restarted(*restart);
    if (!events.empty() && generation == m_generation)
        Q_EMIT eventsReady(events);
    if (stoppedRun && *stoppedRun == m_runId && generation == m_generation)
        setRunning(false);
}

} // namespace plab::session
