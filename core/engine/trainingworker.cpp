#include "engine/trainingworker.h"

#include <QMetaObject>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

namespace plab::engine {

TrainingWorker::TrainingWorker(std::shared_ptr<Inbox> inbox, std::shared_ptr<Mailbox> mailbox,
                               Doorbell* mailboxFilled, QObject* parent)
    : QObject(parent), m_inbox(std::move(inbox)), m_mailbox(std::move(mailbox)),
      m_mailboxFilled(mailboxFilled), m_paceTimer(this), m_flushTimer(this)
{
    m_paceTimer.setTimerType(Qt::PreciseTimer);
    m_flushTimer.setTimerType(Qt::PreciseTimer);
    m_flushTimer.setSingleShot(true);
    connect(&m_paceTimer, &QTimer::timeout, this, &TrainingWorker::runSlice);
    connect(&m_flushTimer, &QTimer::timeout, this, &TrainingWorker::flushTimeout);
}

TrainingWorker::~TrainingWorker() = default;

void TrainingWorker::processCommands()
{
    std::vector<Command> commands;
    {
        std::lock_guard lock(m_inbox->mutex);
        commands.swap(m_inbox->commands);
        m_inbox->wakeupPending = false;
    }
    for (Command& command : commands)
        command(*this);
}

void TrainingWorker::setProblem(learning::Dataset data, learning::TrainingSettings settings,
                                std::uint64_t generation, std::uint64_t interrupt)
{
    preempted(interrupt);
    m_trainer.reset();
    m_settings = settings;
    try {
        m_trainer.emplace(std::move(data), std::move(settings));
    } catch (const std::invalid_argument&) {
        // A problem the trainer rejects leaves the worker without one: train and step do
        // nothing until a valid problem arrives. (The controller's precondition rules it out;
        // this keeps an exception from ever crossing the event loop.)
        m_generation = generation;
        m_outbox.clear();
        return;
    }
    restartRun(generation, interrupt);
}

void TrainingWorker::reset(std::uint64_t generation, std::uint64_t interrupt)
{
    preempted(interrupt);
    if (m_trainer) {
        // A fresh trainer rather than a restore: it re-derives everything (initial weights,
        // shuffles, status) from the settings, including a changed learning rate or limit.
        learning::Dataset data = m_trainer->data();
        m_trainer.reset();
        m_trainer.emplace(std::move(data), m_settings);
    }
    restartRun(generation, interrupt);
}

void TrainingWorker::restartRun(std::uint64_t generation, std::uint64_t interrupt)
{
    m_interruptsSeen = interrupt;
    m_generation = generation;
    m_outbox.clear();
    if (!m_trainer)
        return;
    bool notify = false;
    {
        std::lock_guard lock(m_mailbox->mutex);
        if (m_mailbox->generation != m_generation)
            return; // superseded already: the newer command will announce its own run
        m_mailbox->restart = m_trainer->initialSnapshot();
        notify = notificationDue(Flush::Now);
    }
    if (notify)
        Q_EMIT m_mailboxFilled->rung();
}

void TrainingWorker::resumeFrom(const learning::TrainerState& state, std::uint64_t generation,
                                std::uint64_t interrupt)
{
    preempted(interrupt);
    m_generation = generation;
    m_outbox.clear();
    if (!m_trainer)
        return;
    try {
        m_trainer->restore(state);
    } catch (const std::invalid_argument&) {
        // A state from another problem: the trainer keeps its own (restore() changes nothing
        // when it throws), and no exception crosses the event loop.
    }
}

void TrainingWorker::train(std::uint64_t runId)
{
    m_runId = runId;
    if (m_running)
        return;
    if (!m_trainer || m_trainer->finished()) {
        // Nothing to run: tell the controller the run it just started is over.
        stopRunning();
        publish(Flush::Now, true);
        return;
    }
    startRunning();
}

void TrainingWorker::pause(std::uint64_t interrupt)
{
    preempted(interrupt);
    publish(Flush::Now);
}

void TrainingWorker::stepEpoch(std::uint64_t interrupt)
{
    preempted(interrupt);
    if (m_trainer && !m_trainer->finished())
        m_outbox.emplace_back(m_trainer->stepEpoch());
    publish(Flush::Now);
}

void TrainingWorker::stepSample(std::uint64_t interrupt)
{
    preempted(interrupt);
    if (m_trainer && !m_trainer->finished()) {
        learning::SampleStep step = m_trainer->stepSample();
        m_outbox.emplace_back(std::move(step.step));
        if (step.epochEnd)
            m_outbox.emplace_back(std::move(*step.epochEnd));
    }
    publish(Flush::Now);
}

void TrainingWorker::setLearningRate(double learningRate)
{
    learning::TrainingSettings changed = m_settings;
    changed.learningRate = learningRate;
    if (learning::validate(changed))
        return; // out of range: the controller's callers validate; keep the run intact
    m_settings = changed;
    if (m_trainer)
        m_trainer->setLearningRate(learningRate);
}

void TrainingWorker::setMaxEpochs(int maxEpochs)
{
    learning::TrainingSettings changed = m_settings;
    changed.maxEpochs = maxEpochs;
    if (learning::validate(changed))
        return;
    m_settings = changed;
    if (m_trainer)
        m_trainer->setMaxEpochs(maxEpochs);
}

void TrainingWorker::setEpochsPerSecond(double epochsPerSecond)
{
    if (!std::isfinite(epochsPerSecond) || epochsPerSecond < 0.0)
        return;
    m_epochsPerSecond = epochsPerSecond;
    if (m_running) {
        // Re-enter the run in the new mode; the pace starts counting from now.
        m_paceTimer.stop();
        startRunning();
    }
}

void TrainingWorker::backlogTaken()
{
    // A paced run's timer calls runSlice() anyway (and catches up with its pace).
    if (m_running && m_epochsPerSecond <= 0.0)
        postSlice();
}

void TrainingWorker::preempted(std::uint64_t interrupt)
{
    m_interruptsSeen = interrupt;
    stopRunning();
}

bool TrainingWorker::interrupted() const
{
    // Relaxed is enough: the counter only says "return to the event loop"; the command itself,
    // with its data, arrives through the inbox's mutex.
    return m_inbox->interrupts.load(std::memory_order_relaxed) != m_interruptsSeen;
}

void TrainingWorker::startRunning()
{
    m_running = true;
    m_paceClock.start();
    m_pacedEpochs = 0;
    if (m_epochsPerSecond > 0.0) {
        // At most one tick per frame: faster rates run several epochs per tick (the budget in
        // runSlice() follows the clock, so the rate holds whatever the timer's granularity).
        constexpr double kLongestPeriodMs = 3'600'000.0;
        const double periodMs = 1000.0 / m_epochsPerSecond;
        m_paceTimer.start(
            int(std::clamp(periodMs, double(kMinNotifyIntervalMs), kLongestPeriodMs)));
        runSlice(); // the first epoch at once, so Train answers immediately
    } else {
        postSlice();
    }
}

void TrainingWorker::stopRunning()
{
    m_running = false;
    m_paceTimer.stop();
}

void TrainingWorker::postSlice()
{
    if (m_slicePosted)
        return;
    m_slicePosted = true;
    // Queued behind every doorbell already rung, so a slice never starves the commands.
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_slicePosted = false;
            runSlice();
        },
        Qt::QueuedConnection);
}

bool TrainingWorker::backlogFull()
{
    std::lock_guard lock(m_mailbox->mutex);
    if (m_mailbox->events.size() < kMaxBacklog)
        return false;
    m_mailbox->workerWaiting = true;
    return true;
}

void TrainingWorker::runSlice()
{
    if (!m_running || !m_trainer)
        return;
    // The GUI thread is behind: wait for it (backlogTaken()) rather than pile up records.
    if (backlogFull())
        return;
    const bool paced = m_epochsPerSecond > 0.0;
    std::int64_t budget = std::numeric_limits<std::int64_t>::max();
    if (paced) {
        // Epochs due since the pace started, counting one at time zero.
        const double elapsed = double(m_paceClock.nsecsElapsed()) * 1e-9;
        budget = std::int64_t(std::floor(elapsed * m_epochsPerSecond)) + 1 - m_pacedEpochs;
    }

    QElapsedTimer slice;
    slice.start();
    // For a network the trainer evaluates each epoch on a second core while the next one trains
    // (Trainer::runEpochs); the records are those of one stepEpoch() after another.
    const std::int64_t room = std::int64_t(kMaxBacklog) - std::int64_t(m_outbox.size());
    m_trainer->runEpochs(
        std::min(budget, room),
        [&] { return !interrupted() && slice.nsecsElapsed() < kSliceNanoseconds; },
        [&](learning::EpochSnapshot&& snap) {
            m_outbox.emplace_back(std::move(snap));
            ++m_pacedEpochs;
        });

    if (m_trainer->finished()) {
        stopRunning();
        publish(Flush::Now, true);
        return;
    }
    publish(Flush::WhenDue);
    // When interrupted, the preempting command is already queued and decides what comes next.
    if (!paced && !interrupted())
        postSlice();
}

void TrainingWorker::publish(Flush flush, bool runEnded)
{
    bool notify = false;
    {
        std::lock_guard lock(m_mailbox->mutex);
        if (m_mailbox->generation != m_generation) {
            // Produced for a run the controller has already replaced: drop it.
            m_outbox.clear();
            return;
        }
        if (m_mailbox->events.empty())
            std::swap(m_mailbox->events, m_outbox);
        else
            std::move(m_outbox.begin(), m_outbox.end(), std::back_inserter(m_mailbox->events));
        m_outbox.clear();
        if (runEnded)
            m_mailbox->stoppedRun = m_runId;
        notify = notificationDue(flush);
    }
    if (notify)
        Q_EMIT m_mailboxFilled->rung();
}

bool TrainingWorker::notificationDue(Flush flush)
{
    Mailbox& box = *m_mailbox;
    if (box.notificationPending)
        return false; // the controller will take everything when it gets to the pending one
    if (box.events.empty() && !box.restart && !box.stoppedRun)
        return false;
    const bool intervalOver =
        !m_sinceNotify.isValid() || m_sinceNotify.elapsed() >= kMinNotifyIntervalMs;
    if (flush == Flush::Now || intervalOver) {
        box.notificationPending = true;
        m_sinceNotify.start();
        m_flushTimer.stop();
        return true;
    }
    if (!m_flushTimer.isActive())
        m_flushTimer.start(int(kMinNotifyIntervalMs - m_sinceNotify.elapsed()));
    return false;
}

void TrainingWorker::flushTimeout()
{
    bool notify = false;
    {
        std::lock_guard lock(m_mailbox->mutex);
        notify = notificationDue(Flush::Now);
    }
    if (notify)
        Q_EMIT m_mailboxFilled->rung();
}

} // namespace plab::engine
