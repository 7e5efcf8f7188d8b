// The hidden layer's view in the real window (issue 13): a dock that View > Hidden Layer toggles,
// showing the model at the timeline's position.
#include "editor/document.h"
#include "support/windowtest.h"
#include "ui/panels/hiddenview.h"

#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
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

} // namespace
