# Sourced by the benchmark scripts: harness_log4j2 NAME writes target/bench-NAME-log4j2.properties, which sends
# the harness's own log and its embedded servers' (Kafka at WARN) to target/bench-NAME.log, so that stdout
# carries figures only.
# harness_build: target/cdc-relay.jar, the test classes and their class path (target/bench.classpath), with
# Maven's output on stderr so that stdout carries figures only.
harness_build() {
  mvn -B -q -Dstyle.color=never package -DskipTests >&2
  mvn -B -q -Dstyle.color=never test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench.classpath >&2
}

harness_log4j2() {
  cat > "target/bench-$1-log4j2.properties" <<LOG
appender.file.type=File
appender.file.name=file
appender.file.fileName=target/bench-$1.log
appender.file.append=false
appender.file.layout.type=PatternLayout
appender.file.layout.pattern=%d{HH:mm:ss.SSS} %-5level %-24.24c{1} %msg%n
rootLogger.level=INFO
rootLogger.appenderRef.file.ref=file
logger.kafka.name=org.apache.kafka
logger.kafka.level=WARN
logger.kafkaserver.name=kafka
logger.kafkaserver.level=WARN
logger.statechange.name=state.change.logger
logger.statechange.level=WARN
LOG
}
