#include "editor/document.h"
#include "editor/undocommands.h"
#include "testsupport.h"
#include "ui/canvas/plotcanvas.h"

#include <QApplication>
#include <QMenu>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>
#include <QWheelEvent>
#include <gtest/gtest.h>

using plab::io::ViewBox;
using plab::learning::Dataset;
using plab::learning::Sample;
using plab::test::nearlyEqual;
using namespace plab::ui;
using namespace plab::editor;
using namespace plab::render;

namespace {

class Canvas : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_canvas.setDocument(&m_doc);
        m_canvas.resize(640, 480);
        m_doc.setView({0, 10, 0, 10});
        m_canvas.show();
        m_canvas.setFocus();
    }

    /// The pixel of a world point, rounded to the integer position QTest sends.
    QPoint pixelOf(const Eigen::Vector2d& world) const
    {
        return m_canvas.transform().toPixel(world).toPoint();
    }

    void setPoints(const Dataset& data)
    {
        m_doc.undoStack()->push(new ReplaceData(&m_doc, data, QStringLiteral("Set up")));
    }

    Document m_doc;
    PlotCanvas m_canvas;
};

/// The world point under \p pixel, computed from the plot area and the view by hand rather than
/// through ViewTransform: equal scales, the limiting axis exact, the other centred.
Eigen::Vector2d expectedWorld(const QRectF& area, const ViewBox& v, QPointF pixel)
{
    const double s = std::min(area.width() / (v.xMax - v.xMin), area.height() / (v.yMax - v.yMin));
    const double cx = 0.5 * (v.xMin + v.xMax);
    const double cy = 0.5 * (v.yMin + v.yMax);
    return {cx + (pixel.x() - area.center().x()) / s, cy - (pixel.y() - area.center().y()) / s};
}

TEST_F(Canvas, LeftClickAddsTheActiveClassAtTheExactWorldPoint)
{
    const QPoint click(300, 200);
    QTest::mouseClick(&m_canvas, Qt::LeftButton, {}, click);
    ASSERT_EQ(m_doc.data().size(), 1u);
    EXPECT_EQ(m_doc.data().label(0), 0);
    const Eigen::Vector2d expected =
        expectedWorld(PlotRenderer::plotArea(QRectF(m_canvas.rect()), m_canvas.theme()),
                      m_doc.view(), QPointF(click));
    EXPECT_TRUE(nearlyEqual(m_doc.data().point(0).x(), expected.x(), 1e-12));
    EXPECT_TRUE(nearlyEqual(m_doc.data().point(0).y(), expected.y(), 1e-12));
    // And it maps back onto the clicked pixel.
    const QPointF back = m_canvas.transform().toPixel(m_doc.data().point(0));
    EXPECT_NEAR(back.x(), 300.0, 1e-9);
    EXPECT_NEAR(back.y(), 200.0, 1e-9);
    EXPECT_EQ(m_doc.undoStack()->count(), 1);
}

TEST_F(Canvas, RightClickAndShiftClickAddTheOtherClass)
{
    QTest::mouseClick(&m_canvas, Qt::RightButton, {}, QPoint(200, 200));
    QTest::mouseClick(&m_canvas, Qt::LeftButton, Qt::ShiftModifier, QPoint(400, 300));
    ASSERT_EQ(m_doc.data().size(), 2u);
    EXPECT_EQ(m_doc.data().label(0), 1);
    EXPECT_EQ(m_doc.data().label(1), 1);
    m_canvas.setActiveClass(1);
    QTest::mouseClick(&m_canvas, Qt::RightButton, {}, QPoint(300, 100));
    ASSERT_EQ(m_doc.data().size(), 3u);
    EXPECT_EQ(m_doc.data().label(2), 0);
}

TEST_F(Canvas, KeysOneAndTwoChooseTheClass)
{
    QSignalSpy spy(&m_canvas, &PlotCanvas::activeClassChanged);
    QTest::keyClick(&m_canvas, Qt::Key_2);
    EXPECT_EQ(m_canvas.activeClass(), 1);
    QTest::mouseClick(&m_canvas, Qt::LeftButton, {}, QPoint(300, 200));
    QTest::keyClick(&m_canvas, Qt::Key_1);
    EXPECT_EQ(m_canvas.activeClass(), 0);
    QTest::mouseClick(&m_canvas, Qt::LeftButton, {}, QPoint(350, 250));
    ASSERT_EQ(m_doc.data().size(), 2u);
    EXPECT_EQ(m_doc.data().label(0), 1);
    EXPECT_EQ(m_doc.data().label(1), 0);
    ASSERT_EQ(spy.count(), 2);
    EXPECT_EQ(spy.at(0).at(0).toInt(), 1);
    EXPECT_EQ(spy.at(1).at(0).toInt(), 0);
}

TEST_F(Canvas, ClicksInTheMarginAddNothing)
{
    QTest::mouseClick(&m_canvas, Qt::LeftButton, {}, QPoint(2, 2));
    EXPECT_EQ(m_doc.data().size(), 0u);
}

TEST_F(Canvas, DragMovesAPointAndOneUndoRestoresIt)
{
    setPoints(Dataset({{{5.1, 4.9}, 0}, {{2.0, 2.0}, 1}}));
    const int before = m_doc.undoStack()->count();
    const QPoint start = pixelOf({5.1, 4.9});
    const Eigen::Vector2d pressWorld = m_canvas.transform().toWorld(QPointF(start));
    QTest::mousePress(&m_canvas, Qt::LeftButton, {}, start);
    QTest::mouseMove(&m_canvas, start + QPoint(15, 0));
    QTest::mouseMove(&m_canvas, start + QPoint(30, -10));
    QTest::mouseMove(&m_canvas, start + QPoint(45, -20));
    QTest::mouseRelease(&m_canvas, Qt::LeftButton, {}, start + QPoint(45, -20));
    // The point keeps its offset from the cursor: it moves by the cursor's world displacement.
    const Eigen::Vector2d delta =
        m_canvas.transform().toWorld(QPointF(start + QPoint(45, -20))) - pressWorld;
    EXPECT_TRUE(nearlyEqual(m_doc.data().point(0).x(), 5.1 + delta.x(), 1e-12));
    EXPECT_TRUE(nearlyEqual(m_doc.data().point(0).y(), 4.9 + delta.y(), 1e-12));
    EXPECT_GT(delta.x(), 0.0);
    EXPECT_GT(delta.y(), 0.0);
    EXPECT_EQ(m_doc.data().point(1), Eigen::Vector2d(2.0, 2.0));
    EXPECT_EQ(m_doc.undoStack()->count(), before + 1);
    m_doc.undoStack()->undo();
    EXPECT_EQ(m_doc.data().point(0), Eigen::Vector2d(5.1, 4.9));
}

TEST_F(Canvas, ClickOnAPointSelectsItAndDeleteRemovesIt)
{
    setPoints(Dataset({{{5, 5}, 0}, {{2, 2}, 1}}));
    QSignalSpy spy(&m_canvas, &PlotCanvas::selectionChanged);
    QTest::mouseClick(&m_canvas, Qt::LeftButton, {}, pixelOf({2, 2}));
    EXPECT_EQ(m_canvas.selectedIndices(), std::vector<std::size_t>{1});
    EXPECT_EQ(spy.count(), 1);
    EXPECT_EQ(m_doc.data().size(), 2u); // selecting did not add a point
    QTest::keyClick(&m_canvas, Qt::Key_Delete);
    ASSERT_EQ(m_doc.data().size(), 1u);
    EXPECT_EQ(m_doc.data().point(0), Eigen::Vector2d(5, 5));
}

TEST_F(Canvas, RubberBandSelectsSeveralAndDeleteRemovesThem)
{
    setPoints(Dataset({{{1, 1}, 0}, {{2, 1.5}, 1}, {{1.5, 2}, 0}, {{8, 8}, 1}}));
    const QPoint from = pixelOf({0.5, 2.5});
    const QPoint to = pixelOf({2.5, 0.5});
    QTest::mousePress(&m_canvas, Qt::LeftButton, {}, from);
    QTest::mouseMove(&m_canvas, from + QPoint(20, 20));
    QTest::mouseMove(&m_canvas, to);
    QTest::mouseRelease(&m_canvas, Qt::LeftButton, {}, to);
    EXPECT_EQ(m_canvas.selectedIndices(), (std::vector<std::size_t>{0, 1, 2}));
    EXPECT_EQ(m_doc.data().size(), 4u); // a rubber band adds nothing
    QTest::keyClick(&m_canvas, Qt::Key_Backspace);
    ASSERT_EQ(m_doc.data().size(), 1u);
    EXPECT_EQ(m_doc.data().sample(0), (Sample{{8, 8}, 1}));
    m_doc.undoStack()->undo();
    EXPECT_EQ(m_doc.data().size(), 4u);
}

TEST_F(Canvas, DraggingASelectionMovesEveryPointAsOneStep)
{
    setPoints(Dataset({{{1, 1}, 0}, {{2, 2}, 1}, {{8, 8}, 1}}));
    QTest::keyClick(&m_canvas, Qt::Key_A, Qt::ControlModifier);
    EXPECT_EQ(m_canvas.selectedIndices().size(), 3u);
    const int before = m_doc.undoStack()->count();
    const QPoint start = pixelOf({2, 2});
    QTest::mousePress(&m_canvas, Qt::LeftButton, {}, start);
    QTest::mouseMove(&m_canvas, start + QPoint(0, 15));
    QTest::mouseMove(&m_canvas, start + QPoint(0, 30));
    QTest::mouseRelease(&m_canvas, Qt::LeftButton, {}, start + QPoint(0, 30));
    EXPECT_EQ(m_doc.undoStack()->count(), before + 1);
    const double dy = m_doc.data().point(2).y() - 8.0;
    EXPECT_LT(dy, 0.0);
    EXPECT_TRUE(nearlyEqual(m_doc.data().point(0).y(), 1.0 + dy, 1e-12));
    EXPECT_EQ(m_doc.data().point(0).x(), 1.0);
    m_doc.undoStack()->undo();
    EXPECT_EQ(m_doc.data().point(0), Eigen::Vector2d(1, 1));
    EXPECT_EQ(m_doc.data().point(2), Eigen::Vector2d(8, 8));
}

TEST_F(Canvas, ClickOnEmptySpaceWithASelectionOnlyDeselects)
{
    setPoints(Dataset({{{1, 1}, 0}}));
    m_canvas.selectAll();
    QTest::mouseClick(&m_canvas, Qt::LeftButton, {}, pixelOf({6, 6}));
    EXPECT_TRUE(m_canvas.selectedIndices().empty());
    EXPECT_EQ(m_doc.data().size(), 1u);
}

TEST_F(Canvas, WheelZoomKeepsTheWorldPointUnderTheCursor)
{
    const QPointF cursor(210, 150);
    const Eigen::Vector2d before = m_canvas.transform().toWorld(cursor);
    for (int delta : {120, 120, -360, 240}) {
        QWheelEvent wheel(cursor, m_canvas.mapToGlobal(cursor), QPoint(), QPoint(0, delta),
                          Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(&m_canvas, &wheel);
        const Eigen::Vector2d after = m_canvas.transform().toWorld(cursor);
        EXPECT_TRUE(nearlyEqual(after.x(), before.x(), 1e-12)) << "delta " << delta;
        EXPECT_TRUE(nearlyEqual(after.y(), before.y(), 1e-12)) << "delta " << delta;
    }
    // Two notches in, three out, two in: 2^(1/4) per notch, net one notch in.
    const ViewBox v = m_canvas.transform().effectiveView();
    EXPECT_TRUE(nearlyEqual(v.yMax - v.yMin, 10.0 / std::pow(2.0, 0.25), 1e-12));
}

TEST_F(Canvas, MiddleDragPans)
{
    const QPoint start(300, 200);
    const Eigen::Vector2d grabbed = m_canvas.transform().toWorld(QPointF(start));
    QTest::mousePress(&m_canvas, Qt::MiddleButton, {}, start);
    QTest::mouseMove(&m_canvas, start + QPoint(40, 25));
    QTest::mouseRelease(&m_canvas, Qt::MiddleButton, {}, start + QPoint(40, 25));
    // The world point grabbed follows the cursor.
    const Eigen::Vector2d now = m_canvas.transform().toWorld(QPointF(start + QPoint(40, 25)));
    EXPECT_TRUE(nearlyEqual(now.x(), grabbed.x(), 1e-12));
    EXPECT_TRUE(nearlyEqual(now.y(), grabbed.y(), 1e-12));
    EXPECT_EQ(m_doc.data().size(), 0u);
}

TEST_F(Canvas, SpaceDragPansAndSpaceAloneIsReported)
{
    QSignalSpy tapped(&m_canvas, &PlotCanvas::spaceTapped);
    QTest::keyClick(&m_canvas, Qt::Key_Space);
    EXPECT_EQ(tapped.count(), 1);

    const ViewBox before = m_canvas.transform().effectiveView();
    const QPoint start(300, 200);
    QTest::keyPress(&m_canvas, Qt::Key_Space);
    QTest::mousePress(&m_canvas, Qt::LeftButton, {}, start);
    QTest::mouseMove(&m_canvas, start + QPoint(-30, 0));
    QTest::mouseRelease(&m_canvas, Qt::LeftButton, {}, start + QPoint(-30, 0));
    QTest::keyRelease(&m_canvas, Qt::Key_Space);
    EXPECT_EQ(tapped.count(), 1); // a pan is not a tap
    EXPECT_EQ(m_doc.data().size(), 0u);
    // Dragged 30 px to the left: the view moved 30 px worth of world units to the right.
    const ViewBox after = m_canvas.transform().effectiveView();
    EXPECT_TRUE(
        nearlyEqual(after.xMin - before.xMin, 30.0 / m_canvas.transform().pixelsPerUnitX(), 1e-9));
    EXPECT_TRUE(nearlyEqual(after.yMin, before.yMin, 1e-12));
}

TEST_F(Canvas, FitToDataFramesThePoints)
{
    setPoints(Dataset({{{100, 100}, 0}, {{110, 104}, 1}}));
    m_canvas.fitToData();
    const ViewBox v = m_canvas.transform().effectiveView();
    EXPECT_LT(v.xMin, 100.0);
    EXPECT_GT(v.xMax, 110.0);
    EXPECT_LT(v.yMin, 100.0);
    EXPECT_GT(v.yMax, 104.0);
    EXPECT_LT(v.xMax - v.xMin, 20.0);
}

TEST_F(Canvas, CursorMovesAreReportedInWorldCoordinates)
{
    QSignalSpy spy(&m_canvas, &PlotCanvas::cursorMoved);
    const QPoint p(320, 240);
    QMouseEvent move(QEvent::MouseMove, QPointF(p), m_canvas.mapToGlobal(QPointF(p)), Qt::NoButton,
                     Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(&m_canvas, &move);
    ASSERT_EQ(spy.count(), 1);
    const QPointF world = spy.at(0).at(0).toPointF();
    const Eigen::Vector2d expected = m_canvas.transform().toWorld(QPointF(p));
    EXPECT_DOUBLE_EQ(world.x(), expected.x());
    EXPECT_DOUBLE_EQ(world.y(), expected.y());
}

TEST_F(Canvas, PaintsThePointsItPlaced)
{
    const QPoint left(200, 150);
    const QPoint right(420, 300);
    QTest::mouseClick(&m_canvas, Qt::LeftButton, {}, left);
    QTest::mouseClick(&m_canvas, Qt::RightButton, {}, right);
    const QImage frame = m_canvas.grab().toImage();
    const qreal dpr = frame.devicePixelRatio();
    auto at = [&](QPoint p) { return frame.pixelColor(int(p.x() * dpr), int(p.y() * dpr)); };
    auto near = [](QColor a, QColor b) {
        return std::max({std::abs(a.red() - b.red()), std::abs(a.green() - b.green()),
                         std::abs(a.blue() - b.blue())}) <= 8;
    };
    EXPECT_TRUE(near(at(left), m_canvas.theme().classColors[0])) << at(left).name().toStdString();
    EXPECT_TRUE(near(at(right), m_canvas.theme().classColors[1])) << at(right).name().toStdString();
    // Undo removes the second point from the picture too.
    m_doc.undoStack()->undo();
    EXPECT_FALSE(
        near(m_canvas.grab().toImage().pixelColor(int(right.x() * dpr), int(right.y() * dpr)),
             m_canvas.theme().classColors[1]));
}

TEST_F(Canvas, ThePointMenuOffersOnlyAClassChangeThatChangesSomething)
{
    const QPoint point(420, 300);
    QTest::mouseClick(&m_canvas, Qt::RightButton, {}, point); // a class-1 point
    ASSERT_EQ(m_doc.data().size(), 1u);
    ASSERT_EQ(m_doc.data().label(0), 1);
    const auto menuTexts = [this] {
        QStringList texts;
        for (QMenu* menu : m_canvas.findChildren<QMenu*>()) {
            for (const QAction* action : menu->actions())
                texts << action->text();
            menu->close();
        }
        return texts;
    };
    QTest::mouseClick(&m_canvas, Qt::RightButton, {}, point); // on the point: its menu
    QStringList texts = menuTexts();
    EXPECT_TRUE(texts.contains(QStringLiteral("Change to class 0")))
        << texts.join(u", ").toStdString();
    EXPECT_FALSE(texts.contains(QStringLiteral("Change to class 1")))
        << texts.join(u", ").toStdString();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    m_doc.undoStack()->push(new SetPointLabels(&m_doc, {0}, 0));
    QTest::mouseClick(&m_canvas, Qt::RightButton, {}, point);
    texts = menuTexts();
    EXPECT_TRUE(texts.contains(QStringLiteral("Change to class 1")))
        << texts.join(u", ").toStdString();
    EXPECT_FALSE(texts.contains(QStringLiteral("Change to class 0")))
        << texts.join(u", ").toStdString();
}

TEST_F(Canvas, TheSceneCarriesTheTrainingView)
{
    TrainingView view;
    view.hasModel = true;
    view.model = plab::learning::Model::classic({{1, 2}, -3});
    view.misclassified = {0};
    m_canvas.setTrainingView(view);
    const PlotScene scene = m_canvas.scene();
    EXPECT_TRUE(scene.hasModel);
    EXPECT_EQ(scene.model, view.model);
    EXPECT_EQ(scene.misclassified, view.misclassified);
    EXPECT_EQ(scene.data, &m_doc.data());
    m_canvas.clearTrainingView();
    EXPECT_FALSE(m_canvas.scene().hasModel);
}

} // namespace
