#include "render/viewtransform.h"
#include "testsupport.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using plab::io::ViewBox;
using plab::learning::Dataset;
using plab::learning::LinearModel;
using plab::test::nearlyEqual;
using namespace plab::render;

namespace {

double polygonArea(const std::vector<Eigen::Vector2d>& poly)
{
    double twice = 0.0;
    for (std::size_t i = 0; i < poly.size(); ++i) {
        const Eigen::Vector2d& a = poly[i];
        const Eigen::Vector2d& b = poly[(i + 1) % poly.size()];
        twice += a.x() * b.y() - b.x() * a.y();
    }
    return std::abs(0.5 * twice);
}

// ---------------------------------------------------------------------------------------------
// World <-> pixel.

struct MappingCase
{
    const char* name;
    ViewBox view;
    QRectF pixels;
    Aspect aspect;
    Eigen::Vector2d world;
    QPointF pixel; // hand-computed
};

class Mapping : public ::testing::TestWithParam<MappingCase>
{};

TEST_P(Mapping, MapsWorldToPixelAndBack)
{
    const MappingCase& c = GetParam();
    const ViewTransform tf(c.view, c.pixels, c.aspect);
    const QPointF p = tf.toPixel(c.world);
    EXPECT_TRUE(nearlyEqual(p.x(), c.pixel.x()));
    EXPECT_TRUE(nearlyEqual(p.y(), c.pixel.y()));
    const Eigen::Vector2d back = tf.toWorld(c.pixel);
    EXPECT_TRUE(nearlyEqual(back.x(), c.world.x()));
    EXPECT_TRUE(nearlyEqual(back.y(), c.world.y()));
}

// view [-1,1]^2 in 400 x 200 at (50,20): Equal uses 100 px/unit (the height limits) and widens x
// to [-2,2]; Stretch uses 200 px/unit along x.
// view [-0.5,1.5]^2 in 800 x 600: 300 px/unit, x widened to 0.5 -/+ 4/3.
// view [0,4] x [0,2] in 100 x 300 at (10,10): 25 px/unit (the width limits), y widened to [-5,7].
INSTANTIATE_TEST_SUITE_P(
    Table, Mapping,
    ::testing::Values(
        MappingCase{
            "square_origin", {0, 10, 0, 10}, {0, 0, 100, 100}, Aspect::Equal, {0, 0}, {0, 100}},
        MappingCase{
            "square_corner", {0, 10, 0, 10}, {0, 0, 100, 100}, Aspect::Equal, {10, 10}, {100, 0}},
        MappingCase{
            "square_inside", {0, 10, 0, 10}, {0, 0, 100, 100}, Aspect::Equal, {2.5, 7.5}, {25, 25}},
        MappingCase{
            "wide_centre", {-1, 1, -1, 1}, {50, 20, 400, 200}, Aspect::Equal, {0, 0}, {250, 120}},
        MappingCase{
            "wide_top_right", {-1, 1, -1, 1}, {50, 20, 400, 200}, Aspect::Equal, {1, 1}, {350, 20}},
        MappingCase{"wide_widened_edge",
                    {-1, 1, -1, 1},
                    {50, 20, 400, 200},
                    Aspect::Equal,
                    {-2, -1},
                    {50, 220}},
        MappingCase{"stretch_top_right",
                    {-1, 1, -1, 1},
                    {50, 20, 400, 200},
                    Aspect::Stretch,
                    {1, 1},
                    {450, 20}},
        MappingCase{"stretch_bottom_left",
                    {-1, 1, -1, 1},
                    {50, 20, 400, 200},
                    Aspect::Stretch,
                    {-1, -1},
                    {50, 220}},
        MappingCase{"default_view_centre",
                    {-0.5, 1.5, -0.5, 1.5},
                    {0, 0, 800, 600},
                    Aspect::Equal,
                    {0.5, 0.5},
                    {400, 300}},
        MappingCase{"default_view_top",
                    {-0.5, 1.5, -0.5, 1.5},
                    {0, 0, 800, 600},
                    Aspect::Equal,
                    {1.5, 1.5},
                    {700, 0}},
        MappingCase{
            "tall_left", {0, 4, 0, 2}, {10, 10, 100, 300}, Aspect::Equal, {0, 1}, {10, 160}},
        MappingCase{"tall_widened_top",
                    {0, 4, 0, 2},
                    {10, 10, 100, 300},
                    Aspect::Equal,
                    {4, 7},
                    {110, 10}}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(ViewTransform, EffectiveViewKeepsTheLimitingAxisAndWidensTheOther)
{
    const ViewTransform tf({-1, 1, -1, 1}, {50, 20, 400, 200});
    EXPECT_EQ(tf.effectiveView(), (ViewBox{-2, 2, -1, 1}));
    EXPECT_EQ(tf.pixelsPerUnitX(), 100.0);
    EXPECT_EQ(tf.pixelsPerUnitY(), 100.0);
}

TEST(ViewTransform, VectorsFlipTheVerticalAxis)
{
    const ViewTransform tf({0, 10, 0, 10}, {0, 0, 100, 100});
    EXPECT_EQ(tf.vectorToPixel({1, 2}), QPointF(10, -20));
    EXPECT_EQ(tf.vectorToWorld(QPointF(10, -20)), Eigen::Vector2d(1, 2));
}

TEST(ViewTransform, InvalidInputGivesAUsableTransform)
{
    const ViewTransform tf({1, 1, 0, 1}, {0, 0, 100, 100});
    EXPECT_EQ(tf.effectiveView(), ViewBox{});
    const ViewTransform empty({0, 1, 0, 1}, {0, 0, 0, 100});
    EXPECT_TRUE(std::isfinite(empty.toWorld(QPointF(5, 5)).x()));
}

TEST(ViewTransform, AcceptsExactlyTheViewsOfTheOneRule)
{
    // The transform and the project files share io::ViewBox::isValid(): a view the window
    // draws is a view a project can save, and the other way round.
    const QRectF pixels(0, 0, 100, 100);
    for (const ViewBox& box : {ViewBox{0, 1, 0, 1}, ViewBox{-1e12, 1e12, -1e12, 1e12},
                               ViewBox{0, 1e-9, 0, 1}, ViewBox{1e9, 1e9 + 2.0, 0, 1}}) {
        ASSERT_TRUE(box.isValid());
        EXPECT_EQ(ViewTransform(box, pixels, Aspect::Stretch).effectiveView(), box);
    }
    for (const ViewBox& box : {ViewBox{1, 0, 0, 1}, ViewBox{0, 0, 0, 1}, ViewBox{0, 2e12, 0, 1},
                               ViewBox{0, std::numeric_limits<double>::infinity(), 0, 1},
                               ViewBox{0, 1, std::nan(""), 1}, ViewBox{1e9, 1e9 + 1e-3, 0, 1}}) {
        ASSERT_FALSE(box.isValid());
        EXPECT_EQ(ViewTransform(box, pixels, Aspect::Stretch).effectiveView(), ViewBox{});
    }
}

TEST(ViewBoxes, ZoomKeepsTheAnchorsRelativePosition)
{
    // Zoom x2 about (2, 3) in [0,10]^2: x from 2 - 2/2 to 2 + 8/2, y from 3 - 3/2 to 3 + 7/2.
    EXPECT_EQ(zoomed({0, 10, 0, 10}, {2, 3}, 2.0), (ViewBox{1, 6, 1.5, 6.5}));
    EXPECT_EQ(zoomed({0, 10, 0, 10}, {5, 5}, 0.5), (ViewBox{-5, 15, -5, 15}));
}

TEST(ViewBoxes, ZoomIgnoresFactorsThatAreNotPositiveNumbers)
{
    const ViewBox v{0, 10, 0, 10};
    EXPECT_EQ(zoomed(v, {5, 5}, 0.0), v);
    EXPECT_EQ(zoomed(v, {5, 5}, -2.0), v);
    EXPECT_EQ(zoomed(v, {5, 5}, std::nan("")), v);
    EXPECT_EQ(zoomed(v, {std::nan(""), 5}, 2.0), v);
}

TEST(ViewBoxes, PanMovesEveryBound)
{
    EXPECT_EQ(panned({0, 1, 0, 1}, {2, -1}), (ViewBox{2, 3, -1, 0}));
}

// ---------------------------------------------------------------------------------------------
// Ticks.

struct TickCase
{
    const char* name;
    double lo, hi;
    int target;
    double step;
    std::vector<double> values;
    int decimals;
};

class NiceTicks : public ::testing::TestWithParam<TickCase>
{};

TEST_P(NiceTicks, FollowsTheOneTwoFiveLadder)
{
    const TickCase& c = GetParam();
    const Ticks t = niceTicks(c.lo, c.hi, c.target);
    EXPECT_TRUE(nearlyEqual(t.step, c.step));
    EXPECT_EQ(t.decimals, c.decimals);
    ASSERT_EQ(t.values.size(), c.values.size());
    for (std::size_t i = 0; i < c.values.size(); ++i)
        EXPECT_TRUE(nearlyEqual(t.values[i], c.values[i])) << "tick " << i;
}

// raw step = (hi - lo) / target, rounded to the nearest rung of 1-2-5 on a log scale.
INSTANTIATE_TEST_SUITE_P(
    Table, NiceTicks,
    ::testing::Values(
        TickCase{"raw_2_gives_2", 0, 10, 5, 2, {0, 2, 4, 6, 8, 10}, 0},
        TickCase{"raw_0_2_gives_0_2", 0, 1, 5, 0.2, {0, 0.2, 0.4, 0.6, 0.8, 1}, 1},
        TickCase{"raw_0_33_gives_0_5", -0.5, 1.5, 6, 0.5, {-0.5, 0, 0.5, 1, 1.5}, 1},
        TickCase{"raw_25_gives_20", 0, 100, 4, 20, {0, 20, 40, 60, 80, 100}, 0},
        TickCase{"offset_range", -3.7, 12.2, 8, 2, {-2, 0, 2, 4, 6, 8, 10, 12}, 0},
        TickCase{"raw_8e_4_gives_1e_3", 0.001, 0.0042, 4, 0.001, {0.001, 0.002, 0.003, 0.004}, 3},
        TickCase{"millions", 1e6, 5e6, 4, 1e6, {1e6, 2e6, 3e6, 4e6, 5e6}, 0},
        TickCase{
            "symmetric", -1, 1, 10, 0.2, {-1, -0.8, -0.6, -0.4, -0.2, 0, 0.2, 0.4, 0.6, 0.8, 1}, 1},
        TickCase{"empty_range", 1, 1, 5, 1, {}, 0}, TickCase{"reversed_range", 2, 1, 5, 1, {}, 0}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(NiceTicks, ZeroIsExactlyZero)
{
    const Ticks t = niceTicks(-0.3, 0.3, 6); // step 0.1: -0.3 + 3 * 0.1 would not be 0
    ASSERT_EQ(t.values.size(), 7u);
    EXPECT_EQ(t.values[3], 0.0);
    EXPECT_FALSE(std::signbit(t.values[3]));
}

TEST(NiceTicks, NaNGivesNoTicks)
{
    EXPECT_TRUE(niceTicks(std::nan(""), 1, 5).values.empty());
}

TEST(FormatTick, UsesTheTicksDecimalsAndATypographicMinus)
{
    const Ticks half = niceTicks(-0.5, 1.5, 6);
    EXPECT_EQ(formatTick(-0.5, half), QStringLiteral("\u22120.5"));
    EXPECT_EQ(formatTick(1.0, half), QStringLiteral("1.0"));
    EXPECT_EQ(formatTick(0.0, half), QStringLiteral("0.0"));
    EXPECT_EQ(formatTick(-0.0, half), QStringLiteral("0.0"));
    const Ticks millions = niceTicks(1e6, 5e6, 4);
    EXPECT_EQ(formatTick(2e6, millions), QStringLiteral("2e+06"));
    const Ticks tiny = niceTicks(-5e-5, 5e-5, 4); // a step of 2e-5
    EXPECT_EQ(formatTick(-2e-5, tiny), QStringLiteral("\u22122e\u221205"));
}

// ---------------------------------------------------------------------------------------------
// Clipping the boundary w1 x1 + w2 x2 + b = 0 to the box [0,10]^2 (centre (5,5)).

struct ClipCase
{
    const char* name;
    LinearModel model;
    LineClip::Kind kind;
    QLineF segment;          // Inside: expected endpoints, either order
    Eigen::Vector2d towards; // Outside
    double distance;         // from the centre
};

class ClipBoundary : public ::testing::TestWithParam<ClipCase>
{};

TEST_P(ClipBoundary, MatchesTheHandComputedSegment)
{
    const ClipCase& c = GetParam();
    const LineClip clip = clipBoundary(c.model, {0, 10, 0, 10});
    ASSERT_EQ(clip.kind, c.kind);
    if (c.kind == LineClip::Kind::NoLine)
        return;
    EXPECT_TRUE(nearlyEqual(clip.distance, c.distance));
    if (c.kind == LineClip::Kind::Inside) {
        const QLineF& s = clip.segment;
        const QLineF& e = c.segment;
        auto same = [](QPointF a, QPointF b) {
            return std::abs(a.x() - b.x()) < 1e-9 && std::abs(a.y() - b.y()) < 1e-9;
        };
        EXPECT_TRUE((same(s.p1(), e.p1()) && same(s.p2(), e.p2())) ||
                    (same(s.p1(), e.p2()) && same(s.p2(), e.p1())))
            << "got (" << s.x1() << ", " << s.y1() << ") - (" << s.x2() << ", " << s.y2() << ")";
        // Both endpoints lie on the line.
        EXPECT_NEAR(c.model.net({s.x1(), s.y1()}), 0.0, 1e-9);
        EXPECT_NEAR(c.model.net({s.x2(), s.y2()}), 0.0, 1e-9);
    } else {
        EXPECT_TRUE(nearlyEqual(clip.towards.x(), c.towards.x()));
        EXPECT_TRUE(nearlyEqual(clip.towards.y(), c.towards.y()));
    }
    // The closest point is on the line, at the stated distance from the centre.
    EXPECT_NEAR(c.model.net(clip.closest), 0.0, 1e-9);
    EXPECT_TRUE(nearlyEqual((clip.closest - Eigen::Vector2d(5, 5)).norm(), c.distance));
}

const double r2 = std::sqrt(0.5);

INSTANTIATE_TEST_SUITE_P(
    Table, ClipBoundary,
    ::testing::Values(
        // x = 4
        ClipCase{"vertical", {{1, 0}, -4}, LineClip::Kind::Inside, {4, 0, 4, 10}, {}, 1},
        // y = 3
        ClipCase{"horizontal", {{0, 2}, -6}, LineClip::Kind::Inside, {0, 3, 10, 3}, {}, 2},
        // x + y = 10 through the corners (0,10) and (10,0), through the centre
        ClipCase{"anti_diagonal", {{1, 1}, -10}, LineClip::Kind::Inside, {0, 10, 10, 0}, {}, 0},
        // y = x
        ClipCase{"diagonal", {{1, -1}, 0}, LineClip::Kind::Inside, {0, 0, 10, 10}, {}, 0},
        // x + 2y = 8: (0,4) and (8,0); distance |5 + 10 - 8| / sqrt(5)
        ClipCase{
            "shallow", {{1, 2}, -8}, LineClip::Kind::Inside, {0, 4, 8, 0}, {}, 7 / std::sqrt(5.0)},
        // x + y = 0 touches the corner (0,0) only
        ClipCase{"corner_touch",
                 {{1, 1}, 0},
                 LineClip::Kind::Inside,
                 {0, 0, 0, 0},
                 {},
                 10 / std::sqrt(2.0)},
        ClipCase{"w_zero", {{0, 0}, 1}, LineClip::Kind::NoLine, {}, {}, 0},
        ClipCase{"not_finite", {{std::nan(""), 1}, 0}, LineClip::Kind::NoLine, {}, {}, 0},
        // x = 20, to the right
        ClipCase{"outside_right", {{1, 0}, -20}, LineClip::Kind::Outside, {}, {1, 0}, 15},
        // y = -3, below; w points up but the line is down
        ClipCase{"outside_below", {{0, 1}, 3}, LineClip::Kind::Outside, {}, {0, -1}, 8},
        // x + y = 30: f(centre) = -20, towards +w, distance 20 / sqrt(2)
        ClipCase{"outside_diagonal",
                 {{1, 1}, -30},
                 LineClip::Kind::Outside,
                 {},
                 {r2, r2},
                 20 / std::sqrt(2.0)},
        // -x - y = 30 is x + y = -30: f(centre) = -40 < 0, towards +w = down-left
        ClipCase{"outside_diagonal_flipped",
                 {{-1, -1}, -30},
                 LineClip::Kind::Outside,
                 {},
                 {-r2, -r2},
                 40 / std::sqrt(2.0)}),
    [](const auto& info) { return std::string(info.param.name); });

// A diverged run's weights (|w| near 1e160, |w|^2 infinite) still have their line: before, the
// segment was NaN and only the closest point (the view's centre) was left, drawn as a stray dot.
TEST(ClipBoundaryOfHugeWeights, IsTheLineOfTheScaledDownModel)
{
    for (const double k : {1e160, 1e300, -1e200}) {
        const LinearModel huge{{k, k}, -10 * k}; // x + y = 10 (k < 0: the sides swap)
        const LineClip clip = clipBoundary(huge, {0, 10, 0, 10});
        ASSERT_EQ(clip.kind, LineClip::Kind::Inside) << k;
        const QLineF& s = clip.segment;
        EXPECT_NEAR(s.x1() + s.y1(), 10.0, 1e-9) << k;
        EXPECT_NEAR(s.x2() + s.y2(), 10.0, 1e-9) << k;
        EXPECT_NEAR(QLineF(s).length(), 10 * std::sqrt(2.0), 1e-9) << k;
        EXPECT_NEAR(clip.distance, 0.0, 1e-9) << k;
    }
    const LineClip away = clipBoundary({{1e160, 0}, -2e161}, {0, 10, 0, 10}); // x = 20
    EXPECT_EQ(away.kind, LineClip::Kind::Outside);
    EXPECT_NEAR(away.distance, 15.0, 1e-9);
}

TEST(HalfPlane, SplitsTheBoxAlongTheLine)
{
    const ViewBox box{0, 10, 0, 10};
    const LinearModel x4{{1, 0}, -4}; // x = 4, positive side to the right
    EXPECT_TRUE(nearlyEqual(polygonArea(halfPlaneInBox(x4, box, +1)), 60));
    EXPECT_TRUE(nearlyEqual(polygonArea(halfPlaneInBox(x4, box, -1)), 40));
    const LinearModel diag{{1, 1}, -10}; // the anti-diagonal halves the box
    EXPECT_TRUE(nearlyEqual(polygonArea(halfPlaneInBox(diag, box, +1)), 50));
    EXPECT_EQ(halfPlaneInBox(diag, box, +1).size(), 3u);
}

TEST(HalfPlane, WholeOrNothingWhenTheLineMissesTheBox)
{
    const ViewBox box{0, 10, 0, 10};
    const LinearModel far{{1, 0}, -20};
    EXPECT_TRUE(halfPlaneInBox(far, box, +1).empty());
    EXPECT_TRUE(nearlyEqual(polygonArea(halfPlaneInBox(far, box, -1)), 100));
    const LinearModel zero{{0, 0}, 1}; // w = 0: every point has net = b = 1 > 0
    EXPECT_TRUE(nearlyEqual(polygonArea(halfPlaneInBox(zero, box, +1)), 100));
    EXPECT_TRUE(halfPlaneInBox(zero, box, -1).empty());
}

} // namespace
