// One LeaseMonitor refresh of a 1,000-lease KCL table in dynalite (the DynamoDB API in Node):
// a consistent Scan over all pages, the parse of every item in KCL's layout, the companion-table
// reads and the expiry inference. Median of 7 refreshes after one warm-up.
//
//   lease_inspector_refresh_1000: N ms   (target: <= 1,000 ms)
//
// Needs tests/clients/node_modules (scripts/deps).

#include "aws/dynamodbclient.h"
#include "consumer/dynamoleasetable.h"
#include "consumer/leasemonitor.h"
#include "consumer/leaseserializer.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace shardscope;
using namespace Qt::StringLiterals;

namespace {

template<typename T>
T wait(const QFuture<T> &future)
{
    while (!future.isFinished())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return future.result();
}

QJsonObject leaseItem(int index)
{
    Lease lease;
    lease.leaseKey = u"shardId-%1"_s.arg(index, 12, 10, QChar(u'0'));
    lease.leaseOwner = u"worker-%1"_s.arg(index % 8);
    lease.leaseCounter = 1000 + index;
    lease.checkpoint = u"4959033827149025660855969253836157109592157598913658%1"_s.arg(index, 4, 10, QChar(u'0'));
    lease.ownerSwitchesSinceCheckpoint = index % 3;
    if (index > 0)
        lease.parentShardIds = {u"shardId-%1"_s.arg(index - 1, 12, 10, QChar(u'0'))};
    lease.startingHashKey = u"0"_s;
    lease.endingHashKey = u"340282366920938463463374607431768211455"_s;
    lease.throughputKBps = index * 0.5;
    return LeaseSerializer::toItem(lease);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QString cli = QStringLiteral(SHARDSCOPE_SOURCE_DIR "/tests/clients/node_modules/dynalite/cli.js");
    if (!QFile::exists(cli)) {
        std::fprintf(stderr, "dynalite is not installed: run scripts/deps\n");
        return 1;
    }
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    QProcess dynalite;
    dynalite.start(u"node"_s, {cli, u"--port"_s, QString::number(port), u"--host"_s, u"127.0.0.1"_s,
                               u"--createTableMs"_s, u"0"_s});
    if (!dynalite.waitForStarted()) {
        std::fprintf(stderr, "node could not be started\n");
        return 1;
    }

    DynamoDbClientOptions options;
    options.endpoint = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
    options.staticCredentials = AwsCredentials{u"AKID"_s, u"secret"_s, {}};
    DynamoDbClient client(options);
    QDeadlineTimer up(20000);
    while (!wait(client.listTables()).has_value()) {
        if (up.hasExpired()) {
            std::fprintf(stderr, "dynalite did not answer\n");
            return 1;
        }
        QThread::msleep(50);
    }
    if (!wait(client.createTable(u"bench-app"_s, u"leaseKey"_s)).has_value())
        return 1;
    // 1,000 leases, 50 writes in flight at a time.
    constexpr int kLeases = 1000;
    QList<DynamoDbFuture<QJsonObject>> inFlight;
    for (int i = 0; i < kLeases; ++i) {
        inFlight.append(client.putItem(u"bench-app"_s, leaseItem(i)));
        if (inFlight.size() == 50 || i + 1 == kLeases) {
            for (const auto &future : std::as_const(inFlight)) {
                if (!wait(future).has_value()) {
                    std::fprintf(stderr, "a put failed\n");
                    return 1;
                }
            }
            inFlight.clear();
        }
    }

    DynamoLeaseTable table(&client, u"bench-app"_s, true);
    LeaseMonitor monitor(&table);
    QList<qint64> times;
    for (int run = 0; run < 8; ++run) {
        QEventLoop loop;
        QObject::connect(&monitor, &LeaseMonitor::snapshotChanged, &loop, [&loop] { loop.quit(); });
        QElapsedTimer timer;
        timer.start();
        monitor.refreshNow();
        loop.exec();
        const qint64 elapsed = timer.elapsed();
        const LeaseTableSnapshot snapshot = monitor.snapshot();
        if (snapshot.error || snapshot.leases.size() != kLeases) {
            std::fprintf(stderr, "refresh failed: %s (%lld leases)\n",
                         snapshot.error ? qPrintable(snapshot.error->message) : "",
                         static_cast<long long>(snapshot.leases.size()));
            return 1;
        }
        if (run > 0) // the first one warms up connections and dynalite
            times.append(elapsed);
    }
    std::sort(times.begin(), times.end());
    std::printf("lease_inspector_refresh_1000: %lld ms\n", static_cast<long long>(times.at(times.size() / 2)));
    dynalite.kill();
    dynalite.waitForFinished();
    return 0;
}
