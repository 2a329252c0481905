/**
 * What the relay's parts report to, and what reads Debezium's own reports: the meters of captured, delivered
 * and mirrored records ({@link io.cdcrelay.report.RelayMetrics}, {@link io.cdcrelay.report.MirrorMetrics}), the
 * health every session tells ({@link io.cdcrelay.report.RelayHealth}), Debezium's MBeans, and the re-snapshot
 * operation with its progress. It imports only the change model: capture, delivery, the sinks and the mirror
 * report here, and ops/ serves it over HTTP, JMX and the progress line.
 */
package io.cdcrelay.report;
