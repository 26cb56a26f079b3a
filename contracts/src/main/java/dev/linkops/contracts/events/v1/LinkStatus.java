package dev.linkops.contracts.events.v1;

/** DESIGN §3 lifecycle. Only LIVE routes by its tree; the others go to a fallback. */
public enum LinkStatus { DRAFT, SCHEDULED, LIVE, PAUSED, EXPIRED, ARCHIVED }
