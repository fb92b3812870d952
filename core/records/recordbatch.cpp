#include "recordbatch.h"

#include "kinesis/hashkey.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace shardscope {

using namespace Qt::StringLiterals;

namespace {

// The 1-based column of a byte offset in a UTF-8 line, counted in characters.
int columnOf(const QByteArray &line, int offset)
{
    return int(QString::fromUtf8(line.left(offset)).size()) + 1;
}

} // namespace

RecordBatch::Format RecordBatch::formatForFileName(const QString &fileName)
{
    return fileName.endsWith(u".csv"_s, Qt::CaseInsensitive) ? Format::Csv : Format::JsonLines;
}

qint64 RecordBatch::requestBytes(const PutRecordsRequestEntry &record)
{
    return record.data.size() + record.partitionKey.toUtf8().size();
}

QString RecordBatch::recordProblem(const PutRecordsRequestEntry &record, qint64 maxRecordBytes)
{
    if (record.partitionKey.isEmpty())
        return tr("The partition key is empty.");
    if (record.partitionKey.size() > kMaxPartitionKeyLength)
        return tr("The partition key has %L1 characters; at most %L2 are allowed.")
            .arg(record.partitionKey.size())
            .arg(kMaxPartitionKeyLength);
    if (record.explicitHashKey && !HashKey::fromDecimal(*record.explicitHashKey))
        return tr("The explicit hash key “%1” is not a decimal number from 0 to 2^128 - 1.")
            .arg(*record.explicitHashKey);
    if (requestBytes(record) > maxRecordBytes)
        return tr("The record is %L1 bytes; at most %L2 are allowed.")
            .arg(requestBytes(record))
            .arg(maxRecordBytes);
    return {};
}

BatchParse RecordBatch::parseJsonLines(const QByteArray &content, qint64 maxRecordBytes)
{
    BatchParse result;
    const QList<QByteArray> lines = content.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int lineNumber = int(i) + 1;
        QByteArray line = lines.at(i);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        const auto fail = [&](const QString &message) {
            result.errors.append({lineNumber, message});
        };
        QJsonParseError parseError{};
        const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            fail(tr("Column %1: %2").arg(columnOf(line, parseError.offset)).arg(parseError.errorString()));
            continue;
        }
        if (!document.isObject()) {
            fail(tr("Expected a JSON object."));
            continue;
        }
        const QJsonObject object = document.object();
        QStringList unknown;
        for (auto it = object.begin(); it != object.end(); ++it) {
            static const QStringList known{u"PartitionKey"_s, u"ExplicitHashKey"_s, u"Data"_s,
                                           u"DataText"_s, u"DataJson"_s};
            if (!known.contains(it.key()))
                unknown.append(it.key());
        }
        if (!unknown.isEmpty()) {
            fail(tr("Unknown member “%1”; use PartitionKey, ExplicitHashKey and one of Data, "
                    "DataText or DataJson.")
                     .arg(unknown.first()));
            continue;
        }
        const QJsonValue pk = object.value(u"PartitionKey"_s);
        if (!pk.isString()) {
            fail(pk.isUndefined() ? tr("PartitionKey is missing.")
                                  : tr("PartitionKey must be a string."));
            continue;
        }
        PutRecordsRequestEntry record;
        record.partitionKey = pk.toString();
        const QJsonValue ehk = object.value(u"ExplicitHashKey"_s);
        if (!ehk.isUndefined() && !ehk.isNull()) {
            if (!ehk.isString()) {
                fail(tr("ExplicitHashKey must be a string of decimal digits."));
                continue;
            }
            record.explicitHashKey = ehk.toString();
        }
        const int dataMembers = int(object.contains(u"Data"_s)) + int(object.contains(u"DataText"_s))
                              + int(object.contains(u"DataJson"_s));
        if (dataMembers != 1) {
            fail(dataMembers == 0 ? tr("Data, DataText or DataJson is missing.")
                                  : tr("Give only one of Data, DataText and DataJson."));
            continue;
        }
        if (object.contains(u"Data"_s)) {
            const QJsonValue data = object.value(u"Data"_s);
            if (!data.isString()) {
                fail(tr("Data must be a base64 string."));
                continue;
            }
            auto decoded = QByteArray::fromBase64Encoding(data.toString().toLatin1(),
                                                          QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded) {
                fail(tr("Data is not valid base64."));
                continue;
            }
            record.data = std::move(decoded.decoded);
        } else if (object.contains(u"DataText"_s)) {
            const QJsonValue data = object.value(u"DataText"_s);
            if (!data.isString()) {
                fail(tr("DataText must be a string."));
                continue;
            }
            record.data = data.toString().toUtf8();
        } else {
            const QJsonValue data = object.value(u"DataJson"_s);
            if (data.isObject())
                record.data = QJsonDocument(data.toObject()).toJson(QJsonDocument::Compact);
            else if (data.isArray())
                record.data = QJsonDocument(data.toArray()).toJson(QJsonDocument::Compact);
            else {
                // A scalar: its JSON text.
                const QByteArray wrapped =
                    QJsonDocument(QJsonArray{data}).toJson(QJsonDocument::Compact);
                record.data = wrapped.mid(1, wrapped.size() - 2);
            }
        }
        const QString problem = recordProblem(record, maxRecordBytes);
        if (!problem.isEmpty()) {
            fail(problem);
            continue;
        }
        result.totalBytes += requestBytes(record);
        result.records.append(std::move(record));
        result.lines.append(lineNumber);
    }
    return result;
}

QList<RecordBatch::CsvRow> RecordBatch::splitCsv(const QString &text, BatchLineError *error)
{
    QList<CsvRow> rows;
    CsvRow row;
    QString field;
    bool inQuotes = false;
    bool fieldWasQuoted = false;
    int line = 1;
    int quoteLine = 0;
    row.line = 1;
    const auto endField = [&] {
        row.fields.append(field);
        field.clear();
        fieldWasQuoted = false;
    };
    const auto endRow = [&] {
        endField();
        // A blank line is no row.
        if (!(row.fields.size() == 1 && row.fields.first().isEmpty()))
            rows.append(row);
        row = CsvRow{};
        row.line = line;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    field.append(u'"');
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                if (c == u'\n')
                    ++line;
                field.append(c);
            }
            continue;
        }
        if (c == u'"' && field.isEmpty() && !fieldWasQuoted) {
            inQuotes = true;
            fieldWasQuoted = true;
            quoteLine = line;
        } else if (c == u',') {
            endField();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            continue;
        } else if (c == u'\n') {
            ++line;
            endRow();
        } else {
            field.append(c);
        }
    }
    if (inQuotes) {
        if (error)
            *error = {quoteLine, tr("A quoted field is not closed.")};
        return rows;
    }
    if (!field.isEmpty() || !row.fields.isEmpty())
        endRow();
    return rows;
}

BatchParse RecordBatch::parseCsv(const QByteArray &content, qint64 maxRecordBytes)
{
    BatchParse result;
    BatchLineError splitError;
    const QList<CsvRow> rows = splitCsv(QString::fromUtf8(content), &splitError);
    if (splitError.line > 0)
        result.errors.append(splitError);
    if (rows.isEmpty()) {
        if (result.errors.isEmpty())
            result.errors.append({1, tr("The file is empty; expected a header row with "
                                        "partitionKey and data.")});
        return result;
    }
    const CsvRow &header = rows.first();
    int pkColumn = -1;
    int dataColumn = -1;
    int base64Column = -1;
    int ehkColumn = -1;
    for (int i = 0; i < header.fields.size(); ++i) {
        const QString name = header.fields.at(i).trimmed().toLower();
        if (name == u"partitionkey"_s)
            pkColumn = i;
        else if (name == u"data"_s)
            dataColumn = i;
        else if (name == u"database64"_s)
            base64Column = i;
        else if (name == u"explicithashkey"_s)
            ehkColumn = i;
        else {
            result.errors.append({header.line, tr("Unknown column “%1”; use partitionKey, data "
                                                  "(or dataBase64) and explicitHashKey.")
                                                   .arg(header.fields.at(i))});
            return result;
        }
    }
    if (pkColumn < 0 || (dataColumn < 0) == (base64Column < 0)) {
        result.errors.append({header.line, tr("The header row must name partitionKey and one of "
                                              "data or dataBase64.")});
        return result;
    }
    for (qsizetype r = 1; r < rows.size(); ++r) {
        const CsvRow &row = rows.at(r);
        if (row.fields.size() != header.fields.size()) {
            result.errors.append({row.line, tr("Expected %1 fields, found %2.")
                                                .arg(header.fields.size())
                                                .arg(row.fields.size())});
            continue;
        }
        PutRecordsRequestEntry record;
        record.partitionKey = row.fields.at(pkColumn);
        if (ehkColumn >= 0 && !row.fields.at(ehkColumn).isEmpty())
            record.explicitHashKey = row.fields.at(ehkColumn);
        if (dataColumn >= 0) {
            record.data = row.fields.at(dataColumn).toUtf8();
        } else {
            auto decoded = QByteArray::fromBase64Encoding(row.fields.at(base64Column).toLatin1(),
                                                          QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded) {
                result.errors.append({row.line, tr("dataBase64 is not valid base64.")});
                continue;
            }
            record.data = std::move(decoded.decoded);
        }
        const QString problem = recordProblem(record, maxRecordBytes);
        if (!problem.isEmpty()) {
            result.errors.append({row.line, problem});
            continue;
        }
        result.totalBytes += requestBytes(record);
        result.records.append(std::move(record));
        result.lines.append(row.line);
    }
    return result;
}

BatchParse RecordBatch::parse(const QByteArray &content, Format format, qint64 maxRecordBytes)
{
    return format == Format::Csv ? parseCsv(content, maxRecordBytes)
                                 : parseJsonLines(content, maxRecordBytes);
}

QList<BatchChunk> RecordBatch::chunks(const QList<PutRecordsRequestEntry> &records,
                                      qsizetype maxRecords, qint64 maxBytes)
{
    QList<BatchChunk> result;
    BatchChunk current;
    qint64 bytes = 0;
    for (qsizetype i = 0; i < records.size(); ++i) {
        const qint64 size = requestBytes(records.at(i));
        if (current.count > 0 && (current.count >= maxRecords || bytes + size > maxBytes)) {
            result.append(current);
            current = BatchChunk{i, 0};
            bytes = 0;
        }
        if (current.count == 0)
            current.first = i;
        ++current.count;
        bytes += size;
    }
    if (current.count > 0)
        result.append(current);
    return result;
}

} // namespace shardscope
