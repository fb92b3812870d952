#pragma once

#include "kinesis/error.h"

#include <QFuture>
#include <QObject>
#include <QString>

#include <expected>

namespace shardscope {

// What a connection keeps out of the settings file: the secret half of typed access keys.
struct ConnectionSecret
{
    QString secretAccessKey;
    QString sessionToken; // empty for long-term keys
    bool operator==(const ConnectionSecret &) const = default;
};

using SecretResult = std::expected<ConnectionSecret, Error>;
using SecretWriteResult = std::expected<void, Error>;

// Where the secrets of saved connections live, keyed by connection id: the system keychain in
// the app (KeychainSecretStore), memory in tests (MemorySecretStore). Secrets never go into
// QSettings, logs, errors or the activity dock; errors name the connection id only.
//
// Every call returns at once; the future is fulfilled on the store's thread (the GUI thread)
// and always gets a result. read() of an id with no secret is ResourceNotFound; remove() of one
// succeeds.
//
// Threads: lives on and is called from the thread that created it.
class SecretStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    ~SecretStore() override = default;

    virtual QFuture<SecretWriteResult> write(const QString &connectionId,
                                             const ConnectionSecret &secret) = 0;
    virtual QFuture<SecretResult> read(const QString &connectionId) = 0;
    virtual QFuture<SecretWriteResult> remove(const QString &connectionId) = 0;

    // The keychain service the secrets are filed under.
    static QString serviceName();
    // The keychain entry of a connection: "connection/<id>".
    static QString keyFor(const QString &connectionId);
    // The stored form of a secret (JSON) and back; nullopt for bytes that are not one.
    static QByteArray encode(const ConnectionSecret &secret);
    static std::optional<ConnectionSecret> decode(const QByteArray &data);

protected:
    explicit SecretStore(QObject *parent = nullptr) : QObject(parent) {}
};

} // namespace shardscope
