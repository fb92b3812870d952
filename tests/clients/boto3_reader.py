"""A polling reader as applications write one with boto3: get_shard_iterator once, then
get_records with each NextShardIterator, four calls a second, for a while. Usage:
boto3_reader.py ENDPOINT_URL ACCESS_KEY_ID:SECRET STREAM SHARD_ID SECONDS. Prints what it did as
one JSON line ("summary {...}": GetShardIterator and GetRecords calls, records read, the last
sequence number read), for the test to compare with the emulator's reader list. Exits non-zero
when a call fails."""

import json
import sys
import time

import boto3
from botocore.config import Config

endpoint, key_pair, stream, shard, seconds = sys.argv[1:6]
key_id, secret = key_pair.split(":", 1)
session = boto3.session.Session(aws_access_key_id=key_id, aws_secret_access_key=secret,
                                region_name="us-east-1")
kinesis = session.client("kinesis", endpoint_url=endpoint,
                         config=Config(retries={"max_attempts": 1}))
print(f"boto3 {boto3.__version__}", flush=True)

iterator = kinesis.get_shard_iterator(StreamName=stream, ShardId=shard,
                                      ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
calls = 0
records = 0
last = ""
deadline = time.monotonic() + float(seconds)
while time.monotonic() < deadline:
    # A few records a call, so the reader takes several calls to catch up.
    page = kinesis.get_records(ShardIterator=iterator, Limit=3)
    calls += 1
    records += len(page["Records"])
    if page["Records"]:
        last = page["Records"][-1]["SequenceNumber"]
    iterator = page["NextShardIterator"]
    time.sleep(0.25)
print("summary " + json.dumps({"iteratorCalls": 1, "getRecordsCalls": calls, "records": records,
                               "lastSequenceNumber": last}), flush=True)
