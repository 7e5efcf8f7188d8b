// The linear models beyond the classic one, through the Trainer: the multi-class (Kesler)
// perceptron and one-vs-rest against traces worked out by hand (written out below), pocket and
// averaged on top of both, one-hot Adaline and softmax regression against hand arithmetic and
// their gradients against finite differences, and a perceptron on a feature map.
//
// Parameters are flat (model.h): for K units on D inputs, W column-major (index i * K + k is
// unit k's weight on input i), then the K biases. For K = 3 on (x1, x2):
// (w0_1, w1_1, w2_1, w0_2, w1_2, w2_2, b0, b1, b2), wk_i unit k's weight on x_i.
#include "learning/generators.h"
#include "learning/trainer.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstddef>
#include <vector>

namespace plab::learning {
namespace {

constexpr int kK = 3;

/// Unit k's (w_k1, w_k2, b_k) of flat parameters for K = 3 on (x1, x2).
std::array<double, 3> unit(const SmallVector& p, int k)
{
    return {p[std::size_t(k)], p[std::size_t(kK + k)], p[std::size_t(2 * kK + k)]};
}

/// The flat parameters of three units given as (w_k1, w_k2, b_k).
SmallVector flat(std::array<double, 3> u0, std::array<double, 3> u1, std::array<double, 3> u2)
{
    return {u0[0], u1[0], u2[0], u0[1], u1[1], u2[1], u0[2], u1[2], u2[2]};
}

/// Three points, one per class, that the Kesler perceptron separates in two epochs from zero.
Dataset threePoints()
{
    return Dataset({{{1.0, 0.0}, 0}, {{0.0, 1.0}, 1}, {{-1.0, -1.0}, 2}});
}

/// The hand traces below stop by the zero-errors convention (as soon as the epoch's answer makes
/// no error); Rosenblatt's rule, the default, would add the confirming pass (status_test).
TrainingSettings multiclass(Rule rule, Multiclass scheme)
{
    TrainingSettings s;
    s.perceptronStop = PerceptronStop::ZeroErrors;
    s.rule = rule;
    s.classes = kK;
    s.multiclass = scheme;
    s.learningRate = 1.0;
    return s;
}

/// The visits of the next epoch; its snapshot in \p snapshot.
std::vector<StepRecord> epochOfSteps(Trainer& trainer, EpochSnapshot& snapshot)
{
    std::vector<StepRecord> out;
    snapshot = trainer.stepEpoch([&out](const StepRecord& r) { out.push_back(r); });
    return out;
}

void expectVisit(const StepRecord& r, int output, bool updated, const SmallVector& after)
{
    EXPECT_EQ(r.output, output) << "visit " << r.visit;
    EXPECT_EQ(r.updated, updated) << "visit " << r.visit;
    EXPECT_EQ(r.parametersAfter, after) << "visit " << r.visit;
    EXPECT_TRUE(identical(r.state.working, r.parametersAfter));
    for (std::size_t j = 0; j < after.size(); ++j)
        EXPECT_EQ(r.parametersBefore[j] + r.change[j], r.parametersAfter[j]) << j;
}

// --- The multi-class (Kesler) perceptron -------------------------------------------------------

// Epoch 1 (lr 1, zero start, ties to the lowest class):
//   (1,0)  t0: z = (0,0,0) -> 0, right.
//   (0,1)  t1: z = (0,0,0) -> 0, wrong: w_1 += x, b_1 += 1; w_0 -= x, b_0 -= 1.
//              units (0,-1,-1), (0,1,1), (0,0,0)
//   (-1,-1) t2: z0 = 1 - 1 = 0, z1 = -1 + 1 = 0, z2 = 0 -> 0 (a three-way tie), wrong:
//              w_2 += x, b_2 += 1; w_0 -= x, b_0 -= 1: units (1,0,-2), (0,1,1), (-1,-1,1)
//   end: (1,0) has z = (-1, 1, 0) -> 1, an error of class 0; loss (1 - (-1)) / 3.
// Epoch 2:
//   (1,0)  t0: z = (-1,1,0) -> 1, wrong: w_0 += x, b_0 += 1; w_1 -= x, b_1 -= 1:
//              units (2,0,-1), (-1,1,0), (-1,-1,1)
//   (0,1)  t1: z = (-1,1,0) -> 1, right.     (-1,-1) t2: z = (-3,0,3) -> 2, right.
//   end: no errors, converged (the zero-errors stop rule).
TEST(KeslerTrace, ThreeClassesByHand)
{
    Trainer trainer(threePoints(), multiclass(Rule::Perceptron, Multiclass::Kesler));
    ASSERT_EQ(trainer.shape().outputUnits(), 3);
    ASSERT_EQ(trainer.shape().parameterCount(), 9);

    EpochSnapshot e1;
    std::vector<StepRecord> steps = epochOfSteps(trainer, e1);
    EXPECT_EQ(e1.status, TrainingStatus::Running);
    ASSERT_EQ(steps.size(), 3u);
    const SmallVector zero(9, 0.0);
    const SmallVector after2 = flat({0, -1, -1}, {0, 1, 1}, {0, 0, 0});
    const SmallVector after3 = flat({1, 0, -2}, {0, 1, 1}, {-1, -1, 1});
    expectVisit(steps[0], 0, false, zero);
    expectVisit(steps[1], 0, true, after2);
    expectVisit(steps[2], 0, true, after3);
    EXPECT_EQ(steps[2].scores, (SmallVector{0.0, 0.0, 0.0}));
    // The error factors: +1 for the target's unit, -1 for the predicted one.
    EXPECT_EQ(steps[1].unitErrors, (SmallVector{-1.0, 1.0, 0.0}));
    EXPECT_EQ(steps[2].unitErrors, (SmallVector{-1.0, 0.0, 1.0}));

    EpochSnapshot e2;
    steps = epochOfSteps(trainer, e2);
    ASSERT_EQ(steps.size(), 3u);
    const SmallVector after4 = flat({2, 0, -1}, {-1, 1, 0}, {-1, -1, 1});
    expectVisit(steps[0], 1, true, after4);
    expectVisit(steps[1], 1, false, after4);
    expectVisit(steps[2], 2, false, after4);
    EXPECT_EQ(steps[0].scores, (SmallVector{-1.0, 1.0, 0.0}));
    EXPECT_EQ(steps[2].scores, (SmallVector{-3.0, 0.0, 3.0}));

    ASSERT_EQ(e2.epoch, 2);
    EXPECT_EQ(e2.parameters, after4);
    EXPECT_EQ(e2.errors, 0);
    EXPECT_EQ(e2.updates, 1);
    EXPECT_EQ(e2.loss, 0.0);
    EXPECT_EQ(e2.status, TrainingStatus::Converged);
    EXPECT_EQ(e2.state.totalUpdates, 3);
}

TEST(KeslerTrace, EpochFiguresByHand)
{
    Trainer trainer(threePoints(), multiclass(Rule::Perceptron, Multiclass::Kesler));
    const EpochSnapshot e1 = trainer.stepEpoch();
    EXPECT_EQ(e1.parameters, flat({1, 0, -2}, {0, 1, 1}, {-1, -1, 1}));
    EXPECT_EQ(e1.errors, 1);
    EXPECT_EQ(e1.classErrors[0], 1);
    EXPECT_EQ(e1.classErrors[1], 0);
    EXPECT_EQ(e1.classErrors[2], 0);
    EXPECT_EQ(e1.updates, 2);
    EXPECT_DOUBLE_EQ(e1.loss, 2.0 / 3.0); // mean of max_k z_k - z_t
    EXPECT_EQ(e1.status, TrainingStatus::Running);
    // The answer as a Model predicts what the evaluation counted.
    const Model m = trainer.answer();
    EXPECT_EQ(m.decide({1.0, 0.0}).cls, 1);
    EXPECT_EQ(m.decide({0.0, 1.0}).cls, 1);
    EXPECT_EQ(m.decide({-1.0, -1.0}).cls, 2);
}

// --- One-vs-rest ---------------------------------------------------------------------------------

// Unit k is a binary perceptron for [t = k], y_k = [z_k >= 0] (ZeroConvention::Positive); every
// unit in error steps by eta t±_k x. The prediction is the argmax of the nets, ties to the lowest.
//   (1,0)  t0: z = (0,0,0), y = (1,1,1), targets (1,0,0): units 1 and 2 wrong, -x:
//              units (0,0,0), (-1,0,-1), (-1,0,-1); predicted 0 (tie).
//   (0,1)  t1: z = (0,-1,-1), y = (1,0,0), targets (0,1,0): unit 0 -x, unit 1 +x:
//              units (0,-1,-1), (-1,1,0), (-1,0,-1); predicted 0.
//   (-1,-1) t2: z = (0,0,0), y = (1,1,1), targets (0,0,1): units 0 and 1 -x:
//              units (1,0,-2), (0,2,-1), (-1,0,-1); predicted 0 (tie).
//   end: (1,0): z = (-1,-1,-2) -> 0 (tie of 0 and 1), (0,1): (-2,1,-1) -> 1, (-1,-1): (-3,-3,0)
//   -> 2: no errors (the argmax is right although unit 0 is still wrong on (1,0)); loss
//   sum_k max(0, -t±_k z_k) = 1 for (1,0), 0 for the others: 1/3.
TEST(OneVsRestTrace, ThreeClassesByHand)
{
    Trainer trainer(threePoints(), multiclass(Rule::Perceptron, Multiclass::OneVsRest));
    std::vector<StepRecord> steps;
    const EpochSnapshot e1 =
        trainer.stepEpoch([&steps](const StepRecord& r) { steps.push_back(r); });
    ASSERT_EQ(steps.size(), 3u);
    expectVisit(steps[0], 0, true, flat({0, 0, 0}, {-1, 0, -1}, {-1, 0, -1}));
    expectVisit(steps[1], 0, true, flat({0, -1, -1}, {-1, 1, 0}, {-1, 0, -1}));
    expectVisit(steps[2], 0, true, flat({1, 0, -2}, {0, 2, -1}, {-1, 0, -1}));
    EXPECT_EQ(steps[0].unitErrors, (SmallVector{0.0, -1.0, -1.0}));
    EXPECT_EQ(steps[1].scores, (SmallVector{0.0, -1.0, -1.0}));
    EXPECT_EQ(steps[1].unitErrors, (SmallVector{-1.0, 1.0, 0.0}));
    EXPECT_EQ(steps[2].unitErrors, (SmallVector{-1.0, -1.0, 0.0}));

    EXPECT_EQ(e1.errors, 0);
    EXPECT_EQ(e1.updates, 3);
    EXPECT_DOUBLE_EQ(e1.loss, 1.0 / 3.0);
    EXPECT_EQ(e1.status, TrainingStatus::Converged);
}

// --- Pocket and averaged on top of both ----------------------------------------------------------

// The averaged answer after epoch 1 is the mean of the working parameters after each visit and
// the initial ones (c = 4), here worked out from the traces above:
//   Kesler: units 0: (0,0,0), (0,0,0), (0,-1,-1), (1,0,-2) -> (1/4, -1/4, -3/4);
//           1: 0, 0, (0,1,1), (0,1,1) -> (0, 1/2, 1/2); 2: only (-1,-1,1) -> (-1/4, -1/4, 1/4).
//   one-vs-rest: 0: 0, 0, (0,-1,-1), (1,0,-2) -> (1/4, -1/4, -3/4);
//           1: 0, (-1,0,-1), (-1,1,0), (0,2,-1) -> (-1/2, 3/4, -1/2);
//           2: 0, (-1,0,-1) three times -> (-3/4, 0, -3/4).
// Kesler's average misclassifies (1,0): z = (-1/2, 1/2, 0).
TEST(AveragedMulticlass, TheAverageOfEveryVisitByHand)
{
    Trainer kesler(threePoints(), multiclass(Rule::Averaged, Multiclass::Kesler));
    const EpochSnapshot k1 = kesler.stepEpoch();
    EXPECT_EQ(k1.parameters, flat({0.25, -0.25, -0.75}, {0, 0.5, 0.5}, {-0.25, -0.25, 0.25}));
    EXPECT_EQ(k1.state.working, flat({1, 0, -2}, {0, 1, 1}, {-1, -1, 1}));
    EXPECT_EQ(k1.errors, 1);
    EXPECT_EQ(k1.classErrors[0], 1);
    EXPECT_EQ(k1.state.avgCount, 4);

    Trainer ovr(threePoints(), multiclass(Rule::Averaged, Multiclass::OneVsRest));
    const EpochSnapshot o1 = ovr.stepEpoch();
    EXPECT_EQ(o1.parameters, flat({0.25, -0.25, -0.75}, {-0.5, 0.75, -0.5}, {-0.75, 0, -0.75}));
    EXPECT_EQ(o1.state.working, flat({1, 0, -2}, {0, 2, -1}, {-1, 0, -1}));
}

// The same averages from the step records, for a longer run on data no three lines separate.
TEST(AveragedMulticlass, IsTheMeanOfTheWorkingParametersOnNoisyData)
{
    for (Multiclass scheme : {Multiclass::Kesler, Multiclass::OneVsRest}) {
        Dataset data({{{1.0, 0.0}, 0},
                      {{0.0, 1.0}, 1},
                      {{-1.0, -1.0}, 2},
                      {{1.0, 0.5}, 1},
                      {{0.5, 1.0}, 0},
                      {{-1.0, -0.5}, 0}});
        Trainer trainer(data, multiclass(Rule::Averaged, scheme));
        std::vector<double> sum(9, 0.0);
        int count = 1; // the initial parameters are zero
        EpochSnapshot last;
        for (int e = 0; e < 5; ++e) {
            last = trainer.stepEpoch([&](const StepRecord& r) {
                for (std::size_t j = 0; j < 9; ++j)
                    sum[j] += r.parametersAfter[j];
                ++count;
            });
        }
        ASSERT_EQ(last.status, TrainingStatus::Running);
        for (std::size_t j = 0; j < 9; ++j)
            EXPECT_NEAR(last.parameters[j], sum[j] / count, 1e-12) << j;
    }
}

// Pocket on both schemes, on data that no three lines separate: the answer is always a set of
// working parameters the run passed through, its error count (the snapshot's) is that set's,
// and it never goes up.
TEST(PocketMulticlass, KeepsTheBestWorkingParameters)
{
    for (Multiclass scheme : {Multiclass::Kesler, Multiclass::OneVsRest}) {
        Dataset data({{{1.0, 0.0}, 0},
                      {{0.0, 1.0}, 1},
                      {{-1.0, -1.0}, 2},
                      {{1.0, 0.5}, 1},
                      {{0.5, 1.0}, 0},
                      {{-1.0, -0.5}, 0}});
        TrainingSettings s = multiclass(Rule::Pocket, scheme);
        s.maxEpochs = 30;
        Trainer trainer(data, s);
        std::vector<SmallVector> visited{trainer.state().working};
        int previous = trainer.initialSnapshot().errors;
        while (!trainer.finished()) {
            const EpochSnapshot snap = trainer.stepEpoch(
                [&visited](const StepRecord& r) { visited.push_back(r.parametersAfter); });
            EXPECT_LE(snap.errors, previous);
            previous = snap.errors;
            EXPECT_EQ(snap.parameters, snap.state.pocket);
            const Model pocket = trainer.modelOf(snap.parameters);
            EXPECT_EQ(pocket.errors(data), snap.errors);
            EXPECT_EQ(std::int64_t(data.size()) - snap.errors, snap.state.pocketCorrect);
            bool found = false;
            for (const SmallVector& v : visited)
                found |= v == snap.parameters;
            EXPECT_TRUE(found) << "epoch " << snap.epoch;
        }
        EXPECT_EQ(trainer.status(), TrainingStatus::EpochLimit);
        // No three lines separate these points ((1, 0.5) of class 1 lies inside the triangle of
        // class 0's points), so errors remain.
        EXPECT_GT(previous, 0);
    }
}

// Pocket and averaged on the hand-traced data: the pocket takes the Kesler working parameters
// at the end of epoch 1 (2 points right against 1 for zero) and converges with them in epoch 2.
TEST(PocketMulticlass, HandTraceOnThreePoints)
{
    Trainer trainer(threePoints(), multiclass(Rule::Pocket, Multiclass::Kesler));
    EXPECT_EQ(trainer.state().pocketCorrect, 1); // zero predicts class 0 everywhere
    const EpochSnapshot e1 = trainer.stepEpoch();
    EXPECT_EQ(e1.parameters, flat({1, 0, -2}, {0, 1, 1}, {-1, -1, 1}));
    EXPECT_EQ(e1.state.pocketCorrect, 2);
    const EpochSnapshot e2 = trainer.stepEpoch();
    EXPECT_EQ(e2.parameters, flat({2, 0, -1}, {-1, 1, 0}, {-1, -1, 1}));
    EXPECT_EQ(e2.status, TrainingStatus::Converged);
}

// --- One-hot Adaline and softmax regression ------------------------------------------------------

/// One sample's loss of the linear K-unit model with flat parameters p (written here, apart from
/// the code under test): one-hot squared error or softmax cross-entropy.
double sampleLoss(Rule rule, const std::vector<double>& p, double x1, double x2, int t)
{
    std::array<double, kK> z{};
    for (int k = 0; k < kK; ++k)
        z[std::size_t(k)] =
            p[std::size_t(k)] * x1 + p[std::size_t(kK + k)] * x2 + p[std::size_t(2 * kK + k)];
    if (rule == Rule::Adaline) {
        double j = 0.0;
        for (int k = 0; k < kK; ++k) {
            const double e = (k == t ? 1.0 : 0.0) - z[std::size_t(k)];
            j += 0.5 * e * e;
        }
        return j;
    }
    double sum = 0.0;
    for (double v : z)
        sum += std::exp(v);
    return std::log(sum) - z[std::size_t(t)];
}

// One-hot Adaline, lr 0.1, zero start:
//   (1,2) t1: z = 0, e = (0,1,0): w_1 = (0.1, 0.2), b_1 = 0.1.
//   (2,-1) t0: z = (0, 0.2 - 0.2 + 0.1, 0) = (0, 0.1, 0), e = (1, -0.1, 0):
//              w_0 = 0.1 (2,-1) = (0.2, -0.1), b_0 = 0.1;
//              w_1 = (0.1 - 0.02, 0.2 + 0.01) = (0.08, 0.21), b_1 = 0.1 - 0.01 = 0.09.
TEST(OneHotAdaline, TwoUpdatesByHand)
{
    TrainingSettings s = multiclass(Rule::Adaline, Multiclass::Kesler);
    s.learningRate = 0.1;
    Trainer trainer(Dataset({{{1.0, 2.0}, 1}, {{2.0, -1.0}, 0}, {{0.0, 0.0}, 2}}), s);
    const StepRecord v1 = trainer.stepSample().step;
    EXPECT_EQ(v1.unitErrors, (SmallVector{0.0, 1.0, 0.0}));
    EXPECT_EQ(unit(v1.parametersAfter, 1), (std::array<double, 3>{0.1, 0.2, 0.1}));
    const StepRecord v2 = trainer.stepSample().step;
    EXPECT_NEAR(v2.scores[1], 0.1, 1e-15);
    EXPECT_NEAR(v2.unitErrors[0], 1.0, 1e-15);
    EXPECT_NEAR(v2.unitErrors[1], -0.1, 1e-15);
    const auto u0 = unit(v2.parametersAfter, 0);
    const auto u1 = unit(v2.parametersAfter, 1);
    const auto u2 = unit(v2.parametersAfter, 2);
    EXPECT_NEAR(u0[0], 0.2, 1e-15);
    EXPECT_NEAR(u0[1], -0.1, 1e-15);
    EXPECT_NEAR(u0[2], 0.1, 1e-15);
    EXPECT_NEAR(u1[0], 0.08, 1e-15);
    EXPECT_NEAR(u1[1], 0.21, 1e-15);
    EXPECT_NEAR(u1[2], 0.09, 1e-15);
    EXPECT_EQ(u2, (std::array<double, 3>{0.0, 0.0, 0.0}));
    EXPECT_TRUE(v2.updated);
}

// Softmax regression, lr 0.5, zero start: p = (1/3, 1/3, 1/3) at (1,2) of class 1, so
// e = (-1/3, 2/3, -1/3) and each unit moves by 0.5 e (1, 2, 1):
// units (-1/6, -1/3, -1/6), (1/3, 2/3, 1/3), (-1/6, -1/3, -1/6).
TEST(SoftmaxRegression, OneUpdateByHand)
{
    TrainingSettings s = multiclass(Rule::Logistic, Multiclass::Kesler);
    s.learningRate = 0.5;
    Trainer trainer(Dataset({{{1.0, 2.0}, 1}, {{2.0, -1.0}, 0}, {{0.0, 0.0}, 2}}), s);
    const StepRecord v = trainer.stepSample().step;
    const double third = 1.0 / 3.0;
    const std::array<std::array<double, 3>, 3> expected{{{-third / 2, -third, -third / 2},
                                                         {third, 2 * third, third},
                                                         {-third / 2, -third, -third / 2}}};
    for (int k = 0; k < kK; ++k) {
        const auto u = unit(v.parametersAfter, k);
        for (int j = 0; j < 3; ++j)
            EXPECT_NEAR(u[std::size_t(j)], expected[std::size_t(k)][std::size_t(j)], 1e-15)
                << k << ' ' << j;
    }
    EXPECT_NEAR(v.unitErrors[1], 2 * third, 1e-15);
}

// The online update is theta <- theta - eta dJ/dtheta of the visited sample's loss; the
// gradient, read back from the update, against central differences of the loss above, at
// parameters away from zero.
TEST(LinearGradients, OneHotAdalineAndSoftmaxAgainstFiniteDifferences)
{
    const Dataset data({{{0.7, -1.3}, 2}, {{1.5, 0.4}, 0}, {{-0.8, 0.9}, 1}});
    for (Rule rule : {Rule::Adaline, Rule::Logistic}) {
        TrainingSettings s = multiclass(rule, Multiclass::Kesler);
        s.learningRate = 0.25;
        s.init = InitKind::Random;
        s.seed = 5;
        Trainer trainer(data, s);
        for (int v = 0; v < 3; ++v) {
            const StepRecord r = trainer.stepSample().step;
            const std::vector<double> p(r.parametersBefore.begin(), r.parametersBefore.end());
            ASSERT_NE(p[0], 0.0);
            for (std::size_t j = 0; j < p.size(); ++j) {
                const double h = 1e-6;
                std::vector<double> plus = p;
                std::vector<double> minus = p;
                plus[j] += h;
                minus[j] -= h;
                const double numeric = (sampleLoss(rule, plus, r.x.x(), r.x.y(), r.target) -
                                        sampleLoss(rule, minus, r.x.x(), r.x.y(), r.target)) /
                                       (2 * h);
                const double fromUpdate = -r.change[j] / s.learningRate;
                EXPECT_NEAR(fromUpdate, numeric, 1e-8)
                    << name(rule) << " visit " << v << " j " << j;
            }
        }
    }
}

// --- Feature maps --------------------------------------------------------------------------------

// XOR is not linearly separable in (x1, x2), but is in (x1, x2, x1*x2):
// x1 + x2 - 2 x1 x2 - 1/2 > 0 exactly on the class-1 corners.
TEST(FeatureMaps, APerceptronOnX1X2AndTheProductSeparatesXor)
{
    TrainingSettings s;
    s.features = *FeatureSet::of({Feature::X1, Feature::X2, Feature::X1X2});
    s.maxEpochs = 1000;
    EXPECT_EQ(parameterCount(s), 4);
    const Dataset xor4 = generate(Generator::Xor, {});
    Trainer trainer(xor4, s);
    EXPECT_EQ(trainer.shape().parameterCount(), 4);
    EXPECT_EQ(trainer.answer().description(), "3-1, linear on x1, x2, x1*x2");
    const std::vector<EpochSnapshot> run = trainToEnd(trainer);
    EXPECT_EQ(run.back().status, TrainingStatus::Converged);
    EXPECT_EQ(run.back().errors, 0);
    const Model m = trainer.answer();
    for (std::size_t i = 0; i < xor4.size(); ++i)
        EXPECT_EQ(m.decide(xor4.point(i)).cls, xor4.labels()[i]) << i;

    // The same perceptron on (x1, x2) alone never gets there.
    TrainingSettings plain;
    plain.maxEpochs = 1000;
    Trainer without(xor4, plain);
    EXPECT_EQ(trainToEnd(without).back().status, TrainingStatus::EpochLimit);
}

TEST(SettingsFor, TheClassesFollowTheLargestLabelButNeverFewerThanAsked)
{
    Dataset data({{{0, 0}, 0}, {{1, 1}, 1}});
    TrainingSettings settings;
    EXPECT_EQ(settingsFor(data, settings).classes, 2);
    data = Dataset({{{0, 0}, 0}, {{1, 1}, 1}, {{2, 0}, 2}});
    EXPECT_EQ(settingsFor(data, settings).classes, 3);
    settings.classes = 5;
    EXPECT_EQ(settingsFor(data, settings).classes, 5);
    // Only the classes change.
    TrainingSettings expected = settings;
    EXPECT_EQ(settingsFor(data, settings), expected);
    EXPECT_EQ(settingsFor(Dataset(), TrainingSettings()).classes, 2);
}

TEST(ValidateModelToShow, AStepNetworkIsCompleteOnlyWithGivenLayers)
{
    TrainingSettings s;
    s.model = ModelKind::Network;
    s.hidden = {2};
    s.activation = Activation::Step;
    s.init = InitKind::Random;
    ASSERT_TRUE(validateModel(s).has_value());
    EXPECT_EQ(validateModelToShow(s)->field, ModelSettingsError::Field::Activation);
    s.init = InitKind::Given;
    s.initialLayers = {Layer{Eigen::MatrixXd{{1, 1}, {-1, -1}}, Eigen::VectorXd{{-0.5, 1.5}}},
                       Layer{Eigen::MatrixXd{{1, 1}}, Eigen::VectorXd{{-1.5}}}};
    EXPECT_EQ(validateModel(s)->field, ModelSettingsError::Field::Activation);
    EXPECT_FALSE(validateModelToShow(s).has_value());
    // The rest is still checked: layers of the wrong shape are refused.
    s.hidden = {3};
    EXPECT_EQ(validateModelToShow(s)->field, ModelSettingsError::Field::Layers);
}

TEST(ModelMisclassified, ListsThePointsWhoseClassIsNotTheirs)
{
    // OR and NAND units, AND at the output: XOR, written out.
    const Model xorNet(
        ModelShape{ModelKind::Network, FeatureSet(), 2, {2}, Activation::Step},
        std::vector<Layer>{Layer{Eigen::MatrixXd{{1, 1}, {-1, -1}}, Eigen::VectorXd{{-0.5, 1.5}}},
                           Layer{Eigen::MatrixXd{{1, 1}}, Eigen::VectorXd{{-1.5}}}});
    const Dataset xorData({{{0, 0}, 0}, {{0, 1}, 1}, {{1, 0}, 1}, {{1, 1}, 0}});
    EXPECT_TRUE(xorNet.misclassified(xorData).empty());
    // The same points labelled as AND: (0, 1) and (1, 0) are now wrong, and so is (1, 1).
    const Dataset andData({{{0, 0}, 0}, {{0, 1}, 0}, {{1, 0}, 0}, {{1, 1}, 1}});
    EXPECT_EQ(xorNet.misclassified(andData), (std::vector<std::size_t>{1, 2, 3}));
    EXPECT_EQ(xorNet.errors(andData), 3);
}

} // namespace
} // namespace plab::learning
