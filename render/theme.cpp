#include "render/theme.h"

#include <QPalette>

#include <algorithm>
#include <cmath>

namespace plab::render {

namespace {

// Okabe & Ito (2008), "Color Universal Design": distinguishable with every common form of
// colour blindness. Blue and vermillion are the pair that also differ most in lightness.
constexpr QRgb okabeBlue = 0x0072B2;
constexpr QRgb okabeVermillion = 0xD55E00;
constexpr QRgb okabeSkyBlue = 0x56B4E9;
constexpr QRgb okabeOrange = 0xE69F00;
constexpr QRgb okabeYellow = 0xF0E442;
constexpr QRgb okabePurple = 0xCC79A7;
constexpr QRgb okabeGreen = 0x009E73;

QColor rgb(QRgb value)
{
    return QColor::fromRgb(value);
}

} // namespace

QColor chartColour(ChartCurve curve)
{
    switch (curve) {
    case ChartCurve::Errors:
        return rgb(okabeVermillion);
    case ChartCurve::Loss:
        return rgb(okabePurple);
    case ChartCurve::W1:
        return rgb(okabeBlue);
    case ChartCurve::W2:
        return rgb(okabeOrange);
    case ChartCurve::Bias:
        return rgb(okabeGreen);
    default:
        break;
    }
    // The layers: the weights' colours in their order, then sky blue.
    static constexpr std::array<QRgb, kChartLayers> layers{okabeBlue, okabeOrange, okabeGreen,
                                                           okabeSkyBlue};
    if (const int l = layerOf(curve); l >= 0)
        return rgb(layers[std::size_t(l)]);
    return rgb(okabeVermillion);
}

QFont Theme::font(double relative, bool bold) const
{
    QFont f;
    if (!fontFamily.isEmpty())
        f.setFamily(fontFamily);
    f.setPixelSize(std::max(1, int(std::lround(fontSize * fontScale * relative))));
    f.setBold(bold);
    f.setStyleStrategy(QFont::PreferAntialias);
    return f;
}

Theme Theme::light()
{
    Theme t;
    t.name = QStringLiteral("light");
    t.background = rgb(0xF6F7F9);
    t.plotBackground = rgb(0xFFFFFF);
    t.grid = rgb(0xE4E7EB);
    t.zeroAxis = rgb(0x9AA1AA);
    t.frame = rgb(0xB9BEC6);
    t.text = rgb(0x1F2328);
    t.mutedText = rgb(0x656D76);
    // Classes 2 ... 7 (multi-class problems) take the rest of the Okabe-Ito palette.
    t.classColors = {rgb(okabeBlue),   rgb(okabeVermillion), rgb(okabeGreen),  rgb(okabeOrange),
                     rgb(okabePurple), rgb(okabeSkyBlue),    rgb(okabeYellow), rgb(0x000000)};
    t.markerEdge = rgb(0xFFFFFF);
    t.markerSize = 12.0;
    t.markerEdgeWidth = 1.2;
    t.shadingAlpha = 38;
    t.boundary = rgb(0x1F2328);
    t.ghost = rgb(0x6E7781);
    t.trail = rgb(0x57606A);
    t.weightArrow = rgb(0x1F2328);
    t.updateArrow = rgb(okabePurple).darker(125);
    t.errorOutline = rgb(0xE0162B);
    t.highlight = rgb(okabeOrange);
    t.selection = rgb(0x8250DF);
    t.rubberBandFill = QColor(130, 80, 223, 30);
    t.boundaryWidth = 3.0;
    t.arrowWidth = 2.5;
    t.gridWidth = 1.0;
    t.fontSize = 13.0;
    return t;
}

Theme Theme::dark()
{
    Theme t = light();
    t.name = QStringLiteral("dark");
    t.background = rgb(0x15171C);
    t.plotBackground = rgb(0x1C1F26);
    t.grid = rgb(0x2D323C);
    t.zeroAxis = rgb(0x69717D);
    t.frame = rgb(0x444B57);
    t.text = rgb(0xE6E8EB);
    t.mutedText = rgb(0x9AA1AA);
    // The darker Okabe-Ito pair loses contrast on a dark background: use the lighter blue and a
    // brightened vermillion, which keep the same hue separation.
    t.classColors = {rgb(okabeSkyBlue), rgb(0xF27A2E),    rgb(okabeGreen), rgb(okabeOrange),
                     rgb(okabePurple),  rgb(okabeYellow), rgb(okabeBlue),  rgb(0xFFFFFF)};
    t.markerEdge = rgb(0x101217);
    t.shadingAlpha = 46;
    t.boundary = rgb(0xF5F6F7);
    t.ghost = rgb(0x9AA1AA);
    t.trail = rgb(0xB8BEC6);
    t.weightArrow = rgb(0xF5F6F7);
    t.updateArrow = rgb(0xE79BC6);
    t.errorOutline = rgb(0xFF4D5E);
    t.highlight = rgb(okabeYellow);
    t.selection = rgb(0xC297FF);
    t.rubberBandFill = QColor(194, 151, 255, 40);
    return t;
}

Theme Theme::print()
{
    Theme t = light();
    t.name = QStringLiteral("print");
    t.background = rgb(0xFFFFFF);
    t.plotBackground = rgb(0xFFFFFF);
    t.grid = rgb(0xE0E0E0);
    t.zeroAxis = rgb(0x808080);
    t.frame = rgb(0x404040);
    t.text = rgb(0x000000);
    t.mutedText = rgb(0x404040);
    t.markerEdge = rgb(0x000000);
    t.markerEdgeWidth = 1.0;
    // No shading: on paper the classes are told apart by the markers' shapes, and the line is
    // drawn heavier so it survives printing and photocopying.
    t.shading = false;
    t.boundary = rgb(0x000000);
    t.weightArrow = rgb(0x000000);
    t.boundaryWidth = 4.0;
    t.arrowWidth = 3.0;
    return t;
}

Theme Theme::highContrast()
{
    Theme t = dark();
    t.name = QStringLiteral("high-contrast");
    t.background = rgb(0x000000);
    t.plotBackground = rgb(0x000000);
    t.grid = rgb(0x3A3A3A);
    t.zeroAxis = rgb(0xA0A0A0);
    t.frame = rgb(0xC0C0C0);
    t.text = rgb(0xFFFFFF);
    t.mutedText = rgb(0xE0E0E0);
    t.classColors = {rgb(okabeSkyBlue), rgb(okabeYellow), rgb(okabeGreen), rgb(okabeOrange),
                     rgb(okabePurple),  rgb(0xF27A2E),    rgb(okabeBlue),  rgb(0xFFFFFF)};
    t.markerEdge = rgb(0x000000);
    t.markerSize = 15.0;
    t.markerEdgeWidth = 1.5;
    t.shadingAlpha = 56;
    t.boundary = rgb(0xFFFFFF);
    t.ghost = rgb(0xB0B0B0);
    t.trail = rgb(0xD0D0D0);
    t.weightArrow = rgb(0xFFFFFF);
    t.updateArrow = rgb(0xFF79C6);
    t.errorOutline = rgb(0xFF3030);
    t.highlight = rgb(0x00FF9C);
    t.selection = rgb(0x00D0FF);
    t.rubberBandFill = QColor(0, 208, 255, 40);
    t.boundaryWidth = 4.0;
    t.arrowWidth = 3.5;
    t.gridWidth = 1.2;
    t.fontSize = 16.0;
    return t;
}

Theme Theme::forPalette(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128 ? dark() : light();
}

Theme Theme::fromName(const QString& name)
{
    for (const Theme& t : {light(), dark(), print(), highContrast()})
        if (t.name == name)
            return t;
    return light();
}

} // namespace plab::render
