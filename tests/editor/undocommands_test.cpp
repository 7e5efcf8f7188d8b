#include "editor/document.h"
#include "editor/undocommands.h"

#include <QSignalSpy>
#include <QUndoStack>
#include <gtest/gtest.h>

#include <cmath>

using plab::learning::Dataset;
using plab::learning::Sample;
using namespace plab::editor;
using namespace Qt::StringLiterals;

namespace {

// Coordinates that are not exact in binary, so "restores exactly" means bit for bit.
const Dataset kThree({{{0.1, 0.7}, 0}, {{-1.3, 2.9}, 1}, {{3.3, -0.2}, 0}});

class UndoCommands : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_doc.undoStack()->push(new ReplaceData(&m_doc, kThree, QStringLiteral("Load")));
    }
    QUndoStack& stack() { return *m_doc.undoStack(); }

    Document m_doc;
};

TEST_F(UndoCommands, AddAppendsAndUndoRemoves)
{
    stack().push(new AddPoints(&m_doc, {Sample{{4.25, -1.5}, 1}}));
    ASSERT_EQ(m_doc.data().size(), 4u);
    EXPECT_EQ(m_doc.data().sample(3), (Sample{{4.25, -1.5}, 1}));
    EXPECT_EQ(stack().text(stack().index() - 1), QStringLiteral("Add point of class 1"));
    stack().undo();
    EXPECT_EQ(m_doc.data(), kThree);
    stack().redo();
    EXPECT_EQ(m_doc.data().sample(3), (Sample{{4.25, -1.5}, 1}));
}

TEST_F(UndoCommands, AddSeveralIsOneStep)
{
    const int before = stack().count();
    stack().push(new AddPoints(&m_doc, {Sample{{1, 1}, 0}, Sample{{2, 2}, 1}}));
    EXPECT_EQ(stack().count(), before + 1);
    EXPECT_EQ(m_doc.data().size(), 5u);
    EXPECT_EQ(stack().text(stack().index() - 1), QStringLiteral("Add 2 points"));
}

TEST_F(UndoCommands, MovesOfOneDragMergeAndUndoRestoresExactCoordinates)
{
    const int before = stack().count();
    stack().push(new MovePoints(&m_doc, {1}, {{5.0, 5.0}}, 7));
    stack().push(new MovePoints(&m_doc, {1}, {{5.5, 6.0}}, 7));
    stack().push(new MovePoints(&m_doc, {1}, {{6.0, 7.0}}, 7));
    EXPECT_EQ(stack().count(), before + 1);
    EXPECT_EQ(m_doc.data().point(1), Eigen::Vector2d(6.0, 7.0));
    stack().undo();
    EXPECT_EQ(m_doc.data().point(1), Eigen::Vector2d(-1.3, 2.9));
    EXPECT_EQ(m_doc.data(), kThree);
    stack().redo();
    EXPECT_EQ(m_doc.data().point(1), Eigen::Vector2d(6.0, 7.0));
}

TEST_F(UndoCommands, SeparateDragsAreSeparateSteps)
{
    const int before = stack().count();
    stack().push(new MovePoints(&m_doc, {1}, {{5.0, 5.0}}, 1));
    stack().push(new MovePoints(&m_doc, {1}, {{6.0, 6.0}}, 2));
    EXPECT_EQ(stack().count(), before + 2);
    stack().undo();
    EXPECT_EQ(m_doc.data().point(1), Eigen::Vector2d(5.0, 5.0));
}

TEST_F(UndoCommands, DragBackToTheStartLeavesNoStep)
{
    const int before = stack().count();
    stack().push(new MovePoints(&m_doc, {0, 2}, {{1, 1}, {2, 2}}, 3));
    stack().push(new MovePoints(&m_doc, {0, 2}, {{0.1, 0.7}, {3.3, -0.2}}, 3));
    EXPECT_EQ(stack().count(), before);
    EXPECT_EQ(m_doc.data(), kThree);
}

TEST_F(UndoCommands, RemoveAndUndoPutsPointsBackAtTheirIndices)
{
    stack().push(new RemovePoints(&m_doc, {2, 0, 2}));
    ASSERT_EQ(m_doc.data().size(), 1u);
    EXPECT_EQ(m_doc.data().sample(0), kThree.sample(1));
    EXPECT_EQ(stack().text(stack().index() - 1), QStringLiteral("Remove 2 points"));
    stack().undo();
    EXPECT_EQ(m_doc.data(), kThree);
}

TEST_F(UndoCommands, SetLabelsAndUndo)
{
    stack().push(new SetPointLabels(&m_doc, {0, 1}, 1));
    EXPECT_EQ(m_doc.data().label(0), 1);
    EXPECT_EQ(m_doc.data().label(1), 1);
    EXPECT_EQ(m_doc.data().label(2), 0);
    EXPECT_EQ(m_doc.data().point(0), kThree.point(0));
    stack().undo();
    EXPECT_EQ(m_doc.data(), kThree);
}

TEST_F(UndoCommands, LabelsUpToClassSevenAreSetAndUndoneAndNamed)
{
    stack().push(new SetPointLabels(&m_doc, {2, 0}, 7));
    EXPECT_EQ(m_doc.data().label(0), 7);
    EXPECT_EQ(m_doc.data().label(1), kThree.label(1));
    EXPECT_EQ(m_doc.data().label(2), 7);
    EXPECT_EQ(m_doc.classesInData(), 8);
    // Saved, the project's classes hold every label (its reader refuses labels beyond them).
    EXPECT_EQ(m_doc.settings().classes, 2);
    EXPECT_EQ(m_doc.toProject().settings.classes, 8);
    EXPECT_EQ(stack().text(stack().index() - 1), QStringLiteral("Change 2 points to class 7"));
    stack().push(new SetPointLabels(&m_doc, {1}, 4));
    EXPECT_EQ(stack().text(stack().index() - 1), QStringLiteral("Change point to class 4"));
    stack().undo();
    stack().undo();
    EXPECT_EQ(m_doc.data(), kThree);
    EXPECT_EQ(m_doc.classesInData(), 2);

    stack().push(new AddPoints(&m_doc, {Sample{{1, 1}, 5}, Sample{{2, 2}, 5}}));
    EXPECT_EQ(stack().text(stack().index() - 1), QStringLiteral("Add 2 points of class 5"));
    EXPECT_EQ(m_doc.classesInData(), 6);
    stack().push(new AddPoints(&m_doc, {Sample{{1, 1}, 5}, Sample{{2, 2}, 3}}));
    EXPECT_EQ(stack().text(stack().index() - 1), QStringLiteral("Add 2 points"));
}

TEST_F(UndoCommands, NoOpEditsLeaveNoStep)
{
    const int before = stack().count();
    stack().push(new SetPointLabels(&m_doc, {1}, 1)); // already class 1
    stack().push(new ReplaceData(&m_doc, kThree, QStringLiteral("Same")));
    stack().push(new RemovePoints(&m_doc, {}));
    stack().push(new AddPoints(&m_doc, {}));
    EXPECT_EQ(stack().count(), before);
    EXPECT_EQ(m_doc.data(), kThree);
}

TEST_F(UndoCommands, ReplaceDataUndoRestoresTheOldSet)
{
    const Dataset other({{{9, 9}, 1}});
    stack().push(new ReplaceData(&m_doc, other, QStringLiteral("Generate XOR")));
    EXPECT_EQ(m_doc.data(), other);
    EXPECT_EQ(stack().text(stack().index() - 1), QStringLiteral("Generate XOR"));
    stack().undo();
    EXPECT_EQ(m_doc.data(), kThree);
}

TEST(Document, EveryEditBumpsTheRevisionAndSignalsOnce)
{
    Document doc;
    QSignalSpy spy(&doc, &Document::dataChanged);
    const auto r0 = doc.dataRevision();
    doc.undoStack()->push(new AddPoints(&doc, {Sample{{1, 2}, 0}}));
    EXPECT_EQ(spy.count(), 1);
    EXPECT_GT(doc.dataRevision(), r0);
    const auto r1 = doc.dataRevision();
    doc.undoStack()->undo();
    EXPECT_EQ(spy.count(), 2);
    EXPECT_GT(doc.dataRevision(), r1);
}

TEST(Document, ModifiedFollowsTheUndoStackAndTheSettings)
{
    Document doc;
    QSignalSpy spy(&doc, &Document::modifiedChanged);
    EXPECT_FALSE(doc.isModified());
    doc.undoStack()->push(new AddPoints(&doc, {Sample{{1, 2}, 0}}));
    EXPECT_TRUE(doc.isModified());
    doc.undoStack()->undo();
    EXPECT_FALSE(doc.isModified());
    ASSERT_EQ(spy.count(), 2);
    EXPECT_EQ(spy.at(1).at(0).toBool(), false);

    auto settings = doc.settings();
    settings.learningRate = 0.5;
    doc.setSettings(settings);
    EXPECT_TRUE(doc.isModified());
    doc.markSaved();
    EXPECT_FALSE(doc.isModified());
}

TEST(Document, ViewChangesDoNotMarkModified)
{
    Document doc;
    QSignalSpy spy(&doc, &Document::viewChanged);
    doc.setView({0, 2, 0, 2});
    EXPECT_EQ(spy.count(), 1);
    doc.setView({0, 2, 0, 2});
    EXPECT_FALSE(doc.setView({0, 2, std::nan(""), 2})); // NaN: ignored
    EXPECT_EQ(spy.count(), 1);
    EXPECT_EQ(doc.view(), (plab::io::ViewBox{0, 2, 0, 2}));
    EXPECT_FALSE(doc.isModified());
}

TEST(Document, TheViewAlwaysObeysTheViewRule)
{
    // Whatever asks (zoom, pan, fit, a program), the document holds a view a project can save.
    Document doc;
    EXPECT_TRUE(doc.setView({-1e12, 1e12, -3, 3}));
    EXPECT_EQ(doc.view(), (plab::io::ViewBox{-1e12, 1e12, -3, 3}));
    EXPECT_FALSE(doc.setView({-5e12, 5e12, 2e12, 2e12 + 5000}));
    EXPECT_EQ(doc.view(), (plab::io::ViewBox{-1e12, 1e12, 1e12 - 5000, 1e12}));
    EXPECT_FALSE(doc.setView({1, 0, 0, 2})); // swapped: put in order
    EXPECT_EQ(doc.view(), (plab::io::ViewBox{0, 1, 0, 2}));
    EXPECT_FALSE(doc.setView({5, 5 + 1e-12, 0, 2})); // too narrow: widened about its centre
    EXPECT_TRUE(doc.view().isValid());
    EXPECT_NEAR(0.5 * (doc.view().xMin + doc.view().xMax), 5.0, 1e-11);
}

TEST(Document, LoadProjectReplacesEverythingAndClearsTheUndoStack)
{
    Document doc;
    doc.undoStack()->push(new AddPoints(&doc, {Sample{{1, 2}, 0}}));
    plab::io::Project project;
    project.data = kThree;
    project.settings.learningRate = 0.25;
    project.view = {-5, 5, -5, 5};
    doc.loadProject(project, QStringLiteral("/tmp/x.json"));
    EXPECT_EQ(doc.data(), kThree);
    EXPECT_EQ(doc.settings().learningRate, 0.25);
    EXPECT_EQ(doc.view(), project.view);
    EXPECT_EQ(doc.undoStack()->count(), 0);
    EXPECT_FALSE(doc.isModified());
    EXPECT_EQ(doc.filePath(), QStringLiteral("/tmp/x.json"));
    const plab::io::Project back = doc.toProject();
    EXPECT_EQ(back.data, kThree);
    EXPECT_EQ(back.settings, project.settings);
    EXPECT_EQ(back.view, project.view);
}

} // namespace

TEST(SetSettings, ChangesTheSettingsAsOneUndoStepThatLeavesTheDocumentUnmodified)
{
    Document doc;
    QSignalSpy changed(&doc, &Document::settingsChanged);
    const auto before = doc.settings();
    auto settings = before;
    settings.learningRate = 0.5;
    doc.undoStack()->push(new SetSettings(&doc, settings, u"Change learning rate to 0.5"_s));
    EXPECT_EQ(doc.settings().learningRate, 0.5);
    EXPECT_TRUE(doc.isModified());
    EXPECT_EQ(doc.undoStack()->undoText(), u"Change learning rate to 0.5"_s);
    EXPECT_EQ(changed.count(), 1);

    doc.undoStack()->undo();
    EXPECT_EQ(doc.settings(), before);
    EXPECT_FALSE(doc.isModified());
    EXPECT_EQ(changed.count(), 2);
    doc.undoStack()->redo();
    EXPECT_EQ(doc.settings(), settings);

    // Setting what is already set is no step.
    doc.undoStack()->push(new SetSettings(&doc, settings, u"Change learning rate to 0.5"_s));
    EXPECT_EQ(doc.undoStack()->count(), 1);
}
