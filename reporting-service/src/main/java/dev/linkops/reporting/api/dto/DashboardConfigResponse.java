package dev.linkops.reporting.api.dto;

/** What the dashboard page needs to sign in: the realm URL and the public PKCE client. */
public record DashboardConfigResponse(String authServerUrl, String clientId) {
}
