// The kill test: the built perceptron-lab (offscreen, with a private home) opens a project,
// autosaves it, is killed with SIGKILL, and the next start restores the work at the epoch it was
// shown at. The restart answers the restore question through the documented stored setting
// "autosave/restore = always" (docs/robustness.md, "Autosave and recovery").

#include "io/projectfile.h"
#include "learning/generators.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>

#include <optional>

using namespace Qt::StringLiterals;

namespace {

const QString kBinary = QStringLiteral(PLAB_GUI_BINARY);
/// Bounds on waiting for the app; a hang fails the test instead of blocking CI. The app autosaves
/// three seconds after a change.
constexpr int kStartMs = 30'000;
constexpr int kAutosaveMs = 40'000;

/// A home of its own: the app's settings and data (the autosave) never touch the user's.
class PrivateHome
{
public:
    PrivateHome()
    {
        QDir(m_dir.path()).mkpath(u"config"_s);
        QDir(m_dir.path()).mkpath(u"data"_s);
        QDir(m_dir.path()).mkpath(u"runtime"_s);
        QFile::setPermissions(path(u"runtime"_s), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                      QFileDevice::ExeOwner);
    }
    [[nodiscard]] QString path(const QString& relative) const { return m_dir.filePath(relative); }
    [[nodiscard]] QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"HOME"_s, m_dir.path());
        env.insert(u"XDG_CONFIG_HOME"_s, path(u"config"_s));
        env.insert(u"XDG_DATA_HOME"_s, path(u"data"_s));
        env.insert(u"XDG_RUNTIME_DIR"_s, path(u"runtime"_s));
        return env;
    }
    /// QStandardPaths::AppDataLocation of the app (organization/application).
    [[nodiscard]] QString autosaveFile() const
    {
        return path(u"data/PerceptronLab/perceptron-lab/autosave.perceptron-lab.json"_s);
    }
    [[nodiscard]] QString settingsFile() const
    {
        return path(u"config/PerceptronLab/perceptron-lab.conf"_s);
    }

private:
    QTemporaryDir m_dir;
};

/// Whether \p file holds the points, settings and epoch of \p expected (the view follows the
/// window's size and is not compared).
bool holds(const QString& file, const plab::io::Project& expected)
{
    const auto read = plab::io::readProject(file);
    return read && read.value().data == expected.data &&
           read.value().settings == expected.settings && read.value().epoch == expected.epoch;
}

/// The autosave, once it holds \p expected (read back with the project reader).
bool waitForAutosave(const QString& file, const plab::io::Project& expected, QProcess& app)
{
    return QTest::qWaitFor(
        [&] {
            if (app.state() != QProcess::Running)
                return true;
            return holds(file, expected);
        },
        kAutosaveMs);
}

void start(QProcess& app, const PrivateHome& home, const QStringList& arguments)
{
    app.setProcessEnvironment(home.environment());
    app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    app.start(kBinary, arguments);
    ASSERT_TRUE(app.waitForStarted(kStartMs)) << app.errorString().toStdString();
}

void killAndWait(QProcess& app)
{
    app.kill(); // SIGKILL: no clean-up runs, as after a crash or a power cut
    ASSERT_TRUE(app.waitForFinished(kStartMs));
    EXPECT_EQ(app.exitStatus(), QProcess::CrashExit);
}

TEST(KillTest, WorkAutosavedBeforeAKillIsRestoredAtTheNextStart)
{
    PrivateHome home;
    // XOR never converges, so the run is sure to reach the epoch the project was saved at.
    plab::io::Project project;
    project.data =
        plab::learning::generate(plab::learning::Generator::Xor, plab::learning::GeneratorParams{});
    project.settings.maxEpochs = 50;
    project.view = {-1.0, 2.0, -1.0, 2.0};
    project.epoch = 3;
    const QString projectFile = home.path(u"lesson.json"_s);
    ASSERT_FALSE(plab::io::writeProject(project, projectFile));

    // First run: the project opens at epoch 3, and the autosave follows.
    QProcess first;
    start(first, home, {projectFile});
    ASSERT_TRUE(waitForAutosave(home.autosaveFile(), project, first))
        << "no autosave of the open project appeared in " << home.autosaveFile().toStdString();
    ASSERT_EQ(first.state(), QProcess::Running) << "the app ended by itself";
    killAndWait(first);
    ASSERT_TRUE(QFileInfo::exists(home.autosaveFile()));

    // The project file goes away and the restart names no file: only the autosave can bring the
    // lesson back (otherwise the bundled AND example opens).
    ASSERT_TRUE(QFile::remove(projectFile));
    const QDateTime before = QFileInfo(home.autosaveFile()).lastModified();
    QSettings(home.settingsFile(), QSettings::IniFormat)
        .setValue(u"autosave/restore"_s, u"always"_s);

    QProcess second;
    start(second, home, {});
    // The restored document is autosaved again by the new instance: same points, settings and
    // epoch, in a file written after the restart.
    const bool restored = QTest::qWaitFor(
        [&] {
            if (second.state() != QProcess::Running)
                return true;
            if (QFileInfo(home.autosaveFile()).lastModified() <= before)
                return false;
            return holds(home.autosaveFile(), project);
        },
        kAutosaveMs);
    ASSERT_EQ(second.state(), QProcess::Running) << "the restarted app ended by itself";
    EXPECT_TRUE(restored) << "the restarted app did not restore the autosaved project";
    const auto read = plab::io::readProject(home.autosaveFile());
    ASSERT_TRUE(read);
    EXPECT_EQ(read.value().data, project.data);
    EXPECT_EQ(read.value().epoch, std::optional<int>(3));
    killAndWait(second);
}

} // namespace

int main(int argc, char** argv)
{
    // QProcess and QTest::qWaitFor want an application object.
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
