package dev.linkops.registry.domain.inventory;

import java.time.Instant;
import java.util.List;

/** A campaign as the sum of its links (campaigns are named on links; there is no separate record). */
public record CampaignSummary(String campaign, long links, long live, List<String> channels, List<String> teams,
                              Instant startsAt, Instant endsAt) {
}
