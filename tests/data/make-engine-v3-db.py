#!/usr/bin/env python3
"""Makes tests/data/engine-v3.db, the database tst_engine_migration upgrades: written by the
build before sequence numbers went from 32 to 56 digits (schema version 3, commit cf2fdf6).

    shardscope --serve --port 0 --db engine-v3.db --delay-ms 0 --no-demo-events &
    python3 make-engine-v3-db.py http://127.0.0.1:PORT > engine-v3.json
    kill -TERM %1          # a clean stop checkpoints the WAL into the one file

It prints what the old build answered (sequence numbers, shards, an iterator and a NextToken);
tst_engine_migration holds those answers as constants.
"""
import json
import sys
import time

import boto3

kinesis = boto3.client('kinesis', endpoint_url=sys.argv[1], region_name='us-east-1',
                       aws_access_key_id='fixture', aws_secret_access_key='fixture')
out = {}


def settle():
    time.sleep(0.3)


kinesis.create_stream(StreamName='orders', ShardCount=2)
settle()
kinesis.increase_stream_retention_period(StreamName='orders', RetentionPeriodHours=8760)
settle()
kinesis.create_stream(StreamName='sealed', ShardCount=1)
settle()
kinesis.start_stream_encryption(StreamName='sealed', EncryptionType='KMS', KeyId='alias/aws/kinesis')
settle()
kinesis.increase_stream_retention_period(StreamName='sealed', RetentionPeriodHours=8760)
settle()
puts = []
for i in range(6):
    r = kinesis.put_record(StreamName='orders', Data=b'order-%d' % i, PartitionKey='customer-%d' % i)
    puts.append(['orders', 'order-%d' % i, r['ShardId'], r['SequenceNumber']])
first = kinesis.list_shards(StreamName='orders')['Shards'][0]
middle = (int(first['HashKeyRange']['StartingHashKey']) + int(first['HashKeyRange']['EndingHashKey'])) // 2
kinesis.split_shard(StreamName='orders', ShardToSplit=first['ShardId'], NewStartingHashKey=str(middle))
settle()
for i in range(6, 10):
    r = kinesis.put_record(StreamName='orders', Data=b'order-%d' % i, PartitionKey='customer-%d' % i)
    puts.append(['orders', 'order-%d' % i, r['ShardId'], r['SequenceNumber']])
for i in range(3):
    r = kinesis.put_record(StreamName='sealed', Data=b'secret-%d' % i, PartitionKey='p%d' % i)
    puts.append(['sealed', 'secret-%d' % i, r['ShardId'], r['SequenceNumber'], r.get('EncryptionType')])
out['puts'] = puts
out['orders_shards'] = kinesis.list_shards(StreamName='orders')['Shards']
out['sealed_shards'] = kinesis.list_shards(StreamName='sealed')['Shards']
out['iterator_orders_1_trim_horizon'] = kinesis.get_shard_iterator(
    StreamName='orders', ShardId='shardId-000000000001', ShardIteratorType='TRIM_HORIZON')['ShardIterator']
page = kinesis.list_shards(StreamName='orders', MaxResults=1)
out['list_shards_page_1'] = {'Shards': page['Shards'], 'NextToken': page['NextToken']}
print(json.dumps(out, indent=1))
