// The threaded engine, driven through TrainingController on a real worker thread. Every test
// compares what arrives on the GUI thread with a single-threaded Trainer given the same inputs,
// so "no lost or reordered records" is checked bit for bit. Waiting is done with
// QSignalSpy::wait() and generous timeouts; nothing asserts on wall-clock time.

#include "engine/trainingcontroller.h"
#include "engine/trainingworker.h"
#include "learning/generators.h"
#include "learning/history.h"
#include "learning/trainer.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QPointer>
#include <QSignalSpy>
#include <QTimer>
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <chrono>
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

namespace plab::engine {
namespace {

using learning::Dataset;
using learning::EpochSnapshot;
using learning::StepRecord;
using learning::TrainingSettings;

/// Long enough for a ThreadSanitizer build on a busy two-core machine.
constexpr int kTimeoutMs = 120'000;

bool sameBits(double a, double b)
{
    return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

bool sameModel(const learning::LinearModel& a, const learning::LinearModel& b)
{
    return sameBits(a.w.x(), b.w.x()) && sameBits(a.w.y(), b.w.y()) && sameBits(a.b, b.b);
}

bool sameState(const learning::TrainerState& a, const learning::TrainerState& b)
{
    return learning::identical(a, b);
}

::testing::AssertionResult sameSnapshot(const EpochSnapshot& a, const EpochSnapshot& b)
{
    if (a.epoch != b.epoch)
        return ::testing::AssertionFailure() << "epoch " << a.epoch << " != " << b.epoch;
    if (!sameModel(a.model, b.model) || a.errors != b.errors || !sameBits(a.loss, b.loss) ||
        !sameBits(a.accuracy, b.accuracy) || a.updates != b.updates ||
        !sameBits(a.learningRate, b.learningRate) || a.status != b.status ||
        !sameState(a.state, b.state))
        return ::testing::AssertionFailure() << "snapshots of epoch " << a.epoch << " differ";
    return ::testing::AssertionSuccess();
}

::testing::AssertionResult sameStep(const StepRecord& a, const StepRecord& b)
{
    if (a.epoch != b.epoch || a.visit != b.visit)
        return ::testing::AssertionFailure()
               << "visit " << a.epoch << "/" << a.visit << " != " << b.epoch << "/" << b.visit;
    if (a.index != b.index || a.x != b.x || a.target != b.target || !sameBits(a.net, b.net) ||
        a.output != b.output || !sameBits(a.error, b.error) ||
        !sameBits(a.learningRate, b.learningRate) || a.updated != b.updated ||
        a.deltaW != b.deltaW || !sameBits(a.deltaB, b.deltaB) || !sameModel(a.before, b.before) ||
        !sameModel(a.after, b.after) || !sameState(a.state, b.state))
        return ::testing::AssertionFailure() << "steps " << a.epoch << "/" << a.visit << " differ";
    return ::testing::AssertionSuccess();
}

::testing::AssertionResult sameEvents(const TrainingEvents& actual, const TrainingEvents& expected)
{
    if (actual.size() != expected.size())
        return ::testing::AssertionFailure()
               << actual.size() << " events, expected " << expected.size();
    for (std::size_t i = 0; i < actual.size(); ++i) {
        if (actual[i].index() != expected[i].index())
            return ::testing::AssertionFailure() << "event " << i << " has the wrong kind";
        const auto result =
            std::holds_alternative<EpochSnapshot>(actual[i])
                ? sameSnapshot(std::get<EpochSnapshot>(actual[i]),
                               std::get<EpochSnapshot>(expected[i]))
                : sameStep(std::get<StepRecord>(actual[i]), std::get<StepRecord>(expected[i]));
        if (!result)
            return ::testing::AssertionFailure() << "event " << i << ": " << result.message();
    }
    return ::testing::AssertionSuccess();
}

TrainingEvents asEvents(const std::vector<EpochSnapshot>& snapshots)
{
    return {snapshots.begin(), snapshots.end()};
}

std::vector<EpochSnapshot> epochsOf(const TrainingEvents& events)
{
    std::vector<EpochSnapshot> out;
    for (const TrainingEvent& e : events)
        if (const auto* s = std::get_if<EpochSnapshot>(&e))
            out.push_back(*s);
    return out;
}

/// Runs \p trainer to the end without the initial snapshot.
TrainingEvents restOfRun(learning::Trainer& trainer)
{
    TrainingEvents out;
    while (!trainer.finished())
        out.emplace_back(trainer.stepEpoch());
    return out;
}

/// Everything the controller emitted, in order, collected on the GUI thread.
class Recorder
{
public:
    explicit Recorder(TrainingController& controller)
        : m_controller(controller), restartedSpy(&controller, &TrainingController::restarted),
          eventsSpy(&controller, &TrainingController::eventsReady),
          runningSpy(&controller, &TrainingController::runningChanged)
    {
        QObject::connect(&controller, &TrainingController::restarted, &controller,
                         [this](const EpochSnapshot& initial) {
                             initials.push_back(initial);
                             log.push_back("restarted");
                         });
        QObject::connect(&controller, &TrainingController::eventsReady, &controller,
                         [this](const TrainingEvents& batch) {
                             events.insert(events.end(), batch.begin(), batch.end());
                             batchSizes.push_back(batch.size());
                             log.push_back("events");
                             if (onBatch)
                                 onBatch(batch);
                         });
        QObject::connect(&controller, &TrainingController::runningChanged, &controller,
                         [this](bool running) { log.push_back(running ? "running" : "stopped"); });
    }

    /// Spins the event loop until \p done holds (false on timeout). Every delivery is a posted
    /// event, so waiting for the next event and re-checking misses nothing; the wake-up timer
    /// only bounds the wait when nothing arrives at all.
    bool waitUntil(const std::function<bool()>& done)
    {
        const QDeadlineTimer deadline(kTimeoutMs);
        QTimer wake;
        wake.start(100);
        while (!done()) {
            if (deadline.hasExpired())
                return false;
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        }
        return true;
    }
    bool waitForRestart(std::size_t count = 1)
    {
        return waitUntil([&] { return initials.size() >= count; });
    }
    bool waitForEpochs(std::size_t count)
    {
        return waitUntil([&] { return epochCount() >= count; });
    }
    bool waitForEvents(std::size_t count)
    {
        return waitUntil([&] { return events.size() >= count; });
    }
    bool waitForStop()
    {
        return waitUntil([&] { return !m_controller.isRunning(); });
    }
    [[nodiscard]] std::size_t epochCount() const
    {
        return std::size_t(std::count_if(events.begin(), events.end(), [](const auto& e) {
            return std::holds_alternative<EpochSnapshot>(e);
        }));
    }

    TrainingController& m_controller;
    QSignalSpy restartedSpy;
    QSignalSpy eventsSpy;
    QSignalSpy runningSpy;
    std::vector<EpochSnapshot> initials;
    TrainingEvents events;
    std::vector<std::size_t> batchSizes;
    std::vector<std::string> log;
    std::function<void(const TrainingEvents&)> onBatch;
};

/// Pauses a run and waits until everything it produced has arrived: the sample step queued
/// behind the pause is the last record, and nothing follows it because the run is paused.
/// Returns the number of epochs the run completed.
int pauseAndFence(TrainingController& controller, Recorder& rec)
{
    controller.pause();
    EXPECT_FALSE(controller.isRunning());
    controller.stepSample();
    const bool fenced = rec.waitUntil([&] {
        return !rec.events.empty() && std::holds_alternative<StepRecord>(rec.events.back());
    });
    EXPECT_TRUE(fenced);
    return fenced ? std::get<StepRecord>(rec.events.back()).epoch - 1 : -1;
}

Dataset overlapping(int count, std::uint64_t seed = 3)
{
    learning::GeneratorParams p;
    p.count = count;
    p.seed = seed;
    return learning::generate(learning::Generator::OverlappingBlobs, p);
}

TrainingSettings shuffled(int maxEpochs, learning::Rule rule = learning::Rule::Perceptron)
{
    TrainingSettings s;
    s.rule = rule;
    s.maxEpochs = maxEpochs;
    s.order = learning::SampleOrder::Shuffle;
    s.seed = 11;
    return s;
}

// --- No lost or reordered epochs: a whole run equals trainToEnd() ------------------------------

struct RunCase
{
    std::string name;
    learning::Generator generator;
    int count;
    TrainingSettings settings;
    learning::TrainingStatus finalStatus;
};

// Keeps CTest's test names readable (GoogleTest would print the bytes of the struct).
void PrintTo(const RunCase& c, std::ostream* os)
{
    *os << c.name;
}

class WholeRun : public ::testing::TestWithParam<RunCase>
{};

TEST_P(WholeRun, EqualsTheSingleThreadedTrainerBitForBit)
{
    const RunCase& c = GetParam();
    learning::GeneratorParams params;
    params.count = c.count;
    params.seed = 5;
    const Dataset data = learning::generate(c.generator, params);
    learning::Trainer reference(data, c.settings);
    const std::vector<EpochSnapshot> expected = learning::trainToEnd(reference);
    ASSERT_EQ(expected.back().status, c.finalStatus);

    TrainingController controller;
    Recorder rec(controller);
    controller.setProblem(data, c.settings);
    controller.train();
    ASSERT_TRUE(rec.waitForStop());

    ASSERT_EQ(rec.initials.size(), 1u);
    TrainingEvents actual{rec.initials.front()};
    actual.insert(actual.end(), rec.events.begin(), rec.events.end());
    EXPECT_TRUE(sameEvents(actual, asEvents(expected)));
    EXPECT_EQ(rec.log.front(), "running");
    EXPECT_EQ(rec.log.back(), "stopped");
    EXPECT_EQ(rec.runningSpy.count(), 2);
}

TrainingSettings withRule(TrainingSettings s, learning::Rule rule, double learningRate)
{
    s.rule = rule;
    s.learningRate = learningRate;
    return s;
}

TrainingSettings fileOrder(int maxEpochs)
{
    TrainingSettings s;
    s.maxEpochs = maxEpochs;
    return s;
}

// A 2-8-1 network: the worker evaluates its epochs on a second thread (Trainer::runEpochs).
TrainingSettings network(learning::Activation activation, double learningRate, int batchSize,
                         int maxEpochs)
{
    TrainingSettings s = shuffled(maxEpochs);
    s.model = learning::ModelKind::Network;
    s.hidden = {8};
    s.activation = activation;
    s.learningRate = learningRate;
    s.batchSize = batchSize;
    s.init = learning::InitKind::Random;
    return s;
}

INSTANTIATE_TEST_SUITE_P(
    Runs, WholeRun,
    ::testing::Values(
        RunCase{"AndConverges", learning::Generator::And, 4, fileOrder(100),
                learning::TrainingStatus::Converged},
        RunCase{"BlobsShuffledConverge", learning::Generator::Blobs, 200, shuffled(1000),
                learning::TrainingStatus::Converged},
        RunCase{"OverlappingPocketHitsTheLimit", learning::Generator::OverlappingBlobs, 100,
                shuffled(3000, learning::Rule::Pocket), learning::TrainingStatus::EpochLimit},
        RunCase{"AveragedHitsTheLimit", learning::Generator::Xor, 4,
                shuffled(500, learning::Rule::Averaged), learning::TrainingStatus::EpochLimit},
        RunCase{"AdalineDiverges", learning::Generator::Blobs, 50,
                withRule(shuffled(2000), learning::Rule::Adaline, 50.0),
                learning::TrainingStatus::Diverged},
        RunCase{"NetworkHitsTheLimit", learning::Generator::OverlappingBlobs, 100,
                network(learning::Activation::Tanh, 0.1, 1, 3000),
                learning::TrainingStatus::EpochLimit},
        // The scores overflow while the parameters are still finite: only the evaluation sees
        // it, after the worker has trained the next epochs ahead.
        RunCase{"NetworkLossOverflows", learning::Generator::OverlappingBlobs, 100,
                network(learning::Activation::Identity, 1e3, learning::kFullBatch, 10'000),
                learning::TrainingStatus::Diverged}),
    [](const ::testing::TestParamInfo<RunCase>& info) { return info.param.name; });

// --- Coalescing --------------------------------------------------------------------------------

TEST(TrainingController, DeliversManyEpochsInFewOrderedBatches)
{
    constexpr int kEpochs = 20'000;
    TrainingController controller;
    Recorder rec(controller);
    controller.setProblem(overlapping(100), shuffled(kEpochs));
    controller.train();
    ASSERT_TRUE(rec.waitForStop());

    const std::vector<EpochSnapshot> epochs = epochsOf(rec.events);
    ASSERT_EQ(epochs.size(), std::size_t(kEpochs));
    for (int i = 0; i < kEpochs; ++i)
        ASSERT_EQ(epochs[std::size_t(i)].epoch, i + 1);
    // At about 10^5 epochs a second and at most about 60 deliveries a second, 20000 epochs
    // arrive in a handful of batches; one batch per 100 epochs would already be a flood.
    EXPECT_LE(rec.batchSizes.size() * 100, std::size_t(kEpochs));
    for (std::size_t size : rec.batchSizes)
        EXPECT_GT(size, 0u);
    EXPECT_EQ(epochs.back().status, learning::TrainingStatus::EpochLimit);
}

TEST(TrainingController, ASlowGuiThreadHoldsTheRunBackInsteadOfPilingUpRecords)
{
    // XOR never converges and an epoch of it takes well under a microsecond: a GUI thread that
    // spends 80 ms on each delivery would otherwise get about 10^5 records at once (about 400
    // bytes each), however many it had not taken yet.
    constexpr int kEpochs = 100'000;
    learning::GeneratorParams p;
    p.count = 4;
    const Dataset xorData = learning::generate(learning::Generator::Xor, p);
    TrainingController controller;
    std::size_t largest = 0;
    int next = 1;
    bool ordered = true;
    QObject::connect(&controller, &TrainingController::eventsReady, &controller,
                     [&](const TrainingEvents& batch) {
                         largest = std::max(largest, batch.size());
                         for (const TrainingEvent& event : batch) {
                             const auto* snapshot = std::get_if<EpochSnapshot>(&event);
                             ordered = ordered && snapshot && snapshot->epoch == next;
                             ++next;
                         }
                         std::this_thread::sleep_for(std::chrono::milliseconds(80));
                     });
    TrainingSettings settings;
    settings.maxEpochs = kEpochs;
    controller.setProblem(xorData, settings);
    controller.train();
    const QDeadlineTimer deadline(kTimeoutMs);
    while (controller.isRunning() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
    ASSERT_FALSE(controller.isRunning());
    EXPECT_TRUE(ordered);
    EXPECT_EQ(next - 1, kEpochs);
    // A slice ends at kMaxBacklog records, and none starts while the mailbox holds that many.
    EXPECT_LE(largest, 2 * TrainingWorker::kMaxBacklog);
}

// --- Pause, step, resume -----------------------------------------------------------------------

TEST(TrainingController, PauseStepThenResumeContinuesExactly)
{
    const Dataset data = overlapping(100);
    const TrainingSettings settings = shuffled(1'000'000);
    TrainingController controller;
    Recorder rec(controller);
    controller.setProblem(data, settings);
    controller.train();
    ASSERT_TRUE(rec.waitForEpochs(1));
    // The sample step is the first visit after the last epoch the paused run completed; the
    // epoch step after it closes that same epoch.
    const int pausedAt = pauseAndFence(controller, rec);
    ASSERT_GE(pausedAt, 1);
    ASSERT_EQ(rec.events.size(), std::size_t(pausedAt) + 1);
    controller.stepEpoch();
    ASSERT_TRUE(rec.waitForEvents(std::size_t(pausedAt) + 2));

    // Resume with a nearby limit so the run ends by itself.
    const int limit = pausedAt + 1 + 300;
    controller.setMaxEpochs(limit);
    controller.train();
    ASSERT_TRUE(rec.waitForStop());

    learning::Trainer reference(data, settings);
    TrainingEvents expected;
    for (int e = 0; e < pausedAt; ++e)
        expected.emplace_back(reference.stepEpoch());
    expected.emplace_back(reference.stepSample().step);
    expected.emplace_back(reference.stepEpoch());
    reference.setMaxEpochs(limit);
    const TrainingEvents rest = restOfRun(reference);
    expected.insert(expected.end(), rest.begin(), rest.end());
    EXPECT_TRUE(sameEvents(rec.events, expected));
    EXPECT_EQ(std::get<EpochSnapshot>(rec.events.back()).epoch, limit);
}

TEST(TrainingController, EachStepYieldsExactlyItsRecords)
{
    // Six overlapping points never converge, so every step has something to do.
    const Dataset data = overlapping(6, 9);
    const TrainingSettings settings = shuffled(100);
    TrainingController controller;
    Recorder rec(controller);
    controller.setProblem(data, settings);
    ASSERT_TRUE(rec.waitForRestart());

    learning::Trainer reference(data, settings);
    TrainingEvents expected;
    // s = sample, e = epoch. Five visits cross an epoch boundary; the epoch step in the middle
    // of an epoch finishes it.
    for (char command : std::string("sseessssssse")) {
        const std::size_t before = rec.events.size();
        std::size_t produced = 1;
        if (command == 's') {
            controller.stepSample();
            learning::SampleStep step = reference.stepSample();
            expected.emplace_back(step.step);
            if (step.epochEnd) {
                expected.emplace_back(*step.epochEnd);
                produced = 2;
            }
        } else {
            controller.stepEpoch();
            expected.emplace_back(reference.stepEpoch());
        }
        ASSERT_TRUE(rec.waitForEvents(before + produced));
        ASSERT_EQ(rec.events.size(), before + produced);
    }
    EXPECT_TRUE(sameEvents(rec.events, expected));
    EXPECT_FALSE(controller.isRunning());
    EXPECT_EQ(rec.runningSpy.count(), 0);
}

// --- Reset and new problems --------------------------------------------------------------------

TEST(TrainingController, ResetDuringAFastRunDeliversNothingStale)
{
    const Dataset data = overlapping(100);
    const TrainingSettings settings = shuffled(1'000'000);
    TrainingController controller;
    Recorder rec(controller);
    controller.setProblem(data, settings);
    controller.train();
    ASSERT_TRUE(rec.waitForEpochs(1));

    // Reset from inside a delivery, the most awkward moment: the rest of that delivery and
    // everything the worker produced before the reset must vanish.
    std::size_t logMark = 0;
    std::size_t eventMark = 0;
    bool resetDone = false;
    rec.onBatch = [&](const TrainingEvents&) {
        if (resetDone)
            return;
        resetDone = true;
        controller.reset();
        logMark = rec.log.size();
        eventMark = rec.events.size();
    };
    ASSERT_TRUE(rec.waitForRestart(2));
    EXPECT_EQ(rec.events.size(), eventMark);
    ASSERT_GE(rec.log.size(), logMark + 1);
    EXPECT_EQ(rec.log[logMark], "restarted");
    EXPECT_FALSE(controller.isRunning());

    learning::Trainer reference(data, settings);
    EXPECT_TRUE(sameSnapshot(rec.initials.back(), reference.initialSnapshot()));
    controller.train();
    ASSERT_TRUE(rec.waitForEpochs(rec.epochCount() + 1));
    const int completed = pauseAndFence(controller, rec);
    ASSERT_GE(completed, 1);
    const TrainingEvents fresh(rec.events.begin() + std::ptrdiff_t(eventMark), rec.events.end());
    TrainingEvents expected;
    for (int e = 0; e < completed; ++e)
        expected.emplace_back(reference.stepEpoch());
    expected.emplace_back(reference.stepSample().step);
    EXPECT_TRUE(sameEvents(fresh, expected));
}

TEST(TrainingController, NewProblemReplacesTheRunningOne)
{
    TrainingController controller;
    Recorder rec(controller);
    controller.setProblem(overlapping(100), shuffled(1'000'000));
    controller.train();
    ASSERT_TRUE(rec.waitForEpochs(1));

    const Dataset small = overlapping(6, 9);
    const TrainingSettings settings = fileOrder(7);
    controller.setProblem(small, settings);
    EXPECT_FALSE(controller.isRunning());
    const std::size_t mark = rec.events.size();
    controller.train();
    ASSERT_TRUE(rec.waitForStop());
    ASSERT_EQ(rec.initials.size(), 2u);

    learning::Trainer reference(small, settings);
    EXPECT_TRUE(sameSnapshot(rec.initials.back(), reference.initialSnapshot()));
    const TrainingEvents fresh(rec.events.begin() + std::ptrdiff_t(mark), rec.events.end());
    EXPECT_TRUE(sameEvents(fresh, restOfRun(reference)));
}

// --- Mid-run changes ---------------------------------------------------------------------------

TEST(TrainingController, LearningRateChangesMidRunWithoutAReset)
{
    const Dataset data = overlapping(100);
    TrainingSettings settings = shuffled(1'000'000);
    settings.learningRate = 1.0;
    TrainingController controller;
    Recorder rec(controller);
    controller.setProblem(data, settings);
    controller.train();
    ASSERT_TRUE(rec.waitForEpochs(1));
    controller.setLearningRate(0.25);
    ASSERT_TRUE(rec.waitUntil([&] {
        return !rec.events.empty() &&
               std::get<EpochSnapshot>(rec.events.back()).learningRate == 0.25;
    }));
    const int completed = pauseAndFence(controller, rec);
    ASSERT_GE(completed, 2);

    EXPECT_EQ(rec.initials.size(), 1u);
    const std::vector<EpochSnapshot> epochs = epochsOf(rec.events);
    const auto firstChanged = std::find_if(epochs.begin(), epochs.end(),
                                           [](const auto& s) { return s.learningRate == 0.25; });
    ASSERT_NE(firstChanged, epochs.begin());
    ASSERT_NE(firstChanged, epochs.end());
    const int changedAt = firstChanged->epoch;

    // The same run single-threaded: the weights carry over, only the rate changes.
    learning::Trainer reference(data, settings);
    TrainingEvents expected;
    for (int e = 1; e <= completed; ++e) {
        if (e == changedAt)
            reference.setLearningRate(0.25);
        expected.emplace_back(reference.stepEpoch());
    }
    expected.emplace_back(reference.stepSample().step);
    EXPECT_TRUE(sameEvents(rec.events, expected));
}

TEST(TrainingController, PacedRunDeliversTheSameRecords)
{
    const Dataset data = overlapping(20);
    const TrainingSettings settings = shuffled(40);
    TrainingController controller;
    Recorder rec(controller);
    controller.setEpochsPerSecond(2000.0);
    controller.setProblem(data, settings);
    controller.train();
    ASSERT_TRUE(rec.waitForStop());
    learning::Trainer reference(data, settings);
    EXPECT_TRUE(sameEvents(rec.events, restOfRun(reference)));
}

// --- Forking from the timeline -----------------------------------------------------------------

TEST(TrainingController, ResumeFromARecordedStateReproducesTheContinuation)
{
    const Dataset data = overlapping(50);
    const TrainingSettings settings = shuffled(400);
    learning::Trainer reference(data, settings);
    const std::vector<EpochSnapshot> expected = learning::trainToEnd(reference);

    TrainingController controller;
    Recorder rec(controller);
    learning::History history;
    QObject::connect(&controller, &TrainingController::restarted, &controller,
                     [&](const EpochSnapshot& initial) {
                         history.restart(
                             initial, std::make_shared<const learning::Replayer>(data, settings));
                     });
    QObject::connect(&controller, &TrainingController::eventsReady, &controller,
                     [&](const TrainingEvents& events) { history.append(events); });
    controller.setProblem(data, settings);
    controller.train();
    ASSERT_TRUE(rec.waitForStop());
    ASSERT_EQ(history.size(), expected.size());

    // Fork at epoch 150: drop the rest of the timeline and train again from there.
    const std::size_t fork = *history.positionOfEpoch(150);
    history.truncateAfter(fork);
    controller.resumeFrom(history.stateAt(fork));
    controller.train();
    ASSERT_TRUE(rec.waitUntil([&] { return history.size() == expected.size(); }));
    ASSERT_TRUE(rec.waitForStop());
    ASSERT_EQ(history.epochs().size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
        ASSERT_TRUE(sameSnapshot(history.snapshotOf(int(i)), expected[i]));

    // Fork in the middle of an epoch: three visits into epoch 101, then train to the end.
    learning::Trainer stepper(data, settings);
    for (int e = 0; e < 100; ++e)
        static_cast<void>(stepper.stepEpoch());
    std::vector<StepRecord> steps;
    for (int i = 0; i < 3; ++i)
        steps.push_back(stepper.stepSample().step);

    const std::size_t fork100 = *history.positionOfEpoch(100);
    history.truncateAfter(fork100);
    controller.resumeFrom(history.stateAt(fork100));
    for (int i = 0; i < 3; ++i)
        controller.stepSample();
    ASSERT_TRUE(rec.waitUntil([&] { return history.size() == fork100 + 4; }));
    // Fork again, from the second of those visits.
    history.truncateAfter(fork100 + 2);
    controller.resumeFrom(history.stateAt(fork100 + 2));
    controller.stepSample();
    controller.train();
    ASSERT_TRUE(rec.waitUntil([&] { return history.epochs().size() == expected.size(); }));
    ASSERT_TRUE(rec.waitForStop());

    ASSERT_EQ(history.size(), expected.size() + 3);
    for (std::size_t k = 0; k < 3; ++k) {
        ASSERT_TRUE(history.isStep(fork100 + 1 + k));
        EXPECT_TRUE(sameStep(*history.stepAt(fork100 + 1 + k), steps[k]));
    }
    for (std::size_t i = 0; i < expected.size(); ++i)
        ASSERT_TRUE(sameSnapshot(history.snapshotOf(int(i)), expected[i]));
}

TEST(TrainingController, CarriesCountsPastThirtyTwoBitsAcrossThreads)
{
    // A state restored just below 2^31 updates goes to the worker and comes back in the
    // snapshots with every count intact (the metatypes copy 64 bits).
    const Dataset data = overlapping(20);
    const TrainingSettings settings = shuffled(50);
    learning::Trainer reference(data, settings);
    static_cast<void>(reference.stepEpoch());
    learning::TrainerState state = reference.state();
    state.totalUpdates = std::int64_t{std::numeric_limits<std::int32_t>::max()} - 1;
    reference.restore(state);
    std::vector<EpochSnapshot> expected;
    for (int i = 0; i < 3; ++i)
        expected.push_back(reference.stepEpoch());
    ASSERT_GT(expected.back().state.totalUpdates,
              std::int64_t{std::numeric_limits<std::int32_t>::max()});

    TrainingController controller;
    Recorder rec(controller);
    controller.setProblem(data, settings);
    ASSERT_TRUE(rec.waitForRestart());
    controller.resumeFrom(state);
    for (int i = 0; i < 3; ++i)
        controller.stepEpoch();
    ASSERT_TRUE(rec.waitForEpochs(3));
    const std::vector<EpochSnapshot> got = epochsOf(rec.events);
    ASSERT_EQ(got.size(), 3u);
    for (std::size_t i = 0; i < 3; ++i)
        EXPECT_TRUE(sameSnapshot(got[i], expected[i]));
}

// --- Shutdown ----------------------------------------------------------------------------------

/// 10^6 points cycling through the XOR corners: never separable, so training never stops, and
/// one epoch takes milliseconds.
Dataset millionXorPoints()
{
    Dataset d;
    d.reserve(1'000'000);
    for (int i = 0; i < 1'000'000; ++i) {
        const int a = i & 1;
        const int b = (i >> 1) & 1;
        d.add(Eigen::Vector2d(a, b), a ^ b);
    }
    return d;
}

TEST(TrainingController, DestroyedWhileTrainingAMillionPointsAtFullSpeed)
{
    auto controller = std::make_unique<TrainingController>();
    QPointer<TrainingController> watch(controller.get());
    Recorder rec(*controller);
    controller->setProblem(millionXorPoints(), shuffled(1'000'000));
    controller->train();
    ASSERT_TRUE(rec.waitForEpochs(2));
    EXPECT_TRUE(controller->isRunning());
    const int deliveries = rec.eventsSpy.count();
    controller.reset(); // joins the worker thread; returns within one epoch
    EXPECT_TRUE(watch.isNull());
    QCoreApplication::processEvents();
    EXPECT_EQ(rec.eventsSpy.count(), deliveries);
}

TEST(TrainingController, DestroyedAtAwkwardMoments)
{
    const Dataset data = millionXorPoints();
    // Right after construction, while the worker builds its trainer, right after train().
    for (int moment = 0; moment < 3; ++moment) {
        auto controller = std::make_unique<TrainingController>();
        if (moment >= 1)
            controller->setProblem(data, shuffled(1'000'000));
        if (moment >= 2)
            controller->train();
        controller.reset();
    }
    // While pausing and resetting with commands still queued.
    auto controller = std::make_unique<TrainingController>();
    controller->setProblem(data, shuffled(1'000'000));
    controller->train();
    controller->pause();
    controller->stepSample();
    controller->reset();
    controller->train();
    controller.reset();
    SUCCEED();
}

} // namespace
} // namespace plab::engine

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
