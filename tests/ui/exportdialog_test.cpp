// The export dialog, offscreen: what its widgets ask for, an export run on the worker thread, and
// copying the view to the clipboard.

#include "export/exportsupport.h"
#include "ui/dialogs/exportdialog.h"

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
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace plab;
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
    ASSERT_TRUE(finished.count() == 1 || finished.wait(60'000));
    const auto result = finished.constFirst().constFirst().value<ExportResult>();
    EXPECT_TRUE(result.ok()) << result.error.value_or(QString()).toStdString();
    EXPECT_EQ(result.files, QStringList{path});
    EXPECT_EQ(QImage(path).size(), QSize(1920, 1080));
    EXPECT_FALSE(dialog.isExporting());
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

TEST(ExportActions, MenusShortcutsAndCopyView)
{
    QWidget window;
    auto* file = new QMenu(&window); // as in a menu bar: the window's descendants
    QAction* quit = file->addAction(QStringLiteral("Quit"));
    auto* edit = new QMenu(&window);
    int asked = 0;
    addExportActions(file, quit, edit, &window, [&asked] {
        ++asked;
        const auto source = test::andSource();
        return ExportContext{source, 5, Theme::light(), QSizeF(300, 200), 1.0};
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
    dialog->close();
}

} // namespace
