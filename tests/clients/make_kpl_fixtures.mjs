// KPL aggregated records made by someone else's code: the npm package "aws-kinesis-agg" (AWS
// Labs' kinesis-aggregation for Node.js), for tests/tst_kplaggregation.
//
// Usage:
//   node make_kpl_fixtures.mjs OUTDIR
//       Aggregates a known set of user records with aws-kinesis-agg's RecordAggregator and writes
//       OUTDIR/<name>.kpl (the aggregated payloads) and OUTDIR/manifest.json (what each holds).
//       Every fixture is first de-aggregated again with the package's own deaggregateSync, so
//       a fixture the package itself cannot read is never written. Exits 1 on any problem.
//   node make_kpl_fixtures.mjs --deaggregate FILE
//       De-aggregates FILE (checksums verified) with the package and prints
//       {"records": [{partitionKey, explicitHashKey, data (base64)}], "error": null | message}.
import { createRequire } from "node:module";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const agg = require("aws-kinesis-agg");
const aggVersion = require("aws-kinesis-agg/package.json").version;

function deaggregate(buffer) {
  let result = { records: [], error: null };
  agg.deaggregateSync({ data: buffer.toString("base64") }, true, (err, records) => {
    if (err) result.error = String(err.message ?? err);
    else result.records = records.map((r) => ({
      partitionKey: r.partitionKey,
      // The package reports explicit_hash_key_table[0] for a record without an explicit hash
      // key (protobufjs' default index 0): only meaningful where one was set.
      explicitHashKey: r.explicitPartitionKey ?? null,
      data: r.data,
    }));
  });
  return result;
}

// Exit codes are set, never forced with process.exit(): that would cut off output still
// queued for a pipe (the de-aggregated records can be hundreds of kilobytes).
if (process.argv[2] === "--deaggregate") {
  process.stdout.write(JSON.stringify(deaggregate(readFileSync(process.argv[3]))) + "\n");
} else if (!process.argv[2]) {
  console.error("usage: node make_kpl_fixtures.mjs OUTDIR | --deaggregate FILE");
  process.exitCode = 2;
} else {
  writeFixtures(process.argv[2]);
}

function writeFixtures(outDir) {
  mkdirSync(outDir, { recursive: true });

  // Deterministic pseudo-random bytes (xorshift32), so the fixtures are the same on every run.
  function pseudoRandomBytes(count, seed) {
    const out = Buffer.alloc(count);
    let x = seed >>> 0;
    for (let i = 0; i < count; i++) {
      x ^= x << 13; x >>>= 0;
      x ^= x >>> 17;
      x ^= x << 5; x >>>= 0;
      out[i] = x & 0xff;
    }
    return out;
  }

  const MAX_HASH_KEY = "340282366920938463463374607431768211455"; // 2^128 - 1
  const allBytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

  // The package builds its key tables with Object.keys(), which lists array-index-like keys
  // (integers below 2^32 - 1) first, in ascending order, whatever the order of first use: records
  // keyed "10" then "2" come back swapped (aws-kinesis-agg 4.2.8). So partition keys here are
  // never integers, and small decimal explicit hash keys are first used in ascending order,
  // before any other (2^127 and 2^128 - 1 are ordinary strings to JavaScript).
  const sets = {
    "single": [
      { partitionKey: "only-key", data: Buffer.from("hello") },
    ],
    "several-keys": [
      { partitionKey: "user-1", data: Buffer.from('{"event":"login","user":1}') },
      { partitionKey: "user-2", data: Buffer.from('{"event":"login","user":2}') },
      { partitionKey: "user-1", data: Buffer.from('{"event":"click","user":1}') },
      { partitionKey: "user-3", data: Buffer.from("plain text") },
      { partitionKey: "user-2", data: Buffer.from('{"event":"logout","user":2}') },
    ],
    "explicit-hash-keys": [
      { partitionKey: "a", explicitHashKey: "0", data: Buffer.from("to the first shard") },
      { partitionKey: "b", data: Buffer.from("routed by partition key") },
      { partitionKey: "c", explicitHashKey: MAX_HASH_KEY, data: Buffer.from("to the last shard") },
      { partitionKey: "d", explicitHashKey: "0", data: Buffer.from("shares the first key") },
      { partitionKey: "a", explicitHashKey: "170141183460469231731687303715884105728", data: Buffer.from("middle") },
      { partitionKey: "e", data: Buffer.from("no explicit key again") },
    ],
    "unicode": [
      { partitionKey: "ключ-🔑", data: Buffer.from("héllo wörld — 日本語 🎉") },
      { partitionKey: "日本語キー", explicitHashKey: "42", data: Buffer.from("Ωmega ∑ ≠ ∞") },
      { partitionKey: "emoji-🎉", data: Buffer.from("👩‍💻 and 🇩🇪") },
    ],
    "empty-data": [
      { partitionKey: "empty", data: Buffer.alloc(0) },
      { partitionKey: "not-empty", data: Buffer.from("x") },
      { partitionKey: "empty", data: Buffer.alloc(0) },
    ],
    "binary": [
      { partitionKey: "all-bytes", data: allBytes },
      // Data that itself starts with the KPL magic number: it is data, not a nested aggregate.
      { partitionKey: "magic-inside", data: Buffer.from([0xf3, 0x89, 0x9a, 0xc2, 0x00, 0xff]) },
    ],
    "big": [
      { partitionKey: "big", data: pseudoRandomBytes(900 * 1024, 0x5eed) },
      { partitionKey: "small", explicitHashKey: "12345678901234567890", data: Buffer.from("after the big one") },
    ],
    // More than 127 distinct keys, so table indexes need two-byte varints.
    "many": Array.from({ length: 400 }, (_, i) => ({
      partitionKey: `key-${String.fromCharCode(97 + (i % 26))}-${i % 200}`,
      ...(i % 3 === 0 ? { explicitHashKey: String(1000000 + (i % 150)) } : {}),
      data: Buffer.from(`record ${i}`),
    })),
  };

  const manifest = { generator: `aws-kinesis-agg ${aggVersion}`, fixtures: [] };
  let problems = 0;
  const fail = (message) => { problems++; console.error(`FAIL ${message}`); };

  function aggregate(records) {
    const aggregator = new agg.RecordAggregator();
    for (const record of records)
      aggregator.addUserRecord({ ...record, data: Buffer.from(record.data) });
    return aggregator.build().data;
  }

  function describe(records) {
    return records.map((r) => ({
      partitionKey: r.partitionKey,
      explicitHashKey: r.explicitHashKey ?? null,
      data: Buffer.from(r.data).toString("base64"),
    }));
  }

  function write(name, bytes, entry) {
    const file = `${name}.kpl`;
    writeFileSync(join(outDir, file), bytes);
    manifest.fixtures.push({ name, file, size: bytes.length, ...entry });
  }

  for (const [name, records] of Object.entries(sets)) {
    const bytes = aggregate(records);
    const expected = describe(records);
    // The package must read back what it wrote.
    const back = deaggregate(bytes);
    if (back.error) fail(`${name}: aws-kinesis-agg cannot de-aggregate its own record: ${back.error}`);
    else if (back.records.length !== expected.length) fail(`${name}: ${back.records.length} records back, not ${expected.length}`);
    else back.records.forEach((r, i) => {
      if (r.partitionKey !== expected[i].partitionKey || r.data !== expected[i].data)
        fail(`${name}: record ${i} differs after the package's own round trip`);
    });
    write(name, bytes, { kind: "valid", records: expected });
  }

  // Damaged copies of "several-keys".
  const base = aggregate(sets["several-keys"]);
  const corrupted = Buffer.from(base);
  corrupted[corrupted.length - 1] ^= 0xff;
  const corruptedVerdict = deaggregate(corrupted);
  if (!corruptedVerdict.error) fail("corrupted-md5: aws-kinesis-agg accepted a wrong checksum");
  write("corrupted-md5", corrupted, {
    kind: "corrupted-md5", records: describe(sets["several-keys"]), npmError: corruptedVerdict.error,
  });

  // A data byte changed: the protobuf still parses, the checksum no longer matches.
  const flipped = Buffer.from(base);
  const dataAt = flipped.indexOf(Buffer.from('"login"'));
  flipped[dataAt + 1] = "L".charCodeAt(0);
  write("corrupted-data", flipped, {
    kind: "corrupted-md5", npmError: deaggregate(flipped).error,
    records: describe(sets["several-keys"].map((r, i) => i === 0
      ? { ...r, data: Buffer.from(r.data.toString().replace('"login"', '"Login"')) } : r)),
  });

  for (const [name, length] of [["truncated-magic-only", 4], ["truncated-short", 19],
                                ["truncated-protobuf", Math.floor(base.length / 2)],
                                ["truncated-trailer", base.length - 8]]) {
    const cut = base.subarray(0, length);
    write(name, cut, { kind: "truncated", npmError: deaggregate(cut).error });
  }

  writeFileSync(join(outDir, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
  console.log(`${manifest.fixtures.length} fixtures from ${manifest.generator} in ${outDir}`);
  process.exitCode = problems ? 1 : 0;
}
