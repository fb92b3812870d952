// TailReader against the embedded emulator: every start position, the arrival-ordered merge,
// resharding while tailing, pause, the read quota and throttling (through a forwarding backend
// that claims to be AWS), expired iterators, a deleted stream; and the PayloadSpool.
// Then over a real AwsBackend speaking the wire protocol, with SigV4-signed requests, to the
// emulator served in-process, with the emulator's own sequence numbers and with the 56-digit
// numbers AWS issues: TRIM_HORIZON on all shards, a split while tailing, AT_SEQUENCE_NUMBER on
// one shard (AWS's numbers), and AWS's 5 GetRecords per second and shard throughout.

#include "aws/sigv4.h"
#include "backend/awsbackend.h"
#include "backend/emulatorbackend.h"
#include "forwardingbackend.h"
#include "backend/futureutils.h"
#include "engine/clock.h"
#include "engine/engine.h"
#include "kinesis/sequencenumber.h"
#include "kinesis/shardid.h"
#include "records/payloadspool.h"
#include "records/tailreader.h"
#include "server/httpserver.h"
#include "server/kinesisendpoint.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using namespace shardscope;

namespace {

template<typename T>
T await(const QFuture<T> &future, int timeoutMs = 10000)
{
    QElapsedTimer timer;
    timer.start();
    while (!future.isFinished() && timer.elapsed() < timeoutMs)
        QTest::qWait(1);
    return future.result();
}

// Passes every call to the emulator, but reports itself as AWS (so the tail applies the AWS
// quota), knows which shard each GetRecords reads (for counting calls per shard), and can
// answer the next GetRecords calls with ProvisionedThroughputExceededException.
class QuotaCountingBackend final : public testing::ForwardingBackend
{
public:
    QuotaCountingBackend(StreamBackend &inner, BackendKind kind) : ForwardingBackend(inner), m_kind(kind)
    {
        // An AWS backend is never told about appends.
        if (kind != BackendKind::LocalEmulator)
            disconnect(&inner, &StreamBackend::recordsAppended, this, &StreamBackend::recordsAppended);
        m_clock.start();
    }

    void throttleNext(int calls) { m_throttle = calls; }
    // GetRecords call times (ms since construction) per shard.
    QHash<QString, QList<qint64>> calls() const
    {
        QMutexLocker lock(&m_mutex);
        return m_calls;
    }
    int throttledCalls() const { return m_throttledCalls; }

    BackendKind kind() const override { return m_kind; }

    BackendFuture<GetShardIteratorResponse> getShardIterator(const GetShardIteratorRequest &request) override
    {
        const QString shard = request.shardId;
        return m_inner.getShardIterator(request).then(
            [this, shard](const BackendResult<GetShardIteratorResponse> &result) {
                if (result)
                    remember(result->shardIterator, shard);
                return result;
            });
    }

    BackendFuture<GetRecordsResponse> getRecords(const GetRecordsRequest &request) override
    {
        QString shard;
        {
            QMutexLocker lock(&m_mutex);
            shard = m_shardOfIterator.value(request.shardIterator);
            m_calls[shard].append(m_clock.elapsed());
        }
        if (m_throttle > 0) {
            --m_throttle;
            ++m_throttledCalls;
            return QtFuture::makeReadyFuture(BackendResult<GetRecordsResponse>(std::unexpected(
                Error{ErrorType::ProvisionedThroughputExceeded, u"Rate exceeded for shard"_s})));
        }
        return m_inner.getRecords(request).then(
            [this, shard](const BackendResult<GetRecordsResponse> &result) {
                if (result && result->nextShardIterator)
                    remember(*result->nextShardIterator, shard);
                return result;
            });
    }

private:
    void remember(const QString &iterator, const QString &shard)
    {
        QMutexLocker lock(&m_mutex);
        m_shardOfIterator.insert(iterator, shard);
    }

    BackendKind m_kind;
    QElapsedTimer m_clock;
    mutable QMutex m_mutex;
    QHash<QString, QString> m_shardOfIterator;
    QHash<QString, QList<qint64>> m_calls;
    int m_throttle = 0;
    int m_throttledCalls = 0;
};

struct Put
{
    QString shardId;
    QString sequenceNumber;
    QString partitionKey;
    QByteArray data;
};

QString keyOf(const QString &shardId, const QString &sequenceNumber)
{
    return shardId + u'/' + sequenceNumber;
}

QString keyOf(const RecordEntry &record)
{
    return keyOf(record.shardId, record.sequenceNumber);
}

// Collects what a tail emits.
struct Collector
{
    explicit Collector(TailReader &tail)
    {
        QObject::connect(&tail, &TailReader::recordsReceived, &tail,
                         [this](const QList<RecordEntry> &batch) { records.append(batch); });
    }
    QStringList keys() const
    {
        QStringList out;
        for (const RecordEntry &record : records)
            out.append(keyOf(record));
        return out;
    }
    QList<RecordEntry> records;
};


// Our emulator on the wire, as `shardscope --serve --require-auth` serves it: the parts
// KinesisServer is made of (KinesisEndpoint with a SigV4 verifier, on an HttpServer), put
// together here so that the test sees every request. Every request's signature is verified as
// the client sent it. With awsSequenceNumbers, sequence numbers leave in the 56-digit shape AWS
// uses and are translated back on the way in, so the client only sees numbers that are not the
// emulator's (as against AWS). It notes which shard each GetRecords reads and when it arrived.
class WireEmulator final
{
public:
    static constexpr auto kAccessKeyId = "AKIDTAILREADERTEST";
    static constexpr auto kSecret = "tail-reader-secret";
    // Our 56 digits with "49" and the marker replaced by these 26: still 56 digits like AWS's,
    // in the same order (a fixed prefix), but not the emulator's layout.
    static constexpr auto kAwsPrefix = "49500000000000000000000000";

    WireEmulator(Engine &engine, bool awsSequenceNumbers) : m_aws(awsSequenceNumbers)
    {
        m_clock.start();
        const AwsCredentials keys{QString::fromLatin1(kAccessKeyId), QString::fromLatin1(kSecret), {}};
        auto verifier = std::make_shared<SigV4Verifier>(
            [keys](const QString &id) -> std::optional<AwsCredentials> {
                if (id == keys.accessKeyId)
                    return keys;
                return std::nullopt;
            },
            u"kinesis"_s, u"us-east-1"_s);
        // The endpoint sees the translated request; the signature covers the one sent.
        m_endpoint = std::make_unique<KinesisEndpoint>(engine, [verifier](const HttpRequest &) {
            return verifier->verify(signableRequest(*t_sent));
        });
        m_http = std::make_unique<HttpServer>(
            [this](const HttpRequest &request) { return handle(request); }, HttpServer::Options{});
        if (m_http->listen(QHostAddress::LocalHost, 0))
            m_url = QUrl(u"http://127.0.0.1:%1"_s.arg(m_http->serverPort()));
    }
    ~WireEmulator() { m_http.reset(); } // no request may run into a destroyed endpoint
    Q_DISABLE_COPY_MOVE(WireEmulator)

    QUrl url() const { return m_url; }
    bool awsSequenceNumbers() const { return m_aws; }
    // Arrival times (ms) of the GetRecords calls, per shard read.
    QHash<QString, QList<qint64>> getRecordsCalls() const
    {
        QMutexLocker lock(&m_mutex);
        return m_calls;
    }
    int refusedRequests() const
    {
        QMutexLocker lock(&m_mutex);
        return m_refused;
    }

    std::unique_ptr<AwsBackend> backend() const
    {
        using namespace std::chrono_literals;
        AwsBackendOptions options;
        options.displayName = u"wire"_s;
        options.endpoint = m_url;
        options.staticCredentials =
            AwsCredentials{QString::fromLatin1(kAccessKeyId), QString::fromLatin1(kSecret), {}};
        options.readOnly = false;
        options.retryBaseDelay = 10ms;
        options.throttlingBaseDelay = 10ms;
        return std::make_unique<AwsBackend>(options);
    }

private:
    // Rewrites the decimal values of every "...SequenceNumber..." member.
    static QByteArray translate(const QByteArray &json, bool toAws)
    {
        static const QRegularExpression member(uR"(("\w*SequenceNumber\w*"\s*:\s*")(\d+)("))"_s);
        const QString prefix = QString::fromLatin1(kAwsPrefix);
        const QString ours = u"49"_s + QLatin1StringView(SequenceNumber::kMarker);
        QString text = QString::fromUtf8(json);
        QString out;
        qsizetype last = 0;
        auto it = member.globalMatch(text);
        while (it.hasNext()) {
            const auto match = it.next();
            QString number = match.captured(2);
            if (toAws && number.size() == SequenceNumber::kTextLength && number.startsWith(ours))
                number.replace(0, ours.size(), prefix);
            else if (!toAws && number.size() == 56 && number.startsWith(prefix))
                number.replace(0, prefix.size(), ours);
            out += QStringView(text).mid(last, match.capturedStart(0) - last);
            out += match.captured(1) + number + match.captured(3);
            last = match.capturedEnd(0);
        }
        out += QStringView(text).mid(last);
        return out.toUtf8();
    }

    HttpResponse handle(const HttpRequest &sent)
    {
        const qint64 arrived = m_clock.elapsed();
        HttpRequest request = sent;
        if (m_aws)
            request.body = translate(sent.body, false);
        t_sent = &sent;
        HttpResponse response = m_endpoint->handle(request);
        t_sent = nullptr;
        const QByteArray operation = sent.header("x-amz-target").split('.').value(1);
        const QJsonObject in = QJsonDocument::fromJson(request.body).object();
        const QJsonObject out = QJsonDocument::fromJson(response.body).object();
        {
            QMutexLocker lock(&m_mutex);
            if (response.status == 403)
                ++m_refused;
            if (operation == "GetShardIterator" && response.status == 200) {
                m_shardOfIterator.insert(out.value(u"ShardIterator"_s).toString(),
                                         in.value(u"ShardId"_s).toString());
            } else if (operation == "GetRecords") {
                const QString shard = m_shardOfIterator.value(in.value(u"ShardIterator"_s).toString());
                m_calls[shard].append(arrived);
                if (out.contains(u"NextShardIterator"_s))
                    m_shardOfIterator.insert(out.value(u"NextShardIterator"_s).toString(), shard);
            }
        }
        if (m_aws)
            response.body = translate(response.body, true);
        return response;
    }

    static thread_local const HttpRequest *t_sent;

    bool m_aws;
    QElapsedTimer m_clock;
    std::unique_ptr<KinesisEndpoint> m_endpoint;
    std::unique_ptr<HttpServer> m_http;
    QUrl m_url;
    mutable QMutex m_mutex;
    QHash<QString, QString> m_shardOfIterator;
    QHash<QString, QList<qint64>> m_calls;
    int m_refused = 0;
};

thread_local const HttpRequest *WireEmulator::t_sent = nullptr;

// Start times (ms) of the GetRecords calls a backend reports with callStarted.
struct CallClock
{
    explicit CallClock(StreamBackend &backend)
    {
        clock.start();
        QObject::connect(&backend, &StreamBackend::callStarted, &backend, [this](const BackendCall &call) {
            if (call.operation == u"GetRecords"_s)
                getRecords.append(clock.elapsed());
        });
    }
    QElapsedTimer clock;
    QList<qint64> getRecords;
};

} // namespace

class TestTailReader : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EmulatorBackend> m_backend;
    std::shared_ptr<ManualClock> m_manualClock;
    int m_serial = 0;

    void openEngine(bool manualClock = false, qint64 iteratorLifetimeMs = 5 * 60 * 1000)
    {
        m_backend.reset();
        m_engine.reset();
        EngineOptions options;
        options.createDelayMs = 0;
        options.deleteDelayMs = 0;
        options.updateDelayMs = 0;
        options.iteratorLifetimeMs = iteratorLifetimeMs;
        if (manualClock) {
            m_manualClock = std::make_shared<ManualClock>(QDateTime::currentMSecsSinceEpoch());
            options.clock = m_manualClock;
        }
        auto engine = Engine::open(options);
        QVERIFY2(engine.has_value(), "engine");
        m_engine = std::move(*engine);
        m_backend = std::make_unique<EmulatorBackend>(*m_engine);
    }

    void createStream(const QString &name, int shards)
    {
        const auto created = await(m_backend->createStream(CreateStreamRequest{name, shards, {}, {}, {}}));
        QVERIFY(created.has_value());
        QTRY_COMPARE(await(m_backend->describeStreamSummary(StreamTarget::byName(name)))->streamStatus,
                     StreamStatus::Active);
    }

    QList<Put> put(const QString &stream, int count) { return put(*m_backend, stream, count); }

    QList<Put> put(StreamBackend &backend, const QString &stream, int count)
    {
        PutRecordsRequest request{StreamTarget::byName(stream), {}};
        for (int i = 0; i < count; ++i) {
            const int n = m_serial++;
            request.records.append({u"payload-%1"_s.arg(n).toUtf8(), u"key-%1"_s.arg(n), {}});
        }
        QList<Put> out;
        const auto response = await(backend.putRecords(request));
        if (!response || response->failedRecordCount != 0)
            return out;
        for (qsizetype i = 0; i < response->records.size(); ++i) {
            const auto &entry = response->records[i];
            out.append({entry.shardId, entry.sequenceNumber->toString(),
                        request.records[i].partitionKey, request.records[i].data});
        }
        return out;
    }

    static QStringList keys(const QList<Put> &puts)
    {
        QStringList out;
        for (const Put &p : puts)
            out.append(keyOf(p.shardId, p.sequenceNumber));
        return out;
    }

    static QStringList sorted(QStringList list)
    {
        list.sort();
        return list;
    }

    // Waits until the tail has an iterator for every shard it reads and asked for records once.
    void waitReading(TailReader &tail, StreamBackend &backend, int shards)
    {
        QSignalSpy calls(&backend, &StreamBackend::callFinished);
        QTRY_VERIFY(std::count_if(calls.begin(), calls.end(), [](const QList<QVariant> &args) {
                        return args.at(0).value<BackendCall>().operation == u"GetRecords"_s;
                    }) >= shards);
        QCOMPARE(tail.state(), TailReader::State::Running);
    }


    // Creates a stream through `backend` and waits until it is ACTIVE.
    void createThrough(StreamBackend &backend, const QString &name, int shards)
    {
        QVERIFY(await(backend.createStream(CreateStreamRequest{name, shards, {}, {}, {}})).has_value());
        QTRY_VERIFY([&] {
            const auto summary = await(backend.describeStreamSummary(StreamTarget::byName(name)));
            return summary && summary->streamStatus == StreamStatus::Active;
        }());
    }

    // The sequence numbers are the ones the wire carried: 56 digits either way, in AWS's shape,
    // which the emulator's parser does not take, or the emulator's own.
    static void checkWireNumbers(const QStringList &numbers, bool aws)
    {
        QVERIFY(!numbers.isEmpty());
        for (const QString &number : numbers) {
            QVERIFY2(SequenceNumber::matchesWirePattern(number), qPrintable(number));
            QCOMPARE(number.size(), 56);
            QCOMPARE(SequenceNumber::parse(number).has_value(), !aws);
            if (aws)
                QVERIFY(number.startsWith(QLatin1String(WireEmulator::kAwsPrefix)));
        }
    }

    // Within each shard, the records came in the order they were put (sequence order), once.
    static void checkPerShardOrder(const QList<RecordEntry> &got, const QList<Put> &expected)
    {
        QHash<QString, QStringList> want;
        QHash<QString, QStringList> have;
        for (const Put &p : expected)
            want[p.shardId].append(p.sequenceNumber);
        for (const RecordEntry &record : got)
            have[record.shardId].append(record.sequenceNumber);
        QCOMPARE(have.keys().size(), want.keys().size());
        for (auto it = want.cbegin(); it != want.cend(); ++it) {
            QCOMPARE(have.value(it.key()), it.value());
            for (qsizetype i = 1; i < it.value().size(); ++i) // same width: text order is numeric
                QVERIFY(it.value()[i - 1] < it.value()[i]);
        }
    }

    // AWS allows 5 GetRecords per second and shard. On the server, per shard: any 6 calls span
    // a second (less 50 ms for the network between the client's clock and the server's). On the
    // client (callStarted, which does not name the shard): with `shards` shards read, any
    // 5 * shards + 1 calls include 6 of one shard, so they span a second too.
    static void checkQuota(const WireEmulator &server, const CallClock &client, int shards)
    {
        const auto calls = server.getRecordsCalls();
        QVERIFY(!calls.isEmpty());
        for (auto it = calls.cbegin(); it != calls.cend(); ++it) {
            QVERIFY2(!it.key().isEmpty(), "every GetRecords names a shard's iterator");
            QList<qint64> times = it.value();
            std::sort(times.begin(), times.end());
            for (qsizetype i = 5; i < times.size(); ++i)
                QVERIFY2(times[i] - times[i - 5] >= 950,
                         qPrintable(u"%1: 6 calls in %2 ms"_s.arg(it.key()).arg(times[i] - times[i - 5])));
        }
        const QList<qint64> &started = client.getRecords;
        const qsizetype window = 5 * shards;
        for (qsizetype i = window; i < started.size(); ++i)
            QVERIFY2(started[i] - started[i - window] >= 995,
                     qPrintable(u"%1 calls in %2 ms"_s.arg(window + 1).arg(started[i] - started[i - window])));
    }

    static qsizetype mostCallsOnOneShard(const WireEmulator &server)
    {
        qsizetype most = 0;
        const auto calls = server.getRecordsCalls();
        for (const QList<qint64> &times : calls)
            most = std::max(most, times.size());
        return most;
    }
private slots:
    void init()
    {
        m_serial = 0;
        m_manualClock.reset();
        openEngine();
    }
    void cleanup()
    {
        m_backend.reset();
        m_engine.reset();
    }

    void startPositions_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<bool>("withShard");
        QTest::newRow("trim horizon") << int(ShardIteratorType::TrimHorizon) << false;
        QTest::newRow("trim horizon, one shard") << int(ShardIteratorType::TrimHorizon) << true;
        QTest::newRow("latest") << int(ShardIteratorType::Latest) << false;
        QTest::newRow("latest, one shard") << int(ShardIteratorType::Latest) << true;
        QTest::newRow("at timestamp") << int(ShardIteratorType::AtTimestamp) << false;
        QTest::newRow("at sequence number") << int(ShardIteratorType::AtSequenceNumber) << true;
        QTest::newRow("after sequence number") << int(ShardIteratorType::AfterSequenceNumber) << true;
        // Our own sequence numbers name their shard: no shard needed.
        QTest::newRow("at sequence number, shard implied") << int(ShardIteratorType::AtSequenceNumber) << false;
    }

    void startPositions()
    {
        QFETCH(int, type);
        QFETCH(bool, withShard);
        const auto iteratorType = ShardIteratorType(type);
        createStream(u"s"_s, 3);
        const QList<Put> before = put(u"s"_s, 30);
        QCOMPARE(before.size(), 30);
        QTest::qWait(20);
        const qint64 middle = QDateTime::currentMSecsSinceEpoch();
        QTest::qWait(20);
        const QList<Put> between = put(u"s"_s, 30);
        QCOMPARE(between.size(), 30);

        const Put &pivot = between[5];
        TailStart start;
        start.type = iteratorType;
        start.shardId = withShard ? pivot.shardId : QString();
        start.sequenceNumber = pivot.sequenceNumber;
        start.timestampMs = middle;

        TailReader tail;
        Collector got(tail);
        QVERIFY(tail.start(m_backend.get(), u"s"_s, start).has_value());
        waitReading(tail, *m_backend, withShard ? 1 : 3);
        const QList<Put> after = put(u"s"_s, 30);

        const auto inScope = [&](const Put &p) { return start.shardId.isEmpty() || p.shardId == start.shardId; };
        QList<Put> expected;
        const auto seqLess = [](const QString &a, const QString &b) {
            return a.size() != b.size() ? a.size() < b.size() : a < b;
        };
        for (const QList<Put> *group : {&before, &between, &after}) {
            for (const Put &p : *group) {
                if (!inScope(p))
                    continue;
                bool wanted = false;
                switch (iteratorType) {
                case ShardIteratorType::TrimHorizon:
                    wanted = true;
                    break;
                case ShardIteratorType::Latest:
                    wanted = group == &after;
                    break;
                case ShardIteratorType::AtTimestamp:
                    wanted = group != &before;
                    break;
                case ShardIteratorType::AtSequenceNumber:
                    wanted = p.shardId == pivot.shardId && !seqLess(p.sequenceNumber, pivot.sequenceNumber);
                    break;
                case ShardIteratorType::AfterSequenceNumber:
                    wanted = p.shardId == pivot.shardId && seqLess(pivot.sequenceNumber, p.sequenceNumber);
                    break;
                }
                if (wanted)
                    expected.append(p);
            }
        }
        if (start.type == ShardIteratorType::AtSequenceNumber && !withShard)
            for (const Put &p : std::as_const(expected))
                QCOMPARE(p.shardId, pivot.shardId);
        QVERIFY(!expected.isEmpty());
        QTRY_COMPARE(got.records.size(), expected.size());
        QTest::qWait(100); // nothing more comes
        QCOMPARE(sorted(got.keys()), sorted(keys(expected)));
        // Payloads and keys come through unchanged.
        QHash<QString, Put> byKey;
        for (const Put &p : std::as_const(expected))
            byKey.insert(keyOf(p.shardId, p.sequenceNumber), p);
        for (const RecordEntry &record : std::as_const(got.records)) {
            QCOMPARE(record.data, byKey.value(keyOf(record)).data);
            QCOMPARE(record.partitionKey, byKey.value(keyOf(record)).partitionKey);
            QVERIFY(record.arrivalMs > 0);
        }
        QCOMPARE(tail.recordCount(), qint64(expected.size()));
    }

    void sequenceStartNeedsItsShard()
    {
        createStream(u"s"_s, 2);
        TailReader tail;
        TailStart start;
        start.type = ShardIteratorType::AtSequenceNumber;
        start.sequenceNumber = u"49590338271490256608559692538361571095921575989136588898"_s; // AWS's
        QVERIFY(!tail.start(m_backend.get(), u"s"_s, start).has_value());
        start.sequenceNumber = u"12ab"_s;
        QVERIFY(!tail.start(m_backend.get(), u"s"_s, start).has_value());
        QCOMPARE(tail.state(), TailReader::State::Stopped);
    }

    void badStartPositionFails()
    {
        createStream(u"s"_s, 1);
        TailReader tail;
        QSignalSpy failed(&tail, &TailReader::failed);
        TailStart start;
        start.type = ShardIteratorType::AtTimestamp;
        start.timestampMs = QDateTime::currentMSecsSinceEpoch() + 3600 * 1000; // in the future
        QVERIFY(tail.start(m_backend.get(), u"s"_s, start).has_value());
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).value<Error>().type, ErrorType::InvalidArgument);
        QCOMPARE(tail.state(), TailReader::State::Failed);

        QSignalSpy failedAgain(&tail, &TailReader::failed);
        start = TailStart{ShardIteratorType::TrimHorizon, u"shardId-000000000007"_s, {}, 0};
        QVERIFY(tail.start(m_backend.get(), u"s"_s, start).has_value());
        QTRY_COMPARE(failedAgain.size(), 1);
        QCOMPARE(failedAgain.at(0).at(0).value<Error>().type, ErrorType::ResourceNotFound);
    }

    void mergedInArrivalOrder()
    {
        createStream(u"m"_s, 4);
        QList<Put> all;
        for (int group = 0; group < 12; ++group) {
            all += put(u"m"_s, 7);
            QTest::qWait(3); // distinct arrival times
        }
        TailOptions options;
        options.limit = 3; // many pages per shard: the merge must wait for the slower shards
        TailReader tail;
        tail.setOptions(options);
        Collector got(tail);
        QVERIFY(tail.start(m_backend.get(), u"m"_s, TailStart{ShardIteratorType::TrimHorizon, {}, {}, 0}).has_value());
        QTRY_COMPARE(got.records.size(), all.size());
        QCOMPARE(sorted(got.keys()), sorted(keys(all)));
        for (qsizetype i = 1; i < got.records.size(); ++i) {
            const RecordEntry &a = got.records[i - 1];
            const RecordEntry &b = got.records[i];
            QVERIFY2(a.arrivalMs < b.arrivalMs ||
                         (a.arrivalMs == b.arrivalMs && *shardNumber(a) <= *shardNumber(b)),
                     qPrintable(u"%1 before %2"_s.arg(keyOf(a), keyOf(b))));
        }
        // Live records keep coming, merged too.
        const QList<Put> live = put(u"m"_s, 40);
        QTRY_COMPARE(got.records.size(), all.size() + live.size());
        QCOMPARE(sorted(got.keys()), sorted(keys(all + live)));
    }

    void followsSplitsAndMerges_data()
    {
        QTest::addColumn<bool>("oneShard");
        QTest::newRow("all shards") << false;
        QTest::newRow("shard 0 and its descendants") << true;
    }

    void followsSplitsAndMerges()
    {
        QFETCH(bool, oneShard);
        const StreamTarget target = StreamTarget::byName(u"r"_s);
        createStream(u"r"_s, 2);
        QList<Put> all = put(u"r"_s, 60);

        TailReader tail;
        Collector got(tail);
        TailStart start{ShardIteratorType::TrimHorizon, oneShard ? ShardId::format(0) : QString(), {}, 0};
        QVERIFY(tail.start(m_backend.get(), u"r"_s, start).has_value());
        QTRY_VERIFY(got.records.size() >= (oneShard ? 1 : 60));

        // Split shard 0 into 2 and 3, put, merge 2 and 3 into 4, put.
        const auto shards = await(m_backend->listAllShards(target));
        QVERIFY(shards.has_value());
        QVERIFY(await(m_backend->splitShard(SplitShardRequest{
                          target, ShardId::format(0), shards->at(0).hashKeyRange.midpoint().toDecimal()}))
                    .has_value());
        QTRY_COMPARE(await(m_backend->describeStreamSummary(target))->streamStatus, StreamStatus::Active);
        all += put(u"r"_s, 60);
        QVERIFY(await(m_backend->mergeShards(MergeShardsRequest{target, ShardId::format(2), ShardId::format(3)}))
                    .has_value());
        QTRY_COMPARE(await(m_backend->describeStreamSummary(target))->streamStatus, StreamStatus::Active);
        all += put(u"r"_s, 60);

        QList<Put> expected;
        const QSet<QString> lineage{ShardId::format(0), ShardId::format(2), ShardId::format(3),
                                    ShardId::format(4)};
        for (const Put &p : std::as_const(all))
            if (!oneShard || lineage.contains(p.shardId))
                expected.append(p);
        QTRY_COMPARE(got.records.size(), expected.size());
        QTest::qWait(100);
        QCOMPARE(got.records.size(), expected.size()); // no duplicates
        QCOMPARE(sorted(got.keys()), sorted(keys(expected)));

        // Parents first: every record of a child comes after every record of its parents.
        const auto lastIndex = [&](const QString &shard) {
            qsizetype last = -1;
            for (qsizetype i = 0; i < got.records.size(); ++i)
                if (got.records[i].shardId == shard)
                    last = i;
            return last;
        };
        const auto firstIndex = [&](const QString &shard) {
            for (qsizetype i = 0; i < got.records.size(); ++i)
                if (got.records[i].shardId == shard)
                    return i;
            return got.records.size();
        };
        for (const QString &child : {ShardId::format(2), ShardId::format(3)})
            QVERIFY(lastIndex(ShardId::format(0)) < firstIndex(child));
        QVERIFY(lastIndex(ShardId::format(2)) < firstIndex(ShardId::format(4)));
        QVERIFY(lastIndex(ShardId::format(3)) < firstIndex(ShardId::format(4)));
        QVERIFY(firstIndex(ShardId::format(4)) < got.records.size());
        // Within a shard, sequence order.
        QHash<QString, QString> lastSeq;
        for (const RecordEntry &record : std::as_const(got.records)) {
            const QString previous = lastSeq.value(record.shardId);
            QVERIFY(previous.isEmpty() || previous < record.sequenceNumber);
            lastSeq.insert(record.shardId, record.sequenceNumber);
        }
        QCOMPARE(tail.finishedShardCount(), oneShard ? 3 : 3);
    }

    void picksUpNewShards()
    {
        createStream(u"u"_s, 2);
        TailReader tail;
        Collector got(tail);
        QVERIFY(tail.start(m_backend.get(), u"u"_s, TailStart{ShardIteratorType::Latest, {}, {}, 0}).has_value());
        waitReading(tail, *m_backend, 2);
        QVERIFY(await(m_backend->updateShardCount(UpdateShardCountRequest{StreamTarget::byName(u"u"_s), 4, {}}))
                    .has_value());
        QTRY_COMPARE(await(m_backend->describeStreamSummary(StreamTarget::byName(u"u"_s)))->streamStatus,
                     StreamStatus::Active);
        QTRY_VERIFY(tail.activeShardCount() >= 4);
        const QList<Put> after = put(u"u"_s, 40);
        QTRY_COMPARE(got.records.size(), after.size());
        QCOMPARE(sorted(got.keys()), sorted(keys(after)));
    }

    void pauseStopsCalls()
    {
        createStream(u"p"_s, 2);
        TailReader tail;
        Collector got(tail);
        QSignalSpy states(&tail, &TailReader::stateChanged);
        QVERIFY(tail.start(m_backend.get(), u"p"_s, TailStart{ShardIteratorType::Latest, {}, {}, 0}).has_value());
        waitReading(tail, *m_backend, 2);
        tail.pause();
        QCOMPARE(tail.state(), TailReader::State::Paused);
        QTest::qWait(50); // calls already in flight end
        QSignalSpy started(m_backend.get(), &StreamBackend::callStarted);
        const QList<Put> whilePaused = put(u"p"_s, 20);
        QTest::qWait(1200); // longer than the idle poll
        const auto reads = std::count_if(started.begin(), started.end(), [](const QList<QVariant> &args) {
            const QString op = args.at(0).value<BackendCall>().operation;
            return op == u"GetRecords"_s || op == u"GetShardIterator"_s || op == u"ListShards"_s;
        });
        QCOMPARE(reads, 0);
        QCOMPARE(got.records.size(), 0);
        tail.resume();
        QCOMPARE(tail.state(), TailReader::State::Running);
        QTRY_COMPARE(got.records.size(), whilePaused.size());
        tail.stop();
        QCOMPARE(tail.state(), TailReader::State::Stopped);
        QSignalSpy afterStop(m_backend.get(), &StreamBackend::callStarted);
        put(u"p"_s, 5);
        QTest::qWait(300);
        QVERIFY(std::none_of(afterStop.begin(), afterStop.end(), [](const QList<QVariant> &args) {
            return args.at(0).value<BackendCall>().operation == u"GetRecords"_s;
        }));
        QCOMPARE(got.records.size(), whilePaused.size());
    }

    void awsQuotaFiveCallsPerSecondPerShard()
    {
        createStream(u"q"_s, 2);
        put(u"q"_s, 400);
        QuotaCountingBackend aws(*m_backend, BackendKind::Aws);
        TailOptions options;
        options.limit = 5; // every answer has more to read: the tail would ask again at once
        TailReader tail;
        tail.setOptions(options);
        QCOMPARE(tail.options().getRecordsPerSecond, 0.0); // the default for the backend...
        Collector got(tail);
        QVERIFY(tail.start(&aws, u"q"_s, TailStart{ShardIteratorType::TrimHorizon, {}, {}, 0}).has_value());
        QCOMPARE(tail.effectiveGetRecordsPerSecond(), 5.0); // ...is the AWS quota
        QTest::qWait(2600);
        tail.stop();
        const auto calls = aws.calls();
        QCOMPARE(calls.size(), 2);
        for (auto it = calls.begin(); it != calls.end(); ++it) {
            const QList<qint64> &times = it.value();
            QVERIFY2(!it.key().isEmpty(), "every call's shard is known");
            QVERIFY2(times.size() >= 10, qPrintable(QString::number(times.size()))); // it did read
            QVERIFY2(times.size() <= 15, qPrintable(QString::number(times.size())));
            for (qsizetype i = 5; i < times.size(); ++i) // any 6 calls span at least a second
                QVERIFY2(times[i] - times[i - 5] >= 995,
                         qPrintable(u"%1: %2 ms"_s.arg(it.key()).arg(times[i] - times[i - 5])));
        }
        QVERIFY(got.records.size() >= 2 * 10 * 5 - 10);
    }

    void throttlingIsSignalledAndRecovers()
    {
        createStream(u"t"_s, 1);
        const QList<Put> all = put(u"t"_s, 50);
        QuotaCountingBackend aws(*m_backend, BackendKind::Aws);
        aws.throttleNext(3);
        TailOptions options;
        options.initialBackoffMs = 30;
        options.getRecordsPerSecond = 50; // keep the test short
        TailReader tail;
        tail.setOptions(options);
        Collector got(tail);
        QSignalSpy throttled(&tail, &TailReader::throttledChanged);
        QVERIFY(tail.start(&aws, u"t"_s, TailStart{ShardIteratorType::TrimHorizon, {}, {}, 0}).has_value());
        QTRY_VERIFY(!throttled.isEmpty());
        QCOMPARE(throttled.at(0).at(0).toInt(), 1);
        QTRY_COMPARE(got.records.size(), all.size());
        QCOMPARE(aws.throttledCalls(), 3);
        QCOMPARE(throttled.last().at(0).toInt(), 0);
        QCOMPARE(tail.throttledShardCount(), 0);
        QCOMPARE(sorted(got.keys()), sorted(keys(all)));
    }

    void expiredIteratorIsRenewed()
    {
        openEngine(true, 1000);
        createStream(u"x"_s, 1);
        const QList<Put> first = put(u"x"_s, 10);
        TailReader tail;
        Collector got(tail);
        QSignalSpy failed(&tail, &TailReader::failed);
        QSignalSpy finished(m_backend.get(), &StreamBackend::callFinished);
        QVERIFY(tail.start(m_backend.get(), u"x"_s, TailStart{ShardIteratorType::TrimHorizon, {}, {}, 0}).has_value());
        QTRY_COMPARE(got.records.size(), first.size());
        m_manualClock->advanceMs(5000); // every iterator the tail holds is now expired
        const QList<Put> second = put(u"x"_s, 10);
        QTRY_COMPARE(got.records.size(), first.size() + second.size());
        QTest::qWait(100);
        QCOMPARE(sorted(got.keys()), sorted(keys(first + second)));
        QVERIFY(failed.isEmpty());
        QVERIFY(std::any_of(finished.begin(), finished.end(), [](const QList<QVariant> &args) {
            const auto call = args.at(0).value<BackendCall>();
            return call.error && call.error->type == ErrorType::ExpiredIterator;
        }));
    }

    void deletedStreamStopsTheTail()
    {
        createStream(u"d"_s, 2);
        TailReader tail;
        QSignalSpy failed(&tail, &TailReader::failed);
        QVERIFY(tail.start(m_backend.get(), u"d"_s, TailStart{ShardIteratorType::Latest, {}, {}, 0}).has_value());
        waitReading(tail, *m_backend, 2);
        QVERIFY(await(m_backend->deleteStream(DeleteStreamRequest{StreamTarget::byName(u"d"_s), {}})).has_value());
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).value<Error>().type, ErrorType::ResourceNotFound);
        QCOMPARE(tail.state(), TailReader::State::Failed);
        QCOMPARE(tail.activeShardCount(), 0);
    }

    void overTheWire_data()
    {
        QTest::addColumn<bool>("awsNumbers");
        QTest::newRow("emulator sequence numbers") << false;
        QTest::newRow("AWS 56-digit sequence numbers") << true;
    }

    void awsBackendTailsAllShardsFromTrimHorizon_data() { overTheWire_data(); }

    void awsBackendTailsAllShardsFromTrimHorizon()
    {
        QFETCH(bool, awsNumbers);
        WireEmulator server(*m_engine, awsNumbers);
        QVERIFY(server.url().isValid());
        const auto aws = server.backend();
        QCOMPARE(aws->kind(), BackendKind::Aws);
        createThrough(*aws, u"w"_s, 3);
        const QList<Put> before = put(*aws, u"w"_s, 30);
        QCOMPARE(before.size(), 30);
        QStringList putNumbers;
        for (const Put &p : before)
            putNumbers.append(p.sequenceNumber);
        checkWireNumbers(putNumbers, awsNumbers);
        if (QTest::currentTestFailed())
            return;

        CallClock client(*aws);
        TailOptions options;
        options.limit = 2; // every page is full: only the quota holds the tail back
        TailReader tail;
        tail.setOptions(options);
        Collector got(tail);
        QSignalSpy failed(&tail, &TailReader::failed);
        QVERIFY(tail.start(aws.get(), u"w"_s, TailStart{ShardIteratorType::TrimHorizon, {}, {}, 0}).has_value());
        QCOMPARE(tail.effectiveGetRecordsPerSecond(), 5.0);
        QTRY_COMPARE_WITH_TIMEOUT(got.records.size(), before.size(), 10000);
        // Live records, put through the same connection, follow.
        const QList<Put> live = put(*aws, u"w"_s, 6);
        QCOMPARE(live.size(), 6);
        QTRY_COMPARE_WITH_TIMEOUT(got.records.size(), before.size() + live.size(), 5000);
        QTest::qWait(200);
        QCOMPARE(tail.state(), TailReader::State::Running);
        tail.stop();
        QVERIFY(failed.isEmpty());

        const QList<Put> all = before + live;
        QCOMPARE(got.records.size(), all.size()); // nothing twice
        QCOMPARE(sorted(got.keys()), sorted(keys(all)));
        checkPerShardOrder(got.records, all);
        if (QTest::currentTestFailed())
            return;
        QStringList numbers;
        QHash<QString, Put> byKey;
        for (const Put &p : all)
            byKey.insert(keyOf(p.shardId, p.sequenceNumber), p);
        for (const RecordEntry &record : std::as_const(got.records)) {
            numbers.append(record.sequenceNumber);
            QCOMPARE(record.data, byKey.value(keyOf(record)).data);
            QCOMPARE(record.partitionKey, byKey.value(keyOf(record)).partitionKey);
            QVERIFY(record.arrivalMs > 0);
        }
        checkWireNumbers(numbers, awsNumbers);
        if (QTest::currentTestFailed())
            return;

        QCOMPARE(server.getRecordsCalls().size(), 3);
        QVERIFY2(mostCallsOnOneShard(server) >= 6, "the quota was what held the tail back");
        checkQuota(server, client, 3);
        QCOMPARE(server.refusedRequests(), 0);
    }

    void awsBackendTailFollowsASplit_data() { overTheWire_data(); }

    void awsBackendTailFollowsASplit()
    {
        QFETCH(bool, awsNumbers);
        WireEmulator server(*m_engine, awsNumbers);
        QVERIFY(server.url().isValid());
        const auto aws = server.backend();
        const StreamTarget target = StreamTarget::byName(u"r"_s);
        createThrough(*aws, u"r"_s, 2);
        QList<Put> all = put(*aws, u"r"_s, 20);
        QCOMPARE(all.size(), 20);

        CallClock client(*aws);
        TailReader tail;
        Collector got(tail);
        QSignalSpy failed(&tail, &TailReader::failed);
        QVERIFY(tail.start(aws.get(), u"r"_s, TailStart{ShardIteratorType::TrimHorizon, {}, {}, 0}).has_value());
        QTRY_COMPARE_WITH_TIMEOUT(got.records.size(), all.size(), 10000);

        // Split shard 0 into 2 and 3 while the tail reads, then put more.
        const auto shards = await(aws->listAllShards(target));
        QVERIFY(shards.has_value());
        QCOMPARE(shards->size(), 2);
        QVERIFY(await(aws->splitShard(SplitShardRequest{
                          target, ShardId::format(0), shards->at(0).hashKeyRange.midpoint().toDecimal()}))
                    .has_value());
        QTRY_VERIFY([&] {
            const auto summary = await(aws->describeStreamSummary(target));
            return summary && summary->streamStatus == StreamStatus::Active;
        }());
        const QList<Put> after = put(*aws, u"r"_s, 30);
        QCOMPARE(after.size(), 30);
        all += after;
        for (const QString &child : {ShardId::format(2), ShardId::format(3)})
            QVERIFY2(std::any_of(after.begin(), after.end(), [&](const Put &p) { return p.shardId == child; }),
                     qPrintable(child));
        QVERIFY(std::none_of(after.begin(), after.end(), [](const Put &p) { return p.shardId == ShardId::format(0); }));

        QTRY_COMPARE_WITH_TIMEOUT(got.records.size(), all.size(), 10000);
        QTest::qWait(200);
        QCOMPARE(tail.finishedShardCount(), 1); // shard 0, read to its end
        QCOMPARE(tail.activeShardCount(), 3);
        tail.stop();
        QVERIFY(failed.isEmpty());
        QCOMPARE(got.records.size(), all.size()); // nothing twice
        QCOMPARE(sorted(got.keys()), sorted(keys(all)));
        checkPerShardOrder(got.records, all);
        if (QTest::currentTestFailed())
            return;
        // Children after their parent.
        qsizetype lastOfParent = -1;
        qsizetype firstOfChild = got.records.size();
        for (qsizetype i = 0; i < got.records.size(); ++i) {
            const QString &shard = got.records[i].shardId;
            if (shard == ShardId::format(0))
                lastOfParent = i;
            else if ((shard == ShardId::format(2) || shard == ShardId::format(3)) && firstOfChild == got.records.size())
                firstOfChild = i;
        }
        QVERIFY(lastOfParent >= 0);
        QVERIFY2(lastOfParent < firstOfChild, qPrintable(u"%1 %2"_s.arg(lastOfParent).arg(firstOfChild)));
        QStringList numbers;
        for (const RecordEntry &record : std::as_const(got.records))
            numbers.append(record.sequenceNumber);
        checkWireNumbers(numbers, awsNumbers);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(server.getRecordsCalls().size(), 4);
        checkQuota(server, client, 4);
        QCOMPARE(server.refusedRequests(), 0);
    }

    // With AWS's numbers (the emulator's own are covered by startPositions).
    void awsBackendTailsOneShardAtSequenceNumber()
    {
        const bool awsNumbers = true;
        WireEmulator server(*m_engine, awsNumbers);
        QVERIFY(server.url().isValid());
        const auto aws = server.backend();
        createThrough(*aws, u"a"_s, 2);
        const QList<Put> all = put(*aws, u"a"_s, 20);
        QCOMPARE(all.size(), 20);
        // The shard with more records; start at its fourth.
        QHash<QString, QList<Put>> byShard;
        for (const Put &p : all)
            byShard[p.shardId].append(p);
        const QString shard = byShard.value(ShardId::format(0)).size() >= byShard.value(ShardId::format(1)).size()
                                  ? ShardId::format(0)
                                  : ShardId::format(1);
        const Put pivot = byShard.value(shard).at(3);

        TailOptions options;
        options.limit = 1;
        TailReader tail;
        tail.setOptions(options);
        Collector got(tail);
        QSignalSpy failed(&tail, &TailReader::failed);
        TailStart start{ShardIteratorType::AtSequenceNumber, {}, pivot.sequenceNumber, 0};
        // AWS's numbers do not name their shard: the tail asks for it rather than guess.
        const auto refused = tail.start(aws.get(), u"a"_s, start);
        QVERIFY(!refused.has_value());
        QVERIFY(!refused.error().isEmpty());
        QCOMPARE(tail.state(), TailReader::State::Stopped);
        start.shardId = shard;
        CallClock client(*aws);
        QVERIFY(tail.start(aws.get(), u"a"_s, start).has_value());
        const QList<Put> expected = byShard.value(shard).mid(3);
        QTRY_COMPARE_WITH_TIMEOUT(got.records.size(), expected.size(), 10000);
        QTest::qWait(200);
        tail.stop();
        QVERIFY(failed.isEmpty());

        QStringList want;
        for (const Put &p : std::as_const(expected))
            want.append(p.sequenceNumber);
        QStringList have;
        for (const RecordEntry &record : std::as_const(got.records)) {
            QCOMPARE(record.shardId, shard);
            have.append(record.sequenceNumber);
        }
        QCOMPARE(have, want); // from the pivot on, in order, once
        QCOMPARE(have.first(), pivot.sequenceNumber);
        checkWireNumbers(have, awsNumbers);
        if (QTest::currentTestFailed())
            return;

        // One shard: callStarted's GetRecords are all that shard's.
        QCOMPARE(server.getRecordsCalls().keys(), QList<QString>{shard});
        QVERIFY2(client.getRecords.size() >= 6, "the quota was what held the tail back");
        checkQuota(server, client, 1);
        QCOMPARE(server.refusedRequests(), 0);
    }

    void spoolRoundTrip()
    {
        PayloadSpool spool(100);
        QVERIFY2(spool.errorString().isEmpty(), qPrintable(spool.errorString()));
        QList<RecordEntry> written;
        for (int i = 0; i < 1000; ++i) {
            RecordEntry record;
            record.shardId = ShardId::format(quint32(i % 3));
            record.sequenceNumber = u"4959%1"_s.arg(i, 20, 10, QChar(u'0'));
            record.arrivalMs = 1700000000000 + i;
            record.partitionKey = u"kéy-%1-ü"_s.arg(i);
            record.explicitHashKey = i % 2 ? u"%1"_s.arg(i * 7919) : QString();
            record.data = i % 10 == 0 ? QByteArray() : QByteArray(i, char(i)) + QByteArray("\0x", 2);
            written.append(record);
        }
        QCOMPARE(spool.append(written.mid(0, 400)), quint64(100));
        QCOMPARE(spool.append(written.mid(400)), quint64(500));
        QCOMPARE(spool.firstSerial(), quint64(100));
        QCOMPARE(spool.endSerial(), quint64(1100));
        QCOMPARE(spool.indexBytes(), qint64(1000 * 8));

        const auto all = spool.read(100, 1000);
        QVERIFY(all.has_value());
        QCOMPARE(*all, written);
        const auto middle = spool.read(390, 20); // across the two appends
        QVERIFY(middle.has_value());
        QCOMPARE(*middle, written.mid(290, 20));
        QCOMPARE(spool.read(1090, 50)->size(), 10); // clamped at the end
        QCOMPARE(spool.read(0, 50)->size(), 0);

        const auto payload = await(spool.payload(100 + 777));
        QVERIFY(payload.has_value());
        QCOMPARE(*payload, written[777].data);
        const auto some = await(spool.records({1099, 100, 555}));
        QVERIFY(some.has_value());
        QCOMPARE(*some, (QList<RecordEntry>{written[999], written[0], written[455]}));

        spool.discardBefore(600);
        QCOMPARE(spool.firstSerial(), quint64(600));
        QVERIFY(!await(spool.payload(599)).has_value());
        QCOMPARE(*await(spool.payload(600)), written[500].data);
        QCOMPARE(spool.read(0, 2000)->size(), 500);

        spool.reset(5000);
        QCOMPARE(spool.count(), 0);
        QVERIFY(!await(spool.payload(600)).has_value());
        QCOMPARE(spool.append(written.mid(0, 1)), quint64(5000));
        QCOMPARE(*await(spool.payload(5000)), written[0].data);
    }
};

QTEST_GUILESS_MAIN(TestTailReader)
#include "tst_tailreader.moc"
