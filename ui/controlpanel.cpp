#include "controlpanel.h"

#include <QAction>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QRadioButton>
#include <QSlider>
#include <QSpinBox>
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

/// A class marker as an icon, in the theme's colour and shape.
QIcon markerIcon(const Theme& theme, int cls)
{
    constexpr int size = 16;
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(theme.markerEdge, 1.0));
    painter.setBrush(theme.classColors[std::size_t(cls)]);
    const QRectF box(2.0, 2.0, size - 4.0, size - 4.0);
    QPainterPath path;
    switch (theme.classShapes[std::size_t(cls)]) {
    case MarkerShape::Circle:
        path.addEllipse(box);
        break;
    case MarkerShape::Square:
        path.addRect(box);
        break;
    case MarkerShape::Triangle:
        path.moveTo(box.center().x(), box.top());
        path.lineTo(box.bottomRight());
        path.lineTo(box.bottomLeft());
        path.closeSubpath();
        break;
    case MarkerShape::Diamond:
        path.moveTo(box.center().x(), box.top());
        path.lineTo(box.right(), box.center().y());
        path.lineTo(box.center().x(), box.bottom());
        path.lineTo(box.left(), box.center().y());
        path.closeSubpath();
        break;
    }
    painter.drawPath(path);
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

QComboBox* makeCombo(QWidget* parent, std::initializer_list<std::pair<QString, int>> items)
{
    auto* combo = new QComboBox(parent);
    for (const auto& [text, value] : items)
        combo->addItem(text, value);
    // The dock may be narrower than the longest item; the popup still shows it in full.
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(14);
    return combo;
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
    return ControlPanel::tr("%1 epochs/s").arg(QString::number(epochsPerSecond, 'g', 6));
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
    auto* points = new QGroupBox(tr("New points"), this);
    auto* pointsLayout = new QHBoxLayout(points);
    m_class0 = new QRadioButton(tr("Class 0 (key 1)"), points);
    m_class1 = new QRadioButton(tr("Class 1 (key 2)"), points);
    m_class0->setToolTip(tr("Left click places this class; right click places the other one."));
    m_class1->setToolTip(m_class0->toolTip());
    m_classGroup = new QButtonGroup(this);
    m_classGroup->addButton(m_class0, 0);
    m_classGroup->addButton(m_class1, 1);
    m_class0->setChecked(true);
    pointsLayout->addWidget(m_class0);
    pointsLayout->addWidget(m_class1);
    pointsLayout->addStretch(1);
    layout->addWidget(points);
    connect(m_classGroup, &QButtonGroup::idClicked, this, &ControlPanel::activeClassChosen);

    // Run: the action buttons and the speed.
    auto* run = new QGroupBox(tr("Run"), this);
    auto* runLayout = new QVBoxLayout(run);
    m_actionRow = new QWidget(run);
    auto* actionLayout = new QGridLayout(m_actionRow);
    actionLayout->setContentsMargins(0, 0, 0, 0);
    runLayout->addWidget(m_actionRow);
    auto* speedRow = new QHBoxLayout;
    m_speed = new QSlider(Qt::Horizontal, run);
    m_speed->setRange(0, int(kSpeedStops.size()) - 1);
    m_speed->setPageStep(1);
    m_speed->setTickPosition(QSlider::TicksBelow);
    m_speed->setToolTip(tr("Training speed in epochs per second"));
    m_speedLabel = new QLabel(run);
    m_speedLabel->setMinimumWidth(m_speedLabel->fontMetrics().horizontalAdvance(speedText(0.0)) +
                                  4);
    speedRow->addWidget(new QLabel(tr("Speed"), run));
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
    auto* ruleBox = new QGroupBox(tr("Learning rule"), this);
    auto* ruleForm = new QFormLayout(ruleBox);
    m_rule = makeCombo(ruleBox, {{tr("Perceptron (Rosenblatt)"), int(Rule::Perceptron)},
                                 {tr("Pocket perceptron"), int(Rule::Pocket)},
                                 {tr("Averaged perceptron"), int(Rule::Averaged)},
                                 {tr("Adaline (Widrow-Hoff)"), int(Rule::Adaline)},
                                 {tr("Logistic regression"), int(Rule::Logistic)}});
    ruleForm->addRow(tr("&Rule"), m_rule);
    m_gradientMode =
        makeCombo(ruleBox, {{tr("Online (after each sample)"), int(GradientMode::Online)},
                            {tr("Batch (once per epoch)"), int(GradientMode::Batch)}});
    m_gradientModeLabel = new QLabel(tr("&Gradient"), ruleBox);
    m_gradientModeLabel->setBuddy(m_gradientMode);
    ruleForm->addRow(m_gradientModeLabel, m_gradientMode);
    m_learningRate = new CompactSpinBox(ruleBox);
    m_learningRate->setDecimals(5);
    m_learningRate->setRange(0.00001, 1e6);
    m_learningRate->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    m_learningRate->setToolTip(tr("η, the step size of every update. Takes effect at once, "
                                  "even while training runs."));
    ruleForm->addRow(tr("&Learning rate η"), m_learningRate);
    m_maxEpochs = new QSpinBox(ruleBox);
    m_maxEpochs->setRange(1, learning::kMaxEpochsLimit);
    m_maxEpochs->setGroupSeparatorShown(true);
    ruleForm->addRow(tr("&Epoch limit"), m_maxEpochs);
    m_useBias = new QCheckBox(tr("Learn a &bias b"), ruleBox);
    m_useBias->setToolTip(tr("Without a bias the boundary always passes through the origin."));
    ruleForm->addRow(m_useBias);
    m_zero =
        makeCombo(ruleBox, {{tr("class 1 (y = 1 if net ≥ 0)"), int(ZeroConvention::Positive)},
                            {tr("class 0 (y = 1 only if net > 0)"), int(ZeroConvention::Negative)},
                            {tr("a mistake (as in the proof)"), int(ZeroConvention::Mistake)}});
    m_zero->setToolTip(tr("What a point exactly on the boundary (net = 0) is predicted as."));
    ruleForm->addRow(tr("At net = &0"), m_zero);
    layout->addWidget(ruleBox);

    // Where the weights start and the order of the samples.
    auto* start = new QGroupBox(tr("Start and order"), this);
    auto* startForm = new QFormLayout(start);
    m_init = makeCombo(start, {{tr("Zeros"), int(InitKind::Zeros)},
                               {tr("Random (from the seed)"), int(InitKind::Random)},
                               {tr("Typed in"), int(InitKind::Given)}});
    startForm->addRow(tr("&Initial weights"), m_init);
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
    m_randomScaleLabel = new QLabel(tr("Random &range"), start);
    m_randomScaleLabel->setBuddy(m_randomScale);
    startForm->addRow(m_randomScaleLabel, m_randomScale);
    m_order = makeCombo(start, {{tr("File order"), int(SampleOrder::File)},
                                {tr("Shuffled every epoch"), int(SampleOrder::Shuffle)}});
    startForm->addRow(tr("Sample &order"), m_order);
    m_seed = new QSpinBox(start);
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_seed->setToolTip(tr("The same seed gives the same run, sample for sample."));
    startForm->addRow(tr("&Seed"), m_seed);
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
    for (auto* spin : findChildren<QAbstractSpinBox*>())
        spin->setKeyboardTracking(false);

    setTheme(Theme::light());
    setSettings(m_settings);
    setSpeed(10.0);
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

void ControlPanel::setTheme(const Theme& theme)
{
    m_class0->setIcon(markerIcon(theme, 0));
    m_class1->setIcon(markerIcon(theme, 1));
}

void ControlPanel::setActiveClass(int cls)
{
    (cls == 1 ? m_class1 : m_class0)->setChecked(true);
}

void ControlPanel::commit(const learning::TrainingSettings& next)
{
    m_settings = next;
    updateEnabled();
    Q_EMIT settingsEdited(m_settings);
}

void ControlPanel::updateEnabled()
{
    const bool gradient = !learning::isPerceptronFamily(m_settings.rule);
    m_gradientMode->setEnabled(gradient);
    m_gradientModeLabel->setEnabled(gradient);
    m_givenRow->setVisible(m_settings.init == learning::InitKind::Given);
    const bool random = m_settings.init == learning::InitKind::Random;
    m_randomScale->setEnabled(random);
    m_randomScaleLabel->setEnabled(random);
    m_initB->setEnabled(m_settings.useBias);
    m_seed->setEnabled(random || m_settings.order == learning::SampleOrder::Shuffle);
}

} // namespace plab::ui
