#pragma once

#include "learning/dataset.h"
#include "learning/model.h"
#include "render/hiddenpainter.h"
#include "render/theme.h"

#include <QWidget>

#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QPushButton;

namespace plab::ui {

/// The picture of the hidden layer's view: render::HiddenPainter on screen.
class HiddenCanvas : public QWidget
{
    Q_OBJECT

public:
    explicit HiddenCanvas(QWidget* parent = nullptr);

    void setPlane(render::HiddenPlane plane);
    void setTheme(const render::Theme& theme);
    [[nodiscard]] const render::Theme& theme() const { return m_theme; }
    /// Where the painter puts things at the canvas's current size.
    [[nodiscard]] render::HiddenPainter::Layout paintLayout() const;
    [[nodiscard]] QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    render::HiddenPlane m_plane;
    render::Theme m_theme = render::Theme::light();
};

/// The hidden layer's view (the dock "Hidden Layer"): the data as a chosen hidden layer of the
/// network sees it, every point at (h_a, h_b), the activations of two chosen units, with the next
/// layer in that plane (render::HiddenPlane says what is drawn, and when it is exact). Three
/// combo boxes choose the layer and the two units; they show only for a network with hidden
/// layers, and for any other model one line says what the view is for. It shows the model it is
/// given (the window gives it the model at the timeline's position once per display frame), and
/// computes the plane only while visible. Export writes the same picture as PNG, SVG or PDF.
class HiddenView : public QWidget
{
    Q_OBJECT

public:
    explicit HiddenView(QWidget* parent = nullptr);

    /// Shows \p model (nothing: no model yet) on \p data. A new network shape keeps the chosen
    /// layer and units where they still exist; the first network shown starts at its last hidden
    /// layer (the one the output reads), units 1 and 2.
    void setModel(const std::optional<learning::Model>& model, const learning::Dataset& data);
    void setTheme(const render::Theme& theme);

    /// Chooses the layer and the units (as the combo boxes do; out of range is clamped).
    void choose(int layer, int unitA, int unitB);

    [[nodiscard]] const render::HiddenScene& scene() const { return m_scene; }
    /// The plane shown (up to date while the view is visible).
    [[nodiscard]] const render::HiddenPlane& plane() const { return m_plane; }
    [[nodiscard]] HiddenCanvas* canvas() const { return m_canvas; }

    /// Replaces the save-file dialog (tests): given a suggested path and the filter, the path
    /// chosen or an empty string.
    void setFileChooser(std::function<QString(const QString&, const QString&)> chooser);

public Q_SLOTS:
    /// Asks for a file and writes the picture there (PNG, SVG or PDF by its suffix).
    void exportPicture();

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void refresh();
    /// The combo boxes' items for the scene's network (kept quiet while they change).
    void fillChoices();
    void retranslate();

    render::HiddenScene m_scene;
    render::HiddenPlane m_plane;
    std::vector<int> m_shownHidden; ///< the hidden layers the combo boxes were filled for
    bool m_stale = true;            ///< m_plane is older than m_scene
    bool m_startChosen = false;     ///< the first network's layer was chosen
    QLabel* m_layerLabel = nullptr;
    QComboBox* m_layer = nullptr;
    QLabel* m_unitsLabel = nullptr;
    QComboBox* m_unitA = nullptr;
    QComboBox* m_unitB = nullptr;
    QPushButton* m_export = nullptr;
    QWidget* m_controls = nullptr;
    QLabel* m_note = nullptr;
    HiddenCanvas* m_canvas = nullptr;
    std::function<QString(const QString&, const QString&)> m_chooser;
};

} // namespace plab::ui
