// The record inspector's and put dialog's pure logic: copy as JSON, the put-record command and
// its shell quoting (checked by splitting it again as a shell would), the JSON tree model,
// JSON Lines and CSV batches with bad lines, PutRecords chunking, and record templates.

#include "aws/shellwords.h"
#include "records/jsontreemodel.h"
#include "records/recordbatch.h"
#include "records/recordformat.h"
#include "records/recordtemplate.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace shardscope;
using namespace Qt::StringLiterals;

class TestRecordFormat final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void copyAsJsonHasEveryField();
    void copyAsJsonOmitsDataTextForInvalidUtf8();
    void shellQuote_data();
    void shellQuote();
    void putRecordCommandSplitsBackIntoItsArguments_data();
    void putRecordCommandSplitsBackIntoItsArguments();
    void compressionNoteAndSizes();

    void jsonTreeModel();
    void jsonTreeModelScalarsAndPaths();

    void jsonLinesWithBadLines();
    void jsonLinesDataVariants();
    void csvWithQuotesAndBadRows();
    void csvHeaderProblems();
    void chunksRespectCountAndBytes();

    void templateExpansion();
    void templateRandomIsBoundedAndSeeded();
    void templateErrorsHavePositions_data();
    void templateErrorsHavePositions();
    void templatesSavedByName();
};

void TestRecordFormat::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

static RecordEntry sampleRecord()
{
    RecordEntry record;
    record.shardId = u"shardId-000000000002"_s;
    record.sequenceNumber = u"49590338271490256608559692538361571095921575989136588898"_s;
    record.arrivalMs = 1714564800123; // 2024-05-01T12:00:00.123Z
    record.partitionKey = u"user-42"_s;
    record.data = QByteArray(R"({"status":"ok","n":1})");
    return record;
}

void TestRecordFormat::copyAsJsonHasEveryField()
{
    RecordEntry record = sampleRecord();
    record.explicitHashKey = u"12345"_s;
    const QJsonObject object = QJsonDocument::fromJson(RecordFormat::toJsonText(record).toUtf8()).object();
    QCOMPARE(object.value(u"SequenceNumber"_s).toString(), record.sequenceNumber);
    QCOMPARE(object.value(u"ShardId"_s).toString(), record.shardId);
    QCOMPARE(object.value(u"ApproximateArrivalTimestamp"_s).toString(), u"2024-05-01T12:00:00.123Z"_s);
    QCOMPARE(object.value(u"PartitionKey"_s).toString(), u"user-42"_s);
    QCOMPARE(object.value(u"ExplicitHashKey"_s).toString(), u"12345"_s);
    QCOMPARE(QByteArray::fromBase64(object.value(u"Data"_s).toString().toLatin1()), record.data);
    QCOMPARE(object.value(u"DataText"_s).toString(), QString::fromUtf8(record.data));
    QCOMPARE(object.size(), 7);

    record.explicitHashKey.clear();
    QVERIFY(!RecordFormat::toJsonObject(record).contains(u"ExplicitHashKey"_s));
}

void TestRecordFormat::copyAsJsonOmitsDataTextForInvalidUtf8()
{
    RecordEntry record = sampleRecord();
    record.data = QByteArray("ok\xff\xfe", 4);
    const QJsonObject object = RecordFormat::toJsonObject(record);
    QVERIFY(!object.contains(u"DataText"_s));
    QCOMPARE(object.value(u"Data"_s).toString(), u"b2v//g=="_s);
}

void TestRecordFormat::shellQuote_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("plain") << u"user-42"_s << u"user-42"_s;
    QTest::newRow("base64") << u"eyJhIjoxfQ=="_s << u"eyJhIjoxfQ=="_s;
    QTest::newRow("empty") << QString() << u"''"_s;
    QTest::newRow("space") << u"a b"_s << u"'a b'"_s;
    QTest::newRow("single quote") << u"it's"_s << u"'it'\\''s'"_s;
    QTest::newRow("double quote") << u"say \"hi\""_s << u"'say \"hi\"'"_s;
    QTest::newRow("dollar") << u"$HOME"_s << u"'$HOME'"_s;
    QTest::newRow("backslash") << u"a\\b"_s << u"'a\\b'"_s;
    QTest::newRow("unicode") << u"grüße-東京"_s << u"'grüße-東京'"_s;
}

void TestRecordFormat::shellQuote()
{
    QFETCH(QString, word);
    QFETCH(QString, quoted);
    QCOMPARE(RecordFormat::shellQuote(word), quoted);
    const auto split = splitShellWords(quoted);
    QVERIFY(split);
    QCOMPARE(*split, QStringList{word});
}

void TestRecordFormat::putRecordCommandSplitsBackIntoItsArguments_data()
{
    QTest::addColumn<QString>("stream");
    QTest::addColumn<QString>("partitionKey");
    QTest::addColumn<QString>("explicitHashKey");
    QTest::newRow("simple") << u"orders"_s << u"user-42"_s << QString();
    QTest::newRow("quotes and spaces") << u"my.stream"_s << u"it's a \"key\" $x `y`"_s << QString();
    QTest::newRow("unicode") << u"orders"_s << u"ключ 🔑"_s << u"340282366920938463463374607431768211455"_s;
}

void TestRecordFormat::putRecordCommandSplitsBackIntoItsArguments()
{
    QFETCH(QString, stream);
    QFETCH(QString, partitionKey);
    QFETCH(QString, explicitHashKey);
    RecordEntry record = sampleRecord();
    record.partitionKey = partitionKey;
    record.explicitHashKey = explicitHashKey;
    record.data = QByteArray("\x00\x01 binary \xff", 11);
    const QString command = RecordFormat::putRecordCommand(record, stream);
    QVERIFY2(!command.contains(u'\n'), qPrintable(command));
    const auto words = splitShellWords(command);
    QVERIFY(words);
    QStringList expected{u"aws"_s, u"kinesis"_s, u"put-record"_s, u"--stream-name"_s, stream,
                         u"--partition-key"_s, partitionKey};
    if (!explicitHashKey.isEmpty())
        expected << u"--explicit-hash-key"_s << explicitHashKey;
    expected << u"--cli-binary-format"_s << u"raw-in-base64-out"_s << u"--data"_s
             << QString::fromLatin1(record.data.toBase64());
    QCOMPARE(*words, expected);
}

void TestRecordFormat::compressionNoteAndSizes()
{
    QCOMPARE(RecordFormat::size(1), u"1 byte"_s);
    QCOMPARE(RecordFormat::size(512), u"512 bytes"_s);
    QCOMPARE(RecordFormat::size(1229), u"1.2 KiB"_s);
    DecodedPayload decoded;
    decoded.layers.append({PayloadLayer::Kind::Gzip, 1229, 14336, false});
    QCOMPARE(RecordFormat::compressionNote(decoded), u"gzip, 1.2 KiB → 14.0 KiB"_s);
    decoded.layers.first().truncated = true;
    QVERIFY(RecordFormat::compressionNote(decoded).endsWith(u"(cut off)"_s));
    QCOMPARE(RecordFormat::compressionNote(DecodedPayload{}), QString());
}

void TestRecordFormat::jsonTreeModel()
{
    JsonTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QByteArray json = R"({"user": {"id": 42, "tags": ["a", "b", {"deep": null}]},
                                "ok": true, "name": "Zoë", "ratio": 0.5})";
    model.setDocument(QJsonDocument::fromJson(json));
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.columnCount(), 3);
    // QJsonObject keeps keys sorted.
    QCOMPARE(model.index(0, 0).data().toString(), u"name"_s);
    const QModelIndex user = model.index(3, 0);
    QCOMPARE(user.data().toString(), u"user"_s);
    QCOMPARE(model.index(3, 1).data().toString(), u"{2 keys}"_s);
    QCOMPARE(model.index(3, 2).data().toString(), u"object"_s);
    QVERIFY(model.hasChildren(user));
    QCOMPARE(model.rowCount(user), 2);
    const QModelIndex tags = model.index(1, 0, user);
    QCOMPARE(tags.data().toString(), u"tags"_s);
    QCOMPARE(model.index(1, 1, user).data().toString(), u"[3 items]"_s);
    const QModelIndex third = model.index(2, 0, tags);
    QCOMPARE(third.data().toString(), u"[2]"_s);
    QCOMPARE(third.parent(), tags);
    QCOMPARE(tags.parent(), user);
    QCOMPARE(model.index(0, 0, third).data(JsonTreeModel::JsonPathRole).toString(),
             u"$.user.tags[2].deep"_s);
    QCOMPARE(model.index(0, 1, third).data().toString(), u"null"_s);

    // Reset to an array and to nothing, under the tester.
    model.setDocument(QJsonDocument::fromJson("[1, [2, 3], {}]"));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.rowCount(model.index(1, 0)), 2);
    QVERIFY(!model.hasChildren(model.index(2, 0)));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestRecordFormat::jsonTreeModelScalarsAndPaths()
{
    QCOMPARE(JsonTreeModel::scalarText(QJsonValue(u"a\"b\n"_s)), u"\"a\\\"b\\n\""_s);
    QCOMPARE(JsonTreeModel::scalarText(QJsonValue(42)), u"42"_s);
    QCOMPARE(JsonTreeModel::scalarText(QJsonValue(1.5)), u"1.5"_s);
    QCOMPARE(JsonTreeModel::scalarText(QJsonValue(false)), u"false"_s);
    JsonTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocument(QJsonDocument::fromJson(R"({"a key": {"x-y": 1}, "long": ")"
                                              + QByteArray(2000, 'z') + "\"}"));
    QCOMPARE(model.index(0, 0, model.index(0, 0)).data(JsonTreeModel::JsonPathRole).toString(),
             u"$[\"a key\"][\"x-y\"]"_s);
    const QString shown = model.index(1, 1).data().toString();
    QCOMPARE(shown.size(), JsonTreeModel::kMaxDisplayLength + 1);
    QCOMPARE(model.index(1, 1).data(JsonTreeModel::JsonValueRole).value<QJsonValue>().toString().size(), 2000);
}

void TestRecordFormat::jsonLinesWithBadLines()
{
    const QByteArray content = R"({"PartitionKey": "a", "DataText": "one"}
{"PartitionKey": "b", "Data": "dHdv"}

{"PartitionKey": "c", "DataText": "x"
{"DataText": "no key"}
{"PartitionKey": "d", "Data": "not base64!"}
{"PartitionKey": "e", "DataText": "x", "Data": "eA=="}
{"PartitionKey": "f", "ExplicitHashKey": "999999999999999999999999999999999999999999", "DataText": "x"}
[1, 2]
{"PartitionKey": "g", "DataText": "x", "Extra": 1}
{"PartitionKey": "", "DataText": "x"}
{"PartitionKey": "h", "ExplicitHashKey": "7", "DataJson": {"z": [1, 2]}}
)";
    const BatchParse batch = RecordBatch::parseJsonLines(content);
    QCOMPARE(batch.records.size(), 3);
    QCOMPARE(batch.lines, (QList<int>{1, 2, 12}));
    QCOMPARE(batch.records.at(0).data, QByteArray("one"));
    QCOMPARE(batch.records.at(1).data, QByteArray("two"));
    QCOMPARE(batch.records.at(2).data, QByteArray(R"({"z":[1,2]})"));
    QCOMPARE(batch.records.at(2).explicitHashKey, std::optional<QString>(u"7"_s));
    QList<int> errorLines;
    for (const BatchLineError &e : batch.errors)
        errorLines.append(e.line);
    QCOMPARE(errorLines, (QList<int>{4, 5, 6, 7, 8, 9, 10, 11}));
    QVERIFY2(batch.errors.at(0).message.startsWith(u"Column "_s), qPrintable(batch.errors.at(0).message));
    QVERIFY(batch.errors.at(1).message.contains(u"PartitionKey is missing"_s));
    QVERIFY(batch.errors.at(2).message.contains(u"base64"_s));
    QVERIFY(batch.errors.at(3).message.contains(u"only one"_s));
    QVERIFY(batch.errors.at(4).message.contains(u"explicit hash key"_s));
    QVERIFY(batch.errors.at(5).message.contains(u"JSON object"_s));
    QVERIFY(batch.errors.at(6).message.contains(u"Extra"_s));
    QVERIFY(batch.errors.at(7).message.contains(u"empty"_s));
    QCOMPARE(batch.totalBytes, qint64(3 + 1 + 3 + 1 + 11 + 1));
}

void TestRecordFormat::jsonLinesDataVariants()
{
    const BatchParse batch = RecordBatch::parseJsonLines(
        "{\"PartitionKey\":\"k\",\"DataJson\":\"text\"}\r\n{\"PartitionKey\":\"k\",\"DataJson\":12}\r\n"
        "{\"PartitionKey\":\"k\",\"DataText\":\"" + QByteArray(2000, 'x') + "\"}\n",
        1000);
    QCOMPARE(batch.records.size(), 2);
    QCOMPARE(batch.records.at(0).data, QByteArray("\"text\""));
    QCOMPARE(batch.records.at(1).data, QByteArray("12"));
    QCOMPARE(batch.errors.size(), 1);
    QCOMPARE(batch.errors.first().line, 3);
    QVERIFY(batch.errors.first().message.contains(u"at most 1,000"_s));
}

void TestRecordFormat::csvWithQuotesAndBadRows()
{
    const QByteArray content = "Data,partitionKey,explicitHashKey\r\n"
                               "hello,k1,\r\n"
                               "\"with, comma\",k2,5\r\n"
                               "\"multi\nline \"\"quoted\"\"\",k3,\n"
                               "\n"
                               "too,few\n"
                               "x,,\n"
                               "x,k4,abc\n"
                               "grüße,k5,\n";
    const BatchParse batch = RecordBatch::parseCsv(content);
    QCOMPARE(batch.records.size(), 4);
    QCOMPARE(batch.records.at(0).data, QByteArray("hello"));
    QCOMPARE(batch.records.at(0).explicitHashKey, std::nullopt);
    QCOMPARE(batch.records.at(1).data, QByteArray("with, comma"));
    QCOMPARE(batch.records.at(1).explicitHashKey, std::optional<QString>(u"5"_s));
    QCOMPARE(batch.records.at(2).data, QByteArray("multi\nline \"quoted\""));
    QCOMPARE(batch.records.at(3).data, u"grüße"_s.toUtf8());
    QCOMPARE(batch.lines, (QList<int>{2, 3, 4, 10}));
    QCOMPARE(batch.errors.size(), 3);
    QCOMPARE(batch.errors.at(0).line, 7);
    QVERIFY(batch.errors.at(0).message.contains(u"Expected 3 fields, found 2"_s));
    QCOMPARE(batch.errors.at(1).line, 8);
    QCOMPARE(batch.errors.at(2).line, 9);

    const BatchParse base64 = RecordBatch::parseCsv("partitionKey,dataBase64\nk,AAEC\nk,@@\n");
    QCOMPARE(base64.records.size(), 1);
    QCOMPARE(base64.records.first().data, QByteArray("\x00\x01\x02", 3));
    QCOMPARE(base64.errors.size(), 1);
    QCOMPARE(base64.errors.first().line, 3);

    const BatchParse unclosed = RecordBatch::parseCsv("partitionKey,data\nk,ok\nk,\"open\n");
    QCOMPARE(unclosed.records.size(), 1);
    QCOMPARE(unclosed.errors.size(), 1);
    QCOMPARE(unclosed.errors.first().line, 3);
}

void TestRecordFormat::csvHeaderProblems()
{
    QVERIFY(RecordBatch::parseCsv("key,data\nk,v\n").errors.first().message.contains(u"Unknown column"_s));
    QVERIFY(RecordBatch::parseCsv("partitionKey\nk\n").errors.first().message.contains(u"header row"_s));
    QVERIFY(RecordBatch::parseCsv("").errors.first().message.contains(u"empty"_s));
    QCOMPARE(RecordBatch::formatForFileName(u"a/b.CSV"_s), RecordBatch::Format::Csv);
    QCOMPARE(RecordBatch::formatForFileName(u"a/b.jsonl"_s), RecordBatch::Format::JsonLines);
}

void TestRecordFormat::chunksRespectCountAndBytes()
{
    QList<PutRecordsRequestEntry> records(1203, PutRecordsRequestEntry{QByteArray(10, 'x'), u"k"_s, {}});
    const auto byCount = RecordBatch::chunks(records);
    QCOMPARE(byCount.size(), 3);
    QCOMPARE(byCount.at(0).count, 500);
    QCOMPARE(byCount.at(1).first, 500);
    QCOMPARE(byCount.at(2).count, 203);

    // 1 MiB records: five fit 5 MiB only without their partition keys, so four per request.
    QList<PutRecordsRequestEntry> big(10, PutRecordsRequestEntry{QByteArray(1 << 20, 'x'), u"k"_s, {}});
    const auto byBytes = RecordBatch::chunks(big);
    QCOMPARE(byBytes.size(), 3);
    QCOMPARE(byBytes.at(0).count, 4);
    QCOMPARE(byBytes.at(1).count, 4);
    QCOMPARE(byBytes.at(2).count, 2);
    for (const BatchChunk &chunk : byBytes) {
        qint64 bytes = 0;
        for (qsizetype i = chunk.first; i < chunk.first + chunk.count; ++i)
            bytes += RecordBatch::requestBytes(big.at(i));
        QVERIFY(bytes <= RecordBatch::kMaxBytesPerRequest);
    }
    QVERIFY(RecordBatch::chunks({}).isEmpty());
}

void TestRecordFormat::templateExpansion()
{
    auto t = RecordTemplate::parse(
        u"{\"n\": {{counter}}, \"m\": {{counter:100}}, \"at\": \"{{timestamp}}\", \"s\": {{timestamp:epoch}}, "
        "\"ms\": {{timestamp:epochms}}, \"lit\": \"{{{{x}}\"}"_s);
    QVERIFY(t);
    QVERIFY(t->hasPlaceholders());
    TemplateContext context;
    context.counter = 3;
    context.nowMs = 1714564800123;
    QCOMPARE(t->expand(context),
             u"{\"n\": 3, \"m\": 102, \"at\": \"2024-05-01T12:00:00.123Z\", \"s\": 1714564800, "
             "\"ms\": 1714564800123, \"lit\": \"{{x}}\"}"_s);

    auto plain = RecordTemplate::parse(u"no placeholders } {"_s);
    QVERIFY(plain);
    QVERIFY(!plain->hasPlaceholders());
    QCOMPARE(plain->expand({}), u"no placeholders } {"_s);
}

void TestRecordFormat::templateRandomIsBoundedAndSeeded()
{
    auto t = RecordTemplate::parse(u"{{random:int:-2:2}}|{{choice:a|b|c}}|{{uuid}}|{{random:hex:6}}|{{random:float:1:2}}"_s);
    QVERIFY(t);
    QRandomGenerator random(7);
    QSet<QString> ints;
    QSet<QString> choices;
    QSet<QString> uuids;
    const QRegularExpression uuidPattern(
        u"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"_s);
    for (int i = 0; i < 500; ++i) {
        TemplateContext context;
        context.random = &random;
        const QStringList parts = t->expand(context).split(u'|');
        QCOMPARE(parts.size(), 5);
        const int n = parts.at(0).toInt();
        QVERIFY(n >= -2 && n <= 2);
        ints.insert(parts.at(0));
        choices.insert(parts.at(1));
        QVERIFY2(uuidPattern.match(parts.at(2)).hasMatch(), qPrintable(parts.at(2)));
        uuids.insert(parts.at(2));
        QVERIFY(QRegularExpression(u"^[0-9a-f]{6}$"_s).match(parts.at(3)).hasMatch());
        const double f = parts.at(4).toDouble();
        QVERIFY(f >= 1 && f < 2);
    }
    QCOMPARE(ints.size(), 5);
    QCOMPARE(choices, (QSet<QString>{u"a"_s, u"b"_s, u"c"_s}));
    QCOMPARE(uuids.size(), 500);

    // The same seed gives the same records.
    QRandomGenerator a(99);
    QRandomGenerator b(99);
    TemplateContext ca;
    ca.random = &a;
    TemplateContext cb;
    cb.random = &b;
    QCOMPARE(t->expand(ca), t->expand(cb));
}

void TestRecordFormat::templateErrorsHavePositions_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown") << u"ab{{nope}}"_s << 2 << u"Unknown placeholder"_s;
    QTest::newRow("unclosed") << u"x {{counter"_s << 2 << u"not closed"_s;
    QTest::newRow("int args") << u"{{random:int:5}}"_s << 0 << u"MIN:MAX"_s;
    QTest::newRow("int order") << u"..{{random:int:5:1}}"_s << 2 << u"greater than"_s;
    QTest::newRow("choice empty") << u"{{choice:}}"_s << 0 << u"alternative"_s;
    QTest::newRow("uuid args") << u"{{uuid:4}}"_s << 0 << u"no arguments"_s;
    QTest::newRow("timestamp") << u"{{timestamp:unix}}"_s << 0 << u"epochms"_s;
    QTest::newRow("counter") << u"{{counter:x}}"_s << 0 << u"whole number"_s;
}

void TestRecordFormat::templateErrorsHavePositions()
{
    QFETCH(QString, text);
    QFETCH(int, position);
    QFETCH(QString, message);
    const auto t = RecordTemplate::parse(text);
    QVERIFY(!t);
    QCOMPARE(t.error().position, qsizetype(position));
    QVERIFY2(t.error().message.contains(message), qPrintable(t.error().message));
}

void TestRecordFormat::templatesSavedByName()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSettings settings(dir.filePath(u"t.ini"_s), QSettings::IniFormat);
    QVERIFY(RecordTemplate::savedNames(settings).isEmpty());
    const SavedTemplate orders{u"orders"_s, u"user-{{random:int:1:9}}"_s, QString(),
                               u"{\"n\": {{counter}}}"_s, 1, 25};
    const SavedTemplate clicks{u"Clicks"_s, u"c"_s, u"5"_s, u"click"_s, 0, 1};
    RecordTemplate::save(settings, orders);
    RecordTemplate::save(settings, clicks);
    QCOMPARE(RecordTemplate::savedNames(settings), (QStringList{u"Clicks"_s, u"orders"_s}));
    QCOMPARE(RecordTemplate::load(settings, u"orders"_s), std::optional<SavedTemplate>(orders));

    SavedTemplate changed = orders;
    changed.repeat = 3;
    RecordTemplate::save(settings, changed);
    QCOMPARE(RecordTemplate::savedNames(settings).size(), 2);
    settings.sync();
    QSettings reread(dir.filePath(u"t.ini"_s), QSettings::IniFormat);
    QCOMPARE(RecordTemplate::load(reread, u"orders"_s)->repeat, 3);
    RecordTemplate::remove(reread, u"Clicks"_s);
    QCOMPARE(RecordTemplate::savedNames(reread), QStringList{u"orders"_s});
    QVERIFY(!RecordTemplate::load(reread, u"Clicks"_s));
}

QTEST_GUILESS_MAIN(TestRecordFormat)
#include "tst_recordformat.moc"
