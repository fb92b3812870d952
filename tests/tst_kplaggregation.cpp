// KPL aggregated records: de-aggregation of records made by the npm package aws-kinesis-agg
// (tests/clients/make_kpl_fixtures.mjs, run at test time; a missing node or package is a
// failure, never a skip), damaged copies of them, hand-built protobuf that breaks each rule of
// the strict reader, and our aggregator checked byte for byte against the package's and read
// back by the package's de-aggregator.

#include "records/kplaggregation.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace shardscope;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(shardscope::KplUserRecord)

namespace {

const QString kClientsDir = QStringLiteral(SHARDSCOPE_SOURCE_DIR "/tests/clients");
const QString kFixtureScript = kClientsDir + u"/make_kpl_fixtures.mjs"_s;

struct ExpectedRecord
{
    QString partitionKey;
    std::optional<QString> explicitHashKey;
    QByteArray data;
};

QList<ExpectedRecord> expectedRecords(const QJsonArray &records)
{
    QList<ExpectedRecord> out;
    for (const QJsonValue &value : records) {
        const QJsonObject record = value.toObject();
        ExpectedRecord expected;
        expected.partitionKey = record.value(u"partitionKey").toString();
        if (record.value(u"explicitHashKey").isString())
            expected.explicitHashKey = record.value(u"explicitHashKey").toString();
        expected.data = QByteArray::fromBase64(record.value(u"data").toString().toLatin1());
        out.append(expected);
    }
    return out;
}

QString describeKind(KplError::Kind kind)
{
    switch (kind) {
    case KplError::Kind::NotAggregated:
        return u"NotAggregated"_s;
    case KplError::Kind::Truncated:
        return u"Truncated"_s;
    case KplError::Kind::Malformed:
        return u"Malformed"_s;
    case KplError::Kind::MissingRequiredField:
        return u"MissingRequiredField"_s;
    case KplError::Kind::IndexOutOfRange:
        return u"IndexOutOfRange"_s;
    case KplError::Kind::InvalidUserRecord:
        return u"InvalidUserRecord"_s;
    }
    return u"?"_s;
}

QByteArray describe(const std::expected<KplDeaggregation, KplError> &result)
{
    if (result)
        return "success";
    return (describeKind(result.error().kind) % u" at " % QString::number(result.error().offset) %
            u": " % result.error().message)
        .toUtf8();
}

// Protobuf built by hand, independently of the code under test.
QByteArray varint(quint64 value)
{
    QByteArray out;
    do {
        quint8 byte = value & 0x7F;
        value >>= 7;
        if (value)
            byte |= 0x80;
        out.append(char(byte));
    } while (value);
    return out;
}

QByteArray key(quint32 field, int wireType)
{
    return varint((quint64(field) << 3) | quint64(wireType));
}

QByteArray lengthField(quint32 field, const QByteArray &payload)
{
    return key(field, 2) + varint(quint64(payload.size())) + payload;
}

QByteArray varintField(quint32 field, quint64 value)
{
    return key(field, 0) + varint(value);
}

QByteArray framed(const QByteArray &protobuf)
{
    return QByteArray("\xF3\x89\x9A\xC2", 4) + protobuf +
           QCryptographicHash::hash(protobuf, QCryptographicHash::Md5);
}

// A record: partition key index 0, data "d".
QByteArray simpleRecord()
{
    return lengthField(3, varintField(1, 0) + lengthField(3, "d"));
}

void compareRecords(const QList<KplSubRecord> &actual, const QList<ExpectedRecord> &expected,
                    QByteArrayView payload)
{
    QCOMPARE(actual.size(), expected.size());
    for (qsizetype i = 0; i < actual.size(); ++i) {
        const KplSubRecord &record = actual[i];
        QCOMPARE(record.index, i);
        QCOMPARE(record.partitionKey, expected[i].partitionKey);
        QCOMPARE(record.explicitHashKey.has_value(), expected[i].explicitHashKey.has_value());
        QCOMPARE(record.explicitHashKey.value_or(QString()),
                 expected[i].explicitHashKey.value_or(QString()));
        QCOMPARE(record.data, expected[i].data);
        QVERIFY(record.tags.isEmpty());
        // The data offset points at the data inside the aggregated payload.
        QCOMPARE(payload.sliced(record.dataOffset, record.data.size()),
                 QByteArrayView(record.data));
    }
}

} // namespace

class TestKplAggregation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void npmFixtures_data();
    void npmFixtures();
    void ourAggregatorMatchesNpmByteForByte_data();
    void ourAggregatorMatchesNpmByteForByte();
    void corruptedFixtures_data();
    void corruptedFixtures();
    void truncatedFixtures_data();
    void truncatedFixtures();
    void everyTruncationIsCaught_data();
    void everyTruncationIsCaught();
    void everyByteFlipIsCaught();
    void ourAggregatesReadByNpm();

    void handBuilt_data();
    void handBuilt();
    void handBuiltErrors_data();
    void handBuiltErrors();
    void tagsRoundTrip();
    void emptyAggregate();
    void aggregateRejectsBadUserRecords_data();
    void aggregateRejectsBadUserRecords();

private:
    QByteArray fixtureBytes(const QJsonObject &fixture) const;
    QList<QJsonObject> fixtures(const QString &kind) const;

    QTemporaryDir m_dir;
    QJsonArray m_fixtures;
    QString m_node;
};

void TestKplAggregation::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_node = QStandardPaths::findExecutable(u"node"_s);
    QVERIFY2(!m_node.isEmpty(), "node is not installed (scripts/deps installs it)");
    QVERIFY2(QFile::exists(kClientsDir + u"/node_modules/aws-kinesis-agg/package.json"_s),
             "the npm package aws-kinesis-agg is not installed: run scripts/deps "
             "(npm ci in tests/clients)");

    QProcess script;
    script.setWorkingDirectory(kClientsDir);
    script.setProcessChannelMode(QProcess::MergedChannels);
    script.start(m_node, {kFixtureScript, m_dir.path()});
    QVERIFY2(script.waitForFinished(120000), "make_kpl_fixtures.mjs did not finish");
    const QByteArray output = script.readAll();
    QVERIFY2(script.exitStatus() == QProcess::NormalExit && script.exitCode() == 0,
             output.constData());

    QFile manifest(m_dir.filePath(u"manifest.json"_s));
    QVERIFY(manifest.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(manifest.readAll()).object();
    QVERIFY(root.value(u"generator").toString().startsWith(u"aws-kinesis-agg "_s));
    m_fixtures = root.value(u"fixtures").toArray();
    QVERIFY(fixtures(u"valid"_s).size() >= 8);
    QCOMPARE(fixtures(u"corrupted-md5"_s).size(), 2);
    QCOMPARE(fixtures(u"truncated"_s).size(), 4);
}

QByteArray TestKplAggregation::fixtureBytes(const QJsonObject &fixture) const
{
    QFile file(m_dir.filePath(fixture.value(u"file").toString()));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QList<QJsonObject> TestKplAggregation::fixtures(const QString &kind) const
{
    QList<QJsonObject> out;
    for (const QJsonValue &value : m_fixtures) {
        if (value.toObject().value(u"kind").toString() == kind)
            out.append(value.toObject());
    }
    return out;
}

void TestKplAggregation::npmFixtures_data()
{
    QTest::addColumn<QJsonObject>("fixture");
    for (const QJsonObject &fixture : fixtures(u"valid"_s))
        QTest::newRow(qPrintable(fixture.value(u"name").toString())) << fixture;
}

void TestKplAggregation::npmFixtures()
{
    QFETCH(QJsonObject, fixture);
    const QByteArray payload = fixtureBytes(fixture);
    QCOMPARE(payload.size(), qsizetype(fixture.value(u"size").toInteger()));
    QVERIFY(KplAggregation::hasMagic(payload));

    const auto result = KplAggregation::deaggregate(payload);
    QVERIFY2(result.has_value(), describe(result).constData());
    QVERIFY(result->checksumMatches());
    QCOMPARE(result->storedChecksum, payload.right(16));
    compareRecords(result->records, expectedRecords(fixture.value(u"records").toArray()), payload);
}

void TestKplAggregation::ourAggregatorMatchesNpmByteForByte_data()
{
    npmFixtures_data();
}

// Same tables in first-use order, same field order, same MD5: the bytes are identical.
void TestKplAggregation::ourAggregatorMatchesNpmByteForByte()
{
    QFETCH(QJsonObject, fixture);
    QList<KplUserRecord> records;
    for (const ExpectedRecord &expected : expectedRecords(fixture.value(u"records").toArray()))
        records.append({expected.partitionKey, expected.explicitHashKey, expected.data, {}});
    const auto aggregated = KplAggregation::aggregate(records);
    QVERIFY(aggregated.has_value());
    QCOMPARE(aggregated->size(), fixtureBytes(fixture).size());
    QVERIFY(*aggregated == fixtureBytes(fixture));
}

void TestKplAggregation::corruptedFixtures_data()
{
    QTest::addColumn<QJsonObject>("fixture");
    for (const QJsonObject &fixture : fixtures(u"corrupted-md5"_s))
        QTest::newRow(qPrintable(fixture.value(u"name").toString())) << fixture;
}

// The package rejects these; we still list the sub-records, and say the checksum is wrong.
void TestKplAggregation::corruptedFixtures()
{
    QFETCH(QJsonObject, fixture);
    QCOMPARE(fixture.value(u"npmError").toString(), u"Invalid record checksum"_s);
    const QByteArray payload = fixtureBytes(fixture);
    const auto result = KplAggregation::deaggregate(payload);
    QVERIFY2(result.has_value(), describe(result).constData());
    QVERIFY(!result->checksumMatches());
    QCOMPARE(result->storedChecksum, payload.right(16));
    QCOMPARE(result->computedChecksum, QCryptographicHash::hash(payload.mid(4, payload.size() - 20),
                                                                QCryptographicHash::Md5));
    compareRecords(result->records, expectedRecords(fixture.value(u"records").toArray()), payload);
}

void TestKplAggregation::truncatedFixtures_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("expectedKind");
    QTest::addColumn<qsizetype>("expectedOffset");
    QTest::newRow("magic only") << u"truncated-magic-only"_s << int(KplError::Kind::Truncated)
                                << qsizetype(4);
    QTest::newRow("19 bytes") << u"truncated-short"_s << int(KplError::Kind::Truncated)
                              << qsizetype(19);
    QTest::newRow("half") << u"truncated-protobuf"_s << int(KplError::Kind::Truncated)
                          << qsizetype(-1);
    QTest::newRow("trailer") << u"truncated-trailer"_s << int(KplError::Kind::Truncated)
                             << qsizetype(-1);
}

void TestKplAggregation::truncatedFixtures()
{
    QFETCH(QString, name);
    QFETCH(int, expectedKind);
    QFETCH(qsizetype, expectedOffset);
    QJsonObject fixture;
    for (const QJsonObject &candidate : fixtures(u"truncated"_s)) {
        if (candidate.value(u"name").toString() == name)
            fixture = candidate;
    }
    QVERIFY(!fixture.isEmpty());
    QVERIFY(!fixture.value(u"npmError").toString().isEmpty()); // the package refuses it too
    const QByteArray payload = fixtureBytes(fixture);
    const auto result = KplAggregation::deaggregate(payload);
    QVERIFY2(!result.has_value(), "a truncated record de-aggregated");
    QCOMPARE(describeKind(result.error().kind), describeKind(KplError::Kind(expectedKind)));
    QVERIFY(result.error().offset >= 0 && result.error().offset <= payload.size());
    if (expectedOffset >= 0)
        QCOMPARE(result.error().offset, expectedOffset);
    QVERIFY(!result.error().message.isEmpty());
}

void TestKplAggregation::everyTruncationIsCaught_data()
{
    QTest::addColumn<QJsonObject>("fixture");
    for (const QJsonObject &fixture : fixtures(u"valid"_s)) {
        if (fixture.value(u"size").toInteger() < 20000) // not "big": quadratic
            QTest::newRow(qPrintable(fixture.value(u"name").toString())) << fixture;
    }
}

// Any shorter prefix either fails to parse or fails the checksum; it never reads out of bounds
// (the ASan preset and fuzz_kpl check that part).
void TestKplAggregation::everyTruncationIsCaught()
{
    QFETCH(QJsonObject, fixture);
    const QByteArray payload = fixtureBytes(fixture);
    for (qsizetype length = 0; length < payload.size(); ++length) {
        // A copy, so that reading past the prefix would be an ASan error, not a lucky read.
        const QByteArray prefix = payload.first(length);
        const auto result = KplAggregation::deaggregate(prefix);
        if (result) {
            QVERIFY2(!result->checksumMatches(), qPrintable(u"prefix of %1 bytes"_s.arg(length)));
        } else {
            QVERIFY(!result.error().message.isEmpty());
            QVERIFY(result.error().offset >= 0 && result.error().offset <= length);
            if (length < 4)
                QCOMPARE(result.error().kind, KplError::Kind::NotAggregated);
            else if (length < 20)
                QCOMPARE(result.error().kind, KplError::Kind::Truncated);
        }
    }
}

void TestKplAggregation::everyByteFlipIsCaught()
{
    const QList<QJsonObject> valid = fixtures(u"valid"_s);
    const auto found = std::find_if(valid.cbegin(), valid.cend(), [](const QJsonObject &f) {
        return f.value(u"name").toString() == u"explicit-hash-keys";
    });
    QVERIFY(found != valid.cend());
    const QByteArray payload = fixtureBytes(*found);
    for (qsizetype i = 0; i < payload.size(); ++i) {
        for (const char mask : {'\x01', '\x80', '\xFF'}) {
            QByteArray damaged = payload;
            damaged[i] = char(damaged[i] ^ mask);
            const auto result = KplAggregation::deaggregate(damaged);
            if (i < 4) {
                QVERIFY(!result);
                QCOMPARE(result.error().kind, KplError::Kind::NotAggregated);
            } else if (result) {
                QVERIFY2(!result->checksumMatches(),
                         qPrintable(u"byte %1 ^ %2"_s.arg(i).arg(int(quint8(mask)))));
            }
        }
    }
}

// Our aggregates, read by the package's de-aggregator with checksums verified.
void TestKplAggregation::ourAggregatesReadByNpm()
{
    QList<KplUserRecord> records{
        {u"user-1"_s, std::nullopt, "first", {}},
        {u"ключ-🔑"_s, u"340282366920938463463374607431768211455"_s, "Ωmega ∑ 🎉", {}},
        {u"user-1"_s, u"0"_s, QByteArray(), {}},
        {u"tagged"_s,
         std::nullopt,
         QByteArray("\x00\xFF\xF3\x89\x9A\xC2", 6),
         {{u"env"_s, u"prod"_s}, {u"flag"_s, std::nullopt}}},
    };
    QByteArray big(300 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < big.size(); ++i)
        big[i] = char((i * 131 + 7) % 251);
    records.append({u"big"_s, u"99"_s, big, {}});
    for (int i = 0; i < 200; ++i)
        records.append({u"k%1"_s.arg(i), std::nullopt, QByteArray::number(i), {}});

    const auto aggregated = KplAggregation::aggregate(records);
    QVERIFY(aggregated.has_value());
    const QString file = m_dir.filePath(u"ours.kpl"_s);
    {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        QCOMPARE(out.write(*aggregated), aggregated->size());
    }

    QProcess script;
    script.setWorkingDirectory(kClientsDir);
    script.start(m_node, {kFixtureScript, u"--deaggregate"_s, file});
    QVERIFY(script.waitForFinished(60000));
    QVERIFY2(script.exitCode() == 0, script.readAllStandardError().constData());
    const QByteArray output = script.readAllStandardOutput();
    QJsonParseError parseError{};
    const QJsonObject answer = QJsonDocument::fromJson(output, &parseError).object();
    QVERIFY2(parseError.error == QJsonParseError::NoError,
             qPrintable(parseError.errorString() % u" at "_s % QString::number(parseError.offset) %
                        u" of "_s % QString::number(output.size())));
    QVERIFY2(answer.value(u"error").isNull(), qPrintable(answer.value(u"error").toString()));
    const QList<ExpectedRecord> back = expectedRecords(answer.value(u"records").toArray());
    QCOMPARE(back.size(), records.size());
    for (qsizetype i = 0; i < records.size(); ++i) {
        QCOMPARE(back[i].partitionKey, records[i].partitionKey);
        QCOMPARE(back[i].data, records[i].data);
        // The package fills in the first table entry for records without one; compare where set.
        if (records[i].explicitHashKey)
            QCOMPARE(back[i].explicitHashKey.value_or(QString()), *records[i].explicitHashKey);
    }
}

void TestKplAggregation::handBuilt_data()
{
    QTest::addColumn<QByteArray>("protobuf");
    QTest::addColumn<QStringList>("partitionKeys");
    QTest::addColumn<QStringList>("explicitHashKeys"); // "-" for none
    QTest::addColumn<QList<QByteArray>>("data");

    const QByteArray pk = lengthField(1, "pk");
    QTest::newRow("tables after the records")
        << QByteArray(simpleRecord() + pk +
                      lengthField(3, varintField(1, 1) + varintField(2, 0) + lengthField(3, "e")) +
                      lengthField(1, "second") + lengthField(2, "7"))
        << QStringList{u"pk"_s, u"second"_s} << QStringList{u"-"_s, u"7"_s}
        << QList<QByteArray>{"d", "e"};
    QTest::newRow("unknown fields of every wire type are skipped")
        << QByteArray(varintField(15, 300) + key(16, 1) + QByteArray(8, 'x') + key(17, 5) +
                      QByteArray(4, 'y') + lengthField(18, "skip me") + pk +
                      lengthField(3, key(9, 5) + QByteArray(4, 'z') + varintField(1, 0) +
                                         lengthField(4, lengthField(1, "k") + varintField(7, 1)) +
                                         lengthField(3, "d") + lengthField(99, "x")))
        << QStringList{u"pk"_s} << QStringList{u"-"_s} << QList<QByteArray>{"d"};
    QTest::newRow("a repeated scalar: the last one wins")
        << QByteArray(pk + lengthField(1, "other") +
                      lengthField(3, varintField(1, 0) + lengthField(3, "a") + varintField(1, 1) +
                                         lengthField(3, "b")))
        << QStringList{u"other"_s} << QStringList{u"-"_s} << QList<QByteArray>{"b"};
    QTest::newRow("over-long varint encodings are accepted")
        << QByteArray(
               pk + lengthField(3, key(1, 0) + QByteArray("\x80\x80\x00", 3) + lengthField(3, "d")))
        << QStringList{u"pk"_s} << QStringList{u"-"_s} << QList<QByteArray>{"d"};
    QTest::newRow("invalid UTF-8 in a key is shown, not fatal")
        << QByteArray(lengthField(1, "a\xFF") + simpleRecord()) << QStringList{u"a\uFFFD"_s}
        << QStringList{u"-"_s} << QList<QByteArray>{"d"};
}

void TestKplAggregation::handBuilt()
{
    QFETCH(QByteArray, protobuf);
    QFETCH(QStringList, partitionKeys);
    QFETCH(QStringList, explicitHashKeys);
    QFETCH(QList<QByteArray>, data);
    const auto result = KplAggregation::deaggregate(framed(protobuf));
    QVERIFY2(result.has_value(), describe(result).constData());
    QVERIFY(result->checksumMatches());
    QCOMPARE(result->records.size(), data.size());
    for (qsizetype i = 0; i < data.size(); ++i) {
        QCOMPARE(result->records[i].partitionKey, partitionKeys[i]);
        QCOMPARE(result->records[i].explicitHashKey.value_or(u"-"_s), explicitHashKeys[i]);
        QCOMPARE(result->records[i].data, data[i]);
    }
}

void TestKplAggregation::handBuiltErrors_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("kind");
    QTest::addColumn<qsizetype>("offset");

    const QByteArray pk = lengthField(1, "pk");
    const auto add = [](const char *name, const QByteArray &payload, KplError::Kind kind,
                        qsizetype offset) {
        QTest::newRow(name) << payload << int(kind) << offset;
    };
    // Offsets count from the start of the payload: the protobuf starts at byte 4.
    add("empty payload", QByteArray(), KplError::Kind::NotAggregated, 0);
    add("plain JSON", "{\"a\":1}", KplError::Kind::NotAggregated, 0);
    add("three bytes of magic", QByteArray("\xF3\x89\x9A", 3), KplError::Kind::NotAggregated, 0);
    add("no checksum", QByteArray("\xF3\x89\x9A\xC2", 4) + pk, KplError::Kind::Truncated, 8);
    add("record without partition key index", framed(pk + lengthField(3, lengthField(3, "d"))),
        KplError::Kind::MissingRequiredField, 4 + 4 + 2);
    add("record without data", framed(pk + lengthField(3, varintField(1, 0))),
        KplError::Kind::MissingRequiredField, 4 + 4 + 2);
    add("partition key index past the table",
        framed(pk + lengthField(3, varintField(1, 1) + lengthField(3, "d"))),
        KplError::Kind::IndexOutOfRange, 10);
    add("no partition key table at all", framed(simpleRecord()), KplError::Kind::IndexOutOfRange,
        6);
    add("explicit hash key index past the table",
        framed(pk + lengthField(2, "1") +
               lengthField(3, varintField(1, 0) + varintField(2, 1) + lengthField(3, "d"))),
        KplError::Kind::IndexOutOfRange, 13);
    add("index 2^64 - 1",
        framed(pk + lengthField(3, varintField(1, ~quint64(0)) + lengthField(3, "d"))),
        KplError::Kind::IndexOutOfRange, 10);
    add("varint of 11 bytes", framed(pk + key(15, 0) + QByteArray(10, '\xFF') + '\x01'),
        KplError::Kind::Malformed, 9);
    add("varint over 64 bits", framed(pk + key(15, 0) + QByteArray(9, '\xFF') + '\x02'),
        KplError::Kind::Malformed, 9);
    add("varint cut off", framed(pk + key(15, 0) + QByteArray(3, '\xFF')),
        KplError::Kind::Truncated, 9);
    add("key cut off", framed(pk + QByteArray(1, '\x80')), KplError::Kind::Truncated, 8);
    add("length past the end", framed(pk + key(1, 2) + varint(5) + "abc"),
        KplError::Kind::Truncated, 9);
    add("length 2^63", framed(pk + key(15, 2) + varint(quint64(1) << 63) + "abc"),
        KplError::Kind::Truncated, 9);
    add("length past the end of the enclosing record",
        framed(pk + lengthField(3, varintField(1, 0) + key(3, 2) + varint(10) + "dd")),
        KplError::Kind::Truncated, 13);
    add("field number 0", framed(pk + varintField(0, 1)), KplError::Kind::Malformed, 8);
    add("start group", framed(pk + key(5, 3)), KplError::Kind::Malformed, 8);
    add("end group", framed(pk + key(5, 4)), KplError::Kind::Malformed, 8);
    add("wire type 6", framed(pk + key(5, 6)), KplError::Kind::Malformed, 8);
    add("wire type 7", framed(pk + key(5, 7)), KplError::Kind::Malformed, 8);
    add("field number above 2^29 - 1", framed(pk + key(quint32(1) << 29, 0) + varint(0)),
        KplError::Kind::Malformed, 8);
    add("records as a varint", framed(pk + varintField(3, 1)), KplError::Kind::Malformed, 8);
    add("partition key table as a varint", framed(varintField(1, 1)), KplError::Kind::Malformed, 4);
    add("data as a varint", framed(pk + lengthField(3, varintField(1, 0) + varintField(3, 1))),
        KplError::Kind::Malformed, 12);
    add("partition key index as bytes",
        framed(pk + lengthField(3, lengthField(1, "x") + lengthField(3, "d"))),
        KplError::Kind::Malformed, 10);
    add("fixed64 cut off", framed(pk + key(16, 1) + "1234567"), KplError::Kind::Truncated, 8);
    add("fixed32 cut off", framed(pk + key(17, 5) + "123"), KplError::Kind::Truncated, 8);
    add("tag without key",
        framed(pk + lengthField(3, varintField(1, 0) + lengthField(3, "d") +
                                       lengthField(4, lengthField(2, "v")))),
        KplError::Kind::MissingRequiredField, 17);
    add("tag key as a varint",
        framed(pk + lengthField(3, varintField(1, 0) + lengthField(3, "d") +
                                       lengthField(4, varintField(1, 3)))),
        KplError::Kind::Malformed, 17);
}

void TestKplAggregation::handBuiltErrors()
{
    QFETCH(QByteArray, payload);
    QFETCH(int, kind);
    QFETCH(qsizetype, offset);
    const auto result = KplAggregation::deaggregate(payload);
    QVERIFY2(!result.has_value(), "de-aggregated");
    QVERIFY2(result.error().kind == KplError::Kind(kind), describe(result).constData());
    QCOMPARE(result.error().offset, offset);
    QVERIFY(!result.error().message.isEmpty());
}

void TestKplAggregation::tagsRoundTrip()
{
    const QList<KplUserRecord> records{
        {u"a"_s,
         std::nullopt,
         "one",
         {{u"env"_s, u"prod"_s}, {u"only-key"_s, std::nullopt}, {u"empty"_s, u""_s}}},
        {u"b"_s, u"5"_s, "two", {}},
    };
    const auto aggregated = KplAggregation::aggregate(records);
    QVERIFY(aggregated.has_value());
    const auto result = KplAggregation::deaggregate(*aggregated);
    QVERIFY2(result.has_value(), describe(result).constData());
    QVERIFY(result->checksumMatches());
    QCOMPARE(result->records.size(), 2);
    QCOMPARE(result->records[0].tags, records[0].tags);
    QVERIFY(result->records[0].tags[2].value.has_value()); // present but empty is not absent
    QVERIFY(result->records[1].tags.isEmpty());
    QCOMPARE(result->partitionKeyTable, (QStringList{u"a"_s, u"b"_s}));
    QCOMPARE(result->explicitHashKeyTable, QStringList{u"5"_s});
}

void TestKplAggregation::emptyAggregate()
{
    const auto aggregated = KplAggregation::aggregate({});
    QVERIFY(aggregated.has_value());
    QCOMPARE(aggregated->size(), 20);
    const auto result = KplAggregation::deaggregate(*aggregated);
    QVERIFY2(result.has_value(), describe(result).constData());
    QVERIFY(result->checksumMatches());
    QVERIFY(result->records.isEmpty());
    QCOMPARE(result->computedChecksum,
             QCryptographicHash::hash(QByteArray(), QCryptographicHash::Md5));
}

void TestKplAggregation::aggregateRejectsBadUserRecords_data()
{
    QTest::addColumn<KplUserRecord>("record");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("empty partition key")
        << KplUserRecord{QString(), std::nullopt, "x", {}} << false;
    QTest::newRow("256 characters")
        << KplUserRecord{QString(256, u'k'), std::nullopt, "x", {}} << true;
    QTest::newRow("257 characters")
        << KplUserRecord{QString(257, u'k'), std::nullopt, "x", {}} << false;
    QTest::newRow("hash key 2^128 - 1")
        << KplUserRecord{u"k"_s, u"340282366920938463463374607431768211455"_s, "x", {}} << true;
    QTest::newRow("hash key 2^128")
        << KplUserRecord{u"k"_s, u"340282366920938463463374607431768211456"_s, "x", {}} << false;
    QTest::newRow("hash key not a number") << KplUserRecord{u"k"_s, u"abc"_s, "x", {}} << false;
    QTest::newRow("negative hash key") << KplUserRecord{u"k"_s, u"-1"_s, "x", {}} << false;
    QTest::newRow("empty hash key") << KplUserRecord{u"k"_s, QString(), "x", {}} << false;
    QTest::newRow("empty tag key")
        << KplUserRecord{u"k"_s, std::nullopt, "x", {{QString(), u"v"_s}}} << false;
}

void TestKplAggregation::aggregateRejectsBadUserRecords()
{
    QFETCH(KplUserRecord, record);
    QFETCH(bool, accepted);
    const KplUserRecord fine{u"fine"_s, std::nullopt, "ok", {}};
    const auto result = KplAggregation::aggregate({fine, record});
    QCOMPARE(result.has_value(), accepted);
    if (!accepted) {
        QCOMPARE(result.error().kind, KplError::Kind::InvalidUserRecord);
        QCOMPARE(result.error().offset, 1); // the index of the bad user record
        QVERIFY(result.error().message.contains(u"User record 1"_s));
    }
}

QTEST_GUILESS_MAIN(TestKplAggregation)
#include "tst_kplaggregation.moc"
