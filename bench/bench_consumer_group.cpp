// How long the app's consumer group takes to balance its leases, by KCL 2.x's protocol.
//
//   An engine behind EmulatorBackend with one stream of 64 shards, a SqliteLeaseTable in a
//   temporary file, and a ConsumerGroup of 8 workers reading by polling. The lease protocol runs
//   on a ManualClock advanced in 100 ms steps: each worker renews every 3,308 ms and takes every
//   20,050 ms from its start (KCL's defaults for a failover time of 10,000 ms), exactly as the
//   group's timers would schedule it. The figure is therefore the protocol's time, not the
//   machine's.
//
//   consumer_group_balance: from the start until every worker holds 8 leases (in the table and
//     by its own view), all 8 workers starting at once (as ConsumerGroup::start() does).
//   Also: taking rounds and steals until then, and the same for workers started one second
//   apart (a rolling start), where KCL's one-steal-per-round rule sets the pace.
//
// Usage: bench_consumer_group [--workers N (8)] [--shards N (64)]

#include "backend/emulatorbackend.h"
#include "consumer/consumergroup.h"
#include "consumer/sqliteleasetable.h"
#include "engine/engine.h"
#include "kinesis/clock.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QHash>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <cstring>

using namespace Qt::StringLiterals;
using namespace shardscope;

namespace {

template<typename T>
T await(const QFuture<T> &future)
{
    while (!future.isFinished())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
    return future.result();
}

void finish(const QFuture<void> &future)
{
    while (!future.isFinished())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
}

struct Result
{
    qint64 balanceMs = -1;
    int takingRounds = 0;
    int steals = 0;
};

Result run(EmulatorBackend &emulator, ManualClock &clock, const QString &dir, const QString &app, int workers,
           int shards, qint64 startSpacingMs, qint64 limitMs)
{
    SqliteLeaseTable table(dir + u"/leases.db"_s, app);
    ConsumerGroupOptions options;
    options.applicationName = app;
    options.streamName = u"bench"_s;
    options.workers = workers;
    options.leaseTimers = false;
    ConsumerGroup group(&emulator, &table, options, &clock);
    bool started = false;
    QObject::connect(&group, &ConsumerGroup::started, [&] { started = true; });
    group.start();
    while (!started)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 1);

    const LeaseCoordinatorOptions timing;
    const qint64 begin = clock.nowMs();
    struct Due
    {
        LeaseCoordinator *coordinator;
        qint64 start;
        qint64 nextTake;
        qint64 nextRenew;
    };
    QList<Due> due;
    const QList<WorkerStatus> statuses = group.workers();
    for (int i = 0; i < statuses.size(); ++i) {
        const qint64 start = begin + i * startSpacingMs;
        due.append(Due{group.worker(statuses[i].workerId)->coordinator(), start, start,
                       start + timing.renewalIntervalMs()});
    }
    const int target = shards / workers;
    Result result;
    for (qint64 t = begin; t <= begin + limitMs; t += 100) {
        clock.setMs(t);
        QList<QFuture<void>> rounds;
        for (Due &d : due) {
            if (t < d.start)
                continue;
            if (t >= d.nextRenew) {
                rounds.append(d.coordinator->runRenewals());
                d.nextRenew += timing.renewalIntervalMs();
            }
            if (t >= d.nextTake) {
                rounds.append(d.coordinator->runTaking());
                d.nextTake += timing.takingIntervalMs();
            }
        }
        for (const auto &round : rounds)
            finish(round);
        if (rounds.isEmpty())
            continue;
        bool balanced = true;
        for (const Due &d : due)
            balanced = balanced && d.coordinator->heldLeaseKeys().size() == target;
        if (!balanced)
            continue;
        const auto leases = await(table.listLeases());
        QHash<QString, int> owned;
        for (const Lease &lease : *leases)
            ++owned[lease.leaseOwner];
        for (const Due &d : due)
            balanced = balanced && owned.value(d.coordinator->workerId()) == target;
        if (balanced) {
            result.balanceMs = t - begin;
            break;
        }
    }
    for (const Due &d : due) {
        result.takingRounds += d.coordinator->takingRounds();
        result.steals += d.coordinator->steals();
    }
    group.stop();
    QCoreApplication::processEvents();
    return result;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int workers = 8;
    int shards = 64;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--workers") == 0)
            workers = std::atoi(argv[++i]);
        else if (std::strcmp(argv[i], "--shards") == 0)
            shards = std::atoi(argv[++i]);
    }
    QTemporaryDir dir;
    auto clock = std::make_shared<ManualClock>(QDateTime::currentMSecsSinceEpoch());
    EngineOptions engineOptions;
    engineOptions.databasePath = dir.filePath(u"streams.db"_s);
    engineOptions.createDelayMs = 0;
    engineOptions.clock = clock;
    auto engine = Engine::open(engineOptions);
    if (!engine) {
        std::fprintf(stderr, "cannot open the engine\n");
        return 1;
    }
    EmulatorBackend emulator(**engine);
    const auto created = await(emulator.createStream(CreateStreamRequest{u"bench"_s, shards, {}, {}, {}}));
    if (!created) {
        std::fprintf(stderr, "cannot create the stream: %s\n", qPrintable(created.error().message));
        return 1;
    }
    QDeadlineTimer active(10000);
    while (await(emulator.describeStreamSummary(StreamTarget::byName(u"bench"_s)))->streamStatus != StreamStatus::Active &&
           !active.hasExpired())
        QThread::msleep(10);

    std::printf("%d workers, %d shards, KCL 2.x timers (renew 3,308 ms, take 20,050 ms, failover 10,000 ms);\n"
                "protocol time on a manual clock in 100 ms steps, not the machine's time\n",
                workers, shards);
    const qint64 limit = 3'600'000;
    const Result together = run(emulator, *clock, dir.path(), u"together"_s, workers, shards, 0, limit);
    std::printf("consumer_group_balance: %lld ms\n", static_cast<long long>(together.balanceMs));
    std::printf("consumer_group_taking_rounds: %d\n", together.takingRounds);
    std::printf("consumer_group_steals: %d\n", together.steals);
    const Result rolling = run(emulator, *clock, dir.path(), u"rolling"_s, workers, shards, 1'000, limit);
    std::printf("consumer_group_balance_rolling_start: %lld ms (workers started 1,000 ms apart)\n",
                static_cast<long long>(rolling.balanceMs));
    std::printf("consumer_group_taking_rounds_rolling_start: %d\n", rolling.takingRounds);
    std::printf("consumer_group_steals_rolling_start: %d\n", rolling.steals);
    return together.balanceMs < 0 ? 2 : 0;
}
