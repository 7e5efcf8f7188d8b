// Never lose a run or an edit by accident (issue 11, section 2), in the real window driven like a
// user would: a stray drag in the past and its Undo, the settings as undo steps that the control
// panel follows, a learning rate changed in the past, a CSV opened after a project, the count of
// selected points, what File > New leaves in the status bar, where Save dialogs open, and high
// contrast for the whole window.
#include "editor/document.h"
#include "io/datasetfile.h"
#include "learning/generators.h"
#include "learning/trainer.h"
#include "support/windowtest.h"
#include "ui/canvas/plotcanvas.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/panels/controlpanel.h"
#include "ui/panels/parameterpanel.h"
#include "ui/panels/timeline.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QSlider>
#include <QTest>
#include <QUndoStack>
#include <gtest/gtest.h>

using namespace plab;
using namespace plab::ui;
using namespace Qt::StringLiterals;
using plab::test::waitFor;

namespace {

class WindowUndo : public plab::test::WindowTest
{
protected:
    /// XOR with an epoch limit of \p epochs, trained to it (the perceptron never converges on it).
    void trainXor(int epochs)
    {
        learning::TrainingSettings settings = document()->settings();
        settings.maxEpochs = epochs;
        document()->setSettings(settings);
        QSignalSpy changed(playback(), &editor::Playback::historyChanged);
        m_window->generate(learning::Generator::Xor, learning::GeneratorParams{});
        ASSERT_TRUE(waitFor(changed, [this] { return playback()->shownModel().has_value(); }));
        QSignalSpy running(playback(), &editor::Playback::runningChanged);
        action("actionTrain")->trigger();
        ASSERT_TRUE(waitFor(running, [this] { return !playback()->isRunning(); }));
        ASSERT_EQ(history().latestEpoch().epoch, epochs);
    }
    /// Scrubs the timeline's slider to epoch \p epoch, as a mouse would.
    std::size_t scrubTo(int epoch)
    {
        presenter()->refreshNow(); // the timeline as it is shown
        const std::size_t position = history().positionOfEpoch(epoch).value();
        m_window->timeline()->findChild<QSlider*>()->setValue(int(position));
        EXPECT_EQ(playback()->position(), position);
        return position;
    }
    QPoint pixelOf(const Eigen::Vector2d& world) const
    {
        return canvas()->transform().toPixel(world).toPoint();
    }
    QDoubleSpinBox* learningRateField() const
    {
        return m_window->controlPanel()->findChild<QDoubleSpinBox*>(u"learningRate"_s);
    }
    /// Types \p text into the learning-rate field and presses Enter, as a user would.
    void typeLearningRate(const QString& text)
    {
        QDoubleSpinBox* field = learningRateField();
        field->setFocus();
        QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(field, text);
        QTest::keyClick(field, Qt::Key_Return);
    }
};

TEST_F(WindowUndo, UndoOfAStrayDragInThePastBringsBackTheRecordedRunAndItsPosition)
{
    trainXor(20);
    std::vector<learning::EpochFigures> recorded;
    for (int e = 0; e <= 20; ++e)
        recorded.push_back(history().figuresOf(e));
    const std::size_t epoch5 = scrubTo(5);

    // One stray drag of a point while epoch 5 is shown.
    const QPoint from = pixelOf(document()->data().point(0));
    const QPoint to = from + QPoint(30, -20);
    QSignalSpy changed(playback(), &editor::Playback::historyChanged);
    QTest::mousePress(canvas(), Qt::LeftButton, {}, from);
    QTest::mouseMove(canvas(), from + QPoint(10, -5));
    QTest::mouseMove(canvas(), to);
    QTest::mouseRelease(canvas(), Qt::LeftButton, {}, to);
    ASSERT_NE(document()->data().point(0),
              learning::generate(learning::Generator::Xor, {}).point(0));
    // It says plainly what happened to the run, and how to get it back.
    EXPECT_TRUE(statusMessage().contains(u"(20 epoch"_s)) << statusMessage().toStdString();
    EXPECT_TRUE(statusMessage().contains(u"Undo brings it back"_s))
        << statusMessage().toStdString();
    ASSERT_TRUE(waitFor(changed, [this] { return playback()->shownModel().has_value(); }));
    EXPECT_EQ(history().epochCount(), 1);

    action("actionUndo")->trigger();
    presenter()->refreshNow();
    ASSERT_EQ(history().epochCount(), 21);
    for (int e = 0; e <= 20; ++e)
        EXPECT_EQ(history().figuresOf(e), recorded[std::size_t(e)]) << "epoch " << e;
    EXPECT_EQ(playback()->position(), epoch5);
    EXPECT_EQ(m_window->timeline()->position(), int(epoch5));
    EXPECT_EQ(m_window->timeline()->count(), int(history().size()));
    EXPECT_TRUE(statusMessage().contains(u"restored"_s)) << statusMessage().toStdString();

    // The engine stands at the run's end: training on continues the same run.
    learning::TrainingSettings settings = document()->settings();
    settings.maxEpochs = 22;
    document()->setSettings(settings);
    scrubTo(20);
    ASSERT_TRUE(
        triggerAndWait("actionStepEpoch", [this] { return history().latestEpoch().epoch == 21; }));
    learning::Trainer trainer(document()->data(), document()->settings());
    for (int e = 0; e < 21; ++e)
        trainer.stepEpoch();
    EXPECT_EQ(history().latestEpoch().model, trainer.model());
}

TEST_F(WindowUndo, ALearningRateTypedInIsOneUndoStepThatTheFieldFollows)
{
    loadAnd();
    document()->markSaved();
    const double before = learningRateField()->value();
    ASSERT_NE(before, 0.5);
    const int steps = document()->undoStack()->count();

    typeLearningRate(u"0.5"_s);
    EXPECT_EQ(document()->settings().learningRate, 0.5);
    // One step for the whole value, not one per keystroke, named after the setting.
    EXPECT_EQ(document()->undoStack()->count(), steps + 1);
    EXPECT_EQ(action("actionUndo")->text().remove(u'&'), u"Undo Change learning rate to 0.5"_s);
    EXPECT_TRUE(document()->isModified());

    action("actionUndo")->trigger();
    EXPECT_EQ(learningRateField()->value(), before);
    EXPECT_EQ(document()->settings().learningRate, before);
    EXPECT_FALSE(document()->isModified());
    action("actionRedo")->trigger();
    EXPECT_EQ(learningRateField()->value(), 0.5);
}

TEST_F(WindowUndo, TheBiasTheRuleAndTheConventionsAreUndoStepsThatNameTheSetting)
{
    loadAnd();
    document()->markSaved();
    auto* bias = m_window->controlPanel()->findChild<QCheckBox*>();
    ASSERT_TRUE(bias->isChecked());
    bias->click();
    EXPECT_FALSE(document()->settings().useBias);
    EXPECT_EQ(action("actionUndo")->text().remove(u'&'), u"Undo Turn bias off"_s);
    action("actionUndo")->trigger();
    EXPECT_TRUE(document()->settings().useBias);
    EXPECT_TRUE(bias->isChecked());
    EXPECT_FALSE(document()->isModified());

    // The combo boxes: the rule (first) and the prediction at net = 0.
    const auto combos = m_window->controlPanel()->findChildren<QComboBox*>();
    ASSERT_GE(combos.size(), 4);
    combos.at(0)->setCurrentIndex(3); // Adaline
    EXPECT_EQ(document()->settings().rule, learning::Rule::Adaline);
    EXPECT_EQ(action("actionUndo")->text().remove(u'&'),
              u"Undo Change rule to Adaline (Widrow-Hoff)"_s);
    action("actionUndo")->trigger();
    EXPECT_EQ(document()->settings().rule, learning::Rule::Perceptron);
    EXPECT_EQ(combos.at(0)->currentIndex(), 0);

    // The perceptron's stop rule, named by what it stops on.
    auto* stop = m_window->controlPanel()->findChild<QComboBox*>(u"stopRule"_s);
    ASSERT_NE(stop, nullptr);
    stop->setCurrentIndex(stop->findData(int(learning::PerceptronStop::ZeroErrors)));
    EXPECT_EQ(document()->settings().perceptronStop, learning::PerceptronStop::ZeroErrors);
    EXPECT_EQ(action("actionUndo")->text().remove(u'&'),
              u"Undo Stop when the weights make no error"_s);
    action("actionUndo")->trigger();
    EXPECT_EQ(document()->settings().perceptronStop, learning::PerceptronStop::MistakeFreePass);
}

TEST_F(WindowUndo, ANewLearningRateInThePastSaysTheFutureIsSetAsideAndItsUndoBringsItBack)
{
    trainXor(10);
    const std::size_t epoch4 = scrubTo(4);
    const double before = learningRateField()->value();

    typeLearningRate(u"0.5"_s);
    // The old future is not shown as if it were still valid, and the user is told.
    EXPECT_EQ(history().epochCount(), 5);
    EXPECT_TRUE(statusMessage().contains(u"set aside"_s)) << statusMessage().toStdString();
    EXPECT_TRUE(statusMessage().contains(u"Epoch 4"_s)) << statusMessage().toStdString();

    action("actionUndo")->trigger();
    presenter()->refreshNow();
    EXPECT_EQ(learningRateField()->value(), before);
    EXPECT_EQ(history().epochCount(), 11);
    EXPECT_EQ(playback()->position(), epoch4);
    EXPECT_EQ(m_window->timeline()->position(), int(epoch4));
}

TEST_F(WindowUndo, AfterACsvIsOpenedIntoAProjectSaveAsksForANameInsteadOfOverwritingIt)
{
    loadAnd();
    const QString project = m_files.filePath(u"lesson.json"_s);
    ASSERT_TRUE(m_window->saveProjectAs(project));
    QFile saved(project);
    ASSERT_TRUE(saved.open(QIODevice::ReadOnly));
    const QByteArray onDisk = saved.readAll();
    saved.close();

    const QString csv = m_files.filePath(u"xor.csv"_s);
    ASSERT_FALSE(io::writeDatasetCsv(learning::generate(learning::Generator::Xor, {}), csv));
    ASSERT_TRUE(m_window->openFile(csv));
    EXPECT_TRUE(document()->filePath().isEmpty());
    EXPECT_TRUE(m_window->windowTitle().contains(u"xor.csv"_s))
        << m_window->windowTitle().toStdString();
    EXPECT_FALSE(m_window->windowTitle().contains(u"lesson.json"_s));

    m_prompts->fileName.clear(); // the user cancels the dialog
    m_prompts->saveDirs.clear();
    action("actionSave")->trigger();
    EXPECT_EQ(m_prompts->saveDirs.size(), 1); // Save asked for a name
    ASSERT_TRUE(saved.open(QIODevice::ReadOnly));
    EXPECT_EQ(saved.readAll(), onDisk);
}

TEST_F(WindowUndo, TheStatusBarCountsTheSelectedPoints)
{
    loadAnd();
    auto* count = m_window->findChild<QLabel*>(u"selectionCount"_s);
    ASSERT_NE(count, nullptr);
    EXPECT_FALSE(count->isVisible());
    action("actionSelectAll")->trigger();
    EXPECT_TRUE(count->isVisible());
    EXPECT_EQ(count->text(), u"4 selected"_s);
    canvas()->clearSelection();
    EXPECT_FALSE(count->isVisible());
}

TEST_F(WindowUndo, FileNewLeavesNothingSaidAboutTheOldRun)
{
    loadAnd();
    ASSERT_TRUE(
        triggerAndWait("actionStepEpoch", [this] { return history().latestEpoch().epoch == 1; }));
    QTest::mouseClick(canvas(), Qt::LeftButton, {}, pixelOf({0.5, 0.5}));
    ASSERT_FALSE(statusMessage().isEmpty());
    m_prompts->answer = plab::ui::UserPrompts::SaveChoice::Discard;
    action("actionNew")->trigger();
    EXPECT_TRUE(document()->data().empty());
    EXPECT_EQ(statusMessage(), QString());
}

TEST_F(WindowUndo, SaveDialogsNeverOpenInTheInstalledExamples)
{
    // Installed examples, as the package puts them: share/perceptron-lab/examples.
    QTemporaryDir share;
    ASSERT_TRUE(QDir(share.path()).mkpath(u"perceptron-lab/examples"_s));
    const QString examples = share.filePath(u"perceptron-lab/examples"_s);
    const QString csv = examples + u"/and.csv"_s;
    ASSERT_FALSE(io::writeDatasetCsv(learning::generate(learning::Generator::And, {}), csv));
    const QByteArray oldDirs = qgetenv("XDG_DATA_DIRS");
    qputenv("XDG_DATA_DIRS", share.path().toLocal8Bit());
    ASSERT_TRUE(m_window->openFile(csv));

    m_prompts->fileName.clear();
    m_prompts->saveDirs.clear();
    action("actionSaveDataSet")->trigger();
    action("actionSaveAs")->trigger();
    qputenv("XDG_DATA_DIRS", oldDirs);
    ASSERT_EQ(m_prompts->saveDirs.size(), 2);
    for (const QString& dir : m_prompts->saveDirs) {
        EXPECT_NE(QFileInfo(dir).canonicalFilePath(), QFileInfo(examples).canonicalFilePath());
        EXPECT_TRUE(QFileInfo(dir).isDir()) << dir.toStdString();
    }

    // Where the user saved their own files is where the next dialog opens.
    const QString own = m_files.filePath(u"mine.csv"_s);
    ASSERT_TRUE(m_window->saveDataSetAs(own));
    m_prompts->saveDirs.clear();
    action("actionSaveDataSet")->trigger();
    ASSERT_EQ(m_prompts->saveDirs.size(), 1);
    EXPECT_EQ(m_prompts->saveDirs.front(), m_files.path());
}

TEST_F(WindowUndo, HighContrastColoursTheWholeWindow)
{
    const QColor normal = m_window->controlPanel()->palette().color(QPalette::Window);
    m_window->setThemeChoice(u"high-contrast"_s);
    for (QWidget* widget : {static_cast<QWidget*>(m_window->controlPanel()),
                            static_cast<QWidget*>(m_window->timeline()),
                            static_cast<QWidget*>(m_window->parameterPanel())}) {
        EXPECT_EQ(widget->palette().color(QPalette::Window), QColor(Qt::black))
            << widget->metaObject()->className();
        EXPECT_EQ(widget->palette().color(QPalette::WindowText), QColor(Qt::white));
        // What is painted, not only what is set: the timeline's background is black.
        const QImage image = widget->grab().toImage();
        EXPECT_EQ(image.pixelColor(1, image.height() - 2), QColor(Qt::black))
            << widget->metaObject()->className();
    }
    m_window->setThemeChoice(u"light"_s);
    EXPECT_EQ(m_window->controlPanel()->palette().color(QPalette::Window), normal);
}

} // namespace
