#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>
#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <ostream>

namespace plab::test {

/// Bit-exact double comparison: tells 0.0 from -0.0 and compares NaN payloads.
inline ::testing::AssertionResult sameBits(double actual, double expected)
{
    if (std::bit_cast<std::uint64_t>(actual) == std::bit_cast<std::uint64_t>(expected))
        return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure()
           << "actual " << actual << " (bits " << std::hex << std::bit_cast<std::uint64_t>(actual)
           << ") is not bit-identical to expected " << expected << " (bits "
           << std::bit_cast<std::uint64_t>(expected) << std::dec << ")";
}

inline QByteArray fileContent(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

inline bool writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

/// A malformed input and where its first problem is, for the readers' TEST_P tables.
struct BadInput
{
    const char* name; ///< test name suffix (letters, digits, underscores)
    QByteArray text;
    int line;          ///< expected LoadError::line
    const char* field; ///< expected LoadError::field
};

inline void PrintTo(const BadInput& input, std::ostream* os)
{
    *os << input.name;
}

} // namespace plab::test
