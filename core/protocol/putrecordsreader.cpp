#include "putrecordsreader.h"

#include <array>
#include <cstring>

namespace shardscope {

namespace {

// The members read here; any other name sends the body to WireCodec.
enum class Member
{
    StreamName,
    StreamArn,
    StreamId,
    Records,
    Data,
    PartitionKey,
    ExplicitHashKey,
    Unknown
};

Member memberNamed(QByteArrayView name)
{
    static constexpr std::array<std::pair<QByteArrayView, Member>, 7> kNames{{
        {"StreamName", Member::StreamName},
        {"StreamARN", Member::StreamArn},
        {"StreamId", Member::StreamId},
        {"Records", Member::Records},
        {"Data", Member::Data},
        {"PartitionKey", Member::PartitionKey},
        {"ExplicitHashKey", Member::ExplicitHashKey},
    }};
    for (const auto &[text, member] : kNames) {
        if (name == text)
            return member;
    }
    return Member::Unknown;
}

bool isStreamMember(Member m)
{
    return m == Member::StreamName || m == Member::StreamArn || m == Member::StreamId ||
           m == Member::Records;
}

bool isRecordMember(Member m)
{
    return m == Member::Data || m == Member::PartitionKey || m == Member::ExplicitHashKey;
}

// Text the fast path takes as it is: printable ASCII (and DEL), which both parsers read the same.
bool isPlainText(QByteArrayView text)
{
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u >= 0x80)
            return false;
    }
    return true;
}

// Standard base64 with padding, accepted only in its canonical form (WireCodec reports anything
// else with Coral's messages). Empty text is an empty, non-null array.
std::optional<QByteArray> fromCanonicalBase64(QByteArrayView text)
{
    static constexpr std::array<qint8, 256> kValues = [] {
        std::array<qint8, 256> values{};
        values.fill(-1);
        constexpr char alphabet[] =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < 64; ++i)
            values[static_cast<unsigned char>(alphabet[i])] = qint8(i);
        return values;
    }();
    const qsizetype size = text.size();
    if (size % 4 != 0)
        return std::nullopt;
    const int padding = size == 0 ? 0 : text[size - 2] == '=' ? 2 : text[size - 1] == '=' ? 1 : 0;
    if (padding == 2 && text[size - 1] != '=')
        return std::nullopt;
    QByteArray out(size / 4 * 3 - padding, Qt::Uninitialized);
    char *o = out.data();
    const auto *in = reinterpret_cast<const unsigned char *>(text.data());
    const qsizetype whole = size - (padding ? 4 : 0);
    for (qsizetype i = 0; i < whole; i += 4) {
        const int a = kValues[in[i]], b = kValues[in[i + 1]], c = kValues[in[i + 2]],
                  d = kValues[in[i + 3]];
        if ((a | b | c | d) < 0)
            return std::nullopt;
        const quint32 triple = (quint32(a) << 18) | (quint32(b) << 12) | (quint32(c) << 6) | d;
        *o++ = char(triple >> 16);
        *o++ = char(triple >> 8);
        *o++ = char(triple);
    }
    if (padding) {
        const int a = kValues[in[whole]], b = kValues[in[whole + 1]];
        const int c = padding == 1 ? kValues[in[whole + 2]] : 0;
        if ((a | b | c) < 0)
            return std::nullopt;
        const quint32 triple = (quint32(a) << 18) | (quint32(b) << 12) | (quint32(c) << 6);
        // Canonical: the bits after the last byte are zero.
        if ((padding == 2 ? triple & 0xffff : triple & 0xff) != 0)
            return std::nullopt;
        *o++ = char(triple >> 16);
        if (padding == 1)
            *o++ = char(triple >> 8);
    }
    if (out.isEmpty())
        return QByteArray("", 0);
    return out;
}

// Which members of a record or of the request were set (one bit per Member).
struct Seen
{
    quint32 bits = 0;

    bool has(Member m) const { return bits & (1u << quint32(m)); }
    // false when `m` was seen before in the same object, or is Unknown.
    bool mark(Member m)
    {
        if (m == Member::Unknown || has(m))
            return false;
        bits |= 1u << quint32(m);
        return true;
    }
};

// Sets a string member of the request or of a record from its text; false for a text the fast
// path does not take.
bool setText(Member m, QByteArrayView text, PutRecordsRequest &request,
             PutRecordsRequestEntry *entry)
{
    if (!isPlainText(text))
        return false;
    const QString value = QString::fromLatin1(text);
    switch (m) {
    case Member::StreamName:
        request.target.streamName = value;
        break;
    case Member::StreamArn:
        request.target.streamArn = value;
        break;
    case Member::StreamId:
        break; // type-checked only, as WireCodec does
    case Member::PartitionKey:
        entry->partitionKey = value;
        break;
    case Member::ExplicitHashKey:
        entry->explicitHashKey = value;
        break;
    default:
        return false;
    }
    return true;
}

// ---------------------------------------------------------------------------------------------
// JSON

class JsonScanner
{
public:
    explicit JsonScanner(QByteArrayView body) : m_at(body.data()), m_end(body.data() + body.size())
    {}

    std::optional<PutRecordsRequest> read()
    {
        PutRecordsRequest request;
        Seen seen;
        if (!take('{'))
            return std::nullopt;
        bool more = !take('}');
        while (more) {
            const auto name = string();
            if (!name || !take(':'))
                return std::nullopt;
            const Member m = memberNamed(*name);
            if (!isStreamMember(m) || !seen.mark(m))
                return std::nullopt;
            if (m == Member::Records) {
                if (!records(request))
                    return std::nullopt;
            } else {
                const auto text = string();
                if (!text || !setText(m, *text, request, nullptr))
                    return std::nullopt;
            }
            if (take('}'))
                more = false;
            else if (!take(','))
                return std::nullopt;
        }
        skipSpace();
        if (m_at != m_end || !seen.has(Member::Records))
            return std::nullopt;
        return request;
    }

private:
    bool records(PutRecordsRequest &request)
    {
        if (!take('['))
            return false;
        if (take(']'))
            return true;
        do {
            PutRecordsRequestEntry entry;
            Seen seen;
            if (!take('{'))
                return false;
            bool more = !take('}');
            while (more) {
                const auto name = string();
                if (!name || !take(':'))
                    return false;
                const Member m = memberNamed(*name);
                if (!isRecordMember(m) || !seen.mark(m))
                    return false;
                const auto text = string();
                if (!text)
                    return false;
                if (m == Member::Data) {
                    auto data = fromCanonicalBase64(*text);
                    if (!data)
                        return false;
                    entry.data = std::move(*data);
                } else if (!setText(m, *text, request, &entry)) {
                    return false;
                }
                if (take('}'))
                    more = false;
                else if (!take(','))
                    return false;
            }
            request.records.append(std::move(entry));
        } while (take(','));
        return take(']');
    }

    void skipSpace()
    {
        while (m_at != m_end && (*m_at == ' ' || *m_at == '\n' || *m_at == '\r' || *m_at == '\t'))
            ++m_at;
    }

    bool take(char c)
    {
        skipSpace();
        if (m_at == m_end || *m_at != c)
            return false;
        ++m_at;
        return true;
    }

    // A string without escapes; its text between the quotes.
    std::optional<QByteArrayView> string()
    {
        if (!take('"'))
            return std::nullopt;
        const char *start = m_at;
        const auto *quote =
            static_cast<const char *>(std::memchr(start, '"', size_t(m_end - start)));
        if (!quote || std::memchr(start, '\\', size_t(quote - start)))
            return std::nullopt;
        m_at = quote + 1;
        return QByteArrayView(start, quote - start);
    }

    const char *m_at;
    const char *m_end;
};

// ---------------------------------------------------------------------------------------------
// CBOR

class CborScanner
{
public:
    explicit CborScanner(QByteArrayView body)
        : m_at(reinterpret_cast<const unsigned char *>(body.data())), m_end(m_at + body.size())
    {}

    std::optional<PutRecordsRequest> read()
    {
        PutRecordsRequest request;
        Seen seen;
        const auto members = container(kMap);
        if (!members)
            return std::nullopt;
        for (quint64 i = 0; more(*members, i); ++i) {
            const auto name = text(kText);
            if (!name)
                return std::nullopt;
            const Member m = memberNamed(*name);
            if (!isStreamMember(m) || !seen.mark(m))
                return std::nullopt;
            if (m == Member::Records) {
                if (!records(request))
                    return std::nullopt;
            } else {
                const auto value = text(kText);
                if (!value || !setText(m, *value, request, nullptr))
                    return std::nullopt;
            }
        }
        if (m_at != m_end || !seen.has(Member::Records))
            return std::nullopt;
        return request;
    }

private:
    static constexpr unsigned kBytes = 2, kText = 3, kArray = 4, kMap = 5;
    static constexpr quint64 kIndefinite = ~quint64(0);

    // A head of `major`: its argument, or kIndefinite for an indefinite length.
    std::optional<quint64> head(unsigned major)
    {
        if (m_at == m_end || (*m_at >> 5) != major)
            return std::nullopt;
        const unsigned info = *m_at++ & 0x1f;
        if (info < 24)
            return info;
        if (info == 31)
            return kIndefinite;
        if (info > 27)
            return std::nullopt;
        const int size = 1 << (info - 24);
        if (m_end - m_at < size)
            return std::nullopt;
        quint64 value = 0;
        for (int i = 0; i < size; ++i)
            value = (value << 8) | *m_at++;
        return value;
    }

    std::optional<quint64> container(unsigned major) { return head(major); }

    // Whether a container of `count` items (kIndefinite: up to a break) has an item at `index`.
    bool more(quint64 count, quint64 index)
    {
        if (count != kIndefinite)
            return index < count;
        if (m_at != m_end && *m_at == 0xff) {
            ++m_at;
            return false;
        }
        return true;
    }

    // A definite-length text or byte string.
    std::optional<QByteArrayView> text(unsigned major)
    {
        const auto size = head(major);
        if (!size || *size == kIndefinite || quint64(m_end - m_at) < *size)
            return std::nullopt;
        const QByteArrayView bytes(reinterpret_cast<const char *>(m_at), qsizetype(*size));
        m_at += *size;
        return bytes;
    }

    bool records(PutRecordsRequest &request)
    {
        const auto count = container(kArray);
        if (!count)
            return false;
        for (quint64 i = 0; more(*count, i); ++i) {
            PutRecordsRequestEntry entry;
            Seen seen;
            const auto members = container(kMap);
            if (!members)
                return false;
            for (quint64 j = 0; more(*members, j); ++j) {
                const auto name = text(kText);
                if (!name)
                    return false;
                const Member m = memberNamed(*name);
                if (!isRecordMember(m) || !seen.mark(m))
                    return false;
                if (m == Member::Data) {
                    const auto bytes = text(kBytes);
                    if (!bytes)
                        return false;
                    entry.data = bytes->isEmpty() ? QByteArray("", 0) : bytes->toByteArray();
                } else {
                    const auto value = text(kText);
                    if (!value || !setText(m, *value, request, &entry))
                        return false;
                }
            }
            request.records.append(std::move(entry));
        }
        return true;
    }

    const unsigned char *m_at;
    const unsigned char *m_end;
};

} // namespace

std::optional<PutRecordsRequest> PutRecordsReader::read(WireFormat format, QByteArrayView body)
{
    if (format == WireFormat::Json)
        return JsonScanner(body).read();
    return CborScanner(body).read();
}

} // namespace shardscope
