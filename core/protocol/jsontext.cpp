#include "jsontext.h"

#include <cstring>

namespace shardscope {

namespace {

// "00" to "99": two digits per division.
constexpr char kDigitPairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233"
    "34353637383940414243444546474849505152535455565758596061626364656667"
    "6869707172737475767778798081828384858687888990919293949596979899";

int decimalDigits(quint64 value)
{
    int digits = 1;
    for (quint64 limit = 10; digits < 20 && value >= limit; limit *= 10)
        ++digits;
    return digits;
}

// How many bytes the escaped form of `c` takes.
constexpr int escapedSize(unsigned char c)
{
    if (c >= 0x20 && c != '"' && c != '\\')
        return 1;
    switch (c) {
    case '"':
    case '\\':
    case '\b':
    case '\f':
    case '\n':
    case '\r':
    case '\t':
        return 2;
    default:
        return 6;
    }
}

} // namespace

qsizetype jsonStringContentSize(QByteArrayView utf8)
{
    qsizetype size = 0;
    for (const char c : utf8)
        size += escapedSize(static_cast<unsigned char>(c));
    return size;
}

char *writeJsonStringContent(char *out, QByteArrayView utf8)
{
    static constexpr char kHex[] = "0123456789abcdef";
    const char *data = utf8.data();
    const qsizetype size = utf8.size();
    qsizetype runStart = 0;
    for (qsizetype i = 0; i < size; ++i) {
        const auto c = static_cast<unsigned char>(data[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        std::memcpy(out, data + runStart, size_t(i - runStart));
        out += i - runStart;
        runStart = i + 1;
        *out++ = '\\';
        switch (c) {
        case '"':
            *out++ = '"';
            break;
        case '\\':
            *out++ = '\\';
            break;
        case '\b':
            *out++ = 'b';
            break;
        case '\f':
            *out++ = 'f';
            break;
        case '\n':
            *out++ = 'n';
            break;
        case '\r':
            *out++ = 'r';
            break;
        case '\t':
            *out++ = 't';
            break;
        default:
            *out++ = 'u';
            *out++ = '0';
            *out++ = '0';
            *out++ = kHex[c >> 4];
            *out++ = kHex[c & 0xf];
            break;
        }
    }
    std::memcpy(out, data + runStart, size_t(size - runStart));
    return out + (size - runStart);
}

char *writeJsonStringContent(char *out, QStringView text)
{
    // Most strings here are ASCII (shard ids, error codes): escaped straight from UTF-16.
    const char16_t *units = text.utf16();
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (units[i] >= 0x80)
            return writeJsonStringContent(out, QByteArrayView(text.toUtf8()));
    }
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = char(units[i]);
        if (escapedSize(static_cast<unsigned char>(c)) == 1)
            *out++ = c;
        else
            out = writeJsonStringContent(out, QByteArrayView(&c, 1));
    }
    return out;
}

void appendJsonString(QByteArray &out, QStringView text)
{
    const QByteArray utf8 = text.toUtf8();
    const qsizetype start = out.size();
    out.resize(start + jsonStringContentSize(utf8) + 2);
    char *end = out.data() + start;
    *end++ = '"';
    end = writeJsonStringContent(end, utf8);
    *end = '"';
}

char *writeJsonUnsigned(char *out, quint64 value)
{
    char *end = out + decimalDigits(value);
    char *at = end;
    while (value >= 100) {
        const auto pair = unsigned(value % 100);
        value /= 100;
        at -= 2;
        std::memcpy(at, kDigitPairs + 2 * pair, 2);
    }
    if (value >= 10) {
        at -= 2;
        std::memcpy(at, kDigitPairs + 2 * value, 2);
    } else {
        *--at = char('0' + value);
    }
    return end;
}

char *writeJsonInteger(char *out, qint64 value)
{
    if (value < 0) {
        *out++ = '-';
        return writeJsonUnsigned(out, 0 - static_cast<quint64>(value));
    }
    return writeJsonUnsigned(out, static_cast<quint64>(value));
}

} // namespace shardscope
