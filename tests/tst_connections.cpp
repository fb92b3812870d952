// Saved AWS connections: ConnectionStore persists them in QSettings without secrets, orders the
// recent ones, and makes working AwsBackends (profile, typed keys, endpoint only) against our
// emulator served with --require-auth; SecretStore in memory and — when run through
// tests/run-with-keyring.sh — the real system keychain (QtKeychain → Secret Service over D-Bus
// → a private GNOME Keyring).

#include "backend/awsbackend.h"
#include "backendtesthelpers.h"
#include "connections/connectionstore.h"
#include "connections/keychainsecretstore.h"
#include "connections/memorysecretstore.h"
#include "expectedassert.h"
#include "server/kinesisserver.h"
#include "tst_connections_authserver.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace shardscope;
using namespace shardscope::testing;
using namespace Qt::StringLiterals;

namespace {

const QString kSecret = QString::fromLatin1(AuthEmulator::kSecret);
const QString kKeyId = QString::fromLatin1(AuthEmulator::kAccessKeyId);

SavedConnection keysConnection(const QUrl &endpoint)
{
    SavedConnection saved;
    saved.displayName = u"Typed keys"_s;
    saved.kind = ConnectionKind::AccessKeys;
    saved.accessKeyId = kKeyId;
    saved.region = u"us-east-1"_s;
    saved.endpoint = endpoint;
    return saved;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TestConnections final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void secretEncoding();
    void memorySecretStore();
    void savedConnectionsPersistWithoutSecrets();
    void recentConnectionsByLastUse();
    void removeDeletesTheSecret();
    void backendOptionsFollowTheProfile();
    void typedKeysBackendTalksToTheEmulator();
    void openBackendReadsTheSecret();
    void profileBackendUsesTheSharedFiles();
    void endpointOnlyBackend();
    void realKeychainRoundTrip();

private:
    QTemporaryDir *m_dir = nullptr;
    QString settingsPath() const { return m_dir->filePath(u"settings.ini"_s); }
};

void TestConnections::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
}

void TestConnections::cleanup()
{
    delete m_dir;
    m_dir = nullptr;
}

void TestConnections::secretEncoding()
{
    const ConnectionSecret full{u"abc\"/+="_s, u"token"_s};
    QCOMPARE(SecretStore::decode(SecretStore::encode(full)), full);
    const ConnectionSecret keyOnly{u"k"_s, {}};
    QCOMPARE(SecretStore::decode(SecretStore::encode(keyOnly)), keyOnly);
    QVERIFY(!SecretStore::encode(keyOnly).contains("sessionToken"));
    QCOMPARE(SecretStore::decode("not json"), std::nullopt);
    QCOMPARE(SecretStore::decode(R"({"other":1})"), std::nullopt);
    QCOMPARE(SecretStore::keyFor(u"id1"_s), u"connection/id1"_s);
    QCOMPARE(SecretStore::serviceName(), u"Shardscope"_s);
}

void TestConnections::memorySecretStore()
{
    MemorySecretStore store;
    COMPARE_ERROR(await(store.read(u"a"_s)), ErrorType::ResourceNotFound,
                  u"No secret is stored for the connection a."_s);
    VERIFY_OK(await(store.write(u"a"_s, {u"one"_s, {}})));
    VERIFY_OK(await(store.write(u"b"_s, {u"two"_s, u"tok"_s})));
    const auto a = await(store.read(u"a"_s));
    VERIFY_OK(a);
    QCOMPARE(a->secretAccessKey, u"one"_s);
    VERIFY_OK(await(store.remove(u"a"_s)));
    VERIFY_OK(await(store.remove(u"a"_s))); // removing what is gone is fine
    VERIFY_ERROR(await(store.read(u"a"_s)), ErrorType::ResourceNotFound);
    QCOMPARE(await(store.read(u"b"_s))->sessionToken, u"tok"_s);
    store.failNextWith(Error{ErrorType::InternalFailure, u"locked"_s});
    COMPARE_ERROR(await(store.write(u"c"_s, {u"x"_s, {}})), ErrorType::InternalFailure, u"locked"_s);
    QVERIFY(!store.contains(u"c"_s));
}

void TestConnections::savedConnectionsPersistWithoutSecrets()
{
    MemorySecretStore secrets;
    QString keysId;
    QString profileId;
    {
        QSettings settings(settingsPath(), QSettings::IniFormat);
        ConnectionStore store(&settings, &secrets);
        QSignalSpy changed(&store, &ConnectionStore::changed);
        SavedConnection keys = keysConnection(QUrl(u"http://localhost:4567"_s));
        keys.caCertificateFile = u"/tmp/ca.pem"_s;
        keysId = store.add(keys);
        VERIFY_OK(await(secrets.write(keysId, {kSecret, u"session-token-value"_s})));
        SavedConnection profile;
        profile.displayName = u"Production"_s;
        profile.kind = ConnectionKind::Profile;
        profile.profile = u"prod"_s;
        profile.region = u"eu-central-1"_s;
        profileId = store.add(profile);
        QCOMPARE(changed.size(), 2);
        QVERIFY(!keysId.isEmpty());
        QVERIFY(keysId != profileId);

        SavedConnection edited = *store.connection(profileId);
        edited.readOnly = false;
        edited.displayName = u"Prod (writable)"_s;
        QVERIFY(store.update(edited));
        QVERIFY(!store.update(SavedConnection{}));
    }
    // A fresh settings object on the same file sees everything, in the order added.
    QSettings settings(settingsPath(), QSettings::IniFormat);
    ConnectionStore store(&settings, &secrets);
    const QList<SavedConnection> all = store.connections();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all[0].id, keysId);
    QCOMPARE(all[0].kind, ConnectionKind::AccessKeys);
    QCOMPARE(all[0].accessKeyId, kKeyId);
    QCOMPARE(all[0].endpoint, QUrl(u"http://localhost:4567"_s));
    QCOMPARE(all[0].caCertificateFile, u"/tmp/ca.pem"_s);
    QVERIFY(all[0].readOnly); // on by default
    QCOMPARE(all[1].displayName, u"Prod (writable)"_s);
    QCOMPARE(all[1].profile, u"prod"_s);
    QCOMPARE(all[1].region, u"eu-central-1"_s);
    QVERIFY(!all[1].readOnly);
    store.setReadOnly(profileId, true);
    QVERIFY(store.connection(profileId)->readOnly);

    // The key id is stored; the secret and the session token are not, in any form.
    const QByteArray bytes = fileBytes(settingsPath());
    QVERIFY(bytes.contains(kKeyId.toLatin1()));
    QVERIFY(!bytes.contains(kSecret.toLatin1()));
    QVERIFY(!bytes.contains("session-token-value"));
    QVERIFY(!bytes.contains(kSecret.toLatin1().toBase64()));
}

void TestConnections::recentConnectionsByLastUse()
{
    QSettings settings(settingsPath(), QSettings::IniFormat);
    ConnectionStore store(&settings, nullptr);
    QStringList ids;
    for (const QString &name : {u"a"_s, u"b"_s, u"c"_s, u"d"_s}) {
        SavedConnection saved;
        saved.displayName = name;
        ids.append(store.add(saved));
    }
    QVERIFY(store.recent().isEmpty()); // nothing used yet
    const QDateTime t0 = QDateTime::currentDateTimeUtc();
    store.markUsed(ids[1], t0);
    store.markUsed(ids[3], t0.addSecs(10));
    store.markUsed(ids[0], t0.addSecs(5));
    QStringList names;
    for (const SavedConnection &saved : store.recent())
        names.append(saved.displayName);
    QCOMPARE(names, (QStringList{u"d"_s, u"a"_s, u"b"_s}));
    QCOMPARE(store.recent(2).size(), 2);
    QCOMPARE(store.connection(ids[3])->lastUsed, t0.addSecs(10));
}

void TestConnections::removeDeletesTheSecret()
{
    MemorySecretStore secrets;
    QSettings settings(settingsPath(), QSettings::IniFormat);
    ConnectionStore store(&settings, &secrets);
    const QString id = store.add(keysConnection({}));
    VERIFY_OK(await(secrets.write(id, {kSecret, {}})));
    VERIFY_OK(await(store.remove(id)));
    QVERIFY(!secrets.contains(id));
    QVERIFY(store.connections().isEmpty());
    QVERIFY(!store.connection(id));
    settings.sync();
    QVERIFY(!fileBytes(settingsPath()).contains(id.toLatin1()));
}

void TestConnections::backendOptionsFollowTheProfile()
{
    const AwsConfig config = AwsConfig::fromText(
        "[profile dev]\nregion = ap-southeast-2\nendpoint_url = http://localhost:9999\n", {});
    SavedConnection saved;
    saved.displayName = u"Dev"_s;
    saved.kind = ConnectionKind::Profile;
    saved.profile = u"dev"_s;
    AwsBackendOptions options = ConnectionStore::backendOptions(saved, config);
    QCOMPARE(options.region, u"ap-southeast-2"_s);
    QCOMPARE(options.endpoint, QUrl(u"http://localhost:9999"_s));
    QVERIFY(options.readOnly);
    QCOMPARE(options.displayName, u"Dev"_s);
    // The connection's own settings win.
    saved.region = u"eu-west-3"_s;
    saved.endpoint = QUrl(u"https://example.test"_s);
    saved.readOnly = false;
    saved.caCertificateFile = u"/ca.pem"_s;
    options = ConnectionStore::backendOptions(saved, config);
    QCOMPARE(options.region, u"eu-west-3"_s);
    QCOMPARE(options.endpoint, QUrl(u"https://example.test"_s));
    QVERIFY(!options.readOnly);
    QCOMPARE(options.caCertificateFile, u"/ca.pem"_s);
    // Typed keys take no profile settings; no region at all is us-east-1.
    SavedConnection keys = keysConnection({});
    keys.region.clear();
    options = ConnectionStore::backendOptions(keys, config);
    QCOMPARE(options.region, u"us-east-1"_s);
    QVERIFY(options.endpoint.isEmpty());
    AwsBackend backend(options);
    QCOMPARE(backend.location(), u"https://kinesis.us-east-1.amazonaws.com"_s);
}

void TestConnections::typedKeysBackendTalksToTheEmulator()
{
    AuthEmulator emulator;
    QVERIFY(emulator.isRunning());
    QVERIFY(emulator.createStreams({u"orders"_s, u"clicks"_s}));
    const SavedConnection saved = keysConnection(emulator.url());
    auto backend = ConnectionStore::createBackend(saved, ConnectionSecret{kSecret, {}}, AwsConfig());
    QVERIFY(backend->isReadOnly());
    QCOMPARE(backend->displayName(), u"Typed keys"_s);
    const auto listed = await(backend->listStreams({}));
    VERIFY_OK(listed);
    QCOMPARE(listed->streamNames, (QStringList{u"clicks"_s, u"orders"_s}));
    // Read-only refuses writes before they leave the app.
    VERIFY_ERROR(await(backend->deleteStream(DeleteStreamRequest{StreamTarget::byName(u"orders"_s), false})),
                 ErrorType::AccessDenied);
    QVERIFY(emulator.engine().listStreams({})->streamNames.contains(u"orders"_s));

    // A wrong secret is refused by the server, with Kinesis's error type.
    auto wrong = ConnectionStore::createBackend(saved, ConnectionSecret{u"wrong"_s, {}}, AwsConfig());
    VERIFY_ERROR(await(wrong->listStreams({})), ErrorType::InvalidSignature);
    // No secret: refused locally, saying what is missing.
    auto none = ConnectionStore::createBackend(saved, std::nullopt, AwsConfig());
    VERIFY_ERROR(await(none->listStreams({})), ErrorType::MissingAuthenticationToken);
}

void TestConnections::openBackendReadsTheSecret()
{
    AuthEmulator emulator;
    QVERIFY(emulator.isRunning());
    QVERIFY(emulator.createStreams({u"s1"_s}));
    MemorySecretStore secrets;
    QSettings settings(settingsPath(), QSettings::IniFormat);
    ConnectionStore store(&settings, &secrets);
    const QString id = store.add(keysConnection(emulator.url()));
    VERIFY_OK(await(secrets.write(id, {kSecret, {}})));

    std::unique_ptr<AwsBackend> opened;
    std::optional<Error> secretError;
    bool called = false;
    store.openBackend(*store.connection(id), this,
                      [&](std::unique_ptr<AwsBackend> backend, std::optional<Error> error) {
                          opened = std::move(backend);
                          secretError = error;
                          called = true;
                      });
    QTRY_VERIFY(called);
    QVERIFY(!secretError);
    QCOMPARE(await(opened->listStreams({}))->streamNames, QStringList{u"s1"_s});

    // A secret that cannot be read still gives a backend, and says why it has no credentials.
    VERIFY_OK(await(secrets.remove(id)));
    called = false;
    store.openBackend(*store.connection(id), this,
                      [&](std::unique_ptr<AwsBackend> backend, std::optional<Error> error) {
                          opened = std::move(backend);
                          secretError = error;
                          called = true;
                      });
    QTRY_VERIFY(called);
    QVERIFY(secretError);
    QCOMPARE(secretError->type, ErrorType::ResourceNotFound);
    VERIFY_ERROR(await(opened->listStreams({})), ErrorType::MissingAuthenticationToken);
}

void TestConnections::profileBackendUsesTheSharedFiles()
{
    AuthEmulator emulator;
    QVERIFY(emulator.isRunning());
    QVERIFY(emulator.createStreams({u"from-profile"_s}));
    const QString config = m_dir->filePath(u"config"_s);
    const QString credentials = m_dir->filePath(u"credentials"_s);
    QVERIFY(writeFile(config, "[profile team]\nregion = us-east-1\nendpoint_url = " +
                                  emulator.url().toString().toLatin1() + "\n"));
    QVERIFY(writeFile(credentials, "[team]\naws_access_key_id = " + kKeyId.toLatin1() +
                                       "\naws_secret_access_key = " + kSecret.toLatin1() + "\n"));
    qputenv("AWS_CONFIG_FILE", config.toLocal8Bit());
    qputenv("AWS_SHARED_CREDENTIALS_FILE", credentials.toLocal8Bit());
    const auto restore = qScopeGuard([] {
        qunsetenv("AWS_CONFIG_FILE");
        qunsetenv("AWS_SHARED_CREDENTIALS_FILE");
    });
    SavedConnection saved;
    saved.displayName = u"Team"_s;
    saved.kind = ConnectionKind::Profile;
    saved.profile = u"team"_s;
    // No endpoint in the connection: the profile's endpoint_url is used.
    auto backend = ConnectionStore::createBackend(saved, std::nullopt, AwsConfig::fromEnvironment());
    QCOMPARE(backend->location(), emulator.url().toString());
    const auto listed = await(backend->listStreams({}));
    VERIFY_OK(listed);
    QCOMPARE(listed->streamNames, QStringList{u"from-profile"_s});
}

void TestConnections::endpointOnlyBackend()
{
    // An emulator without --require-auth takes any signature.
    QTemporaryDir dir;
    auto engine = openEngine(dir);
    QVERIFY(engine);
    QVERIFY(engine->createStream(CreateStreamRequest{u"open"_s, 1, {}, {}, {}}));
    KinesisServer server(*engine);
    KinesisServer::Options options;
    options.port = 0;
    const auto url = server.start(options);
    QVERIFY(url);
    SavedConnection saved;
    saved.displayName = u"kinesalite"_s;
    saved.kind = ConnectionKind::EndpointOnly;
    saved.endpoint = *url;
    saved.readOnly = false;
    auto backend = ConnectionStore::createBackend(saved, std::nullopt, AwsConfig());
    QVERIFY(!backend->isReadOnly());
    QCOMPARE(await(backend->listStreams({}))->streamNames, QStringList{u"open"_s});
    server.stop();
}

// Needs a Secret Service: tests/run-with-keyring.sh starts a private D-Bus session with an
// unlocked GNOME Keyring and sets SHARDSCOPE_PRIVATE_KEYRING. Refusing to run without it keeps
// the test from filing entries in a developer's own keychain.
void TestConnections::realKeychainRoundTrip()
{
    if (qEnvironmentVariable("SHARDSCOPE_PRIVATE_KEYRING") != u"1")
        QFAIL("run through tests/run-with-keyring.sh (a private D-Bus session and GNOME Keyring)");
    const QString id = u"keychain-test-"_s + QString::number(QCoreApplication::applicationPid());
    const QString other = id + u"-other"_s;
    {
        KeychainSecretStore store;
        VERIFY_ERROR(await(store.read(id)), ErrorType::ResourceNotFound);
        VERIFY_OK(await(store.write(id, {kSecret, u"the-token"_s})));
        VERIFY_OK(await(store.write(other, {u"other-secret"_s, {}})));
    }
    // Another store (as after a restart) reads what the keyring kept.
    KeychainSecretStore store;
    auto read = await(store.read(id));
    VERIFY_OK(read);
    QCOMPARE(read->secretAccessKey, kSecret);
    QCOMPARE(read->sessionToken, u"the-token"_s);
    VERIFY_OK(await(store.write(id, {u"rotated"_s, {}})));
    QCOMPARE(await(store.read(id))->secretAccessKey, u"rotated"_s);
    QCOMPARE(await(store.read(id))->sessionToken, QString());

    // Removing a connection deletes its secret from the keychain, and only its own.
    QSettings settings(settingsPath(), QSettings::IniFormat);
    ConnectionStore connections(&settings, &store);
    SavedConnection saved = keysConnection({});
    saved.id = id;
    QCOMPARE(connections.add(saved), id);
    VERIFY_OK(await(connections.remove(id)));
    VERIFY_ERROR(await(store.read(id)), ErrorType::ResourceNotFound);
    QCOMPARE(await(store.read(other))->secretAccessKey, u"other-secret"_s);
    VERIFY_OK(await(store.remove(other)));
    VERIFY_OK(await(store.remove(other)));
    VERIFY_ERROR(await(store.read(other)), ErrorType::ResourceNotFound);
}

QTEST_GUILESS_MAIN(TestConnections)
#include "tst_connections.moc"
