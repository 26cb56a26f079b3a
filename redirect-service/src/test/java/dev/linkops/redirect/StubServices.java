package dev.linkops.redirect;

import com.sun.net.httpserver.HttpServer;
import dev.linkops.contracts.events.v1.AvailabilityChanged;
import dev.linkops.contracts.events.v1.EventCodec;
import dev.linkops.contracts.events.v1.LinkPublished;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * The registry's and availability's /internal snapshot endpoints, served from lists a test fills.
 * Answers 401 without a bearer token, as the real services do for /internal without the service role.
 */
public final class StubServices implements AutoCloseable {

    public final List<LinkPublished> links = new CopyOnWriteArrayList<>();
    public final List<AvailabilityChanged> availability = new CopyOnWriteArrayList<>();
    public final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    private StubServices(HttpServer server) {
        this.server = server;
    }

    public static StubServices start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        StubServices stub = new StubServices(server);
        server.createContext("/internal/links/snapshot", exchange -> stub.answer(exchange, stub.links));
        server.createContext("/internal/availability/snapshot", exchange -> stub.answer(exchange, stub.availability));
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
        return stub;
    }

    private void answer(com.sun.net.httpserver.HttpExchange exchange, List<?> body) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        authorizations.add(String.valueOf(authorization));
        byte[] bytes = authorization != null && authorization.startsWith("Bearer ") && authorization.length() > 20
                ? EventCodec.mapper().writeValueAsBytes(body) : new byte[0];
        int status = bytes.length == 0 ? 401 : 200;
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** What the registry lists after publishing this version. */
    public void publish(LinkPublished link) {
        links.removeIf(l -> l.code().equals(link.code()) && l.version() <= link.version());
        if (links.stream().noneMatch(l -> l.code().equals(link.code()))) {
            links.add(link);
        }
    }

    /** What availability lists after this signal. */
    public void publish(AvailabilityChanged signal) {
        availability.removeIf(a -> a.sku().equals(signal.sku()) && a.market().equals(signal.market())
                && a.sequence() <= signal.sequence());
        if (availability.stream().noneMatch(a -> a.sku().equals(signal.sku()) && a.market().equals(signal.market()))) {
            availability.add(signal);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
