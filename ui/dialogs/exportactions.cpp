#include "ui/dialogs/exportactions.h"

#include "editor/document.h"
#include "editor/playback.h"
#include "export/exporter.h"
#include "learning/history.h"
#include "ui/dialogs/exportdialog.h"

#include <QAction>
#include <QClipboard>
#include <QEvent>
#include <QGuiApplication>
#include <QKeySequence>
#include <QMimeData>

#include <array>

namespace plab::ui {

namespace {

/// The texts keep the export dialog's translation context (lupdate reads it from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(plab::ui::ExportDialog)
};

struct Entry
{
    ExportKind kind;
    const char* name;
    const char* text;
};

constexpr std::array kEntries{
    Entry{ExportKind::Image, "actionExportImage",
          QT_TRANSLATE_NOOP("plab::ui::ExportDialog", "&Image…")},
    Entry{ExportKind::Storyboard, "actionExportStoryboard",
          QT_TRANSLATE_NOOP("plab::ui::ExportDialog", "&Storyboard…")},
    Entry{ExportKind::Frames, "actionExportFrames",
          QT_TRANSLATE_NOOP("plab::ui::ExportDialog", "Numbered &Frames…")},
    Entry{ExportKind::Pages, "actionExportPages",
          QT_TRANSLATE_NOOP("plab::ui::ExportDialog", "Multi-page &PDF…")},
    Entry{ExportKind::Animation, "actionExportAnimation",
          QT_TRANSLATE_NOOP("plab::ui::ExportDialog", "Animated &GIF…")},
    Entry{ExportKind::Table, "actionExportTable",
          QT_TRANSLATE_NOOP("plab::ui::ExportDialog", "Worked-Example &Table…")},
};

/// The document's points, settings, view and name: a source without the run.
std::shared_ptr<exporting::ExportSource> documentSource(const editor::Document& document)
{
    auto source = std::make_shared<exporting::ExportSource>();
    source->data = document.data();
    source->settings = document.runSettings();
    source->view = document.view();
    source->name = document.name();
    return source;
}

} // namespace

std::shared_ptr<const exporting::ExportSource> exportSourceFor(const editor::Document& document,
                                                               const learning::History& history)
{
    auto source = documentSource(document);
    // A hand-set network of step units is shown but never trained, so the window has no run of
    // it: the export draws it as `perceptron-lab export` does, from a run of epoch 0 alone.
    if (editor::Playback::handSetModel(source->settings)) {
        source->history =
            exporting::trainedSource(source->data, source->settings, source->view).history;
        return source;
    }
    source->history = history;
    return source;
}

void copyPageToClipboard(const exporting::ExportSource& source,
                         std::span<const exporting::ExportFrame> frames,
                         const exporting::ExportOptions& options)
{
    auto* mime = new QMimeData;
    mime->setImageData(exporting::renderImage(source, frames, options));
    mime->setData(QStringLiteral("image/svg+xml"), exporting::renderSvg(source, frames, options));
    QGuiApplication::clipboard()->setMimeData(mime);
}

void copyViewToClipboard(const exporting::ExportSource& source, const exporting::ExportFrame& frame,
                         const render::Theme& theme, const QSizeF& logical, double devicePixelRatio)
{
    exporting::ExportOptions options;
    options.theme = theme;
    options.geometry.logical = logical;
    options.geometry.scale = devicePixelRatio;
    options.geometry.dpi = 96.0 * devicePixelRatio;
    copyPageToClipboard(source, std::span(&frame, 1), options);
}

ExportMenu::ExportMenu(QWidget* window, QMenu* editMenu, std::function<ExportContext()> context,
                       QWidget* parent)
    : QMenu(parent), m_context(std::move(context))
{
    setObjectName(QStringLiteral("menuExport"));
    for (const Entry& entry : kEntries) {
        QAction* action = addAction(QString());
        action->setObjectName(QString::fromLatin1(entry.name));
        if (entry.kind == ExportKind::Image)
            action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
        const ExportKind kind = entry.kind;
        connect(action, &QAction::triggered, window, [this, window, kind] {
            const ExportContext c = m_context();
            if (!c.document || !c.history)
                return;
            auto* dialog = new ExportDialog(exportSourceFor(*c.document, *c.history), c.position,
                                            c.theme, window);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->setKind(kind);
            dialog->open();
        });
        m_exportActions << action;
    }
    m_copyView = editMenu->addAction(QString());
    m_copyView->setObjectName(QStringLiteral("actionCopyView"));
    m_copyView->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    // The shortcut works wherever the focus is in the window.
    window->addAction(m_copyView);
    connect(m_copyView, &QAction::triggered, this, &ExportMenu::copyView);
    retranslateUi();
}

void ExportMenu::copyView()
{
    const ExportContext c = m_context();
    if (!c.document || !c.history || c.viewSize.isEmpty())
        return;
    // The picture needs the points and the frame shown, not the run: the frame is taken from the
    // window's history in place.
    if (editor::Playback::handSetModel(c.document->runSettings())) {
        const auto shown = exportSourceFor(*c.document, *c.history);
        copyViewToClipboard(*shown, exporting::frameAt(*shown, 0), c.theme, c.viewSize,
                            c.devicePixelRatio);
        return;
    }
    const auto source = documentSource(*c.document);
    copyViewToClipboard(*source, exporting::frameAt(*source, *c.history, c.position), c.theme,
                        c.viewSize, c.devicePixelRatio);
}

void ExportMenu::changeEvent(QEvent* event)
{
    QMenu::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}

void ExportMenu::retranslateUi()
{
    setTitle(Text::tr("&Export"));
    for (qsizetype i = 0; i < m_exportActions.size(); ++i)
        m_exportActions.at(i)->setText(Text::tr(kEntries.at(std::size_t(i)).text));
    m_copyView->setText(Text::tr("&Copy View"));
    m_copyView->setToolTip(
        Text::tr("Copy the plot as shown to the clipboard, as an image and as SVG"));
}

ExportMenu* addExportActions(QMenu* fileMenu, QAction* before, QMenu* editMenu, QWidget* window,
                             std::function<ExportContext()> context)
{
    auto* menu = new ExportMenu(window, editMenu, std::move(context), fileMenu);
    fileMenu->insertMenu(before, menu);
    if (before)
        fileMenu->insertSeparator(before);
    return menu;
}

} // namespace plab::ui
