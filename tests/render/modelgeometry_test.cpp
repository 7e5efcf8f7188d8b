#include "learning/network.h"
#include "render/modelgeometry.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace plab::render;
namespace learning = plab::learning;
using learning::Decision;
using learning::Layer;
using learning::Model;
using learning::ModelKind;
using learning::ModelShape;

namespace {

const plab::io::ViewBox kView{-2.0, 2.0, -1.5, 1.5};

Layer layer(Eigen::MatrixXd W, Eigen::VectorXd b)
{
    return Layer{std::move(W), std::move(b)};
}

/// A linear model of K classes on (x1, x2) with rows w_k and biases b_k.
Model linear(const Eigen::MatrixXd& W, const Eigen::VectorXd& b)
{
    ModelShape shape;
    shape.classes = int(W.rows()) == 1 ? 2 : int(W.rows());
    return Model(shape, {layer(W, b)});
}

/// A 2-2-1 network with the given hidden layer and output (v1, v2, c).
Model network221(const Eigen::Matrix2d& W, const Eigen::Vector2d& b, learning::Activation f)
{
    ModelShape shape;
    shape.kind = ModelKind::Network;
    shape.hidden = {2};
    shape.activation = f;
    Eigen::MatrixXd V(1, 2);
    V << 1.0, -1.0;
    return Model(shape, {layer(W, b), layer(V, Eigen::VectorXd::Constant(1, 0.25))});
}

double distanceToLine(const QPointF& p, const Eigen::Vector2d& w, double b)
{
    return std::abs(w.x() * p.x() + w.y() * p.y() + b) / w.norm();
}

} // namespace

TEST(ModelGeometry, SamplesAreCellCentresTopRowFirst)
{
    const SampleGrid g = sampleGrid(kView, 4, 3);
    ASSERT_EQ(g.size(), 12U);
    EXPECT_DOUBLE_EQ(g.xs[0], -1.5);
    EXPECT_DOUBLE_EQ(g.xs[3], 1.5);
    EXPECT_DOUBLE_EQ(g.ys[0], 1.0);
    EXPECT_DOUBLE_EQ(g.ys[2], -1.0);
}

TEST(ModelGeometry, RegionColourIsTheDecidedClassEverywhere)
{
    Eigen::MatrixXd W(3, 2);
    W << 1.0, 0.0, -1.0, 1.0, 0.0, -1.0;
    const Model model = linear(W, Eigen::Vector3d(0.1, 0.0, -0.2));
    const SampleGrid g = sampleGrid(kView, 40, 30);
    const std::vector<Decision> d = decideOn(model, g);
    const std::array<QColor, 3> colours{QColor(200, 0, 0), QColor(0, 160, 0), QColor(0, 0, 220)};
    RegionPalette palette;
    palette.classColors = colours;
    palette.background = Qt::white;
    palette.alpha = 255;
    const QImage image = regionImage(g, d, 3, RegionStyle::Flat, palette);
    ASSERT_EQ(image.size(), QSize(40, 30));
    for (int r = 0; r < g.rows; ++r)
        for (int c = 0; c < g.cols; ++c)
            ASSERT_EQ(image.pixelColor(c, r), colours[std::size_t(model.decide(g.at(c, r)).cls)])
                << c << ", " << r;
}

TEST(ModelGeometry, HeatFadesToTheBackgroundAtATie)
{
    EXPECT_EQ(regionStrength({1, 0.5}, 2, RegionStyle::Heat), 0.0);
    EXPECT_EQ(regionStrength({0, 1.0}, 2, RegionStyle::Heat), 1.0);
    EXPECT_NEAR(regionStrength({2, 0.5}, 4, RegionStyle::Heat), 1.0 / 3.0, 1e-12);
    EXPECT_EQ(regionStrength({1, 0.5}, 2, RegionStyle::Flat), 1.0);

    // A logistic-like model along x1: the tint is paler towards the boundary x1 = 0.
    Eigen::MatrixXd W(1, 2);
    W << 3.0, 0.0;
    const Model model = linear(W, Eigen::VectorXd::Zero(1));
    const SampleGrid g = sampleGrid(kView, 40, 3);
    const std::array<QColor, 2> colours{QColor(0, 0, 255), QColor(255, 0, 0)};
    RegionPalette palette;
    palette.classColors = colours;
    palette.background = Qt::white;
    palette.alpha = 255;
    const QImage image = regionImage(g, decideOn(model, g), 2, RegionStyle::Heat, palette);
    // Right half red, deeper towards the edge; next to the boundary nearly white.
    EXPECT_GT(image.pixelColor(20, 1).green(), 200);
    EXPECT_LT(image.pixelColor(39, 1).green(), image.pixelColor(25, 1).green());
    EXPECT_EQ(image.pixelColor(39, 1).red(), 255);
    EXPECT_EQ(image.pixelColor(0, 1).blue(), 255);
    EXPECT_LT(image.pixelColor(0, 1).red(), 10);
}

TEST(ModelGeometry, ZeroContourOfAnAffineFieldLiesOnItsLine)
{
    const Eigen::Vector2d w(0.7, -1.3);
    const double b = 0.2;
    const SampleGrid g = sampleGrid(kView, 37, 23);
    std::vector<double> v(g.size());
    for (int r = 0; r < g.rows; ++r)
        for (int c = 0; c < g.cols; ++c)
            v[std::size_t(r * g.cols + c)] = w.dot(g.at(c, r)) + b;
    const std::vector<QLineF> segments = zeroContour(g, v);
    ASSERT_GT(segments.size(), 20U);
    double length = 0.0;
    for (const QLineF& s : segments) {
        EXPECT_LT(distanceToLine(s.p1(), w, b), 1e-12);
        EXPECT_LT(distanceToLine(s.p2(), w, b), 1e-12);
        length += s.length();
    }
    // The whole line across the grid's samples, once.
    EXPECT_GT(length, 2.5);
    EXPECT_LT(length, 6.0);
}

TEST(ModelGeometry, TwoClassContourOfANetworkIsItsBoundary)
{
    // Hidden units h1 = tanh(x1 - 0.3), h2 = tanh(x2 + 0.2); output z = h1 - h2 + 0.25.
    Eigen::Matrix2d W;
    W << 1.0, 0.0, 0.0, 1.0;
    const Model model = network221(W, Eigen::Vector2d(-0.3, 0.2), learning::Activation::Tanh);
    const SampleGrid g = sampleGrid(kView, 200, 150);
    const std::vector<QLineF> segments = classContour(model, g, decideOn(model, g));
    ASSERT_GT(segments.size(), 100U);
    const double cell = (kView.xMax - kView.xMin) / g.cols;
    for (const QLineF& s : segments) {
        for (const QPointF& p : {s.p1(), s.p2()}) {
            // Walk across the point along x1: the class changes within a small part of a cell.
            const double z = model.scores({p.x(), p.y()})(0);
            const double slope = 1.0 - std::pow(std::tanh(p.x() - 0.3), 2);
            EXPECT_LT(std::abs(z) / std::max(slope, 0.05), 0.05 * cell) << p.x() << ", " << p.y();
        }
    }
}

TEST(ModelGeometry, KeslerContourLiesOnThePairwiseBorders)
{
    Eigen::MatrixXd W(3, 2);
    W << 1.0, 0.0, -1.0, 1.0, 0.0, -1.0;
    const Eigen::Vector3d b(0.1, 0.0, -0.2);
    const Model model = linear(W, b);
    const SampleGrid g = sampleGrid(kView, 160, 120);
    const std::vector<QLineF> segments = classContour(model, g, decideOn(model, g));
    ASSERT_GT(segments.size(), 100U);
    const double cell = (kView.xMax - kView.xMin) / g.cols;
    for (const QLineF& s : segments) {
        for (const QPointF& p : {s.p1(), s.p2()}) {
            // The two best scores tie at the border: a cut is at most the bisection's 1/16 of
            // an edge away from it, a junction of three regions (a cell's centre) half a
            // diagonal.
            const Eigen::VectorXd scores = model.scores({p.x(), p.y()});
            Eigen::Index a = 0;
            scores.maxCoeff(&a);
            Eigen::VectorXd others = scores;
            others(a) = -1e300;
            Eigen::Index second = 0;
            others.maxCoeff(&second);
            const double distance =
                (scores(a) - scores(second)) / (W.row(a) - W.row(second)).norm();
            const double fx = (p.x() - g.xs[0]) / cell;
            const double fy = (g.ys[0] - p.y()) / cell;
            const bool junction =
                std::abs(fx - std::round(fx)) > 0.49 && std::abs(fy - std::round(fy)) > 0.49;
            EXPECT_LT(distance, (junction ? 0.71 : 1.0 / 16) * cell) << p.x() << ", " << p.y();
        }
    }
}

TEST(ModelGeometry, FirstLayerLinesAndNets)
{
    Eigen::Matrix2d W;
    W << 2.0, -1.0, 0.5, 3.0;
    const Eigen::Vector2d b(0.25, -0.75);
    const Model model = network221(W, b, learning::Activation::Identity);
    ASSERT_EQ(firstLayerUnits(model), 2);
    for (int j = 0; j < 2; ++j) {
        const std::optional<learning::LinearModel> line = firstLayerLine(model, j);
        ASSERT_TRUE(line);
        EXPECT_EQ(line->w, Eigen::Vector2d(W.row(j).transpose()));
        EXPECT_EQ(line->b, b(j));
    }
    EXPECT_FALSE(firstLayerLine(model, 2));

    // With identity units the activations are the nets: compare with the core's hidden view.
    const SampleGrid g = sampleGrid(kView, 7, 5);
    Eigen::Matrix2Xd points(2, Eigen::Index(g.size()));
    for (int r = 0; r < g.rows; ++r)
        for (int c = 0; c < g.cols; ++c)
            points.col(r * g.cols + c) = g.at(c, r);
    const Eigen::MatrixXd h = model.network().hiddenActivations(points);
    for (int j = 0; j < 2; ++j) {
        const std::vector<double> nets = firstLayerNets(model, g, j);
        ASSERT_EQ(nets.size(), g.size());
        for (std::size_t i = 0; i < nets.size(); ++i)
            EXPECT_EQ(nets[i], h(j, Eigen::Index(i)));
    }

    // With a feature map there is no line in the plane.
    ModelShape shape = model.shape();
    shape.features = *learning::FeatureSet::of(
        {learning::Feature::X1, learning::Feature::X2, learning::Feature::X1Squared});
    Eigen::MatrixXd W3(2, 3);
    W3 << 1.0, 0.0, 1.0, 0.0, 1.0, 0.0;
    Eigen::MatrixXd V(1, 2);
    V << 1.0, 1.0;
    const Model curved(shape,
                       {layer(W3, Eigen::Vector2d(-1.0, 0.0)), layer(V, Eigen::VectorXd::Zero(1))});
    EXPECT_FALSE(firstLayerLine(curved, 0));
    // Unit 1 is x1 + x1^2 - 1: its zero set is x1 = (-1 +- sqrt 5) / 2.
    const SampleGrid fine = sampleGrid(kView, 100, 60);
    for (const QLineF& s : zeroContour(fine, firstLayerNets(curved, fine, 0))) {
        const double x = s.p1().x();
        EXPECT_LT(std::min(std::abs(x - (-1 + std::sqrt(5.0)) / 2),
                           std::abs(x - (-1 - std::sqrt(5.0)) / 2)),
                  0.01);
    }
}

TEST(ModelGeometry, OneVsRestAmbiguityWhereNoneOrSeveralUnitsClaim)
{
    // Unit 0 claims x1 > 0.5, unit 1 claims x1 < -0.5, unit 2 claims x2 > 0.
    Eigen::MatrixXd W(3, 2);
    W << 1.0, 0.0, -1.0, 0.0, 0.0, 1.0;
    const Model model = linear(W, Eigen::Vector3d(-0.5, -0.5, 0.0));
    const SampleGrid g = sampleGrid(kView, 40, 30);
    const std::vector<char> mask = unclaimedOrContested(model, g);
    ASSERT_EQ(mask.size(), g.size());
    for (int r = 0; r < g.rows; ++r) {
        for (int c = 0; c < g.cols; ++c) {
            const Eigen::Vector2d p = g.at(c, r);
            const int claimed = (p.x() > 0.5) + (p.x() < -0.5) + (p.y() > 0.0);
            EXPECT_EQ(mask[std::size_t(r * g.cols + c)] != 0, claimed != 1) << p.transpose();
        }
    }
    // Hatched only there, in the hatch colour's blend.
    const std::array<QColor, 3> colours{Qt::red, Qt::green, Qt::blue};
    RegionPalette palette;
    palette.classColors = colours;
    palette.background = Qt::white;
    palette.alpha = 255;
    palette.hatch = Qt::black;
    palette.hatchPeriod = 4;
    const QImage image = regionImage(g, decideOn(model, g), 3, RegionStyle::Flat, palette, mask);
    for (int r = 0; r < g.rows; ++r)
        for (int c = 0; c < g.cols; ++c)
            EXPECT_EQ(image.pixelColor(c, r) == QColor(Qt::black),
                      mask[std::size_t(r * g.cols + c)] && (c + r) % 4 == 0);

    EXPECT_TRUE(isOneVsRest(model, learning::Multiclass::OneVsRest));
    EXPECT_FALSE(isOneVsRest(model, learning::Multiclass::Kesler));
    EXPECT_TRUE(claims(0.0, learning::ZeroConvention::Positive));
    EXPECT_FALSE(claims(0.0, learning::ZeroConvention::Negative));
}

TEST(ModelGeometry, ContourSegmentsJoinIntoPolylines)
{
    // x1^2 + x2^2 - 1: one closed curve, so one closed polyline of all its segments.
    const SampleGrid g = sampleGrid(kView, 80, 60);
    std::vector<double> v(g.size());
    for (int r = 0; r < g.rows; ++r)
        for (int c = 0; c < g.cols; ++c)
            v[std::size_t(r * g.cols + c)] = g.at(c, r).squaredNorm() - 1.0;
    const std::vector<QLineF> segments = zeroContour(g, v);
    const std::vector<std::vector<QPointF>> lines = polylines(segments);
    ASSERT_EQ(lines.size(), 1U);
    EXPECT_EQ(lines[0].size(), segments.size() + 1);
    EXPECT_EQ(lines[0].front(), lines[0].back());

    // Two separate segments stay two.
    EXPECT_EQ(polylines({QLineF(0, 0, 1, 0), QLineF(2, 0, 3, 0)}).size(), 2U);
    // Joined in either direction.
    const auto joined = polylines({QLineF(1, 0, 2, 0), QLineF(0, 0, 1, 0), QLineF(3, 0, 2, 0)});
    ASSERT_EQ(joined.size(), 1U);
    EXPECT_EQ(joined[0].size(), 4U);
}
