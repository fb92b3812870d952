#include "engine/tokencodec.h"

#include <QTest>

using namespace shardscope;

class TestTokenCodec : public QObject
{
    Q_OBJECT
private slots:
    void sealAndOpen_data();
    void sealAndOpen();
    void everyTamperedByteIsRejected();
    void otherKeyIsRejected();
    void garbageIsRejected_data();
    void garbageIsRejected();
    void randomKeysDiffer();
};

void TestTokenCodec::sealAndOpen_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::newRow("one byte") << QByteArray("x");
    QTest::newRow("binary") << QByteArray("\x00\x01\xff\xfe\x00", 5);
    QTest::newRow("long") << QByteArray(300, 'a');
}

void TestTokenCodec::sealAndOpen()
{
    QFETCH(QByteArray, payload);
    const TokenCodec codec(TokenCodec::randomKey());
    const QString token = codec.seal(payload);
    for (QChar c : token)
        QVERIFY2(c.isLetterOrNumber() || c == u'-' || c == u'_', "token must be URL-safe");
    const auto opened = codec.open(token);
    QVERIFY(opened.has_value());
    QCOMPARE(*opened, payload);
}

void TestTokenCodec::everyTamperedByteIsRejected()
{
    const TokenCodec codec(TokenCodec::randomKey());
    const QString token = codec.seal(QByteArray("stream/shard/position"));
    for (qsizetype i = 0; i < token.size(); ++i) {
        QString tampered = token;
        tampered[i] = tampered[i] == u'A' ? u'B' : u'A';
        QVERIFY2(!codec.open(tampered).has_value(), qPrintable(QString::number(i)));
    }
    QVERIFY(!codec.open(token.left(token.size() - 1)).has_value());
    QVERIFY(!codec.open(QString(token + u'A')).has_value());
}

void TestTokenCodec::otherKeyIsRejected()
{
    const TokenCodec a(TokenCodec::randomKey());
    const TokenCodec b(TokenCodec::randomKey());
    QVERIFY(!b.open(a.seal(QByteArray("payload"))).has_value());
}

void TestTokenCodec::garbageIsRejected_data()
{
    QTest::addColumn<QString>("token");
    QTest::newRow("empty") << QString();
    QTest::newRow("short") << QStringLiteral("abc");
    QTest::newRow("not base64") << QStringLiteral("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
    QTest::newRow("huge") << QString(5000, u'A');
    QTest::newRow("non-ascii") << QStringLiteral("AAAAAAAAAAAAAAAAAAAAAAAAéAAAAAAA");
}

void TestTokenCodec::garbageIsRejected()
{
    QFETCH(QString, token);
    const TokenCodec codec(TokenCodec::randomKey());
    QVERIFY(!codec.open(token).has_value());
}

void TestTokenCodec::randomKeysDiffer()
{
    const QByteArray a = TokenCodec::randomKey();
    QCOMPARE(a.size(), 32);
    QVERIFY(a != TokenCodec::randomKey());
}

QTEST_GUILESS_MAIN(TestTokenCodec)
#include "tst_tokencodec.moc"
