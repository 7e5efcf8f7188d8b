// Engine overhead: epochs per second through the whole TrainingController (worker thread, time
// slices, mailbox, coalesced delivery to this thread's event loop), and how often the GUI thread
// is woken. The perceptron on overlapping blobs never converges, so every run goes to its limit.
//
// Targets (issue 2): >= 10^5 epochs/s at N = 100, and at most about 60 deliveries/s.
// Arguments: the epoch limit, and whether the GUI side appends every batch to a learning::History
// as the window does (1) or only counts (0). The CPU column is this (the GUI) thread's CPU time:
// far below the wall-clock Time column means the GUI thread kept up with the worker.
//
// The same for a 2-16-1 tanh network (issue 12: within 1.5x of the tight loop's epochs/s at
// N = 100, the GUI fed at display rate), next to that loop (tightloop.h) over the same data from
// the same weights. Each engine epoch is a training pass and the evaluation pass its record needs
// (errors, loss: a second forward pass with the epoch's final weights), which the engine runs on a
// second core while the next epoch trains (Trainer::runEpochs); the loop does the first only.
// With two threads the honest figure is epochs_per_s over the wall clock on a machine whose two
// cores are free (docs/models.md measures it at real-time priority, chrt -f 1), next to
// epochs_per_cpu_s over the CPU time of the whole process (every thread).

#include "engine/trainingcontroller.h"
#include "learning/generators.h"
#include "learning/history.h"
#include "learning/network.h"
#include "learning/trainer.h"
#include "tightloop.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <ctime>
#include <memory>

namespace {

using namespace plab;

constexpr double kNetworkRate = 0.03;

double processCpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}

learning::Dataset blobs100()
{
    learning::GeneratorParams params;
    params.count = 100;
    params.seed = 3;
    return learning::generate(learning::Generator::OverlappingBlobs, params);
}

learning::Network network16()
{
    learning::NetworkShape shape;
    shape.hidden = {16};
    shape.activation = learning::Activation::Tanh;
    return learning::Network::glorot(shape, 1);
}

void sessionEpochs(benchmark::State& state, const learning::TrainingSettings& settings)
{
    const learning::Dataset data = blobs100();
    const bool keepHistory = state.range(1) != 0;

    std::int64_t epochs = 0;
    std::int64_t deliveries = 0;
    std::int64_t largestBatch = 0;
    double seconds = 0.0;
    double cpuSeconds = 0.0;
    for (auto _ : state) {
        engine::TrainingController controller;
        learning::History history;
        bool restarted = false;
        QObject::connect(&controller, &engine::TrainingController::restarted, &controller,
                         [&](const learning::EpochSnapshot& initial) {
                             history.restart(initial, std::make_shared<const learning::Replayer>(
                                                          data, settings));
                             restarted = true;
                         });
        QObject::connect(&controller, &engine::TrainingController::eventsReady, &controller,
                         [&](const engine::TrainingEvents& batch) {
                             epochs += std::int64_t(batch.size());
                             largestBatch = std::max(largestBatch, std::int64_t(batch.size()));
                             ++deliveries;
                             if (keepHistory)
                                 history.append(batch);
                         });
        controller.setProblem(data, settings);
        while (!restarted)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);

        QElapsedTimer clock;
        clock.start();
        const double cpuStart = processCpuSeconds();
        controller.train();
        while (controller.isRunning())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        const double elapsed = double(clock.nsecsElapsed()) * 1e-9;
        cpuSeconds += processCpuSeconds() - cpuStart;
        state.SetIterationTime(elapsed);
        seconds += elapsed;
    }
    // Rates over the measured (wall-clock) time; Counter::kIsRate would divide by this thread's
    // CPU time, which is mostly idle waiting here.
    state.counters["epochs_per_s"] = double(epochs) / seconds;
    state.counters["deliveries_per_s"] = double(deliveries) / seconds;
    // Over the CPU time of the whole process (GUI, worker and evaluator threads): on a machine
    // shared with other jobs the wall clock also counts the time the worker waited for a core.
    state.counters["epochs_per_cpu_s"] = double(epochs) / cpuSeconds;
    state.counters["largest_batch"] = double(largestBatch);
}

void BM_SessionEpochs(benchmark::State& state)
{
    learning::TrainingSettings settings;
    settings.rule = learning::Rule::Perceptron;
    settings.maxEpochs = int(state.range(0));
    sessionEpochs(state, settings);
}

/// The 2-16-1 tanh network from network16()'s weights, run for epochs only (no convergence or
/// cycle stop) up to \p maxEpochs.
learning::TrainingSettings network16Settings(int maxEpochs)
{
    learning::TrainingSettings settings;
    settings.model = learning::ModelKind::Network;
    settings.hidden = {16};
    settings.activation = learning::Activation::Tanh;
    settings.learningRate = kNetworkRate;
    settings.init = learning::InitKind::Given;
    settings.initialLayers = network16().layers();
    settings.tolerance = 0.0;
    settings.maxEpochs = maxEpochs;
    return settings;
}

void BM_NetworkSessionEpochs(benchmark::State& state)
{
    sessionEpochs(state, network16Settings(int(state.range(0))));
}

// The tight loop's epochs per second on the same 100 points from the same weights.
void BM_NetworkLoopEpochs(benchmark::State& state)
{
    const learning::Dataset data = blobs100();
    const learning::Network start = network16();
    const auto n = std::ptrdiff_t(data.size());
    bench::TightLoop<16> loop(start);
    for (auto _ : state) {
        loop.epoch(data.coordinates().data(), data.labels().data(), n, kNetworkRate);
        benchmark::DoNotOptimize(loop.c);
        benchmark::ClobberMemory();
    }
    state.counters["epochs_per_s"] =
        benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate);
}

// The Trainer alone (no engine, no Qt) on N points of the same kind: runEpochs(), which evaluates
// each epoch on a second thread while the next one trains (range(1) = 1), against stepEpoch() one
// after another (0). epochs_per_s is over the wall clock, cpu_us_per_epoch over the CPU time of
// the whole process (both threads). Where the first is not well above the sequential figure, the
// hand-overs eat the gain: Trainer::runEpochs pipelines only above a minimum of work per epoch.
void BM_TrainerEpochs(benchmark::State& state)
{
    const int n = int(state.range(0));
    const bool pipelined = state.range(1) != 0;
    learning::GeneratorParams params;
    params.count = n;
    params.seed = 3;
    const learning::Dataset data =
        learning::generate(learning::Generator::OverlappingBlobs, params);
    learning::Trainer trainer(data, network16Settings(learning::kMaxEpochsLimit));
    // About 4 ms of epochs per iteration (at least 8), so that a call's start and drain are
    // amortised as in the worker's 8 ms slices.
    const std::int64_t batch = std::max<std::int64_t>(8, 16'000 / n);
    double sink = 0.0;
    std::int64_t epochs = 0;
    const double cpuStart = processCpuSeconds();
    for (auto _ : state) {
        if (pipelined) {
            epochs += trainer.runEpochs(batch, {},
                                        [&](learning::EpochSnapshot&& snap) { sink += snap.loss; });
        } else {
            for (std::int64_t i = 0; i < batch; ++i)
                sink += trainer.stepEpoch().loss;
            epochs += batch;
        }
    }
    const double cpuSeconds = processCpuSeconds() - cpuStart;
    benchmark::DoNotOptimize(sink);
    state.counters["epochs_per_s"] =
        benchmark::Counter(double(epochs), benchmark::Counter::kIsRate);
    state.counters["cpu_us_per_epoch"] = cpuSeconds * 1e6 / double(epochs);
    state.counters["pipelined_share"] =
        double(trainer.pipelineCounts().pipelined) / double(std::max<std::int64_t>(epochs, 1));
}

BENCHMARK(BM_SessionEpochs)
    ->Args({100'000, 0})
    ->Args({1'000'000, 0})
    ->Args({100'000, 1})
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(2);

BENCHMARK(BM_NetworkSessionEpochs)
    ->Args({20'000, 0})
    ->Args({20'000, 1})
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(2);
BENCHMARK(BM_NetworkLoopEpochs)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_TrainerEpochs)
    ->ArgsProduct({{4, 8, 16, 32, 100, 1000, 10'000}, {0, 1}})
    ->UseRealTime()
    ->Unit(benchmark::kMicrosecond);

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
