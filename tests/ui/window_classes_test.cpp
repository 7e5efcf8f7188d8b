// Up to eight classes in the window (issue 13): the keys 1 ... 8 choose the class new points get
// (key k places label k - 1, the labels of the files), in the canvas, the Data menu and the
// control panel's chooser; the point menu gives selected points any class, as one undo step.
#include "editor/document.h"
#include "editor/undocommands.h"
#include "i18n/language.h"
#include "support/windowtest.h"
#include "testsupport.h"
#include "ui/canvas/plotcanvas.h"
#include "ui/dialogs/keysdialog.h"

#include <QCoreApplication>
#include <QLabel>
#include <QMenu>
#include <QRadioButton>
#include <QStatusBar>
#include <QTest>
#include <QUndoStack>
#include <gtest/gtest.h>

#include <cmath>

using namespace plab;
using namespace plab::ui;
using namespace Qt::StringLiterals;
using plab::test::nearlyEqual;

namespace {

class WindowClasses : public plab::test::WindowTest
{
protected:
    QPoint pixelOf(double x1, double x2) const
    {
        return canvas()->transform().toPixel(Eigen::Vector2d(x1, x2)).toPoint();
    }
    /// The control panel's button of class \p cls.
    QRadioButton* classButton(int cls) const
    {
        return canvas()->window()->findChild<QRadioButton*>(u"class%1"_s.arg(cls));
    }
    /// The classes the control panel's chooser shows.
    int chooserClasses() const
    {
        int shown = 0;
        for (int cls = 0; cls < learning::kMaxClasses; ++cls)
            shown += classButton(cls) && !classButton(cls)->isHidden() ? 1 : 0;
        return shown;
    }
    /// The status bar's labels' texts.
    QStringList statusTexts() const
    {
        QStringList texts;
        for (const QLabel* label :
             canvas()->window()->findChild<QStatusBar*>()->findChildren<QLabel*>())
            texts << label->text();
        return texts;
    }
};

TEST_F(WindowClasses, KeyThreeThenAClickPlacesAPointOfClassTwoWhereClicked)
{
    canvas()->setFocus(Qt::OtherFocusReason);
    EXPECT_EQ(chooserClasses(), 2); // a new document: the two classes of the first lessons
    QTest::keyClick(canvas(), Qt::Key_3);
    EXPECT_EQ(canvas()->activeClass(), 2);
    EXPECT_TRUE(action("actionClass2")->isChecked());
    ASSERT_NE(classButton(2), nullptr);
    EXPECT_TRUE(classButton(2)->isChecked());
    EXPECT_EQ(chooserClasses(), 3);

    const QPoint click = pixelOf(0.25, 0.75);
    const Eigen::Vector2d expected = canvas()->transform().toWorld(QPointF(click));
    QTest::mouseClick(canvas(), Qt::LeftButton, {}, click);
    ASSERT_EQ(document()->data().size(), 1u);
    EXPECT_EQ(document()->data().label(0), 2); // the third class
    EXPECT_TRUE(nearlyEqual(document()->data().point(0).x(), expected.x()));
    EXPECT_TRUE(nearlyEqual(document()->data().point(0).y(), expected.y()));
    const double halfPixel = 0.5 / canvas()->transform().pixelsPerUnitX();
    EXPECT_NEAR(document()->data().point(0).x(), 0.25, halfPixel);
    EXPECT_NEAR(document()->data().point(0).y(), 0.75, halfPixel);
    EXPECT_EQ(document()->undoStack()->undoText(), u"Add point of class 2"_s);
    EXPECT_TRUE(statusTexts().contains(u"class 0: 0 · class 1: 0 · class 2: 1"_s))
        << statusTexts().join(u'|').toStdString();
    // Saved, the project's classes hold the label (a reader refuses labels beyond them).
    EXPECT_EQ(document()->toProject().settings.classes, 3);

    // Right click places the other class: class 0 while another class is active.
    QTest::mouseClick(canvas(), Qt::RightButton, {}, pixelOf(1.0, 0.0));
    ASSERT_EQ(document()->data().size(), 2u);
    EXPECT_EQ(document()->data().label(1), 0);
}

TEST_F(WindowClasses, EveryKeyOneToEightChoosesItsClassWhereverTheFocusIs)
{
    for (int key = 1; key <= learning::kMaxClasses; ++key) {
        canvas()->setFocus(Qt::OtherFocusReason);
        QTest::keyClick(canvas(), Qt::Key(Qt::Key_0 + key));
        EXPECT_EQ(canvas()->activeClass(), key - 1) << "key " << key;
        // The Data menu's actions carry the same keys when the canvas does not have the focus.
        QAction* place =
            action(QByteArray("actionClass" + QByteArray::number(key - 1)).constData());
        EXPECT_EQ(place->shortcut(), QKeySequence(Qt::Key(Qt::Key_0 + key)));
        EXPECT_EQ(place->text(), u"Place Class &%1"_s.arg(key - 1));
    }
    EXPECT_EQ(chooserClasses(), 8);
    action("actionClass0")->trigger();
    EXPECT_EQ(canvas()->activeClass(), 0);
    EXPECT_TRUE(classButton(0)->isChecked());
    // Nothing holds class 7 any more: the chooser offers the two classes again.
    EXPECT_EQ(chooserClasses(), 2);
    // The chooser picks a class for the canvas too.
    action("actionClass4")->trigger();
    classButton(1)->click();
    EXPECT_EQ(canvas()->activeClass(), 1);
    EXPECT_TRUE(action("actionClass1")->isChecked());
}

TEST_F(WindowClasses, ThePointMenuGivesAnyClassAndUndoTakesItBack)
{
    QTest::mouseClick(canvas(), Qt::LeftButton, {}, pixelOf(0.5, 0.5));
    ASSERT_EQ(document()->data().size(), 1u);
    ASSERT_EQ(document()->data().label(0), 0);
    const int steps = document()->undoStack()->count();

    QTest::mouseClick(canvas(), Qt::RightButton, {}, pixelOf(0.5, 0.5)); // on the point: its menu
    QAction* toFive = nullptr;
    QStringList texts;
    for (QMenu* menu : canvas()->findChildren<QMenu*>()) {
        for (QAction* item : menu->actions()) {
            texts << item->text();
            if (item->text() == u"Change to class 5"_s)
                toFive = item;
        }
    }
    // Every class but the point's own.
    for (int cls = 1; cls < learning::kMaxClasses; ++cls)
        EXPECT_TRUE(texts.contains(u"Change to class %1"_s.arg(cls)))
            << texts.join(u", ").toStdString();
    EXPECT_FALSE(texts.contains(u"Change to class 0"_s));
    ASSERT_NE(toFive, nullptr) << texts.join(u", ").toStdString();
    toFive->trigger();
    for (QMenu* menu : canvas()->findChildren<QMenu*>())
        menu->close();

    EXPECT_EQ(document()->data().label(0), 5);
    EXPECT_EQ(document()->undoStack()->count(), steps + 1);
    EXPECT_EQ(document()->undoStack()->undoText(), u"Change point to class 5"_s);
    EXPECT_EQ(chooserClasses(), 6);
    action("actionUndo")->trigger();
    EXPECT_EQ(document()->data().label(0), 0);
    EXPECT_EQ(chooserClasses(), 2);
    action("actionRedo")->trigger();
    EXPECT_EQ(document()->data().label(0), 5);
}

/// Not a check: the window with five classes, in English and Japanese and in every theme, and the
/// keys dialog, for looking at (PLAB_CLASSES_SHOTS names the folder).
TEST_F(WindowClasses, Screenshots)
{
    const QString folder = qEnvironmentVariable("PLAB_CLASSES_SHOTS");
    if (folder.isEmpty())
        GTEST_SKIP() << "set PLAB_CLASSES_SHOTS to a folder to write the screenshots";
    // Five clusters on a circle, 12 points each.
    learning::Dataset data;
    for (int cls = 0; cls < 5; ++cls) {
        const double angle = 2.0 * 3.14159265358979 * cls / 5.0;
        for (int i = 0; i < 12; ++i)
            data.add({2.0 * std::cos(angle) + 0.35 * std::cos(2.4 * i) * (1 + i % 3) / 2,
                      2.0 * std::sin(angle) + 0.35 * std::sin(2.4 * i) * (1 + i % 3) / 2},
                     cls);
    }
    document()->undoStack()->push(new editor::ReplaceData(document(), data, u"Five"_s));
    canvas()->fitToData();
    canvas()->setFocus(Qt::OtherFocusReason);
    QTest::keyClick(canvas(), Qt::Key_6); // class 5: no point has it yet
    for (const QString& language : {u"en"_s, u"ja"_s}) {
        i18n::installTranslations(language);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
        for (const QString& theme : {u"light"_s, u"dark"_s, u"high-contrast"_s, u"print"_s}) {
            m_window->setThemeChoice(theme);
            presenter()->refreshNow();
            QCoreApplication::processEvents();
            const QString path = folder + u"/classes-"_s + theme + u'-' + language + u".png"_s;
            EXPECT_TRUE(m_window->grab().save(path)) << path.toStdString();
        }
        KeysDialog keys(m_window.get());
        keys.show();
        QCoreApplication::processEvents();
        EXPECT_TRUE(keys.grab().save(folder + u"/keys-"_s + language + u".png"_s));
    }
    i18n::installTranslations(u"en"_s);
}

} // namespace
