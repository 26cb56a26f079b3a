package dev.linkops.availability.api.dto;

import java.util.List;

/** The settings stored for a SKU and what applies in each market it has availability in. */
public record SkuThresholdsResponse(String sku, List<ThresholdResponse> settings,
                                    List<ThresholdResponse.Effective> effective) {
}
