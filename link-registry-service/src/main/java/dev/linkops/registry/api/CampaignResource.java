package dev.linkops.registry.api;

import dev.linkops.registry.domain.inventory.CampaignService;
import dev.linkops.registry.domain.inventory.CampaignSummary;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

import static dev.linkops.registry.api.Roles.ADMIN;
import static dev.linkops.registry.api.Roles.ANALYTICS;
import static dev.linkops.registry.api.Roles.MARKETING;
import static dev.linkops.registry.api.Roles.MERCHANDISING;
import static dev.linkops.registry.api.Roles.OPERATIONS;

@Path("/api/campaigns")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {
    private final CampaignService campaigns;

    public CampaignResource(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    /** Every campaign with its link count, live links, channels, teams and overall window. */
    @GET
    @RolesAllowed({MARKETING, MERCHANDISING, OPERATIONS, ANALYTICS, ADMIN})
    public List<CampaignSummary> list() {
        return campaigns.list();
    }
}
