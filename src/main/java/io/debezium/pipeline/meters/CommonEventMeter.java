/*
 * Copyright Debezium Authors.
 *
 * Licensed under the Apache Software License version 2.0, available at http://www.apache.org/licenses/LICENSE-2.0
 */
package io.debezium.pipeline.meters;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.connect.data.Struct;

import io.debezium.data.Envelope.Operation;
import io.debezium.pipeline.metrics.traits.CommonEventMetricsMXBean;
import io.debezium.pipeline.source.spi.EventMetadataProvider;
import io.debezium.pipeline.spi.OffsetContext;
import io.debezium.spi.schema.DataCollectionId;
import io.debezium.util.Clock;

/**
 * Debezium 3.4.0.Final's common event meter with one change, carried by cdc-relay: the {@code LastEvent} summary
 * is written when JMX reads it, not for every event. Debezium's own class formats every event into that string
 * (a new Jackson {@code ObjectMapper} per event), which cost about a seventh of the relay's CPU and a third of its
 * allocation in {@code bench/pipeline.sh}; Debezium fixed it upstream (debezium/debezium#7886) in no release on
 * Maven Central here yet. The shaded jar leaves Debezium's copy out; {@code CarriedDebeziumClassesTest} fails when
 * the Debezium version moves, so the next upgrade decides whether this copy is still needed.
 *
 * <p>Every counter behaves as Debezium's. The summary is made from the last event's key and the connector's offset
 * as they are when it is read, so its position may be past that event's.
 */
public class CommonEventMeter implements CommonEventMetricsMXBean {

    protected final AtomicLong totalNumberOfEventsSeen = new AtomicLong();
    protected final AtomicLong totalNumberOfCreateEventsSeen = new AtomicLong();
    protected final AtomicLong totalNumberOfUpdateEventsSeen = new AtomicLong();
    protected final AtomicLong totalNumberOfDeleteEventsSeen = new AtomicLong();
    private final AtomicLong numberOfEventsFiltered = new AtomicLong();
    protected final AtomicLong numberOfErroneousEvents = new AtomicLong();
    protected final AtomicLong lastEventTimestamp = new AtomicLong(-1);
    /** What the summary is made from when it is read; null before the first event and after a reset. */
    private volatile LastEvent lastEvent;
    private final Clock clock;
    private final EventMetadataProvider metadataProvider;

    private record LastEvent(DataCollectionId source, OffsetContext offset, Object key, Struct value) {
    }

    public CommonEventMeter(Clock clock, EventMetadataProvider metadataProvider) {
        this.clock = clock;
        this.metadataProvider = metadataProvider;
    }

    public void onEvent(DataCollectionId source, OffsetContext offset, Object key, Struct value, Operation operation) {
        updateCommonEventMetrics(operation);
        lastEvent = new LastEvent(source, offset, key, value);
    }

    private void updateCommonEventMetrics(Operation operation) {
        totalNumberOfEventsSeen.incrementAndGet();
        lastEventTimestamp.set(clock.currentTimeInMillis());
        if (operation == null) {
            return;
        }
        switch (operation) {
            case CREATE -> totalNumberOfCreateEventsSeen.incrementAndGet();
            case UPDATE -> totalNumberOfUpdateEventsSeen.incrementAndGet();
            case DELETE -> totalNumberOfDeleteEventsSeen.incrementAndGet();
            default -> {
            }
        }
    }

    public void onFilteredEvent() {
        onFilteredEvent(null);
    }

    public void onFilteredEvent(Operation operation) {
        numberOfEventsFiltered.incrementAndGet();
        updateCommonEventMetrics(operation);
    }

    public void onErroneousEvent() {
        onErroneousEvent(null);
    }

    public void onErroneousEvent(Operation operation) {
        numberOfErroneousEvents.incrementAndGet();
        updateCommonEventMetrics(operation);
    }

    @Override
    public String getLastEvent() {
        LastEvent last = lastEvent;
        return last == null ? null
                : metadataProvider.toSummaryString(last.source(), last.offset(), last.key(), last.value());
    }

    @Override
    public long getMilliSecondsSinceLastEvent() {
        return lastEventTimestamp.get() == -1 ? -1 : clock.currentTimeInMillis() - lastEventTimestamp.get();
    }

    @Override
    public long getTotalNumberOfEventsSeen() {
        return totalNumberOfEventsSeen.get();
    }

    @Override
    public long getTotalNumberOfCreateEventsSeen() {
        return totalNumberOfCreateEventsSeen.get();
    }

    @Override
    public long getTotalNumberOfUpdateEventsSeen() {
        return totalNumberOfUpdateEventsSeen.get();
    }

    @Override
    public long getTotalNumberOfDeleteEventsSeen() {
        return totalNumberOfDeleteEventsSeen.get();
    }

    @Override
    public long getNumberOfEventsFiltered() {
        return numberOfEventsFiltered.get();
    }

    @Override
    public long getNumberOfErroneousEvents() {
        return numberOfErroneousEvents.get();
    }

    public void reset() {
        totalNumberOfEventsSeen.set(0);
        totalNumberOfCreateEventsSeen.set(0);
        totalNumberOfUpdateEventsSeen.set(0);
        totalNumberOfDeleteEventsSeen.set(0);
        lastEventTimestamp.set(-1);
        numberOfEventsFiltered.set(0);
        numberOfErroneousEvents.set(0);
        lastEvent = null;
    }
}
