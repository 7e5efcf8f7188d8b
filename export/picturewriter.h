#pragma once

#include "export/exporter.h"
#include "export/exportoptions.h"

#include <QColor>
#include <QRectF>
#include <QString>

#include <functional>

class QPainter;

namespace plab::exporting {

/// Paints a picture in logical pixels into the rectangle it is given (0, 0, logical size).
using PaintPicture = std::function<void(QPainter& painter, const QRectF& target)>;

/// Writes one picture that \p paint draws as a PNG, SVG or PDF file at \p path (\p format; GIF is
/// refused), \p geometry.logical logical pixels at \p geometry.scale and \p geometry.dpi, under
/// the rules of runExport(): a regular file is replaced atomically, nothing is left behind after
/// an error, every write is checked. For pictures that are not frames of a run (the "How big is
/// this model?" ladder): the same encoders and settings as the frames' exports.
[[nodiscard]] ExportResult writePicture(const QString& path, ExportFormat format,
                                        const OutputGeometry& geometry, const QString& title,
                                        const QColor& background, const PaintPicture& paint);

/// The format a picture's file name asks for by its suffix: svg, pdf, or png; a name with any
/// other suffix (or none) gets ".png" appended to \p path.
[[nodiscard]] ExportFormat pictureFormatOf(QString& path);

} // namespace plab::exporting
