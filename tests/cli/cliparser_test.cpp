// The command-line parser alone: every option into the command, overrides applied to settings,
// and a table of bad command lines, each answered with one line naming the option.

#include "app/cli/cliparser.h"

#include <QRegularExpression>
#include <gtest/gtest.h>

#include <random>

namespace plab::cli {
namespace {

std::variant<CliCommand, CliError> parse(QStringList arguments)
{
    arguments.prepend(QStringLiteral("perceptron-lab"));
    return parseCommandLine(arguments);
}

QStringList split(const char* text)
{
    return QString::fromUtf8(text).split(u' ', Qt::SkipEmptyParts);
}

CliCommand command(const char* arguments)
{
    const auto parsed = parse(split(arguments));
    if (const auto* error = std::get_if<CliError>(&parsed)) {
        ADD_FAILURE() << arguments << ": " << error->message.toStdString();
        return {};
    }
    return std::get<CliCommand>(parsed);
}

TEST(CliParser, NoArgumentsStartsTheWindow)
{
    const CliCommand c = command("");
    EXPECT_EQ(c.kind, CliCommand::Kind::Gui);
    EXPECT_TRUE(c.fileToOpen.isEmpty());
}

TEST(CliParser, OneFileIsOpenedInTheWindow)
{
    const CliCommand c = command("lessons/and.csv");
    EXPECT_EQ(c.kind, CliCommand::Kind::Gui);
    EXPECT_EQ(c.fileToOpen, QStringLiteral("lessons/and.csv"));
}

TEST(CliParser, HelpAndVersion)
{
    for (const char* help : {"--help", "-h", "help"}) {
        const CliCommand c = command(help);
        EXPECT_EQ(c.kind, CliCommand::Kind::Help) << help;
        EXPECT_TRUE(c.text.contains(QStringLiteral("perceptron-lab train"))) << help;
    }
    for (const char* version : {"--version", "-v"}) {
        const CliCommand c = command(version);
        EXPECT_EQ(c.kind, CliCommand::Kind::Version);
        EXPECT_EQ(c.text, QStringLiteral("perceptron-lab %1\n").arg(QStringLiteral(PLAB_VERSION)));
    }
    const CliCommand trainHelp = command("train --help");
    EXPECT_EQ(trainHelp.kind, CliCommand::Kind::Help);
    for (const char* option : {"--data", "--project", "--rule", "--lr", "--epochs", "--init",
                               "--no-bias", "--zero", "--order", "--seed", "--trace", "--summary"})
        EXPECT_TRUE(trainHelp.text.contains(QString::fromLatin1(option))) << option;
}

/// Every "--name" a help mentions, once.
QStringList optionsInHelp(const QString& help)
{
    QStringList names;
    for (const QRegularExpressionMatch& match :
         QRegularExpression(QStringLiteral("--[a-z-]+")).globalMatch(help)) {
        names << match.captured();
    }
    names.removeDuplicates();
    return names;
}

TEST(CliParser, EveryOptionInTheHelpIsAccepted)
{
    // Help and parsing come from one description of each option; this holds them together.
    const QStringList train = optionsInHelp(command("train --help").text);
    EXPECT_EQ(train.size(), 22); // with --help
    for (const QString& name : train) {
        const auto parsed =
            parse({QStringLiteral("train"), QStringLiteral("--project=p.json"), name + u"=1"});
        if (const auto* error = std::get_if<CliError>(&parsed)) {
            EXPECT_FALSE(error->message.contains(u"unknown option")) << name.toStdString();
        }
    }
    const QStringList exportOptions = optionsInHelp(command("export --help").text);
    EXPECT_EQ(exportOptions.size(), 39); // its own, every training option, --help
    for (const QString& name : exportOptions) {
        const auto parsed = parse({QStringLiteral("export"), QStringLiteral("--project=p.json"),
                                   QStringLiteral("--out=o.png"), name + u"=1"});
        if (const auto* error = std::get_if<CliError>(&parsed)) {
            EXPECT_FALSE(error->message.contains(u"unknown option")) << name.toStdString();
        }
    }
}

TEST(CliParser, TheNamesAnUnknownChoiceListsAreAccepted)
{
    for (const char* option : {"rule", "zero", "order"}) {
        const auto parsed =
            parse(split("train --data d.csv")
                  << QStringLiteral("--%1=nonsense").arg(QLatin1StringView(option)));
        ASSERT_TRUE(std::holds_alternative<CliError>(parsed)) << option;
        const QString message = std::get<CliError>(parsed).message;
        const QString list = message.section(QStringLiteral("(expected "), 1).chopped(1);
        QStringList names = list.split(QStringLiteral(", "));
        names.append(names.takeLast().split(QStringLiteral(" or ")));
        EXPECT_GE(names.size(), 2) << message.toStdString();
        for (const QString& name : names) {
            const auto accepted =
                parse(split("train --data d.csv")
                      << QStringLiteral("--%1=%2").arg(QLatin1StringView(option), name));
            EXPECT_TRUE(std::holds_alternative<CliCommand>(accepted))
                << option << " " << name.toStdString();
        }
    }
}

TEST(CliParser, EveryTrainOptionIsRead)
{
    const CliCommand c = command("train --data d.csv --rule pocket --lr 0.25 --epochs 40 "
                                 "--init -1,0.5,2e-3 --no-bias --zero mistake --order shuffle "
                                 "--seed 18446744073709551615 --trace t.jsonl --summary s.json");
    ASSERT_EQ(c.kind, CliCommand::Kind::Train);
    const TrainOptions& o = c.train;
    EXPECT_EQ(o.dataFile, QStringLiteral("d.csv"));
    EXPECT_TRUE(o.projectFile.isEmpty());
    EXPECT_EQ(o.rule, learning::Rule::Pocket);
    EXPECT_EQ(o.learningRate, 0.25);
    EXPECT_EQ(o.maxEpochs, 40);
    EXPECT_EQ(o.init, learning::InitKind::Given);
    ASSERT_TRUE(o.initial.has_value());
    EXPECT_EQ(o.initial->w, Eigen::Vector2d(-1.0, 0.5));
    EXPECT_EQ(o.initial->b, 2e-3);
    EXPECT_TRUE(o.noBias);
    EXPECT_EQ(o.zero, learning::ZeroConvention::Mistake);
    EXPECT_EQ(o.order, learning::SampleOrder::Shuffle);
    EXPECT_EQ(o.seed, 18446744073709551615u);
    EXPECT_EQ(o.traceFile, QStringLiteral("t.jsonl"));
    EXPECT_EQ(o.summaryFile, QStringLiteral("s.json"));
}

TEST(CliParser, OptionsGivenOverrideTheRestIsKept)
{
    const CliCommand c = command("train --project p.json --lr=0.5 --no-bias --init random");
    ASSERT_EQ(c.kind, CliCommand::Kind::Train);
    learning::TrainingSettings project;
    project.rule = learning::Rule::Adaline;
    project.learningRate = 0.01;
    project.maxEpochs = 7;
    project.seed = 99;
    project.init = learning::InitKind::Given;
    project.initial = {Eigen::Vector2d(3, 4), 5};
    const learning::TrainingSettings s = c.train.appliedTo(project);
    EXPECT_EQ(s.rule, learning::Rule::Adaline);
    EXPECT_EQ(s.learningRate, 0.5);
    EXPECT_EQ(s.maxEpochs, 7);
    EXPECT_EQ(s.seed, 99u);
    EXPECT_FALSE(s.useBias);
    EXPECT_EQ(s.init, learning::InitKind::Random);
    EXPECT_EQ(s.initial, project.initial);
}

TEST(CliParser, SummaryGoesToStandardOutputUnlessTheTraceDoes)
{
    EXPECT_EQ(command("train --data d.csv").train.summaryFile, QStringLiteral("-"));
    EXPECT_TRUE(command("train --data d.csv").train.traceFile.isEmpty());
    EXPECT_EQ(command("train --data d.csv --trace t.jsonl").train.summaryFile, QStringLiteral("-"));
    EXPECT_TRUE(command("train --data d.csv --trace -").train.summaryFile.isEmpty());
    EXPECT_EQ(command("train --data d.csv --trace - --summary s.json").train.summaryFile,
              QStringLiteral("s.json"));
}

TEST(CliParser, NegativeNumbersDashesAndAttachedValuesAreValues)
{
    EXPECT_EQ(command("train --data - --init -1,0.5,0").train.dataFile, QStringLiteral("-"));
    EXPECT_EQ(command("train --data d.csv --init -1,0.5,0").train.initial->w.x(), -1.0);
    EXPECT_EQ(command("train --data=-x.csv").train.dataFile, QStringLiteral("-x.csv"));
    EXPECT_EQ(command("train --data d.csv --trace=--t").train.traceFile, QStringLiteral("--t"));
    EXPECT_EQ(command("export --data d.csv --title=--draft --out x.png").exportArgs.title,
              QStringLiteral("--draft"));
    EXPECT_EQ(command("export --data d.csv --init -1,0,0 --out x.png").exportArgs.training.init,
              learning::InitKind::Given);
}

TEST(CliParser, WhetherFilesAreTheSameIsLeftToTheCommand)
{
    // The parser reads no files: an output that is the input, or one file for both outputs, is
    // found by runTrain() from the files themselves (links, hard links; tests/cli/cli_io_test).
    EXPECT_EQ(command("train --data d.csv --summary d.csv").train.summaryFile,
              QStringLiteral("d.csv"));
    EXPECT_EQ(command("train --data d.csv --trace o.json --summary o.json").train.traceFile,
              QStringLiteral("o.json"));
}

struct BadCommandLine
{
    const char* name;
    const char* arguments;
    const char* named; ///< what the message must contain
};

void PrintTo(const BadCommandLine& c, std::ostream* os)
{
    *os << c.arguments;
}

class BadCommandLines : public ::testing::TestWithParam<BadCommandLine>
{};

TEST_P(BadCommandLines, AreRefusedWithOneLineNamingTheProblem)
{
    const auto parsed = parse(split(GetParam().arguments));
    const auto* error = std::get_if<CliError>(&parsed);
    ASSERT_NE(error, nullptr);
    EXPECT_TRUE(error->message.contains(QString::fromUtf8(GetParam().named)))
        << error->message.toStdString();
    EXPECT_FALSE(error->message.contains(u'\n'));
}

INSTANTIATE_TEST_SUITE_P(
    Table, BadCommandLines,
    ::testing::Values(
        BadCommandLine{"UnknownTopOption", "--bogus", "\"--bogus\""},
        BadCommandLine{"TwoFiles", "a.csv b.csv", "\"b.csv\""},
        BadCommandLine{"VersionWithExtra", "--version now", "\"now\""},
        BadCommandLine{"UnknownTrainOption", "train --data d.csv --speed 3", "\"--speed\""},
        BadCommandLine{"UnknownShortOption", "train --data d.csv -x", "\"-x\""},
        BadCommandLine{"NoInput", "train --lr 1", "--data FILE and --project FILE"},
        BadCommandLine{"TwoInputs", "train --data d.csv --project p.json", "--data"},
        BadCommandLine{"EmptyData", "train --data=", "--data"},
        BadCommandLine{"Positional", "train --data d.csv extra", "\"extra\""},
        BadCommandLine{"MissingValue", "train --data d.csv --lr", "--lr"},
        BadCommandLine{"UnknownRule", "train --data d.csv --rule hebb",
                       "--rule: unknown rule \"hebb\""},
        BadCommandLine{"LrZero", "train --data d.csv --lr 0", "--lr:"},
        BadCommandLine{"LrNegative", "train --data d.csv --lr -0.5", "--lr:"},
        BadCommandLine{"LrText", "train --data d.csv --lr fast", "--lr:"},
        BadCommandLine{"LrNaN", "train --data d.csv --lr nan", "--lr:"},
        BadCommandLine{"LrInfinite", "train --data d.csv --lr inf", "--lr:"},
        BadCommandLine{"LrHuge", "train --data d.csv --lr 1e10", "--lr:"},
        BadCommandLine{"EpochsZero", "train --data d.csv --epochs 0", "--epochs:"},
        BadCommandLine{"EpochsNegative", "train --data d.csv --epochs -3", "--epochs:"},
        BadCommandLine{"EpochsFraction", "train --data d.csv --epochs 1.5", "--epochs:"},
        BadCommandLine{"EpochsText", "train --data d.csv --epochs many", "--epochs:"},
        BadCommandLine{"EpochsTooMany", "train --data d.csv --epochs 10000001", "--epochs:"},
        BadCommandLine{"InitTwoNumbers", "train --data d.csv --init 1,2", "--init:"},
        BadCommandLine{"InitFourNumbers", "train --data d.csv --init 1,2,3,4", "--init:"},
        BadCommandLine{"InitText", "train --data d.csv --init ones", "--init:"},
        BadCommandLine{"InitGivenWithoutNumbers", "train --data d.csv --init given", "--init:"},
        BadCommandLine{"InitNaN", "train --data d.csv --init nan,0,0", "--init:"},
        BadCommandLine{"InitBeyondLimit", "train --data d.csv --init 0,2e9,0", "--init:"},
        BadCommandLine{"ZeroUnknown", "train --data d.csv --zero maybe", "--zero:"},
        BadCommandLine{"OrderUnknown", "train --data d.csv --order random", "--order:"},
        BadCommandLine{"SeedNegative", "train --data d.csv --seed -1", "--seed:"},
        BadCommandLine{"SeedTooLarge", "train --data d.csv --seed 18446744073709551616", "--seed:"},
        BadCommandLine{"SeedText", "train --data d.csv --seed lucky", "--seed:"},
        BadCommandLine{"NoBiasWithValue", "train --data d.csv --no-bias=1", "--no-bias"},
        BadCommandLine{"EmptyTrace", "train --data d.csv --trace=", "--trace:"},
        BadCommandLine{"BothToStandardOutput", "train --data d.csv --trace - --summary -",
                       "--trace and --summary"},
        // A value that is itself an option is a missing value (not an unexpected "5"), in our
        // own words rather than Qt's ("Missing value after '--data'.").
        BadCommandLine{"ValueIsAnOption", "train --lr --epochs 5 --data d.csv",
                       "--lr needs a value (found the option \"--epochs\")"},
        BadCommandLine{"ValueMissingAtTheEnd", "train --data", "--data needs a value"},
        BadCommandLine{"ValueLooksLikeAnOption", "train --data -x.csv",
                       "--data needs a value (\"-x.csv\" looks like an option; write "
                       "--data=-x.csv if it is the value)"},
        BadCommandLine{"ExportValueIsAnOption", "export --data d.csv --title --out x.png",
                       "--title needs a value (found the option \"--out\")"},
        BadCommandLine{"ExportSwitchWithValue", "export --data d.csv --steps=1 --out x.png",
                       "--steps takes no value"},
        BadCommandLine{"LabelLikeDoubleSign", "train --data d.csv --epochs +-5", "--epochs:"},
        BadCommandLine{"SeedDoubleSign", "train --data d.csv --seed +-5", "--seed:"}),
    [](const ::testing::TestParamInfo<BadCommandLine>& info) {
        return std::string(info.param.name);
    });

/// Random command lines from a pool of real and broken tokens: the parser answers every one with
/// a command or a one-line error, and never crashes (the fuzzer digs deeper; this runs in CI).
TEST(CliParser, AnswersRandomCommandLines)
{
    const QStringList pool = split(
        "train --data --project --rule --lr --epochs --init --no-bias --zero --order --seed "
        "--trace --summary --help -h --version - -- x.csv p.json perceptron pocket 0 1 -1 1e9 "
        "nan 1,2,3 zeros random positive file shuffle --lr= --data=x = , -x ---lr --LR");
    std::mt19937 random(12345);
    for (int i = 0; i < 20000; ++i) {
        QStringList arguments;
        const int n = int(random() % 8);
        for (int k = 0; k < n; ++k)
            arguments << pool.at(qsizetype(random() % std::uint32_t(pool.size())));
        const auto parsed = parse(arguments);
        if (const auto* error = std::get_if<CliError>(&parsed)) {
            ASSERT_FALSE(error->message.isEmpty()) << arguments.join(u' ').toStdString();
            ASSERT_FALSE(error->message.contains(u'\n')) << arguments.join(u' ').toStdString();
        } else if (std::get<CliCommand>(parsed).kind == CliCommand::Kind::Train) {
            const TrainOptions& o = std::get<CliCommand>(parsed).train;
            ASSERT_NE(o.dataFile.isEmpty(), o.projectFile.isEmpty());
            ASSERT_FALSE(learning::validate(o.appliedTo({})).has_value());
        }
    }
}

} // namespace
} // namespace plab::cli
