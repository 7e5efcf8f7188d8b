#include "pipeline.h"

#include <cassert>
#include <chrono>
#include <utility>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

namespace plab::learning::detail {

namespace {

void cpuRelax()
{
#if defined(__x86_64__) || defined(__i386__)
    _mm_pause();
#else
    std::this_thread::yield();
#endif
}

/// Waits until \p counter no longer holds \p old and returns its new value (loaded with acquire,
/// so everything written before it was stored with release is visible). Spins for about as long
/// as a futex round trip costs, then sleeps in std::atomic::wait. The spin yields now and then:
/// on a machine busy with other jobs the other side may be waiting for this very core.
std::uint32_t awaitChange(const std::atomic<std::uint32_t>& counter, std::uint32_t old)
{
    constexpr auto kSpin = std::chrono::microseconds(40);
    const auto start = std::chrono::steady_clock::now();
    for (int i = 1;; ++i) {
        const std::uint32_t now = counter.load(std::memory_order_acquire);
        if (now != old)
            return now;
        cpuRelax();
        if (i % 64 == 0) {
            if (std::chrono::steady_clock::now() - start >= kSpin)
                break;
            std::this_thread::yield();
        }
    }
    for (;;) {
        counter.wait(old, std::memory_order_acquire);
        const std::uint32_t now = counter.load(std::memory_order_acquire);
        if (now != old)
            return now;
    }
}

} // namespace

EvaluationPipeline::EvaluationPipeline(const Engine& engine)
    : m_engine(engine), m_thread([this] { run(); })
{}

EvaluationPipeline::~EvaluationPipeline()
{
    assert(inFlight() == 0);
    // The bump wakes the evaluator; its acquire load of m_submitted then sees m_stop.
    m_stop.store(true, std::memory_order_relaxed);
    m_submitted.fetch_add(1, std::memory_order_release);
    m_submitted.notify_one();
    m_thread.join();
}

void EvaluationPipeline::submit(const SmallVector& answer)
{
    assert(inFlight() < kDepth);
    m_slots[m_issued % kDepth].answer = answer;
    ++m_issued;
    m_submitted.store(m_issued, std::memory_order_release);
    m_submitted.notify_one();
}

Evaluation EvaluationPipeline::take()
{
    assert(inFlight() > 0);
    if (m_completed.load(std::memory_order_acquire) == m_taken) {
        const auto start = std::chrono::steady_clock::now();
        (void)awaitChange(m_completed, m_taken);
        m_waited += std::chrono::steady_clock::now() - start;
    }
    Slot& slot = m_slots[m_taken % kDepth];
    ++m_taken;
    if (slot.error)
        std::rethrow_exception(std::exchange(slot.error, nullptr));
    return slot.result;
}

void EvaluationPipeline::run()
{
    std::uint32_t done = 0;
    for (;;) {
        const std::uint32_t submitted = awaitChange(m_submitted, done);
        if (m_stop.load(std::memory_order_relaxed))
            return;
        for (; done != submitted; ++done) {
            Slot& slot = m_slots[done % kDepth];
            try {
                slot.result = m_engine.evaluate(slot.answer);
            } catch (...) {
                slot.error = std::current_exception();
            }
            m_completed.store(done + 1, std::memory_order_release);
            m_completed.notify_one();
        }
    }
}

} // namespace plab::learning::detail
