#include "textfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStringDecoder>

#include <cstring>

namespace plab::session {

namespace {

/// The translation context of this file's texts (lupdate reads the name from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(plab::session::TextFile)
};

} // namespace

Result<QByteArray> readWholeFile(const QString& path)
{
    const auto fail = [&path](const QString& message) {
        return LoadError{path, 0, QString(), message};
    };
    const QFileInfo info(path);
    if (!info.exists())
        return fail(Text::tr("the file does not exist"));
    if (info.isDir())
        return fail(Text::tr("this is a folder, not a file"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Text::tr("the file cannot be read: %1").arg(file.errorString()));
    // Read at most one byte more than the limit: this also bounds endless devices and pipes,
    // whose size() says nothing.
    QByteArray content = file.read(kMaxFileBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return fail(Text::tr("the file cannot be read: %1").arg(file.errorString()));
    if (content.size() > kMaxFileBytes)
        return fail(Text::tr("the file is larger than %1 MiB").arg(kMaxFileBytes / (1024 * 1024)));
    return content;
}

QByteArrayView withoutBom(QByteArrayView text)
{
    return text.startsWith("\xEF\xBB\xBF") ? text.sliced(3) : text;
}

std::optional<TextProblem> findBinaryContent(QByteArrayView text)
{
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
        if (!ascii) {
            // A fresh stateless decoder per line, so the error flag belongs to this line.
            QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
            const QString decoded = decoder.decode(lineText);
            if (decoder.hasError())
                return TextProblem{line,
                                   Text::tr("bytes that are not UTF-8 text (a binary file?)")};
        }
        i = end + 1;
        ++line;
    }
    return std::nullopt;
}

QString excerpt(QByteArrayView text, qsizetype maxChars)
{
    QString out = QString::fromUtf8(text);
    for (QChar& c : out) {
        if (c.category() == QChar::Other_Control)
            c = u'?';
    }
    if (out.size() > maxChars)
        out = out.left(maxChars) + QChar(0x2026);
    return out;
}

std::optional<SaveError> saveAtomically(const QString& path, const QByteArray& content)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return SaveError{path, Text::tr("the file cannot be written: %1").arg(file.errorString())};
    if (file.write(content) != content.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return SaveError{path, Text::tr("the file cannot be written: %1").arg(reason)};
    }
    if (!file.commit())
        return SaveError{path, Text::tr("the file cannot be written: %1").arg(file.errorString())};
    return std::nullopt;
}

} // namespace plab::session
