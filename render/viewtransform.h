#pragma once

#include "io/project.h"
#include "learning/dataset.h"
#include "learning/linearmodel.h"

#include <Eigen/Core>
#include <QLineF>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <optional>
#include <vector>

namespace plab::render {

/// How a ViewBox is fitted into a pixel rectangle whose shape differs from the box's.
enum class Aspect
{
    /// One world unit is as many pixels along x1 as along x2; the box is centred and widened along
    /// one axis to fill the rectangle. Angles are true, so w is drawn at a right angle to the
    /// boundary. The default.
    Equal,
    /// The box fills the rectangle exactly; the axes have different scales.
    Stretch,
};

/// Maps world (data) coordinates to pixels and back for one view box shown in one rectangle.
/// Pixel y grows downwards, world x2 upwards. Cheap to copy; build a new one when either changes.
///
/// With Aspect::Equal the box actually shown, effectiveView(), contains the requested box and has
/// the rectangle's aspect ratio. toPixel() and toWorld() are exact inverses up to rounding.
class ViewTransform
{
public:
    ViewTransform() = default;
    /// An invalid \p view (see io::ViewBox::isValid()) or an empty \p pixels rectangle gives a
    /// transform that maps the default ViewBox into a 1 x 1 rectangle, so callers never divide by
    /// zero.
    ViewTransform(const io::ViewBox& view, const QRectF& pixels, Aspect aspect = Aspect::Equal);

    [[nodiscard]] QPointF toPixel(const Eigen::Vector2d& world) const;
    [[nodiscard]] QPointF toPixel(double x1, double x2) const;
    [[nodiscard]] Eigen::Vector2d toWorld(const QPointF& pixel) const;
    /// A world-space vector (a direction or displacement) in pixels (y flipped, scaled).
    [[nodiscard]] QPointF vectorToPixel(const Eigen::Vector2d& v) const;
    /// A pixel displacement in world units.
    [[nodiscard]] Eigen::Vector2d vectorToWorld(const QPointF& d) const;

    /// The box actually shown (equal to the requested one with Aspect::Stretch).
    [[nodiscard]] const io::ViewBox& effectiveView() const { return m_view; }
    [[nodiscard]] const QRectF& pixelRect() const { return m_pixels; }
    [[nodiscard]] double pixelsPerUnitX() const { return m_sx; }
    [[nodiscard]] double pixelsPerUnitY() const { return m_sy; }

    friend bool operator==(const ViewTransform&, const ViewTransform&) = default;

private:
    io::ViewBox m_view;
    QRectF m_pixels{0.0, 0.0, 1.0, 1.0};
    double m_sx = 0.5; ///< pixels per world unit along x1
    double m_sy = 0.5; ///< pixels per world unit along x2
};

/// The box scaled by 1 / \p factor about \p anchor (factor > 1 zooms in). The anchor keeps its
/// relative position, so the world point under the cursor stays under the cursor. Pure geometry:
/// the result may break the view rule (io::ViewBox::isValid()); io::clampedView() brings
/// it back, and Document::setView() does so for every view it is given.
[[nodiscard]] io::ViewBox zoomed(const io::ViewBox& view, const Eigen::Vector2d& anchor,
                                 double factor);
/// The box moved by \p delta world units (pure geometry, as zoomed()).
[[nodiscard]] io::ViewBox panned(const io::ViewBox& view, const Eigen::Vector2d& delta);

/// Axis ticks on the 1-2-5 ladder: every multiple of `step` inside [lo, hi].
struct Ticks
{
    double step = 1.0;
    std::vector<double> values;
    /// Digits after the decimal point that tell neighbouring ticks apart (0 for step >= 1).
    int decimals = 0;
};

/// The value of the form {1, 2, 5} x 10^k nearest to \p x (x > 0) on a log scale (the geometric
/// midpoints of the rungs decide): the one 1-2-5 ladder of every axis and of the arrows' scale.
[[nodiscard]] double nearestRung(double x);

/// The step of the form {1, 2, 5} x 10^k that gives about \p target ticks across [lo, hi]
/// (never more than 2 x target + 1), and the ticks themselves. Values within step * 1e-9 of zero
/// are exactly 0.
[[nodiscard]] Ticks niceTicks(double lo, double hi, int target = 6);
/// A tick label: \p value with ticks.decimals digits (never "-0"), a typographic minus (U+2212),
/// and exponent notation when |value| >= 1e6 or the step is below 1e-4.
[[nodiscard]] QString formatTick(double value, const Ticks& ticks);

/// The part of a model's boundary w1 x1 + w2 x2 + b = 0 inside a box, in world coordinates.
struct LineClip
{
    enum class Kind
    {
        NoLine,  ///< w = 0 (or not finite): there is no boundary line
        Inside,  ///< `segment` is the visible part (vertical and horizontal lines included)
        Outside, ///< the line misses the box; `towards` and `distance` say where it is
    };
    Kind kind = Kind::NoLine;
    QLineF segment; ///< world coordinates, endpoints on the box's border (Inside only)
    /// The point of the line closest to the box's centre (Inside and Outside).
    Eigen::Vector2d closest = Eigen::Vector2d::Zero();
    /// Unit vector from the box's centre towards the line (Outside; also set for Inside).
    Eigen::Vector2d towards = Eigen::Vector2d::Zero();
    /// Distance from the box's centre to the line, in world units.
    double distance = 0.0;
};

/// Clips the boundary of \p model to \p box. A line touching only a corner counts as Inside with a
/// zero-length segment.
[[nodiscard]] LineClip clipBoundary(const learning::LinearModel& model, const io::ViewBox& box);

/// The polygon (world coordinates, 0 to 5 corners) of the part of \p box where
/// sign(w.x + b) == \p side (side = +1 or -1). Used to shade the half-planes.
[[nodiscard]] std::vector<Eigen::Vector2d> halfPlaneInBox(const learning::LinearModel& model,
                                                          const io::ViewBox& box, int side);

} // namespace plab::render
