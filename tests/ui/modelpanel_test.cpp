// The model panel (issue 13, "Editing the shape") driven through its widgets: the parameter count
// written out as the shape changes, the edits and their undo texts, what an edit changes besides
// itself (fitShape: typed-in weights that no longer fit, a network's start from zeros), the batch
// choices, and the controls a network does not use.
#include "ui/panels/controlpanel.h"
#include "ui/panels/modelpanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTest>
#include <QToolButton>
#include <gtest/gtest.h>

using namespace plab;
using namespace plab::ui;
using namespace Qt::StringLiterals;
using learning::InitKind;
using learning::ModelKind;
using learning::TrainingSettings;

namespace {

TrainingSettings network(std::vector<int> hidden)
{
    TrainingSettings s;
    s.model = ModelKind::Network;
    s.hidden = std::move(hidden);
    s.init = InitKind::Random;
    s.rule = learning::Rule::Logistic;
    return s;
}

QString total(const ModelPanel& panel)
{
    return panel.findChild<QLabel*>(u"totalCount"_s)->text();
}

QString layers(const ModelPanel& panel)
{
    return panel.findChild<QLabel*>(u"layerCounts"_s)->text();
}

template <class T>
T* child(const QWidget& parent, const QString& name)
{
    T* found = parent.findChild<T*>(name);
    EXPECT_NE(found, nullptr) << name.toStdString();
    return found;
}

} // namespace

TEST(ModelPanel, AddingAUnitChangesTheFormulaAndTheSettings)
{
    ModelPanel panel;
    panel.setSettings(network({4}));
    // (x1, x2) -> 4 tanh units -> 1 output: (2 + 1) 4 + (4 + 1) 1 = 17.
    EXPECT_TRUE(total(panel).contains(u"(2 + 1) × 4 + (4 + 1) × 1 = 17"_s))
        << total(panel).toStdString();
    EXPECT_TRUE(layers(panel).contains(u"(2 + 1) × 4 = 12"_s)) << layers(panel).toStdString();
    EXPECT_TRUE(layers(panel).contains(u"(4 + 1) × 1 = 5"_s));

    QSignalSpy edited(&panel, &ModelPanel::settingsEdited);
    auto* units = child<QSpinBox>(panel, u"units1"_s);
    units->setFocus();
    QTest::keyClick(units, Qt::Key_Up);
    ASSERT_EQ(edited.size(), 1);
    const auto next = edited.at(0).at(0).value<TrainingSettings>();
    EXPECT_EQ(next.hidden, std::vector<int>{5});
    // 3 x 5 + 6 x 1 = 21.
    EXPECT_TRUE(total(panel).contains(u"(2 + 1) × 5 + (5 + 1) × 1 = 21"_s))
        << total(panel).toStdString();
    EXPECT_EQ(panel.describeEdit(network({4}), next), u"Set the units of hidden layer 1 to 5"_s);
}

TEST(ModelPanel, LayersAreAddedAndRemovedWithinZeroToThree)
{
    ModelPanel panel;
    panel.setSettings(network({3}));
    QSignalSpy edited(&panel, &ModelPanel::settingsEdited);
    auto* add = child<QToolButton>(panel, u"addLayer"_s);
    QTest::mouseClick(add, Qt::LeftButton);
    QTest::mouseClick(add, Qt::LeftButton);
    ASSERT_EQ(edited.size(), 2);
    EXPECT_EQ(panel.settings().hidden, (std::vector<int>{3, 3, 3}));
    EXPECT_EQ(panel.describeEdit(network({3, 3}), panel.settings()), u"Add hidden layer 3"_s);
    // Three layers are the most: the button says why it is off.
    EXPECT_FALSE(add->isEnabled());
    EXPECT_FALSE(add->toolTip().isEmpty());
    // (2 + 1) 3 + (3 + 1) 3 + (3 + 1) 3 + (3 + 1) 1 = 9 + 12 + 12 + 4 = 37.
    EXPECT_TRUE(total(panel).contains(u"= 37"_s)) << total(panel).toStdString();

    // The undo text names the layer whose button was pressed, though its neighbours look alike.
    QString removed;
    QObject::connect(&panel, &ModelPanel::settingsEdited, &panel,
                     [&](const TrainingSettings& next) {
                         removed = panel.describeEdit(network({3, 3, 3}), next);
                     });
    QTest::mouseClick(child<QToolButton>(panel, u"removeLayer2"_s), Qt::LeftButton);
    EXPECT_EQ(panel.settings().hidden, (std::vector<int>{3, 3}));
    EXPECT_EQ(removed, u"Remove hidden layer 2"_s);
    QTest::mouseClick(child<QToolButton>(panel, u"removeLayer1"_s), Qt::LeftButton);
    QTest::mouseClick(child<QToolButton>(panel, u"removeLayer1"_s), Qt::LeftButton);
    EXPECT_TRUE(panel.settings().hidden.empty());
    // No hidden layer: logistic regression's (2 + 1) x 1, and no activation to choose.
    EXPECT_TRUE(total(panel).contains(u"(2 + 1) × 1 = 3"_s)) << total(panel).toStdString();
    EXPECT_FALSE(child<QComboBox>(panel, u"activation"_s)->isEnabled());
}

TEST(ModelPanel, TheXorFeatureMakesFourParametersAndTheLastFeatureStaysOn)
{
    ModelPanel panel;
    panel.setSettings(TrainingSettings{}); // the classic perceptron: (2 + 1) x 1 = 3
    EXPECT_TRUE(total(panel).contains(u"(2 + 1) × 1 = 3"_s)) << total(panel).toStdString();
    QSignalSpy edited(&panel, &ModelPanel::settingsEdited);
    child<QCheckBox>(panel, u"feature_x1x2"_s)->click();
    ASSERT_EQ(edited.size(), 1);
    const auto next = edited.at(0).at(0).value<TrainingSettings>();
    EXPECT_EQ(next.features, learning::FeatureSet::of({learning::Feature::X1, learning::Feature::X2,
                                                       learning::Feature::X1X2}));
    EXPECT_EQ(learning::parameterCount(next), 4);
    EXPECT_TRUE(total(panel).contains(u"(3 + 1) × 1 = 4"_s)) << total(panel).toStdString();
    EXPECT_EQ(panel.describeEdit(TrainingSettings{}, next), u"Turn feature x₁x₂ on"_s);

    // Down to x1 alone: its box cannot be unticked.
    child<QCheckBox>(panel, u"feature_x1x2"_s)->click();
    child<QCheckBox>(panel, u"feature_x2"_s)->click();
    auto* x1 = child<QCheckBox>(panel, u"feature_x1"_s);
    EXPECT_TRUE(x1->isChecked());
    EXPECT_FALSE(x1->isEnabled());
    EXPECT_EQ(panel.settings().features.size(), 1);
}

TEST(ModelPanel, ChoosingANetworkGivesItHiddenUnitsBiasesAndRandomWeights)
{
    ModelPanel panel;
    TrainingSettings linear; // zeros, as the classic perceptron starts
    linear.useBias = false;
    panel.setSettings(linear);
    QSignalSpy edited(&panel, &ModelPanel::settingsEdited);
    QSignalSpy said(&panel, &ModelPanel::message);
    auto* kind = child<QComboBox>(panel, u"modelKind"_s);
    kind->setCurrentIndex(kind->findData(int(ModelKind::Network)));
    ASSERT_EQ(edited.size(), 1);
    const auto next = edited.at(0).at(0).value<TrainingSettings>();
    EXPECT_EQ(next.model, ModelKind::Network);
    EXPECT_FALSE(next.hidden.empty());
    EXPECT_TRUE(next.useBias);
    // From zeros every hidden unit would stay identical: the network starts from random weights,
    // and the window is told so.
    EXPECT_EQ(next.init, InitKind::Random);
    ASSERT_EQ(said.size(), 1);
    EXPECT_TRUE(said.at(0).at(0).toString().contains(u"random"_s));
    EXPECT_TRUE(panel.describeEdit(linear, next).contains(u"random"_s));
    EXPECT_FALSE(learning::validateModel(next));

    // Zeros chosen afterwards for the network stay (the user's choice), with a warning.
    TrainingSettings zeros = next;
    zeros.init = InitKind::Zeros;
    panel.setSettings(zeros);
    auto* note = child<QLabel>(panel, u"initNote"_s);
    EXPECT_FALSE(note->isHidden());
    EXPECT_TRUE(note->text().contains(u"zeros"_s)) << note->text().toStdString();

    // Back to linear: no hidden layers.
    kind->setCurrentIndex(kind->findData(int(ModelKind::Linear)));
    EXPECT_TRUE(panel.settings().hidden.empty());
    EXPECT_FALSE(learning::validateModel(panel.settings()));
}

TEST(ModelPanel, TypedInWeightsThatNoLongerFitFallBackToRandomOnes)
{
    TrainingSettings given;
    given.init = InitKind::Given;
    given.initial = learning::LinearModel{{0.5, -1.0}, 0.25};

    // The classic w1, w2, b do not fit a model on (x1, x2, x1x2).
    TrainingSettings wider = given;
    wider.features = *learning::FeatureSet::of(
        {learning::Feature::X1, learning::Feature::X2, learning::Feature::X1X2});
    ASSERT_TRUE(learning::validateModel(wider)); // what core would refuse
    ShapeFit fit = fitShape(given, wider);
    EXPECT_TRUE(fit.givenDropped);
    EXPECT_EQ(fit.settings.init, InitKind::Random);
    EXPECT_FALSE(learning::validateModel(fit.settings));

    // Back to (x1, x2) they fit again, and an edit that keeps the shape keeps them.
    fit = fitShape(wider, given);
    EXPECT_FALSE(fit.givenDropped);
    EXPECT_EQ(fit.settings.init, InitKind::Given);

    // Given layers of a 2-2-1 network survive a change of activation, not of units.
    TrainingSettings net = network({2});
    net.init = InitKind::Given;
    net.initialLayers =
        learning::Network::glorot(learning::modelShape(net).networkShape(), 7).layers();
    ASSERT_FALSE(learning::validateModel(net));
    TrainingSettings relu = net;
    relu.activation = learning::Activation::Relu;
    fit = fitShape(net, relu);
    EXPECT_FALSE(fit.givenDropped);
    EXPECT_EQ(fit.settings.initialLayers.size(), 2U);
    TrainingSettings three = net;
    three.hidden = {3};
    fit = fitShape(net, three);
    EXPECT_TRUE(fit.givenDropped);
    EXPECT_EQ(fit.settings.init, InitKind::Random);
    EXPECT_TRUE(fit.settings.initialLayers.empty());
    EXPECT_FALSE(learning::validateModel(fit.settings));

    // Through the panel: the edit is named, and the window is told.
    ModelPanel panel;
    panel.setSettings(given);
    QSignalSpy said(&panel, &ModelPanel::message);
    child<QCheckBox>(panel, u"feature_x1x2"_s)->click();
    EXPECT_EQ(panel.settings().init, InitKind::Random);
    ASSERT_EQ(said.size(), 1);
    EXPECT_TRUE(said.at(0).at(0).toString().contains(u"do not fit"_s));
}

TEST(ModelPanel, TheBatchSizeIsANetworksAndTheGradientRulesMode)
{
    ModelPanel panel;
    panel.setSettings(network({4}));
    auto* batch = child<QComboBox>(panel, u"batch"_s);
    auto* size = child<QSpinBox>(panel, u"batchSize"_s);
    EXPECT_TRUE(size->isHidden()); // online
    batch->setCurrentIndex(1);     // mini-batches
    EXPECT_FALSE(size->isHidden());
    size->setValue(8);
    EXPECT_EQ(panel.settings().batchSize, 8);
    EXPECT_EQ(panel.describeEdit(network({4}), panel.settings()).left(17), u"Change batch size"_s);
    EXPECT_EQ(learning::networkBatch(panel.settings(), 100), 8);
    batch->setCurrentIndex(2); // the whole set
    EXPECT_EQ(learning::networkBatch(panel.settings(), 100), 100);
    batch->setCurrentIndex(0);
    EXPECT_EQ(learning::networkBatch(panel.settings(), 100), 1);

    // Logistic regression: one sample or the whole set, as its gradient mode.
    TrainingSettings logistic;
    logistic.rule = learning::Rule::Logistic;
    panel.setSettings(logistic);
    EXPECT_TRUE(batch->isEnabled());
    auto* items = qobject_cast<QStandardItemModel*>(batch->model());
    ASSERT_NE(items, nullptr);
    EXPECT_FALSE(items->item(1)->isEnabled());
    batch->setCurrentIndex(2);
    EXPECT_EQ(panel.settings().gradientMode, learning::GradientMode::Batch);

    // The perceptron: no batch, and the box says why.
    panel.setSettings(TrainingSettings{});
    EXPECT_FALSE(batch->isEnabled());
    EXPECT_FALSE(batch->parentWidget()->toolTip().isEmpty());
}

TEST(ModelPanel, StepUnitsSayThatTrainRefusesThem)
{
    ModelPanel panel;
    TrainingSettings step = network({2});
    step.activation = learning::Activation::Step;
    panel.setSettings(step);
    auto* note = child<QLabel>(panel, u"hiddenNote"_s);
    EXPECT_FALSE(note->isHidden());
    EXPECT_TRUE(note->text().contains(u"slope is zero"_s)) << note->text().toStdString();
    panel.setSettings(network({2}));
    EXPECT_TRUE(note->isHidden());
}

TEST(ModelPanel, MoreThanTwoClassesOfTheDataEnableTheMulticlassChoice)
{
    ModelPanel panel;
    panel.setSettings(TrainingSettings{});
    auto* multiclass = child<QComboBox>(panel, u"multiclass"_s);
    EXPECT_FALSE(multiclass->isEnabled());
    panel.setDataClasses(3);
    EXPECT_TRUE(multiclass->isEnabled());
    // Three output units on (x1, x2): (2 + 1) x 3 = 9.
    EXPECT_TRUE(total(panel).contains(u"(2 + 1) × 3 = 9"_s)) << total(panel).toStdString();
    QSignalSpy edited(&panel, &ModelPanel::settingsEdited);
    multiclass->setCurrentIndex(multiclass->findData(int(learning::Multiclass::OneVsRest)));
    ASSERT_EQ(edited.size(), 1);
    EXPECT_EQ(panel.settings().multiclass, learning::Multiclass::OneVsRest);
    panel.setSettings(network({4}));
    EXPECT_FALSE(multiclass->isEnabled());
    EXPECT_FALSE(multiclass->toolTip().isEmpty());
}

TEST(ControlPanel, ANetworkDisablesWhatOnlyTheLinearRulesUseAndSaysWhy)
{
    ControlPanel panel;
    panel.setSettings(network({4}));
    auto* rule = child<QComboBox>(panel, u"rule"_s);
    EXPECT_FALSE(rule->isEnabled());
    EXPECT_TRUE(rule->toolTip().contains(u"backpropagation"_s)) << rule->toolTip().toStdString();
    EXPECT_FALSE(panel.findChild<QComboBox*>(u"stopRule"_s)->isEnabled());
    // The learning rate still applies.
    EXPECT_TRUE(panel.findChild<QDoubleSpinBox*>(u"learningRate"_s)->isEnabled());
    // No layers to start from: "Typed in" cannot be chosen, and says why.
    auto* init = child<QComboBox>(panel, u"init"_s);
    auto* items = qobject_cast<QStandardItemModel*>(init->model());
    ASSERT_NE(items, nullptr);
    QStandardItem* given = items->item(init->findData(int(InitKind::Given)));
    EXPECT_FALSE(given->isEnabled());
    EXPECT_FALSE(given->toolTip().isEmpty());
    TrainingSettings withLayers = network({4});
    withLayers.initialLayers =
        learning::Network::glorot(learning::modelShape(withLayers).networkShape(), 1).layers();
    panel.setSettings(withLayers);
    EXPECT_TRUE(given->isEnabled());

    panel.setSettings(TrainingSettings{});
    EXPECT_TRUE(rule->isEnabled());
    EXPECT_TRUE(rule->toolTip().isEmpty());
}
