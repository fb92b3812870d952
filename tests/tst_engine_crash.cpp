// A producer process is killed with SIGKILL in the middle of putting records. After reopening
// the database, every record whose put was acknowledged must be there with the sequence number
// it was given, and the database must pass PRAGMA integrity_check.

#include "engine/engine.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <cstdio>
#include <thread>

using namespace shardscope;

namespace {

const QString kStream = QStringLiteral("crash");

// The child: puts records forever from two threads (PutRecord and PutRecords), printing
// "<payload id> <shard id> <sequence number>" for each acknowledged record.
int runChild(const QString &path)
{
    EngineOptions options;
    options.databasePath = path;
    options.createDelayMs = 0;
    // It writes as fast as it can; what is checked is what survives the kill, not the rate.
    options.throughputLimits = false;
    auto engine = Engine::open(options);
    if (!engine)
        return 3;
    CreateStreamRequest create;
    create.streamName = kStream;
    create.shardCount = 3;
    if (!(*engine)->createStream(create))
        return 4;
    std::puts("ready");
    std::fflush(stdout);
    std::mutex out;
    auto producer = [&](int thread) {
        for (qint64 i = 0;; ++i) {
            const QByteArray id = QByteArray::number(thread) + '-' + QByteArray::number(i);
            if (thread == 0) {
                PutRecordRequest put;
                put.target = StreamTarget::byName(kStream);
                put.partitionKey = QString::fromLatin1(id);
                put.data = "payload-" + id;
                auto result = (*engine)->putRecord(put);
                if (!result)
                    return;
                std::lock_guard lock(out);
                std::printf("%s %s %s\n", id.constData(), qPrintable(result->shardId),
                            qPrintable(result->sequenceNumber.toString()));
                std::fflush(stdout);
            } else {
                PutRecordsRequest put;
                put.target = StreamTarget::byName(kStream);
                for (int j = 0; j < 50; ++j) {
                    const QByteArray sub = id + '.' + QByteArray::number(j);
                    put.records.append({"payload-" + sub, QString::fromLatin1(sub), std::nullopt});
                }
                auto result = (*engine)->putRecords(put);
                if (!result)
                    return;
                std::lock_guard lock(out);
                for (int j = 0; j < 50; ++j) {
                    const auto &entry = result->records[j];
                    std::printf("%s.%d %s %s\n", id.constData(), j, qPrintable(entry.shardId),
                                qPrintable(entry.sequenceNumber->toString()));
                }
                std::fflush(stdout);
            }
        }
    };
    std::thread a(producer, 0);
    std::thread b(producer, 1);
    a.join();
    b.join();
    return 0;
}

} // namespace

class TestEngineCrash : public QObject
{
    Q_OBJECT
private slots:
    void acknowledgedRecordsSurviveSigkill();
};

void TestEngineCrash::acknowledgedRecordsSurviveSigkill()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("crash.db"));

    QProcess child;
    child.setProgram(QCoreApplication::applicationFilePath());
    child.setArguments({QStringLiteral("--crash-child"), path});
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start();
    QVERIFY(child.waitForStarted());

    // Read acknowledgements until enough have arrived, then kill without warning. The first line
    // is "ready", not an acknowledgement: 5,000 acknowledgements are 5,001 lines.
    QByteArray output;
    QElapsedTimer timer;
    timer.start();
    while (output.count('\n') < 5001 && timer.elapsed() < 60000) {
        child.waitForReadyRead(1000);
        output += child.readAllStandardOutput();
    }
    child.kill(); // SIGKILL
    QVERIFY(child.waitForFinished(10000));
    output += child.readAllStandardOutput();
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);

    struct Ack { QString shardId; QString sequenceNumber; };
    QHash<QString, Ack> acknowledged;
    const QList<QByteArray> lines = output.split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> parts = line.split(' ');
        if (parts.size() != 3)
            continue; // "ready", or a line cut by the kill
        if (parts[2].size() != SequenceNumber::kTextLength)
            continue;
        acknowledged.insert(QString::fromLatin1(parts[0]),
                            Ack{QString::fromLatin1(parts[1]), QString::fromLatin1(parts[2])});
    }
    QVERIFY2(acknowledged.size() >= 5000, qPrintable(QString::number(acknowledged.size())));

    // The database file itself is intact.
    {
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
        sqlite3_stmt *stmt = nullptr;
        QCOMPARE(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, nullptr), SQLITE_OK);
        QCOMPARE(sqlite3_step(stmt), SQLITE_ROW);
        const QString verdict = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
        sqlite3_finalize(stmt);
        sqlite3_close(db);
        QCOMPARE(verdict, QStringLiteral("ok"));
    }

    // Reopen and read every shard from the trim horizon.
    EngineOptions options;
    options.databasePath = path;
    auto engine = Engine::open(options);
    QVERIFY2(engine.has_value(), engine ? "" : qPrintable(engine.error().message));
    const auto shards = (*engine)->listShards([] {
        ListShardsRequest r;
        r.target = StreamTarget::byName(kStream);
        return r;
    }());
    QVERIFY(shards.has_value());
    QHash<QString, Ack> stored;
    for (const Shard &shard : shards->shards) {
        GetShardIteratorRequest it;
        it.target = StreamTarget::byName(kStream);
        it.shardId = shard.shardId;
        it.shardIteratorType = ShardIteratorType::TrimHorizon;
        auto iterator = (*engine)->getShardIterator(it);
        QVERIFY(iterator.has_value());
        std::optional<QString> next = iterator->shardIterator;
        while (next) {
            GetRecordsRequest get;
            get.shardIterator = *next;
            auto page = (*engine)->getRecords(get);
            QVERIFY(page.has_value());
            for (const Record &record : page->records) {
                QVERIFY(record.data == "payload-" + record.partitionKey.toLatin1());
                QVERIFY2(!stored.contains(record.partitionKey), "duplicate record");
                stored.insert(record.partitionKey, Ack{shard.shardId, record.sequenceNumber.toString()});
            }
            if (page->records.isEmpty())
                break;
            next = page->nextShardIterator;
        }
    }
    for (auto it = acknowledged.cbegin(); it != acknowledged.cend(); ++it) {
        QVERIFY2(stored.contains(it.key()), qPrintable(u"lost acknowledged record " % it.key()));
        QCOMPARE(stored[it.key()].shardId, it->shardId);
        QCOMPARE(stored[it.key()].sequenceNumber, it->sequenceNumber);
    }
    qInfo("acknowledged before the kill: %lld, stored after reopening: %lld",
          qint64(acknowledged.size()), qint64(stored.size()));
    // New puts after the crash continue the sequence.
    PutRecordRequest put;
    put.target = StreamTarget::byName(kStream);
    put.partitionKey = QStringLiteral("after");
    put.data = "after";
    auto after = (*engine)->putRecord(put);
    QVERIFY(after.has_value());
    for (const Ack &ack : std::as_const(stored)) {
        if (ack.shardId == after->shardId)
            QVERIFY(ack.sequenceNumber < after->sequenceNumber.toString());
    }
}

int main(int argc, char *argv[])
{
    if (argc == 3 && qstrcmp(argv[1], "--crash-child") == 0)
        return runChild(QString::fromLocal8Bit(argv[2]));
    QCoreApplication app(argc, argv);
    TestEngineCrash test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_engine_crash.moc"
