package io.cdcrelay.failover;

import java.util.Optional;

import io.cdcrelay.config.SourceServer;

/**
 * What one listed server was when the relay asked: whether it answered, whether it is a writable primary, and what
 * it lacks to continue from the saved position.
 *
 * @param unreachable why the relay could not ask it; empty when it answered
 * @param readOnly    {@code read_only} is on
 * @param replicating it is configured as a replica ({@code SHOW REPLICA STATUS} lists a source)
 * @param lacks       why its binlog cannot continue the saved position; empty when it can, or when nothing is saved
 */
public record ServerStanding(SourceServer server, Optional<String> unreachable, boolean readOnly, boolean replicating,
        Optional<String> lacks) {

    static ServerStanding unreachable(SourceServer server, String why) {
        return new ServerStanding(server, Optional.of(why), false, false, Optional.empty());
    }

    /** The same standing, lacking {@code what} besides anything it lacked already. */
    ServerStanding lacking(String what) {
        return new ServerStanding(server, unreachable, readOnly, replicating, Optional.of(lacks.map(l -> l + "; ")
                .orElse("") + what));
    }

    public boolean answers() {
        return unreachable.isEmpty();
    }

    /** A primary the relay may read: it answers, takes writes and replicates from no one. */
    public boolean writablePrimary() {
        return answers() && !readOnly && !replicating;
    }

    /** Whether the relay may continue on this server. */
    public boolean usable() {
        return writablePrimary() && lacks.isEmpty();
    }

    /** Why the relay does not continue here, as the end of a sentence beginning with the server's name. */
    public String why() {
        if (unreachable.isPresent()) {
            return "does not answer (" + unreachable.get() + ")";
        }
        if (replicating) {
            return "is a replica (SHOW REPLICA STATUS names its source)";
        }
        if (readOnly) {
            return "is read-only (read_only=ON)";
        }
        return lacks.map(l -> "cannot continue the saved position: " + l).orElse("can continue the saved position");
    }
}
