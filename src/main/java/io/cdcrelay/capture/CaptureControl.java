package io.cdcrelay.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.cdcrelay.acknowledgement.SessionLoop;

/**
 * What an operator's action may ask of the running capture: restart the engine so it reads a widened table
 * selection ({@link AddedTables}), then run an action once the new engine started. The consumer attaches its
 * session loop when it starts and detaches it when it stops; without one (a standby, a suspended route) nothing can
 * be asked.
 */
public final class CaptureControl {

    private final AddedTables added;
    private final Runnable beforeEngine;
    private SessionLoop loop;
    private final List<Runnable> afterStart = new ArrayList<>();

    /**
     * @param beforeEngine run before each engine reads its start position; a failure fails that engine's session,
     *                     which is retried with backoff
     */
    public CaptureControl(AddedTables added, Runnable beforeEngine) {
        this.added = added;
        this.beforeEngine = beforeEngine;
    }

    public AddedTables added() {
        return added;
    }

    synchronized void attach(SessionLoop running) {
        loop = running;
    }

    synchronized void detach(SessionLoop stopped) {
        if (loop == stopped) {
            loop = null;
        }
    }

    /** Whether an engine reads the binlog now (this relay leads and its CDC route runs). */
    public synchronized boolean capturing() {
        return loop != null && !loop.stopping();
    }

    /**
     * Restarts the engine (after what it handed over was acknowledged, so nothing is sent twice) and runs
     * {@code then} once the next engine's task started: a signal written before would be read by the old engine,
     * which does not capture the added table, and lost.
     *
     * @return why it cannot, when no engine runs
     */
    public Optional<String> restartThen(String why, Runnable then) {
        SessionLoop running;
        synchronized (this) {
            running = loop;
            if (running == null || running.stopping()) {
                return Optional.of("the capture is not running (a standby relay, or the CDC route is stopped)");
            }
            afterStart.add(then);
        }
        if (!running.renew(why)) {
            synchronized (this) {
                afterStart.remove(then);
            }
            return Optional.of("the Debezium engine is restarting; ask again in a few seconds");
        }
        return Optional.empty();
    }

    /** Called by each engine session before it creates its engine. */
    void engineStarting() {
        beforeEngine.run();
    }

    /** Called by each engine when its task started. */
    void engineStarted() {
        List<Runnable> due;
        synchronized (this) {
            due = List.copyOf(afterStart);
            afterStart.clear();
        }
        due.forEach(Runnable::run);
    }
}
