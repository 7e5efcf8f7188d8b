// plab_window_shots: renders the main window in its main states (and the network dock) to PNG,
// for docs/images and the README (and the parameter panel after Step Sample on a network,
// step-network.png). Not a test; run by hand:
//
//     plab_window_shots <directory> [width height]
//
// In the system's language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG): with LANG=ja_JP.UTF-8 the
// window is Japanese and the files are named main-window-ja.png, ...
//
// Offscreen unless QT_QPA_PLATFORM says otherwise. Uses a throw-away settings folder, so the
// window starts with its default layout and never touches the user's settings.
#include "editor/autosaver.h"
#include "editor/document.h"
#include "editor/playback.h"
#include "editor/undocommands.h"
#include "i18n/language.h"
#include "io/project.h"
#include "learning/generators.h"
#include "render/viewtransform.h"
#include "support/lessonmodels.h"
#include "support/settingssandbox.h"
#include "support/waitfor.h"
#include "ui/canvas/plotcanvas.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/mainwindow/trainingpresenter.h"
#include "ui/panels/learningcurves.h"
#include "ui/panels/parameterpanel.h"

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QPalette>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTextStream>
#include <QUndoStack>

using namespace plab;
using namespace Qt::StringLiterals;
using plab::test::waitFor;

namespace {

QPalette darkPalette()
{
    QPalette p;
    const QColor window(45, 45, 48);
    const QColor base(32, 32, 34);
    const QColor text(232, 232, 232);
    const QColor disabled(128, 128, 128);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(55, 55, 58));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::Highlight, QColor(42, 130, 218));
    p.setColor(QPalette::HighlightedText, Qt::black);
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    for (const auto role : {QPalette::Text, QPalette::ButtonText, QPalette::WindowText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

class Shooter
{
public:
    Shooter(QString directory, QSize size, QString suffix)
        : m_directory(std::move(directory)), m_size(size), m_suffix(std::move(suffix))
    {}

    /// A fresh window at the shot size, its engine running as fast as possible.
    std::unique_ptr<ui::MainWindow> window() const
    {
        QSettings().clear();
        auto w = std::make_unique<ui::MainWindow>();
        w->resize(m_size);
        w->show();
        w->playback()->setEpochsPerSecond(0.0);
        return w;
    }

    bool load(ui::MainWindow& w, learning::Generator generator) const
    {
        QSignalSpy changed(w.playback(), &editor::Playback::historyChanged);
        w.generate(generator, learning::GeneratorParams{});
        return waitFor(changed, [&] { return w.playback()->shownModel().has_value(); });
    }

    /// Replaces the document's points with \p data and its settings with \p settings.
    bool loadData(ui::MainWindow& w, const learning::Dataset& data,
                  const learning::TrainingSettings& settings) const
    {
        // As a project opened: the data framed, nothing to undo.
        QSignalSpy changed(w.playback(), &editor::Playback::historyChanged);
        io::Project project;
        project.data = data;
        project.settings = settings;
        project.view = io::fitToData(data);
        w.document()->loadProject(project, QString());
        return waitFor(changed, [&] { return w.playback()->shownModel().has_value(); });
    }

    bool trainToEnd(ui::MainWindow& w) const
    {
        QSignalSpy running(w.playback(), &editor::Playback::runningChanged);
        w.playback()->train();
        return waitFor(running, [&] { return !w.playback()->isRunning(); });
    }

    /// Steps samples until a visit changes w (not only b) and both boundaries cross the view.
    bool stepToVisibleUpdate(ui::MainWindow& w) const
    {
        auto* p = w.playback();
        for (int i = 0; i < 100; ++i) {
            QSignalSpy changed(p, &editor::Playback::historyChanged);
            const std::size_t before = p->position();
            p->stepSample();
            if (!waitFor(changed, [&] { return p->position() != before; }))
                return false;
            const auto* step = p->history().stepAt(p->position());
            const io::ViewBox view = w.canvas()->transform().effectiveView();
            const auto crossesView = [&](const learning::LinearModel& m) {
                const render::LineClip clip = render::clipBoundary(m, view);
                return clip.kind == render::LineClip::Kind::Inside &&
                       clip.segment.length() > 0.3 * (view.xMax - view.xMin);
            };
            if (step && step->updated && step->deltaW != Eigen::Vector2d::Zero() &&
                crossesView(step->before) && crossesView(step->after))
                return true;
        }
        return false;
    }

    /// Steps \p count samples.
    bool stepSamples(ui::MainWindow& w, int count) const
    {
        auto* p = w.playback();
        for (int i = 0; i < count; ++i) {
            QSignalSpy changed(p, &editor::Playback::historyChanged);
            const std::size_t before = p->position();
            p->stepSample();
            if (!waitFor(changed, [&] { return p->position() != before; }))
                return false;
        }
        return true;
    }

    /// The whole window, or only \p part of it.
    bool save(ui::MainWindow& w, const QString& name, QWidget* part = nullptr) const
    {
        w.presenter()->refreshNow();
        // Twice: a label's new text asks for a layout, whose new sizes ask the docks for theirs.
        QApplication::processEvents();
        QApplication::processEvents();
        QString file = name;
        file.insert(file.lastIndexOf(u'.'), m_suffix);
        const QString path = QDir(m_directory).filePath(file);
        const bool ok = (part != nullptr ? part->grab() : w.grab()).save(path);
        QTextStream(ok ? stdout : stderr) << (ok ? "wrote " : "cannot write ") << path << '\n';
        return ok;
    }

private:
    QString m_directory;
    QSize m_size;
    QString m_suffix; ///< "-ja" for Japanese, empty for English
};

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (argc != 2 && argc != 4) {
        QTextStream(stderr) << "usage: plab_window_shots <directory> [width height]\n";
        return 2;
    }
    const test::SettingsSandbox settings(u"plab-window-shots"_s);
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));

    const QString directory = QString::fromLocal8Bit(argv[1]);
    QDir().mkpath(directory);
    const QSize size = argc == 4 ? QSize(QString::fromLocal8Bit(argv[2]).toInt(),
                                         QString::fromLocal8Bit(argv[3]).toInt())
                                 : QSize(1600, 900);
    const QString language = i18n::systemLanguage();
    i18n::installTranslations(language);
    const Shooter shooter(directory, size, language == u"en" ? QString() : u"-"_s + language);
    bool ok = true;
    {
        auto w = shooter.window();
        ok = shooter.load(*w, learning::Generator::And) && shooter.trainToEnd(*w) &&
             shooter.save(*w, u"main-window.png"_s) && ok;
    }
    {
        auto w = shooter.window();
        ok = shooter.load(*w, learning::Generator::And) && shooter.stepToVisibleUpdate(*w) &&
             shooter.save(*w, u"step-update.png"_s) && ok;
    }
    {
        // Step Sample on a 2-2-1 tanh network learning XOR: the parameter panel writes out the
        // forward pass, the loss, the backward pass and each weight's change (the whole panel,
        // as it scrolls in the window's dock).
        auto w = shooter.window();
        learning::TrainingSettings settings = w->document()->settings();
        settings.model = learning::ModelKind::Network;
        settings.hidden = {2};
        settings.learningRate = 0.5;
        settings.init = learning::InitKind::Random;
        w->document()->setSettings(settings);
        ok = shooter.load(*w, learning::Generator::Xor) && shooter.stepSamples(*w, 3) &&
             shooter.save(*w, u"step-network.png"_s, w->parameterPanel()) && ok;
    }
    {
        // Autosave into a folder that cannot be created (below a regular file): the marker.
        auto w = shooter.window();
        const QString blocker = settings.filePath(u"not-a-folder"_s);
        QFile(blocker).open(QIODevice::WriteOnly);
        editor::Autosaver autosaver(w->document());
        autosaver.setFolder(blocker + u"/autosave"_s);
        w->setAutosaver(&autosaver);
        autosaver.start();
        ok = shooter.load(*w, learning::Generator::And) &&
             shooter.save(*w, u"not-autosaved.png"_s, w->statusBar()) && ok;
    }
    {
        // A stray edit while the timeline shows epoch 5 sets the recorded run aside (the status
        // bar says so); Undo brings it back at epoch 5.
        auto w = shooter.window();
        ok = shooter.load(*w, learning::Generator::Xor) && shooter.trainToEnd(*w) && ok;
        editor::Playback* p = w->playback();
        p->showPosition(p->history().positionOfEpoch(5).value_or(0));
        editor::Document* d = w->document();
        d->undoStack()->push(
            new editor::MovePoints(d, {0}, {d->data().point(0) + Eigen::Vector2d(0.2, 0.1)}, 1));
        ok = shooter.save(*w, u"run-set-aside.png"_s) && ok;
        d->undoStack()->undo();
        ok = shooter.save(*w, u"run-restored.png"_s) && ok;
    }
    {
        // The network panel (issue 13): a 2-4-1 tanh network trained on XOR, and lesson 4's
        // OR / NAND / AND network of step units typed by hand. The dock alone, made wide.
        const auto networkShot = [&](const learning::TrainingSettings& settings,
                                     const QString& name) {
            auto w = shooter.window();
            w->document()->setSettings(settings);
            if (!shooter.load(*w, learning::Generator::Xor))
                return false;
            if (settings.activation != learning::Activation::Step && !shooter.trainToEnd(*w))
                return false;
            auto* dock = w->findChild<QDockWidget*>(u"networkDock"_s);
            dock->show();
            dock->raise();
            w->resizeDocks({dock}, {620}, Qt::Horizontal);
            return shooter.save(*w, name, dock);
        };
        learning::TrainingSettings tanh;
        tanh.model = learning::ModelKind::Network;
        tanh.hidden = {4};
        tanh.learningRate = 0.5;
        tanh.maxEpochs = 3000;
        tanh.seed = 3;
        tanh.init = learning::InitKind::Random;
        ok = networkShot(tanh, u"network-panel.png"_s) && ok;

        learning::TrainingSettings step = tanh;
        step.activation = learning::Activation::Step;
        step.hidden = {2};
        step.init = learning::InitKind::Given;
        step.initialLayers = test::stepXorLayers();
        ok = networkShot(step, u"network-step.png"_s) && ok;
    }
    {
        auto w = shooter.window();
        w->setThemeChoice(u"high-contrast"_s);
        ok = shooter.load(*w, learning::Generator::And) && shooter.trainToEnd(*w) &&
             shooter.save(*w, u"main-window-high-contrast.png"_s) && ok;
    }
    {
        // The Model tab of the controls, for a 2-4-1 tanh network on XOR.
        auto w = shooter.window();
        learning::TrainingSettings s = w->document()->settings();
        s.model = learning::ModelKind::Network;
        s.hidden = {4};
        s.init = learning::InitKind::Random;
        s.learningRate = 0.1;
        w->document()->setSettings(s);
        w->findChild<QTabWidget*>(u"controlTabs"_s)->setCurrentIndex(1);
        ok = shooter.load(*w, learning::Generator::Xor) &&
             shooter.save(*w, u"model-panel.png"_s, w->findChild<QDockWidget*>(u"controlDock"_s)) &&
             ok;
    }
    {
        // The learning curves of a three-class run (each class's errors) and of a 2-4-1 network
        // (each layer's weight size), the window and the curves' dock.
        learning::GeneratorParams params;
        params.seed = 5;
        params.count = 90;
        learning::Dataset blobs = learning::generate(learning::Generator::OverlappingBlobs, params);
        std::vector<learning::Sample> three;
        for (std::size_t i = 0; i < blobs.size(); ++i) {
            const Eigen::Vector2d p = blobs.point(i);
            three.push_back({p, p.x() + p.y() > 0.8 ? 2 : blobs.label(i)});
        }
        learning::TrainingSettings settings;
        settings.rule = learning::Rule::Logistic;
        settings.classes = 3;
        settings.learningRate = 0.05;
        settings.maxEpochs = 300;
        auto w = shooter.window();
        ok = shooter.loadData(*w, learning::Dataset(three), settings) && shooter.trainToEnd(*w) &&
             shooter.save(*w, u"curves-classes.png"_s) &&
             shooter.save(*w, u"curves-classes-dock.png"_s, w->learningCurves()) && ok;
    }
    {
        learning::TrainingSettings settings;
        settings.rule = learning::Rule::Logistic;
        settings.model = learning::ModelKind::Network;
        settings.hidden = {4};
        settings.init = learning::InitKind::Random;
        settings.learningRate = 0.1;
        settings.maxEpochs = 800;
        auto w = shooter.window();
        w->document()->setSettings(settings);
        ok = shooter.load(*w, learning::Generator::Circles) && shooter.trainToEnd(*w) &&
             shooter.save(*w, u"curves-network.png"_s) &&
             shooter.save(*w, u"curves-network-dock.png"_s, w->learningCurves()) && ok;
    }
    QApplication::setPalette(darkPalette());
    {
        auto w = shooter.window();
        ok = shooter.load(*w, learning::Generator::TargetLine) && shooter.trainToEnd(*w) &&
             shooter.save(*w, u"main-window-dark.png"_s) && ok;
    }
    return ok ? 0 : 1;
}
