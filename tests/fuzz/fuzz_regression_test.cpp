// Replays every kept input with the normal suite (any compiler, and instrumented in the
// asan-ubsan run): the seed corpora (tests/fuzz/corpus/<reader>/), every input a fuzzer ever
// broke a reader with (tests/fuzz/regressions/<reader>/), and the files of the robustness table
// (docs/robustness.md): tests/data/bad/<reader>/, which the reader must reject, and
// tests/data/edge/<reader>/, which it must accept. Each file is its own test, named after the
// reader, the folder and the file, and must satisfy the reader's properties (inputchecks.h).

#include "inputchecks.h"
#include "io/datasetfile.h"
#include "io/projectfile.h"

#include <QDir>
#include <QFile>
#include <gtest/gtest.h>

#include <cctype>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace plab::fuzz {
namespace {

using Check = std::function<std::optional<QString>(QByteArrayView)>;
using Accepts = std::function<bool(QByteArrayView)>;

struct Reader
{
    const char* name; ///< the folder below corpus/, regressions/, bad/ and edge/
    Check check;
    Accepts accepts; ///< empty for the command line (some bad command lines fail only when run)
};

const std::vector<Reader>& readers()
{
    static const std::vector<Reader> all{
        {"csv", checkCsvInput,
         [](QByteArrayView bytes) {
             return io::readDatasetCsvText(bytes, QStringLiteral("kept.csv")).has_value();
         }},
        {"project", checkProjectInput,
         [](QByteArrayView bytes) {
             return io::readProjectText(bytes, QStringLiteral("kept.json")).has_value();
         }},
        {"cli", checkCliInput, {}}};
    return all;
}

enum class Expect
{
    Properties, ///< only the properties
    Rejected,   ///< and the reader says no
    Accepted,   ///< and the reader says yes
};

struct Folder
{
    const char* root;
    const char* name;
    Expect expect;
};

struct KeptInput
{
    std::string reader;
    Expect expect = Expect::Properties;
    QString path;
    std::string testName;
};

std::vector<KeptInput> keptInputs()
{
    static const Folder kFolders[] = {
        {PLAB_FUZZ_DIR, "corpus", Expect::Properties},
        {PLAB_FUZZ_DIR, "regressions", Expect::Properties},
        {PLAB_DATA_DIR, "bad", Expect::Rejected},
        {PLAB_DATA_DIR, "edge", Expect::Accepted},
    };
    std::vector<KeptInput> inputs;
    for (const Reader& reader : readers()) {
        for (const Folder& folder : kFolders) {
            const QDir dir(QStringLiteral("%1/%2/%3")
                               .arg(QLatin1String(folder.root), QLatin1String(folder.name),
                                    QLatin1String(reader.name)));
            const QStringList files = dir.entryList(QDir::Files, QDir::Name);
            for (const QString& file : files) {
                std::string name =
                    std::string(reader.name) + "_" + folder.name + "_" + file.toStdString();
                for (char& c : name) {
                    if (!std::isalnum(static_cast<unsigned char>(c)))
                        c = '_';
                }
                inputs.push_back({reader.name, folder.expect, dir.filePath(file), name});
            }
        }
    }
    return inputs;
}

const Reader& readerNamed(const std::string& name)
{
    for (const Reader& reader : readers()) {
        if (name == reader.name)
            return reader;
    }
    throw std::invalid_argument(name);
}

class KeptFuzzInput : public ::testing::TestWithParam<KeptInput>
{};

TEST_P(KeptFuzzInput, SatisfiesTheReadersProperties)
{
    const KeptInput& input = GetParam();
    QFile file(input.path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << input.path.toStdString();
    const QByteArray bytes = file.readAll();
    const std::optional<QString> violation = readerNamed(input.reader).check(bytes);
    EXPECT_FALSE(violation.has_value())
        << input.path.toStdString() << ": " << violation.value_or(QString()).toStdString();
    const Accepts& accepts = readerNamed(input.reader).accepts;
    if (accepts && input.expect != Expect::Properties) {
        EXPECT_EQ(accepts(bytes), input.expect == Expect::Accepted)
            << input.path.toStdString()
            << (input.expect == Expect::Accepted ? " was rejected" : " was accepted");
    }
}

INSTANTIATE_TEST_SUITE_P(Files, KeptFuzzInput, ::testing::ValuesIn(keptInputs()),
                         [](const ::testing::TestParamInfo<KeptInput>& info) {
                             return info.param.testName;
                         });

TEST(KeptFuzzInputs, EveryReaderHasSeedsAndBadInputs)
{
    // Guards the path and the folder layout: an empty list would make the replay vacuous.
    for (const Reader& reader : readers()) {
        for (const char* root : {PLAB_FUZZ_DIR "/corpus", PLAB_DATA_DIR "/bad"}) {
            const QDir dir(
                QStringLiteral("%1/%2").arg(QLatin1String(root), QLatin1String(reader.name)));
            EXPECT_GE(dir.entryList(QDir::Files).size(), 5) << root << "/" << reader.name;
        }
    }
}

} // namespace
} // namespace plab::fuzz
