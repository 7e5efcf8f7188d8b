#pragma once

#include <Eigen/Core>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

/// \file
/// Feature maps: what a model sees of a point x = (x1, x2). TensorFlow Playground's seven inputs,
/// in this canonical order:
///
/// | index | Feature   | name    | value          |
/// |-------|-----------|---------|----------------|
/// | 0     | X1        | x1      | x1             |
/// | 1     | X2        | x2      | x2             |
/// | 2     | X1Squared | x1sq    | x1 * x1        |
/// | 3     | X2Squared | x2sq    | x2 * x2        |
/// | 4     | X1X2      | x1x2    | x1 * x2        |
/// | 5     | SinX1     | sinx1   | std::sin(x1)   |
/// | 6     | SinX2     | sinx2   | std::sin(x2)   |
///
/// A model's inputs are a FeatureSet, any non-empty subset of the seven, always in this order
/// whatever order it was written in: (x1, x2, x1 x2) is the input vector of a perceptron that
/// separates XOR, with 3 weights and a bias. The names are plain ASCII letters and digits so a
/// list works unquoted on any shell's command line ("x1,x2,x1x2"; x1^2, x1*x2 or sin(x1) would
/// need quotes) and in JSON; formula() gives the usual spelling for display. Squares and products
/// are exact IEEE operations; std::sin is the C library's, so another C library may differ in
/// the last bit (as for the generators).

namespace plab::learning {

enum class Feature : std::uint8_t
{
    X1,
    X2,
    X1Squared,
    X2Squared,
    X1X2,
    SinX1,
    SinX2,
};

inline constexpr int kFeatureCount = 7;

/// The stable name ("x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2").
[[nodiscard]] std::string_view name(Feature);
/// The feature's formula for display ("x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)").
[[nodiscard]] std::string_view formula(Feature);
/// The feature with this stable name, or nothing (names are case-sensitive).
[[nodiscard]] std::optional<Feature> featureFromName(std::string_view);
/// The feature's value at (x1, x2).
[[nodiscard]] double featureValue(Feature, double x1, double x2);

/// Why a feature list was refused; `item` is the offending entry as written (empty for Empty).
struct FeatureListError
{
    enum class Problem
    {
        Empty,    ///< no feature at all ("" or only commas)
        Unknown,  ///< a name that is not one of the seven
        Repeated, ///< a feature named twice
    };
    Problem problem;
    std::string item;
    /// English, for logs and tests ("unknown feature 'x3' (known: x1, x2, ...)").
    [[nodiscard]] std::string message() const;
    friend bool operator==(const FeatureListError&, const FeatureListError&) = default;
};

/// A non-empty set of features in canonical order. A value type (one byte).
class FeatureSet
{
public:
    /// (x1, x2): the plain coordinates, the default everywhere.
    constexpr FeatureSet() = default;
    /// All seven.
    [[nodiscard]] static constexpr FeatureSet all() { return FeatureSet(0x7F); }
    /// The set of the given features (repeats are harmless); nothing if \p features is empty.
    [[nodiscard]] static std::optional<FeatureSet> of(std::initializer_list<Feature> features);

    /// Parses a comma-separated list of names in any order ("x1x2,x1,x2"). Spaces around a name
    /// are allowed; an empty list, an unknown name or a repeated one is refused.
    [[nodiscard]] static std::variant<FeatureSet, FeatureListError> parse(std::string_view list);
    /// parse() without the reason.
    [[nodiscard]] static std::optional<FeatureSet> fromName(std::string_view list);
    /// The canonical list: the names in canonical order joined by commas ("x1,x2,x1x2").
    /// fromName(name()) == *this.
    [[nodiscard]] std::string name() const;

    [[nodiscard]] bool contains(Feature f) const { return (m_bits >> unsigned(f)) & 1U; }
    /// The number of features: the input count of a model on this set (1 to 7).
    [[nodiscard]] int size() const;
    /// The i-th feature in canonical order, 0 <= i < size().
    [[nodiscard]] Feature at(int i) const;
    /// The bit mask (bit k set for the feature of index k): a compact stable encoding.
    [[nodiscard]] std::uint8_t bits() const { return m_bits; }
    /// The set with this mask; nothing for 0 or bits above the seventh.
    [[nodiscard]] static std::optional<FeatureSet> fromBits(std::uint8_t bits);

    /// Writes the size() feature values of (x1, x2), in canonical order, to out[0 .. size()-1].
    void map(double x1, double x2, double* out) const;
    /// The feature vector of x (size() entries).
    [[nodiscard]] Eigen::VectorXd map(const Eigen::Vector2d& x) const;

    friend bool operator==(FeatureSet, FeatureSet) = default;

private:
    explicit constexpr FeatureSet(std::uint8_t bits) : m_bits(bits) {}
    std::uint8_t m_bits = 0x03; // x1, x2
};

} // namespace plab::learning
