package io.cdcrelay.partition;

import java.util.List;

/** The configured sharding columns of a table ({@code relay.sharding-columns.<db>.<table>}), empty when none. */
@FunctionalInterface
public interface ShardingColumns {

    List<String> of(String database, String table);
}
