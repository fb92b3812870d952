#pragma once

#include "kinesis/error.h"

#include <expected>

namespace shardscope {

class SqliteDb;


// The database layout and its migrations. PRAGMA user_version holds the version; each
// migration runs in its own transaction, so a crash mid-upgrade leaves the previous version.
namespace Schema {
constexpr int kCurrentVersion = 5;
std::expected<void, Error> migrate(SqliteDb &db);
} // namespace Schema

} // namespace shardscope
