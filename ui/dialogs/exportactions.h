#pragma once

#include "export/exportsource.h"
#include "render/theme.h"

#include <QMenu>
#include <QSizeF>

#include <cstddef>
#include <functional>
#include <memory>
#include <span>

class QAction;

namespace plab::learning {
class History;
}

namespace plab::editor {
class Document;
}

namespace plab::ui {

/// A copy of \p document and \p history for an export (see ExportSource), named after the
/// document's file.
[[nodiscard]] std::shared_ptr<const exporting::ExportSource>
exportSourceFor(const editor::Document& document, const learning::History& history);

/// Puts \p frame of \p source on the clipboard as an image of \p logical pixels at
/// \p devicePixelRatio (and as SVG for programs that take vectors), painted as the export paints
/// it: presentation mode, no hover or selection chrome. The plot needs the source's points,
/// settings and view, not its history.
void copyViewToClipboard(const exporting::ExportSource& source, const exporting::ExportFrame& frame,
                         const render::Theme& theme, const QSizeF& logical,
                         double devicePixelRatio);

/// Puts the page of \p frames of \p source (one frame, or a storyboard) on the clipboard as
/// an image and as SVG, painted as \p options export it.
void copyPageToClipboard(const exporting::ExportSource& source,
                         std::span<const exporting::ExportFrame> frames,
                         const exporting::ExportOptions& options);

/// What the window hands to its export actions when one is triggered: its document and run,
/// read at once (an export dialog takes a copy of both; Copy View copies the points and the one
/// frame it paints, never the run).
struct ExportContext
{
    const editor::Document* document = nullptr;
    const learning::History* history = nullptr;
    std::size_t position = 0;      ///< the timeline position shown
    render::Theme theme;           ///< the canvas's theme
    QSizeF viewSize;               ///< the canvas's size, logical pixels
    double devicePixelRatio = 1.0; ///< the canvas's screen
};

/// File > Export: one entry per kind of export (Image... Ctrl+E, Storyboard..., Numbered
/// Frames..., Multi-page PDF..., Animated GIF..., Worked-Example Table...; objectNames
/// "actionExportImage", ...), each opening an ExportDialog on that kind, and the Edit menu's
/// Copy View (Ctrl+Shift+C, "actionCopyView"), which copies the canvas as shown. The context is
/// asked for the document and the run each time an action is triggered. Like every part of the
/// window, it writes its texts again on QEvent::LanguageChange.
class ExportMenu : public QMenu
{
    Q_OBJECT

public:
    /// \p window: the dialogs' parent, which also gets Copy View so that its shortcut works
    /// wherever the focus is; \p editMenu gets Copy View.
    ExportMenu(QWidget* window, QMenu* editMenu, std::function<ExportContext()> context,
               QWidget* parent = nullptr);

    [[nodiscard]] QAction* copyViewAction() const { return m_copyView; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void copyView();

    std::function<ExportContext()> m_context;
    QList<QAction*> m_exportActions;
    QAction* m_copyView = nullptr;
};

/// Adds an ExportMenu to \p fileMenu (inserted before \p before, with a separator; appended when
/// null) and Copy View to \p editMenu, for \p window.
ExportMenu* addExportActions(QMenu* fileMenu, QAction* before, QMenu* editMenu, QWidget* window,
                             std::function<ExportContext()> context);

} // namespace plab::ui
