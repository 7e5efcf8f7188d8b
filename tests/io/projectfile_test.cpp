// The JSON project reader and writer: a table of malformed projects, each with the exact line and
// JSON path the error must name; the version-1 defaults; bit-exact round trips of every double;
// atomic writes.

#include "fileformat_support.h"
#include "io/projectfile.h"
#include "testsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <optional>
#include <vector>

namespace plab::io {
namespace {

using test::BadInput;
using test::nearlyEqual;
using test::sameBits;

const QString kName = QStringLiteral("lesson.json");

// Line numbers matter: the table below names them.
constexpr char kValid[] = R"({
  "format": "perceptron-lab",
  "version": 1,
  "settings": {
    "rule": "perceptron",
    "learningRate": 0.5,
    "maxEpochs": 20,
    "bias": true,
    "zero": "positive",
    "order": "shuffle",
    "seed": "42",
    "init": "given",
    "initial": {"w1": 0.25, "w2": -0.5, "b": 0},
    "randomScale": 1,
    "gradientMode": "online",
    "tolerance": 1e-9
  },
  "view": {"xMin": -1, "xMax": 2, "yMin": -1, "yMax": 2},
  "epoch": 3,
  "points": [
    {"x1": 0, "x2": 0, "label": 0},
    {"x1": 1, "x2": 1, "label": 1}
  ]
}
)";

/// kValid with the first occurrence of \p from replaced by \p to.
QByteArray edited(const char* from, const char* to)
{
    QByteArray text(kValid);
    const qsizetype at = text.indexOf(from);
    if (at < 0)
        return "test table error: text to replace not found";
    return text.replace(at, qsizetype(std::strlen(from)), to);
}

QByteArray deeplyNested()
{
    QByteArray text = R"({"format": "perceptron-lab", "version": 1, "x": )";
    text += QByteArray(1000, '[') + QByteArray(1000, ']') + "}";
    return text;
}

class MalformedProject : public ::testing::TestWithParam<BadInput>
{};

TEST_P(MalformedProject, NamesLineAndPath)
{
    const BadInput& input = GetParam();
    const Result<Project, LoadError> result = readProjectText(input.text, kName);
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().file, kName);
    EXPECT_EQ(result.error().line, input.line) << result.error().toString().toStdString();
    EXPECT_EQ(result.error().field, QString::fromLatin1(input.field))
        << result.error().toString().toStdString();
    EXPECT_FALSE(result.error().message.isEmpty());
    EXPECT_FALSE(result.error().toString().contains(u'\n'));
}

INSTANTIATE_TEST_SUITE_P(
    Syntax, MalformedProject,
    ::testing::Values(
        BadInput{"Empty", "", 0, ""}, BadInput{"OnlyWhitespace", " \n\t\n", 0, ""},
        BadInput{"TopLevelArray", "[1, 2]", 1, ""},
        BadInput{"TopLevelStringOnLine3", "\n\n\"perceptron-lab\"", 3, ""},
        BadInput{"MissingComma", edited("\"learningRate\": 0.5,", "\"learningRate\": 0.5"), 7, ""},
        BadInput{"Truncated", QByteArray(kValid).left(QByteArray(kValid).indexOf("\"x2\": 1")), 22,
                 ""},
        BadInput{"TrailingCommaInArray", edited("\"label\": 1}", "\"label\": 1},"), 23, ""},
        BadInput{"TrailingCommaInObject", edited("\"b\": 0}", "\"b\": 0,}"), 13, ""},
        BadInput{"LeadingZero", edited("\"maxEpochs\": 20", "\"maxEpochs\": 020"), 7, ""},
        BadInput{"SingleQuotes", edited("\"perceptron\",", "'perceptron',"), 5, ""},
        BadInput{"Comment", edited("  \"version\": 1,", "  // v1\n  \"version\": 1,"), 3, ""},
        BadInput{"GarbageAfterTheEnd", QByteArray(kValid) + "\n}", 26, ""},
        BadInput{"NewlineInsideString", edited("\"perceptron\"", "\"percep\ntron\""), 5, ""},
        BadInput{"BadEscape", edited("\"perceptron\"", "\"per\\qceptron\""), 5, ""},
        BadInput{"LoneSurrogate", edited("\"perceptron\"", "\"\\ud800\""), 5, ""},
        BadInput{"NumberWithoutDigits", edited("0.5", "-"), 6, ""},
        BadInput{"BareWord", edited("true", "yes"), 8, ""},
        BadInput{"NestedTooDeep", deeplyNested(), 1, ""},
        BadInput{"InvalidUtf8", edited("\"42\"", "\"4\xff\""), 11, ""}),
    [](const ::testing::TestParamInfo<BadInput>& info) { return std::string(info.param.name); });

INSTANTIATE_TEST_SUITE_P(
    FormatAndVersion, MalformedProject,
    ::testing::Values(
        BadInput{"NoFormat", edited("  \"format\": \"perceptron-lab\",\n", ""), 1, "format"},
        BadInput{"OtherFormat", edited("\"perceptron-lab\"", "\"tiled-map\""), 2, "format"},
        BadInput{"FormatNotAString", edited("\"perceptron-lab\"", "1"), 2, "format"},
        BadInput{"NewerVersion", edited("\"version\": 1", "\"version\": 4"), 3, "version"},
        BadInput{"NewerVersionWithNewKeys",
                 edited("\"version\": 1", "\"version\": 4, \"colours\": [\"red\"]"), 3, "version"},
        BadInput{"StopRuleInVersion1",
                 edited("\"tolerance\"", "\"stopRule\": \"zero-errors\", \"tolerance\""), 16,
                 "settings.stopRule"},
        BadInput{"HugeVersion", edited("\"version\": 1", "\"version\": 1e400"), 3, "version"},
        BadInput{"NoVersion", edited("  \"version\": 1,\n", ""), 1, "version"},
        BadInput{"VersionAsString", edited("\"version\": 1", "\"version\": \"1\""), 3, "version"},
        BadInput{"VersionZero", edited("\"version\": 1", "\"version\": 0"), 3, "version"},
        BadInput{"VersionFraction", edited("\"version\": 1", "\"version\": 1.5"), 3, "version"}),
    [](const ::testing::TestParamInfo<BadInput>& info) { return std::string(info.param.name); });

INSTANTIATE_TEST_SUITE_P(
    Schema, MalformedProject,
    ::testing::Values(
        BadInput{"UnknownTopKey", edited("\"epoch\": 3", "\"colours\": 3"), 19, "colours"},
        BadInput{"EscapedLineBreakInKey", edited("\"epoch\": 3", "\"ep\\noch\": 3"), 19, "ep?och"},
        BadInput{"RepeatedKey", edited("\"epoch\": 3,", "\"epoch\": 3, \"epoch\": 4,"), 19,
                 "epoch"},
        BadInput{"NoPoints", R"({"format": "perceptron-lab", "version": 1})", 1, "points"},
        BadInput{"PointsNotAnArray",
                 "{\"format\": \"perceptron-lab\", \"version\": 1,\n\"points\": {}}", 2, "points"},
        BadInput{"SettingsNotAnObject",
                 "{\"format\": \"perceptron-lab\", \"version\": 1,\n\"settings\": [],\n"
                 "\"points\": []}",
                 2, "settings"},
        BadInput{"RuleUnknown", edited("\"perceptron\"", "\"hebb\""), 5, "settings.rule"},
        BadInput{"RuleWrongCase", edited("\"perceptron\"", "\"Perceptron\""), 5, "settings.rule"},
        BadInput{"RuleNotAString", edited("\"perceptron\"", "1"), 5, "settings.rule"},
        BadInput{"LearningRateText", edited("0.5", "\"fast\""), 6, "settings.learningRate"},
        BadInput{"LearningRateZero", edited("0.5", "0"), 6, "settings.learningRate"},
        BadInput{"LearningRateNegative", edited("0.5", "-0.5"), 6, "settings.learningRate"},
        BadInput{"LearningRateTooLarge", edited("0.5", "2e9"), 6, "settings.learningRate"},
        BadInput{"MaxEpochsZero", edited("\"maxEpochs\": 20", "\"maxEpochs\": 0"), 7,
                 "settings.maxEpochs"},
        BadInput{"MaxEpochsFraction", edited("\"maxEpochs\": 20", "\"maxEpochs\": 2.5"), 7,
                 "settings.maxEpochs"},
        BadInput{"MaxEpochsTooMany", edited("\"maxEpochs\": 20", "\"maxEpochs\": 1e8"), 7,
                 "settings.maxEpochs"},
        BadInput{"BiasText", edited("true", "\"yes\""), 8, "settings.bias"},
        BadInput{"ZeroUnknown", edited("\"positive\"", "\"maybe\""), 9, "settings.zero"},
        BadInput{"OrderUnknown", edited("\"shuffle\"", "\"random\""), 10, "settings.order"},
        BadInput{"SeedNegative", edited("\"42\"", "\"-1\""), 11, "settings.seed"},
        BadInput{"SeedText", edited("\"42\"", "\"abc\""), 11, "settings.seed"},
        BadInput{"SeedEmpty", edited("\"42\"", "\"\""), 11, "settings.seed"},
        BadInput{"SeedBeyond64Bits", edited("\"42\"", "\"18446744073709551616\""), 11,
                 "settings.seed"},
        BadInput{"SeedFractionNumber", edited("\"42\"", "1.5"), 11, "settings.seed"},
        BadInput{"SeedBool", edited("\"42\"", "true"), 11, "settings.seed"},
        BadInput{"InitUnknown", edited("\"given\"", "\"ones\""), 12, "settings.init"},
        BadInput{"InitialW1Text", edited("0.25", "\"a\""), 13, "settings.initial.w1"},
        BadInput{"InitialBeyondLimit", edited("\"b\": 0", "\"b\": 1e10"), 13, "settings.initial.b"},
        BadInput{"InitialUnknownKey", edited("\"b\": 0", "\"w3\": 0"), 13, "settings.initial.w3"},
        BadInput{"RandomScaleZero", edited("\"randomScale\": 1", "\"randomScale\": 0"), 14,
                 "settings.randomScale"},
        BadInput{"GradientModeUnknown", edited("\"online\"", "\"minibatch\""), 15,
                 "settings.gradientMode"},
        BadInput{"ToleranceNegative", edited("1e-9", "-1e-9"), 16, "settings.tolerance"},
        BadInput{"SettingsUnknownKey", edited("1e-9", "1e-9, \"momentum\": 0.9"), 16,
                 "settings.momentum"},
        BadInput{"ViewReversed", edited("\"xMin\": -1", "\"xMin\": 3"), 18, "view"},
        BadInput{"ViewEmptySpan", edited("\"yMin\": -1", "\"yMin\": 2"), 18, "view"},
        BadInput{"ViewTooFar", edited("\"xMax\": 2", "\"xMax\": 1e13"), 18, "view"},
        BadInput{"ViewText", edited("\"xMin\": -1", "\"xMin\": \"left\""), 18, "view.xMin"},
        BadInput{"EpochNegative", edited("\"epoch\": 3", "\"epoch\": -1"), 19, "epoch"},
        BadInput{"EpochFraction", edited("\"epoch\": 3", "\"epoch\": 2.5"), 19, "epoch"},
        BadInput{"EpochText", edited("\"epoch\": 3", "\"epoch\": \"3\""), 19, "epoch"},
        BadInput{"PointMissingX2", edited("{\"x1\": 1, \"x2\": 1,", "{\"x1\": 1,"), 22,
                 "points[1].x2"},
        BadInput{"PointLabelTwo", edited("\"label\": 1", "\"label\": 2"), 22, "points[1].label"},
        BadInput{"PointLabelFraction", edited("\"label\": 1", "\"label\": 0.5"), 22,
                 "points[1].label"},
        BadInput{"PointLabelText", edited("\"label\": 1", "\"label\": \"1\""), 22,
                 "points[1].label"},
        BadInput{"PointBeyondLimit", edited("{\"x1\": 0", "{\"x1\": -1e10"), 21, "points[0].x1"},
        BadInput{"PointTooLargeForADouble", edited("{\"x1\": 0", "{\"x1\": 1e400"), 21,
                 "points[0].x1"},
        BadInput{"PointTooSmallForADouble", edited("{\"x1\": 0", "{\"x1\": 1e-400"), 21,
                 "points[0].x1"},
        BadInput{"PointUnknownKey", edited("\"label\": 0}", "\"label\": 0, \"z\": 1}"), 21,
                 "points[0].z"},
        BadInput{"PointAsArray", edited("{\"x1\": 0, \"x2\": 0, \"label\": 0}", "[0, 0, 0]"), 21,
                 "points[0]"},
        BadInput{"PointNull", edited("{\"x1\": 0, \"x2\": 0, \"label\": 0}", "null"), 21,
                 "points[0]"}),
    [](const ::testing::TestParamInfo<BadInput>& info) { return std::string(info.param.name); });

TEST(ProjectFile, ReadsTheValidExample)
{
    const Result<Project, LoadError> result = readProjectText(kValid, kName);
    ASSERT_TRUE(result.has_value()) << result.error().toString().toStdString();
    const Project& p = result.value();
    EXPECT_EQ(p.settings.rule, learning::Rule::Perceptron);
    EXPECT_EQ(p.settings.learningRate, 0.5);
    EXPECT_EQ(p.settings.maxEpochs, 20);
    EXPECT_TRUE(p.settings.useBias);
    EXPECT_EQ(p.settings.zero, learning::ZeroConvention::Positive);
    EXPECT_EQ(p.settings.order, learning::SampleOrder::Shuffle);
    EXPECT_EQ(p.settings.seed, 42u);
    EXPECT_EQ(p.settings.init, learning::InitKind::Given);
    EXPECT_EQ(p.settings.initial.w, Eigen::Vector2d(0.25, -0.5));
    EXPECT_EQ(p.settings.initial.b, 0.0);
    EXPECT_EQ(p.settings.tolerance, 1e-9);
    EXPECT_EQ(p.view, (ViewBox{-1, 2, -1, 2}));
    EXPECT_EQ(p.epoch, std::optional<int>(3));
    EXPECT_EQ(p.data, learning::Dataset({{{0, 0}, 0}, {{1, 1}, 1}}));
}

TEST(ProjectFile, MessagesSayWhatIsWrong)
{
    const auto message = [](const QByteArray& text) {
        return readProjectText(text, kName).error().toString();
    };
    EXPECT_EQ(message(edited("\"version\": 1", "\"version\": 4")),
              QStringLiteral("lesson.json:3: version: made by a newer Perceptron Lab (format "
                             "version 4; this version reads version 3): please update Perceptron "
                             "Lab"));
    EXPECT_EQ(message(edited("\"perceptron\"", "\"hebb\"")),
              QStringLiteral("lesson.json:5: settings.rule: unknown name \"hebb\" (expected one "
                             "of: perceptron, pocket, averaged, adaline, logistic)"));
    EXPECT_EQ(message(edited("0.5", "\"fast\"")),
              QStringLiteral("lesson.json:6: settings.learningRate: expected a number, found a "
                             "string"));
    EXPECT_EQ(message(edited("\"learningRate\": 0.5,", "\"learningRate\": 0.5")),
              QStringLiteral("lesson.json:7: not valid JSON: \",\" or \"}\" expected, found "
                             "\"\"maxEpochs\":\u2026\""));
    EXPECT_EQ(message(edited("{\"x1\": 1, \"x2\": 1,", "{\"x1\": 1,")),
              QStringLiteral("lesson.json:22: points[1].x2: missing"));
}

TEST(ProjectFile, RefusesNulBytes)
{
    QByteArray text = kValid;
    text[text.indexOf("perceptron\"")] = '\0';
    const Result<Project, LoadError> result = readProjectText(text, kName);
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().line, 5);
}

TEST(ProjectFile, MinimalProjectTakesTheVersion1Defaults)
{
    const Result<Project, LoadError> result =
        readProjectText(R"({"format": "perceptron-lab", "version": 1, "points": []})", kName);
    ASSERT_TRUE(result.has_value()) << result.error().toString().toStdString();
    const Project& p = result.value();
    // The defaults are part of format version 1: if TrainingSettings' defaults ever change, the
    // reader must keep these.
    EXPECT_EQ(p.settings.rule, learning::Rule::Perceptron);
    EXPECT_EQ(p.settings.learningRate, 1.0);
    EXPECT_EQ(p.settings.maxEpochs, 100);
    EXPECT_TRUE(p.settings.useBias);
    EXPECT_EQ(p.settings.zero, learning::ZeroConvention::Positive);
    EXPECT_EQ(p.settings.order, learning::SampleOrder::File);
    EXPECT_EQ(p.settings.seed, 1u);
    EXPECT_EQ(p.settings.init, learning::InitKind::Zeros);
    EXPECT_EQ(p.settings.initial, learning::LinearModel{});
    EXPECT_EQ(p.settings.randomScale, 1.0);
    EXPECT_EQ(p.settings.gradientMode, learning::GradientMode::Online);
    EXPECT_EQ(p.settings.tolerance, 1e-9);
    // Version 1 knew one stop rule: as soon as the weights make no error.
    EXPECT_EQ(p.settings.perceptronStop, learning::PerceptronStop::ZeroErrors);
    EXPECT_EQ(p.view, (ViewBox{-0.5, 1.5, -0.5, 1.5}));
    EXPECT_FALSE(p.epoch.has_value());
    EXPECT_TRUE(p.data.empty());
}

TEST(ProjectFile, AcceptsBomCrlfEscapedKeysNullEpochAndMinusOneLabels)
{
    const QByteArray text = "\xEF\xBB\xBF{\r\n"
                            "  \"\\u0066ormat\": \"perceptron-lab\",\r\n"
                            "  \"version\": 1.0,\r\n"
                            "  \"epoch\": null,\r\n"
                            "  \"points\": [{\"label\": -1, \"x2\": 2, \"x1\": 1},\r\n"
                            "             {\"x1\": 3, \"x2\": 4, \"label\": 1}]\r\n"
                            "}\r\n";
    const Result<Project, LoadError> result = readProjectText(text, kName);
    ASSERT_TRUE(result.has_value()) << result.error().toString().toStdString();
    EXPECT_FALSE(result.value().epoch.has_value());
    EXPECT_EQ(result.value().data, learning::Dataset({{{1, 2}, 0}, {{3, 4}, 1}}));
}

TEST(ProjectFile, SeedsKeepAll64Bits)
{
    const Result<Project, LoadError> asString =
        readProjectText(edited("\"42\"", "\"18446744073709551615\""), kName);
    ASSERT_TRUE(asString.has_value()) << asString.error().toString().toStdString();
    EXPECT_EQ(asString.value().settings.seed, std::numeric_limits<std::uint64_t>::max());
    // Written by hand as a number: read from its text, not through a double (2^53 + 1 would
    // become 2^53).
    const Result<Project, LoadError> asNumber =
        readProjectText(edited("\"42\"", "9007199254740993"), kName);
    ASSERT_TRUE(asNumber.has_value()) << asNumber.error().toString().toStdString();
    EXPECT_EQ(asNumber.value().settings.seed, 9007199254740993u);
}

Project awkwardProject()
{
    Project p;
    p.settings.rule = learning::Rule::Logistic;
    p.settings.learningRate = 0.1;
    p.settings.maxEpochs = 10'000'000;
    p.settings.useBias = false;
    p.settings.zero = learning::ZeroConvention::Mistake;
    p.settings.order = learning::SampleOrder::Shuffle;
    p.settings.seed = std::numeric_limits<std::uint64_t>::max() - 1;
    p.settings.init = learning::InitKind::Given;
    p.settings.initial = {Eigen::Vector2d(-0.0, 1.0 / 3.0), 1e-300};
    p.settings.randomScale = 0.30000000000000004;
    p.settings.gradientMode = learning::GradientMode::Batch;
    p.settings.tolerance = std::numeric_limits<double>::denorm_min();
    p.view = {-0.1, 0.7 + 0.1, -1e9, 2.0 / 3.0};
    p.epoch = 12345;
    const double values[] = {0.1, -0.0, 1e-300, 5e-324, 1e9,  -1e9, 2.2250738585072014e-308,
                             0.2, 1e-7, 4.35,   100.0,  -3.5, 0.0,  999999999.99999988};
    for (std::size_t i = 0; i + 1 < std::size(values); ++i)
        p.data.add({values[i], values[i + 1]}, int(i % 2));
    return p;
}

void expectBitIdentical(const Project& a, const Project& b)
{
    EXPECT_EQ(a, b);
    EXPECT_TRUE(sameBits(a.settings.learningRate, b.settings.learningRate));
    EXPECT_TRUE(sameBits(a.settings.initial.w.x(), b.settings.initial.w.x()));
    EXPECT_TRUE(sameBits(a.settings.initial.w.y(), b.settings.initial.w.y()));
    EXPECT_TRUE(sameBits(a.settings.initial.b, b.settings.initial.b));
    EXPECT_TRUE(sameBits(a.settings.randomScale, b.settings.randomScale));
    EXPECT_TRUE(sameBits(a.settings.tolerance, b.settings.tolerance));
    EXPECT_TRUE(sameBits(a.view.xMin, b.view.xMin));
    EXPECT_TRUE(sameBits(a.view.xMax, b.view.xMax));
    EXPECT_TRUE(sameBits(a.view.yMin, b.view.yMin));
    EXPECT_TRUE(sameBits(a.view.yMax, b.view.yMax));
    ASSERT_EQ(a.data.coordinates().size(), b.data.coordinates().size());
    for (std::size_t i = 0; i < a.data.coordinates().size(); ++i)
        EXPECT_TRUE(sameBits(a.data.coordinates()[i], b.data.coordinates()[i])) << "value " << i;
}

TEST(ProjectFile, RoundTripIsBitExactThroughAFile)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("awkward.json"));
    const Project project = awkwardProject();
    ASSERT_FALSE(writeProject(project, path).has_value());
    const Result<Project, LoadError> back = readProject(path);
    ASSERT_TRUE(back.has_value()) << back.error().toString().toStdString();
    expectBitIdentical(back.value(), project);
}

TEST(ProjectFile, RoundTripKeepsAnEmptyDataSetAndNoEpoch)
{
    Project project;
    const Result<Project, LoadError> back = readProjectText(projectJsonText(project), kName);
    ASSERT_TRUE(back.has_value()) << back.error().toString().toStdString();
    expectBitIdentical(back.value(), project);
}

TEST(ProjectFile, WrittenTextIsTheDocumentedLayout)
{
    Project project;
    project.settings.seed = 7;
    project.settings.tolerance = 1e-9;
    project.settings.perceptronStop = learning::PerceptronStop::ZeroErrors; // version 1's rule
    project.epoch = 2;
    project.data.add({0.0, -0.0}, 0);
    project.data.add({1.0, 0.1}, 1);
    EXPECT_EQ(projectJsonText(project), QByteArray(R"({
  "format": "perceptron-lab",
  "version": 1,
  "settings": {
    "rule": "perceptron",
    "learningRate": 1,
    "maxEpochs": 100,
    "bias": true,
    "zero": "positive",
    "order": "file",
    "seed": "7",
    "init": "zeros",
    "initial": {"w1": 0, "w2": 0, "b": 0},
    "randomScale": 1,
    "gradientMode": "online",
    "tolerance": 1e-09
  },
  "view": {"xMin": -0.5, "xMax": 1.5, "yMin": -0.5, "yMax": 1.5},
  "epoch": 2,
  "points": [
    {"x1": 0, "x2": -0.0, "label": 0},
    {"x1": 1, "x2": 0.1, "label": 1}
  ]
}
)"));
}

TEST(ProjectFile, AnUnknownNameListsTheValidOnes)
{
    const struct
    {
        const char* from;
        const char* to;
        const char* message;
    } cases[] = {
        {"\"perceptron\"", "\"hebb\"",
         "unknown name \"hebb\" (expected one of: perceptron, pocket, averaged, adaline, "
         "logistic)"},
        {"\"positive\"", "\"maybe\"",
         "unknown name \"maybe\" (expected one of: positive, negative, mistake)"},
        {"\"shuffle\"", "\"random\"", "unknown name \"random\" (expected one of: file, shuffle)"},
        {"\"given\"", "\"ones\"", "unknown name \"ones\" (expected one of: zeros, random, given)"},
        {"\"online\"", "\"minibatch\"",
         "unknown name \"minibatch\" (expected one of: online, batch)"},
    };
    for (const auto& c : cases) {
        const Result<Project, LoadError> project = readProjectText(edited(c.from, c.to), kName);
        ASSERT_FALSE(project.has_value()) << c.to;
        EXPECT_EQ(project.error().message, QString::fromUtf8(c.message));
    }
}

TEST(ProjectFile, EveryExampleProjectIsWrittenBackByteForByte)
{
    // The lessons were saved by the program: reading and writing one must change no byte, so
    // the writer derived from the settings fields writes version 1 as it always has.
    const QDir examples(QStringLiteral(PLAB_EXAMPLES_DIR));
    const QStringList names = examples.entryList({QStringLiteral("*.json")}, QDir::Files);
    ASSERT_FALSE(names.isEmpty());
    for (const QString& name : names) {
        const QByteArray text = test::fileContent(examples.filePath(name));
        const Result<Project, LoadError> project = readProjectText(text, name);
        ASSERT_TRUE(project.has_value()) << project.error().toString().toStdString();
        EXPECT_EQ(projectJsonText(project.value()), text) << name.toStdString();
    }
}

TEST(ProjectFile, RefusesToWriteAnInvalidProjectAndKeepsTheOldFile)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lesson.json"));
    ASSERT_TRUE(test::writeFile(path, kValid));
    Project badRate = awkwardProject();
    badRate.settings.learningRate = 0.0;
    Project badView = awkwardProject();
    badView.view.xMax = badView.view.xMin;
    Project badPoint = awkwardProject();
    badPoint.data.add({std::numeric_limits<double>::infinity(), 0.0}, 1);
    for (const Project* bad : {&badRate, &badView, &badPoint}) {
        const std::optional<SaveError> error = writeProject(*bad, path);
        ASSERT_TRUE(error.has_value());
        EXPECT_EQ(error->file, path);
        EXPECT_EQ(test::fileContent(path), QByteArray(kValid));
    }
}

TEST(ProjectFile, WriteIntoAMissingFolderFails)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("gone/lesson.json"));
    const std::optional<SaveError> error = writeProject(awkwardProject(), path);
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->file, path);
    EXPECT_FALSE(QFileInfo::exists(path));
}

TEST(ProjectFile, MissingFileIsNamed)
{
    const Result<Project, LoadError> result =
        readProject(QStringLiteral("/nonexistent/lesson.json"));
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().toString(),
              QStringLiteral("/nonexistent/lesson.json: the file does not exist"));
}

struct ViewCase
{
    ViewBox box;
    bool valid;
};

class ViewBoxValidity : public ::testing::TestWithParam<ViewCase>
{};

TEST_P(ViewBoxValidity, MatchesTheRule)
{
    EXPECT_EQ(GetParam().box.isValid(), GetParam().valid);
}

constexpr double kInf = std::numeric_limits<double>::infinity();

INSTANTIATE_TEST_SUITE_P(
    Table, ViewBoxValidity,
    ::testing::Values(ViewCase{{-0.5, 1.5, -0.5, 1.5}, true},
                      ViewCase{{-1e9, 1e9, -1e9, 1e9}, true}, ViewCase{{-1e12, 1e12, 0, 1}, true},
                      ViewCase{{0, 1e-9, 0, 1}, true}, ViewCase{{0, 1, 0, 1e-10}, false},
                      ViewCase{{1, 0, 0, 1}, false}, ViewCase{{0, 1, 1, 1}, false},
                      ViewCase{{0, 1, 0, 2e12}, false}, ViewCase{{0, kInf, 0, 1}, false},
                      ViewCase{{0, 1, std::nan(""), 1}, false},
                      ViewCase{{1e9, 1e9 + 1e-3, 0, 1}, false},
                      ViewCase{{1e9, 1e9 + 10, 0, 1}, true}));

TEST(ViewBoxes, FitFramesTheDataWithAMargin)
{
    const learning::Dataset data({{{0, 0}, 0}, {{2, 1}, 1}});
    const ViewBox v = fitToData(data, 0.1);
    EXPECT_TRUE(nearlyEqual(v.xMin, -0.2));
    EXPECT_TRUE(nearlyEqual(v.xMax, 2.2));
    EXPECT_TRUE(nearlyEqual(v.yMin, -0.1));
    EXPECT_TRUE(nearlyEqual(v.yMax, 1.1));
}

TEST(ViewBoxes, FitAroundOnePointUsesHalfAUnit)
{
    EXPECT_EQ(fitToData(learning::Dataset({{{3, 4}, 1}})), (ViewBox{2.5, 3.5, 3.5, 4.5}));
    EXPECT_EQ(fitToData(learning::Dataset{}), ViewBox{});
}

TEST(ViewBoxes, FitObeysTheViewRuleAtTheDataLimits)
{
    // Half a unit around a point at 1e9 is below the smallest span there (1e-9 x 1e9 = 1 unit
    // per side is the limit); the fitted view is widened, never left invalid.
    for (const learning::Dataset& data :
         {learning::Dataset({{{1e9, -1e9}, 1}}),
          learning::Dataset({{{1e9, 1e9}, 0}, {{1e9, 1e9}, 1}}),
          learning::Dataset({{{-1e9, -1e9}, 0}, {{1e9, 1e9}, 1}})}) {
        const ViewBox v = fitToData(data);
        EXPECT_TRUE(v.isValid()) << v.xMin << " " << v.xMax << " " << v.yMin << " " << v.yMax;
        for (std::size_t i = 0; i < data.size(); ++i) {
            EXPECT_LE(v.xMin, data.point(i).x());
            EXPECT_GE(v.xMax, data.point(i).x());
            EXPECT_LE(v.yMin, data.point(i).y());
            EXPECT_GE(v.yMax, data.point(i).y());
        }
    }
}

TEST(ClampedView, GivesTheNearestValidBox)
{
    // Valid boxes come back unchanged.
    for (const ViewBox& box : {ViewBox{}, ViewBox{-1e12, 1e12, 0, 1}, ViewBox{0, 1e-9, 0, 1}})
        EXPECT_EQ(clampedView(box), box);
    // Wider than the range (an infinite span too): the whole range.
    EXPECT_EQ(clampedView({-3e12, 3e12, 0, 1}), (ViewBox{-1e12, 1e12, 0, 1}));
    EXPECT_EQ(clampedView({-kInf, 5, 0, 1}), (ViewBox{-1e12, 1e12, 0, 1}));
    EXPECT_EQ(clampedView({kInf, kInf, 0, 1}), (ViewBox{-1e12, 1e12, 0, 1}));
    // Beyond the range: moved back inside with the span kept (a pan stops at the edge).
    EXPECT_EQ(clampedView({0, 1, 0.5e12, 1.5e12}), (ViewBox{0, 1, 0, 1e12}));
    EXPECT_EQ(clampedView({-1.5e12, -1e12 + 10, 0, 1}), (ViewBox{-1e12, -0.5e12 + 10, 0, 1}));
    // Swapped bounds in order.
    EXPECT_EQ(clampedView({1, 0, 3, 2}), (ViewBox{0, 1, 2, 3}));
    // NaN: no box.
    EXPECT_FALSE(clampedView({0, 1, std::nan(""), 1}).has_value());
}

TEST(ClampedView, WidensSpansTooNarrowToResolveAboutTheirCentre)
{
    const std::optional<ViewBox> narrow = clampedView({1e9, 1e9 + 1e-3, 4, 4});
    ASSERT_TRUE(narrow.has_value());
    EXPECT_TRUE(narrow->isValid());
    EXPECT_NEAR(0.5 * (narrow->xMin + narrow->xMax), 1e9 + 5e-4, 1e-3);
    EXPECT_NEAR(0.5 * (narrow->yMin + narrow->yMax), 4.0, 1e-12);
    // At the edge of the range, the widened span stays inside it.
    const std::optional<ViewBox> edge = clampedView({1e12, 1e12, -1e12, -1e12});
    ASSERT_TRUE(edge.has_value());
    EXPECT_TRUE(edge->isValid());
    EXPECT_EQ(edge->xMax, 1e12);
    EXPECT_EQ(edge->yMin, -1e12);
}

TEST(ClampedView, AlwaysGivesAValidBox)
{
    // Bounds from every scale, both signs, zero and infinity, in every combination of pairs.
    const double values[] = {0.0,        1e-300, 1e-12, 0.5,        1.0,  3.0,   1e6, 1e9,
                             1e9 + 0.25, 1e11,   1e12,  1e12 + 1e3, 2e12, 1e300, kInf};
    std::vector<double> all;
    for (double v : values) {
        all.push_back(v);
        all.push_back(-v);
    }
    for (double lo : all) {
        for (double hi : all) {
            const std::optional<ViewBox> out = clampedView({lo, hi, hi, lo});
            ASSERT_TRUE(out.has_value());
            EXPECT_TRUE(out->isValid()) << lo << " " << hi;
            EXPECT_EQ(clampedView(*out), out); // a fixed point
        }
    }
}

} // namespace
} // namespace plab::io

namespace plab::io {
namespace {

/// A version 2 project: a 2-2-3 network for three classes (line numbers matter below).
constexpr char kVersion2[] = R"({
  "format": "perceptron-lab",
  "version": 2,
  "settings": {
    "rule": "perceptron",
    "init": "given",
    "model": "mlp",
    "classes": 3,
    "features": "x1,x2",
    "hidden": [2],
    "activation": "relu",
    "batch": 0,
    "layers": [{"W": [[1, 0], [0, 1]], "b": [0, 0]}, {"W": [[1, 0], [0, 1], [-1, -1]], "b": [0, 0, 1]}]
  },
  "points": [
    {"x1": 0, "x2": 0, "label": 0},
    {"x1": 1, "x2": 1, "label": 2}
  ]
}
)";

QByteArray version2(const char* from, const char* to)
{
    QByteArray text(kVersion2);
    const qsizetype at = text.indexOf(from);
    EXPECT_GE(at, 0) << from;
    return text.replace(at, qsizetype(std::strlen(from)), to);
}

TEST(ProjectFileVersion2, TheModelReadsAndWritesBack)
{
    const auto read = readProjectText(QByteArray(kVersion2), kName);
    ASSERT_TRUE(read) << read.error().toString().toStdString();
    const learning::TrainingSettings& s = read->settings;
    EXPECT_EQ(s.model, learning::ModelKind::Network);
    EXPECT_EQ(s.classes, 3);
    EXPECT_EQ(s.hidden, std::vector<int>{2});
    EXPECT_EQ(s.activation, learning::Activation::Relu);
    EXPECT_EQ(s.batchSize, 0);
    ASSERT_EQ(s.initialLayers.size(), 2U);
    EXPECT_EQ(s.initialLayers[1].W(2, 1), -1.0);
    EXPECT_EQ(read->data.label(1), 2);

    EXPECT_EQ(projectVersionFor(s), 2);
    const QByteArray written = projectJsonText(read.value());
    EXPECT_TRUE(written.contains("\"version\": 2,")) << written.toStdString();
    const auto again = readProjectText(written, kName);
    ASSERT_TRUE(again) << again.error().toString().toStdString();
    EXPECT_EQ(again->settings, s);
    EXPECT_EQ(again->data, read->data);
    // Features other than x1, x2 alone make a version 2 file too.
    learning::TrainingSettings features;
    features.perceptronStop = learning::PerceptronStop::ZeroErrors;
    features.features = *learning::FeatureSet::fromName("x1,x2,x1x2");
    EXPECT_EQ(projectVersionFor(features), 2);
    learning::TrainingSettings zeroErrors;
    zeroErrors.perceptronStop = learning::PerceptronStop::ZeroErrors;
    EXPECT_EQ(projectVersionFor(zeroErrors), 1);
    // Rosenblatt's rule, the default, needs version 3.
    EXPECT_EQ(projectVersionFor(learning::TrainingSettings()), 3);
}

// Version 3 adds "stopRule"; versions 1 and 2 mean zero-errors, the only rule they had, so an old
// project reproduces the run it recorded.
TEST(ProjectFileVersion3, TheStopRuleReadsAndWritesBack)
{
    Project project;
    project.data.add({0.0, 0.0}, 0);
    project.data.add({1.0, 1.0}, 1);
    const QByteArray written = projectJsonText(project);
    EXPECT_TRUE(written.contains("\"version\": 3,")) << written.toStdString();
    EXPECT_TRUE(written.contains("\"tolerance\": 1e-09,\n    \"stopRule\": \"mistake-free-pass\",\n"
                                 "    \"model\": \"linear\""))
        << written.toStdString();
    const auto back = readProjectText(written, kName);
    ASSERT_TRUE(back) << back.error().toString().toStdString();
    EXPECT_EQ(back->settings.perceptronStop, learning::PerceptronStop::MistakeFreePass);
    expectBitIdentical(back.value(), project);

    // Version 3 without the key: the default of version 3.
    const auto minimal =
        readProjectText(R"({"format": "perceptron-lab", "version": 3, "points": []})", kName);
    ASSERT_TRUE(minimal) << minimal.error().toString().toStdString();
    EXPECT_EQ(minimal->settings.perceptronStop, learning::PerceptronStop::MistakeFreePass);
    const auto named = readProjectText(
        R"({"format": "perceptron-lab", "version": 3, "settings": {"stopRule": "zero-errors"},
            "points": []})",
        kName);
    ASSERT_TRUE(named) << named.error().toString().toStdString();
    EXPECT_EQ(named->settings.perceptronStop, learning::PerceptronStop::ZeroErrors);

    // Versions 1 and 2 without it: zero-errors; with it: refused, naming the key and versions.
    const auto v2 = readProjectText(
        R"({"format": "perceptron-lab", "version": 2, "settings": {"classes": 3}, "points": []})",
        kName);
    ASSERT_TRUE(v2) << v2.error().toString().toStdString();
    EXPECT_EQ(v2->settings.perceptronStop, learning::PerceptronStop::ZeroErrors);
    const auto refused = readProjectText(
        "{\"format\": \"perceptron-lab\", \"version\": 2,\n\"settings\": {\"stopRule\": "
        "\"zero-errors\"}, \"points\": []}",
        kName);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().toString(),
              QStringLiteral("lesson.json:2: settings.stopRule: this key is new in format "
                             "version 3, and the file says version 2"));
    const auto unknown = readProjectText(
        R"({"format": "perceptron-lab", "version": 3, "settings": {"stopRule": "never"},
            "points": []})",
        kName);
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().message,
              QStringLiteral("unknown name \"never\" (expected one of: mistake-free-pass, "
                             "zero-errors)"));
}

TEST(ProjectFileVersion2, BadValuesNameFileLineAndField)
{
    const auto message = [](const QByteArray& text) {
        const auto read = readProjectText(text, kName);
        return read ? QString() : read.error().toString();
    };
    EXPECT_EQ(message(version2("\"mlp\"", "\"cnn\"")),
              QStringLiteral("lesson.json:7: settings.model: unknown name \"cnn\" (expected one "
                             "of: linear, mlp)"));
    EXPECT_EQ(message(version2("\"classes\": 3", "\"classes\": 9")),
              QStringLiteral("lesson.json:8: settings.classes: expected a whole number from 2 to "
                             "8, found 9"));
    EXPECT_TRUE(message(version2("\"x1,x2\"", "\"x1,x3\""))
                    .startsWith(QStringLiteral("lesson.json:9: settings.features: expected a "
                                               "comma-separated list")));
    EXPECT_TRUE(message(version2("[2]", "[17]"))
                    .startsWith(QStringLiteral("lesson.json:10: settings.hidden[0]: ")));
    // A network of step units is complete when its layers are given (lesson 4's network, set by
    // hand): it opens, to be shown. Without given layers it could only be trained, which it
    // cannot be.
    EXPECT_EQ(message(version2("\"relu\"", "\"step\"")), QString());
    QByteArray stepRandom = version2("\"relu\"", "\"step\"");
    stepRandom.replace("\"given\"", "\"random\"");
    EXPECT_EQ(message(stepRandom),
              QStringLiteral("lesson.json:11: settings.activation: a network of step units cannot "
                             "be trained by gradient descent: the step's slope is zero, so every "
                             "gradient is zero"));
    EXPECT_TRUE(message(version2("\"b\": [0, 0, 1]", "\"b\": [0, 0]"))
                    .startsWith(QStringLiteral("lesson.json:13: settings.layers[1].b: ")));
    EXPECT_TRUE(message(version2("\"hidden\": [2]", "\"hidden\": [3]"))
                    .startsWith(QStringLiteral("lesson.json:13: settings.layers: the initial "
                                               "layers must have the model's shape")));
    // With random initial weights the layers are not used; the labels must still be classes.
    QByteArray twoClasses = version2("\"classes\": 3", "\"classes\": 2");
    twoClasses.replace("\"given\"", "\"random\"");
    EXPECT_EQ(message(twoClasses),
              QStringLiteral("lesson.json:17: points[1].label: the label 2 is not a class of this "
                             "project (settings.classes is 2: the labels are 0 to 1)"));
    // Version 1 knows no model keys.
    EXPECT_EQ(message(version2("\"version\": 2", "\"version\": 1")),
              QStringLiteral("lesson.json:7: settings.model: unknown key"));
}

} // namespace
} // namespace plab::io
