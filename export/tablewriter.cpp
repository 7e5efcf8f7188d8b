#include "export/tablewriter.h"

#include "io/numberformat.h"

#include <QStringList>

#include <cmath>

namespace plab::exporting {

namespace {

constexpr QChar kMinus(0x2212);

/// Appends the cells of \p row, formatted by \p format, to \p cells.
template <typename Format>
QStringList cellsOf(const TableRow& row, bool useBias, Format format)
{
    QStringList cells{QString::number(row.epoch),
                      QString::number(row.sample),
                      format(row.x1),
                      format(row.x2),
                      QString::number(row.target),
                      format(row.net),
                      QString::number(row.output),
                      format(row.update),
                      format(row.w1),
                      format(row.w2)};
    if (useBias)
        cells << format(row.b);
    return cells;
}

} // namespace

TableRow tableRow(const learning::StepRecord& step)
{
    TableRow row;
    row.epoch = step.epoch;
    row.sample = int(step.index) + 1;
    row.x1 = step.x.x();
    row.x2 = step.x.y();
    row.target = step.target;
    row.net = step.net;
    row.output = step.output;
    row.update = step.learningRate * step.error;
    row.w1 = step.after.w.x();
    row.w2 = step.after.w.y();
    row.b = step.after.b;
    return row;
}

QStringList tableColumns()
{
    return {QStringLiteral("epoch"),  QStringLiteral("sample"), QStringLiteral("x1"),
            QStringLiteral("x2"),     QStringLiteral("target"), QStringLiteral("net"),
            QStringLiteral("output"), QStringLiteral("update"), QStringLiteral("w1"),
            QStringLiteral("w2"),     QStringLiteral("b")};
}

TableWriter::TableWriter(TableFormat format, bool useBias, int digits)
    : m_format(format), m_useBias(useBias), m_digits(std::clamp(digits, 1, 17))
{}

QByteArray TableWriter::write(std::span<const learning::StepRecord> steps) const
{
    switch (m_format) {
    case TableFormat::Csv:
        return csv(steps);
    case TableFormat::Markdown:
        return markdown(steps);
    case TableFormat::Latex:
        return latex(steps);
    }
    return {};
}

QString TableWriter::number(double value) const
{
    return io::displayNumber(value, m_digits);
}

QByteArray TableWriter::csv(std::span<const learning::StepRecord> steps) const
{
    // Always all eleven columns: a script reading the CSV should not depend on the settings.
    QByteArray out = tableColumns().join(u',').toUtf8() + '\n';
    out.reserve(out.size() + qsizetype(steps.size()) * 96);
    for (const learning::StepRecord& step : steps) {
        const TableRow row = tableRow(step);
        const QStringList cells =
            cellsOf(row, true, [](double v) { return QString::fromLatin1(io::formatDouble(v)); });
        out += cells.join(u',').toUtf8();
        out += '\n';
    }
    return out;
}

QByteArray TableWriter::markdown(std::span<const learning::StepRecord> steps) const
{
    QStringList header{QStringLiteral("epoch"),   QStringLiteral("sample"),
                       QStringLiteral("x\u2081"), QStringLiteral("x\u2082"),
                       QStringLiteral("target"),  QStringLiteral("net"),
                       QStringLiteral("output"),  QStringLiteral("update"),
                       QStringLiteral("w\u2081"), QStringLiteral("w\u2082")};
    if (m_useBias)
        header << QStringLiteral("b");
    QStringList rule;
    for (qsizetype i = 0; i < header.size(); ++i)
        rule << QStringLiteral("--:");
    QString out = u"| " + header.join(u" | ") + u" |\n|" + rule.join(u'|') + u"|\n";
    for (const learning::StepRecord& step : steps) {
        const QStringList cells =
            cellsOf(tableRow(step), m_useBias, [this](double v) { return number(v); });
        out += u"| " + cells.join(u" | ") + u" |\n";
    }
    return out.toUtf8();
}

QByteArray TableWriter::latex(std::span<const learning::StepRecord> steps) const
{
    // Numbers in math mode: a real minus sign, and 1e-07 as 1\times10^{-7}.
    const auto math = [this](double v) -> QString {
        QString text = number(v);
        text.replace(kMinus, u'-');
        text.replace(QStringLiteral("\u221e"), QStringLiteral("\\infty"));
        if (const qsizetype e = text.indexOf(u'e'); e >= 0) {
            const int exponent = text.mid(e + 1).toInt();
            text = text.left(e) + QStringLiteral("\\times10^{%1}").arg(exponent);
        }
        return u'$' + text + u'$';
    };
    QStringList header{QStringLiteral("epoch"),  QStringLiteral("sample"), QStringLiteral("$x_1$"),
                       QStringLiteral("$x_2$"),  QStringLiteral("target"), QStringLiteral("net"),
                       QStringLiteral("output"), QStringLiteral("update"), QStringLiteral("$w_1$"),
                       QStringLiteral("$w_2$")};
    if (m_useBias)
        header << QStringLiteral("$b$");
    QString out = QStringLiteral("% Needs \\usepackage{booktabs}.\n\\begin{tabular}{") +
                  QString(header.size(), u'r') + QStringLiteral("}\n\\toprule\n") +
                  header.join(QStringLiteral(" & ")) + QStringLiteral(" \\\\\n\\midrule\n");
    int epoch = steps.empty() ? 0 : steps.front().epoch;
    for (const learning::StepRecord& step : steps) {
        if (step.epoch != epoch) {
            out += QStringLiteral("\\midrule\n");
            epoch = step.epoch;
        }
        const TableRow row = tableRow(step);
        QStringList cells{QString::number(row.epoch),
                          QString::number(row.sample),
                          math(row.x1),
                          math(row.x2),
                          QString::number(row.target),
                          math(row.net),
                          QString::number(row.output),
                          math(row.update),
                          math(row.w1),
                          math(row.w2)};
        if (m_useBias)
            cells << math(row.b);
        out += cells.join(QStringLiteral(" & ")) + QStringLiteral(" \\\\\n");
    }
    out += QStringLiteral("\\bottomrule\n\\end{tabular}\n");
    return out.toUtf8();
}

} // namespace plab::exporting
