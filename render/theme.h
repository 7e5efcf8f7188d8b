#pragma once

#include "learning/network.h"

#include <QColor>
#include <QFont>
#include <QString>

#include <array>

class QPalette;

namespace plab::render {

/// The marker drawn for a class. Classes differ by shape as well as colour, so the plot stays
/// readable for colour-blind viewers and in grey-scale print.
enum class MarkerShape
{
    Circle,
    Triangle, ///< pointing up
    Square,
    Diamond,
    TriangleDown,
    Plus,  ///< a filled plus sign
    Star,  ///< five points
    Cross, ///< a filled X
};

/// The learning curves, in the order the charts draw them and their legends list them.
enum class ChartCurve
{
    Errors, ///< misclassified points per epoch
    Loss,   ///< the gradient rules' objective, on the errors chart's second axis
    W1,
    W2,
    Bias,
    /// The size of the first layer's weights (models other than the classic one); layer l's is
    /// layerWeightsCurve(l), for the kChartLayers layers a network can have.
    LayerWeights,
    /// Class 0's errors (K > 2 classes); class k's is classErrorsCurve(k), for kChartClasses.
    ClassErrors = LayerWeights + learning::kMaxHiddenLayers + 1,
};
inline constexpr int kChartLayers = learning::kMaxHiddenLayers + 1;
inline constexpr int kChartClasses = learning::kMaxClasses;
[[nodiscard]] constexpr ChartCurve layerWeightsCurve(int layer)
{
    return ChartCurve(int(ChartCurve::LayerWeights) + layer);
}
[[nodiscard]] constexpr ChartCurve classErrorsCurve(int k)
{
    return ChartCurve(int(ChartCurve::ClassErrors) + k);
}
/// The layer of a layerWeightsCurve() (0 = the first), or -1.
[[nodiscard]] constexpr int layerOf(ChartCurve curve)
{
    const int l = int(curve) - int(ChartCurve::LayerWeights);
    return l >= 0 && l < kChartLayers ? l : -1;
}
/// The class of a classErrorsCurve(), or -1.
[[nodiscard]] constexpr int classOf(ChartCurve curve)
{
    const int k = int(curve) - int(ChartCurve::ClassErrors);
    return k >= 0 && k < kChartClasses ? k : -1;
}
static_assert(kChartLayers == 4, "kChartCurves lists four layers");
/// The curves drawn in chartColour() (the class curves take the theme's class colours).
inline constexpr std::array kChartCurves{
    ChartCurve::Errors,   ChartCurve::Loss,     ChartCurve::W1,
    ChartCurve::W2,       ChartCurve::Bias,     layerWeightsCurve(0),
    layerWeightsCurve(1), layerWeightsCurve(2), layerWeightsCurve(3)};

/// The colour of a learning curve, the same in every theme, on screen and in every export:
/// Okabe-Ito, distinguishable with every common colour-vision deficiency (the charts add a line
/// style each for grey-scale print). A class's errors are drawn in the theme's colour of the
/// class (Theme::classColors), not in this one.
[[nodiscard]] QColor chartColour(ChartCurve curve);

/// How a plot looks, as plain data. Themes are passed to the renderer, never stored globally, so a
/// PNG export can use Theme::print() while the screen shows Theme::dark().
///
/// All lengths (line widths, marker sizes, font sizes) are in the painter's logical pixels: on
/// screen one logical pixel is one device-independent pixel; an exporter wanting a physical size
/// sets the painter's window/viewport instead of changing the theme.
struct Theme
{
    QString name; ///< stable id: "light", "dark", "print", "high-contrast"

    // Surfaces and text.
    QColor background;     ///< behind everything (margins with the tick labels)
    QColor plotBackground; ///< the plot area
    QColor grid;           ///< grid lines at the major ticks
    QColor zeroAxis;       ///< the lines x1 = 0 and x2 = 0 when visible
    QColor frame;          ///< the plot area's border and tick marks
    QColor text;           ///< tick labels, axis titles, messages
    QColor mutedText;      ///< secondary annotations (scale notes, legend counts)

    // Classes, by label (0 ... 7); with two classes 0 is the negative class, 1 the positive one.
    std::array<QColor, learning::kMaxClasses> classColors;
    /// Every class its own shape; the first two are the two-class look of the first lessons.
    std::array<MarkerShape, learning::kMaxClasses> classShapes{
        MarkerShape::Circle,       MarkerShape::Triangle, MarkerShape::Square, MarkerShape::Diamond,
        MarkerShape::TriangleDown, MarkerShape::Plus,     MarkerShape::Star,   MarkerShape::Cross};
    QColor markerEdge;        ///< thin outline around every marker (contrast against shading)
    double markerSize = 12.0; ///< marker diameter
    double markerEdgeWidth = 1.0;
    /// Opacity (0..255) of the half-plane shading at full certainty.
    int shadingAlpha = 40;
    bool shading = true; ///< shade the half-planes by predicted class / probability

    // The model.
    QColor boundary;     ///< the current decision boundary
    QColor ghost;        ///< the boundary before the update being shown (dashed)
    QColor trail;        ///< recent boundaries while training runs (faded towards the oldest)
    QColor weightArrow;  ///< the weight vector w
    QColor updateArrow;  ///< the update vector lr * (t - y) * x
    QColor errorOutline; ///< ring around misclassified points
    QColor highlight;    ///< ring around the sample being processed
    QColor selection;    ///< ring around selected points, rubber band outline
    QColor rubberBandFill;
    double boundaryWidth = 3.0;
    double arrowWidth = 2.5;
    double gridWidth = 1.0;

    // Text.
    QString fontFamily;     ///< empty: the application's default family
    double fontSize = 13.0; ///< tick labels, in pixels before fontScale
    double fontScale = 1.0;

    /// A font \p relative times the base size, scaled by fontScale.
    [[nodiscard]] QFont font(double relative = 1.0, bool bold = false) const;

    /// Bright background, dark text; the default for a light desktop.
    [[nodiscard]] static Theme light();
    /// Dark background for dark desktops and dim rooms.
    [[nodiscard]] static Theme dark();
    /// White background, black text, thicker lines, no shading and no translucent chrome: for
    /// papers, handouts and slides.
    [[nodiscard]] static Theme print();
    /// Black background, pure colours, thick lines and large text for projectors.
    [[nodiscard]] static Theme highContrast();
    /// light() or dark(), whichever matches the palette's window colour.
    [[nodiscard]] static Theme forPalette(const QPalette& palette);
    /// The theme with that name(), or light() for an unknown name.
    [[nodiscard]] static Theme fromName(const QString& name);

    friend bool operator==(const Theme&, const Theme&) = default;
};

} // namespace plab::render
