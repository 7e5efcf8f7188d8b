#include "learning/generators.h"
#include "learning/history.h"
#include "learning/trainer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <random>
#include <string>
#include <vector>

namespace plab::learning {
namespace {

// --- The reference: a straightforward full recording -------------------------------------------

/// What History did before it kept columns and checkpoints: every EpochSnapshot, whole, with its
/// position. The new History must answer every lookup with exactly the numbers this one gives.
class ReferenceHistory
{
public:
    explicit ReferenceHistory(EpochSnapshot initial) { m_epochs.push_back(std::move(initial)); }

    void append(const TrainingEvent& event)
    {
        if (const auto* snapshot = std::get_if<EpochSnapshot>(&event)) {
            m_positions.push_back(size());
            m_epochs.push_back(*snapshot);
        } else {
            m_steps.push_back(std::get<StepRecord>(event));
        }
    }
    [[nodiscard]] std::size_t size() const { return m_epochs.size() + m_steps.size(); }
    [[nodiscard]] std::size_t lastPosition() const { return size() - 1; }
    [[nodiscard]] const std::vector<EpochSnapshot>& epochs() const { return m_epochs; }
    [[nodiscard]] std::size_t epochPosition(std::size_t i) const { return m_positions[i]; }

    [[nodiscard]] const StepRecord* stepAt(std::size_t position) const
    {
        const std::size_t epochs = epochsUpTo(position);
        if (m_positions[epochs - 1] == position)
            return nullptr;
        return &m_steps[position - epochs];
    }
    [[nodiscard]] const EpochSnapshot* epochAt(std::size_t position) const
    {
        const std::size_t epochs = epochsUpTo(position);
        return m_positions[epochs - 1] == position ? &m_epochs[epochs - 1] : nullptr;
    }
    [[nodiscard]] const EpochSnapshot& latestEpochAt(std::size_t position) const
    {
        return m_epochs[epochsUpTo(position) - 1];
    }
    [[nodiscard]] LinearModel modelAt(std::size_t position) const
    {
        if (const StepRecord* step = stepAt(position))
            return step->after;
        return latestEpochAt(position).model;
    }
    [[nodiscard]] const TrainerState& stateAt(std::size_t position) const
    {
        if (const StepRecord* step = stepAt(position))
            return step->state;
        return latestEpochAt(position).state;
    }
    void truncateAfter(std::size_t position)
    {
        if (position >= lastPosition())
            return;
        const std::size_t epochs = epochsUpTo(position);
        m_epochs.resize(epochs);
        m_positions.resize(epochs);
        m_steps.resize(position + 1 - epochs);
    }

private:
    [[nodiscard]] std::size_t epochsUpTo(std::size_t position) const
    {
        return std::size_t(std::upper_bound(m_positions.begin(), m_positions.end(), position) -
                           m_positions.begin());
    }

    std::vector<EpochSnapshot> m_epochs;
    std::vector<std::size_t> m_positions{0};
    std::vector<StepRecord> m_steps;
};

// --- Bit-for-bit comparisons ---------------------------------------------------------------------

bool same(double a, double b)
{
    return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

bool same(const Eigen::Vector2d& a, const Eigen::Vector2d& b)
{
    return same(a.x(), b.x()) && same(a.y(), b.y());
}

bool same(const LinearModel& a, const LinearModel& b)
{
    return same(a.w, b.w) && same(a.b, b.b);
}

bool same(const TrainerState& a, const TrainerState& b)
{
    return identical(a, b);
}

bool same(const StepRecord& a, const StepRecord& b)
{
    return a.epoch == b.epoch && a.visit == b.visit && a.index == b.index && same(a.x, b.x) &&
           a.target == b.target && same(a.net, b.net) && a.output == b.output &&
           same(a.error, b.error) && same(a.learningRate, b.learningRate) &&
           a.updated == b.updated && same(a.deltaW, b.deltaW) && same(a.deltaB, b.deltaB) &&
           same(a.before, b.before) && same(a.after, b.after) && same(a.state, b.state);
}

bool same(const EpochFigures& a, const EpochSnapshot& b)
{
    return a.epoch == b.epoch && same(a.model, b.model) && a.errors == b.errors &&
           same(a.loss, b.loss) && same(a.accuracy, b.accuracy) && a.updates == b.updates &&
           same(a.learningRate, b.learningRate) && a.status == b.status;
}

/// Every lookup of \p history at every position, against \p reference.
::testing::AssertionResult sameAnswers(const History& history, const ReferenceHistory& reference)
{
    if (history.size() != reference.size())
        return ::testing::AssertionFailure()
               << "size " << history.size() << " != " << reference.size();
    if (std::size_t(history.epochCount()) != reference.epochs().size())
        return ::testing::AssertionFailure() << "epoch count " << history.epochCount();
    const auto epochs = history.epochs();
    if (epochs.size() != reference.epochs().size())
        return ::testing::AssertionFailure() << "epochs().size() " << epochs.size();
    for (std::size_t i = 0; i < reference.epochs().size(); ++i) {
        const EpochSnapshot& expected = reference.epochs()[i];
        if (!same(epochs[std::ptrdiff_t(i)], expected) ||
            !same(history.figuresOf(int(i)), expected) ||
            history.errors(int(i)) != expected.errors ||
            !same(history.loss(int(i)), expected.loss) ||
            history.parameterCount() != expected.parameters.size())
            return ::testing::AssertionFailure() << "the figures of epoch " << i << " differ";
        for (std::size_t j = 0; j < history.parameterCount(); ++j) {
            if (!same(history.parameter(int(i), j), expected.parameters[j]))
                return ::testing::AssertionFailure()
                       << "parameter " << j << " of epoch " << i << " differs";
        }
        // The class errors column keeps K - 1 classes: the last class's are derived.
        for (int k = 0; k < int(expected.classErrors.size()); ++k) {
            const int want = expected.classErrors[std::size_t(k)];
            if (k < history.classCount() ? history.classErrors(int(i), k) != want : want != 0)
                return ::testing::AssertionFailure()
                       << "the errors of class " << k << " in epoch " << i << " differ";
        }
        if (!identical(history.snapshotOf(int(i)), expected))
            return ::testing::AssertionFailure() << "the snapshot of epoch " << i << " differs";
        if (history.positionOfEpoch(int(i)) != reference.epochPosition(i))
            return ::testing::AssertionFailure() << "the position of epoch " << i << " differs";
    }
    if (history.positionOfEpoch(history.epochCount()) || history.positionOfEpoch(-1))
        return ::testing::AssertionFailure() << "a position for an epoch not recorded";
    if (!same(history.latestEpoch(), reference.epochs().back()))
        return ::testing::AssertionFailure() << "latestEpoch() differs";

    for (std::size_t p = 0; p < reference.size(); ++p) {
        const StepRecord* expectedStep = reference.stepAt(p);
        const StepRecord* step = history.stepAt(p);
        if (history.isStep(p) != (expectedStep != nullptr) ||
            (step == nullptr) != (expectedStep == nullptr) ||
            (step && (!same(*step, *expectedStep) || !identical(*step, *expectedStep))))
            return ::testing::AssertionFailure() << "the step at position " << p << " differs";
        const EpochSnapshot* expectedEpoch = reference.epochAt(p);
        const std::optional<EpochFigures> epoch = history.epochAt(p);
        if (epoch.has_value() != (expectedEpoch != nullptr) ||
            (epoch && !same(*epoch, *expectedEpoch)))
            return ::testing::AssertionFailure() << "the epoch at position " << p << " differs";
        if (!same(history.latestEpochAt(p), reference.latestEpochAt(p)))
            return ::testing::AssertionFailure() << "latestEpochAt(" << p << ") differs";
        if (!same(history.modelAt(p), reference.modelAt(p)))
            return ::testing::AssertionFailure() << "modelAt(" << p << ") differs";
        // Every model's parameters: the visit's after it, the epoch's answer otherwise.
        const SmallVector& expectedParameters =
            expectedStep ? expectedStep->parametersAfter : reference.latestEpochAt(p).parameters;
        if (!identical(history.parametersAt(p), expectedParameters))
            return ::testing::AssertionFailure() << "parametersAt(" << p << ") differs";
        if (!same(history.stateAt(p), reference.stateAt(p)))
            return ::testing::AssertionFailure() << "stateAt(" << p << ") differs";
        if (history.totalUpdatesAt(p) != std::int64_t(reference.stateAt(p).totalUpdates))
            return ::testing::AssertionFailure() << "totalUpdatesAt(" << p << ") differs";
    }
    return ::testing::AssertionSuccess();
}

// --- A session driven as the window drives it ----------------------------------------------------

/// A trainer plays the engine; every record goes into the new History and the reference, and
/// forks work as TrainingPresenter::forkHere() does them (truncate, then resume from the state).
class Session
{
public:
    Session(const Dataset& data, const TrainingSettings& settings, std::int64_t visitBudget)
        : m_trainer(data, settings),
          m_history(m_trainer.initialSnapshot(),
                    std::make_shared<const Replayer>(data, settings, visitBudget)),
          m_reference(m_trainer.initialSnapshot())
    {}

    void epochs(int count)
    {
        for (int i = 0; i < count && !m_trainer.finished(); ++i)
            record(m_trainer.stepEpoch());
    }
    void samples(int count)
    {
        for (int i = 0; i < count && !m_trainer.finished(); ++i) {
            SampleStep step = m_trainer.stepSample();
            record(step.step);
            if (step.epochEnd)
                record(*step.epochEnd);
        }
    }
    void setLearningRate(double rate) { m_trainer.setLearningRate(rate); }
    void setMaxEpochs(int limit) { m_trainer.setMaxEpochs(limit); }
    /// Forks at \p position, as the window does: a visit that closed its epoch forks after the
    /// epoch's snapshot.
    ::testing::AssertionResult fork(std::size_t position)
    {
        position = std::min(position, m_reference.lastPosition());
        if (const StepRecord* step = m_reference.stepAt(position);
            step && step->state.position == 0 && position < m_reference.lastPosition())
            ++position;
        const TrainerState expected = m_reference.stateAt(position);
        m_reference.truncateAfter(position);
        m_history.truncateAfter(position);
        const TrainerState state = m_history.stateAt(position);
        if (!same(state, expected))
            return ::testing::AssertionFailure() << "the state to fork from at " << position;
        m_trainer.restore(state);
        return ::testing::AssertionSuccess();
    }

    [[nodiscard]] const History& history() const { return m_history; }
    [[nodiscard]] const ReferenceHistory& reference() const { return m_reference; }
    [[nodiscard]] const Trainer& trainer() const { return m_trainer; }

private:
    void record(const TrainingEvent& event)
    {
        m_history.append(event);
        m_reference.append(event);
    }

    Trainer m_trainer;
    History m_history;
    ReferenceHistory m_reference;
};

Dataset overlappingBlobs(int count)
{
    GeneratorParams p;
    p.seed = 7;
    p.count = count;
    p.spread = 1.2;
    return generate(Generator::OverlappingBlobs, p);
}

Dataset xorData()
{
    return Dataset({{{0.0, 0.0}, 0}, {{1.0, 1.0}, 0}, {{0.0, 1.0}, 1}, {{1.0, 0.0}, 1}});
}

/// Which model a run trains besides the classic one.
enum class RunModel
{
    Classic,
    Kesler,    ///< linear, 3 classes, the Kesler scheme (or softmax / one-hot for gradient rules)
    OneVsRest, ///< linear, 3 classes, one-vs-rest
    Network,   ///< 2-3-1 tanh, two classes
    Network3,  ///< 2-4-3 ReLU, three classes, mini-batches of 4
};

struct RunCase
{
    Rule rule;
    GradientMode mode;
    SampleOrder order;
    RunModel model = RunModel::Classic;
};

std::string_view name(RunModel m)
{
    switch (m) {
    case RunModel::Kesler:
        return "kesler";
    case RunModel::OneVsRest:
        return "ovr";
    case RunModel::Network:
        return "network";
    case RunModel::Network3:
        return "network3";
    case RunModel::Classic:
        break;
    }
    return "classic";
}

void PrintTo(const RunCase& c, std::ostream* os)
{
    *os << name(c.rule) << '/' << name(c.mode) << '/' << name(c.order) << '/' << name(c.model);
}

/// The settings and data of \p c's model on top of \p s (classic) and \p data (two classes).
Dataset applyModel(const RunCase& c, TrainingSettings& s, Dataset data)
{
    const bool three = c.model == RunModel::Kesler || c.model == RunModel::OneVsRest ||
                       c.model == RunModel::Network3;
    if (three) {
        std::vector<Sample> samples;
        for (std::size_t i = 0; i < data.size(); ++i)
            samples.push_back({data.point(i), int(i % 3)});
        data = Dataset(samples);
        s.classes = 3;
    }
    s.multiclass = c.model == RunModel::OneVsRest ? Multiclass::OneVsRest : Multiclass::Kesler;
    if (c.model == RunModel::Network) {
        s.model = ModelKind::Network;
        s.hidden = {3};
    } else if (c.model == RunModel::Network3) {
        s.model = ModelKind::Network;
        s.hidden = {4};
        s.activation = Activation::Relu;
        s.batchSize = 4;
    }
    return data;
}

class HistoryAgainstFullRecording : public ::testing::TestWithParam<RunCase>
{};

// A random session (a fixed seed, so every run is the same) of whole epochs, single sample
// steps, learning-rate changes, epoch limits reached and raised, and forks at epochs, at visits
// and at visits that closed an epoch. With 20 points and a small visit budget a checkpoint comes
// every 4 epochs, so most lookups replay. After every command, every lookup at every position
// must give the reference's numbers, bit for bit.
TEST_P(HistoryAgainstFullRecording, EveryLookupAtEveryPosition)
{
    const RunCase& c = GetParam();
    TrainingSettings settings;
    settings.rule = c.rule;
    settings.gradientMode = c.mode;
    settings.order = c.order;
    settings.init = c.order == SampleOrder::Shuffle ? InitKind::Random : InitKind::Zeros;
    settings.seed = 11;
    settings.learningRate = isPerceptronFamily(c.rule) ? 1.0 : 0.05;
    settings.maxEpochs = 1000;
    settings.tolerance = 0.0;
    const Dataset data = applyModel(c, settings, overlappingBlobs(20));
    Session session(data, settings, 210);
    ASSERT_EQ(session.history().checkpointInterval(), 4);
    EXPECT_EQ(session.history().classCount(), settings.classes);
    EXPECT_EQ(session.history().shape(), modelShape(settings));
    ASSERT_TRUE(sameAnswers(session.history(), session.reference()));

    std::mt19937 random(2024);
    const auto below = [&random](std::uint32_t n) { return int(random() % n); };
    for (int command = 0; command < 60; ++command) {
        SCOPED_TRACE("command " + std::to_string(command));
        switch (below(8)) {
        case 0:
        case 1:
        case 2:
            session.epochs(1 + below(12));
            break;
        case 3:
            session.samples(1 + below(25));
            break;
        case 4: {
            const double rates[] = {1.0, 0.5, 0.05, 0.01, 0.002};
            session.setLearningRate(rates[below(5)] * (isPerceptronFamily(c.rule) ? 1.0 : 0.2));
            break;
        }
        case 5:
            // A limit at or near the epochs run stops the run there; a later one continues it.
            session.setMaxEpochs(std::max(1, session.trainer().state().epoch + below(4)));
            break;
        case 6:
            session.setMaxEpochs(1000);
            break;
        case 7:
            ASSERT_TRUE(session.fork(std::size_t(below(
                std::uint32_t(session.reference().size() + session.reference().size() / 4)))));
            break;
        }
        ASSERT_TRUE(sameAnswers(session.history(), session.reference()));
    }
    EXPECT_GT(session.history().epochCount(), 25);
}

INSTANTIATE_TEST_SUITE_P(
    Rules, HistoryAgainstFullRecording,
    ::testing::Values(
        RunCase{Rule::Perceptron, GradientMode::Online, SampleOrder::File},
        RunCase{Rule::Perceptron, GradientMode::Online, SampleOrder::Shuffle},
        RunCase{Rule::Pocket, GradientMode::Online, SampleOrder::File},
        RunCase{Rule::Pocket, GradientMode::Online, SampleOrder::Shuffle},
        RunCase{Rule::Averaged, GradientMode::Online, SampleOrder::File},
        RunCase{Rule::Averaged, GradientMode::Online, SampleOrder::Shuffle},
        RunCase{Rule::Adaline, GradientMode::Online, SampleOrder::File},
        RunCase{Rule::Adaline, GradientMode::Online, SampleOrder::Shuffle},
        RunCase{Rule::Adaline, GradientMode::Batch, SampleOrder::File},
        RunCase{Rule::Adaline, GradientMode::Batch, SampleOrder::Shuffle},
        RunCase{Rule::Logistic, GradientMode::Online, SampleOrder::File},
        RunCase{Rule::Logistic, GradientMode::Online, SampleOrder::Shuffle},
        RunCase{Rule::Logistic, GradientMode::Batch, SampleOrder::File},
        RunCase{Rule::Logistic, GradientMode::Batch, SampleOrder::Shuffle},
        RunCase{Rule::Perceptron, GradientMode::Online, SampleOrder::File, RunModel::Kesler},
        RunCase{Rule::Perceptron, GradientMode::Online, SampleOrder::Shuffle, RunModel::OneVsRest},
        RunCase{Rule::Pocket, GradientMode::Online, SampleOrder::Shuffle, RunModel::Kesler},
        RunCase{Rule::Averaged, GradientMode::Online, SampleOrder::File, RunModel::OneVsRest},
        RunCase{Rule::Adaline, GradientMode::Batch, SampleOrder::Shuffle, RunModel::Kesler},
        RunCase{Rule::Logistic, GradientMode::Online, SampleOrder::Shuffle, RunModel::Kesler},
        RunCase{Rule::Logistic, GradientMode::Online, SampleOrder::Shuffle, RunModel::Network},
        RunCase{Rule::Logistic, GradientMode::Batch, SampleOrder::File, RunModel::Network},
        RunCase{Rule::Logistic, GradientMode::Online, SampleOrder::File, RunModel::Network3}),
    [](const ::testing::TestParamInfo<RunCase>& info) {
        return std::string(name(info.param.rule)) + "_" + std::string(name(info.param.mode)) + "_" +
               std::string(name(info.param.order)) + "_" + std::string(name(info.param.model));
    });

// Same settings and data, same records bit for bit, for the multi-class and network models too.
TEST(Determinism, MulticlassAndNetworkRunsRepeatBitForBit)
{
    for (RunModel model :
         {RunModel::Kesler, RunModel::OneVsRest, RunModel::Network, RunModel::Network3}) {
        for (Rule rule : {Rule::Perceptron, Rule::Pocket, Rule::Averaged, Rule::Logistic}) {
            TrainingSettings settings;
            settings.rule = rule;
            settings.order = SampleOrder::Shuffle;
            settings.init = InitKind::Random;
            settings.seed = 3;
            settings.maxEpochs = 15;
            settings.learningRate = isPerceptronFamily(rule) ? 1.0 : 0.1;
            const Dataset data =
                applyModel({rule, GradientMode::Online, SampleOrder::Shuffle, model}, settings,
                           overlappingBlobs(24));
            const auto record = [&] {
                Trainer trainer(data, settings);
                std::vector<TrainingEvent> events{trainer.initialSnapshot()};
                for (int i = 0; i < 30; ++i)
                    events.push_back(trainer.stepSample().step);
                while (!trainer.finished())
                    events.push_back(
                        trainer.stepEpoch([&events](const StepRecord& r) { events.push_back(r); }));
                return events;
            };
            const std::vector<TrainingEvent> a = record();
            const std::vector<TrainingEvent> b = record();
            ASSERT_EQ(a.size(), b.size());
            for (std::size_t i = 0; i < a.size(); ++i) {
                if (const auto* s = std::get_if<StepRecord>(&a[i]))
                    EXPECT_TRUE(identical(*s, std::get<StepRecord>(b[i]))) << i;
                else
                    EXPECT_TRUE(
                        identical(std::get<EpochSnapshot>(a[i]), std::get<EpochSnapshot>(b[i])))
                        << i;
            }
        }
    }
}

// A run that diverges: its last epoch, and every lookup before it, still match.
TEST(History, ADivergingRunMatchesTheFullRecording)
{
    TrainingSettings settings;
    settings.rule = Rule::Adaline;
    settings.learningRate = 1e6;
    settings.maxEpochs = 1000;
    Session session(overlappingBlobs(20), settings, 210);
    session.samples(7);
    session.epochs(1000);
    ASSERT_EQ(session.history().latestEpoch().status, TrainingStatus::Diverged);
    EXPECT_TRUE(sameAnswers(session.history(), session.reference()));
    ASSERT_TRUE(session.fork(2));
    session.setLearningRate(1e-3);
    session.epochs(30);
    EXPECT_TRUE(sameAnswers(session.history(), session.reference()));
}

// A run that ends in a cycle (Adaline on XOR in file order, rules.h "Statuses"): every lookup
// matches, and a fork from before the cycle reaches the same cycle, bit for bit.
TEST(History, ARunEndingInACycleMatchesTheFullRecording)
{
    TrainingSettings settings;
    settings.rule = Rule::Adaline;
    settings.learningRate = 0.5;
    settings.maxEpochs = 1000;
    Session session(xorData(), settings, 180); // a checkpoint every 5 epochs
    session.samples(6);
    session.epochs(1000);
    const EpochFigures end = session.history().latestEpoch();
    ASSERT_EQ(end.status, TrainingStatus::Cycle);
    const TrainerState cycle = session.history().stateAt(session.history().lastPosition());
    EXPECT_EQ(cycle.cyclePeriod, 1);
    EXPECT_GT(cycle.cycleSwing, 0.0);
    EXPECT_TRUE(sameAnswers(session.history(), session.reference()));
    ASSERT_TRUE(session.fork(*session.history().positionOfEpoch(end.epoch - 23)));
    session.epochs(1000);
    EXPECT_TRUE(sameAnswers(session.history(), session.reference()));
    EXPECT_TRUE(identical(session.history().stateAt(session.history().lastPosition()), cycle));
}

// The window's case at full size: XOR never converges; 10^5 epochs with the default spacing (a
// checkpoint every 27 777 epochs for 4 points), a rate change and a limit reached and raised.
TEST(History, ALongRunWithDefaultSpacingMatchesTheFullRecording)
{
    TrainingSettings settings;
    settings.maxEpochs = 60'000;
    Session session(xorData(), settings, Replayer::kDefaultVisitBudget);
    EXPECT_EQ(session.history().checkpointInterval(), 27'777);
    session.epochs(30'000);
    session.setLearningRate(0.25);
    session.epochs(40'000); // stops at the limit, 60 000
    ASSERT_EQ(session.history().latestEpoch().status, TrainingStatus::EpochLimit);
    session.setMaxEpochs(100'000);
    session.epochs(40'000);
    const History& history = session.history();
    const ReferenceHistory& reference = session.reference();
    ASSERT_EQ(history.size(), reference.size());
    const auto epochs = history.epochs();
    for (std::size_t i = 0; i < reference.epochs().size(); ++i)
        ASSERT_TRUE(same(epochs[std::ptrdiff_t(i)], reference.epochs()[i])) << i;
    // States: both sides of every checkpoint, the limit, the rate change and a spread.
    std::vector<std::size_t> probes{0, 1, 29'999, 30'000, 30'001, 59'999, 60'000, 60'001, 99'999};
    for (std::size_t k = 1; k * 27'777 <= 100'000; ++k)
        probes.insert(probes.end(), {k * 27'777 - 1, k * 27'777, k * 27'777 + 1});
    for (std::size_t p = 5; p < 100'000; p += 7'919)
        probes.push_back(p);
    for (std::size_t p : probes)
        ASSERT_TRUE(same(history.stateAt(p), reference.stateAt(p))) << p;
    // A fork far from any checkpoint, and the run on from there.
    ASSERT_TRUE(session.fork(70'000));
    session.epochs(10);
    EXPECT_TRUE(same(history.stateAt(history.lastPosition()), session.trainer().state()));
    EXPECT_TRUE(same(history.stateAt(70'005), reference.stateAt(70'005)));
}

// --- Positions -----------------------------------------------------------------------------------

// Events are written as a script: 's' is a sample visit, 'e' closes an epoch. The event at
// position p (p >= 1) carries p in its numbers so every lookup can be traced back to one event:
// a step has before.b = -p and after.b = p, an epoch has model.b = p.
TrainingEvent makeEvent(char kind, int position, int epoch)
{
    if (kind == 's') {
        StepRecord step;
        step.epoch = epoch + 1;
        step.before.b = -position;
        step.after.b = position;
        step.state.working = SmallVector{0.0, 0.0, double(position)};
        return step;
    }
    EpochSnapshot snapshot;
    snapshot.epoch = epoch;
    snapshot.learningRate = 1.0;
    snapshot.model.b = position;
    snapshot.state.working = SmallVector{0.0, 0.0, double(100 + position)};
    snapshot.state.epoch = epoch;
    return snapshot;
}

std::vector<TrainingEvent> script(const std::string& text, int firstPosition = 1,
                                  int epochsBefore = 0)
{
    std::vector<TrainingEvent> events;
    int epoch = epochsBefore;
    int position = firstPosition;
    for (char c : text) {
        if (c == 'e')
            ++epoch;
        events.push_back(makeEvent(c, position++, epoch));
    }
    return events;
}

/// A history of made-up records: the positions do not depend on the numbers. (A fork replays
/// from the records, which gives states no trainer had; nothing here looks at them.)
History scriptedHistory()
{
    EpochSnapshot initial;
    initial.learningRate = 1.0;
    initial.state.working = SmallVector{0.0, 0.0, double(100.0)};
    return History(initial, std::make_shared<const Replayer>(xorData(), TrainingSettings{}));
}

std::vector<std::size_t> epochPositions(const History& history)
{
    std::vector<std::size_t> positions;
    for (int e = 0; e < history.epochCount(); ++e)
        positions.push_back(*history.positionOfEpoch(e));
    return positions;
}

struct LookupCase
{
    std::string name;
    std::string events;
    std::string kinds;                  // per position: 'e' epoch or 's' step ('e' for 0)
    std::vector<int> latestEpoch;       // latestEpochAt(p).epoch for each position
    std::vector<std::size_t> epochEnds; // positionOfEpoch(e) for each epoch
    std::vector<double> shownBias;      // modelAt(p).b
};

// Keeps CTest's test names readable (GoogleTest would print the bytes of the struct).
void PrintTo(const LookupCase& c, std::ostream* os)
{
    *os << c.name;
}

class HistoryLookup : public ::testing::TestWithParam<LookupCase>
{};

TEST_P(HistoryLookup, PositionsMapToTheRecordedEvents)
{
    const LookupCase& c = GetParam();
    History history = scriptedHistory();
    history.append(script(c.events));

    ASSERT_EQ(history.size(), c.kinds.size());
    EXPECT_EQ(history.lastPosition(), c.kinds.size() - 1);
    EXPECT_EQ(epochPositions(history), c.epochEnds);
    EXPECT_EQ(history.epochs().size(), c.epochEnds.size());
    for (std::size_t p = 0; p < history.size(); ++p) {
        SCOPED_TRACE(p);
        const bool step = c.kinds[p] == 's';
        EXPECT_EQ(history.isStep(p), step);
        EXPECT_EQ(history.stepAt(p) != nullptr, step);
        EXPECT_EQ(history.epochAt(p).has_value(), !step);
        EXPECT_EQ(history.latestEpochAt(p).epoch, c.latestEpoch[p]);
        EXPECT_EQ(history.modelAt(p).b, c.shownBias[p]);
        if (step) {
            EXPECT_EQ(history.stepAt(p)->before.b, -double(p));
            EXPECT_EQ(history.stepAt(p)->after.b, double(p));
            EXPECT_EQ(history.stateAt(p).working[2], double(p));
        }
    }
    // The initial state and the newest epoch's are kept, whatever the spacing.
    EXPECT_EQ(history.stateAt(0).working[2], 100.0);
    if (!history.isStep(history.lastPosition())) {
        EXPECT_EQ(history.stateAt(history.lastPosition()).working[2],
                  100.0 + double(history.lastPosition()));
    }
}

INSTANTIATE_TEST_SUITE_P(
    Table, HistoryLookup,
    ::testing::Values(
        LookupCase{"InitialOnly", "", "e", {0}, {0}, {0}},
        LookupCase{"EpochsOnly", "eee", "eeee", {0, 1, 2, 3}, {0, 1, 2, 3}, {0, 1, 2, 3}},
        LookupCase{"StepsThenEpoch", "sse", "esse", {0, 0, 0, 1}, {0, 3}, {0, 1, 2, 3}},
        LookupCase{"EpochThenSteps", "ess", "eess", {0, 1, 1, 1}, {0, 1}, {0, 1, 2, 3}},
        LookupCase{
            "Interleaved", "sesse", "esesse", {0, 0, 1, 1, 1, 2}, {0, 2, 5}, {0, 1, 2, 3, 4, 5}}),
    [](const ::testing::TestParamInfo<LookupCase>& info) { return info.param.name; });

struct TruncateCase
{
    std::string name;
    std::string events;
    std::size_t keepUpTo;
    std::size_t sizeAfter;
    std::vector<std::size_t> epochEndsAfter;
    int epochsKept; // latestEpoch().epoch after truncating
};

void PrintTo(const TruncateCase& c, std::ostream* os)
{
    *os << c.name;
}

class HistoryTruncate : public ::testing::TestWithParam<TruncateCase>
{};

TEST_P(HistoryTruncate, ForkKeepsThePrefixAndAppendsAfterIt)
{
    const TruncateCase& c = GetParam();
    History history = scriptedHistory();
    history.append(script(c.events));
    history.truncateAfter(c.keepUpTo);

    ASSERT_EQ(history.size(), c.sizeAfter);
    EXPECT_EQ(epochPositions(history), c.epochEndsAfter);
    EXPECT_EQ(history.latestEpoch().epoch, c.epochsKept);
    // Everything kept still answers as before (the event at position p carries p).
    for (std::size_t p = 0; p < history.size(); ++p)
        EXPECT_EQ(history.modelAt(p).b, double(p)) << p;

    // The fork continues: one step and one epoch land right after the kept prefix.
    const std::size_t next = history.size();
    history.append(script("se", int(next), c.epochsKept));
    ASSERT_EQ(history.size(), next + 2);
    EXPECT_TRUE(history.isStep(next));
    EXPECT_EQ(history.stepAt(next)->after.b, double(next));
    EXPECT_EQ(history.positionOfEpoch(history.latestEpoch().epoch), next + 1);
    EXPECT_EQ(history.latestEpoch().epoch, c.epochsKept + 1);
    EXPECT_EQ(history.latestEpochAt(next).epoch, c.epochsKept);
}

INSTANTIATE_TEST_SUITE_P(
    Table, HistoryTruncate,
    ::testing::Values(TruncateCase{"ToInitial", "eese", 0, 1, {0}, 0},
                      TruncateCase{"AtAnEpoch", "eese", 2, 3, {0, 1, 2}, 2},
                      TruncateCase{"AtAStep", "eese", 3, 4, {0, 1, 2}, 2},
                      TruncateCase{"InsideSteps", "sssee", 2, 3, {0}, 0},
                      TruncateCase{"AtTheEndIsANoOp", "eese", 4, 5, {0, 1, 2, 4}, 3},
                      TruncateCase{"BeyondTheEndIsANoOp", "es", 9, 3, {0, 1}, 1}),
    [](const ::testing::TestParamInfo<TruncateCase>& info) { return info.param.name; });

TEST(History, RestartForgetsTheOldRunAndGivesTheMemoryBack)
{
    History history = scriptedHistory();
    const std::size_t empty = history.memoryBytes();
    for (int e = 1; e <= 100'000; ++e)
        history.append(makeEvent('e', e, e));
    EXPECT_GT(history.memoryBytes(), empty + 100'000 * 40);
    EpochSnapshot fresh;
    fresh.model.b = 42.0;
    history.restart(fresh, nullptr);
    ASSERT_EQ(history.size(), 1u);
    EXPECT_EQ(history.modelAt(0).b, 42.0);
    EXPECT_EQ(epochPositions(history), std::vector<std::size_t>{0});
    EXPECT_LE(history.memoryBytes(), empty);
}

TEST(History, PositionOfEpoch)
{
    History history = scriptedHistory();
    history.append(script("sesse"));
    EXPECT_EQ(history.positionOfEpoch(0), 0u);
    EXPECT_EQ(history.positionOfEpoch(1), 2u);
    EXPECT_EQ(history.positionOfEpoch(2), 5u);
    EXPECT_EQ(history.positionOfEpoch(3), std::nullopt);
    EXPECT_EQ(history.positionOfEpoch(-1), std::nullopt);
}

TEST(History, RecordsMustContinueTheNewestEpoch)
{
    History history = scriptedHistory();
    EXPECT_THROW(history.append(makeEvent('e', 1, 2)), std::invalid_argument);
    EXPECT_THROW(history.append(makeEvent('s', 1, 1)), std::invalid_argument); // epoch 2's
    EpochSnapshot miscounted = std::get<EpochSnapshot>(makeEvent('e', 1, 1));
    miscounted.updates = 3; // while the trainer's total stayed 0
    EXPECT_THROW(history.append(miscounted), std::invalid_argument);
    EXPECT_EQ(history.size(), 1u);

    History withoutRun;
    EXPECT_THROW(withoutRun.append(makeEvent('e', 1, 1)), std::logic_error);
    EpochSnapshot notInitial;
    notInitial.epoch = 3;
    EXPECT_THROW(withoutRun.restart(notInitial, nullptr), std::invalid_argument);
}

TEST(History, AMillionEpochsFitInColumns)
{
    constexpr int kEpochs = 1'000'000;
    History history = scriptedHistory();
    for (int e = 1; e <= kEpochs; ++e)
        history.append(makeEvent('e', e, e));
    ASSERT_EQ(history.size(), std::size_t(kEpochs) + 1);
    EXPECT_EQ(history.positionOfEpoch(54'321), 54'321u);
    EXPECT_EQ(history.latestEpochAt(777'777).model.b, 777'777.0);
    // 48 bytes an epoch (parameters, loss, errors, class 0's errors, total updates) and a few
    // checkpoints, in whole chunks.
    EXPECT_LT(history.memoryBytes(), std::size_t(kEpochs) * 50);
    history.truncateAfter(500'000);
    EXPECT_EQ(history.latestEpoch().epoch, 500'000);
    EXPECT_LT(history.memoryBytes(), std::size_t(kEpochs) * 26);
}

// --- Replayer and ChunkedColumn ----------------------------------------------------------------

TEST(Replayer, ReachesTheStateOfTheRecordedRunWithItsRates)
{
    TrainingSettings settings;
    settings.rule = Rule::Logistic;
    settings.order = SampleOrder::Shuffle;
    settings.learningRate = 0.3;
    const Dataset data = overlappingBlobs(30);
    Trainer trainer(data, settings);
    std::vector<TrainerState> states{trainer.state()};
    std::vector<double> rates{0.3};
    for (int e = 1; e <= 12; ++e) {
        rates.push_back(e < 6 ? 0.3 : 0.07);
        trainer.setLearningRate(rates.back());
        states.push_back(trainer.stepEpoch().state);
    }
    const Replayer replayer(data, settings);
    const auto rateOf = [&rates](int e) { return rates[std::size_t(e)]; };
    EXPECT_TRUE(same(replayer.run(states[0], 12, rateOf), states[12]));
    EXPECT_TRUE(same(replayer.run(states[4], 9, rateOf), states[9]));
    EXPECT_TRUE(same(replayer.run(states[9], 9, rateOf), states[9]));
    EXPECT_THROW((void)replayer.run(states[9], 8, rateOf), std::logic_error);
    EXPECT_EQ(replayer.checkpointInterval(), 1'000'000 / (30 + 32));
    EXPECT_THROW(Replayer(data, settings, 0), std::invalid_argument);
}

TEST(ChunkedColumn, RowsSurviveGrowingShrinkingAndCopying)
{
    constexpr std::size_t kRows = ChunkedColumn<double>::kRowsPerChunk * 2 + 5;
    ChunkedColumn<double> column(3);
    for (std::size_t i = 0; i < kRows; ++i) {
        const double row[] = {double(i), -double(i), 0.5 * double(i)};
        column.push_back(row);
    }
    ASSERT_EQ(column.size(), kRows);
    EXPECT_EQ(column.row(kRows - 1)[1], -double(kRows - 1));
    const ChunkedColumn<double> copy = column;
    column.truncate(ChunkedColumn<double>::kRowsPerChunk);
    EXPECT_EQ(column.size(), ChunkedColumn<double>::kRowsPerChunk);
    EXPECT_LT(column.allocatedBytes(), copy.allocatedBytes() / 2);
    const double again[] = {7.0, 8.0, 9.0};
    column.push_back(again);
    EXPECT_EQ(column.row(ChunkedColumn<double>::kRowsPerChunk)[2], 9.0);
    for (std::size_t i : {std::size_t(0), ChunkedColumn<double>::kRowsPerChunk, kRows - 1})
        EXPECT_EQ(copy.row(i)[2], 0.5 * double(i)) << i;
    column.clear(1);
    EXPECT_TRUE(column.empty());
    EXPECT_EQ(column.width(), 1u);
    EXPECT_LE(column.allocatedBytes(), sizeof(void*));
}

} // namespace
} // namespace plab::learning
