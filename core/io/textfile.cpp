#include "io/textfile.h"

#include "io/openretrying.h"
#include "io/outputfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>
#include <QUtf8StringView>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace plab::io {

namespace {

/// The translation context of this file's texts (lupdate reads the name from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(plab::io::TextFile)
};

} // namespace

namespace {

QString tooLarge()
{
    return Text::tr("the file is larger than %1 MiB").arg(kMaxFileBytes / (1024 * 1024));
}

/// Why stat() found nothing at \p path (errno \p error), in words.
QString missingReason(const QByteArray& path, int error)
{
    if (error == ELOOP)
        return Text::tr("a loop of symbolic links (a link that leads back to itself)");
    if (error == ENOENT) {
        struct stat link = {};
        if (::lstat(path.constData(), &link) == 0 && S_ISLNK(link.st_mode))
            return Text::tr("a symbolic link to a file that does not exist");
        return Text::tr("the file does not exist");
    }
    return Text::tr("the file cannot be read: %1").arg(systemReason(error));
}

/// What a file that is neither a folder nor a regular file is.
QString notRegular(mode_t mode)
{
    if (S_ISFIFO(mode))
        return Text::tr("this is a named pipe (FIFO), not a regular file");
    if (S_ISSOCK(mode))
        return Text::tr("this is a socket, not a regular file");
    return Text::tr("this is a device, not a regular file");
}

} // namespace

Result<QByteArray, LoadError> readWholeFile(const QString& path, Streams streams)
{
    const auto fail = [name = inputName(path, streams)](const QString& message) {
        return unexpected(LoadError{name, 0, QString(), message});
    };
    QFile file;
    if (path.startsWith(u':')) {
        // A resource built into the program: in memory, nothing can block.
        file.setFileName(path);
        if (!QFileInfo::exists(path))
            return fail(Text::tr("the file does not exist"));
        if (!file.open(QIODevice::ReadOnly))
            return fail(Text::tr("the file cannot be read: %1").arg(file.errorString()));
    } else if (streams == Streams::Accept && path == u"-") {
        if (!file.open(STDIN_FILENO, QIODevice::ReadOnly, QFileDevice::DontCloseHandle))
            return fail(Text::tr("the file cannot be read: %1").arg(file.errorString()));
    } else {
        const QByteArray native = QFile::encodeName(path);
        struct stat status = {};
        if (::stat(native.constData(), &status) != 0)
            return fail(missingReason(native, errno));
        if (S_ISDIR(status.st_mode))
            return fail(Text::tr("this is a folder, not a file"));
        const bool regularOnly = streams == Streams::Refuse;
        if (regularOnly && !S_ISREG(status.st_mode))
            return fail(notRegular(status.st_mode));
        // Without waiting when only regular files will do: should the path have become a named
        // pipe since stat(), open() still returns at once, and fstat() below tells.
        const int fd = detail::openRetrying(native, O_RDONLY | O_CLOEXEC | O_NOCTTY |
                                                        (regularOnly ? O_NONBLOCK : 0));
        if (fd < 0)
            return fail(Text::tr("the file cannot be read: %1").arg(systemReason(errno)));
        if (regularOnly && (::fstat(fd, &status) != 0 || !S_ISREG(status.st_mode))) {
            ::close(fd);
            return fail(notRegular(status.st_mode));
        }
        if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
            ::close(fd);
            return fail(Text::tr("the file cannot be read: %1").arg(file.errorString()));
        }
    }
    // Read at most one byte more than the limit: this also bounds endless devices and pipes,
    // whose size() says nothing.
    QByteArray content = file.read(kMaxFileBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return fail(Text::tr("the file cannot be read: %1").arg(file.errorString()));
    if (content.size() > kMaxFileBytes)
        return fail(tooLarge());
    return content;
}

Result<QByteArrayView, LoadError> checkedText(QByteArrayView text, const QString& fileName)
{
    if (text.size() > kMaxFileBytes)
        return unexpected(LoadError{fileName, 0, QString(), tooLarge()});
    text = withoutBom(text);
    if (const auto problem = findEncodingProblem(text))
        return unexpected(LoadError{fileName, problem->line, QString(), problem->message});
    return text;
}

QString inputName(const QString& path, Streams streams)
{
    return streams == Streams::Accept && path == u"-" ? Text::tr("standard input") : path;
}

QByteArrayView withoutBom(QByteArrayView text)
{
    return text.startsWith("\xEF\xBB\xBF") ? text.sliced(3) : text;
}

std::optional<TextProblem> findEncodingProblem(QByteArrayView text)
{
    // A byte order mark that is still there after withoutBom(): the quoted text would hide it.
    if (text.startsWith("\xEF\xBB\xBF"))
        return TextProblem{1, Text::tr("two byte order marks at the start (the bytes EF BB BF "
                                       "twice): remove one")};
    int line = 1;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        const void* const newline = std::memchr(text.data() + i, '\n', std::size_t(n - i));
        const qsizetype end =
            newline ? qsizetype(static_cast<const char*>(newline) - text.data()) : n;
        const QByteArrayView lineText = text.sliced(i, end - i);
        bool ascii = true;
        for (const char c : lineText) {
            if (c == '\0')
                return TextProblem{line, Text::tr("binary data (a NUL byte): not a text file")};
            ascii = ascii && static_cast<unsigned char>(c) < 0x80;
        }
        // Validated in place: decoding a long line would copy it.
        if (!ascii && !QUtf8StringView(lineText.data(), lineText.size()).isValidUtf8())
            return TextProblem{line, Text::tr("bytes that are not UTF-8 text (a binary file?)")};
        i = end + 1;
        ++line;
    }
    return std::nullopt;
}

QString excerpt(QByteArrayView text, qsizetype maxChars)
{
    // Every three bytes hold at least one UTF-16 unit, so this prefix holds more than maxChars
    // of them whenever it is shorter than the text. The decoder keeps a sequence cut at its end
    // to itself instead of showing a replacement character.
    const qsizetype budget = 3 * (maxChars + 2);
    const bool cut = text.size() > budget;
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString out = decoder.decode(cut ? text.first(budget) : text);
    for (QChar& c : out) {
        if (c.category() == QChar::Other_Control)
            c = u'?';
    }
    if (out.size() > maxChars || cut)
        out = out.left(maxChars) + QChar(0x2026);
    return out;
}

QString printable(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'\t') {
            out += QLatin1StringView("\\t");
        } else if (u == u'\n') {
            out += QLatin1StringView("\\n");
        } else if (u == u'\r') {
            out += QLatin1StringView("\\r");
        } else if (u < 0x20 || (u >= 0x7F && u < 0xA0)) {
            out += QStringLiteral("\\x") + QString::number(u, 16).toUpper().rightJustified(2, u'0');
        } else if ((u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069) || u == 0x200E ||
                   u == 0x200F || u == 0x061C || u == 0xFEFF) {
            // Bidirectional overrides reorder what the terminal shows; the BOM is invisible.
            out += QStringLiteral("\\u") + QString::number(u, 16).toUpper().rightJustified(4, u'0');
        } else {
            out += c;
        }
    }
    return out;
}

std::optional<SaveError> saveAtomically(const QString& path, const QByteArray& content)
{
    OutputFile file(path);
    if (auto error = file.open(OutputFile::PipeReader::Refuse))
        return error;
    if (auto error = file.write(content))
        return error;
    return file.commit();
}

} // namespace plab::io
