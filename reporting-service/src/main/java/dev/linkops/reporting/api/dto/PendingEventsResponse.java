package dev.linkops.reporting.api.dto;

import dev.linkops.reporting.domain.events.PendingEvents;

import java.util.List;

public record PendingEventsResponse(long count, List<PendingEvents.Pending> oldest) {
}
