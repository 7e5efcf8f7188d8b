// The canvas's paint: one full frame of PlotRenderer into a 1920 x 1080 QImage (offscreen), at
// 10^3, 10^4 and 10^5 points. Measures, never asserts.
//
//   Frame         the frame while training runs: only the model moves, so the cached point layer
//                 is reused (boundary, shading, trail, w, misclassified rings are redrawn).
//   FrameNewData  the points changed since the last frame (a drag, an edit): the layer is redrawn
//                 from marker sprites.
//   FrameNoCache  caching off: every frame blits every sprite.
//   FrameVector   every point as a vector shape (what exports do; here into a QImage).
#include "learning/generators.h"
#include "learning/metrics.h"
#include "render/plotrenderer.h"
#include "render/plotscene.h"
#include "render/theme.h"
#include "render/viewtransform.h"

#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <benchmark/benchmark.h>

#include <array>
#include <vector>

using namespace plab;

namespace {

const QSize kFrame(1920, 1080);

/// Blobs of N points, two models that alternate (as if training moved the boundary) and the
/// points each one misclassifies.
struct Fixture
{
    explicit Fixture(int n)
    {
        learning::GeneratorParams params;
        params.count = n;
        params.separation = 2.0; // overlapping a little: some points are misclassified
        data = learning::generate(learning::Generator::Blobs, params);
        models = {learning::LinearModel{Eigen::Vector2d(1.0, 0.3), 0.2},
                  learning::LinearModel{Eigen::Vector2d(1.1, -0.2), -0.1}};
        for (std::size_t k = 0; k < 2; ++k)
            misclassified[k] =
                learning::misclassified(data, models[k], learning::ZeroConvention::Positive);
        scene.data = &data;
        scene.dataRevision = 1;
        scene.view = io::fitToData(data);
        scene.hasModel = true;
        for (int i = 0; i < 8; ++i)
            scene.trail.push_back({Eigen::Vector2d(1.0, 0.05 * i), 0.02 * i});
    }

    void selectModel(std::size_t k)
    {
        scene.model = learning::Model::classic(models[k]);
        scene.misclassified = misclassified[k];
    }

    learning::Dataset data;
    std::array<learning::LinearModel, 2> models;
    std::array<std::vector<std::size_t>, 2> misclassified;
    render::PlotScene scene;
};

enum class Mode
{
    Frame,
    FrameNewData,
    FrameNoCache,
    FrameVector
};

void paintFrames(benchmark::State& state, Mode mode)
{
    Fixture f(int(state.range(0)));
    f.scene.vectorPoints = mode == Mode::FrameVector;
    const render::Theme theme = render::Theme::light();
    render::PlotRenderer renderer;
    renderer.setCachingEnabled(mode != Mode::FrameNoCache);
    QImage image(kFrame, QImage::Format_ARGB32_Premultiplied);
    const QRectF target(QPointF(0, 0), QSizeF(kFrame));
    {
        // Warm up: sprites and, for Frame, the point layer.
        QPainter painter(&image);
        f.selectModel(0);
        renderer.paint(painter, target, f.scene, theme);
    }
    std::size_t k = 0;
    for (auto _ : state) {
        k ^= 1;
        f.selectModel(k);
        if (mode == Mode::FrameNewData)
            ++f.scene.dataRevision;
        QPainter painter(&image);
        renderer.paint(painter, target, f.scene, theme);
        painter.end();
        benchmark::DoNotOptimize(image.constBits());
    }
    state.counters["points"] = double(f.data.size());
    state.counters["misclassified"] = double(f.misclassified[0].size());
}

void BM_Frame(benchmark::State& state)
{
    paintFrames(state, Mode::Frame);
}
void BM_FrameNewData(benchmark::State& state)
{
    paintFrames(state, Mode::FrameNewData);
}
void BM_FrameNoCache(benchmark::State& state)
{
    paintFrames(state, Mode::FrameNoCache);
}
void BM_FrameVector(benchmark::State& state)
{
    paintFrames(state, Mode::FrameVector);
}

BENCHMARK(BM_Frame)->RangeMultiplier(10)->Range(1'000, 100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FrameNewData)
    ->RangeMultiplier(10)
    ->Range(1'000, 100'000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FrameNoCache)
    ->RangeMultiplier(10)
    ->Range(1'000, 100'000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FrameVector)
    ->RangeMultiplier(10)
    ->Range(1'000, 100'000)
    ->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv)
{
    // Fonts need a QGuiApplication; offscreen unless the caller chose a platform.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
