// The hidden layer's view (ui::HiddenView, painted by render::HiddenPainter), driven offscreen:
// its points are the network's hidden activations, the combo boxes choose what the axes show, the
// next layer's line is where w.h + b = 0, and other models get the one-line note.
#include "i18n/language.h"
#include "learning/generators.h"
#include "learning/model.h"
#include "learning/network.h"
#include "learning/networktrainer.h"
#include "render/hiddenpainter.h"
#include "render/paintkit.h"
#include "ui/panels/hiddenview.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>

#include <cmath>

using namespace plab;
using namespace Qt::StringLiterals;
using learning::Activation;
using learning::Layer;
using learning::Network;
using learning::NetworkShape;

namespace {

/// A network on (x1, x2) with the given hidden layers and weights from \p seed.
Network glorot(std::vector<int> hidden, Activation activation, std::uint64_t seed, int classes = 2)
{
    NetworkShape shape;
    shape.hidden = std::move(hidden);
    shape.activation = activation;
    shape.classes = classes;
    return Network::glorot(shape, seed);
}

learning::Dataset scatter()
{
    learning::Dataset data;
    data.add({-1.0, -0.5}, 0);
    data.add({1.5, 0.25}, 1);
    data.add({0.25, 1.75}, 0);
    data.add({-1.25, 1.0}, 1);
    return data;
}

Layer layer(Eigen::MatrixXd W, Eigen::VectorXd b)
{
    return {std::move(W), std::move(b)};
}

/// The pixel of the plane point (ha, hb), computed from the plot rectangle and the axes' ranges
/// (not through the painter's transform).
QPoint pixelOf(const render::HiddenPainter::Layout& layout, const io::ViewBox& box, double ha,
               double hb)
{
    const QRectF& plot = layout.plot;
    const double x = plot.left() + (ha - box.xMin) / (box.xMax - box.xMin) * plot.width();
    const double y = plot.bottom() - (hb - box.yMin) / (box.yMax - box.yMin) * plot.height();
    return {int(std::floor(x)), int(std::floor(y))};
}

QImage grabCanvas(ui::HiddenView& view)
{
    return view.canvas()->grab().toImage().convertToFormat(QImage::Format_RGB32);
}

/// A sizeable view, shown offscreen, with the light theme at device pixel ratio 1.
struct ShownView
{
    ui::HiddenView view;
    ShownView()
    {
        view.setTheme(render::Theme::light());
        view.resize(420, 560);
        view.show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(&view));
    }
};

bool near(QColor a, QColor b, int tolerance = 12)
{
    return std::abs(a.red() - b.red()) <= tolerance &&
           std::abs(a.green() - b.green()) <= tolerance &&
           std::abs(a.blue() - b.blue()) <= tolerance;
}

} // namespace

TEST(HiddenView, PointsAreTheHiddenActivationsOfTheShownNetwork)
{
    ShownView shown;
    const Network network = glorot({3}, Activation::Tanh, 11);
    const learning::Dataset data = scatter();
    shown.view.setModel(learning::Model::of(network), data);
    shown.view.choose(0, 2, 0);

    const Eigen::MatrixXd h = network.hiddenActivations(data.points(), 0);
    const render::HiddenPlane& plane = shown.view.plane();
    ASSERT_EQ(plane.absence, render::HiddenPlane::Absence::None);
    ASSERT_EQ(plane.points.cols(), Eigen::Index(data.size()));
    for (Eigen::Index i = 0; i < h.cols(); ++i) {
        EXPECT_EQ(plane.points(0, i), h(2, i)) << i;
        EXPECT_EQ(plane.points(1, i), h(0, i)) << i;
    }
    // tanh: both axes [-1, 1] with the stated 8% margin.
    EXPECT_DOUBLE_EQ(plane.box.xMin, -1.16);
    EXPECT_DOUBLE_EQ(plane.box.xMax, 1.16);
    EXPECT_DOUBLE_EQ(plane.box.yMin, -1.16);
    EXPECT_DOUBLE_EQ(plane.box.yMax, 1.16);

    // On screen: each point's marker, in its class's colour, where its activations put it.
    const QImage image = grabCanvas(shown.view);
    const render::HiddenPainter::Layout layout = shown.view.canvas()->paintLayout();
    const render::Theme theme = render::Theme::light();
    for (Eigen::Index i = 0; i < h.cols(); ++i) {
        const QPoint at = pixelOf(layout, plane.box, h(2, i), h(0, i));
        for (Eigen::Index j = 0; j < i; ++j) {
            const QPoint other = pixelOf(layout, plane.box, h(2, j), h(0, j));
            ASSERT_GT((at - other).manhattanLength(), 2 * int(theme.markerSize))
                << "the test's points must not overlap";
        }
        const QColor expected = theme.classColors[std::size_t(data.label(std::size_t(i)))];
        EXPECT_TRUE(near(image.pixelColor(at), expected))
            << "point " << i << " at " << at.x() << ", " << at.y() << " is "
            << image.pixelColor(at).name().toStdString();
    }
}

// In a dock as small as the window's at 1280x720, the axes keep fewer ticks rather than write
// their labels into each other ("−1.0−0.5 0.0 ..."); in a large one they keep about five.
TEST(HiddenView, TickLabelsNeverTouchInASmallDock)
{
    const render::Theme theme = render::Theme::light();
    const QFontMetricsF metrics(theme.font());
    for (const QSize size : {QSize(240, 330), QSize(320, 400), QSize(700, 800)}) {
        ShownView shown;
        shown.view.resize(size);
        QApplication::processEvents();
        shown.view.setModel(learning::Model::of(glorot({3}, Activation::Tanh, 11)), scatter());
        const render::HiddenPainter::Layout layout = shown.view.canvas()->paintLayout();
        const render::HiddenPlane& plane = shown.view.plane();
        const auto [x, y] = render::HiddenPainter(theme).ticks(layout, plane);
        SCOPED_TRACE(std::to_string(size.width()) + "x" + std::to_string(size.height()));
        ASSERT_GE(x.values.size(), 2U);
        ASSERT_GE(y.values.size(), 2U);
        const double pxPerX = layout.plot.width() / (plane.box.xMax - plane.box.xMin);
        for (std::size_t i = 1; i < x.values.size(); ++i) {
            const double half =
                0.5 * (metrics.horizontalAdvance(render::formatTick(x.values[i - 1], x)) +
                       metrics.horizontalAdvance(render::formatTick(x.values[i], x)));
            EXPECT_GT((x.values[i] - x.values[i - 1]) * pxPerX, half) << x.values[i];
        }
        const double pxPerY = layout.plot.height() / (plane.box.yMax - plane.box.yMin);
        EXPECT_GT(y.step * pxPerY, metrics.height());
        if (size.width() >= 700) {
            EXPECT_GE(x.values.size(), 5U);
        }
    }
}

TEST(HiddenView, ChoosingAUnitChangesTheAxes)
{
    ShownView shown;
    const Network network = glorot({3}, Activation::Relu, 5);
    const learning::Dataset data = scatter();
    shown.view.setModel(learning::Model::of(network), data);
    auto* unitB = shown.view.findChild<QComboBox*>(QStringLiteral("hiddenUnitB"));
    ASSERT_NE(unitB, nullptr);
    ASSERT_EQ(unitB->count(), 3);
    EXPECT_EQ(unitB->itemText(2), QStringLiteral("h3"));
    EXPECT_EQ(shown.view.plane().unitB, 1);

    unitB->setCurrentIndex(2);
    const render::HiddenPlane& plane = shown.view.plane();
    EXPECT_EQ(plane.unitB, 2);
    const Eigen::MatrixXd h = network.hiddenActivations(data.points(), 0);
    for (Eigen::Index i = 0; i < h.cols(); ++i)
        EXPECT_EQ(plane.points(1, i), h(2, i));
    // ReLU: the vertical axis now spans unit 3's activations (0 included) with the margin.
    const double hi = h.row(2).maxCoeff();
    EXPECT_DOUBLE_EQ(plane.box.yMin, -0.08 * hi);
    EXPECT_DOUBLE_EQ(plane.box.yMax, 1.08 * hi);
    // The held unit is now h2, at its mean over the data.
    ASSERT_EQ(plane.held.size(), 1u);
    EXPECT_EQ(plane.held[0].first, 1);
    EXPECT_DOUBLE_EQ(plane.held[0].second, h.row(1).sum() / 4.0);
}

TEST(HiddenView, TheOutputLineIsWhereItsNetIsZero)
{
    ShownView shown;
    // 2-2-1 tanh; the output z = h1 - h2 + 0.2: the line h2 = h1 + 0.2, class 1 below it.
    NetworkShape shape;
    shape.hidden = {2};
    const Network network(shape, {layer(Eigen::Matrix2d::Identity(), Eigen::Vector2d::Zero()),
                                  layer((Eigen::MatrixXd(1, 2) << 1.0, -1.0).finished(),
                                        Eigen::VectorXd::Constant(1, 0.2))});
    shown.view.setModel(learning::Model::of(network), learning::Dataset{});
    const render::HiddenPlane& plane = shown.view.plane();
    ASSERT_EQ(plane.next, render::HiddenPlane::Next::OutputLine);
    ASSERT_TRUE(plane.held.empty());

    const QImage image = grabCanvas(shown.view);
    const render::HiddenPainter::Layout layout = shown.view.canvas()->paintLayout();
    const render::Theme theme = render::Theme::light();
    for (const double ha : {-0.7, -0.2, 0.4}) {
        const QPoint on = pixelOf(layout, plane.box, ha, ha + 0.2);
        EXPECT_TRUE(near(image.pixelColor(on), theme.boundary, 40))
            << ha << ": " << image.pixelColor(on).name().toStdString();
    }
    // Off the line, away from the grid: the sides' tints, class 1 where z > 0.
    const QColor one =
        render::paintkit::blend(theme.plotBackground, theme.classColors[1], theme.shadingAlpha);
    const QColor zero =
        render::paintkit::blend(theme.plotBackground, theme.classColors[0], theme.shadingAlpha);
    EXPECT_TRUE(near(image.pixelColor(pixelOf(layout, plane.box, 0.63, -0.63)), one, 3));
    EXPECT_TRUE(near(image.pixelColor(pixelOf(layout, plane.box, -0.63, 0.63)), zero, 3));
}

TEST(HiddenView, MisclassifiedPointsAreRinged)
{
    ShownView shown;
    // z = h1 - h2 + 0.2 on h = tanh(x): (0.5, -0.5) is class 1 to the network, (-0.5, 0.5) class 0.
    NetworkShape shape;
    shape.hidden = {2};
    const Network network(shape, {layer(Eigen::Matrix2d::Identity(), Eigen::Vector2d::Zero()),
                                  layer((Eigen::MatrixXd(1, 2) << 1.0, -1.0).finished(),
                                        Eigen::VectorXd::Constant(1, 0.2))});
    learning::Dataset data;
    data.add({0.5, -0.5}, 0); // wrong
    data.add({-0.5, 0.5}, 0); // right
    shown.view.setModel(learning::Model::of(network), data);
    const render::HiddenPlane& plane = shown.view.plane();
    ASSERT_EQ(plane.wrong, (std::vector<char>{1, 0}));
    const QImage image = grabCanvas(shown.view);
    const render::HiddenPainter::Layout layout = shown.view.canvas()->paintLayout();
    const render::Theme theme = render::Theme::light();
    const int ring = int(std::lround(render::paintkit::errorRingRadius(theme)));
    for (int i = 0; i < 2; ++i) {
        const QPoint at = pixelOf(layout, plane.box, plane.points(0, i), plane.points(1, i));
        // Left of the marker, on the ring (the triangle's and circle's reach is smaller).
        const QColor left = image.pixelColor(at - QPoint(ring, 0));
        EXPECT_EQ(near(left, theme.errorOutline, 60), i == 0)
            << i << ": " << left.name().toStdString();
    }
}

TEST(HiddenView, AWiderLayerHoldsTheOtherUnitsAtTheirMean)
{
    ShownView shown;
    const Network network = glorot({3}, Activation::Tanh, 3);
    const learning::Dataset data = scatter();
    shown.view.setModel(learning::Model::of(network), data);
    shown.view.choose(0, 0, 1);
    const render::HiddenPlane& plane = shown.view.plane();
    const Eigen::MatrixXd h = network.hiddenActivations(data.points(), 0);
    const Layer& out = network.layers()[1];
    const double mean = h.row(2).sum() / 4.0;
    ASSERT_EQ(plane.lines.size(), 1u);
    EXPECT_EQ(plane.lines[0].model.w.x(), out.W(0, 0));
    EXPECT_EQ(plane.lines[0].model.w.y(), out.W(0, 1));
    EXPECT_DOUBLE_EQ(plane.lines[0].model.b, out.b(0) + out.W(0, 2) * mean);
    // The view says that it is a slice, and at what value.
    const QString notes = render::HiddenPainter::notes(plane).join(u'\n');
    EXPECT_TRUE(notes.contains(QStringLiteral("h3 = ") + render::paintkit::number(mean)))
        << notes.toStdString();
}

TEST(HiddenView, ManyClassesShadeTheOutputLayersRegions)
{
    ShownView shown;
    const Network network = glorot({2}, Activation::Tanh, 9, 3);
    shown.view.setModel(learning::Model::of(network), learning::Dataset{});
    const render::HiddenPlane& plane = shown.view.plane();
    ASSERT_EQ(plane.next, render::HiddenPlane::Next::OutputRegions);
    const QImage image = grabCanvas(shown.view);
    const render::HiddenPainter::Layout layout = shown.view.canvas()->paintLayout();
    const render::Theme theme = render::Theme::light();
    const Layer& out = network.layers()[1];
    int checked = 0;
    for (const double ha : {-0.93, -0.37, 0.37, 0.93}) {
        for (const double hb : {-0.93, -0.37, 0.37, 0.93}) {
            const Eigen::VectorXd z = out.W * Eigen::Vector2d(ha, hb) + out.b;
            Eigen::Index best = 0;
            z.maxCoeff(&best);
            std::vector<double> sorted(z.data(), z.data() + z.size());
            std::sort(sorted.begin(), sorted.end());
            if (sorted[2] - sorted[1] < 0.1)
                continue; // too close to a region's edge for a pixel's cell
            const QColor tint = render::paintkit::blend(
                theme.plotBackground, theme.classColors[std::size_t(best)], theme.shadingAlpha);
            ++checked;
            EXPECT_TRUE(near(image.pixelColor(pixelOf(layout, plane.box, ha, hb)), tint, 3))
                << ha << ", " << hb;
        }
    }
    EXPECT_GE(checked, 6);
}

TEST(HiddenView, ADeeperNetworksNextLayerIsDrawnAsItsUnitsLines)
{
    ShownView shown;
    const Network network = glorot({2, 3}, Activation::Tanh, 4);
    shown.view.setModel(learning::Model::of(network), scatter());
    // The first network shown starts at the layer the output reads.
    EXPECT_EQ(shown.view.plane().layer, 1);
    auto* layerChoice = shown.view.findChild<QComboBox*>(QStringLiteral("hiddenLayerChoice"));
    ASSERT_NE(layerChoice, nullptr);
    ASSERT_EQ(layerChoice->count(), 2);
    layerChoice->setCurrentIndex(0);
    const render::HiddenPlane& plane = shown.view.plane();
    EXPECT_EQ(plane.layer, 0);
    EXPECT_EQ(plane.next, render::HiddenPlane::Next::HiddenLines);
    ASSERT_EQ(plane.lines.size(), 3u);
    EXPECT_EQ(plane.lines[2].name, QStringLiteral("h\u00B23"));
    auto* unitA = shown.view.findChild<QComboBox*>(QStringLiteral("hiddenUnitA"));
    EXPECT_EQ(unitA->itemText(1), QStringLiteral("h2"));
    // The choice stays when the same network comes again (the next frame of a run).
    shown.view.setModel(learning::Model::of(network), scatter());
    EXPECT_EQ(shown.view.plane().layer, 0);
}

TEST(HiddenView, OtherModelsGetOneLineSayingWhatTheViewIsFor)
{
    ShownView shown;
    shown.view.setModel(learning::Model(), scatter());
    auto* note = shown.view.findChild<QLabel*>(QStringLiteral("hiddenNote"));
    auto* layerChoice = shown.view.findChild<QComboBox*>(QStringLiteral("hiddenLayerChoice"));
    ASSERT_NE(note, nullptr);
    EXPECT_TRUE(note->isVisible());
    EXPECT_FALSE(layerChoice->isVisible());
    EXPECT_FALSE(shown.view.canvas()->isVisible());
    EXPECT_EQ(note->text(),
              render::HiddenPainter::absenceText(render::HiddenPlane::Absence::NotNetwork));
    EXPECT_FALSE(note->text().contains(u'\n'));

    // A network without hidden layers says so; one with them brings the controls back.
    shown.view.setModel(learning::Model::of(glorot({}, Activation::Tanh, 1)), scatter());
    EXPECT_EQ(note->text(),
              render::HiddenPainter::absenceText(render::HiddenPlane::Absence::NoHiddenLayer));
    shown.view.setModel(learning::Model::of(glorot({2}, Activation::Tanh, 1)), scatter());
    EXPECT_FALSE(note->isVisible());
    EXPECT_TRUE(layerChoice->isVisible());
    EXPECT_TRUE(shown.view.canvas()->isVisible());
}

TEST(HiddenView, ExportsThePictureItShows)
{
    ShownView shown;
    shown.view.setModel(learning::Model::of(glorot({2}, Activation::Tanh, 2)), scatter());
    QTemporaryDir folder;
    ASSERT_TRUE(folder.isValid());
    QString path;
    shown.view.setFileChooser([&](const QString&, const QString&) { return path; });
    auto* exportButton = shown.view.findChild<QPushButton*>(QStringLiteral("hiddenExport"));
    path = folder.filePath(QStringLiteral("hidden.png"));
    exportButton->click();
    EXPECT_EQ(QImage(path).size(), QSize(1080, 1080));
    // SVG: the points as true shapes, the title and the axes' names as text.
    path = folder.filePath(QStringLiteral("hidden.svg"));
    exportButton->click();
    QFile svg(path);
    ASSERT_TRUE(svg.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(svg.readAll());
    EXPECT_TRUE(text.contains(QStringLiteral("Hidden layer 1"))) << text.left(400).toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral(">h2<")));
    EXPECT_FALSE(text.contains(QStringLiteral("<image")));
    path = folder.filePath(QStringLiteral("hidden.pdf"));
    exportButton->click();
    QFile pdf(path);
    ASSERT_TRUE(pdf.open(QIODevice::ReadOnly));
    EXPECT_TRUE(pdf.read(5).startsWith("%PDF"));
}

namespace {

/// XOR's four corners, trained by a 2-2-1 tanh network until every corner is right (at most
/// 5000 epochs); the network before and after.
std::pair<Network, Network> trainXor(const learning::Dataset& data)
{
    const Network initial = glorot({2}, Activation::Tanh, 1);
    learning::NetworkTrainingSettings settings;
    settings.learningRate = 0.3;
    learning::NetworkTrainer trainer(initial, data, settings);
    while (trainer.epoch() < 5000 && learning::evaluate(trainer.network(), data).errors > 0)
        trainer.stepEpoch();
    // A little further, so the corners move well away from the line.
    for (int i = 0; i < 200; ++i)
        trainer.stepEpoch();
    return {initial, trainer.network()};
}

} // namespace

TEST(HiddenView, XorBecomesSeparableInTheHiddenLayer)
{
    const learning::Dataset data = learning::generate(learning::Generator::Xor, {});
    const auto [before, after] = trainXor(data);
    // Before: no line in the input plane separates XOR; after training the hidden layer has moved
    // the corners so that the output's line does: every corner on its class's side.
    EXPECT_GT(learning::evaluate(before, data).errors, 0);
    ASSERT_EQ(learning::evaluate(after, data).errors, 0);
    ShownView shown;
    shown.view.setModel(learning::Model::of(after), data);
    const render::HiddenPlane& plane = shown.view.plane();
    ASSERT_EQ(plane.points.cols(), 4);
    for (Eigen::Index i = 0; i < 4; ++i) {
        const double z = plane.lines[0].model.net(plane.points.col(i));
        EXPECT_EQ(z > 0.0, plane.labels[std::size_t(i)] == 1) << i;
    }
}

// Not a check: with PLAB_HIDDEN_SHOTS=<folder>, the view of XOR 2-2-1 before and after training,
// in English and Japanese, to look at.
TEST(HiddenView, Screenshots)
{
    const QString folder = qEnvironmentVariable("PLAB_HIDDEN_SHOTS");
    if (folder.isEmpty())
        GTEST_SKIP() << "set PLAB_HIDDEN_SHOTS to a folder to write the screenshots";
    const learning::Dataset data = learning::generate(learning::Generator::Xor, {});
    const auto [before, after] = trainXor(data);
    ShownView shown;
    shown.view.resize(420, 540);
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("ja")}) {
        i18n::installTranslations(language);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
        for (const auto& [name, network] :
             {std::pair{"before", before}, std::pair{"after", after}}) {
            shown.view.setModel(learning::Model::of(network), data);
            QCoreApplication::processEvents();
            // The names docs/images has: English without a suffix.
            const QString suffix = language == u"en"_s ? QString() : u"-"_s + language;
            const QString path =
                folder +
                QStringLiteral("/hidden-layer-xor-%1%2.png").arg(QLatin1String(name), suffix);
            EXPECT_TRUE(shown.view.grab().save(path)) << path.toStdString();
        }
    }
    i18n::installTranslations(QStringLiteral("en"));
}

// Not a check: with PLAB_HIDDEN_SHOTS=<folder>, the other pictures the view makes, to look at:
// circles with 2-3-1 (a slice), a deeper network's first layer (the next layer's lines) and three
// classes (the output layer's regions).
TEST(HiddenView, MoreScreenshots)
{
    const QString folder = qEnvironmentVariable("PLAB_HIDDEN_SHOTS");
    if (folder.isEmpty())
        GTEST_SKIP() << "set PLAB_HIDDEN_SHOTS to a folder to write the screenshots";
    learning::GeneratorParams params;
    params.count = 120;
    const learning::Dataset circles = learning::generate(learning::Generator::Circles, params);
    learning::Dataset three;
    for (int i = 0; i < 90; ++i) {
        const double angle = 2.0 * 3.141592653589793 * (i % 3) / 3.0 + 0.07 * i;
        three.add({2.0 * std::cos(angle) + 0.1 * (i % 7), 2.0 * std::sin(angle)}, i % 3);
    }
    const auto train = [](Network network, const learning::Dataset& data, int epochs) {
        learning::NetworkTrainingSettings settings;
        settings.learningRate = 0.1;
        learning::NetworkTrainer trainer(std::move(network), data, settings);
        for (int e = 0; e < epochs; ++e)
            trainer.stepEpoch();
        return trainer.network();
    };
    ShownView shown;
    shown.view.resize(420, 560);
    const auto shot = [&](const Network& network, const learning::Dataset& data, int layer,
                          const char* name) {
        shown.view.setModel(learning::Model::of(network), data);
        shown.view.choose(layer, 0, 1);
        QCoreApplication::processEvents();
        const QString path = folder + u"/hidden-layer-"_s + QLatin1String(name) + u".png"_s;
        EXPECT_TRUE(shown.view.grab().save(path)) << path.toStdString();
    };
    shot(train(glorot({3}, Activation::Tanh, 2), circles, 300), circles, 0, "circles-2-3-1");
    shot(train(glorot({4, 2}, Activation::Tanh, 3), circles, 300), circles, 0, "circles-2-4-2-1");
    shot(train(glorot({2}, Activation::Tanh, 5, 3), three, 300), three, 0, "three-classes");
    shot(train(glorot({3}, Activation::Relu, 2), circles, 300), circles, 0, "circles-relu");
}
