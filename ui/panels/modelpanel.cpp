#include "ui/panels/modelpanel.h"

#include "io/validationtext.h"
#include "render/networkpainter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace plab::ui {

namespace {

using learning::Activation;
using learning::Feature;
using learning::FeatureSet;
using learning::ModelKind;
using learning::TrainingSettings;

constexpr int kMaxHiddenLayers = 3;
constexpr int kMaxUnits = 16;
constexpr int kDefaultUnits = 4;

/// The batch choices, as the batch combo's item data.
enum class Batch
{
    Online,
    Mini,
    Whole,
};

bool isNetwork(const TrainingSettings& s)
{
    return s.model == ModelKind::Network;
}

/// A network with hidden units: the case where zero initial weights are a trap.
bool hasHiddenUnits(const TrainingSettings& s)
{
    return isNetwork(s) && !s.hidden.empty();
}

/// Whether the weights typed in (the classic w1, w2, b, or initial layers) fit the model.
bool givenFits(const TrainingSettings& s)
{
    const learning::ModelShape shape = learning::modelShape(s);
    if (s.initialLayers.empty())
        return shape.isClassic();
    return !learning::validate(shape.networkShape(), s.initialLayers);
}

Batch batchOf(const TrainingSettings& s)
{
    if (s.gradientMode == learning::GradientMode::Batch ||
        (isNetwork(s) && s.batchSize == learning::kFullBatch))
        return Batch::Whole;
    if (!isNetwork(s) || s.batchSize == 1)
        return Batch::Online;
    return Batch::Mini;
}

QComboBox* makeCombo(QWidget* parent, std::initializer_list<int> values)
{
    auto* combo = new QComboBox(parent);
    for (const int value : values)
        combo->addItem(QString(), value);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(12);
    return combo;
}

void setItemTexts(QComboBox* combo, std::initializer_list<QString> texts)
{
    int index = 0;
    for (const QString& text : texts)
        combo->setItemText(index++, text);
}

void selectData(QComboBox* combo, int value)
{
    combo->setCurrentIndex(std::max(combo->findData(value), 0));
}

QString itemText(const QComboBox* combo, int value)
{
    return combo->itemText(combo->findData(value));
}

/// One layer's count: "(2 + 1) × 4 = 12", or "2 × 1 = 2" without a bias.
QString layerFormula(int inputs, int units, bool bias, int count)
{
    return bias ? u"(%1 + 1) × %2 = %3"_s.arg(inputs).arg(units).arg(count)
                : u"%1 × %2 = %3"_s.arg(inputs).arg(units).arg(count);
}

} // namespace

ShapeFit fitShape(const TrainingSettings& before, TrainingSettings after)
{
    ShapeFit fit;
    if (!isNetwork(after))
        after.hidden.clear();
    else
        after.useBias = true; // a network always has biases
    if (hasHiddenUnits(after) && !hasHiddenUnits(before) &&
        after.init == learning::InitKind::Zeros) {
        after.init = learning::InitKind::Random;
        fit.zerosReplaced = true;
    }
    if (learning::modelShape(after).sizes() != learning::modelShape(before).sizes() ||
        after.model != before.model) {
        if (!after.initialLayers.empty() && !givenFits(after))
            after.initialLayers.clear();
        if (after.init == learning::InitKind::Given && !givenFits(after)) {
            after.init = learning::InitKind::Random;
            fit.givenDropped = true;
        }
    }
    fit.settings = std::move(after);
    return fit;
}

ModelPanel::ModelPanel(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);

    // Linear or network, and how a linear perceptron learns K > 2 classes.
    m_modelBox = new QGroupBox(this);
    auto* modelForm = new QFormLayout(m_modelBox);
    m_kind = makeCombo(m_modelBox, {int(ModelKind::Linear), int(ModelKind::Network)});
    m_kind->setObjectName(u"modelKind"_s);
    m_kindLabel = new QLabel(m_modelBox);
    m_kindLabel->setBuddy(m_kind);
    modelForm->addRow(m_kindLabel, m_kind);
    m_multiclass = makeCombo(
        m_modelBox, {int(learning::Multiclass::Kesler), int(learning::Multiclass::OneVsRest)});
    m_multiclass->setObjectName(u"multiclass"_s);
    m_multiclassLabel = new QLabel(m_modelBox);
    m_multiclassLabel->setBuddy(m_multiclass);
    modelForm->addRow(m_multiclassLabel, m_multiclass);
    layout->addWidget(m_modelBox);

    // The hidden layers: a row per layer, + to add one, the activation.
    m_hiddenBox = new QGroupBox(this);
    auto* hiddenLayout = new QVBoxLayout(m_hiddenBox);
    m_layerRows = new QVBoxLayout;
    m_layerRows->setContentsMargins(0, 0, 0, 0);
    hiddenLayout->addLayout(m_layerRows);
    m_addLayer = new QToolButton(m_hiddenBox);
    m_addLayer->setObjectName(u"addLayer"_s);
    m_addLayer->setToolButtonStyle(Qt::ToolButtonTextOnly);
    hiddenLayout->addWidget(m_addLayer, 0, Qt::AlignLeft);
    auto* activationForm = new QFormLayout;
    activationForm->setContentsMargins(0, 0, 0, 0);
    m_activation = makeCombo(m_hiddenBox, {int(Activation::Tanh), int(Activation::Relu),
                                           int(Activation::Sigmoid), int(Activation::Identity),
                                           int(Activation::Step)});
    m_activation->setObjectName(u"activation"_s);
    m_activationLabel = new QLabel(m_hiddenBox);
    m_activationLabel->setBuddy(m_activation);
    activationForm->addRow(m_activationLabel, m_activation);
    hiddenLayout->addLayout(activationForm);
    m_hiddenNote = new QLabel(m_hiddenBox);
    m_hiddenNote->setObjectName(u"hiddenNote"_s);
    m_hiddenNote->setWordWrap(true);
    hiddenLayout->addWidget(m_hiddenNote);
    layout->addWidget(m_hiddenBox);

    // The feature maps.
    m_featureBox = new QGroupBox(this);
    auto* featureGrid = new QGridLayout(m_featureBox);
    // x1 x2 / x1² x2² x1x2 / sin x1 sin x2: the plain coordinates, the quadratic terms, the sines.
    constexpr std::array<std::pair<int, int>, learning::kFeatureCount> cells{
        {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {1, 2}, {2, 0}, {2, 1}}};
    for (int f = 0; f < learning::kFeatureCount; ++f) {
        auto* box = m_features[std::size_t(f)] = new QCheckBox(render::featureSymbol(Feature(f)));
        box->setObjectName(u"feature_"_s +
                           QString::fromLatin1(learning::name(Feature(f)).data(),
                                               qsizetype(learning::name(Feature(f)).size())));
        featureGrid->addWidget(box, cells[std::size_t(f)].first, cells[std::size_t(f)].second);
        connect(box, &QCheckBox::toggled, this, [this, f](bool on) {
            if (m_updating)
                return;
            std::uint8_t bits = m_settings.features.bits();
            bits = on ? std::uint8_t(bits | (1U << unsigned(f)))
                      : std::uint8_t(bits & ~(1U << unsigned(f)));
            if (const auto features = FeatureSet::fromBits(bits)) {
                TrainingSettings next = m_settings;
                next.features = *features;
                commit(next);
            }
        });
    }
    layout->addWidget(m_featureBox);

    // The batch size.
    m_batchBox = new QGroupBox(this);
    auto* batchRow = new QHBoxLayout(m_batchBox);
    m_batch = makeCombo(m_batchBox, {int(Batch::Online), int(Batch::Mini), int(Batch::Whole)});
    m_batch->setObjectName(u"batch"_s);
    m_batchSize = new QSpinBox(m_batchBox);
    m_batchSize->setObjectName(u"batchSize"_s);
    m_batchSize->setRange(2, int(learning::kMaxPoints));
    m_batchSize->setKeyboardTracking(false);
    m_batchSize->setValue(10);
    batchRow->addWidget(m_batch, 1);
    batchRow->addWidget(m_batchSize);
    layout->addWidget(m_batchBox);

    // The parameter count.
    m_countBox = new QGroupBox(this);
    auto* countLayout = new QVBoxLayout(m_countBox);
    m_layerCounts = new QLabel(m_countBox);
    m_layerCounts->setObjectName(u"layerCounts"_s);
    m_layerCounts->setWordWrap(true);
    m_layerCounts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_totalCount = new QLabel(m_countBox);
    m_totalCount->setObjectName(u"totalCount"_s);
    m_totalCount->setWordWrap(true);
    m_totalCount->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_totalCount->font();
    bold.setBold(true);
    m_totalCount->setFont(bold);
    countLayout->addWidget(m_layerCounts);
    countLayout->addWidget(m_totalCount);
    layout->addWidget(m_countBox);

    m_initNote = new QLabel(this);
    m_initNote->setObjectName(u"initNote"_s);
    m_initNote->setWordWrap(true);
    layout->addWidget(m_initNote);
    layout->addStretch(1);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        if (m_updating)
            return;
        TrainingSettings next = m_settings;
        next.model = ModelKind(m_kind->currentData().toInt());
        if (isNetwork(next) && next.hidden.empty())
            next.hidden = {kDefaultUnits};
        commit(next);
    });
    connect(m_multiclass, &QComboBox::currentIndexChanged, this, [this] {
        if (m_updating)
            return;
        TrainingSettings next = m_settings;
        next.multiclass = learning::Multiclass(m_multiclass->currentData().toInt());
        commit(next);
    });
    connect(m_addLayer, &QToolButton::clicked, this, [this] {
        if (m_updating || int(m_settings.hidden.size()) >= kMaxHiddenLayers)
            return;
        TrainingSettings next = m_settings;
        next.hidden.push_back(next.hidden.empty() ? kDefaultUnits : next.hidden.back());
        commit(next);
    });
    connect(m_activation, &QComboBox::currentIndexChanged, this, [this] {
        if (m_updating)
            return;
        TrainingSettings next = m_settings;
        next.activation = Activation(m_activation->currentData().toInt());
        commit(next);
    });
    const auto applyBatch = [this] {
        if (m_updating)
            return;
        TrainingSettings next = m_settings;
        const auto batch = Batch(m_batch->currentData().toInt());
        if (isNetwork(next)) {
            // GradientMode::Batch would override the size: a network's batch is the size alone.
            next.gradientMode = learning::GradientMode::Online;
            next.batchSize = batch == Batch::Online  ? 1
                             : batch == Batch::Whole ? learning::kFullBatch
                                                     : m_batchSize->value();
        } else {
            next.gradientMode = batch == Batch::Whole ? learning::GradientMode::Batch
                                                      : learning::GradientMode::Online;
        }
        commit(next);
    };
    connect(m_batch, &QComboBox::currentIndexChanged, this, applyBatch);
    connect(m_batchSize, &QSpinBox::valueChanged, this, applyBatch);

    retranslateUi();
    setSettings(m_settings);
}

void ModelPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}

void ModelPanel::retranslateUi()
{
    m_modelBox->setTitle(tr("Model type"));
    setItemTexts(m_kind, {tr("Linear"), tr("Network")});
    m_kindLabel->setText(tr("&Kind"));
    m_kind->setToolTip(tr("A linear model draws one line per unit; a network feeds the features "
                          "through hidden layers and trains by backpropagation with "
                          "cross-entropy."));
    setItemTexts(m_multiclass, {tr("Kesler"), tr("One-vs-rest")});
    m_multiclassLabel->setText(tr("More than &2 classes"));

    m_hiddenBox->setTitle(tr("Hidden layers"));
    m_addLayer->setText(tr("+ Add a hidden layer"));
    setItemTexts(m_activation,
                 {tr("tanh"), tr("ReLU"), tr("Sigmoid"), tr("Identity"), tr("Step (set by hand)")});
    m_activationLabel->setText(tr("&Activation"));
    m_activation->setToolTip(tr("What each hidden unit applies to its net."));

    m_featureBox->setTitle(tr("Features (the model's inputs)"));
    for (QCheckBox* box : m_features)
        box->setToolTip(tr("Feed this value of each point to the model. At least one feature "
                           "stays on."));

    m_batchBox->setTitle(tr("Batch size"));
    setItemTexts(m_batch, {tr("1 sample (online)"), tr("Mini-batches"), tr("The whole data set")});
    m_countBox->setTitle(tr("Parameters"));
    m_batchSize->setToolTip(tr("Samples per update"));
    rebuildLayerRows();
    showSettings();
}

void ModelPanel::setSettings(const TrainingSettings& settings)
{
    m_settings = settings;
    showSettings();
}

void ModelPanel::setDataClasses(int classes)
{
    if (classes == m_dataClasses)
        return;
    m_dataClasses = classes;
    showSettings();
}

int ModelPanel::classes() const
{
    return std::clamp(std::max(m_settings.classes, m_dataClasses), learning::kMinClasses,
                      learning::kMaxClasses);
}

void ModelPanel::commit(TrainingSettings next)
{
    const ShapeFit fit = fitShape(m_settings, std::move(next));
    m_settings = fit.settings;
    showSettings();
    Q_EMIT settingsEdited(m_settings);
    if (fit.givenDropped) {
        Q_EMIT message(tr("The typed-in initial weights do not fit the new shape: the run starts "
                          "from random weights drawn from the seed."));
    } else if (fit.zerosReplaced) {
        // Short enough for the status bar of a 1280 x 720 window, in both languages.
        Q_EMIT message(
            tr("Initial weights now random (from the seed): with zeros, the hidden units "
               "of a layer would all learn the same."));
    }
}

void ModelPanel::rebuildLayerRows()
{
    const int wanted = isNetwork(m_settings) ? int(m_settings.hidden.size()) : 0;
    while (m_rows.size() > wanted) {
        // deleteLater: the row's own button may be the one whose click is being handled.
        LayerRow row = m_rows.takeLast();
        m_layerRows->removeWidget(row.row);
        row.row->hide();
        row.row->setParent(nullptr); // findChild() no longer sees it
        row.row->deleteLater();
    }
    while (m_rows.size() < wanted) {
        const int index = int(m_rows.size());
        LayerRow row;
        row.row = new QWidget(m_hiddenBox);
        auto* rowLayout = new QHBoxLayout(row.row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        row.label = new QLabel(row.row);
        row.units = new QSpinBox(row.row);
        row.units->setObjectName(u"units%1"_s.arg(index + 1));
        row.units->setRange(1, kMaxUnits);
        row.units->setKeyboardTracking(false);
        row.label->setBuddy(row.units);
        row.remove = new QToolButton(row.row);
        row.remove->setObjectName(u"removeLayer%1"_s.arg(index + 1));
        row.remove->setText(u"−"_s);
        rowLayout->addWidget(row.label, 1);
        rowLayout->addWidget(row.units);
        rowLayout->addWidget(row.remove);
        m_layerRows->addWidget(row.row);
        connect(row.units, &QSpinBox::valueChanged, this, [this, index](int units) {
            if (m_updating || index >= int(m_settings.hidden.size()))
                return;
            TrainingSettings next = m_settings;
            next.hidden[std::size_t(index)] = units;
            commit(next);
        });
        connect(row.remove, &QToolButton::clicked, this, [this, index] {
            if (m_updating || index >= int(m_settings.hidden.size()))
                return;
            TrainingSettings next = m_settings;
            next.hidden.erase(next.hidden.begin() + index);
            m_removedLayer = index;
            commit(next);
            m_removedLayer = -1;
        });
        m_rows.append(row);
    }
    for (int i = 0; i < m_rows.size(); ++i) {
        m_rows[i].label->setText(tr("Layer %1, units").arg(i + 1));
        m_rows[i].remove->setToolTip(tr("Remove hidden layer %1").arg(i + 1));
    }
}

void ModelPanel::showSettings()
{
    const TrainingSettings& s = m_settings;
    const bool network = isNetwork(s);
    const bool perceptron = learning::isPerceptronFamily(s.rule);
    m_updating = true;

    selectData(m_kind, int(s.model));
    selectData(m_multiclass, int(s.multiclass));
    const bool multiclass = !network && perceptron && classes() > 2;
    m_multiclass->setEnabled(multiclass);
    m_multiclassLabel->setEnabled(multiclass);
    m_multiclass->setToolTip(
        multiclass    ? tr("Kesler: one weight vector per class, the highest net wins, a mistake "
                              "moves the right class's vector towards the point and the predicted one's "
                              "away. One-vs-rest: one perceptron per class against all the others.")
        : network     ? tr("A network has one output unit per class and learns them together "
                               "(softmax with cross-entropy).")
        : !perceptron ? tr("Adaline and logistic regression learn one unit per class together; the "
                           "choice is for the perceptron, pocket and averaged rules.")
                      : tr("Two classes need one unit: the choice applies from three classes on."));

    rebuildLayerRows();
    for (int i = 0; i < m_rows.size(); ++i)
        m_rows[i].units->setValue(s.hidden[std::size_t(i)]);
    m_hiddenBox->setEnabled(network);
    m_hiddenBox->setToolTip(network ? QString()
                                    : tr("A linear model has no hidden layers: choose a network "
                                         "to add them."));
    const bool full = int(s.hidden.size()) >= kMaxHiddenLayers;
    m_addLayer->setEnabled(network && !full);
    m_addLayer->setToolTip(full ? tr("A network has at most three hidden layers.")
                                : tr("Add a hidden layer after the last one."));
    selectData(m_activation, int(s.activation));
    const bool hidden = hasHiddenUnits(s);
    m_activation->setEnabled(hidden);
    m_activationLabel->setEnabled(hidden);
    const bool step = hidden && s.activation == Activation::Step;
    if (step) {
        m_hiddenNote->setText(
            tr("Train refuses step units: %1. Set their weights by hand.")
                .arg(io::describeModelProblem(
                    {learning::ModelSettingsError::Field::Activation, std::string_view()})));
    }
    m_hiddenNote->setVisible(step);

    // At least one feature stays on: the last one cannot be turned off.
    for (int f = 0; f < learning::kFeatureCount; ++f) {
        QCheckBox* box = m_features[std::size_t(f)];
        box->setChecked(s.features.contains(Feature(f)));
        box->setEnabled(!(box->isChecked() && s.features.size() == 1));
    }

    // The batch: networks take any size, the linear gradient rules one sample or the whole set,
    // the perceptron family updates after each sample it gets wrong.
    const Batch batch = batchOf(s);
    selectData(m_batch, int(batch));
    if (auto* model = qobject_cast<QStandardItemModel*>(m_batch->model())) {
        QStandardItem* mini = model->item(m_batch->findData(int(Batch::Mini)));
        mini->setEnabled(network);
        mini->setToolTip(network ? QString()
                                 : tr("The linear rules update after one sample or once per "
                                      "epoch; a network takes any batch size."));
    }
    const bool batched = network || !perceptron;
    m_batchBox->setEnabled(batched);
    m_batchBox->setToolTip(batched ? QString()
                                   : tr("The perceptron rules update after each sample, when it "
                                        "is misclassified."));
    if (batch == Batch::Mini)
        m_batchSize->setValue(s.batchSize);
    m_batchSize->setVisible(batch == Batch::Mini);

    m_updating = false;
    updateTexts();
}

QString ModelPanel::batchText(const TrainingSettings& s) const
{
    switch (batchOf(s)) {
    case Batch::Online:
        return tr("1 sample (online)");
    case Batch::Mini:
        return tr("%1 samples").arg(s.batchSize);
    case Batch::Whole:
        break;
    }
    return tr("the whole data set");
}

void ModelPanel::updateTexts()
{

    learning::ModelShape shape = learning::modelShape(m_settings);
    shape.classes = classes();
    if (const auto problem = learning::validate(shape)) {
        m_layerCounts->setText(QString::fromStdString(problem->message));
        m_totalCount->clear();
    } else {
        const std::vector<int> n = shape.sizes();
        const bool bias = shape.kind == ModelKind::Network || shape.bias;
        QStringList lines;
        for (int l = 0; l < shape.layerCount(); ++l) {
            const QString formula = layerFormula(n[std::size_t(l)], n[std::size_t(l) + 1], bias,
                                                 shape.parameterCount(l));
            lines << (l + 1 < shape.layerCount() ? tr("Hidden layer %1: %2").arg(l + 1).arg(formula)
                                                 : tr("Output layer: %1").arg(formula));
        }
        QStringList inputs;
        for (int i = 0; i < shape.features.size(); ++i)
            inputs << render::featureSymbol(shape.features.at(i));
        lines.prepend(tr("Inputs: %1").arg(inputs.join(u", "_s)));
        m_layerCounts->setText(lines.join(u'\n'));
        m_totalCount->setText(tr("Total: %1 parameters").arg(render::parameterFormula(shape)));
    }

    const TrainingSettings& s = m_settings;
    QString note;
    if (hasHiddenUnits(s) && s.init == learning::InitKind::Zeros) {
        note = tr("The initial weights are zeros: every hidden unit of a layer computes the same "
                  "and learns the same, so each layer acts as one unit. Choose random initial "
                  "weights in the Training tab.");
    } else if (isNetwork(s) && s.init == learning::InitKind::Random) {
        note = tr("A network's random initial weights are Glorot-uniform from the seed, with zero "
                  "biases; the random range of the Training tab does not apply.");
    }
    m_initNote->setText(note);
    m_initNote->setVisible(!note.isEmpty());
}

QString ModelPanel::countText() const
{
    return m_layerCounts->text() + u'\n' + m_totalCount->text();
}

std::size_t ModelPanel::removedLayer(const std::vector<int>& from, const std::vector<int>& to,
                                     std::size_t firstDifference) const
{
    // Layers of the same size removed look alike: name the one whose button was pressed.
    if (m_removedLayer >= 0 && std::size_t(m_removedLayer) < from.size()) {
        std::vector<int> without = from;
        without.erase(without.begin() + m_removedLayer);
        if (without == to)
            return std::size_t(m_removedLayer);
    }
    return firstDifference;
}

QString ModelPanel::describeEdit(const TrainingSettings& from, const TrainingSettings& to) const
{
    QString text;
    if (from.model != to.model) {
        text = tr("Change model to %1").arg(itemText(m_kind, int(to.model)));
    } else if (from.hidden != to.hidden) {
        const std::size_t shared = std::min(from.hidden.size(), to.hidden.size());
        std::size_t i = 0;
        while (i < shared && from.hidden[i] == to.hidden[i])
            ++i;
        if (to.hidden.size() > from.hidden.size())
            text = tr("Add hidden layer %1").arg(to.hidden.size());
        else if (to.hidden.size() < from.hidden.size())
            text = tr("Remove hidden layer %1").arg(removedLayer(from.hidden, to.hidden, i) + 1);
        else
            text = tr("Set the units of hidden layer %1 to %2").arg(i + 1).arg(to.hidden[i]);
    } else if (from.activation != to.activation) {
        text = tr("Change activation to %1").arg(itemText(m_activation, int(to.activation)));
    } else if (from.features != to.features) {
        for (int f = 0; f < learning::kFeatureCount; ++f) {
            const bool was = from.features.contains(Feature(f));
            if (was != to.features.contains(Feature(f))) {
                text = was ? tr("Turn feature %1 off").arg(render::featureSymbol(Feature(f)))
                           : tr("Turn feature %1 on").arg(render::featureSymbol(Feature(f)));
                break;
            }
        }
    } else if (from.multiclass != to.multiclass) {
        text =
            tr("Change multi-class scheme to %1").arg(itemText(m_multiclass, int(to.multiclass)));
    } else if (from.gradientMode != to.gradientMode || from.batchSize != to.batchSize) {
        text = tr("Change batch size to %1").arg(batchText(to));
    } else {
        text = tr("Change the model");
    }
    if (from.init != to.init && to.init == learning::InitKind::Random)
        text = tr("%1 (initial weights: random)").arg(text);
    return text;
}

} // namespace plab::ui
