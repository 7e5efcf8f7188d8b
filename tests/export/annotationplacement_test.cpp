// Issue 11, "the picture hides nothing": for every point of the bundled lesson projects and
// examples, and of the models the lessons train from them (lesson 3's learning rates, lesson 5's
// feature maps and networks), in the frames the lessons show (epochs, storyboard panels, step
// frames), at the sizes the docs use and in the light and print themes, the texts over the plot
// (legend, arrow labels or their key, scale note, message cards, hidden units' labels) leave the
// point's marker exactly as it is without them. And the marks grow with the page.
#include "export/exportoptions.h"
#include "export/exportsource.h"
#include "export/framepainter.h"
#include "io/datasetfile.h"
#include "io/project.h"
#include "io/projectfile.h"
#include "learning/features.h"
#include "render/paintkit.h"
#include "render/plotrenderer.h"

#include <QDir>
#include <QImage>
#include <QPainter>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

using namespace plab;
using exporting::ExportFrame;
using exporting::ExportSource;
using render::PlotRenderer;
using render::PlotScene;
using render::Theme;

namespace {

struct Lesson
{
    std::string name;
    learning::Dataset data;
    learning::TrainingSettings settings;
    io::ViewBox view;
};

/// The lesson projects with the settings their figures use, and the example data sets.
std::vector<Lesson> lessons()
{
    std::vector<Lesson> out;
    const QDir dir(QStringLiteral(PLAB_EXAMPLES_DIR));
    for (const QString& file : dir.entryList({QStringLiteral("lesson-*.json")}, QDir::Files)) {
        auto project = io::readProject(dir.filePath(file));
        EXPECT_TRUE(project.has_value()) << file.toStdString();
        if (!project)
            continue;
        out.push_back({file.toStdString(), project->data, project->settings, project->view});
        if (file.startsWith(QStringLiteral("lesson-5"))) {
            // Its feature maps and networks, as its figures train them (scripts/make-figures.sh).
            const Lesson base = out.back();
            Lesson squares = base;
            squares.settings.features = *learning::FeatureSet::of(
                {learning::Feature::X1Squared, learning::Feature::X2Squared});
            squares.name += " x1sq,x2sq";
            out.push_back(squares);
            for (const int units : {4, 8}) {
                Lesson net = base;
                net.settings.model = learning::ModelKind::Network;
                net.settings.hidden = {units};
                net.settings.init = learning::InitKind::Random;
                net.settings.learningRate = 0.5;
                net.settings.order = learning::SampleOrder::File;
                net.settings.maxEpochs = 300;
                net.name += " 2-" + std::to_string(units) + "-1";
                out.push_back(net);
            }
        }
        if (file.startsWith(QStringLiteral("lesson-3"))) {
            // The learning rates and initial weights lesson 3 compares, and its Adaline.
            const Lesson base = out.back();
            for (const double lr : {0.1, 10.0}) {
                Lesson l = base;
                l.settings.learningRate = lr;
                l.name += " lr " + std::to_string(lr);
                out.push_back(l);
            }
            Lesson adaline = base;
            adaline.settings.rule = learning::Rule::Adaline;
            adaline.settings.learningRate = 1.0;
            adaline.name += " adaline";
            out.push_back(adaline);
        }
        if (file.startsWith(QStringLiteral("lesson-2"))) {
            Lesson adaline = out.back(); // the Adaline step frames of issue 11
            adaline.settings.rule = learning::Rule::Adaline;
            adaline.settings.learningRate = 0.1;
            adaline.name += " adaline 0.1";
            out.push_back(adaline);
        }
    }
    for (const QString& file : dir.entryList({QStringLiteral("*.csv")}, QDir::Files)) {
        auto data = io::readDatasetCsv(dir.filePath(file));
        EXPECT_TRUE(data.has_value()) << file.toStdString();
        if (data)
            out.push_back({file.toStdString(), *data, {}, io::fitToData(*data)});
    }
    return out;
}

/// The frames the lessons show: the first epochs, the storyboard's, the last, and the sample
/// visits of the first \p stepEpochs epochs.
std::vector<ExportFrame> lessonFrames(const ExportSource& source, int stepEpochs)
{
    const int last = source.history.epochCount() - 1;
    std::set<int> epochs{0, 1, 2, 3, 4, 5, last};
    for (const int e : exporting::storyboardEpochs(last))
        epochs.insert(e);
    std::vector<ExportFrame> frames;
    for (const int e : epochs)
        if (e >= 0 && e <= last)
            frames.push_back(exporting::epochFrame(source, e));
    for (int e = 1; e <= std::min(stepEpochs, last); ++e)
        for (const learning::StepRecord& step : exporting::replayEpoch(source, e))
            frames.push_back(exporting::stepFrame(source, step));
    return frames;
}

QImage paint(PlotRenderer& renderer, const PlotScene& scene, const Theme& theme, QSize size)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::magenta);
    QPainter painter(&image);
    renderer.paint(painter, QRectF(QPointF(0, 0), QSizeF(size)), scene, theme);
    return image;
}

int channelDistance(QRgb a, QRgb b)
{
    return std::max({std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)),
                     std::abs(qBlue(a) - qBlue(b))});
}

/// A picture to check: a plot of \p size (a page, or a storyboard panel of a page of \p page).
struct Layout
{
    QSize size;
    QSizeF page;
    const char* what;
};

/// Fails for each point in view whose marker (the disc inside its shape) differs between the
/// pictures with and without the texts.
void expectMarkersUntouched(const Lesson& lesson, const ExportSource& source,
                            const ExportFrame& frame, const Layout& layout, const Theme& theme)
{
    PlotScene scene = exporting::sceneFor(source, frame, true);
    scene.scale = PlotRenderer::scaleFor(layout.page);
    PlotRenderer renderer;
    const QImage with = paint(renderer, scene, theme, layout.size);
    scene.showAnnotations = false;
    const QImage without = paint(renderer, scene, theme, layout.size);
    const render::ViewTransform tf =
        PlotRenderer::transformFor(QRectF(QPointF(0, 0), QSizeF(layout.size)), scene, theme);
    const QRectF area = tf.pixelRect();
    // The disc inside both shapes (the triangle's inscribed circle is a third of its size).
    const double r = 0.3 * theme.markerSize * scene.scale;
    for (std::size_t i = 0; i < source.data.size(); ++i) {
        const QPointF c = tf.toPixel(source.data.point(i));
        if (!area.adjusted(r, r, -r, -r).contains(c))
            continue;
        int changed = 0;
        for (int y = int(std::floor(c.y() - r)); y <= int(std::ceil(c.y() + r)); ++y)
            for (int x = int(std::floor(c.x() - r)); x <= int(std::ceil(c.x() + r)); ++x)
                if (std::hypot(x + 0.5 - c.x(), y + 0.5 - c.y()) <= r &&
                    channelDistance(with.pixel(x, y), without.pixel(x, y)) > 8)
                    ++changed;
        EXPECT_EQ(changed, 0) << lesson.name << ", " << layout.what << " " << layout.size.width()
                              << "x" << layout.size.height() << ", " << theme.name.toStdString()
                              << ", epoch " << frame.epoch
                              << (frame.step ? ", visit " + std::to_string(frame.step->visit) : "")
                              << ": the texts cover point " << i << " (" << source.data.point(i).x()
                              << ", " << source.data.point(i).y() << ")";
    }
}

TEST(AnnotationPlacement, NoTextHidesAPointOfTheLessons)
{
    // Stills and step frames at the docs' 720x540, the window's 1280x720 and the slide presets.
    // Not yet the storyboard panels (a few hundred pixels, e.g. 398x290 of a 1280x720 page):
    // with a dozen points some of them have no free place for every text (issue 11 stays open
    // for them).
    //
    // What is checked where, to keep the test to seconds (two pictures per frame, size and
    // theme, some 10 ms each): every epoch frame at every size, networks and feature maps
    // included. Step frames of the linear models on x1, x2 (the weight arrows and their labels
    // or key; a network's or a feature map's visit draws no text that its epoch frames do not):
    // on the small sets (up to 40 points) every visit of the first two epochs at 720x540 and
    // 1280x720 in both themes; on the larger ones (lesson 5's 100 points) the visits of the first
    // epoch at 720x540 only, the smallest plot, where the texts crowd the points most (the
    // second epoch and 1280x720 would take three times as long, and found nothing more).
    const std::vector<Layout> layouts{
        {{720, 540}, {720, 540}, "still"},     {{1280, 720}, {1280, 720}, "still"},
        {{1920, 1080}, {1920, 1080}, "still"}, {{1080, 1080}, {1080, 1080}, "still"},
        {{1600, 1200}, {1600, 1200}, "still"},
    };
    for (const Lesson& lesson : lessons()) {
        const ExportSource source =
            exporting::trainedSource(lesson.data, lesson.settings, lesson.view);
        const bool large = lesson.data.size() > 40;
        const learning::ModelShape shape = source.history.shape();
        const bool linearOnX =
            shape.kind == learning::ModelKind::Linear && shape.features == learning::FeatureSet();
        const int stepEpochs = !linearOnX ? 0 : large ? 1 : 2;
        // Every frame at the two smaller sizes in both themes; the epochs at the larger ones.
        for (const ExportFrame& frame : lessonFrames(source, stepEpochs))
            for (const Layout& layout : layouts) {
                if (frame.step && layout.size.width() > (large ? 720 : 1280))
                    continue;
                expectMarkersUntouched(lesson, source, frame, layout, Theme::light());
                if (layout.size.width() <= 1280)
                    expectMarkersUntouched(lesson, source, frame, layout, Theme::print());
            }
    }
}

// Issue 11: a marker was 11 px at 1280x720 and at 3840x2160 alike. Now it grows with the page,
// the same through every format's painter: three times as wide at 4K.
TEST(AnnotationPlacement, MarkersGrowWithThePage)
{
    const learning::Dataset data({{{0, 0}, 1}, {{0.8, 0.8}, 0}});
    const ExportSource source = exporting::trainedSource(data, {}, {-1, 1, -1, 1});
    exporting::ExportOptions options;
    options.legend = false;
    const Theme theme = options.theme;
    const auto markerWidth = [&](QSize size) {
        options.geometry.logical = QSizeF(size);
        exporting::FramePainter painter(source, options);
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        QPainter p(&image);
        const ExportFrame frame = exporting::epochFrame(source, 0);
        painter.paintFrame(p, QRectF(QPointF(0, 0), QSizeF(size)), frame);
        p.end();
        // The marker's row through its centre: how many pixels have the class colour.
        PlotScene scene = exporting::sceneFor(source, frame, false);
        scene.scale = PlotRenderer::scaleFor(QSizeF(size));
        const QPointF c =
            PlotRenderer::transformFor(QRectF(QPointF(0, 0), QSizeF(size)), scene, theme)
                .toPixel(0, 0);
        int width = 0;
        for (int x = 0; x < size.width(); ++x)
            width +=
                channelDistance(image.pixel(x, int(c.y()) + 2), theme.classColors[1].rgb()) <= 30
                    ? 1
                    : 0;
        return width;
    };
    const int small = markerWidth({1280, 720});
    const int large = markerWidth({3840, 2160});
    EXPECT_GE(small, 6);
    EXPECT_NEAR(double(large) / small, 3.0, 0.5)
        << small << " px at 1280x720, " << large << " px at 3840x2160";
}

} // namespace
