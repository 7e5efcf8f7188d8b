#include "ui/mainwindow/mainwindow.h"

#include "editor/autosaver.h"
#include "editor/document.h"
#include "editor/playback.h"
#include "editor/undocommands.h"
#include "io/validationtext.h"
#include "ui/canvas/plotcanvas.h"
#include "ui/dialogs/exportactions.h"
#include "ui/dialogs/generatordialog.h"
#include "ui/dialogs/scaleview.h"
#include "ui/mainwindow/trainingpresenter.h"
#include "ui/mainwindow/windowactions.h"
#include "ui/mainwindow/windowsettings.h"
#include "ui/mainwindow/windowstatusbar.h"
#include "ui/panels/controlpanel.h"
#include "ui/panels/hiddenview.h"
#include "ui/panels/learningcurves.h"
#include "ui/panels/modelpanel.h"
#include "ui/panels/networkpanel.h"
#include "ui/panels/parameterpanel.h"
#include "ui/panels/timeline.h"

#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMimeData>
#include <QPalette>
#include <QScreen>
#include <QScrollArea>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>
#include <QUndoStack>
#include <QUndoView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace plab::ui {

namespace {

constexpr int kMessageTimeoutMs = 6000;

bool isOpenableFile(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix();
    return suffix.compare(u"csv"_s, Qt::CaseInsensitive) == 0 ||
           suffix.compare(u"json"_s, Qt::CaseInsensitive) == 0;
}

/// The local files a drag carries that the window can open.
QStringList openableFiles(const QMimeData* mime)
{
    QStringList files;
    if (!mime || !mime->hasUrls())
        return files;
    const auto urls = mime->urls();
    for (const QUrl& url : urls) {
        if (url.isLocalFile() && isOpenableFile(url.toLocalFile()))
            files << url.toLocalFile();
    }
    return files;
}

/// The window's colours under View > High Contrast: white on black with yellow selections, for
/// every widget (the panels, the timeline, the menus, the dialogs), as the plot draws itself.
QPalette highContrastPalette()
{
    const QColor black(0x00, 0x00, 0x00);
    const QColor white(0xFF, 0xFF, 0xFF);
    const QColor grey(0xB0, 0xB0, 0xB0); // disabled text: still about 10:1 on black
    QPalette p;
    for (const auto group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        const bool disabled = group == QPalette::Disabled;
        const QColor text = disabled ? grey : white;
        p.setColor(group, QPalette::Window, black);
        p.setColor(group, QPalette::WindowText, text);
        // Fields, buttons, check boxes and radio buttons a shade lighter than the window: Fusion
        // draws their outlines darker than the window, which on black would hide them.
        p.setColor(group, QPalette::Base, QColor(0x2A, 0x2A, 0x2A));
        p.setColor(group, QPalette::AlternateBase, QColor(0x1A, 0x1A, 0x1A));
        p.setColor(group, QPalette::Text, text);
        p.setColor(group, QPalette::PlaceholderText, grey);
        p.setColor(group, QPalette::Button, QColor(0x2A, 0x2A, 0x2A)); // slider handles too
        p.setColor(group, QPalette::ButtonText, text);
        p.setColor(group, QPalette::BrightText, QColor(0xFF, 0xE0, 0x00));
        p.setColor(group, QPalette::Highlight, disabled ? grey : QColor(0xFF, 0xE0, 0x00));
        p.setColor(group, QPalette::HighlightedText, black);
        p.setColor(group, QPalette::ToolTipBase, black);
        p.setColor(group, QPalette::ToolTipText, white);
        p.setColor(group, QPalette::Link, QColor(0x56, 0xB4, 0xE9));
        p.setColor(group, QPalette::LinkVisited, QColor(0xCC, 0x79, 0xA7));
        // Frames, grooves and separators are drawn with these: light on black.
        p.setColor(group, QPalette::Light, white);
        p.setColor(group, QPalette::Midlight, QColor(0xC0, 0xC0, 0xC0));
        p.setColor(group, QPalette::Mid, QColor(0xA0, 0xA0, 0xA0));
        p.setColor(group, QPalette::Dark, QColor(0xC0, 0xC0, 0xC0));
        p.setColor(group, QPalette::Shadow, white);
    }
    return p;
}

} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setObjectName(u"MainWindow"_s);
    setAcceptDrops(true);
    setDockNestingEnabled(true);
    // The side docks run the full height, so the charts sit under the canvas only.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);

    m_document = new editor::Document(this);
    createCentre();
    createDocks();
    m_playback = new editor::Playback(m_document, nullptr, this);
    m_presenter = new TrainingPresenter(m_playback, m_document, m_canvas, m_parameters, m_curves,
                                        m_timeline, this);
    m_files = new DocumentFiles(this, m_document, m_playback);
    m_actions = new WindowActions(
        this, m_document->undoStack(),
        {m_controlDock, m_parameterDock, m_curveDock, m_undoDock, m_networkDock, m_hiddenDock});
    m_controls->setTrainingActions(m_actions->trainingActions());
    fitControlDock();
    m_status = new WindowStatusBar(statusBar());
    connectActions();
    connectParts();
    restoreSettings();
    applyTheme();
    updateTitle();
    m_actions->showTraining(*m_playback);
    updateCounts();
    m_canvas->setFocus();
}

MainWindow::~MainWindow()
{
    // The document is our child, so it is destroyed after this body: its undo stack clears
    // itself then and would update the undo actions of a half-destroyed window (found by the
    // asan-ubsan run of the window tests).
    m_document->undoStack()->disconnect(m_actions);
}

void MainWindow::setPrompts(std::unique_ptr<UserPrompts> prompts)
{
    m_files->setPrompts(std::move(prompts));
}

void MainWindow::createCentre()
{
    auto* centre = new QWidget(this);
    m_canvas = new PlotCanvas(centre);
    m_canvas->setDocument(m_document);
    m_timeline = new Timeline(centre);
    m_statusLine = new QLabel(centre);
    m_statusLine->setObjectName(u"statusLine"_s);
    m_statusLine->setWordWrap(true);
    m_statusLine->setContentsMargins(8, 2, 8, 4);
    QFont statusFont = m_statusLine->font();
    statusFont.setPointSizeF(statusFont.pointSizeF() * 1.15);
    m_statusLine->setFont(statusFont);
    auto* centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->setSpacing(0);
    centreLayout->addWidget(m_canvas, 1);
    centreLayout->addWidget(m_timeline);
    centreLayout->addWidget(m_statusLine);
    setCentralWidget(centre);
}

void MainWindow::createDocks()
{
    m_controls = new ControlPanel;
    auto* controlScroll = new QScrollArea;
    controlScroll->setWidget(m_controls);
    controlScroll->setWidgetResizable(true);
    controlScroll->setFrameShape(QFrame::NoFrame);
    controlScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // The model's shape is a second tab of the controls: both edit the settings, the canvas stays
    // in view, and the dock keeps its width at 1280 x 720.
    m_model = new ModelPanel;
    auto* modelScroll = new QScrollArea;
    modelScroll->setWidget(m_model);
    modelScroll->setWidgetResizable(true);
    modelScroll->setFrameShape(QFrame::NoFrame);
    modelScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_controlTabs = new QTabWidget;
    m_controlTabs->setObjectName(u"controlTabs"_s);
    m_controlTabs->setDocumentMode(true);
    m_controlTabs->addTab(controlScroll, tr("Training"));
    m_controlTabs->addTab(modelScroll, tr("Model"));
    m_controlDock = new QDockWidget(this);
    m_controlDock->setObjectName(u"controlDock"_s);
    m_controlDock->setWidget(m_controlTabs);
    addDockWidget(Qt::LeftDockWidgetArea, m_controlDock);

    m_parameters = new ParameterPanel;
    auto* parameterScroll = new QScrollArea;
    parameterScroll->setWidget(m_parameters);
    parameterScroll->setWidgetResizable(true);
    parameterScroll->setFrameShape(QFrame::NoFrame);
    // The numbers shrink to fit and the working wraps between terms: nothing hides sideways.
    parameterScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_parameterDock = new QDockWidget(this);
    m_parameterDock->setObjectName(u"parameterDock"_s);
    m_parameterDock->setWidget(parameterScroll);
    addDockWidget(Qt::RightDockWidgetArea, m_parameterDock);

    m_curves = new LearningCurves;
    m_curveDock = new QDockWidget(this);
    m_curveDock->setObjectName(u"curveDock"_s);
    m_curveDock->setWidget(m_curves);
    addDockWidget(Qt::RightDockWidgetArea, m_curveDock);
    splitDockWidget(m_parameterDock, m_curveDock, Qt::Vertical);

    auto* undoView = new QUndoView(m_document->undoStack());
    m_undoDock = new QDockWidget(this);
    m_undoDock->setObjectName(u"undoDock"_s);
    m_undoDock->setWidget(undoView);
    addDockWidget(Qt::RightDockWidgetArea, m_undoDock);
    tabifyDockWidget(m_parameterDock, m_undoDock);

    // The hidden layer's view, a tab beside the parameters: a network's hidden layer is what the
    // parameters alone do not show (its toggle joins the View menu in connectParts()).
    m_hidden = new HiddenView;
    m_hiddenDock = new QDockWidget(this);
    m_hiddenDock->setObjectName(u"hiddenDock"_s);
    m_hiddenDock->setWidget(m_hidden);
    addDockWidget(Qt::RightDockWidgetArea, m_hiddenDock);
    tabifyDockWidget(m_parameterDock, m_hiddenDock);
    // The network: a tab beside the parameters, brought to the front when the model becomes a
    // network (see connectParts()).
    m_network = new NetworkPanel;
    m_networkDock = new QDockWidget(this);
    m_networkDock->setObjectName(u"networkDock"_s);
    m_networkDock->setWidget(m_network);
    addDockWidget(Qt::RightDockWidgetArea, m_networkDock);
    tabifyDockWidget(m_parameterDock, m_networkDock);
    m_parameterDock->raise();
}

void MainWindow::connectActions()
{
    const WindowActions& a = *m_actions;
    connect(a.newAction, &QAction::triggered, m_files, &DocumentFiles::newDocument);
    connect(a.openAction, &QAction::triggered, m_files, &DocumentFiles::openDialog);
    connect(a.saveAction, &QAction::triggered, m_files, &DocumentFiles::save);
    connect(a.saveAsAction, &QAction::triggered, m_files, &DocumentFiles::saveAsDialog);
    connect(a.recentMenu(), &QMenu::aboutToShow, this,
            [this] { m_files->fillRecentMenu(m_actions->recentMenu()); });
    connect(a.openDataAction, &QAction::triggered, m_files, &DocumentFiles::openDataSetDialog);
    connect(a.saveDataAction, &QAction::triggered, m_files, &DocumentFiles::saveDataSetDialog);
    connect(a.generateAction, &QAction::triggered, this, &MainWindow::generateDialog);
    connect(a.scaleAction, &QAction::triggered, this,
            [this] { showScaleView(this, *m_document, *m_playback); });
    connect(m_actions, &WindowActions::classicDataSetChosen, this,
            [this](learning::Generator g) { generate(g, m_generatorParams); });
    connect(a.clearAction, &QAction::triggered, this, &MainWindow::clearPoints);
    connect(m_actions, &WindowActions::classChosen, m_canvas, &PlotCanvas::setActiveClass);

    connect(a.selectAllAction, &QAction::triggered, m_canvas, &PlotCanvas::selectAll);
    connect(a.deleteAction, &QAction::triggered, m_canvas, &PlotCanvas::deleteSelection);
    connect(a.fitAction, &QAction::triggered, m_canvas, &PlotCanvas::fitToData);
    connect(a.zoomInAction, &QAction::triggered, m_canvas, &PlotCanvas::zoomIn);
    connect(a.zoomOutAction, &QAction::triggered, m_canvas, &PlotCanvas::zoomOut);
    connect(a.hiddenArrowsAction, &QAction::toggled, m_canvas, &PlotCanvas::setShowHiddenArrows);
    connect(m_actions, &WindowActions::themeChosen, this, &MainWindow::setThemeChoice);

    connect(a.trainAction, &QAction::triggered, m_playback, &editor::Playback::trainOrPause);
    connect(a.stepSampleAction, &QAction::triggered, m_playback, &editor::Playback::stepSample);
    connect(a.stepEpochAction, &QAction::triggered, m_playback, &editor::Playback::stepEpoch);
    connect(a.backAction, &QAction::triggered, m_playback, &editor::Playback::stepBack);
    connect(a.resetAction, &QAction::triggered, m_playback, &editor::Playback::reset);

    // File > Export and Edit > Copy View (exportactions.h), which read the document and the run
    // when triggered.
    addExportActions(a.fileMenu(), a.quitAction, a.editMenu(), this, [this] {
        ExportContext context;
        context.document = m_document;
        context.history = &m_playback->history();
        context.position = m_playback->position();
        context.theme = m_canvas->theme();
        context.viewSize = QSizeF(m_canvas->size());
        context.devicePixelRatio = m_canvas->devicePixelRatioF();
        return context;
    });
}

void MainWindow::fitControlDock()
{
    // The controls never scroll sideways: the dock is at least as wide as they need. Measured
    // again once the window is polished and shown, and after a language change (Japanese
    // labels are wider).
    m_controlDock->widget()->setMinimumWidth(
        std::max(m_controls->minimumSizeHint().width(), m_model->minimumSizeHint().width()) +
        style()->pixelMetric(QStyle::PM_ScrollBarExtent));
}

void MainWindow::setAutosaver(editor::Autosaver* autosaver)
{
    if (m_autosaver) {
        disconnect(m_autosaver, nullptr, this, nullptr);
        disconnect(m_playback, nullptr, m_autosaver, nullptr);
        m_autosaver->setShownEpoch({});
    }
    m_autosaver = autosaver;
    if (m_autosaver) {
        // The timeline position is part of the work: a move is autosaved, and the autosave holds
        // the epoch shown (as a project saves it; nothing while nothing was recorded).
        m_autosaver->setShownEpoch([playback = QPointer(m_playback)]() -> std::optional<int> {
            if (!playback)
                return std::nullopt;
            return playback->shownEpoch();
        });
        connect(m_playback, &editor::Playback::positionChanged, m_autosaver,
                &editor::Autosaver::timelineMoved);
        // Problems stay in the status bar until something else is said; the marker stays until
        // the problem is gone.
        connect(m_autosaver, &editor::Autosaver::message, this,
                [this](const QString& text) { statusBar()->showMessage(text); });
        connect(m_autosaver, &editor::Autosaver::problemChanged, this,
                &MainWindow::updateAutosaveMarker);
    }
    updateAutosaveMarker();
}

void MainWindow::updateAutosaveMarker()
{
    if (m_autosaver)
        m_status->showAutosaveProblem(m_autosaver->problem(), m_autosaver->problemDetails());
    else
        m_status->showAutosaveProblem({}, {});
}

void MainWindow::connectParts()
{
    connect(m_document, &editor::Document::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &editor::Document::filePathChanged, this, &MainWindow::updateTitle);
    // A new or opened document starts with nothing said about the one before.
    connect(m_document, &editor::Document::loaded, statusBar(), &QStatusBar::clearMessage);
    connect(m_document, &editor::Document::dataChanged, this, &MainWindow::updateCounts);
    connect(m_document, &editor::Document::settingsChanged, this, [this] {
        const bool wasNetwork =
            m_network->model() && m_network->model()->kind() == learning::ModelKind::Network;
        m_controls->setSettings(m_document->settings());
        m_model->setSettings(m_document->settings());
        m_network->setSettings(m_document->settings());
        WindowSettings().setTraining(m_document->settings());
        if (!wasNetwork && m_document->settings().model == learning::ModelKind::Network &&
            m_networkDock->isVisible())
            m_networkDock->raise();
    });
    connect(m_document, &editor::Document::dataChanged, this, [this] {
        const std::vector<int>& labels = m_document->data().labels();
        m_model->setDataClasses(labels.empty() ? 0 : 1 + std::ranges::max(labels));
    });
    // Every change of a setting is one undo step that names it.
    connect(
        m_controls, &ControlPanel::settingsEdited, this,
        [this](const learning::TrainingSettings& settings) {
            m_document->undoStack()->push(new editor::SetSettings(
                m_document, settings, m_controls->describeEdit(m_document->settings(), settings)));
        });
    connect(m_model, &ModelPanel::settingsEdited, this,
            [this](const learning::TrainingSettings& settings) {
                m_document->undoStack()->push(new editor::SetSettings(
                    m_document, settings, m_model->describeEdit(m_document->settings(), settings)));
            });
    connect(m_model, &ModelPanel::message, this, &MainWindow::showMessage);
    // A weight typed in the network panel: one undo step that names it; the run starts over
    // from the hand-set weights (the recorded run is set aside, Undo brings it back).
    connect(m_network, &NetworkPanel::settingsEdited, this,
            [this](const learning::TrainingSettings& settings, const QString& text) {
                m_document->undoStack()->push(new editor::SetSettings(m_document, settings, text));
            });
    connect(m_document, &editor::Document::viewChanged, this, &MainWindow::updateNetwork);
    connect(m_controls, &ControlPanel::speedChanged, this, [this](double speed) {
        m_playback->setEpochsPerSecond(speed);
        WindowSettings().setSpeed(speed);
    });
    connect(m_controls, &ControlPanel::activeClassChosen, m_canvas, &PlotCanvas::setActiveClass);
    connect(m_controls, &ControlPanel::editingConfirmed, m_canvas,
            [this] { m_canvas->setFocus(Qt::OtherFocusReason); });
    connect(m_canvas, &PlotCanvas::activeClassChanged, this, [this](int cls) {
        m_controls->setActiveClass(cls);
        m_actions->checkClass(cls);
    });
    connect(m_canvas, &PlotCanvas::spaceTapped, m_playback, &editor::Playback::trainOrPause);
    connect(m_canvas, &PlotCanvas::cursorMoved, this,
            [this](QPointF world) { m_status->showCursor(world); });
    connect(m_canvas, &PlotCanvas::cursorLeft, this, [this] { m_status->showCursor({}); });
    connect(m_canvas, &PlotCanvas::message, this, &MainWindow::showMessage);
    connect(m_canvas, &PlotCanvas::selectionChanged, this, &MainWindow::updateCounts);

    connect(m_presenter, &TrainingPresenter::statusChanged, m_statusLine, &QLabel::setText);
    connect(m_presenter, &TrainingPresenter::message, this, &MainWindow::showMessage);
    connect(m_files, &DocumentFiles::message, this, &MainWindow::showMessage);
    const auto showTraining = [this] { m_actions->showTraining(*m_playback); };
    connect(m_playback, &editor::Playback::availabilityChanged, this, showTraining);
    connect(m_playback, &editor::Playback::runningChanged, this, showTraining);
    connect(m_presenter, &TrainingPresenter::refreshed, this, &MainWindow::updateAccuracy);

    // The hidden layer's view: the model at the timeline's position, at the presenter's frames.
    const auto showHidden = [this] {
        m_hidden->setModel(m_playback->shownModel(), m_document->data());
    };
    connect(m_presenter, &TrainingPresenter::refreshed, m_hidden, showHidden);
    showHidden();
    connect(m_presenter, &TrainingPresenter::refreshed, this, &MainWindow::updateNetwork);
}

void MainWindow::restoreSettings()
{
    const WindowSettings stored;
    if (!restoreGeometry(stored.geometry())) {
        // First start: most of the screen, centred.
        const QRect available = screen()->availableGeometry();
        const QSize size = (available.size() * 0.85).expandedTo(QSize(1024, 640));
        setGeometry(QStyle::alignedRect(Qt::LeftToRight, Qt::AlignCenter,
                                        size.boundedTo(available.size()), available));
    }
    m_defaultLayoutPending = !restoreState(stored.dockState());

    const learning::TrainingSettings s = stored.training();
    m_document->setSettings(s);
    m_document->markSaved();
    m_controls->setSettings(s);
    m_model->setSettings(s);
    m_network->setSettings(s);
    m_controls->setSpeed(stored.speed());
    m_playback->setEpochsPerSecond(m_controls->speed());

    const GeneratorChoice generator = stored.generator({m_lastGenerator, m_generatorParams});
    m_lastGenerator = generator.kind;
    m_generatorParams = generator.params;

    m_themeChoice = stored.theme();
    m_actions->checkTheme(m_themeChoice);
}

void MainWindow::saveSettings() const
{
    WindowSettings stored;
    stored.setLayout(saveGeometry(), saveState());
    stored.setTheme(m_themeChoice);
    stored.setTraining(m_document->settings());
    stored.setGenerator({m_lastGenerator, m_generatorParams});
}

void MainWindow::showMessage(const QString& text)
{
    statusBar()->showMessage(text, kMessageTimeoutMs);
}

bool MainWindow::openFile(const QString& path)
{
    return m_files->openFile(path);
}

bool MainWindow::saveProjectAs(const QString& path)
{
    return m_files->saveProjectAs(path);
}

bool MainWindow::saveDataSetAs(const QString& path)
{
    return m_files->saveDataSetAs(path);
}

// --- Data --------------------------------------------------------------------------------------

void MainWindow::generate(learning::Generator generator, const learning::GeneratorParams& params)
{
    m_generatorParams = params;
    m_lastGenerator = generator;
    learning::Dataset data = learning::generate(generator, params);
    // The dialog's ranges keep points far inside the limit; parameters given otherwise may not.
    if (const auto bad = learning::firstInvalidPoint(data)) {
        m_files->prompts().showError(
            this, tr("Cannot Generate Data Set"),
            u"%1: %2"_s.arg(generatorTitle(generator), io::describeInvalidPoint(data, *bad)));
        return;
    }
    m_document->undoStack()->push(new editor::ReplaceData(
        m_document, std::move(data), tr("Generate %1").arg(generatorTitle(generator))));
    m_document->setView(DocumentFiles::framing(m_document->data()));
}

void MainWindow::generateDialog()
{
    GeneratorDialog dialog(this);
    dialog.setTheme(m_canvas->theme());
    dialog.setGenerator(m_lastGenerator);
    dialog.setParams(m_generatorParams);
    if (dialog.exec() == QDialog::Accepted)
        generate(dialog.generator(), dialog.params());
}

void MainWindow::clearPoints()
{
    m_document->undoStack()->push(
        new editor::ReplaceData(m_document, learning::Dataset{}, tr("Clear points")));
}

void MainWindow::updateTitle()
{
    setWindowTitle(m_files->documentName() + u"[*] — "_s + tr("Perceptron Lab"));
    setWindowModified(m_document->isModified());
}

void MainWindow::updateCounts()
{
    const learning::Dataset& data = m_document->data();
    m_status->showCounts(data);
    m_controls->setClassesInData(m_document->classesInData());
    m_status->showSelection(m_canvas->selectedIndices().size());
    m_actions->setHasPoints(!data.empty());
}

void MainWindow::updateAccuracy()
{
    m_status->showAccuracy(m_playback->shownModel() ? std::optional(m_presenter->shownAccuracy())
                                                    : std::nullopt);
}

void MainWindow::updateNetwork()
{
    m_network->setModel(m_playback->shownModel(), m_document->view());
}

void MainWindow::setThemeChoice(const QString& choice)
{
    m_themeChoice = choice;
    m_actions->checkTheme(choice);
    applyTheme();
}

void MainWindow::applyTheme()
{
    const render::Theme theme = m_themeChoice == u"system"_s
                                    ? render::Theme::forPalette(palette())
                                    : render::Theme::fromName(m_themeChoice);
    // High contrast is for the whole window, not the plot alone. Set on the window, the palette
    // reaches every widget in it, and the menus and dialogs too (WA_WindowPropagation). Other
    // choices give the system's colours back (a default palette inherits everything); only when
    // leaving high contrast, so that following a change of the system's palette never loops.
    const bool highContrast = theme.name == u"high-contrast"_s;
    if (highContrast != m_highContrastPalette) {
        m_highContrastPalette = highContrast;
        setAttribute(Qt::WA_WindowPropagation, highContrast);
        setPalette(highContrast ? highContrastPalette() : QPalette());
    }
    m_canvas->setTheme(theme);
    m_controls->setTheme(theme);
    m_curves->setTheme(theme);
    m_hidden->setTheme(theme);
    m_network->setTheme(theme);
}

// --- Events ------------------------------------------------------------------------------------
void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (!m_defaultLayoutPending)
        return;
    m_defaultLayoutPending = false;
    // First start: the canvas gets most of the window, the docks what they need at this size.
    // After the first layout pass, which is when the dock areas have their real sizes.
    QTimer::singleShot(0, this, [this] {
        fitControlDock();
        const int w = width();
        resizeDocks({m_controlDock, m_parameterDock},
                    {std::clamp(w / 5, 280, 360), std::clamp(w / 4, 340, 480)}, Qt::Horizontal);
        // Two thirds for the parameters: with a step's update written out they need the height
        // more than the two small charts do (at 1280x720 the working then shows whole).
        resizeDocks({m_parameterDock, m_curveDock}, {height() * 2 / 3, height() / 3}, Qt::Vertical);
    });
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!m_files->maybeSave()) {
        event->ignore();
        return;
    }
    m_playback->pause();
    saveSettings();
    event->accept();
}

void MainWindow::changeEvent(QEvent* event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_themeChoice == u"system"_s && m_canvas)
        applyTheme();
    if (event->type() == QEvent::WindowStateChange && m_actions)
        m_actions->fullScreenAction->setChecked(isFullScreen());
    if (event->type() == QEvent::LanguageChange && m_presenter)
        retranslateUi();
}

void MainWindow::retranslateUi()
{
    // The one retranslation: every text set once (actions, menus, docks, toolbar) ...
    m_actions->retranslate();
    m_controlTabs->setTabText(0, tr("Training"));
    m_controlTabs->setTabText(1, tr("Model"));
    // The panels get the event after the window: measure them once they have their new texts.
    QMetaObject::invokeMethod(this, &MainWindow::fitControlDock, Qt::QueuedConnection);
    // ... and every text that depends on the state.
    updateTitle();
    m_actions->showTraining(*m_playback);
    updateCounts();
    updateAccuracy();
    updateAutosaveMarker();
    // The status line, the timeline, the canvas and the parameter panel: written again.
    m_presenter->refreshNow();
    // What was said in the old language stays so: the commands in the undo history.
    if (m_document->undoStack()->count() > 0) {
        showMessage(
            tr("Language changed. The entries already in the undo history keep their language."));
    }
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (!openableFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QStringList files = openableFiles(event->mimeData());
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    openFile(files.first());
}

} // namespace plab::ui
