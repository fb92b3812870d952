#include "pagetokens.h"

#include <QDataStream>
#include <QIODevice>

#include <tuple>
#include <type_traits>

namespace shardscope {

namespace {

// Each kind's fields after its kind and issue time, in payload order: the one list both
// seal() and open() follow. (T is the token or the const token.)
template<typename T>
requires std::same_as<std::remove_const_t<T>, ShardIteratorToken>
auto fields(T &t)
{
    return std::tie(t.streamId, t.streamCreatedMs, t.streamName, t.shardIndex, t.position);
}

template<typename T>
requires std::same_as<std::remove_const_t<T>, ListStreamsToken>
auto fields(T &t)
{
    return std::tie(t.lastStreamName);
}

template<typename T>
requires std::same_as<std::remove_const_t<T>, ListShardsToken>
auto fields(T &t)
{
    return std::tie(t.streamId, t.streamName, t.lastShardIndex, t.filter);
}

template<typename T>
requires std::same_as<std::remove_const_t<T>, ListStreamConsumersToken>
auto fields(T &t)
{
    return std::tie(t.streamId, t.lastConsumerName);
}

template<typename Value> void put(QDataStream &out, const Value &value)
{
    out << value;
}

template<typename Value> void get(QDataStream &in, Value &value)
{
    in >> value;
}

// A filter is its presence, type, shard id, and timestamp presence and value.
void put(QDataStream &out, const std::optional<ShardFilter> &filter)
{
    out << bool(filter.has_value()) << qint32(filter ? int(filter->type) : 0)
        << (filter ? filter->shardId : QString()) << bool(filter && filter->timestamp)
        << (filter && filter->timestamp ? *filter->timestamp : qint64(0));
}

void get(QDataStream &in, std::optional<ShardFilter> &filter)
{
    bool hasFilter = false;
    qint32 type = 0;
    QString shardId;
    bool hasTimestamp = false;
    qint64 timestamp = 0;
    in >> hasFilter >> type >> shardId >> hasTimestamp >> timestamp;
    filter.reset();
    if (!hasFilter)
        return;
    if (type < int(ShardFilterType::AfterShardId) || type > int(ShardFilterType::FromTimestamp)) {
        in.setStatus(QDataStream::ReadCorruptData);
        return;
    }
    filter = ShardFilter{static_cast<ShardFilterType>(type), shardId,
                         hasTimestamp ? std::optional<qint64>(timestamp) : std::nullopt};
}

} // namespace

Error nextTokenError(const TokenFault &fault)
{
    if (fault.reason == TokenFault::Reason::Expired)
        return Error{ErrorType::ExpiredNextToken,
                     QStringLiteral("The requested token has expired.")};
    return Error{ErrorType::InvalidArgument, QStringLiteral("Invalid NextToken.")};
}

PageTokens::PageTokens(QByteArray key, qint64 iteratorLifetimeMs, qint64 nextTokenLifetimeMs)
    : m_codec(std::move(key)), m_iteratorLifetimeMs(iteratorLifetimeMs),
      m_nextTokenLifetimeMs(nextTokenLifetimeMs)
{}

qint64 PageTokens::lifetimeMs(TokenKind kind) const
{
    return kind == TokenKind::ShardIterator ? m_iteratorLifetimeMs : m_nextTokenLifetimeMs;
}

template<PageToken Token> QString PageTokens::seal(const Token &token) const
{
    QByteArray payload;
    QDataStream out(&payload, QIODevice::WriteOnly);
    out << quint8(Token::kKind) << token.issuedMs;
    std::apply([&out](const auto &...field) { (put(out, field), ...); }, fields(token));
    return m_codec.seal(payload);
}

template<PageToken Token>
std::expected<Token, TokenFault> PageTokens::open(QStringView text, qint64 nowMs) const
{
    const auto payload = m_codec.open(text);
    if (!payload)
        return std::unexpected(TokenFault{});
    QDataStream in(*payload);
    quint8 kind = 0;
    Token token;
    in >> kind >> token.issuedMs;
    if (in.status() != QDataStream::Ok || kind != quint8(Token::kKind))
        return std::unexpected(TokenFault{});
    std::apply([&in](auto &...field) { (get(in, field), ...); }, fields(token));
    if (in.status() != QDataStream::Ok || !in.atEnd())
        return std::unexpected(TokenFault{});
    if (nowMs - token.issuedMs > lifetimeMs(Token::kKind))
        return std::unexpected(TokenFault{TokenFault::Reason::Expired, token.issuedMs});
    return token;
}

template QString PageTokens::seal(const ShardIteratorToken &) const;
template QString PageTokens::seal(const ListStreamsToken &) const;
template QString PageTokens::seal(const ListShardsToken &) const;
template QString PageTokens::seal(const ListStreamConsumersToken &) const;
template std::expected<ShardIteratorToken, TokenFault> PageTokens::open(QStringView, qint64) const;
template std::expected<ListStreamsToken, TokenFault> PageTokens::open(QStringView, qint64) const;
template std::expected<ListShardsToken, TokenFault> PageTokens::open(QStringView, qint64) const;
template std::expected<ListStreamConsumersToken, TokenFault> PageTokens::open(QStringView,
                                                                              qint64) const;

} // namespace shardscope
