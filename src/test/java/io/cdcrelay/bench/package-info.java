/** Benchmarks: programs that print figures against a baseline measured in the same run; not tests. */
package io.cdcrelay.bench;
