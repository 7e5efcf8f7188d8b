#include "render/networkpainter.h"

#include "render/paintkit.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace plab::render {

namespace {

/// The translation context of the picture's texts.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(plab::render::NetworkPainter)
};

using learning::Activation;
using learning::ModelShape;

constexpr double kMargin = 8.0;
constexpr double kLargestNode = 72.0;
constexpr double kSmallestNode = 4.0;
constexpr double kMinWidth = 0.8;

QString subscript(int n)
{
    static const QString digits = QStringLiteral("₀₁₂₃₄₅₆₇₈₉");
    QString out;
    for (const QChar c : QString::number(n))
        out += digits[c.digitValue()];
    return out;
}

double distanceToSegment(const QLineF& line, QPointF p)
{
    const QPointF d = line.p2() - line.p1();
    const double length2 = QPointF::dotProduct(d, d);
    double t = length2 > 0.0 ? QPointF::dotProduct(p - line.p1(), d) / length2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    const QPointF q = line.p1() + t * d;
    return std::hypot(p.x() - q.x(), p.y() - q.y());
}

/// The colour of \p t in [-1, 1]: the background at 0, \p negative at -1, \p positive at 1.
QRgb diverging(double t, const QColor& background, const QColor& negative, const QColor& positive)
{
    if (!std::isfinite(t))
        return background.rgb();
    t = std::clamp(t, -1.0, 1.0);
    return paintkit::blend(background, t < 0.0 ? negative : positive,
                           int(std::lround(std::abs(t) * 255.0)))
        .rgb();
}

/// The largest |v| of \p values, at least a tiny positive number.
double largestAbs(const Eigen::Ref<const Eigen::RowVectorXd>& values)
{
    const double m = values.size() > 0 ? values.cwiseAbs().maxCoeff() : 0.0;
    return std::isfinite(m) && m > 1e-300 ? m : 1.0;
}

bool hasBias(const ModelShape& shape)
{
    return shape.kind == learning::ModelKind::Network || shape.bias;
}

} // namespace

NetworkPainter::NetworkPainter(Theme theme) : m_theme(std::move(theme))
{}

QColor NetworkPainter::signColour(double value) const
{
    // Okabe-Ito bluish green and reddish purple: told apart with every common colour-vision
    // deficiency, and neither is a class colour (blue, vermillion), so a weight's sign is never
    // read as a class. Darker on light backgrounds, lighter on dark ones.
    const bool dark = m_theme.plotBackground.lightness() < 128;
    if (value >= 0.0)
        return dark ? QColor(0x3D, 0xD6, 0xA8) : QColor(0x00, 0x8C, 0x66);
    return dark ? QColor(0xE8, 0x8A, 0xC6) : QColor(0xB3, 0x4D, 0x8C);
}

QString NetworkPainter::nodeName(const ModelShape& shape, int column, int unit)
{
    const int layers = shape.layerCount();
    if (column == 0)
        return featureSymbol(shape.features.at(unit));
    if (column == layers)
        return shape.outputUnits() == 1 ? QStringLiteral("out")
                                        : QStringLiteral("out") + subscript(unit);
    if (shape.hidden.size() == 1)
        return QStringLiteral("h") + subscript(unit + 1);
    return QStringLiteral("h(%1)").arg(column) + subscript(unit + 1);
}

QString NetworkPainter::parameterName(const ModelShape& shape, const NetworkItem& item)
{
    const QString to = nodeName(shape, item.layer + 1, item.unit);
    if (item.kind == NetworkItem::Kind::Bias)
        return QStringLiteral("b(%1) %2").arg(item.layer + 1).arg(to);
    return QStringLiteral("w(%1) %2←%3")
        .arg(item.layer + 1)
        .arg(to, nodeName(shape, item.layer, item.input));
}

double NetworkPainter::parameterValue(const learning::Model& model, const NetworkItem& item)
{
    const std::vector<learning::Layer> layers = model.layers();
    const learning::Layer& layer = layers.at(std::size_t(item.layer));
    return item.kind == NetworkItem::Kind::Bias ? layer.b(item.unit)
                                                : layer.W(item.unit, item.input);
}

QString NetworkPainter::columnTitle(const ModelShape& shape, int column, bool outputDecides)
{
    if (column == 0)
        return Text::tr("Inputs");
    if (column == shape.layerCount() && outputDecides)
        return shape.outputUnits() == 1 ? Text::tr("Output: step") : Text::tr("Output: argmax");
    if (column == shape.layerCount())
        return shape.outputUnits() == 1 ? Text::tr("Output: σ") : Text::tr("Output: softmax");
    const QString activation = QString::fromLatin1(learning::name(shape.activation));
    if (shape.hidden.size() == 1)
        return Text::tr("Hidden: %1").arg(activation);
    return Text::tr("Hidden %1: %2").arg(column).arg(activation);
}

QString NetworkPainter::scaleNote(double largest)
{
    if (largest == 0.0)
        return Text::tr("every weight and bias is 0");
    return Text::tr("widest line: |w| = %1").arg(paintkit::number(largest));
}

double NetworkPainter::largestMagnitude(const learning::Model& model)
{
    double largest = 0.0;
    for (const double v : model.parameters())
        largest = std::max(largest, std::abs(v));
    return largest;
}

double NetworkPainter::lineWidth(double value, double largest, double maxWidth)
{
    if (!(largest > 0.0))
        return kMinWidth;
    return kMinWidth + (maxWidth - kMinWidth) * std::min(1.0, std::abs(value) / largest);
}

// --- Layout ------------------------------------------------------------------------------------

NetworkPainter::Layout NetworkPainter::layout(const QRectF& target, const ModelShape& shape) const
{
    Layout l;
    const std::vector<int> sizes = shape.sizes();
    const int columns = int(sizes.size());
    const int most = *std::max_element(sizes.begin(), sizes.end());
    const QFontMetricsF fm(m_theme.font(0.92));
    double inputNames = 0.0;
    for (int i = 0; i < sizes.front(); ++i)
        inputNames = std::max(inputNames, fm.horizontalAdvance(nodeName(shape, 0, i)));
    double outputNames = 0.0;
    for (int k = 0; k < sizes.back(); ++k)
        outputNames = std::max(outputNames, fm.horizontalAdvance(nodeName(shape, columns - 1, k)));

    const double titleHeight = fm.height() + 6.0;
    const double noteHeight = fm.height() + 8.0;
    const QRectF body = target.adjusted(kMargin + inputNames + 6.0, kMargin + titleHeight,
                                        -(kMargin + outputNames + 6.0), -(kMargin + noteHeight));
    const double pitch = std::max(1.0, body.height()) / most;
    const double spacing = std::max(1.0, body.width()) / columns;
    l.node = std::clamp(std::min({pitch * 0.66, spacing * 0.42, kLargestNode}), kSmallestNode,
                        kLargestNode);
    // Short enough never to reach the note under the picture when a column has few units.
    l.stub = std::max(2.5, std::min((pitch - l.node) * 0.55, l.node * 0.45 + 4.0));
    // Many lines into one node are drawn thinner, so dense layers stay readable.
    int fanIn = 1;
    for (std::size_t c = 0; c + 1 < sizes.size(); ++c)
        fanIn = std::max(fanIn, sizes[c]);
    l.maxWidth = std::clamp(l.node * 0.2, 2.5, 9.0) * std::min(1.0, 2.5 / std::sqrt(fanIn));
    l.maxWidth = std::max(l.maxWidth, 2.0);
    l.pitch = pitch;
    l.unitNames = l.node >= 24.0;

    const double step = columns > 1 ? (body.width() - l.node) / (columns - 1) : 0.0;
    l.nodes.resize(std::size_t(columns));
    for (int c = 0; c < columns; ++c) {
        const double x = body.left() + l.node / 2.0 + c * step;
        const double top = body.center().y() - sizes[std::size_t(c)] * pitch / 2.0;
        for (int j = 0; j < sizes[std::size_t(c)]; ++j) {
            const double y = top + (j + 0.5) * pitch;
            l.nodes[std::size_t(c)].push_back(
                QRectF(x - l.node / 2.0, y - l.node / 2.0, l.node, l.node));
        }
        const double width = std::max(step, l.node) - 4.0;
        l.titles.push_back(QRectF(x - width / 2.0, target.top() + kMargin, width, titleHeight));
    }
    // The first and last titles may use the labels' margins.
    if (columns > 1) {
        l.titles.front().setLeft(target.left() + kMargin);
        l.titles.back().setRight(target.right() - kMargin);
    }
    l.note = QRectF(target.left() + kMargin, target.bottom() - kMargin - noteHeight,
                    target.width() - 2 * kMargin, noteHeight);
    return l;
}

QLineF NetworkPainter::weightLine(const Layout& layout, int layer, int unit, int input)
{
    const QRectF& from = layout.nodes.at(std::size_t(layer)).at(std::size_t(input));
    const QRectF& to = layout.nodes.at(std::size_t(layer) + 1).at(std::size_t(unit));
    return {QPointF(from.right(), from.center().y()), QPointF(to.left(), to.center().y())};
}

QLineF NetworkPainter::biasLine(const Layout& layout, int layer, int unit)
{
    const QRectF& to = layout.nodes.at(std::size_t(layer) + 1).at(std::size_t(unit));
    const QPointF bottom(to.center().x(), to.bottom());
    return {bottom + QPointF(0.0, layout.stub), bottom};
}

std::optional<NetworkItem> NetworkPainter::itemAt(const Layout& layout, const ModelShape& shape,
                                                  QPointF pos)
{
    const int columns = int(layout.nodes.size());
    for (int c = 0; c < columns; ++c) {
        const auto& nodes = layout.nodes[std::size_t(c)];
        for (int j = 0; j < int(nodes.size()); ++j)
            if (nodes[std::size_t(j)].adjusted(-1.5, -1.5, 1.5, 1.5).contains(pos))
                return NetworkItem::node(c, j);
    }
    const double reach = std::max(4.0, layout.maxWidth / 2.0 + 1.5);
    if (hasBias(shape)) {
        for (int l = 0; l + 1 < columns; ++l)
            for (int j = 0; j < int(layout.nodes[std::size_t(l) + 1].size()); ++j)
                if (distanceToSegment(biasLine(layout, l, j), pos) <= reach)
                    return NetworkItem::bias(l, j);
    }
    std::optional<NetworkItem> nearest;
    double best = reach;
    for (int l = 0; l + 1 < columns; ++l) {
        for (int j = 0; j < int(layout.nodes[std::size_t(l) + 1].size()); ++j) {
            for (int i = 0; i < int(layout.nodes[std::size_t(l)].size()); ++i) {
                const double d = distanceToSegment(weightLine(layout, l, j, i), pos);
                if (d <= best) {
                    best = d;
                    nearest = NetworkItem::weight(l, j, i);
                }
            }
        }
    }
    return nearest;
}

// --- Pictures ----------------------------------------------------------------------------------

int NetworkPainter::pictureSize(const Layout& layout)
{
    return std::clamp(int(std::ceil(layout.node / 2.0)), 2, 32);
}

bool NetworkPainter::outputDecides(const learning::Model& model, learning::Rule rule)
{
    return model.kind() == learning::ModelKind::Linear && rule != learning::Rule::Logistic;
}

UnitPictures NetworkPainter::pictures(const NetworkScene& scene, int size) const
{
    const learning::Model& model = scene.model;
    const io::ViewBox& view = scene.view;
    const ModelShape& shape = model.shape();
    const int n = size * size;
    Eigen::Matrix2Xd points(2, n);
    for (int r = 0; r < size; ++r) {
        const double y = view.yMax - (r + 0.5) * (view.yMax - view.yMin) / size;
        for (int c = 0; c < size; ++c)
            points.col(r * size + c) << view.xMin + (c + 0.5) * (view.xMax - view.xMin) / size, y;
    }
    const QColor& background = m_theme.plotBackground;
    const QColor negative = signColour(-1.0);
    const QColor positive = signColour(1.0);
    auto image = [size](auto colourOf) {
        QImage out(size, size, QImage::Format_RGB32);
        for (int r = 0; r < size; ++r) {
            auto* line = reinterpret_cast<QRgb*>(out.scanLine(r));
            for (int c = 0; c < size; ++c)
                line[c] = colourOf(r * size + c);
        }
        return out;
    };

    UnitPictures out;
    // The inputs: each feature's value, scaled by its largest magnitude over the view.
    const learning::FeatureSet features = shape.features;
    Eigen::MatrixXd inputs(features.size(), n);
    for (int p = 0; p < n; ++p)
        features.map(points(0, p), points(1, p), inputs.col(p).data());
    out.emplace_back();
    for (int i = 0; i < features.size(); ++i) {
        const Eigen::RowVectorXd row = inputs.row(i);
        const double scale = largestAbs(row);
        out.back().push_back(image(
            [&](int p) { return diverging(row(p) / scale, background, negative, positive); }));
    }

    // The hidden units: their activations, on the activation's own range where it has one.
    if (shape.kind == learning::ModelKind::Network && !shape.hidden.empty()) {
        const learning::Network network = model.network();
        for (int layer = 0; layer < int(shape.hidden.size()); ++layer) {
            const Eigen::MatrixXd a = network.hiddenActivations(points, layer);
            out.emplace_back();
            for (int j = 0; j < int(a.rows()); ++j) {
                const Eigen::RowVectorXd row = a.row(j);
                double offset = 0.0;
                double scale = 1.0;
                switch (shape.activation) {
                case Activation::Tanh:
                    break;
                case Activation::Sigmoid:
                case Activation::Step:
                    offset = 0.5; // net = 0 at the middle colour, as for tanh
                    scale = 0.5;
                    break;
                case Activation::Relu:
                case Activation::Identity:
                    scale = largestAbs(row);
                    break;
                }
                out.back().push_back(image([&](int p) {
                    return diverging((row(p) - offset) / scale, background, negative, positive);
                }));
            }
        }
    }

    const auto& classes = m_theme.classColors;
    const auto classColour = [&](int k) { return classes[std::size_t(k) % classes.size()]; };
    out.emplace_back();
    if (scene.outputDecides) {
        // The class each output decides, flat: for two classes the step's two sides (with the
        // model's net = 0 convention), for K where each unit's net is the largest.
        std::vector<int> decided(std::size_t(n), 0);
        for (int p = 0; p < n; ++p)
            decided[std::size_t(p)] = model.decide(points.col(p)).cls;
        if (shape.outputUnits() == 1) {
            out.back().push_back(image([&](int p) {
                return decided[std::size_t(p)] == 1 ? classColour(1).rgb() : classColour(0).rgb();
            }));
        } else {
            for (int k = 0; k < model.classes(); ++k)
                out.back().push_back(image([&](int p) {
                    return decided[std::size_t(p)] == k ? classColour(k).rgb() : background.rgb();
                }));
        }
        return out;
    }

    // The outputs: the class probabilities, in the classes' colours.
    Eigen::MatrixXd probabilities(model.classes(), n);
    for (int p = 0; p < n; ++p)
        probabilities.col(p) = model.probabilities(points.col(p));
    if (shape.outputUnits() == 1) {
        out.back().push_back(image([&](int p) {
            return diverging(2.0 * probabilities(1, p) - 1.0, background, classColour(0),
                             classColour(1));
        }));
    } else {
        for (int k = 0; k < model.classes(); ++k)
            out.back().push_back(image([&](int p) {
                return diverging(probabilities(k, p), background, background, classColour(k));
            }));
    }
    return out;
}

// --- Painting ----------------------------------------------------------------------------------

void NetworkPainter::paint(QPainter& painter, const QRectF& target, const NetworkScene& scene,
                           const UnitPictures* pictures) const
{
    painter.save();
    painter.fillRect(target, m_theme.plotBackground);
    const Layout l = layout(target, scene.model.shape());
    const double largest = largestMagnitude(scene.model);
    painter.setRenderHint(QPainter::Antialiasing);
    paintLines(painter, l, scene, largest);
    if (pictures) {
        paintNodes(painter, l, scene, *pictures);
    } else {
        const UnitPictures own = this->pictures(scene, pictureSize(l));
        paintNodes(painter, l, scene, own);
    }
    paintHighlight(painter, l, scene, largest);
    paintTexts(painter, l, scene, largest);
    painter.restore();
}

void NetworkPainter::paintHighlight(QPainter& painter, const QRectF& target,
                                    const NetworkScene& scene) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    paintHighlight(painter, layout(target, scene.model.shape()), scene,
                   largestMagnitude(scene.model));
    painter.restore();
}

void NetworkPainter::paintLines(QPainter& painter, const Layout& layout, const NetworkScene& scene,
                                double largest) const
{
    const ModelShape& shape = scene.model.shape();
    const std::vector<learning::Layer> layers = scene.model.layers();
    struct Line
    {
        QLineF line;
        double value;
    };
    std::vector<Line> lines;
    for (int l = 0; l < int(layers.size()); ++l) {
        const learning::Layer& layer = layers[std::size_t(l)];
        for (int j = 0; j < layer.units(); ++j)
            for (int i = 0; i < layer.inputs(); ++i)
                lines.push_back({weightLine(layout, l, j, i), layer.W(j, i)});
    }
    // The strongest on top, so a large weight is never hidden under small ones.
    std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
        return std::abs(a.value) < std::abs(b.value);
    });
    // (Stroking these lines is nine tenths of the paint time; filling each as a polygon instead
    // was measured four times slower.)
    for (const Line& line : lines) {
        QPen pen(line.value == 0.0 ? m_theme.frame : signColour(line.value),
                 lineWidth(line.value, largest, layout.maxWidth), Qt::SolidLine, Qt::FlatCap);
        if (line.value == 0.0)
            pen.setStyle(Qt::DotLine);
        painter.setPen(pen);
        painter.drawLine(line.line);
    }

    if (!hasBias(shape))
        return;
    const double dot = std::clamp(layout.stub * 0.3, 1.5, 3.5);
    for (int l = 0; l < int(layers.size()); ++l) {
        for (int j = 0; j < layers[std::size_t(l)].units(); ++j) {
            const double b = layers[std::size_t(l)].b(j);
            const QLineF line = biasLine(layout, l, j);
            QPen pen(b == 0.0 ? m_theme.frame : signColour(b),
                     lineWidth(b, largest, layout.maxWidth), Qt::SolidLine, Qt::FlatCap);
            painter.setPen(pen);
            painter.drawLine(line);
            painter.setPen(QPen(m_theme.mutedText, 1.0));
            painter.setBrush(m_theme.plotBackground);
            painter.drawEllipse(line.p1(), dot, dot);
        }
    }
}

void NetworkPainter::paintNodes(QPainter& painter, const Layout& layout, const NetworkScene&,
                                const UnitPictures& pictures) const
{
    painter.setPen(QPen(m_theme.frame, 1.0));
    painter.setBrush(Qt::NoBrush);
    for (std::size_t c = 0; c < layout.nodes.size(); ++c) {
        for (std::size_t j = 0; j < layout.nodes[c].size(); ++j) {
            const QRectF& box = layout.nodes[c][j];
            if (c < pictures.size() && j < pictures[c].size())
                painter.drawImage(box, pictures[c][j]);
            painter.drawRect(box);
        }
    }
}

void NetworkPainter::paintHighlight(QPainter& painter, const Layout& layout,
                                    const NetworkScene& scene, double largest) const
{
    if (!scene.highlighted)
        return;
    const NetworkItem& item = *scene.highlighted;
    const int columns = int(layout.nodes.size());
    if (item.kind == NetworkItem::Kind::Unit) {
        if (item.layer < 0 || item.layer >= columns ||
            item.unit >= int(layout.nodes[std::size_t(item.layer)].size()))
            return;
        painter.setPen(QPen(m_theme.text, 2.5));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(
            layout.nodes[std::size_t(item.layer)][std::size_t(item.unit)].adjusted(-2, -2, 2, 2));
        return;
    }
    if (item.layer < 0 || item.layer + 1 >= columns ||
        item.unit >= int(layout.nodes[std::size_t(item.layer) + 1].size()) ||
        (item.kind == NetworkItem::Kind::Weight &&
         item.input >= int(layout.nodes[std::size_t(item.layer)].size())))
        return;
    if (item.kind == NetworkItem::Kind::Bias && !hasBias(scene.model.shape()))
        return;
    const double value = parameterValue(scene.model, item);
    const QLineF line = item.kind == NetworkItem::Kind::Bias
                            ? biasLine(layout, item.layer, item.unit)
                            : weightLine(layout, item.layer, item.unit, item.input);
    const double width = lineWidth(value, largest, layout.maxWidth);
    // A halo in the text's colour, then the line itself: it stands out in any theme.
    painter.setPen(QPen(m_theme.text, width + 4.0, Qt::SolidLine, Qt::RoundCap));
    painter.drawLine(line);
    painter.setPen(
        QPen(value == 0.0 ? m_theme.frame : signColour(value), width, Qt::SolidLine, Qt::RoundCap));
    painter.drawLine(line);
}

void NetworkPainter::paintTexts(QPainter& painter, const Layout& layout, const NetworkScene& scene,
                                double largest) const
{
    const ModelShape& shape = scene.model.shape();
    const QFont font = m_theme.font(0.92);
    const QFontMetricsF fm(font);
    painter.setFont(font);
    const int columns = int(layout.nodes.size());
    painter.setPen(m_theme.mutedText);
    for (int c = 0; c < columns; ++c) {
        const QRectF& box = layout.titles[std::size_t(c)];
        const Qt::Alignment align = c == 0             ? Qt::AlignLeft
                                    : c == columns - 1 ? Qt::AlignRight
                                                       : Qt::AlignHCenter;
        painter.drawText(
            box, int(align | Qt::AlignVCenter),
            fm.elidedText(columnTitle(shape, c, scene.outputDecides), Qt::ElideRight, box.width()));
    }

    painter.setPen(m_theme.text);
    // Names that would overlap their neighbours are left out (the tooltips still give them).
    const bool names = layout.pitch >= fm.height() * 0.8;
    for (int i = 0; names && i < int(layout.nodes.front().size()); ++i) {
        const QRectF& node = layout.nodes.front()[std::size_t(i)];
        const QString name = nodeName(shape, 0, i);
        painter.drawText(QRectF(node.left() - 4.0 - fm.horizontalAdvance(name) - 2.0,
                                node.center().y() - fm.height() / 2.0,
                                fm.horizontalAdvance(name) + 2.0, fm.height()),
                         int(Qt::AlignRight | Qt::AlignVCenter), name);
    }
    for (int k = 0; names && k < int(layout.nodes.back().size()); ++k) {
        const QRectF& node = layout.nodes.back()[std::size_t(k)];
        const QString name = nodeName(shape, columns - 1, k);
        painter.drawText(QRectF(node.right() + 4.0, node.center().y() - fm.height() / 2.0,
                                fm.horizontalAdvance(name) + 2.0, fm.height()),
                         int(Qt::AlignLeft | Qt::AlignVCenter), name);
    }
    if (layout.unitNames) {
        const QFont small = m_theme.font(0.8);
        const QFontMetricsF sm(small);
        painter.setFont(small);
        for (int c = 1; c + 1 < columns; ++c) {
            for (int j = 0; j < int(layout.nodes[std::size_t(c)].size()); ++j) {
                const QRectF& node = layout.nodes[std::size_t(c)][std::size_t(j)];
                // On a translucent tab of the background rather than with a stroked halo: as
                // readable on the picture, and much cheaper to draw 48 times.
                const QString name = nodeName(shape, c, j);
                const QRectF tab(node.left() + 1.0, node.top() + 1.0,
                                 sm.horizontalAdvance(name) + 4.0, sm.height());
                painter.fillRect(tab, paintkit::withAlpha(m_theme.plotBackground, 200));
                painter.setPen(m_theme.text);
                painter.drawText(tab, int(Qt::AlignCenter), name);
            }
        }
        painter.setFont(font);
    }

    // The scale: a positive and a negative line at the widest width, and the value they stand for.
    const QRectF& note = layout.note;
    double x = note.left();
    const double y = note.center().y();
    const double swatch = 22.0;
    for (const double sign : {1.0, -1.0}) {
        painter.setPen(QPen(signColour(sign), largest > 0.0 ? layout.maxWidth : kMinWidth,
                            Qt::SolidLine, Qt::FlatCap));
        painter.drawLine(QPointF(x, y), QPointF(x + swatch, y));
        x += swatch + 3.0;
        painter.setPen(m_theme.text);
        const QString label = sign > 0.0 ? QStringLiteral("+") : QStringLiteral("−");
        painter.drawText(QPointF(x, y + fm.ascent() / 2.0 - fm.descent() / 2.0), label);
        x += fm.horizontalAdvance(label) + 10.0;
    }
    painter.setPen(m_theme.mutedText);
    painter.drawText(QRectF(x, note.top(), std::max(0.0, note.right() - x), note.height()),
                     int(Qt::AlignLeft | Qt::AlignVCenter),
                     fm.elidedText(scaleNote(largest), Qt::ElideRight, note.right() - x));
}

QString featureSymbol(learning::Feature f)
{
    using learning::Feature;
    switch (f) {
    case Feature::X1:
        return QStringLiteral("x₁");
    case Feature::X2:
        return QStringLiteral("x₂");
    case Feature::X1Squared:
        return QStringLiteral("x₁²");
    case Feature::X2Squared:
        return QStringLiteral("x₂²");
    case Feature::X1X2:
        return QStringLiteral("x₁x₂");
    case Feature::SinX1:
        return QStringLiteral("sin x₁");
    case Feature::SinX2:
        return QStringLiteral("sin x₂");
    }
    return {};
}

QString modelDescription(const learning::ModelShape& shape)
{
    QStringList sizeList;
    for (const int n : shape.sizes())
        sizeList << QString::number(n);
    const QString sizes = sizeList.join(u'-');
    QString description;
    if (shape.kind == learning::ModelKind::Linear)
        description = shape.bias ? Text::tr("%1, linear").arg(sizes)
                                 : Text::tr("%1, linear, no bias").arg(sizes);
    else if (shape.hidden.empty())
        description = Text::tr("%1 network").arg(sizes);
    else
        description = Text::tr("%1 network, %2")
                          .arg(sizes, QString::fromLatin1(learning::name(shape.activation)));
    if (shape.features == learning::FeatureSet())
        return description;
    QStringList inputs;
    for (int i = 0; i < shape.features.size(); ++i)
        inputs << featureSymbol(shape.features.at(i));
    return Text::tr("%1 on %2").arg(description, inputs.join(QStringLiteral(", ")));
}

QString parameterFormula(const learning::ModelShape& shape)
{
    return QString::fromStdString(shape.parameterFormula())
        .replace(QStringLiteral(" x "), QStringLiteral(" × "));
}

} // namespace plab::render
