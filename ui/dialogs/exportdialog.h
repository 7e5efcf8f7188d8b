#pragma once

#include "export/exporter.h"
#include "export/exportsource.h"
#include "render/theme.h"
#include "ui/dialogs/exportform.h"

#include <QDialog>
#include <QTimer>

#include <cstddef>
#include <functional>
#include <memory>
#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSlider;
class QSpinBox;

namespace plab::ui {

class ExportJob;
class ExportPreview;

/// The export dialog: every export (image, storyboard, numbered frames, multi-page PDF, animated
/// GIF, worked-example table) of a copy of the document and its run, with a live preview that
/// uses the same painters as the files. The widgets edit an ExportForm (exportform.h: the
/// mapping to the request, without widgets); the preview follows ~150 ms after the last edit, and
/// a table's preview replays only the rows it shows; the export runs as an ExportJob on a worker
/// thread behind a progress dialog that can cancel it.
///
/// Widgets have objectNames ("layout", "format", "epochs", ...) for tests.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    using Kind = ExportKind;

    /// How long the preview waits after an edit, so typing recomputes it once.
    static constexpr int kPreviewDelayMs = 150;
    /// The rows of a table the preview shows.
    static constexpr std::size_t kPreviewRows = 40;

    /// \p position: the timeline position the window shows (the "current view" frame).
    /// \p screenTheme: the window's theme, the default.
    ExportDialog(std::shared_ptr<const exporting::ExportSource> source, std::size_t position,
                 const render::Theme& screenTheme, QWidget* parent = nullptr);
    ~ExportDialog() override;

    /// Switches to \p kind, with that kind's format, epochs and (for GIFs) size.
    void setKind(Kind kind);
    [[nodiscard]] Kind kind() const;

    /// What the widgets show, as values.
    [[nodiscard]] ExportForm form() const;
    /// Shows \p form in the widgets (values they cannot hold are clamped by them).
    void setForm(const ExportForm& form);

    /// The export the widgets describe, without the file (path empty), or why there is none.
    [[nodiscard]] Result<exporting::ExportRequest, QString> request() const;

    /// How the dialog asks where to save: (suggested path, filter) -> chosen path, empty to
    /// cancel. The default is QFileDialog::getSaveFileName. Tests install their own.
    using FileChooser = std::function<QString(const QString& suggested, const QString& filter)>;
    void setFileChooser(FileChooser chooser);

    /// Asks for the file and runs the export on a worker thread with a progress dialog. The
    /// outcome arrives with exportFinished().
    void startExport();
    /// True while an export runs.
    [[nodiscard]] bool isExporting() const;

Q_SIGNALS:
    /// An export ended (written, failed or cancelled).
    void exportFinished(const plab::exporting::ExportResult& result);
    /// The preview was computed again (once per burst of edits).
    void previewUpdated();

protected:
    void closeEvent(QCloseEvent* event) override;
    void reject() override;

private:
    void buildWidgets();
    void connectWidgets();
    void setFormats(Kind kind);
    void formChanged();
    void updateEnabled();
    /// Checks the request at once (cheap): a wrong entry is named and blocks the export.
    bool checkRequest();
    void updatePreview();
    void showPreviewFrame();
    /// The frames of the page the preview shows: a storyboard's all, else the slider's one.
    [[nodiscard]] std::vector<exporting::ExportFrame> previewPage() const;
    void onFinished(const exporting::ExportResult& result);
    void copyToClipboard();

    std::shared_ptr<const exporting::ExportSource> m_source;
    std::size_t m_position = 0;
    render::Theme m_screenTheme;
    FileChooser m_chooser;
    ExportJob* m_job = nullptr;
    QString m_lastFolder;
    QTimer m_previewTimer;
    /// The frames of the last preview and how it laid them out; the slider picks among them.
    std::vector<exporting::ExportFrame> m_frames;
    exporting::ExportOptions m_frameOptions;

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
