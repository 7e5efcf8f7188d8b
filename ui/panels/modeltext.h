#pragma once

#include "learning/model.h"
#include "learning/records.h"
#include "learning/settings.h"

#include <Eigen/Core>
#include <QString>
#include <QStringList>

#include <vector>

/// \file
/// The parameter panel's texts for every model but the classic one (whose texts are in
/// parameterpanel.h): its parameters as one small matrix per layer, and a sample visit written
/// out with the numbers of the core's StepRecord. Pure functions, testable without widgets.
///
/// **Names.** The inputs are the features (x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂). A network's
/// hidden units are h₁, h₂, ... (with the layer as a superscript, h⁽²⁾₁, when there is more than
/// one hidden layer), their nets net₁, net₂, ...; the output's net is z and its probability p
/// (for K classes z₀ ... z_(K−1) and p₀ ... p_(K−1), numbered as the classes are). A weight is
/// named after what it connects, w(x₁→h₁), a bias after its unit, b(h₁). A linear model's units
/// are z (two classes) or z₀ ... z_(K−1), one per class.

namespace plab::ui {

/// One layer of a model as a small matrix: one row per unit, one column per input and a last
/// column for the bias.
struct LayerMatrix
{
    QString title;          ///< e.g. "layer 1: x₁, x₂ → h₁ … h₄ (12 parameters)"
    QStringList columns;    ///< the inputs' names, then "b"
    QStringList rows;       ///< the units' names
    Eigen::MatrixXd values; ///< rows × columns: W, then b as the last column
};

/// The layers of \p model, first to last.
[[nodiscard]] std::vector<LayerMatrix> layerMatrices(const learning::Model& model);

/// The model in two lines: its description, and its parameter count written out
/// ("2-2-1 network, tanh", "9 parameters: (2 + 1) × 2 + (2 + 1) × 1 = 9"; the inputs are named
/// when they are not x₁, x₂: "2-1, linear on x₁², x₂²").
[[nodiscard]] QString modelSummary(const learning::ModelShape& shape);

/// The matrices as plain text (one line per row), for tests, copying and screen readers.
[[nodiscard]] QString matricesText(const std::vector<LayerMatrix>& matrices);

/// A network's sample visit written out, one quantity per line: the forward pass (each unit's
/// net, the sum written out for the first layer and for small layers, and its activation; the
/// output's net and probability), the loss, the backward pass (each delta), and what the visit
/// did: each parameter's change Δ = −η·δ·a and its new value (online), or the gradient δ·a the
/// sample adds to its mini-batch and, when the batch closes, each parameter's step −η·G/m.
/// \p step must carry a trace (StepRecord::trace) of a network of \p shape.
[[nodiscard]] QString networkStepText(const learning::StepRecord& step,
                                      const learning::ModelShape& shape);

/// A linear model's sample visit (any model but the classic one: features, K classes): each
/// unit's net, the predicted class, each unit's factor e_k (StepRecord::unitErrors) as the rule
/// defines it, and each unit's update w_k ← w_k + η·e_k·φ(x) with the recorded change.
[[nodiscard]] QString linearStepText(const learning::StepRecord& step,
                                     const learning::ModelShape& shape, learning::Rule rule,
                                     learning::Multiclass multiclass, learning::GradientMode mode);

} // namespace plab::ui
