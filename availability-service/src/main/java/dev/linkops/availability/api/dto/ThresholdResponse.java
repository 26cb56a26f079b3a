package dev.linkops.availability.api.dto;

import dev.linkops.availability.domain.stock.EffectiveThresholds;
import dev.linkops.availability.domain.thresholds.SkuThreshold;
import dev.linkops.availability.domain.thresholds.ThresholdDefault;

import java.time.Instant;

/** One stored threshold setting; sku or skuPrefix names its scope. */
public record ThresholdResponse(String sku, String skuPrefix, String market, Long lowAtMost, Long baseline,
                                Integer lowPercentOfBaseline, Integer hysteresis, Instant updatedAt, String updatedBy) {

    public static ThresholdResponse of(SkuThreshold t) {
        return new ThresholdResponse(t.sku, null, t.market, t.lowAtMost, t.baseline, t.lowPercentOfBaseline,
                t.hysteresis, t.updatedAt, t.updatedBy);
    }

    public static ThresholdResponse of(ThresholdDefault t) {
        return new ThresholdResponse(null, t.skuPrefix, t.market, t.lowAtMost, t.baseline, t.lowPercentOfBaseline,
                t.hysteresis, t.updatedAt, t.updatedBy);
    }

    /** What applies after merging with defaults, with the resulting low mark. */
    public record Effective(String market, Long lowAtMost, Long baseline, Integer lowPercentOfBaseline,
                            Integer hysteresis, Long lowMark) {
        public static Effective of(String market, EffectiveThresholds t) {
            return new Effective(market, t.lowAtMost(), t.baseline(), t.lowPercentOfBaseline(), t.hysteresis(),
                    t.lowMark());
        }
    }
}
