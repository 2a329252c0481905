#!/usr/bin/env bash
# Relay throughput, binlog to Kafka, against a plain-producer baseline measured in the same run.
# Usage: bench/throughput.sh [rows]              binlog -> Kafka   (default 200000 rows)
#        bench/throughput.sh --rocketmq [rows]   binlog -> RocketMQ
#        (the initial snapshot has its own harness: bench/snapshot.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
main=io.cdcrelay.bench.RelayThroughputBenchmark
if [ "${1:-}" = "--rocketmq" ]; then main=io.cdcrelay.bench.RocketMqThroughputBenchmark; shift; fi
java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  "$main" "$@" 2> target/bench.log | awk '!/^[0-9:. ]+(INFO|WARN) / || / progress /'
# (of the log lines only the relay's progress lines stay)
