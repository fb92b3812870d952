// RecordsModel: coalesced appends, the ring cap, lazy and cached previews, column data, and a
// million rows (memory reported, not asserted). Wrapped in QAbstractItemModelTester.

#include "kinesis/sequencenumber.h"
#include "models/modelroles.h"
#include "models/recordsmodel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QPromise>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace shardscope;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kBaseMs = 1'795'000'000'000;

RecordEntry makeRecord(int i, const QByteArray &data = {})
{
    RecordEntry record;
    record.shardId = QStringLiteral("shardId-%1").arg(i % 4, 12, 10, QLatin1Char('0'));
    // AWS-style 56-digit numbers (stored as packed digits).
    record.sequenceNumber = u"4959033827149025660855969253836157109592157590"_s +
                            QStringLiteral("%1").arg(i, 10, 10, QLatin1Char('0'));
    record.arrivalMs = kBaseMs + i;
    record.partitionKey = QStringLiteral("user-%1").arg(i % 1000);
    record.data = data.isNull() ? QByteArrayLiteral("{\"n\":") + QByteArray::number(i) + '}' : data;
    return record;
}

QList<RecordEntry> makeRecords(int first, int count)
{
    QList<RecordEntry> records;
    records.reserve(count);
    for (int i = first; i < first + count; ++i)
        records.append(makeRecord(i));
    return records;
}

qint64 residentKiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace

class TestRecordsModel final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void appendsCoalesceIntoOneInsertPerTick();
    void ringCapDropsTheOldest();
    void ringCapLargerBatchThanCap();
    void columnsCarryTheRecord();
    void sequenceNumberLayouts();
    void previewsAreLazyAndCached();
    void previewCacheIsBounded();
    void loaderFailureIsShownOnce();
    void previewOfPayloads_data();
    void previewOfPayloads();
    void clearDropsRowsAndLateLoads();
    void millionRows();

private:
    std::unique_ptr<RecordsModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestRecordsModel::init()
{
    m_model = std::make_unique<RecordsModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestRecordsModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void TestRecordsModel::appendsCoalesceIntoOneInsertPerTick()
{
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    m_model->setFlushInterval(60'000); // one tick for the whole test
    for (int i = 0; i < 10'000; i += 10)
        m_model->append(makeRecords(i, 10));
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->pendingCount(), 10'000);
    m_model->flush();
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted[0][1].toInt(), 0);
    QCOMPARE(inserted[0][2].toInt(), 9'999);
    QCOMPARE(m_model->rowCount(), 10'000);

    // The timer flushes by itself, again as one insert.
    m_model->setFlushInterval(20);
    for (int i = 10'000; i < 10'500; i += 5)
        m_model->append(makeRecords(i, 5));
    QTRY_COMPARE(m_model->rowCount(), 10'500);
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(inserted[1][1].toInt(), 10'000);
    QCOMPARE(inserted[1][2].toInt(), 10'499);
    QCOMPARE(m_model->data(m_model->index(10'499, RecordsModel::PartitionKeyColumn)).toString(),
             u"user-499"_s);
}

void TestRecordsModel::ringCapDropsTheOldest()
{
    m_model->setMaximumRows(100);
    m_model->append(makeRecords(0, 80));
    m_model->flush();
    QCOMPARE(m_model->rowCount(), 80);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    for (int i = 80; i < 130; i += 5)
        m_model->append(makeRecords(i, 5));
    m_model->flush();
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed[0][1].toInt(), 0);
    QCOMPARE(removed[0][2].toInt(), 29);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(m_model->rowCount(), 100);
    QCOMPARE(m_model->record(0).arrivalMs, kBaseMs + 30);
    QCOMPARE(m_model->record(99).arrivalMs, kBaseMs + 129);
    QCOMPARE(m_model->record(0).partitionKey, u"user-30"_s);
    QCOMPARE(m_model->record(0).sequenceNumber, makeRecord(30).sequenceNumber);
    QCOMPARE(m_model->serial(0), quint64(30));
    QCOMPARE(m_model->rowOfSerial(29), -1);
    QCOMPARE(m_model->rowOfSerial(30), 0);

    // Many more turns of the ring: text chunks of dropped rows are released, data stays right.
    for (int i = 130; i < 50'130; i += 1000) {
        m_model->append(makeRecords(i, 1000));
        m_model->flush();
    }
    QCOMPARE(m_model->rowCount(), 100);
    QCOMPARE(m_model->record(0), [] {
        RecordEntry r = makeRecord(50'030);
        r.data = {};
        return r;
    }());
    QCOMPARE(m_model->record(99).partitionKey, u"user-129"_s);
}

void TestRecordsModel::ringCapLargerBatchThanCap()
{
    m_model->setMaximumRows(10);
    m_model->append(makeRecords(0, 5));
    m_model->flush();
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    m_model->append(makeRecords(5, 25));
    m_model->flush();
    QCOMPARE(removed.size(), 1);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(m_model->rowCount(), 10);
    QCOMPARE(m_model->record(0).arrivalMs, kBaseMs + 20);
    QCOMPARE(m_model->serial(0), quint64(20));
    QCOMPARE(m_model->record(9).arrivalMs, kBaseMs + 29);
}

void TestRecordsModel::columnsCarryTheRecord()
{
    RecordEntry record = makeRecord(7, QByteArrayLiteral("hello\nworld"));
    record.explicitHashKey = u"170141183460469231731687303715884105728"_s;
    record.partitionKey = u"ключ-ü"_s;
    m_model->append({record});
    m_model->flush();
    const auto cell = [&](int column, int role = Qt::DisplayRole) {
        return m_model->data(m_model->index(0, column), role);
    };
    QCOMPARE(m_model->columnCount(), 7);
    QCOMPARE(cell(RecordsModel::ShardColumn).toString(), u"shardId-000000000003"_s);
    QCOMPARE(cell(0, ModelRole::ShardIdRole).toString(), u"shardId-000000000003"_s);
    QCOMPARE(cell(RecordsModel::SequenceNumberColumn).toString(), record.sequenceNumber);
    QCOMPARE(cell(0, ModelRole::SequenceNumberRole).toString(), record.sequenceNumber);
    QCOMPARE(cell(RecordsModel::ArrivalTimeColumn).toString(), u"2026-11-18 11:06:40.007"_s);
    QCOMPARE(cell(0, ModelRole::ArrivalTimeRole).toDateTime(),
             QDateTime::fromMSecsSinceEpoch(kBaseMs + 7, QTimeZone::utc()));
    QCOMPARE(cell(RecordsModel::PartitionKeyColumn).toString(), u"ключ-ü"_s);
    QCOMPARE(cell(0, ModelRole::PartitionKeyRole).toString(), u"ключ-ü"_s);
    QCOMPARE(cell(RecordsModel::ExplicitHashKeyColumn).toString(), record.explicitHashKey);
    QCOMPARE(cell(0, ModelRole::ExplicitHashKeyRole).toString(), record.explicitHashKey);
    QCOMPARE(cell(0, ModelRole::SizeRole).toLongLong(), 11);
    QCOMPARE(cell(RecordsModel::SizeColumn).toString(), QLocale().toString(11));
    // The newest rows are previewed from the payload at append time.
    QCOMPARE(cell(RecordsModel::PreviewColumn).toString(), u"hello world"_s);
    QCOMPARE(cell(0, ModelRole::PreviewRole).toString(), u"hello world"_s);
    QCOMPARE(cell(0, ModelRole::RecordSerialRole).toULongLong(), quint64(0));
    QCOMPARE(cell(RecordsModel::ArrivalTimeColumn, ModelRole::SortRole).toLongLong(), kBaseMs + 7);
    QCOMPARE(cell(RecordsModel::ShardColumn, ModelRole::SortRole).toLongLong(), 3);
    for (int column = 0; column < RecordsModel::ColumnCount; ++column)
        QVERIFY(!m_model->headerData(column, Qt::Horizontal).toString().isEmpty());
    RecordEntry expected = record;
    expected.data = {};
    QCOMPARE(m_model->record(0), expected);
}

void TestRecordsModel::sequenceNumberLayouts()
{
    RecordEntry own = makeRecord(1);
    own.shardId = u"shardId-000000000002"_s;
    own.sequenceNumber = SequenceNumber(SequenceNumber::counterAt(kBaseMs) + 5, 2).toString();
    RecordEntry odd = makeRecord(2);
    odd.sequenceNumber = u"123"_s; // odd digit count
    RecordEntry text = makeRecord(3);
    text.sequenceNumber = u"not-a-number"_s;
    RecordEntry foreignShard = makeRecord(4);
    foreignShard.shardId = u"custom"_s;
    foreignShard.sequenceNumber = own.sequenceNumber; // our layout, but the shard is unknown
    m_model->append({own, odd, text, foreignShard});
    m_model->flush();
    QCOMPARE(m_model->record(0).sequenceNumber, own.sequenceNumber);
    QCOMPARE(m_model->record(0).partitionKey, own.partitionKey);
    QCOMPARE(m_model->record(1).sequenceNumber, u"123"_s);
    QCOMPARE(m_model->record(1).partitionKey, odd.partitionKey);
    QCOMPARE(m_model->record(2).sequenceNumber, u"not-a-number"_s);
    QCOMPARE(m_model->record(2).partitionKey, text.partitionKey);
    QCOMPARE(m_model->record(3).sequenceNumber, own.sequenceNumber);
    QCOMPARE(m_model->record(3).shardId, u"custom"_s);
    QCOMPARE(m_model->locator(3).shardId, u"custom"_s);
    QCOMPARE(m_model->locator(3).serial, quint64(3));
}

void TestRecordsModel::previewsAreLazyAndCached()
{
    m_model->setPreviewCacheCapacity(10); // the newest 5 of each flush are prefilled
    QStringList loaded;
    m_model->setPayloadLoader([&loaded](const RecordLocator &locator) {
        loaded.append(locator.sequenceNumber);
        const int i = locator.sequenceNumber.right(10).toInt();
        return QtFuture::makeReadyFuture(
            RecordsModel::PayloadResult(QByteArrayLiteral("payload ") + QByteArray::number(i)));
    });
    m_model->append(makeRecords(0, 100));
    m_model->flush();
    QVERIFY(loaded.isEmpty());
    QCOMPARE(m_model->cachedPreviewCount(), 5);
    QCOMPARE(m_model->data(m_model->index(99, RecordsModel::PreviewColumn)).toString(),
             u"{\"n\":99}"_s);
    QVERIFY(loaded.isEmpty());

    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    const QModelIndex cell = m_model->index(42, RecordsModel::PreviewColumn);
    QVERIFY(m_model->data(cell).isNull()); // loading
    QVERIFY(m_model->data(cell, ModelRole::PreviewRole).isNull());
    QCOMPARE(loaded, QStringList{makeRecord(42).sequenceNumber}); // once, however often asked
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(changed[0][0].value<QModelIndex>(), cell);
    QCOMPARE(m_model->data(cell).toString(), u"payload 42"_s);
    QCOMPARE(m_model->data(cell).toString(), u"payload 42"_s);
    QCOMPARE(loaded.size(), 1);
    // Other columns never load.
    for (int column = 0; column < RecordsModel::PreviewColumn; ++column)
        m_model->data(m_model->index(10, column));
    QCOMPARE(loaded.size(), 1);
}

void TestRecordsModel::previewCacheIsBounded()
{
    m_model->setPreviewCacheCapacity(20);
    int loads = 0;
    m_model->setPayloadLoader([&loads](const RecordLocator &locator) {
        ++loads;
        return QtFuture::makeReadyFuture(RecordsModel::PayloadResult(locator.shardId.toUtf8()));
    });
    m_model->append(makeRecords(0, 500));
    m_model->flush();
    for (int row = 0; row < 100; ++row)
        m_model->data(m_model->index(row, RecordsModel::PreviewColumn));
    QCOMPARE(loads, 100);
    QTRY_VERIFY(!m_model->data(m_model->index(99, RecordsModel::PreviewColumn)).isNull());
    QVERIFY(m_model->cachedPreviewCount() <= 20);
    // Row 0 was evicted by the later ones: asking again loads again; row 99 is still cached.
    QCOMPARE(loads, 100);
    QVERIFY(m_model->data(m_model->index(0, RecordsModel::PreviewColumn)).isNull());
    QCOMPARE(loads, 101);
    QCOMPARE(m_model->data(m_model->index(99, RecordsModel::PreviewColumn)).toString(),
             u"shardId-000000000003"_s);
    QCOMPARE(loads, 101);
}

void TestRecordsModel::loaderFailureIsShownOnce()
{
    m_model->setPreviewCacheCapacity(2);
    int loads = 0;
    m_model->setPayloadLoader([&loads](const RecordLocator &) {
        ++loads;
        return QtFuture::makeReadyFuture(
            RecordsModel::PayloadResult(std::unexpected(u"expired"_s)));
    });
    m_model->append(makeRecords(0, 10));
    m_model->flush();
    QSignalSpy failed(m_model.get(), &RecordsModel::previewFailed);
    const QModelIndex cell = m_model->index(0, RecordsModel::PreviewColumn);
    m_model->data(cell);
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed[0][0].toULongLong(), quint64(0));
    QCOMPARE(failed[0][1].toString(), u"expired"_s);
    QVERIFY(m_model->data(cell).toString().contains(u"expired"_s));
    QCOMPARE(loads, 1);

    // A future that ends without a result (cancelled) ends the load as a failure too.
    m_model->setPayloadLoader([&loads](const RecordLocator &) {
        ++loads;
        QPromise<RecordsModel::PayloadResult> promise;
        promise.start();
        promise.future().cancel();
        promise.finish();
        return promise.future();
    });
    const QModelIndex other = m_model->index(5, RecordsModel::PreviewColumn);
    QVERIFY(m_model->data(other).isNull());
    QTRY_COMPARE(failed.size(), 2);
    QCOMPARE(failed[1][0].toULongLong(), quint64(5));
    QVERIFY(!m_model->data(other).isNull());
    QCOMPARE(loads, 2);
}

void TestRecordsModel::previewOfPayloads_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("preview");
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("json") << QByteArrayLiteral("{\n  \"a\": 1,\n  \"b\": [true, null]\n}")
                          << u"{\"a\":1,\"b\":[true,null]}"_s;
    QTest::newRow("text lines") << QByteArrayLiteral("one\r\ntwo\tthree") << u"one two three"_s;
    QTest::newRow("long text") << QByteArray(500, 'x') << QString(119, u'x') + u'…';
    QTest::newRow("binary") << QByteArray::fromHex("00010203fffe")
                            << u"binary: 00 01 02 03 ff fe"_s;
}

void TestRecordsModel::previewOfPayloads()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, preview);
    QString actual = RecordsModel::previewOf(payload);
    if (QTest::currentDataTag() == QByteArrayView("binary")) // the content name is translated
        actual = actual.mid(actual.indexOf(u':'));
    if (QTest::currentDataTag() == QByteArrayView("binary"))
        preview = preview.mid(preview.indexOf(u':'));
    QCOMPARE(actual, preview);
    QVERIFY(actual.size() <= RecordsModel::kPreviewLength);
}

void TestRecordsModel::clearDropsRowsAndLateLoads()
{
    QList<std::shared_ptr<QPromise<RecordsModel::PayloadResult>>> promises;
    m_model->setPreviewCacheCapacity(2);
    m_model->setPayloadLoader([&promises](const RecordLocator &) {
        auto promise = std::make_shared<QPromise<RecordsModel::PayloadResult>>();
        promise->start();
        promises.append(promise);
        return promise->future();
    });
    m_model->append(makeRecords(0, 10));
    m_model->flush();
    m_model->data(m_model->index(0, RecordsModel::PreviewColumn));
    QCOMPARE(promises.size(), 1);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->append(makeRecords(10, 5)); // pending rows go too
    m_model->clear();
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->pendingCount(), 0);
    m_model->append(makeRecords(100, 3));
    m_model->flush();
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    promises[0]->addResult(QByteArrayLiteral("stale"));
    promises[0]->finish();
    QTest::qWait(50);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->record(0).arrivalMs, kBaseMs + 100);
    QVERIFY(m_model->data(m_model->index(0, RecordsModel::PreviewColumn)).toString() != u"stale"_s);
}

void TestRecordsModel::millionRows()
{
    constexpr int kRows = 1'000'000;
    m_tester.reset(); // its checks are not what we measure
    const qint64 before = residentKiB();
    for (int i = 0; i < kRows; i += 10'000) {
        m_model->append(makeRecords(i, 10'000));
        m_model->flush();
    }
    const qint64 after = residentKiB();
    QCOMPARE(m_model->rowCount(), kRows);
    qInfo("RSS for %d rows: %lld KiB before, %lld KiB after, %.1f MiB for the model", kRows, before,
          after, double(after - before) / 1024.0);
    QCOMPARE(m_model->record(kRows - 1).sequenceNumber, makeRecord(kRows - 1).sequenceNumber);
    QCOMPARE(m_model->record(123'456).partitionKey, u"user-456"_s);
    QCOMPARE(m_model->data(m_model->index(kRows - 1, RecordsModel::PreviewColumn)).toString(),
             u"{\"n\":999999}"_s);
}

QTEST_GUILESS_MAIN(TestRecordsModel)
#include "tst_recordsmodel.moc"
