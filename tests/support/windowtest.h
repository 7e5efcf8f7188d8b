#pragma once

#include "editor/playback.h"
#include "support/settingssandbox.h"
#include "support/waitfor.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/mainwindow/trainingpresenter.h"

#include <QAction>
#include <QSignalSpy>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <gtest/gtest.h>

#include <memory>

namespace plab::editor {
class Document;
}

namespace plab::ui {
class PlotCanvas;
}

namespace plab::test {

/// Answers the window's questions from the test and records its error reports.
class FakePrompts : public ui::UserPrompts
{
public:
    void showError(QWidget* parent, const QString& title, const QString& text) override;
    SaveChoice askToSave(QWidget* parent, const QString& documentName) override;
    QString openFileName(QWidget* parent, const QString& caption, const QString& dir,
                         const QString& filter) override;
    QString saveFileName(QWidget* parent, const QString& caption, const QString& dir,
                         const QString& filter) override;

    QStringList errors; ///< "title: text" of every error shown
    int asks = 0;       ///< how often askToSave() was called
    SaveChoice answer = SaveChoice::Discard;
    QString fileName;     ///< what the file dialogs return (empty: cancelled)
    QStringList saveDirs; ///< the folder each save dialog opened in
};

/// The real MainWindow for a test: settings in a sandbox for the suite (cleared before each
/// test), FakePrompts installed, 1280 x 800 and shown, training as fast as possible. Derive the
/// suite's fixture from it (the suite keeps its name: `class Window : public WindowTest {};`).
class WindowTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite();
    static void TearDownTestSuite();
    void SetUp() override;

    [[nodiscard]] editor::Document* document() const;
    [[nodiscard]] ui::PlotCanvas* canvas() const;
    [[nodiscard]] editor::Playback* playback() const;
    [[nodiscard]] ui::TrainingPresenter* presenter() const;
    [[nodiscard]] const learning::History& history() const;
    /// The window's action named \p name (a failure when there is none).
    [[nodiscard]] QAction* action(const char* name) const;
    /// The run's status line under the plot.
    [[nodiscard]] QString statusLine() const;
    /// The status bar's temporary message.
    [[nodiscard]] QString statusMessage() const;

    /// Writes \p content to \p name in a folder of the test's own; returns its path.
    QString writeFile(const QString& name, const QByteArray& content);
    /// Generates the AND data set and waits until the engine's run started (epoch 0 shown).
    void loadAnd();
    /// Triggers the action \p name and waits until \p done holds.
    template <class Predicate>
    bool triggerAndWait(const char* name, Predicate done)
    {
        QSignalSpy changed(playback(), &editor::Playback::historyChanged);
        action(name)->trigger();
        return waitFor(changed, done);
    }

    static inline std::unique_ptr<SettingsSandbox> s_settings;
    QTemporaryDir m_files;
    std::unique_ptr<ui::MainWindow> m_window;
    FakePrompts* m_prompts = nullptr;
};

} // namespace plab::test
