#include "cloudwatchdispatcher.h"

#include "engine/engine.h"
#include "protocol/cloudwatchcodec.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shardscope {

namespace {

using CloudWatchCodec::Fault;

// ListMetrics' NextToken: the last metric of the page, so the next page starts after it.
QString pageToken(const MetricKey &last)
{
    return QString::fromLatin1(
        QStringList{last.metricName, last.streamName, last.shardId, last.consumerName}
            .join(u'\n')
            .toUtf8()
            .toBase64(QByteArray::Base64UrlEncoding));
}

std::optional<MetricKey> openPageToken(const QString &token)
{
    const auto decoded = QByteArray::fromBase64Encoding(token.toLatin1(),
                                                        QByteArray::Base64UrlEncoding |
                                                            QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QStringList parts = QString::fromUtf8(*decoded).split(u'\n');
    if (parts.size() != 4)
        return std::nullopt;
    return MetricKey{parts[0], parts[1], parts[2], parts[3]};
}

} // namespace

bool CloudWatchDispatcher::handles(QByteArrayView target)
{
    return target.startsWith(QByteArrayView(CloudWatchCodec::kTargetPrefix.data(),
                                            CloudWatchCodec::kTargetPrefix.size()));
}

Dispatcher::Response CloudWatchDispatcher::handle(QStringView target, QByteArrayView contentType,
                                                  const QByteArray &body,
                                                  const Dispatcher::Authorizer &authorize) const
{
    Dispatcher::Response response;
    response.contentType = QByteArray(CloudWatchCodec::kContentType.data(),
                                      CloudWatchCodec::kContentType.size());
    const QStringView operation = target.sliced(CloudWatchCodec::kTargetPrefix.size());
    response.operation = u"cloudwatch:"_s + operation.toString();
    const auto fail = [&response](const Fault &fault) {
        response.status = fault.status;
        response.body = CloudWatchCodec::encodeFault(fault);
        return response;
    };
    if (!contentType.trimmed().toByteArray().toLower().startsWith(
            QByteArrayView(CloudWatchCodec::kContentType.data(), CloudWatchCodec::kContentType.size())))
        return fail(Fault{u"UnsupportedMediaType"_s, u"UnsupportedMediaTypeException"_s, 415,
                          u"CloudWatch is served here in its JSON 1.0 protocol only "
                          u"(Content-Type application/x-amz-json-1.0)."_s});
    if (body.size() > Dispatcher::kMaxRequestBytes)
        return fail(Fault{u"RequestEntityTooLarge"_s, u"RequestEntityTooLargeException"_s, 413,
                          u"The request body is too large."_s});
    const bool getMetricData = operation == u"GetMetricData";
    const bool listMetrics = operation == u"ListMetrics";
    if (!getMetricData && !listMetrics)
        return fail(Fault::unknownOperation(operation.toString()));
    if (authorize) {
        if (const auto denied = authorize())
            return fail(Fault{denied->typeName().remove(u"Exception"_s), denied->typeName(),
                              denied->httpStatus(), denied->message});
    }

    if (getMetricData) {
        const auto request = CloudWatchCodec::decodeGetMetricDataRequest(body);
        if (!request)
            return fail(request.error());
        const auto answer = m_engine.getMetricData(*request);
        if (!answer)
            return fail(answer.error().type == ErrorType::Validation
                            ? Fault::invalidParameterValue(answer.error().message)
                            : Fault::internal(answer.error().message));
        response.body = CloudWatchCodec::encodeGetMetricDataResponse(*answer);
        return response;
    }

    const auto filter = CloudWatchCodec::decodeListMetricsRequest(body);
    if (!filter)
        return fail(filter.error());
    QList<MetricKey> metrics = m_engine.listMetrics(); // sorted
    if (!filter->nextToken.isEmpty()) {
        const auto after = openPageToken(filter->nextToken);
        if (!after)
            return fail(Fault::invalidNextToken(u"The NextToken is not valid."_s));
        metrics.erase(metrics.begin(), std::ranges::upper_bound(metrics, *after));
    }
    QList<MetricKey> page;
    QString nextToken;
    for (const MetricKey &metric : std::as_const(metrics)) {
        if (!CloudWatchCodec::matches(*filter, metric))
            continue;
        if (page.size() == kListMetricsPageSize) {
            nextToken = pageToken(page.last());
            break;
        }
        page.append(metric);
    }
    response.body = CloudWatchCodec::encodeListMetricsResponse(page, nextToken);
    return response;
}

} // namespace shardscope
