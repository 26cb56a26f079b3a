package dev.linkops.redirect;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Raw requests: the JDK client sends the query byte for byte and does not follow redirects. */
public final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    public static HttpResponse<String> get(URL base, String pathAndQuery, String... headers) {
        return send(base, "GET", pathAndQuery, headers);
    }

    public static HttpResponse<String> head(URL base, String pathAndQuery, String... headers) {
        return send(base, "HEAD", pathAndQuery, headers);
    }

    private static HttpResponse<String> send(URL base, String method, String pathAndQuery, String... headers) {
        String root = base.toString().replaceAll("/+$", "");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(5));
        if (headers.length == 0) {
            request.header("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0 Safari/537.36");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + pathAndQuery + " failed", e);
        }
    }

    /** The test profile's global fallback, where unknown codes (orphan clicks) go. */
    public static final String GLOBAL_FALLBACK = "http://shop.test/";

    /** An orphan click's location: the global fallback with the shopper's parameters and a click id. */
    public static boolean atGlobalFallback(String location) {
        return location != null && location.startsWith(GLOBAL_FALLBACK + "?") && location.contains("lo_cid=");
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse(null);
    }
}
