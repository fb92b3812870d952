// libFuzzer target for the record payload decoders: the KPL de-aggregator's protobuf reader
// first, then the whole inspector pipeline (gzip/zlib with a small cap, UTF-8, JSON, hex).
// Bytes in a stream come from anyone; whatever they are, decoding must not crash, leak, read
// out of bounds or trip a sanitizer. What de-aggregates must also be consistent: every
// sub-record's data is where it says it is, and aggregating the sub-records again and
// de-aggregating that gives the same records with a good checksum.

#include "records/kplaggregation.h"
#include "records/payloaddecoder.h"

#include <cstddef>
#include <cstdint>

using namespace shardscope;

namespace {

void check(bool condition)
{
    if (!condition)
        __builtin_trap();
}

void deaggregateAndCheck(const QByteArray &payload)
{
    const auto result = KplAggregation::deaggregate(payload);
    if (!result) {
        check(result.error().offset >= 0 && result.error().offset <= payload.size());
        check(!result.error().message.isEmpty());
        return;
    }
    QList<KplUserRecord> again;
    for (const KplSubRecord &record : result->records) {
        check(record.dataOffset >= 0 && record.dataOffset + record.data.size() <= payload.size());
        check(payload.mid(record.dataOffset, record.data.size()) == record.data);
        again.append({record.partitionKey, record.explicitHashKey, record.data, record.tags});
    }
    // Keys Kinesis would reject (empty, too long, a bad hash key) are refused by the aggregator;
    // anything it accepts must read back the same.
    const auto aggregated = KplAggregation::aggregate(again);
    if (!aggregated)
        return;
    const auto back = KplAggregation::deaggregate(*aggregated);
    check(back.has_value() && back->checksumMatches());
    check(back->records.size() == result->records.size());
    for (qsizetype i = 0; i < back->records.size(); ++i) {
        check(back->records[i].partitionKey == result->records[i].partitionKey);
        check(back->records[i].explicitHashKey == result->records[i].explicitHashKey);
        check(back->records[i].data == result->records[i].data);
        check(back->records[i].tags == result->records[i].tags);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    deaggregateAndCheck(input);

    DecodeOptions options;
    options.maxInflatedSize = 1 << 20;
    options.maxRenderSize = 64 * 1024;
    const DecodedPayload decoded = PayloadDecoder::decode(input, options);
    check(decoded.bytes.size() <= qMax(input.size(), options.maxInflatedSize));
    (void)decoded.summary();
    (void)PayloadDecoder::hexDump(decoded.bytes, 0, 8);
    (void)PayloadDecoder::decodeUtf8(input, PayloadDecoder::InvalidByteStyle::ReplacementCharacter);
    return 0;
}
