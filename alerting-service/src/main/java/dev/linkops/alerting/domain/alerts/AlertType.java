package dev.linkops.alerting.domain.alerts;

/** What went wrong; each type has its own subject shape and owner. */
public enum AlertType {
    SKU_LOW, SKU_OUT_OF_STOCK, FALLBACK_SHARE, AUDIT_FAILED, PAGE_MISMATCH, FEED_STALE, INACTIVE_LINK_CLICKED,
    PREFLIGHT_FAILED
}
