/**
 * The precheck: what the relay needs from the source database and the destination, checked before it
 * starts ({@code java -jar cdc-relay.jar --precheck}, and first thing at every start). Each check is one
 * line of the report, PASS or FAIL with the fix, so a user sees every problem at once instead of the first
 * exception of a half-started relay. {@link io.cdcrelay.precheck.Precheck} runs the checks that apply to the
 * settings; each area (source, Kafka, RocketMQ) is its own small class, and only {@code Grants} and the
 * report formatting are pure logic.
 */
package io.cdcrelay.precheck;
