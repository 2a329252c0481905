/**
 * What an operator watches and what keeps the relay running: metrics of captured, delivered and mirrored
 * records, lag, the progress line, and the backoff between restarts after a failure.
 */
package io.cdcrelay.ops;
