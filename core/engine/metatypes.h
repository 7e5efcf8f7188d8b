#pragma once

#include "learning/dataset.h"
#include "learning/records.h"
#include "learning/settings.h"

#include <QMetaType>

#include <variant>
#include <vector>

namespace plab::engine {

/// One thing the worker produced, in the order it happened.
using TrainingEvent = std::variant<learning::StepRecord, learning::EpochSnapshot>;
using TrainingEvents = std::vector<TrainingEvent>;

/// Registers the value types that cross threads or go through QVariant (QSignalSpy, queued
/// connections by name). Idempotent and thread-safe; TrainingController calls it.
void registerMetaTypes();

} // namespace plab::engine

Q_DECLARE_METATYPE(plab::learning::StepRecord)
Q_DECLARE_METATYPE(plab::learning::EpochSnapshot)
Q_DECLARE_METATYPE(plab::learning::TrainerState)
Q_DECLARE_METATYPE(plab::learning::Dataset)
Q_DECLARE_METATYPE(plab::learning::TrainingSettings)
Q_DECLARE_METATYPE(plab::engine::TrainingEvents)
