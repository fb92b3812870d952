#include "kinesisname.h"

#include "kinesis/limits.h"

#include <QLocale>
#include <QStringList>

namespace shardscope {

namespace {

bool isNameCharacter(char32_t c)
{
    return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9')
        || c == U'_' || c == U'.' || c == U'-';
}

} // namespace

QString KinesisName::problem(const QString &name, const QString &emptyText)
{
    if (name.isEmpty())
        return emptyText;
    QStringList problems;
    QStringList refused;
    for (const char32_t c : name.toUcs4()) {
        if (isNameCharacter(c))
            continue;
        QString shown;
        if (c == U' ')
            shown = tr("a space");
        else if (QChar::isPrint(c))
            shown = tr("“%1”").arg(QString::fromUcs4(&c, 1));
        else
            shown = tr("the character U+%1").arg(uint(c), 4, 16, QLatin1Char('0')).toUpper();
        if (!refused.contains(shown))
            refused.append(shown);
    }
    if (!refused.isEmpty()) {
        const QString list = QLocale().createSeparatedList(refused);
        problems.append(refused.size() == 1
                            ? tr("The name contains %1, which is not allowed.").arg(list)
                            : tr("The name contains %1, which are not allowed.").arg(list));
        problems.append(tr("Use letters A–Z and a–z, digits, “_”, “.” and “-”."));
    }
    if (name.size() > KinesisLimits::kMaxNameLength)
        problems.append(tr("The name is %L1 characters long; at most %L2 are allowed.")
                            .arg(name.size())
                            .arg(KinesisLimits::kMaxNameLength));
    return problems.join(u' ');
}

} // namespace shardscope
