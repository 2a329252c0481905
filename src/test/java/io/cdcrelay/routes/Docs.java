package io.cdcrelay.routes;

import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.change.Changes;
import io.cdcrelay.change.ColumnType;
import io.cdcrelay.change.Operation;
import io.cdcrelay.change.TransactionInfo;

/**
 * Inserts into {@code shop.docs (id BIGINT PRIMARY KEY, body LONGTEXT)}, whose message grows with its body: what a
 * broker refuses as too large.
 */
final class Docs {

    static final String TOPIC = "Topic_shop_docs";

    private Docs() {
    }

    static ChangeEvent insert(long id, int bodyChars) {
        Map<String, ColumnType> types = new LinkedHashMap<>();
        types.put("id", new ColumnType("BIGINT", Types.BIGINT, 20, -1));
        types.put("body", new ColumnType("LONGTEXT", Types.LONGVARCHAR, -1, -1));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("body", "x".repeat(bodyChars));
        return Changes.of("docs", types, List.of("id"), Operation.INSERT, Map.of(), row,
                new TransactionInfo("0-1-60", 1, 1, true), false);
    }
}
