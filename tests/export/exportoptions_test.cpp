// Sizes, geometry and epoch lists: the pure parts of an export, as tables.

#include "export/exportoptions.h"
#include "export/framepainter.h"

#include <gtest/gtest.h>

#include <variant>

using namespace plab::exporting;

namespace {

struct SizeCase
{
    const char* text;
    bool valid;
    SizeSpec spec;
};

class SizeSpecTest : public ::testing::TestWithParam<SizeCase>
{};

TEST_P(SizeSpecTest, Parses)
{
    const SizeCase& c = GetParam();
    const auto parsed = parseSizeSpec(QString::fromUtf8(c.text));
    ASSERT_EQ(parsed.has_value(), c.valid) << c.text;
    if (c.valid)
        EXPECT_EQ(parsed.value(), c.spec) << c.text;
    else
        EXPECT_FALSE(parsed.error().isEmpty());
}

using Unit = SizeSpec::Unit;
INSTANTIATE_TEST_SUITE_P(
    Table, SizeSpecTest,
    ::testing::Values(SizeCase{"1920x1080", true, {1920, 1080, Unit::Pixels}},
                      SizeCase{" 800 x 600 ", true, {800, 600, Unit::Pixels}},
                      SizeCase{"800\u00d7600px", true, {800, 600, Unit::Pixels}},
                      SizeCase{"160x90mm", true, {160, 90, Unit::Millimetres}},
                      SizeCase{"16x9cm", true, {16, 9, Unit::Centimetres}},
                      SizeCase{"6.4x3.6in", true, {6.4, 3.6, Unit::Inches}},
                      SizeCase{"16:9", true, {1920, 1080, Unit::Pixels}},
                      SizeCase{"4:3", true, {1600, 1200, Unit::Pixels}},
                      SizeCase{"Square", true, {1080, 1080, Unit::Pixels}},
                      SizeCase{"0x600", false, {}}, SizeCase{"800", false, {}},
                      SizeCase{"800x600ft", false, {}}, SizeCase{"-800x600", false, {}},
                      SizeCase{"", false, {}}, SizeCase{"axb", false, {}}));

TEST(OutputGeometry, PixelSizesScaleAndKeepThePhysicalSize)
{
    const auto g = geometryFor({1920, 1080, Unit::Pixels}, 2.0).value();
    EXPECT_EQ(g.logical, QSizeF(1920, 1080));
    EXPECT_EQ(g.pixelSize(), QSize(3840, 2160));
    // 96 dpi x 2: a 2x image is as large on paper as the 1x one (20 x 11.25 in).
    EXPECT_DOUBLE_EQ(g.dpi, 192.0);
    EXPECT_DOUBLE_EQ(g.inches().width(), 20.0);
    EXPECT_DOUBLE_EQ(g.inches().height(), 11.25);
}

TEST(OutputGeometry, PhysicalSizesGetPixelsFromTheResolution)
{
    // 160 mm at 300 dpi = 1889.76 -> 1890 px; 90 mm -> 1062.99 -> 1063 px. Text keeps its
    // physical size: scale = 300 / 96, logical = pixels / scale.
    const auto g = geometryFor({160, 90, Unit::Millimetres}).value();
    EXPECT_DOUBLE_EQ(g.dpi, 300.0);
    EXPECT_EQ(g.pixelSize(), QSize(1890, 1063));
    EXPECT_DOUBLE_EQ(g.scale, 300.0 / 96.0);
    EXPECT_NEAR(g.logical.width(), 1890 * 96.0 / 300.0, 1e-9);
    EXPECT_NEAR(g.inches().width(), 1890 / 300.0, 1e-12);
}

TEST(OutputGeometry, RefusesSizesOutOfRange)
{
    EXPECT_FALSE(geometryFor({8, 600, Unit::Pixels}).has_value());
    EXPECT_FALSE(geometryFor({20000, 600, Unit::Pixels}).has_value());
    // 10000 px wide is allowed at 1x but not at 2x (20000 device pixels).
    EXPECT_TRUE(geometryFor({10000, 600, Unit::Pixels}).has_value());
    EXPECT_FALSE(geometryFor({10000, 600, Unit::Pixels}, 2.0).has_value());
    EXPECT_FALSE(geometryFor({800, 600, Unit::Pixels}, 9.0).has_value());
    EXPECT_FALSE(geometryFor({800, 600, Unit::Pixels}, {}, 5.0).has_value());
}

struct EpochCase
{
    const char* text;
    int last;
    std::vector<int> epochs; ///< empty: an error
};

class EpochListTest : public ::testing::TestWithParam<EpochCase>
{};

TEST_P(EpochListTest, Resolves)
{
    const EpochCase& c = GetParam();
    const auto parsed = parseEpochList(QString::fromUtf8(c.text), c.last);
    if (c.epochs.empty()) {
        ASSERT_FALSE(parsed.has_value()) << c.text;
        EXPECT_FALSE(parsed.error().contains(u'\n'));
        return;
    }
    ASSERT_TRUE(parsed.has_value()) << c.text << ": " << parsed.error().toStdString();
    EXPECT_EQ(parsed.value(), c.epochs) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Table, EpochListTest,
    ::testing::Values(EpochCase{"0,1,2,5,last", 7, {0, 1, 2, 5, 7}},
                      EpochCase{"all", 3, {0, 1, 2, 3}}, EpochCase{"last", 4, {4}},
                      EpochCase{"2-4", 9, {2, 3, 4}}, EpochCase{"3-last", 5, {3, 4, 5}},
                      EpochCase{" 5 , last ", 5, {5}}, // duplicates dropped
                      EpochCase{"last,0", 2, {2, 0}},  // the order given is kept
                      EpochCase{"8", 7, {}}, EpochCase{"x", 7, {}}, EpochCase{"4-2", 7, {}},
                      EpochCase{"-1", 7, {}}, EpochCase{"1,,2", 7, {}}, EpochCase{"", 7, {}}));

TEST(StoryboardEpochs, ClassicChoiceWithinTheRun)
{
    EXPECT_EQ(storyboardEpochs(10), (std::vector<int>{0, 1, 2, 3, 5, 10}));
    EXPECT_EQ(storyboardEpochs(5), (std::vector<int>{0, 1, 2, 3, 5}));
    EXPECT_EQ(storyboardEpochs(3), (std::vector<int>{0, 1, 2, 3}));
    EXPECT_EQ(storyboardEpochs(0), (std::vector<int>{0}));
}

TEST(DefaultFontScale, GrowsWithTheSlideBeyondTheCanvas)
{
    EXPECT_DOUBLE_EQ(defaultFontScale({1920, 1080}, ExportLayout::Single), 1.5);
    EXPECT_DOUBLE_EQ(defaultFontScale({1280, 720}, ExportLayout::Single), 1.0);
    EXPECT_DOUBLE_EQ(defaultFontScale({960, 540}, ExportLayout::Animation), 1.0);
    EXPECT_DOUBLE_EQ(defaultFontScale({1600, 1200}, ExportLayout::Pages), 1.25);
    EXPECT_DOUBLE_EQ(defaultFontScale({3840, 2160}, ExportLayout::Single), 2.0);
    // A storyboard's text grows with the slide too (it was 9-pixel digits at 1920 x 1080).
    EXPECT_DOUBLE_EQ(defaultFontScale({1920, 1080}, ExportLayout::Storyboard), 1.25);
    EXPECT_DOUBLE_EQ(defaultFontScale({1280, 720}, ExportLayout::Storyboard), 1.0);
    EXPECT_DOUBLE_EQ(defaultFontScale({3840, 2160}, ExportLayout::Storyboard), 2.0);
}

ExportOptions storyboardOn(QSizeF logical, int columns = 0)
{
    ExportOptions o;
    o.layout = ExportLayout::Storyboard;
    o.geometry.logical = logical;
    o.theme.fontScale = defaultFontScale(logical, o.layout);
    o.columns = columns;
    return o;
}

TEST(StoryboardLimit, PanelsStayReadableOrTheExportIsRefused)
{
    for (const QSizeF page : {QSizeF(1920, 1080), QSizeF(1280, 720), QSizeF(1600, 1200),
                              QSizeF(3840, 2160), QSizeF(800, 450)}) {
        const ExportOptions o = storyboardOn(page);
        const int most = maxStoryboardPanels(o);
        SCOPED_TRACE(most);
        // The classic choice (six panels) fits every slide.
        if (page.width() >= 1280.0) {
            EXPECT_GE(most, 6);
        }
        // At the limit, the grid the painter chooses gives every panel at least the minimum.
        const QSizeF minimum = minimumPanelContent(o.theme);
        const double caption = storyboardCaptionHeight(o.theme);
        const QSizeF inner = page - QSizeF(2, 2) * kStoryboardMargin;
        for (const double aspect : {1.0, 1.6}) {
            const QSize grid = FramePainter::storyboardGrid(most, inner, aspect, caption);
            const double w = (inner.width() - (grid.width() - 1) * kStoryboardGap) / grid.width();
            const double h =
                (inner.height() - (grid.height() - 1) * kStoryboardGap) / grid.height();
            // The largest content of the aspect in the cell is at least the minimum's.
            const double content = std::min(w, (h - caption) * aspect);
            EXPECT_GE(content + 1e-6, std::min(minimum.width(), minimum.height() * aspect));
        }
        EXPECT_FALSE(storyboardProblem(o, std::size_t(most)));
        const auto problem = storyboardProblem(o, std::size_t(most) + 1);
        ASSERT_TRUE(problem);
        EXPECT_EQ(problem->option, u"epochs");
        // It names the limit and the page.
        EXPECT_TRUE(problem->message.contains(QString::number(most)))
            << problem->message.toStdString();
        EXPECT_TRUE(problem->message.contains(QString::number(page.width())));
    }
    // 100 panels on a slide: refused (they were 4-pixel slivers).
    EXPECT_TRUE(storyboardProblem(storyboardOn({1920, 1080}), 100));
    // Larger text needs larger panels.
    ExportOptions big = storyboardOn({1920, 1080});
    big.theme.fontScale = 2.0;
    EXPECT_LT(maxStoryboardPanels(big), maxStoryboardPanels(storyboardOn({1920, 1080})));
    // Too many columns for the width.
    const auto columns = storyboardProblem(storyboardOn({1920, 1080}, 12), 4);
    ASSERT_TRUE(columns);
    EXPECT_EQ(columns->option, u"columns");
    EXPECT_FALSE(storyboardProblem(storyboardOn({1920, 1080}, 3), 4));
}

TEST(ExportNames, RoundTripAndCompatibility)
{
    for (ExportFormat f :
         {ExportFormat::Png, ExportFormat::Svg, ExportFormat::Pdf, ExportFormat::Gif})
        EXPECT_EQ(exportFormatFromName(name(f)), f);
    for (ExportLayout l : {ExportLayout::Single, ExportLayout::Storyboard, ExportLayout::Frames,
                           ExportLayout::Pages, ExportLayout::Animation})
        EXPECT_EQ(exportLayoutFromName(name(l)), l);
    for (TableFormat t : {TableFormat::Csv, TableFormat::Markdown, TableFormat::Latex})
        EXPECT_EQ(tableFormatFromName(name(t)), t);
    EXPECT_FALSE(exportFormatFromName(u"jpeg"));
    EXPECT_TRUE(isCompatible(ExportFormat::Svg, ExportLayout::Storyboard));
    EXPECT_TRUE(isCompatible(ExportFormat::Pdf, ExportLayout::Pages));
    EXPECT_FALSE(isCompatible(ExportFormat::Png, ExportLayout::Pages));
    EXPECT_FALSE(isCompatible(ExportFormat::Gif, ExportLayout::Single));
    EXPECT_FALSE(isCompatible(ExportFormat::Png, ExportLayout::Animation));
}

} // namespace
