// The built perceptron-lab binary, run as a user would: AND converges to the hand-computed
// weights, trace lines are JSON whose numbers read back exactly, every kind of bad input gives
// exit status 2 with one line on standard error and leaves no output file.

#include "app/cli/traincommand.h"
#include "cli/runcli.h"
#include "io/datasetfile.h"
#include "io/projectfile.h"
#include "learning/trainer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <gtest/gtest.h>

#include <bit>
#include <cmath>

namespace plab::cli {
namespace {

const QString kBinary = QStringLiteral(PLAB_CLI_BINARY);
const QString kExamples = QStringLiteral(PLAB_EXAMPLES_DIR);

using test::ProcessResult;

ProcessResult run(const QStringList& arguments, const QString& workingDirectory = QString(),
                  const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment())
{
    return test::runCli(arguments, workingDirectory, environment);
}

QString example(const char* name)
{
    return kExamples + u'/' + QString::fromLatin1(name);
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QList<QJsonObject> jsonLines(const QByteArray& text)
{
    QList<QJsonObject> out;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i == lines.size() - 1 && lines[i].isEmpty())
            break; // the final newline
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(lines[i], &error);
        EXPECT_EQ(error.error, QJsonParseError::NoError)
            << "line " << i + 1 << ": " << lines[i].toStdString();
        EXPECT_TRUE(doc.isObject()) << lines[i].toStdString();
        out << doc.object();
    }
    return out;
}

std::vector<double> numbers(const QJsonValue& array)
{
    std::vector<double> out;
    for (const QJsonValue v : array.toArray())
        out.push_back(v.toDouble());
    return out;
}

TEST(CliProcess, AndConvergesToTheHandComputedWeights)
{
    QTemporaryDir dir;
    const QString summary = dir.filePath(QStringLiteral("summary.json"));
    const ProcessResult r = run({QStringLiteral("train"), QStringLiteral("--data"),
                                 example("and.csv"), QStringLiteral("--summary"), summary});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.err.isEmpty()) << r.err.toStdString();
    EXPECT_TRUE(r.out.isEmpty());
    // Perceptron, lr 1, w = b = 0, net = 0 predicts 1, file order: five epochs (see the trace
    // test for every step) reach w = (2, 1), b = -3 with no errors, and the sixth, a pass without
    // a mistake, confirms it (Rosenblatt's stop rule, the default).
    EXPECT_EQ(readAll(summary), QByteArray("{\"converged\":true,\"epochs\":6,\"w\":[2,1],\"b\":-3,"
                                           "\"errors\":0,\"classes\":2,\"parameters\":3,"
                                           "\"layers\":[{\"W\":[[2,1]],\"b\":[-3]}],"
                                           "\"status\":\"converged\"}\n"));
}

TEST(CliProcess, AndTraceFollowsTheHandComputation)
{
    const ProcessResult r =
        run({QStringLiteral("train"), QStringLiteral("--data"), example("and.csv"),
             QStringLiteral("--trace"), QStringLiteral("-")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QList<QJsonObject> lines = jsonLines(r.out);
    ASSERT_EQ(lines.size(), 30); // 6 epochs x (4 visits + 1 epoch line); no summary on stdout

    // Weights after each visit, written out: (w1, w2, b). A visit updates when the output
    // (net >= 0 -> 1) differs from the target: w += (t - y) x, b += (t - y).
    // Epoch 6 is the confirming pass: with w = (2, 1), b = -3 the nets are -3, -2, -1 and 0, all
    // right, so nothing changes.
    const double after[24][3] = {{0, 0, -1}, {0, 0, -1}, {0, 0, -1}, {1, 1, 0},   // epoch 1
                                 {1, 1, -1}, {1, 0, -2}, {1, 0, -2}, {2, 1, -1},  // epoch 2
                                 {2, 1, -1}, {2, 0, -2}, {1, 0, -3}, {2, 1, -2},  // epoch 3
                                 {2, 1, -2}, {2, 1, -2}, {1, 1, -3}, {2, 2, -2},  // epoch 4
                                 {2, 2, -2}, {2, 1, -3}, {2, 1, -3}, {2, 1, -3},  // epoch 5
                                 {2, 1, -3}, {2, 1, -3}, {2, 1, -3}, {2, 1, -3}}; // epoch 6
    const double nets[24] = {0,  -1, -1, -1, 0,  0, -1, -1, -1, 0,  0,  -2,
                             -2, -1, 0,  -1, -2, 0, -1, 0,  -3, -2, -1, 0};
    const int errors[6] = {3, 2, 1, 2, 0, 0};
    const double points[4][2] = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    int visit = 0;
    for (int e = 0; e < 6; ++e) {
        for (int i = 0; i < 4; ++i, ++visit) {
            const QJsonObject& s = lines[e * 5 + i];
            EXPECT_EQ(s[u"type"].toString(), QStringLiteral("step"));
            EXPECT_EQ(s[u"epoch"].toInt(), e + 1);
            EXPECT_EQ(s[u"index"].toInt(), i);
            EXPECT_EQ(numbers(s[u"x"]), (std::vector<double>{points[i][0], points[i][1]}));
            EXPECT_EQ(s[u"target"].toInt(), i == 3 ? 1 : 0);
            EXPECT_EQ(s[u"net"].toDouble(), nets[visit]) << "visit " << visit;
            EXPECT_EQ(s[u"output"].toInt(), nets[visit] >= 0 ? 1 : 0);
            const double* before = visit == 0 ? nullptr : after[visit - 1];
            const bool updated =
                before == nullptr ? true
                                  : (before[0] != after[visit][0] || before[1] != after[visit][1] ||
                                     before[2] != after[visit][2]);
            EXPECT_EQ(s[u"updated"].toBool(), updated) << "visit " << visit;
            EXPECT_EQ(numbers(s[u"w"]), (std::vector<double>{after[visit][0], after[visit][1]}))
                << "visit " << visit;
            EXPECT_EQ(s[u"b"].toDouble(), after[visit][2]) << "visit " << visit;
        }
        const QJsonObject& epoch = lines[e * 5 + 4];
        EXPECT_EQ(epoch[u"type"].toString(), QStringLiteral("epoch"));
        EXPECT_EQ(epoch[u"epoch"].toInt(), e + 1);
        EXPECT_EQ(epoch[u"errors"].toInt(), errors[e]);
        EXPECT_EQ(epoch[u"accuracy"].toDouble(), 1.0 - errors[e] / 4.0);
        EXPECT_TRUE(epoch[u"loss"].isDouble());
        EXPECT_EQ(numbers(epoch[u"w"]),
                  (std::vector<double>{after[visit - 1][0], after[visit - 1][1]}));
        EXPECT_EQ(epoch[u"b"].toDouble(), after[visit - 1][2]);
    }
}

bool sameBits(double a, double b)
{
    return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

/// A standard JSON reader (QJsonDocument) gets back exactly the doubles the trainer computed,
/// for a run full of non-representable decimals (logistic regression, lr 0.1, shuffled).
TEST(CliProcess, TraceNumbersReadBackExactly)
{
    QTemporaryDir dir;
    const QString trace = dir.filePath(QStringLiteral("trace.jsonl"));
    const QStringList options = {
        QStringLiteral("--rule"),  QStringLiteral("logistic"), QStringLiteral("--lr"),
        QStringLiteral("0.1"),     QStringLiteral("--epochs"), QStringLiteral("30"),
        QStringLiteral("--order"), QStringLiteral("shuffle"),  QStringLiteral("--seed"),
        QStringLiteral("7"),       QStringLiteral("--init"),   QStringLiteral("random")};
    const ProcessResult r = run(QStringList{QStringLiteral("train"), QStringLiteral("--data"),
                                            example("blobs.csv"), QStringLiteral("--trace"), trace}
                                << options);
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QList<QJsonObject> lines = jsonLines(readAll(trace));

    // The same run in this process.
    const Result<learning::Dataset, io::LoadError> data = io::readDatasetCsv(example("blobs.csv"));
    ASSERT_TRUE(data.has_value());
    learning::TrainingSettings settings;
    settings.rule = learning::Rule::Logistic;
    settings.learningRate = 0.1;
    settings.maxEpochs = 30;
    settings.order = learning::SampleOrder::Shuffle;
    settings.seed = 7;
    settings.init = learning::InitKind::Random;
    learning::Trainer trainer(data.value(), settings);
    std::vector<learning::StepRecord> steps;
    std::vector<learning::EpochSnapshot> epochs;
    while (!trainer.finished())
        epochs.push_back(
            trainer.stepEpoch([&](const learning::StepRecord& s) { steps.push_back(s); }));

    ASSERT_EQ(std::size_t(lines.size()), steps.size() + epochs.size());
    std::size_t step = 0;
    std::size_t epoch = 0;
    int checked = 0;
    const auto expectExact = [&checked](double json, double computed) {
        ++checked;
        // QJsonDocument itself drops the sign of zero; every other bit must survive.
        return computed == 0.0 ? json == 0.0 : sameBits(json, computed);
    };
    for (const QJsonObject& line : lines) {
        if (line[u"type"].toString() == u"step") {
            ASSERT_LT(step, steps.size());
            const learning::StepRecord& s = steps[step++];
            EXPECT_TRUE(expectExact(line[u"net"].toDouble(), s.net));
            EXPECT_TRUE(expectExact(numbers(line[u"w"])[0], s.after.w.x()));
            EXPECT_TRUE(expectExact(numbers(line[u"w"])[1], s.after.w.y()));
            EXPECT_TRUE(expectExact(line[u"b"].toDouble(), s.after.b));
            EXPECT_TRUE(expectExact(numbers(line[u"x"])[0], s.x.x()));
            EXPECT_EQ(line[u"index"].toInt(), int(s.index));
        } else {
            ASSERT_LT(epoch, epochs.size());
            const learning::EpochSnapshot& e = epochs[epoch++];
            EXPECT_TRUE(expectExact(line[u"loss"].toDouble(), e.loss));
            EXPECT_TRUE(expectExact(line[u"accuracy"].toDouble(), e.accuracy));
            EXPECT_TRUE(expectExact(numbers(line[u"w"])[0], e.model.w.x()));
            EXPECT_TRUE(expectExact(line[u"b"].toDouble(), e.model.b));
        }
    }
    EXPECT_EQ(step, steps.size());
    EXPECT_EQ(epoch, epochs.size());
    EXPECT_GT(checked, 1000);
}

TEST(CliProcess, ProjectSettingsApplyAndOptionsOverrideThem)
{
    QTemporaryDir dir;
    io::Project project;
    project.data = io::readDatasetCsv(example("and.csv")).value();
    project.settings.learningRate = 0.5;
    project.settings.init = learning::InitKind::Given;
    project.settings.initial = {Eigen::Vector2d(0.25, -0.75), 0.125};
    project.settings.maxEpochs = 50;
    const QString path = dir.filePath(QStringLiteral("and.json"));
    ASSERT_FALSE(io::writeProject(project, path).has_value());

    // Overrides: --zero negative, --epochs 9 and --no-bias (AND cannot be learned without a
    // bias: (0,0) always has net 0, and w1 < 0, w2 < 0, w1 + w2 > 0 cannot all hold).
    const ProcessResult r =
        run({QStringLiteral("train"), QStringLiteral("--project"), path, QStringLiteral("--zero"),
             QStringLiteral("negative"), QStringLiteral("--no-bias"), QStringLiteral("--epochs"),
             QStringLiteral("9")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject summary = QJsonDocument::fromJson(r.out).object();
    EXPECT_EQ(summary[u"status"].toString(), QStringLiteral("epoch-limit"));
    EXPECT_EQ(summary[u"epochs"].toInt(), 9);
    EXPECT_EQ(summary[u"parameters"].toInt(), 2);

    learning::TrainingSettings expected = project.settings;
    expected.zero = learning::ZeroConvention::Negative;
    expected.useBias = false;
    expected.maxEpochs = 9;
    learning::Trainer trainer(project.data, expected);
    const std::vector<learning::EpochSnapshot> history = learning::trainToEnd(trainer);
    EXPECT_EQ(r.out, summaryJson(history.back(), expected));
    // And the override really mattered: with the project's own settings the result differs.
    learning::Trainer asSaved(project.data, project.settings);
    EXPECT_NE(summaryJson(learning::trainToEnd(asSaved).back(), project.settings), r.out);
}

TEST(CliProcess, XorStopsAtTheEpochLimit)
{
    const ProcessResult r =
        run({QStringLiteral("train"), QStringLiteral("--data"), example("xor.csv"),
             QStringLiteral("--epochs"), QStringLiteral("25")});
    ASSERT_EQ(r.exitCode, 0);
    const QJsonObject summary = QJsonDocument::fromJson(r.out).object();
    EXPECT_FALSE(summary[u"converged"].toBool());
    EXPECT_EQ(summary[u"epochs"].toInt(), 25);
    EXPECT_EQ(summary[u"status"].toString(), QStringLiteral("epoch-limit"));
    EXPECT_GE(summary[u"errors"].toInt(), 1);
    EXPECT_EQ(summary[u"parameters"].toInt(), 3);
}

TEST(CliProcess, HugeLearningRateDivergesAndSaysSo)
{
    const ProcessResult r =
        run({QStringLiteral("train"), QStringLiteral("--data"), example("blobs.csv"),
             QStringLiteral("--rule"), QStringLiteral("adaline"), QStringLiteral("--lr"),
             QStringLiteral("1e6"), QStringLiteral("--no-bias")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject summary = QJsonDocument::fromJson(r.out).object();
    EXPECT_EQ(summary[u"status"].toString(), QStringLiteral("diverged"));
    EXPECT_FALSE(summary[u"converged"].toBool());
    EXPECT_EQ(summary[u"parameters"].toInt(), 2);
    for (const double w : numbers(summary[u"w"]))
        EXPECT_TRUE(std::isfinite(w));
}

TEST(CliProcess, HelpAndVersionExitZero)
{
    const ProcessResult help = run({QStringLiteral("--help")});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.out.contains("perceptron-lab train"));
    const ProcessResult trainHelp = run({QStringLiteral("train"), QStringLiteral("--help")});
    EXPECT_EQ(trainHelp.exitCode, 0);
    EXPECT_TRUE(trainHelp.out.contains("--summary FILE"));
    const ProcessResult version = run({QStringLiteral("--version")});
    EXPECT_EQ(version.exitCode, 0);
    EXPECT_EQ(version.out, QByteArray("perceptron-lab " PLAB_VERSION "\n"));
}

QProcessEnvironment withoutDisplay()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    return env;
}

TEST(CliProcess, WithoutADisplayTheDemoRunsAndNamesItsFolder)
{
    QTemporaryDir dir;
    const ProcessResult r = run({}, dir.path(), withoutDisplay());
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.startsWith("No display found: running the headless demo instead\n"));
    const QString folder = dir.filePath(QStringLiteral("perceptron-lab-demo"));
    EXPECT_TRUE(r.out.contains(QDir(folder).absolutePath().toUtf8())) << r.out.toStdString();
    EXPECT_EQ(readAll(folder + QStringLiteral("/summary.json")),
              QByteArray("{\"converged\":true,\"epochs\":6,\"w\":[2,1],\"b\":-3,\"errors\":0,"
                         "\"classes\":2,\"parameters\":3,\"layers\":[{\"W\":[[2,1]],\"b\":[-3]}],"
                         "\"status\":\"converged\"}\n"));
    EXPECT_EQ(jsonLines(readAll(folder + QStringLiteral("/trace.jsonl"))).size(), 30);
}

TEST(CliProcess, AMissingWindowProgramIsNamedWithTheReason)
{
    // perceptron-lab shows the window by becoming the window's program, which lies in
    // ../libexec/perceptron-lab/ beside it. A copy of the command alone cannot find it, and says
    // so in one line instead of failing silently or crashing.
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("bin/perceptron-lab"));
    ASSERT_TRUE(QDir(dir.path()).mkpath(QStringLiteral("bin")));
    ASSERT_TRUE(QFile::copy(kBinary, copy));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(copy, {example("and.csv")});
    ASSERT_TRUE(process.waitForFinished(120'000));
    EXPECT_EQ(process.exitCode(), 2);
    EXPECT_TRUE(process.readAllStandardOutput().isEmpty());
    // The program names the folder it found itself in, links resolved.
    const QString window = QFileInfo(dir.path()).canonicalFilePath() +
                           QStringLiteral("/libexec/perceptron-lab/perceptron-lab");
    EXPECT_EQ(QString::fromUtf8(process.readAllStandardError()),
              QStringLiteral("perceptron-lab: the window cannot be started: ") + window +
                  QStringLiteral(": No such file or directory\n"));
}

TEST(CliProcess, TheDemoTrainsOnTheFileGiven)
{
    QTemporaryDir dir;
    const ProcessResult r = run({example("xor.csv")}, dir.path(), withoutDisplay());
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject summary =
        QJsonDocument::fromJson(
            readAll(dir.filePath(QStringLiteral("perceptron-lab-demo/summary.json"))))
            .object();
    EXPECT_EQ(summary[u"status"].toString(), QStringLiteral("epoch-limit"));

    const ProcessResult bad =
        run({dir.filePath(QStringLiteral("missing.csv"))}, dir.path(), withoutDisplay());
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_TRUE(bad.err.contains("missing.csv: the file does not exist"));
}

/// One bad command line: the files it needs are created in a temporary folder first.
struct BadRun
{
    const char* name;
    QStringList arguments; ///< "{dir}" is replaced by the temporary folder
    const char* stderrContains;
    QByteArray dataCsv = {};     ///< written to {dir}/data.csv when not empty
    QByteArray projectJson = {}; ///< written to {dir}/project.json when not empty
};

void PrintTo(const BadRun& r, std::ostream* os)
{
    *os << r.name;
}

class BadRuns : public ::testing::TestWithParam<BadRun>
{};

TEST_P(BadRuns, ExitTwoWithOneLineAndNoOutputFile)
{
    const BadRun& c = GetParam();
    QTemporaryDir dir;
    const auto write = [&](const char* name, const QByteArray& content) {
        QFile file(dir.filePath(QString::fromLatin1(name)));
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(content);
    };
    if (!c.dataCsv.isEmpty())
        write("data.csv", c.dataCsv == "(empty)" ? QByteArray() : c.dataCsv);
    if (!c.projectJson.isEmpty())
        write("project.json", c.projectJson);
    QStringList arguments;
    for (QString a : c.arguments)
        arguments << a.replace(QStringLiteral("{dir}"), dir.path());
    arguments << QStringLiteral("--trace") << dir.filePath(QStringLiteral("trace.jsonl"));
    arguments << QStringLiteral("--summary") << dir.filePath(QStringLiteral("out/summary.json"));
    QDir(dir.path()).mkdir(QStringLiteral("out"));
    if (c.arguments.contains(QStringLiteral("--summary"))) {
        arguments.removeLast();
        arguments.removeLast();
    }

    const ProcessResult r = run(arguments);
    EXPECT_EQ(r.exitCode, 2) << r.out.toStdString() << r.err.toStdString();
    EXPECT_TRUE(r.out.isEmpty()) << r.out.toStdString();
    EXPECT_EQ(r.err.count('\n'), 1) << r.err.toStdString();
    EXPECT_TRUE(r.err.endsWith('\n'));
    EXPECT_TRUE(r.err.startsWith("perceptron-lab: ")) << r.err.toStdString();
    EXPECT_TRUE(QString::fromUtf8(r.err).contains(
        QString::fromUtf8(c.stderrContains).replace(QStringLiteral("{dir}"), dir.path())))
        << r.err.toStdString();
    EXPECT_FALSE(QFileInfo::exists(dir.filePath(QStringLiteral("trace.jsonl"))));
    EXPECT_TRUE(QDir(dir.filePath(QStringLiteral("out"))).isEmpty());
}

QStringList args(const char* text)
{
    return QString::fromUtf8(text).split(u' ', Qt::SkipEmptyParts);
}

const QByteArray kAnd = "x1,x2,label\n0,0,0\n0,1,0\n1,0,0\n1,1,1\n";

INSTANTIATE_TEST_SUITE_P(
    Table, BadRuns,
    ::testing::Values(
        BadRun{"MissingFile", args("train --data {dir}/none.csv"),
               "{dir}/none.csv: the file does not exist"},
        BadRun{"FolderAsFile", args("train --data {dir}"), "{dir}: this is a folder"},
        BadRun{"MalformedCsv", args("train --data {dir}/data.csv"),
               "{dir}/data.csv:3: x2: not a number: \"zero\"", kAnd.left(18) + "1,zero,1\n"},
        BadRun{"WrongHeader", args("train --data {dir}/data.csv"),
               "{dir}/data.csv:1: header:", "a,b,c\n1,2,1\n"},
        BadRun{"NonFiniteValue", args("train --data {dir}/data.csv"),
               "{dir}/data.csv:2: x1: not a finite number", "x1,x2,label\ninf,0,1\n0,0,0\n"},
        BadRun{"BinaryGarbage", args("train --data {dir}/data.csv"),
               "{dir}/data.csv:1:", "\x89PNG\r\n\x1a\n"},
        BadRun{"EmptyFile", args("train --data {dir}/data.csv"),
               "{dir}/data.csv: header:", "(empty)"},
        BadRun{"EmptyDataSet", args("train --data {dir}/data.csv"),
               "{dir}/data.csv: the data set is empty", "x1,x2,label\n"},
        BadRun{"OneClass", args("train --data {dir}/data.csv"), "only one class",
               "x1,x2,label\n0,0,1\n1,1,1\n"},
        BadRun{"MalformedJson",
               args("train --project {dir}/project.json"),
               "{dir}/project.json:2: not valid JSON",
               {},
               "{\"format\": \"perceptron-lab\",\n\"version\": 1 \"points\": []}"},
        BadRun{"NewerProject",
               args("train --project {dir}/project.json"),
               "{dir}/project.json:1: version: made by a newer Perceptron Lab",
               {},
               "{\"format\": \"perceptron-lab\", \"version\": 4, \"points\": []}"},
        BadRun{"ProjectBadSetting",
               args("train --project {dir}/project.json"),
               "{dir}/project.json:1: settings.learningRate:",
               {},
               "{\"format\": \"perceptron-lab\", \"version\": 1, \"settings\": "
               "{\"learningRate\": -1}, \"points\": []}"},
        BadRun{"UnknownOption", args("train --data {dir}/data.csv --fast"), "\"--fast\"", kAnd},
        BadRun{"UnknownRule", args("train --data {dir}/data.csv --rule hebb"), "--rule:", kAnd},
        BadRun{"LearningRateZero", args("train --data {dir}/data.csv --lr 0"), "--lr:", kAnd},
        BadRun{"LearningRateNegative", args("train --data {dir}/data.csv --lr -2"), "--lr:", kAnd},
        BadRun{"BadInit", args("train --data {dir}/data.csv --init 1,x,3"), "--init:", kAnd},
        BadRun{"BadEpochs", args("train --data {dir}/data.csv --epochs 0"), "--epochs:", kAnd},
        BadRun{"NoInput", args("train --epochs 3"), "--data FILE and --project FILE"},
        BadRun{"SummaryIntoMissingFolder",
               args("train --data {dir}/data.csv --summary {dir}/gone/summary.json"),
               "{dir}/gone/summary.json: cannot be written", kAnd},
        BadRun{"UnknownTopLevelOption", args("--fast"), "\"--fast\""}),
    [](const ::testing::TestParamInfo<BadRun>& info) { return std::string(info.param.name); });

TEST(CliProcess, SummaryNeverReplacesAnExistingFileOnError)
{
    QTemporaryDir dir;
    const QString summary = dir.filePath(QStringLiteral("summary.json"));
    QFile file(summary);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("previous result\n");
    file.close();
    const ProcessResult r =
        run({QStringLiteral("train"), QStringLiteral("--data"),
             dir.filePath(QStringLiteral("none.csv")), QStringLiteral("--summary"), summary});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(readAll(summary), QByteArray("previous result\n"));
}

} // namespace
} // namespace plab::cli

int main(int argc, char** argv)
{
    // QProcess wants an application object; the tests need no event loop beyond waitFor*().
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
