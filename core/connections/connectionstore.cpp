#include "connectionstore.h"

#include "aws/credentialsprovider.h"
#include "backend/futureutils.h"

#include <QSettings>
#include <QUuid>

namespace shardscope {

using namespace Qt::StringLiterals;

namespace {

const QString kGroup = u"connections"_s;
const QString kOrderKey = u"connections/order"_s;

QString key(const QString &id, const QString &field)
{
    return kGroup + u'/' + id + u'/' + field;
}

} // namespace

ConnectionStore::ConnectionStore(QSettings *settings, SecretStore *secrets, QObject *parent)
    : QObject(parent), m_settings(settings), m_secrets(secrets)
{
    Q_ASSERT(settings);
}

ConnectionStore::~ConnectionStore() = default;

QString ConnectionStore::kindName(ConnectionKind kind)
{
    switch (kind) {
    case ConnectionKind::Profile:
        return u"profile"_s;
    case ConnectionKind::AccessKeys:
        return u"keys"_s;
    case ConnectionKind::EndpointOnly:
        return u"endpoint"_s;
    }
    return u"profile"_s;
}

std::optional<ConnectionKind> ConnectionStore::kindFromName(const QString &name)
{
    for (ConnectionKind kind : {ConnectionKind::Profile, ConnectionKind::AccessKeys,
                                ConnectionKind::EndpointOnly}) {
        if (kindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

QStringList ConnectionStore::ids() const
{
    return m_settings->value(kOrderKey).toStringList();
}

QList<SavedConnection> ConnectionStore::connections() const
{
    QList<SavedConnection> list;
    for (const QString &id : ids()) {
        if (auto saved = connection(id))
            list.append(*saved);
    }
    return list;
}

std::optional<SavedConnection> ConnectionStore::connection(const QString &id) const
{
    if (id.isEmpty() || !ids().contains(id))
        return std::nullopt;
    const auto kind = kindFromName(m_settings->value(key(id, u"kind"_s)).toString());
    if (!kind)
        return std::nullopt;
    SavedConnection saved;
    saved.id = id;
    saved.kind = *kind;
    saved.displayName = m_settings->value(key(id, u"displayName"_s)).toString();
    saved.profile = m_settings->value(key(id, u"profile"_s)).toString();
    saved.region = m_settings->value(key(id, u"region"_s)).toString();
    saved.endpoint = QUrl(m_settings->value(key(id, u"endpoint"_s)).toString());
    saved.accessKeyId = m_settings->value(key(id, u"accessKeyId"_s)).toString();
    saved.readOnly = m_settings->value(key(id, u"readOnly"_s), true).toBool();
    saved.caCertificateFile = m_settings->value(key(id, u"caCertificateFile"_s)).toString();
    saved.lastUsed = QDateTime::fromString(m_settings->value(key(id, u"lastUsed"_s)).toString(),
                                           Qt::ISODateWithMs);
    return saved;
}

QList<SavedConnection> ConnectionStore::recent(int limit) const
{
    QList<SavedConnection> used;
    for (const SavedConnection &saved : connections()) {
        if (saved.lastUsed.isValid())
            used.append(saved);
    }
    std::stable_sort(used.begin(), used.end(), [](const SavedConnection &a, const SavedConnection &b) {
        return a.lastUsed > b.lastUsed;
    });
    if (used.size() > limit)
        used.resize(limit);
    return used;
}

void ConnectionStore::write(const SavedConnection &saved)
{
    m_settings->setValue(key(saved.id, u"displayName"_s), saved.displayName);
    m_settings->setValue(key(saved.id, u"kind"_s), kindName(saved.kind));
    m_settings->setValue(key(saved.id, u"profile"_s), saved.profile);
    m_settings->setValue(key(saved.id, u"region"_s), saved.region);
    m_settings->setValue(key(saved.id, u"endpoint"_s), saved.endpoint.toString());
    m_settings->setValue(key(saved.id, u"accessKeyId"_s), saved.accessKeyId);
    m_settings->setValue(key(saved.id, u"readOnly"_s), saved.readOnly);
    m_settings->setValue(key(saved.id, u"caCertificateFile"_s), saved.caCertificateFile);
    m_settings->setValue(key(saved.id, u"lastUsed"_s),
                         saved.lastUsed.isValid() ? saved.lastUsed.toUTC().toString(Qt::ISODateWithMs)
                                                  : QString());
    m_settings->sync();
}

QString ConnectionStore::add(SavedConnection connection)
{
    if (connection.id.isEmpty() || ids().contains(connection.id))
        connection.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QStringList order = ids();
    order.append(connection.id);
    m_settings->setValue(kOrderKey, order);
    write(connection);
    emit changed();
    return connection.id;
}

bool ConnectionStore::update(const SavedConnection &connection)
{
    if (!ids().contains(connection.id))
        return false;
    write(connection);
    emit changed();
    return true;
}

QFuture<SecretWriteResult> ConnectionStore::remove(const QString &id)
{
    QStringList order = ids();
    if (order.removeAll(id) > 0) {
        m_settings->setValue(kOrderKey, order);
        m_settings->remove(kGroup + u'/' + id);
        m_settings->sync();
        emit changed();
    }
    if (!m_secrets)
        return QtFuture::makeReadyFuture(SecretWriteResult());
    return m_secrets->remove(id);
}

void ConnectionStore::markUsed(const QString &id, const QDateTime &when)
{
    auto saved = connection(id);
    if (!saved)
        return;
    saved->lastUsed = when;
    write(*saved);
    emit changed();
}

void ConnectionStore::setReadOnly(const QString &id, bool readOnly)
{
    auto saved = connection(id);
    if (!saved || saved->readOnly == readOnly)
        return;
    saved->readOnly = readOnly;
    write(*saved);
    emit changed();
}

AwsBackendOptions ConnectionStore::backendOptions(const SavedConnection &connection,
                                                  const AwsConfig &config)
{
    AwsBackendOptions options;
    options.displayName = connection.displayName;
    const bool profile = connection.kind == ConnectionKind::Profile;
    options.region = connection.region;
    if (options.region.isEmpty() && profile)
        options.region = config.region(connection.profile);
    if (options.region.isEmpty())
        options.region = u"us-east-1"_s;
    options.endpoint = connection.endpoint;
    if (options.endpoint.isEmpty() && profile)
        options.endpoint = config.endpointUrl(connection.profile);
    options.readOnly = connection.readOnly;
    options.caCertificateFile = connection.caCertificateFile;
    return options;
}

std::unique_ptr<AwsBackend> ConnectionStore::createBackend(const SavedConnection &connection,
                                                           const std::optional<ConnectionSecret> &secret,
                                                           const AwsConfig &config)
{
    AwsBackendOptions options = backendOptions(connection, config);
    CredentialsProvider *provider = nullptr;
    switch (connection.kind) {
    case ConnectionKind::Profile: {
        CredentialsProvider::Options providerOptions;
        providerOptions.profile = connection.profile.isEmpty() ? u"default"_s : connection.profile;
        provider = new CredentialsProvider(providerOptions);
        options.credentialsProvider = provider;
        break;
    }
    case ConnectionKind::AccessKeys:
        if (secret)
            options.staticCredentials =
                AwsCredentials{connection.accessKeyId, secret->secretAccessKey, secret->sessionToken};
        break;
    case ConnectionKind::EndpointOnly:
        // Local stand-ins want a signature, not a valid one.
        options.staticCredentials = AwsCredentials{u"shardscope"_s, u"shardscope"_s, {}};
        break;
    }
    auto backend = std::make_unique<AwsBackend>(std::move(options));
    if (provider)
        provider->setParent(backend.get());
    return backend;
}

void ConnectionStore::openBackend(const SavedConnection &connection, QObject *context,
                                  BackendReady ready)
{
    if (connection.kind != ConnectionKind::AccessKeys) {
        ready(createBackend(connection, std::nullopt, AwsConfig::fromEnvironment()), std::nullopt);
        return;
    }
    if (!m_secrets) {
        ready(createBackend(connection, std::nullopt, AwsConfig::fromEnvironment()),
              Error{ErrorType::InternalFailure, tr("No keychain is available.")});
        return;
    }
    onResult(context, m_secrets->read(connection.id),
             [connection, ready = std::move(ready)](const SecretResult &result) {
                 if (result)
                     ready(createBackend(connection, *result, AwsConfig::fromEnvironment()), std::nullopt);
                 else
                     ready(createBackend(connection, std::nullopt, AwsConfig::fromEnvironment()),
                           result.error());
             });
}

} // namespace shardscope
