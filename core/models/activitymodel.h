#pragma once

#include "backend/backendcall.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QPointer>

#include <deque>

namespace shardscope {

class StreamBackend;

// Every backend call of every watched connection, newest last, like a browser's network panel:
// time, connection, operation, target, duration and result. A call appears when it starts
// (result "…") and is completed in place when it finishes. At most `capacity` rows are kept;
// the oldest go first.
//
// Threads: GUI thread; backends emit callStarted/callFinished there.
class ActivityModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityModel)

public:
    enum Column { TimeColumn, ConnectionColumn, OperationColumn, TargetColumn, DurationColumn,
                  ResultColumn, ColumnCount };
    Q_ENUM(Column)
    enum Role { PendingRole = Qt::UserRole + 100, FailedRole, ErrorTypeRole, DurationMsRole };

    explicit ActivityModel(int capacity = 5000, QObject *parent = nullptr);

    void watch(StreamBackend *backend);
    void unwatch(StreamBackend *backend);
    void clear();
    int capacity() const { return m_capacity; }
    int failedCount() const { return m_failed; }
    // Successful GetRecords and GetShardIterator calls (a live tail makes several a second per
    // shard) and the emulator's ShardStatistics polls (the stream page counts records as they
    // arrive) are left out unless this is on; failed ones, such as throttling or an expired
    // iterator, always show. Applies to calls from now on.
    void setShowRecordReads(bool show) { m_showRecordReads = show; }
    bool showsRecordReads() const { return m_showRecordReads; }
    static bool isRecordRead(const BackendCall &call);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void failedCountChanged(int failed);

private:
    struct Entry
    {
        QString connection;
        const StreamBackend *backend = nullptr;
        BackendCall call;
        bool pending = true;
    };
    void started(const StreamBackend *backend, const BackendCall &call);
    void finished(const StreamBackend *backend, const BackendCall &call);
    int rowOf(const StreamBackend *backend, quint64 id) const;

    int m_capacity;
    int m_failed = 0; // failed calls among the rows kept
    bool m_showRecordReads = false;
    std::deque<Entry> m_entries;
    QList<QPointer<StreamBackend>> m_backends;
};

} // namespace shardscope
