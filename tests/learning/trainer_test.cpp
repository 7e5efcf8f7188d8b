// The Trainer against hand-computed traces, and its contracts: conventions, determinism,
// restoring, stop rules, divergence. Traces were worked out by hand (the perceptron) or with a
// few lines of Python (Adaline, logistic) and are written out here as literals.
#include "learning/generators.h"
#include "learning/metrics.h"
#include "learning/rules.h"
#include "learning/trainer.h"
#include "testsupport.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

namespace plab::learning {
namespace {

using test::nearlyEqual;

Dataset gate(Generator g)
{
    return generate(g, {});
}

TrainingSettings settingsFor(Rule rule, double learningRate = 1.0)
{
    TrainingSettings s;
    s.rule = rule;
    s.learningRate = learningRate;
    return s;
}

/// settingsFor() with the zero-errors stop rule: the hand traces below were worked out with it;
/// the default, Rosenblatt's rule, adds the confirming pass (status_test, "StopRules").
TrainingSettings zeroErrorsFor(Rule rule, double learningRate = 1.0)
{
    TrainingSettings s = settingsFor(rule, learningRate);
    s.perceptronStop = PerceptronStop::ZeroErrors;
    return s;
}

std::vector<StepRecord> stepSamples(Trainer& trainer, int count)
{
    std::vector<StepRecord> out;
    for (int i = 0; i < count && !trainer.finished(); ++i)
        out.push_back(trainer.stepSample().step);
    return out;
}

bool sameBits(double a, double b)
{
    return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

bool sameBits(const LinearModel& a, const LinearModel& b)
{
    return sameBits(a.w.x(), b.w.x()) && sameBits(a.w.y(), b.w.y()) && sameBits(a.b, b.b);
}

/// The classic model's (w1, w2, b) from a flat parameter vector.
LinearModel classic(const SmallVector& p)
{
    return LinearModel{{p[0], p[1]}, p[2]};
}

bool isFinite(const SmallVector& p)
{
    return std::all_of(p.begin(), p.end(), [](double v) { return std::isfinite(v); });
}

/// Bit-for-bit equality of two visits (operator== treats 0.0 and -0.0 alike).
void expectSameStep(const StepRecord& a, const StepRecord& b)
{
    EXPECT_EQ(a, b);
    EXPECT_TRUE(sameBits(a.net, b.net));
    EXPECT_TRUE(sameBits(a.error, b.error));
    EXPECT_TRUE(sameBits(a.before, b.before));
    EXPECT_TRUE(sameBits(a.after, b.after));
    EXPECT_TRUE(identical(a.state.working, b.state.working));
    EXPECT_TRUE(identical(a, b));
}

// --- The perceptron on AND, by hand -----------------------------------------------------------

struct Visit
{
    double net;
    int output;
    double error;     // t - y
    double w1, w2, b; // after the visit
};

void expectTrace(Trainer& trainer, const std::vector<Visit>& expected)
{
    const Dataset& data = trainer.data();
    for (std::size_t k = 0; k < expected.size(); ++k) {
        SCOPED_TRACE(k);
        const TrainerState at = trainer.state();
        const LinearModel before = classic(at.working);
        const StepRecord r = trainer.stepSample().step;
        const Visit& v = expected[k];
        const auto i = std::size_t(at.position); // file order
        EXPECT_EQ(r.epoch, at.epoch + 1);
        EXPECT_EQ(r.visit, at.position);
        EXPECT_EQ(r.index, i);
        EXPECT_EQ(r.x, data.point(i));
        EXPECT_EQ(r.target, data.label(i));
        EXPECT_EQ(r.net, v.net);
        EXPECT_EQ(r.output, v.output);
        EXPECT_EQ(r.error, v.error);
        EXPECT_EQ(r.updated, v.error != 0.0);
        EXPECT_EQ(r.before, before);
        EXPECT_EQ(r.after, (LinearModel{{v.w1, v.w2}, v.b}));
        EXPECT_EQ(r.deltaW, r.after.w - r.before.w);
        EXPECT_EQ(r.deltaB, r.after.b - r.before.b);
        EXPECT_EQ(classic(r.state.working), r.after);
    }
}

TEST(PerceptronTrace, AndFromZerosPositiveConvention)
{
    // net = w.x + b with the weights before the visit; y = 1 if net >= 0; on an error
    // w += (t - y) x, b += (t - y) (learning rate 1).
    Trainer trainer(gate(Generator::And), zeroErrorsFor(Rule::Perceptron));
    const EpochSnapshot e0 = trainer.initialSnapshot();
    EXPECT_EQ(e0.epoch, 0);
    EXPECT_EQ(e0.errors, 3); // every net is 0, so every point is called 1
    EXPECT_EQ(e0.accuracy, 0.25);
    EXPECT_EQ(e0.loss, 0.0);

    expectTrace(trainer, {
                             // epoch 1
                             {0, 1, -1, 0, 0, -1},
                             {-1, 0, 0, 0, 0, -1},
                             {-1, 0, 0, 0, 0, -1},
                             {-1, 0, 1, 1, 1, 0},
                             // epoch 2
                             {0, 1, -1, 1, 1, -1},
                             {0, 1, -1, 1, 0, -2},
                             {-1, 0, 0, 1, 0, -2},
                             {-1, 0, 1, 2, 1, -1},
                             // epoch 3
                             {-1, 0, 0, 2, 1, -1},
                             {0, 1, -1, 2, 0, -2},
                             {0, 1, -1, 1, 0, -3},
                             {-2, 0, 1, 2, 1, -2},
                             // epoch 4
                             {-2, 0, 0, 2, 1, -2},
                             {-1, 0, 0, 2, 1, -2},
                             {0, 1, -1, 1, 1, -3},
                             {-1, 0, 1, 2, 2, -2},
                         });
    // Epoch 5 closes with zero errors: w = (2, 1), b = -3, and (1, 1) sits exactly on the line.
    expectTrace(trainer, {{-2, 0, 0, 2, 2, -2}, {0, 1, -1, 2, 1, -3}, {-1, 0, 0, 2, 1, -3}});
    const SampleStep last = trainer.stepSample();
    EXPECT_EQ(last.step.net, 0.0);
    EXPECT_EQ(last.step.output, 1);
    EXPECT_FALSE(last.step.updated);
    ASSERT_TRUE(last.epochEnd.has_value());
    EXPECT_EQ(last.epochEnd->epoch, 5);
    EXPECT_EQ(last.epochEnd->status, TrainingStatus::Converged);
    EXPECT_EQ(last.epochEnd->model, (LinearModel{{2, 1}, -3}));
    EXPECT_EQ(last.epochEnd->errors, 0);
    EXPECT_EQ(last.epochEnd->updates, 1);
    EXPECT_EQ(last.epochEnd->accuracy, 1.0);
    EXPECT_EQ(last.step.state, last.epochEnd->state);
    EXPECT_EQ(trainer.state().totalUpdates, 2 + 3 + 3 + 2 + 1);
    EXPECT_TRUE(trainer.finished());
    EXPECT_THROW(trainer.stepSample(), std::logic_error);
}

TEST(PerceptronTrace, EpochSnapshotsOnAnd)
{
    // Errors and the mean perceptron criterion (1/N) sum max(0, -t± net) of each epoch's
    // weights, worked out from the trace above.
    Trainer trainer(gate(Generator::And), zeroErrorsFor(Rule::Perceptron));
    const std::vector<EpochSnapshot> run = trainToEnd(trainer);
    ASSERT_EQ(run.size(), 6U);
    const int errors[] = {3, 3, 2, 1, 2, 0};
    const double loss[] = {0.0, 0.5, 0.25, 0.0, 0.0, 0.0};
    const int updates[] = {0, 2, 3, 3, 2, 1};
    for (int e = 0; e <= 5; ++e) {
        SCOPED_TRACE(e);
        EXPECT_EQ(run[std::size_t(e)].epoch, e);
        EXPECT_EQ(run[std::size_t(e)].errors, errors[e]);
        EXPECT_EQ(run[std::size_t(e)].loss, loss[e]);
        EXPECT_EQ(run[std::size_t(e)].updates, updates[e]);
        EXPECT_EQ(run[std::size_t(e)].learningRate, 1.0);
        EXPECT_EQ(run[std::size_t(e)].status,
                  e == 5 ? TrainingStatus::Converged : TrainingStatus::Running);
    }
    EXPECT_EQ(run[1].model, (LinearModel{{1, 1}, 0}));
    EXPECT_EQ(run[2].model, (LinearModel{{2, 1}, -1}));
    EXPECT_EQ(run[3].model, (LinearModel{{2, 1}, -2}));
    EXPECT_EQ(run[4].model, (LinearModel{{2, 2}, -2}));
}

TEST(PerceptronTrace, NegativeConvention)
{
    // net == 0 predicts class 0: the first three visits of epoch 1 are correct.
    TrainingSettings s = zeroErrorsFor(Rule::Perceptron);
    s.zero = ZeroConvention::Negative;
    Trainer trainer(gate(Generator::And), s);
    expectTrace(trainer, {
                             {0, 0, 0, 0, 0, 0},
                             {0, 0, 0, 0, 0, 0},
                             {0, 0, 0, 0, 0, 0},
                             {0, 0, 1, 1, 1, 1},
                             {1, 1, -1, 1, 1, 0},
                             {1, 1, -1, 1, 0, -1},
                             {0, 0, 0, 1, 0, -1},
                             {0, 0, 1, 2, 1, 0},
                         });
    const std::vector<EpochSnapshot> run = trainToEnd(trainer);
    ASSERT_FALSE(run.empty());
    EXPECT_EQ(run.back().epoch, 5);
    EXPECT_EQ(run.back().status, TrainingStatus::Converged);
    EXPECT_EQ(run.back().model, (LinearModel{{2, 1}, -2}));
}

TEST(PerceptronTrace, MistakeConvention)
{
    // A point with net == 0 is always an error and reported as the wrong class: at epoch 5 the
    // point (1, 1) with net 0 is output 0 and updated, where the positive convention stopped.
    TrainingSettings s = zeroErrorsFor(Rule::Perceptron);
    s.zero = ZeroConvention::Mistake;
    Trainer trainer(gate(Generator::And), s);
    const std::vector<StepRecord> first = stepSamples(trainer, 4);
    EXPECT_EQ(first[0].net, 0.0);
    EXPECT_EQ(first[0].output, 1); // target 0, reported as 1
    std::vector<EpochSnapshot> run{trainer.stepEpoch(), trainer.stepEpoch(), trainer.stepEpoch()};
    EXPECT_EQ(run.back().epoch, 4);
    EXPECT_EQ(run.back().model, (LinearModel{{2, 2}, -2}));
    std::vector<StepRecord> epoch5;
    const EpochSnapshot e5 = trainer.stepEpoch([&](const StepRecord& r) { epoch5.push_back(r); });
    ASSERT_EQ(epoch5.size(), 4U);
    EXPECT_EQ(epoch5[3].net, 0.0);
    EXPECT_EQ(epoch5[3].output, 0); // target 1, reported as 0
    EXPECT_TRUE(epoch5[3].updated);
    EXPECT_EQ(e5.model, (LinearModel{{3, 2}, -2}));
    EXPECT_EQ(e5.errors, 2);
    EXPECT_EQ(e5.loss, 0.25);
    const std::vector<EpochSnapshot> rest = trainToEnd(trainer);
    ASSERT_EQ(rest.size(), 3U);
    EXPECT_EQ(rest.back().epoch, 8);
    EXPECT_EQ(rest.back().status, TrainingStatus::Converged);
    EXPECT_EQ(rest.back().model, (LinearModel{{3, 2}, -4}));
    EXPECT_EQ(countErrors(trainer.data(), rest.back().model, ZeroConvention::Mistake), 0U);
}

TEST(PerceptronTrace, BiasOffKeepsBExactlyZero)
{
    // AND without a bias cannot be learned: (0, 0) of class 0 has net 0 for every w.
    TrainingSettings s = zeroErrorsFor(Rule::Perceptron);
    s.useBias = false;
    s.maxEpochs = 3;
    s.init = InitKind::Given;
    s.initial = LinearModel{{0, 0}, 5.0}; // b is ignored without a bias
    EXPECT_EQ(parameterCount(s), 2);
    Trainer trainer(gate(Generator::And), s);
    EXPECT_EQ(trainer.initialSnapshot().model.b, 0.0);
    expectTrace(
        trainer,
        {{0, 1, -1, 0, 0, 0}, {0, 1, -1, 0, -1, 0}, {0, 1, -1, -1, -1, 0}, {-2, 0, 1, 0, 0, 0}});
    std::vector<StepRecord> steps;
    while (!trainer.finished())
        trainer.stepEpoch([&](const StepRecord& r) { steps.push_back(r); });
    EXPECT_EQ(trainer.status(), TrainingStatus::EpochLimit);
    EXPECT_EQ(trainer.state().epoch, 3);
    for (const StepRecord& r : steps) {
        EXPECT_TRUE(sameBits(r.after.b, 0.0));
        EXPECT_EQ(r.deltaB, 0.0);
    }
}

TEST(PerceptronTrace, BiasOffConvergesThroughTheOrigin)
{
    GeneratorParams p;
    p.target = LinearModel{{1.0, -2.0}, 0.0};
    p.targetMargin = 0.2;
    const Dataset data = generate(Generator::TargetLine, p);
    ASSERT_TRUE(linearlySeparable(data, false));
    TrainingSettings s = zeroErrorsFor(Rule::Perceptron);
    s.useBias = false;
    s.maxEpochs = 1000;
    Trainer trainer(data, s);
    const std::vector<EpochSnapshot> run = trainToEnd(trainer);
    EXPECT_EQ(run.back().status, TrainingStatus::Converged);
    EXPECT_TRUE(sameBits(run.back().model.b, 0.0));
    EXPECT_EQ(countErrors(data, run.back().model, s.zero), 0U);
}

TEST(PerceptronTrace, LearningRateChangeTakesEffectAtTheNextVisit)
{
    Trainer trainer(gate(Generator::And), zeroErrorsFor(Rule::Perceptron));
    (void)trainer.stepEpoch(); // w = (1, 1), b = 0
    trainer.setLearningRate(0.5);
    const StepRecord r = trainer.stepSample().step; // (0, 0): net 0, error -1
    EXPECT_EQ(r.learningRate, 0.5);
    EXPECT_EQ(r.after, (LinearModel{{1, 1}, -0.5}));
    EXPECT_THROW(trainer.setLearningRate(0.0), std::invalid_argument);
    EXPECT_THROW(trainer.setLearningRate(std::nan("")), std::invalid_argument);
    EXPECT_EQ(trainer.settings().learningRate, 0.5);
}

// --- Gradient rules, traces from Python ---------------------------------------------------------

struct GradientVisit
{
    double net;
    double error;
    double w1, w2, b;
};

void expectGradientTrace(Trainer& trainer, const std::vector<GradientVisit>& expected)
{
    for (std::size_t k = 0; k < expected.size(); ++k) {
        SCOPED_TRACE(k);
        const StepRecord r = trainer.stepSample().step;
        EXPECT_TRUE(nearlyEqual(r.net, expected[k].net));
        EXPECT_TRUE(nearlyEqual(r.error, expected[k].error));
        EXPECT_TRUE(nearlyEqual(r.after.w.x(), expected[k].w1));
        EXPECT_TRUE(nearlyEqual(r.after.w.y(), expected[k].w2));
        EXPECT_TRUE(nearlyEqual(r.after.b, expected[k].b));
        EXPECT_TRUE(r.updated);
    }
}

TEST(AdalineTrace, OnlineOnAndTwoEpochs)
{
    // e = t± - net, w += 0.1 e x, b += 0.1 e; J = (1/8) sum (t± - net)^2 after each epoch.
    Trainer trainer(gate(Generator::And), settingsFor(Rule::Adaline, 0.1));
    EXPECT_EQ(trainer.initialSnapshot().loss, 0.5); // (1/8) * 4 * 1^2
    expectGradientTrace(trainer, {
                                     {0.0, -1.0, 0.0, 0.0, -0.1},
                                     {-0.1, -0.9, 0.0, -0.09, -0.19},
                                     {-0.19, -0.81, -0.081, -0.09, -0.271},
                                     {-0.442, 1.442, 0.0632, 0.0542, -0.1268},
                                 });
    EXPECT_EQ(trainer.state().epoch, 1); // the fourth visit closed epoch 1
}

TEST(AdalineTrace, OnlineEpochLossesAndSecondEpoch)
{
    Trainer trainer(gate(Generator::And), settingsFor(Rule::Adaline, 0.1));
    const EpochSnapshot e1 = trainer.stepEpoch();
    EXPECT_TRUE(nearlyEqual(e1.loss, 0.43978529));
    EXPECT_EQ(e1.errors, 1); // (1, 1) has net -0.0094 < 0
    EXPECT_EQ(e1.updates, 4);
    expectGradientTrace(trainer, {
                                     {-0.1268, -0.8732, 0.0632, 0.0542, -0.21412},
                                     {-0.15992, -0.84008, 0.0632, -0.029808, -0.298128},
                                     {-0.234928, -0.765072, -0.0133072, -0.029808, -0.3746352},
                                     {-0.41775040, 1.4177504, 0.12846784, 0.11196704, -0.23286016},
                                 });
    EXPECT_TRUE(nearlyEqual(trainer.model().b, -0.23286016));
    EXPECT_EQ(trainer.state().epoch, 2);
}

TEST(AdalineTrace, BatchEpochAppliesTheMeanGradientOnce)
{
    // From zeros every net is 0, so e = t± = (-1, -1, -1, 1): sum e x = (0, 0), sum e = -2, and
    // the epoch's step is w += 0.1 * (0, 0) / 4, b += 0.1 * (-2) / 4 = -0.05.
    TrainingSettings s = settingsFor(Rule::Adaline, 0.1);
    s.gradientMode = GradientMode::Batch;
    Trainer trainer(gate(Generator::And), s);
    std::vector<StepRecord> steps;
    const EpochSnapshot e1 = trainer.stepEpoch([&](const StepRecord& r) { steps.push_back(r); });
    ASSERT_EQ(steps.size(), 4U);
    const double shareB[] = {-0.025, -0.025, -0.025, 0.025};
    for (std::size_t k = 0; k < 4; ++k) {
        EXPECT_FALSE(steps[k].updated);
        EXPECT_EQ(steps[k].before, steps[k].after);
        EXPECT_EQ(steps[k].net, 0.0);
        EXPECT_TRUE(nearlyEqual(steps[k].deltaB, shareB[k]));
    }
    EXPECT_EQ(e1.updates, 1);
    EXPECT_EQ(e1.model.w, Eigen::Vector2d(0, 0));
    EXPECT_TRUE(nearlyEqual(e1.model.b, -0.05));
    // J = (1/8) (3 * 0.95^2 + 1.05^2)
    EXPECT_TRUE(nearlyEqual(e1.loss, (3 * 0.95 * 0.95 + 1.05 * 1.05) / 8));
    EXPECT_EQ(steps[3].state, e1.state);
}

TEST(AdalineTrace, BatchConvergesToTheLeastSquaresLine)
{
    // The least-squares fit of t± to AND solves the normal equations: w = (1, 1), b = -1.5,
    // residuals (0.5, -0.5, -0.5, 0.5), so J = 4 * 0.25 / 8 = 0.125.
    TrainingSettings s = settingsFor(Rule::Adaline, 0.5);
    s.gradientMode = GradientMode::Batch;
    s.tolerance = 1e-15;
    s.maxEpochs = 100000;
    Trainer trainer(gate(Generator::And), s);
    const std::vector<EpochSnapshot> run = trainToEnd(trainer);
    const EpochSnapshot& last = run.back();
    ASSERT_EQ(last.status, TrainingStatus::Converged);
    // Converged: the last batch step was within the tolerance relative to the weights (up to the
    // rounding of the differences taken here, a few ulps of 1.5), the one before was not.
    const auto step = [&run](std::size_t e) {
        double m = 0.0;
        for (std::size_t j = 0; j < 3; ++j)
            m = std::max(m, std::abs(run[e].parameters[j] - run[e - 1].parameters[j]));
        return m;
    };
    EXPECT_LE(step(run.size() - 1), 1e-15 * 1.5 + 1e-15);
    EXPECT_GT(step(run.size() - 2), 1e-15 * 1.5);
    EXPECT_TRUE(nearlyEqual(last.model.w.x(), 1.0, 1e-6));
    EXPECT_TRUE(nearlyEqual(last.model.w.y(), 1.0, 1e-6));
    EXPECT_TRUE(nearlyEqual(last.model.b, -1.5, 1e-6));
    EXPECT_TRUE(nearlyEqual(last.loss, 0.125, 1e-9));
    EXPECT_EQ(last.errors, 0);
}

TEST(LogisticTrace, OnlineOnAndOneEpoch)
{
    // p = sigmoid(net), e = t - p, w += 0.5 e x, b += 0.5 e.
    Trainer trainer(gate(Generator::And), settingsFor(Rule::Logistic, 0.5));
    EXPECT_TRUE(nearlyEqual(trainer.initialSnapshot().loss, std::log(2.0)));
    expectGradientTrace(
        trainer, {
                     {0.0, -0.5, 0.0, 0.0, -0.25},
                     {-0.25, -0.4378234991142019, 0.0, -0.21891174955710094, -0.4689117495571009},
                     {-0.4689117495571009, -0.3848738502151823, -0.19243692510759114,
                      -0.21891174955710094, -0.661348674664692},
                     {-1.072697349329384, 0.7451095385644024, 0.18011784417461008,
                      0.15364301972510028, -0.28879390538249083},
                 });
    EXPECT_EQ(trainer.state().epoch, 1);
    const EpochSnapshot e2 = trainer.stepEpoch();
    EXPECT_EQ(e2.epoch, 2);
}

TEST(LogisticTrace, EpochLossIsTheMeanCrossEntropy)
{
    Trainer trainer(gate(Generator::And), settingsFor(Rule::Logistic, 0.5));
    const EpochSnapshot e1 = trainer.stepEpoch();
    EXPECT_TRUE(nearlyEqual(e1.loss, 0.6245484575236854));
    EXPECT_EQ(e1.errors, 0); // (1, 1): net = 0.18012 + 0.15364 - 0.28879 > 0, the rest < 0
}

TEST(LogisticTrace, BatchEpoch)
{
    // From zeros p = 1/2 everywhere: e = (-0.5, -0.5, -0.5, 0.5), sum e x = (0, 0), sum e = -1,
    // so b = 0.5 * (-1) / 4 = -0.125.
    TrainingSettings s = settingsFor(Rule::Logistic, 0.5);
    s.gradientMode = GradientMode::Batch;
    Trainer trainer(gate(Generator::And), s);
    const EpochSnapshot e1 = trainer.stepEpoch();
    EXPECT_EQ(e1.model.w, Eigen::Vector2d(0, 0));
    EXPECT_EQ(e1.model.b, -0.125);
    EXPECT_TRUE(
        nearlyEqual(e1.loss, (3 * std::log1p(std::exp(-0.125)) + std::log1p(std::exp(0.125))) / 4));
}

TEST(LogisticTrace, StableForHugeNetInputs)
{
    EXPECT_EQ(sigmoid(-1000.0), 0.0);
    EXPECT_EQ(sigmoid(1000.0), 1.0);
    EXPECT_TRUE(nearlyEqual(softplus(-1000.0), 0.0));
    EXPECT_TRUE(nearlyEqual(softplus(1000.0), 1000.0));
    EXPECT_TRUE(nearlyEqual(softplus(1e-20), std::log(2.0)));
}

// --- Stop rules and convergence -----------------------------------------------------------------

struct GateCase
{
    Generator gate;
    Rule rule;
    ZeroConvention zero;
    SampleOrder order;
};

class ConvergesOnGates : public ::testing::TestWithParam<GateCase>
{};

TEST_P(ConvergesOnGates, ZeroErrors)
{
    const GateCase c = GetParam();
    TrainingSettings s = settingsFor(c.rule);
    s.zero = c.zero;
    s.order = c.order;
    s.seed = 11;
    s.maxEpochs = 10000;
    Trainer trainer(gate(c.gate), s);
    const std::vector<EpochSnapshot> run = trainToEnd(trainer);
    EXPECT_EQ(run.back().status, TrainingStatus::Converged);
    EXPECT_EQ(run.back().errors, 0);
    EXPECT_EQ(countErrors(trainer.data(), run.back().model, c.zero), 0U);
    EXPECT_EQ(trainer.model(), run.back().model);
    // Only the last epoch meets the stop rule.
    for (std::size_t e = 0; e + 1 < run.size(); ++e)
        EXPECT_EQ(run[e].status, TrainingStatus::Running);
}

std::vector<GateCase> gateCases()
{
    std::vector<GateCase> out;
    for (Generator g : {Generator::And, Generator::Or, Generator::Nand}) {
        for (Rule r : {Rule::Perceptron, Rule::Pocket, Rule::Averaged}) {
            for (ZeroConvention z :
                 {ZeroConvention::Positive, ZeroConvention::Negative, ZeroConvention::Mistake}) {
                // The averaged model only approaches the final working weights; when those have
                // a corner exactly on the line (Positive / Negative), it may stay on the wrong
                // side of that corner forever (see rules.h).
                if (r == Rule::Averaged && z != ZeroConvention::Mistake)
                    continue;
                for (SampleOrder o : {SampleOrder::File, SampleOrder::Shuffle})
                    out.push_back({g, r, z, o});
            }
        }
    }
    return out;
}

INSTANTIATE_TEST_SUITE_P(Gates, ConvergesOnGates, ::testing::ValuesIn(gateCases()),
                         [](const auto& info) {
                             const GateCase& c = info.param;
                             std::string n =
                                 std::string(name(c.gate)) + "_" + std::string(name(c.rule)) + "_" +
                                 std::string(name(c.zero)) + "_" + std::string(name(c.order));
                             return n;
                         });

class ConvergesOnSeparableSets : public ::testing::TestWithParam<std::tuple<Rule, int>>
{};

TEST_P(ConvergesOnSeparableSets, BlobsAndTargetLine)
{
    const auto [rule, seed] = GetParam();
    GeneratorParams p;
    p.seed = std::uint64_t(seed);
    p.targetMargin = 0.3;
    for (Generator g : {Generator::Blobs, Generator::TargetLine}) {
        SCOPED_TRACE(name(g));
        const Dataset data = generate(g, p);
        ASSERT_TRUE(linearlySeparable(data, true));
        TrainingSettings s = settingsFor(rule);
        s.order = SampleOrder::Shuffle;
        s.seed = std::uint64_t(seed);
        s.maxEpochs = 5000;
        Trainer trainer(data, s);
        const std::vector<EpochSnapshot> run = trainToEnd(trainer);
        EXPECT_EQ(run.back().status, TrainingStatus::Converged);
        EXPECT_EQ(countErrors(data, run.back().model, s.zero), 0U);
    }
}

INSTANTIATE_TEST_SUITE_P(Rules, ConvergesOnSeparableSets,
                         ::testing::Combine(::testing::Values(Rule::Perceptron, Rule::Pocket,
                                                              Rule::Averaged),
                                            ::testing::Values(1, 2, 3)));

TEST(StopRule, MistakesStayWithinTheNovikoffBound)
{
    // From zero weights the perceptron makes at most (R / gamma)^2 mistakes for *any* unit
    // vector separating with margin gamma (in the augmented space): here the teacher's line.
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
        for (ZeroConvention zero :
             {ZeroConvention::Positive, ZeroConvention::Negative, ZeroConvention::Mistake}) {
            GeneratorParams p;
            p.seed = seed;
            p.targetMargin = 0.5;
            const Dataset data = generate(Generator::TargetLine, p);
            const ConvergenceReadout bound = convergenceReadout(data, p.target, true);
            ASSERT_TRUE(bound.mistakeBound.has_value());
            TrainingSettings s = settingsFor(Rule::Perceptron, 0.37); // any rate: same count
            s.zero = zero;
            s.order = SampleOrder::Shuffle;
            s.seed = seed;
            s.maxEpochs = 100000;
            Trainer trainer(data, s);
            const std::vector<EpochSnapshot> run = trainToEnd(trainer);
            ASSERT_EQ(run.back().status, TrainingStatus::Converged);
            EXPECT_LE(double(trainer.state().totalUpdates), *bound.mistakeBound);
            EXPECT_GT(trainer.state().totalUpdates, 0);
            const ConvergenceReadout own = convergenceReadout(data, run.back().model, true);
            ASSERT_TRUE(own.mistakeBound.has_value());
            EXPECT_LE(double(trainer.state().totalUpdates), *own.mistakeBound);
        }
    }
}

TEST(StopRule, PerceptronOnXorStopsAtTheEpochLimit)
{
    TrainingSettings s = settingsFor(Rule::Perceptron);
    s.maxEpochs = 50;
    Trainer trainer(gate(Generator::Xor), s);
    const std::vector<EpochSnapshot> run = trainToEnd(trainer);
    ASSERT_EQ(run.size(), 51U);
    EXPECT_EQ(run.back().status, TrainingStatus::EpochLimit);
    for (const EpochSnapshot& e : run)
        EXPECT_GE(e.errors, 1);
    EXPECT_THROW((void)trainer.stepEpoch(), std::logic_error);
}

TEST(StopRule, RaisingTheLimitResumesAndLoweringItStops)
{
    TrainingSettings s = settingsFor(Rule::Perceptron);
    s.maxEpochs = 3;
    Trainer trainer(gate(Generator::Xor), s);
    (void)trainToEnd(trainer);
    EXPECT_EQ(trainer.status(), TrainingStatus::EpochLimit);
    trainer.setMaxEpochs(5);
    EXPECT_EQ(trainer.status(), TrainingStatus::Running);
    EXPECT_EQ(trainer.stepEpoch().epoch, 4);
    EXPECT_EQ(trainer.stepEpoch().status, TrainingStatus::EpochLimit);
    trainer.setMaxEpochs(10);
    (void)trainer.stepSample();
    trainer.setMaxEpochs(6); // mid-epoch: the epoch in progress still closes
    EXPECT_EQ(trainer.status(), TrainingStatus::Running);
    EXPECT_EQ(trainer.stepEpoch().status, TrainingStatus::EpochLimit);
    EXPECT_THROW(trainer.setMaxEpochs(0), std::invalid_argument);
}

TEST(StopRule, PocketKeepsTheBestWeightsOnXor)
{
    TrainingSettings s = settingsFor(Rule::Pocket);
    s.maxEpochs = 40;
    s.order = SampleOrder::Shuffle;
    Trainer trainer(gate(Generator::Xor), s);
    const std::vector<EpochSnapshot> run = trainToEnd(trainer);
    EXPECT_EQ(run.back().status, TrainingStatus::EpochLimit);
    EXPECT_EQ(run.back().errors, 1); // the best any line can do on XOR: 3 of 4
    EXPECT_EQ(run.back().accuracy, 0.75);
    EXPECT_EQ(countErrors(trainer.data(), run.back().model, s.zero), 1U);
    for (std::size_t e = 1; e < run.size(); ++e)
        EXPECT_LE(run[e].errors, run[e - 1].errors);
}

TEST(StopRule, PocketIsNeverWorseThanTheWorkingWeightsAtAnEpochEnd)
{
    GeneratorParams p;
    p.seed = 4;
    p.count = 200;
    const Dataset data = generate(Generator::OverlappingBlobs, p);
    TrainingSettings s = settingsFor(Rule::Pocket);
    s.maxEpochs = 30;
    s.order = SampleOrder::Shuffle;
    Trainer trainer(data, s);
    const std::vector<EpochSnapshot> run = trainToEnd(trainer);
    for (std::size_t e = 1; e < run.size(); ++e) {
        SCOPED_TRACE(e);
        EXPECT_LE(run[e].errors, run[e - 1].errors);
        EXPECT_LE(std::size_t(run[e].errors),
                  countErrors(data, classic(run[e].state.working), s.zero));
        EXPECT_EQ(std::size_t(run[e].errors), countErrors(data, run[e].model, s.zero));
        EXPECT_EQ(run[e].state.pocketCorrect, std::int64_t(data.size()) - run[e].errors);
    }
}

TEST(StopRule, AveragedModelIsTheMeanOfAllVisitedWeights)
{
    // Daume's bookkeeping gives w - u / c = the mean of the initial weights and the weights after
    // each visit so far.
    TrainingSettings s = settingsFor(Rule::Averaged, 0.5);
    s.init = InitKind::Given;
    s.initial = LinearModel{{0.25, -1.0}, 0.5};
    s.order = SampleOrder::Shuffle;
    GeneratorParams p;
    p.count = 30;
    Trainer trainer(generate(Generator::OverlappingBlobs, p), s);
    Eigen::Vector2d sumW = s.initial.w;
    double sumB = s.initial.b;
    int states = 1;
    for (int k = 0; k < 75; ++k) {
        const StepRecord r = trainer.stepSample().step;
        sumW += r.after.w;
        sumB += r.after.b;
        ++states;
    }
    const LinearModel avg = trainer.model();
    EXPECT_TRUE(nearlyEqual(avg.w.x(), sumW.x() / states));
    EXPECT_TRUE(nearlyEqual(avg.w.y(), sumW.y() / states));
    EXPECT_TRUE(nearlyEqual(avg.b, sumB / states));
}

// --- Divergence ---------------------------------------------------------------------------------

TEST(Divergence, AdalineWithAHugeRateStopsWithFiniteWeights)
{
    for (GradientMode mode : {GradientMode::Online, GradientMode::Batch}) {
        TrainingSettings s = settingsFor(Rule::Adaline, 1e6);
        s.gradientMode = mode;
        s.maxEpochs = 10000;
        Trainer trainer(gate(Generator::And), s);
        std::vector<StepRecord> steps;
        std::vector<EpochSnapshot> run{trainer.initialSnapshot()};
        while (!trainer.finished())
            run.push_back(trainer.stepEpoch([&](const StepRecord& r) { steps.push_back(r); }));
        EXPECT_EQ(run.back().status, TrainingStatus::Diverged);
        EXPECT_EQ(trainer.status(), TrainingStatus::Diverged);
        EXPECT_LT(run.size(), 1000U);
        for (const EpochSnapshot& e : run) {
            EXPECT_TRUE(e.model.isFinite());
            EXPECT_TRUE(isFinite(e.state.working));
        }
        for (const StepRecord& r : steps) {
            EXPECT_TRUE(r.before.isFinite());
            EXPECT_TRUE(r.after.isFinite());
            EXPECT_TRUE(isFinite(r.state.working));
        }
        EXPECT_TRUE(trainer.model().isFinite());
        EXPECT_THROW((void)trainer.stepEpoch(), std::logic_error);
    }
}

TEST(Divergence, FastPathStopsAtTheSameVisitAsTheRecordedPath)
{
    // stepEpoch() without a callback runs unchecked and replays an epoch checked only when it
    // ended non-finite; the result must match the always-checked recorded path exactly.
    for (GradientMode mode : {GradientMode::Online, GradientMode::Batch}) {
        TrainingSettings s = settingsFor(Rule::Adaline, 1e6);
        s.gradientMode = mode;
        Trainer fast(gate(Generator::And), s);
        Trainer recorded(gate(Generator::And), s);
        while (!fast.finished()) {
            ASSERT_FALSE(recorded.finished());
            EXPECT_EQ(fast.stepEpoch(), recorded.stepEpoch([](const StepRecord&) {}));
        }
        EXPECT_TRUE(recorded.finished());
        EXPECT_EQ(fast.status(), TrainingStatus::Diverged);
    }
}

TEST(Divergence, StepSampleClosesTheEpochEarly)
{
    Trainer trainer(gate(Generator::And), settingsFor(Rule::Adaline, 1e6));
    std::optional<SampleStep> last;
    int visits = 0;
    while (!trainer.finished()) {
        last = trainer.stepSample();
        ++visits;
        EXPECT_TRUE(last->step.after.isFinite());
    }
    ASSERT_TRUE(last->epochEnd.has_value());
    EXPECT_EQ(last->epochEnd->status, TrainingStatus::Diverged);
    EXPECT_TRUE(last->epochEnd->model.isFinite());
    EXPECT_EQ(last->step.state, last->epochEnd->state);
    EXPECT_EQ(last->epochEnd->state.position, 0);
    EXPECT_EQ(last->epochEnd->epoch, (visits + 3) / 4);
}

// --- Determinism and restoring ------------------------------------------------------------------

Dataset noisy(int count = 60)
{
    GeneratorParams p;
    p.seed = 9;
    p.count = count;
    return generate(Generator::OverlappingBlobs, p);
}

TEST(Determinism, SameSeedSameRecordsBitForBit)
{
    for (Rule rule :
         {Rule::Perceptron, Rule::Pocket, Rule::Averaged, Rule::Adaline, Rule::Logistic}) {
        SCOPED_TRACE(name(rule));
        TrainingSettings s = settingsFor(rule, 0.05);
        s.order = SampleOrder::Shuffle;
        s.init = InitKind::Random;
        s.seed = 1234;
        s.maxEpochs = 8;
        std::vector<StepRecord> a;
        std::vector<StepRecord> b;
        Trainer ta(noisy(), s);
        Trainer tb(noisy(), s);
        while (!ta.finished())
            (void)ta.stepEpoch([&](const StepRecord& r) { a.push_back(r); });
        while (!tb.finished())
            b.push_back(tb.stepSample().step);
        ASSERT_EQ(a.size(), b.size());
        for (std::size_t k = 0; k < a.size(); ++k)
            expectSameStep(a[k], b[k]);
    }
}

TEST(Determinism, ShuffleIsAPermutationPerEpochAndDependsOnTheSeed)
{
    TrainingSettings s = settingsFor(Rule::Perceptron);
    s.order = SampleOrder::Shuffle;
    s.maxEpochs = 3;
    const auto orders = [&](std::uint64_t seed) {
        s.seed = seed;
        Trainer t(noisy(), s);
        std::vector<std::vector<std::size_t>> out(3);
        while (!t.finished()) {
            (void)t.stepEpoch(
                [&](const StepRecord& r) { out[std::size_t(r.epoch - 1)].push_back(r.index); });
        }
        return out;
    };
    const auto a = orders(1);
    const auto b = orders(2);
    for (const auto& epoch : a) {
        std::vector<std::size_t> sorted = epoch;
        std::sort(sorted.begin(), sorted.end());
        for (std::size_t i = 0; i < sorted.size(); ++i)
            EXPECT_EQ(sorted[i], i);
    }
    EXPECT_NE(a[0], a[1]);
    EXPECT_NE(a[0], b[0]);
    EXPECT_EQ(a, orders(1));
}

TEST(Determinism, RandomInitIsSeededAndWithinScale)
{
    TrainingSettings s = settingsFor(Rule::Perceptron);
    s.init = InitKind::Random;
    s.randomScale = 0.5;
    s.seed = 3;
    const LinearModel a = Trainer(noisy(), s).initialSnapshot().model;
    const LinearModel b = Trainer(noisy(), s).initialSnapshot().model;
    EXPECT_EQ(a, b);
    for (double v : {a.w.x(), a.w.y(), a.b})
        EXPECT_LE(std::abs(v), 0.5);
    s.seed = 4;
    EXPECT_NE(Trainer(noisy(), s).initialSnapshot().model, a);
    s.seed = 3;
    s.useBias = false;
    const LinearModel noBias = Trainer(noisy(), s).initialSnapshot().model;
    EXPECT_EQ(noBias.w, a.w);
    EXPECT_EQ(noBias.b, 0.0);
}

TEST(Determinism, StepEpochFinishesAPartlyVisitedEpoch)
{
    TrainingSettings s = settingsFor(Rule::Perceptron);
    s.order = SampleOrder::Shuffle;
    Trainer a(noisy(), s);
    Trainer b(noisy(), s);
    const EpochSnapshot whole = a.stepEpoch();
    (void)stepSamples(b, 7);
    EXPECT_EQ(b.state().position, 7);
    EXPECT_EQ(b.stepEpoch(), whole);
}

TEST(Determinism, FastAndRecordedPathsAgreeForEveryConvention)
{
    for (Rule rule :
         {Rule::Perceptron, Rule::Pocket, Rule::Averaged, Rule::Adaline, Rule::Logistic}) {
        for (ZeroConvention zero :
             {ZeroConvention::Positive, ZeroConvention::Negative, ZeroConvention::Mistake}) {
            for (bool bias : {true, false}) {
                SCOPED_TRACE(std::string(name(rule)) + " " + std::string(name(zero)) +
                             (bias ? " bias" : " no bias"));
                TrainingSettings s = settingsFor(rule, 0.05);
                s.zero = zero;
                s.useBias = bias;
                s.maxEpochs = 5;
                Trainer fast(noisy(), s);
                Trainer recorded(noisy(), s);
                while (!fast.finished()) {
                    std::optional<EpochSnapshot> end;
                    while (!end)
                        end = recorded.stepSample().epochEnd;
                    const EpochSnapshot e = fast.stepEpoch();
                    EXPECT_EQ(e, *end);
                    EXPECT_TRUE(sameBits(e.model, end->model));
                    EXPECT_TRUE(sameBits(e.loss, end->loss));
                }
            }
        }
    }
}

class RestoreReproduces : public ::testing::TestWithParam<std::tuple<Rule, GradientMode>>
{};

TEST_P(RestoreReproduces, FromMidEpochAndEpochStates)
{
    const auto [rule, mode] = GetParam();
    TrainingSettings s = settingsFor(rule, 0.1);
    s.gradientMode = mode;
    s.order = SampleOrder::Shuffle;
    s.init = InitKind::Random;
    s.seed = 77;
    s.maxEpochs = 6;
    const Dataset data = noisy(40);

    Trainer original(data, s);
    std::vector<StepRecord> steps;
    std::vector<EpochSnapshot> epochs;
    while (!original.finished()) {
        const SampleStep st = original.stepSample();
        steps.push_back(st.step);
        if (st.epochEnd)
            epochs.push_back(*st.epochEnd);
    }
    ASSERT_EQ(steps.size(), 6U * 40U);

    for (std::size_t from : {std::size_t(0), std::size_t(57), std::size_t(119), std::size_t(203)}) {
        SCOPED_TRACE(from);
        Trainer resumed(data, s);
        resumed.restore(steps[from].state);
        for (std::size_t k = from + 1; k < steps.size(); ++k) {
            ASSERT_FALSE(resumed.finished());
            expectSameStep(resumed.stepSample().step, steps[k]);
        }
        EXPECT_EQ(resumed.status(), original.status());
    }

    // From an epoch boundary, stepEpoch gives the same snapshots; restoring into the original
    // trainer itself (going back) works as well.
    original.restore(epochs[1].state);
    EXPECT_EQ(original.status(), TrainingStatus::Running);
    for (std::size_t e = 2; e < epochs.size(); ++e)
        EXPECT_EQ(original.stepEpoch(), epochs[e]);
}

INSTANTIATE_TEST_SUITE_P(Rules, RestoreReproduces,
                         ::testing::Values(std::tuple{Rule::Perceptron, GradientMode::Online},
                                           std::tuple{Rule::Pocket, GradientMode::Online},
                                           std::tuple{Rule::Averaged, GradientMode::Online},
                                           std::tuple{Rule::Adaline, GradientMode::Online},
                                           std::tuple{Rule::Adaline, GradientMode::Batch},
                                           std::tuple{Rule::Logistic, GradientMode::Batch}));

TEST(Restore, FinishedStatesStayFinishedAndBadStatesAreRejected)
{
    Trainer trainer(gate(Generator::And), settingsFor(Rule::Perceptron));
    const std::vector<EpochSnapshot> run = trainToEnd(trainer);
    Trainer other(gate(Generator::And), settingsFor(Rule::Perceptron));
    other.restore(run.back().state);
    EXPECT_EQ(other.status(), TrainingStatus::Converged);
    other.restore(run[2].state);
    EXPECT_EQ(other.status(), TrainingStatus::Running);
    EXPECT_EQ(trainToEnd(other).back(), run.back());

    TrainerState bad = run[2].state;
    bad.position = 4; // N = 4: positions are 0..3
    EXPECT_THROW(other.restore(bad), std::invalid_argument);
    bad = run[2].state;
    bad.working[0] = std::numeric_limits<double>::infinity();
    EXPECT_THROW(other.restore(bad), std::invalid_argument);
}

// --- Counters past 32 bits ---------------------------------------------------------------------

/// A run restored just below 2^31 total updates: no need for 2^31 real updates to cross it.
TEST(Counters, TotalUpdatesGoPastThirtyTwoBits)
{
    constexpr std::int64_t kNearLimit = std::numeric_limits<std::int32_t>::max() - 2;
    for (const auto& [rule, mode] : {std::tuple{Rule::Perceptron, GradientMode::Online},
                                     std::tuple{Rule::Adaline, GradientMode::Online},
                                     std::tuple{Rule::Adaline, GradientMode::Batch}}) {
        SCOPED_TRACE(std::string(name(rule)) + "/" + std::string(name(mode)));
        TrainingSettings s = settingsFor(rule);
        s.gradientMode = mode;
        s.learningRate = 0.01;
        s.maxEpochs = 30;
        Trainer reference(gate(Generator::And), s);
        const std::vector<EpochSnapshot> run = trainToEnd(reference);
        ASSERT_GE(run.size(), 4u);

        // From epoch 1, with the count moved up by kNearLimit: every later count is moved by
        // exactly as much, through the fast loop (stepEpoch) and the recorded one (stepSample).
        TrainerState start = run[1].state;
        const std::int64_t offset = kNearLimit - start.totalUpdates;
        start.totalUpdates = kNearLimit;
        Trainer fast(gate(Generator::And), s);
        fast.restore(start);
        Trainer recorded(gate(Generator::And), s);
        recorded.restore(start);
        for (std::size_t e = 2; e < run.size(); ++e) {
            const EpochSnapshot a = fast.stepEpoch();
            std::optional<EpochSnapshot> b;
            while (!b)
                b = recorded.stepSample().epochEnd;
            EXPECT_EQ(a.state.totalUpdates, run[e].state.totalUpdates + offset);
            EXPECT_EQ(b->state.totalUpdates, run[e].state.totalUpdates + offset);
        }
        EXPECT_GT(fast.state().totalUpdates,
                  std::int64_t(std::numeric_limits<std::int32_t>::max()));
        EXPECT_EQ(fast.state().totalUpdates,
                  kNearLimit + (run.back().state.totalUpdates - run[1].state.totalUpdates));
    }
}

TEST(Counters, RestoreRejectsNegativeCounts)
{
    Trainer trainer(gate(Generator::And), settingsFor(Rule::Perceptron));
    TrainerState bad = trainer.stepEpoch().state;
    bad.totalUpdates = -1;
    EXPECT_THROW(trainer.restore(bad), std::invalid_argument);
}

TEST(Construction, RejectsInvalidInput)
{
    EXPECT_THROW(Trainer(Dataset{}, TrainingSettings{}), std::invalid_argument);
    Dataset oneClass;
    oneClass.add({0, 0}, 1);
    oneClass.add({1, 0}, 1);
    EXPECT_THROW(Trainer(oneClass, TrainingSettings{}), std::invalid_argument);
    Dataset threeClasses = gate(Generator::And);
    threeClasses.add({2, 2}, 2);
    EXPECT_THROW(Trainer(threeClasses, TrainingSettings{}), std::invalid_argument);
    TrainingSettings s;
    s.learningRate = -1.0;
    EXPECT_THROW(Trainer(gate(Generator::And), s), std::invalid_argument);
}

TEST(Construction, GivenInitialWeights)
{
    TrainingSettings s = settingsFor(Rule::Pocket);
    s.init = InitKind::Given;
    s.initial = LinearModel{{1, 1}, -1.5};
    Trainer trainer(gate(Generator::And), s);
    const EpochSnapshot e0 = trainer.initialSnapshot();
    EXPECT_EQ(e0.model, s.initial);
    EXPECT_EQ(e0.errors, 0);
    EXPECT_EQ(e0.state.pocketCorrect, 4);
    const EpochSnapshot e1 = trainer.stepEpoch();
    EXPECT_EQ(e1.status, TrainingStatus::Converged);
    EXPECT_EQ(e1.updates, 0);
}

} // namespace
} // namespace plab::learning
