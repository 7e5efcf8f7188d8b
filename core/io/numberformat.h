#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

namespace plab::io {

/// The shortest decimal text that reads back as exactly \p value (std::to_chars), e.g. "0.1",
/// "1e-300", "5e-324", "100". Negative zero is written "-0.0": many JSON readers turn "-0" into the
/// integer 0 and lose the sign, none does so with "-0.0". Non-finite values give "nan", "inf" and
/// "-inf" (no reader of ours accepts those; JSON writers use appendJsonNumber()).
[[nodiscard]] QByteArray formatDouble(double value);

/// Appends formatDouble(\p value), or `null` when the value is not finite (JSON has no NaN).
void appendJsonNumber(QByteArray& out, double value);

/// Appends \p text as a JSON string literal: UTF-8, with `"`, `\` and control characters escaped.
void appendJsonString(QByteArray& out, QStringView text);

/// A number for people to read (plot labels, captions, tables, panels): \p significant
/// significant digits (QString::number's 'g'), every minus sign typographic (U+2212, as in
/// "−1.5e−05"), zero always "0" (never "−0"), "NaN", "∞" and "−∞". The one display formatter:
/// formatDouble() is for files, which must read back exactly.
[[nodiscard]] QString displayNumber(double value, int significant = 3);

/// As displayNumber(), with \p decimals fixed decimals ("1.50", "−0.25", zero as "0.00") for
/// values whose magnitude is at least half a unit of the last decimal and below 1e6; the others
/// take displayNumber()'s three significant digits ("1e−05", "2.5e+06").
[[nodiscard]] QString displayFixed(double value, int decimals);

/// The outcome of parseDouble().
struct ParsedNumber
{
    enum class Status
    {
        Ok,
        Invalid,   ///< not a decimal number
        NotFinite, ///< "nan", "inf", "infinity" (any case, with a sign)
        Overflow,  ///< a number too large for a double, e.g. 1e400
        Underflow, ///< a non-zero number too small for a double, e.g. 1e-400
    };
    Status status = Status::Invalid;
    double value = 0.0; ///< valid when status == Ok
};

/// Parses the whole of \p text as a decimal floating-point number: an optional sign (`+` or `-`),
/// digits with an optional decimal point, an optional exponent. No spaces, no hexadecimal. The
/// result is the double nearest to the decimal value, so formatDouble() text reads back exactly.
[[nodiscard]] ParsedNumber parseDouble(QByteArrayView text);

} // namespace plab::io
