#include "ui/mainwindow/trainingpresenter.h"

#include "editor/document.h"
#include "engine/trainingcontroller.h"
#include "io/validationtext.h"
#include "learning/metrics.h"
#include "ui/canvas/plotcanvas.h"
#include "ui/panels/learningcurves.h"
#include "ui/panels/parameterpanel.h"
#include "ui/panels/timeline.h"

#include <QTimer>

#include <algorithm>

namespace plab::ui {

namespace {

/// Frames per second the views are refreshed at, at most.
constexpr int kFrameIntervalMs = 16;
/// Boundaries kept in the fading trail while training runs.
constexpr std::size_t kTrailLength = 6;

QString capitalized(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

} // namespace

TrainingPresenter::TrainingPresenter(editor::Document* document, PlotCanvas* canvas,
                                     ParameterPanel* parameters, LearningCurves* curves,
                                     Timeline* timeline, QObject* parent)
    : QObject(parent), m_document(document), m_canvas(canvas), m_parameters(parameters),
      m_curves(curves), m_timeline(timeline)
{
    m_controller = new engine::TrainingController(this);
    m_curves->setHistory(&m_history);
    m_frameTimer = new QTimer(this);
    m_frameTimer->setSingleShot(true);
    m_frameTimer->setInterval(kFrameIntervalMs);
    connect(m_frameTimer, &QTimer::timeout, this, &TrainingPresenter::refresh);

    connect(m_document, &editor::Document::dataChanged, this, &TrainingPresenter::onDataChanged);
    connect(m_document, &editor::Document::settingsChanged, this,
            &TrainingPresenter::onSettingsChanged);
    connect(m_controller, &engine::TrainingController::restarted, this,
            &TrainingPresenter::onRestarted);
    connect(m_controller, &engine::TrainingController::eventsReady, this,
            &TrainingPresenter::onEvents);
    connect(m_controller, &engine::TrainingController::runningChanged, this,
            &TrainingPresenter::onRunningChanged);
    connect(m_timeline, &Timeline::positionChosen, this,
            [this](int position) { showPosition(std::size_t(std::max(position, 0))); });

    applyProblem(QString());
}

TrainingPresenter::~TrainingPresenter()
{
    // The curves draw from our history: they must not read it once it is gone. (In the window
    // they are destroyed first.)
    if (m_curves)
        m_curves->setHistory(nullptr);
}

bool TrainingPresenter::isRunning() const
{
    return m_controller->isRunning();
}

bool TrainingPresenter::canAdvance() const
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

std::optional<learning::LinearModel> TrainingPresenter::shownModel() const
{
    if (!m_hasProblem || m_awaitingRestart)
        return std::nullopt;
    return m_history.modelAt(m_position);
}

void TrainingPresenter::setEpochsPerSecond(double epochsPerSecond)
{
    m_epochsPerSecond = epochsPerSecond;
    if (!m_targetEpoch)
        m_controller->setEpochsPerSecond(epochsPerSecond);
}

void TrainingPresenter::refreshNow()
{
    refresh();
}

void TrainingPresenter::trainOrPause()
{
    if (isRunning())
        pause();
    else
        train();
}

void TrainingPresenter::train()
{
    cancelTarget();
    if (isRunning() || !canAdvance())
        return;
    forkHere();
    m_follow = true;
    m_focusNextStep = false;
    m_controller->train();
}

void TrainingPresenter::pause()
{
    cancelTarget();
    if (isRunning())
        m_controller->pause();
}

void TrainingPresenter::stepSample()
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
    m_controller->stepSample();
}

void TrainingPresenter::stepEpoch()
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
    m_controller->stepEpoch();
}

void TrainingPresenter::stepBack()
{
    cancelTarget();
    pause();
    m_follow = false;
    m_focusNextStep = false;
    if (m_position > 0)
        setPosition(m_position - 1);
}

void TrainingPresenter::reset()
{
    cancelTarget();
    if (!m_hasProblem)
        return;
    m_follow = false;
    m_focusNextStep = false;
    m_trail.clear();
    m_controller->reset();
}

void TrainingPresenter::showPosition(std::size_t position)
{
    cancelTarget();
    pause();
    m_follow = false;
    m_focusNextStep = false;
    setPosition(std::min(position, m_history.lastPosition()));
}

void TrainingPresenter::showEpoch(int epoch)
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

void TrainingPresenter::runToTarget()
{
    if (m_controller->isRunning())
        m_controller->pause();
    m_follow = false;
    m_focusNextStep = false;
    // Continue the recorded run from its end, whatever position is shown.
    setPosition(m_history.lastPosition());
    if (!canAdvance()) {
        finishTarget();
        return;
    }
    m_controller->setEpochsPerSecond(0.0);
    m_controller->train();
}

void TrainingPresenter::finishTarget()
{
    const int target = *m_targetEpoch;
    m_targetEpoch.reset();
    m_controller->setEpochsPerSecond(m_epochsPerSecond);
    if (m_controller->isRunning())
        m_controller->pause();
    setPosition(m_history.positionOfEpoch(target).value_or(m_history.lastPosition()));
}

void TrainingPresenter::cancelTarget()
{
    if (!m_targetEpoch)
        return;
    m_targetEpoch.reset();
    m_controller->setEpochsPerSecond(m_epochsPerSecond);
}

void TrainingPresenter::onDataChanged()
{
    applyProblem(tr("Data changed: training restarted from epoch 0"));
}

void TrainingPresenter::onSettingsChanged()
{
    const learning::TrainingSettings& next = m_document->settings();
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
    if (m_hasProblem && rest == m_applied && !learning::validate(next) && !diverged) {
        if (next.learningRate != m_applied.learningRate) {
            m_controller->setLearningRate(next.learningRate);
            Q_EMIT message(tr("Learning rate η = %1 from the next sample on")
                               .arg(formatRate(next.learningRate)));
        }
        if (next.maxEpochs != m_applied.maxEpochs)
            m_controller->setMaxEpochs(next.maxEpochs);
        m_applied = next;
        Q_EMIT availabilityChanged();
        requestFrame();
        return;
    }
    applyProblem(tr("Settings changed: training restarted from epoch 0"));
}

void TrainingPresenter::applyProblem(const QString& reason)
{
    const learning::Dataset& data = m_document->data();
    const bool hadProgress = m_history.size() > 1;
    m_applied = m_document->settings();
    cancelTarget();
    m_follow = false;
    m_focusNextStep = false;
    m_trail.clear();
    m_hasProblem = !learning::validate(data) && !learning::validate(m_applied);
    if (m_hasProblem) {
        // Until the engine confirms the new run, nothing recorded for the old data is shown:
        // its sample indices may not exist any more.
        m_awaitingRestart = true;
        m_controller->setProblem(data, m_applied);
        // What the history replays between its checkpoints: the run the engine starts now
        // (reset() keeps its data and settings; the rate and limit come from the records).
        m_run = std::make_shared<const learning::Replayer>(data, m_applied);
    } else {
        m_awaitingRestart = false;
        m_run.reset();
        pause();
    }
    m_history.restart({}, nullptr);
    m_curves->historyChanged();
    m_position = 0;
    if (hadProgress && !reason.isEmpty())
        Q_EMIT message(reason);
    Q_EMIT positionChanged(m_position);
    Q_EMIT historyChanged();
    Q_EMIT availabilityChanged();
    requestFrame();
}

void TrainingPresenter::onRestarted(const learning::EpochSnapshot& initial)
{
    m_awaitingRestart = false;
    m_history.restart(initial, m_run);
    m_curves->historyChanged();
    m_trail.clear();
    m_position = 0;
    Q_EMIT positionChanged(m_position);
    Q_EMIT historyChanged();
    Q_EMIT availabilityChanged();
    requestFrame();
    if (m_targetEpoch)
        runToTarget();
}

void TrainingPresenter::onEvents(const engine::TrainingEvents& events)
{
    if (m_awaitingRestart || !m_hasProblem)
        return;
    const std::size_t first = m_history.size();
    m_history.append(events);
    m_curves->historyChanged();
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
    requestFrame();
}

void TrainingPresenter::onRunningChanged(bool running)
{
    if (!running)
        m_trail.clear();
    // The run finished (converged, limit, diverged) before reaching the epoch asked for.
    if (!running && m_targetEpoch)
        finishTarget();
    Q_EMIT runningChanged(running);
    Q_EMIT availabilityChanged();
    requestFrame();
}

bool TrainingPresenter::atLiveEnd() const
{
    const std::size_t last = m_history.lastPosition();
    if (m_position == last)
        return true;
    // A visit that closed its epoch is followed by that epoch's snapshot; both hold the state
    // the engine is in.
    const auto* step = m_history.stepAt(m_position);
    return m_position + 1 == last && step && step->state.position == 0;
}

void TrainingPresenter::forkHere()
{
    if (m_awaitingRestart || atLiveEnd())
        return;
    std::size_t at = m_position;
    if (const auto* step = m_history.stepAt(at); step && step->state.position == 0)
        ++at;
    // Truncating first makes `at` the newest position, whose state the history has at hand.
    m_history.truncateAfter(at);
    m_curves->historyChanged();
    m_controller->resumeFrom(m_history.stateAt(at));
    Q_EMIT message(tr("Training from %1: the recorded run after it was dropped")
                       .arg(timelineLabel(m_history, m_position, m_document->data().size())));
    Q_EMIT historyChanged();
}

void TrainingPresenter::setPosition(std::size_t position)
{
    if (position == m_position)
        return;
    m_position = position;
    Q_EMIT positionChanged(position);
    Q_EMIT availabilityChanged();
    requestFrame();
}

void TrainingPresenter::requestFrame()
{
    // However many batches arrive, the views are redrawn at most once per frame.
    if (!m_frameTimer->isActive())
        m_frameTimer->start();
}

bool TrainingPresenter::separable() const
{
    const learning::Dataset& data = m_document->data();
    const bool useBias = m_document->settings().useBias;
    if (m_separableRevision != m_document->dataRevision() || m_separableWithBias != useBias) {
        m_separable = data.hasTwoClasses() && learning::linearlySeparable(data, useBias);
        m_separableRevision = m_document->dataRevision();
        m_separableWithBias = useBias;
    }
    return m_separable;
}

void TrainingPresenter::refresh()
{
    m_frameTimer->stop();
    const learning::Dataset& data = m_document->data();
    const learning::TrainingSettings& settings = m_document->settings();

    TrainingView view;
    view.rule = settings.rule;
    view.zero = settings.zero;
    view.useBias = settings.useBias;
    ParameterState parameters;
    parameters.rule = settings.rule;
    parameters.gradientMode = settings.gradientMode;
    parameters.useBias = settings.useBias;

    m_shownErrors = 0;
    m_shownAccuracy = 0.0;
    if (const auto model = shownModel()) {
        view.model = *model;
        view.hasModel = true;
        view.misclassified = learning::misclassified(data, *model, settings.zero);
        const auto* step = m_history.stepAt(m_position);
        if (step)
            view.step = *step;
        if (isRunning()) {
            if (m_trail.empty() || !(m_trail.back() == *model))
                m_trail.push_back(*model);
            while (m_trail.size() > kTrailLength + 1)
                m_trail.pop_front();
            // The newest entry is the boundary drawn in full; the trail is what came before.
            view.trail.assign(m_trail.begin(), m_trail.end() - 1);
        }

        parameters.model = *model;
        parameters.atVisit = step != nullptr;
        if (step) {
            parameters.step = *step;
        } else if (m_position > 0) {
            // An epoch's snapshot right after the visit that closed it: that visit is the last
            // update.
            if (const auto* previous = m_history.stepAt(m_position - 1);
                previous && previous->state.position == 0)
                parameters.step = *previous;
        }
        parameters.mistakes =
            static_cast<decltype(parameters.mistakes)>(m_history.totalUpdatesAt(m_position));
        if (learning::isPerceptronFamily(settings.rule) && separable()) {
            parameters.readout = learning::convergenceReadout(data, *model, settings.useBias);
            parameters.startedFromZero = m_history.modelAt(0) == learning::LinearModel{};
        }

        m_shownErrors = int(view.misclassified.size());
        parameters.errors = m_shownErrors;
        m_shownAccuracy = data.empty() ? 0.0 : 1.0 - double(m_shownErrors) / double(data.size());
    }
    m_canvas->setTrainingView(view);
    m_parameters->setState(parameters);

    m_curves->setShowLoss(!learning::isPerceptronFamily(settings.rule));
    m_curves->setShowBias(settings.useBias);
    double marker = m_history.latestEpochAt(m_position).epoch;
    if (const auto* step = m_history.stepAt(m_position); step && !data.empty())
        marker = step->epoch - 1 + double(step->visit + 1) / double(data.size());
    m_curves->setMarker(marker);
    // Stepping and scrubbing show at once; a running training lets the charts pace themselves.
    if (!isRunning())
        m_curves->redrawNow();

    m_timeline->setCount(int(m_history.size()));
    m_timeline->setPosition(int(m_position));
    m_timeline->setLabel(timelineLabel(m_history, m_position, data.size()));
    m_timeline->setEnabled(m_hasProblem);

    const QString status = composeStatus();
    if (status != m_statusText) {
        m_statusText = status;
        Q_EMIT statusChanged(status);
    }
    Q_EMIT refreshed();
}

QString TrainingPresenter::composeStatus() const
{
    const learning::Dataset& data = m_document->data();
    if (data.empty())
        return tr("Click the plot to place points: left click for the active class, right click "
                  "for the other one — or pick a data set from the Data menu");
    if (const auto problem = learning::validate(data))
        return capitalized(io::describeDataProblem(*problem, data));
    if (const auto problem = learning::validate(m_applied))
        return capitalized(io::describeSettingsProblem(*problem));
    if (m_awaitingRestart)
        return tr("Epoch 0");

    const learning::EpochFigures at = m_history.latestEpochAt(m_position);
    QString text = timelineLabel(m_history, m_position, data.size()) + u" · " +
                   tr("errors %1").arg(m_shownErrors);
    // The loss is measured at the end of an epoch; inside one it would describe other weights.
    if (!m_history.isStep(m_position))
        text += u" · " + tr("loss %1").arg(formatNumber(at.loss, 3));

    const learning::Rule rule = m_applied.rule;
    const bool notSeparable = learning::isPerceptronFamily(rule) && !separable();
    const QString cannot =
        tr("not linearly separable: the perceptron cannot converge on this data");
    const learning::EpochFigures latest = m_history.latestEpoch();
    QString state;
    switch (m_history.stateAt(m_history.lastPosition()).status) {
    case learning::TrainingStatus::Converged:
        state = latest.epoch == 1 ? tr("converged after 1 epoch")
                                  : tr("converged after %1 epochs").arg(latest.epoch);
        break;
    case learning::TrainingStatus::EpochLimit:
        state = tr("epoch limit reached (%1 epochs)").arg(latest.epoch);
        if (notSeparable)
            state += u"; " + cannot;
        break;
    case learning::TrainingStatus::Diverged:
        state = tr("diverged: lower the learning rate");
        break;
    case learning::TrainingStatus::Running:
        if (notSeparable)
            state = cannot;
        else if (isRunning())
            state = tr("training…");
        break;
    }
    if (!state.isEmpty())
        text += u" — " + state;
    return text;
}

} // namespace plab::ui
