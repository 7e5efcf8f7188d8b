#include "trainer.h"

#include "random.h"
#include "rules.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>
#include <utility>

namespace plab::learning {

// Counts within one epoch (positions, updates, errors) are at most kMaxPoints, so ints hold them;
// counts over a whole run grow with data x epochs and are 64-bit (TrainerState::totalUpdates).
static_assert(kMaxPoints <= std::size_t(std::numeric_limits<int>::max()));
static_assert(std::int64_t(kMaxPoints) * kMaxEpochsLimit <
              std::numeric_limits<std::int64_t>::max() / 2);

namespace {

bool allFinite(double a, double b, double c)
{
    return std::isfinite(a) && std::isfinite(b) && std::isfinite(c);
}

/// The class a hard threshold reports at net == 0, indexed by the target, so the hot loops need
/// no switch: thresholdOutput(0, zero, t) == zeroOutputs(zero)[t].
std::array<int, 2> zeroOutputs(ZeroConvention zero)
{
    return {thresholdOutput(0.0, zero, 0), thresholdOutput(0.0, zero, 1)};
}

/// thresholdOutput() with the convention fixed at compile time: one comparison per sample in the
/// training loops instead of a switch.
template <ZeroConvention Z>
int hardOutput(double net, int target)
{
    if constexpr (Z == ZeroConvention::Positive)
        return int(net >= 0.0);
    else if constexpr (Z == ZeroConvention::Negative)
        return int(net > 0.0);
    else
        return int(net > 0.0) | (int(net == 0.0) & (target ^ 1));
}

constexpr bool isGradientRule(Rule r)
{
    return r == Rule::Adaline || r == Rule::Logistic;
}

struct Evaluation
{
    std::int64_t errors = 0;
    double loss = 0.0;
};

} // namespace

struct Trainer::Impl
{
    Dataset data;
    TrainingSettings settings;
    int n = 0;
    TrainerState st;
    EpochSnapshot initial;
    /// The visiting order of epoch `orderEpoch` (SampleOrder::Shuffle only).
    std::vector<std::uint32_t> order;
    int orderEpoch = -1;

    Impl(Dataset d, TrainingSettings s);

    enum class LossKind
    {
        None,
        Criterion,
        Squared,
        CrossEntropy
    };
    template <LossKind L>
    [[nodiscard]] Evaluation evaluateWith(const LinearModel& m) const;
    [[nodiscard]] Evaluation evaluate(const LinearModel& m) const;
    [[nodiscard]] std::int64_t countCorrect(const LinearModel& m) const;
    [[nodiscard]] LinearModel answer() const;
    [[nodiscard]] LinearModel averaged() const;
    void prepareOrder();

    template <Rule R, ZeroConvention Z, bool Record, bool Checked, typename Sink>
    bool visits(int end, Sink& sink);
    template <Rule R, ZeroConvention Z, bool Record, typename Sink>
    bool visitsChecked(int end, Sink& sink);
    template <Rule R, bool Record, typename Sink>
    bool visitsWithZero(int end, Sink& sink);
    template <bool Record, typename Sink>
    bool runVisits(int end, Sink& sink);
    EpochSnapshot closeEpoch(bool diverged);
    void rejudgeLimit();
};

Trainer::Impl::Impl(Dataset d, TrainingSettings s) : data(std::move(d)), settings(s)
{
    if (const auto problem = validate(data))
        throw std::invalid_argument("Trainer: the data set is not usable for training");
    if (const auto error = validate(settings))
        throw std::invalid_argument("Trainer: " + std::string(error->reason));
    for (int label : data.labels()) {
        if (label != 0 && label != 1)
            throw std::invalid_argument("Trainer: labels must be class indices 0 or 1");
    }
    n = int(data.size());

    LinearModel w0;
    switch (settings.init) {
    case InitKind::Zeros:
        break;
    case InitKind::Random: {
        // All three are always drawn, so w is the same with and without a bias.
        Random rng(settings.seed, RandomPurpose::InitialWeights);
        const double r = settings.randomScale;
        w0.w.x() = rng.uniform(-r, r);
        w0.w.y() = rng.uniform(-r, r);
        w0.b = rng.uniform(-r, r);
        break;
    }
    case InitKind::Given:
        w0 = settings.initial;
        break;
    }
    if (!settings.useBias)
        w0.b = 0.0;

    st.working = w0;
    st.pocket = w0;
    st.pocketCorrect = countCorrect(w0);
    const Evaluation ev = evaluate(w0);
    st.previousLoss = ev.loss;
    st.hasPreviousLoss = true;

    initial.epoch = 0;
    initial.model = w0;
    initial.errors = int(ev.errors);
    initial.loss = ev.loss;
    initial.accuracy = 1.0 - double(ev.errors) / double(n);
    initial.updates = 0;
    initial.learningRate = settings.learningRate;
    initial.status = TrainingStatus::Running;
    initial.state = st;
}

template <Trainer::Impl::LossKind L>
Evaluation Trainer::Impl::evaluateWith(const LinearModel& m) const
{
    // With s = t± net, a point is an error when s < 0, or when s == 0 and the zero convention
    // calls it the wrong class; every loss is a function of s or of t± - net. Eight independent
    // accumulators (summed in a fixed order, so the result is still deterministic) break the
    // floating-point add chain and let the compiler vectorize: this pass runs after most epochs.
    const std::array<int, 2> zeroOut = zeroOutputs(settings.zero);
    const std::array<int, 2> zeroWrong{int(zeroOut[0] != 0), int(zeroOut[1] != 1)};
    const double* xy = data.coordinates().data();
    const int* lab = data.labels().data();
    const double w1 = m.w.x();
    const double w2 = m.w.y();
    const double b = m.b;
    constexpr int kLanes = 8;
    std::array<std::int64_t, kLanes> errors{};
    std::array<double, kLanes> loss{};
    const auto visit = [&](int i, int lane) {
        const double net = w1 * xy[2 * i] + w2 * xy[2 * i + 1] + b;
        const int t = lab[i];
        const double tpm = double(2 * t - 1);
        const double s = tpm * net;
        errors[std::size_t(lane)] += int(s < 0.0) | (int(s == 0.0) & zeroWrong[std::size_t(t)]);
        if constexpr (L == LossKind::Criterion) {
            loss[std::size_t(lane)] += std::max(0.0, -s);
        } else if constexpr (L == LossKind::Squared) {
            const double e = tpm - net;
            loss[std::size_t(lane)] += 0.5 * e * e;
        } else if constexpr (L == LossKind::CrossEntropy) {
            loss[std::size_t(lane)] += softplus(-s);
        }
    };
    int i = 0;
    for (; i + kLanes <= n; i += kLanes) {
        for (int lane = 0; lane < kLanes; ++lane)
            visit(i + lane, lane);
    }
    for (; i < n; ++i)
        visit(i, 0);
    Evaluation out;
    double sum = 0.0;
    for (int lane = 0; lane < kLanes; ++lane) {
        out.errors += errors[std::size_t(lane)];
        sum += loss[std::size_t(lane)];
    }
    out.loss = sum / double(n);
    return out;
}

Evaluation Trainer::Impl::evaluate(const LinearModel& m) const
{
    switch (settings.rule) {
    case Rule::Perceptron:
    case Rule::Pocket:
    case Rule::Averaged:
        return evaluateWith<LossKind::Criterion>(m);
    case Rule::Adaline:
        return evaluateWith<LossKind::Squared>(m);
    case Rule::Logistic:
        return evaluateWith<LossKind::CrossEntropy>(m);
    }
    return {};
}

std::int64_t Trainer::Impl::countCorrect(const LinearModel& m) const
{
    return std::int64_t(n) - evaluateWith<LossKind::None>(m).errors;
}

LinearModel Trainer::Impl::averaged() const
{
    const double c = double(st.avgCount);
    return {st.working.w - st.avgSumW / c, st.working.b - st.avgSumB / c};
}

LinearModel Trainer::Impl::answer() const
{
    switch (settings.rule) {
    case Rule::Pocket:
        return st.pocket;
    case Rule::Averaged:
        return averaged();
    case Rule::Perceptron:
    case Rule::Adaline:
    case Rule::Logistic:
        break;
    }
    return st.working;
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

// The inner loop over sample visits [st.position, end). Instantiated per rule, per "record steps
// or not" and per "check every update for divergence or not", so the path without records is
// straight arithmetic on locals: no virtual or std::function call, no switch, no allocation and
// no finiteness test per sample.
//
// The unchecked loop relies on non-finite values being absorbing (inf + x is inf or NaN, NaN + x
// is NaN): if the weights or sums are finite after the loop, every intermediate value was
// finite too. If not, runVisits() restores the state saved before the loop and runs the same
// visits again checked, which stops at the first update that would leave the finite range.
template <Rule R, ZeroConvention Z, bool Record, bool Checked, typename Sink>
bool Trainer::Impl::visits(int end, Sink& sink)
{
    static_assert(Checked || !Record, "recorded visits are always checked");
    constexpr bool family = !isGradientRule(R);
    TrainerState& s = st;
    const double* xy = data.coordinates().data();
    const int* lab = data.labels().data();
    const std::uint32_t* ord = settings.order == SampleOrder::Shuffle ? order.data() : nullptr;
    const double lr = settings.learningRate;
    const bool bias = settings.useBias;
    const bool online = settings.gradientMode == GradientMode::Online;
    // eta * t± indexed by t: the perceptron family's update factor eta (t - y) on an error.
    const std::array<double, 2> step{-lr, lr};
    const double invN = 1.0 / double(n);

    double w1 = s.working.w.x();
    double w2 = s.working.w.y();
    double b = s.working.b;
    const int updatesBefore = s.updatesInEpoch;
    int updates = updatesBefore;
    std::int64_t run = s.run;
    double g1 = s.batchGradW.x();
    double g2 = s.batchGradW.y();
    double gb = s.batchGradB;
    double u1 = s.avgSumW.x();
    double u2 = s.avgSumW.y();
    double ub = s.avgSumB;
    std::int64_t c = s.avgCount;
    const std::int64_t totalBefore = s.totalUpdates;

    const auto storeLocals = [&](int position) {
        s.position = position;
        s.working = LinearModel{{w1, w2}, b};
        s.updatesInEpoch = updates;
        s.totalUpdates = totalBefore + (updates - updatesBefore);
        s.run = run;
        s.batchGradW = {g1, g2};
        s.batchGradB = gb;
        s.avgSumW = {u1, u2};
        s.avgSumB = ub;
        s.avgCount = c;
    };
    // Applies v += (a1, a2, ab) to three accumulators, unless (checked) that leaves the finite
    // range: then nothing changes and the run diverges.
    bool diverged = false;
    const auto add = [&diverged](double& v1, double& v2, double& vb, double a1, double a2,
                                 double ab) {
        const double n1 = v1 + a1;
        const double n2 = v2 + a2;
        const double nb = vb + ab;
        if constexpr (Checked) {
            if (!allFinite(n1, n2, nb)) [[unlikely]] {
                diverged = true;
                return false;
            }
        }
        v1 = n1;
        v2 = n2;
        vb = nb;
        return true;
    };

    int p = s.position;
    for (; p < end; ++p) {
        const auto i = ord ? std::size_t(ord[p]) : std::size_t(p);
        const double x1 = xy[2 * i];
        const double x2 = xy[2 * i + 1];
        const int t = lab[i];
        const double net = w1 * x1 + w2 * x2 + b;
        const int y = hardOutput<Z>(net, t);

        [[maybe_unused]] double e = 0.0;
        [[maybe_unused]] bool updated = false;
        [[maybe_unused]] double d1 = 0.0;
        [[maybe_unused]] double d2 = 0.0;
        [[maybe_unused]] double db = 0.0;
        [[maybe_unused]] const LinearModel before{{w1, w2}, b};

        if constexpr (family) {
            if (y != t) {
                if constexpr (R == Rule::Pocket) {
                    // Gallant's ratchet: a run that beat the pocket's run earns an evaluation.
                    if (run > s.pocketRun) {
                        const LinearModel current{{w1, w2}, b};
                        const std::int64_t correct = countCorrect(current);
                        if (correct > s.pocketCorrect) {
                            s.pocket = current;
                            s.pocketCorrect = correct;
                            s.pocketRun = run;
                        }
                    }
                    run = 0;
                }
                const double f = step[std::size_t(t)];
                const double fb = bias ? f : 0.0;
                if (add(w1, w2, b, f * x1, f * x2, fb)) [[likely]] {
                    if constexpr (R == Rule::Averaged) {
                        const double cf = double(c) * f;
                        u1 += cf * x1;
                        u2 += cf * x2;
                        ub += bias ? cf : 0.0;
                    }
                    ++updates;
                    updated = true;
                    d1 = f * x1;
                    d2 = f * x2;
                    db = fb;
                }
            } else if constexpr (R == Rule::Pocket) {
                ++run;
            }
            if constexpr (R == Rule::Averaged)
                ++c;
            e = double(t - y);
        } else {
            if constexpr (R == Rule::Adaline)
                e = (t == 1 ? 1.0 : -1.0) - net;
            else
                e = double(t) - sigmoid(net);
            if (online) {
                const double f = lr * e;
                if (add(w1, w2, b, f * x1, f * x2, bias ? f : 0.0)) [[likely]] {
                    d1 = f * x1;
                    d2 = f * x2;
                    db = bias ? f : 0.0;
                    if (e != 0.0) {
                        ++updates;
                        updated = true;
                    }
                }
            } else if (add(g1, g2, gb, e * x1, e * x2, bias ? e : 0.0)) [[likely]] {
                // This visit's share of the step taken when the epoch closes.
                d1 = lr * e * x1 * invN;
                d2 = lr * e * x2 * invN;
                db = bias ? lr * e * invN : 0.0;
            }
        }

        if constexpr (Record) {
            storeLocals(p + 1);
            StepRecord r;
            r.epoch = s.epoch + 1;
            r.visit = p;
            r.index = i;
            r.x = {x1, x2};
            r.target = t;
            r.net = net;
            r.output = y;
            r.error = e;
            r.learningRate = lr;
            r.updated = updated;
            r.deltaW = {d1, d2};
            r.deltaB = db;
            r.before = before;
            r.after = s.working;
            r.state = s;
            sink(std::move(r));
        }
        if (diverged) {
            ++p;
            break;
        }
    }
    storeLocals(p);
    if constexpr (Checked)
        return !diverged;
    else
        return allFinite(w1, w2, b) && allFinite(g1, g2, gb) && allFinite(u1, u2, ub);
}

template <Rule R, ZeroConvention Z, bool Record, typename Sink>
bool Trainer::Impl::visitsChecked(int end, Sink& sink)
{
    if constexpr (Record) {
        return visits<R, Z, true, true>(end, sink);
    } else {
        const TrainerState saved = st;
        if (visits<R, Z, false, false>(end, sink))
            return true;
        st = saved;
        return visits<R, Z, false, true>(end, sink);
    }
}

template <Rule R, bool Record, typename Sink>
bool Trainer::Impl::visitsWithZero(int end, Sink& sink)
{
    switch (settings.zero) {
    case ZeroConvention::Positive:
        return visitsChecked<R, ZeroConvention::Positive, Record>(end, sink);
    case ZeroConvention::Negative:
        return visitsChecked<R, ZeroConvention::Negative, Record>(end, sink);
    case ZeroConvention::Mistake:
        return visitsChecked<R, ZeroConvention::Mistake, Record>(end, sink);
    }
    return true;
}

template <bool Record, typename Sink>
bool Trainer::Impl::runVisits(int end, Sink& sink)
{
    prepareOrder();
    switch (settings.rule) {
    case Rule::Perceptron:
        return visitsWithZero<Rule::Perceptron, Record>(end, sink);
    case Rule::Pocket:
        return visitsWithZero<Rule::Pocket, Record>(end, sink);
    case Rule::Averaged:
        return visitsWithZero<Rule::Averaged, Record>(end, sink);
    case Rule::Adaline:
        return visitsWithZero<Rule::Adaline, Record>(end, sink);
    case Rule::Logistic:
        return visitsWithZero<Rule::Logistic, Record>(end, sink);
    }
    return true;
}

EpochSnapshot Trainer::Impl::closeEpoch(bool diverged)
{
    const bool gradient = isGradientRule(settings.rule);
    if (!diverged && gradient && settings.gradientMode == GradientMode::Batch) {
        const double lr = settings.learningRate;
        const double invN = 1.0 / double(n);
        const double n1 = st.working.w.x() + lr * (st.batchGradW.x() * invN);
        const double n2 = st.working.w.y() + lr * (st.batchGradW.y() * invN);
        const double nb =
            settings.useBias ? st.working.b + lr * (st.batchGradB * invN) : st.working.b;
        if (allFinite(n1, n2, nb)) {
            if (st.batchGradW.x() != 0.0 || st.batchGradW.y() != 0.0 || st.batchGradB != 0.0) {
                ++st.updatesInEpoch;
                ++st.totalUpdates;
            }
            st.working = LinearModel{{n1, n2}, nb};
        } else {
            diverged = true;
        }
    }

    st.epoch += 1;
    st.position = 0;

    Evaluation ev;
    LinearModel model;
    switch (settings.rule) {
    case Rule::Perceptron:
        model = st.working;
        // Every visit of an epoch without updates saw the final weights classify it correctly.
        if (diverged || st.updatesInEpoch > 0)
            ev = evaluate(model);
        break;
    case Rule::Pocket: {
        const Evaluation working = evaluate(st.working);
        if (std::int64_t(n) - working.errors > st.pocketCorrect) {
            st.pocket = st.working;
            st.pocketCorrect = std::int64_t(n) - working.errors;
            st.pocketRun = st.run;
            ev = working;
        } else {
            ev = evaluate(st.pocket);
        }
        model = st.pocket;
        break;
    }
    case Rule::Averaged:
        model = averaged();
        ev = evaluate(model);
        break;
    case Rule::Adaline:
    case Rule::Logistic:
        model = st.working;
        ev = evaluate(model);
        break;
    }

    TrainingStatus status = TrainingStatus::Running;
    if (diverged || !std::isfinite(ev.loss)) {
        status = TrainingStatus::Diverged;
    } else if (!gradient) {
        if (ev.errors == 0)
            status = TrainingStatus::Converged;
    } else {
        if (ev.loss == 0.0 ||
            (st.hasPreviousLoss && std::abs(ev.loss - st.previousLoss) < settings.tolerance))
            status = TrainingStatus::Converged;
    }
    if (status == TrainingStatus::Running && st.epoch >= settings.maxEpochs)
        status = TrainingStatus::EpochLimit;

    EpochSnapshot snap;
    snap.epoch = st.epoch;
    snap.model = model;
    snap.errors = int(ev.errors);
    snap.loss = ev.loss;
    snap.accuracy = 1.0 - double(ev.errors) / double(n);
    snap.updates = st.updatesInEpoch;
    snap.learningRate = settings.learningRate;
    snap.status = status;

    st.status = status;
    st.previousLoss = ev.loss;
    st.hasPreviousLoss = true;
    st.updatesInEpoch = 0;
    st.batchGradW.setZero();
    st.batchGradB = 0.0;
    snap.state = st;
    return snap;
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
    : m_impl(std::make_unique<Impl>(std::move(data), settings))
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
    auto sink = [&out](StepRecord&& r) { out.step = std::move(r); };
    const bool ok = d.runVisits<true>(d.st.position + 1, sink);
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
    auto sink = [](StepRecord&&) {};
    const bool ok = d.runVisits<false>(d.n, sink);
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
    auto sink = [&](StepRecord&& r) {
        if (pending)
            onStep(*pending);
        pending = std::move(r);
    };
    const bool ok = d.runVisits<true>(d.n, sink);
    EpochSnapshot snap = d.closeEpoch(!ok);
    if (pending) {
        pending->state = snap.state;
        onStep(*pending);
    }
    return snap;
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
    m_impl->settings = s;
}

void Trainer::setMaxEpochs(int maxEpochs)
{
    TrainingSettings s = m_impl->settings;
    s.maxEpochs = maxEpochs;
    if (const auto error = validate(s))
        throw std::invalid_argument("Trainer::setMaxEpochs: " + std::string(error->reason));
    m_impl->settings = s;
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
    if (!state.working.isFinite() || !state.pocket.isFinite() || state.avgCount < 1 ||
        state.updatesInEpoch < 0 || state.totalUpdates < state.updatesInEpoch ||
        (!d.settings.useBias && state.working.b != 0.0))
        throw std::invalid_argument("Trainer::restore: the state does not fit this trainer");
    d.st = state;
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
    return m_impl->answer();
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
