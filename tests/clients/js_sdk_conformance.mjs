// Drives a Shardscope endpoint with the AWS SDK for JavaScript v3 (current, from npm) through what
// the boto3 a bare Debian 12 gets (1.26, botocore 1.29) cannot express, so that no check depends
// on the installed boto3: Tags on CreateStream, streams addressed by StreamARN, ListStreams'
// NextToken and StreamSummaries, UpdateMaxRecordSize and MaxRecordSizeInKiB, and
// TagResource/UntagResource/ListTagsForResource on streams and on consumers.
// Usage: node js_sdk_conformance.mjs ENDPOINT_URL [ACCESS_KEY_ID:SECRET] (js_sdk_common.mjs).
// Prints "N passed, N failed"; exits 1 on failure.
import {
  AddTagsToStreamCommand, CreateStreamCommand, DescribeStreamConsumerCommand, DescribeStreamSummaryCommand,
  GetRecordsCommand, GetShardIteratorCommand, ListShardsCommand, ListStreamsCommand, ListTagsForResourceCommand,
  ListTagsForStreamCommand, PutRecordCommand, PutRecordsCommand, RegisterStreamConsumerCommand, TagResourceCommand,
  UntagResourceCommand, UpdateMaxRecordSizeCommand,
} from "@aws-sdk/client-kinesis";
import { client, check, checkSignatures, expectError, finish, sleep } from "./js_sdk_common.mjs";

const account = "000000000000";
const arn = (name) => `arn:aws:kinesis:us-east-1:${account}:stream/${name}`;
const send = (command) => client.send(command);
const pairs = (tags) => tags.map((t) => `${t.Key}=${t.Value}`).join(",");

async function waitActive(StreamARN) {
  for (let i = 0; i < 200; i++) {
    const s = await send(new DescribeStreamSummaryCommand({ StreamARN }));
    if (s.StreamDescriptionSummary.StreamStatus === "ACTIVE") return;
    await sleep(50);
  }
  throw new Error(`${StreamARN} never became ACTIVE`);
}

async function waitConsumerActive(ConsumerARN) {
  for (let i = 0; i < 200; i++) {
    const c = await send(new DescribeStreamConsumerCommand({ ConsumerARN }));
    if (c.ConsumerDescription.ConsumerStatus === "ACTIVE") return;
    await sleep(50);
  }
  throw new Error(`${ConsumerARN} never became ACTIVE`);
}

try {
  await checkSignatures();

  // --- CreateStream with Tags; ListStreams' summaries and NextToken --------------------------
  const before = Date.now();
  await send(new CreateStreamCommand({ StreamName: "js-a", ShardCount: 1, Tags: { team: "data", env: "test" } }));
  await send(new CreateStreamCommand({ StreamName: "js-b", StreamModeDetails: { StreamMode: "ON_DEMAND" } }));
  await send(new CreateStreamCommand({ StreamName: "js-c", ShardCount: 2 }));
  for (const name of ["js-a", "js-b", "js-c"]) await waitActive(arn(name));
  const created = await send(new ListTagsForStreamCommand({ StreamName: "js-a" }));
  check("create_stream Tags", pairs(created.Tags) === "env=test,team=data" && created.HasMoreTags === false, pairs(created.Tags));

  const listed = await send(new ListStreamsCommand({}));
  const summaries = listed.StreamSummaries ?? [];
  check("list_streams StreamSummaries", summaries.map((s) => s.StreamARN).join() === ["js-a", "js-b", "js-c"].map(arn).join() &&
        summaries.map((s) => `${s.StreamName}:${s.StreamStatus}:${s.StreamModeDetails?.StreamMode}`).join() ===
          "js-a:ACTIVE:PROVISIONED,js-b:ACTIVE:ON_DEMAND,js-c:ACTIVE:PROVISIONED", JSON.stringify(summaries));
  check("list_streams creation timestamps", summaries.length === 3 && summaries.every((s) =>
        s.StreamCreationTimestamp instanceof Date && Math.abs(s.StreamCreationTimestamp.getTime() - before) < 60000),
        JSON.stringify(summaries));
  const page1 = await send(new ListStreamsCommand({ Limit: 2 }));
  check("list_streams Limit", page1.StreamNames.join() === "js-a,js-b" && page1.HasMoreStreams === true &&
        typeof page1.NextToken === "string", JSON.stringify(page1));
  const page2 = await send(new ListStreamsCommand({ NextToken: page1.NextToken }));
  check("list_streams NextToken", page2.StreamNames.join() === "js-c" && page2.HasMoreStreams === false &&
        page2.NextToken === undefined && page2.StreamSummaries?.[0]?.StreamARN === arn("js-c"), JSON.stringify(page2));

  // --- streams addressed by StreamARN ---------------------------------------------------------
  const summary = (await send(new DescribeStreamSummaryCommand({ StreamARN: arn("js-b") }))).StreamDescriptionSummary;
  check("describe_stream_summary by StreamARN", summary.StreamName === "js-b" &&
        summary.StreamModeDetails.StreamMode === "ON_DEMAND" && summary.OpenShardCount === 4, JSON.stringify(summary));
  const put = await send(new PutRecordCommand({ StreamARN: arn("js-c"), PartitionKey: "k", Data: Buffer.from("by arn"),
                                                ExplicitHashKey: "0" }));
  check("put_record by StreamARN", put.ShardId === "shardId-000000000000", JSON.stringify(put));
  const batch = await send(new PutRecordsCommand({ StreamARN: arn("js-c"), Records: [
    { PartitionKey: "k", Data: Buffer.from("batch by arn"), ExplicitHashKey: "0" }] }));
  check("put_records by StreamARN", batch.FailedRecordCount === 0 && batch.Records[0].ShardId === "shardId-000000000000");
  const shards = await send(new ListShardsCommand({ StreamARN: arn("js-c") }));
  check("list_shards by StreamARN", shards.Shards.map((s) => s.ShardId).join() === "shardId-000000000000,shardId-000000000001");
  const { ShardIterator } = await send(new GetShardIteratorCommand({ StreamARN: arn("js-c"), ShardId: "shardId-000000000000",
                                                                     ShardIteratorType: "TRIM_HORIZON" }));
  const read = await send(new GetRecordsCommand({ StreamARN: arn("js-c"), ShardIterator }));
  check("get_shard_iterator and get_records by StreamARN",
        read.Records.map((r) => Buffer.from(r.Data).toString()).join() === "by arn,batch by arn", JSON.stringify(read.Records));
  await expectError("unknown StreamARN", "ResourceNotFoundException", "Stream nope under account 000000000000 not found.",
    new DescribeStreamSummaryCommand({ StreamARN: arn("nope") }));

  // --- UpdateMaxRecordSize --------------------------------------------------------------------
  const big = Buffer.alloc(1536 * 1024, 7); // 1.5 MiB: over the default 1 MiB
  const defaultSize = (await send(new DescribeStreamSummaryCommand({ StreamARN: arn("js-a") }))).StreamDescriptionSummary;
  check("MaxRecordSizeInKiB default", defaultSize.MaxRecordSizeInKiB === 1024, JSON.stringify(defaultSize));
  await expectError("record over the default maximum", "ValidationException", null,
    new PutRecordCommand({ StreamARN: arn("js-a"), PartitionKey: "k", Data: big }));
  await send(new UpdateMaxRecordSizeCommand({ StreamARN: arn("js-a"), MaxRecordSizeInKiB: 2048 }));
  await waitActive(arn("js-a"));
  const raised = (await send(new DescribeStreamSummaryCommand({ StreamARN: arn("js-a") }))).StreamDescriptionSummary;
  check("update_max_record_size", raised.MaxRecordSizeInKiB === 2048, JSON.stringify(raised));
  const bigPut = await send(new PutRecordCommand({ StreamARN: arn("js-a"), PartitionKey: "k", Data: big }));
  const { ShardIterator: bigIterator } = await send(new GetShardIteratorCommand({ StreamARN: arn("js-a"),
    ShardId: bigPut.ShardId, ShardIteratorType: "AT_SEQUENCE_NUMBER", StartingSequenceNumber: bigPut.SequenceNumber }));
  const bigRead = await send(new GetRecordsCommand({ ShardIterator: bigIterator, Limit: 1 }));
  check("record under the raised maximum", Buffer.from(bigRead.Records[0]?.Data ?? []).equals(big));
  await expectError("update_max_record_size below 1 MiB", "ValidationException",
    "1 validation error detected: Value '512' at 'maxRecordSizeInKiB' failed to satisfy constraint: " +
    "Member must have value greater than or equal to 1024",
    new UpdateMaxRecordSizeCommand({ StreamARN: arn("js-a"), MaxRecordSizeInKiB: 512 }));
  await expectError("update_max_record_size over 10 MiB", "ValidationException",
    "1 validation error detected: Value '10241' at 'maxRecordSizeInKiB' failed to satisfy constraint: " +
    "Member must have value less than or equal to 10240",
    new UpdateMaxRecordSizeCommand({ StreamARN: arn("js-a"), MaxRecordSizeInKiB: 10241 }));

  // --- TagResource / UntagResource / ListTagsForResource on a stream ---------------------------
  await send(new TagResourceCommand({ ResourceARN: arn("js-a"), Tags: { cost: "1", team: "platform" } }));
  const tagged = await send(new ListTagsForResourceCommand({ ResourceARN: arn("js-a") }));
  check("tag_resource on a stream", pairs(tagged.Tags) === "cost=1,env=test,team=platform", pairs(tagged.Tags));
  await send(new UntagResourceCommand({ ResourceARN: arn("js-a"), TagKeys: ["team", "absent"] }));
  const untagged = await send(new ListTagsForResourceCommand({ ResourceARN: arn("js-a") }));
  check("untag_resource on a stream", pairs(untagged.Tags) === "cost=1,env=test", pairs(untagged.Tags));
  const byStream = await send(new ListTagsForStreamCommand({ StreamName: "js-a" }));
  check("resource tags are the stream's tags", pairs(byStream.Tags) === pairs(untagged.Tags), pairs(byStream.Tags));
  await send(new AddTagsToStreamCommand({ StreamARN: arn("js-c"), Tags: { via: "arn" } }));
  const viaArn = await send(new ListTagsForStreamCommand({ StreamARN: arn("js-c") }));
  check("add_tags_to_stream by StreamARN", pairs(viaArn.Tags) === "via=arn", pairs(viaArn.Tags));
  await expectError("list_tags_for_resource unknown stream", "ResourceNotFoundException", null,
    new ListTagsForResourceCommand({ ResourceARN: arn("nope") }));
  await expectError("tag_resource too many tags", "InvalidArgumentException", null,
    new TagResourceCommand({ ResourceARN: arn("js-a"),
                             Tags: Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`k${i}`, "v"])) }));

  // --- the same on a consumer -----------------------------------------------------------------
  const consumer = (await send(new RegisterStreamConsumerCommand({ StreamARN: arn("js-a"), ConsumerName: "tagged" }))).Consumer;
  await waitConsumerActive(consumer.ConsumerARN);
  await send(new TagResourceCommand({ ResourceARN: consumer.ConsumerARN, Tags: { team: "stream-apps", tier: "gold" } }));
  const consumerTags = await send(new ListTagsForResourceCommand({ ResourceARN: consumer.ConsumerARN }));
  check("tag_resource on a consumer", pairs(consumerTags.Tags) === "team=stream-apps,tier=gold", pairs(consumerTags.Tags));
  await send(new UntagResourceCommand({ ResourceARN: consumer.ConsumerARN, TagKeys: ["tier"] }));
  const consumerUntagged = await send(new ListTagsForResourceCommand({ ResourceARN: consumer.ConsumerARN }));
  check("untag_resource on a consumer", pairs(consumerUntagged.Tags) === "team=stream-apps", pairs(consumerUntagged.Tags));
  const streamTags = await send(new ListTagsForResourceCommand({ ResourceARN: arn("js-a") }));
  check("consumer tags stay apart from the stream's", pairs(streamTags.Tags) === "cost=1,env=test", pairs(streamTags.Tags));
  await expectError("list_tags_for_resource unknown consumer", "ResourceNotFoundException", null,
    new ListTagsForResourceCommand({ ResourceARN: `${arn("js-a")}/consumer/ghost:1700000000` }));
} catch (e) {
  check("unexpected error", false, `${e.name}: ${e.message}`);
}
finish();
