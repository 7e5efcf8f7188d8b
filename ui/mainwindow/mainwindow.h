#pragma once

#include "learning/generators.h"
#include "render/theme.h"
#include "ui/mainwindow/documentfiles.h"

#include <QMainWindow>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <memory>

class QDockWidget;
class QLabel;
class QTabWidget;

namespace plab::editor {
class Autosaver;
class Document;
class Playback;
} // namespace plab::editor

namespace plab::ui {

class ControlPanel;
class LearningCurves;
class ModelPanel;
class HiddenView;
class NetworkPanel;
class ParameterPanel;
class PlotCanvas;
class Timeline;
class TrainingPresenter;
class WindowActions;
class WindowStatusBar;

/// The main window: the plot canvas in the centre with the timeline and the run's status under
/// it; the controls, the parameters, the learning curves and the undo history in dock widgets
/// the user can move or hide. It only wires the parts together: the training logic lives in
/// editor::Playback and TrainingPresenter, the editing in PlotCanvas and the undo commands, the
/// actions, menus and their texts in WindowActions, the files in DocumentFiles, the status bar's
/// fields in WindowStatusBar and what is remembered between sessions in WindowSettings.
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
    [[nodiscard]] ModelPanel* modelPanel() const { return m_model; }
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
    void createCentre();
    void createDocks();
    void connectActions();
    void connectParts();
    /// QEvent::LanguageChange: every text of the window again, in the new language.
    void retranslateUi();
    /// The control dock at least as wide as the controls need.
    void fitControlDock();
    void restoreSettings();
    void saveSettings() const;

    void generateDialog();
    void clearPoints();
    void showMessage(const QString& text);
    void updateTitle();
    void updateCounts();
    void updateAccuracy();
    void updateAutosaveMarker();
    /// The network panel shows the model at the timeline's position over the view.
    void updateNetwork();
    void applyTheme();

    editor::Document* m_document = nullptr;
    PlotCanvas* m_canvas = nullptr;
    Timeline* m_timeline = nullptr;
    ControlPanel* m_controls = nullptr;
    ModelPanel* m_model = nullptr;
    QTabWidget* m_controlTabs = nullptr; ///< the controls and the model, in the controls' dock
    ParameterPanel* m_parameters = nullptr;
    LearningCurves* m_curves = nullptr;
    editor::Playback* m_playback = nullptr;
    TrainingPresenter* m_presenter = nullptr;

    QDockWidget* m_controlDock = nullptr;
    QDockWidget* m_parameterDock = nullptr;
    QDockWidget* m_curveDock = nullptr;
    QDockWidget* m_undoDock = nullptr;
    NetworkPanel* m_network = nullptr;
    HiddenView* m_hidden = nullptr;
    QDockWidget* m_hiddenDock = nullptr;
    QDockWidget* m_networkDock = nullptr;
    QLabel* m_statusLine = nullptr;
    QPointer<editor::Autosaver> m_autosaver;
    WindowActions* m_actions = nullptr;
    WindowStatusBar* m_status = nullptr;
    DocumentFiles* m_files = nullptr;

    QString m_themeChoice = QStringLiteral("system");
    bool m_highContrastPalette = false; ///< the window wears highContrastPalette()
    bool m_defaultLayoutPending = true; ///< no saved dock layout: size the docks on first show
    learning::Generator m_lastGenerator = learning::Generator::Blobs;
    learning::GeneratorParams m_generatorParams;
};

} // namespace plab::ui
