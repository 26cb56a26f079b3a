package dev.linkops.contracts.events.v1;

public enum DestinationType { PDP, CATEGORY, WAITLIST, SEARCH, HOME, ALTERNATIVE, CUSTOM }
