#include "editor/playback.h"

#include "editor/document.h"
#include "editor/trainingengine.h"

#include <algorithm>
#include <utility>

namespace plab::editor {

Playback::Playback(Document* document, TrainingEngine* engine, QObject* parent)
    : QObject(parent), m_document(document),
      m_engine(engine != nullptr ? engine : new ThreadedTrainingEngine)
{
    m_engine->setParent(this);
    connect(m_document, &Document::dataChanged, this, &Playback::onDataChanged);
    connect(m_document, &Document::settingsChanged, this, &Playback::onSettingsChanged);
    connect(m_engine, &TrainingEngine::restarted, this, &Playback::onRestarted);
    connect(m_engine, &TrainingEngine::eventsReady, this, &Playback::onEvents);
    connect(m_engine, &TrainingEngine::runningChanged, this, &Playback::onRunningChanged);
    applyProblem(std::nullopt);
}

Playback::~Playback() = default;

bool Playback::isRunning() const
{
    return m_engine->isRunning();
}

bool Playback::canAdvance() const
{
    if (!m_hasProblem)
        return false;
    if (m_awaitingRestart || !atLiveEnd())
        return true;
    const learning::TrainingStatus status = m_history.stateAt(m_history.lastPosition()).status;
    if (status == learning::TrainingStatus::EpochLimit)
        return m_history.latestEpoch().epoch < m_applied.maxEpochs;
    return status == learning::TrainingStatus::Running;
}

std::optional<learning::TrainingStatus> Playback::finishedStatus() const
{
    if (!m_hasProblem || canAdvance())
        return std::nullopt;
    return m_history.stateAt(m_history.lastPosition()).status;
}

std::optional<learning::Model> Playback::shownModel() const
{
    if (!m_hasProblem)
        return handSetModel(m_applied);
    if (m_awaitingRestart)
        return std::nullopt;
    return learning::Model(learning::modelShape(m_applied), m_history.parametersAt(m_position),
                           m_applied.zero);
}

std::optional<learning::Model> Playback::handSetModel(const learning::TrainingSettings& settings)
{
    // Only the network of step units: a model that is complete and valid, but that gradient
    // descent cannot train (learning::validateModel() says why).
    if (!learning::validateModel(settings) || learning::validateModelToShow(settings))
        return std::nullopt;
    return learning::Model(learning::modelShape(settings), settings.initialLayers, settings.zero);
}

void Playback::setEpochsPerSecond(double epochsPerSecond)
{
    m_epochsPerSecond = epochsPerSecond;
    if (!m_targetEpoch)
        m_engine->setEpochsPerSecond(epochsPerSecond);
}

void Playback::trainOrPause()
{
    if (isRunning())
        pause();
    else
        train();
}

void Playback::train()
{
    cancelTarget();
    if (isRunning() || !canAdvance())
        return;
    forkHere();
    m_follow = true;
    m_focusNextStep = false;
    m_engine->train();
}

void Playback::pause()
{
    cancelTarget();
    if (isRunning())
        m_engine->pause();
}

void Playback::stepSample()
{
    cancelTarget();
    if (!m_hasProblem)
        return;
    pause();
    // Walk through recorded visits first; the snapshot that closes the epoch of the visit shown
    // holds the same weights and is passed over.
    std::size_t next = m_position + 1;
    if (const auto* step = m_history.stepAt(m_position); step && step->state.position == 0)
        ++next;
    if (next <= m_history.lastPosition() && m_history.isStep(next)) {
        m_follow = false;
        setPosition(next);
        return;
    }
    if (!canAdvance())
        return;
    forkHere();
    m_follow = false;
    m_focusNextStep = true;
    m_engine->stepSample();
}

void Playback::stepEpoch()
{
    cancelTarget();
    if (!m_hasProblem)
        return;
    pause();
    int completed = m_history.latestEpochAt(m_position).epoch;
    if (const auto* step = m_history.stepAt(m_position); step && step->state.position == 0)
        completed = step->epoch;
    if (const auto recorded = m_history.positionOfEpoch(completed + 1);
        recorded && *recorded > m_position) {
        m_follow = false;
        setPosition(*recorded);
        return;
    }
    if (!canAdvance())
        return;
    forkHere();
    m_follow = true;
    m_focusNextStep = false;
    m_engine->stepEpoch();
}

void Playback::stepBack()
{
    cancelTarget();
    pause();
    m_follow = false;
    m_focusNextStep = false;
    if (m_position > 0)
        setPosition(m_position - 1);
}

void Playback::reset()
{
    cancelTarget();
    if (!m_hasProblem)
        return;
    m_follow = false;
    m_focusNextStep = false;
    m_engine->reset();
}

void Playback::showPosition(std::size_t position)
{
    cancelTarget();
    pause();
    m_follow = false;
    m_focusNextStep = false;
    setPosition(std::min(position, m_history.lastPosition()));
}

void Playback::showEpoch(int epoch)
{
    cancelTarget();
    if (!m_hasProblem || epoch <= 0)
        return;
    if (!m_awaitingRestart) {
        if (const auto recorded = m_history.positionOfEpoch(epoch)) {
            showPosition(*recorded);
            return;
        }
    }
    m_targetEpoch = epoch;
    if (!m_awaitingRestart)
        runToTarget(); // otherwise onRestarted() starts it
}

void Playback::runToTarget()
{
    if (m_engine->isRunning())
        m_engine->pause();
    m_follow = false;
    m_focusNextStep = false;
    // Continue the recorded run from its end, whatever position is shown.
    setPosition(m_history.lastPosition());
    if (!canAdvance()) {
        finishTarget();
        return;
    }
    m_engine->setEpochsPerSecond(0.0);
    m_engine->train();
}

void Playback::finishTarget()
{
    const int target = *m_targetEpoch;
    m_targetEpoch.reset();
    m_engine->setEpochsPerSecond(m_epochsPerSecond);
    if (m_engine->isRunning())
        m_engine->pause();
    setPosition(m_history.positionOfEpoch(target).value_or(m_history.lastPosition()));
}

void Playback::cancelTarget()
{
    if (!m_targetEpoch)
        return;
    m_targetEpoch.reset();
    m_engine->setEpochsPerSecond(m_epochsPerSecond);
}

void Playback::onDataChanged()
{
    applyProblem(Edit::Data);
}

void Playback::onSettingsChanged()
{
    const learning::TrainingSettings next = m_document->runSettings();
    if (next == m_applied)
        return;
    // The learning rate and the epoch limit change the running trainer; everything else
    // defines a different run.
    learning::TrainingSettings rest = next;
    rest.learningRate = m_applied.learningRate;
    rest.maxEpochs = m_applied.maxEpochs;
    // A run that diverged cannot continue: a new rate (the advice the status gives) starts over.
    const bool diverged =
        m_hasProblem && !m_awaitingRestart &&
        m_history.stateAt(m_history.lastPosition()).status == learning::TrainingStatus::Diverged;
    // Back to the settings of a run set aside (the Undo of a change): that run comes back.
    const bool restoring = !m_document->isLoading() && hasSetAside();
    if (m_hasProblem && rest == m_applied && !learning::validate(next) && !diverged && !restoring) {
        if (next.learningRate != m_applied.learningRate) {
            if (!m_awaitingRestart && !atLiveEnd()) {
                // Shown in the past: the recorded future was made with the old rate and is no
                // longer what training would do. It goes aside now (the change's Undo brings it
                // back), not silently at the next step.
                setAside(Keep::Copy);
                truncateHere();
                m_engine->setLearningRate(next.learningRate);
                Q_EMIT futureSetAside(m_position, next.learningRate);
                Q_EMIT historyChanged();
            } else {
                m_engine->setLearningRate(next.learningRate);
                Q_EMIT learningRateChanged(next.learningRate);
            }
        }
        if (next.maxEpochs != m_applied.maxEpochs)
            m_engine->setMaxEpochs(next.maxEpochs);
        m_applied = next;
        Q_EMIT availabilityChanged();
        return;
    }
    applyProblem(Edit::Settings);
}

void Playback::applyProblem(std::optional<Edit> edit)
{
    const learning::Dataset& data = m_document->data();
    const bool loading = m_document->isLoading();
    // Loading replaces the undo history, and with it every way back to a run set aside.
    if (loading)
        m_setAside.clear();
    const int epochs = m_history.latestEpoch().epoch;
    const learning::TrainingSettings settings = m_document->runSettings();
    const bool hasProblem = !learning::validate(data) && !learning::validate(settings) &&
                            !learning::validateModel(settings) &&
                            !learning::firstInvalidLabel(data, settings.classes);
    // The run to come back is taken out before the current one goes in, so that making room
    // never drops it.
    std::optional<SetAsideRun> back;
    if (hasProblem && !loading)
        back = takeSetAside();
    const bool setsAside = edit && !loading && m_run && m_history.size() > 1;
    if (setsAside)
        setAside(Keep::Move); // keyed by the settings the run had, still in m_applied
    m_applied = settings;
    m_hasProblem = hasProblem;
    cancelTarget();
    m_follow = false;
    m_focusNextStep = false;
    if (back) {
        restore(std::move(*back));
    } else if (m_hasProblem) {
        // Until the engine confirms the new run, nothing recorded for the old data is shown:
        // its sample indices may not exist any more.
        m_awaitingRestart = true;
        m_engine->setProblem(data, m_applied);
        // What the history replays between its checkpoints: the run the engine starts now
        // (reset() keeps its data and settings; the rate and limit come from the records).
        m_run = std::make_shared<const learning::Replayer>(data, m_applied);
        m_history.restart({}, nullptr);
        m_position = 0;
    } else {
        m_awaitingRestart = false;
        m_run.reset();
        pause();
        m_history.restart({}, nullptr);
        m_position = 0;
    }
    if (setsAside && !back)
        Q_EMIT runSetAside(*edit, epochs);
    if (back)
        Q_EMIT runRestored();
    Q_EMIT positionChanged(m_position);
    Q_EMIT historyChanged();
    Q_EMIT availabilityChanged();
}

void Playback::setAside(Keep keep)
{
    if (!m_run || m_awaitingRestart || m_history.size() <= 1)
        return;
    SetAsideRun run{m_run->data(), m_applied,
                    keep == Keep::Copy ? m_history : std::exchange(m_history, learning::History{}),
                    m_run, m_position};
    std::erase_if(m_setAside, [&run](const SetAsideRun& kept) {
        return kept.settings == run.settings && kept.data == run.data;
    });
    m_setAside.push_back(std::move(run));
    // The newest is always kept: it is the one the next Undo brings back.
    const auto bytes = [this] {
        std::size_t total = 0;
        for (const SetAsideRun& kept : m_setAside)
            total += kept.history.memoryBytes();
        return total;
    };
    while (m_setAside.size() > kSetAsideRuns || (m_setAside.size() > 1 && bytes() > kSetAsideBytes))
        m_setAside.pop_front();
}

bool Playback::hasSetAside() const
{
    const learning::Dataset& data = m_document->data();
    const learning::TrainingSettings settings = m_document->runSettings();
    return std::any_of(m_setAside.begin(), m_setAside.end(), [&](const SetAsideRun& kept) {
        return kept.settings == settings && kept.data == data;
    });
}

std::optional<Playback::SetAsideRun> Playback::takeSetAside()
{
    const learning::Dataset& data = m_document->data();
    const learning::TrainingSettings settings = m_document->runSettings();
    const auto found = std::find_if(m_setAside.begin(), m_setAside.end(), [&](const auto& kept) {
        return kept.settings == settings && kept.data == data;
    });
    if (found == m_setAside.end())
        return std::nullopt;
    SetAsideRun run = std::move(*found);
    m_setAside.erase(found);
    return run;
}

void Playback::restore(SetAsideRun run)
{
    if (m_engine->isRunning())
        m_engine->pause();
    m_awaitingRestart = false;
    m_history = std::move(run.history);
    m_run = std::move(run.run);
    m_position = std::min(run.position, m_history.lastPosition());
    // The engine continues from the newest recorded state; nothing of the setProblem() is
    // reported after the resumeFrom() (no restarted()).
    m_engine->setProblem(m_document->data(), m_applied);
    m_engine->resumeFrom(m_history.stateAt(m_history.lastPosition()));
}

void Playback::onRestarted(const learning::EpochSnapshot& initial)
{
    m_awaitingRestart = false;
    m_history.restart(initial, m_run);
    m_position = 0;
    Q_EMIT positionChanged(m_position);
    Q_EMIT historyChanged();
    Q_EMIT availabilityChanged();
    if (m_targetEpoch)
        runToTarget();
}

void Playback::onEvents(const engine::TrainingEvents& events)
{
    if (m_awaitingRestart || !m_hasProblem)
        return;
    const std::size_t first = m_history.size();
    m_history.append(events);
    std::optional<std::size_t> newestStep;
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (std::holds_alternative<learning::StepRecord>(events[i]))
            newestStep = first + i;
    }
    if (m_focusNextStep && newestStep) {
        m_focusNextStep = false;
        setPosition(*newestStep);
    } else if (m_follow) {
        setPosition(m_history.lastPosition());
    }
    if (m_targetEpoch && m_history.latestEpoch().epoch >= *m_targetEpoch)
        finishTarget();
    Q_EMIT historyChanged();
    Q_EMIT availabilityChanged();
}

void Playback::onRunningChanged(bool running)
{
    // The run finished (converged, limit, diverged) before reaching the epoch asked for.
    if (!running && m_targetEpoch)
        finishTarget();
    Q_EMIT runningChanged(running);
    Q_EMIT availabilityChanged();
}

bool Playback::atLiveEnd() const
{
    const std::size_t last = m_history.lastPosition();
    if (m_position == last)
        return true;
    // A visit that closed its epoch is followed by that epoch's snapshot; both hold the state
    // the engine is in.
    const auto* step = m_history.stepAt(m_position);
    return m_position + 1 == last && step && step->state.position == 0;
}

void Playback::forkHere()
{
    if (m_awaitingRestart || atLiveEnd())
        return;
    truncateHere();
    Q_EMIT forked(m_position);
    Q_EMIT historyChanged();
}

void Playback::truncateHere()
{
    std::size_t at = m_position;
    if (const auto* step = m_history.stepAt(at); step && step->state.position == 0)
        ++at;
    // Truncating first makes `at` the newest position, whose state the history has at hand.
    m_history.truncateAfter(at);
    m_engine->resumeFrom(m_history.stateAt(at));
}

void Playback::setPosition(std::size_t position)
{
    if (position == m_position)
        return;
    m_position = position;
    Q_EMIT positionChanged(position);
    Q_EMIT availabilityChanged();
}

} // namespace plab::editor
