package dev.linkops.registry.api.dto;

import java.util.List;

/** What a CSV import created (all as drafts). */
public record ImportResponse(int created, List<LinkResponse> links) {
}
