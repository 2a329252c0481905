package io.cdcrelay.config;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code relay.mirror.*}: the Kafka → Kafka mirror.
 *
 * @param topics     {@code relay.mirror.topics}: a comma-separated list of names, or one regular expression
 * @param startTime  for {@code start-offset=time}: the first record at or after this time, per partition
 * @param source     {@code relay.mirror.source.properties.*}, passed to the consumer without the prefix
 * @param destination {@code relay.mirror.destination.properties.*}, passed to the producer without the prefix
 */
public record MirrorSettings(
        String sourceBootstrapServers,
        Map<String, String> source,
        Pattern topics,
        String groupId,
        StartOffset startOffset,
        Optional<Instant> startTime,
        String destinationBootstrapServers,
        Map<String, String> destination,
        TopicRenameRule topicRule,
        Policy partitionPolicy,
        int destinationPartitions) {

    public enum StartOffset { EARLIEST, LATEST, TIME }

    /** {@code relay.mirror.partition-policy}: which destination partition a record goes to. */
    public enum Policy { ZERO, SAME, ROUND_ROBIN }

    static MirrorSettings from(PropertyReader r) {
        StartOffset start = r.get(MirrorKeys.START_OFFSET);
        Optional<Instant> startTime = r.find(MirrorKeys.START_TIME).map(MirrorSettings::instant);
        if (start == StartOffset.TIME && startTime.isEmpty()) {
            throw new SettingsException("relay.mirror.start-offset=time needs relay.mirror.start-time: set it to an "
                    + "ISO-8601 time or epoch milliseconds.");
        }
        MirrorSettings settings = new MirrorSettings(
                r.require(MirrorKeys.SOURCE_BOOTSTRAP, "name the source Kafka cluster to mirror from"),
                r.withPrefix(MirrorKeys.SOURCE_PROPERTIES.prefix()),
                topics(r.require(MirrorKeys.TOPICS, "list the topics to mirror, or give a regular expression")),
                r.get(MirrorKeys.GROUP_ID),
                start,
                startTime,
                r.require(MirrorKeys.DESTINATION_BOOTSTRAP, "name the Kafka cluster to mirror to"),
                r.withPrefix(MirrorKeys.DESTINATION_PROPERTIES.prefix()),
                r.get(MirrorKeys.TOPIC_RULE),
                r.get(MirrorKeys.PARTITION_POLICY),
                r.get(MirrorKeys.DESTINATION_PARTITIONS));
        if (settings.sourceBootstrapServers().equals(settings.destinationBootstrapServers())
                && settings.topicRule().keepsNames()) {
            throw new SettingsException("relay.mirror.topic-rule=#{source_topic_name} with the same source and "
                    + "destination cluster would copy every record into the topic it came from, forever: give "
                    + "relay.mirror.topic-rule another name, such as backup.#{source_topic_name}.");
        }
        return settings;
    }

    /** A list of names becomes an exact alternation; anything else is taken as a regular expression. */
    static Pattern topics(String value) {
        List<String> names = List.of(value.split("\\s*,\\s*"));
        if (names.stream().allMatch(n -> n.matches("[A-Za-z0-9._-]+"))) {
            return Pattern.compile(String.join("|", names.stream().map(Pattern::quote).toList()));
        }
        try {
            return Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            throw new SettingsException("relay.mirror.topics=" + value + " is neither a list of topic names nor a "
                    + "regular expression (" + e.getDescription() + "): fix the expression.");
        }
    }

    static Instant instant(String value) {
        if (value.matches("\\d+")) {
            return Instant.ofEpochMilli(Long.parseLong(value));
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new SettingsException("relay.mirror.start-time=" + value + " is not a time: use ISO-8601 with an "
                    + "offset, such as 2026-11-21T13:05:09Z, or epoch milliseconds.");
        }
    }
}
