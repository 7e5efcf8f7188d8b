#include "ui/dialogs/generatordialog.h"

#include "learning/metrics.h"
#include "render/plotrenderer.h"
#include "render/plotscene.h"
#include "render/viewtransform.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <array>
#include <limits>

using namespace Qt::StringLiterals;

namespace plab::ui {

namespace {

using learning::Generator;

constexpr std::array<Generator, 9> kGenerators{
    Generator::And,     Generator::Or,    Generator::Nand,
    Generator::Xor,     Generator::Blobs, Generator::OverlappingBlobs,
    Generator::Circles, Generator::Moons, Generator::TargetLine};

constexpr int kPreviewSize = 220;

QDoubleSpinBox* makeSpin(QWidget* parent, double lo, double hi, int decimals, double step)
{
    auto* spin = new QDoubleSpinBox(parent);
    spin->setRange(lo, hi);
    spin->setDecimals(decimals);
    spin->setSingleStep(step);
    return spin;
}

} // namespace

std::span<const learning::Generator> allGenerators()
{
    return kGenerators;
}

QString generatorTitle(learning::Generator generator)
{
    switch (generator) {
    case Generator::And:
        return GeneratorDialog::tr("AND");
    case Generator::Or:
        return GeneratorDialog::tr("OR");
    case Generator::Nand:
        return GeneratorDialog::tr("NAND");
    case Generator::Xor:
        return GeneratorDialog::tr("XOR");
    case Generator::Blobs:
        return GeneratorDialog::tr("Two blobs");
    case Generator::OverlappingBlobs:
        return GeneratorDialog::tr("Overlapping blobs");
    case Generator::Circles:
        return GeneratorDialog::tr("Circles");
    case Generator::Moons:
        return GeneratorDialog::tr("Two moons");
    case Generator::TargetLine:
        return GeneratorDialog::tr("Target line");
    }
    return {};
}

bool generatorUses(learning::Generator generator, QStringView field)
{
    switch (generator) {
    case Generator::And:
    case Generator::Or:
    case Generator::Nand:
    case Generator::Xor:
        return false;
    case Generator::Blobs:
    case Generator::OverlappingBlobs:
        return field == u"count" || field == u"separation" || field == u"spread" ||
               field == u"seed";
    case Generator::Circles:
    case Generator::Moons:
        return field == u"count" || field == u"spread" || field == u"seed";
    case Generator::TargetLine:
        return field == u"count" || field == u"extent" || field == u"target" ||
               field == u"margin" || field == u"seed";
    }
    return false;
}

GeneratorDialog::GeneratorDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Generate a Data Set"));

    m_generator = new QComboBox(this);
    for (const Generator g : kGenerators)
        m_generator->addItem(generatorTitle(g), int(g));

    m_count = new QSpinBox(this);
    m_count->setRange(2, int(learning::kMaxPoints));
    m_count->setGroupSeparatorShown(true);
    m_count->setToolTip(tr("Points in total, half of each class"));
    m_separation = makeSpin(this, 0.0, 1000.0, 2, 0.5);
    m_separation->setToolTip(tr("Distance between the centres of the two blobs"));
    m_spread = makeSpin(this, 0.0, 100.0, 2, 0.1);
    m_spread->setToolTip(tr("Standard deviation of the blobs, noise of circles and moons"));
    m_extent = makeSpin(this, 0.1, 1000.0, 2, 1.0);
    m_extent->setToolTip(tr("Points are spread uniformly over [−extent, extent]²"));
    m_targetRow = new QWidget(this);
    auto* targetLayout = new QHBoxLayout(m_targetRow);
    targetLayout->setContentsMargins(0, 0, 0, 0);
    m_targetW1 = makeSpin(m_targetRow, -100.0, 100.0, 2, 0.5);
    m_targetW2 = makeSpin(m_targetRow, -100.0, 100.0, 2, 0.5);
    m_targetB = makeSpin(m_targetRow, -1000.0, 1000.0, 2, 0.5);
    m_targetW1->setPrefix(u"w₁ "_s);
    m_targetW2->setPrefix(u"w₂ "_s);
    m_targetB->setPrefix(u"b "_s);
    for (auto* spin : {m_targetW1, m_targetW2, m_targetB})
        targetLayout->addWidget(spin);
    m_targetRow->setToolTip(tr("The teacher's line w₁·x₁ + w₂·x₂ + b = 0 that labels the points"));
    m_margin = makeSpin(this, 0.0, 100.0, 2, 0.1);
    m_margin->setToolTip(tr("Points closer than this to the target line are drawn again"));
    m_seed = new QSpinBox(this);
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_seed->setToolTip(tr("The same seed gives the same points"));

    m_form = new QFormLayout;
    m_form->addRow(tr("&Data set"), m_generator);
    m_form->addRow(tr("&Points"), m_count);
    m_form->addRow(tr("S&eparation"), m_separation);
    m_form->addRow(tr("Sp&read / noise"), m_spread);
    m_form->addRow(tr("E&xtent"), m_extent);
    m_form->addRow(tr("&Target line"), m_targetRow);
    m_form->addRow(tr("&Margin"), m_margin);
    m_form->addRow(tr("See&d"), m_seed);

    m_preview = new QLabel(this);
    m_preview->setFixedSize(kPreviewSize, kPreviewSize);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setMaximumWidth(kPreviewSize);
    auto* previewColumn = new QVBoxLayout;
    previewColumn->addWidget(m_preview);
    previewColumn->addWidget(m_summary);
    previewColumn->addStretch(1);

    auto* columns = new QHBoxLayout;
    columns->addLayout(m_form, 1);
    columns->addLayout(previewColumn);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Generate"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(buttons);

    setParams(learning::GeneratorParams{});
    connect(m_generator, &QComboBox::currentIndexChanged, this, [this] {
        updateFields();
        updatePreview();
    });
    for (auto* spin : findChildren<QAbstractSpinBox*>()) {
        spin->setKeyboardTracking(false);
        if (auto* d = qobject_cast<QDoubleSpinBox*>(spin))
            connect(d, &QDoubleSpinBox::valueChanged, this, &GeneratorDialog::updatePreview);
        else if (auto* i = qobject_cast<QSpinBox*>(spin))
            connect(i, &QSpinBox::valueChanged, this, &GeneratorDialog::updatePreview);
    }
    updateFields();
    updatePreview();
}

void GeneratorDialog::setGenerator(learning::Generator generator)
{
    m_generator->setCurrentIndex(std::max(m_generator->findData(int(generator)), 0));
}

learning::Generator GeneratorDialog::generator() const
{
    return Generator(m_generator->currentData().toInt());
}

void GeneratorDialog::setParams(const learning::GeneratorParams& params)
{
    m_count->setValue(params.count);
    m_separation->setValue(params.separation);
    m_spread->setValue(params.spread);
    m_extent->setValue(params.extent);
    m_targetW1->setValue(params.target.w.x());
    m_targetW2->setValue(params.target.w.y());
    m_targetB->setValue(params.target.b);
    m_margin->setValue(params.targetMargin);
    m_seed->setValue(int(std::min<std::uint64_t>(params.seed, std::uint64_t(m_seed->maximum()))));
}

learning::GeneratorParams GeneratorDialog::params() const
{
    learning::GeneratorParams p;
    p.count = m_count->value();
    p.separation = m_separation->value();
    p.spread = m_spread->value();
    p.extent = m_extent->value();
    p.target.w = Eigen::Vector2d(m_targetW1->value(), m_targetW2->value());
    p.target.b = m_targetB->value();
    p.targetMargin = m_margin->value();
    p.seed = std::uint64_t(m_seed->value());
    return p;
}

void GeneratorDialog::setTheme(const render::Theme& theme)
{
    m_theme = theme;
    updatePreview();
}

void GeneratorDialog::updateFields()
{
    const Generator g = generator();
    const auto enable = [this](QWidget* field, bool on) {
        field->setEnabled(on);
        if (auto* label = m_form->labelForField(field))
            label->setEnabled(on);
    };
    enable(m_count, generatorUses(g, u"count"));
    enable(m_separation, generatorUses(g, u"separation"));
    enable(m_spread, generatorUses(g, u"spread"));
    enable(m_extent, generatorUses(g, u"extent"));
    enable(m_targetRow, generatorUses(g, u"target"));
    enable(m_margin, generatorUses(g, u"margin"));
    enable(m_seed, generatorUses(g, u"seed"));
}

void GeneratorDialog::updatePreview()
{
    const learning::Dataset data = learning::generate(generator(), params());
    render::PlotScene scene;
    scene.data = &data;
    scene.view = io::fitToData(data);
    scene.showLegend = false;
    scene.showWeightVector = false;
    scene.presentation = true;

    const qreal dpr = devicePixelRatioF();
    QPixmap pixmap(QSize(kPreviewSize, kPreviewSize) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(m_theme.background);
    {
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        render::PlotRenderer renderer;
        render::Theme small = m_theme;
        small.fontScale *= 0.8;
        small.markerSize *= 0.6; // a thumbnail: the points, not their markers, should show
        renderer.paint(painter, QRectF(0, 0, kPreviewSize, kPreviewSize), scene, small);
    }
    m_preview->setPixmap(pixmap);

    const bool separable = data.hasTwoClasses() && learning::linearlySeparable(data, true);
    m_summary->setText(
        tr("%1 points (%2 of class 0, %3 of class 1), %4")
            .arg(data.size())
            .arg(data.count(0))
            .arg(data.count(1))
            .arg(separable ? tr("linearly separable") : tr("not linearly separable")));
}

} // namespace plab::ui
