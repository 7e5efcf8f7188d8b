// View > Language switches the running window: menus, docks, panels and the status line change
// at once, and the choice is stored.
#include "editor/document.h"
#include "i18n/language.h"
#include "render/chartpainter.h"
#include "support/settingssandbox.h"
#include "ui/mainwindow/languagemenu.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/panels/controlpanel.h"
#include "ui/panels/learningcurves.h"
#include "ui/panels/modelpanel.h"
#include "ui/panels/parameterpanel.h"

#include <QAction>
#include <QCoreApplication>
#include <QDockWidget>
#include <QGroupBox>
#include <QImage>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QTabWidget>
#include <QUndoStack>
#include <gtest/gtest.h>

#include <memory>

using namespace plab;
using namespace Qt::StringLiterals;

namespace {

class LanguageSwitch : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_settings = std::make_unique<plab::test::SettingsSandbox>(u"plab-language-test"_s);
    }
    static void TearDownTestSuite() { s_settings.reset(); }

    void SetUp() override
    {
        QSettings().clear();
        i18n::installTranslations(u"en"_s);
        m_window = std::make_unique<ui::MainWindow>();
    }
    void TearDown() override
    {
        m_window.reset();
        i18n::installTranslations(u"en"_s);
    }

    /// Chooses \p code in View > Language. Widgets that were never shown get the
    /// LanguageChange event posted, not sent: deliver it before looking.
    void choose(const char* code) const
    {
        languageAction(code)->trigger();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    }
    QAction* languageAction(const char* code) const
    {
        return m_window->findChild<QAction*>(u"actionLanguage_"_s + QLatin1String(code));
    }
    /// The titles of the menu bar's menus, in order.
    QStringList menuTitles() const
    {
        QStringList titles;
        for (const QAction* action : m_window->menuBar()->actions())
            titles << action->text();
        return titles;
    }
    QString groupTitle(int index) const
    {
        return m_window->controlPanel()->findChildren<QGroupBox*>().at(index)->title();
    }
    /// The titles the learning curves paint over their charts.
    static QStringList chartTitles()
    {
        using Kind = render::ChartPainter::Kind;
        return {render::ChartPainter::title(Kind::Errors),
                render::ChartPainter::title(Kind::Weights)};
    }
    /// The learning curves' pixels.
    QImage chartPixels() const { return m_window->learningCurves()->grab().toImage(); }
    QStringList panelLabels() const
    {
        QStringList texts;
        for (const QLabel* label : m_window->parameterPanel()->findChildren<QLabel*>())
            texts << label->text();
        return texts;
    }

    static inline std::unique_ptr<plab::test::SettingsSandbox> s_settings;
    std::unique_ptr<ui::MainWindow> m_window;
};

TEST_F(LanguageSwitch, JapaneseAppliesAtOnceAndIsStored)
{
    ASSERT_NE(languageAction("ja"), nullptr);
    EXPECT_EQ(menuTitles().value(0), u"&File"_s);
    EXPECT_EQ(groupTitle(2), u"Learning rule"_s);
    EXPECT_TRUE(panelLabels().contains(u"Decision boundary"_s));
    const auto* parameterDock = m_window->findChild<QDockWidget*>(u"parameterDock"_s);
    EXPECT_EQ(parameterDock->windowTitle(), u"Parameters"_s);
    EXPECT_TRUE(chartTitles().contains(u"Errors per epoch"_s));
    const QImage englishCharts = chartPixels();

    choose("ja");

    EXPECT_EQ(i18n::installedLanguage(), u"ja"_s);
    EXPECT_EQ(QSettings().value(u"language"_s).toString(), u"ja"_s);
    EXPECT_TRUE(languageAction("ja")->isChecked());
    const QStringList titles = menuTitles();
    EXPECT_EQ(titles.value(0), u"ファイル(&F)"_s);
    EXPECT_TRUE(titles.contains(u"表示(&V)"_s)) << titles.join(u", "_s).toStdString();
    EXPECT_EQ(groupTitle(2), u"学習則"_s);
    EXPECT_TRUE(panelLabels().contains(u"決定境界"_s)) << panelLabels().join(u", "_s).toStdString();
    EXPECT_EQ(parameterDock->windowTitle(), u"パラメーター"_s);
    EXPECT_TRUE(chartTitles().contains(u"エポックごとの誤分類数"_s))
        << chartTitles().join(u", "_s).toStdString();
    EXPECT_NE(chartPixels(), englishCharts); // painted again, in Japanese
    EXPECT_EQ(m_window->findChild<QAction*>(u"actionStepEpoch"_s)->text(), u"1 エポック進む(&E)"_s);
    EXPECT_EQ(m_window->findChild<QAction*>(u"actionUndo"_s)->text(), u"元に戻す(&U)"_s);
    // The language menu names itself in the new language too.
    EXPECT_EQ(m_window->findChild<QMenu*>(u"menuLanguage"_s)->title(), u"言語(&L)"_s);

    // And back, without a restart.
    choose("en");
    EXPECT_EQ(menuTitles().value(0), u"&File"_s);
    EXPECT_EQ(groupTitle(2), u"Learning rule"_s);
    EXPECT_EQ(parameterDock->windowTitle(), u"Parameters"_s);
    EXPECT_EQ(QSettings().value(u"language"_s).toString(), u"en"_s);
}

TEST_F(LanguageSwitch, ANewWindowStartsWithTheStoredChoiceChecked)
{
    choose("ja");
    m_window = std::make_unique<ui::MainWindow>();
    EXPECT_TRUE(languageAction("ja")->isChecked());
    EXPECT_FALSE(languageAction("system")->isChecked());
    // Already installed: the new window is built in Japanese from the start.
    EXPECT_EQ(menuTitles().value(0), u"ファイル(&F)"_s);
}

TEST_F(LanguageSwitch, UndoTextsFollowTheLanguage)
{
    QUndoStack* stack = m_window->document()->undoStack();
    auto* command = new QUndoCommand(u"Add point"_s);
    stack->push(command);
    QAction* undo = m_window->findChild<QAction*>(u"actionUndo"_s);
    EXPECT_EQ(undo->text(), u"&Undo Add point"_s);
    choose("ja");
    // The prefix is translated; the command keeps the text it was made with.
    EXPECT_EQ(undo->text(), u"元に戻す(&U) Add point"_s);
}

} // namespace

TEST_F(LanguageSwitch, TheModelTabAndItsCountFollowTheLanguage)
{
    auto* tabs = m_window->findChild<QTabWidget*>(u"controlTabs"_s);
    ASSERT_NE(tabs, nullptr);
    EXPECT_EQ(tabs->tabText(1), u"Model"_s);
    const auto* total = m_window->modelPanel()->findChild<QLabel*>(u"totalCount"_s);
    ASSERT_NE(total, nullptr);
    EXPECT_TRUE(total->text().startsWith(u"Total: "_s)) << total->text().toStdString();

    choose("ja");
    EXPECT_EQ(tabs->tabText(0), u"学習"_s);
    EXPECT_EQ(tabs->tabText(1), u"モデル"_s);
    EXPECT_TRUE(total->text().startsWith(u"合計: "_s)) << total->text().toStdString();
    EXPECT_TRUE(total->text().contains(u"(2 + 1) × 1 = 3"_s)) << total->text().toStdString();
    choose("en");
    EXPECT_EQ(tabs->tabText(1), u"Model"_s);
}
