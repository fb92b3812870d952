#pragma once

#include "kinesis/metricdata.h"

#include <QByteArray>
#include <QLatin1StringView>
#include <QList>
#include <QString>

#include <expected>
#include <optional>

namespace shardscope {

// CloudWatch's JSON 1.0 protocol (X-Amz-Target GraniteServiceVersion20100801.<Operation>,
// Content-Type application/x-amz-json-1.0) for the two metric reads Shardscope speaks, both
// directions: GetMetricData (MetricDataQueries of MetricStat {Metric {Namespace, MetricName,
// Dimensions}, Period, Stat}; StartTime and EndTime in epoch seconds) and ListMetrics. Only
// AWS/Kinesis metrics with dimensions StreamName, StreamName and ShardId, or StreamName and
// ConsumerName map to a MetricKey; anything else is a metric Kinesis does not publish.
// Stateless; any thread.
namespace CloudWatchCodec {

inline constexpr QLatin1StringView kTargetPrefix{"GraniteServiceVersion20100801."};
inline constexpr QLatin1StringView kContentType{"application/x-amz-json-1.0"};
inline constexpr QLatin1StringView kNamespace{"AWS/Kinesis"};

// A CloudWatch error: its query-protocol code ("InvalidParameterValue"), the JSON __type
// ("InvalidParameterValueException"), the HTTP status and the message.
struct Fault
{
    QString code;
    QString type;
    int status = 400;
    QString message;

    static Fault invalidParameterValue(const QString &message);
    static Fault missingParameter(const QString &message);
    static Fault invalidNextToken(const QString &message);
    static Fault internal(const QString &message);
    static Fault unknownOperation(const QString &operation);
};

struct ListMetricsFilter
{
    std::optional<QString> metricNamespace;
    std::optional<QString> metricName;
    QList<std::pair<QString, std::optional<QString>>> dimensions; // name, value
    QString nextToken;
};

// --- the server's side ---------------------------------------------------------------------
// A query for a metric outside AWS/Kinesis's dimensions keeps its id, name and statistic with
// an empty stream name: no series is stored under it, so its answer is empty, as CloudWatch's.
std::expected<MetricDataRequest, Fault> decodeGetMetricDataRequest(const QByteArray &body);
QByteArray encodeGetMetricDataResponse(const MetricDataResponse &response);
std::expected<ListMetricsFilter, Fault> decodeListMetricsRequest(const QByteArray &body);
// Whether a metric passes ListMetrics' filter (namespace, name, dimension names and values).
bool matches(const ListMetricsFilter &filter, const MetricKey &metric);
QByteArray encodeListMetricsResponse(const QList<MetricKey> &metrics, const QString &nextToken);
QByteArray encodeFault(const Fault &fault);

// --- the client's side ---------------------------------------------------------------------
QByteArray encodeGetMetricDataRequest(const MetricDataRequest &request, const QString &nextToken);
struct GetMetricDataPage
{
    QList<MetricDataResult> results; // as answered (by Id), oldest point first
    QString nextToken;
};
std::expected<GetMetricDataPage, QString> decodeGetMetricDataResponse(const QByteArray &body);

} // namespace CloudWatchCodec

} // namespace shardscope
