#!/usr/bin/env python3
"""Reads streams with boto3's subscribe_to_shard (enhanced fan-out over HTTP/1.1, the event stream
decoded by botocore) from a Shardscope endpoint. Usage: boto3_subscribe.py ENDPOINT_URL [ACCESS_KEY_ID:SECRET]

Checks: the initial response, records as they arrive, ContinuationSequenceNumber and resuming
from it, MillisBehindLatest, reading every record of a stream across a split (the parent to its
end, where ChildShards names the children, then each child) with nothing lost or duplicated,
the 5-second rule, a consumer that is not ACTIVE, and the request errors.

Written for the boto3 a bare Debian 12 gets (python3-boto3 1.26, botocore 1.29), which tst_clients
runs through /usr/bin/python3. With ACCESS_KEY_ID:SECRET the server runs with --require-auth.

Prints one line per check and a closing "N passed, N failed" line; exits non-zero on failure."""

import threading
import time

from botocore.exceptions import ClientError

from boto3_common import ACCOUNT, REGION, REQUIRE_AUTH, SECRET, check, finish, make_client

# A subscription's events can be seconds apart: a read timeout well above that.
kinesis = make_client(read_timeout=30)


def error_of(fn, **kwargs):
    try:
        fn(**kwargs)
    except ClientError as e:
        return e.response["Error"]
    return None


def wait_active(name):
    for _ in range(200):
        if kinesis.describe_stream_summary(StreamName=name)["StreamDescriptionSummary"]["StreamStatus"] == "ACTIVE":
            return
        time.sleep(0.05)
    raise RuntimeError(f"{name} never became ACTIVE")


def wait_consumer_active(consumer_arn):
    for _ in range(200):
        if kinesis.describe_stream_consumer(ConsumerARN=consumer_arn)["ConsumerDescription"]["ConsumerStatus"] == "ACTIVE":
            return
        time.sleep(0.05)
    raise RuntimeError(f"{consumer_arn} never became ACTIVE")


def stream_arn(name):
    return f"arn:aws:kinesis:{REGION}:{ACCOUNT}:stream/{name}"


def read_events(consumer_arn, shard_id, position, until, timeout=20):
    """Subscribes and collects events until until(events) says so or the stream ends."""
    response = kinesis.subscribe_to_shard(ConsumerARN=consumer_arn, ShardId=shard_id,
                                          StartingPosition=position)
    events = []
    deadline = time.time() + timeout
    stream = response["EventStream"]
    try:
        for event in stream:
            if "SubscribeToShardEvent" in event:
                events.append(event["SubscribeToShardEvent"])
                if until(events) or time.time() > deadline:
                    break
    finally:
        stream.close()
    return events


if REQUIRE_AUTH:
    bad = make_client(secret="not-" + SECRET)
    err = error_of(bad.subscribe_to_shard, ConsumerARN=stream_arn("x") + "/consumer/c:1", ShardId="shardId-000000000000",
                   StartingPosition={"Type": "LATEST"})
    check("wrong secret rejected", err is not None and err["Code"] == "InvalidSignatureException", err)
    err = error_of(make_client(key_id="AKIDUNKNOWN").subscribe_to_shard, ConsumerARN=stream_arn("x") + "/consumer/c:1",
                   ShardId="shardId-000000000000", StartingPosition={"Type": "LATEST"})
    check("unknown key id rejected", err is not None and err["Code"] == "UnrecognizedClientException", err)

kinesis.create_stream(StreamName="fanout", ShardCount=1)
wait_active("fanout")
consumer = kinesis.register_stream_consumer(StreamARN=stream_arn("fanout"), ConsumerName="efo")["Consumer"]
arn = consumer["ConsumerARN"]

# A consumer that is still CREATING cannot subscribe.
err = error_of(kinesis.subscribe_to_shard, ConsumerARN=arn, ShardId="shardId-000000000000",
               StartingPosition={"Type": "LATEST"})
check("consumer not ACTIVE refused", err is not None and err["Code"] == "ResourceInUseException"
      and err["Message"].endswith(" is not in ACTIVE status."), err)
wait_consumer_active(arn)

# --- records as they arrive -------------------------------------------------------------------
put = [kinesis.put_record(StreamName="fanout", Data=f"r{i}".encode(), PartitionKey=f"k{i}")["SequenceNumber"]
       for i in range(5)]
events = read_events(arn, "shardId-000000000000", {"Type": "TRIM_HORIZON"},
                     lambda evs: sum(len(e["Records"]) for e in evs) >= 5)
records = [r for e in events for r in e["Records"]]
check("trim horizon delivers every record", [r["Data"] for r in records] == [f"r{i}".encode() for i in range(5)], records)
check("records carry sequence numbers and keys", [r["SequenceNumber"] for r in records] == put
      and records[0]["PartitionKey"] == "k0", records[:1])
check("continuation is the last record's sequence number",
      events[-1]["ContinuationSequenceNumber"] == put[-1], events[-1])
check("caught up: MillisBehindLatest 0", events[-1]["MillisBehindLatest"] == 0, events[-1])

# Resuming after the continuation gets only what came later, including records that arrive while
# subscribed (pushed as they arrive, not on a fixed poll).
time.sleep(5.1)  # the 5-second rule


def put_later():
    time.sleep(0.5)
    kinesis.put_record(StreamName="fanout", Data=b"late", PartitionKey="k")


writer = threading.Thread(target=put_later)
writer.start()
started = time.time()
events = read_events(arn, "shardId-000000000000",
                     {"Type": "AFTER_SEQUENCE_NUMBER", "SequenceNumber": put[-1]},
                     lambda evs: any(e["Records"] for e in evs))
writer.join()
late = [r["Data"] for e in events for r in e["Records"]]
check("resumed after the continuation: only the new record", late == [b"late"], late)
check("a record arriving while subscribed comes before the 5-second heartbeat", time.time() - started < 3.0,
      time.time() - started)

# --- the 5-second rule ---------------------------------------------------------------------------
time.sleep(1.1)  # one call a second per consumer and shard: the last one opened just now
first = kinesis.subscribe_to_shard(ConsumerARN=arn, ShardId="shardId-000000000000",
                                   StartingPosition={"Type": "LATEST"})
err = error_of(kinesis.subscribe_to_shard, ConsumerARN=arn, ShardId="shardId-000000000000",
               StartingPosition={"Type": "LATEST"})
check("second subscription within 5 s refused", err is not None and err["Code"] == "ResourceInUseException"
      and err["Message"] == f"Another active subscription exists for this consumer: {ACCOUNT}:fanout:shardId-000000000000:efo",
      err)
first["EventStream"].close()

# --- request errors ------------------------------------------------------------------------------
err = error_of(kinesis.subscribe_to_shard, ConsumerARN=arn, ShardId="shardId-000000000007",
               StartingPosition={"Type": "LATEST"})
check("unknown shard", err is not None and err["Code"] == "ResourceNotFoundException"
      and err["Message"] == f"Shard shardId-000000000007 in stream fanout under account {ACCOUNT} does not exist", err)
err = error_of(kinesis.subscribe_to_shard, ConsumerARN=stream_arn("fanout") + "/consumer/ghost:1",
               ShardId="shardId-000000000000", StartingPosition={"Type": "LATEST"})
check("unknown consumer", err is not None and err["Code"] == "ResourceNotFoundException", err)

# --- across a split: the parent to its end, then the children ----------------------------------
kinesis.create_stream(StreamName="lineage", ShardCount=1)
wait_active("lineage")
lineage = kinesis.register_stream_consumer(StreamARN=stream_arn("lineage"), ConsumerName="reader")["Consumer"]["ConsumerARN"]
wait_consumer_active(lineage)
expected = []
for i in range(40):
    data = f"before-{i}".encode()
    kinesis.put_record(StreamName="lineage", Data=data, PartitionKey=f"key-{i}")
    expected.append(data)
kinesis.split_shard(StreamName="lineage", ShardToSplit="shardId-000000000000",
                    NewStartingHashKey=str(2 ** 127))
wait_active("lineage")
for i in range(40):
    data = f"after-{i}".encode()
    kinesis.put_record(StreamName="lineage", Data=data, PartitionKey=f"key-{i}")
    expected.append(data)

seen = []
pending = ["shardId-000000000000"]
visited = []
ends = {}
while pending:
    shard = pending.pop(0)
    visited.append(shard)
    # Everything was put before subscribing: an open child's first event holds all of it; the
    # closed parent goes on to its end, where ChildShards comes.
    closed = shard == "shardId-000000000000"
    events = read_events(lineage, shard, {"Type": "TRIM_HORIZON"},
                         lambda evs: evs[-1].get("ChildShards") is not None if closed else True)
    seen += [r["Data"] for e in events for r in e["Records"]]
    last = events[-1]
    ends[shard] = last
    for child in last.get("ChildShards") or []:
        if child["ShardId"] not in pending and child["ShardId"] not in visited:
            pending.append(child["ShardId"])
parent_end = ends["shardId-000000000000"]
check("the parent ends with its children", sorted(c["ShardId"] for c in parent_end.get("ChildShards", []))
      == ["shardId-000000000001", "shardId-000000000002"] and "ContinuationSequenceNumber" not in parent_end, parent_end)
check("every record across the split, none lost or duplicated", sorted(seen) == sorted(expected) and len(seen) == len(expected),
      (len(seen), len(expected)))
check("parent's records before the children's", seen[:40] == expected[:40], seen[:3])

finish()
