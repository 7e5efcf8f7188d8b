#include "io/projectfile.h"

#include "io/datasetfile.h"
#include "io/jsoncursor.h"
#include "io/numberformat.h"
#include "io/settingsfields.h"
#include "io/textfile.h"
#include "io/validationtext.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string_view>

namespace plab::io {

namespace {

// The messages below write the coordinate limit out as "1e9".
static_assert(learning::kMaxCoordinate == 1e9);

/// The translation context of this file's texts (lupdate reads the name from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(plab::io::ProjectFile)
};

using Kind = JsonCursor::Kind;

QString resolve(const QString& path)
{
    return path;
}

template <class PathFn>
QString resolve(const PathFn& path)
{
    return path();
}

std::string_view view(const QByteArray& bytes)
{
    return {bytes.constData(), std::size_t(bytes.size())};
}

QByteArrayView bytes(std::string_view text)
{
    return {text.data(), qsizetype(text.size())};
}

/// The JSON path of \p key inside \p path. Keys come from the file: excerpt() keeps an escaped
/// line break or an endless key from breaking the one-line message.
QString child(const QString& path, QByteArrayView key)
{
    return path.isEmpty() ? excerpt(key) : QStringLiteral("%1.%2").arg(path, excerpt(key));
}

/// Keys of one JSON object in the schema, in the order they are written.
template <std::size_t N>
using Keys = std::array<QByteArrayView, N>;

constexpr Keys<6> kTopKeys{"format", "version", "settings", "view", "epoch", "points"};
enum TopKey
{
    TopFormat,
    TopVersion,
    TopSettings,
    TopView,
    TopEpoch,
    TopPoints
};

/// The keys of settingsFields(), in their order.
const Keys<kSettingsFieldCount>& settingsKeys()
{
    static const Keys<kSettingsFieldCount> keys = [] {
        Keys<kSettingsFieldCount> k;
        std::size_t i = 0;
        forEachSettingsField([&](const auto& field) { k[i++] = bytes(field.key); });
        return k;
    }();
    return keys;
}

constexpr Keys<4> kViewKeys{"xMin", "xMax", "yMin", "yMax"};
constexpr Keys<3> kPointKeys{"x1", "x2", "label"};

/// Reads a project in two passes over the text. The first checks the JSON syntax of the whole
/// document and reads "format" and "version" wherever they are, so a file from a newer version is
/// recognised as such instead of failing on a key this version does not know. The second reads
/// the schema straight into a Project, naming the line and JSON path of the first problem.
class ProjectParser
{
public:
    ProjectParser(QByteArrayView text, const QString& fileName)
        : m_text(text), m_file(fileName), m_cursor(text)
    {}

    Result<Project, LoadError> parse()
    {
        Project project;
        if (!checkSyntaxAndVersion() || !readTop(project))
            return unexpected(*m_error);
        return project;
    }

private:
    bool fail(int line, const QString& path, const QString& message)
    {
        if (!m_error)
            m_error = LoadError{m_file, line, path, message};
        return false;
    }

    bool syntaxFail(const JsonCursor& cursor)
    {
        return fail(cursor.errorLine(), QString(),
                    Text::tr("not valid JSON: %1").arg(cursor.error()));
    }

    bool typeFail(int line, const QString& path, const QString& expected, Kind found)
    {
        return fail(line, path,
                    Text::tr("expected %1, found %2").arg(expected, JsonCursor::describe(found)));
    }

    // --- Pass 1 -------------------------------------------------------------------------------

    bool checkSyntaxAndVersion()
    {
        JsonCursor cursor(m_text);
        const Kind kind = cursor.peek();
        const int topLine = cursor.line();
        if (kind == Kind::End)
            return fail(0, QString(),
                        Text::tr("the file is empty; a project file is a JSON object"));
        if (kind != Kind::Object) {
            if (!cursor.skipValue() || !cursor.expectEnd())
                return syntaxFail(cursor);
            return typeFail(topLine, QString(), Text::tr("a JSON object (a project file)"), kind);
        }

        QByteArray format;
        Kind formatKind = Kind::End; // End: not seen
        int formatLine = 0;
        QByteArrayView version;
        Kind versionKind = Kind::End;
        int versionLine = 0;
        QByteArray key;
        cursor.enterObject();
        while (cursor.nextMember(key)) {
            const Kind valueKind = cursor.peek();
            if (key == "format") {
                formatKind = valueKind;
                formatLine = cursor.line();
                if (valueKind == Kind::String ? !cursor.readString(format) : !cursor.skipValue())
                    break;
            } else if (key == "version") {
                versionKind = valueKind;
                versionLine = cursor.line();
                if (valueKind == Kind::Number ? !cursor.readNumber(version) : !cursor.skipValue())
                    break;
            } else if (!cursor.skipValue()) {
                break;
            }
        }
        if (cursor.hasError() || !cursor.expectEnd())
            return syntaxFail(cursor);

        const QString formatPath = QStringLiteral("format");
        if (formatKind == Kind::End) {
            return fail(topLine, formatPath,
                        Text::tr("not a Perceptron Lab project (there is no \"format\": "
                                 "\"perceptron-lab\")"));
        }
        if (formatKind != Kind::String || format != kProjectFormatName) {
            return fail(formatLine, formatPath,
                        Text::tr("not a Perceptron Lab project (the format is %1, expected "
                                 "\"perceptron-lab\")")
                            .arg(formatKind == Kind::String
                                     ? QStringLiteral("\"%1\"").arg(excerpt(format))
                                     : JsonCursor::describe(formatKind)));
        }
        const QString versionPath = QStringLiteral("version");
        if (versionKind == Kind::End)
            return fail(topLine, versionPath, Text::tr("the format version is missing"));
        if (versionKind != Kind::Number)
            return typeFail(versionLine, versionPath, Text::tr("a whole number"), versionKind);
        const ParsedNumber number = parseDouble(version);
        const bool whole =
            number.status == ParsedNumber::Status::Ok && number.value == std::trunc(number.value);
        if (number.status == ParsedNumber::Status::Overflow ||
            (whole && number.value > kProjectFormatVersion)) {
            return fail(versionLine, versionPath,
                        Text::tr("made by a newer Perceptron Lab (format version %1; this version "
                                 "reads version %2): please update Perceptron Lab")
                            .arg(excerpt(version))
                            .arg(kProjectFormatVersion));
        }
        if (!whole || number.value < 1) {
            return fail(versionLine, versionPath,
                        Text::tr("unknown format version %1").arg(excerpt(version)));
        }
        return true;
    }

    // --- Pass 2: values -----------------------------------------------------------------------

    /// Reads the members of the object at the cursor. \p member(index, line) reads the value of
    /// keys[index]; \p path() names the object (built only when a message needs it). Unknown and
    /// repeated keys are errors; \p required lists the indices that must be present.
    template <std::size_t N, class PathFn, class MemberFn>
    bool readObject(const Keys<N>& keys, PathFn path, std::initializer_list<int> required,
                    MemberFn member)
    {
        const Kind kind = m_cursor.peek();
        const int line = m_cursor.line();
        if (kind != Kind::Object)
            return typeFail(line, path(), Text::tr("an object"), kind);
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
            if (index < 0)
                return fail(keyLine, child(path(), key), Text::tr("unknown key"));
            if (seen & (1u << index))
                return fail(keyLine, child(path(), key), Text::tr("this key appears twice"));
            seen |= 1u << index;
            m_cursor.peek();
            if (!member(index, m_cursor.line()))
                return false;
        }
        if (m_cursor.hasError())
            return syntaxFail(m_cursor);
        for (const int index : required) {
            if (!(seen & (1u << index)))
                return fail(line, child(path(), keys[std::size_t(index)]), Text::tr("missing"));
        }
        return true;
    }

    /// \p path is a QString or, where building it for every value would cost, a callable
    /// returning one (see resolve()); it is only turned into text for a message.
    template <class Path>
    bool readDouble(const Path& path, double& out)
    {
        using S = ParsedNumber::Status;
        const Kind kind = m_cursor.peek();
        const int line = m_cursor.line();
        if (kind != Kind::Number)
            return typeFail(line, resolve(path), Text::tr("a number"), kind);
        QByteArrayView text;
        if (!m_cursor.readNumber(text))
            return syntaxFail(m_cursor);
        const ParsedNumber number = parseDouble(text);
        switch (number.status) {
        case S::Ok:
            out = number.value;
            return true;
        case S::Overflow:
            return fail(line, resolve(path),
                        Text::tr("the number %1 is too large").arg(excerpt(text)));
        case S::Underflow:
            return fail(line, resolve(path),
                        Text::tr("the number %1 is too small to be stored (closer to zero than "
                                 "1e-308)")
                            .arg(excerpt(text)));
        case S::Invalid:
        case S::NotFinite:
            break;
        }
        return fail(line, resolve(path), Text::tr("not a number: %1").arg(excerpt(text)));
    }

    /// A number within +/-kMaxCoordinate (points, initial weights).
    template <class Path>
    bool readCoordinate(const Path& path, double& out)
    {
        const int line = m_cursor.line();
        if (!readDouble(path, out))
            return false;
        if (std::abs(out) > learning::kMaxCoordinate)
            return fail(line, resolve(path),
                        Text::tr("%1 is beyond the limit of ±1e9")
                            .arg(QString::fromLatin1(formatDouble(out))));
        return true;
    }

    bool readInteger(const QString& path, qint64 min, qint64 max, qint64& out)
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

    bool readBool(const QString& path, bool& out)
    {
        const Kind kind = m_cursor.peek();
        if (kind != Kind::True && kind != Kind::False)
            return typeFail(m_cursor.line(), path, Text::tr("true or false"), kind);
        return m_cursor.readBool(out) || syntaxFail(m_cursor);
    }

    /// Reads one of the names of \p field; the message lists them.
    template <class E>
    bool readEnum(const QString& path, const ChoiceField<E>& field, E& out)
    {
        const Kind kind = m_cursor.peek();
        const int line = m_cursor.line();
        if (kind != Kind::String)
            return typeFail(line, path, Text::tr("a string"), kind);
        QByteArray text;
        if (!m_cursor.readString(text))
            return syntaxFail(m_cursor);
        const std::optional<E> value = field.fromName(view(text));
        if (!value) {
            return fail(line, path,
                        Text::tr("unknown name \"%1\" (expected one of: %2)")
                            .arg(excerpt(text), QString::fromStdString(field.names(", ", ", "))));
        }
        out = *value;
        return true;
    }

    /// A seed: an unsigned 64-bit integer, written as a decimal string (or, by hand, a number).
    bool readSeed(const QString& path, std::uint64_t& out)
    {
        const Kind kind = m_cursor.peek();
        const int line = m_cursor.line();
        QByteArray string;
        QByteArrayView text;
        if (kind == Kind::String) {
            if (!m_cursor.readString(string))
                return syntaxFail(m_cursor);
            text = string;
        } else if (kind == Kind::Number) {
            if (!m_cursor.readNumber(text))
                return syntaxFail(m_cursor);
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

    // --- Pass 2: the schema -------------------------------------------------------------------

    bool readTop(Project& project)
    {
        const auto top = [] { return QString(); };
        const bool ok = readObject(kTopKeys, top, {TopPoints}, [&](int key, int line) {
            switch (key) {
            case TopFormat:
            case TopVersion:
                return m_cursor.skipValue() || syntaxFail(m_cursor); // checked in pass 1
            case TopSettings:
                return readSettings(project.settings);
            case TopView:
                return readView(project.view, line);
            case TopEpoch:
                return readEpoch(project.epoch);
            case TopPoints:
                return readPoints(project.data);
            }
            return false;
        });
        return ok && (m_cursor.expectEnd() || syntaxFail(m_cursor));
    }

    bool readSettings(learning::TrainingSettings& s)
    {
        const QString base = QStringLiteral("settings");
        const Keys<kSettingsFieldCount>& keys = settingsKeys();
        std::array<int, kSettingsFieldCount> lines{};
        const int objectLine = m_cursor.line();
        const auto path = [&](std::size_t key) { return child(base, keys[key]); };
        const bool ok = readObject(
            keys, [&] { return base; }, {},
            [&](int key, int line) {
                lines[std::size_t(key)] = line;
                return visitSettingsField(std::size_t(key), [&](const auto& field) {
                    return readField(path(std::size_t(key)), field, s);
                });
            });
        if (!ok)
            return false;
        if (const auto problem = learning::validate(s)) {
            const std::optional<std::size_t> key = findSettingsField([&](const auto& field) {
                if constexpr (requires { field.checkedAs; })
                    return field.checkedAs == problem->field;
                return false;
            });
            const int line = key && lines[*key] > 0 ? lines[*key] : objectLine;
            return fail(line, key ? path(*key) : base, describeSettingsProblem(*problem));
        }
        return true;
    }

    // One reader per field type of settingsfields.h.

    template <class E>
    bool readField(const QString& path, const ChoiceField<E>& field, learning::TrainingSettings& s)
    {
        return readEnum(path, field, s.*field.member);
    }

    bool readField(const QString& path, const NumberField& field, learning::TrainingSettings& s)
    {
        return readDouble(path, s.*field.member);
    }

    bool readField(const QString& path, const WholeField& field, learning::TrainingSettings& s)
    {
        qint64 value = 0;
        if (!readInteger(path, field.min, field.max, value))
            return false;
        s.*field.member = int(value);
        return true;
    }

    bool readField(const QString& path, const FlagField& field, learning::TrainingSettings& s)
    {
        return readBool(path, s.*field.member);
    }

    bool readField(const QString& path, const SeedField& field, learning::TrainingSettings& s)
    {
        return readSeed(path, s.*field.member);
    }

    bool readField(const QString& base, const WeightsField& field, learning::TrainingSettings& s)
    {
        Keys<WeightsField::kParts.size()> keys;
        std::ranges::transform(WeightsField::kParts, keys.begin(), bytes);
        learning::LinearModel& model = s.*field.member;
        return readObject(
            keys, [&] { return base; }, {},
            [&](int key, int) {
                return readCoordinate(child(base, keys[std::size_t(key)]),
                                      WeightsField::part(model, std::size_t(key)));
            });
    }

    bool readView(ViewBox& box, int line)
    {
        const QString base = QStringLiteral("view");
        const bool ok = readObject(
            kViewKeys, [&] { return base; }, {},
            [&](int key, int) {
                const QString path = child(base, kViewKeys[std::size_t(key)]);
                switch (key) {
                case 0:
                    return readDouble(path, box.xMin);
                case 1:
                    return readDouble(path, box.xMax);
                case 2:
                    return readDouble(path, box.yMin);
                default:
                    return readDouble(path, box.yMax);
                }
            });
        if (ok && !box.isValid()) {
            return fail(line, base,
                        Text::tr("the view must have xMin < xMax and yMin < yMax, all within "
                                 "±1e12"));
        }
        return ok;
    }

    bool readEpoch(std::optional<int>& epoch)
    {
        const QString path = QStringLiteral("epoch");
        if (m_cursor.peek() == Kind::Null) {
            epoch.reset();
            return m_cursor.readNull() || syntaxFail(m_cursor);
        }
        qint64 value = 0;
        if (!readInteger(path, 0, learning::kMaxEpochsLimit, value))
            return false;
        epoch = int(value);
        return true;
    }

    bool readPoints(learning::Dataset& data)
    {
        const QString base = QStringLiteral("points");
        const Kind kind = m_cursor.peek();
        if (kind != Kind::Array)
            return typeFail(m_cursor.line(), base, Text::tr("an array"), kind);
        m_cursor.enterArray();
        data.clear();
        std::size_t index = 0;
        while (m_cursor.nextElement()) {
            const auto pointPath = [&] { return QStringLiteral("points[%1]").arg(index); };
            if (index == learning::kMaxPoints) {
                m_cursor.peek();
                return fail(m_cursor.line(), pointPath(),
                            Text::tr("more than %1 points, the most a data set may hold")
                                .arg(learning::kMaxPoints));
            }
            Eigen::Vector2d x = Eigen::Vector2d::Zero();
            int label = 0;
            const bool ok = readObject(kPointKeys, pointPath, {0, 1, 2}, [&](int key, int line) {
                const auto path = [&] { return child(pointPath(), kPointKeys[std::size_t(key)]); };
                if (key < 2)
                    return readCoordinate(path, x[key]);
                double value = 0.0;
                if (!readDouble(path, value))
                    return false;
                const std::optional<int> cls = value == std::trunc(value) && std::abs(value) <= 1.0
                                                   ? learning::classFromLabel(std::int64_t(value))
                                                   : std::nullopt;
                if (!cls) {
                    return fail(line, path(),
                                Text::tr("the label must be 0 or 1 (or -1 or +1), found %1")
                                    .arg(QString::fromLatin1(formatDouble(value))));
                }
                label = *cls;
                return true;
            });
            if (!ok)
                return false;
            data.add(x, label);
            ++index;
        }
        return !m_cursor.hasError() || syntaxFail(m_cursor);
    }

    QByteArrayView m_text;
    QString m_file;
    JsonCursor m_cursor;
    std::optional<LoadError> m_error;
};

void appendKey(QByteArray& out, std::string_view key)
{
    out += '"';
    out += bytes(key);
    out += "\": ";
}

void appendName(QByteArray& out, std::string_view name)
{
    out += '"';
    out += QByteArrayView(name.data(), qsizetype(name.size()));
    out += '"';
}

// One writer per field type of settingsfields.h.

template <class E>
void appendField(QByteArray& out, const ChoiceField<E>& field, const learning::TrainingSettings& s)
{
    appendName(out, learning::name(s.*field.member));
}

void appendField(QByteArray& out, const NumberField& field, const learning::TrainingSettings& s)
{
    appendJsonNumber(out, s.*field.member);
}

void appendField(QByteArray& out, const WholeField& field, const learning::TrainingSettings& s)
{
    out += QByteArray::number(s.*field.member);
}

void appendField(QByteArray& out, const FlagField& field, const learning::TrainingSettings& s)
{
    out += s.*field.member ? "true" : "false";
}

void appendField(QByteArray& out, const SeedField& field, const learning::TrainingSettings& s)
{
    out += '"' + QByteArray::number(quint64(s.*field.member)) + '"';
}

void appendField(QByteArray& out, const WeightsField& field, const learning::TrainingSettings& s)
{
    const learning::LinearModel& model = s.*field.member;
    out += '{';
    for (std::size_t i = 0; i < WeightsField::kParts.size(); ++i) {
        if (i > 0)
            out += ", ";
        appendKey(out, WeightsField::kParts[i]);
        appendJsonNumber(out, WeightsField::part(model, i));
    }
    out += '}';
}

} // namespace

Result<Project, LoadError> readProject(const QString& path, Streams streams)
{
    Result<QByteArray, LoadError> content = readWholeFile(path, streams);
    if (!content)
        return unexpected(std::move(content).error());
    return readProjectText(content.value(), inputName(path, streams));
}

Result<Project, LoadError> readProjectText(QByteArrayView text, const QString& fileName)
{
    if (text.size() > kMaxFileBytes) {
        return unexpected(LoadError{
            fileName, 0, QString(),
            Text::tr("the file is larger than %1 MiB").arg(kMaxFileBytes / (1024 * 1024))});
    }
    text = withoutBom(text);
    if (const auto problem = findEncodingProblem(text))
        return unexpected(LoadError{fileName, problem->line, QString(), problem->message});
    return ProjectParser(text, fileName).parse();
}

std::optional<QString> projectWriteProblem(const Project& project)
{
    if (auto problem = datasetWriteProblem(project.data))
        return problem;
    if (const auto problem = learning::validate(project.settings))
        return describeSettingsProblem(*problem);
    if (!project.view.isValid())
        return Text::tr("the view must have xMin < xMax and yMin < yMax, all within ±1e12");
    if (project.epoch && (*project.epoch < 0 || *project.epoch > learning::kMaxEpochsLimit))
        return Text::tr("the timeline position is not a valid epoch");
    return std::nullopt;
}

QByteArray projectJsonText(const Project& project)
{
    QByteArray out;
    out.reserve(qsizetype(1024 + project.data.size() * 40));
    out += "{\n  ";
    appendKey(out, "format");
    appendName(out, kProjectFormatName);
    out += ",\n  ";
    appendKey(out, "version");
    out += QByteArray::number(kProjectFormatVersion);
    out += ",\n  \"settings\": {";
    const char* separator = "\n    ";
    forEachSettingsField([&](const auto& field) {
        out += separator;
        separator = ",\n    ";
        appendKey(out, field.key);
        appendField(out, field, project.settings);
    });
    out += "\n  },\n  ";
    appendKey(out, "view");
    out += "{\"xMin\": ";
    appendJsonNumber(out, project.view.xMin);
    out += ", \"xMax\": ";
    appendJsonNumber(out, project.view.xMax);
    out += ", \"yMin\": ";
    appendJsonNumber(out, project.view.yMin);
    out += ", \"yMax\": ";
    appendJsonNumber(out, project.view.yMax);
    out += "},\n  ";
    if (project.epoch) {
        appendKey(out, "epoch");
        out += QByteArray::number(*project.epoch);
        out += ",\n  ";
    }
    appendKey(out, "points");
    if (project.data.empty()) {
        out += "[]\n}\n";
        return out;
    }
    out += '[';
    for (std::size_t i = 0; i < project.data.size(); ++i) {
        const Eigen::Vector2d x = project.data.point(i);
        out += i == 0 ? "\n    {\"x1\": " : ",\n    {\"x1\": ";
        appendJsonNumber(out, x.x());
        out += ", \"x2\": ";
        appendJsonNumber(out, x.y());
        out += project.data.label(i) == 1 ? ", \"label\": 1}" : ", \"label\": 0}";
    }
    out += "\n  ]\n}\n";
    return out;
}

std::optional<SaveError> writeProject(const Project& project, const QString& path)
{
    if (const auto problem = projectWriteProblem(project))
        return SaveError{path, *problem};
    return saveAtomically(path, projectJsonText(project));
}

} // namespace plab::io
