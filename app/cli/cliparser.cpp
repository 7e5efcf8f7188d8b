#include "app/cli/cliparser.h"

#include "app/cli/exportparser.h"
#include "app/cli/optionvalues.h"
#include "io/numberformat.h"
#include "io/textfile.h"
#include "io/validationtext.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>

#include <charconv>
#include <cmath>
#include <string_view>

namespace plab::cli {

namespace {

/// The translation context of this file's texts (lupdate reads the name from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(plab::cli::CommandLine)
};

QString quoted(const QString& value)
{
    return u'"' + io::excerpt(value.toUtf8()) + u'"';
}

/// "--name: message", the one-line form of every option error.
CliError optionError(const QString& option, const QString& message)
{
    return CliError{QStringLiteral("--%1: %2").arg(option, message)};
}

std::string_view view(const QByteArray& bytes)
{
    return {bytes.constData(), std::size_t(bytes.size())};
}

/// A whole decimal number, optionally with one leading sign ("+5", "-5"; not "+-5").
template <class Integer>
std::optional<Integer> parseInteger(const QString& text)
{
    QByteArray bytes = text.toUtf8();
    const bool plus = bytes.startsWith('+');
    if (plus)
        bytes.remove(0, 1);
    if (bytes.isEmpty() || bytes.startsWith('+') || (plus && bytes.startsWith('-')))
        return std::nullopt;
    Integer value{};
    const char* const end = bytes.constData() + bytes.size();
    const auto [ptr, ec] = std::from_chars(bytes.constData(), end, value);
    if (ptr != end || ec != std::errc())
        return std::nullopt;
    return value;
}

std::optional<double> parseFinite(const QString& text)
{
    const io::ParsedNumber number = io::parseDouble(text.toUtf8());
    if (number.status != io::ParsedNumber::Status::Ok)
        return std::nullopt;
    return number.value;
}

QString topLevelHelp()
{
    return Text::tr(
               "Perceptron Lab %1: watch a perceptron learn.\n"
               "\n"
               "Usage:\n"
               "  perceptron-lab                 start the window\n"
               "  perceptron-lab FILE            start the window with a data set (.csv) or "
               "project (.json)\n"
               "  perceptron-lab train OPTIONS   train without a window (see: perceptron-lab "
               "train --help)\n"
               "  perceptron-lab export OPTIONS  draw a run into PNG, SVG, PDF, GIF or a table "
               "(see: perceptron-lab export --help)\n"
               "  perceptron-lab --help          show this help\n"
               "  perceptron-lab --version       show the version\n"
               "\n"
               "Without a display the window cannot open: the program says so and runs a "
               "headless demo instead.\n")
        .arg(applicationVersion());
}

QString trainHelp()
{
    return Text::tr(
        "Usage: perceptron-lab train (--data FILE | --project FILE) [OPTIONS]\n"
        "\n"
        "Trains on a data set without a window and writes a JSON Lines trace and a JSON "
        "summary.\n"
        "Options given here override the settings of a project file.\n"
        "\n"
        "  --data FILE        a CSV data set (header x1,x2,label)\n"
        "  --project FILE     a Perceptron Lab project (.json)\n"
        "  --rule NAME        perceptron, pocket, averaged, adaline or logistic\n"
        "  --lr X             learning rate, greater than 0 and at most 1e9\n"
        "  --epochs N         epoch limit, from 1 to 10000000\n"
        "  --init INIT        zeros, random, or the weights W1,W2,B (e.g. 0.5,-1,0)\n"
        "  --no-bias          train without a bias (b stays 0)\n"
        "  --zero RULE        output at net = 0: positive, negative or mistake\n"
        "  --order ORDER      sample order: file or shuffle\n"
        "  --seed N           seed for random initial weights and shuffling (0 to "
        "2^64-1)\n"
        "  --trace FILE       write one JSON object per sample visit and per epoch "
        "(- for standard output)\n"
        "  --summary FILE     write the result as one JSON object (- for standard output, "
        "the default)\n"
        "  -h, --help         show this help\n"
        "\n"
        "Exit status: 0 when training ran (whether it converged or not), 2 for bad input.\n");
}

std::variant<CliCommand, CliError> parseTrain(const QStringList& arguments)
{
    const auto withValue = [](const char* name, const char* valueName) {
        return QCommandLineOption(QString::fromLatin1(name), QString(),
                                  QString::fromLatin1(valueName));
    };
    const QCommandLineOption data = withValue("data", "FILE");
    const QCommandLineOption project = withValue("project", "FILE");
    const QCommandLineOption rule = withValue("rule", "NAME");
    const QCommandLineOption lr = withValue("lr", "X");
    const QCommandLineOption epochs = withValue("epochs", "N");
    const QCommandLineOption init = withValue("init", "INIT");
    const QCommandLineOption noBias(QStringLiteral("no-bias"));
    const QCommandLineOption zero = withValue("zero", "RULE");
    const QCommandLineOption order = withValue("order", "ORDER");
    const QCommandLineOption seed = withValue("seed", "N");
    const QCommandLineOption trace = withValue("trace", "FILE");
    const QCommandLineOption summary = withValue("summary", "FILE");
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")});

    const QList<QCommandLineOption> options{data, project, rule, lr,    epochs,  init, noBias,
                                            zero, order,   seed, trace, summary, help};
    if (auto error = checkOptionValues(arguments, options))
        return *error;
    QCommandLineParser parser;
    parser.addOptions(options);
    if (!parser.parse(arguments)) {
        const QStringList unknown = parser.unknownOptionNames();
        if (!unknown.isEmpty()) {
            const QString name = unknown.constFirst();
            return CliError{
                Text::tr("unknown option %1 (see perceptron-lab train --help)")
                    .arg(quoted((name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) +
                                name))};
        }
        QString message = parser.errorText();
        if (message.endsWith(u'.'))
            message.chop(1);
        return CliError{message};
    }
    if (parser.isSet(help))
        return CliCommand{CliCommand::Kind::Help, QString(), trainHelp(), {}};
    if (!parser.positionalArguments().isEmpty()) {
        return CliError{
            Text::tr("unexpected argument %1 (options start with --; see perceptron-lab "
                     "train --help)")
                .arg(quoted(parser.positionalArguments().constFirst()))};
    }

    CliCommand command;
    command.kind = CliCommand::Kind::Train;
    TrainOptions& o = command.train;

    if (parser.isSet(data) == parser.isSet(project))
        return CliError{Text::tr("give exactly one of --data FILE and --project FILE")};
    o.dataFile = parser.value(data);
    o.projectFile = parser.value(project);
    if (parser.isSet(data) && o.dataFile.isEmpty())
        return optionError(QStringLiteral("data"), Text::tr("a file name is needed"));
    if (parser.isSet(project) && o.projectFile.isEmpty())
        return optionError(QStringLiteral("project"), Text::tr("a file name is needed"));

    if (parser.isSet(rule)) {
        const QByteArray name = parser.value(rule).toUtf8();
        o.rule = learning::ruleFromName(view(name));
        if (!o.rule) {
            return optionError(QStringLiteral("rule"),
                               Text::tr("unknown rule %1 (expected perceptron, pocket, averaged, "
                                        "adaline or logistic)")
                                   .arg(quoted(parser.value(rule))));
        }
    }
    if (parser.isSet(lr)) {
        o.learningRate = parseFinite(parser.value(lr));
        learning::TrainingSettings check;
        if (o.learningRate)
            check.learningRate = *o.learningRate;
        const auto problem = learning::validate(check);
        if (!o.learningRate || problem) {
            return optionError(QStringLiteral("lr"),
                               Text::tr("%1, found %2")
                                   .arg(io::describeSettingsProblem(
                                            {learning::SettingsError::Field::LearningRate, {}}),
                                        quoted(parser.value(lr))));
        }
    }
    if (parser.isSet(epochs)) {
        const std::optional<qint64> value = parseInteger<qint64>(parser.value(epochs));
        if (!value || *value < 1 || *value > learning::kMaxEpochsLimit) {
            return optionError(QStringLiteral("epochs"),
                               Text::tr("%1, found %2")
                                   .arg(io::describeSettingsProblem(
                                            {learning::SettingsError::Field::MaxEpochs, {}}),
                                        quoted(parser.value(epochs))));
        }
        o.maxEpochs = int(*value);
    }
    if (parser.isSet(init)) {
        const QString value = parser.value(init);
        if (value == u"zeros") {
            o.init = learning::InitKind::Zeros;
        } else if (value == u"random") {
            o.init = learning::InitKind::Random;
        } else {
            const QStringList parts = value.split(u',');
            learning::LinearModel model;
            std::optional<double> numbers[3];
            bool ok = parts.size() == 3;
            for (qsizetype i = 0; ok && i < 3; ++i) {
                numbers[i] = parseFinite(parts[i].trimmed());
                ok = numbers[i] && std::abs(*numbers[i]) <= learning::kMaxCoordinate;
            }
            if (!ok) {
                return optionError(
                    QStringLiteral("init"),
                    Text::tr("expected zeros, random or three numbers W1,W2,B within "
                             "±1e9 (e.g. --init 0.5,-1,0), found %1")
                        .arg(quoted(value)));
            }
            model.w = Eigen::Vector2d(*numbers[0], *numbers[1]);
            model.b = *numbers[2];
            o.init = learning::InitKind::Given;
            o.initial = model;
        }
    }
    o.noBias = parser.isSet(noBias);
    if (parser.isSet(zero)) {
        o.zero = learning::zeroConventionFromName(view(parser.value(zero).toUtf8()));
        if (!o.zero) {
            return optionError(
                QStringLiteral("zero"),
                Text::tr("unknown convention %1 (expected positive, negative or mistake)")
                    .arg(quoted(parser.value(zero))));
        }
    }
    if (parser.isSet(order)) {
        o.order = learning::sampleOrderFromName(view(parser.value(order).toUtf8()));
        if (!o.order) {
            return optionError(QStringLiteral("order"),
                               Text::tr("unknown order %1 (expected file or shuffle)")
                                   .arg(quoted(parser.value(order))));
        }
    }
    if (parser.isSet(seed)) {
        o.seed = parseInteger<std::uint64_t>(parser.value(seed));
        if (!o.seed) {
            return optionError(QStringLiteral("seed"),
                               Text::tr("expected a whole number from 0 to 18446744073709551615, "
                                        "found %1")
                                   .arg(quoted(parser.value(seed))));
        }
    }

    o.traceFile = parser.value(trace);
    if (parser.isSet(trace) && o.traceFile.isEmpty())
        return optionError(QStringLiteral("trace"), Text::tr("a file name or - is needed"));
    if (parser.isSet(summary)) {
        o.summaryFile = parser.value(summary);
        if (o.summaryFile.isEmpty())
            return optionError(QStringLiteral("summary"), Text::tr("a file name or - is needed"));
    } else if (o.traceFile != u"-") {
        o.summaryFile = QStringLiteral("-");
    }
    const QString stdOut = QStringLiteral("-");
    if (o.traceFile == stdOut && o.summaryFile == stdOut)
        return CliError{Text::tr("--trace and --summary cannot both write to standard output")};
    // Whether an output is an input, or both outputs one file, depends on the files (links, hard
    // links, devices): runTrain() checks it, so the parser stays a pure function of the words.
    return command;
}

} // namespace

learning::TrainingSettings TrainOptions::appliedTo(learning::TrainingSettings s) const
{
    if (rule)
        s.rule = *rule;
    if (learningRate)
        s.learningRate = *learningRate;
    if (maxEpochs)
        s.maxEpochs = *maxEpochs;
    if (init)
        s.init = *init;
    if (initial)
        s.initial = *initial;
    if (noBias)
        s.useBias = false;
    if (zero)
        s.zero = *zero;
    if (order)
        s.order = *order;
    if (seed)
        s.seed = *seed;
    return s;
}

QString applicationVersion()
{
    return QStringLiteral(PLAB_VERSION);
}

std::variant<CliCommand, CliError> parseCommandLine(const QStringList& arguments)
{
    if (arguments.size() <= 1)
        return CliCommand{};
    const QString& first = arguments.at(1);
    if (first == u"train") {
        QStringList rest = arguments;
        rest.removeAt(1);
        return parseTrain(rest);
    }
    if (first == u"export") {
        QStringList rest = arguments;
        rest.removeAt(1);
        return parseExport(rest);
    }
    const bool single = arguments.size() == 2;
    const bool help = first == u"--help" || first == u"-h" || first == u"-?" || first == u"help";
    const bool version = first == u"--version" || first == u"-v";
    if (!help && !version && first.startsWith(u'-') && first.size() > 1)
        return CliError{
            Text::tr("unknown option %1 (see perceptron-lab --help)").arg(quoted(first))};
    if (!single) {
        return CliError{Text::tr("unexpected argument %1: give one file to open, or use "
                                 "perceptron-lab train (see perceptron-lab --help)")
                            .arg(quoted(arguments.at(2)))};
    }
    if (help)
        return CliCommand{CliCommand::Kind::Help, QString(), topLevelHelp(), {}};
    if (version) {
        return CliCommand{CliCommand::Kind::Version,
                          QString(),
                          QStringLiteral("perceptron-lab %1\n").arg(applicationVersion()),
                          {}};
    }
    if (first.isEmpty())
        return CliError{Text::tr("the file name to open is empty")};
    return CliCommand{CliCommand::Kind::Gui, first, QString(), {}};
}

} // namespace plab::cli
