#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <vector>

namespace plab::io {

/// A strict JSON (RFC 8259) pull reader over UTF-8 text, used by the project reader.
///
/// Why not QJsonDocument: it reads -0.0 as 0 (the sign is lost), silently keeps the last of two
/// equal keys, knows no line numbers or JSON paths once parsed, and builds a tree (a project may
/// hold two million points). (Large integers are not a reason: since Qt 6.4 toInteger() keeps
/// 2^53+1 exactly.) This reader parses numbers with std::from_chars (bit-exact), tracks the line
/// of every value, and lets the caller read straight into its own types, so semantic errors can
/// name the line as well as the JSON path.
///
/// Usage: peek() at the next value, then read it with the matching read*() / enter*() call, or
/// skipValue(). Every call returns false after a syntax error; error() and errorLine() describe
/// the first one. The text must be valid UTF-8 without NUL bytes (see findEncodingProblem()).
class JsonCursor
{
public:
    enum class Kind
    {
        Object,
        Array,
        String,
        Number,
        True,
        False,
        Null,
        End,    ///< nothing but whitespace is left
        Invalid ///< a character no JSON value starts with
    };

    explicit JsonCursor(QByteArrayView text) : m_text(text) {}

    /// Skips whitespace and tells what comes next.
    Kind peek();
    /// The 1-based line of the position reached (after peek(): of the next value).
    [[nodiscard]] int line() const { return m_line; }

    /// Consumes '{'. Then call nextMember() until it returns false.
    bool enterObject();
    /// Reads the next key and its ':' into \p key (UTF-8); false at the closing '}' (consumed) or
    /// on a syntax error (check hasError()).
    bool nextMember(QByteArray& key);
    /// Consumes '['. Then call nextElement() until it returns false, reading one value each time.
    bool enterArray();
    /// True when another element follows (its value is next); false at ']' (consumed) or on error.
    bool nextElement();

    /// Reads a string value into \p utf8 (escapes decoded).
    bool readString(QByteArray& utf8);
    /// Reads a number value; \p text is its exact source text (valid JSON number grammar).
    bool readNumber(QByteArrayView& text);
    /// Reads true or false.
    bool readBool(bool& value);
    /// Reads null.
    bool readNull();
    /// Reads (and checks) any value, however nested, up to a fixed depth.
    bool skipValue();
    /// True when only whitespace is left; otherwise records a syntax error.
    bool expectEnd();

    [[nodiscard]] bool hasError() const { return !m_error.isEmpty(); }
    /// Translated description of the first syntax error.
    [[nodiscard]] const QString& error() const { return m_error; }
    [[nodiscard]] int errorLine() const { return m_errorLine; }

    /// "an object", "a number", ... for messages (translated).
    static QString describe(Kind kind);

private:
    bool fail(const QString& message);
    bool failUnexpected(const QString& expected);
    void skipWhitespace();
    bool skipValue(int depth);
    bool readStringInto(QByteArray* utf8);
    bool readHex4(char32_t& unit);

    QByteArrayView m_text;
    qsizetype m_pos = 0;
    int m_line = 1;
    /// Per open object/array: whether its first member/element is still to come.
    std::vector<bool> m_first;
    QString m_error;
    int m_errorLine = 0;
};

} // namespace plab::io
