#include "support/windowtest.h"

#include "editor/document.h"
#include "i18n/language.h"

#include <QFile>
#include <QLabel>
#include <QStatusBar>

using namespace Qt::StringLiterals;

namespace plab::test {

void FakePrompts::showError(QWidget*, const QString& title, const QString& text)
{
    errors << title + u": "_s + text;
}

ui::UserPrompts::SaveChoice FakePrompts::askToSave(QWidget*, const QString&)
{
    ++asks;
    return answer;
}

QString FakePrompts::openFileName(QWidget*, const QString&, const QString&, const QString&)
{
    return fileName;
}

QString FakePrompts::saveFileName(QWidget*, const QString&, const QString& dir, const QString&)
{
    saveDirs << dir;
    return fileName;
}

void WindowTest::SetUpTestSuite()
{
    s_settings = std::make_unique<SettingsSandbox>(u"plab-window-test"_s);
    // As the program does at start: English needs its file too, for the plural forms of the
    // "%n point(s)" texts.
    i18n::installTranslations(u"en"_s);
}

void WindowTest::TearDownTestSuite()
{
    s_settings.reset();
}

void WindowTest::SetUp()
{
    QSettings().clear();
    m_window = std::make_unique<ui::MainWindow>();
    auto prompts = std::make_unique<FakePrompts>();
    m_prompts = prompts.get();
    m_window->setPrompts(std::move(prompts));
    m_window->resize(1280, 800);
    m_window->show();
    playback()->setEpochsPerSecond(0.0);
}

editor::Document* WindowTest::document() const
{
    return m_window->document();
}

ui::PlotCanvas* WindowTest::canvas() const
{
    return m_window->canvas();
}

editor::Playback* WindowTest::playback() const
{
    return m_window->playback();
}

ui::TrainingPresenter* WindowTest::presenter() const
{
    return m_window->presenter();
}

const learning::History& WindowTest::history() const
{
    return playback()->history();
}

QAction* WindowTest::action(const char* name) const
{
    auto* found = m_window->findChild<QAction*>(QLatin1String(name));
    EXPECT_NE(found, nullptr) << name;
    return found;
}

QString WindowTest::statusLine() const
{
    return m_window->findChild<QLabel*>(u"statusLine"_s)->text();
}

QString WindowTest::statusMessage() const
{
    return m_window->statusBar()->currentMessage();
}

QString WindowTest::writeFile(const QString& name, const QByteArray& content)
{
    const QString path = m_files.filePath(name);
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(content);
    return path;
}

void WindowTest::loadAnd()
{
    QSignalSpy changed(playback(), &editor::Playback::historyChanged);
    m_window->generate(learning::Generator::And, learning::GeneratorParams{});
    ASSERT_TRUE(waitFor(changed, [this] { return playback()->shownModel().has_value(); }));
}

} // namespace plab::test
