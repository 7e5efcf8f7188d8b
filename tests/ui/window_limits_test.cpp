// The real MainWindow at the limits of the plane: zoomed out or in as far as the wheel goes, a
// project whose view is +/-1e12, panning, dragging and generating beyond the data's limit. The
// window must never accept a point that a file cannot hold, never leave the view rule, keep Train
// usable (or say why not) and keep autosaving (docs/robustness.md).
#include "editor/autosaver.h"
#include "editor/document.h"
#include "editor/undocommands.h"
#include "io/projectfile.h"
#include "learning/settings.h"
#include "support/windowtest.h"
#include "ui/canvas/plotcanvas.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/mainwindow/trainingpresenter.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QUndoStack>
#include <QWheelEvent>
#include <gtest/gtest.h>

#include <memory>

using namespace plab;
using namespace plab::ui;
using namespace plab::editor;
using namespace Qt::StringLiterals;
using plab::test::waitFor;

namespace {

class Limits : public plab::test::WindowTest
{
protected:
    void SetUp() override
    {
        WindowTest::SetUp();
        m_autosaver = std::make_unique<Autosaver>(document());
        m_autosaver->setFolder(m_files.filePath(u"autosave"_s));
        m_autosaver->setDelay(1'000'000); // written by saveNow() only
        m_window->setAutosaver(m_autosaver.get());
        ASSERT_TRUE(m_autosaver->start());
    }
    void TearDown() override { m_autosaver->finish(); }

    QRectF plotArea() const { return canvas()->transform().pixelRect(); }

    void wheel(int notches, int delta, QPointF at) const
    {
        for (int i = 0; i < notches; ++i) {
            QWheelEvent event(at, canvas()->mapToGlobal(at), QPoint(), QPoint(0, delta),
                              Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
            QApplication::sendEvent(canvas(), &event);
        }
    }

    /// Everything the window holds can be saved, trained and autosaved.
    void expectNothingLost()
    {
        EXPECT_TRUE(document()->view().isValid())
            << document()->view().xMin << " " << document()->view().xMax << " "
            << document()->view().yMin << " " << document()->view().yMax;
        EXPECT_FALSE(learning::firstInvalidPoint(document()->data()).has_value());
        io::Project project = document()->toProject();
        const auto problem = io::projectWriteProblem(project);
        EXPECT_FALSE(problem.has_value()) << problem->toStdString();
        EXPECT_TRUE(action("actionTrain")->isEnabled()) << statusLine().toStdString();
        m_autosaver->saveNow();
        EXPECT_TRUE(m_autosaver->problem().isEmpty())
            << m_autosaver->problemDetails().toStdString();
        const auto read = io::readProject(m_autosaver->autosaveFile());
        ASSERT_TRUE(read) << read.error().toString().toStdString();
        EXPECT_EQ(read.value().data, document()->data());
        EXPECT_EQ(read.value().view, document()->view());
    }

    /// Clicks a 7 x 7 grid over the plot: each click adds a point a file can hold or nothing,
    /// with a message naming where. Returns how many clicks were refused.
    int clickEverywhere()
    {
        const QRectF area = plotArea();
        int refused = 0;
        for (int i = 0; i < 7; ++i) {
            for (int j = 0; j < 7; ++j) {
                const QPoint at = QPointF(area.left() + (i + 0.5) * area.width() / 7,
                                          area.top() + (j + 0.5) * area.height() / 7)
                                      .toPoint();
                if (canvas()->pointAt(QPointF(at)))
                    continue; // a click on a point selects it
                canvas()->clearSelection();
                const std::size_t before = document()->data().size();
                m_window->statusBar()->clearMessage();
                QTest::mouseClick(canvas(), Qt::LeftButton, {}, at);
                if (document()->data().size() == before) {
                    ++refused;
                    EXPECT_TRUE(statusMessage().startsWith(u"No point added at ("_s))
                        << statusMessage().toStdString();
                    EXPECT_TRUE(statusMessage().contains(u"±1e9"_s));
                } else {
                    const Eigen::Vector2d p = document()->data().point(before);
                    EXPECT_TRUE(learning::isValidCoordinate(p.x()) &&
                                learning::isValidCoordinate(p.y()))
                        << p.x() << ", " << p.y();
                }
            }
        }
        return refused;
    }

    std::unique_ptr<Autosaver> m_autosaver;
};

TEST_F(Limits, TwoHundredWheelStepsOutThenClicksAddOnlyPointsAFileHolds)
{
    loadAnd();
    wheel(200, -120, plotArea().center() + QPointF(40, -30));
    EXPECT_EQ(statusMessage(), u"The view stops at ±1e12, the farthest it can reach"_s);
    EXPECT_GT(clickEverywhere(), 40); // at this scale nearly every pixel lies beyond 1e9
    expectNothingLost();
}

TEST_F(Limits, TwoHundredWheelStepsInThenAClickIsSaved)
{
    loadAnd();
    wheel(200, 120, plotArea().center() + QPointF(-25, 15));
    EXPECT_EQ(statusMessage(), u"Zoomed in as far as the numbers allow"_s);
    const std::size_t before = document()->data().size();
    QTest::mouseClick(canvas(), Qt::LeftButton, {}, plotArea().center().toPoint());
    EXPECT_EQ(document()->data().size(), before + 1);
    expectNothingLost();
    const QString path = m_files.filePath(u"zoomed.json"_s);
    EXPECT_TRUE(m_window->saveProjectAs(path)) << m_prompts->errors.join(u'\n').toStdString();
}

TEST_F(Limits, AProjectWhoseViewIsOneE12OpensPansZoomsAndStaysInsideTheRule)
{
    const QString path = writeFile(u"wide.json"_s,
                                   R"({"format": "perceptron-lab", "version": 1,
            "view": {"xMin": -1e12, "xMax": 1e12, "yMin": -1e12, "yMax": 1e12},
            "points": [{"x1": 0, "x2": 0, "label": 0}, {"x1": 0, "x2": 1, "label": 0},
                       {"x1": 1, "x2": 0, "label": 0}, {"x1": 1, "x2": 1, "label": 1}]})");
    ASSERT_TRUE(m_window->openFile(path)) << m_prompts->errors.join(u'\n').toStdString();
    EXPECT_EQ(document()->view(), (io::ViewBox{-1e12, 1e12, -1e12, 1e12}));

    // A click far out: refused, and the message names the point.
    const QRectF area = plotArea();
    QTest::mouseClick(canvas(), Qt::LeftButton, {}, (area.topRight() + QPointF(-5, 5)).toPoint());
    EXPECT_EQ(document()->data().size(), 4u);
    EXPECT_TRUE(statusMessage().startsWith(u"No point added at ("_s))
        << statusMessage().toStdString();

    // Pans, with the middle button and with Space: the view stops at the edge of the range.
    const QPoint from = area.center().toPoint();
    for (int i = 0; i < 3; ++i) {
        m_window->statusBar()->clearMessage();
        QTest::mousePress(canvas(), Qt::MiddleButton, {}, from);
        QTest::mouseMove(canvas(), from + QPoint(300, -200));
        QTest::mouseRelease(canvas(), Qt::MiddleButton, {}, from + QPoint(300, -200));
        EXPECT_TRUE(document()->view().isValid());
        EXPECT_EQ(statusMessage(), u"The view stops at ±1e12, the farthest it can reach"_s);
    }
    canvas()->setFocus();
    QTest::keyPress(canvas(), Qt::Key_Space);
    QTest::mousePress(canvas(), Qt::LeftButton, {}, from);
    QTest::mouseMove(canvas(), from + QPoint(-400, 250));
    QTest::mouseRelease(canvas(), Qt::LeftButton, {}, from + QPoint(-400, 250));
    QTest::keyRelease(canvas(), Qt::Key_Space);
    EXPECT_TRUE(document()->view().isValid());
    EXPECT_EQ(document()->data().size(), 4u);

    // Out further: stays; in: zooms.
    wheel(5, -120, area.center());
    EXPECT_TRUE(document()->view().isValid());
    EXPECT_EQ(document()->view().xMax - document()->view().xMin, 2e12);
    wheel(3, 120, area.center());
    EXPECT_LT(document()->view().xMax - document()->view().xMin, 2e12);
    expectNothingLost();

    action("actionFit")->trigger();
    EXPECT_LT(document()->view().xMax - document()->view().xMin, 10.0);
    expectNothingLost();
}

TEST_F(Limits, DraggingAPointStopsAtTheDataLimit)
{
    loadAnd();
    document()->setView({-1e12, 1e12, -1e12, 1e12});
    // The four points share a pixel here; the topmost, (1, 1), is dragged to the far corner.
    const QPoint from = canvas()->transform().toPixel(Eigen::Vector2d(1, 1)).toPoint();
    const QPoint to = (plotArea().topRight() + QPointF(-3, 3)).toPoint();
    QTest::mousePress(canvas(), Qt::LeftButton, {}, from);
    QTest::mouseMove(canvas(), from + QPoint(20, -20));
    QTest::mouseMove(canvas(), to);
    QTest::mouseRelease(canvas(), Qt::LeftButton, {}, to);
    EXPECT_EQ(document()->data().point(3), Eigen::Vector2d(1e9, 1e9));
    EXPECT_EQ(statusMessage(), u"Points stop at ±1e9, the largest coordinate a data file holds"_s);
    expectNothingLost();
}

TEST_F(Limits, AGeneratorThatWouldPlacePointsBeyondTheLimitIsRefused)
{
    loadAnd();
    const learning::Dataset before = document()->data();
    learning::GeneratorParams params;
    params.spread = 1e12;
    m_window->generate(learning::Generator::Blobs, params);
    EXPECT_EQ(document()->data(), before);
    ASSERT_EQ(m_prompts->errors.size(), 1);
    EXPECT_TRUE(m_prompts->errors.first().contains(u"has a coordinate that is not a finite number "
                                                   u"within ±1e9"_s))
        << m_prompts->errors.first().toStdString();
    EXPECT_TRUE(m_prompts->errors.first().contains(u": point "_s));
    expectNothingLost();
}

TEST_F(Limits, WhenTrainIsDisabledTheWindowSaysWhichPointIsAtFault)
{
    // Only a program can put such a point into the document; the window still explains.
    loadAnd();
    QSignalSpy status(m_window->presenter(), &TrainingPresenter::statusChanged);
    document()->undoStack()->push(
        new ReplaceData(document(), learning::Dataset({{{0, 0}, 0}, {{5e11, 1}, 1}}), u"far"_s));
    const QString expected =
        u"Point 2 (x₁ = 5e+11, x₂ = 1) has a coordinate that is not a finite number within ±1e9"_s;
    ASSERT_TRUE(waitFor(status, [&] { return statusLine() == expected; }))
        << statusLine().toStdString();
    EXPECT_FALSE(action("actionTrain")->isEnabled());

    const QString path = m_files.filePath(u"far.json"_s);
    EXPECT_FALSE(m_window->saveProjectAs(path));
    ASSERT_EQ(m_prompts->errors.size(), 1);
    EXPECT_EQ(m_prompts->errors.first(), u"Cannot Save Project: "_s + path +
                                             u": point 2 (x₁ = "
                                             u"5e+11, x₂ = 1) "
                                             u"has a coordinate "
                                             u"that is not a "
                                             u"finite number "
                                             u"within ±1e9"_s);
}

} // namespace
