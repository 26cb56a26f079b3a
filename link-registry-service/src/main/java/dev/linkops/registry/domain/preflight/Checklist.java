package dev.linkops.registry.domain.preflight;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The launch checklist of one link version. */
public record Checklist(UUID linkId, String code, long version, Instant checkedAt, boolean ready, List<Check> checks) {

    /** One checkpoint; {@code items} say what was looked at (a SKU in a market, a branch, a parameter). */
    public record Check(String name, CheckStatus status, boolean blocking, String detail, List<Item> items) {
    }

    public record Item(String subject, CheckStatus status, String detail) {
    }

    public static Checklist of(UUID linkId, String code, long version, List<Check> checks) {
        return new Checklist(linkId, code, version, Instant.now(), checks.stream().noneMatch(Check::blocking), checks);
    }
}
