package dev.linkops.availability.domain.feed;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks one raw item; a bad item becomes a {@link RejectedItem} instead of failing the whole batch. */
public final class FeedItemParser {
    public static final int MAX_SKU_LENGTH = 64;
    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]*");
    private static final Pattern MARKET = Pattern.compile("[A-Z]{2}");

    private final Instant latestAllowedObservation;

    /** @param latestAllowedObservation now plus the tolerated clock skew of senders */
    public FeedItemParser(Instant latestAllowedObservation) {
        this.latestAllowedObservation = latestAllowedObservation;
    }

    /** @return a FeedItem or a RejectedItem */
    public Object parse(int index, JsonNode raw) {
        String at = "/items/" + index;
        if (raw == null || !raw.isObject()) {
            return new RejectedItem(index, at, "must be an object with sku, market, onHand and observedAt");
        }
        JsonNode skuNode = raw.get("sku");
        if (skuNode == null || skuNode.isNull() || !skuNode.isTextual() || skuNode.asText().isBlank()) {
            return new RejectedItem(index, at + "/sku", "is required (text)");
        }
        String sku = skuNode.asText().trim();
        if (sku.length() > MAX_SKU_LENGTH || !SKU.matcher(sku).matches()) {
            return new RejectedItem(index, at + "/sku", "must be at most " + MAX_SKU_LENGTH
                    + " letters, digits or . _ : / - and start with a letter or digit");
        }
        JsonNode marketNode = raw.get("market");
        if (marketNode == null || !marketNode.isTextual()) {
            return new RejectedItem(index, at + "/market", "is required (ISO 3166 country code such as US)");
        }
        String market = marketNode.asText().trim().toUpperCase(Locale.ROOT);
        if (!MARKET.matcher(market).matches()) {
            return new RejectedItem(index, at + "/market", "must be a two-letter ISO 3166 country code such as US");
        }
        Long onHand = quantity(raw.get("onHand"));
        if (onHand == null) {
            return new RejectedItem(index, at + "/onHand", "is required: a whole number of units, 0 or more");
        }
        if (onHand < 0) {
            return new RejectedItem(index, at + "/onHand", "must be 0 or more");
        }
        JsonNode reservedNode = raw.get("reserved");
        long reserved = 0;
        if (reservedNode != null && !reservedNode.isNull()) {
            Long r = quantity(reservedNode);
            if (r == null || r < 0) {
                return new RejectedItem(index, at + "/reserved", "must be a whole number of units, 0 or more");
            }
            reserved = r;
        }
        JsonNode backorderNode = raw.get("backorderable");
        boolean backorderable = false;
        if (backorderNode != null && !backorderNode.isNull()) {
            if (!backorderNode.isBoolean()) {
                return new RejectedItem(index, at + "/backorderable", "must be true or false");
            }
            backorderable = backorderNode.booleanValue();
        }
        JsonNode observedNode = raw.get("observedAt");
        if (observedNode == null || !observedNode.isTextual()) {
            return new RejectedItem(index, at + "/observedAt",
                    "is required: an ISO-8601 instant such as 2026-12-05T10:00:00Z");
        }
        Instant observedAt;
        try {
            observedAt = Instant.parse(observedNode.asText().trim());
        } catch (DateTimeParseException e) {
            return new RejectedItem(index, at + "/observedAt",
                    "must be an ISO-8601 instant with zone such as 2026-12-05T10:00:00Z");
        }
        if (observedAt.isAfter(latestAllowedObservation)) {
            return new RejectedItem(index, at + "/observedAt", "lies in the future (beyond the tolerated clock skew)");
        }
        return new FeedItem(index, sku, market, onHand, reserved, backorderable, observedAt);
    }

    private static Long quantity(JsonNode node) {
        if (node == null || node.isNull() || !node.isIntegralNumber() || !node.canConvertToLong()) {
            return null;
        }
        return node.longValue();
    }
}
