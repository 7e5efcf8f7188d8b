#pragma once

#include "learning/result.h"
#include "render/theme.h"

#include <QSize>
#include <QSizeF>
#include <QString>
#include <QStringView>

#include <cstddef>
#include <optional>
#include <vector>

namespace plab::exporting {

/// The file format of an export.
enum class ExportFormat
{
    Png,
    Svg,
    Pdf,
    Gif, ///< an animation of the frames (giflib)
};

/// How the chosen frames are arranged.
enum class ExportLayout
{
    Single,     ///< one frame, one file
    Storyboard, ///< every frame as a captioned panel in a grid on one page
    Frames,     ///< one numbered file per frame
    Pages,      ///< one PDF page per frame
    Animation,  ///< one animated GIF
};

/// What each frame shows.
enum class ExportContent
{
    Plot,        ///< the canvas: points, shading, boundary, w
    ErrorChart,  ///< errors (and the loss of the gradient rules) per epoch
    WeightChart, ///< the parameters per epoch: w1, w2 and b for the classic model, otherwise
                 ///< each layer's weight size (render::weightSize)
};

/// The worked-example table formats.
enum class TableFormat
{
    Csv,
    Markdown,
    Latex, ///< a booktabs tabular
};

/// Stable ASCII names ("png", "storyboard", "plot", "md", ...), used by the command line and the
/// dialog's settings. fromName() returns nothing for an unknown name.
[[nodiscard]] QString name(ExportFormat format);
[[nodiscard]] QString name(ExportLayout layout);
[[nodiscard]] QString name(ExportContent content);
[[nodiscard]] QString name(TableFormat format);
[[nodiscard]] std::optional<ExportFormat> exportFormatFromName(QStringView name);
[[nodiscard]] std::optional<ExportLayout> exportLayoutFromName(QStringView name);
[[nodiscard]] std::optional<ExportContent> exportContentFromName(QStringView name);
[[nodiscard]] std::optional<TableFormat> tableFormatFromName(QStringView name);
/// The file name extension without the dot: "png", "svg", "pdf", "gif"; "csv", "md", "tex".
[[nodiscard]] QString fileExtension(ExportFormat format);
[[nodiscard]] QString fileExtension(TableFormat format);

/// True when \p format can be written with \p layout: Single, Storyboard and Frames take PNG, SVG
/// and PDF; Pages takes PDF; Animation takes GIF.
[[nodiscard]] bool isCompatible(ExportFormat format, ExportLayout layout);

/// The size of an output, in the three units that matter:
///   pixels = logical x scale,   inches = pixels / dpi.
/// Everything is laid out in logical pixels (the units of Theme: a 13 px font is 13 logical
/// pixels), so a 2x PNG shows exactly what the 1x one shows, twice as sharp. Vector outputs
/// (SVG, PDF) are `inches` large and ignore the scale.
struct OutputGeometry
{
    QSizeF logical{1920.0, 1080.0};
    double scale = 1.0; ///< device pixels per logical pixel (PNG, GIF)
    double dpi = 96.0;  ///< device pixels per inch (the PNG's pHYs, the PDF and SVG size)

    [[nodiscard]] QSize pixelSize() const;
    /// The physical size in inches: pixelSize() / dpi.
    [[nodiscard]] QSizeF inches() const;

    friend bool operator==(const OutputGeometry&, const OutputGeometry&) = default;
};

/// A requested size: "1920x1080" (pixels), "160x90mm", "16x9cm", "6.4x3.6in", or a slide preset
/// name ("16:9", "4:3", "square").
struct SizeSpec
{
    enum class Unit
    {
        Pixels,
        Millimetres,
        Centimetres,
        Inches,
    };
    double width = 1920.0;
    double height = 1080.0;
    Unit unit = Unit::Pixels;

    [[nodiscard]] bool isPhysical() const { return unit != Unit::Pixels; }
    friend bool operator==(const SizeSpec&, const SizeSpec&) = default;
};

/// A named slide size.
struct SlidePreset
{
    QString id;    ///< "16:9", "4:3", "square"
    QString label; ///< translated, for menus: "16:9 slide (1920 × 1080)"
    QSize size;
};
/// 16:9 (1920 x 1080), 4:3 (1600 x 1200) and square (1080 x 1080).
[[nodiscard]] std::vector<SlidePreset> slidePresets();

/// The limits of every output: each side from 16 to 16384 logical pixels (and at most 16384
/// device pixels), scale from 0.25 to 8, dpi from 10 to 2400.
inline constexpr double kMinSide = 16.0;
inline constexpr double kMaxSide = 16384.0;
inline constexpr double kMinScale = 0.25;
inline constexpr double kMaxScale = 8.0;
inline constexpr double kMinDpi = 10.0;
inline constexpr double kMaxDpi = 2400.0;

/// Parses a size (see SizeSpec); an error message (translated, one line) otherwise.
[[nodiscard]] Result<SizeSpec, QString> parseSizeSpec(QStringView text);

/// The geometry for \p size:
/// - in pixels: logical = the size; scale = \p scale (default 1); dpi = \p dpi (default 96 x
///   scale, so a 2x image has the 1x image's physical size);
/// - physical: dpi = \p dpi (default 300); pixels = the size in inches x dpi; scale = \p scale
///   (default dpi / 96, so text has the same physical size as on a 96 dpi screen); logical =
///   pixels / scale.
/// An error message names the limit that is exceeded.
[[nodiscard]] Result<OutputGeometry, QString>
geometryFor(const SizeSpec& size, std::optional<double> scale = {}, std::optional<double> dpi = {});

/// The text size (Theme::fontScale) that suits a page of \p logical pixels: 1 up to the size of a
/// window's canvas (1280 x 720), growing with the page beyond it (1.5 on a 1920 x 1080 slide) so
/// labels stay readable when projected, at most 2. A storyboard's panels share the page, so their
/// text grows four fifths as fast (1.25 on a 1920 x 1080 slide).
[[nodiscard]] double defaultFontScale(const QSizeF& logical, ExportLayout layout);

/// The timing and looping of an animated GIF.
struct GifOptions
{
    int frameDelayMs = 600;      ///< how long each frame shows (GIF keeps 10 ms steps)
    int lastFramePauseMs = 2400; ///< how long the last frame shows before the loop restarts
    int loopCount = 0;           ///< 0: loop forever; n: play n times

    friend bool operator==(const GifOptions&, const GifOptions&) = default;
};

/// Everything about how an export looks and where its frames go.
struct ExportOptions
{
    ExportFormat format = ExportFormat::Png;
    ExportLayout layout = ExportLayout::Single;
    ExportContent content = ExportContent::Plot;
    OutputGeometry geometry;
    /// The theme with its font scale; print() is white, unshaded, with thick lines.
    render::Theme theme = render::Theme::light();
    /// Draw a caption into the image: the title (if any) and "Epoch 3 · w = (2, 1.2) · b = 0 ·
    /// 1 error". Storyboard panels are always captioned; this adds the page title.
    bool caption = false;
    QString title;
    bool legend = true;
    /// Storyboard columns; 0 picks the grid that makes the panels largest.
    int columns = 0;
    GifOptions gif;

    friend bool operator==(const ExportOptions&, const ExportOptions&) = default;
};

/// The storyboard's page: its margin and the gap between panels, in logical pixels.
inline constexpr double kStoryboardMargin = 18.0;
inline constexpr double kStoryboardGap = 20.0;

/// The height of a storyboard panel's caption (its heading and a line of details) in the fonts of
/// \p theme.
[[nodiscard]] double storyboardCaptionHeight(const render::Theme& theme);

/// The smallest plot or chart of a storyboard panel that stays readable: room for its tick
/// labels, legend and messages in the fonts of \p theme (280 x 200 logical pixels at font scale
/// 1, growing with it).
[[nodiscard]] QSizeF minimumPanelContent(const render::Theme& theme);

/// The most panels a storyboard of \p options holds with each at least minimumPanelContent()
/// under its caption (with options.columns columns when that is positive); 0 when not even one.
[[nodiscard]] int maxStoryboardPanels(const ExportOptions& options);

/// Why a storyboard cannot be made as asked: the setting to change and a translated line.
struct StoryboardProblem
{
    QString option; ///< "epochs" (too many panels) or "columns" (too many columns)
    QString message;
};

/// Why \p panels panels cannot be a readable storyboard of \p options (more than
/// maxStoryboardPanels()), naming the limit and what to change, or nothing.
[[nodiscard]] std::optional<StoryboardProblem> storyboardProblem(const ExportOptions& options,
                                                                 std::size_t panels);

/// Which epochs to export: "all", "last", or a comma-separated list of epoch numbers, ranges
/// ("2-5") and "last", e.g. "0,1,2,5,last". Resolved against the run's last epoch; duplicates
/// are dropped (the first occurrence keeps its place). An error names the part that is wrong,
/// e.g. an epoch the run did not reach.
[[nodiscard]] Result<std::vector<int>, QString> parseEpochList(QStringView text, int lastEpoch);

/// The classic storyboard choice: epochs 0, 1, 2, 3 and 5 where the run reached them, and the
/// last epoch.
[[nodiscard]] std::vector<int> storyboardEpochs(int lastEpoch);

} // namespace plab::exporting
