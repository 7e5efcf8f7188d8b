#include "engine/trainingcontroller.h"

#include "engine/trainingworker.h"

#include <QMetaObject>

#include <utility>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace plab::engine {

namespace {

/// The engine hands the GUI thread batches of up to TrainingWorker::kMaxBacklog records (a few MB)
/// that live for one delivery. glibc raises its mmap threshold after the first such block is freed
/// and serves the later ones from the heap, which it keeps: a 10^6-epoch run then left ~35 MB
/// resident that Reset never gave back. A fixed threshold sends every large block back to the
/// system when freed.
void returnLargeBlocksToTheSystem()
{
#if defined(__GLIBC__)
    static const bool done = [] { return mallopt(M_MMAP_THRESHOLD, 128 * 1024) == 1; }();
    Q_UNUSED(done);
#endif
}

} // namespace

TrainingController::TrainingController(QObject* parent)
    : QObject(parent), m_inbox(std::make_shared<Inbox>()), m_mailbox(std::make_shared<Mailbox>()),
      m_wakeWorker(new Doorbell(this)), m_mailboxFilled(new Doorbell(this))
{
    registerMetaTypes();
    returnLargeBlocksToTheSystem();
    m_thread.setObjectName(QStringLiteral("TrainingWorker"));
    m_worker = new TrainingWorker(m_inbox, m_mailbox, m_mailboxFilled);
    m_worker->moveToThread(&m_thread);
    // Every connection is made before the thread starts, between objects of ours; the worker's
    // thread only rings doorbells and runs slots. Data never travels through Qt's event queue:
    // commands go through the inbox, results through the mailbox, both under std::mutex.
    connect(m_wakeWorker, &Doorbell::rung, m_worker, &TrainingWorker::processCommands);
    connect(m_mailboxFilled, &Doorbell::rung, this, &TrainingController::deliver);
    // The worker is deleted on its own thread once its event loop has ended (finished is emitted
    // there), so its timers stop where they live. The inbox lock taken afterwards pairs with the
    // one in our destructor after wait(): it orders the worker's last steps before everything we
    // destroy, in a way ThreadSanitizer can see (Qt's own joining is invisible to it).
    connect(
        &m_thread, &QThread::finished, &m_thread,
        [worker = m_worker, inbox = m_inbox] {
            delete worker;
            const std::lock_guard lock(inbox->mutex);
        },
        Qt::DirectConnection);
    m_thread.start();
}

TrainingController::~TrainingController()
{
    // An interrupt no command will ever match: a running slice stops after its current epoch
    // and does not re-post itself, so quit() takes effect at once.
    m_inbox->interrupts.fetch_add(1, std::memory_order_relaxed);
    m_thread.quit();
    m_thread.wait();
    m_worker = nullptr;
    const std::lock_guard lock(m_inbox->mutex);
}

void TrainingController::post(Command command)
{
    bool ring = false;
    {
        std::lock_guard lock(m_inbox->mutex);
        m_inbox->commands.push_back(std::move(command));
        ring = !std::exchange(m_inbox->wakeupPending, true);
    }
    if (ring)
        Q_EMIT m_wakeWorker->rung();
}

std::uint64_t TrainingController::preempt()
{
    setRunning(false);
    return m_inbox->interrupts.fetch_add(1, std::memory_order_relaxed) + 1;
}

std::uint64_t TrainingController::newGeneration()
{
    std::lock_guard lock(m_mailbox->mutex);
    m_generation = ++m_mailbox->generation;
    TrainingEvents().swap(m_mailbox->events); // clear() would keep up to kMaxBacklog records' room
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
    post([data = std::move(data), settings = std::move(settings), generation,
          interrupt](TrainingWorker& worker) mutable {
        worker.setProblem(std::move(data), std::move(settings), generation, interrupt);
    });
}

void TrainingController::reset()
{
    const std::uint64_t interrupt = preempt();
    const std::uint64_t generation = newGeneration();
    post([generation, interrupt](TrainingWorker& worker) { worker.reset(generation, interrupt); });
}

void TrainingController::train()
{
    const std::uint64_t runId = ++m_runId;
    setRunning(true);
    post([runId](TrainingWorker& worker) { worker.train(runId); });
}

void TrainingController::pause()
{
    const std::uint64_t interrupt = preempt();
    post([interrupt](TrainingWorker& worker) { worker.pause(interrupt); });
}

void TrainingController::stepEpoch()
{
    const std::uint64_t interrupt = preempt();
    post([interrupt](TrainingWorker& worker) { worker.stepEpoch(interrupt); });
}

void TrainingController::stepSample()
{
    const std::uint64_t interrupt = preempt();
    post([interrupt](TrainingWorker& worker) { worker.stepSample(interrupt); });
}

void TrainingController::resumeFrom(const learning::TrainerState& state)
{
    const std::uint64_t interrupt = preempt();
    const std::uint64_t generation = newGeneration();
    post([state, generation, interrupt](TrainingWorker& worker) {
        worker.resumeFrom(state, generation, interrupt);
    });
}

void TrainingController::setLearningRate(double learningRate)
{
    post([learningRate](TrainingWorker& worker) { worker.setLearningRate(learningRate); });
}

void TrainingController::setMaxEpochs(int maxEpochs)
{
    post([maxEpochs](TrainingWorker& worker) { worker.setMaxEpochs(maxEpochs); });
}

void TrainingController::setEpochsPerSecond(double epochsPerSecond)
{
    post([epochsPerSecond](TrainingWorker& worker) { worker.setEpochsPerSecond(epochsPerSecond); });
}

void TrainingController::deliver()
{
    TrainingEvents events;
    std::optional<learning::EpochSnapshot> restart;
    std::optional<std::uint64_t> stoppedRun;
    bool workerWaiting = false;
    {
        std::lock_guard lock(m_mailbox->mutex);
        events.swap(m_mailbox->events);
        restart = std::exchange(m_mailbox->restart, std::nullopt);
        stoppedRun = std::exchange(m_mailbox->stoppedRun, std::nullopt);
        m_mailbox->notificationPending = false;
        workerWaiting = std::exchange(m_mailbox->workerWaiting, false);
    }
    // The worker waits for the mailbox to be emptied before it runs on: it is.
    if (workerWaiting)
        post([](TrainingWorker& worker) { worker.backlogTaken(); });
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

} // namespace plab::engine
