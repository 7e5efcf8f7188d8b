// The window's panels on their own: the learning curves, the parameter panel's arithmetic, the
// timeline's labels and the control panel's field-by-field edits.
#include "export/exportsource.h"
#include "export/framepainter.h"
#include "render/chartpainter.h"
#include "testsupport.h"
#include "ui/panels/controlpanel.h"
#include "ui/panels/learningcurves.h"
#include "ui/panels/parameterpanel.h"
#include "ui/panels/timeline.h"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QSignalSpy>
#include <QSpinBox>
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <memory>
#include <vector>

using namespace plab;
using namespace plab::ui;
using namespace Qt::StringLiterals;

namespace {

// --- LearningCurves ----------------------------------------------------------------------------

learning::EpochSnapshot snapshot(int epoch, int errors, double w1, double w2, double b)
{
    learning::EpochSnapshot s;
    s.epoch = epoch;
    s.errors = errors;
    s.loss = 0.5 * errors;
    s.model.w = Eigen::Vector2d(w1, w2);
    s.model.b = b;
    s.learningRate = 1.0;
    s.state.epoch = epoch;
    return s;
}

/// A history to hold made-up snapshots (the run's four points are only there to allow appends).
learning::History madeUpHistory(const learning::EpochSnapshot& initial)
{
    const learning::Dataset data(
        {{{0.0, 0.0}, 0}, {{1.0, 1.0}, 0}, {{0.0, 1.0}, 1}, {{1.0, 0.0}, 1}});
    return learning::History(
        initial, std::make_shared<const learning::Replayer>(data, learning::TrainingSettings{}));
}

TEST(LearningCurves, DrawEveryEpochOfTheHistoryDecimated)
{
    learning::History history = madeUpHistory(snapshot(0, 0, 0.0, -1.0, 0.5));
    for (int e = 1; e < 100'000; ++e)
        history.append(snapshot(e, e == 4242 ? 1000 : e % 7, 0.001 * e, -1.0, 0.5));
    LearningCurves curves;
    curves.resize(800, 300);
    curves.setHistory(&history);
    EXPECT_EQ(curves.epochCount(), 100'000);
    const QList<QPointF> errors = curves.drawnPoints(LearningCurves::Curve::Errors);
    EXPECT_LT(errors.size(), 5'000);
    EXPECT_TRUE(std::any_of(errors.begin(), errors.end(),
                            [](QPointF p) { return p.x() == 4242.0 && p.y() == 1000.0; }));
    const QList<QPointF> w1 = curves.drawnPoints(LearningCurves::Curve::W1);
    ASSERT_FALSE(w1.isEmpty());
    EXPECT_DOUBLE_EQ(w1.last().y(), 0.001 * 99'999);
    // The curves of a chart are decimated together, column by column, as each would be alone.
    const QRectF area = render::ChartPainter::plotArea(
        curves.chartRect(LearningCurves::Kind::Weights), curves.series(),
        LearningCurves::Kind::Weights, curves.theme());
    std::vector<double> column;
    for (int e = 0; e < history.epochCount(); ++e)
        column.push_back(history.parameter(e, 0));
    EXPECT_EQ(w1, render::decimateMinMax(column, int(area.width())));
    // The loss is only drawn for the gradient rules.
    EXPECT_TRUE(curves.drawnPoints(LearningCurves::Curve::Loss).isEmpty());
    curves.setShowLoss(true);
    EXPECT_FALSE(curves.drawnPoints(LearningCurves::Curve::Loss).isEmpty());
}

TEST(LearningCurves, FollowTheHistoryThroughAFork)
{
    learning::History history = madeUpHistory(snapshot(0, 10, 0, 0, 0));
    for (int e = 1; e < 10; ++e)
        history.append(snapshot(e, 10 - e, e, 0, 0));
    LearningCurves curves;
    curves.setHistory(&history);
    EXPECT_EQ(curves.drawnPoints(LearningCurves::Curve::Errors).size(), 10);
    history.truncateAfter(2);
    history.append(snapshot(3, 42, 0, 0, 0));
    curves.historyChanged();
    EXPECT_EQ(curves.epochCount(), 4);
    const QList<QPointF> errors = curves.drawnPoints(LearningCurves::Curve::Errors);
    ASSERT_EQ(errors.size(), 4);
    EXPECT_EQ(errors[2].y(), 8.0);
    EXPECT_EQ(errors[3].y(), 42.0);
    curves.setMarker(1.5);
    EXPECT_EQ(curves.marker(), 1.5);
    curves.setHistory(nullptr);
    EXPECT_EQ(curves.epochCount(), 0);
    EXPECT_TRUE(curves.drawnPoints(LearningCurves::Curve::Errors).isEmpty());
}

/// The part \p rect of the widget's picture, in one format for comparisons.
QImage grabbed(QWidget& widget, const QRectF& rect)
{
    return widget.grab(rect.toRect()).toImage().convertToFormat(QImage::Format_RGB32);
}

TEST(LearningCurves, ARepaintShowsTheEpochsAppended)
{
    learning::History history = madeUpHistory(snapshot(0, 4, 0, 0, 0));
    for (int e = 1; e < 5; ++e)
        history.append(snapshot(e, 4 - e % 2, 0.1 * e, -0.1 * e, 0));
    LearningCurves curves;
    curves.resize(800, 300);
    curves.setTheme(render::Theme::light());
    curves.setHistory(&history);
    curves.redrawNow();
    const QImage before = grabbed(curves, curves.rect());

    for (int e = 5; e < 25; ++e)
        history.append(snapshot(e, e % 5, 0.1 * e, -0.1 * e, 0.5));
    curves.historyChanged();
    curves.redrawNow();
    const QImage after = grabbed(curves, curves.rect());
    EXPECT_NE(after, before);
    const QList<QPointF> errors = curves.drawnPoints(LearningCurves::Curve::Errors);
    ASSERT_EQ(errors.size(), 25);
    EXPECT_EQ(errors.last(), QPointF(24, 24 % 5));

    // The pixels are ChartPainter's for this history, chart by chart.
    for (const auto kind : {LearningCurves::Kind::Errors, LearningCurves::Kind::Weights}) {
        const QRectF rect = curves.chartRect(kind);
        QImage expected(rect.size().toSize(), QImage::Format_RGB32);
        QPainter painter(&expected);
        render::ChartPainter::paint(painter, QRectF(QPointF(0, 0), rect.size()),
                                    render::ChartSeries{&history, false, true}, kind, 0.0,
                                    render::Theme::light());
        painter.end();
        EXPECT_EQ(grabbed(curves, rect), expected) << "chart " << int(kind);
    }
}

TEST(LearningCurves, ShowWhatTheExportOfTheSameHistoryShows)
{
    const learning::Dataset data(
        {{{0.0, 0.0}, 0}, {{1.0, 1.0}, 0}, {{0.0, 1.0}, 1}, {{1.0, 0.5}, 1}});
    learning::TrainingSettings settings;
    settings.rule = learning::Rule::Adaline; // with its loss on a second axis
    settings.maxEpochs = 40;
    const exporting::ExportSource source =
        exporting::trainedSource(data, settings, io::ViewBox{-1.0, 2.0, -1.0, 2.0});
    ASSERT_GT(source.history.epochCount(), 10);

    // As the training presenter sets the curves up for the run.
    LearningCurves curves;
    curves.resize(1000, 320);
    curves.setTheme(render::Theme::dark());
    curves.setHistory(&source.history);
    curves.setSettings(settings);
    const exporting::ExportFrame frame = exporting::epochFrame(source, 7);
    curves.setMarker(frame.chartEpoch);
    curves.redrawNow();
    EXPECT_EQ(curves.series(), render::ChartSeries::of(source.history, source.settings));

    // The export of each chart at the size the window shows it is the window's picture.
    for (const auto& [kind, content] :
         {std::pair{LearningCurves::Kind::Errors, exporting::ExportContent::ErrorChart},
          std::pair{LearningCurves::Kind::Weights, exporting::ExportContent::WeightChart}}) {
        exporting::ExportOptions options;
        options.content = content;
        options.theme = curves.theme();
        exporting::FramePainter framePainter(source, options);
        const QRectF rect = curves.chartRect(kind);
        QImage exported(rect.size().toSize(), QImage::Format_RGB32);
        QPainter painter(&exported);
        framePainter.paintFrame(painter, QRectF(QPointF(0, 0), rect.size()), frame);
        painter.end();
        EXPECT_EQ(grabbed(curves, rect), exported) << "chart " << int(kind);
    }
}

/// A run of \p settings on one point per class, to hold made-up epochs.
learning::History madeUpRun(const learning::TrainingSettings& settings,
                            const learning::EpochSnapshot& initial)
{
    std::vector<learning::Sample> samples;
    for (int k = 0; k < settings.classes; ++k)
        samples.push_back({{double(k), double(k % 2)}, k});
    return learning::History(
        initial, std::make_shared<const learning::Replayer>(learning::Dataset(samples), settings));
}

// The window's charts of a three-class network: each class's errors are the history's, the
// weights chart draws each layer's weight size (the RMS of its W) and the loss is named.
TEST(LearningCurves, FollowAThreeClassNetwork)
{
    learning::TrainingSettings settings;
    settings.rule = learning::Rule::Logistic;
    settings.model = learning::ModelKind::Network;
    settings.classes = 3;
    settings.hidden = {2};
    // 2-2-3: W1 (2 x 2) b1 (2), W2 (3 x 2) b2 (3): 15 parameters.
    const auto epoch = [](int e, std::array<int, 3> perClass) {
        learning::EpochSnapshot s;
        s.epoch = e;
        s.state.epoch = e;
        s.learningRate = 0.1;
        s.errors = perClass[0] + perClass[1] + perClass[2];
        std::copy(perClass.begin(), perClass.end(), s.classErrors.begin());
        // W1 = e (1, 1, 1, 1): RMS e; W2 = (2, -2, 2, -2, 2, -2) e: RMS 2e; biases 50.
        std::vector<double> p{double(e), double(e), double(e), double(e), 50, 50};
        for (int i = 0; i < 6; ++i)
            p.push_back((i % 2 ? -2.0 : 2.0) * e);
        p.insert(p.end(), {50, 50, 50});
        s.parameters.assign(std::span<const double>(p));
        return s;
    };
    const std::vector<std::array<int, 3>> errors{{4, 0, 2}, {3, 1, 2}, {1, 1, 0}, {0, 2, 0}};
    learning::History history = madeUpRun(settings, epoch(0, errors[0]));
    for (int e = 1; e < 4; ++e)
        history.append(epoch(e, errors[std::size_t(e)]));

    LearningCurves curves;
    curves.resize(900, 300);
    curves.setHistory(&history);
    curves.setSettings(settings);
    for (int k = 0; k < 3; ++k) {
        const QList<QPointF> drawn = curves.drawnPoints(render::classErrorsCurve(k));
        ASSERT_EQ(drawn.size(), 4) << "class " << k;
        for (int e = 0; e < 4; ++e)
            EXPECT_EQ(drawn[e], QPointF(e, errors[std::size_t(e)][std::size_t(k)]));
    }
    const QList<QPointF> first = curves.drawnPoints(render::layerWeightsCurve(0));
    const QList<QPointF> second = curves.drawnPoints(render::layerWeightsCurve(1));
    ASSERT_EQ(first.size(), 4);
    ASSERT_EQ(second.size(), 4);
    for (int e = 0; e < 4; ++e) {
        EXPECT_DOUBLE_EQ(first[e].y(), double(e));
        EXPECT_DOUBLE_EQ(second[e].y(), 2.0 * e);
    }
    EXPECT_TRUE(curves.drawnPoints(LearningCurves::Curve::W1).isEmpty());
    EXPECT_FALSE(curves.drawnPoints(LearningCurves::Curve::Loss).isEmpty());
    EXPECT_EQ(curves.series().loss, render::ChartLoss::CrossEntropy);
}

// The default window's curves dock (about 340 x 190 at 1280 x 720) with a three-class network:
// stacked, the titles, legend rows and tick labels would leave no plot at all, and the curves were
// drawn over the titles. Side by side leaves each chart a plot under its legend.
TEST(LearningCurves, AMultiClassLegendLeavesRoomForTheCurvesInASmallDock)
{
    learning::TrainingSettings settings;
    settings.rule = learning::Rule::Logistic;
    settings.model = learning::ModelKind::Network;
    settings.classes = 3;
    settings.hidden = {2};
    learning::EpochSnapshot initial;
    initial.errors = 3;
    initial.classErrors = {1, 1, 1};
    initial.parameters = learning::SmallVector(15, 0.5);
    const learning::History history = madeUpRun(settings, initial);
    LearningCurves curves;
    curves.resize(340, 190);
    curves.setHistory(&history);
    curves.setSettings(settings);
    for (const auto kind : {LearningCurves::Kind::Errors, LearningCurves::Kind::Weights}) {
        const QRectF chart = curves.chartRect(kind);
        const QRectF plot =
            render::ChartPainter::plotArea(chart, curves.series(), kind, render::Theme::light());
        EXPECT_GT(plot.top(), chart.top() + 30.0) << "chart " << int(kind);
        EXPECT_GE(plot.height(), 20.0) << "chart " << int(kind);
    }
}

TEST(LearningCurves, ChartsKeepAReadableShapeInANarrowDock)
{
    LearningCurves curves;
    // A square dock beside the plot: the charts are stacked, each as wide as the dock, not two
    // narrow charts side by side.
    curves.resize(400, 400);
    for (const auto kind : {LearningCurves::Kind::Errors, LearningCurves::Kind::Weights}) {
        EXPECT_EQ(curves.chartRect(kind).width(), 400.0);
        EXPECT_LT(curves.chartRect(kind).height(), 200.0);
    }
    // A dock wider than high but short (the window's default at 1600x900): stacked, each chart
    // would keep a sliver of curve under its title and ticks; side by side they stay tall.
    curves.resize(360, 267);
    EXPECT_EQ(curves.chartRect(LearningCurves::Kind::Errors).height(), 267.0);
    // A dock under the plot: side by side.
    curves.resize(1200, 180);
    EXPECT_EQ(curves.chartRect(LearningCurves::Kind::Errors).height(), 180.0);
    EXPECT_LT(curves.chartRect(LearningCurves::Kind::Errors).right(),
              curves.chartRect(LearningCurves::Kind::Weights).left());
}

// --- ParameterPanel texts ----------------------------------------------------------------------

TEST(ParameterText, NumbersUseATrueMinusAndNeverHideSmallValues)
{
    EXPECT_EQ(formatNumber(1.0), u"1.00"_s);
    EXPECT_EQ(formatNumber(-3.0), u"−3.00"_s);
    EXPECT_EQ(formatNumber(0.0), u"0.00"_s);
    EXPECT_EQ(formatNumber(-0.0), u"0.00"_s);
    EXPECT_EQ(formatNumber(0.0001), u"0.0001"_s);
    EXPECT_EQ(formatNumber(1234567.0), u"1.23e+06"_s);
    EXPECT_EQ(formatRate(1.0), u"1.0"_s);
    EXPECT_EQ(formatRate(0.05), u"0.05"_s);
}

/// \p text with its no-break spaces as plain ones: the wrap points are tested on their own.
QString spaced(QString text)
{
    return text.replace(QChar(0x00A0), u' ');
}

TEST(ParameterText, BoundaryEquationWithItsNumbers)
{
    learning::LinearModel m;
    m.w = Eigen::Vector2d(1.0, 2.0);
    m.b = -1.0;
    EXPECT_EQ(spaced(boundaryEquation(m, true)), u"1.00·x₁ + 2.00·x₂ − 1.00 = 0"_s);
    EXPECT_EQ(spaced(boundaryEquation(m, false)), u"1.00·x₁ + 2.00·x₂ = 0"_s);
    m.w = Eigen::Vector2d(-0.5, -2.0);
    m.b = 0.25;
    EXPECT_EQ(spaced(boundaryEquation(m, true)), u"−0.50·x₁ − 2.00·x₂ + 0.25 = 0"_s);
}

/// A visit of sample #4 (index 3) at x = (1, 1), target 1, with w = (0, 0), b = 0 before.
learning::StepRecord visit(double lr, double net, int output, bool updated)
{
    learning::StepRecord s;
    s.epoch = 1;
    s.visit = 3;
    s.index = 3;
    s.x = Eigen::Vector2d(1.0, 1.0);
    s.target = 1;
    s.net = net;
    s.output = output;
    s.learningRate = lr;
    s.updated = updated;
    return s;
}

TEST(ParameterText, PerceptronUpdateWrittenOut)
{
    // t - y = 1 - 0 = 1, so w = (0, 0) + 1.0 * 1 * (1, 1) = (1, 1) and b = 0 + 1.0 * 1 = 1.
    learning::StepRecord s = visit(1.0, 0.0, 0, true);
    s.error = 1.0;
    s.after.w = Eigen::Vector2d(1.0, 1.0);
    s.after.b = 1.0;
    s.deltaW = Eigen::Vector2d(1.0, 1.0);
    s.deltaB = 1.0;
    EXPECT_EQ(spaced(updateArithmetic(s, learning::Rule::Perceptron, learning::GradientMode::Online,
                                      true)),
              u"sample #4: x = (1.00, 1.00), t = 1\n"
              u"net = w·x + b = 0.00, y = 0\n"
              u"w ← w + η·(t − y)·x\n"
              u"  = (0.00, 0.00) + 1.0·(1 − 0)·(1.00, 1.00)\n"
              u"  = (1.00, 1.00)\n"
              u"b ← b + η·(t − y)\n"
              u"  = 0.00 + 1.0·(1 − 0)\n"
              u"  = 1.00"_s);
    // Without a bias there is no b line.
    EXPECT_FALSE(
        updateArithmetic(s, learning::Rule::Perceptron, learning::GradientMode::Online, false)
            .contains(u"b ←"_s));
}

TEST(ParameterText, CorrectVisitSaysNoUpdate)
{
    const learning::StepRecord s = visit(1.0, 2.0, 1, false);
    const QString text =
        updateArithmetic(s, learning::Rule::Perceptron, learning::GradientMode::Online, true);
    EXPECT_TRUE(text.endsWith(u"t = y: classified correctly, no update"_s)) << text.toStdString();
}

TEST(ParameterText, AdalineUsesTheLinearOutputAndMinusOnePlusOneTargets)
{
    // Target class 0 is t = -1 for Adaline; net = 0.5; t - net = -1.5;
    // w = (0, 0) + 0.1 * (-1.5) * (1, 1) = (-0.15, -0.15).
    learning::StepRecord s = visit(0.1, 0.5, 1, true);
    s.target = 0;
    s.error = -1.5;
    s.after.w = Eigen::Vector2d(-0.15, -0.15);
    const QString text =
        spaced(updateArithmetic(s, learning::Rule::Adaline, learning::GradientMode::Online, false));
    EXPECT_TRUE(text.contains(u"t = −1"_s)) << text.toStdString();
    EXPECT_TRUE(text.contains(u"w ← w + η·(t − net)·x"_s)) << text.toStdString();
    EXPECT_TRUE(text.contains(u"  = (0.00, 0.00) + 0.1·(−1 − 0.50)·(1.00, 1.00)"_s))
        << text.toStdString();
    EXPECT_TRUE(text.contains(u"  = (−0.15, −0.15)"_s)) << text.toStdString();
}

TEST(ParameterText, LogisticShowsTheProbability)
{
    // net = 0: p = sigma(0) = 0.5; t - p = 0.5; w = 0.5 * 0.5 * (1, 1) = (0.25, 0.25).
    learning::StepRecord s = visit(0.5, 0.0, 1, true);
    s.error = 0.5;
    s.after.w = Eigen::Vector2d(0.25, 0.25);
    const QString text = spaced(
        updateArithmetic(s, learning::Rule::Logistic, learning::GradientMode::Online, false));
    EXPECT_TRUE(text.contains(u"p = σ(net) = σ(0.00) = 0.50"_s)) << text.toStdString();
    EXPECT_TRUE(text.contains(u"  = (0.00, 0.00) + 0.5·(1 − 0.50)·(1.00, 1.00)"_s))
        << text.toStdString();
    EXPECT_TRUE(text.contains(u"  = (0.25, 0.25)"_s)) << text.toStdString();
}

TEST(ParameterPanel, ShowsTheMistakeBoundNextToTheMistakes)
{
    ParameterPanel panel;
    ParameterState state;
    state.model.w = Eigen::Vector2d(2.0, 1.0);
    state.model.b = -3.0;
    state.mistakes = 11;
    learning::ConvergenceReadout readout;
    readout.radius = 1.75;
    readout.margin = 0.5;
    readout.augmentedMargin = 0.25;
    readout.mistakeBound = 49.0; // (1.75 / 0.25)^2
    state.readout = readout;
    panel.setState(state);
    const QString text = panel.readoutText();
    EXPECT_TRUE(text.contains(u"R = max ‖(x₁, x₂, 1)‖ = 1.75"_s)) << text.toStdString();
    EXPECT_TRUE(text.contains(u"nearest point = 0.50 (in the plane)"_s)) << text.toStdString();
    // γ's t is the ±1 label, not the t ∈ {0, 1} of the update, and the text says so.
    EXPECT_TRUE(text.contains(u"γ = min t±·(w·x + b) / ‖(w, b)‖ = 0.25"_s)) << text.toStdString();
    EXPECT_TRUE(text.contains(u"t± = +1 for class 1 and −1 for class 0"_s)) << text.toStdString();
    EXPECT_TRUE(text.contains(u"mistake bound (R/γ)² = (1.75 / 0.25)² = 49"_s))
        << text.toStdString();
    EXPECT_TRUE(text.contains(u"mistakes so far = 11"_s)) << text.toStdString();
    EXPECT_EQ(spaced(panel.equationText()), u"2.00·x₁ + 1.00·x₂ − 3.00 = 0"_s);
}

TEST(ParameterPanel, TheBoundCanBeRecomputedFromTheNumbersShown)
{
    // A small margin: with γ shown as "0.001" the bound 4.69e+06 could not be checked by hand.
    ParameterPanel panel;
    ParameterState state;
    state.model.w = Eigen::Vector2d(1.0, 1.0);
    learning::ConvergenceReadout readout;
    readout.radius = std::sqrt(3.0);
    readout.margin = 0.0011;
    readout.augmentedMargin = 0.000800123;
    readout.mistakeBound = std::pow(*readout.augmentedMargin / readout.radius, -2.0);
    state.readout = readout;
    panel.setState(state);
    const QString text = panel.readoutText();
    const qsizetype at = text.indexOf(u"(R/γ)² = ("_s);
    ASSERT_GE(at, 0) << text.toStdString();
    // "(R/γ)² = (R / γ)² = bound": parse the shown R, γ and bound and recompute.
    const QStringList parts = text.mid(at + 10).section(u'\n', 0, 0).split(u' ');
    ASSERT_GE(parts.size(), 5) << text.toStdString();
    const double shownR = parts[0].toDouble();
    const double shownGamma = parts[2].chopped(2).toDouble(); // "γ)²"
    const double shownBound = QString(parts[4]).replace(QChar(0x2212), u'-').toDouble();
    ASSERT_GT(shownGamma, 0.0) << text.toStdString();
    EXPECT_NEAR((shownR / shownGamma) * (shownR / shownGamma) / shownBound, 1.0, 0.005)
        << text.toStdString();
}

TEST(ParameterPanel, LargeNumbersShowWholeInANarrowPanel)
{
    // "3.03e+160 2.5e+160 7…" and b = −758 as "−75": the digits were cut behind a scrollbar.
    ParameterPanel panel;
    ParameterState state;
    state.model.w = Eigen::Vector2d(-3.03e160, 2.5e160);
    state.model.b = -7.58e159;
    panel.setState(state);
    EXPECT_LE(panel.minimumSizeHint().width(), 240);
    panel.resize(240, 600);
    panel.show();
    QApplication::processEvents();
    const auto values = panel.findChildren<QLabel*>(u"parameterValue"_s);
    ASSERT_EQ(values.size(), 3);
    for (QLabel* value : values) {
        ASSERT_TRUE(value->text().contains(u"e+"_s)) << value->text().toStdString();
        // The digits are drawn whole: the text in the font it is painted with fits its label.
        const QImage image = value->grab().toImage();
        int leftmost = image.width();
        int rightmost = -1;
        const QRgb background = image.pixel(0, 0);
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                if (image.pixel(x, y) != background) {
                    leftmost = std::min(leftmost, x);
                    rightmost = std::max(rightmost, x);
                }
        EXPECT_GT(leftmost, 0) << value->text().toStdString();
        EXPECT_LT(rightmost, image.width() - 1) << value->text().toStdString();
    }
}

TEST(ParameterText, LinesBreakBetweenTermsOnly)
{
    // "(0.00,⏎0.00)" and "(0 −⏎1)": a vector or a factor split over two lines misreads.
    learning::StepRecord s = visit(1.0, 0.0, 0, true);
    s.error = 1.0;
    s.after.w = Eigen::Vector2d(1.0, 1.0);
    s.after.b = 1.0;
    const QString text =
        updateArithmetic(s, learning::Rule::Perceptron, learning::GradientMode::Online, true);
    const QChar nbsp(0x00A0);
    EXPECT_TRUE(text.contains(u"(1.00,"_s + nbsp + u"1.00)"_s)) << text.toStdString();
    EXPECT_TRUE(text.contains(u"(1"_s + nbsp + QChar(0x2212) + nbsp + u"0)"_s))
        << text.toStdString();
    learning::LinearModel m;
    m.w = Eigen::Vector2d(1.0, -2.0);
    m.b = -1.0;
    EXPECT_TRUE(boundaryEquation(m, true).contains(QChar(0x2212) + nbsp + u"2.00·x₂"_s));
}

TEST(ParameterPanel, CountsMistakesPastThirtyTwoBits)
{
    // 2 million points x 10^7 epochs can make 2 x 10^13 updates.
    ParameterPanel panel;
    ParameterState state;
    state.mistakes = std::int64_t{20'000'000'000'000};
    learning::ConvergenceReadout readout;
    readout.radius = 1.0;
    state.readout = readout;
    state.errors = 1;
    panel.setState(state);
    EXPECT_TRUE(panel.readoutText().contains(u"mistakes so far = 20000000000000"_s))
        << panel.readoutText().toStdString();
}

// --- Timeline ----------------------------------------------------------------------------------

TEST(Timeline, LabelsEpochsAndSampleVisits)
{
    learning::History history = madeUpHistory(snapshot(0, 0, 0, 0, 0));
    history.append(snapshot(1, 0, 0, 0, 0));
    history.append(snapshot(2, 0, 0, 0, 0));
    learning::StepRecord step;
    step.epoch = 3;
    step.visit = 1;
    history.append(learning::TrainingEvent(step));
    history.append(snapshot(3, 0, 0, 0, 0));
    EXPECT_EQ(timelineLabel(history, 0, 4), u"Start (epoch 0)"_s);
    EXPECT_EQ(timelineLabel(history, 2, 4), u"Epoch 2"_s);
    EXPECT_EQ(timelineLabel(history, 3, 4), u"Epoch 3 · sample 2/4"_s);
    EXPECT_EQ(timelineLabel(history, 4, 4), u"Epoch 3"_s);

    Timeline timeline;
    QSignalSpy chosen(&timeline, &Timeline::positionChosen);
    timeline.setCount(3);
    timeline.setPosition(2);
    EXPECT_EQ(timeline.position(), 2);
    EXPECT_EQ(chosen.count(), 0); // set by the program: no signal
}

// --- ControlPanel ------------------------------------------------------------------------------

TEST(ControlPanel, AnEditChangesOnlyItsFieldAndKeepsValuesTheWidgetsCannotShow)
{
    ControlPanel panel;
    learning::TrainingSettings settings;
    settings.seed = std::uint64_t(1) << 40; // beyond a QSpinBox
    settings.learningRate = 0.5;
    QSignalSpy edited(&panel, &ControlPanel::settingsEdited);
    panel.setSettings(settings);
    EXPECT_EQ(edited.count(), 0);

    auto spins = panel.findChildren<QDoubleSpinBox*>();
    auto rate = std::find_if(spins.begin(), spins.end(),
                             [](QDoubleSpinBox* s) { return s->value() == 0.5; });
    ASSERT_NE(rate, spins.end());
    (*rate)->setValue(0.05);
    ASSERT_EQ(edited.count(), 1);
    const auto got = edited.at(0).at(0).value<learning::TrainingSettings>();
    learning::TrainingSettings expected = settings;
    expected.learningRate = 0.05;
    EXPECT_EQ(got, expected);
    EXPECT_EQ(got.seed, std::uint64_t(1) << 40);

    // A learning rate of 0 cannot be entered: the field stops at its minimum, which validate()
    // accepts.
    (*rate)->setValue(0.0);
    const auto clamped = edited.last().at(0).value<learning::TrainingSettings>();
    EXPECT_GT(clamped.learningRate, 0.0);
    EXPECT_FALSE(learning::validate(clamped));
}

// The perceptron's stop rule is one field: it shows the setting, an edit changes only it, and it
// is off for the rules that stop by their own test.
TEST(ControlPanel, TheStopRuleFieldSetsTheConvention)
{
    ControlPanel panel;
    learning::TrainingSettings settings;
    settings.perceptronStop = learning::PerceptronStop::ZeroErrors;
    panel.setSettings(settings);
    auto* stop = panel.findChild<QComboBox*>(u"stopRule"_s);
    ASSERT_NE(stop, nullptr);
    EXPECT_EQ(stop->currentData().toInt(), int(learning::PerceptronStop::ZeroErrors));
    EXPECT_TRUE(stop->isEnabled());
    QSignalSpy edited(&panel, &ControlPanel::settingsEdited);
    stop->setCurrentIndex(stop->findData(int(learning::PerceptronStop::MistakeFreePass)));
    ASSERT_EQ(edited.count(), 1);
    learning::TrainingSettings expected = settings;
    expected.perceptronStop = learning::PerceptronStop::MistakeFreePass;
    EXPECT_EQ(edited.at(0).at(0).value<learning::TrainingSettings>(), expected);
    EXPECT_EQ(stop->itemText(stop->currentIndex()), u"a pass makes no mistake"_s);

    settings.rule = learning::Rule::Adaline;
    panel.setSettings(settings);
    EXPECT_FALSE(stop->isEnabled());
}

TEST(ControlPanel, SpeedSnapsToItsStops)
{
    ControlPanel panel;
    panel.setSpeed(12.0);
    EXPECT_EQ(panel.speed(), 10.0);
    panel.setSpeed(0.0);
    EXPECT_EQ(panel.speed(), 0.0);
    EXPECT_EQ(speedText(0.0), u"As fast as possible"_s);
    EXPECT_EQ(speedText(20.0), u"20 epochs/s"_s);
}

} // namespace
