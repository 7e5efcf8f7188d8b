// The CSV data set reader and writer: a table of malformed inputs, each with the exact line and
// field the error must name; accepted variants (BOM, CRLF, comments, -1/+1); bit-exact round
// trips; failed writes that leave the previous file intact.

#include "fileformat_support.h"
#include "io/datasetfile.h"
#include "io/textfile.h"
#include "learning/settings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <gtest/gtest.h>

#include <csignal>
#include <cstring>
#include <limits>
#include <random>
#include <sys/resource.h>

namespace plab::io {
namespace {

using test::BadInput;
using test::sameBits;

const QString kName = QStringLiteral("data.csv");

class MalformedCsv : public ::testing::TestWithParam<BadInput>
{};

TEST_P(MalformedCsv, NamesLineAndField)
{
    const BadInput& input = GetParam();
    const Result<learning::Dataset, LoadError> result = readDatasetCsvText(input.text, kName);
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().file, kName);
    EXPECT_EQ(result.error().line, input.line) << result.error().toString().toStdString();
    EXPECT_EQ(result.error().field, QString::fromLatin1(input.field))
        << result.error().toString().toStdString();
    EXPECT_FALSE(result.error().message.isEmpty());
    EXPECT_FALSE(result.error().toString().contains(u'\n'));
}

const QByteArray kHeader = "x1,x2,label\n";

INSTANTIATE_TEST_SUITE_P(
    Table, MalformedCsv,
    ::testing::Values(BadInput{"EmptyFile", "", 0, "header"},
                      BadInput{"OnlyBlankLines", "\n  \n\r\n", 0, "header"},
                      BadInput{"OnlyComments", "# nothing\n\n# here\n", 0, "header"},
                      BadInput{"WrongHeader", "a,b,c\n0,0,0\n", 1, "header"},
                      BadInput{"HeaderCaseMatters", "X1,X2,Label\n", 1, "header"},
                      BadInput{"HeaderMissingDataFirst", "0,0,0\n1,1,1\n", 1, "header"},
                      BadInput{"HeaderExtraColumn", "x1,x2,label,weight\n", 1, "header"},
                      BadInput{"HeaderAfterComment", "# made by hand\n\nx1,x2\n", 3, "header"},
                      BadInput{"MissingLabel", kHeader + "0,0\n", 2, "label"},
                      BadInput{"MissingTwoColumns", kHeader + "0,0,0\n0\n", 3, "x2"},
                      BadInput{"ExtraColumn", kHeader + "0,0,1,5\n", 2, "column 4"},
                      BadInput{"TrailingComma", kHeader + "0,0,1,\n", 2, "column 4"},
                      BadInput{"NonNumericX1", kHeader + "abc,0,1\n", 2, "x1"},
                      BadInput{"NonNumericX2", kHeader + "0,1O,1\n", 2, "x2"},
                      BadInput{"EmptyField", kHeader + ",1,1\n", 2, "x1"},
                      BadInput{"SpaceInsideNumber", kHeader + "1 2,3,1\n", 2, "x1"},
                      BadInput{"HexNumber", kHeader + "0x10,0,1\n", 2, "x1"},
                      BadInput{"DoubleSign", kHeader + "+-1,0,1\n", 2, "x1"},
                      BadInput{"ExponentWithoutDigits", kHeader + "1e,0,1\n", 2, "x1"},
                      BadInput{"NaN", kHeader + "nan,0,1\n", 2, "x1"},
                      BadInput{"Infinity", kHeader + "0,inf,1\n", 2, "x2"},
                      BadInput{"NegativeInfinity", kHeader + "0,-Infinity,1\n", 2, "x2"},
                      BadInput{"BeyondLimit", kHeader + "1000000000.5,0,1\n", 2, "x1"},
                      BadInput{"BeyondLimitNegative", kHeader + "0,-1e10,1\n", 2, "x2"},
                      BadInput{"OverflowsDouble", kHeader + "1e400,0,1\n", 2, "x1"},
                      BadInput{"UnderflowsDouble", kHeader + "0,1e-400,1\n", 2, "x2"},
                      BadInput{"LabelEight", kHeader + "0,0,8\n", 2, "label"},
                      BadInput{"LabelMinusTwo", kHeader + "0,0,-2\n", 2, "label"},
                      BadInput{"LabelFraction", kHeader + "0,0,0.5\n", 2, "label"},
                      BadInput{"LabelText", kHeader + "0,0,yes\n", 2, "label"},
                      BadInput{"LabelEmpty", kHeader + "0,0,\n", 2, "label"},
                      BadInput{"TrailingComment", kHeader + "0,0,1 # positive\n", 2, "label"},
                      BadInput{"LaterLineCounted", "# c\r\n" + kHeader + "0,0,0\r\n\r\n1,1,x\r\n",
                               5, "label"},
                      BadInput{"TruncatedLastLine", kHeader + "0,0,0\n1,0", 3, "label"},
                      BadInput{"InvalidUtf8InComment", "x1,x2,label\n# caf\xe9\n0,0,0\n", 2, ""},
                      BadInput{"BinaryGarbage", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 1, ""}),
    [](const ::testing::TestParamInfo<BadInput>& info) { return std::string(info.param.name); });

TEST(DatasetCsv, NulByteInsideALineIsFound)
{
    // A QByteArray literal would stop at the NUL: build the text explicitly.
    QByteArray text = kHeader + "0,0,0\n1,1,";
    text.append('\0');
    text.append("1\n");
    const Result<learning::Dataset, LoadError> result = readDatasetCsvText(text, kName);
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().line, 3);
    EXPECT_TRUE(result.error().message.contains(QStringLiteral("NUL")));
}

TEST(DatasetCsv, LabelsZeroToSevenAreClassesAndWriteBack)
{
    const auto read = readDatasetCsvText(QByteArray(kHeader + "0,0,0\n1,0,2\n0,1,7\n"), kName);
    ASSERT_TRUE(read) << read.error().toString().toStdString();
    EXPECT_EQ(read->labels(), (std::vector<int>{0, 2, 7}));
    EXPECT_FALSE(datasetWriteProblem(read.value()));
    EXPECT_EQ(datasetCsvText(read.value()), QByteArray("x1,x2,label\n0,0,0\n1,0,2\n0,1,7\n"));
    // -1 is class 0 of a two-class file, as before.
    const auto signs = readDatasetCsvText(QByteArray(kHeader + "0,0,-1\n1,0,+1\n"), kName);
    ASSERT_TRUE(signs);
    EXPECT_EQ(signs->labels(), (std::vector<int>{0, 1}));
}

TEST(DatasetCsv, MessagesSayWhatIsWrong)
{
    const auto message = [](const QByteArray& text) {
        return readDatasetCsvText(text, kName).error().toString();
    };
    EXPECT_EQ(message(kHeader + "0,abc,1\n"),
              QStringLiteral("data.csv:2: x2: not a number: \"abc\""));
    EXPECT_EQ(message(kHeader + "nan,0,1\n"),
              QStringLiteral("data.csv:2: x1: not a finite number: \"nan\""));
    EXPECT_EQ(message(kHeader + "0,0,8\n"),
              QStringLiteral("data.csv:2: label: the label must be a class 0 to 7 (or -1 or +1 "
                             "for two classes), found \"8\""));
    EXPECT_EQ(message(kHeader + "0,0,-2\n"),
              QStringLiteral("data.csv:2: label: the label must be a class 0 to 7 (or -1 or +1 "
                             "for two classes), found \"-2\""));
    EXPECT_EQ(message(kHeader + "0,0,-1\n1,1,1\n2,2,2\n"),
              QStringLiteral("data.csv:4: label: -1 (line 2) and a class above 1 (line 4) cannot "
                             "be in one file: -1/+1 labels are for two classes, 0 to 7 for more"));
    EXPECT_EQ(
        message("a,b\n"),
        QStringLiteral("data.csv:1: header: expected the header \"x1,x2,label\", found \"a,b\""));
    EXPECT_EQ(message(kHeader + "1e10,0,1\n"),
              QStringLiteral("data.csv:2: x1: 1e10 is beyond the limit of \u00b11e9"));
}

TEST(DatasetCsv, AcceptsBomCrlfCommentsSpacesAndBothLabelConventions)
{
    const QByteArray text = "\xEF\xBB\xBF# AND, written by hand\r\n"
                            "\r\n"
                            "  x1 , x2 ,label  \r\n"
                            "0,0,-1\r\n"
                            "   # a comment between points\r\n"
                            "0, 1, 0\r\n"
                            "\t1,0,-1\r\n"
                            "1,1,+1\r\n"
                            "2.5e-1,-.5,1"; // no final line end
    const Result<learning::Dataset, LoadError> result = readDatasetCsvText(text, kName);
    ASSERT_TRUE(result.has_value()) << result.error().toString().toStdString();
    const learning::Dataset& data = result.value();
    ASSERT_EQ(data.size(), 5u);
    EXPECT_EQ(data.labels(), (std::vector<int>{0, 0, 0, 1, 1}));
    EXPECT_EQ(data.coordinates(), (std::vector<double>{0, 0, 0, 1, 1, 0, 1, 1, 0.25, -0.5}));
}

TEST(DatasetCsv, HeaderOnlyIsAnEmptyDataSet)
{
    const Result<learning::Dataset, LoadError> result = readDatasetCsvText("x1,x2,label\n", kName);
    ASSERT_TRUE(result.has_value());
    EXPECT_TRUE(result.value().empty());
}

TEST(DatasetCsv, AcceptsTheLimitsThemselves)
{
    const Result<learning::Dataset, LoadError> result =
        readDatasetCsvText(QByteArray(kHeader + "1e9,-1000000000,1\n4.9e-324,-0,0\n"), kName);
    ASSERT_TRUE(result.has_value()) << result.error().toString().toStdString();
    EXPECT_EQ(result.value().point(0), Eigen::Vector2d(1e9, -1e9));
    EXPECT_TRUE(sameBits(result.value().point(1).x(), std::numeric_limits<double>::denorm_min()));
    EXPECT_TRUE(sameBits(result.value().point(1).y(), -0.0));
}

TEST(DatasetCsv, RefusesMoreThanThePointLimitAtTheFirstPointTooMany)
{
    QByteArray text = kHeader;
    text.reserve(qsizetype(8 * learning::kMaxPoints + 64));
    for (std::size_t i = 0; i < learning::kMaxPoints; ++i)
        text += (i % 2 == 0) ? "0,0,0\n" : "1,1,1\n";
    const Result<learning::Dataset, LoadError> atLimit = readDatasetCsvText(text, kName);
    ASSERT_TRUE(atLimit.has_value());
    EXPECT_EQ(atLimit.value().size(), learning::kMaxPoints);

    text += "2,2,1\n";
    const Result<learning::Dataset, LoadError> beyond = readDatasetCsvText(text, kName);
    ASSERT_FALSE(beyond.has_value());
    EXPECT_EQ(beyond.error().line, int(learning::kMaxPoints) + 2); // the header is line 1
    EXPECT_TRUE(beyond.error().message.contains(QStringLiteral("2000000")));
}

TEST(DatasetCsv, MissingFileAndFolderAreNamed)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString missing = dir.filePath(QStringLiteral("nope.csv"));
    const Result<learning::Dataset, LoadError> a = readDatasetCsv(missing);
    ASSERT_FALSE(a.has_value());
    EXPECT_EQ(a.error().file, missing);
    EXPECT_EQ(a.error().line, 0);
    EXPECT_TRUE(a.error().message.contains(QStringLiteral("does not exist")));

    const Result<learning::Dataset, LoadError> b = readDatasetCsv(dir.path());
    ASSERT_FALSE(b.has_value());
    EXPECT_TRUE(b.error().message.contains(QStringLiteral("folder")));
}

TEST(DatasetCsv, UnreadableFileIsRefused)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("secret.csv"));
    ASSERT_TRUE(test::writeFile(path, "x1,x2,label\n"));
    ASSERT_TRUE(QFile::setPermissions(path, QFileDevice::WriteOwner));
    QFile probe(path);
    if (probe.open(QIODevice::ReadOnly))
        GTEST_SKIP() << "running as root: permissions do not stop reading";
    const Result<learning::Dataset, LoadError> result = readDatasetCsv(path);
    ASSERT_FALSE(result.has_value());
    EXPECT_TRUE(result.error().message.contains(QStringLiteral("cannot be read")));
}

std::vector<double> awkwardDoubles()
{
    return {0.1,
            0.2,
            0.30000000000000004,
            1.0 / 3.0,
            2.0 / 3.0,
            1e-300,
            -1e-300,
            std::numeric_limits<double>::denorm_min(),
            -std::numeric_limits<double>::denorm_min(),
            std::numeric_limits<double>::min(),
            -0.0,
            0.0,
            1e9,
            -1e9,
            999999999.99999988,
            std::nextafter(1.0, 2.0),
            std::nextafter(1.0, 0.0),
            3.141592653589793,
            123456.789e3,
            5e-324 * 3,
            1e-7,
            4.35,
            0.1 + 0.7};
}

learning::Dataset awkwardDataset()
{
    const std::vector<double> values = awkwardDoubles();
    learning::Dataset data;
    for (std::size_t i = 0; i < values.size(); ++i)
        data.add({values[i], values[values.size() - 1 - i]}, int(i % 2));
    return data;
}

void expectBitIdentical(const learning::Dataset& actual, const learning::Dataset& expected)
{
    ASSERT_EQ(actual.size(), expected.size());
    EXPECT_EQ(actual.labels(), expected.labels());
    for (std::size_t i = 0; i < expected.coordinates().size(); ++i)
        EXPECT_TRUE(sameBits(actual.coordinates()[i], expected.coordinates()[i])) << "value " << i;
}

TEST(DatasetCsv, RoundTripIsBitExactThroughAFile)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("awkward.csv"));
    const learning::Dataset data = awkwardDataset();
    ASSERT_FALSE(writeDatasetCsv(data, path).has_value());
    const Result<learning::Dataset, LoadError> back = readDatasetCsv(path);
    ASSERT_TRUE(back.has_value()) << back.error().toString().toStdString();
    expectBitIdentical(back.value(), data);
}

TEST(DatasetCsv, RoundTripIsBitExactForRandomBitPatterns)
{
    std::mt19937_64 random(20240601);
    learning::Dataset data;
    while (data.size() < 20000) {
        const double a = std::bit_cast<double>(random());
        const double b = std::bit_cast<double>(random());
        if (std::isfinite(a) && std::isfinite(b) && std::abs(a) <= 1e9 && std::abs(b) <= 1e9)
            data.add({a, b}, int(random() % 2));
    }
    const Result<learning::Dataset, LoadError> back =
        readDatasetCsvText(datasetCsvText(data), kName);
    ASSERT_TRUE(back.has_value()) << back.error().toString().toStdString();
    expectBitIdentical(back.value(), data);
}

TEST(DatasetCsv, WriterUsesShortestNumbersAndZeroOneLabels)
{
    learning::Dataset data;
    data.add({0.1, -0.0}, 0);
    data.add({1e-300, 100.0}, 1);
    EXPECT_EQ(datasetCsvText(data), QByteArray("x1,x2,label\n0.1,-0.0,0\n1e-300,100,1\n"));
}

TEST(DatasetCsv, RefusesToWriteWhatCouldNotBeReadBack)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("keep.csv"));
    ASSERT_TRUE(test::writeFile(path, "x1,x2,label\n0,0,1\n"));
    const learning::Dataset valid = awkwardDataset();

    learning::Dataset nan = valid;
    nan.add({std::nan(""), 0.0}, 1);
    learning::Dataset huge = valid;
    huge.add({0.0, 2e9}, 1);
    learning::Dataset badClass = valid;
    badClass.add({0.0, 0.0}, 8);
    for (const learning::Dataset* bad : {&nan, &huge, &badClass}) {
        const std::optional<SaveError> error = writeDatasetCsv(*bad, path);
        ASSERT_TRUE(error.has_value());
        EXPECT_EQ(error->file, path);
        EXPECT_EQ(test::fileContent(path), QByteArray("x1,x2,label\n0,0,1\n"));
    }
}

TEST(DatasetCsv, WriteIntoAMissingFolderFailsAndCreatesNothing)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("gone/data.csv"));
    const std::optional<SaveError> error = writeDatasetCsv(awkwardDataset(), path);
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->file, path);
    EXPECT_TRUE(error->toString().startsWith(path + QStringLiteral(": ")));
    EXPECT_FALSE(QFileInfo::exists(path));
    EXPECT_FALSE(QFileInfo::exists(dir.filePath(QStringLiteral("gone"))));
}

TEST(DatasetCsv, WriteOntoAFolderFails)
{
    QTemporaryDir dir;
    ASSERT_TRUE(QDir(dir.path()).mkdir(QStringLiteral("data.csv")));
    const QString path = dir.filePath(QStringLiteral("data.csv"));
    EXPECT_TRUE(writeDatasetCsv(awkwardDataset(), path).has_value());
    EXPECT_TRUE(QFileInfo(path).isDir());
}

TEST(DatasetCsv, WriteIntoAReadOnlyFolderKeepsTheOldFile)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("data.csv"));
    const QByteArray old = "x1,x2,label\n0,0,1\n";
    ASSERT_TRUE(test::writeFile(path, old));
    ASSERT_TRUE(QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    QFile probe(dir.filePath(QStringLiteral("probe")));
    if (probe.open(QIODevice::WriteOnly)) {
        probe.remove();
        QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                              QFileDevice::ExeOwner);
        GTEST_SKIP() << "running as root: a read-only folder is still writable";
    }
    const std::optional<SaveError> error = writeDatasetCsv(awkwardDataset(), path);
    QFile::setPermissions(dir.path(),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(test::fileContent(path), old);
}

/// A write that fails half-way, as on a full disk: a file size limit (RLIMIT_FSIZE) makes the
/// kernel refuse the bytes beyond it, for root too.
TEST(DatasetCsv, WriteFailingHalfWayKeepsTheOldFile)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("data.csv"));
    const QByteArray old = "x1,x2,label\n0,0,1\n";
    ASSERT_TRUE(test::writeFile(path, old));
    learning::Dataset big;
    for (int i = 0; i < 5000; ++i)
        big.add({0.1 * i, -0.3 * i}, i % 2);

    rlimit saved{};
    ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &saved), 0);
    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = saved;
    small.rlim_cur = 4096;
    ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &small), 0);
    const std::optional<SaveError> error = writeDatasetCsv(big, path);
    setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previousHandler);

    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(test::fileContent(path), old);
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
              QStringList{QStringLiteral("data.csv")}); // no temporary file left behind
}

TEST(LoadErrorText, LeavesOutWhatIsUnknown)
{
    EXPECT_EQ((LoadError{QStringLiteral("a.csv"), 3, QStringLiteral("x1"), QStringLiteral("bad")})
                  .toString(),
              QStringLiteral("a.csv:3: x1: bad"));
    EXPECT_EQ((LoadError{QStringLiteral("a.csv"), 0, QString(), QStringLiteral("bad")}).toString(),
              QStringLiteral("a.csv: bad"));
    EXPECT_EQ(
        (LoadError{QStringLiteral("a.csv"), 0, QStringLiteral("header"), QStringLiteral("bad")})
            .toString(),
        QStringLiteral("a.csv: header: bad"));
    EXPECT_EQ((SaveError{QStringLiteral("b.json"), QStringLiteral("disk full")}).toString(),
              QStringLiteral("b.json: disk full"));
}

} // namespace
} // namespace plab::io
