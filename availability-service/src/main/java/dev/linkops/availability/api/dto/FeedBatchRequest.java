package dev.linkops.availability.api.dto;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/** Items stay raw so one bad item is rejected on its own instead of failing the whole body. */
public record FeedBatchRequest(String batchId, Instant sentAt, List<JsonNode> items) {
}
