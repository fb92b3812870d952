// DurationText: lags and "how long ago" in the largest unit that keeps them readable, a tenth
// below 10 where there is one, whole numbers above, and values that round up to the next unit
// shown in it.

#include "models/durationtext.h"

#include <QLocale>
#include <QTest>

using namespace shardscope;
using namespace Qt::StringLiterals;

class TestDurationText final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void compact_data();
    void compact();
    void ago();
};

void TestDurationText::compact_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << u"0 ms"_s;
    QTest::newRow("negative") << qint64(-5) << u"0 ms"_s;
    QTest::newRow("ms") << qint64(850) << u"850 ms"_s;
    QTest::newRow("last ms") << qint64(999) << u"999 ms"_s;
    QTest::newRow("one second") << qint64(1000) << u"1 s"_s;
    QTest::newRow("tenths") << qint64(3200) << u"3.2 s"_s;
    QTest::newRow("tenth rounds to whole") << qint64(3960) << u"4 s"_s;
    QTest::newRow("rounds to 10") << qint64(9960) << u"10 s"_s;
    QTest::newRow("whole seconds") << qint64(42'400) << u"42 s"_s;
    QTest::newRow("rounds up to a minute") << qint64(59'600) << u"1 min"_s;
    QTest::newRow("minutes") << qint64(240'000) << u"4 min"_s;
    QTest::newRow("minutes and a half") << qint64(270'000) << u"4.5 min"_s;
    QTest::newRow("many minutes") << qint64(45 * 60'000 + 20'000) << u"45 min"_s;
    QTest::newRow("hours") << qint64(90 * 60'000) << u"1.5 h"_s;
    QTest::newRow("a day") << qint64(24 * 3'600'000) << u"1 d"_s;
    QTest::newRow("retention's end") << qint64(365) * 24 * 3'600'000 << u"365 d"_s;
}

void TestDurationText::compact()
{
    QFETCH(qint64, ms);
    QFETCH(QString, text);
    QCOMPARE(DurationText::compact(ms), text);
}

void TestDurationText::ago()
{
    QCOMPARE(DurationText::ago(0), u"just now"_s);
    QCOMPARE(DurationText::ago(999), u"just now"_s);
    QCOMPARE(DurationText::ago(4200), u"4.2 s ago"_s);
    QCOMPARE(DurationText::ago(240'000), u"4 min ago"_s);
}

QTEST_GUILESS_MAIN(TestDurationText)
#include "tst_durationtext.moc"
