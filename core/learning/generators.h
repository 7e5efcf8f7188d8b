#pragma once

#include "dataset.h"
#include "linearmodel.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace plab::learning {

/// The classic data sets. Every generator is a pure function of its parameters and seed (the
/// seeded ones draw from Random(seed, RandomPurpose::Generator, kind), see random.h; they use
/// std::log, std::cos and std::sin, so another C library may differ in the last bits).
enum class Generator
{
    And,  ///< (0,0), (0,1), (1,0), (1,1) in this order, labelled x1 AND x2; no parameters
    Or,   ///< the same corners labelled x1 OR x2
    Nand, ///< the same corners labelled NOT (x1 AND x2)
    Xor,  ///< the same corners labelled x1 XOR x2: not linearly separable
    /// `count` points, class 0 around (-separation/2, 0) and class 1 around (+separation/2, 0),
    /// Gaussian with standard deviation `spread`. A point falling on the other class's side of
    /// x1 = 0 is redrawn, so the set is always linearly separable.
    Blobs,
    /// As Blobs with the centres only separation/4 apart and no redrawing: the clouds overlap. A
    /// draw that happens to be separable is replaced by the next one, so the defaults always give
    /// a set that is not linearly separable.
    OverlappingBlobs,
    /// `count` points, class 1 on a circle of radius 1 and class 0 on a circle of radius 2.5, with
    /// radial Gaussian noise of standard deviation spread/4.
    Circles,
    /// `count` points: class 0 on the upper half circle (cos a, sin a), class 1 on the lower one
    /// (1 - cos a, 1/2 - sin a), a uniform in [0, pi], with Gaussian noise of standard deviation
    /// spread/4 on each coordinate.
    Moons,
    /// `count` points uniform in [-extent, extent]^2 labelled 1 where target.net(x) > 0, else 0.
    /// Points on the line, or closer to it than `targetMargin`, are redrawn (a target without a
    /// boundary, w = 0, labels every point by the sign of b).
    TargetLine,
};

/// The seeded clouds alternate their classes, 0, 1, 0, 1, ... (so file order mixes them).
/// Parameters; each generator reads the ones named in its description. Redrawing one point gives
/// up after 10000 rejections in a row, so impossible parameters (a margin wider than the square)
/// give fewer points rather than an endless loop.
struct GeneratorParams
{
    std::uint64_t seed = 1;
    int count = 100;         ///< points in total (clamped to [0, kMaxPoints])
    double separation = 4.0; ///< distance between blob centres (its absolute value)
    double spread = 0.8;     ///< standard deviation of each blob / noise of circles and moons
    double extent = 5.0;     ///< TargetLine: points uniform in [-extent, extent]^2
    LinearModel target{Eigen::Vector2d(1.0, 1.0), -1.0}; ///< TargetLine's teacher line
    double targetMargin = 0.0; ///< TargetLine: points closer than this to the line are redrawn
};

[[nodiscard]] Dataset generate(Generator kind, const GeneratorParams& params);

/// Stable ASCII names ("and", "or", "nand", "xor", "blobs", "overlapping-blobs", "circles",
/// "moons", "target-line").
[[nodiscard]] std::string_view name(Generator);
[[nodiscard]] std::optional<Generator> generatorFromName(std::string_view);

} // namespace plab::learning
