// "How big is this model?": the cost of a sample visit, the operations of a run, the GPT-3
// arithmetic and the reference ladder, against values computed by hand (core/learning/scale.h).
#include "learning/generators.h"
#include "learning/scale.h"

#include <gtest/gtest.h>

#include <chrono>

namespace plab::learning {
namespace {

ModelShape network(std::vector<int> hidden, int classes = 2)
{
    ModelShape shape;
    shape.kind = ModelKind::Network;
    shape.hidden = std::move(hidden);
    shape.classes = classes;
    return shape;
}

TEST(SampleCost, ThePerceptronCostsItsNetPerVisitAndItsUpdatePerMistake)
{
    // w1 x1 + w2 x2 + b: 3 multiply-adds (the bias on a constant 1); the update the same 3.
    const SampleCost cost = sampleCost(ModelShape(), Rule::Perceptron, 1);
    EXPECT_EQ(cost, (SampleCost{3, 0, 3, 0}));
    // 5 epochs over AND's 4 points with 7 updates: 5 x 4 x 3 + 7 x 3 = 81.
    EXPECT_DOUBLE_EQ(trainingMultiplyAdds(cost, 5, 4, 7), 81.0);
    // Without a bias there are 2 parameters.
    ModelShape noBias;
    noBias.bias = false;
    EXPECT_EQ(sampleCost(noBias, Rule::Pocket, 1), (SampleCost{2, 0, 2, 0}));
    // Kesler on 3 classes: 3 units of (2 + 1): 9 per net, and an update is counted as all 9.
    ModelShape three;
    three.classes = 3;
    EXPECT_EQ(sampleCost(three, Rule::Averaged, 1), (SampleCost{9, 0, 9, 0}));
}

TEST(SampleCost, ANetworkAddsItsBackwardPassAndItsUpdatesPerBatch)
{
    // XOR 2-2-1: P = (2 + 1) 2 + (2 + 1) 1 = 9; backward 9 gradients + 2 x 1 deltas = 11.
    const SampleCost xor221 = sampleCost(network({2}), Rule::Perceptron, 1);
    EXPECT_EQ(xor221, (SampleCost{9, 11, 9, 1}));
    EXPECT_DOUBLE_EQ(xor221.perVisit(), 29.0);
    // Online, 10 epochs over 4 points: 10 x 4 x (9 + 11) + 10 x 4 x 9 = 1160.
    EXPECT_DOUBLE_EQ(trainingMultiplyAdds(xor221, 10, 4, 0), 1160.0);

    // 2-4-3-1: P = 3 x 4 + 5 x 3 + 4 x 1 = 31; deltas 4 x 3 + 3 x 1 = 15; backward 46.
    const SampleCost deep = sampleCost(network({4, 3}), Rule::Logistic, 2);
    EXPECT_EQ(deep, (SampleCost{31, 46, 31, 2}));
    EXPECT_DOUBLE_EQ(deep.perVisit(), 31.0 + 46.0 + 15.5);
    // Batches of 2 over 5 points: 3 updates an epoch (the last batch holds one point).
    // 2 epochs: 2 x 5 x 77 + 2 x 3 x 31 = 956.
    EXPECT_DOUBLE_EQ(trainingMultiplyAdds(deep, 2, 5, 0), 956.0);

    // Three classes, 2-16-3: P = 3 x 16 + 17 x 3 = 99; deltas 16 x 3 = 48.
    EXPECT_EQ(sampleCost(network({16}, 3), Rule::Perceptron, 1), (SampleCost{99, 147, 99, 1}));
}

TEST(SampleCost, FollowsTheSettingsBatch)
{
    // Logistic regression on x1, x2, x1*x2 in batch mode: P = 4, one update per epoch.
    TrainingSettings logistic;
    logistic.rule = Rule::Logistic;
    logistic.features = *FeatureSet::fromName("x1,x2,x1x2");
    logistic.gradientMode = GradientMode::Batch;
    const SampleCost cost = sampleCost(logistic, 10);
    EXPECT_EQ(cost, (SampleCost{4, 4, 4, 10}));
    // 3 epochs over 10 points: 3 x 10 x 8 + 3 x 1 x 4 = 252.
    EXPECT_DOUBLE_EQ(trainingMultiplyAdds(cost, 3, 10, 0), 252.0);
    logistic.gradientMode = GradientMode::Online;
    EXPECT_EQ(sampleCost(logistic, 10).batch, 1);

    TrainingSettings net;
    net.model = ModelKind::Network;
    net.hidden = {2};
    net.batchSize = 3;
    EXPECT_EQ(sampleCost(net, 10).batch, 3);
    net.batchSize = kFullBatch;
    EXPECT_EQ(sampleCost(net, 10).batch, 10);
    net.batchSize = 50; // larger than the data: the whole set
    EXPECT_EQ(sampleCost(net, 10).batch, 10);
}

TEST(Scale, DataSizeAndComputeTime)
{
    EXPECT_DOUBLE_EQ(dataBytes(4), 68.0); // 4 x (8 + 8 + 1)
    // GPT-3's 3.14 x 10^23 FLOPs at 10^9 FLOP/s: 3.14 x 10^14 s; a year is 31 557 600 s.
    const ComputeTime t = computeTime(3.14e23, 1e9);
    EXPECT_DOUBLE_EQ(t.seconds, 3.14e14);
    EXPECT_NEAR(t.years, 9.950059e6, 1.0);
    EXPECT_THROW((void)computeTime(1.0, 0.0), std::invalid_argument);
}

TEST(Scale, TheLadderHoldsThePublishedFigures)
{
    const auto ladder = referenceModels();
    ASSERT_EQ(ladder.size(), 7U);
    for (std::size_t i = 1; i < ladder.size(); ++i)
        EXPECT_LT(ladder[i - 1].parameters, ladder[i].parameters) << ladder[i].name;
    EXPECT_EQ(referenceModel(ReferenceId::Perceptron).parameters, ModelShape().parameterCount());
    EXPECT_EQ(referenceModel(ReferenceId::Perceptron).dataBytes, 68.0); // AND's 4 points
    EXPECT_EQ(referenceModel(ReferenceId::XorNetwork).parameters, network({2}).parameterCount());
    const ReferenceModel& gpt3 = referenceModel(ReferenceId::Gpt3);
    EXPECT_EQ(gpt3.parameters, 175e9);
    EXPECT_EQ(gpt3.dataBytes, 570e9);
    EXPECT_EQ(gpt3.trainingFlops, 3.14e23);
    EXPECT_EQ(referenceModel(ReferenceId::Gpt2).dataBytes, 40e9);
    EXPECT_EQ(referenceModel(ReferenceId::LeNet5).dataBytes, 47'040'000.0);
    EXPECT_EQ(referenceModel(ReferenceId::TrillionPlan).parameters, 1e12);
    EXPECT_FALSE(referenceModel(ReferenceId::TrillionPlan).trainingFlops.has_value());
}

TEST(Scale, MeasuringTheRateCountsTheEpochsItRan)
{
    // A 2-2-1 network on XOR: every epoch costs 4 x 20 + 4 x 9 = 116 multiply-adds, whatever
    // the run does, and runs that finish are started again until the budget is spent.
    TrainingSettings settings;
    settings.model = ModelKind::Network;
    settings.hidden = {2};
    settings.maxEpochs = 3;
    const Dataset xorData = generate(Generator::Xor, {});
    const auto budget = std::chrono::milliseconds(20);
    const auto measured = measureTrainingRate(xorData, settings, budget);
    ASSERT_TRUE(measured.has_value());
    EXPECT_GT(measured->epochs, 3); // several runs of 3 epochs
    EXPECT_DOUBLE_EQ(measured->multiplyAdds, 116.0 * double(measured->epochs));
    EXPECT_GE(measured->seconds, 0.020);
    EXPECT_DOUBLE_EQ(measured->flopsPerSecond(), 2.0 * measured->multiplyAdds / measured->seconds);

    EXPECT_FALSE(measureTrainingRate(Dataset(), settings, budget).has_value());
    std::stop_source stopped;
    stopped.request_stop();
    EXPECT_FALSE(measureTrainingRate(xorData, settings, budget, stopped.get_token()).has_value());
    settings.learningRate = -1.0; // refused by the trainer
    EXPECT_FALSE(measureTrainingRate(xorData, settings, budget).has_value());
}

} // namespace
} // namespace plab::learning
