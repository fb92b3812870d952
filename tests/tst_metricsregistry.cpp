// MetricsRegistry: statistic sets per series, the one-second ring, the roll-up into minutes and
// periods, every statistic, the 24-hour window, the file surviving a reopen, a file of the
// first schema (before the consumer dimension) upgraded with its points, and concurrent
// recording. Time is a ManualClock read through the registry's now function.

#include "engine/clock.h"
#include "metrics/metricnames.h"
#include "metrics/metricsregistry.h"
#include "metrics/metricsstore.h"

#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <thread>
#include <vector>

using namespace shardscope;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kStartMs = 1'700'000'040'000; // a whole minute: 22:14:00 UTC
constexpr qint64 kMinuteMs = 60'000;
constexpr qint64 kDayMs = 24 * 60 * kMinuteMs;

const MetricKey kStreamBytes{MetricNames::IncomingBytes, u"orders"_s, {}};
const MetricKey kShardBytes{MetricNames::IncomingBytes, u"orders"_s, u"shardId-000000000001"_s};
const MetricKey kConsumerRecords{MetricNames::SubscribeToShardEventRecords, u"orders"_s, {},
                                 u"reader"_s};

std::unique_ptr<MetricsRegistry> openRegistry(const std::shared_ptr<ManualClock> &clock,
                                              const QString &path = QString())
{
    auto opened = MetricsRegistry::open(path, [clock] { return clock->nowMs(); });
    if (!opened)
        qFatal("%s", qPrintable(opened.error()));
    return std::move(*opened);
}

MetricSeries query(const MetricsRegistry &registry, const MetricKey &key, qint64 startMs,
                   qint64 endMs, int period, Statistic statistic)
{
    auto series = registry.query(MetricQuery{key, startMs, endMs, period, statistic});
    if (!series)
        qFatal("%s", qPrintable(series.error()));
    return *series;
}

} // namespace

class TestMetricsRegistry : public QObject
{
    Q_OBJECT

private slots:
    void names()
    {
        QCOMPARE(MetricNames::unitOf(u"IncomingBytes"_s), MetricNames::Unit::Bytes);
        QCOMPARE(MetricNames::unitOf(u"GetRecords.Latency"_s), MetricNames::Unit::Milliseconds);
        QCOMPARE(MetricNames::unitOf(u"PutRecords.ThrottledRecords"_s), MetricNames::Unit::Count);
        QVERIFY(!MetricNames::unitOf(u"Incomingbytes"_s));
        QVERIFY(MetricNames::isShardLevel(u"OutgoingRecords"_s));
        QVERIFY(!MetricNames::isStreamLevel(u"OutgoingRecords"_s));
        QVERIFY(MetricNames::isStreamLevel(u"GetRecords.IteratorAgeMilliseconds"_s));
        QVERIFY(!MetricNames::isShardLevel(u"GetRecords.IteratorAgeMilliseconds"_s));
        QVERIFY(MetricNames::isShardLevel(u"IteratorAgeMilliseconds"_s));
        QCOMPARE(MetricNames::streamLevelMetrics().size(), 20);
        QCOMPARE(MetricNames::shardLevelMetrics().size(), 7);
        QCOMPARE(MetricNames::consumerLevelMetrics().size(), 6);
        QVERIFY(MetricNames::isConsumerLevel(u"SubscribeToShardEvent.MillisBehindLatest"_s));
        QVERIFY(!MetricNames::isStreamLevel(u"SubscribeToShard.Success"_s));
        QVERIFY(!MetricNames::isConsumerLevel(u"IncomingBytes"_s));
        QCOMPARE(MetricNames::unitOf(u"SubscribeToShardEvent.Bytes"_s), MetricNames::Unit::Bytes);
    }

    void statistics_data()
    {
        QTest::addColumn<Statistic>("statistic");
        QTest::addColumn<double>("expected");
        QTest::newRow("Sum") << Statistic::Sum << 60.0;
        QTest::newRow("Average") << Statistic::Average << 20.0;
        QTest::newRow("Minimum") << Statistic::Minimum << 5.0;
        QTest::newRow("Maximum") << Statistic::Maximum << 40.0;
        QTest::newRow("SampleCount") << Statistic::SampleCount << 3.0;
    }

    void statistics()
    {
        QFETCH(Statistic, statistic);
        QFETCH(double, expected);
        auto clock = std::make_shared<ManualClock>(kStartMs + 250);
        auto registry = openRegistry(clock);
        registry->record(kStreamBytes, 15);
        registry->record(kStreamBytes, 40);
        registry->record(kStreamBytes, 5);
        registry->record(kShardBytes, 1000); // another series

        for (int period : {1, 60}) {
            const MetricSeries series =
                query(*registry, kStreamBytes, kStartMs, kStartMs + kMinuteMs, period, statistic);
            QCOMPARE(series.timestampsMs, QList<qint64>{kStartMs});
            QCOMPARE(series.values, QList<double>{expected});
        }
        QCOMPARE(parseStatistic(statisticName(statistic)), statistic);
        QVERIFY(!parseStatistic(u"p99"_s));
    }

    void secondsRollUpIntoMinutesAndPeriods()
    {
        auto clock = std::make_shared<ManualClock>(kStartMs);
        auto registry = openRegistry(clock);
        // Two samples a second for three minutes: 1 then 3 (seconds' Sum 4, Minimum 1).
        for (int second = 0; second < 180; ++second) {
            clock->setMs(kStartMs + second * 1000 + 100);
            registry->record(kStreamBytes, 1);
            registry->record(kStreamBytes, 3);
        }
        const qint64 end = kStartMs + 3 * kMinuteMs;
        const MetricSeries seconds = query(*registry, kStreamBytes, kStartMs, end, 1, Statistic::Sum);
        QCOMPARE(seconds.values.size(), 180);
        QCOMPARE(seconds.timestampsMs.first(), kStartMs);
        QCOMPARE(seconds.timestampsMs.last(), kStartMs + 179'000);
        QVERIFY(std::ranges::all_of(seconds.values, [](double v) { return v == 4; }));

        const MetricSeries tens = query(*registry, kStreamBytes, kStartMs, end, 10, Statistic::Sum);
        QCOMPARE(tens.values.size(), 18);
        QCOMPARE(tens.values.first(), 40.0);

        const MetricSeries minutes =
            query(*registry, kStreamBytes, kStartMs, end, 60, Statistic::SampleCount);
        QCOMPARE(minutes.timestampsMs,
                 (QList<qint64>{kStartMs, kStartMs + kMinuteMs, kStartMs + 2 * kMinuteMs}));
        QCOMPARE(minutes.values, (QList<double>{120, 120, 120}));

        // A five-minute period aligned to the epoch holds all three minutes (22:10–22:15 holds
        // 22:14, 22:15–22:20 holds 22:15 and 22:16).
        const MetricSeries fives = query(*registry, kStreamBytes, kStartMs - 10 * kMinuteMs,
                                         end, 300, Statistic::Sum);
        QCOMPARE(fives.timestampsMs, (QList<qint64>{kStartMs - 4 * kMinuteMs, kStartMs + kMinuteMs}));
        QCOMPARE(fives.values, (QList<double>{240, 480}));

        // [start, end) clips: the middle minute only; Average over its samples.
        const MetricSeries middle = query(*registry, kStreamBytes, kStartMs + kMinuteMs,
                                          kStartMs + 2 * kMinuteMs, 60, Statistic::Average);
        QCOMPARE(middle.values, QList<double>{2});
    }

    void ringKeepsFifteenMinutes()
    {
        auto clock = std::make_shared<ManualClock>(kStartMs);
        auto registry = openRegistry(clock);
        registry->record(kStreamBytes, 7);
        clock->advanceMs(15 * kMinuteMs); // the first second is exactly 15 minutes old
        registry->record(kStreamBytes, 9);
        const qint64 end = clock->nowMs() + 1000;
        QCOMPARE(query(*registry, kStreamBytes, kStartMs, end, 1, Statistic::Sum).values,
                 (QList<double>{7, 9}));

        clock->advanceMs(1000); // now it is older than the ring
        registry->record(kStreamBytes, 11);
        const MetricSeries live =
            query(*registry, kStreamBytes, kStartMs, clock->nowMs() + 1000, 1, Statistic::Sum);
        QCOMPARE(live.values, (QList<double>{9, 11}));
        QCOMPARE(live.timestampsMs.first(), kStartMs + 15 * kMinuteMs);
        // The minute points still have it.
        QCOMPARE(query(*registry, kStreamBytes, kStartMs, kStartMs + kMinuteMs, 60, Statistic::Sum)
                     .values,
                 QList<double>{7});
    }

    void ringSlotIsReusedForItsNewSecond()
    {
        auto clock = std::make_shared<ManualClock>(kStartMs);
        auto registry = openRegistry(clock);
        registry->record(kStreamBytes, 5);
        // The same ring slot, one ring length later: the old second is not merged into it.
        clock->advanceMs(MetricsRegistry::kRingSeconds * 1000);
        registry->record(kStreamBytes, 6);
        const MetricSeries live = query(*registry, kStreamBytes, kStartMs - 1000,
                                        clock->nowMs() + 1000, 1, Statistic::SampleCount);
        QCOMPARE(live.timestampsMs, QList<qint64>{clock->nowMs()});
        QCOMPARE(live.values, QList<double>{1});
    }

    void minutesAgeOutAfterADay()
    {
        auto clock = std::make_shared<ManualClock>(kStartMs);
        auto registry = openRegistry(clock);
        registry->record(kStreamBytes, 1);
        registry->record(kShardBytes, 2);
        QCOMPARE(registry->metrics(), (QList<MetricKey>{kStreamBytes, kShardBytes}));

        clock->setMs(kStartMs + kDayMs + kMinuteMs - 1); // the minute ended 24 h ago, nearly
        QCOMPARE(query(*registry, kStreamBytes, kStartMs, kStartMs + kMinuteMs, 60, Statistic::Sum)
                     .values,
                 QList<double>{1});
        clock->setMs(kStartMs + kDayMs + kMinuteMs);
        QVERIFY(query(*registry, kStreamBytes, kStartMs, kStartMs + kMinuteMs, 60, Statistic::Sum)
                    .values.isEmpty());
        QVERIFY(registry->metrics().isEmpty());
    }

    void badQueries()
    {
        auto clock = std::make_shared<ManualClock>(kStartMs);
        auto registry = openRegistry(clock);
        for (int period : {0, -60, 7, 45, 90}) {
            auto answer =
                registry->query(MetricQuery{kStreamBytes, kStartMs, kStartMs + 1, period, {}});
            QVERIFY2(!answer, qPrintable(QString::number(period)));
            QVERIFY(answer.error().contains(u"Period"_s));
        }
        auto reversed = registry->query(MetricQuery{kStreamBytes, kStartMs, kStartMs, 60, {}});
        QVERIFY(!reversed);
        QVERIFY(reversed.error().contains(u"StartTime"_s));
        // A series with no samples is an empty answer, not an error.
        auto nothing = registry->query(
            MetricQuery{{u"IncomingBytes"_s, u"none"_s, {}}, kStartMs, kStartMs + 1, 60, {}});
        QVERIFY(nothing && nothing->values.isEmpty());
    }

    void minutesSurviveReopening()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"m.sqlite"_s);
        auto clock = std::make_shared<ManualClock>(kStartMs);
        {
            auto registry = openRegistry(clock, path);
            QCOMPARE(registry->path(), path);
            registry->record(kStreamBytes, 10);
            registry->record(kStreamBytes, 30);
            clock->advanceMs(kMinuteMs);
            registry->record(kShardBytes, 4);
            registry->flush();
            registry->record(kShardBytes, 6); // written when the registry closes
        }
        {
            auto registry = openRegistry(clock, path);
            QCOMPARE(registry->metrics(), (QList<MetricKey>{kStreamBytes, kShardBytes}));
            const MetricSeries stream = query(*registry, kStreamBytes, kStartMs,
                                              kStartMs + 2 * kMinuteMs, 60, Statistic::Maximum);
            QCOMPARE(stream.timestampsMs, QList<qint64>{kStartMs});
            QCOMPARE(stream.values, QList<double>{30});
            QCOMPARE(query(*registry, kStreamBytes, kStartMs, kStartMs + kMinuteMs, 60,
                           Statistic::SampleCount)
                         .values,
                     QList<double>{2});
            QCOMPARE(query(*registry, kShardBytes, kStartMs, kStartMs + 2 * kMinuteMs, 60,
                           Statistic::Sum)
                         .values,
                     QList<double>{10});
            // The ring is for the live view only: it starts empty.
            QVERIFY(query(*registry, kStreamBytes, kStartMs, kStartMs + kMinuteMs, 1,
                          Statistic::Sum)
                        .values.isEmpty());
            // Adding to a reloaded minute merges with what was stored.
            registry->record(kShardBytes, 100);
            registry->flush();
        }
        clock->advanceMs(kDayMs); // the first minute is older than a day; the second is not
        {
            auto registry = openRegistry(clock, path);
            QCOMPARE(registry->metrics(), QList<MetricKey>{kShardBytes});
            QCOMPARE(query(*registry, kShardBytes, kStartMs, kStartMs + 2 * kMinuteMs, 60,
                           Statistic::Sum)
                         .values,
                     QList<double>{110});
        }
    }

    // A consumer-level series is a series of its own beside the stream-level one, in memory and
    // in the file.
    void consumerDimensionIsPartOfTheKey()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"m.sqlite"_s);
        auto clock = std::make_shared<ManualClock>(kStartMs);
        const MetricKey streamRecords{kConsumerRecords.metricName, u"orders"_s, {}};
        {
            auto registry = openRegistry(clock, path);
            registry->record(kConsumerRecords, 5);
            registry->record(MetricKey{kConsumerRecords.metricName, u"orders"_s, {}, u"b"_s}, 7);
        }
        auto registry = openRegistry(clock, path);
        QCOMPARE(registry->metrics().size(), 2);
        QVERIFY(registry->metrics().contains(kConsumerRecords));
        QCOMPARE(query(*registry, kConsumerRecords, kStartMs, kStartMs + kMinuteMs, 60,
                       Statistic::Sum)
                     .values,
                 QList<double>{5});
        QVERIFY(query(*registry, streamRecords, kStartMs, kStartMs + kMinuteMs, 60, Statistic::Sum)
                    .values.isEmpty());
    }

    // A file written before the consumer dimension (its table without the column, no
    // user_version) is upgraded in place: its points load as stream and shard level, new
    // consumer-level points are written beside them, and the upgrade happens once.
    void firstSchemaFileIsUpgraded()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"old.sqlite"_s);
        const auto execute = [&path](const char *sql) {
            sqlite3 *db = nullptr;
            bool ok = sqlite3_open(path.toUtf8().constData(), &db) == SQLITE_OK &&
                      sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
            sqlite3_close(db);
            return ok;
        };
        const auto userVersion = [&path] {
            sqlite3 *db = nullptr;
            sqlite3_stmt *statement = nullptr;
            int version = -1;
            if (sqlite3_open(path.toUtf8().constData(), &db) == SQLITE_OK &&
                sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &statement, nullptr) ==
                    SQLITE_OK &&
                sqlite3_step(statement) == SQLITE_ROW)
                version = sqlite3_column_int(statement, 0);
            sqlite3_finalize(statement);
            sqlite3_close(db);
            return version;
        };
        // The first schema, as Shardscope wrote it, with a stream-level and a shard-level point.
        const QByteArray firstSchema =
            "PRAGMA journal_mode=WAL;"
            "CREATE TABLE metric_points ("
            " metric TEXT NOT NULL, stream TEXT NOT NULL, shard TEXT NOT NULL,"
            " minute_ms INTEGER NOT NULL, sample_count REAL NOT NULL, sum REAL NOT NULL,"
            " minimum REAL NOT NULL, maximum REAL NOT NULL,"
            " PRIMARY KEY (metric, stream, shard, minute_ms)) WITHOUT ROWID;"
            "CREATE INDEX metric_points_by_minute ON metric_points (minute_ms);"
            "INSERT INTO metric_points VALUES ('IncomingBytes', 'orders', '', " +
            QByteArray::number(kStartMs) +
            ", 2, 40, 10, 30);"
            "INSERT INTO metric_points VALUES ('IncomingBytes', 'orders', "
            "'shardId-000000000001', " +
            QByteArray::number(kStartMs) + ", 1, 4, 4, 4);";
        QVERIFY(execute(firstSchema.constData()));
        QCOMPARE(userVersion(), 0);

        auto clock = std::make_shared<ManualClock>(kStartMs + 30'000);
        {
            auto registry = openRegistry(clock, path);
            QCOMPARE(registry->metrics(), (QList<MetricKey>{kStreamBytes, kShardBytes}));
            QCOMPARE(query(*registry, kStreamBytes, kStartMs, kStartMs + kMinuteMs, 60,
                           Statistic::Average)
                         .values,
                     QList<double>{20});
            registry->record(kConsumerRecords, 3);
            registry->record(kStreamBytes, 50); // merges with the upgraded point
        }
        QCOMPARE(userVersion(), MetricsStore::schemaVersion());
        {
            auto registry = openRegistry(clock, path);
            QCOMPARE(registry->metrics(),
                     (QList<MetricKey>{kStreamBytes, kShardBytes, kConsumerRecords}));
            QCOMPARE(query(*registry, kStreamBytes, kStartMs, kStartMs + kMinuteMs, 60,
                           Statistic::Maximum)
                         .values,
                     QList<double>{50});
            QCOMPARE(query(*registry, kStreamBytes, kStartMs, kStartMs + kMinuteMs, 60,
                           Statistic::SampleCount)
                         .values,
                     QList<double>{3});
            QCOMPARE(query(*registry, kConsumerRecords, kStartMs, kStartMs + kMinuteMs, 60,
                           Statistic::Sum)
                         .values,
                     QList<double>{3});
        }
        QCOMPARE(userVersion(), MetricsStore::schemaVersion());

        // A file of a newer schema is refused rather than misread.
        QVERIFY(execute("PRAGMA user_version = 99"));
        auto newer = MetricsRegistry::open(path, [clock] { return clock->nowMs(); });
        QVERIFY(!newer);
        QVERIFY2(newer.error().contains(u"newer Shardscope"_s), qPrintable(newer.error()));
    }

    void unwritableFileIsAnError()
    {
        QTemporaryDir dir;
        auto clock = std::make_shared<ManualClock>(kStartMs);
        auto opened = MetricsRegistry::open(dir.filePath(u"missing/dir/m.sqlite"_s),
                                            [clock] { return clock->nowMs(); });
        QVERIFY(!opened);
        QVERIFY(opened.error().contains(u"metrics database"_s));
    }

    void concurrentRecording()
    {
        auto clock = std::make_shared<ManualClock>(kStartMs);
        auto registry = openRegistry(clock);
        constexpr int kThreads = 4;
        constexpr int kEach = 20'000;
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&registry, t] {
                const MetricKey key{MetricNames::IncomingRecords, u"orders"_s,
                                    u"shardId-00000000000%1"_s.arg(t % 2)};
                for (int i = 0; i < kEach; ++i) {
                    const MetricSample samples[] = {{kStreamBytes, 1}, {key, 2}};
                    registry->record(samples);
                }
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        QCOMPARE(query(*registry, kStreamBytes, kStartMs, kStartMs + 1000, 1, Statistic::Sum)
                     .values,
                 QList<double>{double(kThreads * kEach)});
        QCOMPARE(query(*registry,
                       {MetricNames::IncomingRecords, u"orders"_s, u"shardId-000000000001"_s},
                       kStartMs, kStartMs + kMinuteMs, 60, Statistic::Sum)
                     .values,
                 QList<double>{double(kThreads / 2 * kEach * 2)});
    }
};

QTEST_GUILESS_MAIN(TestMetricsRegistry)
#include "tst_metricsregistry.moc"
