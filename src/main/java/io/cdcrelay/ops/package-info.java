/**
 * What an operator watches and what keeps the relay running: metrics of captured, delivered and mirrored
 * records, lag, health, status and the progress line.
 */
package io.cdcrelay.ops;
