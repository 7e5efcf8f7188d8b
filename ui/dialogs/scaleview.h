#pragma once

#include "learning/scale.h"
#include "render/scalepainter.h"

#include <QDialog>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

class QPushButton;

namespace plab::editor {
class Document;
class Playback;
} // namespace plab::editor

namespace plab::ui {

/// The picture of the "How big is this model?" view: render::ScalePainter on screen, in the
/// palette's theme.
class ScaleCanvas : public QWidget
{
    Q_OBJECT

public:
    explicit ScaleCanvas(QWidget* parent = nullptr);

    void setScene(const render::ScaleScene& scene);
    [[nodiscard]] const render::ScaleScene& scene() const { return m_scene; }
    [[nodiscard]] QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    render::ScaleScene m_scene;
};

/// Help > How big is this model?: the current model on a logarithmic ladder of real models
/// (render::ScalePainter), with the current run's parameters, data and compute. It follows the
/// document and the timeline while open. This machine's rate is measured when the view opens and
/// whenever the model or the data change: learning::measureTrainingRate() trains a copy of the
/// document's model on its points for kMeasureSeconds on a thread of its own, never on the GUI
/// thread, and leaves its result behind a std::mutex, which a timer on the GUI thread collects
/// (a hand-over ThreadSanitizer can see, as the engine's); a result that arrives after a newer
/// change is dropped, and closing the view stops a measurement within an epoch. Export writes the
/// same picture as PNG, SVG or PDF (exporting::writePicture()).
class ScaleView : public QDialog
{
    Q_OBJECT

public:
    /// How long a rate measurement trains.
    static constexpr double kMeasureSeconds = 0.5;

    ScaleView(const editor::Document& document, const editor::Playback& playback,
              QWidget* parent = nullptr);
    ~ScaleView() override;

    /// What the view shows for \p document and its run in \p playback (without the rate).
    [[nodiscard]] static render::ScaleScene sceneOf(const editor::Document& document,
                                                    const editor::Playback& playback);

    [[nodiscard]] const render::ScaleScene& scene() const { return m_canvas->scene(); }
    [[nodiscard]] bool isMeasuring() const { return m_measurement != nullptr; }
    /// Replaces the save-file dialog (tests): given a suggested path and the filter, the path
    /// chosen or an empty string.
    void setFileChooser(std::function<QString(const QString&, const QString&)> chooser);

public Q_SLOTS:
    /// Measures this machine's rate again.
    void measure();
    /// Asks for a file and writes the picture there (PNG, SVG or PDF by its suffix).
    void exportPicture();

Q_SIGNALS:
    /// A rate measurement ended (with a rate or without one).
    void measured();

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();
    void retranslate();
    /// Collects the running measurement's result once it is there.
    void collect();

    /// What a measuring thread leaves for the GUI thread.
    struct Measurement
    {
        std::mutex mutex;
        bool done = false;
        std::optional<learning::RateMeasurement> result;
    };

    const editor::Document& m_document;
    const editor::Playback& m_playback;
    ScaleCanvas* m_canvas = nullptr;
    QPushButton* m_measureButton = nullptr;
    QPushButton* m_exportButton = nullptr;
    QPushButton* m_closeButton = nullptr;
    std::shared_ptr<Measurement> m_measurement; ///< the running measurement's; null when none runs
    QTimer m_collectTimer;
    std::optional<learning::RateMeasurement> m_rate;
    int m_generation = 0;          ///< bumped by every change of the model or the data
    int m_measuredGeneration = -1; ///< the generation the running measurement is for
    std::function<QString(const QString&, const QString&)> m_chooser;
    std::jthread m_thread; ///< last: stopped and joined first when the view goes
};

/// Opens the view over \p parent (not modal, deleted when closed); the one already open is raised
/// instead.
ScaleView* showScaleView(QWidget* parent, const editor::Document& document,
                         const editor::Playback& playback);

} // namespace plab::ui
