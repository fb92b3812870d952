#include "policydocument.h"

#include "limits.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>

namespace shardscope::PolicyDocument {

namespace {

using Result = std::expected<void, QString>;

Result fail(const QString &message)
{
    return std::unexpected(message);
}

// A member that must be a non-empty string or a non-empty list of non-empty strings.
Result checkStringOrList(const QJsonValue &value, QStringView name, int statement)
{
    const QString where = QStringLiteral("Statement %1: %2").arg(statement).arg(name);
    if (value.isString())
        return value.toString().isEmpty() ? fail(where % u" must not be empty.") : Result{};
    if (!value.isArray())
        return fail(where % u" must be a string or a list of strings.");
    const QJsonArray list = value.toArray();
    if (list.isEmpty())
        return fail(where % u" must not be an empty list.");
    for (const QJsonValue &item : list) {
        if (!item.isString() || item.toString().isEmpty())
            return fail(where % u" must list only non-empty strings.");
    }
    return {};
}

// One of `name` or `notName` (not both), checked by `checkValue`.
template<typename Check>
Result checkEither(const QJsonObject &s, const QString &name, int statement, Check checkValue)
{
    const QString notName = u"Not" % name;
    const bool has = s.contains(name);
    const bool hasNot = s.contains(notName);
    if (has && hasNot)
        return fail(QStringLiteral("Statement %1 has both %2 and %3.").arg(statement).arg(name, notName));
    if (!has && !hasNot)
        return fail(QStringLiteral("Statement %1 has no %2.").arg(statement).arg(name));
    return checkValue(s.value(has ? name : notName), has ? name : notName);
}

Result checkPrincipal(const QJsonValue &value, const QString &name, int statement)
{
    if (value.isString()) {
        if (value.toString() != u"*")
            return fail(QStringLiteral("Statement %1: %2 must be \"*\" or an object such as "
                                       "{\"AWS\": \"arn:aws:iam::123456789012:root\"}.")
                            .arg(statement)
                            .arg(name));
        return {};
    }
    if (!value.isObject() || value.toObject().isEmpty())
        return fail(QStringLiteral("Statement %1: %2 must be \"*\" or an object such as "
                                   "{\"AWS\": \"arn:aws:iam::123456789012:root\"}.")
                        .arg(statement)
                        .arg(name));
    const QJsonObject principals = value.toObject();
    for (auto it = principals.begin(); it != principals.end(); ++it) {
        if (auto r = checkStringOrList(it.value(), QString(name % u'.' % it.key()), statement); !r)
            return r;
    }
    return {};
}

Result checkStatement(const QJsonValue &value, int statement)
{
    if (!value.isObject())
        return fail(QStringLiteral("Statement %1 is not an object.").arg(statement));
    const QJsonObject s = value.toObject();
    const QJsonValue effect = s.value(QStringLiteral("Effect"));
    if (effect.isUndefined())
        return fail(QStringLiteral("Statement %1 has no Effect.").arg(statement));
    if (effect.toString() != u"Allow" && effect.toString() != u"Deny")
        return fail(QStringLiteral("Statement %1: Effect must be \"Allow\" or \"Deny\".").arg(statement));
    if (auto r = checkEither(s, QStringLiteral("Principal"), statement,
                             [statement](const QJsonValue &v, const QString &name) {
                                 return checkPrincipal(v, name, statement);
                             });
        !r)
        return r;
    for (const QString &member : {QStringLiteral("Action"), QStringLiteral("Resource")}) {
        if (auto r = checkEither(s, member, statement,
                                 [statement](const QJsonValue &v, const QString &name) {
                                     return checkStringOrList(v, name, statement);
                                 });
            !r)
            return r;
    }
    const QJsonValue condition = s.value(QStringLiteral("Condition"));
    if (!condition.isUndefined() && !condition.isObject())
        return fail(QStringLiteral("Statement %1: Condition must be an object.").arg(statement));
    return {};
}

} // namespace

std::expected<void, QString> check(const QString &document)
{
    const QByteArray utf8 = document.toUtf8();
    if (utf8.size() > KinesisLimits::kMaxResourcePolicyBytes)
        return fail(QStringLiteral("The policy is %1 bytes long; at most %2 bytes are allowed.")
                        .arg(utf8.size())
                        .arg(KinesisLimits::kMaxResourcePolicyBytes));
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(utf8, &error);
    if (error.error != QJsonParseError::NoError)
        return fail(QStringLiteral("The policy is not valid JSON: %1 at character %2.")
                        .arg(error.errorString())
                        .arg(QString::fromUtf8(utf8.left(error.offset)).size() + 1));
    if (!json.isObject())
        return fail(QStringLiteral("The policy must be a JSON object."));
    const QJsonObject policy = json.object();
    const QJsonValue version = policy.value(QStringLiteral("Version"));
    if (version.isUndefined())
        return fail(QStringLiteral("The policy has no Version."));
    if (version.toString() != u"2012-10-17" && version.toString() != u"2008-10-17")
        return fail(QStringLiteral("The policy's Version must be \"2012-10-17\" or \"2008-10-17\"."));
    const QJsonValue statement = policy.value(QStringLiteral("Statement"));
    if (statement.isUndefined())
        return fail(QStringLiteral("The policy has no Statement."));
    if (statement.isObject())
        return checkStatement(statement, 1);
    if (!statement.isArray() || statement.toArray().isEmpty())
        return fail(QStringLiteral("The policy's Statement must be an object or a non-empty list "
                                   "of objects."));
    const QJsonArray statements = statement.toArray();
    for (qsizetype i = 0; i < statements.size(); ++i) {
        if (auto r = checkStatement(statements.at(i), int(i) + 1); !r)
            return r;
    }
    return {};
}

namespace {

void appendStrings(const QJsonValue &value, QStringList &into)
{
    const QJsonArray list = value.isArray() ? value.toArray() : QJsonArray{value};
    for (const QJsonValue &item : list) {
        const QString text = item.toString();
        if (!text.isEmpty() && !into.contains(text))
            into.append(text);
    }
}

} // namespace

std::optional<Summary> summarize(const QString &document)
{
    Summary summary;
    if (document.trimmed().isEmpty())
        return summary;
    const QJsonDocument json = QJsonDocument::fromJson(document.toUtf8());
    if (!json.isObject())
        return std::nullopt;
    const QJsonValue statement = json.object().value(QStringLiteral("Statement"));
    const QJsonArray statements = statement.isArray() ? statement.toArray()
        : statement.isObject()                        ? QJsonArray{statement}
                                                      : QJsonArray{};
    for (const QJsonValue &value : statements) {
        if (!value.isObject())
            continue;
        const QJsonObject s = value.toObject();
        ++summary.statements;
        if (s.value(QStringLiteral("Effect")).toString() == u"Deny")
            summary.hasDeny = true;
        const QJsonValue principal = s.contains(QStringLiteral("Principal"))
            ? s.value(QStringLiteral("Principal"))
            : s.value(QStringLiteral("NotPrincipal"));
        if (principal.isObject()) {
            const QJsonObject byKind = principal.toObject();
            for (auto it = byKind.begin(); it != byKind.end(); ++it)
                appendStrings(it.value(), summary.principals);
        } else {
            appendStrings(principal, summary.principals);
        }
        appendStrings(s.value(QStringLiteral("Action")), summary.actions);
        appendStrings(s.value(QStringLiteral("NotAction")), summary.notActions);
    }
    return summary;
}

} // namespace shardscope::PolicyDocument
