// Stress test of the threaded engine: thousands of seeded random command sequences (train, pause,
// step an epoch, step a sample, reset, new data, new learning rate, resume from the timeline,
// paced runs, commands issued from inside a delivery, destroying the controller) against the
// real TrainingController and its worker thread.
//
// A Referee follows every delivery on the GUI thread with a single-threaded learning::Trainer fed
// the same commands: each delivered record must be exactly (bit for bit) the record that trainer
// produces next. A run's length is the one thing the worker decides by timing, so the referee
// steps its trainer once per delivered record; learning-rate changes are matched through the rate
// every record carries, against the changes issued and not yet seen. After each sequence the
// run is fenced (pause, then a sample step that must arrive last) and the whole timeline is
// replayed once more from scratch. Every wait is bounded, and a watchdog aborts a sequence that
// hangs (for instance a destructor that never joins its thread), so a deadlock fails the test
// instead of stalling CI.
//
// PLAB_STRESS_SEQUENCES and PLAB_STRESS_SEED override the sequence count and the seed.

#include "engine/trainingcontroller.h"
#include "learning/generators.h"
#include "learning/history.h"
#include "learning/trainer.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QTimer>
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <variant>
#include <vector>

namespace plab::engine {
namespace {

using learning::Dataset;
using learning::EpochSnapshot;
using learning::LinearModel;
using learning::StepRecord;
using learning::Trainer;
using learning::TrainerState;
using learning::TrainingSettings;

/// Bounds every wait; generous enough for a ThreadSanitizer build on a busy two-core machine.
constexpr int kTimeoutMs = 60'000;

int envInt(const char* name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : fallback;
}

/// 2000 sequences take a few seconds in Release and under ThreadSanitizer alike (the runs are
/// short: the point is the interleavings, not the volume).
int sequenceCount()
{
    return envInt("PLAB_STRESS_SEQUENCES", 2000);
}

// --- Bit-for-bit comparison (NaN and -0.0 included) ---------------------------------------------

bool same(double a, double b)
{
    return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

bool same(const Eigen::Vector2d& a, const Eigen::Vector2d& b)
{
    return same(a.x(), b.x()) && same(a.y(), b.y());
}

bool same(const LinearModel& a, const LinearModel& b)
{
    return same(a.w, b.w) && same(a.b, b.b);
}

bool same(const TrainerState& a, const TrainerState& b)
{
    return learning::identical(a, b);
}

bool same(const StepRecord& a, const StepRecord& b)
{
    return a.epoch == b.epoch && a.visit == b.visit && a.index == b.index && same(a.x, b.x) &&
           a.target == b.target && same(a.net, b.net) && a.output == b.output &&
           same(a.error, b.error) && same(a.learningRate, b.learningRate) &&
           a.updated == b.updated && same(a.deltaW, b.deltaW) && same(a.deltaB, b.deltaB) &&
           same(a.before, b.before) && same(a.after, b.after) && same(a.state, b.state);
}

bool same(const EpochSnapshot& a, const EpochSnapshot& b)
{
    return a.epoch == b.epoch && same(a.model, b.model) && a.errors == b.errors &&
           same(a.loss, b.loss) && same(a.accuracy, b.accuracy) && a.updates == b.updates &&
           same(a.learningRate, b.learningRate) && a.status == b.status && same(a.state, b.state);
}

bool same(const learning::EpochFigures& a, const learning::EpochFigures& b)
{
    return a.epoch == b.epoch && same(a.model, b.model) && a.errors == b.errors &&
           same(a.loss, b.loss) && same(a.accuracy, b.accuracy) && a.updates == b.updates &&
           same(a.learningRate, b.learningRate) && a.status == b.status;
}

std::string describe(const StepRecord& s)
{
    return "visit " + std::to_string(s.visit) + " of epoch " + std::to_string(s.epoch) + " (rate " +
           std::to_string(s.learningRate) + ")";
}

std::string describe(const EpochSnapshot& e)
{
    return "snapshot of epoch " + std::to_string(e.epoch) + " (rate " +
           std::to_string(e.learningRate) + ")";
}

// --- The referee ---------------------------------------------------------------------------------

/// Follows everything the controller emits and holds it against a single-threaded Trainer that
/// is given the same commands. The driver tells it about each command right where it calls the
/// controller (on the same thread, so no delivery can come in between). The first
/// inconsistency is kept in failure(); everything after it is ignored.
class Referee
{
public:
    explicit Referee(TrainingController& controller)
    {
        QObject::connect(&controller, &TrainingController::restarted, &controller,
                         [this](const EpochSnapshot& initial) { onRestarted(initial); });
        QObject::connect(&controller, &TrainingController::eventsReady, &controller,
                         [this](const TrainingEvents& events) { onEvents(events); });
        QObject::connect(&controller, &TrainingController::runningChanged, &controller,
                         [this](bool running) { onRunningChanged(running); });
    }

    /// Run once, after the next delivered batch has been checked (to issue a command from
    /// inside a delivery).
    std::function<void()> onceAfterBatch;

    /// Brackets a controller call: runningChanged() inside it is the command's own doing.
    void beginCommand() { ++m_commandDepth; }
    void endCommand() { --m_commandDepth; }

    void problemSet(const Dataset& data, const TrainingSettings& settings)
    {
        m_pendingRates.clear(); // the new settings replace every earlier change
        m_data = data;
        m_settings = settings;
        startRun();
    }

    void resetIssued()
    {
        if (!m_data)
            return; // the worker has nothing to reset
        applyAllPendingRates();
        startRun();
    }

    /// The state to resume from at \p position of the timeline; drops the timeline after it.
    /// As the window does, a visit that closed its epoch forks after that epoch's snapshot
    /// (both hold the same state), so the snapshot stays on the timeline. Precondition:
    /// canFork().
    TrainerState fork(std::size_t position)
    {
        applyAllPendingRates();
        if (const StepRecord* step = m_history.stepAt(position);
            step && step->state.position == 0 && position < m_history.lastPosition())
            ++position;
        const TrainerState state = m_history.stateAt(position);
        m_history.truncateAfter(position);
        m_reference->restore(state);
        newGeneration();
        return state;
    }

    void learningRateSet(double rate)
    {
        if (m_data)
            m_pendingRates.push_back(rate);
    }

    void sampleStepIssued() { ++m_stepsIssued; }

    /// A timeline to fork from exists: a run was announced and nothing replaced it since.
    [[nodiscard]] bool canFork() const { return m_reference && !m_restartPending; }
    [[nodiscard]] const learning::History& history() const { return m_history; }
    [[nodiscard]] const std::string& failure() const { return m_failure; }
    [[nodiscard]] bool failed() const { return !m_failure.empty(); }

    /// True once everything the fence (pause, then one sample step) waits for has arrived:
    /// the announcement of the current run, and a record for every sample step of this
    /// generation, or the end of the run (after which the worker produces nothing).
    [[nodiscard]] bool quiescent() const
    {
        if (!m_reference)
            return true; // no problem was ever set: the worker has nothing to say
        if (m_restartPending || m_pendingEpochEnd)
            return false;
        return m_stepsDelivered == m_stepsIssued || m_reference->finished();
    }

    /// After a fence: the timeline is contiguous and is exactly what a fresh single-threaded
    /// trainer produces when given, at each record, the learning rate that record carries.
    void checkTimeline()
    {
        if (failed() || !m_reference)
            return;
        const auto epochs = m_history.epochs();
        for (int i = 0; i < m_history.epochCount(); ++i) {
            if (epochs[i].epoch != i)
                return fail("the timeline's epochs are not contiguous at position " +
                            std::to_string(*m_history.positionOfEpoch(i)));
        }
        if (!same(m_history.stateAt(m_history.lastPosition()), m_reference->state()))
            return fail("the timeline ends elsewhere than the reference trainer");

        Trainer replay(*m_runData, m_runSettings);
        if (!same(replay.initialSnapshot(), m_history.snapshotOf(0)))
            return fail("replay: the initial snapshot differs");
        for (std::size_t p = 1; p < m_history.size(); ++p) {
            if (const StepRecord* step = m_history.stepAt(p)) {
                replay.setLearningRate(step->learningRate);
                const learning::SampleStep expected = replay.stepSample();
                if (!same(expected.step, *step))
                    return fail("replay: " + describe(*step) + " differs");
                if (expected.epochEnd) {
                    // An epoch with recorded visits keeps its state: a lookup.
                    const bool closing = p + 1 < m_history.size() && !m_history.isStep(p + 1);
                    if (!closing ||
                        !same(*expected.epochEnd,
                              m_history.snapshotOf(m_history.latestEpochAt(p + 1).epoch)))
                        return fail("replay: the epoch closed by " + describe(*step) +
                                    " differs or is missing");
                    ++p;
                }
            } else {
                const learning::EpochFigures figures = m_history.latestEpochAt(p);
                replay.setLearningRate(figures.learningRate);
                const EpochSnapshot expected = replay.stepEpoch();
                // Every epoch's figures, and its state where the history keeps one (at its
                // checkpoints and its end). The states it replays in between are held against a
                // full recording by tests/learning/history_test.cpp.
                const bool kept = figures.epoch % m_history.checkpointInterval() == 0 ||
                                  p == m_history.lastPosition();
                if (!same(learning::EpochFigures::of(expected), figures) ||
                    (kept && !same(expected.state, m_history.stateAt(p))))
                    return fail("replay: " + describe(expected) + " differs");
            }
        }
    }

    void fail(std::string what)
    {
        if (m_failure.empty())
            m_failure = std::move(what);
    }

private:
    /// setProblem / reset: the worker starts a new trainer and announces its epoch 0.
    void startRun()
    {
        m_reference.emplace(*m_data, m_settings);
        m_runData = m_data;
        m_runSettings = m_settings;
        m_restartPending = true;
        newGeneration();
    }

    /// Everything produced before this command and not yet delivered is dropped by the
    /// controller, including the records of sample steps issued before it.
    void newGeneration()
    {
        m_stepsIssued = 0;
        m_stepsDelivered = 0;
        m_pendingEpochEnd.reset();
    }

    void applyAllPendingRates()
    {
        if (m_pendingRates.empty())
            return;
        m_settings.learningRate = m_pendingRates.back();
        m_pendingRates.clear();
        if (m_reference)
            m_reference->setLearningRate(m_settings.learningRate);
    }

    /// A record carries \p rate. The worker applies rate changes in the order they were issued,
    /// between two visits, and only the latest one applied matters; so the record is explained
    /// by applying the shortest prefix of the pending changes that ends in \p rate (nothing if
    /// it is the current rate). Taking the shortest keeps every longer explanation possible
    /// for the records that follow.
    bool matchRate(double rate)
    {
        if (same(rate, m_settings.learningRate))
            return true;
        for (std::size_t i = 0; i < m_pendingRates.size(); ++i) {
            if (same(m_pendingRates[i], rate)) {
                m_pendingRates.erase(m_pendingRates.begin(), m_pendingRates.begin() + i + 1);
                m_settings.learningRate = rate;
                m_reference->setLearningRate(rate);
                return true;
            }
        }
        return false;
    }

    void onRestarted(const EpochSnapshot& initial)
    {
        if (failed())
            return;
        if (!m_restartPending)
            return fail("a restart nobody asked for");
        if (!same(initial, m_reference->initialSnapshot()))
            return fail("the restart's initial snapshot differs from the reference's");
        m_restartPending = false;
        m_history.restart(initial,
                          std::make_shared<const learning::Replayer>(*m_runData, m_runSettings));
    }

    void onEvents(const TrainingEvents& events)
    {
        for (const TrainingEvent& event : events) {
            if (failed())
                break;
            if (!m_reference || m_restartPending) {
                fail("records arrived before the run they belong to was announced");
                break;
            }
            if (const auto* step = std::get_if<StepRecord>(&event))
                onStep(*step);
            else
                onEpoch(std::get<EpochSnapshot>(event));
            if (!failed())
                m_history.append(event);
        }
        if (onceAfterBatch)
            std::exchange(onceAfterBatch, {})();
    }

    void onStep(const StepRecord& step)
    {
        const TrainerState& before = m_history.stateAt(m_history.lastPosition());
        if (m_pendingEpochEnd)
            return fail(describe(step) + " arrived before the snapshot of the epoch it closed");
        if (step.epoch != before.epoch + 1 || step.visit != before.position)
            return fail(describe(step) + " does not follow epoch " + std::to_string(before.epoch) +
                        ", position " + std::to_string(before.position));
        if (++m_stepsDelivered > m_stepsIssued)
            return fail(describe(step) + " is one sample step more than was issued");
        if (m_reference->finished())
            return fail(describe(step) + " arrived after the run had finished");
        if (!matchRate(step.learningRate))
            return fail(describe(step) + " has a learning rate that was never set");
        learning::SampleStep expected = m_reference->stepSample();
        if (!same(expected.step, step))
            return fail(describe(step) + " differs from the reference's");
        m_pendingEpochEnd = std::move(expected.epochEnd);
    }

    void onEpoch(const EpochSnapshot& epoch)
    {
        if (m_pendingEpochEnd) {
            if (!same(*m_pendingEpochEnd, epoch))
                return fail(describe(epoch) + " differs from the one its last visit closed");
            m_pendingEpochEnd.reset();
            return;
        }
        const TrainerState& before = m_history.stateAt(m_history.lastPosition());
        if (epoch.epoch != before.epoch + 1 || epoch.state.position != 0)
            return fail(describe(epoch) + " does not follow epoch " + std::to_string(before.epoch));
        if (m_reference->finished())
            return fail(describe(epoch) + " arrived after the run had finished");
        if (!matchRate(epoch.learningRate))
            return fail(describe(epoch) + " has a learning rate that was never set");
        if (!same(m_reference->stepEpoch(), epoch))
            return fail(describe(epoch) + " differs from the reference's");
    }

    void onRunningChanged(bool running)
    {
        if (failed() || m_commandDepth > 0)
            return;
        // Outside a command, only a run ending by itself may change the state, and then every
        // record of it has been delivered (in the same delivery, before this signal).
        if (running)
            return fail("the controller started running by itself");
        if (m_reference && !m_restartPending && !m_reference->finished())
            return fail("the run stopped by itself, but the reference can still go on");
    }

    std::optional<Dataset> m_data;
    TrainingSettings m_settings; ///< the worker's settings once every issued change is applied
    std::deque<double> m_pendingRates;
    std::optional<Trainer> m_reference;
    std::optional<Dataset> m_runData; ///< what the current run started from, for the replay
    TrainingSettings m_runSettings;
    learning::History m_history;
    bool m_restartPending = false;
    std::optional<EpochSnapshot> m_pendingEpochEnd;
    int m_stepsIssued = 0;
    int m_stepsDelivered = 0;
    int m_commandDepth = 0;
    std::string m_failure;
};

// --- A watchdog against hangs that no event-loop wait can bound (joining the worker thread) ----

class Watchdog
{
public:
    Watchdog()
        : m_thread([this] {
              std::unique_lock lock(m_mutex);
              while (!m_stop) {
                  if (m_armed && std::chrono::steady_clock::now() > m_deadline) {
                      std::fprintf(stderr, "engine_stress_test: hung in %s\n", m_what.c_str());
                      std::abort();
                  }
                  m_wake.wait_for(lock, std::chrono::seconds(1));
              }
          })
    {}
    ~Watchdog()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_one();
        m_thread.join();
    }
    Watchdog(const Watchdog&) = delete;
    Watchdog& operator=(const Watchdog&) = delete;

    void arm(std::string what)
    {
        const std::lock_guard lock(m_mutex);
        m_what = std::move(what);
        m_deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(2 * kTimeoutMs);
        m_armed = true;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::chrono::steady_clock::time_point m_deadline;
    std::string m_what;
    bool m_armed = false;
    bool m_stop = false;
    std::thread m_thread; ///< last: starts once the members above exist
};

// --- The driver ----------------------------------------------------------------------------------

/// Spins the event loop until \p done holds; false on timeout. Deliveries are posted events, so
/// waiting for the next event and re-checking misses nothing; the timer only bounds the wait.
bool waitUntil(const std::function<bool()>& done)
{
    const QDeadlineTimer deadline(kTimeoutMs);
    QTimer wake;
    wake.start(50);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

struct Totals
{
    int sequences = 0;
    int commands = 0;
    int destroyed = 0;
    int forks = 0;
    int insideDelivery = 0;
    std::int64_t epochsDelivered = 0;
    std::size_t longestTimeline = 0;
};

class Driver
{
public:
    explicit Driver(std::uint64_t seed) : m_random(seed) {}

    ~Driver() { destroyController(); }
    Driver(const Driver&) = delete;
    Driver& operator=(const Driver&) = delete;

    /// Runs one random sequence; returns an explanation when something went wrong.
    std::optional<std::string> runSequence(int index)
    {
        m_log.str({});
        m_log << "sequence " << index << ":";
        m_watchdog.arm("sequence " + std::to_string(index));
        if (!m_controller)
            createController();
        if (!m_hasProblem && chance(9, 10))
            setProblem();
        const int length = uniform(3, 24);
        const bool destroyAtEnd = chance(1, 6);
        for (int i = 0; i < length && !m_referee->failed(); ++i)
            randomCommand();
        ++m_totals.sequences;

        if (destroyAtEnd) {
            const std::string failure = m_referee->failure();
            destroyController();
            if (!failure.empty())
                return explain(failure);
            return std::nullopt;
        }
        m_log << " fence";
        issue([&] { m_controller->pause(); });
        issue([&] { m_controller->stepSample(); }, [&] { m_referee->sampleStepIssued(); });
        if (!waitUntil([&] { return m_referee->failed() || m_referee->quiescent(); }))
            return explain("the fence never completed (deadlock or lost records)");
        if (m_controller->isRunning())
            return explain("still running after pause");
        m_referee->checkTimeline();
        if (m_referee->failed())
            return explain(m_referee->failure());
        m_totals.longestTimeline = std::max(m_totals.longestTimeline, m_referee->history().size());
        return std::nullopt;
    }

    [[nodiscard]] const Totals& totals() const { return m_totals; }

private:
    int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_random); }
    bool chance(int in, int outOf) { return uniform(1, outOf) <= in; }
    template <class T>
    const T& pick(std::initializer_list<T> values)
    {
        return *(values.begin() + uniform(0, int(values.size()) - 1));
    }

    std::string explain(const std::string& failure) const
    {
        return failure + "\n  after " + m_log.str();
    }

    void createController()
    {
        m_controller = std::make_unique<TrainingController>();
        m_referee = std::make_unique<Referee>(*m_controller);
        m_hasProblem = false;
        m_epochsDelivered = 0;
        QObject::connect(m_controller.get(), &TrainingController::eventsReady, m_controller.get(),
                         [this](const TrainingEvents& events) {
                             for (const TrainingEvent& e : events) {
                                 if (std::holds_alternative<EpochSnapshot>(e)) {
                                     ++m_epochsDelivered;
                                     ++m_totals.epochsDelivered;
                                 }
                             }
                         });
    }

    /// Destroys the controller wherever it is (running, commands queued, deliveries posted):
    /// it must stop and join its worker, and nothing may arrive afterwards.
    void destroyController()
    {
        if (!m_controller)
            return;
        m_log << " destroy";
        m_controller.reset(); // the watchdog bounds the join
        m_referee.reset();
        QCoreApplication::processEvents();
        ++m_totals.destroyed;
    }

    /// Calls the controller with the referee told that a command is under way.
    void issue(const std::function<void()>& call, const std::function<void()>& tellReferee = {})
    {
        ++m_totals.commands;
        m_referee->beginCommand();
        if (tellReferee)
            tellReferee();
        call();
        m_referee->endCommand();
    }

    void setProblem()
    {
        static const learning::Generator kGenerators[] = {
            learning::Generator::And,   learning::Generator::Or,
            learning::Generator::Nand,  learning::Generator::Xor,
            learning::Generator::Blobs, learning::Generator::OverlappingBlobs};
        // Mostly small problems that finish within a slice or two; one in four is a long run
        // (more points, no practical epoch limit) that only a command can stop.
        const bool longRun = chance(1, 4);
        Dataset data;
        do {
            learning::GeneratorParams params;
            params.count = longRun ? uniform(100, 400) : uniform(2, 40);
            params.seed = m_random();
            data = learning::generate(kGenerators[uniform(0, 5)], params);
        } while (learning::validate(data));

        TrainingSettings s;
        s.rule = learning::Rule(uniform(0, 4));
        s.learningRate = pick({0.05, 0.25, 1.0, 2.0, 10.0});
        s.maxEpochs = longRun ? 1'000'000 : chance(1, 4) ? uniform(1, 5) : uniform(20, 300);
        s.useBias = chance(4, 5);
        s.zero = learning::ZeroConvention(uniform(0, 2));
        s.order = chance(1, 2) ? learning::SampleOrder::Shuffle : learning::SampleOrder::File;
        s.seed = m_random();
        s.init = chance(1, 2) ? learning::InitKind::Random : learning::InitKind::Zeros;
        s.gradientMode =
            chance(1, 4) ? learning::GradientMode::Batch : learning::GradientMode::Online;
        m_log << " setProblem(" << data.size() << " points, " << learning::name(s.rule) << ", "
              << s.maxEpochs << " epochs)";
        m_hasProblem = true;
        issue([&] { m_controller->setProblem(data, s); }, [&] { m_referee->problemSet(data, s); });
    }

    void resumeFrom()
    {
        if (!m_referee->canFork()) {
            m_log << " (no fork)";
            return;
        }
        const std::size_t position =
            std::size_t(uniform(0, int(m_referee->history().lastPosition())));
        m_log << " resumeFrom(" << position << ")";
        ++m_totals.forks;
        TrainerState state;
        issue([&] { m_controller->resumeFrom(state); }, [&] { state = m_referee->fork(position); });
    }

    /// One command other than waiting, for use from inside a delivery as well.
    void plainCommand(int which)
    {
        switch (which) {
        case 0:
            m_log << " train";
            issue([&] { m_controller->train(); });
            break;
        case 1:
            m_log << " pause";
            issue([&] { m_controller->pause(); });
            break;
        case 2:
            m_log << " stepEpoch";
            issue([&] { m_controller->stepEpoch(); });
            break;
        case 3:
            m_log << " stepSample";
            issue([&] { m_controller->stepSample(); }, [&] { m_referee->sampleStepIssued(); });
            break;
        case 4:
            m_log << " reset";
            issue([&] { m_controller->reset(); }, [&] { m_referee->resetIssued(); });
            break;
        case 5:
            setProblem();
            break;
        case 6: {
            const double rate = pick({0.05, 0.25, 1.0, 2.0, 10.0});
            m_log << " setLearningRate(" << rate << ")";
            issue([&] { m_controller->setLearningRate(rate); },
                  [&] { m_referee->learningRateSet(rate); });
            break;
        }
        case 7:
            resumeFrom();
            break;
        default: {
            // Mostly as fast as possible; sometimes paced, which drives the run by a timer.
            const double rate = pick({0.0, 0.0, 2000.0, 20000.0});
            m_log << " setEpochsPerSecond(" << rate << ")";
            issue([&] { m_controller->setEpochsPerSecond(rate); });
            break;
        }
        }
    }

    void randomCommand()
    {
        // Weights: train 16, pause 8, stepEpoch 10, stepSample 14, reset 4, setProblem 4,
        // setLearningRate 8, resumeFrom 5, setEpochsPerSecond 2, let it run 5, process
        // events 8, a command from inside the next delivery 2.
        static constexpr int kWeights[] = {16, 8, 10, 14, 4, 4, 8, 5, 2, 5, 8, 2};
        int roll = uniform(0, 85);
        int which = 0;
        while (roll >= kWeights[which])
            roll -= kWeights[which++];
        if (which <= 8)
            return plainCommand(which);
        if (which == 9)
            return letItRun();
        if (which == 10) {
            m_log << " process";
            QCoreApplication::processEvents();
            return;
        }
        commandInsideDelivery();
    }

    /// Lets a running run deliver a few more epochs (or end by itself).
    void letItRun()
    {
        if (!m_controller->isRunning())
            return;
        const int more = uniform(1, 30);
        m_log << " run(" << more << ")";
        const std::int64_t target = m_epochsDelivered + more;
        if (!waitUntil([&] {
                return m_referee->failed() || !m_controller->isRunning() ||
                       m_epochsDelivered >= target;
            }))
            m_referee->fail("a running run delivered nothing and did not stop");
    }

    /// The most awkward moment for a command: from inside eventsReady, while the controller is
    /// in the middle of a delivery.
    void commandInsideDelivery()
    {
        if (!m_controller->isRunning())
            return;
        const int which = uniform(0, 8);
        m_log << " inside{";
        bool done = false;
        m_referee->onceAfterBatch = [&] {
            plainCommand(which);
            done = true;
        };
        const bool settled =
            waitUntil([&] { return done || m_referee->failed() || !m_controller->isRunning(); });
        m_referee->onceAfterBatch = {};
        if (!settled)
            m_referee->fail("a running run delivered nothing and did not stop");
        else if (!done)
            plainCommand(which);
        m_log << " }";
        ++m_totals.insideDelivery;
    }

    std::mt19937_64 m_random;
    Watchdog m_watchdog;
    std::unique_ptr<TrainingController> m_controller;
    std::unique_ptr<Referee> m_referee;
    bool m_hasProblem = false;
    std::int64_t m_epochsDelivered = 0;
    std::ostringstream m_log;
    Totals m_totals;
};

TEST(EngineStress, RandomCommandSequencesMatchASingleThreadedReplay)
{
    const int count = sequenceCount();
    const auto seed = std::uint64_t(envInt("PLAB_STRESS_SEED", 20'240'611));
    Driver driver(seed);
    for (int i = 0; i < count; ++i) {
        if (const std::optional<std::string> failure = driver.runSequence(i)) {
            FAIL() << "seed " << seed << ", " << *failure;
        }
    }
    const Totals& t = driver.totals();
    EXPECT_EQ(t.sequences, count);
    if (count >= 200) {
        // The mix must really exercise the awkward paths, not just name them.
        EXPECT_GT(t.destroyed, count / 20);
        EXPECT_GT(t.forks, count / 20);
        EXPECT_GT(t.insideDelivery, count / 50);
    }
    RecordProperty("sequences", t.sequences);
    RecordProperty("commands", t.commands);
    RecordProperty("destroyed", t.destroyed);
    RecordProperty("forks", t.forks);
    RecordProperty("insideDelivery", t.insideDelivery);
    RecordProperty("epochsDelivered", std::to_string(t.epochsDelivered));
    RecordProperty("longestTimeline", int(t.longestTimeline));
}

} // namespace
} // namespace plab::engine

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
