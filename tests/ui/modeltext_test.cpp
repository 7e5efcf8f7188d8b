// The parameter panel's texts for networks and multi-class models (ui/panels/modeltext.h): a
// sample visit written out with the numbers of the core's record. The expected numbers are the
// hand-computed 2-2-1 example of tests/learning/network_test.cpp and networktrainer_test.cpp
// (values from Python's math module), rounded to the three decimals the panel shows.
#include "export/exportsource.h"
#include "io/numberformat.h"
#include "learning/trainer.h"
#include "steptextcheck.h"
#include "ui/dialogs/exportpreview.h"
#include "ui/panels/modeltext.h"
#include "ui/panels/parameterpanel.h"

#include <QApplication>
#include <QImage>
#include <QLabel>
#include <QStringList>
#include <gtest/gtest.h>

using namespace plab;
using namespace plab::ui;
using namespace Qt::StringLiterals;

namespace {

/// The 2-2-1 tanh network of the worked example: hidden weights w1 = (0.5, -0.5), b1 = 0;
/// w2 = (-1, 1), b2 = 0.25; output v = (1, -1), c = 0.1.
std::vector<learning::Layer> handLayers()
{
    Eigen::MatrixXd W1(2, 2);
    W1 << 0.5, -0.5, -1.0, 1.0;
    Eigen::MatrixXd W2(1, 2);
    W2 << 1.0, -1.0;
    return {{W1, Eigen::Vector2d(0.0, 0.25)}, {W2, Eigen::VectorXd::Constant(1, 0.1)}};
}

learning::TrainingSettings handSettings(int batchSize = 1)
{
    learning::TrainingSettings s;
    s.model = learning::ModelKind::Network;
    s.hidden = {2};
    s.activation = learning::Activation::Tanh;
    s.learningRate = 0.5;
    s.init = learning::InitKind::Given;
    s.initialLayers = handLayers();
    s.batchSize = batchSize;
    return s;
}

QStringList linesOf(const QString& text)
{
    QStringList lines = text.split(u'\n');
    for (QString& line : lines)
        line = line.trimmed();
    return lines;
}

TEST(NetworkStepText, WritesOutTheHandComputedOnlineStep)
{
    // The first visit is the hand-computed sample (the trainer wants both classes in the data).
    learning::Trainer trainer(learning::Dataset({{{1.0, 0.0}, 1}, {{0.0, 1.0}, 0}}),
                              handSettings());
    const learning::StepRecord step = trainer.stepSample().step;
    ASSERT_TRUE(step.trace);
    const QStringList lines = linesOf(networkStepText(step, trainer.shape()));
    for (const QString& expected : {
             u"sample #1: x = (1.000, 0.000), class t = 1"_s,
             // Forward: each net with its sum, each activation.
             u"net₁ = 0.500·1.000 + (−0.500)·0.000 + 0.000 = 0.500"_s,
             u"h₁ = tanh(net₁) = tanh(0.500) = 0.462"_s,
             u"net₂ = (−1.000)·1.000 + 1.000·0.000 + 0.250 = −0.750"_s,
             u"h₂ = tanh(net₂) = tanh(−0.750) = −0.635"_s,
             u"z = 1.000·0.462 + (−1.000)·(−0.635) + 0.100 = 1.197"_s,
             u"J = −log p = −log 0.768 = 0.264"_s,
             // Backward: the output delta, then each hidden delta.
             u"δ(z) = p − t = 0.768 − 1 = −0.232"_s,
             u"δ(h₁) = (1.000·(−0.232))·(1 − h₁²) = (−0.232)·0.786 = −0.182"_s,
             u"δ(h₂) = ((−1.000)·(−0.232))·(1 − h₂²) = 0.232·0.597 = 0.138"_s,
             // Each parameter's change and new value (networktrainer_test's numbers).
             u"w(x₁→h₁): Δ = −0.5·(−0.182)·1.000 = 0.091, 0.500 → 0.591"_s,
             u"w(x₂→h₁): Δ = −0.5·(−0.182)·0.000 = 0.000, −0.500 → −0.500"_s,
             u"b(h₁): Δ = −0.5·(−0.182)·1.000 = 0.091, 0.000 → 0.091"_s,
             u"w(x₁→h₂): Δ = −0.5·0.138·1.000 = −0.069, −1.000 → −1.069"_s,
             u"b(h₂): Δ = −0.5·0.138·1.000 = −0.069, 0.250 → 0.181"_s,
             u"w(h₁→z): Δ = −0.5·(−0.232)·0.462 = 0.054, 1.000 → 1.054"_s,
             u"w(h₂→z): Δ = −0.5·(−0.232)·(−0.635) = −0.074, −1.000 → −1.074"_s,
             u"b(z): Δ = −0.5·(−0.232)·1.000 = 0.116, 0.100 → 0.216"_s,
         })
        EXPECT_TRUE(lines.contains(expected)) << expected.toStdString() << "\nin\n"
                                              << lines.join(u'\n').toStdString();
    EXPECT_TRUE(lines.contains(u"p = σ(z) = σ(1.197) = 0.768  (the probability of class 1)"_s));
}

TEST(NetworkStepText, AMiniBatchCollectsGradientsUntilItCloses)
{
    // Two samples in one batch: the first visit only adds its gradient, the second closes the
    // batch and applies −η·G/2.
    learning::Trainer trainer(learning::Dataset({{{1.0, 0.0}, 1}, {{0.0, 1.0}, 0}}),
                              handSettings(2));
    const learning::StepRecord first = trainer.stepSample().step;
    const learning::StepRecord second = trainer.stepSample().step;
    ASSERT_FALSE(first.updated);
    ASSERT_TRUE(second.updated);
    const QStringList a = linesOf(networkStepText(first, trainer.shape()));
    // The first sample is the hand-computed one: its gradient δ·a.
    EXPECT_TRUE(a.contains(u"w(x₁→h₁): δ·a = (−0.182)·1.000 = −0.182"_s))
        << a.join(u'\n').toStdString();
    EXPECT_TRUE(a.contains(u"w(h₁→z): δ·a = (−0.232)·0.462 = −0.107"_s));
    EXPECT_TRUE(a.contains(u"The parameters change when the batch closes."_s));
    EXPECT_FALSE(a.join(u'\n').contains(u"→ "_s)) << "no parameter moves mid-batch";

    const QStringList b = linesOf(networkStepText(second, trainer.shape()));
    EXPECT_TRUE(b.join(u'\n').contains(u"The batch of m = 2 samples closes"_s));
    // The step is the recorded one: w(x₁→h₁) is flat parameter 0 (model.h).
    EXPECT_TRUE(b.contains(u"w(x₁→h₁): Δ = " + io::displayFixed(second.change[0], 3) +
                           u", 0.500 → " + io::displayFixed(second.parametersAfter[0], 3)))
        << b.join(u'\n').toStdString();
    EXPECT_NE(second.change[0], 0.0);
}

} // namespace

namespace {

TEST(NetworkStepText, KClassesHaveASoftmaxAndADeltaPerClass)
{
    // A 2-3-3 network on three classes: one probability and one delta per class, each unit
    // numbered as its class; the loss is −log of the sample's class's probability.
    learning::TrainingSettings s;
    s.model = learning::ModelKind::Network;
    s.hidden = {3};
    s.classes = 3;
    s.learningRate = 0.1;
    s.init = learning::InitKind::Random;
    learning::Trainer trainer(
        learning::Dataset({{{1.0, 0.5}, 2}, {{0.0, 1.0}, 0}, {{-1.0, -1.0}, 1}}), s);
    const learning::StepRecord step = trainer.stepSample().step;
    ASSERT_TRUE(step.trace);
    const learning::LayerTrace& out = step.trace->layers.back();
    const QStringList lines = linesOf(networkStepText(step, trainer.shape()));
    const auto shown = [](double v) { return io::displayFixed(v, 3); };
    for (int k = 0; k < 3; ++k) {
        const QString sub(QChar(0x2080 + k));
        EXPECT_TRUE(lines.contains(u'p' + sub + u" = " + shown(out.activation[k])))
            << k << "\n"
            << lines.join(u'\n').toStdString();
        EXPECT_TRUE(lines.contains(u"δ(z" + sub + u") = p" + sub + u" − [t = " +
                                   QString::number(k) + u"] = " + shown(out.activation[k]) +
                                   u" − " + (k == 2 ? u"1"_s : u"0"_s) + u" = " +
                                   shown(out.delta[k])))
            << k;
    }
    EXPECT_TRUE(lines.contains(u"J = −log p₂ = −log " + shown(out.activation[2]) + u" = " +
                               shown(step.trace->loss)));
}

TEST(LinearStepText, WritesOutTheKeslerUpdatePerUnit)
{
    // Three classes from w = 0: every score is 0, the tie goes to class 0, and the sample is of
    // class 2. Kesler's update: +x for the class's unit z₂, −x for the predicted one z₀.
    learning::TrainingSettings s;
    s.classes = 3;
    s.multiclass = learning::Multiclass::Kesler;
    learning::Trainer trainer(
        learning::Dataset({{{1.0, 0.0}, 2}, {{0.0, 1.0}, 0}, {{-1.0, -1.0}, 1}}), s);
    const learning::StepRecord step = trainer.stepSample().step;
    const QStringList lines =
        linesOf(linearStepText(step, trainer.shape(), s.rule, s.multiclass, s.gradientMode));
    for (const QString& expected : {
             u"sample #1: x = (1.000, 0.000), class t = 2"_s,
             u"z₀ = 0.000·1.000 + 0.000·0.000 + 0.000 = 0.000"_s,
             u"predicted class: 0"_s,
             u"e₀ = −1.000, e₁ = 0.000, e₂ = 1.000"_s,
             u"z₀: Δw = (−1.000, 0.000), Δb = −1.000; w = (−1.000, 0.000), b = −1.000"_s,
             u"z₂: Δw = (1.000, 0.000), Δb = 1.000; w = (1.000, 0.000), b = 1.000"_s,
         })
        EXPECT_TRUE(lines.contains(expected)) << expected.toStdString() << "\nin\n"
                                              << lines.join(u'\n').toStdString();
    EXPECT_FALSE(lines.join(u'\n').contains(u"z₁: Δw"_s)) << "class 1's unit does not move";
}

TEST(ModelText, LayerMatricesHoldEveryParameterOnce)
{
    const learning::Model model(learning::modelShape(handSettings()), handLayers());
    const std::vector<LayerMatrix> matrices = layerMatrices(model);
    ASSERT_EQ(matrices.size(), 2U);
    EXPECT_EQ(matrices[0].columns, QStringList({u"x₁"_s, u"x₂"_s, u"b"_s}));
    EXPECT_EQ(matrices[0].rows, QStringList({u"h₁"_s, u"h₂"_s}));
    EXPECT_EQ(matrices[0].values(1, 0), -1.0);
    EXPECT_EQ(matrices[0].values(1, 2), 0.25);
    EXPECT_EQ(matrices[1].columns, QStringList({u"h₁"_s, u"h₂"_s, u"b"_s}));
    EXPECT_EQ(matrices[1].rows, QStringList({u"z"_s}));
    EXPECT_EQ(matrices[1].values(0, 2), 0.1);
    // (The plural "parameters" comes from the English translation, not loaded here.)
    const QString summary = modelSummary(model.shape());
    EXPECT_TRUE(summary.startsWith(u"2-2-1 network, tanh\n9 parameter"_s)) << summary.toStdString();
    EXPECT_TRUE(summary.endsWith(u": (2 + 1) × 2 + (2 + 1) × 1 = 9"_s)) << summary.toStdString();
}

// The window's summary names the inputs with the Model tab's symbols and writes × (lesson 5's
// x₁², x₂² showed "2-1, linear on x1^2, x2^2" and "(2 + 1) x 1 = 3", the CLI's ASCII, in Japanese
// too).
TEST(ModelText, SummaryNamesTheFeaturesAndTheModelAsTheWindowWritesThem)
{
    learning::ModelShape squares;
    squares.features =
        *learning::FeatureSet::of({learning::Feature::X1Squared, learning::Feature::X2Squared});
    const QString summary = modelSummary(squares);
    EXPECT_TRUE(summary.startsWith(u"2-1, linear on x₁², x₂²\n3 parameter"_s))
        << summary.toStdString();
    EXPECT_TRUE(summary.endsWith(u": (2 + 1) × 1 = 3"_s)) << summary.toStdString();
    EXPECT_FALSE(summary.contains(u'^')) << summary.toStdString();

    learning::ModelShape threeClasses;
    threeClasses.classes = 3;
    threeClasses.bias = false;
    EXPECT_TRUE(modelSummary(threeClasses).startsWith(u"2-3, linear, no bias\n"_s))
        << modelSummary(threeClasses).toStdString();
    EXPECT_TRUE(modelSummary(threeClasses).endsWith(u": 2 × 3 = 6"_s))
        << modelSummary(threeClasses).toStdString();

    learning::ModelShape plain;
    plain.kind = learning::ModelKind::Network;
    EXPECT_TRUE(modelSummary(plain).startsWith(u"2-1 network\n"_s))
        << modelSummary(plain).toStdString();
}

TEST(ParameterPanel, ShowsANetworksLayersAndItsStepForEveryVisit)
{
    learning::Trainer trainer(learning::Dataset({{{1.0, 0.0}, 1}, {{0.0, 1.0}, 0}}),
                              handSettings());
    ParameterPanel panel;
    panel.resize(380, 1400);
    panel.show();
    const QString prompt = panel.updateText();
    for (int visit = 0; visit < 4; ++visit) {
        const learning::StepRecord step = trainer.stepSample().step;
        ParameterState state;
        state.general = trainer.modelOf(step.parametersAfter);
        state.step = step;
        state.atVisit = true;
        panel.setState(state);
        QApplication::processEvents();
        // The matrices hold the parameters after the visit; the text is the record's numbers.
        const QStringList matrices = panel.matricesText().split(u'\n');
        EXPECT_TRUE(matrices.contains(u"z: " + io::displayFixed(step.parametersAfter[6], 3) +
                                      u"  " + io::displayFixed(step.parametersAfter[7], 3) + u"  " +
                                      io::displayFixed(step.parametersAfter[8], 3)))
            << panel.matricesText().toStdString();
        test::expectStepTextShowsRecord(panel.updateText(), step, trainer.shape());
    }
    // The classic model's w₁, w₂, b and boundary give way to one matrix per layer.
    const QList<QWidget*> shown = panel.findChildren<QWidget*>(u"layerMatrix"_s);
    ASSERT_EQ(shown.size(), 2);
    for (const QWidget* matrix : shown) {
        EXPECT_TRUE(matrix->isVisible());
        EXPECT_GT(matrix->height(), 0);
    }
    for (const QLabel* value : panel.findChildren<QLabel*>(u"parameterValue"_s))
        EXPECT_FALSE(value->isVisible());
    EXPECT_FALSE(panel.grab().toImage().isNull());

    // Back to the classic model: its numbers again, no matrices.
    panel.setState(ParameterState{});
    EXPECT_TRUE(panel.matricesText().isEmpty());
    EXPECT_EQ(panel.updateText(), prompt);
    for (const QLabel* value : panel.findChildren<QLabel*>(u"parameterValue"_s))
        EXPECT_TRUE(value->isVisible());
}

TEST(TablePreview, ANetworksPreviewCountsARowPerParameterAndVisit)
{
    // The export dialog's preview of the 2-2-1 run: two visits per epoch, 9 parameters each.
    learning::TrainingSettings settings = handSettings();
    settings.maxEpochs = 3;
    settings.tolerance = 0.0;
    const exporting::ExportSource source = exporting::trainedSource(
        learning::Dataset({{{1.0, 0.0}, 1}, {{0.0, 1.0}, 0}}), settings, io::ViewBox{-1, 2, -1, 2});
    const auto preview = tablePreview(source, {1, 2, 3}, exporting::TableFormat::Csv, 1);
    ASSERT_TRUE(preview.has_value()) << preview.error().toStdString();
    EXPECT_EQ(preview.value().rows, 3U * 2U * 9U);
    const QStringList lines = preview.value().text.split(u'\n');
    EXPECT_TRUE(lines.front().startsWith(u"epoch,sample,x1,x2,target,loss,layer,unit,input"_s));
    EXPECT_EQ(lines.size(), 1 + 9 + 1); // the header, the first visit's 9 rows, "… and 45 more"
    EXPECT_TRUE(lines.back().contains(u"45"_s)) << lines.back().toStdString();
}

} // namespace
