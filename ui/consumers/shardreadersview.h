#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace shardscope {

class ShardReadersModel;
class StreamBackend;

// "Readers": who polls this stream with GetShardIterator and GetRecords, per shard and reader
// (ShardReadersModel), whatever the client — the app itself, a KCL application, a script or the
// AWS CLI through `--serve` — with rows dimmed once a reader goes idle or away. Read once a
// second while shown. For a backend that cannot tell (AWS), a sentence says why the list is
// empty instead of the table.
//
// Threads: GUI thread. Does not own the backend.
class ShardReadersView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShardReadersView)

public:
    explicit ShardReadersView(QWidget *parent = nullptr);

    void setStream(StreamBackend *backend, const QString &streamName);

    ShardReadersModel *model() const { return m_model; }
    QTableView *tableView() const { return m_view; }
    // The sentence shown instead of the table (no readers, or a backend that cannot tell).
    QLabel *messageLabel() const { return m_message; }

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void updateState();

    QPointer<StreamBackend> m_backend;
    QString m_streamName;
    ShardReadersModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view = nullptr;
    QLabel *m_message = nullptr;
    QStackedWidget *m_stack = nullptr;
};

} // namespace shardscope
