// Not a test: paints the "How big is this model?" picture (render::ScalePainter, as the window's
// view and its exports) for a project trained to its end, without a measured rate (a figure must
// be the same on every machine). scripts/make-figures.sh renders lesson 6's figure with it:
//
//   plab_scale_figure PROJECT OUT.png [THEME]     (light, dark, print, high-contrast)
#include "io/projectfile.h"
#include "learning/scale.h"
#include "learning/trainer.h"
#include "render/scalepainter.h"

#include <QGuiApplication>
#include <QImage>
#include <QPainter>

#include <cstdio>

using namespace plab;

int main(int argc, char** argv)
{
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3 && args.size() != 4) {
        std::fprintf(stderr, "usage: plab_scale_figure PROJECT OUT.png [THEME]\n");
        return 2;
    }
    const auto project = io::readProject(args[1]);
    if (!project) {
        std::fprintf(stderr, "%s\n", qPrintable(project.error().toString()));
        return 1;
    }
    const io::Project& p = project.value();
    learning::Trainer trainer(p.data, p.settings);
    const std::vector<learning::EpochSnapshot> epochs = learning::trainToEnd(trainer);

    render::ScaleScene scene;
    scene.shape = learning::modelShape(p.settings);
    scene.samples = std::int64_t(p.data.size());
    scene.cost = learning::sampleCost(p.settings, int(scene.samples));
    scene.epochs = epochs.empty() ? 0 : epochs.back().epoch;
    scene.updates = trainer.state().totalUpdates;

    QImage image(1280, 720, QImage::Format_RGB32);
    const render::Theme theme =
        args.size() == 4 ? render::Theme::fromName(args[3]) : render::Theme::light();
    image.fill(theme.background);
    QPainter painter(&image);
    render::ScalePainter(theme).paint(painter, QRectF(0, 0, 1280, 720), scene);
    painter.end();
    if (!image.save(args[2], "png")) {
        std::fprintf(stderr, "%s: cannot be written\n", qPrintable(args[2]));
        return 1;
    }
    return 0;
}
