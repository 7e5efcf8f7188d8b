#include "export/picturewriter.h"

#include "io/outputfile.h"
#include "io/textfile.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QImage>
#include <QImageWriter>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

#include <cmath>

namespace plab::exporting {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(plab::exporting::Exporter)
};

std::optional<QString> encode(QIODevice& device, ExportFormat format,
                              const OutputGeometry& geometry, const QString& title,
                              const QColor& background, const PaintPicture& paint)
{
    const QRectF page(QPointF(0.0, 0.0), geometry.logical);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    switch (format) {
    case ExportFormat::Png: {
        QImage image(geometry.pixelSize(), QImage::Format_RGB32);
        image.setDevicePixelRatio(geometry.scale);
        const int dotsPerMetre = int(std::lround(geometry.dpi / 0.0254));
        image.setDotsPerMeterX(dotsPerMetre);
        image.setDotsPerMeterY(dotsPerMetre);
        image.fill(background);
        QPainter p(&image);
        paint(p, page);
        p.end();
        QImageWriter writer(&buffer, "png");
        if (!writer.write(image))
            return writer.errorString();
        break;
    }
    case ExportFormat::Svg: {
        QSvgGenerator generator;
        generator.setOutputDevice(&buffer);
        generator.setSize(geometry.pixelSize());
        generator.setResolution(int(std::lround(geometry.dpi)));
        generator.setViewBox(page);
        // QSvgGenerator writes the title as it is: escaped here (a title is plain text).
        generator.setTitle(io::printable(title).toHtmlEscaped());
        QPainter p;
        if (!p.begin(&generator))
            return Text::tr("the SVG generator could not start");
        paint(p, page);
        if (!p.end())
            return Text::tr("the SVG generator failed");
        break;
    }
    case ExportFormat::Pdf: {
        QPdfWriter writer(&buffer);
        writer.setCreator(QStringLiteral("Perceptron Lab"));
        writer.setTitle(io::printable(title));
        constexpr int kResolution = 1200;
        writer.setResolution(kResolution);
        const QPageSize size(geometry.inches(), QPageSize::Inch, QString(), QPageSize::ExactMatch);
        writer.setPageLayout(QPageLayout(size, QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
        QPainter p;
        if (!p.begin(&writer))
            return Text::tr("the PDF writer could not start");
        const QRectF pixels = writer.pageLayout().fullRectPixels(kResolution);
        p.scale(pixels.width() / page.width(), pixels.height() / page.height());
        paint(p, page);
        if (!p.end())
            return Text::tr("the PDF writer failed");
        break;
    }
    case ExportFormat::Gif:
        return Text::tr("a single picture cannot be written as GIF");
    }
    if (device.write(buffer.data()) != buffer.data().size())
        return device.errorString();
    return std::nullopt;
}

} // namespace

ExportResult writePicture(const QString& path, ExportFormat format, const OutputGeometry& geometry,
                          const QString& title, const QColor& background, const PaintPicture& paint)
{
    ExportResult result;
    io::OutputFile file(path);
    if (const auto error = file.open(io::OutputFile::PipeReader::Refuse)) {
        result.error = error->toString();
        return result;
    }
    if (const auto error = encode(file.device(), format, geometry, title, background, paint)) {
        const auto failed = file.writeError();
        result.error = failed ? failed->toString()
                              : Text::tr("%1: cannot be written: %2")
                                    .arg(io::printable(QDir::toNativeSeparators(path)), *error);
        file.discard();
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
