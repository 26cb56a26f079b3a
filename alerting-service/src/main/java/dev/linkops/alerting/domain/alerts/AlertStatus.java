package dev.linkops.alerting.domain.alerts;

public enum AlertStatus { OPEN, ACKNOWLEDGED, RESOLVED }
