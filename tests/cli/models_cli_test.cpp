// The built perceptron-lab binary training the models beyond the classic one: feature maps,
// networks and more classes (docs/cli.md, "Models"), and exit status 2 naming the option for
// every bad model value.

#include "cli/runcli.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace plab::cli {
namespace {

const QString kExamples = QStringLiteral(PLAB_EXAMPLES_DIR);

using test::ProcessResult;

ProcessResult run(QStringList arguments, const QString& command = QStringLiteral("train"))
{
    arguments.prepend(command);
    return test::runCli(arguments);
}

QString xorCsv()
{
    return kExamples + QStringLiteral("/xor.csv");
}

QJsonObject summaryOf(const ProcessResult& r)
{
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    return QJsonDocument::fromJson(r.out).object();
}

/// The layer's W as rows of numbers.
std::vector<std::vector<double>> matrix(const QJsonValue& w)
{
    std::vector<std::vector<double>> rows;
    for (const QJsonValue& row : w.toArray()) {
        rows.emplace_back();
        for (const QJsonValue& v : row.toArray())
            rows.back().push_back(v.toDouble());
    }
    return rows;
}

/// Three clusters around (0, 0), (4, 0) and (0, 4) labelled 0, 1 and 2: separable by a linear
/// model with three units.
QString writeThreeClasses(const QTemporaryDir& dir)
{
    const QString path = dir.filePath(QStringLiteral("three.csv"));
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("x1,x2,label\n"
               "0,0,0\n0.5,0,0\n0,0.5,0\n"
               "4,0,1\n4.5,0,1\n4,0.5,1\n"
               "0,4,2\n0.5,4,2\n0,4.5,2\n");
    return path;
}

TEST(CliModels, APerceptronOnX1X2AndTheirProductSeparatesXor)
{
    const QJsonObject s = summaryOf(
        run({QStringLiteral("--data"), xorCsv(), QStringLiteral("--features"),
             QStringLiteral("x1,x2,x1x2"), QStringLiteral("--epochs"), QStringLiteral("100")}));
    EXPECT_EQ(s[u"errors"].toInt(-1), 0);
    EXPECT_EQ(s[u"parameters"].toInt(), 4);
    EXPECT_EQ(s[u"classes"].toInt(), 2);
    EXPECT_TRUE(s[u"converged"].toBool());
    // Not the classic model: its weights are in "layers" only.
    EXPECT_FALSE(s.contains(u"w"));
    const QJsonArray layers = s[u"layers"].toArray();
    ASSERT_EQ(layers.size(), 1);
    const auto W = matrix(layers[0][u"W"]);
    ASSERT_EQ(W.size(), 1U);
    ASSERT_EQ(W[0].size(), 3U);
    const double b = layers[0][u"b"].toArray()[0].toDouble();
    // The written weights classify XOR themselves (net >= 0: class 1, the default convention).
    const int points[4][3] = {{0, 0, 0}, {0, 1, 1}, {1, 0, 1}, {1, 1, 0}};
    for (const auto& p : points) {
        const double net = W[0][0] * p[0] + W[0][1] * p[1] + W[0][2] * p[0] * p[1] + b;
        EXPECT_EQ(net >= 0 ? 1 : 0, p[2]) << p[0] << "," << p[1];
    }
}

TEST(CliModels, ASeededTanhNetworkIsDeterministic)
{
    const QStringList arguments{QStringLiteral("--data"),       xorCsv(),
                                QStringLiteral("--model"),      QStringLiteral("mlp"),
                                QStringLiteral("--hidden"),     QStringLiteral("4"),
                                QStringLiteral("--activation"), QStringLiteral("tanh"),
                                QStringLiteral("--lr"),         QStringLiteral("0.5"),
                                QStringLiteral("--epochs"),     QStringLiteral("300"),
                                QStringLiteral("--seed"),       QStringLiteral("7"),
                                QStringLiteral("--trace"),      QStringLiteral("-"),
                                QStringLiteral("--summary"),    QStringLiteral("/dev/null")};
    const ProcessResult first = run(arguments);
    const ProcessResult second = run(arguments);
    ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
    EXPECT_EQ(first.out, second.out);
    const QList<QByteArray> lines = first.out.trimmed().split('\n');
    // Epochs of 4 visits, each closed by an epoch line.
    ASSERT_GE(lines.size(), 5);
    EXPECT_EQ(lines.size() % 5, 0);
    const QJsonObject epoch = QJsonDocument::fromJson(lines.last()).object();
    EXPECT_EQ(epoch[u"type"].toString(), u"epoch");
    EXPECT_FALSE(epoch.contains(u"w"));
    const QJsonArray layers = epoch[u"layers"].toArray();
    ASSERT_EQ(layers.size(), 2);
    EXPECT_EQ(matrix(layers[0][u"W"]).size(), 4U);    // 4 hidden units
    EXPECT_EQ(matrix(layers[0][u"W"])[0].size(), 2U); // of x1, x2
    EXPECT_EQ(matrix(layers[1][u"W"]).size(), 1U);    // one output unit
    EXPECT_EQ(matrix(layers[1][u"W"])[0].size(), 4U);

    const QJsonObject s = summaryOf(run(arguments.mid(0, arguments.size() - 4)));
    EXPECT_EQ(s[u"parameters"].toInt(), (2 + 1) * 4 + (4 + 1) * 1);
    EXPECT_EQ(s[u"layers"], epoch[u"layers"]);
}

// Without --trace, train runs a network's epochs through Trainer::runEpochs, which evaluates
// each epoch on a second core while the next one trains (from 2048 points x parameters: here
// 100 x 33); with --trace, one stepEpoch() after another. The summaries are the same bytes.
TEST(CliModels, ANetworksSummaryIsTheSameWithAndWithoutATrace)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString withTrace = dir.filePath(QStringLiteral("with-trace.json"));
    const QStringList arguments{
        QStringLiteral("--project"), kExamples + QStringLiteral("/lesson-5-moons.json"),
        QStringLiteral("--model"),   QStringLiteral("mlp"),
        QStringLiteral("--hidden"),  QStringLiteral("8"),
        QStringLiteral("--init"),    QStringLiteral("random"),
        QStringLiteral("--lr"),      QStringLiteral("0.5"),
        QStringLiteral("--epochs"),  QStringLiteral("60")};
    const ProcessResult traced =
        run(arguments + QStringList{QStringLiteral("--trace"), dir.filePath(QStringLiteral("t")),
                                    QStringLiteral("--summary"), withTrace});
    ASSERT_EQ(traced.exitCode, 0) << traced.err.toStdString();
    const ProcessResult plain = run(arguments);
    ASSERT_EQ(plain.exitCode, 0) << plain.err.toStdString();
    QFile file(withTrace);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray expected = file.readAll();
    EXPECT_EQ(summaryOf(plain)[u"parameters"].toInt(), 33);
    EXPECT_EQ(summaryOf(plain)[u"epochs"].toInt(), 60);
    EXPECT_EQ(plain.out, expected);
}

TEST(CliModels, TheClassicTraceHasNoLayers)
{
    const ProcessResult r = run({QStringLiteral("--data"), kExamples + QStringLiteral("/and.csv"),
                                 QStringLiteral("--trace"), QStringLiteral("-"),
                                 QStringLiteral("--summary"), QStringLiteral("/dev/null")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_FALSE(r.out.contains("layers"));
    EXPECT_TRUE(r.out.contains("\"w\":[2,1],\"b\":-3}"));
}

TEST(CliModels, ThreeClassesTrainWithKeslerAndOneVsRest)
{
    QTemporaryDir dir;
    const QString data = writeThreeClasses(dir);
    for (const char* scheme : {"kesler", "ovr"}) {
        const QJsonObject s = summaryOf(
            run({QStringLiteral("--data"), data, QStringLiteral("--multiclass"),
                 QString::fromLatin1(scheme), QStringLiteral("--epochs"), QStringLiteral("1000")}));
        EXPECT_EQ(s[u"classes"].toInt(), 3) << scheme;
        EXPECT_EQ(s[u"errors"].toInt(-1), 0) << scheme;
        EXPECT_EQ(s[u"parameters"].toInt(), 3 * (2 + 1)) << scheme;
        const auto W = matrix(s[u"layers"].toArray()[0][u"W"]);
        EXPECT_EQ(W.size(), 3U) << scheme;
    }
    // The two schemes are different rules: their answers differ.
    EXPECT_NE(
        run({QStringLiteral("--data"), data, QStringLiteral("--multiclass"),
             QStringLiteral("kesler")})
            .out,
        run({QStringLiteral("--data"), data, QStringLiteral("--multiclass"), QStringLiteral("ovr")})
            .out);
    // More classes than the labels need is allowed; fewer is not.
    EXPECT_EQ(summaryOf(run({QStringLiteral("--data"), data, QStringLiteral("--classes"),
                             QStringLiteral("4")}))[u"classes"]
                  .toInt(),
              4);
}

TEST(CliModels, TheSummarysLayersAreAnInitFile)
{
    QTemporaryDir dir;
    const QString summary = dir.filePath(QStringLiteral("summary.json"));
    const QStringList features{QStringLiteral("--data"), xorCsv(), QStringLiteral("--features"),
                               QStringLiteral("x1,x2,x1x2")};
    ASSERT_EQ(run(features + QStringList{QStringLiteral("--summary"), summary}).exitCode, 0);
    // The summary itself holds more keys than an init file takes: keep "layers" only.
    QFile file(summary);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QJsonObject trained = QJsonDocument::fromJson(file.readAll()).object();
    const QString init = dir.filePath(QStringLiteral("init.json"));
    QFile out(init);
    ASSERT_TRUE(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(QJsonObject{{QStringLiteral("layers"), trained[u"layers"]}}).toJson());
    out.close();

    // Starting from the trained layers, the first epoch makes no mistake and changes nothing.
    const QJsonObject again =
        summaryOf(run(features + QStringList{QStringLiteral("--init"), init}));
    EXPECT_EQ(again[u"layers"], trained[u"layers"]);
    EXPECT_EQ(again[u"errors"].toInt(-1), 0);

    // Layers of another shape: the option is named. A malformed file: the file, line and path.
    const ProcessResult shape =
        run({QStringLiteral("--data"), xorCsv(), QStringLiteral("--init"), init});
    EXPECT_EQ(shape.exitCode, 2);
    EXPECT_TRUE(shape.err.startsWith("perceptron-lab: --init: ")) << shape.err.toStdString();
    ASSERT_TRUE(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
    out.write("{\"layers\": [\n  {\"W\": [[1, 2], [3]], \"b\": [0, 0]}\n]}\n");
    out.close();
    const ProcessResult bad =
        run({QStringLiteral("--data"), xorCsv(), QStringLiteral("--init"), init});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_EQ(QString::fromUtf8(bad.err),
              QStringLiteral("perceptron-lab: %1:2: layers[0].W[1]: every row of W needs as many "
                             "numbers as the first (one per input: 2), found 1\n")
                  .arg(init));
}

TEST(CliModels, ExportDrawsATrainedNetwork)
{
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("net.png"));
    const ProcessResult r =
        run({QStringLiteral("--data"), xorCsv(), QStringLiteral("--model"), QStringLiteral("mlp"),
             QStringLiteral("--hidden"), QStringLiteral("4"), QStringLiteral("--size"),
             QStringLiteral("320x240"), QStringLiteral("--out"), png},
            QStringLiteral("export"));
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(QImage(png).size(), QSize(320, 240));
}

/// Lesson 4's OR/NAND/AND network of step units with its layers given: `train` refuses it (no
/// gradient), `export` draws it as it is, a run of epoch 0 alone.
TEST(CliModels, ExportDrawsAHandSetStepNetworkThatTrainRefuses)
{
    const QString step = kExamples + QStringLiteral("/lesson-4-step.json");
    const ProcessResult trained = run({QStringLiteral("--project"), step});
    EXPECT_EQ(trained.exitCode, 2);
    EXPECT_TRUE(trained.err.contains("--activation: a network of step units cannot be trained"))
        << trained.err.toStdString();

    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("step.png"));
    const ProcessResult drawn =
        run({QStringLiteral("--project"), step, QStringLiteral("--size"), QStringLiteral("320x240"),
             QStringLiteral("--caption"), QStringLiteral("--out"), png},
            QStringLiteral("export"));
    EXPECT_EQ(drawn.exitCode, 0) << drawn.err.toStdString();
    EXPECT_EQ(QImage(png).size(), QSize(320, 240));

    // Epoch 0 is all there is: a later epoch is refused by name, and so is a table of the visits
    // (a hand-set network has none).
    const ProcessResult later =
        run({QStringLiteral("--project"), step, QStringLiteral("--epochs"), QStringLiteral("1"),
             QStringLiteral("--out"), dir.filePath(QStringLiteral("later.png"))},
            QStringLiteral("export"));
    EXPECT_EQ(later.exitCode, 2);
    EXPECT_TRUE(later.err.contains("--epochs")) << later.err.toStdString();
    const ProcessResult table =
        run({QStringLiteral("--project"), step, QStringLiteral("--table"), QStringLiteral("md"),
             QStringLiteral("--out"), dir.filePath(QStringLiteral("steps.md"))},
            QStringLiteral("export"));
    EXPECT_EQ(table.exitCode, 2);
    EXPECT_TRUE(table.err.contains("--epochs: ")) << table.err.toStdString();
    EXPECT_TRUE(table.err.contains("epoch 0 (the start) has none")) << table.err.toStdString();
    EXPECT_FALSE(QFile::exists(dir.filePath(QStringLiteral("steps.md"))));

    // Without given layers a step network is neither trained nor drawn: there is nothing to show.
    const ProcessResult random =
        run({QStringLiteral("--project"), step, QStringLiteral("--init"), QStringLiteral("random"),
             QStringLiteral("--out"), dir.filePath(QStringLiteral("random.png"))},
            QStringLiteral("export"));
    EXPECT_EQ(random.exitCode, 2);
    EXPECT_TRUE(random.err.contains("--activation")) << random.err.toStdString();
    EXPECT_FALSE(QFile::exists(dir.filePath(QStringLiteral("random.png"))));
}

TEST(CliModels, ExportWritesANetworksWorkedExampleTable)
{
    // A 2-2-1 network on XOR (4 points): epoch 1 has 4 visits of 9 parameters, one row each.
    const ProcessResult r =
        run({QStringLiteral("--data"), xorCsv(), QStringLiteral("--model"), QStringLiteral("mlp"),
             QStringLiteral("--hidden"), QStringLiteral("2"), QStringLiteral("--max-epochs"),
             QStringLiteral("3"), QStringLiteral("--epochs"), QStringLiteral("1"),
             QStringLiteral("--table"), QStringLiteral("csv"), QStringLiteral("--out"),
             QStringLiteral("-")},
            QStringLiteral("export"));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QList<QByteArray> lines = r.out.split('\n');
    ASSERT_EQ(lines.size(), 1 + 4 * 9 + 1);
    EXPECT_EQ(lines[0], "epoch,sample,x1,x2,target,loss,layer,unit,input,a,net,activation,delta,"
                        "gradient,change,value,batch,applied");
    EXPECT_TRUE(lines[1].startsWith("1,1,")) << lines[1].toStdString();
    EXPECT_TRUE(lines[9].contains(",2,z,b,1,")) << lines[9].toStdString();

    // A linear model on other features has no table: refused, nothing written.
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("table.csv"));
    const ProcessResult refused =
        run({QStringLiteral("--data"), xorCsv(), QStringLiteral("--features"),
             QStringLiteral("x1,x2,x1x2"), QStringLiteral("--table"), QStringLiteral("csv"),
             QStringLiteral("--out"), csv},
            QStringLiteral("export"));
    EXPECT_EQ(refused.exitCode, 2);
    EXPECT_TRUE(refused.err.contains("worked-example tables of the two-class linear model on x1, "
                                     "x2 and of networks, and this run is 3-1, linear"))
        << refused.err.toStdString();
    EXPECT_FALSE(QFile::exists(csv));
}

TEST(CliModels, EveryBadModelValueExitsWith2AndNamesItsOption)
{
    QTemporaryDir dir;
    const QString three = writeThreeClasses(dir);
    const struct
    {
        std::vector<const char*> arguments;
        const char* option;
        const char* says;
    } cases[] = {
        {{"--model", "cnn"}, "--model", "linear or mlp"},
        {{"--model", "mlp", "--hidden", "0"}, "--hidden", "1 to 16"},
        {{"--model", "mlp", "--hidden", "17"}, "--hidden", "1 to 16"},
        {{"--model", "mlp", "--hidden", "2,2,2,2"}, "--hidden", "1 to 3"},
        {{"--model", "mlp", "--hidden", "4,"}, "--hidden", "1 to 3"},
        {{"--hidden", "4"}, "--hidden", "a linear model has no hidden layers"},
        {{"--model", "mlp", "--activation", "softplus"}, "--activation", "tanh, relu"},
        {{"--activation", "relu"}, "--activation", "--model mlp"},
        {{"--model", "mlp", "--hidden", "2", "--activation", "step"},
         "--activation",
         "slope is zero"},
        {{"--model", "mlp", "--batch", "0"}, "--batch", "or all"},
        {{"--model", "mlp", "--batch", "some"}, "--batch", "or all"},
        {{"--batch", "2"}, "--batch", "every sample"},
        {{"--rule", "adaline", "--batch", "2"}, "--batch", "online (1) or"},
        {{"--features", "x3"}, "--features", "x1, x2, x1sq"},
        {{"--features", "x1,x1"}, "--features", "different features"},
        {{"--features", ""}, "--features", ""},
        {{"--multiclass", "ova"}, "--multiclass", "kesler or ovr"},
        {{"--classes", "9"}, "--classes", "2 to 8"},
        {{"--classes", "1"}, "--classes", "2 to 8"},
    };
    for (const auto& c : cases) {
        QStringList arguments{QStringLiteral("--data"), xorCsv()};
        for (const char* argument : c.arguments)
            arguments << QString::fromLatin1(argument);
        const ProcessResult r = run(arguments);
        const QString err = QString::fromUtf8(r.err);
        EXPECT_EQ(r.exitCode, 2) << arguments.join(u' ').toStdString();
        EXPECT_TRUE(
            err.startsWith(QStringLiteral("perceptron-lab: ") + QString::fromLatin1(c.option)))
            << err.toStdString();
        EXPECT_TRUE(err.contains(QString::fromLatin1(c.says))) << err.toStdString();
        EXPECT_EQ(err.count(u'\n'), 1) << err.toStdString();
        EXPECT_TRUE(r.out.isEmpty());
    }
    const ProcessResult fewer =
        run({QStringLiteral("--data"), three, QStringLiteral("--classes"), QStringLiteral("2")});
    EXPECT_EQ(fewer.exitCode, 2);
    EXPECT_TRUE(fewer.err.startsWith("perceptron-lab: --classes: ")) << fewer.err.toStdString();
    EXPECT_TRUE(fewer.err.contains("at least 3 classes")) << fewer.err.toStdString();
}

// Online Adaline on XOR in file order settles into a cycle of end-of-epoch weights while every
// sample still moves them: "cycle", not "converged". --tolerance 0 switches the stop test off, so
// the same run goes on to the epoch limit; a negative tolerance is refused naming the option.
TEST(CliModels, ToleranceDecidesWhetherACycleStopsTheRun)
{
    const QStringList arguments{QStringLiteral("--data"),   xorCsv(),
                                QStringLiteral("--rule"),   QStringLiteral("adaline"),
                                QStringLiteral("--lr"),     QStringLiteral("0.5"),
                                QStringLiteral("--epochs"), QStringLiteral("200")};
    const QJsonObject cycle = summaryOf(run(arguments));
    EXPECT_EQ(cycle.value(u"status").toString(), QStringLiteral("cycle"));
    EXPECT_LT(cycle.value(u"epochs").toInt(), 200);
    EXPECT_FALSE(cycle.value(u"converged").toBool());

    const QJsonObject limit =
        summaryOf(run(arguments + QStringList{QStringLiteral("--tolerance"), QStringLiteral("0")}));
    EXPECT_EQ(limit.value(u"status").toString(), QStringLiteral("epoch-limit"));
    EXPECT_EQ(limit.value(u"epochs").toInt(), 200);

    const ProcessResult negative =
        run(arguments + QStringList{QStringLiteral("--tolerance"), QStringLiteral("-1")});
    EXPECT_EQ(negative.exitCode, 2);
    EXPECT_TRUE(negative.err.contains("--tolerance")) << negative.err.toStdString();
    EXPECT_TRUE(negative.out.isEmpty());
}

// The perceptron's stop rule (rules.h, "Stop rules"). AND from zero in file order: the weights
// classify every point after epoch 5; Rosenblatt's rule (the default) traces the mistake-free
// pass, epoch 6, and stops after it; zero-errors, the named convention, stops at epoch 5.
TEST(CliStopRule, TheDefaultTracesTheMistakeFreePass)
{
    const QString andCsv = kExamples + QStringLiteral("/and.csv");
    const ProcessResult classic =
        run({QStringLiteral("--data"), andCsv, QStringLiteral("--trace"), QStringLiteral("-")});
    ASSERT_EQ(classic.exitCode, 0) << classic.err.toStdString();
    std::vector<QJsonObject> lines;
    for (const QByteArray& line : classic.out.split('\n')) {
        if (!line.isEmpty())
            lines.push_back(QJsonDocument::fromJson(line).object());
    }
    ASSERT_EQ(lines.size(), 6u * 5u); // six epochs of four visits and an epoch line
    // The last epoch's four visits make no mistake, and the run ends after them.
    for (std::size_t i = lines.size() - 5; i + 1 < lines.size(); ++i) {
        EXPECT_EQ(lines[i].value(u"epoch").toInt(), 6);
        EXPECT_FALSE(lines[i].value(u"updated").toBool());
        EXPECT_EQ(lines[i].value(u"output").toInt(), lines[i].value(u"target").toInt());
    }
    // The epoch before made the last update, and already classified every point.
    const QJsonObject epoch5 = lines[lines.size() - 6];
    EXPECT_EQ(epoch5.value(u"type").toString(), QStringLiteral("epoch"));
    EXPECT_EQ(epoch5.value(u"errors").toInt(), 0);

    const QStringList base{QStringLiteral("--data"), andCsv};
    const QJsonObject byDefault = summaryOf(run(base));
    EXPECT_EQ(byDefault.value(u"epochs").toInt(), 6);
    EXPECT_EQ(byDefault.value(u"status").toString(), QStringLiteral("converged"));
    EXPECT_EQ(summaryOf(run(base + QStringList{QStringLiteral("--stop-rule"),
                                               QStringLiteral("mistake-free-pass")})),
              byDefault);
    const QJsonObject zeroErrors = summaryOf(
        run(base + QStringList{QStringLiteral("--stop-rule"), QStringLiteral("zero-errors")}));
    EXPECT_EQ(zeroErrors.value(u"epochs").toInt(), 5);
    EXPECT_EQ(zeroErrors.value(u"status").toString(), QStringLiteral("converged"));
    EXPECT_EQ(zeroErrors.value(u"w"), byDefault.value(u"w"));
    EXPECT_EQ(zeroErrors.value(u"b"), byDefault.value(u"b"));
}

// A project of format version 1 was made when zero-errors was the only rule: it trains with it,
// unless --stop-rule says otherwise.
TEST(CliStopRule, AVersion1ProjectKeepsItsRule)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.json"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": "perceptron-lab", "version": 1, "points": [
        {"x1": 0, "x2": 0, "label": 0}, {"x1": 0, "x2": 1, "label": 0},
        {"x1": 1, "x2": 0, "label": 0}, {"x1": 1, "x2": 1, "label": 1}]})");
    file.close();
    const QStringList project{QStringLiteral("--project"), path};
    EXPECT_EQ(summaryOf(run(project)).value(u"epochs").toInt(), 5);
    EXPECT_EQ(summaryOf(run(project + QStringList{QStringLiteral("--stop-rule"),
                                                  QStringLiteral("mistake-free-pass")}))
                  .value(u"epochs")
                  .toInt(),
              6);
}

TEST(CliStopRule, BadOrPointlessStopRulesExitWith2)
{
    const QStringList andData{QStringLiteral("--data"), kExamples + QStringLiteral("/and.csv")};
    for (const QStringList& extra :
         {QStringList{QStringLiteral("--stop-rule"), QStringLiteral("never")},
          QStringList{QStringLiteral("--stop-rule"), QStringLiteral("zero-errors"),
                      QStringLiteral("--rule"), QStringLiteral("adaline")},
          QStringList{QStringLiteral("--stop-rule"), QStringLiteral("zero-errors"),
                      QStringLiteral("--model"), QStringLiteral("mlp")}}) {
        const ProcessResult r = run(andData + extra);
        EXPECT_EQ(r.exitCode, 2) << extra.join(u' ').toStdString();
        EXPECT_TRUE(r.err.startsWith("perceptron-lab: --stop-rule: ")) << r.err.toStdString();
        EXPECT_TRUE(r.out.isEmpty());
    }
}

// --multiclass changes nothing for two classes or a network: refused, naming the option.
TEST(CliModels, MulticlassForTwoClassesExitsWith2)
{
    for (const QStringList& extra :
         {QStringList{}, QStringList{QStringLiteral("--model"), QStringLiteral("mlp")}}) {
        const ProcessResult r =
            run(QStringList{QStringLiteral("--data"), xorCsv(), QStringLiteral("--multiclass"),
                            QStringLiteral("ovr")} +
                extra);
        EXPECT_EQ(r.exitCode, 2);
        EXPECT_TRUE(r.err.startsWith("perceptron-lab: --multiclass: ")) << r.err.toStdString();
        EXPECT_TRUE(r.err.contains("3 or more classes")) << r.err.toStdString();
        EXPECT_TRUE(r.out.isEmpty());
    }
    QTemporaryDir dir;
    const QJsonObject three =
        summaryOf(run({QStringLiteral("--data"), writeThreeClasses(dir),
                       QStringLiteral("--multiclass"), QStringLiteral("ovr")}));
    EXPECT_EQ(three.value(u"classes").toInt(), 3);
}

// The summary of a cycle says its period and swing; both are checked against the trace of the
// same run continued past the cycle with the stop test off.
TEST(CliModels, TheSummaryOfACycleHasItsPeriodAndSwing)
{
    const QStringList arguments{QStringLiteral("--data"),   xorCsv(),
                                QStringLiteral("--rule"),   QStringLiteral("adaline"),
                                QStringLiteral("--lr"),     QStringLiteral("0.5"),
                                QStringLiteral("--epochs"), QStringLiteral("200")};
    const QJsonObject summary = summaryOf(run(arguments));
    ASSERT_EQ(summary.value(u"status").toString(), QStringLiteral("cycle"));
    const QJsonObject cycle = summary.value(u"cycle").toObject();
    const int period = cycle.value(u"period").toInt();
    const double swing = cycle.value(u"swing").toDouble();
    const int epochs = summary.value(u"epochs").toInt();
    ASSERT_GE(period, 1);
    EXPECT_GT(swing, 0.0);

    const ProcessResult longer = run(QStringList{
        QStringLiteral("--data"), xorCsv(), QStringLiteral("--rule"), QStringLiteral("adaline"),
        QStringLiteral("--lr"), QStringLiteral("0.5"), QStringLiteral("--tolerance"),
        QStringLiteral("0"), QStringLiteral("--epochs"), QString::number(epochs + period),
        QStringLiteral("--trace"), QStringLiteral("-")});
    ASSERT_EQ(longer.exitCode, 0) << longer.err.toStdString();
    std::vector<double> atEnd; // w1, w2, b at the end of epoch `epochs`
    double largest = 0.0;
    std::vector<double> later; // ... and of epoch epochs + period
    for (const QByteArray& line : longer.out.split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        const int epoch = o.value(u"epoch").toInt();
        const QJsonArray w = o.value(u"w").toArray();
        const std::vector<double> theta{w[0].toDouble(), w[1].toDouble(), o.value(u"b").toDouble()};
        const bool epochLine = o.value(u"type").toString() == u"epoch";
        if (epochLine && epoch == epochs)
            atEnd = theta;
        if (epochLine && epoch == epochs + period)
            later = theta;
        if (!epochLine && epoch > epochs) {
            ASSERT_EQ(atEnd.size(), 3u);
            for (std::size_t j = 0; j < 3; ++j)
                largest = std::max(largest, std::abs(theta[j] - atEnd[j]));
        }
    }
    ASSERT_EQ(later.size(), 3u);
    for (std::size_t j = 0; j < 3; ++j)
        EXPECT_NEAR(later[j], atEnd[j], 1e-6 * (1.0 + std::abs(atEnd[j])));
    EXPECT_DOUBLE_EQ(swing, largest);
    // Other statuses have no cycle.
    EXPECT_FALSE(summaryOf(run({QStringLiteral("--data"), xorCsv()})).contains(u"cycle"));
}

} // namespace
} // namespace plab::cli
