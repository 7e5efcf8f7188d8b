#include "io/jsonfieldreader.h"

#include "io/numberformat.h"
#include "io/textfile.h"
#include "learning/settings.h"

#include <QCoreApplication>

#include <charconv>
#include <cmath>
#include <limits>

namespace plab::io {

namespace {

// The messages below write the coordinate limit out as "1e9".
static_assert(learning::kMaxCoordinate == 1e9);

/// The translation context of the project reader's texts (lupdate reads the name from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(plab::io::ProjectFile)
};

} // namespace

QString childPath(const QString& path, QByteArrayView key)
{
    return path.isEmpty() ? excerpt(key) : QStringLiteral("%1.%2").arg(path, excerpt(key));
}

bool JsonFieldReader::fail(int line, const QString& path, const QString& message)
{
    if (!m_error)
        m_error = LoadError{m_file, line, path, message};
    return false;
}

bool JsonFieldReader::syntaxFail(const JsonCursor& cursor)
{
    return fail(cursor.errorLine(), QString(), Text::tr("not valid JSON: %1").arg(cursor.error()));
}

bool JsonFieldReader::typeFail(int line, const QString& path, const QString& expected, Kind found)
{
    return fail(line, path,
                Text::tr("expected %1, found %2").arg(expected, JsonCursor::describe(found)));
}

bool JsonFieldReader::failNotObject(int line, const JsonPath& path, Kind found)
{
    return typeFail(line, path.text(), Text::tr("an object"), found);
}

bool JsonFieldReader::failKey(int line, const JsonPath& object, QByteArrayView key, bool repeated)
{
    return fail(line, childPath(object.text(), key),
                repeated ? Text::tr("this key appears twice") : Text::tr("unknown key"));
}

bool JsonFieldReader::failMissing(int line, const JsonPath& object, QByteArrayView key)
{
    return fail(line, childPath(object.text(), key), Text::tr("missing"));
}

bool JsonFieldReader::failUnknownName(int line, const QString& path, QByteArrayView name,
                                      const std::string& names)
{
    return fail(line, path,
                Text::tr("unknown name \"%1\" (expected one of: %2)")
                    .arg(excerpt(name), QString::fromStdString(names)));
}

bool JsonFieldReader::readString(const QString& path, QByteArray& out)
{
    const Kind kind = m_cursor.peek();
    if (kind != Kind::String)
        return typeFail(m_cursor.line(), path, Text::tr("a string"), kind);
    return m_cursor.readString(out) || syntaxFail();
}

bool JsonFieldReader::readDouble(const JsonPath& path, double& out)
{
    using S = ParsedNumber::Status;
    const Kind kind = m_cursor.peek();
    const int line = m_cursor.line();
    if (kind != Kind::Number)
        return typeFail(line, path.text(), Text::tr("a number"), kind);
    QByteArrayView text;
    if (!m_cursor.readNumber(text))
        return syntaxFail();
    const ParsedNumber number = parseDouble(text);
    switch (number.status) {
    case S::Ok:
        out = number.value;
        return true;
    case S::Overflow:
        return fail(line, path.text(), Text::tr("the number %1 is too large").arg(excerpt(text)));
    case S::Underflow:
        return fail(line, path.text(),
                    Text::tr("the number %1 is too small to be stored (closer to zero than "
                             "1e-308)")
                        .arg(excerpt(text)));
    case S::Invalid:
    case S::NotFinite:
        break;
    }
    return fail(line, path.text(), Text::tr("not a number: %1").arg(excerpt(text)));
}

bool JsonFieldReader::readCoordinate(const JsonPath& path, double& out)
{
    const int line = m_cursor.line();
    if (!readDouble(path, out))
        return false;
    if (std::abs(out) > learning::kMaxCoordinate)
        return fail(
            line, path.text(),
            Text::tr("%1 is beyond the limit of ±1e9").arg(QString::fromLatin1(formatDouble(out))));
    return true;
}

bool JsonFieldReader::readInteger(const QString& path, qint64 min, qint64 max, qint64& out)
{
    const int line = m_cursor.line();
    double value = 0.0;
    if (!readDouble(path, value))
        return false;
    if (value != std::trunc(value) || value < double(min) || value > double(max)) {
        return fail(line, path,
                    Text::tr("expected a whole number from %1 to %2, found %3")
                        .arg(min)
                        .arg(max)
                        .arg(QString::fromLatin1(formatDouble(value))));
    }
    out = qint64(value);
    return true;
}

bool JsonFieldReader::readBool(const QString& path, bool& out)
{
    const Kind kind = m_cursor.peek();
    if (kind != Kind::True && kind != Kind::False)
        return typeFail(m_cursor.line(), path, Text::tr("true or false"), kind);
    return m_cursor.readBool(out) || syntaxFail();
}

bool JsonFieldReader::readSeed(const QString& path, std::uint64_t& out)
{
    const Kind kind = m_cursor.peek();
    const int line = m_cursor.line();
    QByteArray string;
    QByteArrayView text;
    if (kind == Kind::String) {
        if (!m_cursor.readString(string))
            return syntaxFail();
        text = string;
    } else if (kind == Kind::Number) {
        if (!m_cursor.readNumber(text))
            return syntaxFail();
    } else {
        return typeFail(line, path, Text::tr("a whole number in a string"), kind);
    }
    const char* const end = text.data() + text.size();
    std::uint64_t value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.isEmpty() || text.front() == '-' || ptr != end || ec != std::errc()) {
        return fail(line, path,
                    Text::tr("the seed must be a whole number from 0 to %1, found %2")
                        .arg(std::numeric_limits<std::uint64_t>::max())
                        .arg(excerpt(text)));
    }
    out = value;
    return true;
}

} // namespace plab::io
