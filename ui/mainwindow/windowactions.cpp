#include "ui/mainwindow/windowactions.h"

#include "editor/playback.h"
#include "learning/network.h"
#include "ui/dialogs/aboutdialog.h"
#include "ui/dialogs/generatordialog.h"
#include "ui/dialogs/keysdialog.h"
#include "ui/dialogs/userguidedialog.h"
#include "ui/mainwindow/languagemenu.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenuBar>
#include <QStyle>
#include <QToolBar>
#include <QUndoStack>
#include <QUndoView>

#include <string_view>
#include <utility>

using namespace Qt::StringLiterals;

namespace plab::ui {

namespace {

/// The untranslated source of a text set once (marked with QT_TR_NOOP for lupdate), kept in
/// these properties so that retranslate() can translate it again after a language change.
constexpr char kSourceText[] = "plabSourceText";
constexpr char kSourceToolTip[] = "plabSourceToolTip";

/// A menu whose title follows the language (the title is its menuAction()'s text).
template <class Parent>
QMenu* addSourceMenu(Parent* parent, const char* title)
{
    QMenu* menu = parent->addMenu(QString());
    WindowActions::setSourceText(menu->menuAction(), title);
    return menu;
}

QString fromName(std::string_view name)
{
    return QString::fromLatin1(name.data(), qsizetype(name.size()));
}

} // namespace

WindowActions::WindowActions(QMainWindow* window, QUndoStack* undoStack, const Docks& docks)
    : QObject(window), m_window(window), m_undoStack(undoStack)
{
    setSourceTitle(docks.controls, QT_TR_NOOP("Controls"));
    setSourceTitle(docks.parameters, QT_TR_NOOP("Parameters"));
    setSourceTitle(docks.curves, QT_TR_NOOP("Learning Curves"));
    setSourceTitle(docks.undo, QT_TR_NOOP("Undo History"));
    if (docks.network)
        setSourceTitle(docks.network, QT_TR_NOOP("Network"));
    if (docks.hidden)
        setSourceTitle(docks.hidden, QT_TR_NOOP("Hidden Layer"));
    createActions();
    createMenus(docks);
    createToolBar();
}

void WindowActions::setSourceText(QAction* action, const char* text)
{
    action->setProperty(kSourceText, QByteArray(text));
    action->setText(tr(text));
}

void WindowActions::setSourceToolTip(QAction* action, const char* text)
{
    action->setProperty(kSourceToolTip, QByteArray(text));
    action->setToolTip(tr(text));
}

void WindowActions::setSourceTitle(QWidget* widget, const char* text)
{
    widget->setProperty(kSourceText, QByteArray(text));
    widget->setWindowTitle(tr(text));
}

void WindowActions::createActions()
{
    QStyle* style = m_window->style();
    const auto make = [this, style](const char* text, const char* name,
                                    QStyle::StandardPixmap icon = QStyle::SP_CustomBase) {
        auto* action = new QAction(m_window);
        setSourceText(action, text);
        action->setObjectName(QLatin1String(name));
        if (icon != QStyle::SP_CustomBase)
            action->setIcon(style->standardIcon(icon));
        return action;
    };

    newAction = make(QT_TR_NOOP("&New"), "actionNew", QStyle::SP_FileIcon);
    newAction->setShortcut(QKeySequence::New);
    openAction = make(QT_TR_NOOP("&Open…"), "actionOpen", QStyle::SP_DialogOpenButton);
    openAction->setShortcut(QKeySequence::Open);
    setSourceToolTip(openAction, QT_TR_NOOP("Open a project (JSON) or a data set (CSV)"));
    saveAction = make(QT_TR_NOOP("&Save"), "actionSave", QStyle::SP_DialogSaveButton);
    saveAction->setShortcut(QKeySequence::Save);
    saveAsAction = make(QT_TR_NOOP("Save &As…"), "actionSaveAs");
    saveAsAction->setShortcut(QKeySequence::SaveAs);
    quitAction = make(QT_TR_NOOP("&Quit"), "actionQuit");
    quitAction->setShortcut(QKeySequence::Quit);
    quitAction->setMenuRole(QAction::QuitRole);
    connect(quitAction, &QAction::triggered, m_window, &QWidget::close);

    // "Undo Add point", "Redo Move 3 points": the texts come from the commands. Not
    // QUndoStack::createUndoAction(), whose prefix stays in the language it was made in.
    undoAction = new QAction(m_window);
    undoAction->setObjectName(u"actionUndo"_s);
    connect(undoAction, &QAction::triggered, m_undoStack, &QUndoStack::undo);
    connect(m_undoStack, &QUndoStack::canUndoChanged, undoAction, &QAction::setEnabled);
    connect(m_undoStack, &QUndoStack::undoTextChanged, this, &WindowActions::updateUndoTexts);
    undoAction->setShortcut(QKeySequence::Undo);
    undoAction->setIcon(style->standardIcon(QStyle::SP_ArrowBack));
    redoAction = new QAction(m_window);
    redoAction->setObjectName(u"actionRedo"_s);
    connect(redoAction, &QAction::triggered, m_undoStack, &QUndoStack::redo);
    connect(m_undoStack, &QUndoStack::canRedoChanged, redoAction, &QAction::setEnabled);
    connect(m_undoStack, &QUndoStack::redoTextChanged, this, &WindowActions::updateUndoTexts);
    // Redo as the platform spells it plus Ctrl+Y and Ctrl+Shift+Z, as the menu, the keys help
    // and the user guide promise; each once: a sequence registered twice is ambiguous and does
    // nothing.
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    for (const QKeySequence& key : {QKeySequence(u"Ctrl+Y"_s), QKeySequence(u"Ctrl+Shift+Z"_s)}) {
        if (!redoKeys.contains(key))
            redoKeys << key;
    }
    redoAction->setShortcuts(redoKeys);
    redoAction->setIcon(style->standardIcon(QStyle::SP_ArrowForward));
    updateUndoTexts();
    selectAllAction = make(QT_TR_NOOP("Select &All Points"), "actionSelectAll");
    selectAllAction->setShortcut(QKeySequence::SelectAll);
    deleteAction = make(QT_TR_NOOP("&Delete Selected Points"), "actionDelete");
    deleteAction->setShortcut(QKeySequence::Delete);

    generateAction = make(QT_TR_NOOP("&Generate…"), "actionGenerate");
    generateAction->setShortcut(QKeySequence(u"Ctrl+G"_s));
    for (const learning::Generator g : allGenerators()) {
        auto* action = new QAction(generatorTitle(g), m_window);
        action->setObjectName(u"actionGenerate_"_s + fromName(learning::name(g)));
        connect(action, &QAction::triggered, this, [this, g] { Q_EMIT classicDataSetChosen(g); });
        m_generatorActions << action;
    }
    openDataAction = make(QT_TR_NOOP("&Open Data Set (CSV)…"), "actionOpenDataSet");
    openDataAction->setShortcut(QKeySequence(u"Ctrl+Shift+O"_s));
    saveDataAction = make(QT_TR_NOOP("&Save Data Set (CSV)…"), "actionSaveDataSet");
    saveDataAction->setShortcut(QKeySequence(u"Ctrl+Shift+E"_s));
    clearAction = make(QT_TR_NOOP("&Clear Points"), "actionClear");
    // Key k places label k - 1: classes keep their file labels 0 ... 7 everywhere.
    static constexpr const char* placeClass[learning::kMaxClasses] = {
        QT_TR_NOOP("Place Class &0"), QT_TR_NOOP("Place Class &1"), QT_TR_NOOP("Place Class &2"),
        QT_TR_NOOP("Place Class &3"), QT_TR_NOOP("Place Class &4"), QT_TR_NOOP("Place Class &5"),
        QT_TR_NOOP("Place Class &6"), QT_TR_NOOP("Place Class &7")};
    m_classGroup = new QActionGroup(this);
    for (int cls = 0; cls < learning::kMaxClasses; ++cls) {
        auto* action = new QAction(m_window);
        setSourceText(action, placeClass[cls]);
        action->setObjectName(u"actionClass%1"_s.arg(cls));
        action->setCheckable(true);
        action->setShortcut(QKeySequence(Qt::Key(Qt::Key_1 + cls)));
        action->setChecked(cls == 0);
        m_classGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, cls] { Q_EMIT classChosen(cls); });
    }

    trainAction = make(QT_TR_NOOP("&Train"), "actionTrain", QStyle::SP_MediaPlay);
    trainAction->setShortcut(QKeySequence(Qt::Key_Space));
    setSourceToolTip(trainAction, QT_TR_NOOP("Train until converged or paused (Space)"));
    stepSampleAction =
        make(QT_TR_NOOP("Step &Sample"), "actionStepSample", QStyle::SP_MediaSeekForward);
    stepSampleAction->setShortcut(QKeySequence(Qt::Key_S));
    stepEpochAction =
        make(QT_TR_NOOP("Step &Epoch"), "actionStepEpoch", QStyle::SP_MediaSkipForward);
    stepEpochAction->setShortcuts({QKeySequence(Qt::Key_N), QKeySequence(Qt::Key_Right)});
    backAction = make(QT_TR_NOOP("&Back"), "actionBack", QStyle::SP_MediaSkipBackward);
    backAction->setShortcut(QKeySequence(Qt::Key_Left));
    setSourceToolTip(backAction, QT_TR_NOOP("One step back in the recorded run (Left)"));
    resetAction = make(QT_TR_NOOP("&Reset"), "actionReset", QStyle::SP_BrowserReload);
    resetAction->setShortcut(QKeySequence(Qt::Key_R));
    setSourceToolTip(resetAction, QT_TR_NOOP("Back to the initial weights, epoch 0 (R)"));

    fitAction = make(QT_TR_NOOP("&Fit to Data"), "actionFit");
    fitAction->setShortcut(QKeySequence(u"Ctrl+0"_s));
    zoomInAction = make(QT_TR_NOOP("Zoom &In"), "actionZoomIn");
    zoomInAction->setShortcut(QKeySequence::ZoomIn);
    zoomOutAction = make(QT_TR_NOOP("Zoom &Out"), "actionZoomOut");
    zoomOutAction->setShortcut(QKeySequence::ZoomOut);
    fullScreenAction = make(QT_TR_NOOP("F&ull Screen"), "actionFullScreen");
    fullScreenAction->setShortcut(QKeySequence::FullScreen);
    fullScreenAction->setCheckable(true);
    connect(fullScreenAction, &QAction::toggled, this, [this](bool on) {
        m_window->setWindowState(on ? m_window->windowState() | Qt::WindowFullScreen
                                    : m_window->windowState() & ~Qt::WindowFullScreen);
    });

    hiddenArrowsAction = make(QT_TR_NOOP("Hidden Units' &Weights"), "actionHiddenArrows");
    hiddenArrowsAction->setCheckable(true);

    m_themeGroup = new QActionGroup(this);
    const std::pair<QString, const char*> themes[] = {
        {u"system"_s, QT_TR_NOOP("Follow the &System")},
        {u"light"_s, QT_TR_NOOP("&Light")},
        {u"dark"_s, QT_TR_NOOP("&Dark")},
        {u"high-contrast"_s, QT_TR_NOOP("&High Contrast")},
        {u"print"_s, QT_TR_NOOP("&Print (white, thick lines)")},
    };
    for (const auto& [id, text] : themes) {
        auto* action = new QAction(m_window);
        setSourceText(action, text);
        action->setObjectName(u"actionTheme_"_s + id);
        action->setCheckable(true);
        action->setData(id);
        m_themeGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, id] { Q_EMIT themeChosen(id); });
    }

    // Single-key shortcuts must work wherever the focus is in the window (except in text
    // fields, which take their keys first).
    m_window->addActions(trainingActions());
}

void WindowActions::createMenus(const Docks& docks)
{
    QMenuBar* bar = m_window->menuBar();
    m_fileMenu = addSourceMenu(bar, QT_TR_NOOP("&File"));
    m_fileMenu->addAction(newAction);
    m_fileMenu->addAction(openAction);
    m_recentMenu = addSourceMenu(m_fileMenu, QT_TR_NOOP("Open &Recent"));
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(saveAction);
    m_fileMenu->addAction(saveAsAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(quitAction);

    m_editMenu = addSourceMenu(bar, QT_TR_NOOP("&Edit"));
    m_editMenu->addAction(undoAction);
    m_editMenu->addAction(redoAction);
    m_editMenu->addSeparator();
    m_editMenu->addAction(selectAllAction);
    m_editMenu->addAction(deleteAction);
    m_editMenu->addSeparator();
    m_editMenu->addAction(docks.undo->toggleViewAction());

    QMenu* data = addSourceMenu(bar, QT_TR_NOOP("&Data"));
    data->addAction(generateAction);
    QMenu* classic = addSourceMenu(data, QT_TR_NOOP("&Classic Data Sets"));
    classic->addActions(m_generatorActions);
    data->addSeparator();
    data->addActions(m_classGroup->actions());
    data->addSeparator();
    data->addAction(openDataAction);
    data->addAction(saveDataAction);
    data->addSeparator();
    data->addAction(clearAction);

    QMenu* training = addSourceMenu(bar, QT_TR_NOOP("&Training"));
    training->addAction(trainAction);
    training->addAction(stepSampleAction);
    training->addAction(stepEpochAction);
    training->addAction(backAction);
    training->addSeparator();
    training->addAction(resetAction);

    QMenu* view = addSourceMenu(bar, QT_TR_NOOP("&View"));
    view->addAction(fitAction);
    view->addAction(zoomInAction);
    view->addAction(zoomOutAction);
    view->addAction(hiddenArrowsAction);
    view->addSeparator();
    for (auto* dock :
         {docks.controls, docks.parameters, docks.network, docks.curves, docks.undo, docks.hidden})
        if (dock)
            view->addAction(dock->toggleViewAction());
    QMenu* theme = addSourceMenu(view, QT_TR_NOOP("&Theme"));
    theme->addActions(m_themeGroup->actions());
    view->addMenu(new LanguageMenu(view));
    view->addSeparator();
    view->addAction(fullScreenAction);

    QMenu* help = addSourceMenu(bar, QT_TR_NOOP("&Help"));
    QAction* guide = help->addAction(QString(), m_window, [this] { showUserGuide(m_window); });
    setSourceText(guide, QT_TR_NOOP("User &Guide"));
    guide->setObjectName(u"actionUserGuide"_s);
    QAction* keys = help->addAction(QString(), m_window, [this] { showKeysDialog(m_window); });
    setSourceText(keys, QT_TR_NOOP("&Keys and Mouse"));
    keys->setObjectName(u"actionKeys"_s);
    keys->setShortcut(QKeySequence::HelpContents);
    scaleAction = help->addAction(QString());
    setSourceText(scaleAction, QT_TR_NOOP("&How big is this model?"));
    scaleAction->setObjectName(u"actionScale"_s);
    QAction* about = help->addAction(QString(), m_window, [this] { showAboutDialog(m_window); });
    setSourceText(about, QT_TR_NOOP("&About Perceptron Lab"));
    about->setObjectName(u"actionAbout"_s);
    about->setMenuRole(QAction::AboutRole);
    QAction* aboutQt = help->addAction(QString(), qApp, &QApplication::aboutQt);
    setSourceText(aboutQt, QT_TR_NOOP("About &Qt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void WindowActions::createToolBar()
{
    QToolBar* bar = m_window->addToolBar(QString());
    setSourceTitle(bar, QT_TR_NOOP("Main Toolbar"));
    bar->setObjectName(u"mainToolBar"_s);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(newAction);
    bar->addAction(openAction);
    bar->addAction(saveAction);
    bar->addSeparator();
    bar->addAction(undoAction);
    bar->addAction(redoAction);
    bar->addSeparator();
    bar->addAction(generateAction);
    bar->addAction(fitAction);
}

QList<QAction*> WindowActions::trainingActions() const
{
    return {trainAction, stepSampleAction, stepEpochAction, backAction, resetAction};
}

void WindowActions::retranslate()
{
    for (QAction* action : m_window->findChildren<QAction*>()) {
        const QByteArray text = action->property(kSourceText).toByteArray();
        if (!text.isEmpty())
            action->setText(tr(text.constData()));
        const QByteArray toolTip = action->property(kSourceToolTip).toByteArray();
        if (!toolTip.isEmpty())
            action->setToolTip(tr(toolTip.constData()));
    }
    for (QWidget* widget : m_window->findChildren<QWidget*>()) {
        const QByteArray title = widget->property(kSourceText).toByteArray();
        if (!title.isEmpty())
            widget->setWindowTitle(tr(title.constData()));
    }
    const auto generators = allGenerators();
    for (qsizetype i = 0; i < m_generatorActions.size() && std::size_t(i) < generators.size(); ++i)
        m_generatorActions.at(i)->setText(generatorTitle(generators[std::size_t(i)]));
    for (auto* undoView : m_window->findChildren<QUndoView*>())
        undoView->setEmptyLabel(tr("<empty>"));
    updateUndoTexts();
}

void WindowActions::updateUndoTexts()
{
    undoAction->setText(m_undoStack->canUndo() ? tr("&Undo %1").arg(m_undoStack->undoText())
                                               : tr("&Undo"));
    undoAction->setEnabled(m_undoStack->canUndo());
    redoAction->setText(m_undoStack->canRedo() ? tr("&Redo %1").arg(m_undoStack->redoText())
                                               : tr("&Redo"));
    redoAction->setEnabled(m_undoStack->canRedo());
}

void WindowActions::showTraining(const editor::Playback& playback)
{
    const bool running = playback.isRunning();
    trainAction->setText(running ? tr("&Pause") : tr("&Train"));
    trainAction->setIcon(
        m_window->style()->standardIcon(running ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    trainAction->setToolTip(running ? tr("Pause (Space)")
                                    : tr("Train until converged or paused (Space)"));
    trainAction->setEnabled(running || playback.canAdvance());
    // After the run ended the steps would do nothing: disabled, with the reason as their tooltip
    // (and Train's), until the timeline moves back or an edit starts the run over.
    const bool canStep = playback.canAdvance();
    stepSampleAction->setEnabled(canStep);
    stepEpochAction->setEnabled(canStep);
    stepSampleAction->setToolTip(tr("Visit one sample and show its update (S)"));
    stepEpochAction->setToolTip(tr("Run one epoch (N or Right)"));
    if (const auto status = playback.finishedStatus()) {
        const QString reason = finishedText(*status);
        for (QAction* action : {trainAction, stepSampleAction, stepEpochAction})
            action->setToolTip(reason);
    }
    backAction->setEnabled(playback.canGoBack());
    resetAction->setEnabled(playback.hasProblem());
}

QString WindowActions::finishedText(learning::TrainingStatus status)
{
    switch (status) {
    case learning::TrainingStatus::Converged:
        return tr("The run has converged: there is nothing left to step. Move the timeline back, "
                  "or edit the points or the settings, to train again.");
    case learning::TrainingStatus::EpochLimit:
        return tr("The run stopped at the epoch limit. Raise the limit to go on, or move the "
                  "timeline back.");
    case learning::TrainingStatus::Diverged:
        return tr("The run diverged. Lower the learning rate to start over, or move the timeline "
                  "back.");
    case learning::TrainingStatus::Cycle:
        return tr("The run is stuck in a cycle: its end-of-epoch weights repeat while each sample "
                  "still moves them, so more epochs would only go round again. Move the timeline "
                  "back, or edit the points or the settings, to train again.");
    default:
        return tr("The run has finished. Move the timeline back, or edit the points or the "
                  "settings, to train again.");
    }
}

void WindowActions::setHasPoints(bool any)
{
    clearAction->setEnabled(any);
    saveDataAction->setEnabled(any);
    selectAllAction->setEnabled(any);
}

void WindowActions::checkTheme(const QString& choice)
{
    const auto actions = m_themeGroup->actions();
    for (QAction* action : actions)
        action->setChecked(action->data().toString() == choice);
}

void WindowActions::checkClass(int cls)
{
    if (cls >= 0 && cls < m_classGroup->actions().size())
        m_classGroup->actions().at(cls)->setChecked(true);
}

} // namespace plab::ui
