// The canvas's drag gesture alone: where a move takes the points (kept inside the data's limit,
// the group keeping its shape), what a rubber band selects, where a pan takes the view.
#include "learning/dataset.h"
#include "render/viewtransform.h"
#include "ui/canvas/draggesture.h"

#include <gtest/gtest.h>

using namespace plab;
using ui::DragGesture;

namespace {

learning::Dataset points(const std::vector<Eigen::Vector2d>& xs)
{
    learning::Dataset data;
    for (const Eigen::Vector2d& x : xs)
        data.add(x, 0);
    return data;
}

TEST(DragGesture, AMoveShiftsEveryDraggedPointByTheCursorsDisplacement)
{
    const learning::Dataset data = points({{0.0, 0.0}, {1.0, 2.0}, {5.0, 5.0}});
    DragGesture gesture;
    gesture.press({10, 10}, Qt::LeftButton, {});
    gesture.startMove(data, {0, 1}, {1.0, 2.0});
    EXPECT_EQ(gesture.kind(), DragGesture::Kind::Move);
    EXPECT_FALSE(gesture.moveStarted());
    bool limited = false;
    const auto to = gesture.movedTo({1.5, 1.0}, limited);
    EXPECT_FALSE(limited);
    ASSERT_EQ(to.size(), 2u);
    EXPECT_EQ(to[0], Eigen::Vector2d(0.5, -1.0));
    EXPECT_EQ(to[1], Eigen::Vector2d(1.5, 1.0));
    EXPECT_EQ(gesture.movedIndices(), (std::vector<std::size_t>{0, 1}));
}

TEST(DragGesture, AMoveStopsAtTheDataLimitAndTheGroupKeepsItsShape)
{
    constexpr double kMax = learning::kMaxCoordinate;
    const learning::Dataset data = points({{kMax - 1.0, 0.0}, {0.0, 0.0}});
    DragGesture gesture;
    gesture.press({0, 0}, Qt::LeftButton, {});
    gesture.startMove(data, {0, 1}, {0.0, 0.0});
    bool limited = false;
    const auto to = gesture.movedTo({10.0, 3.0}, limited);
    EXPECT_TRUE(limited);
    ASSERT_EQ(to.size(), 2u);
    EXPECT_EQ(to[0], Eigen::Vector2d(kMax, 3.0)); // stopped at the limit
    EXPECT_EQ(to[1], Eigen::Vector2d(1.0, 3.0));  // moved as far as the first one
}

TEST(DragGesture, EachMoveHasItsOwnIdSoUndoKeepsDragsApart)
{
    const learning::Dataset data = points({{0.0, 0.0}});
    DragGesture gesture;
    gesture.startMove(data, {0}, {0.0, 0.0});
    const int first = gesture.moveId();
    gesture.end();
    EXPECT_EQ(gesture.kind(), DragGesture::Kind::None);
    EXPECT_TRUE(gesture.movedIndices().empty());
    gesture.startMove(data, {0}, {0.0, 0.0});
    EXPECT_NE(gesture.moveId(), first);
}

TEST(DragGesture, ARubberBandSelectsThePointsInsideItAddedToTheBase)
{
    // 0..10 world units on 0..100 pixels: (1, 9) is at pixel (10, 10), y pointing down.
    const render::ViewTransform transform({0.0, 10.0, 0.0, 10.0}, QRectF(0, 0, 100, 100));
    const learning::Dataset data = points({{1.0, 9.0}, {3.0, 7.0}, {8.0, 2.0}});
    const QPointF inside = transform.toPixel(data.point(1)) + QPointF(5, 5);
    DragGesture gesture;
    gesture.press({0, 0}, Qt::LeftButton, Qt::ControlModifier);
    gesture.startRubber({0, 0, 1});
    EXPECT_EQ(gesture.stretchRubber(inside, data, transform), (std::vector<char>{1, 1, 1}));
    ASSERT_TRUE(gesture.rubberBand().has_value());
    EXPECT_EQ(*gesture.rubberBand(), QRectF(QPointF(0, 0), inside));

    gesture.startRubber({});
    EXPECT_EQ(gesture.stretchRubber(inside, data, transform), (std::vector<char>{1, 1, 0}));
    gesture.end();
    EXPECT_FALSE(gesture.rubberBand().has_value());
}

TEST(DragGesture, APanMovesTheViewWithTheCursorAtTheScaleOfThePress)
{
    const io::ViewBox view{0.0, 10.0, 0.0, 10.0};
    const render::ViewTransform transform(view, QRectF(0, 0, 100, 100));
    ASSERT_DOUBLE_EQ(transform.pixelsPerUnitX(), 10.0);
    DragGesture gesture;
    gesture.press({50, 50}, Qt::MiddleButton, {});
    gesture.startPan(view, transform);
    // 20 pixels right and 10 down: the world under the cursor follows it, so the view moves
    // 2 units left and 1 unit up.
    const io::ViewBox panned = gesture.pannedView({70, 60});
    EXPECT_DOUBLE_EQ(panned.xMin, -2.0);
    EXPECT_DOUBLE_EQ(panned.xMax, 8.0);
    EXPECT_DOUBLE_EQ(panned.yMin, 1.0);
    EXPECT_DOUBLE_EQ(panned.yMax, 11.0);
}

} // namespace
