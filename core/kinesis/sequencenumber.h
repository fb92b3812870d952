#pragma once

#include <QString>
#include <QStringView>

#include <compare>
#include <optional>

namespace shardscope {

// A Kinesis sequence number. Like the real ones it embeds the arrival time and the shard:
// `counter` is unique and increasing within a stream and is (arrival ms << kTimeShift) plus a
// tie-breaker, so sequence numbers sort by arrival and AT_TIMESTAMP is a seek, not a scan.
// On the wire it is a 32-digit decimal string: "49", the counter (20 digits), the shard index
// (10 digits). Fixed width keeps numeric and textual order the same.
//
// A number in any other layout (AWS issues 56-digit ones; kinesalite and LocalStack their own)
// is held as its decimal text in `foreignText`, with counter and shardIndex 0, so a remote
// backend can hand it on unchanged. The engine only ever issues and parses its own layout.
struct SequenceNumber
{
    SequenceNumber() = default;
    SequenceNumber(qint64 counterValue, quint32 shard) : counter(counterValue), shardIndex(shard) {}

    qint64 counter = 0;
    quint32 shardIndex = 0;
    QString foreignText; // empty for a number in our layout

    static constexpr int kTimeShift = 20;
    static constexpr qsizetype kTextLength = 32;

    static constexpr qint64 counterAt(qint64 epochMs) { return epochMs << kTimeShift; }
    qint64 arrivalMs() const { return counter >> kTimeShift; }
    bool isForeign() const { return !foreignText.isEmpty(); }

    QString toString() const;
    // Writes the decimal text (ASCII, no terminator) to `out`, which holds at least
    // kMaxTextLength bytes; returns its length. For encoders that build a body in place.
    qsizetype writeText(char *out) const;
    static constexpr qsizetype kMaxTextLength = 129; // the wire pattern's longest
    // Parses our own format; any other number (valid on the wire but not issued by this
    // emulator) yields nullopt so callers can report InvalidArgumentException.
    static std::optional<SequenceNumber> parse(QStringView text);
    // Any number matching the wire pattern: ours in the fast layout, others as their text
    // (toString() gives back exactly `text`). nullopt for anything else.
    static std::optional<SequenceNumber> fromWire(QStringView text);
    // The wire pattern 0|([1-9]\d{0,128}), used to tell ValidationException from
    // InvalidArgumentException.
    static bool matchesWirePattern(QStringView text);

    // Numeric order of the decimal numbers, whatever their layout.
    friend std::strong_ordering operator<=>(const SequenceNumber &a, const SequenceNumber &b);
    friend bool operator==(const SequenceNumber &a, const SequenceNumber &b)
    {
        return (a <=> b) == 0;
    }
};

} // namespace shardscope
