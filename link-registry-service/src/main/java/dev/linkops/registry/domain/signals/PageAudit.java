package dev.linkops.registry.domain.signals;

import java.time.Instant;

/** The latest destination audit of one branch of a link. */
public record PageAudit(String branch, long version, String url, Integer httpStatus, boolean ok, String problem,
                        Instant checkedAt) {
}
