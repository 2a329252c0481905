#!/usr/bin/env bash
# The initial snapshot of one table through the relay's production jar (into Kafka) against a bare Debezium
# route with the same Debezium configuration and a count-only step, each its own JVM and a first start in every
# round, measured in the same run on the same MariaDB and broker.
# Usage: bench/snapshot.sh [--rows=1000000] [--rounds=3] [--rule=hash|one] [--debezium.<property>=<value>...]
#   --debezium.* goes to both competitors as relay.source.debezium.*, e.g. --debezium.snapshot.fetch.size=10000
# Figures go to stdout; the servers' and harness's log to target/bench-snapshot.log, each competitor's to
# target/bench-snapshot-relay-<round>.log and target/bench-snapshot-bare-<round>.log.
set -euo pipefail
cd "$(dirname "$0")/.."
usage="usage: bench/snapshot.sh [--rows=1000000] [--rounds=3] [--rule=hash|one] [--debezium.<property>=<value>...]"
for arg in "$@"; do
  case "$arg" in
    --rule=hash|--rule=one|--rows=[1-9]*|--rounds=[1-9]*|--debezium.*=*) ;;
    *) echo "$arg: not an option. $usage" >&2; exit 64 ;;
  esac
done
source bench/harness-log4j2.sh
harness_build
harness_log4j2 snapshot
java -Xmx2g -Dlog4j2.configurationFile=target/bench-snapshot-log4j2.properties \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  io.cdcrelay.bench.SnapshotBenchmark "$@" 2>> target/bench-snapshot.log \
  || { rc=$?; echo "bench/snapshot.sh failed (exit $rc): see target/bench-snapshot.log and" \
       "target/bench-snapshot-*.log" >&2; exit $rc; }
