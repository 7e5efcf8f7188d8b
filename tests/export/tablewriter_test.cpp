// Worked-example tables: CSV, Markdown and LaTeX hold the numbers of the trace.

#include "export/exporter.h"
#include "export/tablewriter.h"
#include "exportsupport.h"
#include "io/numberformat.h"
#include "learning/trainer.h"

#include <QStringList>
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

using namespace plab;
using namespace plab::exporting;

namespace {

/// The first two epochs of AND, visit by visit (from a trainer, as the trace has them).
std::vector<learning::StepRecord> andTrace(learning::TrainingSettings settings = {})
{
    learning::Trainer trainer(test::andData(), settings);
    std::vector<learning::StepRecord> steps;
    for (int e = 0; e < 2; ++e)
        trainer.stepEpoch([&steps](const learning::StepRecord& s) { steps.push_back(s); });
    return steps;
}

/// A cell back to a number: a typographic minus, or LaTeX math ($-1$, 1\times10^{-7}).
double cellValue(QString cell)
{
    cell = cell.trimmed();
    cell.remove(u'$');
    cell.replace(QChar(0x2212), u'-');
    if (const qsizetype times = cell.indexOf(QStringLiteral("\\times10^{")); times >= 0) {
        const double mantissa = cell.left(times).toDouble();
        const int exponent = cell.mid(times + 10).chopped(1).toInt();
        return mantissa * std::pow(10.0, exponent);
    }
    bool ok = false;
    const double v = cell.toDouble(&ok);
    EXPECT_TRUE(ok) << "not a number: " << cell.toStdString();
    return v;
}

/// The numbers a row must show for \p s, in column order.
std::vector<double> expectedRow(const learning::StepRecord& s)
{
    return {double(s.epoch),  double(s.index + 1),
            s.x.x(),          s.x.y(),
            double(s.target), s.net,
            double(s.output), s.learningRate * s.error,
            s.after.w.x(),    s.after.w.y(),
            s.after.b};
}

void expectRowsMatch(const std::vector<QStringList>& rows,
                     const std::vector<learning::StepRecord>& steps, double tolerance)
{
    ASSERT_EQ(rows.size(), steps.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::vector<double> want = expectedRow(steps[i]);
        ASSERT_EQ(std::size_t(rows[i].size()), want.size()) << "row " << i;
        for (std::size_t c = 0; c < want.size(); ++c)
            EXPECT_NEAR(cellValue(rows[i][qsizetype(c)]), want[c],
                        tolerance * std::max(1.0, std::abs(want[c])))
                << "row " << i << " column " << c;
    }
}

TEST(TableWriter, FirstRowsByHand)
{
    // Epoch 1 of AND from zero weights: (0,0) net 0 -> y 1, wrong: update -1, b = -1;
    // (0,1) and (1,0) net -1 -> right; (1,1) net -1 -> y 0, wrong: update +1, w = (1,1), b = 0.
    const QByteArray csv = TableWriter(TableFormat::Csv).write(andTrace());
    const QList<QByteArray> lines = csv.split('\n');
    ASSERT_GE(lines.size(), 5);
    EXPECT_EQ(lines[0], "epoch,sample,x1,x2,target,net,output,update,w1,w2,b");
    EXPECT_EQ(lines[1], "1,1,0,0,0,0,1,-1,0,0,-1");
    EXPECT_EQ(lines[2], "1,2,0,1,0,-1,0,0,0,0,-1");
    EXPECT_EQ(lines[3], "1,3,1,0,0,-1,0,0,0,0,-1");
    EXPECT_EQ(lines[4], "1,4,1,1,1,-1,0,1,1,1,0");
}

TEST(TableWriter, MarkdownHoldsTheTraceNumbers)
{
    learning::TrainingSettings settings;
    settings.learningRate = 0.1; // numbers that are not integers: 0.1, 0.2, -0.1, ...
    const std::vector<learning::StepRecord> steps = andTrace(settings);
    const QString md = QString::fromUtf8(TableWriter(TableFormat::Markdown).write(steps));
    std::vector<QStringList> rows;
    const QStringList lines = md.split(u'\n', Qt::SkipEmptyParts);
    ASSERT_GE(lines.size(), 2);
    EXPECT_TRUE(lines[0].startsWith(u"| epoch | sample | x\u2081 | x\u2082 | target | net |"));
    EXPECT_TRUE(lines[1].startsWith(u"|--:|"));
    for (qsizetype i = 2; i < lines.size(); ++i) {
        QStringList cells = lines[i].split(u'|');
        ASSERT_GE(cells.size(), 3);
        rows.push_back(cells.mid(1, cells.size() - 2));
    }
    // Six significant digits: 0.30000000000000004 is written 0.3.
    expectRowsMatch(rows, steps, 1e-6);
}

TEST(TableWriter, LatexIsABooktabsTableOfTheTraceNumbers)
{
    learning::TrainingSettings settings;
    settings.learningRate = 0.1;
    const std::vector<learning::StepRecord> steps = andTrace(settings);
    const QString tex = QString::fromUtf8(TableWriter(TableFormat::Latex).write(steps));
    EXPECT_TRUE(tex.contains(QStringLiteral("\\begin{tabular}{rrrrrrrrrrr}")));
    EXPECT_TRUE(tex.contains(QStringLiteral("\\toprule")));
    EXPECT_TRUE(tex.contains(QStringLiteral("\\bottomrule")));
    EXPECT_TRUE(tex.contains(QStringLiteral("\\end{tabular}")));
    EXPECT_EQ(tex.count(QStringLiteral("\\midrule")), 2); // under the header, between epochs
    std::vector<QStringList> rows;
    for (const QString& line : tex.split(u'\n')) {
        if (!line.endsWith(QStringLiteral("\\\\")) || line.startsWith(u"epoch"))
            continue;
        rows.push_back(line.chopped(2).split(u'&'));
    }
    expectRowsMatch(rows, steps, 1e-6);
}

TEST(TableWriter, CsvNumbersReadBackExactly)
{
    learning::TrainingSettings settings;
    settings.learningRate = 0.1;
    const std::vector<learning::StepRecord> steps = andTrace(settings);
    const QList<QByteArray> lines = TableWriter(TableFormat::Csv).write(steps).split('\n');
    std::vector<QStringList> rows;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (!lines[i].isEmpty())
            rows.push_back(QString::fromLatin1(lines[i]).split(u','));
    }
    expectRowsMatch(rows, steps, 0.0);
}

TEST(TableWriter, WithoutABiasTheBColumnIsLeftOut)
{
    learning::TrainingSettings settings;
    settings.useBias = false;
    const QString md =
        QString::fromUtf8(TableWriter(TableFormat::Markdown, false).write(andTrace(settings)));
    EXPECT_FALSE(md.split(u'\n').constFirst().contains(QStringLiteral("| b |")));
    EXPECT_EQ(md.split(u'\n').constFirst().count(u'|'), 11); // ten columns
}

TEST(TableExport, ChosenEpochsFromTheRun)
{
    ExportRequest request;
    request.source = test::andSource();
    request.epochs = {0, 2};
    const auto table = renderTable(request, TableFormat::Csv);
    ASSERT_TRUE(table.has_value());
    const QList<QByteArray> lines = table.value().split('\n');
    // Header, the 4 visits of epoch 2 (epoch 0 has none), and the final newline.
    ASSERT_EQ(lines.size(), 6);
    for (qsizetype i = 1; i <= 4; ++i)
        EXPECT_TRUE(lines[i].startsWith(QByteArray("2," + QByteArray::number(i) + ",")));
    // Epoch 2 starts from w = (1, 1), b = 0: (0,0) has net 0 -> class 1, wrong.
    EXPECT_EQ(lines[1], "2,1,0,0,0,0,1,-1,1,1,-1");
}

// --- A network's table ----------------------------------------------------------------------

/// The 2-2-1 tanh network of tests/learning/network_test.cpp's worked example, trained online with
/// eta = 0.5 from its hand-set weights; the first sample is the hand-computed one.
learning::TrainingSettings handNetworkSettings(int batchSize = 1)
{
    Eigen::MatrixXd W1(2, 2);
    W1 << 0.5, -0.5, -1.0, 1.0;
    Eigen::MatrixXd W2(1, 2);
    W2 << 1.0, -1.0;
    learning::TrainingSettings s;
    s.model = learning::ModelKind::Network;
    s.hidden = {2};
    s.activation = learning::Activation::Tanh;
    s.learningRate = 0.5;
    s.init = learning::InitKind::Given;
    s.initialLayers = {{W1, Eigen::Vector2d(0.0, 0.25)}, {W2, Eigen::VectorXd::Constant(1, 0.1)}};
    s.batchSize = batchSize;
    return s;
}

struct NetworkRun
{
    learning::ModelShape shape;
    std::vector<learning::StepRecord> steps;
};

NetworkRun handNetworkRun(int batchSize = 1)
{
    const learning::TrainingSettings settings = handNetworkSettings(batchSize);
    learning::Trainer trainer(learning::Dataset({{{1.0, 0.0}, 1}, {{0.0, 1.0}, 0}}), settings);
    NetworkRun run{trainer.shape(), {}};
    trainer.stepEpoch([&run](const learning::StepRecord& s) { run.steps.push_back(s); });
    return run;
}

TEST(NetworkTable, FirstVisitEqualsTheHandComputedStep)
{
    // network_test's HandComputed221 and networktrainer_test's OnlineStepHandComputed221 (values
    // from Python's math module): x = (1, 0), t = 1.
    constexpr double h1 = 0.46211715726000974, h2 = -0.6351489523872873;
    constexpr double z = 1.1972661096472972, p = 0.768038082611525, J = 0.26391596033008985;
    constexpr double d = -0.23196191738847505, d1 = -0.18242592406459593, d2 = 0.13838518797569083;
    struct Want
    {
        const char* unit;
        const char* input;
        double a, net, activation, delta, value;
    };
    const Want want[] = {
        {"h1", "x1", 1.0, 0.5, h1, d1, 0.591212962032298},
        {"h1", "x2", 0.0, 0.5, h1, d1, -0.5},
        {"h1", "b", 1.0, 0.5, h1, d1, 0.09121296203229796},
        {"h2", "x1", 1.0, -0.75, h2, d2, -1.0691925939878455},
        {"h2", "x2", 0.0, -0.75, h2, d2, 1.0},
        {"h2", "b", 1.0, -0.75, h2, d2, 0.1808074060121546},
        {"z", "h1", h1, z, p, d, 1.0535967909280717},
        {"z", "h2", h2, z, p, d, -1.0736651844115181},
        {"z", "b", 1.0, z, p, d, 0.21598095869423753},
    };
    const NetworkRun run = handNetworkRun();
    const QList<QByteArray> lines =
        TableWriter(TableFormat::Csv, run.shape).write(run.steps).split('\n');
    ASSERT_EQ(lines.size(), 1 + 2 * 9 + 1); // header, 9 parameters x 2 visits, final newline
    EXPECT_EQ(lines[0], "epoch,sample,x1,x2,target,loss,layer,unit,input,a,net,activation,delta,"
                        "gradient,change,value,batch,applied");
    const auto near = [](double got, double want) {
        return std::abs(got - want) <= 1e-12 * std::max(1.0, std::abs(want));
    };
    for (int r = 0; r < 9; ++r) {
        const QStringList c = QString::fromLatin1(lines[r + 1]).split(u',');
        ASSERT_EQ(c.size(), 18) << r;
        const Want& w = want[r];
        EXPECT_EQ(c[0], u"1");
        EXPECT_EQ(c[1], u"1");
        EXPECT_EQ(c[2].toDouble(), 1.0);
        EXPECT_EQ(c[3].toDouble(), 0.0);
        EXPECT_EQ(c[4], u"1");
        EXPECT_TRUE(near(c[5].toDouble(), J)) << r;
        EXPECT_EQ(c[6], r < 6 ? u"1" : u"2");
        EXPECT_EQ(c[7], QLatin1String(w.unit)) << r;
        EXPECT_EQ(c[8], QLatin1String(w.input)) << r;
        EXPECT_TRUE(near(c[9].toDouble(), w.a)) << r;
        EXPECT_TRUE(near(c[10].toDouble(), w.net)) << r;
        EXPECT_TRUE(near(c[11].toDouble(), w.activation)) << r;
        EXPECT_TRUE(near(c[12].toDouble(), w.delta)) << r;
        EXPECT_TRUE(near(c[13].toDouble(), w.delta * w.a)) << r << ": the gradient is delta a";
        EXPECT_TRUE(near(c[14].toDouble(), -0.5 * w.delta * w.a)) << r << ": -eta delta a";
        EXPECT_TRUE(near(c[15].toDouble(), w.value)) << r;
        EXPECT_EQ(c[16], u"1");
        EXPECT_EQ(c[17], u"1");
    }
    // The CSV reads back exactly: the second visit's values are the record's, bit for bit.
    const QStringList last = QString::fromLatin1(lines[18]).split(u',');
    EXPECT_EQ(last[15].toDouble(), run.steps[1].parametersAfter[8]); // b(z), the last parameter
}

TEST(NetworkTable, MarkdownAndLatexAreWellFormed)
{
    const NetworkRun run = handNetworkRun();
    const QString md =
        QString::fromUtf8(TableWriter(TableFormat::Markdown, run.shape).write(run.steps));
    const QStringList lines = md.split(u'\n', Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 2 + 18);
    EXPECT_EQ(lines[0], u"| epoch | sample | x₁ | x₂ | t | J | layer | unit | input | a | net | "
                        u"f(net) or p | δ | δ·a | Δ | after |");
    for (const QString& line : lines)
        EXPECT_EQ(line.count(u'|'), 17) << line.toStdString(); // 16 columns on every line
    // A visit's numbers on its first row only, a unit's on its first row only.
    EXPECT_TRUE(lines[2].startsWith(u"| 1 | 1 | 1 | 0 | 1 | 0.263916 | 1 | h₁ | x₁ | 1 | 0.5 |"))
        << lines[2].toStdString();
    EXPECT_TRUE(lines[3].startsWith(u"|  |  |  |  |  |  |  |  | x₂ | 0 |  |"))
        << lines[3].toStdString();
    EXPECT_TRUE(lines[8].contains(u"| 2 | z | h₁ | 0.462117 | 1.19727 | 0.768038 | −0.231962 |"))
        << lines[8].toStdString();

    const QString tex =
        QString::fromUtf8(TableWriter(TableFormat::Latex, run.shape).write(run.steps));
    EXPECT_TRUE(tex.contains(u"\\begin{tabular}{" + QString(16, u'r') + u'}'));
    EXPECT_EQ(tex.count(QStringLiteral("\\midrule")), 2) << "one rule above each visit";
    EXPECT_TRUE(tex.contains(QStringLiteral("\\bottomrule\n\\end{tabular}\n")));
    int rows = 0;
    for (const QString& line : tex.split(u'\n')) {
        if (!line.endsWith(QStringLiteral("\\\\")))
            continue;
        EXPECT_EQ(line.count(u'&'), 15) << line.toStdString();
        EXPECT_EQ(line.count(u'$') % 2, 0) << "math mode closed: " << line.toStdString();
        ++rows;
    }
    EXPECT_EQ(rows, 1 + 18);
    EXPECT_TRUE(tex.contains(QStringLiteral("& $h_{1}$ & $x_1$ & $1$ &")));
}

TEST(NetworkTable, AMiniBatchShowsItsFillAndWhereTheStepIsApplied)
{
    const NetworkRun run = handNetworkRun(2);
    const QList<QByteArray> lines =
        TableWriter(TableFormat::Csv, run.shape).write(run.steps).split('\n');
    ASSERT_EQ(lines.size(), 20);
    // The first visit only adds its gradient: no change, batch 1, not applied.
    EXPECT_TRUE(lines[1].endsWith(",0.5,1,0")) << lines[1].toStdString(); // w(x1->h1) stays 0.5
    // The second closes the batch of two: every parameter's change is the record's. The rows go
    // unit by unit; the flat layout (model.h) stores W column by column, then b.
    constexpr std::size_t kFlat[9] = {0, 2, 4, 1, 3, 5, 6, 7, 8};
    for (int r = 0; r < 9; ++r) {
        const QStringList c = QString::fromLatin1(lines[10 + r]).split(u',');
        EXPECT_EQ(c[14].toDouble(), run.steps[1].change[kFlat[r]]) << r;
        EXPECT_NE(c[14].toDouble(), 0.0) << r;
        EXPECT_EQ(c[16], u"2");
        EXPECT_EQ(c[17], u"1");
    }
    const QString md =
        QString::fromUtf8(TableWriter(TableFormat::Markdown, run.shape).write(run.steps));
    EXPECT_TRUE(md.startsWith(u"| epoch") &&
                md.section(u'\n', 0, 0).endsWith(u"| after | batch | applied |"));
}

TEST(NetworkTable, TheRowLimitCountsEveryParameterOfEveryVisit)
{
    // A 2-16-16-1 network has (2 + 1) x 16 + (16 + 1) x 16 + (16 + 1) x 1 = 337 parameters: 4
    // points x 750 epochs are 3000 visits, 1011000 rows, over the limit of 1000000 rows, though
    // 3000 visits alone would be far below it.
    learning::TrainingSettings settings;
    settings.model = learning::ModelKind::Network;
    settings.hidden = {16, 16};
    settings.init = learning::InitKind::Random;
    settings.maxEpochs = 750;
    settings.tolerance = 0.0;
    ExportRequest request;
    request.source = std::make_shared<const ExportSource>(
        trainedSource(test::andData(), settings, io::ViewBox{-0.5, 1.5, -0.5, 1.5}));
    ASSERT_EQ(request.source->history.latestEpoch().epoch, 750);
    request.epochs.resize(750);
    std::iota(request.epochs.begin(), request.epochs.end(), 1);
    const auto refused = renderTable(request, TableFormat::Csv);
    ASSERT_FALSE(refused.has_value());
    EXPECT_TRUE(refused.error().contains(QStringLiteral("1011000 rows")))
        << refused.error().toStdString();
}

TEST(NetworkTable, ALinearModelOnOtherFeaturesHasNoTable)
{
    // Its rows would have to be another table's; the export says so instead of writing the
    // classic model's columns (which are zero for it). The preview goes through firstSteps too.
    learning::TrainingSettings settings;
    settings.features = *learning::FeatureSet::fromName("x1,x2,x1x2");
    const ExportSource source =
        trainedSource(test::andData(), settings, io::ViewBox{-0.5, 1.5, -0.5, 1.5});
    const auto refused = firstSteps(source, {1}, 10);
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error(), QStringLiteral("a worked-example table is written for the two-class "
                                              "linear model on x1, x2 and for networks; this run "
                                              "is 3-1, linear on x1, x2, x1*x2"));
}

} // namespace
