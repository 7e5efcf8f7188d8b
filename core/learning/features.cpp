#include "features.h"

#include <array>
#include <bit>
#include <cmath>
#include <utility>

namespace plab::learning {

namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, kFeatureCount> kNames{{
    {"x1", "x1"},
    {"x2", "x2"},
    {"x1sq", "x1^2"},
    {"x2sq", "x2^2"},
    {"x1x2", "x1*x2"},
    {"sinx1", "sin(x1)"},
    {"sinx2", "sin(x2)"},
}};

constexpr std::uint8_t kAllBits = 0x7F;

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

} // namespace

std::string_view name(Feature f)
{
    return kNames[std::size_t(f)].first;
}

std::string_view formula(Feature f)
{
    return kNames[std::size_t(f)].second;
}

std::optional<Feature> featureFromName(std::string_view n)
{
    for (std::size_t k = 0; k < kNames.size(); ++k) {
        if (kNames[k].first == n)
            return Feature(k);
    }
    return std::nullopt;
}

double featureValue(Feature f, double x1, double x2)
{
    switch (f) {
    case Feature::X1:
        return x1;
    case Feature::X2:
        return x2;
    case Feature::X1Squared:
        return x1 * x1;
    case Feature::X2Squared:
        return x2 * x2;
    case Feature::X1X2:
        return x1 * x2;
    case Feature::SinX1:
        return std::sin(x1);
    case Feature::SinX2:
        return std::sin(x2);
    }
    return 0.0;
}

std::string FeatureListError::message() const
{
    switch (problem) {
    case Problem::Empty:
        return "no features (choose from x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2)";
    case Problem::Unknown:
        return "unknown feature '" + item + "' (known: x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2)";
    case Problem::Repeated:
        return "feature '" + item + "' is named twice";
    }
    return {};
}

std::optional<FeatureSet> FeatureSet::of(std::initializer_list<Feature> features)
{
    std::uint8_t bits = 0;
    for (Feature f : features)
        bits = std::uint8_t(bits | (1U << unsigned(f)));
    return fromBits(bits);
}

std::variant<FeatureSet, FeatureListError> FeatureSet::parse(std::string_view list)
{
    using P = FeatureListError::Problem;
    std::uint8_t bits = 0;
    while (true) {
        const std::size_t comma = list.find(',');
        const std::string_view item = trimmed(list.substr(0, comma));
        if (!item.empty()) {
            const std::optional<Feature> f = featureFromName(item);
            if (!f)
                return FeatureListError{P::Unknown, std::string(item)};
            const auto bit = std::uint8_t(1U << unsigned(*f));
            if (bits & bit)
                return FeatureListError{P::Repeated, std::string(item)};
            bits = std::uint8_t(bits | bit);
        }
        if (comma == std::string_view::npos)
            break;
        list.remove_prefix(comma + 1);
    }
    if (bits == 0)
        return FeatureListError{P::Empty, {}};
    return FeatureSet(bits);
}

std::optional<FeatureSet> FeatureSet::fromName(std::string_view list)
{
    auto parsed = parse(list);
    if (auto* set = std::get_if<FeatureSet>(&parsed))
        return *set;
    return std::nullopt;
}

std::string FeatureSet::name() const
{
    std::string out;
    for (int i = 0; i < size(); ++i) {
        if (i > 0)
            out += ',';
        out += learning::name(at(i));
    }
    return out;
}

int FeatureSet::size() const
{
    return std::popcount(m_bits);
}

Feature FeatureSet::at(int i) const
{
    for (int k = 0; k < kFeatureCount; ++k) {
        if (contains(Feature(k)) && i-- == 0)
            return Feature(k);
    }
    return Feature::X1; // unreachable for 0 <= i < size()
}

std::optional<FeatureSet> FeatureSet::fromBits(std::uint8_t bits)
{
    if (bits == 0 || (bits & ~kAllBits) != 0)
        return std::nullopt;
    return FeatureSet(bits);
}

void FeatureSet::map(double x1, double x2, double* out) const
{
    // The plain coordinates are by far the most common input: one test instead of seven.
    if (m_bits == 0x03) {
        out[0] = x1;
        out[1] = x2;
        return;
    }
    int k = 0;
    for (int f = 0; f < kFeatureCount; ++f) {
        if (contains(Feature(f)))
            out[k++] = featureValue(Feature(f), x1, x2);
    }
}

Eigen::VectorXd FeatureSet::map(const Eigen::Vector2d& x) const
{
    Eigen::VectorXd out(size());
    map(x.x(), x.y(), out.data());
    return out;
}

} // namespace plab::learning
