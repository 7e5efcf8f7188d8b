// The window's files alone: DocumentFiles on a Document, with FakePrompts answering and the
// settings in a sandbox. Open (CSV into a fresh or an edited document), Save As, the question
// about unsaved changes, the recent files.
#include "editor/document.h"
#include "editor/playback.h"
#include "editor/undocommands.h"
#include "io/datasetfile.h"
#include "io/projectfile.h"
#include "learning/generators.h"
#include "support/settingssandbox.h"
#include "support/windowtest.h"
#include "ui/mainwindow/documentfiles.h"

#include <QFileInfo>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QWidget>
#include <gtest/gtest.h>

#include <memory>

using namespace plab;
using namespace Qt::StringLiterals;
using ui::DocumentFiles;
using ui::UserPrompts;

namespace {

class Files : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_settings = std::make_unique<test::SettingsSandbox>(u"plab-documentfiles-test"_s);
    }
    static void TearDownTestSuite() { s_settings.reset(); }
    void SetUp() override
    {
        QSettings().clear();
        auto prompts = std::make_unique<test::FakePrompts>();
        m_prompts = prompts.get();
        m_files.setPrompts(std::move(prompts));
    }
    QString path(const QString& name) const { return m_dir.filePath(name); }
    /// A CSV of the AND gate at \p name.
    QString writeAnd(const QString& name) const
    {
        const QString file = path(name);
        EXPECT_FALSE(
            io::writeDatasetCsv(
                learning::generate(learning::Generator::And, learning::GeneratorParams{}), file)
                .has_value());
        return file;
    }

    static inline std::unique_ptr<test::SettingsSandbox> s_settings;
    QTemporaryDir m_dir;
    QWidget m_window;
    editor::Document m_document;
    editor::Playback m_playback{&m_document};
    DocumentFiles m_files{&m_window, &m_document, &m_playback};
    test::FakePrompts* m_prompts = nullptr;
};

TEST_F(Files, ACsvOpenedIntoAnUntouchedDocumentStartsAFreshUnmodifiedProject)
{
    QSignalSpy messages(&m_files, &DocumentFiles::message);
    ASSERT_TRUE(m_files.openFile(writeAnd(u"and.csv"_s)));
    EXPECT_EQ(m_document.data().size(), 4u);
    EXPECT_FALSE(m_document.isModified());
    EXPECT_EQ(m_document.undoStack()->count(), 0);
    EXPECT_TRUE(m_document.filePath().isEmpty()); // Save must not overwrite the CSV
    ASSERT_EQ(messages.count(), 1);
    EXPECT_TRUE(messages.front().front().toString().contains(u"and.csv"_s));

    // Into a document with points: one undo step that brings the old points back.
    m_document.replaceData(learning::generate(learning::Generator::Xor, {}));
    const learning::Dataset before = m_document.data();
    const int steps = m_document.undoStack()->count();
    ASSERT_TRUE(m_files.openFile(writeAnd(u"again.csv"_s)));
    EXPECT_EQ(m_document.undoStack()->count(), steps + 1);
    m_document.undoStack()->undo();
    EXPECT_EQ(m_document.data(), before);
    EXPECT_EQ(m_prompts->asks, 0); // replacing points loses nothing: no question
}

TEST_F(Files, AFileThatCannotBeReadIsReportedAndTheDocumentIsLeftAlone)
{
    m_document.replaceData(learning::generate(learning::Generator::Or, {}));
    const learning::Dataset before = m_document.data();
    m_prompts->answer = UserPrompts::SaveChoice::Discard;
    EXPECT_FALSE(m_files.openFile(path(u"missing.json"_s)));
    EXPECT_FALSE(m_files.openFile(path(u"missing.csv"_s)));
    ASSERT_EQ(m_prompts->errors.size(), 2);
    EXPECT_TRUE(m_prompts->errors[0].startsWith(u"Cannot Open Project: "_s));
    EXPECT_TRUE(m_prompts->errors[0].contains(u"missing.json"_s));
    EXPECT_TRUE(m_prompts->errors[1].startsWith(u"Cannot Open Data Set: "_s));
    EXPECT_EQ(m_document.data(), before);
}

TEST_F(Files, SaveAsAddsTheSuffixMakesItTheDocumentsFileAndRemembersIt)
{
    m_document.undoStack()->push(new editor::ReplaceData(
        &m_document, learning::generate(learning::Generator::And, {}), u"Generate AND"_s));
    ASSERT_TRUE(m_document.isModified());
    m_prompts->fileName = path(u"lesson"_s);
    ASSERT_TRUE(m_files.saveAsDialog());
    const QString saved = path(u"lesson.json"_s);
    EXPECT_EQ(m_document.filePath(), saved);
    EXPECT_FALSE(m_document.isModified());
    const auto project = io::readProject(saved);
    ASSERT_TRUE(project.has_value());
    EXPECT_EQ(project.value().data, m_document.data());
    EXPECT_EQ(DocumentFiles::recentFiles(), QStringList{QFileInfo(saved).absoluteFilePath()});

    // Save goes to the same file without asking for a name.
    m_prompts->fileName.clear();
    m_document.replaceData(learning::generate(learning::Generator::Or, {}));
    EXPECT_TRUE(m_files.save());
    EXPECT_EQ(io::readProject(saved).value().data, m_document.data());
}

TEST_F(Files, NewAsksAboutUnsavedChangesAndCancelKeepsEverything)
{
    learning::TrainingSettings settings;
    settings.learningRate = 0.25;
    m_document.setSettings(settings);
    m_document.replaceData(learning::generate(learning::Generator::And, {}));

    m_prompts->answer = UserPrompts::SaveChoice::Cancel;
    m_files.newDocument();
    EXPECT_EQ(m_prompts->asks, 1);
    EXPECT_EQ(m_document.data().size(), 4u);

    m_prompts->answer = UserPrompts::SaveChoice::Discard;
    m_files.newDocument();
    EXPECT_EQ(m_prompts->asks, 2);
    EXPECT_TRUE(m_document.data().empty());
    EXPECT_FALSE(m_document.isModified());
    EXPECT_EQ(m_document.settings().learningRate, 0.25); // the settings last used stay

    m_files.newDocument(); // nothing to lose: no question
    EXPECT_EQ(m_prompts->asks, 2);
}

TEST_F(Files, TheRecentFilesAreNewestFirstWithoutRepeatsAndAtMostEight)
{
    m_document.replaceData(learning::generate(learning::Generator::And, {}));
    QStringList saved;
    for (int i = 0; i < DocumentFiles::kMaxRecentFiles + 2; ++i) {
        saved.prepend(QFileInfo(path(u"p%1.json"_s.arg(i))).absoluteFilePath());
        ASSERT_TRUE(m_files.saveProjectAs(saved.front()));
    }
    ASSERT_TRUE(m_files.saveProjectAs(saved.at(3))); // again: moves to the front
    saved.move(3, 0);
    EXPECT_EQ(DocumentFiles::recentFiles(), saved.mid(0, DocumentFiles::kMaxRecentFiles));

    QMenu menu;
    m_files.fillRecentMenu(&menu);
    const auto actions = menu.actions();
    ASSERT_EQ(actions.size(), DocumentFiles::kMaxRecentFiles + 2); // files, separator, Clear
    EXPECT_EQ(actions.front()->text(), u"&1 "_s + QFileInfo(saved.front()).fileName());
    EXPECT_EQ(actions.front()->toolTip(), saved.front());
    actions.back()->trigger(); // Clear Menu
    EXPECT_TRUE(DocumentFiles::recentFiles().isEmpty());
    m_files.fillRecentMenu(&menu);
    EXPECT_FALSE(menu.actions().front()->isEnabled()); // "No Recent Files"
}

} // namespace
