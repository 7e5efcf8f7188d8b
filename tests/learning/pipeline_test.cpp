// Trainer::runEpochs: the epochs of a network trained on one thread while the evaluation of the
// earlier ones runs on a second (pipeline.h) give, bit for bit, the snapshots and the state of
// one stepEpoch() after another, whatever ends the run (the limit, convergence, a cycle, a
// non-finite loss found only by the evaluation) and whatever happens between calls.

#include "learning/generators.h"
#include "learning/records.h"
#include "learning/trainer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace plab::learning;

Dataset blobs(int count, std::uint64_t seed = 5)
{
    GeneratorParams p;
    p.count = count;
    p.seed = seed;
    return generate(Generator::OverlappingBlobs, p);
}

/// Three classes: the overlapping blobs relabelled by quadrant (0, 1 or 2 of x1 > 0, x2 > 0).
Dataset threeClasses(int count)
{
    const Dataset two = blobs(count);
    std::vector<Sample> samples;
    for (std::size_t i = 0; i < two.size(); ++i) {
        const Eigen::Vector2d x = two.point(i);
        samples.push_back({x, int(x.x() > 0.0) + int(x.y() > 0.0)});
    }
    return Dataset(samples);
}

/// XOR's four corners repeated \p times, in file order.
Dataset repeatedXor(int times)
{
    const Dataset corners = generate(Generator::Xor, {});
    std::vector<Sample> samples;
    for (int r = 0; r < times; ++r)
        for (std::size_t i = 0; i < corners.size(); ++i)
            samples.push_back({corners.point(i), corners.label(i)});
    return Dataset(samples);
}

TrainingSettings network(std::vector<int> hidden, Activation activation, double learningRate,
                         int maxEpochs)
{
    TrainingSettings s;
    s.model = ModelKind::Network;
    s.hidden = std::move(hidden);
    s.activation = activation;
    s.learningRate = learningRate;
    s.maxEpochs = maxEpochs;
    s.init = InitKind::Random;
    s.seed = 7;
    return s;
}

bool twoCores()
{
    return std::thread::hardware_concurrency() >= 2;
}

/// The whole run by stepEpoch(), one epoch at a time.
std::vector<EpochSnapshot> sequentialRun(const Dataset& data, const TrainingSettings& s)
{
    Trainer trainer(data, s);
    std::vector<EpochSnapshot> out;
    while (!trainer.finished())
        out.push_back(trainer.stepEpoch());
    return out;
}

/// The whole run by runEpochs() in calls of at most \p chunk epochs.
std::vector<EpochSnapshot> pipelinedRun(const Dataset& data, const TrainingSettings& s,
                                        std::int64_t chunk, Trainer::PipelineCounts* counts)
{
    Trainer trainer(data, s);
    std::vector<EpochSnapshot> out;
    while (!trainer.finished()) {
        const std::size_t before = out.size();
        const std::int64_t n =
            trainer.runEpochs(chunk, {}, [&](EpochSnapshot&& e) { out.push_back(std::move(e)); });
        EXPECT_EQ(n, std::int64_t(out.size() - before));
        EXPECT_GE(n, 1);
        if (n < 1)
            break;
    }
    *counts = trainer.pipelineCounts();
    return out;
}

::testing::AssertionResult sameRuns(const std::vector<EpochSnapshot>& expected,
                                    const std::vector<EpochSnapshot>& actual)
{
    if (expected.size() != actual.size())
        return ::testing::AssertionFailure()
               << expected.size() << " epochs expected, " << actual.size() << " delivered";
    for (std::size_t i = 0; i < expected.size(); ++i)
        if (!identical(expected[i], actual[i]))
            return ::testing::AssertionFailure() << "epoch " << expected[i].epoch << " differs";
    return ::testing::AssertionSuccess();
}

/// Runs \p s both ways (in calls of 1, 7 and 1000 epochs) and compares every snapshot; returns
/// the sequential run. Expects the pipeline to have been used on a machine with two cores.
std::vector<EpochSnapshot> expectSameRun(const Dataset& data, const TrainingSettings& s,
                                         const std::string& what)
{
    const std::vector<EpochSnapshot> expected = sequentialRun(data, s);
    for (const std::int64_t chunk : {std::int64_t(1), std::int64_t(7), std::int64_t(1000)}) {
        Trainer::PipelineCounts counts;
        const std::vector<EpochSnapshot> actual = pipelinedRun(data, s, chunk, &counts);
        EXPECT_TRUE(sameRuns(expected, actual)) << what << ", calls of " << chunk;
        if (twoCores() && chunk > 1 && expected.size() > 2) {
            EXPECT_GT(counts.pipelined, 0) << what << ": the pipeline was not used";
        }
    }
    return expected;
}

TEST(Pipeline, EveryActivationBatchModeAndOrderGivesTheSequentialRecords)
{
    const Dataset data = blobs(100);
    for (const Activation a :
         {Activation::Tanh, Activation::Relu, Activation::Sigmoid, Activation::Identity})
        for (const int batch : {1, 16, kFullBatch})
            for (const SampleOrder order : {SampleOrder::File, SampleOrder::Shuffle}) {
                TrainingSettings s = network({8}, a, 0.1, 60);
                s.batchSize = batch;
                s.order = order;
                const std::string what = "activation " + std::to_string(int(a)) + ", batch " +
                                         std::to_string(batch) + ", order " +
                                         std::to_string(int(order));
                const std::vector<EpochSnapshot> run = expectSameRun(data, s, what);
                EXPECT_EQ(run.back().epoch, s.maxEpochs) << what;
            }
}

TEST(Pipeline, SeveralClassesAndLayersGiveTheSequentialRecords)
{
    TrainingSettings s = network({6, 5}, Activation::Tanh, 0.05, 80);
    s.classes = 3;
    s.order = SampleOrder::Shuffle;
    const std::vector<EpochSnapshot> run = expectSameRun(threeClasses(120), s, "three classes");
    EXPECT_EQ(run.back().status, TrainingStatus::EpochLimit);
    EXPECT_NE(run.back().classErrors[2], run.back().classErrors[0] + 1); // the figures are real
}

// An identity network with a large full-batch rate grows by orders of magnitude every epoch: its
// parameters stay finite while the scores overflow, so only the evaluation sees the end (a loss
// that is not finite), after the next epochs have been trained ahead. They are discarded.
TEST(Pipeline, ALossThatIsNotFiniteEndsTheRunWhereTheSequentialRunEnds)
{
    TrainingSettings s = network({8}, Activation::Identity, 1e3, 10'000);
    s.batchSize = kFullBatch;
    const Dataset data = blobs(100);
    const std::vector<EpochSnapshot> expected = expectSameRun(data, s, "diverging");
    const EpochSnapshot& last = expected.back();
    ASSERT_EQ(last.status, TrainingStatus::Diverged);
    EXPECT_FALSE(std::isfinite(last.loss));
    for (const double p : last.parameters)
        ASSERT_TRUE(std::isfinite(p)); // found by the evaluation, not by an update

    if (!twoCores())
        GTEST_SKIP() << "one core: runEpochs runs sequentially";
    Trainer::PipelineCounts counts;
    EXPECT_TRUE(sameRuns(expected, pipelinedRun(data, s, 1000, &counts)));
    // The discard happened, unless the machine was so busy that the trainer went back to
    // evaluating on its own thread first (runEpochs(): the same records either way).
    if (counts.stalls == 0) {
        EXPECT_GT(counts.discarded, 0);
    }

    // The trainer after the discard is the sequential one: same state, and a restore of an
    // earlier record runs on to the same end.
    Trainer trainer(data, s);
    (void)trainer.runEpochs(1000, {}, [](EpochSnapshot&&) {});
    EXPECT_TRUE(identical(trainer.state(), last.state));
    EXPECT_TRUE(trainer.finished());
    trainer.restore(expected[expected.size() / 2].state);
    std::vector<EpochSnapshot> rest;
    (void)trainer.runEpochs(1000, {}, [&](EpochSnapshot&& e) { rest.push_back(std::move(e)); });
    EXPECT_TRUE(
        sameRuns(std::vector<EpochSnapshot>(
                     expected.begin() + std::ptrdiff_t(expected.size() / 2 + 1), expected.end()),
                 rest));
}

// Long epochs keep only two in flight (so a preempting command waits for about one evaluation):
// the same records, the discard included.
TEST(Pipeline, LongEpochsGiveTheSequentialRecordsToo)
{
    const Dataset data = blobs(2100); // 2100 points x 33 parameters: two epochs in flight
    TrainingSettings shuffledRun = network({8}, Activation::Tanh, 0.1, 12);
    shuffledRun.order = SampleOrder::Shuffle;
    EXPECT_EQ(expectSameRun(data, shuffledRun, "long epochs").back().epoch, 12);

    TrainingSettings diverging = network({8}, Activation::Identity, 1e3, 10'000);
    diverging.batchSize = kFullBatch;
    const std::vector<EpochSnapshot> run = expectSameRun(data, diverging, "long, diverging");
    EXPECT_EQ(run.back().status, TrainingStatus::Diverged);
    EXPECT_FALSE(std::isfinite(run.back().loss));
    if (twoCores()) {
        Trainer::PipelineCounts counts;
        (void)pipelinedRun(data, diverging, 1000, &counts);
        if (counts.stalls == 0) {
            EXPECT_GT(counts.discarded, 0);
        }
    }
}

// A rate so large that an update itself would leave the finite range: the visits find it, the
// epoch is known to end the run before its evaluation, and nothing is trained ahead.
TEST(Pipeline, AnUpdateThatWouldDivergeEndsTheRunAsInSequence)
{
    TrainingSettings s = network({8}, Activation::Identity, 1e9, 10'000);
    const std::vector<EpochSnapshot> run = expectSameRun(blobs(100), s, "update diverges");
    EXPECT_EQ(run.back().status, TrainingStatus::Diverged);
}

TEST(Pipeline, ConvergenceByTheToleranceStopsWhereTheSequentialRunStops)
{
    TrainingSettings s = network({4}, Activation::Tanh, 0.5, 20'000);
    s.batchSize = kFullBatch;
    s.tolerance = 1e-4;
    const std::vector<EpochSnapshot> run = expectSameRun(blobs(150, 3), s, "converging");
    EXPECT_EQ(run.back().status, TrainingStatus::Converged);
    EXPECT_LT(run.back().epoch, s.maxEpochs);
}

TEST(Pipeline, ACycleInFileOrderIsFoundAtTheSameEpochWithTheSameSwing)
{
    TrainingSettings s = network({2}, Activation::Tanh, 0.5, 20'000);
    s.init = InitKind::Zeros;
    const std::vector<EpochSnapshot> run = expectSameRun(repeatedXor(100), s, "cycle");
    EXPECT_EQ(run.back().status, TrainingStatus::Cycle);
    EXPECT_GT(run.back().state.cyclePeriod, 0);
}

// Between calls the trainer is as sequential: a new limit, a new rate, a restore, single samples.
TEST(Pipeline, CommandsBetweenCallsActAsBetweenStepEpochs)
{
    const Dataset data = blobs(100);
    const TrainingSettings s = network({8}, Activation::Tanh, 0.1, 40);
    const auto script = [&](Trainer& t, const std::function<void(std::int64_t)>& run) {
        run(25); // stops at the limit (40) in the second call
        run(25);
        t.setMaxEpochs(70); // continues
        run(10);
        t.setLearningRate(0.3); // from the next visit
        run(5);
        (void)t.stepSample(); // mid-epoch: the next call ends this epoch first
        (void)t.stepSample();
        run(5);
        t.restore(t.state()); // restoring the same state changes nothing
        run(3);
        t.setMaxEpochs(60); // below the epochs run: stops at the next boundary
        run(100);
    };
    std::vector<EpochSnapshot> expected;
    Trainer seq(data, s);
    script(seq, [&](std::int64_t count) {
        for (std::int64_t i = 0; i < count && !seq.finished(); ++i)
            expected.push_back(seq.stepEpoch());
    });
    std::vector<EpochSnapshot> actual;
    Trainer pipe(data, s);
    script(pipe, [&](std::int64_t count) {
        (void)pipe.runEpochs(count, {}, [&](EpochSnapshot&& e) { actual.push_back(std::move(e)); });
    });
    EXPECT_TRUE(sameRuns(expected, actual));
    EXPECT_TRUE(identical(seq.state(), pipe.state()));
    EXPECT_EQ(expected.back().epoch, 63); // 40 by the limit, 63 when the limit fell to 60
}

// keepGoing is asked before each epoch starts: answering no after k epochs stops after k.
TEST(Pipeline, KeepGoingIsAskedBeforeEachEpoch)
{
    Trainer trainer(blobs(100), network({8}, Activation::Tanh, 0.1, 1000));
    int asked = 0;
    std::vector<EpochSnapshot> got;
    const std::int64_t n = trainer.runEpochs(
        100, [&] { return ++asked <= 13; },
        [&](EpochSnapshot&& e) { got.push_back(std::move(e)); });
    EXPECT_EQ(n, 13);
    EXPECT_EQ(asked, 14);
    ASSERT_EQ(got.size(), 13u);
    EXPECT_EQ(got.back().epoch, 13);
    EXPECT_EQ(trainer.state().epoch, 13);
    EXPECT_EQ(trainer.runEpochs(0, {}, [](EpochSnapshot&&) {}), 0);
}

// The linear models keep their own path: runEpochs is stepEpoch() one after another.
TEST(Pipeline, LinearRulesRunAsBefore)
{
    for (const Rule rule :
         {Rule::Perceptron, Rule::Pocket, Rule::Averaged, Rule::Adaline, Rule::Logistic}) {
        TrainingSettings s;
        s.rule = rule;
        s.learningRate = 0.1;
        s.maxEpochs = 50;
        s.order = SampleOrder::Shuffle;
        const Dataset data = blobs(200);
        Trainer::PipelineCounts counts;
        EXPECT_TRUE(sameRuns(sequentialRun(data, s), pipelinedRun(data, s, 7, &counts)))
            << int(rule);
    }
}

// A sink that throws leaves no evaluation running: the trainer can be destroyed at once.
TEST(Pipeline, AThrowingSinkDrainsThePipeline)
{
    Trainer trainer(blobs(100), network({8}, Activation::Tanh, 0.1, 1000));
    int seen = 0;
    EXPECT_THROW((void)trainer.runEpochs(100, {},
                                         [&](EpochSnapshot&&) {
                                             if (++seen == 3)
                                                 throw std::runtime_error("full");
                                         }),
                 std::runtime_error);
    EXPECT_EQ(seen, 3);
}

} // namespace
