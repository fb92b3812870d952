#pragma once

#include "kinesis/hashkey.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QAbstractItemModel;
class QItemSelectionModel;
class QLabel;
class QLineEdit;
class QPushButton;
class QScrollArea;
class QSpinBox;

namespace shardscope {

class ShardMapWidget;
class StreamBackend;

// The Shards tab's lab: the shard band (ShardMapWidget) beside a partition-key calculator
// (a key's MD5, its 128-bit hash key and the shard it lands on, marked on the band) and the
// reshard controls, each with a preview before anything is sent: a split point to drag or type
// (what each child would have received of the last minute's records, from a GetRecords sample
// of the shard), two adjacent shards to merge (click, Shift+click), and UpdateShardCount with
// the uniform layout it would produce and the limits it would hit. A read-only connection
// shows every control disabled with the reason. The window's Stream menu holds the same
// commands with their shortcuts.
//
// Threads: GUI thread. Does not own the backend.
class ShardMapLab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShardMapLab)

public:
    explicit ShardMapLab(QWidget *parent = nullptr);
    ~ShardMapLab() override;

    void setModel(QAbstractItemModel *model, QItemSelectionModel *selection);
    void setStream(StreamBackend *backend, const QString &streamName);
    ShardMapWidget *map() const { return m_map; }

    enum class Mode { None, Split, Merge, Scale };
    Mode mode() const { return m_mode; }
    QString previewText() const;

    // The band's height, not the side panel's: the panel scrolls, and the shards table under
    // the lab keeps room for its rows.
    QSize sizeHint() const override;

public slots:
    void previewSplit();
    void previewMerge();
    void previewScale();
    void confirm();
    void cancel();
    void focusCalculator();

protected:
    // Ctrl+Return confirms a preview, Esc closes it (from any of the lab's widgets).
    void keyPressEvent(QKeyEvent *event) override;

private:
    void updateCalculator();
    void updateSplitPreview();
    void updateMergePreview();
    void updateScalePreview();
    void updateEnabled();
    void sampleShard(const QString &shardId);
    void setSplitKey(std::optional<HashKey> key);
    void showResult(const QString &text, bool failed);
    // The result line in the error colour of the current palette after a failure.
    void showResultColour();
    // Scrolls the side panel to the preview and its Confirm button (on a short window they sit
    // below the calculator, out of sight).
    void revealPreview();
    int openShardCount() const;

    ShardMapWidget *m_map;
    QScrollArea *m_side = nullptr;
    QPointer<StreamBackend> m_backend;
    QString m_streamName;
    Mode m_mode = Mode::None;

    QLineEdit *m_partitionKey;
    QLineEdit *m_explicitKey;
    QLabel *m_calculation;
    QLabel *m_calculatorError;

    QLineEdit *m_splitKeyEdit;
    QPushButton *m_snapMidpoint;
    QPushButton *m_snapPartitionKey;
    QSpinBox *m_target;
    QLabel *m_preview;
    QLabel *m_readOnly;
    QLabel *m_result;
    bool m_resultFailed = false;
    QPushButton *m_splitButton = nullptr;
    QPushButton *m_mergeButton = nullptr;
    QPushButton *m_scaleButton = nullptr;
    QLabel *m_selectFirst = nullptr;
    QPushButton *m_confirm;
    QPushButton *m_cancel;

    std::optional<HashKey> m_calculatorKey;
    std::optional<HashKey> m_splitKey;
    QString m_splitShard;
    // The hash keys of the last minute's records of m_sampledShard (a GetRecords sample).
    QString m_sampledShard;
    QList<HashKey> m_sample;
    bool m_sampling = false;
    QString m_sampleError;
    quint64 m_sampleGeneration = 0;
    bool m_busy = false;
};

} // namespace shardscope
