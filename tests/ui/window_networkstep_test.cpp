// Step Sample on a network in the real window: the parameter panel writes out the numbers of the
// core's record. Each visit is compared with a learning::Trainer run on the same data and
// settings (training is deterministic, so its records are the window's, bit for bit).
#include "editor/document.h"
#include "io/numberformat.h"
#include "learning/trainer.h"
#include "steptextcheck.h"
#include "support/windowtest.h"
#include "ui/panels/parameterpanel.h"

#include <gtest/gtest.h>

using namespace plab;
using namespace Qt::StringLiterals;

namespace {

class WindowNetworkStep : public test::WindowTest
{
protected:
    /// A 2-2-1 tanh network from seeded random weights on XOR, the run started.
    void loadXorNetwork(int batchSize)
    {
        learning::TrainingSettings settings = document()->settings();
        settings.model = learning::ModelKind::Network;
        settings.hidden = {2};
        settings.activation = learning::Activation::Tanh;
        settings.learningRate = 0.5;
        settings.init = learning::InitKind::Random;
        settings.batchSize = batchSize;
        document()->setSettings(settings);
        QSignalSpy changed(playback(), &editor::Playback::historyChanged);
        m_window->generate(learning::Generator::Xor, learning::GeneratorParams{});
        ASSERT_TRUE(
            test::waitFor(changed, [this] { return playback()->shownModel().has_value(); }));
        ASSERT_EQ(playback()->shownModel()->kind(), learning::ModelKind::Network);
    }

    /// Steps one sample in the window; the record shown.
    const learning::StepRecord* stepSample()
    {
        const std::size_t before = playback()->position();
        if (!triggerAndWait("actionStepSample", [&] {
                return playback()->position() != before && history().isStep(playback()->position());
            }))
            return nullptr;
        presenter()->refreshNow();
        return history().stepAt(playback()->position());
    }
};

TEST_F(WindowNetworkStep, StepSampleShowsTheNumbersOfTheCoresRecord)
{
    loadXorNetwork(1);
    learning::Trainer trainer(document()->data(), document()->settings());
    const ui::ParameterPanel* panel = m_window->parameterPanel();
    for (int visit = 0; visit < 6; ++visit) {
        const learning::StepRecord* shown = stepSample();
        ASSERT_NE(shown, nullptr) << visit;
        const learning::SampleStep expected = trainer.stepSample();
        ASSERT_TRUE(learning::identical(*shown, expected.step)) << visit;
        // The panel's text, read back, holds the trainer's numbers.
        test::expectStepTextShowsRecord(panel->updateText(), expected.step, trainer.shape());
        // The matrices hold the parameters after the visit: the output row z is last.
        const learning::SmallVector& p = expected.step.parametersAfter;
        EXPECT_TRUE(panel->matricesText().split(u'\n').contains(u"z: " + io::displayFixed(p[6], 3) +
                                                                u"  " + io::displayFixed(p[7], 3) +
                                                                u"  " + io::displayFixed(p[8], 3)))
            << panel->matricesText().toStdString();
    }
    EXPECT_TRUE(panel->updateText().contains(u"Backward pass"_s));
}

TEST_F(WindowNetworkStep, AMiniBatchVisitSaysTheStepWaitsForTheBatch)
{
    loadXorNetwork(2);
    const learning::StepRecord* first = stepSample();
    ASSERT_NE(first, nullptr);
    EXPECT_FALSE(first->updated);
    const QString text = m_window->parameterPanel()->updateText();
    EXPECT_TRUE(text.contains(u"The parameters change when the batch closes."_s))
        << text.toStdString();
    const learning::StepRecord* second = stepSample();
    ASSERT_NE(second, nullptr);
    EXPECT_TRUE(second->updated);
    EXPECT_TRUE(
        m_window->parameterPanel()->updateText().contains(u"The batch of m = 2 samples closes"_s));
}

} // namespace
