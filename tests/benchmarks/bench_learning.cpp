// One training epoch through the Trainer against a tight hand-written loop over the same data,
// for the online perceptron and online Adaline, at N = 10^3 ... 10^6. Built, never run as a test:
// run it by hand in a Release build and compare items (sample visits) per second.
#include "learning/generators.h"
#include "learning/trainer.h"

#include <benchmark/benchmark.h>

#include <cstddef>
#include <map>
#include <utility>

namespace {

using namespace plab::learning;

enum DataKind
{
    Noisy,     ///< overlapping blobs: about a third of the visits are mistakes
    Separated, ///< blobs with weights that already separate them: no updates at all
};

const Dataset& dataset(DataKind kind, int n)
{
    static std::map<std::pair<int, int>, Dataset> cache;
    auto it = cache.find({kind, n});
    if (it == cache.end()) {
        GeneratorParams p;
        p.seed = 42;
        p.count = n;
        const Generator g = kind == Noisy ? Generator::OverlappingBlobs : Generator::Blobs;
        it = cache.emplace(std::pair{kind, n}, generate(g, p)).first;
    }
    return it->second;
}

TrainingSettings settingsFor(Rule rule, DataKind kind)
{
    TrainingSettings s;
    s.rule = rule;
    s.learningRate = rule == Rule::Adaline ? 0.001 : 1.0;
    s.maxEpochs = kMaxEpochsLimit;
    // Epochs only: without the stop test a gradient run never ends (Adaline on these points
    // settles into a cycle within a few epochs, and finding one replays its period for the swing).
    s.tolerance = 0.0;
    if (kind == Separated) {
        // Blobs are separated by x1 = 0 by construction.
        s.init = InitKind::Given;
        s.initial = LinearModel{{1.0, 0.0}, 0.0};
    }
    return s;
}

void trainerEpoch(benchmark::State& state, Rule rule, DataKind kind)
{
    const Dataset& data = dataset(kind, int(state.range(0)));
    Trainer trainer(data, settingsFor(rule, kind));
    const TrainerState start = trainer.state();
    for (auto _ : state) {
        // A converged run goes back to its start (a copy of about 200 bytes; pausing the timer
        // would cost more than that).
        if (trainer.finished())
            trainer.restore(start);
        benchmark::DoNotOptimize(trainer.stepEpoch());
    }
    state.SetItemsProcessed(state.iterations() * std::int64_t(data.size()));
}

// The reference: the same arithmetic with nothing around it (no records, no divergence checks,
// no evaluation pass at the epoch end), zero convention "positive". It reads the copy of the data
// a Trainer holds, as the Trainer does: where a data set lands in memory alone changes the speed
// of these loops by up to 20 %, which would otherwise show up as a difference between the two.
void referencePerceptronEpoch(benchmark::State& state, DataKind kind)
{
    const Trainer owner(dataset(kind, int(state.range(0))), settingsFor(Rule::Perceptron, kind));
    const Dataset& data = owner.data();
    const double* xy = data.coordinates().data();
    const int* t = data.labels().data();
    const auto n = std::ptrdiff_t(data.size());
    const TrainingSettings s = settingsFor(Rule::Perceptron, kind);
    const double lr = s.learningRate;
    double w1 = s.initial.w.x();
    double w2 = s.initial.w.y();
    double b = s.initial.b;
    for (auto _ : state) {
        for (std::ptrdiff_t i = 0; i < n; ++i) {
            const double x1 = xy[2 * i];
            const double x2 = xy[2 * i + 1];
            const int y = w1 * x1 + w2 * x2 + b >= 0.0 ? 1 : 0;
            if (y != t[i]) {
                const double f = lr * double(t[i] - y);
                w1 += f * x1;
                w2 += f * x2;
                b += f;
            }
        }
        benchmark::DoNotOptimize(w1);
        benchmark::DoNotOptimize(w2);
        benchmark::DoNotOptimize(b);
    }
    state.SetItemsProcessed(state.iterations() * std::int64_t(n));
}

void referenceAdalineEpoch(benchmark::State& state, DataKind kind)
{
    const Trainer owner(dataset(kind, int(state.range(0))), settingsFor(Rule::Adaline, kind));
    const Dataset& data = owner.data();
    const double* xy = data.coordinates().data();
    const int* t = data.labels().data();
    const auto n = std::ptrdiff_t(data.size());
    const TrainingSettings s = settingsFor(Rule::Adaline, kind);
    const double lr = s.learningRate;
    double w1 = s.initial.w.x();
    double w2 = s.initial.w.y();
    double b = s.initial.b;
    for (auto _ : state) {
        for (std::ptrdiff_t i = 0; i < n; ++i) {
            const double x1 = xy[2 * i];
            const double x2 = xy[2 * i + 1];
            const double f = lr * ((t[i] == 1 ? 1.0 : -1.0) - (w1 * x1 + w2 * x2 + b));
            w1 += f * x1;
            w2 += f * x2;
            b += f;
        }
        benchmark::DoNotOptimize(w1);
        benchmark::DoNotOptimize(w2);
        benchmark::DoNotOptimize(b);
    }
    state.SetItemsProcessed(state.iterations() * std::int64_t(n));
}

void sizes(benchmark::internal::Benchmark* b)
{
    for (int n : {1'000, 10'000, 100'000, 1'000'000})
        b->Arg(n);
    b->Unit(benchmark::kMicrosecond);
}

BENCHMARK_CAPTURE(trainerEpoch, perceptron_noisy, Rule::Perceptron, Noisy)->Apply(sizes);
BENCHMARK_CAPTURE(referencePerceptronEpoch, perceptron_noisy, Noisy)->Apply(sizes);
BENCHMARK_CAPTURE(trainerEpoch, perceptron_separated, Rule::Perceptron, Separated)->Apply(sizes);
BENCHMARK_CAPTURE(referencePerceptronEpoch, perceptron_separated, Separated)->Apply(sizes);
BENCHMARK_CAPTURE(trainerEpoch, adaline_noisy, Rule::Adaline, Noisy)->Apply(sizes);
BENCHMARK_CAPTURE(referenceAdalineEpoch, adaline_noisy, Noisy)->Apply(sizes);

} // namespace

BENCHMARK_MAIN();
