// ReplayDialog, ExportDialog and ImportDialog offscreen: Start replays the given records (or a
// time range) into another stream and the engine holds them; failures are listed; read-only
// connections are offered disabled; Export writes the file (checked byte for byte) and says
// so; Import previews a JSON Lines file with its bad lines and puts the good records.
// Set SHARDSCOPE_SHOT_DIR to also save screenshots of the replay (mid-run) and export dialogs.

#include "backend/emulatorbackend.h"
#include "dialogs/inlineerrorlabel.h"
#include "engine/clock.h"
#include "engine/engine.h"
#include "records/exportdialog.h"
#include "records/importdialog.h"
#include "records/recordexport.h"
#include "records/replaydialog.h"

#include <QApplication>
#include <QBuffer>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace shardscope;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kStartMs = 1'700'000'000'000;

template<typename T>
T *child(QWidget *dialog, const QString &name)
{
    T *widget = dialog->findChild<T *>(name);
    if (!widget)
        qWarning("no child %s", qPrintable(name));
    return widget;
}

RecordEntry keyed(const QString &pk, const QByteArray &data)
{
    RecordEntry record;
    record.partitionKey = pk;
    record.data = data;
    return record;
}

} // namespace

class TestReplayDialogs final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void replayPutsTheGivenRecordsIntoAnotherStream();
    void replayByTimeRange();
    void replayListsRefusedRecords();
    void readOnlyConnectionsAreOfferedDisabled();
    void replayMidRunShowsProgressAndStops();
    void exportWritesTheRecords();
    void exportByRangeAsJsonLines();
    void exportToABadPathShowsTheError();
    void importPreviewsAndPutsRecords();
    void importIntoReadOnlyIsRefused();

private:
    bool createStream(const QString &name, int shards)
    {
        CreateStreamRequest request;
        request.streamName = name;
        request.shardCount = shards;
        return m_engine->createStream(request).has_value();
    }
    bool put(const QString &stream, const QList<RecordEntry> &records)
    {
        PutRecordsRequest request;
        request.target = StreamTarget::byName(stream);
        for (const RecordEntry &r : records)
            request.records.append({r.data, r.partitionKey, std::nullopt});
        const auto response = m_engine->putRecords(request);
        return response && response->failedRecordCount == 0;
    }
    // Payloads of the stream, by key, in put order.
    QHash<QString, QList<QByteArray>> stored(const QString &stream) const
    {
        QHash<QString, QList<QByteArray>> byKey;
        ListShardsRequest list;
        list.target = StreamTarget::byName(stream);
        const auto shards = m_engine->listShards(list);
        if (!shards)
            return byKey;
        QList<Record> all;
        for (const Shard &shard : shards->shards) {
            GetShardIteratorRequest it;
            it.target = StreamTarget::byName(stream);
            it.shardId = shard.shardId;
            const auto iterator = m_engine->getShardIterator(it);
            GetRecordsRequest get;
            get.shardIterator = iterator->shardIterator;
            const auto page = m_engine->getRecords(get);
            all.append(page->records);
        }
        std::sort(all.begin(), all.end(), [](const Record &a, const Record &b) {
            return a.sequenceNumber < b.sequenceNumber;
        });
        for (const Record &r : all)
            byKey[r.partitionKey].append(r.data);
        return byKey;
    }
    static QHash<QString, QList<QByteArray>> byKey(const QList<RecordEntry> &records)
    {
        QHash<QString, QList<QByteArray>> result;
        for (const RecordEntry &r : records)
            result[r.partitionKey].append(r.data);
        return result;
    }
    static QList<RecordEntry> many(int n, int keys)
    {
        QList<RecordEntry> records;
        for (int i = 0; i < n; ++i)
            records.append(keyed(u"key-%1"_s.arg(i % keys), u"event %1"_s.arg(i).toUtf8()));
        return records;
    }
    static bool waitForStream(ReplayDialog &dialog, const QString &name)
    {
        auto *combo = child<QComboBox>(&dialog, u"targetStreamCombo"_s);
        return combo && QTest::qWaitFor([&] { return combo->currentText() == name && combo->isEnabled(); }, 5000);
    }
    void saveShot(QWidget *widget, const QString &name)
    {
        const QPixmap shot = widget->grab();
        QVERIFY(!shot.isNull());
        const QString dir = qEnvironmentVariable("SHARDSCOPE_SHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(shot.save(QDir(dir).filePath(name)));
    }

    QTemporaryDir *m_dir = nullptr;
    std::shared_ptr<ManualClock> m_clock;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EmulatorBackend> m_backend;
    std::unique_ptr<EmulatorBackend> m_readOnly;
};

void TestReplayDialogs::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestReplayDialogs::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
    m_clock = std::make_shared<ManualClock>(kStartMs);
    EngineOptions options;
    options.clock = m_clock;
    options.createDelayMs = 0;
    options.updateDelayMs = 0;
    auto engine = Engine::open(options);
    QVERIFY(engine);
    m_engine = std::move(*engine);
    m_backend = std::make_unique<EmulatorBackend>(*m_engine);
    EmulatorBackendOptions readOnly;
    readOnly.displayName = u"Archive"_s;
    readOnly.readOnly = true;
    m_readOnly = std::make_unique<EmulatorBackend>(*m_engine, readOnly);
    QVERIFY(createStream(u"orders"_s, 2));
    QVERIFY(createStream(u"orders-copy"_s, 2));
}

void TestReplayDialogs::cleanup()
{
    m_readOnly.reset();
    m_backend.reset();
    m_engine.reset();
    delete m_dir;
    m_dir = nullptr;
}

void TestReplayDialogs::replayPutsTheGivenRecordsIntoAnotherStream()
{
    const QList<RecordEntry> records = many(300, 7);
    ReplayDialog dialog({m_readOnly.get(), m_backend.get()}, m_backend.get(), u"orders"_s);
    dialog.setRecords(records);
    dialog.show();
    auto *recordsRadio = child<QRadioButton>(&dialog, u"recordsRadio"_s);
    QVERIFY(recordsRadio->isChecked());
    QCOMPARE(recordsRadio->text(), u"&These 300 records"_s);
    // The source stream is proposed first; pick the copy.
    QVERIFY(waitForStream(dialog, u"orders"_s));
    QVERIFY(dialog.selectTarget(m_backend.get(), u"orders-copy"_s));
    QVERIFY(waitForStream(dialog, u"orders-copy"_s));

    QSignalSpy finished(&dialog, &ReplayDialog::replayFinished);
    auto *start = child<QPushButton>(&dialog, u"startButton"_s);
    QVERIFY(start->isEnabled());
    QTest::mouseClick(start, Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().at(0).toLongLong(), 300);
    QCOMPARE(finished.first().at(1).toLongLong(), 0);
    auto *progress = child<QProgressBar>(&dialog, u"progressBar"_s);
    QCOMPARE(progress->maximum(), 300);
    QCOMPARE(progress->value(), 300);
    QCOMPARE(child<QLabel>(&dialog, u"countsLabel"_s)->text(),
             u"Done. Sent 300 of 300 · 300 succeeded · 0 failed · 0 retried"_s);
    QVERIFY(child<QTableWidget>(&dialog, u"failuresTable"_s)->isHidden());
    QCOMPARE(stored(u"orders-copy"_s), byKey(records));
    QVERIFY(start->isVisible());
}

void TestReplayDialogs::replayByTimeRange()
{
    QVERIFY(put(u"orders"_s, many(40, 3)));
    m_clock->advanceMs(5000);
    QVERIFY(put(u"orders"_s, many(10, 2))); // outside the range
    m_clock->advanceMs(1000);

    ReplayDialog dialog({m_backend.get()}, m_backend.get(), u"orders"_s);
    dialog.show();
    QVERIFY(child<QRadioButton>(&dialog, u"timeRadio"_s)->isChecked());
    QVERIFY(!child<QRadioButton>(&dialog, u"recordsRadio"_s)->isEnabled());
    child<QDateTimeEdit>(&dialog, u"fromTimeEdit"_s)
        ->setDateTime(QDateTime::fromMSecsSinceEpoch(kStartMs - 1000));
    child<QDateTimeEdit>(&dialog, u"toTimeEdit"_s)
        ->setDateTime(QDateTime::fromMSecsSinceEpoch(kStartMs + 1000));
    QVERIFY(waitForStream(dialog, u"orders"_s));
    QVERIFY(dialog.selectTarget(m_backend.get(), u"orders-copy"_s));
    QVERIFY(waitForStream(dialog, u"orders-copy"_s));
    QSignalSpy finished(&dialog, &ReplayDialog::replayFinished);
    QTest::mouseClick(child<QPushButton>(&dialog, u"startButton"_s), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().at(0).toLongLong(), 40);
    QCOMPARE(stored(u"orders-copy"_s), byKey(many(40, 3)));
}

void TestReplayDialogs::replayListsRefusedRecords()
{
    QList<RecordEntry> records = many(5, 2);
    records.insert(2, keyed(QString(), "no key"));
    ReplayDialog dialog({m_backend.get()}, m_backend.get(), u"orders"_s);
    dialog.setRecords(records);
    dialog.show();
    QVERIFY(waitForStream(dialog, u"orders"_s));
    QSignalSpy finished(&dialog, &ReplayDialog::replayFinished);
    QTest::mouseClick(child<QPushButton>(&dialog, u"startButton"_s), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    auto *table = child<QTableWidget>(&dialog, u"failuresTable"_s);
    QVERIFY(table->isVisible());
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 0)->text(), u"#3"_s);
    QCOMPARE(table->item(0, 1)->text(), u"ValidationException"_s);
    QCOMPARE(table->item(0, 2)->text(), u"The partition key is empty."_s);
    QCOMPARE(stored(u"orders"_s), byKey(many(5, 2)));
}

void TestReplayDialogs::readOnlyConnectionsAreOfferedDisabled()
{
    ReplayDialog dialog({m_readOnly.get()}, m_readOnly.get(), u"orders"_s);
    dialog.setRecords(many(3, 1));
    dialog.show();
    auto *combo = child<QComboBox>(&dialog, u"targetConnectionCombo"_s);
    auto *model = qobject_cast<QStandardItemModel *>(combo->model());
    QVERIFY(model);
    QCOMPARE(model->item(0)->text(), u"Archive (read-only)"_s);
    QVERIFY(!(model->item(0)->flags() & Qt::ItemIsEnabled));
    QCOMPARE(model->item(0)->toolTip(), u"Archive is read-only: records cannot be put into it."_s);
    QVERIFY(!child<QPushButton>(&dialog, u"startButton"_s)->isEnabled());
    QCOMPARE(child<InlineErrorLabel>(&dialog, u"targetError"_s)->text(),
             u"Every connection is read-only."_s);
    QVERIFY(!dialog.selectTarget(m_readOnly.get(), u"orders"_s));
}

void TestReplayDialogs::replayMidRunShowsProgressAndStops()
{
    ReplayDialog dialog({m_backend.get()}, m_backend.get(), u"orders"_s);
    QList<RecordEntry> records = many(2000, 12);
    records[4].partitionKey.clear(); // two refused records, listed while the run goes on
    records[9].explicitHashKey = u"12ab"_s;
    dialog.setRecords(records);
    dialog.resize(700, 600);
    dialog.show();
    QVERIFY(waitForStream(dialog, u"orders"_s));
    QVERIFY(dialog.selectTarget(m_backend.get(), u"orders-copy"_s));
    QVERIFY(waitForStream(dialog, u"orders-copy"_s));
    child<QSpinBox>(&dialog, u"rateSpin"_s)->setValue(400);
    QSignalSpy finished(&dialog, &ReplayDialog::replayFinished);
    QTest::mouseClick(child<QPushButton>(&dialog, u"startButton"_s), Qt::LeftButton);
    auto *progress = child<QProgressBar>(&dialog, u"progressBar"_s);
    QTRY_VERIFY_WITH_TIMEOUT(progress->value() >= 600, 10000);
    auto *stop = child<QPushButton>(&dialog, u"stopButton"_s);
    QVERIFY(stop->isVisible());
    QVERIFY(!child<QComboBox>(&dialog, u"targetConnectionCombo"_s)->isEnabled());
    QVERIFY(progress->value() < 2000);
    QCOMPARE(child<QTableWidget>(&dialog, u"failuresTable"_s)->rowCount(), 2);
    saveShot(&dialog, u"replay.png"_s);
    QTest::mouseClick(stop, Qt::LeftButton);
    QTRY_COMPARE(finished.size(), 1); // at once when no batch is in flight
    QCOMPARE(finished.first().at(2).toBool(), true);
    const qint64 put = finished.first().at(0).toLongLong();
    QVERIFY(put < 2000);
    qint64 total = 0;
    for (const auto &list : stored(u"orders-copy"_s))
        total += list.size();
    QCOMPARE(total, put);
    QVERIFY(child<QLabel>(&dialog, u"countsLabel"_s)->text().startsWith(u"Stopped. Sent "_s));
}

void TestReplayDialogs::exportWritesTheRecords()
{
    QList<RecordEntry> records = {
        {u"shardId-000000000000"_s, u"49000000000000000000000000000001"_s, kStartMs + 123,
         u"user,1"_s, {}, QByteArray("hello \"world\"")},
        {u"shardId-000000000001"_s, u"49000000000000000000000000000002"_s, kStartMs, u"b"_s,
         u"123"_s, QByteArray("\x00\xff", 2)},
    };
    ExportDialog dialog(m_backend.get(), u"orders"_s);
    dialog.setRecords(records);
    dialog.resize(620, 420);
    dialog.show();
    const QString path = m_dir->filePath(u"out.csv"_s);
    dialog.setFilePath(path);
    QCOMPARE(child<QComboBox>(&dialog, u"formatCombo"_s)->currentText(), u"CSV (.csv)"_s);
    QSignalSpy exported(&dialog, &ExportDialog::exported);
    QTest::mouseClick(child<QPushButton>(&dialog, u"exportButton"_s), Qt::LeftButton);
    QVERIFY(exported.wait(10000));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray expected =
        "ShardId,SequenceNumber,ApproximateArrivalTimestamp,PartitionKey,ExplicitHashKey,"
        "DataEncoding,Data\r\n"
        "shardId-000000000000,49000000000000000000000000000001,2023-11-14T22:13:20.123Z,"
        "\"user,1\",,text,\"hello \"\"world\"\"\"\r\n"
        "shardId-000000000001,49000000000000000000000000000002,2023-11-14T22:13:20.000Z,"
        "b,123,base64,AP8=\r\n"_ba;
    QCOMPARE(file.readAll(), expected);
    QCOMPARE(exported.first().at(1).toLongLong(), 2);
    QCOMPARE(exported.first().at(2).toLongLong(), expected.size());
    QCOMPARE(child<QLabel>(&dialog, u"resultLabel"_s)->text(),
             u"Wrote 2 records, %1 KiB to %2"_s.arg(QLocale().toString(expected.size() / 1024.0, 'f', 1),
                                                  QDir::toNativeSeparators(path)));
    saveShot(&dialog, u"export.png"_s);

    // The format follows the extension and back.
    auto *format = child<QComboBox>(&dialog, u"formatCombo"_s);
    format->setCurrentIndex(0);
    QCOMPARE(child<QLineEdit>(&dialog, u"pathEdit"_s)->text(), m_dir->filePath(u"out.jsonl"_s));
}

void TestReplayDialogs::exportByRangeAsJsonLines()
{
    QVERIFY(put(u"orders"_s, many(25, 4)));
    m_clock->advanceMs(1000);
    ExportDialog dialog(m_backend.get(), u"orders"_s);
    dialog.show();
    QVERIFY(child<QRadioButton>(&dialog, u"timeRadio"_s)->isChecked());
    child<QDateTimeEdit>(&dialog, u"fromTimeEdit"_s)
        ->setDateTime(QDateTime::fromMSecsSinceEpoch(kStartMs));
    child<QDateTimeEdit>(&dialog, u"toTimeEdit"_s)
        ->setDateTime(QDateTime::fromMSecsSinceEpoch(kStartMs + 500));
    const QString path = m_dir->filePath(u"range.jsonl"_s);
    dialog.setFilePath(path);
    QSignalSpy exported(&dialog, &ExportDialog::exported);
    QTest::mouseClick(child<QPushButton>(&dialog, u"exportButton"_s), Qt::LeftButton);
    QVERIFY(exported.wait(10000));
    const auto read = RecordExport::readFile(path);
    QVERIFY(read);
    QVERIFY(read->errors.isEmpty());
    QCOMPARE(read->records.size(), 25);
    QCOMPARE(byKey(read->records), byKey(many(25, 4)));
    for (const RecordEntry &r : read->records)
        QCOMPARE(r.arrivalMs, kStartMs);
}

void TestReplayDialogs::exportToABadPathShowsTheError()
{
    ExportDialog dialog(m_backend.get(), u"orders"_s);
    dialog.setRecords(many(3, 1));
    dialog.show();
    const QString path = m_dir->filePath(u"no/such/dir/x.jsonl"_s);
    dialog.setFilePath(path);
    QTest::mouseClick(child<QPushButton>(&dialog, u"exportButton"_s), Qt::LeftButton);
    auto *error = child<InlineErrorLabel>(&dialog, u"errorLabel"_s);
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().startsWith(u"Could not write "_s + path), qPrintable(error->text()));
    QVERIFY(child<QPushButton>(&dialog, u"exportButton"_s)->isEnabled());
}

void TestReplayDialogs::importPreviewsAndPutsRecords()
{
    const QString path = m_dir->filePath(u"in.jsonl"_s);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        RecordExport::write(buffer, ExportFormat::JsonLines, many(6, 2));
        QList<QByteArray> lines = buffer.data().split('\n');
        lines.insert(2, "{oops");
        lines.insert(5, R"({"Data":"aGk="})");
        file.write(lines.join('\n'));
    }
    ImportDialog dialog(m_backend.get(), u"orders-copy"_s);
    dialog.show();
    QSignalSpy preview(&dialog, &ImportDialog::previewReady);
    dialog.setFilePath(path);
    QVERIFY(preview.wait(5000));
    QCOMPARE(dialog.recordCount(), 6);
    QCOMPARE(child<QLabel>(&dialog, u"previewLabel"_s)->text(),
             u"6 records ready to import; 2 lines could not be read (below)."_s);
    auto *errors = child<QTableWidget>(&dialog, u"lineErrorsTable"_s);
    QVERIFY(errors->isVisible());
    QCOMPARE(errors->rowCount(), 2);
    QCOMPARE(errors->item(0, 0)->text(), u"3"_s);
    QCOMPARE(errors->item(1, 0)->text(), u"6"_s);
    QCOMPARE(errors->item(1, 1)->text(), u"PartitionKey is missing or empty."_s);

    QSignalSpy finished(&dialog, &ImportDialog::importFinished);
    auto *import = child<QPushButton>(&dialog, u"importButton"_s);
    QVERIFY(import->isEnabled());
    QTest::mouseClick(import, Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().at(0).toLongLong(), 6);
    QCOMPARE(stored(u"orders-copy"_s), byKey(many(6, 2)));
    QCOMPARE(child<QLabel>(&dialog, u"countsLabel"_s)->text(),
             u"Done. Sent 6 of 6 · 6 succeeded · 0 failed · 0 retried"_s);
}

void TestReplayDialogs::importIntoReadOnlyIsRefused()
{
    const QString path = m_dir->filePath(u"in.jsonl"_s);
    QVERIFY(RecordExport::writeFile(path, ExportFormat::JsonLines, many(3, 1)));
    ImportDialog dialog(m_readOnly.get(), u"orders"_s);
    dialog.show();
    QSignalSpy preview(&dialog, &ImportDialog::previewReady);
    dialog.setFilePath(path);
    QVERIFY(preview.wait(5000));
    QCOMPARE(dialog.recordCount(), 3);
    QVERIFY(!child<QPushButton>(&dialog, u"importButton"_s)->isEnabled());
    QCOMPARE(child<InlineErrorLabel>(&dialog, u"errorLabel"_s)->text(),
             u"Archive is read-only: records cannot be put into it."_s);
}

QTEST_MAIN(TestReplayDialogs)
#include "tst_replaydialogs.moc"
