package dev.linkops.alerting.api.dto;

/** ISO-8601 durations, e.g. {"respondWithin": "PT4H", "repeatEvery": "PT1H"}. */
public record AlertPolicyRequest(String respondWithin, String repeatEvery) {
}
