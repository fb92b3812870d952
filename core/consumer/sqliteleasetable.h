#pragma once

#include "consumer/leasetable.h"

#include <QString>
#include <QThreadPool>

#include <memory>

namespace shardscope {

// A LeaseTable in a SQLite file, for the app's own consumer group: one SQLite table per
// application (named after it), one row per lease, every Lease attribute a column (string sets
// as JSON arrays). The file is in WAL mode and every write is one IMMEDIATE transaction that
// reads the row, checks the condition and writes, so a process killed at any moment loses no
// committed write, and several handles (processes) on one file never both win a condition.
//
// ":memory:" keeps the table in memory, for an emulator without a file; only this handle sees
// it then.
//
// Threads: calls run one at a time on a private thread, in the order they were made; the
// futures are fulfilled there.
class SqliteLeaseTable final : public LeaseTable
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SqliteLeaseTable)

public:
    SqliteLeaseTable(const QString &path, const QString &applicationName, bool readOnly = false,
                     QObject *parent = nullptr);
    ~SqliteLeaseTable() override;

    QString tableName() const override { return m_applicationName; }
    QString location() const override;
    bool isReadOnly() const override { return m_readOnly; }
    QString path() const { return m_path; }

    BackendFuture<bool> createTableIfNotExists() override;
    BackendFuture<bool> tableExists() override;
    BackendFuture<QList<Lease>> listLeases() override;
    BackendFuture<std::optional<Lease>> getLease(const QString &leaseKey) override;
    BackendFuture<bool> createLeaseIfNotExists(const Lease &lease) override;
    BackendFuture<std::optional<Lease>> renewLease(const Lease &held) override;
    BackendFuture<std::optional<Lease>> takeLease(const Lease &seen, const QString &newOwner) override;
    BackendFuture<std::optional<Lease>> evictLease(const Lease &held) override;
    BackendFuture<std::optional<Lease>> updateLease(const Lease &updated) override;
    BackendFuture<bool> deleteLease(const Lease &lease) override;

    struct Store; // the connection, used only on the private thread

private:
    template<typename T, typename Fn>
    BackendFuture<T> run(Fn &&fn);
    template<typename T>
    BackendFuture<T> refuse() const;

    QString m_path;
    QString m_applicationName;
    bool m_readOnly = false;
    std::shared_ptr<Store> m_store;
    QThreadPool m_thread;
};

} // namespace shardscope
