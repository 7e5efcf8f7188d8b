#include "app/cli/exportparser.h"

#include "app/cli/options.h"
#include "export/exportoptions.h"
#include "io/numberformat.h"
#include "io/textfile.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>

#include <charconv>
#include <cmath>
#include <functional>
#include <type_traits>

namespace plab::cli {

namespace {

/// The translation context of this file's texts (lupdate reads the name from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(plab::cli::ExportCommandLine)
};

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

using A = ExportArguments;
using Read = std::function<std::optional<CliError>(const QString&, const QString&, A&)>;

/// The export library's names of \p values (export/exportoptions.h), in that order.
template <class E>
QStringList names(std::initializer_list<E> values)
{
    QStringList list;
    for (const E value : values)
        list << exporting::name(value);
    return list;
}

/// One of \p names, kept as given (runExport() maps it with the export library's fromName()).
Read oneOf(QStringList names, QString A::*into)
{
    return
        [names, into](const QString& name, const QString& value, A& a) -> std::optional<CliError> {
            a.*into = value;
            if (names.contains(value))
                return std::nullopt;
            return optionError(name, Text::tr("unknown value %1 (expected %2)")
                                         .arg(quoted(value), names.join(QStringLiteral(", "))));
        };
}

/// A number (double) or a whole number (int) from \p lo to \p hi.
template <class T>
Read inRange(T lo, T hi, std::optional<T> A::*into)
{
    return
        [lo, hi, into](const QString& name, const QString& value, A& a) -> std::optional<CliError> {
            if constexpr (std::is_same_v<T, int>)
                a.*into = parseWhole(value);
            else
                a.*into = parseNumber(value);
            if (a.*into && *(a.*into) >= lo && *(a.*into) <= hi)
                return std::nullopt;
            const QString expected =
                std::is_same_v<T, int> ? Text::tr("expected a whole number from %1 to %2, found %3")
                                       : Text::tr("expected a number from %1 to %2, found %3");
            return optionError(name, expected.arg(lo).arg(hi).arg(quoted(value)));
        };
}

/// A GIF time in milliseconds from \p lo to 600000: GIF stores hundredths of a second, so a time
/// that is not a multiple of 10 ms cannot be written as given and is refused rather than rounded
/// silently (and browsers play delays under 20 ms at about 100 ms).
Read inGifSteps(int lo, std::optional<int> A::*into)
{
    return [lo, into](const QString& name, const QString& value, A& a) -> std::optional<CliError> {
        a.*into = parseWhole(value);
        if (a.*into && *(a.*into) >= lo && *(a.*into) <= 600'000 && *(a.*into) % 10 == 0)
            return std::nullopt;
        return optionError(name, Text::tr("expected milliseconds from %1 to 600000 in steps of 10 "
                                          "(a GIF stores hundredths of a second, and browsers "
                                          "slow down delays under 20 ms), found %2")
                                     .arg(lo)
                                     .arg(quoted(value)));
    };
}

Read text(QString A::*into)
{
    return [into](const QString&, const QString& value, A& a) -> std::optional<CliError> {
        a.*into = value;
        return std::nullopt;
    };
}

Read flag(bool A::*into, bool value)
{
    return [into, value](const QString&, const QString&, A& a) -> std::optional<CliError> {
        a.*into = value;
        return std::nullopt;
    };
}

/// The translation context of the option help (Text's; lupdate needs it spelled out below).
constexpr char kContext[] = "plab::cli::ExportCommandLine";

/// The options of export's own, in the order of its help: what to draw (the first four), then how.
std::span<const Option<A>> exportOptions()
{
    using C = exporting::ExportContent;
    using F = exporting::ExportFormat;
    using L = exporting::ExportLayout;
    using T = exporting::TableFormat;
    // The theme names are the command line's own ("contrast" is render's "high-contrast").
    static const Option<A> options[] = {
        {"epochs", "LIST",
         QT_TRANSLATE_NOOP("plab::cli::ExportCommandLine",
                           "all, last, or epochs and ranges such as 0,1,2,5,last or 2-6\n"
                           "(default: last for single, 0,1,2,3,5,last for storyboard, all "
                           "otherwise)"),
         [](const QString& name, const QString& value, A& a) -> std::optional<CliError> {
             a.epochs = value.trimmed();
             if (!a.epochs.isEmpty())
                 return std::nullopt;
             return optionError(name,
                                Text::tr("expected all, last or a list such as 0,1,2,5,last"));
         }},
        {"steps", nullptr,
         QT_TRANSLATE_NOOP("plab::cli::ExportCommandLine",
                           "every sample visit of those epochs instead of one frame per epoch"),
         flag(&A::steps, true)},
        {"chart", "NAME",
         QT_TRANSLATE_NOOP("plab::cli::ExportCommandLine",
                           "errors or weights: the learning curves instead of the plot"),
         oneOf(names({C::ErrorChart, C::WeightChart}), &A::chart)},
        {"table", "FORMAT",
         QT_TRANSLATE_NOOP("plab::cli::ExportCommandLine",
                           "csv, md or tex: the visits of those epochs as a table"),
         oneOf(names({T::Csv, T::Markdown, T::Latex}), &A::table)},
        {"format", "FORMAT",
         QT_TRANSLATE_NOOP("plab::cli::ExportCommandLine",
                           "png, svg, pdf or gif (default: from --out, else png)"),
         oneOf(names({F::Png, F::Svg, F::Pdf, F::Gif}), &A::format)},
        {"layout", "LAYOUT",
         QT_TRANSLATE_NOOP("plab::cli::ExportCommandLine",
                           "single, storyboard, frames or pages (default: single; "
                           "a gif is an animation)"),
         // Not "animation": a gif is always one, the other formats never.
         oneOf(names({L::Single, L::Storyboard, L::Frames, L::Pages}), &A::layout)},
        {"size", "SIZE",
         QT_TRANSLATE_NOOP("plab::cli::ExportCommandLine",
                           "WxH pixels (1920x1080), a printed size (160x90mm, 16x9cm, 6x4in) or "
                           "16:9, 4:3, square\n(default: 1920x1080; 960x540 for gif)"),
         text(&A::size)},
        {"scale", "S",
         QT_TRANSLATE_NOOP("plab::cli::ExportCommandLine",
                           "pixels per layout pixel for png and gif, 0.25 to 8 (default 1;\n"
                           "refused for svg and pdf, which are drawn at --size)"),
         inRange(0.25, 8.0, &A::scale)},
        {"dpi", "N",
         QT_TRANSLATE_NOOP("plab::cli::ExportCommandLine",
                           "resolution, 10 to 2400 (default 96 x scale; 300 for a printed size)"),
         inRange(10.0, 2400.0, &A::dpi)},
        {"theme", "THEME",
         QT_TRANSLATE_NOOP("plab::cli::ExportCommandLine",
                           "light, dark, print or contrast (default light)"),
         oneOf({QStringLiteral("light"), QStringLiteral("dark"), QStringLiteral("print"),
                QStringLiteral("contrast")},
               &A::theme)},
        {"font-scale", "X",
         QT_TRANSLATE_NOOP("plab::cli::ExportCommandLine",
                           "text size factor, 0.5 to 4 (default: from the size and layout)"),
         inRange(0.5, 4.0, &A::fontScale)},
        {"caption", nullptr,
         QT_TRANSLATE_NOOP("plab::cli::ExportCommandLine",
                           "draw a caption: \"Epoch 3 · w = (2, 1) · b = -3 · 0 errors\""),
         flag(&A::caption, true)},
        {"title", "TEXT",
         QT_TRANSLATE_NOOP("plab::cli::ExportCommandLine",
                           "a title above the caption (implies --caption)"),
         text(&A::title)},
        {"no-legend", nullptr,
         QT_TRANSLATE_NOOP("plab::cli::ExportCommandLine", "leave out the class legend"),
         flag(&A::legend, false)},
        {"columns", "N",
         QT_TRANSLATE_NOOP("plab::cli::ExportCommandLine",
                           "storyboard columns (default: the grid with the largest panels)"),
         inRange(1, 100, &A::columns)},
        {"delay", "MS",
         QT_TRANSLATE_NOOP("plab::cli::ExportCommandLine",
                           "gif: time per frame in milliseconds, 20 to 600000 in steps of 10\n"
                           "(a GIF counts hundredths of a second; browsers slow down shorter\n"
                           "delays) (default 600)"),
         inGifSteps(20, &A::delayMs)},
        {"pause", "MS",
         QT_TRANSLATE_NOOP("plab::cli::ExportCommandLine",
                           "gif: time on the last frame, 0 to 600000 in steps of 10 (default "
                           "2400)"),
         inGifSteps(0, &A::pauseMs)},
        {"loop", "N",
         QT_TRANSLATE_NOOP("plab::cli::ExportCommandLine", "gif: plays, 0 for forever (default 0)"),
         inRange(0, 65'536, &A::loop)},
        {"out", "PATH",
         QT_TRANSLATE_NOOP("plab::cli::ExportCommandLine",
                           "the file; for frames the name pattern (lesson.png gives "
                           "lesson-epoch000.png, ...)\nor an existing folder; - writes a table to "
                           "standard output"),
         text(&A::out)},
    };
    return options;
}

constexpr std::size_t kWhatToDraw = 4;

/// Train's options as export names them.
const QHash<QString, QString>& renamedTrainingOptions()
{
    static const QHash<QString, QString> renamed{
        {QStringLiteral("epochs"), QStringLiteral("max-epochs")}};
    return renamed;
}

} // namespace

QString exportHelp()
{
    const auto options = exportOptions();
    return Text::tr("Usage: perceptron-lab export (--data FILE | --project FILE) --out PATH "
                    "[OPTIONS]") +
           u"\n\n" +
           Text::tr("Trains without a window (as perceptron-lab train does) and draws the run: a "
                    "still, a storyboard, numbered frames, a multi-page PDF, an animated GIF, or a "
                    "worked-example table. Needs no display.") +
           u"\n\n" + Text::tr("What to draw:") + u'\n' +
           optionHelp(kContext, options.first(kWhatToDraw)) + u'\n' + Text::tr("How:") + u'\n' +
           optionHelp(kContext, options.subspan(kWhatToDraw)) + u'\n' +
           Text::tr("Training (as for perceptron-lab train, whose --epochs is --max-epochs here; "
                    "options override\na project's settings):") +
           u'\n' +
           optionHelp("plab::cli::CommandLine",
                      trainingOptions(TrainingOptionSet::SettingsAndInputs),
                      renamedTrainingOptions()) +
           u'\n' + helpLine(QStringLiteral("-h, --help"), Text::tr("show this help")) + u'\n' +
           Text::tr("Exit status: 0 when the files were written, 2 for bad input (nothing is "
                    "written).") +
           u'\n';
}

std::variant<CliCommand, CliError> parseExport(const QStringList& arguments)
{
    const auto training = trainingOptions(TrainingOptionSet::SettingsAndInputs);
    const auto options = exportOptions();
    const QHash<QString, QString>& renamed = renamedTrainingOptions();
    QList<QCommandLineOption> parserOptions;
    appendOptions(parserOptions, training, renamed);
    appendOptions(parserOptions, options);
    QCommandLineParser parser;
    if (auto answer = parseOptions(
            parser, arguments, parserOptions,
            Text::tr("unknown option %1 (see perceptron-lab export --help)"),
            Text::tr("unexpected argument %1 (options start with --; see perceptron-lab export "
                     "--help)"),
            exportHelp))
        return *answer;

    CliCommand command;
    command.kind = CliCommand::Kind::Export;
    A& a = command.exportArgs;
    // The training options are read by train's own readers, so their messages are the same.
    if (auto error = readTrainingOptions(parser, training, renamed, a.training))
        return *error;
    if (auto error = readOptions(parser, options, {}, a))
        return *error;
    a.caption = a.caption || !a.title.isEmpty();

    if (a.out.isEmpty())
        return optionError(QStringLiteral("out"), Text::tr("the file to write is needed"));
    if (!a.table.isEmpty() &&
        (parser.isSet(QStringLiteral("format")) || parser.isSet(QStringLiteral("layout")) ||
         parser.isSet(QStringLiteral("chart")))) {
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
