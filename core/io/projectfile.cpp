// The project file (docs/file-formats.md): version sniffing, the reader of versions 1 and 2
// (typed field readers in jsonfieldreader, the settings' schema in settingsfields.h) and the
// writer. Longer than our ~600-line guide on purpose: reader and writer share the format's key
// tables, kept private here so that the two cannot drift apart.
#include "io/projectfile.h"

#include "io/datasetfile.h"
#include "io/jsoncursor.h"
#include "io/jsonfieldreader.h"
#include "io/layersfile.h"
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

/// The keys version 2 adds to "settings", after those of settingsFields().
constexpr std::array<std::string_view, 8> kModelKeys{
    "model", "classes", "features", "multiclass", "hidden", "activation", "batch", "layers"};
enum ModelKey
{
    KeyModel,
    KeyClasses,
    KeyFeatures,
    KeyMulticlass,
    KeyHidden,
    KeyActivation,
    KeyBatch,
    KeyLayers
};
constexpr std::size_t kSettingsKeyCountV2 = kSettingsFieldCount + kModelKeys.size();

/// The keys of a version 2 "settings" object: settingsKeys(), then kModelKeys.
const Keys<kSettingsKeyCountV2>& settingsKeysV2()
{
    static const Keys<kSettingsKeyCountV2> keys = [] {
        Keys<kSettingsKeyCountV2> k;
        std::ranges::copy(settingsKeys(), k.begin());
        std::ranges::transform(kModelKeys, k.begin() + kSettingsFieldCount, bytes);
        return k;
    }();
    return keys;
}

/// The model key that learning::validateModel() reports as \p field.
ModelKey modelKey(learning::ModelSettingsError::Field field)
{
    using F = learning::ModelSettingsError::Field;
    switch (field) {
    case F::Classes:
        return KeyClasses;
    case F::Hidden:
        return KeyHidden;
    case F::Activation:
        return KeyActivation;
    case F::BatchSize:
        return KeyBatch;
    case F::Layers:
    case F::Bias:
        break;
    }
    return KeyLayers;
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
        if (!checkSyntaxAndVersion())
            return unexpected(*m_reader.error());
        // A key the file's version does not have means what that version did (settingsfields.h).
        forEachSettingsField([&](const auto& field) {
            if constexpr (requires { field.since; }) {
                if (field.since > m_version)
                    project.settings.*field.member = field.before;
            }
        });
        if (!readTop(project))
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
        m_version = int(number.value);
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
                return m_version >= 2 ? readSettings(project.settings, settingsKeysV2())
                                      : readSettings(project.settings, settingsKeys());
            case TopView:
                return readView(project.view, line);
            case TopEpoch:
                return readEpoch(project.epoch);
            case TopPoints:
                return readPoints(project.data);
            }
            return false;
        });
        if (!ok || !(m_cursor.expectEnd() || m_reader.syntaxFail()))
            return false;
        // The labels against the classes, once both are known (the keys may come in any order).
        for (int k = project.settings.classes; k < learning::kMaxClasses; ++k) {
            if (m_firstOfClass[std::size_t(k)].line > 0) {
                const FirstOfClass& first = m_firstOfClass[std::size_t(k)];
                return m_reader.fail(
                    first.line, QStringLiteral("points[%1].label").arg(first.index),
                    Text::tr("the label %1 is not a class of this project (settings.classes is "
                             "%2: the labels are 0 to %3)")
                        .arg(k)
                        .arg(project.settings.classes)
                        .arg(project.settings.classes - 1));
            }
        }
        return true;
    }

    template <std::size_t N>
    bool readSettings(learning::TrainingSettings& s, const Keys<N>& keys)
    {
        const QString base = QStringLiteral("settings");
        std::array<int, N> lines{};
        const int objectLine = m_cursor.line();
        const auto path = [&](std::size_t key) { return childPath(base, keys[key]); };
        const bool ok = m_reader.readObject(
            keys, [&] { return base; }, {},
            [&](int key, int line) {
                lines[std::size_t(key)] = line;
                if (std::size_t(key) >= kSettingsFieldCount)
                    return readModelField(path(std::size_t(key)),
                                          ModelKey(std::size_t(key) - kSettingsFieldCount), line,
                                          s);
                return visitSettingsField(std::size_t(key), [&](const auto& field) {
                    return readField(path(std::size_t(key)), field, s);
                });
            });
        if (!ok)
            return false;
        if constexpr (N > kSettingsFieldCount) {
            if (const auto problem = learning::validateModelToShow(s)) {
                const std::size_t key = kSettingsFieldCount + modelKey(problem->field);
                const int line = lines[key] > 0 ? lines[key] : objectLine;
                return m_reader.fail(line, lines[key] > 0 ? path(key) : base,
                                     describeModelProblem(*problem));
            }
        }
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

    /// A name of \p values (learning::name()); the message lists them.
    template <class E, std::size_t M>
    bool readName(const QString& path, int line, const std::array<E, M>& values, E& out)
    {
        QByteArray text;
        if (m_cursor.peek() != Kind::String)
            return m_reader.typeFail(line, path, Text::tr("a name"), m_cursor.peek());
        if (!m_cursor.readString(text))
            return m_reader.syntaxFail();
        QStringList names;
        for (const E value : values) {
            const std::string_view name = learning::name(value);
            if (bytes(name) == text) {
                out = value;
                return true;
            }
            names << QString::fromLatin1(name.data(), qsizetype(name.size()));
        }
        return m_reader.fail(line, path,
                             Text::tr("unknown name \"%1\" (expected one of: %2)")
                                 .arg(excerpt(text), names.join(QStringLiteral(", "))));
    }

    /// One of the keys version 2 adds (kModelKeys).
    bool readModelField(const QString& path, ModelKey key, int line, learning::TrainingSettings& s)
    {
        using namespace learning;
        qint64 value = 0;
        switch (key) {
        case KeyModel:
            return readName(path, line, std::array{ModelKind::Linear, ModelKind::Network}, s.model);
        case KeyClasses:
            if (!m_reader.readInteger(path, kMinClasses, kMaxClasses, value))
                return false;
            s.classes = int(value);
            return true;
        case KeyFeatures: {
            QByteArray text;
            if (m_cursor.peek() != Kind::String)
                return m_reader.typeFail(line, path, Text::tr("a list of features"),
                                         m_cursor.peek());
            if (!m_cursor.readString(text))
                return m_reader.syntaxFail();
            const auto features =
                FeatureSet::fromName(std::string_view(text.constData(), std::size_t(text.size())));
            if (!features) {
                return m_reader.fail(line, path,
                                     Text::tr("expected a comma-separated list of different "
                                              "features from x1, x2, x1sq, x2sq, x1x2, sinx1 and "
                                              "sinx2, found \"%1\"")
                                         .arg(excerpt(text)));
            }
            s.features = *features;
            return true;
        }
        case KeyMulticlass:
            return readName(path, line, std::array{Multiclass::Kesler, Multiclass::OneVsRest},
                            s.multiclass);
        case KeyHidden: {
            if (m_cursor.peek() != Kind::Array)
                return m_reader.typeFail(line, path, Text::tr("an array of whole numbers"),
                                         m_cursor.peek());
            m_cursor.enterArray();
            s.hidden.clear();
            while (m_cursor.nextElement()) {
                const QString element = QStringLiteral("%1[%2]").arg(path).arg(s.hidden.size());
                if (int(s.hidden.size()) == kMaxHiddenLayers) {
                    m_cursor.peek();
                    return m_reader.fail(m_cursor.line(), element,
                                         Text::tr("a network has 0 to 3 hidden layers of 1 to 16 "
                                                  "units"));
                }
                if (!m_reader.readInteger(element, 1, kMaxUnits, value))
                    return false;
                s.hidden.push_back(int(value));
            }
            return !m_cursor.hasError() || m_reader.syntaxFail();
        }
        case KeyActivation:
            return readName(path, line,
                            std::array{Activation::Tanh, Activation::Relu, Activation::Sigmoid,
                                       Activation::Identity, Activation::Step},
                            s.activation);
        case KeyBatch:
            if (!m_reader.readInteger(path, 0, qint64(kMaxPoints), value))
                return false;
            s.batchSize = int(value);
            return true;
        case KeyLayers:
            return readLayers(m_reader, path, s.initialLayers);
        }
        return false;
    }

    // One reader per field type of settingsfields.h.

    template <class E>
    bool readField(const QString& path, const ChoiceField<E>& field, learning::TrainingSettings& s)
    {
        if (field.since > m_version) {
            m_cursor.peek();
            return m_reader.fail(m_cursor.line(), path,
                                 Text::tr("this key is new in format version %1, and the file "
                                          "says version %2")
                                     .arg(field.since)
                                     .arg(m_version));
        }
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
                    if (m_version >= 2) {
                        // Version 2: the classes 0 ... 7, checked against "classes" at the end.
                        if (value == std::trunc(value) && value >= 0 &&
                            value < learning::kMaxClasses) {
                            label = int(value);
                            FirstOfClass& first = m_firstOfClass[std::size_t(label)];
                            if (first.line == 0)
                                first = {line, index};
                            return true;
                        }
                        return m_reader.fail(line, path(),
                                             Text::tr("the label must be a class 0 to 7, found %1")
                                                 .arg(QString::fromLatin1(formatDouble(value))));
                    }
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

    /// The first point of a class: its line and index (line 0: none yet).
    struct FirstOfClass
    {
        int line = 0;
        std::size_t index = 0;
    };

    QByteArrayView m_text;
    JsonFieldReader m_reader;
    JsonCursor& m_cursor;                                             ///< m_reader's
    int m_version = 1;                                                ///< read in pass 1
    std::array<FirstOfClass, learning::kMaxClasses> m_firstOfClass{}; ///< version 2 labels
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

/// The keys version 2 adds to "settings" (kModelKeys), one per line; "layers" only for given
/// layers.
void appendModelFields(QByteArray& out, const learning::TrainingSettings& s)
{
    const auto key = [&](ModelKey k) {
        out += ",\n    ";
        appendKey(out, kModelKeys[std::size_t(k)]);
    };
    key(KeyModel);
    appendName(out, learning::name(s.model));
    key(KeyClasses);
    out += QByteArray::number(s.classes);
    key(KeyFeatures);
    appendName(out, s.features.name());
    key(KeyMulticlass);
    appendName(out, learning::name(s.multiclass));
    key(KeyHidden);
    out += '[';
    for (std::size_t i = 0; i < s.hidden.size(); ++i) {
        if (i > 0)
            out += ", ";
        out += QByteArray::number(s.hidden[i]);
    }
    out += ']';
    key(KeyActivation);
    appendName(out, learning::name(s.activation));
    key(KeyBatch);
    out += QByteArray::number(s.batchSize);
    if (s.initialLayers.empty())
        return;
    key(KeyLayers);
    out += '[';
    for (std::size_t l = 0; l < s.initialLayers.size(); ++l) {
        const learning::Layer& layer = s.initialLayers[l];
        out += l == 0 ? "{\"W\": [" : ", {\"W\": [";
        for (Eigen::Index j = 0; j < layer.W.rows(); ++j) {
            out += j == 0 ? "[" : ", [";
            for (Eigen::Index i = 0; i < layer.W.cols(); ++i) {
                if (i > 0)
                    out += ", ";
                appendJsonNumber(out, layer.W(j, i));
            }
            out += ']';
        }
        out += "], \"b\": [";
        for (Eigen::Index j = 0; j < layer.b.size(); ++j) {
            if (j > 0)
                out += ", ";
            appendJsonNumber(out, layer.b(j));
        }
        out += "]}";
    }
    out += ']';
}

} // namespace

int projectVersionFor(const learning::TrainingSettings& s)
{
    const learning::TrainingSettings classic;
    const bool v1 = s.model == classic.model && s.classes == classic.classes &&
                    s.features == classic.features && s.multiclass == classic.multiclass &&
                    s.hidden == classic.hidden && s.activation == classic.activation &&
                    s.batchSize == classic.batchSize && s.initialLayers.empty();
    // Version 3 is needed only for a stop rule that versions 1 and 2 cannot say.
    bool older = true;
    forEachSettingsField([&](const auto& field) {
        if constexpr (requires { field.since; }) {
            if (field.since > 2 && s.*field.member != field.before)
                older = false;
        }
    });
    return !older ? 3 : v1 ? 1 : 2;
}

Result<Project, LoadError> readProject(const QString& path, Streams streams)
{
    Result<QByteArray, LoadError> content = readWholeFile(path, streams);
    if (!content)
        return unexpected(std::move(content).error());
    return readProjectText(content.value(), inputName(path, streams));
}

Result<Project, LoadError> readProjectText(QByteArrayView text, const QString& fileName)
{
    const auto checked = checkedText(text, fileName);
    if (!checked)
        return unexpected(checked.error());
    return ProjectParser(*checked, fileName).parse();
}

std::optional<QString> projectWriteProblem(const Project& project)
{
    if (auto problem = datasetWriteProblem(project.data))
        return problem;
    if (const auto problem = learning::validate(project.settings))
        return describeSettingsProblem(*problem);
    if (const auto problem = learning::validateModelToShow(project.settings))
        return describeModelProblem(*problem);
    if (learning::firstInvalidLabel(project.data, project.settings.classes))
        return Text::tr("a point has a class that is not one of the project's classes");
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
    const int version = projectVersionFor(project.settings);
    out += QByteArray::number(version);
    out += ",\n  \"settings\": {";
    const char* separator = "\n    ";
    forEachSettingsField([&](const auto& field) {
        if constexpr (requires { field.since; }) {
            if (field.since > version)
                return;
        }
        out += separator;
        separator = ",\n    ";
        appendKey(out, field.key);
        appendField(out, field, project.settings);
    });
    if (version >= 2)
        appendModelFields(out, project.settings);
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
        out += ", \"label\": ";
        out += QByteArray::number(project.data.label(i));
        out += '}';
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
