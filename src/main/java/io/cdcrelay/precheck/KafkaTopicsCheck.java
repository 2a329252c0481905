package io.cdcrelay.precheck;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.cdcrelay.config.TopicSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The destination topics on Kafka: a present topic needs a leader for every partition; a missing one needs
 * sync type {@code schema} and a create that Kafka accepts, asked with {@code validateOnly} so the precheck
 * creates nothing.
 */
final class KafkaTopicsCheck {

    private final Admin admin;
    private final TopicSettings settings;
    private final Duration timeout;

    KafkaTopicsCheck(Admin admin, TopicSettings settings, Duration timeout) {
        this.admin = admin;
        this.settings = settings;
        this.timeout = timeout;
    }

    CheckResult run(TopicPlan plan) {
        List<TopicPlan.Outcome> outcomes = new ArrayList<>(plan.unmappable());
        List<String> missing = new ArrayList<>();
        Map<String, KafkaFuture<TopicDescription>> described = admin.describeTopics(plan.topics().keySet(),
                new DescribeTopicsOptions().timeoutMs((int) timeout.toMillis())).topicNameValues();
        for (String topic : plan.topics().keySet()) {
            try {
                outcomes.add(present(described.get(topic).get(futureWaitMillis(), TimeUnit.MILLISECONDS)));
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                    missing.add(topic);
                } else {
                    outcomes.add(TopicPlan.Outcome.failed(topic + " could not be described: " + Problems.message(e),
                            "let the relay's Kafka principal describe and write the topics"));
                }
            } catch (TimeoutException e) {
                outcomes.add(TopicPlan.Outcome.failed(topic + " was not described within " + timeout.toSeconds() + " s",
                        "check the brokers' health"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcomes.add(TopicPlan.Outcome.failed(topic + ": interrupted", "run the precheck again"));
            }
        }
        outcomes.addAll(settings.createMissing() ? creatable(missing)
                : TopicPlan.missingWithoutSchema(missing));
        return TopicPlan.result(outcomes);
    }

    private static TopicPlan.Outcome present(TopicDescription topic) {
        long leaderless = topic.partitions().stream().filter(p -> p.leader() == null).count();
        if (leaderless > 0) {
            return TopicPlan.Outcome.failed(topic.name() + " has " + leaderless + " of " + topic.partitions().size()
                    + " partitions without a leader", "bring the brokers holding those partitions back");
        }
        return TopicPlan.Outcome.ok(topic.name() + " present (" + topic.partitions().size() + " partitions)");
    }

    private List<TopicPlan.Outcome> creatable(List<String> missing) {
        if (missing.isEmpty()) {
            return List.of();
        }
        List<NewTopic> topics = missing.stream()
                .map(t -> new NewTopic(t, settings.partitions(), settings.replicationFactor())).toList();
        Map<String, KafkaFuture<Void>> created = admin.createTopics(topics, new CreateTopicsOptions().validateOnly(true)
                .timeoutMs((int) timeout.toMillis())).values();
        List<TopicPlan.Outcome> outcomes = new ArrayList<>();
        for (String topic : missing) {
            try {
                created.get(topic).get(futureWaitMillis(), TimeUnit.MILLISECONDS);
                outcomes.add(TopicPlan.Outcome.ok(topic + " to be created (" + settings.partitions() + " partitions)"));
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TopicExistsException) {
                    outcomes.add(TopicPlan.Outcome.ok(topic + " present"));
                } else if (e.getCause() instanceof InvalidReplicationFactorException) {
                    outcomes.add(TopicPlan.Outcome.failed(topic + " cannot be created: " + Problems.message(e),
                            "set relay.topic.replication-factor to at most the number of brokers, or create the topic"));
                } else {
                    outcomes.add(TopicPlan.Outcome.failed(topic + " cannot be created: " + Problems.message(e),
                            "create the topic, or let the relay's Kafka principal create topics"));
                }
            } catch (TimeoutException e) {
                outcomes.add(TopicPlan.Outcome.failed(topic + ": Kafka did not say within " + timeout.toSeconds()
                        + " s whether it can be created", "check the brokers' health"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcomes.add(TopicPlan.Outcome.failed(topic + ": interrupted", "run the precheck again"));
            }
        }
        return outcomes;
    }

    private long futureWaitMillis() {
        return timeout.plusSeconds(5).toMillis();
    }
}
