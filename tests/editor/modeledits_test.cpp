// Typing a parameter by hand (editor/modeledits.h): where each parameter sits in the flat vector,
// and the settings whose run starts from the shown model with that one value changed.
#include "editor/modeledits.h"
#include "learning/trainer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace plab::editor {
namespace {

using learning::InitKind;
using learning::Model;
using learning::ModelKind;
using learning::ModelShape;
using learning::TrainingSettings;

ModelShape network(std::vector<int> hidden, int classes = 2)
{
    ModelShape shape;
    shape.kind = ModelKind::Network;
    shape.hidden = std::move(hidden);
    shape.classes = classes;
    return shape;
}

/// The model whose k-th flat parameter is k: its layers say where each index went.
Model counting(const ModelShape& shape)
{
    learning::SmallVector p(std::size_t(shape.storedCount()));
    for (std::size_t k = 0; k < p.size(); ++k)
        p[k] = double(k);
    return Model(shape, p);
}

const learning::Dataset kXor({{{0, 0}, 0}, {{0, 1}, 1}, {{1, 0}, 1}, {{1, 1}, 0}});

TEST(ModelEdits, ParameterIndexIsWhereTheLayersPutEachWeightAndBias)
{
    ModelShape threeClasses;
    threeClasses.classes = 3;
    threeClasses.features = *learning::FeatureSet::fromName("x1,x2,x1x2");
    for (const ModelShape& shape :
         {ModelShape(), threeClasses, network({4}), network({3, 5, 2}, 4)}) {
        const Model model = counting(shape);
        const auto layers = model.layers();
        for (int l = 0; l < int(layers.size()); ++l)
            for (int j = 0; j < layers[std::size_t(l)].units(); ++j) {
                EXPECT_EQ(parameterIndex(shape, l, j, -1), int(layers[std::size_t(l)].b(j)));
                for (int i = 0; i < layers[std::size_t(l)].inputs(); ++i)
                    EXPECT_EQ(parameterIndex(shape, l, j, i), int(layers[std::size_t(l)].W(j, i)))
                        << shape.description() << " layer " << l << " W(" << j << ", " << i << ")";
            }
    }
    EXPECT_THROW((void)parameterIndex(network({4}), 2, 0, 0), std::out_of_range);
    EXPECT_THROW((void)parameterIndex(network({4}), 0, 4, 0), std::out_of_range);
    EXPECT_THROW((void)parameterIndex(network({4}), 0, 0, 2), std::out_of_range);
}

TEST(ModelEdits, ANetworkStartsOverFromTheShownLayersWithTheOneValueChanged)
{
    TrainingSettings settings;
    settings.model = ModelKind::Network;
    settings.hidden = {2};
    settings.rule = learning::Rule::Logistic;
    settings.learningRate = 0.3;
    settings.seed = 99;
    const Model shown = Model::of(learning::Network::glorot(network({2}).networkShape(), 5));
    const int index = parameterIndex(shown.shape(), 0, 1, 0); // w(1) h2<-x1
    const auto result = withParameter(settings, shown, index, 0.5);
    ASSERT_TRUE(std::holds_alternative<TrainingSettings>(result));
    const TrainingSettings& s = std::get<TrainingSettings>(result);
    EXPECT_EQ(s.init, InitKind::Given);
    EXPECT_EQ(s.learningRate, 0.3);
    EXPECT_EQ(s.seed, 99U);
    EXPECT_FALSE(learning::validate(s));
    EXPECT_FALSE(learning::validateModel(s));
    ASSERT_EQ(s.initialLayers.size(), 2U);
    const auto before = shown.layers();
    for (std::size_t l = 0; l < 2; ++l) {
        Eigen::MatrixXd W = before[l].W;
        if (l == 0)
            W(1, 0) = 0.5;
        EXPECT_EQ(s.initialLayers[l].W, W);
        EXPECT_EQ(s.initialLayers[l].b, before[l].b);
    }
    // The run starts from exactly those weights at epoch 0.
    const learning::Trainer trainer(kXor, s);
    EXPECT_EQ(trainer.answer().layers(), s.initialLayers);
}

TEST(ModelEdits, TheClassicModelTakesItsInitialWeights)
{
    TrainingSettings settings; // the perceptron from zeros
    const Model shown = Model::classic({Eigen::Vector2d(0.25, -1.5), 0.75});
    const auto bias = withParameter(settings, shown, parameterIndex(shown.shape(), 0, 0, -1), -2.0);
    ASSERT_TRUE(std::holds_alternative<TrainingSettings>(bias));
    const TrainingSettings& s = std::get<TrainingSettings>(bias);
    EXPECT_EQ(s.init, InitKind::Given);
    EXPECT_TRUE(s.initialLayers.empty());
    EXPECT_EQ(s.initial, (learning::LinearModel{Eigen::Vector2d(0.25, -1.5), -2.0}));
    EXPECT_EQ(learning::Trainer(kXor, s).model(), s.initial);

    // Without a bias, b is no parameter; w2 still is.
    settings.useBias = false;
    const Model noBias = Model::classic({Eigen::Vector2d(1.0, 2.0), 0.0}, false);
    EXPECT_EQ(std::get<ParameterEditError>(withParameter(settings, noBias, 2, 1.0)),
              ParameterEditError::NoBias);
    const auto w2 = withParameter(settings, noBias, 1, -3.0);
    ASSERT_TRUE(std::holds_alternative<TrainingSettings>(w2));
    EXPECT_EQ(std::get<TrainingSettings>(w2).initial,
              (learning::LinearModel{Eigen::Vector2d(1.0, -3.0), 0.0}));
    EXPECT_FALSE(std::get<TrainingSettings>(w2).useBias);
}

TEST(ModelEdits, RefusesWhatTheSettingsCannotHold)
{
    const TrainingSettings settings;
    const Model shown;
    const auto error = [&](double value, int index = 0) {
        const auto r = withParameter(settings, shown, index, value);
        return std::holds_alternative<ParameterEditError>(r)
                   ? std::optional(std::get<ParameterEditError>(r))
                   : std::nullopt;
    };
    EXPECT_EQ(error(std::numeric_limits<double>::quiet_NaN()), ParameterEditError::NotFinite);
    EXPECT_EQ(error(std::numeric_limits<double>::infinity()), ParameterEditError::NotFinite);
    EXPECT_EQ(error(-1.0000001e9), ParameterEditError::OutOfRange);
    EXPECT_EQ(error(1e9), std::nullopt); // the limit itself is allowed, as validate() allows it
    EXPECT_EQ(error(1.0, 3), ParameterEditError::NoSuchParameter);
    EXPECT_EQ(error(1.0, -1), ParameterEditError::NoSuchParameter);
}

TEST(ModelEdits, StepNetworksAreSetByHandAndTheModelFollowsTheShownOne)
{
    // Lesson 4: the settings still say a linear perceptron with 2 classes; the shown model is a
    // 3-class step network (after, say, a file set it): the settings follow the shown model.
    TrainingSettings settings;
    ModelShape shape = network({2}, 3);
    shape.activation = learning::Activation::Step;
    const Model shown = Model::of(learning::Network::zeros(shape.networkShape()));
    const auto result = withParameter(settings, shown, parameterIndex(shape, 1, 2, -1), 1.5);
    ASSERT_TRUE(std::holds_alternative<TrainingSettings>(result));
    const TrainingSettings& s = std::get<TrainingSettings>(result);
    EXPECT_EQ(learning::modelShape(s), shape);
    EXPECT_EQ(s.initialLayers[1].b(2), 1.5);
    // Core refuses to train step units, with its own reason.
    const auto refused = learning::validateModel(s);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->field, learning::ModelSettingsError::Field::Activation);
}

} // namespace
} // namespace plab::editor
