package io.cdcrelay.format;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cdcrelay.config.SettingsException;
import io.cdcrelay.config.WireFormatName;

/** The wire formats this build offers, by the name {@code relay.format} uses. */
public final class FormatRegistry {

    private final Map<String, WireFormat> formats = new LinkedHashMap<>();

    public FormatRegistry(List<WireFormat> available) {
        available.forEach(f -> formats.put(f.name(), f));
    }

    public static FormatRegistry standard(FormatOptions options) {
        return new FormatRegistry(List.of(new DefaultFormat(options), new DefaultExtendColumnTypeFormat(options),
                new CanalFormat(options), new DataworksFormat(options), new SharePlexFormat(options),
                new DebeziumFormat(options)));
    }

    /** @throws SettingsException naming the valid formats when {@code name} is not one */
    public WireFormat get(String key, String name) {
        WireFormat format = formats.get(name);
        if (format == null) {
            throw new SettingsException(key + "=" + name + " is not a wire format: use one of "
                    + String.join(", ", formats.keySet()) + ".");
        }
        return format;
    }

    /** {@code relay.format}, overridden per topic by {@code relay.format.topic.<topic>}; every name checked now. */
    public FormatSelection select(WireFormatName format, Map<String, WireFormatName> byTopic) {
        Map<String, WireFormat> chosen = new LinkedHashMap<>();
        byTopic.forEach((topic, name) -> chosen.put(topic, get("relay.format.topic." + topic, name.value())));
        return new FormatSelection(get("relay.format", format.value()), chosen);
    }
}
