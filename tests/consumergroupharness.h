#pragma once

// A ConsumerGroup over the in-process emulator on a ManualClock, with any LeaseTable, for tests
// that check delivery: the engine and its stream, puts that return "shard/sequence" keys, the
// lease protocol driven by hand (KCL's timers on the manual clock), and every processed record
// counted in processing order.

#include "backend/emulatorbackend.h"
#include "consumer/consumergroup.h"
#include "consumer/leasetable.h"
#include "engine/engine.h"
#include "kinesis/clock.h"
#include "kinesis/shardid.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QHash>
#include <QSignalSpy>
#include <QTest>

#include <functional>
#include <memory>

namespace shardscope::testing {

class GroupHarness final
{
public:
    GroupHarness() = default;
    GroupHarness(const GroupHarness &) = delete;
    GroupHarness &operator=(const GroupHarness &) = delete;
    ~GroupHarness() { close(); }

    std::shared_ptr<ManualClock> clock;
    std::unique_ptr<Engine> engine;
    std::unique_ptr<EmulatorBackend> emulator;
    std::unique_ptr<ConsumerGroup> group;
    QList<QString> processed; // "shard/sequence" in processing order
    QHash<QString, int> times;  // how often each was processed

    static QString shard(int index) { return ShardId::format(quint32(index)); }

    // A group on stream `stream` with short real-time waits and the lease protocol left to
    // drive() (no lease timers).
    static ConsumerGroupOptions groupOptions(const QString &application, int workers,
                                             const QString &stream = QStringLiteral("s"))
    {
        ConsumerGroupOptions o;
        o.applicationName = application;
        o.streamName = stream;
        o.workers = workers;
        o.idleTimeBetweenReadsMs = 10;
        o.parentShardPollIntervalMs = 20;
        o.retryBackoffMs = 30;
        o.leaseTimers = false;
        return o;
    }

    template<typename T>
    static T await(const QFuture<T> &future, int timeoutMs = 20000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!future.isFinished() && !deadline.hasExpired())
            QTest::qWait(1);
        return future.result();
    }

    static void finish(const QFuture<void> &round)
    {
        QDeadlineTimer deadline(20000);
        while (!round.isFinished() && !deadline.hasExpired())
            QTest::qWait(1);
    }

    // An in-memory engine on a manual clock that starts now.
    bool open()
    {
        EngineOptions options;
        options.createDelayMs = 0;
        options.deleteDelayMs = 0;
        options.updateDelayMs = 0;
        clock = std::make_shared<ManualClock>(QDateTime::currentMSecsSinceEpoch());
        options.clock = clock;
        auto opened = Engine::open(options);
        if (!opened)
            return false;
        engine = std::move(*opened);
        emulator = std::make_unique<EmulatorBackend>(*engine);
        return true;
    }

    void close()
    {
        group.reset();
        QTest::qWait(10); // deleteLater of the workers
        emulator.reset();
        engine.reset();
        processed.clear();
        times.clear();
    }

    bool createStream(const QString &name, int shards)
    {
        if (!await(emulator->createStream(CreateStreamRequest{name, shards, {}, {}, {}})).has_value())
            return false;
        return waitUntilActive(name);
    }

    bool waitUntilActive(const QString &name)
    {
        QDeadlineTimer deadline(10000);
        while (!deadline.hasExpired()) {
            const auto summary = await(emulator->describeStreamSummary(StreamTarget::byName(name)));
            if (summary && summary->streamStatus == StreamStatus::Active)
                return true;
            QTest::qWait(5);
        }
        return false;
    }

    // Puts `count` records to `stream`; their "shard/sequence" keys, empty when the put failed.
    QStringList put(const QString &stream, int count, const QString &prefix = QStringLiteral("payload"))
    {
        PutRecordsRequest request{StreamTarget::byName(stream), {}};
        for (int i = 0; i < count; ++i) {
            const int n = m_serial++;
            request.records.append({QStringLiteral("%1-%2").arg(prefix).arg(n).toUtf8(),
                                    QStringLiteral("key-%1").arg(n), {}});
        }
        QStringList keys;
        const auto response = await(emulator->putRecords(request));
        if (!response || response->failedRecordCount != 0)
            return keys;
        for (const auto &entry : response->records)
            keys.append(entry.shardId + u'/' + entry.sequenceNumber->toString());
        return keys;
    }

    // Starts a group over `table` and counts what it processes; false when it did not start.
    bool startGroup(LeaseTable *table, const ConsumerGroupOptions &options)
    {
        group = std::make_unique<ConsumerGroup>(emulator.get(), table, options, clock.get());
        QObject::connect(group.get(), &ConsumerGroup::batchProcessed, group.get(),
                         [this](const QString &, const QString &shardId, const QList<Record> &records) {
                             for (const Record &record : records) {
                                 const QString key = shardId + u'/' + record.sequenceNumber.toString();
                                 processed.append(key);
                                 ++times[key];
                             }
                         });
        QSignalSpy started(group.get(), &ConsumerGroup::started);
        group->start();
        if (!started.wait(20000) && started.isEmpty())
            return false;
        takeAll();
        return group->workers().size() == options.workers;
    }

    void renewAll()
    {
        QList<QFuture<void>> rounds;
        for (const WorkerStatus &status : group->workers()) {
            if (status.state == WorkerStatus::State::Running)
                rounds.append(group->worker(status.workerId)->coordinator()->runRenewals());
        }
        for (const auto &round : rounds)
            finish(round);
    }

    void takeAll()
    {
        QList<QFuture<void>> rounds;
        for (const WorkerStatus &status : group->workers()) {
            if (status.state == WorkerStatus::State::Running)
                rounds.append(group->worker(status.workerId)->coordinator()->runTaking());
        }
        for (const auto &round : rounds)
            finish(round);
    }

    // KCL's timers on the manual clock: a renewal round every 3,308 ms, taking every sixth
    // (19,848 ms, just under KCL's 20,050), the reads running meanwhile for `waitMs` of real time;
    // until `done` or `rounds` rounds.
    bool drive(const std::function<bool()> &done, int rounds = 60, int waitMs = 40)
    {
        for (int round = 1; round <= rounds; ++round) {
            clock->advanceMs(3'308);
            renewAll();
            if (round % 6 == 0)
                takeAll();
            QTest::qWait(waitMs);
            if (done())
                return true;
        }
        return done();
    }

    QString holderOf(const QString &shardId) const
    {
        for (const WorkerStatus &status : group->workers()) {
            if (status.leaseKeys.contains(shardId))
                return status.workerId;
        }
        return {};
    }

    int distinctProcessed(const QStringList &keys) const
    {
        int count = 0;
        for (const QString &key : keys)
            count += times.contains(key) ? 1 : 0;
        return count;
    }

    // Where the first and the last record of a shard are in the processing order.
    qsizetype firstIndex(const QString &shardId) const
    {
        for (qsizetype i = 0; i < processed.size(); ++i) {
            if (processed[i].startsWith(shardId + u'/'))
                return i;
        }
        return processed.size();
    }
    qsizetype lastIndex(const QString &shardId) const
    {
        qsizetype last = -1;
        for (qsizetype i = 0; i < processed.size(); ++i) {
            if (processed[i].startsWith(shardId + u'/'))
                last = i;
        }
        return last;
    }

private:
    int m_serial = 0;
};

} // namespace shardscope::testing
