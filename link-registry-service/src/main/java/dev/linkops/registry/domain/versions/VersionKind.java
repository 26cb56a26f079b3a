package dev.linkops.registry.domain.versions;

/** What made a version. */
public enum VersionKind { CREATED, EDITED, APPROVED_CHANGE, PUBLISHED, ACTIVATED, PAUSED, RESUMED, EXPIRED, ARCHIVED, IMPORTED }
