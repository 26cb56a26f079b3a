package dev.linkops.redirect.state;

import dev.linkops.contracts.events.v1.LinkPublished;
import dev.linkops.contracts.events.v1.LinkStatus;
import dev.linkops.contracts.events.v1.StockState;
import dev.linkops.redirect.Fixtures;
import dev.linkops.redirect.domain.AvailabilityTable;
import dev.linkops.redirect.domain.RoutingTable;
import dev.linkops.routing.RequestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The local snapshot file is written from the compiled table, not from the events as they arrived. */
class SnapshotFileRoundTripTest {

    private static final List<String> CODES = List.of("low", "out", "fine", "paused", "plain");
    private static final List<RequestContext> VISITORS = List.of(
            new RequestContext("desktop", "US", "en", null),
            new RequestContext("mobile", "DE", null, null),
            new RequestContext("tablet", null, "de-DE", "vip"));

    @Test
    void aSnapshotWrittenFromTheTableReadsBackToTheSameLinksAndRoutesEveryRequestAlike(@TempDir Path dir)
            throws IOException {
        List<LinkPublished> published = List.of(
                Fixtures.speakerLink("low", "SKU-LOW", 3, LinkStatus.LIVE),
                Fixtures.speakerLink("out", "SKU-OUT", 1, LinkStatus.LIVE),
                Fixtures.speakerLink("fine", "SKU-FINE", 2, LinkStatus.LIVE),
                Fixtures.speakerLink("paused", "SKU-OUT", 7, LinkStatus.PAUSED),
                Fixtures.plainLink("plain", Fixtures.SHOP + "/landing?ref=email#top", 307, false));
        RoutingTable links = new RoutingTable();
        AvailabilityTable availability = new AvailabilityTable();
        published.forEach(links::apply);
        availability.apply(Fixtures.availability("SKU-LOW", StockState.LOW, 3, 1));
        availability.apply(Fixtures.availability("SKU-OUT", StockState.OUT_OF_STOCK, 0, 1));
        availability.apply(Fixtures.availability("SKU-FINE", StockState.IN_STOCK, 90, 1));

        Path file = dir.resolve("snapshot.json");
        SnapshotFile.write(file, links.links(), availability.events());
        RoutingTable readLinks = new RoutingTable();
        AvailabilityTable readAvailability = new AvailabilityTable();
        int[] counts = SnapshotFile.read(file, readLinks::apply, readAvailability::apply);

        assertEquals(5, counts[0]);
        assertEquals(3, counts[1]);
        assertEquals(byCode(published), byCode(readLinks.links()));
        Instant now = Instant.now();
        for (String code : CODES) {
            for (RequestContext visitor : VISITORS) {
                assertEquals(links.find(code).route(availability, visitor, now),
                        readLinks.find(code).route(readAvailability, visitor, now), code + " for " + visitor);
            }
        }
        assertEquals("sold-out", readLinks.find("out").route(readAvailability, VISITORS.get(0), now).branch());
    }

    private static Map<String, LinkPublished> byCode(List<LinkPublished> links) {
        return links.stream().collect(Collectors.toMap(LinkPublished::code, Function.identity()));
    }
}
