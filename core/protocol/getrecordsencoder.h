#pragma once

#include "kinesis/recordsink.h"
#include "wirecodec.h"

#include <QByteArray>

#include <memory>

namespace shardscope {

// Writes a GetRecords response body while the engine reads the page: each record arrives
// through record() as a view of its stored row and is appended to the body at once, without a
// Record, a QCborMap or a QString per record; finish() adds the members that follow the records.
// The body is byte for byte what WireCodec::encode() writes for the same GetRecordsResponse
// (tests/tst_getrecordsencoder checks that), so clients cannot tell which path wrote it.
//
// One encoder per response, used on one thread (the one running the read). When the read
// fails part-way, drop the encoder: nothing it wrote has left it.
class GetRecordsEncoder : public RecordSink
{
public:
    // The encoder for `format`.
    static std::unique_ptr<GetRecordsEncoder> create(WireFormat format);

    // The whole body: the records received so far, then `page`'s NextShardIterator,
    // MillisBehindLatest and ChildShards. `page.records` must be empty (the records come
    // through record()). The encoder is spent afterwards.
    virtual QByteArray finish(const GetRecordsResponse &page) = 0;

protected:
    GetRecordsEncoder() = default;

    // Room for `size` more bytes at the end of the body. Write them there, then commit() the
    // end of what was written.
    char *reserve(qsizetype size)
    {
        if (m_body.size() - m_used < size)
            grow(size);
        return m_body.data() + m_used;
    }
    void commit(const char *end) { m_used = end - m_body.constData(); }
    qsizetype used() const { return m_used; }
    // The bytes written so far, handing the buffer over.
    QByteArray takeBody();

private:
    void grow(qsizetype size);

    QByteArray m_body;
    qsizetype m_used = 0;
};

} // namespace shardscope
