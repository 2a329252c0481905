#!/usr/bin/env bash
# The relay's production jar against a bare Debezium route (Camel's stock debezium-mysql with the relay's
# Debezium configuration and a count-only step), each its own JVM, measured in the same run on the same
# MariaDB and broker: catch-up throughput in alternating rounds on the same binlog, then latency at a paced
# 5,000 rows/s with both running.
# Usage: bench/pipeline.sh [--rule=hash|one] [--sink=kafka|rocketmq] [--rows=500000] [--rounds=3]
#                          [--latency-seconds=30] [--only=throughput|latency]
# Figures go to stdout; the servers' and harness's log to target/bench-pipeline.log, each competitor's to
# target/bench-pipeline-relay.log and target/bench-pipeline-bare.log.
set -euo pipefail
cd "$(dirname "$0")/.."
usage="usage: bench/pipeline.sh [--rule=hash|one] [--sink=kafka|rocketmq] [--rows=500000] [--rounds=3]"
usage+=" [--latency-seconds=30] [--only=throughput|latency]"
# the benchmark's own errors go to its log: a wrong option is said here, before the build
for arg in "$@"; do
  case "$arg" in
    --rule=hash|--rule=one|--sink=kafka|--sink=rocketmq|--only=throughput|--only=latency) ;;
    --rows=[1-9]*|--rounds=[1-9]*|--latency-seconds=[1-9]*) ;;
    *) echo "$arg: not an option. $usage" >&2; exit 64 ;;
  esac
done
source bench/harness-log4j2.sh
harness_build
harness_log4j2 pipeline
java -Xmx2g ${BENCH_HARNESS_JVM_OPTIONS:-} -Dlog4j2.configurationFile=target/bench-pipeline-log4j2.properties \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  io.cdcrelay.bench.PipelineBenchmark "$@" 2>> target/bench-pipeline.log \
  || { rc=$?; echo "bench/pipeline.sh failed (exit $rc): see target/bench-pipeline.log and" \
       "target/bench-pipeline-*.log" >&2; exit $rc; }
