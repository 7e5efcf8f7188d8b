#include "app/cli/exportparser.h"

#include "app/cli/optionvalues.h"
#include "io/numberformat.h"
#include "io/textfile.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>

#include <charconv>
#include <cmath>

namespace plab::cli {

namespace {

/// The translation context of this file's texts (lupdate reads the name from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(plab::cli::ExportCommandLine)
};

QString quoted(const QString& value)
{
    return u'"' + io::excerpt(value.toUtf8()) + u'"';
}

CliError optionError(const QString& option, const QString& message)
{
    return CliError{QStringLiteral("--%1: %2").arg(option, message)};
}

std::optional<double> parseNumber(const QString& text)
{
    const io::ParsedNumber number = io::parseDouble(text.toUtf8());
    if (number.status != io::ParsedNumber::Status::Ok)
        return std::nullopt;
    return number.value;
}

std::optional<int> parseWhole(const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    int value = 0;
    const char* const end = bytes.constData() + bytes.size();
    const auto [ptr, ec] = std::from_chars(bytes.constData(), end, value);
    if (bytes.isEmpty() || ptr != end || ec != std::errc())
        return std::nullopt;
    return value;
}

/// The options that `export` shares with `train`, by name and whether they take a value. They
/// are handed to the train parser, so they are checked (and explained) exactly as there.
struct Shared
{
    const char* name;
    const char* trainName;
    bool hasValue;
};
constexpr Shared kShared[] = {
    {"data", "data", true},         {"project", "project", true},
    {"rule", "rule", true},         {"lr", "lr", true},
    {"max-epochs", "epochs", true}, {"init", "init", true},
    {"no-bias", "no-bias", false},  {"zero", "zero", true},
    {"order", "order", true},       {"seed", "seed", true},
};

} // namespace

QString exportHelp()
{
    return Text::tr(
        "Usage: perceptron-lab export (--data FILE | --project FILE) --out PATH [OPTIONS]\n"
        "\n"
        "Trains without a window (as perceptron-lab train does) and draws the run: a still, a "
        "storyboard, numbered frames, a multi-page PDF, an animated GIF, or a worked-example "
        "table. Needs no display.\n"
        "\n"
        "What to draw:\n"
        "  --epochs LIST      all, last, or epochs and ranges such as 0,1,2,5,last or 2-6\n"
        "                     (default: last for single, 0,1,2,3,5,last for storyboard, all "
        "otherwise)\n"
        "  --steps            every sample visit of those epochs instead of one frame per epoch\n"
        "  --chart NAME       errors or weights: the learning curves instead of the plot\n"
        "  --table FORMAT     csv, md or tex: the visits of those epochs as a table\n"
        "\n"
        "How:\n"
        "  --format FORMAT    png, svg, pdf or gif (default: from --out, else png)\n"
        "  --layout LAYOUT    single, storyboard, frames or pages (default: single; a gif is "
        "an animation)\n"
        "  --size SIZE        WxH pixels (1920x1080), a printed size (160x90mm, 16x9cm, 6x4in) "
        "or 16:9, 4:3, square\n"
        "                     (default: 1920x1080; 960x540 for gif)\n"
        "  --scale S          pixels per layout pixel for png and gif, 0.25 to 8 (default 1)\n"
        "  --dpi N            resolution, 10 to 2400 (default 96 x scale; 300 for a printed "
        "size)\n"
        "  --theme THEME      light, dark, print or contrast (default light)\n"
        "  --font-scale X     text size factor, 0.5 to 4 (default 1)\n"
        "  --caption          draw a caption: \"Epoch 3 · w = (2, 1) · b = -3 · 0 errors\"\n"
        "  --title TEXT       a title above the caption (implies --caption)\n"
        "  --no-legend        leave out the class legend\n"
        "  --columns N        storyboard columns (default: the grid with the largest panels)\n"
        "  --delay MS         gif: time per frame in milliseconds (default 600)\n"
        "  --pause MS         gif: time on the last frame (default 2400)\n"
        "  --loop N           gif: plays, 0 for forever (default 0)\n"
        "  --out PATH         the file; for frames the name pattern (lesson.png gives "
        "lesson-epoch000.png, ...)\n"
        "                     or an existing folder; - writes a table to standard output\n"
        "\n"
        "Training (as for perceptron-lab train; options override a project's settings):\n"
        "  --data FILE, --project FILE, --rule NAME, --lr X, --max-epochs N (the epoch limit),\n"
        "  --init INIT, --no-bias, --zero RULE, --order ORDER, --seed N\n"
        "\n"
        "  -h, --help         show this help\n"
        "\n"
        "Exit status: 0 when the files were written, 2 for bad input (nothing is written).\n");
}

std::variant<CliCommand, CliError> parseExport(const QStringList& arguments)
{
    const auto withValue = [](const char* name, const char* valueName) {
        return QCommandLineOption(QString::fromLatin1(name), QString(),
                                  QString::fromLatin1(valueName));
    };
    QList<QCommandLineOption> shared;
    for (const Shared& s : kShared) {
        shared << (s.hasValue ? withValue(s.name, "VALUE")
                              : QCommandLineOption(QString::fromLatin1(s.name)));
    }
    const QCommandLineOption epochs = withValue("epochs", "LIST");
    const QCommandLineOption steps(QStringLiteral("steps"));
    const QCommandLineOption chart = withValue("chart", "NAME");
    const QCommandLineOption table = withValue("table", "FORMAT");
    const QCommandLineOption format = withValue("format", "FORMAT");
    const QCommandLineOption layout = withValue("layout", "LAYOUT");
    const QCommandLineOption size = withValue("size", "SIZE");
    const QCommandLineOption scale = withValue("scale", "S");
    const QCommandLineOption dpi = withValue("dpi", "N");
    const QCommandLineOption theme = withValue("theme", "THEME");
    const QCommandLineOption fontScale = withValue("font-scale", "X");
    const QCommandLineOption caption(QStringLiteral("caption"));
    const QCommandLineOption title = withValue("title", "TEXT");
    const QCommandLineOption noLegend(QStringLiteral("no-legend"));
    const QCommandLineOption columns = withValue("columns", "N");
    const QCommandLineOption delay = withValue("delay", "MS");
    const QCommandLineOption pause = withValue("pause", "MS");
    const QCommandLineOption loop = withValue("loop", "N");
    const QCommandLineOption out = withValue("out", "PATH");
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")});

    QList<QCommandLineOption> options = shared;
    options << QList<QCommandLineOption>{
        epochs,    steps,   chart, table,    format,  layout, size,  scale, dpi, theme,
        fontScale, caption, title, noLegend, columns, delay,  pause, loop,  out, help};
    if (auto error = checkOptionValues(arguments, options))
        return *error;
    QCommandLineParser parser;
    parser.addOptions(options);
    if (!parser.parse(arguments)) {
        const QStringList unknown = parser.unknownOptionNames();
        if (!unknown.isEmpty()) {
            const QString name = unknown.constFirst();
            return CliError{
                Text::tr("unknown option %1 (see perceptron-lab export --help)")
                    .arg(quoted((name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) +
                                name))};
        }
        QString message = parser.errorText();
        if (message.endsWith(u'.'))
            message.chop(1);
        return CliError{message};
    }
    if (parser.isSet(help))
        return CliCommand{CliCommand::Kind::Help, QString(), exportHelp(), {}};
    if (!parser.positionalArguments().isEmpty()) {
        return CliError{
            Text::tr("unexpected argument %1 (options start with --; see perceptron-lab "
                     "export --help)")
                .arg(quoted(parser.positionalArguments().constFirst()))};
    }

    // The training options, checked by the train parser itself.
    QStringList trainArguments{arguments.value(0), QStringLiteral("train")};
    for (qsizetype i = 0; i < shared.size(); ++i) {
        if (!parser.isSet(shared[i]))
            continue;
        const QString trainName = QString::fromLatin1(kShared[i].trainName);
        // "--name=value", so that a value such as "-x" stays a value.
        const QString option = u"--" + trainName;
        trainArguments << (kShared[i].hasValue ? option + u'=' + parser.value(shared[i]) : option);
    }
    CliCommand command;
    command.kind = CliCommand::Kind::Export;
    ExportArguments& a = command.exportArgs;
    {
        auto training = parseCommandLine(trainArguments);
        if (auto* error = std::get_if<CliError>(&training)) {
            // Say --max-epochs where train says --epochs.
            if (error->message.startsWith(u"--epochs:"))
                error->message.replace(0, 8, QStringLiteral("--max-epochs"));
            return *error;
        }
        a.training = std::get<CliCommand>(training).train;
        a.training.traceFile.clear();
        a.training.summaryFile.clear();
    }

    const auto oneOf = [&parser](const QCommandLineOption& option, const QStringList& names,
                                 QString& into) -> std::optional<CliError> {
        if (!parser.isSet(option))
            return std::nullopt;
        into = parser.value(option);
        if (names.contains(into))
            return std::nullopt;
        return optionError(option.names().constFirst(),
                           Text::tr("unknown value %1 (expected %2)")
                               .arg(quoted(into), names.join(QStringLiteral(", "))));
    };
    const auto number = [&parser](const QCommandLineOption& option, double lo, double hi,
                                  std::optional<double>& into) -> std::optional<CliError> {
        if (!parser.isSet(option))
            return std::nullopt;
        into = parseNumber(parser.value(option));
        if (into && *into >= lo && *into <= hi)
            return std::nullopt;
        return optionError(option.names().constFirst(),
                           Text::tr("expected a number from %1 to %2, found %3")
                               .arg(lo)
                               .arg(hi)
                               .arg(quoted(parser.value(option))));
    };
    const auto whole = [&parser](const QCommandLineOption& option, int lo, int hi,
                                 std::optional<int>& into) -> std::optional<CliError> {
        if (!parser.isSet(option))
            return std::nullopt;
        into = parseWhole(parser.value(option));
        if (into && *into >= lo && *into <= hi)
            return std::nullopt;
        return optionError(option.names().constFirst(),
                           Text::tr("expected a whole number from %1 to %2, found %3")
                               .arg(lo)
                               .arg(hi)
                               .arg(quoted(parser.value(option))));
    };

    for (const auto& check :
         {oneOf(chart, {QStringLiteral("errors"), QStringLiteral("weights")}, a.chart),
          oneOf(table, {QStringLiteral("csv"), QStringLiteral("md"), QStringLiteral("tex")},
                a.table),
          oneOf(format,
                {QStringLiteral("png"), QStringLiteral("svg"), QStringLiteral("pdf"),
                 QStringLiteral("gif")},
                a.format),
          oneOf(layout,
                {QStringLiteral("single"), QStringLiteral("storyboard"), QStringLiteral("frames"),
                 QStringLiteral("pages")},
                a.layout),
          oneOf(theme,
                {QStringLiteral("light"), QStringLiteral("dark"), QStringLiteral("print"),
                 QStringLiteral("contrast")},
                a.theme),
          number(scale, 0.25, 8.0, a.scale), number(dpi, 10.0, 2400.0, a.dpi),
          number(fontScale, 0.5, 4.0, a.fontScale), whole(columns, 1, 100, a.columns),
          whole(delay, 10, 600'000, a.delayMs), whole(pause, 0, 600'000, a.pauseMs),
          whole(loop, 0, 65'536, a.loop)}) {
        if (check)
            return *check;
    }

    a.epochs = parser.value(epochs).trimmed();
    if (parser.isSet(epochs) && a.epochs.isEmpty())
        return optionError(QStringLiteral("epochs"),
                           Text::tr("expected all, last or a list such as 0,1,2,5,last"));
    a.steps = parser.isSet(steps);
    a.size = parser.value(size);
    a.title = parser.value(title);
    a.caption = parser.isSet(caption) || !a.title.isEmpty();
    a.legend = !parser.isSet(noLegend);

    a.out = parser.value(out);
    if (a.out.isEmpty())
        return optionError(QStringLiteral("out"), Text::tr("the file to write is needed"));
    if (!a.table.isEmpty() &&
        (parser.isSet(format) || parser.isSet(layout) || parser.isSet(chart))) {
        return optionError(QStringLiteral("table"),
                           Text::tr("a table is text: leave out --format, --layout and --chart"));
    }
    if (a.out == u"-" && a.table.isEmpty())
        return optionError(QStringLiteral("out"),
                           Text::tr("only a table can go to standard output; give a file name"));
    // Whether --out is the input file depends on the files (links, and every frame of a numbered
    // series): runExport() checks it, so the parser stays a pure function of the words.
    return command;
}

} // namespace plab::cli
