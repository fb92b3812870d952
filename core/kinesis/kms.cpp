#include "kms.h"

#include <QRegularExpression>
#include <QStringBuilder>

namespace shardscope {

std::optional<Error> kmsAliasNameProblem(const QString &aliasName)
{
    static const QRegularExpression pattern(QStringLiteral("^alias/[a-zA-Z0-9/_-]{1,250}$"));
    if (!pattern.match(aliasName).hasMatch())
        return Error{ErrorType::InvalidArgument,
                     u"Alias name " % aliasName %
                         u" is not valid: it must be alias/ followed by 1 to 250 "
                         u"letters, digits, '/', '_' or '-'."};
    if (aliasName.startsWith(QStringLiteral("alias/aws/")))
        return Error{ErrorType::InvalidArgument,
                     u"Alias names starting with alias/aws/ are reserved for "
                     u"AWS-managed keys: " %
                         aliasName};
    return std::nullopt;
}

} // namespace shardscope
