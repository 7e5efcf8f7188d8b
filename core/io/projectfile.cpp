#include "io/projectfile.h"

#include "io/datasetfile.h"
#include "io/jsoncursor.h"
#include "io/jsonfieldreader.h"
#include "io/numberformat.h"
#include "io/settingsfields.h"
#include "io/textfile.h"
#include "io/validationtext.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <string_view>

namespace plab::io {

namespace {

/// The translation context of this file's texts (lupdate reads the name from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(plab::io::ProjectFile)
};

using Kind = JsonCursor::Kind;

QByteArrayView bytes(std::string_view text)
{
    return {text.data(), qsizetype(text.size())};
}

template <std::size_t N>
using Keys = JsonFieldReader::Keys<N>;

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
        : m_text(text), m_reader(text, fileName), m_cursor(m_reader.cursor())
    {}

    Result<Project, LoadError> parse()
    {
        Project project;
        if (!checkSyntaxAndVersion() || !readTop(project))
            return unexpected(*m_reader.error());
        return project;
    }

private:
    // --- Pass 1 -------------------------------------------------------------------------------

    bool checkSyntaxAndVersion()
    {
        JsonCursor cursor(m_text);
        const Kind kind = cursor.peek();
        const int topLine = cursor.line();
        if (kind == Kind::End)
            return m_reader.fail(0, QString(),
                                 Text::tr("the file is empty; a project file is a JSON object"));
        if (kind != Kind::Object) {
            if (!cursor.skipValue() || !cursor.expectEnd())
                return m_reader.syntaxFail(cursor);
            return m_reader.typeFail(topLine, QString(), Text::tr("a JSON object (a project file)"),
                                     kind);
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
            return m_reader.syntaxFail(cursor);

        const QString formatPath = QStringLiteral("format");
        if (formatKind == Kind::End) {
            return m_reader.fail(topLine, formatPath,
                                 Text::tr("not a Perceptron Lab project (there is no \"format\": "
                                          "\"perceptron-lab\")"));
        }
        if (formatKind != Kind::String || format != kProjectFormatName) {
            return m_reader.fail(
                formatLine, formatPath,
                Text::tr("not a Perceptron Lab project (the format is %1, expected "
                         "\"perceptron-lab\")")
                    .arg(formatKind == Kind::String ? QStringLiteral("\"%1\"").arg(excerpt(format))
                                                    : JsonCursor::describe(formatKind)));
        }
        const QString versionPath = QStringLiteral("version");
        if (versionKind == Kind::End)
            return m_reader.fail(topLine, versionPath, Text::tr("the format version is missing"));
        if (versionKind != Kind::Number)
            return m_reader.typeFail(versionLine, versionPath, Text::tr("a whole number"),
                                     versionKind);
        const ParsedNumber number = parseDouble(version);
        const bool whole =
            number.status == ParsedNumber::Status::Ok && number.value == std::trunc(number.value);
        if (number.status == ParsedNumber::Status::Overflow ||
            (whole && number.value > kProjectFormatVersion)) {
            return m_reader.fail(
                versionLine, versionPath,
                Text::tr("made by a newer Perceptron Lab (format version %1; this version "
                         "reads version %2): please update Perceptron Lab")
                    .arg(excerpt(version))
                    .arg(kProjectFormatVersion));
        }
        if (!whole || number.value < 1) {
            return m_reader.fail(versionLine, versionPath,
                                 Text::tr("unknown format version %1").arg(excerpt(version)));
        }
        return true;
    }

    // --- Pass 2: the schema -------------------------------------------------------------------

    bool readTop(Project& project)
    {
        const auto top = [] { return QString(); };
        const bool ok = m_reader.readObject(kTopKeys, top, {TopPoints}, [&](int key, int line) {
            switch (key) {
            case TopFormat:
            case TopVersion:
                return m_cursor.skipValue() || m_reader.syntaxFail(); // checked in pass 1
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
        return ok && (m_cursor.expectEnd() || m_reader.syntaxFail());
    }

    bool readSettings(learning::TrainingSettings& s)
    {
        const QString base = QStringLiteral("settings");
        const Keys<kSettingsFieldCount>& keys = settingsKeys();
        std::array<int, kSettingsFieldCount> lines{};
        const int objectLine = m_cursor.line();
        const auto path = [&](std::size_t key) { return childPath(base, keys[key]); };
        const bool ok = m_reader.readObject(
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
            return m_reader.fail(line, key ? path(*key) : base, describeSettingsProblem(*problem));
        }
        return true;
    }

    // One reader per field type of settingsfields.h.

    template <class E>
    bool readField(const QString& path, const ChoiceField<E>& field, learning::TrainingSettings& s)
    {
        return m_reader.readChoice(path, field, s.*field.member);
    }

    bool readField(const QString& path, const NumberField& field, learning::TrainingSettings& s)
    {
        return m_reader.readDouble(path, s.*field.member);
    }

    bool readField(const QString& path, const WholeField& field, learning::TrainingSettings& s)
    {
        qint64 value = 0;
        if (!m_reader.readInteger(path, field.min, field.max, value))
            return false;
        s.*field.member = int(value);
        return true;
    }

    bool readField(const QString& path, const FlagField& field, learning::TrainingSettings& s)
    {
        return m_reader.readBool(path, s.*field.member);
    }

    bool readField(const QString& path, const SeedField& field, learning::TrainingSettings& s)
    {
        return m_reader.readSeed(path, s.*field.member);
    }

    bool readField(const QString& base, const WeightsField& field, learning::TrainingSettings& s)
    {
        Keys<WeightsField::kParts.size()> keys;
        std::ranges::transform(WeightsField::kParts, keys.begin(), bytes);
        learning::LinearModel& model = s.*field.member;
        return m_reader.readObject(
            keys, [&] { return base; }, {},
            [&](int key, int) {
                return m_reader.readCoordinate(childPath(base, keys[std::size_t(key)]),
                                               WeightsField::part(model, std::size_t(key)));
            });
    }

    bool readView(ViewBox& box, int line)
    {
        const QString base = QStringLiteral("view");
        const bool ok = m_reader.readObject(
            kViewKeys, [&] { return base; }, {},
            [&](int key, int) {
                const QString path = childPath(base, kViewKeys[std::size_t(key)]);
                switch (key) {
                case 0:
                    return m_reader.readDouble(path, box.xMin);
                case 1:
                    return m_reader.readDouble(path, box.xMax);
                case 2:
                    return m_reader.readDouble(path, box.yMin);
                default:
                    return m_reader.readDouble(path, box.yMax);
                }
            });
        if (ok && !box.isValid()) {
            return m_reader.fail(
                line, base,
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
            return m_cursor.readNull() || m_reader.syntaxFail();
        }
        qint64 value = 0;
        if (!m_reader.readInteger(path, 0, learning::kMaxEpochsLimit, value))
            return false;
        epoch = int(value);
        return true;
    }

    bool readPoints(learning::Dataset& data)
    {
        const QString base = QStringLiteral("points");
        const Kind kind = m_cursor.peek();
        if (kind != Kind::Array)
            return m_reader.typeFail(m_cursor.line(), base, Text::tr("an array"), kind);
        m_cursor.enterArray();
        data.clear();
        std::size_t index = 0;
        while (m_cursor.nextElement()) {
            const auto pointPath = [&] { return QStringLiteral("points[%1]").arg(index); };
            if (index == learning::kMaxPoints) {
                m_cursor.peek();
                return m_reader.fail(m_cursor.line(), pointPath(),
                                     Text::tr("more than %1 points, the most a data set may hold")
                                         .arg(learning::kMaxPoints));
            }
            Eigen::Vector2d x = Eigen::Vector2d::Zero();
            int label = 0;
            const bool ok =
                m_reader.readObject(kPointKeys, pointPath, {0, 1, 2}, [&](int key, int line) {
                    const auto path = [&] {
                        return childPath(pointPath(), kPointKeys[std::size_t(key)]);
                    };
                    if (key < 2)
                        return m_reader.readCoordinate(path, x[key]);
                    double value = 0.0;
                    if (!m_reader.readDouble(path, value))
                        return false;
                    const std::optional<int> cls =
                        value == std::trunc(value) && std::abs(value) <= 1.0
                            ? learning::classFromLabel(std::int64_t(value))
                            : std::nullopt;
                    if (!cls) {
                        return m_reader.fail(
                            line, path(),
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
        return !m_cursor.hasError() || m_reader.syntaxFail();
    }

    QByteArrayView m_text;
    JsonFieldReader m_reader;
    JsonCursor& m_cursor; ///< m_reader's
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
