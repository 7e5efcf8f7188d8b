// Shortest round-trip number text, the strict number parser, JSON string escaping, and the JSON
// cursor's string decoding.

#include "fileformat_support.h"
#include "io/jsoncursor.h"
#include "io/numberformat.h"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <limits>
#include <random>

namespace plab::io {
namespace {

using S = ParsedNumber::Status;

TEST(FormatDouble, ShortestTextThatReadsBack)
{
    EXPECT_EQ(formatDouble(0.1), QByteArray("0.1"));
    EXPECT_EQ(formatDouble(0.1 + 0.2), QByteArray("0.30000000000000004"));
    EXPECT_EQ(formatDouble(100.0), QByteArray("100"));
    EXPECT_EQ(formatDouble(1e-300), QByteArray("1e-300"));
    EXPECT_EQ(formatDouble(5e-324), QByteArray("5e-324"));
    EXPECT_EQ(formatDouble(1e21), QByteArray("1e+21"));
    EXPECT_EQ(formatDouble(-2.5), QByteArray("-2.5"));
    EXPECT_EQ(formatDouble(0.0), QByteArray("0"));
    EXPECT_EQ(formatDouble(-0.0), QByteArray("-0.0"));
}

TEST(DisplayNumber, SignificantDigitsAndATypographicMinus)
{
    EXPECT_EQ(displayNumber(0.30000000000000004), QStringLiteral("0.3"));
    EXPECT_EQ(displayNumber(-2.5), QStringLiteral("\u22122.5"));
    EXPECT_EQ(displayNumber(1234.5), QStringLiteral("1.23e+03"));
    EXPECT_EQ(displayNumber(1234.5, 6), QStringLiteral("1234.5"));
    EXPECT_EQ(displayNumber(-2.5e-5), QStringLiteral("\u22122.5e\u221205"));
    EXPECT_EQ(displayNumber(0.0), QStringLiteral("0"));
    EXPECT_EQ(displayNumber(-0.0), QStringLiteral("0"));
    EXPECT_EQ(displayNumber(std::nan("")), QStringLiteral("NaN"));
    EXPECT_EQ(displayNumber(std::numeric_limits<double>::infinity()), QStringLiteral("\u221e"));
    EXPECT_EQ(displayNumber(-std::numeric_limits<double>::infinity()),
              QStringLiteral("\u2212\u221e"));
}

TEST(DisplayNumber, FixedDecimalsWhereTheyShowTheValue)
{
    EXPECT_EQ(displayFixed(1.5, 2), QStringLiteral("1.50"));
    EXPECT_EQ(displayFixed(-0.25, 2), QStringLiteral("\u22120.25"));
    EXPECT_EQ(displayFixed(0.0, 2), QStringLiteral("0.00"));
    EXPECT_EQ(displayFixed(-0.0, 3), QStringLiteral("0.000"));
    EXPECT_EQ(displayFixed(0.001, 2), QStringLiteral("0.001")); // would be "0.00"
    EXPECT_EQ(displayFixed(-1e-5, 2), QStringLiteral("\u22121e\u221205"));
    EXPECT_EQ(displayFixed(2.5e6, 2), QStringLiteral("2.5e+06"));
    EXPECT_EQ(displayFixed(999999.0, 1), QStringLiteral("999999.0"));
    EXPECT_EQ(displayFixed(std::nan(""), 2), QStringLiteral("NaN"));
}

TEST(FormatDouble, JsonHasNoNaN)
{
    QByteArray out;
    appendJsonNumber(out, std::nan(""));
    out += ',';
    appendJsonNumber(out, -std::numeric_limits<double>::infinity());
    out += ',';
    appendJsonNumber(out, 1.5);
    EXPECT_EQ(out, QByteArray("null,null,1.5"));
}

TEST(ParseDouble, AcceptsDecimalNumbersOnly)
{
    EXPECT_EQ(parseDouble("+1").status, S::Ok);
    EXPECT_EQ(parseDouble("+1").value, 1.0);
    EXPECT_EQ(parseDouble("-.5").value, -0.5);
    EXPECT_EQ(parseDouble("5.").value, 5.0);
    EXPECT_EQ(parseDouble("1E3").value, 1000.0);
    EXPECT_TRUE(std::signbit(parseDouble("-0").value));
    for (const char* bad : {"", "+", "-", "++1", "+-1", "1e", "1e+", "0x10", " 1", "1 ", "1,5",
                            "one", "1.2.3", "--1", "."})
        EXPECT_EQ(parseDouble(bad).status, S::Invalid) << bad;
    for (const char* notFinite : {"nan", "NaN", "-nan", "inf", "-inf", "+inf", "Infinity"})
        EXPECT_EQ(parseDouble(notFinite).status, S::NotFinite) << notFinite;
}

TEST(ParseDouble, TellsOverflowFromUnderflow)
{
    EXPECT_EQ(parseDouble("1e400").status, S::Overflow);
    EXPECT_EQ(parseDouble("-1e309").status, S::Overflow);
    EXPECT_EQ(parseDouble("123e307").status, S::Overflow);
    EXPECT_EQ(parseDouble("0.001e312").status, S::Overflow);
    EXPECT_EQ(parseDouble("1e-400").status, S::Underflow);
    EXPECT_EQ(parseDouble("-1e-400").status, S::Underflow);
    EXPECT_EQ(parseDouble("1000e-330").status, S::Underflow);
    EXPECT_EQ(parseDouble("1e-99999999999999999999").status, S::Underflow);
    EXPECT_EQ(parseDouble("1e99999999999999999999").status, S::Overflow);
    // Subnormals are representable: no underflow.
    EXPECT_EQ(parseDouble("1e-320").status, S::Ok);
    EXPECT_GT(parseDouble("1e-320").value, 0.0);
}

TEST(ParseDouble, ReadsBackEveryFormattedDouble)
{
    std::mt19937_64 random(7);
    for (int i = 0; i < 200000; ++i) {
        const double v = std::bit_cast<double>(random());
        if (!std::isfinite(v))
            continue;
        const ParsedNumber back = parseDouble(formatDouble(v));
        ASSERT_EQ(back.status, S::Ok) << formatDouble(v).constData();
        ASSERT_TRUE(test::sameBits(back.value, v)) << formatDouble(v).constData();
    }
}

TEST(JsonString, EscapesAndDecodesBack)
{
    const QString original = QStringLiteral("a\"b\\c\nd\te\u00e9\u4e2d\U0001F600\x01");
    QByteArray json;
    appendJsonString(json, original);
    EXPECT_EQ(json, QByteArray("\"a\\\"b\\\\c\\u000ad\\u0009e\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80"
                               "\\u0001\""));
    JsonCursor cursor(json);
    QByteArray decoded;
    ASSERT_TRUE(cursor.readString(decoded));
    EXPECT_EQ(QString::fromUtf8(decoded), original);
    EXPECT_TRUE(cursor.expectEnd());
}

TEST(JsonCursor, DecodesEscapesAndSurrogatePairs)
{
    JsonCursor cursor(R"("\u00e9\ud83d\ude00\/\b\f\n\r\t")");
    QByteArray decoded;
    ASSERT_TRUE(cursor.readString(decoded));
    EXPECT_EQ(decoded, QByteArray("\xc3\xa9\xf0\x9f\x98\x80/\b\f\n\r\t"));
}

TEST(JsonCursor, CountsLinesAcrossWhitespace)
{
    JsonCursor cursor("\n\n  [1,\r\n 2 ,\n\n x]");
    ASSERT_TRUE(cursor.enterArray());
    QByteArrayView number;
    ASSERT_TRUE(cursor.nextElement());
    ASSERT_TRUE(cursor.readNumber(number));
    EXPECT_EQ(number, QByteArrayView("1"));
    ASSERT_TRUE(cursor.nextElement());
    ASSERT_TRUE(cursor.readNumber(number));
    EXPECT_EQ(cursor.line(), 4);
    ASSERT_TRUE(cursor.nextElement());
    EXPECT_FALSE(cursor.skipValue());
    EXPECT_EQ(cursor.errorLine(), 6);
}

} // namespace
} // namespace plab::io
