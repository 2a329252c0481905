package io.cdcrelay.change;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test changes of docs/formats.md's example table {@code shop.orders (id BIGINT PRIMARY KEY, amount DECIMAL(10,2))},
 * committed at 1795252356 in transaction {@code 0-1-49} at {@code mariadb-bin.000002:5412}.
 */
public final class Changes {

    public static final Instant COMMIT = Instant.ofEpochSecond(1795252356);
    public static final long COMMIT_SEQUENCE = 179525235600003L;

    private Changes() {
    }

    public static Map<String, ColumnType> orderTypes() {
        Map<String, ColumnType> types = new LinkedHashMap<>();
        types.put("id", new ColumnType("BIGINT", Types.BIGINT, 20, -1));
        types.put("amount", new ColumnType("DECIMAL", Types.DECIMAL, 10, 2));
        return types;
    }

    public static Map<String, Object> order(long id, String amount) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("amount", new BigDecimal(amount));
        return row;
    }

    public static ChangeEvent insert() {
        return orders(Operation.INSERT, Map.of(), order(7, "10.50"), new TransactionInfo("0-1-49", 1, 3, false), false);
    }

    public static ChangeEvent update() {
        return orders(Operation.UPDATE, order(7, "10.50"), order(7, "12.00"), new TransactionInfo("0-1-49", 2, 3, false), false);
    }

    public static ChangeEvent delete() {
        return orders(Operation.DELETE, order(7, "12.00"), Map.of(), new TransactionInfo("0-1-49", 3, 3, true), false);
    }

    public static ChangeEvent snapshotRow() {
        return orders(Operation.INSERT, Map.of(), order(7, "10.50"), TransactionInfo.of("mariadb-bin.000002:5412"), true);
    }

    public static ChangeEvent ddl(String statement) {
        return new ChangeEvent("shop", "orders", Operation.DDL, Map.of(), Map.of(), Map.of(), List.of("id"),
                position(), TransactionInfo.of("0-1-50"), COMMIT, COMMIT_SEQUENCE, false, statement, null);
    }

    public static ChangeEvent heartbeat() {
        return ChangeEvent.heartbeat("shop", "orders", COMMIT);
    }

    public static ChangeEvent orders(Operation op, Map<String, Object> before, Map<String, Object> after,
            TransactionInfo tx, boolean snapshot) {
        return of("orders", orderTypes(), List.of("id"), op, before, after, tx, snapshot);
    }

    public static ChangeEvent of(String table, Map<String, ColumnType> types, List<String> key, Operation op,
            Map<String, Object> before, Map<String, Object> after, TransactionInfo tx, boolean snapshot) {
        return new ChangeEvent("shop", table, op, before, after, types, key, position(), tx, COMMIT, COMMIT_SEQUENCE,
                snapshot, "", null);
    }

    public static SourcePosition position() {
        return new SourcePosition("mariadb-bin.000002", 5412, 0, "0-1-49");
    }
}
