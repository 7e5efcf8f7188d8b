// The real MainWindow, offscreen, against files that are not regular files: it refuses a named
// pipe or a device at once with a message saying what it is (never blocking its GUI thread in
// open()), does not save into a pipe nobody reads, and saves through a symbolic link without
// replacing the link (docs/robustness.md, "Outputs and special files").
#include "editor/document.h"
#include "io/projectfile.h"
#include "support/windowtest.h"
#include "ui/mainwindow/mainwindow.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <fcntl.h>
#include <memory>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <thread>
#include <unistd.h>

using namespace plab;
using namespace plab::ui;
using namespace plab::editor;
using namespace Qt::StringLiterals;

namespace {

mode_t typeOf(const QString& path)
{
    struct stat status = {};
    return ::lstat(QFile::encodeName(path).constData(), &status) == 0 ? (status.st_mode & S_IFMT)
                                                                      : 0;
}

/// Should the window block in open() on \p fifo, opens the other end after a grace period, so
/// that a regression fails the test (it took too long) instead of hanging it for ever.
class Unblocker
{
public:
    Unblocker(const QString& fifo, int openFlags)
        : m_thread([this, name = QFile::encodeName(fifo), openFlags] {
              const auto start = std::chrono::steady_clock::now();
              while (!m_done && std::chrono::steady_clock::now() - start < std::chrono::seconds(5))
                  std::this_thread::sleep_for(std::chrono::milliseconds(10));
              while (!m_done) {
                  const int fd = ::open(name.constData(), openFlags | O_NONBLOCK);
                  if (fd >= 0) {
                      ::close(fd);
                      return;
                  }
                  std::this_thread::sleep_for(std::chrono::milliseconds(10));
              }
          })
    {}
    ~Unblocker()
    {
        m_done = true;
        m_thread.join();
    }
    Unblocker(const Unblocker&) = delete;
    Unblocker& operator=(const Unblocker&) = delete;

private:
    std::atomic<bool> m_done{false};
    std::thread m_thread;
};

class WindowFiles : public plab::test::WindowTest
{
protected:
    void SetUp() override
    {
        WindowTest::SetUp();
        m_window->generate(learning::Generator::And, learning::GeneratorParams{});
    }

    QString makeFifo(const QString& name) const
    {
        const QString path = m_files.filePath(name);
        EXPECT_EQ(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        return path;
    }
};

TEST_F(WindowFiles, ANamedPipeIsRefusedAtOnceAndTheDocumentStays)
{
    const std::size_t points = document()->data().size();
    ASSERT_GT(points, 0u);
    for (const QString& name : {u"data.csv"_s, u"lesson.json"_s}) {
        SCOPED_TRACE(name.toStdString());
        const QString fifo = makeFifo(name); // no program writes into it
        m_prompts->errors.clear();
        QElapsedTimer timer;
        timer.start();
        {
            const Unblocker unblocker(fifo, O_WRONLY);
            EXPECT_FALSE(m_window->openFile(fifo));
        }
        EXPECT_LT(timer.elapsed(), 2'000) << "the window blocked on the pipe";
        ASSERT_EQ(m_prompts->errors.size(), 1);
        const QString title =
            name.endsWith(u".csv"_s) ? u"Cannot Open Data Set: "_s : u"Cannot Open Project: "_s;
        EXPECT_EQ(m_prompts->errors.first(),
                  title + fifo + u": this is a named pipe (FIFO), not a regular file"_s);
        EXPECT_EQ(document()->data().size(), points);
        EXPECT_EQ(typeOf(fifo), S_IFIFO);
    }
}

TEST_F(WindowFiles, ADeviceIsRefused)
{
    // Our own null device when we may make one; reading the system's is as harmless.
    QString device = m_files.filePath(u"null.csv"_s);
    if (::mknod(QFile::encodeName(device).constData(), S_IFCHR | 0666, makedev(1, 3)) != 0)
        device = u"/dev/null"_s;
    EXPECT_FALSE(m_window->openFile(device));
    ASSERT_EQ(m_prompts->errors.size(), 1);
    EXPECT_TRUE(m_prompts->errors.first().endsWith(u"this is a device, not a regular file"_s))
        << m_prompts->errors.first().toStdString();
    EXPECT_EQ(typeOf(device), S_IFCHR);
}

TEST_F(WindowFiles, NothingIsSavedIntoAPipeNobodyReads)
{
    const QString fifo = makeFifo(u"out.json"_s);
    QElapsedTimer timer;
    timer.start();
    {
        const Unblocker unblocker(fifo, O_RDONLY);
        EXPECT_FALSE(m_window->saveProjectAs(fifo));
        EXPECT_FALSE(m_window->saveDataSetAs(fifo));
    }
    EXPECT_LT(timer.elapsed(), 2'000) << "the window blocked on the pipe";
    ASSERT_EQ(m_prompts->errors.size(), 2);
    EXPECT_EQ(m_prompts->errors.first(), u"Cannot Save Project: "_s + fifo +
                                             u": cannot be written: no program is reading from "
                                             u"this named pipe"_s);
    EXPECT_EQ(typeOf(fifo), S_IFIFO);
    EXPECT_TRUE(document()->isModified());
}

TEST_F(WindowFiles, SavingThroughASymbolicLinkKeepsTheLink)
{
    const QString target = m_files.filePath(u"lesson.json"_s);
    const QString link = m_files.filePath(u"link.json"_s);
    ASSERT_TRUE(QFile::link(u"lesson.json"_s, link));
    ASSERT_TRUE(m_window->saveProjectAs(link));
    EXPECT_TRUE(m_prompts->errors.isEmpty());
    EXPECT_EQ(typeOf(link), S_IFLNK);
    EXPECT_EQ(typeOf(target), S_IFREG);
    const Result<io::Project, io::LoadError> saved = io::readProject(target);
    ASSERT_TRUE(saved.has_value()) << saved.error().toString().toStdString();
    EXPECT_EQ(saved.value().data.size(), document()->data().size());
}

} // namespace
