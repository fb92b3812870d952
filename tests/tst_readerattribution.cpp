// Who reads, through the real wire protocol: the emulator served in this process with
// --require-auth and two key pairs, and two real clients reading one shard at the same time —
// boto3 (Debian's python3-boto3, tests/clients/boto3_reader.py) and the AWS CLI v2 (Debian's
// awscli at /usr/bin/aws, tests/clients/awscli_reader.sh). Each appears in Engine::shardReaders
// with its own access key id, its user agent ("Boto3/…", "aws-cli/…") and 127.0.0.1, with the
// calls it made, the records it read and its position.

#include "backend/emulatorbackend.h"
#include "emulator/localemulator.h"
#include "engine/engine.h"
#include "models/shardreadersmodel.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace shardscope;
using namespace Qt::StringLiterals;

namespace {

const QString kClients = QStringLiteral(SHARDSCOPE_SOURCE_DIR "/tests/clients/");
const QString kStream = u"readers"_s;
const QString kShard = u"shardId-000000000000"_s;
const AwsCredentials kBotoKey{u"AKIDBOTO3READER"_s, u"boto3-secret"_s, {}};
const AwsCredentials kCliKey{u"AKIDAWSCLIREADER"_s, u"cli-secret"_s, {}};
constexpr int kRecords = 12;
constexpr int kCliCalls = 4; // two records each: the CLI stops short of the tip

// Without the caller's AWS settings: the clients use only what the scripts give them.
QProcessEnvironment withoutAwsSettings()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name : environment.keys()) {
        if (name.startsWith(u"AWS_"_s))
            environment.remove(name);
    }
    environment.insert(u"AWS_CONFIG_FILE"_s, u"/dev/null"_s);
    environment.insert(u"AWS_SHARED_CREDENTIALS_FILE"_s, u"/dev/null"_s);
    return environment;
}

QString keyPair(const AwsCredentials &key)
{
    return key.accessKeyId + u':' + key.secretAccessKey;
}

// The "summary {...}" line a client script ends with.
QJsonObject summaryOf(const QByteArray &output)
{
    for (const QByteArray &line : output.split('\n')) {
        if (line.startsWith("summary "))
            return QJsonDocument::fromJson(line.mid(8)).object();
    }
    return {};
}

} // namespace

class TestReaderAttribution : public QObject
{
    Q_OBJECT

private slots:
    void twoClientsAtOnce();
};

void TestReaderAttribution::twoClientsAtOnce()
{
    EngineOptions engineOptions;
    engineOptions.createDelayMs = 0;
    // Both clients poll one shard: within Kinesis's 5 calls a second they could still collide
    // in one second; this test counts attribution, not throttling.
    engineOptions.throughputLimits = false;
    auto emulator = LocalEmulator::open(engineOptions, EmulatorBackendOptions{});
    QVERIFY2(emulator.has_value(), qPrintable(emulator ? QString() : emulator.error().message));
    Engine &engine = (*emulator)->engine();

    CreateStreamRequest create;
    create.streamName = kStream;
    create.shardCount = 1;
    QVERIFY(engine.createStream(create).has_value());
    QTRY_COMPARE_WITH_TIMEOUT(engine.describeStreamSummary(StreamTarget::byName(kStream))
                                  ->streamStatus,
                              StreamStatus::Active, 5000);
    QStringList sequences;
    for (int i = 0; i < kRecords; ++i) {
        PutRecordRequest put;
        put.target = StreamTarget::byName(kStream);
        put.data = QByteArray(100 + i, 'r');
        put.partitionKey = u"k"_s;
        const auto written = engine.putRecord(put);
        QVERIFY(written.has_value());
        sequences.append(written->sequenceNumber.toString());
    }

    EmulatorServeOptions serve;
    serve.port = 0;
    serve.requireAuth = true;
    serve.accessKeys.insert(kBotoKey.accessKeyId, kBotoKey);
    serve.accessKeys.insert(kCliKey.accessKeyId, kCliKey);
    const auto url = (*emulator)->serve(serve);
    QVERIFY2(url.has_value(), qPrintable(url ? QString() : url.error()));
    const QString endpoint = url->toString();

    QProcess boto;
    boto.setProcessEnvironment(withoutAwsSettings());
    boto.setProcessChannelMode(QProcess::MergedChannels);
    boto.start(u"/usr/bin/python3"_s, {kClients + u"boto3_reader.py"_s, endpoint,
                                       keyPair(kBotoKey), kStream, kShard, u"4"_s});
    QProcess cli;
    cli.setProcessEnvironment(withoutAwsSettings());
    cli.setProcessChannelMode(QProcess::MergedChannels);
    cli.start(u"/bin/bash"_s, {kClients + u"awscli_reader.sh"_s, endpoint, keyPair(kCliKey),
                               kStream, kShard, QString::number(kCliCalls)});
    QVERIFY(boto.waitForStarted());
    QVERIFY(cli.waitForStarted());
    // The server answers on its worker threads; this thread's loop keeps running meanwhile.
    QTRY_VERIFY_WITH_TIMEOUT(boto.state() == QProcess::NotRunning, 120'000);
    QTRY_VERIFY_WITH_TIMEOUT(cli.state() == QProcess::NotRunning, 120'000);
    const QByteArray botoOutput = boto.readAll();
    const QByteArray cliOutput = cli.readAll();
    QVERIFY2(boto.exitStatus() == QProcess::NormalExit && boto.exitCode() == 0,
             botoOutput.constData());
    QVERIFY2(cli.exitStatus() == QProcess::NormalExit && cli.exitCode() == 0,
             cliOutput.constData());
    const QJsonObject botoDid = summaryOf(botoOutput);
    const QJsonObject cliDid = summaryOf(cliOutput);
    QVERIFY2(!botoDid.isEmpty(), botoOutput.constData());
    QVERIFY2(!cliDid.isEmpty(), cliOutput.constData());
    // boto3 read everything (three a call, for four seconds); the CLI four calls of two.
    QCOMPARE(botoDid.value(u"records"_s).toInt(), kRecords);
    QCOMPARE(botoDid.value(u"lastSequenceNumber"_s).toString(), sequences.last());
    QCOMPARE(cliDid.value(u"records"_s).toInt(), 2 * kCliCalls);
    QCOMPARE(cliDid.value(u"lastSequenceNumber"_s).toString(), sequences[2 * kCliCalls - 1]);

    const auto readers = engine.shardReaders(kStream);
    QVERIFY(readers.has_value());
    QCOMPARE(readers->size(), 2);
    const auto find = [&readers](const QString &keyId) {
        for (const ShardReader &r : *readers) {
            if (r.reader.accessKeyId == keyId)
                return r;
        }
        return ShardReader{};
    };
    const ShardReader botoReader = find(kBotoKey.accessKeyId);
    const ShardReader cliReader = find(kCliKey.accessKeyId);
    qInfo().noquote() << "boto3 reader:" << botoReader.reader.userAgent;
    qInfo().noquote() << "AWS CLI reader:" << cliReader.reader.userAgent;

    QVERIFY2(botoReader.reader.userAgent.contains(u"Boto3"_s),
             qPrintable(botoReader.reader.userAgent));
    QVERIFY(ShardReadersModel::clientName(botoReader.reader).startsWith(u"Boto3/"_s));
    QCOMPARE(botoReader.reader.peerAddress, u"127.0.0.1"_s);
    QCOMPARE(botoReader.shardId, kShard);
    QCOMPARE(botoReader.iteratorCalls, 1);
    QCOMPARE(botoReader.getRecordsCalls, botoDid.value(u"getRecordsCalls"_s).toInteger());
    QVERIFY(botoReader.getRecordsCalls >= 8); // four a second for four seconds, on a busy machine
    QCOMPARE(botoReader.records, kRecords);
    QCOMPARE(botoReader.lastSequenceNumber, sequences.last());
    QCOMPARE(botoReader.recordsBehind, 0);
    QCOMPARE(botoReader.throttledCalls, 0);
    QCOMPARE(botoReader.expiredIterators, 0);

    QVERIFY2(cliReader.reader.userAgent.contains(u"aws-cli"_s),
             qPrintable(cliReader.reader.userAgent));
    QVERIFY(ShardReadersModel::clientName(cliReader.reader).startsWith(u"aws-cli/2."_s));
    // One reader, though the CLI names each command in its user agent.
    QVERIFY(!cliReader.reader.userAgent.contains(u"command/"_s));
    QCOMPARE(cliReader.reader.peerAddress, u"127.0.0.1"_s);
    QCOMPARE(cliReader.shardId, kShard);
    QCOMPARE(cliReader.iteratorCalls, 1);
    QCOMPARE(cliReader.getRecordsCalls, kCliCalls);
    QCOMPARE(cliReader.records, 2 * kCliCalls);
    QCOMPARE(cliReader.lastSequenceNumber, sequences[2 * kCliCalls - 1]);
    QCOMPARE(cliReader.recordsBehind, kRecords - 2 * kCliCalls);
    qint64 bytesBehind = 0;
    for (int i = 2 * kCliCalls; i < kRecords; ++i)
        bytesBehind += 100 + i;
    QCOMPARE(cliReader.bytesBehind, bytesBehind);
    // The faster client may have finished more than 10 s before the other: idle, not gone.
    for (const ShardReader &r : *readers)
        QVERIFY(r.state != ReaderState::Gone);
}

QTEST_GUILESS_MAIN(TestReaderAttribution)
#include "tst_readerattribution.moc"
