"""What the boto3 client scripts share: the command line (ENDPOINT_URL [ACCESS_KEY_ID:SECRET]),
clients for it, and the checks they count. Each script prints one line per check and a closing
"N passed, N failed" line (finish()), and exits non-zero on failure."""

import sys

import boto3
import botocore
from botocore.config import Config

ENDPOINT = sys.argv[1]
REQUIRE_AUTH = len(sys.argv) > 2
ACCESS_KEY_ID, SECRET = sys.argv[2].split(":", 1) if REQUIRE_AUTH else ("AKIDSHARDSCOPE", "secret-for-tests")
ACCOUNT = "000000000000"
REGION = "us-east-1"

_counts = {"passed": 0, "failed": 0}
print(f"boto3 {boto3.__version__}, botocore {botocore.__version__}, {sys.executable}")


def make_client(key_id=ACCESS_KEY_ID, secret=SECRET, **config):
    session = boto3.session.Session(aws_access_key_id=key_id, aws_secret_access_key=secret,
                                    region_name=REGION)
    return session.client("kinesis", endpoint_url=ENDPOINT,
                          config=Config(retries={"max_attempts": 1}, **config))


def check(name, condition, detail=""):
    if condition:
        _counts["passed"] += 1
        print(f"ok   {name}")
    else:
        _counts["failed"] += 1
        print(f"FAIL {name} {detail}")


def finish():
    print(f"{_counts['passed']} passed, {_counts['failed']} failed")
    sys.exit(1 if _counts["failed"] else 0)
