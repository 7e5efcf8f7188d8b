// The network panel's repaint (issue 13: under 4 ms for a 2-16-16-1 network): one paint of
// render::NetworkPainter into a QImage the size of the panel (offscreen). Measures, never asserts.
//
//   Frame        a new model (training moved it, or a weight was typed): the whole picture, every
//                unit's image computed again (Network::hiddenActivations, Model::probabilities).
//   Hover        the same model, the mouse moved: the panel's kept picture and the highlight.
//
// The argument is the panel's width; the height is 3/4 of it (a dock at 1280 x 720 is about 400
// wide, a projector-sized panel 1200).
//
// Where a Frame's time goes (perf, and each part left out in turn; 800 x 600, 2-16-16-1): about
// 80 % stroking the 337 antialiased connections, whose cost grows with their length and width,
// 7 % the units' pictures, the rest the nodes, texts and fill. Drawing the connections with one
// pen in one drawLines() call, as one QPainterPath, into an RGB32 image, or with a hand-written
// coverage rasterizer measured within 10 % of QPainter's own strokes; filling them as one path
// 100 times slower.
#include "learning/network.h"
#include "render/networkpainter.h"

#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <benchmark/benchmark.h>

using namespace plab;

namespace {

render::NetworkScene scene(std::vector<int> hidden, std::uint64_t seed)
{
    learning::NetworkShape shape;
    shape.hidden = std::move(hidden);
    render::NetworkScene s;
    s.model = learning::Model::of(learning::Network::glorot(shape, seed));
    s.view = io::ViewBox{-2.0, 2.0, -1.5, 1.5};
    return s;
}

void paint(benchmark::State& state, std::vector<int> hidden, bool hover)
{
    const int width = int(state.range(0));
    const QSize size(width, width * 3 / 4);
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    const render::NetworkPainter painter;
    // Two models that alternate, as if training moved the weights between frames.
    const std::array scenes{scene(hidden, 1), scene(hidden, 2)};
    const QRectF target(QPointF(0, 0), QSizeF(size));
    // What the panel keeps between paints: the picture without a highlight.
    QImage frame(size, QImage::Format_ARGB32_Premultiplied);
    {
        QPainter p(&frame);
        painter.paint(p, target, scenes[0]);
    }
    std::size_t k = 0;
    for (auto _ : state) {
        render::NetworkScene s = scenes[hover ? 0 : (k % 2)];
        s.highlighted = render::NetworkItem::weight(0, int(k % 16), 0);
        ++k;
        QPainter p(&image);
        if (hover) {
            p.drawImage(QPointF(0, 0), frame);
            painter.paintHighlight(p, target, s);
        } else {
            painter.paint(p, target, s);
        }
        p.end();
        benchmark::DoNotOptimize(image.constBits());
    }
    const int samples =
        render::NetworkPainter::pictureSize(painter.layout(target, scenes[0].model.shape()));
    state.counters["parameters"] = double(scenes[0].model.parameterCount());
    state.counters["samples"] = double(samples * samples);
}

void BM_Frame_2_16_16_1(benchmark::State& state)
{
    paint(state, {16, 16}, false);
}
void BM_Hover_2_16_16_1(benchmark::State& state)
{
    paint(state, {16, 16}, true);
}
void BM_Frame_2_4_1(benchmark::State& state)
{
    paint(state, {4}, false);
}
void BM_Frame_2_16_16_16_1(benchmark::State& state)
{
    paint(state, {16, 16, 16}, false);
}

BENCHMARK(BM_Frame_2_16_16_1)->Arg(400)->Arg(800)->Arg(1200)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Hover_2_16_16_1)->Arg(400)->Arg(800)->Arg(1200)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Frame_2_4_1)->Arg(400)->Arg(1200)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Frame_2_16_16_16_1)->Arg(400)->Arg(1200)->Unit(benchmark::kMillisecond);

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
