package dev.linkops.alerting.api.dto;

import java.util.List;

/**
 * {"kind": "PERSON"|"TEAM", "subscriber": "alice"|"marketing", "channel": "EMAIL"|"WEBHOOK",
 * "url": "https://hooks.slack.com/...", "secret": "...", "alertTypes": ["SKU_OUT_OF_STOCK"], "minSeverity": "HIGH"}
 */
public record SubscriptionRequest(String kind, String subscriber, String channel, String url, String secret,
                                  List<String> alertTypes, String minSeverity) {
}
