#pragma once

// The set-up shared by every picture this library writes (the frames of a run in exporter.cpp,
// any other painted picture in picturewriter.cpp): the PNG canvas and encoder, the SVG generator,
// the PDF writer, and writing one file through io::OutputFile.

#include "export/exporter.h"
#include "export/exportoptions.h"
#include "io/outputfile.h"

#include <QColor>
#include <QImage>
#include <QSizeF>
#include <QString>

#include <optional>

class QIODevice;
class QPdfWriter;
class QSvgGenerator;

namespace plab::exporting {

/// The image a PNG is painted into: \p g's pixels at its scale (device pixel ratio) and dpi,
/// filled with \p background.
[[nodiscard]] QImage pageImage(const OutputGeometry& g, const QColor& background);

/// Encodes \p image as PNG in memory, then writes it to \p device: a write error is the device's
/// (with the system's reason, reported once), never libpng's second line on standard error.
[[nodiscard]] std::optional<QString> writePng(QIODevice& device, const QImage& image);

/// \p generator writing to \p device: width and height carry the physical size (pixels / dpi),
/// the drawing is in \p g's logical pixels.
void setUpSvg(QSvgGenerator& generator, QIODevice* device, const OutputGeometry& g);

/// \p writer with pages of \p g's physical size, no margins, \p title and the creator set, on a
/// fine device grid. Returns the scale that maps logical pixels onto that grid.
[[nodiscard]] QSizeF setUpPdf(QPdfWriter& writer, const OutputGeometry& g, const QString& title);

/// "PATH: cannot be written: REASON", the path made printable.
[[nodiscard]] QString cannotWrite(const QString& path, const QString& reason);

/// Writes one file at \p path through an io::OutputFile: \p write fills its device (returning an
/// error, or setting its `bool& cancelled`); a regular file appears only when complete, and a
/// write that failed on the way is reported even if the encoder did not notice it.
template <typename Write>
ExportResult saveOne(const QString& path, io::OutputFile::PipeReader pipeReader, Write write)
{
    ExportResult result;
    io::OutputFile file(path);
    if (const auto error = file.open(pipeReader)) {
        result.error = error->toString();
        return result;
    }
    bool cancelled = false;
    if (const std::optional<QString> error = write(file.device(), cancelled)) {
        // The device's own reason (a full disk) rather than the encoder's ("Write failed").
        const auto failed = file.writeError();
        result.error = failed ? failed->toString() : cannotWrite(path, *error);
        file.discard();
        return result;
    }
    if (cancelled) {
        file.discard();
        result.cancelled = true;
        return result;
    }
    if (const auto error = file.commit()) {
        result.error = error->toString();
        return result;
    }
    result.files << path;
    return result;
}

} // namespace plab::exporting
