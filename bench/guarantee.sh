#!/usr/bin/env bash
# The relay's production jar with relay.delivery.guarantee=exactly-once against the same jar at at-least-once,
# each its own JVM and topic, catching up on the same binlog in alternating rounds on one MariaDB and Kafka
# broker; both counted by a read_committed consumer. Prints the rates, their ratio and CPU per change.
# Usage: bench/guarantee.sh [--rule=hash|one] [--rows=500000] [--rounds=3]
# Figures go to stdout; the servers' and harness's log to target/bench-guarantee.log, each relay's to
# target/bench-guarantee-exactly-once.log and target/bench-guarantee-at-least-once.log.
set -euo pipefail
cd "$(dirname "$0")/.."
usage="usage: bench/guarantee.sh [--rule=hash|one] [--rows=500000] [--rounds=3]"
# the benchmark's own errors go to its log: a wrong option is said here, before the build
for arg in "$@"; do
  case "$arg" in
    --rule=hash|--rule=one|--rows=[1-9]*|--rounds=[1-9]*) ;;
    *) echo "$arg: not an option. $usage" >&2; exit 64 ;;
  esac
done
source bench/harness-log4j2.sh
harness_build
harness_log4j2 guarantee
java -Xmx2g -Dlog4j2.configurationFile=target/bench-guarantee-log4j2.properties \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  io.cdcrelay.bench.GuaranteeBenchmark "$@" 2>> target/bench-guarantee.log \
  || { rc=$?; echo "bench/guarantee.sh failed (exit $rc): see target/bench-guarantee.log and" \
       "target/bench-guarantee-*.log" >&2; exit $rc; }
