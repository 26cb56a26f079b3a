package dev.linkops.infra.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small JSON-over-HTTP client for the suite, the demo loader and end-to-end tests. Never follows redirects. */
public final class Http {
    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** Status, headers and body of one answer. */
    public static final class Response {
        private final int status;
        private final Map<String, List<String>> headers;
        private final String body;

        Response(int status, Map<String, List<String>> headers, String body) {
            this.status = status;
            this.headers = headers;
            this.body = body;
        }

        public int status() {
            return status;
        }

        public String body() {
            return body;
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                    .map(e -> e.getValue().get(0)).findFirst();
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body == null || body.isEmpty() ? "null" : body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (HTTP " + status + "): " + abbreviated(), e);
            }
        }

        public boolean is2xx() {
            return status >= 200 && status < 300;
        }

        public String abbreviated() {
            String b = body == null ? "" : body.replaceAll("\\s+", " ");
            return b.length() > 400 ? b.substring(0, 400) + "…" : b;
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + abbreviated();
        }
    }

    public Response get(String url, String bearer) {
        return send("GET", url, bearer, null);
    }

    public Response post(String url, String bearer, Object jsonBody) {
        return send("POST", url, bearer, jsonBody);
    }

    public Response put(String url, String bearer, Object jsonBody) {
        return send("PUT", url, bearer, jsonBody);
    }

    /** @param jsonBody null for no body, a String sent as is, anything else serialized with Jackson */
    public Response send(String method, String url, String bearer, Object jsonBody) {
        try {
            HttpRequest.BodyPublisher publisher = jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(jsonBody instanceof String
                    ? (String) jsonBody : JSON.writeValueAsString(jsonBody));
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json, application/problem+json;q=0.9, */*;q=0.1")
                    .method(method, publisher);
            if (jsonBody != null) {
                b.header("Content-Type", "application/json");
            }
            if (bearer != null) {
                b.header("Authorization", "Bearer " + bearer);
            }
            return exchange(b.build());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + " failed: " + e, e);
        }
    }

    public Response postForm(String url, Map<String, String> form) {
        StringBuilder sb = new StringBuilder();
        form.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(encode(k)).append('=').append(encode(v));
        });
        return exchange(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(sb.toString())).build());
    }

    public Response exchange(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + request.uri(), e);
        }
    }

    /** True when something answers HTTP at the URL (any status). */
    public boolean answers(String url) {
        try {
            exchange(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
