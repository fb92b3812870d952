#!/usr/bin/env python3
"""Drives a Shardscope endpoint with boto3 through the Kinesis operations the emulator has,
including their error cases. Usage: boto3_conformance.py ENDPOINT_URL [ACCESS_KEY_ID:SECRET]

Written for the boto3 a bare Debian 12 gets (python3-boto3 1.26, botocore 1.29), which tst_clients
runs through /usr/bin/python3. What that boto3 cannot express (Tags on CreateStream, StreamARN
instead of StreamName, ListStreams' NextToken and StreamSummaries, UpdateMaxRecordSize,
TagResource/UntagResource/ListTagsForResource) is checked with the AWS SDK for JavaScript v3 in
js_sdk_conformance.mjs instead; nothing here is skipped by version.

With ACCESS_KEY_ID:SECRET the server runs with --require-auth and that key pair: the client signs
with it, and a wrong secret and an unknown key id must be rejected with Kinesis's errors.

Prints one line per check and a closing "N passed, N failed" line; exits non-zero on failure."""

import math
import re
import time

from botocore.exceptions import ClientError

from boto3_common import ACCESS_KEY_ID, ACCOUNT, REGION, REQUIRE_AUTH, SECRET, check, finish, make_client

kinesis = make_client()
# Without client-side validation, so that bad input reaches the server.
raw = make_client(parameter_validation=False)


def expect_error(name, error_type, fn, message=None, **kwargs):
    try:
        fn(**kwargs)
    except ClientError as e:
        code = e.response["Error"]["Code"]
        text = e.response["Error"].get("Message", "")
        ok = code == error_type and (message is None or text == message)
        check(name, ok, f"got {code}: {text!r}")
        return
    check(name, False, "no error raised")


def wait_active(name):
    for _ in range(200):
        status = kinesis.describe_stream_summary(StreamName=name)["StreamDescriptionSummary"]["StreamStatus"]
        if status == "ACTIVE":
            return
        time.sleep(0.05)
    raise RuntimeError(f"{name} never became ACTIVE")


def arn(name):
    return f"arn:aws:kinesis:{REGION}:{ACCOUNT}:stream/{name}"


def get_records(**request):
    """GetRecords as a polling consumer does it: a throttled call (5 calls/s per shard) waits and
    tries again. The client itself has retries off, so the throttling check below sees the error."""
    for _ in range(40):
        try:
            return kinesis.get_records(**request)
        except ClientError as e:
            if e.response["Error"]["Code"] != "ProvisionedThroughputExceededException":
                raise
            time.sleep(0.25)
    return kinesis.get_records(**request)


def read_shard(stream, shard_id, kind="TRIM_HORIZON", **extra):
    it = kinesis.get_shard_iterator(StreamName=stream, ShardId=shard_id,
                                    ShardIteratorType=kind, **extra)["ShardIterator"]
    records = []
    while it:
        page = get_records(ShardIterator=it, Limit=1000)
        records += page["Records"]
        if not page["Records"] and page.get("MillisBehindLatest", 0) == 0:
            return records, page
        it = page.get("NextShardIterator")
        if it is None:
            return records, page
    return records, None


# --- signatures ----------------------------------------------------------------------------
if REQUIRE_AUTH:
    expect_error("wrong secret rejected", "InvalidSignatureException", make_client(secret="not-" + SECRET).list_streams,
                 "The request signature we calculated does not match the signature you provided. Check your "
                 "AWS Secret Access Key and signing method. Consult the service documentation for details.")
    expect_error("unknown key id rejected", "UnrecognizedClientException", make_client(key_id="AKIDUNKNOWN").list_streams,
                 "The security token included in the request is invalid.")

# --- streams -------------------------------------------------------------------------------
kinesis.create_stream(StreamName="alpha", ShardCount=2)
kinesis.create_stream(StreamName="beta", StreamModeDetails={"StreamMode": "ON_DEMAND"})
kinesis.create_stream(StreamName="gamma", ShardCount=1)
for s in ("alpha", "beta", "gamma"):
    wait_active(s)

listed = kinesis.list_streams()
check("list_streams names", listed["StreamNames"] == ["alpha", "beta", "gamma"], listed["StreamNames"])
page1 = kinesis.list_streams(Limit=2)
check("list_streams paging", page1["HasMoreStreams"] and page1["StreamNames"] == ["alpha", "beta"], page1)
page2 = kinesis.list_streams(ExclusiveStartStreamName=page1["StreamNames"][-1])
check("list_streams ExclusiveStartStreamName", page2["StreamNames"] == ["gamma"] and not page2["HasMoreStreams"], page2)

desc = kinesis.describe_stream(StreamName="alpha")["StreamDescription"]
check("describe_stream shards", [s["ShardId"] for s in desc["Shards"]] == ["shardId-000000000000", "shardId-000000000001"])
check("describe_stream hash range", desc["Shards"][1]["HashKeyRange"]["StartingHashKey"] == "170141183460469231731687303715884105728")
check("describe_stream timestamp", abs(desc["StreamCreationTimestamp"].timestamp() - time.time()) < 60)
summary = kinesis.describe_stream_summary(StreamName="beta")["StreamDescriptionSummary"]
check("describe_stream_summary on-demand", summary["StreamModeDetails"]["StreamMode"] == "ON_DEMAND" and summary["OpenShardCount"] == 4)
limits = kinesis.describe_limits()
check("describe_limits", limits["OpenShardCount"] == 3 and limits["OnDemandStreamCount"] == 1 and limits["ShardLimit"] > 0, limits)

expect_error("describe missing stream", "ResourceNotFoundException", kinesis.describe_stream,
             "Stream nope under account 000000000000 not found.", StreamName="nope")
expect_error("create duplicate", "ResourceInUseException", kinesis.create_stream,
             "Stream alpha under account 000000000000 already exists.", StreamName="alpha", ShardCount=1)
expect_error("create invalid name", "ValidationException", raw.create_stream,
             "1 validation error detected: Value 'bad name!' at 'streamName' failed to satisfy constraint: "
             "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
             StreamName="bad name!", ShardCount=1)
expect_error("create zero shards", "ValidationException", raw.create_stream,
             "1 validation error detected: Value '0' at 'shardCount' failed to satisfy constraint: "
             "Member must have value greater than or equal to 1", StreamName="zero", ShardCount=0)

# --- records -------------------------------------------------------------------------------
put = kinesis.put_record(StreamName="alpha", PartitionKey="user-1", Data=b"\x00\x01binary\xff")
check("put_record", put["ShardId"].startswith("shardId-") and put["SequenceNumber"].isdigit())
batch = kinesis.put_records(StreamName="alpha", Records=[
    {"PartitionKey": f"user-{i}", "Data": f"event {i}".encode()} for i in range(100)])
check("put_records", batch["FailedRecordCount"] == 0 and len(batch["Records"]) == 100)
explicit = kinesis.put_record(StreamName="alpha", PartitionKey="x", Data=b"low", ExplicitHashKey="0")
check("explicit hash key routes", explicit["ShardId"] == "shardId-000000000000")
expect_error("explicit hash key too large", "InvalidArgumentException", kinesis.put_record,
             "Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. "
             "Specified value was 340282366920938463463374607431768211456",
             StreamName="alpha", PartitionKey="x", Data=b"x",
             ExplicitHashKey="340282366920938463463374607431768211456")
expect_error("put_records empty", "ValidationException", raw.put_records, StreamName="alpha", Records=[])
expect_error("put to missing stream", "ResourceNotFoundException", kinesis.put_record,
             StreamName="nope", PartitionKey="k", Data=b"x")

total = 0
found_binary = False
for shard in desc["Shards"]:
    records, _ = read_shard("alpha", shard["ShardId"])
    total += len(records)
    found_binary |= any(r["Data"] == b"\x00\x01binary\xff" for r in records)
    seqs = [int(r["SequenceNumber"]) for r in records]
    check(f"sequence order {shard['ShardId']}", seqs == sorted(seqs) and len(set(seqs)) == len(seqs))
check("get_records all", total == 102, total)
check("binary data exact", found_binary)

shard0 = put["ShardId"]
at, _ = read_shard("alpha", shard0, "AT_SEQUENCE_NUMBER", StartingSequenceNumber=put["SequenceNumber"])
check("AT_SEQUENCE_NUMBER", at and at[0]["SequenceNumber"] == put["SequenceNumber"])
after, _ = read_shard("alpha", shard0, "AFTER_SEQUENCE_NUMBER", StartingSequenceNumber=put["SequenceNumber"])
check("AFTER_SEQUENCE_NUMBER", all(r["SequenceNumber"] != put["SequenceNumber"] for r in after) and len(after) == len(at) - 1)
latest_it = kinesis.get_shard_iterator(StreamName="alpha", ShardId=shard0, ShardIteratorType="LATEST")["ShardIterator"]
latest_page = get_records(ShardIterator=latest_it)
check("LATEST empty", latest_page["Records"] == [], latest_page["Records"])
shard0_start = next(s["HashKeyRange"]["StartingHashKey"] for s in desc["Shards"] if s["ShardId"] == shard0)
kinesis.put_record(StreamName="alpha", PartitionKey="x", Data=b"after LATEST", ExplicitHashKey=shard0_start)
followed = get_records(ShardIterator=latest_page["NextShardIterator"])["Records"]
check("LATEST reads what comes next", [r["Data"] for r in followed] == [b"after LATEST"], followed)

# AT_TIMESTAMP against TRIM_HORIZON: records before a moment and records after it. botocore 1.29
# sends whole epoch seconds, so the moment is the next whole second after the first records.
kinesis.create_stream(StreamName="timed", ShardCount=1)
wait_active("timed")
early = [f"early {i}".encode() for i in range(3)]
late = [f"late {i}".encode() for i in range(3)]
kinesis.put_records(StreamName="timed", Records=[{"PartitionKey": "k", "Data": d} for d in early])
moment = math.floor(time.time()) + 1
time.sleep(moment - time.time() + 0.3)
kinesis.put_records(StreamName="timed", Records=[{"PartitionKey": "k", "Data": d} for d in late])
from_moment, _ = read_shard("timed", "shardId-000000000000", "AT_TIMESTAMP", Timestamp=moment)
check("AT_TIMESTAMP reads only later records", [r["Data"] for r in from_moment] == late, from_moment)
from_trim, _ = read_shard("timed", "shardId-000000000000", "TRIM_HORIZON")
check("TRIM_HORIZON reads all records", [r["Data"] for r in from_trim] == early + late, from_trim)
check("arrival timestamps around the moment",
      [r["ApproximateArrivalTimestamp"].timestamp() < moment for r in from_trim] == [True] * 3 + [False] * 3, from_trim)
expect_error("iterator missing sequence", "InvalidArgumentException", kinesis.get_shard_iterator,
             StreamName="alpha", ShardId=shard0, ShardIteratorType="AT_SEQUENCE_NUMBER")
expect_error("iterator bad type", "ValidationException", raw.get_shard_iterator,
             StreamName="alpha", ShardId=shard0, ShardIteratorType="SOMETIME")
expect_error("iterator unknown shard", "ResourceNotFoundException", kinesis.get_shard_iterator,
             "Shard shardId-000000000009 in stream alpha under account 000000000000 does not exist",
             StreamName="alpha", ShardId="shardId-000000000009", ShardIteratorType="LATEST")
expect_error("tampered iterator", "InvalidArgumentException", kinesis.get_records,
             "Invalid ShardIterator.", ShardIterator=latest_it[:-2] + ("AA" if not latest_it.endswith("AA") else "BB"))

shards = kinesis.list_shards(StreamName="alpha", MaxResults=1)
check("list_shards paging", len(shards["Shards"]) == 1 and "NextToken" in shards)
rest = kinesis.list_shards(NextToken=shards["NextToken"])
check("list_shards next token", [s["ShardId"] for s in rest["Shards"]] == ["shardId-000000000001"])
expect_error("list_shards token and name", "InvalidArgumentException", kinesis.list_shards,
             "NextToken and StreamName cannot be provided together.", StreamName="alpha", NextToken=shards["NextToken"])

# --- resharding ----------------------------------------------------------------------------
kinesis.split_shard(StreamName="gamma", ShardToSplit="shardId-000000000000",
                    NewStartingHashKey="170141183460469231731687303715884105728")
expect_error("split while updating", "ResourceInUseException", kinesis.split_shard,
             StreamName="gamma", ShardToSplit="shardId-000000000001", NewStartingHashKey="100")
wait_active("gamma")
gamma = kinesis.list_shards(StreamName="gamma")["Shards"]
check("split lineage", [s.get("ParentShardId") for s in gamma] == [None, "shardId-000000000000", "shardId-000000000000"])
open_now = kinesis.list_shards(StreamName="gamma", ShardFilter={"Type": "AT_LATEST"})["Shards"]
check("AT_LATEST filter", [s["ShardId"] for s in open_now] == ["shardId-000000000001", "shardId-000000000002"])
kinesis.merge_shards(StreamName="gamma", ShardToMerge="shardId-000000000001", AdjacentShardToMerge="shardId-000000000002")
wait_active("gamma")
merged = kinesis.list_shards(StreamName="gamma", ShardFilter={"Type": "AT_LATEST"})["Shards"]
check("merge lineage", merged[0]["ParentShardId"] == "shardId-000000000001" and merged[0]["AdjacentParentShardId"] == "shardId-000000000002")
_, end = read_shard("gamma", "shardId-000000000001")
check("child shards at end of closed shard", end is not None and "NextShardIterator" not in end and
      [c["ShardId"] for c in end.get("ChildShards", [])] == ["shardId-000000000003"])
expect_error("merge closed shard", "InvalidArgumentException", kinesis.merge_shards,
             StreamName="gamma", ShardToMerge="shardId-000000000001", AdjacentShardToMerge="shardId-000000000002")
resp = kinesis.update_shard_count(StreamName="alpha", TargetShardCount=4, ScalingType="UNIFORM_SCALING")
check("update_shard_count", resp["CurrentShardCount"] == 2 and resp["TargetShardCount"] == 4)
wait_active("alpha")
check("update_shard_count result", len(kinesis.list_shards(StreamName="alpha", ShardFilter={"Type": "AT_LATEST"})["Shards"]) == 4)
expect_error("update_shard_count over double", "LimitExceededException", kinesis.update_shard_count,
             StreamName="alpha", TargetShardCount=9, ScalingType="UNIFORM_SCALING")
expect_error("update_shard_count on-demand", "ValidationException", kinesis.update_shard_count,
             StreamName="beta", TargetShardCount=5, ScalingType="UNIFORM_SCALING")

# --- settings ------------------------------------------------------------------------------
kinesis.increase_stream_retention_period(StreamName="alpha", RetentionPeriodHours=48)
check("retention increased", kinesis.describe_stream_summary(StreamName="alpha")["StreamDescriptionSummary"]["RetentionPeriodHours"] == 48)
expect_error("retention decrease via increase", "InvalidArgumentException", kinesis.increase_stream_retention_period,
             "Requested retention period (24 hours) for stream alpha can not be shorter than existing retention period (48 hours). Use DecreaseRetentionPeriod API.",
             StreamName="alpha", RetentionPeriodHours=24)
expect_error("retention too long", "InvalidArgumentException", kinesis.increase_stream_retention_period,
             "Maximum allowed retention period is 8760 hours. Requested retention period (9000 hours) is too long.",
             StreamName="alpha", RetentionPeriodHours=9000)
kinesis.decrease_stream_retention_period(StreamName="alpha", RetentionPeriodHours=24)
check("retention decreased", kinesis.describe_stream_summary(StreamName="alpha")["StreamDescriptionSummary"]["RetentionPeriodHours"] == 24)
kinesis.update_stream_mode(StreamARN=arn("beta"), StreamModeDetails={"StreamMode": "PROVISIONED"})
check("update_stream_mode", kinesis.describe_stream_summary(StreamName="beta")["StreamDescriptionSummary"]["StreamModeDetails"]["StreamMode"] == "PROVISIONED")

# --- tags ----------------------------------------------------------------------------------
kinesis.add_tags_to_stream(StreamName="gamma", Tags={"team": "data"})
kinesis.add_tags_to_stream(StreamName="gamma", Tags={"env": "test", "owner": "me", "team": "platform"})
tags = kinesis.list_tags_for_stream(StreamName="gamma")
check("list_tags_for_stream", [(t["Key"], t["Value"]) for t in tags["Tags"]] == [("env", "test"), ("owner", "me"), ("team", "platform")]
      and not tags["HasMoreTags"], tags)
kinesis.remove_tags_from_stream(StreamName="gamma", TagKeys=["owner"])
tags_page1 = kinesis.list_tags_for_stream(StreamName="gamma", Limit=1)
tags_page2 = kinesis.list_tags_for_stream(StreamName="gamma", ExclusiveStartTagKey=tags_page1["Tags"][-1]["Key"])
check("remove_tags_from_stream and tag paging", [t["Key"] for t in tags_page1["Tags"]] == ["env"] and tags_page1["HasMoreTags"]
      and [t["Key"] for t in tags_page2["Tags"]] == ["team"] and not tags_page2["HasMoreTags"], (tags_page1, tags_page2))
expect_error("too many tags", "InvalidArgumentException", kinesis.add_tags_to_stream,
             StreamName="gamma", Tags={f"k{i}": "v" for i in range(60)})

# --- encryption ----------------------------------------------------------------------------
kinesis.create_stream(StreamName="delta", ShardCount=1)
wait_active("delta")
kinesis.start_stream_encryption(StreamName="delta", EncryptionType="KMS", KeyId="alias/aws/kinesis")
enc = kinesis.describe_stream(StreamName="delta")["StreamDescription"]
check("start_stream_encryption describe", enc["EncryptionType"] == "KMS" and enc["KeyId"] == "alias/aws/kinesis", enc)
enc_summary = kinesis.describe_stream_summary(StreamName="delta")["StreamDescriptionSummary"]
check("start_stream_encryption summary", enc_summary["EncryptionType"] == "KMS" and enc_summary["KeyId"] == "alias/aws/kinesis")
wait_active("delta")
secret = b"\x00secret payload\xff"
enc_put = kinesis.put_record(StreamName="delta", PartitionKey="k", Data=secret)
check("put_record encrypted", enc_put.get("EncryptionType") == "KMS", enc_put)
enc_batch = kinesis.put_records(StreamName="delta", Records=[{"PartitionKey": "k", "Data": b"batch"}])
check("put_records encrypted", enc_batch.get("EncryptionType") == "KMS" and enc_batch["FailedRecordCount"] == 0)
enc_records, _ = read_shard("delta", "shardId-000000000000")
check("get_records decrypts", [r["Data"] for r in enc_records] == [secret, b"batch"], enc_records)
check("get_records encryption type", all(r.get("EncryptionType") == "KMS" for r in enc_records))
expect_error("start_stream_encryption unknown key", "KMSNotFoundException", kinesis.start_stream_encryption,
             StreamName="delta", EncryptionType="KMS", KeyId="alias/does-not-exist")
kinesis.stop_stream_encryption(StreamName="delta", EncryptionType="KMS", KeyId="alias/aws/kinesis")
check("stop_stream_encryption", kinesis.describe_stream_summary(StreamName="delta")["StreamDescriptionSummary"]["EncryptionType"] == "NONE")
wait_active("delta")
plain_put = kinesis.put_record(StreamName="delta", PartitionKey="k", Data=b"plain")
check("put_record after stop", plain_put.get("EncryptionType") == "NONE", plain_put)
after_stop, _ = read_shard("delta", "shardId-000000000000")
check("old records still readable", [r["Data"] for r in after_stop] == [secret, b"batch", b"plain"]
      and [r.get("EncryptionType") for r in after_stop] == ["KMS", "KMS", None], after_stop)

# --- deletion ------------------------------------------------------------------------------
kinesis.delete_stream(StreamName="beta")
for _ in range(200):
    try:
        kinesis.describe_stream_summary(StreamName="beta")
        time.sleep(0.05)
    except ClientError as e:
        check("delete_stream", e.response["Error"]["Code"] == "ResourceNotFoundException")
        break
else:
    check("delete_stream", False, "stream never went away")

# --- enhanced fan-out consumers ------------------------------------------------------------
def consumer_status(consumer_arn):
    return kinesis.describe_stream_consumer(ConsumerARN=consumer_arn)["ConsumerDescription"]["ConsumerStatus"]


def wait_consumer_active(consumer_arn):
    for _ in range(200):
        if consumer_status(consumer_arn) == "ACTIVE":
            return
        time.sleep(0.05)
    raise RuntimeError(f"{consumer_arn} never became ACTIVE")


kinesis.create_stream(StreamName="epsilon", ShardCount=1)
wait_active("epsilon")
before_register = time.time()
reg = kinesis.register_stream_consumer(StreamARN=arn("epsilon"), ConsumerName="app-b")["Consumer"]
check("register_stream_consumer", reg["ConsumerName"] == "app-b" and reg["ConsumerStatus"] == "CREATING", reg)
arn_match = re.fullmatch(re.escape(arn("epsilon")) + r"/consumer/app-b:(\d+)", reg["ConsumerARN"])
check("consumer ARN format", arn_match is not None, reg["ConsumerARN"])
created = reg["ConsumerCreationTimestamp"].timestamp()
check("consumer creation timestamp", abs(created - before_register) < 60 and
      arn_match is not None and int(arn_match.group(1)) == int(created), reg)
reg_a = kinesis.register_stream_consumer(StreamARN=arn("epsilon"), ConsumerName="app-a")["Consumer"]
wait_consumer_active(reg["ConsumerARN"])
wait_consumer_active(reg_a["ConsumerARN"])
by_arn = kinesis.describe_stream_consumer(ConsumerARN=reg["ConsumerARN"])["ConsumerDescription"]
check("describe_stream_consumer by ARN", by_arn["ConsumerName"] == "app-b" and by_arn["StreamARN"] == arn("epsilon")
      and by_arn["ConsumerStatus"] == "ACTIVE" and by_arn["ConsumerCreationTimestamp"] == reg["ConsumerCreationTimestamp"], by_arn)
by_name = kinesis.describe_stream_consumer(StreamARN=arn("epsilon"), ConsumerName="app-b")["ConsumerDescription"]
check("describe_stream_consumer by name", by_name["ConsumerARN"] == reg["ConsumerARN"], by_name)
consumers = kinesis.list_stream_consumers(StreamARN=arn("epsilon"))
check("list_stream_consumers", [c["ConsumerName"] for c in consumers["Consumers"]] == ["app-a", "app-b"]
      and "NextToken" not in consumers, consumers)
first = kinesis.list_stream_consumers(StreamARN=arn("epsilon"), MaxResults=1)
second = kinesis.list_stream_consumers(StreamARN=arn("epsilon"), NextToken=first["NextToken"])
check("list_stream_consumers paging", [c["ConsumerName"] for c in first["Consumers"]] == ["app-a"] and
      [c["ConsumerName"] for c in second["Consumers"]] == ["app-b"] and "NextToken" not in second)
paged = [c["ConsumerARN"] for page in kinesis.get_paginator("list_stream_consumers").paginate(
    StreamARN=arn("epsilon"), PaginationConfig={"PageSize": 1}) for c in page["Consumers"]]
check("list_stream_consumers paginator", paged == [reg_a["ConsumerARN"], reg["ConsumerARN"]], paged)
check("consumer count", kinesis.describe_stream_summary(StreamName="epsilon")
      ["StreamDescriptionSummary"]["ConsumerCount"] == 2)
expect_error("register existing consumer", "ResourceInUseException", kinesis.register_stream_consumer,
             "Consumer app-a under stream epsilon and account 000000000000 already exists.",
             StreamARN=arn("epsilon"), ConsumerName="app-a")
expect_error("register on missing stream", "ResourceNotFoundException", kinesis.register_stream_consumer,
             "Stream nope under account 000000000000 not found.", StreamARN=arn("nope"), ConsumerName="c")
expect_error("register invalid name", "ValidationException", raw.register_stream_consumer,
             "1 validation error detected: Value 'bad name' at 'consumerName' failed to satisfy constraint: "
             "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
             StreamARN=arn("epsilon"), ConsumerName="bad name")
expect_error("describe unknown consumer", "ResourceNotFoundException", kinesis.describe_stream_consumer,
             "Consumer ghost under stream epsilon and account 000000000000 not found.",
             StreamARN=arn("epsilon"), ConsumerName="ghost")
expect_error("describe without a consumer", "InvalidArgumentException", kinesis.describe_stream_consumer,
             StreamARN=arn("epsilon"))
expect_error("delete_stream with consumers", "ResourceInUseException", kinesis.delete_stream,
             "DeleteStream can\u2019t delete 000000000000:epsilon because there are consumers associated with "
             "this data stream. To delete epsilon anyway, set the EnforceConsumerDeletion parameter to true "
             "to force the deletion of all the consumers that are associated with it.", StreamName="epsilon")
expect_error("delete_stream EnforceConsumerDeletion false", "ResourceInUseException", kinesis.delete_stream,
             StreamName="epsilon", EnforceConsumerDeletion=False)

kinesis.deregister_stream_consumer(ConsumerARN=reg["ConsumerARN"])
check("deregister_stream_consumer", consumer_status(reg["ConsumerARN"]) == "DELETING")
for _ in range(200):
    try:
        consumer_status(reg["ConsumerARN"])
        time.sleep(0.05)
    except ClientError as e:
        check("deregistered consumer goes", e.response["Error"]["Code"] == "ResourceNotFoundException")
        break
else:
    check("deregistered consumer goes", False, "consumer never went away")
check("list after deregister", [c["ConsumerName"] for c in
      kinesis.list_stream_consumers(StreamARN=arn("epsilon"))["Consumers"]] == ["app-a"])

kinesis.delete_stream(StreamName="epsilon", EnforceConsumerDeletion=True)
check("delete_stream EnforceConsumerDeletion", kinesis.describe_stream_summary(StreamName="epsilon")
      ["StreamDescriptionSummary"]["StreamStatus"] == "DELETING" and consumer_status(reg_a["ConsumerARN"]) == "DELETING")
for _ in range(200):
    try:
        kinesis.describe_stream_summary(StreamName="epsilon")
        time.sleep(0.05)
    except ClientError:
        break
expect_error("consumer gone with its stream", "ResourceNotFoundException", kinesis.describe_stream_consumer,
             ConsumerARN=reg_a["ConsumerARN"])


# Per-shard throughput limits on a 1-shard stream, with retries off (max_attempts 1).
RATE_MESSAGE = "Rate exceeded for shard shardId-000000000000 in stream limits under account 000000000000."
kinesis.create_stream(StreamName="limits", ShardCount=1)
wait_active("limits")
throttled = None
for _ in range(20):  # 900 KiB records: one fills most of the shard's 1 MiB/s
    try:
        kinesis.put_record(StreamName="limits", Data=b"t" * (900 * 1024), PartitionKey="k")
    except ClientError as e:
        throttled = e.response["Error"]
        break
check("put_record throttled", throttled is not None
      and throttled["Code"] == "ProvisionedThroughputExceededException" and throttled["Message"] == RATE_MESSAGE,
      throttled)
time.sleep(1.1)
batch = kinesis.put_records(StreamName="limits",
                            Records=[{"Data": b"b" * 4096, "PartitionKey": "k"} for _ in range(500)])
failures = [r for r in batch["Records"] if "ErrorCode" in r]
stored = [r for r in batch["Records"] if "SequenceNumber" in r]
check("put_records fails only the throttled entries",
      0 < batch["FailedRecordCount"] == len(failures) < 500 and len(stored) == 500 - len(failures)
      and all(r["ErrorCode"] == "ProvisionedThroughputExceededException" and r["ErrorMessage"] == RATE_MESSAGE
              for r in failures)
      and [int(r["SequenceNumber"]) for r in stored] == sorted(int(r["SequenceNumber"]) for r in stored),
      {k: batch[k] for k in ("FailedRecordCount",)})
iterator = kinesis.get_shard_iterator(StreamName="limits", ShardId="shardId-000000000000",
                                      ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
read_error = None
for _ in range(50):  # a record (up to 900 KiB) a call: the calls or the 2 MiB/s run out
    try:
        kinesis.get_records(ShardIterator=iterator, Limit=1)
    except ClientError as e:
        read_error = e.response["Error"]
        break
time.sleep(1.1)
try:
    after = kinesis.get_records(ShardIterator=iterator, Limit=1)["Records"]
except ClientError as e:
    after = []
    read_error = {"after": e.response["Error"]}
check("get_records throttled, iterator kept", read_error is not None
      and read_error["Code"] == "ProvisionedThroughputExceededException"
      and read_error["Message"] == "Rate exceeded for Shard - 000000000000/limits/shardId-000000000000"
      and len(after) > 0, read_error)

finish()
