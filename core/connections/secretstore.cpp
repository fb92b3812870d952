#include "secretstore.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace shardscope {

using namespace Qt::StringLiterals;

QString SecretStore::serviceName()
{
    return u"Shardscope"_s;
}

QString SecretStore::keyFor(const QString &connectionId)
{
    return u"connection/"_s + connectionId;
}

QByteArray SecretStore::encode(const ConnectionSecret &secret)
{
    QJsonObject object{{u"secretAccessKey"_s, secret.secretAccessKey}};
    if (!secret.sessionToken.isEmpty())
        object.insert(u"sessionToken"_s, secret.sessionToken);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<ConnectionSecret> SecretStore::decode(const QByteArray &data)
{
    const QJsonDocument document = QJsonDocument::fromJson(data);
    if (!document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    const QJsonValue secret = object.value(u"secretAccessKey"_s);
    if (!secret.isString())
        return std::nullopt;
    return ConnectionSecret{secret.toString(), object.value(u"sessionToken"_s).toString()};
}

} // namespace shardscope
