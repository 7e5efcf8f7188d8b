// The network's speed. Built, never run as a test: run it by hand in a Release build.
//
// 1. One online epoch of a 2-H-1 tanh network (sigmoid output, cross-entropy, plain SGD, exact
//    std::tanh) through NetworkTrainer::stepEpoch against a tight hand-written loop doing the
//    same arithmetic over the same data, H = 8 and 16, N = 10^3 ... 10^6. Both start every
//    iteration from the same Glorot weights, so they do the same work; before timing, the
//    benchmark checks that one epoch of each gives the same parameters bit for bit. Compare
//    items (samples) per second; the target is the trainer within 1.5x of the loop.
// 2. The decision function of a 2-16-1 network on a 400 x 250 grid (the canvas shading) through
//    Network::decideGrid, against decide() per point (exact) and a straightforward Eigen
//    evaluation row by row. Target: decideGrid under 4 ms.
// 3. evaluate() (a whole-set pass for an epoch record) and hiddenActivations() (the hidden
//    layer's view, every frame), for scale.
#include "learning/generators.h"
#include "learning/network.h"
#include "learning/networktrainer.h"
#include "learning/random.h"
#include "tightloop.h"

#include <Eigen/Core>
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstddef>
#include <map>
#include <vector>

namespace {

using namespace plab::learning;
using plab::bench::TightLoop;

constexpr double kRate = 0.03;

const Dataset& blobs(int n)
{
    static std::map<int, Dataset> cache;
    auto it = cache.find(n);
    if (it == cache.end()) {
        GeneratorParams p;
        p.seed = 42;
        p.count = n;
        it = cache.emplace(n, generate(Generator::OverlappingBlobs, p)).first;
    }
    return it->second;
}

Network startNetwork(int hidden)
{
    NetworkShape s;
    s.hidden = {hidden};
    s.activation = Activation::Tanh;
    return Network::glorot(s, 1);
}

template <int H>
void referenceOnlineEpoch(benchmark::State& state)
{
    const Dataset& data = blobs(int(state.range(0)));
    const Network start = startNetwork(H);
    const auto n = std::ptrdiff_t(data.size());
    for (auto _ : state) {
        TightLoop<H> loop(start);
        loop.epoch(data.coordinates().data(), data.labels().data(), n, kRate);
        benchmark::DoNotOptimize(loop.c);
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations() * std::int64_t(n));
}

template <int H>
void trainerOnlineEpoch(benchmark::State& state)
{
    const Dataset& data = blobs(int(state.range(0)));
    const Network start = startNetwork(H);
    NetworkTrainingSettings settings;
    settings.learningRate = kRate;
    NetworkTrainer trainer(start, data, settings);
    const NetworkTrainerState initial = trainer.state();
    {
        // The two compute the same thing: one epoch each, compared bit for bit.
        trainer.stepEpoch();
        TightLoop<H> loop(start);
        loop.epoch(data.coordinates().data(), data.labels().data(), std::ptrdiff_t(data.size()),
                   kRate);
        if (!loop.sameAs(trainer.network())) {
            state.SkipWithError("the trainer and the tight loop disagree");
            return;
        }
    }
    for (auto _ : state) {
        // Back to the same start each time (a restore costs about a microsecond: under 1 % of
        // the smallest epoch measured here).
        trainer.restore(initial);
        benchmark::DoNotOptimize(trainer.stepEpoch());
    }
    state.SetItemsProcessed(state.iterations() * std::int64_t(data.size()));
}

void epochSizes(benchmark::internal::Benchmark* b)
{
    for (int n : {1'000, 10'000, 100'000, 1'000'000})
        b->Arg(n);
    b->Unit(benchmark::kMicrosecond);
}

BENCHMARK(referenceOnlineEpoch<8>)->Apply(epochSizes);
BENCHMARK(trainerOnlineEpoch<8>)->Apply(epochSizes);
BENCHMARK(referenceOnlineEpoch<16>)->Apply(epochSizes);
BENCHMARK(trainerOnlineEpoch<16>)->Apply(epochSizes);

// --- The grid ---------------------------------------------------------------------------------

constexpr int kGridWidth = 400;
constexpr int kGridHeight = 250;

struct GridSetup
{
    Network network;
    std::vector<double> xs;
    std::vector<double> ys;

    explicit GridSetup(int hidden = 16, Activation a = Activation::Tanh, int classes = 2)
        : xs(kGridWidth), ys(kGridHeight)
    {
        NetworkShape s;
        s.hidden = {hidden};
        s.activation = a;
        s.classes = classes;
        network = Network::glorot(s, 3);
        Random rng(4);
        for (int l = 0; l < s.layerCount(); ++l) {
            for (int j = 0; j < network.layers()[std::size_t(l)].units(); ++j)
                (void)network.setBias(l, j, rng.uniform(-1.0, 1.0));
        }
        for (int c = 0; c < kGridWidth; ++c)
            xs[std::size_t(c)] = -6.0 + 12.0 * (c + 0.5) / kGridWidth;
        for (int r = 0; r < kGridHeight; ++r)
            ys[std::size_t(r)] = 4.0 - 8.0 * (r + 0.5) / kGridHeight;
    }
};

void gridDecideGrid(benchmark::State& state, Activation a, int classes)
{
    const GridSetup g(int(state.range(0)), a, classes);
    std::vector<Decision> out(std::size_t(kGridWidth * kGridHeight));
    for (auto _ : state) {
        g.network.decideGrid(g.xs, g.ys, out);
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations() * kGridWidth * kGridHeight);
}

void gridDecideExact(benchmark::State& state)
{
    const GridSetup g(int(state.range(0)));
    std::vector<Decision> out(std::size_t(kGridWidth * kGridHeight));
    for (auto _ : state) {
        for (std::size_t r = 0; r < g.ys.size(); ++r) {
            for (std::size_t c = 0; c < g.xs.size(); ++c)
                out[r * g.xs.size() + c] = g.network.decide({g.xs[c], g.ys[r]});
        }
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations() * kGridWidth * kGridHeight);
}

/// The straightforward way: Eigen, one row of the grid at a time, exact tanh.
void gridEigenRowByRow(benchmark::State& state)
{
    const GridSetup g(int(state.range(0)));
    const Eigen::MatrixXd& W = g.network.layers()[0].W;
    const Eigen::VectorXd& b = g.network.layers()[0].b;
    const Eigen::RowVectorXd v = g.network.layers()[1].W.row(0);
    const double c = g.network.layers()[1].b(0);
    std::vector<Decision> out(std::size_t(kGridWidth * kGridHeight));
    Eigen::Matrix2Xd X(2, kGridWidth);
    X.row(0) = Eigen::Map<const Eigen::RowVectorXd>(g.xs.data(), kGridWidth);
    for (auto _ : state) {
        for (int r = 0; r < kGridHeight; ++r) {
            X.row(1).setConstant(g.ys[std::size_t(r)]);
            const Eigen::MatrixXd H = ((W * X).colwise() + b).array().tanh().matrix();
            const Eigen::RowVectorXd z = (v * H).array() + c;
            for (int k = 0; k < kGridWidth; ++k) {
                const double p = 1.0 / (1.0 + std::exp(-z[k]));
                out[std::size_t(r * kGridWidth + k)] = {z[k] > 0.0 ? 1 : 0,
                                                        z[k] > 0.0 ? p : 1.0 - p};
            }
        }
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations() * kGridWidth * kGridHeight);
}

BENCHMARK_CAPTURE(gridDecideGrid, tanh, Activation::Tanh, 2)
    ->Arg(8)
    ->Arg(16)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(gridDecideGrid, relu, Activation::Relu, 2)
    ->Arg(16)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(gridDecideGrid, tanh_softmax8, Activation::Tanh, 8)
    ->Arg(16)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(gridDecideExact)->Arg(16)->Unit(benchmark::kMillisecond);
BENCHMARK(gridEigenRowByRow)->Arg(16)->Unit(benchmark::kMillisecond);

// --- Whole-set passes ---------------------------------------------------------------------------

void evaluatePass(benchmark::State& state)
{
    const Dataset& data = blobs(int(state.range(0)));
    const Network n = startNetwork(16);
    for (auto _ : state)
        benchmark::DoNotOptimize(evaluate(n, data));
    state.SetItemsProcessed(state.iterations() * std::int64_t(data.size()));
}

void hiddenView(benchmark::State& state)
{
    const Dataset& data = blobs(int(state.range(0)));
    const Network n = startNetwork(16);
    for (auto _ : state)
        benchmark::DoNotOptimize(n.hiddenActivations(data.points()));
    state.SetItemsProcessed(state.iterations() * std::int64_t(data.size()));
}

BENCHMARK(evaluatePass)->Apply(epochSizes);
BENCHMARK(hiddenView)->Arg(10'000)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
