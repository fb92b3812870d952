#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QUuid>

#include <expected>
#include <optional>
#include <variant>

namespace shardscope {

// The AWS event stream (`application/vnd.amazon.eventstream`), the framing SubscribeToShard's
// response body uses. Each message is
//
//   total length (u32 BE) | headers length (u32 BE) | prelude CRC32 (u32 BE, over the 8 bytes)
//   headers | payload | message CRC32 (u32 BE, over everything before it)
//
// and each header is a 1-byte name length, the name (UTF-8), a 1-byte type and the value:
// 0 true, 1 false (no value), 2 byte, 3 short, 4 int, 5 long (big-endian, signed), 6 bytes and
// 7 string (u16 BE length, then the bytes), 8 timestamp (i64 BE milliseconds since the epoch),
// 9 UUID (16 bytes). CRC32 is the one gzip uses.
namespace EventStream {

// Limits the SDKs' decoders enforce (botocore: headers ≤ 128 KiB, payload ≤ 16 MiB).
constexpr qsizetype kPreludeLength = 12;
constexpr qsizetype kMinimumMessageLength = kPreludeLength + 4;
constexpr qsizetype kMaxHeadersLength = 128 * 1024;
constexpr qsizetype kMaxPayloadLength = 16 * 1024 * 1024;

struct Timestamp
{
    qint64 msecsSinceEpoch = 0;
    bool operator==(const Timestamp &) const = default;
};

using HeaderValue = std::variant<bool, qint8, qint16, qint32, qint64, QByteArray, QString, Timestamp, QUuid>;

struct Header
{
    QString name;
    HeaderValue value;
    bool operator==(const Header &) const = default;
};

struct Message
{
    QList<Header> headers;
    QByteArray payload;

    // The value of a header, if present.
    const HeaderValue *header(QStringView name) const;
    // A string header's value; empty when absent or not a string.
    QString stringHeader(QStringView name) const;
    bool operator==(const Message &) const = default;
};

// One encoded message. Header names must be 1–255 bytes of UTF-8, byte and string values at most
// 65,535 bytes (an encoder is only handed headers it builds itself; violations assert).
QByteArray encode(const Message &message);

// The messages SubscribeToShard sends: `:message-type event` with `:event-type` and
// `:content-type`, and `:message-type exception` with `:exception-type` (payload: a JSON object
// with a "message").
QByteArray encodeEvent(const QString &eventType, const QByteArray &payload,
                       const QString &contentType = QStringLiteral("application/json"));
QByteArray encodeException(const QString &exceptionType, const QString &message,
                           const QString &contentType = QStringLiteral("application/json"));

// Reads messages from a byte stream that arrives in pieces of any size. After an error the
// decoder stays failed (the stream cannot be resynchronised: lengths are untrustworthy).
//
// Threads: one thread at a time.
class Decoder
{
public:
    // Appends bytes received.
    void feed(QByteArrayView bytes);
    // The next whole message, std::nullopt when more bytes are needed, or the error (a prelude or
    // message CRC mismatch, a length out of range, a malformed or duplicate header).
    std::expected<std::optional<Message>, QString> next();
    // Bytes held that do not yet make a whole message.
    qsizetype pending() const { return m_buffer.size() - m_offset; }
    bool failed() const { return !m_error.isEmpty(); }

private:
    std::expected<std::optional<Message>, QString> fail(QString error);

    QByteArray m_buffer;
    qsizetype m_offset = 0;
    QString m_error;
};

// Decodes exactly one message that fills `bytes`.
std::expected<Message, QString> decodeOne(QByteArrayView bytes);

} // namespace EventStream
} // namespace shardscope
