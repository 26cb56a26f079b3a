package dev.linkops.reporting.domain.clicks;

import java.time.Instant;
import java.util.UUID;

/** The cell of click_hourly a click counts in (the timeline's grouping). */
public record HourKey(Instant hour, UUID linkId, String stockState, String market, String device, boolean bot) {
}
