// The Trainer: the run around a model's arithmetic (engine.h). It owns the data, the settings and
// the state, orders the samples, closes epochs, decides the statuses (rules.h) and assembles the
// records; the engines (linearengine.cpp, networkengine.cpp) do the visits and the evaluations.
#include "trainer.h"

#include "engine.h"
#include "pipeline.h"
#include "random.h"
#include "rules.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>

namespace plab::learning {

// Counts within one epoch (positions, updates, errors) are at most kMaxPoints, so ints hold them;
// counts over a whole run grow with data x epochs and are 64-bit (TrainerState::totalUpdates).
static_assert(kMaxPoints <= std::size_t(std::numeric_limits<int>::max()));
static_assert(std::int64_t(kMaxPoints) * kMaxEpochsLimit <
              std::numeric_limits<std::int64_t>::max() / 2);

namespace {

bool allFinite(const SmallVector& v)
{
    return std::all_of(v.begin(), v.end(), [](double x) { return std::isfinite(x); });
}

LinearModel classicOf(const SmallVector& p)
{
    return LinearModel{{p[0], p[1]}, p[2]};
}

double largestMagnitude(const SmallVector& v)
{
    double m = 0.0;
    for (double x : v)
        m = std::max(m, std::abs(x));
    return m;
}

double largestDifference(const SmallVector& a, const SmallVector& b)
{
    double m = 0.0;
    for (std::size_t j = 0; j < a.size(); ++j)
        m = std::max(m, std::abs(a[j] - b[j]));
    return m;
}

} // namespace

SmallVector answerParameters(const TrainingSettings& settings, const TrainerState& st)
{
    if (settings.model == ModelKind::Linear) {
        switch (settings.rule) {
        case Rule::Pocket:
            return st.pocket;
        case Rule::Averaged: {
            const double c = double(st.avgCount);
            SmallVector out(st.working.size());
            for (std::size_t j = 0; j < out.size(); ++j)
                out[j] = st.working[j] - st.averageSum[j] / c;
            return out;
        }
        case Rule::Perceptron:
        case Rule::Adaline:
        case Rule::Logistic:
            break;
        }
    }
    return st.working;
}

struct Trainer::Impl
{
    Dataset data;
    TrainingSettings settings;
    ModelShape shape;
    bool classic = false;
    int n = 0;
    std::unique_ptr<detail::Engine> engine;
    /// runEpochs()' evaluator, made on first use (destroyed before the engine it reads).
    std::unique_ptr<detail::EvaluationPipeline> pipeline;
    /// After a call in which the pipeline stalled, runEpochs() evaluates on its own thread until
    /// then.
    std::chrono::steady_clock::time_point pipelineResumes{};
    PipelineCounts counts;
    TrainerState st;
    EpochSnapshot initial;
    /// The visiting order of epoch `orderEpoch` (SampleOrder::Shuffle only).
    std::vector<std::uint32_t> order;
    int orderEpoch = -1;

    Impl(Dataset d, TrainingSettings s);

    void prepareOrder();
    bool runVisits(int end, const detail::StepSink* sink);
    [[nodiscard]] EpochSnapshot snapshot(int epoch, const SmallVector& answer,
                                         const detail::Evaluation& ev, int updates,
                                         TrainingStatus status) const;
    void setFigures(EpochSnapshot& snap, const detail::Evaluation& ev) const;
    EpochSnapshot closeEpoch(bool diverged);
    EpochSnapshot endEpoch(bool diverged, const detail::Evaluation& ev);
    [[nodiscard]] TrainingStatus judge(bool diverged, const detail::Evaluation& ev);
    void rejudgeLimit();
    [[nodiscard]] bool pipelinePays() const;
    std::int64_t runPipelined(std::int64_t maxEpochs, const std::function<bool()>& keepGoing,
                              const std::function<void(EpochSnapshot&&)>& sink, bool& stalled);
};

Trainer::Impl::Impl(Dataset d, TrainingSettings s) : data(std::move(d)), settings(std::move(s))
{
    if (validate(data))
        throw std::invalid_argument("Trainer: the data set is not usable for training");
    if (const auto error = validate(settings))
        throw std::invalid_argument("Trainer: " + std::string(error->reason));
    if (const auto error = validateModel(settings))
        throw std::invalid_argument("Trainer: " + std::string(error->reason));
    if (firstInvalidLabel(data, settings.classes))
        throw std::invalid_argument(settings.classes == 2
                                        ? "Trainer: labels must be class indices 0 or 1"
                                        : "Trainer: labels must be class indices 0 to " +
                                              std::to_string(settings.classes - 1));
    n = int(data.size());
    shape = modelShape(settings);
    classic = shape.isClassic();
    engine = shape.kind == ModelKind::Network ? detail::makeNetworkEngine(data, settings)
                                              : detail::makeLinearEngine(data, settings);

    st = engine->initialState();
    const SmallVector answer = engine->answer(st);
    const detail::Evaluation ev = engine->evaluate(answer);
    initial = snapshot(0, answer, ev, 0, TrainingStatus::Running);
    initial.state = st;
}

void Trainer::Impl::prepareOrder()
{
    if (settings.order != SampleOrder::Shuffle || orderEpoch == st.epoch + 1)
        return;
    // A pure function of (seed, epoch): nothing about the generator needs to be saved in a
    // TrainerState for a restored run to visit the samples in the same order.
    order.resize(std::size_t(n));
    std::iota(order.begin(), order.end(), std::uint32_t(0));
    Random rng(settings.seed, RandomPurpose::Shuffle, std::uint64_t(st.epoch + 1));
    rng.shuffle(order);
    orderEpoch = st.epoch + 1;
}

bool Trainer::Impl::runVisits(int end, const detail::StepSink* sink)
{
    prepareOrder();
    const std::uint32_t* ord = settings.order == SampleOrder::Shuffle ? order.data() : nullptr;
    return engine->visits(st, ord, end, sink);
}

EpochSnapshot Trainer::Impl::snapshot(int epoch, const SmallVector& answer,
                                      const detail::Evaluation& ev, int updates,
                                      TrainingStatus status) const
{
    EpochSnapshot snap;
    snap.epoch = epoch;
    if (classic)
        snap.model = classicOf(answer);
    snap.parameters = answer;
    setFigures(snap, ev);
    snap.updates = updates;
    snap.learningRate = settings.learningRate;
    snap.status = status;
    return snap;
}

void Trainer::Impl::setFigures(EpochSnapshot& snap, const detail::Evaluation& ev) const
{
    snap.errors = int(ev.errors);
    snap.classErrors = ev.classErrors;
    snap.loss = ev.loss;
    snap.accuracy = 1.0 - double(ev.errors) / double(n);
}

EpochSnapshot Trainer::Impl::closeEpoch(bool diverged)
{
    const detail::Evaluation ev = engine->closeEpoch(st, diverged);
    return endEpoch(diverged, ev);
}

// Counts, judges and records the epoch whose visits and closing arithmetic are done, with \p ev
// as the evaluation of its answer.
EpochSnapshot Trainer::Impl::endEpoch(bool diverged, const detail::Evaluation& ev)
{
    st.epoch += 1;
    st.position = 0;
    const SmallVector answer = engine->answer(st);

    const TrainingStatus status = judge(diverged, ev);
    EpochSnapshot snap = snapshot(st.epoch, answer, ev, st.updatesInEpoch, status);
    st.status = status;
    st.updatesInEpoch = 0;
    st.largestStep = 0.0;
    snap.state = st;
    return snap;
}

// The statuses and stop rules of rules.h ("Statuses"), at the end of epoch st.epoch.
TrainingStatus Trainer::Impl::judge(bool diverged, const detail::Evaluation& ev)
{
    if (diverged || !std::isfinite(ev.loss))
        return TrainingStatus::Diverged;
    const bool gradient = shape.kind == ModelKind::Network || !isPerceptronFamily(settings.rule);
    if (!gradient) {
        // ZeroErrors: the answer classifies every point. MistakeFreePass: besides, no visit of
        // this epoch made a mistake (for the perceptron the first follows from the second).
        const bool done =
            ev.errors == 0 &&
            (settings.perceptronStop == PerceptronStop::ZeroErrors || st.updatesInEpoch == 0);
        if (done)
            return TrainingStatus::Converged;
    } else if (settings.tolerance > 0.0) {
        const double bound = settings.tolerance * largestMagnitude(st.working);
        if (st.largestStep <= bound)
            return TrainingStatus::Converged;
        // Brent's cycle search on the end-of-epoch parameters (file order only: a shuffled
        // epoch is a different map every time).
        if (settings.order == SampleOrder::File) {
            if (!st.anchor.empty() && largestDifference(st.working, st.anchor) <= bound) {
                st.cyclePeriod = st.epoch - st.anchorEpoch;
                st.cycleSwing = engine->swing(st, st.cyclePeriod);
                return TrainingStatus::Cycle;
            }
            if (st.anchor.empty() || st.epoch - st.anchorEpoch >= st.anchorSpan) {
                if (!st.anchor.empty())
                    st.anchorSpan = st.anchorSpan < (1 << 30) ? 2 * st.anchorSpan : st.anchorSpan;
                st.anchor = st.working;
                st.anchorEpoch = st.epoch;
            }
        }
    }
    if (st.epoch >= settings.maxEpochs)
        return TrainingStatus::EpochLimit;
    return TrainingStatus::Running;
}

void Trainer::Impl::rejudgeLimit()
{
    if (st.status == TrainingStatus::EpochLimit && st.epoch < settings.maxEpochs)
        st.status = TrainingStatus::Running;
    else if (st.status == TrainingStatus::Running && st.position == 0 &&
             st.epoch >= settings.maxEpochs)
        st.status = TrainingStatus::EpochLimit;
}

Trainer::Trainer(Dataset data, TrainingSettings settings)
    : m_impl(std::make_unique<Impl>(std::move(data), std::move(settings)))
{}

Trainer::~Trainer() = default;
Trainer::Trainer(Trainer&&) noexcept = default;
Trainer& Trainer::operator=(Trainer&&) noexcept = default;

EpochSnapshot Trainer::initialSnapshot() const
{
    return m_impl->initial;
}

SampleStep Trainer::stepSample()
{
    if (finished())
        throw std::logic_error("Trainer::stepSample: the run has finished");
    Impl& d = *m_impl;
    SampleStep out;
    const detail::StepSink sink = [&out](StepRecord&& r) { out.step = std::move(r); };
    const bool ok = d.runVisits(d.st.position + 1, &sink);
    if (!ok || d.st.position == d.n) {
        out.epochEnd = d.closeEpoch(!ok);
        out.step.state = out.epochEnd->state;
    }
    return out;
}

EpochSnapshot Trainer::stepEpoch()
{
    if (finished())
        throw std::logic_error("Trainer::stepEpoch: the run has finished");
    Impl& d = *m_impl;
    const bool ok = d.runVisits(d.n, nullptr);
    return d.closeEpoch(!ok);
}

EpochSnapshot Trainer::stepEpoch(const std::function<void(const StepRecord&)>& onStep)
{
    if (!onStep)
        return stepEpoch();
    if (finished())
        throw std::logic_error("Trainer::stepEpoch: the run has finished");
    Impl& d = *m_impl;
    // Each record is handed on when the next one exists, so the last visit's record can carry
    // the state after the epoch closed, as stepSample() gives it.
    std::optional<StepRecord> pending;
    const detail::StepSink sink = [&](StepRecord&& r) {
        if (pending)
            onStep(*pending);
        pending = std::move(r);
    };
    const bool ok = d.runVisits(d.n, &sink);
    EpochSnapshot snap = d.closeEpoch(!ok);
    if (pending) {
        pending->state = snap.state;
        onStep(*pending);
    }
    return snap;
}

std::int64_t Trainer::runEpochs(std::int64_t maxEpochs, const std::function<bool()>& keepGoing,
                                const std::function<void(EpochSnapshot&&)>& sink)
{
    Impl& d = *m_impl;
    const auto more = [&](std::int64_t done) {
        return done < maxEpochs && !finished() && (!keepGoing || keepGoing());
    };
    std::int64_t done = 0;
    // An epoch begun by stepSample() ends sequentially; the pipeline starts at a boundary.
    if (d.st.position != 0 && more(done)) {
        sink(stepEpoch());
        ++done;
    }
    if (d.pipelinePays()) {
        bool stalled = false;
        done += d.runPipelined(maxEpochs - done, keepGoing, sink, stalled);
        if (!stalled)
            return done;
    }
    for (; more(done); ++done)
        sink(stepEpoch());
    return done;
}

Trainer::PipelineCounts Trainer::pipelineCounts() const
{
    return m_impl->counts;
}

// Below about this much work per epoch (points x parameters) the hand-overs between the threads
// cost about as much as the evaluation they move (bench_session.cpp, BM_TrainerEpochs: a 2-16-1
// network gains from N = 16 on a quiet machine, from N = 32 on one busy with other jobs).
constexpr std::int64_t kMinPipelinedWork = 2048;
// From about this much work (an epoch of half a millisecond and more) two epochs in flight are
// enough.
constexpr std::int64_t kLongEpochWork = std::int64_t(1) << 16;

bool Trainer::Impl::pipelinePays() const
{
    // The speculation is exact only where judge() reads the evaluation as nothing but "is the
    // loss finite" (the gradient rules and networks; the perceptron family's stop reads errors).
    const bool lossOnly = shape.kind == ModelKind::Network || !isPerceptronFamily(settings.rule);
    static const bool twoCores = std::thread::hardware_concurrency() >= 2;
    return twoCores && lossOnly && engine->evaluatesConcurrently() && st.position == 0 &&
           std::int64_t(n) * shape.storedCount() >= kMinPipelinedWork &&
           std::chrono::steady_clock::now() >= pipelineResumes;
}

std::int64_t Trainer::Impl::runPipelined(std::int64_t maxEpochs,
                                         const std::function<bool()>& keepGoing,
                                         const std::function<void(EpochSnapshot&&)>& sink,
                                         bool& stalled)
{
    using detail::EvaluationPipeline;
    if (!pipeline)
        pipeline = std::make_unique<EvaluationPipeline>(*engine);

    // The epochs in flight, oldest first, in step with the pipeline's ring: each one's snapshot
    // (judged as if its loss were finite, figures to come) and the state its visits left.
    struct Speculated
    {
        EpochSnapshot snap;
        TrainerState afterVisits;
        bool diverged = false;
    };
    std::array<Speculated, EvaluationPipeline::kDepth> ring;
    // Enough epochs in flight to ride over the hand-overs' jitter when epochs are short; two when
    // they are long (training epoch k + 1 while k is evaluated is all the overlap there is), so
    // that a preempting command waits, after the epoch it interrupts, for about one evaluation,
    // as it did when the evaluation was part of the epoch.
    const int depth =
        std::int64_t(n) * shape.storedCount() >= kLongEpochWork ? 2 : EvaluationPipeline::kDepth;
    int oldest = 0;
    std::int64_t delivered = 0;
    bool discarding = false;

    // No evaluation outlives the call, whatever happens (a throwing sink included).
    struct Drain
    {
        EvaluationPipeline& p;
        ~Drain()
        {
            while (p.inFlight() > 0) {
                try {
                    (void)p.take();
                } catch (...) { // NOLINT(bugprone-empty-catch): reported by the take() that failed
                }
            }
        }
    } drain{*pipeline};

    const auto deliverOldest = [&] {
        Speculated& s = ring[std::size_t(oldest)];
        oldest = (oldest + 1) % EvaluationPipeline::kDepth;
        const detail::Evaluation ev = pipeline->take();
        if (discarding)
            return;
        if (!s.diverged && !std::isfinite(ev.loss)) {
            // The run ended here: back to the state this epoch's visits left, and judged as
            // stepEpoch() judges it; the epochs trained after it never happened.
            counts.discarded += pipeline->inFlight();
            discarding = true;
            st = std::move(s.afterVisits);
            s.snap = endEpoch(false, ev);
            engine->restored(st);
        } else {
            setFigures(s.snap, ev);
        }
        ++delivered;
        sink(std::move(s.snap));
    };

    // On a machine whose cores are taken by other jobs, a thread that waits for the other one
    // waits for the scheduler (milliseconds, not microseconds): when this thread has spent half
    // of the call waiting for evaluations, the rest of the call and the calls of the next second
    // evaluate on this thread, as stepEpoch() does (measured: at N = 100 under load, 0.9k
    // epochs/s pipelined against 13.8k sequential).
    using Clock = std::chrono::steady_clock;
    const Clock::time_point start = Clock::now();
    const Clock::duration waitedBefore = pipeline->waited();
    const auto stalling = [&] {
        const Clock::duration elapsed = Clock::now() - start;
        return elapsed > std::chrono::milliseconds(2) &&
               2 * (pipeline->waited() - waitedBefore) > elapsed;
    };

    for (;;) {
        if (pipeline->inFlight() == depth)
            deliverOldest();
        if (discarding || st.status != TrainingStatus::Running ||
            delivered + pipeline->inFlight() >= maxEpochs)
            break;
        if (stalling()) { // before keepGoing is asked: runEpochs() asks it for the next epoch
            stalled = true;
            ++counts.stalls;
            pipelineResumes = Clock::now() + std::chrono::seconds(1);
            break;
        }
        if (keepGoing && !keepGoing())
            break;
        Speculated& s =
            ring[std::size_t((oldest + pipeline->inFlight()) % EvaluationPipeline::kDepth)];
        if (pipeline->inFlight() > 0)
            ++counts.pipelined;
        s.diverged = !runVisits(n, nullptr);
        s.afterVisits = st;
        // A finite stand-in: judge() reads nothing else of it here (see pipelinePays()).
        s.snap = endEpoch(s.diverged, detail::Evaluation{});
        pipeline->submit(s.snap.parameters);
    }
    while (pipeline->inFlight() > 0)
        deliverOldest();
    return delivered;
}

TrainingStatus Trainer::status() const
{
    return m_impl->st.status;
}

void Trainer::setLearningRate(double learningRate)
{
    TrainingSettings s = m_impl->settings;
    s.learningRate = learningRate;
    if (const auto error = validate(s))
        throw std::invalid_argument("Trainer::setLearningRate: " + std::string(error->reason));
    m_impl->settings.learningRate = learningRate;
    m_impl->engine->learningRateChanged();
}

void Trainer::setMaxEpochs(int maxEpochs)
{
    TrainingSettings s = m_impl->settings;
    s.maxEpochs = maxEpochs;
    if (const auto error = validate(s))
        throw std::invalid_argument("Trainer::setMaxEpochs: " + std::string(error->reason));
    m_impl->settings.maxEpochs = maxEpochs;
    m_impl->rejudgeLimit();
}

TrainerState Trainer::state() const
{
    return m_impl->st;
}

void Trainer::restore(const TrainerState& state)
{
    Impl& d = *m_impl;
    if (state.epoch < 0 || state.position < 0 || state.position >= d.n)
        throw std::invalid_argument("Trainer::restore: epoch or position out of range");
    const std::size_t p = std::size_t(d.shape.storedCount());
    const Rule rule = d.settings.rule;
    const bool linear = d.shape.kind == ModelKind::Linear;
    // The rule's own vectors: empty ones read as zeros, as in a default TrainerState.
    TrainerState st = state;
    const auto normalise = [p](SmallVector& v, bool kept) {
        if (kept && v.empty())
            v.assign(p, 0.0);
        return v.empty() ? !kept : v.size() == p && allFinite(v);
    };
    bool ok = st.working.size() == p && allFinite(st.working) &&
              normalise(st.batchGradient, linear && !isPerceptronFamily(rule)) &&
              normalise(st.pocket, linear && rule == Rule::Pocket) &&
              normalise(st.averageSum, linear && rule == Rule::Averaged) &&
              (st.anchor.empty() || (st.anchor.size() == p && allFinite(st.anchor))) &&
              st.avgCount >= 1 && st.updatesInEpoch >= 0 && st.totalUpdates >= st.updatesInEpoch &&
              st.largestStep >= 0.0 && st.anchorSpan >= 1 && st.anchorEpoch >= 0 &&
              st.anchorEpoch <= st.epoch && st.cyclePeriod >= 0 && st.cycleSwing >= 0.0;
    if (!linear && !st.batchGradient.empty())
        ok &= st.batchGradient.size() == p && allFinite(st.batchGradient);
    if (ok && linear && !d.settings.useBias) {
        const int units = d.shape.outputUnits();
        const int weights = units * d.shape.features.size();
        for (int k = 0; k < units; ++k)
            ok &= st.working[std::size_t(weights + k)] == 0.0;
    }
    if (!ok)
        throw std::invalid_argument("Trainer::restore: the state does not fit this trainer");
    d.st = std::move(st);
    d.engine->restored(d.st);
    d.rejudgeLimit();
}

const Dataset& Trainer::data() const
{
    return m_impl->data;
}

const TrainingSettings& Trainer::settings() const
{
    return m_impl->settings;
}

LinearModel Trainer::model() const
{
    if (!m_impl->classic)
        return {};
    return classicOf(m_impl->engine->answer(m_impl->st));
}

const ModelShape& Trainer::shape() const
{
    return m_impl->shape;
}

Model Trainer::answer() const
{
    return modelOf(m_impl->engine->answer(m_impl->st));
}

Model Trainer::modelOf(const SmallVector& parameters) const
{
    return Model(m_impl->shape, parameters, m_impl->settings.zero);
}

std::vector<EpochSnapshot> trainToEnd(Trainer& trainer)
{
    std::vector<EpochSnapshot> out;
    const TrainerState start = trainer.state();
    if (start.epoch == 0 && start.position == 0)
        out.push_back(trainer.initialSnapshot());
    while (!trainer.finished())
        out.push_back(trainer.stepEpoch());
    return out;
}

} // namespace plab::learning
