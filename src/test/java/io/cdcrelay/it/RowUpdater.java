package io.cdcrelay.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.cdcrelay.it.RealServers.Servers;

/**
 * Bumps {@code v} of random rows of a table {@code (id INT PRIMARY KEY, v INT)} with ids 1..rows, one autocommitted
 * UPDATE after another on a thread of its own, until closed: changes to rows a snapshot is reading.
 */
final class RowUpdater implements AutoCloseable {

    private final Thread thread;
    private final AtomicInteger updates = new AtomicInteger();
    private volatile boolean running = true;
    private volatile SQLException failure;

    private RowUpdater(Servers servers, String table, int rows) {
        this.thread = new Thread(() -> update(servers, table, rows), "row-updater");
    }

    static RowUpdater start(Servers servers, String table, int rows) {
        RowUpdater updater = new RowUpdater(servers, table, rows);
        updater.thread.start();
        return updater;
    }

    private void update(Servers servers, String table, int rows) {
        try (Connection c = servers.mariaDb().connect("");
                PreparedStatement s = c.prepareStatement("UPDATE " + table + " SET v = v + 1 WHERE id = ?")) {
            while (running) {
                s.setInt(1, ThreadLocalRandom.current().nextInt(1, rows + 1));
                s.executeUpdate();
                updates.incrementAndGet();
            }
        } catch (SQLException e) {
            failure = e;
        }
    }

    int updates() {
        return updates.get();
    }

    /** Stops after the update in hand; fails when an update failed. */
    @Override
    public void close() throws Exception {
        running = false;
        thread.join(30_000);
        if (failure != null) {
            throw failure;
        }
    }
}
