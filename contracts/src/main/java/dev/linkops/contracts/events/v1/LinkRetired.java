package dev.linkops.contracts.events.v1;

import java.util.UUID;

/** The link was archived: its code stops routing and goes to the global fallback. */
public record LinkRetired(UUID linkId, String code, long version, String reason) {
}
