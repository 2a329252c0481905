package io.cdcrelay.config;

/**
 * The part of a relay that captures changes ({@code relay.cdc.enabled=true}): the database it reads and the broker
 * it writes to. A relay that only mirrors has none, so code that captures takes this instead of checking a flag and
 * trusting two fields to be set.
 */
public record CaptureSettings(SourceSettings source, Destination destination) {
}
