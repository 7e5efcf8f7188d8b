#pragma once

#include "learning/generators.h"
#include "learning/records.h"
#include "render/theme.h"

#include <QMainWindow>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <memory>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;

namespace plab::editor {
class Autosaver;
class Document;
class Playback;
} // namespace plab::editor

namespace plab::ui {

class ControlPanel;
class LearningCurves;
class ParameterPanel;
class PlotCanvas;
class Timeline;
class TrainingPresenter;

/// The questions and messages the window puts to the user, behind one seam so tests (and
/// scripted demos) can answer them without modal dialogs. The default, DialogPrompts, uses
/// QMessageBox and QFileDialog.
class UserPrompts
{
public:
    enum class SaveChoice
    {
        Save,
        Discard,
        Cancel
    };

    virtual ~UserPrompts() = default;
    /// A file could not be read or written; \p text names the file and the problem.
    virtual void showError(QWidget* parent, const QString& title, const QString& text) = 0;
    /// \p documentName has unsaved changes: save them first?
    virtual SaveChoice askToSave(QWidget* parent, const QString& documentName) = 0;
    /// A file to open or to save to; empty when the user cancelled.
    virtual QString openFileName(QWidget* parent, const QString& caption, const QString& dir,
                                 const QString& filter) = 0;
    virtual QString saveFileName(QWidget* parent, const QString& caption, const QString& dir,
                                 const QString& filter) = 0;
};

/// UserPrompts with the platform's dialogs.
class DialogPrompts : public UserPrompts
{
public:
    void showError(QWidget* parent, const QString& title, const QString& text) override;
    SaveChoice askToSave(QWidget* parent, const QString& documentName) override;
    QString openFileName(QWidget* parent, const QString& caption, const QString& dir,
                         const QString& filter) override;
    QString saveFileName(QWidget* parent, const QString& caption, const QString& dir,
                         const QString& filter) override;
};

/// The main window: the plot canvas in the centre with the timeline and the run's status under
/// it; the controls, the parameters, the learning curves and the undo history in dock widgets
/// the user can move or hide. It wires the parts together (the training logic lives in
/// TrainingPresenter, the editing in PlotCanvas and the undo commands) and owns the menus, the
/// toolbar, the files and the persistent settings (QSettings: geometry, dock layout, recent
/// files, the last training settings, speed, theme and generator).
///
/// Every action has an objectName ("actionTrain", "actionStepSample", ...) so tests and
/// scripts can find it.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] editor::Document* document() const { return m_document; }
    [[nodiscard]] PlotCanvas* canvas() const { return m_canvas; }
    /// The timeline's state: the run, the position shown, the engine's commands.
    [[nodiscard]] editor::Playback* playback() const { return m_playback; }
    [[nodiscard]] TrainingPresenter* presenter() const { return m_presenter; }
    [[nodiscard]] ControlPanel* controlPanel() const { return m_controls; }
    [[nodiscard]] ParameterPanel* parameterPanel() const { return m_parameters; }
    [[nodiscard]] LearningCurves* learningCurves() const { return m_curves; }
    [[nodiscard]] Timeline* timeline() const { return m_timeline; }

    /// Replaces how the window asks and reports (tests install a scripted one).
    void setPrompts(std::unique_ptr<UserPrompts> prompts);
    /// Shows what \p autosaver says (not owned; nullptr to stop): its messages in the status bar,
    /// and while changes are not being autosaved a permanent marker "Not autosaved: <reason>"
    /// (objectName "autosaveMarker", the full reason in its tooltip).
    void setAutosaver(editor::Autosaver* autosaver);

    /// Opens \p path: a project (JSON) replaces the document (after asking about unsaved
    /// changes); a data set (CSV) replaces the points of the current project as one undo step.
    /// On any problem the document is left untouched, the error is reported through the prompts
    /// and false is returned.
    bool openFile(const QString& path);
    /// Saves the project to \p path (atomically) and makes it the document's file.
    bool saveProjectAs(const QString& path);
    /// Writes the points to \p path as CSV.
    bool saveDataSetAs(const QString& path);
    /// Replaces the points with a generated data set (one undo step) and frames them.
    void generate(learning::Generator generator, const learning::GeneratorParams& params);

    /// The theme the canvas uses: "system" follows the palette; otherwise a Theme name.
    void setThemeChoice(const QString& choice);

protected:
    void showEvent(QShowEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createDocks();
    void createActions();
    void createMenus();
    void createToolBar();
    void createStatusBar();
    /// QEvent::LanguageChange: every text of the window again, in the new language.
    void retranslateUi();
    void updateUndoTexts();
    /// The control dock at least as wide as the controls need.
    void fitControlDock();
    void connectParts();
    void restoreSettings();
    void saveSettings() const;

    void newDocument();
    void openDialog();
    void openDataSetDialog();
    bool save();
    bool saveAsDialog();
    void saveDataSetDialog();
    void generateDialog();
    void clearPoints();
    /// Asks about unsaved changes; false when the user cancelled.
    bool maybeSave();
    bool openProject(const QString& path);
    bool openDataSet(const QString& path);

    void addRecentFile(const QString& path);
    void updateRecentMenu();
    void updateTitle();
    void updateActions();
    /// Why Train and the steps are disabled after a run ended with \p status.
    [[nodiscard]] static QString finishedText(learning::TrainingStatus status);
    void updateCounts();
    void updateAccuracy();
    void updateAutosaveMarker();
    void applyTheme();
    void showKeys();
    void showAbout();
    [[nodiscard]] QString lastDirectory() const;
    void rememberDirectory(const QString& path);

    editor::Document* m_document = nullptr;
    PlotCanvas* m_canvas = nullptr;
    Timeline* m_timeline = nullptr;
    ControlPanel* m_controls = nullptr;
    ParameterPanel* m_parameters = nullptr;
    LearningCurves* m_curves = nullptr;
    editor::Playback* m_playback = nullptr;
    TrainingPresenter* m_presenter = nullptr;
    std::unique_ptr<UserPrompts> m_prompts;

    QDockWidget* m_controlDock = nullptr;
    QDockWidget* m_parameterDock = nullptr;
    QDockWidget* m_curveDock = nullptr;
    QDockWidget* m_undoDock = nullptr;
    QLabel* m_statusLine = nullptr;
    QLabel* m_cursorLabel = nullptr;
    QLabel* m_countLabel = nullptr;
    QLabel* m_accuracyLabel = nullptr;
    QWidget* m_autosaveMarker = nullptr;
    QLabel* m_autosaveIcon = nullptr;
    QLabel* m_autosaveText = nullptr;
    QPointer<editor::Autosaver> m_autosaver;
    QMenu* m_recentMenu = nullptr;

    QAction* m_newAction = nullptr;
    QAction* m_openAction = nullptr;
    QAction* m_saveAction = nullptr;
    QAction* m_saveAsAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QAction* m_selectAllAction = nullptr;
    QAction* m_deleteAction = nullptr;
    QAction* m_generateAction = nullptr;
    QAction* m_openDataAction = nullptr;
    QAction* m_saveDataAction = nullptr;
    QAction* m_clearAction = nullptr;
    QActionGroup* m_classGroup = nullptr;
    QAction* m_trainAction = nullptr;
    QAction* m_stepSampleAction = nullptr;
    QAction* m_stepEpochAction = nullptr;
    QAction* m_backAction = nullptr;
    QAction* m_resetAction = nullptr;
    QAction* m_fitAction = nullptr;
    QAction* m_zoomInAction = nullptr;
    QAction* m_zoomOutAction = nullptr;
    QAction* m_fullScreenAction = nullptr;
    QActionGroup* m_themeGroup = nullptr;
    QList<QAction*> m_generatorActions;

    QString m_themeChoice = QStringLiteral("system");
    bool m_defaultLayoutPending = true; ///< no saved dock layout: size the docks on first show
    learning::Generator m_lastGenerator = learning::Generator::Blobs;
    learning::GeneratorParams m_generatorParams;
};

} // namespace plab::ui
