#!/usr/bin/env bash
# JMH micro-benchmarks of the codec and of the reliability window (src/bench/java/lanchat/bench/jmh):
# builds the bench jar, then runs every benchmark in it (or those matching the regexps given).
#
#   src/bench/jmh.sh [--smoke] [--no-build] [JMH arguments, e.g. CodecBench.decode -prof gc]
#
# Default settings: 1 fork, 3 warm-up and 5 measured iterations of 1 s each (about 3 minutes in all).
# --smoke: 1 fork, 1 warm-up and 1 measured iteration of 200 ms (about 17 s with the build): it shows that
# every benchmark runs; its numbers mean nothing. The build goes to $LANCHAT_BUILD_DIR (default target/).
# Needs no network and no root: nothing here opens a socket.
set -euo pipefail
cd "$(dirname "$0")/../.."

build_dir=${LANCHAT_BUILD_DIR:-$PWD/target}
settings=(-f 1 -wi 3 -i 5 -w 1s -r 1s)
limit=1800
build=1
while [[ $# -gt 0 ]]; do
    case $1 in
        --smoke) settings=(-f 1 -wi 1 -i 1 -w 200ms -r 200ms); limit=300; shift ;;
        --no-build) build=0; shift ;;
        *) break ;;
    esac
done

if [[ $build == 1 ]]; then
    echo "== jmh: building $build_dir/lanchat-bench.jar (./mvnw -Pbench package, tests skipped)" >&2
    ./mvnw -q -B -Pbench -DskipTests -Dlanchat.build.dir="$build_dir" package >&2
fi

mkdir -p "$build_dir/jmh"
# The bench jar's manifest puts bench-lib/ (JMH and its libraries) on the class path, forks included.
# A hard bound on the whole run, whatever happens: 30 minutes, 5 with --smoke.
timeout --kill-after=30 "$limit" \
    java -cp "$build_dir/lanchat-bench.jar" org.openjdk.jmh.Main "${settings[@]}" \
    -rf text -rff "$build_dir/jmh/results.txt" "$@"
echo "== jmh: table kept in $build_dir/jmh/results.txt" >&2
