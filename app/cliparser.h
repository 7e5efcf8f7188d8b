#pragma once

#include "learning/linearmodel.h"
#include "learning/settings.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <variant>

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
    std::optional<learning::InitKind> init;       ///< --init zeros|random|W1,W2,B
    std::optional<learning::LinearModel> initial; ///< --init W1,W2,B (init is then Given)
    bool noBias = false;                          ///< --no-bias
    std::optional<learning::ZeroConvention> zero; ///< --zero
    std::optional<learning::SampleOrder> order;   ///< --order
    std::optional<std::uint64_t> seed;            ///< --seed

    /// Where the JSON Lines trace goes: empty for none, "-" for standard output.
    QString traceFile;
    /// Where the summary goes: "-" for standard output, empty for none (only when the trace
    /// takes standard output and --summary was not given).
    QString summaryFile;

    /// \p settings with every option given on the command line applied.
    [[nodiscard]] learning::TrainingSettings appliedTo(learning::TrainingSettings settings) const;
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
    };
    Kind kind = Kind::Gui;
    QString fileToOpen; ///< Gui: a data set or project to open; may be empty
    QString text;       ///< Help and Version
    TrainOptions train; ///< Train
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
