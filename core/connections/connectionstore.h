#pragma once

#include "aws/awsconfig.h"
#include "backend/awsbackend.h"
#include "connections/savedconnection.h"
#include "connections/secretstore.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

class QSettings;

namespace shardscope {

// The saved AWS connections: persisted in QSettings under "connections/" (display name, kind,
// profile, region, endpoint, access key id, read-only flag, CA file, last use), never with a
// secret — those go to the SecretStore, and remove() deletes them there too. Makes the
// AwsBackend of a connection.
//
// Threads: GUI thread. Does not own the settings or the secret store.
class ConnectionStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionStore)

public:
    using BackendReady =
        std::function<void(std::unique_ptr<AwsBackend> backend, std::optional<Error> secretError)>;

    ConnectionStore(QSettings *settings, SecretStore *secrets, QObject *parent = nullptr);
    ~ConnectionStore() override;

    SecretStore *secrets() const { return m_secrets; }

    // In the order they were added.
    QList<SavedConnection> connections() const;
    std::optional<SavedConnection> connection(const QString &id) const;
    // Used connections, most recent first, at most `limit`.
    QList<SavedConnection> recent(int limit = 9) const;

    // Saves a new connection (a fresh id when `connection.id` is empty) and returns its id.
    QString add(SavedConnection connection);
    // Replaces the saved fields of an existing connection; false when there is none.
    bool update(const SavedConnection &connection);
    // Forgets the connection and deletes its secret from the SecretStore.
    QFuture<SecretWriteResult> remove(const QString &id);
    void markUsed(const QString &id, const QDateTime &when = QDateTime::currentDateTimeUtc());
    void setReadOnly(const QString &id, bool readOnly);

    // The backend options of a connection, credentials aside: region (the connection's, else
    // the profile's, else us-east-1), endpoint (the connection's, else the profile's
    // endpoint_url), read-only flag, CA file.
    static AwsBackendOptions backendOptions(const SavedConnection &connection,
                                            const AwsConfig &config);
    // A backend for the connection. Profile connections get a CredentialsProvider (the
    // backend's child) that reads the shared files again at each resolution; AccessKeys ones
    // use `secret` (none: every call fails, saying there are no credentials); EndpointOnly ones
    // sign with placeholder keys.
    static std::unique_ptr<AwsBackend> createBackend(const SavedConnection &connection,
                                                     const std::optional<ConnectionSecret> &secret,
                                                     const AwsConfig &config);
    // createBackend() after reading the secret when the connection needs one; `ready` runs on
    // `context`'s thread (not at all when `context` is gone first). A secret that could not be
    // read still gives a backend (without credentials) and the error.
    void openBackend(const SavedConnection &connection, QObject *context, BackendReady ready);

    static QString kindName(ConnectionKind kind);
    static std::optional<ConnectionKind> kindFromName(const QString &name);

signals:
    // A connection was added, updated, removed, or used.
    void changed();

private:
    QStringList ids() const;
    void write(const SavedConnection &connection);

    QSettings *m_settings;
    QPointer<SecretStore> m_secrets;
};

} // namespace shardscope
