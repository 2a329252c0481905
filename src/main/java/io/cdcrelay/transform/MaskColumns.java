package io.cdcrelay.transform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Types;
import java.util.HexFormat;
import java.util.Set;

import io.cdcrelay.change.ColumnType;
import org.apache.kafka.connect.data.Schema;

/**
 * {@code columns:mask}: the named columns' values become a fixed text, or the hex SHA-256 of a secret salt and the
 * value, which is the same for the same value, so joins and keys still work, and cannot be looked up in a list of
 * likely values without the salt. A masked column is a text column in every format's type fields; SQL NULL stays
 * NULL.
 */
final class MaskColumns implements ColumnRewrite {

    /** The source type of a masked column: text, whatever it was. */
    static final ColumnType MASKED = new ColumnType("VARCHAR", Types.VARCHAR, 64, -1);

    private final Set<String> masked;
    /** Null for a fixed text. */
    private final MessageDigest salted;
    private final String text;

    private MaskColumns(Set<String> masked, MessageDigest salted, String text) {
        this.masked = Set.copyOf(masked);
        this.salted = salted;
        this.text = text;
    }

    static MaskColumns withText(Set<String> columns, String text) {
        return new MaskColumns(columns, null, text);
    }

    static MaskColumns withSha256(Set<String> columns, String salt) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt.getBytes(StandardCharsets.UTF_8));
            return new MaskColumns(columns, digest, null);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String name(String column) {
        return column;
    }

    @Override
    public Object value(String column, Object value) {
        if (!masked.contains(column)) {
            return value;
        }
        return salted == null ? text : sha256(value);
    }

    @Override
    public ColumnType type(String column, ColumnType type) {
        return masked.contains(column) ? MASKED : type;
    }

    @Override
    public Schema schema(String column, Schema schema) {
        return masked.contains(column) ? Schema.OPTIONAL_STRING_SCHEMA : schema;
    }

    private String sha256(Object value) {
        byte[] bytes = value instanceof byte[] raw ? raw : value.toString().getBytes(StandardCharsets.UTF_8);
        try {
            // a copy of the digest that has read the salt: each thread hashes on its own copy
            MessageDigest digest = (MessageDigest) salted.clone();
            return HexFormat.of().formatHex(digest.digest(bytes));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
    }
}
