// The learning curves' painter (render/chartpainter.h): the min/max decimation every chart
// draws through, the curves and the marker inside the plot.
#include "render/chartpainter.h"

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

} // namespace
