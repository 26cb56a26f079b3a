package dev.linkops.infra.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Order statistics of a sample, nearest rank: with 20 samples p99 is the largest, and the report says so. */
final class Stats {
    private final double[] sorted;

    Stats(List<Double> samples) {
        this.sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    int count() {
        return sorted.length;
    }

    /** @param p in (0, 100]; NaN for an empty sample */
    double percentile(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    double median() {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    double min() {
        return sorted.length == 0 ? Double.NaN : sorted[0];
    }

    @Override
    public String toString() {
        return Arrays.toString(sorted);
    }

    static String ms(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, v < 10 ? "%.2f" : "%.1f", v);
    }

    static String num(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%,.0f", v);
    }
}
