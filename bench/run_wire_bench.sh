#!/usr/bin/env bash
# Shardscope's wire endpoint side by side with kinesalite, same load, same machine, one run.
# Usage: bench/run_wire_bench.sh [seconds] [connections]   (after scripts/build)
# kinesalite is the version pinned by tests/clients/package-lock.json (scripts/deps installs it
# with npm ci). Both servers are waited for (their "listening" banners), never slept for.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
connections="${2:-4}"
build="build/${SHARDSCOPE_PRESET:-release}"
clients="tests/clients"
kinesalite="$clients/node_modules/.bin/kinesalite"
if [[ ! -x "$kinesalite" || "$clients/package-lock.json" -nt "$clients/node_modules" ]]; then
    (cd "$clients" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    touch "$clients/node_modules"
fi
for binary in "$build/app/shardscope" "$build/bench/bench_wire"; do
    [[ -x "$binary" ]] || { echo "run_wire_bench: $binary is missing; build it first" >&2; exit 1; }
done

logs="$(mktemp -d)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$logs"
}
trap cleanup EXIT

# Waits until `pattern` appears in `log` while process `pid` lives (at most 60 s); prints the
# matching line.
wait_for_banner() {
    local name="$1" pid="$2" log="$3" pattern="$4"
    for ((i = 0; i < 600; i++)); do
        if grep -m1 -E "$pattern" "$log" 2>/dev/null; then return 0; fi
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "run_wire_bench: $name exited before it was ready:" >&2
            cat "$log" >&2
            exit 1
        fi
        sleep 0.1
    done
    echo "run_wire_bench: $name was not ready after 60 s:" >&2
    cat "$log" >&2
    exit 1
}

"$build/app/shardscope" --serve --port 0 --in-memory --delay-ms 0 >"$logs/shardscope.log" 2>&1 &
pids+=($!)
banner=$(wait_for_banner shardscope "${pids[0]}" "$logs/shardscope.log" '^Shardscope is serving Kinesis at ')
shardscope_url=$(sed -E 's/^Shardscope is serving Kinesis at ([^ ]+).*/\1/' <<<"$banner")

kinesalite_port=45672
"$kinesalite" --port "$kinesalite_port" --createStreamMs 0 >"$logs/kinesalite.log" 2>&1 &
pids+=($!)
wait_for_banner kinesalite "${pids[1]}" "$logs/kinesalite.log" '^Listening at ' >/dev/null
kinesalite_version=$(node -p "require('./$clients/node_modules/kinesalite/package.json').version")

echo "load: $(uptime | sed -E 's/.*load average: //') (1/5/15 min), $(nproc) cores"
echo "kinesalite_version: $kinesalite_version"
"$build/bench/bench_wire" "$shardscope_url" shardscope "$seconds" "$connections" | tee "$logs/shardscope.out"
# kinesalite 3.3.3 answers CBOR through cbor 5.2's Encoder.encodeOne, which cuts every body at
# 16 KiB (the stream's high-water mark): its CBOR pages do not parse, so it is read in JSON only.
echo "note: kinesalite is read in JSON only (its CBOR bodies are cut at 16 KiB)"
"$build/bench/bench_wire" "http://127.0.0.1:$kinesalite_port" kinesalite "$seconds" "$connections" \
    --reads=json | tee "$logs/kinesalite.out"
awk '/^shardscope_put_records:/ {s = $2} /^kinesalite_put_records:/ {k = $2}
     END { if (k > 0) printf "put_records_vs_kinesalite: %.1f x\n", s / k }' \
    "$logs/shardscope.out" "$logs/kinesalite.out"
