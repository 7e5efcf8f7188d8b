// `perceptron-lab export` run as a user would, without a display: files of the requested kind and
// size, exit status 2 with one line on standard error and no file after bad input, the parser's
// handling of the export options.

#include "app/cli/cliparser.h"
#include "app/cli/options.h"

#include <QDir>
#include <QDomDocument>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <gtest/gtest.h>

#include <csignal>
#include <gif_lib.h>
#include <sys/types.h>
#include <utility>

namespace plab::cli {
namespace {

const QString kBinary = QStringLiteral(PLAB_CLI_BINARY);
const QString kAnd = QStringLiteral(PLAB_EXAMPLES_DIR "/and.csv");

struct ProcessResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

/// Runs the binary without a display: no DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM.
ProcessResult run(const QStringList& arguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        environment.remove(QString::fromLatin1(name));
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(kBinary, QStringList{QStringLiteral("export")} + arguments);
    if (!process.waitForFinished(120'000)) {
        process.kill();
        process.waitForFinished();
        ADD_FAILURE() << "perceptron-lab export did not finish";
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

QStringList entries(const QTemporaryDir& dir)
{
    return QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
}

TEST(ExportCli, StillPngWithoutADisplayHasTheSizeAndText)
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("and.png"));
    const ProcessResult r =
        run({QStringLiteral("--data"), kAnd, QStringLiteral("--size"), QStringLiteral("800x450"),
             QStringLiteral("--scale"), QStringLiteral("2"), QStringLiteral("--caption"),
             QStringLiteral("--out"), out});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.err.isEmpty()) << r.err.toStdString();
    const QImage image(out);
    ASSERT_EQ(image.size(), QSize(1600, 900));
    // The caption band (the top 40 logical pixels) holds dark text on the light background:
    // fonts work without a display.
    int dark = 0;
    for (int y = 0; y < 80; ++y)
        for (int x = 0; x < 1600; ++x)
            dark += qGray(image.pixel(x, y)) < 100 ? 1 : 0;
    EXPECT_GT(dark, 200);
}

TEST(ExportCli, StoryboardSvgAndPagesPdf)
{
    QTemporaryDir dir;
    const QString svg = dir.filePath(QStringLiteral("story.svg"));
    ProcessResult r =
        run({QStringLiteral("--data"), kAnd, QStringLiteral("--layout"),
             QStringLiteral("storyboard"), QStringLiteral("--theme"), QStringLiteral("print"),
             QStringLiteral("--size"), QStringLiteral("1600x900"), QStringLiteral("--out"), svg});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    QFile file(svg);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    QDomDocument doc;
    ASSERT_TRUE(doc.setContent(file.readAll()));
    EXPECT_EQ(doc.documentElement().attribute(QStringLiteral("viewBox")).simplified(),
              u"0 0 1600 900");
    // AND converges at epoch 6 (5 and the mistake-free pass): panels 0, 1, 2, 3, 5, 6, each with
    // its heading.
    int headings = 0;
    const QDomNodeList texts = doc.elementsByTagName(QStringLiteral("text"));
    for (int i = 0; i < texts.size(); ++i)
        headings += texts.at(i).toElement().text().startsWith(u"Epoch ") ? 1 : 0;
    EXPECT_EQ(headings, 6);

    const QString pdf = dir.filePath(QStringLiteral("pages.pdf"));
    r = run({QStringLiteral("--data"), kAnd, QStringLiteral("--layout"), QStringLiteral("pages"),
             QStringLiteral("--epochs"), QStringLiteral("0,1,2,5"), QStringLiteral("--out"), pdf});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    QFile pdfFile(pdf);
    ASSERT_TRUE(pdfFile.open(QIODevice::ReadOnly));
    const QByteArray bytes = pdfFile.readAll();
    EXPECT_TRUE(bytes.startsWith("%PDF-"));
    EXPECT_EQ(bytes.count("/Type /Page\n") + bytes.count("/Type /Page\r") +
                  bytes.count("/Type /Page "),
              4);
}

TEST(ExportCli, AJapanesePdfKeepsItsDigitsInTheTextLayer)
{
    // Copy and search in a Japanese PDF: the caption's digits were lost to the text layer
    // (pdftotext gave "w = ( , ) · b = −") when the CJK font was the fallback. Read back with
    // pdftotext (poppler-utils, in scripts/deps.sh), under a Japanese locale and LANGUAGE alone.
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (pdftotext.isEmpty())
        GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("ja.pdf"));
    for (const auto& [name, value] :
         {std::pair{"LANG", "ja_JP.UTF-8"}, std::pair{"LANGUAGE", "ja"}}) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const char* unset :
             {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "LC_ALL", "LANG", "LANGUAGE"})
            environment.remove(QString::fromLatin1(unset));
        environment.insert(QString::fromLatin1(name), QString::fromLatin1(value));
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(kBinary, {QStringLiteral("export"), QStringLiteral("--project"),
                                QStringLiteral(PLAB_EXAMPLES_DIR "/lesson-2-and.json"),
                                QStringLiteral("--epochs"), QStringLiteral("3"),
                                QStringLiteral("--caption"), QStringLiteral("--out"), pdf});
        ASSERT_TRUE(process.waitForFinished(60'000));
        ASSERT_EQ(process.exitCode(), 0) << process.readAllStandardError().toStdString();
        QProcess text;
        text.start(pdftotext, {pdf, QStringLiteral("-")});
        ASSERT_TRUE(text.waitForFinished(60'000));
        const QString layer = QString::fromUtf8(text.readAllStandardOutput());
        // Epoch 3 of lesson 2: w = (2, 1), b = -2, one error; in Japanese ("エポック 3").
        EXPECT_TRUE(layer.contains(u"エポック 3")) << name << ": " << layer.toStdString();
        EXPECT_TRUE(layer.contains(u"w = (2, 1)")) << name << ": " << layer.toStdString();
        EXPECT_TRUE(layer.contains(u"b = −2")) << name << ": " << layer.toStdString();
    }
}

TEST(ExportCli, GifOfEverySampleVisit)
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("steps.gif"));
    const ProcessResult r =
        run({QStringLiteral("--data"), kAnd, QStringLiteral("--steps"), QStringLiteral("--epochs"),
             QStringLiteral("0-2"), QStringLiteral("--size"), QStringLiteral("320x200"),
             QStringLiteral("--delay"), QStringLiteral("250"), QStringLiteral("--out"), out});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    int error = 0;
    GifFileType* gif = DGifOpenFileName(QFile::encodeName(out).constData(), &error);
    ASSERT_NE(gif, nullptr);
    ASSERT_EQ(DGifSlurp(gif), GIF_OK);
    EXPECT_EQ(gif->ImageCount, 1 + 4 + 4); // epoch 0, then the visits of epochs 1 and 2
    EXPECT_EQ(gif->SWidth, 320);
    EXPECT_EQ(gif->SHeight, 200);
    DGifCloseFile(gif, &error);
}

TEST(ExportCli, FramesIntoAFolderAndATableToStandardOutput)
{
    QTemporaryDir dir;
    ProcessResult r =
        run({QStringLiteral("--data"), kAnd, QStringLiteral("--layout"), QStringLiteral("frames"),
             QStringLiteral("--epochs"), QStringLiteral("0,last"), QStringLiteral("--size"),
             QStringLiteral("400x300"), QStringLiteral("--out"), dir.path()});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(entries(dir),
              (QStringList{QStringLiteral("epoch000.png"), QStringLiteral("epoch006.png")}));
    EXPECT_EQ(QImage(dir.filePath(QStringLiteral("epoch006.png"))).size(), QSize(400, 300));

    r = run({QStringLiteral("--data"), kAnd, QStringLiteral("--table"), QStringLiteral("csv"),
             QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--out"),
             QStringLiteral("-")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.out, "epoch,sample,x1,x2,target,net,output,update,w1,w2,b\n"
                     "1,1,0,0,0,0,1,-1,0,0,-1\n"
                     "1,2,0,1,0,-1,0,0,0,0,-1\n"
                     "1,3,1,0,0,-1,0,0,0,0,-1\n"
                     "1,4,1,1,1,-1,0,1,1,1,0\n");
}

struct BadCase
{
    const char* name;
    QStringList arguments; ///< after --data and.csv --out <dir>/out.<ext>
    const char* ext;
    const char* message; ///< part of the error line
};

class ExportCliBadInput : public ::testing::TestWithParam<BadCase>
{};

TEST_P(ExportCliBadInput, OneLineExitTwoNoFile)
{
    const BadCase& c = GetParam();
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("out.") + QString::fromLatin1(c.ext));
    const ProcessResult r = run(
        QStringList{QStringLiteral("--data"), kAnd, QStringLiteral("--out"), out} + c.arguments);
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.startsWith("perceptron-lab: ")) << r.err.toStdString();
    EXPECT_EQ(r.err.count('\n'), 1) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(c.message)) << r.err.toStdString();
    EXPECT_TRUE(r.out.isEmpty());
    EXPECT_TRUE(entries(dir).isEmpty()) << entries(dir).join(u' ').toStdString();
}

INSTANTIATE_TEST_SUITE_P(
    Table, ExportCliBadInput,
    ::testing::Values(
        BadCase{"EpochNotReached",
                {QStringLiteral("--epochs"), QStringLiteral("0,9")},
                "png",
                "--epochs: epoch 9 was not reached"},
        BadCase{"BadSize", {QStringLiteral("--size"), QStringLiteral("0x10")}, "png", "--size"},
        BadCase{"TooLarge",
                {QStringLiteral("--size"), QStringLiteral("9000x900"), QStringLiteral("--scale"),
                 QStringLiteral("2")},
                "png",
                "at most 16384"},
        BadCase{"UnknownTheme",
                {QStringLiteral("--theme"), QStringLiteral("neon")},
                "png",
                "--theme: unknown value"},
        BadCase{"GifStoryboard",
                {QStringLiteral("--layout"), QStringLiteral("storyboard")},
                "gif",
                "--layout"},
        BadCase{"PagesAsPng",
                {QStringLiteral("--layout"), QStringLiteral("pages"), QStringLiteral("--format"),
                 QStringLiteral("png")},
                "png",
                "pages"},
        BadCase{"SeveralFramesInOneImage",
                {QStringLiteral("--epochs"), QStringLiteral("1,2")},
                "png",
                "one frame"},
        BadCase{"MissingFolder",
                {QStringLiteral("--out"), QStringLiteral("/nonexistent/x.png")},
                "png",
                "cannot be written"},
        BadCase{"BadLearningRate", {QStringLiteral("--lr"), QStringLiteral("0")}, "png", "--lr"},
        BadCase{"BadEpochLimit",
                {QStringLiteral("--max-epochs"), QStringLiteral("0")},
                "png",
                "--max-epochs"},
        BadCase{"TraceIsATrainOption",
                {QStringLiteral("--trace"), QStringLiteral("t.jsonl")},
                "png",
                "unknown option"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(ExportCli, MissingInputFileLeavesNothing)
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("x.png"));
    const ProcessResult r = run({QStringLiteral("--data"), dir.filePath(QStringLiteral("no.csv")),
                                 QStringLiteral("--out"), out});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err.count('\n'), 1);
    EXPECT_FALSE(QFileInfo::exists(out));
}

// An output never replaces an input, the --init layers included.
TEST(ExportCli, OutNeverReplacesTheInitFile)
{
    QTemporaryDir dir;
    const QString layers = dir.filePath(QStringLiteral("layers.json"));
    QFile file(layers);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    const QByteArray content = R"({"layers":[{"W":[[1,1]],"b":[-1.5]}]})";
    file.write(content);
    file.close();
    const ProcessResult r =
        run({QStringLiteral("--data"), kAnd, QStringLiteral("--init"), layers,
             QStringLiteral("--format"), QStringLiteral("png"), QStringLiteral("--out"), layers});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains("--init")) << r.err.toStdString();
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll(), content);
}

// The file's name and the format agree, or nothing is written.
TEST(ExportCli, AFormatThatContradictsTheNameIsRefused)
{
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("x.png"));
    const ProcessResult mismatch = run({QStringLiteral("--data"), kAnd, QStringLiteral("--format"),
                                        QStringLiteral("pdf"), QStringLiteral("--out"), png});
    EXPECT_EQ(mismatch.exitCode, 2);
    EXPECT_TRUE(mismatch.err.startsWith("perceptron-lab: --format: "))
        << mismatch.err.toStdString();
    EXPECT_TRUE(mismatch.err.contains("x.png")) << mismatch.err.toStdString();
    const QString jpg = dir.filePath(QStringLiteral("o.jpg"));
    const ProcessResult unknown =
        run({QStringLiteral("--data"), kAnd, QStringLiteral("--out"), jpg});
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_TRUE(unknown.err.startsWith("perceptron-lab: --out: ")) << unknown.err.toStdString();
    EXPECT_TRUE(unknown.err.contains(".jpg")) << unknown.err.toStdString();
    EXPECT_TRUE(entries(dir).isEmpty()) << entries(dir).join(u' ').toStdString();
    // Without --format the name decides.
    const QString pdf = dir.filePath(QStringLiteral("x.pdf"));
    ASSERT_EQ(run({QStringLiteral("--data"), kAnd, QStringLiteral("--out"), pdf}).exitCode, 0);
    QFile written(pdf);
    ASSERT_TRUE(written.open(QIODevice::ReadOnly));
    EXPECT_TRUE(written.read(5) == "%PDF-");
}

// Values that cannot be honoured as given are refused, naming the option, and nothing is
// written: a table of epoch 0 alone (no visits), --scale for a vector format, GIF times that are
// not whole hundredths of a second or under 20 ms per frame.
TEST(ExportCli, ValuesThatCannotBeHonouredAreRefused)
{
    QTemporaryDir dir;
    const QString table = dir.filePath(QStringLiteral("t.md"));
    const QString svg = dir.filePath(QStringLiteral("x.svg"));
    const QString pdf = dir.filePath(QStringLiteral("x.pdf"));
    const QString gif = dir.filePath(QStringLiteral("x.gif"));
    const struct
    {
        QStringList arguments;
        const char* option;
    } cases[] = {
        {{QStringLiteral("--epochs"), QStringLiteral("0"), QStringLiteral("--table"),
          QStringLiteral("md"), QStringLiteral("--out"), table},
         "--epochs"},
        {{QStringLiteral("--scale"), QStringLiteral("2"), QStringLiteral("--out"), svg}, "--scale"},
        {{QStringLiteral("--scale"), QStringLiteral("2"), QStringLiteral("--out"), pdf}, "--scale"},
        {{QStringLiteral("--delay"), QStringLiteral("10"), QStringLiteral("--out"), gif},
         "--delay"},
        {{QStringLiteral("--delay"), QStringLiteral("15"), QStringLiteral("--out"), gif},
         "--delay"},
        {{QStringLiteral("--pause"), QStringLiteral("25"), QStringLiteral("--out"), gif},
         "--pause"},
        {{QStringLiteral("--epochs"), QStringLiteral("1,2"), QStringLiteral("--out"),
          dir.filePath(QStringLiteral("still.png"))},
         "--epochs"},
        {{QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--steps"),
          QStringLiteral("--out"), dir.filePath(QStringLiteral("still.png"))},
         "--steps"},
    };
    for (const auto& c : cases) {
        const ProcessResult r = run(QStringList{QStringLiteral("--data"), kAnd} + c.arguments);
        EXPECT_EQ(r.exitCode, 2) << c.arguments.join(u' ').toStdString();
        EXPECT_TRUE(r.err.startsWith(QByteArray(QByteArray("perceptron-lab: ") + c.option + ": ")))
            << r.err.toStdString();
        EXPECT_TRUE(entries(dir).isEmpty()) << entries(dir).join(u' ').toStdString();
    }
    // Epoch 0 with others is a table of those others; 20 ms is a valid GIF delay.
    EXPECT_EQ(
        run({QStringLiteral("--data"), kAnd, QStringLiteral("--epochs"), QStringLiteral("0,1"),
             QStringLiteral("--table"), QStringLiteral("md"), QStringLiteral("--out"), table})
            .exitCode,
        0);
    EXPECT_EQ(
        run({QStringLiteral("--data"), kAnd, QStringLiteral("--delay"), QStringLiteral("20"),
             QStringLiteral("--size"), QStringLiteral("320x180"), QStringLiteral("--out"), gif})
            .exitCode,
        0);
}

// Ctrl+C while numbered frames are written: the hidden folder they are staged in is removed, and
// the process ends by the signal as before.
TEST(ExportCli, AnInterruptedFramesExportLeavesNoHiddenFolder)
{
    QTemporaryDir dir;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        environment.remove(QString::fromLatin1(name));
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(kBinary,
                  {QStringLiteral("export"), QStringLiteral("--data"),
                   QStringLiteral(PLAB_EXAMPLES_DIR "/blobs.csv"), QStringLiteral("--layout"),
                   QStringLiteral("frames"), QStringLiteral("--steps"), QStringLiteral("--epochs"),
                   QStringLiteral("all"), QStringLiteral("--out"), dir.path()});
    ASSERT_TRUE(process.waitForStarted());
    // Wait until the staging folder is there, then press Ctrl+C.
    QElapsedTimer clock;
    clock.start();
    bool staged = false;
    while (!staged && clock.elapsed() < 60'000 && process.state() == QProcess::Running) {
        staged = !entries(dir).isEmpty();
        if (!staged)
            QThread::msleep(2);
    }
    ASSERT_TRUE(staged) << "the export ended before its frames were staged";
    ASSERT_EQ(::kill(pid_t(process.processId()), SIGINT), 0);
    ASSERT_TRUE(process.waitForFinished(60'000));
    EXPECT_EQ(process.exitStatus(), QProcess::CrashExit); // ended by SIGINT
    EXPECT_TRUE(entries(dir).isEmpty()) << entries(dir).join(u' ').toStdString();
}

std::variant<CliCommand, CliError> parse(const QStringList& arguments)
{
    return parseCommandLine(
        QStringList{QStringLiteral("perceptron-lab"), QStringLiteral("export")} + arguments);
}

TEST(ExportParser, ReadsEveryOption)
{
    const auto parsed = parse({QStringLiteral("--project"),
                               QStringLiteral("l.json"),
                               QStringLiteral("--rule"),
                               QStringLiteral("pocket"),
                               QStringLiteral("--max-epochs"),
                               QStringLiteral("40"),
                               QStringLiteral("--epochs"),
                               QStringLiteral("0,1,last"),
                               QStringLiteral("--steps"),
                               QStringLiteral("--format"),
                               QStringLiteral("pdf"),
                               QStringLiteral("--layout"),
                               QStringLiteral("pages"),
                               QStringLiteral("--size"),
                               QStringLiteral("16:9"),
                               QStringLiteral("--scale"),
                               QStringLiteral("2"),
                               QStringLiteral("--dpi"),
                               QStringLiteral("150"),
                               QStringLiteral("--theme"),
                               QStringLiteral("contrast"),
                               QStringLiteral("--title"),
                               QStringLiteral("Lesson 3"),
                               QStringLiteral("--no-legend"),
                               QStringLiteral("--chart"),
                               QStringLiteral("weights"),
                               QStringLiteral("--out=l.pdf")});
    ASSERT_TRUE(std::holds_alternative<CliCommand>(parsed))
        << std::get<CliError>(parsed).message.toStdString();
    const CliCommand& c = std::get<CliCommand>(parsed);
    ASSERT_EQ(c.kind, CliCommand::Kind::Export);
    const ExportArguments& a = c.exportArgs;
    EXPECT_EQ(a.training.projectFile, u"l.json");
    EXPECT_EQ(a.training.rule, learning::Rule::Pocket);
    EXPECT_EQ(a.training.maxEpochs, 40);
    EXPECT_EQ(a.epochs, u"0,1,last");
    EXPECT_TRUE(a.steps);
    EXPECT_EQ(a.format, u"pdf");
    EXPECT_EQ(a.layout, u"pages");
    EXPECT_EQ(a.size, u"16:9");
    EXPECT_EQ(a.scale, 2.0);
    EXPECT_EQ(a.dpi, 150.0);
    EXPECT_EQ(a.theme, u"contrast");
    EXPECT_TRUE(a.caption); // --title implies a caption
    EXPECT_EQ(a.title, u"Lesson 3");
    EXPECT_FALSE(a.legend);
    EXPECT_EQ(a.chart, u"weights");
    EXPECT_EQ(a.out, u"l.pdf");
}

TEST(ExportParser, ErrorsNameTheOption)
{
    const auto message = [](const QStringList& arguments) {
        const auto parsed = parse(arguments);
        return std::holds_alternative<CliError>(parsed) ? std::get<CliError>(parsed).message
                                                        : QString();
    };
    const QStringList data{QStringLiteral("--data"), QStringLiteral("a.csv")};
    EXPECT_TRUE(message(data).startsWith(u"--out:"));
    EXPECT_TRUE(message(data + QStringList{QStringLiteral("--out"), QStringLiteral("x.png"),
                                           QStringLiteral("--max-epochs"), QStringLiteral("x")})
                    .startsWith(u"--max-epochs:"));
    EXPECT_TRUE(message(data + QStringList{QStringLiteral("--out"), QStringLiteral("x.png"),
                                           QStringLiteral("--scale"), QStringLiteral("9")})
                    .startsWith(u"--scale:"));
    EXPECT_TRUE(message(data + QStringList{QStringLiteral("--out"), QStringLiteral("-")})
                    .startsWith(u"--out:"));
    EXPECT_TRUE(message(data + QStringList{QStringLiteral("--out"), QStringLiteral("t.md"),
                                           QStringLiteral("--table"), QStringLiteral("md"),
                                           QStringLiteral("--format"), QStringLiteral("png")})
                    .startsWith(u"--table:"));
    EXPECT_TRUE(message({QStringLiteral("--out"), QStringLiteral("x.png")})
                    .contains(QStringLiteral("--data")));
    const auto help = parse({QStringLiteral("--help")});
    ASSERT_TRUE(std::holds_alternative<CliCommand>(help));
    EXPECT_TRUE(std::get<CliCommand>(help).text.contains(QStringLiteral("--layout LAYOUT")));
}

// export takes every training option of train but the outputs, and its help names each (with
// its value), --epochs as --max-epochs.
TEST(ExportParser, HelpNamesEveryTrainingOption)
{
    const auto help = parse({QStringLiteral("--help")});
    ASSERT_TRUE(std::holds_alternative<CliCommand>(help));
    const QString text = std::get<CliCommand>(help).text;
    for (const auto& option : trainingOptions(TrainingOptionSet::SettingsAndInputs)) {
        QString name = QString::fromLatin1(option.name);
        if (name == u"epochs")
            name = QStringLiteral("max-epochs");
        QString shown = u"--" + name;
        if (option.valueName)
            shown += u' ' + QString::fromLatin1(option.valueName);
        EXPECT_TRUE(text.contains(shown)) << shown.toStdString();
        const auto parsed = parse({QStringLiteral("--data"), QStringLiteral("a.csv"),
                                   QStringLiteral("--out"), QStringLiteral("x.png"), u"--" + name});
        // Known to the parser: at most its value is missing.
        if (std::holds_alternative<CliError>(parsed)) {
            EXPECT_FALSE(std::get<CliError>(parsed).message.contains(u"unknown option"))
                << name.toStdString();
        }
    }
}

} // namespace
} // namespace plab::cli
