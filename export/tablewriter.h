#pragma once

#include "export/exportoptions.h"
#include "learning/records.h"
#include "learning/settings.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstddef>
#include <optional>
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

/// One row of a network's worked-example table, in long format: one parameter at one sample
/// visit, with the numbers of its unit and of the visit (StepRecord::trace, network.h). A visit
/// gives one row per parameter, the layers first to last, within a layer unit by unit, within a
/// unit its weights in input order and then its bias; so the columns stay the same for every
/// network, however large.
///
/// - epoch, sample, x1, x2, target: as in TableRow; loss: the sample's cross-entropy J;
/// - layer (from 1), unit and input: the parameter's place, by name: units h1, h2, ... (h1_1,
///   h2_1, ... with the layer first when there are several hidden layers), the output z (z0 ...
///   z(K-1) for K classes, numbered as the classes); inputs the features (x1, x2, x1sq, x2sq, x1x2,
///   sinx1, sinx2), the units of the layer before, or b for the bias;
/// - a: what the parameter multiplies (the input's value, 1 for a bias);
/// - net, activation, delta: the unit's net, its activation f(net) (for an output unit the
///   probability p, or p_k), and its delta dJ/dnet;
/// - gradient: this sample's dJ/dparameter = delta·a;
/// - change: the change applied at this visit (−η·delta·a online; −η·G/m at the visit that closes
///   a mini-batch; 0 at a visit that only adds to its batch); value: the parameter after it;
/// - batch: the samples of the visit's batch so far (1 online); applied: 1 when the visit applied
///   a step.
struct NetworkTableRow
{
    int epoch = 0;
    int sample = 0;
    double x1 = 0.0;
    double x2 = 0.0;
    int target = 0;
    double loss = 0.0;
    int layer = 0;
    QString unit;
    QString input;
    double a = 0.0;
    double net = 0.0;
    double activation = 0.0;
    double delta = 0.0;
    double gradient = 0.0;
    double change = 0.0;
    double value = 0.0;
    int batch = 1;
    bool applied = false;
};

/// The rows of a network's visit \p step (which carries a trace) of a network of \p shape.
[[nodiscard]] std::vector<NetworkTableRow> networkTableRows(const learning::StepRecord& step,
                                                            const learning::ModelShape& shape);

/// The rows one visit adds to the table of a model of \p shape: 1 for the classic model, one per
/// stored parameter for a network.
[[nodiscard]] std::size_t tableRowsPerVisit(const learning::ModelShape& shape);

/// The network table's column names: epoch, sample, x1, x2, target, loss, layer, unit, input, a,
/// net, activation, delta, gradient, change, value, batch, applied.
[[nodiscard]] QStringList networkTableColumns();

/// Writes worked-example tables of sample visits.
///
/// - CSV (RFC 4180, a header line, LF line ends): every number in the shortest form that reads
///   back exactly, for spreadsheets and scripts.
/// - Markdown: a pipe table, numbers rounded to \p digits significant digits (trailing zeros
///   dropped), right-aligned, with a typographic minus.
/// - LaTeX: a booktabs `tabular` (\toprule, \midrule, \bottomrule; needs \usepackage{booktabs}),
///   the same rounding, minus signs in math mode, a \midrule between epochs.
/// Without a bias the b column is left out of the Markdown and LaTeX tables.
///
/// A network's table has the columns of NetworkTableRow, one row per parameter and visit. CSV
/// has every cell of every row (tidy data, for scripts). Markdown and LaTeX are for reading: a
/// visit's numbers (epoch ... loss) are written on its first row only, a unit's (net,
/// activation, delta) on its first row only, the batch and applied columns are left out when
/// every visit is an online step, and LaTeX puts a \midrule between visits.
class TableWriter
{
public:
    /// The classic model's table.
    explicit TableWriter(TableFormat format, bool useBias = true, int digits = 6);
    /// The table of a model of \p shape: the classic model's, or a network's. Linear models other
    /// than the classic one have no table (isSupported()).
    TableWriter(TableFormat format, const learning::ModelShape& shape, int digits = 6);

    /// Whether there is a table for the model: the classic model or a network.
    [[nodiscard]] static bool isSupported(const learning::ModelShape& shape);

    [[nodiscard]] QByteArray write(std::span<const learning::StepRecord> steps) const;

private:
    [[nodiscard]] QByteArray csv(std::span<const learning::StepRecord> steps) const;
    [[nodiscard]] QByteArray markdown(std::span<const learning::StepRecord> steps) const;
    [[nodiscard]] QByteArray latex(std::span<const learning::StepRecord> steps) const;
    [[nodiscard]] QByteArray network(std::span<const learning::StepRecord> steps) const;
    [[nodiscard]] QString number(double value) const;
    [[nodiscard]] QString latexNumber(double value) const;

    TableFormat m_format;
    bool m_useBias;
    int m_digits;
    /// Set for a network: its table is written instead of the classic one.
    std::optional<learning::ModelShape> m_network;
};

} // namespace plab::exporting
