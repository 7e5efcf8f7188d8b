// Files as the operating system has them (docs/robustness.md, "Outputs and special files"):
// OutputFile replaces regular files atomically (through links, which stay links), writes devices
// and named pipes directly and never replaces them, and reports every failed write with the
// system's reason; sameFile() sees through links; the readers refuse what is not a regular file
// without blocking (the window) or read pipes (the command line); messages name what is really
// wrong; quoting a huge line costs no copy of it.
//
// Every device, pipe and link is made in a temporary folder: a mistake here replaces a node of
// our own, never /dev/null (a device node needs root; without it the test writes /dev/null and
// /dev/full themselves, which an ordinary user cannot replace, and checks they are still devices).

#include "io/datasetfile.h"
#include "io/outputfile.h"
#include "io/projectfile.h"
#include "io/textfile.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <thread>
#include <unistd.h>

namespace plab::io {
namespace {

QByteArray native(const QString& path)
{
    return QFile::encodeName(path);
}

bool writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// The file type of \p path itself (S_IFREG, S_IFLNK, ...), 0 when there is nothing.
mode_t typeOf(const QString& path)
{
    struct stat status = {};
    return ::lstat(native(path).constData(), &status) == 0 ? (status.st_mode & S_IFMT) : 0;
}

QString makeFifo(const QTemporaryDir& dir, const char* name)
{
    const QString path = dir.filePath(QString::fromLatin1(name));
    EXPECT_EQ(::mkfifo(native(path).constData(), 0600), 0) << std::strerror(errno);
    return path;
}

/// A character device like /dev/null (1, 3) or /dev/full (1, 7) of our own in \p dir; without
/// the right to make one, the system's own (which this user cannot replace either).
QString deviceNode(const QTemporaryDir& dir, const char* name, unsigned minor)
{
    const QString path = dir.filePath(QString::fromLatin1(name));
    if (::mknod(native(path).constData(), S_IFCHR | 0666, makedev(1, minor)) == 0)
        return path;
    return QStringLiteral("/dev/") + QString::fromLatin1(name);
}

/// Reads a named pipe to its end on another thread, as the program at its other end would.
class PipeReader
{
public:
    explicit PipeReader(const QString& path)
        : m_thread([this, file = native(path)] {
              const int fd = ::open(file.constData(), O_RDONLY);
              if (fd < 0)
                  return;
              char buffer[4096];
              ssize_t n = 0;
              while ((n = ::read(fd, buffer, sizeof buffer)) > 0)
                  m_received.append(buffer, qsizetype(n));
              ::close(fd);
          })
    {}
    QByteArray finish()
    {
        m_thread.join();
        return m_received;
    }

private:
    QByteArray m_received;
    std::thread m_thread;
};

/// Writes \p content to \p path through an OutputFile: the first error, or nothing.
std::optional<SaveError> writeThrough(const QString& path, const QByteArray& content,
                                      OutputFile::PipeReader pipes = OutputFile::PipeReader::Wait)
{
    OutputFile file(path);
    if (auto error = file.open(pipes))
        return error;
    if (auto error = file.write(content))
        return error;
    return file.commit();
}

/// Files larger than \p bytes cannot be written while this lives (write() fails with EFBIG, as on
/// a full disk, but without needing one).
class FileSizeLimit
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        ::getrlimit(RLIMIT_FSIZE, &m_saved);
        m_previousHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit = m_saved;
        limit.rlim_cur = bytes;
        ::setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit()
    {
        ::setrlimit(RLIMIT_FSIZE, &m_saved);
        std::signal(SIGXFSZ, m_previousHandler);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

private:
    rlimit m_saved = {};
    void (*m_previousHandler)(int) = nullptr;
};

QStringList entries(const QTemporaryDir& dir)
{
    return QDir(dir.path())
        .entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
}

TEST(OutputFile, ReplacesARegularFileAtomicallyAndKeepsItsPermissions)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("out.json"));
    ASSERT_TRUE(writeFile(path, "old\n"));
    ASSERT_TRUE(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    OutputFile file(path);
    ASSERT_FALSE(file.open());
    ASSERT_FALSE(file.write("new\n"));
    EXPECT_EQ(readAll(path), QByteArray("old\n")); // nothing visible before commit()
    ASSERT_FALSE(file.commit());
    EXPECT_EQ(readAll(path), QByteArray("new\n"));
    EXPECT_EQ(QFile::permissions(path), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                            QFileDevice::ReadUser | QFileDevice::WriteUser);
    EXPECT_EQ(entries(dir), QStringList{QStringLiteral("out.json")});
}

TEST(OutputFile, WritesThroughSymbolicLinksWhichStayLinks)
{
    QTemporaryDir dir;
    ASSERT_TRUE(QDir(dir.path()).mkdir(QStringLiteral("real")));
    const QString target = dir.filePath(QStringLiteral("real/data.csv"));
    ASSERT_TRUE(writeFile(target, "old\n"));
    const QString link = dir.filePath(QStringLiteral("link.csv"));
    const QString chain = dir.filePath(QStringLiteral("chain.csv"));
    const QString folderLink = dir.filePath(QStringLiteral("folder"));
    ASSERT_TRUE(QFile::link(QStringLiteral("real/data.csv"), link));
    ASSERT_TRUE(QFile::link(QStringLiteral("link.csv"), chain));
    ASSERT_TRUE(QFile::link(QStringLiteral("real"), folderLink));

    ASSERT_FALSE(writeThrough(link, "one\n"));
    EXPECT_EQ(readAll(target), QByteArray("one\n"));
    ASSERT_FALSE(writeThrough(chain, "two\n"));
    EXPECT_EQ(readAll(target), QByteArray("two\n"));
    ASSERT_FALSE(writeThrough(folderLink + QStringLiteral("/data.csv"), "three\n"));
    EXPECT_EQ(readAll(target), QByteArray("three\n"));
    EXPECT_EQ(typeOf(link), S_IFLNK);
    EXPECT_EQ(typeOf(chain), S_IFLNK);
    EXPECT_EQ(typeOf(folderLink), S_IFLNK);
    EXPECT_EQ(typeOf(target), S_IFREG);
}

TEST(OutputFile, WritesDevicesDirectlyAndNeverReplacesThem)
{
    QTemporaryDir dir;
    const QString null = deviceNode(dir, "null", 3);
    const QString full = deviceNode(dir, "full", 7);
    EXPECT_FALSE(writeThrough(null, QByteArray(100'000, 'x')));
    const auto error = writeThrough(full, "x");
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->toString(),
              full + QStringLiteral(": cannot be written: ") + systemReason(ENOSPC));
    EXPECT_EQ(typeOf(null), S_IFCHR);
    EXPECT_EQ(typeOf(full), S_IFCHR);
    EXPECT_EQ(typeOf(QStringLiteral("/dev/null")), S_IFCHR);
    EXPECT_EQ(typeOf(QStringLiteral("/dev/full")), S_IFCHR);
}

TEST(OutputFile, AWriteThatAnEncoderIgnoredStillFailsTheCommit)
{
    QTemporaryDir dir;
    const QString full = deviceNode(dir, "full", 7);
    OutputFile file(full);
    ASSERT_FALSE(file.open());
    // As QPdfWriter does: write, and never look at the result.
    for (int i = 0; i < 100; ++i)
        file.device().write(QByteArray(10'000, 'x'));
    const auto error = file.commit();
    ASSERT_TRUE(error.has_value());
    EXPECT_TRUE(error->message.endsWith(systemReason(ENOSPC))) << error->message.toStdString();
}

TEST(OutputFile, FeedsANamedPipeAndLeavesItInPlace)
{
    QTemporaryDir dir;
    const QString fifo = makeFifo(dir, "pipe");
    PipeReader reader(fifo);
    const QByteArray content(300'000, 'p'); // more than a pipe holds: the reader must take it
    EXPECT_FALSE(writeThrough(fifo, content));
    EXPECT_EQ(reader.finish(), content);
    EXPECT_EQ(typeOf(fifo), S_IFIFO);
}

TEST(OutputFile, ANamedPipeNobodyReadsIsRefusedWhenWaitingIsNotAllowed)
{
    QTemporaryDir dir;
    const QString fifo = makeFifo(dir, "pipe");
    const auto error = writeThrough(fifo, "x", OutputFile::PipeReader::Refuse);
    ASSERT_TRUE(error.has_value());
    EXPECT_TRUE(error->message.contains(QStringLiteral("no program is reading")))
        << error->message.toStdString();
    EXPECT_EQ(typeOf(fifo), S_IFIFO);
    // saveAtomically() is what the window saves with: it never waits either.
    const auto saved = saveAtomically(fifo, "x");
    ASSERT_TRUE(saved.has_value());
    EXPECT_EQ(typeOf(fifo), S_IFIFO);
}

TEST(OutputFile, AFolderIsRefused)
{
    QTemporaryDir dir;
    const auto error = writeThrough(dir.path(), "x");
    ASSERT_TRUE(error.has_value());
    EXPECT_TRUE(error->message.contains(QStringLiteral("folder")));
}

TEST(OutputFile, AFailedWriteSaysWhyLeavesNoFileAndKeepsTheOldOne)
{
    QTemporaryDir dir;
    const QString fresh = dir.filePath(QStringLiteral("fresh.json"));
    const QString existing = dir.filePath(QStringLiteral("existing.json"));
    ASSERT_TRUE(writeFile(existing, "previous\n"));
    const QByteArray big(1 << 20, 'x');
    {
        const FileSizeLimit limit(64 * 1024);
        for (const QString& path : {fresh, existing}) {
            const auto error = writeThrough(path, big);
            ASSERT_TRUE(error.has_value());
            EXPECT_EQ(error->toString(),
                      path + QStringLiteral(": cannot be written: ") + systemReason(EFBIG));
        }
    }
    EXPECT_FALSE(QFile::exists(fresh));
    EXPECT_EQ(readAll(existing), QByteArray("previous\n"));
    EXPECT_EQ(entries(dir), QStringList{QStringLiteral("existing.json")}); // no temporary left
}

TEST(SameFile, SeesThroughLinksHardLinksFoldersAndProcPaths)
{
    QTemporaryDir dir;
    const QString input = dir.filePath(QStringLiteral("and.csv"));
    ASSERT_TRUE(writeFile(input, "x1,x2,label\n"));
    const QString other = dir.filePath(QStringLiteral("or.csv"));
    ASSERT_TRUE(writeFile(other, "x1,x2,label\n"));
    const QString link = dir.filePath(QStringLiteral("link.csv"));
    ASSERT_TRUE(QFile::link(QStringLiteral("and.csv"), link));
    const QString hard = dir.filePath(QStringLiteral("hard.csv"));
    ASSERT_EQ(::link(native(input).constData(), native(hard).constData()), 0);
    ASSERT_TRUE(QDir(dir.path()).mkdir(QStringLiteral("sub")));
    ASSERT_TRUE(QFile::link(dir.path(), dir.filePath(QStringLiteral("sub/up"))));

    EXPECT_TRUE(sameFile(input, input));
    EXPECT_TRUE(sameFile(link, input));
    EXPECT_TRUE(sameFile(hard, input));
    EXPECT_TRUE(sameFile(dir.filePath(QStringLiteral("sub/up/and.csv")), input));
    EXPECT_TRUE(sameFile(dir.filePath(QStringLiteral("sub/../and.csv")), input));
    const QString cwd = QDir::currentPath();
    ASSERT_TRUE(QDir::setCurrent(dir.path()));
    EXPECT_TRUE(sameFile(QStringLiteral("/proc/self/cwd/and.csv"), QStringLiteral("and.csv")));
    EXPECT_TRUE(sameFile(QStringLiteral("new.json"), QStringLiteral("./sub/../new.json")));
    ASSERT_TRUE(QDir::setCurrent(cwd));
    EXPECT_FALSE(sameFile(other, input));
    EXPECT_FALSE(sameFile(dir.filePath(QStringLiteral("new.json")), input));

    // Not yet there: the same place, also through a dangling link.
    const QString dangling = dir.filePath(QStringLiteral("dangling.json"));
    ASSERT_TRUE(QFile::link(QStringLiteral("out.json"), dangling));
    EXPECT_TRUE(sameFile(dangling, dir.filePath(QStringLiteral("sub/up/out.json"))));
    EXPECT_FALSE(sameFile(dangling, dir.filePath(QStringLiteral("other.json"))));

    // Writing a character device or a pipe replaces nothing: never "the same file".
    EXPECT_FALSE(sameFile(QStringLiteral("/dev/null"), QStringLiteral("/dev/null")));
    const QString fifo = makeFifo(dir, "pipe");
    EXPECT_FALSE(sameFile(fifo, fifo));
}

TEST(ReadWholeFile, TheWindowRefusesWhatIsNotARegularFileAtOnce)
{
    QTemporaryDir dir;
    const QString fifo = makeFifo(dir, "data.csv"); // no program writes into it
    const QString null = deviceNode(dir, "null", 3);
    QElapsedTimer timer;
    timer.start();
    const Result<QByteArray, LoadError> fromFifo = readWholeFile(fifo);
    ASSERT_FALSE(fromFifo.has_value());
    EXPECT_EQ(fromFifo.error().toString(),
              fifo + QStringLiteral(": this is a named pipe (FIFO), not a regular file"));
    const Result<QByteArray, LoadError> fromDevice = readWholeFile(null);
    ASSERT_FALSE(fromDevice.has_value());
    EXPECT_EQ(fromDevice.error().message, QStringLiteral("this is a device, not a regular file"));
    const Result<learning::Dataset, LoadError> data = readDatasetCsv(fifo);
    ASSERT_FALSE(data.has_value());
    EXPECT_TRUE(data.error().message.contains(QStringLiteral("named pipe")));
    const Result<Project, LoadError> project = readProject(fifo);
    ASSERT_FALSE(project.has_value());
    EXPECT_LT(timer.elapsed(), 5'000); // (a blocking open() would never return at all)
    EXPECT_EQ(typeOf(fifo), S_IFIFO);
}

TEST(ReadWholeFile, TheCommandLineReadsPipesAndDevices)
{
    QTemporaryDir dir;
    const QString fifo = makeFifo(dir, "data.csv");
    std::thread writer([file = native(fifo)] {
        const int fd = ::open(file.constData(), O_WRONLY);
        const char text[] = "x1,x2,label\n0,0,0\n1,1,1\n";
        EXPECT_EQ(::write(fd, text, sizeof text - 1), ssize_t(sizeof text - 1));
        ::close(fd);
    });
    const Result<learning::Dataset, LoadError> data = readDatasetCsv(fifo, Streams::Accept);
    writer.join();
    ASSERT_TRUE(data.has_value()) << data.error().toString().toStdString();
    EXPECT_EQ(data.value().size(), 2u);
    const Result<QByteArray, LoadError> empty =
        readWholeFile(deviceNode(dir, "null", 3), Streams::Accept);
    ASSERT_TRUE(empty.has_value());
    EXPECT_TRUE(empty.value().isEmpty());
}

TEST(ReadWholeFile, LinksThatLeadNowhereAreNamedForWhatTheyAre)
{
    QTemporaryDir dir;
    const QString loop = dir.filePath(QStringLiteral("loop.csv"));
    ASSERT_TRUE(QFile::link(QStringLiteral("loop.csv"), loop));
    const QString dangling = dir.filePath(QStringLiteral("dangling.csv"));
    ASSERT_TRUE(QFile::link(QStringLiteral("gone.csv"), dangling));
    for (const Streams streams : {Streams::Refuse, Streams::Accept}) {
        EXPECT_EQ(readWholeFile(loop, streams).error().message,
                  QStringLiteral("a loop of symbolic links (a link that leads back to itself)"));
        EXPECT_EQ(readWholeFile(dangling, streams).error().message,
                  QStringLiteral("a symbolic link to a file that does not exist"));
    }
    // And an output through the loop says the same, instead of some temporary file's trouble.
    const auto error = writeThrough(loop, "x");
    ASSERT_TRUE(error.has_value());
    EXPECT_TRUE(error->message.contains(QStringLiteral("a loop of symbolic links")));
}

TEST(ReadWholeFile, TheProgramsOwnResourcesAreRead)
{
    // The window and the demo open the bundled examples from ":/examples/..."; this test has the
    // AND example as such a resource, byte for byte the file in resources/examples.
    const Result<QByteArray, LoadError> csv = readWholeFile(QStringLiteral(":/examples/and.csv"));
    ASSERT_TRUE(csv.has_value()) << csv.error().toString().toStdString();
    QFile original(QStringLiteral(PLAB_EXAMPLES_DIR "/and.csv"));
    ASSERT_TRUE(original.open(QIODevice::ReadOnly));
    EXPECT_FALSE(csv.value().isEmpty());
    EXPECT_EQ(csv.value(), original.readAll());
}

TEST(TextProblems, ASecondByteOrderMarkIsNamedAsSuch)
{
    const QByteArray bom = "\xEF\xBB\xBF";
    const Result<learning::Dataset, LoadError> csv = readDatasetCsvText(
        QByteArray(bom + bom + "x1,x2,label\n0,0,0\n"), QStringLiteral("two.csv"));
    ASSERT_FALSE(csv.has_value());
    EXPECT_EQ(csv.error().toString(), QStringLiteral("two.csv:1: two byte order marks at the start "
                                                     "(the bytes EF BB BF twice): remove one"));
    const Result<Project, LoadError> json =
        readProjectText(QByteArray(bom + bom + "{}"), QStringLiteral("two.json"));
    ASSERT_FALSE(json.has_value());
    EXPECT_TRUE(json.error().message.startsWith(QStringLiteral("two byte order marks")));
    // One is fine.
    EXPECT_TRUE(
        readDatasetCsvText(QByteArray(bom + "x1,x2,label\n0,0,0\n"), QStringLiteral("one.csv"))
            .has_value());
}

TEST(TextProblems, ALabelHasOneSignAtMost)
{
    for (const char* label : {"+-1", "-+1", "++1", "--1", "+ 1"}) {
        const Result<learning::Dataset, LoadError> data = readDatasetCsvText(
            QByteArray(QByteArray("x1,x2,label\n0,0,") + label + "\n"), QStringLiteral("d.csv"));
        ASSERT_FALSE(data.has_value()) << label;
        EXPECT_EQ(data.error().line, 2) << label;
        EXPECT_EQ(data.error().field, QStringLiteral("label")) << label;
    }
    const Result<learning::Dataset, LoadError> signs =
        readDatasetCsvText("x1,x2,label\n0,0,-1\n1,1,+1\n", QStringLiteral("d.csv"));
    ASSERT_TRUE(signs.has_value());
    EXPECT_EQ(signs.value().label(0), 0);
    EXPECT_EQ(signs.value().label(1), 1);
}

TEST(TextProblems, ExcerptReadsOnlyWhatItQuotes)
{
    // 64 MiB of address space of which only the first page may be touched: reading (or decoding)
    // any further than the quote needs ends the test with a segmentation fault.
    const std::size_t size = std::size_t(64) << 20;
    const long page = ::sysconf(_SC_PAGESIZE);
    void* memory = ::mmap(nullptr, size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    ASSERT_NE(memory, MAP_FAILED);
    ASSERT_EQ(::mprotect(memory, std::size_t(page), PROT_READ | PROT_WRITE), 0);
    auto* bytes = static_cast<char*>(memory);
    std::memset(bytes, 'a', std::size_t(page));
    std::memcpy(bytes + 38, "\xC3\xA9", 2); // é across the cut at 40 characters
    const QString quoted = excerpt(QByteArrayView(bytes, qsizetype(size)), 40);
    EXPECT_EQ(quoted, QString(38, u'a') + QChar(0xE9) + u'a' + QChar(0x2026));
    ::munmap(memory, size);
}

/// The peak resident memory of this process since resetPeak(), in bytes (Linux), or -1.
qint64 peakResidentBytes()
{
    for (const QByteArray& line : readAll(QStringLiteral("/proc/self/status")).split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').constFirst().toLongLong() * 1024;
    }
    return -1;
}

bool resetPeak()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    return clear.open(QIODevice::WriteOnly) && clear.write("5") == 1;
}

TEST(TextProblems, RefusingAHugeSingleLineCostsNoCopyOfIt)
{
    // One 64 MiB line, with a non-ASCII character so that the UTF-8 check runs over it: the header
    // is wrong, and the message quotes 40 characters of it. Decoding the line to quote it (what
    // the reader once did) costs twice its size in UTF-16.
    QByteArray line(qsizetype(64) << 20, 'a');
    line.replace(0, 2, "\xC3\xA9");
    line[qsizetype(10) << 20] = '\xC3';
    line[(qsizetype(10) << 20) + 1] = '\xA9';
    if (!resetPeak() || peakResidentBytes() < 0)
        GTEST_SKIP() << "/proc/self/clear_refs or VmHWM is not available";
    const qint64 before = peakResidentBytes();
    const Result<learning::Dataset, LoadError> data =
        readDatasetCsvText(line, QStringLiteral("huge.csv"));
    const qint64 growth = peakResidentBytes() - before;
    ASSERT_FALSE(data.has_value());
    EXPECT_EQ(data.error().line, 1);
    EXPECT_EQ(data.error().field, QStringLiteral("header"));
    EXPECT_TRUE(data.error().message.endsWith(QString(39, u'a') + QChar(0x2026) + u'"'))
        << data.error().message.toStdString();
    EXPECT_LT(growth, qint64(8) << 20)
        << "the error path grew the process by " << growth << " bytes";
}

TEST(Printable, EscapesWhatATerminalOrXmlWouldNotShow)
{
    EXPECT_EQ(printable(QStringLiteral("a\x1B[31mred.csv")), QStringLiteral("a\\x1B[31mred.csv"));
    EXPECT_EQ(printable(QStringLiteral("t\tn\nr\r")), QStringLiteral("t\\tn\\nr\\r"));
    EXPECT_EQ(printable(QString(QChar(0x7F)) + QChar(0x85) + QChar(0x01)),
              QStringLiteral("\\x7F\\x85\\x01"));
    EXPECT_EQ(printable(QString(QChar(0x202E)) + QChar(0xFEFF)), QStringLiteral("\\u202E\\uFEFF"));
    const QString ordinary = QStringLiteral("Lektion ä 日本語 \\ \"x\"");
    EXPECT_EQ(printable(ordinary), ordinary);
    const QString once = printable(QStringLiteral("\x1B\n\u202E"));
    EXPECT_EQ(printable(once), once);
}

TEST(Printable, MessagesNeverCarryControlCharactersOfFileNames)
{
    const LoadError load{QStringLiteral("a\x1B[2Jb.csv"), 3, QStringLiteral("x1"),
                         QStringLiteral("not a number")};
    EXPECT_EQ(load.toString(), QStringLiteral("a\\x1B[2Jb.csv:3: x1: not a number"));
    const SaveError save{QStringLiteral("o\nut.json"), QStringLiteral("cannot be written")};
    EXPECT_EQ(save.toString(), QStringLiteral("o\\nut.json: cannot be written"));
}

} // namespace
} // namespace plab::io
