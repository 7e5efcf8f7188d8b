#include "ui/mainwindow/mainwindow.h"

#include "editor/autosaver.h"
#include "editor/document.h"
#include "editor/playback.h"
#include "editor/undocommands.h"
#include "editor/windowmodels.h"
#include "io/datasetfile.h"
#include "io/projectfile.h"
#include "io/validationtext.h"
#include "render/viewtransform.h"
#include "ui/canvas/plotcanvas.h"
#include "ui/dialogs/aboutdialog.h"
#include "ui/dialogs/exportactions.h"
#include "ui/dialogs/generatordialog.h"
#include "ui/dialogs/userguidedialog.h"
#include "ui/mainwindow/languagemenu.h"
#include "ui/mainwindow/trainingpresenter.h"
#include "ui/mainwindow/windowsettings.h"
#include "ui/panels/controlpanel.h"
#include "ui/panels/learningcurves.h"
#include "ui/panels/parameterpanel.h"
#include "ui/panels/timeline.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QUndoView>
#include <QVBoxLayout>

#include <algorithm>
#include <string>

using namespace Qt::StringLiterals;

namespace plab::ui {

namespace {

constexpr int kMaxRecentFiles = 8;

/// Texts set once, when the window is built, keep their untranslated source (marked with
/// QT_TR_NOOP for lupdate) in these properties, so retranslateUi() can translate them again
/// after a language change.
constexpr char kSourceText[] = "plabSourceText";
constexpr char kSourceToolTip[] = "plabSourceToolTip";

void setSourceText(QAction* action, const char* text)
{
    action->setProperty(kSourceText, QByteArray(text));
    action->setText(MainWindow::tr(text));
}

void setSourceToolTip(QAction* action, const char* text)
{
    action->setProperty(kSourceToolTip, QByteArray(text));
    action->setToolTip(MainWindow::tr(text));
}

void setSourceTitle(QWidget* widget, const char* text)
{
    widget->setProperty(kSourceText, QByteArray(text));
    widget->setWindowTitle(MainWindow::tr(text));
}

/// A menu whose title follows the language (the title is its menuAction()'s text).
template <class Parent>
QMenu* addSourceMenu(Parent* parent, const char* title)
{
    QMenu* menu = parent->addMenu(QString());
    setSourceText(menu->menuAction(), title);
    return menu;
}
constexpr int kMessageTimeoutMs = 6000;

QString fromName(std::string_view name)
{
    return QString::fromLatin1(name.data(), qsizetype(name.size()));
}

/// The view a newly opened or generated data set gets: all points, with room around a handful
/// of them (the logic gates) for the boundary and the weight vector.
io::ViewBox framing(const learning::Dataset& data)
{
    constexpr std::size_t kFew = 8;
    return io::fitToData(data, data.size() <= kFew ? 0.4 : 0.12);
}

bool isDataSetFile(const QString& path)
{
    return QFileInfo(path).suffix().compare(u"csv"_s, Qt::CaseInsensitive) == 0;
}

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

QString projectFilter()
{
    return MainWindow::tr("Perceptron Lab projects (*.json)");
}

QString dataSetFilter()
{
    return MainWindow::tr("Data sets (*.csv)");
}

} // namespace

// --- DialogPrompts ---------------------------------------------------------------------------

void DialogPrompts::showError(QWidget* parent, const QString& title, const QString& text)
{
    QMessageBox::warning(parent, title, text);
}

UserPrompts::SaveChoice DialogPrompts::askToSave(QWidget* parent, const QString& documentName)
{
    const auto answer = QMessageBox::question(
        parent, MainWindow::tr("Unsaved Changes"),
        MainWindow::tr("“%1” has unsaved changes. Save them first?").arg(documentName),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    switch (answer) {
    case QMessageBox::Save:
        return SaveChoice::Save;
    case QMessageBox::Discard:
        return SaveChoice::Discard;
    default:
        return SaveChoice::Cancel;
    }
}

QString DialogPrompts::openFileName(QWidget* parent, const QString& caption, const QString& dir,
                                    const QString& filter)
{
    return QFileDialog::getOpenFileName(parent, caption, dir, filter);
}

QString DialogPrompts::saveFileName(QWidget* parent, const QString& caption, const QString& dir,
                                    const QString& filter)
{
    return QFileDialog::getSaveFileName(parent, caption, dir, filter);
}

// --- MainWindow ------------------------------------------------------------------------------

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_prompts(std::make_unique<DialogPrompts>())
{
    setObjectName(u"MainWindow"_s);
    setAcceptDrops(true);
    setDockNestingEnabled(true);
    // The side docks run the full height, so the charts sit under the canvas only.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);

    m_document = new editor::Document(this);

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

    createDocks();
    m_playback = new editor::Playback(m_document, nullptr, this);
    m_presenter = new TrainingPresenter(m_playback, m_document, m_canvas, m_parameters, m_curves,
                                        m_timeline, this);
    createActions();
    createMenus();
    createToolBar();
    createStatusBar();
    connectParts();
    restoreSettings();
    applyTheme();
    updateTitle();
    updateActions();
    updateCounts();
    m_canvas->setFocus();
}

MainWindow::~MainWindow()
{
    // The document is our child, so it is destroyed after this body: its undo stack clears
    // itself then and would call updateUndoTexts() on a half-destroyed window (found by the
    // asan-ubsan run of the window tests).
    m_document->undoStack()->disconnect(this);
}

void MainWindow::setPrompts(std::unique_ptr<UserPrompts> prompts)
{
    if (prompts)
        m_prompts = std::move(prompts);
}

void MainWindow::createDocks()
{
    m_controls = new ControlPanel;
    auto* controlScroll = new QScrollArea;
    controlScroll->setWidget(m_controls);
    controlScroll->setWidgetResizable(true);
    controlScroll->setFrameShape(QFrame::NoFrame);
    controlScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_controlDock = new QDockWidget(this);
    setSourceTitle(m_controlDock, QT_TR_NOOP("Controls"));
    m_controlDock->setObjectName(u"controlDock"_s);
    m_controlDock->setWidget(controlScroll);
    addDockWidget(Qt::LeftDockWidgetArea, m_controlDock);

    m_parameters = new ParameterPanel;
    auto* parameterScroll = new QScrollArea;
    parameterScroll->setWidget(m_parameters);
    parameterScroll->setWidgetResizable(true);
    parameterScroll->setFrameShape(QFrame::NoFrame);
    m_parameterDock = new QDockWidget(this);
    setSourceTitle(m_parameterDock, QT_TR_NOOP("Parameters"));
    m_parameterDock->setObjectName(u"parameterDock"_s);
    m_parameterDock->setWidget(parameterScroll);
    addDockWidget(Qt::RightDockWidgetArea, m_parameterDock);

    m_curves = new LearningCurves;
    m_curveDock = new QDockWidget(this);
    setSourceTitle(m_curveDock, QT_TR_NOOP("Learning Curves"));
    m_curveDock->setObjectName(u"curveDock"_s);
    m_curveDock->setWidget(m_curves);
    addDockWidget(Qt::RightDockWidgetArea, m_curveDock);
    splitDockWidget(m_parameterDock, m_curveDock, Qt::Vertical);

    auto* undoView = new QUndoView(m_document->undoStack());
    m_undoDock = new QDockWidget(this);
    setSourceTitle(m_undoDock, QT_TR_NOOP("Undo History"));
    m_undoDock->setObjectName(u"undoDock"_s);
    m_undoDock->setWidget(undoView);
    addDockWidget(Qt::RightDockWidgetArea, m_undoDock);
    tabifyDockWidget(m_parameterDock, m_undoDock);
    m_parameterDock->raise();
}

void MainWindow::createActions()
{
    const auto make = [this](const char* text, const char* name,
                             QStyle::StandardPixmap icon = QStyle::SP_CustomBase) {
        auto* action = new QAction(this);
        setSourceText(action, text);
        action->setObjectName(QLatin1String(name));
        if (icon != QStyle::SP_CustomBase)
            action->setIcon(style()->standardIcon(icon));
        return action;
    };

    m_newAction = make(QT_TR_NOOP("&New"), "actionNew", QStyle::SP_FileIcon);
    m_newAction->setShortcut(QKeySequence::New);
    connect(m_newAction, &QAction::triggered, this, &MainWindow::newDocument);
    m_openAction = make(QT_TR_NOOP("&Open…"), "actionOpen", QStyle::SP_DialogOpenButton);
    m_openAction->setShortcut(QKeySequence::Open);
    setSourceToolTip(m_openAction, QT_TR_NOOP("Open a project (JSON) or a data set (CSV)"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openDialog);
    m_saveAction = make(QT_TR_NOOP("&Save"), "actionSave", QStyle::SP_DialogSaveButton);
    m_saveAction->setShortcut(QKeySequence::Save);
    connect(m_saveAction, &QAction::triggered, this, &MainWindow::save);
    m_saveAsAction = make(QT_TR_NOOP("Save &As…"), "actionSaveAs");
    m_saveAsAction->setShortcut(QKeySequence::SaveAs);
    connect(m_saveAsAction, &QAction::triggered, this, &MainWindow::saveAsDialog);
    m_quitAction = make(QT_TR_NOOP("&Quit"), "actionQuit");
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    // "Undo Add point", "Redo Move 3 points": the texts come from the commands. Not
    // QUndoStack::createUndoAction(), whose prefix stays in the language it was made in.
    QUndoStack* stack = m_document->undoStack();
    m_undoAction = new QAction(this);
    m_undoAction->setObjectName(u"actionUndo"_s);
    connect(m_undoAction, &QAction::triggered, stack, &QUndoStack::undo);
    connect(stack, &QUndoStack::canUndoChanged, m_undoAction, &QAction::setEnabled);
    connect(stack, &QUndoStack::undoTextChanged, this, &MainWindow::updateUndoTexts);
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    m_redoAction = new QAction(this);
    m_redoAction->setObjectName(u"actionRedo"_s);
    connect(m_redoAction, &QAction::triggered, stack, &QUndoStack::redo);
    connect(stack, &QUndoStack::canRedoChanged, m_redoAction, &QAction::setEnabled);
    connect(stack, &QUndoStack::redoTextChanged, this, &MainWindow::updateUndoTexts);
    updateUndoTexts();
    m_redoAction->setShortcuts({QKeySequence::Redo, QKeySequence(u"Ctrl+Shift+Z"_s)});
    m_redoAction->setIcon(style()->standardIcon(QStyle::SP_ArrowForward));
    m_selectAllAction = make(QT_TR_NOOP("Select &All Points"), "actionSelectAll");
    m_selectAllAction->setShortcut(QKeySequence::SelectAll);
    connect(m_selectAllAction, &QAction::triggered, m_canvas, &PlotCanvas::selectAll);
    m_deleteAction = make(QT_TR_NOOP("&Delete Selected Points"), "actionDelete");
    m_deleteAction->setShortcut(QKeySequence::Delete);
    connect(m_deleteAction, &QAction::triggered, m_canvas, &PlotCanvas::deleteSelection);

    m_generateAction = make(QT_TR_NOOP("&Generate…"), "actionGenerate");
    m_generateAction->setShortcut(QKeySequence(u"Ctrl+G"_s));
    connect(m_generateAction, &QAction::triggered, this, &MainWindow::generateDialog);
    for (const learning::Generator g : allGenerators()) {
        auto* action = new QAction(generatorTitle(g), this);
        action->setObjectName(u"actionGenerate_"_s + fromName(learning::name(g)));
        connect(action, &QAction::triggered, this, [this, g] {
            m_lastGenerator = g;
            generate(g, m_generatorParams);
        });
        m_generatorActions << action;
    }
    m_openDataAction = make(QT_TR_NOOP("&Open Data Set (CSV)…"), "actionOpenDataSet");
    m_openDataAction->setShortcut(QKeySequence(u"Ctrl+Shift+O"_s));
    connect(m_openDataAction, &QAction::triggered, this, &MainWindow::openDataSetDialog);
    m_saveDataAction = make(QT_TR_NOOP("&Save Data Set (CSV)…"), "actionSaveDataSet");
    m_saveDataAction->setShortcut(QKeySequence(u"Ctrl+Shift+E"_s));
    connect(m_saveDataAction, &QAction::triggered, this, &MainWindow::saveDataSetDialog);
    m_clearAction = make(QT_TR_NOOP("&Clear Points"), "actionClear");
    connect(m_clearAction, &QAction::triggered, this, &MainWindow::clearPoints);
    m_classGroup = new QActionGroup(this);
    for (int cls = 0; cls < 2; ++cls) {
        auto* action = new QAction(this);
        setSourceText(action,
                      cls == 0 ? QT_TR_NOOP("Place Class &0") : QT_TR_NOOP("Place Class &1"));
        action->setObjectName(cls == 0 ? u"actionClass0"_s : u"actionClass1"_s);
        action->setCheckable(true);
        action->setShortcut(QKeySequence(cls == 0 ? Qt::Key_1 : Qt::Key_2));
        action->setChecked(cls == 0);
        m_classGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, cls] { m_canvas->setActiveClass(cls); });
    }

    m_trainAction = make(QT_TR_NOOP("&Train"), "actionTrain", QStyle::SP_MediaPlay);
    m_trainAction->setShortcut(QKeySequence(Qt::Key_Space));
    setSourceToolTip(m_trainAction, QT_TR_NOOP("Train until converged or paused (Space)"));
    connect(m_trainAction, &QAction::triggered, m_playback, &editor::Playback::trainOrPause);
    m_stepSampleAction =
        make(QT_TR_NOOP("Step &Sample"), "actionStepSample", QStyle::SP_MediaSeekForward);
    m_stepSampleAction->setShortcut(QKeySequence(Qt::Key_S));
    setSourceToolTip(m_stepSampleAction, QT_TR_NOOP("Visit one sample and show its update (S)"));
    connect(m_stepSampleAction, &QAction::triggered, m_playback, &editor::Playback::stepSample);
    m_stepEpochAction =
        make(QT_TR_NOOP("Step &Epoch"), "actionStepEpoch", QStyle::SP_MediaSkipForward);
    m_stepEpochAction->setShortcuts({QKeySequence(Qt::Key_N), QKeySequence(Qt::Key_Right)});
    setSourceToolTip(m_stepEpochAction, QT_TR_NOOP("Run one epoch (N or Right)"));
    connect(m_stepEpochAction, &QAction::triggered, m_playback, &editor::Playback::stepEpoch);
    m_backAction = make(QT_TR_NOOP("&Back"), "actionBack", QStyle::SP_MediaSkipBackward);
    m_backAction->setShortcut(QKeySequence(Qt::Key_Left));
    setSourceToolTip(m_backAction, QT_TR_NOOP("One step back in the recorded run (Left)"));
    connect(m_backAction, &QAction::triggered, m_playback, &editor::Playback::stepBack);
    m_resetAction = make(QT_TR_NOOP("&Reset"), "actionReset", QStyle::SP_BrowserReload);
    m_resetAction->setShortcut(QKeySequence(Qt::Key_R));
    setSourceToolTip(m_resetAction, QT_TR_NOOP("Back to the initial weights, epoch 0 (R)"));
    connect(m_resetAction, &QAction::triggered, m_playback, &editor::Playback::reset);

    m_fitAction = make(QT_TR_NOOP("&Fit to Data"), "actionFit");
    m_fitAction->setShortcut(QKeySequence(u"Ctrl+0"_s));
    connect(m_fitAction, &QAction::triggered, m_canvas, &PlotCanvas::fitToData);
    m_zoomInAction = make(QT_TR_NOOP("Zoom &In"), "actionZoomIn");
    m_zoomInAction->setShortcut(QKeySequence::ZoomIn);
    connect(m_zoomInAction, &QAction::triggered, m_canvas, &PlotCanvas::zoomIn);
    m_zoomOutAction = make(QT_TR_NOOP("Zoom &Out"), "actionZoomOut");
    m_zoomOutAction->setShortcut(QKeySequence::ZoomOut);
    connect(m_zoomOutAction, &QAction::triggered, m_canvas, &PlotCanvas::zoomOut);
    m_fullScreenAction = make(QT_TR_NOOP("F&ull Screen"), "actionFullScreen");
    m_fullScreenAction->setShortcut(QKeySequence::FullScreen);
    m_fullScreenAction->setCheckable(true);
    connect(m_fullScreenAction, &QAction::toggled, this, [this](bool on) {
        setWindowState(on ? windowState() | Qt::WindowFullScreen
                          : windowState() & ~Qt::WindowFullScreen);
    });

    m_themeGroup = new QActionGroup(this);
    const std::pair<QString, const char*> themes[] = {
        {u"system"_s, QT_TR_NOOP("Follow the &System")},
        {u"light"_s, QT_TR_NOOP("&Light")},
        {u"dark"_s, QT_TR_NOOP("&Dark")},
        {u"high-contrast"_s, QT_TR_NOOP("&High Contrast")},
        {u"print"_s, QT_TR_NOOP("&Print (white, thick lines)")},
    };
    for (const auto& [id, text] : themes) {
        auto* action = new QAction(this);
        setSourceText(action, text);
        action->setObjectName(u"actionTheme_"_s + id);
        action->setCheckable(true);
        action->setData(id);
        m_themeGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, id] { setThemeChoice(id); });
    }

    // Single-key shortcuts must work wherever the focus is in the window (except in text
    // fields, which take their keys first).
    addActions({m_trainAction, m_stepSampleAction, m_stepEpochAction, m_backAction, m_resetAction});
}

void MainWindow::createMenus()
{
    QMenu* file = addSourceMenu(menuBar(), QT_TR_NOOP("&File"));
    file->addAction(m_newAction);
    file->addAction(m_openAction);
    m_recentMenu = addSourceMenu(file, QT_TR_NOOP("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);
    file->addSeparator();
    file->addAction(m_saveAction);
    file->addAction(m_saveAsAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu* edit = addSourceMenu(menuBar(), QT_TR_NOOP("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_selectAllAction);
    edit->addAction(m_deleteAction);
    edit->addSeparator();
    edit->addAction(m_undoDock->toggleViewAction());

    // File > Export and Edit > Copy View (exportactions.h), which read the document and the run
    // when triggered.
    addExportActions(file, m_quitAction, edit, this, [this] {
        ExportContext context;
        context.document = m_document;
        context.history = &m_playback->history();
        context.position = m_playback->position();
        context.theme = m_canvas->theme();
        context.viewSize = QSizeF(m_canvas->size());
        context.devicePixelRatio = m_canvas->devicePixelRatioF();
        return context;
    });

    QMenu* data = addSourceMenu(menuBar(), QT_TR_NOOP("&Data"));
    data->addAction(m_generateAction);
    QMenu* classic = addSourceMenu(data, QT_TR_NOOP("&Classic Data Sets"));
    classic->addActions(m_generatorActions);
    data->addSeparator();
    data->addActions(m_classGroup->actions());
    data->addSeparator();
    data->addAction(m_openDataAction);
    data->addAction(m_saveDataAction);
    data->addSeparator();
    data->addAction(m_clearAction);

    QMenu* training = addSourceMenu(menuBar(), QT_TR_NOOP("&Training"));
    training->addAction(m_trainAction);
    training->addAction(m_stepSampleAction);
    training->addAction(m_stepEpochAction);
    training->addAction(m_backAction);
    training->addSeparator();
    training->addAction(m_resetAction);

    QMenu* view = addSourceMenu(menuBar(), QT_TR_NOOP("&View"));
    view->addAction(m_fitAction);
    view->addAction(m_zoomInAction);
    view->addAction(m_zoomOutAction);
    view->addSeparator();
    for (auto* dock : {m_controlDock, m_parameterDock, m_curveDock, m_undoDock})
        view->addAction(dock->toggleViewAction());
    QMenu* theme = addSourceMenu(view, QT_TR_NOOP("&Theme"));
    theme->addActions(m_themeGroup->actions());
    auto* language = new LanguageMenu(view);
    view->addMenu(language);
    view->addSeparator();
    view->addAction(m_fullScreenAction);

    QMenu* help = addSourceMenu(menuBar(), QT_TR_NOOP("&Help"));
    QAction* guide = help->addAction(QString(), this, [this] { showUserGuide(this); });
    setSourceText(guide, QT_TR_NOOP("User &Guide"));
    guide->setObjectName(u"actionUserGuide"_s);
    QAction* keys = help->addAction(QString(), this, &MainWindow::showKeys);
    setSourceText(keys, QT_TR_NOOP("&Keys and Mouse"));
    keys->setObjectName(u"actionKeys"_s);
    keys->setShortcut(QKeySequence::HelpContents);
    QAction* about = help->addAction(QString(), this, &MainWindow::showAbout);
    setSourceText(about, QT_TR_NOOP("&About Perceptron Lab"));
    about->setObjectName(u"actionAbout"_s);
    about->setMenuRole(QAction::AboutRole);
    QAction* aboutQt = help->addAction(QString(), qApp, &QApplication::aboutQt);
    setSourceText(aboutQt, QT_TR_NOOP("About &Qt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::createToolBar()
{
    QToolBar* bar = addToolBar(QString());
    setSourceTitle(bar, QT_TR_NOOP("Main Toolbar"));
    bar->setObjectName(u"mainToolBar"_s);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_newAction);
    bar->addAction(m_openAction);
    bar->addAction(m_saveAction);
    bar->addSeparator();
    bar->addAction(m_undoAction);
    bar->addAction(m_redoAction);
    bar->addSeparator();
    bar->addAction(m_generateAction);
    bar->addAction(m_fitAction);
    m_controls->setTrainingActions(
        {m_trainAction, m_stepSampleAction, m_stepEpochAction, m_backAction, m_resetAction});
    fitControlDock();
}

void MainWindow::fitControlDock()
{
    // The controls never scroll sideways: the dock is at least as wide as they need. Measured
    // again once the window is polished and shown, and after a language change (Japanese
    // labels are wider).
    m_controlDock->widget()->setMinimumWidth(m_controls->minimumSizeHint().width() +
                                             style()->pixelMetric(QStyle::PM_ScrollBarExtent));
}

void MainWindow::createStatusBar()
{
    m_cursorLabel = new QLabel(this);
    m_countLabel = new QLabel(this);
    m_accuracyLabel = new QLabel(this);
    for (auto* label : {m_cursorLabel, m_countLabel, m_accuracyLabel}) {
        label->setContentsMargins(6, 0, 6, 0);
        statusBar()->addPermanentWidget(label);
    }
    m_cursorLabel->setMinimumWidth(
        m_cursorLabel->fontMetrics().horizontalAdvance(u"x₁ = −0000.00  x₂ = −0000.00"_s));

    // Shown only while changes are not being autosaved; stays until they are again.
    m_autosaveMarker = new QWidget(this);
    m_autosaveMarker->setObjectName(u"autosaveMarker"_s);
    auto* markerLayout = new QHBoxLayout(m_autosaveMarker);
    markerLayout->setContentsMargins(6, 0, 6, 0);
    markerLayout->setSpacing(4);
    m_autosaveIcon = new QLabel(m_autosaveMarker);
    m_autosaveText = new QLabel(m_autosaveMarker);
    QFont bold = m_autosaveText->font();
    bold.setBold(true);
    m_autosaveText->setFont(bold);
    markerLayout->addWidget(m_autosaveIcon);
    markerLayout->addWidget(m_autosaveText);
    m_autosaveMarker->hide();
    statusBar()->insertPermanentWidget(0, m_autosaveMarker);
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
    const QString problem = m_autosaver ? m_autosaver->problem() : QString();
    if (problem.isEmpty()) {
        m_autosaveMarker->hide();
        return;
    }
    const int size = m_autosaveText->fontMetrics().height();
    m_autosaveIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(size));
    m_autosaveText->setText(tr("Not autosaved: %1").arg(problem));
    m_autosaveMarker->setToolTip(m_autosaver->problemDetails());
    m_autosaveMarker->show();
}

void MainWindow::connectParts()
{
    connect(m_document, &editor::Document::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &editor::Document::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &editor::Document::dataChanged, this, &MainWindow::updateCounts);
    connect(m_document, &editor::Document::settingsChanged, this, [this] {
        m_controls->setSettings(m_document->settings());
        WindowSettings().setTraining(m_document->settings());
    });
    connect(m_controls, &ControlPanel::settingsEdited, m_document, &editor::Document::setSettings);
    connect(m_controls, &ControlPanel::speedChanged, this, [this](double speed) {
        m_playback->setEpochsPerSecond(speed);
        WindowSettings().setSpeed(speed);
    });
    connect(m_controls, &ControlPanel::activeClassChosen, m_canvas, &PlotCanvas::setActiveClass);
    connect(m_canvas, &PlotCanvas::activeClassChanged, this, [this](int cls) {
        m_controls->setActiveClass(cls);
        m_classGroup->actions().at(cls == 1 ? 1 : 0)->setChecked(true);
    });
    connect(m_canvas, &PlotCanvas::spaceTapped, m_playback, &editor::Playback::trainOrPause);
    connect(m_canvas, &PlotCanvas::cursorMoved, this, [this](QPointF world) {
        m_cursorLabel->setText(u"x₁ = "_s + formatNumber(world.x()) + u"  x₂ = "_s +
                               formatNumber(world.y()));
    });
    connect(m_canvas, &PlotCanvas::cursorLeft, m_cursorLabel, &QLabel::clear);
    connect(m_canvas, &PlotCanvas::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, kMessageTimeoutMs); });

    connect(m_presenter, &TrainingPresenter::statusChanged, m_statusLine, &QLabel::setText);
    connect(m_presenter, &TrainingPresenter::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, kMessageTimeoutMs); });
    connect(m_playback, &editor::Playback::availabilityChanged, this, &MainWindow::updateActions);
    connect(m_playback, &editor::Playback::runningChanged, this, &MainWindow::updateActions);
    connect(m_presenter, &TrainingPresenter::refreshed, this, &MainWindow::updateAccuracy);
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
    m_controls->setSpeed(stored.speed());
    m_playback->setEpochsPerSecond(m_controls->speed());

    const GeneratorChoice generator = stored.generator({m_lastGenerator, m_generatorParams});
    m_lastGenerator = generator.kind;
    m_generatorParams = generator.params;

    m_themeChoice = stored.theme();
    const auto themeActions = m_themeGroup->actions();
    for (QAction* action : themeActions)
        action->setChecked(action->data().toString() == m_themeChoice);
}

void MainWindow::saveSettings() const
{
    WindowSettings stored;
    stored.setLayout(saveGeometry(), saveState());
    stored.setTheme(m_themeChoice);
    stored.setTraining(m_document->settings());
    stored.setGenerator({m_lastGenerator, m_generatorParams});
}

// --- Files -----------------------------------------------------------------------------------

void MainWindow::newDocument()
{
    if (!maybeSave())
        return;
    const learning::TrainingSettings settings = m_document->settings();
    m_document->clear();
    // A new document starts with the settings last used, as an unmodified document.
    m_document->setSettings(settings);
    m_document->markSaved();
}

void MainWindow::openDialog()
{
    // Opening a project asks about unsaved changes (openProject); a data set replaces the
    // points as one undo step and loses nothing. Asking here as well asked twice after Discard.
    const QString path =
        m_prompts->openFileName(this, tr("Open"), lastDirectory(),
                                tr("Projects and data sets (*.json *.csv)") + u";;"_s +
                                    projectFilter() + u";;"_s + dataSetFilter());
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::openDataSetDialog()
{
    const QString path =
        m_prompts->openFileName(this, tr("Open Data Set"), lastDirectory(), dataSetFilter());
    if (!path.isEmpty())
        openDataSet(path);
}

bool MainWindow::openFile(const QString& path)
{
    return isDataSetFile(path) ? openDataSet(path) : openProject(path);
}

bool MainWindow::openProject(const QString& path)
{
    if (!maybeSave())
        return false;
    auto result = io::readProject(path);
    if (!result) {
        m_prompts->showError(this, tr("Cannot Open Project"), result.error().toString());
        return false;
    }
    if (const auto unshown = editor::unshownModel(result->settings, result->data)) {
        m_prompts->showError(this, tr("Cannot Open Project"), *unshown);
        return false;
    }
    m_document->loadProject(result.value(), path);
    // Back to the epoch the project was saved at (a lookup once the engine has run there).
    if (result.value().epoch)
        m_playback->showEpoch(*result.value().epoch);
    addRecentFile(path);
    statusBar()->showMessage(tr("Opened %1").arg(QFileInfo(path).fileName()), kMessageTimeoutMs);
    return true;
}

bool MainWindow::openDataSet(const QString& path)
{
    auto result = io::readDatasetCsv(path);
    if (!result) {
        m_prompts->showError(this, tr("Cannot Open Data Set"), result.error().toString());
        return false;
    }
    if (const auto unshown = editor::unshownModel(learning::TrainingSettings(), result.value())) {
        m_prompts->showError(this, tr("Cannot Open Data Set"), *unshown);
        return false;
    }
    const QString name = QFileInfo(path).fileName();
    const bool pristine = m_document->data().empty() && m_document->undoStack()->count() == 0 &&
                          !m_document->isModified() && m_document->filePath().isEmpty();
    if (pristine) {
        // Nothing to undo to: the data set starts a fresh, unmodified project.
        io::Project project = m_document->toProject();
        project.data = result.value();
        project.view = framing(project.data);
        m_document->loadProject(project, QString());
    } else {
        m_document->undoStack()->push(
            new editor::ReplaceData(m_document, result.value(), tr("Open %1").arg(name)));
        m_document->setView(framing(m_document->data()));
    }
    addRecentFile(path);
    statusBar()->showMessage(tr("Opened %1").arg(name), kMessageTimeoutMs);
    return true;
}

bool MainWindow::save()
{
    const QString path = m_document->filePath();
    if (path.isEmpty())
        return saveAsDialog();
    return saveProjectAs(path);
}

bool MainWindow::saveAsDialog()
{
    QString path =
        m_prompts->saveFileName(this, tr("Save Project"), lastDirectory(), projectFilter());
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += u".json"_s;
    return saveProjectAs(path);
}

bool MainWindow::saveProjectAs(const QString& path)
{
    io::Project project = m_document->toProject();
    project.epoch = m_playback->shownEpoch();
    // The error names the file and, for a point that cannot be written, the point.
    if (const auto error = io::writeProject(project, path)) {
        m_prompts->showError(this, tr("Cannot Save Project"), error->toString());
        return false;
    }
    m_document->setFilePath(path);
    m_document->markSaved();
    addRecentFile(path);
    statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(path).fileName()), kMessageTimeoutMs);
    return true;
}

void MainWindow::saveDataSetDialog()
{
    QString path =
        m_prompts->saveFileName(this, tr("Save Data Set"), lastDirectory(), dataSetFilter());
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += u".csv"_s;
    saveDataSetAs(path);
}

bool MainWindow::saveDataSetAs(const QString& path)
{
    if (const auto error = io::writeDatasetCsv(m_document->data(), path)) {
        m_prompts->showError(this, tr("Cannot Save Data Set"), error->toString());
        return false;
    }
    rememberDirectory(path);
    statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(path).fileName()), kMessageTimeoutMs);
    return true;
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const QString name = m_document->filePath().isEmpty()
                             ? tr("Untitled")
                             : QFileInfo(m_document->filePath()).fileName();
    switch (m_prompts->askToSave(this, name)) {
    case UserPrompts::SaveChoice::Save:
        return save();
    case UserPrompts::SaveChoice::Discard:
        return true;
    case UserPrompts::SaveChoice::Cancel:
        break;
    }
    return false;
}

void MainWindow::addRecentFile(const QString& path)
{
    if (path.startsWith(u':'))
        return; // a resource built into the program (the bundled examples)
    rememberDirectory(path);
    QSettings settings;
    QStringList files = settings.value(u"recentFiles"_s).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    settings.setValue(u"recentFiles"_s, files);
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = QSettings().value(u"recentFiles"_s).toStringList();
    for (int i = 0; i < files.size(); ++i) {
        const QString& path = files.at(i);
        QAction* action =
            m_recentMenu->addAction(u"&%1 %2"_s.arg(i + 1).arg(QFileInfo(path).fileName()), this,
                                    [this, path] { openFile(path); });
        action->setToolTip(path);
        action->setStatusTip(path);
    }
    if (files.isEmpty())
        m_recentMenu->addAction(tr("No Recent Files"))->setEnabled(false);
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("&Clear Menu"), this, [] { QSettings().remove(u"recentFiles"_s); });
}

QString MainWindow::lastDirectory() const
{
    return QSettings().value(u"files/lastDirectory"_s).toString();
}

void MainWindow::rememberDirectory(const QString& path)
{
    QSettings().setValue(u"files/lastDirectory"_s, QFileInfo(path).absolutePath());
}

// --- Data --------------------------------------------------------------------------------------

void MainWindow::generate(learning::Generator generator, const learning::GeneratorParams& params)
{
    m_generatorParams = params;
    m_lastGenerator = generator;
    learning::Dataset data = learning::generate(generator, params);
    // The dialog's ranges keep points far inside the limit; parameters given otherwise may not.
    if (const auto bad = learning::firstInvalidPoint(data)) {
        m_prompts->showError(
            this, tr("Cannot Generate Data Set"),
            u"%1: %2"_s.arg(generatorTitle(generator), io::describeInvalidPoint(data, *bad)));
        return;
    }
    m_document->undoStack()->push(new editor::ReplaceData(
        m_document, std::move(data), tr("Generate %1").arg(generatorTitle(generator))));
    m_document->setView(framing(m_document->data()));
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

// --- Presentation ------------------------------------------------------------------------------

void MainWindow::updateTitle()
{
    const QString path = m_document->filePath();
    const QString name = path.isEmpty() ? tr("Untitled") : QFileInfo(path).fileName();
    setWindowTitle(name + u"[*] — "_s + tr("Perceptron Lab"));
    setWindowModified(m_document->isModified());
}

void MainWindow::updateActions()
{
    const bool running = m_playback->isRunning();
    m_trainAction->setText(running ? tr("&Pause") : tr("&Train"));
    m_trainAction->setIcon(
        style()->standardIcon(running ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_trainAction->setToolTip(running ? tr("Pause (Space)")
                                      : tr("Train until converged or paused (Space)"));
    m_trainAction->setEnabled(running || m_playback->canAdvance());
    m_stepSampleAction->setEnabled(m_playback->hasProblem());
    m_stepEpochAction->setEnabled(m_playback->hasProblem());
    m_backAction->setEnabled(m_playback->canGoBack());
    m_resetAction->setEnabled(m_playback->hasProblem());
}

void MainWindow::updateCounts()
{
    const learning::Dataset& data = m_document->data();
    m_countLabel->setText(tr("class 0: %1 · class 1: %2").arg(data.count(0)).arg(data.count(1)));
    const bool any = !data.empty();
    m_clearAction->setEnabled(any);
    m_saveDataAction->setEnabled(any);
    m_selectAllAction->setEnabled(any);
}

void MainWindow::updateAccuracy()
{
    if (m_playback->shownModel())
        m_accuracyLabel->setText(
            tr("accuracy %1 %").arg(QString::number(100.0 * m_presenter->shownAccuracy(), 'f', 1)));
    else
        m_accuracyLabel->clear();
}

void MainWindow::setThemeChoice(const QString& choice)
{
    m_themeChoice = choice;
    const auto actions = m_themeGroup->actions();
    for (QAction* action : actions)
        action->setChecked(action->data().toString() == choice);
    applyTheme();
}

void MainWindow::applyTheme()
{
    const render::Theme theme = m_themeChoice == u"system"_s
                                    ? render::Theme::forPalette(palette())
                                    : render::Theme::fromName(m_themeChoice);
    m_canvas->setTheme(theme);
    m_controls->setTheme(theme);
    m_curves->setTheme(theme);
}

void MainWindow::showKeys()
{
    const QString rows[][2] = {
        {tr("Left click"), tr("place a point of the active class")},
        {tr("Right click / Shift+click"), tr("place a point of the other class")},
        {tr("1, 2"), tr("choose the active class")},
        {tr("Drag a point"), tr("move it (one undo step)")},
        {tr("Drag on empty space"), tr("select points in a rectangle")},
        {tr("Delete, Backspace"), tr("remove the selected or hovered points")},
        {tr("Wheel, +, −"), tr("zoom around the cursor")},
        {tr("Middle drag, Space+drag"), tr("pan")},
        {tr("Ctrl+0, Home"), tr("fit the view to the data")},
        {tr("Space"), tr("train / pause")},
        {tr("S"), tr("step one sample: shows the update")},
        {tr("N, Right"), tr("step one epoch")},
        {tr("Left"), tr("one step back in the recorded run")},
        {tr("R"), tr("reset to epoch 0")},
        {tr("Ctrl+Z, Ctrl+Shift+Z"), tr("undo, redo")},
    };
    QString html = u"<table cellspacing=\"4\">"_s;
    for (const auto& row : rows)
        html += u"<tr><td><b>"_s + row[0].toHtmlEscaped() + u"</b></td><td>"_s +
                row[1].toHtmlEscaped() + u"</td></tr>"_s;
    html += u"</table><p>"_s +
            tr("The timeline under the plot scrubs through every recorded epoch and sample "
               "visit. Training from a past position continues from there and drops the "
               "recorded run after it.")
                .toHtmlEscaped() +
            u"</p>"_s;
    auto* box =
        new QMessageBox(QMessageBox::NoIcon, tr("Keys and Mouse"), html, QMessageBox::Close, this);
    box->setTextFormat(Qt::RichText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setModal(false);
    box->show();
}

void MainWindow::showAbout()
{
    showAboutDialog(this);
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
        resizeDocks({m_parameterDock, m_curveDock}, {height() * 6 / 10, height() * 4 / 10},
                    Qt::Vertical);
    });
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!maybeSave()) {
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
    if (event->type() == QEvent::WindowStateChange && m_fullScreenAction)
        m_fullScreenAction->setChecked(isFullScreen());
    if (event->type() == QEvent::LanguageChange && m_presenter)
        retranslateUi();
}

void MainWindow::retranslateUi()
{
    for (QAction* action : findChildren<QAction*>()) {
        const QByteArray text = action->property(kSourceText).toByteArray();
        if (!text.isEmpty())
            action->setText(tr(text.constData()));
        const QByteArray toolTip = action->property(kSourceToolTip).toByteArray();
        if (!toolTip.isEmpty())
            action->setToolTip(tr(toolTip.constData()));
    }
    for (QWidget* widget :
         {static_cast<QWidget*>(m_controlDock), static_cast<QWidget*>(m_parameterDock),
          static_cast<QWidget*>(m_curveDock), static_cast<QWidget*>(m_undoDock),
          static_cast<QWidget*>(findChild<QToolBar*>(u"mainToolBar"_s))}) {
        if (widget != nullptr)
            widget->setWindowTitle(tr(widget->property(kSourceText).toByteArray().constData()));
    }
    const auto generators = allGenerators();
    for (qsizetype i = 0; i < m_generatorActions.size() && std::size_t(i) < generators.size(); ++i)
        m_generatorActions.at(i)->setText(generatorTitle(generators[std::size_t(i)]));
    if (auto* undoView = qobject_cast<QUndoView*>(m_undoDock->widget()))
        undoView->setEmptyLabel(tr("<empty>"));
    updateUndoTexts();
    // The panels get the event after the window: measure them once they have their new texts.
    QMetaObject::invokeMethod(this, &MainWindow::fitControlDock, Qt::QueuedConnection);
    updateTitle();
    updateActions();
    updateCounts();
    updateAccuracy();
    updateAutosaveMarker();
    // The status line, the timeline, the canvas and the parameter panel: written again.
    m_presenter->refreshNow();
    // What was said in the old language stays so: the commands in the undo history.
    if (m_document->undoStack()->count() > 0) {
        statusBar()->showMessage(
            tr("Language changed. The entries already in the undo history keep their language."),
            kMessageTimeoutMs);
    }
}

void MainWindow::updateUndoTexts()
{
    const QUndoStack* stack = m_document->undoStack();
    m_undoAction->setText(stack->canUndo() ? tr("&Undo %1").arg(stack->undoText()) : tr("&Undo"));
    m_undoAction->setEnabled(stack->canUndo());
    m_redoAction->setText(stack->canRedo() ? tr("&Redo %1").arg(stack->redoText()) : tr("&Redo"));
    m_redoAction->setEnabled(stack->canRedo());
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
