#include "recordformat.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLocale>
#include <QStringList>
#include <QTimeZone>

namespace shardscope {

using namespace Qt::StringLiterals;

namespace {

// Characters no POSIX shell gives a meaning to inside a word.
bool isShellSafe(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')
        || u == u'_' || u == u'-' || u == u'.' || u == u'/' || u == u':' || u == u',' || u == u'+'
        || u == u'=' || u == u'@' || u == u'%';
}

} // namespace

QJsonObject RecordFormat::toJsonObject(const RecordEntry &record)
{
    QJsonObject object;
    object.insert(u"SequenceNumber"_s, record.sequenceNumber);
    object.insert(u"ShardId"_s, record.shardId);
    object.insert(u"ApproximateArrivalTimestamp"_s, isoTimestamp(record.arrivalMs));
    object.insert(u"PartitionKey"_s, record.partitionKey);
    if (!record.explicitHashKey.isEmpty())
        object.insert(u"ExplicitHashKey"_s, record.explicitHashKey);
    object.insert(u"Data"_s, QString::fromLatin1(record.data.toBase64()));
    if (PayloadDecoder::scanUtf8(record.data).valid())
        object.insert(u"DataText"_s, QString::fromUtf8(record.data));
    return object;
}

QString RecordFormat::toJsonText(const RecordEntry &record)
{
    return QString::fromUtf8(QJsonDocument(toJsonObject(record)).toJson(QJsonDocument::Indented));
}

QString RecordFormat::shellQuote(QStringView word)
{
    if (!word.isEmpty() && std::all_of(word.begin(), word.end(), isShellSafe))
        return word.toString();
    QString quoted;
    quoted.reserve(word.size() + 2);
    quoted.append(u'\'');
    for (const QChar c : word) {
        if (c == u'\'')
            quoted.append(u"'\\''"_s);
        else
            quoted.append(c);
    }
    quoted.append(u'\'');
    return quoted;
}

QString RecordFormat::putRecordCommand(const RecordEntry &record, const QString &streamName)
{
    QStringList words{u"aws"_s, u"kinesis"_s, u"put-record"_s, u"--stream-name"_s,
                      streamName.isEmpty() ? u"STREAM_NAME"_s : shellQuote(streamName),
                      u"--partition-key"_s, shellQuote(record.partitionKey)};
    if (!record.explicitHashKey.isEmpty())
        words << u"--explicit-hash-key"_s << shellQuote(record.explicitHashKey);
    words << u"--cli-binary-format"_s << u"raw-in-base64-out"_s << u"--data"_s
          << shellQuote(QString::fromLatin1(record.data.toBase64()));
    return words.join(u' ');
}

QString RecordFormat::isoTimestamp(qint64 epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString RecordFormat::size(qint64 bytes)
{
    if (bytes == 1)
        return tr("1 byte");
    if (bytes < 1024)
        return tr("%L1 bytes").arg(bytes);
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

QString RecordFormat::compressionNote(const DecodedPayload &decoded)
{
    QStringList notes;
    for (const PayloadLayer &layer : decoded.layers) {
        if (layer.kind == PayloadLayer::Kind::Kpl)
            continue;
        QString note = tr("%1, %2 → %3")
                           .arg(PayloadDecoder::layerName(layer.kind), size(layer.inputSize),
                                size(layer.outputSize));
        if (layer.truncated)
            note = tr("%1 (cut off)").arg(note);
        notes.append(note);
    }
    return notes.join(u"; "_s);
}

} // namespace shardscope
