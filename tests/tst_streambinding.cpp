// StreamBinding, the helper behind the shards table, summary and tags models: requests within a
// tick make one refresh, refreshes never overlap, results for a previous stream or an abandoned
// refresh are dropped, rebinding moves the backend's signals, throttled parts wait, and polled
// parts are refreshed on their interval only while polling is on, never overlapping; asked to,
// the backend's signals count only while polling is on.

#include "backendtesthelpers.h"
#include "models/streambinding.h"

#include <QElapsedTimer>
#include <QPromise>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace shardscope;
using namespace shardscope::testing;
using namespace Qt::StringLiterals;

namespace {

constexpr StreamBinding::Parts kCatalog = 1;
constexpr StreamBinding::Parts kCounts = 2;
constexpr StreamBinding::Parts kUse = 4;

// A backend answer the test delivers when it likes.
struct PendingAnswer
{
    QPromise<BackendResult<QString>> promise;
    PendingAnswer() { promise.start(); }
    void answer(const QString &value)
    {
        promise.addResult(BackendResult<QString>(value));
        promise.finish();
    }
};

} // namespace

class TestStreamBinding final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void requestsWithinATickMakeOneRefresh_data();
    void requestsWithinATickMakeOneRefresh();
    void backendSignalsAreCoalesced();
    void requestNowStartsAtOnce();
    void refreshesNeverOverlap();
    void resultForAPreviousStreamIsDropped();
    void resultOfAnAbandonedRefreshIsDropped();
    void rebindingMovesTheSignals();
    void unboundMakesNoRefresh();
    void throttledPartsWaitTheirInterval();
    void anUnthrottledPartTakesThrottledOnesAlong();
    void polledPartsOnlyWhileActive();
    void triggersWhilePollingOnly();

private:
    QTemporaryDir *m_dir = nullptr;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EmulatorBackend> m_backend;
    std::unique_ptr<EmulatorBackend> m_other;
};

void TestStreamBinding::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
    m_engine = openEngine(*m_dir);
    QVERIFY(m_engine);
    m_backend = std::make_unique<EmulatorBackend>(*m_engine);
    m_other = std::make_unique<EmulatorBackend>(*m_engine);
}

void TestStreamBinding::cleanup()
{
    m_other.reset();
    m_backend.reset();
    m_engine.reset();
    delete m_dir;
    m_dir = nullptr;
}

void TestStreamBinding::requestsWithinATickMakeOneRefresh_data()
{
    QTest::addColumn<int>("requests");
    QTest::newRow("1") << 1;
    QTest::newRow("10") << 10;
    QTest::newRow("1000") << 1000;
}

void TestStreamBinding::requestsWithinATickMakeOneRefresh()
{
    QFETCH(int, requests);
    int calls = 0;
    StreamBinding::Parts parts = 0;
    StreamBinding binding([&](const StreamBinding::Refresh &refresh) {
        ++calls;
        parts = refresh.parts;
    });
    binding.bind(m_backend.get(), u"orders"_s);
    for (int i = 0; i < requests; ++i)
        binding.request(i % 2 ? kCatalog : kCounts);
    QCOMPARE(calls, 0); // not before the tick
    QTRY_COMPARE(calls, 1);
    QCOMPARE(parts, requests > 1 ? (kCatalog | kCounts) : kCounts);
    // Nothing else follows: the refresh is in flight and nothing went stale meanwhile.
    QTest::qWait(3 * StreamBinding::kDefaultCoalesceMs);
    QCOMPARE(calls, 1);
}

void TestStreamBinding::backendSignalsAreCoalesced()
{
    QList<StreamBinding::Refresh> refreshes;
    StreamBinding binding(
        [&](const StreamBinding::Refresh &refresh) { refreshes.append(refresh); });
    binding.setTriggers(kCatalog | kCounts, kCounts);
    binding.bind(m_backend.get(), u"orders"_s);

    // Appends to another stream are not this binding's business.
    for (int i = 0; i < 50; ++i)
        emit m_backend->recordsAppended(u"clicks"_s, u"shardId-000000000000"_s, u"1"_s, 1);
    QTest::qWait(3 * StreamBinding::kDefaultCoalesceMs);
    QVERIFY(refreshes.isEmpty());

    for (int i = 0; i < 50; ++i)
        emit m_backend->recordsAppended(u"orders"_s, u"shardId-000000000000"_s, u"1"_s, 1);
    QTRY_COMPARE(refreshes.size(), 1);
    QCOMPARE(refreshes[0].parts, kCounts);
    binding.finish(refreshes[0]);

    for (int i = 0; i < 50; ++i) {
        emit m_backend->catalogChanged();
        emit m_backend->recordsAppended(u"orders"_s, u"shardId-000000000001"_s, u"2"_s, 1);
    }
    QTRY_COMPARE(refreshes.size(), 2);
    QCOMPARE(refreshes[1].parts, kCatalog | kCounts);
    QVERIFY(refreshes[1].generation > refreshes[0].generation);
}

void TestStreamBinding::requestNowStartsAtOnce()
{
    int calls = 0;
    StreamBinding binding([&](const StreamBinding::Refresh &) { ++calls; });
    binding.bind(m_backend.get(), u"orders"_s);
    binding.request(kCounts);
    binding.requestNow(kCatalog);
    QCOMPARE(calls, 1); // synchronously, taking the pending request along
    QTest::qWait(3 * StreamBinding::kDefaultCoalesceMs);
    QCOMPARE(calls, 1); // and the armed tick found nothing left to do
}

void TestStreamBinding::refreshesNeverOverlap()
{
    QList<StreamBinding::Refresh> refreshes;
    StreamBinding binding(
        [&](const StreamBinding::Refresh &refresh) { refreshes.append(refresh); });
    binding.bind(m_backend.get(), u"orders"_s);
    binding.requestNow(kCatalog);
    QCOMPARE(refreshes.size(), 1);
    QVERIFY(binding.isBusy());

    // While it is in flight, requests (even urgent ones) only pile up as stale parts.
    binding.requestNow(kCounts);
    for (int i = 0; i < 20; ++i)
        binding.request(kCatalog);
    QTest::qWait(3 * StreamBinding::kDefaultCoalesceMs);
    QCOMPARE(refreshes.size(), 1);
    QCOMPARE(binding.pendingParts(), kCatalog | kCounts);

    // Finishing it starts one more, a tick later, with everything that went stale.
    binding.finish(refreshes[0]);
    QVERIFY(!binding.isBusy());
    QCOMPARE(refreshes.size(), 1);
    QTRY_COMPARE(refreshes.size(), 2);
    QCOMPARE(refreshes[1].parts, kCatalog | kCounts);
    binding.finish(refreshes[1]);
    QTest::qWait(3 * StreamBinding::kDefaultCoalesceMs);
    QCOMPARE(refreshes.size(), 2);
}

void TestStreamBinding::resultForAPreviousStreamIsDropped()
{
    QList<StreamBinding::Refresh> refreshes;
    QStringList streams; // the stream each refresh was for
    StreamBinding *self = nullptr;
    StreamBinding binding([&](const StreamBinding::Refresh &refresh) {
        refreshes.append(refresh);
        streams.append(self->streamName());
    });
    self = &binding;
    QStringList applied;
    binding.bind(m_backend.get(), u"orders"_s);
    binding.requestNow(kCatalog);
    PendingAnswer forOrders;
    binding.deliver(refreshes[0], forOrders.promise.future(),
                    [&](BackendResult<QString> result) { applied.append(*result); });

    binding.bind(m_backend.get(), u"clicks"_s);
    QVERIFY(!binding.isCurrent(refreshes[0]));
    binding.requestNow(kCatalog);
    QCOMPARE(refreshes.size(), 2); // not held back by the answer still owed for "orders"
    QCOMPARE(streams, (QStringList{u"orders"_s, u"clicks"_s}));
    PendingAnswer forClicks;
    binding.deliver(refreshes[1], forClicks.promise.future(), [&](BackendResult<QString> result) {
        applied.append(*result);
        binding.finish(refreshes[1]);
    });

    // The old answer arrives last; only the current one is applied.
    forClicks.answer(u"clicks-shards"_s);
    forOrders.answer(u"orders-shards"_s);
    QTRY_COMPARE(binding.droppedResults(), quint64(1));
    QCOMPARE(applied, QStringList{u"clicks-shards"_s});
    // Finishing the dropped refresh changes nothing.
    binding.finish(refreshes[0]);
    QVERIFY(!binding.isBusy());
}

void TestStreamBinding::resultOfAnAbandonedRefreshIsDropped()
{
    QList<StreamBinding::Refresh> refreshes;
    StreamBinding binding(
        [&](const StreamBinding::Refresh &refresh) { refreshes.append(refresh); });
    binding.bind(m_backend.get(), u"orders"_s);
    binding.requestNow(kCatalog);
    PendingAnswer first;
    int applied = 0;
    binding.deliver(refreshes[0], first.promise.future(),
                    [&](BackendResult<QString>) { ++applied; });

    // Binding the same stream again abandons what is in flight: an older generation.
    binding.bind(m_backend.get(), u"orders"_s);
    binding.requestNow(kCatalog);
    QCOMPARE(refreshes.size(), 2);
    QVERIFY(refreshes[1].generation > refreshes[0].generation);
    QVERIFY(binding.isBusy());
    // The abandoned refresh cannot end the current one.
    binding.finish(refreshes[0]);
    QVERIFY(binding.isBusy());

    first.answer(u"stale"_s);
    QTRY_COMPARE(binding.droppedResults(), quint64(1));
    QCOMPARE(applied, 0);

    // A result that comes after its refresh was finished is dropped too.
    PendingAnswer late;
    binding.deliver(refreshes[1], late.promise.future(),
                    [&](BackendResult<QString>) { ++applied; });
    binding.finish(refreshes[1]);
    late.answer(u"late"_s);
    QTRY_COMPARE(binding.droppedResults(), quint64(2));
    QCOMPARE(applied, 0);

    // And a current one is applied.
    binding.requestNow(kCatalog);
    QCOMPARE(refreshes.size(), 3);
    PendingAnswer current;
    binding.deliver(refreshes[2], current.promise.future(), [&](BackendResult<QString> result) {
        QCOMPARE(*result, u"fresh"_s);
        ++applied;
    });
    current.answer(u"fresh"_s);
    QTRY_COMPARE(applied, 1);
    QCOMPARE(binding.droppedResults(), quint64(2));
}

void TestStreamBinding::rebindingMovesTheSignals()
{
    QList<StreamBinding::Refresh> refreshes;
    StreamBinding binding(
        [&](const StreamBinding::Refresh &refresh) { refreshes.append(refresh); });
    binding.setTriggers(kCatalog, kCounts);
    binding.bind(m_backend.get(), u"orders"_s);
    binding.bind(m_other.get(), u"orders"_s);
    QCOMPARE(binding.backend(), m_other.get());

    emit m_backend->catalogChanged();
    emit m_backend->recordsAppended(u"orders"_s, u"shardId-000000000000"_s, u"1"_s, 1);
    QTest::qWait(3 * StreamBinding::kDefaultCoalesceMs);
    QVERIFY(refreshes.isEmpty());

    emit m_other->catalogChanged();
    QTRY_COMPARE(refreshes.size(), 1);
    QCOMPARE(refreshes[0].parts, kCatalog);
    binding.finish(refreshes[0]);

    // Rebinding drops what was stale for the previous binding.
    emit m_other->recordsAppended(u"orders"_s, u"shardId-000000000000"_s, u"1"_s, 1);
    QCOMPARE(binding.pendingParts(), kCounts);
    binding.bind(m_other.get(), u"clicks"_s);
    QCOMPARE(binding.pendingParts(), StreamBinding::Parts(0));
    QTest::qWait(3 * StreamBinding::kDefaultCoalesceMs);
    QCOMPARE(refreshes.size(), 1);
}

void TestStreamBinding::unboundMakesNoRefresh()
{
    int calls = 0;
    StreamBinding binding([&](const StreamBinding::Refresh &) { ++calls; });
    binding.setTriggers(kCatalog, kCounts);
    binding.requestNow(kCatalog);
    binding.bind(nullptr, u"orders"_s);
    binding.requestNow(kCatalog);
    binding.bind(m_backend.get(), QString());
    binding.requestNow(kCatalog);
    emit m_backend->catalogChanged();
    QTest::qWait(3 * StreamBinding::kDefaultCoalesceMs);
    QCOMPARE(calls, 0);
    QVERIFY(!binding.isBound());
}

void TestStreamBinding::throttledPartsWaitTheirInterval()
{
    constexpr int kIntervalMs = 300;
    QList<StreamBinding::Refresh> refreshes;
    QList<qint64> startedAt;
    QElapsedTimer clock;
    clock.start();
    StreamBinding binding([&](const StreamBinding::Refresh &refresh) {
        refreshes.append(refresh);
        startedAt.append(clock.elapsed());
    });
    binding.setMinimumInterval(kCounts, kIntervalMs);
    binding.bind(m_backend.get(), u"orders"_s);

    binding.requestNow(kCatalog | kCounts);
    binding.finish(refreshes.last());
    // Counts alone wait out the interval since the last refresh that read them...
    binding.request(kCounts);
    QTRY_COMPARE_WITH_TIMEOUT(refreshes.size(), 2, 5000);
    // A lower bound only: a busy machine may start it later, never earlier (than what a coarse
    // timer allows: 5% early).
    QVERIFY2(startedAt[1] - startedAt[0] >= kIntervalMs * 95 / 100 - 5,
             qPrintable(u"counts refreshed after %1 ms"_s.arg(startedAt[1] - startedAt[0])));
    QCOMPARE(refreshes[1].parts, kCounts);
}

void TestStreamBinding::anUnthrottledPartTakesThrottledOnesAlong()
{
    // An interval far beyond any QTRY timeout: a refresh that comes at all did not wait for it.
    constexpr int kIntervalMs = 60'000;
    QList<StreamBinding::Refresh> refreshes;
    StreamBinding binding(
        [&](const StreamBinding::Refresh &refresh) { refreshes.append(refresh); });
    binding.setMinimumInterval(kCounts, kIntervalMs);
    binding.bind(m_backend.get(), u"orders"_s);
    binding.requestNow(kCatalog | kCounts);
    binding.finish(refreshes.last());

    binding.request(kCounts);
    QTest::qWait(4 * StreamBinding::kDefaultCoalesceMs);
    QCOMPARE(refreshes.size(), 1); // the counts wait
    binding.request(kCatalog);
    QTRY_COMPARE(refreshes.size(), 2); // the catalog does not, and takes the counts along
    QCOMPARE(refreshes[1].parts, kCatalog | kCounts);
    binding.finish(refreshes.last());

    // Rebinding forgets when the counts were read last.
    binding.bind(m_backend.get(), u"clicks"_s);
    binding.request(kCounts);
    QTRY_COMPARE(refreshes.size(), 3);
    QCOMPARE(refreshes[2].parts, kCounts);
}

void TestStreamBinding::polledPartsOnlyWhileActive()
{
    QList<StreamBinding::Refresh> refreshes;
    QElapsedTimer sinceFinish;
    QList<qint64> gaps;
    StreamBinding binding([&](const StreamBinding::Refresh &refresh) {
        if (sinceFinish.isValid())
            gaps.append(sinceFinish.elapsed());
        refreshes.append(refresh);
    });
    binding.setPolling(kUse, 200);
    binding.bind(m_backend.get(), u"orders"_s);
    binding.requestNow(kCatalog);
    QCOMPARE(refreshes.size(), 1);
    binding.finish(refreshes[0]);
    QTest::qWait(500);
    QCOMPARE(refreshes.size(), 1); // not active: nothing polled

    // Turned on: a poll at once, then one each interval after the previous one finished.
    binding.setPollingActive(true);
    QCOMPARE(refreshes.size(), 2);
    QCOMPARE(refreshes[1].parts, kUse);
    // A slow answer holds the next poll back: never two at once.
    QTest::qWait(450);
    QCOMPARE(refreshes.size(), 2);
    sinceFinish.start();
    binding.finish(refreshes[1]);
    QTRY_COMPARE(refreshes.size(), 3);
    QCOMPARE(refreshes[2].parts, kUse);
    QVERIFY2(gaps.constLast() >= 190, qPrintable(QString::number(gaps.constLast())));
    sinceFinish.start();
    binding.finish(refreshes[2]);
    QTRY_COMPARE(refreshes.size(), 4);

    // Turned on while a refresh that fetches the polled parts is in flight: no second one.
    binding.setPollingActive(false);
    binding.setPollingActive(true);
    QCOMPARE(refreshes.size(), 4);

    // Turned off: the refresh in flight finishes and nothing follows.
    binding.setPollingActive(false);
    binding.finish(refreshes[3]);
    QTest::qWait(500);
    QCOMPARE(refreshes.size(), 4);

    // A longer interval, and a rebind stops the poll until a refresh fetches the parts again.
    binding.setPolling(kUse, 2000);
    binding.setPollingActive(true);
    QCOMPARE(refreshes.size(), 5);
    binding.finish(refreshes[4]);
    QTest::qWait(400);
    QCOMPARE(refreshes.size(), 5);
    binding.bind(m_backend.get(), u"clicks"_s);
    binding.setPolling(kUse, 100);
    QTest::qWait(400);
    QCOMPARE(refreshes.size(), 5);
    binding.requestNow(kCatalog | kUse);
    binding.finish(refreshes[5]);
    QTRY_COMPARE(refreshes.size(), 7);
    QCOMPARE(refreshes[6].parts, kUse);
}

void TestStreamBinding::triggersWhilePollingOnly()
{
    QList<StreamBinding::Refresh> refreshes;
    StreamBinding binding(
        [&](const StreamBinding::Refresh &refresh) { refreshes.append(refresh); });
    binding.setTriggers(kCatalog, kCounts);
    binding.setTriggersWhilePollingOnly(true);
    binding.setPolling(kCatalog | kCounts, 60000);
    binding.bind(m_backend.get(), u"orders"_s);

    // No view shows the parts: the signals ask for nothing.
    emit m_backend->catalogChanged();
    emit m_backend->recordsAppended(u"orders"_s, u"shardId-000000000000"_s, u"1"_s, 1);
    QTest::qWait(3 * StreamBinding::kDefaultCoalesceMs);
    QVERIFY(refreshes.isEmpty());
    QCOMPARE(binding.pendingParts(), StreamBinding::Parts(0));
    // An explicit request still counts.
    binding.requestNow(kCatalog);
    QCOMPARE(refreshes.size(), 1);
    binding.finish(refreshes[0]);

    // Shown: what changed meanwhile is read at once, and the signals count again.
    binding.setPollingActive(true);
    QCOMPARE(refreshes.size(), 2);
    QCOMPARE(refreshes[1].parts, kCatalog | kCounts);
    binding.finish(refreshes[1]);
    emit m_backend->catalogChanged();
    QTRY_COMPARE(refreshes.size(), 3);
    QCOMPARE(refreshes[2].parts, kCatalog);
    binding.finish(refreshes[2]);

    // Hidden again: nothing.
    binding.setPollingActive(false);
    emit m_backend->catalogChanged();
    QTest::qWait(3 * StreamBinding::kDefaultCoalesceMs);
    QCOMPARE(refreshes.size(), 3);
}

QTEST_GUILESS_MAIN(TestStreamBinding)
#include "tst_streambinding.moc"
