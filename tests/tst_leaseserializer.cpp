// LeaseSerializer: DynamoDB items as KCL 2.x and 3.x write them <-> Lease.

#include "consumer/leaseserializer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace shardscope;
using namespace Qt::StringLiterals;

namespace {

QJsonObject item(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

} // namespace

class TestLeaseSerializer : public QObject
{
    Q_OBJECT

private slots:
    void kcl2Item();
    void kcl3Item();
    void multiStreamItem();
    void sentinels_data();
    void sentinels();
    void stringSets();
    void nullAndUnknownAttributes();
    void otherEntitiesAreNotLeases();
    void malformed_data();
    void malformed();
    void roundTrip();
};

void TestLeaseSerializer::kcl2Item()
{
    // What KCL 2.x's DynamoDBLeaseSerializer.toDynamoRecord writes for a held, checkpointed lease.
    const auto lease = LeaseSerializer::fromItem(item(R"({
        "leaseKey": {"S": "shardId-000000000001"},
        "leaseOwner": {"S": "worker-a"},
        "leaseCounter": {"N": "1234"},
        "ownerSwitchesSinceCheckpoint": {"N": "2"},
        "checkpoint": {"S": "49590338271490256608559692538361571095921575989136588818"},
        "checkpointSubSequenceNumber": {"N": "0"},
        "pendingCheckpoint": {"S": "49590338271490256608559692538361571095921575989136589000"},
        "pendingCheckpointSubSequenceNumber": {"N": "3"},
        "pendingCheckpointState": {"B": "AAEC"},
        "parentShardId": {"SS": ["shardId-000000000000"]},
        "startingHashKey": {"S": "0"},
        "endingHashKey": {"S": "170141183460469231731687303715884105727"}
    })"));
    QVERIFY2(lease.has_value(), qPrintable(lease ? QString() : lease.error()));
    QCOMPARE(lease->leaseKey, u"shardId-000000000001"_s);
    QCOMPARE(lease->leaseOwner, u"worker-a"_s);
    QCOMPARE(lease->leaseCounter, 1234);
    QCOMPARE(lease->ownerSwitchesSinceCheckpoint, 2);
    QCOMPARE(lease->checkpoint, u"49590338271490256608559692538361571095921575989136588818"_s);
    QCOMPARE(lease->checkpointSubSequenceNumber, 0);
    QCOMPARE(lease->pendingCheckpoint, u"49590338271490256608559692538361571095921575989136589000"_s);
    QCOMPARE(lease->pendingCheckpointSubSequenceNumber, std::optional<qint64>(3));
    QCOMPARE(lease->parentShardIds, QStringList{u"shardId-000000000000"_s});
    QVERIFY(lease->childShardIds.isEmpty());
    QCOMPARE(lease->startingHashKey, u"0"_s);
    QCOMPARE(lease->endingHashKey, u"170141183460469231731687303715884105727"_s);
    QVERIFY(!lease->throughputKBps.has_value());
    QVERIFY(lease->checkpointOwner.isEmpty());
    QVERIFY(lease->entityType.isEmpty());
    QCOMPARE(lease->shardId(), u"shardId-000000000001"_s);
    QVERIFY(lease->isAssigned());
}

void TestLeaseSerializer::kcl3Item()
{
    const auto lease = LeaseSerializer::fromItem(item(R"({
        "leaseKey": {"S": "shardId-000000000004"},
        "leaseOwner": {"S": "worker-b"},
        "checkpointOwner": {"S": "worker-a"},
        "leaseCounter": {"N": "88"},
        "ownerSwitchesSinceCheckpoint": {"N": "0"},
        "checkpoint": {"S": "TRIM_HORIZON"},
        "checkpointSubSequenceNumber": {"N": "0"},
        "throughputKBps": {"N": "12.625"},
        "entityType": {"S": "LEASE"},
        "childShardIds": {"SS": ["shardId-000000000007", "shardId-000000000008"]},
        "startingHashKey": {"S": "0"},
        "endingHashKey": {"S": "340282366920938463463374607431768211455"}
    })"));
    QVERIFY2(lease.has_value(), qPrintable(lease ? QString() : lease.error()));
    QCOMPARE(lease->checkpointOwner, u"worker-a"_s);
    QCOMPARE(lease->throughputKBps, std::optional<double>(12.625));
    QCOMPARE(lease->entityType, u"LEASE"_s);
    QCOMPARE(lease->childShardIds,
             (QStringList{u"shardId-000000000007"_s, u"shardId-000000000008"_s}));
    QCOMPARE(lease->checkpoint, CheckpointSentinel::TrimHorizon);
    QVERIFY(!lease->pendingCheckpointSubSequenceNumber.has_value());
}

void TestLeaseSerializer::multiStreamItem()
{
    // DynamoDBMultiStreamLeaseSerializer adds streamName (the stream identifier) and shardId.
    const auto lease = LeaseSerializer::fromItem(item(R"({
        "leaseKey": {"S": "123456789012:orders:1700000000:shardId-000000000002"},
        "streamName": {"S": "123456789012:orders:1700000000"},
        "shardId": {"S": "shardId-000000000002"},
        "leaseCounter": {"N": "5"},
        "ownerSwitchesSinceCheckpoint": {"N": "0"},
        "checkpoint": {"S": "LATEST"},
        "checkpointSubSequenceNumber": {"N": "0"}
    })"));
    QVERIFY(lease.has_value());
    QCOMPARE(lease->streamName, u"123456789012:orders:1700000000"_s);
    QCOMPARE(lease->shardIdAttribute, u"shardId-000000000002"_s);
    QCOMPARE(lease->shardId(), u"shardId-000000000002"_s);
    QVERIFY(!lease->isAssigned());
    const LeaseKeyParts parts = parseLeaseKey(lease->leaseKey);
    QVERIFY(parts.multiStream);
    QCOMPARE(parts.streamName, u"orders"_s);
    QCOMPARE(parts.accountId, u"123456789012"_s);
    QCOMPARE(parts.creationEpoch, 1700000000);
}

void TestLeaseSerializer::sentinels_data()
{
    QTest::addColumn<QString>("checkpoint");
    QTest::newRow("TRIM_HORIZON") << u"TRIM_HORIZON"_s;
    QTest::newRow("LATEST") << u"LATEST"_s;
    QTest::newRow("SHARD_END") << u"SHARD_END"_s;
    QTest::newRow("AT_TIMESTAMP") << u"AT_TIMESTAMP"_s;
}

void TestLeaseSerializer::sentinels()
{
    QFETCH(QString, checkpoint);
    QJsonObject raw = item(R"({"leaseKey": {"S": "shardId-0"}, "leaseCounter": {"N": "1"},
                               "checkpointSubSequenceNumber": {"N": "0"}})");
    raw.insert(u"checkpoint"_s, QJsonObject{{u"S"_s, checkpoint}});
    const auto lease = LeaseSerializer::fromItem(raw);
    QVERIFY(lease.has_value());
    QCOMPARE(lease->checkpoint, checkpoint);
    QVERIFY(CheckpointSentinel::isSentinel(lease->checkpoint));
    QCOMPARE(lease->reachedShardEnd(), checkpoint == u"SHARD_END"_s);
    QCOMPARE(LeaseSerializer::toItem(*lease).value("checkpoint"_L1).toObject(),
             (QJsonObject{{u"S"_s, checkpoint}}));
}

void TestLeaseSerializer::stringSets()
{
    // A merged shard has two parents; KCL keeps them as a string set (no order).
    const auto lease = LeaseSerializer::fromItem(item(R"({
        "leaseKey": {"S": "shardId-000000000009"}, "leaseCounter": {"N": "1"},
        "parentShardId": {"SS": ["shardId-000000000003", "shardId-000000000004"]}
    })"));
    QVERIFY(lease.has_value());
    QCOMPARE(lease->parentShardIds,
             (QStringList{u"shardId-000000000003"_s, u"shardId-000000000004"_s}));
    const QJsonObject written = LeaseSerializer::toItem(*lease);
    QCOMPARE(written.value("parentShardId"_L1).toObject(),
             (QJsonObject{{u"SS"_s, QJsonArray{u"shardId-000000000003"_s, u"shardId-000000000004"_s}}}));
    // An empty set is never written (DynamoDB refuses empty sets).
    QVERIFY(!written.contains("childShardIds"_L1));
}

void TestLeaseSerializer::nullAndUnknownAttributes()
{
    const auto lease = LeaseSerializer::fromItem(item(R"({
        "leaseKey": {"S": "shardId-0"}, "leaseCounter": {"N": "3"},
        "leaseOwner": {"NULL": true},
        "someFutureAttribute": {"M": {"x": {"N": "1"}}},
        "lastCounterIncrementNanos": {"N": "123"}
    })"));
    QVERIFY2(lease.has_value(), qPrintable(lease ? QString() : lease.error()));
    QVERIFY(lease->leaseOwner.isEmpty());
    QCOMPARE(lease->leaseCounter, 3);
}

void TestLeaseSerializer::otherEntitiesAreNotLeases()
{
    QVERIFY(LeaseSerializer::isLeaseItem(item(R"({"leaseKey": {"S": "shardId-0"}})")));
    QVERIFY(LeaseSerializer::isLeaseItem(
        item(R"({"leaseKey": {"S": "shardId-0"}, "entityType": {"S": "LEASE"}})")));
    QVERIFY(!LeaseSerializer::isLeaseItem(
        item(R"({"leaseKey": {"S": "Leader"}, "entityType": {"S": "LEADER"}})")));
    QVERIFY(!LeaseSerializer::isLeaseItem(
        item(R"({"leaseKey": {"S": "orders"}, "entityType": {"S": "STREAM"}})")));
}

void TestLeaseSerializer::malformed_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    QTest::newRow("counter as string")
        << QByteArray(R"({"leaseKey": {"S": "shardId-7"}, "leaseCounter": {"S": "12"}})")
        << uR"(The lease shardId-7 has a malformed attribute leaseCounter: expected a DynamoDB N value, found {"S":"12"}.)"_s;
    QTest::newRow("counter not a number")
        << QByteArray(R"({"leaseKey": {"S": "shardId-7"}, "leaseCounter": {"N": "twelve"}})")
        << u"The lease shardId-7 has a malformed attribute leaseCounter: expected a whole number, found twelve."_s;
    QTest::newRow("parents as a string")
        << QByteArray(R"({"leaseKey": {"S": "shardId-7"}, "parentShardId": {"S": "shardId-1"}})")
        << uR"(The lease shardId-7 has a malformed attribute parentShardId: expected a DynamoDB SS value, found {"S":"shardId-1"}.)"_s;
    QTest::newRow("owner a number")
        << QByteArray(R"({"leaseKey": {"S": "shardId-7"}, "leaseOwner": {"N": "4"}})")
        << uR"(The lease shardId-7 has a malformed attribute leaseOwner: expected a DynamoDB S value, found {"N":"4"}.)"_s;
    QTest::newRow("throughput not a number")
        << QByteArray(R"({"leaseKey": {"S": "shardId-7"}, "throughputKBps": {"N": "fast"}})")
        << u"The lease shardId-7 has a malformed attribute throughputKBps: expected a number, found fast."_s;
    QTest::newRow("no key")
        << QByteArray(R"({"leaseCounter": {"N": "1"}})")
        << uR"(An item of the lease table has no leaseKey: {"leaseCounter":{"N":"1"}}.)"_s;
    QTest::newRow("key a number")
        << QByteArray(R"({"leaseKey": {"N": "1"}})")
        << uR"(A lease has a malformed attribute leaseKey: expected a DynamoDB S value, found {"N":"1"}.)"_s;
}

void TestLeaseSerializer::malformed()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    const auto lease = LeaseSerializer::fromItem(QJsonDocument::fromJson(json).object());
    QVERIFY(!lease.has_value());
    QCOMPARE(lease.error(), message);
}

void TestLeaseSerializer::roundTrip()
{
    Lease lease;
    lease.leaseKey = u"123456789012:orders:1700000000:shardId-000000000002"_s;
    lease.leaseOwner = u"w1"_s;
    lease.leaseCounter = 42;
    lease.checkpoint = u"4959"_s;
    lease.checkpointSubSequenceNumber = 7;
    lease.pendingCheckpoint = u"4960"_s;
    lease.pendingCheckpointSubSequenceNumber = 1;
    lease.ownerSwitchesSinceCheckpoint = 3;
    lease.parentShardIds = {u"shardId-000000000000"_s};
    lease.childShardIds = {u"shardId-000000000005"_s};
    lease.startingHashKey = u"0"_s;
    lease.endingHashKey = u"99"_s;
    lease.checkpointOwner = u"w2"_s;
    lease.throughputKBps = 0.5;
    lease.entityType = u"LEASE"_s;
    lease.streamName = u"123456789012:orders:1700000000"_s;
    lease.shardIdAttribute = u"shardId-000000000002"_s;
    const QJsonObject written = LeaseSerializer::toItem(lease);
    QCOMPARE(written.value("leaseCounter"_L1).toObject(), (QJsonObject{{u"N"_s, u"42"_s}}));
    QCOMPARE(written.value("throughputKBps"_L1).toObject(), (QJsonObject{{u"N"_s, u"0.5"_s}}));
    const auto read = LeaseSerializer::fromItem(written);
    QVERIFY(read.has_value());
    QCOMPARE(*read, lease);

    Lease bare;
    bare.leaseKey = u"shardId-1"_s;
    const QJsonObject minimal = LeaseSerializer::toItem(bare);
    QCOMPARE(minimal.keys(),
             (QStringList{u"leaseCounter"_s, u"leaseKey"_s, u"ownerSwitchesSinceCheckpoint"_s}));
    QCOMPARE(*LeaseSerializer::fromItem(minimal), bare);
}

QTEST_GUILESS_MAIN(TestLeaseSerializer)
#include "tst_leaseserializer.moc"
