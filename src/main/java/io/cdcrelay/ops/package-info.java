/**
 * What an operator watches and what keeps the relay running: metrics of captured, delivered and mirrored
 * records, lag, health, status and the progress line, and the re-snapshot request over HTTP and JMX with its
 * progress.
 */
package io.cdcrelay.ops;
