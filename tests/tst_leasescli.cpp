// Lease tables in KCL 2.x and KCL 3.x layout, written to dynalite item by item as KCL writes them
// (raw attribute JSON, not through LeaseSerializer), read back by LeaseMonitor and by the real
// `shardscope leases` binary.

#include "consumer/dynamoleasetable.h"
#include "consumer/leasemonitor.h"
#include "consumer/leasereport.h"
#include "dynalitehelper.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QtTest>

using namespace shardscope;
using namespace shardscope::testing;
using namespace Qt::StringLiterals;

namespace {

const QString kSeq0 = u"49590338271490256608559692538361571095921575989136588898"_s;
const QString kSeq1 = u"49590338271490256608559692540925702759324208523137515618"_s;

QJsonObject raw(const char *json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(json), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return document.object();
}

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

QProcessEnvironment cliEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name : environment.keys()) {
        if (name.startsWith(u"AWS_"_s))
            environment.remove(name);
    }
    environment.insert(u"AWS_CONFIG_FILE"_s, u"/dev/null"_s);
    environment.insert(u"AWS_SHARED_CREDENTIALS_FILE"_s, u"/dev/null"_s);
    environment.insert(u"AWS_ACCESS_KEY_ID"_s, u"AKIDEXAMPLE"_s);
    environment.insert(u"AWS_SECRET_ACCESS_KEY"_s, u"secret"_s);
    // English, whatever the machine's language (a check below asks for German).
    for (const QString &name : {u"LANGUAGE"_s, u"LC_ALL"_s, u"LC_MESSAGES"_s})
        environment.remove(name);
    environment.insert(u"LANG"_s, u"C.UTF-8"_s);
    return environment;
}

} // namespace

class TestLeasesCli : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void kcl2TableThroughMonitor();
    void kcl2TableThroughBinaryJsonWithTwoLooks();
    void kcl2TableThroughBinaryText();
    void kcl3TableThroughMonitor();
    void kcl3TableThroughBinary();
    void kcl3MigratedTableThroughMonitor();
    void badArgumentsExit2_data();
    void badArgumentsExit2();
    void unknownTableExits1();
    void unreachableEndpointExits1();
    void reportWithoutProcess();
    void followsTheLocale();

private:
    void put(const QString &table, const QJsonObject &item);
    void writeKcl2Table();
    void writeKcl3Tables();
    LeaseTableSnapshot monitorOnce(const QString &table);
    // `messagesLocale`: LC_MESSAGES for the run (the default is English).
    QProcess *startBinary(const QStringList &arguments, const QString &messagesLocale = {});
    Run finish(QProcess *process);
    Run runBinary(const QStringList &arguments, const QString &messagesLocale = {});

    Dynalite m_dynalite;
    std::unique_ptr<DynamoDbClient> m_client;
};

void TestLeasesCli::init()
{
    QString why;
    QVERIFY2(m_dynalite.start(&why), qPrintable(why));
    m_client = m_dynalite.makeClient();
}

void TestLeasesCli::cleanup()
{
    m_client.reset();
    m_dynalite.stop();
}

void TestLeasesCli::put(const QString &table, const QJsonObject &item)
{
    const auto result = awaitFuture(m_client->putItem(table, item));
    QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().message));
}

// As KCL 2.x's DynamoDBLeaseSerializer writes them: a held lease with a sequence-number
// checkpoint, a second worker's lease, an unassigned one, a closed parent at SHARD_END with its
// children, and a child with its parent.
void TestLeasesCli::writeKcl2Table()
{
    QVERIFY(createActiveTable(*m_client, u"orders-app"_s, u"leaseKey"_s));
    QJsonObject a = raw(R"({
        "leaseKey": {"S": "shardId-000000000000"}, "leaseOwner": {"S": "worker-a"},
        "leaseCounter": {"N": "120"}, "ownerSwitchesSinceCheckpoint": {"N": "0"},
        "checkpointSubSequenceNumber": {"N": "0"},
        "startingHashKey": {"S": "0"}, "endingHashKey": {"S": "170141183460469231731687303715884105727"}
    })");
    a.insert(u"checkpoint"_s, QJsonObject{{u"S"_s, kSeq0}});
    put(u"orders-app"_s, a);
    QJsonObject b = raw(R"({
        "leaseKey": {"S": "shardId-000000000001"}, "leaseOwner": {"S": "worker-b"},
        "leaseCounter": {"N": "77"}, "ownerSwitchesSinceCheckpoint": {"N": "2"},
        "checkpointSubSequenceNumber": {"N": "3"}
    })");
    b.insert(u"checkpoint"_s, QJsonObject{{u"S"_s, kSeq1}});
    put(u"orders-app"_s, b);
    put(u"orders-app"_s, raw(R"({
        "leaseKey": {"S": "shardId-000000000002"},
        "leaseCounter": {"N": "4"}, "ownerSwitchesSinceCheckpoint": {"N": "0"},
        "checkpoint": {"S": "TRIM_HORIZON"}, "checkpointSubSequenceNumber": {"N": "0"}
    })"));
    put(u"orders-app"_s, raw(R"({
        "leaseKey": {"S": "shardId-000000000003"}, "leaseOwner": {"S": "worker-a"},
        "leaseCounter": {"N": "900"}, "ownerSwitchesSinceCheckpoint": {"N": "0"},
        "checkpoint": {"S": "SHARD_END"}, "checkpointSubSequenceNumber": {"N": "0"},
        "childShardIds": {"SS": ["shardId-000000000004"]}
    })"));
    put(u"orders-app"_s, raw(R"({
        "leaseKey": {"S": "shardId-000000000004"}, "leaseOwner": {"S": "worker-a"},
        "leaseCounter": {"N": "2"}, "ownerSwitchesSinceCheckpoint": {"N": "0"},
        "checkpoint": {"S": "TRIM_HORIZON"}, "checkpointSubSequenceNumber": {"N": "0"},
        "parentShardId": {"SS": ["shardId-000000000003"]}
    })"));
}

// KCL 3.x in multi-stream mode: lease keys account:stream:epoch:shard with streamName and shardId,
// entityType, checkpointOwner (a graceful handoff under way) and throughputKBps; the
// WorkerMetricStats table (wid) and the CoordinatorState table (key) with the leader lock as the
// DynamoDB lock client writes it.
void TestLeasesCli::writeKcl3Tables()
{
    QVERIFY(createActiveTable(*m_client, u"app3"_s, u"leaseKey"_s));
    QVERIFY(createActiveTable(*m_client, u"app3-WorkerMetricStats"_s, u"wid"_s));
    QVERIFY(createActiveTable(*m_client, u"app3-CoordinatorState"_s, u"key"_s));
    put(u"app3"_s, raw(R"({
        "leaseKey": {"S": "123456789012:orders:1700000000:shardId-000000000000"},
        "streamName": {"S": "123456789012:orders:1700000000"},
        "shardId": {"S": "shardId-000000000000"},
        "leaseOwner": {"S": "worker-2"}, "checkpointOwner": {"S": "worker-1"},
        "leaseCounter": {"N": "31"}, "ownerSwitchesSinceCheckpoint": {"N": "1"},
        "checkpoint": {"S": "49590338271490256608559692538361571095921575989136588898"},
        "checkpointSubSequenceNumber": {"N": "0"},
        "throughputKBps": {"N": "512.25"}, "entityType": {"S": "LEASE"},
        "startingHashKey": {"S": "0"}, "endingHashKey": {"S": "340282366920938463463374607431768211455"}
    })"));
    put(u"app3"_s, raw(R"({
        "leaseKey": {"S": "123456789012:orders:1700000000:shardId-000000000001"},
        "streamName": {"S": "123456789012:orders:1700000000"},
        "shardId": {"S": "shardId-000000000001"},
        "leaseOwner": {"S": "worker-1"},
        "leaseCounter": {"N": "40"}, "ownerSwitchesSinceCheckpoint": {"N": "0"},
        "checkpoint": {"S": "LATEST"}, "checkpointSubSequenceNumber": {"N": "0"},
        "throughputKBps": {"N": "0"}, "entityType": {"S": "LEASE"}
    })"));
    put(u"app3"_s, raw(R"({
        "leaseKey": {"S": "123456789012:payments:1700000500:shardId-000000000000"},
        "streamName": {"S": "123456789012:payments:1700000500"},
        "shardId": {"S": "shardId-000000000000"},
        "leaseOwner": {"S": "worker-1"},
        "leaseCounter": {"N": "9"}, "ownerSwitchesSinceCheckpoint": {"N": "0"},
        "checkpoint": {"S": "TRIM_HORIZON"}, "checkpointSubSequenceNumber": {"N": "0"},
        "entityType": {"S": "LEASE"}
    })"));
    put(u"app3-WorkerMetricStats"_s, raw(R"({
        "wid": {"S": "worker-1"}, "lut": {"N": "1765100000"},
        "sts": {"M": {"CPU": {"L": [{"N": "10"}, {"N": "35.5"}]}}},
        "opr": {"M": {"CPU": {"L": [{"N": "80"}]}}}
    })"));
    put(u"app3-WorkerMetricStats"_s, raw(R"({
        "wid": {"S": "worker-2"}, "lut": {"N": "1765100002"},
        "sts": {"M": {"CPU": {"L": [{"N": "70"}]}}},
        "opr": {"M": {"CPU": {"L": [{"N": "80"}]}}}
    })"));
    put(u"app3-CoordinatorState"_s, raw(R"({
        "key": {"S": "Leader"}, "ownerName": {"S": "worker-1"},
        "leaseDuration": {"S": "20000"}, "recordVersionNumber": {"S": "6f6b1c1e-1111-4c3a-9f5e-2a7d8e1b0c3d"}
    })"));
    put(u"app3-CoordinatorState"_s, raw(R"({
        "key": {"S": "Migration3.0"}, "cv": {"S": "CLIENT_VERSION_3X"}
    })"));
}

LeaseTableSnapshot TestLeasesCli::monitorOnce(const QString &table)
{
    DynamoLeaseTable leaseTable(m_client.get(), table, true);
    LeaseMonitor monitor(&leaseTable);
    QSignalSpy spy(&monitor, &LeaseMonitor::snapshotChanged);
    monitor.refreshNow();
    if (!spy.wait(20000))
        qFatal("no snapshot");
    return monitor.snapshot();
}

QProcess *TestLeasesCli::startBinary(const QStringList &arguments, const QString &messagesLocale)
{
    auto *process = new QProcess(this);
    process->setProgram(QStringLiteral(SHARDSCOPE_BINARY));
    process->setArguments(QStringList{u"leases"_s} + arguments);
    QProcessEnvironment environment = cliEnvironment();
    if (!messagesLocale.isEmpty())
        environment.insert(u"LC_MESSAGES"_s, messagesLocale);
    process->setProcessEnvironment(environment);
    process->start();
    return process;
}

Run TestLeasesCli::finish(QProcess *process)
{
    Run run;
    if (!QTest::qWaitFor([process] { return process->state() == QProcess::NotRunning; }, 60000))
        process->kill();
    process->waitForFinished(5000);
    run.exitCode = process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -1;
    run.out = process->readAllStandardOutput();
    run.err = process->readAllStandardError();
    process->deleteLater();
    return run;
}

Run TestLeasesCli::runBinary(const QStringList &arguments, const QString &messagesLocale)
{
    return finish(startBinary(arguments, messagesLocale));
}

void TestLeasesCli::kcl2TableThroughMonitor()
{
    writeKcl2Table();
    const LeaseTableSnapshot snapshot = monitorOnce(u"orders-app"_s);
    QVERIFY2(!snapshot.error, qPrintable(snapshot.error ? snapshot.error->message : QString()));
    QCOMPARE(snapshot.tableName, u"orders-app"_s);
    QCOMPARE(snapshot.leases.size(), 5);
    const Lease &a = snapshot.leases.at(0).lease;
    QCOMPARE(a.leaseKey, u"shardId-000000000000"_s);
    QCOMPARE(a.leaseOwner, u"worker-a"_s);
    QCOMPARE(a.leaseCounter, 120);
    QCOMPARE(a.checkpoint, kSeq0);
    QCOMPARE(a.endingHashKey, u"170141183460469231731687303715884105727"_s);
    const Lease &b = snapshot.leases.at(1).lease;
    QCOMPARE(b.ownerSwitchesSinceCheckpoint, 2);
    QCOMPARE(b.checkpointSubSequenceNumber, 3);
    QVERIFY(!snapshot.leases.at(2).lease.isAssigned());
    QVERIFY(snapshot.leases.at(3).lease.reachedShardEnd());
    QCOMPARE(snapshot.leases.at(3).lease.childShardIds, QStringList{u"shardId-000000000004"_s});
    QCOMPARE(snapshot.leases.at(4).lease.parentShardIds, QStringList{u"shardId-000000000003"_s});
    for (const LeaseState &state : snapshot.leases)
        QVERIFY(!state.expired);
    QVERIFY(!snapshot.hasWorkerMetricStats);
    QVERIFY(!snapshot.hasCoordinatorState);
    QVERIFY(snapshot.leaderWorkerId.isEmpty());
}

void TestLeasesCli::kcl2TableThroughBinaryJsonWithTwoLooks()
{
    writeKcl2Table();
    QProcess *process =
        startBinary({u"--table"_s, u"orders-app"_s, u"--endpoint"_s, m_dynalite.url().toString(),
                     u"--json"_s, u"--failover-ms"_s, u"1500"_s});
    // Between the two looks worker-a renews shard 0 (as KCL's renewer does); worker-b is gone.
    QByteArray errors;
    QVERIFY(QTest::qWaitFor([process, &errors] {
        errors += process->readAllStandardError();
        return process->state() == QProcess::NotRunning || errors.contains("watching for 1.5 s");
    }, 20000));
    QCOMPARE(process->state(), QProcess::Running);
    const DynamoDbCondition held{u"leaseOwner = :o"_s, {},
                                 QJsonObject{{u":o"_s, QJsonObject{{u"S"_s, u"worker-a"_s}}},
                                             {u":one"_s, QJsonObject{{u"N"_s, u"1"_s}}}}};
    const auto renewed = awaitFuture(m_client->updateItem(
        u"orders-app"_s, QJsonObject{{u"leaseKey"_s, QJsonObject{{u"S"_s, u"shardId-000000000000"_s}}}},
        u"ADD leaseCounter :one"_s, held));
    QVERIFY2(renewed.has_value(), qPrintable(renewed ? QString() : renewed.error().message));
    const Run run = finish(process);
    QCOMPARE(run.exitCode, 0);

    QJsonParseError parseError;
    const QJsonObject document = QJsonDocument::fromJson(run.out, &parseError).object();
    QVERIFY2(parseError.error == QJsonParseError::NoError, run.out.constData());
    QCOMPARE(document.value("table"_L1).toString(), u"orders-app"_s);
    QCOMPARE(document.value("location"_L1).toString(), u"DynamoDB, "_s + m_dynalite.url().toString());
    QCOMPARE(document.value("expiryKnown"_L1).toBool(), true);
    QCOMPARE(document.value("failoverTimeMs"_L1).toInteger(), 1500);
    const QJsonArray leases = document.value("leases"_L1).toArray();
    QCOMPARE(leases.size(), 5);
    QStringList states;
    for (const QJsonValue &lease : leases)
        states.append(lease.toObject().value("state"_L1).toString());
    QCOMPARE(states, (QStringList{u"alive"_s, u"expired"_s, u"unassigned"_s, u"ended"_s, u"expired"_s}));
    const QJsonObject first = leases.at(0).toObject();
    QCOMPARE(first.value("checkpoint"_L1).toString(), kSeq0); // whole in JSON
    QCOMPARE(first.value("counter"_L1).toInteger(), 121);
    QCOMPARE(first.value("owner"_L1).toString(), u"worker-a"_s);
    QCOMPARE(leases.at(2).toObject().value("owner"_L1).isNull(), true);
    QCOMPARE(leases.at(1).toObject().value("ownerSwitchesSinceCheckpoint"_L1).toInteger(), 2);
    QCOMPARE(leases.at(4).toObject().value("parentShardIds"_L1).toArray(),
             QJsonArray{u"shardId-000000000003"_s});
    QCOMPARE(document.value("leasesPerOwner"_L1).toObject(),
             (QJsonObject{{u"worker-a"_s, 3}, {u"worker-b"_s, 1}}));
    QCOMPARE(document.value("unassigned"_L1).toInteger(), 1);
    // worker-b renewed nothing between the looks: the diagnoser says so (worker-a renewed one).
    const QJsonArray diagnoses = document.value("diagnoses"_L1).toArray();
    QCOMPARE(diagnoses.size(), 1);
    QVERIFY2(diagnoses.at(0).toString().startsWith(u"worker-b holds 1 lease but has renewed none"_s),
             qPrintable(diagnoses.at(0).toString()));
    QCOMPARE(errors + run.err, QByteArray("watching for 1.5 s…\n"));
}

void TestLeasesCli::kcl2TableThroughBinaryText()
{
    writeKcl2Table();
    const Run run = runBinary({u"--table"_s, u"orders-app"_s, u"--endpoint"_s,
                               m_dynalite.url().toString(), u"--no-wait"_s});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.err.isEmpty()); // one look: no waiting
    const QString text = QString::fromUtf8(run.out);
    const QStringList lines = text.split(u'\n');
    QVERIFY2(lines.at(0).startsWith(u"Lease table orders-app (DynamoDB, %1): 5 leases, failover time 10 s"_s
                                        .arg(m_dynalite.url().toString())),
             qPrintable(text));
    const QRegularExpression header(u"^SHARD\\s+OWNER\\s+COUNTER\\s+CHECKPOINT\\s+SWITCHES\\s+PARENTS\\s+STATE$"_s);
    const qsizetype headerLine = lines.indexOf(header);
    QVERIFY2(headerLine > 0, qPrintable(text));
    const auto columns = [&](int row) {
        return lines.at(headerLine + 1 + row).split(u' ', Qt::SkipEmptyParts);
    };
    // Sequence numbers abbreviated in text, states unknown after one look.
    QCOMPARE(columns(0), (QStringList{u"shardId-000000000000"_s, u"worker-a"_s, u"120"_s,
                                      LeaseReport::abbreviated(kSeq0), u"0"_s, u"-"_s, u"unknown"_s}));
    QVERIFY(LeaseReport::abbreviated(kSeq0).size() < kSeq0.size());
    QVERIFY(!text.contains(kSeq0));
    QCOMPARE(columns(2), (QStringList{u"shardId-000000000002"_s, u"-"_s, u"4"_s, u"TRIM_HORIZON"_s,
                                      u"0"_s, u"-"_s, u"unassigned"_s}));
    QCOMPARE(columns(3).last(), u"ended"_s);
    QCOMPARE(columns(4).at(5), u"shardId-000000000003"_s);
    QVERIFY(text.contains(u"Expiry is unknown"_s));
    QVERIFY(text.contains(QRegularExpression(u"Leases per owner:\n  \\(unassigned\\)\\s+1\n  worker-a\\s+3\n  worker-b\\s+1\n"_s)));
    QVERIFY(!text.contains(u"Leader:"_s));
}

void TestLeasesCli::kcl3TableThroughMonitor()
{
    writeKcl3Tables();
    const LeaseTableSnapshot snapshot = monitorOnce(u"app3"_s);
    QVERIFY2(!snapshot.error, qPrintable(snapshot.error ? snapshot.error->message : QString()));
    QCOMPARE(snapshot.leases.size(), 3);
    const Lease &handoff = snapshot.leases.at(0).lease;
    QCOMPARE(handoff.leaseKey, u"123456789012:orders:1700000000:shardId-000000000000"_s);
    QCOMPARE(handoff.streamName, u"123456789012:orders:1700000000"_s);
    QCOMPARE(handoff.shardId(), u"shardId-000000000000"_s);
    QCOMPARE(handoff.checkpointOwner, u"worker-1"_s);
    QCOMPARE(handoff.leaseOwner, u"worker-2"_s);
    QCOMPARE(handoff.throughputKBps, std::optional<double>(512.25));
    QCOMPARE(handoff.entityType, u"LEASE"_s);
    QVERIFY(snapshot.hasWorkerMetricStats);
    QVERIFY(snapshot.hasCoordinatorState);
    QCOMPARE(snapshot.leaderWorkerId, u"worker-1"_s);
    QCOMPARE(snapshot.workerMetricStats.size(), 2);
    QCOMPARE(snapshot.workerMetricStats.at(0).workerId, u"worker-1"_s);
    QCOMPARE(snapshot.workerMetricStats.at(0).lastUpdateEpochSeconds, 1765100000);
    QCOMPARE(snapshot.workerMetricStats.at(0).metricStats.value(u"CPU"_s), (QList<double>{10, 35.5}));
    QCOMPARE(snapshot.workerMetricStats.at(1).operatingRange.value(u"CPU"_s), QList<double>{80});
}

void TestLeasesCli::kcl3TableThroughBinary()
{
    writeKcl3Tables();
    const Run json = runBinary({u"--table"_s, u"app3"_s, u"--endpoint"_s, m_dynalite.url().toString(),
                                u"--region"_s, u"eu-west-1"_s, u"--stream"_s, u"orders"_s,
                                u"--json"_s, u"--no-wait"_s});
    QCOMPARE(json.exitCode, 0);
    const QJsonObject document = QJsonDocument::fromJson(json.out).object();
    const QJsonArray leases = document.value("leases"_L1).toArray();
    QCOMPARE(leases.size(), 2); // payments filtered out
    QCOMPARE(leases.at(0).toObject().value("stream"_L1).toString(), u"orders"_s);
    QCOMPARE(leases.at(0).toObject().value("checkpointOwner"_L1).toString(), u"worker-1"_s);
    QCOMPARE(leases.at(0).toObject().value("throughputKBps"_L1).toDouble(), 512.25);
    QCOMPARE(leases.at(0).toObject().value("state"_L1).toString(), u"unknown"_s);
    QCOMPARE(document.value("expiryKnown"_L1).toBool(), false);
    QCOMPARE(document.value("leader"_L1).toString(), u"worker-1"_s);
    QCOMPARE(document.value("hasWorkerMetricStats"_L1).toBool(), true);
    QCOMPARE(document.value("workers"_L1).toArray().size(), 2);
    QCOMPARE(document.value("leasesPerOwner"_L1).toObject(),
             (QJsonObject{{u"worker-1"_s, 1}, {u"worker-2"_s, 1}}));

    const Run text = runBinary({u"--table"_s, u"app3"_s, u"--endpoint"_s, m_dynalite.url().toString(),
                                u"--no-wait"_s});
    QCOMPARE(text.exitCode, 0);
    const QString out = QString::fromUtf8(text.out);
    QVERIFY2(out.contains(QRegularExpression(u"\nSTREAM\\s+SHARD\\s+OWNER"_s)), qPrintable(out));
    QVERIFY(out.contains(QRegularExpression(u"\npayments\\s+shardId-000000000000\\s+worker-1\\s+9\\s"_s)));
    QVERIFY(out.contains(u"Leader: worker-1\n"_s));
    QVERIFY(out.contains(u"Workers reporting metrics: 2\n"_s));
    QVERIFY(out.contains(u"worker-1  last update 2025-12-07T09:33:20.000Z  CPU 35.5"_s));
}

// Newer KCL 3.x releases move the coordinator state into the lease table: the leader lock and the
// workers' metric stats become items with an entityType beside the leases.
void TestLeasesCli::kcl3MigratedTableThroughMonitor()
{
    QVERIFY(createActiveTable(*m_client, u"app35"_s, u"leaseKey"_s));
    put(u"app35"_s, raw(R"({
        "leaseKey": {"S": "shardId-000000000000"}, "leaseOwner": {"S": "worker-9"},
        "leaseCounter": {"N": "3"}, "ownerSwitchesSinceCheckpoint": {"N": "0"},
        "checkpoint": {"S": "TRIM_HORIZON"}, "checkpointSubSequenceNumber": {"N": "0"},
        "entityType": {"S": "LEASE"}
    })"));
    put(u"app35"_s, raw(R"({
        "leaseKey": {"S": "Leader"}, "entityType": {"S": "LEADER"}, "ownerName": {"S": "worker-9"},
        "leaseDuration": {"S": "20000"}, "recordVersionNumber": {"S": "0d9e4a7c-2222-4c3a-9f5e-2a7d8e1b0c3d"}
    })"));
    put(u"app35"_s, raw(R"({
        "leaseKey": {"S": "worker-9"}, "entityType": {"S": "WORKER_METRIC_STATS"},
        "lut": {"N": "1765100100"}, "sts": {"M": {"CPU": {"L": [{"N": "42"}]}}}
    })"));
    put(u"app35"_s, raw(R"({
        "leaseKey": {"S": "123456789012:orders:1700000000"}, "entityType": {"S": "STREAM"}
    })"));
    const LeaseTableSnapshot snapshot = monitorOnce(u"app35"_s);
    QVERIFY2(!snapshot.error, qPrintable(snapshot.error ? snapshot.error->message : QString()));
    QCOMPARE(snapshot.leases.size(), 1);
    QCOMPARE(snapshot.leases.at(0).lease.leaseKey, u"shardId-000000000000"_s);
    QVERIFY(snapshot.hasCoordinatorState);
    QCOMPARE(snapshot.leaderWorkerId, u"worker-9"_s);
    QVERIFY(snapshot.hasWorkerMetricStats);
    QCOMPARE(snapshot.workerMetricStats.size(), 1);
    QCOMPARE(snapshot.workerMetricStats.at(0).workerId, u"worker-9"_s);
    QCOMPARE(snapshot.workerMetricStats.at(0).lastUpdateEpochSeconds, 1765100100);
    QCOMPARE(snapshot.workerMetricStats.at(0).metricStats.value(u"CPU"_s), QList<double>{42});
}

void TestLeasesCli::badArgumentsExit2_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no table") << QStringList{u"--endpoint"_s, u"http://127.0.0.1:1"_s}
                              << u"--table is required"_s;
    QTest::newRow("unknown option") << QStringList{u"--table"_s, u"t"_s, u"--colour"_s}
                                    << u"Unknown option 'colour'"_s;
    QTest::newRow("bad failover") << QStringList{u"--table"_s, u"t"_s, u"--endpoint"_s,
                                                 u"http://127.0.0.1:1"_s, u"--failover-ms"_s, u"soon"_s}
                                  << u"--failover-ms must be a number"_s;
    QTest::newRow("bad endpoint") << QStringList{u"--table"_s, u"t"_s, u"--endpoint"_s, u"ftp://x"_s}
                                  << u"--endpoint must be an http:// or https:// URL"_s;
    QTest::newRow("no region") << QStringList{u"--table"_s, u"t"_s} << u"--region is required"_s;
    QTest::newRow("stray argument") << QStringList{u"--table"_s, u"t"_s, u"--region"_s, u"x"_s, u"extra"_s}
                                    << u"Unexpected argument: extra"_s;
}

void TestLeasesCli::badArgumentsExit2()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run run = runBinary(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(QString::fromUtf8(run.err).startsWith(u"shardscope leases: "_s + message),
             run.err.constData());
}

void TestLeasesCli::unknownTableExits1()
{
    const Run run = runBinary({u"--table"_s, u"nosuchapp"_s, u"--endpoint"_s,
                               m_dynalite.url().toString()});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    QCOMPARE(QString::fromUtf8(run.err),
             u"shardscope leases: The table nosuchapp does not exist at %1.\n"_s
                 .arg(m_dynalite.url().toString()));
}

void TestLeasesCli::unreachableEndpointExits1()
{
    m_dynalite.stop();
    const Run run = runBinary({u"--table"_s, u"t"_s, u"--endpoint"_s, m_dynalite.url().toString(),
                               u"--no-wait"_s});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err.count('\n'), 1);
    const QByteArray expected = QByteArray("shardscope leases: DynamoDB at ")
                                + m_dynalite.url().toString().toUtf8() + " could not be reached";
    QVERIFY2(run.err.startsWith(expected),
             run.err.constData());
}

void TestLeasesCli::reportWithoutProcess()
{
    LeaseTableSnapshot snapshot;
    snapshot.tableName = u"t"_s;
    snapshot.failoverTimeMs = 2'500;
    snapshot.takenAtMs = 1'765'100'000'000;
    LeaseState held;
    held.lease.leaseKey = u"shardId-1"_s;
    held.lease.leaseOwner = u"w1"_s;
    held.lease.checkpoint = kSeq1;
    held.expired = true;
    snapshot.leases = {held};
    LeaseReport::Options options;
    options.diagnoses = {u"w1 holds an expired lease"_s, u"second line"_s};
    const QString text = LeaseReport::text(snapshot, options);
    QVERIFY2(text.startsWith(u"Lease table t: 1 lease, failover time 2.5 s\nRead at 2025-12-07T09:33:20.000Z\n"_s),
             qPrintable(text));
    QVERIFY(text.contains(u" expired\n"_s));
    // The diagnoses come last, after the summary.
    QVERIFY(text.endsWith(u"  w1  1\n\nw1 holds an expired lease\nsecond line\n"_s));
    const QJsonObject json = QJsonDocument::fromJson(LeaseReport::json(snapshot, options)).object();
    QCOMPARE(json.value("diagnoses"_L1).toArray(),
             (QJsonArray{u"w1 holds an expired lease"_s, u"second line"_s}));
    QCOMPARE(json.value("leases"_L1).toArray().at(0).toObject().value("state"_L1).toString(),
             u"expired"_s);
    QCOMPARE(LeaseReport::abbreviated(u"SHARD_END"_s), u"SHARD_END"_s);
    QCOMPARE(LeaseReport::abbreviated(kSeq1), u"4959033827…137515618"_s);
    Lease other;
    other.leaseKey = u"1:orders:5:shardId-0"_s;
    QVERIFY(LeaseReport::matchesStream(other, u"orders"_s));
    QVERIFY(!LeaseReport::matchesStream(other, u"payments"_s));
    QVERIFY(LeaseReport::matchesStream(held.lease, {}));
}

// The system's language, as the window follows it: LC_MESSAGES=de_DE gives German.
void TestLeasesCli::followsTheLocale()
{
    writeKcl2Table();
    const QStringList arguments{u"--table"_s, u"orders-app"_s, u"--endpoint"_s, m_dynalite.url().toString(),
                                u"--no-wait"_s};
    const Run german = runBinary(arguments, u"de_DE.UTF-8"_s);
    QCOMPARE(german.exitCode, 0);
    const QString text = QString::fromUtf8(german.out);
    QVERIFY2(text.startsWith(u"Lease-Tabelle orders-app ("_s), qPrintable(text));
    QVERIFY2(text.contains(u"5 Leases, Failover-Zeit 10 s"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Leases je Besitzer:"_s), qPrintable(text));
    QVERIFY(!text.contains(u"Leases per owner:"_s));
    // Bad arguments are explained in German too.
    const Run bad = runBinary({u"--endpoint"_s, u"http://127.0.0.1:1"_s}, u"de_DE.UTF-8"_s);
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(QString::fromUtf8(bad.err).contains(u"--table ist nötig"_s), bad.err.constData());
}

QTEST_GUILESS_MAIN(TestLeasesCli)
#include "tst_leasescli.moc"
