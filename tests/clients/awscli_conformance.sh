#!/usr/bin/env bash
# Drives a Shardscope endpoint with the AWS CLI v2 (Debian's awscli, /usr/bin/aws, never another
# aws first on PATH) through every kinesis subcommand it offers that the emulator has, and their
# error cases. Usage: awscli_conformance.sh ENDPOINT_URL [ACCESS_KEY_ID:SECRET]; with the key pair
# the server runs with --require-auth and that pair, and a wrong secret and an unknown key id
# must be rejected. Prints "N passed, N failed"; exits 1 on failure.
set -uo pipefail

endpoint="$1"
key_pair="${2:-}"
if [[ -n "$key_pair" ]]; then
    export AWS_ACCESS_KEY_ID="${key_pair%%:*}" AWS_SECRET_ACCESS_KEY="${key_pair#*:}"
else
    export AWS_ACCESS_KEY_ID=AKIDSHARDSCOPE AWS_SECRET_ACCESS_KEY=secret-for-tests
fi
export AWS_DEFAULT_REGION=us-east-1
export AWS_PAGER="" AWS_MAX_ATTEMPTS=1 AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
unset AWS_SESSION_TOKEN AWS_PROFILE
kinesis() { /usr/bin/aws --endpoint-url "$endpoint" --output json kinesis "$@"; }

/usr/bin/aws --version
passed=0
failed=0
check() { # name, condition result (0 = ok), detail
    if [[ "$2" == 0 ]]; then passed=$((passed + 1)); echo "ok   $1"
    else failed=$((failed + 1)); echo "FAIL $1 ${3:-}"; fi
}
expect_ok() { # name, command...
    local name="$1"; shift
    local out; out=$("$@" 2>&1); check "$name" $? "$out"
}
expect_error() { # name, error type, message (or ""), command...
    local name="$1" type="$2" message="$3"; shift 3
    local out; out=$("$@" 2>&1)
    if [[ $? -ne 0 && "$out" == *"($type)"* && ( -z "$message" || "$out" == *"$message"* ) ]]; then check "$name" 0
    else check "$name" 1 "$out"; fi
}
wait_active() { # the CLI's own waiter: one process polling DescribeStream every 10 s
    kinesis wait stream-exists --stream-name "$1" || { echo "stream $1 never became ACTIVE"; exit 1; }
}

if [[ -n "$key_pair" ]]; then
    expect_error "wrong secret rejected" InvalidSignatureException "The request signature we calculated does not match the signature you provided." \
        env AWS_SECRET_ACCESS_KEY="not-$AWS_SECRET_ACCESS_KEY" /usr/bin/aws --endpoint-url "$endpoint" kinesis list-streams
    expect_error "unknown key id rejected" UnrecognizedClientException "The security token included in the request is invalid." \
        env AWS_ACCESS_KEY_ID=AKIDUNKNOWN /usr/bin/aws --endpoint-url "$endpoint" kinesis list-streams
fi

expect_ok "create-stream" kinesis create-stream --stream-name cli --shard-count 2
expect_ok "create-stream on-demand" kinesis create-stream --stream-name cli-od --stream-mode-details StreamMode=ON_DEMAND
expect_ok "create-stream for the time checks" kinesis create-stream --stream-name cli-time --shard-count 1
wait_active cli
wait_active cli-od
wait_active cli-time

names=$(kinesis list-streams --query 'StreamNames' --output text)
check "list-streams" $([[ "$names" == $'cli\tcli-od\tcli-time' ]]; echo $?) "$names"
shards=$(kinesis describe-stream --stream-name cli --query 'StreamDescription.Shards[].ShardId' --output text)
check "describe-stream" $([[ "$shards" == $'shardId-000000000000\tshardId-000000000001' ]]; echo $?) "$shards"
mode=$(kinesis describe-stream-summary --stream-name cli-od --query 'StreamDescriptionSummary.StreamModeDetails.StreamMode' --output text)
check "describe-stream-summary" $([[ "$mode" == ON_DEMAND ]]; echo $?) "$mode"
limit=$(kinesis describe-limits --query 'OpenShardCount' --output text)
check "describe-limits" $([[ "$limit" == 3 ]]; echo $?) "$limit"

seq=$(kinesis put-record --stream-name cli --partition-key user-1 --data 'hello cli' --cli-binary-format raw-in-base64-out --query SequenceNumber --output text)
check "put-record" $([[ "$seq" =~ ^[0-9]+$ ]]; echo $?) "$seq"
shard=$(kinesis put-record --stream-name cli --partition-key user-1 --data 'second' --cli-binary-format raw-in-base64-out --query ShardId --output text)
failed_count=$(kinesis put-records --stream-name cli --cli-binary-format raw-in-base64-out \
    --records Data=a,PartitionKey=k1 Data=b,PartitionKey=k2 Data=c,PartitionKey=k3 --query FailedRecordCount --output text)
check "put-records" $([[ "$failed_count" == 0 ]]; echo $?) "$failed_count"

iterator=$(kinesis get-shard-iterator --stream-name cli --shard-id "$shard" --shard-iterator-type AT_SEQUENCE_NUMBER --starting-sequence-number "$seq" --query ShardIterator --output text)
data=$(kinesis get-records --shard-iterator "$iterator" --limit 1 --query 'Records[0].Data' --output text | base64 -d)
check "get-shard-iterator AT_SEQUENCE_NUMBER + get-records" $([[ "$data" == "hello cli" ]]; echo $?) "$data"
iterator=$(kinesis get-shard-iterator --stream-name cli --shard-id "$shard" --shard-iterator-type AFTER_SEQUENCE_NUMBER --starting-sequence-number "$seq" --query ShardIterator --output text)
data=$(kinesis get-records --shard-iterator "$iterator" --limit 1 --query 'Records[0].Data' --output text | base64 -d)
check "AFTER_SEQUENCE_NUMBER" $([[ "$data" == "second" ]]; echo $?) "$data"
iterator=$(kinesis get-shard-iterator --stream-name cli --shard-id "$shard" --shard-iterator-type LATEST --query ShardIterator --output text)
page=$(kinesis get-records --shard-iterator "$iterator")
count=$(jq -r '.Records | length' <<<"$page")
check "LATEST" $([[ "$count" == 0 ]]; echo $?) "$count"
start_key=$(kinesis describe-stream --stream-name cli --query "StreamDescription.Shards[?ShardId=='$shard'].HashKeyRange.StartingHashKey" --output text)
kinesis put-record --stream-name cli --partition-key x --explicit-hash-key "$start_key" --data 'after latest' --cli-binary-format raw-in-base64-out >/dev/null
data=$(kinesis get-records --shard-iterator "$(jq -r .NextShardIterator <<<"$page")" --query 'Records[].Data' --output text | base64 -d)
check "LATEST reads what comes next" $([[ "$data" == "after latest" ]]; echo $?) "$data"

# AT_TIMESTAMP against TRIM_HORIZON: records before a moment and records after it; the moment is a
# whole second (as the CLI sends it) after the first records, the later records after the moment.
records() { # prefix: three records prefix-0..2
    kinesis put-records --stream-name cli-time --cli-binary-format raw-in-base64-out --query FailedRecordCount --output text \
        --records Data="$1-0",PartitionKey=k Data="$1-1",PartitionKey=k Data="$1-2",PartitionKey=k
}
records early >/dev/null
moment=$(( $(date +%s) + 1 ))
while (( $(date +%s%N) < moment * 1000000000 + 300000000 )); do sleep 0.05; done
records late >/dev/null
read_data() { # iterator type and options: the records' data, space-separated
    local it; it=$(kinesis get-shard-iterator --stream-name cli-time --shard-id shardId-000000000000 --query ShardIterator --output text "$@")
    kinesis get-records --shard-iterator "$it" --query 'Records[].Data' --output text | tr '\t' '\n' |
        while read -r d; do printf '%s ' "$(base64 -d <<<"$d")"; done
}
data=$(read_data --shard-iterator-type AT_TIMESTAMP --timestamp "$moment")
check "AT_TIMESTAMP reads only later records" $([[ "$data" == "late-0 late-1 late-2 " ]]; echo $?) "$data"
data=$(read_data --shard-iterator-type TRIM_HORIZON)
check "TRIM_HORIZON reads all records" $([[ "$data" == "early-0 early-1 early-2 late-0 late-1 late-2 " ]]; echo $?) "$data"

listed=$(kinesis list-shards --stream-name cli --max-results 1 --query 'length(Shards)' --output text)
check "list-shards --max-results" $([[ "$listed" == 1 ]]; echo $?) "$listed"
listed=$(kinesis list-shards --stream-name cli --shard-filter Type=AFTER_SHARD_ID,ShardId=shardId-000000000000 --query 'Shards[].ShardId' --output text)
check "list-shards AFTER_SHARD_ID" $([[ "$listed" == shardId-000000000001 ]]; echo $?) "$listed"

expect_ok "split-shard" kinesis split-shard --stream-name cli --shard-to-split shardId-000000000000 --new-starting-hash-key 85070591730234615865843651857942052864
expect_error "split-shard while UPDATING" ResourceInUseException "not ACTIVE, instead in state UPDATING" \
    kinesis split-shard --stream-name cli --shard-to-split shardId-000000000001 --new-starting-hash-key 255211775190703847597530955573826158592
wait_active cli
expect_ok "merge-shards" kinesis merge-shards --stream-name cli --shard-to-merge shardId-000000000002 --adjacent-shard-to-merge shardId-000000000003
wait_active cli
expect_error "merge-shards in the wrong order" InvalidArgumentException "are not an adjacent pair of shards eligible for merging" \
    kinesis merge-shards --stream-name cli --shard-to-merge shardId-000000000001 --adjacent-shard-to-merge shardId-000000000004
open=$(kinesis list-shards --stream-name cli --shard-filter Type=AT_LATEST --query 'Shards[].ShardId' --output text)
check "list-shards AT_LATEST after reshard" $([[ "$open" == $'shardId-000000000001\tshardId-000000000004' ]]; echo $?) "$open"
expect_ok "update-shard-count" kinesis update-shard-count --stream-name cli --target-shard-count 4 --scaling-type UNIFORM_SCALING
wait_active cli
count=$(kinesis describe-stream-summary --stream-name cli --query 'StreamDescriptionSummary.OpenShardCount' --output text)
check "update-shard-count result" $([[ "$count" == 4 ]]; echo $?) "$count"
expect_error "update-shard-count over double" LimitExceededException "cannot scale up over double" \
    kinesis update-shard-count --stream-name cli --target-shard-count 9 --scaling-type UNIFORM_SCALING

expect_ok "increase-stream-retention-period" kinesis increase-stream-retention-period --stream-name cli --retention-period-hours 72
expect_ok "decrease-stream-retention-period" kinesis decrease-stream-retention-period --stream-name cli --retention-period-hours 48
hours=$(kinesis describe-stream-summary --stream-name cli --query 'StreamDescriptionSummary.RetentionPeriodHours' --output text)
check "retention value" $([[ "$hours" == 48 ]]; echo $?) "$hours"
expect_error "retention too short" InvalidArgumentException "Minimum allowed retention period is 24 hours. Requested retention period (12 hours) is too short." \
    kinesis decrease-stream-retention-period --stream-name cli --retention-period-hours 12

expect_ok "add-tags-to-stream" kinesis add-tags-to-stream --stream-name cli --tags env=dev,team=core
expect_ok "remove-tags-from-stream" kinesis remove-tags-from-stream --stream-name cli --tag-keys team
tags=$(kinesis list-tags-for-stream --stream-name cli --query 'Tags[].Key' --output text)
check "list-tags-for-stream" $([[ "$tags" == env ]]; echo $?) "$tags"

arn=$(kinesis describe-stream-summary --stream-name cli-od --query 'StreamDescriptionSummary.StreamARN' --output text)
expect_ok "update-stream-mode" kinesis update-stream-mode --stream-arn "$arn" --stream-mode-details StreamMode=PROVISIONED
mode=$(kinesis describe-stream-summary --stream-name cli-od --query 'StreamDescriptionSummary.StreamModeDetails.StreamMode' --output text)
check "update-stream-mode result" $([[ "$mode" == PROVISIONED ]]; echo $?) "$mode"

expect_error "describe missing stream" ResourceNotFoundException "Stream nope under account 000000000000 not found." \
    kinesis describe-stream --stream-name nope
expect_error "create existing stream" ResourceInUseException "Stream cli under account 000000000000 already exists." \
    kinesis create-stream --stream-name cli --shard-count 1
expect_error "bad iterator" InvalidArgumentException "Invalid ShardIterator." \
    kinesis get-records --shard-iterator AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
expect_error "bad iterator type" ValidationException "Member must satisfy enum value set" \
    kinesis get-shard-iterator --stream-name cli --shard-id shardId-000000000000 --shard-iterator-type NOPE

# Enhanced monitoring (the only control-plane subcommands of the CLI v2 Debian ships).
metrics=$(kinesis enable-enhanced-monitoring --stream-name cli-time --shard-level-metrics ALL \
    --query 'join(`,`, [StreamName, join(`+`, CurrentShardLevelMetrics), join(`+`, DesiredShardLevelMetrics)])' --output text 2>&1)
check "enable-enhanced-monitoring" $([[ "$metrics" == "cli-time,,IncomingBytes+IncomingRecords+OutgoingBytes+OutgoingRecords+WriteProvisionedThroughputExceeded+ReadProvisionedThroughputExceeded+IteratorAgeMilliseconds" ]]; echo $?) "$metrics"
wait_active cli-time
metrics=$(kinesis disable-enhanced-monitoring --stream-name cli-time --shard-level-metrics IncomingBytes IteratorAgeMilliseconds \
    --query 'join(`+`, DesiredShardLevelMetrics)' --output text 2>&1)
check "disable-enhanced-monitoring" $([[ "$metrics" == "IncomingRecords+OutgoingBytes+OutgoingRecords+WriteProvisionedThroughputExceeded+ReadProvisionedThroughputExceeded" ]]; echo $?) "$metrics"
metrics=$(kinesis describe-stream-summary --stream-name cli-time \
    --query 'join(`+`, StreamDescriptionSummary.EnhancedMonitoring[0].ShardLevelMetrics)' --output text 2>&1)
check "describe-stream-summary EnhancedMonitoring" $([[ "$metrics" == "IncomingRecords+OutgoingBytes+OutgoingRecords+WriteProvisionedThroughputExceeded+ReadProvisionedThroughputExceeded" ]]; echo $?) "$metrics"

expect_ok "delete-stream" kinesis delete-stream --stream-name cli-od
status=$(kinesis describe-stream-summary --stream-name cli-od --query 'StreamDescriptionSummary.StreamStatus' --output text 2>&1)
check "delete-stream result" $([[ "$status" == DELETING ]]; echo $?) "$status"

# Per-shard throughput limits on the 1-shard stream cli-limits. PutRecords: 500 records of 4 KiB
# (2 MiB) in one call against 1 MiB/s: only the throttled entries fail, with Kinesis's code and text.
expect_ok "create-stream for the throughput limits" kinesis create-stream --stream-name cli-limits --shard-count 1
wait_active cli-limits
limit_dir=$(mktemp -d)
trap 'rm -rf "$limit_dir"' EXIT
python3 -c '
import base64, json, sys
data = base64.b64encode(b"L" * 4096).decode()
json.dump([{"Data": data, "PartitionKey": "k"} for _ in range(500)], sys.stdout)' > "$limit_dir/records.json"
rate_message="Rate exceeded for shard shardId-000000000000 in stream cli-limits under account 000000000000."
out=$(kinesis put-records --stream-name cli-limits --records "file://$limit_dir/records.json" \
    --query '[FailedRecordCount, length(Records[?ErrorCode]), length(Records[?SequenceNumber]), join(`|`, Records[?ErrorCode].ErrorCode), join(`|`, Records[?ErrorMessage].ErrorMessage)]' --output json 2>&1)
verdict=$(printf '%s' "$out" | python3 -c '
import json, sys
failed, with_code, stored, codes, messages = json.load(sys.stdin)
ok = (0 < failed < 500 and failed == with_code and stored == 500 - failed
      and set(codes.split("|")) == {"ProvisionedThroughputExceededException"}
      and set(messages.split("|")) == {sys.argv[1]})
print("ok" if ok else "bad")' "$rate_message" 2>&1)
check "put-records throttles only the entries over the limit" $([[ "$verdict" == ok ]]; echo $?) "$out"
# PutRecord: eight CLI processes at once, each with a record of 1,000 KiB: the first fills the
# shard's second, and the ones that arrive within it fail with the exception (the CLI retries
# nothing: AWS_MAX_ATTEMPTS=1).
sleep 1.1
head -c 1024000 /dev/zero > "$limit_dir/big.bin"
for i in 1 2 3 4 5 6 7 8; do
    kinesis put-record --stream-name cli-limits --partition-key k --data "fileb://$limit_dir/big.bin" > "$limit_dir/put-$i.out" 2>&1 &
done
wait
throttled=$(grep -l "(ProvisionedThroughputExceededException)" "$limit_dir"/put-*.out | wc -l)
exact=$(grep -l -F ": $rate_message" "$limit_dir"/put-*.out | wc -l)
stored=$(grep -l '"SequenceNumber"' "$limit_dir"/put-*.out | wc -l)
check "put-record throttled with Kinesis's error" $([[ $throttled -ge 1 && $exact == "$throttled" && $((throttled + stored)) == 8 ]]; echo $?) \
    "$throttled throttled, $exact exact, $stored stored: $(cat "$limit_dir"/put-*.out)"
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
