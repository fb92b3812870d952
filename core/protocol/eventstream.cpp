#include "protocol/eventstream.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStringDecoder>
#include <QtEndian>

#include <zlib.h>

namespace shardscope::EventStream {

namespace {

enum Type : quint8 {
    True = 0,
    False = 1,
    Byte = 2,
    Short = 3,
    Int = 4,
    Long = 5,
    Bytes = 6,
    String = 7,
    TimestampType = 8,
    Uuid = 9,
};

quint32 crc32Of(QByteArrayView bytes, quint32 crc = 0)
{
    uLong value = crc;
    // zlib counts in uInt; a message is at most 16 MiB + 128 KiB, far below.
    value = ::crc32(value, reinterpret_cast<const Bytef *>(bytes.data()), uInt(bytes.size()));
    return quint32(value);
}

template<typename T>
void appendBigEndian(QByteArray &out, T value)
{
    char raw[sizeof(T)];
    qToBigEndian(value, raw);
    out.append(raw, sizeof(T));
}

template<typename T>
T readBigEndian(const char *at)
{
    return qFromBigEndian<T>(at);
}

void appendShortBytes(QByteArray &out, QByteArrayView bytes)
{
    Q_ASSERT(bytes.size() <= 0xffff);
    appendBigEndian(out, quint16(bytes.size()));
    out.append(bytes);
}

void appendHeader(QByteArray &out, const Header &header)
{
    const QByteArray name = header.name.toUtf8();
    Q_ASSERT(!name.isEmpty() && name.size() <= 0xff);
    out.append(char(quint8(name.size())));
    out.append(name);
    std::visit(
        [&out](const auto &value) {
            using V = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<V, bool>) {
                out.append(char(value ? True : False));
            } else if constexpr (std::is_same_v<V, qint8>) {
                out.append(char(Byte));
                out.append(char(value));
            } else if constexpr (std::is_same_v<V, qint16>) {
                out.append(char(Short));
                appendBigEndian(out, value);
            } else if constexpr (std::is_same_v<V, qint32>) {
                out.append(char(Int));
                appendBigEndian(out, value);
            } else if constexpr (std::is_same_v<V, qint64>) {
                out.append(char(Long));
                appendBigEndian(out, value);
            } else if constexpr (std::is_same_v<V, QByteArray>) {
                out.append(char(Bytes));
                appendShortBytes(out, value);
            } else if constexpr (std::is_same_v<V, QString>) {
                out.append(char(String));
                appendShortBytes(out, value.toUtf8());
            } else if constexpr (std::is_same_v<V, Timestamp>) {
                out.append(char(TimestampType));
                appendBigEndian(out, value.msecsSinceEpoch);
            } else {
                static_assert(std::is_same_v<V, QUuid>);
                out.append(char(Uuid));
                out.append(value.toRfc4122());
            }
        },
        header.value);
}

// Reads the headers section; an error names what is wrong.
std::expected<QList<Header>, QString> parseHeaders(QByteArrayView bytes)
{
    QList<Header> headers;
    QSet<QString> seen;
    qsizetype at = 0;
    const qsizetype end = bytes.size();
    const char *data = bytes.data();
    auto need = [&](qsizetype count) { return end - at >= count; };
    auto utf8 = [](QByteArrayView raw) -> std::optional<QString> {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
        QString text = decoder(raw);
        if (decoder.hasError())
            return std::nullopt;
        return text;
    };
    while (at < end) {
        const qsizetype nameLength = quint8(data[at++]);
        if (nameLength == 0)
            return std::unexpected(QStringLiteral("A header has an empty name."));
        if (!need(nameLength + 1))
            return std::unexpected(QStringLiteral("A header runs past the end of the headers."));
        const std::optional<QString> name = utf8(bytes.sliced(at, nameLength));
        if (!name)
            return std::unexpected(QStringLiteral("A header name is not UTF-8."));
        at += nameLength;
        const quint8 type = quint8(data[at++]);
        HeaderValue value;
        switch (type) {
        case True:
        case False:
            value = type == True;
            break;
        case Byte:
            if (!need(1))
                return std::unexpected(QStringLiteral("Header %1 runs past the end of the headers.").arg(*name));
            value = qint8(data[at]);
            at += 1;
            break;
        case Short:
            if (!need(2))
                return std::unexpected(QStringLiteral("Header %1 runs past the end of the headers.").arg(*name));
            value = readBigEndian<qint16>(data + at);
            at += 2;
            break;
        case Int:
            if (!need(4))
                return std::unexpected(QStringLiteral("Header %1 runs past the end of the headers.").arg(*name));
            value = readBigEndian<qint32>(data + at);
            at += 4;
            break;
        case Long:
        case TimestampType:
            if (!need(8))
                return std::unexpected(QStringLiteral("Header %1 runs past the end of the headers.").arg(*name));
            if (type == Long)
                value = readBigEndian<qint64>(data + at);
            else
                value = Timestamp{readBigEndian<qint64>(data + at)};
            at += 8;
            break;
        case Bytes:
        case String: {
            if (!need(2))
                return std::unexpected(QStringLiteral("Header %1 runs past the end of the headers.").arg(*name));
            const qsizetype length = readBigEndian<quint16>(data + at);
            at += 2;
            if (!need(length))
                return std::unexpected(QStringLiteral("Header %1 runs past the end of the headers.").arg(*name));
            const QByteArrayView raw = bytes.sliced(at, length);
            at += length;
            if (type == Bytes) {
                value = raw.toByteArray();
            } else {
                std::optional<QString> text = utf8(raw);
                if (!text)
                    return std::unexpected(QStringLiteral("Header %1 is not UTF-8.").arg(*name));
                value = *text;
            }
            break;
        }
        case Uuid:
            if (!need(16))
                return std::unexpected(QStringLiteral("Header %1 runs past the end of the headers.").arg(*name));
            value = QUuid::fromRfc4122(bytes.sliced(at, 16));
            at += 16;
            break;
        default:
            return std::unexpected(QStringLiteral("Header %1 has an unknown type %2.").arg(*name).arg(type));
        }
        if (seen.contains(*name))
            return std::unexpected(QStringLiteral("Header %1 appears twice.").arg(*name));
        seen.insert(*name);
        headers.append(Header{*name, std::move(value)});
    }
    return headers;
}

struct Prelude
{
    qsizetype totalLength = 0;
    qsizetype headersLength = 0;
};

std::expected<Prelude, QString> parsePrelude(const char *data)
{
    const quint32 total = readBigEndian<quint32>(data);
    const quint32 headers = readBigEndian<quint32>(data + 4);
    const quint32 crc = readBigEndian<quint32>(data + 8);
    const quint32 computed = crc32Of(QByteArrayView(data, 8));
    if (crc != computed)
        return std::unexpected(QStringLiteral("Prelude checksum mismatch: expected 0x%1, computed 0x%2.")
                                   .arg(crc, 8, 16, QLatin1Char('0'))
                                   .arg(computed, 8, 16, QLatin1Char('0')));
    if (headers > kMaxHeadersLength)
        return std::unexpected(QStringLiteral("Headers length of %1 exceeds the maximum of %2.")
                                   .arg(headers)
                                   .arg(kMaxHeadersLength));
    if (total < kMinimumMessageLength || qint64(total) - kMinimumMessageLength < qint64(headers))
        return std::unexpected(QStringLiteral("Message length of %1 cannot hold its prelude, %2 bytes of headers and a checksum.")
                                   .arg(total)
                                   .arg(headers));
    const qint64 payload = qint64(total) - kMinimumMessageLength - headers;
    if (payload > kMaxPayloadLength)
        return std::unexpected(QStringLiteral("Payload length of %1 exceeds the maximum of %2.")
                                   .arg(payload)
                                   .arg(kMaxPayloadLength));
    return Prelude{qsizetype(total), qsizetype(headers)};
}

// Decodes the message at `bytes`, whose prelude is `prelude` and which holds all of it.
std::expected<Message, QString> decodeMessage(QByteArrayView bytes, const Prelude &prelude)
{
    const qsizetype crcAt = prelude.totalLength - 4;
    const quint32 crc = readBigEndian<quint32>(bytes.data() + crcAt);
    const quint32 computed = crc32Of(bytes.first(crcAt));
    if (crc != computed)
        return std::unexpected(QStringLiteral("Message checksum mismatch: expected 0x%1, computed 0x%2.")
                                   .arg(crc, 8, 16, QLatin1Char('0'))
                                   .arg(computed, 8, 16, QLatin1Char('0')));
    auto headers = parseHeaders(bytes.sliced(kPreludeLength, prelude.headersLength));
    if (!headers)
        return std::unexpected(headers.error());
    const qsizetype payloadAt = kPreludeLength + prelude.headersLength;
    return Message{std::move(*headers), bytes.sliced(payloadAt, crcAt - payloadAt).toByteArray()};
}

} // namespace

const HeaderValue *Message::header(QStringView name) const
{
    for (const Header &h : headers) {
        if (h.name == name)
            return &h.value;
    }
    return nullptr;
}

QString Message::stringHeader(QStringView name) const
{
    const HeaderValue *value = header(name);
    if (!value)
        return {};
    const QString *text = std::get_if<QString>(value);
    return text ? *text : QString();
}

QByteArray encode(const Message &message)
{
    QByteArray headers;
    for (const Header &header : message.headers)
        appendHeader(headers, header);
    Q_ASSERT(headers.size() <= kMaxHeadersLength);
    Q_ASSERT(message.payload.size() <= kMaxPayloadLength);

    const qsizetype total = kMinimumMessageLength + headers.size() + message.payload.size();
    QByteArray out;
    out.reserve(total);
    appendBigEndian(out, quint32(total));
    appendBigEndian(out, quint32(headers.size()));
    appendBigEndian(out, crc32Of(QByteArrayView(out).first(8)));
    out.append(headers);
    out.append(message.payload);
    appendBigEndian(out, crc32Of(out));
    return out;
}

QByteArray encodeEvent(const QString &eventType, const QByteArray &payload, const QString &contentType)
{
    return encode(Message{{Header{QStringLiteral(":event-type"), eventType},
                           Header{QStringLiteral(":content-type"), contentType},
                           Header{QStringLiteral(":message-type"), QStringLiteral("event")}},
                          payload});
}

QByteArray encodeException(const QString &exceptionType, const QString &message, const QString &contentType)
{
    const QByteArray payload =
        QJsonDocument(QJsonObject{{QStringLiteral("message"), message}}).toJson(QJsonDocument::Compact);
    return encode(Message{{Header{QStringLiteral(":exception-type"), exceptionType},
                           Header{QStringLiteral(":content-type"), contentType},
                           Header{QStringLiteral(":message-type"), QStringLiteral("exception")}},
                          payload});
}

void Decoder::feed(QByteArrayView bytes)
{
    if (failed())
        return;
    // Drop what was consumed before growing the buffer, so it holds at most one message plus
    // what arrived after it.
    if (m_offset > 0 && (m_offset == m_buffer.size() || m_offset >= 64 * 1024)) {
        m_buffer.remove(0, m_offset);
        m_offset = 0;
    }
    m_buffer.append(bytes);
}

std::expected<std::optional<Message>, QString> Decoder::next()
{
    if (failed())
        return std::unexpected(m_error);
    if (pending() < kPreludeLength)
        return std::optional<Message>();
    const QByteArrayView rest = QByteArrayView(m_buffer).sliced(m_offset);
    auto prelude = parsePrelude(rest.data());
    if (!prelude)
        return fail(prelude.error());
    if (rest.size() < prelude->totalLength)
        return std::optional<Message>();
    auto message = decodeMessage(rest.first(prelude->totalLength), *prelude);
    if (!message)
        return fail(message.error());
    m_offset += prelude->totalLength;
    return std::optional<Message>(std::move(*message));
}

std::expected<std::optional<Message>, QString> Decoder::fail(QString error)
{
    m_error = std::move(error);
    m_buffer.clear();
    m_offset = 0;
    return std::unexpected(m_error);
}

std::expected<Message, QString> decodeOne(QByteArrayView bytes)
{
    if (bytes.size() < kPreludeLength)
        return std::unexpected(QStringLiteral("%1 bytes cannot hold a message prelude.").arg(bytes.size()));
    auto prelude = parsePrelude(bytes.data());
    if (!prelude)
        return std::unexpected(prelude.error());
    if (prelude->totalLength != bytes.size())
        return std::unexpected(QStringLiteral("The message says it is %1 bytes long, but %2 bytes were given.")
                                   .arg(prelude->totalLength)
                                   .arg(bytes.size()));
    return decodeMessage(bytes, *prelude);
}

} // namespace shardscope::EventStream
