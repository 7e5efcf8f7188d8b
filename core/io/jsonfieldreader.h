#pragma once

#include "io/jsoncursor.h"
#include "io/loaderror.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <array>
#include <concepts>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace plab::io {

/// A JSON path for a message ("settings.learningRate", "points[3].x1"): a string, or a callable
/// that builds one, where building it for every value would cost (two million points). It is only
/// turned into text when a message needs it. Implicit, so that callers pass either.
class JsonPath
{
public:
    JsonPath(const QString& path) : m_text(&path) {}

    template <class Make>
    requires std::invocable<const Make&> JsonPath(const Make& make)
        : m_make(&make), m_call([](const void* f) { return (*static_cast<const Make*>(f))(); })
    {}

    [[nodiscard]] QString text() const { return m_text ? *m_text : m_call(m_make); }

private:
    const QString* m_text = nullptr;
    const void* m_make = nullptr;
    QString (*m_call)(const void*) = nullptr;
};

/// The JSON path of \p key inside \p path. Keys come from the file: excerpt() keeps an escaped
/// line break or an endless key from breaking the one-line message.
[[nodiscard]] QString childPath(const QString& path, QByteArrayView key);

/// Reads typed values from a JsonCursor and keeps the first problem as a LoadError naming the
/// file, the line and the JSON path: the vocabulary of the project reader (projectfile.cpp), which
/// says which key holds which type; this class knows only types and limits.
class JsonFieldReader
{
public:
    using Kind = JsonCursor::Kind;
    /// Keys of one JSON object, in the order they are written.
    template <std::size_t N>
    using Keys = std::array<QByteArrayView, N>;

    JsonFieldReader(QByteArrayView text, const QString& fileName) : m_file(fileName), m_cursor(text)
    {}

    [[nodiscard]] JsonCursor& cursor() { return m_cursor; }
    /// The first problem; set whenever a read*() returned false.
    [[nodiscard]] const std::optional<LoadError>& error() const { return m_error; }

    /// Records a problem (the first one wins) and returns false.
    bool fail(int line, const QString& path, const QString& message);
    /// The syntax error of \p cursor, as a problem.
    bool syntaxFail(const JsonCursor& cursor);
    bool syntaxFail() { return syntaxFail(m_cursor); }
    /// "expected \p expected, found <kind>".
    bool typeFail(int line, const QString& path, const QString& expected, Kind found);

    /// Reads the members of the object at the cursor. \p member(index, line) reads the value of
    /// keys[index]. Unknown and repeated keys are errors; \p required lists the indices that must
    /// be present.
    template <std::size_t N, class MemberFn>
    bool readObject(const Keys<N>& keys, const JsonPath& path, std::initializer_list<int> required,
                    MemberFn member)
    {
        static_assert(N <= 32, "the keys seen are bits of an unsigned");
        const Kind kind = m_cursor.peek();
        const int line = m_cursor.line();
        if (kind != Kind::Object)
            return failNotObject(line, path, kind);
        m_cursor.enterObject();
        unsigned seen = 0;
        QByteArray key;
        while (m_cursor.nextMember(key)) {
            const int keyLine = m_cursor.line();
            int index = -1;
            for (std::size_t i = 0; i < N; ++i) {
                if (keys[i] == key)
                    index = int(i);
            }
            if (index < 0 || (seen & (1u << index)))
                return failKey(keyLine, path, key, index >= 0);
            seen |= 1u << index;
            m_cursor.peek();
            if (!member(index, m_cursor.line()))
                return false;
        }
        if (m_cursor.hasError())
            return syntaxFail();
        for (const int index : required) {
            if (!(seen & (1u << index)))
                return failMissing(line, path, keys[std::size_t(index)]);
        }
        return true;
    }

    bool readDouble(const JsonPath& path, double& out);
    /// A number within +/-learning::kMaxCoordinate (points, initial weights).
    bool readCoordinate(const JsonPath& path, double& out);
    bool readInteger(const QString& path, qint64 min, qint64 max, qint64& out);
    bool readBool(const QString& path, bool& out);
    /// A seed: an unsigned 64-bit integer, written as a decimal string (or, by hand, a number).
    bool readSeed(const QString& path, std::uint64_t& out);

    /// Reads one of the names of \p choice (settingsfields.h: fromName(), names()); the message
    /// lists them.
    template <class E, class Choice>
    bool readChoice(const QString& path, const Choice& choice, E& out)
    {
        m_cursor.peek();
        const int line = m_cursor.line();
        QByteArray text;
        if (!readString(path, text))
            return false;
        const std::optional<E> value =
            choice.fromName(std::string_view(text.constData(), std::size_t(text.size())));
        if (!value)
            return failUnknownName(line, path, text, choice.names(", ", ", "));
        out = *value;
        return true;
    }

private:
    bool readString(const QString& path, QByteArray& out);
    bool failNotObject(int line, const JsonPath& path, Kind found);
    bool failKey(int line, const JsonPath& object, QByteArrayView key, bool repeated);
    bool failMissing(int line, const JsonPath& object, QByteArrayView key);
    bool failUnknownName(int line, const QString& path, QByteArrayView name,
                         const std::string& names);

    QString m_file;
    JsonCursor m_cursor;
    std::optional<LoadError> m_error;
};

} // namespace plab::io
