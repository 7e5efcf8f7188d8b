#include "ui/dialogs/exportjob.h"

#include <QCoreApplication>
#include <QProgressDialog>
#include <QPromise>
#include <QWidget>
#include <QtConcurrent/QtConcurrentRun>

namespace plab::ui {

namespace {

/// The texts keep the export dialog's translation context (lupdate reads it from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(plab::ui::ExportDialog)
};

} // namespace

ExportJob::ExportJob(QWidget* window) : QObject(window), m_window(window)
{
    using Watcher = QFutureWatcher<exporting::ExportResult>;
    connect(&m_watcher, &Watcher::finished, this, &ExportJob::onFinished);
    connect(&m_watcher, &Watcher::progressRangeChanged, this, [this](int lo, int hi) {
        if (m_progress)
            m_progress->setRange(lo, hi);
    });
    connect(&m_watcher, &Watcher::progressValueChanged, this, [this](int value) {
        if (m_progress)
            m_progress->setValue(value);
    });
}

ExportJob::~ExportJob()
{
    cancel();
}

bool ExportJob::isRunning() const
{
    return m_watcher.isRunning();
}

void ExportJob::cancel()
{
    if (isRunning())
        m_watcher.future().cancel();
}

void ExportJob::start(const exporting::ExportRequest& request)
{
    if (isRunning())
        return;
    m_progress = new QProgressDialog(Text::tr("Exporting…"), Text::tr("Cancel"), 0, 0, m_window);
    m_progress->setObjectName(QStringLiteral("exportProgress"));
    // Without a title of its own the window manager shows the program's name, elided to
    // "perce… on-lab" in a dialog this narrow.
    m_progress->setWindowTitle(Text::tr("Export"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(400);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    connect(m_progress, &QProgressDialog::canceled, this, &ExportJob::cancel);
    // Painting into QImage, QSvgGenerator and QPdfWriter is safe off the GUI thread.
    m_watcher.setFuture(QtConcurrent::run([request](QPromise<exporting::ExportResult>& promise) {
        exporting::ExportResult result =
            exporting::runExport(request, [&promise](int done, int total) {
                promise.setProgressRange(0, total);
                promise.setProgressValue(done);
                return !promise.isCanceled();
            });
        promise.addResult(std::move(result));
    }));
}

void ExportJob::onFinished()
{
    exporting::ExportResult result;
    const QFuture<exporting::ExportResult> future = m_watcher.future();
    if (future.resultCount() > 0 && !future.isCanceled())
        result = future.result();
    else
        result.cancelled = true;
    if (m_progress) {
        m_progress->close();
        m_progress->deleteLater();
    }
    Q_EMIT finished(result);
}

} // namespace plab::ui
