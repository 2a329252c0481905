package io.cdcrelay.format;

import java.util.Map;

/** The wire format of each topic: its {@code relay.format.topic.<topic>}, else {@code relay.format}. */
public final class FormatSelection {

    private final WireFormat fallback;
    private final Map<String, WireFormat> byTopic;

    FormatSelection(WireFormat fallback, Map<String, WireFormat> byTopic) {
        this.fallback = fallback;
        this.byTopic = Map.copyOf(byTopic);
    }

    public WireFormat forTopic(String topic) {
        return byTopic.getOrDefault(topic, fallback);
    }
}
