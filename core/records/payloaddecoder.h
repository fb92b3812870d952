#pragma once

#include "records/kplaggregation.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QList>
#include <QString>
#include <QStringList>

#include <expected>
#include <optional>

namespace shardscope {

enum class Compression
{
    None,
    Gzip,
    Zlib
};

// UTF-8 decoded for display. Invalid sequences are never dropped silently: each maximal invalid
// subpart becomes one U+FFFD, or each of its bytes becomes "\xNN", as the caller chooses.
// Control characters other than tab, line feed and carriage return are shown as the Unicode
// control pictures (U+2400 + c, U+2421 for DEL) so that they are visible too.
struct TextDecoding
{
    QString display;
    bool valid = true;          // the bytes are well-formed UTF-8
    qsizetype invalidBytes = 0; // bytes in invalid sequences
    qsizetype firstInvalidOffset = -1;
};

// The counts that decide text versus binary, without building a string.
struct Utf8Scan
{
    qsizetype invalidBytes = 0;
    qsizetype controlCharacters = 0; // C0 controls other than \t \n \r \f, and DEL
    qsizetype firstInvalidOffset = -1;
    bool valid() const { return invalidBytes == 0; }
};

// One layer peeled off a payload, outermost first.
struct PayloadLayer
{
    enum class Kind
    {
        Gzip,
        Zlib,
        Kpl
    };
    Kind kind = Kind::Gzip;
    qsizetype inputSize = 0;  // bytes this layer was read from
    qsizetype outputSize = 0; // bytes it produced (inflated size; for KPL, the sub-record count)
    bool truncated = false;   // inflation stopped at the output cap
};

// What the innermost bytes are.
enum class PayloadContent
{
    Empty,
    Json,
    Text,
    Binary,
    KplAggregate
};

// A payload as the inspector shows it: the layers found (for example gzip → JSON, or
// KPL → 3 sub-records), the innermost bytes, and their renderings. Text and pretty JSON are
// only built up to DecodeOptions::maxRenderSize; beyond that `rendered` is false and the
// inspector shows a collapsed view with the size (the hex dump works on any range).
struct DecodedPayload
{
    QList<PayloadLayer> layers;
    PayloadContent content = PayloadContent::Empty;
    QByteArray bytes; // after every compression layer
    Utf8Scan scan;    // of `bytes`
    bool rendered = false;
    TextDecoding text;                   // when rendered (for Binary too: the text tab)
    QJsonDocument json;                  // Json
    QString prettyJson;                  // Json, when rendered
    std::optional<KplDeaggregation> kpl; // KplAggregate
    QStringList problems;                // a detected layer that failed, a cap that was hit, ...

    // "gzip → JSON", "KPL → 3 sub-records", "text", ...; for a column or a status line.
    QString summary() const;
};

struct DecodeOptions
{
    qsizetype maxInflatedSize = qsizetype(64) << 20; // per layer: zip bombs stop here
    int maxLayers = 4;
    qsizetype maxRenderSize = qsizetype(16) << 20;
};

// An inflated stream.
struct Inflated
{
    QByteArray data;
    bool truncated = false;      // the output reached the cap; `data` holds the first part
    qsizetype trailingBytes = 0; // input after the end of the (last) compressed stream
};

// Classifies and decodes record payloads for the inspector: KPL aggregates, gzip and zlib
// (inflated with zlib, output capped), JSON, UTF-8 text, hex dump and base64. Stateless, pure
// functions; any thread (the inspector decodes large payloads off the GUI thread).
class PayloadDecoder final
{
    Q_DECLARE_TR_FUNCTIONS(shardscope::PayloadDecoder)

public:
    enum class InvalidByteStyle
    {
        ReplacementCharacter,
        HexEscape
    };

    static DecodedPayload decode(const QByteArray &payload, const DecodeOptions &options = {});

    // Text.
    static Utf8Scan scanUtf8(QByteArrayView bytes);
    static TextDecoding decodeUtf8(QByteArrayView bytes,
                                   InvalidByteStyle style = InvalidByteStyle::HexEscape);
    // Whether bytes that scan like this read as text: at most 1 in 20 bytes invalid or control.
    static bool looksLikeText(const Utf8Scan &scan, qsizetype size);

    // Compression. Gzip accepts concatenated members, as gunzip does.
    static Compression detectCompression(QByteArrayView bytes);
    static std::expected<Inflated, QString> inflate(QByteArrayView bytes, Compression compression,
                                                    qsizetype maxOutput);

    // Hex dump in the layout of `hexdump -C`, one line per 16 bytes:
    //   "00000010  48 65 6c 6c 6f 20 77 6f  72 6c 64 0a              |Hello world.|"
    // Offsets have 8 hex digits (more when the payload needs them). Lines are built on demand
    // so that a view can show any window of a large payload.
    static qsizetype hexDumpLineCount(qsizetype size);
    static QString hexDumpLine(QByteArrayView bytes, qsizetype line);
    // Lines [firstLine, firstLine + lineCount), each ending in '\n'; lineCount < 0 means to the
    // end.
    static QString hexDump(QByteArrayView bytes, qsizetype firstLine = 0, qsizetype lineCount = -1);

    // Base64 (standard alphabet, padded).
    static QString toBase64(QByteArrayView bytes);
    // Strict: whitespace around the text is ignored, anything else not base64 is an error.
    static std::expected<QByteArray, QString> fromBase64(QStringView text);

    static QString contentName(PayloadContent content);
    static QString layerName(PayloadLayer::Kind kind);
};

} // namespace shardscope
