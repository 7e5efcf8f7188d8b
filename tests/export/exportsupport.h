#pragma once

// Shared by the export tests: the AND run every test draws, and its hand-computed trace.

#include "export/exportsource.h"
#include "io/project.h"
#include "learning/dataset.h"
#include "learning/settings.h"

#include <memory>

namespace plab::test {

/// AND in file order (0,0)->0, (0,1)->0, (1,0)->0, (1,1)->1.
inline learning::Dataset andData()
{
    return learning::Dataset({{{0, 0}, 0}, {{0, 1}, 0}, {{1, 0}, 0}, {{1, 1}, 1}});
}

/// The textbook perceptron from zero weights, learning rate 1, net = 0 -> class 1. By hand it
/// converges after 5 epochs at w = (2, 1), b = -3; the epoch snapshots are
///   epoch 0: w (0, 0)  b  0    epoch 1: w (1, 1)  b  0    epoch 2: w (2, 1)  b -1
///   epoch 3: w (2, 1)  b -2    epoch 4: w (2, 2)  b -2    epoch 5: w (2, 1)  b -3
/// (It stops by the zero-errors convention; the default rule would add a mistake-free epoch 6.)
inline std::shared_ptr<const exporting::ExportSource> andSource()
{
    const io::ViewBox view{-0.5, 1.5, -0.5, 1.5};
    learning::TrainingSettings settings;
    settings.perceptronStop = learning::PerceptronStop::ZeroErrors;
    return std::make_shared<const exporting::ExportSource>(
        exporting::trainedSource(andData(), settings, view));
}

} // namespace plab::test
