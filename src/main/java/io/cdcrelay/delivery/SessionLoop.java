package io.cdcrelay.delivery;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.cdcrelay.ops.RelayHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a source's sessions one after another on one thread: a session that fails is followed, after a backoff
 * of 1 s doubling to 1 min, by a new one that reads again from the saved position; a session that finishes
 * ends the loop. Stopping (also suspending) ends the running session and waits for it; starting again (also
 * resuming) begins a new session. Each step is reported in the relay's health under the source's component
 * name, and each restart is logged once as an ERROR.
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

    private final String component;
    private final String source;
    private final RelayHealth health;
    private final Supplier<Session> sessions;
    private final RestartBackoff backoff;
    private volatile boolean stopping;
    private volatile String restartBecause;
    private volatile Session current;
    private Future<?> loop;

    /**
     * @param component the health component ({@code debezium}, {@code mirror})
     * @param source    what the log lines call the source ("Debezium engine", "Kafka mirror")
     */
    public SessionLoop(String component, String source, RelayHealth health, Supplier<Session> sessions) {
        this(component, source, health, sessions, new RestartBackoff(Duration.ofSeconds(1), Duration.ofMinutes(1)));
    }

    SessionLoop(String component, String source, RelayHealth health, Supplier<Session> sessions,
            RestartBackoff backoff) {
        this.backoff = backoff;
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

    /** Changes flowed: the next failure restarts after the shortest delay again. */
    public void progressed() {
        backoff.reset();
    }

    public boolean stopping() {
        return stopping;
    }

    private void run() {
        while (!stopping) {
            Session session = sessions.get();
            current = session;
            restartBecause = null;
            health.starting(component);
            String failure;
            Throwable cause = null;
            try {
                session.run();
                if (stopping) {
                    return;
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
            LOG.error("{} stopped ({}); restarting in {} s from the last saved position", source, failure,
                    delay.toSeconds(), cause);
            if (!pause(delay)) {
                return;
            }
        }
    }

    private boolean pause(Duration delay) {
        long until = System.nanoTime() + delay.toNanos();
        try {
            while (!stopping && System.nanoTime() < until) {
                Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            }
            return !stopping;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
