#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QStringView>

namespace shardscope {

// JSON text as Kinesis writes it, shared by the wire codec's writer and the encoders that write
// bodies straight from the engine's results, so all of them write the same bytes.
//
// Strings: UTF-8 passed through, `"` and `\` escaped, the control characters as \b \f \n \r
// \t or \u00XX, nothing else (not even `/`).

// The most bytes writeJsonStringContent() writes for `size` bytes of input (\u00XX per byte).
constexpr qsizetype maxJsonStringContent(qsizetype size)
{
    return size * 6;
}

// Exactly how many bytes writeJsonStringContent() writes for `utf8`.
qsizetype jsonStringContentSize(QByteArrayView utf8);

// Writes the escaped `utf8` (without quotes) at `out`, which has room for
// jsonStringContentSize(utf8) bytes; returns the end of what it wrote.
char *writeJsonStringContent(char *out, QByteArrayView utf8);

// Appends `text` as a quoted JSON string.
void appendJsonString(QByteArray &out, QStringView text);

// The most bytes writeJsonStringContent() writes for UTF-16 text of `size` code units.
constexpr qsizetype maxJsonStringContentOf(qsizetype size)
{
    return size * 6;
}

// Writes `text` escaped (without quotes), as UTF-8; returns the end of what it wrote.
char *writeJsonStringContent(char *out, QStringView text);

// Integers in decimal, as QByteArray::number() writes them: at most kMaxJsonInteger bytes.
constexpr qsizetype kMaxJsonInteger = 20;
char *writeJsonInteger(char *out, qint64 value);
char *writeJsonUnsigned(char *out, quint64 value);

} // namespace shardscope
