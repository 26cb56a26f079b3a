package dev.linkops.alerting.domain.audit;

import dev.linkops.alerting.config.AlertingConfig;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Requests a destination and follows its redirects by hand, so every hop passes the SSRF guard,
 * loops are seen and the chain is recorded. Bodies are read up to a size cap, with timeouts.
 */
public class PageFetcher {

    public record Hop(String url, int status, String location) {
    }

    /** What happened: the chain, where it ended, the page (capped) and what went wrong, if anything. */
    public record Result(List<Hop> hops, String finalUrl, Integer finalStatus, String body, String problem,
                         boolean refused) {
    }

    private final DestinationGuard guard;
    private final HttpClient http;
    private final AlertingConfig.Audit config;

    public PageFetcher(DestinationGuard guard, AlertingConfig.Audit config) {
        this.guard = guard;
        this.config = config;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.connectTimeout())
                .build();
    }

    public Result fetch(String url) {
        List<Hop> hops = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        String current = url;
        for (int hop = 0; ; hop++) {
            URI uri;
            try {
                uri = guard.check(current);
            } catch (DestinationGuard.Refused e) {
                String where = hop == 0 ? "" : " (redirect hop " + hop + ")";
                return new Result(hops, current, null, null, "refused" + where + ": " + e.getMessage(), true);
            }
            if (!seen.add(uri.toString())) {
                return new Result(hops, current, hops.isEmpty() ? null : hops.get(hops.size() - 1).status(), null,
                        "redirect loop: " + String.join(" -> ", seen) + " -> " + uri, false);
            }
            if (hop > config.maxHops()) {
                return new Result(hops, current, hops.get(hops.size() - 1).status(), null,
                        "too many redirects (more than " + config.maxHops() + ")", false);
            }
            HttpResponse<InputStream> response;
            try {
                HttpRequest request = HttpRequest.newBuilder(uri)
                        .timeout(config.requestTimeout())
                        .header("User-Agent", config.userAgent())
                        .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
                        .GET().build();
                response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (HttpTimeoutException e) {
                return new Result(hops, current, null, null, "timed out requesting " + uri, false);
            } catch (IOException | IllegalArgumentException e) {
                return new Result(hops, current, null, null, "unreachable: " + uri + " (" + e + ")", false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(hops, current, null, null, "interrupted", false);
            }
            int status = response.statusCode();
            String location = response.headers().firstValue("Location").orElse(null);
            hops.add(new Hop(uri.toString(), status, location));
            if (status >= 300 && status < 400 && location != null) {
                close(response);
                try {
                    current = uri.resolve(location.trim()).toString();
                } catch (IllegalArgumentException e) {
                    return new Result(hops, uri.toString(), status, null, "invalid redirect Location: " + location, false);
                }
                continue;
            }
            if (status >= 400) {
                close(response);
                return new Result(hops, uri.toString(), status, null, "HTTP " + status + " at " + uri, false);
            }
            String body;
            try {
                body = readCapped(response.body());
            } catch (IOException e) {
                return new Result(hops, uri.toString(), status, null, "page could not be read: " + e, false);
            }
            return new Result(hops, uri.toString(), status, body, null, false);
        }
    }

    private String readCapped(InputStream in) throws IOException {
        try (in) {
            byte[] bytes = in.readNBytes(config.maxBodyBytes());
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // nothing to do: the connection is dropped
        }
    }
}
