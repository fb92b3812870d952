#pragma once

#include "records/recordentry.h"

#include <QCoreApplication>
#include <QFuture>
#include <QList>
#include <QString>

#include <atomic>
#include <expected>
#include <functional>

class QIODevice;

namespace shardscope {

enum class ExportFormat { JsonLines, Csv };

// What an export wrote.
struct ExportSummary
{
    QString path;
    qint64 records = 0;
    qint64 bytes = 0;
    bool cancelled = false; // nothing was kept: the file was left as it was
};

// One line of an import that could not be read. Lines count from 1.
struct ImportLineError
{
    qint64 line = 0;
    QString message;

    friend bool operator==(const ImportLineError &, const ImportLineError &) = default;
};

// What an import read: every good line as a record, every bad line as an error.
struct ImportResult
{
    QList<RecordEntry> records;
    QList<ImportLineError> errors;
    qint64 lines = 0; // non-blank lines seen
    bool cancelled = false;
};

// Writes records as JSON Lines or CSV and reads JSON Lines back.
//
// JSON Lines: one object per line ("\n" ends every line, UTF-8, keys in this order):
//   {"ShardId":"shardId-000000000001","SequenceNumber":"4959…","ApproximateArrivalTimestamp":
//    "2023-11-14T22:13:20.123Z","PartitionKey":"user-42","ExplicitHashKey":"170141…",
//    "Data":"aGVsbG8=","DataText":"hello"}
//   ExplicitHashKey only when the record has one; Data is always the standard base64 of the
//   payload; DataText is the payload as a string, only when it is valid UTF-8. Reading takes
//   Data (or DataText when Data is absent); the rest as written, so an export reads back into
//   the same records. PartitionKey is required; ApproximateArrivalTimestamp may also be a number
//   of seconds since the epoch (what `aws kinesis get-records` prints). Blank lines are skipped.
// CSV (RFC 4180: "\r\n" line ends, fields with a comma, quote, CR or LF quoted, quotes doubled),
//   header ShardId,SequenceNumber,ApproximateArrivalTimestamp,PartitionKey,ExplicitHashKey,
//   DataEncoding,Data; DataEncoding is "text" when the payload is valid UTF-8 without control
//   characters other than tab, CR and LF (Data is then the text), else "base64".
//
// Files are written through QSaveFile: a failed or cancelled export leaves no half file.
// The async functions run on the global thread pool; their futures report progress (records
// written, or KiB read) and stop early when cancelled.
class RecordExport final
{
    Q_DECLARE_TR_FUNCTIONS(shardscope::RecordExport)

public:
    RecordExport() = delete;

    using Cancelled = std::function<bool()>;
    using Progress = std::function<void(qint64 done)>;

    static QByteArray jsonLine(const RecordEntry &record); // with its "\n"
    static QByteArray csvHeader();                         // with its "\r\n"
    static QByteArray csvRow(const RecordEntry &record);   // with its "\r\n"
    // "2023-11-14T22:13:20.123Z"
    static QString isoTimestamp(qint64 epochMs);
    static bool isUtf8(const QByteArray &data);

    // Writes every record (or stops when `cancelled` says so: returns false). Errors of the
    // device are the caller's to check.
    static bool write(QIODevice &device, ExportFormat format, const QList<RecordEntry> &records,
                      const Cancelled &cancelled = {}, const Progress &progress = {});
    // Parses one line; the record or why it is not one.
    static std::expected<RecordEntry, QString> parseJsonLine(QByteArrayView line);
    // Reads JSON Lines to the end of the device; `progress` gets the bytes read so far.
    static ImportResult read(QIODevice &device, const Cancelled &cancelled = {},
                             const Progress &progress = {});

    // Writes `path` atomically. The error is a sentence for the user.
    static std::expected<ExportSummary, QString> writeFile(const QString &path, ExportFormat format,
                                                           const QList<RecordEntry> &records,
                                                           const Cancelled &cancelled = {},
                                                           const Progress &progress = {});
    static std::expected<ImportResult, QString> readFile(const QString &path,
                                                         const Cancelled &cancelled = {},
                                                         const Progress &progress = {});

    // Off the calling thread: progress value = records written (range 0..records.size()).
    static QFuture<std::expected<ExportSummary, QString>>
    writeFileAsync(const QString &path, ExportFormat format, const QList<RecordEntry> &records);
    // Off the calling thread: progress value = KiB read (range 0..file size in KiB).
    static QFuture<std::expected<ImportResult, QString>> readFileAsync(const QString &path);
};

} // namespace shardscope
