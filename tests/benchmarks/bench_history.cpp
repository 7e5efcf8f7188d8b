// The memory a long run keeps, and what scrubbing and forking cost (issue 9, section 4).
//
// Targets: training XOR for 10^6 epochs grows the window by less than 64 MB, 10^7 epochs by less
// than 640 MB (resident memory); Reset and New give it back; scrubbing to any epoch takes less
// than 16 ms at N <= 10^4 points and less than 100 ms at N = 10^5.
//
// - BM_HistoryMemory/E: a learning::History fed XOR epochs in batches, as the playback feeds it.
// - BM_WindowMemory/E: the real MainWindow (offscreen) trains XOR to an epoch limit of E through
//   the engine (as fast as possible), then Reset, trains again, then New. The process's resident
//   memory is read from /proc (Linux only).
// - BM_ScrubLookup/N: what the window reads from the history when the timeline moves (the
//   model, the figures, the update count), at random positions.
// - BM_ScrubWindow/N/E: the window's whole answer to a timeline move to a random position of an
//   E-epoch run on N points (TrainingPresenter::showPosition(), a refresh of the canvas, the
//   parameter panel, the chart marker and the status line, and a repaint).
// - BM_CurvesRedraw/E: one redraw of the learning curves from a history of E epochs.
// - BM_CurvesRedrawNetwork/E: the same for a 2-16-1 network (P = 65): the layers' weight sizes
//   are computed from the history's rows at every redraw; BM_WeightSizes/E: that reading alone.
// - BM_CurvesFromVectors/E: the same arithmetic on five vectors, as the widget did before.
// - BM_ForkState/N: stateAt() as far from a checkpoint as it gets (a replay of interval - 1
//   epochs): what "train from here" costs after scrubbing back.
//
// Memory counters are in MB (10^6 bytes), relative to the resident size just before training:
// growth = after training, peak = the highest during training (VmHWM, reset through
// /proc/self/clear_refs), after_reset / again / after_new = after Reset, after training again,
// after New; kept = the bytes the History itself reports. Run by hand in a Release build:
//   build/release/tests/benchmarks/bench_history --benchmark_filter=Memory/1000000/
// (offscreen by default). Run each memory benchmark in its own process for a clean peak.
#include "editor/document.h"
#include "editor/playback.h"
#include "learning/generators.h"
#include "learning/history.h"
#include "learning/trainer.h"
#include "render/chartpainter.h"
#include "support/settingssandbox.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/mainwindow/trainingpresenter.h"
#include "ui/panels/learningcurves.h"

#include <QAction>
#include <QApplication>
#include <QImage>
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

using namespace plab;

// --- Resident memory, from /proc ----------------------------------------------------------------

double residentMB()
{
    std::ifstream statm("/proc/self/statm");
    std::uint64_t size = 0;
    std::uint64_t resident = 0;
    statm >> size >> resident;
    return double(resident) * double(sysconf(_SC_PAGESIZE)) * 1e-6;
}

/// The peak resident size since the last resetPeak() (VmHWM).
double peakMB()
{
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key) {
        if (key == "VmHWM:") {
            double kB = 0.0;
            status >> kB;
            return kB * 1024.0 * 1e-6;
        }
        status.ignore(1 << 16, '\n');
    }
    return 0.0;
}

void resetPeak()
{
    std::ofstream("/proc/self/clear_refs") << "5";
}

// --- Data ----------------------------------------------------------------------------------------

learning::Dataset xorData()
{
    return learning::Dataset({{{0.0, 0.0}, 0}, {{1.0, 1.0}, 0}, {{0.0, 1.0}, 1}, {{1.0, 0.0}, 1}});
}

learning::Dataset blobs(int n)
{
    learning::GeneratorParams p;
    p.seed = 5;
    p.count = n;
    return learning::generate(learning::Generator::OverlappingBlobs, p);
}

learning::TrainingSettings settingsFor(int maxEpochs)
{
    learning::TrainingSettings s;
    s.rule = learning::Rule::Perceptron;
    s.maxEpochs = maxEpochs;
    return s;
}

// --- Memory --------------------------------------------------------------------------------------

void BM_HistoryMemory(benchmark::State& state)
{
    const int epochs = int(state.range(0));
    const learning::Dataset data = xorData();
    const learning::TrainingSettings settings = settingsFor(epochs);
    for (auto _ : state) {
        learning::Trainer trainer(data, settings);
        resetPeak();
        const double before = residentMB();
        learning::History history(trainer.initialSnapshot(),
                                  std::make_shared<const learning::Replayer>(data, settings));
        std::vector<learning::TrainingEvent> batch;
        while (!trainer.finished()) {
            batch.emplace_back(trainer.stepEpoch());
            if (batch.size() == 4096 || trainer.finished()) {
                history.append(batch);
                batch.clear();
            }
        }
        std::vector<learning::TrainingEvent>().swap(batch);
        state.counters["growth_MB"] = residentMB() - before;
        state.counters["peak_MB"] = peakMB() - before;
        state.counters["kept_MB"] = double(history.memoryBytes()) * 1e-6;
        history.restart({}, nullptr);
        state.counters["after_restart_MB"] = residentMB() - before;
    }
}
BENCHMARK(BM_HistoryMemory)
    ->Arg(1'000'000)
    ->Arg(10'000'000)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);

/// Answers the window's questions: discard unsaved work, no files.
class DiscardPrompts : public ui::UserPrompts
{
public:
    void showError(QWidget*, const QString&, const QString&) override {}
    SaveChoice askToSave(QWidget*, const QString&) override { return SaveChoice::Discard; }
    QString openFileName(QWidget*, const QString&, const QString&, const QString&) override
    {
        return {};
    }
    QString saveFileName(QWidget*, const QString&, const QString&, const QString&) override
    {
        return {};
    }
};

template <class Predicate>
void spinUntil(Predicate done)
{
    while (!done())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    // Let the views catch up with the last frame.
    for (int i = 0; i < 10; ++i)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

std::unique_ptr<ui::MainWindow> makeWindow()
{
    auto window = std::make_unique<ui::MainWindow>();
    window->setPrompts(std::make_unique<DiscardPrompts>());
    window->resize(1280, 800);
    window->show();
    window->playback()->setEpochsPerSecond(0.0);
    spinUntil([] { return true; });
    return window;
}

void BM_WindowMemory(benchmark::State& state)
{
    const int epochs = int(state.range(0));
    for (auto _ : state) {
        auto window = makeWindow();
        editor::Playback* playback = window->playback();
        window->document()->replaceData(xorData());
        window->document()->setSettings(settingsFor(epochs));
        spinUntil([&] { return playback->canAdvance(); });
        resetPeak();
        const double before = residentMB();
        playback->train();
        spinUntil([&] {
            return !playback->isRunning() && playback->history().latestEpoch().epoch == epochs;
        });
        state.counters["growth_MB"] = residentMB() - before;
        state.counters["peak_MB"] = peakMB() - before;
        state.counters["kept_MB"] = double(playback->history().memoryBytes()) * 1e-6;
        playback->reset();
        spinUntil([&] { return playback->history().size() == 1 && playback->canAdvance(); });
        state.counters["after_reset_MB"] = residentMB() - before;
        // Train again, then New.
        playback->train();
        spinUntil([&] {
            return !playback->isRunning() && playback->history().latestEpoch().epoch == epochs;
        });
        state.counters["again_MB"] = residentMB() - before;
        window->findChild<QAction*>(QStringLiteral("actionNew"))->trigger();
        spinUntil([&] { return playback->history().size() == 1; });
        state.counters["after_new_MB"] = residentMB() - before;
    }
}
BENCHMARK(BM_WindowMemory)
    ->Arg(1'000)
    ->Arg(1'000'000)
    ->Arg(10'000'000)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);

// --- Scrubbing and forking ---------------------------------------------------------------------

/// A history of a run on \p n points long enough for ten checkpoint intervals.
struct RecordedRun
{
    learning::Dataset data;
    learning::TrainingSettings settings;
    learning::History history;
};

const RecordedRun& recordedRun(int n)
{
    static std::map<int, RecordedRun> cache;
    auto it = cache.find(n);
    if (it == cache.end()) {
        RecordedRun run;
        run.data = n == 4 ? xorData() : blobs(n);
        auto replayer = std::make_shared<const learning::Replayer>(run.data, settingsFor(1));
        run.settings = settingsFor(10 * replayer->checkpointInterval());
        learning::Trainer trainer(run.data, run.settings);
        run.history.restart(trainer.initialSnapshot(), replayer);
        while (!trainer.finished())
            run.history.append(learning::TrainingEvent(trainer.stepEpoch()));
        it = cache.emplace(n, std::move(run)).first;
    }
    return it->second;
}

void BM_ScrubLookup(benchmark::State& state)
{
    const learning::History& history = recordedRun(int(state.range(0))).history;
    std::mt19937_64 random(1);
    double sink = 0.0;
    for (auto _ : state) {
        const std::size_t p = random() % history.size();
        const learning::LinearModel model = history.modelAt(p);
        const learning::EpochFigures figures = history.latestEpochAt(p);
        sink += model.b + figures.loss + double(history.totalUpdatesAt(p)) +
                (history.stepAt(p) ? 1.0 : 0.0);
    }
    benchmark::DoNotOptimize(sink);
}
BENCHMARK(BM_ScrubLookup)->Arg(4)->Arg(1'000)->Arg(10'000)->Arg(100'000);

void BM_ForkState(benchmark::State& state)
{
    const learning::History& history = recordedRun(int(state.range(0))).history;
    const int interval = history.checkpointInterval();
    std::mt19937_64 random(2);
    for (auto _ : state) {
        // The epoch just before a checkpoint: the longest replay there is.
        const int k = 1 + int(random() % 9);
        const int epoch = std::clamp(k * interval - 1, 0, history.epochCount() - 1);
        benchmark::DoNotOptimize(history.stateAt(*history.positionOfEpoch(epoch)));
    }
    state.counters["interval"] = interval;
    state.counters["epochs_replayed"] = interval - 1;
}
BENCHMARK(BM_ForkState)
    ->Arg(4)
    ->Arg(100)
    ->Arg(1'000)
    ->Arg(10'000)
    ->Arg(100'000)
    ->Unit(benchmark::kMillisecond);

/// A history of \p epochs XOR epochs (the perceptron never converges on it).
const learning::History& longXorHistory(int epochs)
{
    static std::map<int, learning::History> cache;
    auto it = cache.find(epochs);
    if (it == cache.end()) {
        const learning::TrainingSettings settings = settingsFor(epochs);
        learning::Trainer trainer(xorData(), settings);
        learning::History history(trainer.initialSnapshot(),
                                  std::make_shared<const learning::Replayer>(xorData(), settings));
        while (!trainer.finished())
            history.append(learning::TrainingEvent(trainer.stepEpoch()));
        it = cache.emplace(epochs, std::move(history)).first;
    }
    return it->second;
}

// One redraw of the learning curves (five curves decimated to the plot width, then painted):
// while a run is training, the charts redraw about 15 times a second from the whole history.
void BM_CurvesRedraw(benchmark::State& state)
{
    const learning::History& history = longXorHistory(int(state.range(0)));
    ui::LearningCurves curves;
    curves.resize(800, 300);
    curves.setShowLoss(true);
    curves.setHistory(&history);
    QImage image(curves.size(), QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        curves.historyChanged();
        curves.redrawNow();
        curves.render(&image);
    }
}
BENCHMARK(BM_CurvesRedraw)
    ->Arg(100'000)
    ->Arg(1'000'000)
    ->Arg(10'000'000)
    ->Unit(benchmark::kMillisecond);

/// A 2-16-1 tanh network (P = 65) trained on XOR for \p epochs (no stop before), kept for the
/// process.
const learning::History& longNetworkHistory(int epochs)
{
    static std::map<int, learning::History> cache;
    auto it = cache.find(epochs);
    if (it == cache.end()) {
        learning::TrainingSettings settings = settingsFor(epochs);
        settings.rule = learning::Rule::Logistic;
        settings.model = learning::ModelKind::Network;
        settings.hidden = {16};
        settings.init = learning::InitKind::Random;
        settings.learningRate = 0.01;
        settings.tolerance = 0.0;
        learning::Trainer trainer(xorData(), settings);
        learning::History history(trainer.initialSnapshot(),
                                  std::make_shared<const learning::Replayer>(xorData(), settings));
        while (!trainer.finished())
            history.append(learning::TrainingEvent(trainer.stepEpoch()));
        it = cache.emplace(epochs, std::move(history)).first;
    }
    return it->second;
}

// The same redraw for a network: errors and cross-entropy, and the two layers' weight sizes
// (the RMS of W1's 32 and W2's 16 weights in every epoch's row of 65 parameters).
void BM_CurvesRedrawNetwork(benchmark::State& state)
{
    const learning::History& history = longNetworkHistory(int(state.range(0)));
    if (history.parameterCount() != 65 || history.epochCount() != state.range(0) + 1) {
        state.SkipWithError("the run is not 2-16-1 or stopped early");
        return;
    }
    ui::LearningCurves curves;
    curves.resize(800, 300);
    curves.setShowLoss(true);
    curves.setHistory(&history);
    QImage image(curves.size(), QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        curves.historyChanged();
        curves.redrawNow();
        curves.render(&image);
    }
}
BENCHMARK(BM_CurvesRedrawNetwork)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

// Of that, the weights chart's reading: every epoch's row (65 doubles, 520 bytes) for the two
// layers' weight sizes, decimated to 800 pixel columns.
void BM_WeightSizes(benchmark::State& state)
{
    const learning::History& history = longNetworkHistory(int(state.range(0)));
    const render::ChartSeries series{&history};
    const render::Theme theme = render::Theme::light();
    for (auto _ : state) {
        auto chart = render::ChartPainter::decimate(QRectF(0, 0, 800, 300), series,
                                                    render::ChartPainter::Kind::Weights, theme);
        benchmark::DoNotOptimize(chart);
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) * state.range(0) * 65 * 8);
}
BENCHMARK(BM_WeightSizes)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

// Moving the timeline's marker over a long run: a repaint from the decimated curves, without
// reading the history.
void BM_CurvesMarkerMove(benchmark::State& state)
{
    const learning::History& history = longXorHistory(int(state.range(0)));
    ui::LearningCurves curves;
    curves.resize(800, 300);
    curves.setShowLoss(true);
    curves.setHistory(&history);
    curves.redrawNow();
    QImage image(curves.size(), QImage::Format_ARGB32_Premultiplied);
    double marker = 0.0;
    for (auto _ : state) {
        marker = marker + 1.0 < double(history.epochCount()) ? marker + 1.0 : 0.0;
        curves.setMarker(marker);
        curves.render(&image);
    }
}
BENCHMARK(BM_CurvesMarkerMove)->Arg(10'000'000)->Unit(benchmark::kMillisecond);

// For comparison, the arithmetic of a redraw before the charts read the history: the widget kept
// five vectors of doubles, decimated each, and took their maxima and minima in extra passes
// (the painting, in BM_CurvesRedraw, is not included here).
void BM_CurvesFromVectors(benchmark::State& state)
{
    const learning::History& history = longXorHistory(int(state.range(0)));
    std::vector<std::vector<double>> curves(5);
    for (int e = 0; e < history.epochCount(); ++e) {
        curves[0].push_back(history.errors(e));
        curves[1].push_back(history.loss(e));
        for (std::size_t j = 0; j < 3; ++j)
            curves[2 + j].push_back(history.parameter(e, j));
    }
    for (auto _ : state) {
        double extremes = 0.0;
        for (const std::vector<double>& curve : curves) {
            benchmark::DoNotOptimize(render::decimateMinMax(curve, 700));
            const auto [lo, hi] = std::minmax_element(curve.begin(), curve.end());
            extremes += *lo + *hi;
        }
        extremes += *std::max_element(curves[0].begin(), curves[0].end());
        benchmark::DoNotOptimize(extremes);
    }
}
BENCHMARK(BM_CurvesFromVectors)
    ->Arg(100'000)
    ->Arg(1'000'000)
    ->Arg(10'000'000)
    ->Unit(benchmark::kMillisecond);

void BM_ScrubWindow(benchmark::State& state)
{
    const int n = int(state.range(0));
    const int epochs = int(state.range(1));
    auto window = makeWindow();
    editor::Playback* playback = window->playback();
    ui::TrainingPresenter* presenter = window->presenter();
    window->document()->replaceData(n == 4 ? xorData() : blobs(n));
    window->document()->setSettings(settingsFor(epochs));
    spinUntil([&] { return playback->canAdvance(); });
    playback->train();
    spinUntil([&] {
        return !playback->isRunning() && playback->history().latestEpoch().epoch == epochs;
    });
    std::mt19937_64 random(3);
    for (auto _ : state) {
        playback->showPosition(std::size_t(random() % playback->history().size()));
        presenter->refreshNow();
        // The canvas and the charts paint what the refresh set.
        window->repaint();
    }
}
// Points and epochs: XOR for 10^6 and 10^7 epochs, and runs of a few checkpoint intervals.
BENCHMARK(BM_ScrubWindow)
    ->Args({4, 1'000'000})
    ->Args({4, 10'000'000})
    ->Args({1'000, 3'000})
    ->Args({10'000, 300})
    ->Args({100'000, 100})
    ->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const plab::test::SettingsSandbox settings(QStringLiteral("plab-bench-history"));
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
