package io.cdcrelay.transform;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cdcrelay.config.SettingsException;
import io.cdcrelay.sink.Outgoing;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.DefaultProducer;

/**
 * The {@code columns:} steps of a route: {@code columns:drop}, {@code columns:mask} and {@code columns:rename},
 * each with the tables it applies to and its columns as parameters. They rewrite row changes only (a DDL statement
 * is passed as it was written), and must run before {@code partitionByKey} makes the message key. A step whose
 * parameters are wrong stops the start with one sentence naming it.
 */
public final class ColumnsComponent extends DefaultComponent {

    private static final String USAGE = "use columns:drop, columns:mask or columns:rename with the parameters tables "
            + "and columns (mask: with=text and text, or with=sha256 and salt; rename: columns=old:new,...)";

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        Map<String, String> given = new LinkedHashMap<>();
        parameters.forEach((key, value) -> given.put(key, value == null ? "" : value.toString()));
        parameters.clear();
        TableSet tables = TableSet.parse(required(uri, given, "tables"));
        String columns = required(uri, given, "columns");
        ColumnRewrite rewrite = switch (remaining) {
            case "drop" -> new DropColumns(names(columns));
            case "rename" -> new RenameColumns(renames(uri, columns));
            case "mask" -> mask(uri, given, names(columns));
            default -> throw new SettingsException("the route step " + uri + " is no column step: " + USAGE + ".");
        };
        given.keySet().removeAll(List.of("tables", "columns", "with", "text", "salt"));
        if (!given.isEmpty()) {
            throw new SettingsException("the route step " + uri + " has parameters it does not know, " + given.keySet()
                    + ": " + USAGE + ".");
        }
        return new ColumnsEndpoint(uri, this, tables, new RewrittenChange(rewrite));
    }

    private static MaskColumns mask(String uri, Map<String, String> given, Set<String> columns) {
        String with = given.getOrDefault("with", "text");
        if (with.equals("text")) {
            return MaskColumns.withText(columns, given.getOrDefault("text", "***"));
        }
        if (!with.equals("sha256")) {
            throw new SettingsException("the route step " + uri + " masks with " + with + ": use with=text or "
                    + "with=sha256.");
        }
        String salt = given.getOrDefault("salt", "");
        if (salt.isBlank()) {
            throw new SettingsException("the route step " + uri + " hashes with sha256 but has no salt: give it a "
                    + "secret salt=..., without which a hash of a likely value (an e-mail address) can be looked up.");
        }
        return MaskColumns.withSha256(columns, salt);
    }

    private static String required(String uri, Map<String, String> given, String name) {
        String value = given.getOrDefault(name, "");
        if (value.isBlank()) {
            throw new SettingsException("the route step " + uri + " has no " + name + ": " + USAGE + ".");
        }
        return value;
    }

    private static Set<String> names(String columns) {
        return new LinkedHashSet<>(Arrays.asList(columns.trim().split("\\s*,\\s*")));
    }

    private static Map<String, String> renames(String uri, String columns) {
        Map<String, String> renamed = new LinkedHashMap<>();
        for (String pair : names(columns)) {
            String[] names = pair.split("\\s*:\\s*");
            if (names.length != 2 || names[0].isEmpty() || names[1].isEmpty()) {
                throw new SettingsException("the route step " + uri + " renames " + pair + ": give each column as "
                        + "old:new.");
            }
            renamed.put(names[0], names[1]);
        }
        return renamed;
    }

    private static final class ColumnsEndpoint extends DefaultEndpoint {

        private final TableSet tables;
        private final RewrittenChange rewritten;

        ColumnsEndpoint(String uri, ColumnsComponent component, TableSet tables, RewrittenChange rewritten) {
            super(uri, component);
            this.tables = tables;
            this.rewritten = rewritten;
        }

        @Override
        public Producer createProducer() {
            return new DefaultProducer(this) {
                @Override
                public void process(Exchange exchange) {
                    Object body = exchange.getMessage().getBody();
                    if (body instanceof Outgoing outgoing) {
                        exchange.getMessage().setBody(rewrite(outgoing));
                    } else if (body instanceof List<?> parts) {
                        // a key split, when the step comes after splitKeyChanges
                        exchange.getMessage().setBody(parts.stream()
                                .map(part -> part instanceof Outgoing o ? rewrite(o) : part).toList());
                    }
                }
            };
        }

        private Outgoing rewrite(Outgoing outgoing) {
            return outgoing.change().isRowChange() && tables.contains(outgoing.change())
                    ? outgoing.withChange(rewritten.apply(outgoing.change())) : outgoing;
        }

        @Override
        public Consumer createConsumer(Processor processor) {
            throw new UnsupportedOperationException(getEndpointUri() + " only rewrites: use it as a step (to:)");
        }
    }
}
