/**
 * Where an operator looks and acts: the HTTP endpoints ({@code /health}, {@code /status}, {@code /metrics},
 * {@code POST /snapshot}), the snapshot MBean, the progress line, the topic tails and the HTTP port guard. What
 * they show is reported to {@link io.cdcrelay.report}; nothing below the top-level wiring imports this package.
 */
package io.cdcrelay.ops;
