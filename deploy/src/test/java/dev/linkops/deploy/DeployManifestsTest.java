package dev.linkops.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.linkops.contracts.events.v1.Addresses;
import dev.linkops.infra.EmbeddedBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Renders each overlay with the real kustomize (kubectl kustomize) and checks what a platform team
 * relies on: probes, limits, non-root, one public Ingress for redirect only, HPA + PDB for redirect,
 * network policies fencing the database and broker, every referenced ConfigMap/Secret present (or
 * declared external in production), the broker's queues equal to the embedded broker's, the realm
 * import equal to the realm file minus its demo users.
 */
class DeployManifestsTest {
    static final Path DEPLOY = Path.of(System.getProperty("user.dir"));
    static final List<String> SERVICES = List.of("redirect-service", "link-registry-service",
            "availability-service", "alerting-service", "reporting-service");
    /** Created from the production secret store, not by kustomize (see overlays/production). */
    static final Set<String> EXTERNAL_SECRETS_IN_PRODUCTION = Set.of("linkops-db", "linkops-broker", "linkops-oidc",
            "linkops-redirect", "linkops-redirect-tls");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static List<JsonNode> render(String overlay) throws Exception {
        Process p = new ProcessBuilder("kubectl", "kustomize", DEPLOY.resolve("overlays").resolve(overlay).toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize timed out");
        assertEquals(0, p.exitValue(), "kubectl kustomize overlays/" + overlay + " failed:\n" + out);
        List<JsonNode> docs = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(out)) {
            for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext(); ) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull()) {
                    docs.add(doc);
                }
            }
        }
        assertFalse(docs.isEmpty(), "overlay " + overlay + " rendered nothing");
        return docs;
    }

    static List<JsonNode> ofKind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.path("kind").asText())).collect(Collectors.toList());
    }

    static String name(JsonNode doc) {
        return doc.path("metadata").path("name").asText();
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyServiceIsADeploymentWithProbesLimitsAndANonRootContainer(String overlay) throws Exception {
        List<JsonNode> docs = render(overlay);
        List<JsonNode> deployments = ofKind(docs, "Deployment");
        assertEquals(Set.copyOf(SERVICES), deployments.stream().map(DeployManifestsTest::name).collect(Collectors.toSet()));
        for (JsonNode d : deployments) {
            JsonNode pod = d.path("spec").path("template").path("spec");
            assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean(), name(d) + " runs as non-root");
            for (JsonNode c : pod.path("containers")) {
                String where = name(d) + "/" + c.path("name").asText();
                assertEquals("/q/health/live", c.path("livenessProbe").path("httpGet").path("path").asText(), where);
                assertEquals("/q/health/ready", c.path("readinessProbe").path("httpGet").path("path").asText(), where);
                for (String kind : List.of("requests", "limits")) {
                    assertFalse(c.path("resources").path(kind).path("memory").isMissingNode(), where + " memory " + kind);
                    assertFalse(c.path("resources").path(kind).path("cpu").isMissingNode(), where + " cpu " + kind);
                }
                JsonNode sc = c.path("securityContext");
                assertFalse(sc.path("allowPrivilegeEscalation").asBoolean(true), where + " forbids privilege escalation");
                assertTrue(sc.path("readOnlyRootFilesystem").asBoolean(), where + " has a read-only root");
                assertEquals("ALL", sc.path("capabilities").path("drop").path(0).asText(), where + " drops capabilities");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void onlyRedirectIsPublicAndItScalesAndSurvivesDrains(String overlay) throws Exception {
        List<JsonNode> docs = render(overlay);
        List<JsonNode> ingresses = ofKind(docs, "Ingress");
        assertEquals(1, ingresses.size(), "exactly one Ingress");
        Set<String> backends = new HashSet<>();
        ingresses.get(0).path("spec").path("rules").forEach(rule -> rule.path("http").path("paths")
                .forEach(path -> backends.add(path.path("backend").path("service").path("name").asText())));
        assertEquals(Set.of("redirect-service"), backends, "the Ingress routes to redirect only");
        assertTrue(ofKind(docs, "Service").stream().allMatch(s -> !"LoadBalancer".equals(s.path("spec").path("type").asText())
                && !"NodePort".equals(s.path("spec").path("type").asText())), "no Service is exposed around the Ingress");

        JsonNode hpa = single(ofKind(docs, "HorizontalPodAutoscaler"));
        assertEquals("redirect-service", hpa.path("spec").path("scaleTargetRef").path("name").asText());
        assertTrue(hpa.path("spec").path("minReplicas").asInt() >= 1);
        JsonNode pdb = single(ofKind(docs, "PodDisruptionBudget"));
        assertEquals("redirect-service", pdb.path("spec").path("selector").path("matchLabels").path("app.kubernetes.io/name").asText());
        if (overlay.equals("production")) {
            assertFalse(ingresses.get(0).path("spec").path("tls").isMissingNode(), "production terminates TLS");
            assertTrue(hpa.path("spec").path("minReplicas").asInt() > pdb.path("spec").path("minAvailable").asInt(),
                    "a drain can always evict one redirect pod");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void networkPoliciesDenyByDefaultAndFenceTheDatabaseAndBroker(String overlay) throws Exception {
        List<JsonNode> policies = ofKind(render(overlay), "NetworkPolicy");
        JsonNode deny = policies.stream().filter(p -> name(p).equals("default-deny-ingress")).findFirst()
                .orElseThrow(() -> new AssertionError("no default-deny policy"));
        assertTrue(deny.path("spec").path("podSelector").isEmpty(), "default deny selects every pod");
        assertTrue(deny.path("spec").path("ingress").isMissingNode(), "default deny allows nothing");

        for (String fenced : List.of("database-from-services", "broker-from-services")) {
            JsonNode policy = policies.stream().filter(p -> name(p).equals(fenced)).findFirst()
                    .orElseThrow(() -> new AssertionError("missing " + fenced));
            JsonNode firstRule = policy.path("spec").path("ingress").path(0);
            boolean servicesOnly = false;
            for (JsonNode from : firstRule.path("from")) {
                assertTrue(from.path("ipBlock").isMissingNode(), fenced + " admits no address range");
                if ("service".equals(from.path("podSelector").path("matchLabels").path("linkops.dev/tier").asText())) {
                    servicesOnly = true;
                }
            }
            assertTrue(servicesOnly, fenced + " admits the LinkOps services");
        }
        // only the redirect pods accept traffic from anywhere
        for (JsonNode p : policies) {
            for (JsonNode rule : p.path("spec").path("ingress")) {
                if (rule.path("from").isMissingNode()) {
                    assertEquals("redirect-service", p.path("spec").path("podSelector").path("matchLabels")
                            .path("app.kubernetes.io/name").asText(), name(p) + " opens a port to everyone");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyConfigMapAndSecretAServiceReadsExists(String overlay) throws Exception {
        List<JsonNode> docs = render(overlay);
        Set<String> configMaps = ofKind(docs, "ConfigMap").stream().map(DeployManifestsTest::name).collect(Collectors.toSet());
        Set<String> secrets = ofKind(docs, "Secret").stream().map(DeployManifestsTest::name).collect(Collectors.toSet());
        if (overlay.equals("production")) {
            assertTrue(secrets.isEmpty(), "production generates no secrets: " + secrets);
            secrets = EXTERNAL_SECRETS_IN_PRODUCTION;
        }
        for (JsonNode d : ofKind(docs, "Deployment")) {
            for (JsonNode c : d.path("spec").path("template").path("spec").path("containers")) {
                for (JsonNode from : c.path("envFrom")) {
                    if (from.has("configMapRef")) {
                        String cm = from.path("configMapRef").path("name").asText();
                        assertTrue(configMaps.contains(cm), name(d) + " reads missing ConfigMap " + cm);
                    }
                }
                for (JsonNode env : c.path("env")) {
                    JsonNode ref = env.path("valueFrom").path("secretKeyRef");
                    if (!ref.isMissingNode()) {
                        assertTrue(secrets.contains(ref.path("name").asText()),
                                name(d) + " reads missing Secret " + ref.path("name").asText());
                    }
                }
            }
        }
    }

    @Test
    void theBrokerDeclaresTheSameSubscriptionQueuesAsTheEmbeddedBroker() throws Exception {
        Set<String> declared = new HashSet<>();
        for (JsonNode a : ofKind(render("production"), "ActiveMQArtemisAddress")) {
            declared.add(a.path("spec").path("addressName").asText() + "::" + a.path("spec").path("queueName").asText());
        }
        Set<String> expected = new HashSet<>();
        EmbeddedBroker.SUBSCRIPTIONS.forEach((topic, services) -> services.forEach(s -> expected.add(Addresses.subscription(topic, s))));
        assertEquals(expected, declared);
    }

    @Test
    void infrastructureComesFromTheOperators() throws Exception {
        List<JsonNode> docs = render("production");
        assertNotNull(single(ofKind(docs, "Cluster")), "CloudNativePG Cluster");
        Set<String> databases = ofKind(docs, "Database").stream().map(d -> d.path("spec").path("name").asText())
                .collect(Collectors.toSet());
        databases.add(single(ofKind(docs, "Cluster")).path("spec").path("bootstrap").path("initdb").path("database").asText());
        assertEquals(Set.of("linkops_registry", "linkops_availability", "linkops_alerting", "linkops_reporting", "keycloak"), databases);
        assertNotNull(single(ofKind(docs, "ActiveMQArtemis")));
        assertNotNull(single(ofKind(docs, "Keycloak")));
        assertEquals("linkops", single(ofKind(docs, "KeycloakRealmImport")).path("spec").path("realm").path("realm").asText());
    }

    /**
     * The operator's realm import is the realm file without demo users and with the client secret
     * taken from the linkops-oidc Secret. Run with -Dlinkops.deploy.regenerate=true to rewrite it.
     */
    @Test
    void realmImportMatchesTheRealmFile() throws Exception {
        Path realmFile = DEPLOY.resolve("keycloak/linkops-realm.json");
        Path importFile = DEPLOY.resolve("base/infra/keycloak-realm-import.yaml");
        ObjectNode realm = (ObjectNode) new ObjectMapper().readTree(realmFile.toFile());
        realm.remove("users");
        for (JsonNode client : realm.path("clients")) {
            if (client.has("secret")) {
                ((ObjectNode) client).put("secret", "${LINKOPS_API_SECRET}");
            }
        }
        ObjectNode cr = YAML.createObjectNode();
        cr.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        cr.put("kind", "KeycloakRealmImport");
        cr.putObject("metadata").put("name", "linkops-realm");
        ObjectNode spec = cr.putObject("spec");
        spec.put("keycloakCRName", "keycloak");
        spec.putObject("placeholders").putObject("LINKOPS_API_SECRET").putObject("secret")
                .put("name", "linkops-oidc").put("key", "client-secret");
        spec.set("realm", realm);
        String expected = "# Generated from deploy/keycloak/linkops-realm.json by DeployManifestsTest (demo users removed).\n"
                + new YAMLMapper().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).writeValueAsString(cr);
        if (Boolean.getBoolean("linkops.deploy.regenerate")) {
            Files.writeString(importFile, expected);
        }
        assertEquals(expected, Files.readString(importFile),
                "keycloak-realm-import.yaml is stale: run mvn -pl deploy test -Dlinkops.deploy.regenerate=true");
        assertTrue(((ArrayNode) realm.path("roles").path("realm")).size() >= 6, "realm roles present");
    }

    static JsonNode single(List<JsonNode> docs) {
        if (docs.size() != 1) {
            fail("expected exactly one, found " + docs.size());
        }
        return docs.get(0);
    }

    static String read(Path p) throws IOException {
        return Files.readString(p);
    }
}
