package dev.linkops.infra.suite;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A small shop on localhost so that links have real pages to land on: product pages {@code /p/{sku}},
 * category pages {@code /c/{category}}, waitlist pages {@code /waitlist/{sku}} and a home page, each
 * carrying schema.org Product/Offer availability in JSON-LD. The shop keeps its own stock per SKU
 * ({@link #setStock}, or {@code PUT /admin/stock/{sku}} with a number) so it can disagree with the
 * availability service, as real shops do, and destination audits have something to find.
 */
public final class DemoStorefront implements AutoCloseable {
    /** Below or at this many units a page says LimitedAvailability. */
    public static final int LOW_AT_MOST = 25;

    /** One product of the demo catalogue. */
    public static final class Product {
        public final String sku;
        public final String name;
        public final String category;
        public final String price;

        Product(String sku, String name, String category, String price) {
            this.sku = sku;
            this.name = name;
            this.category = category;
            this.price = price;
        }
    }

    /** One request the shop answered: method, path and the raw (still percent-encoded) query. */
    public static final class Visit {
        public final String method;
        public final String path;
        public final String rawQuery;

        Visit(String method, String path, String rawQuery) {
            this.method = method;
            this.path = path;
            this.rawQuery = rawQuery;
        }

        @Override
        public String toString() {
            return method + " " + path + (rawQuery == null ? "" : "?" + rawQuery);
        }
    }

    public static final List<Product> CATALOG = List.of(
            new Product("SPK-X1", "Aurora Smart Speaker X1", "speakers", "129.00"),
            new Product("SPK-X2", "Aurora Smart Speaker X2 Mini", "speakers", "79.00"),
            new Product("HP-Q5", "Quiet Headphones Q5", "headphones", "199.00"),
            new Product("SB-200", "Soundbar 200", "tv-audio", "249.00"));

    private final HttpServer server;
    private final String baseUrl;
    private final Map<String, Integer> stock = new ConcurrentHashMap<>();
    private final Deque<Visit> visits = new ArrayDeque<>();

    private DemoStorefront(HttpServer server, String baseUrl) {
        this.server = server;
        this.baseUrl = baseUrl;
        stock.put("SPK-X1", 120);
        stock.put("SPK-X2", 300);
        stock.put("HP-Q5", 40);
        stock.put("SB-200", 0);
    }

    /** @param port 0 for any free port; binds loopback only */
    public static DemoStorefront start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        DemoStorefront shop = new DemoStorefront(server, "http://localhost:" + server.getAddress().getPort());
        server.createContext("/", shop::handle);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "storefront");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return shop;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void setStock(String sku, int available) {
        stock.put(sku.toUpperCase(Locale.ROOT), Math.max(0, available));
    }

    public int stock(String sku) {
        return stock.getOrDefault(sku.toUpperCase(Locale.ROOT), 0);
    }

    /** The most recent requests, oldest first (at most 1000). */
    public List<Visit> visits() {
        synchronized (visits) {
            return new ArrayList<>(visits);
        }
    }

    /** schema.org availability the shop shows for its current stock. */
    public String availability(String sku) {
        int n = stock(sku);
        return n <= 0 ? "https://schema.org/OutOfStock"
                : n <= LOW_AT_MOST ? "https://schema.org/LimitedAvailability" : "https://schema.org/InStock";
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getRawPath();
            String query = ex.getRequestURI().getRawQuery();
            if (!path.startsWith("/admin/")) {
                synchronized (visits) {
                    visits.addLast(new Visit(method, path, query));
                    if (visits.size() > 1000) {
                        visits.removeFirst();
                    }
                }
            }
            String[] seg = path.substring(1).split("/", -1);
            if (path.startsWith("/admin/stock")) {
                admin(ex, seg);
                return;
            }
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(ex, 405, "text/plain", "method not allowed");
                return;
            }
            if (path.equals("/")) {
                send(ex, 200, "text/html", home());
            } else if (seg.length == 2 && seg[0].equals("p") && product(seg[1]) != null) {
                send(ex, 200, "text/html", productPage(product(seg[1]), query));
            } else if (seg.length == 2 && seg[0].equals("c") && !inCategory(seg[1]).isEmpty()) {
                send(ex, 200, "text/html", categoryPage(seg[1], query));
            } else if (seg.length == 2 && seg[0].equals("waitlist") && product(seg[1]) != null) {
                send(ex, 200, "text/html", waitlistPage(product(seg[1]), query));
            } else {
                send(ex, 404, "text/html", page("Not found", "", "<h1>Not found</h1><p>No such page: "
                        + esc(path) + "</p>", query));
            }
        }
    }

    private void admin(HttpExchange ex, String[] seg) throws IOException {
        if (seg.length == 2 && ex.getRequestMethod().equals("GET")) {
            StringBuilder sb = new StringBuilder("{");
            stock.forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
            send(ex, 200, "application/json", sb.append('}').toString());
        } else if (seg.length == 3 && (ex.getRequestMethod().equals("PUT") || ex.getRequestMethod().equals("POST"))) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).trim();
            try {
                setStock(seg[2], Integer.parseInt(body));
                send(ex, 204, "text/plain", "");
            } catch (NumberFormatException e) {
                send(ex, 400, "text/plain", "body must be the number of units available");
            }
        } else {
            send(ex, 404, "text/plain", "GET /admin/stock or PUT /admin/stock/{sku} with a number");
        }
    }

    private static Product product(String skuInPath) {
        return CATALOG.stream().filter(p -> p.sku.equalsIgnoreCase(skuInPath)).findFirst().orElse(null);
    }

    private static List<Product> inCategory(String category) {
        List<Product> list = new ArrayList<>();
        for (Product p : CATALOG) {
            if (p.category.equalsIgnoreCase(category)) {
                list.add(p);
            }
        }
        return list;
    }

    private String productUrl(Product p) {
        return baseUrl + "/p/" + p.sku.toLowerCase(Locale.ROOT);
    }

    private String productJsonLd(Product p) {
        return "{\"@type\":\"Product\",\"sku\":\"" + p.sku + "\",\"name\":\"" + p.name + "\",\"category\":\""
                + p.category + "\",\"url\":\"" + productUrl(p) + "\",\"offers\":{\"@type\":\"Offer\",\"price\":\""
                + p.price + "\",\"priceCurrency\":\"USD\",\"availability\":\"" + availability(p.sku) + "\",\"url\":\""
                + productUrl(p) + "\"}}";
    }

    private String productPage(Product p, String query) {
        String ld = "{\"@context\":\"https://schema.org\"," + productJsonLd(p).substring(1);
        String state = availability(p.sku).replace("https://schema.org/", "");
        return page(p.name, ld, "<h1>" + esc(p.name) + "</h1><p class=\"price\">$" + p.price + "</p>"
                + "<p class=\"availability\" data-availability=\"" + state + "\">" + state + " (" + stock(p.sku)
                + " left)</p>" + (stock(p.sku) > 0 ? "<button>Add to cart</button>"
                : "<a href=\"/waitlist/" + p.sku.toLowerCase(Locale.ROOT) + "\">Join the waitlist</a>"), query);
    }

    private String categoryPage(String category, String query) {
        StringBuilder items = new StringBuilder();
        StringBuilder html = new StringBuilder("<h1>" + esc(category) + "</h1><ul>");
        int pos = 1;
        for (Product p : inCategory(category)) {
            items.append(items.length() > 0 ? "," : "").append("{\"@type\":\"ListItem\",\"position\":").append(pos++)
                    .append(",\"item\":").append(productJsonLd(p)).append('}');
            html.append("<li><a href=\"/p/").append(p.sku.toLowerCase(Locale.ROOT)).append("\">").append(esc(p.name))
                    .append("</a> $").append(p.price).append(" — ")
                    .append(availability(p.sku).replace("https://schema.org/", "")).append("</li>");
        }
        String ld = "{\"@context\":\"https://schema.org\",\"@type\":\"ItemList\",\"name\":\"" + category
                + "\",\"itemListElement\":[" + items + "]}";
        return page(category, ld, html.append("</ul>").toString(), query);
    }

    private String waitlistPage(Product p, String query) {
        String ld = "{\"@context\":\"https://schema.org\"," + productJsonLd(p).substring(1);
        return page("Waitlist: " + p.name, ld, "<h1>Get notified: " + esc(p.name) + "</h1>"
                + "<form method=\"post\"><input type=\"email\" name=\"email\" placeholder=\"you@example.com\">"
                + "<button>Notify me</button></form>", query);
    }

    private String home() {
        StringBuilder html = new StringBuilder("<h1>LinkOps demo store</h1><ul>");
        for (Product p : CATALOG) {
            html.append("<li><a href=\"/p/").append(p.sku.toLowerCase(Locale.ROOT)).append("\">").append(esc(p.name))
                    .append("</a> in <a href=\"/c/").append(p.category).append("\">").append(p.category).append("</a></li>");
        }
        return page("LinkOps demo store", "{\"@context\":\"https://schema.org\",\"@type\":\"WebSite\",\"name\":"
                + "\"LinkOps demo store\",\"url\":\"" + baseUrl + "/\"}", html.append("</ul>").toString(), null);
    }

    private static String page(String title, String jsonLd, String body, String query) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title)
                + " | LinkOps demo store</title>"
                + (jsonLd.isEmpty() ? "" : "<script type=\"application/ld+json\">" + jsonLd + "</script>")
                + "</head><body>" + body
                + (query == null ? "" : "<p class=\"arrived-with\">query: <code>" + esc(query) + "</code></p>")
                + "</body></html>\n";
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        boolean noBody = ex.getRequestMethod().equals("HEAD") || status == 204;
        ex.sendResponseHeaders(status, noBody ? -1 : bytes.length);
        if (!noBody) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** For printing: sku → stock. */
    public Map<String, Integer> stockLevels() {
        return new LinkedHashMap<>(stock);
    }
}
