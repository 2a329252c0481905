package io.cdcrelay.acknowledgement;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.cdcrelay.report.RelayHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a source's sessions one after another on one thread: a session that fails is followed, after a backoff
 * of 1 s doubling to 1 min, by a new one that reads again from the saved position; a session that finishes
 * ends the loop. Stopping (also suspending) ends the running session and waits for it; starting again (also
 * resuming) begins a new session. Each step is reported in the relay's health under the source's component
 * name.
 *
 * <p>A backoff grown during a long outage would keep the relay waiting long after the source came back, so a
 * loop given a probe of the source asks it when a pause begins. A source that answers failed for another reason,
 * and the pause runs its course. One that does not is asked every 500 ms: the next session starts as soon as it
 * answers, with the backoff starting over, and no sooner than that unless a minute passed (a probe that is wrong
 * must not stop the relay for good). A long outage then costs one start, and one log line, a minute, not one at
 * every doubling of the backoff.
 *
 * <p>The first failure after sessions ran is logged as an ERROR with its cause; failures in a row after it as
 * one WARN line each, without the stack trace already shown, and the first progress after them as one INFO.
 */
public final class SessionLoop {

    /** One source connection, from its start to its failure, its end or its finish. */
    public interface Session {

        /**
         * Runs until the session ends. Returns when the source is done for good or {@link #end} was called;
         * throws when the session failed.
         */
        void run() throws Exception;

        /**
         * Asks the running session to end, from another thread.
         *
         * @param drain wait first for what was handed over to be acknowledged, so the last saved position
         *              covers it (a stop or suspend); a restart does not wait
         */
        void end(boolean drain);
    }

    private static final Logger LOG = LoggerFactory.getLogger(SessionLoop.class);
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(500);
    private static final Duration UNREACHABLE_RETRY = Duration.ofMinutes(1);

    private final String component;
    private final String source;
    private final RelayHealth health;
    private final Supplier<Session> sessions;
    private final RestartBackoff backoff;
    /** Whether the source answers; null when the loop has no probe. */
    private final BooleanSupplier reachable;
    private volatile boolean stopping;
    /** Sessions failed since changes last flowed. */
    private volatile int failuresInARow;
    private volatile long firstFailureNanos;
    /** Used by the loop's thread only, during a pause. */
    private long nextProbeNanos;
    private volatile String restartBecause;
    /** Why the running session ends to start again at once, drained, without counting as a failure. */
    private volatile String renewBecause;
    private volatile Session current;
    private Future<?> loop;

    /**
     * @param component the health component ({@code debezium}, {@code mirror})
     * @param source    what the log lines call the source ("Debezium engine", "Kafka mirror")
     */
    public SessionLoop(String component, String source, RelayHealth health, Supplier<Session> sessions) {
        this(component, source, health, sessions, null);
    }

    /** @param reachable whether the source answers (a connection can be opened), asked during a restart's pause */
    public SessionLoop(String component, String source, RelayHealth health, Supplier<Session> sessions,
            BooleanSupplier reachable) {
        this(component, source, health, sessions, new RestartBackoff(Duration.ofSeconds(1), Duration.ofMinutes(1)),
                reachable);
    }

    SessionLoop(String component, String source, RelayHealth health, Supplier<Session> sessions,
            RestartBackoff backoff, BooleanSupplier reachable) {
        this.backoff = backoff;
        this.reachable = reachable;
        this.component = component;
        this.source = source;
        this.health = health;
        this.sessions = sessions;
    }

    public synchronized void start(ExecutorService thread) {
        stopping = false;
        loop = thread.submit(this::run);
    }

    /**
     * Ends the running session, draining it, and waits for the loop to end.
     *
     * @return false when it did not end within {@code wait}
     */
    public boolean stop(Duration wait) throws InterruptedException {
        Future<?> running;
        synchronized (this) {
            stopping = true;
            running = loop;
        }
        Session session = current;
        if (session != null) {
            session.end(true);
        }
        if (running == null) {
            return true;
        }
        try {
            running.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** Ends the running session as failed, so that a new one starts after the backoff. */
    public void restart(String why) {
        Session session = current;
        if (stopping || session == null || restartBecause != null) {
            return;
        }
        restartBecause = why;
        health.failed(component, why);
        session.end(false);
    }

    /**
     * Ends the running session after what it handed over was acknowledged and starts a new one at once: a planned
     * restart (a changed table selection), not a failure. Returns false when no session runs now.
     */
    public boolean renew(String why) {
        Session session = current;
        if (stopping || session == null || restartBecause != null) {
            return false;
        }
        renewBecause = why;
        session.end(true);
        return true;
    }

    /** Changes flowed: the next failure restarts after the shortest delay again. */
    public void progressed() {
        backoff.reset();
        int failed = failuresInARow;
        if (failed > 0) {
            failuresInARow = 0;
            LOG.info("{} reads again, {} s after it first stopped ({} failed start{})", source,
                    Duration.ofNanos(System.nanoTime() - firstFailureNanos).toSeconds(), failed - 1,
                    failed == 2 ? "" : "s");
        }
    }

    public boolean stopping() {
        return stopping;
    }

    private void run() {
        while (!stopping) {
            Session session = sessions.get();
            current = session;
            restartBecause = null;
            renewBecause = null;
            health.starting(component);
            String failure;
            Throwable cause = null;
            try {
                session.run();
                if (stopping) {
                    return;
                }
                if (renewBecause != null && restartBecause == null) {
                    LOG.info("{} restarts: {}", source, renewBecause);
                    continue;
                }
                if (restartBecause == null) {
                    LOG.info("{} finished", source);
                    health.finished(component);
                    return;
                }
                failure = restartBecause;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (stopping) {
                    return;
                }
                failure = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
                cause = e;
                health.failed(component, failure);
            } finally {
                current = null;
            }
            Duration delay = backoff.nextDelay();
            boolean answers = reachable == null || reachable.getAsBoolean();
            logFailure(failure, cause, answers ? "in " + delay.toSeconds() + " s"
                    : "as soon as the source answers again (it does not now), or in a minute");
            if (!(answers ? pause(delay, () -> false) : pause(UNREACHABLE_RETRY, this::answersAgain))) {
                return;
            }
        }
    }

    private void logFailure(String failure, Throwable cause, String when) {
        if (failuresInARow++ == 0) {
            firstFailureNanos = System.nanoTime();
            LOG.error("{} stopped ({}); restarting from the last saved position {}", source, failure, when, cause);
        } else {
            LOG.warn("{} failed again ({} in a row: {}); restarting {}", source, failuresInARow, failure, when);
        }
    }

    /** Probes the source every 500 ms; true, with the backoff starting over, once it answers. */
    private boolean answersAgain() {
        if (System.nanoTime() < nextProbeNanos) {
            return false;
        }
        nextProbeNanos = System.nanoTime() + PROBE_INTERVAL.toNanos();
        if (!reachable.getAsBoolean()) {
            return false;
        }
        backoff.reset();
        LOG.info("The source answers again: restarting now");
        return true;
    }

    /** @return false when the loop is stopping */
    private boolean pause(Duration delay, BooleanSupplier over) {
        long until = System.nanoTime() + delay.toNanos();
        nextProbeNanos = System.nanoTime() + PROBE_INTERVAL.toNanos();
        try {
            while (!stopping && System.nanoTime() < until && !over.getAsBoolean()) {
                Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            }
            return !stopping;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
