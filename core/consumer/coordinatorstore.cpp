#include "coordinatorstore.h"

#include "consumer/dynamocoordinatorstore.h"
#include "consumer/dynamoleasetable.h"
#include "consumer/sqlitecoordinatorstore.h"
#include "consumer/sqliteleasetable.h"

namespace shardscope {

CoordinatorStore *CoordinatorStore::forLeaseTable(LeaseTable *table, QObject *parent)
{
    if (auto *sqlite = qobject_cast<SqliteLeaseTable *>(table))
        return new SqliteCoordinatorStore(sqlite->path(), sqlite->tableName(), sqlite->isReadOnly(), parent);
    if (auto *dynamo = qobject_cast<DynamoLeaseTable *>(table))
        return new DynamoCoordinatorStore(dynamo->client(), dynamo->tableName(), dynamo->isReadOnly(), parent);
    return nullptr;
}

} // namespace shardscope
