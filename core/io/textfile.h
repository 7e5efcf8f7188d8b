#pragma once

#include "io/loaderror.h"
#include "learning/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace plab::io {

/// Files larger than this are refused before they are parsed (256 MiB: two million points in
/// either format need well under half of it).
inline constexpr qint64 kMaxFileBytes = qint64(256) * 1024 * 1024;

/// What a reader accepts besides regular files.
enum class Streams
{
    /// Regular files only (and the program's own resources, ":/..."): anything else (a named pipe,
    /// a device, a socket) is refused with a message saying what it is, and nothing ever blocks,
    /// because the file is opened without waiting and checked again once open. The window.
    Refuse,
    /// Also pipes, named pipes, devices and "-" for standard input, read as any command-line tool
    /// reads them (a named pipe waits for its writer). The command line: `--data <(generate)`.
    Accept,
};

/// Reads the whole of \p path, refusing missing, unreadable and oversized files, symbolic-link
/// loops, and (with Streams::Refuse) anything that is not a regular file. The error names the
/// file; `line` is 0.
[[nodiscard]] Result<QByteArray, LoadError> readWholeFile(const QString& path,
                                                          Streams streams = Streams::Refuse);

/// The name of \p path in messages: "standard input" for "-" when \p streams accepts it.
[[nodiscard]] QString inputName(const QString& path, Streams streams);

/// \p text without a leading UTF-8 byte order mark.
[[nodiscard]] QByteArrayView withoutBom(QByteArrayView text);

/// The first problem with \p text (after withoutBom()) as text: a second byte order mark at the
/// start, or the first line (1-based) holding a NUL byte or bytes that are not UTF-8, with the
/// reason. The readers refuse such files with it before parsing. Uses O(1) memory.
struct TextProblem
{
    int line = 0;
    QString message;
};
[[nodiscard]] std::optional<TextProblem> findEncodingProblem(QByteArrayView text);

/// \p text ready to parse, or why not: larger than kMaxFileBytes, or findEncodingProblem()'s
/// problem; the byte order mark removed. Every reader starts with it.
[[nodiscard]] Result<QByteArrayView, LoadError> checkedText(QByteArrayView text,
                                                            const QString& fileName);

/// \p text for quoting in a one-line message: control characters replaced by '?', cut to
/// \p maxChars characters with an ellipsis. Decodes only what it quotes: O(maxChars) time and
/// memory however long \p text is.
[[nodiscard]] QString excerpt(QByteArrayView text, qsizetype maxChars = 40);

/// \p text (a file name, a title) with every character that a terminal or an XML document would
/// not show as itself escaped visibly: control characters as \t, \n, \r or \xHH, the
/// bidirectional overrides and the byte order mark as \uHHHH. Everything else is unchanged, so
/// the result is stable: printable(printable(s)) == printable(s).
[[nodiscard]] QString printable(const QString& text);

/// Writes \p content to \p path under the rules of OutputFile (outputfile.h): a regular file is
/// replaced atomically (either the whole new content is there, or the previous file is untouched
/// and the error says why), a device or named pipe is written directly, never replaced, and a
/// named pipe nobody reads is refused rather than waited for.
[[nodiscard]] std::optional<SaveError> saveAtomically(const QString& path,
                                                      const QByteArray& content);

} // namespace plab::io
