package dev.linkops.registry.domain.approvals;

public enum ChangeRequestStatus { PENDING, APPROVED, REJECTED }
