// Drives a Shardscope endpoint with the AWS SDK for JavaScript v3: put, get, reshard, read on.
// Usage: node js_sdk_roundtrip.mjs ENDPOINT_URL [ACCESS_KEY_ID:SECRET] (js_sdk_common.mjs).
// Prints "N passed, N failed"; exits 1 on failure.
import {
  CreateStreamCommand, DescribeStreamSummaryCommand, PutRecordCommand,
  PutRecordsCommand, ListShardsCommand, GetShardIteratorCommand, GetRecordsCommand,
  SplitShardCommand, MergeShardsCommand, DeleteStreamCommand,
} from "@aws-sdk/client-kinesis";
import { client, check, checkSignatures, expectError, finish, sleep } from "./js_sdk_common.mjs";
async function waitActive(StreamName) {
  for (let i = 0; i < 200; i++) {
    const s = await client.send(new DescribeStreamSummaryCommand({ StreamName }));
    if (s.StreamDescriptionSummary.StreamStatus === "ACTIVE") return;
    await sleep(50);
  }
  throw new Error(`${StreamName} never became ACTIVE`);
}
async function readAll(StreamName, ShardId) {
  let { ShardIterator } = await client.send(new GetShardIteratorCommand({ StreamName, ShardId, ShardIteratorType: "TRIM_HORIZON" }));
  const records = [];
  let last;
  while (ShardIterator) {
    last = await client.send(new GetRecordsCommand({ ShardIterator }));
    records.push(...last.Records);
    if (last.Records.length === 0 && last.NextShardIterator) break;
    ShardIterator = last.NextShardIterator;
  }
  return { records, last };
}

try {
  await checkSignatures();
  await client.send(new CreateStreamCommand({ StreamName: "js", ShardCount: 1 }));
  await waitActive("js");
  const enc = new TextEncoder(), dec = new TextDecoder();
  const first = await client.send(new PutRecordCommand({ StreamName: "js", PartitionKey: "k0", Data: enc.encode("hello from js") }));
  check("put_record", first.ShardId === "shardId-000000000000" && /^\d+$/.test(first.SequenceNumber));
  const batch = await client.send(new PutRecordsCommand({ StreamName: "js",
    Records: Array.from({ length: 50 }, (_, i) => ({ PartitionKey: `k${i}`, Data: enc.encode(`event ${i}`) })) }));
  check("put_records", batch.FailedRecordCount === 0 && batch.Records.length === 50);
  const before = await readAll("js", "shardId-000000000000");
  check("get_records before split", before.records.length === 51 && dec.decode(before.records[0].Data) === "hello from js");
  check("arrival timestamp is a Date", before.records[0].ApproximateArrivalTimestamp instanceof Date);

  await client.send(new SplitShardCommand({ StreamName: "js", ShardToSplit: "shardId-000000000000",
    NewStartingHashKey: "170141183460469231731687303715884105728" }));
  await waitActive("js");
  const after = await readAll("js", "shardId-000000000000");
  check("parent ends with child shards", after.last.NextShardIterator === undefined &&
        after.last.ChildShards?.map((c) => c.ShardId).join() === "shardId-000000000001,shardId-000000000002");
  await client.send(new PutRecordsCommand({ StreamName: "js",
    Records: Array.from({ length: 20 }, (_, i) => ({ PartitionKey: `after${i}`, Data: enc.encode(`after ${i}`) })) }));
  const left = await readAll("js", "shardId-000000000001");
  const right = await readAll("js", "shardId-000000000002");
  check("children take new records", left.records.length + right.records.length === 20);
  await client.send(new MergeShardsCommand({ StreamName: "js", ShardToMerge: "shardId-000000000001", AdjacentShardToMerge: "shardId-000000000002" }));
  await waitActive("js");
  const shards = await client.send(new ListShardsCommand({ StreamName: "js" }));
  check("merged lineage", shards.Shards.length === 4 && shards.Shards[3].ParentShardId === "shardId-000000000001" &&
        shards.Shards[3].AdjacentParentShardId === "shardId-000000000002");
  await expectError("error type", "ResourceNotFoundException",
    "Shard shardId-000000000000 in stream missing under account 000000000000 does not exist",
    new GetShardIteratorCommand({ StreamName: "missing", ShardId: "shardId-000000000000", ShardIteratorType: "LATEST" }));
  await client.send(new DeleteStreamCommand({ StreamName: "js" }));
} catch (e) {
  check("unexpected error", false, `${e.name}: ${e.message}`);
}
finish();
