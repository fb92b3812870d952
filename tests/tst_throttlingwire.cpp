// The throughput limits as a client sees them through the Kinesis endpoint's dispatcher, in
// JSON 1.1 and CBOR: PutRecord's and GetRecords's ProvisionedThroughputExceededException with
// their exact messages, and PutRecords's per-entry ErrorCode and ErrorMessage. The engine runs on
// a ManualClock, so the limits are reached at an exact count.

#include "engine/clock.h"
#include "engine/engine.h"
#include "protocol/wirecodec.h"
#include "server/dispatcher.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace shardscope;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kStartMs = 1'700'000'000'000;
const QString kPutMessage =
    u"Rate exceeded for shard shardId-000000000000 in stream s under account 000000000000."_s;
const QString kGetMessage = u"Rate exceeded for Shard - 000000000000/s/shardId-000000000000"_s;

struct Fixture
{
    QTemporaryDir dir;
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(kStartMs);
    std::unique_ptr<Engine> engine;
    std::unique_ptr<Dispatcher> dispatcher;

    bool open()
    {
        if (!dir.isValid())
            return false;
        EngineOptions options;
        options.databasePath = dir.filePath(u"kinesis.db"_s);
        options.createDelayMs = 0;
        options.clock = clock;
        auto opened = Engine::open(options);
        if (!opened)
            return false;
        engine = std::move(*opened);
        dispatcher = std::make_unique<Dispatcher>(*engine);
        CreateStreamRequest create;
        create.streamName = u"s"_s;
        create.shardCount = 1;
        return engine->createStream(create).has_value();
    }

    Dispatcher::Response call(bool cbor, QStringView operation, const QJsonObject &body) const
    {
        const QString target = u"Kinesis_20131202."_s + operation;
        if (cbor)
            return dispatcher->handle(target, "application/x-amz-cbor-1.1",
                                      QCborValue(QCborMap::fromJsonObject(body)).toCbor());
        return dispatcher->handle(target, "application/x-amz-json-1.1",
                                  QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

    // Fills shard 0's write allowance for this second: 1,000 records.
    bool fillShard() const
    {
        PutRecordsRequest request;
        request.target = StreamTarget::byName(u"s"_s);
        for (int i = 0; i < 500; ++i)
            request.records.append(PutRecordsRequestEntry{"x", u"k"_s, std::nullopt});
        for (int round = 0; round < 2; ++round) {
            auto put = engine->putRecords(request);
            if (!put || put->failedRecordCount != 0)
                return false;
        }
        return true;
    }
};

// The error a response carries, decoded as its format has it: {__type, message}.
std::pair<QString, QString> errorOf(bool cbor, const Dispatcher::Response &response)
{
    if (cbor) {
        const QCborMap map = QCborValue::fromCbor(response.body).toMap();
        return {map.value(u"__type"_s).toString(), map.value(u"message"_s).toString()};
    }
    const QJsonObject object = QJsonDocument::fromJson(response.body).object();
    return {object.value(u"__type"_s).toString(), object.value(u"message"_s).toString()};
}

} // namespace

class TestThrottlingWire final : public QObject
{
    Q_OBJECT

private slots:
    void formats_data()
    {
        QTest::addColumn<bool>("cbor");
        QTest::newRow("json") << false;
        QTest::newRow("cbor") << true;
    }

    void putRecord_data() { formats_data(); }
    void putRecord()
    {
        QFETCH(bool, cbor);
        Fixture f;
        QVERIFY(f.open());
        QVERIFY(f.fillShard());
        const auto r = f.call(cbor, u"PutRecord",
                              QJsonObject{{u"StreamName"_s, u"s"_s},
                                          {u"Data"_s, u"aGVsbG8="_s},
                                          {u"PartitionKey"_s, u"k"_s}});
        QCOMPARE(r.status, 400);
        const auto [type, message] = errorOf(cbor, r);
        QCOMPARE(type, u"ProvisionedThroughputExceededException"_s);
        QCOMPARE(message, kPutMessage);
        if (!cbor)
            QCOMPARE(r.body, QByteArray(R"({"__type":"ProvisionedThroughputExceededException",)"
                                        R"("message":"Rate exceeded for shard shardId-000000000000 )"
                                        R"(in stream s under account 000000000000."})"));
        // A second later the same call succeeds.
        f.clock->advanceMs(1000);
        QCOMPARE(f.call(cbor, u"PutRecord",
                        QJsonObject{{u"StreamName"_s, u"s"_s},
                                    {u"Data"_s, u"aGVsbG8="_s},
                                    {u"PartitionKey"_s, u"k"_s}})
                     .status,
                 200);
    }

    void putRecords_data() { formats_data(); }
    void putRecords()
    {
        QFETCH(bool, cbor);
        Fixture f;
        QVERIFY(f.open());
        // 999 records leave room for one: of three entries, the first passes.
        PutRecordsRequest fill;
        fill.target = StreamTarget::byName(u"s"_s);
        for (int i = 0; i < 333; ++i)
            fill.records.append(PutRecordsRequestEntry{"x", u"k"_s, std::nullopt});
        for (int round = 0; round < 3; ++round)
            QVERIFY(f.engine->putRecords(fill).has_value());
        QJsonArray records;
        for (int i = 0; i < 3; ++i)
            records.append(QJsonObject{{u"Data"_s, u"eQ=="_s}, {u"PartitionKey"_s, u"k"_s}});
        const auto r = f.call(cbor, u"PutRecords",
                              QJsonObject{{u"StreamName"_s, u"s"_s}, {u"Records"_s, records}});
        QCOMPARE(r.status, 200);
        QJsonObject body;
        if (cbor)
            body = QCborValue::fromCbor(r.body).toMap().toJsonObject();
        else
            body = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(body.value(u"FailedRecordCount"_s).toInteger(), 2);
        const QJsonArray results = body.value(u"Records"_s).toArray();
        QCOMPARE(results.size(), 3);
        QVERIFY(!results[0].toObject().value(u"SequenceNumber"_s).toString().isEmpty());
        QCOMPARE(results[0].toObject().value(u"ShardId"_s).toString(), u"shardId-000000000000"_s);
        QVERIFY(!results[0].toObject().contains(u"ErrorCode"_s));
        for (int i = 1; i < 3; ++i) {
            const QJsonObject entry = results[i].toObject();
            QCOMPARE(entry.value(u"ErrorCode"_s).toString(),
                     u"ProvisionedThroughputExceededException"_s);
            QCOMPARE(entry.value(u"ErrorMessage"_s).toString(), kPutMessage);
            QVERIFY(!entry.contains(u"SequenceNumber"_s));
            QVERIFY(!entry.contains(u"ShardId"_s));
        }
    }

    void getRecords_data() { formats_data(); }
    void getRecords()
    {
        QFETCH(bool, cbor);
        Fixture f;
        QVERIFY(f.open());
        GetShardIteratorRequest request;
        request.target = StreamTarget::byName(u"s"_s);
        request.shardId = u"shardId-000000000000"_s;
        request.shardIteratorType = ShardIteratorType::TrimHorizon;
        const auto iterator = f.engine->getShardIterator(request);
        QVERIFY(iterator.has_value());
        const QJsonObject get{{u"ShardIterator"_s, iterator->shardIterator}};
        for (int i = 0; i < 5; ++i)
            QCOMPARE(f.call(cbor, u"GetRecords", get).status, 200);
        const auto r = f.call(cbor, u"GetRecords", get);
        QCOMPARE(r.status, 400);
        const auto [type, message] = errorOf(cbor, r);
        QCOMPARE(type, u"ProvisionedThroughputExceededException"_s);
        QCOMPARE(message, kGetMessage);
        // Decoded by the codec the AWS backend uses, the error has its type.
        const Error decoded =
            WireCodec(cbor ? WireFormat::Cbor : WireFormat::Json).decodeError(r.body);
        QCOMPARE(decoded.type, ErrorType::ProvisionedThroughputExceeded);
        QCOMPARE(decoded.message, kGetMessage);
    }
};

QTEST_GUILESS_MAIN(TestThrottlingWire)
#include "tst_throttlingwire.moc"
