// RecordInspector and PutRecordDialog offscreen: JSON (coloured text and tree), invalid UTF-8,
// gzip, KPL aggregates (built with our own aggregator, with a good and a corrupted MD5), large
// payloads collapsed and decoded off the GUI thread (a 10 MiB JSON record is timed), save and
// copy; the put dialog against the emulator: the target shard it predicts is the shard the
// record lands on, JSON/hex/file validation inline, batches from JSON Lines with bad lines,
// repeats with templates, throttled records retried (through RecordReplayer) and the ones that
// keep failing listed by file line, a repeat at a set rate stopped half-way, saved templates,
// and a read-only connection refused. The same dialog over an AWS connection (AwsBackend, signed
// requests, to our emulator served in-process): the predicted shard is where the record lands, and
// a read-only connection is refused before any call. With SHARDSCOPE_SHOTS_DIR set, screenshots are
// written there.

#include "backend/awsbackend.h"
#include "dialogs/inlineerrorlabel.h"
#include "dialogtesthelpers.h"
#include "expectedassert.h"
#include "forwardingbackend.h"
#include "records/jsonhighlighter.h"
#include "records/jsontreemodel.h"
#include "records/kplaggregation.h"
#include "records/putrecorddialog.h"
#include "records/recordformat.h"
#include "records/recordinspector.h"
#include "records/recordreplayer.h"
#include "theme/theme.h"
#include "tst_connections_authserver.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBlock>
#include <QTextLayout>
#include <QTimer>
#include <QTreeView>

#include <zlib.h>

using namespace shardscope;
using namespace shardscope::testing;
using namespace Qt::StringLiterals;

namespace {

// Answers like the backend it wraps, except that PutRecords fails every other record with
// ProvisionedThroughputExceeded the first time it sees it, and a record whose data contains
// "doomed" every time.
class ThrottlingBackend final : public testing::ForwardingBackend
{
public:
    explicit ThrottlingBackend(StreamBackend &inner) : ForwardingBackend(inner) {}

    int putRecordsCalls = 0;

    BackendFuture<PutRecordsResponse> putRecords(const PutRecordsRequest &request) override
    {
        ++putRecordsCalls;
        PutRecordsRequest passed = request;
        passed.records.clear();
        QList<int> throttled;
        for (qsizetype i = 0; i < request.records.size(); ++i) {
            const QByteArray &data = request.records.at(i).data;
            if (data.contains("doomed")) {
                throttled.append(int(i));
            } else if (!m_seen.contains(data) && i % 2 == 1) {
                m_seen.insert(data);
                throttled.append(int(i));
            } else {
                passed.records.append(request.records.at(i));
            }
        }
        const int total = int(request.records.size());
        // Every record refused: Kinesis answers without putting anything (an empty PutRecords
        // would be a ValidationException).
        auto forwarded =
            passed.records.isEmpty()
                ? QtFuture::makeReadyFuture(BackendResult<PutRecordsResponse>(PutRecordsResponse{}))
                : m_inner.putRecords(passed);
        return forwarded.then([throttled, total](BackendResult<PutRecordsResponse> inner)
                                  -> BackendResult<PutRecordsResponse> {
            if (!inner)
                return inner;
            PutRecordsResponse merged;
            qsizetype next = 0;
            for (int i = 0; i < total; ++i) {
                if (throttled.contains(i)) {
                    merged.records.append({std::nullopt, {}, u"ProvisionedThroughputExceededException"_s,
                                           u"Rate exceeded for shard."_s});
                    ++merged.failedRecordCount;
                } else {
                    merged.records.append(inner->records.at(next++));
                }
            }
            return merged;
        });
    }

private:
    QSet<QByteArray> m_seen;
};

QByteArray gzip(const QByteArray &input)
{
    z_stream stream{};
    deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(int(deflateBound(&stream, uLong(input.size()))) + 32, '\0');
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(input.constData()));
    stream.avail_in = uInt(input.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(qsizetype(stream.total_out));
    deflateEnd(&stream);
    return out;
}

RecordEntry recordWith(const QByteArray &data, const QString &partitionKey = u"user-42"_s)
{
    RecordEntry record;
    record.shardId = u"shardId-000000000001"_s;
    record.sequenceNumber = u"49590338271490256608559692538361571095921575989136588898"_s;
    record.arrivalMs = 1714564800123;
    record.partitionKey = partitionKey;
    record.data = data;
    return record;
}

QByteArray sampleJson()
{
    return R"({"order":{"id":"A-1001","items":[{"sku":"tea","qty":2,"price":3.5},{"sku":"mug","qty":1,"price":12}],"gift":false,"note":null},"status":"paid","customer":"Zoë"})";
}

// The formats the highlighter gave the first block that holds `needle`.
QList<QTextLayout::FormatRange> formatsOfLine(QPlainTextEdit *edit, const QString &needle)
{
    for (QTextBlock block = edit->document()->begin(); block.isValid(); block = block.next())
        if (block.text().contains(needle))
            return block.layout()->formats();
    return {};
}

void shoot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("SHARDSCOPE_SHOTS_DIR");
    if (dir.isEmpty())
        return;
    QTest::qWait(50);
    widget->grab().save(dir + u'/' + name);
}

} // namespace

class TestRecordsUi final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void inspectorShowsJsonAsColouredTextAndTree();
    void inspectorShowsInvalidUtf8Visibly();
    void inspectorInflatesGzip();
    void inspectorDeaggregatesKpl();
    void inspectorFlagsKplChecksumMismatch();
    void inspectorCollapsesTenMiBWithoutFreezing();
    void inspectorSavesAndCopies();

    void putDialogTargetShardIsWhereTheRecordLands();
    void putDialogExplicitHashKeyPicksItsShard();
    void putDialogValidatesJsonHexAndFiles();
    void putDialogSendsABatchFromJsonLines();
    void putDialogRepeatsATemplate();
    void putDialogRetriesThrottledRecords();
    void putDialogListsRecordsThatKeepFailingByLine();
    void putDialogKeepsTheRateAndStops();
    void putDialogSavesAndLoadsTemplates();
    void putDialogRefusesReadOnlyConnection();
    void putDialogOverAwsLandsOnThePredictedShard();
    void putDialogRefusesReadOnlyAwsConnection();

private:
    qint64 recordsInStream(const QString &name);

    QTemporaryDir *m_dir = nullptr;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EmulatorBackend> m_backend;
};

void TestRecordsUi::initTestCase()
{
    pinEnglishLocale();
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"ShardscopeTest"_s);
    QCoreApplication::setApplicationName(u"tst_recordsui"_s);
    QSettings().clear();
}

void TestRecordsUi::init()
{
    QVERIFY(openEmulator(m_dir, m_engine, m_backend));
    VERIFY_OK(await(m_backend->createStream(CreateStreamRequest{u"orders"_s, 4, {}, {}, {}})));
}

void TestRecordsUi::cleanup()
{
    closeEmulator(m_dir, m_engine, m_backend);
}

qint64 TestRecordsUi::recordsInStream(const QString &name)
{
    const auto stats = await(m_backend->shardStatistics(name));
    if (!stats)
        return -1;
    qint64 total = 0;
    for (const ShardStatistics &s : *stats)
        total += s.recordCount;
    return total;
}

void TestRecordsUi::inspectorShowsJsonAsColouredTextAndTree()
{
    RecordInspector inspector;
    inspector.resize(900, 640);
    inspector.show();
    RecordEntry record = recordWith(sampleJson());
    record.explicitHashKey = u"170141183460469231731687303715884105728"_s;
    inspector.setRecord(record);
    QVERIFY(inspector.isDecoded());
    QCOMPARE(child<QLabel>(&inspector, u"shardValue"_s)->text(), record.shardId);
    QCOMPARE(child<QLabel>(&inspector, u"sequenceValue"_s)->text(), record.sequenceNumber);
    QCOMPARE(child<QLabel>(&inspector, u"arrivalValue"_s)->text(), u"2024-05-01T12:00:00.123Z"_s);
    QCOMPARE(child<QLabel>(&inspector, u"partitionKeyValue"_s)->text(), u"user-42"_s);
    QVERIFY(child<QLabel>(&inspector, u"hashKeyValue"_s)->text().startsWith(record.explicitHashKey));
    QCOMPARE(child<QLabel>(&inspector, u"sizeValue"_s)->text(), u"%1 bytes"_s.arg(sampleJson().size()));
    QCOMPARE(inspector.currentView(), RecordInspector::View::Json);

    auto *json = child<QPlainTextEdit>(&inspector, u"jsonView"_s);
    QVERIFY(json->toPlainText().contains(u"\"sku\": \"tea\""_s));
    QVERIFY(json->toPlainText().count(u'\n') > 10);
    // Member names, strings, numbers and keywords each get their colour.
    auto *highlighter = inspector.findChild<JsonHighlighter *>();
    QVERIFY(highlighter);
    const auto formats = formatsOfLine(json, u"\"qty\": 2"_s);
    QVERIFY(!formats.isEmpty());
    bool keyColoured = false;
    bool numberColoured = false;
    for (const auto &range : formats) {
        if (range.format.foreground() == highlighter->formatFor(JsonHighlighter::Token::Key).foreground())
            keyColoured = true;
        if (range.format.foreground() == highlighter->formatFor(JsonHighlighter::Token::Number).foreground())
            numberColoured = true;
    }
    QVERIFY(keyColoured && numberColoured);
    const auto gift = formatsOfLine(json, u"\"gift\": false"_s);
    QVERIFY(std::any_of(gift.begin(), gift.end(), [&](const auto &range) {
        return range.format.foreground() == highlighter->formatFor(JsonHighlighter::Token::Keyword).foreground();
    }));

    // The collapsible tree.
    auto *tree = child<QTreeView>(&inspector, u"jsonTree"_s);
    QAbstractItemModel *model = tree->model();
    QCOMPARE(model->rowCount(), 3);
    const QModelIndex order = model->index(1, 0);
    QCOMPARE(order.data().toString(), u"order"_s);
    QVERIFY(tree->isExpanded(order));
    const QModelIndex items = model->index(2, 0, order);
    QCOMPARE(items.data().toString(), u"items"_s);
    QCOMPARE(model->rowCount(items), 2);
    tree->collapse(order);
    QVERIFY(!tree->isExpanded(order));
    tree->expandAll();

    // The other views.
    inspector.setCurrentView(RecordInspector::View::Text);
    QCOMPARE(child<QPlainTextEdit>(&inspector, u"textView"_s)->toPlainText(), QString::fromUtf8(sampleJson()));
    inspector.setCurrentView(RecordInspector::View::Base64);
    QCOMPARE(child<QPlainTextEdit>(&inspector, u"base64View"_s)->toPlainText(),
             QString::fromLatin1(sampleJson().toBase64()));
    inspector.setCurrentView(RecordInspector::View::Hex);
    auto *hex = child<QListView>(&inspector, u"hexView"_s);
    QCOMPARE(hex->model()->rowCount(), int((sampleJson().size() + 15) / 16));
    QVERIFY(hex->model()->index(0, 0).data().toString().startsWith(u"00000000  7b 22 6f 72"_s));

    // Alt+2 goes back to JSON from inside the inspector.
    inspector.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&inspector));
    hex->setFocus();
    QTest::keyClick(hex, Qt::Key_2, Qt::AltModifier);
    QCOMPARE(inspector.currentView(), RecordInspector::View::Json);
    inspector.setCurrentView(RecordInspector::View::Json);
    shoot(&inspector, u"inspector-json.png"_s);
}

void TestRecordsUi::inspectorShowsInvalidUtf8Visibly()
{
    RecordInspector inspector;
    inspector.show();
    inspector.setRecord(recordWith(QByteArray("caf\xc3\xa9 \xff\xfe end of a longer line of text that reads well", 49)));
    QCOMPARE(inspector.currentView(), RecordInspector::View::Text);
    const QString text = child<QPlainTextEdit>(&inspector, u"textView"_s)->toPlainText();
    QVERIFY2(text.startsWith(u"café \\xFF\\xFE end of a"_s), qPrintable(text));
    QVERIFY(child<QLabel>(&inspector, u"notesLabel"_s)->text().contains(u"2 bytes are not UTF-8"_s));
    auto *tabs = child<QTabWidget>(&inspector, u"viewTabs"_s);
    QVERIFY(!tabs->isTabEnabled(int(RecordInspector::View::Json)));
    // A binary payload opens in hex.
    inspector.setRecord(recordWith(QByteArray("\x00\x01\x02\x03\x04\x05\x06\x07", 8)));
    QCOMPARE(inspector.currentView(), RecordInspector::View::Hex);
    inspector.clear();
    QVERIFY(!inspector.hasRecord());
    QCOMPARE(child<QLabel>(&inspector, u"shardValue"_s)->text(), QString());
}

void TestRecordsUi::inspectorInflatesGzip()
{
    RecordInspector inspector;
    inspector.show();
    QByteArray json = "[";
    for (int i = 0; i < 400; ++i)
        json += (i ? "," : "") + QByteArray(R"({"event":"click","n":)") + QByteArray::number(i) + "}";
    json += "]";
    QSignalSpy shown(&inspector, &RecordInspector::payloadShown);
    inspector.setRecord(recordWith(gzip(json)));
    QTRY_VERIFY(inspector.isDecoded());
    QCOMPARE(shown.size(), 1);
    const QString notes = child<QLabel>(&inspector, u"notesLabel"_s)->text();
    QVERIFY2(notes.startsWith(u"gzip, %1 → %2"_s.arg(RecordFormat::size(gzip(json).size()),
                                                     RecordFormat::size(json.size()))),
             qPrintable(notes));
    QCOMPARE(inspector.shownPayload().bytes, json);
    QCOMPARE(inspector.currentView(), RecordInspector::View::Json);
    QVERIFY(child<QPlainTextEdit>(&inspector, u"jsonView"_s)->toPlainText().contains(u"\"n\": 399"_s));
    QCOMPARE(child<QTreeView>(&inspector, u"jsonTree"_s)->model()->rowCount(), 400);
    // Copy as JSON still copies the record as stored.
    QCOMPARE(QByteArray::fromBase64(QJsonDocument::fromJson(inspector.jsonText().toUtf8())
                                        .object().value(u"Data"_s).toString().toLatin1()),
             gzip(json));
}

void TestRecordsUi::inspectorDeaggregatesKpl()
{
    QList<KplUserRecord> users{
        {u"user-1"_s, std::nullopt, QByteArray(R"({"click":"buy","user":1})"), {}},
        {u"user-2"_s, u"85070591730234615865843651857942052864"_s, QByteArray("plain text"), {}},
        {u"user-3"_s, std::nullopt, gzip(R"({"zipped":true})"), {}},
    };
    const auto aggregate = KplAggregation::aggregate(users);
    QVERIFY(aggregate.has_value());
    RecordInspector inspector;
    inspector.resize(900, 640);
    inspector.show();
    inspector.setRecord(recordWith(*aggregate, u"agg-key"_s));
    QTRY_VERIFY(inspector.isDecoded());
    auto *table = child<QTableWidget>(&inspector, u"subRecordTable"_s);
    QVERIFY(table->isVisible());
    QCOMPARE(table->rowCount(), 3);
    QCOMPARE(table->item(0, 1)->text(), u"user-1"_s);
    QCOMPARE(table->item(1, 2)->text(), u"85070591730234615865843651857942052864"_s);
    QCOMPARE(table->item(1, 3)->text(), u"10 bytes"_s);
    QCOMPARE(table->item(2, 4)->text(), u"checked"_s);
    QVERIFY(child<QLabel>(&inspector, u"kplLabel"_s)->text().contains(u"3 sub-records, MD5 checked"_s));

    // The first sub-record is shown, in the JSON view.
    QCOMPARE(inspector.currentSubRecord(), 0);
    QCOMPARE(inspector.currentView(), RecordInspector::View::Json);
    QVERIFY(child<QPlainTextEdit>(&inspector, u"jsonView"_s)->toPlainText().contains(u"\"click\": \"buy\""_s));
    // Selecting another sub-record shows its payload.
    table->setCurrentCell(1, 1);
    QCOMPARE(inspector.currentSubRecord(), 1);
    QCOMPARE(inspector.currentView(), RecordInspector::View::Text);
    QCOMPARE(child<QPlainTextEdit>(&inspector, u"textView"_s)->toPlainText(), u"plain text"_s);
    QVERIFY(child<QLabel>(&inspector, u"notesLabel"_s)->text().contains(u"user-2"_s));
    // A gzip sub-record is inflated too.
    table->setCurrentCell(2, 0);
    QCOMPARE(inspector.shownPayload().bytes, QByteArray(R"({"zipped":true})"));
    QVERIFY(child<QLabel>(&inspector, u"notesLabel"_s)->text().contains(u"gzip"_s));
    table->setCurrentCell(0, 0);
    shoot(&inspector, u"inspector-kpl.png"_s);
}

void TestRecordsUi::inspectorFlagsKplChecksumMismatch()
{
    const auto aggregate = KplAggregation::aggregate(
        {{u"a"_s, std::nullopt, QByteArray("one"), {}}, {u"b"_s, std::nullopt, QByteArray("two"), {}}});
    QVERIFY(aggregate.has_value());
    QByteArray corrupted = *aggregate;
    corrupted[corrupted.size() - 1] = char(corrupted.at(corrupted.size() - 1) ^ 0x5a);
    RecordInspector inspector;
    inspector.show();
    inspector.setRecord(recordWith(corrupted));
    auto *table = child<QTableWidget>(&inspector, u"subRecordTable"_s);
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(0, 4)->text(), u"mismatch"_s);
    const QColor red = Theme::status(Theme::Status::Error, inspector.palette());
    QCOMPARE(table->item(0, 4)->foreground().color(), red);
    auto *kpl = child<QLabel>(&inspector, u"kplLabel"_s);
    QVERIFY(kpl->text().contains(u"MD5 mismatch"_s));
    QCOMPARE(kpl->palette().color(QPalette::WindowText), red);
    QVERIFY(child<InlineErrorLabel>(&inspector, u"problemsLabel"_s)->text().contains(u"MD5"_s));
    QCOMPARE(child<QPlainTextEdit>(&inspector, u"textView"_s)->toPlainText(), u"one"_s);
}

void TestRecordsUi::inspectorCollapsesTenMiBWithoutFreezing()
{
    QByteArray big = "{\"rows\":[";
    for (int i = 0; big.size() < (10 << 20); ++i)
        big += (i ? "," : "") + QByteArray(R"({"id":)") + QByteArray::number(i)
             + R"(,"name":"row number )" + QByteArray::number(i) + R"(","ok":true})";
    big += "]}";
    QVERIFY(big.size() >= 10 << 20);

    RecordInspector inspector;
    inspector.resize(900, 640);
    inspector.show();
    QTest::qWait(20);

    // A timer that should tick every 5 ms: the longest gap is the longest the GUI froze.
    QElapsedTimer sinceTick;
    qint64 longestGap = 0;
    QTimer ticker;
    ticker.setInterval(5);
    connect(&ticker, &QTimer::timeout, this, [&] {
        longestGap = std::max(longestGap, sinceTick.restart());
    });

    QElapsedTimer clock;
    clock.start();
    inspector.setRecord(recordWith(big));
    const qint64 setRecordMs = clock.elapsed();
    sinceTick.start();
    ticker.start();
    QTRY_VERIFY_WITH_TIMEOUT(inspector.isDecoded(), 30000);
    const qint64 decodedMs = clock.elapsed();
    QTest::qWait(50);
    ticker.stop();
    qInfo("10 MiB JSON record (%lld bytes): setRecord returned in %lld ms, decoded and shown after "
          "%lld ms, longest GUI-thread stall %lld ms",
          qint64(big.size()), setRecordMs, decodedMs, longestGap);
    QVERIFY2(setRecordMs < 100, qPrintable(QString::number(setRecordMs)));
    QVERIFY2(longestGap < 500, qPrintable(QString::number(longestGap)));

    QVERIFY(inspector.isCollapsed());
    QVERIFY(child<QWidget>(&inspector, u"collapseBar"_s)->isVisible());
    QVERIFY(child<QLabel>(&inspector, u"collapseLabel"_s)->text().contains(u"64.0 KiB of 10.0 MiB"_s));
    QCOMPARE(inspector.currentView(), RecordInspector::View::Json);
    auto *json = child<QPlainTextEdit>(&inspector, u"jsonView"_s);
    QVERIFY(json->toPlainText().size() <= RecordInspector::kPreviewSize);
    QVERIFY(json->toPlainText().startsWith(u"{\n    \"rows\": ["_s));
    // The tree has everything, built lazily.
    auto *tree = child<QTreeView>(&inspector, u"jsonTree"_s);
    const QModelIndex rows = tree->model()->index(0, 0);
    QVERIFY(tree->model()->rowCount(rows) > 100000);
    // The hex dump covers the whole payload.
    inspector.setCurrentView(RecordInspector::View::Hex);
    QCOMPARE(child<QListView>(&inspector, u"hexView"_s)->model()->rowCount(), int((big.size() + 15) / 16));

    // Show all: the text view gets everything.
    inspector.setCurrentView(RecordInspector::View::Text);
    QVERIFY(child<QPlainTextEdit>(&inspector, u"textView"_s)->toPlainText().size() <= RecordInspector::kPreviewSize);
    clock.restart();
    QTest::mouseClick(child<QPushButton>(&inspector, u"showAllButton"_s), Qt::LeftButton);
    qInfo("Show all on the 10 MiB record: %lld ms", clock.elapsed());
    QVERIFY(!inspector.isCollapsed());
    // Beyond kExpandedSize the text views stop, and say so; the hex dump has everything.
    QVERIFY(!child<QPushButton>(&inspector, u"showAllButton"_s)->isVisible());
    QVERIFY(child<QLabel>(&inspector, u"collapseLabel"_s)->text().startsWith(
        u"Showing the first %1 of 10.0 MiB"_s.arg(RecordFormat::size(RecordInspector::kExpandedSize))));
    QCOMPARE(child<QPlainTextEdit>(&inspector, u"textView"_s)->toPlainText().size(), RecordInspector::kExpandedSize);

    // A 400 KiB payload is collapsed, and Show all shows all of it.
    inspector.setRecord(recordWith(QByteArray(400 << 10, 'a')));
    QTRY_VERIFY(inspector.isDecoded());
    QVERIFY(inspector.isCollapsed());
    QCOMPARE(child<QPlainTextEdit>(&inspector, u"textView"_s)->toPlainText().size(), RecordInspector::kPreviewSize);
    inspector.showAll();
    QVERIFY(!inspector.isCollapsed());
    QVERIFY(!child<QWidget>(&inspector, u"collapseBar"_s)->isVisible());
    QCOMPARE(child<QPlainTextEdit>(&inspector, u"textView"_s)->toPlainText().size(), 400 << 10);
}

void TestRecordsUi::inspectorSavesAndCopies()
{
    RecordInspector inspector;
    inspector.setStreamName(u"my orders"_s);
    inspector.show();
    const QByteArray payload("bytes \x00\xff as stored", 18);
    inspector.setRecord(recordWith(payload, u"it's"_s));

    QTemporaryDir dir;
    const QString path = dir.filePath(u"record.bin"_s);
    QVERIFY(inspector.saveToFile(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), payload);
    auto *error = child<InlineErrorLabel>(&inspector, u"errorLabel"_s);
    QVERIFY(!error->isVisible());
    QVERIFY(!inspector.saveToFile(dir.filePath(u"missing/dir/record.bin"_s)));
    QVERIFY(error->isVisible());
    QVERIFY(error->text().startsWith(u"Could not save to"_s));

    // Every action has a shortcut; the copy shortcuts fill the clipboard.
    for (QAction *action : inspector.inspectorActions())
        QVERIFY2(!action->shortcut().isEmpty(), qPrintable(action->objectName()));
    auto *text = child<QPlainTextEdit>(&inspector, u"textView"_s);
    inspector.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&inspector));
    text->setFocus();
    QTest::keyClick(text, Qt::Key_J, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(QApplication::clipboard()->text(), inspector.jsonText());
    QCOMPARE(QJsonDocument::fromJson(QApplication::clipboard()->text().toUtf8()).object()
                 .value(u"PartitionKey"_s).toString(), u"it's"_s);
    QTest::keyClick(text, Qt::Key_C, Qt::ControlModifier | Qt::AltModifier);
    QCOMPARE(QApplication::clipboard()->text(),
             u"aws kinesis put-record --stream-name 'my orders' --partition-key 'it'\\''s' "
             "--cli-binary-format raw-in-base64-out --data "_s
                 + QString::fromLatin1(payload.toBase64()));
}

void TestRecordsUi::putDialogTargetShardIsWhereTheRecordLands()
{
    PutRecordDialog dialog(m_backend.get(), u"orders"_s);
    QSignalSpy put(&dialog, &PutRecordDialog::recordPut);
    dialog.show();
    auto *pk = child<QLineEdit>(&dialog, u"partitionKeyEdit"_s);
    auto *data = child<QPlainTextEdit>(&dialog, u"dataEdit"_s);
    auto *target = child<QLabel>(&dialog, u"targetShardValue"_s);
    auto *hashKey = child<QLabel>(&dialog, u"hashKeyValue"_s);
    auto *send = child<QPushButton>(&dialog, u"sendButton"_s);
    QVERIFY(!send->isEnabled());
    for (const QString &key : {u"user-42"_s, u"another key"_s, u"ключ"_s}) {
        pk->selectAll();
        pk->insert(key);
        QTRY_VERIFY(target->text().startsWith(u"shardId-"_s));
        QVERIFY(hashKey->text().startsWith(HashKey::fromPartitionKey(key).toDecimal()));
        data->setPlainText(u"hello "_s + key);
        QVERIFY(send->isEnabled());
        const QString predicted = target->text();
        put.clear();
        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_COMPARE(put.size(), 1);
        QCOMPARE(put.first().at(0).toString(), predicted);
        QVERIFY(child<QLabel>(&dialog, u"resultLabel"_s)->text().contains(predicted));
        QVERIFY(child<QLabel>(&dialog, u"resultLabel"_s)->text().contains(put.first().at(1).toString()));
    }
    QCOMPARE(recordsInStream(u"orders"_s), 3);
    shoot(&dialog, u"put-dialog.png"_s);
}

void TestRecordsUi::putDialogExplicitHashKeyPicksItsShard()
{
    PutRecordDialog dialog(m_backend.get(), u"orders"_s);
    QSignalSpy put(&dialog, &PutRecordDialog::recordPut);
    dialog.show();
    QTest::keyClicks(child<QLineEdit>(&dialog, u"partitionKeyEdit"_s), u"k"_s);
    child<QPlainTextEdit>(&dialog, u"dataEdit"_s)->setPlainText(u"x"_s);
    child<QCheckBox>(&dialog, u"hashKeyCheck"_s)->setChecked(true);
    auto *ehk = child<QLineEdit>(&dialog, u"hashKeyEdit"_s);
    auto *ehkError = child<InlineErrorLabel>(&dialog, u"hashKeyError"_s);
    auto *send = child<QPushButton>(&dialog, u"sendButton"_s);
    QVERIFY(ehkError->isVisible());
    QVERIFY(!send->isEnabled());
    QTest::keyClicks(ehk, u"340282366920938463463374607431768211456"_s); // 2^128: too large
    QVERIFY(ehkError->isVisible());
    QVERIFY(!send->isEnabled());
    ehk->setText(u"340282366920938463463374607431768211455"_s);
    QVERIFY(!ehkError->isVisible());
    QTRY_COMPARE(child<QLabel>(&dialog, u"targetShardValue"_s)->text(), u"shardId-000000000003"_s);
    QTest::keyClick(ehk, Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(put.size(), 1);
    QCOMPARE(put.first().at(0).toString(), u"shardId-000000000003"_s);
}

void TestRecordsUi::putDialogValidatesJsonHexAndFiles()
{
    PutRecordDialog dialog(m_backend.get(), u"orders"_s);
    dialog.show();
    QTest::keyClicks(child<QLineEdit>(&dialog, u"partitionKeyEdit"_s), u"k"_s);
    auto *format = child<QComboBox>(&dialog, u"formatCombo"_s);
    auto *data = child<QPlainTextEdit>(&dialog, u"dataEdit"_s);
    auto *error = child<InlineErrorLabel>(&dialog, u"dataError"_s);
    auto *send = child<QPushButton>(&dialog, u"sendButton"_s);

    format->setCurrentIndex(int(PutRecordDialog::DataFormat::Json));
    data->setPlainText(u"{\n  \"a\": 1,\n  \"b\": }"_s);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().startsWith(u"Not valid JSON at line 3, column"_s), qPrintable(error->text()));
    QVERIFY(!send->isEnabled());
    data->setPlainText(u"{\"a\": {{counter}}}"_s);
    QVERIFY(!error->isVisible());
    QVERIFY(send->isEnabled());

    format->setCurrentIndex(int(PutRecordDialog::DataFormat::Hex));
    data->setPlainText(u"de ad be ef\n0x01 zz"_s);
    QVERIFY(error->text().contains(u"line 2, column 6"_s));
    QVERIFY(!send->isEnabled());
    data->setPlainText(u"de:ad:be:ef 0x01 f"_s);
    QVERIFY(error->text().contains(u"odd number"_s));
    data->setPlainText(u"DE AD be ef 0x01"_s);
    QVERIFY(!error->isVisible());
    QCOMPARE(child<QLabel>(&dialog, u"dataInfo"_s)->text(), u"5 bytes"_s);
    QCOMPARE(*PutRecordDialog::parseHex(u"DE AD be ef 0x01"_s), QByteArray("\xde\xad\xbe\xef\x01", 5));

    // Files: the size is shown; too large is refused beside the field.
    QTemporaryDir dir;
    QFile small(dir.filePath(u"small.bin"_s));
    QVERIFY(small.open(QIODevice::WriteOnly));
    small.write(QByteArray(3000, 'x'));
    small.close();
    dialog.setDataFile(small.fileName());
    QCOMPARE(format->currentIndex(), int(PutRecordDialog::DataFormat::File));
    QVERIFY(!error->isVisible());
    QVERIFY(child<QLabel>(&dialog, u"fileLabel"_s)->text().contains(u"2.9 KiB"_s));
    QVERIFY(send->isEnabled());
    QFile large(dir.filePath(u"large.bin"_s));
    QVERIFY(large.open(QIODevice::WriteOnly));
    QVERIFY(large.resize((1 << 20) + 1));
    large.close();
    dialog.setDataFile(large.fileName());
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(u"at most 1.0 MiB"_s), qPrintable(error->text()));
    QVERIFY(!send->isEnabled());

    // A template error is placed.
    format->setCurrentIndex(int(PutRecordDialog::DataFormat::Text));
    data->setPlainText(u"ok\n  {{bogus}}"_s);
    QVERIFY(error->text().startsWith(u"Line 2, column 3: Unknown placeholder"_s));
}

void TestRecordsUi::putDialogSendsABatchFromJsonLines()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"batch.jsonl"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    for (int i = 0; i < 1203; ++i) {
        if (i == 7)
            file.write("{\"PartitionKey\": \"broken\"\n");
        file.write(QJsonDocument(QJsonObject{{u"PartitionKey"_s, u"k%1"_s.arg(i)},
                                             {u"DataJson"_s, QJsonObject{{u"n"_s, i}}}})
                       .toJson(QJsonDocument::Compact)
                   + '\n');
    }
    file.close();

    PutRecordDialog dialog(m_backend.get(), u"orders"_s);
    QSignalSpy finished(&dialog, &PutRecordDialog::batchFinished);
    dialog.show();
    dialog.loadBatchFile(path);
    QCOMPARE(child<QTabWidget>(&dialog, u"putTabs"_s)->currentIndex(), 1);
    QVERIFY2(child<QLabel>(&dialog, u"batchSummary"_s)->text().startsWith(u"1,203 records"_s),
             qPrintable(child<QLabel>(&dialog, u"batchSummary"_s)->text()));
    auto *errors = child<QListWidget>(&dialog, u"batchErrors"_s);
    QCOMPARE(errors->count(), 1);
    QVERIFY(errors->item(0)->text().startsWith(u"Line 8: "_s));
    auto *send = child<QPushButton>(&dialog, u"sendButton"_s);
    QCOMPARE(send->text(), u"&Send 1,203 records"_s);
    QTest::mouseClick(send, Qt::LeftButton);
    QVERIFY(dialog.isBusy());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QCOMPARE(finished.first().at(0).toInt(), 1203);
    QCOMPARE(finished.first().at(1).toInt(), 0);
    QCOMPARE(child<QProgressBar>(&dialog, u"progressBar"_s)->value(), 1203);
    QCOMPARE(recordsInStream(u"orders"_s), 1203);
}

void TestRecordsUi::putDialogRepeatsATemplate()
{
    PutRecordDialog dialog(m_backend.get(), u"orders"_s);
    QSignalSpy finished(&dialog, &PutRecordDialog::batchFinished);
    dialog.show();
    child<QLineEdit>(&dialog, u"partitionKeyEdit"_s)->setText(u"user-{{random:int:1:50}}"_s);
    child<QComboBox>(&dialog, u"formatCombo"_s)->setCurrentIndex(int(PutRecordDialog::DataFormat::Json));
    child<QPlainTextEdit>(&dialog, u"dataEdit"_s)->setPlainText(
        u"{\"n\": {{counter}}, \"id\": \"{{uuid}}\", \"kind\": \"{{choice:a|b}}\"}"_s);
    child<QSpinBox>(&dialog, u"repeatSpin"_s)->setValue(25);
    QVERIFY(child<QLabel>(&dialog, u"hashKeyValue"_s)->text().contains(u"first record"_s));
    auto *send = child<QPushButton>(&dialog, u"sendButton"_s);
    QCOMPARE(send->text(), u"&Send 25 records"_s);
    QTest::mouseClick(send, Qt::LeftButton);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(0).toInt(), 25);
    QCOMPARE(recordsInStream(u"orders"_s), 25);
}

void TestRecordsUi::putDialogRetriesThrottledRecords()
{
    ThrottlingBackend throttling(*m_backend);
    PutRecordDialog dialog(&throttling, u"orders"_s);
    QSignalSpy finished(&dialog, &PutRecordDialog::batchFinished);
    dialog.show();
    child<QLineEdit>(&dialog, u"partitionKeyEdit"_s)->setText(u"k{{counter}}"_s);
    child<QPlainTextEdit>(&dialog, u"dataEdit"_s)->setPlainText(u"record {{counter}}"_s);
    child<QSpinBox>(&dialog, u"repeatSpin"_s)->setValue(10);
    QTest::mouseClick(child<QPushButton>(&dialog, u"sendButton"_s), Qt::LeftButton);
    QTRY_COMPARE(finished.size(), 1);
    // Five were throttled once, then went through on the retry.
    QCOMPARE(finished.first().at(0).toInt(), 10);
    QCOMPARE(finished.first().at(1).toInt(), 0);
    QCOMPARE(throttling.putRecordsCalls, 2);
    QCOMPARE(recordsInStream(u"orders"_s), 10);
    QVERIFY(!child<QTableWidget>(&dialog, u"failuresTable"_s)->isVisible());
    // Where they landed, per shard, adding up to the ten.
    const QString result = child<QLabel>(&dialog, u"batchResult"_s)->text();
    QVERIFY2(result.startsWith(u"10 records put. By shard: shardId-"_s), qPrintable(result));
    qint64 byShard = 0;
    static const QRegularExpression count(u"shardId-\\d+: (\\d+)"_s);
    for (auto it = count.globalMatch(result); it.hasNext();)
        byShard += it.next().captured(1).toLongLong();
    QCOMPARE(byShard, 10);
}

void TestRecordsUi::putDialogListsRecordsThatKeepFailingByLine()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"batch.jsonl"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"PartitionKey\": \"a\", \"DataText\": \"fine 1\"}\n"
               "\n"
               "{\"PartitionKey\": \"b\", \"DataText\": \"doomed\"}\n"
               "{\"PartitionKey\": \"c\", \"DataText\": \"fine 2\"}\n");
    file.close();
    ThrottlingBackend throttling(*m_backend);
    PutRecordDialog dialog(&throttling, u"orders"_s);
    QSignalSpy finished(&dialog, &PutRecordDialog::batchFinished);
    dialog.show();
    dialog.loadBatchFile(path);
    QTest::mouseClick(child<QPushButton>(&dialog, u"sendButton"_s), Qt::LeftButton);
    // Retried with backoff (0.1 + 0.2 + 0.4 + 0.8 + 1.6 s), then given up on.
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    QCOMPARE(finished.first().at(0).toInt(), 2);
    QCOMPARE(finished.first().at(1).toInt(), 1);
    QCOMPARE(throttling.putRecordsCalls, 1 + ReplayOptions{}.maxRetries);
    auto *table = child<QTableWidget>(&dialog, u"failuresTable"_s);
    QVERIFY(table->isVisible());
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 0)->text(), u"Line 3 · b"_s); // the file's line, blank lines counted
    QCOMPARE(table->item(0, 1)->text(), u"ProvisionedThroughputExceededException"_s);
    QVERIFY2(child<QLabel>(&dialog, u"batchResult"_s)->text().contains(u"1 record failed."_s),
             qPrintable(child<QLabel>(&dialog, u"batchResult"_s)->text()));
    QCOMPARE(recordsInStream(u"orders"_s), 2);
}

void TestRecordsUi::putDialogKeepsTheRateAndStops()
{
    PutRecordDialog dialog(m_backend.get(), u"orders"_s);
    QSignalSpy finished(&dialog, &PutRecordDialog::batchFinished);
    dialog.show();
    child<QLineEdit>(&dialog, u"partitionKeyEdit"_s)->setText(u"k{{counter}}"_s);
    child<QPlainTextEdit>(&dialog, u"dataEdit"_s)->setPlainText(u"record {{counter}}"_s);
    child<QSpinBox>(&dialog, u"repeatSpin"_s)->setValue(1000);
    auto *rate = child<QSpinBox>(&dialog, u"rateSpin"_s);
    rate->setValue(100);
    QElapsedTimer clock;
    clock.start();
    QTest::mouseClick(child<QPushButton>(&dialog, u"sendButton"_s), Qt::LeftButton);
    QVERIFY(!rate->isEnabled());
    auto *progress = child<QProgressBar>(&dialog, u"progressBar"_s);
    QCOMPARE(progress->maximum(), 1000);
    QTRY_VERIFY(progress->value() >= 50);
    // 100 records/s: half a second or more for the first 50 (the bucket starts with 10).
    QVERIFY2(clock.elapsed() >= 350, qPrintable(QString::number(clock.elapsed())));
    QTest::keyClick(&dialog, Qt::Key_Period, Qt::ControlModifier); // Stop
    QTRY_COMPARE(finished.size(), 1);
    const int succeeded = finished.first().at(0).toInt();
    QVERIFY2(succeeded >= 50 && succeeded < 1000, qPrintable(QString::number(succeeded)));
    QCOMPARE(finished.first().at(1).toInt(), 0);
    QCOMPARE(recordsInStream(u"orders"_s), succeeded);
    QVERIFY(child<QLabel>(&dialog, u"batchResult"_s)->text().contains(u"Stopped: "_s));
    QVERIFY(rate->isEnabled());
}

void TestRecordsUi::putDialogSavesAndLoadsTemplates()
{
    {
        PutRecordDialog dialog(m_backend.get(), u"orders"_s);
        dialog.show();
        child<QLineEdit>(&dialog, u"partitionKeyEdit"_s)->setText(u"user-{{counter}}"_s);
        child<QComboBox>(&dialog, u"formatCombo"_s)->setCurrentIndex(int(PutRecordDialog::DataFormat::Json));
        child<QPlainTextEdit>(&dialog, u"dataEdit"_s)->setPlainText(u"{\"n\": {{counter}}}"_s);
        child<QSpinBox>(&dialog, u"repeatSpin"_s)->setValue(12);
        child<QComboBox>(&dialog, u"templateCombo"_s)->setCurrentText(u"counting"_s);
        QTest::mouseClick(child<QPushButton>(&dialog, u"saveTemplateButton"_s), Qt::LeftButton);
    }
    PutRecordDialog dialog(m_backend.get(), u"orders"_s);
    dialog.show();
    auto *templates = child<QComboBox>(&dialog, u"templateCombo"_s);
    QVERIFY(templates->findText(u"counting"_s) >= 0);
    templates->setCurrentText(u"counting"_s);
    QTest::mouseClick(child<QPushButton>(&dialog, u"loadTemplateButton"_s), Qt::LeftButton);
    QCOMPARE(child<QLineEdit>(&dialog, u"partitionKeyEdit"_s)->text(), u"user-{{counter}}"_s);
    QCOMPARE(child<QComboBox>(&dialog, u"formatCombo"_s)->currentIndex(), int(PutRecordDialog::DataFormat::Json));
    QCOMPARE(child<QPlainTextEdit>(&dialog, u"dataEdit"_s)->toPlainText(), u"{\"n\": {{counter}}}"_s);
    QCOMPARE(child<QSpinBox>(&dialog, u"repeatSpin"_s)->value(), 12);
    QTest::mouseClick(child<QPushButton>(&dialog, u"deleteTemplateButton"_s), Qt::LeftButton);
    QCOMPARE(templates->findText(u"counting"_s), -1);
}

void TestRecordsUi::putDialogRefusesReadOnlyConnection()
{
    EmulatorBackendOptions options;
    options.readOnly = true;
    EmulatorBackend readOnly(*m_engine, options);
    PutRecordDialog dialog(&readOnly, u"orders"_s);
    dialog.show();
    auto *error = child<InlineErrorLabel>(&dialog, u"errorLabel"_s);
    QVERIFY(error->isVisible());
    QVERIFY(error->text().contains(u"read-only"_s));
    child<QLineEdit>(&dialog, u"partitionKeyEdit"_s)->setText(u"k"_s);
    child<QPlainTextEdit>(&dialog, u"dataEdit"_s)->setPlainText(u"x"_s);
    auto *send = child<QPushButton>(&dialog, u"sendButton"_s);
    QVERIFY(!send->isEnabled());
    QTest::keyClick(child<QPlainTextEdit>(&dialog, u"dataEdit"_s), Qt::Key_Return, Qt::ControlModifier);
    QTest::qWait(50);
    QCOMPARE(recordsInStream(u"orders"_s), 0);
}

namespace {

AwsBackendOptions awsOptions(const AuthEmulator &server, bool readOnly)
{
    AwsBackendOptions options;
    options.displayName = u"Staging"_s;
    options.region = u"us-east-1"_s;
    options.endpoint = server.url();
    options.staticCredentials = AwsCredentials{QString::fromLatin1(AuthEmulator::kAccessKeyId),
                                               QString::fromLatin1(AuthEmulator::kSecret), {}};
    options.readOnly = readOnly;
    return options;
}

} // namespace

void TestRecordsUi::putDialogOverAwsLandsOnThePredictedShard()
{
    AuthEmulator server;
    QVERIFY(server.isRunning());
    QVERIFY(server.engine().createStream(CreateStreamRequest{u"remote"_s, 4, {}, {}, {}}).has_value());
    QTRY_COMPARE(server.engine().describeStreamSummary(StreamTarget::byName(u"remote"_s))->streamStatus,
                 StreamStatus::Active);
    AwsBackend aws(awsOptions(server, false));
    EmulatorBackend direct(server.engine()); // reads back what landed, behind the wire
    QSignalSpy started(&aws, &StreamBackend::callStarted);

    PutRecordDialog dialog(&aws, u"remote"_s);
    QSignalSpy put(&dialog, &PutRecordDialog::recordPut);
    dialog.show();
    auto *pk = child<QLineEdit>(&dialog, u"partitionKeyEdit"_s);
    auto *data = child<QPlainTextEdit>(&dialog, u"dataEdit"_s);
    auto *target = child<QLabel>(&dialog, u"targetShardValue"_s);
    auto *send = child<QPushButton>(&dialog, u"sendButton"_s);
    QSet<QString> shardsHit;
    for (const QString &key : {u"user-42"_s, u"another key"_s, u"ключ"_s, u"k1"_s, u"k2"_s, u"k3"_s}) {
        pk->selectAll();
        pk->insert(key);
        QTRY_VERIFY(target->text().startsWith(u"shardId-"_s));
        QVERIFY(child<QLabel>(&dialog, u"hashKeyValue"_s)->text().startsWith(HashKey::fromPartitionKey(key).toDecimal()));
        const QByteArray payload = (u"over the wire: "_s + key).toUtf8();
        data->setPlainText(QString::fromUtf8(payload));
        QTRY_VERIFY(send->isEnabled());
        const QString predicted = target->text();
        put.clear();
        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_COMPARE(put.size(), 1);
        QCOMPARE(put.first().at(0).toString(), predicted);
        const QString sequenceNumber = put.first().at(1).toString();
        QVERIFY(child<QLabel>(&dialog, u"resultLabel"_s)->text().contains(sequenceNumber));
        shardsHit.insert(predicted);

        // The record is in that shard, under that sequence number.
        const auto iterator = await(direct.getShardIterator(GetShardIteratorRequest{
            StreamTarget::byName(u"remote"_s), predicted, ShardIteratorType::AtSequenceNumber, sequenceNumber, {}}));
        VERIFY_OK(iterator);
        GetRecordsRequest read;
        read.shardIterator = iterator->shardIterator;
        read.limit = 1;
        const auto records = await(direct.getRecords(read));
        VERIFY_OK(records);
        QCOMPARE(records->records.size(), 1);
        QCOMPARE(records->records.first().sequenceNumber.toString(), sequenceNumber);
        QCOMPARE(records->records.first().data, payload);
        QCOMPARE(records->records.first().partitionKey, key);
    }
    QVERIFY2(shardsHit.size() >= 2, "the keys went to more than one shard");
    const auto shardsListed = std::count_if(started.begin(), started.end(), [](const QList<QVariant> &args) {
        return args.at(0).value<BackendCall>().operation == u"ListShards"_s;
    });
    QVERIFY(shardsListed >= 1); // the prediction came from the connection's own ListShards
}

void TestRecordsUi::putDialogRefusesReadOnlyAwsConnection()
{
    AuthEmulator server;
    QVERIFY(server.isRunning());
    QVERIFY(server.createStreams({u"remote"_s}));
    AwsBackend aws(awsOptions(server, true));
    QVERIFY(aws.isReadOnly());
    QSignalSpy started(&aws, &StreamBackend::callStarted);
    PutRecordDialog dialog(&aws, u"remote"_s);
    dialog.show();
    auto *error = child<InlineErrorLabel>(&dialog, u"errorLabel"_s);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(u"read-only"_s), qPrintable(error->text()));
    QVERIFY(error->text().contains(u"remote"_s));
    child<QLineEdit>(&dialog, u"partitionKeyEdit"_s)->setText(u"k"_s);
    child<QPlainTextEdit>(&dialog, u"dataEdit"_s)->setPlainText(u"x"_s);
    auto *send = child<QPushButton>(&dialog, u"sendButton"_s);
    QVERIFY(!send->isEnabled());
    QTest::mouseClick(send, Qt::LeftButton);
    QTest::keyClick(child<QPlainTextEdit>(&dialog, u"dataEdit"_s), Qt::Key_Return, Qt::ControlModifier);
    QTest::qWait(200);
    QVERIFY(error->isVisible());
    // Refused before any call: nothing was put, nothing even tried.
    QVERIFY(std::none_of(started.begin(), started.end(), [](const QList<QVariant> &args) {
        return args.at(0).value<BackendCall>().operation.startsWith(u"Put"_s);
    }));
    EmulatorBackend direct(server.engine());
    const auto stats = await(direct.shardStatistics(u"remote"_s));
    VERIFY_OK(stats);
    qint64 total = 0;
    for (const ShardStatistics &s : *stats)
        total += s.recordCount;
    QCOMPARE(total, 0);
}

QTEST_MAIN(TestRecordsUi)
#include "tst_recordsui.moc"
