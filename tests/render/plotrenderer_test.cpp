#include "render/plotrenderer.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>
#include <gtest/gtest.h>

#include <cmath>

using plab::learning::Dataset;
using plab::learning::LinearModel;
using plab::learning::Rule;
using plab::learning::StepRecord;
using namespace plab::render;

namespace {

const QSize kSize(640, 480);

QImage render(PlotRenderer& renderer, const PlotScene& scene, const Theme& theme)
{
    QImage image(kSize, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::magenta);
    QPainter painter(&image);
    renderer.paint(painter, QRectF(QPointF(0, 0), QSizeF(kSize)), scene, theme);
    return image;
}

QImage render(const PlotScene& scene, const Theme& theme = Theme::light())
{
    PlotRenderer renderer;
    return render(renderer, scene, theme);
}

ViewTransform transformOf(const PlotScene& scene, const Theme& theme = Theme::light())
{
    return PlotRenderer::transformFor(QRectF(QPointF(0, 0), QSizeF(kSize)), scene, theme);
}

QColor pixel(const QImage& image, QPointF p)
{
    return image.pixelColor(int(std::floor(p.x())), int(std::floor(p.y())));
}

/// Largest per-channel difference.
int distance(const QColor& a, const QColor& b)
{
    return std::max({std::abs(a.red() - b.red()), std::abs(a.green() - b.green()),
                     std::abs(a.blue() - b.blue())});
}

/// The largest per-channel difference over two images of the same size.
int maxDifference(const QImage& a, const QImage& b)
{
    int worst = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x)
            worst = std::max(worst, distance(a.pixelColor(x, y), b.pixelColor(x, y)));
    return worst;
}

/// \p over with \p alpha (0..255) composited onto the opaque \p under.
QColor blend(const QColor& under, const QColor& over, int alpha)
{
    const double a = alpha / 255.0;
    return QColor::fromRgbF(float(under.redF() * (1 - a) + over.redF() * a),
                            float(under.greenF() * (1 - a) + over.greenF() * a),
                            float(under.blueF() * (1 - a) + over.blueF() * a));
}

PlotScene baseScene()
{
    PlotScene scene;
    scene.view = {0, 10, 0, 10};
    scene.showLegend = false;
    scene.showWeightVector = false;
    return scene;
}

TEST(PlotRenderer, BoundaryColourLiesAlongTheAnalyticLine)
{
    PlotScene scene = baseScene();
    scene.hasModel = true;
    scene.model = plab::learning::Model::classic({{1, -2}, 3}); // x2 = (x1 + 3) / 2
    const Theme theme = Theme::light();
    const QImage image = render(scene, theme);
    const ViewTransform tf = transformOf(scene);
    for (double x1 = 0.5; x1 <= 9.5; x1 += 0.75) {
        const QPointF on = tf.toPixel(x1, (x1 + 3) / 2);
        EXPECT_LE(distance(pixel(image, on), theme.boundary), 24) << "x1 = " << x1;
        // 12 px off the line (perpendicular) the boundary colour is gone.
        const QPointF normal = QPointF(1, 2) / std::sqrt(5.0);
        EXPECT_GT(distance(pixel(image, on + 12 * normal), theme.boundary), 100) << "x1 = " << x1;
    }
}

TEST(PlotRenderer, HardShadingTintsEachSideWithItsPredictedClass)
{
    PlotScene scene = baseScene();
    scene.hasModel = true;
    scene.model = plab::learning::Model::classic({{1, 0}, -5}); // x1 = 5, class 1 to the right
    const Theme theme = Theme::light();
    const QImage image = render(scene, theme);
    const ViewTransform tf = transformOf(scene);
    const QColor left = blend(theme.plotBackground, theme.classColors[0], theme.shadingAlpha);
    const QColor right = blend(theme.plotBackground, theme.classColors[1], theme.shadingAlpha);
    EXPECT_LE(distance(pixel(image, tf.toPixel(2.3, 6.7)), left), 3);
    EXPECT_LE(distance(pixel(image, tf.toPixel(7.7, 3.3)), right), 3);
}

TEST(PlotRenderer, LogisticShadingFollowsTheProbability)
{
    PlotScene scene = baseScene();
    scene.hasModel = true;
    scene.rule = Rule::Logistic;
    scene.model = plab::learning::Model::classic({{1, 0}, -5}); // p = sigmoid(x1 - 5)
    const Theme theme = Theme::light();
    const QImage image = render(scene, theme);
    const ViewTransform tf = transformOf(scene);
    const double y = 6.7;
    // Far from the boundary: nearly the full tint (p = 0.0180 and 0.9820: alpha * 0.964).
    EXPECT_LE(distance(pixel(image, tf.toPixel(1.0, y)),
                       blend(theme.plotBackground, theme.classColors[0], theme.shadingAlpha)),
              4);
    EXPECT_LE(distance(pixel(image, tf.toPixel(9.0, y)),
                       blend(theme.plotBackground, theme.classColors[1], theme.shadingAlpha)),
              4);
    // Towards the boundary the tint fades smoothly. The blue channel of vermillion is 0, so on
    // white it drops by exactly the tint's alpha: 38 * (2 sigmoid(x1 - 5) - 1).
    const std::pair<double, double> table[] = {
        {5.3, 5.66}, {5.9, 16.03}, {6.7, 26.26}, {7.3, 31.08}};
    for (const auto& [x1, alpha] : table) {
        const int drop = 255 - pixel(image, tf.toPixel(x1, y)).blue();
        EXPECT_NEAR(drop, alpha, 1.5) << "x1 = " << x1;
    }
}

TEST(PlotRenderer, PointsShowTheirClassColourAtTheirCentres)
{
    const Dataset data({{{2.2, 2.2}, 0}, {{7.7, 3.3}, 1}});
    PlotScene scene = baseScene();
    scene.data = &data;
    scene.dataRevision = 1;
    const Theme theme = Theme::light();
    const ViewTransform tf = transformOf(scene);
    for (bool vector : {false, true}) {
        scene.vectorPoints = vector;
        const QImage image = render(scene, theme);
        EXPECT_LE(distance(pixel(image, tf.toPixel(data.point(0))), theme.classColors[0]), 8);
        EXPECT_LE(distance(pixel(image, tf.toPixel(data.point(1))), theme.classColors[1]), 8);
    }
}

TEST(PlotRenderer, MisclassifiedPointsGetARedRing)
{
    const Dataset data({{{2.2, 2.2}, 0}, {{7.7, 3.3}, 1}});
    PlotScene scene = baseScene();
    scene.data = &data;
    scene.dataRevision = 1;
    scene.misclassified = {1};
    const Theme theme = Theme::light();
    const QImage image = render(scene, theme);
    const ViewTransform tf = transformOf(scene);
    const double ring = 0.5 * theme.markerSize + 3.0;
    EXPECT_LE(
        distance(pixel(image, tf.toPixel(data.point(1)) + QPointF(ring, 0)), theme.errorOutline),
        40);
    EXPECT_GT(
        distance(pixel(image, tf.toPixel(data.point(0)) + QPointF(ring, 0)), theme.errorOutline),
        100);
}

TEST(PlotRenderer, NoBoundaryIsDrawnWhenWIsZero)
{
    const Theme theme = Theme::light();
    PlotScene scene = baseScene();
    scene.hasModel = true;
    const ViewTransform tf = transformOf(scene);
    const QRectF area = tf.pixelRect();
    // Rows in the upper and lower quarters of the plot, away from the centred message.
    auto darkPixels = [&](const QImage& image) {
        int count = 0;
        for (double y : {area.top() + 0.2 * area.height(), area.top() + 0.8 * area.height()})
            for (int x = int(area.left()) + 2; x < int(area.right()) - 2; ++x)
                if (distance(image.pixelColor(x, int(y)), theme.boundary) < 40)
                    ++count;
        return count;
    };
    scene.model = plab::learning::Model::classic({{0, 0}, -1});
    const QImage zero = render(scene, theme);
    EXPECT_EQ(darkPixels(zero), 0);
    // b < 0: every point is predicted class 0, so the whole plot carries the class-0 tint.
    EXPECT_LE(distance(pixel(zero, tf.toPixel(1.3, 8.7)),
                       blend(theme.plotBackground, theme.classColors[0], theme.shadingAlpha)),
              3);
    // The same rows do cross a boundary that exists (the check can fail).
    scene.model = plab::learning::Model::classic({{1, 0}, -5});
    EXPECT_GT(darkPixels(render(scene, theme)), 0);
}

TEST(PlotRenderer, BoundaryOutsideTheViewGetsAnEdgeArrow)
{
    const Theme theme = Theme::light();
    PlotScene scene = baseScene();
    scene.hasModel = true;
    scene.model = plab::learning::Model::classic({{0, 1}, -30}); // x2 = 30: far above the view
    const QImage image = render(scene, theme);
    const ViewTransform tf = transformOf(scene);
    const QRectF area = tf.pixelRect();
    // The arrow points up from the centre column and ends 24 px inside the top edge.
    const double x = std::floor(area.center().x()) + 0.5;
    EXPECT_LE(distance(pixel(image, QPointF(x, area.top() + 40)), theme.boundary), 30);
    // Nothing of it at the bottom edge.
    EXPECT_GT(distance(pixel(image, QPointF(x, area.bottom() - 40)), theme.boundary), 100);
}

TEST(PlotRenderer, AnUpdateShowsTheOldBoundaryDashed)
{
    const Theme theme = Theme::light();
    const Dataset data({{{8, 8}, 1}});
    PlotScene scene = baseScene();
    scene.data = &data;
    scene.dataRevision = 1;
    scene.hasModel = true;
    StepRecord step;
    step.index = 0;
    step.x = {8, 8};
    step.updated = true;
    step.before = {{0, 1}, -5}; // x2 = 5
    step.deltaW = {0.1, 0.1};
    step.after = {{0.1, 1.1}, -4}; // somewhere else
    scene.step = step;
    scene.model = plab::learning::Model::classic(step.after);
    const QImage image = render(scene, theme);
    const ViewTransform tf = transformOf(scene);
    int ghost = 0;
    int gaps = 0;
    for (double x1 = 0.3; x1 < 9.7; x1 += 0.05) {
        const QPointF p = tf.toPixel(x1, 5.0);
        if (distance(pixel(image, p), theme.ghost) < 30)
            ++ghost;
        else
            ++gaps;
    }
    EXPECT_GT(ghost, 40);
    EXPECT_GT(gaps, 20); // dashed, not solid
    // Without an update there is no ghost.
    scene.step->updated = false;
    const QImage noUpdate = render(scene, theme);
    int ghostAfter = 0;
    for (double x1 = 0.3; x1 < 9.7; x1 += 0.05)
        if (distance(pixel(noUpdate, tf.toPixel(x1, 5.0)), theme.ghost) < 30)
            ++ghostAfter;
    EXPECT_EQ(ghostAfter, 0);
}

TEST(PlotRenderer, CachedLayerPaintsTheSameAsDirectDrawing)
{
    Dataset data;
    for (int i = 0; i < 200; ++i)
        data.add({std::fmod(i * 0.737, 10.0), std::fmod(i * 0.291, 10.0)}, i % 2);
    PlotScene scene = baseScene();
    scene.data = &data;
    scene.dataRevision = 1;
    scene.hasModel = true;
    scene.model = plab::learning::Model::classic({{1, 1}, -9});
    scene.selected.assign(data.size(), 0);
    scene.selected[5] = 1;
    scene.presentation = false;
    const Theme theme = Theme::dark();

    PlotRenderer cached;
    const QImage first = render(cached, scene, theme);
    scene.model =
        plab::learning::Model::classic({{1, 0.5}, -6}); // only the model moves: the layer is reused
    const QImage second = render(cached, scene, theme);
    PlotRenderer direct;
    direct.setCachingEnabled(false);
    // Compositing through the layer may round differently by one step at overlapping edges.
    EXPECT_LE(maxDifference(second, render(direct, scene, theme)), 2);
    EXPECT_GT(maxDifference(first, second), 100);

    // New data under a new revision is drawn, not served from the stale layer.
    data.add({5.05, 5.05}, 1);
    scene.selected.push_back(0);
    scene.dataRevision = 2;
    const QImage third = render(cached, scene, theme);
    EXPECT_LE(maxDifference(third, render(direct, scene, theme)), 2);
    EXPECT_LE(
        distance(pixel(third, transformOf(scene, theme).toPixel(5.05, 5.05)), theme.classColors[1]),
        8);
}

TEST(PlotRenderer, SvgExportDrawsVectorMarkers)
{
    const Dataset data({{{2, 2}, 0}, {{7, 3}, 1}, {{4, 6}, 1}});
    PlotScene scene = baseScene();
    scene.data = &data;
    scene.dataRevision = 1;
    scene.hasModel = true;
    scene.model = plab::learning::Model::classic({{1, 1}, -9});
    scene.presentation = true;
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(kSize);
    svg.setViewBox(QRect(QPoint(0, 0), kSize));
    QPainter painter;
    ASSERT_TRUE(painter.begin(&svg));
    PlotRenderer renderer;
    renderer.paint(painter, QRectF(QPointF(0, 0), QSizeF(kSize)), scene, Theme::print());
    painter.end();
    const QByteArray text = buffer.data();
    EXPECT_FALSE(text.contains("<image")) << "points must not be a raster image in SVG";
    // Each marker is filled with its class colour (Theme::print() keeps Okabe-Ito).
    EXPECT_TRUE(text.contains("#0072b2"));
    EXPECT_TRUE(text.contains("#d55e00"));
}

/// Pixels of \p image within a small distance of \p colour.
int pixelsOf(const QImage& image, const QColor& colour)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            count += distance(image.pixelColor(x, y), colour) < 24 ? 1 : 0;
    return count;
}

TEST(PlotRenderer, AnUpdateWhoseOldBoundaryIsOutsideTheViewIsStillASum)
{
    // Adaline-like step: w before the update is not 0, but its line x1 + x2 = 30 lies outside the
    // 0..10 view. Drawing the new w alone, labelled "w = Δw", would be false: the picture must
    // show w, the update vector Δw and w + Δw, tip to tail.
    const Theme theme = Theme::light();
    const Dataset data({{{2, 2}, 0}, {{8, 8}, 1}});
    PlotScene scene = baseScene();
    scene.showWeightVector = true;
    scene.presentation = true;
    scene.data = &data;
    scene.dataRevision = 1;
    scene.hasModel = true;
    StepRecord step;
    step.index = 1;
    step.x = {8, 8};
    step.updated = true;
    step.before = {{1, 1}, -30};
    step.deltaW = {0.5, 0.5};
    step.deltaB = 20;
    step.after = {{1.5, 1.5}, -10}; // x1 + x2 = 6.67: in view
    scene.step = step;
    scene.model = plab::learning::Model::classic(step.after);
    EXPECT_GT(pixelsOf(render(scene, theme), theme.updateArrow), 20);

    // The first update from w = 0 is the update itself: one arrow, no separate update vector.
    scene.step->before = {{0, 0}, 0};
    scene.step->deltaW = {1.5, 1.5};
    scene.step->deltaB = -10;
    EXPECT_EQ(pixelsOf(render(scene, theme), theme.updateArrow), 0);
}

TEST(PlotRenderer, ArrowScaleKeepsWReadable)
{
    PlotScene scene = baseScene();
    scene.hasModel = true;
    const ViewTransform tf = transformOf(scene);               // the view is at least 10 units wide
    scene.model = plab::learning::Model::classic({{3, 0}, 0}); // |w| = 3: 30 % of 10 -> drawn as is
    EXPECT_EQ(PlotRenderer::arrowScale(scene, tf), 1.0);
    scene.model = plab::learning::Model::classic(
        {{100, 0}, 0}); // 2.5 units wanted: 0.025 -> the 1-2-5 rung below, 0.02
    EXPECT_DOUBLE_EQ(PlotRenderer::arrowScale(scene, tf), 0.02);
    scene.model = plab::learning::Model::classic({{0.1, 0}, 0}); // 25 -> 20
    EXPECT_DOUBLE_EQ(PlotRenderer::arrowScale(scene, tf), 20.0);
}

// Item 6 of issue 11: after divergence (|w| near 1e159, |w|^2 infinite) the boundary is drawn
// where the shading splits the plot; before, it was missing and a stray dot sat at the centre.
TEST(PlotRenderer, DivergedWeightsStillDrawTheirBoundary)
{
    PlotScene scene = baseScene();
    scene.view = {-3, 3, -3, 3};
    scene.hasModel = true;
    scene.showWeightVector = true;
    scene.model = plab::learning::Model::classic({{1e159, 1e159}, -1e158}); // x1 + x2 = 0.1
    const Theme theme = Theme::light();
    const QImage image = render(scene, theme);
    const ViewTransform tf = transformOf(scene);
    for (double x1 = -2.5; x1 <= 2.5; x1 += 0.5)
        EXPECT_LE(distance(pixel(image, tf.toPixel(x1, 0.1 - x1)), theme.boundary), 24) << x1;
}

/// The number of pixels within \p tolerance of \p colour inside \p box.
int pixelsNear(const QImage& image, const QColor& colour, const QRectF& box, int tolerance = 40)
{
    int n = 0;
    const QRect r = box.toAlignedRect().intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            n += distance(image.pixelColor(x, y), colour) <= tolerance ? 1 : 0;
    return n;
}

// Issue 11: a selected misclassified point shows its selection ring beside the red one (before,
// the red ring covered it).
TEST(PlotRenderer, SelectionStaysVisibleOnMisclassifiedPoints)
{
    const Dataset data({{{2, 2}, 0}, {{7, 7}, 1}});
    PlotScene scene = baseScene();
    scene.data = &data;
    scene.dataRevision = 1;
    scene.selected = {1, 1};
    scene.misclassified = {0};
    const Theme theme = Theme::light();
    for (const bool vector : {false, true}) {
        scene.vectorPoints = vector;
        const QImage image = render(scene, theme);
        const ViewTransform tf = transformOf(scene);
        const QRectF around(tf.toPixel(data.point(0)) - QPointF(20, 20), QSizeF(40, 40));
        const QRectF aroundOther(tf.toPixel(data.point(1)) - QPointF(20, 20), QSizeF(40, 40));
        const int ring = pixelsNear(image, theme.selection, aroundOther);
        EXPECT_GT(ring, 40) << vector;
        // As much of the selection ring as on the point without a red ring, nearly.
        EXPECT_GT(pixelsNear(image, theme.selection, around), ring * 3 / 4) << vector;
        EXPECT_GT(pixelsNear(image, theme.errorOutline, around), 30) << vector;
    }
}

// Issue 11: 10^4 misclassified points do not merge into one red blob (the plot stays readable),
// and every one of them is still marked red.
TEST(PlotRenderer, DenseErrorsStayReadableAndEachIsMarked)
{
    Dataset data;
    std::uint32_t seed = 12345;
    const auto next = [&seed] {
        seed = seed * 1664525u + 1013904223u;
        return (seed >> 8) / double(1u << 24);
    };
    for (int i = 0; i < 10000; ++i)
        data.add({0.5 + 9 * next(), 0.5 + 9 * next()}, 1);
    PlotScene scene = baseScene();
    scene.data = &data;
    scene.dataRevision = 1;
    scene.hasModel = true;
    scene.model = plab::learning::Model::classic(
        {{0, 1}, -9.9}); // class 0 below x2 = 9.9: every point is wrong
    for (std::size_t i = 0; i < data.size(); ++i)
        scene.misclassified.push_back(i);
    const Theme theme = Theme::light();
    for (const bool vector : {false, true}) {
        scene.vectorPoints = vector;
        const QImage image = render(scene, theme);
        PlotScene unmarked = scene;
        unmarked.misclassified.clear();
        const QImage plain = render(unmarked, theme);
        const ViewTransform tf = transformOf(scene);
        const QRectF area = tf.pixelRect();
        const double red =
            pixelsNear(image, theme.errorOutline, area, 60) / (area.width() * area.height());
        EXPECT_LT(red, 0.3) << vector; // rings: most of the plot
        // Most of the points' own colour is still seen between the marks.
        EXPECT_GT(pixelsNear(image, theme.classColors[1], area, 30),
                  pixelsNear(plain, theme.classColors[1], area, 30) / 3)
            << vector;
        // A red mark on every point (a later mark may cover an earlier one's centre pixel).
        for (std::size_t i = 0; i < data.size(); ++i) {
            const QPointF c = tf.toPixel(data.point(i));
            ASSERT_GT(
                pixelsNear(image, theme.errorOutline, QRectF(c - QPointF(2, 2), QSizeF(4, 4)), 60),
                0)
                << "point " << i << (vector ? " (vector)" : "");
        }
    }
}

// Issue 11: w was cut off at the plot's edge. A boundary near the top with w pointing up: the
// arrow, head and label included, stays inside the plot (drawn smaller, as the note says).
TEST(PlotRenderer, TheWeightArrowIsDrawnWhole)
{
    PlotScene scene = baseScene();
    scene.hasModel = true;
    scene.showWeightVector = true;
    scene.model = plab::learning::Model::classic(
        {{0, 1}, -9}); // x2 = 9, w = (0, 1): from the line to the top edge
    const Theme theme = Theme::light();
    const QImage image = render(scene, theme);
    const QRectF area = transformOf(scene).pixelRect();
    // Above the line (its pen and halo end 4 px above it) only the arrow and its label have the
    // arrow's colour.
    const double line = transformOf(scene).toPixel(0, 9).y() - 4.0;
    int arrow = 0;
    int atTheEdge = 0;
    for (int y = int(area.top()); y < int(line); ++y)
        for (int x = int(area.left()) + 1; x < int(area.right()) - 1; ++x)
            if (distance(image.pixelColor(x, y), theme.weightArrow) <= 30) {
                ++arrow;
                atTheEdge += y < area.top() + 4 ? 1 : 0;
            }
    EXPECT_GT(arrow, 10);
    EXPECT_EQ(atTheEdge, 0);
}

} // namespace
