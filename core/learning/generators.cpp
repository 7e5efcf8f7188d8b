#include "generators.h"

#include "metrics.h"
#include "random.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <utility>

namespace plab::learning {

namespace {

/// Redrawing one point stops after this many rejections in a row, so parameters that leave
/// (almost) no room give fewer points instead of an endless loop.
constexpr int kMaxRejections = 10'000;

Dataset corners(std::array<int, 4> labels)
{
    const std::array<Eigen::Vector2d, 4> xs{Eigen::Vector2d(0, 0), Eigen::Vector2d(0, 1),
                                            Eigen::Vector2d(1, 0), Eigen::Vector2d(1, 1)};
    Dataset d;
    d.reserve(4);
    for (std::size_t i = 0; i < 4; ++i)
        d.add(xs[i], labels[i]);
    return d;
}

/// The seeded clouds alternate their classes (0, 1, 0, 1, ...): a data set sorted by class would
/// make file-order training see one class for half an epoch, which teaches the wrong lesson.
int alternatingLabel(std::size_t i)
{
    return int(i % 2);
}

std::size_t pointCount(const GeneratorParams& p)
{
    return std::size_t(std::clamp<std::int64_t>(p.count, 0, std::int64_t(kMaxPoints)));
}

/// Class 0 around (-d/2, 0), class 1 around (+d/2, 0).
/// With \p keepSides a point that falls on the other class's side of x1 = 0 (or on it) is
/// redrawn, which makes the set separable by x1 = 0 whatever the parameters.
Dataset blobs(Random& rng, std::size_t n, double distance, double spread, bool keepSides)
{
    Dataset d;
    d.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const int label = alternatingLabel(i);
        const double sign = label == 1 ? 1.0 : -1.0;
        for (int attempt = 0; attempt < kMaxRejections; ++attempt) {
            const Eigen::Vector2d x(rng.normal(sign * distance / 2.0, spread),
                                    rng.normal(0.0, spread));
            if (!keepSides || sign * x.x() > 0.0) {
                d.add(x, label);
                break;
            }
        }
    }
    return d;
}

Dataset circles(Random& rng, std::size_t n, double spread)
{
    // Class 1 on a circle of radius 1, class 0 on one of radius 2.5, both blurred radially.
    Dataset d;
    d.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const int label = alternatingLabel(i);
        const double radius = (label == 1 ? 1.0 : 2.5) + rng.normal(0.0, spread / 4.0);
        const double angle = rng.uniform(0.0, 2.0 * std::numbers::pi);
        d.add(Eigen::Vector2d(radius * std::cos(angle), radius * std::sin(angle)), label);
    }
    return d;
}

Dataset moons(Random& rng, std::size_t n, double spread)
{
    // The upper half circle (cos a, sin a) is class 0, the lower one (1 - cos a, 1/2 - sin a)
    // class 1, a uniform in [0, pi], both with isotropic noise.
    Dataset d;
    d.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const int label = alternatingLabel(i);
        const double a = rng.uniform(0.0, std::numbers::pi);
        Eigen::Vector2d x = label == 0 ? Eigen::Vector2d(std::cos(a), std::sin(a))
                                       : Eigen::Vector2d(1.0 - std::cos(a), 0.5 - std::sin(a));
        x.x() += rng.normal(0.0, spread / 4.0);
        x.y() += rng.normal(0.0, spread / 4.0);
        d.add(x, label);
    }
    return d;
}

Dataset targetLine(Random& rng, std::size_t n, const GeneratorParams& p)
{
    Dataset d;
    d.reserve(n);
    const double norm = p.target.w.norm();
    for (std::size_t i = 0; i < n; ++i) {
        for (int attempt = 0; attempt < kMaxRejections; ++attempt) {
            const Eigen::Vector2d x(rng.uniform(-p.extent, p.extent),
                                    rng.uniform(-p.extent, p.extent));
            const double net = p.target.net(x);
            const double distance = norm > 0.0 ? std::abs(net) / norm : 0.0;
            if (net == 0.0 || (norm > 0.0 && distance < p.targetMargin))
                continue;
            d.add(x, net > 0.0 ? 1 : 0);
            break;
        }
    }
    return d;
}

} // namespace

Dataset generate(Generator kind, const GeneratorParams& params)
{
    switch (kind) {
    case Generator::And:
        return corners({0, 0, 0, 1});
    case Generator::Or:
        return corners({0, 1, 1, 1});
    case Generator::Nand:
        return corners({1, 1, 1, 0});
    case Generator::Xor:
        return corners({0, 1, 1, 0});
    default:
        break;
    }
    Random rng(params.seed, RandomPurpose::Generator, std::uint64_t(kind));
    const std::size_t n = pointCount(params);
    const double spread = std::abs(params.spread);
    switch (kind) {
    case Generator::Blobs:
        return blobs(rng, n, std::abs(params.separation), spread, true);
    case Generator::OverlappingBlobs: {
        // Centres a quarter of `separation` apart (1 for the defaults, with spread 0.8): the
        // clouds overlap. A draw that is separable by chance is replaced by the next draw from
        // the same stream, so the default parameters always give a non-separable set.
        constexpr int kMaxDraws = 1000;
        Dataset d;
        for (int draw = 0; draw < kMaxDraws; ++draw) {
            d = blobs(rng, n, std::abs(params.separation) / 4.0, spread, false);
            if (!linearlySeparable(d, true))
                break;
        }
        return d;
    }
    case Generator::Circles:
        return circles(rng, n, spread);
    case Generator::Moons:
        return moons(rng, n, spread);
    case Generator::TargetLine:
        return targetLine(rng, n, params);
    default:
        break;
    }
    return {};
}

namespace {

constexpr std::array<std::pair<Generator, std::string_view>, 9> kNames{{
    {Generator::And, "and"},
    {Generator::Or, "or"},
    {Generator::Nand, "nand"},
    {Generator::Xor, "xor"},
    {Generator::Blobs, "blobs"},
    {Generator::OverlappingBlobs, "overlapping-blobs"},
    {Generator::Circles, "circles"},
    {Generator::Moons, "moons"},
    {Generator::TargetLine, "target-line"},
}};

} // namespace

std::string_view name(Generator g)
{
    for (const auto& [value, text] : kNames) {
        if (value == g)
            return text;
    }
    return {};
}

std::optional<Generator> generatorFromName(std::string_view text)
{
    for (const auto& [value, n] : kNames) {
        if (n == text)
            return value;
    }
    return std::nullopt;
}

} // namespace plab::learning
