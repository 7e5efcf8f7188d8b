// Autosave and crash recovery against the real MainWindow: when the autosave is written and what
// it holds, the lock between two instances, and the restore question at start.
#include "editor/autosaver.h"
#include "editor/document.h"
#include "editor/playback.h"
#include "editor/undocommands.h"
#include "io/projectfile.h"
#include "support/settingssandbox.h"
#include "support/waitfor.h"
#include "ui/mainwindow/autosaverecovery.h"
#include "ui/mainwindow/mainwindow.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>
#include <gtest/gtest.h>

#include <memory>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace plab;
using namespace plab::ui;
using namespace plab::editor;
using namespace Qt::StringLiterals;
using plab::test::waitFor;

namespace {

class Autosave : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_settings = std::make_unique<plab::test::SettingsSandbox>(u"plab-autosave-test"_s);
    }
    static void TearDownTestSuite() { s_settings.reset(); }

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
        instance.autosaver = std::make_unique<Autosaver>(instance.window->document());
        instance.autosaver->setFolder(m_folder.path());
        instance.autosaver->setDelay(20);
        instance.window->setAutosaver(instance.autosaver.get());
        return instance;
    }

    /// The status bar's "Not autosaved" marker of \p window, or nullptr.
    static QWidget* marker(const Instance& instance)
    {
        return instance.window->findChild<QWidget*>(u"autosaveMarker"_s);
    }
    /// The marker's text; empty while it is hidden.
    static QString markerText(const Instance& instance)
    {
        QWidget* widget = marker(instance);
        if (widget == nullptr || widget->isHidden())
            return QString();
        QStringList texts;
        const auto labels = widget->findChildren<QLabel*>();
        for (const QLabel* label : labels)
            texts << label->text();
        return texts.join(QString()).trimmed();
    }
    static QString statusMessage(const Instance& instance)
    {
        return instance.window->statusBar()->currentMessage();
    }

    /// Writes \p bytes as the autosave a crashed instance left behind.
    void writeLeftover(const QByteArray& bytes) const
    {
        QFile file(m_folder.filePath(u"autosave.perceptron-lab.json"_s));
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }
    /// The files named autosave-damaged-*.perceptron-lab.json in the folder.
    QStringList keptAside() const
    {
        return QDir(m_folder.path())
            .entryList({u"autosave-damaged-*.perceptron-lab.json"_s}, QDir::Files);
    }

    static constexpr char kTruncated[] = "{\"format\": \"perceptron-lab\", \"vers";

    /// Generates AND in \p instance and steps \p epochs epochs on the engine.
    static void trainAnd(Instance& instance, int epochs)
    {
        editor::Playback* playback = instance.window->playback();
        QSignalSpy changed(playback, &editor::Playback::historyChanged);
        instance.window->generate(learning::Generator::And, learning::GeneratorParams{});
        ASSERT_TRUE(waitFor(changed, [playback] { return playback->shownModel().has_value(); }));
        for (int epoch = 1; epoch <= epochs; ++epoch) {
            playback->stepEpoch();
            ASSERT_TRUE(waitFor(changed, [playback, epoch] {
                return playback->history().latestEpochAt(playback->position()).epoch == epoch;
            }));
        }
    }

    static inline std::unique_ptr<plab::test::SettingsSandbox> s_settings;
    QTemporaryDir m_folder;
};

TEST_F(Autosave, AChangeIsWrittenAfterTheDelayWithTheEpochAndACleanExitRemovesIt)
{
    Instance a = makeInstance();
    ASSERT_TRUE(a.autosaver->start());
    EXPECT_EQ(a.autosaver->autosaveFile(), m_folder.filePath(u"autosave.perceptron-lab.json"_s));
    QSignalSpy saved(a.autosaver.get(), &Autosaver::saved);
    trainAnd(a, 2);
    // The last change (the step to epoch 2) is in the file once the delay has passed after it.
    ASSERT_TRUE(waitFor(saved, [&] {
        const auto read = io::readProject(a.autosaver->autosaveFile());
        return read && read.value().epoch == 2;
    }));
    const auto read = io::readProject(a.autosaver->autosaveFile());
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
                              second.window->playback(), second.window.get(),
                              [&asked](QWidget*, const QDateTime&) { return ++asked, true; }));
    EXPECT_EQ(asked, 0);
    EXPECT_TRUE(second.window->document()->data().empty());
    // Its edits do not overwrite the first instance's autosave.
    second.window->generate(learning::Generator::Xor, learning::GeneratorParams{});
    second.autosaver->saveNow();
    const auto read = io::readProject(first.autosaver->autosaveFile());
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
    editor::Playback* playback = next.window->playback();
    QSignalSpy changed(playback, &editor::Playback::historyChanged);
    ASSERT_TRUE(offerRestore(*next.autosaver, next.window->document(), playback, next.window.get(),
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
    ASSERT_TRUE(waitFor(changed, [playback] {
        return playback->position() < playback->history().size() &&
               playback->history().latestEpochAt(playback->position()).epoch == 2 &&
               !playback->isRunning();
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
    EXPECT_FALSE(offerRestore(*next.autosaver, next.window->document(), next.window->playback(),
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
    EXPECT_TRUE(offerRestore(*next.autosaver, next.window->document(), next.window->playback(),
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

// --- Never silent: the marker and the status bar ---------------------------------------------

TEST_F(Autosave, AFolderThatCannotBeCreatedIsReportedAndMarkedForTheWholeSession)
{
    // A path below a regular file: no one can create it, root included (chmod would not stop
    // root).
    QFile blocker(m_folder.filePath(u"not-a-folder"_s));
    ASSERT_TRUE(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    Instance a = makeInstance();
    const QString folder = m_folder.filePath(u"not-a-folder/autosave"_s);
    a.autosaver->setFolder(folder);
    QSignalSpy problem(a.autosaver.get(), &Autosaver::problemChanged);
    EXPECT_FALSE(a.autosaver->start());
    EXPECT_EQ(problem.count(), 1);
    EXPECT_EQ(markerText(a), u"Not autosaved: the data folder cannot be created"_s);
    EXPECT_TRUE(marker(a)->toolTip().contains(QDir::toNativeSeparators(folder)))
        << marker(a)->toolTip().toStdString();
    EXPECT_TRUE(statusMessage(a).startsWith(u"Not autosaved: The folder "_s))
        << statusMessage(a).toStdString();
    // Editing does not make it go away: the work is still not protected.
    a.window->generate(learning::Generator::And, learning::GeneratorParams{});
    a.autosaver->saveNow();
    EXPECT_EQ(markerText(a), u"Not autosaved: the data folder cannot be created"_s);
}

TEST_F(Autosave, AReadOnlyFolderIsReportedAndMarked)
{
#ifdef Q_OS_UNIX
    // Permissions do not stop root (CI runs the tests as root): the folder-below-a-file test
    // above covers the same path there.
    if (::geteuid() == 0)
        GTEST_SKIP() << "root writes into read-only folders";
#endif
    QDir(m_folder.path()).mkdir(u"readonly"_s);
    const QString folder = m_folder.filePath(u"readonly"_s);
    ASSERT_TRUE(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
    Instance a = makeInstance();
    a.autosaver->setFolder(folder);
    EXPECT_FALSE(a.autosaver->start());
    QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    EXPECT_EQ(markerText(a), u"Not autosaved: the data folder is not writable"_s);
    EXPECT_TRUE(marker(a)->toolTip().contains(QDir::toNativeSeparators(folder)));
}

TEST_F(Autosave, ALockHeldByAnotherInstanceIsReportedAndMarked)
{
    Instance first = makeInstance();
    ASSERT_TRUE(first.autosaver->start());
    EXPECT_TRUE(markerText(first).isEmpty());
    Instance second = makeInstance();
    EXPECT_FALSE(second.autosaver->start());
    EXPECT_EQ(markerText(second), u"Not autosaved: another Perceptron Lab is autosaving"_s);
    EXPECT_TRUE(
        marker(second)->toolTip().contains(QString::number(QCoreApplication::applicationPid())))
        << marker(second)->toolTip().toStdString();
}

TEST_F(Autosave, AFailedWriteIsMarkedUntilAWriteSucceedsAgainWithoutAnotherChange)
{
    Instance a = makeInstance();
    ASSERT_TRUE(a.autosaver->start());
    // A folder where the autosave goes: no write can replace it.
    ASSERT_TRUE(QDir(m_folder.path()).mkdir(u"autosave.perceptron-lab.json"_s));
    QSignalSpy problem(a.autosaver.get(), &Autosaver::problemChanged);
    a.window->generate(learning::Generator::And, learning::GeneratorParams{});
    ASSERT_TRUE(waitFor(problem, [&] { return !a.autosaver->problem().isEmpty(); }));
    EXPECT_EQ(markerText(a), u"Not autosaved: writing failed"_s);
    EXPECT_TRUE(marker(a)->toolTip().contains(a.autosaver->autosaveFile()))
        << marker(a)->toolTip().toStdString();
    EXPECT_TRUE(statusMessage(a).startsWith(u"Not autosaved: Autosave failed: "_s +
                                            a.autosaver->autosaveFile()))
        << statusMessage(a).toStdString();

    // The obstacle goes; nothing else changes: the retry writes, the marker goes.
    QSignalSpy saved(a.autosaver.get(), &Autosaver::saved);
    ASSERT_TRUE(QDir(m_folder.path()).rmdir(u"autosave.perceptron-lab.json"_s));
    ASSERT_TRUE(waitFor(saved, [&] { return saved.count() > 0; }));
    EXPECT_TRUE(a.autosaver->problem().isEmpty());
    EXPECT_TRUE(markerText(a).isEmpty());
    EXPECT_TRUE(marker(a)->isHidden());
    EXPECT_EQ(statusMessage(a), u"Autosave works again: your changes are protected"_s);
    const auto read = io::readProject(a.autosaver->autosaveFile());
    ASSERT_TRUE(read) << read.error().toString().toStdString();
    EXPECT_EQ(read.value().data, a.window->document()->data());
}

TEST_F(Autosave, WorkThatCannotBeWrittenIsMarkedAndNamesThePoint)
{
    // The window never creates such a point (see window_limits_test); a program can. Before, the
    // autosave just stopped, and a crash restored an older copy as if it were the latest.
    Instance a = makeInstance();
    ASSERT_TRUE(a.autosaver->start());
    QSignalSpy problem(a.autosaver.get(), &Autosaver::problemChanged);
    a.window->document()->undoStack()->push(new ReplaceData(
        a.window->document(), learning::Dataset({{{0, 0}, 0}, {{5e11, 1}, 1}}), u"far"_s));
    ASSERT_TRUE(waitFor(problem, [&] { return !a.autosaver->problem().isEmpty(); }));
    EXPECT_EQ(markerText(a), u"Not autosaved: the work cannot be written"_s);
    EXPECT_TRUE(marker(a)->toolTip().contains(u"point 2 (x₁ = 5e+11, x₂ = 1)"_s))
        << marker(a)->toolTip().toStdString();
    a.window->document()->undoStack()->undo();
    ASSERT_TRUE(waitFor(problem, [&] { return a.autosaver->problem().isEmpty(); }));
    EXPECT_TRUE(markerText(a).isEmpty());
}

// --- A damaged autosave is kept until the user decides ----------------------------------------

TEST_F(Autosave, ADamagedAutosaveIsNeitherOverwrittenNorRemovedBeforeTheUserDecides)
{
    writeLeftover(kTruncated);
    {
        Instance a = makeInstance();
        ASSERT_TRUE(a.autosaver->start());
        EXPECT_FALSE(a.autosaver->recovery().has_value());
        ASSERT_TRUE(a.autosaver->damagedAutosave().has_value());
        EXPECT_TRUE(a.autosaver->damagedAutosave()->startsWith(a.autosaver->autosaveFile()))
            << a.autosaver->damagedAutosave()->toStdString();
        EXPECT_EQ(markerText(a), u"Not autosaved: an earlier autosave cannot be read"_s);
        // New work, a write, a clean exit: the damaged file stays as it was.
        a.window->generate(learning::Generator::And, learning::GeneratorParams{});
        a.autosaver->saveNow();
        QTest::qWait(60);
        a.autosaver->finish();
    }
    QFile file(m_folder.filePath(u"autosave.perceptron-lab.json"_s));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll(), QByteArray(kTruncated));
}

TEST_F(Autosave, KeepAsideRenamesTheDamagedAutosaveAndAutosavingResumes)
{
    writeLeftover(kTruncated);
    Instance a = makeInstance();
    ASSERT_TRUE(a.autosaver->start());
    QString askedAbout;
    int asked = 0;
    EXPECT_FALSE(offerRestore(
        *a.autosaver, a.window->document(), a.window->playback(), a.window.get(),
        [&asked](QWidget*, const QDateTime&) { return ++asked, true; },
        [&askedAbout](QWidget*, const QString& damage) {
            askedAbout = damage;
            return DamagedChoice::KeepAside;
        }));
    EXPECT_EQ(asked, 0);
    EXPECT_TRUE(askedAbout.startsWith(a.autosaver->autosaveFile())) << askedAbout.toStdString();
    const QStringList kept = keptAside();
    ASSERT_EQ(kept.size(), 1);
    QFile file(m_folder.filePath(kept.first()));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll(), QByteArray(kTruncated));
    EXPECT_TRUE(statusMessage(a).contains(QDir::toNativeSeparators(file.fileName())))
        << statusMessage(a).toStdString();
    EXPECT_TRUE(markerText(a).isEmpty());
    EXPECT_FALSE(a.autosaver->damagedAutosave().has_value());

    // Protected again: the next change is autosaved.
    QSignalSpy saved(a.autosaver.get(), &Autosaver::saved);
    a.window->generate(learning::Generator::Xor, learning::GeneratorParams{});
    ASSERT_TRUE(waitFor(saved, [&] { return saved.count() > 0; }));
    const auto read = io::readProject(a.autosaver->autosaveFile());
    ASSERT_TRUE(read) << read.error().toString().toStdString();
    EXPECT_EQ(read.value().data, a.window->document()->data());
}

TEST_F(Autosave, DiscardRemovesTheDamagedAutosaveOnlyWhenTheUserSaysSo)
{
    writeLeftover(kTruncated);
    Instance a = makeInstance();
    ASSERT_TRUE(a.autosaver->start());
    EXPECT_FALSE(offerRestore(
        *a.autosaver, a.window->document(), a.window->playback(), a.window.get(),
        [](QWidget*, const QDateTime&) { return true; },
        [](QWidget*, const QString&) { return DamagedChoice::Discard; }));
    EXPECT_FALSE(QFileInfo::exists(a.autosaver->autosaveFile()));
    EXPECT_TRUE(keptAside().isEmpty());
    EXPECT_TRUE(markerText(a).isEmpty());
}

TEST_F(Autosave, UnderAStoredPolicyADamagedAutosaveIsKeptAsideWithoutAsking)
{
    for (const char* policy : {"always", "never"}) {
        SCOPED_TRACE(policy);
        for (const QString& name : keptAside())
            QFile::remove(m_folder.filePath(name));
        writeLeftover(kTruncated);
        QSettings().setValue(u"autosave/restore"_s, QString::fromLatin1(policy));
        Instance a = makeInstance();
        ASSERT_TRUE(a.autosaver->start());
        int asked = 0;
        EXPECT_FALSE(offerRestore(
            *a.autosaver, a.window->document(), a.window->playback(), a.window.get(),
            [](QWidget*, const QDateTime&) { return true; },
            [&asked](QWidget*, const QString&) {
                ++asked;
                return DamagedChoice::Discard;
            }));
        EXPECT_EQ(asked, 0);
        EXPECT_EQ(keptAside().size(), 1);
        a.autosaver->finish();
    }
}

TEST_F(Autosave, TheDamagedQuestionKeepsTheFileWhenClosedWithoutAnAnswer)
{
    QString text;
    QStringList buttons;
    QTimer::singleShot(0, [&] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        ASSERT_NE(box, nullptr);
        text = box->text() + u'\n' + box->informativeText();
        const auto all = box->buttons();
        for (QAbstractButton* button : all)
            buttons << button->text();
        QTest::keyClick(box, Qt::Key_Escape);
    });
    EXPECT_EQ(askAboutDamagedAutosave(nullptr, u"/tmp/x.json:1: not valid JSON"_s),
              DamagedChoice::KeepAside);
    EXPECT_TRUE(text.contains(u"cannot be read"_s)) << text.toStdString();
    EXPECT_TRUE(text.contains(u"/tmp/x.json:1: not valid JSON"_s));
    buttons.sort();
    EXPECT_EQ(buttons,
              (QStringList{u"&Discard"_s, u"&Keep Aside"_s, u"Keep Aside and &Show Folder"_s}));

    QTimer::singleShot(0, [] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        ASSERT_NE(box, nullptr);
        const auto all = box->buttons();
        for (QAbstractButton* button : all) {
            if (button->text() == Autosaver::tr("&Discard"))
                button->click();
        }
    });
    EXPECT_EQ(askAboutDamagedAutosave(nullptr, u"reason"_s), DamagedChoice::Discard);
}

} // namespace
