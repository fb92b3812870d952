// libFuzzer target for the server's HTTP/1.1 request parser (Http1RequestParser). The first input
// byte chooses the size of the pieces the rest arrives in. Whatever the bytes, the parser must not
// crash, leak or trip a sanitizer, and it must read the same requests and refusals whether the
// bytes arrive at once or in pieces; every request it reads keeps to the limits (a body of its
// Content-Length, at most the body limit; header names in lower case).

#include "server/http1requestparser.h"

#include <QByteArray>
#include <QList>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace shardscope;

namespace {

constexpr Http1RequestParser::Limits kLimits{512, 4096};

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_http1: %s\n", what);
        std::abort();
    }
}

// What a parse read: requests and refusals, in order, as text to compare.
QList<QByteArray> parse(const QByteArray &input, qsizetype piece)
{
    Http1RequestParser parser(kLimits);
    QByteArray buffer;
    QList<QByteArray> seen;
    qsizetype fed = 0;
    for (;;) {
        const Http1RequestParser::Step step = parser.next(buffer);
        switch (step.kind) {
        case Http1RequestParser::Step::NeedMore:
            if (fed == input.size())
                return seen;
            buffer.append(input.mid(fed, piece));
            fed = std::min(input.size(), fed + piece);
            continue;
        case Http1RequestParser::Step::HeadRead:
            continue;
        case Http1RequestParser::Step::Refused:
            seen.append("refused " + QByteArray::number(step.status) + ' ' + step.message);
            return seen; // nothing is read after a refusal
        case Http1RequestParser::Step::Request: {
            const HttpRequest &r = step.request;
            check(r.body.size() <= kLimits.maxBodyBytes, "a body over the limit");
            check(r.body.size() == r.header("content-length").toLongLong(), "a body not of its Content-Length");
            QByteArray text = r.method + ' ' + r.target + (step.closeAfter ? " close" : " keep");
            for (auto it = r.headers.cbegin(); it != r.headers.cend(); ++it) {
                check(it.key() == it.key().toLower(), "a header name not in lower case");
                text += '\n' + it.key() + ':' + it.value();
            }
            seen.append(text + "\n\n" + r.body);
            continue;
        }
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const qsizetype piece = qsizetype(data[0] % 32) + 1;
    const QByteArray input(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const QList<QByteArray> whole = parse(input, std::max<qsizetype>(1, input.size()));
    const QList<QByteArray> pieces = parse(input, piece);
    check(whole == pieces, "pieces read otherwise than the whole");
    return 0;
}
