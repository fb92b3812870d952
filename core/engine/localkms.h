#pragma once

#include "kinesis/error.h"
#include "kinesis/kms.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

#include <expected>
#include <memory>
#include <mutex>
#include <optional>

namespace shardscope {

class SqliteDb;

// The emulator's KMS: keys (32 random bytes of material each) and aliases, stored in the engine's
// database (tables kms_keys, kms_aliases). It wraps and unwraps the engine's per-stream data
// keys with AES-256-GCM under a KMS key. Key material never leaves this class.
//
// Threads: the mutating calls run on the engine's writer thread inside its transaction and
// change the working state; publish() (after the commit) makes it visible to readers. Lookups
// read either the published snapshot (any thread) or the working state (writer thread only).
class LocalKms final
{
public:
    enum class View { Published, Working };

    LocalKms(QString region, QString account);
    LocalKms(const LocalKms &) = delete;
    LocalKms &operator=(const LocalKms &) = delete;

    // --- writer thread -----------------------------------------------------------------------
    // Reads every key and alias into the working state and publishes it.
    std::expected<void, Error> load(SqliteDb &db);
    // Creates the AWS-managed key behind alias/aws/kinesis unless it exists (own transaction).
    std::expected<void, Error> ensureDefaultKey(SqliteDb &db, qint64 nowMs);
    std::expected<KmsKey, Error> createKey(SqliteDb &db, const QString &description, qint64 nowMs);
    std::expected<KmsAlias, Error> createAlias(SqliteDb &db, const QString &aliasName,
                                               const QString &keyId);
    std::expected<KmsKey, Error> enableKey(SqliteDb &db, const QString &keyId);
    std::expected<KmsKey, Error> disableKey(SqliteDb &db, const QString &keyId);
    std::expected<KmsKey, Error> scheduleKeyDeletion(SqliteDb &db, const QString &keyId, qint64 nowMs);
    // A key pending deletion comes back disabled, as in KMS.
    std::expected<KmsKey, Error> cancelKeyDeletion(SqliteDb &db, const QString &keyId);
    bool isDirty() const { return m_dirty; }
    void publish();

    // --- lookups ---------------------------------------------------------------------------
    // The key that a key id, key ARN, alias name or alias ARN names (KMSNotFoundException).
    std::expected<KmsKey, Error> find(const QString &keyId, View view = View::Published) const;
    // KMSNotFoundException for an unknown or deleted key, KMSDisabledException for a disabled one.
    std::expected<void, Error> checkUsable(const QString &keyId, View view = View::Published) const;
    QList<KmsKey> keys() const;
    QList<KmsAlias> aliases() const;

    // AES-256-GCM under the (usable) key; `context` is bound as additional authenticated data.
    std::expected<QByteArray, Error> wrap(const QString &keyId, const QByteArray &plaintext,
                                          QByteArrayView context, View view) const;
    std::expected<QByteArray, Error> unwrap(const QString &keyId, const QByteArray &wrapped,
                                            QByteArrayView context, View view) const;

    QString keyArn(const QString &keyId) const;
    QString aliasArn(const QString &aliasName) const;

private:
    struct Entry
    {
        KmsKey key;
        QByteArray material;
    };
    struct State
    {
        QMap<QString, Entry> keys;      // by key id
        QMap<QString, QString> aliases; // alias name -> key id
    };

    std::shared_ptr<const State> published() const;
    const Entry *lookup(const State &state, const QString &keyId) const;
    std::expected<KmsKey, Error> setState(SqliteDb &db, const QString &keyId, KmsKeyState to,
                                          std::optional<qint64> deletionMs);
    std::expected<void, Error> insertKey(SqliteDb &db, const Entry &entry);

    QString m_region;
    QString m_account;
    State m_working; // writer thread only
    bool m_dirty = false;
    mutable std::mutex m_mutex;
    std::shared_ptr<const State> m_published;
};

} // namespace shardscope
