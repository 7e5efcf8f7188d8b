#pragma once

#include "dataset.h"
#include "linearmodel.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace plab::learning {

/// The classic data sets. Every generator is a pure function of its parameters and seed.
enum class Generator
{
    And, ///< the four corners of the unit square, labelled by x1 AND x2
    Or,
    Nand,
    Xor,              ///< not linearly separable: why one perceptron is not enough
    Blobs,            ///< two Gaussian blobs, separable for the default parameters
    OverlappingBlobs, ///< two Gaussian blobs that overlap: not linearly separable
    Circles,          ///< a disc of class 1 inside a ring of class 0
    Moons,            ///< two interleaved half circles
    TargetLine,       ///< uniform points labelled by the teacher's line (w1, w2, b)
};

/// Parameters; each generator reads the ones it needs (see generators.cpp for which).
struct GeneratorParams
{
    std::uint64_t seed = 1;
    int count = 100; ///< points in total (Blobs, OverlappingBlobs, Circles, Moons, TargetLine)
    double separation = 4.0; ///< distance between blob centres
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
