#pragma once

#include <QString>
#include <QStringView>

#include <compare>
#include <optional>

namespace shardscope {

// A Kinesis sequence number. Like the real ones it embeds the arrival time and the shard:
// `counter` is unique and increasing within a stream and is (arrival ms << kTimeShift) plus a
// tie-breaker, so sequence numbers sort by arrival and AT_TIMESTAMP is a seek, not a scan.
//
// On the wire it is a 56-digit decimal string, as long as AWS's: "49", the marker kMarker
// (24 digits), the counter (20 digits), the shard index (10 digits). Fixed width keeps numeric
// and textual order the same. The marker is what tells ours from AWS's, which are 56 digits
// starting with 49 too: parse() takes a text as ours only when it is exactly what writeText()
// writes for some counter and shard, marker included. (AWS's numbers, as kinesalite decodes
// their layout, are all above 2^185 = 4.9039857e55; ours, with the marker's leading zeros, are
// all below 4.90000000000000000000000002e55: no AWS number can be read as ours.)
//
// A number in any other layout (AWS's; kinesalite's and LocalStack's) is held as its decimal
// text in `foreignText`, with counter and shardIndex 0, so a remote backend can hand it on
// unchanged. The engine issues and parses its own layout, and reads the 32-digit layout it
// issued before (parseLegacy) for checkpoints saved then.
struct SequenceNumber
{
    SequenceNumber() = default;
    SequenceNumber(qint64 counterValue, quint32 shard) : counter(counterValue), shardIndex(shard) {}

    qint64 counter = 0;
    quint32 shardIndex = 0;
    QString foreignText; // empty for a number in our layout

    static constexpr int kTimeShift = 20;
    static constexpr qsizetype kTextLength = 56;
    // Digits 2 to 25 of every number of ours.
    static constexpr char kMarker[] = "000000000000000000000001";
    // The layout before 56 digits: "49", the counter (20 digits), the shard index (10 digits).
    static constexpr qsizetype kLegacyTextLength = 32;

    static constexpr qint64 counterAt(qint64 epochMs) { return epochMs << kTimeShift; }
    qint64 arrivalMs() const { return counter >> kTimeShift; }
    bool isForeign() const { return !foreignText.isEmpty(); }

    QString toString() const;
    // Writes the decimal text (ASCII, no terminator) to `out`, which holds at least
    // kMaxTextLength bytes; returns its length. For encoders that build a body in place.
    qsizetype writeText(char *out) const;
    static constexpr qsizetype kMaxTextLength = 129; // the wire pattern's longest
    // Parses our own layout; any other number (valid on the wire but not issued in this layout)
    // yields nullopt so callers can report InvalidArgumentException.
    static std::optional<SequenceNumber> parse(QStringView text);
    // Parses the 32-digit layout of earlier builds (exactly; nullopt for anything else). Only
    // the engine's checks can tell whether such a number was issued before the upgrade.
    static std::optional<SequenceNumber> parseLegacy(QStringView text);
    // The shard a number of ours names, in the current layout or the 32-digit one (a number
    // typed or saved before the upgrade); nullopt for others, which name no shard we can see.
    static std::optional<quint32> shardIndexOf(QStringView text);
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
