#include "ui/dialogs/scaleview.h"

#include "editor/document.h"
#include "editor/playback.h"
#include "export/picturewriter.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

#include <chrono>

using namespace Qt::StringLiterals;

namespace plab::ui {

ScaleCanvas::ScaleCanvas(QWidget* parent) : QWidget(parent)
{
    setObjectName(u"scaleCanvas"_s);
    setMinimumSize(640, 400);
}

void ScaleCanvas::setScene(const render::ScaleScene& scene)
{
    m_scene = scene;
    update();
}

QSize ScaleCanvas::sizeHint() const
{
    return {1120, 600};
}

void ScaleCanvas::paintEvent(QPaintEvent*)
{
    // Text grows with the view as it does on an exported page of the same size.
    render::Theme theme = render::Theme::forPalette(palette());
    theme.fontScale = exporting::defaultFontScale(QSizeF(size()), exporting::ExportLayout::Single);
    QPainter painter(this);
    render::ScalePainter(theme).paint(painter, rect(), m_scene);
}

ScaleView::ScaleView(const editor::Document& document, const editor::Playback& playback,
                     QWidget* parent)
    : QDialog(parent), m_document(document), m_playback(playback)
{
    setObjectName(u"scaleView"_s);
    m_canvas = new ScaleCanvas(this);
    auto* buttons = new QDialogButtonBox(this);
    m_measureButton = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_measureButton->setObjectName(u"measureButton"_s);
    m_exportButton = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_exportButton->setObjectName(u"exportButton"_s);
    m_closeButton = buttons->addButton(QDialogButtonBox::Close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_canvas, 1);
    layout->addWidget(buttons);

    m_chooser = [this](const QString& suggested, const QString& filter) {
        return QFileDialog::getSaveFileName(this, tr("Export to"), suggested, filter);
    };
    connect(m_measureButton, &QPushButton::clicked, this, &ScaleView::measure);
    connect(m_exportButton, &QPushButton::clicked, this, &ScaleView::exportPicture);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // The measuring thread never calls into Qt: the GUI thread looks for its result, 50 times a
    // second while one runs.
    m_collectTimer.setInterval(20);
    connect(&m_collectTimer, &QTimer::timeout, this, &ScaleView::collect);
    // A new model or new points: the rate measured is another model's; the run starts over.
    const auto changed = [this] {
        ++m_generation;
        m_rate.reset();
        measure();
    };
    connect(&document, &editor::Document::dataChanged, this, changed);
    connect(&document, &editor::Document::settingsChanged, this, changed);
    connect(&playback, &editor::Playback::historyChanged, this, &ScaleView::refresh);
    retranslate();
    measure();
}

ScaleView::~ScaleView() = default;

render::ScaleScene ScaleView::sceneOf(const editor::Document& document,
                                      const editor::Playback& playback)
{
    render::ScaleScene scene;
    const learning::TrainingSettings& settings = document.settings();
    scene.shape = learning::modelShape(settings);
    scene.samples = std::int64_t(document.data().size());
    scene.cost = learning::sampleCost(settings, int(scene.samples));
    const learning::History& history = playback.history();
    // Whole epochs: the visits of an epoch begun with Step Sample count once it is complete.
    if (history.epochCount() > 0) {
        const int epoch = history.epochCount() - 1;
        scene.epochs = epoch;
        if (const auto position = history.positionOfEpoch(epoch))
            scene.updates = history.totalUpdatesAt(*position);
    }
    return scene;
}

void ScaleView::setFileChooser(std::function<QString(const QString&, const QString&)> chooser)
{
    m_chooser = std::move(chooser);
}

void ScaleView::measure()
{
    if (isMeasuring()) {
        // collect() starts again when this one is for an older generation.
        refresh();
        return;
    }
    m_rate.reset();
    m_measuredGeneration = m_generation;
    auto measurement = std::make_shared<Measurement>();
    m_measurement = measurement;
    const auto budget = std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::duration<double>(kMeasureSeconds));
    // The thread gets copies of the data and the settings, and shares only `measurement`.
    m_thread = std::jthread([measurement, data = m_document.data(),
                             settings = m_document.settings(), budget](std::stop_token stop) {
        std::optional<learning::RateMeasurement> result =
            learning::measureTrainingRate(data, settings, budget, stop);
        const std::lock_guard lock(measurement->mutex);
        measurement->result = result;
        measurement->done = true;
    });
    m_collectTimer.start();
    refresh();
}

void ScaleView::collect()
{
    {
        const std::lock_guard lock(m_measurement->mutex);
        if (!m_measurement->done)
            return;
        m_rate = m_measurement->result;
    }
    m_collectTimer.stop();
    m_thread.join();
    m_measurement.reset();
    if (m_measuredGeneration != m_generation) {
        measure();
        return;
    }
    refresh();
    Q_EMIT measured();
}

void ScaleView::refresh()
{
    render::ScaleScene scene = sceneOf(m_document, m_playback);
    scene.rate = m_rate;
    scene.measuring = isMeasuring();
    m_measureButton->setEnabled(!scene.measuring);
    m_canvas->setScene(scene);
}

void ScaleView::exportPicture()
{
    const QString suggested = QDir::home().filePath(tr("model-scale") + u".png"_s);
    QString path = m_chooser(suggested, tr("Pictures (*.png *.svg *.pdf)"));
    if (path.isEmpty())
        return;
    const exporting::ExportFormat format = exporting::pictureFormatOf(path);
    exporting::OutputGeometry geometry;
    geometry.logical = QSizeF(1920.0, 1080.0);
    render::Theme theme = render::Theme::light();
    theme.fontScale =
        exporting::defaultFontScale(geometry.logical, exporting::ExportLayout::Single);
    const render::ScaleScene scene = m_canvas->scene();
    const exporting::ExportResult result =
        exporting::writePicture(path, format, geometry, tr("How big is this model?"),
                                theme.background, [&](QPainter& painter, const QRectF& target) {
                                    render::ScalePainter(theme).paint(painter, target, scene);
                                });
    if (result.error)
        QMessageBox::warning(this, tr("Export"), *result.error);
}

void ScaleView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void ScaleView::retranslate()
{
    setWindowTitle(tr("How big is this model?"));
    m_measureButton->setText(tr("&Measure Again"));
    m_exportButton->setText(tr("&Export…"));
    m_canvas->update();
}

ScaleView* showScaleView(QWidget* parent, const editor::Document& document,
                         const editor::Playback& playback)
{
    if (auto* open = parent->findChild<ScaleView*>(QString(), Qt::FindDirectChildrenOnly)) {
        open->raise();
        open->activateWindow();
        return open;
    }
    auto* view = new ScaleView(document, playback, parent);
    view->setAttribute(Qt::WA_DeleteOnClose);
    view->setModal(false);
    view->show();
    return view;
}

} // namespace plab::ui
