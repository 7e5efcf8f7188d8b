// The engine of networks (engine.h): a NetworkTrainer does the visits (backpropagation, batches,
// divergence), and the records' figures come from the kernels' evaluation of the whole set.
#include "engine.h"
#include "networkkernel.h"
#include "networktrainer.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <stdexcept>
#include <utility>

namespace plab::learning::detail {

namespace {

class NetworkEngine final : public Engine
{
public:
    NetworkEngine(const Dataset& data, const TrainingSettings& settings);

    [[nodiscard]] TrainerState initialState() const override;
    bool visits(TrainerState& st, const std::uint32_t* order, int end,
                const StepSink* sink) override;
    [[nodiscard]] Evaluation closeEpoch(TrainerState& st, bool& diverged) override;
    [[nodiscard]] Evaluation evaluate(const SmallVector& answer) const override;
    // evaluate() reads only m_data, m_shape and m_layout, which nothing changes after
    // construction; the visits change only m_trainer.
    [[nodiscard]] bool evaluatesConcurrently() const override { return true; }
    [[nodiscard]] SmallVector answer(const TrainerState& st) const override { return st.working; }
    void restored(const TrainerState& st) override;
    void learningRateChanged() override;
    [[nodiscard]] double swing(const TrainerState& from, int epochs) override;

private:
    [[nodiscard]] NetworkTrainingSettings trainingSettings() const;
    [[nodiscard]] NetworkTrainerState toNetworkState(const TrainerState& st) const;
    /// Copies the trainer's parameters and open batch into \p st.
    void pull(TrainerState& st) const;
    [[nodiscard]] StepRecord record(const NetworkVisit& v, const TrainerState& st) const;

    const Dataset& m_data;
    const TrainingSettings& m_settings;
    ModelShape m_shape;
    kernel::FlatLayout m_layout;
    Network m_initial;
    NetworkTrainer m_trainer;
};

Network initialNetwork(const ModelShape& shape, const TrainingSettings& s)
{
    const NetworkShape ns = shape.networkShape();
    switch (s.init) {
    case InitKind::Zeros:
        return Network::zeros(ns);
    case InitKind::Random:
        return Network::glorot(ns, s.seed);
    case InitKind::Given:
        break;
    }
    return Network(ns, s.initialLayers);
}

NetworkEngine::NetworkEngine(const Dataset& data, const TrainingSettings& settings)
    : m_data(data), m_settings(settings), m_shape(modelShape(settings)),
      m_layout(m_shape.sizes(), m_shape.classes > 2), m_initial(initialNetwork(m_shape, settings)),
      m_trainer(m_initial, data, trainingSettings())
{}

NetworkTrainingSettings NetworkEngine::trainingSettings() const
{
    NetworkTrainingSettings ns;
    ns.learningRate = m_settings.learningRate;
    ns.batchSize = networkBatch(m_settings, int(m_data.size()));
    ns.order = m_settings.order;
    ns.seed = m_settings.seed;
    return ns;
}

TrainerState NetworkEngine::initialState() const
{
    TrainerState st;
    st.working.assign(std::size_t(m_layout.size), 0.0);
    m_layout.store(m_initial.layers(), st.working.data());
    return st;
}

NetworkTrainerState NetworkEngine::toNetworkState(const TrainerState& st) const
{
    NetworkTrainerState ns;
    ns.epoch = st.epoch;
    ns.position = st.position;
    ns.layers = m_layout.load(st.working.data());
    if (!st.batchGradient.empty())
        ns.batchGradient = m_layout.load(st.batchGradient.data());
    ns.updates = st.totalUpdates;
    ns.diverged = st.status == TrainingStatus::Diverged;
    return ns;
}

void NetworkEngine::pull(TrainerState& st) const
{
    st.working.assign(m_trainer.parameters());
    st.batchGradient.assign(m_trainer.openBatchGradient());
}

void NetworkEngine::restored(const TrainerState& st)
{
    NetworkTrainerState ns = toNetworkState(st);
    ns.diverged = false; // a finished run is never stepped; its arithmetic may be replayed
    m_trainer.restore(ns);
}

void NetworkEngine::learningRateChanged()
{
    m_trainer.setLearningRate(m_settings.learningRate);
}

StepRecord NetworkEngine::record(const NetworkVisit& v, const TrainerState& st) const
{
    StepRecord r;
    r.epoch = v.epoch;
    r.visit = v.visit;
    r.index = v.index;
    r.x = v.trace.x;
    r.target = v.trace.target;
    r.output = v.trace.decision.cls;
    r.learningRate = v.learningRate;
    r.updated = v.updated;
    const LayerTrace& out = v.trace.layers.back();
    r.scores.assign(std::span<const double>(out.net.data(), std::size_t(out.net.size())));
    r.parametersBefore.assign(std::size_t(m_layout.size), 0.0);
    m_layout.store(v.before, r.parametersBefore.data());
    r.parametersAfter.assign(std::size_t(m_layout.size), 0.0);
    m_layout.store(v.after, r.parametersAfter.data());
    r.change.assign(std::size_t(m_layout.size), 0.0);
    m_layout.store(v.change, r.change.data());
    r.trace = v.trace;
    r.batchFill = v.batchFill;
    r.state = st;
    return r;
}

bool NetworkEngine::visits(TrainerState& st, const std::uint32_t* /*order: the trainer's own*/,
                           int end, const StepSink* sink)
{
    const int n = int(m_data.size());
    if (!sink && st.position == m_trainer.position() && end == n) {
        const NetworkEpochEnd e = m_trainer.stepEpoch();
        pull(st);
        st.position = n;
        st.updatesInEpoch += int(e.updates);
        st.totalUpdates += e.updates;
        st.largestStep = std::max(st.largestStep, e.largestStep);
        return !e.diverged;
    }
    for (int p = st.position; p < end; ++p) {
        const NetworkVisit v = m_trainer.stepSample();
        pull(st);
        st.position = p + 1;
        if (v.updated) {
            ++st.updatesInEpoch;
            ++st.totalUpdates;
            double step = 0.0;
            for (const Layer& L : v.change)
                step = std::max({step, L.W.cwiseAbs().maxCoeff(), L.b.cwiseAbs().maxCoeff()});
            st.largestStep = std::max(st.largestStep, step);
        }
        if (sink)
            (*sink)(record(v, st));
        if (v.diverged)
            return false;
    }
    return true;
}

Evaluation NetworkEngine::evaluate(const SmallVector& answer) const
{
    const kernel::DataEvaluation e =
        kernel::evaluate(m_layout.refs(answer.data()), m_shape.features, m_shape.activation,
                         m_shape.classes, m_data);
    Evaluation out;
    out.errors = e.errors;
    for (std::size_t k = 0; k < out.classErrors.size(); ++k)
        out.classErrors[k] = std::int32_t(e.classErrors[k]);
    out.loss = e.lossSum / double(m_data.size());
    return out;
}

Evaluation NetworkEngine::closeEpoch(TrainerState& st, bool& /*diverged: set by the visits*/)
{
    return evaluate(st.working);
}

double NetworkEngine::swing(const TrainerState& from, int epochs)
{
    NetworkTrainer replay(Network(m_shape.networkShape(), m_layout.load(from.working.data())),
                          m_data, trainingSettings());
    NetworkTrainerState ns = toNetworkState(from);
    ns.diverged = false;
    replay.restore(ns);
    double swing = 0.0;
    const std::int64_t visits = std::int64_t(epochs) * std::int64_t(m_data.size());
    for (std::int64_t v = 0; v < visits; ++v) {
        (void)replay.stepSample();
        const std::span<const double> p = replay.parameters();
        for (std::size_t j = 0; j < p.size(); ++j)
            swing = std::max(swing, std::abs(p[j] - from.working[j]));
    }
    return swing;
}

} // namespace

std::unique_ptr<Engine> makeNetworkEngine(const Dataset& data, const TrainingSettings& settings)
{
    return std::make_unique<NetworkEngine>(data, settings);
}

} // namespace plab::learning::detail
