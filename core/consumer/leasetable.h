#pragma once

#include "backend/streambackend.h"
#include "consumer/lease.h"

#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace shardscope {

// Where a KCL application's leases live: a DynamoDB table (AWS, DynamoDB Local, LocalStack, any
// endpoint) or the local SQLite store. The operations and their conditions are KCL's
// (LeaseRefresher): every write that changes a lease is conditional on the leaseCounter the
// caller last saw, so two workers can never both win. A write whose condition fails is not an
// error: its future holds an empty optional (or false), as in KCL. Errors are transport or
// storage failures, and a write to a read-only table.
//
// Threads: like StreamBackend, lives on the GUI thread and is called there; futures are
// fulfilled off the caller's thread.
class LeaseTable : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LeaseTable)

public:
    ~LeaseTable() override = default;

    // The table's name (the KCL application name).
    virtual QString tableName() const = 0;
    // Where it is, for people: "SQLite, /path/shardscope.db" or "DynamoDB, http://localhost:8000".
    virtual QString location() const = 0;
    // The inspector opens tables read-only: every write is refused with AccessDenied.
    virtual bool isReadOnly() const = 0;

    // Creates the table (hash key leaseKey, S) unless it exists; true when it was created.
    virtual BackendFuture<bool> createTableIfNotExists() = 0;
    // Whether the table exists.
    virtual BackendFuture<bool> tableExists() = 0;
    // Every lease, in leaseKey order (DynamoDB: a consistent Scan, all pages).
    virtual BackendFuture<QList<Lease>> listLeases() = 0;
    // One lease; empty when there is none with that key.
    virtual BackendFuture<std::optional<Lease>> getLease(const QString &leaseKey) = 0;

    // Writes `lease` unless a lease with its key exists; false when one existed.
    virtual BackendFuture<bool> createLeaseIfNotExists(const Lease &lease) = 0;
    // Renewal: when the stored lease still has held.leaseCounter and held.leaseOwner, adds one to
    // the counter. The renewed lease, or empty when the condition failed (lost the lease).
    virtual BackendFuture<std::optional<Lease>> renewLease(const Lease &held) = 0;
    // Taking (of an expired, unassigned or stolen lease): when the stored lease still has
    // seen.leaseCounter, sets leaseOwner to newOwner, adds one to the counter, and adds one to
    // ownerSwitchesSinceCheckpoint when the owner changes. The taken lease, or empty.
    virtual BackendFuture<std::optional<Lease>> takeLease(const Lease &seen, const QString &newOwner) = 0;
    // Eviction (a worker gives a lease up): when the stored lease still has held.leaseOwner,
    // removes the owner and adds one to the counter. The evicted lease, or empty.
    virtual BackendFuture<std::optional<Lease>> evictLease(const Lease &held) = 0;
    // Checkpoint and metadata update: when the stored lease still has updated.leaseCounter and
    // updated.leaseOwner, stores updated's checkpoint, checkpointSubSequenceNumber,
    // pendingCheckpoint*, ownerSwitchesSinceCheckpoint, childShardIds and throughputKBps, and adds
    // one to the counter. The stored lease, or empty.
    virtual BackendFuture<std::optional<Lease>> updateLease(const Lease &updated) = 0;
    // Deletes the lease when the stored one still has lease.leaseCounter; false when not.
    virtual BackendFuture<bool> deleteLease(const Lease &lease) = 0;

protected:
    explicit LeaseTable(QObject *parent = nullptr) : QObject(parent) {}
};

} // namespace shardscope
