#pragma once

#include "dataset.h"
#include "model.h"
#include "settings.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <stop_token>
#include <string_view>

/// \file
/// "How big is this model?": the article's three measures of a model (docs/scale.md): its
/// parameter count P, the size of its training data in bytes, and the compute its training took
/// in floating-point operations (FLOPs), for the current run and for a ladder of real models.
///
/// **The cost of one sample visit**, in multiply-adds (one multiplication and one addition, the
/// unit of a dot product), for a model whose layers have n_0 inputs and n_1 ... n_L units
/// (ModelShape::sizes()), each bias counted as a weight on a constant input 1:
///
///     forward  = P                                   every net: each parameter multiplies once
///     backward = P + sum_{l=2..L} n_{l-1} n_l        each gradient delta_j a_i, plus the deltas
///                                                    sent back through the weights of layers 2..L
///     update   = P                                   theta <- theta - eta G, once per update
///
/// - Networks and the gradient rules (Adaline, logistic) on a linear model: every visit costs
///   forward + backward, and an update is made once per batch of B visits (B = 1 online, B = N
///   full batch; the last batch of an epoch may be shorter), so an epoch over N samples costs
///   N (forward + backward) + ceil(N / B) update.
/// - The perceptron family (perceptron, pocket, averaged): a visit costs forward (the net) and
///   no backward pass (the error t - y needs no gradient); an update of P multiply-adds is made on
///   a mistake only, so a run costs E N forward + U update, with U the updates the run made.
///   (For K > 2 classes an update changes one or two units' weights: counting P is an upper
///   bound. The pocket's evaluations of the whole set and the average's running sum are the
///   rules' bookkeeping and are not counted.)
///
/// Not counted anywhere: activations, the loss, the softmax, feature maps and the shuffle, which
/// are a few operations per unit, not per parameter. A multiply-add is 2 FLOPs, the convention of
/// the GPT-3 paper's compute figure (Brown et al. 2020, Appendix D: 6 FLOPs per parameter and
/// token, 2 forward and 4 backward), which is what the formulas above give for one visit of a
/// deep network: 2 P forward, about 4 P backward.
///
/// **Data size.** A point is two coordinates as 8-byte doubles and its class in one byte:
/// 17 bytes (kBytesPerPoint). The reference models' figures are what their papers report (or a
/// stated conversion of it), described in docs/scale.md.

namespace plab::learning {

/// FLOPs per multiply-add.
inline constexpr double kFlopsPerMultiplyAdd = 2.0;
/// Bytes of one data point: x1, x2 (8 bytes each) and the class (1 byte).
inline constexpr std::int64_t kBytesPerPoint = 17;
/// Seconds in a year of 365.25 days.
inline constexpr double kSecondsPerYear = 365.25 * 24.0 * 3600.0;

/// The multiply-adds of one sample visit and of one update (see the file comment).
struct SampleCost
{
    std::int64_t forward = 0;  ///< per visit
    std::int64_t backward = 0; ///< per visit (0 for the perceptron family)
    std::int64_t update = 0;   ///< per update: P
    /// Visits per update: 1 online, N full batch; 0 for the perceptron family, which updates on
    /// a mistake only.
    int batch = 1;

    /// Multiply-adds per visit, the update shared out over its batch (a mistake's for the
    /// perceptron family): forward + backward + update / B (or + update).
    [[nodiscard]] double perVisit() const;

    friend bool operator==(const SampleCost&, const SampleCost&) = default;
};

/// The cost of a visit of \p shape under \p rule (ignored for networks) with updates every
/// \p batch visits (ignored for the perceptron family).
[[nodiscard]] SampleCost sampleCost(const ModelShape& shape, Rule rule, int batch);
/// The cost of a visit of the model \p settings describe, trained on \p samples points (the batch
/// as the trainer uses it: networkBatch(), or the gradient mode of a linear gradient rule).
[[nodiscard]] SampleCost sampleCost(const TrainingSettings& settings, int samples);

/// Multiply-adds of \p epochs epochs over \p samples points at \p cost; \p updates is the number
/// of updates the run made (used for the perceptron family only).
[[nodiscard]] double trainingMultiplyAdds(const SampleCost& cost, std::int64_t epochs,
                                          std::int64_t samples, std::int64_t updates);

/// Bytes of \p points data points (kBytesPerPoint each).
[[nodiscard]] constexpr double dataBytes(std::int64_t points)
{
    return double(points) * double(kBytesPerPoint);
}

/// How long \p flops operations take at \p flopsPerSecond, in seconds and in years
/// (seconds / kSecondsPerYear). Precondition: flopsPerSecond > 0.
struct ComputeTime
{
    double seconds = 0.0;
    double years = 0.0;
};
[[nodiscard]] ComputeTime computeTime(double flops, double flopsPerSecond);

/// A timed training run: the multiply-adds it made (counted as above) and the time it took.
struct RateMeasurement
{
    double multiplyAdds = 0.0;
    double seconds = 0.0;
    std::int64_t epochs = 0;

    /// FLOPs per second: 2 multiply-adds / seconds (0 when nothing was timed).
    [[nodiscard]] double flopsPerSecond() const;
};

/// Trains the model of \p settings on \p data with a Trainer (the code the engine's worker runs)
/// on the calling thread, whole epochs, starting a new run whenever one finishes, until at least
/// \p budget has passed; counts the multiply-adds of every epoch run (trainingMultiplyAdds()).
/// Nothing for empty data or settings the trainer refuses, or when \p stop is requested (checked
/// between epochs). Call it off the GUI thread.
[[nodiscard]] std::optional<RateMeasurement> measureTrainingRate(const Dataset& data,
                                                                 const TrainingSettings& settings,
                                                                 std::chrono::nanoseconds budget,
                                                                 std::stop_token stop = {});

/// The models on the ladder, smallest first.
enum class ReferenceId
{
    Perceptron, ///< the classic perceptron (w1, w2, b)
    XorNetwork, ///< the 2-2-1 network of lesson 4
    LeNet5,
    Gpt1,
    Gpt2,
    Gpt3,
    TrillionPlan, ///< a planned model of 10^12 parameters (announced in Japan in 2024)
};

/// One model on the ladder with what its sources report (docs/scale.md says what each number
/// means). A measure a source does not report is empty: the picture leaves it out.
struct ReferenceModel
{
    ReferenceId id;
    std::string_view name;               ///< "GPT-3": a name, the same in every language
    int year = 0;                        ///< of the source (0 for this program's own models)
    double parameters = 0.0;             ///< trainable parameters
    std::optional<double> dataBytes;     ///< training data in bytes
    std::optional<double> trainingFlops; ///< compute to train, in FLOPs
    std::string_view source;             ///< the citation, e.g. "Brown et al. 2020"
};

/// The ladder, smallest first (the table of docs/scale.md).
[[nodiscard]] std::span<const ReferenceModel> referenceModels();
/// The entry of \p id.
[[nodiscard]] const ReferenceModel& referenceModel(ReferenceId id);

} // namespace plab::learning
