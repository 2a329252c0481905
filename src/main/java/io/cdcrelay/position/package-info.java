/**
 * Where the relay's saved position lives and what it is worth: the stores the engine keeps its offsets in (the
 * offsets file replaced whole, {@link io.cdcrelay.position.AtomicOffsetFileStore}; the positions topic under
 * exactly-once, {@link io.cdcrelay.position.PositionTopicOffsetStore}), reading and seeding them
 * ({@link io.cdcrelay.position.OffsetStorage}, {@link io.cdcrelay.position.OffsetSeeder},
 * {@link io.cdcrelay.position.PositionsReader}), choosing and locating a start position in the binlog
 * ({@link io.cdcrelay.position.BinlogStartChooser}, {@link io.cdcrelay.position.BinlogStartLocator}), whether the
 * source still keeps it ({@link io.cdcrelay.position.RetentionGuard}, {@link io.cdcrelay.position.RetentionMonitor}),
 * and the position each change carries to the sink ({@link io.cdcrelay.position.ResumePoint}, its text
 * {@link io.cdcrelay.position.PositionCodec}, its order {@link io.cdcrelay.position.BinlogOrder}).
 */
package io.cdcrelay.position;
