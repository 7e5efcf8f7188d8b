#include "random.h"

#include <cmath>
#include <numeric>

namespace plab::learning {

std::uint64_t splitmix64(std::uint64_t& state)
{
    state += 0x9E3779B97F4A7C15ULL;
    std::uint64_t z = state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::uint64_t streamSeed(std::uint64_t seed, RandomPurpose purpose, std::uint64_t index)
{
    // Feed the three words through the mixer one after another, so that nearby inputs (seed 1
    // and 2, epoch 7 and 8) give unrelated engine seeds.
    std::uint64_t state = seed;
    std::uint64_t h = splitmix64(state);
    state = h ^ static_cast<std::uint64_t>(purpose);
    h = splitmix64(state);
    state = h ^ index;
    return splitmix64(state);
}

double Random::uniform01()
{
    return double(m_engine() >> 11) * 0x1.0p-53;
}

std::uint64_t Random::index(std::uint64_t n)
{
    // Lemire, "Fast random integer generation in an interval" (2019): the high word of a 64x64
    // product is uniform on [0, n) once the few low words below 2^64 mod n are rejected.
    __extension__ using Wide = unsigned __int128;
    Wide m = Wide(m_engine()) * n;
    auto low = std::uint64_t(m);
    if (low < n) {
        const std::uint64_t threshold = (0 - n) % n;
        while (low < threshold) {
            m = Wide(m_engine()) * n;
            low = std::uint64_t(m);
        }
    }
    return std::uint64_t(m >> 64);
}

double Random::normal()
{
    if (m_hasSpare) {
        m_hasSpare = false;
        return m_spare;
    }
    double u = 0.0;
    double v = 0.0;
    double s = 0.0;
    do {
        u = 2.0 * uniform01() - 1.0;
        v = 2.0 * uniform01() - 1.0;
        s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    const double f = std::sqrt(-2.0 * std::log(s) / s);
    m_spare = v * f;
    m_hasSpare = true;
    return u * f;
}

void shuffledOrder(std::uint64_t seed, std::uint64_t epoch, std::size_t n,
                   std::vector<std::uint32_t>& order)
{
    order.resize(n);
    std::iota(order.begin(), order.end(), std::uint32_t(0));
    Random(seed, RandomPurpose::Shuffle, epoch).shuffle(order);
}

} // namespace plab::learning
