#pragma once

#include "kinesis/api.h"
#include "kinesis/limits.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace shardscope {

// One line (or CSV row) that could not be read, for the batch preview.
struct BatchLineError
{
    int line = 0; // 1-based, in the file
    QString message;

    friend bool operator==(const BatchLineError &, const BatchLineError &) = default;
};

// What a batch file held: the records that are ready to send (with the line each came from)
// and the lines that are not.
struct BatchParse
{
    QList<PutRecordsRequestEntry> records;
    QList<int> lines; // lines[i] is where records[i] came from
    QList<BatchLineError> errors;
    qint64 totalBytes = 0; // data plus partition keys, as PutRecords counts them
};

// A run of records that fits one PutRecords request.
struct BatchChunk
{
    qsizetype first = 0;
    qsizetype count = 0;
};

// Reads the Put dialog's batch files and cuts batches into PutRecords requests.
//
// JSON Lines: one JSON object per line (blank lines are skipped):
//   {"PartitionKey": "user-1", "Data": "aGVsbG8="}          Data is base64, as in the API
//   {"PartitionKey": "user-2", "DataText": "hello"}          DataText is sent as UTF-8
//   {"PartitionKey": "user-3", "DataJson": {"a": 1}}         DataJson is sent as compact JSON
//   {"PartitionKey": "k", "ExplicitHashKey": "1234", ...}    optional, decimal 0 .. 2^128-1
// Exactly one of Data, DataText and DataJson; PartitionKey is required (1 to 256 characters),
// as PutRecords requires it even with an explicit hash key. Other members are refused, so a
// typo is not silently dropped.
//
// CSV (RFC 4180: commas, "quoted" fields with "" for a quote, line breaks inside quotes): a
// header row naming the columns partitionKey and data (the text, sent as UTF-8) or dataBase64,
// and optionally explicitHashKey, in any order and any letter case.
//
// Stateless, pure functions; any thread.
class RecordBatch final
{
    Q_DECLARE_TR_FUNCTIONS(shardscope::RecordBatch)

public:
    RecordBatch() = delete;

    static constexpr qsizetype kMaxRecordsPerRequest = KinesisLimits::kPutRecordsMaxRecords;
    static constexpr qint64 kMaxBytesPerRequest = KinesisLimits::kPutRecordsMaxBytes;
    static constexpr qsizetype kMaxPartitionKeyLength = KinesisLimits::kMaxPartitionKeyLength;

    enum class Format
    {
        JsonLines,
        Csv
    };

    // The format a file name suggests: .csv is CSV, everything else JSON Lines.
    static Format formatForFileName(const QString &fileName);

    // Records larger than `maxRecordBytes` are listed as errors.
    static BatchParse parseJsonLines(const QByteArray &content, qint64 maxRecordBytes = 1 << 20);
    static BatchParse parseCsv(const QByteArray &content, qint64 maxRecordBytes = 1 << 20);
    static BatchParse parse(const QByteArray &content, Format format,
                            qint64 maxRecordBytes = 1 << 20);

    // What is wrong with a record PutRecord would refuse (partition key length, explicit hash
    // key), or an empty string.
    static QString recordProblem(const PutRecordsRequestEntry &record, qint64 maxRecordBytes);

    // Bytes a record counts towards the 5 MiB request limit: data plus partition key (UTF-8).
    static qint64 requestBytes(const PutRecordsRequestEntry &record);

    // Consecutive chunks of at most `maxRecords` records and `maxBytes` bytes each (a record
    // larger than maxBytes gets a chunk of its own).
    static QList<BatchChunk> chunks(const QList<PutRecordsRequestEntry> &records,
                                    qsizetype maxRecords = kMaxRecordsPerRequest,
                                    qint64 maxBytes = kMaxBytesPerRequest);

    // RFC 4180 rows with the 1-based line each starts on; nullopt-like: `error` is set for an
    // unclosed quote.
    struct CsvRow
    {
        int line = 0;
        QStringList fields;
    };
    static QList<CsvRow> splitCsv(const QString &text, BatchLineError *error = nullptr);
};

} // namespace shardscope
