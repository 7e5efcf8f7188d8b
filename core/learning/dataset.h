#pragma once

#include <Eigen/Core>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace plab::learning {

/// A labelled 2D point. `label` is the class index 0 ... K-1; with two classes 0 is the negative
/// class and 1 the positive one.
struct Sample
{
    Eigen::Vector2d x = Eigen::Vector2d::Zero();
    int label = 0;

    friend bool operator==(const Sample& a, const Sample& b)
    {
        return a.x == b.x && a.label == b.label;
    }
};

/// Maps a label as written in a file to a class index. Binary problems accept 0/1 and -1/+1:
/// 0 and -1 are the negative class (0), 1 is the positive class (1). Anything else is rejected.
/// (classFromLabel(written, 2).)
[[nodiscard]] std::optional<int> classFromLabel(std::int64_t written);

/// The class index of a label written in a file for a problem of \p classes classes (K, 2 ... 8):
/// 0 ... K-1 as written, and for K = 2 also -1 for class 0 (so -1/+1 still means two classes).
/// Anything else, and any K outside 2 ... 8, is rejected.
[[nodiscard]] std::optional<int> classFromLabel(std::int64_t written, int classes);

/// The number of classes a column of written labels describes, for readers that learn K from the
/// file: 2 when every label is -1, 0 or 1 (-1/+1 and 0/1 files are two-class files, also when
/// only one of the two appears), otherwise the largest label + 1 when every label is in 0 ... 7.
/// Nothing for an empty column, a -1 next to a label above 1, another negative label, or a label
/// above 7.
[[nodiscard]] std::optional<int> classCountOf(std::span<const std::int64_t> written);

/// 2D points with class indices. Coordinates are stored interleaved (x1, x2, x1, x2, ...), which is
/// the memory layout of a 2 x N column-major matrix, so training loops read contiguous memory and
/// points() can hand out an Eigen view without copying. A Dataset is a value: copy it to hand it
/// to another thread.
class Dataset
{
public:
    Dataset() = default;
    explicit Dataset(const std::vector<Sample>& samples);

    void reserve(std::size_t n);
    void add(const Eigen::Vector2d& x, int label);
    void add(const Sample& s) { add(s.x, s.label); }
    void clear();

    [[nodiscard]] std::size_t size() const { return m_labels.size(); }
    [[nodiscard]] bool empty() const { return m_labels.empty(); }
    [[nodiscard]] Eigen::Vector2d point(std::size_t i) const
    {
        return {m_coords[2 * i], m_coords[2 * i + 1]};
    }
    [[nodiscard]] int label(std::size_t i) const { return m_labels[i]; }
    [[nodiscard]] Sample sample(std::size_t i) const { return {point(i), label(i)}; }
    [[nodiscard]] std::vector<Sample> samples() const;

    /// A 2 x N view; column i is point i. Valid until the Dataset changes.
    [[nodiscard]] Eigen::Map<const Eigen::Matrix2Xd> points() const
    {
        return {m_coords.data(), 2, Eigen::Index(size())};
    }
    /// The raw interleaved coordinates (x1 of point 0, x2 of point 0, x1 of point 1, ...).
    [[nodiscard]] const std::vector<double>& coordinates() const { return m_coords; }
    [[nodiscard]] const std::vector<int>& labels() const { return m_labels; }

    [[nodiscard]] std::size_t count(int label) const;
    /// True when both classes 0 and 1 are present.
    [[nodiscard]] bool hasTwoClasses() const;
    /// True when at least two different labels are present.
    [[nodiscard]] bool hasSeveralClasses() const;
    /// True when every coordinate is finite.
    [[nodiscard]] bool allFinite() const;

    friend bool operator==(const Dataset& a, const Dataset& b);

private:
    std::vector<double> m_coords;
    std::vector<int> m_labels;
};

} // namespace plab::learning
