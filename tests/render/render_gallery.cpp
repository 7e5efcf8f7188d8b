// Renders the main states of the plot to PNG files with the real PlotRenderer, for looking at the
// renderer's output and for the images in docs/images. Not a test: run it by hand,
//   plab_render_gallery <output directory> [width height]
#include "learning/generators.h"
#include "learning/metrics.h"
#include "learning/trainer.h"
#include "render/plotrenderer.h"
#include "render/plotscene.h"
#include "render/theme.h"

#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QTextStream>

#include <optional>

using namespace plab;

namespace {

bool save(const QString& dir, const QString& name, const render::PlotScene& scene,
          const render::Theme& theme, QSize size)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    render::PlotRenderer renderer;
    renderer.paint(painter, QRectF(QPointF(0, 0), QSizeF(size)), scene, theme);
    painter.end();
    const QString path = QDir(dir).filePath(name + QStringLiteral(".png"));
    if (!image.save(path)) {
        QTextStream(stderr) << "cannot write " << path << '\n';
        return false;
    }
    QTextStream(stdout) << path << '\n';
    return true;
}

render::PlotScene sceneFor(const learning::Dataset& data, const io::ViewBox& view,
                           const learning::LinearModel& model, learning::Rule rule)
{
    render::PlotScene scene;
    scene.data = &data;
    scene.dataRevision = 1;
    scene.view = view;
    scene.model = learning::Model::classic(model);
    scene.hasModel = true;
    scene.rule = rule;
    scene.misclassified = learning::misclassified(data, model, scene.model.zero());
    scene.presentation = true;
    return scene;
}

/// The first visit, at or after \p fromEpoch, that changed w.
std::optional<learning::StepRecord> firstUpdate(learning::Trainer& trainer, int fromEpoch)
{
    while (!trainer.finished()) {
        const learning::SampleStep s = trainer.stepSample();
        if (s.step.updated && s.step.epoch >= fromEpoch && s.step.deltaW.norm() > 0.0)
            return s.step;
    }
    return std::nullopt;
}

} // namespace

int main(int argc, char** argv)
{
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        QTextStream(stderr) << "usage: plab_render_gallery <output directory> [width height]\n";
        return 2;
    }
    const QString dir = args.at(1);
    QDir().mkpath(dir);
    QSize size(1200, 800);
    if (args.size() >= 4)
        size = QSize(args.at(2).toInt(), args.at(3).toInt());
    bool ok = true;

    // AND: the trained boundary.
    const learning::Dataset andData = learning::generate(learning::Generator::And, {});
    const io::ViewBox andView{-0.6, 1.6, -0.6, 1.6};
    {
        learning::Trainer trainer(andData, learning::TrainingSettings{});
        const std::vector<learning::EpochSnapshot> run = learning::trainToEnd(trainer);
        render::PlotScene scene =
            sceneFor(andData, andView, run.back().model, learning::Rule::Perceptron);
        for (std::size_t i = run.size() > 5 ? run.size() - 5 : 0; i + 1 < run.size(); ++i)
            scene.trail.push_back(run[i].model);
        ok &= save(dir, QStringLiteral("renderer-and"), scene, render::Theme::light(), size);
        ok &= save(dir, QStringLiteral("renderer-and-dark"), scene, render::Theme::dark(), size);
        ok &= save(dir, QStringLiteral("renderer-and-high-contrast"), scene,
                   render::Theme::highContrast(), size);
    }
    // AND: one update, before and after.
    {
        learning::Trainer trainer(andData, learning::TrainingSettings{});
        if (const std::optional<learning::StepRecord> step = firstUpdate(trainer, 3)) {
            render::PlotScene scene =
                sceneFor(andData, andView, step->after, learning::Rule::Perceptron);
            scene.step = step;
            ok &= save(dir, QStringLiteral("renderer-step"), scene, render::Theme::light(), size);
            ok &=
                save(dir, QStringLiteral("renderer-step-dark"), scene, render::Theme::dark(), size);
        }
    }
    // The very first update from w = 0.
    {
        learning::Trainer trainer(andData, learning::TrainingSettings{});
        if (const std::optional<learning::StepRecord> step = firstUpdate(trainer, 1)) {
            render::PlotScene scene =
                sceneFor(andData, andView, step->after, learning::Rule::Perceptron);
            scene.step = step;
            ok &= save(dir, QStringLiteral("renderer-first-step"), scene, render::Theme::light(),
                       size);
        }
    }
    // w = 0 and a boundary outside the view.
    {
        render::PlotScene scene = sceneFor(andData, andView, {}, learning::Rule::Perceptron);
        ok &= save(dir, QStringLiteral("renderer-w-zero"), scene, render::Theme::light(), size);
        scene = sceneFor(andData, andView, {Eigen::Vector2d(1.0, 0.5), -6.0},
                         learning::Rule::Perceptron);
        ok &= save(dir, QStringLiteral("renderer-outside"), scene, render::Theme::light(), size);
        ok &=
            save(dir, QStringLiteral("renderer-outside-dark"), scene, render::Theme::dark(), size);
    }
    // Logistic regression on overlapping blobs: shading by probability.
    {
        learning::GeneratorParams params;
        params.count = 200;
        const learning::Dataset blobs =
            learning::generate(learning::Generator::OverlappingBlobs, params);
        learning::TrainingSettings settings;
        settings.rule = learning::Rule::Logistic;
        settings.learningRate = 0.1;
        settings.maxEpochs = 200;
        learning::Trainer trainer(blobs, settings);
        const std::vector<learning::EpochSnapshot> run = learning::trainToEnd(trainer);
        const render::PlotScene scene =
            sceneFor(blobs, io::fitToData(blobs), run.back().model, learning::Rule::Logistic);
        ok &= save(dir, QStringLiteral("renderer-logistic"), scene, render::Theme::light(), size);
        ok &=
            save(dir, QStringLiteral("renderer-logistic-dark"), scene, render::Theme::dark(), size);
        ok &= save(dir, QStringLiteral("renderer-logistic-print"), scene, render::Theme::print(),
                   size);
    }
    // Separable blobs with the perceptron, many points, editing chrome.
    {
        learning::GeneratorParams params;
        params.count = 400;
        const learning::Dataset blobs = learning::generate(learning::Generator::Blobs, params);
        learning::Trainer trainer(blobs, learning::TrainingSettings{});
        trainer.stepEpoch();
        render::PlotScene scene =
            sceneFor(blobs, io::fitToData(blobs), trainer.model(), learning::Rule::Perceptron);
        scene.presentation = false;
        scene.selected.assign(blobs.size(), 0);
        for (std::size_t i = 0; i < 20; ++i)
            scene.selected[i] = 1;
        ok &= save(dir, QStringLiteral("renderer-blobs"), scene, render::Theme::light(), size);
    }
    return ok ? 0 : 1;
}
