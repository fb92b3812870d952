#!/usr/bin/env bash
# Shardscope's wire endpoint side by side with kinesalite (npm), same load, same machine.
# Usage: bench/run_wire_bench.sh [seconds] [connections]   (after scripts/build)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
connections="${2:-4}"
build="build/${SHARDSCOPE_PRESET:-release}"
peer="$PWD/build/kinesalite"
if [[ ! -x "$peer/node_modules/.bin/kinesalite" ]]; then
    mkdir -p "$peer"
    (cd "$peer" && npm install --no-audit --no-fund --loglevel=error kinesalite@3 >/dev/null)
fi
cleanup() { kill "${pids[@]}" 2>/dev/null || true; }
pids=()
trap cleanup EXIT

"$build/app/shardscope" --serve --port 45671 --in-memory --delay-ms 0 >/dev/null &
pids+=($!)
"$peer/node_modules/.bin/kinesalite" --port 45672 --createStreamMs 0 >/dev/null 2>&1 &
pids+=($!)
sleep 2
"$build/bench/bench_wire" http://127.0.0.1:45671 shardscope "$seconds" "$connections"
"$build/bench/bench_wire" http://127.0.0.1:45672 kinesalite "$seconds" "$connections"
