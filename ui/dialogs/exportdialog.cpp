#include "ui/dialogs/exportdialog.h"

#include "ui/dialogs/exportactions.h"
#include "ui/dialogs/exportjob.h"
#include "ui/dialogs/exportpreview.h"

#include <QBoxLayout>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>

#include <algorithm>

namespace plab::ui {

namespace {

/// A spin box's lowest value standing for "automatic".
template <typename Spin>
void makeAuto(Spin* spin, const QString& text)
{
    spin->setSpecialValueText(text);
    spin->setValue(spin->minimum());
}

/// The spin box's value, or nothing at its lowest value ("automatic").
template <typename Spin>
std::optional<double> autoValue(const Spin* spin)
{
    if (spin->value() == spin->minimum())
        return std::nullopt;
    return double(spin->value());
}

void selectData(QComboBox* box, const QVariant& data)
{
    box->setCurrentIndex(std::max(0, box->findData(data)));
}

} // namespace

ExportDialog::ExportDialog(std::shared_ptr<const exporting::ExportSource> source,
                           std::size_t position, const render::Theme& screenTheme, QWidget* parent)
    : QDialog(parent), m_source(std::move(source)), m_position(position),
      m_screenTheme(screenTheme), m_lastFolder(QDir::homePath())
{
    setWindowTitle(tr("Export"));
    m_chooser = [this](const QString& suggested, const QString& filter) {
        return QFileDialog::getSaveFileName(this, tr("Export to"), suggested, filter);
    };
    m_job = new ExportJob(this);
    connect(m_job, &ExportJob::finished, this, &ExportDialog::onFinished);
    m_previewTimer.setSingleShot(true);
    m_previewTimer.setInterval(kPreviewDelayMs);
    connect(&m_previewTimer, &QTimer::timeout, this, &ExportDialog::updatePreview);
    buildWidgets();
    connectWidgets();
    setKind(Kind::Image);
    // The first preview at once, not after the delay.
    m_previewTimer.stop();
    updatePreview();
}

ExportDialog::~ExportDialog() = default;

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
}

void ExportDialog::connectWidgets()
{
    connect(m_layout, &QComboBox::currentIndexChanged, this, [this] { setKind(kind()); });
    const auto changed = [this] { formChanged(); };
    for (QComboBox* box : {m_content, m_format, m_unit, m_scale, m_theme})
        connect(box, &QComboBox::currentIndexChanged, this, changed);
    connect(m_size, &QComboBox::currentIndexChanged, this, [this] {
        const QSize preset = m_size->currentData().toSize();
        if (preset.isValid()) {
            const QSignalBlocker blockUnit(m_unit);
            const QSignalBlocker blockWidth(m_width);
            const QSignalBlocker blockHeight(m_height);
            m_unit->setCurrentIndex(0);
            m_width->setValue(preset.width());
            m_height->setValue(preset.height());
        }
        formChanged();
    });
    for (QDoubleSpinBox* spin : {m_width, m_height, m_fontScale})
        connect(spin, &QDoubleSpinBox::valueChanged, this, changed);
    for (QSpinBox* spin : {m_dpi, m_columns, m_delay, m_pause, m_loop})
        connect(spin, &QSpinBox::valueChanged, this, changed);
    for (QCheckBox* box : {m_steps, m_caption, m_legend})
        connect(box, &QCheckBox::toggled, this, changed);
    for (QLineEdit* edit : {m_epochs, m_title})
        connect(edit, &QLineEdit::textChanged, this, changed);
    connect(m_previewFrame, &QSlider::valueChanged, this, &ExportDialog::showPreviewFrame);
}

ExportDialog::Kind ExportDialog::kind() const
{
    return Kind(m_layout->currentData().toInt());
}

void ExportDialog::setKind(Kind k)
{
    const int last = m_source ? m_source->history.latestEpoch().epoch : 0;
    setForm(withKind(form(), k, last));
}

void ExportDialog::setFormats(Kind k)
{
    const QSignalBlocker blockFormat(m_format);
    m_format->clear();
    for (const QString& format : formatNames(k))
        m_format->addItem(formatLabel(format), format);
}

ExportForm ExportDialog::form() const
{
    ExportForm f;
    f.kind = kind();
    f.content = m_content->currentData().toString();
    f.format = m_format->currentData().toString();
    f.epochs = m_epochs->text();
    f.steps = m_steps->isChecked();
    f.size.width = m_width->value();
    f.size.height = m_height->value();
    f.size.unit = exporting::SizeSpec::Unit(m_unit->currentData().toInt());
    f.scale = m_scale->currentData().toDouble();
    f.dpi = autoValue(m_dpi);
    f.theme = m_theme->currentData().toString();
    f.fontScale = autoValue(m_fontScale);
    f.caption = m_caption->isChecked();
    f.title = m_title->text();
    f.legend = m_legend->isChecked();
    f.columns = m_columns->value();
    f.gif.frameDelayMs = m_delay->value();
    f.gif.lastFramePauseMs = m_pause->value();
    f.gif.loopCount = m_loop->value();
    return f;
}

void ExportDialog::setForm(const ExportForm& f)
{
    {
        // One update for the whole form, after every widget holds its value.
        std::vector<std::unique_ptr<QSignalBlocker>> blockers;
        for (QWidget* w : findChildren<QWidget*>())
            blockers.push_back(std::make_unique<QSignalBlocker>(w));
        selectData(m_layout, int(f.kind));
        setFormats(f.kind);
        selectData(m_format, f.format);
        selectData(m_content, f.content);
        m_epochs->setText(f.epochs);
        m_steps->setChecked(f.steps);
        // The size menu shows the preset of these pixels, or keeps "Custom".
        const QSize pixels(int(f.size.width), int(f.size.height));
        const bool exact = !f.size.isPhysical() && pixels.width() == f.size.width &&
                           pixels.height() == f.size.height;
        const QSize shown = m_size->currentData().toSize();
        if (shown.isValid() && !(exact && shown == pixels)) {
            const int preset = exact ? m_size->findData(pixels) : -1;
            m_size->setCurrentIndex(preset >= 0 ? preset : m_size->count() - 1);
        }
        selectData(m_unit, int(f.size.unit));
        m_width->setValue(f.size.width);
        m_height->setValue(f.size.height);
        selectData(m_scale, f.scale);
        m_dpi->setValue(f.dpi ? int(std::lround(*f.dpi)) : m_dpi->minimum());
        selectData(m_theme, f.theme);
        m_fontScale->setValue(f.fontScale.value_or(m_fontScale->minimum()));
        m_caption->setChecked(f.caption);
        m_title->setText(f.title);
        m_legend->setChecked(f.legend);
        m_columns->setValue(f.columns);
        m_delay->setValue(f.gif.frameDelayMs);
        m_pause->setValue(f.gif.lastFramePauseMs);
        m_loop->setValue(f.gif.loopCount);
    }
    formChanged();
}

Result<exporting::ExportRequest, QString> ExportDialog::request() const
{
    return requestOf(form(), m_source, m_position);
}

void ExportDialog::formChanged()
{
    updateEnabled();
    if (checkRequest())
        m_previewTimer.start();
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

bool ExportDialog::checkRequest()
{
    const auto made = request();
    if (made) {
        m_exportButton->setEnabled(!isExporting());
        return true;
    }
    m_previewTimer.stop();
    m_frames.clear();
    m_previewFrame->setVisible(false);
    m_summary->setText(made.error());
    m_preview->setMessage(made.error());
    m_exportButton->setEnabled(false);
    return false;
}

void ExportDialog::updatePreview()
{
    m_frames.clear();
    const auto made = request();
    const auto fail = [this](const QString& error) {
        m_previewFrame->setVisible(false);
        m_summary->setText(error);
        m_preview->setMessage(error);
        m_exportButton->setEnabled(false);
        Q_EMIT previewUpdated();
    };
    if (!made)
        return fail(made.error());
    const exporting::ExportRequest& r = made.value();
    if (r.table) {
        const auto table = tablePreview(*r.source, r.epochs, *r.table, kPreviewRows);
        if (!table)
            return fail(table.error());
        m_preview->setMessage(table.value().text);
        m_previewFrame->setVisible(false);
        m_summary->setText(tr("%n row(s)", nullptr, int(table.value().rows)));
        m_exportButton->setEnabled(!isExporting());
        Q_EMIT previewUpdated();
        return;
    }
    auto selected = exporting::framesFor(r);
    if (!selected)
        return fail(selected.error());
    m_frames = std::move(selected).value();
    m_frameOptions = r.options;
    const bool storyboard = r.options.layout == exporting::ExportLayout::Storyboard;
    const int count = int(m_frames.size());
    m_previewFrame->setVisible(!storyboard && count > 1);
    {
        const QSignalBlocker block(m_previewFrame);
        m_previewFrame->setRange(0, std::max(0, count - 1));
    }
    if (m_frames.empty()) {
        m_preview->setMessage(tr("No frames to export."));
        m_exportButton->setEnabled(false);
        Q_EMIT previewUpdated();
        return;
    }
    showPreviewFrame();

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
    Q_EMIT previewUpdated();
}

std::vector<exporting::ExportFrame> ExportDialog::previewPage() const
{
    if (m_frames.empty() || m_frameOptions.layout == exporting::ExportLayout::Storyboard)
        return m_frames;
    const int last = int(m_frames.size()) - 1;
    return {m_frames[std::size_t(std::clamp(m_previewFrame->value(), 0, last))]};
}

void ExportDialog::showPreviewFrame()
{
    if (!m_frames.empty())
        m_preview->setPage(m_source, previewPage(), m_frameOptions);
}

void ExportDialog::setFileChooser(FileChooser chooser)
{
    m_chooser = std::move(chooser);
}

bool ExportDialog::isExporting() const
{
    return m_job->isRunning();
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
    const QString suggested = QDir(m_lastFolder).filePath(suggestedFileName(r, kind()));
    r.path = m_chooser(suggested, fileFilter(r));
    if (r.path.isEmpty())
        return;
    m_lastFolder = QFileInfo(r.path).absolutePath();
    m_exportButton->setEnabled(false);
    m_summary->setText(tr("Exporting to %1 …").arg(QDir::toNativeSeparators(r.path)));
    m_job->start(r);
}

void ExportDialog::onFinished(const exporting::ExportResult& result)
{
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
    // The page the preview shows, brought up to date first.
    if (m_previewTimer.isActive()) {
        m_previewTimer.stop();
        updatePreview();
    }
    if (m_frames.empty())
        return;
    exporting::ExportOptions options = m_frameOptions;
    const std::vector<exporting::ExportFrame> page = previewPage();
    options.layout =
        page.size() > 1 ? exporting::ExportLayout::Storyboard : exporting::ExportLayout::Single;
    copyPageToClipboard(*m_source, page, options);
    m_summary->setText(tr("Copied to the clipboard."));
}

void ExportDialog::closeEvent(QCloseEvent* event)
{
    m_job->cancel();
    QDialog::closeEvent(event);
}

void ExportDialog::reject()
{
    m_job->cancel();
    QDialog::reject();
}

} // namespace plab::ui
