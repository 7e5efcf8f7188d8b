// The model panel in the real window (issue 13, "Editing the shape"): each change of the shape is
// one undo step named after it that the panel follows back, a perceptron on (x1, x2, x1 x2)
// separates XOR, a network of step units is refused by Train with core's reason, and the panel
// follows a project's settings.
#include "editor/document.h"
#include "io/validationtext.h"
#include "learning/generators.h"
#include "support/windowtest.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/panels/modelpanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontMetrics>
#include <QLabel>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>
#include <QUndoStack>
#include <gtest/gtest.h>

using namespace plab;
using namespace plab::ui;
using namespace Qt::StringLiterals;
using plab::test::waitFor;

namespace {

class WindowModel : public plab::test::WindowTest
{
protected:
    [[nodiscard]] ModelPanel* panel() const { return m_window->modelPanel(); }
    template <class T>
    [[nodiscard]] T* field(const QString& name) const
    {
        T* found = panel()->findChild<T*>(name);
        EXPECT_NE(found, nullptr) << name.toStdString();
        return found;
    }
    [[nodiscard]] QString total() const { return field<QLabel>(u"totalCount"_s)->text(); }
    [[nodiscard]] QString undoText() const { return action("actionUndo")->text().remove(u'&'); }
    void generate(learning::Generator generator)
    {
        QSignalSpy changed(playback(), &editor::Playback::historyChanged);
        m_window->generate(generator, learning::GeneratorParams{});
        ASSERT_TRUE(waitFor(changed, [this] { return playback()->shownModel().has_value(); }));
    }
};

} // namespace

TEST_F(WindowModel, ThePanelIsATabOfTheControls)
{
    auto* tabs = m_window->findChild<QTabWidget*>(u"controlTabs"_s);
    ASSERT_NE(tabs, nullptr);
    ASSERT_EQ(tabs->count(), 2);
    EXPECT_EQ(tabs->tabText(1), u"Model"_s);
    EXPECT_TRUE(tabs->widget(1)->isAncestorOf(panel()));
}

TEST_F(WindowModel, AddingAUnitIsOneUndoStepThatThePanelFollowsBack)
{
    auto* kind = field<QComboBox>(u"modelKind"_s);
    kind->setCurrentIndex(kind->findData(int(learning::ModelKind::Network)));
    ASSERT_EQ(document()->settings().model, learning::ModelKind::Network);
    ASSERT_EQ(document()->settings().hidden, std::vector<int>{4});
    // The classic perceptron starts from zeros; the network does not, and the step says so.
    EXPECT_EQ(undoText(), u"Undo Change model to Network (initial weights: random)"_s);
    EXPECT_EQ(document()->settings().init, learning::InitKind::Random);
    EXPECT_TRUE(statusMessage().contains(u"random"_s)) << statusMessage().toStdString();
    // ... in a line that a 1280 x 720 window's status bar shows whole: under Xvfb it showed the
    // first wording only up to about 790 pixels ("... would comp"), left of the class counts.
    EXPECT_LT(QFontMetrics(m_window->statusBar()->font()).horizontalAdvance(statusMessage()), 780)
        << statusMessage().toStdString();
    EXPECT_TRUE(total().contains(u"= 17"_s)) << total().toStdString();

    const int steps = document()->undoStack()->count();
    auto* units = field<QSpinBox>(u"units1"_s);
    units->setFocus();
    QTest::keyClick(units, Qt::Key_Up);
    EXPECT_EQ(document()->settings().hidden, std::vector<int>{5});
    EXPECT_EQ(document()->undoStack()->count(), steps + 1);
    EXPECT_EQ(undoText(), u"Undo Set the units of hidden layer 1 to 5"_s);
    // (2 + 1) x 5 + (5 + 1) x 1 = 21
    EXPECT_TRUE(total().contains(u"(2 + 1) × 5 + (5 + 1) × 1 = 21"_s)) << total().toStdString();

    action("actionUndo")->trigger();
    EXPECT_EQ(document()->settings().hidden, std::vector<int>{4});
    EXPECT_EQ(units->value(), 4);
    EXPECT_TRUE(total().contains(u"(2 + 1) × 4 + (4 + 1) × 1 = 17"_s)) << total().toStdString();
    action("actionUndo")->trigger();
    EXPECT_EQ(document()->settings().model, learning::ModelKind::Linear);
    EXPECT_EQ(document()->settings().init, learning::InitKind::Zeros);
    EXPECT_EQ(kind->currentData().toInt(), int(learning::ModelKind::Linear));
    EXPECT_FALSE(field<QWidget>(u"addLayer"_s)->isEnabled());
    action("actionRedo")->trigger();
    action("actionRedo")->trigger();
    EXPECT_EQ(field<QSpinBox>(u"units1"_s)->value(), 5);
}

TEST_F(WindowModel, APerceptronOnX1X2WithTheProductSeparatesXor)
{
    generate(learning::Generator::Xor);
    field<QCheckBox>(u"feature_x1x2"_s)->click();
    EXPECT_EQ(undoText(), u"Undo Turn feature x₁x₂ on"_s);
    EXPECT_EQ(learning::parameterCount(document()->settings()), 4);
    EXPECT_TRUE(total().contains(u"(3 + 1) × 1 = 4"_s)) << total().toStdString();

    QSignalSpy changed(playback(), &editor::Playback::historyChanged);
    ASSERT_TRUE(waitFor(changed, [this] { return playback()->shownModel().has_value(); }));
    QSignalSpy running(playback(), &editor::Playback::runningChanged);
    action("actionTrain")->trigger();
    ASSERT_TRUE(waitFor(running, [this] { return !playback()->isRunning(); }));
    const auto last = history().latestEpoch();
    EXPECT_EQ(last.status, learning::TrainingStatus::Converged);
    EXPECT_EQ(last.errors, 0);
    // The model shown is the perceptron on (x1, x2, x1 x2), and it classifies every point.
    ASSERT_TRUE(playback()->shownModel().has_value());
    EXPECT_EQ(playback()->shownModel()->parameterCount(), 4);
    EXPECT_EQ(playback()->shownModel()->errors(document()->data()), 0);
}

TEST_F(WindowModel, StepUnitsAreRefusedByTrainWithCoresReason)
{
    auto* kind = field<QComboBox>(u"modelKind"_s);
    kind->setCurrentIndex(kind->findData(int(learning::ModelKind::Network)));
    auto* activation = field<QComboBox>(u"activation"_s);
    activation->setCurrentIndex(activation->findData(int(learning::Activation::Step)));
    EXPECT_EQ(document()->settings().activation, learning::Activation::Step);
    EXPECT_TRUE(undoText().startsWith(u"Undo Change activation to Step"_s))
        << undoText().toStdString();
    const QString reason = io::describeModelProblem(
        {learning::ModelSettingsError::Field::Activation, std::string_view()});
    EXPECT_TRUE(field<QLabel>(u"hiddenNote"_s)->text().contains(reason));

    m_window->generate(learning::Generator::Xor, learning::GeneratorParams{});
    QApplication::processEvents();
    action("actionTrain")->trigger();
    QApplication::processEvents();
    EXPECT_FALSE(playback()->isRunning());
    EXPECT_TRUE(statusLine().contains(reason, Qt::CaseInsensitive))
        << statusLine().toStdString() << " / " << statusMessage().toStdString();
}

TEST_F(WindowModel, ThePanelFollowsTheSettingsOfAProject)
{
    learning::TrainingSettings s;
    s.model = learning::ModelKind::Network;
    s.hidden = {3, 2};
    s.activation = learning::Activation::Relu;
    s.features = learning::FeatureSet::all();
    s.init = learning::InitKind::Random;
    s.batchSize = learning::kFullBatch;
    document()->setSettings(s); // as opening a project does
    EXPECT_EQ(field<QSpinBox>(u"units1"_s)->value(), 3);
    EXPECT_EQ(field<QSpinBox>(u"units2"_s)->value(), 2);
    EXPECT_TRUE(field<QCheckBox>(u"feature_sinx2"_s)->isChecked());
    EXPECT_EQ(field<QComboBox>(u"activation"_s)->currentData().toInt(),
              int(learning::Activation::Relu));
    // (7 + 1) x 3 + (3 + 1) x 2 + (2 + 1) x 1 = 24 + 8 + 3 = 35
    EXPECT_TRUE(total().contains(u"= 35"_s)) << total().toStdString();
    EXPECT_EQ(field<QComboBox>(u"batch"_s)->currentIndex(), 2);
}
