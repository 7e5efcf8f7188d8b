#pragma once

#include "io/project.h"
#include "learning/dataset.h"
#include "learning/linearmodel.h"
#include "learning/network.h"
#include "render/theme.h"
#include "render/viewtransform.h"

#include <Eigen/Core>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>
#include <vector>

class QPainter;

namespace plab::render {

/// What the hidden layer's view shows: the data as one hidden layer of a network sees it.
struct HiddenScene
{
    /// The network shown; nothing when the model is not a network.
    std::optional<learning::Network> network;
    learning::Dataset data;
    int layer = 0; ///< the hidden layer, 0 = the first
    int unitA = 0; ///< the unit on the horizontal axis (0-based, within the layer)
    int unitB = 1; ///< the unit on the vertical axis
};

/// The hidden layer's plane, computed from a HiddenScene: every point at (h_a, h_b), the
/// activations of the two chosen units, and the next layer in that plane.
///
/// **The next layer.** Each unit j of the layer after the shown one computes
/// net_j = sum_i W_ji h_i + b_j. In the plane of (h_a, h_b) that is
/// net_j = W_ja h_a + W_jb h_b + c_j with c_j = b_j + sum over the other units i of W_ji h_i.
/// - The layer has exactly two units: there are no other units, c_j = b_j, and the picture is
///   exact.
/// - It has more: the units not shown are *held at their mean activation over the data* (stated
///   in the view), so the line is a slice of the next layer's boundary, not the boundary every
///   point is judged by: a point's own other activations may put it on the other side.
/// - The next layer is the output layer with one unit (two classes): its line z = 0, the class-1
///   side (z > 0) and the class-0 side shaded in the classes' colours.
/// - The output layer with K units: the class regions argmax_k z_k in the plane, shaded.
/// - The next layer is hidden too (a deeper network): each of its units' lines net_j = 0,
///   labelled with the unit's name; the output's decision is no line in this plane, and the view
///   says so.
struct HiddenPlane
{
    /// Why there is no plane to show.
    enum class Absence
    {
        None,          ///< there is one
        NotNetwork,    ///< the model is not a network
        NoHiddenLayer, ///< a network without hidden layers (logistic or softmax regression)
    };
    /// What the next layer is, in the plane.
    enum class Next
    {
        OutputLine,    ///< the output unit of two classes: one line
        OutputRegions, ///< K output units: the class regions
        HiddenLines,   ///< another hidden layer: one line per unit
    };
    /// One unit of the next layer in the plane: net = wa h_a + wb h_b + c.
    struct Line
    {
        learning::LinearModel model; ///< (wa, wb) and c
        QString name;                ///< the unit's name (HiddenLines), else empty
    };

    Absence absence = Absence::NotNetwork;
    learning::Activation activation = learning::Activation::Tanh;
    int layer = 0;
    int units = 0; ///< units of the shown layer
    int unitA = 0;
    int unitB = 1;
    int classes = 2;
    Eigen::Matrix2Xd points; ///< (h_a, h_b) of every point, one column per point
    std::vector<int> labels; ///< the points' classes
    /// Per point: the network gives it another class than its label (ringed in red, as on the
    /// canvas). With a slice, this is what tells a point truly misclassified from one that only
    /// looks on the wrong side of the line.
    std::vector<char> wrong;
    io::ViewBox box; ///< the axes' ranges (see range())
    Next next = Next::OutputLine;
    std::vector<Line> lines; ///< the next layer's units, in order
    /// The units held (not shown) and their value, in order: empty when the layer has two units.
    std::vector<std::pair<int, double>> held;

    /// Computes the plane of \p scene (a layer or unit out of range is clamped into range).
    [[nodiscard]] static HiddenPlane of(const HiddenScene& scene);

    /// The range of an axis showing \p activation: tanh [-1, 1], sigmoid and step [0, 1], each
    /// with a margin of 8% of the span; ReLU and identity from \p values (0 included for ReLU),
    /// with the same margin (a single value: +/-1 around it; no values: [0, 1]).
    [[nodiscard]] static std::pair<double, double> range(learning::Activation activation,
                                                         const Eigen::VectorXd& values);
};

/// A unit's name as the views label it: "h1" ... "h16" in the first hidden layer, "h²1" in the
/// second, "h³1" in the third (\p layer 0-based, \p unit 0-based).
[[nodiscard]] QString hiddenUnitName(int layer, int unit);

/// Paints the hidden layer's view with QPainter alone, so the window's dock and its exports are
/// the same picture: a title, the plane with its ticks and the axis titles (the units' names),
/// the next layer's regions or lines, every point in its class's colour and shape at (h_a, h_b),
/// and under the plane what the picture is (exact, a projection, or a deeper layer's lines).
/// Without a network, one line says what the view is for.
class HiddenPainter
{
public:
    /// Where things go in a target rectangle.
    struct Layout
    {
        QRectF title;
        QRectF plot; ///< the plane: plane.box maps onto it
        QRectF notes;
        ViewTransform transform; ///< plane.box to plot, Aspect::Stretch
    };

    explicit HiddenPainter(Theme theme = Theme::light());

    /// The title above the plane ("Hidden layer 1 (2 units, tanh): h1 and h2").
    [[nodiscard]] static QString title(const HiddenPlane& plane);
    /// The lines under the plane: what the next layer is in this plane, and what is held.
    [[nodiscard]] static QStringList notes(const HiddenPlane& plane);
    /// The one line shown when there is no plane.
    [[nodiscard]] static QString absenceText(HiddenPlane::Absence absence);

    [[nodiscard]] Layout layout(const QRectF& target, const HiddenPlane& plane) const;
    /// The horizontal and vertical axes' ticks for a plot of this layout: as many as leave each
    /// label clear of the next (at most about five), so a small dock never writes
    /// "−1.0−0.5 0.0".
    [[nodiscard]] std::pair<Ticks, Ticks> ticks(const Layout& layout,
                                                const HiddenPlane& plane) const;
    void paint(QPainter& painter, const QRectF& target, const HiddenPlane& plane) const;

private:
    void paintAxes(QPainter& painter, const Layout& layout, const HiddenPlane& plane) const;
    void paintNext(QPainter& painter, const Layout& layout, const HiddenPlane& plane) const;
    void paintPoints(QPainter& painter, const Layout& layout, const HiddenPlane& plane) const;

    Theme m_theme;
};

} // namespace plab::render
