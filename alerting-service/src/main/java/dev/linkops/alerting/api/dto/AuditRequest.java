package dev.linkops.alerting.api.dto;

/** {"linkId": "..."} audits one LIVE link now; an empty body audits every LIVE link in the background. */
public record AuditRequest(String linkId) {
}
