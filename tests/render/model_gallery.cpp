// Renders the models beyond the classic one (class regions, the boundary's contour, hidden units'
// lines, one-vs-rest's hatching) to PNG files with the real PlotRenderer, in the light, dark and
// high-contrast themes, for looking at them. Not a test: run it by hand,
//   plab_model_gallery <output directory> [width height]
#include "learning/generators.h"
#include "learning/trainer.h"
#include "render/plotrenderer.h"
#include "render/plotscene.h"
#include "render/theme.h"

#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <QTextStream>

#include <cmath>
#include <utility>
#include <vector>

using namespace plab;

namespace {

bool save(const QString& dir, const QString& name, const render::PlotScene& scene, QSize size)
{
    bool ok = true;
    for (const render::Theme& theme :
         {render::Theme::light(), render::Theme::dark(), render::Theme::highContrast()}) {
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        QPainter painter(&image);
        render::PlotRenderer renderer;
        renderer.paint(painter, QRectF(QPointF(0, 0), QSizeF(size)), scene, theme);
        painter.end();
        const QString path =
            QDir(dir).filePath(name + QLatin1Char('-') + theme.name + QStringLiteral(".png"));
        if (!image.save(path)) {
            QTextStream(stderr) << "cannot write " << path << '\n';
            ok = false;
        } else {
            QTextStream(stdout) << path << '\n';
        }
    }
    return ok;
}

/// The scene as a PDF page in the light theme: the regions an embedded image, the rest vectors.
bool savePdf(const QString& dir, const QString& name, const render::PlotScene& scene, QSize size)
{
    const QString path = QDir(dir).filePath(name + QStringLiteral(".pdf"));
    QPdfWriter pdf(path);
    pdf.setPageSize(QPageSize(QSizeF(size) * 0.75, QPageSize::Point));
    pdf.setPageMargins(QMarginsF());
    pdf.setResolution(96);
    QPainter painter(&pdf);
    if (!painter.isActive()) {
        QTextStream(stderr) << "cannot write " << path << '\n';
        return false;
    }
    render::PlotRenderer renderer;
    renderer.paint(painter, QRectF(QPointF(0, 0), QSizeF(size)), scene, render::Theme::light());
    painter.end();
    QTextStream(stdout) << path << '\n';
    return true;
}

/// The scene as an SVG file in the light theme.
bool saveSvg(const QString& dir, const QString& name, const render::PlotScene& scene, QSize size)
{
    const QString path = QDir(dir).filePath(name + QStringLiteral(".svg"));
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    QPainter painter(&svg);
    render::PlotRenderer renderer;
    renderer.paint(painter, QRectF(QPointF(0, 0), QSizeF(size)), scene, render::Theme::light());
    painter.end();
    QTextStream(stdout) << path << '\n';
    return true;
}

/// The model \p settings train on \p data, run to the end.
learning::Model trained(const learning::Dataset& data, const learning::TrainingSettings& settings)
{
    learning::Trainer trainer(data, settings);
    (void)learning::trainToEnd(trainer);
    return trainer.answer();
}

render::PlotScene sceneFor(const learning::Dataset& data, const learning::Model& model,
                           const learning::TrainingSettings& settings)
{
    render::PlotScene scene;
    scene.data = &data;
    scene.dataRevision = 1;
    scene.view = io::fitToData(data);
    scene.model = model;
    scene.hasModel = true;
    scene.rule = settings.rule;
    scene.multiclass = settings.multiclass;
    for (std::size_t i = 0; i < data.size(); ++i)
        if (model.predict(data.point(i), data.label(i)) != data.label(i))
            scene.misclassified.push_back(i);
    scene.presentation = true;
    return scene;
}

/// Three Gaussian clouds, class k around angle 2 pi k / 3.
learning::Dataset threeClouds()
{
    learning::GeneratorParams params;
    params.count = 60;
    params.spread = 0.7;
    learning::Dataset data;
    for (int k = 0; k < 3; ++k) {
        params.seed = std::uint64_t(k + 1);
        const learning::Dataset blob = learning::generate(learning::Generator::Blobs, params);
        const double a = 2.0 * M_PI * k / 3.0 + 0.3;
        const Eigen::Vector2d centre(2.2 * std::cos(a), 2.2 * std::sin(a));
        for (std::size_t i = 0; i < blob.size(); ++i)
            if (blob.label(i) == 0) // one cloud of each blob set, moved to its centre
                data.add(blob.point(i) - Eigen::Vector2d(-params.separation / 2, 0.0) + centre, k);
    }
    return data;
}

} // namespace

int main(int argc, char** argv)
{
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        QTextStream(stderr) << "usage: plab_model_gallery <output directory> [width height]\n";
        return 2;
    }
    const QString dir = args.at(1);
    QDir().mkpath(dir);
    QSize size(1280, 720);
    if (args.size() >= 4)
        size = QSize(args.at(2).toInt(), args.at(3).toInt());
    bool ok = true;

    // A 2-8-1 tanh network on circles.
    learning::GeneratorParams params;
    params.count = 200;
    const learning::Dataset circles = learning::generate(learning::Generator::Circles, params);
    learning::TrainingSettings net;
    net.model = learning::ModelKind::Network;
    net.rule = learning::Rule::Logistic;
    net.hidden = {8};
    net.init = learning::InitKind::Random; // Glorot's uniform weights (network.h)
    net.activation = learning::Activation::Tanh;
    net.learningRate = 0.05;
    net.maxEpochs = 300;
    render::PlotScene scene = sceneFor(circles, trained(circles, net), net);
    ok &= save(dir, QStringLiteral("circles-2-8-1"), scene, size);
    ok &= savePdf(dir, QStringLiteral("circles-2-8-1"), scene, size);
    ok &= saveSvg(dir, QStringLiteral("circles-2-8-1"), scene, size);
    scene.showHiddenArrows = true;
    ok &= save(dir, QStringLiteral("circles-2-8-1-arrows"), scene, size);

    // XOR's 2-2-1 network, set by hand as lesson 4 builds it: h1 = OR, h2 = NAND, output AND.
    const learning::Dataset xor_ = learning::generate(learning::Generator::Xor, params);
    learning::ModelShape xorShape;
    xorShape.kind = learning::ModelKind::Network;
    xorShape.hidden = {2};
    Eigen::MatrixXd W(2, 2);
    W << 6.0, 6.0, -6.0, -6.0;
    Eigen::MatrixXd V(1, 2);
    V << 5.0, 5.0;
    const learning::Model xorModel(xorShape,
                                   {learning::Layer{W, Eigen::Vector2d(-3.0, 9.0)},
                                    learning::Layer{V, Eigen::VectorXd::Constant(1, -5.0)}});
    scene = sceneFor(xor_, xorModel, net);
    scene.showHiddenArrows = true;
    ok &= save(dir, QStringLiteral("xor-2-2-1"), scene, size);

    // Moons, a network on x1, x2, x1^2, x2^2: its hidden units' zero sets are conics.
    const learning::Dataset moons = learning::generate(learning::Generator::Moons, params);
    learning::TrainingSettings curved = net;
    curved.hidden = {3};
    curved.features =
        *learning::FeatureSet::of({learning::Feature::X1, learning::Feature::X2,
                                   learning::Feature::X1Squared, learning::Feature::X2Squared});
    scene = sceneFor(moons, trained(moons, curved), curved);
    ok &= save(dir, QStringLiteral("moons-squares"), scene, size);

    // Three classes: Kesler, one-vs-rest (perceptrons), softmax regression.
    const learning::Dataset three = threeClouds();
    learning::TrainingSettings kesler;
    kesler.classes = 3;
    kesler.maxEpochs = 50;
    scene = sceneFor(three, trained(three, kesler), kesler);
    ok &= save(dir, QStringLiteral("three-kesler"), scene, size);
    learning::TrainingSettings ovr = kesler;
    ovr.multiclass = learning::Multiclass::OneVsRest;
    ovr.maxEpochs = 3;
    scene = sceneFor(three, trained(three, ovr), ovr);
    ok &= save(dir, QStringLiteral("three-ovr"), scene, size);
    ok &= savePdf(dir, QStringLiteral("three-ovr"), scene, size);
    learning::TrainingSettings softmax = kesler;
    softmax.rule = learning::Rule::Logistic;
    softmax.learningRate = 0.1;
    softmax.maxEpochs = 100;
    scene = sceneFor(three, trained(three, softmax), softmax);
    ok &= save(dir, QStringLiteral("three-softmax"), scene, size);
    return ok ? 0 : 1;
}
