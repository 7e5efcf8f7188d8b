#include "export/tablewriter.h"

#include "io/numberformat.h"
#include "learning/features.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
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

/// A network's unit by name (tablewriter.h, NetworkTableRow): h1, h2_1, z, z0 (class 0).
QString unitName(const learning::ModelShape& shape, int layer, int j)
{
    if (layer == int(shape.hidden.size()))
        return shape.classes == 2 ? QStringLiteral("z") : u'z' + QString::number(j);
    if (shape.hidden.size() > 1)
        return u'h' + QString::number(layer + 1) + u'_' + QString::number(j + 1);
    return u'h' + QString::number(j + 1);
}

QString inputName(const learning::ModelShape& shape, int layer, int i)
{
    if (layer == 0)
        return QString::fromLatin1(learning::name(shape.features.at(i)));
    return unitName(shape, layer - 1, i);
}

QString subscript(const QString& digits)
{
    QString text = digits;
    for (QChar& c : text)
        c = QChar(0x2080 + (c.unicode() - u'0'));
    return text;
}

/// A name of NetworkTableRow as Markdown (x₁², h⁽²⁾₁, z₃) or LaTeX math ($x_1^2$, $h^{(2)}_{1}$)
/// writes it.
QString symbol(const QString& name, bool latex)
{
    static const QRegularExpression feature(QStringLiteral("^(sin)?x([12])(sq|x2)?$"));
    static const QRegularExpression unit(QStringLiteral("^([hz])(?:(\\d+)_)?(\\d+)?$"));
    if (name == u"b")
        return latex ? QStringLiteral("$b$") : name;
    if (const auto f = feature.match(name); f.hasMatch()) {
        const QString i = f.captured(2);
        const QString tail = f.captured(3);
        if (latex) {
            QString text = u"x_" + i;
            if (tail == u"sq")
                text += QStringLiteral("^2");
            else if (tail == u"x2")
                text += QStringLiteral("x_2");
            return u'$' + (f.captured(1).isEmpty() ? QString() : QStringLiteral("\\sin ")) + text +
                   u'$';
        }
        QString text = u'x' + subscript(i);
        if (tail == u"sq")
            text += QChar(0x00B2);
        else if (tail == u"x2")
            text += u'x' + subscript(QStringLiteral("2"));
        return (f.captured(1).isEmpty() ? QString() : QStringLiteral("sin ")) + text;
    }
    if (const auto u = unit.match(name); u.hasMatch()) {
        const QString layer = u.captured(2);
        const QString j = u.captured(3);
        if (latex)
            return u'$' + u.captured(1) + (layer.isEmpty() ? QString() : u"^{(" + layer + u")}") +
                   (j.isEmpty() ? QString() : u"_{" + j + u'}') + u'$';
        static constexpr char16_t kSuperscripts[] = u"⁰¹²³⁴⁵⁶⁷⁸⁹";
        QString mark;
        for (const QChar c : layer)
            mark += QChar(kSuperscripts[c.unicode() - u'0']);
        return u.captured(1) + (layer.isEmpty() ? QString() : u"⁽" + mark + u"⁾") + subscript(j);
    }
    return name;
}

} // namespace

std::vector<NetworkTableRow> networkTableRows(const learning::StepRecord& step,
                                              const learning::ModelShape& shape)
{
    const learning::SampleTrace& trace = *step.trace;
    const std::vector<int> sizes = shape.sizes();
    std::vector<NetworkTableRow> rows;
    rows.reserve(step.parametersAfter.size());
    NetworkTableRow row;
    row.epoch = step.epoch;
    row.sample = int(step.index) + 1;
    row.x1 = step.x.x();
    row.x2 = step.x.y();
    row.target = step.target;
    row.loss = trace.loss;
    row.batch = step.batchFill;
    row.applied = step.updated;
    std::size_t offset = 0; // the layer's first parameter in the flat layout of model.h
    for (int l = 0; l + 1 < int(sizes.size()); ++l) {
        const int inputs = sizes[std::size_t(l)];
        const int units = sizes[std::size_t(l + 1)];
        const learning::LayerTrace& layer = trace.layers[std::size_t(l)];
        const Eigen::VectorXd& in =
            l == 0 ? trace.input : trace.layers[std::size_t(l - 1)].activation;
        row.layer = l + 1;
        for (int j = 0; j < units; ++j) {
            row.unit = unitName(shape, l, j);
            row.net = layer.net[j];
            row.activation = layer.activation[j];
            row.delta = layer.delta[j];
            for (int i = 0; i <= inputs; ++i) {
                const bool bias = i == inputs;
                const std::size_t k =
                    offset + std::size_t(bias ? inputs * units + j : i * units + j);
                row.input = bias ? QStringLiteral("b") : inputName(shape, l, i);
                row.a = bias ? 1.0 : in[i];
                row.gradient = bias ? layer.gradB[j] : layer.gradW(j, i);
                row.change = step.change[k];
                row.value = step.parametersAfter[k];
                rows.push_back(row);
            }
        }
        offset += std::size_t((inputs + 1) * units);
    }
    return rows;
}

std::size_t tableRowsPerVisit(const learning::ModelShape& shape)
{
    return shape.kind == learning::ModelKind::Network ? std::size_t(shape.storedCount()) : 1;
}

QStringList networkTableColumns()
{
    return {QStringLiteral("epoch"), QStringLiteral("sample"),   QStringLiteral("x1"),
            QStringLiteral("x2"),    QStringLiteral("target"),   QStringLiteral("loss"),
            QStringLiteral("layer"), QStringLiteral("unit"),     QStringLiteral("input"),
            QStringLiteral("a"),     QStringLiteral("net"),      QStringLiteral("activation"),
            QStringLiteral("delta"), QStringLiteral("gradient"), QStringLiteral("change"),
            QStringLiteral("value"), QStringLiteral("batch"),    QStringLiteral("applied")};
}

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

TableWriter::TableWriter(TableFormat format, const learning::ModelShape& shape, int digits)
    : TableWriter(format, shape.bias, digits)
{
    if (shape.kind == learning::ModelKind::Network)
        m_network = shape;
}

bool TableWriter::isSupported(const learning::ModelShape& shape)
{
    return shape.isClassic() || shape.kind == learning::ModelKind::Network;
}

QByteArray TableWriter::write(std::span<const learning::StepRecord> steps) const
{
    if (m_network)
        return network(steps);
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

QString TableWriter::latexNumber(double value) const
{
    // Numbers in math mode: a real minus sign, and 1e-07 as 1\times10^{-7}.
    QString text = number(value);
    text.replace(kMinus, u'-');
    text.replace(QStringLiteral("\u221e"), QStringLiteral("\\infty"));
    if (const qsizetype e = text.indexOf(u'e'); e >= 0) {
        const int exponent = text.mid(e + 1).toInt();
        text = text.left(e) + QStringLiteral("\\times10^{%1}").arg(exponent);
    }
    return u'$' + text + u'$';
}

QByteArray TableWriter::latex(std::span<const learning::StepRecord> steps) const
{
    const auto math = [this](double v) { return latexNumber(v); };
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

QByteArray TableWriter::network(std::span<const learning::StepRecord> steps) const
{
    const learning::ModelShape& shape = *m_network;
    if (m_format == TableFormat::Csv) {
        const auto exact = [](double v) { return QString::fromLatin1(io::formatDouble(v)); };
        QByteArray out = networkTableColumns().join(u',').toUtf8() + '\n';
        for (const learning::StepRecord& step : steps) {
            for (const NetworkTableRow& r : networkTableRows(step, shape)) {
                const QStringList cells{QString::number(r.epoch),
                                        QString::number(r.sample),
                                        exact(r.x1),
                                        exact(r.x2),
                                        QString::number(r.target),
                                        exact(r.loss),
                                        QString::number(r.layer),
                                        r.unit,
                                        r.input,
                                        exact(r.a),
                                        exact(r.net),
                                        exact(r.activation),
                                        exact(r.delta),
                                        exact(r.gradient),
                                        exact(r.change),
                                        exact(r.value),
                                        QString::number(r.batch),
                                        QString::number(int(r.applied))};
                out += cells.join(u',').toUtf8() + '\n';
            }
        }
        return out;
    }

    // Markdown and LaTeX, for reading: each visit's and each unit's numbers once.
    const bool latex = m_format == TableFormat::Latex;
    const bool online = std::all_of(steps.begin(), steps.end(), [](const learning::StepRecord& s) {
        return s.batchFill == 1 && s.updated;
    });
    const auto value = [&](double v) { return latex ? latexNumber(v) : number(v); };
    QStringList header =
        latex
            ? QStringList{QStringLiteral("epoch"),     QStringLiteral("sample"),
                          QStringLiteral("$x_1$"),     QStringLiteral("$x_2$"),
                          QStringLiteral("$t$"),       QStringLiteral("$J$"),
                          QStringLiteral("layer"),     QStringLiteral("unit"),
                          QStringLiteral("input"),     QStringLiteral("$a$"),
                          QStringLiteral("net"),       QStringLiteral("$f(\\mathrm{net})$ or $p$"),
                          QStringLiteral("$\\delta$"), QStringLiteral("$\\delta a$"),
                          QStringLiteral("$\\Delta$"), QStringLiteral("after")}
            : QStringList{QStringLiteral("epoch"),   QStringLiteral("sample"),
                          QStringLiteral("x\u2081"), QStringLiteral("x\u2082"),
                          QStringLiteral("t"),       QStringLiteral("J"),
                          QStringLiteral("layer"),   QStringLiteral("unit"),
                          QStringLiteral("input"),   QStringLiteral("a"),
                          QStringLiteral("net"),     QStringLiteral("f(net) or p"),
                          QStringLiteral("\u03b4"),  QStringLiteral("\u03b4\u00b7a"),
                          QStringLiteral("\u0394"),  QStringLiteral("after")};
    if (!online)
        header << QStringLiteral("batch") << QStringLiteral("applied");
    QString out;
    if (latex) {
        out = QStringLiteral("% Needs \\usepackage{booktabs}.\n\\begin{tabular}{") +
              QString(header.size(), u'r') + QStringLiteral("}\n\\toprule\n") +
              header.join(QStringLiteral(" & ")) + QStringLiteral(" \\\\\n");
    } else {
        QStringList rule;
        for (qsizetype i = 0; i < header.size(); ++i)
            rule << QStringLiteral("--:");
        out = u"| " + header.join(u" | ") + u" |\n|" + rule.join(u'|') + u"|\n";
    }
    for (const learning::StepRecord& step : steps) {
        if (latex)
            out += QStringLiteral("\\midrule\n");
        bool firstOfVisit = true;
        QString unit;
        int layer = 0;
        for (const NetworkTableRow& r : networkTableRows(step, shape)) {
            const bool firstOfUnit = r.unit != unit || r.layer != layer;
            unit = r.unit;
            layer = r.layer;
            const auto once = [](bool shown, const QString& text) {
                return shown ? text : QString();
            };
            QStringList cells{once(firstOfVisit, QString::number(r.epoch)),
                              once(firstOfVisit, QString::number(r.sample)),
                              once(firstOfVisit, value(r.x1)),
                              once(firstOfVisit, value(r.x2)),
                              once(firstOfVisit, QString::number(r.target)),
                              once(firstOfVisit, value(r.loss)),
                              once(firstOfUnit, QString::number(r.layer)),
                              once(firstOfUnit, symbol(r.unit, latex)),
                              symbol(r.input, latex),
                              value(r.a),
                              once(firstOfUnit, value(r.net)),
                              once(firstOfUnit, value(r.activation)),
                              once(firstOfUnit, value(r.delta)),
                              value(r.gradient),
                              value(r.change),
                              value(r.value)};
            if (!online)
                cells << once(firstOfVisit, QString::number(r.batch))
                      << once(firstOfVisit, QString::number(int(r.applied)));
            firstOfVisit = false;
            if (latex)
                out += cells.join(QStringLiteral(" & ")) + QStringLiteral(" \\\\\n");
            else
                out += u"| " + cells.join(u" | ") + u" |\n";
        }
    }
    if (latex)
        out += QStringLiteral("\\bottomrule\n\\end{tabular}\n");
    return out.toUtf8();
}

} // namespace plab::exporting
