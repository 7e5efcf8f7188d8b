#pragma once

#include "engine/metatypes.h" // declares TrainingSettings to the meta-type system before moc
#include "learning/settings.h"

#include <QList>
#include <QWidget>

#include <array>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QSpinBox;
class QToolButton;
class QVBoxLayout;

namespace plab::ui {

/// What an edit of the model's shape changed besides the field edited, so that the settings stay
/// trainable and the window can say so.
struct ShapeFit
{
    learning::TrainingSettings settings;
    /// The typed-in initial weights no longer fit the new shape: the run starts from random
    /// weights drawn from the seed instead.
    bool givenDropped = false;
    /// The edit made a network with hidden units while the weights started at zero: every hidden
    /// unit would compute and learn the same, so the run starts from random weights instead.
    bool zerosReplaced = false;
};

/// \p after with what the new shape needs, after an edit from \p before: a linear model has no
/// hidden layers, a network always has biases, initial layers that no longer fit are dropped
/// (typed-in weights fall back to random ones), and a network that gains hidden units does not
/// start from zeros.
[[nodiscard]] ShapeFit fitShape(const learning::TrainingSettings& before,
                                learning::TrainingSettings after);

/// The model's shape: linear or network, the multi-class scheme, the hidden layers (0 to 3 of 1
/// to 16 units) and their activation, the feature maps, the batch size, and the parameter count
/// of each layer and in total, written out.
///
/// As ControlPanel: every edit applies only its field (and what fitShape() adds) to the settings
/// given with setSettings() and emits settingsEdited(); describeEdit() names the change for its
/// undo step.
class ModelPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ModelPanel(QWidget* parent = nullptr);

    /// Shows \p settings without emitting settingsEdited().
    void setSettings(const learning::TrainingSettings& settings);
    [[nodiscard]] const learning::TrainingSettings& settings() const { return m_settings; }

    /// The classes of the data (1 + its largest label): the run trains max(settings.classes,
    /// this), so the counts and the multi-class choice follow it.
    void setDataClasses(int classes);

    /// The undo text of an edit from \p from to \p to: "Add hidden layer 2", "Turn feature
    /// x₁x₂ on", and what fitShape() changed with it.
    [[nodiscard]] QString describeEdit(const learning::TrainingSettings& from,
                                       const learning::TrainingSettings& to) const;

    /// The parameter count as shown: one line per layer, then the total.
    [[nodiscard]] QString countText() const;

Q_SIGNALS:
    /// The user changed the model; \p settings is the complete new set.
    void settingsEdited(const plab::learning::TrainingSettings& settings);
    /// Something the user should know about an edit (the initial weights it replaced).
    void message(const QString& text);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void commit(learning::TrainingSettings next);
    /// The widgets from m_settings (no signals).
    void showSettings();
    void rebuildLayerRows();
    void updateTexts();
    [[nodiscard]] int classes() const;
    [[nodiscard]] QString batchText(const learning::TrainingSettings& s) const;
    /// The index of the hidden layer an edit from \p from to \p to removed.
    [[nodiscard]] std::size_t removedLayer(const std::vector<int>& from, const std::vector<int>& to,
                                           std::size_t firstDifference) const;

    learning::TrainingSettings m_settings;
    int m_dataClasses = 0;
    bool m_updating = false;
    int m_removedLayer = -1; ///< while a layer's remove button commits: that layer

    QGroupBox* m_modelBox = nullptr;
    QComboBox* m_kind = nullptr;
    QLabel* m_kindLabel = nullptr;
    QComboBox* m_multiclass = nullptr;
    QLabel* m_multiclassLabel = nullptr;

    QGroupBox* m_hiddenBox = nullptr;
    QVBoxLayout* m_layerRows = nullptr;
    struct LayerRow
    {
        QWidget* row = nullptr;
        QLabel* label = nullptr;
        QSpinBox* units = nullptr;
        QToolButton* remove = nullptr;
    };
    QList<LayerRow> m_rows;
    QToolButton* m_addLayer = nullptr;
    QComboBox* m_activation = nullptr;
    QLabel* m_activationLabel = nullptr;
    QLabel* m_hiddenNote = nullptr;

    QGroupBox* m_featureBox = nullptr;
    std::array<QCheckBox*, learning::kFeatureCount> m_features{};

    QGroupBox* m_batchBox = nullptr;
    QComboBox* m_batch = nullptr;
    QSpinBox* m_batchSize = nullptr;

    QGroupBox* m_countBox = nullptr;
    QLabel* m_layerCounts = nullptr;
    QLabel* m_totalCount = nullptr;
    QLabel* m_initNote = nullptr;
};

} // namespace plab::ui
