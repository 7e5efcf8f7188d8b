#include "io/numberformat.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <system_error>

namespace plab::io {

namespace {

/// Appends the shortest round-trip text of \p value without a temporary QByteArray.
void appendDouble(QByteArray& out, double value)
{
    if (value == 0.0 && std::signbit(value)) {
        out += "-0.0";
        return;
    }
    // 32 bytes hold the longest shortest form, "-2.2250738585072014e-308" (24 characters).
    std::array<char, 32> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    out.append(buffer.data(), qsizetype(result.ptr - buffer.data()));
}

/// \p text with every "-" as the typographic minus, which reads better on a projector.
QString withMinusSigns(QString text)
{
    return text.replace(u'-', QChar(0x2212));
}

} // namespace

QString displayNumber(double value, int significant)
{
    if (value == 0.0)
        return QStringLiteral("0");
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0.0 ? QStringLiteral("\u221e") : QStringLiteral("\u2212\u221e");
    return withMinusSigns(QString::number(value, 'g', significant));
}

QString displayFixed(double value, int decimals)
{
    if (value == 0.0)
        return QString::number(0.0, 'f', decimals);
    const double smallest = 0.5 * std::pow(10.0, -decimals);
    if (!std::isfinite(value) || std::abs(value) < smallest || std::abs(value) >= 1e6)
        return displayNumber(value);
    return withMinusSigns(QString::number(value, 'f', decimals));
}

QByteArray formatDouble(double value)
{
    QByteArray out;
    appendDouble(out, value);
    return out;
}

void appendJsonNumber(QByteArray& out, double value)
{
    if (std::isfinite(value))
        appendDouble(out, value);
    else
        out += "null";
}

void appendJsonString(QByteArray& out, QStringView text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    for (const char c : text.toUtf8()) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20) {
            out += "\\u00";
            out += kHex[byte >> 4];
            out += kHex[byte & 0xF];
        } else {
            out += c;
        }
    }
    out += '"';
}

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

/// For a text std::from_chars found out of range: true when its magnitude is below 1 (an
/// underflow), false when above (an overflow). The decimal exponent of the first non-zero digit
/// decides, e.g. "0.000...1e-300" is tiny and "123e400" huge.
bool isTiny(QByteArrayView t)
{
    qsizetype i = 0;
    if (i < t.size() && (t[i] == '-' || t[i] == '+'))
        ++i;
    long long leadExponent = 0;
    bool seenNonZero = false;
    bool afterPoint = false;
    long long integerDigits = 0;
    long long zerosAfterPoint = 0;
    for (; i < t.size() && (isDigit(t[i]) || t[i] == '.'); ++i) {
        if (t[i] == '.') {
            afterPoint = true;
            continue;
        }
        if (!afterPoint) {
            if (seenNonZero || t[i] != '0') {
                seenNonZero = true;
                ++integerDigits;
            }
        } else if (!seenNonZero) {
            if (t[i] == '0') {
                ++zerosAfterPoint;
            } else {
                seenNonZero = true;
            }
        }
    }
    leadExponent = integerDigits > 0 ? integerDigits - 1 : -(zerosAfterPoint + 1);
    long long exponent = 0;
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        const bool negative = i < t.size() && t[i] == '-';
        if (i < t.size() && (t[i] == '-' || t[i] == '+'))
            ++i;
        // Saturate: only the sign of the sum matters, and exponents can have any length.
        for (; i < t.size() && isDigit(t[i]); ++i)
            exponent = std::min(exponent * 10 + (t[i] - '0'), 1'000'000'000'000LL);
        if (negative)
            exponent = -exponent;
    }
    return leadExponent + exponent < 0;
}

} // namespace

ParsedNumber parseDouble(QByteArrayView text)
{
    using S = ParsedNumber::Status;
    QByteArrayView t = text;
    // std::from_chars accepts a leading '-' but not a '+'; labels like "+1" are common in files.
    if (t.startsWith('+')) {
        t = t.sliced(1);
        if (t.startsWith('-') || t.startsWith('+'))
            return {S::Invalid, 0.0};
    }
    if (t.isEmpty())
        return {S::Invalid, 0.0};
    const char* const begin = t.data();
    const char* const end = begin + t.size();
    double value = 0.0;
    const auto [ptr, ec] = std::from_chars(begin, end, value, std::chars_format::general);
    if (ptr != end || ec == std::errc::invalid_argument)
        return {S::Invalid, 0.0};
    if (ec == std::errc::result_out_of_range)
        return {isTiny(t) ? S::Underflow : S::Overflow, 0.0};
    if (!std::isfinite(value))
        return {S::NotFinite, 0.0};
    return {S::Ok, value};
}

} // namespace plab::io
