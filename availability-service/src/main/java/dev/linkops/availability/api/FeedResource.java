package dev.linkops.availability.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkops.availability.api.dto.FeedBatchRequest;
import dev.linkops.availability.config.AvailabilityConfig;
import dev.linkops.availability.domain.feed.CsvFeedReader;
import dev.linkops.availability.domain.feed.FeedIntakeService;
import dev.linkops.availability.domain.feed.FeedResult;
import dev.linkops.platform.problem.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Feed intake (DESIGN §8). The same batch as JSON or as CSV (batchId and sentAt then travel as query
 * parameters). Always 200 with the per-item outcome: bad items are listed, good ones land.
 */
@Path("/api/feeds")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class FeedResource {
    public static final String TEXT_CSV = "text/csv";

    @Inject
    FeedIntakeService intake;

    @Inject
    AvailabilityConfig config;

    @POST
    @Path("/{source}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATIONS, Roles.SERVICE, Roles.ADMIN})
    public FeedResult json(@PathParam("source") String source, FeedBatchRequest batch) {
        if (batch == null) {
            throw ProblemException.invalid("/", "a JSON object with batchId and items is required");
        }
        List<JsonNode> items = batch.items();
        return intake.ingest(source, batch.batchId(), batch.sentAt(), items, items == null ? 0 : items.size());
    }

    @POST
    @Path("/{source}")
    @Consumes(TEXT_CSV)
    @RolesAllowed({Roles.OPERATIONS, Roles.SERVICE, Roles.ADMIN})
    public FeedResult csv(@PathParam("source") String source, @QueryParam("batchId") String batchId,
                          @QueryParam("sentAt") String sentAt, String body) {
        Instant sent = null;
        if (sentAt != null && !sentAt.isBlank()) {
            try {
                sent = Instant.parse(sentAt.trim());
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid("/sentAt", "must be an ISO-8601 instant such as 2026-12-05T10:00:02Z");
            }
        }
        if (batchId == null || batchId.isBlank()) {
            throw ProblemException.invalid("/batchId", "is required as a query parameter for CSV uploads (?batchId=...)");
        }
        int[] rows = new int[1];
        List<JsonNode> items = CsvFeedReader.read(body, config.maxBatchItems(), rows);
        return intake.ingest(source, batchId, sent, items, rows[0]);
    }
}
