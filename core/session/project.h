#pragma once

#include "learning/dataset.h"
#include "learning/settings.h"

#include <optional>

namespace plab::session {

/// The part of the world a plot shows, in data coordinates.
struct ViewBox
{
    double xMin = -0.5;
    double xMax = 1.5;
    double yMin = -0.5;
    double yMax = 1.5;

    [[nodiscard]] bool isValid() const;
    friend bool operator==(const ViewBox&, const ViewBox&) = default;
};

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

} // namespace plab::session
