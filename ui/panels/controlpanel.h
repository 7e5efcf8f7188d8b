#pragma once

#include "engine/metatypes.h" // declares TrainingSettings to the meta-type system before moc
#include "learning/settings.h"
#include "render/theme.h"

#include <QList>
#include <QWidget>

#include <span>

class QAction;
class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QRadioButton;
class QSlider;
class QSpinBox;
class QWidget;

namespace plab::ui {

/// The speeds the speed slider offers, in epochs per second; 0 (the last stop) is "as fast as
/// possible".
[[nodiscard]] std::span<const double> speedStops();
/// "10 epochs/s", "0.5 epochs/s" or "As fast as possible".
[[nodiscard]] QString speedText(double epochsPerSecond);

/// The training controls: the active class, the learning rule and every convention it needs
/// (learning rate, epoch limit, initial weights, bias, the prediction at net = 0, sample order and
/// seed, gradient mode), the speed, and buttons for the window's training actions.
///
/// Every edit applies only the field the user changed to the last settings given with
/// setSettings() and emits settingsEdited(), so values the widgets cannot show (a 64-bit seed from
/// a file, say) survive edits of other fields. Out-of-range values cannot be typed: each field
/// has the range validate() accepts.
class ControlPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ControlPanel(QWidget* parent = nullptr);

    /// Shows \p settings without emitting settingsEdited().
    void setSettings(const learning::TrainingSettings& settings);
    [[nodiscard]] const learning::TrainingSettings& settings() const { return m_settings; }

    /// Epochs per second; 0 is as fast as possible. Snaps to the nearest stop; no signal.
    void setSpeed(double epochsPerSecond);
    [[nodiscard]] double speed() const;

    /// Buttons for the training actions (Train/Pause, Step sample, ...), in this order.
    void setTrainingActions(const QList<QAction*>& actions);

    /// Colours and shapes of the class buttons.
    void setTheme(const render::Theme& theme);
    /// The classes the chooser offers, 0 ... classCount() - 1: the settings' classes, those the
    /// points hold and the active one (the keys 1-8 choose any of the eight), at least two.
    [[nodiscard]] int classCount() const;

    /// The undo text of an edit from \p from to \p to, naming the setting in the words of its
    /// field and the new value: "Change learning rate to 0.5", "Turn bias off".
    [[nodiscard]] QString describeEdit(const learning::TrainingSettings& from,
                                       const learning::TrainingSettings& to) const;

public Q_SLOTS:
    /// 0 ... 7, without emitting activeClassChosen().
    void setActiveClass(int cls);
    /// How many classes the points hold: 1 + their largest label (0 for none).
    void setClassesInData(int classes);

Q_SIGNALS:
    /// The user changed a setting; \p settings is the complete new set.
    void settingsEdited(const plab::learning::TrainingSettings& settings);
    void speedChanged(double epochsPerSecond);
    /// The user picked the class new clicks place.
    void activeClassChosen(int cls);
    /// Enter was pressed in a field: the value is applied and the keys can go back to the plot.
    void editingConfirmed();

protected:
    /// QEvent::LanguageChange: every text again, in the new language.
    void changeEvent(QEvent* event) override;
    /// The speed slider's arrow keys (see the constructor).
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslateUi();
    /// Stores \p next and emits settingsEdited() unless the widgets are being filled in.
    void commit(const learning::TrainingSettings& next);
    void updateEnabled();
    void updateClassButtons();

    learning::TrainingSettings m_settings;
    bool m_updating = false;

    QGroupBox* m_pointsBox = nullptr;
    QGroupBox* m_runBox = nullptr;
    QGroupBox* m_ruleBox = nullptr;
    QGroupBox* m_startBox = nullptr;
    QLabel* m_speedTitle = nullptr;
    QButtonGroup* m_classGroup = nullptr;
    int m_classesInData = 0;
    QWidget* m_actionRow = nullptr;
    QComboBox* m_rule = nullptr;
    QComboBox* m_gradientMode = nullptr;
    QLabel* m_gradientModeLabel = nullptr;
    QDoubleSpinBox* m_learningRate = nullptr;
    QSpinBox* m_maxEpochs = nullptr;
    QCheckBox* m_useBias = nullptr;
    QComboBox* m_zero = nullptr;
    QComboBox* m_stopRule = nullptr; ///< the perceptron family's stop rule
    QComboBox* m_init = nullptr;
    QDoubleSpinBox* m_initW1 = nullptr;
    QDoubleSpinBox* m_initW2 = nullptr;
    QDoubleSpinBox* m_initB = nullptr;
    QWidget* m_givenRow = nullptr;
    QDoubleSpinBox* m_randomScale = nullptr;
    QLabel* m_randomScaleLabel = nullptr;
    QComboBox* m_order = nullptr;
    QSpinBox* m_seed = nullptr;
    QSlider* m_speed = nullptr;
    QLabel* m_speedLabel = nullptr;
};

} // namespace plab::ui
