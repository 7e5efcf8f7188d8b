#pragma once

#include "render/theme.h"

#include <QHash>
#include <QImage>
#include <QRgb>
#include <QSize>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

class QIODevice;
struct GifFileType;

namespace plab::exporting {

/// A fixed palette of at most 256 colours for animating plots of \p classes classes drawn with
/// \p theme: the theme's own colours exactly (backgrounds, every class's colour and region tint
/// as the renderer blends them, lines, text), a few blends between them for antialiased edges,
/// the heat map's lightness ramp from the plot's colour to each present class's tint (as many
/// steps as fit), then a 5 x 5 x 5 colour cube for everything else. One palette for every frame,
/// so nothing flickers from frame to frame, and flat areas keep their exact colour.
[[nodiscard]] std::vector<QRgb> gifPaletteFor(const render::Theme& theme, int classes);

/// Maps colours to the nearest entry of a palette (remembering each colour it has seen, since
/// plots repeat few colours).
class PaletteMapper
{
public:
    explicit PaletteMapper(std::vector<QRgb> palette);
    [[nodiscard]] const std::vector<QRgb>& palette() const { return m_palette; }
    /// The index of the palette entry nearest to \p colour (alpha ignored).
    [[nodiscard]] std::uint8_t indexOf(QRgb colour);

private:
    std::vector<QRgb> m_palette;
    QHash<QRgb, std::uint8_t> m_cache;
};

/// Writes an animated GIF with giflib, one frame at a time, to any QIODevice (a QSaveFile for
/// atomic files). Each frame is mapped onto one global palette; only the rectangle that changed
/// since the previous frame is stored. Errors come back as one line of text; after an error the
/// writer is finished and the device holds an incomplete file (the caller discards it).
class GifWriter
{
public:
    GifWriter();
    ~GifWriter();
    GifWriter(const GifWriter&) = delete;
    GifWriter& operator=(const GifWriter&) = delete;

    /// Starts a GIF of \p size pixels on \p device (not owned; must stay open until finish()).
    /// \p plays: how often the animation plays, 0 for forever (the NETSCAPE2.0 loop extension).
    [[nodiscard]] std::optional<QString> begin(QIODevice* device, const QSize& size,
                                               std::vector<QRgb> palette, int plays);
    /// Appends \p image (scaled to nothing: it must have the size given to begin()), shown for
    /// \p delayMs milliseconds (rounded to GIF's 10 ms steps, at least 20 ms).
    [[nodiscard]] std::optional<QString> addFrame(const QImage& image, int delayMs);
    /// Writes the trailer. The GIF is complete once this returns nothing.
    [[nodiscard]] std::optional<QString> finish();

    [[nodiscard]] int frameCount() const { return m_frames; }

private:
    std::optional<QString> fail(int error);
    void close();

    GifFileType* m_gif = nullptr;
    QIODevice* m_device = nullptr;
    QSize m_size;
    std::optional<PaletteMapper> m_mapper;
    std::vector<std::uint8_t> m_previous; ///< the indices of the last frame
    std::vector<std::uint8_t> m_current;
    int m_frames = 0;
};

} // namespace plab::exporting
