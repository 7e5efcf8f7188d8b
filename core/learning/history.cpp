#include "history.h"

#include <algorithm>
#include <cassert>
#include <utility>

namespace plab::learning {

History::History(EpochSnapshot initial)
{
    restart(std::move(initial));
}

void History::restart(EpochSnapshot initial)
{
    m_epochs.clear();
    m_epochPositions.clear();
    m_steps.clear();
    m_epochs.push_back(std::move(initial));
    m_epochPositions.push_back(0);
}

void History::append(const TrainingEvent& event)
{
    const std::size_t position = size();
    if (const auto* snapshot = std::get_if<EpochSnapshot>(&event)) {
        assert(snapshot->epoch >= m_epochs.back().epoch);
        m_epochs.push_back(*snapshot);
        m_epochPositions.push_back(position);
    } else {
        m_steps.push_back(std::get<StepRecord>(event));
    }
}

void History::append(std::span<const TrainingEvent> events)
{
    for (const TrainingEvent& event : events)
        append(event);
}

std::size_t History::epochsUpTo(std::size_t position) const
{
    // Positions are dense, so the steps need no position list of their own: of the
    // position + 1 entries at or before `position`, the ones that are not epochs are steps.
    return std::size_t(
        std::upper_bound(m_epochPositions.begin(), m_epochPositions.end(), position) -
        m_epochPositions.begin());
}

bool History::isStep(std::size_t position) const
{
    assert(position < size());
    return m_epochPositions[epochsUpTo(position) - 1] != position;
}

const StepRecord* History::stepAt(std::size_t position) const
{
    assert(position < size());
    const std::size_t epochs = epochsUpTo(position);
    if (m_epochPositions[epochs - 1] == position)
        return nullptr;
    return &m_steps[position - epochs];
}

const EpochSnapshot* History::epochAt(std::size_t position) const
{
    assert(position < size());
    const std::size_t epochs = epochsUpTo(position);
    if (m_epochPositions[epochs - 1] != position)
        return nullptr;
    return &m_epochs[epochs - 1];
}

const EpochSnapshot& History::latestEpochAt(std::size_t position) const
{
    assert(position < size());
    return m_epochs[epochsUpTo(position) - 1];
}

LinearModel History::modelAt(std::size_t position) const
{
    if (const StepRecord* step = stepAt(position))
        return step->after;
    return latestEpochAt(position).model;
}

const TrainerState& History::stateAt(std::size_t position) const
{
    if (const StepRecord* step = stepAt(position))
        return step->state;
    return latestEpochAt(position).state;
}

std::optional<std::size_t> History::positionOfEpoch(int epoch) const
{
    const auto it = std::lower_bound(m_epochs.begin(), m_epochs.end(), epoch,
                                     [](const EpochSnapshot& s, int e) { return s.epoch < e; });
    if (it == m_epochs.end() || it->epoch != epoch)
        return std::nullopt;
    return m_epochPositions[std::size_t(it - m_epochs.begin())];
}

void History::truncateAfter(std::size_t position)
{
    if (position >= lastPosition())
        return;
    const std::size_t epochs = epochsUpTo(position);
    m_epochs.resize(epochs);
    m_epochPositions.resize(epochs);
    m_steps.resize(position + 1 - epochs);
}

} // namespace plab::learning
