#pragma once

#include "export/exporter.h"
#include "export/exportoptions.h"
#include "export/exportsource.h"

#include <QString>
#include <QStringList>

#include <cstddef>
#include <memory>
#include <optional>

namespace plab::ui {

/// Which kind of export the export dialog makes (its "Export:" choice).
enum class ExportKind
{
    Image,      ///< the view shown, one file
    Storyboard, ///< small multiples on one page
    Frames,     ///< one numbered file per frame
    Pages,      ///< one PDF page per frame
    Animation,  ///< an animated GIF
    Table,      ///< a worked-example table of the sample visits
};

/// The export dialog's settings as plain values, one field per widget, so the mapping to an
/// ExportRequest is tested without a window. Names are the stable ASCII names of exportoptions.h.
struct ExportForm
{
    ExportKind kind = ExportKind::Image;
    QString content = QStringLiteral("plot"); ///< an ExportContent name
    QString format = QStringLiteral("png");   ///< an ExportFormat or, for tables, TableFormat name
    QString epochs = QStringLiteral("all");   ///< as typed (see parseEpochList); unused for Image
    bool steps = false;                       ///< every sample visit (not for Image and Table)
    exporting::SizeSpec size;
    double scale = 1.0;        ///< device pixels per logical pixel, for sizes in pixels
    std::optional<double> dpi; ///< empty: automatic (see geometryFor)
    QString theme = QStringLiteral("light");
    std::optional<double> fontScale; ///< empty: automatic (see defaultFontScale)
    bool caption = false;
    QString title; ///< written only with the caption
    bool legend = true;
    int columns = 0; ///< storyboard columns, 0 automatic
    exporting::GifOptions gif;

    friend bool operator==(const ExportForm&, const ExportForm&) = default;
};

/// The layout of \p kind (Image and Table are one file: Single).
[[nodiscard]] exporting::ExportLayout layoutOf(ExportKind kind);

/// The format names \p kind offers, the default first: png/svg/pdf for images, storyboards and
/// frames; pdf for pages; gif for animations; csv/md/tex for tables.
[[nodiscard]] QStringList formatNames(ExportKind kind);

/// \p form switched to \p kind: its format kept when \p kind offers it (else the default), the
/// epochs of that kind for a run whose last epoch is \p lastEpoch (the classic storyboard
/// epochs, 1-last for a table, all otherwise) and, for an animation, half a 16:9 slide in pixels.
[[nodiscard]] ExportForm withKind(ExportForm form, ExportKind kind, int lastEpoch);

/// The export \p form describes, of \p source shown at timeline \p position (the Image kind's
/// frame), without the file; or a translated line saying why there is none.
[[nodiscard]] Result<exporting::ExportRequest, QString>
requestOf(const ExportForm& form, std::shared_ptr<const exporting::ExportSource> source,
          std::size_t position);

/// The form that describes \p request (of \p kind): requestOf() gives \p request back. Sizes
/// come back in logical pixels with the scale and dpi written out, the text size explicit.
[[nodiscard]] ExportForm formOf(const exporting::ExportRequest& request, ExportKind kind);

/// The name of \p format in the format menu, e.g. "PNG image", "LaTeX (booktabs)".
[[nodiscard]] QString formatLabel(const QString& format);

/// The file dialog's filter for the file of \p request, e.g. "PNG images (*.png)".
[[nodiscard]] QString fileFilter(const exporting::ExportRequest& request);

/// The file name the export of \p request (of \p kind) suggests: the document's name (else
/// "perceptron"), "-storyboard" or "-steps" for those kinds, and the format's extension.
[[nodiscard]] QString suggestedFileName(const exporting::ExportRequest& request, ExportKind kind);

} // namespace plab::ui
