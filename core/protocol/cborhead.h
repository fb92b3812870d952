#pragma once

#include <QByteArrayView>
#include <QStringView>
#include <QtGlobal>

#include <cstring>

namespace shardscope {

// CBOR items written by hand into a buffer, exactly as QCborStreamWriter writes them (definite
// lengths, the shortest head for each argument), for the encoders that write bodies straight
// from the engine's results. Each function writes at `out` and returns the end of what it wrote.
namespace CborHead {

enum Major : unsigned char
{
    Unsigned = 0x00,
    Negative = 0x20,
    Bytes = 0x40,
    Text = 0x60,
    Array = 0x80,
    Map = 0xa0,
    Tag = 0xc0,
};

// The longest head: the initial byte and an 8-byte argument.
constexpr qsizetype kMaxSize = 9;

inline char *write(char *out, Major major, quint64 argument)
{
    const auto byte = [](unsigned value) { return static_cast<char>(value); };
    if (argument < 24) {
        *out++ = byte(major | unsigned(argument));
        return out;
    }
    int size = 8;
    unsigned info = 27;
    if (argument <= 0xff) {
        size = 1;
        info = 24;
    } else if (argument <= 0xffff) {
        size = 2;
        info = 25;
    } else if (argument <= 0xffffffffu) {
        size = 4;
        info = 26;
    }
    *out++ = byte(major | info);
    for (int i = size - 1; i >= 0; --i)
        *out++ = byte(unsigned(argument >> (8 * i)) & 0xff);
    return out;
}

inline char *writeInteger(char *out, qint64 value)
{
    if (value < 0)
        return write(out, Negative, ~static_cast<quint64>(value)); // -1 - value
    return write(out, Unsigned, static_cast<quint64>(value));
}

// A byte string (Bytes) or a text string (Text, UTF-8).
inline char *writeString(char *out, Major major, QByteArrayView bytes)
{
    out = write(out, major, quint64(bytes.size()));
    std::memcpy(out, bytes.data(), size_t(bytes.size()));
    return out + bytes.size();
}

// The most bytes writeText() writes for UTF-16 text of `size` code units.
constexpr qsizetype maxTextSize(qsizetype size)
{
    return kMaxSize + size * 3;
}

// A text string from UTF-16, as QCborStreamWriter::append(QStringView) writes it (in UTF-8).
inline char *writeText(char *out, QStringView text)
{
    const char16_t *units = text.utf16();
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (units[i] >= 0x80)
            return writeString(out, Text, text.toUtf8());
    }
    out = write(out, Text, quint64(text.size()));
    for (qsizetype i = 0; i < text.size(); ++i)
        *out++ = char(units[i]);
    return out;
}

// A text string known when compiling (a member name).
template<qsizetype N> char *writeKey(char *out, const char (&name)[N])
{
    return writeString(out, Text, QByteArrayView(name, N - 1));
}

} // namespace CborHead

} // namespace shardscope
