#include "export/exporter.h"

#include "export/clippedsvg.h"
#include "export/framepainter.h"
#include "export/gifwriter.h"
#include "export/pagedevices.h"
#include "export/tablewriter.h"
#include "io/outputfile.h"
#include "io/textfile.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFontInfo>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <system_error>

namespace plab::exporting {

namespace {

/// The translation context of this file's texts (lupdate reads the name from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(plab::exporting::Exporter)
};

/// The most panels one storyboard holds.
// Spelled with auto: lupdate misreads "constexpr std::size_t kMaxPanels" and would file the
// next text under a context the program never asks for.
constexpr auto kMaxPanels = std::size_t(100);

/// The pages of an export: each is one frame, or (for a storyboard) all of them.
std::vector<std::span<const ExportFrame>> pagesOf(std::span<const ExportFrame> frames,
                                                  ExportLayout layout)
{
    std::vector<std::span<const ExportFrame>> pages;
    if (layout == ExportLayout::Storyboard || layout == ExportLayout::Single) {
        pages.push_back(frames);
        return pages;
    }
    for (std::size_t i = 0; i < frames.size(); ++i)
        pages.push_back(frames.subspan(i, 1));
    return pages;
}

/// The title stored in an SVG or a PDF. Both texts come from the user (the title typed, the file
/// name): control characters, which XML forbids, are escaped.
QString documentTitle(const ExportSource& source, const ExportOptions& options)
{
    if (!options.title.isEmpty())
        return io::printable(options.title);
    return source.name.isEmpty() ? QStringLiteral("Perceptron Lab") : io::printable(source.name);
}

QImage paintImage(FramePainter& painter, std::span<const ExportFrame> frames,
                  const ExportOptions& options)
{
    const OutputGeometry& g = options.geometry;
    QImage image = pageImage(g, options.theme.background);
    QPainter p(&image);
    painter.paintPage(p, QRectF(QPointF(0.0, 0.0), QSizeF(image.size()) / g.scale), frames);
    p.end();
    return image;
}

/// \p options ready to paint: the title with control characters escaped (they would be invisible
/// in an image and make an SVG ill-formed XML) and, for an SVG, the theme's font family spelled
/// out (the family the default font resolves to), so it names a real font instead of Qt's "Sans
/// Serif" alias, which browsers do not know.
ExportOptions prepared(ExportOptions options)
{
    options.title = io::printable(options.title);
    if (options.format == ExportFormat::Svg && options.theme.fontFamily.isEmpty())
        options.theme.fontFamily = QFontInfo(options.theme.font()).family();
    return options;
}

/// Paints \p frames as one SVG document onto \p device.
std::optional<QString> writeSvg(QIODevice& device, FramePainter& painter,
                                const ExportSource& source, std::span<const ExportFrame> frames,
                                const ExportOptions& options)
{
    const OutputGeometry& g = options.geometry;
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    setUpSvg(generator, &buffer, g);
    // QSvgGenerator writes the title and the description as they are (Qt 6.4 does not escape
    // them), so a title with "<" or "&" would make the document ill-formed: markers here, replaced
    // by the escaped texts below.
    const QByteArray titleMarker = "plab-svg-title-8d1f";
    const QByteArray descriptionMarker = "plab-svg-description-8d1f";
    generator.setTitle(QString::fromLatin1(titleMarker));
    generator.setDescription(QString::fromLatin1(descriptionMarker));
    // Clipped as the PNG and the PDF are: the generator itself ignores clipping.
    ClippedSvgDevice clipped(generator);
    QPainter p;
    if (!p.begin(&clipped))
        return Text::tr("the SVG generator could not start");
    painter.paintPage(p, QRectF(QPointF(0.0, 0.0), g.logical), frames);
    if (!p.end())
        return Text::tr("the SVG generator failed");
    // A generic family after the named one, for viewers that lack it.
    const QByteArray family = "font-family=\"" + options.theme.fontFamily.toUtf8();
    QByteArray svg = buffer.data();
    svg.replace(QByteArray(family + '"'), QByteArray(family + ", sans-serif\""));
    const QString description = frames.size() == 1
                                    ? captionText(source, frames.front())
                                    : Text::tr("Storyboard of %1 frames").arg(frames.size());
    svg.replace(titleMarker, documentTitle(source, options).toHtmlEscaped().toUtf8());
    svg.replace(descriptionMarker, io::printable(description).toHtmlEscaped().toUtf8());
    if (device.write(svg) != svg.size())
        return device.errorString();
    return std::nullopt;
}

/// Writes \p pages as a PDF, one page each, onto \p device. False from \p progress cancels.
std::optional<QString> writePdf(QIODevice& device, FramePainter& painter,
                                const ExportSource& source,
                                const std::vector<std::span<const ExportFrame>>& pages,
                                const ExportOptions& options, const std::function<bool(int)>& step,
                                bool& cancelled)
{
    const OutputGeometry& g = options.geometry;
    QPdfWriter writer(&device);
    const QSizeF scale = setUpPdf(writer, g, documentTitle(source, options));
    QPainter p;
    if (!p.begin(&writer))
        return Text::tr("the PDF writer could not start");
    for (std::size_t i = 0; i < pages.size(); ++i) {
        if (i > 0 && !writer.newPage()) {
            p.end();
            return Text::tr("the PDF writer could not add a page");
        }
        p.save();
        p.scale(scale.width(), scale.height());
        painter.paintPage(p, QRectF(QPointF(0.0, 0.0), g.logical), pages[i]);
        p.restore();
        if (!step(int(i) + 1)) {
            cancelled = true;
            p.end();
            return std::nullopt;
        }
    }
    if (!p.end())
        return Text::tr("the PDF writer failed");
    return std::nullopt;
}

/// Why the numbered frames cannot go to \p paths, or nothing; otherwise each path's final
/// destination (a symbolic link to a regular file is followed, so the link stays) in \p targets.
std::optional<QString> checkFrameTargets(const QStringList& paths, QStringList& targets)
{
    targets.clear();
    for (const QString& path : paths) {
        const QFileInfo info(path);
        if (!info.exists() && !info.isSymLink()) {
            targets << path;
            continue;
        }
        if (!info.isFile()) {
            return cannotWrite(path, Text::tr("this is not a regular file, and numbered frames "
                                              "replace only regular files"));
        }
        targets << (info.isSymLink() ? info.canonicalFilePath() : path);
    }
    return std::nullopt;
}

/// Numbered frames: all written into a temporary folder beside them, then renamed into place.
ExportResult saveFrames(const ExportRequest& request, const ExportOptions& options,
                        std::span<const ExportFrame> frames, FramePainter& painter,
                        const ExportProgress& progress)
{
    const ExportSource& source = *request.source;
    ExportResult result;
    // "lesson/" names a folder: one that does not exist is an error, not the prefix "lesson-".
    if ((request.path.endsWith(u'/') || request.path.endsWith(QDir::separator())) &&
        !QFileInfo(request.path).isDir()) {
        result.error = cannotWrite(request.path, Text::tr("the folder does not exist"));
        return result;
    }
    const QStringList paths = framePaths(request.path, frames, options.format, source.data.size());
    const QDir folder = QFileInfo(paths.constFirst()).absoluteDir();
    if (!folder.exists()) {
        result.error = cannotWrite(paths.constFirst(), Text::tr("the folder does not exist"));
        return result;
    }
    QStringList targets;
    if (auto error = checkFrameTargets(paths, targets)) {
        result.error = *error;
        return result;
    }
    QTemporaryDir temporary(folder.filePath(QStringLiteral(".perceptron-lab-export-XXXXXX")));
    if (!temporary.isValid()) {
        result.error = cannotWrite(paths.constFirst(), temporary.errorString());
        return result;
    }
    QStringList written;
    for (std::size_t i = 0; i < frames.size(); ++i) {
        const QString name = QFileInfo(paths[qsizetype(i)]).fileName();
        const QString staged = temporary.filePath(name);
        // Messages name the frame's own path, not the temporary one.
        const auto failed = [&](io::SaveError error) {
            error.file = QDir::toNativeSeparators(paths[qsizetype(i)]);
            return error.toString();
        };
        io::OutputFile file(staged);
        if (const auto error = file.open()) {
            result.error = failed(*error);
            return result;
        }
        QIODevice& device = file.device();
        const std::span<const ExportFrame> page = frames.subspan(i, 1);
        std::optional<QString> error;
        bool cancelled = false;
        switch (options.format) {
        case ExportFormat::Png:
            error = writePng(device, paintImage(painter, page, options));
            break;
        case ExportFormat::Svg:
            error = writeSvg(device, painter, source, page, options);
            break;
        case ExportFormat::Pdf:
            error = writePdf(
                device, painter, source, {page}, options, [](int) { return true; }, cancelled);
            break;
        case ExportFormat::Gif:
            error = Text::tr("GIF is written as one animation");
            break;
        }
        if (error) {
            const auto writeError = file.writeError();
            result.error =
                writeError ? failed(*writeError) : cannotWrite(paths[qsizetype(i)], *error);
            return result;
        }
        if (const auto commitError = file.commit()) {
            result.error = failed(*commitError);
            return result;
        }
        written << staged;
        if (progress && !progress(int(i) + 1, int(frames.size()))) {
            result.cancelled = true;
            return result;
        }
    }
    for (qsizetype i = 0; i < written.size(); ++i) {
        std::error_code ec;
        std::filesystem::rename(QFile::encodeName(written[i]).toStdString(),
                                QFile::encodeName(targets[i]).toStdString(), ec);
        if (ec) {
            // Take back the frames already moved, so no partial set is left.
            for (qsizetype k = 0; k < i; ++k)
                QFile::remove(targets[k]);
            result.error = cannotWrite(paths[i], QString::fromLocal8Bit(ec.message()));
            return result;
        }
    }
    result.files = paths;
    return result;
}

std::optional<QString> checkRequest(const ExportRequest& request, std::size_t frameCount)
{
    const ExportOptions& o = request.options;
    if (request.path.isEmpty())
        return Text::tr("no output file given");
    if (!isCompatible(o.format, o.layout)) {
        return Text::tr(
                   "the %1 layout cannot be written as %2 (single, storyboard and frames: png, "
                   "svg or pdf; pages: pdf; an animation: gif)")
            .arg(name(o.layout), name(o.format));
    }
    if (frameCount == 0)
        return Text::tr("no frames to export");
    if (o.layout == ExportLayout::Single && frameCount != 1) {
        return Text::tr("a single image shows one frame, but %1 were chosen (use a storyboard, "
                        "frames, pages or an animation)")
            .arg(frameCount);
    }
    if (o.layout == ExportLayout::Storyboard && frameCount > kMaxPanels) {
        return QStringLiteral("--epochs: ") +
               Text::tr("a storyboard holds at most %1 panels, but %2 frames were chosen")
                   .arg(kMaxPanels)
                   .arg(frameCount);
    }
    // Named as the command line spells the option; the window checks before it gets here.
    if (o.layout == ExportLayout::Storyboard) {
        if (const auto problem = storyboardProblem(o, frameCount))
            return QStringLiteral("--%1: %2").arg(problem->option, problem->message);
    }
    return std::nullopt;
}

} // namespace

Result<std::vector<ExportFrame>, QString> framesFor(const ExportRequest& request)
{
    if (!request.source)
        return unexpected(Text::tr("nothing to export"));
    if (request.position)
        return std::vector<ExportFrame>{frameAt(*request.source, *request.position)};
    return selectFrames(*request.source, request.epochs, request.steps);
}

QImage renderImage(const ExportSource& source, std::span<const ExportFrame> frames,
                   const ExportOptions& options)
{
    const ExportOptions ready = prepared(options);
    FramePainter painter(source, ready);
    return paintImage(painter, frames, ready);
}

QByteArray renderSvg(const ExportSource& source, std::span<const ExportFrame> frames,
                     const ExportOptions& options)
{
    ExportOptions svgOptions = options;
    svgOptions.format = ExportFormat::Svg;
    const ExportOptions named = prepared(svgOptions);
    FramePainter painter(source, named);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    if (writeSvg(buffer, painter, source, frames, named))
        return {};
    return buffer.data();
}

QStringList framePaths(const QString& path, std::span<const ExportFrame> frames,
                       ExportFormat format, std::size_t sampleCount)
{
    const QFileInfo info(path);
    QString base;
    if (info.isDir()) {
        base = QDir(path).path() + u'/';
    } else {
        const QString stem =
            info.completeSuffix().compare(fileExtension(format), Qt::CaseInsensitive) == 0
                ? info.completeBaseName()
                : info.fileName();
        base = info.dir().filePath(stem) + u'-';
    }
    int lastEpoch = 0;
    for (const ExportFrame& f : frames)
        lastEpoch = std::max(lastEpoch, f.epoch);
    const int epochDigits = std::max(3, int(QString::number(lastEpoch).size()));
    const int visitDigits = std::max(2, int(QString::number(qulonglong(sampleCount)).size()));
    QStringList paths;
    paths.reserve(qsizetype(frames.size()));
    for (const ExportFrame& f : frames) {
        QString name = QStringLiteral("epoch%1").arg(f.epoch, epochDigits, 10, QLatin1Char('0'));
        if (f.step)
            name += QStringLiteral("-sample%1")
                        .arg(f.step->visit + 1, visitDigits, 10, QLatin1Char('0'));
        paths << base + name + u'.' + fileExtension(format);
    }
    return paths;
}

Result<QByteArray, QString> renderTable(const ExportRequest& request, TableFormat format)
{
    if (!request.source)
        return unexpected(Text::tr("nothing to export"));
    auto steps = selectSteps(*request.source, request.epochs);
    if (!steps)
        return unexpected(steps.error());
    const auto& visits = steps.value();
    return TableWriter(format, learning::modelShape(request.source->settings)).write(visits);
}

ExportResult runExport(const ExportRequest& request, const ExportProgress& progress)
{
    ExportResult result;
    if (request.table) {
        if (request.path.isEmpty()) {
            result.error = Text::tr("no output file given");
            return result;
        }
        auto table = renderTable(request, *request.table);
        if (!table) {
            result.error = table.error();
            return result;
        }
        if (progress && !progress(0, 1)) {
            result.cancelled = true;
            return result;
        }
        return saveOne(request.path, request.pipeReader,
                       [&table](QIODevice& device, bool&) -> std::optional<QString> {
                           const QByteArray& bytes = table.value();
                           if (device.write(bytes) != bytes.size())
                               return device.errorString();
                           return std::nullopt;
                       });
    }

    auto selected = framesFor(request);
    if (!selected) {
        result.error = selected.error();
        return result;
    }
    const std::vector<ExportFrame>& frames = selected.value();
    if (const auto error = checkRequest(request, frames.size())) {
        result.error = *error;
        return result;
    }
    const ExportSource& source = *request.source;
    const ExportOptions options = prepared(request.options);
    FramePainter painter(source, options);
    const std::vector<std::span<const ExportFrame>> pages = pagesOf(frames, options.layout);
    const int total = int(pages.size());
    if (progress && !progress(0, total)) {
        result.cancelled = true;
        return result;
    }
    const auto step = [&](int done) { return !progress || progress(done, total); };

    if (options.layout == ExportLayout::Frames)
        return saveFrames(request, options, frames, painter, progress);

    return saveOne(
        request.path, request.pipeReader,
        [&](QIODevice& file, bool& cancelled) -> std::optional<QString> {
            switch (options.format) {
            case ExportFormat::Png: {
                const std::optional<QString> error =
                    writePng(file, paintImage(painter, pages.front(), options));
                cancelled = !error && !step(1);
                return error;
            }
            case ExportFormat::Svg: {
                const std::optional<QString> error =
                    writeSvg(file, painter, source, pages.front(), options);
                cancelled = !error && !step(1);
                return error;
            }
            case ExportFormat::Pdf:
                return writePdf(file, painter, source, pages, options, step, cancelled);
            case ExportFormat::Gif: {
                GifWriter gif;
                if (auto error = gif.begin(&file, options.geometry.pixelSize(),
                                           gifPaletteFor(options.theme, source.settings.classes),
                                           options.gif.loopCount))
                    return error;
                for (std::size_t i = 0; i < pages.size(); ++i) {
                    const bool last = i + 1 == pages.size();
                    const int delay = last && options.gif.lastFramePauseMs > 0
                                          ? options.gif.lastFramePauseMs
                                          : options.gif.frameDelayMs;
                    if (auto error = gif.addFrame(paintImage(painter, pages[i], options), delay))
                        return error;
                    if (!step(int(i) + 1)) {
                        cancelled = true;
                        return std::nullopt;
                    }
                }
                return gif.finish();
            }
            }
            return std::nullopt;
        });
}

} // namespace plab::exporting
