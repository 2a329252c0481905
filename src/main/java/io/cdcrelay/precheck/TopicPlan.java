package io.cdcrelay.precheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import io.cdcrelay.topic.TopicNameRule;

/**
 * The destination topics of the captured tables, by the relay's own topic rule, and how the per-topic
 * findings of a broker become the one {@code topics} line.
 *
 * @param topics     each topic with the first table that goes to it
 * @param unmappable tables whose name the rule turns into an invalid topic name
 */
record TopicPlan(Map<String, String> topics, List<Outcome> unmappable) {

    static final String NAME = "topics";

    /** What was found about one topic; {@code text} names the topic. */
    record Outcome(boolean ok, String text, String fix) {

        static Outcome ok(String text) {
            return new Outcome(true, text, "");
        }

        static Outcome failed(String text, String fix) {
            return new Outcome(false, text, fix);
        }
    }

    static TopicPlan of(List<String> tables, TopicNameRule rule) {
        Map<String, String> topics = new LinkedHashMap<>();
        List<Outcome> unmappable = new ArrayList<>();
        for (String table : tables) {
            int dot = table.indexOf('.');
            try {
                topics.putIfAbsent(rule.topicOf(table.substring(0, dot), table.substring(dot + 1)), table);
            } catch (IllegalStateException e) {
                unmappable.add(Outcome.failed(e.getMessage(), "map such tables with relay.topic.map.<db>.<table>"));
            }
        }
        return new TopicPlan(topics, unmappable);
    }

    /** Topics that are missing while the relay may not create them: one outcome naming them all, or none. */
    static List<Outcome> missingWithoutSchema(List<String> topics) {
        if (topics.isEmpty()) {
            return List.of();
        }
        boolean one = topics.size() == 1;
        return List.of(Outcome.failed(Listing.some(topics) + (one ? " does" : " do") + " not exist and "
                + "relay.sync-types has no schema", "create " + (one ? "it" : "them") + ", or add schema to "
                + "relay.sync-types"));
    }

    /** One line for every topic: PASS when all are usable, else FAIL naming the failing ones. */
    static CheckResult result(List<Outcome> outcomes) {
        return result(NAME, outcomes);
    }

    /** As {@link #result(List)}, for the line {@code name}. */
    static CheckResult result(String name, List<Outcome> outcomes) {
        List<String> failed = outcomes.stream().filter(o -> !o.ok()).map(Outcome::text).toList();
        if (failed.isEmpty()) {
            return CheckResult.pass(name, outcomes.isEmpty() ? "no captured table yet, so no topic to check"
                    : Listing.some(outcomes.stream().map(Outcome::text).toList()));
        }
        LinkedHashSet<String> fixes = new LinkedHashSet<>();
        outcomes.stream().filter(o -> !o.ok()).forEach(o -> fixes.add(o.fix()));
        return CheckResult.fail(name, Listing.some(failed), String.join("; ", fixes));
    }
}
