// The real MainWindow against numerical edge cases, refused settings, failing saves and the
// questions about unsaved changes on every path that replaces the document.
#include "editor/document.h"
#include "io/projectfile.h"
#include "support/windowtest.h"
#include "ui/canvas/plotcanvas.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/mainwindow/trainingpresenter.h"
#include "ui/panels/controlpanel.h"

#include <QAction>
#include <QDir>
#include <QDoubleSpinBox>
#include <QDragEnterEvent>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QMimeData>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QUndoStack>
#include <QUrl>
#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <optional>

using namespace plab;
using namespace plab::ui;
using namespace plab::editor;
using namespace Qt::StringLiterals;
using plab::test::waitFor;

namespace {

/// One numerical edge case: a data set, the settings to train it with, and what the status line
/// must say once training stops.
struct EdgeCase
{
    const char* name;
    QByteArray csv;
    learning::Rule rule = learning::Rule::Perceptron;
    double learningRate = 1.0;
    int maxEpochs = 50;
    const char* statusPart;
    bool trainable = true;
    bool useBias = true;
};

class Robustness : public plab::test::WindowTest
{
protected:
    /// A document the user changed: AND, then one point more.
    void makeModified()
    {
        m_window->generate(learning::Generator::And, learning::GeneratorParams{});
        ASSERT_TRUE(document()->isModified());
    }
};

/// The picture is not blank and holds no pixel of an uninitialised buffer: it has the canvas
/// background and at least one other colour.
void expectPainted(QWidget* widget)
{
    const QImage image = widget->grab().toImage();
    ASSERT_FALSE(image.isNull());
    EXPECT_GT(image.width(), 100);
    const QRgb corner = image.pixel(2, 2);
    bool other = false;
    for (int y = 0; y < image.height() && !other; y += 3)
        for (int x = 0; x < image.width() && !other; x += 3)
            other = image.pixel(x, y) != corner;
    EXPECT_TRUE(other);
}

TEST_F(Robustness, NumericalEdgeCasesTrainPaintAndSayWhatHappened)
{
    const EdgeCase cases[] = {
        // Two identical points of different classes: no line separates them.
        {"all points identical", "x1,x2,label\n1,1,0\n1,1,1\n1,1,0\n1,1,1\n",
         learning::Rule::Perceptron, 1.0, 20,
         "epoch limit reached (20 epochs); not linearly separable"},
        {"one class only", "x1,x2,label\n0,0,1\n1,1,1\n2,0,1\n", learning::Rule::Perceptron, 1.0,
         50, "The data set has only one class (3 points of class 1)", false},
        {"one point", "x1,x2,label\n0,0,0\n", learning::Rule::Perceptron, 1.0, 50,
         "The data set has only one class (1 point of class 0)", false},
        // Separable; the same run as `perceptron-lab train` on this file (2 epochs and the
        // confirming pass).
        {"two points", "x1,x2,label\n0,0,0\n1,1,1\n", learning::Rule::Perceptron, 1.0, 50,
         "converged after 3 epochs"},
        // Separable by a line, but not by one through the origin: the bias is off.
        {"no bias", "x1,x2,label\n0,0,0\n2,0,1\n", learning::Rule::Perceptron, 1.0, 20,
         "epoch limit reached (20 epochs); no line through the origin separates the classes (the "
         "bias is off)",
         true, false},
        {"points at +/-1e9", "x1,x2,label\n-1e9,-1e9,0\n1e9,1e9,1\n-1e9,1e9,0\n1e9,-1e9,1\n",
         learning::Rule::Perceptron, 1.0, 50, "converged after 2 epochs"},
        {"learning rate 1e6 with Adaline", "x1,x2,label\n0,0,0\n0,1,0\n1,0,0\n1,1,1\n",
         learning::Rule::Adaline, 1e6, 1000, "diverged: lower the learning rate"},
    };
    int index = 0;
    for (const EdgeCase& c : cases) {
        SCOPED_TRACE(c.name);
        m_prompts->answer = UserPrompts::SaveChoice::Discard;
        action("actionNew")->trigger();
        learning::TrainingSettings s;
        s.rule = c.rule;
        s.learningRate = c.learningRate;
        s.maxEpochs = c.maxEpochs;
        s.useBias = c.useBias;
        document()->setSettings(s);
        QSignalSpy changed(presenter(), &TrainingPresenter::statusChanged);
        ASSERT_TRUE(m_window->openFile(writeFile(u"case%1.csv"_s.arg(index++), c.csv)));
        EXPECT_TRUE(m_prompts->errors.isEmpty()) << m_prompts->errors.join(u'\n').toStdString();
        // The view frames the points with finite, non-degenerate bounds.
        const io::ViewBox view = document()->view();
        EXPECT_TRUE(view.isValid());
        EXPECT_TRUE(std::isfinite(view.xMax - view.xMin) && view.xMax > view.xMin);
        EXPECT_TRUE(std::isfinite(view.yMax - view.yMin) && view.yMax > view.yMin);
        if (!c.trainable) {
            ASSERT_TRUE(waitFor(changed, [&] {
                return statusLine().contains(QLatin1String(c.statusPart));
            })) << statusLine().toStdString();
            EXPECT_FALSE(action("actionTrain")->isEnabled());
            EXPECT_FALSE(action("actionStepEpoch")->isEnabled());
            expectPainted(m_window.get());
            continue;
        }
        ASSERT_TRUE(waitFor(changed, [this] { return playback()->shownModel().has_value(); }));
        playback()->stepSample();
        playback()->train();
        ASSERT_TRUE(waitFor(changed, [&] {
            return !playback()->isRunning() && statusLine().contains(QLatin1String(c.statusPart));
        })) << statusLine().toStdString();
        presenter()->refreshNow();
        expectPainted(m_window.get());
        expectPainted(m_window->canvas());
    }
}

TEST_F(Robustness, ZeroWeightsPaintWithoutABoundaryAndTrainOn)
{
    // w = 0 at epoch 0 (zero initial weights): no boundary exists yet; the picture must still be
    // drawn and the first step must work.
    ASSERT_TRUE(
        m_window->openFile(writeFile(u"and.csv"_s, "x1,x2,label\n0,0,0\n0,1,0\n1,0,0\n1,1,1\n")));
    QSignalSpy changed(presenter(), &TrainingPresenter::statusChanged);
    ASSERT_TRUE(waitFor(changed, [this] { return playback()->shownModel().has_value(); }));
    ASSERT_TRUE(playback()->shownModel()->classicModel().w.isZero());
    EXPECT_TRUE(statusLine().startsWith(u"Start (epoch 0) · errors 3"_s))
        << statusLine().toStdString();
    expectPainted(m_window->canvas());
    playback()->stepEpoch();
    ASSERT_TRUE(waitFor(changed, [this] { return statusLine().startsWith(u"Epoch 1"_s); }))
        << statusLine().toStdString();
    expectPainted(m_window->canvas());
}

TEST_F(Robustness, SettingsOutOfRangeAreRefusedWhereTheyAreEntered)
{
    QDoubleSpinBox* rate = nullptr;
    QSpinBox* limit = nullptr;
    const auto doubles = m_window->controlPanel()->findChildren<QDoubleSpinBox*>();
    for (QDoubleSpinBox* spin : doubles)
        if (spin->maximum() == 1e6)
            rate = spin;
    const auto ints = m_window->controlPanel()->findChildren<QSpinBox*>();
    for (QSpinBox* spin : ints)
        if (spin->maximum() == learning::kMaxEpochsLimit)
            limit = spin;
    ASSERT_NE(rate, nullptr);
    ASSERT_NE(limit, nullptr);
    EXPECT_GT(rate->minimum(), 0.0);
    EXPECT_EQ(limit->minimum(), 1);

    for (const char* typed : {"0", "-3", "nan", "inf", "1e400"}) {
        SCOPED_TRACE(typed);
        rate->selectAll();
        QTest::keyClicks(rate, QString::fromLatin1(typed));
        QTest::keyClick(rate, Qt::Key_Return);
        rate->clearFocus();
        const double lr = document()->settings().learningRate;
        EXPECT_TRUE(std::isfinite(lr) && lr > 0.0) << lr;
    }
    for (const char* typed : {"0", "-5"}) {
        SCOPED_TRACE(typed);
        limit->selectAll();
        QTest::keyClicks(limit, QString::fromLatin1(typed));
        QTest::keyClick(limit, Qt::Key_Return);
        limit->clearFocus();
        EXPECT_GT(document()->settings().maxEpochs, 0);
    }
}

TEST_F(Robustness, AFailedSaveSaysWhyKeepsThePreviousFileAndTheDocumentModified)
{
    makeModified();
    const QString path = m_files.filePath(u"lesson.json"_s);
    ASSERT_TRUE(m_window->saveProjectAs(path));
    const QByteArray before = [&] {
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::ReadOnly));
        return file.readAll();
    }();
    action("actionClear")->trigger();
    ASSERT_TRUE(document()->isModified());

    // The folder vanished; a "folder" that is a file.
    QDir gone(m_files.filePath(u"gone"_s));
    ASSERT_TRUE(gone.mkpath(u"."_s));
    const QString inGone = gone.filePath(u"lesson.json"_s);
    ASSERT_TRUE(gone.removeRecursively());
    const QString notAFolder = writeFile(u"plain"_s, "x") + u"/lesson.json"_s;
    for (const QString& target : {inGone, notAFolder}) {
        SCOPED_TRACE(target.toStdString());
        m_prompts->errors.clear();
        EXPECT_FALSE(m_window->saveProjectAs(target));
        ASSERT_EQ(m_prompts->errors.size(), 1);
        EXPECT_TRUE(m_prompts->errors.first().startsWith(u"Cannot Save Project: "_s + target))
            << m_prompts->errors.first().toStdString();
        EXPECT_TRUE(document()->isModified());
        EXPECT_EQ(document()->filePath(), path);
    }

    // A read-only folder (root may write anyway: then there is nothing to refuse).
    QFile::setPermissions(m_files.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner);
    QFile probe(m_files.filePath(u"probe"_s));
    const bool rootWrites = probe.open(QIODevice::WriteOnly);
    probe.close();
    probe.remove();
    if (!rootWrites) {
        m_prompts->errors.clear();
        EXPECT_FALSE(m_window->saveProjectAs(path));
        EXPECT_EQ(m_prompts->errors.size(), 1);
        EXPECT_TRUE(document()->isModified());
    }
    QFile::setPermissions(m_files.path(),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QFile after(path);
    ASSERT_TRUE(after.open(QIODevice::ReadOnly));
    EXPECT_EQ(after.readAll(), before);
    EXPECT_TRUE(io::readProject(path));
}

TEST_F(Robustness, AProjectWithOneClassOnlyIsSavedAtEpochZero)
{
    // One class only: nothing can be trained; the project still saves, at the empty start.
    ASSERT_TRUE(m_window->openFile(writeFile(u"one.csv"_s, "x1,x2,label\n0,0,1\n1,1,1\n")));
    const QString path = m_files.filePath(u"one.json"_s);
    ASSERT_TRUE(m_window->saveProjectAs(path)) << m_prompts->errors.join(u'\n').toStdString();
    const auto read = io::readProject(path);
    ASSERT_TRUE(read);
    EXPECT_EQ(read.value().data.size(), 2u);
    EXPECT_EQ(read.value().epoch, std::optional<int>(0));
}

TEST_F(Robustness, EveryWayToReplaceTheDocumentAsksOnceAboutUnsavedChanges)
{
    const QString project = m_files.filePath(u"other.json"_s);
    io::Project other;
    other.data = learning::generate(learning::Generator::Or, learning::GeneratorParams{});
    ASSERT_FALSE(io::writeProject(other, project));

    // File > Open…, Discard: one question, then the project.
    makeModified();
    m_prompts->fileName = project;
    m_prompts->asks = 0;
    action("actionOpen")->trigger();
    EXPECT_EQ(m_prompts->asks, 1);
    EXPECT_EQ(document()->data(), other.data);

    // File > Open…, Cancel: the document stays.
    makeModified();
    const learning::Dataset changed = document()->data();
    m_prompts->answer = UserPrompts::SaveChoice::Cancel;
    m_prompts->asks = 0;
    action("actionOpen")->trigger();
    EXPECT_EQ(m_prompts->asks, 1);
    EXPECT_EQ(document()->data(), changed);

    // File > New, Cancel then Discard.
    action("actionNew")->trigger();
    EXPECT_EQ(m_prompts->asks, 2);
    EXPECT_EQ(document()->data(), changed);
    m_prompts->answer = UserPrompts::SaveChoice::Discard;
    action("actionNew")->trigger();
    EXPECT_EQ(m_prompts->asks, 3);
    EXPECT_TRUE(document()->data().empty());

    // A recent file (openFile) and a dropped project, Cancel: asked, nothing replaced.
    makeModified();
    m_prompts->answer = UserPrompts::SaveChoice::Cancel;
    m_prompts->asks = 0;
    EXPECT_FALSE(m_window->openFile(project));
    EXPECT_EQ(m_prompts->asks, 1);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(project)});
    const QPointF centre(m_window->width() / 2.0, m_window->height() / 2.0);
    QDragEnterEvent enter(centre.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, {});
    QCoreApplication::sendEvent(m_window.get(), &enter);
    ASSERT_TRUE(enter.isAccepted());
    QDropEvent drop(centre, Qt::CopyAction, &mime, Qt::LeftButton, {});
    QCoreApplication::sendEvent(m_window.get(), &drop);
    EXPECT_EQ(m_prompts->asks, 2);
    EXPECT_TRUE(document()->isModified());
    EXPECT_NE(document()->data(), other.data);

    // Quitting, Cancel: the window stays open.
    EXPECT_FALSE(m_window->close());
    EXPECT_EQ(m_prompts->asks, 3);
    m_prompts->answer = UserPrompts::SaveChoice::Discard;
    EXPECT_TRUE(m_window->close());
}

} // namespace
