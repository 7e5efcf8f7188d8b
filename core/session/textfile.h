#pragma once

#include "loaderror.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace plab::session {

/// Files larger than this are refused before they are parsed (256 MiB: two million points in
/// either format need well under half of it).
inline constexpr qint64 kMaxFileBytes = qint64(256) * 1024 * 1024;

/// Reads the whole of \p path, refusing missing, unreadable and oversized files. The error names
/// the file; `line` is 0.
[[nodiscard]] Result<QByteArray> readWholeFile(const QString& path);

/// \p text without a leading UTF-8 byte order mark.
[[nodiscard]] QByteArrayView withoutBom(QByteArrayView text);

/// The first line (1-based) holding a NUL byte or bytes that are not UTF-8, with the reason; the
/// readers refuse binary files with it before parsing.
struct TextProblem
{
    int line = 0;
    QString message;
};
[[nodiscard]] std::optional<TextProblem> findBinaryContent(QByteArrayView text);

/// \p text for quoting in a one-line message: control characters replaced by '?', cut to
/// \p maxChars characters with an ellipsis.
[[nodiscard]] QString excerpt(QByteArrayView text, qsizetype maxChars = 40);

/// Writes \p content to \p path atomically (QSaveFile): either the whole new content is there, or
/// the previous file is untouched and the error says why.
[[nodiscard]] std::optional<SaveError> saveAtomically(const QString& path,
                                                      const QByteArray& content);

} // namespace plab::session
