#pragma once

// Internal to core/learning: the second core of Trainer::runEpochs (trainer.h). While the
// Trainer's thread trains epoch k + 1, this pipeline's thread evaluates the model epoch k ended
// with (the errors and the loss its record needs). Training never reads an evaluation, so the
// only thing that runs ahead is the Trainer's bookkeeping; when an evaluation ends the run (a
// non-finite loss) the Trainer discards the epochs trained after it (trainer.cpp).

#include "engine.h"
#include "smallvector.h"

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <exception>
#include <thread>

namespace plab::learning::detail {

/// One evaluator thread and a ring of kDepth parameter snapshots handed to it in order. One
/// producer (the thread that owns this object and calls submit / take) and one consumer (the
/// evaluator). Each slot is written by one side and then handed over by a counter stored with
/// release and loaded with acquire: `m_submitted` (producer -> evaluator: the slot's parameters)
/// and `m_completed` (evaluator -> producer: the slot's evaluation). A side that has nothing to
/// do spins for up to 40 µs, yielding now and then (an epoch at N = 100 takes about 25 µs, about
/// as long as parking on a futex and waking again), and then blocks in std::atomic::wait: an idle
/// pipeline sleeps and costs nothing. The destructor stops and joins the thread.
class EvaluationPipeline
{
public:
    /// Epochs that may be in flight (submitted and not yet taken): how far training may run
    /// ahead of the evaluations.
    static constexpr int kDepth = 4;

    /// \p engine's evaluate() must be safe to call from another thread while the producer uses
    /// the engine (it reads only the data and the shape). Starts the thread.
    explicit EvaluationPipeline(const Engine& engine);
    ~EvaluationPipeline();
    EvaluationPipeline(const EvaluationPipeline&) = delete;
    EvaluationPipeline& operator=(const EvaluationPipeline&) = delete;

    /// Submitted and not yet taken.
    [[nodiscard]] int inFlight() const { return int(m_issued - m_taken); }
    /// Queues \p answer for evaluation. Precondition: inFlight() < kDepth.
    void submit(const SmallVector& answer);
    /// Waits for the oldest evaluation in flight and returns it (rethrows what evaluate threw).
    /// Precondition: inFlight() > 0.
    [[nodiscard]] Evaluation take();
    /// How long take() has waited for the evaluator in all: on a machine whose cores are busy
    /// with other jobs a sleeping evaluator wakes only when the scheduler gives it a core, and
    /// the Trainer then goes back to evaluating on its own thread (trainer.cpp).
    [[nodiscard]] std::chrono::steady_clock::duration waited() const { return m_waited; }

private:
    struct Slot
    {
        SmallVector answer; ///< written by the producer before m_submitted passes this slot
        Evaluation result;  ///< written by the evaluator before m_completed passes this slot
        std::exception_ptr error;
    };

    void run();

    const Engine& m_engine;
    std::array<Slot, kDepth> m_slots;
    // Counters wrap around (unsigned arithmetic): only differences of at most kDepth are used.
    std::uint32_t m_issued = 0;                     ///< producer only
    std::uint32_t m_taken = 0;                      ///< producer only
    std::chrono::steady_clock::duration m_waited{}; ///< producer only
    alignas(64) std::atomic<std::uint32_t> m_submitted{0};
    alignas(64) std::atomic<std::uint32_t> m_completed{0};
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

} // namespace plab::learning::detail
