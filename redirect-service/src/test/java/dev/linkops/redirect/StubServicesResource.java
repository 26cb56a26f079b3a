package dev.linkops.redirect;

import dev.linkops.contracts.events.v1.LinkStatus;
import dev.linkops.contracts.events.v1.StockState;
import dev.linkops.infra.FreePort;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Registry and availability up, with one link and its signal in their snapshots. */
public class StubServicesResource implements QuarkusTestResourceLifecycleManager {
    public static final String SEEDED_CODE = "seeded";
    public static final String SEEDED_SKU = "SEED-1";
    private static StubServices stub;

    public static StubServices stub() {
        return stub;
    }

    @Override
    public Map<String, String> start() {
        try {
            stub = StubServices.start(FreePort.pick());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        stub.links.add(Fixtures.speakerLink(SEEDED_CODE, SEEDED_SKU, 3, LinkStatus.LIVE));
        stub.availability.add(Fixtures.availability(SEEDED_SKU, StockState.LOW, 12, 7));
        // a fresh local snapshot per run: one left by an earlier run would hold newer sequences
        String run = String.valueOf(System.nanoTime());
        return Map.of("linkops.redirect.registry-url", stub.url(),
                "linkops.redirect.availability-url", stub.url(),
                "linkops.redirect.snapshot-file", "target/test-data/flow-" + run + ".json",
                "linkops.redirect.clicks.journal-file", "target/test-data/flow-" + run + ".journal");
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.close();
        }
    }
}
