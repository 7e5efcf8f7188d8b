#include "editor/trainingengine.h"

#include "engine/trainingcontroller.h"

namespace plab::editor {

ThreadedTrainingEngine::ThreadedTrainingEngine(QObject* parent)
    : TrainingEngine(parent), m_controller(new engine::TrainingController(this))
{
    connect(m_controller, &engine::TrainingController::restarted, this, &TrainingEngine::restarted);
    connect(m_controller, &engine::TrainingController::eventsReady, this,
            &TrainingEngine::eventsReady);
    connect(m_controller, &engine::TrainingController::runningChanged, this,
            &TrainingEngine::runningChanged);
}

ThreadedTrainingEngine::~ThreadedTrainingEngine() = default;

void ThreadedTrainingEngine::setProblem(learning::Dataset data, learning::TrainingSettings settings)
{
    m_controller->setProblem(std::move(data), std::move(settings));
}

void ThreadedTrainingEngine::reset()
{
    m_controller->reset();
}

void ThreadedTrainingEngine::train()
{
    m_controller->train();
}

void ThreadedTrainingEngine::pause()
{
    m_controller->pause();
}

void ThreadedTrainingEngine::stepEpoch()
{
    m_controller->stepEpoch();
}

void ThreadedTrainingEngine::stepSample()
{
    m_controller->stepSample();
}

void ThreadedTrainingEngine::resumeFrom(const learning::TrainerState& state)
{
    m_controller->resumeFrom(state);
}

void ThreadedTrainingEngine::setLearningRate(double learningRate)
{
    m_controller->setLearningRate(learningRate);
}

void ThreadedTrainingEngine::setMaxEpochs(int maxEpochs)
{
    m_controller->setMaxEpochs(maxEpochs);
}

void ThreadedTrainingEngine::setEpochsPerSecond(double epochsPerSecond)
{
    m_controller->setEpochsPerSecond(epochsPerSecond);
}

bool ThreadedTrainingEngine::isRunning() const
{
    return m_controller->isRunning();
}

} // namespace plab::editor
