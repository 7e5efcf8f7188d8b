#pragma once

#include "app/cli/cliparser.h"
#include "io/project.h"
#include "learning/records.h"
#include "learning/result.h"
#include "learning/settings.h"

#include <QByteArray>
#include <QIODevice>
#include <QString>

#include <optional>

namespace plab::cli {

/// One trace line (JSON Lines, docs/file-formats.md) for a sample visit:
/// `{"type":"step","epoch":E,"index":I,"x":[X1,X2],"target":T,"net":N,"output":Y,
/// "updated":BOOL,"w":[W1,W2],"b":B}` with the weights after the visit and a final newline, for
/// the classic model (two classes on x1, x2, linear). Every other model writes
/// `"scores":[...]` (the output layer's nets) for "net" and `"layers":[...]` (as the summary) for
/// "w" and "b".
[[nodiscard]] QByteArray traceStepLine(const learning::StepRecord& step,
                                       const learning::TrainingSettings& settings);

/// One trace line for a finished epoch:
/// `{"type":"epoch","epoch":E,"errors":K,"loss":L,"accuracy":A,"w":[W1,W2],"b":B}` for the
/// classic model (byte for byte as before models came), `"layers":[...]` for "w" and "b" otherwise.
[[nodiscard]] QByteArray traceEpochLine(const learning::EpochSnapshot& epoch,
                                        const learning::TrainingSettings& settings);

/// The summary object of a finished run, from its last snapshot:
/// `{"converged":BOOL,"epochs":E,"w":[W1,W2],"b":B,"errors":N,"classes":K,"parameters":P,
/// "layers":[{"W":[[...],...],"b":[...]},...],"status":S}`; "w" and "b" only for the classic
/// model (two classes on x1, x2, linear). W has one row per unit and one column per input.
[[nodiscard]] QByteArray summaryJson(const learning::EpochSnapshot& last,
                                     const learning::TrainingSettings& settings);

/// What `train` and `export` read before they train.
struct TrainingInput
{
    learning::Dataset data;
    learning::TrainingSettings settings; ///< the file's (or the defaults) with the options applied
    std::optional<io::ViewBox> view;     ///< a project's view
    QString name;                        ///< the input in messages ("standard input" for "-")
};

/// What the input is read for: training needs a model gradient descent can train
/// (learning::validateModel()); showing also takes a hand-set network of step units
/// (learning::validateModelToShow()), which an export draws as its epoch 0.
enum class InputUse
{
    Train,
    Show,
};

/// Reads the data set or the project \p options name (a file, a pipe, or "-" for standard input)
/// and applies the options; the data and the settings are checked for \p use. An error line
/// otherwise.
[[nodiscard]] Result<TrainingInput, QString> readTrainingInput(const TrainOptions& options,
                                                               InputUse use = InputUse::Train);

/// Runs `perceptron-lab train`: reads the input (readTrainingInput()), trains to the end and
/// writes the trace and the summary; the last snapshot of the run, or an error line (exit
/// status 2). Refuses
/// an output that is the input file, or both outputs in one file (by identity, before reading).
/// Outputs follow io::OutputFile: a regular file is written atomically (after an error no
/// output file exists, or the previous one is intact), a device or pipe directly; every write is
/// checked. "-" writes to \p standardOutput.
[[nodiscard]] Result<learning::EpochSnapshot, QString> runTrain(const TrainOptions& options,
                                                                QIODevice& standardOutput);

} // namespace plab::cli
