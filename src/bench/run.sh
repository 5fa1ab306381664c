#!/usr/bin/env bash
# The benchmarks in one command: builds the bench jar, runs every workload for every system in the lab
# (src/test/lab/netlab.sh), prints the median table and keeps it under target/bench/, and tears the lab
# down whatever happens.
#
#   src/bench/run.sh [--smoke] [--reps N] [--systems raw,jgroups-stock,jgroups-tuned,lanchat] [--only W1,R1]
#
# --smoke runs tiny versions (about a minute in all) for CI. Needs root, iproute2 and nftables, like the lab.
# One workload family: --only W6 (W6-file, W6-file-loss5, W6-10k-files) --systems lanchat; W6's file size
# in MiB from LANCHAT_W6_MIB (default 1024).
set -euo pipefail
cd "$(dirname "$0")/../.."

NETLAB=src/test/lab/netlab.sh
OUT=target/bench

if ! "$NETLAB" check; then
    echo "bench: the lab cannot run here (see above); nothing measured" >&2
    exit 2
fi

echo "== bench: building target/lanchat-bench.jar (./mvnw -Pbench package, tests skipped)" >&2
./mvnw -q -B -Pbench -DskipTests package >&2

cleanup() {
    "$NETLAB" down >/dev/null 2>&1 || true
}
trap cleanup EXIT INT TERM

mkdir -p "$OUT"
# A hard bound on the whole run, whatever a worker does: 5 minutes for --smoke, 3 hours otherwise.
limit=10800
for arg in "$@"; do
    [[ $arg == --smoke ]] && limit=300
done
timeout --kill-after=30 "$limit" \
    java -Xmx256m -cp "$PWD/target/lanchat-bench.jar" lanchat.bench.BenchMain \
    --netlab "$PWD/$NETLAB" --out "$PWD/$OUT" "$@"
