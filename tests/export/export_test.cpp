// Every export format written to disk and read back: SVG as XML with its size, viewBox and the
// boundary on w.x + b = 0; PNG sizes and a golden image; multi-page PDF page counts; GIF frames
// decoded with giflib; numbered frames; errors and cancelling leave nothing behind.

#include "export/clippedsvg.h"
#include "export/exporter.h"
#include "export/framepainter.h"
#include "export/gifwriter.h"
#include "exportsupport.h"
#include "learning/trainer.h"
#include "render/chartpainter.h"
#include "render/paintkit.h"
#include "render/plotrenderer.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QDomDocument>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QRegularExpression>
#include <QSvgGenerator>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <gif_lib.h>

using namespace plab;
using namespace plab::exporting;
using namespace plab::render;

namespace {

ExportOptions optionsOf(ExportFormat format, ExportLayout layout, QSizeF size)
{
    ExportOptions o;
    o.format = format;
    o.layout = layout;
    o.geometry.logical = size;
    return o;
}

ExportRequest requestFor(std::vector<int> epochs, ExportOptions options, const QString& path)
{
    ExportRequest r;
    r.source = test::andSource();
    r.epochs = std::move(epochs);
    r.options = std::move(options);
    r.path = path;
    return r;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// The SVG's affine transform attribute "matrix(a,b,c,d,e,f)" applied to \p p.
QPointF applyMatrix(const QString& transform, QPointF p)
{
    static const QRegularExpression matrix(QStringLiteral("matrix\\(([^)]*)\\)"));
    const QRegularExpressionMatch m = matrix.match(transform);
    if (!m.hasMatch())
        return p;
    const QStringList v = m.captured(1).split(u',');
    const double a = v[0].toDouble(), b = v[1].toDouble(), c = v[2].toDouble(), d = v[3].toDouble(),
                 e = v[4].toDouble(), f = v[5].toDouble();
    return {a * p.x() + c * p.y() + e, b * p.x() + d * p.y() + f};
}

TEST(SvgExport, ParsesWithTheRequestedSizeAndViewBox)
{
    const auto source = test::andSource();
    const std::vector<ExportFrame> frames{epochFrame(*source, 5)};
    ExportOptions options = optionsOf(ExportFormat::Svg, ExportLayout::Single, {800, 600});
    options.caption = true;
    const QByteArray svg = renderSvg(*source, frames, options);

    QDomDocument doc;
    const auto parsed = doc.setContent(svg);
    ASSERT_TRUE(parsed) << "the SVG is not well-formed XML";
    const QDomElement root = doc.documentElement();
    EXPECT_EQ(root.tagName(), u"svg");
    EXPECT_EQ(root.attribute(QStringLiteral("viewBox")).simplified(), u"0 0 800 600");
    // width/height carry the physical size: 800 px at 96 dpi = 211.667 mm.
    const QString width = root.attribute(QStringLiteral("width"));
    const QString height = root.attribute(QStringLiteral("height"));
    ASSERT_TRUE(width.endsWith(u"mm"));
    EXPECT_NEAR(width.chopped(2).toDouble() * 96.0 / 25.4, 800.0, 0.05);
    EXPECT_NEAR(height.chopped(2).toDouble() * 96.0 / 25.4, 600.0, 0.05);
    // Real shapes and text, no embedded raster.
    EXPECT_TRUE(doc.elementsByTagName(QStringLiteral("image")).isEmpty());
    bool captionFound = false;
    const QDomNodeList texts = doc.elementsByTagName(QStringLiteral("text"));
    for (int i = 0; i < texts.size(); ++i)
        captionFound |= texts.at(i).toElement().text().startsWith(u"Epoch 5 \u00b7 w = (2, 1)");
    EXPECT_TRUE(captionFound) << "the caption is text, not paths";
}

TEST(SvgExport, BoundaryEndPointsLieOnTheLine)
{
    const auto source = test::andSource();
    const std::vector<ExportFrame> frames{epochFrame(*source, 2)}; // w = (2, 1), b = -1
    const ExportOptions options = optionsOf(ExportFormat::Svg, ExportLayout::Single, {900, 600});
    QDomDocument doc;
    ASSERT_TRUE(doc.setContent(renderSvg(*source, frames, options)));

    // The boundary: the polyline stroked in the theme's boundary colour at its width.
    const Theme& theme = options.theme;
    const QString colour = theme.boundary.name();
    const QString width = QString::number(theme.boundaryWidth);
    std::vector<QPointF> ends;
    const QDomNodeList lines = doc.elementsByTagName(QStringLiteral("polyline"));
    for (int i = 0; i < lines.size(); ++i) {
        const QDomElement line = lines.at(i).toElement();
        const QDomElement group = line.parentNode().toElement();
        if (group.attribute(QStringLiteral("stroke")) != colour ||
            group.attribute(QStringLiteral("stroke-width")) != width)
            continue;
        const QStringList points =
            line.attribute(QStringLiteral("points")).split(u' ', Qt::SkipEmptyParts);
        ASSERT_EQ(points.size(), 2);
        for (const QString& point : points) {
            const QStringList xy = point.split(u',');
            ends.push_back(applyMatrix(group.attribute(QStringLiteral("transform")),
                                       {xy[0].toDouble(), xy[1].toDouble()}));
        }
    }
    ASSERT_EQ(ends.size(), 2u) << "exactly one boundary line";

    // Back to the world with the renderer's own view transform: both ends satisfy
    // 2 x1 + x2 - 1 = 0 to within a tenth of a pixel, and lie on the plot's border.
    const FramePainter painter(*source, options);
    const QRectF content = painter.contentRect(QRectF(0, 0, 900, 600));
    const PlotScene scene = sceneFor(*source, frames.front(), true);
    const ViewTransform tf = PlotRenderer::transformFor(content, scene, theme);
    const double tolerance = 0.1 / tf.pixelsPerUnitX() * std::sqrt(5.0);
    for (const QPointF& end : ends) {
        const Eigen::Vector2d x = tf.toWorld(end);
        EXPECT_NEAR(2.0 * x.x() + x.y() - 1.0, 0.0, tolerance) << x.transpose();
        const QRectF area = tf.pixelRect();
        const double border =
            std::min({std::abs(end.x() - area.left()), std::abs(end.x() - area.right()),
                      std::abs(end.y() - area.top()), std::abs(end.y() - area.bottom())});
        EXPECT_LT(border, 0.1);
    }
    EXPECT_GT(QLineF(ends[0], ends[1]).length(), 100.0);
}

/// Shapes across a clip rectangle, as the plot's layers draw them: a thick line, a polyline, a
/// ring and a filled marker on the edge, an arrow head, a shape wholly outside.
void paintAcrossAClip(QPainter& painter)
{
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.fillRect(QRectF(0, 0, 400, 300), Qt::white);
    painter.save();
    painter.scale(2.0, 2.0); // a transform under the clip, as a storyboard panel may have
    painter.setClipRect(QRectF(40, 30, 110, 80));
    painter.setPen(QPen(Qt::black, 3.0));
    painter.drawLine(QPointF(20, 20), QPointF(180, 140));
    painter.drawPolyline(QPolygonF{QPointF(60, 10), QPointF(100, 60), QPointF(170, 60)});
    painter.setPen(QPen(Qt::red, 2.0));
    painter.setBrush(Qt::NoBrush);
    painter.drawEllipse(QPointF(40, 70), 8, 8);
    painter.setPen(QPen(Qt::white, 1.0));
    painter.setBrush(QColor(0, 114, 178));
    painter.drawEllipse(QPointF(150, 50), 6, 6);
    painter.drawPolygon(QPolygonF{QPointF(145, 100), QPointF(165, 105), QPointF(145, 115)});
    painter.drawRect(QRectF(160, 10, 20, 20)); // outside
    painter.restore();
    // After the clip: drawn whole.
    painter.setPen(QPen(Qt::darkGreen, 4.0));
    painter.drawLine(QPointF(10, 290), QPointF(390, 290));
}

TEST(SvgExport, ClippedAsThePngIs)
{
    const QSize size(400, 300);
    QImage png(size, QImage::Format_RGB32);
    {
        QPainter painter(&png);
        paintAcrossAClip(painter);
    }
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QSvgGenerator generator;
        generator.setOutputDevice(&buffer);
        generator.setSize(size);
        generator.setViewBox(QRectF(QPointF(0, 0), QSizeF(size)));
        ClippedSvgDevice device(generator);
        QPainter painter(&device);
        paintAcrossAClip(painter);
    }
    QImage svg(size, QImage::Format_RGB32);
    svg.fill(Qt::white);
    {
        QSvgRenderer renderer(buffer.data());
        ASSERT_TRUE(renderer.isValid());
        QPainter painter(&svg);
        renderer.render(&painter, QRectF(QPointF(0, 0), QSizeF(size)));
    }
    // Pixel by pixel: antialiasing may differ a little, a stroke or a marker over the clip's
    // edge by a lot.
    int different = 0;
    for (int y = 0; y < size.height(); ++y) {
        for (int x = 0; x < size.width(); ++x) {
            const QColor a = png.pixelColor(x, y);
            const QColor b = svg.pixelColor(x, y);
            different += std::max({std::abs(a.red() - b.red()), std::abs(a.green() - b.green()),
                                   std::abs(a.blue() - b.blue())}) > 96
                             ? 1
                             : 0;
        }
    }
    // Along the cut edges a few dozen pixels differ (a raster clip does not antialias them);
    // without clipping, the spilled shapes made 3750.
    EXPECT_LT(different, 200);
    EXPECT_FALSE(buffer.data().contains("<image")); // still shapes
    if (qEnvironmentVariableIsSet("PLAB_SVG_SHOTS")) {
        png.save(QStringLiteral("/tmp/hx3/clip-png.png"));
        svg.save(QStringLiteral("/tmp/hx3/clip-svg.png"));
    }
}

TEST(PngExport, HasTheRequestedPixelSizeAndResolution)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("and.png"));
    ExportOptions options = optionsOf(ExportFormat::Png, ExportLayout::Single, {640, 360});
    options.geometry.scale = 2.0;
    options.geometry.dpi = 192.0;
    const ExportResult result = runExport(requestFor({5}, options, path));
    ASSERT_TRUE(result.ok()) << result.error.value_or(QString()).toStdString();
    EXPECT_EQ(result.files, QStringList{path});
    const QImage image(path);
    EXPECT_EQ(image.size(), QSize(1280, 720));
    EXPECT_NEAR(image.dotsPerMeterX() * 0.0254, 192.0, 0.1);

    // A printed size: 80 x 45 mm at 300 dpi = 944.9 x 531.5 -> 945 x 531 (rounded) pixels.
    const auto geometry = geometryFor({80, 45, SizeSpec::Unit::Millimetres});
    options.geometry = geometry.value();
    ASSERT_TRUE(runExport(requestFor({5}, options, path)).ok());
    EXPECT_EQ(QImage(path).size(), QSize(945, 531));
}

/// Fraction of pixels whose colours differ by more than \p tolerance in some channel.
double differingFraction(const QImage& a, const QImage& b, int tolerance)
{
    const QImage x = a.convertToFormat(QImage::Format_RGB32);
    const QImage y = b.convertToFormat(QImage::Format_RGB32);
    qint64 differing = 0;
    for (int row = 0; row < x.height(); ++row) {
        const auto* p = reinterpret_cast<const QRgb*>(x.constScanLine(row));
        const auto* q = reinterpret_cast<const QRgb*>(y.constScanLine(row));
        for (int col = 0; col < x.width(); ++col) {
            const int d = std::max({std::abs(qRed(p[col]) - qRed(q[col])),
                                    std::abs(qGreen(p[col]) - qGreen(q[col])),
                                    std::abs(qBlue(p[col]) - qBlue(q[col]))});
            differing += d > tolerance ? 1 : 0;
        }
    }
    return double(differing) / double(qint64(x.width()) * x.height());
}

/// Compares a render with the golden file beside this test. PLAB_UPDATE_GOLDEN=1 rewrites the
/// golden files instead (look at them before committing). Text antialiasing and font versions
/// move a few edge pixels; anything beyond 0.5 % of the pixels off by more than 64 is a change
/// in the picture.
void expectGolden(const QImage& image, const QString& name)
{
    const QString path = QDir(QStringLiteral(PLAB_GOLDEN_DIR)).filePath(name);
    if (qEnvironmentVariableIntValue("PLAB_UPDATE_GOLDEN") == 1) {
        ASSERT_TRUE(image.save(path));
        return;
    }
    const QImage golden(path);
    ASSERT_FALSE(golden.isNull()) << "missing golden file " << path.toStdString();
    ASSERT_EQ(golden.size(), image.size());
    EXPECT_LT(differingFraction(image, golden, 64), 0.005) << name.toStdString();
}

TEST(GoldenImage, StillWithCaptionInTheLightTheme)
{
    const auto source = test::andSource();
    ExportOptions options = optionsOf(ExportFormat::Png, ExportLayout::Single, {560, 360});
    options.caption = true;
    options.title = QStringLiteral("AND");
    const std::vector<ExportFrame> frames{epochFrame(*source, 3)};
    expectGolden(renderImage(*source, frames, options), QStringLiteral("and-epoch3-light.png"));
}

TEST(GoldenImage, StepStoryboardInThePrintTheme)
{
    const auto source = test::andSource();
    ExportOptions options = optionsOf(ExportFormat::Png, ExportLayout::Storyboard, {960, 600});
    options.theme = Theme::print();
    const auto frames = selectFrames(*source, {1}, true).value();
    ASSERT_EQ(frames.size(), 4u);
    expectGolden(renderImage(*source, frames, options),
                 QStringLiteral("and-epoch1-steps-print.png"));
}

TEST(GoldenImage, ComparisonNoticesAChangedPicture)
{
    // The tolerance is not so loose that another epoch would pass as the same picture.
    const auto source = test::andSource();
    const ExportOptions options = optionsOf(ExportFormat::Png, ExportLayout::Single, {560, 360});
    const std::vector<ExportFrame> three{epochFrame(*source, 3)};
    const std::vector<ExportFrame> four{epochFrame(*source, 4)};
    EXPECT_GT(differingFraction(renderImage(*source, three, options),
                                renderImage(*source, four, options), 64),
              0.005);
}

/// "/Type /Page" objects (not "/Type /Pages") in a PDF.
int pageCount(const QByteArray& pdf)
{
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?!s)"));
    int n = 0;
    for (auto it = page.globalMatch(QString::fromLatin1(pdf)); it.hasNext(); it.next())
        ++n;
    return n;
}

TEST(PdfExport, OnePagePerRequestedEpoch)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pages.pdf"));
    const ExportOptions options = optionsOf(ExportFormat::Pdf, ExportLayout::Pages, {640, 360});
    const ExportResult result = runExport(requestFor({0, 1, 2, 5}, options, path));
    ASSERT_TRUE(result.ok()) << result.error.value_or(QString()).toStdString();
    const QByteArray pdf = readAll(path);
    ASSERT_TRUE(pdf.startsWith("%PDF-"));
    EXPECT_EQ(pageCount(pdf), 4);
    // 640 x 360 px at 96 dpi = 480 x 270 pt, on every page.
    static const QRegularExpression box(QStringLiteral("/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)\\]"));
    int boxes = 0;
    for (auto it = box.globalMatch(QString::fromLatin1(pdf)); it.hasNext(); ++boxes) {
        const QRegularExpressionMatch m = it.next();
        EXPECT_DOUBLE_EQ(m.captured(1).toDouble(), 480.0);
        EXPECT_DOUBLE_EQ(m.captured(2).toDouble(), 270.0);
    }
    EXPECT_EQ(boxes, 4);

    // A still and a storyboard are one page each.
    ASSERT_TRUE(
        runExport(requestFor({0, 1, 2, 5},
                             optionsOf(ExportFormat::Pdf, ExportLayout::Storyboard, {1280, 720}),
                             path))
            .ok());
    EXPECT_EQ(pageCount(readAll(path)), 1);
}

TEST(GifExport, DecodesToTheRequestedFramesAndSize)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("and.gif"));
    ExportOptions options = optionsOf(ExportFormat::Gif, ExportLayout::Animation, {320, 180});
    options.geometry.scale = 1.5;
    options.gif.frameDelayMs = 300;
    options.gif.lastFramePauseMs = 2000;
    options.gif.loopCount = 0;
    const ExportResult result = runExport(requestFor({0, 1, 2, 3, 4, 5}, options, path));
    ASSERT_TRUE(result.ok()) << result.error.value_or(QString()).toStdString();

    int error = 0;
    GifFileType* gif = DGifOpenFileName(QFile::encodeName(path).constData(), &error);
    ASSERT_NE(gif, nullptr) << GifErrorString(error);
    ASSERT_EQ(DGifSlurp(gif), GIF_OK) << GifErrorString(gif->Error);
    EXPECT_EQ(gif->ImageCount, 6);
    EXPECT_EQ(gif->SWidth, 480);
    EXPECT_EQ(gif->SHeight, 270);
    GraphicsControlBlock first{};
    GraphicsControlBlock last{};
    ASSERT_EQ(DGifSavedExtensionToGCB(gif, 0, &first), GIF_OK);
    ASSERT_EQ(DGifSavedExtensionToGCB(gif, gif->ImageCount - 1, &last), GIF_OK);
    EXPECT_EQ(first.DelayTime, 30); // centiseconds
    EXPECT_EQ(last.DelayTime, 200);
    // Looping forever: the NETSCAPE2.0 block (giflib files it with the first image) followed by
    // the sub-block 1, repeats 0 (little endian).
    const SavedImage& image = gif->SavedImages[0];
    int loopAt = -1;
    for (int i = 0; i + 1 < image.ExtensionBlockCount; ++i) {
        const ExtensionBlock& b = image.ExtensionBlocks[i];
        if (b.Function == APPLICATION_EXT_FUNC_CODE && b.ByteCount == 11 &&
            std::memcmp(b.Bytes, "NETSCAPE2.0", 11) == 0)
            loopAt = i;
    }
    ASSERT_GE(loopAt, 0) << "no loop extension";
    const ExtensionBlock& loop = image.ExtensionBlocks[loopAt + 1];
    ASSERT_EQ(loop.ByteCount, 3);
    EXPECT_EQ(loop.Bytes[0], 1);
    EXPECT_EQ(loop.Bytes[1], 0);
    EXPECT_EQ(loop.Bytes[2], 0);
    // The first frame's background keeps the theme's exact colour (the palette holds it).
    const GifColorType bg =
        gif->SColorMap->Colors[gif->SavedImages[0].RasterBits[2 * gif->SWidth + 2]];
    EXPECT_EQ(qRgb(bg.Red, bg.Green, bg.Blue), Theme::light().background.rgb());
    DGifCloseFile(gif, &error);
}

TEST(GifPalette, KeepsTheThemeColoursExactly)
{
    for (const Theme& theme :
         {Theme::light(), Theme::dark(), Theme::print(), Theme::highContrast()}) {
        PaletteMapper mapper(gifPaletteFor(theme, 2));
        EXPECT_LE(mapper.palette().size(), 256u);
        for (const QColor& c : {theme.background, theme.plotBackground, theme.classColors[0],
                                theme.classColors[1], theme.boundary, theme.text}) {
            EXPECT_EQ(mapper.palette()[mapper.indexOf(c.rgb())], c.rgb() | 0xff000000u)
                << theme.name.toStdString() << ' ' << c.name().toStdString();
        }
        // Any other colour goes to a near entry (the cube's spacing is 51 per channel).
        const QRgb odd = qRgb(77, 130, 200);
        const QRgb mapped = mapper.palette()[mapper.indexOf(odd)];
        EXPECT_LE(std::abs(qRed(mapped) - 77) + std::abs(qGreen(mapped) - 130) +
                      std::abs(qBlue(mapped) - 200),
                  80);
    }
}

/// The largest difference of one channel between two colours.
int channelDistance(QRgb a, QRgb b)
{
    return std::max({std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)),
                     std::abs(qBlue(a) - qBlue(b))});
}

TEST(GifPalette, HoldsEveryClassItsTintAndItsHeatMap)
{
    for (const Theme& theme :
         {Theme::light(), Theme::dark(), Theme::print(), Theme::highContrast()}) {
        for (const int classes : {3, 8}) {
            PaletteMapper mapper(gifPaletteFor(theme, classes));
            ASSERT_LE(mapper.palette().size(), 256u);
            const auto mapped = [&](QRgb c) { return mapper.palette()[mapper.indexOf(c)]; };
            const QRgb plot = theme.plotBackground.rgb();
            for (int k = 0; k < int(learning::kMaxClasses); ++k) {
                const QRgb colour = theme.classColors[std::size_t(k)].rgb();
                EXPECT_EQ(mapped(colour), colour | 0xff000000u)
                    << theme.name.toStdString() << " class " << k;
                if (!theme.shading) // print: no regions
                    continue;
                // The flat tint, as the renderer blends it (render/modelgeometry.cpp).
                const QColor tint = paintkit::blend(
                    theme.plotBackground, theme.classColors[std::size_t(k)], theme.shadingAlpha);
                EXPECT_LE(channelDistance(mapped(tint.rgb()), tint.rgb()), 1)
                    << theme.name.toStdString() << " tint " << k;
                if (k >= classes)
                    continue;
                // The heat map: every lightness between the plot's colour and the tint.
                for (int a = 0; a <= theme.shadingAlpha; ++a) {
                    const QRgb heat =
                        paintkit::blend(theme.plotBackground, theme.classColors[std::size_t(k)], a)
                            .rgb();
                    EXPECT_LE(channelDistance(mapped(heat), heat), 3)
                        << theme.name.toStdString() << " class " << k << " alpha " << a;
                }
            }
            EXPECT_EQ(mapped(plot), plot | 0xff000000u);
        }
    }
}

/// Three clusters, classes 0, 1 and 2, in a square of side 4.
learning::Dataset threeClasses()
{
    std::vector<learning::Sample> samples;
    for (int i = 0; i < 4; ++i) {
        const double d = 0.15 * i;
        samples.push_back({{-1.0 + d, -1.0}, 0});
        samples.push_back({{1.0 - d, -1.0 + d}, 1});
        samples.push_back({{0.0 + d, 1.2}, 2});
    }
    return learning::Dataset(std::move(samples));
}

/// The first frame of the GIF at \p path, in RGB32.
QImage firstGifFrame(const QString& path)
{
    int error = 0;
    GifFileType* gif = DGifOpenFileName(QFile::encodeName(path).constData(), &error);
    if (!gif)
        return {};
    QImage out;
    if (DGifSlurp(gif) == GIF_OK && gif->ImageCount > 0) {
        out = QImage(gif->SWidth, gif->SHeight, QImage::Format_RGB32);
        const SavedImage& frame = gif->SavedImages[0];
        const ColorMapObject* map =
            frame.ImageDesc.ColorMap ? frame.ImageDesc.ColorMap : gif->SColorMap;
        for (int y = 0; y < out.height(); ++y)
            for (int x = 0; x < out.width(); ++x) {
                const GifColorType c = map->Colors[frame.RasterBits[y * gif->SWidth + x]];
                out.setPixel(x, y, qRgb(c.Red, c.Green, c.Blue));
            }
    }
    DGifCloseFile(gif, &error);
    return out;
}

/// A GIF's first frame against the PNG of the same frame: the share of pixels more than
/// \p tolerance away in some channel.
double gifFarFromPng(const ExportSource& source, int tolerance)
{
    QTemporaryDir dir;
    const auto shared = std::make_shared<const ExportSource>(source);
    ExportRequest gif;
    gif.source = shared;
    gif.epochs = {source.history.epochCount() - 1};
    gif.options = optionsOf(ExportFormat::Gif, ExportLayout::Animation, {360, 270});
    gif.path = dir.filePath(QStringLiteral("run.gif"));
    ExportRequest png = gif;
    png.options.format = ExportFormat::Png;
    png.options.layout = ExportLayout::Single;
    png.path = dir.filePath(QStringLiteral("run.png"));
    const ExportResult gifResult = runExport(gif);
    const ExportResult pngResult = runExport(png);
    EXPECT_TRUE(gifResult.ok()) << gifResult.error.value_or(QString()).toStdString();
    EXPECT_TRUE(pngResult.ok()) << pngResult.error.value_or(QString()).toStdString();
    const QImage a = firstGifFrame(gif.path);
    const QImage b = QImage(png.path).convertToFormat(QImage::Format_RGB32);
    if (a.isNull() || a.size() != b.size()) {
        ADD_FAILURE() << "frames of " << a.width() << " x " << a.height() << " and " << b.width()
                      << " x " << b.height();
        return 1.0;
    }
    std::int64_t far = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x)
            far += channelDistance(a.pixel(x, y), b.pixel(x, y)) > tolerance;
    return double(far) / double(a.width() * a.height());
}

TEST(GifExport, ThreeClassRegionsKeepTheirColours)
{
    // A three-class perceptron (Kesler): flat tints in each class's colour.
    learning::TrainingSettings linear;
    linear.classes = 3;
    linear.maxEpochs = 20;
    const io::ViewBox view{-2.0, 2.0, -1.5, 1.5};
    const ExportSource flat = trainedSource(threeClasses(), linear, view);
    // Antialiased edges, markers and text go to the cube, the regions not (with only two classes'
    // colours in the palette, a quarter of the picture was more than 3 away).
    EXPECT_LT(gifFarFromPng(flat, 3), 0.06);

    // A three-class network: the heat map's lightness in each class's colour.
    learning::TrainingSettings network = linear;
    network.model = learning::ModelKind::Network;
    network.hidden = {4};
    network.learningRate = 0.1;
    network.init = learning::InitKind::Random;
    EXPECT_LT(gifFarFromPng(trainedSource(threeClasses(), network, view), 3), 0.06);
}

TEST(FramesExport, OneNumberedFilePerFrame)
{
    QTemporaryDir dir;
    const QString pattern = dir.filePath(QStringLiteral("and.svg"));
    ExportRequest request =
        requestFor({0, 1}, optionsOf(ExportFormat::Svg, ExportLayout::Frames, {400, 300}), pattern);
    request.steps = true;
    const ExportResult result = runExport(request);
    ASSERT_TRUE(result.ok()) << result.error.value_or(QString()).toStdString();
    const QStringList expected{
        dir.filePath(QStringLiteral("and-epoch000.svg")),
        dir.filePath(QStringLiteral("and-epoch001-sample01.svg")),
        dir.filePath(QStringLiteral("and-epoch001-sample02.svg")),
        dir.filePath(QStringLiteral("and-epoch001-sample03.svg")),
        dir.filePath(QStringLiteral("and-epoch001-sample04.svg")),
    };
    EXPECT_EQ(result.files, expected);
    for (const QString& file : expected)
        EXPECT_TRUE(QDomDocument().setContent(readAll(file))) << file.toStdString();
    // Nothing else: the staging folder is gone.
    EXPECT_EQ(
        QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).size(),
        5);
}

TEST(Atomicity, AnUnwritableFileIsNamedAndNothingIsLeft)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing/and.png"));
    const ExportResult result = runExport(
        requestFor({5}, optionsOf(ExportFormat::Png, ExportLayout::Single, {400, 300}), path));
    ASSERT_TRUE(result.error);
    EXPECT_TRUE(result.error->contains(QDir::toNativeSeparators(path)));
    EXPECT_FALSE(result.error->contains(u'\n'));
    EXPECT_FALSE(QFileInfo::exists(path));
}

TEST(Atomicity, CancellingKeepsThePreviousFileAndWritesNoFrames)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pages.pdf"));
    {
        QFile old(path);
        ASSERT_TRUE(old.open(QIODevice::WriteOnly));
        old.write("previous");
    }
    int calls = 0;
    const auto cancelAtTwo = [&calls](int done, int) {
        ++calls;
        return done < 2;
    };
    ExportResult result =
        runExport(requestFor({0, 1, 2, 3},
                             optionsOf(ExportFormat::Pdf, ExportLayout::Pages, {400, 300}), path),
                  cancelAtTwo);
    EXPECT_TRUE(result.cancelled);
    EXPECT_TRUE(result.files.isEmpty());
    EXPECT_EQ(readAll(path), "previous");
    EXPECT_EQ(calls, 3); // 0 of 4, 1 of 4, 2 of 4 -> cancelled

    const QString pattern = dir.filePath(QStringLiteral("frame.png"));
    result = runExport(requestFor({0, 1, 2, 3},
                                  optionsOf(ExportFormat::Png, ExportLayout::Frames, {400, 300}),
                                  pattern),
                       [](int done, int) { return done < 2; });
    EXPECT_TRUE(result.cancelled);
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
              QStringList{QStringLiteral("pages.pdf")});
}

TEST(Requests, ExplainWhatCannotBeExported)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("x.png"));
    // Several frames in a single image.
    ExportResult r = runExport(
        requestFor({1, 2}, optionsOf(ExportFormat::Png, ExportLayout::Single, {400, 300}), path));
    ASSERT_TRUE(r.error);
    EXPECT_TRUE(r.error->contains(QStringLiteral("one frame")));
    // Pages as PNG.
    r = runExport(
        requestFor({1, 2}, optionsOf(ExportFormat::Png, ExportLayout::Pages, {400, 300}), path));
    ASSERT_TRUE(r.error);
    EXPECT_FALSE(QFileInfo::exists(path));
}

TEST(Frames, ReplayGivesTheVisitsOfTheRecordedRun)
{
    // Recorded by single-stepping through two epochs...
    learning::Trainer trainer(test::andData(), learning::TrainingSettings{});
    std::vector<learning::StepRecord> recorded;
    while (recorded.size() < 8)
        recorded.push_back(trainer.stepSample().step);
    // ...and replayed from a history trained by whole epochs.
    const auto source = test::andSource();
    std::vector<learning::StepRecord> replayed = replayEpoch(*source, 1);
    const std::vector<learning::StepRecord> second = replayEpoch(*source, 2);
    replayed.insert(replayed.end(), second.begin(), second.end());
    EXPECT_EQ(replayed, recorded);
    EXPECT_TRUE(replayEpoch(*source, 0).empty());
    EXPECT_TRUE(replayEpoch(*source, 6).empty()); // beyond the run
}

/// "1 error", "3 errors": the plural forms come from the loaded translation (English has its
/// own .ts file for them), so the tests take them from the same place.
QString errors(int n)
{
    return QCoreApplication::translate("plab::exporting::ExportSource", "%n error(s)", nullptr, n);
}

TEST(Charts, CurvesAndMarkerInsideThePlot)
{
    // Errors stuck at their maximum (the pocket on XOR) must not hide under the frame.
    const learning::Dataset data(
        {{{0.0, 0.0}, 0}, {{1.0, 1.0}, 0}, {{0.0, 1.0}, 1}, {{1.0, 0.0}, 1}});
    const auto snapshot = [](int epoch) {
        learning::EpochSnapshot s;
        s.epoch = epoch;
        s.errors = 2;
        s.loss = 0.5;
        s.learningRate = 1.0;
        s.state.epoch = epoch;
        return s;
    };
    learning::History history(snapshot(0), std::make_shared<const learning::Replayer>(
                                               data, learning::TrainingSettings{}));
    for (int e = 1; e <= 10; ++e)
        history.append(snapshot(e));
    const ChartSeries series{&history, true, true};
    const Theme theme = Theme::light();
    QImage image(800, 450, QImage::Format_RGB32);
    QPainter painter(&image);
    const QRectF target(0, 0, 800, 450);
    ChartPainter::paint(painter, target, series, ChartPainter::Kind::Errors, 5.0, theme);
    painter.end();
    const QRectF area =
        ChartPainter::layout(
            ChartPainter::decimate(target, series, ChartPainter::Kind::Errors, theme), 5.0, theme)
            .area;
    const auto count = [&](QRgb wanted, int column) {
        int n = 0;
        for (int y = int(area.top()) + 2; y < int(area.bottom()) - 2; ++y)
            for (int x = int(area.left()) + 2; x < int(area.right()) - 2; ++x)
                if ((column < 0 || std::abs(x - column) <= 2) && image.pixel(x, y) == wanted)
                    ++n;
        return n;
    };
    // The errors curve (vermillion) runs across the plot, a few pixels inside it.
    EXPECT_GT(count(qRgb(0xD5, 0x5E, 0x00), -1), int(area.width()) / 2);
    // The marker at epoch 5 of 0..10 is in the middle, in the highlight colour, full height.
    const int middle = int(std::lround(area.left() + 0.5 * area.width()));
    EXPECT_GT(count(theme.highlight.rgb(), middle), int(area.height()) - 10);
}

TEST(Charts, TheMarkerIsAtTheEpochShown)
{
    // The window shows epoch 2 of 0..5: the exported chart marks epoch 2, as the window's does.
    const auto source = test::andSource();
    for (const auto content : {ExportContent::ErrorChart, ExportContent::WeightChart}) {
        ExportRequest request;
        request.source = source;
        request.position = 2;
        request.options.content = content;
        request.options.geometry.logical = QSizeF(800, 450);
        const auto frames = framesFor(request);
        ASSERT_TRUE(frames.has_value());
        ASSERT_EQ(frames.value().size(), 1u);
        EXPECT_EQ(frames.value().front().chartEpoch, 2.0);
        const QImage image = renderImage(*source, frames.value(), request.options);
        const Theme& theme = request.options.theme;
        const auto kind = content == ExportContent::ErrorChart ? ChartPainter::Kind::Errors
                                                               : ChartPainter::Kind::Weights;
        const QRectF target(0, 0, 800, 450);
        const ChartPainter::Layout l = ChartPainter::layout(
            ChartPainter::decimate(target, ChartSeries::of(source->history, source->settings), kind,
                                   theme),
            2.0, theme);
        // The column of the highlight colour running the plot's height.
        int best = -1;
        int bestCount = 0;
        for (int x = int(l.area.left()); x < int(l.area.right()); ++x) {
            int n = 0;
            for (int y = int(l.area.top()) + 2; y < int(l.area.bottom()) - 2; ++y)
                n += image.pixel(x, y) == theme.highlight.rgb() ? 1 : 0;
            if (n > bestCount) {
                bestCount = n;
                best = x;
            }
        }
        EXPECT_GT(bestCount, int(l.area.height()) / 2);
        const double expected = l.area.left() + 2.0 / 5.0 * l.area.width();
        EXPECT_NEAR(best, expected, 2.0);
    }
}

TEST(Captions, SayEpochWeightsBiasAndErrors)
{
    const auto source = test::andSource();
    EXPECT_EQ(captionText(*source, epochFrame(*source, 3)),
              QStringLiteral("Epoch 3 · w = (2, 1) · b = \u22122 · ") + errors(1));
    EXPECT_EQ(captionText(*source, epochFrame(*source, 0)),
              QStringLiteral("Epoch 0 · w = (0, 0) · b = 0 · ") + errors(3));
    EXPECT_TRUE(errors(1).startsWith(u"1 error"));
    // The first visit of epoch 1: x = (0, 0) is misclassified (net 0 -> class 1), b -> -1.
    const ExportFrame visit = stepFrame(*source, replayEpoch(*source, 1).front());
    EXPECT_EQ(captionText(*source, visit),
              QStringLiteral("Epoch 1 · sample 1/4 · x = (0, 0) · updated · w = (0, 0) · "
                             "b = \u22121 · ") +
                  errors(1));
    EXPECT_EQ(captionNumber(0.30000000000000004), QStringLiteral("0.3"));
}

} // namespace
