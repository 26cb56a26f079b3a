package dev.linkops.redirect.state;

import dev.linkops.contracts.events.v1.AvailabilityChanged;
import dev.linkops.contracts.events.v1.LinkPublished;
import dev.linkops.redirect.config.RedirectConfig;
import io.quarkus.oidc.client.OidcClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Reads the registry's and availability's {@code /internal} snapshots with a client-credentials token
 * (service role). Used at start and for reconciliation, never on the request path.
 */
@ApplicationScoped
public class ServiceSnapshots {
    public static final String LINKS_PATH = "/internal/links/snapshot";
    public static final String AVAILABILITY_PATH = "/internal/availability/snapshot";

    @Inject
    RedirectConfig config;

    @Inject
    OidcClient oidc;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public int links(Consumer<LinkPublished> sink) throws IOException {
        return fetch(config.registryUrl() + LINKS_PATH, LinkPublished.class, sink);
    }

    public int availability(Consumer<AvailabilityChanged> sink) throws IOException {
        return fetch(config.availabilityUrl() + AVAILABILITY_PATH, AvailabilityChanged.class, sink);
    }

    private <T> int fetch(String url, Class<T> type, Consumer<T> sink) throws IOException {
        String token;
        try {
            token = oidc.getTokens().await().atMost(config.snapshotTimeout()).getAccessToken();
        } catch (RuntimeException e) {
            throw new IOException("no service token for " + url + ": " + e.getMessage(), e);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(config.snapshotTimeout())
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + url, e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException(url + " answered " + response.statusCode());
            }
            return SnapshotFile.readArray(body, type, sink);
        }
    }
}
