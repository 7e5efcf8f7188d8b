// Error counts, the exact separability test, and the convergence readout.
#include "learning/generators.h"
#include "learning/metrics.h"
#include "testsupport.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

namespace plab::learning {
namespace {

using test::nearlyEqual;

Dataset points(const std::vector<Sample>& samples)
{
    return Dataset(samples);
}

TEST(Errors, CountAndListFollowTheZeroConvention)
{
    // w = (1, 1), b = -1: nets -1, 0, 0, 1 at (0,0), (0,1), (1,0), (1,1) of AND.
    const Dataset data = generate(Generator::And, {});
    const LinearModel m{{1, 1}, -1};
    EXPECT_EQ(countErrors(data, m, ZeroConvention::Positive), 2U); // (0,1), (1,0) called 1
    EXPECT_EQ(countErrors(data, m, ZeroConvention::Negative), 0U);
    EXPECT_EQ(countErrors(data, m, ZeroConvention::Mistake), 2U);
    EXPECT_EQ(misclassified(data, m, ZeroConvention::Positive), (std::vector<std::size_t>{1, 2}));
    EXPECT_TRUE(misclassified(data, m, ZeroConvention::Negative).empty());
    const Dataset orData = generate(Generator::Or, {});
    EXPECT_EQ(misclassified(orData, m, ZeroConvention::Negative), (std::vector<std::size_t>{1, 2}));
}

struct SeparabilityCase
{
    std::string name;
    std::vector<Sample> samples;
    bool useBias;
    bool separable;
};

class Separability : public ::testing::TestWithParam<SeparabilityCase>
{};

TEST_P(Separability, Exact)
{
    const SeparabilityCase& c = GetParam();
    EXPECT_EQ(linearlySeparable(points(c.samples), c.useBias), c.separable);
    // Swapping the classes never changes the answer.
    std::vector<Sample> swapped = c.samples;
    for (Sample& s : swapped)
        s.label = 1 - s.label;
    EXPECT_EQ(linearlySeparable(points(swapped), c.useBias), c.separable);
}

std::vector<SeparabilityCase> separabilityCases()
{
    const auto gateSamples = [](Generator g) { return generate(g, {}).samples(); };
    return {
        {"and", gateSamples(Generator::And), true, true},
        {"or", gateSamples(Generator::Or), true, true},
        {"nand", gateSamples(Generator::Nand), true, true},
        {"xor", gateSamples(Generator::Xor), true, false},
        {"single_points", {{{0, 0}, 0}, {{1e-300, 0}, 1}}, true, true},
        {"identical_points_of_both_classes", {{{1, 2}, 0}, {{1, 2}, 1}}, true, false},
        {"identical_point_among_others", {{{0, 0}, 0}, {{5, 5}, 0}, {{5, 5}, 1}}, true, false},
        {"duplicates_within_a_class", {{{0, 0}, 0}, {{0, 0}, 0}, {{1, 1}, 1}}, true, true},
        // All on one line: separable exactly when the classes do not interleave.
        {"collinear_split", {{{0, 0}, 0}, {{1, 1}, 0}, {{2, 2}, 1}, {{3, 3}, 1}}, true, true},
        {"collinear_interleaved", {{{0, 0}, 0}, {{1, 1}, 1}, {{2, 2}, 0}}, true, false},
        {"collinear_touching_ends",
         {{{0, 0}, 0}, {{2, 0}, 0}, {{2, 0}, 1}, {{3, 0}, 1}},
         true,
         false},
        // A point on a segment of the other class, and just off it.
        {"point_on_segment", {{{0, 0}, 0}, {{2, 2}, 0}, {{1, 1}, 1}}, true, false},
        {"point_beside_segment", {{{0, 0}, 0}, {{2, 2}, 0}, {{1, 1.000001}, 1}}, true, true},
        // Crossing and parallel segments.
        {"crossing_segments", {{{0, 0}, 0}, {{2, 2}, 0}, {{0, 2}, 1}, {{2, 0}, 1}}, true, false},
        {"parallel_segments", {{{0, 0}, 0}, {{2, 0}, 0}, {{0, 1}, 1}, {{2, 1}, 1}}, true, true},
        // A point inside, on the edge of, and outside a triangle of the other class.
        {"point_in_triangle", {{{0, 0}, 0}, {{4, 0}, 0}, {{0, 4}, 0}, {{1, 1}, 1}}, true, false},
        {"point_on_triangle_edge",
         {{{0, 0}, 0}, {{4, 0}, 0}, {{0, 4}, 0}, {{2, 2}, 1}},
         true,
         false},
        {"point_outside_triangle",
         {{{0, 0}, 0}, {{4, 0}, 0}, {{0, 4}, 0}, {{2, 2.5}, 1}},
         true,
         true},
        // Nearly collinear: the rounded determinant is 0, the exact one is not.
        {"nearly_on_segment",
         {{{0.1, 0.1}, 0}, {{0.3, 0.3}, 0}, {{0.2, 0.2 + 2.7755575615628914e-17}, 1}},
         true,
         true},
        // Without a bias the line passes through the origin.
        {"no_bias_origin_point", gateSamples(Generator::Or), false, false},
        {"no_bias_half_plane", {{{1, 2}, 1}, {{2, -1}, 1}, {{-1, -1}, 0}}, false, true},
        {"no_bias_opposite_same_class", {{{1, 0}, 1}, {{-1, 0}, 1}}, false, false},
        {"no_bias_opposite_classes", {{{1, 0}, 1}, {{-1, 0}, 0}}, false, true},
        {"no_bias_gap_exactly_pi", {{{1, 0}, 1}, {{0, 1}, 1}, {{-1, 0}, 1}}, false, false},
        {"no_bias_gap_above_pi", {{{1, 0}, 1}, {{0, 1}, 1}, {{-1, 0.001}, 1}}, false, true},
        {"no_bias_but_bias_would_do", {{{1, 1}, 0}, {{2, 2}, 1}}, false, false},
        {"with_bias_same_set", {{{1, 1}, 0}, {{2, 2}, 1}}, true, true},
    };
}

INSTANTIATE_TEST_SUITE_P(Table, Separability, ::testing::ValuesIn(separabilityCases()),
                         [](const auto& info) { return info.param.name; });

TEST(Separability, GeneratedSets)
{
    GeneratorParams p;
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        p.seed = seed;
        EXPECT_TRUE(linearlySeparable(generate(Generator::Blobs, p), true));
        EXPECT_TRUE(linearlySeparable(generate(Generator::TargetLine, p), true));
        EXPECT_FALSE(linearlySeparable(generate(Generator::OverlappingBlobs, p), true));
        EXPECT_FALSE(linearlySeparable(generate(Generator::Circles, p), true));
    }
    EXPECT_TRUE(linearlySeparable(Dataset{}, true));
}

TEST(ConvergenceReadout, HandCheckedWithBias)
{
    // x~ = (2, 0, 1) and (-2, 0, 1): R = sqrt(5). w = (1, 0), b = 1 gives t± net = 3 and 1:
    // margin 1 / |w| = 1; gamma = 1 / |(1, 0, 1)| = 1 / sqrt(2); bound (R / gamma)^2 = 10.
    const Dataset data = points({{{2, 0}, 1}, {{-2, 0}, 0}});
    const ConvergenceReadout r = convergenceReadout(data, LinearModel{{1, 0}, 1}, true);
    EXPECT_TRUE(nearlyEqual(r.radius, std::sqrt(5.0)));
    ASSERT_TRUE(r.margin && r.augmentedMargin && r.mistakeBound);
    EXPECT_TRUE(nearlyEqual(*r.margin, 1.0));
    EXPECT_TRUE(nearlyEqual(*r.augmentedMargin, 1.0 / std::sqrt(2.0)));
    EXPECT_TRUE(nearlyEqual(*r.mistakeBound, 10.0));
    // Scaling the model changes nothing.
    const ConvergenceReadout scaled = convergenceReadout(data, LinearModel{{7, 0}, 7}, true);
    EXPECT_TRUE(nearlyEqual(*scaled.mistakeBound, 10.0));
}

TEST(ConvergenceReadout, HandCheckedWithoutBias)
{
    // (3, 4) of class 1 and (-1, 0) of class 0, w = (1, 0): t± net = 3 and 1, R = 5,
    // gamma = margin = 1, bound 25. The model's b is ignored without a bias.
    const Dataset data = points({{{3, 4}, 1}, {{-1, 0}, 0}});
    const ConvergenceReadout r = convergenceReadout(data, LinearModel{{1, 0}, 100}, false);
    EXPECT_TRUE(nearlyEqual(r.radius, 5.0));
    ASSERT_TRUE(r.margin && r.augmentedMargin && r.mistakeBound);
    EXPECT_TRUE(nearlyEqual(*r.margin, 1.0));
    EXPECT_TRUE(nearlyEqual(*r.augmentedMargin, 1.0));
    EXPECT_TRUE(nearlyEqual(*r.mistakeBound, 25.0));
}

TEST(ConvergenceReadout, OnlyTheRadiusWhenTheModelDoesNotSeparate)
{
    const Dataset data = generate(Generator::And, {});
    for (const LinearModel& m : {LinearModel{{1, 1}, -1}, LinearModel{}, LinearModel{{0, 0}, 1}}) {
        const ConvergenceReadout r = convergenceReadout(data, m, true);
        EXPECT_TRUE(nearlyEqual(r.radius, std::sqrt(3.0)));
        EXPECT_FALSE(r.margin.has_value());
        EXPECT_FALSE(r.augmentedMargin.has_value());
        EXPECT_FALSE(r.mistakeBound.has_value());
    }
    const ConvergenceReadout ok = convergenceReadout(data, LinearModel{{1, 1}, -1.5}, true);
    ASSERT_TRUE(ok.margin.has_value());
    EXPECT_TRUE(nearlyEqual(*ok.margin, 0.5 / std::sqrt(2.0)));
}

} // namespace
} // namespace plab::learning
