#include "replay.h"

#include "trainer.h"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace plab::learning {

Replayer::Replayer(Dataset data, TrainingSettings settings, std::int64_t visitBudget)
    : m_data(std::move(data)), m_settings(settings)
{
    if (visitBudget < 1)
        throw std::invalid_argument("Replayer: the visit budget must be positive");
    const std::int64_t perEpoch = std::int64_t(m_data.size()) + kEpochOverheadVisits;
    m_interval = int(std::clamp<std::int64_t>(visitBudget / perEpoch, 1, kMaxEpochsLimit));
    // The limit only decides statuses, which the records carry: replays run without one.
    m_settings.maxEpochs = kMaxEpochsLimit;
}

TrainerState Replayer::run(const TrainerState& from, int epoch,
                           const std::function<double(int)>& rateOf) const
{
    if (epoch < from.epoch || (epoch == from.epoch && from.position != 0))
        throw std::logic_error("Replayer::run: the epoch is before the state");
    if (epoch == from.epoch)
        return from;
    Trainer trainer(m_data, m_settings);
    trainer.restore(from);
    for (int e = from.epoch + 1; e <= epoch; ++e) {
        if (trainer.finished())
            throw std::logic_error("Replayer::run: the run finished before the epoch");
        trainer.setLearningRate(rateOf(e));
        (void)trainer.stepEpoch();
    }
    return trainer.state();
}

} // namespace plab::learning
