// LocalEmulator, what the app runs locally: the engine and its backend, the demo stream made on
// first run and its events, and serving on a port — plain, with signatures required, and over
// https with the certificate kept beside the database (or temporary, in memory) — reached by
// AwsBackend as any client would.

#include "backend/awsbackend.h"
#include "backend/emulatorbackend.h"
#include "backendtesthelpers.h"
#include "demo/demotrickle.h"
#include "emulator/localemulator.h"
#include "engine/engine.h"

#include <QFile>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace shardscope;
using namespace shardscope::testing;
using namespace Qt::StringLiterals;

namespace {

const AwsCredentials kKeys{u"AKIDLOCALEMULATOR"_s, u"local-emulator-secret"_s, {}};

EngineOptions engineOptions(const QString &databasePath)
{
    EngineOptions options;
    options.databasePath = databasePath; // empty: in memory
    options.createDelayMs = options.deleteDelayMs = options.updateDelayMs = 0;
    return options;
}

std::unique_ptr<LocalEmulator> openEmulator(const QString &databasePath = {})
{
    auto emulator = LocalEmulator::open(engineOptions(databasePath), EmulatorBackendOptions{});
    return emulator ? std::move(*emulator) : nullptr;
}

// A client of the served emulator, as a saved AWS connection would be.
std::unique_ptr<AwsBackend> clientOf(const QUrl &url, const AwsCredentials &keys,
                                     const QString &caFile = {})
{
    AwsBackendOptions options;
    options.endpoint = url;
    options.staticCredentials = keys;
    options.maxRetries = 0;
    options.caCertificateFile = caFile;
    return std::make_unique<AwsBackend>(options);
}

QStringList streamNames(const BackendResult<QList<StreamSummary>> &streams)
{
    QStringList names;
    for (const StreamSummary &stream : streams.value_or(QList<StreamSummary>{}))
        names.append(stream.streamName);
    return names;
}

} // namespace

class TestLocalEmulator final : public QObject
{
    Q_OBJECT

private slots:
    void opensWithItsBackend();
    void refusesADatabaseItCannotOpen();
    void createsTheDemoStreamOnlyWhenEmpty();
    void demoEventsReachTheDemoStream();
    void servesOnLocalhostUntilStopped();
    void requiredSignaturesAreChecked();
    void requiringSignaturesNeedsAKey();
    void servesHttpsWithTheCertificateBesideTheDatabase();
    void servesHttpsInMemoryWithATemporaryCertificate();
};

void TestLocalEmulator::opensWithItsBackend()
{
    auto emulator = openEmulator();
    QVERIFY(emulator);
    QVERIFY(emulator->engine().isInMemory());
    StreamBackend *backend = emulator->backend();
    QVERIFY(backend);
    QCOMPARE(backend->kind(), BackendKind::LocalEmulator);
    QVERIFY(!emulator->isServing());
    QVERIFY(emulator->demoTrickle());
    QVERIFY(!emulator->demoTrickle()->isRunning());
    // Some demo records come KPL-aggregated, for the inspector to de-aggregate.
    QCOMPARE(emulator->demoTrickle()->aggregateEvery(), 20);

    QVERIFY(emulator->engine().createStream(CreateStreamRequest{u"orders"_s, 2, {}, {}, {}}));
    QCOMPARE(streamNames(await(backend->listAllStreams())), QStringList{u"orders"_s});
}

void TestLocalEmulator::refusesADatabaseItCannotOpen()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A directory where the database file should be.
    auto emulator = LocalEmulator::open(engineOptions(dir.path()), EmulatorBackendOptions{});
    QVERIFY(!emulator.has_value());
    QVERIFY(!emulator.error().message.isEmpty());
}

void TestLocalEmulator::createsTheDemoStreamOnlyWhenEmpty()
{
    auto emulator = openEmulator();
    QVERIFY(emulator);
    auto created = emulator->createDemoStreamIfEmpty();
    QVERIFY(created.has_value());
    QVERIFY(*created);
    const auto shards = emulator->engine().listShards(ListShardsRequest{
        StreamTarget::byName(DemoTrickle::defaultStreamName()), {}, {}, {}, {}, {}});
    QVERIFY(shards.has_value());
    QCOMPARE(shards->shards.size(), DemoTrickle::kDefaultShardCount);

    // Not again, and not when the user deleted it and has other streams.
    created = emulator->createDemoStreamIfEmpty();
    QVERIFY(created.has_value());
    QVERIFY(!*created);
    QVERIFY(emulator->engine().createStream(CreateStreamRequest{u"orders"_s, 1, {}, {}, {}}));
    QVERIFY(emulator->engine().deleteStream(
        DeleteStreamRequest{StreamTarget::byName(DemoTrickle::defaultStreamName()), false}));
    QTRY_COMPARE(streamNames(await(emulator->backend()->listAllStreams())),
                 QStringList{u"orders"_s});
    created = emulator->createDemoStreamIfEmpty();
    QVERIFY(created.has_value());
    QVERIFY(!*created);
}

void TestLocalEmulator::demoEventsReachTheDemoStream()
{
    auto emulator = openEmulator();
    QVERIFY(emulator);
    QVERIFY(emulator->createDemoStreamIfEmpty().value_or(false));
    DemoTrickle *demo = emulator->demoTrickle();
    demo->setTickInterval(20);
    demo->setRecordsPerSecond(500);
    demo->start();
    QVERIFY(demo->isRunning());
    const auto stored = [&emulator] {
        qint64 records = 0;
        for (const ShardStatistics &shard : emulator->engine()
                                                .shardStatistics(DemoTrickle::defaultStreamName())
                                                .value_or(QList<ShardStatistics>{}))
            records += shard.recordCount;
        return records;
    };
    QTRY_VERIFY(stored() >= 50);
    QCOMPARE(demo->failed(), 0);
    // Going away while the events still flow stops them first.
    emulator.reset();
}

void TestLocalEmulator::servesOnLocalhostUntilStopped()
{
    auto emulator = openEmulator();
    QVERIFY(emulator);
    QVERIFY(emulator->engine().createStream(CreateStreamRequest{u"orders"_s, 1, {}, {}, {}}));
    QSignalSpy serving(emulator.get(), &LocalEmulator::servingChanged);
    EmulatorServeOptions options;
    options.port = 0;
    const auto url = emulator->serve(options);
    QVERIFY2(url.has_value(), qPrintable(url ? QString() : url.error()));
    QCOMPARE(url->scheme(), u"http"_s);
    QCOMPARE(url->host(), u"127.0.0.1"_s);
    QVERIFY(url->port() > 0);
    QVERIFY(emulator->isServing());
    QCOMPARE(emulator->url(), *url);
    QVERIFY(emulator->certificatePath().isEmpty());
    QCOMPARE(serving.size(), 1);
    QCOMPARE(serving.front().front().toBool(), true);

    // Unsigned requests are fine when signatures are not required (any key id will do).
    auto client = clientOf(*url, AwsCredentials{u"AKIDANY"_s, u"any"_s, {}});
    QCOMPARE(streamNames(await(client->listAllStreams())), QStringList{u"orders"_s});

    emulator->stopServing();
    QVERIFY(!emulator->isServing());
    QVERIFY(emulator->url().isEmpty());
    QCOMPARE(serving.size(), 2);
    QTcpSocket socket;
    socket.connectToHost(u"127.0.0.1"_s, quint16(url->port()));
    QVERIFY(!socket.waitForConnected(2000));
    QCOMPARE(socket.error(), QAbstractSocket::ConnectionRefusedError);
}

void TestLocalEmulator::requiredSignaturesAreChecked()
{
    auto emulator = openEmulator();
    QVERIFY(emulator);
    QVERIFY(emulator->engine().createStream(CreateStreamRequest{u"orders"_s, 1, {}, {}, {}}));
    EmulatorServeOptions options;
    options.port = 0;
    options.requireAuth = true;
    options.accessKeys.insert(kKeys.accessKeyId, kKeys);
    const auto url = emulator->serve(options);
    QVERIFY2(url.has_value(), qPrintable(url ? QString() : url.error()));

    auto signedRight = clientOf(*url, kKeys);
    QCOMPARE(streamNames(await(signedRight->listAllStreams())), QStringList{u"orders"_s});

    auto wrongSecret = clientOf(*url, AwsCredentials{kKeys.accessKeyId, u"not-the-secret"_s, {}});
    const auto refused = await(wrongSecret->listAllStreams());
    QVERIFY(!refused.has_value());
    QCOMPARE(refused.error().type, ErrorType::InvalidSignature);

    auto unknownKey = clientOf(*url, AwsCredentials{u"AKIDUNKNOWN"_s, kKeys.secretAccessKey, {}});
    const auto unknown = await(unknownKey->listAllStreams());
    QVERIFY(!unknown.has_value());
    QCOMPARE(unknown.error().type, ErrorType::UnrecognizedClient);
}

void TestLocalEmulator::requiringSignaturesNeedsAKey()
{
    auto emulator = openEmulator();
    QVERIFY(emulator);
    EmulatorServeOptions options;
    options.port = 0;
    options.requireAuth = true;
    const auto url = emulator->serve(options);
    QVERIFY(!url.has_value());
    QVERIFY(!url.error().isEmpty());
    QVERIFY(!emulator->isServing());
}

void TestLocalEmulator::servesHttpsWithTheCertificateBesideTheDatabase()
{
    QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString database = dir.filePath(u"streams.db"_s);
    auto emulator = openEmulator(database);
    QVERIFY(emulator);
    QVERIFY(emulator->engine().createStream(CreateStreamRequest{u"orders"_s, 1, {}, {}, {}}));
    EmulatorServeOptions options;
    options.port = 0;
    options.tls = true;
    const auto url = emulator->serve(options);
    QVERIFY2(url.has_value(), qPrintable(url ? QString() : url.error()));
    QCOMPARE(url->scheme(), u"https"_s);
    QCOMPARE(emulator->certificatePath(), database + u".tls-cert.pem"_s);
    QFile certificate(emulator->certificatePath());
    QVERIFY(certificate.open(QIODevice::ReadOnly));
    const QByteArray pem = certificate.readAll();
    certificate.close();
    QVERIFY(pem.startsWith("-----BEGIN CERTIFICATE-----"));
    QVERIFY(QFile::exists(database + u".tls-key.pem"_s));

    // A client that trusts that file talks to it over TLS; one that does not is refused.
    auto trusting = clientOf(*url, kKeys, emulator->certificatePath());
    QCOMPARE(streamNames(await(trusting->listAllStreams())), QStringList{u"orders"_s});
    auto distrusting = clientOf(*url, kKeys);
    QVERIFY(!await(distrusting->listAllStreams()).has_value());

    // Served again, the same certificate: clients trust it once.
    emulator->stopServing();
    QVERIFY(emulator->certificatePath().isEmpty());
    QVERIFY(QFile::exists(database + u".tls-cert.pem"_s)); // kept for next time
    QVERIFY(emulator->serve(options).has_value());
    QFile again(emulator->certificatePath());
    QVERIFY(again.open(QIODevice::ReadOnly));
    QCOMPARE(again.readAll(), pem);
}

void TestLocalEmulator::servesHttpsInMemoryWithATemporaryCertificate()
{
    QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend");
    auto emulator = openEmulator();
    QVERIFY(emulator);
    EmulatorServeOptions options;
    options.port = 0;
    options.tls = true;
    const auto url = emulator->serve(options);
    QVERIFY2(url.has_value(), qPrintable(url ? QString() : url.error()));
    const QString certificatePath = emulator->certificatePath();
    QVERIFY(QFile::exists(certificatePath));
    auto trusting = clientOf(*url, kKeys, certificatePath);
    QVERIFY(await(trusting->listAllStreams()).has_value());

    // The temporary certificate lives as long as it is served.
    emulator->stopServing();
    QVERIFY(!QFile::exists(certificatePath));
}

QTEST_GUILESS_MAIN(TestLocalEmulator)
#include "tst_localemulator.moc"
