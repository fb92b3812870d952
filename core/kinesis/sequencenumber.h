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
struct SequenceNumber
{
    qint64 counter = 0;
    quint32 shardIndex = 0;

    static constexpr int kTimeShift = 20;
    static constexpr qsizetype kTextLength = 32;

    static constexpr qint64 counterAt(qint64 epochMs) { return epochMs << kTimeShift; }
    constexpr qint64 arrivalMs() const { return counter >> kTimeShift; }

    QString toString() const;
    // Parses our own format; any other number (valid on the wire but not issued by this
    // emulator) yields nullopt so callers can report InvalidArgumentException.
    static std::optional<SequenceNumber> parse(QStringView text);
    // The wire pattern 0|([1-9]\d{0,128}), used to tell ValidationException from
    // InvalidArgumentException.
    static bool matchesWirePattern(QStringView text);

    friend constexpr auto operator<=>(const SequenceNumber &, const SequenceNumber &) = default;
};

} // namespace shardscope
