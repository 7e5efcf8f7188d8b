#pragma once

#include "io/loaderror.h"

#include <QByteArrayView>
#include <QString>

#include <memory>
#include <optional>

class QFileDevice;
class QIODevice;

namespace plab::io {

/// \file
/// Writing an output without destroying anything (docs/robustness.md, "Outputs"):
///
/// - a regular file, or a new one, is replaced atomically (QSaveFile): a complete new file
///   appears, or the previous one stays untouched. A symbolic link to a regular file stays a link:
///   the file it leads to is replaced (also through symlinked folders and /proc/self/cwd);
/// - anything else that exists (a device such as /dev/null or /dev/full, a terminal, a named
///   pipe) is written directly and is never replaced, removed or truncated by a rename;
/// - a folder is refused;
/// - every write is checked; the first failure is kept (with the operating system's reason, e.g.
///   "No space left on device") and reported by commit(), even when the writer that failed (a PDF
///   or GIF encoder writing into device()) ignored it; a regular file that failed leaves nothing
///   behind.

/// An output file, or standard output, written under the rules above.
class OutputFile
{
public:
    /// What open() does with a named pipe that no program reads yet.
    enum class PipeReader
    {
        Wait,   ///< wait for the reader, as any command-line tool does
        Refuse, ///< refuse it at once (the window, which must never block)
    };

    /// An output to the file \p path (no special meaning for "-").
    explicit OutputFile(QString path);
    /// An output into \p device, already open for writing (standard output), called \p name in
    /// messages. The device is flushed by commit() but never closed.
    OutputFile(QIODevice& device, QString name);
    /// Discards what was not committed.
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    /// Opens the output: for a regular or new file, its temporary copy beside the target.
    [[nodiscard]] std::optional<SaveError> open(PipeReader pipeReader = PipeReader::Wait);
    /// The device to write into, for writers that take a QIODevice. Precondition: open() succeeded.
    [[nodiscard]] QIODevice& device();
    /// Writes all of \p bytes, or returns why not.
    [[nodiscard]] std::optional<SaveError> write(QByteArrayView bytes);
    /// Flushes and, for a regular file, renames it into place. Fails (and discards) when any write
    /// since open() failed.
    [[nodiscard]] std::optional<SaveError> commit();
    /// The first write that failed since open(), if any (through write() or device()).
    [[nodiscard]] std::optional<SaveError> writeError() const;
    /// Gives up: the temporary copy of a regular file is removed (nothing appears). What a device
    /// or a pipe received cannot be taken back.
    void discard();

private:
    [[nodiscard]] SaveError failure(const QString& reason) const;
    /// The first write error the device has seen, if any.
    [[nodiscard]] std::optional<QString> deviceError() const;

    class CheckedWriter;

    QString m_path;                          ///< the path as given, for messages
    std::unique_ptr<QFileDevice> m_file;     ///< a QSaveFile (atomic) or a QFile (direct)
    QIODevice* m_target = nullptr;           ///< m_file, or the device given (standard output)
    std::unique_ptr<CheckedWriter> m_writer; ///< every write goes through it once open
    bool m_atomic = false;
};

/// Whether writing \p a would destroy what \p b holds, or the other way round: both name the same
/// regular file (or block device), compared by device and inode after following symbolic links, so
/// links, hard links, symlinked folders and /proc/self/cwd paths are all seen through; or, when
/// neither exists yet, the same path once its folders are resolved. A character device (a
/// terminal, /dev/null) or a pipe is never "the same" here: writing it replaces nothing.
[[nodiscard]] bool sameFile(const QString& a, const QString& b);

/// The operating system's description of the error number \p error ("No space left on device").
[[nodiscard]] QString systemReason(int error);

} // namespace plab::io
