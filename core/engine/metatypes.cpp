#include "engine/metatypes.h"

namespace plab::engine {

void registerMetaTypes()
{
    // Function-local static: runs once, thread-safe by the language.
    static const bool registered = [] {
        qRegisterMetaType<learning::StepRecord>();
        qRegisterMetaType<learning::EpochSnapshot>();
        qRegisterMetaType<learning::TrainerState>();
        qRegisterMetaType<learning::Dataset>();
        qRegisterMetaType<learning::TrainingSettings>();
        qRegisterMetaType<TrainingEvents>();
        return true;
    }();
    Q_UNUSED(registered);
}

} // namespace plab::engine
