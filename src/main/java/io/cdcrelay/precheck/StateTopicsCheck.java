package io.cdcrelay.precheck;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import io.cdcrelay.config.StateSettings.KafkaState;
import io.cdcrelay.topic.StateTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * {@code relay.state.store=kafka}: the offsets topic and the schema-history topic each exist with the settings
 * {@link StateTopics} requires, or are missing and Kafka accepts their creation ({@code validateOnly}, so the
 * precheck creates nothing). Unlike the destination topics, they are created whatever {@code relay.sync-types}
 * says: without them the relay keeps no position.
 */
final class StateTopicsCheck {

    static final String NAME = "state topics";

    private final Admin admin;
    private final KafkaState state;
    private final Duration timeout;

    StateTopicsCheck(Admin admin, KafkaState state, Duration timeout) {
        this.admin = admin;
        this.state = state;
        this.timeout = timeout;
    }

    CheckResult run() {
        List<TopicPlan.Outcome> outcomes = new ArrayList<>();
        outcomes.add(check(StateTopics.offsets(state)));
        outcomes.add(check(StateTopics.schemaHistory(state)));
        return TopicPlan.result(NAME, outcomes);
    }

    private TopicPlan.Outcome check(NewTopic wanted) {
        String topic = wanted.name();
        try {
            Optional<TopicDescription> present = describe(topic);
            if (present.isEmpty()) {
                return creatable(wanted);
            }
            Map<String, String> config = config(topic);
            int partitions = present.get().partitions().size();
            boolean offsets = topic.equals(state.offsetsTopic());
            Optional<StateTopics.Problem> problem = offsets ? StateTopics.offsetsProblem(state, config)
                    : StateTopics.schemaHistoryProblem(state, partitions, config);
            if (problem.isPresent()) {
                return TopicPlan.Outcome.failed(topic + " " + problem.get().what(), problem.get().fix());
            }
            return TopicPlan.Outcome.ok(topic + " present (" + (offsets ? "compacted, " + partitions
                    + (partitions == 1 ? " partition" : " partitions") : "1 partition, kept forever") + ")");
        } catch (ExecutionException e) {
            return TopicPlan.Outcome.failed(topic + " could not be described: " + Problems.message(e),
                    "let the relay's Kafka principal describe, read and write " + topic + " and read its settings");
        } catch (TimeoutException e) {
            return TopicPlan.Outcome.failed(topic + " was not described within " + timeout.toSeconds() + " s",
                    "check the brokers' health");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TopicPlan.Outcome.failed(topic + ": interrupted", "run the precheck again");
        }
    }

    private Optional<TopicDescription> describe(String topic)
            throws ExecutionException, InterruptedException, TimeoutException {
        try {
            return Optional.of(admin.describeTopics(List.of(topic)).topicNameValues().get(topic)
                    .get(futureWaitMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The topic's effective settings, its own and the broker's defaults. */
    private Map<String, String> config(String topic) throws ExecutionException, InterruptedException, TimeoutException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get(futureWaitMillis(), TimeUnit.MILLISECONDS)
                .get(resource);
        return config.entries().stream().filter(e -> e.value() != null)
                .collect(Collectors.toMap(ConfigEntry::name, ConfigEntry::value));
    }

    private TopicPlan.Outcome creatable(NewTopic wanted) throws InterruptedException, TimeoutException {
        try {
            admin.createTopics(List.of(wanted), new CreateTopicsOptions().validateOnly(true)
                    .timeoutMs((int) timeout.toMillis())).all().get(futureWaitMillis(), TimeUnit.MILLISECONDS);
            return TopicPlan.Outcome.ok(wanted.name() + " to be created (1 partition, " + (wanted.name()
                    .equals(state.offsetsTopic()) ? "compacted" : "kept forever") + ", replication factor "
                    + wanted.replicationFactor() + ")");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                // created since it was described: the next start judges it
                return TopicPlan.Outcome.ok(wanted.name() + " present");
            }
            String fix = e.getCause() instanceof InvalidReplicationFactorException
                    ? "set relay.state.kafka.replication-factor to at most the number of brokers"
                    : "create it with one partition and " + wanted.configs().entrySet().stream()
                            .map(c -> c.getKey() + "=" + c.getValue()).sorted().collect(Collectors.joining(", "))
                            + ", or let the relay's Kafka principal create topics";
            return TopicPlan.Outcome.failed(wanted.name() + " cannot be created: " + Problems.message(e), fix);
        }
    }

    private long futureWaitMillis() {
        return timeout.plusSeconds(5).toMillis();
    }
}
