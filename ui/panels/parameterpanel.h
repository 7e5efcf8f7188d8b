#pragma once

#include "learning/metrics.h"
#include "learning/model.h"
#include "learning/records.h"
#include "learning/settings.h"

#include <QString>
#include <QWidget>

#include <array>
#include <cstdint>
#include <optional>

class QLabel;

namespace plab::ui {

/// \p value with \p decimals decimals and a true minus sign (U+2212). Always a decimal point,
/// whatever the locale: the vectors around these numbers use commas as separators. Values too
/// small or too large for fixed notation are written in scientific notation, so a non-zero
/// number never reads as 0.00.
[[nodiscard]] QString formatNumber(double value, int decimals = 2);

/// The learning rate as typed, e.g. "1.0", "0.1", "0.001".
[[nodiscard]] QString formatRate(double learningRate);

/// The decision boundary with its numbers, e.g. "1.00·x₁ + 2.00·x₂ − 1.00 = 0"
/// (without a bias: "1.00·x₁ + 2.00·x₂ = 0").
[[nodiscard]] QString boundaryEquation(const learning::LinearModel& model, bool useBias);

/// The update of one sample visit written out as arithmetic with every number filled in, one
/// line per line of working, adapted to the rule:
///  - perceptron, pocket, averaged: w ← w + η·(t − y)·x, t and y in {0, 1};
///  - Adaline: w ← w + η·(t − net)·x, t in {−1, +1};
///  - logistic: w ← w + η·(t − p)·x with p = σ(net), t in {0, 1}.
/// Batch mode accumulates the term instead of applying it, and says so.
[[nodiscard]] QString updateArithmetic(const learning::StepRecord& step, learning::Rule rule,
                                       learning::GradientMode mode, bool useBias);

/// Everything the parameter panel shows for one timeline position.
struct ParameterState
{
    learning::LinearModel model;
    learning::Rule rule = learning::Rule::Perceptron;
    learning::GradientMode gradientMode = learning::GradientMode::Online;
    bool useBias = true;
    /// The sample visit shown, if the timeline is on one.
    std::optional<learning::StepRecord> step;
    /// The timeline is on a sample visit: `model` is the working weights after it (for the
    /// pocket and averaged rules the epoch's answer is another set of weights).
    bool atVisit = false;
    /// Weight updates since the start ("mistakes so far" for the perceptron family).
    std::int64_t mistakes = 0;
    /// Points `model` misclassifies under the zero convention.
    int errors = 0;
    /// Present for linearly separable data (the numbers of the convergence theorem).
    std::optional<learning::ConvergenceReadout> readout;
    /// The run started from w = 0, b = 0, as the theorem's mistake bound assumes.
    bool startedFromZero = true;

    /// The model shown when it is not the classic one: a linear model on other features or with
    /// K classes, or a network. Then `model`, `useBias` and `readout` are unused: the panel shows
    /// the model's layers as matrices and a visit written out by modeltext.h.
    std::optional<learning::Model> general;
    /// How a linear model of the perceptron family learns K > 2 classes.
    learning::Multiclass multiclass = learning::Multiclass::Kesler;
};

/// Large, readable parameters: w1, w2, b, the parameter count, the boundary equation, the last
/// update as arithmetic and, for separable data, the margin, R and the mistake bound next to the
/// mistakes made so far. For any other model: its description and parameter count, each layer's
/// W and b as a small matrix, and the last sample visit written out (modeltext.h).
class ParameterPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ParameterPanel(QWidget* parent = nullptr);

    void setState(const ParameterState& state);
    [[nodiscard]] const ParameterState& state() const { return m_state; }

    /// The texts shown, for tests and exports.
    [[nodiscard]] QString equationText() const;
    [[nodiscard]] QString updateText() const;
    [[nodiscard]] QString readoutText() const;
    /// The layers of a model other than the classic one as text (empty for the classic model).
    [[nodiscard]] QString matricesText() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyFonts();
    void retranslateUi();
    void showMatrices();

    ParameterState m_state;
    QLabel* m_w1 = nullptr;
    QLabel* m_w2 = nullptr;
    QLabel* m_b = nullptr;
    std::array<QLabel*, 3> m_names{}; ///< "w₁", "w₂", "b"
    QLabel* m_count = nullptr;
    QLabel* m_which = nullptr; ///< which weights these are (pocket, averaged, working)
    QLabel* m_equation = nullptr;
    QLabel* m_equationTitle = nullptr;
    QLabel* m_updateTitle = nullptr;
    QLabel* m_update = nullptr;
    QLabel* m_readoutTitle = nullptr;
    QLabel* m_readout = nullptr;
    QWidget* m_classic = nullptr;  ///< w₁, w₂, b
    QWidget* m_matrices = nullptr; ///< any other model's layers
};

} // namespace plab::ui
