#include "caller.h"

namespace shardscope {

const Caller &Caller::thisApp()
{
    static const Caller app{QString(), kThisAppUserAgent.toString(), QString()};
    return app;
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
