#pragma once

#include "learning/dataset.h"
#include "learning/settings.h"

#include <optional>

namespace plab::io {

/// The one rule for a view (ViewBox::isValid()), shared by the project files and the window.
/// Every bound within +/-kMaxViewCoordinate: room for points at +/-learning::kMaxCoordinate with
/// generous margins around them.
inline constexpr double kMaxViewCoordinate = 1e12;
/// Each span at least this times the largest of 1 and the magnitudes of its ends. Doubles carry
/// about 16 significant digits, so such a span still holds ~10^6 distinct values: enough for
/// pixels and tick labels to stay apart.
inline constexpr double kMinRelativeViewSpan = 1e-9;

/// The part of the world a plot shows, in data coordinates.
struct ViewBox
{
    double xMin = -0.5;
    double xMax = 1.5;
    double yMin = -0.5;
    double yMax = 1.5;

    /// Every bound finite and within +/-kMaxViewCoordinate, xMin < xMax and yMin < yMax, each
    /// span at least kMinRelativeViewSpan times the largest of 1 and the magnitudes of its ends.
    [[nodiscard]] bool isValid() const;
    friend bool operator==(const ViewBox&, const ViewBox&) = default;
};

/// The valid box nearest to \p box, axis by axis: a span wider than the whole range (an infinite
/// one included) becomes the whole range, +/-kMaxViewCoordinate; a box beyond the range is moved
/// back inside it with its span kept; a span too small to resolve is widened about its centre.
/// Swapped bounds are put in order. A valid box comes back unchanged. Nothing when a bound is NaN.
[[nodiscard]] std::optional<ViewBox> clampedView(const ViewBox& box);

/// A box framing every point with \p margin (a fraction of the data's extent, at least 0.5 world
/// units around a single point or a degenerate extent), clamped to the view rule. The default
/// ViewBox for empty data.
[[nodiscard]] ViewBox fitToData(const learning::Dataset& data, double margin = 0.12);

/// Everything a user made: the points, every training setting (seed and initial weights
/// included) and the view. Saved as a project file (JSON, see projectfile.h).
struct Project
{
    learning::Dataset data;
    learning::TrainingSettings settings;
    ViewBox view;
    /// The timeline position the user was looking at (epoch), if any.
    std::optional<int> epoch;

    friend bool operator==(const Project&, const Project&) = default;
};

} // namespace plab::io
