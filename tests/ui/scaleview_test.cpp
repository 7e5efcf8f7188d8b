// Help > How big is this model?: the view opens from the menu, shows the document's model (its
// P, its points, the run's epochs and operations), measures this machine's rate off the GUI
// thread, follows the document, and exports the picture. With PLAB_SCALE_SHOTS=<folder> it also
// writes screenshots (English and Japanese, 1280 x 720 and 1920 x 1080) there, to look at.
#include "editor/document.h"
#include "editor/playback.h"
#include "i18n/language.h"
#include "learning/settings.h"
#include "support/windowtest.h"
#include "ui/dialogs/scaleview.h"
#include "ui/mainwindow/mainwindow.h"

#include <QAction>
#include <QCoreApplication>
#include <QFile>
#include <QImage>
#include <QMenu>
#include <QPixmap>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>
#include <gtest/gtest.h>

using namespace plab;
using namespace Qt::StringLiterals;
using plab::test::waitFor;

namespace {

class ScaleViewTest : public plab::test::WindowTest
{
protected:
    /// Opens the view with Help > How big is this model? and waits for its first measurement.
    ui::ScaleView* open()
    {
        action("actionScale")->trigger();
        auto* view = m_window->findChild<ui::ScaleView*>();
        if (view && view->isMeasuring()) {
            QSignalSpy measured(view, &ui::ScaleView::measured);
            EXPECT_TRUE(waitFor(measured, [view] { return !view->isMeasuring(); }));
        }
        return view;
    }
};

TEST_F(ScaleViewTest, OpensFromTheHelpMenuWithTheDocumentsModel)
{
    QAction* scale = action("actionScale");
    bool inHelp = false;
    for (QObject* o : scale->associatedObjects())
        if (auto* menu = qobject_cast<QMenu*>(o))
            inHelp = inHelp || menu->title() == u"&Help"_s;
    EXPECT_TRUE(inHelp);

    loadAnd();
    ui::ScaleView* view = open();
    ASSERT_NE(view, nullptr);
    EXPECT_TRUE(view->isVisible());
    // The classic model: w1, w2, b.
    EXPECT_EQ(view->scene().shape, learning::modelShape(document()->settings()));
    EXPECT_EQ(view->scene().shape.parameterCount(), 3);
    EXPECT_EQ(view->scene().samples, 4);
    EXPECT_EQ(view->scene().epochs, 0);
    // The rate was measured on the document's 4 points.
    ASSERT_TRUE(view->scene().rate.has_value());
    EXPECT_GT(view->scene().rate->flopsPerSecond(), 0.0);
    EXPECT_GE(view->scene().rate->seconds, ui::ScaleView::kMeasureSeconds);

    // Trained to the end: the run's epochs and operations, E x 4 x 3 + U x 3.
    QSignalSpy running(playback(), &editor::Playback::runningChanged);
    action("actionTrain")->trigger();
    ASSERT_TRUE(waitFor(running, [this] { return !playback()->isRunning(); }));
    QCoreApplication::processEvents();
    const int epochs = history().epochCount() - 1;
    const auto updates = history().totalUpdatesAt(history().lastPosition());
    EXPECT_GT(epochs, 0);
    EXPECT_EQ(view->scene().epochs, epochs);
    EXPECT_EQ(view->scene().updates, updates);
    EXPECT_DOUBLE_EQ(view->scene().multiplyAdds(), epochs * 4.0 * 3.0 + double(updates) * 3.0);

    // The menu again raises the same view.
    action("actionScale")->trigger();
    EXPECT_EQ(m_window->findChildren<ui::ScaleView*>().size(), 1);
}

TEST_F(ScaleViewTest, FollowsTheModelAndMeasuresAgain)
{
    loadAnd();
    ui::ScaleView* view = open();
    ASSERT_NE(view, nullptr);
    // A 2-4-1 network: (2 + 1) x 4 + (4 + 1) x 1 = 17 parameters.
    learning::TrainingSettings settings = document()->settings();
    settings.model = learning::ModelKind::Network;
    settings.hidden = {4};
    QSignalSpy measured(view, &ui::ScaleView::measured);
    document()->setSettings(settings);
    EXPECT_EQ(view->scene().shape.parameterCount(), 17);
    EXPECT_TRUE(view->scene().measuring);
    EXPECT_FALSE(view->scene().rate.has_value());
    ASSERT_TRUE(waitFor(measured, [view] { return !view->isMeasuring(); }));
    ASSERT_TRUE(view->scene().rate.has_value());
    EXPECT_EQ(view->scene().cost, learning::sampleCost(settings, 4));
}

TEST_F(ScaleViewTest, ClosingTheViewStopsItsMeasurement)
{
    loadAnd();
    action("actionScale")->trigger();
    QPointer<ui::ScaleView> view = m_window->findChild<ui::ScaleView*>();
    ASSERT_FALSE(view.isNull());
    ASSERT_TRUE(view->isMeasuring());
    // The destructor stops the measuring thread and joins it; nothing is left running or
    // pointing at the view (the sanitizer presets run this too).
    view->close();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    EXPECT_TRUE(view.isNull());
    // A new view measures again from the start.
    ui::ScaleView* again = open();
    ASSERT_NE(again, nullptr);
    EXPECT_TRUE(again->scene().rate.has_value());
}

TEST_F(ScaleViewTest, ExportsThePictureAsPngSvgAndPdf)
{
    loadAnd();
    ui::ScaleView* view = open();
    ASSERT_NE(view, nullptr);
    for (const QString& name : {u"scale.png"_s, u"scale.svg"_s, u"scale.pdf"_s}) {
        const QString path = m_files.filePath(name);
        view->setFileChooser([path](const QString&, const QString&) { return path; });
        view->exportPicture();
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << name.toStdString();
        const QByteArray head = file.read(8);
        if (name.endsWith(u".png")) {
            EXPECT_EQ(QImage(path).size(), QSize(1920, 1080));
        } else if (name.endsWith(u".svg")) {
            file.seek(0);
            const QString svg = QString::fromUtf8(file.readAll());
            EXPECT_TRUE(svg.contains(u"GPT-3 (2020)"));
            EXPECT_TRUE(svg.contains(u"This model"));
        } else {
            EXPECT_TRUE(head.startsWith("%PDF"));
        }
    }
}

TEST_F(ScaleViewTest, Screenshots)
{
    const QString folder = qEnvironmentVariable("PLAB_SCALE_SHOTS");
    if (folder.isEmpty())
        GTEST_SKIP() << "set PLAB_SCALE_SHOTS to a folder to write the screenshots";
    loadAnd();
    QSignalSpy running(playback(), &editor::Playback::runningChanged);
    action("actionTrain")->trigger();
    ASSERT_TRUE(waitFor(running, [this] { return !playback()->isRunning(); }));
    ui::ScaleView* view = open();
    ASSERT_NE(view, nullptr);
    for (const QString& language : {u"en"_s, u"ja"_s}) {
        i18n::installTranslations(language);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
        for (const QSize size : {QSize(1280, 720), QSize(1920, 1080)}) {
            view->resize(size);
            QCoreApplication::processEvents();
            const QString path =
                folder + u"/scale-"_s + language + u'-' + QString::number(size.width()) + u".png"_s;
            EXPECT_TRUE(view->grab().save(path)) << path.toStdString();
        }
        view->setFileChooser([&](const QString&, const QString&) -> QString {
            return folder + u"/scale-export-"_s + language + u".pdf"_s;
        });
        view->exportPicture();
    }
    i18n::installTranslations(u"en"_s);
}

} // namespace
