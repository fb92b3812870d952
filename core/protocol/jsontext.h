#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QStringView>

namespace shardscope {

// JSON string literals as Kinesis writes them: UTF-8 passed through, `"` and `\` escaped, the
// control characters as \b \f \n \r \t or \u00XX, nothing else (not even `/`). Shared by the
// wire codec's writer and the streamed GetRecords encoder, so both write the same bytes.

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

} // namespace shardscope
