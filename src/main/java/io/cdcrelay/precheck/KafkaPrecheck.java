package io.cdcrelay.precheck;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import io.cdcrelay.config.StateSettings.KafkaState;
import io.cdcrelay.config.TopicSettings;
import io.cdcrelay.topic.KafkaTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;

/**
 * A Kafka cluster: it answers (Admin describeCluster within the timeout), and, for the relay's destination,
 * the captured tables' topics exist or can be created; for the cluster keeping the relay's state, the state
 * topics are usable.
 *
 * @param name             the line's name: {@code destination reachable}, {@code mirror source reachable}, …
 * @param bootstrapKey     the setting holding {@code bootstrapServers}, named in the fix
 * @param propertiesKey    the settings passed to the client (security), named in the fix
 * @param clientProperties those settings; the ones an admin client knows reach it, as in the running relay
 */
record KafkaPrecheck(String name, String bootstrapServers, String bootstrapKey, String propertiesKey,
        Map<String, String> clientProperties, Duration timeout) {

    /** A check that runs on the cluster once it answers. */
    record Followup(String name, Function<Admin, CheckResult> check) {
    }

    /** The cluster answers: for the mirror's clusters, whose topics come and go with the source's. */
    CheckResult reachableOnly() {
        return run(List.of(), "").get(0);
    }

    /**
     * The cluster answers, then the destination topics of {@code plan} are usable (without a plan, since the
     * source's tables are unknown, that line is skipped), then the state topics when they live on this cluster.
     */
    List<CheckResult> withTopics(Optional<TopicPlan> plan, TopicSettings topics, Optional<KafkaState> state) {
        List<Followup> followups = new ArrayList<>();
        followups.add(new Followup(TopicPlan.NAME, admin -> plan
                .map(p -> new KafkaTopicsCheck(admin, topics, timeout).run(p))
                .orElseGet(() -> CheckResult.skip(TopicPlan.NAME, "needs the captured tables"))));
        state.ifPresent(s -> followups.add(stateTopics(s)));
        return run(followups, "needs the destination");
    }

    /** The cluster of {@code relay.state.kafka.bootstrap-servers} answers, then the state topics are usable. */
    List<CheckResult> withStateTopics(KafkaState state) {
        return run(List.of(stateTopics(state)), "needs the state cluster");
    }

    private Followup stateTopics(KafkaState state) {
        return new Followup(StateTopicsCheck.NAME, admin -> new StateTopicsCheck(admin, state, timeout).run());
    }

    private List<CheckResult> run(List<Followup> followups, String skipped) {
        List<CheckResult> results = new ArrayList<>();
        Admin admin;
        try {
            admin = Admin.create(adminProperties());
        } catch (KafkaException e) {
            results.add(CheckResult.fail(name, "the Kafka client refuses its settings: " + Problems.message(e),
                    "correct " + propertiesKey));
            return results;
        }
        try {
            CheckResult reachable = reachable(admin);
            results.add(reachable);
            for (Followup followup : followups) {
                results.add(reachable.status() == CheckResult.Status.PASS ? followup.check().apply(admin)
                        : CheckResult.skip(followup.name(), skipped));
            }
            return results;
        } finally {
            admin.close(Duration.ofSeconds(5));
        }
    }

    private CheckResult reachable(Admin admin) {
        try {
            DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
            // the client's own timeout comes first; this one only guards against a call that never completes
            long wait = timeout.plusSeconds(5).toMillis();
            Collection<Node> nodes = cluster.nodes().get(wait, TimeUnit.MILLISECONDS);
            return CheckResult.pass(name, "Kafka at " + bootstrapServers + ", cluster " + cluster.clusterId()
                    .get(wait, TimeUnit.MILLISECONDS) + ", " + nodes.size() + (nodes.size() == 1 ? " broker" : " brokers"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.fail(name, "interrupted", "run the precheck again");
        } catch (ExecutionException | TimeoutException e) {
            boolean timedOut = e instanceof TimeoutException
                    || e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException;
            String what = timedOut ? "did not answer within " + timeout.toSeconds() + " s"
                    : "refused: " + Problems.message(e);
            return CheckResult.fail(name, "Kafka at " + bootstrapServers + " " + what, "check " + bootstrapKey
                    + ", that the brokers run and this host reaches them, and the security settings in "
                    + propertiesKey);
        }
    }

    private Properties adminProperties() {
        Properties p = KafkaTopics.adminProperties(bootstrapServers, clientProperties);
        p.setProperty(AdminClientConfig.CLIENT_ID_CONFIG, "cdc-relay-precheck");
        p.setProperty(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(timeout.toMillis()));
        p.setProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(timeout.toMillis()));
        return p;
    }
}
