// The deterministic random source: standard engine, our own distributions.
#include "learning/random.h"
#include "testsupport.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <set>
#include <vector>

namespace plab::learning {
namespace {

TEST(Random, EngineIsTheStandardMersenneTwister)
{
    // The C++ standard fixes this value: the 10000th output of mt19937_64 seeded with 5489.
    Random rng(5489);
    std::uint64_t x = 0;
    for (int i = 0; i < 10000; ++i)
        x = rng.bits();
    EXPECT_EQ(x, 9981545732273789042ULL);
}

TEST(Random, Splitmix64ReferenceValues)
{
    // Vigna's reference implementation started from state 0.
    std::uint64_t state = 0;
    EXPECT_EQ(splitmix64(state), 0xE220A8397B1DCDAFULL);
    EXPECT_EQ(splitmix64(state), 0x6E789E6AA1B965F4ULL);
}

TEST(Random, StreamsDifferByPurposeAndIndex)
{
    std::set<std::uint64_t> seeds;
    for (std::uint64_t seed : {0ULL, 1ULL, 2ULL}) {
        for (RandomPurpose p :
             {RandomPurpose::InitialWeights, RandomPurpose::Shuffle, RandomPurpose::Generator}) {
            for (std::uint64_t index = 0; index < 4; ++index)
                seeds.insert(streamSeed(seed, p, index));
        }
    }
    EXPECT_EQ(seeds.size(), 3U * 3U * 4U);
    EXPECT_EQ(streamSeed(5, RandomPurpose::Shuffle, 7), streamSeed(5, RandomPurpose::Shuffle, 7));
}

TEST(Random, Uniform01UsesTheTop53Bits)
{
    Random a(99);
    Random b(99);
    for (int i = 0; i < 1000; ++i) {
        const double u = a.uniform01();
        EXPECT_EQ(u, double(b.bits() >> 11) / 9007199254740992.0);
        EXPECT_GE(u, 0.0);
        EXPECT_LT(u, 1.0);
    }
}

TEST(Random, IndexIsInRangeAndEven)
{
    Random rng(7);
    EXPECT_EQ(rng.index(1), 0U);
    std::array<int, 3> counts{};
    constexpr int kDraws = 30000;
    for (int i = 0; i < kDraws; ++i) {
        const std::uint64_t k = rng.index(3);
        ASSERT_LT(k, 3U);
        ++counts[k];
    }
    // Expected 10000 each; with a fixed seed this is a fixed outcome, the bound is generous.
    for (int c : counts)
        EXPECT_NEAR(c, kDraws / 3, 500);
    // A range near 2^64 exercises the rejection step.
    const std::uint64_t big = (1ULL << 63) + 12345;
    for (int i = 0; i < 100; ++i)
        EXPECT_LT(rng.index(big), big);
}

TEST(Random, NormalHasUnitMoments)
{
    Random rng(2024);
    constexpr int kDraws = 100000;
    double sum = 0.0;
    double sumSq = 0.0;
    for (int i = 0; i < kDraws; ++i) {
        const double z = rng.normal();
        sum += z;
        sumSq += z * z;
    }
    const double mean = sum / kDraws;
    EXPECT_NEAR(mean, 0.0, 0.02);
    EXPECT_NEAR(sumSq / kDraws - mean * mean, 1.0, 0.02);
}

TEST(Random, ShuffleIsAReproduciblePermutation)
{
    std::vector<int> a(50);
    std::iota(a.begin(), a.end(), 0);
    std::vector<int> b = a;
    Random(3, RandomPurpose::Shuffle, 1).shuffle(a);
    Random(3, RandomPurpose::Shuffle, 1).shuffle(b);
    EXPECT_EQ(a, b);
    std::vector<int> c(50);
    std::iota(c.begin(), c.end(), 0);
    Random(3, RandomPurpose::Shuffle, 2).shuffle(c);
    EXPECT_NE(a, c);
    std::sort(a.begin(), a.end());
    for (int i = 0; i < 50; ++i)
        EXPECT_EQ(a[std::size_t(i)], i);
}

} // namespace
} // namespace plab::learning
