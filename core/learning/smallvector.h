#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <span>

namespace plab::learning {

/// A vector of doubles of a size fixed when it is made, kept inline up to kInline values and on
/// the heap beyond. The records a trainer produces many of (epoch snapshots, sample visits, the
/// states in them) hold a model's parameters, scores and sums in these: the two-class linear
/// model's three parameters (w1, w2, b) then cost no allocation, so its records are as cheap as
/// when they held three plain doubles, while a network's 808 parameters fit the same type.
/// A value type; == compares sizes, then values (so 0.0 == -0.0 and NaN != NaN, as for double).
class SmallVector
{
public:
    static constexpr std::size_t kInline = 4;

    SmallVector() = default;
    /// \p size values, each \p value.
    explicit SmallVector(std::size_t size, double value = 0.0) { assign(size, value); }
    SmallVector(std::initializer_list<double> values)
    {
        assign(std::span(values.begin(), values.size()));
    }
    explicit SmallVector(std::span<const double> values) { assign(values); }

    SmallVector(const SmallVector& other) { assign(other.span()); }
    SmallVector(SmallVector&& other) noexcept { *this = std::move(other); }
    SmallVector& operator=(const SmallVector& other)
    {
        if (this != &other)
            assign(other.span());
        return *this;
    }
    SmallVector& operator=(SmallVector&& other) noexcept
    {
        if (this == &other)
            return *this;
        m_size = other.m_size;
        if (other.m_heap) {
            m_heap = std::move(other.m_heap);
        } else {
            m_heap.reset();
            std::copy_n(other.m_inline, kInline, m_inline);
        }
        other.m_size = 0;
        return *this;
    }
    ~SmallVector() = default;

    /// Makes this \p size values, each \p value.
    void assign(std::size_t size, double value)
    {
        reserveExactly(size);
        std::fill_n(data(), size, value);
    }
    /// Makes this a copy of \p values (which must not overlap this vector's own values).
    void assign(std::span<const double> values)
    {
        if (values.size() != m_size) // sizes are fixed per run: the block is reused after that
            reserveExactly(values.size());
        std::copy(values.begin(), values.end(), data());
    }
    /// Sets every value to \p value, keeping the size.
    void fill(double value) { std::fill_n(data(), m_size, value); }

    [[nodiscard]] std::size_t size() const { return m_size; }
    [[nodiscard]] bool empty() const { return m_size == 0; }
    [[nodiscard]] double* data() { return m_heap ? m_heap.get() : m_inline; }
    [[nodiscard]] const double* data() const { return m_heap ? m_heap.get() : m_inline; }
    [[nodiscard]] double& operator[](std::size_t i) { return data()[i]; }
    [[nodiscard]] double operator[](std::size_t i) const { return data()[i]; }
    [[nodiscard]] double* begin() { return data(); }
    [[nodiscard]] double* end() { return data() + m_size; }
    [[nodiscard]] const double* begin() const { return data(); }
    [[nodiscard]] const double* end() const { return data() + m_size; }
    [[nodiscard]] std::span<const double> span() const { return {data(), m_size}; }
    [[nodiscard]] std::span<double> span() { return {data(), m_size}; }

    /// The largest magnitude of a value (0 when empty): the max-norm.
    [[nodiscard]] double maxAbs() const
    {
        double m = 0.0;
        for (double v : span())
            m = std::max(m, v < 0.0 ? -v : v);
        return m;
    }

    friend bool operator==(const SmallVector& a, const SmallVector& b)
    {
        return a.m_size == b.m_size && std::equal(a.begin(), a.end(), b.begin());
    }

private:
    void reserveExactly(std::size_t size)
    {
        if (size > kInline)
            m_heap = std::make_unique_for_overwrite<double[]>(size);
        else
            m_heap.reset();
        m_size = size;
    }

    std::size_t m_size = 0;
    double m_inline[kInline]{};
    std::unique_ptr<double[]> m_heap;
};

} // namespace plab::learning
