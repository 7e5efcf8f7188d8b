#pragma once

#include "export/exporter.h"
#include "export/exportoptions.h"
#include "export/exportsource.h"

#include <QString>
#include <QWidget>

#include <cstddef>
#include <memory>
#include <vector>

namespace plab::exporting {
class FramePainter;
}

namespace plab::ui {

/// The live preview of an export: a page (one frame, or a storyboard) painted by the export's
/// own FramePainter and scaled to fit the widget, or a text (a table's first rows, or why the
/// settings cannot be exported).
class ExportPreview : public QWidget
{
    Q_OBJECT

public:
    explicit ExportPreview(QWidget* parent = nullptr);
    ~ExportPreview() override;

    /// What to show: \p frames as one page of \p source, as \p options lay it out.
    void setPage(std::shared_ptr<const exporting::ExportSource> source,
                 std::vector<exporting::ExportFrame> frames,
                 const exporting::ExportOptions& options);
    /// A text instead of a page, in the fixed-width font.
    void setMessage(const QString& message);
    [[nodiscard]] const QString& message() const { return m_message; }

    [[nodiscard]] QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::shared_ptr<const exporting::ExportSource> m_source;
    std::vector<exporting::ExportFrame> m_frames;
    /// Kept from page to page: it summarises the run for the charts once, not at every paint.
    std::unique_ptr<exporting::FramePainter> m_painter;
    QString m_message;
};

/// The start of the worked-example table \p request describes, for the preview.
struct TablePreview
{
    QString text;             ///< the table of the first rows, then how many more there are
    std::size_t rows = 0;     ///< the rows of the whole table
    std::size_t replayed = 0; ///< the visits computed for it (see StepSelection)
};

/// The \p format table of the first \p shown visits of \p epochs of \p source, followed by a
/// line "… and N more rows" when the whole table has more: its cost grows with \p shown, not
/// with the run. An error line when the table could not be written.
[[nodiscard]] Result<TablePreview, QString> tablePreview(const exporting::ExportSource& source,
                                                         const std::vector<int>& epochs,
                                                         exporting::TableFormat format,
                                                         std::size_t shown);

} // namespace plab::ui
