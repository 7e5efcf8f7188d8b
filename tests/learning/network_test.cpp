// Feature maps, the network's shape, parameters, forward and backward pass, evaluation and the
// grid for the renderer. Expected numbers come from hand calculation or from a few independent
// lines written in the test (never from the code under test); gradients are checked against
// central finite differences of the loss.
#include "learning/fastmath.h"
#include "learning/features.h"
#include "learning/generators.h"
#include "learning/network.h"
#include "learning/random.h"
#include "testsupport.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <tuple>
#include <variant>
#include <vector>

namespace plab::learning {
namespace {

using test::nearlyEqual;

bool sameBits(double a, double b)
{
    return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
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

// --- Feature maps -------------------------------------------------------------------------------

TEST(Features, NamesAndFormulasInCanonicalOrder)
{
    const std::vector<std::tuple<Feature, std::string, std::string>> table{
        {Feature::X1, "x1", "x1"},
        {Feature::X2, "x2", "x2"},
        {Feature::X1Squared, "x1sq", "x1^2"},
        {Feature::X2Squared, "x2sq", "x2^2"},
        {Feature::X1X2, "x1x2", "x1*x2"},
        {Feature::SinX1, "sinx1", "sin(x1)"},
        {Feature::SinX2, "sinx2", "sin(x2)"},
    };
    ASSERT_EQ(int(table.size()), kFeatureCount);
    for (std::size_t k = 0; k < table.size(); ++k) {
        const auto& [f, n, formulaText] = table[k];
        EXPECT_EQ(int(f), int(k));
        EXPECT_EQ(name(f), n);
        EXPECT_EQ(formula(f), formulaText);
        EXPECT_EQ(featureFromName(n), f);
        // Names are plain letters and digits: usable unquoted in a shell and in JSON.
        EXPECT_TRUE(std::all_of(n.begin(), n.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        }));
    }
    EXPECT_EQ(featureFromName("X1"), std::nullopt);
    EXPECT_EQ(featureFromName("x1^2"), std::nullopt);
    EXPECT_EQ(featureFromName(""), std::nullopt);
}

TEST(Features, ValuesAtAPoint)
{
    const double x1 = 0.5;
    const double x2 = -2.0;
    EXPECT_EQ(featureValue(Feature::X1, x1, x2), 0.5);
    EXPECT_EQ(featureValue(Feature::X2, x1, x2), -2.0);
    EXPECT_EQ(featureValue(Feature::X1Squared, x1, x2), 0.25);
    EXPECT_EQ(featureValue(Feature::X2Squared, x1, x2), 4.0);
    EXPECT_EQ(featureValue(Feature::X1X2, x1, x2), -1.0);
    // sin(0.5) = 0.479425538604203, sin(-2) = -0.909297426825682 (tables).
    EXPECT_TRUE(nearlyEqual(featureValue(Feature::SinX1, x1, x2), 0.479425538604203, 1e-15));
    EXPECT_TRUE(nearlyEqual(featureValue(Feature::SinX2, x1, x2), -0.909297426825682, 1e-15));

    const Eigen::VectorXd all = FeatureSet::all().map(Eigen::Vector2d(x1, x2));
    ASSERT_EQ(all.size(), 7);
    EXPECT_EQ(all[0], 0.5);
    EXPECT_EQ(all[1], -2.0);
    EXPECT_EQ(all[2], 0.25);
    EXPECT_EQ(all[3], 4.0);
    EXPECT_EQ(all[4], -1.0);
    EXPECT_EQ(all[5], std::sin(0.5));
    EXPECT_EQ(all[6], std::sin(-2.0));

    // A subset keeps the canonical order whatever order it was named in.
    const FeatureSet xorSet = *FeatureSet::fromName("x1x2,x2,x1");
    const Eigen::VectorXd v = xorSet.map(Eigen::Vector2d(3.0, 5.0));
    ASSERT_EQ(v.size(), 3);
    EXPECT_EQ(v[0], 3.0);
    EXPECT_EQ(v[1], 5.0);
    EXPECT_EQ(v[2], 15.0);
    EXPECT_EQ(FeatureSet().map(Eigen::Vector2d(3.0, 5.0)), Eigen::Vector2d(3.0, 5.0));
}

TEST(Features, SetsParseAndPrintCanonically)
{
    EXPECT_EQ(FeatureSet().name(), "x1,x2");
    EXPECT_EQ(FeatureSet::all().name(), "x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2");
    EXPECT_EQ(FeatureSet::all().size(), 7);
    EXPECT_EQ(FeatureSet::fromName("sinx2, x1sq ,x1")->name(), "x1,x1sq,sinx2");
    EXPECT_EQ(FeatureSet::fromName("x1x2")->size(), 1);
    EXPECT_EQ(FeatureSet::fromName("x1x2")->at(0), Feature::X1X2);
    EXPECT_EQ(FeatureSet::fromName("x2,sinx1")->at(1), Feature::SinX1);
    // Every one of the 127 non-empty subsets round-trips through its name and its bits.
    for (int bits = 1; bits < 128; ++bits) {
        const auto set = FeatureSet::fromBits(std::uint8_t(bits));
        ASSERT_TRUE(set);
        EXPECT_EQ(set->bits(), bits);
        EXPECT_EQ(FeatureSet::fromName(set->name()), set);
        EXPECT_EQ(set->size(), std::popcount(unsigned(bits)));
    }
    EXPECT_EQ(FeatureSet::fromBits(0), std::nullopt);
    EXPECT_EQ(FeatureSet::fromBits(0x80), std::nullopt);
    EXPECT_EQ(FeatureSet::of({Feature::X1X2, Feature::X1}), FeatureSet::fromName("x1,x1x2"));
    EXPECT_EQ(FeatureSet::of({}), std::nullopt);
}

TEST(Features, BadListsAreRefusedNamingTheItem)
{
    using P = FeatureListError::Problem;
    const auto err = [](std::string_view list) {
        auto r = FeatureSet::parse(list);
        return std::get<FeatureListError>(r);
    };
    EXPECT_EQ(err(""), (FeatureListError{P::Empty, ""}));
    EXPECT_EQ(err(" , ,"), (FeatureListError{P::Empty, ""}));
    EXPECT_EQ(err("x1,x3"), (FeatureListError{P::Unknown, "x3"}));
    EXPECT_EQ(err("x1,X2"), (FeatureListError{P::Unknown, "X2"}));
    EXPECT_EQ(err("x1, x2, x1"), (FeatureListError{P::Repeated, "x1"}));
    EXPECT_EQ(err("x1,x3").message(),
              "unknown feature 'x3' (known: x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2)");
    EXPECT_EQ(err("x2,x2").message(), "feature 'x2' is named twice");
    EXPECT_EQ(FeatureSet::fromName("x1;x2"), std::nullopt);
    // Empty items between commas are skipped, as long as something is named.
    EXPECT_EQ(FeatureSet::fromName("x1,,x2,"), FeatureSet());
}

// --- Shape
// ----------------------------------------------------------------------------------------

TEST(NetworkShape, ParameterCountsWrittenOut)
{
    const NetworkShape s = shapeOf({4});
    EXPECT_EQ(s.sizes(), (std::vector<int>{2, 4, 1}));
    EXPECT_EQ(s.parameterCount(0), 12); // (2 + 1) x 4
    EXPECT_EQ(s.parameterCount(1), 5);  // (4 + 1) x 1
    EXPECT_EQ(s.parameterCount(), 17);
    EXPECT_EQ(s.parameterFormula(), "(2 + 1) x 4 + (4 + 1) x 1 = 17");
    EXPECT_EQ(s.description(), "2-4-1, tanh");
    EXPECT_EQ(Network::glorot(s, 1).parameterCount(), 17);

    // The perceptron on (x1, x2, x1 x2) that separates XOR: 4 parameters.
    const NetworkShape xorPerceptron =
        shapeOf({}, Activation::Tanh, 2, *FeatureSet::fromName("x1,x2,x1x2"));
    EXPECT_EQ(xorPerceptron.parameterCount(), 4);
    EXPECT_EQ(xorPerceptron.parameterFormula(), "(3 + 1) x 1 = 4");
    EXPECT_EQ(xorPerceptron.description(), "3-1");

    // Three classes: a softmax layer of 3 units.
    const NetworkShape three = shapeOf({8, 8}, Activation::Relu, 3);
    EXPECT_EQ(three.outputUnits(), 3);
    EXPECT_EQ(three.description(), "2-8-8-3, relu");
    EXPECT_EQ(three.parameterFormula(), "(2 + 1) x 8 + (8 + 1) x 8 + (8 + 1) x 3 = 123");

    // The largest network: 7 features, 16-16-16, 8 classes.
    const NetworkShape big = shapeOf({16, 16, 16}, Activation::Sigmoid, 8, FeatureSet::all());
    EXPECT_EQ(big.parameterCount(), 8 * 16 + 17 * 16 + 17 * 16 + 17 * 8);
    EXPECT_EQ(big.parameterCount(), 808);
    EXPECT_EQ(big.description(), "7-16-16-16-8, sigmoid");
}

TEST(NetworkShape, OutOfRangeShapesAreRefused)
{
    using P = NetworkError::Problem;
    EXPECT_EQ(validate(shapeOf({4, 4, 4, 4}))->problem, P::HiddenLayers);
    EXPECT_EQ(validate(shapeOf({4, 0}))->problem, P::Units);
    EXPECT_EQ(validate(shapeOf({4, 0}))->layer, 1);
    EXPECT_EQ(validate(shapeOf({4, 0}))->message, "hidden layer 2 must have 1 to 16 units, not 0");
    EXPECT_EQ(validate(shapeOf({17}))->problem, P::Units);
    EXPECT_EQ(validate(shapeOf({4}, Activation::Tanh, 1))->problem, P::Classes);
    EXPECT_EQ(validate(shapeOf({4}, Activation::Tanh, 9))->problem, P::Classes);
    EXPECT_FALSE(validate(shapeOf({})));
    EXPECT_FALSE(validate(shapeOf({1, 16, 3}, Activation::Step, 8)));
    EXPECT_THROW((void)Network::glorot(shapeOf({17}), 1), std::invalid_argument);
}

TEST(NetworkShape, GivenLayersAreChecked)
{
    using P = NetworkError::Problem;
    const NetworkShape s = shapeOf({3});
    std::vector<Layer> good{{Eigen::MatrixXd::Ones(3, 2), Eigen::VectorXd::Ones(3)},
                            {Eigen::MatrixXd::Ones(1, 3), Eigen::VectorXd::Ones(1)}};
    EXPECT_FALSE(validate(s, good));
    EXPECT_NO_THROW((void)Network(s, good));

    std::vector<Layer> one{good[0]};
    EXPECT_EQ(validate(s, one)->problem, P::LayerCount);
    EXPECT_EQ(validate(s, one)->message, "a 2-3-1, tanh network has 2 layers, not 1");

    std::vector<Layer> transposed = good;
    transposed[0].W = Eigen::MatrixXd::Ones(2, 3);
    const auto e = validate(s, transposed);
    EXPECT_EQ(e->problem, P::LayerShape);
    EXPECT_EQ(e->layer, 0);
    EXPECT_EQ(e->message, "hidden layer 1 needs W of 3 x 2 and b of 3, not W of 2 x 3 and b of 3");

    std::vector<Layer> shortBias = good;
    shortBias[1].b = Eigen::VectorXd::Ones(2);
    EXPECT_EQ(validate(s, shortBias)->message,
              "the output layer needs W of 1 x 3 and b of 1, not W of 1 x 3 and b of 2");

    for (double bad :
         {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity()}) {
        std::vector<Layer> nonFinite = good;
        nonFinite[1].W(0, 2) = bad;
        EXPECT_EQ(validate(s, nonFinite)->problem, P::Parameter);
        EXPECT_EQ(validate(s, nonFinite)->layer, 1);
        EXPECT_THROW((void)Network(s, nonFinite), std::invalid_argument);
    }

    // Hand-setting a weight: a finite value is taken, a non-finite one refused, nothing changes.
    Network n(s, good);
    EXPECT_FALSE(n.setWeight(0, 2, 1, -4.5));
    EXPECT_EQ(n.layers()[0].W(2, 1), -4.5);
    EXPECT_FALSE(n.setBias(1, 0, 0.25));
    EXPECT_EQ(n.layers()[1].b(0), 0.25);
    EXPECT_EQ(n.setWeight(0, 0, 0, std::numeric_limits<double>::infinity())->problem, P::Parameter);
    EXPECT_EQ(n.layers()[0].W(0, 0), 1.0);
    EXPECT_THROW((void)n.setWeight(0, 3, 0, 1.0), std::out_of_range);
    EXPECT_THROW((void)n.setWeight(2, 0, 0, 1.0), std::out_of_range);
    EXPECT_THROW((void)n.setBias(1, 1, 1.0), std::out_of_range);
}

TEST(Activation, NamesRoundTrip)
{
    for (Activation a : {Activation::Tanh, Activation::Relu, Activation::Sigmoid,
                         Activation::Identity, Activation::Step})
        EXPECT_EQ(activationFromName(name(a)), a);
    EXPECT_EQ(name(Activation::Relu), "relu");
    EXPECT_EQ(activationFromName("ReLU"), std::nullopt);
}

// --- Glorot -----------------------------------------------------------------------------------

TEST(Glorot, WithinTheLimitAndSpreadOverIt)
{
    const NetworkShape s = shapeOf({16, 16, 5}, Activation::Tanh, 3, FeatureSet::all());
    const Network n = Network::glorot(s, 42);
    const std::vector<int> sizes{7, 16, 16, 5, 3};
    for (std::size_t l = 0; l < n.layers().size(); ++l) {
        const Layer& L = n.layers()[l];
        const double r = std::sqrt(6.0 / double(sizes[l] + sizes[l + 1]));
        EXPECT_LT(L.W.maxCoeff(), r);
        EXPECT_GE(L.W.minCoeff(), -r);
        EXPECT_EQ(L.b, Eigen::VectorXd::Zero(L.units())) << "biases start at 0";
    }
    // The 256 weights of the 16 x 16 layer (r = sqrt(6 / 32)) reach both ends and centre on 0.
    const Eigen::MatrixXd& W = n.layers()[1].W;
    const double r = std::sqrt(6.0 / 32.0);
    EXPECT_GT(W.maxCoeff(), 0.9 * r);
    EXPECT_LT(W.minCoeff(), -0.9 * r);
    EXPECT_LT(std::abs(W.mean()), 0.1 * r);
}

TEST(Glorot, DrawOrderAsDocumented)
{
    // Layer by layer, row (unit) by row, column (input) by column, from the NetworkWeights stream;
    // W = -r + 2r u with u = Random::uniform01().
    const NetworkShape s = shapeOf({3, 2});
    const Network n = Network::glorot(s, 7);
    Random rng(7, RandomPurpose::NetworkWeights);
    const std::vector<int> sizes{2, 3, 2, 1};
    for (std::size_t l = 0; l < 3; ++l) {
        const double r = std::sqrt(6.0 / double(sizes[l] + sizes[l + 1]));
        for (int j = 0; j < sizes[l + 1]; ++j) {
            for (int i = 0; i < sizes[l]; ++i) {
                const double u = rng.uniform01();
                EXPECT_TRUE(sameBits(n.layers()[l].W(j, i), -r + 2.0 * r * u)) << l << j << i;
            }
        }
    }
    EXPECT_EQ(Network::glorot(s, 7), n);
    EXPECT_NE(Network::glorot(s, 8), n);
    // Its own stream: not the linear model's initial weights.
    EXPECT_NE(streamSeed(7, RandomPurpose::NetworkWeights),
              streamSeed(7, RandomPurpose::InitialWeights));
}

// --- Forward and backward: a 2-2-1 tanh network by hand -----------------------------------------

// The network of the worked example (also used by networktrainer_test): hidden weights
// w1 = (0.5, -0.5), b1 = 0; w2 = (-1, 1), b2 = 0.25; output v = (1, -1), c = 0.1.
Network handNetwork()
{
    Eigen::MatrixXd W1(2, 2);
    W1 << 0.5, -0.5, -1.0, 1.0;
    Eigen::MatrixXd W2(1, 2);
    W2 << 1.0, -1.0;
    return Network(shapeOf({2}),
                   {{W1, Eigen::Vector2d(0.0, 0.25)}, {W2, Eigen::VectorXd::Constant(1, 0.1)}});
}

TEST(NetworkTrace, HandComputed221)
{
    // Sample x = (1, 0), class t = 1.
    //   net1 = 0.5 * 1 + (-0.5) * 0 + 0     =  0.5
    //   net2 = -1 * 1 + 1 * 0 + 0.25         = -0.75
    //   h1 = tanh(0.5)   =  0.46211715726000974
    //   h2 = tanh(-0.75) = -0.6351489523872873
    //   z  = 1 * h1 + (-1) * h2 + 0.1 = 1.1972661096472972
    //   p  = 1 / (1 + e^-z)           = 0.768038082611525
    //   J  = log(1 + e^-z)            = 0.26391596033008985
    //   delta     = p - t                        = -0.23196191738847505
    //   delta1    = (v1 delta) (1 - h1^2)        = -0.18242592406459593
    //   delta2    = (v2 delta) (1 - h2^2)        =  0.13838518797569083
    // (values from Python's math module; the loop below recomputes them in a few plain lines.)
    const SampleTrace t = handNetwork().trace({1.0, 0.0}, 1);
    ASSERT_EQ(t.layers.size(), 2U);
    EXPECT_EQ(t.input, Eigen::Vector2d(1.0, 0.0));
    EXPECT_EQ(t.layers[0].net, Eigen::Vector2d(0.5, -0.75));
    EXPECT_TRUE(nearlyEqual(t.layers[0].activation[0], 0.46211715726000974));
    EXPECT_TRUE(nearlyEqual(t.layers[0].activation[1], -0.6351489523872873));
    EXPECT_TRUE(nearlyEqual(t.layers[1].net[0], 1.1972661096472972));
    EXPECT_TRUE(nearlyEqual(t.layers[1].activation[0], 0.768038082611525));
    EXPECT_TRUE(nearlyEqual(t.loss, 0.26391596033008985));
    EXPECT_TRUE(nearlyEqual(t.layers[1].delta[0], -0.23196191738847505));
    EXPECT_TRUE(nearlyEqual(t.layers[0].delta[0], -0.18242592406459593));
    EXPECT_TRUE(nearlyEqual(t.layers[0].delta[1], 0.13838518797569083));
    // The gradient: delta times the layer's input.
    EXPECT_TRUE(nearlyEqual(t.layers[1].gradW(0, 0), -0.23196191738847505 * 0.46211715726000974));
    EXPECT_TRUE(nearlyEqual(t.layers[1].gradW(0, 1), -0.23196191738847505 * -0.6351489523872873));
    EXPECT_TRUE(nearlyEqual(t.layers[0].gradW(0, 0), -0.18242592406459593));
    EXPECT_EQ(t.layers[0].gradW(0, 1), 0.0) << "x2 = 0: no gradient on w12";
    EXPECT_EQ(t.layers[0].gradB, t.layers[0].delta);
    // Prediction: z > 0, class 1 with probability p.
    EXPECT_EQ(t.decision.cls, 1);
    EXPECT_TRUE(nearlyEqual(t.decision.confidence, 0.768038082611525));
    EXPECT_TRUE(nearlyEqual(t.probabilities[0], 1.0 - 0.768038082611525));
    EXPECT_TRUE(nearlyEqual(t.probabilities[1], 0.768038082611525));

    // The same in plain scalar lines, independent of the library's loops: equal bit for bit,
    // because network.h fixes the order of every sum.
    const double h1 = std::tanh(0.5 * 1.0 + -0.5 * 0.0 + 0.0);
    const double h2 = std::tanh(-1.0 * 1.0 + 1.0 * 0.0 + 0.25);
    const double z = 1.0 * h1 + -1.0 * h2 + 0.1;
    const double p = 1.0 / (1.0 + std::exp(-z));
    const double d = p - 1.0;
    EXPECT_TRUE(sameBits(t.layers[1].net[0], z));
    EXPECT_TRUE(sameBits(t.layers[1].delta[0], d));
    EXPECT_TRUE(sameBits(t.layers[0].delta[0], (1.0 * d) * (1.0 - h1 * h1)));
    EXPECT_TRUE(sameBits(t.layers[0].delta[1], (-1.0 * d) * (1.0 - h2 * h2)));
    EXPECT_TRUE(sameBits(t.loss, std::log1p(std::exp(-z))));
}

TEST(NetworkTrace, StepNetworkOfLesson4)
{
    // h1 = OR = step(x1 + x2 - 0.5), h2 = NAND = step(-x1 - x2 + 1.5), output z = h1 + h2 - 1.5
    // (the output unit is sigmoid: z > 0 is class 1). XOR on the four corners.
    Network n = Network::zeros(shapeOf({2}, Activation::Step));
    for (const auto& [l, j, i, w] : std::vector<std::tuple<int, int, int, double>>{{0, 0, 0, 1.0},
                                                                                   {0, 0, 1, 1.0},
                                                                                   {0, 1, 0, -1.0},
                                                                                   {0, 1, 1, -1.0},
                                                                                   {1, 0, 0, 1.0},
                                                                                   {1, 0, 1, 1.0}})
        ASSERT_FALSE(n.setWeight(l, j, i, w));
    ASSERT_FALSE(n.setBias(0, 0, -0.5));
    ASSERT_FALSE(n.setBias(0, 1, 1.5));
    ASSERT_FALSE(n.setBias(1, 0, -1.5));
    const Dataset xorData = generate(Generator::Xor, {});
    for (std::size_t k = 0; k < xorData.size(); ++k) {
        const Decision d = n.decide(xorData.point(k));
        EXPECT_EQ(d.cls, xorData.label(k)) << k;
        // |z| = 0.5 at every corner: confidence sigma(0.5).
        EXPECT_TRUE(nearlyEqual(d.confidence, 1.0 / (1.0 + std::exp(-0.5))));
    }
    EXPECT_EQ(evaluate(n, xorData).errors, 0);
    // The hidden layer's view: (h1, h2) = (OR, NAND) of each corner.
    const Eigen::MatrixXd h = n.hiddenActivations(xorData.points());
    for (std::size_t k = 0; k < xorData.size(); ++k) {
        const bool a = xorData.point(k).x() > 0.5;
        const bool b = xorData.point(k).y() > 0.5;
        EXPECT_EQ(h(0, Eigen::Index(k)), (a || b) ? 1.0 : 0.0);
        EXPECT_EQ(h(1, Eigen::Index(k)), (a && b) ? 0.0 : 1.0);
    }
    // step(0) = 1: a net of exactly 0 fires.
    ASSERT_FALSE(n.setBias(0, 0, 0.0));
    EXPECT_EQ(n.hiddenActivations(Eigen::Matrix2Xd::Zero(2, 1))(0, 0), 1.0);
    // The trace writes the step's slope as 0: no delta below the output layer.
    const SampleTrace t = n.trace({1.0, 1.0}, 0);
    EXPECT_EQ(t.layers[0].delta, Eigen::Vector2d::Zero());
    EXPECT_NE(t.layers[1].delta[0], 0.0);
}

TEST(NetworkTrace, ReluSlopeAtZeroIsZero)
{
    // One hidden ReLU unit whose net is exactly 0 at x = (0, 0): ReLU(0) = 0 and ReLU'(0) = 0.
    Network n = Network::zeros(shapeOf({1}, Activation::Relu));
    ASSERT_FALSE(n.setWeight(0, 0, 0, 1.0));
    ASSERT_FALSE(n.setWeight(1, 0, 0, 2.0));
    const SampleTrace t = n.trace({0.0, 0.0}, 1);
    EXPECT_EQ(t.layers[0].net[0], 0.0);
    EXPECT_EQ(t.layers[0].activation[0], 0.0);
    EXPECT_EQ(t.layers[0].delta[0], 0.0);
    // Just above 0 the slope is 1: delta1 = (v delta) * 1.
    const SampleTrace above = n.trace({1e-300, 0.0}, 1);
    EXPECT_EQ(above.layers[0].delta[0], 2.0 * above.layers[1].delta[0]);
}

TEST(NetworkTrace, SoftmaxByHand)
{
    // No hidden layer, 3 classes, scores z = (1, 2, 2) at x = (1, 0): W x + b with W's first
    // column (1, 2, 3) and b = (0, 0, -1).
    //   m = 2, e = (e^-1, 1, 1), S = 2 + e^-1
    //   p = (e^-1 / S, 1 / S, 1 / S);  J(t = 0) = log S - (1 - 2) = log S + 1
    //   delta = p - onehot(0)
    //   the argmax ties between classes 1 and 2 go to class 1, with probability 1 / S.
    Eigen::MatrixXd W(3, 2);
    W << 1.0, 0.0, 2.0, 0.0, 3.0, 0.0;
    const Network n(shapeOf({}, Activation::Tanh, 3), {{W, Eigen::Vector3d(0.0, 0.0, -1.0)}});
    const double S = 2.0 + std::exp(-1.0);
    const SampleTrace t = n.trace({1.0, 0.0}, 0);
    EXPECT_EQ(t.layers[0].net, Eigen::Vector3d(1.0, 2.0, 2.0));
    EXPECT_TRUE(nearlyEqual(t.probabilities[0], std::exp(-1.0) / S));
    EXPECT_TRUE(nearlyEqual(t.probabilities[1], 1.0 / S));
    EXPECT_TRUE(nearlyEqual(t.probabilities[2], 1.0 / S));
    EXPECT_TRUE(nearlyEqual(t.loss, std::log(S) + 1.0));
    EXPECT_TRUE(nearlyEqual(t.layers[0].delta[0], std::exp(-1.0) / S - 1.0));
    EXPECT_TRUE(nearlyEqual(t.layers[0].delta[2], 1.0 / S));
    EXPECT_EQ(t.decision.cls, 1);
    EXPECT_TRUE(nearlyEqual(t.decision.confidence, 1.0 / S));
    EXPECT_EQ(n.decide({1.0, 0.0}), t.decision);
    EXPECT_TRUE(nearlyEqual(n.probabilities({1.0, 0.0}).sum(), 1.0));
}

TEST(NetworkTrace, TwoClassTieGoesToClassZero)
{
    const Network n = Network::zeros(shapeOf({3}));
    const Decision d = n.decide({2.0, -1.0});
    EXPECT_EQ(d.cls, 0);
    EXPECT_EQ(d.confidence, 0.5);
    EXPECT_EQ(n.probabilities({2.0, -1.0}), Eigen::Vector2d(0.5, 0.5));
}

TEST(NetworkTrace, LossHasNoOverflow)
{
    // Scores of +-1000: e^1000 overflows, the softplus and log-sum-exp forms do not.
    Eigen::MatrixXd W(1, 2);
    W << 1000.0, 0.0;
    const Network two(shapeOf({}), {{W, Eigen::VectorXd::Zero(1)}});
    EXPECT_EQ(two.loss({1.0, 0.0}, 1), std::log1p(std::exp(-1000.0)));
    EXPECT_EQ(two.loss({1.0, 0.0}, 0), 1000.0);
    EXPECT_EQ(two.decide({-1.0, 0.0}), (Decision{0, 1.0}));

    Eigen::MatrixXd W3(3, 2);
    W3 << 1000.0, 0.0, -1000.0, 0.0, 0.0, 0.0;
    const Network three(shapeOf({}, Activation::Tanh, 3), {{W3, Eigen::Vector3d::Zero()}});
    EXPECT_EQ(three.loss({1.0, 0.0}, 1), 2000.0);
    EXPECT_TRUE(std::isfinite(three.loss({1.0, 0.0}, 0)));
    EXPECT_EQ(three.probabilities({1.0, 0.0}), Eigen::Vector3d(1.0, 0.0, 0.0));
}

// --- Gradients against central finite differences ---------------------------------------------

struct GradientCase
{
    std::vector<int> hidden;
    Activation activation;
    int classes;
    std::string features;
};

class Gradients : public ::testing::TestWithParam<GradientCase>
{};

TEST_P(Gradients, MatchCentralDifferences)
{
    const GradientCase& c = GetParam();
    const NetworkShape shape =
        shapeOf(c.hidden, c.activation, c.classes, *FeatureSet::fromName(c.features));
    // Glorot weights and random biases, so no unit sits at a symmetric or saturated point.
    Network net = Network::glorot(shape, 11);
    Random rng(99);
    for (int l = 0; l < shape.layerCount(); ++l) {
        for (int j = 0; j < net.layers()[std::size_t(l)].units(); ++j)
            ASSERT_FALSE(net.setBias(l, j, rng.uniform(-0.5, 0.5)));
    }
    for (int sample = 0; sample < 3; ++sample) {
        const Eigen::Vector2d x(rng.uniform(-2.0, 2.0), rng.uniform(-2.0, 2.0));
        const int t = int(rng.index(std::uint64_t(c.classes)));
        const SampleTrace tr = net.trace(x, t);
        EXPECT_TRUE(nearlyEqual(tr.loss, net.loss(x, t)));
        const double h = 1e-6;
        const auto check = [&](double analytic, auto set, double value, const char* what, int l,
                               int j, int i) {
            Network plus = net;
            Network minus = net;
            ASSERT_FALSE(set(plus, value + h));
            ASSERT_FALSE(set(minus, value - h));
            const double numeric = (plus.loss(x, t) - minus.loss(x, t)) / (2.0 * h);
            EXPECT_NEAR(analytic, numeric, 1e-7 + 1e-6 * std::abs(numeric))
                << what << " layer " << l << " unit " << j << " input " << i;
        };
        for (int l = 0; l < shape.layerCount(); ++l) {
            const Layer& L = net.layers()[std::size_t(l)];
            for (int j = 0; j < L.units(); ++j) {
                for (int i = 0; i < L.inputs(); ++i)
                    check(
                        tr.layers[std::size_t(l)].gradW(j, i),
                        [&](Network& n, double v) { return n.setWeight(l, j, i, v); }, L.W(j, i),
                        "W", l, j, i);
                check(
                    tr.layers[std::size_t(l)].gradB(j),
                    [&](Network& n, double v) { return n.setBias(l, j, v); }, L.b(j), "b", l, j,
                    -1);
            }
        }
    }
}

INSTANTIATE_TEST_SUITE_P(
    ShapesActivationsOutputs, Gradients,
    ::testing::Values(GradientCase{{}, Activation::Tanh, 2, "x1,x2"},
                      GradientCase{{}, Activation::Tanh, 4, "x1,x2,x1x2"},
                      GradientCase{{3}, Activation::Tanh, 2, "x1,x2"},
                      GradientCase{{3}, Activation::Relu, 2, "x1,x2"},
                      GradientCase{{3}, Activation::Sigmoid, 2, "x1,x2"},
                      GradientCase{{3}, Activation::Identity, 2, "x1,x2"},
                      GradientCase{{4, 3}, Activation::Tanh, 3, "x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2"},
                      GradientCase{{4, 3}, Activation::Relu, 5, "x1sq,sinx2"},
                      GradientCase{{5, 4, 3}, Activation::Sigmoid, 8, "x1,x2,sinx1"},
                      GradientCase{{5, 4, 3}, Activation::Identity, 3, "x2,x1x2"},
                      GradientCase{{16}, Activation::Tanh, 2, "x1,x2,x1sq,x2sq"},
                      GradientCase{{2, 2}, Activation::Relu, 2, "x1,x2,x1x2"}),
    [](const ::testing::TestParamInfo<GradientCase>& info) {
        std::string n(name(info.param.activation));
        n += '_';
        n += std::to_string(info.param.classes);
        n += "classes";
        for (int h : info.param.hidden) {
            n += '_';
            n += std::to_string(h);
        }
        n += '_';
        n += std::to_string(info.index);
        return n;
    });

// --- Evaluation ---------------------------------------------------------------------------------

TEST(NetworkEvaluate, ErrorsPerClassAndMeanLoss)
{
    const Network n = handNetwork();
    Dataset d;
    d.add({1.0, 0.0}, 1); // z = 1.197...: correct
    d.add({1.0, 0.0}, 0); // wrong
    d.add({-1.0, 0.0},
          0); // net1 = -0.5, net2 = 1.25: z = tanh(-0.5) - tanh(1.25) + 0.1 < 0: correct
    d.add({-1.0, 0.0}, 1); // wrong
    d.add({-1.0, 0.0}, 1); // wrong
    const NetworkEvaluation ev = evaluate(n, d);
    EXPECT_EQ(ev.errors, 3);
    EXPECT_EQ(ev.classErrors, (std::vector<std::int64_t>{1, 2}));
    EXPECT_TRUE(nearlyEqual(ev.accuracy, 0.4));
    double sum = 0.0;
    for (std::size_t k = 0; k < d.size(); ++k)
        sum += n.loss(d.point(k), d.label(k));
    EXPECT_TRUE(sameBits(ev.loss, sum / 5.0));

    Dataset bad = d;
    bad.add({0.0, 0.0}, 2);
    EXPECT_THROW((void)evaluate(n, bad), std::invalid_argument);
    const auto e = validateData(bad, 2);
    EXPECT_EQ(e->problem, NetworkError::Problem::Label);
    EXPECT_EQ(e->index, 5);
    EXPECT_EQ(e->message, "point 5 has label 2, not a class 0 to 1");
    EXPECT_FALSE(validateData(bad, 3));
    EXPECT_EQ(validateData(Dataset{}, 2)->problem, NetworkError::Problem::Data);
    Dataset far;
    far.add({0.0, 2e9}, 0);
    EXPECT_EQ(validateData(far, 2)->index, 0);
}

TEST(NetworkEvaluate, HiddenActivationsMatchTraces)
{
    const NetworkShape s =
        shapeOf({5, 3}, Activation::Sigmoid, 3, *FeatureSet::fromName("x1,x2,x1x2"));
    const Network n = Network::glorot(s, 3);
    const Dataset d = generate(Generator::Circles, {});
    for (int layer : {0, 1}) {
        const Eigen::MatrixXd h = n.hiddenActivations(d.points(), layer);
        ASSERT_EQ(h.rows(), s.hidden[std::size_t(layer)]);
        ASSERT_EQ(h.cols(), Eigen::Index(d.size()));
        for (std::size_t k = 0; k < d.size(); k += 7)
            EXPECT_EQ(h.col(Eigen::Index(k)),
                      n.trace(d.point(k), 0).layers[std::size_t(layer)].activation);
    }
    EXPECT_THROW((void)n.hiddenActivations(d.points(), 2), std::out_of_range);
}

// --- The grid for the renderer ----------------------------------------------------------------

TEST(FastTanh, MaximumErrorAgainstStdTanh)
{
    // Dense: every 1e-6 over [-20, 20] (4 * 10^7 values), plus far values and the extremes.
    std::vector<double> x;
    double worst = 0.0;
    const long steps = 40'000'000;
    x.reserve(1 << 16);
    for (long k = 0; k <= steps; ++k) {
        x.push_back(-20.0 + 40.0 * double(k) / double(steps));
        if (x.size() == x.capacity() || k == steps) {
            std::vector<double> y = x;
            fastTanh(y);
            for (std::size_t i = 0; i < x.size(); ++i)
                worst = std::max(worst, std::abs(y[i] - std::tanh(x[i])));
            x.clear();
        }
    }
    EXPECT_LE(worst, kFastTanhError);
    EXPECT_GT(worst, 1e-7) << "the stated bound should be close to the truth";
    std::vector<double> far{1e3, -1e3, 1e300, -1e300, std::numeric_limits<double>::infinity(), 0.0};
    fastTanh(far);
    EXPECT_NEAR(far[0], 1.0, kFastTanhError);
    EXPECT_NEAR(far[1], -1.0, kFastTanhError);
    EXPECT_NEAR(far[2], 1.0, kFastTanhError);
    EXPECT_NEAR(far[3], -1.0, kFastTanhError);
    EXPECT_NEAR(far[4], 1.0, kFastTanhError);
    EXPECT_EQ(far[5], 0.0);
    std::vector<double> nan{std::numeric_limits<double>::quiet_NaN()};
    fastTanh(nan);
    EXPECT_TRUE(std::isnan(nan[0]));
}

struct GridCase
{
    std::vector<int> hidden;
    Activation activation;
    int classes;
    std::string features;
};

class Grid : public ::testing::TestWithParam<GridCase>
{};

TEST_P(Grid, MatchesDecideWithinTheStatedError)
{
    const GridCase& c = GetParam();
    const NetworkShape s =
        shapeOf(c.hidden, c.activation, c.classes, *FeatureSet::fromName(c.features));
    Network n = Network::glorot(s, 5);
    Random rng(6);
    for (int l = 0; l < s.layerCount(); ++l) {
        for (int j = 0; j < n.layers()[std::size_t(l)].units(); ++j)
            ASSERT_FALSE(n.setBias(l, j, rng.uniform(-1.0, 1.0)));
    }
    // 301 columns (two full chunks of 128 and a partial one) by 7 rows.
    std::vector<double> xs(301);
    std::vector<double> ys(7);
    for (std::size_t k = 0; k < xs.size(); ++k)
        xs[k] = -3.0 + 6.0 * double(k) / 300.0;
    for (std::size_t k = 0; k < ys.size(); ++k)
        ys[k] = -2.5 + double(k) * 0.8;
    std::vector<Decision> out(xs.size() * ys.size());
    n.decideGrid(xs, ys, out);

    // The bound: 3e-7 per activation, carried through the weights downstream of the first
    // hidden layer (sum of |W| per layer, a loose upper bound), for tanh and sigmoid units.
    const bool approximate = !c.hidden.empty() && (c.activation == Activation::Tanh ||
                                                   c.activation == Activation::Sigmoid);
    double bound = 0.0;
    if (approximate) {
        double carried = kFastTanhError;
        for (int l = 1; l < s.layerCount(); ++l)
            carried = kFastTanhError +
                      n.layers()[std::size_t(l)].W.cwiseAbs().rowwise().sum().maxCoeff() * carried;
        bound = carried;
    }
    int classDifferences = 0;
    for (std::size_t r = 0; r < ys.size(); ++r) {
        for (std::size_t k = 0; k < xs.size(); ++k) {
            const Eigen::Vector2d x(xs[k], ys[r]);
            const Decision exact = n.decide(x);
            const Decision grid = out[r * xs.size() + k];
            // The two-class confidence goes through fastTanh as well.
            EXPECT_NEAR(grid.confidence, exact.confidence,
                        bound + (c.classes == 2 ? kFastTanhError / 2 : 1e-14))
                << r << "," << k;
            if (grid.cls != exact.cls) {
                ++classDifferences;
                // Only where the exact scores are within the bound of a tie.
                const Eigen::VectorXd z = n.scores(x);
                const double gap =
                    z.size() == 1 ? std::abs(z[0]) : std::abs(z[exact.cls] - z[grid.cls]);
                EXPECT_LE(gap, 2.0 * bound) << r << "," << k;
            }
        }
    }
    if (!approximate) {
        EXPECT_EQ(classDifferences, 0);
    }
    EXPECT_THROW(n.decideGrid(xs, ys, std::span(out).first(10)), std::invalid_argument);
}

INSTANTIATE_TEST_SUITE_P(
    Networks, Grid,
    ::testing::Values(GridCase{{16}, Activation::Tanh, 2, "x1,x2"},
                      GridCase{{}, Activation::Tanh, 2, "x1,x2,x1x2"},
                      GridCase{{8, 8}, Activation::Relu, 2, "x1,x2"},
                      GridCase{{6}, Activation::Sigmoid, 3, "x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2"},
                      GridCase{{4, 4, 4}, Activation::Identity, 5, "x1sq,x2sq"},
                      GridCase{{3}, Activation::Step, 2, "x1,x2,sinx2"},
                      GridCase{{16, 16, 16}, Activation::Tanh, 8, "x1,x2,x1x2"}),
    [](const ::testing::TestParamInfo<GridCase>& info) {
        std::string n(name(info.param.activation));
        n += '_';
        n += std::to_string(info.index);
        return n;
    });

TEST(Grid, StepNetworkShadesXor)
{
    // The lesson 4 network again, on a grid: exactly decide() (no approximation for step units).
    Eigen::MatrixXd W1(2, 2);
    W1 << 1.0, 1.0, -1.0, -1.0;
    Eigen::MatrixXd W2(1, 2);
    W2 << 1.0, 1.0;
    const Network n(shapeOf({2}, Activation::Step),
                    {{W1, Eigen::Vector2d(-0.5, 1.5)}, {W2, Eigen::VectorXd::Constant(1, -1.5)}});
    const std::vector<double> xs{0.0, 1.0};
    const std::vector<double> ys{0.0, 1.0};
    std::vector<Decision> out(4);
    n.decideGrid(xs, ys, out);
    EXPECT_EQ(out[0].cls, 0); // (0, 0)
    EXPECT_EQ(out[1].cls, 1); // (1, 0)
    EXPECT_EQ(out[2].cls, 1); // (0, 1)
    EXPECT_EQ(out[3].cls, 0); // (1, 1)
    for (const Decision& d : out)
        EXPECT_NEAR(d.confidence, 1.0 / (1.0 + std::exp(-0.5)), kFastTanhError / 2);
}

} // namespace
} // namespace plab::learning
