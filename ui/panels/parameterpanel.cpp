#include "ui/panels/parameterpanel.h"

#include "io/numberformat.h"
#include "learning/rules.h"
#include "ui/panels/modeltext.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFontDatabase>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QLayoutItem>
#include <QPainter>
#include <QStringList>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace Qt::StringLiterals;

namespace plab::ui {

namespace {

constexpr QChar kMinus{0x2212};

QString withMinusSign(QString text)
{
    return text.replace(QLatin1Char('-'), kMinus);
}

// Lines wrap between the terms of the working, never inside a vector or between a sign and its
// number: those spaces are no-break spaces (U+00A0).
constexpr QChar kNoBreakSpace{0x00A0};
/// " − " inside a factor such as "(0 − 1)", which reads wrongly when split over two lines.
const QString kNoBreakMinus = QString(kNoBreakSpace) + QChar(0x2212) + kNoBreakSpace;

/// The working of a model other than the classic one (modeltext.h) as the panel shows it: a
/// quantity's line (indented) wraps only before " = " or " + " and after ", ", never inside a
/// term such as "(1 − h₁²)".
QString wrappedBetweenTerms(const QString& text)
{
    QStringList lines = text.split(u'\n');
    for (QString& line : lines) {
        if (!line.startsWith(u"  "))
            continue;
        line.replace(u' ', kNoBreakSpace);
        line.replace(QString(kNoBreakSpace) + u'=' + kNoBreakSpace, u" =" + QString(kNoBreakSpace));
        line.replace(QString(kNoBreakSpace) + u'+' + kNoBreakSpace, u" +" + QString(kNoBreakSpace));
        line.replace(u',' + QString(kNoBreakSpace), u", "_s);
    }
    return lines.join(u'\n');
}

QString vec(const Eigen::Vector2d& v)
{
    return u'(' + formatNumber(v.x()) + u',' + kNoBreakSpace + formatNumber(v.y()) + u')';
}

/// A number inside an expression: negative values get parentheses, e.g. "1 − (−0.25)".
QString operand(double value)
{
    const QString text = formatNumber(value);
    return value < 0.0 ? u'(' + text + u')' : text;
}

/// " + 1.00" or " − 1.00": a signed term after another one.
QString signedTerm(double value)
{
    return (std::signbit(value) && value != 0.0 ? u" −"_s : u" +"_s) + kNoBreakSpace +
           formatNumber(std::abs(value));
}

QString bigNumber(double value)
{
    return formatNumber(value, 3);
}

/// A figure whose digits must all show in the panel's large font, even when its column is
/// narrow or the number is as long as "−3.03e+160": the font shrinks to fit; the digits are never
/// cut. The labels of one group are drawn in one size, the largest at which each of them fits.
class FittingNumber : public QLabel
{
public:
    using QLabel::QLabel;

    void setGroup(std::vector<const FittingNumber*> group) { m_group = std::move(group); }

    /// The font the number is drawn in: the label's own, or smaller when a text does not fit.
    [[nodiscard]] QFont fittedFont() const
    {
        double size = largestFittingSize();
        for (const FittingNumber* member : m_group)
            size = std::min(size, member->largestFittingSize());
        QFont fitted = font();
        fitted.setPointSizeF(size);
        return fitted;
    }

    QSize minimumSizeHint() const override
    {
        // Any width will do: the font adapts. The height stays that of the large font.
        return {fontMetrics().averageCharWidth() * 2, QLabel::minimumSizeHint().height()};
    }

protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter painter(this);
        painter.setFont(fittedFont());
        painter.setPen(palette().color(foregroundRole()));
        painter.drawText(contentsRect(), int(alignment()), text());
    }

private:
    [[nodiscard]] double largestFittingSize() const
    {
        // The ink can reach past the advance (bearings, antialiasing): a pixel is kept each
        // side. Glyph widths do not scale exactly with the size (hinting), so shrink in steps.
        const int room = contentsRect().width() - 2;
        QFont font = this->font();
        while (font.pointSizeF() > 4.0) {
            const QFontMetrics metrics(font);
            if (std::max(metrics.horizontalAdvance(text()), metrics.boundingRect(text()).width()) <=
                room)
                break;
            font.setPointSizeF(font.pointSizeF() * 0.92);
        }
        return font.pointSizeF();
    }

    std::vector<const FittingNumber*> m_group;
};

/// One layer's W and b as a small matrix: a row per unit, a column per input and one for b.
/// Every value is shown: the font shrinks to fit the width (down to kSmallest of the panel's
/// size), and a layer still too wide for it is cut into blocks of columns, one under the other,
/// as printed matrices are.
class MatrixView : public QWidget
{
public:
    using QWidget::QWidget;

    void setMatrix(LayerMatrix matrix)
    {
        m_matrix = std::move(matrix);
        m_cells.clear();
        for (int r = 0; r < int(m_matrix.values.rows()); ++r)
            for (int c = 0; c < int(m_matrix.values.cols()); ++c)
                m_cells << formatNumber(m_matrix.values(r, c), 3);
        updateGeometry();
        update();
    }

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return arrange(width).height; }
    QSize sizeHint() const override
    {
        const int width = arrange(QWIDGETSIZE_MAX).width;
        return {width, heightForWidth(width)};
    }
    QSize minimumSizeHint() const override
    {
        const int width = fontMetrics().averageCharWidth() * 12;
        return {width, heightForWidth(width)};
    }

protected:
    void paintEvent(QPaintEvent*) override
    {
        const Arrangement a = arrange(width());
        QPainter painter(this);
        painter.setFont(a.font);
        const QColor text = palette().color(QPalette::WindowText);
        QColor muted = text;
        muted.setAlphaF(0.65);
        const int columns = int(m_matrix.columns.size());
        int y = 0;
        for (int first = 0; first < columns; first += a.perBlock) {
            const int last = std::min(columns, first + a.perBlock);
            painter.setPen(muted);
            for (int c = first; c < last; ++c)
                painter.drawText(QRect(a.header + (c - first) * a.cell, y, a.cell - a.pad, a.line),
                                 Qt::AlignRight | Qt::AlignVCenter, m_matrix.columns[c]);
            for (int r = 0; r < int(m_matrix.rows.size()); ++r) {
                const int top = y + (r + 1) * a.line;
                painter.setPen(muted);
                painter.drawText(QRect(0, top, a.header - a.pad, a.line),
                                 Qt::AlignLeft | Qt::AlignVCenter, m_matrix.rows[r]);
                painter.setPen(text);
                for (int c = first; c < last; ++c)
                    painter.drawText(
                        QRect(a.header + (c - first) * a.cell, top, a.cell - a.pad, a.line),
                        Qt::AlignRight | Qt::AlignVCenter, m_cells[r * columns + c]);
            }
            y += (int(m_matrix.rows.size()) + 1) * a.line + a.line / 2;
        }
    }

private:
    struct Arrangement
    {
        QFont font;
        int pad = 0;
        int header = 0; ///< the row names' column
        int cell = 0;   ///< every value column
        int line = 0;
        int perBlock = 1; ///< value columns side by side
        int width = 0;    ///< the width the matrix needs
        int height = 0;
    };

    static constexpr double kSmallest = 0.75;

    [[nodiscard]] Arrangement arrange(int width) const
    {
        Arrangement a;
        a.font = font();
        const double base = a.font.pointSizeF();
        const int columns = std::max<int>(1, int(m_matrix.columns.size()));
        for (;;) {
            const QFontMetrics metrics(a.font);
            a.pad = metrics.averageCharWidth();
            a.header = 0;
            for (const QString& row : m_matrix.rows)
                a.header = std::max(a.header, metrics.horizontalAdvance(row));
            a.header += 2 * a.pad;
            a.cell = 0;
            for (const QString& cell : m_cells)
                a.cell = std::max(a.cell, metrics.horizontalAdvance(cell));
            for (const QString& column : m_matrix.columns)
                a.cell = std::max(a.cell, metrics.horizontalAdvance(column));
            a.cell += 2 * a.pad;
            a.line = metrics.height();
            a.width = a.header + columns * a.cell;
            if (a.width <= width || a.font.pointSizeF() * 0.92 < base * kSmallest)
                break;
            a.font.setPointSizeF(a.font.pointSizeF() * 0.92);
        }
        a.perBlock = std::clamp((width - a.header) / std::max(1, a.cell), 1, columns);
        a.width = a.header + a.perBlock * a.cell;
        const int blocks = (columns + a.perBlock - 1) / a.perBlock;
        const int rows = int(m_matrix.rows.size()) + 1;
        a.height = blocks * rows * a.line + (blocks - 1) * (a.line / 2);
        return a;
    }

    LayerMatrix m_matrix;
    QStringList m_cells;
};

} // namespace

QString formatNumber(double value, int decimals)
{
    return io::displayFixed(value, decimals);
}

QString formatRate(double learningRate)
{
    QString text = io::displayNumber(learningRate, 6);
    if (!text.contains(QLatin1Char('.')) && !text.contains(QLatin1Char('e')))
        text += u".0"_s;
    return withMinusSign(text);
}

QString boundaryEquation(const learning::LinearModel& model, bool useBias)
{
    QString text = formatNumber(model.w.x()) + u"·x₁" + signedTerm(model.w.y()) + u"·x₂";
    if (useBias)
        text += signedTerm(model.b);
    return text + u" = 0";
}

QString updateArithmetic(const learning::StepRecord& step, learning::Rule rule,
                         learning::GradientMode mode, bool useBias)
{
    using learning::Rule;
    QStringList lines;
    const QString eta = formatRate(step.learningRate);
    lines << QCoreApplication::translate("plab::ui::ParameterPanel", "sample #%1: x = %2, t = %3")
                 .arg(step.index + 1)
                 .arg(vec(step.x))
                 .arg(rule == Rule::Adaline ? (step.target == 1 ? u"1"_s : withMinusSign(u"-1"_s))
                                            : QString::number(step.target));
    lines << u"net = w·x + b = " + formatNumber(step.net);

    // The factor the rule multiplies into its update, written as the subtraction it comes from.
    QString symbol;
    QString factor;
    if (learning::isPerceptronFamily(rule)) {
        lines.last() += u", y = " + QString::number(step.output);
        symbol = u"(t − y)"_s;
        factor = u'(' + QString::number(step.target) + kNoBreakMinus +
                 QString::number(step.output) + u')';
    } else if (rule == Rule::Adaline) {
        symbol = u"(t − net)"_s;
        const QString t = step.target == 1 ? u"1"_s : QString(kMinus) + u'1';
        factor = u'(' + t + kNoBreakMinus + operand(step.net) + u')';
    } else {
        const double p = learning::sigmoid(step.net);
        lines << u"p = σ(net) = σ(" + formatNumber(step.net) + u") = " + formatNumber(p);
        symbol = u"(t − p)"_s;
        factor = u'(' + QString::number(step.target) + kNoBreakMinus + formatNumber(p) + u')';
    }

    const bool batch = !learning::isPerceptronFamily(rule) && mode == learning::GradientMode::Batch;
    if (batch && !step.updated) {
        const Eigen::Vector2d term = step.error * step.x;
        lines << QCoreApplication::translate("plab::ui::ParameterPanel",
                                             "batch mode: %1·x = %2·%3 = %4")
                     .arg(symbol, factor, vec(step.x), vec(term));
        lines << QCoreApplication::translate(
            "plab::ui::ParameterPanel",
            "joins the epoch's mean gradient; w changes once, at the end of the epoch");
        return lines.join(u'\n');
    }
    if (batch) {
        lines << QCoreApplication::translate("plab::ui::ParameterPanel",
                                             "end of the epoch: w ← w + η·mean of %1·x")
                     .arg(symbol);
        lines << u"  = " + vec(step.before.w) + u" + " + vec(step.deltaW);
        lines << u"  = " + vec(step.after.w);
        if (useBias)
            lines << u"b ← " + formatNumber(step.before.b) + signedTerm(step.deltaB) + u" = " +
                         formatNumber(step.after.b);
        return lines.join(u'\n');
    }
    if (!step.updated) {
        lines << (learning::isPerceptronFamily(rule)
                      ? QCoreApplication::translate("plab::ui::ParameterPanel",
                                                    "t = y: classified correctly, no update")
                      : QCoreApplication::translate("plab::ui::ParameterPanel", "%1 = 0: no update")
                            .arg(symbol));
        return lines.join(u'\n');
    }
    lines << u"w ← w + η·" + symbol + u"·x";
    lines << u"  = " + vec(step.before.w) + u" + " + eta + u'·' + factor + u'·' + vec(step.x);
    lines << u"  = " + vec(step.after.w);
    if (useBias) {
        lines << u"b ← b + η·" + symbol;
        lines << u"  = " + formatNumber(step.before.b) + u" + " + eta + u'·' + factor;
        lines << u"  = " + formatNumber(step.after.b);
    }
    return lines.join(u'\n');
}

ParameterPanel::ParameterPanel(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);

    // w1, w2 and b side by side, each name over its value: large, yet only two lines tall.
    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(12);
    grid->setVerticalSpacing(0);
    std::vector<const FittingNumber*> numbers;
    const auto addColumn = [&](int column, const QString& name, QLabel** value) {
        auto* label = new QLabel(name, this);
        label->setAlignment(Qt::AlignCenter);
        auto* number = new FittingNumber(this);
        number->setObjectName(u"parameterValue"_s);
        number->setAlignment(Qt::AlignCenter);
        numbers.push_back(number);
        *value = number;
        grid->addWidget(label, 0, column);
        grid->addWidget(number, 1, column);
        grid->setColumnStretch(column, 1);
        return label;
    };
    m_names = {addColumn(0, u"w₁"_s, &m_w1), addColumn(1, u"w₂"_s, &m_w2),
               addColumn(2, u"b"_s, &m_b)};
    for (auto* label : {m_w1, m_w2, m_b})
        static_cast<FittingNumber*>(label)->setGroup(numbers);
    m_classic = new QWidget(this);
    grid->setContentsMargins(0, 0, 0, 0);
    m_classic->setLayout(grid);
    layout->addWidget(m_classic);

    m_which = new QLabel(this);
    m_which->setWordWrap(true);
    m_which->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_which);
    m_count = new QLabel(this);
    m_count->setWordWrap(true);
    layout->addWidget(m_count);
    // Any other model: its layers, filled by setState().
    m_matrices = new QWidget(this);
    auto* matrices = new QVBoxLayout(m_matrices);
    matrices->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_matrices);

    auto* equationTitle = m_equationTitle = new QLabel(this);
    m_equation = new QLabel(this);
    m_equation->setWordWrap(true);
    m_equation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(equationTitle);
    layout->addWidget(m_equation);

    m_updateTitle = new QLabel(this);
    m_update = new QLabel(this);
    m_update->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_update->setWordWrap(true);
    layout->addWidget(m_updateTitle);
    layout->addWidget(m_update);

    m_readoutTitle = new QLabel(this);
    m_readout = new QLabel(this);
    m_readout->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_readout->setWordWrap(true);
    layout->addWidget(m_readoutTitle);
    layout->addWidget(m_readout);
    layout->addStretch(1);

    for (auto* title : {equationTitle, m_updateTitle, m_readoutTitle}) {
        QFont font = title->font();
        font.setBold(true);
        title->setFont(font);
    }
    applyFonts();
    retranslateUi();
}

void ParameterPanel::retranslateUi()
{
    m_equationTitle->setText(tr("Decision boundary"));
    m_updateTitle->setText(tr("Last update"));
    m_readoutTitle->setText(tr("Convergence theorem (separable data)"));
    // The values are words too ("off", the arithmetic, the readout): written again.
    setState(m_state);
}

void ParameterPanel::setState(const ParameterState& state)
{
    m_state = state;
    const bool general = state.general.has_value();
    m_classic->setVisible(!general);
    m_matrices->setVisible(general);
    m_equationTitle->setVisible(!general);
    m_equation->setVisible(!general);
    m_updateTitle->setText(general ? tr("Last sample visit") : tr("Last update"));
    if (general) {
        showMatrices();
        m_count->setText(modelSummary(state.general->shape()));
        const bool network = state.general->kind() == learning::ModelKind::Network;
        QString which;
        if (!network && state.rule == learning::Rule::Pocket)
            which = state.atVisit ? tr("the working weights after this visit (the pocket keeps "
                                       "the best weights seen, shown at the end of each epoch)")
                                  : tr("the pocket: the best weights seen so far");
        else if (!network && state.rule == learning::Rule::Averaged)
            which = state.atVisit ? tr("the working weights after this visit (the average over "
                                       "all visits is shown at the end of each epoch)")
                                  : tr("the average of the weights over all visits so far");
        m_which->setText(which);
        m_which->setVisible(!which.isEmpty());
        m_update->setText(wrappedBetweenTerms(updateText()));
        m_readoutTitle->setVisible(false);
        m_readout->setVisible(false);
        return;
    }
    m_w1->setText(bigNumber(state.model.w.x()));
    m_w2->setText(bigNumber(state.model.w.y()));
    m_b->setText(state.useBias ? bigNumber(state.model.b) : tr("off"));
    learning::TrainingSettings shape;
    shape.useBias = state.useBias;
    const int count = learning::parameterCount(shape);
    m_count->setText(state.useBias ? tr("%1 trainable parameters: w₁, w₂, b").arg(count)
                                   : tr("%1 trainable parameters: w₁, w₂ (no bias)").arg(count));
    QString which;
    if (state.rule == learning::Rule::Pocket)
        which = state.atVisit ? tr("the working weights after this visit (the pocket keeps the "
                                   "best weights seen, shown at the end of each epoch)")
                              : tr("the pocket: the best weights seen so far");
    else if (state.rule == learning::Rule::Averaged)
        which = state.atVisit ? tr("the working weights after this visit (the average over all "
                                   "visits is shown at the end of each epoch)")
                              : tr("the average of the weights over all visits so far");
    m_which->setText(which);
    m_which->setVisible(!which.isEmpty());
    m_equation->setText(equationText());
    m_update->setText(updateText());
    const bool showReadout = state.readout.has_value() && learning::isPerceptronFamily(state.rule);
    m_readoutTitle->setVisible(showReadout);
    m_readout->setVisible(showReadout);
    m_readout->setText(readoutText());
}

QString ParameterPanel::equationText() const
{
    QString text = boundaryEquation(m_state.model, m_state.useBias);
    if (m_state.model.hasNoBoundary())
        text += u'\n' + tr("w = 0: there is no boundary line yet");
    return text;
}

QString ParameterPanel::updateText() const
{
    if (!m_state.step)
        return tr("Step by samples (S) to see each update written out.");
    if (m_state.general) {
        const learning::ModelShape& shape = m_state.general->shape();
        if (m_state.step->trace)
            return networkStepText(*m_state.step, shape);
        return linearStepText(*m_state.step, shape, m_state.rule, m_state.multiclass,
                              m_state.gradientMode);
    }
    return updateArithmetic(*m_state.step, m_state.rule, m_state.gradientMode, m_state.useBias);
}

QString ParameterPanel::readoutText() const
{
    if (!m_state.readout)
        return {};
    const auto& r = *m_state.readout;
    QStringList lines;
    const bool separates = r.margin && r.mistakeBound && r.augmentedMargin;
    if (separates) {
        lines << tr("distance from the line to the nearest point = %1 (in the plane)")
                     .arg(formatNumber(*r.margin));
    } else if (m_state.errors == 0) {
        // Classified correctly only thanks to the net = 0 convention: the theorem's margin is 0.
        lines << tr("every point is classified correctly, but a point lies on the line (margin 0)");
    } else {
        lines << tr("this line does not separate the data (yet)");
    }
    // With a bias the theorem works in the augmented space x̃ = (x₁, x₂, 1). R and γ get four
    // significant digits so that the bound can be recomputed from the numbers shown.
    const QString radius = io::displayNumber(r.radius, 4);
    lines << (m_state.useBias ? tr("R = max ‖(x₁, x₂, 1)‖ = %1") : tr("R = max ‖(x₁, x₂)‖ = %1"))
                 .arg(radius);
    if (separates) {
        const QString gamma = io::displayNumber(*r.augmentedMargin, 4);
        lines << (m_state.useBias ? tr("γ = min t±·(w·x + b) / ‖(w, b)‖ = %1")
                                  : tr("γ = min t±·(w·x) / ‖w‖ = %1"))
                     .arg(gamma);
        lines << (m_state.useBias
                      ? tr("  with t± = +1 for class 1 and −1 for class 0: the same distance, "
                           "measured in the theorem's space (x₁, x₂, 1)")
                      : tr("  with t± = +1 for class 1 and −1 for class 0"));
        lines << tr("mistake bound (R/γ)² = (%1 / %2)² = %3")
                     .arg(radius, gamma, io::displayNumber(*r.mistakeBound, 3));
    }
    lines << tr("mistakes so far = %1").arg(qlonglong(m_state.mistakes));
    if (!m_state.startedFromZero)
        lines << tr("(the bound assumes a start from w = 0, b = 0)");
    return lines.join(u'\n');
}

QString ParameterPanel::matricesText() const
{
    return m_state.general ? ui::matricesText(layerMatrices(*m_state.general)) : QString();
}

void ParameterPanel::showMatrices()
{
    // One title and one matrix per layer, made again only when the shape changes.
    const std::vector<LayerMatrix> layers = layerMatrices(*m_state.general);
    auto* layout = static_cast<QVBoxLayout*>(m_matrices->layout());
    if (layout->count() != 2 * int(layers.size())) {
        while (QLayoutItem* item = layout->takeAt(0)) {
            delete item->widget();
            delete item;
        }
        for (std::size_t l = 0; l < layers.size(); ++l) {
            auto* title = new QLabel(m_matrices);
            title->setWordWrap(true);
            layout->addWidget(title);
            auto* matrix = new MatrixView(m_matrices);
            matrix->setObjectName(u"layerMatrix"_s);
            layout->addWidget(matrix);
        }
    }
    for (std::size_t l = 0; l < layers.size(); ++l) {
        static_cast<QLabel*>(layout->itemAt(2 * int(l))->widget())->setText(layers[l].title);
        static_cast<MatrixView*>(layout->itemAt(2 * int(l) + 1)->widget())->setMatrix(layers[l]);
    }
}

void ParameterPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyFonts();
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}

void ParameterPanel::applyFonts()
{
    // Readable from the back of a classroom: the weights at twice the normal size, the
    // arithmetic in a fixed-width font so the lines of working align.
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 2.0);
    big.setBold(true);
    for (auto* label : {m_w1, m_w2, m_b})
        label->setFont(big);
    QFont name = font();
    name.setPointSizeF(name.pointSizeF() * 1.3);
    for (auto* label : m_names)
        label->setFont(name);
    QFont equation = font();
    equation.setPointSizeF(equation.pointSizeF() * 1.3);
    m_equation->setFont(equation);
    QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    fixed.setPointSizeF(font().pointSizeF());
    m_update->setFont(fixed);
    m_readout->setFont(fixed);
}

} // namespace plab::ui
