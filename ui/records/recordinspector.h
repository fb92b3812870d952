#pragma once

#include "records/payloaddecoder.h"
#include "records/recordentry.h"

#include <QWidget>

class QAction;
class QLabel;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QSplitter;
class QTabWidget;
class QTableWidget;
class QToolBar;
class QTreeView;

namespace shardscope {

class InlineErrorLabel;
class JsonHighlighter;
class JsonTreeModel;

// Shows one record: where it came from (shard, sequence number, arrival time, keys, size) and
// its payload as text, JSON (coloured text and a collapsible tree), hex dump and base64. Gzip
// and zlib layers are inflated (with a note of the sizes); KPL aggregated records are split
// into their sub-records, listed with their keys, sizes and the aggregate's MD5 check, and the
// selected one is shown in the same views. Payloads over kCollapseSize are shown in part, with
// "Show all" and "Save to file…". Copies the record as JSON or as an `aws kinesis put-record`
// command.
//
// Large or compressed payloads are decoded on a worker thread; a newer setRecord() drops a
// decode still running for an older one. Threads: GUI thread.
class RecordInspector final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordInspector)

public:
    enum class View
    {
        Text,
        Json,
        Hex,
        Base64
    };
    Q_ENUM(View)

    // Payloads above this are decoded off the GUI thread.
    static constexpr qsizetype kSyncDecodeSize = qsizetype(256) << 10;
    // Payloads whose text is longer than this are collapsed: the views show the first
    // kPreviewSize characters until "Show all".
    static constexpr qsizetype kCollapseSize = qsizetype(256) << 10;
    static constexpr qsizetype kPreviewSize = qsizetype(64) << 10;
    // "Show all" shows at most this much text: laying out more (a minified 10 MiB JSON document
    // is one 10 MiB line) would stall the GUI for seconds. The hex dump, the tree and "Save to
    // file…" always cover the whole payload.
    static constexpr qsizetype kExpandedSize = qsizetype(512) << 10;

    explicit RecordInspector(QWidget *parent = nullptr);
    ~RecordInspector() override;

    void setRecord(const RecordEntry &record);
    void clear();
    RecordEntry record() const { return m_record; }
    bool hasRecord() const { return m_hasRecord; }

    // The stream name the put-record command names.
    void setStreamName(const QString &streamName);
    QString streamName() const { return m_streamName; }

    View currentView() const;
    void setCurrentView(View view);
    // False while a decode runs on the worker thread.
    bool isDecoded() const { return m_decoded; }
    // The payload the views show: the record's or the selected KPL sub-record's, decoded.
    const DecodedPayload &shownPayload() const { return m_shown; }
    bool isCollapsed() const { return m_collapsed; }
    void showAll();
    // Index of the KPL sub-record shown, or -1.
    int currentSubRecord() const { return m_subRecord; }
    void selectSubRecord(int index);

    // Writes the record's bytes (as stored) to `path`; a failure is shown in the inspector.
    bool saveToFile(const QString &path);

    QString jsonText() const;
    QString putRecordCommand() const;

    QList<QAction *> inspectorActions() const;

signals:
    // The payload of the record set last is decoded and shown.
    void payloadShown();

private:
    class HexDumpModel;

    void buildActions();
    void showHeader();
    void startDecode();
    void showDecoded(DecodedPayload result);
    void showSubRecords();
    void showPayload(DecodedPayload payload);
    void renderViews();
    void renderView(View view);
    void clearView(View view);
    void updateActions();
    void chooseView();
    void saveWithDialog();
    void copyToClipboard(const QString &text, const QString &what);

    RecordEntry m_record;
    bool m_hasRecord = false;
    QString m_streamName;
    quint64 m_generation = 0;
    bool m_decoded = true;
    DecodedPayload m_outer;  // the whole record
    DecodedPayload m_shown;  // what the views show
    int m_subRecord = -1;
    bool m_collapsed = false;
    bool m_showAll = false;
    bool m_userChoseView = false;
    View m_preferredView = View::Text;
    bool m_dirty[4] = {true, true, true, true};

    QLabel *m_shardValue;
    QLabel *m_sequenceValue;
    QLabel *m_arrivalValue;
    QLabel *m_partitionKeyValue;
    QLabel *m_hashKeyValue;
    QLabel *m_sizeValue;
    QToolBar *m_toolBar;
    QLabel *m_notesLabel;
    InlineErrorLabel *m_problemsLabel;
    QWidget *m_kplPanel;
    QLabel *m_kplLabel;
    QTableWidget *m_subRecordTable;
    QWidget *m_collapseBar;
    QLabel *m_collapseLabel;
    QPushButton *m_showAllButton;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_textView;
    QSplitter *m_jsonSplitter;
    QPlainTextEdit *m_jsonView;
    JsonHighlighter *m_highlighter;
    QTreeView *m_jsonTree;
    JsonTreeModel *m_jsonModel;
    QListView *m_hexView;
    HexDumpModel *m_hexModel;
    QPlainTextEdit *m_base64View;
    InlineErrorLabel *m_errorLabel;

    QList<QAction *> m_viewActions;
    QAction *m_copyJsonAction;
    QAction *m_copyCommandAction;
    QAction *m_saveAction;
    QAction *m_showAllAction;
};

} // namespace shardscope
