#include "ui/dialogs/exportdialog.h"

#include "editor/document.h"
#include "export/framepainter.h"
#include "learning/history.h"

#include <QAction>
#include <QBoxLayout>
#include <QCheckBox>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QPainter>
#include <QProgressDialog>
#include <QPromise>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

namespace plab::ui {

namespace {

QString suffixFor(const exporting::ExportRequest& request)
{
    if (request.table)
        return exporting::fileExtension(*request.table);
    return exporting::fileExtension(request.options.format);
}

QString joinEpochs(const std::vector<int>& epochs)
{
    QStringList parts;
    for (int e : epochs)
        parts << QString::number(e);
    return parts.join(u',');
}

/// A spin box's lowest value standing for "automatic".
template <typename Spin>
void makeAuto(Spin* spin, const QString& text)
{
    spin->setSpecialValueText(text);
    spin->setValue(spin->minimum());
}

} // namespace

std::shared_ptr<const exporting::ExportSource> exportSourceFor(const editor::Document& document,
                                                               const learning::History& history)
{
    auto source = std::make_shared<exporting::ExportSource>();
    source->data = document.data();
    source->settings = document.settings();
    source->view = document.view();
    source->history = history;
    source->name = QFileInfo(document.filePath()).completeBaseName();
    return source;
}

void copyViewToClipboard(const exporting::ExportSource& source, const exporting::ExportFrame& frame,
                         const render::Theme& theme, const QSizeF& logical, double devicePixelRatio)
{
    exporting::ExportOptions options;
    options.theme = theme;
    options.geometry.logical = logical;
    options.geometry.scale = devicePixelRatio;
    options.geometry.dpi = 96.0 * devicePixelRatio;
    const std::vector<exporting::ExportFrame> frames{frame};
    auto* mime = new QMimeData;
    mime->setImageData(exporting::renderImage(source, frames, options));
    options.format = exporting::ExportFormat::Svg;
    mime->setData(QStringLiteral("image/svg+xml"), exporting::renderSvg(source, frames, options));
    QGuiApplication::clipboard()->setMimeData(mime);
}

namespace {

/// The window's export actions, with their texts written again when the language changes.
class ExportActions : public QObject
{
public:
    ExportActions(QWidget* window, QMenu* menu) : QObject(window), m_window(window), m_menu(menu)
    {
        window->installEventFilter(this);
    }

    void add(QAction* action, const char* text, const char* toolTip = nullptr)
    {
        m_actions.push_back({action, text, toolTip});
    }

    void retranslate()
    {
        m_menu->setTitle(ExportDialog::tr("&Export"));
        for (const Entry& e : m_actions) {
            e.action->setText(ExportDialog::tr(e.text));
            if (e.toolTip)
                e.action->setToolTip(ExportDialog::tr(e.toolTip));
        }
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == m_window && event->type() == QEvent::LanguageChange)
            retranslate();
        return false;
    }

private:
    struct Entry
    {
        QAction* action;
        const char* text;
        const char* toolTip;
    };
    QWidget* m_window;
    QMenu* m_menu;
    std::vector<Entry> m_actions;
};

} // namespace

void addExportActions(QMenu* fileMenu, QAction* before, QMenu* editMenu, QWidget* window,
                      std::function<ExportContext()> context)
{
    auto* menu = new QMenu(fileMenu);
    fileMenu->insertMenu(before, menu);
    if (before)
        fileMenu->insertSeparator(before);
    menu->setObjectName(QStringLiteral("menuExport"));
    auto* actions = new ExportActions(window, menu);
    const struct
    {
        ExportDialog::Kind kind;
        const char* name;
        const char* text;
    } entries[] = {
        {ExportDialog::Kind::Image, "actionExportImage",
         QT_TRANSLATE_NOOP("plab::ui::ExportDialog", "&Image…")},
        {ExportDialog::Kind::Storyboard, "actionExportStoryboard",
         QT_TRANSLATE_NOOP("plab::ui::ExportDialog", "&Storyboard…")},
        {ExportDialog::Kind::Frames, "actionExportFrames",
         QT_TRANSLATE_NOOP("plab::ui::ExportDialog", "Numbered &Frames…")},
        {ExportDialog::Kind::Pages, "actionExportPages",
         QT_TRANSLATE_NOOP("plab::ui::ExportDialog", "Multi-page &PDF…")},
        {ExportDialog::Kind::Animation, "actionExportAnimation",
         QT_TRANSLATE_NOOP("plab::ui::ExportDialog", "Animated &GIF…")},
        {ExportDialog::Kind::Table, "actionExportTable",
         QT_TRANSLATE_NOOP("plab::ui::ExportDialog", "Worked-Example &Table…")},
    };
    for (const auto& entry : entries) {
        QAction* action = menu->addAction(QString());
        action->setObjectName(QString::fromLatin1(entry.name));
        actions->add(action, entry.text);
        if (entry.kind == ExportDialog::Kind::Image)
            action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
        const ExportDialog::Kind kind = entry.kind;
        QObject::connect(action, &QAction::triggered, window, [window, context, kind] {
            const ExportContext c = context();
            auto* dialog = new ExportDialog(c.source, c.position, c.theme, window);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->setKind(kind);
            dialog->open();
        });
    }
    QAction* copy = editMenu->addAction(QString());
    copy->setObjectName(QStringLiteral("actionCopyView"));
    copy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    actions->add(copy, QT_TRANSLATE_NOOP("plab::ui::ExportDialog", "&Copy View"),
                 QT_TRANSLATE_NOOP("plab::ui::ExportDialog",
                                   "Copy the plot as shown to the clipboard, as an image and as "
                                   "SVG"));
    actions->retranslate();
    // The shortcut works wherever the focus is in the window.
    window->addAction(copy);
    QObject::connect(copy, &QAction::triggered, window, [context] {
        const ExportContext c = context();
        if (!c.source || c.viewSize.isEmpty())
            return;
        copyViewToClipboard(*c.source, exporting::frameAt(*c.source, c.position), c.theme,
                            c.viewSize, c.devicePixelRatio);
    });
}

ExportPreview::ExportPreview(QWidget* parent) : QWidget(parent)
{
    setMinimumSize(320, 200);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAccessibleName(tr("Export preview"));
}

QSize ExportPreview::sizeHint() const
{
    return {560, 360};
}

void ExportPreview::setPage(std::shared_ptr<const exporting::ExportSource> source,
                            std::vector<exporting::ExportFrame> frames,
                            const exporting::ExportOptions& options)
{
    m_source = std::move(source);
    m_frames = std::move(frames);
    m_options = options;
    m_message.clear();
    update();
}

void ExportPreview::setMessage(const QString& message)
{
    m_source.reset();
    m_frames.clear();
    m_message = message;
    update();
}

void ExportPreview::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Mid));
    if (!m_source || m_frames.empty()) {
        p.setPen(palette().color(QPalette::Text));
        p.fillRect(rect().adjusted(8, 8, -8, -8), palette().color(QPalette::Base));
        QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        p.setFont(mono);
        p.drawText(rect().adjusted(16, 16, -16, -16), Qt::AlignLeft | Qt::AlignTop, m_message);
        return;
    }
    // The page at its logical size, scaled to fit: exactly what the file shows.
    const QSizeF page = m_options.geometry.logical;
    const QRectF area = QRectF(rect()).adjusted(8, 8, -8, -8);
    const double k = std::min(area.width() / page.width(), area.height() / page.height());
    const QSizeF shown = page * k;
    p.translate(area.center() - QPointF(0.5 * shown.width(), 0.5 * shown.height()));
    p.scale(k, k);
    p.setClipRect(QRectF(QPointF(0, 0), page));
    exporting::FramePainter painter(*m_source, m_options);
    painter.paintPage(p, QRectF(QPointF(0, 0), page), m_frames);
}

ExportDialog::ExportDialog(std::shared_ptr<const exporting::ExportSource> source,
                           std::size_t position, const render::Theme& screenTheme, QWidget* parent)
    : QDialog(parent), m_source(std::move(source)), m_position(position),
      m_screenTheme(screenTheme), m_lastFolder(QDir::homePath())
{
    setWindowTitle(tr("Export"));
    m_chooser = [this](const QString& suggested, const QString& filter) {
        return QFileDialog::getSaveFileName(this, tr("Export to"), suggested, filter);
    };
    buildWidgets();
    connect(&m_watcher, &QFutureWatcher<exporting::ExportResult>::finished, this,
            &ExportDialog::onFinished);
    connect(&m_watcher, &QFutureWatcher<exporting::ExportResult>::progressRangeChanged, this,
            [this](int lo, int hi) {
                if (m_progress)
                    m_progress->setRange(lo, hi);
            });
    connect(&m_watcher, &QFutureWatcher<exporting::ExportResult>::progressValueChanged, this,
            [this](int value) {
                if (m_progress)
                    m_progress->setValue(value);
            });
    setKind(Kind::Image);
}

ExportDialog::~ExportDialog()
{
    // The worker holds its own copies; it only needs to learn that nobody waits any more.
    if (isExporting())
        m_watcher.future().cancel();
}

void ExportDialog::buildWidgets()
{
    m_layout = new QComboBox(this);
    m_layout->setObjectName(QStringLiteral("layout"));
    m_layout->addItem(tr("Image of the view shown"), int(Kind::Image));
    m_layout->addItem(tr("Storyboard (small multiples)"), int(Kind::Storyboard));
    m_layout->addItem(tr("Numbered frames"), int(Kind::Frames));
    m_layout->addItem(tr("Multi-page PDF"), int(Kind::Pages));
    m_layout->addItem(tr("Animated GIF"), int(Kind::Animation));
    m_layout->addItem(tr("Worked-example table"), int(Kind::Table));

    m_content = new QComboBox(this);
    m_content->setObjectName(QStringLiteral("content"));
    m_content->addItem(tr("Plot"), name(exporting::ExportContent::Plot));
    m_content->addItem(tr("Errors per epoch (chart)"), name(exporting::ExportContent::ErrorChart));
    m_content->addItem(tr("Weights per epoch (chart)"),
                       name(exporting::ExportContent::WeightChart));

    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("format"));

    m_current = new QLabel(this);
    m_current->setObjectName(QStringLiteral("currentFrame"));
    m_epochs = new QLineEdit(this);
    m_epochs->setObjectName(QStringLiteral("epochs"));
    m_epochs->setToolTip(tr("all, last, or epochs and ranges such as 0,1,2,5,last or 2-6"));
    m_steps = new QCheckBox(tr("Every sample visit"), this);
    m_steps->setObjectName(QStringLiteral("steps"));
    m_steps->setToolTip(tr("One frame per sample visit of the chosen epochs, with the update "
                           "drawn, instead of one per epoch"));

    m_size = new QComboBox(this);
    m_size->setObjectName(QStringLiteral("size"));
    for (const exporting::SlidePreset& preset : exporting::slidePresets())
        m_size->addItem(preset.label, preset.size);
    m_size->addItem(tr("Custom"), QSize());
    m_width = new QDoubleSpinBox(this);
    m_width->setObjectName(QStringLiteral("width"));
    m_height = new QDoubleSpinBox(this);
    m_height->setObjectName(QStringLiteral("height"));
    for (QDoubleSpinBox* spin : {m_width, m_height}) {
        spin->setRange(1.0, exporting::kMaxSide);
        spin->setDecimals(1);
    }
    m_width->setValue(1920);
    m_height->setValue(1080);
    m_unit = new QComboBox(this);
    m_unit->setObjectName(QStringLiteral("unit"));
    m_unit->addItem(tr("px"), int(exporting::SizeSpec::Unit::Pixels));
    m_unit->addItem(tr("mm"), int(exporting::SizeSpec::Unit::Millimetres));
    m_unit->addItem(tr("cm"), int(exporting::SizeSpec::Unit::Centimetres));
    m_unit->addItem(tr("in"), int(exporting::SizeSpec::Unit::Inches));
    auto* sizeRow = new QHBoxLayout;
    sizeRow->addWidget(m_width);
    sizeRow->addWidget(new QLabel(QStringLiteral("\u00d7"), this));
    sizeRow->addWidget(m_height);
    sizeRow->addWidget(m_unit);

    m_scale = new QComboBox(this);
    m_scale->setObjectName(QStringLiteral("scale"));
    for (int s : {1, 2, 3})
        m_scale->addItem(QStringLiteral("%1\u00d7").arg(s), double(s));
    m_dpi = new QSpinBox(this);
    m_dpi->setObjectName(QStringLiteral("dpi"));
    m_dpi->setRange(int(exporting::kMinDpi) - 1, int(exporting::kMaxDpi));
    m_dpi->setSuffix(tr(" dpi"));
    makeAuto(m_dpi, tr("Automatic"));

    m_theme = new QComboBox(this);
    m_theme->setObjectName(QStringLiteral("theme"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    m_theme->addItem(tr("Print (white, no shading, thick lines)"), QStringLiteral("print"));
    m_theme->addItem(tr("High contrast"), QStringLiteral("high-contrast"));
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(m_screenTheme.name)));
    m_fontScale = new QDoubleSpinBox(this);
    m_fontScale->setObjectName(QStringLiteral("fontScale"));
    m_fontScale->setRange(0.25, 4.0);
    m_fontScale->setSingleStep(0.25);
    m_fontScale->setPrefix(QStringLiteral("\u00d7"));
    makeAuto(m_fontScale, tr("Automatic"));

    m_caption = new QCheckBox(tr("Caption: epoch, w, b and errors"), this);
    m_caption->setObjectName(QStringLiteral("caption"));
    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("title"));
    m_title->setPlaceholderText(tr("Title (optional)"));
    m_title->setText(m_source ? m_source->name : QString());
    m_legend = new QCheckBox(tr("Class legend"), this);
    m_legend->setObjectName(QStringLiteral("legend"));
    m_legend->setChecked(true);
    m_columns = new QSpinBox(this);
    m_columns->setObjectName(QStringLiteral("columns"));
    m_columns->setRange(0, 12);
    makeAuto(m_columns, tr("Automatic"));

    m_gifBox = new QGroupBox(tr("Animation"), this);
    m_delay = new QSpinBox(m_gifBox);
    m_delay->setObjectName(QStringLiteral("delay"));
    m_delay->setRange(20, 60'000);
    m_delay->setSingleStep(100);
    m_delay->setSuffix(tr(" ms"));
    m_delay->setValue(exporting::GifOptions{}.frameDelayMs);
    m_pause = new QSpinBox(m_gifBox);
    m_pause->setObjectName(QStringLiteral("pause"));
    m_pause->setRange(0, 60'000);
    m_pause->setSingleStep(200);
    m_pause->setSuffix(tr(" ms"));
    m_pause->setValue(exporting::GifOptions{}.lastFramePauseMs);
    m_loop = new QSpinBox(m_gifBox);
    m_loop->setObjectName(QStringLiteral("loop"));
    m_loop->setRange(0, 1000);
    m_loop->setSuffix(tr(" plays"));
    makeAuto(m_loop, tr("Forever"));
    auto* gifForm = new QFormLayout(m_gifBox);
    gifForm->addRow(tr("Time per frame:"), m_delay);
    gifForm->addRow(tr("Pause on the last frame:"), m_pause);
    gifForm->addRow(tr("Loop:"), m_loop);

    auto* form = new QFormLayout;
    m_form = form;
    form->addRow(tr("Export:"), m_layout);
    form->addRow(tr("Show:"), m_content);
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("Frame:"), m_current);
    form->addRow(tr("Epochs:"), m_epochs);
    form->addRow(QString(), m_steps);
    form->addRow(tr("Size:"), m_size);
    form->addRow(QString(), sizeRow);
    form->addRow(tr("Pixel density:"), m_scale);
    form->addRow(tr("Resolution:"), m_dpi);
    form->addRow(tr("Theme:"), m_theme);
    form->addRow(tr("Text size:"), m_fontScale);
    form->addRow(QString(), m_caption);
    form->addRow(QString(), m_title);
    form->addRow(QString(), m_legend);
    form->addRow(tr("Storyboard columns:"), m_columns);

    auto* left = new QVBoxLayout;
    left->addLayout(form);
    left->addWidget(m_gifBox);
    left->addStretch(1);

    m_preview = new ExportPreview(this);
    m_preview->setObjectName(QStringLiteral("preview"));
    m_previewFrame = new QSlider(Qt::Horizontal, this);
    m_previewFrame->setObjectName(QStringLiteral("previewFrame"));
    m_previewFrame->setToolTip(tr("The frame the preview shows"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* right = new QVBoxLayout;
    right->addWidget(m_preview, 1);
    right->addWidget(m_previewFrame);
    right->addWidget(m_summary);

    auto* buttons = new QDialogButtonBox(this);
    m_exportButton = buttons->addButton(tr("&Export…"), QDialogButtonBox::AcceptRole);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    QPushButton* copy = buttons->addButton(tr("&Copy Image"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("copyButton"));
    copy->setToolTip(tr("Copy the page the preview shows to the clipboard"));
    m_copyButton = copy;
    buttons->addButton(QDialogButtonBox::Close);
    connect(m_exportButton, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(copy, &QPushButton::clicked, this, &ExportDialog::copyToClipboard);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);

    auto* columns = new QHBoxLayout;
    columns->addLayout(left);
    columns->addLayout(right, 1);
    auto* top = new QVBoxLayout(this);
    top->addLayout(columns, 1);
    top->addWidget(buttons);

    const auto changed = [this] {
        updateEnabled();
        updatePreview();
    };
    connect(m_layout, &QComboBox::currentIndexChanged, this, [this] { setKind(kind()); });
    for (QComboBox* box : {m_content, m_format, m_unit, m_scale, m_theme})
        connect(box, &QComboBox::currentIndexChanged, this, changed);
    connect(m_size, &QComboBox::currentIndexChanged, this, [this, changed] {
        const QSize preset = m_size->currentData().toSize();
        if (preset.isValid()) {
            const QSignalBlocker blockUnit(m_unit);
            m_unit->setCurrentIndex(0);
            m_width->setValue(preset.width());
            m_height->setValue(preset.height());
        }
        changed();
    });
    for (QDoubleSpinBox* spin : {m_width, m_height, m_fontScale})
        connect(spin, &QDoubleSpinBox::valueChanged, this, changed);
    for (QSpinBox* spin : {m_dpi, m_columns, m_delay, m_pause, m_loop})
        connect(spin, &QSpinBox::valueChanged, this, changed);
    for (QCheckBox* box : {m_steps, m_caption, m_legend})
        connect(box, &QCheckBox::toggled, this, changed);
    for (QLineEdit* edit : {m_epochs, m_title})
        connect(edit, &QLineEdit::textChanged, this, changed);
    connect(m_previewFrame, &QSlider::valueChanged, this, &ExportDialog::updatePreview);
}

ExportDialog::Kind ExportDialog::kind() const
{
    return Kind(m_layout->currentData().toInt());
}

exporting::ExportLayout ExportDialog::layout() const
{
    switch (kind()) {
    case Kind::Image:
    case Kind::Table:
        return exporting::ExportLayout::Single;
    case Kind::Storyboard:
        return exporting::ExportLayout::Storyboard;
    case Kind::Frames:
        return exporting::ExportLayout::Frames;
    case Kind::Pages:
        return exporting::ExportLayout::Pages;
    case Kind::Animation:
        return exporting::ExportLayout::Animation;
    }
    return exporting::ExportLayout::Single;
}

void ExportDialog::setKind(Kind k)
{
    {
        const QSignalBlocker blockLayout(m_layout);
        m_layout->setCurrentIndex(std::max(0, m_layout->findData(int(k))));
    }
    const QSignalBlocker blockFormat(m_format);
    const QString previous = m_format->currentData().toString();
    m_format->clear();
    switch (k) {
    case Kind::Image:
    case Kind::Storyboard:
    case Kind::Frames:
        m_format->addItem(tr("PNG image"), name(exporting::ExportFormat::Png));
        m_format->addItem(tr("SVG drawing"), name(exporting::ExportFormat::Svg));
        m_format->addItem(tr("PDF document"), name(exporting::ExportFormat::Pdf));
        break;
    case Kind::Pages:
        m_format->addItem(tr("PDF document"), name(exporting::ExportFormat::Pdf));
        break;
    case Kind::Animation:
        m_format->addItem(tr("GIF animation"), name(exporting::ExportFormat::Gif));
        break;
    case Kind::Table:
        m_format->addItem(tr("CSV (spreadsheets)"), name(exporting::TableFormat::Csv));
        m_format->addItem(tr("Markdown"), name(exporting::TableFormat::Markdown));
        m_format->addItem(tr("LaTeX (booktabs)"), name(exporting::TableFormat::Latex));
        break;
    }
    m_format->setCurrentIndex(std::max(0, m_format->findData(previous)));

    const int last = m_source ? m_source->history.latestEpoch().epoch : 0;
    const QSignalBlocker blockEpochs(m_epochs);
    switch (k) {
    case Kind::Storyboard:
        m_epochs->setText(joinEpochs(exporting::storyboardEpochs(last)));
        break;
    case Kind::Table:
        m_epochs->setText(last >= 1 ? QStringLiteral("1-last") : QStringLiteral("all"));
        break;
    case Kind::Image:
    case Kind::Frames:
    case Kind::Pages:
    case Kind::Animation:
        m_epochs->setText(QStringLiteral("all"));
        break;
    }
    if (k == Kind::Animation) {
        // A GIF for a slide: half the slide's pixels, shown enlarged by the slide program.
        const QSignalBlocker blockSize(m_size);
        m_size->setCurrentIndex(m_size->count() - 1);
        m_unit->setCurrentIndex(0);
        m_width->setValue(960);
        m_height->setValue(540);
    }
    updateEnabled();
    updatePreview();
}

void ExportDialog::updateEnabled()
{
    const Kind k = kind();
    const bool table = k == Kind::Table;
    const bool image = k == Kind::Image;
    const bool raster = m_format->currentData().toString() == name(exporting::ExportFormat::Png) ||
                        k == Kind::Animation;
    const bool custom = !m_size->currentData().toSize().isValid();
    const bool physical = m_unit->currentData().toInt() != int(exporting::SizeSpec::Unit::Pixels);
    m_content->setEnabled(!table);
    m_form->setRowVisible(m_current, image);
    m_copyButton->setEnabled(!table);
    if (image && m_source) {
        const exporting::ExportFrame frame = exporting::frameAt(*m_source, m_position);
        m_current->setText(tr("the view shown: %1").arg(exporting::frameHeading(*m_source, frame)));
    }
    m_epochs->setEnabled(!image);
    m_steps->setEnabled(!image && !table);
    for (QWidget* w : {static_cast<QWidget*>(m_size), static_cast<QWidget*>(m_theme),
                       static_cast<QWidget*>(m_fontScale), static_cast<QWidget*>(m_caption),
                       static_cast<QWidget*>(m_legend)})
        w->setEnabled(!table);
    m_width->setEnabled(!table && custom);
    m_height->setEnabled(!table && custom);
    m_unit->setEnabled(!table && custom);
    m_scale->setEnabled(!table && raster && !physical);
    m_dpi->setEnabled(!table);
    m_title->setEnabled(!table && m_caption->isChecked());
    m_columns->setEnabled(k == Kind::Storyboard);
    m_gifBox->setVisible(k == Kind::Animation);
}

Result<exporting::OutputGeometry, QString> ExportDialog::geometry() const
{
    exporting::SizeSpec spec;
    spec.width = m_width->value();
    spec.height = m_height->value();
    spec.unit = exporting::SizeSpec::Unit(m_unit->currentData().toInt());
    std::optional<double> scale;
    if (!spec.isPhysical())
        scale = m_scale->currentData().toDouble();
    std::optional<double> dpi;
    if (m_dpi->value() != m_dpi->minimum())
        dpi = m_dpi->value();
    return exporting::geometryFor(spec, scale, dpi);
}

Result<exporting::ExportRequest, QString> ExportDialog::request() const
{
    if (!m_source)
        return unexpected(tr("Nothing to export."));
    exporting::ExportRequest r;
    r.source = m_source;
    const Kind k = kind();
    exporting::ExportOptions& o = r.options;
    o.layout = layout();
    if (k == Kind::Table) {
        r.table = exporting::tableFormatFromName(m_format->currentData().toString());
    } else {
        o.format = exporting::exportFormatFromName(m_format->currentData().toString())
                       .value_or(exporting::ExportFormat::Png);
        o.content = exporting::exportContentFromName(m_content->currentData().toString())
                        .value_or(exporting::ExportContent::Plot);
        auto g = geometry();
        if (!g)
            return unexpected(g.error());
        o.geometry = g.value();
        o.theme = render::Theme::fromName(m_theme->currentData().toString());
        o.theme.fontScale = m_fontScale->value() == m_fontScale->minimum()
                                ? exporting::defaultFontScale(o.geometry.logical, o.layout)
                                : m_fontScale->value();
        o.caption = m_caption->isChecked();
        o.title = o.caption ? m_title->text().trimmed() : QString();
        o.legend = m_legend->isChecked();
        o.columns = m_columns->value();
        o.gif.frameDelayMs = m_delay->value();
        o.gif.lastFramePauseMs = m_pause->value();
        o.gif.loopCount = m_loop->value();
    }
    if (k == Kind::Image) {
        r.position = m_position;
        return r;
    }
    auto epochs =
        exporting::parseEpochList(m_epochs->text(), m_source->history.latestEpoch().epoch);
    if (!epochs)
        return unexpected(tr("Epochs: %1").arg(epochs.error()));
    r.epochs = epochs.value();
    r.steps = k != Kind::Table && m_steps->isChecked();
    return r;
}

void ExportDialog::updatePreview()
{
    const auto made = request();
    if (!made) {
        m_summary->setText(made.error());
        m_preview->setMessage(made.error());
        m_exportButton->setEnabled(false);
        return;
    }
    const exporting::ExportRequest& r = made.value();
    if (r.table) {
        auto table = exporting::renderTable(r, *r.table);
        if (!table) {
            m_summary->setText(table.error());
            m_preview->setMessage(table.error());
            m_exportButton->setEnabled(false);
            return;
        }
        const QByteArray& text = table.value();
        const QList<QByteArray> lines = text.split('\n');
        QStringList head;
        for (qsizetype i = 0; i < std::min<qsizetype>(lines.size(), 40); ++i)
            head << QString::fromUtf8(lines[i]);
        m_preview->setMessage(head.join(u'\n'));
        m_previewFrame->setVisible(false);
        std::size_t rows = 0;
        for (int e : r.epochs)
            rows += e > 0 ? m_source->data.size() : 0;
        m_summary->setText(tr("%n row(s)", nullptr, int(rows)));
        m_exportButton->setEnabled(true);
        return;
    }
    auto selected = exporting::framesFor(r);
    if (!selected) {
        m_summary->setText(selected.error());
        m_preview->setMessage(selected.error());
        m_exportButton->setEnabled(false);
        return;
    }
    std::vector<exporting::ExportFrame> frames = std::move(selected).value();
    const bool storyboard = r.options.layout == exporting::ExportLayout::Storyboard;
    const int count = int(frames.size());
    m_previewFrame->setVisible(!storyboard && count > 1);
    {
        const QSignalBlocker block(m_previewFrame);
        m_previewFrame->setRange(0, std::max(0, count - 1));
    }
    if (frames.empty()) {
        m_preview->setMessage(tr("No frames to export."));
        m_exportButton->setEnabled(false);
        return;
    }
    std::vector<exporting::ExportFrame> shown;
    if (storyboard)
        shown = frames;
    else
        shown.push_back(frames[std::size_t(std::clamp(m_previewFrame->value(), 0, count - 1))]);
    m_preview->setPage(m_source, std::move(shown), r.options);

    const exporting::OutputGeometry& g = r.options.geometry;
    const QSize px = g.pixelSize();
    const QSizeF in = g.inches();
    QString what;
    switch (r.options.layout) {
    case exporting::ExportLayout::Single:
        what = tr("one image");
        break;
    case exporting::ExportLayout::Storyboard:
        what = tr("a storyboard of %n panel(s)", nullptr, count);
        break;
    case exporting::ExportLayout::Frames:
        what = tr("%n numbered file(s)", nullptr, count);
        break;
    case exporting::ExportLayout::Pages:
        what = tr("%n page(s)", nullptr, count);
        break;
    case exporting::ExportLayout::Animation:
        what = tr("%n frame(s)", nullptr, count);
        break;
    }
    m_summary->setText(tr("%1 × %2 px · %3 × %4 in at %5 dpi · %6")
                           .arg(px.width())
                           .arg(px.height())
                           .arg(in.width(), 0, 'g', 3)
                           .arg(in.height(), 0, 'g', 3)
                           .arg(g.dpi, 0, 'g', 4)
                           .arg(what));
    m_exportButton->setEnabled(!isExporting());
}

QString ExportDialog::fileFilter(const exporting::ExportRequest& request) const
{
    if (request.table) {
        switch (*request.table) {
        case exporting::TableFormat::Csv:
            return tr("CSV tables (*.csv)");
        case exporting::TableFormat::Markdown:
            return tr("Markdown (*.md)");
        case exporting::TableFormat::Latex:
            return tr("LaTeX (*.tex)");
        }
    }
    switch (request.options.format) {
    case exporting::ExportFormat::Png:
        return tr("PNG images (*.png)");
    case exporting::ExportFormat::Svg:
        return tr("SVG drawings (*.svg)");
    case exporting::ExportFormat::Pdf:
        return tr("PDF documents (*.pdf)");
    case exporting::ExportFormat::Gif:
        return tr("GIF animations (*.gif)");
    }
    return {};
}

void ExportDialog::setFileChooser(FileChooser chooser)
{
    m_chooser = std::move(chooser);
}

bool ExportDialog::isExporting() const
{
    return m_watcher.isRunning();
}

void ExportDialog::startExport()
{
    if (isExporting())
        return;
    auto made = request();
    if (!made) {
        m_summary->setText(made.error());
        return;
    }
    exporting::ExportRequest r = std::move(made).value();
    QString base = m_source->name.isEmpty() ? QStringLiteral("perceptron") : m_source->name;
    switch (kind()) {
    case Kind::Storyboard:
        base += QStringLiteral("-storyboard");
        break;
    case Kind::Table:
        base += QStringLiteral("-steps");
        break;
    case Kind::Image:
    case Kind::Frames:
    case Kind::Pages:
    case Kind::Animation:
        break;
    }
    const QString suggested = QDir(m_lastFolder).filePath(base + u'.' + suffixFor(r));
    r.path = m_chooser(suggested, fileFilter(r));
    if (r.path.isEmpty())
        return;
    m_lastFolder = QFileInfo(r.path).absolutePath();

    m_progress = new QProgressDialog(tr("Exporting…"), tr("Cancel"), 0, 0, this);
    m_progress->setObjectName(QStringLiteral("exportProgress"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(400);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    connect(m_progress, &QProgressDialog::canceled, this, [this] { m_watcher.future().cancel(); });
    m_exportButton->setEnabled(false);
    m_summary->setText(tr("Exporting to %1 …").arg(QDir::toNativeSeparators(r.path)));

    // Painting into QImage, QSvgGenerator and QPdfWriter is safe off the GUI thread; the request
    // carries copies of everything, so the window may change (and train) meanwhile.
    m_watcher.setFuture(QtConcurrent::run([r](QPromise<exporting::ExportResult>& promise) {
        exporting::ExportResult result = exporting::runExport(r, [&promise](int done, int total) {
            promise.setProgressRange(0, total);
            promise.setProgressValue(done);
            return !promise.isCanceled();
        });
        promise.addResult(std::move(result));
    }));
}

void ExportDialog::onFinished()
{
    exporting::ExportResult result;
    const QFuture<exporting::ExportResult> future = m_watcher.future();
    if (future.resultCount() > 0 && !future.isCanceled())
        result = future.result();
    else
        result.cancelled = true;
    if (m_progress) {
        m_progress->close();
        m_progress->deleteLater();
    }
    if (result.error)
        m_summary->setText(tr("Not exported: %1").arg(*result.error));
    else if (result.cancelled)
        m_summary->setText(tr("Export cancelled; nothing was written."));
    else if (result.files.size() == 1)
        m_summary->setText(
            tr("Exported to %1").arg(QDir::toNativeSeparators(result.files.constFirst())));
    else
        m_summary->setText(tr("Exported %n file(s) to %1", nullptr, int(result.files.size()))
                               .arg(QDir::toNativeSeparators(
                                   QFileInfo(result.files.constFirst()).absolutePath())));
    m_exportButton->setEnabled(true);
    Q_EMIT exportFinished(result);
}

void ExportDialog::copyToClipboard()
{
    const auto made = request();
    const exporting::ExportRequest* r = made ? &*made : nullptr;
    if (!r || r->table)
        return;
    auto selected = exporting::framesFor(*r);
    const auto* frames = selected ? &*selected : nullptr;
    if (!frames || frames->empty())
        return;
    std::vector<exporting::ExportFrame> page;
    if (r->options.layout == exporting::ExportLayout::Storyboard)
        page = *frames;
    else
        page.push_back((
            *frames)[std::size_t(std::clamp(m_previewFrame->value(), 0, int(frames->size()) - 1))]);
    exporting::ExportOptions options = r->options;
    options.layout =
        page.size() > 1 ? exporting::ExportLayout::Storyboard : exporting::ExportLayout::Single;
    auto* mime = new QMimeData;
    mime->setImageData(exporting::renderImage(*m_source, page, options));
    mime->setData(QStringLiteral("image/svg+xml"), exporting::renderSvg(*m_source, page, options));
    QGuiApplication::clipboard()->setMimeData(mime);
    m_summary->setText(tr("Copied to the clipboard."));
}

void ExportDialog::closeEvent(QCloseEvent* event)
{
    if (isExporting())
        m_watcher.future().cancel();
    QDialog::closeEvent(event);
}

void ExportDialog::reject()
{
    if (isExporting())
        m_watcher.future().cancel();
    QDialog::reject();
}

} // namespace plab::ui
