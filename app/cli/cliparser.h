#pragma once

#include "learning/linearmodel.h"
#include "learning/settings.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <variant>
#include <vector>

namespace plab::cli {

/// The options of `perceptron-lab train` (docs/cli.md). Settings left unset keep the project's
/// value (with --project) or the defaults (with --data).
struct TrainOptions
{
    QString dataFile;    ///< --data FILE (CSV); exactly one of dataFile and projectFile is set
    QString projectFile; ///< --project FILE (JSON)

    std::optional<learning::Rule> rule;           ///< --rule
    std::optional<double> learningRate;           ///< --lr
    std::optional<int> maxEpochs;                 ///< --epochs
    std::optional<double> tolerance;              ///< --tolerance (0 disables the stop test)
    std::optional<learning::InitKind> init;       ///< --init zeros|random|W1,W2,B
    std::optional<learning::LinearModel> initial; ///< --init W1,W2,B (init is then Given)
    /// --init FILE.json: the layers, read by readTrainingInput() (init is then Given).
    QString initFile;
    bool noBias = false;                                    ///< --no-bias
    std::optional<learning::ZeroConvention> zero;           ///< --zero
    std::optional<learning::PerceptronStop> perceptronStop; ///< --stop-rule
    std::optional<learning::SampleOrder> order;             ///< --order
    std::optional<std::uint64_t> seed;                      ///< --seed
    std::optional<learning::ModelKind> model;               ///< --model linear|mlp
    std::optional<std::vector<int>> hidden;                 ///< --hidden N[,N...]
    std::optional<learning::Activation> activation;         ///< --activation
    /// --batch N|all: the samples per update, learning::kFullBatch for all.
    std::optional<int> batch;
    std::optional<learning::FeatureSet> features;   ///< --features LIST
    std::optional<learning::Multiclass> multiclass; ///< --multiclass kesler|ovr
    std::optional<int> classes;                     ///< --classes K

    /// Where the JSON Lines trace goes: empty for none, "-" for standard output.
    QString traceFile;
    /// Where the summary goes: "-" for standard output, empty for none (only when the trace
    /// takes standard output and --summary was not given).
    QString summaryFile;

    /// \p settings with every option given on the command line applied.
    [[nodiscard]] learning::TrainingSettings appliedTo(learning::TrainingSettings settings) const;
};

/// The options of `perceptron-lab export` (docs/export.md). Names are checked by the parser;
/// sizes, epoch lists and how the options combine by runExport() (exportcommand.h), which knows
/// the run and the export library.
struct ExportArguments
{
    /// --data/--project and the training options of train (its --epochs is --max-epochs here).
    TrainOptions training;
    QString epochs;                  ///< --epochs LIST|all|last; empty: the layout's default
    bool steps = false;              ///< --steps: sample visits instead of epochs
    QString chart;                   ///< --chart errors|weights; empty: the plot
    QString table;                   ///< --table csv|md|tex; empty: images
    QString format;                  ///< --format png|svg|pdf|gif; empty: from --out, else png
    QString layout;                  ///< --layout single|storyboard|frames|pages; empty: single
    QString size;                    ///< --size WxH[mm|cm|in] | 16:9 | 4:3 | square
    std::optional<double> scale;     ///< --scale
    std::optional<double> dpi;       ///< --dpi
    QString theme;                   ///< --theme light|dark|print|contrast; empty: light
    std::optional<double> fontScale; ///< --font-scale
    bool caption = false;            ///< --caption (or --title)
    QString title;                   ///< --title TEXT
    bool legend = true;              ///< false with --no-legend
    std::optional<int> columns;      ///< --columns N
    std::optional<int> delayMs;      ///< --delay MS
    std::optional<int> pauseMs;      ///< --pause MS
    std::optional<int> loop;         ///< --loop N (0: forever)
    QString out;                     ///< --out PATH ("-": a table to standard output)
};

/// What the command line asks for.
struct CliCommand
{
    enum class Kind
    {
        Gui,     ///< no arguments, or one file to open
        Help,    ///< print `text` to standard output, exit 0
        Version, ///< print `text` to standard output, exit 0
        Train,   ///< `perceptron-lab train ...`
        Export,  ///< `perceptron-lab export ...`
    };
    Kind kind = Kind::Gui;
    QString fileToOpen;           ///< Gui: a data set or project to open; may be empty
    QString text;                 ///< Help and Version
    TrainOptions train;           ///< Train
    ExportArguments exportArgs{}; ///< Export
};

/// A command line that cannot be run: one translated line naming the option or argument.
struct CliError
{
    QString message;
};

/// Parses \p arguments (arguments[0] is the program). Pure: reads no files, prints nothing, never
/// exits, so tests and fuzzers can call it with anything.
[[nodiscard]] std::variant<CliCommand, CliError> parseCommandLine(const QStringList& arguments);

/// The version string (the CMake project version).
[[nodiscard]] QString applicationVersion();

} // namespace plab::cli
