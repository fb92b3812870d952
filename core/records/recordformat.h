#pragma once

#include "records/payloaddecoder.h"
#include "records/recordentry.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringView>

namespace shardscope {

// Texts the record inspector copies and shows: a record as a JSON object (the shape GetRecords
// returns it in, plus DataText for readable payloads), as an `aws kinesis put-record` command
// line, sizes, and the one-line note about a compression layer. Stateless, pure functions; any
// thread.
class RecordFormat final
{
    Q_DECLARE_TR_FUNCTIONS(shardscope::RecordFormat)

public:
    RecordFormat() = delete;

    // {"SequenceNumber", "ShardId", "ApproximateArrivalTimestamp" (ISO 8601, UTC, with
    // milliseconds), "PartitionKey", "ExplicitHashKey" (only when set), "Data" (base64),
    // "DataText" (only when the payload is well-formed UTF-8)}.
    static QJsonObject toJsonObject(const RecordEntry &record);
    static QString toJsonText(const RecordEntry &record);

    // One POSIX shell word: unchanged when it has only characters no shell treats specially,
    // otherwise in single quotes with each ' written as '\''. Non-ASCII text stays as it is.
    static QString shellQuote(QStringView word);

    // aws kinesis put-record --stream-name S --partition-key K [--explicit-hash-key H]
    //   --cli-binary-format raw-in-base64-out --data <base64>
    // on one line, every argument quoted for a POSIX shell. An empty stream name becomes
    // STREAM_NAME for the user to fill in.
    static QString putRecordCommand(const RecordEntry &record, const QString &streamName);

    // ISO 8601 in UTC with milliseconds: "2024-05-01T12:00:00.123Z".
    static QString isoTimestamp(qint64 epochMs);
    // "512 bytes", "1.2 KiB", "14 MiB" in the default locale.
    static QString size(qint64 bytes);
    // "gzip, 1.2 KiB → 14 KiB" for each compression layer, joined with "; "; empty without one.
    static QString compressionNote(const DecodedPayload &decoded);
};

} // namespace shardscope
