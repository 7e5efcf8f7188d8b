// The network panel on its own (ui/panels/networkpanel.h), driven with QTest offscreen: the
// tooltip of what is under the mouse (found by geometry), typing a weight or a bias, Esc, Tab,
// refused entries, the keyboard.
#include "editor/modeledits.h"
#include "i18n/language.h"
#include "learning/generators.h"
#include "learning/trainer.h"
#include "support/lessonmodels.h"
#include "ui/panels/networkpanel.h"

#include <QApplication>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>
#include <gtest/gtest.h>

#include <cmath>

using namespace plab;
using namespace plab::ui;
using render::NetworkItem;
using render::NetworkPainter;

namespace {

learning::Model tanh241()
{
    learning::ModelShape shape;
    shape.kind = learning::ModelKind::Network;
    shape.hidden = {4};
    Eigen::MatrixXd W1(4, 2);
    W1 << 1.5, -0.5, -2.0, 1.0, 0.3, 2.2, -1.1, -0.7;
    Eigen::MatrixXd W2(1, 4);
    W2 << 2.0, -1.5, 0.8, 3.2;
    return learning::Model(shape, {learning::Layer{W1, Eigen::Vector4d(0.1, -0.4, 0.9, 0.0)},
                                   learning::Layer{W2, Eigen::VectorXd::Constant(1, -0.3)}});
}

double distance(const QLineF& line, QPointF p)
{
    const QPointF d = line.p2() - line.p1();
    const double t =
        std::clamp(QPointF::dotProduct(p - line.p1(), d) / QPointF::dotProduct(d, d), 0.0, 1.0);
    const QPointF q = line.p1() + t * d;
    return std::hypot(p.x() - q.x(), p.y() - q.y());
}

/// A point on \p item's line that no other line comes within 4 pixels of.
QPoint pointOnly(const NetworkPainter::Layout& layout, const learning::ModelShape& shape,
                 const NetworkItem& item)
{
    const auto lineOf = [&](const NetworkItem& it) {
        return it.kind == NetworkItem::Kind::Bias
                   ? NetworkPainter::biasLine(layout, it.layer, it.unit)
                   : NetworkPainter::weightLine(layout, it.layer, it.unit, it.input);
    };
    std::vector<NetworkItem> all;
    const std::vector<int> sizes = shape.sizes();
    for (int l = 0; l + 1 < int(sizes.size()); ++l)
        for (int j = 0; j < sizes[std::size_t(l) + 1]; ++j) {
            all.push_back(NetworkItem::bias(l, j));
            for (int i = 0; i < sizes[std::size_t(l)]; ++i)
                all.push_back(NetworkItem::weight(l, j, i));
        }
    const QLineF line = lineOf(item);
    for (double t = 0.1; t < 0.95; t += 0.05) {
        const QPoint p = line.pointAt(t).toPoint();
        bool alone = true;
        for (const NetworkItem& other : all)
            if (!(other == item) && distance(lineOf(other), p) < 4.0)
                alone = false;
        if (alone)
            return p;
    }
    ADD_FAILURE() << "no point of its own";
    return {};
}

class NetworkPanelTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        panel.resize(640, 420);
        panel.setModel(tanh241(), io::ViewBox{-0.5, 1.5, -0.5, 1.5});
        learning::TrainingSettings settings;
        settings.model = learning::ModelKind::Network;
        settings.hidden = {4};
        settings.rule = learning::Rule::Logistic;
        panel.setSettings(settings);
        panel.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
    }

    QString tooltipAt(QPoint p)
    {
        QTest::mouseMove(&panel, p);
        QHelpEvent help(QEvent::ToolTip, p, panel.mapToGlobal(p));
        QApplication::sendEvent(&panel, &help);
        return QToolTip::text();
    }

    NetworkPanel panel;
};

TEST_F(NetworkPanelTest, HoverShowsTheValueOfTheConnectionUnderTheMouse)
{
    const auto layout = panel.currentLayout();
    const auto& shape = panel.model()->shape();
    // w(2) out←h₃ = 0.8 and w(1) h₂←x₁ = −2, found where they are drawn.
    const QString h3 = tooltipAt(pointOnly(layout, shape, NetworkItem::weight(1, 0, 2)));
    EXPECT_TRUE(h3.startsWith(QStringLiteral("w(2) out←h₃ = 0.8\n"))) << h3.toStdString();
    const QString x1 = tooltipAt(pointOnly(layout, shape, NetworkItem::weight(0, 1, 0)));
    EXPECT_TRUE(x1.startsWith(QStringLiteral("w(1) h₂←x₁ = −2\n"))) << x1.toStdString();
    const QString bias = tooltipAt(pointOnly(layout, shape, NetworkItem::bias(0, 2)));
    EXPECT_TRUE(bias.startsWith(QStringLiteral("b(1) h₃ = 0.9\n"))) << bias.toStdString();
    const QString unit = tooltipAt(layout.nodes[1][1].center().toPoint());
    EXPECT_TRUE(unit.contains(QStringLiteral("h₂"))) << unit.toStdString();
    EXPECT_TRUE(unit.contains(QStringLiteral("−0.4"))) << unit.toStdString();
}

TEST_F(NetworkPanelTest, TypingAWeightStartsFromTheShownModelWithThatValue)
{
    QSignalSpy edited(&panel, &NetworkPanel::settingsEdited);
    const auto layout = panel.currentLayout();
    QTest::mouseClick(&panel, Qt::LeftButton, {},
                      pointOnly(layout, panel.model()->shape(), NetworkItem::weight(0, 1, 0)));
    ASSERT_TRUE(panel.isEditing());
    EXPECT_EQ(panel.editor()->text(), QStringLiteral("−2"));
    panel.editor()->selectAll();
    QTest::keyClicks(panel.editor(), QStringLiteral("0.5"));
    QTest::keyClick(panel.editor(), Qt::Key_Return);
    ASSERT_EQ(edited.count(), 1);
    EXPECT_FALSE(panel.isEditing());
    const auto settings = edited.at(0).at(0).value<learning::TrainingSettings>();
    EXPECT_EQ(edited.at(0).at(1).toString(), QStringLiteral("Set w(1) h₂←x₁ to 0.5"));
    EXPECT_EQ(settings.init, learning::InitKind::Given);
    EXPECT_EQ(settings.rule, learning::Rule::Logistic);
    ASSERT_EQ(settings.initialLayers.size(), 2U);
    EXPECT_EQ(settings.initialLayers[0].W(1, 0), 0.5);
    // Every other parameter is the shown model's.
    auto expected = tanh241().layers();
    expected[0].W(1, 0) = 0.5;
    EXPECT_EQ(settings.initialLayers, expected);
    // The panel shows the new value at once.
    EXPECT_EQ(NetworkPainter::parameterValue(*panel.model(), NetworkItem::weight(0, 1, 0)), 0.5);
}

TEST_F(NetworkPanelTest, ClickingAUnitTypesItsBias)
{
    QSignalSpy edited(&panel, &NetworkPanel::settingsEdited);
    QTest::mouseClick(&panel, Qt::LeftButton, {},
                      panel.currentLayout().nodes[2][0].center().toPoint());
    ASSERT_TRUE(panel.isEditing());
    EXPECT_EQ(panel.editor()->text(), QStringLiteral("−0.3"));
    panel.editor()->setText(QStringLiteral("−1.5")); // the typographic minus is read too
    QTest::keyClick(panel.editor(), Qt::Key_Enter);
    ASSERT_EQ(edited.count(), 1);
    EXPECT_EQ(edited.at(0).at(0).value<learning::TrainingSettings>().initialLayers[1].b(0), -1.5);
    EXPECT_EQ(edited.at(0).at(1).toString(), QStringLiteral("Set b(2) out to −1.5"));
    // An input has no bias: clicking it opens nothing.
    QTest::mouseClick(&panel, Qt::LeftButton, {},
                      panel.currentLayout().nodes[0][0].center().toPoint());
    EXPECT_FALSE(panel.isEditing());
}

TEST_F(NetworkPanelTest, EscCancels)
{
    QSignalSpy edited(&panel, &NetworkPanel::settingsEdited);
    ASSERT_TRUE(panel.edit(NetworkItem::weight(1, 0, 3)));
    panel.editor()->setText(QStringLiteral("7"));
    QTest::keyClick(panel.editor(), Qt::Key_Escape);
    EXPECT_FALSE(panel.isEditing());
    EXPECT_FALSE(panel.editor()->isVisible());
    EXPECT_EQ(edited.count(), 0);
    EXPECT_EQ(*panel.model(), tanh241());
}

TEST_F(NetworkPanelTest, ANonFiniteOrOutOfRangeEntryIsRefusedWithAMessage)
{
    QSignalSpy edited(&panel, &NetworkPanel::settingsEdited);
    ASSERT_TRUE(panel.edit(NetworkItem::weight(0, 0, 1)));
    for (const QString& text :
         {QStringLiteral("inf"), QStringLiteral("nan"), QStringLiteral("-infinity"),
          QStringLiteral("abc"), QStringLiteral("2e9"), QStringLiteral("1e400"), QString()}) {
        panel.editor()->setText(text);
        QTest::keyClick(panel.editor(), Qt::Key_Return);
        EXPECT_TRUE(panel.isEditing()) << text.toStdString();
        EXPECT_FALSE(panel.refusal().isEmpty()) << text.toStdString();
        EXPECT_TRUE(
            panel.findChild<QLabel*>(QStringLiteral("networkParameterRefusal"))->isVisible());
    }
    EXPECT_TRUE(panel.refusal().contains(QStringLiteral("not a number")));
    panel.editor()->setText(QStringLiteral("inf"));
    QTest::keyClick(panel.editor(), Qt::Key_Return);
    EXPECT_TRUE(panel.refusal().contains(QStringLiteral("finite")))
        << panel.refusal().toStdString();
    panel.editor()->setText(QStringLiteral("2e9"));
    QTest::keyClick(panel.editor(), Qt::Key_Return);
    EXPECT_TRUE(panel.refusal().contains(QStringLiteral("±1e9"))) << panel.refusal().toStdString();
    if (const QString dir = qEnvironmentVariable("PLAB_NETWORK_SHOTS"); !dir.isEmpty())
        panel.grab().save(dir + QStringLiteral("/panel-refusal.png"));
    EXPECT_EQ(edited.count(), 0);
    // A good value then goes through, and the message is gone.
    panel.editor()->setText(QStringLiteral("1e9"));
    QTest::keyClick(panel.editor(), Qt::Key_Return);
    EXPECT_EQ(edited.count(), 1);
    EXPECT_TRUE(panel.refusal().isEmpty());
}

TEST_F(NetworkPanelTest, TabAppliesAndMovesOnAndTheKeyboardReachesEveryParameter)
{
    QSignalSpy edited(&panel, &NetworkPanel::settingsEdited);
    ASSERT_TRUE(panel.edit(NetworkItem::weight(0, 0, 0)));
    panel.editor()->setText(QStringLiteral("0.25"));
    QTest::keyClick(panel.editor(), Qt::Key_Tab);
    EXPECT_EQ(edited.count(), 1);
    ASSERT_TRUE(panel.isEditing());
    EXPECT_EQ(panel.editor()->text(), QStringLiteral("−0.5")); // w(1) h₁←x₂
    QTest::keyClick(panel.editor(), Qt::Key_Tab); // unchanged: moves on without an edit
    EXPECT_EQ(edited.count(), 1);
    EXPECT_EQ(panel.editor()->text(), QStringLiteral("0.1")); // b(1) h₁
    QTest::keyClick(panel.editor(), Qt::Key_Backtab);
    EXPECT_EQ(panel.editor()->text(), QStringLiteral("−0.5"));
    QTest::keyClick(panel.editor(), Qt::Key_Escape);
    EXPECT_FALSE(panel.isEditing());

    // From the panel itself: the arrows walk the parameters, Enter opens the field.
    panel.setFocus();
    EXPECT_EQ(panel.parameters().size(), 17U); // (2 + 1) x 4 + (4 + 1) x 1
    QTest::keyClick(&panel, Qt::Key_Home);
    for (int k = 0; k < 16; ++k)
        QTest::keyClick(&panel, Qt::Key_Down);
    QTest::keyClick(&panel, Qt::Key_Return);
    ASSERT_TRUE(panel.isEditing());
    EXPECT_EQ(panel.editor()->text(), QStringLiteral("−0.3")); // b(2) out, the last one
}

// docs/images/network-panel*.png and network-step*.png: the panel with a 2-4-1 tanh network
// trained on XOR (by core's Trainer) and with lesson 4's step network, in English and Japanese.
TEST(NetworkPanel, Screenshots)
{
    const QString folder = qEnvironmentVariable("PLAB_NETWORK_SHOTS");
    if (folder.isEmpty())
        GTEST_SKIP() << "set PLAB_NETWORK_SHOTS to a folder to write the screenshots";
    learning::TrainingSettings settings;
    settings.model = learning::ModelKind::Network;
    settings.hidden = {4};
    settings.learningRate = 0.5;
    settings.maxEpochs = 3000;
    settings.seed = 3;
    settings.init = learning::InitKind::Random;
    learning::Trainer trainer(learning::generate(learning::Generator::Xor, {}), settings);
    while (!trainer.finished())
        trainer.stepEpoch();
    ASSERT_EQ(trainer.answer().errors(trainer.data()), 0);

    NetworkPanel panel;
    panel.resize(620, 440);
    panel.show();
    const io::ViewBox view{-0.5, 1.5, -0.5, 1.5};
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("ja")}) {
        i18n::installTranslations(language);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
        const QString suffix = language == u"en" ? QString() : QStringLiteral("-ja");
        for (const auto& [model, name] :
             {std::pair{trainer.answer(), QStringLiteral("network-panel")},
              std::pair{test::stepXor(), QStringLiteral("network-step")}}) {
            panel.setModel(std::nullopt, view); // the pictures in this language
            panel.setModel(model, view);
            ASSERT_TRUE(panel.grab().save(folder + u'/' + name + suffix + u".png"));
        }
    }
    i18n::installTranslations(QStringLiteral("en"));
}

TEST(NetworkPanel, WithoutAModelSaysWhy)
{
    NetworkPanel panel;
    panel.resize(300, 200);
    EXPECT_FALSE(panel.edit(NetworkItem::weight(0, 0, 0)));
    const QImage image = panel.grab().toImage();
    EXPECT_FALSE(image.isNull());
    EXPECT_TRUE(panel.parameters().empty());
}

} // namespace
