package dev.linkops.redirect.domain;

import dev.linkops.contracts.events.v1.LinkRetired;
import dev.linkops.contracts.events.v1.LinkStatus;
import dev.linkops.redirect.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RoutingTableTest {
    private final RoutingTable table = new RoutingTable();

    @Test
    void aNewerVersionReplacesTheOldOneAndAnOlderOneIsIgnored() {
        assertEquals(RoutingTable.Applied.APPLIED, table.apply(Fixtures.speakerLink("c", "S", 2, LinkStatus.LIVE)));
        assertEquals(RoutingTable.Applied.APPLIED, table.apply(Fixtures.speakerLink("c", "S", 3, LinkStatus.PAUSED)));
        assertEquals(RoutingTable.Applied.STALE, table.apply(Fixtures.speakerLink("c", "S", 2, LinkStatus.LIVE)));
        assertEquals(RoutingTable.Applied.STALE, table.apply(Fixtures.speakerLink("c", "S", 3, LinkStatus.LIVE)));
        assertEquals(3, table.find("c").version());
        assertEquals(LinkStatus.PAUSED, table.find("c").link().status());
    }

    @Test
    void aRetiredCodeStaysRetiredWhenAnOlderPublicationArrivesLate() {
        table.apply(Fixtures.speakerLink("c", "S", 1, LinkStatus.LIVE));
        table.retire(new LinkRetired(null, "c", 2, "archived"));
        assertNull(table.find("c"));
        assertEquals(RoutingTable.Applied.STALE, table.apply(Fixtures.speakerLink("c", "S", 1, LinkStatus.LIVE)));
        assertNull(table.find("c"));
        assertEquals(0, table.links().size());
    }

    @Test
    void aVersionThatDoesNotCompileKeepsThePreviousOneServing() {
        table.apply(Fixtures.speakerLink("c", "S", 1, LinkStatus.LIVE));
        var broken = Fixtures.plainLink("c", "ftp://nope", 302, true);
        var newer = new dev.linkops.contracts.events.v1.LinkPublished(broken.linkId(), "c", 5, LinkStatus.LIVE,
                broken.skus(), broken.markets(), broken.language(), null, null, broken.destination(), broken.rules(),
                broken.fallbacks(), broken.utm(), 302, null, true, "a", "t", "c", "ch");
        assertEquals(RoutingTable.Applied.INVALID, table.apply(newer));
        assertEquals(1, table.find("c").version());
    }

    @Test
    void aFullSnapshotRemovesCodesItNoLongerListsButNotOnesAnEventJustAdded() {
        table.apply(Fixtures.speakerLink("old", "S", 1, LinkStatus.LIVE));
        long snapshotRequested = System.nanoTime();
        table.apply(Fixtures.speakerLink("brand-new", "S", 1, LinkStatus.LIVE));
        table.apply(Fixtures.speakerLink("listed", "S", 1, LinkStatus.LIVE));

        assertEquals(1, table.removeAbsent(Set.of("listed"), snapshotRequested));
        assertNull(table.find("old"));
        assertEquals("brand-new", table.find("brand-new").code());
        assertEquals("listed", table.find("listed").code());
    }
}
