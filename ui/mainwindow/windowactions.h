#pragma once

#include "learning/generators.h"
#include "learning/records.h"

#include <QList>
#include <QObject>
#include <QString>

class QAction;
class QActionGroup;
class QDockWidget;
class QMainWindow;
class QMenu;
class QUndoStack;
class QWidget;

namespace plab::editor {
class Playback;
} // namespace plab::editor

namespace plab::ui {

/// The window's actions with their shortcuts, its menus and its toolbar, and the one way the
/// window's texts follow the language.
///
/// Every action has an objectName ("actionTrain", "actionStepSample", ...) so tests and scripts
/// can find it, and is a child of the window, so its shortcut works wherever the focus is in it
/// (text fields take their keys first). A text set once is marked with its untranslated source
/// (setSourceText(), setSourceTitle()); retranslate(), which the window calls on
/// QEvent::LanguageChange, translates every marked text of the window again. What the actions
/// do is wired by the window: this class only makes them and says what they can do
/// (showTraining(), setHasPoints(), the undo texts).
class WindowActions : public QObject
{
    Q_OBJECT

public:
    /// The window's docks: their toggles go into the menus; their titles are set here and follow
    /// the language.
    struct Docks
    {
        QDockWidget* controls = nullptr;
        QDockWidget* parameters = nullptr;
        QDockWidget* curves = nullptr;
        QDockWidget* undo = nullptr;
        QDockWidget* network = nullptr;
        QDockWidget* hidden = nullptr;
    };

    /// Makes the actions, the menu bar and the toolbar of \p window; Undo and Redo follow
    /// \p undoStack.
    WindowActions(QMainWindow* window, QUndoStack* undoStack, const Docks& docks);

    /// Sets \p action's text, translated now and again by retranslate().
    static void setSourceText(QAction* action, const char* text);
    /// Sets \p action's tooltip, translated now and again by retranslate().
    static void setSourceToolTip(QAction* action, const char* text);
    /// Sets \p widget's window title (a dock's, the toolbar's), translated now and again.
    static void setSourceTitle(QWidget* widget, const char* text);
    /// Every marked text of the window, the undo texts and the classic data sets' names in the
    /// language now installed.
    void retranslate();

    /// Train / Pause and the steps as \p playback allows: after a run ended, Train and the steps
    /// are disabled and their tooltips say why.
    void showTraining(const editor::Playback& playback);
    /// Clear, Save Data Set and Select All need points.
    void setHasPoints(bool any);
    /// Checks the theme action of \p choice ("system", "light", ...).
    void checkTheme(const QString& choice);
    /// Checks the class action of \p cls (0 ... 7).
    void checkClass(int cls);
    /// "Undo Add point", "Redo Move 3 points": from the commands, in the current language.
    void updateUndoTexts();
    /// Why Train and the steps are disabled after a run ended with \p status.
    [[nodiscard]] static QString finishedText(learning::TrainingStatus status);

    [[nodiscard]] QMenu* fileMenu() const { return m_fileMenu; }
    [[nodiscard]] QMenu* editMenu() const { return m_editMenu; }
    /// File > Open Recent, filled by whoever knows the files when it is about to show.
    [[nodiscard]] QMenu* recentMenu() const { return m_recentMenu; }
    /// The training actions in the order of the control panel's buttons.
    [[nodiscard]] QList<QAction*> trainingActions() const;

    // The actions, made by the constructor, children of the window; the window wires them.
    QAction* newAction = nullptr;
    QAction* openAction = nullptr;
    QAction* saveAction = nullptr;
    QAction* saveAsAction = nullptr;
    QAction* quitAction = nullptr;
    QAction* undoAction = nullptr;
    QAction* redoAction = nullptr;
    QAction* selectAllAction = nullptr;
    QAction* deleteAction = nullptr;
    QAction* generateAction = nullptr;
    QAction* openDataAction = nullptr;
    QAction* saveDataAction = nullptr;
    QAction* clearAction = nullptr;
    QAction* trainAction = nullptr;
    QAction* stepSampleAction = nullptr;
    QAction* stepEpochAction = nullptr;
    QAction* backAction = nullptr;
    QAction* resetAction = nullptr;
    QAction* fitAction = nullptr;
    QAction* zoomInAction = nullptr;
    QAction* zoomOutAction = nullptr;
    QAction* fullScreenAction = nullptr;
    QAction* hiddenArrowsAction = nullptr; ///< the hidden units' weight vectors on the canvas
    QAction* scaleAction = nullptr;        ///< Help > How big is this model?

Q_SIGNALS:
    /// Data > Classic Data Sets > \p generator.
    void classicDataSetChosen(plab::learning::Generator generator);
    /// Data > Place Class 0 ... 7 (keys 1 ... 8).
    void classChosen(int cls);
    /// View > Theme > \p choice.
    void themeChosen(const QString& choice);

private:
    void createActions();
    void createMenus(const Docks& docks);
    void createToolBar();

    QMainWindow* m_window;
    QUndoStack* m_undoStack;
    QActionGroup* m_classGroup = nullptr;
    QActionGroup* m_themeGroup = nullptr;
    QList<QAction*> m_generatorActions;
    QMenu* m_fileMenu = nullptr;
    QMenu* m_editMenu = nullptr;
    QMenu* m_recentMenu = nullptr;
};

} // namespace plab::ui
