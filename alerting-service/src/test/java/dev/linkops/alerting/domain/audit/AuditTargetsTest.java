package dev.linkops.alerting.domain.audit;

import dev.linkops.alerting.support.Fixtures;
import dev.linkops.contracts.events.v1.LinkPublished;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditTargetsTest {

    @Test
    void everyBranchIsAuditedWithTemplatesExpandedAndTestUtmParametersAdded() {
        LinkPublished link = Fixtures.live(UUID.randomUUID(), "spk", 1, "alice", "marketing", "SPK-X1",
                "https://shop.example.com/p/{sku}?ref=x#reviews",
                List.of(Fixtures.waitlistWhenOutOfStock("https://shop.example.com/waitlist/{sku}?m={market}")));
        List<AuditTargets.Target> targets = AuditTargets.of(link, "n0nce");
        assertEquals(List.of("sold-out", "default"), targets.stream().map(AuditTargets.Target::branch).toList());
        assertTrue(targets.get(0).url().startsWith("https://shop.example.com/waitlist/SPK-X1?m=US&utm_"),
                targets.get(0).url());
        String pdp = targets.get(1).url();
        assertTrue(pdp.startsWith("https://shop.example.com/p/SPK-X1?ref=x&"), pdp);
        assertTrue(pdp.contains("utm_source=google") && pdp.contains("utm_id=linkops-audit-n0nce"), pdp);
        assertTrue(pdp.endsWith("#reviews"), pdp);
    }

    @Test
    void parametersDroppedOnTheWayAreNamed() {
        Map<String, String> params = Map.of("utm_source", "google", "utm_id", "linkops-audit-1");
        assertEquals(List.of(), AuditTargets.missing("https://s/p?utm_source=google&utm_id=linkops-audit-1", params));
        assertEquals(List.of("utm_id"), AuditTargets.missing("https://s/p?utm_source=google", params));
    }
}
