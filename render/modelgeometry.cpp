#include "render/modelgeometry.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <unordered_map>

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
    if (model.kind() == learning::ModelKind::Network) {
        // Step units answer 0 or 1, so the output's net takes a few fixed values (lesson 4's
        // OR / NAND / AND: -1.5, -0.5 or 0.5) and sigma of it is a decision's echo, not a
        // probability: drawn as the perceptron's decisions are.
        const learning::ModelShape& shape = model.shape();
        return !shape.hidden.empty() && shape.activation == learning::Activation::Step
                   ? RegionStyle::Flat
                   : RegionStyle::Heat;
    }
    return rule == learning::Rule::Logistic ? RegionStyle::Heat : RegionStyle::Flat;
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
    // Non-negative, so adding 1/2 and truncating rounds to nearest.
    const auto mix = [&](int u, int o) { return int(u + (o - u) * alpha + 0.5); };
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

/// The cell's edges.
enum class Edge
{
    Top,
    Right,
    Bottom,
    Left
};

/// Marching squares over the cells between the samples. \p region(c, r) is the region (sign or
/// class) of sample (c, r); \p cut(a, b) the fraction of the way from sample a to sample b (given
/// as (c, r) pairs) where the region changes, a function of the edge alone so that the two cells
/// of an edge share its crossing exactly; \p centreLikeTopLeft(c, r) whether a saddle's centre
/// belongs to its top left corner's region. Nothing is stored per sample: a frame's grid has
/// some 10^5 of them.
template <typename Region, typename Cut, typename CentreLikeTopLeft>
std::vector<QLineF> marchingSquares(const SampleGrid& g, Region region, Cut cut,
                                    CentreLikeTopLeft centreLikeTopLeft)
{
    const auto lerp = [&](int c0, int r0, int c1, int r1) {
        const double t = cut(c0, r0, c1, r1);
        const Eigen::Vector2d a = g.at(c0, r0);
        const Eigen::Vector2d b = g.at(c1, r1);
        return QPointF(a.x() + (b.x() - a.x()) * t, a.y() + (b.y() - a.y()) * t);
    };
    const auto crossing = [&](int c, int r, Edge edge) {
        switch (edge) {
        case Edge::Top:
            return lerp(c, r, c + 1, r);
        case Edge::Right:
            return lerp(c + 1, r, c + 1, r + 1);
        case Edge::Bottom:
            return lerp(c, r + 1, c + 1, r + 1);
        case Edge::Left:
            break;
        }
        return lerp(c, r, c, r + 1);
    };
    std::vector<QLineF> out;
    for (int r = 0; r + 1 < g.rows; ++r) {
        for (int c = 0; c + 1 < g.cols; ++c) {
            const auto tl = region(c, r), tr = region(c + 1, r);
            const auto br = region(c + 1, r + 1), bl = region(c, r + 1);
            if (tl == tr && tr == br && br == bl)
                continue;
            std::array<Edge, 4> cuts{};
            int n = 0;
            if (tl != tr)
                cuts[std::size_t(n++)] = Edge::Top;
            if (tr != br)
                cuts[std::size_t(n++)] = Edge::Right;
            if (bl != br)
                cuts[std::size_t(n++)] = Edge::Bottom;
            if (tl != bl)
                cuts[std::size_t(n++)] = Edge::Left;
            if (n == 2) {
                out.emplace_back(crossing(c, r, cuts[0]), crossing(c, r, cuts[1]));
            } else if (n == 4 && tl == br && tr == bl) {
                // A saddle of two regions: the centre's region joins two opposite corners.
                const QPointF top = crossing(c, r, Edge::Top);
                const QPointF right = crossing(c, r, Edge::Right);
                const QPointF bottom = crossing(c, r, Edge::Bottom);
                const QPointF left = crossing(c, r, Edge::Left);
                if (centreLikeTopLeft(c, r)) {
                    out.emplace_back(top, right);
                    out.emplace_back(bottom, left);
                } else {
                    out.emplace_back(top, left);
                    out.emplace_back(right, bottom);
                }
            } else if (n >= 3) {
                // Three or four regions meet: every cut joins the cell's centre.
                const QPointF centre((g.xs[std::size_t(c)] + g.xs[std::size_t(c) + 1]) / 2,
                                     (g.ys[std::size_t(r)] + g.ys[std::size_t(r) + 1]) / 2);
                for (int i = 0; i < n; ++i)
                    out.emplace_back(crossing(c, r, cuts[std::size_t(i)]), centre);
            }
        }
    }
    return out;
}

/// Where a - t (a - b) = 0 between a and b of opposite sides (one of them may be 0).
double zeroBetween(double a, double b)
{
    const double t = a / (a - b);
    return std::isfinite(t) ? std::clamp(t, 0.0, 1.0) : 0.5;
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
    return marchingSquares(
        g, positive,
        [&](int c0, int r0, int c1, int r1) { return zeroBetween(value(c0, r0), value(c1, r1)); },
        [&](int c, int r) {
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
    const auto decision = [&](int c, int r) -> const learning::Decision& {
        return decisions[std::size_t(r) * std::size_t(g.cols) + std::size_t(c)];
    };
    const auto cls = [&](int c, int r) { return decision(c, r).cls; };
    if (model.classes() == 2) {
        // The score z: sigma(|z|) is the confidence and z > 0 the class 1 side, so z is the
        // signed logit of the confidence (clamped where it saturates: only its sign matters
        // there). Computed only where the class changes.
        const auto z = [&](int c, int r) {
            const learning::Decision& d = decision(c, r);
            const double p = std::clamp(d.confidence, 0.5, 1.0 - 1e-15);
            const double logit = std::log(p / (1.0 - p));
            // Class 1 at exactly z = 0 (ZeroConvention::Positive): just on the positive side.
            return d.cls == 1 ? std::max(logit, 1e-300) : -logit;
        };
        return marchingSquares(
            g, cls,
            [&](int c0, int r0, int c1, int r1) { return zeroBetween(z(c0, r0), z(c1, r1)); },
            [&](int c, int r) {
                const double mean = (z(c, r) + z(c + 1, r) + z(c, r + 1) + z(c + 1, r + 1)) / 4;
                return (mean > 0.0) == (cls(c, r) == 1);
            });
    }
    // Where the exact decision leaves the class of sample 0 on the way to sample 1.
    const auto bisect = [&](int c0, int r0, int c1, int r1) {
        const Eigen::Vector2d a = g.at(c0, r0);
        const Eigen::Vector2d b = g.at(c1, r1);
        const int from = cls(c0, r0);
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
    return marchingSquares(g, cls, bisect, [&](int c, int r) {
        const Eigen::Vector2d centre = (g.at(c, r) + g.at(c + 1, r + 1)) / 2;
        return model.decide(centre).cls == cls(c, r);
    });
}

std::vector<std::vector<QPointF>> polylines(const std::vector<QLineF>& segments)
{
    // The segments at each end point, by the point's exact bits.
    struct Key
    {
        double x, y;
        bool operator==(const Key&) const = default;
    };
    struct Hash
    {
        std::size_t operator()(const Key& k) const
        {
            return std::hash<double>()(k.x) * 31 + std::hash<double>()(k.y);
        }
    };
    std::unordered_map<Key, std::vector<std::size_t>, Hash> at;
    at.reserve(segments.size() * 2);
    for (std::size_t i = 0; i < segments.size(); ++i) {
        at[{segments[i].x1(), segments[i].y1()}].push_back(i);
        at[{segments[i].x2(), segments[i].y2()}].push_back(i);
    }
    std::vector<char> used(segments.size(), 0);
    // The unused segment at \p p other than none, and its other end.
    const auto next = [&](const QPointF& p, QPointF* other) -> std::optional<std::size_t> {
        for (const std::size_t i : at[{p.x(), p.y()}]) {
            if (used[i])
                continue;
            *other = segments[i].p1() == p ? segments[i].p2() : segments[i].p1();
            return i;
        }
        return std::nullopt;
    };
    std::vector<std::vector<QPointF>> out;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        if (used[i])
            continue;
        used[i] = 1;
        std::vector<QPointF> forward{segments[i].p1(), segments[i].p2()};
        QPointF other;
        while (const std::optional<std::size_t> j = next(forward.back(), &other)) {
            used[*j] = 1;
            forward.push_back(other);
        }
        std::vector<QPointF> backward;
        QPointF end = forward.front();
        while (const std::optional<std::size_t> j = next(end, &other)) {
            used[*j] = 1;
            backward.push_back(other);
            end = other;
        }
        std::reverse(backward.begin(), backward.end());
        backward.insert(backward.end(), forward.begin(), forward.end());
        out.push_back(std::move(backward));
    }
    return out;
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
