// Reads streams with SubscribeToShard through the AWS SDK for JavaScript v3 and its default
// HTTP/2 handler: the event stream over HTTP/2, records pushed as they arrive, resuming after
// ContinuationSequenceNumber, every record of a stream across a split (the parent to its end,
// where ChildShards names the children, then each child) with nothing lost or duplicated, the
// 5-second rule, and many calls sharing one HTTP/2 connection while a subscription streams.
// Usage: node js_sdk_subscribe.mjs ENDPOINT_URL [ACCESS_KEY_ID:SECRET] (js_sdk_common.mjs).
// Prints "N passed, N failed"; exits 1 on failure.
import {
  CreateStreamCommand, DescribeStreamConsumerCommand, DescribeStreamSummaryCommand, ListStreamsCommand,
  PutRecordCommand, RegisterStreamConsumerCommand, SplitShardCommand, SubscribeToShardCommand,
} from "@aws-sdk/client-kinesis";
import { client, check, checkSignatures, expectError, finish, sleep } from "./js_sdk_common.mjs";

const enc = new TextEncoder(), dec = new TextDecoder();
const account = "000000000000";
const streamArn = (name) => `arn:aws:kinesis:us-east-1:${account}:stream/${name}`;

async function waitActive(StreamName) {
  for (let i = 0; i < 200; i++) {
    const s = await client.send(new DescribeStreamSummaryCommand({ StreamName }));
    if (s.StreamDescriptionSummary.StreamStatus === "ACTIVE") return;
    await sleep(50);
  }
  throw new Error(`${StreamName} never became ACTIVE`);
}
async function registerActive(stream, name) {
  const { Consumer } = await client.send(new RegisterStreamConsumerCommand({ StreamARN: streamArn(stream), ConsumerName: name }));
  for (let i = 0; i < 200; i++) {
    const d = await client.send(new DescribeStreamConsumerCommand({ ConsumerARN: Consumer.ConsumerARN }));
    if (d.ConsumerDescription.ConsumerStatus === "ACTIVE") return Consumer.ConsumerARN;
    await sleep(50);
  }
  throw new Error(`${name} never became ACTIVE`);
}
// Subscribes and collects events until until(events) or the end of the subscription.
async function readEvents(ConsumerARN, ShardId, StartingPosition, until, timeoutMs = 20000) {
  const response = await client.send(new SubscribeToShardCommand({ ConsumerARN, ShardId, StartingPosition }));
  const events = [];
  const deadline = Date.now() + timeoutMs;
  for await (const item of response.EventStream) {
    if (item.SubscribeToShardEvent) {
      events.push(item.SubscribeToShardEvent);
      if (until(events) || Date.now() > deadline) break;
    }
  }
  return events;
}

try {
  await checkSignatures();
  await client.send(new CreateStreamCommand({ StreamName: "h2", ShardCount: 1 }));
  await waitActive("h2");
  const arn = await registerActive("h2", "efo");
  const put = [];
  for (let i = 0; i < 5; i++)
    put.push((await client.send(new PutRecordCommand({ StreamName: "h2", PartitionKey: `k${i}`, Data: enc.encode(`r${i}`) }))).SequenceNumber);

  let events = await readEvents(arn, "shardId-000000000000", { Type: "TRIM_HORIZON" },
    (evs) => evs.reduce((n, e) => n + e.Records.length, 0) >= 5);
  const records = events.flatMap((e) => e.Records);
  check("trim horizon delivers every record over HTTP/2",
    JSON.stringify(records.map((r) => dec.decode(r.Data))) === JSON.stringify(["r0", "r1", "r2", "r3", "r4"]));
  check("sequence numbers and continuation", JSON.stringify(records.map((r) => r.SequenceNumber)) === JSON.stringify(put)
    && events.at(-1).ContinuationSequenceNumber === put.at(-1));
  check("caught up: MillisBehindLatest 0", events.at(-1).MillisBehindLatest === 0);

  // Pushed as they arrive, while other calls share the connection.
  await sleep(5100); // the 5-second rule
  const started = Date.now();
  const reading = readEvents(arn, "shardId-000000000000", { Type: "AFTER_SEQUENCE_NUMBER", SequenceNumber: put.at(-1) },
    (evs) => evs.some((e) => e.Records.length > 0));
  await sleep(300);
  const calls = await Promise.all(Array.from({ length: 20 }, () => client.send(new ListStreamsCommand({}))));
  check("20 calls at once beside a subscription", calls.every((c) => c.StreamNames.includes("h2")));
  await client.send(new PutRecordCommand({ StreamName: "h2", PartitionKey: "k", Data: enc.encode("late") }));
  events = await reading;
  check("resumed after the continuation: only the new record",
    JSON.stringify(events.flatMap((e) => e.Records).map((r) => dec.decode(r.Data))) === JSON.stringify(["late"]));
  check("the new record came before the 5-second heartbeat", Date.now() - started < 3000, `${Date.now() - started} ms`);

  await sleep(5100); // the 5-second rule, after the subscription above
  const first = await client.send(new SubscribeToShardCommand({ ConsumerARN: arn, ShardId: "shardId-000000000000",
    StartingPosition: { Type: "LATEST" } }));
  await expectError("second subscription within 5 s refused", "ResourceInUseException",
    `Another active subscription exists for this consumer: ${account}:h2:shardId-000000000000:efo`,
    new SubscribeToShardCommand({ ConsumerARN: arn, ShardId: "shardId-000000000000", StartingPosition: { Type: "LATEST" } }));
  // Let the first subscription go.
  for await (const item of first.EventStream) { if (item.SubscribeToShardEvent) break; }

  // Across a split: the parent to its end, then the children.
  await client.send(new CreateStreamCommand({ StreamName: "h2-lineage", ShardCount: 1 }));
  await waitActive("h2-lineage");
  const reader = await registerActive("h2-lineage", "reader");
  const expected = [];
  for (let i = 0; i < 30; i++) {
    await client.send(new PutRecordCommand({ StreamName: "h2-lineage", PartitionKey: `key-${i}`, Data: enc.encode(`before-${i}`) }));
    expected.push(`before-${i}`);
  }
  await client.send(new SplitShardCommand({ StreamName: "h2-lineage", ShardToSplit: "shardId-000000000000",
    NewStartingHashKey: (2n ** 127n).toString() }));
  await waitActive("h2-lineage");
  for (let i = 0; i < 30; i++) {
    await client.send(new PutRecordCommand({ StreamName: "h2-lineage", PartitionKey: `key-${i}`, Data: enc.encode(`after-${i}`) }));
    expected.push(`after-${i}`);
  }
  const seen = [];
  const pending = ["shardId-000000000000"], visited = [];
  let parentEnd;
  while (pending.length) {
    const shard = pending.shift();
    visited.push(shard);
    const closed = shard === "shardId-000000000000";
    const evs = await readEvents(reader, shard, { Type: "TRIM_HORIZON" }, (e) => (closed ? e.at(-1).ChildShards !== undefined : true));
    seen.push(...evs.flatMap((e) => e.Records).map((r) => dec.decode(r.Data)));
    const last = evs.at(-1);
    if (closed) parentEnd = last;
    for (const child of last.ChildShards ?? [])
      if (!pending.includes(child.ShardId) && !visited.includes(child.ShardId)) pending.push(child.ShardId);
  }
  check("the parent ends with its children", parentEnd.ContinuationSequenceNumber === undefined
    && JSON.stringify(parentEnd.ChildShards.map((c) => c.ShardId).sort()) === JSON.stringify(["shardId-000000000001", "shardId-000000000002"]));
  check("every record across the split, none lost or duplicated",
    JSON.stringify([...seen].sort()) === JSON.stringify([...expected].sort()), `${seen.length} of ${expected.length}`);
  check("parent's records before the children's", JSON.stringify(seen.slice(0, 30)) === JSON.stringify(expected.slice(0, 30)));
} catch (e) {
  check("no unexpected exception", false, `${e.name}: ${e.message}`);
}
client.destroy();
finish();
