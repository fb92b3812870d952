#include "cloudwatchcodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace shardscope::CloudWatchCodec {

namespace {

const QString kStreamName = u"StreamName"_s;
const QString kShardId = u"ShardId"_s;
const QString kConsumerName = u"ConsumerName"_s;

std::expected<QJsonObject, Fault> parseObject(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        return QJsonObject();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (!document.isObject())
        return std::unexpected(Fault{u"SerializationException"_s, u"SerializationException"_s,
                                     400, u"The request body is not a JSON object."_s});
    return document.object();
}

// Epoch seconds (a number, fractions allowed), as the JSON protocols send timestamps.
std::optional<qint64> epochMs(const QJsonValue &value)
{
    if (!value.isDouble() || !std::isfinite(value.toDouble()))
        return std::nullopt;
    return qint64(std::llround(value.toDouble() * 1000.0));
}

QJsonArray dimensionsOf(const MetricKey &key)
{
    QJsonArray dimensions{QJsonObject{{u"Name"_s, kStreamName}, {u"Value"_s, key.streamName}}};
    if (key.isShardLevel())
        dimensions.append(QJsonObject{{u"Name"_s, kShardId}, {u"Value"_s, key.shardId}});
    if (key.isConsumerLevel())
        dimensions.append(
            QJsonObject{{u"Name"_s, kConsumerName}, {u"Value"_s, key.consumerName}});
    return dimensions;
}

} // namespace

Fault Fault::invalidParameterValue(const QString &message)
{
    return Fault{u"InvalidParameterValue"_s, u"InvalidParameterValueException"_s, 400, message};
}

Fault Fault::missingParameter(const QString &message)
{
    return Fault{u"MissingParameter"_s, u"MissingRequiredParameterException"_s, 400, message};
}

Fault Fault::invalidNextToken(const QString &message)
{
    return Fault{u"InvalidNextToken"_s, u"InvalidNextToken"_s, 400, message};
}

Fault Fault::internal(const QString &message)
{
    return Fault{u"InternalServiceError"_s, u"InternalServiceFault"_s, 500, message};
}

Fault Fault::unknownOperation(const QString &operation)
{
    return Fault{u"UnknownOperationException"_s, u"UnknownOperationException"_s, 400,
                 operation.isEmpty() ? QString() : u"Unknown operation "_s + operation};
}

std::expected<MetricDataRequest, Fault> decodeGetMetricDataRequest(const QByteArray &body)
{
    const auto input = parseObject(body);
    if (!input)
        return std::unexpected(input.error());
    for (const QString &required : {u"MetricDataQueries"_s, u"StartTime"_s, u"EndTime"_s}) {
        if (!input->contains(required))
            return std::unexpected(
                Fault::missingParameter(u"The parameter %1 is required."_s.arg(required)));
    }
    MetricDataRequest decoded;
    const auto start = epochMs(input->value(u"StartTime"_s));
    const auto end = epochMs(input->value(u"EndTime"_s));
    if (!start || !end)
        return std::unexpected(Fault::invalidParameterValue(
            u"The parameters StartTime and EndTime must be timestamps."_s));
    decoded.startMs = *start;
    decoded.endMs = *end;
    const QJsonValue queries = input->value(u"MetricDataQueries"_s);
    if (!queries.isArray())
        return std::unexpected(
            Fault::invalidParameterValue(u"The parameter MetricDataQueries must be a list."_s));
    int index = 0;
    for (const QJsonValue &entry : queries.toArray()) {
        ++index;
        const QString member = u"MetricDataQueries.member.%1"_s.arg(index);
        const QJsonObject query = entry.toObject();
        if (!query.contains(u"Id"_s))
            return std::unexpected(
                Fault::missingParameter(u"The parameter %1.Id is required."_s.arg(member)));
        if (query.contains(u"Expression"_s))
            return std::unexpected(Fault::invalidParameterValue(
                u"%1.Expression: metric math and Metrics Insights queries are not supported by "
                u"Shardscope; use MetricStat."_s.arg(member)));
        if (!query.value(u"MetricStat"_s).isObject())
            return std::unexpected(Fault::missingParameter(
                u"The parameter %1.MetricStat is required."_s.arg(member)));
        const QJsonObject stat = query.value(u"MetricStat"_s).toObject();
        const QJsonObject metric = stat.value(u"Metric"_s).toObject();
        if (!stat.contains(u"Period"_s) || !stat.contains(u"Stat"_s) ||
            !metric.contains(u"MetricName"_s))
            return std::unexpected(Fault::missingParameter(
                u"The parameters %1.MetricStat.Metric.MetricName, .Period and .Stat are "
                u"required."_s.arg(member)));
        const auto statistic = parseStatistic(stat.value(u"Stat"_s).toString());
        if (!statistic)
            return std::unexpected(Fault::invalidParameterValue(
                u"The value %1 for parameter %2.MetricStat.Stat is not supported: use "
                u"SampleCount, Sum, Average, Minimum or Maximum."_s
                    .arg(stat.value(u"Stat"_s).toString(), member)));
        MetricDataQuery decodedQuery;
        decodedQuery.id = query.value(u"Id"_s).toString();
        decodedQuery.periodSeconds = stat.value(u"Period"_s).toInt(0);
        decodedQuery.statistic = *statistic;
        decodedQuery.key.metricName = metric.value(u"MetricName"_s).toString();
        std::optional<QString> streamName, shardId, consumerName;
        bool otherDimension = false;
        for (const QJsonValue &dimension : metric.value(u"Dimensions"_s).toArray()) {
            const QString name = dimension.toObject().value(u"Name"_s).toString();
            const QString value = dimension.toObject().value(u"Value"_s).toString();
            if (name == kStreamName && !streamName)
                streamName = value;
            else if (name == kShardId && !shardId)
                shardId = value;
            else if (name == kConsumerName && !consumerName)
                consumerName = value;
            else
                otherDimension = true;
        }
        // StreamName alone, or with one of ShardId and ConsumerName: Kinesis has no series
        // with both.
        const bool kinesisMetric = metric.value(u"Namespace"_s).toString() == kNamespace &&
                                   streamName && !otherDimension && !(shardId && consumerName) &&
                                   (!shardId || !shardId->isEmpty()) &&
                                   (!consumerName || !consumerName->isEmpty());
        if (kinesisMetric) {
            decodedQuery.key.streamName = *streamName;
            decodedQuery.key.shardId = shardId.value_or(QString());
            decodedQuery.key.consumerName = consumerName.value_or(QString());
        }
        decoded.queries.append(std::move(decodedQuery));
    }
    return decoded;
}

QByteArray encodeGetMetricDataResponse(const MetricDataResponse &response)
{
    QJsonArray results;
    for (const MetricDataResult &result : response.results) {
        // CloudWatch's default order (ScanBy TimestampDescending): newest first.
        QJsonArray timestamps, values;
        for (qsizetype i = result.series.timestampsMs.size() - 1; i >= 0; --i) {
            timestamps.append(double(result.series.timestampsMs[i]) / 1000.0);
            values.append(result.series.values[i]);
        }
        results.append(QJsonObject{{u"Id"_s, result.id},
                                   {u"Label"_s, result.label},
                                   {u"Timestamps"_s, timestamps},
                                   {u"Values"_s, values},
                                   {u"StatusCode"_s, u"Complete"_s}});
    }
    return QJsonDocument(QJsonObject{{u"MetricDataResults"_s, results},
                                     {u"Messages"_s, QJsonArray()}})
        .toJson(QJsonDocument::Compact);
}

std::expected<ListMetricsFilter, Fault> decodeListMetricsRequest(const QByteArray &body)
{
    const auto input = parseObject(body);
    if (!input)
        return std::unexpected(input.error());
    ListMetricsFilter filter;
    if (input->contains(u"Namespace"_s))
        filter.metricNamespace = input->value(u"Namespace"_s).toString();
    if (input->contains(u"MetricName"_s))
        filter.metricName = input->value(u"MetricName"_s).toString();
    int index = 0;
    for (const QJsonValue &entry : input->value(u"Dimensions"_s).toArray()) {
        ++index;
        const QJsonObject dimension = entry.toObject();
        if (!dimension.contains(u"Name"_s))
            return std::unexpected(Fault::missingParameter(
                u"The parameter Dimensions.member.%1.Name is required."_s.arg(index)));
        std::optional<QString> value;
        if (dimension.contains(u"Value"_s))
            value = dimension.value(u"Value"_s).toString();
        filter.dimensions.append({dimension.value(u"Name"_s).toString(), value});
    }
    filter.nextToken = input->value(u"NextToken"_s).toString();
    return filter;
}

bool matches(const ListMetricsFilter &filter, const MetricKey &metric)
{
    if (filter.metricNamespace && *filter.metricNamespace != kNamespace)
        return false;
    if (filter.metricName && *filter.metricName != metric.metricName)
        return false;
    for (const auto &[name, value] : filter.dimensions) {
        QString actual;
        if (name == kStreamName)
            actual = metric.streamName;
        else if (name == kShardId && metric.isShardLevel())
            actual = metric.shardId;
        else if (name == kConsumerName && metric.isConsumerLevel())
            actual = metric.consumerName;
        else
            return false;
        if (value && *value != actual)
            return false;
    }
    return true;
}

QByteArray encodeListMetricsResponse(const QList<MetricKey> &metrics, const QString &nextToken)
{
    QJsonArray list;
    for (const MetricKey &metric : metrics) {
        list.append(QJsonObject{{u"Namespace"_s, QString(kNamespace)},
                                {u"MetricName"_s, metric.metricName},
                                {u"Dimensions"_s, dimensionsOf(metric)}});
    }
    QJsonObject output{{u"Metrics"_s, list}};
    if (!nextToken.isEmpty())
        output.insert(u"NextToken"_s, nextToken);
    return QJsonDocument(output).toJson(QJsonDocument::Compact);
}

QByteArray encodeFault(const Fault &fault)
{
    QJsonObject body{{u"__type"_s, fault.type}};
    if (!fault.message.isEmpty())
        body.insert(u"message"_s, fault.message);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray encodeGetMetricDataRequest(const MetricDataRequest &request, const QString &nextToken)
{
    QJsonArray queries;
    for (const MetricDataQuery &query : request.queries) {
        const QJsonObject metric{{u"Namespace"_s, QString(kNamespace)},
                                 {u"MetricName"_s, query.key.metricName},
                                 {u"Dimensions"_s, dimensionsOf(query.key)}};
        queries.append(QJsonObject{
            {u"Id"_s, query.id},
            {u"MetricStat"_s, QJsonObject{{u"Metric"_s, metric},
                                          {u"Period"_s, query.periodSeconds},
                                          {u"Stat"_s, statisticName(query.statistic)}}},
            {u"ReturnData"_s, true}});
    }
    QJsonObject input{{u"MetricDataQueries"_s, queries},
                      {u"StartTime"_s, double(request.startMs) / 1000.0},
                      {u"EndTime"_s, double(request.endMs) / 1000.0},
                      {u"ScanBy"_s, u"TimestampAscending"_s}};
    if (!nextToken.isEmpty())
        input.insert(u"NextToken"_s, nextToken);
    return QJsonDocument(input).toJson(QJsonDocument::Compact);
}

std::expected<GetMetricDataPage, QString> decodeGetMetricDataResponse(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (!document.isObject())
        return std::unexpected(error.error == QJsonParseError::NoError ? u"not a JSON object"_s
                                                                       : error.errorString());
    const QJsonObject output = document.object();
    GetMetricDataPage page;
    page.nextToken = output.value(u"NextToken"_s).toString();
    for (const QJsonValue &entry : output.value(u"MetricDataResults"_s).toArray()) {
        const QJsonObject object = entry.toObject();
        const QJsonArray timestamps = object.value(u"Timestamps"_s).toArray();
        const QJsonArray values = object.value(u"Values"_s).toArray();
        if (timestamps.size() != values.size())
            return std::unexpected(u"result %1 has %2 timestamps but %3 values"_s.arg(
                object.value(u"Id"_s).toString())
                                       .arg(timestamps.size())
                                       .arg(values.size()));
        std::vector<std::pair<qint64, double>> points;
        points.reserve(size_t(timestamps.size()));
        for (qsizetype i = 0; i < timestamps.size(); ++i) {
            const auto at = epochMs(timestamps[i]);
            if (!at)
                return std::unexpected(u"a timestamp of result %1 is not a number"_s.arg(
                    object.value(u"Id"_s).toString()));
            points.emplace_back(*at, values[i].toDouble());
        }
        std::ranges::sort(points, {}, &std::pair<qint64, double>::first);
        MetricDataResult result;
        result.id = object.value(u"Id"_s).toString();
        result.label = object.value(u"Label"_s).toString();
        for (const auto &[at, value] : points) {
            result.series.timestampsMs.append(at);
            result.series.values.append(value);
        }
        page.results.append(std::move(result));
    }
    return page;
}

} // namespace shardscope::CloudWatchCodec
