#include "putrecordswriter.h"

#include "cborhead.h"
#include "jsontext.h"

#include <cstring>

namespace shardscope {

namespace {

template<qsizetype N> char *writeLiteral(char *out, const char (&text)[N])
{
    std::memcpy(out, text, N - 1);
    return out + N - 1;
}

// The UTF-16 code units of an entry's strings, for sizing the body.
qsizetype textUnits(const PutRecordsResultEntry &e)
{
    return e.shardId.size() + e.errorCode.size() + e.errorMessage.size();
}

// The members an entry has: WireCodec leaves out a null string (putString), not an empty one.
qsizetype memberCount(const PutRecordsResultEntry &e)
{
    return qsizetype(e.sequenceNumber.has_value()) + !e.shardId.isNull() + !e.errorCode.isNull() +
           !e.errorMessage.isNull();
}

QByteArray writeJson(const PutRecordsResponse &response)
{
    const QString encryption = toWire(response.encryptionType);
    qsizetype room = 96 + kMaxJsonInteger + maxJsonStringContentOf(encryption.size());
    for (const PutRecordsResultEntry &e : response.records)
        room += 96 + SequenceNumber::kMaxTextLength + maxJsonStringContentOf(textUnits(e));
    QByteArray body(room, Qt::Uninitialized);
    char *out = body.data();
    out = writeLiteral(out, R"({"FailedRecordCount":)");
    out = writeJsonInteger(out, response.failedRecordCount);
    out = writeLiteral(out, R"(,"Records":[)");
    bool firstEntry = true;
    for (const PutRecordsResultEntry &e : response.records) {
        if (!firstEntry)
            *out++ = ',';
        firstEntry = false;
        *out++ = '{';
        bool firstMember = true;
        const auto name = [&](QByteArrayView nameAndQuotes) {
            if (!firstMember)
                *out++ = ',';
            firstMember = false;
            std::memcpy(out, nameAndQuotes.data(), size_t(nameAndQuotes.size()));
            out += nameAndQuotes.size();
        };
        const auto member = [&](const QString &value, QByteArrayView nameAndQuotes) {
            if (value.isNull())
                return;
            name(nameAndQuotes);
            out = writeJsonStringContent(out, QStringView(value));
            *out++ = '"';
        };
        if (e.sequenceNumber) {
            name(R"("SequenceNumber":")");
            out += e.sequenceNumber->writeText(out); // digits only
            *out++ = '"';
        }
        member(e.shardId, R"("ShardId":")");
        member(e.errorCode, R"("ErrorCode":")");
        member(e.errorMessage, R"("ErrorMessage":")");
        *out++ = '}';
    }
    out = writeLiteral(out, R"(],"EncryptionType":")");
    out = writeJsonStringContent(out, QStringView(encryption));
    out = writeLiteral(out, R"("})");
    body.truncate(out - body.constData());
    return body;
}

QByteArray writeCbor(const PutRecordsResponse &response)
{
    const QString encryption = toWire(response.encryptionType);
    qsizetype room = 96 + 4 * CborHead::kMaxSize + CborHead::maxTextSize(encryption.size());
    for (const PutRecordsResultEntry &e : response.records)
        room += 64 + 5 * CborHead::kMaxSize + SequenceNumber::kMaxTextLength + 3 * textUnits(e);
    QByteArray body(room, Qt::Uninitialized);
    char *out = body.data();
    out = CborHead::write(out, CborHead::Map, 3);
    out = CborHead::writeKey(out, "FailedRecordCount");
    out = CborHead::writeInteger(out, response.failedRecordCount);
    out = CborHead::writeKey(out, "Records");
    out = CborHead::write(out, CborHead::Array, quint64(response.records.size()));
    for (const PutRecordsResultEntry &e : response.records) {
        out = CborHead::write(out, CborHead::Map, quint64(memberCount(e)));
        if (e.sequenceNumber) {
            char digits[SequenceNumber::kMaxTextLength];
            const qsizetype length = e.sequenceNumber->writeText(digits);
            out = CborHead::writeKey(out, "SequenceNumber");
            out = CborHead::writeString(out, CborHead::Text, QByteArrayView(digits, length));
        }
        if (!e.shardId.isNull()) {
            out = CborHead::writeKey(out, "ShardId");
            out = CborHead::writeText(out, e.shardId);
        }
        if (!e.errorCode.isNull()) {
            out = CborHead::writeKey(out, "ErrorCode");
            out = CborHead::writeText(out, e.errorCode);
        }
        if (!e.errorMessage.isNull()) {
            out = CborHead::writeKey(out, "ErrorMessage");
            out = CborHead::writeText(out, e.errorMessage);
        }
    }
    out = CborHead::writeKey(out, "EncryptionType");
    out = CborHead::writeText(out, encryption);
    body.truncate(out - body.constData());
    return body;
}

} // namespace

QByteArray PutRecordsWriter::write(WireFormat format, const PutRecordsResponse &response)
{
    return format == WireFormat::Json ? writeJson(response) : writeCbor(response);
}

} // namespace shardscope
