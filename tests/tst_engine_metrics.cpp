// The engine's CloudWatch metrics: PutRecord, PutRecords and GetRecords record the right sums at
// stream and shard level, per-record throttling and failures are told apart, iterator age is
// the age of the last record read, and the minute points survive reopening a file engine.
// Every engine runs on a ManualClock.

#include "engine/clock.h"
#include "engine/engine.h"
#include "engine/enginemetrics.h"
#include "kinesis/recordsink.h"
#include "metrics/metricnames.h"
#include "metrics/metricsregistry.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include "expectedassert.h"

using namespace shardscope;
using namespace Qt::StringLiterals;
namespace MN = shardscope::MetricNames;

namespace {

constexpr qint64 kStartMs = 1'700'000'040'000; // a whole minute
constexpr qint64 kMinuteMs = 60'000;
const QString kShard0 = u"shardId-000000000000"_s;
const QString kShard1 = u"shardId-000000000001"_s;
const QString kLowKey = u"0"_s;
const QString kHighKey = u"340282366920938463463374607431768211455"_s;

struct Harness
{
    QTemporaryDir dir;
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(kStartMs);
    std::unique_ptr<Engine> engine;
    bool inMemory = false;

    void open()
    {
        EngineOptions options;
        if (!inMemory)
            options.databasePath = dir.filePath(u"e.db"_s);
        options.clock = clock;
        options.createDelayMs = 0;
        options.updateDelayMs = 0;
        auto opened = Engine::open(options);
        QVERIFY2(opened, shardscope::testing::describe(opened).constData());
        engine = std::move(*opened);
    }

    // Shard-level metrics are recorded only with enhanced monitoring on, as on AWS.
    void createStream(const QString &name, int shards, bool enhancedMonitoring = true)
    {
        CreateStreamRequest request;
        request.streamName = name;
        request.shardCount = shards;
        VERIFY_OK(engine->createStream(request));
        if (!enhancedMonitoring)
            return;
        EnhancedMonitoringRequest monitoring;
        monitoring.target = StreamTarget::byName(name);
        monitoring.shardLevelMetrics = {u"ALL"_s};
        VERIFY_OK(engine->enableEnhancedMonitoring(monitoring));
    }

    std::expected<PutRecordResponse, Error> put(const QString &stream, const QByteArray &data,
                                                const QString &hashKey)
    {
        PutRecordRequest request;
        request.target = StreamTarget::byName(stream);
        request.data = data;
        request.partitionKey = u"k"_s;
        request.explicitHashKey = hashKey;
        return engine->putRecord(request);
    }

    QString iterator(const QString &stream, const QString &shardId)
    {
        GetShardIteratorRequest request;
        request.target = StreamTarget::byName(stream);
        request.shardId = shardId;
        request.shardIteratorType = ShardIteratorType::TrimHorizon;
        auto response = engine->getShardIterator(request);
        return response ? response->shardIterator : QString();
    }

    // A statistic over the minute points of the last hour.
    QList<double> values(const QString &metric, const QString &stream, const QString &shardId,
                         Statistic statistic, int period = 3600) const
    {
        auto series = engine->metrics().query(MetricQuery{
            {metric, stream, shardId}, kStartMs, kStartMs + 3600'000, period,
            statistic});
        return series ? series->values : QList<double>{-1};
    }
    double sum(const QString &metric, const QString &shardId = {}) const
    {
        const QList<double> v = values(metric, u"orders"_s, shardId, Statistic::Sum);
        return v.isEmpty() ? 0 : v.first();
    }
    double stat(const QString &metric, Statistic statistic, const QString &shardId = {}) const
    {
        const QList<double> v = values(metric, u"orders"_s, shardId, statistic);
        return v.isEmpty() ? -1 : v.first();
    }
};

class NullSink final : public RecordSink
{
public:
    void record(const RecordView &) override { ++count; }
    int count = 0;
};

} // namespace

class TestEngineMetrics : public QObject
{
    Q_OBJECT

private slots:
    void putRecordSums()
    {
        Harness h;
        h.open();
        h.createStream(u"orders"_s, 2);
        VERIFY_OK(h.put(u"orders"_s, QByteArray(100, 'a'), kLowKey));
        VERIFY_OK(h.put(u"orders"_s, QByteArray(200, 'b'), kLowKey));
        h.clock->advanceMs(1500);
        VERIFY_OK(h.put(u"orders"_s, QByteArray(50, 'c'), kHighKey));
        // Refused by the stream: a failed call, counted in PutRecord.Success only.
        VERIFY_ERROR(h.put(u"orders"_s, QByteArray(), u"-1"_s), ErrorType::Validation);
        // A stream that does not exist gets no metrics.
        VERIFY_ERROR(h.put(u"nothere"_s, "x", kLowKey), ErrorType::ResourceNotFound);

        QCOMPARE(h.sum(MN::IncomingBytes), 350.0);
        QCOMPARE(h.sum(MN::IncomingRecords), 3.0);
        QCOMPARE(h.sum(MN::PutRecordBytes), 350.0);
        QCOMPARE(h.stat(MN::PutRecordBytes, Statistic::Maximum), 200.0);
        QCOMPARE(h.stat(MN::PutRecordSuccess, Statistic::SampleCount), 4.0);
        QCOMPARE(h.stat(MN::PutRecordSuccess, Statistic::Average), 0.75);
        QCOMPARE(h.stat(MN::PutRecordLatency, Statistic::SampleCount), 4.0);
        QVERIFY(h.stat(MN::PutRecordLatency, Statistic::Minimum) >= 0);
        QCOMPARE(h.sum(MN::WriteProvisionedThroughputExceeded), 0.0);
        QCOMPARE(h.sum(MN::IncomingBytes, kShard0), 300.0);
        QCOMPARE(h.sum(MN::IncomingRecords, kShard0), 2.0);
        QCOMPARE(h.sum(MN::IncomingBytes, kShard1), 50.0);
        QVERIFY(h.values(MN::IncomingBytes, u"nothere"_s, {}, Statistic::Sum).isEmpty());

        // The live ring has them by second.
        auto live = h.engine->metrics().query(MetricQuery{
            {MN::IncomingRecords, u"orders"_s, {}}, kStartMs, kStartMs + 2000, 1, Statistic::Sum});
        QVERIFY(live);
        QCOMPARE(live->timestampsMs, (QList<qint64>{kStartMs, kStartMs + 1000}));
        QCOMPARE(live->values, (QList<double>{2, 1}));
        QVERIFY(h.engine->metrics().path().isEmpty() == false);
    }

    // AWS publishes shard-level metrics only for those enhanced monitoring has on.
    void shardLevelMetricsFollowEnhancedMonitoring()
    {
        Harness h;
        h.open();
        h.createStream(u"orders"_s, 2, false);
        VERIFY_OK(h.put(u"orders"_s, QByteArray(10, 'a'), kLowKey));
        QCOMPARE(h.sum(MN::IncomingBytes), 10.0);
        QVERIFY(h.values(MN::IncomingBytes, u"orders"_s, kShard0, Statistic::Sum).isEmpty());

        EnhancedMonitoringRequest monitoring;
        monitoring.target = StreamTarget::byName(u"orders"_s);
        monitoring.shardLevelMetrics = {MN::IncomingBytes};
        VERIFY_OK(h.engine->enableEnhancedMonitoring(monitoring));
        VERIFY_OK(h.put(u"orders"_s, QByteArray(20, 'b'), kLowKey));
        QCOMPARE(h.sum(MN::IncomingBytes), 30.0);
        QCOMPARE(h.sum(MN::IncomingBytes, kShard0), 20.0);
        QVERIFY(h.values(MN::IncomingRecords, u"orders"_s, kShard0, Statistic::Sum).isEmpty());

        VERIFY_OK(h.engine->disableEnhancedMonitoring(monitoring));
        VERIFY_OK(h.put(u"orders"_s, QByteArray(40, 'c'), kLowKey));
        QCOMPARE(h.sum(MN::IncomingBytes), 70.0);
        QCOMPARE(h.sum(MN::IncomingBytes, kShard0), 20.0);
    }

    void putRecordsSums()
    {
        Harness h;
        h.open();
        h.createStream(u"orders"_s, 2);
        PutRecordsRequest request;
        request.target = StreamTarget::byName(u"orders"_s);
        for (int i = 0; i < 5; ++i)
            request.records.append(PutRecordsRequestEntry{QByteArray(10 * (i + 1), 'x'), u"k"_s,
                                                          i < 3 ? kLowKey : kHighKey});
        auto response = h.engine->putRecords(request);
        VERIFY_OK(response);
        QCOMPARE(response->failedRecordCount, 0);

        QCOMPARE(h.sum(MN::PutRecordsTotalRecords), 5.0);
        QCOMPARE(h.sum(MN::PutRecordsSuccessfulRecords), 5.0);
        QCOMPARE(h.sum(MN::PutRecordsRecords), 5.0);
        QCOMPARE(h.sum(MN::PutRecordsFailedRecords), 0.0);
        QCOMPARE(h.sum(MN::PutRecordsThrottledRecords), 0.0);
        QCOMPARE(h.sum(MN::PutRecordsBytes), 150.0);
        QCOMPARE(h.sum(MN::PutRecordsSuccess), 1.0);
        QCOMPARE(h.stat(MN::PutRecordsLatency, Statistic::SampleCount), 1.0);
        QCOMPARE(h.sum(MN::IncomingBytes), 150.0);
        QCOMPARE(h.sum(MN::IncomingRecords), 5.0);
        QCOMPARE(h.sum(MN::IncomingBytes, kShard0), 60.0);
        QCOMPARE(h.sum(MN::IncomingRecords, kShard1), 2.0);
        QCOMPARE(h.sum(MN::IncomingBytes, kShard1), 90.0);
        // No PutRecord calls were made.
        QVERIFY(h.values(MN::PutRecordSuccess, u"orders"_s, {}, Statistic::Sum).isEmpty());
    }

    // Per-record outcomes of a PutRecords response: throttled entries (the shard named in the
    // message, as AWS does) apart from internal failures.
    void putRecordsThrottledAndFailedEntries()
    {
        Harness h;
        h.inMemory = true;
        h.open();
        QVERIFY(h.engine->metrics().path().isEmpty());
        EngineMetrics metrics(h.engine->metrics(), [](const QString &) {
            return MetricNames::shardLevelMetrics();
        });
        PutRecordsRequest request;
        request.target = StreamTarget::byName(u"orders"_s);
        for (int i = 0; i < 4; ++i)
            request.records.append(PutRecordsRequestEntry{QByteArray(8, 'x'), u"k"_s, {}});
        PutRecordsResponse response;
        response.records.append(PutRecordsResultEntry{{}, kShard0, {}, {}});
        const QString rate = u"Rate exceeded for shard %1 in stream orders under account "
                             u"000000000000."_s;
        response.records.append(PutRecordsResultEntry{
            {}, {}, u"ProvisionedThroughputExceededException"_s, rate.arg(kShard1)});
        response.records.append(PutRecordsResultEntry{
            {}, {}, u"ProvisionedThroughputExceededException"_s, rate.arg(kShard1)});
        response.records.append(
            PutRecordsResultEntry{{}, {}, u"InternalFailure"_s, u"Internal service failure."_s});
        response.failedRecordCount = 3;
        metrics.putRecords(u"orders"_s, request, response, 2.5);

        QCOMPARE(h.sum(MN::PutRecordsTotalRecords), 4.0);
        QCOMPARE(h.sum(MN::PutRecordsSuccessfulRecords), 1.0);
        QCOMPARE(h.sum(MN::PutRecordsThrottledRecords), 2.0);
        QCOMPARE(h.sum(MN::PutRecordsFailedRecords), 1.0);
        QCOMPARE(h.sum(MN::WriteProvisionedThroughputExceeded), 2.0);
        QCOMPARE(h.sum(MN::WriteProvisionedThroughputExceeded, kShard1), 2.0);
        QCOMPARE(h.sum(MN::WriteProvisionedThroughputExceeded, kShard0), 0.0);
        QCOMPARE(h.sum(MN::IncomingBytes), 8.0);
        QCOMPARE(h.sum(MN::PutRecordsLatency), 2.5);

        // A throttled PutRecord and GetRecords.
        PutRecordRequest one;
        one.data = "x";
        metrics.putRecord(u"orders"_s, one,
                          std::unexpected(Error{ErrorType::ProvisionedThroughputExceeded,
                                                rate.arg(kShard0)}),
                          1);
        QCOMPARE(h.sum(MN::WriteProvisionedThroughputExceeded), 3.0);
        QCOMPARE(h.sum(MN::WriteProvisionedThroughputExceeded, kShard0), 1.0);
        QCOMPARE(h.stat(MN::PutRecordSuccess, Statistic::Average), 0.0);
        NullSink sink;
        EngineMetrics::CountingSink counted(sink);
        metrics.getRecords(u"orders"_s, kShard1,
                           std::unexpected(Error{ErrorType::ProvisionedThroughputExceeded,
                                                 u"Rate exceeded for Shard"_s}),
                           counted, 1, h.clock->nowMs());
        QCOMPARE(h.sum(MN::ReadProvisionedThroughputExceeded), 1.0);
        QCOMPARE(h.sum(MN::ReadProvisionedThroughputExceeded, kShard1), 1.0);
        QCOMPARE(h.sum(MN::GetRecordsSuccess), 0.0);
        QCOMPARE(h.stat(MN::GetRecordsSuccess, Statistic::SampleCount), 1.0);
    }

    void getRecordsSumsAndIteratorAge()
    {
        Harness h;
        h.open();
        h.createStream(u"orders"_s, 2);
        VERIFY_OK(h.put(u"orders"_s, QByteArray(100, 'a'), kLowKey));
        h.clock->advanceMs(2000);
        VERIFY_OK(h.put(u"orders"_s, QByteArray(20, 'b'), kLowKey));
        h.clock->advanceMs(5000); // the last record is 5 s old when read

        GetRecordsRequest request;
        request.shardIterator = h.iterator(u"orders"_s, kShard0);
        auto first = h.engine->getRecords(request);
        VERIFY_OK(first);
        QCOMPARE(first->records.size(), 2);
        // Caught up: no records, MillisBehindLatest 0, read through the sink overload.
        request.shardIterator = *first->nextShardIterator;
        NullSink sink;
        auto second = h.engine->getRecords(request, sink);
        VERIFY_OK(second);
        QCOMPARE(sink.count, 0);
        // A refused iterator names no stream: nothing recorded.
        request.shardIterator = u"garbage"_s;
        VERIFY_ERROR(h.engine->getRecords(request), ErrorType::InvalidArgument);

        QCOMPARE(h.sum(MN::GetRecordsRecords), 2.0);
        QCOMPARE(h.sum(MN::GetRecordsBytes), 120.0);
        QCOMPARE(h.stat(MN::GetRecordsSuccess, Statistic::SampleCount), 2.0);
        QCOMPARE(h.stat(MN::GetRecordsSuccess, Statistic::Average), 1.0);
        QCOMPARE(h.stat(MN::GetRecordsLatency, Statistic::SampleCount), 2.0);
        QCOMPARE(h.stat(MN::GetRecordsIteratorAgeMilliseconds, Statistic::Maximum), 5000.0);
        QCOMPARE(h.stat(MN::GetRecordsIteratorAgeMilliseconds, Statistic::Minimum), 0.0);
        QCOMPARE(h.sum(MN::ReadProvisionedThroughputExceeded), 0.0);
        QCOMPARE(h.sum(MN::OutgoingRecords, kShard0), 2.0);
        QCOMPARE(h.sum(MN::OutgoingBytes, kShard0), 120.0);
        QCOMPARE(h.stat(MN::IteratorAgeMilliseconds, Statistic::Maximum, kShard0), 5000.0);
        QVERIFY(h.values(MN::OutgoingRecords, u"orders"_s, kShard1, Statistic::Sum).isEmpty());
    }

    void metricsSurviveRestart()
    {
        Harness h;
        h.open();
        h.createStream(u"orders"_s, 1);
        for (int i = 0; i < 10; ++i)
            VERIFY_OK(h.put(u"orders"_s, QByteArray(30, 'a'), kLowKey));
        h.clock->advanceMs(kMinuteMs);
        VERIFY_OK(h.put(u"orders"_s, QByteArray(5, 'a'), kLowKey));
        const QString metricsFile = h.engine->databasePath() + u"-metrics.sqlite"_s;
        QCOMPARE(h.engine->metrics().path(), metricsFile);
        h.engine.reset();
        QVERIFY(QFileInfo::exists(metricsFile));

        h.open();
        const QList<MetricKey> kept = h.engine->metrics().metrics();
        QVERIFY(kept.contains(MetricKey{MN::IncomingBytes, u"orders"_s, {}}));
        QVERIFY(kept.contains(MetricKey{MN::IncomingBytes, u"orders"_s, kShard0}));
        QCOMPARE(h.values(MN::IncomingBytes, u"orders"_s, {}, Statistic::Sum, 60),
                 (QList<double>{300, 5}));
        QCOMPARE(h.values(MN::PutRecordSuccess, u"orders"_s, {}, Statistic::SampleCount, 60),
                 (QList<double>{10, 1}));
        QCOMPARE(h.sum(MN::IncomingRecords, kShard0), 11.0);
    }
};

QTEST_GUILESS_MAIN(TestEngineMetrics)
#include "tst_engine_metrics.moc"
