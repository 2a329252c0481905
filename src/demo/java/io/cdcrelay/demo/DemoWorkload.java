package io.cdcrelay.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo schema {@code shop} and a workload that keeps changing it: {@code orders} is keyed by a primary
 * key, {@code customers} only by a unique key. Each tick commits one transaction of a few inserts, updates
 * and, now and then, a delete.
 */
public final class DemoWorkload implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoWorkload.class);
    private static final String[] STATUS = {"new", "paid", "shipped", "cancelled"};
    private static final String[] CITIES = {"Berlin", "Lyon", "Porto", "Kraków", "Zürich", "東京"};

    private final EmbeddedMariaDb db;
    private final int transactionsPerSecond;
    private final Random random = new Random(42);
    private ScheduledExecutorService timer;
    private Connection connection;
    private boolean failing;

    public DemoWorkload(EmbeddedMariaDb db, int transactionsPerSecond) {
        this.db = db;
        this.transactionsPerSecond = transactionsPerSecond;
    }

    /** Creates {@code shop} with a few hundred rows for the snapshot to read. */
    public void createSchema() throws SQLException {
        try (Connection c = db.connect(""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS shop");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS shop.customers (
                      email VARCHAR(120) NOT NULL,
                      name VARCHAR(80),
                      city VARCHAR(60),
                      UNIQUE KEY uk_email (email))""");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS shop.orders (
                      id BIGINT AUTO_INCREMENT PRIMARY KEY,
                      customer_email VARCHAR(120) NOT NULL,
                      amount DECIMAL(10,2) NOT NULL,
                      status ENUM('new','paid','shipped','cancelled') NOT NULL,
                      created_at DATETIME(3) NOT NULL,
                      updated_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
                      note TEXT)""");
            for (int i = 1; i <= 50; i++) {
                s.execute("INSERT IGNORE INTO shop.customers VALUES ('customer" + i + "@example.com', 'Customer "
                        + i + "', '" + CITIES[i % CITIES.length] + "')");
            }
            for (int i = 1; i <= 200; i++) {
                s.execute("INSERT INTO shop.orders (customer_email, amount, status, created_at) VALUES ('customer"
                        + (1 + i % 50) + "@example.com', " + (i * 3) + ".50, 'new', NOW(3))");
            }
        }
    }

    public void start() throws SQLException {
        connection = db.connect("shop");
        connection.setAutoCommit(false);
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-workload");
            t.setDaemon(true);
            return t;
        });
        long periodMicros = 1_000_000L / Math.max(1, transactionsPerSecond);
        timer.scheduleAtFixedRate(this::tick, 0, periodMicros, TimeUnit.MICROSECONDS);
    }

    private void tick() {
        try {
            long order = 1 + random.nextInt(200);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO orders (customer_email, amount, status, created_at, note) VALUES (?, ?, 'new', NOW(3), ?)")) {
                insert.setString(1, "customer" + (1 + random.nextInt(50)) + "@example.com");
                insert.setBigDecimal(2, BigDecimal.valueOf(random.nextInt(100_000), 2));
                insert.setString(3, random.nextInt(5) == 0 ? "gift wrap 🎁" : null);
                insert.executeUpdate();
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE orders SET status = ? WHERE id = ?")) {
                update.setString(1, STATUS[random.nextInt(STATUS.length)]);
                update.setLong(2, order);
                update.executeUpdate();
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE customers SET city = ? WHERE email = ?")) {
                update.setString(1, CITIES[random.nextInt(CITIES.length)]);
                update.setString(2, "customer" + (1 + random.nextInt(50)) + "@example.com");
                update.executeUpdate();
            }
            if (random.nextInt(10) == 0) {
                try (Statement delete = connection.createStatement()) {
                    delete.executeUpdate("DELETE FROM orders WHERE id > 200 ORDER BY id LIMIT 1");
                }
            }
            connection.commit();
            failing = false;
        } catch (SQLException e) {
            // once per outage: while the server stops, every tick fails the same way
            if (!failing) {
                LOG.warn("demo workload transaction failed: {}", e.getMessage());
            }
            failing = true;
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the next tick tries again on the same connection
            }
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the server is stopping as well
            }
        }
    }
}
