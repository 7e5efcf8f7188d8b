#include "ui/panels/hiddenview.h"

#include "export/picturewriter.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace plab::ui {

HiddenCanvas::HiddenCanvas(QWidget* parent) : QWidget(parent)
{
    setObjectName(u"hiddenCanvas"_s);
    setMinimumSize(220, 240);
}

void HiddenCanvas::setPlane(render::HiddenPlane plane)
{
    m_plane = std::move(plane);
    update();
}

void HiddenCanvas::setTheme(const render::Theme& theme)
{
    m_theme = theme;
    update();
}

render::HiddenPainter::Layout HiddenCanvas::paintLayout() const
{
    return render::HiddenPainter(m_theme).layout(QRectF(rect()), m_plane);
}

QSize HiddenCanvas::sizeHint() const
{
    return {380, 460};
}

void HiddenCanvas::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    render::HiddenPainter(m_theme).paint(painter, QRectF(rect()), m_plane);
}

HiddenView::HiddenView(QWidget* parent) : QWidget(parent)
{
    setObjectName(u"hiddenView"_s);
    m_layerLabel = new QLabel(this);
    m_layer = new QComboBox(this);
    m_layer->setObjectName(u"hiddenLayerChoice"_s);
    m_layerLabel->setBuddy(m_layer);
    m_unitsLabel = new QLabel(this);
    m_unitA = new QComboBox(this);
    m_unitA->setObjectName(u"hiddenUnitA"_s);
    m_unitB = new QComboBox(this);
    m_unitB->setObjectName(u"hiddenUnitB"_s);
    m_unitsLabel->setBuddy(m_unitA);
    m_export = new QPushButton(this);
    m_export->setObjectName(u"hiddenExport"_s);

    // Two rows, so the controls fit a narrow dock in either language.
    m_controls = new QWidget(this);
    auto* rows = new QGridLayout(m_controls);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->addWidget(m_layerLabel, 0, 0);
    rows->addWidget(m_layer, 0, 1, 1, 2);
    rows->addWidget(m_export, 0, 4);
    rows->addWidget(m_unitsLabel, 1, 0);
    rows->addWidget(m_unitA, 1, 1);
    rows->addWidget(m_unitB, 1, 2);
    rows->setColumnStretch(3, 1);

    m_note = new QLabel(this);
    m_note->setObjectName(u"hiddenNote"_s);
    m_note->setWordWrap(true);
    m_note->setAlignment(Qt::AlignCenter);
    m_canvas = new HiddenCanvas(this);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_controls);
    layout->addWidget(m_note);
    layout->addWidget(m_canvas, 1);

    m_chooser = [this](const QString& suggested, const QString& filter) {
        return QFileDialog::getSaveFileName(this, tr("Export to"), suggested, filter);
    };
    connect(m_layer, &QComboBox::currentIndexChanged, this, [this](int layer) {
        // The units keep their numbers where the new layer has them.
        choose(layer, m_scene.unitA, m_scene.unitB);
    });
    connect(m_unitA, &QComboBox::currentIndexChanged, this,
            [this](int unit) { choose(m_scene.layer, unit, m_scene.unitB); });
    connect(m_unitB, &QComboBox::currentIndexChanged, this,
            [this](int unit) { choose(m_scene.layer, m_scene.unitA, unit); });
    connect(m_export, &QPushButton::clicked, this, &HiddenView::exportPicture);
    retranslate();
    refresh();
}

void HiddenView::setModel(const std::optional<learning::Model>& model,
                          const learning::Dataset& data)
{
    const bool network = model && model->kind() == learning::ModelKind::Network;
    if (network) {
        m_scene.network = model->network();
        const std::vector<int>& hidden = m_scene.network->shape().hidden;
        if (!m_startChosen && !hidden.empty()) {
            // The first network: the layer the output reads.
            m_startChosen = true;
            m_scene.layer = int(hidden.size()) - 1;
            m_scene.unitA = 0;
            m_scene.unitB = 1;
        }
    } else {
        m_scene.network.reset();
    }
    m_scene.data = data;
    m_stale = true;
    if (isVisible())
        refresh();
}

void HiddenView::setTheme(const render::Theme& theme)
{
    m_canvas->setTheme(theme);
}

void HiddenView::choose(int layer, int unitA, int unitB)
{
    m_scene.layer = layer;
    m_scene.unitA = unitA;
    m_scene.unitB = unitB;
    if (m_scene.network && !m_scene.network->shape().hidden.empty()) {
        // Clamped here as HiddenPlane::of clamps, so the combo boxes say what is shown.
        const std::vector<int>& hidden = m_scene.network->shape().hidden;
        m_scene.layer = std::clamp(layer, 0, int(hidden.size()) - 1);
        const int units = hidden[std::size_t(m_scene.layer)];
        m_scene.unitA = std::clamp(unitA, 0, units - 1);
        m_scene.unitB = std::clamp(unitB, 0, units - 1);
    }
    m_stale = true;
    refresh();
}

void HiddenView::setFileChooser(std::function<QString(const QString&, const QString&)> chooser)
{
    m_chooser = std::move(chooser);
}

void HiddenView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void HiddenView::refresh()
{
    fillChoices();
    m_plane = render::HiddenPlane::of(m_scene);
    m_stale = false;
    const bool shown = m_plane.absence == render::HiddenPlane::Absence::None;
    m_controls->setVisible(shown);
    m_note->setVisible(!shown);
    m_note->setText(render::HiddenPainter::absenceText(m_plane.absence));
    m_canvas->setVisible(shown);
    m_canvas->setPlane(m_plane);
}

void HiddenView::fillChoices()
{
    const std::vector<int> hidden =
        m_scene.network ? m_scene.network->shape().hidden : std::vector<int>();
    const QSignalBlocker blockLayer(m_layer);
    const QSignalBlocker blockA(m_unitA);
    const QSignalBlocker blockB(m_unitB);
    if (hidden != m_shownHidden || m_layer->count() != int(hidden.size())) {
        m_shownHidden = hidden;
        m_layer->clear();
        for (std::size_t l = 0; l < hidden.size(); ++l)
            m_layer->addItem(tr("Layer %1 (%n unit(s))", nullptr, hidden[l]).arg(l + 1));
        m_unitA->clear(); // filled below for the layer chosen
    }
    if (hidden.empty())
        return;
    m_scene.layer = std::clamp(m_scene.layer, 0, int(hidden.size()) - 1);
    const int units = hidden[std::size_t(m_scene.layer)];
    m_scene.unitA = std::clamp(m_scene.unitA, 0, units - 1);
    m_scene.unitB = std::clamp(m_scene.unitB, 0, units - 1);
    m_layer->setCurrentIndex(m_scene.layer);
    const QString first = render::hiddenUnitName(m_scene.layer, 0);
    if (m_unitA->count() != units || m_unitA->itemText(0) != first) {
        m_unitA->clear();
        m_unitB->clear();
        for (int u = 0; u < units; ++u) {
            m_unitA->addItem(render::hiddenUnitName(m_scene.layer, u));
            m_unitB->addItem(render::hiddenUnitName(m_scene.layer, u));
        }
    }
    m_unitA->setCurrentIndex(m_scene.unitA);
    m_unitB->setCurrentIndex(m_scene.unitB);
}

void HiddenView::exportPicture()
{
    if (m_plane.absence != render::HiddenPlane::Absence::None)
        return;
    const QString suggested = QDir::home().filePath(tr("hidden-layer") + u".png"_s);
    QString path = m_chooser(suggested, tr("Pictures (*.png *.svg *.pdf)"));
    if (path.isEmpty())
        return;
    const exporting::ExportFormat format = exporting::pictureFormatOf(path);
    // A square page: the plane is square.
    exporting::OutputGeometry geometry;
    geometry.logical = QSizeF(1080.0, 1080.0);
    render::Theme theme = render::Theme::light();
    theme.fontScale =
        exporting::defaultFontScale(geometry.logical, exporting::ExportLayout::Single);
    const render::HiddenPlane plane = m_plane;
    const exporting::ExportResult result =
        exporting::writePicture(path, format, geometry, render::HiddenPainter::title(plane),
                                theme.background, [&](QPainter& painter, const QRectF& target) {
                                    render::HiddenPainter(theme).paint(painter, target, plane);
                                });
    if (result.error)
        QMessageBox::warning(this, tr("Export"), *result.error);
}

void HiddenView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void HiddenView::retranslate()
{
    m_layerLabel->setText(tr("&Layer:"));
    m_unitsLabel->setText(tr("&Units:"));
    m_unitA->setToolTip(tr("The unit on the horizontal axis"));
    m_unitB->setToolTip(tr("The unit on the vertical axis"));
    m_export->setText(tr("&Export…"));
    m_shownHidden.clear(); // the layers' names again, in the new language
    m_layer->clear();
    refresh();
}

} // namespace plab::ui
