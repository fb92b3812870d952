// DynamoLeaseTable on dynalite: every LeaseTable operation with KCL's conditions, and the
// read-only mode that sends nothing.

#include "consumer/dynamoleasetable.h"
#include "consumer/leaseserializer.h"
#include "dynalitehelper.h"

#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace shardscope;
using namespace shardscope::testing;
using namespace Qt::StringLiterals;

namespace {

Lease newLease(const QString &key, const QString &owner = {})
{
    Lease lease;
    lease.leaseKey = key;
    lease.leaseOwner = owner;
    lease.checkpoint = CheckpointSentinel::TrimHorizon;
    return lease;
}

} // namespace

class TestDynamoLeaseTable : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void createsTableOnce();
    void createLeaseOnlyWhenAbsent();
    void listAndGet();
    void renewNeedsCounterAndOwner();
    void takeNeedsCounterAndCountsSwitches();
    void evictNeedsOwner();
    void updateNeedsCounterAndOwner();
    void deleteNeedsCounter();
    void malformedItemIsAReadableError();
    void unknownTableIsAnError();
    void readOnlyRefusesEveryWriteAndSendsNothing();

private:
    Dynalite m_dynalite;
    std::unique_ptr<DynamoDbClient> m_client;
    std::unique_ptr<DynamoLeaseTable> m_table;
};

void TestDynamoLeaseTable::init()
{
    QString why;
    QVERIFY2(m_dynalite.start(&why), qPrintable(why));
    m_client = m_dynalite.makeClient();
    m_table = std::make_unique<DynamoLeaseTable>(m_client.get(), u"orders-app"_s, false);
    const auto created = awaitFuture(m_table->createTableIfNotExists());
    QVERIFY2(created.has_value(), qPrintable(created ? QString() : created.error().message));
    QVERIFY(*created);
}

void TestDynamoLeaseTable::cleanup()
{
    m_table.reset();
    m_client.reset();
    m_dynalite.stop();
}

void TestDynamoLeaseTable::createsTableOnce()
{
    QCOMPARE(awaitFuture(m_table->createTableIfNotExists()), BackendResult<bool>(false));
    QCOMPARE(awaitFuture(m_table->tableExists()), BackendResult<bool>(true));
    DynamoLeaseTable other(m_client.get(), u"other"_s, false);
    QCOMPARE(awaitFuture(other.tableExists()), BackendResult<bool>(false));
    QCOMPARE(m_table->location(), u"DynamoDB, %1"_s.arg(m_dynalite.url().toString()));
    QCOMPARE(m_table->tableName(), u"orders-app"_s);
    QVERIFY(!m_table->isReadOnly());
    // The key schema is KCL's: hash key leaseKey (S).
    const auto described = awaitFuture(m_client->describeTable(u"orders-app"_s));
    QVERIFY(described && described->has_value());
    QCOMPARE(QJsonDocument((*described)->value("KeySchema"_L1).toArray()).toJson(QJsonDocument::Compact),
             QByteArray(R"([{"AttributeName":"leaseKey","KeyType":"HASH"}])"));
}

void TestDynamoLeaseTable::createLeaseOnlyWhenAbsent()
{
    QCOMPARE(awaitFuture(m_table->createLeaseIfNotExists(newLease(u"shardId-0"_s))),
             BackendResult<bool>(true));
    Lease different = newLease(u"shardId-0"_s, u"w9"_s);
    QCOMPARE(awaitFuture(m_table->createLeaseIfNotExists(different)), BackendResult<bool>(false));
    const auto stored = awaitFuture(m_table->getLease(u"shardId-0"_s));
    QVERIFY(stored && stored->has_value());
    QVERIFY((*stored)->leaseOwner.isEmpty());
}

void TestDynamoLeaseTable::listAndGet()
{
    for (const QString &key : {u"shardId-2"_s, u"shardId-0"_s, u"shardId-1"_s})
        QVERIFY(awaitFuture(m_table->createLeaseIfNotExists(newLease(key))).value_or(false));
    // KCL 3.x may keep other entities in the lease table; they are not leases.
    QVERIFY(awaitFuture(m_client->putItem(
                            u"orders-app"_s,
                            QJsonObject{{u"leaseKey"_s, LeaseSerializer::string(u"Leader"_s)},
                                        {u"entityType"_s, LeaseSerializer::string(u"LEADER"_s)}}))
                .has_value());
    const auto leases = awaitFuture(m_table->listLeases());
    QVERIFY(leases.has_value());
    QStringList keys;
    for (const Lease &lease : *leases)
        keys.append(lease.leaseKey);
    QCOMPARE(keys, (QStringList{u"shardId-0"_s, u"shardId-1"_s, u"shardId-2"_s}));
    QCOMPARE(awaitFuture(m_table->getLease(u"shardId-7"_s)),
             BackendResult<std::optional<Lease>>(std::nullopt));
    QCOMPARE(awaitFuture(m_table->getLease(u"Leader"_s)),
             BackendResult<std::optional<Lease>>(std::nullopt));
    const auto one = awaitFuture(m_table->getLease(u"shardId-1"_s));
    QVERIFY(one && one->has_value());
    QCOMPARE(**one, newLease(u"shardId-1"_s));
}

void TestDynamoLeaseTable::renewNeedsCounterAndOwner()
{
    Lease lease = newLease(u"shardId-0"_s, u"w1"_s);
    lease.leaseCounter = 5;
    QVERIFY(awaitFuture(m_table->createLeaseIfNotExists(lease)).value_or(false));
    const auto renewed = awaitFuture(m_table->renewLease(lease));
    QVERIFY(renewed && renewed->has_value());
    QCOMPARE((*renewed)->leaseCounter, 6);
    QCOMPARE((*renewed)->leaseOwner, u"w1"_s);
    // The counter moved on: the old view loses.
    QCOMPARE(awaitFuture(m_table->renewLease(lease)),
             BackendResult<std::optional<Lease>>(std::nullopt));
    // Right counter, wrong owner.
    Lease other = **renewed;
    other.leaseOwner = u"w2"_s;
    QCOMPARE(awaitFuture(m_table->renewLease(other)),
             BackendResult<std::optional<Lease>>(std::nullopt));
    // Not there at all.
    QCOMPARE(awaitFuture(m_table->renewLease(newLease(u"shardId-9"_s, u"w1"_s))),
             BackendResult<std::optional<Lease>>(std::nullopt));
    QCOMPARE(awaitFuture(m_table->getLease(u"shardId-0"_s))->value().leaseCounter, 6);
}

void TestDynamoLeaseTable::takeNeedsCounterAndCountsSwitches()
{
    Lease lease = newLease(u"shardId-0"_s, u"w1"_s);
    lease.leaseCounter = 10;
    lease.ownerSwitchesSinceCheckpoint = 1;
    lease.checkpointOwner = u"w1"_s;
    QVERIFY(awaitFuture(m_table->createLeaseIfNotExists(lease)).value_or(false));
    const auto taken = awaitFuture(m_table->takeLease(lease, u"w2"_s));
    QVERIFY(taken && taken->has_value());
    QCOMPARE((*taken)->leaseOwner, u"w2"_s);
    QCOMPARE((*taken)->leaseCounter, 11);
    QCOMPARE((*taken)->ownerSwitchesSinceCheckpoint, 2);
    QVERIFY((*taken)->checkpointOwner.isEmpty());
    // A second taker with the same old view loses.
    QCOMPARE(awaitFuture(m_table->takeLease(lease, u"w3"_s)),
             BackendResult<std::optional<Lease>>(std::nullopt));
    // Taking one's own lease again is no switch.
    const auto again = awaitFuture(m_table->takeLease(**taken, u"w2"_s));
    QVERIFY(again && again->has_value());
    QCOMPARE((*again)->leaseCounter, 12);
    QCOMPARE((*again)->ownerSwitchesSinceCheckpoint, 2);
}

void TestDynamoLeaseTable::evictNeedsOwner()
{
    Lease lease = newLease(u"shardId-0"_s, u"w1"_s);
    lease.leaseCounter = 3;
    QVERIFY(awaitFuture(m_table->createLeaseIfNotExists(lease)).value_or(false));
    Lease notMine = lease;
    notMine.leaseOwner = u"w2"_s;
    QCOMPARE(awaitFuture(m_table->evictLease(notMine)),
             BackendResult<std::optional<Lease>>(std::nullopt));
    // Eviction does not care about the counter, only the owner.
    Lease staleCounter = lease;
    staleCounter.leaseCounter = 1;
    const auto evicted = awaitFuture(m_table->evictLease(staleCounter));
    QVERIFY(evicted && evicted->has_value());
    QVERIFY((*evicted)->leaseOwner.isEmpty());
    QCOMPARE((*evicted)->leaseCounter, 4);
    QCOMPARE(awaitFuture(m_table->evictLease(lease)),
             BackendResult<std::optional<Lease>>(std::nullopt));
}

void TestDynamoLeaseTable::updateNeedsCounterAndOwner()
{
    Lease lease = newLease(u"shardId-0"_s, u"w1"_s);
    lease.leaseCounter = 7;
    lease.pendingCheckpoint = u"111"_s;
    lease.pendingCheckpointSubSequenceNumber = 0;
    lease.ownerSwitchesSinceCheckpoint = 2;
    QVERIFY(awaitFuture(m_table->createLeaseIfNotExists(lease)).value_or(false));
    Lease updated = lease;
    updated.checkpoint = u"49590338271490256608559692538361571095921575989136588818"_s;
    updated.checkpointSubSequenceNumber = 4;
    updated.pendingCheckpoint.clear();
    updated.pendingCheckpointSubSequenceNumber.reset();
    updated.ownerSwitchesSinceCheckpoint = 0;
    updated.childShardIds = {u"shardId-5"_s, u"shardId-6"_s};
    updated.throughputKBps = 3.5;
    const auto stored = awaitFuture(m_table->updateLease(updated));
    QVERIFY2(stored && stored->has_value(),
             qPrintable(stored ? QString() : stored.error().message));
    QCOMPARE((*stored)->checkpoint, updated.checkpoint);
    QCOMPARE((*stored)->checkpointSubSequenceNumber, 4);
    QVERIFY((*stored)->pendingCheckpoint.isEmpty());
    QVERIFY(!(*stored)->pendingCheckpointSubSequenceNumber.has_value());
    QCOMPARE((*stored)->ownerSwitchesSinceCheckpoint, 0);
    QCOMPARE((*stored)->childShardIds, updated.childShardIds);
    QCOMPARE((*stored)->throughputKBps, std::optional<double>(3.5));
    QCOMPARE((*stored)->leaseCounter, 8);
    // Stale counter, then wrong owner.
    QCOMPARE(awaitFuture(m_table->updateLease(updated)),
             BackendResult<std::optional<Lease>>(std::nullopt));
    Lease wrongOwner = **stored;
    wrongOwner.leaseOwner = u"w2"_s;
    QCOMPARE(awaitFuture(m_table->updateLease(wrongOwner)),
             BackendResult<std::optional<Lease>>(std::nullopt));
    // A pending checkpoint is written with its sub-sequence number.
    Lease pending = **stored;
    pending.pendingCheckpoint = u"222"_s;
    pending.pendingCheckpointSubSequenceNumber = 9;
    const auto withPending = awaitFuture(m_table->updateLease(pending));
    QVERIFY(withPending && withPending->has_value());
    QCOMPARE((*withPending)->pendingCheckpoint, u"222"_s);
    QCOMPARE((*withPending)->pendingCheckpointSubSequenceNumber, std::optional<qint64>(9));
}

void TestDynamoLeaseTable::deleteNeedsCounter()
{
    Lease lease = newLease(u"shardId-0"_s);
    lease.leaseCounter = 2;
    QVERIFY(awaitFuture(m_table->createLeaseIfNotExists(lease)).value_or(false));
    Lease stale = lease;
    stale.leaseCounter = 1;
    QCOMPARE(awaitFuture(m_table->deleteLease(stale)), BackendResult<bool>(false));
    QCOMPARE(awaitFuture(m_table->deleteLease(lease)), BackendResult<bool>(true));
    QCOMPARE(awaitFuture(m_table->deleteLease(lease)), BackendResult<bool>(false));
    QCOMPARE(awaitFuture(m_table->listLeases())->size(), 0);
}

void TestDynamoLeaseTable::malformedItemIsAReadableError()
{
    QVERIFY(awaitFuture(m_client->putItem(
                            u"orders-app"_s,
                            QJsonObject{{u"leaseKey"_s, LeaseSerializer::string(u"shardId-3"_s)},
                                        {u"leaseCounter"_s, LeaseSerializer::string(u"x"_s)}}))
                .has_value());
    const auto leases = awaitFuture(m_table->listLeases());
    QVERIFY(!leases.has_value());
    QCOMPARE(leases.error().type, ErrorType::Serialization);
    QVERIFY2(leases.error().message.startsWith(
                 u"The lease shardId-3 has a malformed attribute leaseCounter"_s),
             qPrintable(leases.error().message));
}

void TestDynamoLeaseTable::unknownTableIsAnError()
{
    DynamoLeaseTable missing(m_client.get(), u"nosuchapp"_s, true);
    const auto leases = awaitFuture(missing.listLeases());
    QVERIFY(!leases.has_value());
    QCOMPARE(leases.error().type, ErrorType::ResourceNotFound);
    QCOMPARE(leases.error().message,
             u"The table nosuchapp does not exist at %1."_s.arg(m_dynalite.url().toString()));
}

void TestDynamoLeaseTable::readOnlyRefusesEveryWriteAndSendsNothing()
{
    // A server that only counts connections: nothing may reach it.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    int connections = 0;
    connect(&server, &QTcpServer::newConnection, this, [&] {
        ++connections;
        delete server.nextPendingConnection();
    });
    DynamoDbClientOptions options;
    options.endpoint = QUrl(u"http://127.0.0.1:%1"_s.arg(server.serverPort()));
    options.staticCredentials = AwsCredentials{u"AKID"_s, u"secret"_s, {}};
    DynamoDbClient client(options);
    DynamoLeaseTable table(&client, u"orders-app"_s, true);
    QVERIFY(table.isReadOnly());
    Lease lease = newLease(u"shardId-0"_s, u"w1"_s);

    const auto expectRefused = [](const auto &future, const QString &operation) {
        QVERIFY(future.isFinished()); // at once: nothing was sent
        const auto result = future.result();
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().type, ErrorType::AccessDenied);
        QCOMPARE(result.error().message,
                 u"The lease table orders-app is open read-only: %1 was not sent."_s.arg(operation));
    };
    expectRefused(table.createTableIfNotExists(), u"CreateTable"_s);
    expectRefused(table.createLeaseIfNotExists(lease), u"PutItem"_s);
    expectRefused(table.renewLease(lease), u"UpdateItem"_s);
    expectRefused(table.takeLease(lease, u"w2"_s), u"UpdateItem"_s);
    expectRefused(table.evictLease(lease), u"UpdateItem"_s);
    expectRefused(table.updateLease(lease), u"UpdateItem"_s);
    expectRefused(table.deleteLease(lease), u"DeleteItem"_s);
    QTest::qWait(200);
    QCOMPARE(connections, 0);

    // Reads still go out (this one reaches the counting server, and is retried there).
    auto read = table.listLeases();
    QTRY_VERIFY_WITH_TIMEOUT(connections >= 1, 5000);
    Q_UNUSED(read);
}

QTEST_GUILESS_MAIN(TestDynamoLeaseTable)
#include "tst_dynamoleasetable.moc"
