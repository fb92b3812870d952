#include "engine/pagetokens.h"
#include "engine/tokencodec.h"

#include <QDataStream>
#include <QIODevice>
#include <QTest>

using namespace shardscope;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kIssuedMs = 1'700'000'000'000;
constexpr qint64 kIteratorLifetimeMs = 5 * 60 * 1000;
constexpr qint64 kNextTokenLifetimeMs = 300 * 1000;

ShardIteratorToken iterator()
{
    return ShardIteratorToken{kIssuedMs,   7, kIssuedMs - 5000,
                              u"orders"_s, 3, (kIssuedMs << 20) + 12};
}

ListStreamsToken listStreams()
{
    return ListStreamsToken{kIssuedMs, u"stream-ü-42"_s};
}

ListShardsToken listShards()
{
    return ListShardsToken{kIssuedMs, 9, u"orders"_s, 41,
                           ShardFilter{ShardFilterType::AtTimestamp, QString(), kIssuedMs - 1000}};
}

ListStreamConsumersToken listConsumers()
{
    return ListStreamConsumersToken{kIssuedMs, 9, u"consumer-3"_s};
}

// The payload sealed inside a token, as the codec with the same key opens it.
QByteArray payloadOf(const QByteArray &key, const QString &token)
{
    return TokenCodec(key).open(token).value_or(QByteArray());
}

template<typename Token> bool opensAs(const PageTokens &tokens, const QString &text)
{
    return tokens.open<Token>(text, kIssuedMs).has_value();
}

// Whether `text` opens as any kind at all.
bool opensAsAnyKind(const PageTokens &tokens, const QString &text)
{
    return opensAs<ShardIteratorToken>(tokens, text) || opensAs<ListStreamsToken>(tokens, text) ||
           opensAs<ListShardsToken>(tokens, text) ||
           opensAs<ListStreamConsumersToken>(tokens, text);
}

} // namespace

class TestPageTokens : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip();
    void shardFilterVariantsRoundTrip_data();
    void shardFilterVariantsRoundTrip();
    void everyTamperedCharacterIsRefused();
    void oneKindNeverOpensAsAnother();
    void truncatedPayloadsAreRefused();
    void trailingBytesAreRefused();
    void corruptFilterTypeIsRefused();
    void expiresAfterItsLifetime_data();
    void expiresAfterItsLifetime();
    void otherKeyIsRefused();
    void payloadLayoutOfEarlierBuildsStillOpens();
    void nextTokenErrors();
};

void TestPageTokens::roundTrip()
{
    const PageTokens tokens(TokenCodec::randomKey(), kIteratorLifetimeMs, kNextTokenLifetimeMs);
    QCOMPARE(tokens.open<ShardIteratorToken>(tokens.seal(iterator()), kIssuedMs).value(),
             iterator());
    QCOMPARE(tokens.open<ListStreamsToken>(tokens.seal(listStreams()), kIssuedMs).value(),
             listStreams());
    QCOMPARE(tokens.open<ListShardsToken>(tokens.seal(listShards()), kIssuedMs).value(),
             listShards());
    QCOMPARE(tokens.open<ListStreamConsumersToken>(tokens.seal(listConsumers()), kIssuedMs).value(),
             listConsumers());
    // Opaque and URL-safe: nothing of the content shows.
    const QString text = tokens.seal(listStreams());
    QVERIFY(!text.contains(u"stream"_s));
    for (QChar c : text)
        QVERIFY2(c.isLetterOrNumber() || c == u'-' || c == u'_', qPrintable(text));
}

void TestPageTokens::shardFilterVariantsRoundTrip_data()
{
    QTest::addColumn<std::optional<ShardFilter>>("filter");
    QTest::newRow("none") << std::optional<ShardFilter>();
    QTest::newRow("after shard id") << std::optional<ShardFilter>(
        ShardFilter{ShardFilterType::AfterShardId, u"shardId-000000000004"_s, std::nullopt});
    QTest::newRow("at latest") << std::optional<ShardFilter>(
        ShardFilter{ShardFilterType::AtLatest, QString(), std::nullopt});
    QTest::newRow("from timestamp zero")
        << std::optional<ShardFilter>(ShardFilter{ShardFilterType::FromTimestamp, QString(), 0});
}

void TestPageTokens::shardFilterVariantsRoundTrip()
{
    QFETCH(std::optional<ShardFilter>, filter);
    const PageTokens tokens(TokenCodec::randomKey(), kIteratorLifetimeMs, kNextTokenLifetimeMs);
    ListShardsToken token = listShards();
    token.filter = filter;
    const auto opened = tokens.open<ListShardsToken>(tokens.seal(token), kIssuedMs);
    QVERIFY(opened.has_value());
    QCOMPARE(*opened, token);
}

void TestPageTokens::everyTamperedCharacterIsRefused()
{
    const PageTokens tokens(TokenCodec::randomKey(), kIteratorLifetimeMs, kNextTokenLifetimeMs);
    const QString text = tokens.seal(iterator());
    QVERIFY(opensAs<ShardIteratorToken>(tokens, text));
    for (qsizetype i = 0; i < text.size(); ++i) {
        QString tampered = text;
        tampered[i] = tampered[i] == u'A' ? u'B' : u'A';
        const auto opened = tokens.open<ShardIteratorToken>(tampered, kIssuedMs);
        QVERIFY2(!opened && opened.error().reason == TokenFault::Reason::Invalid,
                 qPrintable(QString::number(i)));
    }
}

void TestPageTokens::oneKindNeverOpensAsAnother()
{
    const PageTokens tokens(TokenCodec::randomKey(), kIteratorLifetimeMs, kNextTokenLifetimeMs);
    const QString sealed[] = {tokens.seal(iterator()), tokens.seal(listStreams()),
                              tokens.seal(listShards()), tokens.seal(listConsumers())};
    const bool expected[4][4] = {{true, false, false, false},
                                 {false, true, false, false},
                                 {false, false, true, false},
                                 {false, false, false, true}};
    for (int i = 0; i < 4; ++i) {
        const bool opened[] = {opensAs<ShardIteratorToken>(tokens, sealed[i]),
                               opensAs<ListStreamsToken>(tokens, sealed[i]),
                               opensAs<ListShardsToken>(tokens, sealed[i]),
                               opensAs<ListStreamConsumersToken>(tokens, sealed[i])};
        for (int j = 0; j < 4; ++j)
            QVERIFY2(opened[j] == expected[i][j],
                     qPrintable(u"sealed %1, opened as %2"_s.arg(i).arg(j)));
    }

    // The kind byte is what tells them apart: a ListStreamConsumers payload relabelled as a
    // ListStreams one (both hold an integer and a string after the time) is still refused,
    // because the fields do not fit.
    const QByteArray key = TokenCodec::randomKey();
    const PageTokens keyed(key, kIteratorLifetimeMs, kNextTokenLifetimeMs);
    QByteArray payload = payloadOf(key, keyed.seal(listConsumers()));
    QVERIFY(!payload.isEmpty());
    payload[0] = char(TokenKind::ListStreams);
    QVERIFY(!opensAsAnyKind(keyed, TokenCodec(key).seal(payload)));
}

void TestPageTokens::truncatedPayloadsAreRefused()
{
    const QByteArray key = TokenCodec::randomKey();
    const PageTokens tokens(key, kIteratorLifetimeMs, kNextTokenLifetimeMs);
    const TokenCodec codec(key);
    for (const QString &whole : {tokens.seal(iterator()), tokens.seal(listStreams()),
                                 tokens.seal(listShards()), tokens.seal(listConsumers())}) {
        const QByteArray payload = payloadOf(key, whole);
        QVERIFY(payload.size() > 9);
        QVERIFY(opensAsAnyKind(tokens, codec.seal(payload)));
        // Every shorter payload is sealed correctly, so only the layout check can refuse it.
        for (qsizetype length = 1; length < payload.size(); ++length)
            QVERIFY2(!opensAsAnyKind(tokens, codec.seal(payload.left(length))),
                     qPrintable(QString::number(length)));
    }
}

void TestPageTokens::trailingBytesAreRefused()
{
    const QByteArray key = TokenCodec::randomKey();
    const PageTokens tokens(key, kIteratorLifetimeMs, kNextTokenLifetimeMs);
    const QByteArray payload = payloadOf(key, tokens.seal(listStreams()));
    QVERIFY(!opensAsAnyKind(tokens, TokenCodec(key).seal(payload + QByteArray(1, '\0'))));
}

void TestPageTokens::corruptFilterTypeIsRefused()
{
    const QByteArray key = TokenCodec::randomKey();
    const PageTokens tokens(key, kIteratorLifetimeMs, kNextTokenLifetimeMs);
    QByteArray payload;
    QDataStream out(&payload, QIODevice::WriteOnly);
    out << quint8(TokenKind::ListShards) << kIssuedMs << qint64(9) << u"orders"_s << qint64(41)
        << true << qint32(17) << QString() << false << qint64(0);
    QVERIFY(!opensAs<ListShardsToken>(tokens, TokenCodec(key).seal(payload)));
}

void TestPageTokens::expiresAfterItsLifetime_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<qint64>("lifetimeMs");
    QTest::newRow("iterator") << int(TokenKind::ShardIterator) << qint64(7000);
    QTest::newRow("ListStreams") << int(TokenKind::ListStreams) << qint64(3000);
    QTest::newRow("ListShards") << int(TokenKind::ListShards) << qint64(3000);
    QTest::newRow("ListStreamConsumers") << int(TokenKind::ListStreamConsumers) << qint64(3000);
}

void TestPageTokens::expiresAfterItsLifetime()
{
    QFETCH(int, kind);
    QFETCH(qint64, lifetimeMs);
    const PageTokens tokens(TokenCodec::randomKey(), 7000, 3000);
    QCOMPARE(tokens.lifetimeMs(TokenKind(kind)), lifetimeMs);
    auto check = [&](auto token) {
        using Token = decltype(token);
        const QString text = tokens.seal(token);
        QVERIFY(tokens.open<Token>(text, kIssuedMs + lifetimeMs).has_value());
        const auto late = tokens.open<Token>(text, kIssuedMs + lifetimeMs + 1);
        QVERIFY(!late.has_value());
        QCOMPARE(late.error(), (TokenFault{TokenFault::Reason::Expired, kIssuedMs}));
    };
    switch (TokenKind(kind)) {
    case TokenKind::ShardIterator:
        check(iterator());
        break;
    case TokenKind::ListStreams:
        check(listStreams());
        break;
    case TokenKind::ListShards:
        check(listShards());
        break;
    case TokenKind::ListStreamConsumers:
        check(listConsumers());
        break;
    }
}

void TestPageTokens::otherKeyIsRefused()
{
    const PageTokens a(TokenCodec::randomKey(), kIteratorLifetimeMs, kNextTokenLifetimeMs);
    const PageTokens b(TokenCodec::randomKey(), kIteratorLifetimeMs, kNextTokenLifetimeMs);
    QVERIFY(!opensAsAnyKind(b, a.seal(iterator())));
    QVERIFY(!opensAsAnyKind(b, a.seal(listShards())));
}

void TestPageTokens::payloadLayoutOfEarlierBuildsStillOpens()
{
    // Iterators and tokens outlive an upgrade (the key is in the database): payloads laid out
    // as the builds before typed tokens wrote them by hand must open to the same values.
    const QByteArray key = TokenCodec::randomKey();
    const PageTokens tokens(key, kIteratorLifetimeMs, kNextTokenLifetimeMs);
    const TokenCodec codec(key);
    const ShardIteratorToken it = iterator();
    QByteArray payload;
    {
        QDataStream out(&payload, QIODevice::WriteOnly);
        out << quint8(1) << it.issuedMs << it.streamId << it.streamCreatedMs << it.streamName
            << it.shardIndex << it.position;
    }
    QCOMPARE(tokens.open<ShardIteratorToken>(codec.seal(payload), kIssuedMs).value(), it);
    QCOMPARE(payloadOf(key, tokens.seal(it)), payload);

    const ListShardsToken shards = listShards();
    payload.clear();
    {
        QDataStream out(&payload, QIODevice::WriteOnly);
        out << quint8(2) << shards.issuedMs << shards.streamId << shards.streamName
            << shards.lastShardIndex << true << qint32(int(shards.filter->type))
            << shards.filter->shardId << true << *shards.filter->timestamp;
    }
    QCOMPARE(tokens.open<ListShardsToken>(codec.seal(payload), kIssuedMs).value(), shards);
    QCOMPARE(payloadOf(key, tokens.seal(shards)), payload);
}

void TestPageTokens::nextTokenErrors()
{
    const Error invalid = nextTokenError(TokenFault{});
    QCOMPARE(invalid.type, ErrorType::InvalidArgument);
    QCOMPARE(invalid.message, u"Invalid NextToken."_s);
    const Error expired = nextTokenError(TokenFault{TokenFault::Reason::Expired, kIssuedMs});
    QCOMPARE(expired.type, ErrorType::ExpiredNextToken);
    QCOMPARE(expired.message, u"The requested token has expired."_s);
}

QTEST_GUILESS_MAIN(TestPageTokens)
#include "tst_pagetokens.moc"
