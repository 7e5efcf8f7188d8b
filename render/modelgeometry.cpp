#include "render/modelgeometry.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace plab::render {

SampleGrid sampleGrid(const io::ViewBox& view, int cols, int rows)
{
    SampleGrid g;
    g.view = view;
    g.cols = std::max(1, cols);
    g.rows = std::max(1, rows);
    g.xs.resize(std::size_t(g.cols));
    g.ys.resize(std::size_t(g.rows));
    const double dx = (view.xMax - view.xMin) / g.cols;
    const double dy = (view.yMax - view.yMin) / g.rows;
    for (int c = 0; c < g.cols; ++c)
        g.xs[std::size_t(c)] = view.xMin + (c + 0.5) * dx;
    for (int r = 0; r < g.rows; ++r)
        g.ys[std::size_t(r)] = view.yMax - (r + 0.5) * dy;
    return g;
}

std::vector<learning::Decision> decideOn(const learning::Model& model, const SampleGrid& grid)
{
    std::vector<learning::Decision> out(grid.size());
    model.decideGrid(grid.xs, grid.ys, out);
    return out;
}

RegionStyle regionStyle(const learning::Model& model, learning::Rule rule)
{
    return model.kind() == learning::ModelKind::Network || rule == learning::Rule::Logistic
               ? RegionStyle::Heat
               : RegionStyle::Flat;
}

double regionStrength(const learning::Decision& decision, int classes, RegionStyle style)
{
    if (style == RegionStyle::Flat)
        return 1.0;
    const double tie = 1.0 / std::max(2, classes);
    const double s = (decision.confidence - tie) / (1.0 - tie);
    return std::isfinite(s) ? std::clamp(s, 0.0, 1.0) : 0.0;
}

namespace {

/// \p over at opacity \p alpha (0..1) over the opaque \p under, as one RGB32 pixel.
QRgb blendRgb(QRgb under, QRgb over, double alpha)
{
    const auto mix = [&](int u, int o) { return int(std::lround(u + (o - u) * alpha)); };
    return qRgb(mix(qRed(under), qRed(over)), mix(qGreen(under), qGreen(over)),
                mix(qBlue(under), qBlue(over)));
}

} // namespace

QImage regionImage(const SampleGrid& grid, std::span<const learning::Decision> decisions,
                   int classes, RegionStyle style, const RegionPalette& palette,
                   std::span<const char> hatched)
{
    QImage image(grid.cols, grid.rows, QImage::Format_RGB32);
    if (decisions.size() != grid.size() || palette.classColors.empty()) {
        image.fill(palette.background);
        return image;
    }
    const QRgb background = palette.background.rgb();
    const QRgb hatch = palette.hatch.rgb();
    const double hatchAlpha = palette.hatch.alphaF();
    const double alpha = std::clamp(palette.alpha, 0, 255) / 255.0;
    const int period = std::max(2, palette.hatchPeriod);
    const bool withHatch = hatched.size() == grid.size();
    // Flat regions have one tint per class: computed once.
    std::array<QRgb, learning::kMaxClasses> flat{};
    for (std::size_t k = 0; k < flat.size(); ++k)
        flat[k] =
            blendRgb(background,
                     palette.classColors[std::min(k, palette.classColors.size() - 1)].rgb(), alpha);
    for (int r = 0; r < grid.rows; ++r) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(r));
        for (int c = 0; c < grid.cols; ++c) {
            const std::size_t i = std::size_t(r) * std::size_t(grid.cols) + std::size_t(c);
            const learning::Decision& d = decisions[i];
            const std::size_t k = std::size_t(std::clamp(d.cls, 0, int(learning::kMaxClasses) - 1));
            QRgb px =
                style == RegionStyle::Flat
                    ? flat[k]
                    : blendRgb(
                          background,
                          palette.classColors[std::min(k, palette.classColors.size() - 1)].rgb(),
                          alpha * regionStrength(d, classes, style));
            if (withHatch && hatched[i] && (c + r) % period == 0)
                px = blendRgb(px, hatch, hatchAlpha);
            line[c] = px;
        }
    }
    return image;
}

namespace {

/// The crossings of a marching-squares pass: one per cell edge whose ends differ, shared by the
/// two cells of the edge, then joined cell by cell.
class Crossings
{
public:
    explicit Crossings(const SampleGrid& grid)
        : m_grid(grid), m_horizontal(grid.size()), m_vertical(grid.size())
    {}

    /// The crossing on the edge from sample (c, r) to (c + 1, r), at fraction t of the way.
    void setHorizontal(int c, int r, double t)
    {
        m_horizontal[index(c, r)] = lerp(m_grid.at(c, r), m_grid.at(c + 1, r), t);
    }
    /// The crossing on the edge from sample (c, r) to (c, r + 1).
    void setVertical(int c, int r, double t)
    {
        m_vertical[index(c, r)] = lerp(m_grid.at(c, r), m_grid.at(c, r + 1), t);
    }
    [[nodiscard]] QPointF top(int c, int r) const { return m_horizontal[index(c, r)]; }
    [[nodiscard]] QPointF bottom(int c, int r) const { return m_horizontal[index(c, r + 1)]; }
    [[nodiscard]] QPointF left(int c, int r) const { return m_vertical[index(c, r)]; }
    [[nodiscard]] QPointF right(int c, int r) const { return m_vertical[index(c + 1, r)]; }

private:
    [[nodiscard]] std::size_t index(int c, int r) const
    {
        return std::size_t(r) * std::size_t(m_grid.cols) + std::size_t(c);
    }
    static QPointF lerp(const Eigen::Vector2d& a, const Eigen::Vector2d& b, double t)
    {
        return {a.x() + (b.x() - a.x()) * t, a.y() + (b.y() - a.y()) * t};
    }

    const SampleGrid& m_grid;
    std::vector<QPointF> m_horizontal;
    std::vector<QPointF> m_vertical;
};

/// The cell's edges, in the order top, right, bottom, left.
enum Edge
{
    Top,
    Right,
    Bottom,
    Left
};

QPointF crossing(const Crossings& x, int c, int r, int edge)
{
    switch (edge) {
    case Top:
        return x.top(c, r);
    case Right:
        return x.right(c, r);
    case Bottom:
        return x.bottom(c, r);
    default:
        return x.left(c, r);
    }
}

/// Joins the cut edges of every cell: \p region(c, r) is the region (sign or class) of sample
/// (c, r), \p centreLikeTopLeft(c, r) whether a saddle's centre belongs to its top left corner's
/// region, \p centre(c, r) the point where three or four cuts meet.
template <typename Region, typename CentreLikeTopLeft>
std::vector<QLineF> joinCells(const SampleGrid& g, const Crossings& x, Region region,
                              CentreLikeTopLeft centreLikeTopLeft)
{
    std::vector<QLineF> out;
    for (int r = 0; r + 1 < g.rows; ++r) {
        for (int c = 0; c + 1 < g.cols; ++c) {
            const auto tl = region(c, r), tr = region(c + 1, r);
            const auto br = region(c + 1, r + 1), bl = region(c, r + 1);
            std::array<int, 4> cut{};
            int n = 0;
            if (tl != tr)
                cut[n++] = Top;
            if (tr != br)
                cut[n++] = Right;
            if (bl != br)
                cut[n++] = Bottom;
            if (tl != bl)
                cut[n++] = Left;
            if (n == 2) {
                out.emplace_back(crossing(x, c, r, cut[0]), crossing(x, c, r, cut[1]));
            } else if (n == 4 && tl == br && tr == bl) {
                // A saddle of two regions: the centre's region joins two opposite corners.
                if (centreLikeTopLeft(c, r)) {
                    out.emplace_back(x.top(c, r), x.right(c, r));
                    out.emplace_back(x.bottom(c, r), x.left(c, r));
                } else {
                    out.emplace_back(x.top(c, r), x.left(c, r));
                    out.emplace_back(x.right(c, r), x.bottom(c, r));
                }
            } else if (n >= 3) {
                // Three or four regions meet: every cut joins the cell's centre.
                const QPointF centre((g.xs[std::size_t(c)] + g.xs[std::size_t(c) + 1]) / 2,
                                     (g.ys[std::size_t(r)] + g.ys[std::size_t(r) + 1]) / 2);
                for (int i = 0; i < n; ++i)
                    out.emplace_back(crossing(x, c, r, cut[std::size_t(i)]), centre);
            }
        }
    }
    return out;
}

} // namespace

std::vector<QLineF> zeroContour(const SampleGrid& g, std::span<const double> values)
{
    if (values.size() != g.size())
        return {};
    const auto value = [&](int c, int r) {
        return values[std::size_t(r) * std::size_t(g.cols) + std::size_t(c)];
    };
    const auto positive = [&](int c, int r) { return value(c, r) > 0.0; };
    // Where a - t (a - b) = 0 between a and b of opposite sides (one of them may be 0).
    const auto cut = [](double a, double b) {
        const double t = a / (a - b);
        return std::isfinite(t) ? std::clamp(t, 0.0, 1.0) : 0.5;
    };
    Crossings x(g);
    for (int r = 0; r < g.rows; ++r) {
        for (int c = 0; c < g.cols; ++c) {
            if (c + 1 < g.cols && positive(c, r) != positive(c + 1, r))
                x.setHorizontal(c, r, cut(value(c, r), value(c + 1, r)));
            if (r + 1 < g.rows && positive(c, r) != positive(c, r + 1))
                x.setVertical(c, r, cut(value(c, r), value(c, r + 1)));
        }
    }
    return joinCells(g, x, positive, [&](int c, int r) {
        const double mean =
            (value(c, r) + value(c + 1, r) + value(c, r + 1) + value(c + 1, r + 1)) / 4;
        return (mean > 0.0) == positive(c, r);
    });
}

std::vector<QLineF> classContour(const learning::Model& model, const SampleGrid& g,
                                 std::span<const learning::Decision> decisions)
{
    if (decisions.size() != g.size())
        return {};
    if (model.classes() == 2) {
        // The score z: sigma(|z|) is the confidence and z > 0 the class 1 side, so z is the
        // signed logit of the confidence (clamped where it saturates: only its sign matters
        // there).
        std::vector<double> z(decisions.size());
        for (std::size_t i = 0; i < z.size(); ++i) {
            const double p = std::clamp(decisions[i].confidence, 0.5, 1.0 - 1e-15);
            const double logit = std::log(p / (1.0 - p));
            z[i] = decisions[i].cls == 1 ? logit : -logit;
        }
        // A model that decides class 1 at exactly z = 0 (ZeroConvention::Positive) gives z = +0
        // there, and -0 > 0 is false: nudge those to the positive side.
        for (std::size_t i = 0; i < z.size(); ++i)
            if (decisions[i].cls == 1 && z[i] == 0.0)
                z[i] = 1e-300;
        return zeroContour(g, z);
    }
    const auto cls = [&](int c, int r) {
        return decisions[std::size_t(r) * std::size_t(g.cols) + std::size_t(c)].cls;
    };
    // Where the exact decision leaves class \p from on the way from a to b.
    const auto bisect = [&](const Eigen::Vector2d& a, const Eigen::Vector2d& b, int from) {
        double lo = 0.0, hi = 1.0;
        for (int i = 0; i < 4; ++i) {
            const double mid = (lo + hi) / 2;
            if (model.decide(a + (b - a) * mid).cls == from)
                lo = mid;
            else
                hi = mid;
        }
        return (lo + hi) / 2;
    };
    Crossings x(g);
    for (int r = 0; r < g.rows; ++r) {
        for (int c = 0; c < g.cols; ++c) {
            if (c + 1 < g.cols && cls(c, r) != cls(c + 1, r))
                x.setHorizontal(c, r, bisect(g.at(c, r), g.at(c + 1, r), cls(c, r)));
            if (r + 1 < g.rows && cls(c, r) != cls(c, r + 1))
                x.setVertical(c, r, bisect(g.at(c, r), g.at(c, r + 1), cls(c, r)));
        }
    }
    return joinCells(g, x, cls, [&](int c, int r) {
        const Eigen::Vector2d centre = (g.at(c, r) + g.at(c + 1, r + 1)) / 2;
        return model.decide(centre).cls == cls(c, r);
    });
}

int firstLayerUnits(const learning::Model& model)
{
    return model.shape().sizes()[1];
}

std::vector<double> firstLayerNets(const learning::Model& model, const SampleGrid& g, int unit)
{
    const std::vector<learning::Layer> layers = model.layers();
    const learning::Layer& first = layers.front();
    if (unit < 0 || unit >= first.units())
        return {};
    const learning::FeatureSet features = model.features();
    const int n = features.size();
    const Eigen::RowVectorXd w = first.W.row(unit);
    const double b = first.b(unit);
    std::array<double, learning::kFeatureCount> phi{};
    std::vector<double> out(g.size());
    for (int r = 0; r < g.rows; ++r) {
        for (int c = 0; c < g.cols; ++c) {
            features.map(g.xs[std::size_t(c)], g.ys[std::size_t(r)], phi.data());
            double net = 0.0; // in input order, the bias last (network.h, "Forward pass")
            for (int i = 0; i < n; ++i)
                net += w(i) * phi[std::size_t(i)];
            out[std::size_t(r) * std::size_t(g.cols) + std::size_t(c)] = net + b;
        }
    }
    return out;
}

std::optional<learning::LinearModel> firstLayerLine(const learning::Model& model, int unit)
{
    if (model.features() != learning::FeatureSet())
        return std::nullopt;
    const std::vector<learning::Layer> layers = model.layers();
    const learning::Layer& first = layers.front();
    if (unit < 0 || unit >= first.units())
        return std::nullopt;
    return learning::LinearModel{{first.W(unit, 0), first.W(unit, 1)}, first.b(unit)};
}

bool claims(double net, learning::ZeroConvention zero)
{
    return net > 0.0 || (net == 0.0 && zero == learning::ZeroConvention::Positive);
}

std::vector<char> unclaimedOrContested(const learning::Model& model, const SampleGrid& g)
{
    std::vector<char> out(g.size(), 0);
    if (model.kind() != learning::ModelKind::Linear || model.classes() < 3)
        return out;
    std::vector<int> claimed(g.size(), 0);
    for (int k = 0; k < model.classes(); ++k) {
        const std::vector<double> nets = firstLayerNets(model, g, k);
        for (std::size_t i = 0; i < nets.size(); ++i)
            claimed[i] += claims(nets[i], model.zero()) ? 1 : 0;
    }
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = claimed[i] != 1 ? 1 : 0;
    return out;
}

bool isOneVsRest(const learning::Model& model, learning::Multiclass multiclass)
{
    return model.kind() == learning::ModelKind::Linear && model.classes() > 2 &&
           multiclass == learning::Multiclass::OneVsRest;
}

} // namespace plab::render
