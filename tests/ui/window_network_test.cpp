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
    learning::Model canvasModel() const { return canvas()->trainingView().model; }
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
        return playback()->shownModel() && playback()->shownModel()->parameters()[1] == 2.5;
    }));
    presenter()->refreshNow();
    EXPECT_EQ(history().epochCount(), 1);
    // The canvas draws the new line: w₂ typed, w₁ and b as they were shown.
    const learning::LinearModel drawn = canvasModel().classicModel();
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

TEST_F(WindowNetwork, TypingAHiddenWeightMovesThatHiddenUnitsLine)
{
    learning::TrainingSettings settings;
    settings.model = learning::ModelKind::Network;
    settings.hidden = {2};
    settings.init = learning::InitKind::Random;
    settings.seed = 3;
    document()->setSettings(settings);
    QSignalSpy loaded(playback(), &editor::Playback::historyChanged);
    m_window->generate(learning::Generator::Xor, learning::GeneratorParams{});
    ASSERT_TRUE(waitFor(loaded, [this] { return playback()->shownModel().has_value(); }));
    showPanel();
    const learning::Model before = canvasModel();
    ASSERT_EQ(before.kind(), learning::ModelKind::Network);
    ASSERT_EQ(*panel()->model(), before);

    // w(1) h₂←x₁: the weight of x₁ in hidden unit 2, whose line w·x + b = 0 the canvas draws.
    ASSERT_TRUE(panel()->edit(NetworkItem::weight(0, 1, 0)));
    panel()->editor()->setText(u"0.75"_s);
    QSignalSpy changed(playback(), &editor::Playback::historyChanged);
    QTest::keyClick(panel()->editor(), Qt::Key_Return);
    ASSERT_TRUE(waitFor(changed, [this] {
        const auto shown = playback()->shownModel();
        return shown && shown->layers()[0].W(1, 0) == 0.75;
    }));
    presenter()->refreshNow();
    const auto drawn = canvasModel().layers();
    const auto old = before.layers();
    EXPECT_EQ(drawn[0].W(1, 0), 0.75);
    EXPECT_EQ(drawn[0].W(1, 1), old[0].W(1, 1));
    EXPECT_EQ(drawn[0].b(1), old[0].b(1));
    EXPECT_EQ(drawn[0].W.row(0), old[0].W.row(0)); // h₁'s line has not moved
    EXPECT_EQ(drawn[1].W, old[1].W);
    EXPECT_EQ(*panel()->model(), canvasModel());
    const QUndoStack* stack = document()->undoStack();
    EXPECT_EQ(stack->text(stack->index() - 1), u"Set w(1) h₂←x₁ to 0.75"_s);
}

TEST_F(WindowNetwork, LessonFoursStepNetworkIsEditedByHandAndStillCannotBeTrained)
{
    const QString path = writeFile(u"step.json"_s, R"({"format": "perceptron-lab", "version": 2,
        "settings": {"model": "mlp", "hidden": [2], "activation": "step", "init": "given",
                     "layers": [{"W": [[1, 1], [-1, -1]], "b": [-0.5, 1.5]},
                                {"W": [[1, 1]], "b": [-1.5]}]},
        "points": [{"x1": 0, "x2": 0, "label": 0}, {"x1": 0, "x2": 1, "label": 1},
                   {"x1": 1, "x2": 0, "label": 1}, {"x1": 1, "x2": 1, "label": 0}]})");
    ASSERT_TRUE(m_window->openFile(path)) << m_prompts->errors.join(u"\n"_s).toStdString();
    showPanel();
    ASSERT_TRUE(panel()->model());
    EXPECT_EQ(panel()->model()->shape().activation, learning::Activation::Step);
    EXPECT_EQ(*panel()->model(), canvasModel());
    EXPECT_TRUE(canvas()->trainingView().misclassified.empty()); // it computes XOR

    // The output's bias from −1.5 to −0.5: AND becomes OR of h₁ and h₂, and every point is
    // class 1, so the two class-0 points are misclassified.
    ASSERT_TRUE(panel()->edit(NetworkItem::bias(1, 0)));
    panel()->editor()->setText(u"-0.5"_s);
    QTest::keyClick(panel()->editor(), Qt::Key_Return);
    presenter()->refreshNow();
    ASSERT_TRUE(playback()->shownModel());
    EXPECT_EQ(playback()->shownModel()->layers()[1].b(0), -0.5);
    EXPECT_EQ(canvasModel().layers()[1].b(0), -0.5);
    EXPECT_EQ(canvas()->trainingView().misclassified.size(), 2U);
    // Train stays off, and the window says why.
    EXPECT_FALSE(action("actionTrain")->isEnabled());
    EXPECT_TRUE(presenter()->statusText().contains(u"step"_s))
        << presenter()->statusText().toStdString();

    action("actionUndo")->trigger();
    presenter()->refreshNow();
    EXPECT_EQ(canvasModel().layers()[1].b(0), -1.5);
    EXPECT_TRUE(canvas()->trainingView().misclassified.empty());
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
