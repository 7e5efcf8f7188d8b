// The export dialog, offscreen: what its widgets ask for (and the form behind them, without
// widgets), the preview (debounced; a table's proportional to what it shows), an export run on
// the worker thread, and the window's export actions with Copy View.

#include "editor/document.h"
#include "export/exportsupport.h"
#include "export/tablewriter.h"
#include "i18n/language.h"
#include "io/projectfile.h"
#include "learning/model.h"
#include "ui/dialogs/exportactions.h"
#include "ui/dialogs/exportdialog.h"
#include "ui/dialogs/exportpreview.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QImage>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>

using namespace plab;
using namespace Qt::StringLiterals;
using namespace plab::ui;
using namespace plab::exporting;
using namespace plab::render;

namespace {

template <typename T>
T* child(const QWidget& parent, const char* name)
{
    T* w = parent.findChild<T*>(QString::fromLatin1(name));
    EXPECT_NE(w, nullptr) << name;
    return w;
}

TEST(ExportDialog, TheImageIsTheViewShown)
{
    const auto source = test::andSource();
    // Position 3 of a history trained by epochs is epoch 3.
    ExportDialog dialog(source, 3, Theme::dark());
    const auto made = dialog.request();
    ASSERT_TRUE(made.has_value());
    const ExportRequest& r = made.value();
    EXPECT_EQ(r.position, std::optional<std::size_t>(3));
    EXPECT_EQ(r.options.layout, ExportLayout::Single);
    EXPECT_EQ(r.options.theme.name, u"dark"); // the window's theme by default
    EXPECT_EQ(r.options.geometry.pixelSize(), QSize(1920, 1080));
    EXPECT_TRUE(child<QLabel>(dialog, "currentFrame")->text().contains(QStringLiteral("Epoch 3")));
}

TEST(ExportDialog, WidgetsDescribeTheRequest)
{
    ExportDialog dialog(test::andSource(), 0, Theme::light());
    dialog.setKind(ExportDialog::Kind::Storyboard);
    EXPECT_EQ(child<QLineEdit>(dialog, "epochs")->text(), u"0,1,2,3,5");
    child<QComboBox>(dialog, "format")->setCurrentIndex(1); // SVG
    child<QComboBox>(dialog, "theme")->setCurrentIndex(2);  // print
    child<QCheckBox>(dialog, "caption")->setChecked(true);
    child<QLineEdit>(dialog, "title")->setText(QStringLiteral("Lesson 1"));
    auto made = dialog.request();
    ASSERT_TRUE(made.has_value());
    ExportRequest r = made.value();
    EXPECT_EQ(r.options.layout, ExportLayout::Storyboard);
    EXPECT_EQ(r.options.format, ExportFormat::Svg);
    EXPECT_EQ(r.options.theme.name, u"print");
    EXPECT_FALSE(r.options.theme.shading);
    EXPECT_EQ(r.options.title, u"Lesson 1");
    EXPECT_EQ(r.epochs, (std::vector<int>{0, 1, 2, 3, 5}));

    // A GIF: one format, half a slide.
    dialog.setKind(ExportDialog::Kind::Animation);
    made = dialog.request();
    ASSERT_TRUE(made.has_value());
    r = made.value();
    EXPECT_EQ(r.options.format, ExportFormat::Gif);
    EXPECT_EQ(r.options.geometry.pixelSize(), QSize(960, 540));
    EXPECT_EQ(r.epochs.size(), 6u);

    // A table of epochs 1 to the last.
    dialog.setKind(ExportDialog::Kind::Table);
    child<QComboBox>(dialog, "format")->setCurrentIndex(2); // LaTeX
    made = dialog.request();
    ASSERT_TRUE(made.has_value());
    r = made.value();
    EXPECT_EQ(r.table, std::optional<TableFormat>(TableFormat::Latex));
    EXPECT_EQ(r.epochs, (std::vector<int>{1, 2, 3, 4, 5}));

    // A bad epoch list is explained and blocks the export.
    dialog.setKind(ExportDialog::Kind::Frames);
    child<QLineEdit>(dialog, "epochs")->setText(QStringLiteral("0,7"));
    EXPECT_FALSE(dialog.request().has_value());
    EXPECT_FALSE(child<QPushButton>(dialog, "exportButton")->isEnabled());
    EXPECT_TRUE(child<QLabel>(dialog, "summary")->text().contains(QStringLiteral("epoch 7")));
}

TEST(ExportDialog, ExportsOnAWorkerThread)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("story.png"));
    ExportDialog dialog(test::andSource(), 0, Theme::light());
    dialog.setKind(ExportDialog::Kind::Storyboard);
    QString suggested;
    dialog.setFileChooser([&](const QString& s, const QString&) {
        suggested = s;
        return path;
    });
    QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
    child<QPushButton>(dialog, "exportButton")->click();
    EXPECT_TRUE(suggested.endsWith(QStringLiteral("-storyboard.png")));
    // The progress dialog says what it is in a title short enough for any title bar.
    const auto* progress = dialog.window()->findChild<QProgressDialog*>(u"exportProgress"_s);
    ASSERT_NE(progress, nullptr);
    EXPECT_EQ(progress->windowTitle(), u"Export"_s);
    ASSERT_TRUE(finished.count() == 1 || finished.wait(60'000));
    const auto result = finished.constFirst().constFirst().value<ExportResult>();
    EXPECT_TRUE(result.ok()) << result.error.value_or(QString()).toStdString();
    EXPECT_EQ(result.files, QStringList{path});
    EXPECT_EQ(QImage(path).size(), QSize(1920, 1080));
    EXPECT_FALSE(dialog.isExporting());
}

TEST(ExportDialog, RefusesAStoryboardTooFullToReadBeforeTheFileIsChosen)
{
    ExportDialog dialog(test::andSource(), 0, Theme::light());
    dialog.setKind(ExportDialog::Kind::Storyboard);
    bool asked = false;
    dialog.setFileChooser([&](const QString&, const QString&) {
        asked = true;
        return QString();
    });
    // Every visit of the AND run: 21 panels, more than a 1920 x 1080 slide holds readably.
    child<QLineEdit>(dialog, "epochs")->setText(u"all"_s);
    child<QCheckBox>(dialog, "steps")->setChecked(true);
    const auto made = dialog.request();
    ASSERT_FALSE(made.has_value());
    ExportOptions slide;
    slide.layout = ExportLayout::Storyboard;
    slide.theme.fontScale = defaultFontScale(slide.geometry.logical, slide.layout);
    const int most = maxStoryboardPanels(slide);
    EXPECT_LT(most, 21);
    EXPECT_TRUE(made.error().startsWith(u"Epochs: "_s)) << made.error().toStdString();
    EXPECT_TRUE(made.error().contains(QString::number(most))) << made.error().toStdString();
    EXPECT_FALSE(child<QPushButton>(dialog, "exportButton")->isEnabled());
    EXPECT_EQ(child<QLabel>(dialog, "summary")->text(), made.error());
    dialog.startExport();
    EXPECT_FALSE(asked);
    EXPECT_FALSE(dialog.isExporting());
    // The classic six panels are fine.
    child<QCheckBox>(dialog, "steps")->setChecked(false);
    EXPECT_TRUE(dialog.request().has_value());
}

TEST(ExportActions, TheSuggestedNameIsTheDocumentsName)
{
    // Points opened from xor.csv: the export is named after the data set, not "perceptron".
    editor::Document document;
    document.loadProject(io::Project{}, QString());
    document.setDataSetPath(u"/lessons/xor.csv"_s);
    const auto andRun = test::andSource(); // kept alive: the history below is its member
    const learning::History& history = andRun->history;
    auto source = exportSourceFor(document, history);
    ExportRequest request;
    request.source = source;
    EXPECT_EQ(suggestedFileName(request, ExportKind::Image), u"xor.png"_s);
    EXPECT_EQ(suggestedFileName(request, ExportKind::Storyboard), u"xor-storyboard.png"_s);
    // A project's own name comes first; opening a project forgets the data set.
    document.setFilePath(u"/lessons/lesson-4-xor.json"_s);
    request.source = exportSourceFor(document, history);
    EXPECT_EQ(suggestedFileName(request, ExportKind::Image), u"lesson-4-xor.png"_s);
    document.loadProject(io::Project{}, QString());
    request.source = exportSourceFor(document, history);
    EXPECT_EQ(suggestedFileName(request, ExportKind::Image), u"perceptron.png"_s);
}

TEST(ExportActions, AHandSetStepNetworkExportsAsItIsShown)
{
    // Lesson 4's OR/NAND/AND network of step units is shown but never trained: the window's run
    // is empty, and the export draws the network itself as epoch 0, with its own errors.
    auto project = io::readProject(QStringLiteral(PLAB_EXAMPLES_DIR) + u"/lesson-4-step.json"_s);
    ASSERT_TRUE(project.has_value()) << project.error().toString().toStdString();
    editor::Document document;
    document.loadProject(*project, QString());
    const learning::History empty;
    const auto source = exportSourceFor(document, empty);
    ASSERT_EQ(source->history.epochCount(), 1);
    const ExportFrame frame = epochFrame(*source, 0);
    EXPECT_EQ(frame.model.parameters(),
              learning::Model(learning::modelShape(project->settings),
                              project->settings.initialLayers, project->settings.zero)
                  .parameters());
    EXPECT_EQ(frame.errors, 0); // OR and NAND, then AND: XOR on all four corners
    EXPECT_EQ(source->history.figuresOf(0).errors, 0);

    // Copy View paints that frame too, rather than reading the empty run.
    QWidget window;
    auto* file = new QMenu(&window);
    auto* edit = new QMenu(&window);
    addExportActions(file, nullptr, edit, &window, [&document, &empty] {
        return ExportContext{&document, &empty, 0, Theme::light(), QSizeF(200, 150), 1.0};
    });
    QGuiApplication::clipboard()->clear();
    window.findChild<QAction*>(QStringLiteral("actionCopyView"))->trigger();
    const QImage copied =
        qvariant_cast<QImage>(QGuiApplication::clipboard()->mimeData()->imageData());
    EXPECT_FALSE(copied.isNull());
}

TEST(ExportDialog, CancelledChooserExportsNothing)
{
    QTemporaryDir dir;
    ExportDialog dialog(test::andSource(), 0, Theme::light());
    dialog.setFileChooser([](const QString&, const QString&) { return QString(); });
    QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
    dialog.startExport();
    EXPECT_FALSE(dialog.isExporting());
    EXPECT_EQ(finished.count(), 0);
}

TEST(CopyView, PutsTheViewOnTheClipboardAsImageAndSvg)
{
    const auto source = test::andSource();
    copyViewToClipboard(*source, frameAt(*source, 2), Theme::light(), QSizeF(400, 300), 2.0);
    const QMimeData* mime = QGuiApplication::clipboard()->mimeData();
    ASSERT_NE(mime, nullptr);
    ASSERT_TRUE(mime->hasImage());
    const QImage image = qvariant_cast<QImage>(mime->imageData());
    EXPECT_EQ(image.size(), QSize(800, 600));
    EXPECT_TRUE(mime->data(QStringLiteral("image/svg+xml")).contains("<svg"));
}

/// The AND run of test::andSource() as the window holds it: a document and its history.
struct AndWindowState
{
    AndWindowState()
    {
        document.replaceData(test::andData());
        document.setView(run->view);
    }
    std::shared_ptr<const ExportSource> run = test::andSource();
    editor::Document document;
};

TEST(ExportActions, MenusShortcutsAndCopyView)
{
    QWidget window;
    auto* file = new QMenu(&window); // as in a menu bar: the window's descendants
    QAction* quit = file->addAction(QStringLiteral("Quit"));
    auto* edit = new QMenu(&window);
    const AndWindowState state;
    int asked = 0;
    addExportActions(file, quit, edit, &window, [&asked, &state] {
        ++asked;
        return ExportContext{&state.document, &state.run->history, 5,
                             Theme::light(),  QSizeF(300, 200),    1.0};
    });
    // File: Export submenu, separator, Quit.
    const QList<QAction*> items = file->actions();
    ASSERT_EQ(items.size(), 3);
    ASSERT_NE(items[0]->menu(), nullptr);
    EXPECT_TRUE(items[1]->isSeparator());
    EXPECT_EQ(items[2], quit);
    EXPECT_EQ(items[0]->menu()->actions().size(), 6);
    auto* image = window.findChild<QAction*>(QStringLiteral("actionExportImage"));
    ASSERT_NE(image, nullptr);
    EXPECT_EQ(image->shortcut(), QKeySequence(QStringLiteral("Ctrl+E")));
    auto* copy = window.findChild<QAction*>(QStringLiteral("actionCopyView"));
    ASSERT_NE(copy, nullptr);
    EXPECT_EQ(copy->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+C")));
    EXPECT_TRUE(window.actions().contains(copy)); // works wherever the focus is
    EXPECT_EQ(asked, 0);                          // nothing is copied before it is needed

    QGuiApplication::clipboard()->clear();
    copy->trigger();
    EXPECT_EQ(asked, 1);
    const QMimeData* mime = QGuiApplication::clipboard()->mimeData();
    ASSERT_NE(mime, nullptr);
    ASSERT_TRUE(mime->hasImage());
    EXPECT_EQ(qvariant_cast<QImage>(mime->imageData()).size(), QSize(300, 200));

    // Image... opens the dialog on the window, on the view shown.
    image->trigger();
    auto* dialog = window.findChild<ExportDialog*>();
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->kind(), ExportDialog::Kind::Image);
    EXPECT_TRUE(child<QLabel>(*dialog, "currentFrame")->text().contains(QStringLiteral("Epoch 5")));
    dialog->close();
}

TEST(ExportActions, CopyViewPaintsTheFrameShownFromTheWindowsRun)
{
    // Copy View takes the frame from the window's history in place: the picture is the one the
    // whole copied run gives.
    QWidget window;
    auto* file = new QMenu(&window);
    auto* edit = new QMenu(&window);
    const AndWindowState state;
    addExportActions(file, nullptr, edit, &window, [&state] {
        return ExportContext{&state.document, &state.run->history, 2,
                             Theme::light(),  QSizeF(200, 150),    1.0};
    });
    const auto clipboardImage = [] {
        return qvariant_cast<QImage>(QGuiApplication::clipboard()->mimeData()->imageData())
            .convertToFormat(QImage::Format_ARGB32);
    };
    // Another epoch's picture first (it also warms the glyph cache, which shifts a few
    // antialiased text pixels of the first picture a process paints).
    copyViewToClipboard(*state.run, frameAt(*state.run, 0), Theme::light(), QSizeF(200, 150), 1.0);
    const QImage other = clipboardImage();
    window.findChild<QAction*>(QStringLiteral("actionCopyView"))->trigger();
    const QImage copied = clipboardImage();
    copyViewToClipboard(*state.run, frameAt(*state.run, 2), Theme::light(), QSizeF(200, 150), 1.0);
    const QImage whole = clipboardImage();
    ASSERT_FALSE(copied.isNull());
    EXPECT_EQ(copied, whole);
    EXPECT_NE(copied, other); // so the comparison can fail
}

TEST(ExportActions, TextsFollowTheLanguage)
{
    QWidget window;
    auto* file = new QMenu(&window);
    auto* edit = new QMenu(&window);
    ExportMenu* menu =
        addExportActions(file, nullptr, edit, &window, [] { return ExportContext{}; });
    auto* image = window.findChild<QAction*>(QStringLiteral("actionExportImage"));
    const QString english = image->text();
    const QString title = menu->title();
    EXPECT_EQ(english, QStringLiteral("&Image…"));
    ASSERT_TRUE(i18n::installTranslations(QStringLiteral("ja")));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    EXPECT_NE(image->text(), english);
    EXPECT_NE(menu->title(), title);
    EXPECT_NE(menu->copyViewAction()->text(), QStringLiteral("&Copy View"));
    i18n::installTranslations(QStringLiteral("en"));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    EXPECT_EQ(image->text(), english);
    EXPECT_EQ(menu->title(), title);
}

/// The fields of a request the form decides.
void expectSameRequest(const ExportRequest& a, const ExportRequest& b)
{
    EXPECT_EQ(a.source, b.source);
    EXPECT_EQ(a.position, b.position);
    EXPECT_EQ(a.epochs, b.epochs);
    EXPECT_EQ(a.steps, b.steps);
    EXPECT_EQ(a.table, b.table);
    EXPECT_EQ(a.options, b.options);
}

/// A form of every kind, each with settings away from the defaults.
std::vector<ExportForm> variedForms()
{
    std::vector<ExportForm> forms;
    for (ExportKind kind : {ExportKind::Image, ExportKind::Storyboard, ExportKind::Frames,
                            ExportKind::Pages, ExportKind::Animation, ExportKind::Table}) {
        ExportForm f = withKind(ExportForm{}, kind, 5);
        f.content = QStringLiteral("errors");
        f.steps = kind == ExportKind::Frames;
        f.size = SizeSpec{1600.0, 1200.0, SizeSpec::Unit::Pixels};
        f.scale = 2.0;
        f.dpi = 150.0;
        f.theme = QStringLiteral("print");
        f.fontScale = 1.25;
        f.caption = true;
        f.title = QStringLiteral("Lesson 1");
        f.legend = false;
        f.columns = 3;
        f.gif = GifOptions{300, 1000, 2};
        forms.push_back(f);
    }
    forms.back().format = QStringLiteral("md");
    forms[2].format = QStringLiteral("svg");
    return forms;
}

TEST(ExportForm, MapsToTheRequestAndBack)
{
    const auto source = test::andSource();
    for (const ExportForm& form : variedForms()) {
        SCOPED_TRACE(form.format.toStdString() + " " + std::to_string(int(form.kind)));
        const auto made = requestOf(form, source, 3);
        ASSERT_TRUE(made.has_value()) << made.error().toStdString();
        const ExportRequest& r = made.value();
        EXPECT_EQ(r.options.layout, layoutOf(form.kind));
        if (form.kind == ExportKind::Table) {
            EXPECT_EQ(r.table, tableFormatFromName(form.format));
        } else {
            EXPECT_EQ(r.options.format, exportFormatFromName(form.format));
            EXPECT_EQ(r.options.geometry.pixelSize(), QSize(3200, 2400));
            EXPECT_EQ(r.options.geometry.dpi, 150.0);
            EXPECT_EQ(r.options.theme.name, u"print");
            EXPECT_EQ(r.options.theme.fontScale, 1.25);
            EXPECT_EQ(r.options.title, u"Lesson 1");
            EXPECT_EQ(r.options.gif.loopCount, 2);
        }
        // Back to a form and again to a request: the same request.
        const ExportForm back = formOf(r, form.kind);
        EXPECT_EQ(back.kind, form.kind);
        EXPECT_EQ(back.format, form.format);
        const auto again = requestOf(back, source, 3);
        ASSERT_TRUE(again.has_value());
        expectSameRequest(again.value(), r);
    }
    // A physical size comes back in logical pixels with the same geometry.
    ExportForm mm = withKind(ExportForm{}, ExportKind::Frames, 5);
    mm.size = SizeSpec{160.0, 90.0, SizeSpec::Unit::Millimetres};
    const auto made = requestOf(mm, source, 0);
    ASSERT_TRUE(made.has_value());
    const auto again = requestOf(formOf(made.value(), ExportKind::Frames), source, 0);
    ASSERT_TRUE(again.has_value());
    expectSameRequest(again.value(), made.value());
    // What is wrong is named.
    mm.epochs = QStringLiteral("0,9");
    EXPECT_FALSE(requestOf(mm, source, 0).has_value());
    EXPECT_FALSE(requestOf(ExportForm{}, nullptr, 0).has_value());
}

TEST(ExportForm, TheWidgetsHoldEveryForm)
{
    ExportDialog dialog(test::andSource(), 3, Theme::light());
    for (const ExportForm& form : variedForms()) {
        SCOPED_TRACE(form.format.toStdString() + " " + std::to_string(int(form.kind)));
        dialog.setForm(form);
        EXPECT_EQ(dialog.form(), form);
        EXPECT_EQ(dialog.kind(), form.kind);
    }
    // A size of a preset shows the preset; automatic values show as such.
    ExportForm slide = withKind(ExportForm{}, ExportKind::Image, 5);
    slide.size = SizeSpec{1600.0, 1200.0, SizeSpec::Unit::Pixels};
    dialog.setForm(slide);
    EXPECT_EQ(dialog.form(), slide);
    EXPECT_EQ(child<QComboBox>(dialog, "size")->currentData().toSize(), QSize(1600, 1200));
}

TEST(ExportPreview, TypingRecomputesThePreviewOnce)
{
    ExportDialog dialog(test::andSource(), 0, Theme::light());
    dialog.setKind(ExportDialog::Kind::Frames);
    QSignalSpy previews(&dialog, &ExportDialog::previewUpdated);
    ASSERT_TRUE(previews.wait(5000)); // the kind's preview, after the delay
    previews.clear();
    auto* epochs = child<QLineEdit>(dialog, "epochs");
    epochs->clear();
    epochs->setFocus();
    QTest::keyClicks(epochs, QStringLiteral("0,1,2,5"));
    EXPECT_EQ(previews.count(), 0); // nothing computed while typing
    ASSERT_TRUE(previews.wait(5000));
    QTest::qWait(3 * ExportDialog::kPreviewDelayMs);
    EXPECT_EQ(previews.count(), 1);
    EXPECT_TRUE(child<QLabel>(dialog, "summary")->text().contains(QStringLiteral("4 numbered")));
}

/// A run of 10^5 epochs: XOR never converges.
std::shared_ptr<const ExportSource> longRun()
{
    learning::TrainingSettings settings;
    settings.maxEpochs = 100'000;
    const learning::Dataset xorData({{{0, 0}, 0}, {{0, 1}, 1}, {{1, 0}, 1}, {{1, 1}, 0}});
    return std::make_shared<const ExportSource>(
        trainedSource(xorData, settings, io::ViewBox{-0.5, 1.5, -0.5, 1.5}));
}

TEST(ExportPreview, ATablePreviewBuildsOnlyTheRowsShown)
{
    const auto source = longRun();
    ASSERT_EQ(source->history.latestEpoch().epoch, 100'000);
    const auto epochs = parseEpochList(u"1-last", 100'000);
    ASSERT_TRUE(epochs.has_value());
    const auto preview = tablePreview(*source, epochs.value(), TableFormat::Csv, 40);
    ASSERT_TRUE(preview.has_value()) << preview.error().toStdString();
    EXPECT_EQ(preview.value().rows, 400'000u);
    // 40 rows are 10 epochs of 4 visits: those and no more were replayed.
    EXPECT_EQ(preview.value().replayed, 40u);
    const QStringList lines = preview.value().text.split(u'\n');
    ASSERT_EQ(lines.size(), 42); // the header, 40 rows, how many more
    EXPECT_TRUE(lines[1].startsWith(QStringLiteral("1,1,")));
    EXPECT_TRUE(lines[40].startsWith(QStringLiteral("10,4,")));
    EXPECT_TRUE(lines[41].startsWith(QStringLiteral("… and 399960 more row")))
        << lines[41].toStdString();
    // The rows shown are those of the whole table.
    const auto whole = firstSteps(*source, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 1000);
    ASSERT_TRUE(whole.has_value());
    const QStringList full =
        QString::fromUtf8(TableWriter(TableFormat::Csv).write(whole.value().steps)).split(u'\n');
    EXPECT_EQ(lines.mid(0, 41), full.mid(0, 41));

    // The dialog shows it, with the count of the whole table.
    ExportDialog dialog(source, 0, Theme::light());
    dialog.setKind(ExportDialog::Kind::Table);
    QSignalSpy previews(&dialog, &ExportDialog::previewUpdated);
    ASSERT_TRUE(previews.wait(5000));
    EXPECT_EQ(child<ExportPreview>(dialog, "preview")->message(), preview.value().text);
    EXPECT_TRUE(child<QLabel>(dialog, "summary")->text().contains(QStringLiteral("400000 row")));
}

} // namespace
