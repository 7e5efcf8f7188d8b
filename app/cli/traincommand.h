#pragma once

#include "app/cli/cliparser.h"
#include "learning/records.h"
#include "learning/settings.h"

#include <QByteArray>
#include <QIODevice>
#include <QString>

#include <optional>

namespace plab::cli {

/// One trace line (JSON Lines, docs/file-formats.md) for a sample visit:
/// `{"type":"step","epoch":E,"index":I,"x":[X1,X2],"target":T,"net":N,"output":Y,
/// "updated":BOOL,"w":[W1,W2],"b":B}` with the weights after the visit and a final newline.
[[nodiscard]] QByteArray traceStepLine(const learning::StepRecord& step);

/// One trace line for a finished epoch:
/// `{"type":"epoch","epoch":E,"errors":K,"loss":L,"accuracy":A,"w":[W1,W2],"b":B}`.
[[nodiscard]] QByteArray traceEpochLine(const learning::EpochSnapshot& epoch);

/// The summary object of a finished run, from its last snapshot:
/// `{"converged":BOOL,"epochs":E,"w":[W1,W2],"b":B,"errors":K,"parameters":P,"status":S}`.
[[nodiscard]] QByteArray summaryJson(const learning::EpochSnapshot& last,
                                     const learning::TrainingSettings& settings);

/// What runTrain() did: an error line, or the last snapshot of the finished run.
struct TrainOutcome
{
    std::optional<QString> error;        ///< one translated line (exit status 2); empty on success
    learning::EpochSnapshot last;        ///< valid when there is no error
    learning::TrainingSettings settings; ///< the settings the run used
};

/// Runs `perceptron-lab train`: loads the data set or project (a file, a pipe, or "-" for standard
/// input), applies the options, trains to the end and writes the trace and the summary. Refuses
/// an output that is the input file, or both outputs in one file (by identity, before reading).
/// Outputs follow io::OutputFile: a regular file is written atomically (after an error no
/// output file exists, or the previous one is intact), a device or pipe directly; every write is
/// checked. "-" writes to \p standardOutput.
[[nodiscard]] TrainOutcome runTrain(const TrainOptions& options, QIODevice& standardOutput);

} // namespace plab::cli
