#pragma once

#include "engine/metatypes.h" // TrainingEvents
#include "learning/dataset.h"
#include "learning/records.h"
#include "learning/settings.h"

#include <QObject>

namespace plab::engine {
class TrainingController;
}

namespace plab::editor {

/// The training engine as the Playback sees it: the commands and the three reports of
/// engine::TrainingController, with its contract (see there: commands never block, records
/// arrive in order and in batches, nothing produced before setProblem(), reset() or resumeFrom()
/// is reported after it, isRunning() turns false at once at any command that stops a run).
///
/// An interface so that the playback's state can be tested alone, without a thread: a test
/// drives it with a fake that runs a learning::Trainer when told (tests/editor/playback_test.cpp).
/// ThreadedTrainingEngine is the real one.
class TrainingEngine : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    /// A new run on \p data and \p settings (both valid); restarted() follows.
    virtual void setProblem(learning::Dataset data, learning::TrainingSettings settings) = 0;
    /// Back to epoch 0 of the current problem; restarted() follows.
    virtual void reset() = 0;
    virtual void train() = 0;
    virtual void pause() = 0;
    virtual void stepEpoch() = 0;
    virtual void stepSample() = 0;
    /// Continues from a recorded state (a fork); no restarted().
    virtual void resumeFrom(const learning::TrainerState& state) = 0;
    virtual void setLearningRate(double learningRate) = 0;
    virtual void setMaxEpochs(int maxEpochs) = 0;
    /// 0 for as fast as possible.
    virtual void setEpochsPerSecond(double epochsPerSecond) = 0;
    [[nodiscard]] virtual bool isRunning() const = 0;

Q_SIGNALS:
    /// The run started over; \p initial is epoch 0.
    void restarted(const plab::learning::EpochSnapshot& initial);
    /// New records, in the order they were produced.
    void eventsReady(const plab::engine::TrainingEvents& events);
    /// Training started or stopped (paused, finished, or reset).
    void runningChanged(bool running);
};

/// The real engine: an engine::TrainingController, which trains on a worker thread.
class ThreadedTrainingEngine final : public TrainingEngine
{
    Q_OBJECT

public:
    explicit ThreadedTrainingEngine(QObject* parent = nullptr);
    ~ThreadedTrainingEngine() override;

    void setProblem(learning::Dataset data, learning::TrainingSettings settings) override;
    void reset() override;
    void train() override;
    void pause() override;
    void stepEpoch() override;
    void stepSample() override;
    void resumeFrom(const learning::TrainerState& state) override;
    void setLearningRate(double learningRate) override;
    void setMaxEpochs(int maxEpochs) override;
    void setEpochsPerSecond(double epochsPerSecond) override;
    [[nodiscard]] bool isRunning() const override;

private:
    engine::TrainingController* m_controller = nullptr; ///< our child
};

} // namespace plab::editor
