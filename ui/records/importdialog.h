#pragma once

#include "records/recordexport.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QPointer>

#include <expected>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace shardscope {

class InlineErrorLabel;
class ReplayFailuresTable;
class RecordReplayer;
class StreamBackend;
struct ReplayFailure;

// Imports a JSON Lines file (RecordExport's format, or `aws kinesis get-records` records) into
// a stream: the file is read off the GUI thread and previewed (how many records, and every bad
// line with its number and why), then the good records are put with RecordReplayer at a chosen
// rate, with progress, Stop and the records the stream refused. A read-only target is refused
// up front.
//
// Threads: GUI thread. Does not own the backend.
class ImportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportDialog)

public:
    ImportDialog(StreamBackend *target, const QString &streamName, QWidget *parent = nullptr);
    ~ImportDialog() override;

    // Reads and previews `path`.
    void setFilePath(const QString &path);
    int recordCount() const { return int(m_records.size()); }

signals:
    void previewReady(qint64 records, qint64 badLines);
    void importFinished(qint64 succeeded, qint64 failed, bool cancelled);

private:
    using ReadResult = std::expected<ImportResult, QString>;

    void browse();
    void load();
    void loaded();
    void start();
    void stop();
    void showProgress();
    void finishRun(bool cancelled);
    void updateState();

    QPointer<StreamBackend> m_target;
    QString m_streamName;
    QList<RecordEntry> m_records;

    QLineEdit *m_pathEdit;
    QPushButton *m_browseButton;
    QLabel *m_previewLabel;
    QTableWidget *m_lineErrorsTable;
    QSpinBox *m_rateSpin;
    QProgressBar *m_progressBar;
    QLabel *m_countsLabel;
    ReplayFailuresTable *m_failuresTable;
    InlineErrorLabel *m_errorLabel;
    QDialogButtonBox *m_buttons;
    QPushButton *m_importButton;
    QPushButton *m_stopButton;

    QFutureWatcher<ReadResult> m_watcher;
    RecordReplayer *m_replayer;
    QString m_loadedPath;
    bool m_loading = false;
    bool m_running = false;
};

} // namespace shardscope
