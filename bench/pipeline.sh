#!/usr/bin/env bash
# The relay's production jar against a bare Debezium route (Camel's stock debezium-mysql with the relay's
# Debezium configuration and a count-only step) and, with the Kafka sink, Kafka Connect standalone running
# Debezium's MariaDB connector and the floor (the bare route that also writes each change as a small JSON object
# and sends it with the relay's producer settings: the least any relay into Kafka pays), each its own JVM,
# measured in the same run on the same MariaDB and broker: catch-up throughput and CPU per change in rotating rounds on the same binlog, then latency at a paced
# 5,000 rows/s with the relay and the bare route running, first from new JVMs (cold), then warmed.
# Usage: bench/pipeline.sh [--rule=hash|one] [--sink=kafka|rocketmq] [--rows=500000] [--rounds=3]
#                          [--latency-seconds=30] [--only=throughput|latency|cold] [--connect=on|off]
#                          [--floor=on|off]
# Figures go to stdout; the servers' and harness's log to target/bench-pipeline.log, each competitor's to
# target/bench-pipeline-relay.log, -bare.log, -connect.log and -floor.log.
set -euo pipefail
cd "$(dirname "$0")/.."
usage="usage: bench/pipeline.sh [--rule=hash|one] [--sink=kafka|rocketmq] [--rows=500000] [--rounds=3]"
usage+=" [--latency-seconds=30] [--only=throughput|latency|cold] [--connect=on|off] [--floor=on|off]"
# the benchmark's own errors go to its log: a wrong option is said here, before the build
for arg in "$@"; do
  case "$arg" in
    --rule=hash|--rule=one|--sink=kafka|--sink=rocketmq|--only=throughput|--only=latency|--only=cold) ;;
    --connect=on|--connect=off|--floor=on|--floor=off) ;;
    --rows=[1-9]*|--rounds=[1-9]*|--latency-seconds=[1-9]*) ;;
    *) echo "$arg: not an option. $usage" >&2; exit 64 ;;
  esac
done
source bench/harness-log4j2.sh
harness_build
# Kafka Connect's own class path (bench/connect/pom.xml), apart from the project's
rm -rf target/connect-lib
mvn -B -q -Dstyle.color=never -f bench/connect/pom.xml dependency:copy-dependencies \
  -DoutputDirectory="$PWD/target/connect-lib" >&2
harness_log4j2 pipeline
java -Xmx2g ${BENCH_HARNESS_JVM_OPTIONS:-} -Dlog4j2.configurationFile=target/bench-pipeline-log4j2.properties \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  io.cdcrelay.bench.PipelineBenchmark "$@" 2>> target/bench-pipeline.log \
  || { rc=$?; echo "bench/pipeline.sh failed (exit $rc): see target/bench-pipeline.log and" \
       "target/bench-pipeline-*.log" >&2; exit $rc; }
