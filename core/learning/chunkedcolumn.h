#pragma once

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <memory>
#include <span>
#include <type_traits>
#include <vector>

namespace plab::learning {

namespace detail {

/// Memory for a chunk of a ChunkedColumn, from the operating system (mmap) where it has an
/// interface for that, else from operator new. Pages become resident only once written.
/// std::bad_alloc when there is none.
[[nodiscard]] void* allocateChunk(std::size_t bytes);
/// Gives memory from allocateChunk(\p bytes) back at once.
void freeChunk(void* chunk, std::size_t bytes) noexcept;

} // namespace detail

/// A growable table of rows of `width` values of T (one row per epoch, say), stored in chunks of
/// kRowsPerChunk rows.
///
/// Why not a std::vector: growing never moves what is stored, so there is no moment when an old
/// and a new array are both alive (a vector that doubles its capacity holds up to three times its
/// contents at the last reallocation, and its unused capacity up to twice), and shrinking or
/// clearing frees whole chunks (a vector's clear() keeps its capacity). The chunks come from the
/// operating system, not the C heap: a long run's columns are most of the process's memory, and
/// a heap keeps what it frees wherever later allocations sit above it (from glibc's heap, Reset
/// after 10^6 epochs gave none of the window's 55 MB back; from mmap, all but about 10 MB).
/// A row is at row(i), contiguous; rows in different chunks are not.
template <typename T>
class ChunkedColumn
{
    static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>,
                  "rows are raw memory, written and dropped without constructors or destructors");

public:
    static constexpr std::size_t kRowsPerChunk = std::size_t(1) << 14;

    explicit ChunkedColumn(std::size_t width = 1) : m_width(std::max<std::size_t>(width, 1)) {}

    ChunkedColumn(const ChunkedColumn& other) : m_width(other.m_width) { copyRows(other); }
    ChunkedColumn& operator=(const ChunkedColumn& other)
    {
        if (this != &other) {
            clear(other.m_width);
            copyRows(other);
        }
        return *this;
    }
    ChunkedColumn(ChunkedColumn&&) noexcept = default;
    ChunkedColumn& operator=(ChunkedColumn&&) noexcept = default;
    ~ChunkedColumn() = default;

    [[nodiscard]] std::size_t size() const { return m_size; }
    [[nodiscard]] bool empty() const { return m_size == 0; }
    [[nodiscard]] std::size_t width() const { return m_width; }

    /// The `width()` values of row \p i (i < size()).
    [[nodiscard]] const T* row(std::size_t i) const
    {
        assert(i < m_size);
        return m_chunks[i / kRowsPerChunk].get() + (i % kRowsPerChunk) * m_width;
    }
    /// The value of row \p i of a column of width 1.
    [[nodiscard]] T operator[](std::size_t i) const { return *row(i); }

    /// Appends one row (\p values holds width() values).
    void push_back(std::span<const T> values)
    {
        assert(values.size() == m_width);
        std::copy(values.begin(), values.end(), grow());
    }
    void push_back(T value) { push_back(std::span<const T>(&value, 1)); }

    /// Keeps rows [0, rows) and frees the chunks that no longer hold any.
    void truncate(std::size_t rows)
    {
        if (rows >= m_size)
            return;
        m_size = rows;
        m_chunks.resize((rows + kRowsPerChunk - 1) / kRowsPerChunk);
    }

    /// Frees everything; rows have \p width values from now on.
    void clear(std::size_t width)
    {
        m_chunks.clear();
        m_chunks.shrink_to_fit();
        m_size = 0;
        m_width = std::max<std::size_t>(width, 1);
    }

    /// The bytes the chunks take (allocated, not only used).
    [[nodiscard]] std::size_t allocatedBytes() const
    {
        return m_chunks.size() * kRowsPerChunk * m_width * sizeof(T) +
               m_chunks.capacity() * sizeof(m_chunks[0]);
    }

private:
    /// Makes room for one more row and returns where it goes.
    T* grow()
    {
        const std::size_t inChunk = m_size % kRowsPerChunk;
        if (inChunk == 0 && m_size / kRowsPerChunk == m_chunks.size())
            m_chunks.push_back(newChunk());
        T* where = m_chunks[m_size / kRowsPerChunk].get() + inChunk * m_width;
        ++m_size;
        return where;
    }

    /// Copies \p other's rows into this empty column of the same width, a chunk at a time.
    void copyRows(const ChunkedColumn& other)
    {
        m_chunks.reserve(other.m_chunks.size());
        for (std::size_t c = 0; c < other.m_chunks.size(); ++c) {
            const std::size_t rows = std::min(kRowsPerChunk, other.m_size - c * kRowsPerChunk);
            m_chunks.push_back(newChunk());
            std::copy_n(other.m_chunks[c].get(), rows * m_width, m_chunks.back().get());
        }
        m_size = other.m_size;
    }

    struct FreeChunk
    {
        std::size_t bytes = 0;
        void operator()(T* chunk) const noexcept { detail::freeChunk(chunk, bytes); }
    };
    using Chunk = std::unique_ptr<T[], FreeChunk>;

    [[nodiscard]] Chunk newChunk() const
    {
        const std::size_t bytes = kRowsPerChunk * m_width * sizeof(T);
        return Chunk(static_cast<T*>(detail::allocateChunk(bytes)), FreeChunk{bytes});
    }

    std::size_t m_width = 1;
    std::size_t m_size = 0;
    std::vector<Chunk> m_chunks;
};

} // namespace plab::learning
