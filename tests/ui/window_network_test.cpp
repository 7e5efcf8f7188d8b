// The network panel in the real window (issue 13), driven like a user: the dock and its toggle,
// the panel following the timeline, a weight typed in the panel moving the line on the canvas,
// and its Undo bringing the recorded run back.
#include "editor/document.h"
#include "learning/generators.h"
#include "render/networkpainter.h"
#include "support/windowtest.h"
#include "ui/canvas/plotcanvas.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/panels/networkpanel.h"

#include <QDockWidget>
#include <QLineEdit>
#include <QMenuBar>
#include <QTest>
#include <QUndoStack>
#include <gtest/gtest.h>

using namespace plab;
using namespace plab::ui;
using namespace Qt::StringLiterals;
using plab::test::waitFor;
using render::NetworkItem;

namespace {

class WindowNetwork : public plab::test::WindowTest
{
protected:
    NetworkPanel* panel() const { return m_window->findChild<NetworkPanel*>(); }
    QDockWidget* dock() const { return m_window->findChild<QDockWidget*>(u"networkDock"_s); }
    /// The model the canvas draws.
    learning::Model canvasModel() const
    {
        const auto& view = canvas()->trainingView();
        return learning::Model::classic(view.model, document()->settings().useBias, view.zero);
    }
    void showPanel()
    {
        dock()->show();
        dock()->raise();
        QTest::qWait(0);
        presenter()->refreshNow();
    }
};

TEST_F(WindowNetwork, TheDockIsAViewToggleAndFollowsTheTimeline)
{
    ASSERT_TRUE(dock());
    EXPECT_EQ(dock()->windowTitle(), u"Network"_s);
    bool inViewMenu = false;
    for (QAction* menu : m_window->menuBar()->actions())
        if (menu->menu() && menu->menu()->actions().contains(dock()->toggleViewAction()))
            inViewMenu = true;
    EXPECT_TRUE(inViewMenu);

    loadAnd();
    showPanel();
    ASSERT_TRUE(panel()->model());
    EXPECT_EQ(*panel()->model(), canvasModel());
    ASSERT_TRUE(triggerAndWait("actionStepEpoch", [this] { return history().epochCount() == 2; }));
    presenter()->refreshNow();
    EXPECT_EQ(*panel()->model(), canvasModel());
    EXPECT_NE(*panel()->model(), learning::Model()); // the perceptron moved off zero
}

TEST_F(WindowNetwork, TypingAWeightMovesTheLineOnTheCanvasAndUndoRestoresTheRun)
{
    loadAnd();
    QSignalSpy running(playback(), &editor::Playback::runningChanged);
    action("actionTrain")->trigger();
    ASSERT_TRUE(waitFor(running, [this] { return !playback()->isRunning(); }));
    presenter()->refreshNow();
    const int epochs = history().epochCount();
    ASSERT_GT(epochs, 1);
    const std::size_t position = playback()->position();
    const learning::Model trained = canvasModel();
    showPanel();

    // Click the line from x₂ to the output, type 2.5, Enter.
    const auto layout = panel()->currentLayout();
    const QPointF on = render::NetworkPainter::weightLine(layout, 0, 0, 1).pointAt(0.3);
    QTest::mouseClick(panel(), Qt::LeftButton, {}, on.toPoint());
    ASSERT_TRUE(panel()->isEditing());
    panel()->editor()->setText(u"2.5"_s);
    QSignalSpy changed(playback(), &editor::Playback::historyChanged);
    QTest::keyClick(panel()->editor(), Qt::Key_Return);

    // One named undo step; the run starts over from the hand-set weights at epoch 0.
    const QUndoStack* stack = document()->undoStack();
    EXPECT_EQ(stack->text(stack->index() - 1), u"Set w(1) out←x₂ to 2.5"_s);
    EXPECT_EQ(document()->settings().init, learning::InitKind::Given);
    ASSERT_TRUE(waitFor(changed, [this] {
        return playback()->shownModel() && playback()->shownModel()->w.y() == 2.5;
    }));
    presenter()->refreshNow();
    EXPECT_EQ(history().epochCount(), 1);
    // The canvas draws the new line: w₂ typed, w₁ and b as they were shown.
    const learning::LinearModel drawn = canvas()->trainingView().model;
    EXPECT_EQ(drawn.w.y(), 2.5);
    EXPECT_EQ(drawn.w.x(), trained.classicModel().w.x());
    EXPECT_EQ(drawn.b, trained.classicModel().b);
    EXPECT_EQ(*panel()->model(), canvasModel());

    // Undo: the recorded run and its position come back.
    action("actionUndo")->trigger();
    presenter()->refreshNow();
    EXPECT_EQ(history().epochCount(), epochs);
    EXPECT_EQ(playback()->position(), position);
    EXPECT_EQ(canvasModel(), trained);
    EXPECT_EQ(*panel()->model(), trained);
    EXPECT_EQ(document()->settings().init, learning::InitKind::Zeros);
}

TEST_F(WindowNetwork, ARefusedValueChangesNothing)
{
    loadAnd();
    showPanel();
    const int undoSteps = document()->undoStack()->count();
    ASSERT_TRUE(panel()->edit(NetworkItem::bias(0, 0)));
    panel()->editor()->setText(u"nan"_s);
    QTest::keyClick(panel()->editor(), Qt::Key_Return);
    EXPECT_TRUE(panel()->isEditing());
    EXPECT_FALSE(panel()->refusal().isEmpty());
    EXPECT_EQ(document()->undoStack()->count(), undoSteps);
    QTest::keyClick(panel()->editor(), Qt::Key_Escape);
    EXPECT_FALSE(panel()->isEditing());
    EXPECT_EQ(document()->undoStack()->count(), undoSteps);
}

} // namespace
