// The window's actions as the keyboard and the menus reach them: every shortcut is registered
// once (an ambiguous one does nothing), Redo answers every key the menu, the keys help and the
// user guide promise, and Train and the steps are disabled, saying why, once a run has ended.
// And WindowActions alone (texts that follow the undo stack and the language), WindowStatusBar
// alone.
#include "editor/document.h"
#include "i18n/language.h"
#include "render/viewtransform.h"
#include "support/windowtest.h"
#include "ui/canvas/plotcanvas.h"
#include "ui/dialogs/keysdialog.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/mainwindow/trainingpresenter.h"
#include "ui/mainwindow/windowactions.h"
#include "ui/mainwindow/windowstatusbar.h"
#include "ui/panels/controlpanel.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QHash>
#include <QKeySequence>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QSignalSpy>
#include <QSlider>
#include <QStatusBar>
#include <QTest>
#include <QUndoCommand>
#include <QUndoStack>
#include <gtest/gtest.h>

using namespace plab;
using namespace Qt::StringLiterals;
using plab::test::waitFor;

namespace {

class WindowActions : public plab::test::WindowTest
{
protected:
    /// The window active and the canvas focused, as after a click on it.
    void focusCanvas()
    {
        m_window->activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(m_window.get()));
        canvas()->setFocus();
    }
    /// Trains to the end of the run.
    void trainToEnd()
    {
        QSignalSpy running(playback(), &editor::Playback::runningChanged);
        action("actionTrain")->trigger();
        ASSERT_TRUE(waitFor(running, [this] { return !playback()->isRunning(); }));
    }
};

TEST_F(WindowActions, NoTwoShortcutsOfTheWindowAreTheSame)
{
    QHash<QKeySequence, QString> owner;
    for (const QAction* action : m_window->findChildren<QAction*>()) {
        for (const QKeySequence& key : action->shortcuts()) {
            EXPECT_FALSE(owner.contains(key))
                << key.toString().toStdString() << " belongs to " << owner[key].toStdString()
                << " and " << action->objectName().toStdString();
            owner.insert(key, action->objectName());
        }
    }
    // Redo's three keys are among them (the platform's own, Ctrl+Y and Ctrl+Shift+Z).
    const QList<QKeySequence> redo = action("actionRedo")->shortcuts();
    EXPECT_TRUE(redo.contains(QKeySequence(u"Ctrl+Y"_s)));
    EXPECT_TRUE(redo.contains(QKeySequence(u"Ctrl+Shift+Z"_s)));
    for (const QKeySequence& key : QKeySequence::keyBindings(QKeySequence::Redo))
        EXPECT_TRUE(redo.contains(key)) << key.toString().toStdString();
}

TEST_F(WindowActions, CtrlYAndCtrlShiftZRedoAndCtrlZUndoes)
{
    focusCanvas();
    QTest::mouseClick(canvas(), Qt::LeftButton, {}, canvas()->rect().center());
    ASSERT_EQ(document()->data().size(), 1u);
    QUndoStack* stack = document()->undoStack();

    const QKeyCombination redoKeys[] = {Qt::ControlModifier | Qt::Key_Y,
                                        Qt::ControlModifier | Qt::ShiftModifier | Qt::Key_Z};
    for (const QKeyCombination redo : redoKeys) {
        SCOPED_TRACE(QKeySequence(redo).toString().toStdString());
        QTest::keyClick(canvas(), Qt::Key_Z, Qt::ControlModifier);
        ASSERT_EQ(document()->data().size(), 0u);
        ASSERT_TRUE(stack->canRedo());
        QTest::keyClick(canvas(), redo.key(), redo.keyboardModifiers());
        EXPECT_EQ(document()->data().size(), 1u);
        EXPECT_FALSE(stack->canRedo());
    }
}

TEST_F(WindowActions, AfterTheRunConvergedTheStepsAreDisabledAndSayWhyUntilTheTimelineMovesBack)
{
    loadAnd();
    QAction* stepSample = action("actionStepSample");
    QAction* stepEpoch = action("actionStepEpoch");
    const QString sampleTip = stepSample->toolTip();
    const QString epochTip = stepEpoch->toolTip();
    EXPECT_TRUE(stepSample->isEnabled());
    EXPECT_TRUE(stepEpoch->isEnabled());

    trainToEnd();
    ASSERT_EQ(history().latestEpoch().status, learning::TrainingStatus::Converged);
    for (const QAction* step : {stepSample, stepEpoch, action("actionTrain")}) {
        SCOPED_TRACE(step->objectName().toStdString());
        EXPECT_FALSE(step->isEnabled());
        EXPECT_TRUE(step->toolTip().contains(u"converged"_s)) << step->toolTip().toStdString();
    }
    EXPECT_TRUE(action("actionBack")->isEnabled());
    EXPECT_TRUE(action("actionReset")->isEnabled());

    // The keys do nothing either (and say nothing about ambiguity).
    focusCanvas();
    const std::size_t end = playback()->position();
    QTest::keyClick(canvas(), Qt::Key_S);
    QTest::keyClick(canvas(), Qt::Key_N);
    EXPECT_EQ(playback()->position(), end);

    // Scrubbed back, the steps walk the recorded run again, with their usual tooltips.
    QTest::keyClick(canvas(), Qt::Key_Left);
    EXPECT_LT(playback()->position(), end);
    EXPECT_TRUE(stepSample->isEnabled());
    EXPECT_TRUE(stepEpoch->isEnabled());
    EXPECT_EQ(stepSample->toolTip(), sampleTip);
    EXPECT_EQ(stepEpoch->toolTip(), epochTip);
    QTest::keyClick(canvas(), Qt::Key_N);
    EXPECT_EQ(playback()->position(), end);
    EXPECT_FALSE(stepEpoch->isEnabled());

    // An edit starts the run over: the steps are back.
    const std::size_t points = document()->data().size();
    const QPoint free = canvas()->transform().toPixel(Eigen::Vector2d(0.5, 0.25)).toPoint();
    QTest::mouseClick(canvas(), Qt::LeftButton, {}, free);
    ASSERT_EQ(document()->data().size(), points + 1);
    EXPECT_TRUE(stepSample->isEnabled());
    EXPECT_TRUE(stepEpoch->isEnabled());
    EXPECT_EQ(stepEpoch->toolTip(), epochTip);
}

TEST_F(WindowActions, TheKeysHelpOpensBesideTheWindowAndListsEveryRedoKey)
{
    focusCanvas();
    QTest::keySequence(canvas(), action("actionKeys")->shortcut());
    auto* keys = m_window->findChild<ui::KeysDialog*>();
    ASSERT_NE(keys, nullptr);
    EXPECT_TRUE(keys->isVisible());
    EXPECT_FALSE(keys->isModal()); // the window stays usable while it is open
    for (const QString& key : {u"Ctrl+Z"_s, u"Ctrl+Shift+Z"_s, u"Ctrl+Y"_s})
        EXPECT_TRUE(keys->text().contains(key)) << key.toStdString();
    keys->close();
}

TEST(WindowActionsAlone, TheirTextsFollowTheUndoStackAndTheLanguage)
{
    QMainWindow window;
    QUndoStack stack;
    const ui::WindowActions::Docks docks{new QDockWidget(&window), new QDockWidget(&window),
                                         new QDockWidget(&window), new QDockWidget(&window)};
    ui::WindowActions actions(&window, &stack, docks);
    EXPECT_EQ(actions.fileMenu()->title(), u"&File"_s);
    EXPECT_EQ(docks.parameters->windowTitle(), u"Parameters"_s);
    EXPECT_EQ(actions.undoAction->text(), u"&Undo"_s);
    EXPECT_FALSE(actions.undoAction->isEnabled());

    stack.push(new QUndoCommand(u"Add point"_s));
    EXPECT_EQ(actions.undoAction->text(), u"&Undo Add point"_s);
    EXPECT_TRUE(actions.undoAction->isEnabled());
    EXPECT_FALSE(actions.redoAction->isEnabled());
    stack.undo();
    EXPECT_EQ(actions.redoAction->text(), u"&Redo Add point"_s);
    EXPECT_TRUE(actions.redoAction->isEnabled());

    ASSERT_TRUE(i18n::installTranslations(u"ja"_s));
    actions.retranslate();
    EXPECT_EQ(actions.fileMenu()->title(), u"ファイル(&F)"_s);
    EXPECT_EQ(docks.parameters->windowTitle(), u"パラメーター"_s);
    EXPECT_NE(actions.redoAction->text(), u"&Redo Add point"_s);
    EXPECT_TRUE(actions.redoAction->text().contains(u"Add point"_s)); // the command's own text

    ASSERT_TRUE(i18n::installTranslations(u"en"_s));
    actions.retranslate();
    EXPECT_EQ(actions.fileMenu()->title(), u"&File"_s);
    EXPECT_EQ(actions.redoAction->text(), u"&Redo Add point"_s);
}

TEST(WindowStatusBarAlone, ItsFieldsSayWhatTheyAreGivenAndTheMarkerShowsOnlyAProblem)
{
    QStatusBar bar;
    ui::WindowStatusBar status(&bar);
    const auto texts = [&bar] {
        QStringList all;
        for (const QLabel* label : bar.findChildren<QLabel*>())
            if (!label->text().isEmpty())
                all << label->text();
        return all;
    };
    learning::Dataset data;
    data.add({0.0, 0.0}, 0);
    data.add({1.0, 0.0}, 1);
    data.add({1.0, 1.0}, 1);
    status.showCounts(data);
    status.showAccuracy(2.0 / 3.0);
    status.showCursor(QPointF(0.25, -1.5));
    EXPECT_TRUE(texts().contains(u"class 0: 1 · class 1: 2"_s)) << texts().join(u'|').toStdString();
    EXPECT_TRUE(texts().contains(u"accuracy 66.7 %"_s));
    EXPECT_TRUE(texts().contains(u"x₁ = 0.25  x₂ = −1.50"_s)) << texts().join(u'|').toStdString();
    status.showAccuracy(std::nullopt);
    status.showCursor(std::nullopt);
    EXPECT_EQ(texts(), QStringList{u"class 0: 1 · class 1: 2"_s});

    auto* marker = bar.findChild<QWidget*>(u"autosaveMarker"_s);
    ASSERT_NE(marker, nullptr);
    EXPECT_TRUE(marker->isHidden());
    status.showAutosaveProblem(u"the disk is full"_s, u"No space left on /tmp"_s);
    EXPECT_FALSE(marker->isHidden());
    EXPECT_TRUE(texts().contains(u"Not autosaved: the disk is full"_s));
    EXPECT_EQ(marker->toolTip(), u"No space left on /tmp"_s);
    status.showAutosaveProblem({}, {});
    EXPECT_TRUE(marker->isHidden());
}

TEST_F(WindowActions, EnterInTheLearningRateHandsTheKeysBackToThePlot)
{
    m_window->generate(learning::Generator::And, learning::GeneratorParams{});
    focusCanvas();
    auto* rate = m_window->controlPanel()->findChild<QDoubleSpinBox*>(u"learningRate"_s);
    ASSERT_NE(rate, nullptr);
    rate->setFocus();
    rate->selectAll();
    QTest::keyClicks(rate, u"0.5"_s);
    QTest::keyClick(rate, Qt::Key_Return);
    EXPECT_EQ(document()->settings().learningRate, 0.5);
    EXPECT_FALSE(rate->hasFocus());
    // N now steps an epoch instead of being typed into the field.
    QSignalSpy changed(presenter(), &ui::TrainingPresenter::statusChanged);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_N);
    ASSERT_TRUE(waitFor(changed, [this] { return playback()->history().epochCount() >= 2; }));
    EXPECT_EQ(rate->value(), 0.5);
}

TEST_F(WindowActions, AFocusedSpeedSliderTakesItsArrowKeys)
{
    m_window->generate(learning::Generator::And, learning::GeneratorParams{});
    focusCanvas();
    auto* speed = m_window->controlPanel()->findChild<QSlider*>(u"speed"_s);
    ASSERT_NE(speed, nullptr);
    speed->setFocus();
    const int before = speed->value();
    const std::size_t position = playback()->position();
    QTest::keyClick(speed, Qt::Key_Right);
    EXPECT_EQ(speed->value(), before + 1);
    QTest::keyClick(speed, Qt::Key_Left);
    EXPECT_EQ(speed->value(), before);
    QCoreApplication::processEvents();
    EXPECT_EQ(playback()->position(), position) << "the arrows must not step the run";
    EXPECT_EQ(playback()->history().epochCount(), 1);
}

} // namespace

TEST_F(WindowActions, HiddenUnitsWeightsTurnsTheCanvasArrowsOnAndOff)
{
    QAction* toggle = action("actionHiddenArrows");
    ASSERT_TRUE(toggle->isCheckable());
    EXPECT_FALSE(canvas()->scene().showHiddenArrows);
    toggle->trigger();
    EXPECT_TRUE(canvas()->scene().showHiddenArrows);
    toggle->trigger();
    EXPECT_FALSE(canvas()->scene().showHiddenArrows);
    // It is in the View menu.
    bool inView = false;
    for (const QMenu* menu : m_window->findChildren<QMenu*>())
        if (menu->actions().contains(toggle))
            inView = menu->title().remove(u'&') == u"View"_s;
    EXPECT_TRUE(inView);
}
