#include "ui/panels/controlpanel.h"

#include "io/numberformat.h"
#include "render/paintkit.h"

#include <QAction>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QRadioButton>
#include <QSlider>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace plab::ui {

namespace {

constexpr std::array<double, 12> kSpeedStops{0.5,  1.0,   2.0,   5.0,    10.0, 20.0,
                                             50.0, 100.0, 200.0, 1000.0, 1e4,  0.0};

/// A class marker as an icon, in the theme's colour and shape (drawn at twice the size an icon
/// usually gets, so it stays sharp on high-density screens).
QIcon markerIcon(const render::Theme& theme, int cls)
{
    constexpr int size = 32;
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(theme.markerEdge, 2.0));
    painter.setBrush(theme.classColors[std::size_t(cls)]);
    // The star reaches furthest (0.72 of the diameter): every shape at the same diameter.
    painter.drawPath(render::paintkit::markerPath(theme.classShapes[std::size_t(cls)],
                                                  QPointF(0.5 * size, 0.5 * size), 20.0));
    return QIcon(pixmap);
}

/// A spin box that writes its value without trailing zeros ("1", "0.05", not "1.00000"), so a
/// learning rate reads as typed.
class CompactSpinBox : public QDoubleSpinBox
{
public:
    using QDoubleSpinBox::QDoubleSpinBox;

protected:
    QString textFromValue(double value) const override
    {
        QString text = locale().toString(value, 'f', decimals());
        text.remove(locale().groupSeparator());
        const QString point = locale().decimalPoint();
        if (text.contains(point)) {
            while (text.endsWith(u'0'))
                text.chop(1);
            if (text.endsWith(point))
                text.chop(point.size());
        }
        return text;
    }
};

/// A combo box of \p values; retranslateUi() names the items.
QComboBox* makeCombo(QWidget* parent, std::initializer_list<int> values)
{
    auto* combo = new QComboBox(parent);
    for (const int value : values)
        combo->addItem(QString(), value);
    // The dock may be narrower than the longest item; the popup still shows it in full.
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(14);
    return combo;
}

/// Names the items of \p combo, in the order they were added.
void setItemTexts(QComboBox* combo, std::initializer_list<QString> texts)
{
    int index = 0;
    for (const QString& text : texts)
        combo->setItemText(index++, text);
}

/// A form row whose label retranslateUi() fills in (labelText() finds it again).
void addRow(QFormLayout* form, QWidget* field)
{
    auto* label = new QLabel(field->parentWidget());
    label->setBuddy(field);
    form->addRow(label, field);
}

void setLabelText(QWidget* field, const QString& text)
{
    auto* form = qobject_cast<QFormLayout*>(field->parentWidget()->layout());
    if (auto* label = qobject_cast<QLabel*>(form ? form->labelForField(field) : nullptr))
        label->setText(text);
}

void selectData(QComboBox* combo, int value)
{
    combo->setCurrentIndex(std::max(combo->findData(value), 0));
}

QDoubleSpinBox* makeWeightSpin(QWidget* parent, const QString& prefix)
{
    auto* spin = new CompactSpinBox(parent);
    spin->setPrefix(prefix);
    spin->setRange(-1000.0, 1000.0);
    spin->setDecimals(3);
    spin->setSingleStep(0.1);
    return spin;
}

} // namespace

std::span<const double> speedStops()
{
    return kSpeedStops;
}

QString speedText(double epochsPerSecond)
{
    if (epochsPerSecond <= 0.0)
        return ControlPanel::tr("As fast as possible");
    return ControlPanel::tr("%1 epochs/s").arg(io::displayNumber(epochsPerSecond, 6));
}

ControlPanel::ControlPanel(QWidget* parent) : QWidget(parent)
{
    using learning::GradientMode;
    using learning::InitKind;
    using learning::Rule;
    using learning::SampleOrder;
    using learning::ZeroConvention;

    auto* layout = new QVBoxLayout(this);

    // Points: which class a left click places.
    auto* points = m_pointsBox = new QGroupBox(this);
    auto* pointsLayout = new QGridLayout(points);
    m_classGroup = new QButtonGroup(this);
    for (int cls = 0; cls < learning::kMaxClasses; ++cls) {
        auto* button = new QRadioButton(points);
        button->setObjectName(u"class%1"_s.arg(cls));
        m_classGroup->addButton(button, cls);
        pointsLayout->addWidget(button, cls / 2, cls % 2);
    }
    pointsLayout->setColumnStretch(2, 1);
    m_classGroup->button(0)->setChecked(true);
    updateClassButtons();
    layout->addWidget(points);
    connect(m_classGroup, &QButtonGroup::idClicked, this, &ControlPanel::activeClassChosen);

    // Run: the action buttons and the speed.
    auto* run = m_runBox = new QGroupBox(this);
    auto* runLayout = new QVBoxLayout(run);
    m_actionRow = new QWidget(run);
    auto* actionLayout = new QGridLayout(m_actionRow);
    actionLayout->setContentsMargins(0, 0, 0, 0);
    runLayout->addWidget(m_actionRow);
    auto* speedRow = new QHBoxLayout;
    m_speed = new QSlider(Qt::Horizontal, run);
    m_speed->setObjectName(QStringLiteral("speed"));
    m_speed->setRange(0, int(kSpeedStops.size()) - 1);
    m_speed->setPageStep(1);
    m_speed->setTickPosition(QSlider::TicksBelow);
    m_speedLabel = new QLabel(run);
    m_speedTitle = new QLabel(run);
    speedRow->addWidget(m_speedTitle);
    speedRow->addWidget(m_speed, 1);
    speedRow->addWidget(m_speedLabel);
    runLayout->addLayout(speedRow);
    layout->addWidget(run);
    connect(m_speed, &QSlider::valueChanged, this, [this](int stop) {
        m_speedLabel->setText(speedText(kSpeedStops[std::size_t(stop)]));
        if (!m_updating)
            Q_EMIT speedChanged(kSpeedStops[std::size_t(stop)]);
    });

    // The rule and its parameters.
    auto* ruleBox = m_ruleBox = new QGroupBox(this);
    auto* ruleForm = new QFormLayout(ruleBox);
    m_rule = makeCombo(ruleBox, {int(Rule::Perceptron), int(Rule::Pocket), int(Rule::Averaged),
                                 int(Rule::Adaline), int(Rule::Logistic)});
    m_rule->setObjectName(QStringLiteral("rule"));
    addRow(ruleForm, m_rule);
    m_gradientMode = makeCombo(ruleBox, {int(GradientMode::Online), int(GradientMode::Batch)});
    m_gradientModeLabel = new QLabel(ruleBox);
    m_gradientModeLabel->setBuddy(m_gradientMode);
    ruleForm->addRow(m_gradientModeLabel, m_gradientMode);
    m_learningRate = new CompactSpinBox(ruleBox);
    m_learningRate->setObjectName(QStringLiteral("learningRate"));
    m_learningRate->setDecimals(5);
    m_learningRate->setRange(0.00001, 1e6);
    m_learningRate->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    addRow(ruleForm, m_learningRate);
    m_maxEpochs = new QSpinBox(ruleBox);
    m_maxEpochs->setRange(1, learning::kMaxEpochsLimit);
    m_maxEpochs->setGroupSeparatorShown(true);
    addRow(ruleForm, m_maxEpochs);
    m_useBias = new QCheckBox(ruleBox);
    ruleForm->addRow(m_useBias);
    m_zero = makeCombo(ruleBox, {int(ZeroConvention::Positive), int(ZeroConvention::Negative),
                                 int(ZeroConvention::Mistake)});
    addRow(ruleForm, m_zero);
    m_stopRule = makeCombo(ruleBox, {int(learning::PerceptronStop::MistakeFreePass),
                                     int(learning::PerceptronStop::ZeroErrors)});
    m_stopRule->setObjectName(QStringLiteral("stopRule"));
    addRow(ruleForm, m_stopRule);
    layout->addWidget(ruleBox);

    // Where the weights start and the order of the samples.
    auto* start = m_startBox = new QGroupBox(this);
    auto* startForm = new QFormLayout(start);
    m_init = makeCombo(start, {int(InitKind::Zeros), int(InitKind::Random), int(InitKind::Given)});
    m_init->setObjectName(QStringLiteral("init"));
    addRow(startForm, m_init);
    m_givenRow = new QWidget(start);
    auto* givenLayout = new QHBoxLayout(m_givenRow);
    givenLayout->setContentsMargins(0, 0, 0, 0);
    m_initW1 = makeWeightSpin(m_givenRow, u"w₁ "_s);
    m_initW2 = makeWeightSpin(m_givenRow, u"w₂ "_s);
    m_initB = makeWeightSpin(m_givenRow, u"b "_s);
    givenLayout->addWidget(m_initW1);
    givenLayout->addWidget(m_initW2);
    givenLayout->addWidget(m_initB);
    startForm->addRow(m_givenRow);
    m_randomScale = new CompactSpinBox(start);
    m_randomScale->setRange(0.001, 1000.0);
    m_randomScale->setDecimals(3);
    m_randomScale->setPrefix(u"± "_s);
    m_randomScaleLabel = new QLabel(start);
    m_randomScaleLabel->setBuddy(m_randomScale);
    startForm->addRow(m_randomScaleLabel, m_randomScale);
    m_order = makeCombo(start, {int(SampleOrder::File), int(SampleOrder::Shuffle)});
    addRow(startForm, m_order);
    m_seed = new QSpinBox(start);
    m_seed->setRange(0, std::numeric_limits<int>::max());
    addRow(startForm, m_seed);
    layout->addWidget(start);
    layout->addStretch(1);

    // Each field applies only itself to the current settings.
    const auto onEdit = [this](auto apply) {
        return [this, apply](auto value) {
            if (m_updating)
                return;
            learning::TrainingSettings next = m_settings;
            apply(next, value);
            commit(next);
        };
    };
    connect(m_rule, &QComboBox::currentIndexChanged, this,
            onEdit([this](learning::TrainingSettings& s, int) {
                s.rule = Rule(m_rule->currentData().toInt());
            }));
    connect(m_gradientMode, &QComboBox::currentIndexChanged, this,
            onEdit([this](learning::TrainingSettings& s, int) {
                s.gradientMode = GradientMode(m_gradientMode->currentData().toInt());
            }));
    connect(m_learningRate, &QDoubleSpinBox::valueChanged, this,
            onEdit([](learning::TrainingSettings& s, double v) { s.learningRate = v; }));
    connect(m_maxEpochs, &QSpinBox::valueChanged, this,
            onEdit([](learning::TrainingSettings& s, int v) { s.maxEpochs = v; }));
    connect(m_useBias, &QCheckBox::toggled, this,
            onEdit([](learning::TrainingSettings& s, bool v) { s.useBias = v; }));
    connect(m_zero, &QComboBox::currentIndexChanged, this,
            onEdit([this](learning::TrainingSettings& s, int) {
                s.zero = ZeroConvention(m_zero->currentData().toInt());
            }));
    connect(m_stopRule, &QComboBox::currentIndexChanged, this,
            onEdit([this](learning::TrainingSettings& s, int) {
                s.perceptronStop = learning::PerceptronStop(m_stopRule->currentData().toInt());
            }));
    connect(m_init, &QComboBox::currentIndexChanged, this,
            onEdit([this](learning::TrainingSettings& s, int) {
                s.init = InitKind(m_init->currentData().toInt());
            }));
    connect(m_initW1, &QDoubleSpinBox::valueChanged, this,
            onEdit([](learning::TrainingSettings& s, double v) { s.initial.w.x() = v; }));
    connect(m_initW2, &QDoubleSpinBox::valueChanged, this,
            onEdit([](learning::TrainingSettings& s, double v) { s.initial.w.y() = v; }));
    connect(m_initB, &QDoubleSpinBox::valueChanged, this,
            onEdit([](learning::TrainingSettings& s, double v) { s.initial.b = v; }));
    connect(m_randomScale, &QDoubleSpinBox::valueChanged, this,
            onEdit([](learning::TrainingSettings& s, double v) { s.randomScale = v; }));
    connect(m_order, &QComboBox::currentIndexChanged, this,
            onEdit([this](learning::TrainingSettings& s, int) {
                s.order = SampleOrder(m_order->currentData().toInt());
            }));
    connect(m_seed, &QSpinBox::valueChanged, this,
            onEdit([](learning::TrainingSettings& s, int v) { s.seed = std::uint64_t(v); }));

    // A value is applied when it is complete (Enter, arrows, leaving the field), not at every
    // keystroke: typing 0.05 must not pass through 0 or 0.0.
    // Enter confirms the value and hands the keys back to the window (S, N, Space would otherwise
    // be typed into the field); leaving the field by Tab or a click is not a confirmation.
    for (auto* spin : findChildren<QAbstractSpinBox*>()) {
        spin->setKeyboardTracking(false);
        connect(spin, &QAbstractSpinBox::editingFinished, this, [this, spin] {
            if (spin->hasFocus())
                Q_EMIT editingConfirmed();
        });
    }
    // A focused speed slider takes its arrow keys before the window's step shortcuts do.
    m_speed->installEventFilter(this);

    retranslateUi();
    setTheme(render::Theme::light());
    setSettings(m_settings);
    setSpeed(10.0);
}

bool ControlPanel::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_speed && event->type() == QEvent::ShortcutOverride) {
        switch (static_cast<QKeyEvent*>(event)->key()) {
        case Qt::Key_Left:
        case Qt::Key_Right:
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_Home:
        case Qt::Key_End:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown:
            event->accept();
            return true;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ControlPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}

void ControlPanel::retranslateUi()
{
    m_pointsBox->setTitle(tr("New points"));
    // Classes keep their labels (0 ... 7, as in the files); key k places label k - 1.
    for (int cls = 0; cls < learning::kMaxClasses; ++cls) {
        QAbstractButton* button = m_classGroup->button(cls);
        button->setText(tr("Class %1 (key %2)").arg(cls).arg(cls + 1));
        button->setToolTip(tr("Left click places this class; right click and Shift+click place "
                              "class 1 while class 0 is active, class 0 otherwise."));
    }

    m_runBox->setTitle(tr("Run"));
    m_speedTitle->setText(tr("Speed"));
    m_speed->setToolTip(tr("Training speed in epochs per second"));
    // As wide as the widest stop, whichever that is in this language.
    int widest = 0;
    for (const double stop : kSpeedStops)
        widest = std::max(widest, m_speedLabel->fontMetrics().horizontalAdvance(speedText(stop)));
    m_speedLabel->setMinimumWidth(widest + 4);
    m_speedLabel->setText(speedText(speed()));

    m_ruleBox->setTitle(tr("Learning rule"));
    setItemTexts(m_rule,
                 {tr("Perceptron (Rosenblatt)"), tr("Pocket perceptron"), tr("Averaged perceptron"),
                  tr("Adaline (Widrow-Hoff)"), tr("Logistic regression")});
    setLabelText(m_rule, tr("&Rule"));
    setItemTexts(m_gradientMode, {tr("Online (after each sample)"), tr("Batch (once per epoch)")});
    m_gradientModeLabel->setText(tr("&Gradient"));
    m_learningRate->setToolTip(tr("η, the step size of every update. Takes effect at once, "
                                  "even while training runs."));
    setLabelText(m_learningRate, tr("&Learning rate η"));
    setLabelText(m_maxEpochs, tr("&Epoch limit"));
    m_useBias->setText(tr("Learn a &bias b"));
    setItemTexts(m_zero, {tr("class 1 (y = 1 if net ≥ 0)"), tr("class 0 (y = 1 only if net > 0)"),
                          tr("a mistake (as in the proof)")});
    setLabelText(m_zero, tr("At net = &0"));
    setItemTexts(m_stopRule, {tr("a pass makes no mistake"), tr("the weights make no error")});
    m_stopRule->setToolTip(
        tr("When the perceptron, pocket and averaged rules stop. Rosenblatt's rule (the default) "
           "stops after a full pass in which no point was misclassified, and shows that pass; the "
           "other stops one pass earlier, as soon as the weights classify every point (projects "
           "saved before this choice existed use it)."));
    setLabelText(m_stopRule, tr("Stop &when"));

    m_startBox->setTitle(tr("Start and order"));
    setItemTexts(m_init, {tr("Zeros"), tr("Random (from the seed)"), tr("Typed in")});
    setLabelText(m_init, tr("&Initial weights"));
    m_randomScaleLabel->setText(tr("Random &range"));
    setItemTexts(m_order, {tr("File order"), tr("Shuffled every epoch")});
    setLabelText(m_order, tr("Sample &order"));
    m_seed->setToolTip(tr("The same seed gives the same run, sample for sample."));
    setLabelText(m_seed, tr("&Seed"));
    updateEnabled(); // its tooltips say why a control does not apply, in this language
}

void ControlPanel::setSettings(const learning::TrainingSettings& settings)
{
    m_settings = settings;
    m_updating = true;
    selectData(m_rule, int(settings.rule));
    selectData(m_gradientMode, int(settings.gradientMode));
    m_learningRate->setValue(settings.learningRate);
    m_maxEpochs->setValue(settings.maxEpochs);
    m_useBias->setChecked(settings.useBias);
    selectData(m_zero, int(settings.zero));
    selectData(m_stopRule, int(settings.perceptronStop));
    selectData(m_init, int(settings.init));
    m_initW1->setValue(settings.initial.w.x());
    m_initW2->setValue(settings.initial.w.y());
    m_initB->setValue(settings.initial.b);
    m_randomScale->setValue(settings.randomScale);
    selectData(m_order, int(settings.order));
    m_seed->setValue(int(std::min<std::uint64_t>(settings.seed, std::uint64_t(m_seed->maximum()))));
    m_updating = false;
    updateEnabled();
}

void ControlPanel::setSpeed(double epochsPerSecond)
{
    std::size_t best = kSpeedStops.size() - 1;
    if (epochsPerSecond > 0.0) {
        double bestDistance = std::numeric_limits<double>::infinity();
        for (std::size_t i = 0; i + 1 < kSpeedStops.size(); ++i) {
            const double distance = std::abs(std::log(kSpeedStops[i] / epochsPerSecond));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = i;
            }
        }
    }
    m_updating = true;
    m_speed->setValue(int(best));
    m_speedLabel->setText(speedText(kSpeedStops[best]));
    m_updating = false;
}

double ControlPanel::speed() const
{
    return kSpeedStops[std::size_t(m_speed->value())];
}

void ControlPanel::setTrainingActions(const QList<QAction*>& actions)
{
    // Three buttons a row: wide enough for their labels in a narrow dock.
    auto* layout = static_cast<QGridLayout*>(m_actionRow->layout());
    for (int i = 0; i < actions.size(); ++i) {
        auto* button = new QToolButton(m_actionRow);
        button->setDefaultAction(actions.at(i));
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
        layout->addWidget(button, i / 3, i % 3);
    }
}

void ControlPanel::setTheme(const render::Theme& theme)
{
    for (int cls = 0; cls < learning::kMaxClasses; ++cls)
        m_classGroup->button(cls)->setIcon(markerIcon(theme, cls));
}

void ControlPanel::setActiveClass(int cls)
{
    if (QAbstractButton* button = m_classGroup->button(cls)) {
        button->setChecked(true);
        updateClassButtons();
    }
}

void ControlPanel::setClassesInData(int classes)
{
    m_classesInData = classes;
    updateClassButtons();
}

int ControlPanel::classCount() const
{
    return std::clamp(
        std::max({m_settings.classes, m_classesInData, m_classGroup->checkedId() + 1}), 2,
        learning::kMaxClasses);
}

void ControlPanel::updateClassButtons()
{
    const int count = classCount();
    for (int cls = 0; cls < learning::kMaxClasses; ++cls)
        m_classGroup->button(cls)->setVisible(cls < count);
}

QString ControlPanel::describeEdit(const learning::TrainingSettings& from,
                                   const learning::TrainingSettings& to) const
{
    const auto item = [](const QComboBox* combo, int value) {
        return combo->itemText(combo->findData(value));
    };
    const auto number = [](const QDoubleSpinBox* spin, double value) {
        return spin->textFromValue(value);
    };
    if (from.rule != to.rule)
        return tr("Change rule to %1").arg(item(m_rule, int(to.rule)));
    if (from.gradientMode != to.gradientMode)
        return tr("Change gradient to %1").arg(item(m_gradientMode, int(to.gradientMode)));
    if (from.learningRate != to.learningRate)
        return tr("Change learning rate to %1").arg(number(m_learningRate, to.learningRate));
    if (from.maxEpochs != to.maxEpochs)
        return tr("Change epoch limit to %1").arg(m_maxEpochs->locale().toString(to.maxEpochs));
    if (from.useBias != to.useBias)
        return to.useBias ? tr("Turn bias on") : tr("Turn bias off");
    if (from.perceptronStop != to.perceptronStop)
        return tr("Stop when %1").arg(item(m_stopRule, int(to.perceptronStop)));
    if (from.zero != to.zero)
        return tr("Predict %1 at net = 0").arg(item(m_zero, int(to.zero)));
    if (from.init != to.init)
        return tr("Change initial weights to %1").arg(item(m_init, int(to.init)));
    if (from.initial.w.x() != to.initial.w.x())
        return tr("Change initial w₁ to %1").arg(number(m_initW1, to.initial.w.x()));
    if (from.initial.w.y() != to.initial.w.y())
        return tr("Change initial w₂ to %1").arg(number(m_initW2, to.initial.w.y()));
    if (from.initial.b != to.initial.b)
        return tr("Change initial b to %1").arg(number(m_initB, to.initial.b));
    if (from.randomScale != to.randomScale)
        return tr("Change random range to ± %1").arg(number(m_randomScale, to.randomScale));
    if (from.order != to.order)
        return tr("Change sample order to %1").arg(item(m_order, int(to.order)));
    if (from.seed != to.seed)
        return tr("Change seed to %1").arg(to.seed);
    return tr("Change training settings");
}

void ControlPanel::commit(const learning::TrainingSettings& next)
{
    m_settings = next;
    updateEnabled();
    Q_EMIT settingsEdited(m_settings);
}

void ControlPanel::updateEnabled()
{
    // A network (the model panel's choice) has its own training: what only the linear rules use
    // is disabled, saying why.
    const bool network = m_settings.model == learning::ModelKind::Network;
    const auto why = [network](const QString& text) { return network ? text : QString(); };
    m_rule->setEnabled(!network);
    m_rule->setToolTip(why(tr("A network trains by backpropagation with cross-entropy, whatever "
                              "the rule.")));
    const bool gradient = !network && !learning::isPerceptronFamily(m_settings.rule);
    m_gradientMode->setEnabled(gradient);
    m_gradientModeLabel->setEnabled(gradient);
    m_gradientMode->setToolTip(
        why(tr("A network's samples per update are its batch size, in the Model tab.")));
    m_stopRule->setEnabled(!gradient && !network);
    m_useBias->setEnabled(!network);
    m_useBias->setToolTip(network ? tr("A network always has biases.")
                                  : tr("Without a bias the boundary always passes through the "
                                       "origin."));
    m_zero->setEnabled(!network);
    m_zero->setToolTip(network ? tr("A network predicts class 1 only where its output net is "
                                    "above 0; the convention is the linear rules'.")
                               : tr("What a point exactly on the boundary (net = 0) is predicted "
                                    "as."));
    m_givenRow->setVisible(m_settings.init == learning::InitKind::Given);
    // The typed-in w1, w2, b are the classic model's; other models take their given weights as
    // layers (a project file, the network panel).
    const bool classic = learning::modelShape(m_settings).isClassic();
    m_givenRow->setEnabled(classic);
    m_givenRow->setToolTip(classic ? QString()
                                   : tr("w₁, w₂ and b are the weights of the linear model on x₁ "
                                        "and x₂ with two classes; this model has other "
                                        "weights."));
    // "Typed in" needs weights of the model's shape: w1, w2, b, or layers (typed in the network
    // panel, or from a project).
    if (auto* items = qobject_cast<QStandardItemModel*>(m_init->model())) {
        QStandardItem* given = items->item(m_init->findData(int(learning::InitKind::Given)));
        const bool typable = classic || !m_settings.initialLayers.empty();
        given->setEnabled(typable || m_settings.init == learning::InitKind::Given);
        given->setToolTip(
            typable ? QString()
                    : tr("Type this model's weights in the Network panel (View > Network: click a "
                         "connection or a bias), or open a project that gives them as layers; w₁, "
                         "w₂ and b fit only the linear model on x₁ and x₂ with two classes."));
    }
    const bool random = m_settings.init == learning::InitKind::Random;
    m_randomScale->setEnabled(random && !network);
    m_randomScaleLabel->setEnabled(random && !network);
    m_randomScale->setToolTip(why(tr("A network draws Glorot-uniform weights from the seed: "
                                     "each layer's range follows from its size.")));
    m_initB->setEnabled(m_settings.useBias);
    m_seed->setEnabled(random || m_settings.order == learning::SampleOrder::Shuffle);
    updateClassButtons(); // the settings' classes
}

} // namespace plab::ui
