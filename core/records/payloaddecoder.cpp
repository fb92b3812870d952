#include "records/payloaddecoder.h"

#include <QJsonParseError>
#include <QScopeGuard>

#include <algorithm>
#include <limits>

#define ZLIB_CONST
#include <zlib.h>

namespace shardscope {

namespace {

using namespace Qt::StringLiterals;

// The well-formed UTF-8 sequence at `i`: its length and code point; or, for an ill-formed one,
// the length of its maximal subpart (Unicode 15, §3.9 "U+FFFD substitution of maximal
// subparts") as a negative number.
qsizetype utf8SequenceAt(const uchar *s, qsizetype size, qsizetype i, char32_t &codePoint)
{
    const uchar lead = s[i];
    if (lead < 0x80) {
        codePoint = lead;
        return 1;
    }
    int trailing = 0;
    uchar low = 0x80;
    uchar high = 0xBF;
    char32_t value = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        trailing = 1;
        value = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        trailing = 2;
        value = lead & 0x0F;
        if (lead == 0xE0)
            low = 0xA0; // no overlong forms
        else if (lead == 0xED)
            high = 0x9F; // no surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        trailing = 3;
        value = lead & 0x07;
        if (lead == 0xF0)
            low = 0x90;
        else if (lead == 0xF4)
            high = 0x8F; // nothing above U+10FFFF
    } else {
        return -1;
    }
    qsizetype j = i + 1;
    for (int k = 0; k < trailing; ++k, ++j) {
        if (j >= size || s[j] < low || s[j] > high)
            return -(j - i);
        low = 0x80;
        high = 0xBF;
        value = (value << 6) | (s[j] & 0x3F);
    }
    codePoint = value;
    return j - i;
}

// Controls that make bytes look binary: C0 except tab, line feed, form feed, carriage return; DEL.
bool isSuspiciousControl(char32_t c)
{
    return (c < 0x20 && c != u'\t' && c != u'\n' && c != u'\f' && c != u'\r') || c == 0x7F;
}

// Controls that the text view replaces with a visible picture.
bool isInvisibleControl(char32_t c)
{
    return (c < 0x20 && c != u'\t' && c != u'\n' && c != u'\r') || c == 0x7F;
}

QChar controlPicture(char32_t c)
{
    return c == 0x7F ? QChar(0x2421) : QChar(char16_t(0x2400 + c));
}

const char kHexDigits[] = "0123456789abcdef";
const char kUpperHexDigits[] = "0123456789ABCDEF";

int offsetDigits(qsizetype size)
{
    int digits = 8;
    while (digits < 16 && (quint64(size) >> (4 * digits)) != 0)
        ++digits;
    return digits;
}

constexpr qsizetype kBytesPerLine = 16;

bool isZlibHeader(QByteArrayView bytes)
{
    if (bytes.size() < 2)
        return false;
    const auto cmf = quint8(bytes[0]);
    const auto flg = quint8(bytes[1]);
    return (cmf & 0x0F) == 8  // deflate
           && (cmf >> 4) <= 7 // window up to 32 KiB
           && !(flg & 0x20)   // no preset dictionary (we could not supply it)
           && ((cmf << 8) | flg) % 31 == 0;
}

bool isGzipHeader(QByteArrayView bytes)
{
    return bytes.size() >= 3 && quint8(bytes[0]) == 0x1F && quint8(bytes[1]) == 0x8B &&
           quint8(bytes[2]) == 8;
}

} // namespace

// ---- Text -----------------------------------------------------------------------------------

Utf8Scan PayloadDecoder::scanUtf8(QByteArrayView bytes)
{
    Utf8Scan scan;
    const auto *s = reinterpret_cast<const uchar *>(bytes.data());
    const qsizetype size = bytes.size();
    qsizetype i = 0;
    while (i < size) {
        if (s[i] >= 0x20 && s[i] < 0x7F) {
            ++i;
            continue;
        }
        char32_t c = 0;
        const qsizetype length = utf8SequenceAt(s, size, i, c);
        if (length < 0) {
            if (scan.firstInvalidOffset < 0)
                scan.firstInvalidOffset = i;
            scan.invalidBytes += -length;
            i += -length;
            continue;
        }
        if (isSuspiciousControl(c))
            ++scan.controlCharacters;
        i += length;
    }
    return scan;
}

TextDecoding PayloadDecoder::decodeUtf8(QByteArrayView bytes, InvalidByteStyle style)
{
    TextDecoding result;
    result.display.reserve(bytes.size());
    const auto *s = reinterpret_cast<const uchar *>(bytes.data());
    const qsizetype size = bytes.size();
    qsizetype runStart = 0; // start of the current run of plain, well-formed text
    auto flushRun = [&](qsizetype end) {
        if (end > runStart)
            result.display.append(QString::fromUtf8(bytes.sliced(runStart, end - runStart)));
    };
    qsizetype i = 0;
    while (i < size) {
        if (s[i] >= 0x20 && s[i] < 0x7F) {
            ++i;
            continue;
        }
        char32_t c = 0;
        const qsizetype length = utf8SequenceAt(s, size, i, c);
        if (length > 0 && !isInvisibleControl(c)) {
            i += length;
            continue;
        }
        flushRun(i);
        if (length < 0) {
            result.valid = false;
            if (result.firstInvalidOffset < 0)
                result.firstInvalidOffset = i;
            result.invalidBytes += -length;
            if (style == InvalidByteStyle::ReplacementCharacter) {
                result.display.append(QChar::ReplacementCharacter);
            } else {
                for (qsizetype k = i; k < i - length; ++k) {
                    const char escape[] = {'\\', 'x', kUpperHexDigits[s[k] >> 4],
                                           kUpperHexDigits[s[k] & 0xF]};
                    result.display.append(QLatin1StringView(escape, 4));
                }
            }
            i += -length;
        } else {
            result.display.append(controlPicture(c));
            i += length;
        }
        runStart = i;
    }
    flushRun(size);
    return result;
}

bool PayloadDecoder::looksLikeText(const Utf8Scan &scan, qsizetype size)
{
    return size > 0 && (scan.invalidBytes + scan.controlCharacters) * 20 <= size;
}

// ---- Compression ----------------------------------------------------------------------------

Compression PayloadDecoder::detectCompression(QByteArrayView bytes)
{
    if (isGzipHeader(bytes))
        return Compression::Gzip;
    if (isZlibHeader(bytes))
        return Compression::Zlib;
    return Compression::None;
}

std::expected<Inflated, QString>
PayloadDecoder::inflate(QByteArrayView bytes, Compression compression, qsizetype maxOutput)
{
    if (compression == Compression::None)
        return Inflated{bytes.first(std::min(bytes.size(), maxOutput)).toByteArray(),
                        bytes.size() > maxOutput, 0};

    z_stream stream{};
    // 15: a 32 KiB window; +16: gzip framing only.
    if (inflateInit2(&stream, compression == Compression::Gzip ? 15 + 16 : 15) != Z_OK)
        return std::unexpected(tr("The decompressor could not start."));
    const auto cleanup = qScopeGuard([&stream] { inflateEnd(&stream); });

    Inflated result;
    const auto *input = reinterpret_cast<const Bytef *>(bytes.data());
    qsizetype unread = bytes.size(); // not yet handed to zlib
    // zlib counts in 32 bits; hand it the input in slices.
    constexpr qsizetype kInputSlice = qsizetype(1) << 30;
    auto feed = [&] {
        const qsizetype slice = std::min(unread, kInputSlice);
        stream.next_in = input + (bytes.size() - unread);
        stream.avail_in = uInt(slice);
        unread -= slice;
    };
    feed();

    char buffer[64 * 1024];
    for (;;) {
        if (stream.avail_in == 0 && unread > 0)
            feed();
        stream.next_out = reinterpret_cast<Bytef *>(buffer);
        stream.avail_out = sizeof buffer;
        const int status = ::inflate(&stream, Z_NO_FLUSH);
        const auto produced = qsizetype(sizeof buffer - stream.avail_out);
        if (produced > maxOutput - result.data.size()) {
            result.data.append(buffer, maxOutput - result.data.size());
            result.truncated = true;
            return result;
        }
        result.data.append(buffer, produced);

        switch (status) {
        case Z_OK:
            break;
        case Z_STREAM_END: {
            const qsizetype left = qsizetype(stream.avail_in) + unread;
            const QByteArrayView rest = bytes.last(left);
            // gunzip reads concatenated members as one file.
            if (compression == Compression::Gzip && isGzipHeader(rest)) {
                if (inflateReset(&stream) != Z_OK)
                    return std::unexpected(tr("The decompressor could not start."));
                break;
            }
            result.trailingBytes = left;
            return result;
        }
        case Z_BUF_ERROR:
            // No progress possible although there was room for output: the input ran out.
            if (stream.avail_in == 0 && unread > 0)
                break;
            return std::unexpected(tr("The compressed stream is truncated."));
        case Z_NEED_DICT:
            return std::unexpected(tr("The compressed stream needs a preset dictionary."));
        case Z_MEM_ERROR:
            return std::unexpected(tr("Out of memory while decompressing."));
        default: // Z_DATA_ERROR, Z_STREAM_ERROR
            return std::unexpected(
                tr("The compressed stream is corrupt: %1.")
                    .arg(stream.msg ? QString::fromUtf8(stream.msg) : QString::number(status)));
        }
    }
}

// ---- Hex and base64 -------------------------------------------------------------------------

qsizetype PayloadDecoder::hexDumpLineCount(qsizetype size)
{
    return (size + kBytesPerLine - 1) / kBytesPerLine;
}

QString PayloadDecoder::hexDumpLine(QByteArrayView bytes, qsizetype line)
{
    const qsizetype begin = line * kBytesPerLine;
    if (line < 0 || begin >= bytes.size())
        return {};
    const qsizetype count = std::min(kBytesPerLine, bytes.size() - begin);
    const int digits = offsetDigits(bytes.size());

    QString text(digits + 2 + 3 * kBytesPerLine + 1 + 1 + count + 2, u' ');
    QChar *out = text.data();
    for (int d = digits - 1; d >= 0; --d)
        *out++ = QLatin1Char(kHexDigits[(quint64(begin) >> (4 * d)) & 0xF]);
    out += 2;
    for (qsizetype k = 0; k < kBytesPerLine; ++k) {
        if (k < count) {
            const auto byte = quint8(bytes[begin + k]);
            out[0] = QLatin1Char(kHexDigits[byte >> 4]);
            out[1] = QLatin1Char(kHexDigits[byte & 0xF]);
        }
        out += 3;
        if (k == 7)
            ++out;
    }
    ++out;
    *out++ = u'|';
    for (qsizetype k = 0; k < count; ++k) {
        const auto byte = quint8(bytes[begin + k]);
        *out++ = byte >= 0x20 && byte < 0x7F ? QLatin1Char(char(byte)) : QLatin1Char('.');
    }
    *out = u'|';
    return text;
}

QString PayloadDecoder::hexDump(QByteArrayView bytes, qsizetype firstLine, qsizetype lineCount)
{
    const qsizetype total = hexDumpLineCount(bytes.size());
    firstLine = std::clamp<qsizetype>(firstLine, 0, total);
    const qsizetype end = lineCount < 0 ? total : std::min(total, firstLine + lineCount);
    QString text;
    text.reserve((end - firstLine) * (offsetDigits(bytes.size()) + 70));
    for (qsizetype line = firstLine; line < end; ++line) {
        text.append(hexDumpLine(bytes, line));
        text.append(u'\n');
    }
    return text;
}

QString PayloadDecoder::toBase64(QByteArrayView bytes)
{
    return QString::fromLatin1(bytes.toByteArray().toBase64());
}

std::expected<QByteArray, QString> PayloadDecoder::fromBase64(QStringView text)
{
    QByteArray compact;
    compact.reserve(text.size());
    for (const QChar c : text) {
        if (c.isSpace())
            continue;
        if (c.unicode() > 0x7F)
            return std::unexpected(tr("Not base64: the text contains \"%1\".").arg(c));
        compact.append(char(c.unicode()));
    }
    if (compact.size() % 4 == 1)
        return std::unexpected(tr("Not base64: the length does not fit whole bytes."));
    auto decoded = QByteArray::fromBase64Encoding(
        compact, QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::unexpected(
            tr("Not base64: the text contains characters outside the base64 alphabet."));
    return std::move(decoded.decoded);
}

// ---- Classification -------------------------------------------------------------------------

QString PayloadDecoder::contentName(PayloadContent content)
{
    switch (content) {
    case PayloadContent::Empty:
        return tr("empty");
    case PayloadContent::Json:
        return tr("JSON");
    case PayloadContent::Text:
        return tr("text");
    case PayloadContent::Binary:
        return tr("binary");
    case PayloadContent::KplAggregate:
        return tr("KPL aggregate");
    }
    return {};
}

QString PayloadDecoder::layerName(PayloadLayer::Kind kind)
{
    switch (kind) {
    case PayloadLayer::Kind::Gzip:
        return tr("gzip");
    case PayloadLayer::Kind::Zlib:
        return tr("zlib");
    case PayloadLayer::Kind::Kpl:
        return tr("KPL");
    }
    return {};
}

QString DecodedPayload::summary() const
{
    QStringList parts;
    for (const PayloadLayer &layer : layers)
        parts.append(PayloadDecoder::layerName(layer.kind));
    if (content == PayloadContent::KplAggregate) {
        // Singular and plural spelled out: the app ships no English numerus translation.
        const qsizetype count = kpl ? kpl->records.size() : 0;
        parts.append(count == 1 ? PayloadDecoder::tr("1 sub-record")
                                : PayloadDecoder::tr("%L1 sub-records").arg(count));
    } else
        parts.append(PayloadDecoder::contentName(content));
    return parts.join(u" → "_s);
}

DecodedPayload PayloadDecoder::decode(const QByteArray &payload, const DecodeOptions &options)
{
    DecodedPayload result;
    QByteArray current = payload;

    for (int depth = 0;; ++depth) {
        if (KplAggregation::hasMagic(current)) {
            auto deaggregated = KplAggregation::deaggregate(current);
            if (deaggregated) {
                result.layers.append(
                    {PayloadLayer::Kind::Kpl, current.size(), deaggregated->records.size(), false});
                if (!deaggregated->checksumMatches())
                    result.problems.append(tr("The KPL record's MD5 checksum does not match its "
                                              "contents; the KCL would not de-aggregate it."));
                result.content = PayloadContent::KplAggregate;
                result.kpl = std::move(*deaggregated);
                result.bytes = current;
                result.rendered = true;
                return result;
            }
            result.problems.append(tr("The payload starts like a KPL aggregated record, but: %1")
                                       .arg(deaggregated.error().message));
            break;
        }
        const Compression compression = detectCompression(current);
        if (compression == Compression::None)
            break;
        if (depth >= options.maxLayers) {
            result.problems.append(
                tr("More than %1 layers of compression; the rest is shown as it is.")
                    .arg(options.maxLayers));
            break;
        }
        auto inflated = inflate(current, compression, options.maxInflatedSize);
        if (!inflated) {
            // Two bytes of zlib header also start ordinary text ("x^..."): only a gzip header is
            // strong enough to report a failure as a problem.
            if (compression == Compression::Gzip)
                result.problems.append(
                    tr("The payload starts like gzip, but: %1").arg(inflated.error()));
            break;
        }
        const auto kind =
            compression == Compression::Gzip ? PayloadLayer::Kind::Gzip : PayloadLayer::Kind::Zlib;
        result.layers.append({kind, current.size(), inflated->data.size(), inflated->truncated});
        if (inflated->truncated)
            result.problems.append(
                tr("The %1 stream inflates to more than %2 bytes; only the first %2 are shown.")
                    .arg(layerName(kind))
                    .arg(options.maxInflatedSize));
        if (inflated->trailingBytes > 0)
            result.problems.append(tr("%1 bytes after the end of the %2 stream were ignored.")
                                       .arg(inflated->trailingBytes)
                                       .arg(layerName(kind)));
        current = std::move(inflated->data);
        if (result.layers.last().truncated)
            break;
    }

    result.bytes = current;
    if (current.isEmpty()) {
        result.content = PayloadContent::Empty;
        result.rendered = true;
        return result;
    }

    result.scan = scanUtf8(current);
    if (result.scan.valid()) {
        const auto first = std::find_if(current.cbegin(), current.cend(), [](char c) {
            return c != ' ' && c != '\t' && c != '\n' && c != '\r';
        });
        if (first != current.cend() && (*first == '{' || *first == '[')) {
            QJsonParseError error{};
            result.json = QJsonDocument::fromJson(current, &error);
            if (error.error == QJsonParseError::NoError)
                result.content = PayloadContent::Json;
        }
    }
    if (result.content != PayloadContent::Json)
        result.content = looksLikeText(result.scan, current.size()) ? PayloadContent::Text
                                                                    : PayloadContent::Binary;

    result.rendered = current.size() <= options.maxRenderSize;
    if (result.rendered) {
        result.text = decodeUtf8(current);
        if (result.content == PayloadContent::Json)
            result.prettyJson = QString::fromUtf8(result.json.toJson(QJsonDocument::Indented));
    }
    return result;
}

} // namespace shardscope
