#include "export/exportoptions.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <cmath>

namespace plab::exporting {

namespace {

/// The translation context of this file's texts (lupdate reads the name from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(plab::exporting::ExportOptions)
};

template <typename Enum, std::size_t N>
std::optional<Enum> lookup(QStringView name, const std::array<Enum, N>& values)
{
    for (Enum value : values)
        if (exporting::name(value) == name)
            return value;
    return std::nullopt;
}

constexpr std::array kFormats{ExportFormat::Png, ExportFormat::Svg, ExportFormat::Pdf,
                              ExportFormat::Gif};
constexpr std::array kLayouts{ExportLayout::Single, ExportLayout::Storyboard, ExportLayout::Frames,
                              ExportLayout::Pages, ExportLayout::Animation};
constexpr std::array kContents{ExportContent::Plot, ExportContent::ErrorChart,
                               ExportContent::WeightChart};
constexpr std::array kTables{TableFormat::Csv, TableFormat::Markdown, TableFormat::Latex};

QString formatLimit(double value)
{
    return QString::number(value, 'g', 6);
}

} // namespace

QString name(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Png:
        return QStringLiteral("png");
    case ExportFormat::Svg:
        return QStringLiteral("svg");
    case ExportFormat::Pdf:
        return QStringLiteral("pdf");
    case ExportFormat::Gif:
        return QStringLiteral("gif");
    }
    return {};
}

QString name(ExportLayout layout)
{
    switch (layout) {
    case ExportLayout::Single:
        return QStringLiteral("single");
    case ExportLayout::Storyboard:
        return QStringLiteral("storyboard");
    case ExportLayout::Frames:
        return QStringLiteral("frames");
    case ExportLayout::Pages:
        return QStringLiteral("pages");
    case ExportLayout::Animation:
        return QStringLiteral("animation");
    }
    return {};
}

QString name(ExportContent content)
{
    switch (content) {
    case ExportContent::Plot:
        return QStringLiteral("plot");
    case ExportContent::ErrorChart:
        return QStringLiteral("errors");
    case ExportContent::WeightChart:
        return QStringLiteral("weights");
    }
    return {};
}

QString name(TableFormat format)
{
    switch (format) {
    case TableFormat::Csv:
        return QStringLiteral("csv");
    case TableFormat::Markdown:
        return QStringLiteral("md");
    case TableFormat::Latex:
        return QStringLiteral("tex");
    }
    return {};
}

std::optional<ExportFormat> exportFormatFromName(QStringView name)
{
    return lookup(name, kFormats);
}

std::optional<ExportLayout> exportLayoutFromName(QStringView name)
{
    return lookup(name, kLayouts);
}

std::optional<ExportContent> exportContentFromName(QStringView name)
{
    return lookup(name, kContents);
}

std::optional<TableFormat> tableFormatFromName(QStringView name)
{
    return lookup(name, kTables);
}

QString fileExtension(ExportFormat format)
{
    return name(format);
}

QString fileExtension(TableFormat format)
{
    return name(format);
}

bool isCompatible(ExportFormat format, ExportLayout layout)
{
    switch (layout) {
    case ExportLayout::Single:
    case ExportLayout::Storyboard:
    case ExportLayout::Frames:
        return format == ExportFormat::Png || format == ExportFormat::Svg ||
               format == ExportFormat::Pdf;
    case ExportLayout::Pages:
        return format == ExportFormat::Pdf;
    case ExportLayout::Animation:
        return format == ExportFormat::Gif;
    }
    return false;
}

QSize OutputGeometry::pixelSize() const
{
    return {std::max(1, int(std::lround(logical.width() * scale))),
            std::max(1, int(std::lround(logical.height() * scale)))};
}

QSizeF OutputGeometry::inches() const
{
    const QSize px = pixelSize();
    return {px.width() / dpi, px.height() / dpi};
}

std::vector<SlidePreset> slidePresets()
{
    return {
        {QStringLiteral("16:9"), Text::tr("16:9 slide (1920 × 1080)"), QSize(1920, 1080)},
        {QStringLiteral("4:3"), Text::tr("4:3 slide (1600 × 1200)"), QSize(1600, 1200)},
        {QStringLiteral("square"), Text::tr("Square (1080 × 1080)"), QSize(1080, 1080)},
    };
}

Result<SizeSpec, QString> parseSizeSpec(QStringView text)
{
    const QString trimmed = text.trimmed().toString().toLower();
    for (const SlidePreset& preset : slidePresets()) {
        if (trimmed == preset.id)
            return SizeSpec{double(preset.size.width()), double(preset.size.height()),
                            SizeSpec::Unit::Pixels};
    }
    static const QRegularExpression pattern(
        QStringLiteral("^([0-9]+(?:\\.[0-9]+)?)\\s*[x\u00d7]\\s*([0-9]+(?:\\.[0-9]+)?)\\s*"
                       "(px|mm|cm|in)?$"));
    const QRegularExpressionMatch match = pattern.match(trimmed);
    const QString expected =
        Text::tr(
            "expected WIDTHxHEIGHT in pixels (e.g. 1920x1080), with mm, cm or in for a printed "
            "size (e.g. 160x90mm), or 16:9, 4:3 or square; found \"%1\"")
            .arg(text.toString());
    if (!match.hasMatch())
        return unexpected(expected);
    SizeSpec spec;
    spec.width = match.captured(1).toDouble();
    spec.height = match.captured(2).toDouble();
    const QString unit = match.captured(3);
    if (unit == u"mm")
        spec.unit = SizeSpec::Unit::Millimetres;
    else if (unit == u"cm")
        spec.unit = SizeSpec::Unit::Centimetres;
    else if (unit == u"in")
        spec.unit = SizeSpec::Unit::Inches;
    if (!(spec.width > 0.0) || !(spec.height > 0.0))
        return unexpected(expected);
    return spec;
}

Result<OutputGeometry, QString> geometryFor(const SizeSpec& size, std::optional<double> scale,
                                            std::optional<double> dpi)
{
    if (scale && !(*scale >= kMinScale && *scale <= kMaxScale)) {
        return unexpected(
            Text::tr("the scale must be from %1 to %2, found %3")
                .arg(formatLimit(kMinScale), formatLimit(kMaxScale), formatLimit(*scale)));
    }
    if (dpi && !(*dpi >= kMinDpi && *dpi <= kMaxDpi)) {
        return unexpected(Text::tr("the resolution must be from %1 to %2 dpi, found %3")
                              .arg(formatLimit(kMinDpi), formatLimit(kMaxDpi), formatLimit(*dpi)));
    }
    OutputGeometry g;
    if (!size.isPhysical()) {
        g.logical = QSizeF(size.width, size.height);
        g.scale = scale.value_or(1.0);
        g.dpi = dpi.value_or(96.0 * g.scale);
    } else {
        double perInch = 1.0;
        switch (size.unit) {
        case SizeSpec::Unit::Millimetres:
            perInch = 25.4;
            break;
        case SizeSpec::Unit::Centimetres:
            perInch = 2.54;
            break;
        case SizeSpec::Unit::Inches:
        case SizeSpec::Unit::Pixels:
            break;
        }
        g.dpi = dpi.value_or(300.0);
        g.scale = scale.value_or(g.dpi / 96.0);
        const QSizeF pixels(size.width / perInch * g.dpi, size.height / perInch * g.dpi);
        g.logical =
            QSizeF(std::round(pixels.width()) / g.scale, std::round(pixels.height()) / g.scale);
    }
    const QSize px = g.pixelSize();
    const double shortest = std::min(g.logical.width(), g.logical.height());
    const double longest = std::max(g.logical.width(), g.logical.height());
    if (shortest < kMinSide) {
        return unexpected(
            Text::tr("the image would be %1 × %2 pixels before scaling: each side must be at least "
                     "%3")
                .arg(formatLimit(g.logical.width()), formatLimit(g.logical.height()),
                     formatLimit(kMinSide)));
    }
    if (longest > kMaxSide || std::max(px.width(), px.height()) > int(kMaxSide)) {
        return unexpected(
            Text::tr("the image would be %1 × %2 pixels: each side must be at most %3")
                .arg(px.width())
                .arg(px.height())
                .arg(formatLimit(kMaxSide)));
    }
    return g;
}

double defaultFontScale(const QSizeF& logical, ExportLayout layout)
{
    double fit = std::min(logical.width() / 1280.0, logical.height() / 720.0);
    if (layout == ExportLayout::Storyboard)
        fit *= 0.8;
    return std::clamp(std::round(fit * 4.0) / 4.0, 1.0, 2.0);
}

double storyboardCaptionHeight(const render::Theme& theme)
{
    return std::ceil(QFontMetricsF(theme.font(1.15, true)).height() +
                     QFontMetricsF(theme.font(0.95)).height() + 6.0);
}

QSizeF minimumPanelContent(const render::Theme& theme)
{
    return QSizeF(280.0, 200.0) * theme.fontScale;
}

int maxStoryboardPanels(const ExportOptions& options)
{
    const render::Theme& theme = options.theme;
    QSizeF page = options.geometry.logical - QSizeF(2.0, 2.0) * kStoryboardMargin;
    if (options.caption && !options.title.isEmpty())
        page.rheight() -= QFontMetricsF(theme.font(1.6, true)).height() + kStoryboardGap;
    const QSizeF content = minimumPanelContent(theme);
    const QSizeF cell(content.width(), content.height() + storyboardCaptionHeight(theme));
    // n cells and n - 1 gaps fit: n <= (page + gap) / (cell + gap).
    const int columns = std::max(
        0, int(std::floor((page.width() + kStoryboardGap) / (cell.width() + kStoryboardGap))));
    const int rows = std::max(
        0, int(std::floor((page.height() + kStoryboardGap) / (cell.height() + kStoryboardGap))));
    if (options.columns > 0)
        return options.columns <= columns ? options.columns * rows : 0;
    return columns * rows;
}

std::optional<StoryboardProblem> storyboardProblem(const ExportOptions& options, std::size_t panels)
{
    const int most = maxStoryboardPanels(options);
    if (panels <= std::size_t(std::max(0, most)))
        return std::nullopt;
    const QSizeF content = minimumPanelContent(options.theme);
    const QString size = Text::tr("%1 × %2").arg(formatLimit(options.geometry.logical.width()),
                                                 formatLimit(options.geometry.logical.height()));
    const QString panel = Text::tr("%1 × %2").arg(formatLimit(std::ceil(content.width())),
                                                  formatLimit(std::ceil(content.height())));
    if (options.columns > 0 && most == 0) {
        return StoryboardProblem{
            QStringLiteral("columns"),
            Text::tr("%1 columns do not fit a %2 page with every panel at least %3 pixels "
                     "large at text size %4: choose fewer columns, a larger size or a smaller "
                     "text size")
                .arg(options.columns)
                .arg(size, panel, formatLimit(options.theme.fontScale))};
    }
    return StoryboardProblem{
        QStringLiteral("epochs"),
        Text::tr("%n panel(s) do not fit a %1 storyboard readably: it holds at most %2 with "
                 "every panel at least %3 pixels large at text size %4; choose fewer epochs, "
                 "a larger size or a smaller text size",
                 nullptr, int(panels))
            .arg(size)
            .arg(most)
            .arg(panel, formatLimit(options.theme.fontScale))};
}

Result<std::vector<int>, QString> parseEpochList(QStringView text, int lastEpoch)
{
    const QString all = text.trimmed().toString();
    if (all.isEmpty())
        return unexpected(
            Text::tr("no epochs given (expected all, last or a list such as 0,1,2,5,last)"));
    std::vector<int> epochs;
    // Linear in the epochs listed: "1-last" of a long run is parsed as the user types.
    std::vector<bool> listed(std::size_t(std::max(0, lastEpoch)) + 1, false);
    const auto add = [&epochs, &listed](int e) {
        if (e >= 0 && std::size_t(e) < listed.size()) {
            if (listed[std::size_t(e)])
                return;
            listed[std::size_t(e)] = true;
        }
        epochs.push_back(e);
    };
    const auto parseOne = [lastEpoch](const QString& part) -> std::optional<int> {
        if (part == u"last")
            return lastEpoch;
        bool ok = false;
        const int value = part.toInt(&ok);
        if (!ok || value < 0 || part.startsWith(u'+'))
            return std::nullopt;
        return value;
    };
    if (all == u"all") {
        for (int e = 0; e <= lastEpoch; ++e)
            epochs.push_back(e);
        return epochs;
    }
    const QStringList parts = all.split(u',');
    for (const QString& raw : parts) {
        const QString part = raw.trimmed();
        const qsizetype dash = part.indexOf(u'-', 1);
        const QString first = dash < 0 ? part : part.left(dash).trimmed();
        const QString second = dash < 0 ? part : part.mid(dash + 1).trimmed();
        const std::optional<int> from = parseOne(first);
        const std::optional<int> to = parseOne(second);
        if (!from || !to) {
            return unexpected(
                Text::tr("\"%1\" is not an epoch (expected numbers from 0, ranges such as 2-5, "
                         "last or all)")
                    .arg(part));
        }
        if (*from > *to)
            return unexpected(Text::tr("the range \"%1\" runs backwards").arg(part));
        if (*to > lastEpoch) {
            return unexpected(Text::tr("epoch %1 was not reached: the run ended at epoch %2")
                                  .arg(*to)
                                  .arg(lastEpoch));
        }
        for (int e = *from; e <= *to; ++e)
            add(e);
    }
    return epochs;
}

std::vector<int> storyboardEpochs(int lastEpoch)
{
    std::vector<int> epochs;
    for (int e : {0, 1, 2, 3, 5}) {
        if (e < lastEpoch)
            epochs.push_back(e);
    }
    epochs.push_back(std::max(0, lastEpoch));
    return epochs;
}

} // namespace plab::exporting
