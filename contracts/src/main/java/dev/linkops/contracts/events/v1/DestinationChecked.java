package dev.linkops.contracts.events.v1;

import java.time.Instant;
import java.util.UUID;

/** Result of one destination audit (link health check). */
public record DestinationChecked(UUID linkId, long version, String branch, String url, Integer httpStatus,
                                 String finalUrl, boolean paramsPreserved, StockState availabilityOnPage,
                                 boolean ok, String problem, Instant checkedAt) {
}
