// How long the app's consumer group takes to balance its leases, by KCL 3.x's leader assignment
// and by KCL 2.x's taking.
//
//   An engine behind EmulatorBackend with one stream of 64 shards, a SqliteLeaseTable in a
//   temporary file, and a ConsumerGroup of 8 workers reading by polling. The lease protocol runs
//   on a ManualClock advanced in 100 ms steps: each worker renews every 3,308 ms and takes every
//   20,050 ms from its start (KCL's defaults for a failover time of 10,000 ms), exactly as the
//   group's timers would schedule it. The figure is therefore the protocol's time, not the
//   machine's.
//
//   Under KCL 3.x's protocol (AssignmentProtocol::Kcl3Leader) each worker instead reports its
//   metric stats and contends for the leader lock every 30,000 ms from its start (reports first),
//   discovers the leases assigned to it every 9,975 ms (the first at its start, before the
//   leader's first assignment is written), and the leader assigns every 20,000 ms and at once
//   when it becomes leader.
//
//   consumer_group_balance: KCL 3.x's protocol, from the start until every worker holds 8 leases
//     (in the table and by its own view), all 8 workers starting at once (as
//     ConsumerGroup::start() does).
//   consumer_group_balance_kcl2: the same by KCL 2.x's protocol. Also: taking rounds and steals
//     until then, and the same for workers started one second apart (a rolling start), where
//     KCL 2.x's one-steal-per-round rule sets the pace.
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

using Protocol = ConsumerGroupOptions::AssignmentProtocol;

Result run(EmulatorBackend &emulator, ManualClock &clock, const QString &dir, const QString &app, int workers,
           int shards, qint64 startSpacingMs, qint64 limitMs, Protocol protocol)
{
    SqliteLeaseTable table(dir + u"/leases.db"_s, app);
    ConsumerGroupOptions options;
    options.applicationName = app;
    options.streamName = u"bench"_s;
    options.workers = workers;
    options.leaseTimers = false;
    options.assignment = protocol;
    const bool leader = protocol == Protocol::Kcl3Leader;
    ConsumerGroup group(&emulator, &table, options, &clock);
    bool started = false;
    QObject::connect(&group, &ConsumerGroup::started, [&] { started = true; });
    group.start();
    while (!started)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 1);

    const LeaseCoordinatorOptions timing;
    const LeaseAssignmentOptions assignment;
    const LeaderElectorOptions election;
    const qint64 discoveryMs = assignment.assignmentIntervalMs() / 2 - timing.epsilonMs;
    const qint64 begin = clock.nowMs();
    struct Due
    {
        ConsumerWorker *worker;
        LeaseCoordinator *coordinator;
        qint64 start;
        qint64 nextTake; // KCL 2.x: taking; KCL 3.x: the leader's assignment
        qint64 nextRenew;
        qint64 nextReport = 0;
        qint64 nextElection = 0;
        qint64 nextDiscovery = 0;
    };
    QList<Due> due;
    const QList<WorkerStatus> statuses = group.workers();
    for (int i = 0; i < statuses.size(); ++i) {
        const qint64 start = begin + i * startSpacingMs;
        ConsumerWorker *worker = group.worker(statuses[i].workerId);
        due.append(Due{worker, worker->coordinator(), start, leader ? start + assignment.assignmentIntervalMs() : start,
                       start + timing.renewalIntervalMs(), start, start, start});
    }
    const int target = shards / workers;
    Result result;
    for (qint64 t = begin; t <= begin + limitMs; t += 100) {
        clock.setMs(t);
        QList<QFuture<void>> rounds;
        const auto settle = [&rounds] {
            for (const auto &round : rounds)
                finish(round);
        };
        if (leader) {
            // Discovery first: KCL runs a worker's first at its start, and a listing answers
            // long before a new leader has been elected and written its assignments, so the
            // workers find those at their next discovery. Reports before elections, so a worker
            // that becomes leader finds the others' (KCL adds a jitter of up to a second).
            for (Due &d : due) {
                if (t >= d.start && t >= d.nextDiscovery) {
                    rounds.append(d.worker->discoverer()->runDiscovery());
                    d.nextDiscovery += discoveryMs;
                }
            }
            settle();
            for (Due &d : due) {
                if (t >= d.start && t >= d.nextReport) {
                    rounds.append(d.worker->metricsReporter()->report());
                    d.nextReport += election.heartbeatPeriodMs;
                }
            }
            settle();
            for (Due &d : due) {
                if (t >= d.start && t >= d.nextElection) {
                    rounds.append(d.worker->elector()->runElection());
                    d.nextElection += election.heartbeatPeriodMs;
                }
            }
            settle();
            for (Due &d : due) {
                while (d.worker->assignmentManager()->isAssigning()) // a new leader's first run
                    QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
                if (t >= d.start && t >= d.nextTake) {
                    rounds.append(d.worker->assignmentManager()->runAssignment());
                    d.nextTake += assignment.assignmentIntervalMs();
                }
            }
            settle();
        }
        for (Due &d : due) {
            if (t < d.start)
                continue;
            if (t >= d.nextRenew) {
                rounds.append(d.coordinator->runRenewals());
                d.nextRenew += timing.renewalIntervalMs();
            }
            if (!leader && t >= d.nextTake) {
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

    std::printf("%d workers, %d shards, failover 10,000 ms, renew 3,308 ms; KCL 3.x: assign 20,000 ms, discover "
                "9,975 ms, report and elect 30,000 ms; KCL 2.x: take 20,050 ms;\n"
                "protocol time on a manual clock in 100 ms steps, not the machine's time\n",
                workers, shards);
    const qint64 limit = 3'600'000;
    const Result leader = run(emulator, *clock, dir.path(), u"leader"_s, workers, shards, 0, limit, Protocol::Kcl3Leader);
    std::printf("consumer_group_balance: %lld ms (KCL 3.x leader assignment)\n",
                static_cast<long long>(leader.balanceMs));
    const Result leaderRolling =
        run(emulator, *clock, dir.path(), u"leaderrolling"_s, workers, shards, 1'000, limit, Protocol::Kcl3Leader);
    std::printf("consumer_group_balance_rolling_start: %lld ms (KCL 3.x, workers started 1,000 ms apart)\n",
                static_cast<long long>(leaderRolling.balanceMs));
    const Result together =
        run(emulator, *clock, dir.path(), u"together"_s, workers, shards, 0, limit, Protocol::Kcl2Taking);
    std::printf("consumer_group_balance_kcl2: %lld ms (KCL 2.x taking)\n", static_cast<long long>(together.balanceMs));
    std::printf("consumer_group_taking_rounds_kcl2: %d\n", together.takingRounds);
    std::printf("consumer_group_steals_kcl2: %d\n", together.steals);
    const Result rolling =
        run(emulator, *clock, dir.path(), u"rolling"_s, workers, shards, 1'000, limit, Protocol::Kcl2Taking);
    std::printf("consumer_group_balance_kcl2_rolling_start: %lld ms (KCL 2.x, workers started 1,000 ms apart)\n",
                static_cast<long long>(rolling.balanceMs));
    std::printf("consumer_group_taking_rounds_kcl2_rolling_start: %d\n", rolling.takingRounds);
    std::printf("consumer_group_steals_kcl2_rolling_start: %d\n", rolling.steals);
    return leader.balanceMs < 0 || together.balanceMs < 0 ? 2 : 0;
}
