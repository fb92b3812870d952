#pragma once

#include <QDateTime>
#include <QStringView>

#include <optional>

namespace shardscope {

// An ISO 8601 timestamp as AWS tools write them ("2019-11-09T13:34:41Z", with fractions of a
// second, a "+hh:mm" offset, or the "UTC" suffix older CLIs wrote into the SSO cache), in UTC.
// A timestamp without a zone is taken as UTC. nullopt when it is not a timestamp.
std::optional<QDateTime> parseAwsTimestamp(QStringView text);

} // namespace shardscope
