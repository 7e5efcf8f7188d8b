#include "dataset.h"

#include <algorithm>
#include <cmath>

namespace plab::learning {

std::optional<int> classFromLabel(std::int64_t written)
{
    if (written == 0 || written == -1)
        return 0;
    if (written == 1)
        return 1;
    return std::nullopt;
}

std::optional<int> classFromLabel(std::int64_t written, int classes)
{
    if (classes < 2 || classes > 8)
        return std::nullopt;
    if (classes == 2)
        return classFromLabel(written);
    if (written < 0 || written >= classes)
        return std::nullopt;
    return int(written);
}

std::optional<int> classCountOf(std::span<const std::int64_t> written)
{
    if (written.empty())
        return std::nullopt;
    const auto [lo, hi] = std::minmax_element(written.begin(), written.end());
    if (*lo == -1)
        return *hi <= 1 ? std::optional<int>(2) : std::nullopt;
    if (*lo < -1 || *hi > 7)
        return std::nullopt;
    return std::max(2, int(*hi) + 1);
}

Dataset::Dataset(const std::vector<Sample>& samples)
{
    reserve(samples.size());
    for (const Sample& s : samples)
        add(s);
}

void Dataset::reserve(std::size_t n)
{
    m_coords.reserve(2 * n);
    m_labels.reserve(n);
}

void Dataset::add(const Eigen::Vector2d& x, int label)
{
    m_coords.push_back(x.x());
    m_coords.push_back(x.y());
    m_labels.push_back(label);
}

void Dataset::clear()
{
    m_coords.clear();
    m_labels.clear();
}

std::vector<Sample> Dataset::samples() const
{
    std::vector<Sample> out;
    out.reserve(size());
    for (std::size_t i = 0; i < size(); ++i)
        out.push_back(sample(i));
    return out;
}

std::size_t Dataset::count(int label) const
{
    return std::size_t(std::count(m_labels.begin(), m_labels.end(), label));
}

bool Dataset::hasTwoClasses() const
{
    return count(0) > 0 && count(1) > 0;
}

bool Dataset::hasSeveralClasses() const
{
    return std::any_of(
        m_labels.begin(), m_labels.end(),
        [first = m_labels.empty() ? 0 : m_labels.front()](int t) { return t != first; });
}

bool Dataset::allFinite() const
{
    return std::all_of(m_coords.begin(), m_coords.end(), [](double v) { return std::isfinite(v); });
}

bool operator==(const Dataset& a, const Dataset& b)
{
    return a.m_coords == b.m_coords && a.m_labels == b.m_labels;
}

} // namespace plab::learning
