// The built perceptron-lab binary training the models beyond the classic one: feature maps,
// networks and more classes (docs/cli.md, "Models"), and exit status 2 naming the option for
// every bad model value.

#include "cli/runcli.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <gtest/gtest.h>

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

TEST(CliModels, ExportRefusesModelsItCannotDrawYet)
{
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("net.png"));
    const ProcessResult r =
        run({QStringLiteral("--data"), xorCsv(), QStringLiteral("--model"), QStringLiteral("mlp"),
             QStringLiteral("--hidden"), QStringLiteral("4"), QStringLiteral("--out"), png},
            QStringLiteral("export"));
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains("export draws the two-class linear model on x1, x2 only for now, "
                               "and this run is 2-4-1, tanh with 2 classes"))
        << r.err.toStdString();
    EXPECT_FALSE(QFile::exists(png));
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

} // namespace
} // namespace plab::cli
