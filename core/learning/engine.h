#pragma once

// Internal to core/learning (not part of the public API): what the Trainer asks of a model's
// arithmetic. One Engine per model family (linearengine.cpp: every linear model and rule;
// networkengine.cpp: networks through NetworkTrainer); the Trainer (trainer.cpp) owns the run
// around it: the order of the samples, the statuses and stop tests, the records' assembly.

#include "dataset.h"
#include "model.h"
#include "records.h"
#include "settings.h"
#include "smallvector.h"

#include <cstdint>
#include <functional>
#include <memory>

namespace plab::learning::detail {

/// A model's figures on the whole training set.
struct Evaluation
{
    std::int64_t errors = 0;
    ClassErrors classErrors{};
    double loss = 0.0;
};

/// Receives the record of each visit (recording paths only).
using StepSink = std::function<void(StepRecord&&)>;

class Engine
{
public:
    virtual ~Engine() = default;

    /// The initial state: working parameters from the settings' initialisation, and the rule's
    /// own fields (pocket, sums, batch accumulators) at their start.
    [[nodiscard]] virtual TrainerState initialState() const = 0;

    /// Visits [st.position, end) of the current epoch in \p order (the epoch's permutation, or
    /// nullptr for file order), updating \p st (parameters, partial sums, counters, largestStep).
    /// With a \p sink, each visit's record is handed to it (its state is st after the visit).
    /// Returns false when an update would have left the finite range: it was not applied, the
    /// visit counts as done, and st holds the last finite values.
    virtual bool visits(TrainerState& st, const std::uint32_t* order, int end,
                        const StepSink* sink) = 0;

    /// The arithmetic that closes an epoch (st.position == N or a diverged visit): a batch step,
    /// the pocket's end-of-epoch check. Sets \p diverged when the batch step would diverge.
    /// Returns the answer's evaluation (errors and loss; may skip the pass where the result is
    /// known, see linearengine.cpp). Does not touch epoch, position or status.
    [[nodiscard]] virtual Evaluation closeEpoch(TrainerState& st, bool& diverged) = 0;

    /// The answer's figures for \p answer (parameters as answer() gives them).
    [[nodiscard]] virtual Evaluation evaluate(const SmallVector& answer) const = 0;
    /// True when closeEpoch() is exactly evaluate(answer(st)) (it changes nothing and never sets
    /// diverged) and evaluate() reads nothing that the non-const functions change, so it may run
    /// on another thread while they run on this one: Trainer::runEpochs then evaluates an epoch
    /// on a second core while the next one trains.
    [[nodiscard]] virtual bool evaluatesConcurrently() const { return false; }
    /// The rule's answer in \p st: the pocket, the average, or the working parameters.
    [[nodiscard]] virtual SmallVector answer(const TrainerState& st) const = 0;

    /// Called after the Trainer's state was replaced by restore() (engines that keep their own
    /// copy of the state resynchronise).
    virtual void restored(const TrainerState& st) { (void)st; }
    /// The learning rate changed (settings().learningRate already holds the new one).
    virtual void learningRateChanged() {}

    /// The swing of a cycle: runs \p epochs epochs in file order from \p from (a copy; the run
    /// itself is not touched) and returns the largest |theta_j - from.working_j| over every
    /// parameter j after every visit.
    [[nodiscard]] virtual double swing(const TrainerState& from, int epochs) = 0;
};

/// The engine for \p settings' model on \p data (validated by the caller).
[[nodiscard]] std::unique_ptr<Engine> makeLinearEngine(const Dataset& data,
                                                       const TrainingSettings& settings);
[[nodiscard]] std::unique_ptr<Engine> makeNetworkEngine(const Dataset& data,
                                                        const TrainingSettings& settings);

} // namespace plab::learning::detail
