// The "How big is this model?" picture: log positions, the rows' order, the texts it writes and
// the arithmetic it shows (render/scalepainter.h).
#include "learning/generators.h"
#include "render/scalepainter.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>
#include <gtest/gtest.h>

#include <cmath>

namespace plab::render {
namespace {

ScaleScene classicRun()
{
    ScaleScene scene;
    scene.cost = learning::sampleCost(scene.shape, learning::Rule::Perceptron, 1);
    scene.samples = 4;
    scene.epochs = 5;
    scene.updates = 11;
    return scene;
}

learning::ModelShape network(std::vector<int> hidden, int classes = 2)
{
    learning::ModelShape shape;
    shape.kind = learning::ModelKind::Network;
    shape.hidden = std::move(hidden);
    shape.classes = classes;
    return shape;
}

std::size_t currentRow(const std::vector<ScalePainter::Row>& rows)
{
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (rows[i].current)
            return i;
    return rows.size();
}

TEST(ScalePainter, PlacesValuesOnALogAxis)
{
    const QRectF axis(100.0, 0.0, 1200.0, 10.0);
    // 100 px a decade: log10(3) = 0.47712, log10(1.75e11) = 11.24304.
    EXPECT_NEAR(ScalePainter::xOf(3.0, axis, ScaleMeasure::Parameters), 147.712, 1e-3);
    EXPECT_NEAR(ScalePainter::xOf(175e9, axis, ScaleMeasure::Parameters), 1224.304, 1e-3);
    // Compute spans 24 decades: 50 px a decade; 3.14e23 is 23.49693 decades.
    EXPECT_NEAR(ScalePainter::xOf(3.14e23, axis, ScaleMeasure::Compute), 1274.847, 1e-3);
    EXPECT_EQ(ScalePainter::xOf(0.0, axis, ScaleMeasure::Data), 100.0);
    EXPECT_EQ(ScalePainter::xOf(1e15, axis, ScaleMeasure::Data), 1300.0);
}

TEST(ScalePainter, WritesNumbersForPeople)
{
    EXPECT_EQ(ScalePainter::powerOfTen(0), QStringLiteral("10⁰"));
    EXPECT_EQ(ScalePainter::powerOfTen(12), QStringLiteral("10¹²"));
    EXPECT_EQ(ScalePainter::scientific(3.14e23), QStringLiteral("3.14 × 10²³"));
    EXPECT_EQ(ScalePainter::scientific(175e9), QStringLiteral("1.75 × 10¹¹"));
    EXPECT_EQ(ScalePainter::scientific(9.9996e5), QStringLiteral("10⁶"));
    EXPECT_EQ(ScalePainter::scientific(1e12), QStringLiteral("10¹²"));
    EXPECT_EQ(ScalePainter::scientific(1160.0), QStringLiteral("1160"));
    EXPECT_EQ(ScalePainter::bytes(68.0), QStringLiteral("68 B"));
    EXPECT_EQ(ScalePainter::bytes(47'040'000.0), QStringLiteral("47 MB"));
    EXPECT_EQ(ScalePainter::bytes(570e9), QStringLiteral("570 GB"));
}

TEST(ScalePainter, PutsTheCurrentModelInItsPlaceOnTheLadder)
{
    ScaleScene scene = classicRun();
    std::vector<ScalePainter::Row> rows = ScalePainter::rows(scene);
    ASSERT_EQ(rows.size(), 8U);
    EXPECT_EQ(currentRow(rows), 1U); // after the perceptron, which also has 3
    EXPECT_EQ(rows[1].values[0], 3.0);
    EXPECT_EQ(rows[1].values[1], 68.0);     // 4 points of 17 bytes
    EXPECT_EQ(rows[1].values[2], 2.0 * 93); // 5 x 4 x 3 + 11 x 3 multiply-adds
    scene.shape = network({16});            // P = 65: after the XOR network
    EXPECT_EQ(currentRow(ScalePainter::rows(scene)), 2U);
    scene.shape = network({16, 16, 16}, 8); // P = 3 x 16 + 2 x 17 x 16 + 17 x 8 = 728
    rows = ScalePainter::rows(scene);
    EXPECT_EQ(currentRow(rows), 2U);
    EXPECT_EQ(rows[2].values[0], 728.0);
    EXPECT_TRUE(rows[3].name.startsWith(u"LeNet-5"));
    EXPECT_FALSE(rows[3].values[2].has_value()); // LeNet-5's compute: not reported
}

// The current model is named as the window names it (the Model tab's symbols, translated), not
// in the command line's ASCII ("2-1, linear on x1^2, x2^2", "(2 + 1) x 1 = 3").
TEST(ScalePainter, NamesTheCurrentModelAsTheWindowDoes)
{
    ScaleScene scene = classicRun();
    scene.shape.features =
        *learning::FeatureSet::of({learning::Feature::X1Squared, learning::Feature::X2Squared});
    const auto current = [&scene] {
        const std::vector<ScalePainter::Row> rows = ScalePainter::rows(scene);
        return rows.at(currentRow(rows));
    };
    EXPECT_EQ(current().detail.toStdString(), "2-1, linear on x₁², x₂²");
    EXPECT_EQ(current().formula.toStdString(), "(2 + 1) × 1 = 3");
    scene.shape = network({4});
    EXPECT_EQ(current().detail.toStdString(), "2-4-1 network, tanh");
    EXPECT_EQ(current().formula.toStdString(), "(2 + 1) × 4 + (4 + 1) × 1 = 17");
}

TEST(ScalePainter, ShowsTheRunsArithmeticAndGpt3AtTheMeasuredRate)
{
    ScaleScene scene = classicRun();
    QStringList lines = ScalePainter::footerLines(scene);
    EXPECT_TRUE(lines[0].contains(u"5 epochs × 4 points × 3 + 11 updates × 3 = 93 multiply-adds = "
                                  u"186 FLOPs"))
        << lines[0].toStdString();
    EXPECT_TRUE(lines[1].contains(u"not measured here"));
    EXPECT_EQ(lines.size(), 3); // no GPT-3 line without a rate

    scene.rate = learning::RateMeasurement{5e8, 1.0, 1000};
    lines = ScalePainter::footerLines(scene);
    EXPECT_TRUE(lines[1].contains(u"rate: 10⁹ FLOP/s")) << lines[1].toStdString();
    // 3.14e23 / 1e9 = 3.14e14 s; / 31 557 600 s = 9.95e6 years.
    EXPECT_TRUE(lines[2].contains(u"3.14 × 10²³ FLOPs ÷ 10⁹ FLOP/s = 3.14 × 10¹⁴ s; ÷ "
                                  u"3.16 × 10⁷ s a year = 9.95 × 10⁶ years"))
        << lines[2].toStdString();

    // A network online: 10 epochs over 4 points, one update a visit.
    scene.shape = network({2});
    scene.cost = learning::sampleCost(scene.shape, learning::Rule::Perceptron, 1);
    scene.epochs = 10;
    scene.updates = 0;
    lines = ScalePainter::footerLines(scene);
    EXPECT_TRUE(lines[0].contains(u"10 epochs × (4 points × 20 + 4 updates × 9) = 1160 "
                                  u"multiply-adds = 2320 FLOPs"))
        << lines[0].toStdString();
}

TEST(ScalePainter, PaintsBarsToTheirLogPositions)
{
    const ScalePainter painter(Theme::light());
    const ScaleScene scene = classicRun();
    QImage image(1280, 720, QImage::Format_RGB32);
    QPainter p(&image);
    painter.paint(p, QRectF(0, 0, 1280, 720), scene);
    p.end();
    const ScalePainter::Layout l = painter.layout(QRectF(0, 0, 1280, 720), scene);
    const auto rows = ScalePainter::rows(scene);
    ASSERT_EQ(l.rows.size(), rows.size());
    const QRectF& axis = l.axes[0];
    const QColor blue(0x00, 0x72, 0xB2);
    const QColor vermillion(0xD5, 0x5E, 0x00);
    // GPT-3 (row 6): its parameter bar ends at 1.75e11, the perceptron's (row 0) at 3.
    for (const auto& [row, value, colour] :
         {std::tuple{6, 175e9, blue}, std::tuple{0, 3.0, blue}, std::tuple{1, 3.0, vermillion}}) {
        const double x = ScalePainter::xOf(value, axis, ScaleMeasure::Parameters);
        const int y = int(l.rows[std::size_t(row)].center().y());
        EXPECT_EQ(image.pixelColor(int(x) - 2, y), colour) << row;
        EXPECT_NE(image.pixelColor(int(x) + 2, y), colour) << row;
    }
    // GPT-3's compute bar on the third axis.
    const double x = ScalePainter::xOf(3.14e23, l.axes[2], ScaleMeasure::Compute);
    EXPECT_EQ(image.pixelColor(int(x) - 2, int(l.rows[6].center().y())), blue);
}

TEST(ScalePainter, WritesItsLabelsAsText)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(QSize(1280, 720));
    svg.setViewBox(QRectF(0, 0, 1280, 720));
    QPainter p(&svg);
    ScalePainter(Theme::light()).paint(p, QRectF(0, 0, 1280, 720), classicRun());
    p.end();
    const QString text = QString::fromUtf8(buffer.data());
    for (const char16_t* label :
         {u"How big is this model?", u"Parameters", u"Training data (bytes)",
          u"Training compute (FLOPs)", u"10⁰", u"10¹²", u"10²⁴", u"This model", u"GPT-3 (2020)",
          u"LeNet-5 (1998)", u"1.75 × 10¹¹", u"570 GB", u"3.14 × 10²³", u"Brown et al. 2020"})
        EXPECT_TRUE(text.contains(QStringView(label))) << QString::fromUtf16(label).toStdString();
}

} // namespace
} // namespace plab::render
