// What the AWS SDK for JavaScript v3 scripts share: their arguments, the client, the checks and
// the closing line. Usage of a script: node SCRIPT ENDPOINT_URL [ACCESS_KEY_ID:SECRET]; with the
// key pair the server runs with --require-auth and only accepts that pair.
import { KinesisClient, ListStreamsCommand } from "@aws-sdk/client-kinesis";

export const endpoint = process.argv[2];
export const requireAuth = process.argv.length > 3;
const [accessKeyId, secretAccessKey] = requireAuth
  ? [process.argv[3].slice(0, process.argv[3].indexOf(":")), process.argv[3].slice(process.argv[3].indexOf(":") + 1)]
  : ["AKIDSHARDSCOPE", "secret-for-tests"];

// The Kinesis client's default handler: HTTP/2 (cleartext with prior knowledge for an http://
// endpoint), as users of the SDK get it.
export const makeClient = (credentials = { accessKeyId, secretAccessKey }) => new KinesisClient({
  endpoint, region: "us-east-1", maxAttempts: 1, credentials,
});
export const client = makeClient();

let passed = 0, failed = 0;
export const check = (name, ok, detail = "") => {
  if (ok) { passed++; console.log(`ok   ${name}`); } else { failed++; console.log(`FAIL ${name} ${detail}`); }
};
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The command must fail with this error type (and this message, when one is given).
export async function expectError(name, type, message, command, target = client) {
  try {
    await target.send(command);
    check(name, false, "no error");
  } catch (e) {
    check(name, e.name === type && (message === null || e.message === message), `${e.name}: ${e.message}`);
  }
}

// With --require-auth: a wrong secret and an unknown key id are refused with Kinesis's errors.
export async function checkSignatures() {
  if (!requireAuth)
    return;
  await expectError("wrong secret rejected", "InvalidSignatureException",
    "The request signature we calculated does not match the signature you provided. Check your AWS Secret " +
    "Access Key and signing method. Consult the service documentation for details.",
    new ListStreamsCommand({}), makeClient({ accessKeyId, secretAccessKey: `not-${secretAccessKey}` }));
  await expectError("unknown key id rejected", "UnrecognizedClientException",
    "The security token included in the request is invalid.",
    new ListStreamsCommand({}), makeClient({ accessKeyId: "AKIDUNKNOWN", secretAccessKey }));
}

export function finish() {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
