// The learning curves' painter (render/chartpainter.h): the min/max decimation every chart
// draws through, the curves and the marker inside the plot, the tick labels at every size.
#include "learning/replay.h"
#include "render/chartpainter.h"

#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <vector>

using namespace plab;
using namespace plab::render;

namespace {

// --- decimateMinMax ----------------------------------------------------------------------------

struct DecimationCase
{
    const char* name;
    std::vector<double> values;
    int buckets;
    std::vector<QPointF> expected;
};

class Decimation : public ::testing::TestWithParam<DecimationCase>
{};

TEST_P(Decimation, KeepsEachBucketsExtremesInOrder)
{
    const DecimationCase& c = GetParam();
    const QList<QPointF> got = decimateMinMax(c.values, c.buckets);
    ASSERT_EQ(got.size(), qsizetype(c.expected.size()));
    for (qsizetype i = 0; i < got.size(); ++i) {
        EXPECT_EQ(got[i].x(), c.expected[std::size_t(i)].x()) << "point " << i;
        EXPECT_EQ(got[i].y(), c.expected[std::size_t(i)].y()) << "point " << i;
    }
}

INSTANTIATE_TEST_SUITE_P(
    Table, Decimation,
    ::testing::Values(
        DecimationCase{"empty", {}, 4, {}},
        // Four values fit into 2 buckets x 2 points: unchanged.
        DecimationCase{"short", {3, 1, 4, 1}, 2, {{0, 3}, {1, 1}, {2, 4}, {3, 1}}},
        // Buckets [0,4) and [4,8): min 0 @0, max 5 @1; min 2 @4 (the first of equals), max 9 @6;
        // then the last value @7 so the curve ends where the data does.
        DecimationCase{
            "two buckets", {0, 5, 1, 1, 2, 2, 9, 2}, 2, {{0, 0}, {1, 5}, {4, 2}, {6, 9}, {7, 2}}},
        // A maximum before a minimum stays in that order: [9,0,4] | [4,4,4] + last.
        DecimationCase{
            "descending bucket", {9, 0, 4, 4, 4, 4, 4}, 2, {{0, 9}, {1, 0}, {3, 4}, {6, 4}}},
        // A bucket's non-finite values are skipped when it has finite ones: one bucket keeps the
        // first value (inf: the curve starts there), its minimum 1 @1 and maximum 5 @5.
        DecimationCase{"infinite inside a bucket",
                       {std::numeric_limits<double>::infinity(), 1, 2, 3, 4, 5},
                       1,
                       {{0, std::numeric_limits<double>::infinity()}, {1, 1}, {5, 5}}}),
    [](const auto& info) {
        std::string name = info.param.name;
        std::replace(name.begin(), name.end(), ' ', '_');
        return name;
    });

TEST(DecimationLarge, HundredThousandValuesBecomeAFewPointsPerPixelWithTheExtremes)
{
    std::vector<double> values(100'000);
    for (std::size_t i = 0; i < values.size(); ++i)
        values[i] = std::sin(double(i) * 0.01) * 10.0;
    values[54'321] = 100.0;  // a single spike must survive
    values[77'777] = -100.0; // and a single dip
    const QList<QPointF> got = decimateMinMax(values, 500);
    EXPECT_LE(got.size(), 2 * 500 + 2);
    EXPECT_EQ(got.first().x(), 0.0);
    EXPECT_EQ(got.last().x(), 99'999.0);
    EXPECT_TRUE(std::any_of(got.begin(), got.end(),
                            [](QPointF p) { return p.x() == 54'321.0 && p.y() == 100.0; }));
    EXPECT_TRUE(std::any_of(got.begin(), got.end(),
                            [](QPointF p) { return p.x() == 77'777.0 && p.y() == -100.0; }));
    EXPECT_TRUE(
        std::is_sorted(got.begin(), got.end(), [](QPointF a, QPointF b) { return a.x() < b.x(); }));
}

TEST(DecimationNotFinite, ABucketWithoutAFiniteValueBreaksTheLine)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    // Buckets [1, 2, 3] | [nan, nan, nan]: 1 @0 and 3 @2, then one NaN for the second bucket and
    // the last value (NaN too).
    const QList<QPointF> got = decimateMinMax(std::vector<double>{1, 2, 3, nan, nan, nan}, 2);
    ASSERT_EQ(got.size(), 4);
    EXPECT_EQ(got[0], QPointF(0, 1));
    EXPECT_EQ(got[1], QPointF(2, 3));
    EXPECT_EQ(got[2].x(), 3.0);
    EXPECT_TRUE(std::isnan(got[2].y()));
    EXPECT_EQ(got[3].x(), 5.0);
    EXPECT_TRUE(std::isnan(got[3].y()));
}

// --- tick labels --------------------------------------------------------------------------------

/// The value a tick label stands for: "40k" is 40000, "−2.5M" is -2500000, "3e+160" is 3e160.
double labelValue(QString text)
{
    text.replace(QChar(0x2212), u'-');
    double unit = 1.0;
    const QString suffixes = QStringLiteral("kMGT");
    if (const qsizetype k = suffixes.indexOf(text.back()); k >= 0) {
        unit = std::pow(1000.0, double(k + 1));
        text.chop(1);
    }
    bool ok = false;
    const double v = text.toDouble(&ok);
    return ok ? v * unit : std::numeric_limits<double>::quiet_NaN();
}

/// A chart of \p epochs epochs for \p target by hand (no history: 10^7 epochs would take 440 MB):
/// errors falling from \p errors, the loss from \p loss, weights swinging to +-\p weight.
ChartPainter::Decimated syntheticChart(const QRectF& target, ChartPainter::Kind kind, int epochs,
                                       double errors, double loss, double weight,
                                       const Theme& theme)
{
    ChartSeries series;
    series.showLoss = loss > 0.0;
    ChartPainter::Decimated chart;
    chart.kind = kind;
    chart.target = target;
    chart.area = ChartPainter::plotArea(target, series, kind, theme);
    chart.epochs = epochs;
    const double last = std::max(0, epochs - 1);
    const auto line = [&](ChartCurve curve, double first, double end) {
        chart.lines.push_back(
            {curve,
             {QPointF(0.0, first), QPointF(0.5 * last, 0.5 * (first + end)), QPointF(last, end)}});
    };
    if (kind == ChartPainter::Kind::Errors) {
        line(ChartCurve::Errors, errors, 0.0);
        if (series.showLoss)
            line(ChartCurve::Loss, loss, 0.1 * loss);
    } else {
        line(ChartCurve::W1, 0.0, weight);
        line(ChartCurve::W2, 0.0, -weight);
        line(ChartCurve::Bias, 0.0, 0.5 * weight);
    }
    return chart;
}

TEST(ChartTicks, ReadableAtEverySizeAndEpochCount)
{
    const Theme theme = Theme::light();
    const QFontMetricsF fm(theme.font());
    struct Values
    {
        double errors, loss, weight;
    };
    const std::vector<Values> values{
        {4.0, 0.0, 2.0}, {39'999.0, 0.25, 0.04}, {3.0, 1.7e6, 3.03e160}, {1e6, 2e-5, 758.0}};
    int checked = 0;
    for (const double width :
         {80.0, 100.0, 110.0, 120.0, 160.0, 240.0, 320.0, 480.0, 640.0, 960.0, 1280.0, 2000.0}) {
        for (const double height : {120.0, 300.0}) {
            const QRectF target(10.0, 20.0, width, height);
            for (const int epochs : {1, 2, 3, 10, 50, 51, 99, 1000, 39'999, 40'000, 123'456,
                                     1'000'000, 9'999'999, 10'000'000}) {
                for (const Values& v : values) {
                    for (const auto kind :
                         {ChartPainter::Kind::Errors, ChartPainter::Kind::Weights}) {
                        const auto chart =
                            syntheticChart(target, kind, epochs, v.errors, v.loss, v.weight, theme);
                        const ChartPainter::Layout l = ChartPainter::layout(chart, 0.0, theme);
                        const QString where =
                            QStringLiteral("%1x%2, %3 epochs, errors %4, loss %5, "
                                           "weight %6, %7")
                                .arg(width)
                                .arg(height)
                                .arg(epochs)
                                .arg(v.errors)
                                .arg(v.loss)
                                .arg(v.weight)
                                .arg(int(kind));
                        SCOPED_TRACE(where.toStdString());
                        ASSERT_GE(l.xLabels.size(), width >= 160.0 ? 2u : 1u);
                        // Two labels where the plot is two lines of text high.
                        ASSERT_GE(l.yLabels.size(),
                                  l.area.height() >= 2.0 * (fm.height() + 2.0) ? 2u : 1u);
                        if (!l.rightAxis) {
                            EXPECT_TRUE(l.rLabels.empty());
                        } else if (width >= 240.0) {
                            EXPECT_GE(l.rLabels.size(), 2u);
                        }
                        double lastRight = -1e300;
                        for (const auto* labels : {&l.xLabels, &l.yLabels, &l.rLabels}) {
                            for (const ChartPainter::TickLabel& t : *labels) {
                                SCOPED_TRACE(t.text.toStdString());
                                EXPECT_FALSE(t.text.contains(QChar(0x2026))); // never elided
                                EXPECT_FALSE(t.text.isEmpty());
                                // The label says the tick's value, and a minus only below zero.
                                const double read = labelValue(t.text);
                                EXPECT_NEAR(read, t.value, 1e-9 * std::abs(t.value) + 1e-12);
                                EXPECT_EQ(t.text.startsWith(QChar(0x2212)), t.value < 0.0);
                                // Its box holds the whole text, inside the chart.
                                EXPECT_GE(t.box.width() + 0.01, fm.horizontalAdvance(t.text));
                                EXPECT_GE(t.box.left(), target.left() - 0.01);
                                EXPECT_LE(t.box.right(), target.right() + 0.01);
                            }
                        }
                        for (const ChartPainter::TickLabel& t : l.xLabels) {
                            EXPECT_GT(t.box.left(), lastRight) << "x labels touch";
                            lastRight = t.box.right();
                        }
                        for (const ChartPainter::TickLabel& t : l.yLabels)
                            EXPECT_LT(t.box.right(), l.area.left());
                        // Values up the axis, each label clear of the one below it.
                        for (const auto* labels : {&l.yLabels, &l.rLabels})
                            for (std::size_t i = 1; i < labels->size(); ++i)
                                EXPECT_LT((*labels)[i].box.bottom(), (*labels)[i - 1].box.top())
                                    << "y labels touch";
                        for (const ChartPainter::TickLabel& t : l.rLabels)
                            EXPECT_GT(t.box.left(), l.area.right());
                        // Distinct texts for distinct ticks.
                        for (const auto* labels : {&l.xLabels, &l.yLabels, &l.rLabels})
                            for (std::size_t i = 1; i < labels->size(); ++i)
                                EXPECT_NE((*labels)[i].text, (*labels)[i - 1].text);
                        // The labels leave the curves room (in a chart narrower than 160 pixels
                        // weights of 10^160 take most of it).
                        if (width >= 160.0) {
                            EXPECT_GE(l.area.width(), 0.35 * width);
                        }
                        ++checked;
                        if (::testing::Test::HasFailure())
                            return;
                    }
                }
            }
        }
    }
    EXPECT_GT(checked, 1000);
}

TEST(ChartTicks, CompactLabels)
{
    const auto labels = [](std::vector<double> values, double step) {
        return ChartPainter::tickLabels(values, step).join(u' ');
    };
    EXPECT_EQ(labels({0, 10'000, 20'000, 30'000, 40'000}, 10'000),
              QStringLiteral("0 10k 20k 30k 40k"));
    EXPECT_EQ(labels({0, 5e6, 1e7}, 5e6), QStringLiteral("0 5M 10M"));
    EXPECT_EQ(labels({11'000, 11'500, 12'000}, 500), QStringLiteral("11k 11.5k 12k"));
    EXPECT_EQ(labels({-0.1, 0.0, 0.1}, 0.1), QStringLiteral("\u22120.1 0.0 0.1"));
    EXPECT_EQ(labels({0, 2e160, 4e160}, 2e160), QStringLiteral("0 2e+160 4e+160"));
    EXPECT_EQ(labels({0, 1, 2}, 1), QStringLiteral("0 1 2"));
}

// --- the curves of every model ------------------------------------------------------------------

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

/// Epoch \p epoch with the errors \p perClass of each class (their sum the total) and the
/// parameters \p parameters.
learning::EpochSnapshot madeUpEpoch(int epoch, const std::vector<int>& perClass,
                                    const std::vector<double>& parameters)
{
    learning::EpochSnapshot s;
    s.epoch = epoch;
    s.state.epoch = epoch;
    s.learningRate = 0.1;
    s.loss = 0.25 * epoch;
    for (std::size_t k = 0; k < perClass.size(); ++k) {
        s.classErrors[k] = perClass[k];
        s.errors += perClass[k];
    }
    s.parameters.assign(std::span<const double>(parameters));
    return s;
}

/// The points \p chart draws for \p curve.
QList<QPointF> pointsOf(const ChartPainter::Decimated& chart, ChartCurve curve)
{
    for (const ChartPainter::Line& line : chart.lines)
        if (line.curve == curve)
            return line.points;
    return {};
}

TEST(ChartCurves, EachClassErrorsAreTheHistorysForMoreThanTwoClasses)
{
    learning::TrainingSettings settings;
    settings.classes = 4;
    settings.rule = learning::Rule::Logistic;
    // Linear, 4 classes on (x1, x2): 4 units of (w1, w2) and 4 biases.
    const std::vector<double> parameters(12, 0.5);
    // Made-up errors per class and epoch; the last class's are the ones the history derives.
    const std::vector<std::vector<int>> errors{{3, 1, 4, 1}, {5, 9, 2, 6}, {5, 3, 5, 8},
                                               {9, 7, 9, 3}, {2, 3, 8, 4}, {0, 0, 0, 7}};
    learning::History history = madeUpRun(settings, madeUpEpoch(0, errors[0], parameters));
    for (int e = 1; e < int(errors.size()); ++e)
        history.append(madeUpEpoch(e, errors[std::size_t(e)], parameters));
    const ChartSeries series = ChartSeries::of(history, settings);
    EXPECT_EQ(series.curves(true),
              (std::vector{ChartCurve::Errors, classErrorsCurve(0), classErrorsCurve(1),
                           classErrorsCurve(2), classErrorsCurve(3), ChartCurve::Loss}));
    const ChartPainter::Decimated chart = ChartPainter::decimate(
        QRectF(0, 0, 600, 300), series, ChartPainter::Kind::Errors, Theme::light());
    for (int k = 0; k < 4; ++k) {
        const QList<QPointF> points = pointsOf(chart, classErrorsCurve(k));
        ASSERT_EQ(points.size(), qsizetype(errors.size())) << "class " << k;
        for (std::size_t e = 0; e < errors.size(); ++e)
            EXPECT_EQ(points[qsizetype(e)], QPointF(double(e), errors[e][std::size_t(k)]))
                << "class " << k << ", epoch " << e;
    }
    // The total stays: 9, 22, 21, 28, 17, 7.
    const QList<QPointF> total = pointsOf(chart, ChartCurve::Errors);
    ASSERT_EQ(total.size(), 6);
    EXPECT_EQ(total[1].y(), 22.0);
    EXPECT_EQ(total[5].y(), 7.0);
    // In the class colours; the total and the loss move to the text colour.
    const Theme theme = Theme::light();
    for (int k = 0; k < 4; ++k)
        EXPECT_EQ(ChartPainter::curveColour(classErrorsCurve(k), chart.lines, theme),
                  theme.classColors[std::size_t(k) % theme.classColors.size()]);
    EXPECT_EQ(ChartPainter::curveColour(ChartCurve::Errors, chart.lines, theme), theme.text);
    // The loss is named as the status line names it.
    EXPECT_EQ(chart.loss, ChartLoss::CrossEntropy);
    EXPECT_EQ(ChartPainter::curveName(ChartCurve::Loss, chart.loss),
              QStringLiteral("cross-entropy"));
}

TEST(ChartCurves, TheWeightSizeOfEachLayerIsItsRootMeanSquare)
{
    learning::TrainingSettings settings;
    settings.rule = learning::Rule::Logistic;
    settings.model = learning::ModelKind::Network;
    settings.hidden = {2};
    // A 2-2-1 network: W1 (2 x 2, column-major), b1 (2), W2 (1 x 2), b2 (1). The biases are
    // large so that counting them would show.
    ASSERT_EQ(weightBlocks(learning::modelShape(settings)),
              (std::vector<WeightBlock>{{0, 4}, {6, 2}}));
    const auto row = [](double s) {
        return std::vector<double>{3 * s, 0, -4 * s, 0, 100, 100, s, -7 * s, -100};
    };
    // Epoch e scales the weights by s = e + 1: layer 1's RMS is sqrt((9 + 16) s^2 / 4) = 2.5 s,
    // layer 2's sqrt((1 + 49) s^2 / 2) = 5 s.
    learning::History history = madeUpRun(settings, madeUpEpoch(0, {1, 1}, row(1)));
    for (int e = 1; e < 5; ++e)
        history.append(madeUpEpoch(e, {1, 0}, row(e + 1)));
    const ChartSeries series = ChartSeries::of(history, settings);
    EXPECT_EQ(series.curves(false), (std::vector{layerWeightsCurve(0), layerWeightsCurve(1)}));
    const ChartPainter::Decimated chart = ChartPainter::decimate(
        QRectF(0, 0, 600, 300), series, ChartPainter::Kind::Weights, Theme::light());
    EXPECT_TRUE(chart.weightSizes);
    const QList<QPointF> first = pointsOf(chart, layerWeightsCurve(0));
    const QList<QPointF> second = pointsOf(chart, layerWeightsCurve(1));
    ASSERT_EQ(first.size(), 5);
    ASSERT_EQ(second.size(), 5);
    for (int e = 0; e < 5; ++e) {
        EXPECT_DOUBLE_EQ(first[e].y(), 2.5 * (e + 1)) << "epoch " << e;
        EXPECT_DOUBLE_EQ(second[e].y(), 5.0 * (e + 1)) << "epoch " << e;
    }
    // A network's errors chart: two classes (no class curves) and its cross-entropy.
    EXPECT_EQ(series.curves(true), (std::vector{ChartCurve::Errors, ChartCurve::Loss}));
    EXPECT_EQ(series.loss, ChartLoss::CrossEntropy);
    EXPECT_EQ(ChartPainter::title(ChartPainter::Kind::Weights, chart.weightSizes),
              QStringLiteral("Weight size (RMS)"));
}

TEST(ChartCurves, TheClassicModelKeepsItsCurves)
{
    learning::TrainingSettings settings; // the perceptron on the classic model
    learning::History history = madeUpRun(settings, madeUpEpoch(0, {2, 1}, {0.5, -1, 0.25}));
    const ChartSeries series = ChartSeries::of(history, settings);
    EXPECT_TRUE(series.layers().empty());
    EXPECT_EQ(series.curves(true), std::vector{ChartCurve::Errors});
    EXPECT_EQ(series.curves(false),
              (std::vector{ChartCurve::W1, ChartCurve::W2, ChartCurve::Bias}));
    settings.rule = learning::Rule::Adaline;
    EXPECT_EQ(ChartSeries::of(history, settings).loss, ChartLoss::SquaredError);
    const Theme theme = Theme::light();
    const ChartPainter::Decimated chart =
        ChartPainter::decimate(QRectF(0, 0, 600, 300), series, ChartPainter::Kind::Errors, theme);
    EXPECT_EQ(ChartPainter::curveColour(ChartCurve::Errors, chart.lines, theme),
              chartColour(ChartCurve::Errors));
}

TEST(ChartCurves, AWideLegendWrapsIntoRowsUnderTheTitle)
{
    learning::TrainingSettings settings;
    settings.classes = 8;
    settings.rule = learning::Rule::Adaline;
    learning::History history =
        madeUpRun(settings, madeUpEpoch(0, {1, 2, 3, 4, 5, 6, 7, 8}, std::vector<double>(24)));
    const ChartSeries series = ChartSeries::of(history, settings);
    ASSERT_EQ(series.curves(true).size(), 10u);
    const Theme theme = Theme::light();
    // Ten entries do not fit beside the title of a 400-pixel chart: the plot starts lower than
    // with the errors alone (no history), and lower still when narrower (more rows).
    const ChartSeries alone;
    const auto top = [&](const ChartSeries& s, double width) {
        return ChartPainter::plotArea(QRectF(0, 0, width, 400), s, ChartPainter::Kind::Errors,
                                      theme)
            .top();
    };
    EXPECT_GT(top(series, 400), top(alone, 400));
    EXPECT_GT(top(series, 160), top(series, 400));
}

} // namespace
