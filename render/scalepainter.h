#pragma once

#include "learning/model.h"
#include "learning/scale.h"
#include "render/theme.h"

#include <QRectF>
#include <QString>
#include <QStringList>

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

class QPainter;

namespace plab::render {

/// What the "How big is this model?" picture shows: the current model and its run, and what is
/// known of this machine's rate. The reference models come from learning::referenceModels().
struct ScaleScene
{
    learning::ModelShape shape; ///< the current model
    learning::SampleCost cost;  ///< of one visit of it (learning::sampleCost())
    std::int64_t samples = 0;   ///< N, the points of the current data
    std::int64_t epochs = 0;    ///< the epochs the run has made so far
    std::int64_t updates = 0;   ///< the updates it made (the perceptron family's mistakes)
    std::optional<learning::RateMeasurement> rate; ///< this machine's, once measured
    bool measuring = false;                        ///< a measurement is running

    /// The run's operations: learning::trainingMultiplyAdds() of the above.
    [[nodiscard]] double multiplyAdds() const;
};

/// One of the picture's three measures.
enum class ScaleMeasure
{
    Parameters, ///< trainable parameters, 10^0 .. 10^12
    Data,       ///< training data in bytes, 10^0 .. 10^12
    Compute,    ///< training compute in FLOPs, 10^0 .. 10^24
};
inline constexpr std::array kScaleMeasures{ScaleMeasure::Parameters, ScaleMeasure::Data,
                                           ScaleMeasure::Compute};

/// Paints the ladder of models with QPainter alone, so the window's view and its PNG, SVG and
/// PDF exports are the same picture: one row per model (the reference models and the current
/// one, in order of parameter count, the current one highlighted), three logarithmic panels side
/// by side (parameters, data, compute) with a bar per known figure from 10^0 to its value and the
/// value written out, and below them the current run's arithmetic: its operations, this
/// machine's measured rate and how long GPT-3's training compute would take at that rate.
class ScalePainter
{
public:
    /// A row of the picture.
    struct Row
    {
        QString name;    ///< "GPT-3 (2020)", "This model"
        QString detail;  ///< a second line: what it is, or the current model's shape
        QString formula; ///< the current model's parameter count written out (a third line)
        std::array<std::optional<double>, 3> values; ///< per ScaleMeasure; empty: not reported
        bool current = false;
    };

    /// Where things go in a target rectangle.
    struct Layout
    {
        QRectF title;
        std::vector<QRectF> rows;   ///< one per row, full width
        std::array<QRectF, 3> axes; ///< per ScaleMeasure: the span from 10^0 to the top decade
        QRectF footer;
        double nameWidth = 0.0;
    };

    explicit ScalePainter(Theme theme = Theme::light());

    /// The rows of \p scene, smallest model first; the current model after the reference models
    /// with as many parameters or fewer.
    [[nodiscard]] static std::vector<Row> rows(const ScaleScene& scene);
    /// The top decade of \p measure's axis (12, 12, 24).
    [[nodiscard]] static int topDecade(ScaleMeasure measure);
    /// The x of \p value on an axis spanning \p axis from 10^0 to 10^topDecade; values below 1
    /// at its left end, above the top at its right end.
    [[nodiscard]] static double xOf(double value, const QRectF& axis, ScaleMeasure measure);
    /// "10" with \p exponent in superscript digits: "10⁰", "10¹²".
    [[nodiscard]] static QString powerOfTen(int exponent);
    /// A value for people: whole numbers below 10^4 ("9", "1160"), then "3.14 × 10²³", "10¹²".
    [[nodiscard]] static QString scientific(double value);
    /// Bytes with a decimal unit: "68 B", "47 MB", "570 GB".
    [[nodiscard]] static QString bytes(double value);
    /// The lines under the panels (the run's operations, the rate, GPT-3 at that rate, sources).
    [[nodiscard]] static QStringList footerLines(const ScaleScene& scene);

    [[nodiscard]] Layout layout(const QRectF& target, const ScaleScene& scene) const;
    void paint(QPainter& painter, const QRectF& target, const ScaleScene& scene) const;

private:
    void paintAxis(QPainter& painter, const Layout& layout, ScaleMeasure measure) const;
    void paintRow(QPainter& painter, const Layout& layout, std::size_t index, const Row& row) const;

    Theme m_theme;
};

} // namespace plab::render
