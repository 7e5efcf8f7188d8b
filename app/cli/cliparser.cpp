#include "app/cli/cliparser.h"

#include "app/cli/exportparser.h"
#include "app/cli/options.h"
#include "io/numberformat.h"
#include "io/settingsfields.h"
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

/// The translation context of the option help (Text's; lupdate needs it spelled out below).
constexpr char kContext[] = "plab::cli::CommandLine";

/// A file name that must not be empty.
std::optional<CliError> readFileName(const QString& name, const QString& value, QString& into)
{
    into = value;
    if (value.isEmpty())
        return optionError(name, Text::tr("a file name is needed"));
    return std::nullopt;
}

/// An output: a file name or "-" (standard output).
std::optional<CliError> readOutput(const QString& name, const QString& value, QString& into)
{
    into = value;
    if (value.isEmpty())
        return optionError(name, Text::tr("a file name or - is needed"));
    return std::nullopt;
}

/// One of the names of the settings field of enum \p E (io/settingsfields.h); \p unknown says
/// which were expected, with %1 for the value.
template <class E>
std::optional<CliError> readChoice(const QString& name, const QString& value,
                                   std::optional<E>& into, const QString& unknown)
{
    into = io::choiceField<E>().fromName(view(value.toUtf8()));
    if (!into)
        return optionError(name, unknown.arg(quoted(value)));
    return std::nullopt;
}

std::optional<CliError> readInit(const QString& name, const QString& value, TrainOptions& o)
{
    // "zeros" and "random" by name; the given weights as numbers (not the word "given").
    const auto kind = io::choiceField<learning::InitKind>().fromName(view(value.toUtf8()));
    if (kind && *kind != learning::InitKind::Given) {
        o.init = kind;
        return std::nullopt;
    }
    // The layers of any model, in the summary's shape; read with the input (the parser is pure).
    if (value.endsWith(u".json", Qt::CaseInsensitive)) {
        o.init = learning::InitKind::Given;
        o.initFile = value;
        return std::nullopt;
    }
    const QStringList parts = value.split(u',');
    std::optional<double> numbers[3];
    bool ok = parts.size() == 3;
    for (qsizetype i = 0; ok && i < 3; ++i) {
        numbers[i] = parseFinite(parts[i].trimmed());
        ok = numbers[i] && std::abs(*numbers[i]) <= learning::kMaxCoordinate;
    }
    if (!ok) {
        return optionError(name, Text::tr("expected zeros, random, three numbers W1,W2,B within "
                                          "±1e9 (e.g. --init 0.5,-1,0) or a FILE.json of "
                                          "layers, found %1")
                                     .arg(quoted(value)));
    }
    learning::LinearModel model;
    model.w = Eigen::Vector2d(*numbers[0], *numbers[1]);
    model.b = *numbers[2];
    o.init = learning::InitKind::Given;
    o.initial = model;
    return std::nullopt;
}

std::optional<CliError> readLearningRate(const QString& name, const QString& value, TrainOptions& o)
{
    o.learningRate = parseFinite(value);
    learning::TrainingSettings check;
    if (o.learningRate)
        check.learningRate = *o.learningRate;
    if (o.learningRate && !learning::validate(check))
        return std::nullopt;
    return optionError(name, Text::tr("%1, found %2")
                                 .arg(io::describeSettingsProblem(
                                          {learning::SettingsError::Field::LearningRate, {}}),
                                      quoted(value)));
}

std::optional<CliError> readTolerance(const QString& name, const QString& value, TrainOptions& o)
{
    o.tolerance = parseFinite(value);
    learning::TrainingSettings check;
    if (o.tolerance)
        check.tolerance = *o.tolerance;
    if (o.tolerance && !learning::validate(check))
        return std::nullopt;
    return optionError(
        name, Text::tr("%1, found %2")
                  .arg(io::describeSettingsProblem({learning::SettingsError::Field::Tolerance, {}}),
                       quoted(value)));
}

std::optional<CliError> readMaxEpochs(const QString& name, const QString& value, TrainOptions& o)
{
    const auto field = std::get<io::WholeField>(io::settingsFields());
    const std::optional<qint64> number = parseInteger<qint64>(value);
    if (number && *number >= field.min && *number <= field.max) {
        o.maxEpochs = int(*number);
        return std::nullopt;
    }
    return optionError(name,
                       Text::tr("%1, found %2")
                           .arg(io::describeSettingsProblem({field.checkedAs, {}}), quoted(value)));
}

std::optional<CliError> readSeed(const QString& name, const QString& value, TrainOptions& o)
{
    o.seed = parseInteger<std::uint64_t>(value);
    if (o.seed)
        return std::nullopt;
    return optionError(name, Text::tr("expected a whole number from 0 to 18446744073709551615, "
                                      "found %1")
                                 .arg(quoted(value)));
}

/// --hidden: 1 to 3 comma-separated layer sizes of 1 to 16 units.
std::optional<CliError> readHidden(const QString& name, const QString& value, TrainOptions& o)
{
    const QStringList parts = value.split(u',');
    std::vector<int> hidden;
    for (const QString& part : parts) {
        const std::optional<int> units = parseInteger<int>(part.trimmed());
        if (!units || *units < 1 || *units > learning::kMaxUnits)
            break;
        hidden.push_back(*units);
    }
    if (hidden.size() != std::size_t(parts.size()) || hidden.empty() ||
        int(hidden.size()) > learning::kMaxHiddenLayers) {
        return optionError(name, Text::tr("expected 1 to 3 comma-separated layer sizes from 1 to "
                                          "16 (e.g. --hidden 4 or 8,8), found %1")
                                     .arg(quoted(value)));
    }
    o.hidden = std::move(hidden);
    return std::nullopt;
}

/// --batch: a whole number of samples per update, or "all".
std::optional<CliError> readBatch(const QString& name, const QString& value, TrainOptions& o)
{
    if (value == u"all") {
        o.batch = learning::kFullBatch;
        return std::nullopt;
    }
    const std::optional<qint64> number = parseInteger<qint64>(value);
    if (number && *number >= 1 && *number <= qint64(learning::kMaxPoints)) {
        o.batch = int(*number);
        return std::nullopt;
    }
    return optionError(name, Text::tr("expected a whole number of samples from 1 to %1 or all, "
                                      "found %2")
                                 .arg(learning::kMaxPoints)
                                 .arg(quoted(value)));
}

/// --features: a comma-separated list of the seven feature names.
std::optional<CliError> readFeatures(const QString& name, const QString& value, TrainOptions& o)
{
    o.features = learning::FeatureSet::fromName(view(value.toUtf8()));
    if (o.features)
        return std::nullopt;
    return optionError(name, Text::tr("expected a comma-separated list of different features "
                                      "from x1, x2, x1sq, x2sq, x1x2, sinx1 and sinx2, found %1")
                                 .arg(quoted(value)));
}

/// --classes: K from 2 to 8.
std::optional<CliError> readClasses(const QString& name, const QString& value, TrainOptions& o)
{
    const std::optional<int> number = parseInteger<int>(value);
    if (number && *number >= learning::kMinClasses && *number <= learning::kMaxClasses) {
        o.classes = *number;
        return std::nullopt;
    }
    return optionError(
        name,
        Text::tr("expected a whole number of classes from 2 to 8, found %1").arg(quoted(value)));
}

} // namespace

std::span<const Option<TrainOptions>> trainingOptions(TrainingOptionSet set)
{
    using O = TrainOptions;
    static const Option<TrainOptions> options[] = {
        {"data", "FILE",
         QT_TRANSLATE_NOOP("plab::cli::CommandLine", "a CSV data set (header x1,x2,label)"),
         [](const QString& name, const QString& value, O& o) {
             return readFileName(name, value, o.dataFile);
         }},
        {"project", "FILE",
         QT_TRANSLATE_NOOP("plab::cli::CommandLine", "a Perceptron Lab project (.json)"),
         [](const QString& name, const QString& value, O& o) {
             return readFileName(name, value, o.projectFile);
         }},
        {"rule", "NAME",
         QT_TRANSLATE_NOOP("plab::cli::CommandLine",
                           "perceptron, pocket, averaged, adaline or logistic"),
         [](const QString& name, const QString& value, O& o) {
             return readChoice(name, value, o.rule,
                               Text::tr("unknown rule %1 (expected perceptron, pocket, averaged, "
                                        "adaline or logistic)"));
         }},
        {"lr", "X",
         QT_TRANSLATE_NOOP("plab::cli::CommandLine",
                           "learning rate, greater than 0 and at most 1e9"),
         readLearningRate},
        {"epochs", "N",
         QT_TRANSLATE_NOOP("plab::cli::CommandLine", "epoch limit, from 1 to 10000000"),
         readMaxEpochs},
        {"tolerance", "X",
         QT_TRANSLATE_NOOP("plab::cli::CommandLine",
                           "the stop test's relative tolerance, >= 0; 0 disables it"),
         readTolerance},
        {"init", "INIT",
         QT_TRANSLATE_NOOP("plab::cli::CommandLine",
                           "zeros, random, the weights W1,W2,B (e.g. 0.5,-1,0),\n"
                           "or FILE.json with {\"layers\":[...]} as the summary writes"),
         readInit},
        {"no-bias", nullptr,
         QT_TRANSLATE_NOOP("plab::cli::CommandLine", "train without a bias (b stays 0)"),
         [](const QString&, const QString&, O& o) -> std::optional<CliError> {
             o.noBias = true;
             return std::nullopt;
         }},
        {"zero", "RULE",
         QT_TRANSLATE_NOOP("plab::cli::CommandLine",
                           "output at net = 0: positive, negative or mistake"),
         [](const QString& name, const QString& value, O& o) {
             return readChoice(
                 name, value, o.zero,
                 Text::tr("unknown convention %1 (expected positive, negative or mistake)"));
         }},
        {"stop-rule", "RULE",
         QT_TRANSLATE_NOOP("plab::cli::CommandLine",
                           "mistake-free-pass (default) or zero-errors: when perceptron,\n"
                           "pocket and averaged stop: after a pass without a mistake, or as\n"
                           "soon as the weights classify every point"),
         [](const QString& name, const QString& value, O& o) {
             return readChoice(name, value, o.perceptronStop,
                               Text::tr("unknown stop rule %1 (expected mistake-free-pass or "
                                        "zero-errors)"));
         }},
        {"order", "ORDER",
         QT_TRANSLATE_NOOP("plab::cli::CommandLine", "sample order: file or shuffle"),
         [](const QString& name, const QString& value, O& o) {
             return readChoice(name, value, o.order,
                               Text::tr("unknown order %1 (expected file or shuffle)"));
         }},
        {"seed", "N",
         QT_TRANSLATE_NOOP("plab::cli::CommandLine",
                           "seed for random initial weights and shuffling (0 to 2^64-1)"),
         readSeed},
        {"model", "KIND",
         QT_TRANSLATE_NOOP("plab::cli::CommandLine",
                           "linear (one layer of units, the default) or mlp (a network)"),
         [](const QString& name, const QString& value, O& o) -> std::optional<CliError> {
             o.model = learning::modelKindFromName(view(value.toUtf8()));
             if (o.model)
                 return std::nullopt;
             return optionError(
                 name, Text::tr("unknown model %1 (expected linear or mlp)").arg(quoted(value)));
         }},
        {"hidden", "N[,N...]",
         QT_TRANSLATE_NOOP("plab::cli::CommandLine",
                           "mlp: units of 1 to 3 hidden layers, 1 to 16 each (e.g. 4 or 8,8)"),
         readHidden},
        {"activation", "NAME",
         QT_TRANSLATE_NOOP(
             "plab::cli::CommandLine",
             "mlp: hidden activation tanh (default), relu, sigmoid, identity or step"),
         [](const QString& name, const QString& value, O& o) -> std::optional<CliError> {
             o.activation = learning::activationFromName(view(value.toUtf8()));
             if (o.activation)
                 return std::nullopt;
             return optionError(name, Text::tr("unknown activation %1 (expected tanh, relu, "
                                               "sigmoid, identity or step)")
                                          .arg(quoted(value)));
         }},
        {"batch", "N|all",
         QT_TRANSLATE_NOOP("plab::cli::CommandLine",
                           "samples per update: 1 (online, the default), N or all"),
         readBatch},
        {"features", "LIST",
         QT_TRANSLATE_NOOP("plab::cli::CommandLine",
                           "the model's inputs, comma-separated from x1, x2, x1sq, x2sq, x1x2,\n"
                           "sinx1, sinx2 (default x1,x2)"),
         readFeatures},
        {"multiclass", "NAME",
         QT_TRANSLATE_NOOP("plab::cli::CommandLine",
                           "linear models with 3 or more classes: kesler (default) or ovr"),
         [](const QString& name, const QString& value, O& o) -> std::optional<CliError> {
             o.multiclass = learning::multiclassFromName(view(value.toUtf8()));
             if (o.multiclass)
                 return std::nullopt;
             return optionError(
                 name, Text::tr("unknown scheme %1 (expected kesler or ovr)").arg(quoted(value)));
         }},
        {"classes", "K",
         QT_TRANSLATE_NOOP("plab::cli::CommandLine",
                           "number of classes, 2 to 8 (default: from the labels 0 ... K-1)"),
         readClasses},
        {"trace", "FILE",
         QT_TRANSLATE_NOOP("plab::cli::CommandLine",
                           "write one JSON object per sample visit and per epoch "
                           "(- for standard output)"),
         [](const QString& name, const QString& value, O& o) {
             return readOutput(name, value, o.traceFile);
         }},
        {"summary", "FILE",
         QT_TRANSLATE_NOOP("plab::cli::CommandLine",
                           "write the result as one JSON object (- for standard "
                           "output, the default)"),
         [](const QString& name, const QString& value, O& o) {
             return readOutput(name, value, o.summaryFile);
         }},
    };
    // The settings and the inputs come first; train alone has the outputs.
    return set == TrainingOptionSet::WithOutputs ? std::span(options)
                                                 : std::span(options).first(std::size(options) - 2);
}

namespace {

QString trainHelp()
{
    return Text::tr("Usage: perceptron-lab train (--data FILE | --project FILE) [OPTIONS]") +
           u"\n\n" +
           Text::tr("Trains on a data set without a window and writes a JSON Lines trace and a "
                    "JSON summary.\nOptions given here override the settings of a project file.") +
           u"\n\n" + optionHelp(kContext, trainingOptions(TrainingOptionSet::WithOutputs)) +
           helpLine(QStringLiteral("-h, --help"), Text::tr("show this help")) + u'\n' +
           Text::tr("Exit status: 0 when training ran (whether it converged or not), 2 for bad "
                    "input.") +
           u'\n';
}

std::variant<CliCommand, CliError> parseTrain(const QStringList& arguments)
{
    const auto options = trainingOptions(TrainingOptionSet::WithOutputs);
    QList<QCommandLineOption> parserOptions;
    appendOptions(parserOptions, options);
    QCommandLineParser parser;
    if (auto answer = parseOptions(
            parser, arguments, parserOptions,
            Text::tr("unknown option %1 (see perceptron-lab train --help)"),
            Text::tr("unexpected argument %1 (options start with --; see perceptron-lab train "
                     "--help)"),
            trainHelp))
        return *answer;

    CliCommand command;
    command.kind = CliCommand::Kind::Train;
    TrainOptions& o = command.train;
    if (auto error = readTrainingOptions(parser, options, {}, o))
        return *error;
    if (!parser.isSet(QStringLiteral("summary")) && o.traceFile != u"-")
        o.summaryFile = QStringLiteral("-");
    const QString stdOut = QStringLiteral("-");
    if (o.traceFile == stdOut && o.summaryFile == stdOut)
        return CliError{Text::tr("--trace and --summary cannot both write to standard output")};
    // Whether an output is an input, or both outputs one file, depends on the files (links, hard
    // links, devices): runTrain() checks it, so the parser stays a pure function of the words.
    return command;
}

} // namespace

std::optional<CliError> readTrainingOptions(const QCommandLineParser& parser,
                                            std::span<const Option<TrainOptions>> options,
                                            const QHash<QString, QString>& renamed,
                                            TrainOptions& into)
{
    const auto isSet = [&](const QString& name) { return parser.isSet(renamed.value(name, name)); };
    if (isSet(QStringLiteral("data")) == isSet(QStringLiteral("project")))
        return CliError{Text::tr("give exactly one of --data FILE and --project FILE")};
    return readOptions(parser, options, renamed, into);
}

learning::TrainingSettings TrainOptions::appliedTo(learning::TrainingSettings s) const
{
    if (rule)
        s.rule = *rule;
    if (learningRate)
        s.learningRate = *learningRate;
    if (maxEpochs)
        s.maxEpochs = *maxEpochs;
    if (tolerance)
        s.tolerance = *tolerance;
    if (init)
        s.init = *init;
    if (initial) {
        s.initial = *initial;
        s.initialLayers.clear();
    }
    if (noBias)
        s.useBias = false;
    if (zero)
        s.zero = *zero;
    if (perceptronStop)
        s.perceptronStop = *perceptronStop;
    if (order)
        s.order = *order;
    if (seed)
        s.seed = *seed;
    if (model) {
        s.model = *model;
        // A network from zeros has identical hidden units that stay identical (their gradients
        // are equal): it starts from the seeded Glorot-uniform weights unless --init says so.
        if (*model == learning::ModelKind::Network && !init)
            s.init = learning::InitKind::Random;
    }
    if (hidden)
        s.hidden = *hidden;
    if (activation)
        s.activation = *activation;
    if (features)
        s.features = *features;
    if (multiclass)
        s.multiclass = *multiclass;
    if (classes)
        s.classes = *classes;
    if (batch) {
        // Networks take any batch size; the linear gradient rules learn online or from the
        // whole set (readTrainingInput() refuses other sizes for them).
        s.batchSize = *batch;
        s.gradientMode = *batch == learning::kFullBatch ? learning::GradientMode::Batch
                                                        : learning::GradientMode::Online;
    }
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
