#include "export/pagedevices.h"

#include "io/textfile.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QImageWriter>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSvgGenerator>

#include <cmath>

namespace plab::exporting {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(plab::exporting::Exporter)
};

} // namespace

QImage pageImage(const OutputGeometry& g, const QColor& background)
{
    QImage image(g.pixelSize(), QImage::Format_RGB32);
    image.setDevicePixelRatio(g.scale);
    const int dotsPerMetre = int(std::lround(g.dpi / 0.0254));
    image.setDotsPerMeterX(dotsPerMetre);
    image.setDotsPerMeterY(dotsPerMetre);
    image.fill(background);
    return image;
}

std::optional<QString> writePng(QIODevice& device, const QImage& image)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    if (!writer.write(image))
        return writer.errorString();
    if (device.write(buffer.data()) != buffer.data().size())
        return device.errorString();
    return std::nullopt;
}

void setUpSvg(QSvgGenerator& generator, QIODevice* device, const OutputGeometry& g)
{
    generator.setOutputDevice(device);
    generator.setSize(g.pixelSize());
    generator.setResolution(int(std::lround(g.dpi)));
    generator.setViewBox(QRectF(QPointF(0.0, 0.0), g.logical));
}

QSizeF setUpPdf(QPdfWriter& writer, const OutputGeometry& g, const QString& title)
{
    writer.setCreator(QStringLiteral("Perceptron Lab"));
    writer.setTitle(title);
    // A fine device grid: the drawing is scaled onto it from logical pixels.
    constexpr int kResolution = 1200;
    writer.setResolution(kResolution);
    const QPageSize pageSize(g.inches(), QPageSize::Inch, QString(), QPageSize::ExactMatch);
    writer.setPageLayout(QPageLayout(pageSize, QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    const QRectF page = writer.pageLayout().fullRectPixels(kResolution);
    return {page.width() / g.logical.width(), page.height() / g.logical.height()};
}

QString cannotWrite(const QString& path, const QString& reason)
{
    return Text::tr("%1: cannot be written: %2")
        .arg(io::printable(QDir::toNativeSeparators(path)), reason);
}

} // namespace plab::exporting
