// Engine overhead: epochs per second through the whole TrainingController (worker thread, time
// slices, mailbox, coalesced delivery to this thread's event loop), and how often the GUI thread
// is woken. The perceptron on overlapping blobs never converges, so every run goes to its limit.
//
// Targets (issue 2): >= 10^5 epochs/s at N = 100, and at most about 60 deliveries/s.
// Arguments: the epoch limit, and whether the GUI side appends every batch to a learning::History
// as the window does (1) or only counts (0). The CPU column is this (the GUI) thread's CPU time:
// far below the wall-clock Time column means the GUI thread kept up with the worker.

#include "engine/trainingcontroller.h"
#include "learning/generators.h"
#include "learning/history.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <memory>

namespace {

using namespace plab;

void BM_SessionEpochs(benchmark::State& state)
{
    learning::GeneratorParams params;
    params.count = 100;
    params.seed = 3;
    const learning::Dataset data =
        learning::generate(learning::Generator::OverlappingBlobs, params);
    learning::TrainingSettings settings;
    settings.rule = learning::Rule::Perceptron;
    settings.maxEpochs = int(state.range(0));
    const bool keepHistory = state.range(1) != 0;

    std::int64_t epochs = 0;
    std::int64_t deliveries = 0;
    std::int64_t largestBatch = 0;
    double seconds = 0.0;
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
        controller.train();
        while (controller.isRunning())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        const double elapsed = double(clock.nsecsElapsed()) * 1e-9;
        state.SetIterationTime(elapsed);
        seconds += elapsed;
    }
    // Rates over the measured (wall-clock) time; Counter::kIsRate would divide by this thread's
    // CPU time, which is mostly idle waiting here.
    state.counters["epochs_per_s"] = double(epochs) / seconds;
    state.counters["deliveries_per_s"] = double(deliveries) / seconds;
    state.counters["largest_batch"] = double(largestBatch);
}

BENCHMARK(BM_SessionEpochs)
    ->Args({100'000, 0})
    ->Args({1'000'000, 0})
    ->Args({100'000, 1})
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(2);

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
