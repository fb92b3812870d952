#include "records/shardlineage.h"

#include "kinesis/shardid.h"

namespace shardscope {

qint64 lineageOrder(const QString &shardId, qsizetype seen)
{
    const auto number = shardNumber(shardId);
    return number ? qint64(*number) : (qint64(1) << 32) + qint64(seen);
}

QList<Shard> parentsFirst(QList<Shard> listed)
{
    std::stable_sort(listed.begin(), listed.end(), [](const Shard &a, const Shard &b) {
        const auto x = shardNumber(a.shardId);
        const auto y = shardNumber(b.shardId);
        if (x && y)
            return *x < *y;
        return a.shardId < b.shardId;
    });
    return listed;
}

} // namespace shardscope
