package dev.linkops.reporting.api;

import dev.linkops.reporting.config.ReportingConfig;
import dev.linkops.reporting.domain.reports.CampaignReport;
import dev.linkops.reporting.domain.reports.Counts;
import dev.linkops.reporting.domain.reports.OpsView;
import dev.linkops.reporting.domain.reports.ReportQuery;
import dev.linkops.reporting.domain.reports.ReportService;
import dev.linkops.reporting.domain.reports.StockComparison;
import dev.linkops.reporting.domain.reports.Timeline;
import dev.linkops.platform.problem.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Stock-aware reports (DESIGN §6, §8). JSON by default; {@code Accept: text/csv} gives the rows as CSV. */
@Path("/api/reports")
@Authenticated
public class ReportsResource {
    private static final String DEFAULT_GROUP_BY = "stockState,branch";

    @Inject
    ReportService reports;
    @Inject
    ReportingConfig config;

    @GET
    @Path("/campaigns/{campaign}")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @RolesAllowed({"analytics", "marketing", "admin"})
    public Response campaign(@PathParam("campaign") String campaign, @QueryParam("from") String from,
                             @QueryParam("to") String to,
                             @QueryParam("groupBy") @DefaultValue(DEFAULT_GROUP_BY) String groupBy,
                             @QueryParam("channel") String channel, @QueryParam("link") String link,
                             @QueryParam("market") String market, @QueryParam("device") String device,
                             @QueryParam("includeBots") @DefaultValue("false") boolean includeBots,
                             @QueryParam("format") String format, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        ReportQuery q = ReportParams.parse(campaign, link, from, to, groupBy, channel, market, device, includeBots,
                config.reports().defaultDays());
        return respond(reports.report(q), q, format, accept);
    }

    @GET
    @Path("/links/{linkId}")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @RolesAllowed({"analytics", "marketing", "admin"})
    public Response link(@PathParam("linkId") String linkId, @QueryParam("from") String from,
                         @QueryParam("to") String to,
                         @QueryParam("groupBy") @DefaultValue(DEFAULT_GROUP_BY) String groupBy,
                         @QueryParam("market") String market, @QueryParam("device") String device,
                         @QueryParam("includeBots") @DefaultValue("false") boolean includeBots,
                         @QueryParam("format") String format, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        ReportParams.uuid("linkId", linkId);
        ReportQuery q = ReportParams.parse(null, linkId, from, to, groupBy, null, market, device, includeBots,
                config.reports().defaultDays());
        return respond(reports.report(q), q, format, accept);
    }

    @GET
    @Path("/campaigns/{campaign}/stock-comparison")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"analytics", "marketing", "admin"})
    public StockComparison stockComparison(@PathParam("campaign") String campaign, @QueryParam("from") String from,
                                           @QueryParam("to") String to, @QueryParam("channel") String channel,
                                           @QueryParam("market") String market, @QueryParam("device") String device,
                                           @QueryParam("includeBots") @DefaultValue("false") boolean includeBots) {
        return reports.stockComparison(ReportParams.parse(campaign, null, from, to, null, channel, market, device,
                includeBots, config.reports().defaultDays()));
    }

    @GET
    @Path("/campaigns/{campaign}/timeline")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"analytics", "marketing", "admin"})
    public Timeline campaignTimeline(@PathParam("campaign") String campaign, @QueryParam("from") String from,
                                     @QueryParam("to") String to, @QueryParam("market") String market,
                                     @QueryParam("device") String device,
                                     @QueryParam("includeBots") @DefaultValue("false") boolean includeBots) {
        return reports.timeline(timelineQuery(campaign, null, from, to, market, device, includeBots));
    }

    @GET
    @Path("/links/{linkId}/timeline")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"analytics", "marketing", "admin"})
    public Timeline linkTimeline(@PathParam("linkId") String linkId, @QueryParam("from") String from,
                                 @QueryParam("to") String to, @QueryParam("market") String market,
                                 @QueryParam("device") String device,
                                 @QueryParam("includeBots") @DefaultValue("false") boolean includeBots) {
        ReportParams.uuid("linkId", linkId);
        return reports.timeline(timelineQuery(null, linkId, from, to, market, device, includeBots));
    }

    @GET
    @Path("/ops")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"analytics", "marketing", "operations", "admin"})
    public OpsView ops(@QueryParam("from") String from, @QueryParam("to") String to,
                       @QueryParam("campaign") String campaign, @QueryParam("channel") String channel) {
        return reports.ops(ReportParams.parse(campaign, null, from, to, null, channel, null, null, false,
                config.reports().defaultDays()));
    }

    private ReportQuery timelineQuery(String campaign, String link, String from, String to, String market,
                                      String device, boolean includeBots) {
        ReportQuery q = ReportParams.parse(campaign, link, from, to, null, null, market, device, includeBots,
                Math.min(7, config.reports().maxTimelineDays()));
        if (Duration.between(q.from(), q.to()).toDays() > config.reports().maxTimelineDays()) {
            throw ProblemException.invalid("to", "a timeline spans at most " + config.reports().maxTimelineDays()
                    + " days");
        }
        return q;
    }

    private static Response respond(CampaignReport report, ReportQuery q, String format, String accept) {
        boolean csv = "csv".equalsIgnoreCase(format) || (accept != null && accept.contains(Csv.MEDIA_TYPE)
                && !accept.contains(MediaType.APPLICATION_JSON));
        if (!csv) {
            return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
        }
        List<String> header = new ArrayList<>(report.groupBy());
        header.addAll(Counts.ZERO.metrics().keySet());
        String name = (q.campaign() != null ? q.campaign() : "link-" + q.linkId()).replaceAll("[^A-Za-z0-9_.-]", "_");
        return Response.ok(Csv.of(report.rows(), header), Csv.MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").build();
    }
}
