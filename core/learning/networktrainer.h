#pragma once

#include "dataset.h"
#include "network.h"
#include "settings.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

/// \file
/// Training a Network (network.h) by backpropagation with plain gradient descent: no momentum,
/// no weight decay, a fixed learning rate eta.
///
/// **Epochs and batches.** An epoch visits every sample once, in file order or in the permutation
/// shuffledOrder(seed, epoch, N) of random.h (the linear Trainer's shuffle, a pure function of
/// the seed and the epoch). Epochs are counted from 1. The visits of an epoch are cut into
/// batches of B consecutive visits (1 .. B, B + 1 .. 2B, ...); a batch never spans two epochs, so
/// the last batch of an epoch holds the m = N - B (ceil(N / B) - 1) visits that are left
/// (m = B when B divides N). B = 1 is online (stochastic) gradient descent; batchSize 0 (or any
/// B >= N) is full-batch gradient descent, one update per epoch.
///
/// **Gradient.** At each visit the sample's gradient g (network.h: dJ/dW^(l) = delta^(l)
/// a^(l-1)^T, dJ/db^(l) = delta^(l)) is computed with the parameters as they are at that visit,
/// which within a batch are the batch's starting parameters.
///
/// **Update.** When a batch of m samples closes (at its m-th visit), every parameter theta
/// (each W^(l)_ji and b^(l)_j) takes the step
/// \f[ G = g_1 + g_2 + \dots + g_m, \qquad \theta \leftarrow \theta - \eta\,\frac{G}{m}, \f]
/// the sum in visiting order starting from g_1, then divided by m, times eta, subtracted. The
/// step is the mean gradient over the batch; m is the batch's own size, so the last, short batch
/// of an epoch averages over its m < B samples and each of its samples weighs 1/m (more than the
/// 1/B of the others). For B = 1 this is, at every visit,
/// \f[ W^{(l)}_{ji} \leftarrow W^{(l)}_{ji} - \eta\,\big(\delta^{(l)}_j\, a^{(l-1)}_i\big),
///     \qquad b^{(l)}_j \leftarrow b^{(l)}_j - \eta\, \delta^{(l)}_j, \f]
/// bit for bit the same numbers as a batch of one (G = g_1 exactly, and g / 1 = g).
///
/// Written out for a 2-H-1 tanh network (inputs x1, x2; hidden weights w_ji, biases b_j; output
/// weights v_j and bias c; class t in {0, 1}), one online step is:
/// \f[ h_j = \tanh(w_{j1} x_1 + w_{j2} x_2 + b_j), \quad z = \sum_j v_j h_j + c, \quad
///     p = \sigma(z), \quad J = \mathrm{softplus}(-t^\pm z), \f]
/// \f[ \delta = p - t, \qquad \delta_j = (v_j\,\delta)\,(1 - h_j^2), \f]
/// \f[ v_j \leftarrow v_j - \eta\,(\delta\, h_j), \quad c \leftarrow c - \eta\,\delta, \quad
///     w_{ji} \leftarrow w_{ji} - \eta\,(\delta_j\, x_i), \quad
///     b_j \leftarrow b_j - \eta\,\delta_j, \f]
/// every delta computed with the weights before the step (tests/core/network_test.cpp works a
/// 2-2-1 example through by hand).
///
/// **Divergence.** If an update would make any parameter NaN or infinite, it is not applied: the
/// run stops as diverged with the last finite parameters, and the epoch it happened in counts
/// as completed (as the linear Trainer does).
///
/// **Cost.** stepEpoch() runs one tight loop per activation over raw arrays (no records, no
/// allocation, no divergence test per update: the parameters are checked once at the end, and
/// only an epoch that went non-finite is run again with the test at every update). Its speed
/// against a hand-written loop is measured by tests/benchmarks/bench_network.cpp.

namespace plab::learning {

/// How a network is trained.
struct NetworkTrainingSettings
{
    double learningRate = 0.03;            ///< eta, in (0, kMaxLearningRate]
    int batchSize = 1;                     ///< B: 1 = online, kFullBatch (0) = full batch
    SampleOrder order = SampleOrder::File; ///< file order or a per-epoch shuffle
    std::uint64_t seed = 1;                ///< the shuffle's seed

    friend bool operator==(const NetworkTrainingSettings&,
                           const NetworkTrainingSettings&) = default;
};

/// Checks that \p network can be trained on \p data with \p settings: not a step network (its
/// slope is zero, so gradient descent would never change the hidden weights), a learning rate in
/// (0, 1e9], a batch size >= 0, and validateData(data, K). The first problem or nothing.
[[nodiscard]] std::optional<NetworkError> validateTraining(const Network& network,
                                                           const Dataset& data,
                                                           const NetworkTrainingSettings& settings);

/// Everything needed to resume training exactly between two visits. The sample order is not
/// stored: it is a pure function of (seed, epoch).
struct NetworkTrainerState
{
    int epoch = 0;             ///< epochs completed
    int position = 0;          ///< visits done in the current epoch (0 at a boundary)
    std::vector<Layer> layers; ///< the parameters
    /// G, the gradient sum of the open batch (shaped like the layers), or empty when no batch is
    /// open (position is a multiple of B).
    std::vector<Layer> batchGradient;
    std::int64_t updates = 0; ///< batch updates applied since the start
    bool diverged = false;

    friend bool operator==(const NetworkTrainerState&, const NetworkTrainerState&) = default;
};

/// One visit with every number a teacher writes out.
struct NetworkVisit
{
    int epoch = 1;         ///< 1-based epoch of this visit
    int visit = 0;         ///< 0-based position in the epoch's order
    std::size_t index = 0; ///< the sample's index in the data set
    /// The forward pass, loss, backward pass and this sample's gradient, with the parameters
    /// before the visit.
    SampleTrace trace;
    double learningRate = 0.0;
    int batchFill = 1;        ///< samples of this visit's batch so far, this one included
    bool closesBatch = false; ///< the batch closed here: the update (of m = batchFill) was due
    bool updated = false;     ///< the parameters changed at this visit
    /// The update was due but would have made a parameter non-finite: it was not applied and the
    /// run stopped.
    bool diverged = false;
    bool closesEpoch = false;
    /// The change applied to each parameter, -eta (G / m), so that after == before + change
    /// exactly; zero when nothing was applied.
    std::vector<Layer> change;
    std::vector<Layer> before; ///< the parameters before the visit
    std::vector<Layer> after;  ///< the parameters after the visit

    friend bool operator==(const NetworkVisit&, const NetworkVisit&) = default;
};

/// What one stepEpoch() did.
struct NetworkEpochEnd
{
    int epoch = 0;            ///< the epoch just completed (1-based)
    std::int64_t updates = 0; ///< batch updates applied during it
    bool diverged = false;
    /// The largest change of any parameter by one of those updates: the largest |eta (G / m)_j|
    /// (online |eta (delta_j a_i)| and |eta delta_j|), computed exactly without a pass over the
    /// parameters (see kernel::onlineStep). The Trainer's convergence test reads it.
    double largestStep = 0.0;

    friend bool operator==(const NetworkEpochEnd&, const NetworkEpochEnd&) = default;
};

/// Trains one network on one data set, a sample or an epoch at a time. Same network, data and
/// settings: the same parameters after every visit, bit for bit, whether the visits were made by
/// stepSample() or stepEpoch().
///
/// Preconditions (std::invalid_argument with the message otherwise): validateTraining() holds.
/// Stepping a diverged trainer throws std::logic_error.
class NetworkTrainer
{
public:
    NetworkTrainer(Network initial, Dataset data, NetworkTrainingSettings settings);
    ~NetworkTrainer();
    NetworkTrainer(NetworkTrainer&&) noexcept;
    NetworkTrainer& operator=(NetworkTrainer&&) noexcept;

    /// Visits the next sample and returns its record (slow: builds every number).
    NetworkVisit stepSample();
    /// Runs to the end of the current epoch (the whole epoch at a boundary), fast.
    NetworkEpochEnd stepEpoch();

    [[nodiscard]] bool diverged() const;
    [[nodiscard]] int epoch() const;    ///< epochs completed
    [[nodiscard]] int position() const; ///< visits done in the current epoch

    /// The network with the current parameters.
    [[nodiscard]] Network network() const;
    [[nodiscard]] const Dataset& data() const;
    [[nodiscard]] const NetworkTrainingSettings& settings() const;
    /// Takes effect from the next update. std::invalid_argument when out of range.
    void setLearningRate(double learningRate);

    /// The complete resumable state, and going back to one (from this trainer or one with the same
    /// shape, data and settings). std::invalid_argument for a state that does not fit.
    [[nodiscard]] NetworkTrainerState state() const;
    void restore(const NetworkTrainerState& state);

    /// The current parameters, flat (the layout of model.h: each layer's W column-major, then
    /// its b), without building layers. Valid until the trainer changes.
    [[nodiscard]] std::span<const double> parameters() const;
    /// The open batch's gradient sum G, flat, or empty when no batch is open.
    [[nodiscard]] std::span<const double> openBatchGradient() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace plab::learning
