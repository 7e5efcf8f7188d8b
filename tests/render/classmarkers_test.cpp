// Up to eight classes on the plot: eight marker shapes that differ in their pixels, each class
// drawn in its own colour and shape on raster and vector devices, the first two classes as
// they always were, and a legend entry for every class.
#include "render/paintkit.h"
#include "render/plotrenderer.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>
#include <gtest/gtest.h>

#include <cmath>
#include <set>

using plab::learning::Dataset;
using plab::learning::kMaxClasses;
using namespace plab::render;

namespace {

const QSize kSize(640, 480);

QImage render(const PlotScene& scene, const Theme& theme)
{
    QImage image(kSize, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::magenta);
    QPainter painter(&image);
    PlotRenderer renderer;
    renderer.paint(painter, QRectF(QPointF(0, 0), QSizeF(kSize)), scene, theme);
    return image;
}

/// Largest per-channel difference.
int distance(const QColor& a, const QColor& b)
{
    return std::max({std::abs(a.red() - b.red()), std::abs(a.green() - b.green()),
                     std::abs(a.blue() - b.blue())});
}

/// The marker \p shape filled black on white, 64 x 64 pixels, diameter 32.
QImage markerMask(MarkerShape shape)
{
    QImage image(64, 64, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(Qt::black);
    p.drawPath(paintkit::markerPath(shape, QPointF(32, 32), 32.0));
    return image;
}

/// Pixels dark in one mask and light in the other.
int differingPixels(const QImage& a, const QImage& b)
{
    int count = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x)
            count += (qGray(a.pixel(x, y)) < 128) != (qGray(b.pixel(x, y)) < 128) ? 1 : 0;
    return count;
}

int darkPixels(const QImage& image)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            count += qGray(image.pixel(x, y)) < 128 ? 1 : 0;
    return count;
}

/// One point per class 0 ... classes-1, spread over the view (0 ... 10)^2.
Dataset onePointPerClass(int classes)
{
    Dataset data;
    for (int cls = 0; cls < classes; ++cls)
        data.add({1.0 + 1.1 * cls, 2.0 + 0.8 * cls}, cls);
    return data;
}

PlotScene sceneOf(const Dataset& data)
{
    PlotScene scene;
    scene.view = {0, 10, 0, 10};
    scene.data = &data;
    scene.showLegend = false;
    scene.showWeightVector = false;
    scene.presentation = true;
    return scene;
}

TEST(ClassMarkers, EveryClassHasItsOwnShapeAndColour)
{
    for (const Theme& theme :
         {Theme::light(), Theme::dark(), Theme::print(), Theme::highContrast()}) {
        const std::set<MarkerShape> shapes(theme.classShapes.begin(), theme.classShapes.end());
        EXPECT_EQ(int(shapes.size()), kMaxClasses) << theme.name.toStdString();
        std::set<QRgb> colours;
        for (const QColor& c : theme.classColors)
            colours.insert(c.rgb());
        EXPECT_EQ(int(colours.size()), kMaxClasses) << theme.name.toStdString();
    }
}

TEST(ClassMarkers, TheEightShapesDifferInTheirPixels)
{
    const std::array shapes{MarkerShape::Circle,  MarkerShape::Triangle,     MarkerShape::Square,
                            MarkerShape::Diamond, MarkerShape::TriangleDown, MarkerShape::Plus,
                            MarkerShape::Star,    MarkerShape::Cross};
    std::vector<QImage> masks;
    for (const MarkerShape shape : shapes)
        masks.push_back(markerMask(shape));
    const int circle = darkPixels(masks[0]);
    for (std::size_t a = 0; a < shapes.size(); ++a) {
        // Every shape about as heavy as the circle (none dominates), and inside its reach.
        const int area = darkPixels(masks[a]);
        EXPECT_GT(area, circle * 6 / 10) << "shape " << a;
        EXPECT_LT(area, circle * 12 / 10) << "shape " << a;
        const QRectF box = paintkit::markerPath(shapes[a], QPointF(32, 32), 32.0).boundingRect();
        const double reach = paintkit::markerReach(shapes[a], 32.0);
        for (const double side : {box.left(), box.right(), box.top(), box.bottom()})
            EXPECT_LE(std::abs(side - 32.0), reach + 1e-9) << "shape " << a;
        for (std::size_t b = a + 1; b < shapes.size(); ++b) {
            // A tenth of the circle's pixels at least: far beyond antialiasing, visible at a
            // glance.
            EXPECT_GT(differingPixels(masks[a], masks[b]), circle / 10)
                << "shapes " << a << " and " << b;
        }
    }
}

TEST(ClassMarkers, TheTwoClassesOfTheFirstLessonsLookAsTheyDid)
{
    // The look the lessons, figures and golden images were made with: blue circles and
    // vermillion triangles (Okabe-Ito), lighter on the dark themes.
    const Theme light = Theme::light();
    EXPECT_EQ(light.classShapes[0], MarkerShape::Circle);
    EXPECT_EQ(light.classShapes[1], MarkerShape::Triangle);
    EXPECT_EQ(light.classColors[0].rgb(), qRgb(0x00, 0x72, 0xB2));
    EXPECT_EQ(light.classColors[1].rgb(), qRgb(0xD5, 0x5E, 0x00));
    EXPECT_EQ(Theme::print().classColors[0], light.classColors[0]);
    EXPECT_EQ(Theme::print().classColors[1], light.classColors[1]);
    EXPECT_EQ(Theme::dark().classColors[0].rgb(), qRgb(0x56, 0xB4, 0xE9));
    EXPECT_EQ(Theme::dark().classColors[1].rgb(), qRgb(0xF2, 0x7A, 0x2E));
    EXPECT_EQ(Theme::highContrast().classColors[0].rgb(), qRgb(0x56, 0xB4, 0xE9));
    EXPECT_EQ(Theme::highContrast().classColors[1].rgb(), qRgb(0xF0, 0xE4, 0x42));
    // The triangle's outline: centred on its centroid, circumradius 0.66 of the diameter.
    const QPainterPath triangle = paintkit::markerPath(MarkerShape::Triangle, QPointF(0, 0), 10.0);
    EXPECT_NEAR(triangle.boundingRect().top(), -6.6, 1e-12);
    EXPECT_NEAR(triangle.boundingRect().bottom(), 3.3, 1e-12);
    EXPECT_NEAR(triangle.boundingRect().width(), 2 * 0.866 * 6.6, 1e-12);
}

TEST(ClassMarkers, AFillCloseToThePlotsBackgroundGetsAnOutlineOfItsOwnShade)
{
    for (const Theme& theme :
         {Theme::light(), Theme::dark(), Theme::print(), Theme::highContrast()}) {
        // The two classes of the first lessons keep the theme's edge.
        EXPECT_EQ(paintkit::markerEdge(theme, theme.classColors[0]), theme.markerEdge);
        EXPECT_EQ(paintkit::markerEdge(theme, theme.classColors[1]), theme.markerEdge);
        // A fill the background's own colour would vanish without its outline: a darker
        // (lighter) one, far from the background.
        const QColor edge = paintkit::markerEdge(theme, theme.plotBackground);
        EXPECT_GT(std::abs(edge.lightness() - theme.plotBackground.lightness()), 60)
            << theme.name.toStdString();
    }
    const QColor yellow = QColor::fromRgb(0xF0E442); // Okabe-Ito's yellow on white
    EXPECT_LT(paintkit::markerEdge(Theme::light(), yellow).lightness(), yellow.lightness() / 2 + 2);
    EXPECT_EQ(paintkit::markerEdge(Theme::highContrast(), yellow),
              Theme::highContrast().markerEdge);
}

TEST(ClassMarkers, EachPointIsDrawnInItsClassColourOnRasterAndInTheSvg)
{
    const Dataset data = onePointPerClass(kMaxClasses);
    for (const Theme& theme : {Theme::light(), Theme::dark(), Theme::highContrast()}) {
        const PlotScene scene = sceneOf(data);
        const QImage image = render(scene, theme);
        const ViewTransform tf =
            PlotRenderer::transformFor(QRectF(QPointF(0, 0), QSizeF(kSize)), scene, theme);
        for (int cls = 0; cls < kMaxClasses; ++cls) {
            // The plus and the cross have their centre filled, as every other shape.
            const QPointF c = tf.toPixel(data.point(std::size_t(cls)));
            EXPECT_LE(distance(image.pixelColor(c.toPoint()), theme.classColors[std::size_t(cls)]),
                      8)
                << theme.name.toStdString() << " class " << cls;
        }
    }
    // The vector markers carry the same colours.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(kSize);
    svg.setViewBox(QRect(QPoint(0, 0), kSize));
    {
        QPainter painter(&svg);
        PlotRenderer renderer;
        renderer.paint(painter, QRectF(QPointF(0, 0), QSizeF(kSize)), sceneOf(data),
                       Theme::light());
    }
    const QByteArray text = buffer.data();
    for (const QColor& c : Theme::light().classColors)
        EXPECT_TRUE(text.contains(c.name().toLatin1())) << c.name().toStdString();
}

/// The pixels of \p image near \p colour (within 6 per channel) where \p without differs.
int legendPixelsOf(const QImage& image, const QImage& without, const QColor& colour)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (image.pixel(x, y) != without.pixel(x, y) &&
                distance(image.pixelColor(x, y), colour) <= 6)
                ++count;
    return count;
}

TEST(ClassMarkers, TheLegendListsEveryClassUpToTheLargestLabel)
{
    const Theme theme = Theme::light();
    // Classes 0, 1, 2 and 4 present: the legend lists 0 ... 4 (3 with its count of 0), no more.
    Dataset data;
    for (const int cls : {0, 1, 2, 4, 4})
        data.add({1.0 + 1.5 * cls, 8.0 - 1.2 * cls}, cls);
    PlotScene scene = sceneOf(data);
    const QImage without = render(scene, theme);
    scene.showLegend = true;
    const QImage with = render(scene, theme);
    for (int cls = 0; cls < kMaxClasses; ++cls) {
        const int pixels = legendPixelsOf(with, without, theme.classColors[std::size_t(cls)]);
        if (cls <= 4)
            EXPECT_GT(pixels, 20) << "class " << cls;
        else
            EXPECT_EQ(pixels, 0) << "class " << cls;
    }
    // While editing, the active class joins the legend.
    scene.presentation = false;
    scene.activeClass = 6;
    const QImage editing = render(scene, theme);
    EXPECT_GT(legendPixelsOf(editing, without, theme.classColors[6]), 20);
    EXPECT_EQ(legendPixelsOf(editing, without, theme.classColors[7]), 0);
}

} // namespace
