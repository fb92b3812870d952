#include "getrecordsencoder.h"

#include "cborgetrecordsencoder.h"
#include "jsongetrecordsencoder.h"

#include <algorithm>

namespace shardscope {

std::unique_ptr<GetRecordsEncoder> GetRecordsEncoder::create(WireFormat format)
{
    if (format == WireFormat::Cbor)
        return std::make_unique<CborGetRecordsEncoder>();
    return std::make_unique<JsonGetRecordsEncoder>();
}

void GetRecordsEncoder::grow(qsizetype size)
{
    // Growing fourfold, the bytes copied while a page grows stay under a third of its size.
    constexpr qsizetype kFirstBlock = 64 * 1024;
    m_body.resize(std::max({m_used + size, m_body.size() * 4, kFirstBlock}));
}

QByteArray GetRecordsEncoder::takeBody()
{
    m_body.truncate(m_used);
    m_used = 0;
    return std::move(m_body);
}

} // namespace shardscope
