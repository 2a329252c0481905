/**
 * The Camel processors the YAML routes call by name, one job each. Each delegates its decision to a pure
 * class of another package and only moves values between that class and the body, an immutable
 * {@link io.cdcrelay.sink.Outgoing} each step returns enriched: the compiler checks what one step hands the next,
 * where string exchange properties checked nothing. Processors rather
 * than bean-method expressions: Camel evaluates those by reflection on every exchange, which cut
 * throughput to a tenth.
 */
package io.cdcrelay.steps;
