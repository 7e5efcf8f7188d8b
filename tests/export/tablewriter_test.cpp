// Worked-example tables: CSV, Markdown and LaTeX hold the numbers of the trace.

#include "export/exporter.h"
#include "export/tablewriter.h"
#include "exportsupport.h"
#include "io/numberformat.h"
#include "learning/trainer.h"

#include <QStringList>
#include <gtest/gtest.h>

#include <cmath>

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

} // namespace
