package io.cdcrelay.it;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.cdcrelay.demo.EmbeddedMariaDb;

/**
 * A seeded random workload on {@code items (id PK, v)} and {@code accounts (id PK, code UNIQUE, balance)},
 * hashed on {@code code}, with a model of what a consumer must see: inserts, updates, primary-key and
 * sharding-key changes (a DELETE of the old key then an INSERT of the new), deletes, deletes followed by a
 * re-insert of the same code under a new id, and transactions spanning both tables.
 */
final class OrderingWorkload {

    /** One expected message: its table, hash key, operation and the value column's value. */
    record Event(String table, String key, String op, String value) {
    }

    private final EmbeddedMariaDb db;
    private final String database;
    private final Random random;
    private final Map<Integer, Integer> items = new LinkedHashMap<>();
    private final Map<Integer, String> accountCodes = new LinkedHashMap<>();
    private final Map<Integer, Integer> balances = new LinkedHashMap<>();
    private final List<List<Event>> transactions = new ArrayList<>();
    private int nextId = 1;

    OrderingWorkload(EmbeddedMariaDb db, String database, long seed) throws SQLException {
        this.db = db;
        this.database = database;
        this.random = new Random(seed);
        try (Connection c = db.connect(""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
            s.execute("CREATE TABLE " + database + ".items (id INT PRIMARY KEY, v INT NOT NULL)");
            s.execute("CREATE TABLE " + database + ".accounts (id INT PRIMARY KEY, code VARCHAR(10) NOT NULL, "
                    + "balance INT NOT NULL, UNIQUE KEY uk_code (code))");
            s.execute("CREATE TABLE " + database + ".ready (id INT PRIMARY KEY)");
        }
    }

    void run(int count) throws SQLException {
        try (Connection c = db.connect(database)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (int t = 0; t < count; t++) {
                    List<Event> events = new ArrayList<>();
                    int operations = 1 + random.nextInt(4);
                    for (int i = 0; i < operations; i++) {
                        if (random.nextBoolean()) {
                            itemOperation(s, events);
                        } else {
                            accountOperation(s, events);
                        }
                    }
                    c.commit();
                    transactions.add(events);
                }
            }
        }
    }

    private void itemOperation(Statement s, List<Event> events) throws SQLException {
        int choice = items.isEmpty() ? 0 : random.nextInt(4);
        if (choice == 0) {
            int id = nextId++;
            int v = random.nextInt(1000);
            s.executeUpdate("INSERT INTO items VALUES (" + id + ", " + v + ")");
            items.put(id, v);
            events.add(item(id, "INSERT", v));
            return;
        }
        int id = pick(items);
        int v = items.get(id);
        if (choice == 1) {
            int nv = v + 1;
            s.executeUpdate("UPDATE items SET v = " + nv + " WHERE id = " + id);
            items.put(id, nv);
            events.add(item(id, "UPDATE", nv));
        } else if (choice == 2) {
            int newId = nextId++;
            s.executeUpdate("UPDATE items SET id = " + newId + " WHERE id = " + id);
            items.remove(id);
            items.put(newId, v);
            events.add(item(id, "DELETE", v));
            events.add(item(newId, "INSERT", v));
        } else {
            s.executeUpdate("DELETE FROM items WHERE id = " + id);
            items.remove(id);
            events.add(item(id, "DELETE", v));
        }
    }

    private void accountOperation(Statement s, List<Event> events) throws SQLException {
        int choice = accountCodes.isEmpty() ? 0 : random.nextInt(5);
        if (choice == 0) {
            insertAccount(s, events, "c" + nextId);
            return;
        }
        int id = pick(accountCodes);
        String code = accountCodes.get(id);
        int balance = balances.get(id);
        switch (choice) {
            case 1 -> {
                int nb = balance + 10;
                s.executeUpdate("UPDATE accounts SET balance = " + nb + " WHERE id = " + id);
                balances.put(id, nb);
                events.add(account(code, "UPDATE", nb));
            }
            case 2 -> {
                String newCode = "c" + nextId++;
                s.executeUpdate("UPDATE accounts SET code = '" + newCode + "' WHERE id = " + id);
                accountCodes.put(id, newCode);
                events.add(account(code, "DELETE", balance));
                events.add(account(newCode, "INSERT", balance));
            }
            case 3 -> {
                s.executeUpdate("DELETE FROM accounts WHERE id = " + id);
                accountCodes.remove(id);
                balances.remove(id);
                events.add(account(code, "DELETE", balance));
            }
            default -> {
                // the case OMS warns about: the same unique value comes back under another primary key
                s.executeUpdate("DELETE FROM accounts WHERE id = " + id);
                accountCodes.remove(id);
                balances.remove(id);
                events.add(account(code, "DELETE", balance));
                insertAccount(s, events, code);
            }
        }
    }

    private void insertAccount(Statement s, List<Event> events, String code) throws SQLException {
        int id = nextId++;
        int balance = random.nextInt(1000);
        s.executeUpdate("INSERT INTO accounts VALUES (" + id + ", '" + code + "', " + balance + ")");
        accountCodes.put(id, code);
        balances.put(id, balance);
        events.add(account(code, "INSERT", balance));
    }

    private int pick(Map<Integer, ?> rows) {
        List<Integer> ids = List.copyOf(rows.keySet());
        return ids.get(random.nextInt(ids.size()));
    }

    private static Event item(int id, String op, int v) {
        return new Event("items", "{\"id\":\"" + id + "\"}", op, Integer.toString(v));
    }

    private static Event account(String code, String op, int balance) {
        return new Event("accounts", "{\"code\":\"" + code + "\"}", op, Integer.toString(balance));
    }

    /** The committed transactions, each its events in commit order. */
    List<List<Event>> transactions() {
        return transactions;
    }

    /** Per table and key, the events a consumer of that key must see, in commit order. */
    Map<String, List<Event>> byKey() {
        Map<String, List<Event>> out = new LinkedHashMap<>();
        transactions.forEach(tx -> tx.forEach(e -> out.computeIfAbsent(e.table() + e.key(), k -> new ArrayList<>()).add(e)));
        return out;
    }

    int events() {
        return transactions.stream().mapToInt(List::size).sum();
    }
}
