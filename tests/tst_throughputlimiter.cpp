// ThroughputLimiter and its token buckets on a manual clock: the steady rates over 10 s, bursts,
// the large-read penalty, switching off and on, dropping closed shards, and the usage counts.

#include "engine/catalog.h"
#include "engine/clock.h"
#include "engine/throughputlimiter.h"

#include <QTest>

#include <algorithm>

using namespace shardscope;

namespace {

constexpr qint64 kStartMs = 1'700'000'000'000;
constexpr qint64 kMiB = 1024 * 1024;
constexpr qint64 kStream = 7;

// Offers writes every millisecond for `ms` milliseconds, `perMs` at a time; returns how many
// the limiter admitted.
qint64 offerWrites(ThroughputLimiter &limiter, ManualClock &clock, qint64 ms, int perMs,
                   qint64 bytes)
{
    qint64 admitted = 0;
    for (qint64 t = 0; t < ms; ++t) {
        for (int i = 0; i < perMs; ++i)
            admitted += limiter.admitWrite(kStream, 0, bytes, clock.nowMs()) ? 1 : 0;
        clock.advanceMs(1);
    }
    return admitted;
}

bool within(qint64 value, qint64 expected, double share)
{
    return std::abs(double(value - expected)) <= expected * share;
}

} // namespace

class TestThroughputLimiter final : public QObject
{
    Q_OBJECT

private slots:
    void recordsPerSecondOverTenSeconds()
    {
        ManualClock clock(kStartMs);
        ThroughputLimiter limiter;
        // The first second may burst a full bucket; then exactly the rate.
        const qint64 burst = offerWrites(limiter, clock, 1000, 3, 10);
        QVERIFY2(burst >= 1000 && burst <= 2000, qPrintable(QString::number(burst)));
        const qint64 admitted = offerWrites(limiter, clock, 10000, 3, 10);
        QVERIFY2(within(admitted, 10 * 1000, 0.01), qPrintable(QString::number(admitted)));
    }

    void bytesPerSecondOverTenSeconds()
    {
        ManualClock clock(kStartMs);
        ThroughputLimiter limiter;
        // 5 KiB records, offered at 2 per ms (10 MiB/s): the byte limit binds, not the records.
        const qint64 recordBytes = 5 * 1024;
        offerWrites(limiter, clock, 1000, 2, recordBytes);
        const qint64 admitted = offerWrites(limiter, clock, 10000, 2, recordBytes);
        const qint64 bytes = admitted * recordBytes;
        QVERIFY2(within(bytes, 10 * kMiB, 0.01), qPrintable(QString::number(bytes)));
    }

    void refusedWriteCostsNothing()
    {
        ManualClock clock(kStartMs);
        ThroughputLimiter limiter;
        // The record limit binds for 1-byte records: 1,000 pass at once, the rest are refused
        // and cost nothing, so one millisecond later exactly one more record's worth is back.
        int admitted = 0;
        for (int i = 0; i < 1500; ++i)
            admitted += limiter.admitWrite(kStream, 0, 1, clock.nowMs()) ? 1 : 0;
        QCOMPARE(admitted, 1000);
        clock.advanceMs(1);
        QVERIFY(limiter.admitWrite(kStream, 0, 1, clock.nowMs()));
        QVERIFY(!limiter.admitWrite(kStream, 0, 1, clock.nowMs()));
        clock.advanceMs(999);
        QCOMPARE(offerWrites(limiter, clock, 1, 1500, 1), 999);
    }

    void largeRecordPassesWhenFullThenWaits()
    {
        ManualClock clock(kStartMs);
        ThroughputLimiter limiter;
        // A 4 MiB record (streams may allow up to 10 MiB) passes on a full bucket...
        QVERIFY(limiter.admitWrite(kStream, 0, 4 * kMiB, clock.nowMs()));
        // ...and leaves the shard 3 MiB in debt: it writes again once that is paid, after 3 s.
        clock.advanceMs(3000);
        QVERIFY(!limiter.admitWrite(kStream, 0, 1, clock.nowMs()));
        clock.advanceMs(1);
        QVERIFY(limiter.admitWrite(kStream, 0, 1, clock.nowMs()));
    }

    void shardsAreIndependent()
    {
        ManualClock clock(kStartMs);
        ThroughputLimiter limiter;
        for (int i = 0; i < 1000; ++i)
            QVERIFY(limiter.admitWrite(kStream, 0, 1, clock.nowMs()));
        QVERIFY(!limiter.admitWrite(kStream, 0, 1, clock.nowMs()));
        QVERIFY(limiter.admitWrite(kStream, 1, 1, clock.nowMs()));
        QVERIFY(limiter.admitWrite(kStream + 1, 0, 1, clock.nowMs()));
    }

    void readCallsPerSecondOverTenSeconds()
    {
        ManualClock clock(kStartMs);
        ThroughputLimiter limiter;
        // Five calls at once pass, the sixth does not.
        for (int i = 0; i < 5; ++i)
            QVERIFY(limiter.admitRead(kStream, 0, clock.nowMs()));
        QVERIFY(!limiter.admitRead(kStream, 0, clock.nowMs()));
        // Then a call every millisecond for 10 s: exactly 5 per second pass.
        int admitted = 0;
        for (int t = 0; t < 10000; ++t) {
            clock.advanceMs(1);
            if (limiter.admitRead(kStream, 0, clock.nowMs())) {
                limiter.chargeRead(kStream, 0, 100, clock.nowMs());
                ++admitted;
            }
        }
        QCOMPARE(admitted, 50);
    }

    void readBytesPerSecondOverTenSeconds()
    {
        ManualClock clock(kStartMs);
        ThroughputLimiter limiter;
        // Reads that return 1 MiB each, tried every 10 ms: 2 MiB/s pass.
        qint64 bytes = 0;
        for (int t = 0; t < 1000; t += 10) { // the first second's burst
            if (limiter.admitRead(kStream, 0, clock.nowMs()))
                limiter.chargeRead(kStream, 0, kMiB, clock.nowMs());
            clock.advanceMs(10);
        }
        for (int t = 0; t < 10000; t += 10) {
            if (limiter.admitRead(kStream, 0, clock.nowMs())) {
                limiter.chargeRead(kStream, 0, kMiB, clock.nowMs());
                bytes += kMiB;
            }
            clock.advanceMs(10);
        }
        QVERIFY2(within(bytes, 20 * kMiB, 0.01), qPrintable(QString::number(bytes)));
    }

    void largeReadPenaltyIsFiveSeconds()
    {
        ManualClock clock(kStartMs);
        ThroughputLimiter limiter;
        QVERIFY(limiter.admitRead(kStream, 0, clock.nowMs()));
        limiter.chargeRead(kStream, 0, 10 * kMiB, clock.nowMs());
        clock.advanceMs(4999);
        QVERIFY(!limiter.admitRead(kStream, 0, clock.nowMs()));
        clock.advanceMs(1);
        QVERIFY(limiter.admitRead(kStream, 0, clock.nowMs()));
        // Other shards were never blocked.
        QVERIFY(limiter.admitRead(kStream, 1, clock.nowMs() - 5000));
    }

    void scaledLimits()
    {
        ManualClock clock(kStartMs);
        ThroughputLimiter limiter(ThroughputLimiter::Limits{}.scaled(3));
        QCOMPARE(limiter.limits().writeRecordsPerSecond, 3000);
        QCOMPARE(limiter.limits().readBytesPerSecond, 6 * kMiB);
        QCOMPARE(limiter.limits().largeReadPenaltyMs, 5000);
        QCOMPARE(offerWrites(limiter, clock, 1, 5000, 1), 3000);
    }

    void disabledAdmitsEverything()
    {
        ManualClock clock(kStartMs);
        ThroughputLimiter limiter;
        limiter.setEnabled(false);
        QCOMPARE(offerWrites(limiter, clock, 1, 5000, 1), 5000);
        for (int i = 0; i < 100; ++i)
            QVERIFY(limiter.admitRead(kStream, 0, clock.nowMs()));
        // On again: the shard starts full.
        limiter.setEnabled(true);
        QCOMPARE(offerWrites(limiter, clock, 1, 5000, 1), 1000);
    }

    void usageIsCountedWhileDisabled()
    {
        ManualClock clock(kStartMs);
        ThroughputLimiter limiter;
        limiter.setEnabled(false);
        QCOMPARE(offerWrites(limiter, clock, 1, 3000, 10), 3000);
        limiter.countWrites(kStream, 1, 40, 400, clock.nowMs());
        for (int i = 0; i < 9; ++i) {
            QVERIFY(limiter.admitRead(kStream, 0, clock.nowMs()));
            limiter.chargeRead(kStream, 0, 1000, clock.nowMs());
        }
        auto use = limiter.usage(kStream, clock.nowMs());
        std::sort(use.begin(), use.end(),
                  [](const auto &a, const auto &b) { return a.shard < b.shard; });
        QCOMPARE(use.size(), 2);
        QCOMPARE(use[0].writeRecords, 3000); // three times the limit: nothing refused
        QCOMPARE(use[0].writeBytes, 30000);
        QCOMPARE(use[0].readCalls, 9);
        QCOMPARE(use[0].readBytes, 9000);
        QCOMPARE(use[0].writesRefused, 0);
        QCOMPARE(use[1].writeRecords, 40);
        QCOMPARE(use[1].writeBytes, 400);
        QVERIFY(limiter.usage(kStream + 1, clock.nowMs()).isEmpty());
        // Turned on, the counts of the last second stay and the buckets start full.
        limiter.setEnabled(true);
        QCOMPARE(limiter.usage(kStream, clock.nowMs()).size(), 2);
        QCOMPARE(offerWrites(limiter, clock, 1, 1500, 1), 1000);
        use = limiter.usage(kStream, clock.nowMs());
        const auto shard0 = std::find_if(use.cbegin(), use.cend(),
                                         [](const auto &u) { return u.shard == 0; });
        QCOMPARE(shard0->writeRecords, 4000);
        QCOMPARE(shard0->writesRefused, 500);
        // Closed shards go, counted or not.
        limiter.setEnabled(false);
        limiter.retainOpenShards(Catalog{}, clock.nowMs());
        QCOMPARE(limiter.bucketCount(), 0);
    }

    void refusedReadsAreCounted()
    {
        ManualClock clock(kStartMs);
        ThroughputLimiter limiter;
        int admitted = 0;
        for (int i = 0; i < 8; ++i)
            admitted += limiter.admitRead(kStream, 0, clock.nowMs()) ? 1 : 0;
        QCOMPARE(admitted, 5);
        const auto use = limiter.usage(clock.nowMs());
        QCOMPARE(use.size(), 1);
        QCOMPARE(use[0].readCalls, 5);
        QCOMPARE(use[0].readsRefused, 3);
    }

    void retainOpenShardsDropsClosedAndGone()
    {
        ManualClock clock(kStartMs);
        ThroughputLimiter limiter;
        auto stream = std::make_shared<StreamMeta>();
        stream->id = kStream;
        stream->name = QStringLiteral("s");
        stream->shards.resize(2);
        stream->shards[0].index = 0;
        stream->shards[0].endCounter = 5; // closed by a split
        stream->shards[1].index = 1;
        limiter.admitWrite(kStream, 0, 1, clock.nowMs());
        limiter.admitWrite(kStream, 1, 1, clock.nowMs());
        limiter.admitWrite(kStream + 1, 0, 1, clock.nowMs()); // a stream no longer there
        QCOMPARE(limiter.bucketCount(), 3);
        Catalog catalog;
        catalog.streams.insert(stream->name, stream);
        limiter.retainOpenShards(catalog, clock.nowMs());
        QCOMPARE(limiter.bucketCount(), 1);
        QCOMPARE(limiter.usage(clock.nowMs()).front().shard, 1u);
        limiter.retainOpenShards(Catalog{}, clock.nowMs());
        QCOMPARE(limiter.bucketCount(), 0);
    }

    void usageCoversTheLastSecond()
    {
        ManualClock clock(kStartMs);
        ThroughputLimiter limiter;
        for (int i = 0; i < 300; ++i)
            limiter.admitWrite(kStream, 0, 100, clock.nowMs());
        clock.advanceMs(500);
        for (int i = 0; i < 200; ++i)
            limiter.admitWrite(kStream, 0, 100, clock.nowMs());
        QVERIFY(limiter.admitRead(kStream, 0, clock.nowMs()));
        limiter.chargeRead(kStream, 0, 4096, clock.nowMs());
        auto use = limiter.usage(clock.nowMs());
        QCOMPARE(use.size(), 1);
        QCOMPARE(use[0].writeRecords, 500);
        QCOMPARE(use[0].writeBytes, 50000);
        QCOMPARE(use[0].readCalls, 1);
        QCOMPARE(use[0].readBytes, 4096);
        clock.advanceMs(600); // the first 300 writes are more than a second old
        use = limiter.usage(clock.nowMs());
        QCOMPARE(use[0].writeRecords, 200);
        clock.advanceMs(1000);
        QCOMPARE(limiter.usage(clock.nowMs())[0].writeRecords, 0);
    }
};

QTEST_GUILESS_MAIN(TestThroughputLimiter)
#include "tst_throughputlimiter.moc"
