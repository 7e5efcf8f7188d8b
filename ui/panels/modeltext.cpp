#include "ui/panels/modeltext.h"

#include "io/numberformat.h"
#include "learning/features.h"
#include "learning/network.h"
#include "render/networkpainter.h"

#include <QCoreApplication>

#include <cmath>

using namespace Qt::StringLiterals;

namespace plab::ui {

namespace {

constexpr QChar kNoBreakSpace{0x00A0};
constexpr int kDecimals = 3;
/// Sums with more terms than this are written Σ instead of term by term (beyond the first
/// layer, whose inputs are at most the seven features).
constexpr int kWrittenTerms = 4;

QString num(double value)
{
    return io::displayFixed(value, kDecimals);
}

/// A number inside an expression: negative values get parentheses, e.g. "1 − (−0.25)".
QString operand(double value)
{
    const QString text = num(value);
    return text.startsWith(QChar(0x2212)) ? u'(' + text + u')' : text;
}

QString subscript(int n)
{
    QString text = QString::number(n);
    for (QChar& c : text)
        c = QChar(0x2080 + (c.unicode() - u'0'));
    return text;
}

QString superscript(int n)
{
    static constexpr char16_t kDigits[] = u"⁰¹²³⁴⁵⁶⁷⁸⁹";
    QString text = QString::number(n);
    for (QChar& c : text)
        c = QChar(kDigits[c.unicode() - u'0']);
    return text;
}

/// The names of a model's inputs, units and parameters (modeltext.h, "Names").
class Names
{
public:
    explicit Names(const learning::ModelShape& shape) : m_shape(shape), m_sizes(shape.sizes()) {}

    [[nodiscard]] int layers() const { return int(m_sizes.size()) - 1; }
    [[nodiscard]] bool isOutput(int layer) const { return layer == layers() - 1; }
    [[nodiscard]] int units(int layer) const { return m_sizes[std::size_t(layer + 1)]; }
    [[nodiscard]] int inputs(int layer) const { return m_sizes[std::size_t(layer)]; }

    /// The activation of unit \p j of \p layer: h₁, h⁽²⁾₁, p; for K classes p₀ ... p_(K−1),
    /// numbered as the classes are.
    [[nodiscard]] QString unit(int layer, int j) const
    {
        if (isOutput(layer))
            return units(layer) == 1 ? u"p"_s : u'p' + subscript(j);
        return u'h' + hiddenLayerMark(layer) + subscript(j + 1);
    }
    /// Its net: net₁, net⁽²⁾₁, z, z₀ ... z_(K−1).
    [[nodiscard]] QString net(int layer, int j) const
    {
        if (isOutput(layer))
            return units(layer) == 1 ? u"z"_s : u'z' + subscript(j);
        return u"net"_s + hiddenLayerMark(layer) + subscript(j + 1);
    }
    /// The name a weight uses for the unit: h₁ for a hidden unit, z or z₂ for an output.
    [[nodiscard]] QString target(int layer, int j) const
    {
        return isOutput(layer) ? net(layer, j) : unit(layer, j);
    }
    /// Input \p i of \p layer: a feature, or a unit of the layer before.
    [[nodiscard]] QString input(int layer, int i) const
    {
        return layer == 0 ? render::featureSymbol(m_shape.features.at(i)) : unit(layer - 1, i);
    }
    [[nodiscard]] QString weight(int layer, int j, int i) const
    {
        return u"w(" + input(layer, i) + u"→" + target(layer, j) + u')';
    }
    [[nodiscard]] QString bias(int layer, int j) const { return u"b(" + target(layer, j) + u')'; }

private:
    [[nodiscard]] QString hiddenLayerMark(int layer) const
    {
        return m_shape.hidden.size() > 1 ? u"⁽" + superscript(layer + 1) + u"⁾" : QString();
    }

    const learning::ModelShape& m_shape;
    std::vector<int> m_sizes;
};

/// Offsets of layer \p layer's W and b in the flat parameter vector (model.h, "Parameters").
struct Offsets
{
    int weights = 0;
    int biases = 0;
    int units = 0;
    [[nodiscard]] int w(int j, int i) const { return weights + i * units + j; }
    [[nodiscard]] int b(int j) const { return biases + j; }
};

Offsets offsetsOf(const Names& names, int layer)
{
    int offset = 0;
    for (int l = 0; l < layer; ++l)
        offset += (names.inputs(l) + 1) * names.units(l);
    return {offset, offset + names.inputs(layer) * names.units(layer), names.units(layer)};
}

/// "0.50·1.000 + (−0.50)·0.000 + 0.100", the products in input order, the bias last (as the
/// core sums them).
QString sumOf(const learning::SmallVector& p, const Offsets& o, int j, const Eigen::VectorXd& in)
{
    QString text;
    for (int i = 0; i < int(in.size()); ++i) {
        if (i > 0)
            text += u" + ";
        text += operand(p[std::size_t(o.w(j, i))]) + u'·' + operand(in[i]);
    }
    return text + u" + " + operand(p[std::size_t(o.b(j))]);
}

QString activationLine(learning::Activation f, const QString& unit, const QString& net,
                       double netValue, double value)
{
    using learning::Activation;
    switch (f) {
    case Activation::Tanh:
        return unit + u" = tanh(" + net + u") = tanh(" + num(netValue) + u") = " + num(value);
    case Activation::Relu:
        return unit + u" = max(0, " + net + u") = max(0, " + num(netValue) + u") = " + num(value);
    case Activation::Sigmoid:
        return unit + u" = σ(" + net + u") = σ(" + num(netValue) + u") = " + num(value);
    case Activation::Identity:
        return unit + u" = " + net + u" = " + num(value);
    case Activation::Step:
        return unit + u" = step(" + net + u") = step(" + num(netValue) + u") = " + num(value);
    }
    return {};
}

/// f'(net) as the core computes it from a = f(net) (network.h, "Backward pass"), with its
/// formula in the unit's names.
std::pair<QString, double> slope(learning::Activation f, const QString& unit,
                                 const QString& netName, double net, double a)
{
    using learning::Activation;
    switch (f) {
    case Activation::Tanh:
        return {u"(1 − " + unit + u"²)", 1.0 - a * a};
    case Activation::Sigmoid:
        return {unit + u"·(1 − " + unit + u')', a * (1.0 - a)};
    case Activation::Relu:
        return {u"[" + netName + u" > 0]", net > 0.0 ? 1.0 : 0.0};
    case Activation::Identity:
        return {u"1"_s, 1.0};
    case Activation::Step:
        return {u"0"_s, 0.0};
    }
    return {};
}

QString sampleLine(const learning::StepRecord& step)
{
    return QCoreApplication::translate("plab::ui::ParameterPanel",
                                       "sample #%1: x = (%2, %3), class t = %4")
        .arg(step.index + 1)
        .arg(num(step.x.x()), num(step.x.y()))
        .arg(step.target);
}

} // namespace

std::vector<LayerMatrix> layerMatrices(const learning::Model& model)
{
    const Names names(model.shape());
    const std::vector<learning::Layer> layers = model.layers();
    std::vector<LayerMatrix> matrices;
    for (int l = 0; l < int(layers.size()); ++l) {
        const learning::Layer& layer = layers[std::size_t(l)];
        LayerMatrix m;
        for (int i = 0; i < layer.inputs(); ++i)
            m.columns << names.input(l, i);
        m.columns << u"b"_s;
        for (int j = 0; j < layer.units(); ++j)
            m.rows << names.target(l, j);
        m.values.resize(layer.units(), layer.inputs() + 1);
        m.values.leftCols(layer.inputs()) = layer.W;
        m.values.col(layer.inputs()) = layer.b;
        const QString from = layer.inputs() > 2
                                 ? m.columns.front() + u" … " + m.columns[layer.inputs() - 1]
                                 : QStringList(m.columns.mid(0, layer.inputs())).join(u", ");
        const QString to =
            layer.units() > 2 ? m.rows.front() + u" … " + m.rows.back() : m.rows.join(u", ");
        m.title = QCoreApplication::translate("plab::ui::ParameterPanel",
                                              "layer %1: %2 → %3 (%n parameter(s))", nullptr,
                                              model.parameterCount(l))
                      .arg(l + 1)
                      .arg(from, to);
        matrices.push_back(std::move(m));
    }
    return matrices;
}

QString modelSummary(const learning::ModelShape& shape)
{
    return render::modelDescription(shape) + u'\n' +
           QCoreApplication::translate("plab::ui::ParameterPanel", "%n parameter(s): %1", nullptr,
                                       shape.parameterCount())
               .arg(render::parameterFormula(shape));
}

QString matricesText(const std::vector<LayerMatrix>& matrices)
{
    QStringList lines;
    for (const LayerMatrix& m : matrices) {
        lines << m.title;
        lines << u"  " + m.columns.join(u"  ");
        for (int r = 0; r < int(m.rows.size()); ++r) {
            QStringList cells;
            for (int c = 0; c < int(m.values.cols()); ++c)
                cells << num(m.values(r, c));
            lines << m.rows[r] + u": " + cells.join(u"  ");
        }
    }
    return lines.join(u'\n');
}

QString networkStepText(const learning::StepRecord& step, const learning::ModelShape& shape)
{
    const learning::SampleTrace& trace = *step.trace;
    const Names names(shape);
    const learning::SmallVector& p = step.parametersBefore;
    const int L = names.layers();
    const QString eta = io::displayNumber(step.learningRate, 6);
    QStringList lines;
    lines << sampleLine(step);

    // Forward pass.
    lines << QCoreApplication::translate(
        "plab::ui::ParameterPanel",
        "Forward pass (the weights before this visit; net = Σ w·a + b, each input a "
        "times its weight, the bias b last):");
    for (int l = 0; l < L; ++l) {
        const Offsets o = offsetsOf(names, l);
        const Eigen::VectorXd& in =
            l == 0 ? trace.input : trace.layers[std::size_t(l - 1)].activation;
        const learning::LayerTrace& layer = trace.layers[std::size_t(l)];
        const bool written = l == 0 || names.inputs(l) <= kWrittenTerms;
        for (int j = 0; j < names.units(l); ++j) {
            const QString net = names.net(l, j);
            lines << u"  " + net + u" = " + (written ? sumOf(p, o, j, in) : u"Σ w·a + b"_s) +
                         u" = " + num(layer.net[j]);
            if (!names.isOutput(l))
                lines << u"  " + activationLine(shape.activation, names.unit(l, j), net,
                                                layer.net[j], layer.activation[j]);
        }
    }
    const learning::LayerTrace& out = trace.layers.back();
    if (shape.classes == 2) {
        lines << u"  p = σ(z) = σ(" + num(out.net[0]) + u") = " + num(out.activation[0]) + u"  " +
                     QCoreApplication::translate("plab::ui::ParameterPanel",
                                                 "(the probability of class 1)");
    } else {
        lines << u"  p_k = e^(z_k) / Σ e^(z_j)  " +
                     QCoreApplication::translate("plab::ui::ParameterPanel",
                                                 "(softmax: the probability of each class)");
        for (int k = 0; k < shape.classes; ++k)
            lines << u"  " + names.unit(L - 1, k) + u" = " + num(out.activation[k]);
    }
    lines << QCoreApplication::translate("plab::ui::ParameterPanel", "predicted class: %1")
                 .arg(trace.decision.cls);

    // Loss.
    if (shape.classes == 2) {
        lines << QCoreApplication::translate(
            "plab::ui::ParameterPanel",
            "Loss (cross-entropy): J = −[t·log p + (1 − t)·log(1 − p)]");
        lines << (step.target == 1 ? u"  J = −log p = −log "_s : u"  J = −log(1 − p) = −log "_s) +
                     num(trace.probabilities[step.target]) + u" = " + num(trace.loss);
    } else {
        lines << QCoreApplication::translate(
            "plab::ui::ParameterPanel",
            "Loss (cross-entropy): J = −log p_t, the probability of the sample's class");
        lines << u"  J = −log " + names.unit(L - 1, step.target) + u" = −log " +
                     num(trace.probabilities[step.target]) + u" = " + num(trace.loss);
    }

    // Backward pass.
    lines << QCoreApplication::translate(
        "plab::ui::ParameterPanel",
        "Backward pass (δ = ∂J/∂net: how the loss changes with each net):");
    for (int k = 0; k < names.units(L - 1); ++k) {
        const int t = shape.classes == 2 ? step.target : int(step.target == k);
        lines << u"  δ(" + names.net(L - 1, k) + u") = " + names.unit(L - 1, k) + u" − " +
                     (shape.classes == 2 ? u"t"_s : u"[t = " + QString::number(k) + u']') + u" = " +
                     num(out.activation[k]) + u" − " + QString::number(t) + u" = " +
                     num(out.delta[k]);
    }
    if (L > 1)
        lines << QCoreApplication::translate(
            "plab::ui::ParameterPanel",
            "hidden units: δ(h) = (Σ w·δ over the units h feeds)·f′(net)");
    for (int l = L - 2; l >= 0; --l) {
        const Offsets next = offsetsOf(names, l + 1);
        const learning::LayerTrace& layer = trace.layers[std::size_t(l)];
        const learning::LayerTrace& above = trace.layers[std::size_t(l + 1)];
        for (int j = 0; j < names.units(l); ++j) {
            const QString unit = names.unit(l, j);
            // The sum as the core takes it: in unit order, from the first product.
            double sum = p[std::size_t(next.w(0, j))] * above.delta[0];
            for (int k = 1; k < names.units(l + 1); ++k)
                sum += p[std::size_t(next.w(k, j))] * above.delta[k];
            QString terms = u"Σ w·δ"_s;
            if (names.units(l + 1) <= kWrittenTerms) {
                QStringList products;
                for (int k = 0; k < names.units(l + 1); ++k)
                    products << operand(p[std::size_t(next.w(k, j))]) + u'·' +
                                    operand(above.delta[k]);
                terms = products.join(u" + ");
            }
            const auto [formula, value] =
                slope(shape.activation, unit, names.net(l, j), layer.net[j], layer.activation[j]);
            lines << u"  δ(" + unit + u") = (" + terms + u")·" + formula + u" = " + operand(sum) +
                         u'·' + operand(value) + u" = " + num(layer.delta[j]);
        }
    }

    // What the visit did with the gradient.
    const auto gradient = [&](int l, int j, int i) {
        const learning::LayerTrace& layer = trace.layers[std::size_t(l)];
        return i < 0 ? layer.gradB[j] : layer.gradW(j, i);
    };
    const auto inputValue = [&](int l, int i) {
        return i < 0 ? 1.0
                     : (l == 0 ? trace.input[i] : trace.layers[std::size_t(l - 1)].activation[i]);
    };
    // Each parameter of each unit: its inputs in order, then its bias (i = -1).
    const auto forEachParameter = [&](auto&& line) {
        for (int l = 0; l < L; ++l) {
            const Offsets o = offsetsOf(names, l);
            for (int j = 0; j < names.units(l); ++j) {
                for (int i = 0; i < names.inputs(l); ++i)
                    line(l, j, i, names.weight(l, j, i), std::size_t(o.w(j, i)));
                line(l, j, -1, names.bias(l, j), std::size_t(o.b(j)));
            }
        }
    };
    const auto delta = [&](int l, int j) { return trace.layers[std::size_t(l)].delta[j]; };
    // A visit that closed its batch (none is open after it) without applying the step: the step
    // would have made a parameter infinite or NaN (records.h, StepRecord::updated).
    if (!step.updated && step.state.batchGradient.empty()) {
        lines << QCoreApplication::translate(
            "plab::ui::ParameterPanel",
            "The step of this visit would have made a parameter infinite or NaN: it was not "
            "applied, and the run stops (diverged).");
        return lines.join(u'\n');
    }
    if (step.updated && step.batchFill == 1) {
        lines << QCoreApplication::translate(
                     "plab::ui::ParameterPanel",
                     "Update, every parameter: Δw = −η·δ·a (a is what the weight multiplies, 1 for "
                     "a bias; η = %1):")
                     .arg(eta);
        forEachParameter([&](int l, int j, int i, const QString& name, std::size_t k) {
            lines << u"  " + name + u": Δ = −" + eta + u'·' + operand(delta(l, j)) + u'·' +
                         operand(inputValue(l, i)) + u" = " + num(step.change[k]) + u", " +
                         num(step.parametersBefore[k]) + u" → " + num(step.parametersAfter[k]);
        });
        return lines.join(u'\n');
    }
    lines << QCoreApplication::translate(
        "plab::ui::ParameterPanel",
        "Mini-batch: this sample's gradient ∂J/∂w = δ·a joins the batch's sum G (%n "
        "sample(s) in the batch so far):",
        nullptr, step.batchFill);
    forEachParameter([&](int l, int j, int i, const QString& name, std::size_t) {
        lines << u"  " + name + u": δ·a = " + operand(delta(l, j)) + u'·' +
                     operand(inputValue(l, i)) + u" = " + num(gradient(l, j, i));
    });
    if (step.updated) {
        lines << QCoreApplication::translate(
                     "plab::ui::ParameterPanel",
                     "The batch of m = %1 samples closes: every parameter takes the step "
                     "Δw = −η·G/m (η = %2):")
                     .arg(step.batchFill)
                     .arg(eta);
        forEachParameter([&](int, int, int, const QString& name, std::size_t k) {
            lines << u"  " + name + u": Δ = " + num(step.change[k]) + u", " +
                         num(step.parametersBefore[k]) + u" → " + num(step.parametersAfter[k]);
        });
    } else {
        lines << QCoreApplication::translate("plab::ui::ParameterPanel",
                                             "The parameters change when the batch closes.");
    }
    return lines.join(u'\n');
}

QString linearStepText(const learning::StepRecord& step, const learning::ModelShape& shape,
                       learning::Rule rule, learning::Multiclass multiclass,
                       learning::GradientMode mode)
{
    using learning::Rule;
    const Names names(shape);
    const Offsets o = offsetsOf(names, 0);
    const int units = names.units(0);
    const int dims = names.inputs(0);
    const Eigen::VectorXd phi = shape.features.map(step.x);
    const QString eta = io::displayNumber(step.learningRate, 6);
    QStringList lines;
    lines << sampleLine(step);
    if (shape.features != learning::FeatureSet()) {
        QStringList symbols;
        QStringList values;
        for (int i = 0; i < dims; ++i) {
            symbols << names.input(0, i);
            values << num(phi[i]);
        }
        lines << u"φ(x) = (" + symbols.join(u", ") + u") = (" + values.join(u", ") + u')';
    }
    for (int k = 0; k < units; ++k)
        lines << u"  " + names.net(0, k) + u" = " + sumOf(step.parametersBefore, o, k, phi) +
                     u" = " + num(step.scores[std::size_t(k)]);
    lines << QCoreApplication::translate("plab::ui::ParameterPanel", "predicted class: %1")
                 .arg(step.output);

    // What the rule's factor e_k is (records.h, StepRecord::unitErrors).
    const bool family = learning::isPerceptronFamily(rule);
    QString factor;
    if (units == 1) {
        factor = family                  ? QCoreApplication::translate("plab::ui::ParameterPanel",
                                                                       "e = t − y (t, y in {0, 1})")
                 : rule == Rule::Adaline ? QCoreApplication::translate("plab::ui::ParameterPanel",
                                                                       "e = t − z (t in {−1, +1})")
                                         : QCoreApplication::translate("plab::ui::ParameterPanel",
                                                                       "e = t − p, p = σ(z)");
    } else if (family) {
        factor = multiclass == learning::Multiclass::Kesler
                     ? QCoreApplication::translate(
                           "plab::ui::ParameterPanel",
                           "Kesler: on a mistake e = +1 for the class's unit, −1 for the predicted "
                           "one, 0 for the others")
                     : QCoreApplication::translate(
                           "plab::ui::ParameterPanel",
                           "one-vs-rest: e_k = t_k − y_k, t_k = 1 for the sample's class and 0 "
                           "for the rest, y_k = 1 where z_k ≥ 0");
    } else {
        factor =
            rule == Rule::Adaline
                ? QCoreApplication::translate("plab::ui::ParameterPanel", "e_k = [t = k] − z_k")
                : QCoreApplication::translate("plab::ui::ParameterPanel",
                                              "e_k = [t = k] − p_k (softmax probabilities)");
    }
    lines << factor;
    QStringList errors;
    for (int k = 0; k < units; ++k)
        errors << (units == 1 ? u"e"_s : u'e' + subscript(k)) + u" = " +
                      num(step.unitErrors[std::size_t(k)]);
    lines << u"  " + errors.join(u", ");

    const bool batch = !family && mode == learning::GradientMode::Batch;
    if (batch)
        lines << QCoreApplication::translate(
            "plab::ui::ParameterPanel",
            "batch mode: this visit adds η·e·φ(x)/N to the step applied at the end of the "
            "epoch:");
    else if (!step.updated)
        lines << (family ? QCoreApplication::translate("plab::ui::ParameterPanel",
                                                       "classified correctly: no update")
                         : QCoreApplication::translate("plab::ui::ParameterPanel",
                                                       "e = 0: no update"));
    else
        lines << QCoreApplication::translate(
                     "plab::ui::ParameterPanel",
                     "update: w_k ← w_k + η·e_k·φ(x), b_k ← b_k + η·e_k (η = %1)")
                     .arg(eta);
    if (step.updated || batch) {
        for (int k = 0; k < units; ++k) {
            QStringList changes;
            QStringList after;
            bool moved = false;
            for (int i = 0; i < dims; ++i) {
                const std::size_t w = std::size_t(o.w(k, i));
                changes << num(step.change[w]);
                after << num(step.parametersAfter[w]);
                moved |= step.change[w] != 0.0;
            }
            const std::size_t b = std::size_t(o.b(k));
            moved |= step.change[b] != 0.0;
            if (!moved)
                continue;
            QString line = u"  " + names.net(0, k) + u": Δw = (" + changes.join(u", ") + u')';
            if (shape.bias)
                line += u", Δb = " + num(step.change[b]);
            if (!batch) {
                line += u"; w = (" + after.join(u", ") + u')';
                if (shape.bias)
                    line += u", b = " + num(step.parametersAfter[b]);
            }
            lines << line;
        }
    }
    return lines.join(u'\n');
}

} // namespace plab::ui
