// The network picture (render/networkpainter.h): its layout, hit-testing by geometry, each unit's
// picture against core's own numbers, and the lines' colours and widths in the pixels.
#include "render/networkpainter.h"
#include "render/paintkit.h"

#include <QDir>
#include <QImage>
#include <QPainter>
#include <gtest/gtest.h>

#include <cmath>

namespace plab::render {
namespace {

using learning::Activation;
using learning::Layer;
using learning::Model;
using learning::ModelKind;
using learning::ModelShape;

ModelShape networkShape(std::vector<int> hidden, Activation activation = Activation::Tanh,
                        int classes = 2)
{
    ModelShape shape;
    shape.kind = ModelKind::Network;
    shape.hidden = std::move(hidden);
    shape.activation = activation;
    shape.classes = classes;
    return shape;
}

Layer layer(Eigen::MatrixXd W, Eigen::VectorXd b)
{
    return Layer{std::move(W), std::move(b)};
}

/// Lesson 4's XOR network by hand: h1 = OR, h2 = NAND, out = AND, all step units.
Model stepXor()
{
    Eigen::MatrixXd W1(2, 2);
    W1 << 1, 1, -1, -1;
    Eigen::MatrixXd W2(1, 2);
    W2 << 1, 1;
    return Model(
        networkShape({2}, Activation::Step),
        {layer(W1, Eigen::Vector2d(-0.5, 1.5)), layer(W2, Eigen::VectorXd::Constant(1, -1.5))});
}

/// A 2-4-1 tanh network with distinct weights.
Model tanhNetwork()
{
    Eigen::MatrixXd W1(4, 2);
    W1 << 1.5, -0.5, -2.0, 1.0, 0.3, 2.2, -1.1, -0.7;
    Eigen::MatrixXd W2(1, 4);
    W2 << 2.0, -1.5, 0.8, 3.2;
    return Model(networkShape({4}), {layer(W1, Eigen::Vector4d(0.1, -0.4, 0.9, 0.0)),
                                     layer(W2, Eigen::VectorXd::Constant(1, -0.3))});
}

io::ViewBox unitBox()
{
    return io::ViewBox{-0.5, 1.5, -0.5, 1.5};
}

double distance(const QLineF& line, QPointF p)
{
    const QPointF d = line.p2() - line.p1();
    const double t =
        std::clamp(QPointF::dotProduct(p - line.p1(), d) / QPointF::dotProduct(d, d), 0.0, 1.0);
    const QPointF q = line.p1() + t * d;
    return std::hypot(p.x() - q.x(), p.y() - q.y());
}

/// Saves \p image under $PLAB_NETWORK_SHOTS (to look at), when set.
void keep(const QImage& image, const QString& name)
{
    const QString dir = qEnvironmentVariable("PLAB_NETWORK_SHOTS");
    if (!dir.isEmpty()) {
        QDir().mkpath(dir);
        image.save(dir + u'/' + name + QStringLiteral(".png"));
    }
}

QImage paint(const NetworkPainter& painter, const NetworkScene& scene, QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    QPainter p(&image);
    painter.paint(p, QRectF(QPointF(0, 0), QSizeF(size)), scene);
    return image;
}

NetworkScene sceneOf(const Model& model, const io::ViewBox& view)
{
    NetworkScene scene;
    scene.model = model;
    scene.view = view;
    return scene;
}

TEST(NetworkPainter, LayoutHasOneColumnPerLayerAndOneNodePerUnit)
{
    const NetworkPainter painter;
    for (const ModelShape& shape :
         {ModelShape(), networkShape({4}), networkShape({16, 16, 16}, Activation::Relu, 8)}) {
        const auto layout = painter.layout(QRectF(0, 0, 600, 400), shape);
        const std::vector<int> sizes = shape.sizes();
        ASSERT_EQ(layout.nodes.size(), sizes.size());
        for (std::size_t c = 0; c < sizes.size(); ++c) {
            ASSERT_EQ(int(layout.nodes[c].size()), sizes[c]);
            for (const QRectF& node : layout.nodes[c])
                EXPECT_TRUE(QRectF(0, 0, 600, 400).contains(node)) << shape.description();
        }
        // Columns go left to right, nodes of a column top to bottom, none overlapping.
        for (std::size_t c = 1; c < sizes.size(); ++c)
            EXPECT_LT(layout.nodes[c - 1].front().right(), layout.nodes[c].front().left());
        for (const auto& column : layout.nodes)
            for (std::size_t j = 1; j < column.size(); ++j)
                EXPECT_LT(column[j - 1].bottom(), column[j].top());
    }
}

TEST(NetworkPainter, EveryConnectionIsFoundWhereItIsDrawn)
{
    // For every weight and bias: a point on its line that no other line passes within 3 pixels
    // of, found by geometry here; itemAt() must name that parameter there.
    const NetworkPainter painter;
    for (const QSizeF size : {QSizeF(640, 420), QSizeF(300, 220)}) {
        const ModelShape shape = networkShape({4, 3}, Activation::Tanh, 3);
        const auto layout = painter.layout(QRectF(QPointF(0, 0), size), shape);
        std::vector<std::pair<NetworkItem, QLineF>> lines;
        for (int l = 0; l < shape.layerCount(); ++l)
            for (int j = 0; j < int(layout.nodes[std::size_t(l) + 1].size()); ++j) {
                lines.emplace_back(NetworkItem::bias(l, j), NetworkPainter::biasLine(layout, l, j));
                for (int i = 0; i < int(layout.nodes[std::size_t(l)].size()); ++i)
                    lines.emplace_back(NetworkItem::weight(l, j, i),
                                       NetworkPainter::weightLine(layout, l, j, i));
            }
        int checked = 0;
        for (const auto& [item, line] : lines) {
            for (double t = 0.05; t < 1.0; t += 0.05) {
                const QPointF p = line.pointAt(t);
                bool alone = true;
                for (const auto& [other, otherLine] : lines)
                    if (!(other == item) && distance(otherLine, p) < 3.0)
                        alone = false;
                for (const auto& column : layout.nodes)
                    for (const QRectF& node : column)
                        if (node.adjusted(-3, -3, 3, 3).contains(p))
                            alone = false;
                if (!alone)
                    continue;
                const auto found = NetworkPainter::itemAt(layout, shape, p);
                ASSERT_TRUE(found) << NetworkPainter::parameterName(shape, item).toStdString();
                EXPECT_EQ(*found, item)
                    << NetworkPainter::parameterName(shape, item).toStdString() << " at t = " << t;
                ++checked;
                break;
            }
        }
        EXPECT_GE(checked, int(lines.size()) * 3 / 4); // most lines have a point of their own
    }
}

TEST(NetworkPainter, NodesAreFoundAndEmptySpaceIsNothing)
{
    const NetworkPainter painter;
    const ModelShape shape = networkShape({4});
    const auto layout = painter.layout(QRectF(0, 0, 600, 400), shape);
    for (int c = 0; c < 3; ++c)
        for (int j = 0; j < int(layout.nodes[std::size_t(c)].size()); ++j)
            EXPECT_EQ(NetworkPainter::itemAt(layout, shape,
                                             layout.nodes[std::size_t(c)][std::size_t(j)].center()),
                      NetworkItem::node(c, j));
    EXPECT_FALSE(NetworkPainter::itemAt(layout, shape, QPointF(2, 2)));
    // The classic model without a bias has no bias to point at.
    ModelShape noBias;
    noBias.bias = false;
    const auto classic = painter.layout(QRectF(0, 0, 600, 400), noBias);
    const QLineF stub = NetworkPainter::biasLine(classic, 0, 0);
    const auto found = NetworkPainter::itemAt(classic, noBias, stub.pointAt(0.5));
    EXPECT_TRUE(!found || found->kind != NetworkItem::Kind::Bias);
}

TEST(NetworkPainter, HiddenPicturesShowTheUnitsOwnActivation)
{
    const NetworkPainter painter;
    const Model model = stepXor();
    const io::ViewBox view = unitBox();
    const int size = 16;
    const UnitPictures pictures = painter.pictures(sceneOf(model, view), size);
    ASSERT_EQ(pictures.size(), 3U);
    ASSERT_EQ(pictures[1].size(), 2U);
    const learning::Network network = model.network();
    const QColor on = painter.signColour(1.0);
    const QColor off = painter.signColour(-1.0);
    for (int r = 0; r < size; ++r)
        for (int c = 0; c < size; ++c) {
            // The sample's centre, computed here from the view.
            const double x = view.xMin + (c + 0.5) * (view.xMax - view.xMin) / size;
            const double y = view.yMax - (r + 0.5) * (view.yMax - view.yMin) / size;
            Eigen::Matrix2Xd point(2, 1);
            point << x, y;
            const Eigen::VectorXd a = network.hiddenActivations(point, 0).col(0);
            for (int j = 0; j < 2; ++j)
                EXPECT_EQ(pictures[1][std::size_t(j)].pixel(c, r), (a(j) > 0.5 ? on : off).rgb())
                    << "h" << j + 1 << " at " << x << ", " << y;
            // The output: class 1's colour where the network says class 1.
            const QColor cls = painter.theme().classColors[model.decide({x, y}).cls];
            const QColor shown = QColor::fromRgb(pictures[2][0].pixel(c, r));
            const QColor other = painter.theme().classColors[1 - model.decide({x, y}).cls];
            const auto distanceTo = [&](const QColor& k) {
                return std::abs(shown.red() - k.red()) + std::abs(shown.green() - k.green()) +
                       std::abs(shown.blue() - k.blue());
            };
            EXPECT_LT(distanceTo(cls), distanceTo(other));
        }
}

TEST(NetworkPainter, EveryShapePaintsItsLinesInTheSignsColours)
{
    const NetworkPainter painter;
    NetworkScene scene;
    scene.model = tanhNetwork();
    scene.view = unitBox();
    const QSize size(640, 420);
    const QImage image = paint(painter, scene, size);
    keep(image, QStringLiteral("network-2-4-1"));
    const auto layout = painter.layout(QRectF(QPointF(0, 0), QSizeF(size)), scene.model.shape());
    // The largest weight (3.2, h4 to out) is the widest line, in the positive colour, on top.
    const QPointF middle = NetworkPainter::weightLine(layout, 1, 0, 3).pointAt(0.5);
    EXPECT_EQ(image.pixel(middle.toPoint()), painter.signColour(1.0).rgb());
    // w(2) out←h2 = -1.5 in the negative colour.
    const QPointF negative = NetworkPainter::weightLine(layout, 1, 0, 1).pointAt(0.8);
    EXPECT_EQ(image.pixel(negative.toPoint()), painter.signColour(-1.0).rgb());
    EXPECT_DOUBLE_EQ(NetworkPainter::largestMagnitude(scene.model), 3.2);
    EXPECT_LT(NetworkPainter::lineWidth(-1.5, 3.2, layout.maxWidth),
              NetworkPainter::lineWidth(3.2, 3.2, layout.maxWidth));
    EXPECT_DOUBLE_EQ(NetworkPainter::lineWidth(-3.2, 3.2, layout.maxWidth), layout.maxWidth);

    for (const Theme& theme : {Theme::light(), Theme::dark(), Theme::highContrast()}) {
        const NetworkPainter themed(theme);
        scene.model = stepXor();
        keep(paint(themed, scene, QSize(520, 340)), QStringLiteral("step-xor-") + theme.name);
    }
    // Small, big and wide: nothing throws, the largest network included.
    learning::NetworkShape big;
    big.hidden = {16, 16, 16};
    big.classes = 8;
    scene.model = Model::of(learning::Network::glorot(big, 7));
    for (const QSize s : {QSize(160, 120), QSize(1600, 1000)})
        keep(paint(painter, scene, s), QStringLiteral("big-%1").arg(s.width()));
    scene.model = Model();
    keep(paint(painter, scene, QSize(400, 260)), QStringLiteral("classic-zero"));
}

// A perceptron's output is a decision, not a probability (model.h, "Decisions"): its unit's
// picture is the class it decides, flat, and its column says "step" (two classes) or "argmax";
// a logistic regression of the same weights keeps sigma's shades.
TEST(NetworkPainter, APerceptronsOutputShowsItsDecisionNotAProbability)
{
    const NetworkPainter painter;
    // w = (1, 1), b = -1: the boundary x1 + x2 = 1 across the unit box.
    const Model perceptron = Model::classic(learning::LinearModel{{1.0, 1.0}, -1.0});
    EXPECT_TRUE(NetworkPainter::outputDecides(perceptron, learning::Rule::Perceptron));
    EXPECT_TRUE(NetworkPainter::outputDecides(perceptron, learning::Rule::Adaline));
    EXPECT_FALSE(NetworkPainter::outputDecides(perceptron, learning::Rule::Logistic));
    EXPECT_FALSE(NetworkPainter::outputDecides(tanhNetwork(), learning::Rule::Perceptron));

    const int size = 16;
    NetworkScene scene = sceneOf(perceptron, unitBox());
    scene.outputDecides = true;
    const QImage decided = painter.pictures(scene, size).back().front();
    scene.outputDecides = false;
    const QImage sigma = painter.pictures(scene, size).back().front();
    const auto& colours = painter.theme().classColors;
    int shaded = 0;
    for (int r = 0; r < size; ++r)
        for (int c = 0; c < size; ++c) {
            const double x = unitBox().xMin + (c + 0.5) * (unitBox().xMax - unitBox().xMin) / size;
            const double y = unitBox().yMax - (r + 0.5) * (unitBox().yMax - unitBox().yMin) / size;
            const int cls = x + y - 1.0 >= 0.0 ? 1 : 0;
            EXPECT_EQ(decided.pixel(c, r), colours[std::size_t(cls)].rgb()) << x << ", " << y;
            shaded += sigma.pixel(c, r) != colours[std::size_t(cls)].rgb() ? 1 : 0;
        }
    EXPECT_GT(shaded, size * size / 2); // sigma: pale near the boundary

    EXPECT_EQ(NetworkPainter::columnTitle(perceptron.shape(), 1, true),
              QStringLiteral("Output: step"));
    EXPECT_EQ(NetworkPainter::columnTitle(perceptron.shape(), 1, false),
              QStringLiteral("Output: σ"));
    ModelShape three = perceptron.shape();
    three.classes = 3;
    EXPECT_EQ(NetworkPainter::columnTitle(three, 1, true), QStringLiteral("Output: argmax"));
}

TEST(NetworkPainter, NamesFollowTheNotation)
{
    const ModelShape shape = networkShape({4});
    EXPECT_EQ(NetworkPainter::parameterName(shape, NetworkItem::weight(0, 1, 0)),
              QStringLiteral("w(1) h₂←x₁"));
    EXPECT_EQ(NetworkPainter::parameterName(shape, NetworkItem::bias(1, 0)),
              QStringLiteral("b(2) out"));
    const ModelShape deep = networkShape({3, 2}, Activation::Relu, 4);
    EXPECT_EQ(NetworkPainter::parameterName(deep, NetworkItem::weight(1, 1, 2)),
              QStringLiteral("w(2) h(2)₂←h(1)₃"));
    EXPECT_EQ(NetworkPainter::nodeName(deep, 3, 3), QStringLiteral("out₃"));
    ModelShape features;
    features.features = *learning::FeatureSet::fromName("x1,x2,x1x2,sinx2");
    EXPECT_EQ(NetworkPainter::nodeName(features, 0, 2), QStringLiteral("x₁x₂"));
    EXPECT_EQ(NetworkPainter::nodeName(features, 0, 3), QStringLiteral("sin x₂"));
    EXPECT_EQ(NetworkPainter::parameterValue(tanhNetwork(), NetworkItem::weight(0, 2, 1)), 2.2);
    EXPECT_EQ(NetworkPainter::parameterValue(tanhNetwork(), NetworkItem::bias(0, 2)), 0.9);
    EXPECT_EQ(NetworkPainter::scaleNote(3.2), QStringLiteral("widest line: |w| = 3.2"));
}

} // namespace
} // namespace plab::render
