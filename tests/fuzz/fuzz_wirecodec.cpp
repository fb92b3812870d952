// libFuzzer target for the wire request decoders (JSON 1.1 and CBOR). The first input byte
// chooses the format and the request type; the rest is the body. Decoding must never crash,
// leak or trip a sanitizer, whatever the bytes; an error value is a fine answer.

#include "protocol/wirecodec.h"

#include <cstddef>
#include <cstdint>

using namespace shardscope;

namespace {

template<typename T>
void decodeAndReencode(const WireCodec &codec, const QByteArray &body)
{
    const auto decoded = codec.decode<T>(body);
    if (decoded) {
        // Whatever decodes must encode again and decode to an equal message.
        const QByteArray again = codec.encode(*decoded);
        const auto second = codec.decode<T>(again);
        if (!second)
            __builtin_trap();
    } else {
        (void)codec.encodeError(decoded.error());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const WireCodec codec(data[0] & 1 ? WireFormat::Cbor : WireFormat::Json);
    const QByteArray body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    switch ((data[0] >> 1) % 24) {
    case 0: decodeAndReencode<CreateStreamRequest>(codec, body); break;
    case 1: decodeAndReencode<DeleteStreamRequest>(codec, body); break;
    case 2: decodeAndReencode<ListStreamsRequest>(codec, body); break;
    case 3: decodeAndReencode<DescribeStreamRequest>(codec, body); break;
    case 4: decodeAndReencode<StreamTarget>(codec, body); break;
    case 5: decodeAndReencode<ListShardsRequest>(codec, body); break;
    case 6: decodeAndReencode<PutRecordRequest>(codec, body); break;
    case 7: decodeAndReencode<PutRecordsRequest>(codec, body); break;
    case 8: decodeAndReencode<GetShardIteratorRequest>(codec, body); break;
    case 9: decodeAndReencode<GetRecordsRequest>(codec, body); break;
    case 10: decodeAndReencode<SplitShardRequest>(codec, body); break;
    case 11: decodeAndReencode<MergeShardsRequest>(codec, body); break;
    case 12: decodeAndReencode<UpdateShardCountRequest>(codec, body); break;
    case 13: decodeAndReencode<RetentionPeriodRequest>(codec, body); break;
    case 14: decodeAndReencode<UpdateMaxRecordSizeRequest>(codec, body); break;
    case 15: decodeAndReencode<UpdateStreamModeRequest>(codec, body); break;
    case 16: decodeAndReencode<AddTagsToStreamRequest>(codec, body); break;
    case 17: decodeAndReencode<RemoveTagsFromStreamRequest>(codec, body); break;
    case 18: decodeAndReencode<ListTagsForStreamRequest>(codec, body); break;
    case 19: decodeAndReencode<TagResourceRequest>(codec, body); break;
    case 20: decodeAndReencode<UntagResourceRequest>(codec, body); break;
    case 21: decodeAndReencode<ListTagsForResourceRequest>(codec, body); break;
    case 22: decodeAndReencode<GetRecordsResponse>(codec, body); break; // the client side
    default: (void)codec.decodeError(body); break;
    }
    return 0;
}
