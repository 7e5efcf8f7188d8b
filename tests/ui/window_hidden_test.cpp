// The hidden layer's view in the real window (issue 13): a dock that View > Hidden Layer toggles,
// showing the model at the timeline's position.
#include "editor/document.h"
#include "i18n/language.h"
#include "learning/generators.h"
#include "learning/settings.h"
#include "support/windowtest.h"
#include "ui/panels/hiddenview.h"

#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <gtest/gtest.h>

using namespace plab;
using namespace Qt::StringLiterals;
using plab::test::waitFor;

namespace {

class WindowHidden : public plab::test::WindowTest
{
protected:
    [[nodiscard]] QDockWidget* dock() const
    {
        return m_window->findChild<QDockWidget*>(u"hiddenDock"_s);
    }
    [[nodiscard]] ui::HiddenView* view() const { return m_window->findChild<ui::HiddenView*>(); }
    /// The view's points are the hidden activations of the model the timeline shows.
    void expectShownModel()
    {
        presenter()->refreshNow();
        const std::optional<learning::Model> shown = playback()->shownModel();
        ASSERT_TRUE(shown);
        ASSERT_EQ(shown->kind(), learning::ModelKind::Network);
        const Eigen::MatrixXd h =
            shown->network().hiddenActivations(document()->data().points(), 0);
        const render::HiddenPlane& plane = view()->plane();
        ASSERT_EQ(plane.points.cols(), h.cols());
        for (Eigen::Index i = 0; i < h.cols(); ++i) {
            EXPECT_EQ(plane.points(0, i), h(0, i)) << i;
            EXPECT_EQ(plane.points(1, i), h(1, i)) << i;
        }
    }
    /// Shows the dock (raised over the tabs it shares) and lets it lay itself out.
    void raise()
    {
        dock()->show();
        dock()->raise();
        QCoreApplication::processEvents();
    }
};

TEST_F(WindowHidden, ViewMenuTogglesTheDock)
{
    ASSERT_NE(dock(), nullptr);
    EXPECT_EQ(dock()->windowTitle(), u"Hidden Layer"_s);
    // The toggle is in the View menu, with the other docks'.
    QAction* toggle = dock()->toggleViewAction();
    QMenu* view = nullptr;
    for (QAction* menu : m_window->menuBar()->actions()) {
        if (menu->menu() && menu->menu()->actions().contains(toggle))
            view = menu->menu();
    }
    ASSERT_NE(view, nullptr);
    EXPECT_EQ(view->title(), u"&View"_s);
    const bool before = dock()->isVisible();
    toggle->trigger();
    EXPECT_NE(dock()->isVisible(), before);
    toggle->trigger();
    EXPECT_EQ(dock()->isVisible(), before);
}

TEST_F(WindowHidden, TheClassicModelGetsTheNote)
{
    loadAnd();
    raise();
    ASSERT_TRUE(view()->isVisible());
    auto* note = view()->findChild<QLabel*>(u"hiddenNote"_s);
    EXPECT_TRUE(note->isVisible());
    EXPECT_EQ(note->text(),
              render::HiddenPainter::absenceText(render::HiddenPlane::Absence::NotNetwork));
}

TEST_F(WindowHidden, FollowsTheTimelineOfANetwork)
{
    learning::TrainingSettings settings = document()->settings();
    settings.model = learning::ModelKind::Network;
    settings.hidden = {2};
    settings.activation = learning::Activation::Tanh;
    settings.learningRate = 0.3;
    settings.init = learning::InitKind::Random; // zero weights would keep every point at (0, 0)
    document()->setSettings(settings);
    {
        QSignalSpy changed(playback(), &editor::Playback::historyChanged);
        m_window->generate(learning::Generator::Xor, learning::GeneratorParams{});
        ASSERT_TRUE(waitFor(changed, [this] { return playback()->shownModel().has_value(); }));
    }
    raise();
    expectShownModel(); // at the presenter's next frame
    EXPECT_FALSE(view()->findChild<QLabel*>(u"hiddenNote"_s)->isVisible());
    const Eigen::Matrix2Xd start = view()->plane().points;

    // Three epochs on: the points moved with the network.
    for (int epoch = 1; epoch <= 3; ++epoch) {
        ASSERT_TRUE(triggerAndWait("actionStepEpoch",
                                   [this, epoch] { return playback()->shownEpoch() == epoch; }));
    }
    expectShownModel();
    EXPECT_NE(view()->plane().points, start);
    const Eigen::Matrix2Xd third = view()->plane().points;

    // Back, and scrubbing to the start: the view shows the position the timeline shows.
    action("actionBack")->trigger();
    expectShownModel();
    EXPECT_NE(view()->plane().points, third);
    playback()->showPosition(0);
    expectShownModel();
    EXPECT_EQ(view()->plane().points, start);
}

// Not a check: with PLAB_HIDDEN_SHOTS=<folder>, the window with the dock after training XOR with a
// 2-2-1 tanh network, in English and Japanese, to look at.
TEST_F(WindowHidden, Screenshots)
{
    const QString folder = qEnvironmentVariable("PLAB_HIDDEN_SHOTS");
    if (folder.isEmpty())
        GTEST_SKIP() << "set PLAB_HIDDEN_SHOTS to a folder to write the screenshots";
    learning::TrainingSettings settings = document()->settings();
    settings.model = learning::ModelKind::Network;
    settings.hidden = {2};
    settings.learningRate = 0.3;
    settings.init = learning::InitKind::Random;
    settings.maxEpochs = 1000;
    document()->setSettings(settings);
    {
        QSignalSpy changed(playback(), &editor::Playback::historyChanged);
        m_window->generate(learning::Generator::Xor, learning::GeneratorParams{});
        ASSERT_TRUE(waitFor(changed, [this] { return playback()->shownModel().has_value(); }));
    }
    QSignalSpy running(playback(), &editor::Playback::runningChanged);
    action("actionTrain")->trigger();
    ASSERT_TRUE(waitFor(
        running, [this] { return !playback()->isRunning(); }, 20000));
    raise();
    for (const QString& language : {u"en"_s, u"ja"_s}) {
        i18n::installTranslations(language);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
        presenter()->refreshNow();
        QCoreApplication::processEvents();
        const QString path = folder + u"/window-hidden-"_s + language + u".png"_s;
        EXPECT_TRUE(m_window->grab().save(path)) << path.toStdString();
    }
    i18n::installTranslations(u"en"_s);
}

} // namespace
