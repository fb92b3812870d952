#include "caller.h"

namespace shardscope {

const Caller &Caller::thisApp()
{
    static const Caller app{QString(), kThisAppUserAgent.toString(), QString()};
    return app;
}

QString Caller::readerUserAgent(QStringView userAgent)
{
    QString kept;
    for (const QStringView product : userAgent.split(u' ', Qt::SkipEmptyParts)) {
        if (product.startsWith(u"command/") || product.startsWith(u"m/"))
            continue;
        if (!kept.isEmpty())
            kept += u' ';
        kept += product;
    }
    return kept;
}

bool Caller::isThisApp() const
{
    return *this == thisApp();
}

size_t qHash(const Caller &caller, size_t seed) noexcept
{
    return qHashMulti(seed, caller.accessKeyId, caller.userAgent, caller.peerAddress);
}

} // namespace shardscope
