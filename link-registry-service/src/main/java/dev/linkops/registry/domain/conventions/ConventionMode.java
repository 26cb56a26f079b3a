package dev.linkops.registry.domain.conventions;

/** ENFORCE refuses a link that breaks the convention; WARN accepts it and says what is off. */
public enum ConventionMode { ENFORCE, WARN }
