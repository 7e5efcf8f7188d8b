// Autosave and crash recovery against the real MainWindow: when the autosave is written and what
// it holds, the lock between two instances, and the restore question at start.
#include "session/projectfile.h"
#include "ui/autosaver.h"
#include "ui/document.h"
#include "ui/mainwindow.h"
#include "ui/trainingpresenter.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>
#include <gtest/gtest.h>

#include <memory>

using namespace plab;
using namespace plab::ui;
using namespace Qt::StringLiterals;

namespace {

/// Processes events until \p done holds, waking up on each emission of \p spy's signal.
template <class Predicate>
bool waitFor(QSignalSpy& spy, Predicate done, int timeoutMs = 10'000)
{
    while (!done()) {
        if (!spy.wait(timeoutMs))
            return done();
    }
    return true;
}

class Autosave : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_settingsDir = new QTemporaryDir;
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, s_settingsDir->path());
        QCoreApplication::setOrganizationName(u"plab-autosave-test"_s);
    }
    static void TearDownTestSuite()
    {
        delete s_settingsDir;
        s_settingsDir = nullptr;
    }

    void SetUp() override { QSettings().clear(); }

    /// A window with an autosaver on the test's folder, writing 20 ms after a change.
    struct Instance
    {
        std::unique_ptr<MainWindow> window;
        std::unique_ptr<Autosaver> autosaver;
    };
    Instance makeInstance() const
    {
        Instance instance;
        instance.window = std::make_unique<MainWindow>();
        instance.autosaver =
            std::make_unique<Autosaver>(instance.window->document(), instance.window->presenter());
        instance.autosaver->setFolder(m_folder.path());
        instance.autosaver->setDelay(20);
        return instance;
    }

    /// Generates AND in \p instance and steps \p epochs epochs on the engine.
    static void trainAnd(Instance& instance, int epochs)
    {
        TrainingPresenter* presenter = instance.window->presenter();
        QSignalSpy changed(presenter, &TrainingPresenter::historyChanged);
        instance.window->generate(learning::Generator::And, learning::GeneratorParams{});
        ASSERT_TRUE(waitFor(changed, [presenter] { return presenter->shownModel().has_value(); }));
        for (int epoch = 1; epoch <= epochs; ++epoch) {
            presenter->stepEpoch();
            ASSERT_TRUE(waitFor(changed, [presenter, epoch] {
                return presenter->history().latestEpochAt(presenter->position()).epoch == epoch;
            }));
        }
    }

    static QTemporaryDir* s_settingsDir;
    QTemporaryDir m_folder;
};

QTemporaryDir* Autosave::s_settingsDir = nullptr;

TEST_F(Autosave, AChangeIsWrittenAfterTheDelayWithTheEpochAndACleanExitRemovesIt)
{
    Instance a = makeInstance();
    ASSERT_TRUE(a.autosaver->start());
    EXPECT_EQ(a.autosaver->autosaveFile(), m_folder.filePath(u"autosave.perceptron-lab.json"_s));
    QSignalSpy saved(a.autosaver.get(), &Autosaver::saved);
    trainAnd(a, 2);
    // The last change (the step to epoch 2) is in the file once the delay has passed after it.
    ASSERT_TRUE(waitFor(saved, [&] {
        const auto read = session::readProject(a.autosaver->autosaveFile());
        return read && read.value().epoch == 2;
    }));
    const auto read = session::readProject(a.autosaver->autosaveFile());
    ASSERT_TRUE(read) << read.error().toString().toStdString();
    EXPECT_EQ(read.value().data, a.window->document()->data());
    EXPECT_EQ(read.value().data.size(), 4u);
    EXPECT_EQ(read.value().settings, a.window->document()->settings());

    a.autosaver->finish();
    EXPECT_FALSE(QFileInfo::exists(a.autosaver->autosaveFile()));
    EXPECT_FALSE(a.autosaver->isActive());
}

TEST_F(Autosave, AnEmptyUntitledDocumentLeavesNoAutosave)
{
    Instance a = makeInstance();
    ASSERT_TRUE(a.autosaver->start());
    a.window->generate(learning::Generator::And, learning::GeneratorParams{});
    a.autosaver->saveNow();
    ASSERT_TRUE(QFileInfo::exists(a.autosaver->autosaveFile()));
    // File > New after Discard: nothing left to keep.
    a.window->document()->clear();
    a.autosaver->saveNow();
    EXPECT_FALSE(QFileInfo::exists(a.autosaver->autosaveFile()));
}

TEST_F(Autosave, ASecondInstanceNeitherAutosavesNorOffersTheFirstOnesLiveAutosave)
{
    Instance first = makeInstance();
    ASSERT_TRUE(first.autosaver->start());
    first.window->generate(learning::Generator::And, learning::GeneratorParams{});
    first.autosaver->saveNow();
    ASSERT_TRUE(QFileInfo::exists(first.autosaver->autosaveFile()));

    Instance second = makeInstance();
    EXPECT_FALSE(second.autosaver->start());
    EXPECT_FALSE(second.autosaver->isActive());
    EXPECT_FALSE(second.autosaver->recovery().has_value());
    int asked = 0;
    EXPECT_FALSE(offerRestore(*second.autosaver, second.window->document(),
                              second.window->presenter(), second.window.get(),
                              [&asked](QWidget*, const QDateTime&) { return ++asked, true; }));
    EXPECT_EQ(asked, 0);
    EXPECT_TRUE(second.window->document()->data().empty());
    // Its edits do not overwrite the first instance's autosave.
    second.window->generate(learning::Generator::Xor, learning::GeneratorParams{});
    second.autosaver->saveNow();
    const auto read = session::readProject(first.autosaver->autosaveFile());
    ASSERT_TRUE(read);
    EXPECT_EQ(read.value().data, first.window->document()->data());
}

TEST_F(Autosave, AfterAnUncleanExitTheWorkIsOfferedAndRestoredAsModifiedAtItsEpoch)
{
    learning::Dataset saved;
    learning::TrainingSettings settings;
    {
        Instance crashed = makeInstance();
        ASSERT_TRUE(crashed.autosaver->start());
        trainAnd(crashed, 2);
        learning::TrainingSettings s = crashed.window->document()->settings();
        s.learningRate = 0.5;
        crashed.window->document()->setSettings(s);
        crashed.autosaver->saveNow();
        saved = crashed.window->document()->data();
        settings = crashed.window->document()->settings();
        // Destroyed without finish(): the autosave stays, as after a crash.
    }

    Instance next = makeInstance();
    ASSERT_TRUE(next.autosaver->start());
    QDateTime askedAbout;
    TrainingPresenter* presenter = next.window->presenter();
    QSignalSpy changed(presenter, &TrainingPresenter::historyChanged);
    ASSERT_TRUE(offerRestore(*next.autosaver, next.window->document(), presenter, next.window.get(),
                             [&](QWidget*, const QDateTime& when) {
                                 askedAbout = when;
                                 return true;
                             }));
    EXPECT_EQ(askedAbout, QFileInfo(next.autosaver->autosaveFile()).lastModified());
    Document* document = next.window->document();
    EXPECT_EQ(document->data(), saved);
    EXPECT_EQ(document->settings(), settings);
    EXPECT_TRUE(document->filePath().isEmpty());
    EXPECT_TRUE(document->isModified());
    EXPECT_EQ(document->undoStack()->count(), 1);
    // Back at epoch 2: the engine trains up to it.
    ASSERT_TRUE(waitFor(changed, [presenter] {
        return presenter->position() < presenter->history().size() &&
               presenter->history().latestEpochAt(presenter->position()).epoch == 2 &&
               !presenter->isRunning();
    }));
}

TEST_F(Autosave, DiscardingRemovesTheAutosaveAndKeepsTheDocument)
{
    {
        Instance crashed = makeInstance();
        ASSERT_TRUE(crashed.autosaver->start());
        crashed.window->generate(learning::Generator::And, learning::GeneratorParams{});
        crashed.autosaver->saveNow();
    }
    Instance next = makeInstance();
    ASSERT_TRUE(next.autosaver->start());
    EXPECT_FALSE(offerRestore(*next.autosaver, next.window->document(), next.window->presenter(),
                              next.window.get(), [](QWidget*, const QDateTime&) { return false; }));
    EXPECT_TRUE(next.window->document()->data().empty());
    EXPECT_FALSE(QFileInfo::exists(next.autosaver->autosaveFile()));
}

TEST_F(Autosave, TheStoredPolicyCanRestoreWithoutAsking)
{
    {
        Instance crashed = makeInstance();
        ASSERT_TRUE(crashed.autosaver->start());
        crashed.window->generate(learning::Generator::Or, learning::GeneratorParams{});
        crashed.autosaver->saveNow();
    }
    QSettings().setValue(u"autosave/restore"_s, u"always"_s);
    EXPECT_EQ(storedRestorePolicy(), RestorePolicy::Always);
    Instance next = makeInstance();
    ASSERT_TRUE(next.autosaver->start());
    int asked = 0;
    EXPECT_TRUE(offerRestore(*next.autosaver, next.window->document(), next.window->presenter(),
                             next.window.get(),
                             [&asked](QWidget*, const QDateTime&) { return ++asked, false; }));
    EXPECT_EQ(asked, 0);
    EXPECT_EQ(next.window->document()->data().size(), 4u);
}

TEST_F(Autosave, TheQuestionNamesTheTimeAndRestoreAnswersYes)
{
    const QDateTime when(QDate(2026, 11, 26), QTime(17, 45));
    QString text;
    // The box is modal: answer it from the event loop it runs.
    QTimer::singleShot(0, [&text] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        ASSERT_NE(box, nullptr);
        text = box->text();
        const auto buttons = box->buttons();
        for (QAbstractButton* button : buttons) {
            if (button->text() == Autosaver::tr("&Restore"))
                button->click();
        }
    });
    EXPECT_TRUE(askToRestore(nullptr, when));
    EXPECT_TRUE(text.startsWith(u"Perceptron Lab did not close properly. Restore the work "
                                u"autosaved at "_s))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QLocale().toString(when, QLocale::ShortFormat)));

    QTimer::singleShot(0, [] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        ASSERT_NE(box, nullptr);
        const auto buttons = box->buttons();
        for (QAbstractButton* button : buttons) {
            if (button->text() == Autosaver::tr("&Discard"))
                button->click();
        }
    });
    EXPECT_FALSE(askToRestore(nullptr, when));
}

TEST_F(Autosave, AnUnreadableAutosaveIsReportedAndRemoved)
{
    Instance a = makeInstance();
    ASSERT_TRUE(a.autosaver->start());
    QFile file(a.autosaver->autosaveFile());
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("{\"format\": \"perceptron-lab\", \"vers");
    file.close();
    QSignalSpy failed(a.autosaver.get(), &Autosaver::failed);
    EXPECT_FALSE(a.autosaver->recovery().has_value());
    ASSERT_EQ(failed.count(), 1);
    EXPECT_TRUE(failed.at(0).at(0).toString().startsWith(u"Autosave cannot be read: "_s));
    EXPECT_FALSE(file.exists());
}

} // namespace
