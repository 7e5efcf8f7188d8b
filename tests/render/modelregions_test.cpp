// The layers of the models beyond the classic one, through the real PlotRenderer: class regions,
// the boundary's contour, the hidden units' lines and arrows, one-vs-rest's hatching.
#include "render/plotrenderer.h"
#include "support/lessonmodels.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>
#include <gtest/gtest.h>

#include <cmath>
#include <tuple>

using namespace plab::render;
namespace learning = plab::learning;
using learning::Layer;
using learning::Model;
using learning::ModelShape;

namespace {

const QSize kSize(640, 480);
const plab::io::ViewBox kView{-2.0, 2.0, -1.5, 1.5};

/// A theme whose colours are easy to tell apart: opaque class tints, no grid, no axes.
Theme plainTheme()
{
    Theme t = Theme::light();
    t.plotBackground = Qt::white;
    t.grid = QColor(0, 0, 0, 0);
    t.zeroAxis = QColor(0, 0, 0, 0);
    t.shadingAlpha = 255;
    t.classColors[0] = QColor(255, 0, 0);
    t.classColors[1] = QColor(0, 200, 0);
    t.classColors[2] = QColor(0, 0, 255);
    t.boundary = QColor(255, 0, 255);
    t.mutedText = QColor(0, 255, 255);
    return t;
}

PlotScene sceneOf(const Model& model)
{
    PlotScene scene;
    scene.view = kView;
    scene.model = model;
    scene.hasModel = true;
    scene.presentation = true;
    scene.showLegend = false;
    return scene;
}

QImage render(const PlotScene& scene, const Theme& theme)
{
    QImage image(kSize, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::black);
    QPainter painter(&image);
    PlotRenderer renderer;
    renderer.paint(painter, QRectF(QPointF(0, 0), QSizeF(kSize)), scene, theme);
    return image;
}

ViewTransform transformOf(const PlotScene& scene, const Theme& theme)
{
    return PlotRenderer::transformFor(QRectF(QPointF(0, 0), QSizeF(kSize)), scene, theme);
}

QColor at(const QImage& image, const QPointF& p)
{
    return image.pixelColor(int(std::floor(p.x())), int(std::floor(p.y())));
}

int distance(const QColor& a, const QColor& b)
{
    return std::max({std::abs(a.red() - b.red()), std::abs(a.green() - b.green()),
                     std::abs(a.blue() - b.blue())});
}

Model linear(const Eigen::MatrixXd& W, const Eigen::VectorXd& b)
{
    ModelShape shape;
    shape.classes = W.rows() == 1 ? 2 : int(W.rows());
    return Model(shape, {Layer{W, b}});
}

/// A 2-2-1 tanh network: hidden units x1 - 0.5 = 0 and x2 + 0.25 = 0, output h1 - h2 + 0.25.
Model network221()
{
    ModelShape shape;
    shape.kind = learning::ModelKind::Network;
    shape.hidden = {2};
    Eigen::MatrixXd W(2, 2);
    W << 1.0, 0.0, 0.0, 1.0;
    Eigen::MatrixXd V(1, 2);
    V << 1.0, -1.0;
    return Model(shape, {Layer{W, Eigen::Vector2d(-0.5, 0.25)},
                         Layer{V, Eigen::VectorXd::Constant(1, 0.25)}});
}

/// A Kesler-style linear model of three classes.
Model three()
{
    Eigen::MatrixXd W(3, 2);
    W << 1.0, 0.0, -1.0, 1.0, 0.0, -1.0;
    return linear(W, Eigen::Vector3d(0.1, 0.0, -0.2));
}

} // namespace

TEST(ModelRegions, RegionColourIsTheClassTheModelDecides)
{
    const Theme theme = plainTheme();
    PlotScene scene = sceneOf(three());
    scene.rule = learning::Rule::Perceptron; // flat tints
    const QImage image = render(scene, theme);
    const ViewTransform tf = transformOf(scene, theme);
    int checked = 0;
    for (double x = -1.9; x < 1.9; x += 0.13) {
        for (double y = -1.4; y < 1.4; y += 0.11) {
            const Eigen::Vector2d p(x, y);
            // Away from the boundary (its halo and line): the two best scores differ clearly.
            Eigen::VectorXd s = scene.model.scores(p);
            std::sort(s.data(), s.data() + 3, std::greater<>());
            if (s(0) - s(1) < 0.1)
                continue;
            const int cls = scene.model.decide(p).cls;
            EXPECT_LE(distance(at(image, tf.toPixel(p)), theme.classColors[std::size_t(cls)]), 2)
                << x << ", " << y;
            ++checked;
        }
    }
    EXPECT_GT(checked, 400);
}

TEST(ModelRegions, HeatMapIsPalerTowardsATie)
{
    const Theme theme = plainTheme();
    Eigen::MatrixXd W(1, 2);
    W << 2.0, 0.0;
    PlotScene scene = sceneOf(linear(W, Eigen::VectorXd::Zero(1)));
    // Two classes on (x1, x2) would be the classic model: give it a feature it does not use.
    ModelShape shape = scene.model.shape();
    shape.features = *learning::FeatureSet::of(
        {learning::Feature::X1, learning::Feature::X2, learning::Feature::X1X2});
    Eigen::MatrixXd W3(1, 3);
    W3 << 2.0, 0.0, 0.0;
    scene.model = Model(shape, {Layer{W3, Eigen::VectorXd::Zero(1)}});
    scene.rule = learning::Rule::Logistic;
    const QImage image = render(scene, theme);
    const ViewTransform tf = transformOf(scene, theme);
    // Class 1 (green) right of x1 = 0: the further, the more saturated (less red and blue).
    const QColor near = at(image, tf.toPixel(0.3, 0.7));
    const QColor far = at(image, tf.toPixel(1.8, 0.7));
    EXPECT_GT(near.red(), far.red() + 50);
    EXPECT_LT(far.red(), 40);
    // The same as the model's probability says: p = sigma(2 x1), strength 2 p - 1.
    const double strength = 2.0 / (1.0 + std::exp(-2.0 * 0.3)) - 1.0;
    EXPECT_NEAR(near.red(), 255 * (1.0 - strength), 6);

    // Flat for a perceptron.
    scene.rule = learning::Rule::Perceptron;
    const QImage flat = render(scene, theme);
    EXPECT_LE(distance(at(flat, tf.toPixel(0.3, 0.7)), theme.classColors[1]), 2);
}

TEST(ModelRegions, AStepNetworkHasFlatTintsAsItDecidesWithoutProbabilities)
{
    // Lesson 4's network by hand: class 1 on the strip 0.5 <= x1 + x2 <= 1.5.
    const Model step = plab::test::stepXor();
    const Theme theme = plainTheme();
    PlotScene scene = sceneOf(step);
    const QImage image = render(scene, theme);
    const ViewTransform tf = transformOf(scene, theme);
    // The output's net is 0.5 on the strip and -0.5 or -1.5 off it: sigma(0.5) = 0.62 would be a
    // heat map's pale shade. The flat tint is the class's colour (opaque in this theme).
    for (const auto& [x, y, cls] : {std::tuple{0.5, 0.5, 1}, std::tuple{-0.2, 1.2, 1},
                                    std::tuple{-1.2, -1.0, 0}, std::tuple{1.6, 1.2, 0}}) {
        ASSERT_EQ(step.decide(Eigen::Vector2d(x, y)).cls, cls);
        EXPECT_LE(distance(at(image, tf.toPixel(x, y)), theme.classColors[std::size_t(cls)]), 2)
            << x << ", " << y;
    }

    // The same weights on tanh units are a heat map again: paler than the flat tint.
    ModelShape tanh = step.shape();
    tanh.activation = learning::Activation::Tanh;
    scene.model = Model(tanh, step.layers());
    const QImage heat = render(scene, theme);
    EXPECT_GT(distance(at(heat, tf.toPixel(0.5, 0.5)), theme.classColors[1]), 30);
}

TEST(ModelRegions, ShadingOffLeavesThePlotPlain)
{
    Theme theme = plainTheme();
    theme.shading = false;
    const PlotScene scene = sceneOf(three());
    const QImage image = render(scene, theme);
    const ViewTransform tf = transformOf(scene, theme);
    EXPECT_EQ(at(image, tf.toPixel(1.5, 0.0)), QColor(Qt::white));
    EXPECT_EQ(at(image, tf.toPixel(-1.5, 1.0)), QColor(Qt::white));
}

TEST(ModelRegions, ContourIsWithinAPixelOfTheTrueBoundary)
{
    const Theme theme = plainTheme();
    const PlotScene scene = sceneOf(network221());
    const QImage image = render(scene, theme);
    const ViewTransform tf = transformOf(scene, theme);
    int checked = 0;
    // Along vertical lines, find the exact boundary by bisection on decide(); the boundary's
    // colour must be there.
    for (double x = -1.8; x < 1.9; x += 0.1) {
        double lo = -1.45, hi = 1.45;
        const Model& m = scene.model;
        if (m.decide({x, lo}).cls == m.decide({x, hi}).cls)
            continue;
        const int bottom = m.decide({x, lo}).cls;
        for (int i = 0; i < 60; ++i) {
            const double mid = (lo + hi) / 2;
            (m.decide({x, mid}).cls == bottom ? lo : hi) = mid;
        }
        const QPointF p = tf.toPixel(x, lo);
        EXPECT_LE(distance(at(image, p), theme.boundary), 40) << x << ", " << lo;
        ++checked;
    }
    EXPECT_GT(checked, 20);
}

TEST(ModelRegions, HiddenUnitsLinesAreDrawnWithArrowsOnRequest)
{
    const Theme theme = plainTheme();
    PlotScene scene = sceneOf(network221());
    scene.showAnnotations = false; // no labels over the lines
    const QImage image = render(scene, theme);
    const ViewTransform tf = transformOf(scene, theme);
    // h1: x1 = 0.5 (vertical), h2: x2 = -0.25 (horizontal). Dashed: most of the samples on the
    // line are in its colour, none a few pixels beside it.
    const double x1 = tf.toPixel(0.5, 0.0).x();
    const double y2 = tf.toPixel(0.0, -0.25).y();
    const auto share = [&](auto pointAt) {
        int hits = 0;
        for (int i = 0; i < 100; ++i) {
            const QPointF p = pointAt(i);
            if (std::abs(p.x() - x1) < 10.0 && std::abs(p.y() - y2) < 10.0)
                continue; // where the two lines cross
            hits += distance(at(image, p), theme.mutedText) <= 60 ? 1 : 0;
        }
        return hits;
    };
    const QRectF area = tf.pixelRect();
    const auto alongH1 = [&](double dx) {
        return [&, dx](int i) {
            return QPointF(x1 + dx, area.top() + 5 + i * (area.height() - 10) / 100.0);
        };
    };
    const auto alongH2 = [&](double dy) {
        return [&, dy](int i) {
            return QPointF(area.left() + 5 + i * (area.width() - 10) / 100.0, y2 + dy);
        };
    };
    EXPECT_GT(share(alongH1(0.0)), 35);
    EXPECT_GT(share(alongH2(0.0)), 35);
    EXPECT_EQ(share(alongH1(6.0)), 0);
    EXPECT_EQ(share(alongH2(-6.0)), 0);

    // Arrows on request only: w_1 = (1, 0) from the point of h1 nearest the centre, (0.5, 0).
    const auto arrowPixels = [&](const QImage& img) {
        int n = 0;
        const QPointF from = tf.toPixel(0.5, 0.0);
        for (int dx = 4; dx < 40; ++dx)
            n += distance(at(img, from + QPointF(dx, 0)), theme.weightArrow) <= 30 ? 1 : 0;
        return n;
    };
    EXPECT_EQ(arrowPixels(image), 0);
    scene.showHiddenArrows = true;
    EXPECT_GT(arrowPixels(render(scene, theme)), 20);
}

TEST(ModelRegions, OneVsRestHatchesOnlyWhereNoneOrSeveralUnitsClaim)
{
    const Theme theme = plainTheme();
    // Unit 0 claims x1 > 0.5, unit 1 x1 < -0.5, unit 2 x2 > 0.
    Eigen::MatrixXd W(3, 2);
    W << 1.0, 0.0, -1.0, 0.0, 0.0, 1.0;
    PlotScene scene = sceneOf(linear(W, Eigen::Vector3d(-0.5, -0.5, 0.0)));
    scene.multiclass = learning::Multiclass::OneVsRest;
    scene.showAnnotations = false;
    const ViewTransform tf = transformOf(scene, theme);
    const auto colours = [&](const QImage& image, double x, double y) {
        // The distinct colours of a 16 x 16 patch around (x, y).
        const QPointF c = tf.toPixel(x, y);
        QList<QRgb> seen;
        for (int dy = -8; dy < 8; ++dy)
            for (int dx = -8; dx < 8; ++dx) {
                const QRgb rgb = image.pixel(int(c.x()) + dx, int(c.y()) + dy);
                if (!seen.contains(rgb))
                    seen.append(rgb);
            }
        return seen.size();
    };
    const QImage image = render(scene, theme);
    EXPECT_GT(colours(image, 0.3, -1.2), 1);  // nobody claims it
    EXPECT_GT(colours(image, 1.25, 0.8), 1);  // units 0 and 2 both claim it
    EXPECT_EQ(colours(image, 1.25, -0.8), 1); // only unit 0
    EXPECT_EQ(colours(image, 0.0, 0.8), 1);   // only unit 2

    // Kesler: the same weights, no hatching.
    scene.multiclass = learning::Multiclass::Kesler;
    EXPECT_EQ(colours(render(scene, theme), 0.3, -1.2), 1);
}

TEST(ModelRegions, HiddenUnitsAreLabelledWithoutHidingPoints)
{
    const Theme theme = plainTheme();
    PlotScene scene = sceneOf(network221());
    // Points along both hidden lines, where a label would go first.
    plab::learning::Dataset data;
    for (double t = -1.4; t <= 1.4; t += 0.1) {
        data.add({0.5, t}, 0);
        data.add({t, -0.25}, 1);
    }
    scene.data = &data;
    scene.dataRevision = 1;
    const QImage with = render(scene, theme);
    scene.showAnnotations = false;
    const QImage without = render(scene, theme);
    // The labels are there, and every point (its centre's 3 x 3 pixels) looks as without them.
    int changed = 0;
    for (int y = 0; y < with.height(); ++y)
        for (int x = 0; x < with.width(); ++x)
            changed += with.pixel(x, y) != without.pixel(x, y) ? 1 : 0;
    EXPECT_GT(changed, 40);
    const ViewTransform tf = transformOf(scene, theme);
    for (std::size_t i = 0; i < data.size(); ++i) {
        const QPointF c = tf.toPixel(data.point(i));
        for (int dy = -1; dy <= 1; ++dy)
            for (int dx = -1; dx <= 1; ++dx)
                EXPECT_EQ(with.pixel(int(c.x()) + dx, int(c.y()) + dy),
                          without.pixel(int(c.x()) + dx, int(c.y()) + dy))
                    << i;
    }
}

TEST(ModelRegions, SvgHoldsTheRegionsAsAnImageAndTheContourAsAPath)
{
    PlotScene scene = sceneOf(network221());
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(kSize);
    svg.setViewBox(QRect(QPoint(0, 0), kSize));
    {
        QPainter painter(&svg);
        PlotRenderer renderer;
        renderer.paint(painter, QRectF(QPointF(0, 0), QSizeF(kSize)), scene, Theme::light());
    }
    const QByteArray text = buffer.data();
    EXPECT_TRUE(text.contains("<image"));
    // The boundary in its colour, as a vector path.
    EXPECT_TRUE(text.contains(
        QByteArray(QByteArray("stroke=\"") + Theme::light().boundary.name().toLatin1())));
}
