#include "schema.h"

#include "enginelog.h"
#include "kinesis/error.h"
#include "sqlitedb.h"

namespace shardscope::Schema {

namespace {

// Index i upgrades from version i to version i + 1.
constexpr const char *kMigrations[] = {
    // 0 -> 1: streams, shards, records, tags and engine metadata.
    R"sql(
    CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB) WITHOUT ROWID;
    CREATE TABLE streams (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        status INTEGER NOT NULL,
        status_until_ms INTEGER NOT NULL,
        mode INTEGER NOT NULL,
        retention_hours INTEGER NOT NULL,
        created_ms INTEGER NOT NULL,
        max_record_kib INTEGER NOT NULL,
        encryption_type INTEGER NOT NULL DEFAULT 0,
        key_id TEXT NOT NULL DEFAULT '',
        next_counter INTEGER NOT NULL,
        reshard_times TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE shards (
        stream_id INTEGER NOT NULL,
        shard_index INTEGER NOT NULL,
        parent_index INTEGER,
        adjacent_parent_index INTEGER,
        start_hash BLOB NOT NULL,
        end_hash BLOB NOT NULL,
        start_counter INTEGER NOT NULL,
        end_counter INTEGER,
        created_ms INTEGER NOT NULL,
        closed_ms INTEGER,
        PRIMARY KEY (stream_id, shard_index)
    ) WITHOUT ROWID;
    -- The arrival time is part of seq (seq >> 20), so (stream, shard, seq) serves every seek:
    -- by sequence number, by time, from the trim horizon, and retention deletes.
    CREATE TABLE records (
        stream_id INTEGER NOT NULL,
        shard_index INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        partition_key TEXT NOT NULL,
        explicit_hash_key BLOB,
        data BLOB NOT NULL,
        PRIMARY KEY (stream_id, shard_index, seq)
    ) WITHOUT ROWID;
    CREATE TABLE tags (
        stream_id INTEGER NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (stream_id, key)
    ) WITHOUT ROWID;
    )sql",
    // 1 -> 2: encryption at rest. A record with a key_version holds nonce || ciphertext || tag
    // sealed with that data key; NULL means plaintext (so existing rows and the plain put path
    // stay as they were). Data keys are wrapped by a key of the local KMS.
    R"sql(
    ALTER TABLE records ADD COLUMN key_version INTEGER;
    ALTER TABLE streams ADD COLUMN data_key INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE kms_keys (
        id TEXT PRIMARY KEY,
        description TEXT NOT NULL,
        state INTEGER NOT NULL,
        aws_managed INTEGER NOT NULL,
        created_ms INTEGER NOT NULL,
        deletion_ms INTEGER,
        material BLOB NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE kms_aliases (
        name TEXT PRIMARY KEY,
        key_id TEXT NOT NULL
    ) WITHOUT ROWID;
    -- id is random, never reused: a data key of a rolled-back transaction cannot be confused
    -- with a later one.
    CREATE TABLE data_keys (
        id INTEGER PRIMARY KEY,
        stream_id INTEGER NOT NULL,
        kms_key_id TEXT NOT NULL,
        wrapped BLOB NOT NULL,
        created_ms INTEGER NOT NULL
    );
    )sql",
    // 2 -> 3: enhanced fan-out consumers and their tags. Rows go when their stream is purged
    // or, for a deregistered consumer, once its DELETING time is over.
    R"sql(
    CREATE TABLE consumers (
        stream_id INTEGER NOT NULL,
        name TEXT NOT NULL,
        status INTEGER NOT NULL,
        status_until_ms INTEGER NOT NULL,
        created_ms INTEGER NOT NULL,
        PRIMARY KEY (stream_id, name)
    ) WITHOUT ROWID;
    CREATE TABLE consumer_tags (
        stream_id INTEGER NOT NULL,
        consumer_name TEXT NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (stream_id, consumer_name, key)
    ) WITHOUT ROWID;
    )sql",
    // 3 -> 4: sequence numbers go from 32 to 56 digits. Rows hold counters, not text, so they
    // stay as they are; what changes is which text names them. A number issued before in the
    // 32-digit form (a consumer's saved checkpoint, a shard's starting number) keeps working
    // where its counter is one this database had issued by now: the highest such counter is
    // kept here (0 when there was nothing), the most a 32-digit number may name.
    R"sql(
    INSERT OR REPLACE INTO meta(key, value) VALUES ('legacy_sequence_limit', max(
        (SELECT coalesce(max(next_counter), 0) FROM streams),
        (SELECT coalesce(max(start_counter), 0) FROM shards),
        (SELECT coalesce(max(end_counter), 0) FROM shards)));
    )sql",
    // 4 -> 5: the control plane. A stream's enhanced monitoring (shard-level metric names,
    // comma-separated), its warm throughput (target and the value before the last change, in
    // MiB/s; 0 when none), resource policies of streams and consumers (NULL when none), and the
    // account's minimum throughput billing commitment (one row once it was first enabled).
    R"sql(
    ALTER TABLE streams ADD COLUMN shard_level_metrics TEXT NOT NULL DEFAULT '';
    ALTER TABLE streams ADD COLUMN warm_target_mibps INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE streams ADD COLUMN warm_previous_mibps INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE streams ADD COLUMN resource_policy TEXT;
    ALTER TABLE consumers ADD COLUMN resource_policy TEXT;
    CREATE TABLE billing_commitment (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        started_ms INTEGER NOT NULL,
        earliest_end_ms INTEGER NOT NULL,
        ended_ms INTEGER
    );
    )sql",
};

static_assert(std::size(kMigrations) == kCurrentVersion);

std::expected<int, Error> userVersion(SqliteDb &db)
{
    auto stmt = db.prepare("PRAGMA user_version");
    if (!stmt)
        return std::unexpected(stmt.error());
    if (stmt->step() != 100 /* SQLITE_ROW */)
        return std::unexpected(db.lastError("user_version"));
    return int(stmt->columnInt64(0));
}

} // namespace

std::expected<void, Error> migrate(SqliteDb &db)
{
    auto version = userVersion(db);
    if (!version)
        return std::unexpected(version.error());
    if (*version > kCurrentVersion) {
        return std::unexpected(Error::internal(
            QStringLiteral("The database was written by a newer Shardscope (schema version %1; "
                           "this build knows up to %2).")
                .arg(*version)
                .arg(kCurrentVersion)));
    }
    // A new database is made by the same steps; only a real upgrade is worth telling the user.
    const bool fresh = *version == 0;
    if (fresh)
        qCDebug(lcEngine) << "Creating the database schema, version" << kCurrentVersion;
    for (int v = *version; v < kCurrentVersion; ++v) {
        if (!fresh)
            qCInfo(lcEngine) << "Upgrading the database schema from version" << v << "to" << v + 1;
        if (auto r = db.exec("BEGIN IMMEDIATE"); !r)
            return r;
        auto applied = db.exec(kMigrations[v]);
        if (applied) {
            const QByteArray setVersion = "PRAGMA user_version = " + QByteArray::number(v + 1);
            applied = db.exec(setVersion.constData());
        }
        if (applied)
            applied = db.exec("COMMIT");
        if (!applied) {
            qCWarning(lcEngine).noquote() << "Upgrading the database schema to version" << v + 1
                                          << "failed:" << applied.error().message;
            if (auto undone = db.exec("ROLLBACK"); !undone)
                qCWarning(lcEngine).noquote()
                    << "Rolling back the schema upgrade failed:" << undone.error().message;
            return applied;
        }
    }
    return {};
}

} // namespace shardscope::Schema
