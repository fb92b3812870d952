#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <chrono>
#include <functional>
#include <utility>

class QNetworkAccessManager;
class QNetworkRequest;
class QObject;

namespace shardscope {

// What came back from one HTTP exchange: a status and body, or why there was none.
struct AwsHttpResponse
{
    int status = 0; // 0 when the server did not answer
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QString transportError; // set when status is 0: refused, TLS, timed out, ...

    QByteArray header(QByteArrayView name) const;
};

// The part of an AWS error type name that names the error: "com.amazon...#ResourceNotFoundException"
// and the header form "UnrecognizedClientException:http://internal.amazon.com/..." both give
// the bare name.
QString awsErrorTypeName(QString name);

// One asynchronous request through QNetworkAccessManager with a deadline, for the credential
// fetchers. `done` runs once, on `context`'s thread, unless `context` is destroyed first.
class AwsHttp final
{
    Q_DECLARE_TR_FUNCTIONS(shardscope::AwsHttp)

public:
    using Callback = std::function<void(const AwsHttpResponse &)>;

    static void send(QNetworkAccessManager *network, const QNetworkRequest &request,
                     const QByteArray &verb, const QByteArray &body,
                     std::chrono::milliseconds timeout, QObject *context, Callback done);
};

} // namespace shardscope
