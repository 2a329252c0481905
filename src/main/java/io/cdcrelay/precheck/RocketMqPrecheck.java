package io.cdcrelay.precheck;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.cdcrelay.config.RocketMqSettings;
import io.cdcrelay.config.TopicSettings;
import io.cdcrelay.rocketmq.RocketMqInspector;

/**
 * A RocketMQ destination: the name server answers and knows a master broker, and each captured table's topic
 * has writable queues or, with sync type {@code schema}, will be created on those masters. RocketMQ has no
 * validate-only create, so "creatable" means a master broker to create it on.
 */
final class RocketMqPrecheck {

    static final String NAME = "destination reachable";

    private final RocketMqSettings settings;
    private final TopicSettings topics;
    private final Duration timeout;

    RocketMqPrecheck(RocketMqSettings settings, TopicSettings topics, Duration timeout) {
        this.settings = settings;
        this.topics = topics;
        this.timeout = timeout;
    }

    List<CheckResult> run(Optional<TopicPlan> plan) {
        List<CheckResult> results = new ArrayList<>();
        String fix = "check relay.rocketmq.namesrv-addr, that the name server runs and this host reaches it, and "
                + "relay.rocketmq.producer.access-key / secret-key";
        try (RocketMqInspector cluster = new RocketMqInspector(settings, timeout)) {
            List<String> masters;
            try {
                masters = cluster.masterBrokers();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                results.add(CheckResult.fail(NAME, "interrupted", "run the precheck again"));
                return results;
            } catch (Exception e) {
                results.add(CheckResult.fail(NAME, "RocketMQ name server at " + settings.namesrvAddr()
                        + " did not answer: " + Problems.message(e), fix));
                results.add(CheckResult.skip(TopicPlan.NAME, "needs the destination"));
                return results;
            }
            if (masters.isEmpty()) {
                results.add(CheckResult.fail(NAME, "RocketMQ name server at " + settings.namesrvAddr()
                        + " knows no master broker", "start a broker registered with this name server"));
                results.add(CheckResult.skip(TopicPlan.NAME, "needs a broker"));
                return results;
            }
            results.add(CheckResult.pass(NAME, "RocketMQ name server at " + settings.namesrvAddr() + ", "
                    + masters.size() + (masters.size() == 1 ? " master broker" : " master brokers")));
            results.add(plan.map(p -> topics(cluster, p, masters.size()))
                    .orElseGet(() -> CheckResult.skip(TopicPlan.NAME, "needs the captured tables")));
        } catch (Exception e) {
            results.add(CheckResult.fail(NAME, "the RocketMQ client did not start: " + Problems.message(e), fix));
        }
        return results;
    }

    private CheckResult topics(RocketMqInspector cluster, TopicPlan plan, int masters) {
        List<TopicPlan.Outcome> outcomes = new ArrayList<>(plan.unmappable());
        List<String> missing = new ArrayList<>();
        for (String topic : plan.topics().keySet()) {
            int queues;
            try {
                queues = cluster.writeQueues(topic);
            } catch (Exception e) {
                outcomes.add(TopicPlan.Outcome.failed(topic + " could not be looked up: " + Problems.message(e),
                        "check the name server's health"));
                continue;
            }
            if (queues > 0) {
                outcomes.add(TopicPlan.Outcome.ok(topic + " present (" + queues + " writable queues)"));
            } else if (topics.createMissing()) {
                outcomes.add(TopicPlan.Outcome.ok(topic + " to be created (" + topics.partitions() + " queues on "
                        + masters + (masters == 1 ? " master broker)" : " master brokers)")));
            } else {
                missing.add(topic);
            }
        }
        outcomes.addAll(TopicPlan.missingWithoutSchema(missing));
        return TopicPlan.result(outcomes);
    }
}
