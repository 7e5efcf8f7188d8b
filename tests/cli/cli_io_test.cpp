// The built perceptron-lab against the files a user's system really has (docs/robustness.md,
// "Outputs and special files"): an output never replaces an input, however it is named; devices
// and named pipes are written, never replaced; every failed write (standard output too) is exit
// status 2 with the system's reason on one line and no file left behind; pipes and standard input
// are read; messages say what is really wrong and never echo control characters.
//
// Devices, pipes and links are made in temporary folders (a device node of our own when running as
// root): a mistake here replaces one of those, never the system's /dev/null.

#include <QCoreApplication>
#include <QDir>
#include <QDomDocument>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <gtest/gtest.h>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <system_error>
#include <thread>
#include <unistd.h>

namespace {

const QString kBinary = QStringLiteral(PLAB_CLI_BINARY);
const QString kExamples = QStringLiteral(PLAB_EXAMPLES_DIR);

struct ProcessResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

QStringList words(const char* text)
{
    return QString::fromUtf8(text).split(u' ', Qt::SkipEmptyParts);
}

/// Runs \p program (the binary unless given) in \p folder without a display; \p setup may redirect
/// its standard streams.
ProcessResult runProgram(const QString& program, const QStringList& arguments,
                         const QString& folder, const std::function<void(QProcess&)>& setup = {})
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        environment.remove(QString::fromLatin1(name));
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(folder);
    if (setup)
        setup(process);
    process.start(program, arguments);
    if (!process.waitForFinished(120'000)) {
        process.kill();
        process.waitForFinished();
        ADD_FAILURE() << "did not finish: " << arguments.join(u' ').toStdString();
        return {};
    }
    EXPECT_EQ(process.exitStatus(), QProcess::NormalExit) << arguments.join(u' ').toStdString();
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

ProcessResult run(const QStringList& arguments, const QString& folder,
                  const std::function<void(QProcess&)>& setup = {})
{
    return runProgram(kBinary, arguments, folder, setup);
}

/// Runs the binary from a shell \p script ("$0" is the binary, "$@" the arguments).
ProcessResult runInShell(const char* shell, const char* script, const QStringList& arguments,
                         const QString& folder)
{
    return runProgram(QString::fromLatin1(shell),
                      QStringList{QStringLiteral("-c"), QString::fromLatin1(script), kBinary} +
                          arguments,
                      folder);
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

mode_t typeOf(const QString& path)
{
    struct stat status = {};
    return ::lstat(QFile::encodeName(path).constData(), &status) == 0 ? (status.st_mode & S_IFMT)
                                                                      : 0;
}

QStringList entries(const QString& folder)
{
    return QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::System |
                                  QDir::NoDotAndDotDot);
}

QString systemReason(int error)
{
    return QString::fromStdString(std::generic_category().message(error));
}

/// Exit status 2, nothing on standard output, and exactly one line on standard error that starts
/// with "perceptron-lab: " and contains \p expected.
void expectOneLineError(const ProcessResult& r, const QString& expected)
{
    EXPECT_EQ(r.exitCode, 2) << r.err.toStdString();
    EXPECT_EQ(r.err.count('\n'), 1) << r.err.toStdString();
    EXPECT_TRUE(r.err.startsWith("perceptron-lab: ")) << r.err.toStdString();
    EXPECT_TRUE(QString::fromUtf8(r.err).contains(expected))
        << r.err.toStdString() << "\nexpected: " << expected.toStdString();
}

/// A folder with the AND data set, a project, and ways to name them again.
class Files : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        ASSERT_TRUE(QFile::copy(kExamples + QStringLiteral("/and.csv"), path("and.csv")));
        m_and = readAll(path("and.csv"));
        m_project = R"({"format": "perceptron-lab", "version": 1, "points": [
            {"x1": 0, "x2": 0, "label": 0}, {"x1": 1, "x2": 1, "label": 1}]})";
        ASSERT_TRUE(writeFile(path("lesson.json"), m_project));
        ASSERT_TRUE(QFile::link(QStringLiteral("and.csv"), path("link.csv")));
        ASSERT_TRUE(QFile::link(QStringLiteral("lesson.json"), path("link.json")));
        ASSERT_EQ(::link(QFile::encodeName(path("and.csv")).constData(),
                         QFile::encodeName(path("hard.csv")).constData()),
                  0);
        ASSERT_TRUE(QDir(m_dir.path()).mkdir(QStringLiteral("sub")));
        ASSERT_TRUE(QFile::link(QStringLiteral(".."), path("sub/up")));
    }

    QString path(const char* name) const { return m_dir.filePath(QString::fromUtf8(name)); }
    QString folder() const { return m_dir.path(); }

    /// The inputs are as they were, and nothing else appeared.
    void expectUntouched(const QStringList& before) const
    {
        EXPECT_EQ(readAll(path("and.csv")), m_and);
        EXPECT_EQ(readAll(path("lesson.json")), m_project);
        EXPECT_EQ(typeOf(path("link.csv")), S_IFLNK);
        EXPECT_EQ(entries(folder()), before);
    }

    QTemporaryDir m_dir;
    QByteArray m_and;
    QByteArray m_project;
};

TEST_F(Files, AnOutputThatIsTheInputIsRefusedHoweverItIsNamed)
{
    // Data named (for the frames) like a frame of the series "run.png" would write.
    ASSERT_TRUE(QFile::copy(path("and.csv"), path("run-epoch003.png")));
    const struct
    {
        const char* arguments;
        const char* message;
    } cases[] = {
        {"train --data and.csv --trace link.csv",
         "--trace link.csv is the same file as --data and.csv: an output never replaces an input"},
        {"train --data and.csv --trace /proc/self/cwd/and.csv",
         "--trace /proc/self/cwd/and.csv is the same file as --data and.csv"},
        {"train --data and.csv --summary sub/up/and.csv",
         "--summary sub/up/and.csv is the same file as --data and.csv"},
        {"train --data and.csv --summary hard.csv", "--summary hard.csv is the same file"},
        {"train --data link.csv --trace - --summary and.csv",
         "--summary and.csv is the same file as --data link.csv"},
        {"train --project lesson.json --summary link.json",
         "--summary link.json is the same file as --project lesson.json"},
        {"export --data and.csv --table csv --out link.csv",
         "--out link.csv is the same file as --data and.csv"},
        {"export --data and.csv --out sub/up/and.csv --format png",
         "--out sub/up/and.csv is the same file as --data and.csv"},
        {"export --data run-epoch003.png --layout frames --out run.png",
         "--out ./run-epoch003.png is the same file as --data run-epoch003.png"},
    };
    const QStringList before = entries(folder());
    for (const auto& c : cases) {
        SCOPED_TRACE(c.arguments);
        expectOneLineError(run(words(c.arguments), folder()), QString::fromUtf8(c.message));
        expectUntouched(before);
    }
}

TEST_F(Files, BothOutputsInOneFileAreRefusedAndDevicesAreNot)
{
    expectOneLineError(
        run(words("train --data and.csv --trace out.json --summary sub/../out.json"), folder()),
        QStringLiteral("--trace out.json and --summary sub/../out.json are the same file"));
    EXPECT_FALSE(QFile::exists(path("out.json")));
    const ProcessResult r =
        run(words("train --data and.csv --trace /dev/null --summary /dev/null"), folder());
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(typeOf(QStringLiteral("/dev/null")), S_IFCHR);
}

/// A character device like /dev/null (minor 3) or /dev/full (minor 7) of our own in \p dir when
/// this user may make one; the system's own otherwise (which this user cannot replace either).
QString deviceNode(const QString& dir, const char* name, unsigned minor)
{
    const QString path = dir + u'/' + QString::fromLatin1(name);
    if (::mknod(QFile::encodeName(path).constData(), S_IFCHR | 0666, makedev(1, minor)) == 0)
        return path;
    return QStringLiteral("/dev/") + QString::fromLatin1(name);
}

TEST_F(Files, DevicesAreWrittenNeverReplaced)
{
    const QString null = deviceNode(folder(), "null", 3);
    const QString full = deviceNode(folder(), "full", 7);
    for (const QString& args : {QStringLiteral("train --data and.csv --trace %1 --summary %1"),
                                QStringLiteral("export --data and.csv --out %1 --format png"),
                                QStringLiteral("export --data and.csv --out %1 --format gif"),
                                QStringLiteral("export --data and.csv --out %1 --table md")}) {
        SCOPED_TRACE(args.toStdString());
        const ProcessResult ok = run(args.arg(null).split(u' '), folder());
        EXPECT_EQ(ok.exitCode, 0) << ok.err.toStdString();
        EXPECT_TRUE(ok.out.isEmpty());
        expectOneLineError(run(args.arg(full).split(u' '), folder()),
                           full + QStringLiteral(": cannot be written: ") + systemReason(ENOSPC));
        EXPECT_EQ(typeOf(null), S_IFCHR);
        EXPECT_EQ(typeOf(full), S_IFCHR);
    }
    // The system's own, which the bug this guards against turned into a regular file as root.
    EXPECT_EQ(run(words("train --data and.csv --trace /dev/null"), folder()).exitCode, 0);
    EXPECT_EQ(typeOf(QStringLiteral("/dev/null")), S_IFCHR);
}

TEST_F(Files, ANamedPipeGetsTheOutputAndStays)
{
    const QString fifo = path("trace.pipe");
    ASSERT_EQ(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QByteArray received;
    std::thread reader([&received, name = QFile::encodeName(fifo)] {
        const int fd = ::open(name.constData(), O_RDONLY);
        char buffer[4096];
        ssize_t n = 0;
        while (fd >= 0 && (n = ::read(fd, buffer, sizeof buffer)) > 0)
            received.append(buffer, qsizetype(n));
        ::close(fd);
    });
    const ProcessResult r = run(words("train --data and.csv --trace trace.pipe"), folder());
    reader.join();
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(received.count('\n'), 30); // 6 epochs x (4 visits + 1 epoch line)
    EXPECT_EQ(typeOf(fifo), S_IFIFO);
}

TEST_F(Files, AFailedWriteToStandardOutputIsAnError)
{
    const QString noSpace =
        QStringLiteral("standard output: cannot be written: ") + systemReason(ENOSPC);
    for (const char* arguments :
         {"train --data and.csv", "train --data and.csv --trace -",
          "export --data and.csv --table md --out -", "--help", "--version", "train --help"}) {
        SCOPED_TRACE(arguments);
        const ProcessResult r = run(words(arguments), folder(), [](QProcess& p) {
            p.setStandardOutputFile(QStringLiteral("/dev/full"), QIODevice::Append);
        });
        expectOneLineError(r, noSpace);
    }
    EXPECT_EQ(typeOf(QStringLiteral("/dev/full")), S_IFCHR);
    // A closed standard output: nothing can reach it, and no file takes its place.
    const ProcessResult closed =
        runInShell("/bin/sh", "exec \"$0\" \"$@\" >&-", words("train --data and.csv"), folder());
    expectOneLineError(closed, QStringLiteral("standard output: cannot be written: ") +
                                   systemReason(EBADF));
}

TEST_F(Files, AFullDiskSaysSoOnceAndLeavesNothing)
{
    // A file-size limit makes write() fail as a full disk does (with EFBIG instead of ENOSPC).
    const QString tooLarge = QStringLiteral(": cannot be written: ") + systemReason(EFBIG);
    const QStringList before = entries(folder());
    const char* limited = "ulimit -f 16 && exec \"$0\" \"$@\"";
    const struct
    {
        const char* arguments;
        const char* output;
    } cases[] = {
        {"train --data xor.csv --epochs 1000 --trace out.jsonl", "out.jsonl"},
        {"export --data and.csv --size 2000x2000 --out out.png", "out.png"},
        {"export --data and.csv --layout pages --out out.pdf", "out.pdf"},
        {"export --data and.csv --out out.gif", "out.gif"},
        {"export --data and.csv --layout storyboard --out out.svg", "out.svg"},
        {"export --data and.csv --layout frames --size 2000x2000 --out sub/frame.png",
         "sub/frame-epoch000.png"},
        {"export --data xor.csv --max-epochs 300 --table csv --out out.csv", "out.csv"},
    };
    ASSERT_TRUE(QFile::copy(kExamples + QStringLiteral("/xor.csv"), path("xor.csv")));
    const QStringList withXor = entries(folder());
    for (const auto& c : cases) {
        SCOPED_TRACE(c.arguments);
        // One line: libpng adds no second one, giflib no "disk full?" guess.
        expectOneLineError(runInShell("/bin/sh", limited, words(c.arguments), folder()),
                           QString::fromLatin1(c.output) + tooLarge);
        EXPECT_EQ(entries(folder()), withXor);
        EXPECT_TRUE(entries(path("sub")).contains(QStringLiteral("up")));
        EXPECT_EQ(entries(path("sub")).size(), 1);
    }
    Q_UNUSED(before);
}

TEST_F(Files, PipesAndStandardInputAreRead)
{
    const QByteArray converged = "\"status\":\"converged\"";
    const ProcessResult stdinRun = run(words("train --data -"), folder(), [this](QProcess& p) {
        p.setStandardInputFile(path("and.csv"));
    });
    EXPECT_EQ(stdinRun.exitCode, 0) << stdinRun.err.toStdString();
    EXPECT_TRUE(stdinRun.out.contains(converged));
    // Process substitution: --data /dev/fd/63, a pipe.
    const ProcessResult substituted =
        runInShell("/bin/bash", "exec \"$0\" train --data <(cat \"$1\")",
                   QStringList{path("and.csv")}, folder());
    EXPECT_EQ(substituted.exitCode, 0) << substituted.err.toStdString();
    EXPECT_TRUE(substituted.out.contains(converged));
    const ProcessResult project = run(words("train --project -"), folder(), [this](QProcess& p) {
        p.setStandardInputFile(path("lesson.json"));
    });
    EXPECT_EQ(project.exitCode, 0) << project.err.toStdString();
    // Errors in what came through standard input name it.
    ASSERT_TRUE(writeFile(path("bad.csv"), "x1,x2,label\n0,zero,1\n"));
    expectOneLineError(run(words("train --data -"), folder(),
                           [this](QProcess& p) { p.setStandardInputFile(path("bad.csv")); }),
                       QStringLiteral("perceptron-lab: standard input:2: x2: not a number"));
}

TEST_F(Files, MessagesSayWhatIsReallyWrong)
{
    ASSERT_TRUE(QFile::link(QStringLiteral("loop.csv"), path("loop.csv")));
    ASSERT_TRUE(QFile::link(QStringLiteral("gone.csv"), path("dangling.csv")));
    ASSERT_TRUE(writeFile(path("two-boms.csv"), "\xEF\xBB\xBF\xEF\xBB\xBFx1,x2,label\n0,0,0\n"));
    ASSERT_TRUE(writeFile(path("signs.csv"), "x1,x2,label\n0,0,+-1\n1,1,1\n"));
    const struct
    {
        const char* arguments;
        const char* message;
    } cases[] = {
        {"train --data loop.csv",
         "perceptron-lab: loop.csv: a loop of symbolic links (a link that leads back to itself)\n"},
        {"train --data dangling.csv",
         "perceptron-lab: dangling.csv: a symbolic link to a file that does not exist\n"},
        {"train --data two-boms.csv",
         "perceptron-lab: two-boms.csv:1: two byte order marks at the start (the bytes EF BB BF "
         "twice): remove one\n"},
        {"train --data signs.csv",
         "perceptron-lab: signs.csv:2: label: the label must be a class 0 to 7 (or -1 or +1 for "
         "two classes), found \"+-1\"\n"},
        {"train --data and.csv --lr --epochs 5",
         "perceptron-lab: --lr needs a value (found the option \"--epochs\")\n"},
        {"train --data", "perceptron-lab: --data needs a value\n"},
        {"export --data and.csv --out", "perceptron-lab: --out needs a value\n"},
        {"train --data and.csv --no-bias=yes", "perceptron-lab: --no-bias takes no value\n"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.arguments);
        const ProcessResult r = run(words(c.arguments), folder());
        EXPECT_EQ(r.exitCode, 2);
        EXPECT_EQ(QString::fromUtf8(r.err), QString::fromUtf8(c.message));
    }
}

TEST_F(Files, ControlCharactersInFileNamesAreShownNotObeyed)
{
    // A name that would turn the terminal red and clear it.
    const QString name = QStringLiteral("a\x1B[31mred\x1B[2J.csv");
    ASSERT_TRUE(writeFile(m_dir.filePath(name), "x1,x2,label\n0,0,9\n"));
    for (const QStringList& arguments :
         {QStringList{QStringLiteral("train"), QStringLiteral("--data"), name},
          QStringList{QStringLiteral("train"), QStringLiteral("--data"), QStringLiteral("and.csv"),
                      QStringLiteral("--trace"), name + QStringLiteral("/trace.jsonl")},
          QStringList{QStringLiteral("export"), QStringLiteral("--data"), name,
                      QStringLiteral("--out"), QStringLiteral("x.png")}}) {
        const ProcessResult r = run(arguments, folder());
        EXPECT_EQ(r.exitCode, 2);
        EXPECT_FALSE(r.err.contains('\x1B')) << r.err.toStdString();
        EXPECT_TRUE(r.err.contains("a\\x1B[31mred\\x1B[2J.csv")) << r.err.toStdString();
        EXPECT_EQ(r.err.count('\n'), 1);
    }
    const ProcessResult r =
        run({QStringLiteral("train"), QStringLiteral("--data"), name}, folder());
    EXPECT_EQ(r.err, QByteArray("perceptron-lab: a\\x1B[31mred\\x1B[2J.csv:2: label: the label "
                                "must be a class 0 to 7 (or -1 or +1 for two classes), found "
                                "\"9\"\n"));
}

TEST_F(Files, FramesIntoAMissingFolderAreRefused)
{
    const QStringList before = entries(folder());
    expectOneLineError(run(words("export --data and.csv --layout frames --out nodir/"), folder()),
                       QStringLiteral("nodir/: cannot be written: the folder does not exist"));
    EXPECT_EQ(entries(folder()), before); // not "nodir-epoch000.png" here instead
    // A frame's name taken by something that is not a regular file: refused, left as it is.
    ASSERT_TRUE(QDir(folder()).mkdir(QStringLiteral("frames")));
    ASSERT_EQ(::mkfifo(QFile::encodeName(path("frames/epoch002.png")).constData(), 0600), 0);
    expectOneLineError(run(words("export --data and.csv --layout frames --out frames/"), folder()),
                       QStringLiteral("frames/epoch002.png: cannot be written: this is not a "
                                      "regular file, and numbered frames replace only regular "
                                      "files"));
    EXPECT_EQ(entries(path("frames")), QStringList{QStringLiteral("epoch002.png")});
    EXPECT_EQ(typeOf(path("frames/epoch002.png")), S_IFIFO);
    // A link to a regular frame stays a link; the frame it leads to is replaced.
    ASSERT_TRUE(QFile::remove(path("frames/epoch002.png")));
    ASSERT_TRUE(writeFile(path("old.png"), "old"));
    ASSERT_TRUE(QFile::link(QStringLiteral("../old.png"), path("frames/epoch002.png")));
    const ProcessResult ok =
        run(words("export --data and.csv --layout frames --out frames/"), folder());
    EXPECT_EQ(ok.exitCode, 0) << ok.err.toStdString();
    EXPECT_EQ(typeOf(path("frames/epoch002.png")), S_IFLNK);
    EXPECT_TRUE(readAll(path("old.png")).startsWith("\x89PNG"));
}

TEST_F(Files, ATitleWithControlCharactersStillMakesWellFormedSvg)
{
    const QString title = QStringLiteral("Lesson\x01 3\x1B[1m <&>");
    for (const char* layout : {"single", "storyboard"}) {
        SCOPED_TRACE(layout);
        const ProcessResult r =
            run({QStringLiteral("export"), QStringLiteral("--data"), QStringLiteral("and.csv"),
                 QStringLiteral("--layout"), QString::fromLatin1(layout), QStringLiteral("--title"),
                 title, QStringLiteral("--out"), QStringLiteral("lesson.svg")},
                folder());
        ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
        QDomDocument svg;
        QString error;
        int line = 0;
        ASSERT_TRUE(svg.setContent(readAll(path("lesson.svg")), &error, &line))
            << error.toStdString() << " at line " << line;
        EXPECT_EQ(svg.documentElement().firstChildElement(QStringLiteral("title")).text(),
                  QStringLiteral("Lesson\\x01 3\\x1B[1m <&>"));
    }
    // A file name with them, used as the document title when there is none.
    const QString name = QStringLiteral("and\x02.csv");
    ASSERT_TRUE(QFile::copy(path("and.csv"), m_dir.filePath(name)));
    const ProcessResult r = run({QStringLiteral("export"), QStringLiteral("--data"), name,
                                 QStringLiteral("--out"), QStringLiteral("named.svg")},
                                folder());
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    QDomDocument svg;
    ASSERT_TRUE(svg.setContent(readAll(path("named.svg"))));
    EXPECT_EQ(svg.documentElement().firstChildElement(QStringLiteral("title")).text(),
              QStringLiteral("and\\x02.csv"));
}

} // namespace

int main(int argc, char** argv)
{
    // QProcess wants an application object; the tests need no event loop beyond waitFor*().
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
