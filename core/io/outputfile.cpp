#include "io/outputfile.h"

#include "io/openretrying.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace plab::io {

namespace {

/// The translation context of this file's texts (lupdate reads the name from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(plab::io::OutputFile)
};

/// Where \p path leads once it exists: dangling symbolic links followed, the folder resolved
/// (symbolic links, "..", /proc/self/cwd) as far as it exists.
QString resolvedPath(const QString& path)
{
    QFileInfo info(path);
    // A dangling link (or a chain of them) writes where it leads; the bound stops loops.
    for (int depth = 0; depth < 40 && info.isSymLink(); ++depth)
        info = QFileInfo(info.symLinkTarget());
    const QString folder = info.absoluteDir().canonicalPath();
    return folder.isEmpty() ? QDir::cleanPath(info.absoluteFilePath())
                            : folder + u'/' + info.fileName();
}

} // namespace

/// What every write goes through: gathered into blocks, each written to the end (the system may
/// take part of a block, on a full disk for instance, and says why only when asked for the rest),
/// the first failure kept with its reason. Encoders that ignore a failed write (QPdfWriter) cannot
/// lose it: commit() asks here.
class OutputFile::CheckedWriter final : public QIODevice
{
public:
    explicit CheckedWriter(QIODevice& target) : m_target(target)
    {
        QIODevice::open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    }

    [[nodiscard]] bool isSequential() const override { return true; }
    [[nodiscard]] const std::optional<QString>& firstError() const { return m_firstError; }

    /// Writes what is gathered. False after any failure.
    bool drain()
    {
        if (!m_buffer.isEmpty() && !m_firstError)
            writeAll(m_buffer.constData(), m_buffer.size());
        m_buffer.clear();
        return !m_firstError;
    }

protected:
    qint64 readData(char*, qint64) override { return -1; }

    qint64 writeData(const char* data, qint64 size) override
    {
        if (m_firstError)
            return -1;
        if (m_buffer.size() + size <= kBlockSize) {
            m_buffer.append(data, size);
            return size;
        }
        if (!drain() || !writeAll(data, size))
            return -1;
        return size;
    }

private:
    static constexpr qsizetype kBlockSize = qsizetype(64) * 1024;

    bool writeAll(const char* data, qint64 size)
    {
        for (qint64 done = 0; done < size;) {
            const qint64 written = m_target.write(data + done, size - done);
            if (written <= 0) {
                const QString reason = m_target.errorString();
                m_firstError = written < 0 && !reason.isEmpty()
                                   ? reason
                                   : Text::tr("the system accepted no more bytes");
                setErrorString(*m_firstError);
                return false;
            }
            done += written;
        }
        return true;
    }

    QIODevice& m_target;
    QByteArray m_buffer;
    std::optional<QString> m_firstError;
};

namespace {} // namespace

QString systemReason(int error)
{
    return QString::fromLocal8Bit(std::generic_category().message(error));
}

OutputFile::OutputFile(QString path) : m_path(std::move(path))
{}

OutputFile::OutputFile(QIODevice& device, QString name)
    : m_path(std::move(name)), m_target(&device), m_writer(std::make_unique<CheckedWriter>(device))
{}

OutputFile::~OutputFile()
{
    discard();
}

SaveError OutputFile::failure(const QString& reason) const
{
    return SaveError{m_path, Text::tr("cannot be written: %1").arg(reason)};
}

std::optional<SaveError> OutputFile::open(PipeReader pipeReader)
{
    if (m_writer)
        return std::nullopt; // a device given open (standard output), or opened before
    const QByteArray native = QFile::encodeName(m_path);
    struct stat status = {};
    if (::stat(native.constData(), &status) != 0 && errno != ENOENT) {
        return failure(errno == ELOOP ? Text::tr("a loop of symbolic links (a link that leads "
                                                 "back to itself)")
                                      : systemReason(errno));
    }
    const bool exists = status.st_mode != 0;
    if (exists && S_ISDIR(status.st_mode))
        return failure(Text::tr("this is a folder, not a file"));

    if (!exists || S_ISREG(status.st_mode)) {
        // Atomic replace. A link to a regular file (also through linked folders) stays a link:
        // the file it leads to is replaced. A new file is created where the path leads.
        const QString target = exists ? QFileInfo(m_path).canonicalFilePath() : m_path;
        auto file = std::make_unique<QSaveFile>(target.isEmpty() ? m_path : target);
        // Unbuffered: CheckedWriter gathers the blocks, and sees each system error itself.
        if (!file->open(QIODevice::WriteOnly | QIODevice::Unbuffered))
            return failure(file->errorString());
        m_file = std::move(file);
        m_atomic = true;
        m_target = m_file.get();
        m_writer = std::make_unique<CheckedWriter>(*m_target);
        return std::nullopt;
    }

    // A device or a named pipe: written directly, never created, truncated or replaced.
    const bool pipe = S_ISFIFO(status.st_mode);
    const bool refuseWithoutReader = pipe && pipeReader == PipeReader::Refuse;
    const int fd = detail::openRetrying(native, O_WRONLY | O_CLOEXEC | O_NOCTTY |
                                                    (refuseWithoutReader ? O_NONBLOCK : 0));
    if (fd < 0) {
        if (refuseWithoutReader && errno == ENXIO)
            return failure(Text::tr("no program is reading from this named pipe"));
        return failure(systemReason(errno));
    }
    if (refuseWithoutReader)
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK); // a reader is there: wait for it
    auto file = std::make_unique<QFile>();
    if (!file->open(fd, QIODevice::WriteOnly | QIODevice::Unbuffered,
                    QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return failure(file->errorString());
    }
    m_file = std::move(file);
    m_target = m_file.get();
    m_writer = std::make_unique<CheckedWriter>(*m_target);
    return std::nullopt;
}

QIODevice& OutputFile::device()
{
    Q_ASSERT(m_writer);
    return *m_writer;
}

std::optional<QString> OutputFile::deviceError() const
{
    return m_writer ? m_writer->firstError() : std::nullopt;
}

std::optional<SaveError> OutputFile::writeError() const
{
    const auto error = deviceError();
    return error ? std::optional<SaveError>(failure(*error)) : std::nullopt;
}

std::optional<SaveError> OutputFile::write(QByteArrayView bytes)
{
    if (!m_writer)
        return failure(Text::tr("the file is not open"));
    m_writer->write(bytes.data(), bytes.size());
    return writeError();
}

std::optional<SaveError> OutputFile::commit()
{
    if (!m_writer)
        return failure(Text::tr("the file is not open"));
    std::optional<QString> error;
    auto* file = qobject_cast<QFileDevice*>(m_target);
    if (!m_writer->drain())
        error = m_writer->firstError();
    else if (file && !file->flush())
        error = file->errorString();
    if (error) {
        discard();
        return failure(*error);
    }
    if (m_atomic) {
        auto* saveFile = static_cast<QSaveFile*>(m_file.get());
        if (!saveFile->commit()) {
            const QString reason = saveFile->errorString();
            discard();
            return failure(reason);
        }
    } else if (m_file) {
        m_file->close();
    }
    m_writer.reset();
    m_file.reset();
    m_target = nullptr;
    return std::nullopt;
}

void OutputFile::discard()
{
    if (m_atomic && m_file)
        static_cast<QSaveFile*>(m_file.get())->cancelWriting();
    m_writer.reset();
    m_file.reset(); // a QSaveFile that was not committed removes its temporary copy
    m_target = nullptr;
}

bool sameFile(const QString& a, const QString& b)
{
    struct stat sa = {};
    struct stat sb = {};
    const bool aExists = ::stat(QFile::encodeName(a).constData(), &sa) == 0;
    const bool bExists = ::stat(QFile::encodeName(b).constData(), &sb) == 0;
    if (aExists && bExists) {
        const bool replaceable = S_ISREG(sa.st_mode) || S_ISBLK(sa.st_mode);
        return replaceable && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    }
    if (aExists || bExists)
        return false;
    return resolvedPath(a) == resolvedPath(b);
}

} // namespace plab::io
