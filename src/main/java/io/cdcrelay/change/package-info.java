/**
 * The change record every format and partitioner reads ({@code ChangeEvent}, {@code Operation},
 * {@code ColumnType}, {@code SourcePosition}), and its making from Debezium's records and the source's keys.
 */
package io.cdcrelay.change;
