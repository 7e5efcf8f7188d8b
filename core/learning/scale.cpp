#include "scale.h"

#include "trainer.h"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace plab::learning {

double SampleCost::perVisit() const
{
    const double perUpdate = batch > 0 ? double(update) / double(batch) : double(update);
    return double(forward) + double(backward) + perUpdate;
}

SampleCost sampleCost(const ModelShape& shape, Rule rule, int batch)
{
    const std::int64_t p = shape.parameterCount();
    SampleCost cost;
    cost.forward = p;
    cost.update = p;
    if (shape.kind == ModelKind::Linear && isPerceptronFamily(rule)) {
        cost.backward = 0;
        cost.batch = 0;
        return cost;
    }
    // The deltas of layers 1 .. L-1 come back through the weights of layers 2 .. L.
    const std::vector<int> n = shape.sizes();
    std::int64_t deltas = 0;
    for (std::size_t l = 2; l < n.size(); ++l)
        deltas += std::int64_t(n[l - 1]) * n[l];
    cost.backward = p + deltas;
    cost.batch = std::max(batch, 1);
    return cost;
}

SampleCost sampleCost(const TrainingSettings& settings, int samples)
{
    const int n = std::max(samples, 1);
    int batch = 1;
    if (settings.model == ModelKind::Network)
        batch = networkBatch(settings, n);
    else if (settings.gradientMode == GradientMode::Batch)
        batch = n;
    return sampleCost(modelShape(settings), settings.rule, batch);
}

double trainingMultiplyAdds(const SampleCost& cost, std::int64_t epochs, std::int64_t samples,
                            std::int64_t updates)
{
    const double visits = double(epochs) * double(samples);
    const double perVisit = double(cost.forward) + double(cost.backward);
    if (cost.batch == 0)
        return visits * perVisit + double(updates) * double(cost.update);
    // Batches never span two epochs: ceil(N / B) of them per epoch.
    const std::int64_t batchesPerEpoch = samples > 0 ? (samples + cost.batch - 1) / cost.batch : 0;
    return visits * perVisit + double(epochs) * double(batchesPerEpoch) * double(cost.update);
}

ComputeTime computeTime(double flops, double flopsPerSecond)
{
    if (!(flopsPerSecond > 0.0))
        throw std::invalid_argument("computeTime: the rate must be positive");
    const double seconds = flops / flopsPerSecond;
    return {seconds, seconds / kSecondsPerYear};
}

double RateMeasurement::flopsPerSecond() const
{
    return seconds > 0.0 ? kFlopsPerMultiplyAdd * multiplyAdds / seconds : 0.0;
}

std::optional<RateMeasurement> measureTrainingRate(const Dataset& data,
                                                   const TrainingSettings& settings,
                                                   std::chrono::nanoseconds budget,
                                                   std::stop_token stop)
{
    if (data.size() == 0)
        return std::nullopt;
    const auto samples = std::int64_t(data.size());
    const SampleCost cost = sampleCost(settings, int(samples));
    using Clock = std::chrono::steady_clock;
    RateMeasurement measured;
    const Clock::time_point start = Clock::now();
    Clock::duration elapsed{};
    try {
        while (elapsed < budget) {
            if (stop.stop_requested())
                return std::nullopt;
            Trainer trainer(data, settings);
            while (!trainer.finished() && elapsed < budget) {
                if (stop.stop_requested())
                    return std::nullopt;
                const EpochSnapshot snapshot = trainer.stepEpoch();
                measured.multiplyAdds += trainingMultiplyAdds(cost, 1, samples, snapshot.updates);
                ++measured.epochs;
                elapsed = Clock::now() - start;
            }
            elapsed = Clock::now() - start;
        }
    } catch (const std::exception&) {
        return std::nullopt;
    }
    if (measured.epochs == 0)
        return std::nullopt;
    measured.seconds = std::chrono::duration<double>(elapsed).count();
    return measured;
}

namespace {

// docs/scale.md gives each figure's source and what it means; keep the two in step.
constexpr std::array kLadder{
    // The four corners of AND (lesson 2) and of XOR (lesson 4), kBytesPerPoint each.
    ReferenceModel{
        ReferenceId::Perceptron, "Perceptron", 0, 3.0, 4.0 * kBytesPerPoint, {}, "Perceptron Lab"},
    ReferenceModel{
        ReferenceId::XorNetwork, "XOR 2-2-1", 0, 9.0, 4.0 * kBytesPerPoint, {}, "Perceptron Lab"},
    // 60,000 MNIST training images of 28 x 28 pixels at one byte each.
    ReferenceModel{
        ReferenceId::LeNet5, "LeNet-5", 1998, 60e3, 60'000.0 * 28 * 28, {}, "LeCun et al. 1998"},
    ReferenceModel{ReferenceId::Gpt1, "GPT-1", 2018, 117e6, {}, {}, "Radford et al. 2018; 2019"},
    ReferenceModel{ReferenceId::Gpt2, "GPT-2", 2019, 1.5e9, 40e9, {}, "Radford et al. 2019"},
    // 570 GB: the filtered Common Crawl part of the training mix.
    ReferenceModel{ReferenceId::Gpt3, "GPT-3", 2020, 175e9, 570e9, 3.14e23, "Brown et al. 2020"},
    ReferenceModel{ReferenceId::TrillionPlan, "1T", 2024, 1e12, {}, {}, "2024 plan"},
};

} // namespace

std::span<const ReferenceModel> referenceModels()
{
    return kLadder;
}

const ReferenceModel& referenceModel(ReferenceId id)
{
    const auto* it = std::find_if(kLadder.begin(), kLadder.end(),
                                  [id](const ReferenceModel& m) { return m.id == id; });
    if (it == kLadder.end())
        throw std::invalid_argument("referenceModel: unknown id");
    return *it;
}

} // namespace plab::learning
