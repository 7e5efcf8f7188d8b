#pragma once

#include <type_traits>
#include <utility>
#include <variant>

namespace plab {

/// \file
/// Errors as values, one shape for every layer: a function that computes a T and may fail
/// returns Result<T, E>, the T or the E that says why there is none. Nothing throws.
///
///     Result<Project, io::LoadError> readProject(...);
///     if (!project)
///         return plab::unexpected(project.error());
///     use(project.value());
///
/// It is the part of C++23's std::expected that the program uses, with the same names, so that
/// moving to C++23 is `template <class T, class E> using Result = std::expected<T, E>;` and
/// `using std::unexpected;` here, and no caller changes. A check or an action that yields no
/// value returns std::optional<E> instead: the problem, if there is one (learning::validate(),
/// io::OutputFile::commit()).
///
/// Header-only and Qt-free, so that core/learning can use it as well as the layers above it.

/// An error on its way into a Result: `return plab::unexpected(error);`.
template <class E>
class unexpected
{
public:
    explicit unexpected(E error) : m_error(std::move(error)) {}

    [[nodiscard]] const E& error() const& { return m_error; }
    [[nodiscard]] E&& error() && { return std::move(m_error); }

private:
    E m_error;
};

template <class E>
unexpected(E) -> unexpected<E>;

/// A T, or the E explaining why there is none.
template <class T, class E>
class Result
{
    static_assert(!std::is_reference_v<T> && !std::is_reference_v<E>);

public:
    using value_type = T;
    using error_type = E;

    Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
    /// From any error E can be made of (unexpected(QStringLiteral("...")) into a QString error).
    template <class G>
    requires std::is_constructible_v<E, G> Result(unexpected<G> error)
        : m_state(std::in_place_index<1>, std::move(error).error())
    {}

    [[nodiscard]] bool has_value() const { return m_state.index() == 0; }
    explicit operator bool() const { return has_value(); }

    /// Preconditions: has_value() for value(), !has_value() for error() (std::bad_variant_access
    /// otherwise).
    [[nodiscard]] const T& value() const& { return std::get<0>(m_state); }
    [[nodiscard]] T& value() & { return std::get<0>(m_state); }
    [[nodiscard]] T&& value() && { return std::get<0>(std::move(m_state)); }
    [[nodiscard]] const E& error() const& { return std::get<1>(m_state); }
    [[nodiscard]] E& error() & { return std::get<1>(m_state); }
    [[nodiscard]] E&& error() && { return std::get<1>(std::move(m_state)); }

    [[nodiscard]] const T& operator*() const& { return value(); }
    [[nodiscard]] T& operator*() & { return value(); }
    [[nodiscard]] T&& operator*() && { return std::move(*this).value(); }
    [[nodiscard]] const T* operator->() const { return &value(); }
    [[nodiscard]] T* operator->() { return &value(); }

    /// The value, or \p fallback when there is none.
    template <class U>
    [[nodiscard]] T value_or(U&& fallback) const&
    {
        return has_value() ? value() : static_cast<T>(std::forward<U>(fallback));
    }

private:
    std::variant<T, E> m_state;
};

} // namespace plab
