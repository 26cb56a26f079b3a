package dev.linkops.availability.api.dto;

/**
 * Thresholds for a SKU (PUT /api/skus/{sku}/thresholds) or a default (PUT /api/skus/threshold-defaults,
 * where skuPrefix applies; blank = every SKU). market left out = every market. A field left out is
 * inherited from the next less specific level. hysteresis is in units above the low mark.
 */
public record ThresholdRequest(String skuPrefix, String market, Long lowAtMost, Long baseline,
                               Integer lowPercentOfBaseline, Integer hysteresis) {
}
