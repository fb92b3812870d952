#include "jsontext.h"

#include <cstring>

namespace shardscope {

namespace {

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

} // namespace shardscope
