package dev.linkops.alerting.api.dto;

public record ResolveAlertRequest(String reason) {
}
