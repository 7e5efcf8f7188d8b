#pragma once

#include "learning/generators.h"
#include "render/theme.h"

#include <QDialog>
#include <QString>

#include <span>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QSpinBox;

namespace plab::ui {

/// Every generator, in menu order.
[[nodiscard]] std::span<const learning::Generator> allGenerators();
/// The translated menu name of \p generator, e.g. "XOR" or "Two moons".
[[nodiscard]] QString generatorTitle(learning::Generator generator);
/// True when \p generator reads \p field of GeneratorParams ("count", "separation", "spread",
/// "extent", "target", "margin", "seed"); the four logic gates read none.
[[nodiscard]] bool generatorUses(learning::Generator generator, QStringView field);

/// Data > Generate…: picks one of the classic data sets, its parameters and seed, with a live
/// preview. Only the fields the chosen generator reads are enabled.
class GeneratorDialog : public QDialog
{
    Q_OBJECT

public:
    explicit GeneratorDialog(QWidget* parent = nullptr);

    void setGenerator(learning::Generator generator);
    [[nodiscard]] learning::Generator generator() const;
    void setParams(const learning::GeneratorParams& params);
    [[nodiscard]] learning::GeneratorParams params() const;
    void setTheme(const render::Theme& theme);

private:
    void updateFields();
    void updatePreview();

    render::Theme m_theme = render::Theme::light();
    QComboBox* m_generator = nullptr;
    QFormLayout* m_form = nullptr;
    QSpinBox* m_count = nullptr;
    QDoubleSpinBox* m_separation = nullptr;
    QDoubleSpinBox* m_spread = nullptr;
    QDoubleSpinBox* m_extent = nullptr;
    QDoubleSpinBox* m_targetW1 = nullptr;
    QDoubleSpinBox* m_targetW2 = nullptr;
    QDoubleSpinBox* m_targetB = nullptr;
    QWidget* m_targetRow = nullptr;
    QDoubleSpinBox* m_margin = nullptr;
    QSpinBox* m_seed = nullptr;
    QLabel* m_preview = nullptr;
    QLabel* m_summary = nullptr;
};

} // namespace plab::ui
