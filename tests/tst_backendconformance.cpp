// One set of StreamBackend tests, three targets (the global data rows):
//   emulator   - EmulatorBackend over an engine in a temporary directory;
//   serve      - AwsBackend -> a `shardscope --serve --require-auth` child process, so every
//                request is SigV4-signed and verified;
//   kinesalite - AwsBackend -> kinesalite (npm, tests/clients), started by the test.
// The expectations are Kinesis's. Where kinesalite differs from Kinesis the test says so for
// that target alone (QEXPECT_FAIL, or an explicit expectation naming the difference), so the
// check stays as strict for us. A missing node or kinesalite is a failure, never a skip.
// KMS keys: the emulator has its own KMS; `--serve` and kinesalite speak Kinesis only, so
// AwsBackend's KMS calls (TrentService.*) get a clear UnknownOperation there.

#include "backend/awsbackend.h"
#include "backend/emulatorbackend.h"
#include "backendtesthelpers.h"
#include "engine/engine.h"
#include "expectedassert.h"
#include "kinesis/hashkey.h"
#include "kinesis/kms.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace shardscope;
using namespace shardscope::testing;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

enum class Target { Emulator, Serve, Kinesalite };

const QString kAccount = u"000000000000"_s;
const QString kRegion = u"us-east-1"_s;

// kinesalite's server, listening on a free port it reports (its CLI cannot take port 0).
const char *const kKinesaliteScript = R"(
const kinesalite = require('kinesalite');
const server = kinesalite({createStreamMs: 0, deleteStreamMs: 0, updateStreamMs: 0, shardLimit: 1000});
server.listen(0, '127.0.0.1', () => console.log('kinesalite at http://127.0.0.1:' + server.address().port));
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
)";

QString hashKeyText(uint128 value)
{
    return HashKey{value}.toDecimal();
}

const uint128 kHalf = uint128(1) << 127;

} // namespace

Q_DECLARE_METATYPE(Target)

class TestBackendConformance final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data();
    void initTestCase();
    void cleanupTestCase();

    void createDescribeAndList();
    void listStreamsPagination();
    void listShardsPagination();
    void putAndGetRecords();
    void iteratorsAtAndAfterSequenceNumber();
    void splitAndMerge();
    void updateShardCount();
    void tags();
    void tagsByArn();
    void retention();
    void errorsKeepTypeAndMessage();
    void readOnlyRefusesWrites();
    void activityIsReported();
    void deleteStream();
    void describeLimits();
    void kmsKeys();
    void controlPlane();

private:
    Target target() const;
    StreamBackend &backend() const;
    StreamBackend &readOnlyBackend() const;
    QString uniqueName(const QString &base);
    bool createActive(const QString &name, int shards);
    bool waitActive(const QString &name);
    QList<Record> readShard(const QString &stream, const QString &shardId);
    std::expected<QUrl, QString> startProcess(QProcess &process, const QString &program,
                                              const QStringList &arguments,
                                              const QRegularExpression &banner);

    QTemporaryDir m_dir;
    std::unique_ptr<Engine> m_engine;
    QProcess m_serve;
    QProcess m_kinesalite;
    std::unique_ptr<StreamBackend> m_backends[3];
    std::unique_ptr<StreamBackend> m_readOnly[3];
    int m_counter = 0;
};

void TestBackendConformance::initTestCase_data()
{
    QTest::addColumn<Target>("target");
    QTest::newRow("emulator") << Target::Emulator;
    QTest::newRow("serve") << Target::Serve;
    QTest::newRow("kinesalite") << Target::Kinesalite;
}

std::expected<QUrl, QString> TestBackendConformance::startProcess(QProcess &process,
                                                                  const QString &program,
                                                                  const QStringList &arguments,
                                                                  const QRegularExpression &banner)
{
    process.setProgram(program);
    process.setArguments(arguments);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start();
    if (!process.waitForStarted())
        return std::unexpected(program + u" could not be started: "_s + process.errorString());
    QByteArray output;
    QRegularExpressionMatch match;
    while (!(match = banner.match(QString::fromUtf8(output))).hasMatch() &&
           process.waitForReadyRead(20000))
        output += process.readAllStandardOutput();
    if (!match.hasMatch())
        return std::unexpected(program + u" printed no URL: "_s + QString::fromUtf8(output));
    return QUrl(match.captured(1));
}

void TestBackendConformance::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_engine = openEngine(m_dir);
    QVERIFY(m_engine);
    EmulatorBackendOptions emulatorOptions;
    emulatorOptions.displayName = u"emulator"_s;
    m_backends[0] = std::make_unique<EmulatorBackend>(*m_engine, emulatorOptions);
    emulatorOptions.readOnly = true;
    emulatorOptions.displayName = u"read-only emulator"_s;
    m_readOnly[0] = std::make_unique<EmulatorBackend>(*m_engine, emulatorOptions);

    const QRegularExpression url(u"(http://[0-9.]+:\\d+)"_s);
    const auto serve = startProcess(
        m_serve, QStringLiteral(SHARDSCOPE_BINARY),
        {u"--serve"_s, u"--port"_s, u"0"_s, u"--in-memory"_s, u"--delay-ms"_s, u"0"_s,
         u"--require-auth"_s, u"--access-key"_s, u"AKIDTEST:secret"_s},
        url);
    QVERIFY2(serve, serve ? "" : qPrintable(serve.error()));

    m_kinesalite.setWorkingDirectory(QStringLiteral(SHARDSCOPE_SOURCE_DIR "/tests/clients"));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"AWS_ACCOUNT_ID"_s, kAccount);
    environment.insert(u"AWS_REGION"_s, kRegion);
    m_kinesalite.setProcessEnvironment(environment);
    const auto kinesalite = startProcess(m_kinesalite, u"node"_s,
                                         {u"-e"_s, QString::fromUtf8(kKinesaliteScript)}, url);
    QVERIFY2(kinesalite, kinesalite ? "" : qPrintable(kinesalite.error()));

    const auto awsBackend = [](const QUrl &endpoint, const QString &name, bool readOnly) {
        AwsBackendOptions options;
        options.displayName = name;
        options.region = kRegion;
        options.endpoint = endpoint;
        options.staticCredentials = AwsCredentials{u"AKIDTEST"_s, u"secret"_s, {}};
        options.readOnly = readOnly;
        options.retryBaseDelay = 10ms;
        options.throttlingBaseDelay = 10ms;
        options.maxRetries = 2;
        return std::make_unique<AwsBackend>(options);
    };
    m_backends[1] = awsBackend(*serve, u"serve"_s, false);
    m_readOnly[1] = awsBackend(*serve, u"read-only serve"_s, true);
    m_backends[2] = awsBackend(*kinesalite, u"kinesalite"_s, false);
    m_readOnly[2] = awsBackend(*kinesalite, u"read-only kinesalite"_s, true);
}

void TestBackendConformance::cleanupTestCase()
{
    for (auto &backend : m_backends)
        backend.reset();
    for (auto &backend : m_readOnly)
        backend.reset();
    m_engine.reset();
    if (m_serve.state() != QProcess::NotRunning) {
        m_serve.terminate();
        QVERIFY(m_serve.waitForFinished(10000));
        QCOMPARE(m_serve.exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_serve.exitCode(), 0);
    }
    if (m_kinesalite.state() != QProcess::NotRunning) {
        m_kinesalite.closeWriteChannel(); // the script exits when its stdin ends
        if (!m_kinesalite.waitForFinished(10000)) {
            m_kinesalite.kill();
            m_kinesalite.waitForFinished(5000);
        }
    }
}

Target TestBackendConformance::target() const
{
    QFETCH_GLOBAL(Target, target);
    return target;
}

StreamBackend &TestBackendConformance::backend() const
{
    return *m_backends[static_cast<int>(target())];
}

StreamBackend &TestBackendConformance::readOnlyBackend() const
{
    return *m_readOnly[static_cast<int>(target())];
}

QString TestBackendConformance::uniqueName(const QString &base)
{
    return base + u'-' + QString::number(++m_counter);
}

bool TestBackendConformance::waitActive(const QString &name)
{
    QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired()) {
        const auto summary = await(backend().describeStreamSummary(StreamTarget::byName(name)));
        if (summary && summary->streamStatus == StreamStatus::Active)
            return true;
        QTest::qWait(20);
    }
    return false;
}

bool TestBackendConformance::createActive(const QString &name, int shards)
{
    const auto created = await(backend().createStream(CreateStreamRequest{name, shards, {}, {}, {}}));
    if (!created) {
        qWarning().noquote() << describe(created);
        return false;
    }
    return waitActive(name);
}

QList<Record> TestBackendConformance::readShard(const QString &stream, const QString &shardId)
{
    GetShardIteratorRequest request;
    request.target = StreamTarget::byName(stream);
    request.shardId = shardId;
    request.shardIteratorType = ShardIteratorType::TrimHorizon;
    const auto iterator = await(backend().getShardIterator(request));
    if (!iterator)
        return {};
    QList<Record> records;
    GetRecordsRequest get;
    get.shardIterator = iterator->shardIterator;
    for (int round = 0; round < 5; ++round) {
        const auto page = await(backend().getRecords(get));
        if (!page || !page->nextShardIterator)
            break;
        records.append(page->records);
        if (page->records.isEmpty() && page->millisBehindLatest == 0)
            break;
        get.shardIterator = *page->nextShardIterator;
    }
    return records;
}

// ---------------------------------------------------------------------------------------------

void TestBackendConformance::createDescribeAndList()
{
    const QString name = uniqueName(u"orders"_s);
    QSignalSpy catalog(&backend(), &StreamBackend::catalogChanged);
    VERIFY_OK(await(backend().createStream(CreateStreamRequest{name, 3, {}, {}, {}})));
    QTRY_VERIFY(catalog.count() >= 1);
    QVERIFY(waitActive(name));

    const auto summary = await(backend().describeStreamSummary(StreamTarget::byName(name)));
    VERIFY_OK(summary);
    QCOMPARE(summary->streamName, name);
    QCOMPARE(summary->streamArn, u"arn:aws:kinesis:"_s + kRegion + u':' + kAccount + u":stream/"_s + name);
    QCOMPARE(summary->streamStatus, StreamStatus::Active);
    QCOMPARE(summary->streamMode, StreamMode::Provisioned);
    QCOMPARE(summary->retentionPeriodHours, 24);
    QCOMPARE(summary->openShardCount, 3);
    QCOMPARE(summary->encryptionType, EncryptionType::None);
    QVERIFY(summary->streamCreationTimestamp > 1'600'000'000'000);

    const auto description = await(backend().describeStream(DescribeStreamRequest{StreamTarget::byName(name), {}, {}}));
    VERIFY_OK(description);
    QCOMPARE(description->streamArn, summary->streamArn);
    QCOMPARE(description->shards.size(), 3);
    QVERIFY(!description->hasMoreShards);
    const QList<HashKeyRange> expected = HashKeyRange::evenSplit(3);
    for (int i = 0; i < 3; ++i) {
        const Shard &shard = description->shards[i];
        QCOMPARE(shard.shardId, u"shardId-00000000000"_s + QString::number(i));
        QCOMPARE(shard.hashKeyRange.start.toDecimal(), expected[i].start.toDecimal());
        QCOMPARE(shard.hashKeyRange.end.toDecimal(), expected[i].end.toDecimal());
        QVERIFY(!shard.parentShardId && !shard.adjacentParentShardId && !shard.endingSequenceNumber);
        QVERIFY(SequenceNumber::matchesWirePattern(shard.startingSequenceNumber.toString()));
    }

    const auto shards = await(backend().listAllShards(StreamTarget::byName(name)));
    VERIFY_OK(shards);
    QCOMPARE(shards->size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(shards->at(i).shardId, description->shards[i].shardId);
        QCOMPARE(shards->at(i).startingSequenceNumber, description->shards[i].startingSequenceNumber);
    }

    const auto streams = await(backend().listAllStreams());
    VERIFY_OK(streams);
    const auto listed = std::find_if(streams->cbegin(), streams->cend(),
                                     [&](const StreamSummary &s) { return s.streamName == name; });
    QVERIFY(listed != streams->cend());
    if (target() == Target::Kinesalite)
        QEXPECT_FAIL("", "kinesalite 3.3.3 answers ListStreams without StreamSummaries (names only)", Continue);
    QCOMPARE(listed->streamArn, summary->streamArn);
    QCOMPARE(listed->streamStatus, StreamStatus::Active);
}

void TestBackendConformance::listStreamsPagination()
{
    const QString prefix = uniqueName(u"page"_s);
    QStringList names;
    for (const QString &suffix : {u"a"_s, u"b"_s, u"c"_s}) {
        names.append(prefix + u'-' + suffix);
        VERIFY_OK(await(backend().createStream(CreateStreamRequest{names.constLast(), 1, {}, {}, {}})));
    }
    ListStreamsRequest request;
    request.limit = 1;
    request.exclusiveStartStreamName = names[0];
    const auto page = await(backend().listStreams(request));
    VERIFY_OK(page);
    QCOMPARE(page->streamNames, QStringList{names[1]});
    QVERIFY(page->hasMoreStreams);

    const auto all = await(backend().listAllStreams());
    VERIFY_OK(all);
    QStringList listed;
    for (const StreamSummary &summary : *all) {
        if (summary.streamName.startsWith(prefix + u'-'))
            listed.append(summary.streamName);
    }
    QCOMPARE(listed, names);
}

void TestBackendConformance::listShardsPagination()
{
    const QString name = uniqueName(u"shards"_s);
    QVERIFY(createActive(name, 5));
    ListShardsRequest request;
    request.target = StreamTarget::byName(name);
    request.maxResults = 2;
    const QStringList allIds = {u"shardId-000000000000"_s, u"shardId-000000000001"_s,
                                u"shardId-000000000002"_s, u"shardId-000000000003"_s,
                                u"shardId-000000000004"_s};
    if (target() == Target::Kinesalite) {
        // Difference: kinesalite 3.3.3 ignores MaxResults and answers with every shard and no
        // NextToken.
        const auto page = await(backend().listShards(request));
        VERIFY_OK(page);
        QCOMPARE(page->shards.size(), 5);
        QVERIFY(page->nextToken.isEmpty());
    }
    QStringList ids;
    int pages = 0;
    for (;;) {
        const auto page = await(backend().listShards(request));
        VERIFY_OK(page);
        ++pages;
        if (target() != Target::Kinesalite)
            QVERIFY(page->shards.size() <= 2);
        for (const Shard &shard : page->shards)
            ids.append(shard.shardId);
        if (page->nextToken.isEmpty() || pages > 5)
            break;
        request = ListShardsRequest{};
        request.nextToken = page->nextToken;
        request.maxResults = 2;
    }
    QCOMPARE(pages, target() == Target::Kinesalite ? 1 : 3);
    QCOMPARE(ids, allIds);

    // Kinesis refuses a token together with the stream name.
    ListShardsRequest both;
    both.target = StreamTarget::byName(name);
    both.maxResults = 2;
    const auto first = await(backend().listShards(both));
    VERIFY_OK(first);
    both.nextToken = first->nextToken.isEmpty() ? u"AAAA"_s : first->nextToken;
    COMPARE_ERROR(await(backend().listShards(both)), ErrorType::InvalidArgument,
                  u"NextToken and StreamName cannot be provided together."_s);

    const auto all = await(backend().listAllShards(StreamTarget::byName(name)));
    VERIFY_OK(all);
    QCOMPARE(all->size(), 5);
}

void TestBackendConformance::putAndGetRecords()
{
    const QString name = uniqueName(u"records"_s);
    QVERIFY(createActive(name, 2));
    QList<QStringList> appended;
    const QObject scope; // the connection ends with the test
    connect(&backend(), &StreamBackend::recordsAppended, &scope,
            [&](const QString &stream, const QString &shard, const QString &, int count) {
                if (stream == name)
                    appended.append({shard, QString::number(count)});
            });

    QByteArray binary;
    for (int i = 0; i < 256; ++i)
        binary.append(char(i));
    PutRecordRequest put;
    put.target = StreamTarget::byName(name);
    put.data = binary;
    put.partitionKey = u"pk"_s;
    put.explicitHashKey = u"0"_s;
    const auto first = await(backend().putRecord(put));
    VERIFY_OK(first);
    QCOMPARE(first->shardId, u"shardId-000000000000"_s);
    QVERIFY(SequenceNumber::matchesWirePattern(first->sequenceNumber.toString()));
    put.explicitHashKey = hashKeyText(kHalf);
    put.data = "upper half";
    const auto second = await(backend().putRecord(put));
    VERIFY_OK(second);
    QCOMPARE(second->shardId, u"shardId-000000000001"_s);

    PutRecordsRequest batch;
    batch.target = StreamTarget::byName(name);
    for (int i = 0; i < 10; ++i)
        batch.records.append(PutRecordsRequestEntry{"record " + QByteArray::number(i),
                                                    u"key-"_s + QString::number(i), {}});
    const auto written = await(backend().putRecords(batch));
    VERIFY_OK(written);
    QCOMPARE(written->failedRecordCount, 0);
    QCOMPARE(written->records.size(), 10);
    QMap<QString, int> perShard{{u"shardId-000000000000"_s, 1}, {u"shardId-000000000001"_s, 1}};
    for (int i = 0; i < 10; ++i) {
        const PutRecordsResultEntry &entry = written->records[i];
        QVERIFY(entry.sequenceNumber.has_value());
        QVERIFY(entry.errorCode.isEmpty());
        // Routed by the MD5 of the partition key, as Kinesis does.
        const bool upper = HashKey::fromPartitionKey(batch.records[i].partitionKey).value >= kHalf;
        QCOMPARE(entry.shardId, upper ? u"shardId-000000000001"_s : u"shardId-000000000000"_s);
        ++perShard[entry.shardId];
    }

    QList<Record> lower = readShard(name, u"shardId-000000000000"_s);
    QList<Record> upper = readShard(name, u"shardId-000000000001"_s);
    QCOMPARE(lower.size(), perShard.value(u"shardId-000000000000"_s));
    QCOMPARE(upper.size(), perShard.value(u"shardId-000000000001"_s));
    QCOMPARE(lower.front().data, binary);
    QCOMPARE(lower.front().sequenceNumber, first->sequenceNumber);
    QCOMPARE(lower.front().partitionKey, u"pk"_s);
    QCOMPARE(upper.front().data, QByteArray("upper half"));
    QCOMPARE(upper.front().sequenceNumber.toString(), second->sequenceNumber.toString());
    for (const QList<Record> *shard : {&lower, &upper}) {
        for (qsizetype i = 1; i < shard->size(); ++i) {
            QVERIFY(shard->at(i - 1).sequenceNumber < shard->at(i).sequenceNumber);
            QVERIFY(shard->at(i).approximateArrivalTimestamp > 1'600'000'000'000);
        }
    }
    // Appends are announced (the emulator's engine batches them; remote backends report
    // their own puts).
    QTRY_VERIFY(!appended.isEmpty());
}

void TestBackendConformance::iteratorsAtAndAfterSequenceNumber()
{
    const QString name = uniqueName(u"iterators"_s);
    QVERIFY(createActive(name, 1));
    QList<SequenceNumber> sequence;
    for (int i = 0; i < 3; ++i) {
        PutRecordRequest put;
        put.target = StreamTarget::byName(name);
        put.data = QByteArray::number(i);
        put.partitionKey = u"k"_s;
        const auto written = await(backend().putRecord(put));
        VERIFY_OK(written);
        sequence.append(written->sequenceNumber);
    }
    for (const ShardIteratorType type : {ShardIteratorType::AtSequenceNumber,
                                         ShardIteratorType::AfterSequenceNumber}) {
        GetShardIteratorRequest request;
        request.target = StreamTarget::byName(name);
        request.shardId = u"shardId-000000000000"_s;
        request.shardIteratorType = type;
        request.startingSequenceNumber = sequence[1].toString();
        const auto iterator = await(backend().getShardIterator(request));
        VERIFY_OK(iterator);
        const auto records = await(backend().getRecords(GetRecordsRequest{iterator->shardIterator, {}, {}}));
        VERIFY_OK(records);
        const bool at = type == ShardIteratorType::AtSequenceNumber;
        QCOMPARE(records->records.size(), at ? 2 : 1);
        QCOMPARE(records->records.front().sequenceNumber, sequence[at ? 1 : 2]);
        QCOMPARE(records->records.front().data, QByteArray::number(at ? 1 : 2));
    }
    // A malformed sequence number is refused before anything else.
    GetShardIteratorRequest bad;
    bad.target = StreamTarget::byName(name);
    bad.shardId = u"shardId-000000000000"_s;
    bad.shardIteratorType = ShardIteratorType::AtSequenceNumber;
    bad.startingSequenceNumber = u"abc"_s;
    VERIFY_ERROR(await(backend().getShardIterator(bad)), ErrorType::Validation);
}

void TestBackendConformance::splitAndMerge()
{
    const QString name = uniqueName(u"reshard"_s);
    QVERIFY(createActive(name, 1));
    const StreamTarget stream = StreamTarget::byName(name);
    QSignalSpy catalog(&backend(), &StreamBackend::catalogChanged);
    VERIFY_OK(await(backend().splitShard(SplitShardRequest{stream, u"shardId-000000000000"_s, hashKeyText(kHalf)})));
    QTRY_VERIFY(catalog.count() >= 1);
    QVERIFY(waitActive(name));

    auto shards = await(backend().listAllShards(stream));
    VERIFY_OK(shards);
    QCOMPARE(shards->size(), 3);
    QVERIFY(shards->at(0).endingSequenceNumber.has_value());
    QVERIFY(shards->at(0).startingSequenceNumber < *shards->at(0).endingSequenceNumber);
    for (int i : {1, 2}) {
        QCOMPARE(shards->at(i).shardId, u"shardId-00000000000"_s + QString::number(i));
        QCOMPARE(shards->at(i).parentShardId.value_or(QString()), u"shardId-000000000000"_s);
        QVERIFY(!shards->at(i).adjacentParentShardId);
        QVERIFY(!shards->at(i).endingSequenceNumber);
        QVERIFY(*shards->at(0).endingSequenceNumber < shards->at(i).startingSequenceNumber);
    }
    QCOMPARE(shards->at(1).hashKeyRange.start.toDecimal(), u"0"_s);
    QCOMPARE(shards->at(1).hashKeyRange.end.toDecimal(), hashKeyText(kHalf - 1));
    QCOMPARE(shards->at(2).hashKeyRange.start.toDecimal(), hashKeyText(kHalf));
    QCOMPARE(shards->at(2).hashKeyRange.end.toDecimal(), HashKey::max().toDecimal());

    VERIFY_OK(await(backend().mergeShards(MergeShardsRequest{stream, u"shardId-000000000001"_s, u"shardId-000000000002"_s})));
    QVERIFY(waitActive(name));
    shards = await(backend().listAllShards(stream));
    VERIFY_OK(shards);
    QCOMPARE(shards->size(), 4);
    const Shard &merged = shards->at(3);
    QCOMPARE(merged.shardId, u"shardId-000000000003"_s);
    QCOMPARE(merged.parentShardId.value_or(QString()), u"shardId-000000000001"_s);
    QCOMPARE(merged.adjacentParentShardId.value_or(QString()), u"shardId-000000000002"_s);
    QCOMPARE(merged.hashKeyRange.start.toDecimal(), u"0"_s);
    QCOMPARE(merged.hashKeyRange.end.toDecimal(), HashKey::max().toDecimal());
    QVERIFY(shards->at(1).endingSequenceNumber && shards->at(2).endingSequenceNumber);

    // Splitting a closed shard is refused.
    const auto closed = await(backend().splitShard(SplitShardRequest{stream, u"shardId-000000000001"_s, u"5"_s}));
    if (target() == Target::Kinesalite)
        QEXPECT_FAIL("", "kinesalite 3.3.3 splits a closed shard", Abort);
    QVERIFY(!closed.has_value());
    COMPARE_ERROR(closed, ErrorType::InvalidArgument,
                  u"Shard shardId-000000000001 in stream "_s + name + u" under account "_s + kAccount +
                      u" has already been merged or split, and thus is not eligible for merging or "
                      "splitting."_s);
}

void TestBackendConformance::updateShardCount()
{
    const QString name = uniqueName(u"scale"_s);
    QVERIFY(createActive(name, 2));
    const auto result = await(backend().updateShardCount(
        UpdateShardCountRequest{StreamTarget::byName(name), 4, ScalingType::UniformScaling}));
    if (target() == Target::Kinesalite) {
        // Difference: kinesalite 3.3.3 does not implement UpdateShardCount.
        VERIFY_ERROR(result, ErrorType::UnknownOperation);
        return;
    }
    VERIFY_OK(result);
    QCOMPARE(result->streamName, name);
    QCOMPARE(result->currentShardCount, 2);
    QCOMPARE(result->targetShardCount, 4);
    QVERIFY(waitActive(name));
    const auto summary = await(backend().describeStreamSummary(StreamTarget::byName(name)));
    VERIFY_OK(summary);
    QCOMPARE(summary->openShardCount, 4);
}

void TestBackendConformance::tags()
{
    const QString name = uniqueName(u"tags"_s);
    QVERIFY(createActive(name, 1));
    const StreamTarget stream = StreamTarget::byName(name);
    VERIFY_OK(await(backend().addTagsToStream(AddTagsToStreamRequest{
        stream, TagMap{{u"team"_s, u"data"_s}, {u"env"_s, u"prod"_s}, {u"tier"_s, u"gold"_s}}})));

    auto listed = await(backend().listTagsForStream(ListTagsForStreamRequest{stream, {}, {}}));
    VERIFY_OK(listed);
    QCOMPARE(listed->tags, QList<Tag>({{u"env"_s, u"prod"_s}, {u"team"_s, u"data"_s}, {u"tier"_s, u"gold"_s}}));
    QVERIFY(!listed->hasMoreTags);

    // Paging by the last key.
    listed = await(backend().listTagsForStream(ListTagsForStreamRequest{stream, {}, 1}));
    VERIFY_OK(listed);
    QCOMPARE(listed->tags, QList<Tag>({{u"env"_s, u"prod"_s}}));
    QVERIFY(listed->hasMoreTags);
    listed = await(backend().listTagsForStream(ListTagsForStreamRequest{stream, u"env"_s, 1}));
    VERIFY_OK(listed);
    QCOMPARE(listed->tags, QList<Tag>({{u"team"_s, u"data"_s}}));
    QVERIFY(listed->hasMoreTags);

    VERIFY_OK(await(backend().removeTagsFromStream(RemoveTagsFromStreamRequest{stream, {u"team"_s}})));
    const auto all = await(backend().listAllTagsForStream(stream));
    VERIFY_OK(all);
    QCOMPARE(*all, QList<Tag>({{u"env"_s, u"prod"_s}, {u"tier"_s, u"gold"_s}}));

    // At most 50 tags per stream (added ten at a time, the most one call takes).
    std::expected<void, Error> added;
    for (int batch = 0; batch < 5 && added; ++batch) {
        TagMap ten;
        for (int i = 0; i < 10; ++i)
            ten.insert(u"k%1"_s.arg(batch * 10 + i, 2, 10, QChar(u'0')), u"v"_s);
        added = await(backend().addTagsToStream(AddTagsToStreamRequest{stream, ten}));
    }
    // Difference: kinesalite keeps the old limit of 10 tags per stream.
    const QString limit = target() == Target::Kinesalite ? u"10"_s : u"50"_s;
    COMPARE_ERROR(added, ErrorType::InvalidArgument,
                  u"Failed to add tags to stream "_s + name + u" under account "_s + kAccount +
                      u" because a given stream cannot have more than "_s + limit +
                      u" tags associated with it."_s);
}

void TestBackendConformance::tagsByArn()
{
    const QString name = uniqueName(u"arn-tags"_s);
    QVERIFY(createActive(name, 1));
    const QString arn = u"arn:aws:kinesis:"_s + kRegion + u':' + kAccount + u":stream/"_s + name;
    const auto tagged = await(backend().tagResource(TagResourceRequest{arn, TagMap{{u"owner"_s, u"me"_s}}}));
    if (target() == Target::Kinesalite) {
        // Difference: kinesalite 3.3.3 has no TagResource / ListTagsForResource.
        VERIFY_ERROR(tagged, ErrorType::UnknownOperation);
        return;
    }
    VERIFY_OK(tagged);
    const auto listed = await(backend().listTagsForResource(ListTagsForResourceRequest{arn}));
    VERIFY_OK(listed);
    QCOMPARE(listed->tags, QList<Tag>({{u"owner"_s, u"me"_s}}));
    VERIFY_OK(await(backend().untagResource(UntagResourceRequest{arn, {u"owner"_s}})));
    const auto streamTags = await(backend().listAllTagsForStream(StreamTarget::byName(name)));
    VERIFY_OK(streamTags);
    QVERIFY(streamTags->isEmpty());
}

void TestBackendConformance::retention()
{
    const QString name = uniqueName(u"retention"_s);
    QVERIFY(createActive(name, 1));
    const StreamTarget stream = StreamTarget::byName(name);
    VERIFY_OK(await(backend().increaseStreamRetentionPeriod(RetentionPeriodRequest{stream, 48})));
    QVERIFY(waitActive(name));
    auto summary = await(backend().describeStreamSummary(stream));
    VERIFY_OK(summary);
    QCOMPARE(summary->retentionPeriodHours, 48);

    COMPARE_ERROR(await(backend().increaseStreamRetentionPeriod(RetentionPeriodRequest{stream, 36})),
                  ErrorType::InvalidArgument,
                  u"Requested retention period (36 hours) for stream "_s + name +
                      u" can not be shorter than existing retention period (48 hours). Use "
                      "DecreaseRetentionPeriod API."_s);
    VERIFY_OK(await(backend().decreaseStreamRetentionPeriod(RetentionPeriodRequest{stream, 24})));
    QVERIFY(waitActive(name));
    summary = await(backend().describeStreamSummary(stream));
    VERIFY_OK(summary);
    QCOMPARE(summary->retentionPeriodHours, 24);

    const auto tooShort = await(backend().decreaseStreamRetentionPeriod(RetentionPeriodRequest{stream, 12}));
    COMPARE_ERROR(tooShort, ErrorType::InvalidArgument,
                  u"Minimum allowed retention period is 24 hours. Requested retention period (12 "
                  "hours) is too short."_s);
    const auto tooLong = await(backend().increaseStreamRetentionPeriod(RetentionPeriodRequest{stream, 9000}));
    if (target() == Target::Kinesalite) {
        // Difference: kinesalite still caps retention at 168 hours (Kinesis: 8760) and says so
        // as a validation error.
        COMPARE_ERROR(tooLong, ErrorType::Validation,
                      u"1 validation error detected: Value '9000' at 'retentionPeriodHours' failed "
                      "to satisfy constraint: Member must have value less than or equal to 168"_s);
        return;
    }
    COMPARE_ERROR(tooLong, ErrorType::InvalidArgument,
                  u"Maximum allowed retention period is 8760 hours. Requested retention period "
                  "(9000 hours) is too long."_s);
}

void TestBackendConformance::errorsKeepTypeAndMessage()
{
    const QString missing = uniqueName(u"missing"_s);
    COMPARE_ERROR(await(backend().describeStreamSummary(StreamTarget::byName(missing))),
                  ErrorType::ResourceNotFound,
                  u"Stream "_s + missing + u" under account "_s + kAccount + u" not found."_s);
    PutRecordRequest put;
    put.target = StreamTarget::byName(missing);
    put.data = "x";
    put.partitionKey = u"k"_s;
    COMPARE_ERROR(await(backend().putRecord(put)), ErrorType::ResourceNotFound,
                  u"Stream "_s + missing + u" under account "_s + kAccount + u" not found."_s);

    const QString name = uniqueName(u"errors"_s);
    QVERIFY(createActive(name, 1));
    COMPARE_ERROR(await(backend().createStream(CreateStreamRequest{name, 1, {}, {}, {}})),
                  ErrorType::ResourceInUse,
                  u"Stream "_s + name + u" under account "_s + kAccount + u" already exists."_s);
    COMPARE_ERROR(await(backend().createStream(CreateStreamRequest{uniqueName(u"zero"_s), 0, {}, {}, {}})),
                  ErrorType::Validation,
                  u"1 validation error detected: Value '0' at 'shardCount' failed to satisfy "
                  "constraint: Member must have value greater than or equal to 1"_s);

    GetShardIteratorRequest request;
    request.target = StreamTarget::byName(name);
    request.shardId = u"shardId-000000000009"_s;
    request.shardIteratorType = ShardIteratorType::TrimHorizon;
    COMPARE_ERROR(await(backend().getShardIterator(request)), ErrorType::ResourceNotFound,
                  u"Shard shardId-000000000009 in stream "_s + name + u" under account "_s +
                      kAccount + u" does not exist"_s);

    put.target = StreamTarget::byName(name);
    put.partitionKey = QString();
    const auto noKey = await(backend().putRecord(put));
    VERIFY_ERROR(noKey, ErrorType::Validation);
    QVERIFY2(noKey.error().message.contains(u"'partitionKey' failed to satisfy constraint: Member must not be null"_s),
             qPrintable(noKey.error().message));
}

void TestBackendConformance::readOnlyRefusesWrites()
{
    const QString name = uniqueName(u"guarded"_s);
    QVERIFY(createActive(name, 1));
    StreamBackend &guarded = readOnlyBackend();
    QVERIFY(guarded.isReadOnly());
    QVERIFY(!backend().isReadOnly());
    QList<BackendCall> finished;
    const QObject scope;
    connect(&guarded, &StreamBackend::callFinished, &scope,
            [&finished](const BackendCall &call) { finished.append(call); });

    const QString refusal = u"The connection "_s + guarded.displayName() + u" is read-only."_s;
    COMPARE_ERROR(await(guarded.createStream(CreateStreamRequest{uniqueName(u"never"_s), 1, {}, {}, {}})),
                  ErrorType::AccessDenied, refusal);
    COMPARE_ERROR(await(guarded.deleteStream(DeleteStreamRequest{StreamTarget::byName(name), false})),
                  ErrorType::AccessDenied, refusal);
    PutRecordRequest put;
    put.target = StreamTarget::byName(name);
    put.data = "x";
    put.partitionKey = u"k"_s;
    COMPARE_ERROR(await(guarded.putRecord(put)), ErrorType::AccessDenied, refusal);
    COMPARE_ERROR(await(guarded.splitShard(SplitShardRequest{StreamTarget::byName(name), u"shardId-000000000000"_s, u"5"_s})),
                  ErrorType::AccessDenied, refusal);
    COMPARE_ERROR(await(guarded.addTagsToStream(AddTagsToStreamRequest{StreamTarget::byName(name), {{u"a"_s, u"b"_s}}})),
                  ErrorType::AccessDenied, refusal);
    COMPARE_ERROR(await(guarded.increaseStreamRetentionPeriod(RetentionPeriodRequest{StreamTarget::byName(name), 48})),
                  ErrorType::AccessDenied, refusal);

    // Reads work, and nothing was changed.
    const auto summary = await(guarded.describeStreamSummary(StreamTarget::byName(name)));
    VERIFY_OK(summary);
    QCOMPARE(summary->openShardCount, 1);
    QCOMPARE(summary->retentionPeriodHours, 24);
    QCOMPARE(readShard(name, u"shardId-000000000000"_s).size(), 0);
    QTRY_COMPARE(finished.size(), 7);
    for (int i = 0; i < 6; ++i)
        QCOMPARE(finished[i].error.value_or(Error{}).type, ErrorType::AccessDenied);
    QVERIFY(!finished[6].error);
}

void TestBackendConformance::activityIsReported()
{
    QList<BackendCall> started;
    QList<BackendCall> finished;
    const QObject scope;
    connect(&backend(), &StreamBackend::callStarted, &scope,
            [&started](const BackendCall &call) { started.append(call); });
    connect(&backend(), &StreamBackend::callFinished, &scope,
            [&finished](const BackendCall &call) { finished.append(call); });
    const QString missing = uniqueName(u"absent"_s);
    VERIFY_ERROR(await(backend().describeStreamSummary(StreamTarget::byName(missing))),
                 ErrorType::ResourceNotFound);
    VERIFY_OK(await(backend().listStreams({})));
    QTRY_COMPARE(finished.size(), 2);
    QCOMPARE(started.size(), 2);
    QCOMPARE(started[0].operation, u"DescribeStreamSummary"_s);
    QCOMPARE(started[0].target, missing);
    QCOMPARE(finished[0].id, started[0].id);
    QVERIFY(finished[0].error.has_value());
    QCOMPARE(finished[0].error->type, ErrorType::ResourceNotFound);
    QVERIFY(finished[0].durationMs >= 0);
    QCOMPARE(started[1].operation, u"ListStreams"_s);
    QVERIFY(!finished[1].error);
    QVERIFY(started[0].id != started[1].id);
}

void TestBackendConformance::deleteStream()
{
    const QString name = uniqueName(u"doomed"_s);
    QVERIFY(createActive(name, 1));
    VERIFY_OK(await(backend().deleteStream(DeleteStreamRequest{StreamTarget::byName(name), false})));
    QDeadlineTimer deadline(15000);
    std::expected<StreamDescriptionSummary, Error> summary;
    do {
        summary = await(backend().describeStreamSummary(StreamTarget::byName(name)));
        if (!summary)
            break;
        QCOMPARE(summary->streamStatus, StreamStatus::Deleting);
        QTest::qWait(20);
    } while (!deadline.hasExpired());
    VERIFY_ERROR(summary, ErrorType::ResourceNotFound);
    const auto streams = await(backend().listAllStreams());
    VERIFY_OK(streams);
    for (const StreamSummary &s : *streams)
        QVERIFY(s.streamName != name);
}

void TestBackendConformance::describeLimits()
{
    const auto limits = await(backend().describeLimits());
    if (target() == Target::Kinesalite) {
        // Difference: kinesalite 3.3.3 does not implement DescribeLimits.
        VERIFY_ERROR(limits, ErrorType::UnknownOperation);
        return;
    }
    VERIFY_OK(limits);
    QCOMPARE(limits->shardLimit, 500);
    QVERIFY(limits->openShardCount > 0);
    QCOMPARE(limits->onDemandStreamCountLimit, 50);
}

void TestBackendConformance::kmsKeys()
{
    const QString alias = u"alias/"_s + uniqueName(u"conformance"_s);
    StreamBackend &guarded = readOnlyBackend();
    // Refused before anything is sent, on every target.
    COMPARE_ERROR(await(guarded.createKmsKey(u"never"_s, alias)), ErrorType::AccessDenied,
                  u"The connection "_s + guarded.displayName() + u" is read-only."_s);

    if (target() != Target::Emulator) {
        // Difference: our --serve endpoint and kinesalite implement Kinesis only, not KMS
        // (TrentService); AWS and LocalStack answer these at the same endpoint.
        const QString notOffered = backend().location() + u" does not offer AWS KMS (TrentService."_s;
        const QString advice = u" is unknown there): enter the key's ARN or alias instead."_s;
        COMPARE_ERROR(await(backend().listKmsKeys()), ErrorType::UnknownOperation,
                      notOffered + u"ListKeys"_s + advice);
        COMPARE_ERROR(await(backend().createKmsKey(u"Conformance"_s, alias)),
                      ErrorType::UnknownOperation, notOffered + u"DescribeKey"_s + advice);
        // Kinesis calls on the same connection are unaffected.
        VERIFY_OK(await(backend().listStreams({})));
        return;
    }

    auto keys = await(backend().listKmsKeys());
    VERIFY_OK(keys);
    const auto hasAlias = [](const QList<KmsKeyInfo> &list, const QString &name) {
        return std::find_if(list.cbegin(), list.cend(), [&name](const KmsKeyInfo &info) {
            return info.aliases.contains(name);
        });
    };
    const auto kinesis = hasAlias(*keys, kDefaultKmsAlias);
    QVERIFY(kinesis != keys->cend());
    QVERIFY(kinesis->key.awsManaged);

    const auto created = await(backend().createKmsKey(u"Conformance"_s, alias));
    VERIFY_OK(created);
    QCOMPARE(created->aliases, QStringList{alias});
    QCOMPARE(created->key.description, u"Conformance"_s);
    QCOMPARE(created->key.state, KmsKeyState::Enabled);
    QVERIFY(!created->key.awsManaged);
    keys = await(backend().listKmsKeys());
    VERIFY_OK(keys);
    const auto listed = hasAlias(*keys, alias);
    QVERIFY(listed != keys->cend());
    QCOMPARE(listed->key.keyId, created->key.keyId);

    VERIFY_ERROR(await(backend().createKmsKey(u"Again"_s, alias)), ErrorType::ResourceInUse);
    VERIFY_ERROR(await(backend().createKmsKey(u"Reserved"_s, u"alias/aws/mine"_s)),
                 ErrorType::InvalidArgument);
}


// The control plane through each backend: enhanced monitoring as DescribeStreamSummary then
// reports it, resource policies stored verbatim, the account settings, and the read-only guard.
void TestBackendConformance::controlPlane()
{
    const QString name = uniqueName(u"control"_s);
    QVERIFY(createActive(name, 1));
    const QString arn = u"arn:aws:kinesis:"_s + kRegion + u':' + kAccount + u":stream/"_s + name;
    const QString policy =
        uR"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*",)"
        uR"("Action":"kinesis:DescribeStreamSummary","Resource":"*"}]})"_s;
    if (target() == Target::Kinesalite) {
        // Difference: kinesalite 3.3.3 implements none of the resource policy or account
        // settings operations.
        VERIFY_ERROR(await(backend().getResourcePolicy(ResourcePolicyTarget{arn})),
                     ErrorType::UnknownOperation);
        VERIFY_ERROR(await(backend().describeAccountSettings()), ErrorType::UnknownOperation);
        return;
    }
    const auto enabled = await(backend().enableEnhancedMonitoring(
        EnhancedMonitoringRequest{StreamTarget::byName(name), {u"ALL"_s}}));
    VERIFY_OK(enabled);
    QCOMPARE(enabled->desiredShardLevelMetrics, allShardLevelMetrics());
    QVERIFY(waitActive(name));
    const auto summary = await(backend().describeStreamSummary(StreamTarget::byName(name)));
    VERIFY_OK(summary);
    QCOMPARE(summary->shardLevelMetrics, allShardLevelMetrics());
    const auto disabled = await(backend().disableEnhancedMonitoring(
        EnhancedMonitoringRequest{StreamTarget::byArn(arn), {u"ALL"_s}}));
    VERIFY_OK(disabled);
    QCOMPARE(disabled->desiredShardLevelMetrics, QStringList());
    QVERIFY(waitActive(name));

    VERIFY_OK(await(backend().putResourcePolicy(PutResourcePolicyRequest{arn, policy})));
    const auto got = await(backend().getResourcePolicy(ResourcePolicyTarget{arn}));
    VERIFY_OK(got);
    QCOMPARE(got->policy, policy);
    COMPARE_ERROR(await(backend().putResourcePolicy(PutResourcePolicyRequest{arn, u"[]"_s})),
                  ErrorType::InvalidArgument,
                  u"Invalid policy document: The policy must be a JSON object."_s);
    VERIFY_OK(await(backend().deleteResourcePolicy(ResourcePolicyTarget{arn})));
    QCOMPARE(await(backend().getResourcePolicy(ResourcePolicyTarget{arn}))->policy, u"{}"_s);

    const auto settings = await(backend().describeAccountSettings());
    VERIFY_OK(settings);
    QVERIFY(settings->minimumThroughputBillingCommitment.has_value());

    StreamBackend &guarded = readOnlyBackend();
    COMPARE_ERROR(await(guarded.putResourcePolicy(PutResourcePolicyRequest{arn, policy})),
                  ErrorType::AccessDenied,
                  u"The connection "_s + guarded.displayName() + u" is read-only."_s);
    COMPARE_ERROR(await(guarded.updateAccountSettings(
                      UpdateAccountSettingsRequest{BillingCommitmentStatus::Enabled})),
                  ErrorType::AccessDenied,
                  u"The connection "_s + guarded.displayName() + u" is read-only."_s);
}

QTEST_GUILESS_MAIN(TestBackendConformance)
#include "tst_backendconformance.moc"
