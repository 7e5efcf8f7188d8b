#pragma once

#include "export/exportoptions.h"
#include "learning/records.h"
#include "learning/settings.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <span>
#include <vector>

namespace plab::exporting {

/// One row of a worked-example table: a sample visit with the numbers written out.
///
/// - epoch: the epoch (from 1); sample: the point's row in the data set, counting from 1 (as the
///   window's parameter panel numbers it);
/// - x1, x2, target (class 0/1); net = w·x + b with the weights before the visit; output: the
///   predicted class 0/1 before the update;
/// - update: the factor the rule multiplies into x, so that Δw = update·x and Δb = update (with
///   a bias): η(t − y) for the perceptron family, η(t − net) (t = ±1) for Adaline, η(t − p) for
///   logistic regression; 0 when nothing changed. In batch mode the weights change only at the
///   end of the epoch, by the mean of these updates, so every row shows the weights from the
///   start of the epoch;
/// - w1, w2, b: the weights after the visit.
struct TableRow
{
    int epoch = 0;
    int sample = 0;
    double x1 = 0.0;
    double x2 = 0.0;
    int target = 0;
    double net = 0.0;
    int output = 0;
    double update = 0.0;
    double w1 = 0.0;
    double w2 = 0.0;
    double b = 0.0;
};

/// The row of \p step.
[[nodiscard]] TableRow tableRow(const learning::StepRecord& step);

/// The column names, in order: epoch, sample, x1, x2, target, net, output, update, w1, w2, b.
[[nodiscard]] QStringList tableColumns();

/// Writes worked-example tables of sample visits.
///
/// - CSV (RFC 4180, a header line, LF line ends): every number in the shortest form that reads
///   back exactly, for spreadsheets and scripts.
/// - Markdown: a pipe table, numbers rounded to \p digits significant digits (trailing zeros
///   dropped), right-aligned, with a typographic minus.
/// - LaTeX: a booktabs `tabular` (\toprule, \midrule, \bottomrule; needs \usepackage{booktabs}),
///   the same rounding, minus signs in math mode, a \midrule between epochs.
/// Without a bias the b column is left out of the Markdown and LaTeX tables.
class TableWriter
{
public:
    explicit TableWriter(TableFormat format, bool useBias = true, int digits = 6);

    [[nodiscard]] QByteArray write(std::span<const learning::StepRecord> steps) const;

private:
    [[nodiscard]] QByteArray csv(std::span<const learning::StepRecord> steps) const;
    [[nodiscard]] QByteArray markdown(std::span<const learning::StepRecord> steps) const;
    [[nodiscard]] QByteArray latex(std::span<const learning::StepRecord> steps) const;
    [[nodiscard]] QString number(double value) const;

    TableFormat m_format;
    bool m_useBias;
    int m_digits;
};

} // namespace plab::exporting
