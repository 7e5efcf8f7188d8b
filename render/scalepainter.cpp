#include "render/scalepainter.h"

#include "io/numberformat.h"
#include "render/networkpainter.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace plab::render {

namespace {

/// The translation context of the picture's texts.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(plab::render::ScalePainter)
};

// Okabe-Ito blue for the reference models, vermillion for the current one: distinguishable with
// every common colour-vision deficiency, and the current row is also bold and banded.
const QColor kReferenceBar(0x00, 0x72, 0xB2);
const QColor kCurrentBar(0xD5, 0x5E, 0x00);

/// GPT-3's training compute (Brown et al. 2020, Table D.1).
double gpt3Flops()
{
    return *learning::referenceModel(learning::ReferenceId::Gpt3).trainingFlops;
}

QString number(std::int64_t n)
{
    return QString::number(n);
}

/// The name and the second line of a reference model's row.
std::pair<QString, QString> describe(const learning::ReferenceModel& model)
{
    using learning::ReferenceId;
    const QString named = QString::fromUtf8(model.name.data(), qsizetype(model.name.size()));
    const QString withYear = Text::tr("%1 (%2)").arg(named).arg(model.year);
    switch (model.id) {
    case ReferenceId::Perceptron:
        return {Text::tr("Perceptron"), Text::tr("w₁, w₂, b (lessons 1 to 3)")};
    case ReferenceId::XorNetwork:
        return {Text::tr("XOR network 2-2-1"), Text::tr("two hidden units (lesson 4)")};
    case ReferenceId::LeNet5:
        return {withYear, Text::tr("reads handwritten digits")};
    case ReferenceId::Gpt1:
    case ReferenceId::Gpt2:
    case ReferenceId::Gpt3:
        return {withYear, Text::tr("language model")};
    case ReferenceId::TrillionPlan:
        return {Text::tr("%1 parameters").arg(ScalePainter::powerOfTen(12)),
                Text::tr("a model planned in Japan (2024)")};
    }
    return {named, {}};
}

/// Decades between two labelled ticks so that labels \p labelWidth wide fit \p width for
/// \p decades decades: a divisor of the top decade (1, 2, 3, 4, 6, 12).
int labelStep(double width, double labelWidth, int decades)
{
    for (const int step : {1, 2, 3, 4, 6, 12}) {
        if (decades % step == 0 && width / decades * step >= labelWidth * 1.4)
            return step;
    }
    return decades;
}

} // namespace

double ScaleScene::multiplyAdds() const
{
    return learning::trainingMultiplyAdds(cost, epochs, samples, updates);
}

ScalePainter::ScalePainter(Theme theme) : m_theme(std::move(theme))
{}

std::vector<ScalePainter::Row> ScalePainter::rows(const ScaleScene& scene)
{
    std::vector<Row> out;
    const double p = scene.shape.parameterCount();
    Row current;
    current.name = Text::tr("This model");
    current.detail = modelDescription(scene.shape);
    current.formula = parameterFormula(scene.shape);
    current.values = {p, learning::dataBytes(scene.samples),
                      learning::kFlopsPerMultiplyAdd * scene.multiplyAdds()};
    current.current = true;
    bool placed = false;
    for (const learning::ReferenceModel& model : learning::referenceModels()) {
        if (!placed && model.parameters > p) {
            out.push_back(current);
            placed = true;
        }
        const auto [name, detail] = describe(model);
        out.push_back(
            Row{name, detail, {}, {model.parameters, model.dataBytes, model.trainingFlops}, false});
    }
    if (!placed)
        out.push_back(current);
    return out;
}

int ScalePainter::topDecade(ScaleMeasure measure)
{
    return measure == ScaleMeasure::Compute ? 24 : 12;
}

double ScalePainter::xOf(double value, const QRectF& axis, ScaleMeasure measure)
{
    const double decades =
        std::clamp(std::log10(std::max(value, 1.0)), 0.0, double(topDecade(measure)));
    return axis.left() + axis.width() * decades / topDecade(measure);
}

QString ScalePainter::powerOfTen(int exponent)
{
    static const QString digits = QStringLiteral("⁰¹²³⁴⁵⁶⁷⁸⁹");
    QString out = QStringLiteral("10");
    if (exponent < 0)
        out += QChar(0x207B); // superscript minus
    for (const QChar c : QString::number(std::abs(exponent)))
        out += digits[c.digitValue()];
    return out;
}

QString ScalePainter::scientific(double value)
{
    if (!std::isfinite(value))
        return io::displayNumber(value);
    if (std::abs(value) < 1e4)
        return io::displayNumber(value, 4);
    int exponent = int(std::floor(std::log10(std::abs(value))));
    double mantissa = value / std::pow(10.0, exponent);
    // 9.996e5 rounds to "10" at three digits: carry into the exponent.
    if (std::abs(std::round(mantissa * 100.0) / 100.0) >= 10.0) {
        mantissa /= 10.0;
        ++exponent;
    }
    const QString digits = io::displayNumber(mantissa, 3);
    if (digits == u"1")
        return powerOfTen(exponent);
    return Text::tr("%1 × %2").arg(digits, powerOfTen(exponent));
}

QString ScalePainter::bytes(double value)
{
    static const std::array units{"B", "kB", "MB", "GB", "TB", "PB"};
    std::size_t unit = 0;
    double v = value;
    while (v >= 1000.0 && unit + 1 < units.size()) {
        v /= 1000.0;
        ++unit;
    }
    return QStringLiteral("%1 %2").arg(io::displayNumber(v, 3), QLatin1String(units[unit]));
}

QStringList ScalePainter::footerLines(const ScaleScene& scene)
{
    QStringList lines;
    const learning::SampleCost& c = scene.cost;
    const double madds = scene.multiplyAdds();
    const QString flops = scientific(learning::kFlopsPerMultiplyAdd * madds);
    if (c.batch == 0) {
        lines << Text::tr("One visit of this model costs %1 multiply-adds (its nets), and each "
                          "update (a mistake) %2 more. This run: %3 epochs × %4 points × %1 + %5 "
                          "updates × %2 = %6 multiply-adds = %7 FLOPs (a multiply-add is 2 FLOPs).")
                     .arg(number(c.forward), number(c.update), number(scene.epochs),
                          number(scene.samples), number(scene.updates), scientific(madds), flops);
    } else {
        const std::int64_t batches =
            scene.samples > 0 ? (scene.samples + c.batch - 1) / c.batch : 0;
        lines << Text::tr("One visit of this model costs %1 multiply-adds forward + %2 backward, "
                          "and each update %3 (one per batch of %4). This run: %5 epochs × (%6 "
                          "points × %7 + %8 updates × %3) = %9 multiply-adds = %10 FLOPs (a "
                          "multiply-add is 2 FLOPs).")
                     .arg(number(c.forward), number(c.backward), number(c.update), number(c.batch),
                          number(scene.epochs), number(scene.samples),
                          number(c.forward + c.backward), number(batches), scientific(madds))
                     .arg(flops);
    }
    if (scene.measuring) {
        lines << Text::tr("This machine's rate: measuring…");
    } else if (!scene.rate && scene.samples == 0) {
        lines << Text::tr("This machine's rate: not measured (training needs at least one "
                          "point).");
    } else if (!scene.rate) {
        lines << Text::tr("This machine's rate: not measured here (Help > How big is this model? "
                          "measures it in the window, with GPT-3's training time at that rate).");
    } else {
        const learning::RateMeasurement& r = *scene.rate;
        const double rate = r.flopsPerSecond();
        lines << Text::tr("This machine's rate: %1 FLOP/s, measured by training this model on "
                          "these %2 points for %3 s (%4 epochs) on a worker thread: the operations "
                          "counted as above ÷ the time.")
                     .arg(scientific(rate), number(scene.samples), io::displayNumber(r.seconds, 2),
                          number(r.epochs));
        if (rate > 0.0) {
            const learning::ComputeTime t = learning::computeTime(gpt3Flops(), rate);
            lines << Text::tr("GPT-3's training compute at this rate: %1 FLOPs ÷ %2 FLOP/s = %3 s; "
                              "÷ %4 s a year = %5 years.")
                         .arg(scientific(gpt3Flops()), scientific(rate), scientific(t.seconds),
                              scientific(learning::kSecondsPerYear), scientific(t.years));
        }
    }
    lines << Text::tr("Sources: LeCun et al. 1998; Radford et al. 2018 and 2019; Brown et al. "
                      "2020 (docs/scale.md says what each figure means). GPT-3's 570 GB is its "
                      "Common Crawl text after filtering. A dash: not reported.");
    return lines;
}

ScalePainter::Layout ScalePainter::layout(const QRectF& target, const ScaleScene& scene) const
{
    const double s = m_theme.fontScale;
    const double pad = 14.0 * s;
    const QFontMetricsF titleFm(m_theme.font(1.45, true));
    const QFontMetricsF textFm(m_theme.font(1.0));
    const QFontMetricsF boldFm(m_theme.font(1.0, true));
    const QFontMetricsF smallFm(m_theme.font(0.85));
    const QFontMetricsF footFm(m_theme.font(0.9));

    Layout l;
    const QRectF inner = target.adjusted(pad, pad, -pad, -pad);
    l.title = QRectF(inner.left(), inner.top(), inner.width(),
                     titleFm.height() + smallFm.lineSpacing() + pad * 0.5);

    double footerHeight = pad * 0.5;
    for (const QString& line : footerLines(scene))
        footerHeight +=
            footFm.boundingRect(QRectF(0, 0, inner.width(), 1e6), Qt::TextWordWrap, line).height() +
            footFm.leading() + 2.0 * s;
    l.footer = QRectF(inner.left(), inner.bottom() - footerHeight, inner.width(), footerHeight);

    const std::vector<Row> rowList = rows(scene);
    double nameWidth = 0.0;
    for (const Row& row : rowList)
        nameWidth = std::max({nameWidth, boldFm.horizontalAdvance(row.name),
                              smallFm.horizontalAdvance(row.detail),
                              smallFm.horizontalAdvance(row.formula)});
    l.nameWidth = std::min(nameWidth + pad, inner.width() * 0.26);

    const double header = boldFm.lineSpacing() + smallFm.lineSpacing() + pad * 0.5;
    const double rowsTop = l.title.bottom() + header;
    const double rowsHeight = std::max(0.0, l.footer.top() - pad * 0.5 - rowsTop);
    const double rowHeight = rowList.empty() ? 0.0 : rowsHeight / double(rowList.size());
    for (std::size_t i = 0; i < rowList.size(); ++i)
        l.rows.emplace_back(inner.left(), rowsTop + rowHeight * double(i), inner.width(),
                            rowHeight);

    // Three panels; each axis keeps half a tick label free at both ends.
    const double gap = 2.0 * pad;
    const double left = inner.left() + l.nameWidth + pad;
    const double panelWidth = std::max(0.0, (inner.right() - left - 2.0 * gap) / 3.0);
    const double half = smallFm.horizontalAdvance(powerOfTen(24)) / 2.0;
    for (std::size_t m = 0; m < kScaleMeasures.size(); ++m) {
        const double x = left + double(m) * (panelWidth + gap);
        l.axes[m] = QRectF(x + half, rowsTop, std::max(1.0, panelWidth - 2.0 * half), rowsHeight);
    }
    return l;
}

void ScalePainter::paintAxis(QPainter& painter, const Layout& l, ScaleMeasure measure) const
{
    const QRectF& axis = l.axes[std::size_t(measure)];
    const QFont boldFont = m_theme.font(1.0, true);
    const QFont smallFont = m_theme.font(0.85);
    const QFontMetricsF boldFm(boldFont);
    const QFontMetricsF smallFm(smallFont);
    const int top = topDecade(measure);

    const QString title = measure == ScaleMeasure::Parameters ? Text::tr("Parameters")
                          : measure == ScaleMeasure::Data     ? Text::tr("Training data (bytes)")
                                                          : Text::tr("Training compute (FLOPs)");
    const double labelsTop = axis.top() - smallFm.lineSpacing() - 2.0;
    painter.setPen(m_theme.text);
    painter.setFont(boldFont);
    painter.drawText(QRectF(axis.left() - 20.0, labelsTop - boldFm.lineSpacing(),
                            axis.width() + 40.0, boldFm.lineSpacing()),
                     Qt::AlignCenter, title);

    const int step = labelStep(axis.width(), smallFm.horizontalAdvance(powerOfTen(top)), top);
    painter.setFont(smallFont);
    for (int d = 0; d <= top; ++d) {
        const double x = axis.left() + axis.width() * d / top;
        const bool labelled = d % step == 0;
        QPen pen(m_theme.grid, (labelled ? 1.5 : 0.75) * m_theme.gridWidth);
        painter.setPen(pen);
        painter.drawLine(QPointF(x, axis.top()), QPointF(x, axis.bottom()));
        if (labelled) {
            painter.setPen(m_theme.mutedText);
            const QString label = powerOfTen(d);
            const double w = smallFm.horizontalAdvance(label);
            painter.drawText(QRectF(x - w, labelsTop, 2.0 * w, smallFm.lineSpacing()),
                             Qt::AlignCenter, label);
        }
    }
}

void ScalePainter::paintRow(QPainter& painter, const Layout& l, std::size_t index,
                            const Row& row) const
{
    const QRectF& r = l.rows[index];
    const double s = m_theme.fontScale;
    if (row.current) {
        QColor band = kCurrentBar;
        band.setAlpha(38);
        painter.fillRect(r, band);
        painter.fillRect(QRectF(r.left(), r.top(), 4.0 * s, r.height()), kCurrentBar);
    }

    const QFont nameFont = m_theme.font(1.0, true);
    const QFont smallFont = m_theme.font(0.85);
    const QFontMetricsF nameFm(nameFont);
    const QFontMetricsF smallFm(smallFont);
    const double textLeft = r.left() + 8.0 * s;
    const double textWidth = l.nameWidth - 8.0 * s;
    const int smallLines = row.formula.isEmpty() ? 1 : 2;
    const double block = nameFm.lineSpacing() + smallLines * smallFm.lineSpacing();
    const double top = r.center().y() - block / 2.0;
    // The current row's name in its colour, a shade towards the text for contrast.
    const QColor currentText =
        m_theme.background.lightness() < 128 ? kCurrentBar.lighter(125) : kCurrentBar.darker(115);
    painter.setPen(row.current ? currentText : m_theme.text);
    painter.setFont(nameFont);
    painter.drawText(QRectF(textLeft, top, textWidth, nameFm.lineSpacing()),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     nameFm.elidedText(row.name, Qt::ElideRight, textWidth));
    painter.setPen(m_theme.mutedText);
    painter.setFont(smallFont);
    painter.drawText(QRectF(textLeft, top + nameFm.lineSpacing(), textWidth, smallFm.lineSpacing()),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     smallFm.elidedText(row.detail, Qt::ElideRight, textWidth));
    // Elided on the left, so the count at its end stays readable.
    if (!row.formula.isEmpty())
        painter.drawText(QRectF(textLeft, top + nameFm.lineSpacing() + smallFm.lineSpacing(),
                                textWidth, smallFm.lineSpacing()),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         smallFm.elidedText(row.formula, Qt::ElideLeft, textWidth));

    const double barHeight = std::min(r.height() * 0.7, smallFm.height() + 6.0 * s);
    const QColor barColour = row.current ? kCurrentBar : kReferenceBar;
    for (const ScaleMeasure measure : kScaleMeasures) {
        const QRectF& axis = l.axes[std::size_t(measure)];
        const QRectF lane(axis.left(), r.center().y() - barHeight / 2.0, axis.width(), barHeight);
        const std::optional<double>& value = row.values[std::size_t(measure)];
        QString label;
        double end = axis.left();
        if (!value) {
            label = QStringLiteral("—");
        } else {
            label = measure == ScaleMeasure::Data ? bytes(*value) : scientific(*value);
            if (row.current && measure == ScaleMeasure::Compute && *value == 0.0)
                label = Text::tr("none yet");
            end = xOf(*value, axis, measure);
            if (end > axis.left())
                painter.fillRect(QRectF(lane.left(), lane.top(), end - lane.left(), lane.height()),
                                 barColour);
        }
        const double w = smallFm.horizontalAdvance(label);
        painter.setFont(smallFont);
        if (end + 4.0 * s + w <= axis.right() + 2.0 * s) {
            painter.setPen(value ? m_theme.text : m_theme.mutedText);
            painter.drawText(QRectF(end + 4.0 * s, lane.top(), w + 2.0, lane.height()),
                             Qt::AlignLeft | Qt::AlignVCenter, label);
        } else {
            painter.setPen(Qt::white);
            painter.drawText(QRectF(end - 4.0 * s - w - 2.0, lane.top(), w + 2.0, lane.height()),
                             Qt::AlignRight | Qt::AlignVCenter, label);
        }
    }
}

void ScalePainter::paint(QPainter& painter, const QRectF& target, const ScaleScene& scene) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.fillRect(target, m_theme.background);
    const Layout l = layout(target, scene);

    const QFont titleFont = m_theme.font(1.45, true);
    const QFont smallFont = m_theme.font(0.85);
    const QFontMetricsF titleFm(titleFont);
    const QFontMetricsF smallFm(smallFont);
    painter.setPen(m_theme.text);
    painter.setFont(titleFont);
    painter.drawText(QRectF(l.title.left(), l.title.top(), l.title.width(), titleFm.height()),
                     Qt::AlignLeft | Qt::AlignVCenter, Text::tr("How big is this model?"));
    painter.setPen(m_theme.mutedText);
    painter.setFont(smallFont);
    painter.drawText(QRectF(l.title.left(), l.title.top() + titleFm.height(), l.title.width(),
                            smallFm.lineSpacing()),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     Text::tr("Three measures on logarithmic scales: each grid line is ten times "
                              "the one before it."));

    for (const ScaleMeasure measure : kScaleMeasures)
        paintAxis(painter, l, measure);
    const std::vector<Row> rowList = rows(scene);
    for (std::size_t i = 0; i < rowList.size() && i < l.rows.size(); ++i)
        paintRow(painter, l, i, rowList[i]);

    const QFont footFont = m_theme.font(0.9);
    const QFontMetricsF footFm(footFont);
    painter.setFont(footFont);
    painter.setPen(m_theme.text);
    double y = l.footer.top() + m_theme.fontScale * 7.0;
    for (const QString& line : footerLines(scene)) {
        const QRectF box = footFm.boundingRect(QRectF(l.footer.left(), y, l.footer.width(), 1e6),
                                               Qt::TextWordWrap, line);
        painter.drawText(QRectF(l.footer.left(), y, l.footer.width(), box.height()),
                         Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, line);
        y += box.height() + footFm.leading() + 2.0 * m_theme.fontScale;
    }
    painter.restore();
}

} // namespace plab::render
