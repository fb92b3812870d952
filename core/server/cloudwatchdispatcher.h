#pragma once

#include "dispatcher.h"

#include <QByteArrayView>
#include <QStringView>

namespace shardscope {

class Engine;

// CloudWatch's GetMetricData and ListMetrics over the engine's own metrics (namespace
// AWS/Kinesis), in CloudWatch's JSON 1.0 protocol: the requests the endpoint routes here by
// their X-Amz-Target service, GraniteServiceVersion20100801. Errors carry CloudWatch's types
// (InvalidParameterValueException, MissingRequiredParameterException, InvalidNextToken).
// Thread-safe: it holds nothing besides the engine.
class CloudWatchDispatcher final
{
public:
    explicit CloudWatchDispatcher(const Engine &engine) : m_engine(engine) {}

    // ListMetrics answers at most this many metrics per page, as CloudWatch does.
    static constexpr int kListMetricsPageSize = 500;

    // Whether an X-Amz-Target names CloudWatch.
    static bool handles(QByteArrayView target);

    Dispatcher::Response handle(QStringView target, QByteArrayView contentType,
                                const QByteArray &body,
                                const Dispatcher::Authorizer &authorize = {}) const;

private:
    const Engine &m_engine;
};

} // namespace shardscope
