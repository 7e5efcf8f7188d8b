#pragma once

#include "export/exportoptions.h"
#include "io/project.h"
#include "learning/dataset.h"
#include "learning/history.h"
#include "learning/records.h"
#include "learning/result.h"
#include "learning/settings.h"
#include "render/plotscene.h"

#include <QString>

#include <cstddef>
#include <optional>
#include <vector>

namespace plab::exporting {

/// What an export draws from: a copy of the document (points, settings, view) and of the run's
/// history, so an export can run on a worker thread while the window goes on (and training with
/// it). Copying the history costs about 44 bytes per epoch (see learning::History).
struct ExportSource
{
    learning::Dataset data;
    learning::TrainingSettings settings;
    io::ViewBox view;
    learning::History history;
    /// Shown nowhere by default; the dialog offers it as the caption's title.
    QString name;
};

/// Trains \p data with \p settings to the end (converged, epoch limit or diverged) and records
/// every epoch: what `perceptron-lab export` draws from. Preconditions as for learning::Trainer.
[[nodiscard]] ExportSource
trainedSource(learning::Dataset data, learning::TrainingSettings settings, const io::ViewBox& view);

/// One picture of the run: an epoch's snapshot, or a sample visit.
struct ExportFrame
{
    int epoch = 0; ///< the epoch shown; for a visit, the epoch it belongs to (1-based)
    std::optional<learning::StepRecord> step;
    learning::Model model; ///< the model drawn (after the visit, for a visit)
    int errors = 0;        ///< points `model` misclassifies
    /// Where the charts put their marker: the epoch, or epoch - 1 + (visit + 1) / N inside one.
    double chartEpoch = 0.0;
};

/// The model of \p source's run with the flat \p parameters (learning/model.h).
[[nodiscard]] learning::Model modelOf(const ExportSource& source,
                                      const learning::SmallVector& parameters);
/// The points \p model misclassifies in \p source's data (recomputed per frame).
[[nodiscard]] std::vector<std::size_t> misclassifiedBy(const ExportSource& source,
                                                       const learning::Model& model);

/// The frame of epoch \p epoch (0 <= epoch <= the last epoch recorded).
[[nodiscard]] ExportFrame epochFrame(const ExportSource& source, int epoch);
/// The frame of a sample visit.
[[nodiscard]] ExportFrame stepFrame(const ExportSource& source, const learning::StepRecord& step);
/// The frame at timeline \p position of the source's history: what the window shows there.
[[nodiscard]] ExportFrame frameAt(const ExportSource& source, std::size_t position);
/// The frame at timeline \p position of \p history, with \p source's points and settings: a
/// frame of the window's run taken in place (Copy View), without copying the run.
[[nodiscard]] ExportFrame frameAt(const ExportSource& source, const learning::History& history,
                                  std::size_t position);

/// Every sample visit of epoch \p epoch (1 <= epoch <= the last epoch recorded), computed again
/// from the history: the trainer is restored from the previous epoch's recorded state and runs
/// the epoch with the learning rate recorded for it, so the visits are those of the recorded
/// run bit for bit (training is deterministic), even when the run was trained by whole epochs.
[[nodiscard]] std::vector<learning::StepRecord> replayEpoch(const ExportSource& source, int epoch);

/// The most frames one image export makes, and the most rows one table holds.
inline constexpr std::size_t kMaxFrames = 5000;
inline constexpr std::size_t kMaxTableRows = 1'000'000;

/// The frames for \p epochs: one per epoch, or with \p steps one per sample visit of each epoch
/// (epoch 0, which has no visits, gives its initial frame). An error message when there would
/// be more than kMaxFrames.
[[nodiscard]] Result<std::vector<ExportFrame>, QString>
selectFrames(const ExportSource& source, const std::vector<int>& epochs, bool steps);

/// The visits of \p epochs (epoch 0 has none), in order, for a worked-example table. An error
/// message when there would be more than kMaxTableRows.
[[nodiscard]] Result<std::vector<learning::StepRecord>, QString>
selectSteps(const ExportSource& source, const std::vector<int>& epochs);

/// The first visits of a worked-example table, and what finding them cost.
struct StepSelection
{
    std::vector<learning::StepRecord> steps; ///< the first visits, in order
    std::size_t total = 0;    ///< the visits of all the epochs: the rows of the whole table
    std::size_t replayed = 0; ///< the visits computed: steps.size() plus at most one epoch's
};

/// The first \p limit visits of \p epochs, replaying only the epochs they belong to, so the
/// start of the table of a long run costs what it shows (the export dialog's preview). An error
/// message when the whole table would have more than kMaxTableRows rows.
[[nodiscard]] Result<StepSelection, QString>
firstSteps(const ExportSource& source, const std::vector<int>& epochs, std::size_t limit);

/// The scene the canvas would paint for \p frame, in presentation mode (no hover, selection or
/// trail), with \p legend deciding the class legend. `data` points into \p source.
[[nodiscard]] render::PlotScene sceneFor(const ExportSource& source, const ExportFrame& frame,
                                         bool legend);

/// The caption line of \p frame, e.g. "Epoch 3 · w = (2, 1.2) · b = 0 · 1 error", or for a
/// visit "Epoch 2 · sample 3/4 · x = (1, 0) · updated · w = (1, 1) · b = −1 · 2 errors".
/// Without a bias, b is left out.
[[nodiscard]] QString captionText(const ExportSource& source, const ExportFrame& frame);
/// The short heading of a storyboard panel: "Epoch 3" or "Epoch 2 · sample 3/4".
[[nodiscard]] QString frameHeading(const ExportSource& source, const ExportFrame& frame);
/// The rest of captionText() after the heading.
[[nodiscard]] QString frameDetails(const ExportSource& source, const ExportFrame& frame);

/// A number for captions: at most 3 significant digits, a typographic minus (U+2212).
[[nodiscard]] QString captionNumber(double value);

} // namespace plab::exporting
