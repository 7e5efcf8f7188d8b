#pragma once

#include "learning/model.h"

#include <Eigen/Core>

#include <vector>

namespace plab::test {

/// Lesson 4's XOR network by hand (resources/examples/lesson-4-step.json): step units
/// h1 = OR (x1 + x2 - 0.5), h2 = NAND (-x1 - x2 + 1.5), out = AND (h1 + h2 - 1.5); class 1 on
/// the strip 0.5 <= x1 + x2 <= 1.5.
inline std::vector<learning::Layer> stepXorLayers()
{
    Eigen::MatrixXd hidden(2, 2);
    hidden << 1, 1, -1, -1;
    Eigen::MatrixXd out(1, 2);
    out << 1, 1;
    return {learning::Layer{hidden, Eigen::Vector2d(-0.5, 1.5)},
            learning::Layer{out, Eigen::VectorXd::Constant(1, -1.5)}};
}

inline learning::ModelShape stepXorShape()
{
    learning::ModelShape shape;
    shape.kind = learning::ModelKind::Network;
    shape.hidden = {2};
    shape.activation = learning::Activation::Step;
    return shape;
}

inline learning::Model stepXor()
{
    return learning::Model(stepXorShape(), stepXorLayers());
}

} // namespace plab::test
