#pragma once

#include "records/filterexpression.h"
#include "records/recordentry.h"
#include "records/tailreader.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <optional>

class QAction;
class QComboBox;
class QCompleter;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QSettings;
class QShowEvent;
class QSpinBox;
class QSplitter;
class QStringListModel;
class QTableView;
class QToolBar;
class QToolButton;

namespace shardscope {

class FanOutReader;
class FilterScan;
class PayloadSpool;
class ReaderChoice;
class ShardLagLine;
class RecordsModel;
class StreamBackend;
struct FilterMatch;

// The Records tab: reads a stream live (TailReader polling GetRecords, or FanOutReader through
// an enhanced fan-out consumer, as chosen in ReaderChoice) into a virtualized table (RecordsModel),
// keeps what it read in a PayloadSpool so payloads are never fetched twice, and filters it.
//
// Layout: a toolbar (start position, shard, Start/Pause/Resume, Stop, Clear), a filter row (the
// expression with live validation and completion, Apply/Cancel, saved filters), a vertical
// splitter with the table on top and room for an inspector below (setInspector), and a status
// line (records, rate, shards, throttling). While the table is empty, a line in it says why
// (not reading yet, with a Start link; waiting for records; no matches).
//
// Starting: the position defaults to the last kDefaultRecentMinutes minutes (AT_TIMESTAMP), so
// opening the tab shows recent records at once and then follows new ones. With
// setReadsWhenShown(true) a stream of the local emulator starts being read the first time the
// page is shown for it; a stream on AWS waits for Start, because reading there takes from the
// shard's GetRecords quota that the stream's own consumers share.
//
// Filtering: Apply scans every record read so far off the GUI thread (FilterScan over the
// spool) with a running "scanned / matched" count and Cancel; matches go into a second
// RecordsModel that the table shows while a filter is applied. Records read after Apply are
// matched as they arrive. Cancel keeps the matches found so far.
//
// The table follows new rows only while it is scrolled to the bottom.
//
// Threads: GUI thread; nothing here waits for the backend or the spool.
class RecordsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordsPage)

public:
    // The start positions. Recent is AT_TIMESTAMP a number of minutes before Start.
    enum Position
    {
        TrimHorizon,
        Latest,
        AtTimestamp,
        AtSequenceNumber,
        AfterSequenceNumber,
        Recent
    };
    Q_ENUM(Position)

    static constexpr int kFlushIntervalMs = 30;
    static constexpr int kMaximumRows = 1'000'000;
    static constexpr int kDefaultRecentMinutes = 15;

    explicit RecordsPage(QWidget *parent = nullptr);
    ~RecordsPage() override;

    // Stops reading and forgets the records of the previous stream.
    void setStream(StreamBackend *backend, const QString &streamName);
    QString streamName() const { return m_streamName; }
    // The shards offered in the shard selector (besides "All shards").
    void setShardIds(const QStringList &shardIds);
    // Where saved filters are kept; not owned. Without one, a default QSettings.
    void setSettings(QSettings *settings);
    // Puts a widget (the record inspector) below the table, in the splitter.
    void setInspector(QWidget *inspector);

    QToolBar *toolBar() const { return m_toolBar; }
    QTableView *view() const { return m_view; }
    QSplitter *splitter() const { return m_splitter; }
    RecordsModel *model() const { return m_model; }
    RecordsModel *resultsModel() const { return m_results; }
    TailReader *tail() const { return m_tail; }
    FanOutReader *fanOut() const { return m_fanOut; }
    // The reader of the current (or last) read: tail() or fanOut().
    RecordReader *reader() const { return m_reader; }
    ReaderChoice *readerChoice() const { return m_readerChoice; }
    ShardLagLine *lagLine() const { return m_lagLine; }
    FilterScan *filterScan() const { return m_scan; }
    const PayloadSpool &spool() const { return *m_spool; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    // The line shown in the empty table (why it is empty), or null while rows are shown.
    QLabel *emptyHint() const;
    // The page's commands with their shortcuts (Start/Pause, Stop, Clear, Filter Records,
    // Complete Filter, Register Consumer), for the window to offer in its menus and to bind window-wide.
    QList<QAction *> commandActions() const;

    // The selected rows, in view order, with their payloads (read from the spool).
    QFuture<QList<RecordEntry>> selectedRecords() const;
    // The record in the current row, with its payload.
    QFuture<QList<RecordEntry>> currentRecord() const;
    // What Replay and Export act on: the selected rows; with none selected while a filter is
    // applied, every match. In view order, with their payloads. The count is known at once.
    QFuture<QList<RecordEntry>> recordsToActOn() const;
    int recordsToActOnCount() const;

    bool isFilterApplied() const { return m_filterApplied; }
    std::optional<FilterError> filterError() const { return m_filterError; }
    QStringList savedFilterNames() const;
    // JSON paths seen in payloads, offered by the completer (data.status...).
    QStringList dataPaths() const { return m_dataPaths; }

    // Start position from the toolbar; false (with the reason next to the field) when invalid.
    bool start();
    void setStartPosition(Position position);
    Position startPosition() const;
    void setStartRecentMinutes(int minutes);
    void setStartTimestamp(qint64 epochMs);
    void setStartSequenceNumber(const QString &sequenceNumber);
    void setStartShard(const QString &shardId); // empty: all shards
    // Start reading a local-emulator stream when the page is first shown for it (or at once,
    // when a stream is set while the page is visible). Off by default.
    void setReadsWhenShown(bool on);

public slots:
    void startOrPause();
    void stop();
    void clear();
    void applyFilter();
    void cancelFilter();
    void clearFilter();
    void saveFilter(const QString &name);
    void loadSavedFilter(const QString &name);
    void removeSavedFilter(const QString &name);

signals:
    // The current row changed; the record comes with its payload.
    void currentRecordChanged(const shardscope::RecordEntry &record);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildFilterRow();
    void buildStatusLine(QWidget *statusLine);
    void recordsReceived(const QList<RecordEntry> &records);
    void matchesFound(const QList<FilterMatch> &matches);
    void appendMatches(const QList<RecordEntry> &records, const QList<quint64> &serials);
    void validateFilter();
    void showFilterFormats();
    void updateCompletions(bool force);
    void insertCompletion(const QString &candidate);
    void updatePositionInputs();
    void updateActions();
    void updateStatus();
    void updateEmptyHint();
    QString positionDescription() const;
    void startIfWanted();
    void focusFilter(bool complete);
    void updateScanStatus();
    void showTable(RecordsModel *model);
    void currentRowChanged();
    void learnDataPaths(const QList<RecordEntry> &records);
    quint64 sourceSerial(int row) const;
    void resetSpool();
    QSettings &settings();
    void reloadSavedFilters(const QString &select = {});

    QPointer<StreamBackend> m_backend;
    QString m_streamName;
    RecordsModel *m_model;
    RecordsModel *m_results;
    std::shared_ptr<PayloadSpool> m_spool;
    TailReader *m_tail;
    FanOutReader *m_fanOut;
    RecordReader *m_reader;
    ReaderChoice *m_readerChoice;
    ShardLagLine *m_lagLine;
    QString m_fanOutConsumer; // the name of the consumer fanOut() reads through
    FilterScan *m_scan;

    QToolBar *m_toolBar;
    QComboBox *m_position = nullptr;
    QDateTimeEdit *m_timestamp = nullptr;
    QAction *m_timestampAction = nullptr;
    QLineEdit *m_sequence = nullptr;
    QAction *m_sequenceAction = nullptr;
    QSpinBox *m_recentMinutes = nullptr;
    QAction *m_recentAction = nullptr;
    QComboBox *m_shard = nullptr;
    QLabel *m_positionError = nullptr;
    QAction *m_positionErrorAction = nullptr;
    QAction *m_startAction = nullptr;
    QAction *m_stopAction = nullptr;
    QAction *m_clearAction = nullptr;
    QAction *m_focusFilterAction = nullptr;
    QAction *m_completeAction = nullptr;

    QLineEdit *m_filterEdit = nullptr;
    QLabel *m_filterMessage = nullptr;
    QToolButton *m_applyButton = nullptr;
    QToolButton *m_cancelButton = nullptr;
    QToolButton *m_clearFilterButton = nullptr;
    QComboBox *m_savedFilters = nullptr;
    QToolButton *m_saveButton = nullptr;
    QToolButton *m_deleteButton = nullptr;
    QLabel *m_scanStatus = nullptr;
    QCompleter *m_completer = nullptr;
    QStringListModel *m_completions = nullptr;
    FilterCompletion m_completion;

    QSplitter *m_splitter;
    QTableView *m_view;
    QWidget *m_inspector = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_throttled = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_emptyHint = nullptr;

    std::optional<FilterError> m_filterError;
    bool m_filterApplied = false;
    FilterExpression m_filter;
    QString m_filterText;           // the applied filter's text
    quint64 m_scanFirst = 0;        // spool serials the scan covers: [first, end)
    quint64 m_scanEnd = 0;
    QList<RecordEntry> m_liveMatches; // matched while the scan still runs
    QList<quint64> m_liveSerials;
    QList<quint64> m_resultSerials; // spool serial of each results row (by results serial)
    quint64 m_resultsBase = 0;      // results serial of m_resultSerials[0]

    bool m_readsWhenShown = false;
    bool m_startWhenShown = false; // armed by setStream, spent by the first start
    bool m_stickToBottom = true;
    quint64 m_currentSerial = ~quint64(0);
    QStringList m_dataPaths;
    QElapsedTimer m_rateClock;
    qint64 m_rateCount = 0; // records at the last rate sample
    qint64 m_rateAt = 0;
    double m_rate = 0;
    qint64 m_received = 0;

    QSettings *m_settings = nullptr;
    std::unique_ptr<QSettings> m_ownSettings;
};

} // namespace shardscope
