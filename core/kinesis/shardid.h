#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace shardscope {

// Shard ids as Kinesis writes them: "shardId-" and the shard's index in 12 digits.
namespace ShardId {
QString format(quint32 index);
// Resolves a shard id the way Kinesis does: the text after the first '-' (or all of it when
// there is none) must be decimal digits with a value up to 2^31 - 1, so "shardId-5",
// "shardId-000000000005" and "5" all name shard 5. nullopt otherwise.
std::optional<quint32> parse(QStringView shardId);
} // namespace ShardId

} // namespace shardscope
