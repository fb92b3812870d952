// LoadGenerator and KeyDistribution: uniform keys are uniform, hot keys take their share, Zipf
// keys follow their exponent (checked statistically on a seeded generator); the generator keeps
// its rate exactly on a ManualClock, pauses, resumes, stops and ends after its duration, and its
// payloads keep to the sizes and templates asked for.

#include "backend/emulatorbackend.h"
#include "engine/clock.h"
#include "engine/engine.h"
#include "producer/keydistribution.h"
#include "producer/loadgenerator.h"
#include "producer/producer.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <memory>

using namespace shardscope;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kStartMs = 1'700'000'000'000;

struct Harness
{
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(kStartMs);
    std::unique_ptr<Engine> engine;
    std::unique_ptr<EmulatorBackend> backend;

    bool open(int shards)
    {
        EngineOptions options;
        options.clock = clock;
        options.createDelayMs = 0;
        options.updateDelayMs = 0;
        options.deleteDelayMs = 0;
        auto opened = Engine::open(options);
        if (!opened)
            return false;
        engine = std::move(*opened);
        backend = std::make_unique<EmulatorBackend>(*engine);
        CreateStreamRequest request;
        request.streamName = u"load"_s;
        request.shardCount = shards;
        return engine->createStream(request).has_value();
    }

    std::unique_ptr<LoadGenerator> make(const LoadGeneratorOptions &options)
    {
        auto generator = std::make_unique<LoadGenerator>(backend.get(), u"load"_s, options);
        generator->setClock([c = clock] { return c->nowMs(); });
        // The producer's shard map comes in real time; the runs below move only the clock.
        QSignalSpy loaded(generator->producer(), &Producer::shardMapLoaded);
        if (generator->producer()->metrics().knownShards == 0 && !loaded.wait(5000))
            return nullptr;
        return generator;
    }

    // Moves the clock `ms` in 10 ms steps, letting the generator and its producer work; each
    // step waits for the requests in flight, so the clock never outruns the engine.
    static void run(ManualClock &clock, LoadGenerator &generator, qint64 ms)
    {
        for (qint64 t = 0; t < ms; t += 10) {
            clock.advanceMs(10);
            generator.poll();
            generator.producer()->poll();
            QDeadlineTimer deadline(2000);
            do
                QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
            while (generator.producer()->metrics().requestsInFlight > 0 && !deadline.hasExpired());
        }
    }
    void run(LoadGenerator &generator, qint64 ms) { run(*clock, generator, ms); }
};

QList<int> draw(const KeyDistribution &keys, int n, quint32 seed)
{
    QRandomGenerator random(seed);
    QList<int> counts(keys.options().keyCount, 0);
    for (int i = 0; i < n; ++i)
        ++counts[keys.nextIndex(random)];
    return counts;
}

} // namespace

class TestLoadGenerator : public QObject
{
    Q_OBJECT

private slots:
    void uniformKeys();
    void hotKeysTakeTheirShare();
    void zipfFollowsItsExponent_data();
    void zipfFollowsItsExponent();
    void rateIsExact();
    void pauseResumeAndStop();
    void endsAfterItsDuration();
    void payloadSizesAndTemplates();
    void refusesBadOptions();
};

void TestLoadGenerator::uniformKeys()
{
    KeyDistributionOptions options;
    options.keyCount = 100;
    const KeyDistribution keys(options);
    const QList<int> counts = draw(keys, 200'000, 1);
    // Chi-square with 99 degrees of freedom: 99 on average, above 150 with p < 0.001.
    double chi2 = 0;
    for (int c : counts)
        chi2 += (c - 2000.0) * (c - 2000.0) / 2000.0;
    QVERIFY2(chi2 < 150, qPrintable(QString::number(chi2)));
    QCOMPARE(keys.keyAt(7), u"key-7"_s);
    QCOMPARE(keys.probability(5), 0.01);
}

void TestLoadGenerator::hotKeysTakeTheirShare()
{
    KeyDistributionOptions options;
    options.kind = KeyDistributionKind::HotKeys;
    options.keyCount = 1000;
    options.hotKeyCount = 3;
    options.hotShare = 0.8;
    const KeyDistribution keys(options);
    const int n = 100'000;
    const QList<int> counts = draw(keys, n, 2);
    const double hot = double(counts[0] + counts[1] + counts[2]) / n;
    // Standard deviation sqrt(0.8 * 0.2 / n) = 0.0013: 0.8 +- 0.006 is over 4 of them.
    QVERIFY2(std::abs(hot - 0.8) < 0.006, qPrintable(QString::number(hot)));
    for (int k = 0; k < 3; ++k) // the hot keys share evenly
        QVERIFY(std::abs(counts[k] / double(n) - 0.8 / 3) < 0.01);
    QCOMPARE(keys.probability(0), 0.8 / 3);
    QCOMPARE(keys.probability(500), 0.2 / 997);
}

void TestLoadGenerator::zipfFollowsItsExponent_data()
{
    QTest::addColumn<double>("exponent");
    QTest::newRow("0.8") << 0.8;
    QTest::newRow("1.0") << 1.0;
    QTest::newRow("1.5") << 1.5;
}

void TestLoadGenerator::zipfFollowsItsExponent()
{
    QFETCH(double, exponent);
    KeyDistributionOptions options;
    options.kind = KeyDistributionKind::Zipf;
    options.keyCount = 1000;
    options.zipfExponent = exponent;
    const KeyDistribution keys(options);
    double total = 0;
    for (int k = 0; k < 1000; ++k)
        total += keys.probability(k);
    QVERIFY(std::abs(total - 1) < 1e-9);
    const QList<int> counts = draw(keys, 300'000, 3);
    // The exponent estimated from the data: least squares of log(count) on log(rank) over the
    // first 20 ranks (each with thousands of draws) is -exponent.
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    const int ranks = 20;
    for (int k = 0; k < ranks; ++k) {
        const double x = std::log(double(k + 1));
        const double y = std::log(double(counts[k]));
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
    }
    const double slope = (ranks * sxy - sx * sy) / (ranks * sxx - sx * sx);
    QVERIFY2(std::abs(-slope - exponent) < 0.05,
             qPrintable(u"estimated %1 for %2"_s.arg(-slope).arg(exponent)));
    // And the head: rank 1 over rank 2 is 2^exponent.
    QVERIFY(std::abs(double(counts[0]) / counts[1] - std::pow(2.0, exponent)) < 0.1);
}

void TestLoadGenerator::rateIsExact()
{
    Harness h;
    QVERIFY(h.open(2));
    LoadGeneratorOptions options;
    options.recordsPerSecond = 750;
    options.seed = 5;
    auto generator = h.make(options);
    QVERIFY(generator);
    QSignalSpy seconds(generator.get(), &LoadGenerator::secondClosed);
    QVERIFY(generator->start());
    QCOMPARE(generator->state(), LoadGenerator::State::Running);
    h.run(*generator, 4000);
    QCOMPARE(generator->generatedRecords(), 3000);
    QCOMPARE(generator->refusedRecords(), 0);
    generator->stop();
    h.run(*generator, 200);
    QCOMPARE(generator->state(), LoadGenerator::State::Finished);
    QCOMPARE(generator->producer()->metrics().total.userRecordsAcknowledged, 3000);
    // Whole seconds of the run each generated exactly the rate.
    QVERIFY(seconds.size() >= 3);
    const QList<LoadGeneratorSecond> &history = generator->history();
    qint64 generated = 0;
    qint64 acknowledged = 0;
    qint64 kinesisAcknowledged = 0;
    qint64 bytesAcknowledged = 0;
    QMap<QString, ProducerShardCounts> byShard;
    for (const LoadGeneratorSecond &second : history) {
        generated += second.generatedRecords;
        acknowledged += second.producer.userRecordsAcknowledged;
        kinesisAcknowledged += second.producer.kinesisRecordsAcknowledged;
        bytesAcknowledged += second.producer.bytesAcknowledged;
        for (auto it = second.producer.acknowledgedByShard.cbegin();
             it != second.producer.acknowledgedByShard.cend(); ++it) {
            byShard[it.key()].records += it->records;
            byShard[it.key()].bytes += it->bytes;
        }
    }
    // Each second's per-shard counts add up to its totals; both shards got records and bytes.
    QCOMPARE(byShard.keys(), (QStringList{u"shardId-000000000000"_s, u"shardId-000000000001"_s}));
    qint64 shardRecords = 0;
    qint64 shardBytes = 0;
    for (const ProducerShardCounts &counts : std::as_const(byShard)) {
        QVERIFY(counts.records > 0);
        QVERIFY(counts.bytes >= counts.records * 100);
        shardRecords += counts.records;
        shardBytes += counts.bytes;
    }
    QCOMPARE(shardRecords, kinesisAcknowledged);
    QCOMPARE(shardBytes, bytesAcknowledged);
    QCOMPARE(history.at(1).generatedRecords, 750);
    QCOMPARE(history.at(2).generatedRecords, 750);
    QVERIFY(generated <= 3000);
    QVERIFY(acknowledged <= generated);
    QVERIFY(history.at(2).producer.userRecordsAcknowledged > 600);
    QVERIFY(history.at(2).producer.latencyP50Ms <= history.at(2).producer.latencyP99Ms);
}

void TestLoadGenerator::pauseResumeAndStop()
{
    Harness h;
    QVERIFY(h.open(1));
    LoadGeneratorOptions options;
    options.recordsPerSecond = 200;
    auto generator = h.make(options);
    QVERIFY(generator);
    QSignalSpy states(generator.get(), &LoadGenerator::stateChanged);
    QVERIFY(generator->start());
    QVERIFY(!generator->start()); // once
    h.run(*generator, 1000);
    QCOMPARE(generator->generatedRecords(), 200);
    generator->pause();
    QCOMPARE(generator->state(), LoadGenerator::State::Paused);
    h.run(*generator, 5000);
    QCOMPARE(generator->generatedRecords(), 200);
    generator->resume();
    h.run(*generator, 500);
    QCOMPARE(generator->generatedRecords(), 300); // paused time does not count
    generator->stop();
    QVERIFY(generator->state() == LoadGenerator::State::Stopping
            || generator->state() == LoadGenerator::State::Finished);
    h.run(*generator, 1000);
    QCOMPARE(generator->state(), LoadGenerator::State::Finished);
    QCOMPARE(generator->generatedRecords(), 300);
    QCOMPARE(generator->producer()->metrics().total.userRecordsAcknowledged, 300);
    QVERIFY(states.size() >= 4); // running, paused, running, (stopping,) finished
}

void TestLoadGenerator::endsAfterItsDuration()
{
    Harness h;
    QVERIFY(h.open(1));
    LoadGeneratorOptions options;
    options.recordsPerSecond = 100;
    options.durationMs = 2500;
    auto generator = h.make(options);
    QVERIFY(generator);
    QSignalSpy finished(generator.get(), &LoadGenerator::finished);
    QVERIFY(generator->start());
    h.run(*generator, 4000);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(generator->generatedRecords(), 250);
}

void TestLoadGenerator::payloadSizesAndTemplates()
{
    Harness h;
    QVERIFY(h.open(1));
    LoadGeneratorOptions options;
    options.minRecordBytes = 20;
    options.maxRecordBytes = 140;
    options.seed = 9;
    auto generator = h.make(options);
    QVERIFY(generator);
    int shortest = 1000;
    int longest = 0;
    for (int i = 1; i <= 2000; ++i) {
        const QByteArray data = generator->makePayload(i);
        shortest = std::min<int>(shortest, int(data.size()));
        longest = std::max<int>(longest, int(data.size()));
        QJsonParseError error{};
        const QJsonDocument json = QJsonDocument::fromJson(data, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, data.constData());
        QCOMPARE(json[u"id"_s].toInt(), i);
    }
    QCOMPARE(shortest, 20);
    QCOMPARE(longest, 140);

    LoadGeneratorOptions templated;
    templated.payload = LoadPayloadKind::Template;
    templated.dataTemplate = u"order {{counter}} {{choice:a|b}}"_s;
    templated.minRecordBytes = 20;
    templated.maxRecordBytes = 20;
    auto fromTemplate = h.make(templated);
    QVERIFY(fromTemplate);
    const QByteArray data = fromTemplate->makePayload(42);
    QCOMPARE(data.size(), 20);
    QVERIFY(data.startsWith("order 42 a") || data.startsWith("order 42 b"));
}

void TestLoadGenerator::refusesBadOptions()
{
    LoadGeneratorOptions options;
    QVERIFY(!LoadGenerator::problem(options));
    options.recordsPerSecond = 0;
    QVERIFY(LoadGenerator::problem(options));
    options = {};
    options.minRecordBytes = 200;
    options.maxRecordBytes = 100;
    QVERIFY(LoadGenerator::problem(options));
    options = {};
    options.keys.kind = KeyDistributionKind::HotKeys;
    options.keys.hotShare = 1.5;
    QVERIFY(LoadGenerator::problem(options));
    options = {};
    options.keys.kind = KeyDistributionKind::Zipf;
    options.keys.zipfExponent = 0;
    QVERIFY(LoadGenerator::problem(options));
    options = {};
    options.payload = LoadPayloadKind::Template;
    options.dataTemplate = u"{{nope}}"_s;
    const auto wrong = LoadGenerator::problem(options);
    QVERIFY(wrong && wrong->contains(u"character 1"_s));

    Harness h;
    QVERIFY(h.open(1));
    EmulatorBackendOptions readOnly;
    readOnly.readOnly = true;
    EmulatorBackend readOnlyBackend(*h.engine, readOnly);
    LoadGenerator generator(&readOnlyBackend, u"load"_s, LoadGeneratorOptions{});
    QVERIFY(!generator.start());
    QVERIFY(generator.error().contains(u"read-only"_s));
    QCOMPARE(generator.state(), LoadGenerator::State::Idle);
}

QTEST_GUILESS_MAIN(TestLoadGenerator)
#include "tst_loadgenerator.moc"
