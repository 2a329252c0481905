package io.cdcrelay.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The state of the relay's long-running parts (the Debezium engine, the mirror consumer) as they report it,
 * and the recent errors. Readiness is UP only while every part runs: Camel leaves a route "Started" when
 * the Debezium engine inside it has failed, so the parts say so themselves. Each failure also counts as a
 * restart in {@code relay.restarts}.
 *
 * <p>The servers the relay depends on (the {@code source}, the {@code destination}) are parts too, AVAILABLE or
 * UNAVAILABLE as the relay's checks see them: an outage makes readiness DOWN, counts in {@code relay.outages} and
 * its length so far is {@code relay.outage.seconds}, both by component.
 */
public final class RelayHealth {

    /** What a part is doing. */
    public enum State { STARTING, RUNNING, FAILED, SUSPENDED, FINISHED, AVAILABLE, UNAVAILABLE }

    /** One recorded error. */
    public record Problem(Instant time, String component, String message) {
    }

    private static final int KEPT_PROBLEMS = 20;

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, State> states = new LinkedHashMap<>();
    private final Map<String, String> reasons = new LinkedHashMap<>();
    private final Deque<Problem> problems = new ArrayDeque<>();
    private final Map<String, Instant> outages = new HashMap<>();
    private final Set<String> outageGauges = new HashSet<>();

    public RelayHealth(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    public synchronized void starting(String component) {
        set(component, State.STARTING, "starting");
    }

    public synchronized void running(String component) {
        set(component, State.RUNNING, null);
    }

    /** Paused by an operator (route suspended); resumes from the last acknowledged position. */
    public synchronized void suspended(String component) {
        set(component, State.SUSPENDED, null);
    }

    public synchronized void finished(String component) {
        set(component, State.FINISHED, null);
    }

    /** The part failed and will restart; {@code message} must carry no secret. */
    public synchronized void failed(String component, String message) {
        set(component, State.FAILED, message);
        recordProblem(component, message);
        Counter.builder("relay.restarts").tag("component", component)
                .description("restarts after a failure").register(registry).increment();
    }

    /**
     * A server the relay depends on does not answer, since {@code since}; {@code reason} must carry no secret.
     *
     * @return whether this begins an outage (the first call after it was available)
     */
    public synchronized boolean unavailable(String component, Instant since, String reason) {
        registerOutageGauge(component);
        if (outages.putIfAbsent(component, since) != null) {
            return false;
        }
        set(component, State.UNAVAILABLE, reason);
        recordProblem(component, reason);
        Counter.builder("relay.outages").tag("component", component)
                .description("times a server the relay depends on stopped answering").register(registry).increment();
        return true;
    }

    /** @return the length of the outage this ends, empty when the server was not unavailable */
    public synchronized Optional<Duration> available(String component) {
        registerOutageGauge(component);
        set(component, State.AVAILABLE, null);
        Instant since = outages.remove(component);
        return since == null ? Optional.empty() : Optional.of(Duration.between(since, clock.instant()));
    }

    private void registerOutageGauge(String component) {
        if (!outageGauges.add(component)) {
            return;
        }
        Gauge.builder("relay.outage.seconds", this, health -> health.outageSeconds(component))
                .tag("component", component)
                .description("how long the current outage has lasted; 0 while the server answers").register(registry);
    }

    private synchronized double outageSeconds(String component) {
        Instant since = outages.get(component);
        return since == null ? 0 : Duration.between(since, clock.instant()).toMillis() / 1000.0;
    }

    /** An error that did not stop the part, kept for {@code /status}. */
    public synchronized void recordProblem(String component, String message) {
        problems.addFirst(new Problem(clock.instant(), component, message));
        while (problems.size() > KEPT_PROBLEMS) {
            problems.removeLast();
        }
    }

    private void set(String component, State state, String reason) {
        states.put(component, state);
        if (reason == null) {
            reasons.remove(component);
        } else {
            reasons.put(component, reason);
        }
    }

    /** Why the relay is not ready, one entry per part that is not running; empty when ready. */
    public synchronized Map<String, String> notReadyBecause() {
        Map<String, String> why = new LinkedHashMap<>();
        states.forEach((component, state) -> {
            if (state == State.STARTING || state == State.FAILED || state == State.UNAVAILABLE) {
                why.put(component, state.name().toLowerCase(java.util.Locale.ROOT) + ": " + reasons.get(component));
            }
        });
        return why;
    }

    public synchronized Map<String, State> states() {
        return new LinkedHashMap<>(states);
    }

    /** The most recent errors first. */
    public synchronized List<Problem> problems() {
        return new ArrayList<>(problems);
    }
}
