#pragma once

#include "kinesis/api.h"
#include "records/recordbatch.h"
#include "records/recordentry.h"

#include <QMap>

#include <QDialog>
#include <QPointer>

#include <expected>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTabWidget;

namespace shardscope {

class InlineErrorLabel;
class RecordReplayer;
class ReplayFailuresTable;
class StreamBackend;
struct Error;

// Puts records into one stream.
//
// Record tab: a partition key and an optional explicit hash key, data typed as text, JSON
// (checked as it is typed, the error's line and column shown), hex, or read from a file; the
// hash key the record will be routed by and the open shard whose range holds it are shown
// before sending (shards from ListShards, read asynchronously). The partition key and data
// accept template placeholders (RecordTemplate), "Repeat N times" puts N expansions, and
// templates are saved by name (QSettings). Batch tab: JSON Lines or CSV (RecordBatch), with a
// preview and the lines that cannot be read. A single record goes out as PutRecord. Batches and
// repeats go through RecordReplayer (PutRecords of at most 500 records / 5 MiB, in order per
// key) at the chosen rate, with progress and Stop; throttled records are retried with backoff,
// the records that still fail are listed by file line or repeat number, and the shards the
// records landed on are summed up at the end.
//
// A read-only connection is refused up front. Nothing blocks the GUI thread. Meant for open();
// does not delete itself. Threads: GUI thread; does not own the backend.
class PutRecordDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PutRecordDialog)

public:
    enum class DataFormat
    {
        Text,
        Json,
        Hex,
        File
    };

    PutRecordDialog(StreamBackend *backend, const QString &streamName, QWidget *parent = nullptr);
    ~PutRecordDialog() override;

    // Reads a batch file into the Batch tab (what "Load File…" does after its file dialog).
    void loadBatchFile(const QString &path);
    // Chooses the file the File data format sends.
    void setDataFile(const QString &path);

    // Parses hex as typed: whitespace, "0x" prefixes and ':' / '-' separators are ignored. On
    // failure, the character offset of the first bad character and why.
    struct HexError
    {
        qsizetype position = 0;
        QString message;
    };
    static std::expected<QByteArray, HexError> parseHex(const QString &text);

    bool isBusy() const { return m_busy; }

signals:
    // A single record was put.
    void recordPut(const QString &shardId, const QString &sequenceNumber);
    // A batch or repeat run ended: `succeeded` records were put, `failed` were not (records
    // never sent because of Stop or a stopping error count in neither).
    void batchFinished(int succeeded, int failed);

private:
    QWidget *buildRecordTab();
    QWidget *buildBatchTab();
    void loadShards();
    void loadStreamLimits();
    void validate();
    void updateTarget();
    void updateState();
    void chooseDataFile();
    void chooseBatchFile();
    void send();
    void sendSingle(const PutRecordsRequestEntry &record);
    // `origins`: the file line (batch) or repeat number of each record, for the failures.
    void startBatch(const QList<PutRecordsRequestEntry> &records, const QList<int> &origins);
    void showBatchProgress();
    void finishBatch(bool cancelled);
    void cancelBatch();
    void loadTemplate();
    void saveTemplate();
    void deleteTemplate();
    void refreshTemplateNames();
    // The data bytes for a given expansion of the data text, or why there are none.
    std::expected<QByteArray, QString> dataFor(const QString &expandedText) const;
    std::expected<QList<PutRecordsRequestEntry>, QString> buildRecords() const;
    DataFormat dataFormat() const;
    bool onBatchTab() const;
    qint64 maxRecordBytes() const;

    QPointer<StreamBackend> m_backend;
    QString m_streamName;

    QTabWidget *m_tabs;
    // Record tab
    QLineEdit *m_partitionKeyEdit;
    InlineErrorLabel *m_partitionKeyError;
    QCheckBox *m_hashKeyCheck;
    QLineEdit *m_hashKeyEdit;
    InlineErrorLabel *m_hashKeyError;
    QComboBox *m_formatCombo;
    QStackedWidget *m_dataStack;
    QPlainTextEdit *m_dataEdit;
    QLabel *m_fileLabel;
    QPushButton *m_chooseFileButton;
    InlineErrorLabel *m_dataError;
    QLabel *m_dataInfo;
    QSpinBox *m_repeatSpin;
    QComboBox *m_templateCombo;
    QPushButton *m_loadTemplateButton;
    QPushButton *m_saveTemplateButton;
    QPushButton *m_deleteTemplateButton;
    QLabel *m_hashKeyValue;
    QLabel *m_targetShardValue;
    QLabel *m_resultLabel;
    // Batch tab
    QPushButton *m_loadBatchButton;
    QLabel *m_batchFileLabel;
    QLabel *m_batchSummary;
    QListWidget *m_batchErrors;
    // Progress of a batch or repeat run
    QWidget *m_progressPanel;
    QProgressBar *m_progressBar;
    QSpinBox *m_rateSpin;
    QPushButton *m_cancelBatchButton;
    QLabel *m_batchResult;
    ReplayFailuresTable *m_failuresTable;
    RecordReplayer *m_replayer;

    InlineErrorLabel *m_errorLabel;
    QDialogButtonBox *m_buttons;
    QPushButton *m_sendButton;

    QList<Shard> m_openShards;
    bool m_shardsKnown = false;
    QString m_shardsError;
    int m_maxRecordKiB = KinesisLimits::kDefaultMaxRecordSizeKiB;
    QString m_dataFilePath;
    QByteArray m_dataFileBytes;
    QString m_dataFileError;
    BatchParse m_batch;
    bool m_valid = false;
    bool m_busy = false;

    // The batch or repeat run in flight.
    QList<RecordEntry> m_runRecords;
    QList<int> m_runOrigins;
    bool m_runFromFile = false;
    QMap<QString, qint64> m_runShards; // records put, by shard
    bool m_cancelRequested = false;
};

} // namespace shardscope
