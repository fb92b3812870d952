#pragma once

#include <QDateTime>
#include <QString>
#include <QUrl>

namespace shardscope {

// Where a saved AWS connection's credentials come from.
enum class ConnectionKind
{
    Profile,      // a profile of the AWS shared files, resolved by CredentialsProvider
    AccessKeys,   // keys typed into the app; the secret lives in the SecretStore
    EndpointOnly, // a local endpoint that does not check signatures (kinesalite, LocalStack)
};

// One saved connection, as ConnectionStore persists it. Holds no secret: the secret access key
// of AccessKeys connections is in the SecretStore under `id`.
struct SavedConnection
{
    QString id; // stable, assigned by ConnectionStore::add()
    QString displayName;
    ConnectionKind kind = ConnectionKind::Profile;
    QString profile;    // Profile
    QString region;     // empty: the profile's region, else us-east-1
    QUrl endpoint;      // empty: the profile's endpoint_url, else AWS's for the region
    QString accessKeyId; // AccessKeys; not secret
    bool readOnly = true;
    QString caCertificateFile;
    QDateTime lastUsed; // null: never used

    bool operator==(const SavedConnection &) const = default;
};

} // namespace shardscope
