#include "recordexport.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QPromise>
#include <QSaveFile>
#include <QStringDecoder>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace shardscope {

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype kFlushBytes = 256 * 1024;
constexpr qsizetype kCheckEvery = 256; // records (or lines) between looks at the cancel flag

// Appends `utf8` as a JSON string: quotes, backslashes and control characters escaped, every
// other byte as it is (the input is valid UTF-8).
void appendJsonString(QByteArray &out, QByteArrayView utf8)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out.append('"');
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        case '\b': out.append("\\b"); break;
        case '\f': out.append("\\f"); break;
        default:
            if (u < 0x20) {
                out.append("\\u00");
                out.append(kHex[u >> 4]);
                out.append(kHex[u & 0xf]);
            } else {
                out.append(c);
            }
        }
    }
    out.append('"');
}

void appendCsvField(QByteArray &out, QByteArrayView field)
{
    bool quote = false;
    for (const char c : field) {
        if (c == ',' || c == '"' || c == '\r' || c == '\n') {
            quote = true;
            break;
        }
    }
    if (!quote) {
        out.append(field);
        return;
    }
    out.append('"');
    for (const char c : field) {
        if (c == '"')
            out.append('"');
        out.append(c);
    }
    out.append('"');
}

bool isCsvText(const QByteArray &data)
{
    for (const char c : data) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t' && c != '\r' && c != '\n') || u == 0x7f)
            return false;
    }
    return RecordExport::isUtf8(data);
}

} // namespace

QString RecordExport::isoTimestamp(qint64 epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC).toString(Qt::ISODateWithMs);
}

bool RecordExport::isUtf8(const QByteArray &data)
{
    QStringDecoder decoder(QStringDecoder::Utf8,
                           QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    const QString text = decoder.decode(data);
    Q_UNUSED(text);
    return !decoder.hasError();
}

QByteArray RecordExport::jsonLine(const RecordEntry &record)
{
    QByteArray line;
    line.reserve(128 + record.data.size() * 2 + record.partitionKey.size());
    line.append("{\"ShardId\":");
    appendJsonString(line, record.shardId.toUtf8());
    line.append(",\"SequenceNumber\":");
    appendJsonString(line, record.sequenceNumber.toUtf8());
    line.append(",\"ApproximateArrivalTimestamp\":");
    appendJsonString(line, isoTimestamp(record.arrivalMs).toUtf8());
    line.append(",\"PartitionKey\":");
    appendJsonString(line, record.partitionKey.toUtf8());
    if (!record.explicitHashKey.isEmpty()) {
        line.append(",\"ExplicitHashKey\":");
        appendJsonString(line, record.explicitHashKey.toUtf8());
    }
    line.append(",\"Data\":\"");
    line.append(record.data.toBase64());
    line.append('"');
    if (isUtf8(record.data)) {
        line.append(",\"DataText\":");
        appendJsonString(line, record.data);
    }
    line.append("}\n");
    return line;
}

QByteArray RecordExport::csvHeader()
{
    return "ShardId,SequenceNumber,ApproximateArrivalTimestamp,PartitionKey,ExplicitHashKey,"
           "DataEncoding,Data\r\n"_ba;
}

QByteArray RecordExport::csvRow(const RecordEntry &record)
{
    QByteArray row;
    appendCsvField(row, record.shardId.toUtf8());
    row.append(',');
    appendCsvField(row, record.sequenceNumber.toUtf8());
    row.append(',');
    appendCsvField(row, isoTimestamp(record.arrivalMs).toUtf8());
    row.append(',');
    appendCsvField(row, record.partitionKey.toUtf8());
    row.append(',');
    appendCsvField(row, record.explicitHashKey.toUtf8());
    if (isCsvText(record.data)) {
        row.append(",text,");
        appendCsvField(row, record.data);
    } else {
        row.append(",base64,");
        row.append(record.data.toBase64());
    }
    row.append("\r\n");
    return row;
}

bool RecordExport::write(QIODevice &device, ExportFormat format, const QList<RecordEntry> &records,
                         const Cancelled &cancelled, const Progress &progress)
{
    QByteArray buffer;
    buffer.reserve(kFlushBytes + 4096);
    if (format == ExportFormat::Csv)
        buffer.append(csvHeader());
    for (qsizetype i = 0; i < records.size(); ++i) {
        if (i % kCheckEvery == 0) {
            if (cancelled && cancelled())
                return false;
            if (progress)
                progress(i);
        }
        buffer.append(format == ExportFormat::Csv ? csvRow(records.at(i)) : jsonLine(records.at(i)));
        if (buffer.size() >= kFlushBytes) {
            if (device.write(buffer) != buffer.size())
                return true; // the caller reads the device's error
            buffer.clear();
        }
    }
    if (!buffer.isEmpty())
        device.write(buffer);
    if (progress)
        progress(records.size());
    return true;
}

std::expected<RecordEntry, QString> RecordExport::parseJsonLine(QByteArrayView line)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return std::unexpected(tr("Not valid JSON at column %1: %2.")
                                   .arg(parseError.offset + 1)
                                   .arg(parseError.errorString()));
    if (!document.isObject())
        return std::unexpected(tr("Expected a JSON object."));
    const QJsonObject object = document.object();

    RecordEntry record;
    const auto text = [&object](QLatin1StringView key, QString *into) -> bool {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull())
            return true;
        if (!value.isString())
            return false;
        *into = value.toString();
        return true;
    };
    if (!text("ShardId"_L1, &record.shardId))
        return std::unexpected(tr("ShardId must be a string."));
    if (!text("SequenceNumber"_L1, &record.sequenceNumber))
        return std::unexpected(tr("SequenceNumber must be a string."));
    if (!text("ExplicitHashKey"_L1, &record.explicitHashKey))
        return std::unexpected(tr("ExplicitHashKey must be a string."));
    const QJsonValue pk = object.value("PartitionKey"_L1);
    if (!pk.isString() || pk.toString().isEmpty())
        return std::unexpected(tr("PartitionKey is missing or empty."));
    record.partitionKey = pk.toString();

    const QJsonValue arrival = object.value("ApproximateArrivalTimestamp"_L1);
    if (arrival.isString()) {
        const QDateTime time = QDateTime::fromString(arrival.toString(), Qt::ISODateWithMs);
        if (!time.isValid())
            return std::unexpected(
                tr("ApproximateArrivalTimestamp “%1” is not an ISO 8601 date and time.")
                    .arg(arrival.toString()));
        record.arrivalMs = time.toMSecsSinceEpoch();
    } else if (arrival.isDouble()) {
        record.arrivalMs = std::llround(arrival.toDouble() * 1000.0);
    } else if (!arrival.isUndefined() && !arrival.isNull()) {
        return std::unexpected(tr("ApproximateArrivalTimestamp must be a string or a number."));
    }

    const QJsonValue data = object.value("Data"_L1);
    const QJsonValue dataText = object.value("DataText"_L1);
    if (data.isString()) {
        auto decoded = QByteArray::fromBase64Encoding(data.toString().toLatin1(),
                                                      QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return std::unexpected(tr("Data is not valid base64."));
        record.data = std::move(*decoded);
        // Qt's JSON reader drops U+FEFF inside strings, so compare without it.
        if (dataText.isString()
            && QString(dataText.toString()).remove(QChar(0xFEFF))
                   != QString::fromUtf8(record.data).remove(QChar(0xFEFF)))
            return std::unexpected(tr("Data and DataText disagree."));
    } else if (!data.isUndefined() && !data.isNull()) {
        return std::unexpected(tr("Data must be a base64 string."));
    } else if (dataText.isString()) {
        record.data = dataText.toString().toUtf8();
    } else {
        return std::unexpected(tr("Data is missing."));
    }
    return record;
}

ImportResult RecordExport::read(QIODevice &device, const Cancelled &cancelled,
                                const Progress &progress)
{
    ImportResult result;
    qint64 lineNumber = 0;
    qint64 bytesRead = 0;
    while (!device.atEnd()) {
        if (lineNumber % kCheckEvery == 0) {
            if (cancelled && cancelled()) {
                result.cancelled = true;
                return result;
            }
            if (progress)
                progress(bytesRead);
        }
        QByteArray line = device.readLine();
        if (line.isEmpty() && !device.atEnd())
            break; // a read error
        ++lineNumber;
        bytesRead += line.size();
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        ++result.lines;
        auto record = parseJsonLine(line);
        if (record)
            result.records.append(std::move(*record));
        else
            result.errors.append({lineNumber, record.error()});
    }
    if (progress)
        progress(bytesRead);
    return result;
}

std::expected<ExportSummary, QString> RecordExport::writeFile(const QString &path,
                                                              ExportFormat format,
                                                              const QList<RecordEntry> &records,
                                                              const Cancelled &cancelled,
                                                              const Progress &progress)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return std::unexpected(tr("Could not write %1: %2").arg(path, file.errorString()));
    ExportSummary summary;
    summary.path = QFileInfo(path).absoluteFilePath();
    if (!write(file, format, records, cancelled, progress)) {
        file.cancelWriting();
        summary.cancelled = true;
        return summary;
    }
    summary.bytes = file.size();
    summary.records = records.size();
    if (!file.commit())
        return std::unexpected(tr("Could not write %1: %2").arg(path, file.errorString()));
    return summary;
}

std::expected<ImportResult, QString> RecordExport::readFile(const QString &path,
                                                            const Cancelled &cancelled,
                                                            const Progress &progress)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(tr("Could not read %1: %2").arg(path, file.errorString()));
    ImportResult result = read(file, cancelled, progress);
    if (file.error() != QFileDevice::NoError)
        return std::unexpected(tr("Could not read %1: %2").arg(path, file.errorString()));
    return result;
}

QFuture<std::expected<ExportSummary, QString>>
RecordExport::writeFileAsync(const QString &path, ExportFormat format,
                             const QList<RecordEntry> &records)
{
    using Result = std::expected<ExportSummary, QString>;
    return QtConcurrent::run(
        [](QPromise<Result> &promise, const QString &file, ExportFormat how,
           const QList<RecordEntry> &list) {
            promise.setProgressRange(0, int(std::min<qsizetype>(list.size(), INT_MAX)));
            promise.addResult(writeFile(
                file, how, list, [&promise] { return promise.isCanceled(); },
                [&promise](qint64 done) {
                    promise.setProgressValue(int(std::min<qint64>(done, INT_MAX)));
                }));
        },
        path, format, records);
}

QFuture<std::expected<ImportResult, QString>> RecordExport::readFileAsync(const QString &path)
{
    using Result = std::expected<ImportResult, QString>;
    return QtConcurrent::run(
        [](QPromise<Result> &promise, const QString &file) {
            const qint64 kib = QFileInfo(file).size() / 1024;
            promise.setProgressRange(0, int(std::min<qint64>(kib, INT_MAX)));
            promise.addResult(readFile(
                file, [&promise] { return promise.isCanceled(); },
                [&promise](qint64 bytes) {
                    promise.setProgressValue(int(std::min<qint64>(bytes / 1024, INT_MAX)));
                }));
        },
        path);
}

} // namespace shardscope
