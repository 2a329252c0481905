#!/usr/bin/env bash
# Relay throughput, binlog to Kafka, against a plain-producer baseline measured in the same run.
# Usage: bench/throughput.sh [rows]   (default 200000)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  io.cdcrelay.bench.RelayThroughputBenchmark "$@" 2> target/bench.log | grep -vE "^[0-9:. ]+(INFO|WARN)"
