#include "networktrainer.h"

#include "networkkernel.h"
#include "random.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

namespace plab::learning {

namespace {

bool allFinite(const std::vector<double>& v)
{
    return std::all_of(v.begin(), v.end(), [](double x) { return std::isfinite(x); });
}

} // namespace

std::optional<NetworkError> validateTraining(const Network& network, const Dataset& data,
                                             const NetworkTrainingSettings& settings)
{
    using P = NetworkError::Problem;
    if (network.shape().activation == Activation::Step && !network.shape().hidden.empty())
        return NetworkError{P::StepNotTrainable, -1, -1,
                            "a network of step units cannot be trained by gradient descent: the "
                            "step's slope is zero wherever it is defined, so no error ever "
                            "reaches the hidden weights (set them by hand)"};
    if (!std::isfinite(settings.learningRate) || settings.learningRate <= 0.0 ||
        settings.learningRate > kMaxLearningRate)
        return NetworkError{P::LearningRate, -1, -1,
                            "the learning rate must be a finite number in (0, 1e9]"};
    if (settings.batchSize < 0)
        return NetworkError{P::BatchSize, -1, -1,
                            "the batch size must be 1 or more (or 0 for the whole data set)"};
    return validateData(data, network.shape().classes);
}

struct NetworkTrainer::Impl
{
    NetworkShape shape;
    Dataset data;
    NetworkTrainingSettings settings;
    kernel::FlatLayout layout;
    int n = 0;
    int batch = 1; ///< B, with kFullBatch resolved to N

    // The state, flat.
    int epoch = 0;
    int position = 0;
    std::vector<double> params;
    std::vector<double> grad; ///< G of the open batch (meaningful when position % batch != 0)
    std::int64_t updates = 0;
    bool diverged = false;

    std::vector<std::uint32_t> order; ///< the visiting order of epoch orderEpoch (shuffle only)
    int orderEpoch = -1;
    std::vector<double> scratch;     ///< checked updates are computed here first
    std::vector<double> savedParams; ///< the epoch's start, for replaying it checked
    std::vector<double> savedGrad;

    Impl(Network initial, Dataset d, NetworkTrainingSettings s)
        : shape(initial.shape()), data(std::move(d)), settings(s), layout(shape)
    {
        if (auto e = validateTraining(initial, data, settings))
            throw std::invalid_argument("NetworkTrainer: " + e->message);
        n = int(data.size());
        batch = settings.batchSize == kFullBatch ? n : std::min(settings.batchSize, n);
        layout.store(initial.layers(), params);
        grad.assign(params.size(), 0.0);
        scratch.resize(params.size());
    }

    void prepareOrder()
    {
        if (settings.order != SampleOrder::Shuffle || orderEpoch == epoch + 1)
            return;
        shuffledOrder(settings.seed, std::uint64_t(epoch + 1), std::size_t(n), order);
        orderEpoch = epoch + 1;
    }

    [[nodiscard]] std::size_t sampleAt(int p) const
    {
        return settings.order == SampleOrder::Shuffle ? std::size_t(order[std::size_t(p)])
                                                      : std::size_t(p);
    }

    /// Applies the update due when a batch of m closes (m = 1 online, from the pass; otherwise
    /// from G) to a copy, and keeps it only if every parameter is finite.
    bool checkedUpdate(const kernel::Pass& pass, int m)
    {
        scratch = params;
        const kernel::Params S = layout.refs(scratch.data());
        if (batch == 1)
            kernel::update(S, pass, settings.learningRate);
        else
            kernel::applyBatch(S, kernel::asConst(layout.refs(grad.data())), settings.learningRate,
                               double(m));
        if (!allFinite(scratch))
            return false;
        // A copy, not a swap: the loops hold pointers into `params`.
        std::copy(scratch.begin(), scratch.end(), params.begin());
        return true;
    }

    /// Visits [position, N). Unchecked: no test per update; returns whether every parameter is
    /// finite at the end (non-finite values never become finite again, so that covers every
    /// update). Checked: stops at the first update that would leave the finite range.
    template <Activation A, bool Checked>
    bool visits(std::int64_t& epochUpdates, double& step)
    {
        const kernel::Params P = layout.refs(params.data());
        const kernel::ConstParams C = kernel::asConst(P);
        const kernel::Params G = layout.refs(grad.data());
        const double* xy = data.coordinates().data();
        const int* labels = data.labels().data();
        const std::uint32_t* ord = settings.order == SampleOrder::Shuffle ? order.data() : nullptr;
        const FeatureSet features = shape.features;
        const bool plain = features == FeatureSet();
        const double eta = settings.learningRate;
        const int B = batch;
        int fill = position % B; // samples already in the open batch
        kernel::Pass pass;
        for (int p = position; p < n; ++p) {
            const auto i = ord ? std::size_t(ord[p]) : std::size_t(p);
            if (plain) {
                pass.a[0][0] = xy[2 * i];
                pass.a[0][1] = xy[2 * i + 1];
            } else {
                features.map(xy[2 * i], xy[2 * i + 1], pass.a[0].data());
            }
            kernel::forward<A>(C, pass);
            kernel::backward<A>(C, pass, labels[i]);
            ++fill;
            if (B == 1) {
                if constexpr (Checked) {
                    if (!checkedUpdate(pass, 1)) {
                        position = p;
                        return false;
                    }
                } else {
                    kernel::update(P, pass, eta);
                }
                step = std::max(step, kernel::onlineStep(C, pass, eta));
                ++epochUpdates;
                fill = 0;
                continue;
            }
            kernel::accumulate(G, pass, fill == 1);
            if (fill == B || p == n - 1) {
                if constexpr (Checked) {
                    if (!checkedUpdate(pass, fill)) {
                        position = p;
                        return false;
                    }
                } else {
                    kernel::applyBatch(P, kernel::asConst(G), eta, double(fill));
                }
                step = std::max(step, kernel::batchStep(kernel::asConst(G), eta, double(fill)));
                ++epochUpdates;
                fill = 0;
            }
        }
        position = n;
        if constexpr (Checked)
            return true;
        else
            return allFinite(params);
    }

    NetworkEpochEnd runEpoch()
    {
        prepareOrder();
        NetworkEpochEnd end;
        const int start = position;
        savedParams = params;
        savedGrad = grad;
        kernel::withActivation(shape.activation, [&]<Activation A>() {
            if (visits<A, false>(end.updates, end.largestStep))
                return;
            // Some update went non-finite: replay the epoch, testing every update.
            params = savedParams;
            grad = savedGrad;
            position = start;
            end.updates = 0;
            end.largestStep = 0.0;
            end.diverged = !visits<A, true>(end.updates, end.largestStep);
        });
        closeEpoch(end.diverged);
        end.epoch = epoch;
        updates += end.updates;
        return end;
    }

    void closeEpoch(bool divergedNow)
    {
        epoch += 1;
        position = 0;
        diverged = divergedNow;
    }

    NetworkVisit visitOne()
    {
        prepareOrder();
        const int p = position;
        const std::size_t i = sampleAt(p);
        const Eigen::Vector2d x = data.point(i);
        const int t = data.label(i);
        const kernel::Params P = layout.refs(params.data());
        const kernel::ConstParams C = kernel::asConst(P);
        const kernel::Params G = layout.refs(grad.data());

        NetworkVisit v;
        v.epoch = epoch + 1;
        v.visit = p;
        v.index = i;
        v.learningRate = settings.learningRate;
        v.before = layout.load(params);

        kernel::Pass pass;
        shape.features.map(x.x(), x.y(), pass.a[0].data());
        kernel::withActivation(shape.activation, [&]<Activation A>() {
            kernel::forward<A>(C, pass);
            kernel::backward<A>(C, pass, t);
        });
        v.trace = kernel::makeTrace(C, pass, x, t, shape.features.size());

        const int m = p % batch + 1;
        v.batchFill = m;
        v.closesBatch = m == batch || p == n - 1;
        if (batch > 1)
            kernel::accumulate(G, pass, m == 1);

        // The change, -eta (G / m), computed as the update computes it (-eta (delta a) online).
        std::vector<double> change(params.size(), 0.0);
        if (v.closesBatch) {
            const kernel::Params D = layout.refs(change.data());
            if (batch == 1)
                kernel::update(D, pass, settings.learningRate);
            else
                kernel::applyBatch(D, kernel::asConst(G), settings.learningRate, double(m));
            if (checkedUpdate(pass, m)) {
                v.updated = true;
                ++updates;
            } else {
                v.diverged = true;
                std::fill(change.begin(), change.end(), 0.0);
            }
        }
        v.change = layout.load(change);
        v.after = layout.load(params);

        position = p + 1;
        if (v.diverged || position == n) {
            closeEpoch(v.diverged);
            v.closesEpoch = true;
        }
        return v;
    }
};

NetworkTrainer::NetworkTrainer(Network initial, Dataset data, NetworkTrainingSettings settings)
    : m_impl(std::make_unique<Impl>(std::move(initial), std::move(data), settings))
{}

NetworkTrainer::~NetworkTrainer() = default;
NetworkTrainer::NetworkTrainer(NetworkTrainer&&) noexcept = default;
NetworkTrainer& NetworkTrainer::operator=(NetworkTrainer&&) noexcept = default;

NetworkVisit NetworkTrainer::stepSample()
{
    if (m_impl->diverged)
        throw std::logic_error("NetworkTrainer::stepSample: the run has diverged");
    return m_impl->visitOne();
}

NetworkEpochEnd NetworkTrainer::stepEpoch()
{
    if (m_impl->diverged)
        throw std::logic_error("NetworkTrainer::stepEpoch: the run has diverged");
    return m_impl->runEpoch();
}

bool NetworkTrainer::diverged() const
{
    return m_impl->diverged;
}

int NetworkTrainer::epoch() const
{
    return m_impl->epoch;
}

int NetworkTrainer::position() const
{
    return m_impl->position;
}

Network NetworkTrainer::network() const
{
    return Network(m_impl->shape, m_impl->layout.load(m_impl->params));
}

const Dataset& NetworkTrainer::data() const
{
    return m_impl->data;
}

const NetworkTrainingSettings& NetworkTrainer::settings() const
{
    return m_impl->settings;
}

void NetworkTrainer::setLearningRate(double learningRate)
{
    if (!std::isfinite(learningRate) || learningRate <= 0.0 || learningRate > kMaxLearningRate)
        throw std::invalid_argument("NetworkTrainer::setLearningRate: the learning rate must be a "
                                    "finite number in (0, 1e9]");
    m_impl->settings.learningRate = learningRate;
}

std::span<const double> NetworkTrainer::parameters() const
{
    return m_impl->params;
}

std::span<const double> NetworkTrainer::openBatchGradient() const
{
    const Impl& d = *m_impl;
    if (d.position % d.batch == 0)
        return {};
    return d.grad;
}

NetworkTrainerState NetworkTrainer::state() const
{
    const Impl& d = *m_impl;
    NetworkTrainerState s;
    s.epoch = d.epoch;
    s.position = d.position;
    s.layers = d.layout.load(d.params);
    if (d.position % d.batch != 0)
        s.batchGradient = d.layout.load(d.grad);
    s.updates = d.updates;
    s.diverged = d.diverged;
    return s;
}

void NetworkTrainer::restore(const NetworkTrainerState& s)
{
    Impl& d = *m_impl;
    if (s.epoch < 0 || s.position < 0 || s.position >= d.n || s.updates < 0)
        throw std::invalid_argument("NetworkTrainer::restore: epoch or position out of range");
    if (auto e = validate(d.shape, s.layers))
        throw std::invalid_argument("NetworkTrainer::restore: " + e->message);
    const bool open = s.position % d.batch != 0;
    if (open != !s.batchGradient.empty())
        throw std::invalid_argument("NetworkTrainer::restore: the batch gradient does not match "
                                    "the position");
    if (open) {
        if (auto e = validate(d.shape, s.batchGradient))
            throw std::invalid_argument("NetworkTrainer::restore: batch gradient: " + e->message);
    }
    d.epoch = s.epoch;
    d.position = s.position;
    d.layout.store(s.layers, d.params);
    if (open)
        d.layout.store(s.batchGradient, d.grad);
    else
        std::fill(d.grad.begin(), d.grad.end(), 0.0);
    d.updates = s.updates;
    d.diverged = s.diverged;
}

} // namespace plab::learning
