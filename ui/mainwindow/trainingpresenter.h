#pragma once

#include "learning/linearmodel.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <cstdint>
#include <deque>
#include <optional>

class QTimer;

namespace plab::editor {
class Document;
class Playback;
} // namespace plab::editor

namespace plab::ui {

class LearningCurves;
class ParameterPanel;
class PlotCanvas;
class Timeline;

/// Shows an editor::Playback (the timeline's state) on the widgets: the model at the timeline's
/// position on the canvas and in the parameter panel, the learning curves with their marker, the
/// timeline itself, and the always-visible status line; and the timeline's moves back to the
/// playback. The views are refreshed at most once per frame (a 16 ms timer), however often the
/// playback changes. Everything the presenter writes is text or pictures of the playback's state;
/// the state and the engine's commands are the playback's.
class TrainingPresenter : public QObject
{
    Q_OBJECT

public:
    /// None of the pointers is owned; all must outlive the presenter (the curves may go first).
    TrainingPresenter(editor::Playback* playback, editor::Document* document, PlotCanvas* canvas,
                      ParameterPanel* parameters, LearningCurves* curves, Timeline* timeline,
                      QObject* parent = nullptr);
    ~TrainingPresenter() override;

    /// Errors and accuracy of the shown model on the current data (as of the last refresh).
    [[nodiscard]] int shownErrors() const { return m_shownErrors; }
    [[nodiscard]] double shownAccuracy() const { return m_shownAccuracy; }

    /// The always-visible status line: epoch, errors, loss and how the run stands, e.g.
    /// "Epoch 4 · 0 errors · loss 0.000 — converged after 4 epochs".
    [[nodiscard]] QString statusText() const { return m_statusText; }

    /// Updates every view now instead of at the next frame.
    void refreshNow();

Q_SIGNALS:
    void statusChanged(const QString& text);
    /// A short note for the status bar ("Data changed: training starts over from epoch 0. The
    /// recorded run (20 epochs) is set aside: Undo brings it back.").
    void message(const QString& text);
    /// The views were brought up to date (at most once per frame).
    void refreshed();

private:
    void requestFrame();
    void refresh();
    [[nodiscard]] QString composeStatus() const;
    /// Whether the data is linearly separable (cached per data revision and bias setting).
    [[nodiscard]] bool separable() const;

    editor::Playback* m_playback;
    editor::Document* m_document;
    PlotCanvas* m_canvas;
    ParameterPanel* m_parameters;
    QPointer<LearningCurves> m_curves; ///< draws the playback's history; may be destroyed first
    Timeline* m_timeline;
    QTimer* m_frameTimer = nullptr;

    std::deque<learning::LinearModel> m_trail; ///< boundaries of the frames since the run started
    mutable std::optional<std::uint64_t> m_separableRevision;
    mutable bool m_separableWithBias = true;
    mutable bool m_separable = false;

    int m_shownErrors = 0;
    double m_shownAccuracy = 0.0;
    QString m_statusText;
};

} // namespace plab::ui
