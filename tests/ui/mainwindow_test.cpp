// The real MainWindow, driven like a user would: clicks and drags on the canvas, the menu
// actions, files. Training runs on the engine's thread; the tests wait on the playback's
// signals, never on time.
#include "editor/document.h"
#include "learning/trainer.h"
#include "support/windowtest.h"
#include "testsupport.h"
#include "ui/canvas/plotcanvas.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/mainwindow/trainingpresenter.h"
#include "ui/panels/parameterpanel.h"
#include "ui/panels/timeline.h"

#include <QAction>
#include <QLabel>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>
#include <QUrl>
#include <gtest/gtest.h>

#include <memory>

using namespace plab;
using namespace plab::ui;
using namespace plab::editor;
using namespace Qt::StringLiterals;
using plab::test::nearlyEqual;
using plab::test::waitFor;

namespace {

class Window : public plab::test::WindowTest
{
protected:
    /// What the core computes for the document's problem, one epoch at a time.
    std::vector<learning::EpochSnapshot> coreEpochs(int count) const
    {
        learning::Trainer trainer(document()->data(), document()->settings());
        std::vector<learning::EpochSnapshot> epochs{trainer.initialSnapshot()};
        for (int i = 0; i < count; ++i)
            epochs.push_back(trainer.stepEpoch());
        return epochs;
    }

    QPoint pixelOf(double x1, double x2) const
    {
        return canvas()->transform().toPixel(Eigen::Vector2d(x1, x2)).toPoint();
    }
};

TEST_F(Window, ClicksPlacePointsOfTheRightClassAtTheRightWorldCoordinates)
{
    const QPoint first = pixelOf(0.25, 0.75);
    const Eigen::Vector2d expectedFirst = canvas()->transform().toWorld(QPointF(first));
    QTest::mouseClick(canvas(), Qt::LeftButton, {}, first);
    ASSERT_EQ(document()->data().size(), 1u);
    EXPECT_EQ(document()->data().label(0), 0);
    EXPECT_TRUE(nearlyEqual(document()->data().point(0).x(), expectedFirst.x()));
    EXPECT_TRUE(nearlyEqual(document()->data().point(0).y(), expectedFirst.y()));
    // The pixel was computed from (0.25, 0.75): the point is within half a pixel of it.
    const double halfPixel = 0.5 / canvas()->transform().pixelsPerUnitX();
    EXPECT_NEAR(document()->data().point(0).x(), 0.25, halfPixel);
    EXPECT_NEAR(document()->data().point(0).y(), 0.75, halfPixel);

    // Right click: the other class.
    QTest::mouseClick(canvas(), Qt::RightButton, {}, pixelOf(1.0, 0.0));
    ASSERT_EQ(document()->data().size(), 2u);
    EXPECT_EQ(document()->data().label(1), 1);

    // Key 2 makes class 1 the active one, in the canvas, the menu and the panel.
    action("actionClass1")->trigger();
    EXPECT_EQ(canvas()->activeClass(), 1);
    QTest::mouseClick(canvas(), Qt::LeftButton, {}, pixelOf(0.5, 0.5));
    ASSERT_EQ(document()->data().size(), 3u);
    EXPECT_EQ(document()->data().label(2), 1);
    QTest::mouseClick(canvas(), Qt::LeftButton, Qt::ShiftModifier, pixelOf(0.0, 1.0));
    ASSERT_EQ(document()->data().size(), 4u);
    EXPECT_EQ(document()->data().label(3), 0);
}

TEST_F(Window, ADragMovesAPointAndUndoRestoresIt)
{
    const QPoint from = pixelOf(0.5, 0.5);
    QTest::mouseClick(canvas(), Qt::LeftButton, {}, from);
    ASSERT_EQ(document()->data().size(), 1u);
    const Eigen::Vector2d origin = document()->data().point(0);

    const QPoint to = pixelOf(1.0, 0.25);
    QTest::mousePress(canvas(), Qt::LeftButton, {}, from);
    QTest::mouseMove(canvas(), from + QPoint(10, 5));
    QTest::mouseMove(canvas(), (from + to) / 2);
    QTest::mouseMove(canvas(), to);
    QTest::mouseRelease(canvas(), Qt::LeftButton, {}, to);

    const Eigen::Vector2d moved = document()->data().point(0);
    const Eigen::Vector2d target = canvas()->transform().toWorld(QPointF(to));
    EXPECT_TRUE(nearlyEqual(moved.x(), target.x(), 1e-9));
    EXPECT_TRUE(nearlyEqual(moved.y(), target.y(), 1e-9));
    // The add and the whole drag: two steps, and the Edit menu names the last one.
    EXPECT_EQ(document()->undoStack()->count(), 2);
    QAction* undo = action("actionUndo");
    EXPECT_EQ(undo->text().remove(u'&'), u"Undo Move point"_s);

    undo->trigger();
    ASSERT_EQ(document()->data().size(), 1u);
    EXPECT_EQ(document()->data().point(0), origin);
}

TEST_F(Window, TrainOnAndConvergesToTheCoresWeights)
{
    loadAnd();
    learning::Trainer trainer(document()->data(), document()->settings());
    const std::vector<learning::EpochSnapshot> expected = learning::trainToEnd(trainer);
    ASSERT_EQ(expected.back().status, learning::TrainingStatus::Converged);

    QSignalSpy running(playback(), &editor::Playback::runningChanged);
    action("actionTrain")->trigger();
    EXPECT_TRUE(playback()->isRunning());
    ASSERT_TRUE(waitFor(running, [this] { return !playback()->isRunning(); }));
    presenter()->refreshNow();

    EXPECT_EQ(history().epochs().size(), expected.size());
    EXPECT_EQ(history().latestEpoch().epoch, expected.back().epoch);
    EXPECT_EQ(playback()->position(), history().lastPosition());
    const TrainingView& view = canvas()->trainingView();
    ASSERT_TRUE(view.hasModel);
    EXPECT_EQ(view.model.classicModel(),
              expected.back().model); // bit for bit: the same core, the same trace
    EXPECT_TRUE(view.misclassified.empty());
    EXPECT_TRUE(presenter()->statusText().contains(
        u"converged after %1 epochs"_s.arg(expected.back().epoch)))
        << presenter()->statusText().toStdString();
    // The loss has its name: the perceptron's is the perceptron criterion, 0 once converged.
    EXPECT_TRUE(presenter()->statusText().contains(u" · perceptron criterion 0.000"_s))
        << presenter()->statusText().toStdString();
    EXPECT_EQ(m_window->findChild<QLabel*>(u"statusLine"_s)->text(), presenter()->statusText());
    // Nothing is left to train: Train is disabled until the data or the settings change.
    EXPECT_FALSE(action("actionTrain")->isEnabled());
}

TEST_F(Window, StepEpochAdvancesExactlyOneEpoch)
{
    loadAnd();
    const auto expected = coreEpochs(2);

    ASSERT_TRUE(
        triggerAndWait("actionStepEpoch", [this] { return history().latestEpoch().epoch == 1; }));
    presenter()->refreshNow();
    // The epoch came alone (epoch 0 and epoch 1 are all there is) and nothing keeps running.
    EXPECT_FALSE(playback()->isRunning());
    EXPECT_EQ(history().size(), 2u);
    EXPECT_EQ(playback()->position(), 1u);
    EXPECT_EQ(canvas()->trainingView().model.classicModel(), expected[1].model);
    EXPECT_EQ(m_window->timeline()->label(), u"Epoch 1"_s);

    ASSERT_TRUE(
        triggerAndWait("actionStepEpoch", [this] { return history().latestEpoch().epoch == 2; }));
    presenter()->refreshNow();
    EXPECT_EQ(history().size(), 3u);
    EXPECT_EQ(canvas()->trainingView().model.classicModel(), expected[2].model);
}

TEST_F(Window, BackReturnsToThePreviousWeightsByLookingThemUp)
{
    loadAnd();
    const auto expected = coreEpochs(2);
    ASSERT_TRUE(
        triggerAndWait("actionStepEpoch", [this] { return history().latestEpoch().epoch == 1; }));
    ASSERT_TRUE(
        triggerAndWait("actionStepEpoch", [this] { return history().latestEpoch().epoch == 2; }));

    action("actionBack")->trigger();
    presenter()->refreshNow();
    EXPECT_EQ(playback()->position(), 1u);
    EXPECT_EQ(canvas()->trainingView().model.classicModel(), expected[1].model);
    action("actionBack")->trigger();
    presenter()->refreshNow();
    EXPECT_EQ(canvas()->trainingView().model.classicModel(), expected[0].model);
    EXPECT_FALSE(action("actionBack")->isEnabled());
    // A lookup, not a retrain: the recorded run is intact, and stepping forward walks it.
    EXPECT_EQ(history().size(), 3u);
    action("actionStepEpoch")->trigger();
    presenter()->refreshNow();
    EXPECT_EQ(playback()->position(), 1u);
    EXPECT_EQ(canvas()->trainingView().model.classicModel(), expected[1].model);
    EXPECT_EQ(history().size(), 3u);
}

TEST_F(Window, TheTrainingKeysWorkWhileTheCanvasHasTheFocus)
{
    loadAnd();
    m_window->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(m_window.get()));
    canvas()->setFocus();
    QSignalSpy changed(playback(), &editor::Playback::historyChanged);
    QTest::keyClick(canvas(), Qt::Key_N);
    ASSERT_TRUE(waitFor(changed, [this] { return history().latestEpoch().epoch == 1; }));
    EXPECT_EQ(playback()->position(), 1u);
    QTest::keyClick(canvas(), Qt::Key_Left);
    EXPECT_EQ(playback()->position(), 0u);
    QTest::keyClick(canvas(), Qt::Key_Right); // a lookup: epoch 1 is recorded
    EXPECT_EQ(playback()->position(), 1u);
    QTest::keyClick(canvas(), Qt::Key_S);
    ASSERT_TRUE(waitFor(changed, [this] { return history().isStep(playback()->position()); }));
    presenter()->refreshNow();
    EXPECT_EQ(m_window->timeline()->label(), u"Epoch 2 · sample 1/4"_s);
    QTest::keyClick(canvas(), Qt::Key_2);
    EXPECT_EQ(canvas()->activeClass(), 1);
}

TEST_F(Window, StepSampleShowsTheUpdateOnTheCanvasAndInTheParameters)
{
    loadAnd();
    ASSERT_TRUE(triggerAndWait("actionStepSample",
                               [this] { return history().isStep(playback()->position()); }));
    presenter()->refreshNow();
    // AND's first sample is (0, 0) with t = 0; net = 0 predicts 1 (the default convention), so
    // b <- 0 + 1 * (0 - 1) = -1 and w stays (0, 0).
    const TrainingView& view = canvas()->trainingView();
    ASSERT_TRUE(view.step.has_value());
    EXPECT_EQ(view.step->index, 0u);
    EXPECT_TRUE(view.step->updated);
    EXPECT_EQ(view.step->before.b, 0.0);
    EXPECT_EQ(view.model.classicModel().b, -1.0);
    EXPECT_EQ(m_window->timeline()->label(), u"Epoch 1 · sample 1/4"_s);
    const QString update = m_window->parameterPanel()->updateText();
    EXPECT_TRUE(QString(update).replace(QChar(0x00A0), u' ').contains(u"  = 0.00 + 1.0·(0 − 1)"_s))
        << update.toStdString();
}

TEST_F(Window, TrainingFromAPastPositionForksTheRecordedRun)
{
    loadAnd();
    for (int epoch = 1; epoch <= 3; ++epoch) {
        ASSERT_TRUE(triggerAndWait(
            "actionStepEpoch", [this, epoch] { return history().latestEpoch().epoch == epoch; }));
    }
    action("actionBack")->trigger();
    action("actionBack")->trigger();
    ASSERT_EQ(playback()->position(), 1u);

    ASSERT_TRUE(triggerAndWait("actionStepSample",
                               [this] { return history().isStep(playback()->position()); }));
    // Epochs 2 and 3 were dropped; the new visit continues from epoch 1 as the core would.
    EXPECT_EQ(history().latestEpoch().epoch, 1);
    learning::Trainer trainer(document()->data(), document()->settings());
    trainer.stepEpoch();
    const learning::SampleStep expected = trainer.stepSample();
    const learning::StepRecord* step = history().stepAt(playback()->position());
    ASSERT_NE(step, nullptr);
    EXPECT_EQ(step->epoch, 2);
    EXPECT_EQ(step->visit, 0);
    EXPECT_EQ(step->before, expected.step.before);
    EXPECT_EQ(step->after, expected.step.after);
}

TEST_F(Window, TheLearningRateChangesWithoutAReset)
{
    loadAnd();
    ASSERT_TRUE(
        triggerAndWait("actionStepEpoch", [this] { return history().latestEpoch().epoch == 1; }));
    QSignalSpy messages(presenter(), &TrainingPresenter::message);
    learning::TrainingSettings settings = document()->settings();
    settings.learningRate = 0.5;
    document()->setSettings(settings);
    EXPECT_EQ(history().size(), 2u);
    ASSERT_EQ(messages.count(), 1);
    EXPECT_TRUE(messages.at(0).at(0).toString().contains(u"0.5"_s));

    ASSERT_TRUE(
        triggerAndWait("actionStepEpoch", [this] { return history().latestEpoch().epoch == 2; }));
    EXPECT_EQ(history().latestEpoch().learningRate, 0.5);
}

TEST_F(Window, ADivergedRunSaysSoAndALowerRateStartsOver)
{
    learning::TrainingSettings settings = document()->settings();
    settings.rule = learning::Rule::Adaline;
    settings.learningRate = 1000.0; // each update multiplies the error by about -2000
    settings.maxEpochs = 10'000;
    document()->setSettings(settings);
    loadAnd();
    QSignalSpy running(playback(), &editor::Playback::runningChanged);
    action("actionTrain")->trigger();
    ASSERT_TRUE(waitFor(running, [this] { return !playback()->isRunning(); }));
    presenter()->refreshNow();
    EXPECT_EQ(history().latestEpoch().status, learning::TrainingStatus::Diverged);
    EXPECT_TRUE(presenter()->statusText().endsWith(u"diverged: lower the learning rate"_s))
        << presenter()->statusText().toStdString();
    EXPECT_TRUE(canvas()->trainingView().model.classicModel().isFinite());
    EXPECT_FALSE(action("actionTrain")->isEnabled());

    QSignalSpy messages(presenter(), &TrainingPresenter::message);
    QSignalSpy changed(playback(), &editor::Playback::historyChanged);
    settings.learningRate = 0.01;
    document()->setSettings(settings);
    ASSERT_EQ(messages.count(), 1);
    EXPECT_TRUE(messages.at(0).at(0).toString().contains(u"starts over"_s));
    ASSERT_TRUE(waitFor(changed, [this] { return playback()->shownModel().has_value(); }));
    EXPECT_EQ(history().size(), 1u);
    EXPECT_TRUE(action("actionTrain")->isEnabled());
}

TEST_F(Window, EditingTheDataRestartsTheRunAndSaysSo)
{
    loadAnd();
    ASSERT_TRUE(
        triggerAndWait("actionStepEpoch", [this] { return history().latestEpoch().epoch == 1; }));
    QSignalSpy messages(presenter(), &TrainingPresenter::message);
    QSignalSpy changed(playback(), &editor::Playback::historyChanged);
    QTest::mouseClick(canvas(), Qt::LeftButton, {}, pixelOf(0.5, 0.5));
    ASSERT_EQ(messages.count(), 1);
    EXPECT_TRUE(messages.at(0).at(0).toString().startsWith(u"Data changed"_s));
    ASSERT_TRUE(waitFor(changed, [this] { return playback()->shownModel().has_value(); }));
    EXPECT_EQ(history().size(), 1u);
    EXPECT_EQ(playback()->position(), 0u);
}

TEST_F(Window, AMalformedCsvLeavesTheDocumentUntouchedAndSaysWhy)
{
    loadAnd();
    const learning::Dataset before = document()->data();
    const int steps = document()->undoStack()->count();
    const QString path = writeFile(u"bad.csv"_s, "x1,x2,label\n0,0,0\n1,abc,1\n");

    EXPECT_FALSE(m_window->openFile(path));
    EXPECT_EQ(document()->data(), before);
    EXPECT_EQ(document()->undoStack()->count(), steps);
    ASSERT_EQ(m_prompts->errors.size(), 1);
    const QString error = m_prompts->errors.first();
    EXPECT_TRUE(error.contains(path)) << error.toStdString();
    EXPECT_TRUE(error.contains(u":3"_s)) << error.toStdString(); // the line of the problem
    EXPECT_TRUE(error.contains(u"x2"_s)) << error.toStdString(); // and its field
}

TEST_F(Window, AGoodCsvReplacesThePointsAsOneUndoStep)
{
    loadAnd();
    const learning::Dataset before = document()->data();
    const QString path = writeFile(u"three.csv"_s, "x1,x2,label\n0,0,0\n2,2,1\n3,-1,1\n");
    ASSERT_TRUE(m_window->openFile(path));
    ASSERT_EQ(document()->data().size(), 3u);
    EXPECT_EQ(document()->data().point(2), Eigen::Vector2d(3.0, -1.0));
    action("actionUndo")->trigger();
    EXPECT_EQ(document()->data(), before);
}

TEST_F(Window, ACsvWithMoreClassesOpensAndTrainsAThreeClassModel)
{
    loadAnd();
    const QString path = writeFile(u"three-classes.csv"_s, "x1,x2,label\n0,0,0\n2,2,1\n3,-1,2\n");
    ASSERT_TRUE(m_window->openFile(path));
    EXPECT_TRUE(m_prompts->errors.isEmpty());
    ASSERT_EQ(document()->data().size(), 3u);
    // The settings ask for two classes; the run has as many as the labels need.
    EXPECT_EQ(document()->settings().classes, 2);
    EXPECT_EQ(document()->runSettings().classes, 3);
    ASSERT_TRUE(
        triggerAndWait("actionStepEpoch", [this] { return history().latestEpoch().epoch == 1; }));
    presenter()->refreshNow();
    learning::Trainer trainer(document()->data(), document()->runSettings());
    const learning::EpochSnapshot epoch1 = trainer.stepEpoch();
    const TrainingView& view = canvas()->trainingView();
    ASSERT_TRUE(view.hasModel);
    EXPECT_EQ(view.model.classes(), 3);
    EXPECT_TRUE(learning::identical(view.model.parameters(), epoch1.parameters));
    // A saved project says three classes, so that it opens again.
    EXPECT_EQ(document()->toProject().settings.classes, 3);
    // Opening the data set is an edit like any other.
    document()->undoStack()->undo();
    EXPECT_EQ(document()->data().size(), 4u);
    EXPECT_EQ(document()->runSettings().classes, 2);
}

TEST_F(Window, ANetworkProjectOpensAndTrainsTheNetwork)
{
    loadAnd();
    const QString path = writeFile(u"network.json"_s, R"({"format": "perceptron-lab", "version": 2,
        "settings": {"model": "mlp", "hidden": [4], "init": "random"},
        "points": [{"x1": 0, "x2": 0, "label": 0}, {"x1": 1, "x2": 1, "label": 1}]})");
    ASSERT_TRUE(m_window->openFile(path));
    EXPECT_TRUE(m_prompts->errors.isEmpty());
    EXPECT_EQ(document()->filePath(), path);
    ASSERT_TRUE(
        triggerAndWait("actionStepEpoch", [this] { return history().latestEpoch().epoch == 1; }));
    presenter()->refreshNow();
    learning::Trainer trainer(document()->data(), document()->runSettings());
    const learning::EpochSnapshot epoch1 = trainer.stepEpoch();
    const TrainingView& view = canvas()->trainingView();
    ASSERT_TRUE(view.hasModel);
    EXPECT_EQ(view.model.kind(), learning::ModelKind::Network);
    EXPECT_EQ(view.model.description(), "2-4-1, tanh");
    EXPECT_TRUE(learning::identical(view.model.parameters(), epoch1.parameters));
    EXPECT_TRUE(presenter()->statusText().contains(u"cross-entropy"_s))
        << presenter()->statusText().toStdString();
}

TEST_F(Window, AStepNetworkIsShownAsSetByHandAndTrainingItIsRefusedWithTheReason)
{
    // Lesson 4's network: OR and NAND units in the hidden layer, AND at the output.
    const QString path = writeFile(u"step.json"_s, R"({"format": "perceptron-lab", "version": 2,
        "settings": {"model": "mlp", "hidden": [2], "activation": "step", "init": "given",
                     "layers": [{"W": [[1, 1], [-1, -1]], "b": [-0.5, 1.5]},
                                {"W": [[1, 1]], "b": [-1.5]}]},
        "points": [{"x1": 0, "x2": 0, "label": 0}, {"x1": 0, "x2": 1, "label": 1},
                   {"x1": 1, "x2": 0, "label": 1}, {"x1": 1, "x2": 1, "label": 0}]})");
    ASSERT_TRUE(m_window->openFile(path)) << m_prompts->errors.join(u"\n"_s).toStdString();
    presenter()->refreshNow();
    const TrainingView& view = canvas()->trainingView();
    ASSERT_TRUE(view.hasModel);
    EXPECT_EQ(view.model.kind(), learning::ModelKind::Network);
    // The hand-set network computes XOR: no point is misclassified.
    EXPECT_TRUE(view.misclassified.empty());
    EXPECT_FALSE(action("actionTrain")->isEnabled());
    EXPECT_TRUE(presenter()->statusText().contains(u"step"_s))
        << presenter()->statusText().toStdString();
}

TEST_F(Window, ProjectsRoundTripAndUnsavedChangesAreAskedAbout)
{
    loadAnd();
    const auto expected = coreEpochs(2);
    for (int epoch = 1; epoch <= 2; ++epoch) {
        ASSERT_TRUE(triggerAndWait(
            "actionStepEpoch", [this, epoch] { return history().latestEpoch().epoch == epoch; }));
    }
    const QString path = m_files.filePath(u"and.json"_s);
    ASSERT_TRUE(m_window->saveProjectAs(path));
    EXPECT_FALSE(document()->isModified());
    const learning::Dataset saved = document()->data();

    QTest::mouseClick(canvas(), Qt::LeftButton, {}, pixelOf(0.5, 0.5));
    ASSERT_TRUE(document()->isModified());
    m_prompts->answer = UserPrompts::SaveChoice::Cancel;
    EXPECT_FALSE(m_window->openFile(path));
    EXPECT_EQ(m_prompts->asks, 1);
    EXPECT_EQ(document()->data().size(), saved.size() + 1);

    m_prompts->answer = UserPrompts::SaveChoice::Discard;
    QSignalSpy changed(playback(), &editor::Playback::historyChanged);
    EXPECT_TRUE(m_window->openFile(path));
    EXPECT_EQ(m_prompts->asks, 2);
    EXPECT_EQ(document()->data(), saved);
    EXPECT_EQ(document()->filePath(), path);
    EXPECT_FALSE(document()->isModified());
    // The project comes back at the epoch it was saved at: the engine runs there, then stops.
    ASSERT_TRUE(waitFor(changed, [this] {
        const auto at = history().positionOfEpoch(2);
        return at && playback()->position() == *at && !playback()->isRunning();
    }));
    presenter()->refreshNow();
    EXPECT_EQ(canvas()->trainingView().model.classicModel(), expected[2].model);
    EXPECT_EQ(m_window->timeline()->label(), u"Epoch 2"_s);
}

TEST_F(Window, ClosingWithUnsavedChangesCanBeCancelled)
{
    QTest::mouseClick(canvas(), Qt::LeftButton, {}, pixelOf(0.5, 0.5));
    m_prompts->answer = UserPrompts::SaveChoice::Cancel;
    EXPECT_FALSE(m_window->close());
    EXPECT_TRUE(m_window->isVisible());
    m_prompts->answer = UserPrompts::SaveChoice::Discard;
    EXPECT_TRUE(m_window->close());
    EXPECT_EQ(m_prompts->asks, 2);
}

TEST_F(Window, DroppingADataSetOpensIt)
{
    const QString path = writeFile(u"drop.csv"_s, "x1,x2,label\n0,0,0\n1,1,1\n");
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    const QPointF centre(m_window->width() / 2.0, m_window->height() / 2.0);
    QDragEnterEvent enter(centre.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, {});
    QCoreApplication::sendEvent(m_window.get(), &enter);
    EXPECT_TRUE(enter.isAccepted());
    QDropEvent drop(centre, Qt::CopyAction, &mime, Qt::LeftButton, {});
    QCoreApplication::sendEvent(m_window.get(), &drop);
    EXPECT_EQ(document()->data().size(), 2u);
    EXPECT_TRUE(m_prompts->errors.isEmpty());
}

} // namespace
