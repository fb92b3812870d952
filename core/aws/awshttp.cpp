#include "awshttp.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace shardscope {

QString awsErrorTypeName(QString name)
{
    const qsizetype hash = name.lastIndexOf(u'#');
    if (hash >= 0)
        name = name.mid(hash + 1);
    const qsizetype colon = name.indexOf(u':');
    if (colon >= 0)
        name = name.left(colon);
    return name.trimmed();
}

QByteArray AwsHttpResponse::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

void AwsHttp::send(QNetworkAccessManager *network, const QNetworkRequest &request,
                   const QByteArray &verb, const QByteArray &body,
                   std::chrono::milliseconds timeout, QObject *context, Callback done)
{
    QNetworkReply *reply = network->sendCustomRequest(request, verb, body);
    auto timedOut = std::make_shared<bool>(false);
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    QObject::connect(deadline, &QTimer::timeout, reply, [reply, timedOut] {
        *timedOut = true;
        reply->abort();
    });
    deadline->start(timeout);

    const QPointer<QObject> guard(context);
    const QString host = request.url().host();
    QObject::connect(reply, &QNetworkReply::finished, context,
                     [reply, guard, timedOut, timeout, host, done = std::move(done)] {
                         reply->deleteLater();
                         if (!guard)
                             return;
                         AwsHttpResponse response;
                         const QVariant status =
                             reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
                         if (!*timedOut && status.isValid() && status.toInt() > 0) {
                             response.status = status.toInt();
                             response.body = reply->readAll();
                             for (const auto &header : reply->rawHeaderPairs())
                                 response.headers.append(header);
                         } else if (*timedOut) {
                             response.transportError =
                                 tr("%1 did not answer within %2 seconds.")
                                     .arg(host)
                                     .arg(std::chrono::duration<double>(timeout).count());
                         } else {
                             response.transportError = reply->errorString();
                         }
                         done(response);
                     });
}

} // namespace shardscope
