#!/usr/bin/env bash
# Kafka -> Kafka mirror throughput of the relay, against Kafka's own MirrorMaker 2 (connect-mirror 3.9.1)
# measured in the same run against the same two brokers.
# Usage: bench/mirror.sh [--only=mm2|relay] [records]     (default 1000000 records of ~300 bytes)
# Figures go to stdout; the brokers' log to target/bench-mirror.log, each mirror's to
# target/bench-mirror-mm2.log and target/bench-mirror-relay.log.
set -euo pipefail
cd "$(dirname "$0")/.."
# target/cdc-relay.jar for the relay, the test classes and their class path for the benchmark and its brokers
mvn -B -q package -DskipTests
mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
# MM2's own class path, never the project's: its connect-runtime 3.9.1 clashes with Debezium's 4.1.1
rm -rf target/mm2-lib
mvn -B -q -f bench/mm2/pom.xml dependency:copy-dependencies -DoutputDirectory="$PWD/target/mm2-lib"
source bench/harness-log4j2.sh
harness_log4j2 mirror
java -Xmx2g -Dlog4j2.configurationFile=target/bench-mirror-log4j2.properties \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  io.cdcrelay.bench.MirrorThroughputBenchmark "$@" 2>> target/bench-mirror.log \
  || { rc=$?; echo "bench/mirror.sh failed (exit $rc): see target/bench-mirror.log and target/bench-mirror-*.log" >&2; exit $rc; }
