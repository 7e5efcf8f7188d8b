#pragma once

#include "io/project.h"
#include "learning/model.h"
#include "learning/settings.h"
#include "render/theme.h"

#include <QColor>
#include <QImage>
#include <QLineF>
#include <QRectF>
#include <QString>

#include <optional>
#include <vector>

class QPainter;

namespace plab::render {

/// A feature as every picture and panel writes it: x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂.
[[nodiscard]] QString featureSymbol(learning::Feature feature);
/// The model as every picture and panel names it, translated and with featureSymbol()s: "2-1,
/// linear", "2-4-1 network, tanh", "2-1, linear on x₁², x₂²" (not the headless program's ASCII
/// ModelShape::description(), "2-1, linear on x1^2, x2^2").
[[nodiscard]] QString modelDescription(const learning::ModelShape& shape);
/// The parameter count written out with ×: "(2 + 1) × 4 + (4 + 1) × 1 = 17".
[[nodiscard]] QString parameterFormula(const learning::ModelShape& shape);

/// A thing in the network picture that can be pointed at.
struct NetworkItem
{
    enum class Kind
    {
        Unit,   ///< a node: an input (column 0), a hidden unit or an output unit
        Weight, ///< the connection W(unit, input) of a layer
        Bias,   ///< the bias b(unit) of a layer
    };
    Kind kind = Kind::Unit;
    /// Unit: its column (0 = the inputs, l = the units of layer l). Weight, Bias: the layer of
    /// parameters, 0 = the first (it joins column layer to column layer + 1).
    int layer = 0;
    int unit = 0;  ///< Unit: the node in its column; Weight, Bias: the receiving unit (a row of W)
    int input = 0; ///< Weight: the sending node in the previous column (a column of W)

    [[nodiscard]] static NetworkItem node(int column, int unit)
    {
        return {Kind::Unit, column, unit};
    }
    [[nodiscard]] static NetworkItem weight(int layer, int unit, int input)
    {
        return {Kind::Weight, layer, unit, input};
    }
    [[nodiscard]] static NetworkItem bias(int layer, int unit) { return {Kind::Bias, layer, unit}; }

    friend bool operator==(const NetworkItem&, const NetworkItem&) = default;
};

/// What the network picture shows.
struct NetworkScene
{
    learning::Model model; ///< any model: a linear one is the network without hidden layers
    io::ViewBox view;      ///< the part of the plane each unit's small picture covers
    /// The output units decide rather than give probabilities (NetworkPainter::outputDecides():
    /// a linear model trained by the perceptron family or Adaline): their pictures and titles
    /// show the decision (a step for two classes, the argmax for K), not sigma or softmax.
    bool outputDecides = false;
    std::optional<NetworkItem> highlighted; ///< drawn with a ring (hovered, or being edited)
};

/// Each unit's output over the view, as small images: pictures[column][unit].
using UnitPictures = std::vector<std::vector<QImage>>;

/// Paints a model as a network with QPainter alone, so the window's panel and any export draw the
/// same picture. The inputs (the model's features) on the left, then each hidden layer, then the
/// output units (1 for two classes, K otherwise). Each connection is a line coloured by the sign
/// of its weight and as wide as its magnitude (the widest line is the largest |parameter|, as the
/// note under the picture says); each bias is a short line of the same scale into the bottom of
/// its unit from a "+1" dot. Each node shows its own output over the view: the feature's value,
/// a hidden unit's activation, an output unit's probability (sigma(z) for two classes, the
/// softmax p_k for K), computed with core (Network::hiddenActivations(), Model::probabilities()),
/// or, where the output decides (NetworkScene::outputDecides), the class it decides
/// (Model::decide()).
class NetworkPainter
{
public:
    /// Where things go in a target rectangle.
    struct Layout
    {
        std::vector<std::vector<QRectF>> nodes; ///< per column, per unit: the node's square
        std::vector<QRectF> titles;             ///< per column: its title above the nodes
        QRectF note;                            ///< the scale note under the picture
        double node = 0.0;                      ///< a node's side
        double pitch = 0.0;                     ///< the distance between nodes of a column
        double stub = 0.0;                      ///< a bias line's length
        double maxWidth = 1.0;                  ///< the widest line (the largest |parameter|)
        bool unitNames = true;                  ///< room for the hidden units' names
    };

    explicit NetworkPainter(Theme theme = Theme::light());

    [[nodiscard]] const Theme& theme() const { return m_theme; }

    [[nodiscard]] Layout layout(const QRectF& target, const learning::ModelShape& shape) const;
    /// The line of a weight: from the sending node's right edge to the receiving node's left edge.
    [[nodiscard]] static QLineF weightLine(const Layout& layout, int layer, int unit, int input);
    /// The line of a bias: from its "+1" dot up to the bottom of its unit.
    [[nodiscard]] static QLineF biasLine(const Layout& layout, int layer, int unit);
    /// The item under \p pos (nodes first, then biases, then the nearest connection within a few
    /// pixels), or nothing. A linear model without a bias has no bias items.
    [[nodiscard]] static std::optional<NetworkItem>
    itemAt(const Layout& layout, const learning::ModelShape& shape, QPointF pos);

    /// The images of every node of the scene's model, \p size x \p size samples over its view
    /// (row 0 at the top, view.yMax). Exact core arithmetic at each sample's centre.
    [[nodiscard]] UnitPictures pictures(const NetworkScene& scene, int size) const;
    /// Whether \p model's output units decide rather than give probabilities when trained by
    /// \p rule: a linear model of the perceptron family or Adaline (their scores are not
    /// probabilities; model.h, "Decisions"). Networks and logistic regression give probabilities.
    [[nodiscard]] static bool outputDecides(const learning::Model& model, learning::Rule rule);
    /// The sample count pictures() should use for nodes of this layout's size.
    [[nodiscard]] static int pictureSize(const Layout& layout);

    /// Paints the scene; with \p pictures (from pictures() of the same model and view) the nodes'
    /// images are not computed again.
    void paint(QPainter& painter, const QRectF& target, const NetworkScene& scene,
               const UnitPictures* pictures = nullptr) const;

    /// Paints only the scene's highlighted item (its ring or its line with a halo) over a paint()
    /// of the same scene without one: what a panel repaints when only the mouse moved.
    void paintHighlight(QPainter& painter, const QRectF& target, const NetworkScene& scene) const;

    /// The largest |weight| or |bias| of the model (0 when all are 0): the widest line's value.
    [[nodiscard]] static double largestMagnitude(const learning::Model& model);
    /// A line's width for \p value when the largest magnitude \p largest is drawn \p maxWidth wide.
    [[nodiscard]] static double lineWidth(double value, double largest, double maxWidth);
    /// The colour of a positive or negative parameter in this theme.
    [[nodiscard]] QColor signColour(double value) const;

    /// The name of a node: "x₁", "x₁²", "sin x₂" for inputs, "h₃" for a hidden unit (with several
    /// hidden layers "h(2)₃"), "out" for the one output unit, "out₂" for class 2's.
    [[nodiscard]] static QString nodeName(const learning::ModelShape& shape, int column, int unit);
    /// A parameter's name: "w(1) h₂←x₁", "b(2) out".
    [[nodiscard]] static QString parameterName(const learning::ModelShape& shape,
                                               const NetworkItem& item);
    /// A parameter's value in the model (a Weight or Bias item).
    [[nodiscard]] static double parameterValue(const learning::Model& model,
                                               const NetworkItem& item);
    /// A column's title: "Inputs", "Hidden: tanh", "Output: σ", or where the output decides
    /// "Output: step" (two classes) or "Output: argmax".
    [[nodiscard]] static QString columnTitle(const learning::ModelShape& shape, int column,
                                             bool outputDecides = false);
    /// The scale note: "widest line: |w| = 3.2".
    [[nodiscard]] static QString scaleNote(double largest);

private:
    void paintLines(QPainter& painter, const Layout& layout, const NetworkScene& scene,
                    double largest) const;
    void paintNodes(QPainter& painter, const Layout& layout, const NetworkScene& scene,
                    const UnitPictures& pictures) const;
    void paintHighlight(QPainter& painter, const Layout& layout, const NetworkScene& scene,
                        double largest) const;
    void paintTexts(QPainter& painter, const Layout& layout, const NetworkScene& scene,
                    double largest) const;

    Theme m_theme;
};

} // namespace plab::render
