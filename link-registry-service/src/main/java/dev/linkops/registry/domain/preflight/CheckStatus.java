package dev.linkops.registry.domain.preflight;

/** FAIL blocks publishing; WARN and UNKNOWN are shown but do not. */
public enum CheckStatus { PASS, WARN, UNKNOWN, FAIL }
