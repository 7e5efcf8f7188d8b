#include "render/plotrenderer.h"

#include "render/modelpicture.h"
#include "render/plotlayers.h"
#include "render/pointlayer.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace plab::render {

PlotRenderer::PlotRenderer()
{
    auto points = std::make_unique<PointLayer>();
    m_points = points.get();
    // The layers of the other models share one picture of the model per frame.
    auto pictures = std::make_shared<ModelPictures>();
    m_layers.push_back(std::make_unique<ShadingLayer>());
    m_layers.push_back(std::make_unique<RegionLayer>(pictures));
    m_layers.push_back(std::make_unique<GridLayer>());
    m_layers.push_back(std::make_unique<UnitLinesLayer>(pictures));
    m_layers.push_back(std::make_unique<ModelBoundaryLayer>(pictures));
    m_layers.push_back(std::make_unique<BoundaryLayer>());
    m_layers.push_back(std::move(points));
    m_layers.push_back(std::make_unique<WeightVectorLayer>());
    m_layers.push_back(std::make_unique<UnitLabelsLayer>(pictures));
    m_layers.push_back(std::make_unique<RubberBandLayer>());
    m_layers.push_back(std::make_unique<AxesLayer>());
    m_layers.push_back(std::make_unique<MessageLayer>());
    m_layers.push_back(std::make_unique<LegendLayer>());
}

PlotRenderer::~PlotRenderer() = default;
PlotRenderer::PlotRenderer(PlotRenderer&&) noexcept = default;
PlotRenderer& PlotRenderer::operator=(PlotRenderer&&) noexcept = default;

namespace {

/// The scene's scale, kept to what makes sense (1 when it is not a number).
double validScale(double scale)
{
    return std::isfinite(scale) ? std::clamp(scale, 0.25, 8.0) : 1.0;
}

/// The theme as the layers see it in a picture drawn at \p scale: the painter is scaled, so the
/// texts are made that much smaller to keep the theme's size.
Theme scaledTheme(const Theme& theme, double scale)
{
    Theme t = theme;
    t.fontScale /= scale;
    return t;
}

/// The plot area of \p target without scale.
QRectF unscaledPlotArea(const QRectF& target, const Theme& theme)
{
    // Fixed margins (not fitted to the current labels) so the plot does not shift while panning.
    // Measured once per font: the canvas asks for every mouse event.
    struct Margins
    {
        QString family; // the key is plain data: no QFont outliving the application
        double size = 0.0;
        double left = 0.0, top = 0.0, right = 0.0, bottom = 0.0;
    };
    thread_local Margins cached;
    const double size = theme.fontSize * theme.fontScale;
    if (cached.family != theme.fontFamily || cached.size != size) {
        const QFontMetricsF fm(theme.font());
        cached.family = theme.fontFamily;
        cached.size = size;
        cached.left = std::ceil(fm.horizontalAdvance(QStringLiteral("\u22120000.0")) + 14.0);
        cached.bottom = std::ceil(fm.height() + 12.0);
        cached.top = std::ceil(fm.height() + 8.0);
        cached.right = std::ceil(fm.horizontalAdvance(QStringLiteral("x\u2081")) + 16.0);
    }
    const QRectF area(std::round(target.left() + cached.left),
                      std::round(target.top() + cached.top),
                      std::floor(target.width() - cached.left - cached.right),
                      std::floor(target.height() - cached.top - cached.bottom));
    if (area.width() < 1.0 || area.height() < 1.0)
        return QRectF(target.topLeft(),
                      QSizeF(std::max(1.0, target.width()), std::max(1.0, target.height())));
    return area;
}

/// \p target in the coordinates of a painter scaled by \p scale about its top left corner.
QRectF scaledTarget(const QRectF& target, double scale)
{
    return {QPointF(0.0, 0.0), target.size() / scale};
}

} // namespace

QRectF PlotRenderer::plotArea(const QRectF& target, const Theme& theme, double scale)
{
    scale = validScale(scale);
    if (scale == 1.0)
        return unscaledPlotArea(target, theme);
    const QRectF area = unscaledPlotArea(scaledTarget(target, scale), scaledTheme(theme, scale));
    return {target.topLeft() + area.topLeft() * scale, area.size() * scale};
}

ViewTransform PlotRenderer::transformFor(const QRectF& target, const PlotScene& scene,
                                         const Theme& theme)
{
    return ViewTransform(scene.view, plotArea(target, theme, scene.scale), scene.aspect);
}

double PlotRenderer::scaleFor(const QSizeF& logical)
{
    const double ratio = std::min(logical.width() / 1280.0, logical.height() / 720.0);
    return std::isfinite(ratio) ? std::clamp(ratio, 1.0, 4.0) : 1.0;
}

double PlotRenderer::arrowScale(const PlotScene& scene, const ViewTransform& transform)
{
    return WeightVectorLayer::scale(scene, transform);
}

void PlotRenderer::setCachingEnabled(bool enabled)
{
    m_points->setCachingEnabled(enabled);
}

bool PlotRenderer::cachingEnabled() const
{
    return m_points->cachingEnabled();
}

void PlotRenderer::invalidateCache()
{
    m_points->invalidateCache();
}

void PlotRenderer::addLayer(std::unique_ptr<PlotLayer> layer)
{
    m_layers.push_back(std::move(layer));
}

void PlotRenderer::paint(QPainter& painter, const QRectF& outer, const PlotScene& scene,
                         const Theme& outerTheme)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    // At a scale, the layers paint a target that much smaller into a painter scaled up: every
    // mark, width and gap grows alike, and the texts keep their size (scaledTheme()).
    const double scale = validScale(scene.scale);
    QRectF target = outer;
    Theme scaled;
    if (scale != 1.0) {
        painter.translate(outer.topLeft());
        painter.scale(scale, scale);
        target = scaledTarget(outer, scale);
        scaled = scaledTheme(outerTheme, scale);
    }
    const Theme& theme = scale != 1.0 ? scaled : outerTheme;
    PlotFrame frame(painter, target, unscaledPlotArea(target, theme), scene, theme);
    frame.devicePixelRatio *= scale;

    // The margins; the shading layer fills the plot area. Every pixel is filled once, opaque
    // (fast on raster devices, and no transparency groups in PDF/SVG).
    const QRectF& area = frame.area;
    painter.fillRect(QRectF(target.left(), target.top(), target.width(), area.top() - target.top()),
                     theme.background);
    painter.fillRect(
        QRectF(target.left(), area.bottom(), target.width(), target.bottom() - area.bottom()),
        theme.background);
    painter.fillRect(QRectF(target.left(), area.top(), area.left() - target.left(), area.height()),
                     theme.background);
    painter.fillRect(QRectF(area.right(), area.top(), target.right() - area.right(), area.height()),
                     theme.background);

    // Consecutive clipped layers share one clip, and layers share the painter's state without a
    // save() each: in SVG and PDF every restored state starts a new group.
    bool clipped = false;
    for (const std::unique_ptr<PlotLayer>& layer : m_layers) {
        if (!layer->shows(frame))
            continue;
        if (layer->clippedToPlot() != clipped) {
            if (clipped)
                painter.restore();
            else {
                painter.save();
                painter.setClipRect(area);
            }
            clipped = !clipped;
        }
        layer->paint(frame);
    }
    if (clipped)
        painter.restore();
    painter.restore();
}

} // namespace plab::render
