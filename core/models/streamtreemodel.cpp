#include "streamtreemodel.h"

#include "backend/futureutils.h"
#include "backend/streambackend.h"
#include "models/modelroles.h"
#include "models/sharddata.h"
#include "models/sortedsync.h"

#include <QDateTime>

#include <algorithm>

namespace shardscope {

namespace {
constexpr int kCoalesceMs = 50;

bool sameSummary(const StreamSummary &a, const StreamSummary &b)
{
    return a.streamName == b.streamName && a.streamArn == b.streamArn
        && a.streamStatus == b.streamStatus && a.streamMode == b.streamMode
        && a.streamCreationTimestamp == b.streamCreationTimestamp;
}
} // namespace

StreamTreeModel::StreamTreeModel(QObject *parent) : QAbstractItemModel(parent)
{
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(kCoalesceMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &StreamTreeModel::onRefreshTimer);
}

StreamTreeModel::~StreamTreeModel() = default;

void StreamTreeModel::addConnection(StreamBackend *backend)
{
    if (!backend || findConnection(backend))
        return;
    auto node = std::make_unique<ConnectionNode>();
    node->backend = backend;
    const int row = int(m_connections.size());
    beginInsertRows({}, row, row);
    m_connections.push_back(std::move(node));
    endInsertRows();
    connect(backend, &StreamBackend::catalogChanged, this, [this, backend] { scheduleRefresh(backend); });
    connect(backend, &QObject::destroyed, this, [this, backend] { removeConnection(backend); });
    loadStreams(m_connections.back().get());
}

void StreamTreeModel::removeConnection(StreamBackend *backend)
{
    ConnectionNode *connection = findConnection(backend);
    if (!connection)
        return;
    disconnect(backend, nullptr, this, nullptr);
    const int row = connectionRow(connection);
    beginRemoveRows({}, row, row);
    m_connections.erase(m_connections.begin() + row);
    endRemoveRows();
}

StreamBackend *StreamTreeModel::backendFor(const QModelIndex &index) const
{
    // No selection is a normal question here ("which connection is current?"), not a bug.
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return nullptr;
    switch (levelOf(index)) {
    case Level::Connection:
        return connectionOf(index)->backend;
    case Level::Stream:
        return streamOf(index)->connection->backend;
    case Level::Shard:
        return static_cast<StreamNode *>(static_cast<Node *>(index.internalPointer()))->connection->backend;
    }
    return nullptr;
}

QModelIndex StreamTreeModel::connectionIndex(const StreamBackend *backend) const
{
    const ConnectionNode *connection = findConnection(backend);
    return connection ? createIndex(connectionRow(connection), 0, nullptr) : QModelIndex();
}

QModelIndex StreamTreeModel::streamIndex(const StreamBackend *backend, const QString &streamName) const
{
    ConnectionNode *connection = findConnection(backend);
    if (!connection)
        return {};
    const StreamNode *stream = findStream(connection, streamName);
    return stream ? createIndex(streamRow(stream), 0, static_cast<Node *>(connection)) : QModelIndex();
}

void StreamTreeModel::refreshAll()
{
    for (const auto &connection : m_connections)
        connection->dirty = true;
    onRefreshTimer();
}

StreamTreeModel::Level StreamTreeModel::levelOf(const QModelIndex &index) const
{
    const auto *parentNode = static_cast<const Node *>(index.internalPointer());
    if (!parentNode)
        return Level::Connection;
    return parentNode->level == Level::Connection ? Level::Stream : Level::Shard;
}

StreamTreeModel::ConnectionNode *StreamTreeModel::connectionOf(const QModelIndex &index) const
{
    return m_connections[size_t(index.row())].get();
}

StreamTreeModel::StreamNode *StreamTreeModel::streamOf(const QModelIndex &index) const
{
    auto *connection = static_cast<ConnectionNode *>(static_cast<Node *>(index.internalPointer()));
    return connection->streams[index.row()].get();
}

StreamTreeModel::ConnectionNode *StreamTreeModel::findConnection(const StreamBackend *backend) const
{
    for (const auto &connection : m_connections) {
        if (connection->backend == backend)
            return connection.get();
    }
    return nullptr;
}

int StreamTreeModel::connectionRow(const ConnectionNode *connection) const
{
    for (size_t row = 0; row < m_connections.size(); ++row) {
        if (m_connections[row].get() == connection)
            return int(row);
    }
    return -1;
}

int StreamTreeModel::streamRow(const StreamNode *stream)
{
    const auto &streams = stream->connection->streams;
    for (qsizetype row = 0; row < streams.size(); ++row) {
        if (streams[row].get() == stream)
            return int(row);
    }
    return -1;
}

StreamTreeModel::StreamNode *StreamTreeModel::findStream(ConnectionNode *connection, const QString &name) const
{
    const auto it = std::lower_bound(connection->streams.cbegin(), connection->streams.cend(), name,
                                     [](const auto &node, const QString &key) { return node->summary.streamName < key; });
    return it != connection->streams.cend() && (*it)->summary.streamName == name ? it->get() : nullptr;
}

QModelIndex StreamTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, nullptr);
    switch (levelOf(parent)) {
    case Level::Connection:
        return createIndex(row, column, static_cast<Node *>(connectionOf(parent)));
    case Level::Stream:
        return createIndex(row, column, static_cast<Node *>(streamOf(parent)));
    case Level::Shard:
        break;
    }
    return {};
}

QModelIndex StreamTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    auto *parentNode = static_cast<Node *>(child.internalPointer());
    if (!parentNode)
        return {};
    if (parentNode->level == Level::Connection)
        return createIndex(connectionRow(static_cast<ConnectionNode *>(parentNode)), 0, nullptr);
    auto *stream = static_cast<StreamNode *>(parentNode);
    return createIndex(streamRow(stream), 0, static_cast<Node *>(stream->connection));
}

int StreamTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_connections.size());
    if (parent.column() != 0)
        return 0;
    switch (levelOf(parent)) {
    case Level::Connection:
        return int(connectionOf(parent)->streams.size());
    case Level::Stream:
        return int(streamOf(parent)->shards.size());
    case Level::Shard:
        break;
    }
    return 0;
}

int StreamTreeModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent)
    return 1;
}

bool StreamTreeModel::hasChildren(const QModelIndex &parent) const
{
    // Streams always have shards; say so before they are fetched so views offer to expand.
    if (parent.isValid() && parent.column() == 0 && levelOf(parent) == Level::Stream)
        return true;
    return QAbstractItemModel::hasChildren(parent);
}

bool StreamTreeModel::canFetchMore(const QModelIndex &parent) const
{
    if (!parent.isValid() || parent.column() != 0 || levelOf(parent) != Level::Stream)
        return false;
    const StreamNode *stream = streamOf(parent);
    return !stream->shardsRequested;
}

void StreamTreeModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    StreamNode *stream = streamOf(parent);
    stream->shardsRequested = true;
    loadShards(stream->connection, stream);
}

QVariant StreamTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    switch (levelOf(index)) {
    case Level::Connection: {
        const ConnectionNode *connection = connectionOf(index);
        switch (role) {
        case Qt::DisplayRole:
        case ModelRole::NameRole:
            return connection->backend->displayName();
        case Qt::ToolTipRole:
            return connection->backend->location();
        case ModelRole::NodeKindRole:
            return int(NodeKind::Connection);
        case ModelRole::ConnectionKindRole:
            return int(connection->backend->kind());
        case ModelRole::ReadOnlyRole:
            return connection->backend->isReadOnly();
        case ModelRole::ErrorRole:
            return connection->error ? connection->error->message : QString();
        default:
            return {};
        }
    }
    case Level::Stream: {
        const StreamNode *stream = streamOf(index);
        const StreamSummary &summary = stream->summary;
        switch (role) {
        case Qt::DisplayRole:
        case ModelRole::NameRole:
        case ModelRole::StreamNameRole:
            return summary.streamName;
        case ModelRole::NodeKindRole:
            return int(NodeKind::Stream);
        case ModelRole::StreamArnRole:
            return summary.streamArn;
        case ModelRole::StreamStatusRole:
            return int(summary.streamStatus);
        case ModelRole::StreamModeRole:
            return int(summary.streamMode);
        case ModelRole::StreamCreationTimeRole:
            return QDateTime::fromMSecsSinceEpoch(summary.streamCreationTimestamp, Qt::UTC);
        case ModelRole::ErrorRole:
            return stream->error ? stream->error->message : QString();
        default:
            return {};
        }
    }
    case Level::Shard: {
        const auto *stream = static_cast<const StreamNode *>(static_cast<const Node *>(index.internalPointer()));
        const Shard &shard = stream->shards[index.row()];
        if (role == Qt::DisplayRole)
            return shard.shardId;
        if (role == ModelRole::StreamNameRole)
            return stream->summary.streamName;
        return ShardData::roleData(shard, role);
    }
    }
    return {};
}

QHash<int, QByteArray> StreamTreeModel::roleNames() const
{
    auto names = QAbstractItemModel::roleNames();
    names.insert(ModelRole::NodeKindRole, "nodeKind");
    names.insert(ModelRole::NameRole, "name");
    names.insert(ModelRole::StreamStatusRole, "streamStatus");
    names.insert(ModelRole::ShardStateRole, "shardState");
    return names;
}

void StreamTreeModel::scheduleRefresh(StreamBackend *backend)
{
    if (ConnectionNode *connection = findConnection(backend))
        connection->dirty = true;
    // Not restarted on every signal: under a steady stream of changes we still refresh each tick.
    if (!m_refreshTimer.isActive())
        m_refreshTimer.start();
}

void StreamTreeModel::onRefreshTimer()
{
    for (const auto &connection : m_connections) {
        // A connection still loading refreshes again when its answer arrives.
        if (connection->dirty && !connection->loading)
            loadStreams(connection.get());
    }
}

void StreamTreeModel::loadStreams(ConnectionNode *connection)
{
    connection->dirty = false;
    connection->loading = true;
    const quint64 generation = ++m_lastRequest; // model-wide, so a re-added connection never matches
    connection->generation = generation;
    StreamBackend *backend = connection->backend;
    onResult(this, backend->listAllStreams(), [this, backend, generation](BackendResult<QList<StreamSummary>> result) {
        ConnectionNode *current = findConnection(backend);
        if (!current || current->generation != generation)
            return; // removed, or a newer listing is on its way
        current->loading = false;
        if (result) {
            current->error.reset();
            applyStreams(current, std::move(*result));
        } else {
            current->error = result.error();
            const QModelIndex index = connectionIndex(backend);
            emit dataChanged(index, index, {ModelRole::ErrorRole});
        }
        emit streamsRefreshed(backend);
        if (current->dirty)
            scheduleRefresh(backend);
    });
}

void StreamTreeModel::applyStreams(ConnectionNode *connection, QList<StreamSummary> streams)
{
    std::sort(streams.begin(), streams.end(),
              [](const StreamSummary &a, const StreamSummary &b) { return a.streamName < b.streamName; });
    QList<std::shared_ptr<StreamNode>> incoming;
    incoming.reserve(streams.size());
    for (StreamSummary &summary : streams) {
        auto node = std::make_shared<StreamNode>();
        node->connection = connection;
        node->summary = std::move(summary);
        incoming.append(std::move(node));
    }
    const QModelIndex parentIndex = createIndex(connectionRow(connection), 0, nullptr);
    struct Hooks
    {
        StreamTreeModel *model;
        QModelIndex parent;
        void beginInsert(int first, int last) { model->beginInsertRows(parent, first, last); }
        void endInsert() { model->endInsertRows(); }
        void beginRemove(int first, int last) { model->beginRemoveRows(parent, first, last); }
        void endRemove() { model->endRemoveRows(); }
        void changed(int row)
        {
            const QModelIndex index = model->index(row, 0, parent);
            emit model->dataChanged(index, index);
        }
    };
    syncSorted(
        connection->streams, incoming, [](const auto &node) { return node->summary.streamName; },
        [](std::shared_ptr<StreamNode> &current, const std::shared_ptr<StreamNode> &next) {
            if (sameSummary(current->summary, next->summary))
                return false;
            current->summary = next->summary;
            return true;
        },
        Hooks{this, parentIndex});
    for (const auto &stream : std::as_const(connection->streams)) {
        if (stream->shardsRequested)
            loadShards(connection, stream.get());
    }
}

void StreamTreeModel::loadShards(ConnectionNode *connection, StreamNode *stream)
{
    stream->shardsLoading = true;
    const quint64 generation = ++m_lastRequest;
    stream->shardGeneration = generation;
    StreamBackend *backend = connection->backend;
    const QString name = stream->summary.streamName;
    onResult(this, backend->listAllShards(StreamTarget::byName(name)),
             [this, backend, name, generation](BackendResult<QList<Shard>> result) {
                 ConnectionNode *currentConnection = findConnection(backend);
                 StreamNode *current = currentConnection ? findStream(currentConnection, name) : nullptr;
                 if (!current || current->shardGeneration != generation)
                     return;
                 current->shardsLoading = false;
                 if (result) {
                     current->error.reset();
                     applyShards(currentConnection, current, std::move(*result));
                 } else {
                     // Most often the stream went away; the next stream listing removes it.
                     current->error = result.error();
                     const QModelIndex index = streamIndex(backend, name);
                     emit dataChanged(index, index, {ModelRole::ErrorRole});
                 }
                 emit shardsRefreshed(backend, name);
             });
}

void StreamTreeModel::applyShards(ConnectionNode *connection, StreamNode *stream, QList<Shard> shards)
{
    std::sort(shards.begin(), shards.end(),
              [](const Shard &a, const Shard &b) { return a.shardId < b.shardId; });
    const QModelIndex parentIndex = createIndex(streamRow(stream), 0, static_cast<Node *>(connection));
    struct Hooks
    {
        StreamTreeModel *model;
        QModelIndex parent;
        void beginInsert(int first, int last) { model->beginInsertRows(parent, first, last); }
        void endInsert() { model->endInsertRows(); }
        void beginRemove(int first, int last) { model->beginRemoveRows(parent, first, last); }
        void endRemove() { model->endRemoveRows(); }
        void changed(int row)
        {
            const QModelIndex index = model->index(row, 0, parent);
            emit model->dataChanged(index, index);
        }
    };
    syncSorted(
        stream->shards, shards, [](const Shard &shard) { return shard.shardId; },
        [](Shard &current, const Shard &next) {
            if (ShardData::sameShard(current, next))
                return false;
            current = next;
            return true;
        },
        Hooks{this, parentIndex});
}

} // namespace shardscope
