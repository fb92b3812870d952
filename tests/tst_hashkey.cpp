#include "kinesis/hashkey.h"

#include <QTest>

using namespace shardscope;

class TestHashKey : public QObject
{
    Q_OBJECT
private slots:
    void decimalRoundTrip_data();
    void decimalRoundTrip();
    void rejectsInvalidDecimal_data();
    void rejectsInvalidDecimal();
    void md5Routing_data();
    void md5Routing();
    void evenSplitTiles_data();
    void evenSplitTiles();
    void evenSplitMatchesKinesis();
    void midpointSplitsInHalf();
    void adjacency();
};

void TestHashKey::decimalRoundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << QStringLiteral("0");
    QTest::newRow("one") << QStringLiteral("1");
    QTest::newRow("2^64") << QStringLiteral("18446744073709551616");
    QTest::newRow("2^127") << QStringLiteral("170141183460469231731687303715884105728");
    QTest::newRow("max") << QStringLiteral("340282366920938463463374607431768211455");
}

void TestHashKey::decimalRoundTrip()
{
    QFETCH(QString, text);
    const auto key = HashKey::fromDecimal(text);
    QVERIFY(key.has_value());
    QCOMPARE(key->toDecimal(), text);
}

void TestHashKey::rejectsInvalidDecimal_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("leading zero") << QStringLiteral("01");
    QTest::newRow("negative") << QStringLiteral("-1");
    QTest::newRow("letters") << QStringLiteral("12a");
    QTest::newRow("2^128") << QStringLiteral("340282366920938463463374607431768211456");
    QTest::newRow("40 digits") << QStringLiteral("1000000000000000000000000000000000000000");
}

void TestHashKey::rejectsInvalidDecimal()
{
    QFETCH(QString, text);
    QVERIFY(!HashKey::fromDecimal(text).has_value());
}

void TestHashKey::md5Routing_data()
{
    // Expected values: MD5 of the UTF-8 key as a big-endian 128-bit integer (from `md5sum`).
    QTest::addColumn<QString>("partitionKey");
    QTest::addColumn<QString>("hashKey");
    QTest::newRow("a") << QStringLiteral("a")
                       << QStringLiteral("16955237001963240173058271559858726497"); // md5("a") = 0cc175b9...2661
    QTest::newRow("user-42") << QStringLiteral("user-42") << QString();
    QTest::newRow("unicode") << QStringLiteral("schlüssel") << QString();
}

void TestHashKey::md5Routing()
{
    QFETCH(QString, partitionKey);
    QFETCH(QString, hashKey);
    const HashKey key = HashKey::fromPartitionKey(partitionKey);
    // Independent computation: digest bytes folded by hand.
    const QByteArray digest =
        QCryptographicHash::hash(partitionKey.toUtf8(), QCryptographicHash::Md5);
    uint128 expected = 0;
    for (char c : digest)
        expected = (expected << 8) | static_cast<unsigned char>(c);
    QCOMPARE(key.value == expected, true);
    if (!hashKey.isEmpty())
        QCOMPARE(key.toDecimal(), hashKey);
}

void TestHashKey::evenSplitTiles_data()
{
    QTest::addColumn<int>("count");
    for (int n : {1, 2, 3, 4, 5, 7, 8, 10, 16, 33, 100, 500})
        QTest::newRow(qPrintable(QString::number(n))) << n;
}

void TestHashKey::evenSplitTiles()
{
    QFETCH(int, count);
    const QList<HashKeyRange> ranges = HashKeyRange::evenSplit(count);
    QCOMPARE(ranges.size(), count);
    QCOMPARE(ranges.front().start.value == 0, true);
    QCOMPARE(ranges.back().end == HashKey::max(), true);
    for (int i = 1; i < count; ++i)
        QVERIFY(ranges[i - 1].isAdjacentBefore(ranges[i]));
    // All but the last have the same size; the last is at least as large.
    for (int i = 1; i < count - 1; ++i)
        QVERIFY(ranges[i].span() == ranges[0].span());
    QVERIFY(ranges.back().span() >= ranges[0].span());
}

void TestHashKey::evenSplitMatchesKinesis()
{
    // The layout Kinesis gives a new 3-shard stream.
    const QList<HashKeyRange> r = HashKeyRange::evenSplit(3);
    QCOMPARE(r[0].end.toDecimal(), QStringLiteral("113427455640312821154458202477256070484"));
    QCOMPARE(r[1].start.toDecimal(), QStringLiteral("113427455640312821154458202477256070485"));
    QCOMPARE(r[1].end.toDecimal(), QStringLiteral("226854911280625642308916404954512140969"));
    QCOMPARE(r[2].start.toDecimal(), QStringLiteral("226854911280625642308916404954512140970"));
    const QList<HashKeyRange> two = HashKeyRange::evenSplit(2);
    QCOMPARE(two[0].end.toDecimal(), QStringLiteral("170141183460469231731687303715884105727"));
    QCOMPARE(two[1].start.toDecimal(), QStringLiteral("170141183460469231731687303715884105728"));
}

void TestHashKey::midpointSplitsInHalf()
{
    const HashKeyRange full{HashKey{0}, HashKey::max()};
    QCOMPARE(full.midpoint().toDecimal(), QStringLiteral("170141183460469231731687303715884105728"));
    const HashKeyRange small{HashKey{10}, HashKey{20}};
    QCOMPARE(small.midpoint().value == 16, true);
    QVERIFY(small.contains(HashKey{10}));
    QVERIFY(small.contains(HashKey{20}));
    QVERIFY(!small.contains(HashKey{21}));
}

void TestHashKey::adjacency()
{
    const HashKeyRange a{HashKey{0}, HashKey{9}};
    const HashKeyRange b{HashKey{10}, HashKey{20}};
    const HashKeyRange c{HashKey{22}, HashKey{30}};
    QVERIFY(a.isAdjacentBefore(b));
    QVERIFY(!b.isAdjacentBefore(a));
    QVERIFY(!b.isAdjacentBefore(c));
    const HashKeyRange last{HashKey{5}, HashKey::max()};
    QVERIFY(!last.isAdjacentBefore(a));
}

QTEST_GUILESS_MAIN(TestHashKey)
#include "tst_hashkey.moc"
