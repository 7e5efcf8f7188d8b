// The classic data sets: exact gates, seeded clouds, labels that match their definition.
#include "learning/generators.h"
#include "learning/metrics.h"
#include "testsupport.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace plab::learning {
namespace {

std::vector<int> gateLabels(Generator g)
{
    const Dataset d = generate(g, {});
    EXPECT_EQ(d.size(), 4U);
    EXPECT_EQ(d.point(0), Eigen::Vector2d(0, 0));
    EXPECT_EQ(d.point(1), Eigen::Vector2d(0, 1));
    EXPECT_EQ(d.point(2), Eigen::Vector2d(1, 0));
    EXPECT_EQ(d.point(3), Eigen::Vector2d(1, 1));
    return d.labels();
}

TEST(Generators, GatesAreTheExactCorners)
{
    EXPECT_EQ(gateLabels(Generator::And), (std::vector<int>{0, 0, 0, 1}));
    EXPECT_EQ(gateLabels(Generator::Or), (std::vector<int>{0, 1, 1, 1}));
    EXPECT_EQ(gateLabels(Generator::Nand), (std::vector<int>{1, 1, 1, 0}));
    EXPECT_EQ(gateLabels(Generator::Xor), (std::vector<int>{0, 1, 1, 0}));
}

const std::vector<Generator> kSeeded{Generator::Blobs, Generator::OverlappingBlobs,
                                     Generator::Circles, Generator::Moons, Generator::TargetLine};

TEST(Generators, SeededAndDeterministic)
{
    GeneratorParams p;
    p.count = 51;
    for (Generator g : kSeeded) {
        SCOPED_TRACE(name(g));
        const Dataset a = generate(g, p);
        EXPECT_EQ(a.size(), 51U);
        EXPECT_TRUE(a.allFinite());
        EXPECT_TRUE(a.hasTwoClasses());
        EXPECT_EQ(generate(g, p), a);
        GeneratorParams other = p;
        other.seed = 2;
        EXPECT_FALSE(generate(g, other) == a);
    }
    p.count = 0;
    EXPECT_TRUE(generate(Generator::Blobs, p).empty());
    p.count = -5;
    EXPECT_TRUE(generate(Generator::Moons, p).empty());
}

TEST(Generators, BlobsKeepTheirSides)
{
    GeneratorParams p;
    p.count = 400;
    p.separation = 1.0; // heavy overlap of the raw clouds: the redraw is what keeps the sides
    const Dataset d = generate(Generator::Blobs, p);
    EXPECT_EQ(d.count(0), 200U);
    EXPECT_EQ(d.count(1), 200U);
    double mean0 = 0.0;
    for (std::size_t i = 0; i < d.size(); ++i) {
        if (d.label(i) == 1) {
            EXPECT_GT(d.point(i).x(), 0.0);
        } else {
            EXPECT_LT(d.point(i).x(), 0.0);
            mean0 += d.point(i).y() / 200.0;
        }
    }
    EXPECT_NEAR(mean0, 0.0, 0.2);
    EXPECT_TRUE(linearlySeparable(d, true));
}

TEST(Generators, OverlappingBlobsAreNeverSeparableForTheDefaults)
{
    GeneratorParams p;
    for (std::uint64_t seed = 1; seed <= 30; ++seed) {
        p.seed = seed;
        const Dataset d = generate(Generator::OverlappingBlobs, p);
        EXPECT_EQ(d.size(), 100U);
        EXPECT_FALSE(linearlySeparable(d, true));
    }
}

TEST(Generators, CirclesAndMoonsHaveTheirShapes)
{
    GeneratorParams p;
    p.count = 200;
    p.spread = 0.0; // no noise: exact radii and half circles
    const Dataset circles = generate(Generator::Circles, p);
    for (std::size_t i = 0; i < circles.size(); ++i) {
        const double r = circles.point(i).norm();
        EXPECT_NEAR(r, circles.label(i) == 1 ? 1.0 : 2.5, 1e-12);
    }
    const Dataset moons = generate(Generator::Moons, p);
    for (std::size_t i = 0; i < moons.size(); ++i) {
        const Eigen::Vector2d x = moons.point(i);
        const Eigen::Vector2d centre =
            moons.label(i) == 0 ? Eigen::Vector2d(0, 0) : Eigen::Vector2d(1, 0.5);
        EXPECT_NEAR((x - centre).norm(), 1.0, 1e-12);
        EXPECT_TRUE(moons.label(i) == 0 ? x.y() >= 0.0 : x.y() <= 0.5);
    }
}

TEST(Generators, TargetLineLabelsByTheTeacherWithItsMargin)
{
    GeneratorParams p;
    p.count = 300;
    p.target = LinearModel{{2.0, -1.0}, 0.5};
    p.targetMargin = 0.4;
    p.extent = 3.0;
    const Dataset d = generate(Generator::TargetLine, p);
    ASSERT_EQ(d.size(), 300U);
    for (std::size_t i = 0; i < d.size(); ++i) {
        const double net = p.target.net(d.point(i));
        EXPECT_EQ(d.label(i), net > 0.0 ? 1 : 0);
        EXPECT_GE(std::abs(net) / p.target.w.norm(), 0.4);
        EXPECT_LE(d.point(i).cwiseAbs().maxCoeff(), 3.0);
    }
    EXPECT_EQ(countErrors(d, p.target, ZeroConvention::Mistake), 0U);
    // A margin no point can keep gives up instead of looping.
    p.targetMargin = 100.0;
    p.count = 3;
    EXPECT_TRUE(generate(Generator::TargetLine, p).empty());
}

TEST(Generators, NamesRoundTrip)
{
    for (Generator g : {Generator::And, Generator::Or, Generator::Nand, Generator::Xor,
                        Generator::Blobs, Generator::OverlappingBlobs, Generator::Circles,
                        Generator::Moons, Generator::TargetLine}) {
        EXPECT_FALSE(name(g).empty());
        EXPECT_EQ(generatorFromName(name(g)), g);
    }
    EXPECT_EQ(name(Generator::OverlappingBlobs), "overlapping-blobs");
    EXPECT_EQ(name(Generator::TargetLine), "target-line");
    EXPECT_FALSE(generatorFromName("XOR").has_value());
    EXPECT_FALSE(generatorFromName("").has_value());
}

} // namespace
} // namespace plab::learning
