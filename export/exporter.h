#pragma once

#include "export/exportoptions.h"
#include "export/exportsource.h"
#include "io/outputfile.h"

#include <QByteArray>
#include <QImage>
#include <QString>
#include <QStringList>

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace plab::exporting {

/// Called as an export goes: \p done of \p total pages or frames are finished. Returning false
/// cancels the export (nothing is left behind). Called on the thread that runs the export.
using ExportProgress = std::function<bool(int done, int total)>;

/// How an export ended. Exactly one of: files written, an error, cancelled.
struct ExportResult
{
    QStringList files;            ///< every file written, in order
    std::optional<QString> error; ///< one translated line naming the file and the reason
    bool cancelled = false;

    [[nodiscard]] bool ok() const { return !error && !cancelled; }
};

/// Everything one export needs, as values, so it can be handed to a worker thread.
struct ExportRequest
{
    std::shared_ptr<const ExportSource> source;
    /// The frame at this timeline position (what the window shows there); otherwise `epochs`.
    std::optional<std::size_t> position;
    std::vector<int> epochs; ///< epoch numbers, each at most the last one recorded
    bool steps = false;      ///< the sample visits of `epochs` instead of their snapshots
    /// Write this worked-example table of the visits of `epochs` instead of images.
    std::optional<TableFormat> table;
    ExportOptions options;
    /// The file; for ExportLayout::Frames the pattern (see framePaths()).
    QString path;
    /// A named pipe as the file: wait for its reader (the command line), or refuse it when none
    /// reads it yet (the window, which must never hang).
    io::OutputFile::PipeReader pipeReader = io::OutputFile::PipeReader::Refuse;
};

/// Runs \p request: selects the frames (replaying epochs for sample visits), paints them and
/// writes the file(s) under the rules of io::OutputFile: a regular file atomically, through
/// a temporary file renamed into place (a symbolic link stays a link), a device or a named pipe
/// directly; every write checked, so a full disk is an error with the system's reason. Numbered
/// frames are all written into a temporary folder first and then renamed over regular files only
/// (anything else of a frame's name is refused), so after an error or a cancel no new file exists
/// and an existing file of that name is untouched. Control characters in the title and the file
/// name are escaped (io::printable()), so an SVG is always well-formed XML. Thread-safe for
/// distinct requests: it touches no widget and no global state (fonts and QPainter on QImage,
/// QSvgGenerator and QPdfWriter work off the GUI thread).
[[nodiscard]] ExportResult runExport(const ExportRequest& request,
                                     const ExportProgress& progress = {});

/// The frames \p request asks for, or an error line.
[[nodiscard]] Result<std::vector<ExportFrame>, QString> framesFor(const ExportRequest& request);

/// Paints one page (a frame, or a storyboard of \p frames) into an image of
/// options.geometry.pixelSize() pixels with the device pixel ratio options.geometry.scale and
/// the dpi in its metadata: what a PNG export writes, the clipboard gets and a GIF frame shows.
[[nodiscard]] QImage renderImage(const ExportSource& source, std::span<const ExportFrame> frames,
                                 const ExportOptions& options);
/// The same page as an SVG document (real shapes, text as text, viewBox = the logical size).
[[nodiscard]] QByteArray renderSvg(const ExportSource& source, std::span<const ExportFrame> frames,
                                   const ExportOptions& options);

/// The files a Frames export of \p frames writes for \p path: "out/lesson.png" gives
/// "out/lesson-epoch003.png", or "out/lesson-epoch002-sample04.png" for the 4th visit of epoch
/// 2 (numbers padded so the names sort in order); an existing folder gives "folder/epoch003.png".
[[nodiscard]] QStringList framePaths(const QString& path, std::span<const ExportFrame> frames,
                                     ExportFormat format, std::size_t sampleCount);

/// The whole worked-example table for \p request (its source and epochs), in \p format.
[[nodiscard]] Result<QByteArray, QString> renderTable(const ExportRequest& request,
                                                      TableFormat format);

} // namespace plab::exporting
