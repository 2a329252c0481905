/**
 * A class of Debezium's that cdc-relay carries with a fix Debezium made upstream but has not released yet
 * ({@link io.debezium.pipeline.meters.CommonEventMeter}: the per-event summary string). The shaded jar leaves
 * Debezium's own copy out; {@code io.cdcrelay.capture.CarriedDebeziumClassesTest} pins the Debezium version it
 * was taken from.
 */
package io.debezium.pipeline.meters;
