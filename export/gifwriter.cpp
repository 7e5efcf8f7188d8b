#include "export/gifwriter.h"

#include <QCoreApplication>
#include <QIODevice>

#include <algorithm>
#include <array>
#include <cmath>
#include <gif_lib.h>

namespace plab::exporting {

namespace {

/// The translation context of this file's texts (lupdate reads the name from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(plab::exporting::GifWriter)
};

/// \p over at opacity \p alpha composited onto \p under, rounded as PlotRenderer blends tints.
QRgb blend(QRgb under, QRgb over, int alpha)
{
    const int a = std::clamp(alpha, 0, 255);
    const auto mix = [a](int u, int o) { return (u * (255 - a) + o * a + 127) / 255; };
    return qRgb(mix(qRed(under), qRed(over)), mix(qGreen(under), qGreen(over)),
                mix(qBlue(under), qBlue(over)));
}

/// Squared distance, weighted for how the eye separates colours ("redmean").
int distance(QRgb a, QRgb b)
{
    const int rm = (qRed(a) + qRed(b)) / 2;
    const int dr = qRed(a) - qRed(b);
    const int dg = qGreen(a) - qGreen(b);
    const int db = qBlue(a) - qBlue(b);
    return ((512 + rm) * dr * dr >> 8) + 4 * dg * dg + ((767 - rm) * db * db >> 8);
}

int writeToDevice(GifFileType* gif, const GifByteType* bytes, int length)
{
    auto* device = static_cast<QIODevice*>(gif->UserData);
    const qint64 written = device->write(reinterpret_cast<const char*>(bytes), length);
    return written == length ? length : 0;
}

} // namespace

std::vector<QRgb> gifPaletteFor(const render::Theme& theme, int classes)
{
    const std::size_t present = std::size_t(std::clamp(classes, 2, int(learning::kMaxClasses)));
    std::vector<QRgb> colours;
    const auto add = [&colours](QRgb c) {
        c |= 0xff000000u;
        if (std::find(colours.begin(), colours.end(), c) == colours.end())
            colours.push_back(c);
    };
    const QRgb plot = theme.plotBackground.rgb();
    std::vector<QRgb> tints;
    for (const QColor& c : theme.classColors)
        tints.push_back(blend(plot, c.rgb(), theme.shadingAlpha));
    // Most important first: the large flat areas, then lines and text, then blends.
    for (const QColor& c :
         {theme.background, theme.plotBackground, theme.text, theme.boundary, theme.grid,
          theme.zeroAxis, theme.frame, theme.mutedText, theme.markerEdge, theme.weightArrow,
          theme.updateArrow, theme.ghost, theme.errorOutline, theme.highlight, theme.trail})
        add(c.rgb());
    // Every class's colour and region tint, whatever the class count: a palette is a theme's.
    for (const QColor& c : theme.classColors)
        add(c.rgb());
    if (theme.shading)
        for (const QRgb tint : tints)
            add(tint);
    // The learning curves' colours.
    for (const render::ChartCurve curve : render::kChartCurves)
        add(render::chartColour(curve).rgb());
    // The glow under the current sample, on the plot and on the tints of the classes present.
    add(blend(plot, theme.highlight.rgb(), 70));
    for (std::size_t k = 0; theme.shading && k < present; ++k)
        add(blend(tints[k], theme.highlight.rgb(), 70));
    // Halfway blends for antialiased text and lines.
    add(blend(theme.background.rgb(), theme.text.rgb(), 128));
    add(blend(plot, theme.boundary.rgb(), 128));
    add(blend(theme.background.rgb(), theme.text.rgb(), 64));
    add(blend(theme.background.rgb(), theme.text.rgb(), 192));

    // The heat map (logistic regression, softmax, networks): lightness from the plot's colour to
    // each present class's tint, in as many even steps as fit beside the cube.
    constexpr int kLevels = 5; // the cube's levels a channel (6, the web-safe cube, leaves too
                               // little room for eight classes' colours, tints and ramps)
    constexpr std::size_t kRoom = 256 - kLevels * kLevels * kLevels;
    if (theme.shading) {
        const std::size_t free = kRoom - std::min(colours.size(), kRoom);
        const int steps = int(std::min<std::size_t>(16, free / present + 1));
        for (std::size_t k = 0; k < present; ++k)
            for (int i = 1; i < steps; ++i)
                add(blend(plot, theme.classColors[k].rgb(), theme.shadingAlpha * i / steps));
    }
    colours.resize(std::min(colours.size(), kRoom));
    for (int r = 0; r < kLevels; ++r)
        for (int g = 0; g < kLevels; ++g)
            for (int b = 0; b < kLevels; ++b)
                colours.push_back(qRgb(r * 255 / (kLevels - 1), g * 255 / (kLevels - 1),
                                       b * 255 / (kLevels - 1)));
    return colours;
}

PaletteMapper::PaletteMapper(std::vector<QRgb> palette) : m_palette(std::move(palette))
{
    if (m_palette.empty())
        m_palette.push_back(qRgb(0, 0, 0));
    if (m_palette.size() > 256)
        m_palette.resize(256);
}

std::uint8_t PaletteMapper::indexOf(QRgb colour)
{
    colour |= 0xff000000u;
    if (const auto it = m_cache.constFind(colour); it != m_cache.constEnd())
        return it.value();
    std::size_t best = 0;
    int bestDistance = distance(colour, m_palette[0]);
    for (std::size_t i = 1; i < m_palette.size() && bestDistance > 0; ++i) {
        const int d = distance(colour, m_palette[i]);
        if (d < bestDistance) {
            bestDistance = d;
            best = i;
        }
    }
    const auto index = std::uint8_t(best);
    m_cache.insert(colour, index);
    return index;
}

GifWriter::GifWriter() = default;

GifWriter::~GifWriter()
{
    close();
}

void GifWriter::close()
{
    if (m_gif) {
        int error = 0;
        EGifCloseFile(m_gif, &error);
        m_gif = nullptr;
    }
}

std::optional<QString> GifWriter::fail(int error)
{
    const int code = error != 0 ? error : (m_gif ? m_gif->Error : 0);
    QString reason = QString::fromLatin1(GifErrorString(code));
    if (m_device && !m_device->errorString().isEmpty() && code == E_GIF_ERR_WRITE_FAILED)
        reason = m_device->errorString();
    close();
    return Text::tr("GIF encoder: %1").arg(reason.isEmpty() ? Text::tr("unknown error") : reason);
}

std::optional<QString> GifWriter::begin(QIODevice* device, const QSize& size,
                                        std::vector<QRgb> palette, int plays)
{
    close();
    m_device = device;
    m_size = size;
    m_frames = 0;
    m_mapper.emplace(std::move(palette));
    m_previous.clear();
    m_current.assign(std::size_t(size.width()) * std::size_t(size.height()), 0);

    int error = 0;
    m_gif = EGifOpen(device, writeToDevice, &error);
    if (!m_gif)
        return fail(error);
    EGifSetGifVersion(m_gif, true);

    std::array<GifColorType, 256> colours{};
    const std::vector<QRgb>& entries = m_mapper->palette();
    for (std::size_t i = 0; i < entries.size(); ++i)
        colours[i] = GifColorType{GifByteType(qRed(entries[i])), GifByteType(qGreen(entries[i])),
                                  GifByteType(qBlue(entries[i]))};
    ColorMapObject* map = GifMakeMapObject(256, colours.data());
    if (!map)
        return fail(E_GIF_ERR_NOT_ENOUGH_MEM);
    const int status = EGifPutScreenDesc(m_gif, size.width(), size.height(), 8, 0, map);
    GifFreeMapObject(map);
    if (status != GIF_OK)
        return fail(0);

    // NETSCAPE2.0 counts repeats after the first play; without it a GIF plays once.
    if (plays != 1) {
        const int repeats = plays <= 0 ? 0 : std::min(plays - 1, 65535);
        const unsigned char loop[3] = {1, static_cast<unsigned char>(repeats & 0xff),
                                       static_cast<unsigned char>((repeats >> 8) & 0xff)};
        if (EGifPutExtensionLeader(m_gif, APPLICATION_EXT_FUNC_CODE) != GIF_OK ||
            EGifPutExtensionBlock(m_gif, 11, "NETSCAPE2.0") != GIF_OK ||
            EGifPutExtensionBlock(m_gif, 3, loop) != GIF_OK ||
            EGifPutExtensionTrailer(m_gif) != GIF_OK)
            return fail(0);
    }
    return std::nullopt;
}

std::optional<QString> GifWriter::addFrame(const QImage& image, int delayMs)
{
    if (!m_gif)
        return Text::tr("GIF encoder: not started");
    if (image.size() != m_size)
        return Text::tr("GIF encoder: a frame of %1 × %2 pixels in a %3 × %4 animation")
            .arg(image.width())
            .arg(image.height())
            .arg(m_size.width())
            .arg(m_size.height());
    const QImage rgb =
        image.format() == QImage::Format_RGB32 || image.format() == QImage::Format_ARGB32
            ? image
            : image.convertToFormat(QImage::Format_RGB32);
    const int w = m_size.width();
    const int h = m_size.height();
    for (int y = 0; y < h; ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(rgb.constScanLine(y));
        std::uint8_t* out = m_current.data() + std::size_t(y) * std::size_t(w);
        QRgb last = ~line[0];
        std::uint8_t lastIndex = 0;
        for (int x = 0; x < w; ++x) {
            if (line[x] != last) {
                last = line[x];
                lastIndex = m_mapper->indexOf(last);
            }
            out[x] = lastIndex;
        }
    }

    // Only the rectangle that changed since the previous frame (which stays on screen).
    int left = 0;
    int top = 0;
    int right = w - 1;
    int bottom = h - 1;
    if (!m_previous.empty()) {
        left = w;
        top = h;
        right = -1;
        bottom = -1;
        for (int y = 0; y < h; ++y) {
            const std::uint8_t* a = m_current.data() + std::size_t(y) * std::size_t(w);
            const std::uint8_t* b = m_previous.data() + std::size_t(y) * std::size_t(w);
            if (std::equal(a, a + w, b))
                continue;
            top = std::min(top, y);
            bottom = y;
            int x0 = 0;
            while (a[x0] == b[x0])
                ++x0;
            int x1 = w - 1;
            while (a[x1] == b[x1])
                --x1;
            left = std::min(left, x0);
            right = std::max(right, x1);
        }
        if (right < 0) {
            // Nothing changed: one unchanged pixel carries the delay.
            left = right = 0;
            top = bottom = 0;
        }
    }

    GraphicsControlBlock gcb{};
    gcb.DisposalMode = DISPOSE_DO_NOT;
    gcb.UserInputFlag = false;
    gcb.DelayTime = std::max(2, int(std::lround(delayMs / 10.0)));
    gcb.TransparentColor = NO_TRANSPARENT_COLOR;
    GifByteType extension[4];
    const size_t length = EGifGCBToExtension(&gcb, extension);
    if (EGifPutExtension(m_gif, GRAPHICS_EXT_FUNC_CODE, int(length), extension) != GIF_OK)
        return fail(0);
    const int width = right - left + 1;
    if (EGifPutImageDesc(m_gif, left, top, width, bottom - top + 1, false, nullptr) != GIF_OK)
        return fail(0);
    for (int y = top; y <= bottom; ++y) {
        GifPixelType* row = m_current.data() + std::size_t(y) * std::size_t(w) + std::size_t(left);
        if (EGifPutLine(m_gif, row, width) != GIF_OK)
            return fail(0);
    }
    m_previous.swap(m_current);
    if (m_current.size() != m_previous.size())
        m_current.assign(m_previous.size(), 0);
    ++m_frames;
    return std::nullopt;
}

std::optional<QString> GifWriter::finish()
{
    if (!m_gif)
        return Text::tr("GIF encoder: not started");
    int error = 0;
    const int status = EGifCloseFile(m_gif, &error);
    m_gif = nullptr;
    if (status != GIF_OK) {
        QString reason = QString::fromLatin1(GifErrorString(error));
        if (error == E_GIF_ERR_WRITE_FAILED && m_device)
            reason = m_device->errorString();
        return Text::tr("GIF encoder: %1").arg(reason);
    }
    return std::nullopt;
}

} // namespace plab::exporting
