#include "ui/dialogs/exportpreview.h"

#include "export/framepainter.h"
#include "export/tablewriter.h"

#include <QFontDatabase>
#include <QPainter>

#include <algorithm>

namespace plab::ui {

ExportPreview::ExportPreview(QWidget* parent) : QWidget(parent)
{
    setMinimumSize(320, 200);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAccessibleName(tr("Export preview"));
}

ExportPreview::~ExportPreview() = default;

QSize ExportPreview::sizeHint() const
{
    return {560, 360};
}

void ExportPreview::setPage(std::shared_ptr<const exporting::ExportSource> source,
                            std::vector<exporting::ExportFrame> frames,
                            const exporting::ExportOptions& options)
{
    if (source != m_source || !m_painter || !(m_painter->options() == options)) {
        m_painter.reset();
        m_source = std::move(source);
        if (m_source)
            m_painter = std::make_unique<exporting::FramePainter>(*m_source, options);
    }
    m_frames = std::move(frames);
    m_message.clear();
    update();
}

void ExportPreview::setMessage(const QString& message)
{
    m_painter.reset();
    m_source.reset();
    m_frames.clear();
    m_message = message;
    update();
}

void ExportPreview::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Mid));
    if (!m_painter || m_frames.empty()) {
        p.setPen(palette().color(QPalette::Text));
        p.fillRect(rect().adjusted(8, 8, -8, -8), palette().color(QPalette::Base));
        QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        p.setFont(mono);
        p.drawText(rect().adjusted(16, 16, -16, -16), Qt::AlignLeft | Qt::AlignTop, m_message);
        return;
    }
    // The page at its logical size, scaled to fit: exactly what the file shows.
    const QSizeF page = m_painter->options().geometry.logical;
    const QRectF area = QRectF(rect()).adjusted(8, 8, -8, -8);
    const double k = std::min(area.width() / page.width(), area.height() / page.height());
    const QSizeF shown = page * k;
    p.translate(area.center() - QPointF(0.5 * shown.width(), 0.5 * shown.height()));
    p.scale(k, k);
    p.setClipRect(QRectF(QPointF(0, 0), page));
    m_painter->paintPage(p, QRectF(QPointF(0, 0), page), m_frames);
}

Result<TablePreview, QString> tablePreview(const exporting::ExportSource& source,
                                           const std::vector<int>& epochs,
                                           exporting::TableFormat format, std::size_t shown)
{
    auto selected = exporting::firstSteps(source, epochs, shown);
    if (!selected)
        return unexpected(selected.error());
    const exporting::StepSelection& head = selected.value();
    const learning::ModelShape shape = learning::modelShape(source.settings);
    const std::size_t perVisit = exporting::tableRowsPerVisit(shape);
    TablePreview preview;
    preview.rows = head.total * perVisit;
    preview.replayed = head.replayed;
    const exporting::TableWriter writer(format, shape);
    preview.text = QString::fromUtf8(writer.write(head.steps));
    if (head.total > head.steps.size()) {
        preview.text += ExportPreview::tr("… and %n more row(s)", nullptr,
                                          int((head.total - head.steps.size()) * perVisit));
    }
    return preview;
}

} // namespace plab::ui
