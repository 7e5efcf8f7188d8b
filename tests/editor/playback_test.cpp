// The timeline's state alone: editor::Playback on a Document, with a fake engine that runs a
// learning::Trainer on this thread when the test says so and reports like the real one (epoch 0
// after a new problem or a reset, records in batches, the end of a run after its last records).
// Scrubbing, forks, run/pause/step and what each state enables, compared with a Trainer run
// directly, bit for bit.
#include "editor/document.h"
#include "editor/playback.h"
#include "editor/trainingengine.h"
#include "editor/undocommands.h"
#include "learning/generators.h"
#include "learning/trainer.h"

#include <QSignalSpy>
#include <QUndoStack>
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

using namespace plab;
using editor::Playback;
using learning::EpochSnapshot;
using learning::TrainingStatus;

namespace {

/// A TrainingEngine without a thread. Commands change the trainer at once (as the worker does
/// when it gets to them); what they produce waits until deliver(), as the real engine's batches
/// wait for the GUI thread. commands lists every command by name, in order.
class FakeEngine : public editor::TrainingEngine
{
public:
    void setProblem(learning::Dataset data, learning::TrainingSettings settings) override
    {
        log("setProblem");
        stop();
        m_settings = settings;
        m_trainer.emplace(std::move(data), std::move(settings));
        m_events.clear();
        m_restart = m_trainer->initialSnapshot();
    }
    void reset() override
    {
        log("reset");
        stop();
        learning::Dataset data = m_trainer->data();
        m_trainer.emplace(std::move(data), m_settings);
        m_events.clear();
        m_restart = m_trainer->initialSnapshot();
    }
    void train() override
    {
        log("train");
        setRunning(true);
    }
    void pause() override
    {
        log("pause");
        stop();
    }
    void stepEpoch() override
    {
        log("stepEpoch");
        stop();
        if (!m_trainer->finished())
            m_events.emplace_back(m_trainer->stepEpoch());
    }
    void stepSample() override
    {
        log("stepSample");
        stop();
        if (m_trainer->finished())
            return;
        learning::SampleStep step = m_trainer->stepSample();
        m_events.emplace_back(std::move(step.step));
        if (step.epochEnd)
            m_events.emplace_back(std::move(*step.epochEnd));
    }
    void resumeFrom(const learning::TrainerState& state) override
    {
        log("resumeFrom");
        stop();
        m_events.clear();
        m_restart.reset(); // nothing produced before it is reported after it
        m_trainer->restore(state);
        resumedAt = state;
    }
    void setLearningRate(double learningRate) override
    {
        log("setLearningRate");
        m_settings.learningRate = learningRate;
        m_trainer->setLearningRate(learningRate);
    }
    void setMaxEpochs(int maxEpochs) override
    {
        log("setMaxEpochs");
        m_settings.maxEpochs = maxEpochs;
        m_trainer->setMaxEpochs(maxEpochs);
    }
    void setEpochsPerSecond(double epochsPerSecond) override { speed = epochsPerSecond; }
    [[nodiscard]] bool isRunning() const override { return m_running; }

    /// A running run trains up to \p epochs more epochs (it ends by itself when it finishes).
    void run(int epochs)
    {
        ASSERT_TRUE(m_running);
        for (int i = 0; i < epochs && !m_trainer->finished(); ++i)
            m_events.emplace_back(m_trainer->stepEpoch());
        m_runEnded = m_trainer->finished();
    }
    /// Reports what the commands produced: epoch 0 of a new run, the records, the end of a run.
    void deliver()
    {
        if (m_restart)
            Q_EMIT restarted(*std::exchange(m_restart, std::nullopt));
        if (!m_events.empty())
            Q_EMIT eventsReady(std::exchange(m_events, {}));
        if (std::exchange(m_runEnded, false))
            setRunning(false);
    }
    /// The names of the commands since the last call.
    std::vector<std::string> takeCommands() { return std::exchange(commands, {}); }

    std::vector<std::string> commands;
    double speed = -1.0;
    std::optional<learning::TrainerState> resumedAt;

private:
    void log(const char* name) { commands.emplace_back(name); }
    /// What every command that stops a run does first.
    void stop()
    {
        m_runEnded = false;
        setRunning(false);
    }
    void setRunning(bool running)
    {
        if (m_running == running)
            return;
        m_running = running;
        Q_EMIT runningChanged(running);
    }

    std::optional<learning::Trainer> m_trainer;
    learning::TrainingSettings m_settings;
    std::optional<EpochSnapshot> m_restart;
    engine::TrainingEvents m_events;
    bool m_running = false;
    bool m_runEnded = false;
};

learning::Dataset gate(learning::Generator generator)
{
    return learning::generate(generator, learning::GeneratorParams{});
}

class PlaybackTest : public ::testing::Test
{
protected:
    /// Puts \p data into the document and lets the engine's epoch 0 arrive.
    void load(const learning::Dataset& data, const learning::TrainingSettings& settings = {})
    {
        m_document.setSettings(settings);
        m_document.replaceData(data);
        m_engine->deliver();
        m_engine->takeCommands();
    }
    /// Step Epoch \p count times, each delivered.
    void stepEpochs(int count)
    {
        for (int i = 0; i < count; ++i) {
            m_playback.stepEpoch();
            m_engine->deliver();
        }
    }
    /// The document's problem run on a Trainer directly: epochs 0 .. count.
    std::vector<EpochSnapshot> reference(int count) const
    {
        learning::Trainer trainer(m_document.data(), m_document.settings());
        std::vector<EpochSnapshot> epochs{trainer.initialSnapshot()};
        for (int i = 0; i < count && !trainer.finished(); ++i)
            epochs.push_back(trainer.stepEpoch());
        return epochs;
    }
    /// Every epoch the history holds is the reference's, bit for bit.
    void expectEpochsAsReference() const
    {
        const learning::History& history = m_playback.history();
        const auto expected = reference(history.epochCount() - 1);
        ASSERT_EQ(std::size_t(history.epochCount()), expected.size());
        for (int e = 0; e < history.epochCount(); ++e)
            EXPECT_EQ(history.snapshotOf(e), expected[std::size_t(e)]) << "epoch " << e;
    }
    [[nodiscard]] std::size_t positionOfEpoch(int epoch) const
    {
        const auto position = m_playback.history().positionOfEpoch(epoch);
        EXPECT_TRUE(position.has_value()) << "epoch " << epoch;
        return position.value_or(0);
    }
    [[nodiscard]] int shownEpoch() const { return m_playback.shownEpoch(); }

    editor::Document m_document;
    FakeEngine* m_engine = new FakeEngine; // owned by the playback
    Playback m_playback{&m_document, m_engine};
};

TEST_F(PlaybackTest, WithoutAProblemNothingIsEnabledAndNothingIsSentToTheEngine)
{
    EXPECT_FALSE(m_playback.hasProblem());
    EXPECT_FALSE(m_playback.canAdvance());
    EXPECT_FALSE(m_playback.finishedStatus().has_value()); // nothing ran, nothing ended
    EXPECT_FALSE(m_playback.canGoBack());
    EXPECT_FALSE(m_playback.shownModel().has_value());

    // One class only: still no problem to train.
    m_document.replaceData(learning::Dataset({{{0.0, 0.0}, 1}, {{1.0, 1.0}, 1}}));
    EXPECT_FALSE(m_playback.hasProblem());
    m_playback.train();
    m_playback.stepEpoch();
    m_playback.stepSample();
    m_playback.reset();
    EXPECT_EQ(m_engine->takeCommands(), std::vector<std::string>{});
    EXPECT_FALSE(m_playback.isRunning());
}

TEST_F(PlaybackTest, ANewProblemShowsNothingUntilTheEnginesEpochZeroArrives)
{
    QSignalSpy history(&m_playback, &Playback::historyChanged);
    m_document.replaceData(gate(learning::Generator::And));
    EXPECT_EQ(m_engine->takeCommands(), std::vector<std::string>{"setProblem"});
    EXPECT_TRUE(m_playback.hasProblem());
    EXPECT_TRUE(m_playback.isAwaitingRestart());
    EXPECT_TRUE(m_playback.canAdvance()); // Train may be pressed before epoch 0 arrives
    EXPECT_FALSE(m_playback.shownModel().has_value());

    m_engine->deliver();
    EXPECT_FALSE(m_playback.isAwaitingRestart());
    EXPECT_EQ(m_playback.position(), 0u);
    EXPECT_EQ(m_playback.history().size(), 1u);
    EXPECT_EQ(m_playback.shownModel()->classicModel(), reference(0).front().model);
    EXPECT_FALSE(m_playback.canGoBack());
    EXPECT_GE(history.count(), 2);
}

TEST_F(PlaybackTest, StepEpochShowsEachNewEpochAsTheTrainerComputesIt)
{
    load(gate(learning::Generator::And));
    const auto expected = reference(3);
    for (int epoch = 1; epoch <= 3; ++epoch) {
        m_playback.stepEpoch();
        EXPECT_EQ(m_engine->takeCommands(), std::vector<std::string>{"stepEpoch"});
        m_engine->deliver();
        EXPECT_EQ(m_playback.position(), positionOfEpoch(epoch));
        EXPECT_EQ(m_playback.shownModel()->classicModel(), expected[std::size_t(epoch)].model);
        EXPECT_TRUE(m_playback.canGoBack());
    }
    expectEpochsAsReference();
}

TEST_F(PlaybackTest, StepSampleShowsTheVisitAndThenWalksOverTheEpochsEnd)
{
    load(gate(learning::Generator::And));
    const std::size_t samples = m_document.data().size();
    for (std::size_t visit = 0; visit < samples; ++visit) {
        m_playback.stepSample();
        m_engine->deliver();
        const auto* step = m_playback.history().stepAt(m_playback.position());
        ASSERT_NE(step, nullptr) << "visit " << visit;
        EXPECT_EQ(step->epoch, 1);
        EXPECT_EQ(step->visit, int(visit));
        EXPECT_EQ(m_playback.shownModel()->classicModel(), step->after);
    }
    // The last visit closed epoch 1, whose snapshot followed it: the next step starts epoch 2.
    m_playback.stepSample();
    m_engine->deliver();
    const auto* step = m_playback.history().stepAt(m_playback.position());
    ASSERT_NE(step, nullptr);
    EXPECT_EQ(step->epoch, 2);
    EXPECT_EQ(step->visit, 0);
}

TEST_F(PlaybackTest, ScrubbingIsALookupAndSteppingForwardWalksTheRecordedRun)
{
    load(gate(learning::Generator::Xor));
    stepEpochs(4);
    m_engine->takeCommands();
    QSignalSpy positions(&m_playback, &Playback::positionChanged);

    m_playback.showPosition(positionOfEpoch(1));
    EXPECT_EQ(m_playback.position(), positionOfEpoch(1));
    EXPECT_EQ(positions.count(), 1);
    EXPECT_EQ(m_playback.shownModel()->classicModel(), reference(1).back().model);
    EXPECT_TRUE(m_playback.canAdvance()); // forward: the recorded run, or a fork

    m_playback.stepEpoch();
    EXPECT_EQ(m_playback.position(), positionOfEpoch(2));
    m_playback.stepBack();
    m_playback.stepBack();
    EXPECT_EQ(m_playback.position(), positionOfEpoch(0));
    EXPECT_FALSE(m_playback.canGoBack());
    m_playback.stepBack();
    EXPECT_EQ(m_playback.position(), 0u);
    // A position beyond the record shows the newest.
    m_playback.showPosition(1000);
    EXPECT_EQ(m_playback.position(), m_playback.history().lastPosition());

    // None of this asked the engine for anything but to stay paused; nothing was dropped.
    for (const std::string& command : m_engine->takeCommands())
        EXPECT_EQ(command, "pause");
    EXPECT_EQ(m_playback.history().epochCount(), 5);
    expectEpochsAsReference();
}

TEST_F(PlaybackTest, TrainingFromAPastPositionForksThereAndContinuesTheSameRun)
{
    load(gate(learning::Generator::Xor));
    stepEpochs(4);
    m_playback.showPosition(positionOfEpoch(2));
    m_engine->takeCommands();
    QSignalSpy forks(&m_playback, &Playback::forked);

    m_playback.train();
    EXPECT_EQ(m_engine->takeCommands(), (std::vector<std::string>{"resumeFrom", "train"}));
    ASSERT_EQ(forks.count(), 1);
    EXPECT_EQ(forks.front().front().value<std::size_t>(), positionOfEpoch(2));
    // The recorded run after epoch 2 is gone, and the engine continues from epoch 2's state.
    EXPECT_EQ(m_playback.history().epochCount(), 3);
    EXPECT_EQ(m_playback.history().lastPosition(), m_playback.position());
    EXPECT_EQ(m_engine->resumedAt, reference(2).back().state);
    EXPECT_TRUE(m_playback.isRunning());

    m_engine->run(3);
    m_engine->deliver();
    // Following the newest record; the continuation is the original run, bit for bit.
    EXPECT_EQ(m_playback.position(), positionOfEpoch(5));
    expectEpochsAsReference();
}

TEST_F(PlaybackTest, AStepFromThePastForksWhenNothingOfItsKindIsRecorded)
{
    load(gate(learning::Generator::Xor));
    stepEpochs(3);
    m_playback.showPosition(positionOfEpoch(1));
    m_engine->takeCommands();

    // Only epochs are recorded: a sample step from epoch 1 forks and visits the next sample.
    m_playback.stepSample();
    EXPECT_EQ(m_engine->takeCommands(), (std::vector<std::string>{"resumeFrom", "stepSample"}));
    m_engine->deliver();
    const auto* step = m_playback.history().stepAt(m_playback.position());
    ASSERT_NE(step, nullptr);
    EXPECT_EQ(step->epoch, 2);
    EXPECT_EQ(step->visit, 0);
    EXPECT_EQ(m_playback.position(), m_playback.history().lastPosition());
}

TEST_F(PlaybackTest, TrainRunsAndPauseStopsAndTheActionsFollow)
{
    load(gate(learning::Generator::Xor));
    QSignalSpy running(&m_playback, &Playback::runningChanged);
    m_playback.trainOrPause();
    EXPECT_TRUE(m_playback.isRunning());
    ASSERT_EQ(running.count(), 1);
    EXPECT_TRUE(running.takeFirst().front().toBool());
    m_engine->run(2);
    m_engine->deliver();
    EXPECT_EQ(m_playback.position(), positionOfEpoch(2));
    // While running, Train is Pause and stays enabled; a second train() does nothing.
    m_playback.train();
    EXPECT_EQ(m_engine->takeCommands(), std::vector<std::string>{"train"});

    m_playback.trainOrPause();
    EXPECT_FALSE(m_playback.isRunning());
    EXPECT_EQ(m_engine->takeCommands(), std::vector<std::string>{"pause"});
    ASSERT_EQ(running.count(), 1);
    EXPECT_FALSE(running.takeFirst().front().toBool());
    EXPECT_TRUE(m_playback.canAdvance());
}

TEST_F(PlaybackTest, AConvergedRunEnablesBackButNotTrainOrTheStepsUntilScrubbedBack)
{
    load(gate(learning::Generator::And));
    m_playback.train();
    m_engine->run(100);
    m_engine->deliver();
    EXPECT_FALSE(m_playback.isRunning()); // the run ended by itself
    const learning::History& history = m_playback.history();
    ASSERT_EQ(history.latestEpoch().status, TrainingStatus::Converged);
    EXPECT_EQ(m_playback.position(), history.lastPosition());
    EXPECT_FALSE(m_playback.canAdvance()); // Train and the steps are disabled ...
    EXPECT_EQ(m_playback.finishedStatus(), TrainingStatus::Converged); // ... and this says why
    EXPECT_TRUE(m_playback.hasProblem());                              // Reset stays enabled
    EXPECT_TRUE(m_playback.canGoBack());
    expectEpochsAsReference();

    m_engine->takeCommands();
    m_playback.stepEpoch();
    m_playback.stepSample();
    m_playback.train();
    EXPECT_EQ(m_engine->takeCommands(), std::vector<std::string>{});

    QSignalSpy availability(&m_playback, &Playback::availabilityChanged);
    m_playback.stepBack();
    EXPECT_GE(availability.count(), 1);
    EXPECT_TRUE(m_playback.canAdvance()); // training from there forks
    EXPECT_FALSE(m_playback.finishedStatus().has_value());

    // Back at the end, an edit starts the run over: it can advance again.
    m_playback.showPosition(history.lastPosition());
    EXPECT_EQ(m_playback.finishedStatus(), TrainingStatus::Converged);
    m_document.replaceData(gate(learning::Generator::Or));
    EXPECT_TRUE(m_playback.canAdvance());
    EXPECT_FALSE(m_playback.finishedStatus().has_value());
}

TEST_F(PlaybackTest, AnEpochLimitCanBeRaisedWithoutARestart)
{
    learning::TrainingSettings settings;
    settings.maxEpochs = 2;
    load(gate(learning::Generator::Xor), settings);
    m_playback.train();
    m_engine->run(100);
    m_engine->deliver();
    ASSERT_EQ(m_playback.history().latestEpoch().status, TrainingStatus::EpochLimit);
    EXPECT_EQ(m_playback.history().latestEpoch().epoch, 2);
    EXPECT_FALSE(m_playback.canAdvance());
    EXPECT_EQ(m_playback.finishedStatus(), TrainingStatus::EpochLimit);

    m_engine->takeCommands();
    QSignalSpy discarded(&m_playback, &Playback::runSetAside);
    settings.maxEpochs = 5;
    m_document.setSettings(settings);
    EXPECT_EQ(m_engine->takeCommands(), std::vector<std::string>{"setMaxEpochs"});
    EXPECT_TRUE(m_playback.canAdvance());
    EXPECT_FALSE(m_playback.finishedStatus().has_value());
    EXPECT_EQ(discarded.count(), 0);
    m_playback.train();
    m_engine->run(100);
    m_engine->deliver();
    EXPECT_EQ(m_playback.history().latestEpoch().epoch, 5);
    // The same weights as a run with the higher limit from the start (epoch 2 keeps the status
    // it was recorded with: the limit).
    const auto expected = reference(5);
    for (int e = 0; e <= 5; ++e)
        EXPECT_EQ(m_playback.history().modelAt(positionOfEpoch(e)), expected[std::size_t(e)].model);
}

TEST_F(PlaybackTest, TheLearningRateChangesTheRunningTrainerWithoutAReset)
{
    load(gate(learning::Generator::Xor));
    stepEpochs(2);
    m_engine->takeCommands();
    QSignalSpy rates(&m_playback, &Playback::learningRateChanged);
    learning::TrainingSettings settings = m_document.settings();
    settings.learningRate = 0.25;
    m_document.setSettings(settings);
    EXPECT_EQ(m_engine->takeCommands(), std::vector<std::string>{"setLearningRate"});
    ASSERT_EQ(rates.count(), 1);
    EXPECT_EQ(rates.front().front().toDouble(), 0.25);
    EXPECT_EQ(m_playback.history().epochCount(), 3);
    EXPECT_EQ(m_playback.appliedSettings().learningRate, 0.25);
}

TEST_F(PlaybackTest, EditsStartTheRunOverAndSayWhyOnlyWhenARunHadProgressed)
{
    QSignalSpy discarded(&m_playback, &Playback::runSetAside);
    load(gate(learning::Generator::And));
    EXPECT_EQ(discarded.count(), 0); // nothing was lost

    stepEpochs(1);
    m_engine->takeCommands();
    m_document.replaceData(gate(learning::Generator::Or));
    ASSERT_EQ(discarded.count(), 1);
    EXPECT_EQ(discarded.takeFirst().front().value<Playback::Edit>(), Playback::Edit::Data);
    EXPECT_EQ(m_engine->takeCommands(), std::vector<std::string>{"setProblem"});
    EXPECT_EQ(m_playback.history().size(), 1u);
    EXPECT_EQ(m_playback.position(), 0u);
    EXPECT_TRUE(m_playback.isAwaitingRestart());
    m_engine->deliver();

    stepEpochs(1);
    learning::TrainingSettings settings = m_document.settings();
    settings.rule = learning::Rule::Pocket;
    m_document.setSettings(settings);
    ASSERT_EQ(discarded.count(), 1);
    EXPECT_EQ(discarded.takeFirst().front().value<Playback::Edit>(), Playback::Edit::Settings);
    m_engine->deliver();
    EXPECT_EQ(m_playback.appliedSettings().rule, learning::Rule::Pocket);
    stepEpochs(2);
    expectEpochsAsReference();
}

TEST_F(PlaybackTest, AnEditInThePastSetsTheRunAsideAndItsUndoBringsItBackWhereItWas)
{
    load(gate(learning::Generator::Xor));
    stepEpochs(20);
    const std::size_t epoch5 = positionOfEpoch(5);
    m_playback.showPosition(epoch5);
    std::vector<learning::EpochFigures> recorded;
    for (int e = 0; e <= 20; ++e)
        recorded.push_back(m_playback.history().figuresOf(e));
    m_engine->takeCommands();

    // One stray drag while epoch 5 is shown.
    QSignalSpy setAside(&m_playback, &Playback::runSetAside);
    QSignalSpy restored(&m_playback, &Playback::runRestored);
    QUndoStack* undo = m_document.undoStack();
    undo->push(new editor::MovePoints(&m_document, {0}, {Eigen::Vector2d(0.3, 0.2)}, 1));
    ASSERT_EQ(setAside.count(), 1);
    EXPECT_EQ(setAside.front().at(0).value<Playback::Edit>(), Playback::Edit::Data);
    EXPECT_EQ(setAside.front().at(1).toInt(), 20);
    m_engine->deliver();
    EXPECT_EQ(m_playback.history().epochCount(), 1);
    m_engine->takeCommands();

    undo->undo();
    ASSERT_EQ(restored.count(), 1);
    EXPECT_EQ(m_engine->takeCommands(), (std::vector<std::string>{"setProblem", "resumeFrom"}));
    m_engine->deliver(); // the engine reports no new run: it continues the restored one
    ASSERT_EQ(m_playback.history().epochCount(), 21);
    for (int e = 0; e <= 20; ++e)
        EXPECT_EQ(m_playback.history().figuresOf(e), recorded[std::size_t(e)]) << "epoch " << e;
    EXPECT_EQ(m_playback.position(), epoch5);
    EXPECT_FALSE(m_playback.isAwaitingRestart());
    EXPECT_EQ(m_engine->resumedAt->epoch, 20); // the engine stands at the run's end

    // Training on from the end continues the same run, as if nothing had happened.
    m_playback.showPosition(m_playback.history().lastPosition());
    stepEpochs(2);
    EXPECT_EQ(m_playback.history().latestEpoch().epoch, 22);
    expectEpochsAsReference();

    // Redo moves the point again; the run it had (nothing past epoch 0) is not one to keep.
    setAside.clear();
    undo->redo();
    EXPECT_EQ(setAside.count(), 1); // the 22 epochs go aside again
    m_engine->deliver();
    EXPECT_EQ(m_playback.history().epochCount(), 1);
    EXPECT_EQ(m_document.data().point(0), Eigen::Vector2d(0.3, 0.2));
}

TEST_F(PlaybackTest, ANewRateInThePastSetsTheFutureAsideAtOnceAndItsUndoBringsItBack)
{
    load(gate(learning::Generator::Xor));
    stepEpochs(10);
    const std::size_t epoch4 = positionOfEpoch(4);
    m_playback.showPosition(epoch4);
    m_engine->takeCommands();

    QSignalSpy future(&m_playback, &Playback::futureSetAside);
    QSignalSpy restored(&m_playback, &Playback::runRestored);
    learning::TrainingSettings settings = m_document.settings();
    const double oldRate = settings.learningRate;
    settings.learningRate = 0.5;
    m_document.undoStack()->push(
        new editor::SetSettings(&m_document, settings, QStringLiteral("η")));
    // The old future is no longer shown as if it were still valid.
    ASSERT_EQ(future.count(), 1);
    EXPECT_EQ(future.front().at(0).value<std::size_t>(), epoch4);
    EXPECT_EQ(future.front().at(1).toDouble(), 0.5);
    EXPECT_EQ(m_engine->takeCommands(),
              (std::vector<std::string>{"resumeFrom", "setLearningRate"}));
    EXPECT_EQ(m_playback.history().epochCount(), 5);
    EXPECT_EQ(m_playback.position(), epoch4);
    stepEpochs(1);
    EXPECT_EQ(m_playback.history().latestEpoch().epoch, 5);
    EXPECT_EQ(m_playback.history().latestEpoch().learningRate, 0.5);

    m_document.undoStack()->undo();
    ASSERT_EQ(restored.count(), 1);
    EXPECT_EQ(m_playback.history().epochCount(), 11);
    EXPECT_EQ(m_playback.position(), epoch4);
    EXPECT_EQ(m_playback.appliedSettings().learningRate, oldRate);
    EXPECT_EQ(m_playback.history().figuresOf(10).learningRate, oldRate);

    // Redo: the run with the new rate, as it was left (epoch 5 shown).
    m_document.undoStack()->redo();
    ASSERT_EQ(restored.count(), 2);
    EXPECT_EQ(m_playback.history().epochCount(), 6);
    EXPECT_EQ(m_playback.history().latestEpoch().learningRate, 0.5);
    EXPECT_EQ(m_playback.position(), m_playback.history().lastPosition());
}

TEST_F(PlaybackTest, LoadingAProjectForgetsTheRunsSetAside)
{
    load(gate(learning::Generator::Xor));
    stepEpochs(3);
    const learning::Dataset xor_ = m_document.data();
    m_document.undoStack()->push(
        new editor::MovePoints(&m_document, {0}, {Eigen::Vector2d(0.3, 0.2)}, 1));
    m_engine->deliver();
    QSignalSpy setAside(&m_playback, &Playback::runSetAside);
    io::Project project;
    project.data = gate(learning::Generator::And);
    m_document.loadProject(project, QString()); // not an edit: nothing is said to come back
    EXPECT_EQ(setAside.count(), 0);
    m_engine->deliver();
    QSignalSpy restored(&m_playback, &Playback::runRestored);
    m_document.replaceData(xor_); // the undo that could have brought it back is gone
    EXPECT_EQ(restored.count(), 0);
    EXPECT_EQ(m_playback.history().epochCount(), 1);
}

TEST_F(PlaybackTest, ADivergedRunStartsOverWhenTheRateChanges)
{
    learning::TrainingSettings settings;
    settings.rule = learning::Rule::Adaline;
    settings.learningRate = 1e6;
    settings.maxEpochs = 1000;
    load(gate(learning::Generator::And), settings);
    m_playback.train();
    m_engine->run(1000);
    m_engine->deliver();
    ASSERT_EQ(m_playback.history().latestEpoch().status, TrainingStatus::Diverged);
    EXPECT_FALSE(m_playback.canAdvance());
    EXPECT_EQ(m_playback.finishedStatus(), TrainingStatus::Diverged);
    m_engine->takeCommands();

    settings.learningRate = 0.01;
    m_document.setSettings(settings);
    EXPECT_EQ(m_engine->takeCommands(), std::vector<std::string>{"setProblem"});
    m_engine->deliver();
    EXPECT_TRUE(m_playback.canAdvance());
    EXPECT_FALSE(m_playback.finishedStatus().has_value());
}

TEST_F(PlaybackTest, ResetGoesBackToEpochZeroOfTheSameProblem)
{
    load(gate(learning::Generator::Xor));
    stepEpochs(3);
    m_engine->takeCommands();
    m_playback.reset();
    EXPECT_EQ(m_engine->takeCommands(), std::vector<std::string>{"reset"});
    m_engine->deliver();
    EXPECT_EQ(m_playback.history().size(), 1u);
    EXPECT_EQ(m_playback.position(), 0u);
    EXPECT_FALSE(m_playback.canGoBack());
    EXPECT_EQ(m_playback.shownModel()->classicModel(), reference(0).front().model);
}

TEST_F(PlaybackTest, ShowEpochTrainsUpToAnEpochNotYetRecordedAtFullSpeedAndStopsThere)
{
    m_playback.setEpochsPerSecond(5.0);
    EXPECT_EQ(m_engine->speed, 5.0);
    // As a project opened at its epoch 3: the epoch is asked for before epoch 0 arrived.
    m_document.replaceData(gate(learning::Generator::Xor));
    m_playback.showEpoch(3);
    m_engine->takeCommands();
    m_engine->deliver(); // epoch 0: the run towards epoch 3 starts
    EXPECT_EQ(m_engine->takeCommands(), std::vector<std::string>{"train"});
    EXPECT_EQ(m_engine->speed, 0.0);
    EXPECT_TRUE(m_playback.isRunning());

    m_engine->run(5); // the engine may run past it before it hears the pause
    m_engine->deliver();
    EXPECT_FALSE(m_playback.isRunning());
    EXPECT_EQ(m_engine->speed, 5.0);
    EXPECT_EQ(m_playback.position(), positionOfEpoch(3));
    EXPECT_EQ(shownEpoch(), 3);

    // Recorded now: a lookup.
    m_engine->takeCommands();
    m_playback.showEpoch(1);
    EXPECT_EQ(m_playback.position(), positionOfEpoch(1));
    EXPECT_EQ(m_engine->takeCommands(), std::vector<std::string>{});
}

TEST_F(PlaybackTest, ShowEpochStopsAtTheLastEpochWhenTheRunEndsBeforeIt)
{
    load(gate(learning::Generator::And));
    m_playback.showEpoch(50);
    EXPECT_EQ(m_engine->takeCommands(), std::vector<std::string>{"train"});
    m_engine->run(100);
    m_engine->deliver();
    ASSERT_EQ(m_playback.history().latestEpoch().status, TrainingStatus::Converged);
    EXPECT_EQ(m_playback.position(), m_playback.history().lastPosition());
    EXPECT_FALSE(m_playback.isRunning());
}

} // namespace

TEST_F(PlaybackTest, TheNewestRunsSetAsideAreKeptAndUndoneInTurn)
{
    load(gate(learning::Generator::Xor));
    const int edits = int(Playback::kSetAsideRuns) + 1;
    // Each edit sets aside a run of one epoch more than the one before.
    for (int i = 0; i < edits; ++i) {
        stepEpochs(i + 1 - (m_playback.history().epochCount() - 1));
        m_document.undoStack()->push(
            new editor::MovePoints(&m_document, {0}, {Eigen::Vector2d(0.3 + 0.01 * i, 0.2)}, i));
        m_engine->deliver();
    }
    // Every Undo but the oldest brings back the run its edit set aside, as long as it was.
    QSignalSpy restored(&m_playback, &Playback::runRestored);
    for (int i = edits - 1; i >= 0; --i) {
        m_document.undoStack()->undo();
        m_engine->deliver();
        if (i > 0) {
            ASSERT_EQ(restored.count(), edits - i) << "undo of edit " << i;
            EXPECT_EQ(m_playback.history().latestEpoch().epoch, i + 1);
        }
    }
    // The oldest, the seventeenth back, was not kept.
    EXPECT_EQ(restored.count(), edits - 1);
    EXPECT_EQ(m_playback.history().epochCount(), 1);
}
