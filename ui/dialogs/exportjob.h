#pragma once

#include "export/exporter.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>

class QProgressDialog;
class QWidget;

namespace plab::ui {

/// One export at a time on a worker thread (Qt Concurrent), behind a window-modal progress
/// dialog that can cancel it: the window stays responsive. The request carries copies of
/// everything, so the window may change (and train) meanwhile.
class ExportJob : public QObject
{
    Q_OBJECT

public:
    /// \p window: the progress dialog's parent.
    explicit ExportJob(QWidget* window);
    /// Cancels a running export; the worker holds its own copies and only learns that nobody
    /// waits any more.
    ~ExportJob() override;

    /// Runs \p request (with its path) unless an export runs already.
    void start(const exporting::ExportRequest& request);
    [[nodiscard]] bool isRunning() const;
    /// Asks the running export to stop; finished() reports it cancelled.
    void cancel();

Q_SIGNALS:
    /// The export ended: written, failed or cancelled.
    void finished(const plab::exporting::ExportResult& result);

private:
    void onFinished();

    QWidget* m_window;
    QFutureWatcher<exporting::ExportResult> m_watcher;
    QPointer<QProgressDialog> m_progress;
};

} // namespace plab::ui
