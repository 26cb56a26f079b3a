package dev.linkops.reporting.domain.clicks;

import java.time.LocalDate;
import java.util.UUID;

/** The cell of click_rollup a click and its post-click events count in. */
public record RollupKey(LocalDate day, UUID linkId, long linkVersion, String branch, String stockState,
                        String market, String device, boolean bot) {
}
