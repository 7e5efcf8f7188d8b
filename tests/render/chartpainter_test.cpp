// The learning curves' painter (render/chartpainter.h): the min/max decimation every chart
// draws through, the curves and the marker inside the plot, the tick labels at every size.
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
                        ASSERT_GE(l.yLabels.size(), 2u);
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

} // namespace
