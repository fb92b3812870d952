#pragma once

#include "records/recordentry.h"
#include "records/recordexport.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QList>
#include <QPointer>

#include <expected>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace shardscope {

class InlineErrorLabel;
class RecordSourceBox;
class RangeReader;
class StreamBackend;

// Exports records to a JSON Lines or CSV file (see RecordExport for the formats): the records
// handed over by setRecords() (a selection or a filter result), or a time or sequence range of
// the stream (read with RangeReader). Reading and writing run off the GUI thread with progress
// and Stop; the file is replaced only once complete. Ends with "Wrote N records, X KiB to path".
//
// Threads: GUI thread. Does not own the backend.
class ExportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDialog)

public:
    ExportDialog(StreamBackend *backend, const QString &streamName, QWidget *parent = nullptr);
    ~ExportDialog() override;

    void setRecords(const QList<RecordEntry> &records);
    void setFilePath(const QString &path);

signals:
    void exported(const QString &path, qint64 records, qint64 bytes);

private:
    using WriteResult = std::expected<ExportSummary, QString>;

    void browse();
    void start();
    void stop();
    void write(const QList<RecordEntry> &records);
    void writeDone();
    void finishRun();
    void updateState();
    ExportFormat format() const;

    QPointer<StreamBackend> m_backend;
    QString m_streamName;
    QList<RecordEntry> m_records;

    RecordSourceBox *m_sourceBox;
    QComboBox *m_formatCombo;
    QLineEdit *m_pathEdit;
    QPushButton *m_browseButton;
    QProgressBar *m_progressBar;
    QLabel *m_resultLabel;
    InlineErrorLabel *m_errorLabel;
    QDialogButtonBox *m_buttons;
    QPushButton *m_exportButton;
    QPushButton *m_stopButton;

    RangeReader *m_reader;
    QFutureWatcher<WriteResult> m_watcher;
    bool m_running = false;
};

} // namespace shardscope
