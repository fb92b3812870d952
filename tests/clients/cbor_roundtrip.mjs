// Speaks CBOR (application/x-amz-cbor-1.1, as the Java SDK v2 and the KCL do) to a Shardscope
// endpoint, with requests built and responses decoded by an independent encoder (npm "cbor").
// Usage: node cbor_roundtrip.mjs ENDPOINT_URL. Prints "N passed, N failed"; exits 1 on failure.
import cbor from "cbor";

const endpoint = new URL(process.argv[2]);
let passed = 0, failed = 0;
const check = (name, ok, detail = "") => {
  if (ok) { passed++; console.log(`ok   ${name}`); } else { failed++; console.log(`FAIL ${name} ${detail}`); }
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function call(operation, body) {
  const now = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
  const response = await fetch(endpoint, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-amz-cbor-1.1",
      "X-Amz-Target": `Kinesis_20131202.${operation}`,
      "X-Amz-Date": now,
      "Authorization": `AWS4-HMAC-SHA256 Credential=AKIDSHARDSCOPE/${now.slice(0, 8)}/us-east-1/kinesis/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=${"0".repeat(64)}`,
    },
    body: cbor.encode(body),
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, type: response.headers.get("content-type"), body: bytes.length ? cbor.decodeFirstSync(bytes, { tags: { 1: (v) => v } }) : null };
}

try {
  let r = await call("CreateStream", { StreamName: "cbor", ShardCount: 2 });
  check("CreateStream", r.status === 200, JSON.stringify(r));
  for (let i = 0; i < 200; i++) {
    r = await call("DescribeStreamSummary", { StreamName: "cbor" });
    if (r.body.StreamDescriptionSummary.StreamStatus === "ACTIVE") break;
    await sleep(50);
  }
  check("response is CBOR", r.type === "application/x-amz-cbor-1.1", r.type);
  const payload = Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255]);
  const put = await call("PutRecord", { StreamName: "cbor", PartitionKey: "p", Data: payload });
  check("PutRecord with byte-string data", put.status === 200 && typeof put.body.SequenceNumber === "string", JSON.stringify(put.body));
  // A moment between this record and a later one, sent as tag 1 over epoch milliseconds:
  // AT_TIMESTAMP must read the later record alone, TRIM_HORIZON both.
  await sleep(100);
  const moment = Date.now();
  await sleep(100);
  const later = await call("PutRecord", { StreamName: "cbor", PartitionKey: "p", Data: Buffer.from("later") });
  check("PutRecord to the same shard", later.status === 200 && later.body.ShardId === put.body.ShardId, JSON.stringify(later.body));
  const it = await call("GetShardIterator", { StreamName: "cbor", ShardId: put.body.ShardId, ShardIteratorType: "AT_TIMESTAMP",
                                              Timestamp: new cbor.Tagged(1, moment) });
  const fromMoment = it.status === 200 ? await call("GetRecords", { ShardIterator: it.body.ShardIterator, Limit: 10 }) : it;
  check("GetShardIterator AT_TIMESTAMP (epoch ms) reads only the later record",
        fromMoment.body.Records?.length === 1 && Buffer.from(fromMoment.body.Records[0].Data).toString() === "later",
        JSON.stringify(fromMoment.body));
  const trim = await call("GetShardIterator", { StreamName: "cbor", ShardId: put.body.ShardId, ShardIteratorType: "TRIM_HORIZON" });
  const got = await call("GetRecords", { ShardIterator: trim.body.ShardIterator, Limit: 10 });
  const record = got.body.Records?.[0];
  check("GetRecords data is a byte string", got.body.Records?.length === 2 && Buffer.isBuffer(record.Data) && record.Data.equals(payload),
        JSON.stringify(got.body.Records));
  const arrival = record?.ApproximateArrivalTimestamp;
  // Kinesis wraps epoch milliseconds in tag 1 (the decoder above keeps the bare number).
  const arrivalMs = arrival;
  check("arrival timestamp in epoch ms", Math.abs(Number(arrivalMs) - Date.now()) < 60000, String(arrival));
  const missing = await call("DescribeStream", { StreamName: "missing" });
  check("error in CBOR", missing.status === 400 && missing.body.__type === "ResourceNotFoundException" &&
        missing.body.message === "Stream missing under account 000000000000 not found.", JSON.stringify(missing.body));
  const bad = await call("GetShardIterator", { StreamName: "cbor", ShardId: "shardId-000000000000", ShardIteratorType: "NOPE" });
  check("enum validation in CBOR", bad.status === 400 && bad.body.__type === "ValidationException", JSON.stringify(bad.body));
} catch (e) {
  check("unexpected error", false, `${e.name}: ${e.message}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
