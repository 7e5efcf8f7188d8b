#pragma once

#include "export/exporter.h"
#include "export/exportoptions.h"
#include "export/exportsource.h"
#include "render/theme.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QPointer>
#include <QWidget>

#include <cstddef>
#include <functional>
#include <memory>

class QAction;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressDialog;
class QPushButton;
class QSlider;
class QSpinBox;

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
/// it: presentation mode, no hover or selection chrome.
void copyViewToClipboard(const exporting::ExportSource& source, const exporting::ExportFrame& frame,
                         const render::Theme& theme, const QSizeF& logical,
                         double devicePixelRatio);

/// What the window hands to its export actions when one is triggered.
struct ExportContext
{
    std::shared_ptr<const exporting::ExportSource> source; ///< see exportSourceFor()
    std::size_t position = 0;                              ///< the timeline position shown
    render::Theme theme;                                   ///< the canvas's theme
    QSizeF viewSize;                                       ///< the canvas's size, logical pixels
    double devicePixelRatio = 1.0;                         ///< the canvas's screen
};

/// Adds the export actions to a window's menus: File > Export (inserted before \p before, with a
/// separator; appended when null) with one entry per kind of export (Image... Ctrl+E,
/// Storyboard..., Numbered Frames..., Multi-page PDF..., Animated GIF..., Worked-Example Table...;
/// objectNames "actionExportImage", ...), each opening an ExportDialog on that kind, and
/// Edit > Copy View (Ctrl+Shift+C, "actionCopyView"), which copies the canvas as shown. \p context
/// is asked for the document and the run each time an action is triggered. The texts follow
/// language changes of \p window.
void addExportActions(QMenu* fileMenu, QAction* before, QMenu* editMenu, QWidget* window,
                      std::function<ExportContext()> context);

/// The live preview of an export: the first page (or the chosen frame) painted by the export's
/// own FramePainter, scaled to fit the widget.
class ExportPreview : public QWidget
{
    Q_OBJECT

public:
    explicit ExportPreview(QWidget* parent = nullptr);

    /// What to show; \p source must stay alive while it is shown.
    void setPage(std::shared_ptr<const exporting::ExportSource> source,
                 std::vector<exporting::ExportFrame> frames,
                 const exporting::ExportOptions& options);
    /// A message instead of a page (e.g. why the settings cannot be exported).
    void setMessage(const QString& message);

    [[nodiscard]] QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::shared_ptr<const exporting::ExportSource> m_source;
    std::vector<exporting::ExportFrame> m_frames;
    exporting::ExportOptions m_options;
    QString m_message;
};

/// The export dialog: every export (image, storyboard, numbered frames, multi-page PDF, animated
/// GIF, worked-example table) of a copy of the document and its run, with a live preview that
/// uses the same painters as the files. Exports run on a worker thread behind a progress dialog
/// that can cancel them; the window stays responsive.
///
/// Widgets have objectNames ("layout", "format", "epochs", ...) for tests.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    /// Which kind of export the dialog opens on.
    enum class Kind
    {
        Image,
        Storyboard,
        Frames,
        Pages,
        Animation,
        Table,
    };

    /// \p position: the timeline position the window shows (the "current view" frame).
    /// \p screenTheme: the window's theme, the default.
    ExportDialog(std::shared_ptr<const exporting::ExportSource> source, std::size_t position,
                 const render::Theme& screenTheme, QWidget* parent = nullptr);
    ~ExportDialog() override;

    void setKind(Kind kind);
    [[nodiscard]] Kind kind() const;

    /// The export the widgets describe, without the file (path empty), or why there is none.
    [[nodiscard]] Result<exporting::ExportRequest, QString> request() const;

    /// How the dialog asks where to save: (suggested path, filter) -> chosen path, empty to
    /// cancel. The default is QFileDialog::getSaveFileName. Tests install their own.
    using FileChooser = std::function<QString(const QString& suggested, const QString& filter)>;
    void setFileChooser(FileChooser chooser);

    /// Asks for the file and runs the export on a worker thread with a progress dialog. The
    /// outcome arrives with finished().
    void startExport();
    /// True while an export runs.
    [[nodiscard]] bool isExporting() const;

Q_SIGNALS:
    /// An export ended (written, failed or cancelled).
    void exportFinished(const plab::exporting::ExportResult& result);

protected:
    void closeEvent(QCloseEvent* event) override;
    void reject() override;

private:
    void buildWidgets();
    void updateEnabled();
    void updatePreview();
    void onFinished();
    void copyToClipboard();
    [[nodiscard]] exporting::ExportLayout layout() const;
    [[nodiscard]] Result<exporting::OutputGeometry, QString> geometry() const;
    [[nodiscard]] QString fileFilter(const exporting::ExportRequest& request) const;

    std::shared_ptr<const exporting::ExportSource> m_source;
    std::size_t m_position = 0;
    render::Theme m_screenTheme;
    FileChooser m_chooser;
    QFutureWatcher<exporting::ExportResult> m_watcher;
    QPointer<QProgressDialog> m_progress;
    QString m_lastFolder;

    QComboBox* m_layout = nullptr;
    QComboBox* m_content = nullptr;
    QComboBox* m_format = nullptr;
    QLineEdit* m_epochs = nullptr;
    QCheckBox* m_steps = nullptr;
    QLabel* m_current = nullptr;
    QComboBox* m_size = nullptr;
    QDoubleSpinBox* m_width = nullptr;
    QDoubleSpinBox* m_height = nullptr;
    QComboBox* m_unit = nullptr;
    QComboBox* m_scale = nullptr;
    QSpinBox* m_dpi = nullptr;
    QComboBox* m_theme = nullptr;
    QDoubleSpinBox* m_fontScale = nullptr;
    QCheckBox* m_caption = nullptr;
    QLineEdit* m_title = nullptr;
    QCheckBox* m_legend = nullptr;
    QSpinBox* m_columns = nullptr;
    QGroupBox* m_gifBox = nullptr;
    QSpinBox* m_delay = nullptr;
    QSpinBox* m_pause = nullptr;
    QSpinBox* m_loop = nullptr;
    QSlider* m_previewFrame = nullptr;
    QLabel* m_summary = nullptr;
    ExportPreview* m_preview = nullptr;
    QPushButton* m_exportButton = nullptr;
    QPushButton* m_copyButton = nullptr;
    QFormLayout* m_form = nullptr;
};

} // namespace plab::ui
