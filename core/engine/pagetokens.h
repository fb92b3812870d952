#pragma once

#include "tokencodec.h"

#include "kinesis/api.h"
#include "kinesis/error.h"

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <concepts>
#include <expected>
#include <optional>

namespace shardscope {

// Every payload starts with its kind, so that a token of one kind never opens as another. The
// values are stored in live tokens: never renumber them.
enum class TokenKind : quint8
{
    ShardIterator = 1,
    ListShards = 2,
    ListStreams = 3,
    ListStreamConsumers = 4,
};

// A shard iterator: where the next GetRecords of a shard starts.
struct ShardIteratorToken
{
    static constexpr TokenKind kKind = TokenKind::ShardIterator;
    qint64 issuedMs = 0;
    qint64 streamId = 0;
    qint64 streamCreatedMs = 0;
    QString streamName;
    quint32 shardIndex = 0;
    qint64 position = 0; // the sequence counter the next read starts at
    bool operator==(const ShardIteratorToken &) const = default;
};

// ListStreams' NextToken: the last stream name of the page.
struct ListStreamsToken
{
    static constexpr TokenKind kKind = TokenKind::ListStreams;
    qint64 issuedMs = 0;
    QString lastStreamName;
    bool operator==(const ListStreamsToken &) const = default;
};

// ListShards' NextToken: the stream, the last shard of the page and the filter of the first call.
struct ListShardsToken
{
    static constexpr TokenKind kKind = TokenKind::ListShards;
    qint64 issuedMs = 0;
    qint64 streamId = 0;
    QString streamName;
    qint64 lastShardIndex = -1;
    std::optional<ShardFilter> filter;
    bool operator==(const ListShardsToken &) const = default;
};

// ListStreamConsumers' NextToken: the stream and the last consumer name of the page.
struct ListStreamConsumersToken
{
    static constexpr TokenKind kKind = TokenKind::ListStreamConsumers;
    qint64 issuedMs = 0;
    qint64 streamId = 0;
    QString lastConsumerName;
    bool operator==(const ListStreamConsumersToken &) const = default;
};

template<typename T>
concept PageToken = std::same_as<T, ShardIteratorToken> || std::same_as<T, ListStreamsToken> ||
    std::same_as<T, ListShardsToken> || std::same_as<T, ListStreamConsumersToken>;

// Why a token did not open.
struct TokenFault
{
    enum class Reason
    {
        Invalid,
        Expired
    };
    Reason reason = Reason::Invalid;
    qint64 issuedMs = 0; // when an expired token was issued
    bool operator==(const TokenFault &) const = default;
};

// ListStreams', ListShards' and ListStreamConsumers' error for a NextToken that did not open.
Error nextTokenError(const TokenFault &fault);

// Seals page tokens and shard iterators into opaque, tamper-evident strings (through
// TokenCodec's HMAC) and opens them again, checking their kind and their age: this is the one
// place that knows how each kind is laid out. Thread-safe (immutable).
class PageTokens final
{
public:
    // Iterators live `iteratorLifetimeMs`, NextTokens `nextTokenLifetimeMs` after issue.
    PageTokens(QByteArray key, qint64 iteratorLifetimeMs, qint64 nextTokenLifetimeMs);

    template<PageToken Token> QString seal(const Token &token) const;
    // The token `text` holds when this codec sealed it as a `Token` no older than its lifetime
    // at `nowMs`; Invalid for anything else (tampered, another kind, truncated), Expired when
    // it is older.
    template<PageToken Token>
    std::expected<Token, TokenFault> open(QStringView text, qint64 nowMs) const;

    qint64 lifetimeMs(TokenKind kind) const;

private:
    TokenCodec m_codec;
    qint64 m_iteratorLifetimeMs = 0;
    qint64 m_nextTokenLifetimeMs = 0;
};

} // namespace shardscope
