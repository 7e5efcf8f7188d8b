#include "ui/mainwindow/trainingpresenter.h"

#include "editor/document.h"
#include "editor/playback.h"
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

/// The loss with its name: each rule minimises its own (see rules.h), and a bare "loss 0.000"
/// next to "errors 3" reads as a contradiction for the perceptron, whose criterion is 0 for
/// points on the line.
QString lossText(const learning::TrainingSettings& settings, double loss)
{
    const QString value = formatNumber(loss, 3);
    // A network minimises cross-entropy whatever the rule setting says (it is trained by
    // backpropagation, not by the linear rules).
    if (settings.model == learning::ModelKind::Network)
        return TrainingPresenter::tr("cross-entropy %1").arg(value);
    switch (settings.rule) {
    case learning::Rule::Perceptron:
    case learning::Rule::Pocket:
    case learning::Rule::Averaged:
        return TrainingPresenter::tr("perceptron criterion %1").arg(value);
    case learning::Rule::Adaline:
        return TrainingPresenter::tr("squared error %1").arg(value);
    case learning::Rule::Logistic:
        return TrainingPresenter::tr("cross-entropy %1").arg(value);
    }
    return value;
}

} // namespace

TrainingPresenter::TrainingPresenter(editor::Playback* playback, editor::Document* document,
                                     PlotCanvas* canvas, ParameterPanel* parameters,
                                     LearningCurves* curves, Timeline* timeline, QObject* parent)
    : QObject(parent), m_playback(playback), m_document(document), m_canvas(canvas),
      m_parameters(parameters), m_curves(curves), m_timeline(timeline)
{
    // The curves read the playback's history itself and redraw when it changes.
    m_curves->setHistory(&m_playback->history());
    connect(m_playback, &editor::Playback::historyChanged, m_curves,
            &LearningCurves::historyChanged);

    m_frameTimer = new QTimer(this);
    m_frameTimer->setSingleShot(true);
    m_frameTimer->setInterval(kFrameIntervalMs);
    connect(m_frameTimer, &QTimer::timeout, this, &TrainingPresenter::refresh);
    for (const auto changed :
         {&editor::Playback::historyChanged, &editor::Playback::availabilityChanged})
        connect(m_playback, changed, this, &TrainingPresenter::requestFrame);
    connect(m_playback, &editor::Playback::positionChanged, this, &TrainingPresenter::requestFrame);
    connect(m_playback, &editor::Playback::runningChanged, this, [this](bool running) {
        if (!running)
            m_trail.clear();
        requestFrame();
    });
    connect(m_timeline, &Timeline::positionChosen, m_playback,
            [this](int position) { m_playback->showPosition(std::size_t(std::max(position, 0))); });

    // What an edit does to the recorded run, said plainly: it is set aside, not lost.
    connect(m_playback, &editor::Playback::runSetAside, this,
            [this](editor::Playback::Edit edit, int epochs) {
                Q_EMIT message(
                    edit == editor::Playback::Edit::Data
                        ? tr("Data changed: training starts over from epoch 0. The recorded run "
                             "(%n epoch(s)) is set aside: Undo brings it back.",
                             nullptr, epochs)
                        : tr("Settings changed: training starts over from epoch 0. The recorded "
                             "run (%n epoch(s)) is set aside: Undo brings it back.",
                             nullptr, epochs));
            });
    connect(m_playback, &editor::Playback::runRestored, this, [this] {
        const learning::History& history = m_playback->history();
        Q_EMIT message(
            tr("Recorded run restored: %n epoch(s), timeline at %1", nullptr,
               history.latestEpoch().epoch)
                .arg(timelineLabel(history, m_playback->position(), m_document->data().size())));
    });
    connect(m_playback, &editor::Playback::futureSetAside, this,
            [this](std::size_t position, double rate) {
                Q_EMIT message(
                    tr("Learning rate η = %1 at %2: the recorded run after it is set "
                       "aside (Undo brings it back) and training continues from here "
                       "with the new rate.")
                        .arg(formatRate(rate), timelineLabel(m_playback->history(), position,
                                                             m_document->data().size())));
            });
    connect(m_playback, &editor::Playback::learningRateChanged, this, [this](double rate) {
        Q_EMIT message(tr("Learning rate η = %1 from the next sample on").arg(formatRate(rate)));
    });
    connect(m_playback, &editor::Playback::forked, this, [this](std::size_t position) {
        Q_EMIT message(
            tr("Training from %1: the recorded run after it was dropped")
                .arg(timelineLabel(m_playback->history(), position, m_document->data().size())));
    });
    requestFrame();
}

TrainingPresenter::~TrainingPresenter()
{
    // The curves draw from the playback's history: they must not read it once it may be gone.
    // (In the window they are destroyed first.)
    if (m_curves)
        m_curves->setHistory(nullptr);
}

void TrainingPresenter::refreshNow()
{
    refresh();
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
    const learning::TrainingSettings& settings = m_playback->appliedSettings();

    TrainingView view;
    view.rule = settings.rule;
    view.multiclass = settings.multiclass;
    ParameterState parameters;
    parameters.rule = settings.rule;
    parameters.gradientMode = settings.gradientMode;
    parameters.useBias = settings.useBias;
    parameters.multiclass = settings.multiclass;

    m_shownErrors = 0;
    m_shownAccuracy = 0.0;
    const learning::History& history = m_playback->history();
    const std::size_t position = m_playback->position();
    if (const auto model = m_playback->shownModel()) {
        const bool classic = model->shape().isClassic();
        // The classic model's (w1, w2, b): what its own layers, the trail and the panel draw.
        const learning::LinearModel linear =
            classic ? model->classicModel() : learning::LinearModel{};
        view.model = *model;
        view.hasModel = true;
        // A hand-set model (Playback::handSetModel()) is shown whatever the points are: when
        // some label is not one of its classes, no point is ringed rather than a wrong count.
        view.misclassified = classic ? learning::misclassified(data, linear, settings.zero)
                             : learning::firstInvalidLabel(data, model->classes())
                                 ? std::vector<std::size_t>{}
                                 : model->misclassified(data);
        const auto* step = history.stepAt(position);
        if (step)
            view.step = *step;
        if (m_playback->isRunning() && classic) {
            if (m_trail.empty() || !(m_trail.back() == linear))
                m_trail.push_back(linear);
            while (m_trail.size() > kTrailLength + 1)
                m_trail.pop_front();
            // The newest entry is the boundary drawn in full; the trail is what came before.
            view.trail.assign(m_trail.begin(), m_trail.end() - 1);
        }

        parameters.model = linear;
        if (!classic)
            parameters.general = *model;
        parameters.atVisit = step != nullptr;
        if (step) {
            parameters.step = *step;
        } else if (position > 0) {
            // An epoch's snapshot right after the visit that closed it: that visit is the last
            // update.
            if (const auto* previous = history.stepAt(position - 1);
                previous && previous->state.position == 0)
                parameters.step = *previous;
        }
        parameters.mistakes =
            static_cast<decltype(parameters.mistakes)>(history.totalUpdatesAt(position));
        if (classic && learning::isPerceptronFamily(settings.rule) && separable()) {
            parameters.readout = learning::convergenceReadout(data, linear, settings.useBias);
            parameters.startedFromZero = history.modelAt(0) == learning::LinearModel{};
        }

        m_shownErrors = int(view.misclassified.size());
        parameters.errors = m_shownErrors;
        m_shownAccuracy = data.empty() ? 0.0 : 1.0 - double(m_shownErrors) / double(data.size());
    }
    m_canvas->setTrainingView(view);
    m_parameters->setState(parameters);

    m_curves->setSettings(settings);
    double marker = history.latestEpochAt(position).epoch;
    if (const auto* step = history.stepAt(position); step && !data.empty())
        marker = step->epoch - 1 + double(step->visit + 1) / double(data.size());
    m_curves->setMarker(marker);
    // Stepping and scrubbing show at once; a running training lets the charts pace themselves.
    if (!m_playback->isRunning())
        m_curves->redrawNow();

    m_timeline->setCount(int(history.size()));
    m_timeline->setPosition(int(position));
    m_timeline->setLabel(timelineLabel(history, position, data.size()));
    m_timeline->setEnabled(m_playback->hasProblem());

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
    const learning::TrainingSettings& applied = m_playback->appliedSettings();
    if (const auto problem = learning::validate(applied))
        return capitalized(io::describeSettingsProblem(*problem));
    if (const auto problem = learning::validateModel(applied))
        return capitalized(io::describeModelProblem(*problem));
    if (m_playback->isAwaitingRestart())
        return tr("Epoch 0");

    const learning::History& history = m_playback->history();
    const std::size_t position = m_playback->position();
    const learning::EpochFigures at = history.latestEpochAt(position);
    QString text =
        timelineLabel(history, position, data.size()) + u" · " + tr("errors %1").arg(m_shownErrors);
    // The loss is measured at the end of an epoch; inside one it would describe other weights.
    const learning::Rule rule = applied.rule;
    if (!history.isStep(position))
        text += u" · " + lossText(applied, at.loss);

    // The check is for a line in the plane (x1, x2): the classic model's.
    const bool notSeparable = learning::isPerceptronFamily(rule) &&
                              learning::modelShape(applied).isClassic() && !separable();
    // Without a bias every boundary passes through the origin, so "not linearly separable" would
    // claim more than the check found.
    const QString cannot =
        applied.useBias
            ? tr("not linearly separable: the perceptron cannot converge on this data")
            : tr("no line through the origin separates the classes (the bias is off): the "
                 "perceptron cannot converge on this data");
    const learning::EpochFigures latest = history.latestEpoch();
    QString state;
    switch (history.stateAt(history.lastPosition()).status) {
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
    case learning::TrainingStatus::Cycle: {
        const learning::TrainerState last = history.stateAt(history.lastPosition());
        state = tr("stuck in a cycle after %1 epochs: the weights repeat every %n epoch(s) while "
                   "each sample still moves them by up to %2",
                   nullptr, last.cyclePeriod)
                    .arg(latest.epoch)
                    .arg(formatNumber(last.cycleSwing, 3));
        break;
    }
    case learning::TrainingStatus::Running:
        if (notSeparable)
            state = cannot;
        else if (m_playback->isRunning())
            state = tr("training…");
        break;
    }
    if (!state.isEmpty())
        text += u" — " + state;
    return text;
}

} // namespace plab::ui
