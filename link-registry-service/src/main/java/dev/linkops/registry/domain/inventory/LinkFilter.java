package dev.linkops.registry.domain.inventory;

import dev.linkops.contracts.events.v1.LinkStatus;
import dev.linkops.registry.domain.links.Purpose;

import java.time.Duration;

/** Inventory filters; null means "any". */
public record LinkFilter(String owner, String team, String campaign, String channel, String sku, LinkStatus status,
                         Purpose purpose, Duration expiringWithin, Boolean missingUtm, Boolean failingAudit,
                         int offset, int limit) {
}
