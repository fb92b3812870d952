#pragma once

#include "records/recordentry.h"

#include <QDialog>
#include <QList>
#include <QPointer>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace shardscope {

class InlineErrorLabel;
class RecordSourceBox;
class ReplayFailuresTable;
class RangeReader;
class RecordReplayer;
class StreamBackend;
struct ReplayFailure;

// Replays records into a stream: the records handed over by setRecords() (a selection or a
// filter result), or those of a time or sequence range of the source stream (read with
// RangeReader). The target is any writable connection and any of its streams (listed
// asynchronously; read-only connections are shown disabled with the reason), at a chosen rate.
// Progress, counts and the records the target refused (with error code and message) show in
// the dialog; Cancel stops the replay, what was put stays. Nothing blocks: errors appear
// inline.
//
// Threads: GUI thread. Does not own the backends.
class ReplayDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReplayDialog)

public:
    ReplayDialog(const QList<StreamBackend *> &connections, StreamBackend *source,
                 const QString &sourceStream, QWidget *parent = nullptr);
    ~ReplayDialog() override;

    void setRecords(const QList<RecordEntry> &records);
    // Picks a target (for callers and tests); false when the connection is not offered or is
    // read-only.
    bool selectTarget(StreamBackend *connection, const QString &streamName = {});

signals:
    void replayFinished(qint64 succeeded, qint64 failed, bool cancelled);

private:
    void loadStreams();
    void start();
    void cancelRun();
    void replay(const QList<RecordEntry> &records);
    void showProgress();
    void finishRun(bool cancelled);
    void updateState();
    StreamBackend *targetConnection() const;

    QList<QPointer<StreamBackend>> m_connections;
    QPointer<StreamBackend> m_source;
    QString m_sourceStream;
    QList<RecordEntry> m_records; // what setRecords() gave
    QList<RecordEntry> m_replaying; // what the current run puts
    QString m_wantedStream;

    RecordSourceBox *m_sourceBox;
    QComboBox *m_connectionCombo;
    QComboBox *m_streamCombo;
    InlineErrorLabel *m_targetError;
    QSpinBox *m_rateSpin;
    QProgressBar *m_progressBar;
    QLabel *m_countsLabel;
    ReplayFailuresTable *m_failuresTable;
    InlineErrorLabel *m_errorLabel;
    QDialogButtonBox *m_buttons;
    QPushButton *m_startButton;
    QPushButton *m_cancelButton;

    RangeReader *m_reader;
    RecordReplayer *m_replayer;
    quint64 m_streamsGeneration = 0;
    bool m_streamsLoading = false;
    bool m_running = false;
};

} // namespace shardscope
