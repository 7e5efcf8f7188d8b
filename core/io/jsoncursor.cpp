#include "io/jsoncursor.h"

#include "io/textfile.h"

#include <QCoreApplication>

namespace plab::io {

namespace {

/// The translation context of this file's texts (lupdate reads the name from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(plab::io::JsonCursor)
};

/// Deeper nesting than this is refused: no project needs more than 3 levels, and recursion on
/// hostile input must stay bounded.
constexpr int kMaxDepth = 256;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

void appendUtf8(QByteArray& out, char32_t cp)
{
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

} // namespace

QString JsonCursor::describe(Kind kind)
{
    switch (kind) {
    case Kind::Object:
        return Text::tr("an object");
    case Kind::Array:
        return Text::tr("an array");
    case Kind::String:
        return Text::tr("a string");
    case Kind::Number:
        return Text::tr("a number");
    case Kind::True:
        return Text::tr("true");
    case Kind::False:
        return Text::tr("false");
    case Kind::Null:
        return Text::tr("null");
    case Kind::End:
        return Text::tr("the end of the file");
    case Kind::Invalid:
        break;
    }
    return Text::tr("something that is not JSON");
}

bool JsonCursor::fail(const QString& message)
{
    if (!hasError()) {
        m_error = message;
        m_errorLine = m_line;
    }
    return false;
}

bool JsonCursor::failUnexpected(const QString& expected)
{
    if (m_pos >= m_text.size())
        return fail(
            Text::tr("%1 expected, but the file ends here (is it truncated?)").arg(expected));
    return fail(
        Text::tr("%1 expected, found \"%2\"").arg(expected, excerpt(m_text.sliced(m_pos), 12)));
}

void JsonCursor::skipWhitespace()
{
    while (m_pos < m_text.size()) {
        const char c = m_text[m_pos];
        if (c == '\n')
            ++m_line;
        else if (c != ' ' && c != '\t' && c != '\r')
            return;
        ++m_pos;
    }
}

JsonCursor::Kind JsonCursor::peek()
{
    skipWhitespace();
    if (m_pos >= m_text.size())
        return Kind::End;
    switch (m_text[m_pos]) {
    case '{':
        return Kind::Object;
    case '[':
        return Kind::Array;
    case '"':
        return Kind::String;
    case 't':
        return Kind::True;
    case 'f':
        return Kind::False;
    case 'n':
        return Kind::Null;
    default:
        break;
    }
    const char c = m_text[m_pos];
    return c == '-' || isDigit(c) ? Kind::Number : Kind::Invalid;
}

bool JsonCursor::enterObject()
{
    if (hasError())
        return false;
    if (peek() != Kind::Object)
        return failUnexpected(Text::tr("\"{\""));
    ++m_pos;
    m_first.push_back(true);
    return true;
}

bool JsonCursor::nextMember(QByteArray& key)
{
    if (hasError() || m_first.empty())
        return false;
    skipWhitespace();
    // A '}' right after a ',' is not seen here: the ',' branch below demands a key after it.
    if (m_pos < m_text.size() && m_text[m_pos] == '}') {
        ++m_pos;
        m_first.pop_back();
        return false;
    }
    if (!m_first.back()) {
        if (m_pos >= m_text.size() || m_text[m_pos] != ',')
            return failUnexpected(Text::tr("\",\" or \"}\""));
        ++m_pos;
        skipWhitespace();
    }
    m_first.back() = false;
    if (m_pos >= m_text.size() || m_text[m_pos] != '"')
        return failUnexpected(Text::tr("a key in double quotes"));
    if (!readStringInto(&key))
        return false;
    skipWhitespace();
    if (m_pos >= m_text.size() || m_text[m_pos] != ':')
        return failUnexpected(Text::tr("\":\""));
    ++m_pos;
    return true;
}

bool JsonCursor::enterArray()
{
    if (hasError())
        return false;
    if (peek() != Kind::Array)
        return failUnexpected(Text::tr("\"[\""));
    ++m_pos;
    m_first.push_back(true);
    return true;
}

bool JsonCursor::nextElement()
{
    if (hasError() || m_first.empty())
        return false;
    skipWhitespace();
    // As in nextMember(): "[1,]" fails when the caller reads the missing value after the ','.
    if (m_pos < m_text.size() && m_text[m_pos] == ']') {
        ++m_pos;
        m_first.pop_back();
        return false;
    }
    if (!m_first.back()) {
        if (m_pos >= m_text.size() || m_text[m_pos] != ',')
            return failUnexpected(Text::tr("\",\" or \"]\""));
        ++m_pos;
    }
    m_first.back() = false;
    return true;
}

bool JsonCursor::readHex4(char32_t& unit)
{
    if (m_text.size() - m_pos < 4)
        return fail(Text::tr("a \\u escape needs four hexadecimal digits"));
    unit = 0;
    for (int i = 0; i < 4; ++i) {
        const char c = m_text[m_pos + i];
        unit <<= 4;
        if (isDigit(c))
            unit |= char32_t(c - '0');
        else if (c >= 'a' && c <= 'f')
            unit |= char32_t(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            unit |= char32_t(c - 'A' + 10);
        else
            return fail(Text::tr("a \\u escape needs four hexadecimal digits"));
    }
    m_pos += 4;
    return true;
}

bool JsonCursor::readStringInto(QByteArray* utf8)
{
    // Precondition: m_text[m_pos] == '"'.
    ++m_pos;
    if (utf8)
        utf8->resize(0);
    while (true) {
        if (m_pos >= m_text.size())
            return fail(
                Text::tr("a string is not closed before the end of the file (is it truncated?)"));
        const char c = m_text[m_pos];
        if (c == '"') {
            ++m_pos;
            return true;
        }
        if (static_cast<unsigned char>(c) < 0x20)
            return fail(Text::tr("a line break or control character inside a string"));
        if (c != '\\') {
            // Copy the whole run of plain characters at once.
            qsizetype end = m_pos + 1;
            while (end < m_text.size() && m_text[end] != '"' && m_text[end] != '\\' &&
                   static_cast<unsigned char>(m_text[end]) >= 0x20)
                ++end;
            if (utf8)
                utf8->append(m_text.sliced(m_pos, end - m_pos));
            m_pos = end;
            continue;
        }
        ++m_pos;
        if (m_pos >= m_text.size())
            return fail(
                Text::tr("a string is not closed before the end of the file (is it truncated?)"));
        const char e = m_text[m_pos++];
        char plain = 0;
        switch (e) {
        case '"':
        case '\\':
        case '/':
            plain = e;
            break;
        case 'b':
            plain = '\b';
            break;
        case 'f':
            plain = '\f';
            break;
        case 'n':
            plain = '\n';
            break;
        case 'r':
            plain = '\r';
            break;
        case 't':
            plain = '\t';
            break;
        case 'u': {
            char32_t unit = 0;
            if (!readHex4(unit))
                return false;
            if (unit >= 0xDC00 && unit <= 0xDFFF)
                return fail(Text::tr("an invalid \\u escape (a lone low surrogate)"));
            if (unit >= 0xD800 && unit <= 0xDBFF) {
                char32_t low = 0;
                if (m_text.size() - m_pos < 2 || m_text[m_pos] != '\\' || m_text[m_pos + 1] != 'u')
                    return fail(Text::tr("an invalid \\u escape (a lone high surrogate)"));
                m_pos += 2;
                if (!readHex4(low))
                    return false;
                if (low < 0xDC00 || low > 0xDFFF)
                    return fail(Text::tr("an invalid \\u escape (a lone high surrogate)"));
                unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
            }
            if (utf8)
                appendUtf8(*utf8, unit);
            continue;
        }
        default:
            --m_pos;
            return fail(Text::tr("an invalid escape \"\\%1\" in a string")
                            .arg(excerpt(m_text.sliced(m_pos, 1))));
        }
        if (utf8)
            *utf8 += plain;
    }
}

bool JsonCursor::readString(QByteArray& utf8)
{
    if (hasError())
        return false;
    if (peek() != Kind::String)
        return failUnexpected(Text::tr("a string"));
    return readStringInto(&utf8);
}

bool JsonCursor::readNumber(QByteArrayView& text)
{
    if (hasError())
        return false;
    if (peek() != Kind::Number)
        return failUnexpected(Text::tr("a number"));
    const qsizetype start = m_pos;
    const auto digits = [this] {
        const qsizetype from = m_pos;
        while (m_pos < m_text.size() && isDigit(m_text[m_pos]))
            ++m_pos;
        return m_pos > from;
    };
    if (m_text[m_pos] == '-')
        ++m_pos;
    if (m_pos < m_text.size() && m_text[m_pos] == '0') {
        ++m_pos;
    } else if (!digits()) {
        return fail(Text::tr("a malformed number \"%1\"").arg(excerpt(m_text.sliced(start), 12)));
    }
    if (m_pos < m_text.size() && m_text[m_pos] == '.') {
        ++m_pos;
        if (!digits())
            return fail(
                Text::tr("a malformed number \"%1\"").arg(excerpt(m_text.sliced(start), 12)));
    }
    if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
        ++m_pos;
        if (m_pos < m_text.size() && (m_text[m_pos] == '+' || m_text[m_pos] == '-'))
            ++m_pos;
        if (!digits())
            return fail(
                Text::tr("a malformed number \"%1\"").arg(excerpt(m_text.sliced(start), 12)));
    }
    text = m_text.sliced(start, m_pos - start);
    return true;
}

bool JsonCursor::readBool(bool& value)
{
    if (hasError())
        return false;
    const Kind kind = peek();
    const QByteArrayView word =
        kind == Kind::True ? QByteArrayView("true") : QByteArrayView("false");
    if ((kind != Kind::True && kind != Kind::False) || !m_text.sliced(m_pos).startsWith(word))
        return failUnexpected(Text::tr("true or false"));
    m_pos += word.size();
    value = kind == Kind::True;
    return true;
}

bool JsonCursor::readNull()
{
    if (hasError())
        return false;
    if (peek() != Kind::Null || !m_text.sliced(m_pos).startsWith("null"))
        return failUnexpected(Text::tr("null"));
    m_pos += 4;
    return true;
}

bool JsonCursor::skipValue()
{
    return skipValue(0);
}

bool JsonCursor::skipValue(int depth)
{
    if (hasError())
        return false;
    switch (peek()) {
    case Kind::Object:
    case Kind::Array: {
        if (depth >= kMaxDepth)
            return fail(Text::tr("objects and arrays nested more than %1 deep").arg(kMaxDepth));
        QByteArray key;
        if (peek() == Kind::Object) {
            enterObject();
            while (nextMember(key)) {
                if (!skipValue(depth + 1))
                    return false;
            }
        } else {
            enterArray();
            while (nextElement()) {
                if (!skipValue(depth + 1))
                    return false;
            }
        }
        return !hasError();
    }
    case Kind::String:
        return readStringInto(nullptr);
    case Kind::Number: {
        QByteArrayView text;
        return readNumber(text);
    }
    case Kind::True:
    case Kind::False: {
        bool value = false;
        return readBool(value);
    }
    case Kind::Null:
        return readNull();
    case Kind::End:
    case Kind::Invalid:
        break;
    }
    return failUnexpected(Text::tr("a value"));
}

bool JsonCursor::expectEnd()
{
    if (hasError())
        return false;
    if (peek() != Kind::End)
        return fail(Text::tr("more text after the end of the JSON document: \"%1\"")
                        .arg(excerpt(m_text.sliced(m_pos), 12)));
    return true;
}

} // namespace plab::io
