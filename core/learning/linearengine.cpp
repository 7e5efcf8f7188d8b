// The engine of every linear model (engine.h): one visit loop, instantiated per rule unit
// (linearrules.h) and answer policy (working, pocket, averaged), the evaluation passes, and the
// epoch's closing arithmetic. The mathematics is written out in rules.h.
// Longer than our ~600-line guide on purpose: the loop, its instantiations and the closing
// arithmetic share private templates; split, they would need a header of internals and the one
// hot loop would be read across files.
#include "engine.h"
#include "linearevaluation.h"
#include "linearrules.h"
#include "random.h"
#include "rules.h"
#include "trainer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <type_traits>
#include <utility>

namespace plab::learning::detail {

namespace {

bool allFinite(const SmallVector& v)
{
    return std::all_of(v.begin(), v.end(), [](double x) { return std::isfinite(x); });
}

// --- Answer policies: which parameters the rule answers with --------------------------------

/// The working parameters are the answer (perceptron, gradient rules).
template <typename W>
struct WorkingAnswer
{
    static constexpr bool kPocket = false;
    static constexpr bool kAveraged = false;
    void load(const TrainerState&, int, int) {}
    void store(TrainerState&) const {}
};

/// Gallant's pocket with ratchet: the run of correct visits is a local; the pocket itself lives
/// in the state (it changes rarely).
template <typename W>
struct PocketAnswer
{
    static constexpr bool kPocket = true;
    static constexpr bool kAveraged = false;
    std::int64_t run = 0;
    void load(const TrainerState& s, int, int) { run = s.run; }
    void store(TrainerState& s) const { s.run = run; }
};

/// The averaged perceptron: running sums u (shaped like the parameters) and the visit count c.
template <typename W>
struct AveragedAnswer
{
    static constexpr bool kPocket = false;
    static constexpr bool kAveraged = true;
    W u;
    std::int64_t c = 1;
    void load(const TrainerState& s, int units, int dims)
    {
        u.resize(units, dims);
        u.load(s.averageSum.data());
        c = s.avgCount;
    }
    void store(TrainerState& s) const
    {
        u.store(s.averageSum.data());
        s.avgCount = c;
    }
};

// --- Sinks: what the loop does with each visit besides the arithmetic ------------------------

/// Nothing: the fast path.
struct NoSink
{
    static constexpr bool kRecords = false;
    static constexpr bool kTrack = false;
};

/// Builds every visit's StepRecord.
struct RecordSink
{
    static constexpr bool kRecords = true;
    static constexpr bool kTrack = false;
    const StepSink* sink = nullptr;
};

/// Tracks the largest distance of the working parameters from a reference (a cycle's swing).
struct TrackSink
{
    static constexpr bool kRecords = false;
    static constexpr bool kTrack = true;
    SmallVector reference;
    SmallVector scratch;
    double swing = 0.0;
};

/// The binary perceptron family on features (any number of inputs, convention at run time).
template <typename Zero>
using BinaryPerceptronAny = BinaryPerceptron<kDynamic, Zero>;

/// Whether a rule unit is the classic model's perceptron, and its zero convention.
template <typename R>
struct ClassicPerceptronOf : std::false_type
{};
template <ZeroConvention Z>
struct ClassicPerceptronOf<BinaryPerceptron<2, FixedZero<Z>>> : std::true_type
{
    static constexpr ZeroConvention kZero = Z;
};

/// The common case on its own: the classic two-class perceptron (working answer) without records,
/// unchecked. The same arithmetic as loop() with BinaryPerceptron<2> and Weights<1, 2> (w1 x1 and
/// w2 x2 as one vector product, summed in order with b; on a mistake w + f x and b + f, or b + 0
/// without a bias), so the same bits, with nothing else in the loop: the generic loop's Outcome,
/// its error factor and the answer policy's hooks cost about 15 % on noisy data, where every
/// mistake waits for the update before it. Returns false when a value left the finite range
/// (the caller then runs the same visits again checked).
template <ZeroConvention Z>
bool classicPerceptron(TrainerState& s, const double* xy, const int* lab, const std::uint32_t* ord,
                       int end, double lr, bool bias)
{
    using Pair = Weights<1, 2>::Pair;
    Pair w = Weights<1, 2>::pair(s.working.data());
    double b = s.working[2];
    const std::array<double, 2> step{-lr, lr}; // eta t± indexed by t
    int updates = 0;
    const auto visit = [&](std::size_t i) {
        const Pair x = Weights<1, 2>::pair(xy + 2 * i);
        const int t = lab[i];
        const Pair p = w * x;
        if (hardOutput<Z>(p[0] + p[1] + b, t) != t) [[unlikely]] {
            const double f = step[std::size_t(t)];
            w = w + f * x;
            b = b + (bias ? f : 0.0);
            ++updates;
        }
    };
    const int from = s.position;
    if (ord) {
        for (int p = from; p < end; ++p)
            visit(std::size_t(ord[p]));
    } else {
        for (int p = from; p < end; ++p)
            visit(std::size_t(p));
    }
    s.position = std::max(from, end);
    s.working[0] = w[0];
    s.working[1] = w[1];
    s.working[2] = b;
    s.updatesInEpoch += updates;
    s.totalUpdates += updates;
    return std::isfinite(w[0]) && std::isfinite(w[1]) && std::isfinite(b);
}

// --- The engine ------------------------------------------------------------------------------

class LinearEngine final : public Engine
{
public:
    LinearEngine(const Dataset& data, const TrainingSettings& settings);

    [[nodiscard]] TrainerState initialState() const override;
    bool visits(TrainerState& st, const std::uint32_t* order, int end,
                const StepSink* sink) override;
    [[nodiscard]] Evaluation closeEpoch(TrainerState& st, bool& diverged) override;
    [[nodiscard]] Evaluation evaluate(const SmallVector& answer) const override;
    [[nodiscard]] SmallVector answer(const TrainerState& st) const override;
    [[nodiscard]] double swing(const TrainerState& from, int epochs) override;

private:
    template <typename R, template <typename> class A, typename Sink, bool Checked>
    bool loop(TrainerState& s, const std::uint32_t* ord, int end, Sink& sink);
    template <typename R, template <typename> class A, typename Sink>
    bool loopChecked(TrainerState& s, const std::uint32_t* ord, int end, Sink& sink);
    /// Calls fn.template operator()<Rule, Answer>() for the settings' rule.
    template <typename Fn>
    decltype(auto) dispatch(Fn&& fn);
    template <typename Sink>
    bool run(TrainerState& s, const std::uint32_t* ord, int end, Sink& sink);

    [[nodiscard]] Evaluation evaluateWith(LossKind loss, const double* p) const;
    [[nodiscard]] std::int64_t countCorrect(const double* p) const;
    [[nodiscard]] LossKind lossKind() const;
    [[nodiscard]] bool isFamily() const { return isPerceptronFamily(m_settings.rule); }

    const Dataset& m_data;
    const TrainingSettings& m_settings;
    ModelShape m_shape;
    bool m_classic = false;
    int m_n = 0;
    int m_units = 1;
    int m_dims = 2;
    int m_stored = 3;               ///< the flat parameter count
    std::vector<double> m_features; ///< the feature vectors, row by row (empty for x1, x2)
    const double* m_in = nullptr;   ///< the inputs: m_dims values per sample
    const int* m_labels = nullptr;
};

LinearEngine::LinearEngine(const Dataset& data, const TrainingSettings& settings)
    : m_data(data), m_settings(settings), m_shape(modelShape(settings))
{
    m_classic = m_shape.isClassic();
    m_n = int(data.size());
    m_units = m_shape.outputUnits();
    m_dims = m_shape.features.size();
    m_stored = m_shape.storedCount();
    if (m_shape.features == FeatureSet()) {
        m_in = data.coordinates().data();
    } else {
        // The feature vectors are computed once: a run visits every sample many times.
        m_features.resize(std::size_t(m_n) * std::size_t(m_dims));
        for (int i = 0; i < m_n; ++i) {
            const Eigen::Vector2d x = data.point(std::size_t(i));
            m_shape.features.map(x.x(), x.y(), m_features.data() + std::size_t(i * m_dims));
        }
        m_in = m_features.data();
    }
    m_labels = data.labels().data();
}

TrainerState LinearEngine::initialState() const
{
    const TrainingSettings& s = m_settings;
    SmallVector w0(std::size_t(m_stored), 0.0);
    switch (s.init) {
    case InitKind::Zeros:
        break;
    case InitKind::Random: {
        // Every value is drawn, in the flat order (w1, w2, b for the classic model), so w is the
        // same with and without a bias.
        Random rng(s.seed, RandomPurpose::InitialWeights);
        const double r = s.randomScale;
        for (double& v : w0)
            v = rng.uniform(-r, r);
        break;
    }
    case InitKind::Given:
        if (s.initialLayers.empty())
            w0 = SmallVector{s.initial.w.x(), s.initial.w.y(), s.initial.b};
        else
            w0 = Model(m_shape, s.initialLayers).parameters();
        break;
    }
    if (!s.useBias) {
        for (int k = 0; k < m_units; ++k)
            w0[std::size_t(m_units * m_dims + k)] = 0.0;
    }

    TrainerState st;
    st.working = w0;
    if (s.rule == Rule::Pocket) {
        st.pocket = w0;
        st.pocketCorrect = countCorrect(w0.data());
    }
    if (s.rule == Rule::Averaged)
        st.averageSum.assign(std::size_t(m_stored), 0.0);
    if (!isFamily())
        st.batchGradient.assign(std::size_t(m_stored), 0.0);
    return st;
}

// The inner loop over sample visits [s.position, end). Instantiated per rule unit, answer policy,
// sink (nothing / records / a cycle's swing) and "check every update for divergence or not", so
// the path without records is straight arithmetic on locals: no virtual or std::function call,
// no switch, no allocation and no finiteness test per sample.
//
// The unchecked loop relies on non-finite values being absorbing (inf + x is inf or NaN, NaN + x
// is NaN): if the parameters and sums are finite after the loop, every intermediate value was
// finite too. If not, loopChecked() restores the state saved before the loop and runs the same
// visits again checked, which stops at the first update that would leave the finite range.
template <typename R, template <typename> class A, typename Sink, bool Checked>
bool LinearEngine::loop(TrainerState& s, const std::uint32_t* ord, int end, Sink& sink)
{
    static_assert(Checked || !(Sink::kRecords || Sink::kTrack), "recorded visits are checked");
    using W = Weights<R::kUnits, R::kDims>;
    using Answer = A<W>;
    constexpr bool family = R::kFamily;

    const double* in = m_in;
    const int* lab = m_labels;
    const int dims = R::kDims > 0 ? R::kDims : m_dims;
    const double lr = m_settings.learningRate;
    const bool bias = m_settings.useBias;
    const bool online = m_settings.gradientMode == GradientMode::Online;
    const double invN = 1.0 / double(m_n);

    typename R::Context ctx;
    ctx.lr = lr;
    if constexpr (std::is_same_v<decltype(ctx.zero), AnyZero>)
        ctx.zero.zero = m_settings.zero;
    ctx.classes = m_shape.classes;
    ctx.step = {-lr, lr};

    W w;
    w.resize(m_units, dims);
    w.load(s.working.data());
    W g; // the batch sums (gradient rules in GradientMode::Batch)
    if constexpr (!family) {
        g.resize(m_units, dims);
        g.load(s.batchGradient.data());
    }
    Answer answer;
    answer.load(s, m_units, dims);
    const int updatesBefore = s.updatesInEpoch;
    int updates = updatesBefore;
    const std::int64_t totalBefore = s.totalUpdates;
    double largestStep = s.largestStep;

    const auto storeLocals = [&](int position) {
        s.position = position;
        w.store(s.working.data());
        if constexpr (!family)
            g.store(s.batchGradient.data());
        answer.store(s);
        s.updatesInEpoch = updates;
        s.totalUpdates = totalBefore + (updates - updatesBefore);
        s.largestStep = largestStep;
    };

    bool diverged = false;
    // One visit; false when it diverged. Called from two loops (file order, shuffled), so that
    // neither tests the order at every visit.
    const auto visit = [&](int p, std::size_t i) {
        const double* x = in + i * std::size_t(dims);
        const int t = lab[i];

        Outcome<W::kU> o;
        R::visit(w, x, t, ctx, o);

        [[maybe_unused]] W before;
        if constexpr (Sink::kRecords)
            before = w;
        [[maybe_unused]] bool updated = false;
        [[maybe_unused]] bool applied = false; // the visit's change (or batch share) is recorded

        if constexpr (family) {
            if (o.mistake) [[unlikely]] { // the common case stays a straight line
                if constexpr (Answer::kPocket) {
                    // Gallant's ratchet: a run that beat the pocket's run earns an evaluation.
                    if (answer.run > s.pocketRun) {
                        SmallVector current(static_cast<std::size_t>(m_stored));
                        w.store(current.data());
                        const std::int64_t correct = countCorrect(current.data());
                        if (correct > s.pocketCorrect) {
                            s.pocket = current;
                            s.pocketCorrect = correct;
                            s.pocketRun = answer.run;
                        }
                    }
                    answer.run = 0;
                }
                R::factors(t, ctx, o);
                W next;
                W& target = Checked ? next : w; // checked: all or nothing
                if constexpr (Checked)
                    next = w;
                for (int k = 0; k < w.units(); ++k) {
                    const double f = o.f[std::size_t(k)];
                    // One unit always steps on a mistake; of K units only those with f != 0.
                    if (R::kUnits == 1 || f != 0.0)
                        target.add(k, f, x, bias ? f : 0.0);
                }
                if (!Checked || next.finite()) [[likely]] {
                    if constexpr (Checked)
                        w = next;
                    if constexpr (Answer::kAveraged) {
                        const double c = double(answer.c);
                        for (int k = 0; k < w.units(); ++k) {
                            const double f = o.f[std::size_t(k)];
                            if (R::kUnits == 1 || f != 0.0) {
                                const double cf = c * f;
                                answer.u.add(k, cf, x, bias ? cf : 0.0);
                            }
                        }
                    }
                    ++updates;
                    updated = true;
                    applied = true;
                } else {
                    diverged = true;
                }
            } else if constexpr (Answer::kPocket) {
                ++answer.run;
            }
            if constexpr (Answer::kAveraged)
                ++answer.c;
        } else if (online) {
            W next;
            W& target = Checked ? next : w;
            if constexpr (Checked)
                next = w;
            double f = 0.0;
            bool moving = false;
            for (int k = 0; k < w.units(); ++k) {
                const double fk = o.f[std::size_t(k)];
                target.add(k, fk, x, bias ? fk : 0.0);
                f = std::max(f, std::abs(fk));
                moving |= o.e[std::size_t(k)] != 0.0;
            }
            if (!Checked || next.finite()) [[likely]] {
                if constexpr (Checked)
                    w = next;
                applied = true;
                // The largest change of a parameter: |f| times the largest |x_i| (or 1 for b).
                double m = bias ? 1.0 : 0.0;
                for (int d = 0; d < dims; ++d)
                    m = std::max(m, std::abs(x[d]));
                largestStep = std::max(largestStep, f * m);
                if (moving) {
                    ++updates;
                    updated = true;
                }
            } else {
                diverged = true;
            }
        } else {
            W next;
            W& target = Checked ? next : g;
            if constexpr (Checked)
                next = g;
            for (int k = 0; k < w.units(); ++k) {
                const double e = o.e[std::size_t(k)];
                target.add(k, e, x, bias ? e : 0.0);
            }
            if (!Checked || next.finite()) [[likely]] {
                if constexpr (Checked)
                    g = next;
                applied = true;
            } else {
                diverged = true;
            }
        }

        if constexpr (Sink::kRecords) {
            storeLocals(p + 1);
            StepRecord r;
            r.epoch = s.epoch + 1;
            r.visit = p;
            r.index = i;
            r.x = m_data.point(i);
            r.target = t;
            r.output = o.output;
            r.learningRate = lr;
            r.updated = updated;
            const int units = w.units();
            r.scores.assign(std::size_t(units), 0.0);
            r.unitErrors.assign(std::size_t(units), 0.0);
            for (int k = 0; k < units; ++k) {
                r.scores[std::size_t(k)] = o.z[std::size_t(k)];
                r.unitErrors[std::size_t(k)] = o.e[std::size_t(k)];
            }
            r.parametersBefore.assign(std::size_t(m_stored), 0.0);
            before.store(r.parametersBefore.data());
            r.parametersAfter = s.working;
            // The change as the update computed it (so before + change == after exactly); for a
            // batch rule this visit's share eta e x / N of the step to come.
            W change;
            change.resize(units, dims);
            change.clear();
            if (applied) {
                for (int k = 0; k < units; ++k) {
                    double f = o.f[std::size_t(k)];
                    if constexpr (!family) {
                        if (!online) {
                            const double e = o.e[std::size_t(k)];
                            for (int d = 0; d < dims; ++d)
                                change.set(k, d, lr * e * x[d] * invN);
                            change.bias(k) = bias ? lr * e * invN : 0.0;
                            continue;
                        }
                    }
                    if (family && f == 0.0)
                        continue;
                    for (int d = 0; d < dims; ++d)
                        change.set(k, d, f * x[d]);
                    change.bias(k) = bias ? f : 0.0;
                }
            }
            r.change.assign(std::size_t(m_stored), 0.0);
            change.store(r.change.data());
            if (m_classic) {
                r.net = o.z[0];
                r.error = o.e[0];
                r.deltaW = {change.at(0, 0), change.at(0, 1)};
                r.deltaB = change.bias(0);
                r.before = LinearModel{{before.at(0, 0), before.at(0, 1)}, before.bias(0)};
                r.after = LinearModel{{w.at(0, 0), w.at(0, 1)}, w.bias(0)};
            }
            r.state = s;
            (*sink.sink)(std::move(r));
        }
        if constexpr (Sink::kTrack) {
            w.store(sink.scratch.data());
            for (std::size_t j = 0; j < sink.scratch.size(); ++j)
                sink.swing = std::max(sink.swing, std::abs(sink.scratch[j] - sink.reference[j]));
        }
        return !diverged;
    };
    int p = s.position;
    if (ord) {
        for (; p < end;) {
            const int q = p++;
            if (!visit(q, std::size_t(ord[q])))
                break;
        }
    } else {
        for (; p < end;) {
            const int q = p++;
            if (!visit(q, std::size_t(q)))
                break;
        }
    }
    storeLocals(p);
    if constexpr (Checked) {
        return !diverged;
    } else {
        bool ok = w.finite();
        if constexpr (!family)
            ok &= g.finite();
        if constexpr (Answer::kAveraged)
            ok &= answer.u.finite();
        return ok;
    }
}

template <typename R, template <typename> class A, typename Sink>
bool LinearEngine::loopChecked(TrainerState& s, const std::uint32_t* ord, int end, Sink& sink)
{
    if constexpr (Sink::kRecords || Sink::kTrack) {
        return loop<R, A, Sink, true>(s, ord, end, sink);
    } else {
        const TrainerState saved = s;
        using Classic = ClassicPerceptronOf<R>;
        if constexpr (Classic::value &&
                      std::is_same_v<A<Weights<1, 2>>, WorkingAnswer<Weights<1, 2>>>) {
            if (classicPerceptron<Classic::kZero>(s, m_in, m_labels, ord, end,
                                                  m_settings.learningRate, m_settings.useBias))
                return true;
        } else if (loop<R, A, Sink, false>(s, ord, end, sink)) {
            return true;
        }
        s = saved;
        return loop<R, A, Sink, true>(s, ord, end, sink);
    }
}

template <typename Fn>
decltype(auto) LinearEngine::dispatch(Fn&& fn)
{
    const TrainingSettings& s = m_settings;
    const auto family = [&]<template <typename> class Unit>() -> decltype(auto) {
        switch (s.rule) {
        case Rule::Pocket:
            return fn.template operator()<Unit<AnyZero>, PocketAnswer>();
        case Rule::Averaged:
            return fn.template operator()<Unit<AnyZero>, AveragedAnswer>();
        default:
            return fn.template operator()<Unit<AnyZero>, WorkingAnswer>();
        }
    };
    if (m_classic) {
        // The classic model: sizes and zero convention at compile time.
        const auto withZero = [&]<ZeroConvention Z>() -> decltype(auto) {
            using Zero = FixedZero<Z>;
            switch (s.rule) {
            case Rule::Pocket:
                return fn.template operator()<BinaryPerceptron<2, Zero>, PocketAnswer>();
            case Rule::Averaged:
                return fn.template operator()<BinaryPerceptron<2, Zero>, AveragedAnswer>();
            case Rule::Adaline:
                return fn.template operator()<BinaryAdaline<2, Zero>, WorkingAnswer>();
            case Rule::Logistic:
                return fn.template operator()<BinaryLogistic<2, Zero>, WorkingAnswer>();
            case Rule::Perceptron:
                break;
            }
            return fn.template operator()<BinaryPerceptron<2, Zero>, WorkingAnswer>();
        };
        switch (s.zero) {
        case ZeroConvention::Negative:
            return withZero.template operator()<ZeroConvention::Negative>();
        case ZeroConvention::Mistake:
            return withZero.template operator()<ZeroConvention::Mistake>();
        case ZeroConvention::Positive:
            break;
        }
        return withZero.template operator()<ZeroConvention::Positive>();
    }
    if (m_units == 1) {
        switch (s.rule) {
        case Rule::Adaline:
            return fn.template operator()<BinaryAdaline<kDynamic, AnyZero>, WorkingAnswer>();
        case Rule::Logistic:
            return fn.template operator()<BinaryLogistic<kDynamic, AnyZero>, WorkingAnswer>();
        default:
            break;
        }
        return family.template operator()<BinaryPerceptronAny>();
    }
    switch (s.rule) {
    case Rule::Adaline:
        return fn.template operator()<OneHotAdaline<AnyZero>, WorkingAnswer>();
    case Rule::Logistic:
        return fn.template operator()<SoftmaxRegression<AnyZero>, WorkingAnswer>();
    default:
        break;
    }
    if (s.multiclass == Multiclass::OneVsRest)
        return family.template operator()<OneVsRestPerceptron>();
    return family.template operator()<KeslerPerceptron>();
}

template <typename Sink>
bool LinearEngine::run(TrainerState& s, const std::uint32_t* ord, int end, Sink& sink)
{
    return dispatch([&]<typename R, template <typename> class A>() {
        return loopChecked<R, A>(s, ord, end, sink);
    });
}

bool LinearEngine::visits(TrainerState& st, const std::uint32_t* order, int end,
                          const StepSink* sink)
{
    if (sink) {
        RecordSink records{sink};
        return run(st, order, end, records);
    }
    NoSink none;
    return run(st, order, end, none);
}

LossKind LinearEngine::lossKind() const
{
    const bool binary = m_units == 1;
    switch (m_settings.rule) {
    case Rule::Perceptron:
    case Rule::Pocket:
    case Rule::Averaged:
        if (binary)
            return LossKind::Criterion;
        return m_settings.multiclass == Multiclass::OneVsRest ? LossKind::OneVsRest
                                                              : LossKind::Kesler;
    case Rule::Adaline:
        return binary ? LossKind::Squared : LossKind::OneHot;
    case Rule::Logistic:
        return binary ? LossKind::CrossEntropy : LossKind::Softmax;
    }
    return LossKind::None;
}

Evaluation LinearEngine::evaluateWith(LossKind loss, const double* p) const
{
    const LinearInputs in{m_in, m_labels, m_n, m_dims, m_units, m_settings.zero};
    return evaluateLinear(in, loss, p);
}

Evaluation LinearEngine::evaluate(const SmallVector& answer) const
{
    return evaluateWith(lossKind(), answer.data());
}

std::int64_t LinearEngine::countCorrect(const double* p) const
{
    return std::int64_t(m_n) - evaluateWith(LossKind::None, p).errors;
}

SmallVector LinearEngine::answer(const TrainerState& st) const
{
    return answerParameters(m_settings, st);
}

Evaluation LinearEngine::closeEpoch(TrainerState& st, bool& diverged)
{
    const TrainingSettings& s = m_settings;
    if (!diverged && !isFamily() && s.gradientMode == GradientMode::Batch) {
        // w <- w + eta (G / N), each parameter (b only with a bias), all or nothing.
        const double lr = s.learningRate;
        const double invN = 1.0 / double(m_n);
        const int weights = m_units * m_dims;
        SmallVector next = st.working;
        bool moving = false;
        double step = 0.0;
        for (int j = 0; j < m_stored; ++j) {
            if (j >= weights && !s.useBias)
                continue;
            const double g = st.batchGradient[std::size_t(j)];
            const double d = lr * (g * invN);
            next[std::size_t(j)] = st.working[std::size_t(j)] + d;
            moving |= g != 0.0;
            step = std::max(step, std::abs(d));
        }
        if (allFinite(next)) {
            if (moving) {
                ++st.updatesInEpoch;
                ++st.totalUpdates;
            }
            st.working = next;
            st.largestStep = std::max(st.largestStep, step);
        } else {
            diverged = true;
        }
    }

    Evaluation ev;
    switch (s.rule) {
    case Rule::Perceptron:
        // Every visit of an epoch without updates saw the final weights classify it correctly:
        // no errors, and every term of the criterion is 0.
        if (diverged || st.updatesInEpoch > 0)
            ev = evaluate(st.working);
        break;
    case Rule::Pocket: {
        const Evaluation working = evaluate(st.working);
        if (std::int64_t(m_n) - working.errors > st.pocketCorrect) {
            st.pocket = st.working;
            st.pocketCorrect = std::int64_t(m_n) - working.errors;
            st.pocketRun = st.run;
            ev = working;
        } else {
            ev = evaluate(st.pocket);
        }
        break;
    }
    case Rule::Averaged:
    case Rule::Adaline:
    case Rule::Logistic:
        ev = evaluate(answer(st));
        break;
    }
    if (!st.batchGradient.empty())
        st.batchGradient.fill(0.0);
    return ev;
}

double LinearEngine::swing(const TrainerState& from, int epochs)
{
    TrackSink track;
    track.reference = from.working;
    track.scratch = from.working;
    TrainerState st = from;
    for (int e = 0; e < epochs; ++e) {
        run(st, nullptr, m_n, track);
        bool diverged = false;
        (void)closeEpoch(st, diverged);
        // The batch step of a batch rule moves the parameters once more, at the epoch's end.
        for (std::size_t j = 0; j < st.working.size(); ++j)
            track.swing = std::max(track.swing, std::abs(st.working[j] - track.reference[j]));
        st.position = 0;
        st.updatesInEpoch = 0;
        st.largestStep = 0.0;
        st.epoch += 1;
    }
    return track.swing;
}

} // namespace

std::unique_ptr<Engine> makeLinearEngine(const Dataset& data, const TrainingSettings& settings)
{
    return std::make_unique<LinearEngine>(data, settings);
}

} // namespace plab::learning::detail
