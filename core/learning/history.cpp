#include "history.h"

#include "settings.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <numeric>
#include <stdexcept>
#include <utility>

namespace plab::learning {

namespace {

std::array<double, 3> parametersOf(const LinearModel& model)
{
    return {model.w.x(), model.w.y(), model.b};
}

} // namespace

EpochFigures EpochFigures::of(const EpochSnapshot& snapshot)
{
    EpochFigures f;
    f.epoch = snapshot.epoch;
    f.model = snapshot.model;
    f.errors = snapshot.errors;
    f.loss = snapshot.loss;
    f.accuracy = snapshot.accuracy;
    f.updates = snapshot.updates;
    f.learningRate = snapshot.learningRate;
    f.status = snapshot.status;
    return f;
}

History::History(EpochSnapshot initial, std::shared_ptr<const Replayer> run)
{
    restart(std::move(initial), std::move(run));
}

void History::restart(EpochSnapshot initial, std::shared_ptr<const Replayer> run)
{
    if (initial.epoch != 0)
        throw std::invalid_argument("History::restart: the initial snapshot is not of epoch 0");
    m_run = std::move(run);
    m_interval = m_run ? m_run->checkpointInterval() : 1;
    // The classic model keeps (w1, w2, b); every other model its flat parameters (model.h).
    m_classic = !m_run || modelShape(m_run->settings()).isClassic();
    m_parameters.clear(initial.parameters.empty() ? 3 : initial.parameters.size());
    m_loss.clear(1);
    m_errors.clear(1);
    // Errors per class for classes 0 ... K-2; the last class's are errors minus their sum.
    m_classErrors.clear(m_run ? std::size_t(m_run->settings().classes - 1) : 1);
    m_totalUpdates.clear(1);
    // Swapping with empty vectors gives their memory back (clear() would keep the capacity).
    std::vector<Change<double>>().swap(m_rates);
    std::vector<Change<TrainingStatus>>().swap(m_statuses);
    std::vector<TrainerState>().swap(m_checkpoints);
    std::vector<StepRecord>().swap(m_steps);
    m_withoutRunAccuracy = initial.accuracy;
    m_newestIsCheckpoint = true;
    recordEpoch(initial);
}

void History::recordEpoch(const EpochSnapshot& snapshot)
{
    const int epoch = snapshot.epoch;
    const std::int64_t before = epoch == 0 ? 0 : m_totalUpdates[std::size_t(epoch - 1)];
    if (std::int64_t(snapshot.updates) != std::int64_t(snapshot.state.totalUpdates) - before)
        throw std::invalid_argument("History::append: the epoch's updates do not add up to the "
                                    "trainer's total");
    if (snapshot.parameters.empty()) {
        m_parameters.push_back(parametersOf(snapshot.model));
    } else {
        if (snapshot.parameters.size() != m_parameters.width())
            throw std::invalid_argument("History::append: the snapshot's parameters are not of "
                                        "the run's model");
        m_parameters.push_back(
            std::span<const double>(snapshot.parameters.data(), snapshot.parameters.size()));
    }
    m_loss.push_back(snapshot.loss);
    m_errors.push_back(std::int32_t(snapshot.errors));
    m_classErrors.push_back(
        std::span<const std::int32_t>(snapshot.classErrors.data(), m_classErrors.width()));
    m_totalUpdates.push_back(std::int64_t(snapshot.state.totalUpdates));
    if (m_rates.empty() || m_rates.back().value != snapshot.learningRate)
        m_rates.push_back({epoch, snapshot.learningRate});
    if (m_statuses.empty() || m_statuses.back().value != snapshot.status)
        m_statuses.push_back({epoch, snapshot.status});

    // The newest epoch's state is always at hand; it stays a checkpoint when the spacing calls
    // for one, or when sample visits were recorded in the epoch (a replay never runs through
    // those: single-stepping may have used other learning rates than the snapshot's).
    if (!m_newestIsCheckpoint)
        m_checkpoints.pop_back();
    m_checkpoints.push_back(snapshot.state);
    m_newestIsCheckpoint =
        epoch % m_interval == 0 || (!m_steps.empty() && m_steps.back().epoch == epoch);
}

void History::append(const TrainingEvent& event)
{
    if (!m_run)
        throw std::logic_error("History::append: no run to record (restart() with its Replayer)");
    const int next = epochCount();
    if (const auto* snapshot = std::get_if<EpochSnapshot>(&event)) {
        if (snapshot->epoch != next)
            throw std::invalid_argument("History::append: the snapshot is not of the next epoch");
        recordEpoch(*snapshot);
    } else {
        const StepRecord& step = std::get<StepRecord>(event);
        if (step.epoch != next)
            throw std::invalid_argument("History::append: the visit is not in the next epoch");
        m_steps.push_back(step);
    }
}

void History::append(std::span<const TrainingEvent> events)
{
    for (const TrainingEvent& event : events)
        append(event);
}

std::size_t History::stepsThrough(int epoch) const
{
    return std::size_t(std::upper_bound(m_steps.begin(), m_steps.end(), epoch,
                                        [](int e, const StepRecord& s) { return e < s.epoch; }) -
                       m_steps.begin());
}

std::size_t History::positionOf(int epoch) const
{
    // The visits of epoch e come after the snapshot of e - 1 and before that of e.
    return std::size_t(epoch) + stepsThrough(epoch);
}

int History::epochAtOrBefore(std::size_t position) const
{
    assert(position < size());
    if (m_steps.empty())
        return int(position);
    // positionOf() grows with the epoch: find the last epoch at or before the position.
    int lo = 0; // positionOf(lo) <= position always (positionOf(0) == 0)
    int hi = std::min(epochCount() - 1, int(position));
    while (lo < hi) {
        const int mid = lo + (hi - lo + 1) / 2;
        if (positionOf(mid) <= position)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

bool History::isStep(std::size_t position) const
{
    return positionOf(epochAtOrBefore(position)) != position;
}

const StepRecord* History::stepAt(std::size_t position) const
{
    const int epoch = epochAtOrBefore(position);
    if (positionOf(epoch) == position)
        return nullptr;
    // epoch + 1 snapshots are at or before the position; the rest of the positions are visits.
    return &m_steps[position - std::size_t(epoch) - 1];
}

std::optional<EpochFigures> History::epochAt(std::size_t position) const
{
    const int epoch = epochAtOrBefore(position);
    if (positionOf(epoch) != position)
        return std::nullopt;
    return figuresOf(epoch);
}

EpochFigures History::latestEpochAt(std::size_t position) const
{
    return figuresOf(epochAtOrBefore(position));
}

double History::rateOf(int epoch) const
{
    const auto it = std::upper_bound(m_rates.begin(), m_rates.end(), epoch,
                                     [](int e, const Change<double>& c) { return e < c.epoch; });
    return std::prev(it)->value;
}

TrainingStatus History::statusOf(int epoch) const
{
    const auto it =
        std::upper_bound(m_statuses.begin(), m_statuses.end(), epoch,
                         [](int e, const Change<TrainingStatus>& c) { return e < c.epoch; });
    return std::prev(it)->value;
}

EpochFigures History::figuresOf(int epoch) const
{
    assert(epoch >= 0 && epoch < epochCount());
    const auto e = std::size_t(epoch);
    EpochFigures f;
    f.epoch = epoch;
    if (m_classic) {
        const double* p = m_parameters.row(e);
        f.model = LinearModel{{p[0], p[1]}, p[2]};
    }
    f.errors = int(m_errors[e]);
    f.loss = m_loss[e];
    // The expression the trainer computes, so the value is the same to the last bit.
    f.accuracy =
        m_run ? 1.0 - double(f.errors) / double(m_run->sampleCount()) : m_withoutRunAccuracy;
    f.updates = int(m_totalUpdates[e] - (epoch == 0 ? 0 : m_totalUpdates[e - 1]));
    f.learningRate = rateOf(epoch);
    f.status = statusOf(epoch);
    return f;
}

ModelShape History::shape() const
{
    return m_run ? learning::modelShape(m_run->settings()) : ModelShape{};
}

EpochSnapshot History::snapshotOf(int epoch) const
{
    const EpochFigures f = figuresOf(epoch);
    EpochSnapshot s;
    s.epoch = f.epoch;
    s.model = f.model;
    s.errors = f.errors;
    s.loss = f.loss;
    s.accuracy = f.accuracy;
    s.updates = f.updates;
    s.learningRate = f.learningRate;
    s.status = f.status;
    s.state = stateOfEpoch(epoch);
    const double* p = m_parameters.row(std::size_t(epoch));
    s.parameters.assign(std::span<const double>(p, m_parameters.width()));
    const std::int32_t* classErrors = m_classErrors.row(std::size_t(epoch));
    const std::size_t stored = m_classErrors.width();
    std::copy_n(classErrors, stored, s.classErrors.begin());
    s.classErrors[stored] =
        std::int32_t(s.errors) - std::accumulate(classErrors, classErrors + stored, 0);
    return s;
}

LinearModel History::modelAt(std::size_t position) const
{
    if (const StepRecord* step = stepAt(position))
        return step->after;
    if (!m_classic)
        return {};
    const double* p = m_parameters.row(std::size_t(epochAtOrBefore(position)));
    return LinearModel{{p[0], p[1]}, p[2]};
}

SmallVector History::parametersAt(std::size_t position) const
{
    if (const StepRecord* step = stepAt(position))
        return step->parametersAfter;
    if (m_errors.empty())
        return {};
    const double* p = m_parameters.row(std::size_t(epochAtOrBefore(position)));
    return SmallVector(std::span<const double>(p, parameterCount()));
}

TrainerState History::stateOfEpoch(int epoch) const
{
    const auto after = std::upper_bound(m_checkpoints.begin(), m_checkpoints.end(), epoch,
                                        [](int e, const TrainerState& s) { return e < s.epoch; });
    const TrainerState& from = *std::prev(after);
    if (from.epoch == epoch)
        return from;
    TrainerState state = m_run->run(from, epoch, [this](int e) { return rateOf(e); });
    state.status = statusOf(epoch);
    return state;
}

TrainerState History::stateAt(std::size_t position) const
{
    if (const StepRecord* step = stepAt(position))
        return step->state;
    return stateOfEpoch(epochAtOrBefore(position));
}

std::int64_t History::totalUpdatesAt(std::size_t position) const
{
    if (const StepRecord* step = stepAt(position))
        return std::int64_t(step->state.totalUpdates);
    return m_totalUpdates[std::size_t(epochAtOrBefore(position))];
}

std::optional<std::size_t> History::positionOfEpoch(int epoch) const
{
    if (epoch < 0 || epoch >= epochCount())
        return std::nullopt;
    return positionOf(epoch);
}

void History::truncateAfter(std::size_t position)
{
    if (position >= lastPosition())
        return;
    const int newest = epochAtOrBefore(position);
    const auto epochs = std::size_t(newest) + 1;
    // The newest epoch's state, before the checkpoints after it go.
    TrainerState newestState = stateOfEpoch(newest);

    m_steps.resize(position + 1 - epochs);
    m_parameters.truncate(epochs);
    m_loss.truncate(epochs);
    m_errors.truncate(epochs);
    m_classErrors.truncate(epochs);
    m_totalUpdates.truncate(epochs);
    while (m_rates.back().epoch > newest)
        m_rates.pop_back();
    while (m_statuses.back().epoch > newest)
        m_statuses.pop_back();
    if (!m_newestIsCheckpoint)
        m_checkpoints.pop_back();
    while (m_checkpoints.back().epoch > newest)
        m_checkpoints.pop_back();
    m_newestIsCheckpoint = m_checkpoints.back().epoch == newest;
    if (!m_newestIsCheckpoint)
        m_checkpoints.push_back(std::move(newestState));
}

std::size_t History::memoryBytes() const
{
    return sizeof(*this) + m_parameters.allocatedBytes() + m_loss.allocatedBytes() +
           m_errors.allocatedBytes() + m_classErrors.allocatedBytes() +
           m_totalUpdates.allocatedBytes() + m_rates.capacity() * sizeof(m_rates[0]) +
           m_statuses.capacity() * sizeof(m_statuses[0]) +
           m_checkpoints.capacity() * sizeof(TrainerState) +
           m_steps.capacity() * sizeof(StepRecord);
}

} // namespace plab::learning
