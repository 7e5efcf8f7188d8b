// NetworkTrainer: the online update against a hand-computed 2-2-1 example, the batch rules
// against the documented formula assembled from per-sample traces, the fast epoch against the
// recorded visits (bit for bit), shuffles, determinism, refusals, divergence and restoring.
#include "learning/generators.h"
#include "learning/network.h"
#include "learning/networktrainer.h"
#include "learning/random.h"
#include "learning/trainer.h"
#include "testsupport.h"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <vector>

namespace plab::learning {
namespace {

using test::nearlyEqual;

bool sameBits(double a, double b)
{
    return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

/// Bit-for-bit equality of two parameter sets (operator== treats 0.0 and -0.0 alike).
::testing::AssertionResult sameBits(const std::vector<Layer>& a, const std::vector<Layer>& b)
{
    if (a.size() != b.size())
        return ::testing::AssertionFailure() << "different layer counts";
    for (std::size_t l = 0; l < a.size(); ++l) {
        if (a[l].W.rows() != b[l].W.rows() || a[l].W.cols() != b[l].W.cols() ||
            a[l].b.size() != b[l].b.size())
            return ::testing::AssertionFailure() << "layer " << l << " differs in shape";
        for (Eigen::Index k = 0; k < a[l].W.size(); ++k) {
            if (!sameBits(a[l].W.data()[k], b[l].W.data()[k]))
                return ::testing::AssertionFailure()
                       << "layer " << l << " W[" << k << "]: " << a[l].W.data()[k] << " vs "
                       << b[l].W.data()[k];
        }
        for (Eigen::Index k = 0; k < a[l].b.size(); ++k) {
            if (!sameBits(a[l].b[k], b[l].b[k]))
                return ::testing::AssertionFailure() << "layer " << l << " b[" << k << "]";
        }
    }
    return ::testing::AssertionSuccess();
}

NetworkShape shapeOf(std::vector<int> hidden, Activation a = Activation::Tanh, int classes = 2,
                     FeatureSet f = {})
{
    NetworkShape s;
    s.features = f;
    s.hidden = std::move(hidden);
    s.activation = a;
    s.classes = classes;
    return s;
}

NetworkTrainingSettings settingsOf(double eta, int batch = 1, SampleOrder order = SampleOrder::File,
                                   std::uint64_t seed = 1)
{
    NetworkTrainingSettings s;
    s.learningRate = eta;
    s.batchSize = batch;
    s.order = order;
    s.seed = seed;
    return s;
}

/// The 2-2-1 tanh network of network_test's worked example.
Network handNetwork()
{
    Eigen::MatrixXd W1(2, 2);
    W1 << 0.5, -0.5, -1.0, 1.0;
    Eigen::MatrixXd W2(1, 2);
    W2 << 1.0, -1.0;
    return Network(shapeOf({2}),
                   {{W1, Eigen::Vector2d(0.0, 0.25)}, {W2, Eigen::VectorXd::Constant(1, 0.1)}});
}

/// Three classes in three clouds, labels 0, 1, 2, 0, 1, 2, ...
Dataset threeClouds(int n)
{
    Random rng(5);
    Dataset d;
    const Eigen::Vector2d centres[3] = {{-2.0, 0.0}, {2.0, 0.0}, {0.0, 2.5}};
    for (int i = 0; i < n; ++i) {
        const int t = i % 3;
        d.add(centres[t] + Eigen::Vector2d(rng.normal(), rng.normal()), t);
    }
    return d;
}

TEST(NetworkTrainer, OnlineStepHandComputed221)
{
    // The forward and backward pass of network_test's HandComputed221 (x = (1, 0), t = 1), then
    // the update with eta = 0.5, every change -eta (delta * input):
    //   v1' = 1 - 0.5 (delta h1)    = 1 - 0.5 (-0.23196191738847505 *  0.46211715726000974)
    //       = 1.0535967909280717
    //   v2' = -1 - 0.5 (delta h2)   = -1.0736651844115181
    //   c'  = 0.1 - 0.5 delta       = 0.21598095869423753
    //   w11' = 0.5 - 0.5 (delta1 x1) = 0.5 - 0.5 (-0.18242592406459593) = 0.591212962032298
    //   w12' = -0.5 - 0.5 (delta1 * 0) = -0.5 (unchanged: x2 = 0)
    //   w21' = -1 - 0.5 (delta2 x1)  = -1.0691925939878455
    //   w22' = 1 (unchanged)
    //   b1' = 0 - 0.5 delta1 = 0.09121296203229796,  b2' = 0.25 - 0.5 delta2 = 0.1808074060121546
    Dataset one;
    one.add({1.0, 0.0}, 1);
    NetworkTrainer trainer(handNetwork(), one, settingsOf(0.5));
    const NetworkVisit v = trainer.stepSample();
    EXPECT_EQ(v.epoch, 1);
    EXPECT_EQ(v.visit, 0);
    EXPECT_EQ(v.index, 0U);
    EXPECT_TRUE(v.updated);
    EXPECT_TRUE(v.closesBatch);
    EXPECT_TRUE(v.closesEpoch);
    EXPECT_FALSE(v.diverged);
    EXPECT_EQ(v.batchFill, 1);
    EXPECT_EQ(v.learningRate, 0.5);
    EXPECT_TRUE(nearlyEqual(v.trace.loss, 0.26391596033008985));
    EXPECT_EQ(v.before, handNetwork().layers());

    const Layer& hidden = v.after[0];
    const Layer& out = v.after[1];
    EXPECT_TRUE(nearlyEqual(out.W(0, 0), 1.0535967909280717));
    EXPECT_TRUE(nearlyEqual(out.W(0, 1), -1.0736651844115181));
    EXPECT_TRUE(nearlyEqual(out.b(0), 0.21598095869423753));
    EXPECT_TRUE(nearlyEqual(hidden.W(0, 0), 0.591212962032298));
    EXPECT_EQ(hidden.W(0, 1), -0.5);
    EXPECT_TRUE(nearlyEqual(hidden.W(1, 0), -1.0691925939878455));
    EXPECT_EQ(hidden.W(1, 1), 1.0);
    EXPECT_TRUE(nearlyEqual(hidden.b(0), 0.09121296203229796));
    EXPECT_TRUE(nearlyEqual(hidden.b(1), 0.1808074060121546));

    // change = -eta (delta input), and after = before + change.
    EXPECT_TRUE(nearlyEqual(v.change[1].W(0, 0), 0.0535967909280717));
    EXPECT_TRUE(nearlyEqual(v.change[0].b(1), 0.1808074060121546 - 0.25));
    for (std::size_t l = 0; l < 2; ++l) {
        EXPECT_EQ(v.after[l].W, v.before[l].W + v.change[l].W);
        EXPECT_EQ(v.after[l].b, v.before[l].b + v.change[l].b);
    }
    EXPECT_EQ(trainer.network().layers(), v.after);
    EXPECT_EQ(trainer.epoch(), 1);
    EXPECT_EQ(trainer.position(), 0);

    // After the step the sample's loss went down.
    EXPECT_LT(trainer.network().loss({1.0, 0.0}, 1), v.trace.loss);
}

TEST(NetworkTrainer, OnlineEpochEqualsAPlainLoop)
{
    // A 2-8-1 tanh network trained online for three epochs in file order, against the update
    // rule written out in plain scalar code (networktrainer.h's 2-H-1 formulas): bit for bit.
    constexpr int H = 8;
    GeneratorParams gp;
    gp.count = 60;
    const Dataset data = generate(Generator::OverlappingBlobs, gp);
    const Network start = Network::glorot(shapeOf({H}), 3);
    NetworkTrainer trainer(start, data, settingsOf(0.1));
    for (int e = 0; e < 3; ++e)
        trainer.stepEpoch();

    double w[H][2];
    double b[H];
    double v[H];
    double c = start.layers()[1].b(0);
    for (int j = 0; j < H; ++j) {
        w[j][0] = start.layers()[0].W(j, 0);
        w[j][1] = start.layers()[0].W(j, 1);
        b[j] = start.layers()[0].b(j);
        v[j] = start.layers()[1].W(0, j);
    }
    const double eta = 0.1;
    for (int e = 0; e < 3; ++e) {
        for (std::size_t k = 0; k < data.size(); ++k) {
            const double x1 = data.point(k).x();
            const double x2 = data.point(k).y();
            double h[H];
            double z = 0.0;
            for (int j = 0; j < H; ++j) {
                h[j] = std::tanh(w[j][0] * x1 + w[j][1] * x2 + b[j]);
                z = j == 0 ? v[0] * h[0] : z + v[j] * h[j];
            }
            z += c;
            const double p =
                z >= 0.0 ? 1.0 / (1.0 + std::exp(-z)) : std::exp(z) / (1.0 + std::exp(z));
            const double d = p - double(data.label(k));
            for (int j = 0; j < H; ++j) {
                const double dj = (v[j] * d) * (1.0 - h[j] * h[j]);
                v[j] -= eta * (d * h[j]);
                w[j][0] -= eta * (dj * x1);
                w[j][1] -= eta * (dj * x2);
                b[j] -= eta * dj;
            }
            c -= eta * d;
        }
    }
    const Network n = trainer.network();
    for (int j = 0; j < H; ++j) {
        EXPECT_TRUE(sameBits(n.layers()[0].W(j, 0), w[j][0])) << j;
        EXPECT_TRUE(sameBits(n.layers()[0].W(j, 1), w[j][1])) << j;
        EXPECT_TRUE(sameBits(n.layers()[0].b(j), b[j])) << j;
        EXPECT_TRUE(sameBits(n.layers()[1].W(0, j), v[j])) << j;
    }
    EXPECT_TRUE(sameBits(n.layers()[1].b(0), c));
}

/// theta - eta (G / m) for every parameter, G the sum of the traces' gradients in order.
std::vector<Layer> batchStep(const std::vector<Layer>& theta,
                             const std::vector<SampleTrace>& traces, double eta)
{
    std::vector<Layer> G;
    for (const LayerTrace& lt : traces[0].layers)
        G.push_back({lt.gradW, lt.gradB});
    for (std::size_t k = 1; k < traces.size(); ++k) {
        for (std::size_t l = 0; l < G.size(); ++l) {
            G[l].W += traces[k].layers[l].gradW;
            G[l].b += traces[k].layers[l].gradB;
        }
    }
    const double m = double(traces.size());
    std::vector<Layer> out = theta;
    for (std::size_t l = 0; l < out.size(); ++l) {
        for (Eigen::Index k = 0; k < out[l].W.size(); ++k)
            out[l].W.data()[k] -= eta * (G[l].W.data()[k] / m);
        for (Eigen::Index k = 0; k < out[l].b.size(); ++k)
            out[l].b[k] -= eta * (G[l].b[k] / m);
    }
    return out;
}

/// One epoch in file order with batches of B, assembled from Network::trace() and batchStep().
Network epochFromTraces(Network n, const Dataset& data, int B, double eta)
{
    const int N = int(data.size());
    for (int start = 0; start < N; start += B) {
        std::vector<SampleTrace> traces;
        for (int k = start; k < std::min(N, start + B); ++k)
            traces.push_back(n.trace(data.point(std::size_t(k)), data.label(std::size_t(k))));
        n = Network(n.shape(), batchStep(n.layers(), traces, eta));
    }
    return n;
}

struct BatchCase
{
    int batch;     ///< the setting
    int effective; ///< B used by epochFromTraces
};

class Batches : public ::testing::TestWithParam<BatchCase>
{};

TEST_P(Batches, EpochIsTheMeanGradientStepOfEachBatch)
{
    // N = 10: B = 3 gives batches of 3, 3, 3 and a last one of 1 (its own mean), B = 4 gives
    // 4, 4, 2, B = 10 and 0 (full batch) one batch of 10, B = 25 too.
    const Dataset data = threeClouds(10);
    const Network start = Network::glorot(
        shapeOf({4, 3}, Activation::Sigmoid, 3, *FeatureSet::fromName("x1,x2,x1x2")), 4);
    NetworkTrainer trainer(start, data, settingsOf(0.7, GetParam().batch));
    Network expected = start;
    for (int e = 0; e < 2; ++e) {
        const NetworkEpochEnd end = trainer.stepEpoch();
        EXPECT_EQ(end.updates, (10 + GetParam().effective - 1) / GetParam().effective);
        EXPECT_FALSE(end.diverged);
        expected = epochFromTraces(expected, data, GetParam().effective, 0.7);
    }
    EXPECT_TRUE(sameBits(trainer.network().layers(), expected.layers()));
}

INSTANTIATE_TEST_SUITE_P(Sizes, Batches,
                         ::testing::Values(BatchCase{1, 1}, BatchCase{3, 3}, BatchCase{4, 4},
                                           BatchCase{10, 10}, BatchCase{kFullBatch, 10},
                                           BatchCase{25, 10}),
                         [](const ::testing::TestParamInfo<BatchCase>& info) {
                             return "B" + std::to_string(info.param.batch);
                         });

TEST(NetworkTrainer, FullBatchIsOneStepOfTheMeanGradient)
{
    // The full-batch step against the mean of the per-sample gradients, computed independently
    // (Eigen sums, a different order): equal to within rounding.
    const Dataset data = generate(Generator::Moons, {});
    const Network start = Network::glorot(shapeOf({6}, Activation::Relu), 8);
    NetworkTrainer trainer(start, data, settingsOf(0.3, kFullBatch));
    const NetworkEpochEnd end = trainer.stepEpoch();
    EXPECT_EQ(end.updates, 1);
    std::vector<Layer> mean;
    for (const LayerTrace& lt : start.trace(data.point(0), data.label(0)).layers)
        mean.push_back({Eigen::MatrixXd::Zero(lt.gradW.rows(), lt.gradW.cols()),
                        Eigen::VectorXd::Zero(lt.gradB.size())});
    for (std::size_t k = 0; k < data.size(); ++k) {
        const SampleTrace t = start.trace(data.point(k), data.label(k));
        for (std::size_t l = 0; l < mean.size(); ++l) {
            mean[l].W += t.layers[l].gradW / double(data.size());
            mean[l].b += t.layers[l].gradB / double(data.size());
        }
    }
    const Network after = trainer.network();
    for (std::size_t l = 0; l < mean.size(); ++l) {
        const Eigen::MatrixXd expectedW = start.layers()[l].W - 0.3 * mean[l].W;
        const Eigen::VectorXd expectedB = start.layers()[l].b - 0.3 * mean[l].b;
        EXPECT_LT((after.layers()[l].W - expectedW).cwiseAbs().maxCoeff(), 1e-13);
        EXPECT_LT((after.layers()[l].b - expectedB).cwiseAbs().maxCoeff(), 1e-13);
    }
}

struct PathCase
{
    int batch;
    SampleOrder order;
    int classes;
    Activation activation;
};

class SampleAndEpochPaths : public ::testing::TestWithParam<PathCase>
{};

TEST_P(SampleAndEpochPaths, GiveTheSameBits)
{
    const PathCase& c = GetParam();
    const Dataset data = c.classes == 2 ? generate(Generator::Circles, {}) : threeClouds(31);
    const Network start = Network::glorot(
        shapeOf({5, 4}, c.activation, c.classes, *FeatureSet::fromName("x1,x2,x1sq,sinx2")), 21);
    const NetworkTrainingSettings s = settingsOf(0.2, c.batch, c.order, 77);
    NetworkTrainer fast(start, data, s);
    NetworkTrainer slow(start, data, s);
    NetworkTrainer mixed(start, data, s);
    for (int e = 1; e <= 3; ++e) {
        fast.stepEpoch();
        NetworkVisit last;
        do {
            last = slow.stepSample();
        } while (!last.closesEpoch);
        EXPECT_EQ(last.epoch, e);
        EXPECT_EQ(slow.epoch(), e);
        EXPECT_TRUE(sameBits(fast.network().layers(), slow.network().layers())) << "epoch " << e;
        EXPECT_TRUE(sameBits(last.after, slow.network().layers()));
        // A few visits by hand, then the rest of the epoch fast.
        for (int k = 0; k < 7; ++k)
            (void)mixed.stepSample();
        const NetworkEpochEnd end = mixed.stepEpoch();
        EXPECT_EQ(end.epoch, e);
        EXPECT_TRUE(sameBits(mixed.network().layers(), fast.network().layers())) << "epoch " << e;
    }
    EXPECT_EQ(fast.state(), slow.state());
}

INSTANTIATE_TEST_SUITE_P(
    Modes, SampleAndEpochPaths,
    ::testing::Values(PathCase{1, SampleOrder::File, 2, Activation::Tanh},
                      PathCase{1, SampleOrder::Shuffle, 3, Activation::Relu},
                      PathCase{4, SampleOrder::Shuffle, 2, Activation::Sigmoid},
                      PathCase{4, SampleOrder::File, 3, Activation::Identity},
                      PathCase{kFullBatch, SampleOrder::Shuffle, 2, Activation::Tanh}),
    [](const ::testing::TestParamInfo<PathCase>& info) {
        return "B" + std::to_string(info.param.batch) + "_" + std::string(name(info.param.order)) +
               "_" + std::to_string(info.param.classes) + "classes_" +
               std::string(name(info.param.activation));
    });

TEST(NetworkTrainer, ShuffleIsTheLinearTrainersShuffle)
{
    const Dataset data = generate(Generator::Blobs, {});
    NetworkTrainer net(Network::glorot(shapeOf({3}), 1), data,
                       settingsOf(0.1, 1, SampleOrder::Shuffle, 12));
    TrainingSettings ls;
    ls.order = SampleOrder::Shuffle;
    ls.seed = 12;
    Trainer linear(data, ls);
    std::vector<std::uint32_t> order;
    for (int e = 1; e <= 3; ++e) {
        shuffledOrder(12, std::uint64_t(e), data.size(), order);
        for (std::size_t k = 0; k < data.size(); ++k) {
            const NetworkVisit v = net.stepSample();
            EXPECT_EQ(v.index, order[k]);
            if (!linear.finished()) {
                EXPECT_EQ(linear.stepSample().step.index, order[k]);
            }
        }
    }
    // A different seed visits in a different order.
    shuffledOrder(13, 1, data.size(), order);
    std::vector<std::uint32_t> other;
    shuffledOrder(12, 1, data.size(), other);
    EXPECT_NE(order, other);
}

TEST(NetworkTrainer, Deterministic)
{
    const Dataset data = threeClouds(50);
    const Network start = Network::glorot(shapeOf({8}, Activation::Tanh, 3), 9);
    const auto run = [&](std::uint64_t seed) {
        NetworkTrainer t(start, data, settingsOf(0.5, 7, SampleOrder::Shuffle, seed));
        for (int e = 0; e < 4; ++e)
            t.stepEpoch();
        return t.state();
    };
    const NetworkTrainerState a = run(3);
    EXPECT_TRUE(sameBits(a.layers, run(3).layers));
    EXPECT_NE(a.layers, run(4).layers);
    EXPECT_EQ(a.epoch, 4);
    EXPECT_EQ(a.updates, 4 * 8); // ceil(50 / 7) = 8 batches per epoch
}

TEST(NetworkTrainer, StepNetworksAreRefusedWithTheReason)
{
    const Dataset data = generate(Generator::Xor, {});
    const Network step = Network::glorot(shapeOf({2}, Activation::Step), 1);
    const auto e = validateTraining(step, data, settingsOf(0.1));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->problem, NetworkError::Problem::StepNotTrainable);
    EXPECT_NE(e->message.find("slope is zero"), std::string::npos) << e->message;
    EXPECT_THROW(NetworkTrainer(step, data, settingsOf(0.1)), std::invalid_argument);
    // Without hidden layers the activation is unused: that network trains.
    const Network noHidden = Network::zeros(shapeOf({}, Activation::Step));
    EXPECT_FALSE(validateTraining(noHidden, data, settingsOf(0.1)));
}

TEST(NetworkTrainer, BadSettingsAndDataAreRefused)
{
    using P = NetworkError::Problem;
    const Dataset data = generate(Generator::And, {});
    const Network n = Network::glorot(shapeOf({2}), 1);
    for (double eta : {0.0, -1.0, 2e9, std::numeric_limits<double>::quiet_NaN(),
                       std::numeric_limits<double>::infinity()})
        EXPECT_EQ(validateTraining(n, data, settingsOf(eta))->problem, P::LearningRate) << eta;
    EXPECT_EQ(validateTraining(n, data, settingsOf(0.1, -1))->problem, P::BatchSize);
    EXPECT_EQ(validateTraining(n, Dataset{}, settingsOf(0.1))->problem, P::Data);
    const Dataset three = threeClouds(6);
    const auto e = validateTraining(n, three, settingsOf(0.1));
    EXPECT_EQ(e->problem, P::Label);
    EXPECT_EQ(e->index, 2);
    EXPECT_FALSE(validateTraining(Network::glorot(shapeOf({2}, Activation::Tanh, 3), 1), three,
                                  settingsOf(0.1)));
    NetworkTrainer t(n, data, settingsOf(0.1));
    EXPECT_THROW(t.setLearningRate(0.0), std::invalid_argument);
    t.setLearningRate(2.0);
    EXPECT_EQ(t.settings().learningRate, 2.0);
    EXPECT_EQ(t.stepSample().learningRate, 2.0);
}

TEST(NetworkTrainer, DivergenceKeepsTheLastFiniteParameters)
{
    // Identity units, points at 1e8 and a huge rate: every update multiplies the weights by
    // about 1e16 until one would overflow.
    Dataset data;
    data.add({1e8, -1e8}, 1);
    data.add({-1e8, 1e8}, 0);
    data.add({1e8, 1e8}, 1);
    const Network start = Network::glorot(shapeOf({3}, Activation::Identity), 2);
    const NetworkTrainingSettings s = settingsOf(1e6);

    NetworkTrainer fast(start, data, s);
    NetworkEpochEnd end;
    int epochs = 0;
    while (!fast.diverged() && epochs < 100) {
        end = fast.stepEpoch();
        ++epochs;
    }
    ASSERT_TRUE(fast.diverged());
    EXPECT_TRUE(end.diverged);
    EXPECT_EQ(end.epoch, epochs);
    EXPECT_EQ(fast.epoch(), epochs);
    EXPECT_EQ(fast.position(), 0);
    EXPECT_THROW(fast.stepEpoch(), std::logic_error);
    EXPECT_THROW(fast.stepSample(), std::logic_error);

    // The recorded path stops at the same visit with the same parameters.
    NetworkTrainer slow(start, data, s);
    NetworkVisit v;
    for (int k = 0; k < 300 && !slow.diverged(); ++k)
        v = slow.stepSample();
    ASSERT_TRUE(v.diverged);
    EXPECT_TRUE(v.closesBatch);
    EXPECT_TRUE(v.closesEpoch);
    EXPECT_FALSE(v.updated);
    EXPECT_EQ(v.epoch, epochs);
    EXPECT_TRUE(sameBits(v.after, v.before)) << "the refused update changed nothing";
    for (const Layer& L : v.change) {
        EXPECT_TRUE(L.W.isZero(0.0));
        EXPECT_TRUE(L.b.isZero(0.0));
    }
    EXPECT_TRUE(sameBits(fast.network().layers(), v.after));
    EXPECT_EQ(fast.state(), slow.state());
    const Network diverged = fast.network();
    for (const Layer& L : diverged.layers()) {
        EXPECT_TRUE(L.W.allFinite());
        EXPECT_TRUE(L.b.allFinite());
    }
    // The update that was refused really would have overflowed.
    const SampleTrace& t = v.trace;
    bool overflow = false;
    for (std::size_t l = 0; l < v.before.size(); ++l) {
        const Eigen::MatrixXd next = v.before[l].W - 1e6 * t.layers[l].gradW;
        const Eigen::VectorXd nextB = v.before[l].b - 1e6 * t.layers[l].gradB;
        overflow = overflow || !next.allFinite() || !nextB.allFinite();
    }
    EXPECT_TRUE(overflow);
}

TEST(NetworkTrainer, RestoreResumesMidBatch)
{
    const Dataset data = threeClouds(20);
    const Network start = Network::glorot(shapeOf({6}, Activation::Relu, 3), 2);
    const NetworkTrainingSettings s = settingsOf(0.3, 6, SampleOrder::Shuffle, 5);
    NetworkTrainer a(start, data, s);
    a.stepEpoch();
    for (int k = 0; k < 9; ++k)
        (void)a.stepSample(); // into the second batch of epoch 2: 3 samples accumulated
    const NetworkTrainerState mid = a.state();
    EXPECT_EQ(mid.position, 9);
    ASSERT_EQ(mid.batchGradient.size(), 2U);
    a.stepEpoch();
    a.stepEpoch();

    NetworkTrainer b(start, data, s);
    b.restore(mid);
    EXPECT_EQ(b.state(), mid);
    b.stepEpoch();
    b.stepEpoch();
    EXPECT_TRUE(sameBits(a.network().layers(), b.network().layers()));
    EXPECT_EQ(a.state(), b.state());

    NetworkTrainerState bad = mid;
    bad.batchGradient.clear();
    EXPECT_THROW(b.restore(bad), std::invalid_argument);
    bad = mid;
    bad.position = 20;
    EXPECT_THROW(b.restore(bad), std::invalid_argument);
    bad = mid;
    bad.layers[0].W(0, 0) = std::numeric_limits<double>::infinity();
    EXPECT_THROW(b.restore(bad), std::invalid_argument);
    bad = mid;
    bad.layers.pop_back();
    EXPECT_THROW(b.restore(bad), std::invalid_argument);
    EXPECT_EQ(b.state(), a.state()) << "a refused restore changes nothing";
}

TEST(NetworkTrainer, WithoutHiddenLayersItIsLogisticRegression)
{
    // 2-1 network, online, against the linear Trainer's logistic rule (w += eta (t - p) x): the
    // same algorithm with the products grouped differently, so equal to within rounding.
    const Dataset data = generate(Generator::OverlappingBlobs, {});
    NetworkTrainer net(Network::zeros(shapeOf({})), data, settingsOf(0.05));
    TrainingSettings ls;
    ls.rule = Rule::Logistic;
    ls.learningRate = 0.05;
    ls.tolerance = 0.0;
    Trainer linear(data, ls);
    for (int e = 0; e < 5; ++e) {
        net.stepEpoch();
        (void)linear.stepEpoch();
    }
    const Network trained = net.network();
    const Layer& L = trained.layers()[0];
    EXPECT_TRUE(nearlyEqual(L.W(0, 0), linear.model().w.x(), 1e-12));
    EXPECT_TRUE(nearlyEqual(L.W(0, 1), linear.model().w.y(), 1e-12));
    EXPECT_TRUE(nearlyEqual(L.b(0), linear.model().b, 1e-12));
}

TEST(NetworkTrainer, LearnsXorWithAHiddenLayer)
{
    // XOR: no line separates it, a 2-4-1 tanh network learns it.
    const Dataset data = generate(Generator::Xor, {});
    NetworkTrainer t(Network::glorot(shapeOf({4}), 1), data, settingsOf(0.5));
    for (int e = 0; e < 2000; ++e)
        t.stepEpoch();
    const NetworkEvaluation ev = evaluate(t.network(), data);
    EXPECT_EQ(ev.errors, 0);
    EXPECT_LT(ev.loss, 0.05);
}

TEST(NetworkTrainer, FeaturesLetALinearModelSeparateCircles)
{
    // Circles are not linearly separable in (x1, x2), but are in (x1^2, x2^2): no hidden layer.
    const Dataset data = generate(Generator::Circles, {});
    const NetworkShape plain = shapeOf({});
    const NetworkShape squares =
        shapeOf({}, Activation::Tanh, 2, *FeatureSet::fromName("x1sq,x2sq"));
    NetworkTrainer a(Network::zeros(plain), data, settingsOf(0.1));
    NetworkTrainer b(Network::zeros(squares), data, settingsOf(0.1));
    for (int e = 0; e < 200; ++e) {
        a.stepEpoch();
        b.stepEpoch();
    }
    EXPECT_GT(evaluate(a.network(), data).errors, 10);
    EXPECT_EQ(evaluate(b.network(), data).errors, 0);
}

} // namespace
} // namespace plab::learning
