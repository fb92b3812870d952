// Drives a Shardscope endpoint's control-plane operations with the AWS SDK for JavaScript v3
// (current, from npm): Describe/UpdateAccountSettings, UpdateStreamWarmThroughput,
// Enable/DisableEnhancedMonitoring (and what DescribeStream/DescribeStreamSummary then report),
// and Put/Get/DeleteResourcePolicy on a stream and on a consumer.
// Usage: node js_sdk_controlplane.mjs ENDPOINT_URL [ACCESS_KEY_ID:SECRET] (js_sdk_common.mjs).
// Prints "N passed, N failed"; exits 1 on failure.
import {
  CreateStreamCommand, DeleteResourcePolicyCommand, DescribeAccountSettingsCommand, DescribeStreamCommand,
  DescribeStreamConsumerCommand, DescribeStreamSummaryCommand, DisableEnhancedMonitoringCommand,
  EnableEnhancedMonitoringCommand, GetResourcePolicyCommand, PutResourcePolicyCommand,
  RegisterStreamConsumerCommand, UpdateAccountSettingsCommand, UpdateStreamWarmThroughputCommand,
} from "@aws-sdk/client-kinesis";
import { client, check, checkSignatures, expectError, finish, sleep } from "./js_sdk_common.mjs";

const account = "000000000000";
const arn = (name) => `arn:aws:kinesis:us-east-1:${account}:stream/${name}`;
const send = (command) => client.send(command);
const all = ["IncomingBytes", "IncomingRecords", "OutgoingBytes", "OutgoingRecords",
  "WriteProvisionedThroughputExceeded", "ReadProvisionedThroughputExceeded", "IteratorAgeMilliseconds"];
const policy = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" },
    Action: ["kinesis:GetRecords", "kinesis:GetShardIterator"], Resource: arn("cp-od") }],
}, null, 2);

async function summary(StreamARN) {
  return (await send(new DescribeStreamSummaryCommand({ StreamARN }))).StreamDescriptionSummary;
}

async function waitActive(StreamARN) {
  for (let i = 0; i < 200; i++) {
    const s = await summary(StreamARN);
    if (s.StreamStatus === "ACTIVE") return s;
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
  await send(new CreateStreamCommand({ StreamName: "cp-od", StreamModeDetails: { StreamMode: "ON_DEMAND" } }));
  await send(new CreateStreamCommand({ StreamName: "cp-p", ShardCount: 1 }));
  const od = await waitActive(arn("cp-od"));
  await waitActive(arn("cp-p"));

  // --- Account settings: the minimum throughput billing commitment -------------------------
  const initial = await send(new DescribeAccountSettingsCommand({}));
  check("describe_account_settings DISABLED", initial.MinimumThroughputBillingCommitment?.Status === "DISABLED" &&
        initial.MinimumThroughputBillingCommitment.StartedAt === undefined, JSON.stringify(initial));
  check("on-demand WarmThroughput before", od.WarmThroughput?.CurrentMiBps === 4 &&
        od.WarmThroughput.TargetMiBps === undefined, JSON.stringify(od.WarmThroughput));
  await expectError("warm throughput needs the commitment", "InvalidArgumentException",
    "Warm throughput requires a minimum throughput billing commitment. Enable MinimumThroughputBillingCommitment " +
    `for account ${account} with UpdateAccountSettings first.`,
    new UpdateStreamWarmThroughputCommand({ StreamARN: arn("cp-od"), WarmThroughputMiBps: 40 }));

  const before = Date.now();
  const enabled = (await send(new UpdateAccountSettingsCommand({
    MinimumThroughputBillingCommitment: { Status: "ENABLED" } }))).MinimumThroughputBillingCommitment;
  check("update_account_settings ENABLED", enabled.Status === "ENABLED" && enabled.StartedAt instanceof Date &&
        Math.abs(enabled.StartedAt.getTime() - before) < 60000 &&
        enabled.EarliestAllowedEndAt.getTime() - enabled.StartedAt.getTime() === 86400000, JSON.stringify(enabled));
  const pending = (await send(new UpdateAccountSettingsCommand({
    MinimumThroughputBillingCommitment: { Status: "DISABLED" } }))).MinimumThroughputBillingCommitment;
  check("disabled within a day runs on", pending.Status === "ENABLED_UNTIL_EARLIEST_ALLOWED_END" &&
        pending.EarliestAllowedEndAt.getTime() === enabled.EarliestAllowedEndAt.getTime(), JSON.stringify(pending));
  const again = (await send(new UpdateAccountSettingsCommand({
    MinimumThroughputBillingCommitment: { Status: "ENABLED" } }))).MinimumThroughputBillingCommitment;
  check("enabled again cancels the end", again.Status === "ENABLED" &&
        again.StartedAt.getTime() === enabled.StartedAt.getTime(), JSON.stringify(again));
  const described = (await send(new DescribeAccountSettingsCommand({}))).MinimumThroughputBillingCommitment;
  check("describe_account_settings ENABLED", described.Status === "ENABLED", JSON.stringify(described));

  // --- Warm throughput ----------------------------------------------------------------------
  const warm = await send(new UpdateStreamWarmThroughputCommand({ StreamARN: arn("cp-od"), WarmThroughputMiBps: 40 }));
  check("update_stream_warm_throughput", warm.StreamName === "cp-od" && warm.StreamARN === arn("cp-od") &&
        warm.WarmThroughput?.TargetMiBps === 40 && warm.WarmThroughput.CurrentMiBps === 4, JSON.stringify(warm));
  const scaled = await waitActive(arn("cp-od"));
  check("summary WarmThroughput scaled", scaled.WarmThroughput?.TargetMiBps === 40 &&
        scaled.WarmThroughput.CurrentMiBps === 40, JSON.stringify(scaled.WarmThroughput));
  await expectError("warm throughput refused on provisioned", "InvalidArgumentException",
    `Warm throughput can only be configured for streams in ON_DEMAND mode. Stream cp-p under account ${account} ` +
    "is in PROVISIONED mode.", new UpdateStreamWarmThroughputCommand({ StreamName: "cp-p", WarmThroughputMiBps: 40 }));

  // --- Enhanced monitoring ------------------------------------------------------------------
  const on = await send(new EnableEnhancedMonitoringCommand({ StreamName: "cp-p",
    ShardLevelMetrics: ["OutgoingBytes", "IncomingBytes"] }));
  check("enable_enhanced_monitoring", on.StreamName === "cp-p" && on.StreamARN === arn("cp-p") &&
        on.CurrentShardLevelMetrics.length === 0 && on.DesiredShardLevelMetrics.join() === "IncomingBytes,OutgoingBytes",
        JSON.stringify(on));
  const monitored = await waitActive(arn("cp-p"));
  check("summary EnhancedMonitoring", monitored.EnhancedMonitoring?.[0]?.ShardLevelMetrics?.join() ===
        "IncomingBytes,OutgoingBytes", JSON.stringify(monitored.EnhancedMonitoring));
  const stream = (await send(new DescribeStreamCommand({ StreamName: "cp-p" }))).StreamDescription;
  check("describe_stream EnhancedMonitoring", stream.EnhancedMonitoring?.[0]?.ShardLevelMetrics?.join() ===
        "IncomingBytes,OutgoingBytes", JSON.stringify(stream.EnhancedMonitoring));
  const everything = await send(new EnableEnhancedMonitoringCommand({ StreamARN: arn("cp-p"), ShardLevelMetrics: ["ALL"] }));
  check("enable ALL", everything.DesiredShardLevelMetrics.join() === all.join() &&
        everything.CurrentShardLevelMetrics.join() === "IncomingBytes,OutgoingBytes", JSON.stringify(everything));
  await waitActive(arn("cp-p"));
  const off = await send(new DisableEnhancedMonitoringCommand({ StreamName: "cp-p", ShardLevelMetrics: ["ALL"] }));
  check("disable ALL", off.CurrentShardLevelMetrics.join() === all.join() && off.DesiredShardLevelMetrics.length === 0,
        JSON.stringify(off));
  await waitActive(arn("cp-p"));
  await expectError("unknown metric refused", "ValidationException",
    "1 validation error detected: Value '[Bogus]' at 'shardLevelMetrics' failed to satisfy constraint: Member must " +
    `satisfy constraint: [Member must satisfy enum value set: [${all.join(", ")}, ALL]]`,
    new EnableEnhancedMonitoringCommand({ StreamName: "cp-p", ShardLevelMetrics: ["Bogus"] }));

  // --- Resource policies --------------------------------------------------------------------
  const none = await send(new GetResourcePolicyCommand({ ResourceARN: arn("cp-od") }));
  check("get_resource_policy none", none.Policy === "{}", JSON.stringify(none));
  await send(new PutResourcePolicyCommand({ ResourceARN: arn("cp-od"), Policy: policy }));
  const got = await send(new GetResourcePolicyCommand({ ResourceARN: arn("cp-od") }));
  check("get_resource_policy verbatim", got.Policy === policy, got.Policy);
  const consumer = (await send(new RegisterStreamConsumerCommand({ StreamARN: arn("cp-p"), ConsumerName: "app" }))).Consumer;
  await waitConsumerActive(consumer.ConsumerARN);
  const consumerPolicy = '{"Version":"2012-10-17","Statement":{"Effect":"Deny","Principal":"*",' +
    '"Action":"kinesis:SubscribeToShard","Resource":"*"}}';
  await send(new PutResourcePolicyCommand({ ResourceARN: consumer.ConsumerARN, Policy: consumerPolicy }));
  const gotConsumer = await send(new GetResourcePolicyCommand({ ResourceARN: consumer.ConsumerARN }));
  check("consumer resource policy", gotConsumer.Policy === consumerPolicy, gotConsumer.Policy);
  await expectError("bad policy refused", "InvalidArgumentException",
    'Invalid policy document: Statement 1: Effect must be "Allow" or "Deny".',
    new PutResourcePolicyCommand({ ResourceARN: arn("cp-od"), Policy:
      '{"Version":"2012-10-17","Statement":[{"Effect":"Perhaps","Principal":"*","Action":"*","Resource":"*"}]}' }));
  await send(new DeleteResourcePolicyCommand({ ResourceARN: arn("cp-od") }));
  const deleted = await send(new GetResourcePolicyCommand({ ResourceARN: arn("cp-od") }));
  check("delete_resource_policy", deleted.Policy === "{}" &&
        (await send(new GetResourcePolicyCommand({ ResourceARN: consumer.ConsumerARN }))).Policy === consumerPolicy,
        deleted.Policy);
  await expectError("policy of a missing stream", "ResourceNotFoundException",
    `Stream cp-none under account ${account} not found.`,
    new GetResourcePolicyCommand({ ResourceARN: arn("cp-none") }));
} catch (e) {
  check("no unexpected exception", false, `${e.name}: ${e.message}`);
}
finish();
