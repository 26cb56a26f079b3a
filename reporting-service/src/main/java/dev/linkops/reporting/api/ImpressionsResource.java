package dev.linkops.reporting.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkops.reporting.domain.impressions.ImpressionService;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Impressions and spend per campaign, channel and day, as a JSON array or as CSV with the header
 * {@code campaign,channel,day,impressions,spend,currency}. All or nothing; re-importing replaces.
 */
@Path("/api/impressions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ImpressionsResource {
    @Inject
    ImpressionService impressions;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"analytics", "admin"})
    public ImpressionService.ImportResult importJson(JsonNode body) {
        return impressions.importJson(body);
    }

    @POST
    @Consumes(Csv.MEDIA_TYPE)
    @RolesAllowed({"analytics", "admin"})
    public ImpressionService.ImportResult importCsv(String body) {
        return impressions.importCsv(body);
    }
}
