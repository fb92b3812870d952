// What the engine does when the database fails under it. A write group that cannot commit is
// rolled back, and the engine reloads its catalog from the database. These tests make commits
// fail for real: the process is not allowed to grow a file past the write-ahead log's current
// size (RLIMIT_FSIZE), so SQLite's COMMIT fails with an I/O error, as on a full disk. For a
// reload that fails, a second SQLite connection first leaves a shard table the engine cannot
// read back; for housekeeping that fails, it moves a table housekeeping needs.

#include "engine/clock.h"
#include "engine/engine.h"

#include <QFileInfo>
#include <QMutex>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

#include <sqlite3.h>

#include <csignal>
#include <functional>

#include "expectedassert.h"

using namespace shardscope;
using shardscope::testing::describe;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kStartMs = 1'700'000'000'000;

// Every message logged while it exists, by category.
class LogCapture final
{
public:
    LogCapture()
    {
        {
            QMutexLocker lock(&s_mutex);
            s_entries.clear();
        }
        s_previous = qInstallMessageHandler(&LogCapture::handle);
    }
    ~LogCapture() { qInstallMessageHandler(s_previous); }
    Q_DISABLE_COPY_MOVE(LogCapture)

    static QStringList messages(const QString &category, QtMsgType type)
    {
        QMutexLocker lock(&s_mutex);
        QStringList found;
        for (const Entry &entry : std::as_const(s_entries)) {
            if (entry.category == category && entry.type == type)
                found.append(entry.text);
        }
        return found;
    }

private:
    struct Entry
    {
        QString category;
        QtMsgType type;
        QString text;
    };
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &text)
    {
        {
            QMutexLocker lock(&s_mutex);
            s_entries.append({QString::fromLatin1(context.category), type, text});
        }
        if (s_previous)
            s_previous(type, context, text);
    }
    static inline QMutex s_mutex;
    static inline QList<Entry> s_entries;
    static inline QtMessageHandler s_previous = nullptr;
};

// While it exists, no file of this process can grow past `bytes` (writes beyond fail with
// EFBIG instead of raising SIGXFSZ).
class FileSizeLimit final
{
public:
    explicit FileSizeLimit(qint64 bytes)
    {
        m_previousHandler = std::signal(SIGXFSZ, SIG_IGN);
        getrlimit(RLIMIT_FSIZE, &m_previous);
        rlimit limited = m_previous;
        limited.rlim_cur = rlim_t(bytes);
        m_applied = setrlimit(RLIMIT_FSIZE, &limited) == 0;
    }
    ~FileSizeLimit()
    {
        setrlimit(RLIMIT_FSIZE, &m_previous);
        std::signal(SIGXFSZ, m_previousHandler);
    }
    Q_DISABLE_COPY_MOVE(FileSizeLimit)
    bool applied() const { return m_applied; }

private:
    rlimit m_previous{};
    void (*m_previousHandler)(int) = nullptr;
    bool m_applied = false;
};

// A second connection to the engine's database, as another process would have one.
class RawDatabase final
{
public:
    explicit RawDatabase(const QString &path)
    {
        sqlite3_open_v2(path.toUtf8().constData(), &m_db, SQLITE_OPEN_READWRITE, nullptr);
        sqlite3_busy_timeout(m_db, 10000);
    }
    ~RawDatabase() { sqlite3_close_v2(m_db); }
    Q_DISABLE_COPY_MOVE(RawDatabase)

    bool exec(const char *sql)
    {
        return sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    }
    // The first column of the first row, or -1.
    qint64 number(const char *sql)
    {
        sqlite3_stmt *stmt = nullptr;
        qint64 value = -1;
        if (sqlite3_prepare_v2(m_db, sql, -1, &stmt, nullptr) == SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW)
            value = sqlite3_column_int64(stmt, 0);
        sqlite3_finalize(stmt);
        return value;
    }

private:
    sqlite3 *m_db = nullptr;
};

struct Harness
{
    QTemporaryDir dir;
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(kStartMs);
    std::unique_ptr<Engine> engine;

    QString path() const { return dir.filePath(u"e.db"_s); }

    std::expected<void, Error> open()
    {
        EngineOptions options;
        options.databasePath = path();
        options.clock = clock;
        options.createDelayMs = 0;
        options.updateDelayMs = 0;
        options.deleteDelayMs = 0;
        auto opened = Engine::open(options);
        if (!opened)
            return std::unexpected(opened.error());
        engine = std::move(*opened);
        return {};
    }

    // The size of the write-ahead log now: a limit at it makes the next commit fail.
    qint64 walSize() const { return QFileInfo(path() + u"-wal"_s).size(); }

    std::expected<void, Error> createStream(const QString &name, int shards = 1)
    {
        CreateStreamRequest request;
        request.streamName = name;
        request.shardCount = shards;
        return engine->createStream(request);
    }

    std::expected<PutRecordResponse, Error> put(const QString &stream, const QByteArray &data)
    {
        PutRecordRequest request;
        request.target = StreamTarget::byName(stream);
        request.partitionKey = QString::fromLatin1(data);
        request.data = data;
        return engine->putRecord(request);
    }

    // Every record of every shard of `stream`, read from the trim horizon.
    std::expected<QList<QByteArray>, Error> readAll(const QString &stream) const
    {
        ListShardsRequest list;
        list.target = StreamTarget::byName(stream);
        auto shards = engine->listShards(list);
        if (!shards)
            return std::unexpected(shards.error());
        QList<QByteArray> data;
        for (const Shard &shard : std::as_const(shards->shards)) {
            GetShardIteratorRequest at;
            at.target = StreamTarget::byName(stream);
            at.shardId = shard.shardId;
            at.shardIteratorType = ShardIteratorType::TrimHorizon;
            auto iterator = engine->getShardIterator(at);
            if (!iterator)
                return std::unexpected(iterator.error());
            GetRecordsRequest get;
            get.shardIterator = iterator->shardIterator;
            auto page = engine->getRecords(get);
            if (!page)
                return std::unexpected(page.error());
            for (const Record &record : std::as_const(page->records))
                data.append(record.data);
        }
        std::sort(data.begin(), data.end());
        return data;
    }
};

} // namespace

class TestEngineFailures : public QObject
{
    Q_OBJECT
private slots:
    void rolledBackGroupIsForgottenAndWritesGoOn();
    void failedReloadRefusesEveryWriteAndKeepsReads();
    void housekeepingFailureIsLoggedOnceAndRetried();
};

void TestEngineFailures::rolledBackGroupIsForgottenAndWritesGoOn()
{
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"a"_s));
    VERIFY_OK(h.put(u"a"_s, "first"));
    h.engine->runHousekeeping();

    {
        const FileSizeLimit limit(h.walSize());
        QVERIFY(limit.applied());
        // Neither group can write its pages: both are rolled back and reported.
        const auto created = h.createStream(u"b"_s);
        QVERIFY(!created);
        QCOMPARE(created.error().type, ErrorType::InternalFailure);
        QCOMPARE(created.error().message, u"The database could not commit."_s);
        const auto put = h.put(u"a"_s, "lost");
        QVERIFY(!put);
        QCOMPARE(put.error().message, u"The database could not commit."_s);
    }

    // The reload made the working catalog what is committed: no stream b, and writes go on.
    const auto b = h.engine->describeStreamSummary(StreamTarget::byName(u"b"_s));
    QVERIFY(!b);
    QCOMPARE(b.error().type, ErrorType::ResourceNotFound);
    VERIFY_OK(h.createStream(u"b"_s));
    VERIFY_OK(h.put(u"a"_s, "second"));
    QCOMPARE(h.readAll(u"a"_s).value(), (QList<QByteArray>{"first", "second"}));

    // The id the rolled-back group gave b is not given again.
    RawDatabase raw(h.path());
    const qint64 idA = raw.number("SELECT id FROM streams WHERE name = 'a'");
    QVERIFY(idA > 0);
    QCOMPARE(raw.number("SELECT id FROM streams WHERE name = 'b'"), idA + 2);
}

void TestEngineFailures::failedReloadRefusesEveryWriteAndKeepsReads()
{
    const LogCapture log;
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"a"_s, 2));
    for (const QByteArray &data : {QByteArray("r1"), QByteArray("r2"), QByteArray("r3")})
        VERIFY_OK(h.put(u"a"_s, data));
    h.engine->runHousekeeping();

    // Another connection leaves a shard table with a gap (shard 1 renumbered 7). The engine
    // does not read it back while it runs, so writes still work...
    RawDatabase raw(h.path());
    QVERIFY(raw.exec("UPDATE shards SET shard_index = 7 WHERE shard_index = 1"));
    VERIFY_OK(h.put(u"a"_s, "r4"));

    // ...until a group is rolled back and the catalog must be read again.
    {
        const FileSizeLimit limit(h.walSize());
        QVERIFY(limit.applied());
        const auto created = h.createStream(u"b"_s);
        QVERIFY(!created);
        QCOMPARE(created.error().message, u"The database could not commit."_s);
    }
    const QStringList critical = LogCapture::messages(u"shardscope.engine"_s, QtCriticalMsg);
    QCOMPARE(critical.size(), 1);
    QVERIFY2(critical.first().contains(u"not dense"_s), qPrintable(critical.first()));
    QVERIFY(!LogCapture::messages(u"shardscope.engine"_s, QtWarningMsg).isEmpty());

    // Every write is refused from now on, with the reason, whatever it writes.
    const QList<std::pair<const char *, std::function<std::expected<void, Error>()>>> writes = {
        {"CreateStream", [&] { return h.createStream(u"c"_s); }},
        {"PutRecord",
         [&]() -> std::expected<void, Error> {
             if (auto r = h.put(u"a"_s, "r5"); !r)
                 return std::unexpected(r.error());
             return {};
         }},
        {"PutRecords",
         [&]() -> std::expected<void, Error> {
             PutRecordsRequest request;
             request.target = StreamTarget::byName(u"a"_s);
             request.records.append(PutRecordsRequestEntry{"r6", u"k"_s, std::nullopt});
             if (auto r = h.engine->putRecords(request); !r)
                 return std::unexpected(r.error());
             return {};
         }},
        {"IncreaseStreamRetentionPeriod",
         [&] {
             return h.engine->increaseStreamRetentionPeriod(
                 RetentionPeriodRequest{StreamTarget::byName(u"a"_s), 48});
         }},
        {"AddTagsToStream",
         [&] {
             AddTagsToStreamRequest request;
             request.target = StreamTarget::byName(u"a"_s);
             request.tags.insert(u"team"_s, u"core"_s);
             return h.engine->addTagsToStream(request);
         }},
        {"MergeShards",
         [&] {
             MergeShardsRequest request;
             request.target = StreamTarget::byName(u"a"_s);
             request.shardToMerge = u"shardId-000000000000"_s;
             request.adjacentShardToMerge = u"shardId-000000000001"_s;
             return h.engine->mergeShards(request);
         }},
        {"DeleteStream",
         [&] {
             DeleteStreamRequest request;
             request.target = StreamTarget::byName(u"a"_s);
             return h.engine->deleteStream(request);
         }},
        {"CreateKey",
         [&]() -> std::expected<void, Error> {
             if (auto r = h.engine->createKey(u"key"_s); !r)
                 return std::unexpected(r.error());
             return {};
         }},
    };
    for (const auto &[name, write] : writes) {
        const auto result = write();
        QVERIFY2(!result, name);
        QCOMPARE(result.error().type, ErrorType::InternalFailure);
        QVERIFY2(result.error().message.startsWith(u"The emulator no longer accepts writes"_s),
                 qPrintable(result.error().message));
        QVERIFY2(result.error().message.contains(u"not dense"_s),
                 qPrintable(result.error().message));
    }
    h.engine->runHousekeeping(); // writes nothing, and returns

    // What was committed can still be read, and nothing else.
    const auto summary = h.engine->describeStreamSummary(StreamTarget::byName(u"a"_s));
    VERIFY_OK(summary);
    QCOMPARE(summary->openShardCount, 2);
    QCOMPARE(h.readAll(u"a"_s).value(), (QList<QByteArray>{"r1", "r2", "r3", "r4"}));
    const auto streams = h.engine->listStreams(ListStreamsRequest{});
    VERIFY_OK(streams);
    QCOMPARE(streams->streamNames, QStringList{u"a"_s});
    QVERIFY(!h.engine->listKeys().isEmpty());

    // And the database holds exactly that.
    h.engine.reset();
    QCOMPARE(raw.number("SELECT count(*) FROM records"), 4);
    QCOMPARE(raw.number("SELECT count(*) FROM streams"), 1);
    QCOMPARE(raw.number("SELECT count(*) FROM tags"), 0);
    QCOMPARE(raw.number("SELECT count(*) FROM kms_keys"), 1); // the default key only

    // The table really cannot be read: the engine does not open on it, and opens once repaired.
    const auto reopened = h.open();
    QVERIFY(!reopened);
    QVERIFY2(reopened.error().message.contains(u"not dense"_s),
             qPrintable(reopened.error().message));
    QVERIFY(raw.exec("UPDATE shards SET shard_index = 1 WHERE shard_index = 7"));
    VERIFY_OK(h.open());
    QCOMPARE(h.readAll(u"a"_s).value(), (QList<QByteArray>{"r1", "r2", "r3", "r4"}));
    VERIFY_OK(h.put(u"a"_s, "r5"));
}

void TestEngineFailures::housekeepingFailureIsLoggedOnceAndRetried()
{
    const LogCapture log;
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"gone"_s, 2));
    VERIFY_OK(h.put(u"gone"_s, "r1"));
    DeleteStreamRequest remove;
    remove.target = StreamTarget::byName(u"gone"_s);
    VERIFY_OK(h.engine->deleteStream(remove));

    // Purging the deleted stream needs its data keys' table, which is not there.
    RawDatabase raw(h.path());
    QVERIFY(raw.exec("ALTER TABLE data_keys RENAME TO data_keys_elsewhere"));
    const auto warnings = [] {
        QStringList found;
        for (const QString &text : LogCapture::messages(u"shardscope.engine"_s, QtWarningMsg)) {
            if (text.startsWith(u"Housekeeping stopped"_s))
                found.append(text);
        }
        return found;
    };
    h.engine->runHousekeeping();
    h.engine->runHousekeeping();
    const QStringList logged = warnings();
    QCOMPARE(logged.size(), 1); // a failure that repeats is logged once
    QVERIFY2(logged.first().contains(u"purging a deleted stream's data keys"_s) &&
                 logged.first().contains(u"no such table"_s),
             qPrintable(logged.first()));
    QCOMPARE(raw.number("SELECT count(*) FROM streams"), 1); // not purged yet

    // Each round tries again: once the table is back, the stream goes.
    QVERIFY(raw.exec("ALTER TABLE data_keys_elsewhere RENAME TO data_keys"));
    h.engine->runHousekeeping();
    QCOMPARE(raw.number("SELECT count(*) FROM streams"), 0);
    QCOMPARE(raw.number("SELECT count(*) FROM records"), 0);
    QCOMPARE(raw.number("SELECT count(*) FROM shards"), 0);
    QVERIFY(LogCapture::messages(u"shardscope.engine"_s, QtInfoMsg)
                .contains(u"Housekeeping got through again."_s));
    QCOMPARE(warnings().size(), 1);
}

QTEST_GUILESS_MAIN(TestEngineFailures)
#include "tst_engine_failures.moc"
