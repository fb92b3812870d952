// libFuzzer target for the event-stream decoder (SubscribeToShard's framing).
// The first input byte chooses how the rest is fed to the decoder (one piece, or pieces of
// 1–16 bytes), so message boundaries fall anywhere. Decoding must never crash, leak or trip a
// sanitizer; an error is a fine answer, and after one the decoder must stay failed. Every
// message that decodes must encode again to exactly the bytes it was read from, and decodeOne()
// over those bytes must give the same message.

#include "protocol/eventstream.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace shardscope;

namespace {

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_eventstream: %s\n", what);
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const qsizetype piece = data[0] == 0 ? qsizetype(size) : qsizetype(data[0] % 16) + 1;
    const QByteArray input(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    EventStream::Decoder decoder;
    qsizetype fed = 0;
    qsizetype consumed = 0; // bytes of input that decoded messages came from
    bool failed = false;
    while (!failed) {
        auto next = decoder.next();
        if (!next) {
            failed = true;
            check(decoder.failed(), "an error left the decoder usable");
            check(!decoder.next().has_value(), "a failed decoder decoded again");
            break;
        }
        if (next->has_value()) {
            const QByteArray encoded = EventStream::encode(**next);
            check(input.mid(consumed, encoded.size()) == encoded, "a decoded message encodes to other bytes");
            auto again = EventStream::decodeOne(encoded);
            check(again.has_value() && *again == **next, "decodeOne differs from the streaming decoder");
            consumed += encoded.size();
            continue;
        }
        if (fed == input.size())
            break;
        const qsizetype take = qMin(piece, input.size() - fed);
        decoder.feed(QByteArrayView(input).sliced(fed, take));
        fed += take;
    }
    if (!failed)
        check(decoder.pending() == input.size() - consumed, "pending bytes miscounted");
    return 0;
}
