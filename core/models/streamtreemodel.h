#pragma once

#include "kinesis/api.h"
#include "kinesis/error.h"

#include <QAbstractItemModel>
#include <QList>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

namespace shardscope {

class StreamBackend;

// The connections → streams → shards tree of the navigation dock. One column; the semantic
// roles are in ModelRole (NodeKindRole, StreamStatusRole, ShardStateRole, HashRange*Role...).
//
// Streams are listed when a connection is added and again, coalesced (~50 ms), after each
// catalogChanged. A stream's shards are fetched lazily (canFetchMore/fetchMore, as a view does
// on expanding) and refreshed with the streams once fetched. Results that arrive after a newer
// request was made are dropped (a generation counter per request kind).
//
// Threads: GUI thread. Does not own the backends; remove a connection before deleting it.
class StreamTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamTreeModel)

public:
    explicit StreamTreeModel(QObject *parent = nullptr);
    ~StreamTreeModel() override;

    void addConnection(StreamBackend *backend);
    void removeConnection(StreamBackend *backend);
    StreamBackend *backendFor(const QModelIndex &index) const;
    QModelIndex connectionIndex(const StreamBackend *backend) const;
    QModelIndex streamIndex(const StreamBackend *backend, const QString &streamName) const;
    // Lists every connection's streams (and fetched shards) again now.
    void refreshAll();

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    // A listing from `backend` was applied (streams, or one stream's shards). For tests and
    // for views that wait to restore a selection.
    void streamsRefreshed(shardscope::StreamBackend *backend);
    void shardsRefreshed(shardscope::StreamBackend *backend, const QString &streamName);

private:
    enum class Level { Connection, Stream, Shard };
    // An index's internal pointer is its parent node (null for connections); `level` says which.
    struct Node
    {
        Level level;
    };
    struct ConnectionNode;
    struct StreamNode : Node
    {
        StreamNode() : Node{Level::Stream} {}
        ConnectionNode *connection = nullptr;
        StreamSummary summary;
        QList<Shard> shards;
        bool shardsRequested = false; // fetchMore was called; refresh shards with the streams
        bool shardsLoading = false;
        quint64 shardGeneration = 0;
        std::optional<Error> error;
    };
    struct ConnectionNode : Node
    {
        ConnectionNode() : Node{Level::Connection} {}
        StreamBackend *backend = nullptr;
        QList<std::shared_ptr<StreamNode>> streams; // sorted by name
        bool dirty = false;
        bool loading = false;
        quint64 generation = 0;
        std::optional<Error> error;
    };

    Level levelOf(const QModelIndex &index) const;
    ConnectionNode *connectionOf(const QModelIndex &index) const; // for connection rows
    StreamNode *streamOf(const QModelIndex &index) const;         // for stream rows
    ConnectionNode *findConnection(const StreamBackend *backend) const;
    int connectionRow(const ConnectionNode *connection) const;
    static int streamRow(const StreamNode *stream);
    StreamNode *findStream(ConnectionNode *connection, const QString &name) const;

    void scheduleRefresh(StreamBackend *backend);
    void onRefreshTimer();
    void loadStreams(ConnectionNode *connection);
    void applyStreams(ConnectionNode *connection, QList<StreamSummary> streams);
    void loadShards(ConnectionNode *connection, StreamNode *stream);
    void applyShards(ConnectionNode *connection, StreamNode *stream, QList<Shard> shards);

    std::vector<std::unique_ptr<ConnectionNode>> m_connections;
    QTimer m_refreshTimer;
    quint64 m_lastRequest = 0;
};

} // namespace shardscope
