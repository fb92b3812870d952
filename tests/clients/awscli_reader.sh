#!/usr/bin/env bash
# A polling reader with the AWS CLI v2 (Debian's awscli at /usr/bin/aws, never another aws first
# on PATH): one get-shard-iterator, then get-records with each NextShardIterator, CALLS times.
# Usage: awscli_reader.sh ENDPOINT_URL ACCESS_KEY_ID:SECRET STREAM SHARD_ID CALLS. Prints what it
# did as one JSON line ("summary {...}"), for the test to compare with the emulator's reader list;
# exits 1 when a call fails.
set -euo pipefail

endpoint="$1" key_pair="$2" stream="$3" shard="$4" calls="$5"
export AWS_ACCESS_KEY_ID="${key_pair%%:*}" AWS_SECRET_ACCESS_KEY="${key_pair#*:}"
export AWS_DEFAULT_REGION=us-east-1
export AWS_PAGER="" AWS_MAX_ATTEMPTS=1 AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
unset AWS_SESSION_TOKEN AWS_PROFILE
kinesis() { /usr/bin/aws --endpoint-url "$endpoint" --output json kinesis "$@"; }

/usr/bin/aws --version
iterator=$(kinesis get-shard-iterator --stream-name "$stream" --shard-id "$shard" \
    --shard-iterator-type TRIM_HORIZON | jq -r .ShardIterator)
records=0
last=""
for ((i = 0; i < calls; i++)); do
    page=$(kinesis get-records --shard-iterator "$iterator" --limit 2)
    count=$(jq '.Records | length' <<<"$page")
    records=$((records + count))
    if ((count > 0)); then last=$(jq -r '.Records[-1].SequenceNumber' <<<"$page"); fi
    iterator=$(jq -r .NextShardIterator <<<"$page")
done
jq -cn --argjson calls "$calls" --argjson records "$records" --arg last "$last" \
    '{iteratorCalls: 1, getRecordsCalls: $calls, records: $records, lastSequenceNumber: $last}' |
    sed 's/^/summary /'
