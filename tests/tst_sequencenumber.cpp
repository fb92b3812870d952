#include "kinesis/sequencenumber.h"
#include "kinesis/shardid.h"
#include "kinesis/streamarn.h"

#include <QTest>

using namespace shardscope;

// Sequence numbers, and the two other identifier formats they travel with (shard ids, ARNs).
class TestSequenceNumber : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip_data();
    void roundTrip();
    void textOrderIsNumericOrder();
    void embedsArrivalTime();
    void layoutIsAwsLength();
    void rejectsForeignNumbers_data();
    void rejectsForeignNumbers();
    void awsNumbersAreNeverOurs();
    void legacyLayout_data();
    void legacyLayout();
    void writeTextOfForeignNumbers();
    void wirePattern_data();
    void wirePattern();
    void shardIdFormat();
    void shardIdParse_data();
    void shardIdParse();
    void streamArn_data();
    void streamArn();
};

void TestSequenceNumber::roundTrip_data()
{
    QTest::addColumn<qint64>("counter");
    QTest::addColumn<quint32>("shard");
    QTest::newRow("zero") << qint64(0) << quint32(0);
    QTest::newRow("now") << SequenceNumber::counterAt(1'700'000'000'000) << quint32(3);
    QTest::newRow("max") << std::numeric_limits<qint64>::max() << std::numeric_limits<quint32>::max();
}

void TestSequenceNumber::roundTrip()
{
    QFETCH(qint64, counter);
    QFETCH(quint32, shard);
    const SequenceNumber seq{counter, shard};
    const QString text = seq.toString();
    QCOMPARE(text.size(), SequenceNumber::kTextLength);
    QCOMPARE(text.size(), 56);
    QVERIFY(text.startsWith(QStringLiteral("49")));
    QVERIFY(SequenceNumber::matchesWirePattern(text));
    const auto parsed = SequenceNumber::parse(text);
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->counter, counter);
    QCOMPARE(parsed->shardIndex, shard);
}

// Encoders write the text in place: a number issued elsewhere comes out exactly as it came in.
void TestSequenceNumber::writeTextOfForeignNumbers()
{
    const QString aws = QStringLiteral("49590338271490256608559692538361571095921575989136588898");
    const auto foreign = SequenceNumber::fromWire(aws);
    QVERIFY(foreign.has_value());
    char buffer[SequenceNumber::kMaxTextLength];
    const qsizetype length = foreign->writeText(buffer);
    QCOMPARE(QString::fromLatin1(buffer, length), aws);
    const SequenceNumber ours{SequenceNumber::counterAt(1'700'000'000'000), 7};
    QCOMPARE(QString::fromLatin1(buffer, ours.writeText(buffer)), ours.toString());
}

void TestSequenceNumber::textOrderIsNumericOrder()
{
    const QList<SequenceNumber> ordered = {
        {1, 5}, {2, 0}, {2, 1}, {SequenceNumber::counterAt(1000), 0},
        {SequenceNumber::counterAt(1000) + 1, 0}, {SequenceNumber::counterAt(2000), 7}};
    for (qsizetype i = 1; i < ordered.size(); ++i) {
        QVERIFY(ordered[i - 1] < ordered[i]);
        QVERIFY(ordered[i - 1].toString() < ordered[i].toString());
    }
}

void TestSequenceNumber::embedsArrivalTime()
{
    const qint64 ms = 1'764'172'800'123;
    const SequenceNumber seq{SequenceNumber::counterAt(ms) + 42, 1};
    QCOMPARE(seq.arrivalMs(), ms);
}

// "49", the marker, the counter and the shard index, as the layout says.
void TestSequenceNumber::layoutIsAwsLength()
{
    const SequenceNumber seq{SequenceNumber::counterAt(1'700'000'000'000) + 5, 12};
    QCOMPARE(seq.toString(), QStringLiteral("49") + QLatin1StringView(SequenceNumber::kMarker) +
                                 QStringLiteral("01782579200000000005") +
                                 QStringLiteral("0000000012"));
    QCOMPARE(QLatin1StringView(SequenceNumber::kMarker).size(), 24);
}

void TestSequenceNumber::rejectsForeignNumbers_data()
{
    const QString marker = QLatin1StringView(SequenceNumber::kMarker);
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << QStringLiteral("0");
    QTest::newRow("short") << QStringLiteral("49123");
    QTest::newRow("aws 56 digits")
        << QStringLiteral("49590338271490256608559692538361571095921575989136588898");
    QTest::newRow("wrong prefix") << (u"50" % marker % u"017825792000000000050000000012");
    QTest::newRow("marker differs") << (u"49" % QString(marker).replace(23, 1, u'2') %
                                        u"017825792000000000050000000012");
    QTest::newRow("letters") << (u"49" % marker % u"01782579200000000005000000001a");
    QTest::newRow("counter overflow") << (u"49" % marker % u"999999999999999999990000000000");
    QTest::newRow("shard overflow") << (u"49" % marker % u"000000000000000000019999999999");
    QTest::newRow("57 digits") << (u"49" % marker % u"0178257920000000000500000000120");
    QTest::newRow("32-digit layout") << QStringLiteral("49017825792000000000050000000012");
}

void TestSequenceNumber::rejectsForeignNumbers()
{
    QFETCH(QString, text);
    QVERIFY(!SequenceNumber::parse(text).has_value());
    // Still a number on the wire: kept as its text, exactly.
    if (SequenceNumber::matchesWirePattern(text)) {
        const auto wire = SequenceNumber::fromWire(text);
        QVERIFY(wire.has_value());
        QVERIFY(wire->isForeign());
        QCOMPARE(wire->toString(), text);
    }
}

// AWS's numbers (as kinesalite decodes their layout) lie in (2^185, 2^185 + 2^184); the largest
// number of ours is below the smallest of them, so no marker collision is even possible.
void TestSequenceNumber::awsNumbersAreNeverOurs()
{
    const QString twoTo185 = QStringLiteral("49039857307708443467467104868809893875799651909875269632");
    const SequenceNumber largest{std::numeric_limits<qint64>::max(),
                                 std::numeric_limits<quint32>::max()};
    QCOMPARE(largest.toString().size(), twoTo185.size());
    QVERIFY(largest.toString() < twoTo185);
    QVERIFY(largest < *SequenceNumber::fromWire(twoTo185));
    // Real ones, from AWS and from kinesalite, are read as foreign text.
    for (const QString &aws : {QStringLiteral("49590338271490256608559692538361571095921575989136588898"),
                               QStringLiteral("49545115243490985018280067714973144582180062593244200962"),
                               QStringLiteral("49039857307708443467467104868809893875799651909875269634")}) {
        QVERIFY(!SequenceNumber::parse(aws).has_value());
        QVERIFY(SequenceNumber::fromWire(aws)->isForeign());
        QVERIFY(!SequenceNumber::shardIndexOf(aws).has_value()); // names no shard we can see
    }
    QCOMPARE(SequenceNumber::shardIndexOf(largest.toString()),
             std::optional<quint32>(std::numeric_limits<quint32>::max()));
}

void TestSequenceNumber::legacyLayout_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("counter");
    QTest::addColumn<quint32>("shard");
    QTest::newRow("issued before 56 digits") << QStringLiteral("49017825792000000000050000000012")
                                             << true << SequenceNumber::counterAt(1'700'000'000'000) + 5
                                             << quint32(12);
    QTest::newRow("56-digit layout") << SequenceNumber{5, 1}.toString() << false << qint64(0)
                                     << quint32(0);
    QTest::newRow("wrong prefix") << QStringLiteral("59017825792000000000050000000012") << false
                                  << qint64(0) << quint32(0);
    QTest::newRow("counter overflow") << QStringLiteral("49999999999999999999990000000000")
                                      << false << qint64(0) << quint32(0);
    QTest::newRow("shard overflow") << QStringLiteral("49000000000000000000019999999999") << false
                                    << qint64(0) << quint32(0);
}

void TestSequenceNumber::legacyLayout()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(qint64, counter);
    QFETCH(quint32, shard);
    const auto parsed = SequenceNumber::parseLegacy(text);
    QCOMPARE(parsed.has_value(), valid);
    // A number typed or saved before the upgrade still names its shard (as today's numbers do).
    const auto current = SequenceNumber::parse(text);
    QCOMPARE(SequenceNumber::shardIndexOf(text),
             valid     ? std::optional<quint32>(shard)
             : current ? std::optional<quint32>(current->shardIndex)
                       : std::optional<quint32>());
    if (valid) {
        QCOMPARE(parsed->counter, counter);
        QCOMPARE(parsed->shardIndex, shard);
        // The same number in today's layout: what the engine gives out for that record now.
        QCOMPARE(parsed->toString().right(30), text.right(30));
    }
    QVERIFY(!SequenceNumber::fromWire(text)->isForeign() == (text.size() == 56));
}

void TestSequenceNumber::wirePattern_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("matches");
    QTest::newRow("zero") << QStringLiteral("0") << true;
    QTest::newRow("digits") << QStringLiteral("123456789") << true;
    QTest::newRow("129 digits") << (QStringLiteral("1") + QString(128, u'0')) << true;
    QTest::newRow("130 digits") << (QStringLiteral("1") + QString(129, u'0')) << false;
    QTest::newRow("leading zero") << QStringLiteral("0123") << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("sign") << QStringLiteral("-5") << false;
}

void TestSequenceNumber::wirePattern()
{
    QFETCH(QString, text);
    QFETCH(bool, matches);
    QCOMPARE(SequenceNumber::matchesWirePattern(text), matches);
}

void TestSequenceNumber::shardIdFormat()
{
    QCOMPARE(ShardId::format(0), QStringLiteral("shardId-000000000000"));
    QCOMPARE(ShardId::format(42), QStringLiteral("shardId-000000000042"));
}

void TestSequenceNumber::shardIdParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("index"); // -1: not a shard id
    QTest::newRow("canonical") << QStringLiteral("shardId-000000000005") << 5;
    QTest::newRow("short") << QStringLiteral("shardId-5") << 5;
    QTest::newRow("bare digits") << QStringLiteral("7") << 7;
    QTest::newRow("other prefix") << QStringLiteral("shard-9") << 9;
    QTest::newRow("max") << QStringLiteral("shardId-2147483647") << 2147483647;
    QTest::newRow("too large") << QStringLiteral("shardId-2147483648") << -1;
    QTest::newRow("letters") << QStringLiteral("ABKLFD8") << -1;
    QTest::newRow("float") << QStringLiteral("2.14E4") << -1;
    QTest::newRow("empty digits") << QStringLiteral("shardId-") << -1;
}

void TestSequenceNumber::shardIdParse()
{
    QFETCH(QString, text);
    QFETCH(int, index);
    const auto parsed = ShardId::parse(text);
    if (index < 0) {
        QVERIFY(!parsed.has_value());
    } else {
        QVERIFY(parsed.has_value());
        QCOMPARE(*parsed, quint32(index));
    }
}

void TestSequenceNumber::streamArn_data()
{
    QTest::addColumn<QString>("arn");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("name");
    QTest::newRow("plain") << QStringLiteral("arn:aws:kinesis:us-east-1:000000000000:stream/demo")
                           << true << QStringLiteral("demo");
    QTest::newRow("partition") << QStringLiteral("arn:aws-cn:kinesis:cn-north-1:123456789012:stream/a.b-c_d")
                               << true << QStringLiteral("a.b-c_d");
    QTest::newRow("other service") << QStringLiteral("arn:aws:sqs:us-east-1:000000000000:stream/demo")
                                   << false << QString();
    QTest::newRow("short account") << QStringLiteral("arn:aws:kinesis:us-east-1:123:stream/demo")
                                   << false << QString();
    QTest::newRow("no name") << QStringLiteral("arn:aws:kinesis:us-east-1:000000000000:stream/")
                             << false << QString();
    QTest::newRow("consumer") << QStringLiteral("arn:aws:kinesis:us-east-1:000000000000:stream/s/consumer/c:1")
                              << false << QString();
}

void TestSequenceNumber::streamArn()
{
    QFETCH(QString, arn);
    QFETCH(bool, valid);
    QFETCH(QString, name);
    const auto parsed = StreamArn::parse(arn);
    QCOMPARE(parsed.has_value(), valid);
    if (valid) {
        QCOMPARE(parsed->streamName, name);
        QCOMPARE(parsed->toString(), arn);
    }
}

QTEST_GUILESS_MAIN(TestSequenceNumber)
#include "tst_sequencenumber.moc"
