package dev.linkops.availability.domain.stock;

/**
 * The thresholds that apply to one (sku, market) after merging SKU settings and defaults.
 * {@code hysteresis} is in units: a LOW SKU turns IN_STOCK again only above lowMark + hysteresis.
 */
public record EffectiveThresholds(Long lowAtMost, Long baseline, Integer lowPercentOfBaseline, Integer hysteresis) {

    public static final EffectiveThresholds NONE = new EffectiveThresholds(null, null, null, null);

    /**
     * The quantity at or below which a SKU is LOW: the higher of the absolute mark and the percent of
     * baseline (rounded down), or null when neither is set.
     */
    public Long lowMark() {
        Long percentMark = baseline != null && lowPercentOfBaseline != null
                ? baseline * lowPercentOfBaseline / 100 : null;
        if (lowAtMost == null) {
            return percentMark;
        }
        return percentMark == null ? lowAtMost : Math.max(lowAtMost, percentMark);
    }

    public int band() {
        return hysteresis == null ? 0 : hysteresis;
    }

    /** Field by field: a field this one leaves unset is taken from the fallback. */
    public EffectiveThresholds orElse(EffectiveThresholds fallback) {
        return new EffectiveThresholds(
                lowAtMost != null ? lowAtMost : fallback.lowAtMost,
                baseline != null ? baseline : fallback.baseline,
                lowPercentOfBaseline != null ? lowPercentOfBaseline : fallback.lowPercentOfBaseline,
                hysteresis != null ? hysteresis : fallback.hysteresis);
    }
}
