#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <utility>
#include <vector>

namespace plab::learning {

/// What a random stream is used for. Each purpose gets its own stream, so drawing more numbers
/// for one purpose (say, more generated points) never shifts another (the shuffle of epoch 3).
/// The values are part of the trace format: never renumber them.
enum class RandomPurpose : std::uint64_t
{
    InitialWeights = 1, ///< InitKind::Random
    Shuffle = 2,        ///< the sample order of one epoch
    Generator = 3,      ///< the classic data sets
    NetworkWeights = 4, ///< a network's Glorot-uniform initial weights (network.h)
};

/// One step of Vigna's splitmix64: advances \p state and returns a well-mixed 64-bit value.
[[nodiscard]] std::uint64_t splitmix64(std::uint64_t& state);

/// The seed of the stream for (seed, purpose, index), e.g. index = epoch for shuffles. A pure
/// function, so the shuffle of epoch e can be recomputed from (seed, e) without stored RNG state.
[[nodiscard]] std::uint64_t streamSeed(std::uint64_t seed, RandomPurpose purpose,
                                       std::uint64_t index = 0);

/// A small deterministic random source whose output is identical on every standard library.
///
/// The engine is std::mt19937_64, whose output sequence the C++ standard specifies exactly. The
/// distributions are our own, because std::uniform_real_distribution, std::normal_distribution
/// and std::shuffle are implementation-defined algorithms (libstdc++ and libc++ give different
/// numbers from the same engine), and a trace must read the same everywhere.
class Random
{
public:
    explicit Random(std::uint64_t seed) : m_engine(seed) {}
    /// The stream streamSeed(seed, purpose, index).
    Random(std::uint64_t seed, RandomPurpose purpose, std::uint64_t index = 0)
        : m_engine(streamSeed(seed, purpose, index))
    {}

    /// 64 raw bits.
    [[nodiscard]] std::uint64_t bits() { return m_engine(); }
    /// Uniform in [0, 1) with 53 random bits: the top 53 bits of one draw times 2^-53.
    [[nodiscard]] double uniform01();
    /// Uniform in [lo, hi).
    [[nodiscard]] double uniform(double lo, double hi) { return lo + (hi - lo) * uniform01(); }
    /// Uniform integer in [0, n), exactly unbiased (Lemire's multiply-and-reject). n > 0.
    [[nodiscard]] std::uint64_t index(std::uint64_t n);
    /// Standard normal N(0, 1) by Marsaglia's polar method. Each accepted pair gives two values;
    /// the second is kept for the next call.
    [[nodiscard]] double normal();
    [[nodiscard]] double normal(double mean, double stddev) { return mean + stddev * normal(); }

    /// Fisher-Yates, from the last element down: for i = n-1 ... 1, swap v[i] with v[index(i+1)].
    template <typename T>
    void shuffle(std::vector<T>& v)
    {
        for (std::size_t i = v.size(); i > 1; --i) {
            const auto j = std::size_t(index(i));
            using std::swap;
            swap(v[i - 1], v[j]);
        }
    }

private:
    std::mt19937_64 m_engine;
    double m_spare = 0.0;
    bool m_hasSpare = false;
};

/// The visiting order of epoch \p epoch (counted from 1) under SampleOrder::Shuffle: 0, 1, ...,
/// n-1 shuffled by Random(seed, RandomPurpose::Shuffle, epoch).shuffle(). A pure function of
/// (seed, epoch, n), so a restored run visits the samples in the same order. \p order is resized
/// to n (reusing its memory).
void shuffledOrder(std::uint64_t seed, std::uint64_t epoch, std::size_t n,
                   std::vector<std::uint32_t>& order);

} // namespace plab::learning
