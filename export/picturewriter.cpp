#include "export/picturewriter.h"

#include "export/pagedevices.h"
#include "io/textfile.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

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
    switch (format) {
    case ExportFormat::Png: {
        QImage image = pageImage(geometry, background);
        QPainter p(&image);
        paint(p, page);
        p.end();
        return writePng(device, image);
    }
    case ExportFormat::Svg: {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QSvgGenerator generator;
        setUpSvg(generator, &buffer, geometry);
        // QSvgGenerator writes the title as it is: escaped here (a title is plain text).
        generator.setTitle(io::printable(title).toHtmlEscaped());
        QPainter p;
        if (!p.begin(&generator))
            return Text::tr("the SVG generator could not start");
        paint(p, page);
        if (!p.end())
            return Text::tr("the SVG generator failed");
        if (device.write(buffer.data()) != buffer.data().size())
            return device.errorString();
        return std::nullopt;
    }
    case ExportFormat::Pdf: {
        QPdfWriter writer(&device);
        const QSizeF scale = setUpPdf(writer, geometry, io::printable(title));
        QPainter p;
        if (!p.begin(&writer))
            return Text::tr("the PDF writer could not start");
        p.scale(scale.width(), scale.height());
        paint(p, page);
        if (!p.end())
            return Text::tr("the PDF writer failed");
        return std::nullopt;
    }
    case ExportFormat::Gif:
        break;
    }
    return Text::tr("a single picture cannot be written as GIF");
}

} // namespace

ExportResult writePicture(const QString& path, ExportFormat format, const OutputGeometry& geometry,
                          const QString& title, const QColor& background, const PaintPicture& paint)
{
    return saveOne(path, io::OutputFile::PipeReader::Refuse, [&](QIODevice& device, bool&) {
        return encode(device, format, geometry, title, background, paint);
    });
}

ExportFormat pictureFormatOf(QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"svg")
        return ExportFormat::Svg;
    if (suffix == u"pdf")
        return ExportFormat::Pdf;
    if (suffix != u"png")
        path += QStringLiteral(".png");
    return ExportFormat::Png;
}

} // namespace plab::exporting
