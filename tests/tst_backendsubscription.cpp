// SubscribeToShard through StreamBackend: one set of checks, run for each target (the global
// data rows):
//   emulator - EmulatorBackend over an engine in a temporary directory, in process;
//   h2c      - AwsBackend -> a `shardscope --serve --require-auth` child process over cleartext
//              HTTP/2 with prior knowledge, every request SigV4-signed and verified;
//   h2       - the same over `--serve --tls`, HTTP/2 chosen by ALPN, the server's self-signed
//              certificate trusted through the CA file it prints.
// The expectations are Kinesis's: events in order with ContinuationSequenceNumber and
// MillisBehindLatest, records put while subscribed well before the 5-second heartbeat, the
// 5-second rule, the end of a closed shard, deregistration and cancellation.

#include "backend/awsbackend.h"
#include "backend/awssubscription.h"
#include "backend/emulatorbackend.h"
#include "backendtesthelpers.h"
#include "engine/engine.h"
#include "expectedassert.h"
#include "kinesis/hashkey.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace shardscope;
using namespace shardscope::testing;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

enum class Target { Emulator, H2c, H2 };
constexpr int kTargets = 3;
// A little over the second SubscribeToShard asks between calls for one consumer and shard.
constexpr int kCallIntervalMs = 1100;

// Everything a subscription emitted, in order.
class Recorder final : public QObject
{
public:
    explicit Recorder(BackendSubscription &subscription)
    {
        connect(&subscription, &BackendSubscription::opened, this,
                [this] { signalNames.append(u"opened"_s); });
        connect(&subscription, &BackendSubscription::eventReceived, this,
                [this](const SubscribeToShardEvent &event) {
                    signalNames.append(u"event"_s);
                    events.append(event);
                    for (const Record &record : event.records)
                        data.append(QString::fromUtf8(record.data));
                });
        connect(&subscription, &BackendSubscription::failed, this, [this](const Error &e) {
            signalNames.append(u"failed"_s);
            error = e;
        });
        connect(&subscription, &BackendSubscription::finished, this,
                [this] { signalNames.append(u"finished"_s); });
    }

    bool opened() const { return signalNames.contains(u"opened"_s); }
    bool finished() const { return signalNames.contains(u"finished"_s); }
    QString errorType() const { return error ? error->typeName() : QString(); }

    QStringList signalNames;
    QList<SubscribeToShardEvent> events;
    QStringList data; // the records' payloads, in the order delivered
    std::optional<Error> error;
};

struct Subscription
{
    std::unique_ptr<BackendSubscription> subscription;
    std::unique_ptr<Recorder> recorder;
    Recorder *operator->() const { return recorder.get(); }
};

StartingPosition at(ShardIteratorType type, std::optional<QString> sequenceNumber = {})
{
    return StartingPosition{type, std::move(sequenceNumber), {}};
}

const QString kShard0 = u"shardId-000000000000"_s;

} // namespace

Q_DECLARE_METATYPE(Target)

class TestBackendSubscription final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data();
    void initTestCase();
    void cleanupTestCase();

    void consumerCalls();
    void recordsBeforeAndWhileSubscribed();
    void secondSubscriptionWithinFiveSeconds();
    void deregisterEndsSubscription();
    void closedShardEndsWithChildShards();
    void cancelBeforeOpened();
    void destroyingCancels();
    void unknownConsumerFailsCleanly();
    void backendDestroyedEndsSubscription();
    void unreachableEndpointFailsReadably();

private:
    Target target() const;
    StreamBackend &backend() const;
    StreamBackend &readOnlyBackend() const;
    // Creates an ACTIVE stream; its ARN.
    QString createStream(const QString &base, int shards);
    // Registers a consumer and waits until it is ACTIVE; its ARN.
    QString activeConsumer(const QString &streamArn, const QString &name);
    bool put(const QString &streamArn, const QStringList &data);
    Subscription subscribe(const QString &consumerArn, const QString &shardId,
                           StartingPosition position, StreamBackend *on = nullptr);

    // A `shardscope --serve` child process: its URL (and certificate file, with `--tls`).
    struct Served
    {
        QUrl url;
        QString certificate;
    };
    std::expected<Served, QString> serve(QProcess &process, bool tls);
    std::unique_ptr<AwsBackend> awsBackend(Target target, const QString &name, bool readOnly) const;

    QTemporaryDir m_dir;
    std::unique_ptr<Engine> m_engine;
    QProcess m_cleartext;
    QProcess m_tls;
    Served m_served[kTargets];
    std::unique_ptr<StreamBackend> m_backends[kTargets];
    std::unique_ptr<StreamBackend> m_readOnly[kTargets];
    int m_counter = 0;
};

void TestBackendSubscription::initTestCase_data()
{
    QTest::addColumn<Target>("target");
    QTest::newRow("emulator") << Target::Emulator;
    QTest::newRow("h2c") << Target::H2c;
    QTest::newRow("h2") << Target::H2;
}

std::expected<TestBackendSubscription::Served, QString>
TestBackendSubscription::serve(QProcess &process, bool tls)
{
    QStringList arguments{u"--serve"_s,     u"--port"_s,        u"0"_s,
                          u"--in-memory"_s, u"--delay-ms"_s,    u"0"_s,
                          u"--require-auth"_s, u"--access-key"_s, u"AKIDTEST:secret"_s};
    if (tls)
        arguments.append(u"--tls"_s);
    process.setProgram(QStringLiteral(SHARDSCOPE_BINARY));
    process.setArguments(arguments);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start();
    if (!process.waitForStarted())
        return std::unexpected(u"shardscope could not be started: "_s + process.errorString());
    const QRegularExpression url(u"serving Kinesis at (https?://[0-9.]+:\\d+)"_s);
    const QRegularExpression certificate(u"^TLS certificate: (\\S+)"_s,
                                         QRegularExpression::MultilineOption);
    QByteArray output;
    const auto complete = [&] {
        const QString text = QString::fromUtf8(output);
        return url.match(text).hasMatch() && (!tls || certificate.match(text).hasMatch());
    };
    while (!complete() && process.waitForReadyRead(20000))
        output += process.readAllStandardOutput();
    if (!complete())
        return std::unexpected(u"shardscope printed no URL: "_s + QString::fromUtf8(output));
    const QString text = QString::fromUtf8(output);
    return Served{QUrl(url.match(text).captured(1)),
                  tls ? certificate.match(text).captured(1) : QString()};
}

std::unique_ptr<AwsBackend> TestBackendSubscription::awsBackend(Target target, const QString &name,
                                                                bool readOnly) const
{
    const Served &served = m_served[static_cast<int>(target)];
    AwsBackendOptions options;
    options.displayName = name;
    options.region = u"us-east-1"_s;
    options.endpoint = served.url;
    options.caCertificateFile = served.certificate;
    options.staticCredentials = AwsCredentials{u"AKIDTEST"_s, u"secret"_s, {}};
    options.readOnly = readOnly;
    options.retryBaseDelay = 10ms;
    options.throttlingBaseDelay = 10ms;
    options.maxRetries = 2;
    return std::make_unique<AwsBackend>(options);
}

void TestBackendSubscription::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_engine = openEngine(m_dir);
    QVERIFY(m_engine);
    EmulatorBackendOptions options;
    options.displayName = u"emulator"_s;
    m_backends[0] = std::make_unique<EmulatorBackend>(*m_engine, options);
    options.displayName = u"read-only emulator"_s;
    options.readOnly = true;
    m_readOnly[0] = std::make_unique<EmulatorBackend>(*m_engine, options);

    const auto cleartext = serve(m_cleartext, false);
    QVERIFY2(cleartext, cleartext ? "" : qPrintable(cleartext.error()));
    QCOMPARE(cleartext->url.scheme(), u"http"_s);
    m_served[static_cast<int>(Target::H2c)] = *cleartext;
    const auto tls = serve(m_tls, true);
    QVERIFY2(tls, tls ? "" : qPrintable(tls.error()));
    QCOMPARE(tls->url.scheme(), u"https"_s);
    m_served[static_cast<int>(Target::H2)] = *tls;
    for (const Target target : {Target::H2c, Target::H2}) {
        const int index = static_cast<int>(target);
        m_backends[index] = awsBackend(target, u"serve"_s, false);
        m_readOnly[index] = awsBackend(target, u"read-only serve"_s, true);
    }
}

void TestBackendSubscription::cleanupTestCase()
{
    for (auto &backend : m_backends)
        backend.reset();
    for (auto &backend : m_readOnly)
        backend.reset();
    m_engine.reset();
    for (QProcess *process : {&m_cleartext, &m_tls}) {
        if (process->state() == QProcess::NotRunning)
            continue;
        process->terminate();
        QVERIFY(process->waitForFinished(10000));
        QCOMPARE(process->exitStatus(), QProcess::NormalExit);
        QCOMPARE(process->exitCode(), 0);
    }
}

Target TestBackendSubscription::target() const
{
    QFETCH_GLOBAL(Target, target);
    return target;
}

StreamBackend &TestBackendSubscription::backend() const
{
    return *m_backends[static_cast<int>(target())];
}

StreamBackend &TestBackendSubscription::readOnlyBackend() const
{
    return *m_readOnly[static_cast<int>(target())];
}

QString TestBackendSubscription::createStream(const QString &base, int shards)
{
    const QString name = base + u'-' + QString::number(++m_counter);
    const auto created = await(backend().createStream(CreateStreamRequest{name, shards, {}, {}, {}}));
    if (!created) {
        qWarning().noquote() << describe(created);
        return {};
    }
    QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired()) {
        const auto summary = await(backend().describeStreamSummary(StreamTarget::byName(name)));
        if (summary && summary->streamStatus == StreamStatus::Active)
            return summary->streamArn;
        QTest::qWait(20);
    }
    return {};
}

QString TestBackendSubscription::activeConsumer(const QString &streamArn, const QString &name)
{
    const auto registered =
        await(backend().registerStreamConsumer(RegisterStreamConsumerRequest{streamArn, name, {}}));
    if (!registered) {
        qWarning().noquote() << describe(registered);
        return {};
    }
    QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired()) {
        const auto described =
            await(backend().describeStreamConsumer(ConsumerTarget::byArn(registered->consumerArn)));
        if (described && described->consumerStatus == ConsumerStatus::Active)
            return described->consumerArn;
        QTest::qWait(20);
    }
    return {};
}

bool TestBackendSubscription::put(const QString &streamArn, const QStringList &data)
{
    for (const QString &text : data) {
        PutRecordRequest request;
        request.target = StreamTarget::byArn(streamArn);
        request.data = text.toUtf8();
        request.partitionKey = u"key"_s;
        const auto put = await(backend().putRecord(request));
        if (!put) {
            qWarning().noquote() << describe(put);
            return false;
        }
    }
    return true;
}

Subscription TestBackendSubscription::subscribe(const QString &consumerArn, const QString &shardId,
                                                StartingPosition position, StreamBackend *on)
{
    StreamBackend &through = on ? *on : backend();
    Subscription result;
    result.subscription.reset(
        through.subscribeToShard(SubscribeToShardRequest{consumerArn, shardId, std::move(position)}));
    result.recorder = std::make_unique<Recorder>(*result.subscription);
    return result;
}

// ---------------------------------------------------------------------------------------------

void TestBackendSubscription::consumerCalls()
{
    const QString streamArn = createStream(u"consumers"_s, 1);
    QVERIFY(!streamArn.isEmpty());

    const auto registered =
        await(backend().registerStreamConsumer(RegisterStreamConsumerRequest{streamArn, u"reader"_s, {}}));
    VERIFY_OK(registered);
    QCOMPARE(registered->consumerName, u"reader"_s);
    QVERIFY(registered->consumerArn.startsWith(streamArn + u"/consumer/reader:"_s));

    const auto byName =
        await(backend().describeStreamConsumer(ConsumerTarget::byName(streamArn, u"reader"_s)));
    VERIFY_OK(byName);
    QCOMPARE(byName->consumerArn, registered->consumerArn);
    QCOMPARE(byName->streamArn, streamArn);

    COMPARE_ERROR(await(readOnlyBackend().registerStreamConsumer(
                      RegisterStreamConsumerRequest{streamArn, u"refused"_s, {}})),
                  ErrorType::AccessDenied,
                  u"The connection %1 is read-only."_s.arg(readOnlyBackend().displayName()));
    VERIFY_ERROR(await(readOnlyBackend().deregisterStreamConsumer(
                     ConsumerTarget::byArn(registered->consumerArn))),
                 ErrorType::AccessDenied);
    VERIFY_ERROR(await(backend().registerStreamConsumer(
                     RegisterStreamConsumerRequest{streamArn, u"reader"_s, {}})),
                 ErrorType::ResourceInUse);

    VERIFY_OK(await(backend().deregisterStreamConsumer(ConsumerTarget::byArn(registered->consumerArn))));
    QTRY_VERIFY_WITH_TIMEOUT(!await(backend().describeStreamConsumer(
                                         ConsumerTarget::byArn(registered->consumerArn)))
                                  .has_value(),
                             10000);
    VERIFY_ERROR(await(backend().describeStreamConsumer(ConsumerTarget::byArn(registered->consumerArn))),
                 ErrorType::ResourceNotFound);
}

void TestBackendSubscription::recordsBeforeAndWhileSubscribed()
{
    const QString streamArn = createStream(u"live"_s, 1);
    QVERIFY(!streamArn.isEmpty());
    QVERIFY(put(streamArn, {u"before-0"_s, u"before-1"_s, u"before-2"_s}));
    const QString consumerArn = activeConsumer(streamArn, u"live-reader"_s);
    QVERIFY(!consumerArn.isEmpty());

    QSignalSpy started(&backend(), &StreamBackend::callStarted);
    QSignalSpy ended(&backend(), &StreamBackend::callFinished);
    Subscription first = subscribe(consumerArn, kShard0, at(ShardIteratorType::TrimHorizon));
    QTRY_VERIFY_WITH_TIMEOUT(first->opened(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(first->data.size(), 3, 10000);
    QCOMPARE(first->data, (QStringList{u"before-0"_s, u"before-1"_s, u"before-2"_s}));
    QCOMPARE(first->signalNames.constFirst(), u"opened"_s);
    if (target() != Target::Emulator) {
        // AWS serves SubscribeToShard over HTTP/2 only: h2c here, h2 by ALPN over TLS.
        const auto *aws = qobject_cast<AwsSubscription *>(first.subscription.get());
        QVERIFY(aws);
        QCOMPARE(aws->usedHttp2(), std::optional<bool>(true));
    }

    // The call is in the activity dock, and still running.
    quint64 callId = 0;
    for (const QList<QVariant> &arguments : std::as_const(started)) {
        const auto call = arguments.at(0).value<BackendCall>();
        if (call.operation == u"SubscribeToShard"_s) {
            callId = call.id;
            QCOMPARE(call.target,
                     streamArn.section(u'/', 1) + u"/shardId-000000000000 (live-reader)"_s);
        }
    }
    QVERIFY(callId != 0);
    const auto callEnded = [&] {
        for (const QList<QVariant> &arguments : std::as_const(ended)) {
            if (arguments.at(0).value<BackendCall>().id == callId)
                return true;
        }
        return false;
    };
    QVERIFY(!callEnded());

    // Records put while subscribed arrive well before the 5-second heartbeat.
    QElapsedTimer latency;
    latency.start();
    QVERIFY(put(streamArn, {u"during-0"_s, u"during-1"_s}));
    QTRY_COMPARE_WITH_TIMEOUT(first->data.size(), 5, 10000);
    const qint64 latencyMs = latency.elapsed();
    qInfo().noquote() << "records put while subscribed arrived after" << latencyMs << "ms";
    QVERIFY2(latencyMs < 4000, qPrintable(u"%1 ms"_s.arg(latencyMs)));
    QCOMPARE(first->data.mid(3), (QStringList{u"during-0"_s, u"during-1"_s}));

    for (const SubscribeToShardEvent &event : std::as_const(first->events)) {
        QVERIFY(event.continuationSequenceNumber.has_value());
        QVERIFY(SequenceNumber::matchesWirePattern(*event.continuationSequenceNumber));
        QVERIFY(event.millisBehindLatest >= 0);
        QVERIFY(!event.childShards.has_value());
        if (!event.records.isEmpty())
            QCOMPARE(*event.continuationSequenceNumber,
                     event.records.constLast().sequenceNumber.toString());
    }
    const QString continuation = *first->events.constLast().continuationSequenceNumber;

    // Cancelled: not one signal more, and the call ends in the activity dock.
    const QStringList signalsBefore = first->signalNames;
    first.subscription->cancel();
    QVERIFY(callEnded());
    QVERIFY(put(streamArn, {u"after-0"_s}));
    QTest::qWait(700);
    QCOMPARE(first->signalNames, signalsBefore);
    QVERIFY(first.subscription->isFinished());

    // SubscribeToShard allows one call a second per consumer and shard.
    QTest::qWait(kCallIntervalMs);
    // Going on from the continuation loses and repeats nothing.
    Subscription next = subscribe(consumerArn, kShard0,
                                  at(ShardIteratorType::AfterSequenceNumber, continuation));
    QTRY_VERIFY_WITH_TIMEOUT(next->opened() || next->finished(), 10000);
    QVERIFY2(!next->error, qPrintable(next->errorType()));
    QTRY_COMPARE_WITH_TIMEOUT(next->data.size(), 1, 10000);
    QVERIFY(put(streamArn, {u"after-1"_s}));
    QTRY_COMPARE_WITH_TIMEOUT(next->data.size(), 2, 10000);
    QCOMPARE(next->data, (QStringList{u"after-0"_s, u"after-1"_s}));
    QVERIFY(!next->finished());
}

void TestBackendSubscription::secondSubscriptionWithinFiveSeconds()
{
    const QString streamArn = createStream(u"twice"_s, 1);
    QVERIFY(!streamArn.isEmpty());
    const QString consumerArn = activeConsumer(streamArn, u"twice-reader"_s);
    QVERIFY(!consumerArn.isEmpty());

    Subscription first = subscribe(consumerArn, kShard0, at(ShardIteratorType::Latest));
    QTRY_VERIFY_WITH_TIMEOUT(first->opened(), 10000);
    Subscription second = subscribe(consumerArn, kShard0, at(ShardIteratorType::Latest));
    QTRY_VERIFY_WITH_TIMEOUT(second->finished(), 10000);
    QCOMPARE(second->signalNames, (QStringList{u"failed"_s, u"finished"_s}));
    QCOMPARE(second->errorType(), typeNameOf(ErrorType::ResourceInUse));
    QVERIFY2(second->error->message.startsWith(u"Another active subscription exists for this consumer"_s),
             qPrintable(second->error->message));
    QVERIFY(!second.subscription->isOpen());

    // The first goes on.
    QVERIFY(put(streamArn, {u"still"_s}));
    QTRY_COMPARE_WITH_TIMEOUT(first->data, QStringList{u"still"_s}, 10000);
    QVERIFY(!first->finished());
    QVERIFY(first.subscription->isOpen());
}

void TestBackendSubscription::deregisterEndsSubscription()
{
    const QString streamArn = createStream(u"gone"_s, 1);
    QVERIFY(!streamArn.isEmpty());
    const QString consumerArn = activeConsumer(streamArn, u"gone-reader"_s);
    QVERIFY(!consumerArn.isEmpty());

    Subscription live = subscribe(consumerArn, kShard0, at(ShardIteratorType::TrimHorizon));
    QTRY_VERIFY_WITH_TIMEOUT(!live->events.isEmpty(), 10000);
    VERIFY_OK(await(backend().deregisterStreamConsumer(ConsumerTarget::byArn(consumerArn))));
    // At the latest when the subscription's heartbeat is due.
    QTRY_VERIFY_WITH_TIMEOUT(live->finished(), 12000);
    QCOMPARE(live->errorType(), typeNameOf(ErrorType::ResourceNotFound));
    QCOMPARE(live->signalNames.mid(live->signalNames.size() - 2),
             (QStringList{u"failed"_s, u"finished"_s}));
    QVERIFY(live.subscription->isFinished());
}

void TestBackendSubscription::closedShardEndsWithChildShards()
{
    const QString streamArn = createStream(u"split"_s, 1);
    QVERIFY(!streamArn.isEmpty());
    QVERIFY(put(streamArn, {u"one"_s, u"two"_s}));
    const QString consumerArn = activeConsumer(streamArn, u"split-reader"_s);
    QVERIFY(!consumerArn.isEmpty());

    Subscription live = subscribe(consumerArn, kShard0, at(ShardIteratorType::TrimHorizon));
    QTRY_COMPARE_WITH_TIMEOUT(live->data.size(), 2, 10000);
    const HashKey half{uint128(1) << 127};
    VERIFY_OK(await(backend().splitShard(
        SplitShardRequest{StreamTarget::byArn(streamArn), kShard0, half.toDecimal()})));
    QTRY_VERIFY_WITH_TIMEOUT(live->finished(), 12000);
    QVERIFY2(!live->error, qPrintable(live->errorType()));
    QCOMPARE(live->signalNames.constLast(), u"finished"_s);
    QCOMPARE(live->data, (QStringList{u"one"_s, u"two"_s}));

    const SubscribeToShardEvent &last = live->events.constLast();
    QVERIFY(!last.continuationSequenceNumber.has_value());
    QVERIFY(last.records.isEmpty());
    QVERIFY(last.childShards.has_value());
    QCOMPARE(last.childShards->size(), 2);
    QCOMPARE(last.childShards->at(0).shardId, u"shardId-000000000001"_s);
    QCOMPARE(last.childShards->at(1).shardId, u"shardId-000000000002"_s);
    for (const ChildShard &child : *last.childShards)
        QCOMPARE(child.parentShards, QStringList{kShard0});
    for (qsizetype i = 0; i + 1 < live->events.size(); ++i)
        QVERIFY(live->events.at(i).continuationSequenceNumber.has_value());
}

void TestBackendSubscription::cancelBeforeOpened()
{
    const QString streamArn = createStream(u"cancel"_s, 1);
    QVERIFY(!streamArn.isEmpty());
    QVERIFY(put(streamArn, {u"unread"_s}));
    const QString consumerArn = activeConsumer(streamArn, u"cancel-reader"_s);
    QVERIFY(!consumerArn.isEmpty());

    Subscription cancelled = subscribe(consumerArn, kShard0, at(ShardIteratorType::TrimHorizon));
    cancelled.subscription->cancel();
    cancelled.subscription->cancel(); // twice is fine
    QTest::qWait(700);
    QCOMPARE(cancelled->signalNames, QStringList());
    QVERIFY(cancelled.subscription->isFinished());

    // SubscribeToShard allows one call a second per consumer and shard.
    QTest::qWait(kCallIntervalMs);
    // What the service had opened ended with it: a new subscription is not "in use".
    Subscription next = subscribe(consumerArn, kShard0, at(ShardIteratorType::TrimHorizon));
    QTRY_COMPARE_WITH_TIMEOUT(next->data, QStringList{u"unread"_s}, 10000);
    QVERIFY(!next->error);
}

void TestBackendSubscription::destroyingCancels()
{
    const QString streamArn = createStream(u"destroy"_s, 1);
    QVERIFY(!streamArn.isEmpty());
    const QString consumerArn = activeConsumer(streamArn, u"destroy-reader"_s);
    QVERIFY(!consumerArn.isEmpty());

    QSignalSpy ended(&backend(), &StreamBackend::callFinished);
    Subscription first = subscribe(consumerArn, kShard0, at(ShardIteratorType::Latest));
    QTRY_VERIFY_WITH_TIMEOUT(first->opened(), 10000);
    first.subscription.reset();
    QTRY_VERIFY(std::any_of(ended.cbegin(), ended.cend(), [](const QList<QVariant> &arguments) {
        return arguments.at(0).value<BackendCall>().operation == u"SubscribeToShard"_s;
    }));

    // SubscribeToShard allows one call a second per consumer and shard.
    QTest::qWait(kCallIntervalMs);
    Subscription second = subscribe(consumerArn, kShard0, at(ShardIteratorType::Latest));
    QTRY_VERIFY_WITH_TIMEOUT(second->opened() || second->finished(), 10000);
    QVERIFY2(!second->error, qPrintable(second->errorType()));
}

void TestBackendSubscription::unknownConsumerFailsCleanly()
{
    const QString streamArn = createStream(u"unknown"_s, 1);
    QVERIFY(!streamArn.isEmpty());

    QSignalSpy ended(&backend(), &StreamBackend::callFinished);
    Subscription ghost = subscribe(streamArn + u"/consumer/ghost:1700000000"_s, kShard0,
                                   at(ShardIteratorType::Latest));
    QTRY_VERIFY_WITH_TIMEOUT(ghost->finished(), 10000);
    QCOMPARE(ghost->signalNames, (QStringList{u"failed"_s, u"finished"_s}));
    QCOMPARE(ghost->errorType(), typeNameOf(ErrorType::ResourceNotFound));
    QVERIFY2(ghost->error->message.contains(u"ghost"_s), qPrintable(ghost->error->message));
    QTRY_VERIFY(std::any_of(ended.cbegin(), ended.cend(), [](const QList<QVariant> &arguments) {
        const auto call = arguments.at(0).value<BackendCall>();
        return call.operation == u"SubscribeToShard"_s && call.error &&
               call.error->type == ErrorType::ResourceNotFound;
    }));

    Subscription malformed = subscribe(u"not-an-arn"_s, kShard0, at(ShardIteratorType::Latest));
    QTRY_VERIFY_WITH_TIMEOUT(malformed->finished(), 10000);
    QCOMPARE(malformed->signalNames, (QStringList{u"failed"_s, u"finished"_s}));
    QCOMPARE(malformed->errorType(), typeNameOf(ErrorType::Validation));

    // A consumer that exists, on a shard that does not.
    const QString consumerArn = activeConsumer(streamArn, u"unknown-reader"_s);
    QVERIFY(!consumerArn.isEmpty());
    Subscription noShard = subscribe(consumerArn, u"shardId-000000000007"_s,
                                     at(ShardIteratorType::Latest));
    QTRY_VERIFY_WITH_TIMEOUT(noShard->finished(), 10000);
    QCOMPARE(noShard->errorType(), typeNameOf(ErrorType::ResourceNotFound));
}

void TestBackendSubscription::backendDestroyedEndsSubscription()
{
    const QString streamArn = createStream(u"closing"_s, 1);
    QVERIFY(!streamArn.isEmpty());
    const QString consumerArn = activeConsumer(streamArn, u"closing-reader"_s);
    QVERIFY(!consumerArn.isEmpty());

    std::unique_ptr<StreamBackend> own;
    switch (target()) {
    case Target::Emulator:
        own = std::make_unique<EmulatorBackend>(*m_engine);
        break;
    case Target::H2c:
    case Target::H2:
        own = awsBackend(target(), u"closing"_s, true);
        break;
    }
    Subscription live = subscribe(consumerArn, kShard0, at(ShardIteratorType::Latest), own.get());
    QTRY_VERIFY_WITH_TIMEOUT(live->opened(), 10000);
    own.reset();
    QTRY_VERIFY_WITH_TIMEOUT(live->finished(), 5000);
    QCOMPARE(live->errorType(), typeNameOf(ErrorType::InternalFailure));
    QVERIFY2(live->error->message.contains(u"closed"_s), qPrintable(live->error->message));
    // Nothing is left running against the backend that went: the subscription can be cancelled
    // and destroyed.
    live.subscription->cancel();
    live.subscription.reset();
}

void TestBackendSubscription::unreachableEndpointFailsReadably()
{
    if (target() == Target::Emulator)
        QSKIP("the emulator in process has no network");
    // A port nobody listens on any more.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();

    AwsBackendOptions options;
    options.displayName = u"nowhere"_s;
    options.endpoint = m_served[static_cast<int>(target())].url;
    options.endpoint.setPort(port);
    options.staticCredentials = AwsCredentials{u"AKIDTEST"_s, u"secret"_s, {}};
    AwsBackend nowhere(options);
    QSignalSpy ended(&nowhere, &StreamBackend::callFinished);
    Subscription lost =
        subscribe(u"arn:aws:kinesis:us-east-1:000000000000:stream/s/consumer/c:1700000000"_s,
                  kShard0, at(ShardIteratorType::Latest), &nowhere);
    QTRY_VERIFY_WITH_TIMEOUT(lost->finished(), 10000);
    QCOMPARE(lost->signalNames, (QStringList{u"failed"_s, u"finished"_s}));
    QCOMPARE(lost->errorType(), typeNameOf(ErrorType::InternalFailure));
    QVERIFY2(lost->error->message.startsWith(u"127.0.0.1 could not be reached: "_s),
             qPrintable(lost->error->message));
    QCOMPARE(ended.count(), 1);
    QCOMPARE(ended.at(0).at(0).value<BackendCall>().operation, u"SubscribeToShard"_s);
}

QTEST_GUILESS_MAIN(TestBackendSubscription)
#include "tst_backendsubscription.moc"
