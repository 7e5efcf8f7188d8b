#pragma once

#include "engine/metatypes.h" // declares TrainingSettings to the meta-type system before moc
#include "io/project.h"
#include "learning/model.h"
#include "learning/settings.h"
#include "render/networkpainter.h"

#include <QImage>
#include <QWidget>

#include <optional>
#include <vector>

class QLabel;
class QLineEdit;

namespace plab::ui {

/// The model shown, drawn as a network (render::NetworkPainter), and every weight and bias typed
/// by hand. Hovering a connection, a bias or a unit shows its value in a tooltip; clicking a
/// connection or a bias (or a unit: its bias) opens a field over it: Enter applies, Esc cancels,
/// Tab and Shift+Tab apply and move to the next or previous parameter. A value that is not a
/// finite number within +/-1e9 is refused with a message under the field, which stays open.
///
/// From the keyboard: the arrow keys move a cursor over the parameters (layer by layer, each
/// unit's weights then its bias; Home and End: the first and the last), Enter or F2 opens the
/// field on it.
///
/// An applied value emits settingsEdited() with the settings whose run starts from the shown
/// model with that value (editor::withParameter()) and the undo text naming it.
class NetworkPanel : public QWidget
{
    Q_OBJECT

public:
    explicit NetworkPanel(QWidget* parent = nullptr);

    /// Shows \p model, each unit's picture over \p view; nothing: a short note instead.
    void setModel(const std::optional<learning::Model>& model, const io::ViewBox& view);
    /// The settings an edit starts from (all but the model's weights are kept).
    void setSettings(const learning::TrainingSettings& settings);
    void setTheme(const render::Theme& theme);

    [[nodiscard]] const std::optional<learning::Model>& model() const { return m_model; }
    /// Where everything is at the panel's current size.
    [[nodiscard]] render::NetworkPainter::Layout currentLayout() const;
    /// The parameters in keyboard order: each layer, each unit's weights, then its bias.
    [[nodiscard]] std::vector<render::NetworkItem> parameters() const;

    /// Opens the field on a weight or bias (a unit: its bias). False if there is none.
    bool edit(const render::NetworkItem& item);
    [[nodiscard]] bool isEditing() const { return m_editing.has_value(); }
    [[nodiscard]] QLineEdit* editor() const { return m_editor; }
    /// The message under the field after a refused entry (empty when there is none).
    [[nodiscard]] QString refusal() const;
    /// The tooltip of \p item in the model shown.
    [[nodiscard]] QString toolTipFor(const render::NetworkItem& item) const;

    /// The undo text of typing \p value into \p item: "Set w(1) h₂←x₁ to 0.5".
    [[nodiscard]] static QString describeEdit(const learning::ModelShape& shape,
                                              const render::NetworkItem& item, double value);

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

Q_SIGNALS:
    /// A value was applied: \p settings start the run from it; \p text names the edit.
    void settingsEdited(const plab::learning::TrainingSettings& settings, const QString& text);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;
    bool event(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    /// Applies the field's text; false (and the message shown) when it is refused.
    bool apply();
    void closeEditor();
    /// The parameter \p step places after (or before) \p item in keyboard order.
    [[nodiscard]] std::optional<render::NetworkItem> neighbour(const render::NetworkItem& item,
                                                               int step) const;
    void placeEditor();
    void setHovered(std::optional<render::NetworkItem> item);

    render::NetworkPainter m_painter;
    std::optional<learning::Model> m_model;
    io::ViewBox m_view;
    learning::TrainingSettings m_settings;
    QImage m_frame; ///< the picture without a highlight, for m_model over m_view at this size
    bool m_frameValid = false;

    std::optional<render::NetworkItem> m_hovered;
    std::optional<render::NetworkItem> m_cursor; ///< the keyboard's parameter
    std::optional<render::NetworkItem> m_editing;
    QLineEdit* m_editor = nullptr;
    QLabel* m_refusal = nullptr;
};

} // namespace plab::ui
