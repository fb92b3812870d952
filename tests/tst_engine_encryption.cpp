// Encryption at rest: StartStreamEncryption / StopStreamEncryption with keys of the local KMS,
// sealed payloads on disk, transparent decryption, key states, rotation, persistence, and the
// two operations over the wire. Every engine runs on a ManualClock over a database in a
// QTemporaryDir.

#include "engine/clock.h"
#include "engine/engine.h"
#include "engine/sqlitedb.h"
#include "server/dispatcher.h"
#include "protocol/wirecodec.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include "expectedassert.h"

using namespace shardscope;
using shardscope::testing::describe;
using shardscope::testing::typeNameOf;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kStartMs = 1'700'000'000'000;
constexpr qint64 kMiB = 1024 * 1024;
const QString kShard0 = u"shardId-000000000000"_s;
const QString kDefaultAlias = u"alias/aws/kinesis"_s;

QByteArray bytePattern(qint64 size, quint32 seed)
{
    QByteArray data(size, Qt::Uninitialized);
    quint32 x = seed * 2654435761u + 1;
    for (qint64 i = 0; i < size; ++i) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        data[i] = char(x >> 24);
    }
    return data;
}

// A marker no other test data can contain by accident.
QByteArray marker(const char *label)
{
    return QByteArray("SHARDSCOPE-") + label + '-' +
           QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1();
}

} // namespace

namespace {

struct Harness
{
    QTemporaryDir dir;
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(kStartMs);
    std::unique_ptr<Engine> engine;
    qint64 updateDelayMs = 0;

    QString databasePath() const { return dir.filePath(u"e.db"_s); }

    std::expected<void, Error> open()
    {
        EngineOptions o;
        o.databasePath = databasePath();
        o.clock = clock;
        o.createDelayMs = 0;
        o.updateDelayMs = updateDelayMs;
        engine.reset();
        auto opened = Engine::open(o);
        if (!opened)
            return std::unexpected(opened.error());
        engine = std::move(*opened);
        return {};
    }

    std::expected<void, Error> createStream(const QString &name, int shards = 1)
    {
        CreateStreamRequest request;
        request.streamName = name;
        request.shardCount = shards;
        return engine->createStream(request);
    }

    std::expected<void, Error> start(const QString &stream, const QString &keyId,
                                     const QString &type = u"KMS"_s)
    {
        return engine->startStreamEncryption(
            StartStreamEncryptionRequest{StreamTarget::byName(stream), type, keyId});
    }

    std::expected<void, Error> stop(const QString &stream, const QString &keyId)
    {
        return engine->stopStreamEncryption(
            StopStreamEncryptionRequest{StreamTarget::byName(stream), u"KMS"_s, keyId});
    }

    // Lets UPDATING settle.
    void settle() { clock->advanceMs(updateDelayMs + 1); }

    std::expected<PutRecordResponse, Error> put(const QString &stream, const QByteArray &data,
                                                const QString &partitionKey = u"pk"_s)
    {
        PutRecordRequest request;
        request.target = StreamTarget::byName(stream);
        request.partitionKey = partitionKey;
        request.data = data;
        return engine->putRecord(request);
    }

    std::expected<QList<Record>, Error> read(const QString &stream, const QString &shardId = kShard0)
    {
        GetShardIteratorRequest request;
        request.target = StreamTarget::byName(stream);
        request.shardId = shardId;
        request.shardIteratorType = ShardIteratorType::TrimHorizon;
        auto it = engine->getShardIterator(request);
        if (!it)
            return std::unexpected(it.error());
        QList<Record> records;
        QString iterator = it->shardIterator;
        for (int guard = 0; guard < 1000; ++guard) {
            GetRecordsRequest get;
            get.shardIterator = iterator;
            auto page = engine->getRecords(get);
            if (!page)
                return std::unexpected(page.error());
            records += page->records;
            if (page->records.isEmpty() || !page->nextShardIterator)
                return records;
            iterator = *page->nextShardIterator;
        }
        return std::unexpected(Error::internal(u"never caught up"_s));
    }

    // The database file and its WAL, as bytes on disk.
    QByteArray diskBytes() const
    {
        QByteArray all;
        for (const QString &suffix : {u""_s, u"-wal"_s}) {
            QFile file(databasePath() + suffix);
            if (file.open(QIODevice::ReadOnly))
                all += file.readAll();
        }
        return all;
    }
};

} // namespace

class TestEngineEncryption : public QObject
{
    Q_OBJECT

private slots:
    void startAndStopShowInDescribe();
    void plaintextNeverReachesDisk();
    void roundTrip_data();
    void roundTrip();
    void putRecordsReportEncryption();
    void stopAffectsOnlyNewRecords();
    void disabledKeyBlocksPutAndGet();
    void deletedKeyBlocksPutAndGet();
    void rotationKeepsOldRecordsReadable();
    void persistsAcrossReopen();
    void keyIdForms_data();
    void keyIdForms();
    void startErrors();
    void kmsApi();
    void overTheWire();
    void upgradesVersion1Database();
};

void TestEngineEncryption::startAndStopShowInDescribe()
{
    Harness h;
    h.updateDelayMs = 1000;
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"s"_s));
    VERIFY_OK(h.start(u"s"_s, kDefaultAlias));

    auto d = h.engine->describeStream(DescribeStreamRequest{StreamTarget::byName(u"s"_s), {}, {}});
    VERIFY_OK(d);
    QCOMPARE(d->streamStatus, StreamStatus::Updating);
    QCOMPARE(d->encryptionType, EncryptionType::Kms);
    QCOMPARE(d->keyId, kDefaultAlias);
    auto summary = h.engine->describeStreamSummary(StreamTarget::byName(u"s"_s));
    VERIFY_OK(summary);
    QCOMPARE(summary->encryptionType, EncryptionType::Kms);
    QCOMPARE(summary->keyId, kDefaultAlias);

    // UPDATING: a second change waits; puts go on (encrypted).
    COMPARE_ERROR(h.stop(u"s"_s, kDefaultAlias), ErrorType::ResourceInUse,
                  u"Stream s under account 000000000000 not ACTIVE, instead in state UPDATING"_s);
    const auto put = h.put(u"s"_s, "during update");
    VERIFY_OK(put);
    QCOMPARE(put->encryptionType, EncryptionType::Kms);

    h.settle();
    d = h.engine->describeStream(DescribeStreamRequest{StreamTarget::byName(u"s"_s), {}, {}});
    QCOMPARE(d->streamStatus, StreamStatus::Active);
    VERIFY_OK(h.stop(u"s"_s, kDefaultAlias));
    summary = h.engine->describeStreamSummary(StreamTarget::byName(u"s"_s));
    QCOMPARE(summary->streamStatus, StreamStatus::Updating);
    QCOMPARE(summary->encryptionType, EncryptionType::None);
    QVERIFY(summary->keyId.isEmpty());
}

void TestEngineEncryption::plaintextNeverReachesDisk()
{
    Harness h;
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"plain"_s));
    VERIFY_OK(h.createStream(u"secret"_s));
    VERIFY_OK(h.start(u"secret"_s, kDefaultAlias));

    const QByteArray visible = marker("visible");
    const QByteArray hidden = marker("hidden");
    VERIFY_OK(h.put(u"plain"_s, visible));
    auto put = h.put(u"secret"_s, hidden);
    VERIFY_OK(put);
    QCOMPARE(put->encryptionType, EncryptionType::Kms);
    // PutRecords too, with the marker repeated in a larger payload.
    PutRecordsRequest batch;
    batch.target = StreamTarget::byName(u"secret"_s);
    batch.records.append({hidden + hidden + bytePattern(5000, 1) + hidden, u"a"_s, std::nullopt});
    VERIFY_OK(h.engine->putRecords(batch));

    // What the put returned is committed: the bytes are in the database or its WAL now.
    const QByteArray disk = h.diskBytes();
    QVERIFY(!disk.isEmpty());
    QVERIFY2(disk.contains(visible), "the check cannot see plaintext at all");
    QVERIFY2(!disk.contains(hidden), "plaintext of an encrypted stream is on disk");
    QVERIFY(!disk.contains(hidden.mid(11, 24))); // no fragment either

    // Still there after a checkpoint and close, and still readable after reopening.
    h.engine.reset();
    const QByteArray closed = h.diskBytes();
    QVERIFY(closed.contains(visible));
    QVERIFY(!closed.contains(hidden));
    VERIFY_OK(h.open());
    const auto records = h.read(u"secret"_s);
    VERIFY_OK(records);
    QCOMPARE(records->size(), 2);
    QCOMPARE(records->at(0).data, hidden);
    QCOMPARE(records->at(0).encryptionType, EncryptionType::Kms);
    QVERIFY(records->at(1).data.startsWith(QByteArray(hidden + hidden)));
}

void TestEngineEncryption::roundTrip_data()
{
    QTest::addColumn<QByteArray>("data");
    QByteArray all;
    for (int i = 0; i < 256; ++i)
        all.append(char(i));
    QTest::newRow("empty") << QByteArray("");
    QTest::newRow("one zero byte") << QByteArray("\0", 1);
    QTest::newRow("all byte values") << all;
    QTest::newRow("binary 4 KiB") << bytePattern(4096, 3);
    QTest::newRow("1 MiB") << bytePattern(kMiB, 4);
}

void TestEngineEncryption::roundTrip()
{
    QFETCH(QByteArray, data);
    Harness h;
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"s"_s));
    VERIFY_OK(h.start(u"s"_s, kDefaultAlias));
    const auto put = h.put(u"s"_s, data);
    VERIFY_OK(put);
    QCOMPARE(put->encryptionType, EncryptionType::Kms);
    const auto records = h.read(u"s"_s);
    VERIFY_OK(records);
    QCOMPARE(records->size(), 1);
    QCOMPARE(records->at(0).data.size(), data.size());
    QVERIFY(records->at(0).data == data);
    QCOMPARE(records->at(0).encryptionType, EncryptionType::Kms);
    QCOMPARE(records->at(0).sequenceNumber, put->sequenceNumber);
    QCOMPARE(records->at(0).partitionKey, u"pk"_s);
}

void TestEngineEncryption::putRecordsReportEncryption()
{
    Harness h;
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"s"_s, 4));
    PutRecordsRequest batch;
    batch.target = StreamTarget::byName(u"s"_s);
    for (int i = 0; i < 50; ++i)
        batch.records.append({bytePattern(100 + i, quint32(i)), QString::number(i), std::nullopt});
    auto plain = h.engine->putRecords(batch);
    VERIFY_OK(plain);
    QCOMPARE(plain->encryptionType, EncryptionType::None);
    VERIFY_OK(h.start(u"s"_s, kDefaultAlias));
    auto sealed = h.engine->putRecords(batch);
    VERIFY_OK(sealed);
    QCOMPARE(sealed->encryptionType, EncryptionType::Kms);
    QCOMPARE(sealed->failedRecordCount, 0);

    QHash<QString, QByteArray> expected;
    int kms = 0;
    int none = 0;
    for (int s = 0; s < 4; ++s) {
        const auto records = h.read(u"s"_s, QStringLiteral("shardId-%1").arg(s, 12, 10, QChar(u'0')));
        VERIFY_OK(records);
        for (const Record &r : *records) {
            QCOMPARE(r.data, bytePattern(100 + r.partitionKey.toInt(), quint32(r.partitionKey.toInt())));
            (r.encryptionType == EncryptionType::Kms ? kms : none)++;
        }
    }
    QCOMPARE(kms, 50);
    QCOMPARE(none, 50);
}

void TestEngineEncryption::stopAffectsOnlyNewRecords()
{
    Harness h;
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"s"_s));
    const QByteArray before = marker("before");
    const QByteArray during = marker("during");
    const QByteArray after = marker("after");
    VERIFY_OK(h.put(u"s"_s, before));
    VERIFY_OK(h.start(u"s"_s, kDefaultAlias));
    VERIFY_OK(h.put(u"s"_s, during));
    VERIFY_OK(h.stop(u"s"_s, kDefaultAlias));
    const auto put = h.put(u"s"_s, after);
    VERIFY_OK(put);
    QCOMPARE(put->encryptionType, EncryptionType::None);

    const auto records = h.read(u"s"_s);
    VERIFY_OK(records);
    QCOMPARE(records->size(), 3);
    QCOMPARE(records->at(0).data, before);
    QCOMPARE(records->at(0).encryptionType, EncryptionType::None);
    QCOMPARE(records->at(1).data, during);
    QCOMPARE(records->at(1).encryptionType, EncryptionType::Kms);
    QCOMPARE(records->at(2).data, after);
    QCOMPARE(records->at(2).encryptionType, EncryptionType::None);

    const QByteArray disk = h.diskBytes();
    QVERIFY(disk.contains(before));
    QVERIFY(!disk.contains(during));
    QVERIFY(disk.contains(after));

    // Starting again seals new records once more; everything stays readable.
    VERIFY_OK(h.start(u"s"_s, kDefaultAlias));
    VERIFY_OK(h.put(u"s"_s, "again"));
    const auto all = h.read(u"s"_s);
    VERIFY_OK(all);
    QCOMPARE(all->size(), 4);
    QCOMPARE(all->at(3).data, QByteArray("again"));
    QCOMPARE(all->at(3).encryptionType, EncryptionType::Kms);
}

void TestEngineEncryption::disabledKeyBlocksPutAndGet()
{
    Harness h;
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"s"_s));
    const auto key = h.engine->createKey(u"test key"_s);
    VERIFY_OK(key);
    VERIFY_OK(h.start(u"s"_s, key->keyId));
    for (int i = 0; i < 5; ++i)
        VERIFY_OK(h.put(u"s"_s, "record " + QByteArray::number(i)));

    // An iterator taken before the key is disabled is refused too.
    GetShardIteratorRequest itRequest{StreamTarget::byName(u"s"_s), kShard0,
                                      ShardIteratorType::TrimHorizon, std::nullopt, std::nullopt};
    const auto early = h.engine->getShardIterator(itRequest);
    VERIFY_OK(early);

    VERIFY_OK(h.engine->disableKey(key->keyId));
    const auto put = h.put(u"s"_s, "refused");
    VERIFY_ERROR(put, ErrorType::KmsDisabled);
    QVERIFY(put.error().message.contains(key->arn));
    PutRecordsRequest batch;
    batch.target = StreamTarget::byName(u"s"_s);
    batch.records.append({"refused too", u"k"_s, std::nullopt});
    VERIFY_ERROR(h.engine->putRecords(batch), ErrorType::KmsDisabled);
    VERIFY_ERROR(h.read(u"s"_s), ErrorType::KmsDisabled);
    VERIFY_ERROR(h.engine->getRecords(GetRecordsRequest{early->shardIterator, {}, {}}),
                 ErrorType::KmsDisabled);
    // Nothing was written while refused.
    QCOMPARE(*h.engine->storedRecordCount(u"s"_s, kShard0), qint64(5));
    // Starting encryption with a disabled key is refused as well.
    VERIFY_OK(h.createStream(u"other"_s));
    VERIFY_ERROR(h.start(u"other"_s, key->arn), ErrorType::KmsDisabled);

    VERIFY_OK(h.engine->enableKey(key->keyId));
    VERIFY_OK(h.put(u"s"_s, "record 5"));
    const auto records = h.read(u"s"_s);
    VERIFY_OK(records);
    QCOMPARE(records->size(), 6);
    for (int i = 0; i < 6; ++i)
        QCOMPARE(records->at(i).data, "record " + QByteArray::number(i));
}

void TestEngineEncryption::deletedKeyBlocksPutAndGet()
{
    Harness h;
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"s"_s));
    const auto key = h.engine->createKey();
    VERIFY_OK(key);
    VERIFY_OK(h.engine->createAlias(u"alias/doomed"_s, key->keyId));
    VERIFY_OK(h.start(u"s"_s, u"alias/doomed"_s));
    VERIFY_OK(h.put(u"s"_s, "kept"));

    const auto deleted = h.engine->scheduleKeyDeletion(key->keyId);
    VERIFY_OK(deleted);
    QCOMPARE(deleted->state, KmsKeyState::PendingDeletion);
    VERIFY_ERROR(h.put(u"s"_s, "refused"), ErrorType::KmsNotFound);
    VERIFY_ERROR(h.read(u"s"_s), ErrorType::KmsNotFound);
    VERIFY_OK(h.createStream(u"other"_s));
    VERIFY_ERROR(h.start(u"other"_s, u"alias/doomed"_s), ErrorType::KmsNotFound);

    // Nothing is lost: the material is still there.
    VERIFY_OK(h.engine->cancelKeyDeletion(key->keyId));
    VERIFY_ERROR(h.read(u"s"_s), ErrorType::KmsDisabled);
    VERIFY_OK(h.engine->enableKey(u"alias/doomed"_s));
    const auto records = h.read(u"s"_s);
    VERIFY_OK(records);
    QCOMPARE(records->size(), 1);
    QCOMPARE(records->at(0).data, QByteArray("kept"));
}

void TestEngineEncryption::rotationKeepsOldRecordsReadable()
{
    Harness h;
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"s"_s));
    const auto a = h.engine->createKey(u"a"_s);
    const auto b = h.engine->createKey(u"b"_s);
    VERIFY_OK(a);
    VERIFY_OK(b);
    VERIFY_OK(h.start(u"s"_s, a->keyId));
    VERIFY_OK(h.put(u"s"_s, "under a"));
    // Changing the key of an encrypted stream: new records use the new key.
    VERIFY_OK(h.start(u"s"_s, b->arn));
    auto d = h.engine->describeStreamSummary(StreamTarget::byName(u"s"_s));
    QCOMPARE(d->keyId, b->arn);
    VERIFY_OK(h.put(u"s"_s, "under b"));

    auto records = h.read(u"s"_s);
    VERIFY_OK(records);
    QCOMPARE(records->size(), 2);
    QCOMPARE(records->at(0).data, QByteArray("under a"));
    QCOMPARE(records->at(1).data, QByteArray("under b"));

    // The old key still guards the old records; the stream's current key is b.
    VERIFY_OK(h.engine->disableKey(a->keyId));
    VERIFY_OK(h.put(u"s"_s, "still b"));
    VERIFY_ERROR(h.read(u"s"_s), ErrorType::KmsDisabled);
    VERIFY_OK(h.engine->enableKey(a->keyId));
    records = h.read(u"s"_s);
    VERIFY_OK(records);
    QCOMPARE(records->size(), 3);
}

void TestEngineEncryption::persistsAcrossReopen()
{
    Harness h;
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"s"_s));
    const auto key = h.engine->createKey();
    VERIFY_OK(key);
    VERIFY_OK(h.engine->createAlias(u"alias/app"_s, key->keyId));
    VERIFY_OK(h.start(u"s"_s, u"alias/app"_s));
    VERIFY_OK(h.put(u"s"_s, "first"));
    VERIFY_OK(h.engine->disableKey(u"alias/app"_s));

    VERIFY_OK(h.open());
    const auto summary = h.engine->describeStreamSummary(StreamTarget::byName(u"s"_s));
    VERIFY_OK(summary);
    QCOMPARE(summary->encryptionType, EncryptionType::Kms);
    QCOMPARE(summary->keyId, u"alias/app"_s);
    QCOMPARE(h.engine->listKeys().size(), 2);
    QCOMPARE(h.engine->listAliases().size(), 2);
    VERIFY_ERROR(h.read(u"s"_s), ErrorType::KmsDisabled);
    VERIFY_ERROR(h.put(u"s"_s, "no"), ErrorType::KmsDisabled);
    VERIFY_OK(h.engine->enableKey(key->arn));
    VERIFY_OK(h.put(u"s"_s, "second"));

    VERIFY_OK(h.open());
    const auto records = h.read(u"s"_s);
    VERIFY_OK(records);
    QCOMPARE(records->size(), 2);
    QCOMPARE(records->at(0).data, QByteArray("first"));
    QCOMPARE(records->at(1).data, QByteArray("second"));
    QCOMPARE(records->at(1).encryptionType, EncryptionType::Kms);
}

void TestEngineEncryption::keyIdForms_data()
{
    QTest::addColumn<QString>("form");
    QTest::newRow("default alias") << u"default alias"_s;
    QTest::newRow("default alias ARN") << u"default alias ARN"_s;
    QTest::newRow("custom alias") << u"custom alias"_s;
    QTest::newRow("custom alias ARN") << u"custom alias ARN"_s;
    QTest::newRow("key id") << u"key id"_s;
    QTest::newRow("key ARN") << u"key ARN"_s;
}

void TestEngineEncryption::keyIdForms()
{
    QFETCH(QString, form);
    Harness h;
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"s"_s));
    const auto key = h.engine->createKey();
    VERIFY_OK(key);
    VERIFY_OK(h.engine->createAlias(u"alias/custom"_s, key->keyId));
    const QString arnPrefix = u"arn:aws:kms:us-east-1:000000000000:"_s;
    const QMap<QString, QString> forms{
        {u"default alias"_s, kDefaultAlias},
        {u"default alias ARN"_s, arnPrefix + kDefaultAlias},
        {u"custom alias"_s, u"alias/custom"_s},
        {u"custom alias ARN"_s, arnPrefix + u"alias/custom"_s},
        {u"key id"_s, key->keyId},
        {u"key ARN"_s, key->arn},
    };
    const QString keyId = forms.value(form);
    QCOMPARE(key->arn, arnPrefix + u"key/"_s + key->keyId);
    VERIFY_OK(h.start(u"s"_s, keyId));
    const auto d = h.engine->describeStream(DescribeStreamRequest{StreamTarget::byName(u"s"_s), {}, {}});
    QCOMPARE(d->keyId, keyId); // shown as given, as Kinesis does
    VERIFY_OK(h.put(u"s"_s, "x"));
    const auto records = h.read(u"s"_s);
    VERIFY_OK(records);
    QCOMPARE(records->size(), 1);
    QCOMPARE(records->at(0).data, QByteArray("x"));
    QCOMPARE(records->at(0).encryptionType, EncryptionType::Kms);
}

void TestEngineEncryption::startErrors()
{
    Harness h;
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"s"_s));
    const QString unknown = QUuid::createUuid().toString(QUuid::WithoutBraces);
    COMPARE_ERROR(h.start(u"s"_s, unknown), ErrorType::KmsNotFound,
                  u"Key 'arn:aws:kms:us-east-1:000000000000:key/"_s + unknown + u"' does not exist"_s);
    COMPARE_ERROR(h.start(u"s"_s, u"alias/nope"_s), ErrorType::KmsNotFound,
                  u"Alias arn:aws:kms:us-east-1:000000000000:alias/nope is not found."_s);
    VERIFY_ERROR(h.start(u"s"_s, u"arn:aws:kms:eu-west-1:000000000000:alias/aws/kinesis"_s),
                 ErrorType::KmsNotFound);
    COMPARE_ERROR(h.start(u"s"_s, u""_s), ErrorType::Validation,
                  u"1 validation error detected: Value '' at 'keyId' failed to satisfy "
                  u"constraint: Member must have length greater than or equal to 1"_s);
    VERIFY_ERROR(h.start(u"s"_s, QString(2049, u'a')), ErrorType::Validation);
    VERIFY_ERROR(h.start(u"s"_s, QString(2048, u'a')), ErrorType::KmsNotFound);
    VERIFY_ERROR(h.start(u"s"_s, QString()), ErrorType::Validation);
    COMPARE_ERROR(h.start(u"s"_s, kDefaultAlias, u"AES"_s), ErrorType::Validation,
                  u"1 validation error detected: Value 'AES' at 'encryptionType' failed to "
                  u"satisfy constraint: Member must satisfy enum value set: [KMS, NONE]"_s);
    VERIFY_ERROR(h.start(u"s"_s, kDefaultAlias, QString()), ErrorType::Validation);
    VERIFY_ERROR(h.start(u"s"_s, kDefaultAlias, u"NONE"_s), ErrorType::InvalidArgument);
    VERIFY_ERROR(h.start(u"missing"_s, kDefaultAlias), ErrorType::ResourceNotFound);
    VERIFY_ERROR(h.stop(u"missing"_s, kDefaultAlias), ErrorType::ResourceNotFound);
    // Nothing changed.
    const auto d = h.engine->describeStreamSummary(StreamTarget::byName(u"s"_s));
    QCOMPARE(d->encryptionType, EncryptionType::None);
    QCOMPARE(d->streamStatus, StreamStatus::Active);
}

void TestEngineEncryption::kmsApi()
{
    Harness h;
    VERIFY_OK(h.open());
    const auto initial = h.engine->listKeys();
    QCOMPARE(initial.size(), 1);
    QVERIFY(initial[0].awsManaged);
    const auto aliases = h.engine->listAliases();
    QCOMPARE(aliases.size(), 1);
    QCOMPARE(aliases[0].aliasName, kDefaultAlias);
    const auto key = h.engine->createKey(u"described"_s);
    VERIFY_OK(key);
    QCOMPARE(key->creationDateMs, kStartMs);
    QCOMPARE(h.engine->listKeys().size(), 2);
    VERIFY_ERROR(h.engine->createAlias(u"alias/aws/x"_s, key->keyId), ErrorType::InvalidArgument);
    VERIFY_ERROR(h.engine->disableKey(initial[0].keyId), ErrorType::KmsInvalidState);
    VERIFY_ERROR(h.engine->enableKey(u"alias/none"_s), ErrorType::KmsNotFound);
    VERIFY_OK(h.engine->disableKey(key->keyId));
    bool found = false;
    for (const KmsKey &k : h.engine->listKeys()) {
        if (k.keyId == key->keyId) {
            QCOMPARE(k.state, KmsKeyState::Disabled);
            found = true;
        }
    }
    QVERIFY(found);
}

void TestEngineEncryption::overTheWire()
{
    Harness h;
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"s"_s));
    const Dispatcher dispatcher(*h.engine);
    QVERIFY(Dispatcher::operations().contains(u"StartStreamEncryption"_s));
    QVERIFY(Dispatcher::operations().contains(u"StopStreamEncryption"_s));
    const QByteArray json = "application/x-amz-json-1.1";

    auto r = dispatcher.handle(u"Kinesis_20131202.StartStreamEncryption", json,
                               R"({"StreamName":"s","EncryptionType":"KMS","KeyId":"alias/aws/kinesis"})");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.operation, u"StartStreamEncryption"_s);
    r = dispatcher.handle(u"Kinesis_20131202.DescribeStreamSummary", json, R"({"StreamName":"s"})");
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.contains(R"("EncryptionType":"KMS")"));
    QVERIFY(r.body.contains(R"("KeyId":"alias/aws/kinesis")"));
    r = dispatcher.handle(u"Kinesis_20131202.PutRecord", json,
                          R"({"StreamName":"s","PartitionKey":"p","Data":"aGVsbG8="})");
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.contains(R"("EncryptionType":"KMS")"));

    r = dispatcher.handle(u"Kinesis_20131202.StartStreamEncryption", json,
                          R"({"StreamName":"s","EncryptionType":"KMS","KeyId":"alias/nope"})");
    QCOMPARE(r.status, 400);
    QVERIFY(r.body.contains("KMSNotFoundException"));
    r = dispatcher.handle(u"Kinesis_20131202.StartStreamEncryption", json,
                          R"({"StreamName":"s","EncryptionType":7,"KeyId":"k"})");
    QCOMPARE(r.status, 400);
    QVERIFY(r.body.contains("SerializationException"));

    // Both formats, both directions.
    for (WireFormat format : {WireFormat::Json, WireFormat::Cbor}) {
        const WireCodec codec(format);
        const StopStreamEncryptionRequest stop{StreamTarget{u"s"_s, u"arn"_s}, u"KMS"_s, u"k"_s};
        const auto decoded = codec.decode<StopStreamEncryptionRequest>(codec.encode(stop));
        VERIFY_OK(decoded);
        QCOMPARE(decoded->target.streamName, u"s"_s);
        QCOMPARE(decoded->target.streamArn, u"arn"_s);
        QCOMPARE(decoded->encryptionType, u"KMS"_s);
        QCOMPARE(decoded->keyId, u"k"_s);
        const StartStreamEncryptionRequest start{StreamTarget::byName(u"s"_s), u"KMS"_s, u"alias/x"_s};
        const auto decodedStart = codec.decode<StartStreamEncryptionRequest>(codec.encode(start));
        VERIFY_OK(decodedStart);
        QCOMPARE(decodedStart->keyId, u"alias/x"_s);
        QVERIFY(decodedStart->target.streamArn.isNull());
    }

    h.settle();
    r = dispatcher.handle(u"Kinesis_20131202.StopStreamEncryption", json,
                          R"({"StreamName":"s","EncryptionType":"KMS","KeyId":"alias/aws/kinesis"})");
    QCOMPARE(r.status, 200);
    const auto d = h.engine->describeStreamSummary(StreamTarget::byName(u"s"_s));
    QCOMPARE(d->encryptionType, EncryptionType::None);
}

// A database written before encryption existed (schema version 1) opens, keeps its records
// readable, and can then be encrypted.
void TestEngineEncryption::upgradesVersion1Database()
{
    Harness h;
    {
        auto db = SqliteDb::open(h.databasePath(), false);
        VERIFY_OK(db);
        // Version 1 of the schema, as it shipped.
        VERIFY_OK((*db)->exec(R"sql(
            CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB) WITHOUT ROWID;
            CREATE TABLE streams (
                id INTEGER PRIMARY KEY, name TEXT NOT NULL, status INTEGER NOT NULL,
                status_until_ms INTEGER NOT NULL, mode INTEGER NOT NULL,
                retention_hours INTEGER NOT NULL, created_ms INTEGER NOT NULL,
                max_record_kib INTEGER NOT NULL, encryption_type INTEGER NOT NULL DEFAULT 0,
                key_id TEXT NOT NULL DEFAULT '', next_counter INTEGER NOT NULL,
                reshard_times TEXT NOT NULL DEFAULT '');
            CREATE TABLE shards (
                stream_id INTEGER NOT NULL, shard_index INTEGER NOT NULL, parent_index INTEGER,
                adjacent_parent_index INTEGER, start_hash BLOB NOT NULL, end_hash BLOB NOT NULL,
                start_counter INTEGER NOT NULL, end_counter INTEGER, created_ms INTEGER NOT NULL,
                closed_ms INTEGER, PRIMARY KEY (stream_id, shard_index)) WITHOUT ROWID;
            CREATE TABLE records (
                stream_id INTEGER NOT NULL, shard_index INTEGER NOT NULL, seq INTEGER NOT NULL,
                partition_key TEXT NOT NULL, explicit_hash_key BLOB, data BLOB NOT NULL,
                PRIMARY KEY (stream_id, shard_index, seq)) WITHOUT ROWID;
            CREATE TABLE tags (
                stream_id INTEGER NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
                PRIMARY KEY (stream_id, key)) WITHOUT ROWID;
            PRAGMA user_version = 1;
        )sql"));
        const QByteArray counter = QByteArray::number(SequenceNumber::counterAt(kStartMs - 1000));
        const QByteArray next = QByteArray::number(SequenceNumber::counterAt(kStartMs - 1000) + 1);
        const QByteArray created = QByteArray::number(kStartMs - 5000);
        const QByteArray rows =
            "INSERT INTO streams VALUES (1, 'old', 2, 0, 0, 24, " + created + ", 1024, 0, '', " +
            next + ", '');"
            "INSERT INTO shards VALUES (1, 0, NULL, NULL, zeroblob(16), "
            "X'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF', " + counter + ", NULL, " + created + ", NULL);"
            "INSERT INTO records VALUES (1, 0, " + counter + ", 'pk', NULL, X'6F6C64');";
        VERIFY_OK((*db)->exec(rows.constData()));
    }
    VERIFY_OK(h.open());
    QCOMPARE(h.engine->listAliases().size(), 1);
    VERIFY_OK(h.start(u"old"_s, kDefaultAlias));
    VERIFY_OK(h.put(u"old"_s, "new"));
    const auto records = h.read(u"old"_s);
    VERIFY_OK(records);
    QCOMPARE(records->size(), 2);
    QCOMPARE(records->at(0).data, QByteArray("old"));
    QCOMPARE(records->at(0).encryptionType, EncryptionType::None);
    QCOMPARE(records->at(1).data, QByteArray("new"));
    QCOMPARE(records->at(1).encryptionType, EncryptionType::Kms);
}

QTEST_GUILESS_MAIN(TestEngineEncryption)
#include "tst_engine_encryption.moc"
